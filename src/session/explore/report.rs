//! The explore report: per scenario and bot, the aggregates of its seeds
//! (pass rate with its Wilson interval, score distribution and histogram,
//! outcomes, most frequent findings), the scenario's difficulty and the
//! flags. Every figure is a function of the per-seed runs the report keeps,
//! so shards merge into exactly the report of the whole sweep.

use super::seed::{SeedRun, Sides};
use crate::events::EndReason;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The JSON format's version.
pub const FORMAT: u32 = 1;
/// How many findings the report names per scenario and bot.
pub const TOP_FINDINGS: usize = 5;
/// `by_the_book` should pass at least this share of seeds.
pub const REFERENCE_PASS: f64 = 0.9;
/// `aggressive` should pass at most this share.
pub const AGGRESSIVE_PASS: f64 = 0.1;
/// z for the 95% intervals.
pub const Z95: f64 = 1.96;
/// Mean scores differing by more than this many standard errors of the
/// difference count as a change.
pub const MEAN_SE: f64 = 3.0;
/// ...and by at least this many points (two identical deterministic sweeps
/// have no spread at all).
pub const MEAN_MIN: f64 = 0.5;
/// A deadly-act window this long or longer is no time pressure at all (s).
pub const WINDOW_CAP: f64 = 5.0;
/// Seconds of simulated time past the scenario's limit at which a run that
/// has not ended is stopped and flagged.
pub const CAP_SLACK: f32 = 30.0;

/// The whole explore report (the `--json` output and the record file).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// [`FORMAT`].
    pub format: u32,
    /// The seeds run, as inclusive ranges `[from, to]`, sorted and joined.
    pub seeds: Vec<[u64; 2]>,
    /// The `--policy` override, if any.
    pub policy: Option<String>,
    /// Language of the finding titles.
    pub lang: crate::domain::Lang,
    /// Per scenario, sorted by id.
    pub scenarios: Vec<ScenarioReport>,
    /// Everything flagged, in scenario order.
    pub flags: Vec<Flag>,
}

/// One scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScenarioReport {
    /// Scenario id.
    pub id: String,
    /// The file it was read from.
    pub file: String,
    /// The policy it was scored under.
    pub policy: String,
    /// Its time limit, seconds (the cap is this plus [`CAP_SLACK`]).
    pub time_limit: f32,
    /// How hard it is, from the `by_the_book` runs (absent without them).
    pub difficulty: Option<Difficulty>,
    /// Per bot, in the order asked.
    pub bots: Vec<BotReport>,
    /// Titles (the policy's rule texts in the report's language) of the
    /// rules breached in any seed.
    pub titles: BTreeMap<String, String>,
}

/// One bot on one scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BotReport {
    /// Bot name.
    pub bot: String,
    /// Seeds run.
    pub runs: u32,
    /// Seeds passed.
    pub passed: u32,
    /// `passed / runs`.
    pub pass_rate: f64,
    /// Wilson 95% interval of the pass rate.
    pub pass_interval: [f64; 2],
    /// Distribution of the total score.
    pub score: ScoreStats,
    /// Seeds per score band of 10 points: 0-10, 10-20, ..., 90-100 (100 in the last).
    pub histogram: [u32; 10],
    /// What became of people, summed over the seeds.
    pub outcomes: Outcomes,
    /// The rules breached in the most seeds (at most [`TOP_FINDINGS`]).
    pub findings: Vec<FindingCount>,
    /// Every seed, sorted.
    pub runs_by_seed: Vec<SeedRun>,
}

/// Score distribution.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct ScoreStats {
    /// Lowest.
    pub min: f64,
    /// First quartile (linear interpolation between order statistics).
    pub q1: f64,
    /// Median.
    pub median: f64,
    /// Third quartile.
    pub q3: f64,
    /// Highest.
    pub max: f64,
    /// Mean.
    pub mean: f64,
    /// Sample standard deviation.
    pub sd: f64,
}

/// Outcomes summed over the seeds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Outcomes {
    /// Subjects taken into custody (handcuffed and searched).
    pub custody: u32,
    /// Subjects in all the seeds together.
    pub subjects: u32,
    /// Subjects who escaped.
    pub escaped: u32,
    /// People hurt, by side.
    pub hurt: Sides,
    /// People killed, by side.
    pub killed: Sides,
    /// Seeds that ended on the time limit.
    pub time_limit: u32,
    /// Seeds stopped at the cap without ending.
    pub never_ended: u32,
    /// Seeds that panicked.
    pub panics: u32,
}

