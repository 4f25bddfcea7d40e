//! The policy file format (RON, assets/policies/): the continuum, the rules with
//! their weights and citations, the pass mark and jurisdiction settings.
//! Rule ids are implemented in `src/scoring/rules/`; a policy chooses which apply
//! and what they cost.

use crate::domain::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A whole policy file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// Stable id (`generic`, `us_iacp`, `kz`).
    pub id: String,
    /// Name shown in menus.
    pub name: LocalizedText,
    /// Where it applies and what it rests on.
    #[serde(default)]
    pub description: LocalizedText,
    /// Largest proportional force option for each perceived resistance level.
    pub continuum: Vec<ContinuumStep>,
    /// Level of each force option; options not listed take the generic level.
    #[serde(default)]
    pub force_options: BTreeMap<ForceOption, ForceLevel>,
    /// Adjustments to the allowed level by circumstance.
    #[serde(default)]
    pub modifiers: Vec<Modifier>,
    /// Groups protected from special means or firearms.
    #[serde(default)]
    pub protected_groups: Option<ProtectedGroups>,
    /// The rules scored, by id.
    pub rules: Vec<Rule>,
    /// Weight of each category in the total (normalised by their sum).
    #[serde(default = "CategoryWeights::equal")]
    pub category_weights: CategoryWeights,
    /// Total (0..100) needed to pass.
    pub pass_mark: f32,
    /// Attesting witnesses, where the law asks for them.
    #[serde(default)]
    pub witnesses: Option<WitnessRules>,
    /// Personal search by an officer of the same sex, where the law asks for it.
    #[serde(default)]
    pub same_sex_search: Option<Citation>,
    /// How a subject's escape is judged once the trainee radioed it.
    #[serde(default)]
    pub escape: EscapeRules,
}

/// How an escape counts against custody. The subject is not in custody either
/// way, so a custody objective still fails; what the policy decides is how much
/// of the `outcome.custody` breach a broadcast (`radio(broadcast_escape)`:
/// description and direction, so other units contain the area) answers.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EscapeRules {
    /// Share (0..1) of the custody breach that stands after a broadcast:
    /// 1 gives the broadcast no credit, 0 lets it answer the breach whole.
    #[serde(default = "EscapeRules::default_share")]
    pub broadcast_share: f32,
}

impl EscapeRules {
    fn default_share() -> f32 {
        0.5
    }
}

impl Default for EscapeRules {
    fn default() -> Self {
        Self {
            broadcast_share: Self::default_share(),
        }
    }
}

/// One step of the continuum.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContinuumStep {
    /// Perceived resistance.
    pub resistance: ResistanceLevel,
    /// Largest proportional response.
    pub max_force: ForceLevel,
}

/// Circumstances that raise or lower the allowed force.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Modifier {
    /// When it applies.
    pub when: Circumstance,
    /// Levels to add (positive) or remove (negative).
    pub shift: i8,
    /// Why, in plain words.
    #[serde(default)]
    pub reason: LocalizedText,
}

/// Circumstances a modifier can name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Circumstance {
    /// The subject has a weapon in view.
    WeaponVisible,
    /// The subject has a firearm in view.
    FirearmVisible,
    /// The subject is within this many meters.
    Closer(f32),
    /// The officer is alone with the subject.
    OfficerAlone,
    /// Officers outnumber the subject by at least this many.
    OfficersOutnumber(u32),
    /// Several subjects act together (group attack).
    GroupAttack,
    /// The subject is restrained.
    Restrained,
    /// The officer is injured.
    OfficerInjured,
}

/// Protected groups (Kazakh Law on Law Enforcement Service 2011, arts. 60(2), 61(2)).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProtectedGroups {
    /// No special means (OC, baton, CEW) against these.
    #[serde(default)]
    pub no_special_means: Vec<Group>,
    /// No firearm against these.
    #[serde(default)]
    pub no_firearm: Vec<Group>,
    /// Except in these circumstances.
    #[serde(default)]
    pub except: Vec<Exception>,
    /// Where the ban on special means is written.
    pub special_means_citation: Citation,
    /// Where the ban on firearms is written.
    pub firearm_citation: Citation,
}

/// A protected group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// Women.
    Women,
    /// Persons with an obvious disability.
    VisiblyDisabled,
    /// Young children.
    YoungChildren,
    /// Minors whose age is known or obvious.
    Minors,
}

/// Exceptions to the protected-group bans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Exception {
    /// An armed attack.
    ArmedAttack,
    /// A group attack.
    GroupAttack,
    /// An attack that threatens life.
    LifeThreatening,
}

