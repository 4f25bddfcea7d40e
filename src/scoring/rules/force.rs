//! Force rules: each application of force by the trainee is judged against what
//! the trainee could perceive of the person at that moment (Graham v. Connor).
//!
//! One application yields at most one continuum finding, the more specific the
//! policy scores: `force.after_compliance` when resistance had stopped, else
//! `force.proportionality`. The other rules judge other duties (the legal
//! threshold for firearms, words first, a warning, protected groups, a safe
//! line of fire, assemblies) and may add their own finding for the same
//! moment. Every rule here is monotone in the force level: in the same
//! situation, force higher on the continuum never earns fewer breaches or
//! more credit (a property test holds this).

use super::{Application, CREDIT, Draft, Scope, applications};
use crate::domain::*;
use crate::events::{Event, EventKind};
use crate::i18n::{Arg, Msg, decimal};
use crate::policy::schema::{Exception, Group};
use crate::scoring::facts::*;
use crate::scoring::text::{self, msg};
use std::collections::{BTreeMap, BTreeSet};

/// How long a warning stays good: a warning older than this is stale.
pub(crate) const WARNING_VALID_S: f32 = 60.0;

/// A warning is not feasible against an assault closer than this (a knife
/// attacker covers about 6.4 m in 1.5 s: the Tueller drill).
pub(crate) const NO_TIME_DISTANCE_M: f32 = 7.0;

/// All force rules.
pub(crate) fn check(s: &Scope) -> Vec<Draft> {
    let apps = applications(&s.facts);
    let mut out = Vec::new();
    for a in &apps {
        out.extend(continuum(s, a));
    }
    out.extend(necessity(s, &apps));
    out.extend(warning(s, &apps));
    out.extend(protected_group(s, &apps));
    out.extend(line_of_fire(s, &apps));
    out.extend(peaceful_assembly(s, &apps));
    out.extend(de_escalation(s, &apps));
    out
}

/// The highest level this subject was perceived at before event `idx`.
fn peak_before(s: &Scope, subject: &str, idx: usize) -> Option<ResistanceLevel> {
    s.facts.events[..idx]
        .iter()
        .filter_map(|e| view_of(e, subject).map(|v| v.perceived))
        .max()
}

/// An intermediate weapon (OC, baton, CEW) or a strike: force that hurts,
/// which no policy allows against a person who at most resists passively.
pub(crate) fn is_intermediate(o: ForceOption) -> bool {
    matches!(
        o,
        ForceOption::Strike | ForceOption::Oc | ForceOption::Baton | ForceOption::Cew
    )
}

/// Not resisting at all after resistance or restraint: perceived compliant
/// while handcuffed, or compliant after having been seen at least actively
/// resisting (a surrender). Force must stop here (Bouyid v. Belgium; State v.
/// Chauvin).
fn stopped_resisting(s: &Scope, a: &Application, v: &crate::events::SubjectView) -> bool {
    v.perceived == ResistanceLevel::Compliant
        && (restrained(v)
            || peak_before(s, &a.subject, a.idx).is_some_and(|p| p >= ResistanceLevel::Active))
}

