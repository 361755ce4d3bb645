//! Tests of [`crate::model::commands`]: every command's effect, revision and time;
//! every refusal leaves the model exactly as it was; deletion cleans or refuses as
//! the policy says; cycles are refused; large models stay fast.

use std::time::{Duration, Instant};

use super::fixture::*;
use crate::model::commands::*;
use crate::model::types::*;
use crate::model::validation::{validate_model, ModelViolation, ViolationKind};

/// Applies a command that must succeed, and checks the model is still valid.
#[track_caller]
fn apply_ok(model: &mut Model, command: Command) -> CommandOutcome {
    let outcome = model
        .apply(command, later())
        .unwrap_or_else(|refusal| panic!("refused: {refusal}"));
    assert_eq!(
        validate_model(model),
        Vec::new(),
        "the model must stay valid"
    );
    outcome
}

/// Applies a command that must be refused, and checks it changed nothing at all.
#[track_caller]
fn apply_refused(model: &Model, command: Command) -> CommandRefusal {
    let mut attempted = model.clone();
    let refusal = attempted
        .apply(command, later())
        .expect_err("the command should be refused");
    assert_eq!(&attempted, model, "a refused command must change nothing");
    refusal
}

/// Applies a command that must succeed without changing anything.
#[track_caller]
fn apply_unchanged(model: &Model, command: Command) {
    let mut attempted = model.clone();
    let outcome = attempted
        .apply(command, later())
        .unwrap_or_else(|refusal| panic!("refused: {refusal}"));
    assert!(!outcome.changed_anything(), "{outcome:?}");
    assert_eq!(outcome.model_revision, model.revision);
    assert_eq!(&attempted, model);
}

fn touched(kind: EntityKind, id: &str, change: EntityChange) -> TouchedEntity {
    TouchedEntity {
        kind,
        id: id.to_string(),
        change,
    }
}

fn label(kind: EntityKind, id: &str, title: &str) -> EntityLabel {
    EntityLabel {
        kind,
        id: id.to_string(),
        title: title.to_string(),
    }
}

fn invalid(path: &str, kind: ViolationKind) -> CommandRefusal {
    CommandRefusal::Invalid(vec![ModelViolation {
        path: path.to_string(),
        kind,
    }])
}

/// The revision and modified time of any entity, found by kind and id.
fn stamp_of(model: &Model, kind: EntityKind, id: &str) -> Option<(u64, Timestamp)> {
    match kind {
        EntityKind::Person => model.person(id).map(|e| (e.revision, e.modified)),
        EntityKind::Goal => model.goal(id).map(|e| (e.revision, e.modified)),
        EntityKind::Kpi => model.kpi(id).map(|e| (e.revision, e.modified)),
        EntityKind::BusinessProcess => model.process(id).map(|e| (e.revision, e.modified)),
        EntityKind::Capability => model.capability(id).map(|e| (e.revision, e.modified)),
        EntityKind::DataObject => model.data_object(id).map(|e| (e.revision, e.modified)),
        EntityKind::Initiative => model.initiative(id).map(|e| (e.revision, e.modified)),
        EntityKind::SpendItem => model.spend_item(id).map(|e| (e.revision, e.modified)),
        EntityKind::Review => model.review(id).map(|e| (e.revision, e.modified)),
        EntityKind::WorkshopSession => model.workshop_session(id).map(|e| (e.revision, e.modified)),
    }
}

/// Asserts the model and each listed entity carry `later()` and the given revision.
#[track_caller]
fn assert_stamped(model: &Model, model_revision: u64, entities: &[(EntityKind, &str, u64)]) {
    assert_eq!(model.revision, model_revision);
    assert_eq!(model.modified, later());
    for (kind, id, revision) in entities {
        assert_eq!(
            stamp_of(model, *kind, id),
            Some((*revision, later())),
            "{kind:?} {id}"
        );
    }
}

// ------------------------------------------------------------------ model info

#[test]
fn set_model_info_changes_the_fields_and_bumps_the_model() {
    let mut model = fixture_model();
    let outcome = apply_ok(
        &mut model,
        Command::SetModelInfo {
            title: "Schmidt KG".to_string(),
            organization: "Schmidt KG, Köln".to_string(),
            currency: "CHF".to_string(),
            planning_start: quarter("2026-Q3"),
        },
    );
    assert_eq!(
        outcome,
        CommandOutcome {
            model_revision: 11,
            model_fields_changed: true,
            touched: Vec::new()
        }
    );
    assert!(outcome.changed_anything());
    assert_eq!(model.title, "Schmidt KG");
    assert_eq!(model.organization, "Schmidt KG, Köln");
    assert_eq!(model.currency, "CHF");
    assert_eq!(model.planning_start, quarter("2026-Q3"));
    assert_stamped(&model, 11, &[]);
}

#[test]
fn set_model_info_refuses_an_empty_title_and_a_bad_currency() {
    let model = fixture_model();
    let refusal = apply_refused(
        &model,
        Command::SetModelInfo {
            title: "  ".to_string(),
            organization: String::new(),
            currency: "eur".to_string(),
            planning_start: quarter("2026-Q1"),
        },
    );
    assert_eq!(
        refusal,
        CommandRefusal::Invalid(vec![
            ModelViolation {
                path: "model.title".to_string(),
                kind: ViolationKind::EmptyRequiredText
            },
            ModelViolation {
                path: "model.currency".to_string(),
                kind: ViolationKind::InvalidCurrency {
                    code: "eur".to_string()
                }
            },
        ])
    );
}

#[test]
fn set_model_info_with_the_same_values_changes_nothing() {
    let model = fixture_model();
    apply_unchanged(
        &model,
        Command::SetModelInfo {
            title: model.title.clone(),
            organization: model.organization.clone(),
            currency: model.currency.clone(),
            planning_start: model.planning_start,
        },
    );
}

// -------------------------------------------------------------------- settings

#[test]
fn update_settings_replaces_the_settings() {
    let mut model = fixture_model();
    let mut settings = model.settings.clone();
    settings.roadmap_horizon_quarters = 12;
    settings.quadrant_threshold = 6.0;
    settings.scoring_framework = ScoringFramework::Weighted;
    settings.weighted_criteria.push(WeightedCriterion {
        id: "crit-3".to_string(),
        name: "Risk reduction".to_string(),
        weight: 20,
    });
    let outcome = apply_ok(&mut model, Command::UpdateSettings(settings.clone()));
    assert_eq!(model.settings, settings);
    assert!(outcome.model_fields_changed);
    assert_eq!(outcome.touched, Vec::new());
    assert_stamped(&model, 11, &[]);
}

