//! Property tests of scoring over random logs and situations, under every
//! shipped policy and the full test policy:
//! - the total and every sub-score stay within 0..100, pass/fail follows the
//!   pass mark and critical findings, findings are ordered;
//! - in the same situation, force higher on the policy's continuum never
//!   scores better (a higher total or a pass where the lower force failed);
//! - a warning before a justified CEW use never lowers the score;
//! - scoring is idempotent and survives a RON round trip of log and card.

use super::testkit::{LogBuilder, full_policy};
use super::{ScoreCard, score};
use crate::domain::CoverKind;
use crate::domain::*;
use crate::events::*;
use crate::policy::Policy;
use proptest::prelude::*;

fn policies() -> Vec<Policy> {
    let mut v: Vec<Policy> = ["generic", "us_iacp", "kz"]
        .iter()
        .map(|id| {
            crate::policy::load_by_id_or_path(id)
                .unwrap_or_else(|d| panic!("{}", d[0]))
                .policy
        })
        .collect();
    v.push(full_policy());
    v
}

fn level() -> impl Strategy<Value = ResistanceLevel> {
    (0usize..5).prop_map(|i| ResistanceLevel::ALL[i])
}

fn cue_set() -> impl Strategy<Value = Vec<Cue>> {
    const CUES: [Cue; 12] = [
        Cue::HandsUp,
        Cue::HandsHidden,
        Cue::Reaching,
        Cue::BladedStance,
        Cue::ClenchedFists,
        Cue::Kneeling,
        Cue::Prone,
        Cue::Restrained,
        Cue::Injured,
        Cue::Running,
        Cue::Ignoring,
        Cue::Shouting,
    ];
    proptest::collection::vec(0usize..CUES.len(), 0..4).prop_map(|ix| {
        let mut c: Vec<Cue> = ix.into_iter().map(|i| CUES[i]).collect();
        c.sort();
        c.dedup();
        c
    })
}

fn weapon() -> impl Strategy<Value = Option<WeaponKind>> {
    prop_oneof![
        3 => Just(None),
        1 => Just(Some(WeaponKind::Knife)),
        1 => Just(Some(WeaponKind::Blunt)),
        1 => Just(Some(WeaponKind::Handgun)),
    ]
}

/// A random view of subject `s`.
fn view() -> impl Strategy<Value = SubjectView> {
    (
        (level(), cue_set(), weapon(), 0.5f32..20.0, any::<bool>()),
        (
            any::<bool>(),
            0usize..4,
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (perceived, cues, weapon, distance, restrained),
                (female, age, disabled, in_crowd, in_line, crowd_behind, line_of_fire),
            )| {
                let mut cues = cues;
                if weapon.is_some() {
                    cues.push(Cue::WeaponVisible);
                }
                SubjectView {
                    id: "s".into(),
                    perceived,
                    cues,
                    weapon_visible: weapon,
                    distance,
                    visible: true,
                    restrained,
                    sex: if female { Sex::Female } else { Sex::Male },
                    age: [
                        AgeGroup::Child,
                        AgeGroup::Teen,
                        AgeGroup::Adult,
                        AgeGroup::Elderly,
                    ][age],
                    disability: if disabled {
                        Disability::Crutches
                    } else {
                        Disability::None
                    },
                    in_crowd,
                    people_in_line: if in_line { vec!["b1".into()] } else { vec![] },
                    crowd_behind,
                    officer_in_line_of_fire: line_of_fire,
                    ..Default::default()
                }
            },
        )
}

/// The same situation in which one force option is then used.
#[derive(Debug, Clone)]
struct Situation {
    view: SubjectView,
    was_active: bool,
    officers_present: u32,
    cover: Option<CoverKind>,
    identify: bool,
    talk: bool,
    command_before: Option<f32>,
    warn: Option<(Warning, f32)>,
    in_gap: bool,
    report: bool,
    after: f32,
}

