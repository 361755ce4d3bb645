//! Whole-model validation: the invariants of DESIGN.md section 2, checked on every
//! imported or stored model before it is shown, and (one entity at a time) by the
//! commands in [`crate::model::commands`] before they change anything.
//!
//! # What is checked
//!
//! - **Ids**: every id (entities, cost lines, weighted criteria and the model itself)
//!   is non-empty, at most [`MAX_ID_LENGTH`] characters, has no surrounding
//!   whitespace or control characters, and is unique across the whole model. A
//!   tombstone's id must not be the id of anything live.
//! - **Texts**: titles and names are required (non-empty after trimming); every text
//!   has a generous maximum length so that a hostile file is refused instead of
//!   slowing down or breaking the views.
//! - **Ranges**: every score, rating and setting stays in the range the method gives
//!   it (the `*_RANGE` constants below, which the UI may also use for its inputs);
//!   floating point values are finite; money is neither negative nor absurdly large.
//! - **References**: every `*_id` and `*_ids` field names a live entity of the right
//!   kind; link lists hold no duplicates; initiative dependencies form no cycle.
//!
//! # Design
//!
//! Violations are data ([`ViolationKind`]), never text, so the UI can say them in the
//! user's language; each one carries a JSON path starting at `model`, such as
//! `model.initiatives[3].goal_contributions[0].goal_id`. Map keys are written in
//! brackets with quotes: `model.settings.it_budget_cents_per_quarter["2026-Q1"]`.
//!
//! Validation is linear in the size of the model: one hash index of all ids is built,
//! and paths are only formatted when something is wrong (the field checks take a
//! closure that builds the path), because a 5,000-initiative model must validate in
//! milliseconds. No check can panic on any input: there is no indexing, no unwrap and
//! no arithmetic that can overflow.
//!
//! The per-entity checks (`validate_person`, `validate_initiative`, ...) are public so
//! that commands can check the one entity they change. They check the entity's own
//! fields and the existence of what it references through an [`EntityLookup`]; they do
//! not check that its ids are unique in the model or that dependencies are acyclic,
//! because both need the whole model and the commands check them more cheaply.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::Hash;
use std::ops::RangeInclusive;

use super::types::*;

/// Where in a model a violation sits, as a JSON path such as
/// `model.initiatives[3].goal_contributions[0].goal_id`.
pub type ModelPath = String;

// ---------------------------------------------------------------------------------
// Limits. Ranges come from DESIGN.md; lengths and counts are generous bounds whose
// only purpose is to refuse hostile or corrupted files.
// ---------------------------------------------------------------------------------

/// Ids are UUIDs (36 characters) when made by bitalign; other tools' ids are kept in
/// `external_id`, so 200 characters leaves ample room for hand-made ids.
pub const MAX_ID_LENGTH: usize = 200;
/// Titles, names, vendors, organization, external ids, criterion names.
pub const MAX_TITLE_LENGTH: usize = 500;
/// Short labels: tags, units, renamed quadrant labels.
pub const MAX_LABEL_LENGTH: usize = 100;
/// Descriptions, statements, notes, decisions, next steps, data sources.
pub const MAX_TEXT_LENGTH: usize = 10_000;
/// The longest e-mail address RFC 5321 allows in practice.
pub const MAX_EMAIL_LENGTH: usize = 254;
/// Tags per goal or initiative.
pub const MAX_TAG_COUNT: usize = 100;
/// Entries of free text lists: decisions, next steps, participant names.
pub const MAX_TEXT_LIST_LENGTH: usize = 1_000;
/// Weighted scoring criteria of a model; more than this is not a scoring scheme a
/// small company can fill in.
pub const MAX_WEIGHTED_CRITERIA: usize = 50;
/// Money amounts, in cents: 100 billion units of the currency. The bound keeps every
/// sum the formulas build over a model far away from `i64` overflow.
pub const MAX_MONEY_CENTS: MoneyCents = 10_000_000_000_000;
/// Person-days of one initiative and capacity per quarter (about 4,000 person-years).
pub const MAX_PERSON_DAYS: u32 = 1_000_000;
/// How many dependency cycles one validation run reports at most. A hostile file can
/// hold a number of cycles that is quadratic in its size; a hundred is enough to
/// show that something is wrong.
pub const MAX_REPORTED_CYCLES: usize = 100;

/// Goal weight (importance).
pub const GOAL_WEIGHT_RANGE: RangeInclusive<u8> = 1..=5;
/// Strength of an initiative's contribution to a goal: 1 weak, 2 medium, 3 strong.
pub const CONTRIBUTION_STRENGTH_RANGE: RangeInclusive<u8> = 1..=3;
/// Value, effort, time criticality and risk reduction of an initiative.
pub const SCORE_RANGE: RangeInclusive<u8> = 1..=10;
/// Risk of an initiative.
pub const RISK_RANGE: RangeInclusive<u8> = 1..=5;
/// RICE confidence in percent.
pub const CONFIDENCE_PERCENT_RANGE: RangeInclusive<u8> = 0..=100;
/// Score of an initiative on one weighted criterion.
pub const CRITERION_SCORE_RANGE: RangeInclusive<u8> = 1..=5;
/// Weight of a weighted criterion.
pub const CRITERION_WEIGHT_RANGE: RangeInclusive<u8> = 0..=100;
/// Current and target maturity of a capability.
pub const MATURITY_RANGE: RangeInclusive<u8> = 1..=5;
/// Business fit and technical fit of a system (TIME).
pub const FIT_RANGE: RangeInclusive<u8> = 1..=10;
/// Quality rating of a data object.
pub const DATA_QUALITY_RANGE: RangeInclusive<u8> = 1..=5;
/// Review ratings (user acceptance, technical debt, security posture) and Luftman
/// maturity levels.
pub const REVIEW_RATING_RANGE: RangeInclusive<u8> = 1..=5;
/// Duration of an initiative in quarters; 0 is a milestone. Five years is the upper
/// bound: a longer programme should be split into initiatives a review can steer, and
/// the bound keeps the roadmap's and the capacity spreading's arithmetic small.
pub const DURATION_QUARTERS_RANGE: RangeInclusive<u8> = 0..=20;
/// Roadmap horizon in quarters.
pub const ROADMAP_HORIZON_RANGE: RangeInclusive<u8> = 4..=12;
/// Useful life of one-time cost in years.
pub const USEFUL_LIFE_YEARS_RANGE: RangeInclusive<u8> = 1..=30;
/// Quadrant threshold on the 1-10 value and effort scales.
pub const QUADRANT_THRESHOLD_RANGE: RangeInclusive<f64> = 1.0..=10.0;
/// Capacity in person-days per quarter, when planned.
pub const CAPACITY_RANGE: RangeInclusive<u32> = 1..=MAX_PERSON_DAYS;
/// Planned effort of an initiative in person-days.
pub const EFFORT_PERSON_DAYS_RANGE: RangeInclusive<u32> = 0..=MAX_PERSON_DAYS;
/// WIP limit (initiatives per quarter), when set.
pub const WIP_LIMIT_RANGE: RangeInclusive<u32> = 1..=10_000;
/// Participants of a workshop session. Zero is allowed so that a session can be
/// created before people join.
pub const WORKSHOP_PARTICIPANT_COUNT_RANGE: RangeInclusive<u16> = 0..=500;
/// Dots each workshop participant may place.
pub const DOTS_PER_PARTICIPANT_RANGE: RangeInclusive<u8> = 1..=50;
/// Alignment coverage in a review's snapshot, in percent.
pub const COVERAGE_PERCENT_RANGE: RangeInclusive<f64> = 0.0..=100.0;

// ---------------------------------------------------------------------------------
// Violations
// ---------------------------------------------------------------------------------