/// `force.deadly_force`, `force.after_compliance`,
/// `force.intermediate_on_passive` and `force.proportionality` for one
/// application.
///
/// - `force.deadly_force`: a shot fired at a person who was not an imminent
///   deadly threat as perceivable (a deadly threat, or an assault with a deadly
///   weapon in view, or a person reported armed reaching with hidden hands).
///   Flat weight; the policies make it critical. It judges the legal
///   threshold for firearms; the continuum below judges the shot too.
/// - `force.after_compliance`: force above the allowed level on a person who
///   no longer resists at all ([`stopped_resisting`]): handcuffed and
///   compliant, or compliant after a struggle. An escort grip on a handcuffed
///   person who does not fight is how one walks them to the car, not force.
/// - `force.intermediate_on_passive`: an intermediate weapon or a strike
///   ([`is_intermediate`]) on a person perceived as at most passively
///   resisting, with no weapon in view, whatever the modifiers (UN BP 4-5;
///   the 2011 PERF/COPS ECW guidelines; Bryan v. MacPherson; Mattos v.
///   Agarano). Takedowns and joint locks over the continuum stay graded
///   under `force.proportionality`: courts often hold such minimal force
///   reasonable against passive resistance to an arrest.
/// - `force.proportionality`: force above the level the policy's continuum and
///   modifiers allow for the perceived resistance.
///
/// The last three are exclusive (the most specific one the policy scores
/// speaks) and cost the weight times the number of continuum levels over the
/// allowed one (at least one).
pub(crate) fn continuum(s: &Scope, a: &Application) -> Vec<Draft> {
    let (Some(v), Some(ctx)) = (a.view, a.ctx) else {
        return Vec::new();
    };
    let t = clock(a.t);
    let w = who(&a.subject);
    let mut out = Vec::new();
    if a.option == ForceOption::Firearm && !imminent_deadly(v) {
        out.push(Draft::breach(
            a.t,
            RuleId::ForceDeadlyForce,
            Some(&a.subject),
            msg(
                "finding-force-deadly_force",
                &[
                    ("t", t.clone()),
                    ("who", w.clone()),
                    ("seen", text::seen(v)),
                ],
            ),
        ));
    }
    let escort = a.option == ForceOption::EscortGrip
        && restrained(v)
        && v.perceived <= ResistanceLevel::Passive;
    if escort {
        return out;
    }
    let level = option_level(s.policy, a.option);
    let allowed = allowed_level(s.policy, ctx, v);
    let hurts_passive = is_intermediate(a.option)
        && v.perceived <= ResistanceLevel::Passive
        && weapon_in_view(v).is_none();
    if level <= allowed && !hurts_passive {
        return out;
    }
    let excess = (level as i32 - allowed as i32).max(1) as f32;
    let args = [
        ("t", t.clone()),
        ("who", w.clone()),
        ("option", text::option(a.option)),
        ("seen", text::seen(v)),
        ("allowed", text::force_level(allowed)),
    ];
    let (rule, id) = if stopped_resisting(s, a, v) && s.has(RuleId::ForceAfterCompliance) {
        (
            RuleId::ForceAfterCompliance,
            "finding-force-after_compliance",
        )
    } else if hurts_passive && s.has(RuleId::ForceIntermediateOnPassive) {
        (
            RuleId::ForceIntermediateOnPassive,
            "finding-force-intermediate_on_passive",
        )
    } else if level > allowed {
        (
            RuleId::ForceProportionality,
            "finding-force-proportionality",
        )
    } else {
        return out;
    };
    out.push(Draft::breach(a.t, rule, Some(&a.subject), msg(id, &args)).times(-excess));
    out
}

/// True when the trainee's force was lawful by the policy: no finding from
/// [`continuum`] and none from the protected-group bans.
pub(crate) fn justified(s: &Scope, a: &Application) -> bool {
    let scored = |ds: Vec<Draft>| ds.iter().any(|d| s.has(d.rule));
    a.view.is_some()
        && a.ctx.is_some()
        && !scored(continuum(s, a))
        && !scored(protected_group(s, std::slice::from_ref(a)))
}

/// A verbal action (command, talk, warning) by the trainee.
fn is_verbal(act: &Act) -> bool {
    matches!(act, Act::Command(_) | Act::Talk | Act::Warn(_))
}

/// True when the trainee spoke to `subject` (or to nobody in particular)
/// before event `idx`, with an act that `pred` accepts, within `since` seconds
/// of time `t` (`None`: any time).
pub(crate) fn spoke_before(
    s: &Scope,
    subject: &str,
    idx: usize,
    t: f32,
    since: Option<f32>,
    pred: impl Fn(&Act) -> bool,
) -> bool {
    s.facts.trainee_actions_indexed().any(|(i, e, a)| {
        i < idx
            && pred(&a.act)
            && since.is_none_or(|w| t - e.t() <= w)
            && action_subject(e, a).is_none_or(|x| x == subject)
    })
}

/// `force.necessity`: the first force on a person who was not assaulting or a
/// deadly threat, with no command, talk or warning to them before it: words
/// first where there was time (UN Basic Principles 4). Once per person.
pub(crate) fn necessity(s: &Scope, apps: &[Application]) -> Vec<Draft> {
    let mut done = BTreeSet::new();
    let mut out = Vec::new();
    for a in apps {
        if !done.insert(a.subject.clone()) {
            continue;
        }
        let Some(v) = a.view else { continue };
        if v.perceived >= ResistanceLevel::Assaultive
            || spoke_before(s, &a.subject, a.idx, a.t, None, is_verbal)
        {
            continue;
        }
        out.push(Draft::breach(
            a.t,
            RuleId::ForceNecessity,
            Some(&a.subject),
            msg(
                "finding-force-necessity",
                &[
                    ("t", clock(a.t)),
                    ("who", who(&a.subject)),
                    ("option", text::option(a.option)),
                    ("seen", text::seen(v)),
                ],
            ),
        ));
    }
    out
}

