//! Semantic checks of a policy: what serde cannot see. Each problem names a
//! path into the file; [`crate::diag::locate_problems`] places it.

use super::schema::*;
use crate::diag::checks::Checker;
use crate::diag::suggest::{one_of, suggest_then};
use crate::diag::{Problem, m};
use crate::domain::{Lang, ResistanceLevel};
use crate::domain::{RULE_IDS, RuleId};
use crate::i18n::Msg;
use std::collections::BTreeMap;

/// Every problem in `policy`, in file order.
pub fn validate(policy: &Policy) -> Vec<Problem> {
    let mut c = Checker::default();
    c.id("id", m("type-policy-a"), &policy.id);
    c.text("name", &policy.name);
    c.optional_text("description", &policy.description);
    continuum(&mut c, policy);
    for (i, m) in policy.modifiers.iter().enumerate() {
        let p = format!("modifiers[{i}]");
        if m.shift == 0 || m.shift.abs() > 4 {
            c.err(
                format!("{p}.shift"),
                Msg::new("diag-modifier-shift").with("v", i64::from(m.shift)),
            );
        }
        match m.when {
            Circumstance::Closer(d) => {
                c.positive(&format!("{p}.when[0]"), self::m("what-distance"), d)
            }
            Circumstance::OfficersOutnumber(0) => {
                c.err(format!("{p}.when[0]"), self::m("diag-outnumber-zero"))
            }
            _ => {}
        }
        c.optional_text(&format!("{p}.reason"), &m.reason);
    }
    if let Some(g) = &policy.protected_groups {
        if g.no_special_means.is_empty() && g.no_firearm.is_empty() {
            c.err("protected_groups", m("diag-protected-empty"));
        }
        citation(
            &mut c,
            "protected_groups.special_means_citation",
            &g.special_means_citation,
        );
        citation(
            &mut c,
            "protected_groups.firearm_citation",
            &g.firearm_citation,
        );
    }
    rules(&mut c, policy);
    let w = &policy.category_weights;
    let mut sum = 0.0;
    for cat in Category::ALL {
        let v = w.get(cat);
        c.non_negative(
            &format!("category_weights.{}", cat.key()),
            Msg::new("what-category-weight").with("key", cat.key()),
            v,
        );
        if v.is_finite() {
            sum += v.max(0.0);
        }
    }
    if sum <= 0.0 {
        c.err("category_weights", m("diag-weights-zero"));
    }
    c.within(
        "pass_mark",
        m("what-pass-mark"),
        policy.pass_mark,
        0.0,
        100.0,
    );
    if let Some(wr) = &policy.witnesses {
        if wr.min_count == 0 {
            c.err("witnesses.min_count", m("diag-witness-min"));
        }
        if wr.required_for.is_empty() {
            c.err("witnesses.required_for", m("diag-witness-none"));
        }
        citation(&mut c, "witnesses.citation", &wr.citation);
    }
    if let Some(cit) = &policy.same_sex_search {
        citation(&mut c, "same_sex_search", cit);
    }
    c.within(
        "escape.broadcast_share",
        m("what-escape-broadcast-share"),
        policy.escape.broadcast_share,
        0.0,
        1.0,
    );
    c.problems
}

fn citation(c: &mut Checker, path: &str, cit: &Citation) {
    if cit.0.0.len() == 1 && cit.has(Lang::En) {
        // A plain string.
        if cit.get(Lang::En).trim().is_empty() {
            c.err(path, m("diag-citation-empty"));
        }
    } else {
        c.text(path, &cit.0);
    }
}

fn continuum(c: &mut Checker, policy: &Policy) {
    let mut seen: BTreeMap<ResistanceLevel, usize> = BTreeMap::new();
    for (i, step) in policy.continuum.iter().enumerate() {
        if let Some(first) = seen.get(&step.resistance) {
            c.err(
                format!("continuum[{i}].resistance"),
                Msg::new("diag-continuum-twice")
                    .with("level", step.resistance.key())
                    .with("step", first + 1),
            );
        } else {
            seen.insert(step.resistance, i);
        }
    }
    let missing: Vec<&str> = ResistanceLevel::ALL
        .iter()
        .filter(|l| !seen.contains_key(l))
        .map(|l| l.key())
        .collect();
    if !missing.is_empty() {
        c.err(
            "continuum",
            Msg::new("diag-continuum-misses").with("levels", one_of(&missing)),
        );
    }
    // Allowed force may not fall as resistance rises.
    let mut by_level: Vec<(ResistanceLevel, usize)> = seen.into_iter().collect();
    by_level.sort();
    for pair in by_level.windows(2) {
        let (lo, lo_i) = pair[0];
        let (hi, hi_i) = pair[1];
        let (lo_f, hi_f) = (
            policy.continuum[lo_i].max_force,
            policy.continuum[hi_i].max_force,
        );
        if hi_f < lo_f {
            c.err(
                format!("continuum[{hi_i}].max_force"),
                Msg::new("diag-continuum-falls")
                    .with("hi", hi.key())
                    .with("hi_force", hi_f.key())
                    .with("lo", lo.key())
                    .with("lo_force", lo_f.key()),
            );
        }
    }
}

