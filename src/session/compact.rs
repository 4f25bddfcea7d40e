//! The compact shapes of a format 3 record: each event's perception context
//! stored as what changed since the previous event's, and the replay track
//! stored as key samples per person, with the samples between them left out
//! where a straight line between two keys gives them back to within
//! [`TOLERANCE_M`] and [`TOLERANCE_DEG`].
//!
//! The log is lossless (the same events come back, so re-scoring gives the
//! same card). The track comes back at the same sample ticks, everyone within
//! the tolerance of where they were: well under a pixel at the replay's
//! zoom. Crowd members, one among hundreds in a crowd, get the coarser
//! [`CROWD_TOLERANCE_M`] and no heading tolerance ([`CROWD_TOLERANCE_DEG`]);
//! this is what makes a rally of thousands fit in a few hundred kilobytes a
//! minute; a crowd that moves is stored as density ([`Density`]) where that
//! is smaller. People in the log (an agitator, anyone force was used on)
//! keep the fine tolerance.

use crate::domain::Pt;
use crate::events::{Context, Event, EventKind, EventLog, OfficerView, SubjectView, TrackSample};
use serde::{Deserialize, Serialize};

/// Largest distance between a person's recorded and replayed position, metres.
pub const TOLERANCE_M: f32 = 0.01;
/// Largest difference between a recorded and replayed heading, degrees.
pub const TOLERANCE_DEG: f32 = 1.0;
/// The same for crowd members (`CROWD_ID` + `_` + number).
pub const CROWD_TOLERANCE_M: f32 = 0.25;
/// The heading tolerance for crowd members, degrees: none. They turn on the
/// spot every few seconds, and keeping each turn would cost two keys per
/// member per turn (megabytes a minute for a crowd of thousands); where a
/// member stands and moves is kept, where they face between keys is not.
pub const CROWD_TOLERANCE_DEG: f32 = 180.0;

/// Generates a struct of optional fields standing for the fields of `$base`
/// that changed, with `diff` (what changed from `old` to `new`), `apply`
/// and `is_empty`.
macro_rules! delta_struct {
    ($(#[$m:meta])* $name:ident for $base:ty { $($(#[$fm:meta])* $f:ident : $t:ty),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
        pub struct $name {
            $(
                $(#[$fm])*
                #[doc = concat!("`", stringify!($f), "`, when it changed.")]
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $f: Option<$t>,
            )*
        }

        impl $name {
            /// The fields of `new` that differ from `old`.
            pub fn diff(old: &$base, new: &$base) -> Self {
                $name { $( $f: (old.$f != new.$f).then(|| new.$f.clone()), )* }
            }

            /// Writes the changed fields over `base`.
            pub fn apply(&self, base: &mut $base) {
                $( if let Some(v) = &self.$f { base.$f = v.clone(); } )*
            }

            /// Nothing changed.
            pub fn is_empty(&self) -> bool {
                true $( && self.$f.is_none() )*
            }
        }
    };
}

delta_struct! {
    /// The trainee's situation: the fields that changed.
    OfficerDelta for OfficerView {
        pos: Pt,
        cover: Option<crate::domain::CoverKind>,
        in_doorway: bool,
        tool: crate::domain::Tool,
        tool_state: crate::domain::ToolState,
        identified: bool,
        called_in: bool,
        backup: bool,
        health: crate::domain::Health,
    }
}

delta_struct! {
    /// The same subject as before: the fields of their view that changed.
    SubjectDelta for SubjectView {
        perceived: crate::domain::ResistanceLevel,
        cues: Vec<crate::domain::Cue>,
        reported_armed: bool,
        weapon_visible: Option<crate::domain::WeaponKind>,
        distance: f32,
        visible: bool,
        restrained: bool,
        searched: bool,
        sex: crate::domain::Sex,
        age: crate::domain::AgeGroup,
        disability: crate::domain::Disability,
        health: crate::domain::Health,
        in_vehicle: bool,
        in_crowd: bool,
        officer_covered: bool,
        officer_in_line_of_fire: bool,
        people_in_line: Vec<String>,
        crowd_behind: bool,
    }
}

/// How the context's subject changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubjectChange {
    /// Another subject (or none): given whole.
    Set(Option<SubjectView>),
    /// The same subject: what changed in their view.
    Changed(SubjectDelta),
}

/// A context as what changed since the previous one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContextDelta {
    /// The subject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<SubjectChange>,
    /// The trainee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub officer: Option<OfficerDelta>,
    /// Highest perceived resistance in view.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_perceived: Option<crate::domain::ResistanceLevel>,
    /// Officers within 15 m.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub officers_present: Option<u32>,
    /// Unrestrained subjects in view.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subjects_unrestrained: Option<u32>,
}