/// True when a warning was feasible: time and distance allowed one. Not
/// against an assault or deadly threat closer than [`NO_TIME_DISTANCE_M`], nor
/// against a deadly threat with a firearm in view.
pub(crate) fn warning_feasible(v: &crate::events::SubjectView) -> bool {
    let close_assault =
        v.perceived >= ResistanceLevel::Assaultive && v.distance < NO_TIME_DISTANCE_M;
    let gun_threat = v.perceived == ResistanceLevel::Deadly
        && weapon_in_view(v).is_some_and(WeaponKind::is_firearm);
    !(close_assault || gun_threat)
}

/// True when warning `w` announces force `o`: the firearm needs the firearm
/// warning ("Police! Drop it or I'll shoot!"); any other force is announced by
/// a force, CEW or firearm warning. An order to disperse announces nothing.
pub(crate) fn announces(w: Warning, o: ForceOption) -> bool {
    match o {
        ForceOption::Firearm => w == Warning::Firearm,
        _ => matches!(w, Warning::Force | Warning::Cew | Warning::Firearm),
    }
}

/// `force.warning`: the CEW and the firearm need a warning first where time and
/// distance allow (UN BP 10; Garner; KZ art. 62(4)). A CEW use or a shot with
/// no warning announcing it to the person in the last [`WARNING_VALID_S`],
/// when one was feasible ([`warning_feasible`]), is a breach. A warning given
/// before lawful force ([`justified`]) earns credit (half the weight,
/// once per person), whatever the option.
pub(crate) fn warning(s: &Scope, apps: &[Application]) -> Vec<Draft> {
    let mut credited = BTreeSet::new();
    let mut out = Vec::new();
    for a in apps {
        let Some(v) = a.view else { continue };
        let warned = spoke_before(
            s,
            &a.subject,
            a.idx,
            a.t,
            Some(WARNING_VALID_S),
            |act| matches!(act, Act::Warn(w) if announces(*w, a.option)),
        );
        let args = [
            ("t", clock(a.t)),
            ("who", who(&a.subject)),
            ("option", text::option(a.option)),
            ("seen", text::seen(v)),
            ("d", decimal(v.distance)),
        ];
        if warned {
            if justified(s, a) && credited.insert(a.subject.clone()) {
                out.push(Draft::credit(
                    a.t,
                    RuleId::ForceWarning,
                    Some(&a.subject),
                    CREDIT,
                    msg("finding-force-warning-given", &args),
                ));
            }
        } else if matches!(a.option, ForceOption::Cew | ForceOption::Firearm) && warning_feasible(v)
        {
            out.push(Draft::breach(
                a.t,
                RuleId::ForceWarning,
                Some(&a.subject),
                msg("finding-force-warning", &args),
            ));
        }
    }
    out
}

/// The protected groups a person visibly belongs to.
fn groups_of(v: &crate::events::SubjectView) -> Vec<Group> {
    let mut g = Vec::new();
    if v.sex == Sex::Female {
        g.push(Group::Women);
    }
    if v.disability != Disability::None {
        g.push(Group::VisiblyDisabled);
    }
    if v.age == AgeGroup::Child {
        g.push(Group::YoungChildren);
    }
    if v.age.is_minor() {
        g.push(Group::Minors);
    }
    g
}

/// `force.protected_group`: special means (OC, baton, CEW) or a shot against a
/// person of a group the policy protects (KZ law 2011 arts. 60(2), 61(2):
/// women, persons with an obvious disability, young children, minors), unless
/// an exception the policy lists holds (an armed attack: a deadly weapon in
/// view and at least assaultive; a group attack; a threat to life: a deadly
/// threat). Cites the article of the ban that applies.
pub(crate) fn protected_group(s: &Scope, apps: &[Application]) -> Vec<Draft> {
    let Some(pg) = &s.policy.protected_groups else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for a in apps {
        let (Some(v), Some(ctx)) = (a.view, a.ctx) else {
            continue;
        };
        let (banned, citation) = if a.option.is_special_means() {
            (&pg.no_special_means, &pg.special_means_citation)
        } else if a.option == ForceOption::Firearm {
            (&pg.no_firearm, &pg.firearm_citation)
        } else {
            continue;
        };
        let Some(g) = groups_of(v).into_iter().find(|g| banned.contains(g)) else {
            continue;
        };
        let excepted = pg.except.iter().any(|x| match x {
            Exception::ArmedAttack => {
                v.perceived >= ResistanceLevel::Assaultive && weapon_in_view(v).is_some()
            }
            Exception::GroupAttack => group_attack(ctx),
            Exception::LifeThreatening => v.perceived == ResistanceLevel::Deadly,
        });
        if excepted {
            continue;
        }
        out.push(
            Draft::breach(
                a.t,
                RuleId::ForceProtectedGroup,
                Some(&a.subject),
                msg(
                    "finding-force-protected_group",
                    &[
                        ("t", clock(a.t)),
                        ("who", who(&a.subject)),
                        ("group", text::group(g)),
                        ("option", text::option(a.option)),
                    ],
                ),
            )
            .cite(citation),
        );
    }
    out
}

