//! A class report over many session records (`forcesim report`): each record
//! re-scored from its log, its evaluator notes compared with the card, and
//! the whole class summed up per trainee, per scenario and per rule; written
//! as CSV ([`csv`]) and as one self-contained HTML page ([`html`]).
//!
//! No Bevy here. Loading runs on every core (records parse and score
//! independently); the aggregation is a few passes over the rows.

pub mod csv;
pub mod html;
mod svg;

use super::notes::{Agreement, Notes, load_notes};
use crate::events::EndReason;
use crate::policy::Policy;
use crate::policy::schema::Category;
use crate::scoring::ScoreCard;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// One session in the report.
#[derive(Debug, Clone)]
pub struct Row {
    /// The record's file.
    pub path: PathBuf,
    /// Trainee id.
    pub trainee: String,
    /// Scenario id.
    pub scenario: String,
    /// Seed.
    pub seed: u64,
    /// Wall-clock start (RFC 3339).
    pub started_at: String,
    /// Simulated seconds.
    pub duration: f32,
    /// How it ended (`None`: interrupted).
    pub end: Option<EndReason>,
    /// The card, re-scored from the log.
    pub card: ScoreCard,
    /// The evaluator's notes compared with the card, when there are notes.
    pub agreement: Option<Agreement>,
    /// The evaluator's notes, when there are any.
    pub notes: Option<Notes>,
}

impl Row {
    /// Findings of a category.
    pub fn findings_in(&self, c: Category) -> usize {
        self.card
            .findings
            .iter()
            .filter(|f| f.category == c)
            .count()
    }

    /// Critical findings.
    pub fn criticals(&self) -> usize {
        self.card.findings.iter().filter(|f| f.critical).count()
    }
}

/// A file that is not in the report, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    /// The file.
    pub path: PathBuf,
    /// Why (a `FILE:LINE:COL: error: ...` diagnostic or a sentence).
    pub reason: String,
}

/// Every session found, and what was skipped.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Sessions, by trainee, then start time, then scenario and file.
    pub rows: Vec<Row>,
    /// Files skipped, in path order.
    pub skipped: Vec<Skipped>,
    /// The policies the cards were scored under, by id (for rule texts).
    pub policies: BTreeMap<String, Arc<Policy>>,
    /// The policy every session was re-scored under, when one was forced.
    pub policy_override: Option<String>,
}

/// Whether a file is a session record's sidecar rather than a record.
pub fn is_sidecar(path: &Path) -> bool {
    super::notes::is_notes_file(path)
}

/// Loads, re-scores and annotates every file in `paths` on all cores.
/// `policy`, when given, scores every session; otherwise each is scored
/// under its recorded policy. `tick` is called once per file done (for a
/// progress bar).
pub fn build(paths: &[PathBuf], policy: Option<Arc<Policy>>, tick: &(dyn Fn() + Sync)) -> Report {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(usize, Result<Row, String>)>> = Mutex::new(Vec::new());
    let policies: Mutex<BTreeMap<String, Arc<Policy>>> = Mutex::new(BTreeMap::new());
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(paths.len().max(1));
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                // Policies by recorded id, loaded once per worker.
                let mut cache: HashMap<String, Result<Arc<Policy>, String>> = HashMap::new();
                let mut mine = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = paths.get(i) else { break };
                    mine.push((i, load_row(path, policy.as_ref(), &mut cache)));
                    tick();
                }
                let mut all = policies.lock().unwrap_or_else(|e| e.into_inner());
                if let Some(p) = &policy {
                    all.insert(p.id.clone(), p.clone());
                }
                for p in cache.into_values().flatten() {
                    all.insert(p.id.clone(), p);
                }
                results
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .extend(mine);
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.sort_by_key(|(i, _)| *i);
    let mut report = Report {
        policies: policies.into_inner().unwrap_or_else(|e| e.into_inner()),
        policy_override: policy.map(|p| p.id.clone()),
        ..Report::default()
    };
    for (i, r) in results {
        match r {
            Ok(row) => report.rows.push(row),
            Err(reason) => report.skipped.push(Skipped {
                path: paths[i].clone(),
                reason,
            }),
        }
    }
    report.rows.sort_by(|a, b| {
        a.trainee
            .cmp(&b.trainee)
            .then_with(|| a.started_at.cmp(&b.started_at))
            .then_with(|| a.scenario.cmp(&b.scenario))
            .then_with(|| a.path.cmp(&b.path))
    });
    report
}

