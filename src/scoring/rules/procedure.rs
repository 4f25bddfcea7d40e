//! Procedure and law: identification, commands, attesting witnesses, the
//! same-sex personal search, evidence, first aid, the force report and victim
//! care. Duties that can only be done once the scene calms down (first aid,
//! the report, specialists) are judged only when the log left the trainee
//! [`AFTERCARE_S`] to do them.

use super::{Draft, Scope, applications};
use crate::domain::*;
use crate::events::{Event, EventKind, TRAINEE, WitnessInfo};
use crate::i18n::{Arg, Msg, decimal};
use crate::policy::schema::WitnessedProcedure;
use crate::scoring::facts::*;
use crate::scoring::text::{self, msg};
use std::collections::{BTreeMap, BTreeSet};

/// Seconds the trainee needs after the scene is safe (or after force) to give
/// first aid, report force or call a specialist before a missing one counts.
pub(crate) const AFTERCARE_S: f32 = 10.0;

/// Seconds a subject needs to start complying with a command.
pub(crate) const COMPLY_S: f32 = 2.0;

/// Commands within this window are one exchange (for "time to comply").
pub(crate) const EXCHANGE_S: f32 = 15.0;

/// Three or more different commands within this many seconds are unclear.
pub(crate) const BURST_S: f32 = 2.0;

/// All procedure rules.
pub(crate) fn check(s: &Scope) -> Vec<Draft> {
    let mut out = Vec::new();
    out.extend(identify(s));
    out.extend(commands(s));
    out.extend(witnesses(s));
    out.extend(same_sex_search(s));
    out.extend(evidence(s));
    out.extend(first_aid(s));
    out.extend(report_force(s));
    out.extend(victim_care(s));
    out
}

/// True for a trainee action that addresses a subject with authority: a
/// command, force or a hands-on procedure.
fn is_contact(act: &Act) -> bool {
    matches!(
        act,
        Act::Command(_) | Act::Force(_) | Act::Do(Procedure::Handcuff | Procedure::Search)
    )
}

/// `procedure.identify`: the first command, force or hands-on procedure came
/// before the trainee identified as police ("Police!"; the
/// firearm warning says it too). Once per session.
pub(crate) fn identify(s: &Scope) -> Vec<Draft> {
    for (e, a) in s.facts.trainee_actions() {
        if matches!(a.act, Act::Identify | Act::Warn(Warning::Firearm)) {
            return Vec::new();
        }
        if is_contact(&a.act) {
            if e.ctx.as_ref().is_some_and(|c| c.officer.identified) {
                return Vec::new();
            }
            let subject = action_subject(e, a);
            return vec![Draft::breach(
                e.t(),
                RuleId::ProcedureIdentify,
                subject.as_deref(),
                msg("finding-procedure-identify", &[("t", clock(e.t()))]),
            )];
        }
    }
    Vec::new()
}

