//! Running a whole session headless, in-process: load the scenario, policy
//! and driver (a script or a bot), simulate to the end, score, and build the
//! [`SessionRecord`]. `forcesim run`, the tests and the benchmark call this.

use super::io::{now_rfc3339, sha256_hex};
use super::record::{FORMAT_VERSION, SessionRecord};
use crate::diag::Diagnostic;
use crate::domain::Lang;
use crate::events::{EndReason, EventKind};
use crate::policy::LoadedPolicy;
use crate::scenario::LoadedScenario;
use crate::sim::SimSetup;
use crate::trainee::TraineeDriver;
use crate::trainee::bots;
use crate::trainee::script::{self, ScriptDriver};
use std::path::{Path, PathBuf};

/// Who drives the trainee.
#[derive(Debug, Clone, PartialEq)]
pub enum DriverSpec {
    /// A RON script file.
    Script(PathBuf),
    /// A built-in bot by name.
    Bot(String),
}

impl DriverSpec {
    /// `bot NAME` or `script FILE`, for summaries.
    pub fn label(&self) -> String {
        match self {
            DriverSpec::Script(p) => format!("script {}", p.display()),
            DriverSpec::Bot(b) => format!("bot {b}"),
        }
    }
}

/// What to run.
#[derive(Debug, Clone)]
pub struct RunRequest {
    /// Scenario file or id.
    pub scenario: String,
    /// Script or bot.
    pub driver: DriverSpec,
    /// Seed.
    pub seed: u64,
    /// Policy id or file (default: the scenario's).
    pub policy: Option<String>,
    /// Trainee id recorded in the session.
    pub trainee: String,
    /// Language of the score card.
    pub lang: Lang,
    /// Replace the scenario's time limit (seconds); the benchmark uses it.
    pub time_limit: Option<f32>,
}

impl RunRequest {
    /// A request with the defaults of `forcesim run`.
    pub fn new(scenario: impl Into<String>, driver: DriverSpec, seed: u64) -> RunRequest {
        RunRequest {
            scenario: scenario.into(),
            driver,
            seed,
            policy: None,
            trainee: "bot".to_string(),
            lang: Lang::En,
            time_limit: None,
        }
    }
}

/// Why a run could not start.
#[derive(Debug, Clone, PartialEq)]
pub enum RunError {
    /// A file failed to load: `FILE:LINE:COL` diagnostics.
    Invalid(Vec<Diagnostic>),
    /// A name that does not resolve (scenario id, policy id, bot name), as a
    /// message rendered in the reader's language.
    Usage(crate::i18n::Msg),
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RunError::Invalid(ds) => {
                for (i, d) in ds.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{d}")?;
                }
                Ok(())
            }
            RunError::Usage(m) => write!(
                f,
                "{}",
                crate::i18n::render(Lang::En, m, &crate::i18n::Labels::new())
            ),
        }
    }
}

/// Everything loaded and checked, ready to simulate.
pub struct Prepared {
    /// The scenario and its text.
    pub scenario: LoadedScenario,
    /// Where it was read from.
    pub scenario_path: PathBuf,
    /// The policy and its text.
    pub policy: LoadedPolicy,
    /// Who drives.
    pub driver: Box<dyn TraineeDriver>,
    /// The request.
    pub request: RunRequest,
}

/// The result of a run.
#[derive(Debug, Clone)]
pub struct Session {
    /// The record (with the score card when scoring is available).
    pub record: SessionRecord,
    /// Fixed ticks simulated.
    pub ticks: u32,
    /// `bot NAME` or `script FILE`.
    pub driver: String,
}

/// Loads the scenario, policy and driver of a request.
pub fn prepare(req: &RunRequest) -> Result<Prepared, RunError> {
    let scenario_path = crate::scenario::resolve(&req.scenario).ok_or_else(|| {
        RunError::Usage(
            crate::i18n::Msg::new("run-no-scenario").with("scenario", req.scenario.as_str()),
        )
    })?;
    let mut scenario = crate::scenario::check_file(&scenario_path).map_err(RunError::Invalid)?;
    if let Some(limit) = req.time_limit {
        scenario.scenario.time_limit = limit;
    }
    let policy_arg = req
        .policy
        .clone()
        .unwrap_or_else(|| scenario.scenario.policy.clone());
    let known = crate::policy::resolve(&policy_arg).is_some()
        || crate::policy::builtin::text(&policy_arg).is_some();
    if !known {
        return Err(RunError::Usage(crate::policy::unknown_policy_message(
            &policy_arg,
        )));
    }
    let policy = crate::policy::load_by_id_or_path(&policy_arg).map_err(RunError::Invalid)?;
    let driver: Box<dyn TraineeDriver> = match &req.driver {
        DriverSpec::Script(p) => {
            let s = script::load(p, Some(&scenario.scenario)).map_err(RunError::Invalid)?;
            Box::new(ScriptDriver::new(s, &scenario.scenario))
        }
        DriverSpec::Bot(name) => bots::by_name(name, &scenario.scenario, &policy.policy)
            .ok_or_else(|| {
                RunError::Usage(
                    crate::i18n::Msg::new("run-unknown-bot")
                        .with("name", name.as_str())
                        .with("valid", bots::NAMES.join(", ")),
                )
            })?,
    };
    Ok(Prepared {
        scenario,
        scenario_path,
        policy,
        driver,
        request: req.clone(),
    })
}