impl ContextDelta {
    /// What changed from `old` to `new`.
    pub fn diff(old: &Context, new: &Context) -> Self {
        let subject = match (&old.subject, &new.subject) {
            (Some(a), Some(b)) if a.id == b.id => {
                let d = SubjectDelta::diff(a, b);
                (!d.is_empty()).then_some(SubjectChange::Changed(d))
            }
            (a, b) if a == b => None,
            (_, b) => Some(SubjectChange::Set(b.clone())),
        };
        let officer = OfficerDelta::diff(&old.officer, &new.officer);
        ContextDelta {
            subject,
            officer: (!officer.is_empty()).then_some(officer),
            max_perceived: (old.max_perceived != new.max_perceived).then_some(new.max_perceived),
            officers_present: (old.officers_present != new.officers_present)
                .then_some(new.officers_present),
            subjects_unrestrained: (old.subjects_unrestrained != new.subjects_unrestrained)
                .then_some(new.subjects_unrestrained),
        }
    }

    /// `base` with the changes applied. `None` when the delta changes a
    /// subject that `base` does not have (a hand-edited record).
    pub fn apply(&self, base: &Context) -> Option<Context> {
        let mut c = base.clone();
        match &self.subject {
            None => {}
            Some(SubjectChange::Set(s)) => c.subject = s.clone(),
            Some(SubjectChange::Changed(d)) => d.apply(c.subject.as_mut()?),
        }
        if let Some(o) = &self.officer {
            o.apply(&mut c.officer);
        }
        if let Some(v) = self.max_perceived {
            c.max_perceived = v;
        }
        if let Some(v) = self.officers_present {
            c.officers_present = v;
        }
        if let Some(v) = self.subjects_unrestrained {
            c.subjects_unrestrained = v;
        }
        Some(c)
    }
}

/// An event's context in a format 3 record.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CtxCode {
    /// No context (bookkeeping events).
    #[default]
    None,
    /// The same as the previous event's context.
    Same,
    /// Given whole (the first one, or after events without one).
    Full(Context),
    /// What changed since the previous event's context.
    Delta(ContextDelta),
}

impl CtxCode {
    fn is_none(&self) -> bool {
        matches!(self, CtxCode::None)
    }
}

/// An event in a format 3 record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompactEvent {
    /// Tick.
    pub tick: u32,
    /// What happened.
    pub kind: EventKind,
    /// Its context, relative to the previous event's.
    #[serde(default, skip_serializing_if = "CtxCode::is_none")]
    pub ctx: CtxCode,
}

/// The label the simulation gives a crowd's `n`th member (see
/// `sim/input.rs`): made again from the catalogue rather than stored once
/// per member (a crowd of 2,000 would repeat it 2,000 times in three
/// languages).
fn member_label(n: u32) -> crate::domain::LocalizedText {
    crate::i18n::localized(&crate::i18n::Msg::new("label-crowd_member").with("n", n))
}

/// Takes the generated crowd members' labels out of a label map; returns
/// the members left out, as (crowd, first, last) runs.
pub fn strip_member_labels(
    labels: &mut crate::i18n::Labels,
    crowds: &[String],
) -> Vec<(String, u32, u32)> {
    let mut out: std::collections::BTreeMap<String, Vec<u32>> = Default::default();
    labels.retain(|id, text| {
        let generated = crowd_member(id, crowds)
            && id.rsplit_once('_').is_some_and(|(c, n)| {
                n.parse().is_ok_and(|n| {
                    let same = *text == member_label(n);
                    if same {
                        out.entry(c.to_string()).or_default().push(n);
                    }
                    same
                })
            });
        !generated
    });
    out.into_iter()
        .flat_map(|(c, ns)| {
            number_runs(ns)
                .into_iter()
                .map(move |(a, b)| (c.clone(), a, b))
        })
        .collect()
}

/// Most generated crowd labels a record may ask for (the scenario limit on
/// people in crowds is 5,000).
pub const MAX_MEMBER_LABELS: usize = 100_000;

/// Puts the generated labels back (the runs [`strip_member_labels`] gave);
/// `None` for absurd runs (backwards, or more than [`MAX_MEMBER_LABELS`]).
pub fn restore_member_labels(
    labels: &mut crate::i18n::Labels,
    runs: &[(String, u32, u32)],
) -> Option<()> {
    let mut total = 0usize;
    for (c, a, b) in runs {
        total += b.saturating_sub(*a) as usize + 1;
        if b < a || total > MAX_MEMBER_LABELS {
            return None;
        }
        for n in *a..=*b {
            labels.insert(format!("{c}_{n}"), member_label(n));
        }
    }
    Some(())
}