#[test]
fn update_settings_removing_a_criterion_removes_its_scores() {
    let mut model = fixture_model();
    let mut settings = model.settings.clone();
    settings
        .weighted_criteria
        .retain(|criterion| criterion.id != "crit-2");
    let outcome = apply_ok(&mut model, Command::UpdateSettings(settings));
    assert_eq!(
        outcome.touched,
        vec![touched(
            EntityKind::Initiative,
            "initiative-1",
            EntityChange::LinksCleaned
        )]
    );
    let scores = &model
        .initiative("initiative-1")
        .unwrap()
        .scores
        .criterion_scores;
    assert_eq!(scores.keys().collect::<Vec<_>>(), vec!["crit-1"]);
    assert_stamped(&model, 11, &[(EntityKind::Initiative, "initiative-1", 2)]);
}

#[test]
fn update_settings_refuses_values_out_of_range() {
    let model = fixture_model();
    let mut settings = model.settings.clone();
    settings.roadmap_horizon_quarters = 3;
    assert_eq!(
        apply_refused(&model, Command::UpdateSettings(settings)),
        invalid(
            "model.settings.roadmap_horizon_quarters",
            ViolationKind::OutOfRange {
                value: 3.0,
                min: 4.0,
                max: 12.0
            }
        )
    );
}

#[test]
fn update_settings_refuses_criterion_ids_in_use_deleted_or_repeated() {
    let model = fixture_model();
    let with_criterion_id = |id: &str| {
        let mut settings = model.settings.clone();
        settings.weighted_criteria.push(WeightedCriterion {
            id: id.to_string(),
            name: "New".to_string(),
            weight: 10,
        });
        Command::UpdateSettings(settings)
    };
    assert_eq!(
        apply_refused(&model, with_criterion_id("goal-1")),
        CommandRefusal::IdAlreadyUsed {
            id: "goal-1".to_string()
        }
    );
    assert_eq!(
        apply_refused(&model, with_criterion_id("deleted-1")),
        CommandRefusal::IdOfDeletedEntity {
            id: "deleted-1".to_string()
        }
    );
    assert_eq!(
        apply_refused(&model, with_criterion_id("crit-1")),
        CommandRefusal::Invalid(vec![ModelViolation {
            path: "model.settings.weighted_criteria[2].id".to_string(),
            kind: ViolationKind::DuplicateId {
                id: "crit-1".to_string(),
                first_path: "model.settings.weighted_criteria[0].id".to_string()
            }
        }])
    );
}

#[test]
fn update_settings_with_the_same_settings_changes_nothing() {
    let model = fixture_model();
    apply_unchanged(&model, Command::UpdateSettings(model.settings.clone()));
}

// ---------------------------------------------------------------------- create

/// One new, valid entity of every kind, linked into the fixture, each carrying a
/// revision and time the core must ignore.
fn new_entities() -> Vec<Entity> {
    let ignored_time: Timestamp = "2020-05-05T05:05:05Z".parse().unwrap();
    let mut dora = person("person-4", "Dora New");
    dora.roles = vec![PersonRole::ProductOwner];
    let mut cost_goal = goal("goal-3", "Lower IT cost");
    cost_goal.owner_id = Some("person-3".to_string());
    let mut quote_time = kpi("kpi-2", "goal-2", "Days to quote");
    quote_time.measurements = vec![measurement("2026-Q3", 4.0), measurement("2026-Q1", 6.0)];
    let billing = process("process-3", "Billing");
    let mut portal = capability("capability-2", "Customer portal");
    portal.goal_ids = vec!["goal-2".to_string()];
    let contracts = data_object("data-2", "Contracts");
    let mut follow_up = initiative("initiative-4", "Portal launch");
    follow_up.depends_on_ids = vec!["initiative-3".to_string()];
    follow_up.cost_lines = vec![cost_line("cost-3", 500_000, 100_000)];
    follow_up
        .scores
        .criterion_scores
        .insert("crit-2".to_string(), 5);
    let mut hosting = spend_item("spend-2", "Hosting");
    hosting.cost_lines = vec![cost_line("cost-4", 0, 240_000)];
    hosting.initiative_id = Some("initiative-2".to_string());
    let mut second_review = review("review-2", "2026-Q2");
    second_review.kpi_actuals = vec![ReviewKpiActual {
        kpi_id: "kpi-1".to_string(),
        value: 104.0,
        note: String::new(),
    }];
    let second_workshop = workshop_session("workshop-2", "Second workshop");

    let mut entities: Vec<Entity> = vec![
        dora.into(),
        cost_goal.into(),
        quote_time.into(),
        billing.into(),
        portal.into(),
        contracts.into(),
        follow_up.into(),
        hosting.into(),
        second_review.into(),
        second_workshop.into(),
    ];
    for entity in &mut entities {
        match entity {
            Entity::Person(e) => (e.revision, e.modified) = (99, ignored_time),
            Entity::Goal(e) => (e.revision, e.modified) = (99, ignored_time),
            Entity::Kpi(e) => (e.revision, e.modified) = (99, ignored_time),
            Entity::BusinessProcess(e) => (e.revision, e.modified) = (99, ignored_time),
            Entity::Capability(e) => (e.revision, e.modified) = (99, ignored_time),
            Entity::DataObject(e) => (e.revision, e.modified) = (99, ignored_time),
            Entity::Initiative(e) => (e.revision, e.modified) = (99, ignored_time),
            Entity::SpendItem(e) => (e.revision, e.modified) = (99, ignored_time),
            Entity::Review(e) => (e.revision, e.modified) = (99, ignored_time),
            Entity::WorkshopSession(e) => (e.revision, e.modified) = (99, ignored_time),
        }
    }
    entities
}

#[test]
fn create_adds_every_kind_at_revision_one_and_now() {
    let mut model = fixture_model();
    let entities = new_entities();
    let kinds: Vec<EntityKind> = entities.iter().map(Entity::kind).collect();
    assert_eq!(kinds, EntityKind::ALL.to_vec(), "one entity of each kind");
    for (step, entity) in entities.into_iter().enumerate() {
        let kind = entity.kind();
        let id = entity.id().to_string();
        let count_before = model.entity_count(kind);
        let outcome = apply_ok(&mut model, Command::Create(entity));
        assert_eq!(
            outcome,
            CommandOutcome {
                model_revision: 11 + step as u64,
                model_fields_changed: false,
                touched: vec![touched(kind, &id, EntityChange::Created)]
            }
        );
        assert_eq!(model.entity_count(kind), count_before + 1);
        assert_stamped(&model, 11 + step as u64, &[(kind, &id, 1)]);
    }
    // Measurements given out of order were sorted.
    let quarters: Vec<String> = model
        .kpi("kpi-2")
        .unwrap()
        .measurements
        .iter()
        .map(|measurement| measurement.quarter.to_string())
        .collect();
    assert_eq!(quarters, vec!["2026-Q1", "2026-Q3"]);
}