/// Simulates a prepared run to its end, scores it and builds the record.
pub fn execute(p: Prepared) -> Session {
    execute_with(p, &Default::default())
}

/// [`execute`] with headless options: `explore` caps the simulated time (a
/// run that never ends) and samples no track.
pub fn execute_with(mut p: Prepared, options: &crate::sim::headless::RunOptions) -> Session {
    let started_at = now_rfc3339();
    let req = &p.request;
    let setup = SimSetup {
        scenario: p.scenario.scenario.clone(),
        policy: p.policy.policy.clone(),
        seed: req.seed,
    };
    let result = crate::sim::headless::run(setup, p.driver.as_mut(), options);
    let end = result.end;
    let duration = result.ticks as f32 / crate::events::TICK_HZ as f32;
    let score = Some(crate::scoring::score(&result.log, &p.policy.policy));
    let record = SessionRecord {
        format: FORMAT_VERSION,
        trainee: req.trainee.clone(),
        scenario: p.scenario.scenario.id.clone(),
        scenario_hash: sha256_hex(p.scenario.source.as_bytes()),
        policy: p.policy.policy.id.clone(),
        policy_hash: sha256_hex(p.policy.source.as_bytes()),
        seed: req.seed,
        lang: req.lang,
        started_at,
        duration,
        end: Some(end),
        events: result.log,
        track: result.track,
        score,
    };
    Session {
        record,
        ticks: result.ticks,
        driver: req.driver.label(),
    }
}

/// Loads and runs a request.
pub fn run(req: &RunRequest) -> Result<Session, RunError> {
    prepare(req).map(execute)
}

/// The default session path: `sessions/<trainee>-<scenario>-<seed>.ron`.
pub fn default_out(trainee: &str, scenario: &str, seed: u64) -> PathBuf {
    let clean: String = trainee
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    Path::new("sessions").join(format!("{clean}-{scenario}-{seed}.ron"))
}

/// How a session ended, in words.
pub fn end_text(end: Option<EndReason>) -> &'static str {
    match end {
        Some(EndReason::ObjectivesMet) => "objectives met",
        Some(EndReason::TimeLimit) => "time limit",
        Some(EndReason::OfficerDown) => "officer down",
        Some(EndReason::SubjectsGone) => "subjects gone",
        Some(EndReason::Stopped) => "stopped",
        None => "in progress",
    }
}

/// What became of each subject (by id, in the given order), from the log, as
/// a message: `("driver", "in custody, unhurt")` in English.
pub fn outcomes(record: &SessionRecord, subjects: &[String]) -> Vec<(String, crate::i18n::Msg)> {
    use crate::i18n::Msg;
    let mut out: Vec<(String, Msg)> = Vec::new();
    // (handcuffed, escaped, worst health, searched)
    let mut state: std::collections::BTreeMap<String, (bool, bool, crate::domain::Health, bool)> =
        Default::default();
    for e in record.events.iter() {
        match &e.kind {
            EventKind::Restrained { subject, .. } => {
                state.entry(subject.clone()).or_default().0 = true
            }
            EventKind::Searched { subject, .. } => {
                state.entry(subject.clone()).or_default().3 = true
            }
            EventKind::Escaped { subject } => state.entry(subject.clone()).or_default().1 = true,
            EventKind::Injured { who, health, .. } => {
                let s = state.entry(who.clone()).or_default();
                s.2 = s.2.max(*health);
            }
            _ => {}
        }
    }
    for id in subjects {
        let (custody, escaped, health, searched) = state.get(id).copied().unwrap_or_default();
        // Custody is handcuffed and searched (the `custody` goal): say what is missing.
        let what = if escaped {
            "outcome-state-escaped"
        } else if custody && searched {
            "outcome-state-in_custody"
        } else if custody {
            "outcome-state-cuffed_not_searched"
        } else {
            "outcome-state-free"
        };
        let hurt = match health {
            crate::domain::Health::Unhurt => "outcome-health-unhurt",
            crate::domain::Health::Minor => "outcome-health-minor",
            crate::domain::Health::Serious => "outcome-health-serious",
            crate::domain::Health::Dead => "outcome-health-dead",
        };
        let m = Msg::new("outcome-summary")
            .with("state", Msg::new(what))
            .with("health", Msg::new(hurt));
        out.push((id.clone(), m));
    }
    out
}