/// The log with each context stored as a change from the one before, and
/// the generated crowd labels of its `Started` event taken out (returned as
/// runs of members).
pub fn compact_log(
    log: &EventLog,
    crowds: &[String],
) -> (Vec<CompactEvent>, Vec<(String, u32, u32)>) {
    let mut last: Option<&Context> = None;
    let mut stripped = Vec::new();
    let events = log
        .0
        .iter()
        .map(|e| {
            let ctx = match (&e.ctx, last) {
                (None, _) => CtxCode::None,
                (Some(c), None) => CtxCode::Full(c.clone()),
                (Some(c), Some(prev)) if c == prev => CtxCode::Same,
                (Some(c), Some(prev)) => CtxCode::Delta(ContextDelta::diff(prev, c)),
            };
            if e.ctx.is_some() {
                last = e.ctx.as_ref();
            }
            let mut kind = e.kind.clone();
            if let EventKind::Started { labels, .. } = &mut kind
                && stripped.is_empty()
            {
                stripped = strip_member_labels(labels, crowds);
            }
            CompactEvent {
                tick: e.tick,
                kind,
                ctx,
            }
        })
        .collect();
    (events, stripped)
}

/// The log back from its compact form: an error names the first event
/// whose context refers to a previous one that is not there, or absurd
/// label runs.
pub fn expand_log(
    events: Vec<CompactEvent>,
    member_labels: &[(String, u32, u32)],
) -> Result<EventLog, ExpandError> {
    let mut last: Option<Context> = None;
    let mut out = Vec::with_capacity(events.len());
    let mut restored = member_labels.is_empty();
    for (i, mut e) in events.into_iter().enumerate() {
        if let EventKind::Started { labels, .. } = &mut e.kind
            && !restored
        {
            restore_member_labels(labels, member_labels).ok_or(ExpandError::Labels)?;
            restored = true;
        }
        let ctx = match e.ctx {
            CtxCode::None => None,
            CtxCode::Full(c) => Some(c),
            CtxCode::Same => Some(last.clone().ok_or(ExpandError::Event(i))?),
            CtxCode::Delta(d) => Some(
                last.as_ref()
                    .and_then(|l| d.apply(l))
                    .ok_or(ExpandError::Event(i))?,
            ),
        };
        if ctx.is_some() {
            last.clone_from(&ctx);
        }
        out.push(Event {
            tick: e.tick,
            kind: e.kind,
            ctx,
        });
    }
    Ok(EventLog(out))
}

/// A key sample of one person: tick, x, y (metres), heading (degrees).
pub type Key = (u32, f32, f32, f32);

/// One person's track: key samples over the runs of samples in which they
/// were on scene.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Path {
    /// Person id.
    pub id: String,
    /// Runs of consecutive samples in which the person was on scene, as
    /// (first tick, last tick); keys fall inside them and include both ends.
    pub present: Vec<(u32, u32)>,
    /// Key samples, in tick order.
    pub keys: Vec<Key>,
}

/// The replay track of a format 3 record.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CompactTrack {
    /// The ticks of the samples.
    pub ticks: Vec<TickRun>,
    /// One path per person, in the order they were listed in the samples.
    pub paths: Vec<Path>,
    /// The crowds stored as density: those for which it is smaller than
    /// their members' paths (a crowd that moves).
    pub density: Vec<Density>,
}
/// A density cell's side, metres.
pub const DENSITY_CELL: f32 = 2.0;
/// Track samples per density sample (one a second).
const DENSITY_EVERY: usize = 4;

/// One density sample: tick, and (column, row, count) of each occupied cell.
pub type DensitySample = (u32, Vec<(i32, i32, u32)>);

/// A large crowd stored as how many of its members stand in each cell of a
/// [`DENSITY_CELL`] grid, once a second: the replay shows the crowd's shape
/// and how it moves, not which member stood where (members are laid out
/// evenly in their cells). Members the log names keep their own paths.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Density {
    /// Crowd id.
    pub crowd: String,
    /// The member numbers stored here, as runs (first, last).
    pub members: Vec<(u32, u32)>,
    /// One sample a second: tick, then (column, row, count) for each
    /// occupied cell, column = x / cell, row = y / cell.
    pub samples: Vec<DensitySample>,
}

/// A run of sample ticks: `count` ticks from `from`, `every` apart.
pub type TickRun = (u32, u32, u32);