#[test]
fn create_refuses_an_id_in_use_by_any_kind_cost_line_criterion_or_the_model() {
    let model = fixture_model();
    for used in ["goal-1", "cost-2", "crit-1", "model-1", "workshop-1"] {
        assert_eq!(
            apply_refused(&model, Command::Create(person(used, "Duplicate").into())),
            CommandRefusal::IdAlreadyUsed {
                id: used.to_string()
            }
        );
    }
    let mut with_used_cost_line = initiative("initiative-9", "New");
    with_used_cost_line.cost_lines = vec![cost_line("cost-1", 0, 0)];
    assert_eq!(
        apply_refused(&model, Command::Create(with_used_cost_line.into())),
        CommandRefusal::IdAlreadyUsed {
            id: "cost-1".to_string()
        }
    );
}

#[test]
fn create_refuses_the_id_of_a_deleted_entity() {
    let model = fixture_model();
    assert_eq!(
        apply_refused(
            &model,
            Command::Create(goal("deleted-1", "Back again").into())
        ),
        CommandRefusal::IdOfDeletedEntity {
            id: "deleted-1".to_string()
        }
    );
    let mut with_deleted_cost_line = spend_item("spend-9", "New");
    with_deleted_cost_line.cost_lines = vec![cost_line("deleted-1", 0, 0)];
    assert_eq!(
        apply_refused(&model, Command::Create(with_deleted_cost_line.into())),
        CommandRefusal::IdOfDeletedEntity {
            id: "deleted-1".to_string()
        }
    );
}

#[test]
fn create_refuses_ids_repeated_within_the_entity() {
    let model = fixture_model();
    let mut repeated = initiative("initiative-9", "New");
    repeated.cost_lines = vec![cost_line("cost-9", 0, 0), cost_line("cost-9", 0, 0)];
    assert_eq!(
        apply_refused(&model, Command::Create(repeated.into())),
        invalid(
            "model.initiatives[3].cost_lines[1].id",
            ViolationKind::DuplicateId {
                id: "cost-9".to_string(),
                first_path: "model.initiatives[3].cost_lines[0].id".to_string()
            }
        )
    );
    let mut same_as_entity = spend_item("spend-9", "New");
    same_as_entity.cost_lines = vec![cost_line("spend-9", 0, 0)];
    assert_eq!(
        apply_refused(&model, Command::Create(same_as_entity.into())),
        invalid(
            "model.spend_items[1].cost_lines[0].id",
            ViolationKind::DuplicateId {
                id: "spend-9".to_string(),
                first_path: "model.spend_items[1].id".to_string()
            }
        )
    );
}

#[test]
fn create_refuses_invalid_fields_at_the_path_the_entity_would_get() {
    let model = fixture_model();
    let mut heavy = goal("goal-9", "Too heavy");
    heavy.weight = 9;
    assert_eq!(
        apply_refused(&model, Command::Create(heavy.into())),
        invalid(
            "model.goals[2].weight",
            ViolationKind::OutOfRange {
                value: 9.0,
                min: 1.0,
                max: 5.0
            }
        )
    );
    assert_eq!(
        apply_refused(
            &model,
            Command::Create(kpi("kpi-9", "goal-9", "Orphan").into())
        ),
        invalid(
            "model.kpis[1].goal_id",
            ViolationKind::DanglingReference {
                expected_kind: EntityKind::Goal,
                id: "goal-9".to_string()
            }
        )
    );
    assert_eq!(
        apply_refused(&model, Command::Create(person("", "No id").into())),
        invalid("model.people[3].id", ViolationKind::EmptyId)
    );
}

#[test]
fn create_refuses_a_self_dependency_as_a_cycle() {
    let model = fixture_model();
    let mut selfish = initiative("initiative-9", "Selfish");
    selfish.depends_on_ids = vec!["initiative-9".to_string()];
    assert_eq!(
        apply_refused(&model, Command::Create(selfish.into())),
        CommandRefusal::DependencyCycle {
            cycle: vec![label(EntityKind::Initiative, "initiative-9", "Selfish")]
        }
    );
}

// ---------------------------------------------------------------------- update

#[test]
fn update_replaces_every_kind_and_bumps_its_revision() {
    let fixture = fixture_model();
    let mut model = fixture.clone();
    let mut changed: Vec<Entity> = Vec::new();
    let mut p = fixture.people[2].clone();
    p.name = "Clara Changed".to_string();
    changed.push(p.into());
    let mut g = fixture.goals[1].clone();
    g.weight = 1;
    changed.push(g.into());
    let mut k = fixture.kpis[0].clone();
    k.goal_id = "goal-2".to_string();
    changed.push(k.into());
    let mut bp = fixture.processes[1].clone();
    bp.owner_id = Some("person-3".to_string());
    changed.push(bp.into());
    let mut c = fixture.capabilities[0].clone();
    c.kind = CapabilityKind::Data;
    changed.push(c.into());
    let mut d = fixture.data_objects[0].clone();
    d.quality_rating = None;
    changed.push(d.into());
    let mut i = fixture.initiatives[2].clone();
    i.description = "Tablets for the field team".to_string();
    changed.push(i.into());
    let mut s = fixture.spend_items[0].clone();
    s.vendor = "CRM Vendor AG".to_string();
    changed.push(s.into());
    let mut r = fixture.reviews[0].clone();
    r.decisions = vec!["Go on".to_string()];
    changed.push(r.into());
    let mut w = fixture.workshop_sessions[0].clone();
    w.participant_count = 5;
    changed.push(w.into());

    for (step, mut entity) in changed.into_iter().enumerate() {
        let kind = entity.kind();
        let id = entity.id().to_string();
        // The caller's revision and time are ignored.
        match &mut entity {
            Entity::Person(e) => e.revision = 500,
            Entity::Initiative(e) => e.modified = fixture_time(),
            _ => {}
        }
        let outcome = apply_ok(&mut model, Command::Update(entity));
        assert_eq!(
            outcome.touched,
            vec![touched(kind, &id, EntityChange::Updated)]
        );
        assert_stamped(&model, 11 + step as u64, &[(kind, &id, 2)]);
    }
    assert_eq!(model.people[2].name, "Clara Changed");
    assert_eq!(model.kpis[0].goal_id, "goal-2");
    assert_eq!(model.workshop_sessions[0].participant_count, 5);
}

#[test]
fn update_with_identical_content_changes_nothing_even_with_other_stamps() {
    let model = fixture_model();
    let mut same = model.goals[0].clone();
    same.revision = 77;
    same.modified = later();
    apply_unchanged(&model, Command::Update(same.into()));
}