/// `force.line_of_fire`: a shot with a partner or bystander between the
/// trainee and the target, or a crowd behind the target.
pub(crate) fn line_of_fire(_s: &Scope, apps: &[Application]) -> Vec<Draft> {
    let mut out = Vec::new();
    for a in apps {
        let Some(v) = a.view else { continue };
        if a.option != ForceOption::Firearm || (v.people_in_line.is_empty() && !v.crowd_behind) {
            continue;
        }
        let mut hazards = Vec::new();
        if !v.people_in_line.is_empty() {
            hazards.push(
                msg(
                    "finding-force-line_of_fire-people",
                    &[("people", who_list(&v.people_in_line))],
                )
                .into(),
            );
        }
        if v.crowd_behind {
            hazards.push(Msg::new("finding-force-line_of_fire-crowd").into());
        }
        out.push(Draft::breach(
            a.t,
            RuleId::ForceLineOfFire,
            Some(&a.subject),
            msg(
                "finding-force-line_of_fire",
                &[
                    ("t", clock(a.t)),
                    ("who", who(&a.subject)),
                    ("hazards", Arg::List(hazards, "; ".into())),
                ],
            ),
        ));
    }
    out
}

/// `force.peaceful_assembly`: force beyond soft control on a participant of
/// an assembly who was at most passive (Oya Ataman v. Turkey, ECtHR 2006:
/// dispersing a peaceful assembly with pepper spray, notified or not; ODIHR
/// Guidelines: isolate the violent few, no force against the peaceful
/// majority). A crowd reporting force against a peaceful
/// participant (`CrowdMood { peaceful_hit }`) counts once per crowd when no
/// such application was already found.
pub(crate) fn peaceful_assembly(s: &Scope, apps: &[Application]) -> Vec<Draft> {
    let mut out = Vec::new();
    for a in apps {
        let Some(v) = a.view else { continue };
        // Soft control (an escort grip, a joint lock) to arrest one person is
        // judged by the continuum; more than that on a peaceful participant
        // is dispersing or punishing the assembly.
        let dispersing = option_level(s.policy, a.option) > ForceLevel::SoftControl;
        if !v.in_crowd || v.perceived > ResistanceLevel::Passive || !dispersing {
            continue;
        }
        out.push(Draft::breach(
            a.t,
            RuleId::ForcePeacefulAssembly,
            Some(&a.subject),
            msg(
                "finding-force-peaceful_assembly",
                &[
                    ("t", clock(a.t)),
                    ("who", who(&a.subject)),
                    ("option", text::option(a.option)),
                    ("seen", text::seen(v)),
                ],
            ),
        ));
    }
    if out.is_empty() {
        let mut crowds = BTreeSet::new();
        for e in s.facts.events {
            if let EventKind::CrowdMood {
                crowd,
                peaceful_hit: true,
                ..
            } = &e.kind
                && crowds.insert(crowd.clone())
            {
                out.push(Draft::breach(
                    e.t(),
                    RuleId::ForcePeacefulAssembly,
                    None,
                    msg(
                        "finding-force-peaceful_assembly-crowd",
                        &[("t", clock(e.t())), ("crowd", who(crowd))],
                    ),
                ));
            }
        }
    }
    out
}

