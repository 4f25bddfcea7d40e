//! The report as one self-contained HTML page: inline CSS and SVG, no
//! script, nothing fetched, so it opens from a USB stick on an academy PC
//! with no network. Every visible text comes from the catalogues.

use super::svg::{self, Point, esc};
use super::{GroupStats, Report};
use crate::domain::Lang;
use crate::i18n;
use crate::policy::schema::Category;
use std::fmt::Write;

const STYLE: &str = "
body{font-family:system-ui,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;margin:0;color:#263238;background:#f5f7f8}
header{background:#1f3a4d;color:#fff;padding:18px 32px}
header h1{margin:0 0 8px;font-size:24px}
dl.summary{display:flex;flex-wrap:wrap;gap:6px 28px;margin:0}
dl.summary div{display:flex;gap:6px}dl.summary dt{opacity:.75}dl.summary dd{margin:0;font-weight:600}
nav{padding:8px 32px;background:#e3eaee;font-size:14px}nav a{margin-right:18px;color:#1f3a4d}
main{padding:8px 32px 32px}
section{background:#fff;border-radius:6px;padding:12px 20px 16px;margin:16px 0;box-shadow:0 1px 2px rgba(0,0,0,.08)}
h2{font-size:18px;margin:4px 0 10px;color:#1f3a4d}
p.note{color:#546e7a;font-size:13px;margin:0 0 10px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{padding:4px 8px;border-bottom:1px solid #e0e6e9;text-align:left;vertical-align:top}
th{background:#eef2f4;font-weight:600}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}td.n{white-space:nowrap}
table.agreement,table.agreement-rules{width:auto;min-width:440px;margin-top:10px}
table.agreement th{background:none;font-weight:400}
td.fail{color:#c62828;font-weight:600}td.pass{color:#2e7d32}
code{font-size:12px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:12px}
figure{margin:0;border:1px solid #e0e6e9;border-radius:4px;padding:6px}
figcaption{font-size:13px;font-weight:600;margin-bottom:2px}
svg.chart{width:100%;height:auto;display:block}
svg.agreement{max-width:760px}
";

struct Page<'a> {
    report: &'a Report,
    lang: Lang,
    out: String,
}

impl Page<'_> {
    fn t(&self, id: &str) -> String {
        i18n::tr(self.lang, id, &[])
    }

    fn h(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn th(&mut self, cols: &[(&str, bool)]) {
        let mut s = String::from("<thead><tr>");
        for (id, num) in cols {
            let text = if id.starts_with("category-") || id.starts_with("report-") {
                self.t(id)
            } else {
                id.to_string()
            };
            let _ = write!(
                s,
                "<th{}>{}</th>",
                if *num { " class=\"n\"" } else { "" },
                esc(&text)
            );
        }
        s.push_str("</tr></thead>");
        self.h(&s);
    }

    fn summary(&mut self) {
        let r = self.report;
        let policy = match &r.policy_override {
            Some(p) => p.clone(),
            None => self.t("report-policy-recorded"),
        };
        let items = [
            ("report-sessions", r.rows.len().to_string()),
            ("report-trainees", r.trainees().len().to_string()),
            ("report-scenarios", r.scenarios().len().to_string()),
            ("report-policy", policy),
            ("report-skipped", r.skipped.len().to_string()),
        ];
        let mut s = format!(
            "<header><h1>{}</h1><dl class=\"summary\">",
            esc(&self.t("report-title"))
        );
        for (id, v) in items {
            let _ = write!(
                s,
                "<div><dt>{}</dt><dd>{}</dd></div>",
                esc(&self.t(id)),
                esc(&v)
            );
        }
        s.push_str("</dl></header><nav>");
        for (anchor, id) in [
            ("trainees", "report-trainees"),
            ("progress", "report-progress"),
            ("scenarios", "report-scenarios"),
            ("distribution", "report-distribution"),
            ("findings", "report-findings"),
            ("agreement", "report-agreement"),
        ] {
            let _ = write!(s, "<a href=\"#{anchor}\">{}</a>", esc(&self.t(id)));
        }
        s.push_str("</nav>");
        self.h(&s);
    }

    fn group_table(&mut self, class: &str, first: &str, other: &str, groups: &[GroupStats]) {
        self.h(&format!("<table class=\"{class}\">"));
        let mut cols: Vec<(&str, bool)> = vec![
            (first, false),
            ("report-col-sessions", true),
            (other, true),
            ("report-col-mean", true),
            ("report-col-min", true),
            ("report-col-max", true),
            ("report-col-latest", true),
            ("report-col-passed", true),
            ("report-col-critical", true),
        ];
        let cats: Vec<String> = Category::ALL
            .iter()
            .map(|c| crate::scoring::category_name(*c))
            .collect();
        cols.extend(cats.iter().map(|c| (c.as_str(), true)));
        self.th(&cols);
        let mut s = String::from("<tbody>");
        for g in groups {
            let _ = write!(
                s,
                "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{:.1}</td><td class=\"n\">{:.1}</td><td class=\"n\">{:.1}</td><td class=\"n\">{:.1}</td><td class=\"n\">{} ({:.0}%)</td><td class=\"n{}\">{}</td>",
                esc(&g.key),
                g.sessions,
                g.others,
                g.mean,
                g.min,
                g.max,
                g.latest,
                g.passed,
                100.0 * g.passed as f32 / g.sessions.max(1) as f32,
                if g.criticals > 0 { " fail" } else { "" },
                g.criticals
            );
            for m in g.category_means {
                let _ = write!(s, "<td class=\"n\">{m:.1}</td>");
            }
            s.push_str("</tr>");
        }
        s.push_str("</tbody></table>");
        self.h(&s);
    }

    fn section(&mut self, id: &str, title: &str) {
        let t = self.t(title);
        self.h(&format!("<section id=\"{id}\"><h2>{}</h2>", esc(&t)));
    }

    fn note(&mut self, id: &str) {
        let t = self.t(id);
        self.h(&format!("<p class=\"note\">{}</p>", esc(&t)));
    }

    fn progress(&mut self) {
        self.section("progress", "report-progress");
        self.note("report-progress-note");
        self.h("<div class=\"grid\">");
        for g in self.report.trainees() {
            let rows = self.report.progress(&g.key);
            let pass_mark = rows.last().map_or(70.0, |r| r.card.pass_mark);
            let points: Vec<Point> = rows
                .iter()
                .map(|r| Point {
                    total: r.card.total,
                    passed: r.card.passed,
                    tip: i18n::tr(
                        self.lang,
                        "report-point",
                        &[
                            ("date", &r.started_at),
                            ("scenario", &r.scenario),
                            ("total", &format!("{:.1}", r.card.total)),
                        ],
                    ),
                })
                .collect();
            let date = |r: Option<&&super::Row>| {
                r.map_or(String::new(), |r| r.started_at.chars().take(10).collect())
            };
            let span = (date(rows.first()), date(rows.last()));
            let chart = svg::progress(&points, pass_mark, &g.key, (&span.0, &span.1));
            self.h(&format!(
                "<figure><figcaption>{}</figcaption>{chart}</figure>",
                esc(&g.key)
            ));
        }
        self.h("</div></section>");
    }

    fn distribution(&mut self) {
        self.section("distribution", "report-distribution");
        let axis = self.t("report-distribution-axis");
        self.h("<div class=\"grid\">");
        for g in self.report.scenarios() {
            let pass_mark = self
                .report
                .rows
                .iter()
                .find(|r| r.scenario == g.key)
                .map_or(70.0, |r| r.card.pass_mark);
            let chart = svg::histogram(&self.report.totals(&g.key), pass_mark, &g.key, &axis);
            self.h(&format!(
                "<figure><figcaption>{} ({})</figcaption>{chart}</figure>",
                esc(&g.key),
                g.sessions
            ));
        }
        self.h("</div></section>");
    }

    fn findings(&mut self, top: usize) {
        self.section("findings", "report-findings");
        self.h("<table class=\"findings\">");
        self.th(&[
            ("report-col-rule", false),
            ("report-col-category", false),
            ("report-col-text", false),
            ("report-col-breaches", true),
            ("report-col-credits", true),
            ("report-col-critical", true),
            ("report-col-sessions", true),
            ("report-trainees", true),
        ]);
        let mut s = String::from("<tbody>");
        for r in self.report.rules().into_iter().take(top) {
            let _ = write!(
                s,
                "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n{}\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                esc(&r.rule),
                esc(&self.t(&crate::scoring::category_name(r.category))),
                esc(&self.report.rule_text(&r.rule, self.lang)),
                r.breaches,
                r.credits,
                if r.criticals > 0 { " fail" } else { "" },
                r.criticals,
                r.sessions,
                r.trainees
            );
        }
        s.push_str("</tbody></table></section>");
        self.h(&s);
    }

    fn agreement(&mut self) {
        self.section("agreement", "report-agreement");
        self.note("report-agreement-note");
        let (a, sessions) = self.report.agreement();
        if sessions == 0 {
            self.note("report-no-annotations");
            self.h("</section>");
            return;
        }
        let not_judged = a.findings.saturating_sub(a.agreed + a.disputed);
        let bar = svg::stacked_bar(
            &[
                (a.agreed, svg::AGREED, self.t("report-agreed")),
                (a.disputed, svg::DISPUTED, self.t("report-disputed")),
                (not_judged, svg::NOT_JUDGED, self.t("report-not-judged")),
            ],
            &self.t("report-agreement"),
        );
        self.h(&bar);
        let share = a
            .share()
            .map_or("–".to_string(), |s| format!("{:.0}%", 100.0 * s));
        let items = [
            ("report-annotated-sessions", sessions.to_string()),
            ("report-findings-count", a.findings.to_string()),
            ("report-agreed", a.agreed.to_string()),
            ("report-disputed", a.disputed.to_string()),
            ("report-not-judged", not_judged.to_string()),
            ("report-share-agreed", share),
            ("report-flags", a.flags.to_string()),
            ("report-flags-unmatched", a.flags_unmatched.to_string()),
        ];
        let mut s = String::from("<table class=\"agreement\"><tbody>");
        for (id, v) in items {
            let _ = write!(
                s,
                "<tr><th>{}</th><td class=\"n\">{}</td></tr>",
                esc(&self.t(id)),
                esc(&v)
            );
        }
        s.push_str("</tbody></table>");
        self.h(&s);
        // Per rule: which rules the evaluators dispute.
        let judged: Vec<_> = self
            .report
            .rules()
            .into_iter()
            .filter(|r| r.agreed + r.disputed > 0)
            .collect();
        if !judged.is_empty() {
            self.h("<table class=\"agreement-rules\">");
            self.th(&[
                ("report-col-rule", false),
                ("report-agreed", true),
                ("report-disputed", true),
                ("report-share-agreed", true),
            ]);
            let mut s = String::from("<tbody>");
            for r in judged {
                let _ = write!(
                    s,
                    "<tr><td><code>{}</code></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{:.0}%</td></tr>",
                    esc(&r.rule),
                    r.agreed,
                    r.disputed,
                    100.0 * r.agreed as f32 / (r.agreed + r.disputed) as f32
                );
            }
            s.push_str("</tbody></table>");
            self.h(&s);
        }
        self.h("</section>");
    }

    fn skipped(&mut self) {
        if self.report.skipped.is_empty() {
            return;
        }
        self.section("skipped", "report-skipped");
        self.h("<table class=\"skipped\">");
        self.th(&[("report-col-file", false), ("report-col-reason", false)]);
        let mut s = String::from("<tbody>");
        for k in &self.report.skipped {
            let _ = write!(
                s,
                "<tr><td><code>{}</code></td><td>{}</td></tr>",
                esc(&k.path.display().to_string()),
                esc(&k.reason)
            );
        }
        s.push_str("</tbody></table></section>");
        self.h(&s);
    }
}

/// How many rules the "most frequent findings" table lists.
pub const TOP_RULES: usize = 15;

/// The whole report as an HTML page in `lang`.
pub fn to_html(report: &Report, lang: Lang) -> String {
    let mut p = Page {
        report,
        lang,
        out: String::new(),
    };
    let title = p.t("report-title");
    p.h(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{STYLE}</style></head><body>",
        lang.code(),
        esc(&title)
    ));
    p.summary();
    p.h("<main>");
    if report.rows.is_empty() {
        p.h("<section>");
        p.note("report-no-sessions");
        p.h("</section>");
    } else {
        p.section("trainees", "report-trainees");
        let groups = report.trainees();
        p.group_table(
            "trainees",
            "report-col-trainee",
            "report-scenarios",
            &groups,
        );
        p.h("</section>");
        p.progress();
        p.section("scenarios", "report-scenarios");
        let groups = report.scenarios();
        p.group_table(
            "scenarios",
            "report-col-scenario",
            "report-trainees",
            &groups,
        );
        p.h("</section>");
        p.distribution();
        p.findings(TOP_RULES);
        p.agreement();
    }
    p.skipped();
    p.h("</main></body></html>\n");
    p.out
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample;
    use super::*;

    #[test]
    fn every_section_is_there_in_each_language() {
        let r = sample();
        for lang in Lang::ALL {
            let h = to_html(&r, lang);
            assert!(h.starts_with("<!DOCTYPE html>"));
            assert_eq!(h.matches("<table class=\"trainees\">").count(), 1);
            assert_eq!(h.matches("<table class=\"scenarios\">").count(), 1);
            // One progress chart per trainee, one histogram per scenario.
            assert_eq!(h.matches("<svg class=\"chart progress\"").count(), 2);
            assert_eq!(h.matches("<svg class=\"chart histogram\"").count(), 2);
            assert!(!h.contains("report-"), "an id shown as text in {lang:?}");
            assert!(!h.contains("<script"));
        }
    }
}