#[test]
fn update_refuses_an_unknown_id_or_an_id_of_another_kind() {
    let model = fixture_model();
    assert_eq!(
        apply_refused(&model, Command::Update(goal("goal-9", "Unknown").into())),
        CommandRefusal::NotFound {
            kind: EntityKind::Goal,
            id: "goal-9".to_string()
        }
    );
    assert_eq!(
        apply_refused(
            &model,
            Command::Update(goal("person-1", "Wrong kind").into())
        ),
        CommandRefusal::NotFound {
            kind: EntityKind::Goal,
            id: "person-1".to_string()
        }
    );
}

#[test]
fn update_refuses_invalid_fields() {
    let model = fixture_model();
    let mut rollout = model.initiatives[0].clone();
    rollout.scores.value = Some(11);
    assert_eq!(
        apply_refused(&model, Command::Update(rollout.into())),
        invalid(
            "model.initiatives[0].scores.value",
            ViolationKind::OutOfRange {
                value: 11.0,
                min: 1.0,
                max: 10.0
            }
        )
    );
}

#[test]
fn update_refuses_a_dependency_that_closes_a_cycle() {
    let model = fixture_model();
    let mut cleanup = model.initiatives[1].clone();
    cleanup.title = "Data cleanup (renamed)".to_string();
    cleanup.depends_on_ids = vec!["initiative-3".to_string()];
    assert_eq!(
        apply_refused(&model, Command::Update(cleanup.into())),
        CommandRefusal::DependencyCycle {
            cycle: vec![
                label(
                    EntityKind::Initiative,
                    "initiative-2",
                    "Data cleanup (renamed)"
                ),
                label(EntityKind::Initiative, "initiative-3", "Mobile capture"),
                label(EntityKind::Initiative, "initiative-1", "CRM rollout"),
            ]
        }
    );
}

#[test]
fn update_keeps_its_own_cost_line_ids_and_refuses_others() {
    let mut model = fixture_model();
    let mut rollout = model.initiatives[0].clone();
    rollout.cost_lines.push(cost_line("cost-2", 0, 0));
    assert_eq!(
        apply_refused(&model, Command::Update(rollout.into())),
        CommandRefusal::IdAlreadyUsed {
            id: "cost-2".to_string()
        }
    );
    let mut rollout = model.initiatives[0].clone();
    rollout.cost_lines.push(cost_line("cost-5", 10, 20));
    apply_ok(&mut model, Command::Update(rollout.into()));
    let ids: Vec<&str> = model.initiatives[0]
        .cost_lines
        .iter()
        .map(|line| line.id.as_str())
        .collect();
    assert_eq!(ids, vec!["cost-1", "cost-5"]);
}

#[test]
fn update_sorts_kpi_measurements() {
    let mut model = fixture_model();
    let mut revenue = model.kpis[0].clone();
    revenue
        .measurements
        .insert(0, measurement("2026-Q2", 103.0));
    apply_ok(&mut model, Command::Update(revenue.into()));
    let quarters: Vec<String> = model.kpis[0]
        .measurements
        .iter()
        .map(|m| m.quarter.to_string())
        .collect();
    assert_eq!(quarters, vec!["2026-Q1", "2026-Q2", "2026-Q3"]);
}

#[test]
fn revisions_saturate_instead_of_overflowing() {
    let mut model = fixture_model();
    model.revision = u64::MAX;
    model.goals[1].revision = u64::MAX;
    let mut quotes = model.goals[1].clone();
    quotes.weight = 4;
    apply_ok(&mut model, Command::Update(quotes.into()));
    assert_eq!(model.revision, u64::MAX);
    assert_eq!(model.goals[1].revision, u64::MAX);
}

// ---------------------------------------------------------------------- delete

fn delete(kind: EntityKind, id: &str) -> Command {
    Command::Delete {
        kind,
        id: id.to_string(),
    }
}

#[track_caller]
fn assert_tombstone_added(model: &Model, kind: EntityKind, id: &str) {
    assert_eq!(
        model.tombstones.last(),
        Some(&Tombstone {
            id: id.to_string(),
            kind,
            deleted: later()
        })
    );
}

#[test]
fn deleting_a_goal_cleans_capabilities_initiatives_spend_items_and_dot_votes() {
    let mut model = fixture_model();
    let outcome = apply_ok(&mut model, delete(EntityKind::Goal, "goal-2"));
    assert_eq!(
        outcome.touched,
        vec![
            touched(EntityKind::Goal, "goal-2", EntityChange::Deleted),
            touched(
                EntityKind::Capability,
                "capability-1",
                EntityChange::LinksCleaned
            ),
            touched(
                EntityKind::Initiative,
                "initiative-1",
                EntityChange::LinksCleaned
            ),
            touched(EntityKind::SpendItem, "spend-1", EntityChange::LinksCleaned),
            touched(
                EntityKind::WorkshopSession,
                "workshop-1",
                EntityChange::LinksCleaned
            ),
        ]
    );
    assert!(model.goal("goal-2").is_none());
    assert_eq!(model.capabilities[0].goal_ids, vec!["goal-1".to_string()]);
    assert_eq!(
        model.initiatives[0].goal_contributions,
        vec![contribution("goal-1", 3)]
    );
    assert!(model.spend_items[0].goal_ids.is_empty());
    assert_eq!(model.workshop_sessions[0].dot_votes.len(), 1);
    assert_eq!(
        model.workshop_sessions[0].dot_votes[0].target_id,
        "initiative-2"
    );
    assert_stamped(
        &model,
        11,
        &[
            (EntityKind::Capability, "capability-1", 2),
            (EntityKind::Initiative, "initiative-1", 2),
            (EntityKind::SpendItem, "spend-1", 2),
            (EntityKind::WorkshopSession, "workshop-1", 2),
        ],
    );
    // Entities without a link to the goal are untouched.
    assert_eq!(model.initiatives[1].revision, 1);
    assert_tombstone_added(&model, EntityKind::Goal, "goal-2");
}

#[test]
fn deleting_a_process_cleans_capabilities_initiatives_and_spend_items() {
    let mut model = fixture_model();
    let outcome = apply_ok(&mut model, delete(EntityKind::BusinessProcess, "process-1"));
    assert_eq!(
        outcome.touched,
        vec![
            touched(
                EntityKind::BusinessProcess,
                "process-1",
                EntityChange::Deleted
            ),
            touched(
                EntityKind::Capability,
                "capability-1",
                EntityChange::LinksCleaned
            ),
            touched(
                EntityKind::Initiative,
                "initiative-1",
                EntityChange::LinksCleaned
            ),
            touched(EntityKind::SpendItem, "spend-1", EntityChange::LinksCleaned),
        ]
    );
    assert!(model.capabilities[0].process_ids.is_empty());
    assert!(model.initiatives[0].process_ids.is_empty());
    assert!(model.spend_items[0].process_ids.is_empty());
    assert_eq!(
        model.initiatives[1].process_ids,
        vec!["process-2".to_string()]
    );
    assert_tombstone_added(&model, EntityKind::BusinessProcess, "process-1");
}

