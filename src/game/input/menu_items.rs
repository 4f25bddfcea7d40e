//! The command menu's lists: verbal commands, vehicle commands, warnings, radio
//! calls, procedures and hands-on techniques, ten at most per list so the keys
//! 1..9, 0 reach every item.

use crate::domain::*;

/// A list of the command menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MenuCategory {
    /// "Police!", talk and commands to a person.
    Verbal,
    /// Commands for a stopped vehicle (felony stop sequence).
    Vehicle,
    /// The steps of a routine traffic stop: greeting, reason, papers, decision, release.
    Stop,
    /// Warnings before force.
    Warnings,
    /// Radio calls.
    Radio,
    /// Procedures: handcuff, search, first aid, witnesses...
    Procedures,
    /// Empty-hand techniques.
    Hands,
}

impl MenuCategory {
    /// Lists in menu order.
    pub const ALL: [MenuCategory; 7] = [
        MenuCategory::Verbal,
        MenuCategory::Vehicle,
        MenuCategory::Stop,
        MenuCategory::Warnings,
        MenuCategory::Radio,
        MenuCategory::Procedures,
        MenuCategory::Hands,
    ];

    /// Key of the list's name in the strings files.
    pub fn key(self) -> &'static str {
        match self {
            MenuCategory::Verbal => "menu_cat-verbal",
            MenuCategory::Vehicle => "menu_cat-vehicle",
            MenuCategory::Stop => "menu_cat-stop",
            MenuCategory::Warnings => "menu_cat-warnings",
            MenuCategory::Radio => "menu_cat-radio",
            MenuCategory::Procedures => "menu_cat-procedures",
            MenuCategory::Hands => "menu_cat-hands",
        }
    }

    /// The next list (wrapping).
    pub fn next(self) -> Self {
        let i = Self::ALL.iter().position(|c| *c == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }

    /// The previous list (wrapping).
    pub fn prev(self) -> Self {
        let i = Self::ALL.iter().position(|c| *c == self).unwrap_or(0);
        Self::ALL[(i + Self::ALL.len() - 1) % Self::ALL.len()]
    }

    /// What the list holds.
    pub fn items(self) -> &'static [Act] {
        use Act::*;
        match self {
            MenuCategory::Verbal => &[
                Identify,
                Talk,
                Command(crate::domain::Command::Stop),
                Command(crate::domain::Command::ShowHands),
                Command(crate::domain::Command::HandsOnHead),
                Command(crate::domain::Command::TurnAround),
                Command(crate::domain::Command::Kneel),
                Command(crate::domain::Command::Prone),
                Command(crate::domain::Command::DropWeapon),
                Command(crate::domain::Command::MoveBack),
            ],
            MenuCategory::Vehicle => &[
                Command(crate::domain::Command::EngineOff),
                Command(crate::domain::Command::KeysOut),
                Command(crate::domain::Command::StayInVehicle),
                Command(crate::domain::Command::StepOut),
                Command(crate::domain::Command::ShowHands),
                Command(crate::domain::Command::WalkBackwards),
                Command(crate::domain::Command::Kneel),
                Command(crate::domain::Command::Prone),
                Do(Procedure::SearchVehicle),
            ],
            MenuCategory::Stop => &[
                Identify,
                Do(Procedure::ExplainReason),
                Do(Procedure::AskDocuments),
                Radio(RadioCall::CheckDocuments),
                Do(Procedure::GiveWarning),
                Do(Procedure::IssueCitation),
                Do(Procedure::Release),
                Talk,
            ],
            MenuCategory::Warnings => &[
                Warn(Warning::Force),
                Warn(Warning::Cew),
                Warn(Warning::Firearm),
                Warn(Warning::Disperse),
            ],
            MenuCategory::Radio => &[
                Radio(RadioCall::CallIn),
                Radio(RadioCall::RequestBackup),
                Radio(RadioCall::RequestEms),
                Radio(RadioCall::RequestWitnesses),
                Radio(RadioCall::RequestSpecialist),
                Radio(RadioCall::ReportForce),
                Radio(RadioCall::ReportSecure),
                Radio(RadioCall::BroadcastEscape),
            ],
            MenuCategory::Procedures => &[
                Do(Procedure::Handcuff),
                Do(Procedure::Search),
                Do(Procedure::FirstAid),
                Do(Procedure::Interview),
                Do(Procedure::AskWitness),
                Do(Procedure::SeizeEvidence),
                Do(Procedure::SealEvidence),
                Do(Procedure::ClearRoom),
                Do(Procedure::OpenDoor),
                Do(Procedure::CloseDoor),
            ],
            MenuCategory::Hands => &[
                Force(ForceOption::EscortGrip),
                Force(ForceOption::JointLock),
                Force(ForceOption::Takedown),
                Force(ForceOption::Strike),
                Holster,
            ],
        }
    }
}