/// `procedure.commands`: commands clear and with time to comply. (1) Force
/// (pointing a firearm included) on a person who was at most actively
/// resisting, when the first command of the exchange (the last
/// [`EXCHANGE_S`]) was under [`COMPLY_S`] before: no time to comply.
/// (2) Three or more different commands to one person within [`BURST_S`], or
/// "stay in the vehicle" and "step out" within 5 s: unclear. Each at most once
/// per person.
pub(crate) fn commands(s: &Scope) -> Vec<Draft> {
    // (time, subject or None, command)
    let cmds: Vec<(usize, f32, Option<String>, Command)> = s
        .facts
        .trainee_actions_indexed()
        .filter_map(|(i, e, a)| match a.act {
            Act::Command(c) => Some((i, e.t(), action_subject(e, a), c)),
            _ => None,
        })
        .collect();
    let to = |subject: &str, c: &(usize, f32, Option<String>, Command)| {
        c.2.as_deref().is_none_or(|x| x == subject)
    };
    let mut out = Vec::new();
    let mut no_time = BTreeSet::new();
    for a in applications(&s.facts) {
        if a.view
            .is_none_or(|v| v.perceived >= ResistanceLevel::Assaultive)
        {
            continue;
        }
        let first = cmds
            .iter()
            .filter(|c| c.0 < a.idx && a.t - c.1 <= EXCHANGE_S && to(&a.subject, c))
            .map(|c| c.1)
            .next();
        if let Some(t0) = first
            && a.t - t0 < COMPLY_S
            && no_time.insert(a.subject.clone())
        {
            out.push(Draft::breach(
                a.t,
                RuleId::ProcedureCommands,
                Some(&a.subject),
                msg(
                    "finding-procedure-commands",
                    &[
                        ("t", clock(a.t)),
                        ("who", who(&a.subject)),
                        ("d", decimal(a.t - t0)),
                        ("option", text::option(a.option)),
                    ],
                ),
            ));
        }
    }
    let mut unclear = BTreeSet::new();
    for (k, c) in cmds.iter().enumerate() {
        let Some(subject) = c.2.as_deref() else {
            continue;
        };
        let window: Vec<&(usize, f32, Option<String>, Command)> = cmds[..=k]
            .iter()
            .filter(|d| c.1 - d.1 <= BURST_S && to(subject, d))
            .collect();
        let distinct: BTreeSet<Command> = window.iter().map(|d| d.3).collect();
        let contradictory = cmds[..=k].iter().any(|d| {
            c.1 - d.1 <= 5.0
                && to(subject, d)
                && matches!(
                    (d.3, c.3),
                    (Command::StayInVehicle, Command::StepOut)
                        | (Command::StepOut, Command::StayInVehicle)
                )
        });
        if (distinct.len() >= 3 || contradictory) && unclear.insert(subject.to_string()) {
            out.push(Draft::breach(
                c.1,
                RuleId::ProcedureCommands,
                Some(subject),
                msg(
                    "finding-procedure-commands-2",
                    &[("t", clock(c.1)), ("who", who(subject))],
                ),
            ));
        }
    }
    out
}

/// A witness who cannot count, and why (as a phrase).
///
/// `earlier` holds the witnesses of earlier arrests of other people in this
/// session, `served` those of any arrest in it. The log's `serial` flag counts
/// only when no arrest in this session explains it: a witness of this very
/// arrest stays valid for its search and seizure.
fn witness_problem(
    s: &Scope,
    w: &WitnessInfo,
    earlier: &BTreeSet<String>,
    served: &BTreeSet<String>,
) -> Option<Msg> {
    let rules = s.policy.witnesses.as_ref()?;
    if rules.ineligible.contains(&w.eligibility) {
        return Some(msg(
            "finding-procedure-witnesses-ineligible",
            &[("who", who(&w.id))],
        ));
    }
    let known_serial = w.serial && !served.contains(&w.id);
    if rules.no_reuse && (known_serial || earlier.contains(&w.id)) {
        return Some(msg(
            "finding-procedure-witnesses-reused",
            &[("who", who(&w.id))],
        ));
    }
    None
}