#[test]
fn deleting_a_capability_cleans_initiatives() {
    let mut model = fixture_model();
    let outcome = apply_ok(&mut model, delete(EntityKind::Capability, "capability-1"));
    assert_eq!(
        outcome.touched,
        vec![
            touched(
                EntityKind::Capability,
                "capability-1",
                EntityChange::Deleted
            ),
            touched(
                EntityKind::Initiative,
                "initiative-1",
                EntityChange::LinksCleaned
            ),
        ]
    );
    assert!(model.initiatives[0].capability_ids.is_empty());
    assert_stamped(&model, 11, &[(EntityKind::Initiative, "initiative-1", 2)]);
    assert_tombstone_added(&model, EntityKind::Capability, "capability-1");
}

#[test]
fn deleting_a_data_object_cleans_capabilities() {
    let mut model = fixture_model();
    let outcome = apply_ok(&mut model, delete(EntityKind::DataObject, "data-1"));
    assert_eq!(
        outcome.touched,
        vec![
            touched(EntityKind::DataObject, "data-1", EntityChange::Deleted),
            touched(
                EntityKind::Capability,
                "capability-1",
                EntityChange::LinksCleaned
            ),
        ]
    );
    assert!(model.capabilities[0].data_object_ids.is_empty());
    assert_tombstone_added(&model, EntityKind::DataObject, "data-1");
}

#[test]
fn deleting_an_initiative_cleans_dependencies_confirmations_and_workshop_results() {
    let mut model = fixture_model();
    let outcome = apply_ok(&mut model, delete(EntityKind::Initiative, "initiative-2"));
    assert_eq!(
        outcome.touched,
        vec![
            touched(
                EntityKind::Initiative,
                "initiative-2",
                EntityChange::Deleted
            ),
            touched(
                EntityKind::Initiative,
                "initiative-1",
                EntityChange::LinksCleaned
            ),
            touched(EntityKind::Review, "review-1", EntityChange::LinksCleaned),
            touched(
                EntityKind::WorkshopSession,
                "workshop-1",
                EntityChange::LinksCleaned
            ),
        ]
    );
    assert!(model.initiatives[0].depends_on_ids.is_empty());
    assert!(model.reviews[0].confirmed_initiative_ids.is_empty());
    let workshop = &model.workshop_sessions[0];
    assert!(workshop.estimate_votes.is_empty());
    assert!(workshop.accepted_estimates.is_empty());
    assert_eq!(workshop.dot_votes.len(), 1, "the dot vote on goal-2 stays");
    assert_stamped(
        &model,
        11,
        &[
            (EntityKind::Initiative, "initiative-1", 2),
            (EntityKind::Review, "review-1", 2),
            (EntityKind::WorkshopSession, "workshop-1", 2),
        ],
    );
    assert_tombstone_added(&model, EntityKind::Initiative, "initiative-2");
}

#[test]
fn deleting_an_initiative_clears_the_spend_item_link() {
    let mut model = fixture_model();
    // Without the review's record of its health, initiative-1 can be deleted.
    apply_ok(&mut model, delete(EntityKind::Review, "review-1"));
    let outcome = apply_ok(&mut model, delete(EntityKind::Initiative, "initiative-1"));
    assert_eq!(
        outcome.touched,
        vec![
            touched(
                EntityKind::Initiative,
                "initiative-1",
                EntityChange::Deleted
            ),
            touched(
                EntityKind::Initiative,
                "initiative-3",
                EntityChange::LinksCleaned
            ),
            touched(EntityKind::SpendItem, "spend-1", EntityChange::LinksCleaned),
        ]
    );
    assert_eq!(model.spend_items[0].initiative_id, None);
    assert!(model
        .initiative("initiative-3")
        .unwrap()
        .depends_on_ids
        .is_empty());
    assert_stamped(
        &model,
        12,
        &[
            (EntityKind::Initiative, "initiative-3", 2),
            (EntityKind::SpendItem, "spend-1", 2),
        ],
    );
}

#[test]
fn deleting_a_spend_item_cleans_review_confirmations() {
    let mut model = fixture_model();
    let outcome = apply_ok(&mut model, delete(EntityKind::SpendItem, "spend-1"));
    assert_eq!(
        outcome.touched,
        vec![
            touched(EntityKind::SpendItem, "spend-1", EntityChange::Deleted),
            touched(EntityKind::Review, "review-1", EntityChange::LinksCleaned),
        ]
    );
    assert!(model.reviews[0].confirmed_spend_item_ids.is_empty());
    assert_tombstone_added(&model, EntityKind::SpendItem, "spend-1");
}

#[test]
fn entities_nothing_depends_on_are_deleted_alone() {
    for (kind, id) in [
        (EntityKind::Person, "person-3"),
        (EntityKind::Review, "review-1"),
        (EntityKind::WorkshopSession, "workshop-1"),
    ] {
        let mut model = fixture_model();
        let count_before = model.entity_count(kind);
        let outcome = apply_ok(&mut model, delete(kind, id));
        assert_eq!(
            outcome.touched,
            vec![touched(kind, id, EntityChange::Deleted)]
        );
        assert_eq!(model.entity_count(kind), count_before - 1);
        assert_eq!(model.revision, 11);
        assert_tombstone_added(&model, kind, id);
    }
}

#[test]
fn a_kpi_and_then_its_goal_can_be_deleted_once_history_is_gone() {
    let mut model = fixture_model();
    apply_ok(&mut model, delete(EntityKind::Review, "review-1"));
    apply_ok(&mut model, delete(EntityKind::Kpi, "kpi-1"));
    apply_ok(&mut model, delete(EntityKind::Goal, "goal-1"));
    assert!(model.kpis.is_empty());
    assert!(model.goal("goal-1").is_none());
    assert_eq!(model.tombstones.len(), 4);
}