fn situation() -> impl Strategy<Value = Situation> {
    (
        view(),
        any::<bool>(),
        1u32..4,
        prop_oneof![
            Just(None),
            Just(Some(CoverKind::Hard)),
            Just(Some(CoverKind::Soft))
        ],
        any::<bool>(),
        any::<bool>(),
        proptest::option::of(0.2f32..12.0),
        proptest::option::of((
            prop_oneof![
                Just(Warning::Force),
                Just(Warning::Cew),
                Just(Warning::Firearm),
                Just(Warning::Disperse)
            ],
            0.2f32..12.0,
        )),
        any::<bool>(),
        any::<bool>(),
        0.5f32..40.0,
    )
        .prop_map(
            |(
                view,
                was_active,
                officers_present,
                cover,
                identify,
                talk,
                command_before,
                warn,
                in_gap,
                report,
                after,
            )| Situation {
                view,
                was_active,
                officers_present,
                cover,
                identify,
                talk,
                command_before,
                warn,
                in_gap,
                report,
                after,
            },
        )
}

/// When force is used in a situation log.
const T: f32 = 20.0;

/// The log of a situation in which the trainee uses `option` at [`T`]
/// (with an optional extra warning one second before it).
fn situation_log(s: &Situation, option: ForceOption, extra_warning: Option<Warning>) -> EventLog {
    let v = s.view.clone();
    let mut b = LogBuilder::new()
        .officers_present(s.officers_present)
        .officer(|o| o.cover = s.cover);
    if s.was_active {
        b = b
            .subject("s", |x| {
                *x = v.clone();
                x.perceived = ResistanceLevel::Active;
            })
            .at(0.5)
            .event(EventKind::Said {
                who: "s".into(),
                text: LocalizedText::en("No!"),
            });
    }
    b = b
        .subject("s", |x| *x = v.clone())
        .at(1.0)
        .event(EventKind::Said {
            who: "s".into(),
            text: LocalizedText::en("..."),
        });
    if s.identify {
        b = b.at(2.0).act(Act::Identify);
    }
    if s.talk {
        b = b.at(3.0).act(Act::Talk);
    }
    // Timed acts before the force, in time order.
    let mut timed: Vec<(f32, Act)> = Vec::new();
    if let Some(d) = s.command_before {
        timed.push((T - d, Act::Command(Command::ShowHands)));
    }
    if let Some((w, d)) = s.warn {
        timed.push((T - d, Act::Warn(w)));
    }
    if let Some(w) = extra_warning {
        timed.push((T - 1.0, Act::Warn(w)));
    }
    timed.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (t, act) in timed {
        b = b.at(t).act(act);
    }
    if s.in_gap {
        b = b.at(T - 0.1).expose(Exposure::EnteredGap("s".into()));
    }
    b = b.at(T).act(Act::Force(option));
    if s.report {
        b = b
            .at(T + 0.2)
            .act_untargeted(Act::Radio(RadioCall::ReportForce));
    }
    if s.in_gap {
        b = b.at(T + 0.3).expose(Exposure::LeftGap("s".into()));
    }
    b.at(T + s.after).end(EndReason::Stopped).build()
}

/// One random step of a random log.
#[derive(Debug, Clone)]
enum Step {
    Wait(f32),
    See(SubjectView, bool),
    Act(Act, bool),
    Expose(u8),
    Hurt(u8, u8),
    Happen(u8),
}

fn act() -> impl Strategy<Value = Act> {
    prop_oneof![
        Just(Act::Identify),
        Just(Act::Talk),
        (0usize..13).prop_map(|i| Act::Command(Command::ALL[i])),
        Just(Act::Warn(Warning::Cew)),
        Just(Act::Warn(Warning::Firearm)),
        (0usize..9).prop_map(|i| Act::Force(ForceOption::ALL[i])),
        Just(Act::Aim),
        Just(Act::Lower),
        Just(Act::Do(Procedure::Handcuff)),
        Just(Act::Do(Procedure::Search)),
        Just(Act::Do(Procedure::FirstAid)),
        Just(Act::Radio(RadioCall::CallIn)),
        Just(Act::Radio(RadioCall::RequestBackup)),
        Just(Act::Radio(RadioCall::ReportForce)),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0.0f32..15.0).prop_map(Step::Wait),
        (view(), any::<bool>()).prop_map(|(v, b)| Step::See(v, b)),
        (act(), any::<bool>()).prop_map(|(a, b)| Step::Act(a, b)),
        any::<u8>().prop_map(Step::Expose),
        (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Step::Hurt(a, b)),
        any::<u8>().prop_map(Step::Happen),
    ]
}

