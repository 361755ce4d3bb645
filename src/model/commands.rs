//! Commands: the only way a model changes.
//!
//! A UI event builds a [`Command`]; `dispatch` in `state.rs` hands it to
//! [`Model::apply`], which either applies it completely and says what it touched
//! ([`CommandOutcome`]) or refuses it and changes nothing at all
//! ([`CommandRefusal`]). Ids of new entities and the current time come in from the
//! edge, so applying the same command to the same model always gives the same result.
//!
//! # How a command is applied
//!
//! Every precondition is checked before the first write, so a refusal never leaves a
//! half-applied change behind and no copy of the model is needed to roll back. A
//! command that changes one entity works on a copy of *that entity only*: the copy is
//! changed, checked with the per-entity validation of [`crate::model::validation`]
//! (field ranges, texts, and that every reference exists, looked up in the model), and
//! then swapped in. Checks that need the rest of the model are done directly and
//! cheaply: that new ids are unused (one pass over the ids of the model), and that new
//! dependencies close no cycle (a search from the new dependencies only). A full
//! [`crate::model::validation::validate_model`] per command would be linear in the
//! model with a large constant; these checks keep a command on a 5,000-initiative
//! model far below a millisecond.
//!
//! # Revisions and times
//!
//! The core owns `revision` and `modified`: whatever the caller puts there is
//! ignored. A created entity starts at revision 1; every entity a command changes
//! (including those cleaned of links by a deletion) gets revision + 1 and
//! `modified = now`; the model's own revision goes up by one per command that changed
//! anything, and its `modified` becomes `now`. A command that would change nothing
//! (an update with identical content, removing a link that is not there) succeeds
//! without touching anything, so the undo history gets no empty steps; callers can
//! tell by [`CommandOutcome::changed_anything`].
//!
//! # Ids
//!
//! `Create` refuses an id that is in use anywhere in the model (any entity, cost
//! line, weighted criterion or the model itself) and an id that belonged to a deleted
//! entity (a tombstone), because a merge would otherwise mistake the new entity for
//! the deleted one. The same holds for the ids of new cost lines and new weighted
//! criteria. `Update` finds the entity by its id and kind and refuses an unknown one.
//!
//! KPI measurements given in a `Create` or `Update` are sorted by quarter before they
//! are checked, because the stored order is an invariant the UI need not maintain.
//!
//! # Deletion policy
//!
//! Deleting an entity either removes the links that point at it or is refused,
//! naming what still depends on it; it never leaves a dangling reference. Every
//! deletion leaves a [`Tombstone`] with the deletion time.
//!
//! Links are **cleaned** (removed, and each cleaned entity gets revision + 1 and
//! `modified = now`) when they are associations that lose their meaning together
//! with the target:
//!
//! | Deleted | Links removed |
//! |---|---|
//! | Goal | capability `goal_ids`, initiative `goal_contributions`, spend item `goal_ids`, workshop dot votes on the goal |
//! | Business process | capability, initiative and spend item `process_ids` |
//! | Capability | initiative `capability_ids` |
//! | Data object | capability `data_object_ids` |
//! | Initiative | other initiatives' `depends_on_ids`, spend item `initiative_id` (set to none), workshop estimate votes, dot votes and accepted estimates for it, review `confirmed_initiative_ids` |
//! | Spend item | review `confirmed_spend_item_ids` |
//!
//! A review's confirmed ids are cleaned rather than protected: they only serve the
//! finding "links not confirmed in the last review", which is about live items, and
//! protecting them would make every spend item undeletable after its first review.
//!
//! Deletion is **refused** ([`CommandRefusal::StillReferenced`], listing each
//! dependent with kind, id and display title) for ownership and for recorded history,
//! where silently removing the link would lose information the user entered:
//!
//! | Deleted | Refused while |
//! |---|---|
//! | Person | they own a goal, KPI, process, capability, initiative or spend item, or are the data owner of a data object |
//! | Goal | it has KPIs (a KPI belongs to exactly one goal) |
//! | KPI | a review records an actual value for it (the review is named by its quarter) |
//! | Initiative | a review records its health (the review is named by its quarter) |
//!
//! Reviews and workshop sessions are referenced by nothing and are always deletable.

use std::collections::{HashMap, HashSet};

use super::types::*;
use super::validation::{
    entity_path, for_each_live_id, repeated_positions, validate_business_process,
    validate_capability, validate_data_object, validate_goal, validate_initiative, validate_kpi,
    validate_model_info, validate_person, validate_review, validate_settings, validate_spend_item,
    validate_workshop_session, EntityLookup, IdLocation, ModelViolation, ValidationContext,
    ViolationKind,
};

/// Runs `$body` with `$inner` bound to the entity inside an [`Entity`], whatever its
/// kind, so generic code is monomorphized per kind.
macro_rules! with_entity {
    ($entity:expr, |$inner:ident| $body:expr) => {
        match $entity {
            Entity::Person($inner) => $body,
            Entity::Goal($inner) => $body,
            Entity::Kpi($inner) => $body,
            Entity::BusinessProcess($inner) => $body,
            Entity::Capability($inner) => $body,
            Entity::DataObject($inner) => $body,
            Entity::Initiative($inner) => $body,
            Entity::SpendItem($inner) => $body,
            Entity::Review($inner) => $body,
            Entity::WorkshopSession($inner) => $body,
        }
    };
}

/// Runs `$body` with the type alias `$type` naming the entity type of `$kind`.
macro_rules! with_entity_type {
    ($kind:expr, $type:ident => $body:expr) => {
        match $kind {
            EntityKind::Person => {
                type $type = Person;
                $body
            }
            EntityKind::Goal => {
                type $type = Goal;
                $body
            }
            EntityKind::Kpi => {
                type $type = Kpi;
                $body
            }
            EntityKind::BusinessProcess => {
                type $type = BusinessProcess;
                $body
            }
            EntityKind::Capability => {
                type $type = Capability;
                $body
            }
            EntityKind::DataObject => {
                type $type = DataObject;
                $body
            }
            EntityKind::Initiative => {
                type $type = Initiative;
                $body
            }
            EntityKind::SpendItem => {
                type $type = SpendItem;
                $body
            }
            EntityKind::Review => {
                type $type = Review;
                $body
            }
            EntityKind::WorkshopSession => {
                type $type = WorkshopSession;
                $body
            }
        }
    };
}