#[test]
fn deleting_a_person_who_owns_things_is_refused_naming_each() {
    let model = fixture_model();
    assert_eq!(
        apply_refused(&model, delete(EntityKind::Person, "person-1")),
        CommandRefusal::StillReferenced {
            kind: EntityKind::Person,
            id: "person-1".to_string(),
            dependents: vec![
                label(
                    EntityKind::Goal,
                    "goal-1",
                    "Grow revenue with existing customers"
                ),
                label(EntityKind::Kpi, "kpi-1", "Revenue with existing customers"),
                label(EntityKind::Capability, "capability-1", "Integrated CRM"),
                label(EntityKind::Initiative, "initiative-1", "CRM rollout"),
            ]
        }
    );
    assert_eq!(
        apply_refused(&model, delete(EntityKind::Person, "person-2")),
        CommandRefusal::StillReferenced {
            kind: EntityKind::Person,
            id: "person-2".to_string(),
            dependents: vec![
                label(EntityKind::BusinessProcess, "process-1", "Quote to invoice"),
                label(EntityKind::DataObject, "data-1", "Customer master data"),
                label(EntityKind::SpendItem, "spend-1", "CRM subscription"),
            ]
        }
    );
}

#[test]
fn deleting_a_goal_with_kpis_is_refused_naming_the_kpis() {
    let model = fixture_model();
    assert_eq!(
        apply_refused(&model, delete(EntityKind::Goal, "goal-1")),
        CommandRefusal::StillReferenced {
            kind: EntityKind::Goal,
            id: "goal-1".to_string(),
            dependents: vec![label(
                EntityKind::Kpi,
                "kpi-1",
                "Revenue with existing customers"
            )]
        }
    );
}

#[test]
fn deleting_what_a_review_recorded_is_refused_naming_the_review_by_quarter() {
    let model = fixture_model();
    let review = label(EntityKind::Review, "review-1", "2026-Q1");
    assert_eq!(
        apply_refused(&model, delete(EntityKind::Kpi, "kpi-1")),
        CommandRefusal::StillReferenced {
            kind: EntityKind::Kpi,
            id: "kpi-1".to_string(),
            dependents: vec![review.clone()]
        }
    );
    assert_eq!(
        apply_refused(&model, delete(EntityKind::Initiative, "initiative-1")),
        CommandRefusal::StillReferenced {
            kind: EntityKind::Initiative,
            id: "initiative-1".to_string(),
            dependents: vec![review]
        }
    );
}

#[test]
fn deleting_an_unknown_id_or_with_the_wrong_kind_is_refused() {
    let model = fixture_model();
    assert_eq!(
        apply_refused(&model, delete(EntityKind::Goal, "goal-9")),
        CommandRefusal::NotFound {
            kind: EntityKind::Goal,
            id: "goal-9".to_string()
        }
    );
    assert_eq!(
        apply_refused(&model, delete(EntityKind::Goal, "person-3")),
        CommandRefusal::NotFound {
            kind: EntityKind::Goal,
            id: "person-3".to_string()
        }
    );
    assert_eq!(
        apply_refused(&model, delete(EntityKind::Goal, "deleted-1")),
        CommandRefusal::NotFound {
            kind: EntityKind::Goal,
            id: "deleted-1".to_string()
        }
    );
}

#[test]
fn a_deleted_id_cannot_be_created_again() {
    let mut model = fixture_model();
    apply_ok(&mut model, delete(EntityKind::Person, "person-3"));
    assert_eq!(
        apply_refused(
            &model,
            Command::Create(person("person-3", "Clara again").into())
        ),
        CommandRefusal::IdOfDeletedEntity {
            id: "person-3".to_string()
        }
    );
}

// ------------------------------------------------------- fine-grained commands

#[test]
fn set_initiative_scores_sets_and_clears_value_and_effort() {
    let mut model = fixture_model();
    let outcome = apply_ok(
        &mut model,
        Command::SetInitiativeScores {
            initiative_id: "initiative-1".to_string(),
            value: Some(2),
            effort: None,
        },
    );
    assert_eq!(
        outcome.touched,
        vec![touched(
            EntityKind::Initiative,
            "initiative-1",
            EntityChange::Updated
        )]
    );
    assert_eq!(model.initiatives[0].scores.value, Some(2));
    assert_eq!(model.initiatives[0].scores.effort, None);
    assert_stamped(&model, 11, &[(EntityKind::Initiative, "initiative-1", 2)]);
}

#[test]
fn set_initiative_scores_refuses_out_of_range_and_unknown_initiatives() {
    let model = fixture_model();
    assert_eq!(
        apply_refused(
            &model,
            Command::SetInitiativeScores {
                initiative_id: "initiative-1".to_string(),
                value: Some(5),
                effort: Some(11),
            }
        ),
        invalid(
            "model.initiatives[0].scores.effort",
            ViolationKind::OutOfRange {
                value: 11.0,
                min: 1.0,
                max: 10.0
            }
        )
    );
    assert_eq!(
        apply_refused(
            &model,
            Command::SetInitiativeScores {
                initiative_id: "goal-1".to_string(),
                value: Some(5),
                effort: Some(5),
            }
        ),
        CommandRefusal::NotFound {
            kind: EntityKind::Initiative,
            id: "goal-1".to_string()
        }
    );
    // Dropping it where it already is changes nothing.
    apply_unchanged(
        &model,
        Command::SetInitiativeScores {
            initiative_id: "initiative-1".to_string(),
            value: Some(8),
            effort: Some(6),
        },
    );
}

#[test]
fn schedule_initiative_sets_start_and_duration() {
    let mut model = fixture_model();
    apply_ok(
        &mut model,
        Command::ScheduleInitiative {
            initiative_id: "initiative-2".to_string(),
            start: Some(quarter("2026-Q4")),
            duration_quarters: 0,
        },
    );
    assert_eq!(model.initiatives[1].start, Some(quarter("2026-Q4")));
    assert_eq!(model.initiatives[1].duration_quarters, 0);
    assert_stamped(&model, 11, &[(EntityKind::Initiative, "initiative-2", 2)]);

    apply_ok(
        &mut model,
        Command::ScheduleInitiative {
            initiative_id: "initiative-2".to_string(),
            start: None,
            duration_quarters: 3,
        },
    );
    assert_eq!(model.initiatives[1].start, None);
    assert_eq!(model.initiatives[1].revision, 3);

    assert_eq!(
        apply_refused(
            &model,
            Command::ScheduleInitiative {
                initiative_id: "initiative-2".to_string(),
                start: Some(quarter("2027-Q1")),
                duration_quarters: 21,
            }
        ),
        invalid(
            "model.initiatives[1].duration_quarters",
            ViolationKind::OutOfRange {
                value: 21.0,
                min: 0.0,
                max: 20.0
            }
        )
    );
}

