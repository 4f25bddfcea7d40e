//! Semantic checks of a policy: what serde cannot see. Each problem names a
//! path into the file; [`crate::diag::locate_problems`] places it.

use super::schema::*;
use crate::diag::Problem;
use crate::diag::checks::Checker;
use crate::diag::suggest::{one_of, suggest_then};
use crate::domain::{Lang, ResistanceLevel};
use crate::domain::{RULE_IDS, RuleId};
use std::collections::BTreeMap;

/// Every problem in `policy`, in file order.
pub fn validate(policy: &Policy) -> Vec<Problem> {
    let mut c = Checker::default();
    c.id("id", "the policy", &policy.id);
    c.text("name", &policy.name);
    c.optional_text("description", &policy.description);
    continuum(&mut c, policy);
    for (i, m) in policy.modifiers.iter().enumerate() {
        let p = format!("modifiers[{i}]");
        if m.shift == 0 || m.shift.abs() > 4 {
            c.err(
                format!("{p}.shift"),
                format!(
                    "a modifier's shift must be between -4 and 4 and not 0 (levels of force to add or remove), found {}",
                    m.shift
                ),
            );
        }
        match m.when {
            Circumstance::Closer(d) => c.positive(&format!("{p}.when[0]"), "the distance", d),
            Circumstance::OfficersOutnumber(0) => c.err(
                format!("{p}.when[0]"),
                "officers_outnumber needs at least 1 (officers more than subjects)",
            ),
            _ => {}
        }
        c.optional_text(&format!("{p}.reason"), &m.reason);
    }
    if let Some(g) = &policy.protected_groups {
        if g.no_special_means.is_empty() && g.no_firearm.is_empty() {
            c.err(
                "protected_groups",
                "protected_groups lists no group: fill no_special_means or no_firearm, or remove it",
            );
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
            &format!("the weight of {}", cat.key()),
            v,
        );
        if v.is_finite() {
            sum += v.max(0.0);
        }
    }
    if sum <= 0.0 {
        c.err(
            "category_weights",
            "at least one category weight must be greater than 0",
        );
    }
    c.within("pass_mark", "the pass mark", policy.pass_mark, 0.0, 100.0);
    if let Some(wr) = &policy.witnesses {
        if wr.min_count == 0 {
            c.err(
                "witnesses.min_count",
                "min_count must be at least 1 (Kazakh CPC art. 82(3) asks for two)",
            );
        }
        if wr.required_for.is_empty() {
            c.err(
                "witnesses.required_for",
                "required_for lists no procedure: personal_search, vehicle_search, drug_arrest or seizure",
            );
        }
        citation(&mut c, "witnesses.citation", &wr.citation);
    }
    if let Some(cit) = &policy.same_sex_search {
        citation(&mut c, "same_sex_search", cit);
    }
    c.problems
}

fn citation(c: &mut Checker, path: &str, cit: &Citation) {
    if cit.0.0.len() == 1 && cit.has(Lang::En) {
        // A plain string.
        if cit.get(Lang::En).trim().is_empty() {
            c.err(
                path,
                "a citation is required: the article, policy section or case it rests on",
            );
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
                format!(
                    "the continuum gives \"{}\" twice (also step {}); each resistance level once",
                    step.resistance.key(),
                    first + 1
                ),
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
            format!(
                "the continuum misses {}: it needs one step for each resistance level (compliant, passive, active, assaultive, deadly)",
                one_of(&missing)
            ),
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
                format!(
                    "\"{}\" allows less force ({}) than the lower level \"{}\" ({}); force may not fall as resistance rises",
                    hi.key(),
                    hi_f.key(),
                    lo.key(),
                    lo_f.key()
                ),
            );
        }
    }
}

fn rules(c: &mut Checker, policy: &Policy) {
    if policy.rules.is_empty() {
        c.err("rules", "the policy has no rules: list the rules it scores");
    }
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, r) in policy.rules.iter().enumerate() {
        let p = format!("rules[{i}]");
        let id = RuleId::parse(&r.id);
        if id.is_none() {
            c.err(
                format!("{p}.id"),
                format!(
                    "unknown rule id \"{}\"{}",
                    r.id,
                    suggest_then(
                        &r.id,
                        RULE_IDS.iter().copied(),
                        &format!("valid rule ids: {}", RULE_IDS.join(", "))
                    ),
                ),
            );
        }
        if let Some(first) = seen.get(r.id.as_str()) {
            c.err(
                format!("{p}.id"),
                format!(
                    "rule \"{}\" is listed twice (also rules[{first}]); list each rule once",
                    r.id
                ),
            );
        } else {
            seen.insert(&r.id, i);
        }
        c.non_negative(&format!("{p}.weight"), "a rule's weight", r.weight);
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
                format!(
                    "rule \"{}\" needs the policy's `{section}` section; add it or remove the rule",
                    r.id
                ),
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
        }
    }

    fn messages(p: &Policy) -> Vec<String> {
        validate(p)
            .into_iter()
            .map(|p| format!("{}: {}", p.path, p.message))
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