/// Sample ticks as runs of equal spacing (`(from, every, count)`).
fn tick_runs(ticks: &[u32]) -> Vec<TickRun> {
    let mut runs: Vec<TickRun> = Vec::new();
    for &t in ticks {
        match runs.last_mut() {
            Some((from, every, count)) if *count == 1 && t > *from => {
                *every = t - *from;
                *count = 2;
            }
            Some((from, every, count)) if *count >= 2 && t == *from + *every * *count => {
                *count += 1;
            }
            _ => runs.push((t, 0, 1)),
        }
    }
    runs
}

/// The sample ticks back from their runs, `None` past `limit` (a hand-edited
/// record asking for billions of samples).
fn ticks_of(runs: &[TickRun], limit: usize) -> Option<Vec<u32>> {
    let mut out = Vec::new();
    for &(from, every, count) in runs {
        if out.len() + count as usize > limit {
            return None;
        }
        for k in 0..count {
            out.push(from.checked_add(every.checked_mul(k)?)?);
        }
    }
    Some(out)
}

/// Rounds to centimetres and tenths of a degree, which is all the replay
/// draws and what keeps the numbers short.
fn round(v: f32, step: f32) -> f32 {
    let r = (v / step).round() * step;
    // Back through a short decimal so it prints short.
    format!("{r:.2}").parse().unwrap_or(r)
}

fn key_of(tick: u32, p: Pt, h: f32) -> Key {
    (tick, round(p.0, 0.01), round(p.1, 0.01), round(h, 0.1))
}

fn lerp(a: f32, b: f32, k: f32) -> f32 {
    a + (b - a) * k
}

/// A heading the short way round from `a` to `b`: how the replay turns
/// people between samples (`game/review/frames.rs`), so the compact track
/// is checked against the very interpolation it is drawn with.
pub fn lerp_deg(a: f32, b: f32, k: f32) -> f32 {
    a + angle_diff(a, b) * k
}

/// `b - a` the short way round, degrees in -180..180.
fn angle_diff(a: f32, b: f32) -> f32 {
    (b - a + 540.0).rem_euclid(360.0) - 180.0
}

/// Where a straight line between keys `a` and `b` puts the person at `tick`.
fn between(a: &Key, b: &Key, tick: u32) -> (Pt, f32) {
    // Saturating: a hand-made track may have ticks out of order.
    let k = tick.saturating_sub(a.0) as f32 / b.0.saturating_sub(a.0).max(1) as f32;
    (
        (lerp(a.1, b.1, k), lerp(a.2, b.2, k)),
        lerp_deg(a.3, b.3, k),
    )
}

/// The longest a key-to-key line may run over moving samples (checking a
/// line costs its length, so this bounds the work per person).
const MAX_SPAN: usize = 240;

/// Key samples for one run of samples: a greedy line simplification that
/// keeps every sample within `tol_m` / `tol_deg` of the line between the
/// keys around it.
fn simplify(samples: &[(u32, Pt, f32)], tol_m: f32, tol_deg: f32) -> Vec<Key> {
    let Some(&(t0, p0, h0)) = samples.first() else {
        return Vec::new();
    };
    let within = |(t, p, h): (u32, Pt, f32), a: &Key, b: &Key| {
        let (q, g) = between(a, b, t);
        ((q.0 - p.0).powi(2) + (q.1 - p.1).powi(2)).sqrt() <= tol_m
            && angle_diff(h, g).abs() <= tol_deg
    };
    let mut keys = vec![key_of(t0, p0, h0)];
    let mut anchor = 0;
    while anchor + 1 < samples.len() {
        let a = keys[keys.len() - 1];
        let mut best = anchor + 1;
        // Every sample since the anchor lies within tolerance of the
        // anchor's own place: then a key where the person stands again
        // needs no further check (standing still costs nothing to extend).
        let mut all_near_a = true;
        let mut end = anchor + 2;
        while end < samples.len() {
            let before = samples[end - 1];
            all_near_a = all_near_a && within(before, &a, &a);
            let s = samples[end];
            let b = key_of(s.0, s.1, s.2);
            let standing = (b.1, b.2, b.3) == (a.1, a.2, a.3);
            let fits = if standing && all_near_a {
                true
            } else {
                // A sharp turn between two samples stays between two keys:
                // a line over it may turn the replay the other way round.
                end - anchor <= MAX_SPAN
                    && samples[anchor + 1..end].iter().all(|&x| within(x, &a, &b))
                    && (tol_deg >= 180.0
                        || samples[anchor..=end]
                            .windows(2)
                            .all(|w| angle_diff(w[0].2, w[1].2).abs() <= 90.0))
            };
            if !fits {
                break;
            }
            best = end;
            end += 1;
        }
        let s = samples[best];
        let mut b = key_of(s.0, s.1, s.2);
        // A turn of about 180 degrees between two keys: rounding may send
        // the replay the other way round; the key is set the same way on
        // from the previous one, within half a degree of the heading.
        // A turn of nearly 180 degrees is kept below 179.5, where f32
        // arithmetic still tells one way round from the other.
        let turn = angle_diff(samples[anchor].2, s.2);
        let kept = angle_diff(a.3, b.3);
        if turn.abs() > 170.0 && (kept.signum() != turn.signum() || kept.abs() > 179.5) {
            let way = turn.signum() * turn.abs().min(179.5);
            b.3 = round((a.3 + way + 540.0).rem_euclid(360.0) - 180.0, 0.1);
        }
        keys.push(b);
        anchor = best;
    }
    keys
}

