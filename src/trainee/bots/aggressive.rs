//! `aggressive`: closes in fast, skips the call-in, identification and
//! warnings, points the firearm at everyone, uses OC, baton and CEW on
//! anyone who does not obey at once, fires at anyone who looks assaultive,
//! searches before handcuffing.

use super::kit::*;
use crate::domain::*;
use crate::nav::dist;
use crate::policy::Policy;
use crate::scenario::Scenario;
use crate::scenario::schema::Goal;
use crate::trainee::{TraineeDriver, TraineeInput, TraineeView};

/// The aggressive bot.
#[derive(Debug, Clone)]
pub struct Aggressive {
    kit: Kit,
}

impl Aggressive {
    /// An aggressive bot for `scenario`.
    pub fn new(scenario: &Scenario, policy: &Policy) -> Aggressive {
        Aggressive {
            kit: Kit::new(scenario, policy),
        }
    }
}

impl TraineeDriver for Aggressive {
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
                    Goal::Interviewed(id)
                    | Goal::Released(id)
                    | Goal::Custody(id)
                    | Goal::EvidenceSealed(id) => self
                        .kit
                        .scenario
                        .subjects
                        .iter()
                        .find(|s| s.id == *id && !s.hidden)
                        .map(|s| s.spawn),
                    _ => None,
                });
            if let Some(g) = goal {
                self.kit.go(view, g, 0.8, true, &mut out);
            } else {
                self.kit.sweep_rooms(view, true, &mut out);
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
        // Close in at a run; the CEW as soon as in range, then the baton and
        // a takedown; search, then cuff.
        self.kit.go(view, pos, 0.8, true, &mut out);
        if d <= 1.5 {
            if !s.view.searched && self.kit.every("search", t, 1.5) {
                act(&mut out, Act::Do(Procedure::Search), &id);
            }
            if view.tool != Tool::Baton {
                ready_tool(view, Tool::Baton, &mut out);
            } else if self.kit.every("baton", t, 1.0) {
                act(&mut out, Act::Force(ForceOption::Baton), &id);
            }
            if self.kit.every("takedown", t, 2.0) {
                act(&mut out, Act::Force(ForceOption::Takedown), &id);
            }
            if self.kit.when("baton").is_some()
                && dist(view.pos, pos) < 1.2
                && self.kit.every("cuff", t, 1.0)
            {
                act(&mut out, Act::Do(Procedure::Handcuff), &id);
            }
        } else if d < 4.0 && self.kit.when("cew").is_some() {
            if view.tool != Tool::Oc {
                ready_tool(view, Tool::Oc, &mut out);
            } else if self.kit.every("oc", t, 1.5) {
                act(&mut out, Act::Force(ForceOption::Oc), &id);
            }
        } else if d < 7.0 && self.kit.every("cew", t, 2.0) {
            ready_tool(view, Tool::Cew, &mut out);
            act(&mut out, Act::Force(ForceOption::Cew), &id);
        }
        out
    }
}