/// `procedure.witnesses` (only with the policy's `witnesses` settings): each
/// procedure the policy lists (personal search, vehicle search, drug arrest,
/// seizure and sealing) needs at least `min_count` valid attesting witnesses
/// present: eligible (not in `ineligible`), and with `no_reuse` neither a
/// serial witness nor one who served in an earlier arrest of another person
/// in this session (KZ CPC 2014 arts. 82(3), 90, 90(3)). The procedures of one
/// arrest (the arrest, the search, the seizure, the sealing) are one duty:
/// one finding per person arrested, at the first procedure that fell short,
/// naming the procedures and each witness who does not count. A procedure
/// that names nobody belongs to the latest arrest.
pub(crate) fn witnesses(s: &Scope) -> Vec<Draft> {
    let Some(rules) = &s.policy.witnesses else {
        return Vec::new();
    };
    let needs = |p: WitnessedProcedure| rules.required_for.contains(&p);
    let vehicles: BTreeSet<String> = s
        .facts
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Exposure(crate::events::Exposure::AtVehicle(v)) => Some(v.clone()),
            EventKind::Action { action, .. } if action.act == Act::Do(Procedure::SearchVehicle) => {
                action.target.clone()
            }
            _ => None,
        })
        .collect();
    // Everyone arrested in the session: a procedure on anyone else (a child
    // courier's bag searched, a victim's papers seized) is part of the
    // latest arrest's case, and its witnesses may serve again.
    let arrested_ever: BTreeSet<&String> = s
        .facts
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Arrested { subject, .. } => Some(subject),
            _ => None,
        })
        .collect();
    // Witnesses of each arrest so far, by arrested subject.
    let mut arrests: Vec<(String, Vec<String>)> = Vec::new();
    // Shortfalls per person: (first time, procedures, fewest valid, problems).
    type Shortfall = (f32, Vec<Arg>, u32, Vec<Msg>);
    let mut short: BTreeMap<Option<String>, Shortfall> = BTreeMap::new();
    for e in s.facts.events {
        let (what, subject, present): (&'static str, Option<&String>, &Vec<WitnessInfo>) =
            match &e.kind {
                EventKind::Searched {
                    subject, witnesses, ..
                } if needs(WitnessedProcedure::PersonalSearch) => {
                    ("noun-procedure-personal_search", Some(subject), witnesses)
                }
                EventKind::PlaceSearched {
                    place, witnesses, ..
                } if needs(WitnessedProcedure::VehicleSearch) && vehicles.contains(place) => {
                    ("noun-procedure-vehicle_search", None, witnesses)
                }
                EventKind::Arrested {
                    subject,
                    drugs: true,
                    witnesses,
                } if needs(WitnessedProcedure::DrugArrest) => {
                    ("noun-procedure-drug_arrest", Some(subject), witnesses)
                }
                EventKind::Seized {
                    from, witnesses, ..
                } if needs(WitnessedProcedure::Seizure) => (
                    "noun-procedure-seizure",
                    s.facts.subjects.get(from),
                    witnesses,
                ),
                EventKind::Sealed { witnesses, .. } if needs(WitnessedProcedure::Seizure) => {
                    ("noun-procedure-sealing", None, witnesses)
                }
                _ => {
                    if let EventKind::Arrested {
                        subject, witnesses, ..
                    } = &e.kind
                    {
                        arrests.push((
                            subject.clone(),
                            witnesses.iter().map(|w| w.id.clone()).collect(),
                        ));
                    }
                    continue;
                }
            };
        let latest = arrests.last().map(|a| a.0.clone());
        let subject = match subject {
            Some(x) if !arrested_ever.contains(x) && latest.is_some() => latest,
            other => other.cloned().or(latest),
        };
        let earlier: BTreeSet<String> = arrests
            .iter()
            .filter(|(who_, _)| Some(who_) != subject.as_ref())
            .flat_map(|(_, ws)| ws.iter().cloned())
            .collect();
        let served: BTreeSet<String> = arrests
            .iter()
            .flat_map(|(_, ws)| ws.iter().cloned())
            .collect();
        let mut seen_ids = BTreeSet::new();
        let mut valid = 0u32;
        let mut problems = Vec::new();
        for w in present {
            if !seen_ids.insert(w.id.clone()) {
                continue;
            }
            match witness_problem(s, w, &earlier, &served) {
                Some(p) => problems.push(p),
                None => valid += 1,
            }
        }
        if let EventKind::Arrested {
            subject, witnesses, ..
        } = &e.kind
        {
            arrests.push((
                subject.clone(),
                witnesses.iter().map(|w| w.id.clone()).collect(),
            ));
        }
        if valid >= rules.min_count {
            continue;
        }
        let entry = short
            .entry(subject)
            .or_insert((e.t(), Vec::new(), valid, Vec::new()));
        let what = Arg::Msg(Msg::new(what));
        if !entry.1.contains(&what) {
            entry.1.push(what);
        }
        entry.2 = entry.2.min(valid);
        for p in problems {
            if !entry.3.contains(&p) {
                entry.3.push(p);
            }
        }
    }
    let mut out: Vec<Draft> = short
        .into_iter()
        .map(|(subject, (t, whats, valid, problems))| {
            let txt = msg(
                "finding-procedure-witnesses",
                &[
                    ("t", clock(t)),
                    ("what", Arg::List(whats, ", ".into())),
                    ("n", valid.into()),
                    ("min", rules.min_count.into()),
                ],
            );
            let d = Draft::breach(t, RuleId::ProcedureWitnesses, subject.as_deref(), txt)
                .cite(&rules.citation);
            if problems.is_empty() {
                d
            } else {
                let problems = problems.into_iter().map(Arg::Msg).collect();
                d.note(
                    Msg::new("finding-procedure-witnesses-problems")
                        .with("problems", Arg::List(problems, "; ".into())),
                )
            }
        })
        .collect();
    out.sort_by(|a, b| a.t.total_cmp(&b.t));
    out
}