fn load_row(
    path: &Path,
    forced: Option<&Arc<Policy>>,
    cache: &mut HashMap<String, Result<Arc<Policy>, String>>,
) -> Result<Row, String> {
    let record = super::io::load(path).map_err(|d| d.to_string())?;
    let policy = match forced {
        Some(p) => p.clone(),
        None => cache
            .entry(record.policy.clone())
            .or_insert_with(|| {
                crate::policy::load_by_id_or_path(&record.policy)
                    .map(|l| Arc::new(l.policy))
                    .map_err(|ds| {
                        let first = ds.first().map(|d| d.to_string()).unwrap_or_default();
                        format!(
                            "{}: error: its recorded policy \"{}\" does not load ({first})",
                            path.display(),
                            record.policy
                        )
                    })
            })
            .clone()?,
    };
    let card = crate::scoring::score(&record.events, &policy);
    let notes: Option<Notes> = load_notes(path).map_err(|d| d.to_string())?;
    Ok(Row {
        path: path.to_path_buf(),
        agreement: notes.as_ref().map(|n| n.agreement(&card)),
        notes,
        trainee: record.trainee,
        scenario: record.scenario,
        seed: record.seed,
        started_at: record.started_at,
        duration: record.duration,
        end: record.end,
        card,
    })
}

/// The key of an end reason in files and catalogues (`time_limit`).
pub fn end_key(e: EndReason) -> &'static str {
    match e {
        EndReason::ObjectivesMet => "objectives_met",
        EndReason::TimeLimit => "time_limit",
        EndReason::OfficerDown => "officer_down",
        EndReason::SubjectsGone => "subjects_gone",
        EndReason::Stopped => "stopped",
    }
}

/// Totals of a group of sessions (a trainee's, a scenario's).
#[derive(Debug, Clone, PartialEq)]
pub struct GroupStats {
    /// Trainee or scenario id.
    pub key: String,
    /// Sessions.
    pub sessions: usize,
    /// Mean total.
    pub mean: f32,
    /// Lowest total.
    pub min: f32,
    /// Highest total.
    pub max: f32,
    /// The total of the latest session (by start time).
    pub latest: f32,
    /// Sessions passed.
    pub passed: usize,
    /// Critical findings.
    pub criticals: usize,
    /// Mean of each category, in [`Category::ALL`] order.
    pub category_means: [f32; 4],
    /// Other ids in the group (a trainee's scenarios, a scenario's trainees).
    pub others: usize,
}

fn group_stats<'a>(
    key: &str,
    rows: impl Iterator<Item = &'a Row>,
    other: impl Fn(&Row) -> &str,
) -> GroupStats {
    let rows: Vec<&Row> = rows.collect();
    let n = rows.len().max(1) as f32;
    let totals = rows.iter().map(|r| r.card.total);
    let mut cats = [0.0f32; 4];
    for r in &rows {
        for (i, c) in Category::ALL.iter().enumerate() {
            cats[i] += r.card.category(*c);
        }
    }
    let latest = rows
        .iter()
        .max_by(|a, b| a.started_at.cmp(&b.started_at))
        .map_or(0.0, |r| r.card.total);
    GroupStats {
        key: key.to_string(),
        sessions: rows.len(),
        mean: totals.clone().sum::<f32>() / n,
        min: totals.clone().fold(f32::INFINITY, f32::min),
        max: totals.fold(f32::NEG_INFINITY, f32::max),
        latest,
        passed: rows.iter().filter(|r| r.card.passed).count(),
        criticals: rows.iter().map(|r| r.criticals()).sum(),
        category_means: cats.map(|c| c / n),
        others: rows.iter().map(|r| other(r)).collect::<BTreeSet<_>>().len(),
    }
}

/// How often one rule fired across the class.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleStats {
    /// Rule id.
    pub rule: String,
    /// Its category.
    pub category: Category,
    /// Breaches (negative points).
    pub breaches: usize,
    /// Credits (positive points).
    pub credits: usize,
    /// Critical breaches.
    pub criticals: usize,
    /// Sessions with the rule.
    pub sessions: usize,
    /// Trainees with the rule.
    pub trainees: usize,
    /// Findings of this rule the evaluators agreed with.
    pub agreed: usize,
    /// Findings of this rule the evaluators disputed.
    pub disputed: usize,
}

impl Report {
    /// Per trainee, by id.
    pub fn trainees(&self) -> Vec<GroupStats> {
        self.groups(|r| &r.trainee, |r| &r.scenario)
    }

    /// Per scenario, by id.
    pub fn scenarios(&self) -> Vec<GroupStats> {
        self.groups(|r| &r.scenario, |r| &r.trainee)
    }

    fn groups(&self, key: impl Fn(&Row) -> &str, other: impl Fn(&Row) -> &str) -> Vec<GroupStats> {
        let mut by: BTreeMap<&str, Vec<&Row>> = BTreeMap::new();
        for r in &self.rows {
            by.entry(key(r)).or_default().push(r);
        }
        by.into_iter()
            .map(|(k, rows)| group_stats(k, rows.into_iter(), &other))
            .collect()
    }

    /// A trainee's sessions, oldest first.
    pub fn progress(&self, trainee: &str) -> Vec<&Row> {
        let mut v: Vec<&Row> = self.rows.iter().filter(|r| r.trainee == trainee).collect();
        v.sort_by(|a, b| {
            a.started_at
                .cmp(&b.started_at)
                .then_with(|| a.path.cmp(&b.path))
        });
        v
    }

    /// The totals of a scenario's sessions.
    pub fn totals(&self, scenario: &str) -> Vec<f32> {
        self.rows
            .iter()
            .filter(|r| r.scenario == scenario)
            .map(|r| r.card.total)
            .collect()
    }