// ---------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------

/// One entity of any kind, as `Create` and `Update` carry it.
#[derive(Debug, Clone, PartialEq)]
pub enum Entity {
    Person(Person),
    Goal(Goal),
    Kpi(Kpi),
    BusinessProcess(BusinessProcess),
    Capability(Capability),
    DataObject(DataObject),
    Initiative(Initiative),
    SpendItem(SpendItem),
    Review(Review),
    WorkshopSession(WorkshopSession),
}

/// Every change to a model. Ids of new entities are made by the caller.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Sets the model's title (required), organization, currency (ISO 4217 form,
    /// three uppercase letters) and the first quarter of the roadmap.
    SetModelInfo {
        title: String,
        organization: String,
        currency: String,
        planning_start: Quarter,
    },
    /// Replaces the settings. Removing a weighted criterion also removes the scores
    /// initiatives had for it.
    UpdateSettings(Settings),
    /// Adds a new entity. Its id must be unused and never deleted; its `revision`
    /// and `modified` are ignored (set to 1 and `now`).
    Create(Entity),
    /// Replaces an existing entity with the same id and kind; `revision` and
    /// `modified` are ignored (set to the previous revision + 1 and `now`).
    Update(Entity),
    /// Deletes an entity, cleaning or refusing according to the deletion policy in
    /// the module documentation, and leaves a tombstone.
    Delete { kind: EntityKind, id: EntityId },
    /// Sets (or clears, with `None`) an initiative's value and effort, as dragging it
    /// on the priority matrix does.
    SetInitiativeScores {
        initiative_id: EntityId,
        value: Option<u8>,
        effort: Option<u8>,
    },
    /// Places an initiative on the roadmap (`start: None` unschedules it).
    ScheduleInitiative {
        initiative_id: EntityId,
        start: Option<Quarter>,
        duration_quarters: u8,
    },
    /// Pins or unpins an initiative for the automatic plan.
    SetInitiativePinned {
        initiative_id: EntityId,
        pinned: bool,
    },
    /// Sets an initiative's lifecycle status.
    SetInitiativeStatus {
        initiative_id: EntityId,
        status: InitiativeStatus,
    },
    /// Sets how strongly an initiative contributes to a goal; `None` removes the
    /// contribution.
    SetGoalContribution {
        initiative_id: EntityId,
        goal_id: EntityId,
        strength: Option<u8>,
    },
    /// Makes `initiative_id` depend on `depends_on_id`; refused when that closes a
    /// cycle (including an initiative depending on itself).
    AddDependency {
        initiative_id: EntityId,
        depends_on_id: EntityId,
    },
    /// Removes a dependency; removing one that is not there changes nothing.
    RemoveDependency {
        initiative_id: EntityId,
        depends_on_id: EntityId,
    },
    /// Records a KPI measurement; one for a quarter that already has one replaces it.
    /// Measurements stay sorted by quarter.
    AddKpiMeasurement {
        kpi_id: EntityId,
        quarter: Quarter,
        value: f64,
        note: String,
    },
    /// Removes the measurement of a quarter; a quarter without one changes nothing.
    RemoveKpiMeasurement { kpi_id: EntityId, quarter: Quarter },
}

/// An entity named in an outcome or a refusal: kind, id, and the title the UI shows
/// (a review, which has no title, is named by its quarter, such as `2026-Q2`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityLabel {
    pub kind: EntityKind,
    pub id: EntityId,
    pub title: String,
}

/// An entity that still depends on one that was to be deleted.
pub type Dependent = EntityLabel;

/// What a command did to one entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityChange {
    Created,
    Updated,
    Deleted,
    /// Links to a deleted entity (or scores for a removed weighted criterion) were
    /// removed from this entity.
    LinksCleaned,
}

/// One entity a command changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TouchedEntity {
    pub kind: EntityKind,
    pub id: EntityId,
    pub change: EntityChange,
}

/// What an applied command changed, for "saved" feedback and for the undo history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandOutcome {
    /// The model's revision after the command.
    pub model_revision: u64,
    /// Whether the model's own fields (title, organization, currency, planning start,
    /// settings) changed.
    pub model_fields_changed: bool,
    /// Every entity the command changed: the one it named first, then the entities
    /// cleaned of links, in model order. Empty when no entity changed.
    pub touched: Vec<TouchedEntity>,
}

impl CommandOutcome {
    /// Whether the command changed anything; when not, the model is exactly as before
    /// (not even its revision moved) and no undo step is needed.
    pub fn changed_anything(&self) -> bool {
        self.model_fields_changed || !self.touched.is_empty()
    }
}

/// Why a command was refused. The model is unchanged. Data, not text: the UI says it
/// in the user's language; `Display` is plain English for logs.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CommandRefusal {
    /// No entity of this kind has this id.
    #[error("there is no {kind:?} with the id `{id}`")]
    NotFound { kind: EntityKind, id: EntityId },
    /// A new id (of an entity, cost line or weighted criterion) is already in use.
    #[error("the id `{id}` is already used in this model")]
    IdAlreadyUsed { id: EntityId },
    /// A new id is the id of a deleted entity and may not be reused.
    #[error("the id `{id}` belonged to a deleted entity and cannot be reused")]
    IdOfDeletedEntity { id: EntityId },
    /// Fields are out of range, texts missing or too long, references unknown; the
    /// paths are those the values would have in the model.
    #[error("{}", describe_violations(.0))]
    Invalid(Vec<ModelViolation>),
    /// The entity cannot be deleted while these entities depend on it.
    #[error("{kind:?} `{id}` is still needed by {}", describe_labels(.dependents))]
    StillReferenced {
        kind: EntityKind,
        id: EntityId,
        dependents: Vec<Dependent>,
    },
    /// The dependency would close a cycle. Each initiative in `cycle` would depend on
    /// the next and the last on the first; the first is the one being changed.
    #[error("the dependency would close a cycle: {}", describe_labels(.cycle))]
    DependencyCycle { cycle: Vec<EntityLabel> },
}