/// `procedure.same_sex_search`: a personal search by an officer whose sex
/// differs from the person's apparent sex (KZ CPC art. 255(2)).
pub(crate) fn same_sex_search(s: &Scope) -> Vec<Draft> {
    let mut out = Vec::new();
    for e in s.facts.events {
        let EventKind::Searched {
            subject,
            searcher_sex,
            ..
        } = &e.kind
        else {
            continue;
        };
        let Some(v) = view_of(e, subject) else {
            continue;
        };
        if v.sex == *searcher_sex {
            continue;
        }
        let mut d = Draft::breach(
            e.t(),
            RuleId::ProcedureSameSexSearch,
            Some(subject),
            msg(
                "finding-procedure-same_sex_search",
                &[("t", clock(e.t())), ("who", who(subject))],
            ),
        );
        if let Some(c) = &s.policy.same_sex_search {
            d = d.cite(c);
        }
        out.push(d);
    }
    out
}

/// Ids the log uses for people (so a place search that "found" a hiding
/// person is not taken for evidence).
fn person_ids(s: &Scope) -> BTreeSet<String> {
    let mut p: BTreeSet<String> = s.facts.subjects.union(&s.facts.officers).cloned().collect();
    for e in s.facts.events {
        match &e.kind {
            EventKind::WitnessJoined(w) => {
                p.insert(w.id.clone());
            }
            EventKind::Injured { who, .. }
            | EventKind::Said { who, .. }
            | EventKind::Interviewed { who, .. }
            | EventKind::Incapacitated { who } => {
                p.insert(who.clone());
            }
            _ => {}
        }
    }
    p
}

/// `procedure.evidence`: evidence found in a search (the items the log marks
/// as `evidence`: drugs, weapons, cash) must be seized, and seized items
/// sealed on the spot (KZ CPC art. 254(14)). Witnesses at the seizure are
/// judged by `procedure.witnesses`. At most one finding for unseized and one
/// for unsealed items, at the end of the log, counting only items found (or
/// seized) at least [`AFTERCARE_S`] before it ended.
pub(crate) fn evidence(s: &Scope) -> Vec<Draft> {
    let persons = person_ids(s);
    // Item id -> when it was found / seized (first time).
    let mut found: Vec<(String, f32)> = Vec::new();
    let mut seized: Vec<(String, f32)> = Vec::new();
    let mut sealed: BTreeSet<String> = BTreeSet::new();
    let first = |v: &mut Vec<(String, f32)>, items: &[String], t: f32| {
        for i in items {
            if !persons.contains(i) && !v.iter().any(|(x, _)| x == i) {
                v.push((i.clone(), t));
            }
        }
    };
    for e in s.facts.events {
        match &e.kind {
            EventKind::Searched { evidence: f, .. }
            | EventKind::PlaceSearched { evidence: f, .. } => first(&mut found, f, e.t()),
            EventKind::Seized { items, .. } => first(&mut seized, items, e.t()),
            EventKind::Sealed { items, .. } => sealed.extend(items.iter().cloned()),
            _ => {}
        }
    }
    // Only what the trainee had time to deal with before the log ended.
    let due = |t: f32| s.facts.end_t - t >= AFTERCARE_S;
    let unseized: Vec<String> = found
        .iter()
        .filter(|(i, t)| due(*t) && !seized.iter().any(|(x, _)| x == i))
        .map(|(i, _)| i.clone())
        .collect();
    let unsealed: Vec<String> = seized
        .iter()
        .filter(|(i, t)| due(*t) && !sealed.contains(i))
        .map(|(i, _)| i.clone())
        .collect();
    let t = s.facts.end_t;
    let mut out = Vec::new();
    if !unseized.is_empty() {
        out.push(Draft::breach(
            t,
            RuleId::ProcedureEvidence,
            None,
            msg(
                "finding-procedure-evidence",
                &[("items", who_list(&unseized))],
            ),
        ));
    }
    if !unsealed.is_empty() {
        out.push(Draft::breach(
            t,
            RuleId::ProcedureEvidence,
            None,
            msg(
                "finding-procedure-evidence-2",
                &[("items", who_list(&unsealed))],
            ),
        ));
    }
    out
}