/// Fewest generated members (`CROWD_1` to `CROWD_N`) that make a crowd.
const CROWD_MIN: usize = 10;

/// The crowds in a track: ids `P` with members `P_1`, `P_2`... up to at
/// least [`CROWD_MIN`], which is how the simulation names the people it
/// generates for a scenario's crowd (a named subject such as `witness_1`
/// has no nine numbered fellows).
pub fn crowds_in(track: &[TrackSample]) -> Vec<String> {
    let mut numbers: std::collections::BTreeMap<&str, std::collections::BTreeSet<u32>> =
        Default::default();
    for s in track {
        for (id, _, _) in &s.actors {
            if let Some((prefix, n)) = id.rsplit_once('_')
                && let Ok(n) = n.parse::<u32>()
                && !prefix.is_empty()
            {
                numbers.entry(prefix).or_default().insert(n);
            }
        }
    }
    numbers
        .into_iter()
        .filter(|(_, ns)| (1..=CROWD_MIN as u32).all(|k| ns.contains(&k)))
        .map(|(p, _)| p.to_string())
        .collect()
}

/// Why a format 3 record's log or track could not be rebuilt.
#[derive(Debug, Clone, PartialEq)]
pub enum ExpandError {
    /// The event at this index changes a context that is not there.
    Event(usize),
    /// The track.
    Track(TrackError),
    /// The card's citations do not match its findings.
    Citation,
    /// Generated crowd labels asked for in reverse or by the million.
    Labels,
}

/// Whether `id` names a crowd member (`rally_17`: a crowd id, `_`, a number),
/// the ids the simulation gives the people it generates for a crowd.
fn crowd_member(id: &str, crowds: &[String]) -> bool {
    id.rsplit_once('_').is_some_and(|(crowd, n)| {
        !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && crowds.iter().any(|c| c == crowd)
    })
}

/// The generated crowd members the log's events name (as actor or target;
/// `Started` labels them all): they are kept to the fine tolerance like everyone named.
pub fn named_in_log(log: &EventLog, crowds: &[String]) -> std::collections::BTreeSet<String> {
    let mut out = std::collections::BTreeSet::new();
    if crowds.is_empty() {
        return out;
    }
    // Every quoted string of an event (not of its context: in a crowd of
    // thousands the nearest members come and go there) that is a crowd
    // member's id.
    for e in log
        .0
        .iter()
        .filter(|e| !matches!(e.kind, EventKind::Started { .. }))
    {
        let text = ron::ser::to_string(&e.kind).unwrap_or_default();
        for (i, quoted) in text.split('"').enumerate() {
            if i % 2 == 1 && crowd_member(quoted, crowds) {
                out.insert(quoted.to_string());
            }
        }
    }
    out
}