fn rules(c: &mut Checker, policy: &Policy) {
    if policy.rules.is_empty() {
        c.err("rules", m("diag-no-rules"));
    }
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, r) in policy.rules.iter().enumerate() {
        let p = format!("rules[{i}]");
        let id = RuleId::parse(&r.id);
        if id.is_none() {
            c.err(
                format!("{p}.id"),
                Msg::new("diag-unknown-rule").with("id", &r.id).with(
                    "hint",
                    suggest_then(
                        &r.id,
                        RULE_IDS.iter().copied(),
                        Msg::new("diag-valid-rules").with("list", RULE_IDS.join(", ")),
                    ),
                ),
            );
        }
        if let Some(first) = seen.get(r.id.as_str()) {
            c.err(
                format!("{p}.id"),
                Msg::new("diag-rule-twice")
                    .with("id", &r.id)
                    .with("first", format!("rules[{first}]")),
            );
        } else {
            seen.insert(&r.id, i);
        }
        c.non_negative(&format!("{p}.weight"), m("what-rule-weight"), r.weight);
        citation(c, &format!("{p}.citation"), &r.citation);
        c.text(&format!("{p}.text"), &r.text);
        // Rules that read jurisdiction settings need them.
        let needs = match id {
            Some(RuleId::ProcedureWitnesses) if policy.witnesses.is_none() => Some("witnesses"),
            Some(RuleId::ProcedureSameSexSearch) if policy.same_sex_search.is_none() => {
                Some("same_sex_search")
            }
            Some(RuleId::ForceProtectedGroup) if policy.protected_groups.is_none() => {
                Some("protected_groups")
            }
            _ => None,
        };
        if let Some(section) = needs {
            c.err(
                format!("{p}.id"),
                Msg::new("diag-rule-needs-section")
                    .with("id", &r.id)
                    .with("section", section),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ForceLevel, LocalizedText};

    fn policy() -> Policy {
        Policy {
            id: "t".into(),
            name: LocalizedText::en("T"),
            description: LocalizedText::default(),
            continuum: ResistanceLevel::ALL
                .iter()
                .zip(ForceLevel::ALL.iter())
                .map(|(&resistance, &max_force)| ContinuumStep {
                    resistance,
                    max_force,
                })
                .collect(),
            force_options: BTreeMap::new(),
            modifiers: vec![],
            protected_groups: None,
            rules: vec![Rule {
                id: "force.proportionality".into(),
                category: Category::Force,
                weight: 10.0,
                severity: Severity::Major,
                citation: "x".into(),
                text: LocalizedText::en("x"),
            }],
            category_weights: CategoryWeights::equal(),
            pass_mark: 70.0,
            witnesses: None,
            same_sex_search: None,
            escape: Default::default(),
        }
    }

    fn messages(p: &Policy) -> Vec<String> {
        validate(p)
            .into_iter()
            .map(|p| {
                let text = crate::i18n::render(Lang::En, &p.message, &Default::default());
                format!("{}: {}", p.path, text)
            })
            .collect()
    }

    #[test]
    fn a_sound_policy_has_no_problems() {
        assert_eq!(messages(&policy()), Vec::<String>::new());
    }

    #[test]
    fn continuum_missing_repeated_and_falling_levels() {
        let mut p = policy();
        p.continuum[4].resistance = ResistanceLevel::Active;
        let m = messages(&p);
        assert!(
            m.iter()
                .any(|m| m
                    .starts_with("continuum[4].resistance: the continuum gives \"active\" twice")),
            "{m:?}"
        );
        assert!(
            m.iter()
                .any(|m| m.starts_with("continuum: the continuum misses deadly")),
            "{m:?}"
        );
        let mut p = policy();
        p.continuum[3].max_force = ForceLevel::Presence;
        assert!(
            messages(&p)[0].starts_with("continuum[3].max_force: \"assaultive\" allows less force")
        );
    }

    #[test]
    fn rules_unknown_duplicate_and_needing_sections() {
        let mut p = policy();
        let mut r = p.rules[0].clone();
        r.id = "force.proportionalty".into();
        p.rules.push(r.clone());
        r.id = "force.proportionality".into();
        r.weight = -1.0;
        p.rules.push(r.clone());
        r.id = "procedure.witnesses".into();
        r.weight = 1.0;
        p.rules.push(r);
        let m = messages(&p);
        assert!(
            m[0].contains("did you mean \"force.proportionality\""),
            "{m:?}"
        );
        assert!(m[1].contains("listed twice"), "{m:?}");
        assert!(m[2].contains("must not be negative"), "{m:?}");
        assert!(
            m[3].contains("needs the policy's `witnesses` section"),
            "{m:?}"
        );
    }

    #[test]
    fn pass_mark_and_weights() {
        let mut p = policy();
        p.pass_mark = 101.0;
        p.category_weights.force = f32::NAN;
        let m = messages(&p);
        assert!(
            m.iter()
                .any(|m| m.starts_with("pass_mark: the pass mark must be between 0 and 100"))
        );
        assert!(m.iter().any(|m| m.starts_with("category_weights.force")));
    }
}