/// True when the scene is safe in this context: nobody in view resists more
/// than passively, or nobody in view is unrestrained.
fn safe(e: &Event) -> bool {
    e.ctx.as_ref().is_some_and(|c| {
        c.max_perceived <= ResistanceLevel::Passive || c.subjects_unrestrained == 0
    })
}

/// `procedure.first_aid`: a person hurt (not the trainee, not killed) got no
/// first aid from an officer and no ambulance was called, although the scene
/// was safe for [`AFTERCARE_S`] after the injury (UN BP 5; KZ art. 62(4)).
/// Once per person.
pub(crate) fn first_aid(s: &Scope) -> Vec<Draft> {
    let evs = s.facts.events;
    // Last condition of each injured person, and when they were first hurt.
    let mut hurt: BTreeMap<String, (usize, Health)> = BTreeMap::new();
    for (i, e) in evs.iter().enumerate() {
        if let EventKind::Injured { who, health, .. } = &e.kind
            && who != TRAINEE
        {
            let entry = hurt.entry(who.clone()).or_insert((i, *health));
            entry.1 = *health;
        }
    }
    let mut out = Vec::new();
    for (id, (i0, h)) in hurt {
        if h == Health::Dead || h == Health::Unhurt {
            continue;
        }
        let helped = evs[i0..].iter().any(|e| match &e.kind {
            EventKind::FirstAid { to, .. } => *to == id,
            EventKind::Action { by, action } => {
                by == TRAINEE && action.act == Act::Radio(RadioCall::RequestEms)
            }
            _ => false,
        });
        if helped {
            continue;
        }
        let Some(t_safe) = evs[i0..].iter().find(|e| safe(e)).map(Event::t) else {
            continue;
        };
        if s.facts.end_t - t_safe < AFTERCARE_S {
            continue;
        }
        out.push(Draft::breach(
            t_safe,
            RuleId::ProcedureFirstAid,
            Some(&id),
            msg(
                "finding-procedure-first_aid",
                &[
                    ("t", clock(t_safe)),
                    ("who", who(&id)),
                    ("health", text::health(h)),
                ],
            ),
        ));
    }
    out
}

/// `procedure.report_force`: force used (pointing a firearm at a person
/// included) and no `Radio(ReportForce)` by the trainee after the last use, although
/// the log went on for [`AFTERCARE_S`] after it (KZ art. 62(4); IACP).
pub(crate) fn report_force(s: &Scope) -> Vec<Draft> {
    let Some(last) = applications(&s.facts).into_iter().last() else {
        return Vec::new();
    };
    let reported = s
        .facts
        .trainee_actions_indexed()
        .any(|(i, _, a)| i > last.idx && a.act == Act::Radio(RadioCall::ReportForce));
    if reported || s.facts.end_t - last.t < AFTERCARE_S {
        return Vec::new();
    }
    vec![Draft::breach(
        last.t,
        RuleId::ProcedureReportForce,
        None,
        msg("finding-procedure-report_force", &[("t", clock(last.t))]),
    )]
}