/// One scored rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Stable id, implemented in `src/scoring/rules/` (e.g. `force.proportionality`).
    pub id: String,
    /// Category it counts toward.
    pub category: Category,
    /// Points per finding (deducted for a breach, added for credit).
    pub weight: f32,
    /// How serious a breach is; `critical` fails the session whatever the total.
    #[serde(default)]
    pub severity: Severity,
    /// The source: article, policy section or case.
    pub citation: Citation,
    /// What the rule asks, in plain words.
    pub text: LocalizedText,
}

/// Score categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Use of force.
    Force,
    /// Officer safety.
    OfficerSafety,
    /// Procedure and law.
    Procedure,
    /// Outcome.
    Outcome,
}

impl Category {
    /// All categories, in score-card order.
    pub const ALL: [Category; 4] = [
        Category::Force,
        Category::OfficerSafety,
        Category::Procedure,
        Category::Outcome,
    ];

    /// The name used in files.
    pub fn key(self) -> &'static str {
        match self {
            Category::Force => "force",
            Category::OfficerSafety => "officer_safety",
            Category::Procedure => "procedure",
            Category::Outcome => "outcome",
        }
    }
}

/// Severity of a breach.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Credit or advice.
    Minor,
    /// A real error.
    #[default]
    Major,
    /// Fails the session whatever the total (an unjustified shooting).
    Critical,
}

/// Category weights in the total.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryWeights {
    /// Use of force.
    pub force: f32,
    /// Officer safety.
    pub officer_safety: f32,
    /// Procedure and law.
    pub procedure: f32,
    /// Outcome.
    pub outcome: f32,
}

impl CategoryWeights {
    /// All four categories count the same.
    pub fn equal() -> Self {
        CategoryWeights {
            force: 1.0,
            officer_safety: 1.0,
            procedure: 1.0,
            outcome: 1.0,
        }
    }

    /// The weight of one category.
    pub fn get(&self, c: Category) -> f32 {
        match c {
            Category::Force => self.force,
            Category::OfficerSafety => self.officer_safety,
            Category::Procedure => self.procedure,
            Category::Outcome => self.outcome,
        }
    }
}

/// Where a rule is written: the article, policy section or case, as a cadet
/// reads it in their language. In a file it is either one string (the same in
/// every language: `"Graham v. Connor, 490 U.S. 386 (1989)"`) or a text in
/// several languages (`{"en": "...", "ru": "...", "kk": "..."}`, `en` required),
/// so that a Russian or Kazakh debrief names the law in its own language.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Citation(pub LocalizedText);

impl Citation {
    /// The citation in `lang`, falling back to English.
    pub fn get(&self, lang: Lang) -> &str {
        self.0.get(lang)
    }

    /// Whether the file gave it in `lang` itself (not by falling back).
    pub fn has(&self, lang: Lang) -> bool {
        self.0.0.contains_key(lang.code())
    }
}

/// Reads as the English text, the one every citation has (kept so that code
/// written when a citation was a plain string still reads it).
impl std::ops::Deref for Citation {
    type Target = str;
    fn deref(&self) -> &str {
        self.0.get(Lang::En)
    }
}

impl From<&str> for Citation {
    fn from(s: &str) -> Self {
        Citation(LocalizedText::en(s))
    }
}

impl From<String> for Citation {
    fn from(s: String) -> Self {
        Citation(LocalizedText::en(s))
    }
}

impl Serialize for Citation {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // English only: written back as the plain string it most often was.
        match (self.0.0.len(), self.0.0.get("en")) {
            (1, Some(en)) => s.serialize_str(en),
            _ => self.0.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Citation {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Citation;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(
                    "a citation: a string, or a text in several languages {\"en\": \"...\", \"ru\": \"...\", \"kk\": \"...\"}",
                )
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Citation, E> {
                Ok(Citation::from(v))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Citation, E> {
                Ok(Citation::from(v))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut m: A,
            ) -> Result<Citation, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((k, v)) = m.next_entry::<String, String>()? {
                    out.insert(k, v);
                }
                Ok(Citation(LocalizedText(out)))
            }
        }
        d.deserialize_any(V)
    }
}

/// Attesting-witness rules (Kazakh CPC 2014, arts. 82, 90, 197, 255).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WitnessRules {
    /// At least this many present.
    pub min_count: u32,
    /// Procedures that need them.
    pub required_for: Vec<WitnessedProcedure>,
    /// Who may not serve.
    pub ineligible: Vec<crate::scenario::schema::WitnessEligibility>,
    /// The same witness may not serve in two arrests.
    #[serde(default)]
    pub no_reuse: bool,
    /// Where it is written.
    pub citation: Citation,
}

/// Procedures that may need witnesses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WitnessedProcedure {
    /// Personal search.
    PersonalSearch,
    /// Vehicle search.
    VehicleSearch,
    /// Arrest of a suspected drug dealer.
    DrugArrest,
    /// Seizing and sealing evidence.
    Seizure,
}