/// The key of an act's name in the strings files (`act.identify`,
/// `command-show_hands`, `radio-call_in`...).
pub fn act_key(act: Act) -> String {
    match act {
        Act::Identify => "act-identify".into(),
        Act::Talk => "act-talk".into(),
        Act::Command(c) => format!("command-{}", command_key(c)),
        Act::Warn(w) => format!(
            "warning-{}",
            match w {
                Warning::Force => "force",
                Warning::Cew => "cew",
                Warning::Firearm => "firearm",
                Warning::Disperse => "disperse",
            }
        ),
        Act::Radio(r) => format!(
            "radio-{}",
            match r {
                RadioCall::CallIn => "call_in",
                RadioCall::RequestBackup => "request_backup",
                RadioCall::RequestEms => "request_ems",
                RadioCall::RequestWitnesses => "request_witnesses",
                RadioCall::RequestSpecialist => "request_specialist",
                RadioCall::ReportForce => "report_force",
                RadioCall::ReportSecure => "report_secure",
                RadioCall::CheckDocuments => "check_documents",
                RadioCall::BroadcastEscape => "broadcast_escape",
            }
        ),
        Act::Select(t) => format!("tool-{}", t.key()),
        Act::Draw => "act-draw".into(),
        Act::Aim => "act-aim".into(),
        Act::Lower => "act-lower".into(),
        Act::Holster => "act-holster".into(),
        Act::Force(o) => format!("option-{}", o.key()),
        Act::Do(p) => format!("procedure-{}", procedure_key(p)),
    }
}

/// The key part of a command.
pub fn command_key(c: crate::domain::Command) -> &'static str {
    use crate::domain::Command::*;
    match c {
        Stop => "stop",
        ShowHands => "show_hands",
        EngineOff => "engine_off",
        KeysOut => "keys_out",
        StepOut => "step_out",
        StayInVehicle => "stay_in_vehicle",
        WalkBackwards => "walk_backwards",
        TurnAround => "turn_around",
        HandsOnHead => "hands_on_head",
        Kneel => "kneel",
        Prone => "prone",
        DropWeapon => "drop_weapon",
        MoveBack => "move_back",
    }
}

/// The key part of a procedure.
pub fn procedure_key(p: Procedure) -> &'static str {
    match p {
        Procedure::Handcuff => "handcuff",
        Procedure::Search => "search",
        Procedure::SearchVehicle => "search_vehicle",
        Procedure::ClearRoom => "clear_room",
        Procedure::SeizeEvidence => "seize_evidence",
        Procedure::SealEvidence => "seal_evidence",
        Procedure::FirstAid => "first_aid",
        Procedure::AskWitness => "ask_witness",
        Procedure::Interview => "interview",
        Procedure::OpenDoor => "open_door",
        Procedure::CloseDoor => "close_door",
        Procedure::ExplainReason => "explain_reason",
        Procedure::AskDocuments => "ask_documents",
        Procedure::GiveWarning => "give_warning",
        Procedure::IssueCitation => "issue_citation",
        Procedure::Release => "release",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_fits_the_number_keys() {
        for c in MenuCategory::ALL {
            assert!(!c.items().is_empty() && c.items().len() <= 10, "{c:?}");
        }
    }

    #[test]
    fn every_command_warning_radio_call_and_procedure_is_reachable() {
        let all: Vec<Act> = MenuCategory::ALL
            .iter()
            .flat_map(|c| c.items().iter().copied())
            .collect();
        for c in crate::domain::Command::ALL {
            assert!(all.contains(&Act::Command(c)), "{c:?}");
        }
        for r in [
            RadioCall::CallIn,
            RadioCall::RequestBackup,
            RadioCall::RequestEms,
            RadioCall::RequestWitnesses,
            RadioCall::RequestSpecialist,
            RadioCall::ReportForce,
            RadioCall::ReportSecure,
            RadioCall::CheckDocuments,
            RadioCall::BroadcastEscape,
        ] {
            assert!(all.contains(&Act::Radio(r)), "{r:?}");
        }
        for w in [
            Warning::Force,
            Warning::Cew,
            Warning::Firearm,
            Warning::Disperse,
        ] {
            assert!(all.contains(&Act::Warn(w)), "{w:?}");
        }
        for p in [
            Procedure::Handcuff,
            Procedure::Search,
            Procedure::SearchVehicle,
            Procedure::ClearRoom,
            Procedure::SeizeEvidence,
            Procedure::SealEvidence,
            Procedure::FirstAid,
            Procedure::AskWitness,
            Procedure::Interview,
            Procedure::OpenDoor,
            Procedure::CloseDoor,
            Procedure::ExplainReason,
            Procedure::AskDocuments,
            Procedure::GiveWarning,
            Procedure::IssueCitation,
            Procedure::Release,
        ] {
            assert!(all.contains(&Act::Do(p)), "{p:?}");
        }
    }
}