fn describe_violations(violations: &[ModelViolation]) -> String {
    match violations {
        [] => "the change is invalid".to_string(),
        [only] => format!("the change is invalid: {only}"),
        [first, rest @ ..] => format!(
            "the change is invalid: {first} (and {} more problems)",
            rest.len()
        ),
    }
}

fn describe_labels(labels: &[EntityLabel]) -> String {
    labels
        .iter()
        .map(|label| format!("{:?} `{}` ({})", label.kind, label.title, label.id))
        .collect::<Vec<_>>()
        .join(", ")
}

// ---------------------------------------------------------------------------------
// Applying commands
// ---------------------------------------------------------------------------------

impl Model {
    /// Applies `command` at time `now`: all of it, or (when refused) none of it. See
    /// the module documentation for the rules. This is a method rather than a free
    /// function so that call sites read `model.apply(command, now)`, next to the
    /// model's other accessors.
    pub fn apply(
        &mut self,
        command: Command,
        now: Timestamp,
    ) -> Result<CommandOutcome, CommandRefusal> {
        match command {
            Command::SetModelInfo {
                title,
                organization,
                currency,
                planning_start,
            } => set_model_info(self, title, organization, currency, planning_start, now),
            Command::UpdateSettings(settings) => update_settings(self, settings, now),
            Command::Create(entity) => {
                with_entity!(entity, |inner| create_entity(self, inner, now))
            }
            Command::Update(entity) => {
                with_entity!(entity, |inner| update_entity(self, inner, now))
            }
            Command::Delete { kind, id } => delete_entity(self, kind, &id, now),
            Command::SetInitiativeScores {
                initiative_id,
                value,
                effort,
            } => modify_entity::<Initiative>(self, &initiative_id, now, |initiative| {
                initiative.scores.value = value;
                initiative.scores.effort = effort;
            }),
            Command::ScheduleInitiative {
                initiative_id,
                start,
                duration_quarters,
            } => modify_entity::<Initiative>(self, &initiative_id, now, |initiative| {
                initiative.start = start;
                initiative.duration_quarters = duration_quarters;
            }),
            Command::SetInitiativePinned {
                initiative_id,
                pinned,
            } => modify_entity::<Initiative>(self, &initiative_id, now, |initiative| {
                initiative.pinned = pinned;
            }),
            Command::SetInitiativeStatus {
                initiative_id,
                status,
            } => modify_entity::<Initiative>(self, &initiative_id, now, |initiative| {
                initiative.status = status;
            }),
            Command::SetGoalContribution {
                initiative_id,
                goal_id,
                strength,
            } => set_goal_contribution(self, &initiative_id, goal_id, strength, now),
            Command::AddDependency {
                initiative_id,
                depends_on_id,
            } => add_dependency(self, &initiative_id, depends_on_id, now),
            Command::RemoveDependency {
                initiative_id,
                depends_on_id,
            } => modify_entity::<Initiative>(self, &initiative_id, now, |initiative| {
                initiative
                    .depends_on_ids
                    .retain(|dependency_id| *dependency_id != depends_on_id);
            }),
            Command::AddKpiMeasurement {
                kpi_id,
                quarter,
                value,
                note,
            } => modify_entity::<Kpi>(self, &kpi_id, now, |kpi| {
                let measurement = KpiMeasurement {
                    quarter,
                    value,
                    note,
                };
                match kpi
                    .measurements
                    .iter_mut()
                    .find(|existing| existing.quarter == quarter)
                {
                    Some(existing) => *existing = measurement,
                    None => {
                        let insert_at = kpi
                            .measurements
                            .partition_point(|existing| existing.quarter < quarter);
                        kpi.measurements.insert(insert_at, measurement);
                    }
                }
            }),
            Command::RemoveKpiMeasurement { kpi_id, quarter } => {
                modify_entity::<Kpi>(self, &kpi_id, now, |kpi| {
                    kpi.measurements
                        .retain(|measurement| measurement.quarter != quarter);
                })
            }
        }
    }
}

fn set_model_info(
    model: &mut Model,
    title: String,
    organization: String,
    currency: String,
    planning_start: Quarter,
    now: Timestamp,
) -> Result<CommandOutcome, CommandRefusal> {
    let mut violations = Vec::new();
    validate_model_info(&title, &organization, &currency, &mut violations);
    if !violations.is_empty() {
        return Err(CommandRefusal::Invalid(violations));
    }
    let unchanged = model.title == title
        && model.organization == organization
        && model.currency == currency
        && model.planning_start == planning_start;
    if unchanged {
        return Ok(unchanged_outcome(model));
    }
    model.title = title;
    model.organization = organization;
    model.currency = currency;
    model.planning_start = planning_start;
    Ok(finish(model, now, Vec::new(), true))
}

fn update_settings(
    model: &mut Model,
    settings: Settings,
    now: Timestamp,
) -> Result<CommandOutcome, CommandRefusal> {
    let mut violations = Vec::new();
    validate_settings(&settings, &mut violations);
    let criterion_ids: Vec<&str> = settings
        .weighted_criteria
        .iter()
        .map(|criterion| criterion.id.as_str())
        .collect();
    report_repeated_new_ids(&criterion_ids, &mut violations, &|position| {
        IdLocation::Criterion { index: position }.path()
    });
    if !violations.is_empty() {
        return Err(CommandRefusal::Invalid(violations));
    }
    // The current criteria may keep their ids; every other use of an id clashes.
    check_ids_unused(model, &criterion_ids, &|location| {
        matches!(location, IdLocation::Criterion { .. })
    })?;
    if settings == model.settings {
        return Ok(unchanged_outcome(model));
    }

    let removed_criterion_ids: HashSet<EntityId> = model
        .settings
        .weighted_criteria
        .iter()
        .map(|criterion| criterion.id.clone())
        .filter(|id| !criterion_ids.contains(&id.as_str()))
        .collect();
    let mut touched = Vec::new();
    if !removed_criterion_ids.is_empty() {
        clean_each(&mut model.initiatives, now, &mut touched, |initiative| {
            let before = initiative.scores.criterion_scores.len();
            initiative
                .scores
                .criterion_scores
                .retain(|criterion_id, _| !removed_criterion_ids.contains(criterion_id));
            initiative.scores.criterion_scores.len() != before
        });
    }
    model.settings = settings;
    Ok(finish(model, now, touched, true))
}