/// What is wrong at a place in the model. Kept as data, not text, so the UI can say
/// it in the user's language. The field concerned is the last segment of the path.
#[derive(Debug, Clone, PartialEq)]
pub enum ViolationKind {
    /// An id is empty or only whitespace.
    EmptyId,
    /// An id has leading or trailing whitespace or a control character.
    MalformedId,
    /// An id is used a second time; `first_path` is where it was first used.
    DuplicateId { id: EntityId, first_path: ModelPath },
    /// A tombstone names an id that is still in use.
    TombstonedIdInUse { id: EntityId },
    /// A required title or name is empty after trimming whitespace.
    EmptyRequiredText,
    /// A text (or id) is longer than allowed; lengths count characters.
    TooLong { length: usize, max_length: usize },
    /// A list holds more entries than allowed.
    TooManyEntries { count: usize, max_count: usize },
    /// A number is outside its range (inclusive bounds).
    OutOfRange { value: f64, min: f64, max: f64 },
    /// A floating point number is NaN or infinite.
    NotFinite,
    /// A money amount is negative.
    NegativeMoney { cents: MoneyCents },
    /// A money amount is above [`MAX_MONEY_CENTS`].
    MoneyTooLarge {
        cents: MoneyCents,
        max_cents: MoneyCents,
    },
    /// A RICE impact is not one of [`RICE_IMPACT_VALUES`].
    InvalidRiceImpact { value: f64 },
    /// A currency is not three uppercase ASCII letters (ISO 4217 form).
    InvalidCurrency { code: String },
    /// An e-mail address is not of the form `local@domain` without spaces.
    InvalidEmail,
    /// A reference names no live entity.
    DanglingReference {
        expected_kind: EntityKind,
        id: EntityId,
    },
    /// A reference names an entity of another kind than the field expects.
    WrongReferenceKind {
        expected_kind: EntityKind,
        actual_kind: EntityKind,
        id: EntityId,
    },
    /// A link list (or a list keyed by an entity, such as KPI actuals) names the same
    /// entity twice.
    DuplicateLink { id: EntityId },
    /// A person holds the same role twice.
    DuplicateRole { role: PersonRole },
    /// A workshop participant voted twice on the same target.
    DuplicateVote {
        participant_number: u16,
        target_id: EntityId,
    },
    /// A workshop participant placed more dots than the session allows.
    TooManyDots {
        participant_number: u16,
        dots: u32,
        available: u8,
    },
    /// A weighted criterion score names a criterion the settings do not have.
    UnknownCriterion { criterion_id: EntityId },
    /// An initiative depends on itself.
    SelfDependency,
    /// Initiatives depend on each other in a cycle. Each initiative in the list
    /// depends on the next, and the last depends on the first; the first is the one
    /// whose dependency the path points at.
    DependencyCycle { initiative_ids: Vec<EntityId> },
    /// A KPI has two measurements for one quarter.
    DuplicateMeasurementQuarter { quarter: Quarter },
    /// A KPI's measurements are not sorted by quarter; this one comes after a later
    /// quarter.
    MeasurementsOutOfOrder { quarter: Quarter },
}

/// One broken invariant at one place.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelViolation {
    pub path: ModelPath,
    pub kind: ViolationKind,
}

impl fmt::Display for ViolationKind {
    /// Plain English for logs and test failures; the UI translates the data instead.
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ViolationKind::EmptyId => write!(formatter, "the id is empty"),
            ViolationKind::MalformedId => write!(
                formatter,
                "the id has surrounding whitespace or a control character"
            ),
            ViolationKind::DuplicateId { id, first_path } => {
                write!(formatter, "the id `{id}` is already used at {first_path}")
            }
            ViolationKind::TombstonedIdInUse { id } => {
                write!(formatter, "the deleted id `{id}` is still in use")
            }
            ViolationKind::EmptyRequiredText => write!(formatter, "the text is required"),
            ViolationKind::TooLong { length, max_length } => write!(
                formatter,
                "the text has {length} characters, at most {max_length} are allowed"
            ),
            ViolationKind::TooManyEntries { count, max_count } => write!(
                formatter,
                "the list has {count} entries, at most {max_count} are allowed"
            ),
            ViolationKind::OutOfRange { value, min, max } => {
                write!(formatter, "{value} is outside the range {min} to {max}")
            }
            ViolationKind::NotFinite => write!(formatter, "the number is not finite"),
            ViolationKind::NegativeMoney { cents } => {
                write!(formatter, "the amount {cents} cents is negative")
            }
            ViolationKind::MoneyTooLarge { cents, max_cents } => write!(
                formatter,
                "the amount {cents} cents is above the maximum of {max_cents} cents"
            ),
            ViolationKind::InvalidRiceImpact { value } => write!(
                formatter,
                "the RICE impact {value} is not one of 0.25, 0.5, 1, 2, 3"
            ),
            ViolationKind::InvalidCurrency { code } => write!(
                formatter,
                "the currency `{code}` is not three uppercase letters"
            ),
            ViolationKind::InvalidEmail => write!(formatter, "the e-mail address is not valid"),
            ViolationKind::DanglingReference { expected_kind, id } => {
                write!(formatter, "no {expected_kind:?} has the id `{id}`")
            }
            ViolationKind::WrongReferenceKind {
                expected_kind,
                actual_kind,
                id,
            } => write!(
                formatter,
                "`{id}` is a {actual_kind:?}, but a {expected_kind:?} is expected"
            ),
            ViolationKind::DuplicateLink { id } => {
                write!(formatter, "`{id}` is listed more than once")
            }
            ViolationKind::DuplicateRole { role } => {
                write!(formatter, "the role {role:?} is listed more than once")
            }
            ViolationKind::DuplicateVote {
                participant_number,
                target_id,
            } => write!(
                formatter,
                "participant {participant_number} voted more than once on `{target_id}`"
            ),
            ViolationKind::TooManyDots {
                participant_number,
                dots,
                available,
            } => write!(
                formatter,
                "participant {participant_number} placed {dots} dots, only {available} are available"
            ),
            ViolationKind::UnknownCriterion { criterion_id } => write!(
                formatter,
                "`{criterion_id}` is not a weighted criterion of the model"
            ),
            ViolationKind::SelfDependency => {
                write!(formatter, "the initiative depends on itself")
            }
            ViolationKind::DependencyCycle { initiative_ids } => write!(
                formatter,
                "the dependencies form a cycle: {}",
                initiative_ids.join(" -> ")
            ),
            ViolationKind::DuplicateMeasurementQuarter { quarter } => {
                write!(formatter, "there is more than one measurement for {quarter}")
            }
            ViolationKind::MeasurementsOutOfOrder { quarter } => write!(
                formatter,
                "the measurement for {quarter} comes after a later quarter"
            ),
        }
    }
}

impl fmt::Display for ModelViolation {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{}: {}", self.path, self.kind)
    }
}

// ---------------------------------------------------------------------------------
// Where ids live, and looking them up
// ---------------------------------------------------------------------------------

/// The name of the model field that holds the entities of a kind, as used in paths
/// and in the JSON file (`initiatives`, `spend_items`, ...).
pub fn collection_field_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "people",
        EntityKind::Goal => "goals",
        EntityKind::Kpi => "kpis",
        EntityKind::BusinessProcess => "processes",
        EntityKind::Capability => "capabilities",
        EntityKind::DataObject => "data_objects",
        EntityKind::Initiative => "initiatives",
        EntityKind::SpendItem => "spend_items",
        EntityKind::Review => "reviews",
        EntityKind::WorkshopSession => "workshop_sessions",
    }
}

/// The path of the entity at `index` of the collection of `kind`, such as
/// `model.initiatives[3]`.
pub fn entity_path(kind: EntityKind, index: usize) -> ModelPath {
    format!("model.{}[{index}]", collection_field_name(kind))
}

/// Where an id is defined in a model. Kept small and cheap to copy, and turned into
/// a [`ModelPath`] only when a violation needs one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdLocation {
    /// `model.id`.
    Model,
    /// `model.settings.weighted_criteria[index].id`.
    Criterion { index: usize },
    /// The id of the entity at `index` of the collection of `kind`.
    Entity { kind: EntityKind, index: usize },
    /// A cost line of the initiative or spend item at `index`.
    CostLine {
        kind: EntityKind,
        index: usize,
        line_index: usize,
    },
}

impl IdLocation {
    /// The JSON path of the id field.
    pub fn path(self) -> ModelPath {
        match self {
            IdLocation::Model => "model.id".to_string(),
            IdLocation::Criterion { index } => {
                format!("model.settings.weighted_criteria[{index}].id")
            }
            IdLocation::Entity { kind, index } => format!("{}.id", entity_path(kind, index)),
            IdLocation::CostLine {
                kind,
                index,
                line_index,
            } => format!("{}.cost_lines[{line_index}].id", entity_path(kind, index)),
        }
    }

    /// The kind of entity this id names, when it is an entity's own id (cost lines,
    /// criteria and the model are not entities a link may point at).
    pub fn entity_kind(self) -> Option<EntityKind> {
        match self {
            IdLocation::Entity { kind, .. } => Some(kind),
            _ => None,
        }
    }
}