fn random_log(steps: &[Step], end: Option<u8>) -> EventLog {
    let ids = ["s", "t"];
    let mut b = LogBuilder::new();
    let mut t = 0.0;
    for st in steps {
        b = match st.clone() {
            Step::Wait(d) => {
                t += d;
                b.at(t)
            }
            Step::See(mut v, second) => {
                v.id = ids[second as usize].into();
                b.subject(ids[second as usize], |x| *x = v)
                    .event(EventKind::Said {
                        who: ids[second as usize].into(),
                        text: LocalizedText::en("!"),
                    })
            }
            Step::Act(a, untargeted) if untargeted => b.act_untargeted(a),
            Step::Act(a, _) => b.act(a),
            Step::Expose(k) => {
                let id = ids[(k / 16) as usize % 2].to_string();
                b.expose(match k % 16 {
                    0 => Exposure::LeftCover,
                    1 => Exposure::EnteredCover(CoverKind::Hard),
                    2 => Exposure::EnteredLineOfFire(id),
                    3 => Exposure::LeftLineOfFire(id),
                    4 => Exposure::EnteredGap(id),
                    5 => Exposure::LeftGap(id),
                    6 => Exposure::EnteredDoorway("d".into()),
                    7 => Exposure::LeftDoorway("d".into()),
                    8 => Exposure::PersonInLine("b1".into()),
                    9 => Exposure::LineClear("b1".into()),
                    10 => Exposure::InPartnerLine("p1".into()),
                    11 => Exposure::OutOfPartnerLine("p1".into()),
                    12 => Exposure::AtVehicle("car".into()),
                    13 => Exposure::LeftVehicle("car".into()),
                    14 => Exposure::BackTurned(id),
                    _ => Exposure::BackRestored(id),
                })
            }
            Step::Hurt(who, h) => b.event(EventKind::Injured {
                who: ["s", "t", TRAINEE, "p1", "b1"][who as usize % 5].into(),
                by: Some(TRAINEE.into()),
                cause: InjuryCause::Blows,
                health: [Health::Minor, Health::Serious, Health::Dead][h as usize % 3],
            }),
            Step::Happen(k) => {
                let id: String = ids[(k / 16) as usize % 2].into();
                let w = |i: &str| WitnessInfo {
                    id: i.into(),
                    eligibility: Default::default(),
                    serial: false,
                };
                b.event(match k % 10 {
                    0 => EventKind::Restrained {
                        subject: id,
                        by: TRAINEE.into(),
                    },
                    1 => EventKind::Searched {
                        subject: id,
                        by: TRAINEE.into(),
                        searcher_sex: Sex::Male,
                        found: vec!["bag".into()],
                        witnesses: vec![w("w1")],
                        evidence: vec!["bag".into()],
                    },
                    2 => EventKind::Arrested {
                        subject: id,
                        drugs: true,
                        witnesses: vec![w("w1"), w("w2")],
                    },
                    3 => EventKind::Seized {
                        items: vec!["bag".into()],
                        from: id,
                        witnesses: vec![],
                    },
                    4 => EventKind::Sealed {
                        items: vec!["bag".into()],
                        witnesses: vec![w("w1"), w("w2")],
                    },
                    5 => EventKind::Escaped { subject: id },
                    6 => EventKind::ObjectiveMet {
                        id: "custody".into(),
                    },
                    7 => EventKind::CrowdMood {
                        crowd: "c".into(),
                        agitation: 0.5,
                        peaceful_hit: true,
                    },
                    8 => EventKind::Interviewed {
                        who: id,
                        victim_signs: true,
                    },
                    _ => EventKind::Complied {
                        subject: id,
                        command: Command::Kneel,
                    },
                })
            }
        };
    }
    match end {
        Some(r) => b
            .end(
                [
                    EndReason::ObjectivesMet,
                    EndReason::TimeLimit,
                    EndReason::OfficerDown,
                    EndReason::SubjectsGone,
                ][r as usize % 4],
            )
            .build(),
        None => b.build(),
    }
}