fn create_entity<E: StoredEntity>(
    model: &mut Model,
    mut entity: E,
    now: Timestamp,
) -> Result<CommandOutcome, CommandRefusal> {
    entity.normalize();
    let position = E::collection(model).len();
    check_entity_ids_are_new(model, &entity, position, None)?;
    entity.check_new_dependencies(model, None)?;
    validate_entity(model, &entity, position)?;
    entity.set_stamp(1, now);
    let id = entity.id().to_string();
    E::collection_mut(model).push(entity);
    Ok(finish_entity_change(
        model,
        now,
        E::KIND,
        id,
        EntityChange::Created,
    ))
}

fn update_entity<E: StoredEntity>(
    model: &mut Model,
    mut entity: E,
    now: Timestamp,
) -> Result<CommandOutcome, CommandRefusal> {
    let position = position_of::<E>(model, entity.id())?;
    entity.normalize();
    check_entity_ids_are_new(model, &entity, position, Some(position))?;
    let previous = E::collection(model).get(position);
    entity.check_new_dependencies(model, previous)?;
    commit_changed_entity(model, position, entity, now)
}

/// Changes the entity with `id` through `change`, applied to a copy that is checked
/// and swapped in only when valid.
fn modify_entity<E: StoredEntity>(
    model: &mut Model,
    id: &str,
    now: Timestamp,
    change: impl FnOnce(&mut E),
) -> Result<CommandOutcome, CommandRefusal> {
    let position = position_of::<E>(model, id)?;
    let Some(current) = E::collection(model).get(position) else {
        return Err(not_found::<E>(id));
    };
    let mut candidate = current.clone();
    change(&mut candidate);
    candidate.normalize();
    commit_changed_entity(model, position, candidate, now)
}

/// Stores `candidate` at `position` when it differs from the entity there and is
/// valid; stamps it with the next revision and `now`.
fn commit_changed_entity<E: StoredEntity>(
    model: &mut Model,
    position: usize,
    mut candidate: E,
    now: Timestamp,
) -> Result<CommandOutcome, CommandRefusal> {
    let Some(current) = E::collection(model).get(position) else {
        return Err(not_found::<E>(candidate.id()));
    };
    // Compared with the current stamps, so that an update that only differs in the
    // revision or time the caller sent counts as no change.
    candidate.set_stamp(current.revision(), current.modified());
    if candidate == *current {
        return Ok(unchanged_outcome(model));
    }
    validate_entity(model, &candidate, position)?;
    candidate.set_stamp(current.revision().saturating_add(1), now);
    let id = candidate.id().to_string();
    if let Some(slot) = E::collection_mut(model).get_mut(position) {
        *slot = candidate;
    }
    Ok(finish_entity_change(
        model,
        now,
        E::KIND,
        id,
        EntityChange::Updated,
    ))
}

fn set_goal_contribution(
    model: &mut Model,
    initiative_id: &str,
    goal_id: EntityId,
    strength: Option<u8>,
    now: Timestamp,
) -> Result<CommandOutcome, CommandRefusal> {
    position_of::<Initiative>(model, initiative_id)?;
    if strength.is_some() && !model.contains(EntityKind::Goal, &goal_id) {
        return Err(CommandRefusal::NotFound {
            kind: EntityKind::Goal,
            id: goal_id,
        });
    }
    modify_entity::<Initiative>(model, initiative_id, now, |initiative| {
        let contributions = &mut initiative.goal_contributions;
        match strength {
            None => contributions.retain(|contribution| contribution.goal_id != goal_id),
            Some(strength) => {
                match contributions
                    .iter_mut()
                    .find(|contribution| contribution.goal_id == goal_id)
                {
                    Some(contribution) => contribution.strength = strength,
                    None => contributions.push(GoalContribution { goal_id, strength }),
                }
            }
        }
    })
}

fn add_dependency(
    model: &mut Model,
    initiative_id: &str,
    depends_on_id: EntityId,
    now: Timestamp,
) -> Result<CommandOutcome, CommandRefusal> {
    let position = position_of::<Initiative>(model, initiative_id)?;
    let Some(initiative) = model.initiatives.get(position) else {
        return Err(not_found::<Initiative>(initiative_id));
    };
    // A self-dependency is a cycle of one, so it is refused as a cycle even though
    // the "dependency" exists.
    if depends_on_id != initiative_id && !model.contains(EntityKind::Initiative, &depends_on_id) {
        return Err(CommandRefusal::NotFound {
            kind: EntityKind::Initiative,
            id: depends_on_id,
        });
    }
    if initiative.depends_on_ids.contains(&depends_on_id) {
        return Ok(unchanged_outcome(model));
    }
    check_no_cycle(
        model,
        &initiative.id,
        &initiative.title,
        &[depends_on_id.as_str()],
    )?;
    modify_entity::<Initiative>(model, initiative_id, now, |initiative| {
        initiative.depends_on_ids.push(depends_on_id);
    })
}

/// Deletes the entity of `kind` with `id`. Not generic over the entity type: only
/// finding and removing the entity depend on the kind, and those are small matches,
/// so the deletion itself is compiled once rather than once per kind.
fn delete_entity(
    model: &mut Model,
    kind: EntityKind,
    id: &str,
    now: Timestamp,
) -> Result<CommandOutcome, CommandRefusal> {
    let position = with_entity_type!(kind, Type => position_of::<Type>(model, id))?;
    let dependents = blocking_dependents(model, kind, id);
    if !dependents.is_empty() {
        return Err(CommandRefusal::StillReferenced {
            kind,
            id: id.to_string(),
            dependents,
        });
    }
    let Some(removed_id) =
        with_entity_type!(kind, Type => remove_entity_at::<Type>(model, position))
    else {
        return Err(not_found_of_kind(kind, id));
    };
    let mut touched = vec![TouchedEntity {
        kind,
        id: removed_id.clone(),
        change: EntityChange::Deleted,
    }];
    clean_links_to(model, kind, &removed_id, now, &mut touched);
    model.tombstones.push(Tombstone {
        id: removed_id,
        kind,
        deleted: now,
    });
    Ok(finish(model, now, touched, false))
}

