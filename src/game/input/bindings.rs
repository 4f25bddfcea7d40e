//! Keys and mouse -> the trainee's input, in one pure function so it can be
//! tested without a window. The game's systems gather the state this needs
//! (pressed keys, the cursor on the map, who is under it or selected, whether
//! the command menu is open) and apply what comes out.

use super::menu_items::MenuCategory;
use crate::domain::*;
use crate::scenario::Scenario;
use crate::scenario::schema::{DoorState, ZoneRole};
use crate::trainee::{TraineeInput, TraineeView};
use bevy::input::ButtonInput;
use bevy::prelude::{KeyCode, MouseButton};

/// What the game knows around the keys this frame.
#[derive(Debug, Clone, Copy)]
pub struct BindingContext<'a> {
    /// What the trainee perceives.
    pub view: &'a TraineeView,
    /// The scenario (vehicles, rooms), when playing.
    pub scenario: Option<&'a Scenario>,
    /// The cursor on the map.
    pub cursor: Option<Pt>,
    /// The person under the cursor.
    pub hovered: Option<&'a str>,
    /// The selected person.
    pub selected: Option<&'a str>,
    /// The open list of the command menu.
    pub menu: Option<MenuCategory>,
    /// The cursor is over a panel or button (clicks belong to the UI).
    pub over_ui: bool,
    /// Lock-on: keep facing the selected person, not the cursor.
    pub lock_on: bool,
}

/// What the game itself does (not the simulation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UiCommand {
    /// Open the pause screen.
    Pause,
    /// Open the command menu on this list.
    OpenMenu(MenuCategory),
    /// Close the command menu.
    CloseMenu,
    /// Select the person under the cursor, or cycle through people in sight.
    SelectTarget,
    /// Turn lock-on (facing the selected person) on or off.
    ToggleLock,
}

/// The outcome of one frame's keys.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Bound {
    /// Input for the simulation.
    pub input: TraineeInput,
    /// Things the game does.
    pub ui: Vec<UiCommand>,
}

/// Number keys 1..9, 0 in order.
pub const DIGITS: [KeyCode; 10] = [
    KeyCode::Digit1,
    KeyCode::Digit2,
    KeyCode::Digit3,
    KeyCode::Digit4,
    KeyCode::Digit5,
    KeyCode::Digit6,
    KeyCode::Digit7,
    KeyCode::Digit8,
    KeyCode::Digit9,
    KeyCode::Digit0,
];

/// The force option the left mouse uses with each tool.
pub fn primary_option(tool: Tool) -> ForceOption {
    match tool {
        Tool::EmptyHands => ForceOption::EscortGrip,
        Tool::Oc => ForceOption::Oc,
        Tool::Baton => ForceOption::Baton,
        Tool::Cew => ForceOption::Cew,
        Tool::Handgun => ForceOption::Firearm,
    }
}

fn dist(a: Pt, b: Pt) -> f32 {
    ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
}

/// Whom an act aimed at a person goes to: the one under the cursor, else the
/// selected one, else the simulation's choice (nearest in front).
/// Where a locked-on officer faces: the selected person, while known.
fn locked_face(ctx: &BindingContext) -> Option<Pt> {
    let sel = ctx.selected.filter(|_| ctx.lock_on)?;
    let v = ctx.view;
    v.subjects
        .iter()
        .chain(&v.bystanders)
        .chain(&v.officers)
        .find(|p| p.id == sel)
        .map(|p| p.pos)
}

fn person_target(ctx: &BindingContext) -> Option<String> {
    ctx.hovered.or(ctx.selected).map(str::to_string)
}

/// The nearest door within `reach` meters.
fn near_door(view: &TraineeView, reach: f32) -> Option<&crate::trainee::DoorSeen> {
    view.doors
        .iter()
        .filter(|d| dist(d.at, view.pos) <= reach)
        .min_by(|a, b| dist(a.at, view.pos).total_cmp(&dist(b.at, view.pos)))
}