/// Calls `visit` for every id that is in use in the model, in model order: the model
/// id, the weighted criteria, then every entity (an initiative's or spend item's cost
/// lines right after it). Tombstones are not visited: their ids are not in use.
pub fn for_each_live_id<'model>(
    model: &'model Model,
    mut visit: impl FnMut(&'model str, IdLocation),
) {
    visit(&model.id, IdLocation::Model);
    for (index, criterion) in model.settings.weighted_criteria.iter().enumerate() {
        visit(&criterion.id, IdLocation::Criterion { index });
    }
    fn visit_all<'model, E>(
        entities: &'model [E],
        kind: EntityKind,
        id_of: impl Fn(&'model E) -> &'model str,
        visit: &mut impl FnMut(&'model str, IdLocation),
    ) {
        for (index, entity) in entities.iter().enumerate() {
            visit(id_of(entity), IdLocation::Entity { kind, index });
        }
    }
    fn visit_costed<'model, E>(
        entities: &'model [E],
        kind: EntityKind,
        id_and_lines: impl Fn(&'model E) -> (&'model str, &'model [CostLine]),
        visit: &mut impl FnMut(&'model str, IdLocation),
    ) {
        for (index, entity) in entities.iter().enumerate() {
            let (id, cost_lines) = id_and_lines(entity);
            visit(id, IdLocation::Entity { kind, index });
            for (line_index, cost_line) in cost_lines.iter().enumerate() {
                visit(
                    &cost_line.id,
                    IdLocation::CostLine {
                        kind,
                        index,
                        line_index,
                    },
                );
            }
        }
    }
    visit_all(&model.people, EntityKind::Person, |e| &e.id, &mut visit);
    visit_all(&model.goals, EntityKind::Goal, |e| &e.id, &mut visit);
    visit_all(&model.kpis, EntityKind::Kpi, |e| &e.id, &mut visit);
    visit_all(
        &model.processes,
        EntityKind::BusinessProcess,
        |e| &e.id,
        &mut visit,
    );
    visit_all(
        &model.capabilities,
        EntityKind::Capability,
        |e| &e.id,
        &mut visit,
    );
    visit_all(
        &model.data_objects,
        EntityKind::DataObject,
        |e| &e.id,
        &mut visit,
    );
    visit_costed(
        &model.initiatives,
        EntityKind::Initiative,
        |e| (&e.id, &e.cost_lines),
        &mut visit,
    );
    visit_costed(
        &model.spend_items,
        EntityKind::SpendItem,
        |e| (&e.id, &e.cost_lines),
        &mut visit,
    );
    visit_all(&model.reviews, EntityKind::Review, |e| &e.id, &mut visit);
    visit_all(
        &model.workshop_sessions,
        EntityKind::WorkshopSession,
        |e| &e.id,
        &mut visit,
    );
}

/// Answers "does an entity of this kind with this id exist?" for reference checks.
/// The whole-model validation uses a hash index ([`ModelIndex`]); a command, which
/// checks only a handful of references, uses the model itself and scans only the
/// collection of the expected kind, which is cheaper than building an index.
pub trait EntityLookup {
    /// Whether a live entity of `kind` has this id.
    fn contains(&self, kind: EntityKind, id: &str) -> bool;
    /// The kind of the live entity with this id, if any. Only asked when
    /// [`EntityLookup::contains`] said no, to tell a wrong kind from a missing entity.
    fn kind_of(&self, id: &str) -> Option<EntityKind>;
}

impl EntityLookup for Model {
    fn contains(&self, kind: EntityKind, id: &str) -> bool {
        match kind {
            EntityKind::Person => self.people.iter().any(|entity| entity.id == id),
            EntityKind::Goal => self.goals.iter().any(|entity| entity.id == id),
            EntityKind::Kpi => self.kpis.iter().any(|entity| entity.id == id),
            EntityKind::BusinessProcess => self.processes.iter().any(|entity| entity.id == id),
            EntityKind::Capability => self.capabilities.iter().any(|entity| entity.id == id),
            EntityKind::DataObject => self.data_objects.iter().any(|entity| entity.id == id),
            EntityKind::Initiative => self.initiatives.iter().any(|entity| entity.id == id),
            EntityKind::SpendItem => self.spend_items.iter().any(|entity| entity.id == id),
            EntityKind::Review => self.reviews.iter().any(|entity| entity.id == id),
            EntityKind::WorkshopSession => {
                self.workshop_sessions.iter().any(|entity| entity.id == id)
            }
        }
    }

    fn kind_of(&self, id: &str) -> Option<EntityKind> {
        EntityKind::ALL
            .into_iter()
            .find(|kind| self.contains(*kind, id))
    }
}

/// A hash index of every id in use in a model, for lookups in constant time. Where
/// an id is used twice, the first use (in [`for_each_live_id`] order) wins.
#[derive(Debug, Clone)]
pub struct ModelIndex<'model> {
    live_ids: HashMap<&'model str, IdLocation>,
}

impl<'model> ModelIndex<'model> {
    /// Indexes every id in use in `model`.
    pub fn new(model: &'model Model) -> ModelIndex<'model> {
        ModelIndex::build(model, None)
    }

    /// Where the id is defined, if it is in use.
    pub fn location(&self, id: &str) -> Option<IdLocation> {
        self.live_ids.get(id).copied()
    }

    /// Builds the index and, when asked, reports ids used twice.
    fn build(
        model: &'model Model,
        mut violations: Option<&mut Vec<ModelViolation>>,
    ) -> ModelIndex<'model> {
        let estimated_count = 1
            + model.settings.weighted_criteria.len()
            + EntityKind::ALL
                .into_iter()
                .map(|kind| model.entity_count(kind))
                .sum::<usize>()
            + model
                .initiatives
                .iter()
                .map(|initiative| initiative.cost_lines.len())
                .sum::<usize>()
            + model
                .spend_items
                .iter()
                .map(|spend_item| spend_item.cost_lines.len())
                .sum::<usize>();
        let mut live_ids: HashMap<&'model str, IdLocation> =
            HashMap::with_capacity(estimated_count);
        for_each_live_id(model, |id, location| {
            // Empty ids are reported once as empty; reporting every further empty id
            // as a duplicate as well would only bury the real message.
            if id.trim().is_empty() {
                return;
            }
            match live_ids.entry(id) {
                std::collections::hash_map::Entry::Vacant(vacant) => {
                    vacant.insert(location);
                }
                std::collections::hash_map::Entry::Occupied(occupied) => {
                    if let Some(violations) = violations.as_deref_mut() {
                        violations.push(ModelViolation {
                            path: location.path(),
                            kind: ViolationKind::DuplicateId {
                                id: excerpt(id),
                                first_path: occupied.get().path(),
                            },
                        });
                    }
                }
            }
        });
        ModelIndex { live_ids }
    }
}

impl EntityLookup for ModelIndex<'_> {
    fn contains(&self, kind: EntityKind, id: &str) -> bool {
        self.kind_of(id) == Some(kind)
    }

    fn kind_of(&self, id: &str) -> Option<EntityKind> {
        self.live_ids
            .get(id)
            .and_then(|location| location.entity_kind())
    }
}

/// What the per-entity checks need besides the entity: how to look up references,
/// and the weighted criteria of the model (for the criterion scores of initiatives).
pub struct ValidationContext<'context> {
    lookup: &'context dyn EntityLookup,
    criterion_ids: HashSet<&'context str>,
}

impl<'context> ValidationContext<'context> {
    pub fn new(
        settings: &'context Settings,
        lookup: &'context dyn EntityLookup,
    ) -> ValidationContext<'context> {
        ValidationContext {
            lookup,
            criterion_ids: settings
                .weighted_criteria
                .iter()
                .map(|criterion| criterion.id.as_str())
                .collect(),
        }
    }
}

// ---------------------------------------------------------------------------------
// Whole model
// ---------------------------------------------------------------------------------

/// Every invariant violation in `model`, in model order (ids used twice first, then
/// the model's own fields, the settings, each collection, the tombstones and the
/// dependency cycles); empty when the model is valid.
pub fn validate_model(model: &Model) -> Vec<ModelViolation> {
    let mut violations = Vec::new();
    let index = ModelIndex::build(model, Some(&mut violations));

    check_id(&mut violations, &model.id, &|| "model.id".to_string());
    validate_model_info(
        &model.title,
        &model.organization,
        &model.currency,
        &mut violations,
    );
    for (position, export_id) in model.merged_export_ids.iter().enumerate() {
        let path = || format!("model.merged_export_ids[{position}]");
        check_id(&mut violations, export_id, &path);
    }
    validate_settings(&model.settings, &mut violations);

    let context = ValidationContext::new(&model.settings, &index);
    let violations_out = &mut violations;
    macro_rules! validate_collection {
        ($collection:ident, $kind:expr, $validate:ident) => {
            for (position, entity) in model.$collection.iter().enumerate() {
                let path = entity_path($kind, position);
                $validate(entity, &path, &context, violations_out);
            }
        };
    }
    validate_collection!(people, EntityKind::Person, validate_person);
    validate_collection!(goals, EntityKind::Goal, validate_goal);
    validate_collection!(kpis, EntityKind::Kpi, validate_kpi);
    validate_collection!(
        processes,
        EntityKind::BusinessProcess,
        validate_business_process
    );
    validate_collection!(capabilities, EntityKind::Capability, validate_capability);
    validate_collection!(data_objects, EntityKind::DataObject, validate_data_object);
    validate_collection!(initiatives, EntityKind::Initiative, validate_initiative);
    validate_collection!(spend_items, EntityKind::SpendItem, validate_spend_item);
    validate_collection!(reviews, EntityKind::Review, validate_review);
    validate_collection!(
        workshop_sessions,
        EntityKind::WorkshopSession,
        validate_workshop_session
    );

    validate_tombstones(model, &index, &mut violations);
    find_dependency_cycles(model, &mut violations);
    violations
}

