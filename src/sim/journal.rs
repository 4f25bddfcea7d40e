//! Collects the tick's events and writes them to [`SimLog`] with their
//! perception context.
//!
//! Two moments for the context: a trainee's decision is judged on what could be
//! perceived when it was made, so actions, refusals and force take the
//! context from the start of the tick ([`Journal::now`]); what happens to
//! people (a level change, a weapon coming into view, an injury) takes the
//! context at the end of the tick, after perception ([`Journal::later`]).

use super::SimLog;
use super::perception::Perception;
use super::state::SimState;
use crate::events::{Event, EventKind};
use bevy::prelude::*;

/// Events of the current tick, in the order they happened.
#[derive(Resource, Debug, Default)]
pub struct Journal {
    pending: Vec<(Event, Option<usize>)>,
}

impl Journal {
    /// An event whose context is the one perceived at the start of the tick.
    pub fn now(
        &mut self,
        tick: u32,
        kind: EventKind,
        focus: Option<usize>,
        perception: &Perception,
        state: &SimState,
    ) {
        let ctx = perception.context(state, focus);
        self.pending.push((
            Event {
                tick,
                kind,
                ctx: Some(ctx),
            },
            focus,
        ));
    }

    /// An event whose context is filled after this tick's perception.
    pub fn later(&mut self, tick: u32, kind: EventKind, focus: Option<usize>) {
        self.pending.push((
            Event {
                tick,
                kind,
                ctx: None,
            },
            focus,
        ));
    }

    /// Events waiting to be written (for systems that react within the tick).
    pub fn pending(&self) -> impl Iterator<Item = &EventKind> {
        self.pending.iter().map(|(e, _)| &e.kind)
    }
}

/// Writes the tick's events to the log, filling missing contexts.
pub(crate) fn flush(
    mut journal: ResMut<Journal>,
    mut log: ResMut<SimLog>,
    perception: Res<Perception>,
    state: Res<SimState>,
) {
    if journal.pending.is_empty() {
        return;
    }
    // A run stopped at the start of a tick still finishes that tick (a step
    // of a command carried out): `Ended` stays the log's last event.
    let mut pending = std::mem::take(&mut journal.pending);
    pending.sort_by_key(|(e, _)| matches!(e.kind, EventKind::Ended { .. }));
    journal.pending = pending;
    for (mut event, focus) in journal.pending.drain(..) {
        if event.ctx.is_none() {
            event.ctx = Some(perception.context(&state, focus));
        }
        log.0.push(event);
    }
}