/// `force.de_escalation` (credit): the trainee talked calmly to a person who
/// was at least passively resisting, and the person then complied (perceived
/// compliant, complied with a command, or surrendered) with no force used on
/// them before and no command or warning to them in between (compliance
/// after a later command is that command's doing). Once per person; earns
/// the rule's whole weight.
pub(crate) fn de_escalation(s: &Scope, apps: &[Application]) -> Vec<Draft> {
    let forced_at: BTreeMap<&str, usize> = apps.iter().fold(BTreeMap::new(), |mut m, a| {
        m.entry(a.subject.as_str()).or_insert(a.idx);
        m
    });
    // Pending talk per subject: the level they were at.
    let mut pending: BTreeMap<String, ResistanceLevel> = BTreeMap::new();
    let mut done = BTreeSet::new();
    let mut out = Vec::new();
    for (i, e) in s.facts.events.iter().enumerate() {
        let no_force_yet = |id: &str| forced_at.get(id).is_none_or(|&f| f > i);
        if let EventKind::Action { by, action } = &e.kind
            && by == crate::events::TRAINEE
            && action.act == Act::Talk
            && let Some(id) = action_subject(e, action)
            && let Some(v) = view_of(e, &id)
            && v.perceived >= ResistanceLevel::Passive
            && no_force_yet(&id)
        {
            pending.entry(id).or_insert(v.perceived);
            continue;
        }
        // A command or warning after the talk: what follows is its doing, not the talk's.
        if let EventKind::Action { by, action } = &e.kind
            && by == crate::events::TRAINEE
            && matches!(action.act, Act::Command(_) | Act::Warn(_))
        {
            match action_subject(e, action) {
                Some(id) => {
                    pending.remove(&id);
                }
                None => pending.clear(),
            }
            continue;
        }
        let calmed = calmed_subject(e);
        if let Some(id) = calmed
            && let Some(from) = pending.get(&id).copied()
            && no_force_yet(&id)
            && done.insert(id.clone())
        {
            pending.remove(&id);
            out.push(Draft::credit(
                e.t(),
                RuleId::ForceDeEscalation,
                Some(&id),
                1.0,
                msg(
                    "finding-force-de_escalation",
                    &[
                        ("t", clock(e.t())),
                        ("who", who(&id)),
                        ("from", text::resistance(from)),
                    ],
                ),
            ));
        }
    }
    out
}