/// Checks the model-level fields a user edits: title (required), organization and
/// currency (three uppercase ASCII letters). Paths are `model.title` and so on.
pub fn validate_model_info(
    title: &str,
    organization: &str,
    currency: &str,
    violations: &mut Vec<ModelViolation>,
) {
    check_required_text(violations, title, MAX_TITLE_LENGTH, &|| {
        "model.title".to_string()
    });
    check_text(violations, organization, MAX_TITLE_LENGTH, &|| {
        "model.organization".to_string()
    });
    let is_currency_code =
        currency.len() == 3 && currency.bytes().all(|byte| byte.is_ascii_uppercase());
    if !is_currency_code {
        violations.push(ModelViolation {
            path: "model.currency".to_string(),
            kind: ViolationKind::InvalidCurrency {
                code: excerpt(currency),
            },
        });
    }
}

/// Checks the settings' own fields (paths start with `model.settings`). That the
/// criterion ids are unique in the model is checked with all other ids.
pub fn validate_settings(settings: &Settings, violations: &mut Vec<ModelViolation>) {
    const PATH: &str = "model.settings";
    if let Some(capacity) = settings.capacity_person_days_per_quarter {
        check_range(violations, capacity, CAPACITY_RANGE, &|| {
            format!("{PATH}.capacity_person_days_per_quarter")
        });
    }
    if let Some(budget) = settings.it_budget_cents_per_year {
        check_money(violations, budget, &|| {
            format!("{PATH}.it_budget_cents_per_year")
        });
    }
    for (quarter, budget) in &settings.it_budget_cents_per_quarter {
        check_money(violations, *budget, &|| {
            format!("{PATH}.it_budget_cents_per_quarter[\"{quarter}\"]")
        });
    }
    if let Some(wip_limit) = settings.wip_limit {
        check_range(violations, wip_limit, WIP_LIMIT_RANGE, &|| {
            format!("{PATH}.wip_limit")
        });
    }
    check_money(violations, settings.large_spend_threshold_cents, &|| {
        format!("{PATH}.large_spend_threshold_cents")
    });
    check_range(
        violations,
        settings.useful_life_years,
        USEFUL_LIFE_YEARS_RANGE,
        &|| format!("{PATH}.useful_life_years"),
    );
    check_float_range(
        violations,
        settings.quadrant_threshold,
        QUADRANT_THRESHOLD_RANGE,
        &|| format!("{PATH}.quadrant_threshold"),
    );
    let labels = &settings.quadrant_labels;
    for (field, label) in [
        ("quick_win", &labels.quick_win),
        ("platform_topic", &labels.platform_topic),
        ("fill_in", &labels.fill_in),
        ("time_sink", &labels.time_sink),
    ] {
        if let Some(label) = label {
            check_required_text(violations, label, MAX_LABEL_LENGTH, &|| {
                format!("{PATH}.quadrant_labels.{field}")
            });
        }
    }
    check_count(
        violations,
        settings.weighted_criteria.len(),
        MAX_WEIGHTED_CRITERIA,
        &|| format!("{PATH}.weighted_criteria"),
    );
    for (position, criterion) in settings.weighted_criteria.iter().enumerate() {
        let path = || format!("{PATH}.weighted_criteria[{position}]");
        check_id(violations, &criterion.id, &|| format!("{}.id", path()));
        check_required_text(violations, &criterion.name, MAX_TITLE_LENGTH, &|| {
            format!("{}.name", path())
        });
        check_range(
            violations,
            criterion.weight,
            CRITERION_WEIGHT_RANGE,
            &|| format!("{}.weight", path()),
        );
    }
    check_range(
        violations,
        settings.roadmap_horizon_quarters,
        ROADMAP_HORIZON_RANGE,
        &|| format!("{PATH}.roadmap_horizon_quarters"),
    );
}

/// Tombstone ids must be well formed, unique among tombstones, and not in use.
fn validate_tombstones(
    model: &Model,
    index: &ModelIndex<'_>,
    violations: &mut Vec<ModelViolation>,
) {
    let mut first_position_by_id: HashMap<&str, usize> =
        HashMap::with_capacity(model.tombstones.len());
    for (position, tombstone) in model.tombstones.iter().enumerate() {
        let path = || format!("model.tombstones[{position}].id");
        check_id(violations, &tombstone.id, &path);
        if tombstone.id.trim().is_empty() {
            continue;
        }
        if index.location(&tombstone.id).is_some() {
            violations.push(ModelViolation {
                path: path(),
                kind: ViolationKind::TombstonedIdInUse {
                    id: excerpt(&tombstone.id),
                },
            });
        }
        match first_position_by_id.entry(&tombstone.id) {
            std::collections::hash_map::Entry::Vacant(vacant) => {
                vacant.insert(position);
            }
            std::collections::hash_map::Entry::Occupied(occupied) => {
                violations.push(ModelViolation {
                    path: path(),
                    kind: ViolationKind::DuplicateId {
                        id: excerpt(&tombstone.id),
                        first_path: format!("model.tombstones[{}].id", occupied.get()),
                    },
                });
            }
        }
    }
}

/// Finds dependency cycles between initiatives with one iterative depth-first search
/// (no recursion, so a long dependency chain in a hostile file cannot overflow the
/// stack). Each back edge found is reported once, at the dependency entry that closes
/// the cycle. Self-dependencies are reported by [`validate_initiative`] and skipped
/// here; unknown ids are reported as dangling references and skipped here.
fn find_dependency_cycles(model: &Model, violations: &mut Vec<ModelViolation>) {
    #[derive(Clone, Copy, PartialEq)]
    enum VisitState {
        Unvisited,
        OnStack,
        Finished,
    }

    let initiatives = &model.initiatives;
    let mut position_by_id: HashMap<&str, usize> = HashMap::with_capacity(initiatives.len());
    for (position, initiative) in initiatives.iter().enumerate() {
        position_by_id.entry(&initiative.id).or_insert(position);
    }
    let mut state = vec![VisitState::Unvisited; initiatives.len()];
    let mut stack_depth_of = vec![0usize; initiatives.len()];
    // Each frame is (initiative position, index of the next dependency to follow).
    let mut stack: Vec<(usize, usize)> = Vec::new();
    let mut reported_cycles = 0usize;

    for root in 0..initiatives.len() {
        if state.get(root) != Some(&VisitState::Unvisited) {
            continue;
        }
        if let (Some(root_state), Some(root_depth)) =
            (state.get_mut(root), stack_depth_of.get_mut(root))
        {
            *root_state = VisitState::OnStack;
            *root_depth = 0;
        }
        stack.push((root, 0));

        while let Some(frame) = stack.last_mut() {
            let (node, dependency_index) = *frame;
            let dependencies = initiatives
                .get(node)
                .map_or(&[][..], |initiative| &initiative.depends_on_ids[..]);
            let Some(dependency_id) = dependencies.get(dependency_index) else {
                if let Some(node_state) = state.get_mut(node) {
                    *node_state = VisitState::Finished;
                }
                stack.pop();
                continue;
            };
            frame.1 = dependency_index + 1;
            let Some(&target) = position_by_id.get(dependency_id.as_str()) else {
                continue;
            };
            if target == node {
                continue;
            }
            match state.get(target).copied() {
                Some(VisitState::Unvisited) => {
                    let depth = stack.len();
                    if let (Some(target_state), Some(target_depth)) =
                        (state.get_mut(target), stack_depth_of.get_mut(target))
                    {
                        *target_state = VisitState::OnStack;
                        *target_depth = depth;
                    }
                    stack.push((target, 0));
                }
                Some(VisitState::OnStack) => {
                    if reported_cycles >= MAX_REPORTED_CYCLES {
                        continue;
                    }
                    reported_cycles += 1;
                    // The stack from the target up to (not including) this node is
                    // the rest of the cycle; starting at this node keeps the order
                    // "each depends on the next".
                    let target_depth = stack_depth_of.get(target).copied().unwrap_or(0);
                    let below_node = stack.len().saturating_sub(1);
                    let mut initiative_ids = Vec::with_capacity(
                        below_node.saturating_sub(target_depth).saturating_add(1),
                    );
                    if let Some(initiative) = initiatives.get(node) {
                        initiative_ids.push(initiative.id.clone());
                    }
                    for (member, _) in stack.get(target_depth..below_node).unwrap_or(&[]) {
                        if let Some(initiative) = initiatives.get(*member) {
                            initiative_ids.push(initiative.id.clone());
                        }
                    }
                    violations.push(ModelViolation {
                        path: format!(
                            "{}.depends_on_ids[{dependency_index}]",
                            entity_path(EntityKind::Initiative, node)
                        ),
                        kind: ViolationKind::DependencyCycle { initiative_ids },
                    });
                }
                Some(VisitState::Finished) | None => {}
            }
        }
    }
}