/// A rule and how many seeds breached it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FindingCount {
    /// Rule id.
    pub rule: String,
    /// Seeds with at least one breach of it.
    pub runs: u32,
}

/// The difficulty figure and its parts (README, "Difficulty").
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Difficulty {
    /// 0..100: the mean of the three shares below, times 100.
    pub figure: f64,
    /// Share of `by_the_book` seeds with a deadly cue.
    pub deadly: f64,
    /// Median seconds from the first deadly cue to the deadly act, over the
    /// seeds with a cue (no act counts as [`WINDOW_CAP`]); `null` without cues.
    pub window: Option<f64>,
    /// `1 - min(window, WINDOW_CAP) / WINDOW_CAP`; 0 without cues.
    pub pressure: f64,
    /// Share of `by_the_book` seeds failed.
    pub failed: f64,
    /// Median seconds from the cue to `by_the_book`'s first action (shown,
    /// not in the figure).
    pub response: Option<f64>,
}

/// Something an instructor must look at before grading on the scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "flag", rename_all = "snake_case")]
pub enum Flag {
    /// `by_the_book` passes under 90% or `aggressive` over 10%.
    NotDiscriminating {
        /// Scenario id.
        scenario: String,
        /// Bot.
        bot: String,
        /// Seeds passed.
        passed: u32,
        /// Seeds run.
        runs: u32,
    },
    /// `by_the_book` ran out of time (the doctrine cannot be done in time).
    TimeLimit {
        /// Scenario id.
        scenario: String,
        /// Bot.
        bot: String,
        /// The seeds.
        seeds: Vec<u64>,
    },
    /// A run panicked.
    Panicked {
        /// Scenario id.
        scenario: String,
        /// Bot.
        bot: String,
        /// The seeds.
        seeds: Vec<u64>,
        /// The first panic's message.
        message: String,
    },
    /// A run did not end by the cap.
    NeverEnded {
        /// Scenario id.
        scenario: String,
        /// Bot.
        bot: String,
        /// The seeds.
        seeds: Vec<u64>,
        /// The cap, simulated seconds.
        cap: f32,
    },
    /// The pass rate moved beyond noise since the previous record: the two
    /// Wilson 95% intervals do not overlap.
    PassRateChanged {
        /// Scenario id.
        scenario: String,
        /// Bot.
        bot: String,
        /// Pass rate before.
        before: f64,
        /// Pass rate now.
        after: f64,
    },
    /// The mean score moved by more than [`MEAN_SE`] standard errors of the
    /// difference (and [`MEAN_MIN`] points) since the previous record.
    MeanChanged {
        /// Scenario id.
        scenario: String,
        /// Bot.
        bot: String,
        /// Mean before.
        before: f64,
        /// Mean now.
        after: f64,
    },
}

impl Flag {
    /// The scenario flagged.
    pub fn scenario(&self) -> &str {
        match self {
            Flag::NotDiscriminating { scenario, .. }
            | Flag::TimeLimit { scenario, .. }
            | Flag::Panicked { scenario, .. }
            | Flag::NeverEnded { scenario, .. }
            | Flag::PassRateChanged { scenario, .. }
            | Flag::MeanChanged { scenario, .. } => scenario,
        }
    }
}

/// Wilson score interval for `k` successes in `n` trials.
pub fn wilson(k: u32, n: u32, z: f64) -> [f64; 2] {
    if n == 0 {
        return [0.0, 1.0];
    }
    let (k, n) = (k as f64, n as f64);
    let p = k / n;
    let z2 = z * z;
    let centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    let half = z / (1.0 + z2 / n) * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    [(centre - half).max(0.0), (centre + half).min(1.0)]
}

/// The `q` quantile (0..1) of sorted values, interpolating linearly.
fn quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let h = q * (sorted.len() - 1) as f64;
    let (lo, hi) = (h.floor() as usize, h.ceil() as usize);
    sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
}

fn median(mut v: Vec<f64>) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    Some(quantile(&v, 0.5))
}