/// The track as key samples per person. `crowds` are the ids of the
/// scenario's crowds, whose members are kept to the coarser tolerance unless
/// they are in `keep`.
pub fn compact_track(
    track: &[TrackSample],
    crowds: &[String],
    keep: &std::collections::BTreeSet<String>,
) -> CompactTrack {
    let ticks: Vec<u32> = track.iter().map(|s| s.tick).collect();
    // Everyone in the order the samples list them (people come and go, but
    // the simulation always lists them in one order).
    let mut order: Vec<String> = Vec::new();
    let mut index = std::collections::HashMap::new();
    for s in track {
        let mut at = 0;
        for (id, _, _) in &s.actors {
            match index.get(id.as_str()) {
                Some(&i) => at = i + 1,
                None if at == order.len() => {
                    index.insert(id.clone(), order.len());
                    order.push(id.clone());
                    at += 1;
                }
                None => {
                    order.insert(at, id.clone());
                    index = order
                        .iter()
                        .enumerate()
                        .map(|(i, id)| (id.clone(), i))
                        .collect();
                    at += 1;
                }
            }
        }
    }
    // Crowd members the log does not name may go to density (below).
    let candidate = |id: &str| crowd_member(id, crowds) && !keep.contains(id);
    let density = density_of(track, &order, &candidate);
    let mut samples: Vec<Vec<(usize, Pt, f32)>> = vec![Vec::new(); order.len()];
    for (si, s) in track.iter().enumerate() {
        for (id, p, h) in &s.actors {
            if let Some(&i) = index.get(id.as_str()) {
                samples[i].push((si, *p, *h));
            }
        }
    }
    let paths = order
        .iter()
        .zip(samples)
        .map(|(id, mine)| {
            let (tol_m, tol_deg) = if crowd_member(id, crowds) && !keep.contains(id) {
                (CROWD_TOLERANCE_M, CROWD_TOLERANCE_DEG)
            } else {
                (TOLERANCE_M, TOLERANCE_DEG)
            };
            let mut present = Vec::new();
            let mut keys = Vec::new();
            let mut run: Vec<(u32, Pt, f32)> = Vec::new();
            let mut flush = |run: &mut Vec<(u32, Pt, f32)>| {
                if let (Some(a), Some(b)) = (run.first(), run.last()) {
                    present.push((a.0, b.0));
                    keys.extend(simplify(run, tol_m, tol_deg));
                }
                run.clear();
            };
            let mut prev: Option<usize> = None;
            for (si, p, h) in mine {
                if prev.is_some_and(|q| q + 1 != si) {
                    flush(&mut run);
                }
                run.push((ticks[si], p, h));
                prev = Some(si);
            }
            flush(&mut run);
            Path {
                id: id.clone(),
                present,
                keys,
            }
        })
        .collect();
    // Each crowd as density where that is the smaller of the two.
    let mut paths: Vec<Path> = paths;
    let mut dense = Vec::new();
    for d in density {
        let member =
            |p: &Path| candidate(&p.id) && p.id.rsplit_once('_').is_some_and(|(c, _)| c == d.crowd);
        let as_paths: usize = paths
            .iter()
            .filter(|p| member(p))
            .map(|p| ron::ser::to_string(p).map_or(0, |t| t.len()))
            .sum();
        let as_density = ron::ser::to_string(&d).map_or(usize::MAX, |t| t.len());
        let count: u32 = d.members.iter().map(|(a, b)| b - a + 1).sum();
        // A handful of people is never a density.
        if count as usize >= CROWD_MIN && as_density < as_paths {
            paths.retain(|p| !member(p));
            dense.push(d);
        }
    }
    CompactTrack {
        ticks: tick_runs(&ticks),
        paths,
        density: dense,
    }
}

/// Runs of consecutive numbers.
fn number_runs(mut ns: Vec<u32>) -> Vec<(u32, u32)> {
    ns.sort_unstable();
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for n in ns {
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == n => *last = n,
            _ => runs.push((n, n)),
        }
    }
    runs
}

/// The density samples of the members `dense` picks, crowd by crowd.
fn density_of(
    track: &[TrackSample],
    order: &[String],
    dense: &dyn Fn(&str) -> bool,
) -> Vec<Density> {
    let mut members: std::collections::BTreeMap<String, Vec<u32>> = Default::default();
    for id in order.iter().filter(|id| dense(id)) {
        if let Some((c, n)) = id.rsplit_once('_')
            && let Ok(n) = n.parse()
        {
            members.entry(c.to_string()).or_default().push(n);
        }
    }
    let last = track.len().saturating_sub(1);
    members
        .into_iter()
        .map(|(crowd, ns)| {
            let samples = track
                .iter()
                .enumerate()
                .filter(|(i, _)| i % DENSITY_EVERY == 0 || *i == last)
                .map(|(_, s)| {
                    let mut cells: std::collections::BTreeMap<(i32, i32), u32> = Default::default();
                    for (id, p, _) in &s.actors {
                        if id.rsplit_once('_').is_some_and(|(c, _)| c == crowd) && dense(id) {
                            *cells.entry(cell_of(*p)).or_default() += 1;
                        }
                    }
                    // Row by row, as a reader scans the map.
                    let mut v: Vec<(i32, i32, u32)> =
                        cells.into_iter().map(|((c, r), n)| (c, r, n)).collect();
                    v.sort_by_key(|&(c, r, _)| (r, c));
                    (s.tick, v)
                })
                .collect();
            Density {
                crowd,
                members: number_runs(ns),
                samples,
            }
        })
        .collect()
}

/// The density cell of a point.
pub fn cell_of(p: Pt) -> (i32, i32) {
    (
        (p.0 / DENSITY_CELL).floor() as i32,
        (p.1 / DENSITY_CELL).floor() as i32,
    )
}