// ---------------------------------------------------------------------------------
// Per entity. `path` is the entity's path, such as `model.initiatives[3]`.
// ---------------------------------------------------------------------------------

/// Checks a person: id, name (required), roles (no duplicates), e-mail.
pub fn validate_person(
    person: &Person,
    path: &str,
    context: &ValidationContext<'_>,
    violations: &mut Vec<ModelViolation>,
) {
    // A person links to nothing, so the context is unused; the parameter keeps the
    // signature the same as every other per-entity check.
    let _ = context;
    check_entity_header(violations, &person.id, &person.external_id, path);
    check_required_text(violations, &person.name, MAX_TITLE_LENGTH, &|| {
        format!("{path}.name")
    });
    for (repeat, _first) in repeated_positions(&person.roles) {
        if let Some(role) = person.roles.get(repeat) {
            violations.push(ModelViolation {
                path: format!("{path}.roles[{repeat}]"),
                kind: ViolationKind::DuplicateRole { role: *role },
            });
        }
    }
    if let Some(email) = &person.email {
        let email_path = || format!("{path}.email");
        if let Some(length) = length_beyond(email, MAX_EMAIL_LENGTH) {
            violations.push(ModelViolation {
                path: email_path(),
                kind: ViolationKind::TooLong {
                    length,
                    max_length: MAX_EMAIL_LENGTH,
                },
            });
        } else if !is_plausible_email(email) {
            violations.push(ModelViolation {
                path: email_path(),
                kind: ViolationKind::InvalidEmail,
            });
        }
    }
}

/// Checks a goal: id, title (required), statement, weight, owner, tags.
pub fn validate_goal(
    goal: &Goal,
    path: &str,
    context: &ValidationContext<'_>,
    violations: &mut Vec<ModelViolation>,
) {
    check_entity_header(violations, &goal.id, &goal.external_id, path);
    check_required_text(violations, &goal.title, MAX_TITLE_LENGTH, &|| {
        format!("{path}.title")
    });
    check_text(violations, &goal.statement, MAX_TEXT_LENGTH, &|| {
        format!("{path}.statement")
    });
    check_range(violations, goal.weight, GOAL_WEIGHT_RANGE, &|| {
        format!("{path}.weight")
    });
    check_optional_reference(
        violations,
        context,
        EntityKind::Person,
        &goal.owner_id,
        &|| format!("{path}.owner_id"),
    );
    check_tags(violations, &goal.tags, path);
}

/// Checks a KPI: id, goal (required, must exist), name (required), unit, baseline and
/// target (finite), measurements (finite, one per quarter, sorted), data source, owner.
pub fn validate_kpi(
    kpi: &Kpi,
    path: &str,
    context: &ValidationContext<'_>,
    violations: &mut Vec<ModelViolation>,
) {
    check_entity_header(violations, &kpi.id, &kpi.external_id, path);
    check_reference(violations, context, EntityKind::Goal, &kpi.goal_id, &|| {
        format!("{path}.goal_id")
    });
    check_required_text(violations, &kpi.name, MAX_TITLE_LENGTH, &|| {
        format!("{path}.name")
    });
    check_text(violations, &kpi.unit, MAX_LABEL_LENGTH, &|| {
        format!("{path}.unit")
    });
    if let Some(baseline) = kpi.baseline {
        check_finite(violations, baseline, &|| format!("{path}.baseline"));
    }
    if let Some(target) = kpi.target {
        check_finite(violations, target, &|| format!("{path}.target"));
    }
    let mut latest_quarter: Option<Quarter> = None;
    let mut seen_quarters: HashSet<Quarter> = HashSet::new();
    for (position, measurement) in kpi.measurements.iter().enumerate() {
        let measurement_path = || format!("{path}.measurements[{position}]");
        check_finite(violations, measurement.value, &|| {
            format!("{}.value", measurement_path())
        });
        check_text(violations, &measurement.note, MAX_TEXT_LENGTH, &|| {
            format!("{}.note", measurement_path())
        });
        let quarter = measurement.quarter;
        if !seen_quarters.insert(quarter) {
            violations.push(ModelViolation {
                path: format!("{}.quarter", measurement_path()),
                kind: ViolationKind::DuplicateMeasurementQuarter { quarter },
            });
        } else if latest_quarter.is_some_and(|latest| quarter < latest) {
            violations.push(ModelViolation {
                path: format!("{}.quarter", measurement_path()),
                kind: ViolationKind::MeasurementsOutOfOrder { quarter },
            });
        }
        latest_quarter = latest_quarter.max(Some(quarter));
    }
    check_text(violations, &kpi.data_source, MAX_TEXT_LENGTH, &|| {
        format!("{path}.data_source")
    });
    check_optional_reference(
        violations,
        context,
        EntityKind::Person,
        &kpi.owner_id,
        &|| format!("{path}.owner_id"),
    );
}

/// Checks a business process: id, name (required), description, owner.
pub fn validate_business_process(
    process: &BusinessProcess,
    path: &str,
    context: &ValidationContext<'_>,
    violations: &mut Vec<ModelViolation>,
) {
    check_entity_header(violations, &process.id, &process.external_id, path);
    check_required_text(violations, &process.name, MAX_TITLE_LENGTH, &|| {
        format!("{path}.name")
    });
    check_text(violations, &process.description, MAX_TEXT_LENGTH, &|| {
        format!("{path}.description")
    });
    check_optional_reference(
        violations,
        context,
        EntityKind::Person,
        &process.owner_id,
        &|| format!("{path}.owner_id"),
    );
}

/// Checks a capability: id, name (required), description, maturities, fits, owner,
/// and its links to goals, processes and data objects.
pub fn validate_capability(
    capability: &Capability,
    path: &str,
    context: &ValidationContext<'_>,
    violations: &mut Vec<ModelViolation>,
) {
    check_entity_header(violations, &capability.id, &capability.external_id, path);
    check_required_text(violations, &capability.name, MAX_TITLE_LENGTH, &|| {
        format!("{path}.name")
    });
    check_text(
        violations,
        &capability.description,
        MAX_TEXT_LENGTH,
        &|| format!("{path}.description"),
    );
    check_range(
        violations,
        capability.current_maturity,
        MATURITY_RANGE,
        &|| format!("{path}.current_maturity"),
    );
    check_range(
        violations,
        capability.target_maturity,
        MATURITY_RANGE,
        &|| format!("{path}.target_maturity"),
    );
    if let Some(fit) = capability.business_fit {
        check_range(violations, fit, FIT_RANGE, &|| {
            format!("{path}.business_fit")
        });
    }
    if let Some(fit) = capability.technical_fit {
        check_range(violations, fit, FIT_RANGE, &|| {
            format!("{path}.technical_fit")
        });
    }
    check_optional_reference(
        violations,
        context,
        EntityKind::Person,
        &capability.owner_id,
        &|| format!("{path}.owner_id"),
    );
    check_link_list(
        violations,
        context,
        EntityKind::Goal,
        &capability.goal_ids,
        path,
        "goal_ids",
    );
    check_link_list(
        violations,
        context,
        EntityKind::BusinessProcess,
        &capability.process_ids,
        path,
        "process_ids",
    );
    check_link_list(
        violations,
        context,
        EntityKind::DataObject,
        &capability.data_object_ids,
        path,
        "data_object_ids",
    );
}

/// Checks a data object: id, name (required), description, data owner, quality.
pub fn validate_data_object(
    data_object: &DataObject,
    path: &str,
    context: &ValidationContext<'_>,
    violations: &mut Vec<ModelViolation>,
) {
    check_entity_header(violations, &data_object.id, &data_object.external_id, path);
    check_required_text(violations, &data_object.name, MAX_TITLE_LENGTH, &|| {
        format!("{path}.name")
    });
    check_text(
        violations,
        &data_object.description,
        MAX_TEXT_LENGTH,
        &|| format!("{path}.description"),
    );
    check_optional_reference(
        violations,
        context,
        EntityKind::Person,
        &data_object.data_owner_id,
        &|| format!("{path}.data_owner_id"),
    );
    if let Some(quality) = data_object.quality_rating {
        check_range(violations, quality, DATA_QUALITY_RANGE, &|| {
            format!("{path}.quality_rating")
        });
    }
}