/// Removes the entity at `position` of its collection and returns its id, or `None`
/// when there is no entity there.
fn remove_entity_at<E: StoredEntity>(model: &mut Model, position: usize) -> Option<EntityId> {
    let collection = E::collection_mut(model);
    if position >= collection.len() {
        return None;
    }
    let removed = collection.remove(position);
    Some(removed.id().to_string())
}

// ---------------------------------------------------------------------------------
// Deletion: what refuses it, and what gets cleaned
// ---------------------------------------------------------------------------------

/// The entities whose ownership or recorded history forbids deleting `id`.
fn blocking_dependents(model: &Model, kind: EntityKind, id: &str) -> Vec<Dependent> {
    fn collect<E: StoredEntity>(
        entities: &[E],
        depends: impl Fn(&E) -> bool,
        dependents: &mut Vec<Dependent>,
    ) {
        dependents.extend(
            entities
                .iter()
                .filter(|entity| depends(entity))
                .map(StoredEntity::label),
        );
    }
    let owned_by = |owner_id: &Option<EntityId>| owner_id.as_deref() == Some(id);
    let mut dependents = Vec::new();
    match kind {
        EntityKind::Person => {
            collect(&model.goals, |e| owned_by(&e.owner_id), &mut dependents);
            collect(&model.kpis, |e| owned_by(&e.owner_id), &mut dependents);
            collect(&model.processes, |e| owned_by(&e.owner_id), &mut dependents);
            collect(
                &model.capabilities,
                |e| owned_by(&e.owner_id),
                &mut dependents,
            );
            collect(
                &model.data_objects,
                |e| owned_by(&e.data_owner_id),
                &mut dependents,
            );
            collect(
                &model.initiatives,
                |e| owned_by(&e.owner_id),
                &mut dependents,
            );
            collect(
                &model.spend_items,
                |e| owned_by(&e.owner_id),
                &mut dependents,
            );
        }
        EntityKind::Goal => {
            collect(&model.kpis, |kpi| kpi.goal_id == id, &mut dependents);
        }
        EntityKind::Kpi => collect(
            &model.reviews,
            |review| review.kpi_actuals.iter().any(|actual| actual.kpi_id == id),
            &mut dependents,
        ),
        EntityKind::Initiative => collect(
            &model.reviews,
            |review| {
                review
                    .initiative_health
                    .iter()
                    .any(|health| health.initiative_id == id)
            },
            &mut dependents,
        ),
        EntityKind::BusinessProcess
        | EntityKind::Capability
        | EntityKind::DataObject
        | EntityKind::SpendItem
        | EntityKind::Review
        | EntityKind::WorkshopSession => {}
    }
    dependents
}

/// Removes every association link to the deleted entity `id` of `kind`, stamping
/// each entity that lost a link and recording it in `touched`.
fn clean_links_to(
    model: &mut Model,
    kind: EntityKind,
    id: &str,
    now: Timestamp,
    touched: &mut Vec<TouchedEntity>,
) {
    match kind {
        EntityKind::Goal => {
            clean_each(&mut model.capabilities, now, touched, |capability| {
                remove_id(&mut capability.goal_ids, id)
            });
            clean_each(&mut model.initiatives, now, touched, |initiative| {
                let before = initiative.goal_contributions.len();
                initiative
                    .goal_contributions
                    .retain(|contribution| contribution.goal_id != id);
                initiative.goal_contributions.len() != before
            });
            clean_each(&mut model.spend_items, now, touched, |spend_item| {
                remove_id(&mut spend_item.goal_ids, id)
            });
            clean_each(&mut model.workshop_sessions, now, touched, |session| {
                remove_dot_votes(session, DotVoteTargetKind::Goal, id)
            });
        }
        EntityKind::BusinessProcess => {
            clean_each(&mut model.capabilities, now, touched, |capability| {
                remove_id(&mut capability.process_ids, id)
            });
            clean_each(&mut model.initiatives, now, touched, |initiative| {
                remove_id(&mut initiative.process_ids, id)
            });
            clean_each(&mut model.spend_items, now, touched, |spend_item| {
                remove_id(&mut spend_item.process_ids, id)
            });
        }
        EntityKind::Capability => {
            clean_each(&mut model.initiatives, now, touched, |initiative| {
                remove_id(&mut initiative.capability_ids, id)
            });
        }
        EntityKind::DataObject => {
            clean_each(&mut model.capabilities, now, touched, |capability| {
                remove_id(&mut capability.data_object_ids, id)
            });
        }
        EntityKind::Initiative => {
            clean_each(&mut model.initiatives, now, touched, |initiative| {
                remove_id(&mut initiative.depends_on_ids, id)
            });
            clean_each(&mut model.spend_items, now, touched, |spend_item| {
                if spend_item.initiative_id.as_deref() == Some(id) {
                    spend_item.initiative_id = None;
                    true
                } else {
                    false
                }
            });
            clean_each(&mut model.reviews, now, touched, |review| {
                remove_id(&mut review.confirmed_initiative_ids, id)
            });
            clean_each(&mut model.workshop_sessions, now, touched, |session| {
                let votes_before = session.estimate_votes.len();
                session
                    .estimate_votes
                    .retain(|vote| vote.initiative_id != id);
                let accepted_before = session.accepted_estimates.len();
                session
                    .accepted_estimates
                    .retain(|accepted| accepted.initiative_id != id);
                let dots_removed = remove_dot_votes(session, DotVoteTargetKind::Initiative, id);
                dots_removed
                    || session.estimate_votes.len() != votes_before
                    || session.accepted_estimates.len() != accepted_before
            });
        }
        EntityKind::SpendItem => {
            clean_each(&mut model.reviews, now, touched, |review| {
                remove_id(&mut review.confirmed_spend_item_ids, id)
            });
        }
        // People, goals' KPIs and history are protected by refusal instead; reviews
        // and workshop sessions are referenced by nothing.
        EntityKind::Person | EntityKind::Kpi | EntityKind::Review | EntityKind::WorkshopSession => {
        }
    }
}