    /// Rules by how many breaches they found across the class (most first,
    /// then by id); rules with credits only come last.
    pub fn rules(&self) -> Vec<RuleStats> {
        struct Acc<'a> {
            s: RuleStats,
            sessions: BTreeSet<&'a Path>,
            trainees: BTreeSet<&'a str>,
        }
        let mut by: BTreeMap<&str, Acc> = BTreeMap::new();
        for r in &self.rows {
            for f in &r.card.findings {
                let a = by.entry(&f.rule).or_insert_with(|| Acc {
                    s: RuleStats {
                        rule: f.rule.clone(),
                        category: f.category,
                        breaches: 0,
                        credits: 0,
                        criticals: 0,
                        sessions: 0,
                        trainees: 0,
                        agreed: 0,
                        disputed: 0,
                    },
                    sessions: BTreeSet::new(),
                    trainees: BTreeSet::new(),
                });
                if f.points < 0.0 {
                    a.s.breaches += 1;
                } else {
                    a.s.credits += 1;
                }
                a.s.criticals += usize::from(f.critical);
                a.sessions.insert(&r.path);
                a.trainees.insert(&r.trainee);
                if let Some(n) = &r.notes
                    && let Some(v) = n.verdict(f)
                {
                    match v.judgement {
                        super::notes::Judgement::Agreed => a.s.agreed += 1,
                        super::notes::Judgement::Disputed => a.s.disputed += 1,
                    }
                }
            }
        }
        let mut v: Vec<RuleStats> = by
            .into_values()
            .map(|a| RuleStats {
                sessions: a.sessions.len(),
                trainees: a.trainees.len(),
                ..a.s
            })
            .collect();
        v.sort_by(|a, b| {
            b.breaches
                .cmp(&a.breaches)
                .then_with(|| b.credits.cmp(&a.credits))
                .then_with(|| a.rule.cmp(&b.rule))
        });
        v
    }

    /// The agreement of every annotated session, summed, and how many
    /// sessions had notes.
    pub fn agreement(&self) -> (Agreement, usize) {
        let mut total = Agreement::default();
        let mut n = 0;
        for a in self.rows.iter().filter_map(|r| r.agreement.as_ref()) {
            total.add(a);
            n += 1;
        }
        (total, n)
    }

    /// A rule's text in `lang`, from the first policy that has the rule.
    pub fn rule_text(&self, rule: &str, lang: crate::domain::Lang) -> String {
        let from = |p: &Policy| {
            p.rules
                .iter()
                .find(|r| r.id == rule)
                .map(|r| r.text.get(lang).to_string())
        };
        self.policy_override
            .as_ref()
            .and_then(|id| self.policies.get(id))
            .and_then(|p| from(p))
            .or_else(|| self.policies.values().find_map(|p| from(p)))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::CategoryScore;

    pub(super) fn row(trainee: &str, scenario: &str, when: &str, total: f32) -> Row {
        Row {
            path: PathBuf::from(format!("{trainee}-{scenario}-{when}.ron")),
            trainee: trainee.into(),
            scenario: scenario.into(),
            seed: 1,
            started_at: when.into(),
            duration: 30.0,
            end: Some(EndReason::ObjectivesMet),
            card: ScoreCard {
                policy: "generic".into(),
                total,
                pass_mark: 70.0,
                passed: total >= 70.0,
                categories: Category::ALL
                    .iter()
                    .map(|&category| CategoryScore {
                        category,
                        score: total,
                        weight: 1.0,
                    })
                    .collect(),
                findings: vec![],
                labels: Default::default(),
            },
            agreement: None,
            notes: None,
        }
    }

    pub(super) fn sample() -> Report {
        Report {
            rows: vec![
                row("a", "s1", "2025-01-01T00:00:00Z", 50.0),
                row("a", "s1", "2025-01-02T00:00:00Z", 90.0),
                row("a", "s2", "2025-01-03T00:00:00Z", 70.0),
                row("b", "s1", "2025-01-01T00:00:00Z", 80.0),
            ],
            ..Report::default()
        }
    }

    #[test]
    fn groups_sum_up_their_sessions() {
        let r = sample();
        let t = r.trainees();
        assert_eq!(t.len(), 2);
        let a = &t[0];
        assert_eq!(
            (a.key.as_str(), a.sessions, a.passed, a.others),
            ("a", 3, 2, 2)
        );
        assert_eq!((a.min, a.max, a.latest), (50.0, 90.0, 70.0));
        assert!((a.mean - 70.0).abs() < 1e-4);
        let s = r.scenarios();
        assert_eq!(s[0].key, "s1");
        assert_eq!((s[0].sessions, s[0].others), (3, 2));
        assert_eq!(r.totals("s1"), vec![50.0, 90.0, 80.0]);
        let p: Vec<f32> = r.progress("a").iter().map(|r| r.card.total).collect();
        assert_eq!(p, vec![50.0, 90.0, 70.0]);
    }
}