/// The target a menu item gets.
pub fn menu_target(act: Act, ctx: &BindingContext) -> Option<String> {
    match act {
        Act::Radio(_) | Act::Identify | Act::Holster | Act::Select(_) => None,
        Act::Do(Procedure::SealEvidence) => None,
        Act::Warn(Warning::Disperse) => None,
        Act::Do(Procedure::OpenDoor | Procedure::CloseDoor) => {
            near_door(ctx.view, 2.0).map(|d| d.id.clone())
        }
        Act::Do(Procedure::SearchVehicle) => ctx.scenario.and_then(|s| {
            s.map
                .vehicles
                .iter()
                .filter(|v| dist(v.position, ctx.view.pos) <= 5.0)
                .min_by(|a, b| {
                    dist(a.position, ctx.view.pos).total_cmp(&dist(b.position, ctx.view.pos))
                })
                .map(|v| v.id.clone())
        }),
        Act::Do(Procedure::ClearRoom) => ctx.scenario.and_then(|s| {
            let p = ctx.view.pos;
            s.map
                .zones
                .iter()
                .find(|z| {
                    z.role == ZoneRole::Room
                        && (z.min.0..=z.max.0).contains(&p.0)
                        && (z.min.1..=z.max.1).contains(&p.1)
                })
                .map(|z| z.id.clone())
        }),
        _ => ctx.selected.map(str::to_string),
    }
}

/// The selected person if close, else the nearest visible one within 2 m.
fn chosen<'v>(
    list: &'v [crate::trainee::PersonSeen],
    selected: Option<&str>,
) -> Option<&'v crate::trainee::PersonSeen> {
    let close = |p: &&crate::trainee::PersonSeen| p.view.visible && p.view.distance <= 2.0;
    if let Some(sel) = selected
        && let Some(p) = list.iter().filter(close).find(|p| p.id == sel)
    {
        return Some(p);
    }
    list.iter()
        .filter(close)
        .min_by(|a, b| a.view.distance.total_cmp(&b.view.distance))
}

/// What E does now: the nearest sensible procedure (doors first, then the
/// selected or nearest person, then sealing seized evidence).
pub fn interact(ctx: &BindingContext) -> Option<OfficerAction> {
    let view = ctx.view;
    if let Some(d) = near_door(view, 1.6) {
        let p = if d.state == DoorState::Open {
            Procedure::CloseDoor
        } else {
            Procedure::OpenDoor
        };
        return Some(OfficerAction::at(Act::Do(p), d.id.clone()));
    }
    if let Some(s) = chosen(&view.subjects, ctx.selected) {
        let v = &s.view;
        let yielded = v
            .cues
            .iter()
            .any(|c| matches!(c, Cue::HandsUp | Cue::Kneeling | Cue::Prone));
        let hurt = v.health >= Health::Minor || v.cues.contains(&Cue::Injured);
        let p = if hurt && (v.restrained || v.cues.contains(&Cue::Incapacitated)) {
            Procedure::FirstAid
        } else if v.restrained && !v.searched {
            Procedure::Search
        } else if !v.restrained && (yielded || v.cues.contains(&Cue::Incapacitated)) {
            Procedure::Handcuff
        } else if v.restrained && v.searched && !view.seized_unsealed.is_empty() {
            Procedure::SealEvidence
        } else if v.restrained && v.searched {
            Procedure::SeizeEvidence
        } else {
            Procedure::Interview
        };
        return Some(OfficerAction::at(Act::Do(p), s.id.clone()));
    }
    if let Some(b) = chosen(&view.bystanders, ctx.selected) {
        let p = if b.view.health >= Health::Minor {
            Procedure::FirstAid
        } else if view.witnesses.contains(&b.id) {
            Procedure::Interview
        } else {
            Procedure::AskWitness
        };
        return Some(OfficerAction::at(Act::Do(p), b.id.clone()));
    }
    if !view.seized_unsealed.is_empty() {
        return Some(OfficerAction::new(Act::Do(Procedure::SealEvidence)));
    }
    None
}

