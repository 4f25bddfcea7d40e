//! `passive`: talks only. Walks straight up to people (ignoring cover and
//! distance), identifies, talks and gives commands, interviews; never draws,
//! never uses force, never handcuffs.

use super::kit::*;
use crate::domain::*;
use crate::policy::Policy;
use crate::scenario::Scenario;
use crate::scenario::schema::Goal;
use crate::trainee::{TraineeDriver, TraineeInput, TraineeView};

/// The passive bot.
#[derive(Debug, Clone)]
pub struct Passive {
    kit: Kit,
}

impl Passive {
    /// A passive bot for `scenario`.
    pub fn new(scenario: &Scenario, policy: &Policy) -> Passive {
        Passive {
            kit: Kit::new(scenario, policy),
        }
    }
}

const COMMANDS: [Command; 4] = [
    Command::ShowHands,
    Command::Stop,
    Command::StepOut,
    Command::DropWeapon,
];

impl TraineeDriver for Passive {
    /// Gives up after 6e+01 s in which nothing moved on (no objective met,
    /// room cleared, subject found, cuffed or searched).
    fn finished(&self) -> bool {
        self.kit.stalled(60.0)
    }

    fn input(&mut self, view: &TraineeView) -> TraineeInput {
        self.kit.track_progress(view);
        let mut out = TraineeInput::default();
        let t = view.t;
        if view.health >= Health::Serious {
            return out;
        }
        // Whoever is nearest and not restrained: walk up and talk.
        let nearest = active_subjects(view)
            .filter(|s| s.view.visible || s.view.distance < 30.0)
            .min_by(|a, b| a.view.distance.total_cmp(&b.view.distance));
        if let Some(s) = nearest {
            let (id, pos, d) = (s.id.clone(), s.pos, s.view.distance);
            out.face = Some(pos);
            out.select = Some(id.clone());
            if d > 1.2 {
                self.kit.go(view, pos, 1.0, false, &mut out);
            }
            if d < 8.0 {
                if !view.identified && self.kit.once("identify", t) {
                    act(&mut out, Act::Identify, &id);
                } else if self.kit.every("talk", t, 2.5) {
                    act(&mut out, Act::Talk, &id);
                } else if self.kit.every("command", t, 3.1) {
                    let k = (t / 3.1) as usize % COMMANDS.len();
                    act(&mut out, Act::Command(COMMANDS[k]), &id);
                } else if self.kit.every("interview", t, 6.0) {
                    act(&mut out, Act::Do(Procedure::Interview), &id);
                }
            }
            return out;
        }
        // Nobody in view: go where the call is (subjects named in objectives,
        // else the rooms in turn), talking as it goes.
        let goal = self
            .kit
            .scenario
            .objectives
            .iter()
            .find_map(|o| match &o.goal {
                Goal::Interviewed(id)
                | Goal::Released(id)
                | Goal::Custody(id)
                | Goal::VictimIdentified(id)
                | Goal::EvidenceSealed(id) => self
                    .kit
                    .scenario
                    .subjects
                    .iter()
                    .find(|s| s.id == *id && !s.hidden)
                    .map(|s| s.spawn),
                _ => None,
            });
        match goal {
            Some(g) => {
                self.kit.go(view, g, 1.0, false, &mut out);
            }
            None => {
                self.kit.sweep_rooms(view, false, &mut out);
            }
        }
        out
    }
}