/// Runs `clean` on every entity; each one it reports as changed gets the next
/// revision and `now`, and is recorded in `touched`.
fn clean_each<E: StoredEntity>(
    entities: &mut [E],
    now: Timestamp,
    touched: &mut Vec<TouchedEntity>,
    mut clean: impl FnMut(&mut E) -> bool,
) {
    for entity in entities {
        if clean(entity) {
            let next_revision = entity.revision().saturating_add(1);
            entity.set_stamp(next_revision, now);
            touched.push(TouchedEntity {
                kind: E::KIND,
                id: entity.id().to_string(),
                change: EntityChange::LinksCleaned,
            });
        }
    }
}

/// Removes every occurrence of `id`; returns whether there was one.
fn remove_id(ids: &mut Vec<EntityId>, id: &str) -> bool {
    let before = ids.len();
    ids.retain(|existing| existing != id);
    ids.len() != before
}

fn remove_dot_votes(
    session: &mut WorkshopSession,
    target_kind: DotVoteTargetKind,
    id: &str,
) -> bool {
    let before = session.dot_votes.len();
    session
        .dot_votes
        .retain(|vote| !(vote.target_kind == target_kind && vote.target_id == id));
    session.dot_votes.len() != before
}

// ---------------------------------------------------------------------------------
// Checks that need more than the entity itself
// ---------------------------------------------------------------------------------

/// Runs the per-entity validation of `entity` as it would sit at `position`.
fn validate_entity<E: StoredEntity>(
    model: &Model,
    entity: &E,
    position: usize,
) -> Result<(), CommandRefusal> {
    validate_at_path(model, E::KIND, position, &|path, context, violations| {
        entity.validate(path, context, violations);
    })
}

/// The non-generic body of [`validate_entity`]: builds the path and the context,
/// runs `validate` and turns its violations into a refusal.
fn validate_at_path(
    model: &Model,
    kind: EntityKind,
    position: usize,
    validate: &dyn Fn(&str, &ValidationContext<'_>, &mut Vec<ModelViolation>),
) -> Result<(), CommandRefusal> {
    let context = ValidationContext::new(&model.settings, model);
    let mut violations = Vec::new();
    validate(&entity_path(kind, position), &context, &mut violations);
    if violations.is_empty() {
        Ok(())
    } else {
        Err(CommandRefusal::Invalid(violations))
    }
}

/// The entity's own id and its cost line ids must differ from each other and be
/// unused in the model, except by the entity itself at `own_position` (an update).
/// Only picks the ids out of the entity; the work is done once for every kind by
/// [`check_new_entity_ids`], so it is not compiled ten times.
fn check_entity_ids_are_new<E: StoredEntity>(
    model: &Model,
    entity: &E,
    position: usize,
    own_position: Option<usize>,
) -> Result<(), CommandRefusal> {
    let stored = own_position
        .and_then(|own_position| E::collection(model).get(own_position))
        .map(|stored| (stored.id(), stored.cost_lines()));
    check_new_entity_ids(
        model,
        NewEntityIds {
            kind: E::KIND,
            id: entity.id(),
            cost_lines: entity.cost_lines(),
            position,
            own_position,
            stored,
        },
    )
}

/// The ids a created or updated entity brings, and where it sits in the model.
struct NewEntityIds<'ids> {
    kind: EntityKind,
    id: &'ids str,
    cost_lines: &'ids [CostLine],
    /// Where the entity is or will be in its collection, for violation paths.
    position: usize,
    /// Where the entity already is, on update.
    own_position: Option<usize>,
    /// The id and cost lines of the stored version, on update.
    stored: Option<(&'ids str, &'ids [CostLine])>,
}

/// The non-generic body of [`check_entity_ids_are_new`].
fn check_new_entity_ids(model: &Model, new: NewEntityIds<'_>) -> Result<(), CommandRefusal> {
    let NewEntityIds {
        kind: entity_kind,
        id: entity_id,
        cost_lines,
        position,
        own_position,
        stored,
    } = new;
    let mut ids: Vec<&str> = Vec::with_capacity(1 + cost_lines.len());
    ids.push(entity_id);
    ids.extend(cost_lines.iter().map(|cost_line| cost_line.id.as_str()));
    let mut violations = Vec::new();
    report_repeated_new_ids(&ids, &mut violations, &|index| {
        if index == 0 {
            IdLocation::Entity {
                kind: entity_kind,
                index: position,
            }
            .path()
        } else {
            IdLocation::CostLine {
                kind: entity_kind,
                index: position,
                line_index: index - 1,
            }
            .path()
        }
    });
    if !violations.is_empty() {
        return Err(CommandRefusal::Invalid(violations));
    }
    // On update, the ids the stored version already has are its own and cannot
    // clash; only the others need the pass over the whole model. Usually there are
    // none, and an update then costs no pass at all.
    if let Some((stored_id, stored_cost_lines)) = stored {
        let is_stored_id = |id: &str| {
            id == stored_id || stored_cost_lines.iter().any(|cost_line| cost_line.id == id)
        };
        ids.retain(|id| !is_stored_id(id));
    }
    check_ids_unused(model, &ids, &|location| {
        let Some(own_position) = own_position else {
            return false;
        };
        match location {
            IdLocation::Entity { kind, index } | IdLocation::CostLine { kind, index, .. } => {
                kind == entity_kind && index == own_position
            }
            IdLocation::Model | IdLocation::Criterion { .. } => false,
        }
    })
}

/// Reports each id in `ids` that repeats an earlier one as [`ViolationKind::DuplicateId`].
fn report_repeated_new_ids(
    ids: &[&str],
    violations: &mut Vec<ModelViolation>,
    path_of: &dyn Fn(usize) -> String,
) {
    for (repeat, first) in repeated_positions(ids) {
        if let Some(id) = ids.get(repeat) {
            if id.trim().is_empty() {
                // Reported as an empty id by the field checks.
                continue;
            }
            violations.push(ModelViolation {
                path: path_of(repeat),
                kind: ViolationKind::DuplicateId {
                    id: super::validation::excerpt(id),
                    first_path: path_of(first),
                },
            });
        }
    }
}