/// The subject an event shows complying: perceived compliant in its context,
/// a command obeyed, or a surrender.
fn calmed_subject(e: &Event) -> Option<String> {
    match &e.kind {
        EventKind::Complied { subject, .. } => Some(subject.clone()),
        EventKind::SubjectActed {
            subject,
            action: SubjectAction::Surrender,
        } => Some(subject.clone()),
        _ => subject_view(e)
            .filter(|v| v.perceived == ResistanceLevel::Compliant)
            .map(|v| v.id.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::hits;
    use crate::domain::*;
    use crate::events::*;
    use crate::scoring::testkit::LogBuilder;
    use ResistanceLevel::*;

    /// A subject kneeling with hands up who had been told to kneel.
    fn kneeling() -> LogBuilder {
        LogBuilder::new()
            .subject("driver", |v| v.perceived = Compliant)
            .at(30.0)
            .act(Act::Identify)
            .act(Act::Command(Command::Kneel))
            .cues(&[Cue::Kneeling, Cue::HandsUp])
    }

    #[test]
    fn proportionality_takedown_on_kneeling_subject() {
        let log = kneeling()
            .at(42.0)
            .act(Act::Force(ForceOption::Takedown))
            .build();
        let f = hits(&log, "force.proportionality");
        assert_eq!(f.len(), 1);
        // A takedown is hard control, two levels over verbal: twice the weight.
        assert_eq!(f[0].points, -20.0);
        assert!(!f[0].critical, "a takedown over the continuum stays graded");
        assert!(
            f[0].text
                .starts_with("At 0:42 you used force on «driver»: a takedown.")
        );
        assert!(f[0].text.contains("compliant (kneeling, hands up)"));
        assert!(
            f[0].text
                .contains("The most the policy allows here: verbal commands.")
        );
        assert_eq!(
            f[0].citation.get(Lang::En),
            "test citation for force.proportionality"
        );
    }

    #[test]
    fn proportionality_oc_on_active_subject_is_fine() {
        let log = LogBuilder::new()
            .subject("driver", |v| v.perceived = Active)
            .act(Act::Command(Command::Stop))
            .at(10.0)
            .act(Act::Force(ForceOption::Oc))
            .build();
        assert!(hits(&log, "force.proportionality").is_empty());
    }

    #[test]
    fn proportionality_modifier_weapon_allows_more() {
        // Active: hard control; with a knife in view one level more: lethal.
        let log = LogBuilder::new()
            .subject("s", |v| v.perceived = Active)
            .weapon(WeaponKind::Knife)
            .act(Act::Warn(Warning::Firearm))
            .at(5.0)
            .act(Act::Force(ForceOption::Firearm))
            .build();
        assert!(hits(&log, "force.proportionality").is_empty());
        // ...but the firearm still needs an imminent deadly threat.
        assert_eq!(hits(&log, "force.deadly_force").len(), 1);
    }

    #[test]
    fn after_compliance_when_resistance_stopped() {
        let log = LogBuilder::new()
            .subject("s", |v| v.perceived = Active)
            .act(Act::Command(Command::Stop))
            .at(5.0)
            .perceive(Compliant)
            .cues(&[Cue::HandsUp, Cue::Kneeling])
            .act(Act::Force(ForceOption::Strike))
            .build();
        let f = hits(&log, "force.after_compliance");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].points, -20.0);
        assert!(
            hits(&log, "force.proportionality").is_empty(),
            "not counted twice"
        );
    }

    #[test]
    fn after_compliance_on_restrained_subject() {
        let cuffed = |level| {
            LogBuilder::new()
                .subject("s", |v| {
                    v.perceived = level;
                    v.restrained = true;
                })
                .event(EventKind::Restrained {
                    subject: "s".into(),
                    by: TRAINEE.into(),
                })
                .at(3.0)
        };
        let calm = cuffed(Compliant)
            .act(Act::Force(ForceOption::JointLock))
            .build();
        let f = hits(&calm, "force.after_compliance");
        assert_eq!(f.len(), 1);
        assert!(
            f[0].critical,
            "force on a calm, handcuffed person fails the session"
        );
        // Walking a handcuffed person to the car is control, not force.
        let escort = cuffed(Compliant)
            .act(Act::Force(ForceOption::EscortGrip))
            .build();
        assert!(hits(&escort, "force.after_compliance").is_empty());
        assert!(hits(&escort, "force.proportionality").is_empty());
        let balking = cuffed(Passive)
            .act(Act::Force(ForceOption::EscortGrip))
            .build();
        assert!(hits(&balking, "force.proportionality").is_empty());
        // A joint lock on a handcuffed man who balks: graded, not critical.
        let lock = cuffed(Passive)
            .act(Act::Force(ForceOption::JointLock))
            .build();
        assert!(hits(&lock, "force.after_compliance").is_empty());
        let f = hits(&lock, "force.proportionality");
        assert_eq!(f.len(), 1);
        assert!(!f[0].critical);
    }

    #[test]
    fn intermediate_force_on_passive_resistance_is_critical() {
        for option in [
            ForceOption::Cew,
            ForceOption::Oc,
            ForceOption::Baton,
            ForceOption::Strike,
        ] {
            let log = LogBuilder::new()
                .subject("s", |v| v.perceived = Passive)
                .cues(&[Cue::Shouting, Cue::Ignoring])
                .dist(6.5)
                .act(Act::Command(Command::Stop))
                .at(5.0)
                .act(Act::Force(option))
                .build();
            let f = hits(&log, "force.intermediate_on_passive");
            assert_eq!(f.len(), 1, "{option:?}");
            assert!(f[0].critical);
            assert!(
                f[0].text.contains("at most resisted passively"),
                "{}",
                f[0].text
            );
            assert!(
                hits(&log, "force.proportionality").is_empty(),
                "one continuum finding"
            );
        }
        // A takedown or a joint lock is not an intermediate weapon.
        for option in [ForceOption::Takedown, ForceOption::JointLock] {
            let log = LogBuilder::new()
                .subject("s", |v| v.perceived = Passive)
                .act(Act::Command(Command::Stop))
                .at(5.0)
                .act(Act::Force(option))
                .build();
            assert!(hits(&log, "force.intermediate_on_passive").is_empty());
        }
        // Active resistance, or a weapon in view, is another matter.
        let active = LogBuilder::new()
            .subject("s", |v| v.perceived = Active)
            .act(Act::Command(Command::Stop))
            .at(5.0)
            .act(Act::Force(ForceOption::Cew))
            .build();
        assert!(hits(&active, "force.intermediate_on_passive").is_empty());
        assert!(hits(&active, "force.proportionality").is_empty());
    }

    #[test]
    fn after_compliance_not_for_subject_who_never_resisted() {
        let log = kneeling()
            .at(42.0)
            .act(Act::Force(ForceOption::Takedown))
            .build();
        assert!(hits(&log, "force.after_compliance").is_empty());
        assert_eq!(hits(&log, "force.proportionality").len(), 1);
        let strike = kneeling()
            .at(42.0)
            .act(Act::Force(ForceOption::Strike))
            .build();
        assert!(hits(&strike, "force.after_compliance").is_empty());
        assert_eq!(hits(&strike, "force.intermediate_on_passive").len(), 1);
    }

    #[test]
    fn deadly_force_at_unarmed_assault_is_critical() {
        let log = LogBuilder::new()
            .subject("s", |v| v.perceived = Assaultive)
            .dist(3.0)
            .at(8.0)
            .act(Act::Force(ForceOption::Firearm))
            .build();
        let f = hits(&log, "force.deadly_force");
        assert_eq!(f.len(), 1);
        assert!(f[0].critical);
        assert!(
            f[0].text
                .contains("A firearm is only for an imminent threat")
        );
    }

    #[test]
    fn deadly_force_at_gunman_is_fine() {
        let log = LogBuilder::new()
            .subject("s", |v| v.perceived = Deadly)
            .weapon(WeaponKind::Handgun)
            .at(8.0)
            .act(Act::Force(ForceOption::Firearm))
            .build();
        assert!(hits(&log, "force.deadly_force").is_empty());
        assert!(hits(&log, "force.proportionality").is_empty());
    }

    #[test]
    fn necessity_force_without_words() {
        let log = LogBuilder::new()
            .subject("s", |v| v.perceived = Passive)
            .at(4.0)
            .act(Act::Force(ForceOption::JointLock))
            .build();
        assert_eq!(hits(&log, "force.necessity").len(), 1);
    }

    #[test]
    fn necessity_words_first_or_no_time() {
        let talked = LogBuilder::new()
            .subject("s", |v| v.perceived = Passive)
            .act(Act::Talk)
            .at(20.0)
            .act(Act::Force(ForceOption::JointLock))
            .build();
        assert!(hits(&talked, "force.necessity").is_empty());
        let attacked = LogBuilder::new()
            .subject("s", |v| v.perceived = Assaultive)
            .at(2.0)
            .act(Act::Force(ForceOption::Takedown))
            .build();
        assert!(hits(&attacked, "force.necessity").is_empty());
    }

    #[test]
    fn warning_missing_before_cew() {
        let log = LogBuilder::new()
            .subject("s", |v| v.perceived = Active)
            .dist(5.0)
            .act(Act::Command(Command::Stop))
            .at(10.0)
            .act(Act::Force(ForceOption::Cew))
            .build();
        let f = hits(&log, "force.warning");
        assert_eq!(f.len(), 1);
        assert!(f[0].points < 0.0);
        assert!(f[0].text.contains("Distance 5.0 m"));
    }

    #[test]
    fn warning_given_earns_credit() {
        let log = LogBuilder::new()
            .subject("s", |v| v.perceived = Active)
            .act(Act::Warn(Warning::Cew))
            .at(10.0)
            .act(Act::Force(ForceOption::Cew))
            .build();
        let f = hits(&log, "force.warning");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].points, 5.0);
    }

    #[test]
    fn warning_not_feasible_against_close_attack() {
        let log = LogBuilder::new()
            .subject("s", |v| v.perceived = Assaultive)
            .dist(3.0)
            .at(2.0)
            .act(Act::Force(ForceOption::Cew))
            .build();
        assert!(hits(&log, "force.warning").is_empty());
    }

    #[test]
    fn protected_group_oc_on_woman() {
        let log = LogBuilder::new()
            .subject("s", |v| {
                v.perceived = Active;
                v.sex = Sex::Female;
            })
            .act(Act::Command(Command::Stop))
            .at(6.0)
            .act(Act::Force(ForceOption::Oc))
            .build();
        let f = hits(&log, "force.protected_group");
        assert_eq!(f.len(), 1);
        assert!(f[0].critical);
        assert_eq!(f[0].citation.get(Lang::En), "special means ban");
        assert!(f[0].text.contains("(a woman)"));
    }

    #[test]
    fn protected_group_exception_armed_attack() {
        let log = LogBuilder::new()
            .subject("s", |v| {
                v.perceived = Assaultive;
                v.sex = Sex::Female;
            })
            .weapon(WeaponKind::Knife)
            .at(6.0)
            .act(Act::Force(ForceOption::Oc))
            .build();
        assert!(hits(&log, "force.protected_group").is_empty());
        // Not protected at all: a takedown is not a special means.
        let takedown = LogBuilder::new()
            .subject("s", |v| {
                v.perceived = Active;
                v.sex = Sex::Female;
            })
            .act(Act::Force(ForceOption::Takedown))
            .build();
        assert!(hits(&takedown, "force.protected_group").is_empty());
    }

    #[test]
    fn line_of_fire_bystander_in_line() {
        let log = LogBuilder::new()
            .subject("s", |v| {
                v.perceived = Deadly;
                v.people_in_line = vec!["bystander_1".into()];
            })
            .weapon(WeaponKind::Handgun)
            .at(9.0)
            .act(Act::Force(ForceOption::Firearm))
            .build();
        let f = hits(&log, "force.line_of_fire");
        assert_eq!(f.len(), 1);
        assert!(f[0].text.contains("in the line of fire: «bystander_1»"));
        let clear = LogBuilder::new()
            .subject("s", |v| v.perceived = Deadly)
            .weapon(WeaponKind::Handgun)
            .act(Act::Force(ForceOption::Firearm))
            .build();
        assert!(hits(&clear, "force.line_of_fire").is_empty());
    }

    #[test]
    fn peaceful_assembly_force_on_peaceful_participant() {
        let log = LogBuilder::new()
            .subject("p", |v| {
                v.perceived = Passive;
                v.in_crowd = true;
            })
            .act(Act::Command(Command::MoveBack))
            .at(30.0)
            .act(Act::Force(ForceOption::Oc))
            .build();
        let f = hits(&log, "force.peaceful_assembly");
        assert_eq!(f.len(), 1);
        assert!(
            f[0].critical,
            "dispersing a peaceful assembly with force fails"
        );
        // Holding one passive participant to arrest him is not dispersal.
        let grip = LogBuilder::new()
            .subject("p", |v| {
                v.perceived = Passive;
                v.in_crowd = true;
            })
            .act(Act::Command(Command::MoveBack))
            .at(30.0)
            .act(Act::Force(ForceOption::EscortGrip))
            .build();
        assert!(hits(&grip, "force.peaceful_assembly").is_empty());
        let violent = LogBuilder::new()
            .subject("p", |v| {
                v.perceived = Assaultive;
                v.in_crowd = true;
            })
            .act(Act::Force(ForceOption::Takedown))
            .build();
        assert!(hits(&violent, "force.peaceful_assembly").is_empty());
    }

    #[test]
    fn peaceful_assembly_from_crowd_report() {
        let log = LogBuilder::new()
            .at(12.0)
            .event(EventKind::CrowdMood {
                crowd: "rally".into(),
                agitation: 0.5,
                peaceful_hit: true,
            })
            .event(EventKind::CrowdMood {
                crowd: "rally".into(),
                agitation: 0.75,
                peaceful_hit: true,
            })
            .build();
        assert_eq!(hits(&log, "force.peaceful_assembly").len(), 1);
    }

    #[test]
    fn de_escalation_credit() {
        let log = LogBuilder::new()
            .subject("s", |v| v.perceived = Passive)
            .at(5.0)
            .act(Act::Talk)
            .at(9.0)
            .perceive(Compliant)
            .event(EventKind::Complied {
                subject: "s".into(),
                command: Command::ShowHands,
            })
            .build();
        let f = hits(&log, "force.de_escalation");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].points, 10.0);
        assert!(f[0].text.contains("from passive resistance"));
    }

    #[test]
    fn de_escalation_no_credit_after_force() {
        let log = LogBuilder::new()
            .subject("s", |v| v.perceived = Passive)
            .at(5.0)
            .act(Act::Talk)
            .act(Act::Force(ForceOption::JointLock))
            .at(9.0)
            .perceive(Compliant)
            .event(EventKind::Complied {
                subject: "s".into(),
                command: Command::ShowHands,
            })
            .build();
        assert!(hits(&log, "force.de_escalation").is_empty());
    }

    #[test]
    fn de_escalation_not_for_compliance_after_a_later_command() {
        let log = LogBuilder::new()
            .subject("s", |v| v.perceived = Passive)
            .at(5.0)
            .act(Act::Talk)
            .at(7.0)
            .act(Act::Command(Command::ShowHands))
            .at(9.0)
            .perceive(Compliant)
            .event(EventKind::Complied {
                subject: "s".into(),
                command: Command::ShowHands,
            })
            .build();
        assert!(hits(&log, "force.de_escalation").is_empty());
    }

    #[test]
    fn reported_armed_and_reaching_is_an_imminent_deadly_threat() {
        let reach = |reported| {
            LogBuilder::new()
                .subject("s", |v| {
                    v.perceived = Assaultive;
                    v.reported_armed = reported;
                })
                .cues(&[Cue::Reaching, Cue::HandsHidden])
                .dist(3.0)
                .act(Act::Command(Command::ShowHands))
                .at(2.0)
                .act(Act::Force(ForceOption::Firearm))
                .build()
        };
        let told = reach(true);
        assert!(hits(&told, "force.deadly_force").is_empty());
        assert!(hits(&told, "force.proportionality").is_empty());
        // Not told he is armed, a reach alone is not a deadly threat.
        assert_eq!(hits(&reach(false), "force.deadly_force").len(), 1);
    }
}