/// The `k`th of `n` places laid out evenly in a cell.
fn slot(c: i32, r: i32, k: u32, n: u32) -> Pt {
    let m = (n as f32).sqrt().ceil().max(1.0) as u32;
    (
        (c as f32 + ((k % m) as f32 + 0.5) / m as f32) * DENSITY_CELL,
        (r as f32 + ((k / m) as f32 + 0.5) / m as f32) * DENSITY_CELL,
    )
}

/// Where each member of a density sample stands: the members in number
/// order fill the cells in order; members beyond the count are not on scene.
fn placed(members: &[u32], cells: &[(i32, i32, u32)]) -> Vec<Option<Pt>> {
    let mut out = Vec::with_capacity(members.len());
    for &(c, r, n) in cells {
        for k in 0..n {
            if out.len() < members.len() {
                out.push(Some(slot(c, r, k, n)));
            }
        }
    }
    out.resize(members.len(), None);
    out
}

/// Adds a density crowd's members to the expanded samples: at a density
/// sample where the cells put them, in between gliding from one place to
/// the next (or staying, when the next place is across the crowd).
fn expand_density(d: &Density, ticks: &[u32], out: &mut [TrackSample]) -> Result<(), TrackError> {
    let bad = || TrackError::Keys(d.crowd.clone());
    let mut members = Vec::new();
    for &(a, b) in &d.members {
        if b < a || members.len() + (b - a) as usize >= MAX_POSITIONS / ticks.len().max(1) {
            return Err(TrackError::TooManyPositions(MAX_POSITIONS));
        }
        members.extend(a..=b);
    }
    let ids: Vec<String> = members.iter().map(|n| format!("{}_{n}", d.crowd)).collect();
    let at: Vec<(u32, Vec<Option<Pt>>)> = d
        .samples
        .iter()
        .map(|(t, cells)| (*t, placed(&members, cells)))
        .collect();
    for (si, &tick) in ticks.iter().enumerate() {
        let i = at.partition_point(|(t, _)| *t <= tick);
        let (t0, p0) = at.get(i.wrapping_sub(1)).ok_or_else(bad)?;
        let next = at.get(i);
        for (m, id) in ids.iter().enumerate() {
            let Some(a) = p0[m] else { continue };
            let p = match next.and_then(|(t1, p1)| p1[m].map(|b| (*t1, b))) {
                Some((t1, b)) if (b.0 - a.0).hypot(b.1 - a.1) <= 2.0 * DENSITY_CELL => {
                    let k = tick.saturating_sub(*t0) as f32 / t1.saturating_sub(*t0).max(1) as f32;
                    (lerp(a.0, b.0, k), lerp(a.1, b.1, k))
                }
                _ => a,
            };
            // Members face every way, as in a crowd.
            let heading = (members[m] as f32 * 137.5) % 360.0;
            out[si].actors.push((id.clone(), p, heading));
        }
    }
    Ok(())
}

/// Most samples a record may ask for (a day of samples four times a second).
const MAX_SAMPLES: usize = 400_000;

/// Most positions (people times samples) a record may ask for: a crowd of
/// 2,000 for twenty minutes.
const MAX_POSITIONS: usize = 10_000_000;

/// Why a compact track could not be expanded.
#[derive(Debug, Clone, PartialEq)]
pub enum TrackError {
    /// More samples than the limit.
    TooManySamples(usize),
    /// More positions (people times samples) than the limit.
    TooManyPositions(usize),
    /// A person's keys do not cover the ticks they are present at.
    Keys(String),
}