/// Checks an initiative: id, title (required), description, scores, effort, duration,
/// cost lines, tags, goal contributions, links to capabilities, processes and other
/// initiatives (no self-dependency), owner. Cycles through other initiatives need the
/// whole model and are found by [`validate_model`] or refused by the commands.
pub fn validate_initiative(
    initiative: &Initiative,
    path: &str,
    context: &ValidationContext<'_>,
    violations: &mut Vec<ModelViolation>,
) {
    check_entity_header(violations, &initiative.id, &initiative.external_id, path);
    check_required_text(violations, &initiative.title, MAX_TITLE_LENGTH, &|| {
        format!("{path}.title")
    });
    check_text(
        violations,
        &initiative.description,
        MAX_TEXT_LENGTH,
        &|| format!("{path}.description"),
    );
    validate_scores(&initiative.scores, path, context, violations);
    if let Some(person_days) = initiative.effort_person_days {
        check_range(violations, person_days, EFFORT_PERSON_DAYS_RANGE, &|| {
            format!("{path}.effort_person_days")
        });
    }
    check_range(
        violations,
        initiative.duration_quarters,
        DURATION_QUARTERS_RANGE,
        &|| format!("{path}.duration_quarters"),
    );
    for (position, cost_line) in initiative.cost_lines.iter().enumerate() {
        validate_cost_line(
            cost_line,
            &format!("{path}.cost_lines[{position}]"),
            violations,
        );
    }
    check_tags(violations, &initiative.tags, path);

    for (position, contribution) in initiative.goal_contributions.iter().enumerate() {
        let contribution_path = || format!("{path}.goal_contributions[{position}]");
        check_reference(
            violations,
            context,
            EntityKind::Goal,
            &contribution.goal_id,
            &|| format!("{}.goal_id", contribution_path()),
        );
        check_range(
            violations,
            contribution.strength,
            CONTRIBUTION_STRENGTH_RANGE,
            &|| format!("{}.strength", contribution_path()),
        );
    }
    let contributed_goal_ids: Vec<&str> = initiative
        .goal_contributions
        .iter()
        .map(|contribution| contribution.goal_id.as_str())
        .collect();
    report_duplicate_links(violations, &contributed_goal_ids, &|position| {
        format!("{path}.goal_contributions[{position}].goal_id")
    });
    check_link_list(
        violations,
        context,
        EntityKind::Capability,
        &initiative.capability_ids,
        path,
        "capability_ids",
    );
    check_link_list(
        violations,
        context,
        EntityKind::BusinessProcess,
        &initiative.process_ids,
        path,
        "process_ids",
    );
    for (position, dependency_id) in initiative.depends_on_ids.iter().enumerate() {
        if *dependency_id == initiative.id {
            violations.push(ModelViolation {
                path: format!("{path}.depends_on_ids[{position}]"),
                kind: ViolationKind::SelfDependency,
            });
        } else {
            check_reference(
                violations,
                context,
                EntityKind::Initiative,
                dependency_id,
                &|| format!("{path}.depends_on_ids[{position}]"),
            );
        }
    }
    report_duplicate_links(violations, &initiative.depends_on_ids, &|position| {
        format!("{path}.depends_on_ids[{position}]")
    });
    check_optional_reference(
        violations,
        context,
        EntityKind::Person,
        &initiative.owner_id,
        &|| format!("{path}.owner_id"),
    );
}

/// Checks the optional scores of an initiative (paths `{path}.scores.*`).
fn validate_scores(
    scores: &InitiativeScores,
    path: &str,
    context: &ValidationContext<'_>,
    violations: &mut Vec<ModelViolation>,
) {
    for (field, score, range) in [
        ("value", scores.value, SCORE_RANGE),
        ("effort", scores.effort, SCORE_RANGE),
        ("risk", scores.risk, RISK_RANGE),
        ("time_criticality", scores.time_criticality, SCORE_RANGE),
        ("risk_reduction", scores.risk_reduction, SCORE_RANGE),
        (
            "rice_confidence_percent",
            scores.rice_confidence_percent,
            CONFIDENCE_PERCENT_RANGE,
        ),
    ] {
        if let Some(score) = score {
            check_range(violations, score, range, &|| {
                format!("{path}.scores.{field}")
            });
        }
    }
    if let Some(impact) = scores.rice_impact {
        let impact_path = || format!("{path}.scores.rice_impact");
        if check_finite(violations, impact, &impact_path) && !RICE_IMPACT_VALUES.contains(&impact) {
            violations.push(ModelViolation {
                path: impact_path(),
                kind: ViolationKind::InvalidRiceImpact { value: impact },
            });
        }
    }
    for (criterion_id, score) in &scores.criterion_scores {
        let score_path = || {
            format!(
                "{path}.scores.criterion_scores[{}]",
                quoted_key(criterion_id)
            )
        };
        if !context.criterion_ids.contains(criterion_id.as_str()) {
            violations.push(ModelViolation {
                path: score_path(),
                kind: ViolationKind::UnknownCriterion {
                    criterion_id: excerpt(criterion_id),
                },
            });
        }
        check_range(violations, *score, CRITERION_SCORE_RANGE, &score_path);
    }
}

/// Checks a cost line: id, description, amounts (non-negative and bounded).
pub fn validate_cost_line(cost_line: &CostLine, path: &str, violations: &mut Vec<ModelViolation>) {
    check_id(violations, &cost_line.id, &|| format!("{path}.id"));
    check_text(violations, &cost_line.description, MAX_TEXT_LENGTH, &|| {
        format!("{path}.description")
    });
    check_money(violations, cost_line.one_time_cents, &|| {
        format!("{path}.one_time_cents")
    });
    check_money(violations, cost_line.running_cents_per_year, &|| {
        format!("{path}.running_cents_per_year")
    });
}

/// Checks a spend item: id, name (required), vendor, cost lines, owner, and its links
/// to processes, goals and an initiative.
pub fn validate_spend_item(
    spend_item: &SpendItem,
    path: &str,
    context: &ValidationContext<'_>,
    violations: &mut Vec<ModelViolation>,
) {
    check_entity_header(violations, &spend_item.id, &spend_item.external_id, path);
    check_required_text(violations, &spend_item.name, MAX_TITLE_LENGTH, &|| {
        format!("{path}.name")
    });
    check_text(violations, &spend_item.vendor, MAX_TITLE_LENGTH, &|| {
        format!("{path}.vendor")
    });
    for (position, cost_line) in spend_item.cost_lines.iter().enumerate() {
        validate_cost_line(
            cost_line,
            &format!("{path}.cost_lines[{position}]"),
            violations,
        );
    }
    check_optional_reference(
        violations,
        context,
        EntityKind::Person,
        &spend_item.owner_id,
        &|| format!("{path}.owner_id"),
    );
    check_link_list(
        violations,
        context,
        EntityKind::BusinessProcess,
        &spend_item.process_ids,
        path,
        "process_ids",
    );
    check_link_list(
        violations,
        context,
        EntityKind::Goal,
        &spend_item.goal_ids,
        path,
        "goal_ids",
    );
    check_optional_reference(
        violations,
        context,
        EntityKind::Initiative,
        &spend_item.initiative_id,
        &|| format!("{path}.initiative_id"),
    );
}

/// Checks a review: KPI actuals and initiative health (existing, finite, one entry per
/// KPI or initiative), ratings and Luftman levels, texts, confirmed links, snapshot.
pub fn validate_review(
    review: &Review,
    path: &str,
    context: &ValidationContext<'_>,
    violations: &mut Vec<ModelViolation>,
) {
    check_entity_header(violations, &review.id, &review.external_id, path);
    for (position, actual) in review.kpi_actuals.iter().enumerate() {
        let actual_path = || format!("{path}.kpi_actuals[{position}]");
        check_reference(
            violations,
            context,
            EntityKind::Kpi,
            &actual.kpi_id,
            &|| format!("{}.kpi_id", actual_path()),
        );
        check_finite(violations, actual.value, &|| {
            format!("{}.value", actual_path())
        });
        check_text(violations, &actual.note, MAX_TEXT_LENGTH, &|| {
            format!("{}.note", actual_path())
        });
    }
    let actual_kpi_ids: Vec<&str> = review
        .kpi_actuals
        .iter()
        .map(|actual| actual.kpi_id.as_str())
        .collect();
    report_duplicate_links(violations, &actual_kpi_ids, &|position| {
        format!("{path}.kpi_actuals[{position}].kpi_id")
    });
    for (position, health) in review.initiative_health.iter().enumerate() {
        let health_path = || format!("{path}.initiative_health[{position}]");
        check_reference(
            violations,
            context,
            EntityKind::Initiative,
            &health.initiative_id,
            &|| format!("{}.initiative_id", health_path()),
        );
        check_text(violations, &health.note, MAX_TEXT_LENGTH, &|| {
            format!("{}.note", health_path())
        });
    }
    let health_initiative_ids: Vec<&str> = review
        .initiative_health
        .iter()
        .map(|health| health.initiative_id.as_str())
        .collect();
    report_duplicate_links(violations, &health_initiative_ids, &|position| {
        format!("{path}.initiative_health[{position}].initiative_id")
    });
    for (field, rating) in [
        ("user_acceptance", review.user_acceptance),
        ("technical_debt", review.technical_debt),
        ("security_posture", review.security_posture),
    ] {
        if let Some(rating) = rating {
            check_range(violations, rating, REVIEW_RATING_RANGE, &|| {
                format!("{path}.{field}")
            });
        }
    }
    let luftman = &review.luftman;
    for (field, level) in [
        ("communications", luftman.communications),
        (
            "competency_value_measurement",
            luftman.competency_value_measurement,
        ),
        ("governance", luftman.governance),
        ("partnership", luftman.partnership),
        ("scope_and_architecture", luftman.scope_and_architecture),
        ("skills", luftman.skills),
    ] {
        if let Some(level) = level {
            check_range(violations, level, REVIEW_RATING_RANGE, &|| {
                format!("{path}.luftman.{field}")
            });
        }
    }
    check_text_list(violations, &review.decisions, path, "decisions");
    check_text_list(violations, &review.next_steps, path, "next_steps");
    check_link_list(
        violations,
        context,
        EntityKind::SpendItem,
        &review.confirmed_spend_item_ids,
        path,
        "confirmed_spend_item_ids",
    );
    check_link_list(
        violations,
        context,
        EntityKind::Initiative,
        &review.confirmed_initiative_ids,
        path,
        "confirmed_initiative_ids",
    );
    if let Some(coverage) = review.snapshot.alignment_coverage_percent {
        check_float_range(violations, coverage, COVERAGE_PERCENT_RANGE, &|| {
            format!("{path}.snapshot.alignment_coverage_percent")
        });
    }
    check_money(violations, review.snapshot.total_yearly_cost_cents, &|| {
        format!("{path}.snapshot.total_yearly_cost_cents")
    });
    check_text(violations, &review.notes, MAX_TEXT_LENGTH, &|| {
        format!("{path}.notes")
    });
}