/// Refuses when any of `new_ids` is in use in the model (other than where `is_own`
/// says it belongs to what is being changed) or is the id of a deleted entity. One
/// pass over the model's ids; membership in `new_ids` is a linear search, since a
/// command brings only a handful of new ids, and a hash set for hostile long lists.
fn check_ids_unused(
    model: &Model,
    new_ids: &[&str],
    is_own: &dyn Fn(IdLocation) -> bool,
) -> Result<(), CommandRefusal> {
    const LINEAR_SEARCH_LIMIT: usize = 8;
    let new_ids: Vec<&str> = new_ids
        .iter()
        .copied()
        .filter(|id| !id.trim().is_empty())
        .collect();
    if new_ids.is_empty() {
        return Ok(());
    }
    let hashed: Option<HashSet<&str>> =
        (new_ids.len() > LINEAR_SEARCH_LIMIT).then(|| new_ids.iter().copied().collect());
    let is_new = |id: &str| match &hashed {
        Some(set) => set.contains(id),
        None => new_ids.contains(&id),
    };
    let mut clash: Option<&str> = None;
    for_each_live_id(model, |id, location| {
        if clash.is_none() && is_new(id) && !is_own(location) {
            clash = Some(id);
        }
    });
    if let Some(id) = clash {
        return Err(CommandRefusal::IdAlreadyUsed { id: id.to_string() });
    }
    if let Some(tombstone) = model
        .tombstones
        .iter()
        .find(|tombstone| is_new(&tombstone.id))
    {
        return Err(CommandRefusal::IdOfDeletedEntity {
            id: tombstone.id.clone(),
        });
    }
    Ok(())
}

