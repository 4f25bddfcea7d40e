//! `aggressive`: closes in fast, skips the call-in, identification and
//! warnings, points the firearm at everyone, uses OC, baton and CEW on
//! anyone who does not obey at once, fires at anyone who looks assaultive,
//! searches before handcuffing.

use super::kit::*;
use crate::domain::*;
use crate::policy::Policy;
use crate::scenario::Scenario;
use crate::scenario::schema::Goal;
use crate::trainee::nav::dist;
use crate::trainee::{TraineeDriver, TraineeInput, TraineeView};

/// The aggressive bot.
#[derive(Debug, Clone)]
pub struct Aggressive {
    kit: Kit,
    room: usize,
}

impl Aggressive {
    /// An aggressive bot for `scenario`.
    pub fn new(scenario: &Scenario, policy: &Policy) -> Aggressive {
        Aggressive {
            kit: Kit::new(scenario, policy),
            room: 0,
        }
    }
}

impl TraineeDriver for Aggressive {
    fn input(&mut self, view: &TraineeView) -> TraineeInput {
        let mut out = TraineeInput::default();
        let t = view.t;
        if view.health >= Health::Serious {
            return out;
        }
        let target = active_subjects(view)
            .filter(|s| s.view.visible || s.view.distance < 40.0)
            .min_by(|a, b| a.view.distance.total_cmp(&b.view.distance))
            .cloned();
        let Some(s) = target else {
            // Nobody to control: search, then sweep the rooms at a run.
            if let Some(r) = view
                .subjects
                .iter()
                .find(|s| s.view.restrained && !s.view.searched)
            {
                let (id, pos) = (r.id.clone(), r.pos);
                out.face = Some(pos);
                if self.kit.go(view, pos, 0.8, true, &mut out) && self.kit.every("search", t, 1.0) {
                    act(&mut out, Act::Do(Procedure::Search), &id);
                }
                return out;
            }
            let goal = self
                .kit
                .scenario
                .objectives
                .iter()
                .find_map(|o| match &o.goal {
                    Goal::Interviewed(id) | Goal::Custody(id) | Goal::EvidenceSealed(id) => self
                        .kit
                        .scenario
                        .subjects
                        .iter()
                        .find(|s| s.id == *id && !s.hidden)
                        .map(|s| s.spawn),
                    _ => None,
                });
            let n = self.kit.rooms.len();
            let goal = goal.or_else(|| (n > 0).then(|| self.kit.rooms[self.room % n].centre()));
            if let Some(g) = goal
                && self.kit.go(view, g, 0.8, true, &mut out)
            {
                if let Some(r) = self.kit.room_at(view.pos).map(|r| r.id.clone()) {
                    act(&mut out, Act::Do(Procedure::ClearRoom), &r);
                }
                self.room += 1;
            }
            return out;
        };
        let (id, pos, d) = (s.id.clone(), s.pos, s.view.distance);
        out.face = Some(pos);
        out.select = Some(id.clone());
        // Gun out and pointed at whoever is in front, from the start.
        if view.tool != Tool::Handgun && d > 4.0 {
            ready_tool(view, Tool::Handgun, &mut out);
        } else if view.tool == Tool::Handgun
            && view.tool_state != ToolState::Aimed
            && s.view.visible
        {
            act(&mut out, Act::Aim, &id);
        }
        if s.view.perceived >= ResistanceLevel::Assaultive
            && s.view.visible
            && view.tool == Tool::Handgun
        {
            if self.kit.every("fire", t, 0.4) {
                act(&mut out, Act::Force(ForceOption::Firearm), &id);
            }
            return out;
        }
        if self.kit.every("command", t, 0.7) {
            let k = (t / 0.7) as usize;
            let cmds = [
                Command::ShowHands,
                Command::StepOut,
                Command::Prone,
                Command::Stop,
            ];
            act(&mut out, Act::Command(cmds[k % cmds.len()]), &id);
        }
        // Close in at a run, spray, strike, take down, search, cuff.
        self.kit.go(view, pos, 0.8, true, &mut out);
        if d < 3.5 && d > 1.5 && s.view.perceived <= ResistanceLevel::Active {
            if view.tool != Tool::Oc {
                ready_tool(view, Tool::Oc, &mut out);
            } else if self.kit.every("oc", t, 2.0) {
                act(&mut out, Act::Force(ForceOption::Oc), &id);
            }
        } else if d <= 1.5 {
            if !s.view.searched && self.kit.every("search", t, 1.5) {
                act(&mut out, Act::Do(Procedure::Search), &id);
            }
            if view.tool != Tool::Baton {
                ready_tool(view, Tool::Baton, &mut out);
            } else if self.kit.every("baton", t, 1.5) {
                act(&mut out, Act::Force(ForceOption::Baton), &id);
            }
            if self.kit.every("takedown", t, 2.0) {
                act(&mut out, Act::Force(ForceOption::Takedown), &id);
            }
            if dist(view.pos, pos) < 1.2 && self.kit.every("cuff", t, 1.0) {
                act(&mut out, Act::Do(Procedure::Handcuff), &id);
            }
        } else if d < 7.0 && self.kit.every("cew", t, 3.0) {
            ready_tool(view, Tool::Cew, &mut out);
            act(&mut out, Act::Force(ForceOption::Cew), &id);
        }
        out
    }
}