/// `procedure.victim_care`: a person who showed signs of being a victim
/// (trafficking, a child courier) in an interview must be treated as one: a
/// specialist called (`Radio(RequestSpecialist)`), and no force, handcuffs or
/// arrest. One finding for no specialist (when the log went on for
/// [`AFTERCARE_S`] after the signs), one for treating them as a suspect.
pub(crate) fn victim_care(s: &Scope) -> Vec<Draft> {
    let evs = s.facts.events;
    let mut out = Vec::new();
    let mut victims: BTreeMap<String, usize> = BTreeMap::new();
    for (i, e) in evs.iter().enumerate() {
        if let EventKind::Interviewed {
            who,
            victim_signs: true,
        } = &e.kind
        {
            victims.entry(who.clone()).or_insert(i);
        }
    }
    for (id, i0) in victims {
        let t0 = evs[i0].t();
        let specialist = s
            .facts
            .trainee_actions()
            .any(|(_, a)| a.act == Act::Radio(RadioCall::RequestSpecialist));
        if !specialist && s.facts.end_t - t0 >= AFTERCARE_S {
            out.push(Draft::breach(
                t0,
                RuleId::ProcedureVictimCare,
                Some(&id),
                msg(
                    "finding-procedure-victim_care",
                    &[("t", clock(t0)), ("who", who(&id))],
                ),
            ));
        }
        let mistreated = evs[i0..].iter().find(|e| match &e.kind {
            EventKind::Restrained { subject, .. } | EventKind::Arrested { subject, .. } => {
                *subject == id
            }
            EventKind::Action { by, action } => {
                by == TRAINEE
                    && matches!(action.act, Act::Force(_))
                    && action_subject(e, action).as_deref() == Some(&id)
            }
            _ => false,
        });
        if let Some(e) = mistreated {
            out.push(Draft::breach(
                e.t(),
                RuleId::ProcedureVictimCare,
                Some(&id),
                msg(
                    "finding-procedure-victim_care-2",
                    &[("t", clock(e.t())), ("who", who(&id))],
                ),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::hits;
    use crate::domain::WitnessEligibility as W;
    use crate::domain::*;
    use crate::events::*;
    use crate::scoring::testkit::{LogBuilder, witness};
    use ResistanceLevel::*;

    #[test]
    fn identify_before_commands() {
        let late = LogBuilder::new()
            .subject("s", |_| {})
            .at(3.0)
            .act(Act::Command(Command::ShowHands))
            .act(Act::Identify)
            .build();
        let f = hits(&late, "procedure.identify");
        assert_eq!(f.len(), 1);
        assert!(f[0].text.starts_with("At 0:03"));
        let early = LogBuilder::new()
            .subject("s", |_| {})
            .act(Act::Identify)
            .at(3.0)
            .act(Act::Command(Command::ShowHands))
            .build();
        assert!(hits(&early, "procedure.identify").is_empty());
    }

    #[test]
    fn commands_no_time_to_comply() {
        let rushed = LogBuilder::new()
            .subject("s", |v| v.perceived = Passive)
            .at(10.0)
            .act(Act::Command(Command::TurnAround))
            .at(10.5)
            .act(Act::Force(ForceOption::JointLock))
            .build();
        let f = hits(&rushed, "procedure.commands");
        assert_eq!(f.len(), 1);
        assert!(f[0].text.contains("only 0.5 s after your first command"));
        let patient = LogBuilder::new()
            .subject("s", |v| v.perceived = Passive)
            .at(10.0)
            .act(Act::Command(Command::TurnAround))
            .at(14.0)
            .act(Act::Command(Command::TurnAround))
            .at(14.5)
            .act(Act::Force(ForceOption::JointLock))
            .build();
        assert!(hits(&patient, "procedure.commands").is_empty());
    }

    #[test]
    fn commands_unclear_burst() {
        let burst = LogBuilder::new()
            .subject("s", |_| {})
            .at(5.0)
            .act(Act::Command(Command::ShowHands))
            .at(5.5)
            .act(Act::Command(Command::Kneel))
            .at(6.0)
            .act(Act::Command(Command::WalkBackwards))
            .build();
        assert_eq!(hits(&burst, "procedure.commands").len(), 1);
        let paced = LogBuilder::new()
            .subject("s", |_| {})
            .at(5.0)
            .act(Act::Command(Command::ShowHands))
            .at(8.0)
            .act(Act::Command(Command::Kneel))
            .at(11.0)
            .act(Act::Command(Command::Prone))
            .build();
        assert!(hits(&paced, "procedure.commands").is_empty());
    }

    fn search_with(witnesses: Vec<WitnessInfo>) -> EventLog {
        LogBuilder::new()
            .subject("s", |_| {})
            .event(EventKind::Restrained {
                subject: "s".into(),
                by: TRAINEE.into(),
            })
            .at(20.0)
            .event(EventKind::Searched {
                subject: "s".into(),
                by: TRAINEE.into(),
                searcher_sex: Sex::Male,
                found: vec![],
                witnesses,
                evidence: vec![],
            })
            .build()
    }

    #[test]
    fn witnesses_too_few_or_ineligible() {
        let one = search_with(vec![witness("w1", W::Eligible)]);
        let f = hits(&one, "procedure.witnesses");
        assert_eq!(f.len(), 1);
        assert!(f[0].text.contains(": 1 (at least 2 required)"));
        assert_eq!(f[0].citation.get(Lang::En), "witness law");
        let cadet = search_with(vec![
            witness("w1", W::Eligible),
            witness("w2", W::LawEnforcementStudent),
        ]);
        let f = hits(&cadet, "procedure.witnesses");
        assert_eq!(f.len(), 1);
        assert!(f[0].text.contains("«w2» may not be a witness"));
        let two = search_with(vec![witness("w1", W::Eligible), witness("w2", W::Eligible)]);
        assert!(hits(&two, "procedure.witnesses").is_empty());
    }

    #[test]
    fn witnesses_not_reused_across_arrests() {
        let arrest = |b: LogBuilder, who: &str, ws: &[&str]| {
            b.event(EventKind::Arrested {
                subject: who.into(),
                drugs: true,
                witnesses: ws.iter().map(|w| witness(w, W::Eligible)).collect(),
            })
        };
        let reused = arrest(
            arrest(LogBuilder::new().at(10.0), "a", &["w1", "w2"]).at(60.0),
            "b",
            &["w1", "w3"],
        )
        .build();
        let f = hits(&reused, "procedure.witnesses");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].subject.as_deref(), Some("b"));
        assert!(f[0].text.contains("«w1» already witnessed another arrest"));
        let fresh = arrest(
            arrest(LogBuilder::new().at(10.0), "a", &["w1", "w2"]).at(60.0),
            "b",
            &["w3", "w4"],
        )
        .build();
        assert!(hits(&fresh, "procedure.witnesses").is_empty());
    }

    #[test]
    fn witnesses_of_an_arrest_serve_for_a_victim_in_its_case() {
        // The driver arrested before w1 and w2; then the boy (never arrested,
        // a child courier) has his backpack searched before the same two.
        let log = LogBuilder::new()
            .at(10.0)
            .event(EventKind::Arrested {
                subject: "driver".into(),
                drugs: false,
                witnesses: vec![witness("w1", W::Eligible), witness("w2", W::Eligible)],
            })
            .at(40.0)
            .event(EventKind::Searched {
                subject: "boy".into(),
                by: TRAINEE.into(),
                searcher_sex: Sex::Male,
                found: vec!["backpack".into()],
                // The simulation marks them serial: they served in an arrest.
                witnesses: ["w1", "w2"]
                    .map(|w| WitnessInfo {
                        serial: true,
                        ..witness(w, W::Eligible)
                    })
                    .to_vec(),
                evidence: vec!["backpack".into()],
            })
            .build();
        assert!(hits(&log, "procedure.witnesses").is_empty());
    }

    #[test]
    fn witnesses_of_this_arrest_stay_valid_for_its_search() {
        // The simulation marks witnesses serial once they served in an arrest,
        // so the search after this very arrest lists them as serial.
        let serial = |id: &str| WitnessInfo {
            serial: true,
            ..witness(id, W::Eligible)
        };
        let log = LogBuilder::new()
            .subject("s", |_| {})
            .event(EventKind::Arrested {
                subject: "s".into(),
                drugs: true,
                witnesses: vec![witness("w1", W::Eligible), witness("w2", W::Eligible)],
            })
            .at(20.0)
            .event(EventKind::Searched {
                subject: "s".into(),
                by: TRAINEE.into(),
                searcher_sex: Sex::Male,
                found: vec![],
                witnesses: vec![serial("w1"), serial("w2")],
                evidence: vec![],
            })
            .build();
        assert!(hits(&log, "procedure.witnesses").is_empty());
        // A known serial witness who served in no arrest here does not count.
        let known = search_with(vec![witness("w1", W::Eligible), serial("w9")]);
        let f = hits(&known, "procedure.witnesses");
        assert_eq!(f.len(), 1);
        assert!(f[0].text.contains("«w9» already witnessed another arrest"));
    }

    #[test]
    fn same_sex_search() {
        let search = |searcher: Sex| {
            LogBuilder::new()
                .subject("s", |v| v.sex = Sex::Female)
                .at(5.0)
                .event(EventKind::Searched {
                    subject: "s".into(),
                    by: TRAINEE.into(),
                    searcher_sex: searcher,
                    found: vec![],
                    witnesses: vec![],
                    evidence: vec![],
                })
                .build()
        };
        let f = hits(&search(Sex::Male), "procedure.same_sex_search");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].citation.get(Lang::En), "same-sex search law");
        assert!(hits(&search(Sex::Female), "procedure.same_sex_search").is_empty());
    }

    #[test]
    fn evidence_found_seized_sealed() {
        let base = || {
            LogBuilder::new()
                .subject("s", |_| {})
                .at(5.0)
                .event(EventKind::Searched {
                    subject: "s".into(),
                    by: TRAINEE.into(),
                    searcher_sex: Sex::Male,
                    found: vec!["heroin".into(), "licence".into()],
                    witnesses: vec![],
                    evidence: vec!["heroin".into()],
                })
        };
        let left = base().at(30.0).end(EndReason::Stopped).build();
        let f = hits(&left, "procedure.evidence");
        assert_eq!(f.len(), 1);
        assert!(f[0].text.contains("found but not seized: «heroin»"));
        let unsealed = base()
            .event(EventKind::Seized {
                items: vec!["heroin".into()],
                from: "s".into(),
                witnesses: vec![],
            })
            .at(30.0)
            .end(EndReason::Stopped)
            .build();
        let f = hits(&unsealed, "procedure.evidence");
        assert_eq!(f.len(), 1);
        assert!(f[0].text.contains("not sealed"));
        let done = base()
            .event(EventKind::Seized {
                items: vec!["heroin".into()],
                from: "s".into(),
                witnesses: vec![],
            })
            .event(EventKind::Sealed {
                items: vec!["heroin".into()],
                witnesses: vec![],
            })
            .at(30.0)
            .end(EndReason::Stopped)
            .build();
        assert!(hits(&done, "procedure.evidence").is_empty());
        // The session ended before there was time to seize it.
        let cut = base().at(8.0).end(EndReason::ObjectivesMet).build();
        assert!(hits(&cut, "procedure.evidence").is_empty());
    }

    fn injured(aid: bool) -> EventLog {
        let mut b = LogBuilder::new()
            .subject("s", |v| v.perceived = Active)
            .at(5.0)
            .event(EventKind::Injured {
                who: "s".into(),
                by: Some(TRAINEE.into()),
                cause: InjuryCause::Oc,
                health: Health::Minor,
            })
            .at(8.0)
            .perceive(Compliant)
            .event(EventKind::Restrained {
                subject: "s".into(),
                by: TRAINEE.into(),
            });
        if aid {
            b = b.at(12.0).event(EventKind::FirstAid {
                to: "s".into(),
                by: TRAINEE.into(),
            });
        }
        b.at(40.0).end(EndReason::Stopped).build()
    }

    #[test]
    fn first_aid_once_safe() {
        let f = hits(&injured(false), "procedure.first_aid");
        assert_eq!(f.len(), 1);
        assert!(f[0].text.starts_with("From 0:08 the scene was safe"));
        assert!(hits(&injured(true), "procedure.first_aid").is_empty());
    }

    #[test]
    fn report_force() {
        let base = || {
            LogBuilder::new()
                .subject("s", |v| v.perceived = Active)
                .at(5.0)
                .act(Act::Force(ForceOption::Takedown))
        };
        let silent = base().at(30.0).end(EndReason::Stopped).build();
        assert_eq!(hits(&silent, "procedure.report_force").len(), 1);
        let reported = base()
            .at(20.0)
            .act_untargeted(Act::Radio(RadioCall::ReportForce))
            .at(30.0)
            .end(EndReason::Stopped)
            .build();
        assert!(hits(&reported, "procedure.report_force").is_empty());
        // Ended right after: no chance to report yet.
        let cut = base().at(7.0).end(EndReason::ObjectivesMet).build();
        assert!(hits(&cut, "procedure.report_force").is_empty());
    }

    #[test]
    fn victim_care() {
        let base = || {
            LogBuilder::new()
                .subject("girl", |v| v.age = AgeGroup::Teen)
                .at(10.0)
                .event(EventKind::Interviewed {
                    who: "girl".into(),
                    victim_signs: true,
                })
        };
        let ignored = base()
            .at(12.0)
            .act(Act::Do(Procedure::Handcuff))
            .event(EventKind::Restrained {
                subject: "girl".into(),
                by: TRAINEE.into(),
            })
            .at(60.0)
            .end(EndReason::Stopped)
            .build();
        assert_eq!(hits(&ignored, "procedure.victim_care").len(), 2);
        let cared = base()
            .at(12.0)
            .act_untargeted(Act::Radio(RadioCall::RequestSpecialist))
            .at(60.0)
            .end(EndReason::Stopped)
            .build();
        assert!(hits(&cared, "procedure.victim_care").is_empty());
    }
}
