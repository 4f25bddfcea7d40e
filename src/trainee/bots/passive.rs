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
    /// Rooms walked through, in order.
    room: usize,
}

impl Passive {
    /// A passive bot for `scenario`.
    pub fn new(scenario: &Scenario, policy: &Policy) -> Passive {
        Passive {
            kit: Kit::new(scenario, policy),
            room: 0,
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
    fn input(&mut self, view: &TraineeView) -> TraineeInput {
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
        let goal = goal.or_else(|| {
            let rooms = &self.kit.rooms;
            rooms
                .get(self.room % rooms.len().max(1))
                .map(|r| r.centre())
        });
        if let Some(g) = goal
            && self.kit.go(view, g, 1.0, false, &mut out)
        {
            self.room += 1;
            if let Some(r) = self.kit.room_at(view.pos).map(|r| r.id.clone()) {
                act(&mut out, Act::Talk, &r);
            }
        }
        out
    }
}