#[test]
fn pinning_and_status_change_one_field() {
    let mut model = fixture_model();
    apply_ok(
        &mut model,
        Command::SetInitiativePinned {
            initiative_id: "initiative-3".to_string(),
            pinned: true,
        },
    );
    assert!(model.initiatives[2].pinned);
    apply_ok(
        &mut model,
        Command::SetInitiativeStatus {
            initiative_id: "initiative-3".to_string(),
            status: InitiativeStatus::Planned,
        },
    );
    assert_eq!(model.initiatives[2].status, InitiativeStatus::Planned);
    assert_stamped(&model, 12, &[(EntityKind::Initiative, "initiative-3", 3)]);
    apply_unchanged(
        &model,
        Command::SetInitiativeStatus {
            initiative_id: "initiative-3".to_string(),
            status: InitiativeStatus::Planned,
        },
    );
    for command in [
        Command::SetInitiativePinned {
            initiative_id: "initiative-9".to_string(),
            pinned: true,
        },
        Command::SetInitiativeStatus {
            initiative_id: "initiative-9".to_string(),
            status: InitiativeStatus::Done,
        },
    ] {
        assert_eq!(
            apply_refused(&model, command),
            CommandRefusal::NotFound {
                kind: EntityKind::Initiative,
                id: "initiative-9".to_string()
            }
        );
    }
}

fn set_contribution(initiative_id: &str, goal_id: &str, strength: Option<u8>) -> Command {
    Command::SetGoalContribution {
        initiative_id: initiative_id.to_string(),
        goal_id: goal_id.to_string(),
        strength,
    }
}

#[test]
fn set_goal_contribution_adds_changes_and_removes() {
    let mut model = fixture_model();
    apply_ok(
        &mut model,
        set_contribution("initiative-2", "goal-1", Some(2)),
    );
    assert_eq!(
        model.initiatives[1].goal_contributions,
        vec![contribution("goal-1", 2)]
    );
    apply_ok(
        &mut model,
        set_contribution("initiative-1", "goal-2", Some(3)),
    );
    assert_eq!(
        model.initiatives[0].goal_contributions,
        vec![contribution("goal-1", 3), contribution("goal-2", 3)]
    );
    apply_ok(&mut model, set_contribution("initiative-1", "goal-1", None));
    assert_eq!(
        model.initiatives[0].goal_contributions,
        vec![contribution("goal-2", 3)]
    );
    assert_stamped(
        &model,
        13,
        &[
            (EntityKind::Initiative, "initiative-1", 3),
            (EntityKind::Initiative, "initiative-2", 2),
        ],
    );
    apply_unchanged(&model, set_contribution("initiative-1", "goal-1", None));
}

#[test]
fn set_goal_contribution_refuses_unknown_goals_and_bad_strengths() {
    let model = fixture_model();
    assert_eq!(
        apply_refused(&model, set_contribution("initiative-2", "goal-9", Some(1))),
        CommandRefusal::NotFound {
            kind: EntityKind::Goal,
            id: "goal-9".to_string()
        }
    );
    assert_eq!(
        apply_refused(&model, set_contribution("initiative-9", "goal-1", Some(1))),
        CommandRefusal::NotFound {
            kind: EntityKind::Initiative,
            id: "initiative-9".to_string()
        }
    );
    assert_eq!(
        apply_refused(&model, set_contribution("initiative-2", "goal-1", Some(4))),
        invalid(
            "model.initiatives[1].goal_contributions[0].strength",
            ViolationKind::OutOfRange {
                value: 4.0,
                min: 1.0,
                max: 3.0
            }
        )
    );
    assert_eq!(
        apply_refused(&model, set_contribution("initiative-2", "goal-1", Some(0))),
        invalid(
            "model.initiatives[1].goal_contributions[0].strength",
            ViolationKind::OutOfRange {
                value: 0.0,
                min: 1.0,
                max: 3.0
            }
        )
    );
}

fn add_dependency(initiative_id: &str, depends_on_id: &str) -> Command {
    Command::AddDependency {
        initiative_id: initiative_id.to_string(),
        depends_on_id: depends_on_id.to_string(),
    }
}

#[test]
fn add_dependency_adds_once() {
    let mut model = fixture_model();
    let outcome = apply_ok(&mut model, add_dependency("initiative-3", "initiative-2"));
    assert_eq!(
        outcome.touched,
        vec![touched(
            EntityKind::Initiative,
            "initiative-3",
            EntityChange::Updated
        )]
    );
    assert_eq!(
        model.initiatives[2].depends_on_ids,
        vec!["initiative-1".to_string(), "initiative-2".to_string()]
    );
    assert_stamped(&model, 11, &[(EntityKind::Initiative, "initiative-3", 2)]);
    apply_unchanged(&model, add_dependency("initiative-3", "initiative-2"));
}

#[test]
fn add_dependency_refuses_a_self_dependency() {
    let model = fixture_model();
    assert_eq!(
        apply_refused(&model, add_dependency("initiative-2", "initiative-2")),
        CommandRefusal::DependencyCycle {
            cycle: vec![label(
                EntityKind::Initiative,
                "initiative-2",
                "Data cleanup"
            )]
        }
    );
}

#[test]
fn add_dependency_refuses_a_direct_cycle() {
    let model = fixture_model();
    // initiative-1 already depends on initiative-2.
    assert_eq!(
        apply_refused(&model, add_dependency("initiative-2", "initiative-1")),
        CommandRefusal::DependencyCycle {
            cycle: vec![
                label(EntityKind::Initiative, "initiative-2", "Data cleanup"),
                label(EntityKind::Initiative, "initiative-1", "CRM rollout"),
            ]
        }
    );
}

#[test]
fn add_dependency_refuses_an_indirect_cycle() {
    let model = fixture_model();
    // initiative-3 -> initiative-1 -> initiative-2.
    assert_eq!(
        apply_refused(&model, add_dependency("initiative-2", "initiative-3")),
        CommandRefusal::DependencyCycle {
            cycle: vec![
                label(EntityKind::Initiative, "initiative-2", "Data cleanup"),
                label(EntityKind::Initiative, "initiative-3", "Mobile capture"),
                label(EntityKind::Initiative, "initiative-1", "CRM rollout"),
            ]
        }
    );
}

#[test]
fn add_dependency_refuses_unknown_initiatives() {
    let model = fixture_model();
    assert_eq!(
        apply_refused(&model, add_dependency("initiative-9", "initiative-1")),
        CommandRefusal::NotFound {
            kind: EntityKind::Initiative,
            id: "initiative-9".to_string()
        }
    );
    assert_eq!(
        apply_refused(&model, add_dependency("initiative-1", "goal-1")),
        CommandRefusal::NotFound {
            kind: EntityKind::Initiative,
            id: "goal-1".to_string()
        }
    );
}