/// Maps this frame's keys and mouse to input for the simulation and commands
/// for the game.
pub fn bind(
    keys: &ButtonInput<KeyCode>,
    mouse: &ButtonInput<MouseButton>,
    ctx: &BindingContext,
) -> Bound {
    let mut out = Bound::default();
    let input = &mut out.input;
    let mut dir = (0.0f32, 0.0f32);
    if keys.any_pressed([KeyCode::KeyW, KeyCode::ArrowUp]) {
        dir.1 += 1.0;
    }
    if keys.any_pressed([KeyCode::KeyS, KeyCode::ArrowDown]) {
        dir.1 -= 1.0;
    }
    if keys.any_pressed([KeyCode::KeyA, KeyCode::ArrowLeft]) {
        dir.0 -= 1.0;
    }
    if keys.any_pressed([KeyCode::KeyD, KeyCode::ArrowRight]) {
        dir.0 += 1.0;
    }
    input.move_dir = dir;
    input.run = keys.any_pressed([KeyCode::ShiftLeft, KeyCode::ShiftRight]);
    // Locked on, the officer keeps facing the selected person, so pointing
    // the mouse at a menu does not turn their back to them.
    input.face = locked_face(ctx).or(ctx.cursor);
    input.select = ctx.selected.map(str::to_string);
    let act = |a: Act, target: Option<String>| OfficerAction { act: a, target };

    // Escape closes the menu first, then pauses.
    if keys.just_pressed(KeyCode::Escape) {
        out.ui.push(if ctx.menu.is_some() {
            UiCommand::CloseMenu
        } else {
            UiCommand::Pause
        });
    }
    let shift = input.run;
    if keys.just_pressed(KeyCode::Tab) {
        out.ui.push(UiCommand::OpenMenu(match ctx.menu {
            None => MenuCategory::Verbal,
            Some(c) if shift => c.prev(),
            Some(c) => c.next(),
        }));
    }
    if keys.just_pressed(KeyCode::KeyC) {
        out.ui.push(UiCommand::OpenMenu(MenuCategory::Verbal));
    }
    if keys.just_pressed(KeyCode::KeyR) {
        out.ui.push(UiCommand::OpenMenu(MenuCategory::Radio));
    }
    if keys.just_pressed(KeyCode::KeyL) {
        out.ui.push(UiCommand::ToggleLock);
    }
    if keys.just_pressed(KeyCode::KeyQ) || mouse.just_pressed(MouseButton::Middle) {
        out.ui.push(UiCommand::SelectTarget);
    }

    for (i, k) in DIGITS.iter().enumerate() {
        if !keys.just_pressed(*k) {
            continue;
        }
        match ctx.menu {
            Some(cat) => {
                if let Some(a) = cat.items().get(i) {
                    input.actions.push(act(*a, menu_target(*a, ctx)));
                }
            }
            None => {
                if let Some(t) = Tool::ALL.get(i) {
                    input.actions.push(act(Act::Select(*t), None));
                }
            }
        }
    }

    if keys.just_pressed(KeyCode::KeyF) {
        input.actions.push(act(Act::Identify, None));
    }
    if keys.just_pressed(KeyCode::KeyT) {
        input.actions.push(act(Act::Talk, person_target(ctx)));
    }
    if keys.just_pressed(KeyCode::KeyH) {
        input.actions.push(act(Act::Holster, None));
    }
    if keys.just_pressed(KeyCode::KeyV) {
        input.light = Some(!ctx.view.light);
    }
    if keys.just_pressed(KeyCode::KeyE)
        && let Some(a) = interact(ctx)
    {
        input.actions.push(a);
    }

    let tool = ctx.view.tool;
    if !ctx.over_ui {
        if mouse.just_pressed(MouseButton::Right) && tool != Tool::EmptyHands {
            if ctx.view.tool_state == ToolState::Holstered {
                input.actions.push(act(Act::Draw, None));
            }
            input.actions.push(act(Act::Aim, person_target(ctx)));
        }
        if mouse.just_pressed(MouseButton::Left) {
            input
                .actions
                .push(act(Act::Force(primary_option(tool)), person_target(ctx)));
        }
    }
    if mouse.just_released(MouseButton::Right) && tool != Tool::EmptyHands {
        input.actions.push(act(Act::Lower, None));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::SubjectView;
    use crate::trainee::{DoorSeen, PersonSeen};

    fn keys(pressed: &[KeyCode]) -> ButtonInput<KeyCode> {
        let mut k = ButtonInput::default();
        for p in pressed {
            k.press(*p);
        }
        k
    }

    fn mouse(pressed: &[MouseButton]) -> ButtonInput<MouseButton> {
        let mut m = ButtonInput::default();
        for p in pressed {
            m.press(*p);
        }
        m
    }

    fn ctx(view: &TraineeView) -> BindingContext<'_> {
        BindingContext {
            view,
            scenario: None,
            cursor: Some((10.0, 5.0)),
            hovered: None,
            selected: None,
            menu: None,
            over_ui: false,
            lock_on: false,
        }
    }

    fn acts(b: &Bound) -> Vec<Act> {
        b.input.actions.iter().map(|a| a.act).collect()
    }

    #[test]
    fn wasd_moves_shift_runs_mouse_faces() {
        let view = TraineeView::default();
        let b = bind(
            &keys(&[KeyCode::KeyW, KeyCode::KeyD, KeyCode::ShiftLeft]),
            &mouse(&[]),
            &ctx(&view),
        );
        assert_eq!(b.input.move_dir, (1.0, 1.0));
        assert!(b.input.run);
        assert_eq!(b.input.face, Some((10.0, 5.0)));
        let b = bind(
            &keys(&[KeyCode::KeyS, KeyCode::KeyA]),
            &mouse(&[]),
            &ctx(&view),
        );
        assert_eq!(b.input.move_dir, (-1.0, -1.0));
        assert!(!b.input.run);
    }

    #[test]
    fn number_keys_select_tools_unless_the_menu_is_open() {
        let view = TraineeView::default();
        for (i, k) in DIGITS[..5].iter().enumerate() {
            let b = bind(&keys(&[*k]), &mouse(&[]), &ctx(&view));
            assert_eq!(acts(&b), vec![Act::Select(Tool::ALL[i])]);
        }
        let mut c = ctx(&view);
        c.menu = Some(MenuCategory::Radio);
        let b = bind(&keys(&[KeyCode::Digit1]), &mouse(&[]), &c);
        assert_eq!(acts(&b), vec![Act::Radio(RadioCall::CallIn)]);
        c.menu = Some(MenuCategory::Verbal);
        c.selected = Some("driver");
        let b = bind(&keys(&[KeyCode::Digit4]), &mouse(&[]), &c);
        assert_eq!(
            b.input.actions,
            vec![OfficerAction::at(
                Act::Command(crate::domain::Command::ShowHands),
                "driver"
            )]
        );
    }

    #[test]
    fn right_mouse_draws_and_aims_release_lowers() {
        let view = TraineeView {
            tool: Tool::Cew,
            ..Default::default()
        };
        let mut c = ctx(&view);
        c.hovered = Some("suspect");
        let b = bind(&keys(&[]), &mouse(&[MouseButton::Right]), &c);
        assert_eq!(
            b.input.actions,
            vec![
                OfficerAction::new(Act::Draw),
                OfficerAction::at(Act::Aim, "suspect")
            ]
        );
        let drawn = TraineeView {
            tool: Tool::Cew,
            tool_state: ToolState::Drawn,
            ..Default::default()
        };
        let b = bind(&keys(&[]), &mouse(&[MouseButton::Right]), &ctx(&drawn));
        assert_eq!(acts(&b), vec![Act::Aim]);
        let mut m = mouse(&[MouseButton::Right]);
        m.clear();
        m.release(MouseButton::Right);
        assert_eq!(acts(&bind(&keys(&[]), &m, &ctx(&drawn))), vec![Act::Lower]);
        // Empty hands have nothing to draw.
        let hands = TraineeView::default();
        assert!(
            bind(&keys(&[]), &mouse(&[MouseButton::Right]), &ctx(&hands))
                .input
                .actions
                .is_empty()
        );
    }

    #[test]
    fn left_mouse_uses_the_selected_tool_on_the_person_under_the_cursor() {
        let view = TraineeView {
            tool: Tool::Handgun,
            tool_state: ToolState::Aimed,
            ..Default::default()
        };
        let mut c = ctx(&view);
        c.hovered = Some("gunman");
        let b = bind(&keys(&[]), &mouse(&[MouseButton::Left]), &c);
        assert_eq!(
            b.input.actions,
            vec![OfficerAction::at(
                Act::Force(ForceOption::Firearm),
                "gunman"
            )]
        );
        let hands = TraineeView::default();
        let b = bind(&keys(&[]), &mouse(&[MouseButton::Left]), &ctx(&hands));
        assert_eq!(acts(&b), vec![Act::Force(ForceOption::EscortGrip)]);
        // Clicks on the HUD never reach the simulation.
        c.over_ui = true;
        assert!(
            bind(&keys(&[]), &mouse(&[MouseButton::Left]), &c)
                .input
                .actions
                .is_empty()
        );
    }

    #[test]
    fn escape_closes_the_menu_before_pausing_and_tab_cycles_lists() {
        let view = TraineeView::default();
        let mut c = ctx(&view);
        assert_eq!(
            bind(&keys(&[KeyCode::Escape]), &mouse(&[]), &c).ui,
            vec![UiCommand::Pause]
        );
        assert_eq!(
            bind(&keys(&[KeyCode::Tab]), &mouse(&[]), &c).ui,
            vec![UiCommand::OpenMenu(MenuCategory::Verbal)]
        );
        c.menu = Some(MenuCategory::Verbal);
        assert_eq!(
            bind(&keys(&[KeyCode::Escape]), &mouse(&[]), &c).ui,
            vec![UiCommand::CloseMenu]
        );
        assert_eq!(
            bind(&keys(&[KeyCode::Tab]), &mouse(&[]), &c).ui,
            vec![UiCommand::OpenMenu(MenuCategory::Vehicle)]
        );
    }

    #[test]
    fn letter_keys_identify_talk_holster() {
        let view = TraineeView::default();
        let b = bind(
            &keys(&[KeyCode::KeyF, KeyCode::KeyT, KeyCode::KeyH]),
            &mouse(&[]),
            &ctx(&view),
        );
        assert_eq!(acts(&b), vec![Act::Identify, Act::Talk, Act::Holster]);
    }

    fn seen(id: &str, d: f32, cues: Vec<Cue>, restrained: bool, searched: bool) -> PersonSeen {
        PersonSeen {
            id: id.into(),
            view: SubjectView {
                id: id.into(),
                distance: d,
                visible: true,
                cues,
                restrained,
                searched,
                ..Default::default()
            },
            ..Default::default()
        }
    }

    #[test]
    fn e_opens_doors_then_cuffs_then_searches() {
        let mut view = TraineeView {
            pos: (5.0, 5.0),
            doors: vec![DoorSeen {
                id: "front".into(),
                at: (5.5, 5.0),
                state: DoorState::Closed,
            }],
            ..Default::default()
        };
        let e = keys(&[KeyCode::KeyE]);
        let b = bind(&e, &mouse(&[]), &ctx(&view));
        assert_eq!(
            b.input.actions,
            vec![OfficerAction::at(Act::Do(Procedure::OpenDoor), "front")]
        );
        view.doors[0].state = DoorState::Open;
        assert_eq!(
            acts(&bind(&e, &mouse(&[]), &ctx(&view))),
            vec![Act::Do(Procedure::CloseDoor)]
        );
        view.doors.clear();
        view.subjects = vec![seen(
            "driver",
            1.0,
            vec![Cue::Kneeling, Cue::HandsUp],
            false,
            false,
        )];
        assert_eq!(
            bind(&e, &mouse(&[]), &ctx(&view)).input.actions,
            vec![OfficerAction::at(Act::Do(Procedure::Handcuff), "driver")]
        );
        view.subjects = vec![seen("driver", 1.0, vec![Cue::Restrained], true, false)];
        assert_eq!(
            acts(&bind(&e, &mouse(&[]), &ctx(&view))),
            vec![Act::Do(Procedure::Search)]
        );
        // Too far: nothing to do.
        view.subjects = vec![seen("driver", 6.0, vec![], false, false)];
        assert!(bind(&e, &mouse(&[]), &ctx(&view)).input.actions.is_empty());
        // A bystander close by is asked to witness.
        view.bystanders = vec![seen("shopkeeper", 1.5, vec![], false, false)];
        assert_eq!(
            bind(&e, &mouse(&[]), &ctx(&view)).input.actions,
            vec![OfficerAction::at(
                Act::Do(Procedure::AskWitness),
                "shopkeeper"
            )]
        );
    }
}