/// The track back at its sample ticks, everyone where the keys put them.
pub fn expand_track(t: &CompactTrack) -> Result<Vec<TrackSample>, TrackError> {
    let ticks = ticks_of(&t.ticks, MAX_SAMPLES).ok_or(TrackError::TooManySamples(MAX_SAMPLES))?;
    if t.paths.len().saturating_mul(ticks.len()) > MAX_POSITIONS {
        return Err(TrackError::TooManyPositions(MAX_POSITIONS));
    }
    let mut out: Vec<TrackSample> = ticks
        .iter()
        .map(|&tick| TrackSample {
            tick,
            actors: Vec::new(),
        })
        .collect();
    for path in &t.paths {
        let bad = || TrackError::Keys(path.id.clone());
        let mut k = 0;
        for &(from, to) in &path.present {
            let lo = ticks.partition_point(|&x| x < from);
            let hi = ticks.partition_point(|&x| x <= to);
            for (si, &tick) in ticks.iter().enumerate().take(hi).skip(lo) {
                // The keys around this tick.
                while path.keys.get(k + 1).is_some_and(|n| n.0 <= tick) {
                    k += 1;
                }
                let a = path.keys.get(k).filter(|a| a.0 <= tick).ok_or_else(bad)?;
                let (p, h) = if a.0 == tick {
                    ((a.1, a.2), a.3)
                } else {
                    let b = path.keys.get(k + 1).ok_or_else(bad)?;
                    between(a, b, tick)
                };
                out[si].actors.push((path.id.clone(), p, h));
            }
            // The next run starts at a key of its own.
            if path.keys.get(k + 1).is_some_and(|n| n.0 > to) {
                k += 1;
            }
        }
    }
    for d in &t.density {
        expand_density(d, &ticks, &mut out)?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(n: u32) -> Vec<TrackSample> {
        (0..n)
            .map(|i| {
                let t = i as f32;
                let mut actors = vec![
                    (
                        "trainee".to_string(),
                        (t * 0.3, 2.0 + (t * 0.2).sin()),
                        t * 3.0 % 360.0,
                    ),
                    ("driver".to_string(), (10.0, 5.0), 90.0),
                ];
                // A partner who leaves and comes back.
                if !(20..30).contains(&i) {
                    actors.insert(1, ("partner".to_string(), (1.0, t * 0.1), -179.5 + t));
                }
                if i >= 5 {
                    actors.push((
                        "rally_3".to_string(),
                        ((t * 0.7).sin(), (t * 0.3).cos()),
                        t * 40.0,
                    ));
                }
                TrackSample {
                    tick: i * 15,
                    actors,
                }
            })
            .collect()
    }

    fn near(a: &[TrackSample], b: &[TrackSample], crowd_m: f32) {
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(b) {
            assert_eq!(x.tick, y.tick);
            let ids = |s: &TrackSample| s.actors.iter().map(|a| a.0.clone()).collect::<Vec<_>>();
            assert_eq!(ids(x), ids(y), "tick {}", x.tick);
            for (p, q) in x.actors.iter().zip(&y.actors) {
                let tol = if p.0.starts_with("rally_") {
                    crowd_m
                } else {
                    TOLERANCE_M
                };
                let d = ((p.1.0 - q.1.0).powi(2) + (p.1.1 - q.1.1).powi(2)).sqrt();
                assert!(d <= tol + 1e-4, "{} at {}: {d}", p.0, x.tick);
            }
        }
    }

    #[test]
    fn the_track_comes_back_within_tolerance_with_everyone_in_order() {
        let track = walk(200);
        let c = compact_track(&track, &["rally".to_string()], &Default::default());
        let back = expand_track(&c).unwrap();
        near(&track, &back, CROWD_TOLERANCE_M);
        // The driver who stands still is two keys; the partner has two runs.
        let path = |id: &str| c.paths.iter().find(|p| p.id == id).unwrap();
        assert_eq!(path("driver").keys.len(), 2);
        assert_eq!(
            path("partner").present,
            vec![(0, 19 * 15), (30 * 15, 199 * 15)]
        );
        assert_eq!(c.ticks, vec![(0, 15, 200)]);
        // Without the crowd named, its member is kept to the fine tolerance.
        let fine = compact_track(&track, &[], &Default::default());
        near(&track, &expand_track(&fine).unwrap(), TOLERANCE_M);
    }

    #[test]
    fn irregular_ticks_and_an_empty_track() {
        let mut track = walk(10);
        track.push(TrackSample {
            tick: 143,
            actors: vec![("trainee".into(), (5.0, 5.0), 0.0)],
        });
        let c = compact_track(&track, &[], &Default::default());
        assert_eq!(c.ticks, vec![(0, 15, 10), (143, 0, 1)]);
        near(&track, &expand_track(&c).unwrap(), TOLERANCE_M);
        assert!(
            expand_track(&compact_track(&[], &[], &Default::default()))
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn absurd_tracks_are_refused_not_allocated() {
        let c = CompactTrack {
            ticks: vec![(0, 1, u32::MAX)],
            ..Default::default()
        };
        assert_eq!(
            expand_track(&c),
            Err(TrackError::TooManySamples(MAX_SAMPLES))
        );
        let missing = CompactTrack {
            ticks: vec![(0, 15, 3)],
            paths: vec![Path {
                id: "x".into(),
                present: vec![(0, 30)],
                keys: vec![(0, 1.0, 1.0, 0.0)],
            }],
            density: Vec::new(),
        };
        assert_eq!(expand_track(&missing), Err(TrackError::Keys("x".into())));
    }

    #[test]
    fn crowd_members_are_named_by_crowd_and_number() {
        let crowds = ["rally".to_string(), "sit_in".to_string()];
        assert!(crowd_member("rally_12", &crowds));
        assert!(crowd_member("sit_in_3", &crowds));
        assert!(!crowd_member("rally_guard", &crowds));
        assert!(!crowd_member("rally_", &crowds));
        assert!(!crowd_member("driver_1", &crowds));
    }
}