#[test]
fn remove_dependency_removes_and_ignores_what_is_not_there() {
    let mut model = fixture_model();
    let command = Command::RemoveDependency {
        initiative_id: "initiative-1".to_string(),
        depends_on_id: "initiative-2".to_string(),
    };
    apply_ok(&mut model, command.clone());
    assert!(model.initiatives[0].depends_on_ids.is_empty());
    assert_stamped(&model, 11, &[(EntityKind::Initiative, "initiative-1", 2)]);
    apply_unchanged(&model, command);
    assert_eq!(
        apply_refused(
            &model,
            Command::RemoveDependency {
                initiative_id: "initiative-9".to_string(),
                depends_on_id: "initiative-2".to_string(),
            }
        ),
        CommandRefusal::NotFound {
            kind: EntityKind::Initiative,
            id: "initiative-9".to_string()
        }
    );
}

fn add_measurement(quarter_text: &str, value: f64, note: &str) -> Command {
    Command::AddKpiMeasurement {
        kpi_id: "kpi-1".to_string(),
        quarter: quarter(quarter_text),
        value,
        note: note.to_string(),
    }
}

#[test]
fn add_kpi_measurement_inserts_in_order_and_replaces_a_quarter() {
    let mut model = fixture_model();
    apply_ok(
        &mut model,
        add_measurement("2026-Q2", 103.0, "after campaign"),
    );
    apply_ok(&mut model, add_measurement("2025-Q4", 99.0, ""));
    apply_ok(&mut model, add_measurement("2026-Q3", 107.5, "corrected"));
    let measurements: Vec<(String, f64, &str)> = model.kpis[0]
        .measurements
        .iter()
        .map(|m| (m.quarter.to_string(), m.value, m.note.as_str()))
        .collect();
    assert_eq!(
        measurements,
        vec![
            ("2025-Q4".to_string(), 99.0, ""),
            ("2026-Q1".to_string(), 101.0, ""),
            ("2026-Q2".to_string(), 103.0, "after campaign"),
            ("2026-Q3".to_string(), 107.5, "corrected"),
        ]
    );
    assert_stamped(&model, 13, &[(EntityKind::Kpi, "kpi-1", 4)]);
}

#[test]
fn add_kpi_measurement_refuses_non_finite_values_long_notes_and_unknown_kpis() {
    let model = fixture_model();
    assert_eq!(
        apply_refused(&model, add_measurement("2026-Q4", f64::NAN, "")),
        invalid(
            "model.kpis[0].measurements[2].value",
            ViolationKind::NotFinite
        )
    );
    assert_eq!(
        apply_refused(&model, add_measurement("2026-Q2", 1.0, &"n".repeat(10_001))),
        invalid(
            "model.kpis[0].measurements[1].note",
            ViolationKind::TooLong {
                length: 10_001,
                max_length: 10_000
            }
        )
    );
    assert_eq!(
        apply_refused(
            &model,
            Command::AddKpiMeasurement {
                kpi_id: "kpi-9".to_string(),
                quarter: quarter("2026-Q2"),
                value: 1.0,
                note: String::new(),
            }
        ),
        CommandRefusal::NotFound {
            kind: EntityKind::Kpi,
            id: "kpi-9".to_string()
        }
    );
}

#[test]
fn remove_kpi_measurement_removes_one_quarter() {
    let mut model = fixture_model();
    let command = Command::RemoveKpiMeasurement {
        kpi_id: "kpi-1".to_string(),
        quarter: quarter("2026-Q1"),
    };
    apply_ok(&mut model, command.clone());
    assert_eq!(
        model.kpis[0].measurements,
        vec![measurement("2026-Q3", 106.0)]
    );
    assert_stamped(&model, 11, &[(EntityKind::Kpi, "kpi-1", 2)]);
    apply_unchanged(&model, command);
}

// ----------------------------------------------------------------------- other

#[test]
fn entities_report_their_kind_id_and_title() {
    let entity: Entity = review("review-7", "2027-Q2").into();
    assert_eq!(entity.kind(), EntityKind::Review);
    assert_eq!(entity.id(), "review-7");
    assert_eq!(entity.title(), "2027-Q2");
    let entity: Entity = initiative("initiative-7", "Launch").into();
    assert_eq!(
        (entity.kind(), entity.id(), entity.title().as_str()),
        (EntityKind::Initiative, "initiative-7", "Launch")
    );
}

#[test]
fn refusals_read_as_plain_english_for_logs() {
    let model = fixture_model();
    let refusal = apply_refused(&model, delete(EntityKind::Goal, "goal-1"));
    assert_eq!(
        refusal.to_string(),
        "Goal `goal-1` is still needed by Kpi `Revenue with existing customers` (kpi-1)"
    );
    let refusal = apply_refused(&model, add_dependency("initiative-2", "initiative-1"));
    assert_eq!(
        refusal.to_string(),
        "the dependency would close a cycle: Initiative `Data cleanup` (initiative-2), \
         Initiative `CRM rollout` (initiative-1)"
    );
    let refusal = apply_refused(
        &model,
        Command::SetInitiativeScores {
            initiative_id: "initiative-1".to_string(),
            value: Some(0),
            effort: Some(0),
        },
    );
    assert_eq!(
        refusal.to_string(),
        "the change is invalid: model.initiatives[0].scores.value: 0 is outside the range \
         1 to 10 (and 1 more problems)"
    );
}

#[test]
fn commands_on_a_model_with_5000_initiatives_stay_fast() {
    let mut model = large_model(5_000);
    let last_id = model.initiatives.last().unwrap().id.clone();
    let commands = vec![
        Command::SetInitiativeScores {
            initiative_id: last_id.clone(),
            value: Some(9),
            effort: Some(2),
        },
        Command::ScheduleInitiative {
            initiative_id: last_id.clone(),
            start: Some(quarter("2027-Q1")),
            duration_quarters: 2,
        },
        // The worst case for the cycle search: the whole chain of 5,000 is walked.
        add_dependency("initiative-3", &last_id),
        set_contribution(&last_id, "goal-2", Some(3)),
        Command::Create(initiative("initiative-new", "New one").into()),
        Command::Update({
            let mut changed = model.initiatives[4_000].clone();
            changed.title = "Renamed".to_string();
            changed.into()
        }),
        // Cleans the dependency of the next initiative in the chain.
        delete(EntityKind::Initiative, "large-initiative-2500"),
    ];
    for command in commands {
        let description = format!("{command:?}");
        let started = Instant::now();
        let outcome = model.apply(command, later());
        let elapsed = started.elapsed();
        eprintln!(
            "{elapsed:?} for {}",
            description.chars().take(60).collect::<String>()
        );
        assert!(outcome.is_ok(), "{description}: {outcome:?}");
        // Generous for debug builds; release builds need well under a millisecond.
        assert!(
            elapsed < Duration::from_millis(250),
            "{description} took {elapsed:?}"
        );
    }
    assert_eq!(validate_model(&model), Vec::new());
}
