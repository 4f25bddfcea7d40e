//! The explore report as text, in the reader's language: per scenario its
//! difficulty, per bot the pass rate, the score distribution with a
//! histogram, the outcomes and the most frequent findings; then the flags.

use super::report::*;
use crate::domain::Lang;
use crate::i18n::tr;
use std::fmt::Write;

/// The width of the histogram's longest bar, in characters.
const BAR: u32 = 30;

fn pct(x: f64) -> String {
    format!("{:.0}", 100.0 * x)
}

fn num(x: f64) -> String {
    format!("{x:.1}")
}

fn seeds_text(seeds: &[u64]) -> String {
    super::report::seed_ranges(seeds.iter().copied())
        .iter()
        .map(|[a, b]| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}..{b}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `1..30` or `1..15, 20..30`.
pub fn ranges_text(r: &[[u64; 2]]) -> String {
    let all: Vec<u64> = r.iter().flat_map(|[a, b]| *a..=*b).collect();
    seeds_text(&all)
}

/// The histogram: one line per 10-point band, `#` bars scaled to the fullest.
pub fn histogram(h: &[u32; 10]) -> String {
    let most = h.iter().copied().max().unwrap_or(0).max(1);
    let mut o = String::new();
    for (i, &n) in h.iter().enumerate() {
        let bar = (n * BAR).div_ceil(most) as usize;
        let _ = writeln!(
            o,
            "      {:>3}-{:<3} |{} {n}",
            i * 10,
            i * 10 + 10,
            "#".repeat(bar)
        );
    }
    o
}

/// One flag in words.
pub fn flag_text(f: &Flag, lang: Lang) -> String {
    match f {
        Flag::NotDiscriminating {
            scenario,
            bot,
            passed,
            runs,
        } => tr(
            lang,
            if bot == REFERENCE {
                "explore-flag-reference-fails"
            } else {
                "explore-flag-aggressive-passes"
            },
            &[
                ("scenario", scenario),
                ("bot", bot),
                ("passed", &passed.to_string()),
                ("runs", &runs.to_string()),
                ("rate", &pct(*passed as f64 / (*runs).max(1) as f64)),
            ],
        ),
        Flag::TimeLimit {
            scenario,
            bot,
            seeds,
        } => tr(
            lang,
            "explore-flag-time-limit",
            &[
                ("scenario", scenario),
                ("bot", bot),
                ("seeds", &seeds_text(seeds)),
            ],
        ),
        Flag::Panicked {
            scenario,
            bot,
            seeds,
            message,
        } => tr(
            lang,
            "explore-flag-panic",
            &[
                ("scenario", scenario),
                ("bot", bot),
                ("seeds", &seeds_text(seeds)),
                ("message", message),
            ],
        ),
        Flag::NeverEnded {
            scenario,
            bot,
            seeds,
            cap,
        } => tr(
            lang,
            "explore-flag-never-ended",
            &[
                ("scenario", scenario),
                ("bot", bot),
                ("seeds", &seeds_text(seeds)),
                ("cap", &format!("{cap:.0}")),
            ],
        ),
        Flag::PassRateChanged {
            scenario,
            bot,
            before,
            after,
        } => tr(
            lang,
            "explore-flag-pass-changed",
            &[
                ("scenario", scenario),
                ("bot", bot),
                ("before", &pct(*before)),
                ("after", &pct(*after)),
            ],
        ),
        Flag::MeanChanged {
            scenario,
            bot,
            before,
            after,
        } => tr(
            lang,
            "explore-flag-mean-changed",
            &[
                ("scenario", scenario),
                ("bot", bot),
                ("before", &num(*before)),
                ("after", &num(*after)),
            ],
        ),
    }
}

/// The whole report.
pub fn render(r: &Report, lang: Lang) -> String {
    let mut o = String::new();
    let runs: u32 = r
        .scenarios
        .iter()
        .flat_map(|s| s.bots.iter())
        .map(|b| b.runs)
        .sum();
    let bots = r.scenarios.first().map_or(0, |s| s.bots.len()).to_string();
    let _ = writeln!(
        o,
        "{}",
        tr(
            lang,
            "explore-head",
            &[
                ("scenarios", &r.scenarios.len().to_string()),
                ("bots", &bots),
                ("seeds", &ranges_text(&r.seeds)),
                ("runs", &runs.to_string()),
            ]
        )
    );
    for s in &r.scenarios {
        let _ = writeln!(o);
        let _ = writeln!(
            o,
            "{}",
            tr(
                lang,
                "explore-scenario",
                &[("id", &s.id), ("file", &s.file), ("policy", &s.policy)]
            )
        );
        let line = match &s.difficulty {
            Some(d) if d.window.is_none() => tr(
                lang,
                "explore-difficulty-calm",
                &[
                    ("figure", &format!("{:.0}", d.figure)),
                    ("failed", &pct(d.failed)),
                ],
            ),
            Some(d) => tr(
                lang,
                "explore-difficulty",
                &[
                    ("figure", &format!("{:.0}", d.figure)),
                    ("deadly", &pct(d.deadly)),
                    ("window", &d.window.map_or_else(|| "-".to_string(), num)),
                    ("pressure", &pct(d.pressure)),
                    ("failed", &pct(d.failed)),
                    ("response", &d.response.map_or_else(|| "-".to_string(), num)),
                ],
            ),
            None => tr(lang, "explore-difficulty-none", &[]),
        };
        let _ = writeln!(o, "  {line}");
        for b in &s.bots {
            bot_text(&mut o, s, b, lang);
        }
    }
    let _ = writeln!(o);
    if r.flags.is_empty() {
        let _ = writeln!(o, "{}", tr(lang, "explore-no-flags", &[]));
    } else {
        let _ = writeln!(
            o,
            "{}",
            tr(lang, "explore-flags", &[("n", &r.flags.len().to_string())])
        );
        for f in &r.flags {
            let _ = writeln!(o, "  ! {}", flag_text(f, lang));
        }
    }
    o
}

fn bot_text(o: &mut String, s: &ScenarioReport, b: &BotReport, lang: Lang) {
    let _ = writeln!(
        o,
        "  {}",
        tr(
            lang,
            "explore-bot",
            &[
                ("bot", &b.bot),
                ("passed", &b.passed.to_string()),
                ("runs", &b.runs.to_string()),
                ("rate", &pct(b.pass_rate)),
                ("low", &pct(b.pass_interval[0])),
                ("high", &pct(b.pass_interval[1])),
            ]
        )
    );
    let sc = &b.score;
    let _ = writeln!(
        o,
        "    {}",
        tr(
            lang,
            "explore-score",
            &[
                ("min", &num(sc.min)),
                ("q1", &num(sc.q1)),
                ("median", &num(sc.median)),
                ("q3", &num(sc.q3)),
                ("max", &num(sc.max)),
                ("mean", &num(sc.mean)),
                ("sd", &num(sc.sd)),
            ]
        )
    );
    o.push_str(&histogram(&b.histogram));
    let oc = &b.outcomes;
    let n = |x: u32| x.to_string();
    let _ = writeln!(
        o,
        "    {}",
        tr(
            lang,
            "explore-outcomes",
            &[
                ("custody", &n(oc.custody)),
                ("subjects", &n(oc.subjects)),
                ("escaped", &n(oc.escaped)),
                ("time_limit", &n(oc.time_limit)),
                ("never", &n(oc.never_ended)),
                ("panics", &n(oc.panics)),
            ]
        )
    );
    let _ = writeln!(
        o,
        "    {}",
        tr(
            lang,
            "explore-casualties",
            &[
                ("oh", &n(oc.hurt.officers)),
                ("ok", &n(oc.killed.officers)),
                ("sh", &n(oc.hurt.subjects)),
                ("sk", &n(oc.killed.subjects)),
                ("th", &n(oc.hurt.others)),
                ("tk", &n(oc.killed.others)),
            ]
        )
    );
    if b.findings.is_empty() {
        let _ = writeln!(o, "    {}", tr(lang, "explore-findings-none", &[]));
        return;
    }
    let _ = writeln!(o, "    {}", tr(lang, "explore-findings", &[]));
    for f in &b.findings {
        let title = s.titles.get(&f.rule).map_or("", |t| t.as_str());
        let _ = writeln!(
            o,
            "      {}",
            tr(
                lang,
                "explore-finding",
                &[
                    ("rule", &f.rule),
                    ("runs", &f.runs.to_string()),
                    ("total", &b.runs.to_string()),
                    ("title", title),
                ]
            )
        );
    }
}