/// Checks a workshop session: title (required), participants, estimate votes (scores,
/// one per participant and initiative), dot votes (targets, dots within the budget
/// of each participant), accepted estimates (one per initiative), decisions.
pub fn validate_workshop_session(
    session: &WorkshopSession,
    path: &str,
    context: &ValidationContext<'_>,
    violations: &mut Vec<ModelViolation>,
) {
    check_entity_header(violations, &session.id, &session.external_id, path);
    check_required_text(violations, &session.title, MAX_TITLE_LENGTH, &|| {
        format!("{path}.title")
    });
    check_range(
        violations,
        session.participant_count,
        WORKSHOP_PARTICIPANT_COUNT_RANGE,
        &|| format!("{path}.participant_count"),
    );
    // Names are optional and one per participant, so there can be no more names than
    // participants.
    check_count(
        violations,
        session.participant_names.len(),
        usize::from(session.participant_count),
        &|| format!("{path}.participant_names"),
    );
    for (position, name) in session.participant_names.iter().enumerate() {
        check_text(violations, name, MAX_TITLE_LENGTH, &|| {
            format!("{path}.participant_names[{position}]")
        });
    }
    check_range(
        violations,
        session.dots_per_participant,
        DOTS_PER_PARTICIPANT_RANGE,
        &|| format!("{path}.dots_per_participant"),
    );
    let participant_range = 1..=session.participant_count;

    for (position, vote) in session.estimate_votes.iter().enumerate() {
        let vote_path = || format!("{path}.estimate_votes[{position}]");
        check_reference(
            violations,
            context,
            EntityKind::Initiative,
            &vote.initiative_id,
            &|| format!("{}.initiative_id", vote_path()),
        );
        check_range(
            violations,
            vote.participant_number,
            participant_range.clone(),
            &|| format!("{}.participant_number", vote_path()),
        );
        if let Some(value) = vote.value {
            check_range(violations, value, SCORE_RANGE, &|| {
                format!("{}.value", vote_path())
            });
        }
        if let Some(effort) = vote.effort {
            check_range(violations, effort, SCORE_RANGE, &|| {
                format!("{}.effort", vote_path())
            });
        }
    }
    let estimate_vote_keys: Vec<(u16, &str)> = session
        .estimate_votes
        .iter()
        .map(|vote| (vote.participant_number, vote.initiative_id.as_str()))
        .collect();
    for (repeat, _first) in repeated_positions(&estimate_vote_keys) {
        if let Some(vote) = session.estimate_votes.get(repeat) {
            violations.push(ModelViolation {
                path: format!("{path}.estimate_votes[{repeat}]"),
                kind: ViolationKind::DuplicateVote {
                    participant_number: vote.participant_number,
                    target_id: excerpt(&vote.initiative_id),
                },
            });
        }
    }

    let mut dots_by_participant: HashMap<u16, u32> = HashMap::new();
    for (position, vote) in session.dot_votes.iter().enumerate() {
        let vote_path = || format!("{path}.dot_votes[{position}]");
        let target_kind = match vote.target_kind {
            DotVoteTargetKind::Goal => EntityKind::Goal,
            DotVoteTargetKind::Initiative => EntityKind::Initiative,
        };
        check_reference(violations, context, target_kind, &vote.target_id, &|| {
            format!("{}.target_id", vote_path())
        });
        check_range(
            violations,
            vote.participant_number,
            participant_range.clone(),
            &|| format!("{}.participant_number", vote_path()),
        );
        check_range(
            violations,
            vote.dots,
            1..=session.dots_per_participant,
            &|| format!("{}.dots", vote_path()),
        );
        let used = dots_by_participant
            .entry(vote.participant_number)
            .or_insert(0);
        let before = *used;
        *used = used.saturating_add(u32::from(vote.dots));
        // Reported once per participant: at the vote that first goes over the budget.
        let available = u32::from(session.dots_per_participant);
        if *used > available && before <= available {
            violations.push(ModelViolation {
                path: format!("{}.dots", vote_path()),
                kind: ViolationKind::TooManyDots {
                    participant_number: vote.participant_number,
                    dots: *used,
                    available: session.dots_per_participant,
                },
            });
        }
    }
    let dot_vote_keys: Vec<(u16, DotVoteTargetKind, &str)> = session
        .dot_votes
        .iter()
        .map(|vote| {
            (
                vote.participant_number,
                vote.target_kind,
                vote.target_id.as_str(),
            )
        })
        .collect();
    for (repeat, _first) in repeated_positions(&dot_vote_keys) {
        if let Some(vote) = session.dot_votes.get(repeat) {
            violations.push(ModelViolation {
                path: format!("{path}.dot_votes[{repeat}]"),
                kind: ViolationKind::DuplicateVote {
                    participant_number: vote.participant_number,
                    target_id: excerpt(&vote.target_id),
                },
            });
        }
    }

    for (position, accepted) in session.accepted_estimates.iter().enumerate() {
        let accepted_path = || format!("{path}.accepted_estimates[{position}]");
        check_reference(
            violations,
            context,
            EntityKind::Initiative,
            &accepted.initiative_id,
            &|| format!("{}.initiative_id", accepted_path()),
        );
        if let Some(value) = accepted.value {
            check_range(violations, value, SCORE_RANGE, &|| {
                format!("{}.value", accepted_path())
            });
        }
        if let Some(effort) = accepted.effort {
            check_range(violations, effort, SCORE_RANGE, &|| {
                format!("{}.effort", accepted_path())
            });
        }
        check_text(violations, &accepted.note, MAX_TEXT_LENGTH, &|| {
            format!("{}.note", accepted_path())
        });
    }
    let accepted_initiative_ids: Vec<&str> = session
        .accepted_estimates
        .iter()
        .map(|accepted| accepted.initiative_id.as_str())
        .collect();
    report_duplicate_links(violations, &accepted_initiative_ids, &|position| {
        format!("{path}.accepted_estimates[{position}].initiative_id")
    });
    check_text_list(violations, &session.decisions, path, "decisions");
}

// ---------------------------------------------------------------------------------
// Field checks. Each takes a closure for the path so that the path is only built
// when the check fails. The closure is passed as `&dyn Fn` rather than as a generic
// parameter, so that each check is compiled once instead of once per call site,
// which keeps the WebAssembly bundle small; the indirect call only happens when a
// check fails.
// ---------------------------------------------------------------------------------

/// The id and the optional external id every entity has.
fn check_entity_header(
    violations: &mut Vec<ModelViolation>,
    id: &str,
    external_id: &Option<String>,
    path: &str,
) {
    check_id(violations, id, &|| format!("{path}.id"));
    if let Some(external_id) = external_id {
        check_text(violations, external_id, MAX_TITLE_LENGTH, &|| {
            format!("{path}.external_id")
        });
    }
}