/// Score statistics of some totals.
pub fn score_stats(totals: &[f32]) -> ScoreStats {
    let mut v: Vec<f64> = totals.iter().map(|&t| t as f64).collect();
    if v.is_empty() {
        return ScoreStats::default();
    }
    v.sort_by(f64::total_cmp);
    let n = v.len() as f64;
    let mean = v.iter().sum::<f64>() / n;
    let sd = if v.len() > 1 {
        (v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt()
    } else {
        0.0
    };
    ScoreStats {
        min: v[0],
        q1: quantile(&v, 0.25),
        median: quantile(&v, 0.5),
        q3: quantile(&v, 0.75),
        max: v[v.len() - 1],
        mean,
        sd,
    }
}

/// Builds one bot's aggregates from its seeds (sorted here).
pub fn bot_report(bot: &str, mut runs: Vec<SeedRun>) -> BotReport {
    runs.sort_by_key(|r| r.seed);
    let n = runs.len() as u32;
    let passed = runs.iter().filter(|r| r.passed).count() as u32;
    let totals: Vec<f32> = runs.iter().map(|r| r.total).collect();
    let mut histogram = [0u32; 10];
    for t in &totals {
        histogram[((t.clamp(0.0, 100.0) / 10.0) as usize).min(9)] += 1;
    }
    let mut outcomes = Outcomes::default();
    let mut rules: BTreeMap<&str, u32> = BTreeMap::new();
    for r in &runs {
        outcomes.custody += r.custody;
        outcomes.subjects += r.subjects;
        outcomes.escaped += r.escaped;
        outcomes.hurt.add(&r.hurt);
        outcomes.killed.add(&r.killed);
        outcomes.time_limit += u32::from(r.end == Some(EndReason::TimeLimit));
        outcomes.never_ended += u32::from(r.never_ended);
        outcomes.panics += u32::from(r.panic.is_some());
        for f in &r.findings {
            *rules.entry(f).or_default() += 1;
        }
    }
    let mut findings: Vec<FindingCount> = rules
        .into_iter()
        .map(|(rule, runs)| FindingCount {
            rule: rule.to_string(),
            runs,
        })
        .collect();
    // Most seeds first, then by id (the map's order is kept for ties).
    findings.sort_by_key(|f| std::cmp::Reverse(f.runs));
    findings.truncate(TOP_FINDINGS);
    BotReport {
        bot: bot.to_string(),
        runs: n,
        passed,
        pass_rate: if n == 0 {
            0.0
        } else {
            passed as f64 / n as f64
        },
        pass_interval: wilson(passed, n, Z95),
        score: score_stats(&totals),
        histogram,
        outcomes,
        findings,
        runs_by_seed: runs,
    }
}

/// The difficulty of a scenario from its `by_the_book` seeds.
pub fn difficulty(reference: &BotReport) -> Option<Difficulty> {
    let runs = &reference.runs_by_seed;
    if runs.is_empty() {
        return None;
    }
    let n = runs.len() as f64;
    let cued: Vec<&SeedRun> = runs.iter().filter(|r| r.deadly_cue.is_some()).collect();
    let deadly = cued.len() as f64 / n;
    let window = median(
        cued.iter()
            .map(|r| r.window.map_or(WINDOW_CAP, |w| (w as f64).min(WINDOW_CAP)))
            .collect(),
    );
    let pressure = window.map_or(0.0, |w| 1.0 - w / WINDOW_CAP);
    let failed = runs.iter().filter(|r| !r.passed).count() as f64 / n;
    let response = median(
        cued.iter()
            .filter_map(|r| r.response.map(|x| x as f64))
            .collect(),
    );
    Some(Difficulty {
        figure: 100.0 * (deadly + pressure + failed) / 3.0,
        deadly,
        window,
        pressure,
        failed,
        response,
    })
}

/// The reference bot, the one the difficulty and the time-limit flag use.
pub const REFERENCE: &str = "by_the_book";
/// The bot that must fail.
pub const AGGRESSIVE: &str = "aggressive";

/// Builds a scenario's report from its bots' seeds.
pub fn scenario_report(
    id: &str,
    file: &str,
    policy: &str,
    time_limit: f32,
    bots: Vec<(String, Vec<SeedRun>)>,
    titles: &BTreeMap<String, String>,
) -> ScenarioReport {
    let bots: Vec<BotReport> = bots
        .into_iter()
        .map(|(b, runs)| bot_report(&b, runs))
        .collect();
    let used: BTreeMap<String, String> = bots
        .iter()
        .flat_map(|b| b.runs_by_seed.iter().flat_map(|r| r.findings.iter()))
        .filter_map(|rule| titles.get(rule).map(|t| (rule.clone(), t.clone())))
        .collect();
    ScenarioReport {
        id: id.to_string(),
        file: file.to_string(),
        policy: policy.to_string(),
        time_limit,
        difficulty: bots
            .iter()
            .find(|b| b.bot == REFERENCE)
            .and_then(difficulty),
        bots,
        titles: used,
    }
}

/// The flags a scenario raises on its own (not against a record).
pub fn flags(s: &ScenarioReport) -> Vec<Flag> {
    let mut out = Vec::new();
    for b in &s.bots {
        let rate = b.pass_rate;
        if b.runs > 0
            && ((b.bot == REFERENCE && rate < REFERENCE_PASS)
                || (b.bot == AGGRESSIVE && rate > AGGRESSIVE_PASS))
        {
            out.push(Flag::NotDiscriminating {
                scenario: s.id.clone(),
                bot: b.bot.clone(),
                passed: b.passed,
                runs: b.runs,
            });
        }
        let seeds = |f: &dyn Fn(&SeedRun) -> bool| -> Vec<u64> {
            b.runs_by_seed
                .iter()
                .filter(|r| f(r))
                .map(|r| r.seed)
                .collect()
        };
        let timed_out = seeds(&|r| r.end == Some(EndReason::TimeLimit));
        if b.bot == REFERENCE && !timed_out.is_empty() {
            out.push(Flag::TimeLimit {
                scenario: s.id.clone(),
                bot: b.bot.clone(),
                seeds: timed_out,
            });
        }
        let panicked = seeds(&|r| r.panic.is_some());
        if let Some(first) = b.runs_by_seed.iter().find_map(|r| r.panic.clone()) {
            out.push(Flag::Panicked {
                scenario: s.id.clone(),
                bot: b.bot.clone(),
                seeds: panicked,
                message: first,
            });
        }
        let stuck = seeds(&|r| r.never_ended);
        if !stuck.is_empty() {
            out.push(Flag::NeverEnded {
                scenario: s.id.clone(),
                bot: b.bot.clone(),
                seeds: stuck,
                cap: s.time_limit + CAP_SLACK,
            });
        }
    }
    out
}

/// The flags for changes since a previous record: for each scenario and bot
/// in both, the pass rate (Wilson intervals apart) and the mean score (more
/// than [`MEAN_SE`] standard errors of the difference apart).
pub fn changes(now: &Report, before: &Report) -> Vec<Flag> {
    let mut out = Vec::new();
    for s in &now.scenarios {
        let Some(old) = before.scenarios.iter().find(|o| o.id == s.id) else {
            continue;
        };
        for b in &s.bots {
            let Some(ob) = old.bots.iter().find(|o| o.bot == b.bot) else {
                continue;
            };
            if b.runs == 0 || ob.runs == 0 {
                continue;
            }
            let (a, o) = (b.pass_interval, ob.pass_interval);
            if a[0] > o[1] || o[0] > a[1] {
                out.push(Flag::PassRateChanged {
                    scenario: s.id.clone(),
                    bot: b.bot.clone(),
                    before: ob.pass_rate,
                    after: b.pass_rate,
                });
            }
            let se =
                (b.score.sd.powi(2) / b.runs as f64 + ob.score.sd.powi(2) / ob.runs as f64).sqrt();
            let diff = (b.score.mean - ob.score.mean).abs();
            if diff > MEAN_MIN && diff > MEAN_SE * se {
                out.push(Flag::MeanChanged {
                    scenario: s.id.clone(),
                    bot: b.bot.clone(),
                    before: ob.score.mean,
                    after: b.score.mean,
                });
            }
        }
    }
    out
}

/// Sorted, joined inclusive ranges of some seeds.
pub fn seed_ranges(seeds: impl IntoIterator<Item = u64>) -> Vec<[u64; 2]> {
    let mut v: Vec<u64> = seeds.into_iter().collect();
    v.sort_unstable();
    v.dedup();
    let mut out: Vec<[u64; 2]> = Vec::new();
    for s in v {
        match out.last_mut() {
            Some(r) if r[1] + 1 == s => r[1] = s,
            _ => out.push([s, s]),
        }
    }
    out
}

/// Puts a report together from its scenarios: sorted by id, with their flags.
pub fn assemble(
    mut scenarios: Vec<ScenarioReport>,
    policy: Option<String>,
    lang: crate::domain::Lang,
) -> Report {
    scenarios.sort_by(|a, b| a.id.cmp(&b.id));
    let seeds = seed_ranges(
        scenarios
            .iter()
            .flat_map(|s| s.bots.iter())
            .flat_map(|b| b.runs_by_seed.iter().map(|r| r.seed)),
    );
    let flags = scenarios.iter().flat_map(flags).collect();
    Report {
        format: FORMAT,
        seeds,
        policy,
        lang,
        scenarios,
        flags,
    }
}

/// Why shards do not merge.
#[derive(Debug, Clone, PartialEq)]
pub enum MergeError {
    /// A different format version.
    Format(u32),
    /// Shards run under different `--policy` or `--lang`.
    Mismatch(&'static str),
    /// The same scenario, bot and seed with different results.
    Conflict {
        /// Scenario id.
        scenario: String,
        /// Bot.
        bot: String,
        /// Seed.
        seed: u64,
    },
}

/// Merges shards into the report one sweep over all their seeds would give.
/// The same seed in two shards must agree (the runs are deterministic).
pub fn merge(shards: &[Report]) -> Result<Report, MergeError> {
    let Some(first) = shards.first() else {
        return Ok(assemble(Vec::new(), None, crate::domain::Lang::En));
    };
    // Scenario -> (file, policy, limit, titles, bots in first-seen order).
    type Acc = (
        String,
        String,
        f32,
        BTreeMap<String, String>,
        Vec<(String, BTreeMap<u64, SeedRun>)>,
    );
    let mut acc: BTreeMap<String, Acc> = BTreeMap::new();
    for sh in shards {
        if sh.format != FORMAT {
            return Err(MergeError::Format(sh.format));
        }
        if sh.policy != first.policy {
            return Err(MergeError::Mismatch("policy"));
        }
        if sh.lang != first.lang {
            return Err(MergeError::Mismatch("lang"));
        }
        for s in &sh.scenarios {
            let e = acc.entry(s.id.clone()).or_insert_with(|| {
                (
                    s.file.clone(),
                    s.policy.clone(),
                    s.time_limit,
                    BTreeMap::new(),
                    Vec::new(),
                )
            });
            for (k, v) in &s.titles {
                e.3.entry(k.clone()).or_insert_with(|| v.clone());
            }
            for b in &s.bots {
                let slot = match e.4.iter().position(|(name, _)| name == &b.bot) {
                    Some(i) => i,
                    None => {
                        e.4.push((b.bot.clone(), BTreeMap::new()));
                        e.4.len() - 1
                    }
                };
                for r in &b.runs_by_seed {
                    match e.4[slot].1.get(&r.seed) {
                        Some(old) if old != r => {
                            return Err(MergeError::Conflict {
                                scenario: s.id.clone(),
                                bot: b.bot.clone(),
                                seed: r.seed,
                            });
                        }
                        _ => {
                            e.4[slot].1.insert(r.seed, r.clone());
                        }
                    }
                }
            }
        }
    }
    let scenarios = acc
        .into_iter()
        .map(|(id, (file, policy, limit, titles, bots))| {
            let bots = bots
                .into_iter()
                .map(|(b, runs)| (b, runs.into_values().collect()))
                .collect();
            scenario_report(&id, &file, &policy, limit, bots, &titles)
        })
        .collect();
    Ok(assemble(scenarios, first.policy.clone(), first.lang))
}

/// The previous record updated with a new report: its scenarios and bots
/// replace the record's, the others stay (so exploring one scenario keeps
/// the record of the rest). Flags are those of the new report.
pub fn update_record(record: Option<Report>, now: &Report) -> Report {
    let Some(mut rec) = record else {
        return now.clone();
    };
    for s in &now.scenarios {
        match rec.scenarios.iter_mut().find(|o| o.id == s.id) {
            Some(o) => {
                for b in &s.bots {
                    match o.bots.iter_mut().find(|ob| ob.bot == b.bot) {
                        Some(ob) => *ob = b.clone(),
                        None => o.bots.push(b.clone()),
                    }
                }
                o.file = s.file.clone();
                o.policy = s.policy.clone();
                o.time_limit = s.time_limit;
                o.titles.extend(s.titles.clone());
                o.difficulty = o
                    .bots
                    .iter()
                    .find(|b| b.bot == REFERENCE)
                    .and_then(difficulty);
            }
            None => rec.scenarios.push(s.clone()),
        }
    }
    rec.scenarios.sort_by(|a, b| a.id.cmp(&b.id));
    rec.seeds = now.seeds.clone();
    rec.flags = now.flags.clone();
    rec
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(seed: u64, total: f32, passed: bool) -> SeedRun {
        let mut r = SeedRun::panicked(seed, String::new());
        r.panic = None;
        r.total = total;
        r.passed = passed;
        r.end = Some(EndReason::ObjectivesMet);
        r
    }

    #[test]
    fn wilson_interval_matches_the_textbook_values() {
        // 27/30: 0.744..0.965 (Wilson, z = 1.96).
        let [lo, hi] = wilson(27, 30, Z95);
        assert!(
            (lo - 0.7438).abs() < 1e-3 && (hi - 0.9654).abs() < 1e-3,
            "{lo} {hi}"
        );
        let [lo, hi] = wilson(0, 30, Z95);
        assert_eq!(lo, 0.0);
        assert!((hi - 0.1135).abs() < 1e-3, "{hi}");
    }

    #[test]
    fn quartiles_interpolate_and_the_histogram_counts_every_seed() {
        let runs: Vec<SeedRun> = (1..=5)
            .map(|k| run(k, [10.0, 20.0, 30.0, 40.0, 100.0][k as usize - 1], k > 1))
            .collect();
        let b = bot_report("by_the_book", runs);
        assert_eq!(
            (
                b.score.min,
                b.score.q1,
                b.score.median,
                b.score.q3,
                b.score.max
            ),
            (10.0, 20.0, 30.0, 40.0, 100.0)
        );
        assert_eq!(b.histogram, [0, 1, 1, 1, 1, 0, 0, 0, 0, 1]);
        assert_eq!((b.passed, b.runs), (4, 5));
    }

    #[test]
    fn flags_a_reference_bot_that_fails_and_an_aggressive_one_that_passes() {
        let fails: Vec<SeedRun> = (1..=10).map(|k| run(k, 50.0, k > 2)).collect();
        let passes: Vec<SeedRun> = (1..=10).map(|k| run(k, 90.0, k > 8)).collect();
        let s = scenario_report(
            "x",
            "x.ron",
            "generic",
            60.0,
            vec![("by_the_book".into(), fails), ("aggressive".into(), passes)],
            &BTreeMap::new(),
        );
        let f = flags(&s);
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(
            matches!(&f[0], Flag::NotDiscriminating { bot, passed: 8, .. } if bot == "by_the_book")
        );
        assert!(
            matches!(&f[1], Flag::NotDiscriminating { bot, passed: 2, .. } if bot == "aggressive")
        );
        // The difficulty: no deadly cue, 20% failed.
        let d = s.difficulty.unwrap();
        assert_eq!((d.deadly, d.pressure), (0.0, 0.0));
        assert!((d.figure - 100.0 * 0.2 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn a_change_beyond_noise_is_flagged_and_the_same_sweep_is_not() {
        let mk = |k_pass: u64| {
            let runs = (1..=30).map(|k| run(k, if k <= k_pass { 80.0 } else { 40.0 }, k <= k_pass));
            assemble(
                vec![scenario_report(
                    "x",
                    "x.ron",
                    "generic",
                    60.0,
                    vec![("by_the_book".into(), runs.collect())],
                    &BTreeMap::new(),
                )],
                None,
                crate::domain::Lang::En,
            )
        };
        assert!(changes(&mk(28), &mk(28)).is_empty());
        // 28/30 and 27/30: within noise.
        assert!(changes(&mk(27), &mk(28)).is_empty());
        let c = changes(&mk(10), &mk(28));
        assert!(
            c.iter().any(|f| matches!(f, Flag::PassRateChanged { .. })),
            "{c:?}"
        );
        assert!(
            c.iter().any(|f| matches!(f, Flag::MeanChanged { .. })),
            "{c:?}"
        );
    }

    #[test]
    fn seeds_join_into_ranges() {
        assert_eq!(seed_ranges([3, 1, 2, 7, 5, 6]), vec![[1, 3], [5, 7]]);
    }
}