fn check_card(card: &ScoreCard, policy: &Policy) -> Result<(), TestCaseError> {
    prop_assert!((0.0..=100.0).contains(&card.total), "total {}", card.total);
    for c in &card.categories {
        prop_assert!((0.0..=100.0).contains(&c.score), "{:?}", c);
    }
    let critical = card.findings.iter().any(|f| f.critical);
    prop_assert_eq!(
        card.passed,
        card.total >= policy.pass_mark && !critical,
        "pass/fail"
    );
    for w in card.findings.windows(2) {
        prop_assert!(
            (w[0].t, &w[0].rule) <= (w[1].t, &w[1].rule),
            "order: {:?} then {:?}",
            (w[0].t, &w[0].rule),
            (w[1].t, &w[1].rule)
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn totals_stay_in_range_and_rescoring_is_idempotent(
        steps in proptest::collection::vec(step(), 0..40),
        end in proptest::option::of(any::<u8>()),
        lang in 0usize..3,
    ) {
        let log = random_log(&steps, end);
        let lang = Lang::ALL[lang];
        for policy in policies() {
            let card = score(&log, &policy);
            check_card(&card, &policy)?;
            // Every finding renders in every language with no hole left.
            for f in &card.findings {
                let text = card.text(f, lang);
                prop_assert!(!text.is_empty() && !text.contains('{'), "{}", text);
            }
            // Idempotent, and the same after a RON round trip of the log.
            prop_assert_eq!(&score(&log, &policy), &card);
            let text = ron::to_string(&log).unwrap();
            let back: EventLog = crate::diag::ron_options().from_str(&text).unwrap();
            prop_assert_eq!(&score(&back, &policy), &card);
            // The card itself survives a RON round trip exactly.
            let ctext = ron::to_string(&card).unwrap();
            let cback: ScoreCard = crate::diag::ron_options().from_str(&ctext).unwrap();
            prop_assert_eq!(&cback, &card);
        }
    }

    #[test]
    fn higher_force_never_scores_better(s in situation()) {
        for policy in policies() {
            let cards: Vec<(ForceOption, ForceLevel, ScoreCard)> = ForceOption::ALL
                .iter()
                .map(|&o| {
                    let lvl = crate::scoring::facts::option_level(&policy, o);
                    (o, lvl, score(&situation_log(&s, o, None), &policy))
                })
                .collect();
            for (o1, l1, c1) in &cards {
                for (o2, l2, c2) in &cards {
                    if l1 < l2 {
                        prop_assert!(
                            c2.total <= c1.total && (!c2.passed || c1.passed),
                            "{}: {:?} ({} {}) scored better than {:?} ({} {})\n{:#?}\n{:#?}",
                            policy.id, o2, c2.total, c2.passed, o1, c1.total, c1.passed,
                            c2.findings, c1.findings
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn warning_before_justified_cew_never_lowers_the_score(
        s in situation(),
        w in prop_oneof![Just(Warning::Cew), Just(Warning::Force)],
    ) {
        for policy in policies() {
            let plain = score(&situation_log(&s, ForceOption::Cew, None), &policy);
            let justified = !plain.findings.iter().any(|f| {
                matches!(f.rule.as_str(), "force.proportionality" | "force.after_compliance")
            });
            if !justified {
                continue;
            }
            let warned = score(&situation_log(&s, ForceOption::Cew, Some(w)), &policy);
            prop_assert!(
                warned.total >= plain.total && (warned.passed || !plain.passed),
                "{}: warned {} {} < plain {} {}\n{:#?}\n{:#?}",
                policy.id, warned.total, warned.passed, plain.total, plain.passed,
                warned.findings, plain.findings
            );
        }
    }
}

#[test]
fn shipped_policies_order_force_options_and_protect_consistently() {
    for p in policies() {
        let levels: Vec<ForceLevel> = ForceOption::ALL
            .iter()
            .map(|&o| crate::scoring::facts::option_level(&p, o))
            .collect();
        assert!(
            levels.windows(2).all(|w| w[0] <= w[1]),
            "{}: option levels out of order",
            p.id
        );
        if let Some(pg) = &p.protected_groups {
            use crate::policy::schema::Group;
            // Whoever is protected from special means is protected from a shot too.
            for g in &pg.no_special_means {
                let covered = pg.no_firearm.contains(g)
                    || (*g == Group::YoungChildren && pg.no_firearm.contains(&Group::Minors));
                assert!(
                    covered,
                    "{}: {:?} shielded from OC but not from a shot",
                    p.id, g
                );
            }
        }
    }
}