fn check_id(violations: &mut Vec<ModelViolation>, id: &str, path: &dyn Fn() -> ModelPath) {
    let kind = if id.trim().is_empty() {
        ViolationKind::EmptyId
    } else if let Some(length) = length_beyond(id, MAX_ID_LENGTH) {
        ViolationKind::TooLong {
            length,
            max_length: MAX_ID_LENGTH,
        }
    } else if id.trim().len() != id.len() || id.chars().any(char::is_control) {
        ViolationKind::MalformedId
    } else {
        return;
    };
    violations.push(ModelViolation { path: path(), kind });
}

fn check_required_text(
    violations: &mut Vec<ModelViolation>,
    text: &str,
    max_length: usize,
    path: &dyn Fn() -> ModelPath,
) {
    if text.trim().is_empty() {
        violations.push(ModelViolation {
            path: path(),
            kind: ViolationKind::EmptyRequiredText,
        });
    } else {
        check_text(violations, text, max_length, path);
    }
}

fn check_text(
    violations: &mut Vec<ModelViolation>,
    text: &str,
    max_length: usize,
    path: &dyn Fn() -> ModelPath,
) {
    if let Some(length) = length_beyond(text, max_length) {
        violations.push(ModelViolation {
            path: path(),
            kind: ViolationKind::TooLong { length, max_length },
        });
    }
}

/// Tags: at most [`MAX_TAG_COUNT`], each a non-empty short label.
fn check_tags(violations: &mut Vec<ModelViolation>, tags: &[String], path: &str) {
    check_count(violations, tags.len(), MAX_TAG_COUNT, &|| {
        format!("{path}.tags")
    });
    for (position, tag) in tags.iter().enumerate() {
        check_required_text(violations, tag, MAX_LABEL_LENGTH, &|| {
            format!("{path}.tags[{position}]")
        });
    }
}

/// Free text lists such as decisions: bounded in count and in the length of each entry.
/// Empty entries are allowed, because the UI adds an empty row before it is typed in.
fn check_text_list(
    violations: &mut Vec<ModelViolation>,
    entries: &[String],
    path: &str,
    field: &str,
) {
    check_count(violations, entries.len(), MAX_TEXT_LIST_LENGTH, &|| {
        format!("{path}.{field}")
    });
    for (position, entry) in entries.iter().enumerate() {
        check_text(violations, entry, MAX_TEXT_LENGTH, &|| {
            format!("{path}.{field}[{position}]")
        });
    }
}

fn check_count(
    violations: &mut Vec<ModelViolation>,
    count: usize,
    max_count: usize,
    path: &dyn Fn() -> ModelPath,
) {
    if count > max_count {
        violations.push(ModelViolation {
            path: path(),
            kind: ViolationKind::TooManyEntries { count, max_count },
        });
    }
}

fn check_range<Number>(
    violations: &mut Vec<ModelViolation>,
    value: Number,
    range: RangeInclusive<Number>,
    path: &dyn Fn() -> ModelPath,
) where
    Number: Copy + PartialOrd + Into<f64>,
{
    if !range.contains(&value) {
        violations.push(ModelViolation {
            path: path(),
            kind: ViolationKind::OutOfRange {
                value: value.into(),
                min: (*range.start()).into(),
                max: (*range.end()).into(),
            },
        });
    }
}

/// Reports a non-finite number; returns whether the number is finite.
fn check_finite(
    violations: &mut Vec<ModelViolation>,
    value: f64,
    path: &dyn Fn() -> ModelPath,
) -> bool {
    if value.is_finite() {
        return true;
    }
    violations.push(ModelViolation {
        path: path(),
        kind: ViolationKind::NotFinite,
    });
    false
}

fn check_float_range(
    violations: &mut Vec<ModelViolation>,
    value: f64,
    range: RangeInclusive<f64>,
    path: &dyn Fn() -> ModelPath,
) {
    if check_finite(violations, value, path) {
        check_range(violations, value, range, path);
    }
}

fn check_money(
    violations: &mut Vec<ModelViolation>,
    cents: MoneyCents,
    path: &dyn Fn() -> ModelPath,
) {
    let kind = if cents < 0 {
        ViolationKind::NegativeMoney { cents }
    } else if cents > MAX_MONEY_CENTS {
        ViolationKind::MoneyTooLarge {
            cents,
            max_cents: MAX_MONEY_CENTS,
        }
    } else {
        return;
    };
    violations.push(ModelViolation { path: path(), kind });
}

fn check_reference(
    violations: &mut Vec<ModelViolation>,
    context: &ValidationContext<'_>,
    expected_kind: EntityKind,
    id: &str,
    path: &dyn Fn() -> ModelPath,
) {
    if context.lookup.contains(expected_kind, id) {
        return;
    }
    let kind = match context.lookup.kind_of(id) {
        Some(actual_kind) => ViolationKind::WrongReferenceKind {
            expected_kind,
            actual_kind,
            id: excerpt(id),
        },
        None => ViolationKind::DanglingReference {
            expected_kind,
            id: excerpt(id),
        },
    };
    violations.push(ModelViolation { path: path(), kind });
}

fn check_optional_reference(
    violations: &mut Vec<ModelViolation>,
    context: &ValidationContext<'_>,
    expected_kind: EntityKind,
    id: &Option<EntityId>,
    path: &dyn Fn() -> ModelPath,
) {
    if let Some(id) = id {
        check_reference(violations, context, expected_kind, id, path);
    }
}

/// A list of links: each must name a live entity of `expected_kind`, none twice.
fn check_link_list(
    violations: &mut Vec<ModelViolation>,
    context: &ValidationContext<'_>,
    expected_kind: EntityKind,
    ids: &[EntityId],
    path: &str,
    field: &str,
) {
    for (position, id) in ids.iter().enumerate() {
        check_reference(violations, context, expected_kind, id, &|| {
            format!("{path}.{field}[{position}]")
        });
    }
    report_duplicate_links(violations, ids, &|position| {
        format!("{path}.{field}[{position}]")
    });
}

/// Reports each id that repeats an earlier one in the list, at the repeat's path.
fn report_duplicate_links<Id: AsRef<str> + Eq + Hash>(
    violations: &mut Vec<ModelViolation>,
    ids: &[Id],
    path_of: &dyn Fn(usize) -> ModelPath,
) {
    for (repeat, _first) in repeated_positions(ids) {
        if let Some(id) = ids.get(repeat) {
            violations.push(ModelViolation {
                path: path_of(repeat),
                kind: ViolationKind::DuplicateLink {
                    id: excerpt(id.as_ref()),
                },
            });
        }
    }
}

/// For each key that repeats an earlier one, `(position of the repeat, position of
/// the first)`. Short lists, by far the common case, are compared pairwise without
/// allocating a hash set; long ones use a hash map so the check stays linear.
pub(crate) fn repeated_positions<Key: Eq + Hash>(keys: &[Key]) -> Vec<(usize, usize)> {
    const PAIRWISE_LIMIT: usize = 16;
    let mut repeats = Vec::new();
    if keys.len() < 2 {
        return repeats;
    }
    if keys.len() <= PAIRWISE_LIMIT {
        for (position, key) in keys.iter().enumerate() {
            if let Some(first) = keys
                .iter()
                .take(position)
                .position(|earlier| earlier == key)
            {
                repeats.push((position, first));
            }
        }
    } else {
        let mut first_position: HashMap<&Key, usize> = HashMap::with_capacity(keys.len());
        for (position, key) in keys.iter().enumerate() {
            match first_position.entry(key) {
                std::collections::hash_map::Entry::Vacant(vacant) => {
                    vacant.insert(position);
                }
                std::collections::hash_map::Entry::Occupied(occupied) => {
                    repeats.push((position, *occupied.get()));
                }
            }
        }
    }
    repeats
}

/// The number of characters of `text` when it is longer than `max_length`
/// characters. Counting characters is only needed when the byte length is over the
/// limit, since a text never has more characters than bytes.
fn length_beyond(text: &str, max_length: usize) -> Option<usize> {
    if text.len() <= max_length {
        return None;
    }
    let length = text.chars().count();
    (length > max_length).then_some(length)
}

/// At most [`MAX_ID_LENGTH`] characters of a text, for ids and codes copied into a
/// violation: a hostile file must not make every violation carry a megabyte.
pub(crate) fn excerpt(text: &str) -> String {
    if text.len() <= MAX_ID_LENGTH {
        text.to_string()
    } else {
        text.chars().take(MAX_ID_LENGTH).collect()
    }
}

/// A map key as it appears in a path: shortened and quoted with JSON-style escapes.
fn quoted_key(key: &str) -> String {
    crate::model::quoted_text::quoted_for_message(&excerpt(key))
}

/// `local@domain` with both parts non-empty, one `@`, and no whitespace or control
/// characters. Deliberately loose: the address is only shown and used in `mailto:`.
fn is_plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.is_empty()
        && !domain.contains('@')
        && !email
            .chars()
            .any(|character| character.is_whitespace() || character.is_control())
}