/// Refuses when giving the initiative `initiative_id` the dependencies
/// `new_dependency_ids` would close a cycle. The model is acyclic before, so only
/// paths from a new dependency back to the initiative matter: one depth-first search
/// from the new dependencies, sharing what it visited, linear in the initiatives.
fn check_no_cycle(
    model: &Model,
    initiative_id: &str,
    initiative_title: &str,
    new_dependency_ids: &[&str],
) -> Result<(), CommandRefusal> {
    let own_label = EntityLabel {
        kind: EntityKind::Initiative,
        id: initiative_id.to_string(),
        title: initiative_title.to_string(),
    };
    if new_dependency_ids.contains(&initiative_id) {
        return Err(CommandRefusal::DependencyCycle {
            cycle: vec![own_label],
        });
    }
    if new_dependency_ids.is_empty() {
        return Ok(());
    }
    let initiatives = &model.initiatives;
    let mut position_by_id: HashMap<&str, usize> = HashMap::with_capacity(initiatives.len());
    for (position, initiative) in initiatives.iter().enumerate() {
        position_by_id.entry(&initiative.id).or_insert(position);
    }
    let mut visited = vec![false; initiatives.len()];
    let mut parent: Vec<Option<usize>> = vec![None; initiatives.len()];
    let mut stack: Vec<usize> = Vec::new();

    for start_id in new_dependency_ids {
        let Some(&start) = position_by_id.get(start_id) else {
            continue;
        };
        if visited.get(start) != Some(&false) {
            continue;
        }
        if let Some(flag) = visited.get_mut(start) {
            *flag = true;
        }
        stack.push(start);
        while let Some(node) = stack.pop() {
            let Some(initiative) = initiatives.get(node) else {
                continue;
            };
            for dependency_id in &initiative.depends_on_ids {
                if dependency_id == initiative_id {
                    let mut members = vec![node];
                    let mut current = node;
                    // Bounded by the number of initiatives, so a corrupted parent
                    // chain can never loop forever.
                    for _ in 0..initiatives.len() {
                        match parent.get(current).copied().flatten() {
                            Some(previous) => {
                                members.push(previous);
                                current = previous;
                            }
                            None => break,
                        }
                    }
                    members.reverse();
                    let mut cycle = vec![own_label];
                    cycle.extend(
                        members
                            .into_iter()
                            .filter_map(|member| initiatives.get(member))
                            .map(StoredEntity::label),
                    );
                    return Err(CommandRefusal::DependencyCycle { cycle });
                }
                let Some(&next) = position_by_id.get(dependency_id.as_str()) else {
                    continue;
                };
                if visited.get(next) == Some(&false) {
                    if let Some(flag) = visited.get_mut(next) {
                        *flag = true;
                    }
                    if let Some(slot) = parent.get_mut(next) {
                        *slot = Some(node);
                    }
                    stack.push(next);
                }
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------

fn position_of<E: StoredEntity>(model: &Model, id: &str) -> Result<usize, CommandRefusal> {
    E::collection(model)
        .iter()
        .position(|entity| entity.id() == id)
        .ok_or_else(|| not_found::<E>(id))
}

fn not_found<E: StoredEntity>(id: &str) -> CommandRefusal {
    not_found_of_kind(E::KIND, id)
}

fn not_found_of_kind(kind: EntityKind, id: &str) -> CommandRefusal {
    CommandRefusal::NotFound {
        kind,
        id: super::validation::excerpt(id),
    }
}

fn unchanged_outcome(model: &Model) -> CommandOutcome {
    CommandOutcome {
        model_revision: model.revision,
        model_fields_changed: false,
        touched: Vec::new(),
    }
}

/// Finishes a command that changed exactly one entity. Kept out of the generic
/// create and update code so that it is compiled once, not once per entity kind.
fn finish_entity_change(
    model: &mut Model,
    now: Timestamp,
    kind: EntityKind,
    id: EntityId,
    change: EntityChange,
) -> CommandOutcome {
    finish(model, now, vec![TouchedEntity { kind, id, change }], false)
}

/// Bumps the model's revision and time after a change.
fn finish(
    model: &mut Model,
    now: Timestamp,
    touched: Vec<TouchedEntity>,
    model_fields_changed: bool,
) -> CommandOutcome {
    model.revision = model.revision.saturating_add(1);
    model.modified = now;
    CommandOutcome {
        model_revision: model.revision,
        model_fields_changed,
        touched,
    }
}

// ---------------------------------------------------------------------------------
// The entity kinds, made uniform for the generic code above
// ---------------------------------------------------------------------------------

/// What the generic create, update, modify and delete code needs of an entity type.
/// The field access is the same for every kind and is generated by
/// `stored_entity!`; what differs between kinds is in [`EntityRules`].
trait StoredEntity: EntityRules + Clone + PartialEq + Sized {
    const KIND: EntityKind;
    fn collection(model: &Model) -> &Vec<Self>;
    fn collection_mut(model: &mut Model) -> &mut Vec<Self>;
    fn id(&self) -> &str;
    fn revision(&self) -> u64;
    fn modified(&self) -> Timestamp;
    fn set_stamp(&mut self, revision: u64, modified: Timestamp);
    fn validate(
        &self,
        path: &str,
        context: &ValidationContext<'_>,
        violations: &mut Vec<ModelViolation>,
    );

    fn label(&self) -> EntityLabel {
        EntityLabel {
            kind: Self::KIND,
            id: self.id().to_string(),
            title: self.title(),
        }
    }
}

/// What differs between entity kinds for the commands.
trait EntityRules {
    /// The text the UI shows for this entity in lists and messages.
    fn title(&self) -> String;

    /// Cost lines carry ids that must be unique in the model too.
    fn cost_lines(&self) -> &[CostLine] {
        &[]
    }

    /// Brings stored order invariants about (sorted KPI measurements).
    fn normalize(&mut self) {}

    /// Refuses dependencies that would close a cycle; `previous` is the stored
    /// version on update.
    fn check_new_dependencies(
        &self,
        model: &Model,
        previous: Option<&Self>,
    ) -> Result<(), CommandRefusal> {
        let _ = (model, previous);
        Ok(())
    }
}

/// Implements [`StoredEntity`] and `From<$type> for Entity` for an entity type whose
/// collection in [`Model`] is `$collection` and whose per-entity check is `$validate`.
macro_rules! stored_entity {
    ($type:ident, $collection:ident, $validate:ident) => {
        impl StoredEntity for $type {
            const KIND: EntityKind = EntityKind::$type;

            fn collection(model: &Model) -> &Vec<Self> {
                &model.$collection
            }

            fn collection_mut(model: &mut Model) -> &mut Vec<Self> {
                &mut model.$collection
            }

            fn id(&self) -> &str {
                &self.id
            }

            fn revision(&self) -> u64 {
                self.revision
            }

            fn modified(&self) -> Timestamp {
                self.modified
            }

            fn set_stamp(&mut self, revision: u64, modified: Timestamp) {
                self.revision = revision;
                self.modified = modified;
            }

            fn validate(
                &self,
                path: &str,
                context: &ValidationContext<'_>,
                violations: &mut Vec<ModelViolation>,
            ) {
                $validate(self, path, context, violations);
            }
        }

        impl From<$type> for Entity {
            fn from(entity: $type) -> Entity {
                Entity::$type(entity)
            }
        }
    };
}

stored_entity!(Person, people, validate_person);
stored_entity!(Goal, goals, validate_goal);
stored_entity!(Kpi, kpis, validate_kpi);
stored_entity!(BusinessProcess, processes, validate_business_process);
stored_entity!(Capability, capabilities, validate_capability);
stored_entity!(DataObject, data_objects, validate_data_object);
stored_entity!(Initiative, initiatives, validate_initiative);
stored_entity!(SpendItem, spend_items, validate_spend_item);
stored_entity!(Review, reviews, validate_review);
stored_entity!(
    WorkshopSession,
    workshop_sessions,
    validate_workshop_session
);

impl EntityRules for Person {
    fn title(&self) -> String {
        self.name.clone()
    }
}

impl EntityRules for Goal {
    fn title(&self) -> String {
        self.title.clone()
    }
}

impl EntityRules for Kpi {
    fn title(&self) -> String {
        self.name.clone()
    }

    fn normalize(&mut self) {
        // Stable, so two measurements of one quarter stay in the given order and are
        // reported as a duplicate rather than silently dropped.
        self.measurements
            .sort_by_key(|measurement| measurement.quarter);
    }
}

impl EntityRules for BusinessProcess {
    fn title(&self) -> String {
        self.name.clone()
    }
}

impl EntityRules for Capability {
    fn title(&self) -> String {
        self.name.clone()
    }
}

impl EntityRules for DataObject {
    fn title(&self) -> String {
        self.name.clone()
    }
}

impl EntityRules for Initiative {
    fn title(&self) -> String {
        self.title.clone()
    }

    fn cost_lines(&self) -> &[CostLine] {
        &self.cost_lines
    }

    fn check_new_dependencies(
        &self,
        model: &Model,
        previous: Option<&Self>,
    ) -> Result<(), CommandRefusal> {
        // Only dependencies the stored version does not have yet can close a cycle,
        // since the stored model has none.
        let previous_ids: HashSet<&str> = previous
            .map(|previous| previous.depends_on_ids.iter().map(String::as_str).collect())
            .unwrap_or_default();
        let new_dependency_ids: Vec<&str> = self
            .depends_on_ids
            .iter()
            .map(String::as_str)
            .filter(|id| !previous_ids.contains(id))
            .collect();
        check_no_cycle(model, &self.id, &self.title, &new_dependency_ids)
    }
}

impl EntityRules for SpendItem {
    fn title(&self) -> String {
        self.name.clone()
    }

    fn cost_lines(&self) -> &[CostLine] {
        &self.cost_lines
    }
}

impl EntityRules for Review {
    /// A review has no title; it is named by its quarter, such as `2026-Q2`.
    fn title(&self) -> String {
        self.quarter.to_string()
    }
}

impl EntityRules for WorkshopSession {
    fn title(&self) -> String {
        self.title.clone()
    }
}

fn kind_of_entity<E: StoredEntity>(_entity: &E) -> EntityKind {
    E::KIND
}

impl Entity {
    /// The kind of the entity inside.
    pub fn kind(&self) -> EntityKind {
        with_entity!(self, |inner| kind_of_entity(inner))
    }

    /// The id of the entity inside.
    pub fn id(&self) -> &str {
        with_entity!(self, |inner| inner.id.as_str())
    }

    /// The text the UI shows for the entity (a review's quarter, as it has no title).
    pub fn title(&self) -> String {
        with_entity!(self, |inner| EntityRules::title(inner))
    }
}
