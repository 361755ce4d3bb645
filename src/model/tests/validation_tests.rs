//! Tests of [`crate::model::validation`]: each violation kind at its path, reference
//! checks of every link field, and the speed of a large model.

use std::time::{Duration, Instant};

use super::fixture::*;
use crate::model::types::*;
use crate::model::validation::*;

/// A change to the fixture, for tables of cases.
type ModelChange = Box<dyn Fn(&mut Model)>;

fn violations_after(change: impl FnOnce(&mut Model)) -> Vec<ModelViolation> {
    let mut model = fixture_model();
    change(&mut model);
    validate_model(&model)
}

/// Asserts that the change causes exactly this one violation.
#[track_caller]
fn assert_only_violation(change: impl FnOnce(&mut Model), path: &str, kind: ViolationKind) {
    let violations = violations_after(change);
    assert_eq!(
        violations,
        vec![ModelViolation {
            path: path.to_string(),
            kind
        }]
    );
}

/// Asserts that the change causes (at least) this violation.
#[track_caller]
fn assert_has_violation(change: impl FnOnce(&mut Model), path: &str, kind: ViolationKind) {
    let violations = violations_after(change);
    let expected = ModelViolation {
        path: path.to_string(),
        kind,
    };
    assert!(
        violations.contains(&expected),
        "expected {expected:?} among {violations:#?}"
    );
}

fn out_of_range(value: f64, min: f64, max: f64) -> ViolationKind {
    ViolationKind::OutOfRange { value, min, max }
}

fn dangling(expected_kind: EntityKind, id: &str) -> ViolationKind {
    ViolationKind::DanglingReference {
        expected_kind,
        id: id.to_string(),
    }
}

#[test]
fn the_fixture_and_an_empty_model_are_valid() {
    assert_eq!(validate_model(&fixture_model()), Vec::new());
    let empty = Model::empty(
        "model-empty".to_string(),
        "Empty".to_string(),
        quarter("2026-Q1"),
        fixture_time(),
    );
    assert_eq!(validate_model(&empty), Vec::new());
}

// ------------------------------------------------------------------------- ids

#[test]
fn an_empty_id_is_reported() {
    assert_only_violation(
        |model| model.people[2].id = "   ".to_string(),
        "model.people[2].id",
        ViolationKind::EmptyId,
    );
    assert_only_violation(
        |model| model.id = String::new(),
        "model.id",
        ViolationKind::EmptyId,
    );
}

#[test]
fn a_malformed_id_is_reported() {
    assert_only_violation(
        |model| model.people[2].id = " person-3".to_string(),
        "model.people[2].id",
        ViolationKind::MalformedId,
    );
    assert_only_violation(
        |model| model.people[2].id = "person\u{0}3".to_string(),
        "model.people[2].id",
        ViolationKind::MalformedId,
    );
}

#[test]
fn a_too_long_id_is_reported() {
    assert_only_violation(
        |model| model.initiatives[0].cost_lines[0].id = "c".repeat(201),
        "model.initiatives[0].cost_lines[0].id",
        ViolationKind::TooLong {
            length: 201,
            max_length: MAX_ID_LENGTH,
        },
    );
    // Exactly the maximum is fine.
    assert_eq!(
        violations_after(|model| model.initiatives[0].cost_lines[0].id = "c".repeat(200)),
        Vec::new()
    );
}

#[test]
fn ids_must_be_unique_across_all_kinds_cost_lines_and_criteria() {
    // Nothing refers to workshop sessions, so the duplicate is the only problem.
    assert_only_violation(
        |model| model.workshop_sessions[0].id = "goal-2".to_string(),
        "model.workshop_sessions[0].id",
        ViolationKind::DuplicateId {
            id: "goal-2".to_string(),
            first_path: "model.goals[1].id".to_string(),
        },
    );
    // When the first use is of another kind, links to the id now point at the
    // wrong kind as well.
    assert_has_violation(
        |model| model.people[2].id = "goal-2".to_string(),
        "model.goals[1].id",
        ViolationKind::DuplicateId {
            id: "goal-2".to_string(),
            first_path: "model.people[2].id".to_string(),
        },
    );
    assert_only_violation(
        |model| model.spend_items[0].cost_lines[0].id = "cost-1".to_string(),
        "model.spend_items[0].cost_lines[0].id",
        ViolationKind::DuplicateId {
            id: "cost-1".to_string(),
            first_path: "model.initiatives[0].cost_lines[0].id".to_string(),
        },
    );
    assert_only_violation(
        |model| model.people[2].id = "crit-1".to_string(),
        "model.people[2].id",
        ViolationKind::DuplicateId {
            id: "crit-1".to_string(),
            first_path: "model.settings.weighted_criteria[0].id".to_string(),
        },
    );
    assert_only_violation(
        |model| model.people[2].id = "model-1".to_string(),
        "model.people[2].id",
        ViolationKind::DuplicateId {
            id: "model-1".to_string(),
            first_path: "model.id".to_string(),
        },
    );
}

#[test]
fn a_tombstone_must_not_name_a_live_id_nor_repeat() {
    assert_only_violation(
        |model| {
            model.tombstones.push(Tombstone {
                id: "person-3".to_string(),
                kind: EntityKind::Person,
                deleted: later(),
            })
        },
        "model.tombstones[1].id",
        ViolationKind::TombstonedIdInUse {
            id: "person-3".to_string(),
        },
    );
    assert_only_violation(
        |model| {
            let repeat = model.tombstones[0].clone();
            model.tombstones.push(repeat);
        },
        "model.tombstones[1].id",
        ViolationKind::DuplicateId {
            id: "deleted-1".to_string(),
            first_path: "model.tombstones[0].id".to_string(),
        },
    );
}

#[test]
fn merged_export_ids_must_be_well_formed() {
    assert_only_violation(
        |model| model.merged_export_ids = vec!["export-1".to_string(), String::new()],
        "model.merged_export_ids[1]",
        ViolationKind::EmptyId,
    );
}

// ----------------------------------------------------------------------- texts

#[test]
fn every_required_title_and_name_is_checked() {
    let cases: Vec<(&str, ModelChange)> = vec![
        (
            "model.title",
            Box::new(|model| model.title = " ".to_string()),
        ),
        (
            "model.people[0].name",
            Box::new(|model| model.people[0].name = String::new()),
        ),
        (
            "model.goals[0].title",
            Box::new(|model| model.goals[0].title = "\t".to_string()),
        ),
        (
            "model.kpis[0].name",
            Box::new(|model| model.kpis[0].name = String::new()),
        ),
        (
            "model.processes[0].name",
            Box::new(|model| model.processes[0].name = String::new()),
        ),
        (
            "model.capabilities[0].name",
            Box::new(|model| model.capabilities[0].name = String::new()),
        ),
        (
            "model.data_objects[0].name",
            Box::new(|model| model.data_objects[0].name = String::new()),
        ),
        (
            "model.initiatives[1].title",
            Box::new(|model| model.initiatives[1].title = "\n".to_string()),
        ),
        (
            "model.spend_items[0].name",
            Box::new(|model| model.spend_items[0].name = String::new()),
        ),
        (
            "model.workshop_sessions[0].title",
            Box::new(|model| model.workshop_sessions[0].title = String::new()),
        ),
        (
            "model.settings.weighted_criteria[1].name",
            Box::new(|model| model.settings.weighted_criteria[1].name = String::new()),
        ),
        (
            "model.settings.quadrant_labels.fill_in",
            Box::new(|model| model.settings.quadrant_labels.fill_in = Some(" ".to_string())),
        ),
        (
            "model.goals[0].tags[0]",
            Box::new(|model| model.goals[0].tags[0] = String::new()),
        ),
    ];
    for (path, change) in cases {
        assert_only_violation(change, path, ViolationKind::EmptyRequiredText);
    }
}

#[test]
fn texts_have_a_maximum_length_in_characters() {
    assert_only_violation(
        |model| model.initiatives[0].description = "x".repeat(MAX_TEXT_LENGTH + 1),
        "model.initiatives[0].description",
        ViolationKind::TooLong {
            length: MAX_TEXT_LENGTH + 1,
            max_length: MAX_TEXT_LENGTH,
        },
    );
    assert_only_violation(
        |model| model.goals[1].title = "y".repeat(MAX_TITLE_LENGTH + 1),
        "model.goals[1].title",
        ViolationKind::TooLong {
            length: MAX_TITLE_LENGTH + 1,
            max_length: MAX_TITLE_LENGTH,
        },
    );
    assert_only_violation(
        |model| model.reviews[0].decisions = vec![String::new(), "z".repeat(10_001)],
        "model.reviews[0].decisions[1]",
        ViolationKind::TooLong {
            length: 10_001,
            max_length: MAX_TEXT_LENGTH,
        },
    );
    // Umlauts take two bytes each but count as one character.
    assert_eq!(
        violations_after(|model| model.initiatives[0].description = "ä".repeat(MAX_TEXT_LENGTH)),
        Vec::new()
    );
}

#[test]
fn lists_have_a_maximum_number_of_entries() {
    assert_only_violation(
        |model| {
            model.initiatives[0].tags = (0..=MAX_TAG_COUNT).map(|n| format!("tag {n}")).collect()
        },
        "model.initiatives[0].tags",
        ViolationKind::TooManyEntries {
            count: MAX_TAG_COUNT + 1,
            max_count: MAX_TAG_COUNT,
        },
    );
    assert_only_violation(
        |model| model.workshop_sessions[0].participant_names = vec![String::new(); 4],
        "model.workshop_sessions[0].participant_names",
        ViolationKind::TooManyEntries {
            count: 4,
            max_count: 3,
        },
    );
}

#[test]
fn the_currency_must_be_three_uppercase_letters() {
    for code in ["eur", "EURO", "€", "", "E1R"] {
        assert_only_violation(
            |model| model.currency = code.to_string(),
            "model.currency",
            ViolationKind::InvalidCurrency {
                code: code.to_string(),
            },
        );
    }
    assert_eq!(
        violations_after(|model| model.currency = "CHF".to_string()),
        Vec::new()
    );
}

#[test]
fn an_email_must_look_like_one() {
    for email in [
        "anna",
        "anna@",
        "@example.com",
        "an na@example.com",
        "a@b@c",
    ] {
        assert_only_violation(
            |model| model.people[0].email = Some(email.to_string()),
            "model.people[0].email",
            ViolationKind::InvalidEmail,
        );
    }
}

#[test]
fn a_role_may_be_held_once() {
    assert_only_violation(
        |model| model.people[1].roles.push(PersonRole::DataOwner),
        "model.people[1].roles[2]",
        ViolationKind::DuplicateRole {
            role: PersonRole::DataOwner,
        },
    );
}

// ---------------------------------------------------------------------- ranges

#[test]
fn every_small_integer_range_is_checked() {
    let cases: Vec<(&str, f64, f64, f64, ModelChange)> = vec![
        (
            "model.goals[0].weight",
            0.0,
            1.0,
            5.0,
            Box::new(|m| m.goals[0].weight = 0),
        ),
        (
            "model.goals[0].weight",
            6.0,
            1.0,
            5.0,
            Box::new(|m| m.goals[0].weight = 6),
        ),
        (
            "model.initiatives[0].goal_contributions[1].strength",
            4.0,
            1.0,
            3.0,
            Box::new(|m| m.initiatives[0].goal_contributions[1].strength = 4),
        ),
        (
            "model.initiatives[0].scores.value",
            11.0,
            1.0,
            10.0,
            Box::new(|m| m.initiatives[0].scores.value = Some(11)),
        ),
        (
            "model.initiatives[0].scores.effort",
            0.0,
            1.0,
            10.0,
            Box::new(|m| m.initiatives[0].scores.effort = Some(0)),
        ),
        (
            "model.initiatives[0].scores.risk",
            6.0,
            1.0,
            5.0,
            Box::new(|m| m.initiatives[0].scores.risk = Some(6)),
        ),
        (
            "model.initiatives[0].scores.time_criticality",
            11.0,
            1.0,
            10.0,
            Box::new(|m| m.initiatives[0].scores.time_criticality = Some(11)),
        ),
        (
            "model.initiatives[0].scores.risk_reduction",
            0.0,
            1.0,
            10.0,
            Box::new(|m| m.initiatives[0].scores.risk_reduction = Some(0)),
        ),
        (
            "model.initiatives[0].scores.rice_confidence_percent",
            101.0,
            0.0,
            100.0,
            Box::new(|m| m.initiatives[0].scores.rice_confidence_percent = Some(101)),
        ),
        (
            "model.initiatives[0].scores.criterion_scores[\"crit-1\"]",
            6.0,
            1.0,
            5.0,
            Box::new(|m| {
                m.initiatives[0]
                    .scores
                    .criterion_scores
                    .insert("crit-1".to_string(), 6);
            }),
        ),
        (
            "model.initiatives[0].duration_quarters",
            21.0,
            0.0,
            20.0,
            Box::new(|m| m.initiatives[0].duration_quarters = 21),
        ),
        (
            "model.initiatives[0].effort_person_days",
            f64::from(MAX_PERSON_DAYS + 1),
            0.0,
            f64::from(MAX_PERSON_DAYS),
            Box::new(|m| m.initiatives[0].effort_person_days = Some(MAX_PERSON_DAYS + 1)),
        ),
        (
            "model.capabilities[0].current_maturity",
            0.0,
            1.0,
            5.0,
            Box::new(|m| m.capabilities[0].current_maturity = 0),
        ),
        (
            "model.capabilities[0].target_maturity",
            6.0,
            1.0,
            5.0,
            Box::new(|m| m.capabilities[0].target_maturity = 6),
        ),
        (
            "model.capabilities[0].business_fit",
            11.0,
            1.0,
            10.0,
            Box::new(|m| m.capabilities[0].business_fit = Some(11)),
        ),
        (
            "model.capabilities[0].technical_fit",
            0.0,
            1.0,
            10.0,
            Box::new(|m| m.capabilities[0].technical_fit = Some(0)),
        ),
        (
            "model.data_objects[0].quality_rating",
            6.0,
            1.0,
            5.0,
            Box::new(|m| m.data_objects[0].quality_rating = Some(6)),
        ),
        (
            "model.reviews[0].user_acceptance",
            0.0,
            1.0,
            5.0,
            Box::new(|m| m.reviews[0].user_acceptance = Some(0)),
        ),
        (
            "model.reviews[0].technical_debt",
            6.0,
            1.0,
            5.0,
            Box::new(|m| m.reviews[0].technical_debt = Some(6)),
        ),
        (
            "model.reviews[0].security_posture",
            9.0,
            1.0,
            5.0,
            Box::new(|m| m.reviews[0].security_posture = Some(9)),
        ),
        (
            "model.reviews[0].luftman.skills",
            0.0,
            1.0,
            5.0,
            Box::new(|m| m.reviews[0].luftman.skills = Some(0)),
        ),
        (
            "model.reviews[0].snapshot.alignment_coverage_percent",
            100.5,
            0.0,
            100.0,
            Box::new(|m| m.reviews[0].snapshot.alignment_coverage_percent = Some(100.5)),
        ),
        (
            "model.settings.weighted_criteria[0].weight",
            101.0,
            0.0,
            100.0,
            Box::new(|m| m.settings.weighted_criteria[0].weight = 101),
        ),
        (
            "model.settings.roadmap_horizon_quarters",
            3.0,
            4.0,
            12.0,
            Box::new(|m| m.settings.roadmap_horizon_quarters = 3),
        ),
        (
            "model.settings.roadmap_horizon_quarters",
            13.0,
            4.0,
            12.0,
            Box::new(|m| m.settings.roadmap_horizon_quarters = 13),
        ),
        (
            "model.settings.useful_life_years",
            0.0,
            1.0,
            30.0,
            Box::new(|m| m.settings.useful_life_years = 0),
        ),
        (
            "model.settings.useful_life_years",
            31.0,
            1.0,
            30.0,
            Box::new(|m| m.settings.useful_life_years = 31),
        ),
        (
            "model.settings.quadrant_threshold",
            0.5,
            1.0,
            10.0,
            Box::new(|m| m.settings.quadrant_threshold = 0.5),
        ),
        (
            "model.settings.quadrant_threshold",
            10.5,
            1.0,
            10.0,
            Box::new(|m| m.settings.quadrant_threshold = 10.5),
        ),
        (
            "model.settings.capacity_person_days_per_quarter",
            0.0,
            1.0,
            f64::from(MAX_PERSON_DAYS),
            Box::new(|m| m.settings.capacity_person_days_per_quarter = Some(0)),
        ),
        (
            "model.settings.wip_limit",
            0.0,
            1.0,
            10_000.0,
            Box::new(|m| m.settings.wip_limit = Some(0)),
        ),
        (
            "model.workshop_sessions[0].participant_count",
            501.0,
            0.0,
            500.0,
            Box::new(|m| m.workshop_sessions[0].participant_count = 501),
        ),
        (
            "model.workshop_sessions[0].dots_per_participant",
            0.0,
            1.0,
            50.0,
            Box::new(|m| {
                m.workshop_sessions[0].dots_per_participant = 0;
                m.workshop_sessions[0].dot_votes.clear();
            }),
        ),
        (
            "model.workshop_sessions[0].estimate_votes[0].participant_number",
            4.0,
            1.0,
            3.0,
            Box::new(|m| m.workshop_sessions[0].estimate_votes[0].participant_number = 4),
        ),
        (
            "model.workshop_sessions[0].estimate_votes[0].value",
            11.0,
            1.0,
            10.0,
            Box::new(|m| m.workshop_sessions[0].estimate_votes[0].value = Some(11)),
        ),
        (
            "model.workshop_sessions[0].dot_votes[1].participant_number",
            0.0,
            1.0,
            3.0,
            Box::new(|m| m.workshop_sessions[0].dot_votes[1].participant_number = 0),
        ),
        (
            "model.workshop_sessions[0].dot_votes[1].dots",
            0.0,
            1.0,
            3.0,
            Box::new(|m| m.workshop_sessions[0].dot_votes[1].dots = 0),
        ),
        (
            "model.workshop_sessions[0].accepted_estimates[0].effort",
            0.0,
            1.0,
            10.0,
            Box::new(|m| m.workshop_sessions[0].accepted_estimates[0].effort = Some(0)),
        ),
    ];
    for (path, value, min, max, change) in cases {
        assert_only_violation(change, path, out_of_range(value, min, max));
    }
}

#[test]
fn range_bounds_themselves_are_accepted() {
    assert_eq!(
        violations_after(|model| {
            let initiative = &mut model.initiatives[0];
            initiative.scores.value = Some(10);
            initiative.scores.effort = Some(1);
            initiative.scores.rice_confidence_percent = Some(0);
            initiative.duration_quarters = 0;
            model.goals[0].weight = 1;
            model.settings.quadrant_threshold = 10.0;
            model.settings.roadmap_horizon_quarters = 12;
            model.settings.useful_life_years = 30;
            model.settings.weighted_criteria[0].weight = 0;
        }),
        Vec::new()
    );
}

#[test]
fn numbers_must_be_finite() {
    let cases: Vec<(&str, ModelChange)> = vec![
        (
            "model.kpis[0].baseline",
            Box::new(|m| m.kpis[0].baseline = Some(f64::NAN)),
        ),
        (
            "model.kpis[0].target",
            Box::new(|m| m.kpis[0].target = Some(f64::INFINITY)),
        ),
        (
            "model.kpis[0].measurements[1].value",
            Box::new(|m| m.kpis[0].measurements[1].value = f64::NEG_INFINITY),
        ),
        (
            "model.reviews[0].kpi_actuals[0].value",
            Box::new(|m| m.reviews[0].kpi_actuals[0].value = f64::NAN),
        ),
        (
            "model.settings.quadrant_threshold",
            Box::new(|m| m.settings.quadrant_threshold = f64::NAN),
        ),
        (
            "model.initiatives[0].scores.rice_impact",
            Box::new(|m| m.initiatives[0].scores.rice_impact = Some(f64::INFINITY)),
        ),
        (
            "model.reviews[0].snapshot.alignment_coverage_percent",
            Box::new(|m| m.reviews[0].snapshot.alignment_coverage_percent = Some(f64::NAN)),
        ),
    ];
    for (path, change) in cases {
        assert_only_violation(change, path, ViolationKind::NotFinite);
    }
}

#[test]
fn money_must_be_non_negative_and_bounded() {
    assert_only_violation(
        |model| model.initiatives[0].cost_lines[0].one_time_cents = -1,
        "model.initiatives[0].cost_lines[0].one_time_cents",
        ViolationKind::NegativeMoney { cents: -1 },
    );
    assert_only_violation(
        |model| model.spend_items[0].cost_lines[0].running_cents_per_year = i64::MIN,
        "model.spend_items[0].cost_lines[0].running_cents_per_year",
        ViolationKind::NegativeMoney { cents: i64::MIN },
    );
    assert_only_violation(
        |model| model.settings.it_budget_cents_per_year = Some(-5),
        "model.settings.it_budget_cents_per_year",
        ViolationKind::NegativeMoney { cents: -5 },
    );
    assert_only_violation(
        |model| {
            model
                .settings
                .it_budget_cents_per_quarter
                .insert(quarter("2026-Q3"), -1);
        },
        "model.settings.it_budget_cents_per_quarter[\"2026-Q3\"]",
        ViolationKind::NegativeMoney { cents: -1 },
    );
    assert_only_violation(
        |model| model.settings.large_spend_threshold_cents = i64::MAX,
        "model.settings.large_spend_threshold_cents",
        ViolationKind::MoneyTooLarge {
            cents: i64::MAX,
            max_cents: MAX_MONEY_CENTS,
        },
    );
    assert_only_violation(
        |model| model.reviews[0].snapshot.total_yearly_cost_cents = -3,
        "model.reviews[0].snapshot.total_yearly_cost_cents",
        ViolationKind::NegativeMoney { cents: -3 },
    );
}

#[test]
fn rice_impact_must_be_one_of_the_allowed_values() {
    for allowed in RICE_IMPACT_VALUES {
        assert_eq!(
            violations_after(|model| model.initiatives[0].scores.rice_impact = Some(allowed)),
            Vec::new()
        );
    }
    assert_only_violation(
        |model| model.initiatives[0].scores.rice_impact = Some(0.3),
        "model.initiatives[0].scores.rice_impact",
        ViolationKind::InvalidRiceImpact { value: 0.3 },
    );
}

#[test]
fn a_criterion_score_must_name_a_criterion_of_the_settings() {
    assert_only_violation(
        |model| {
            model.initiatives[1]
                .scores
                .criterion_scores
                .insert("crit-9".to_string(), 3);
        },
        "model.initiatives[1].scores.criterion_scores[\"crit-9\"]",
        ViolationKind::UnknownCriterion {
            criterion_id: "crit-9".to_string(),
        },
    );
}

#[test]
fn too_many_weighted_criteria_are_reported() {
    assert_has_violation(
        |model| {
            model.settings.weighted_criteria = (0..=MAX_WEIGHTED_CRITERIA)
                .map(|n| WeightedCriterion {
                    id: format!("criterion-{n}"),
                    name: format!("Criterion {n}"),
                    weight: 1,
                })
                .collect();
            model.initiatives[0].scores.criterion_scores.clear();
        },
        "model.settings.weighted_criteria",
        ViolationKind::TooManyEntries {
            count: MAX_WEIGHTED_CRITERIA + 1,
            max_count: MAX_WEIGHTED_CRITERIA,
        },
    );
}

// ------------------------------------------------------------------ references

#[test]
fn every_reference_field_is_checked_against_the_right_kind() {
    let cases: Vec<(&str, EntityKind, ModelChange)> = vec![
        (
            "model.goals[0].owner_id",
            EntityKind::Person,
            Box::new(|m| m.goals[0].owner_id = Some("missing".to_string())),
        ),
        (
            "model.kpis[0].goal_id",
            EntityKind::Goal,
            Box::new(|m| m.kpis[0].goal_id = "missing".to_string()),
        ),
        (
            "model.kpis[0].owner_id",
            EntityKind::Person,
            Box::new(|m| m.kpis[0].owner_id = Some("missing".to_string())),
        ),
        (
            "model.processes[0].owner_id",
            EntityKind::Person,
            Box::new(|m| m.processes[0].owner_id = Some("missing".to_string())),
        ),
        (
            "model.capabilities[0].owner_id",
            EntityKind::Person,
            Box::new(|m| m.capabilities[0].owner_id = Some("missing".to_string())),
        ),
        (
            "model.capabilities[0].goal_ids[1]",
            EntityKind::Goal,
            Box::new(|m| m.capabilities[0].goal_ids[1] = "missing".to_string()),
        ),
        (
            "model.capabilities[0].process_ids[0]",
            EntityKind::BusinessProcess,
            Box::new(|m| m.capabilities[0].process_ids[0] = "missing".to_string()),
        ),
        (
            "model.capabilities[0].data_object_ids[0]",
            EntityKind::DataObject,
            Box::new(|m| m.capabilities[0].data_object_ids[0] = "missing".to_string()),
        ),
        (
            "model.data_objects[0].data_owner_id",
            EntityKind::Person,
            Box::new(|m| m.data_objects[0].data_owner_id = Some("missing".to_string())),
        ),
        (
            "model.initiatives[0].goal_contributions[0].goal_id",
            EntityKind::Goal,
            Box::new(|m| m.initiatives[0].goal_contributions[0].goal_id = "missing".to_string()),
        ),
        (
            "model.initiatives[0].capability_ids[0]",
            EntityKind::Capability,
            Box::new(|m| m.initiatives[0].capability_ids[0] = "missing".to_string()),
        ),
        (
            "model.initiatives[0].process_ids[0]",
            EntityKind::BusinessProcess,
            Box::new(|m| m.initiatives[0].process_ids[0] = "missing".to_string()),
        ),
        (
            "model.initiatives[0].depends_on_ids[0]",
            EntityKind::Initiative,
            Box::new(|m| m.initiatives[0].depends_on_ids[0] = "missing".to_string()),
        ),
        (
            "model.initiatives[0].owner_id",
            EntityKind::Person,
            Box::new(|m| m.initiatives[0].owner_id = Some("missing".to_string())),
        ),
        (
            "model.spend_items[0].owner_id",
            EntityKind::Person,
            Box::new(|m| m.spend_items[0].owner_id = Some("missing".to_string())),
        ),
        (
            "model.spend_items[0].process_ids[0]",
            EntityKind::BusinessProcess,
            Box::new(|m| m.spend_items[0].process_ids[0] = "missing".to_string()),
        ),
        (
            "model.spend_items[0].goal_ids[0]",
            EntityKind::Goal,
            Box::new(|m| m.spend_items[0].goal_ids[0] = "missing".to_string()),
        ),
        (
            "model.spend_items[0].initiative_id",
            EntityKind::Initiative,
            Box::new(|m| m.spend_items[0].initiative_id = Some("missing".to_string())),
        ),
        (
            "model.reviews[0].kpi_actuals[0].kpi_id",
            EntityKind::Kpi,
            Box::new(|m| m.reviews[0].kpi_actuals[0].kpi_id = "missing".to_string()),
        ),
        (
            "model.reviews[0].initiative_health[0].initiative_id",
            EntityKind::Initiative,
            Box::new(|m| m.reviews[0].initiative_health[0].initiative_id = "missing".to_string()),
        ),
        (
            "model.reviews[0].confirmed_spend_item_ids[0]",
            EntityKind::SpendItem,
            Box::new(|m| m.reviews[0].confirmed_spend_item_ids[0] = "missing".to_string()),
        ),
        (
            "model.reviews[0].confirmed_initiative_ids[0]",
            EntityKind::Initiative,
            Box::new(|m| m.reviews[0].confirmed_initiative_ids[0] = "missing".to_string()),
        ),
        (
            "model.workshop_sessions[0].estimate_votes[0].initiative_id",
            EntityKind::Initiative,
            Box::new(|m| {
                m.workshop_sessions[0].estimate_votes[0].initiative_id = "missing".to_string()
            }),
        ),
        (
            "model.workshop_sessions[0].dot_votes[0].target_id",
            EntityKind::Goal,
            Box::new(|m| m.workshop_sessions[0].dot_votes[0].target_id = "missing".to_string()),
        ),
        (
            "model.workshop_sessions[0].dot_votes[1].target_id",
            EntityKind::Initiative,
            Box::new(|m| m.workshop_sessions[0].dot_votes[1].target_id = "missing".to_string()),
        ),
        (
            "model.workshop_sessions[0].accepted_estimates[0].initiative_id",
            EntityKind::Initiative,
            Box::new(|m| {
                m.workshop_sessions[0].accepted_estimates[0].initiative_id = "missing".to_string()
            }),
        ),
    ];
    for (path, expected_kind, change) in cases {
        assert_only_violation(change, path, dangling(expected_kind, "missing"));
    }
}

#[test]
fn a_reference_to_an_entity_of_another_kind_names_both_kinds() {
    assert_only_violation(
        |model| model.kpis[0].goal_id = "person-1".to_string(),
        "model.kpis[0].goal_id",
        ViolationKind::WrongReferenceKind {
            expected_kind: EntityKind::Goal,
            actual_kind: EntityKind::Person,
            id: "person-1".to_string(),
        },
    );
    // A dot vote on a goal must name a goal, not an initiative.
    assert_only_violation(
        |model| model.workshop_sessions[0].dot_votes[0].target_id = "initiative-3".to_string(),
        "model.workshop_sessions[0].dot_votes[0].target_id",
        ViolationKind::WrongReferenceKind {
            expected_kind: EntityKind::Goal,
            actual_kind: EntityKind::Initiative,
            id: "initiative-3".to_string(),
        },
    );
}

#[test]
fn a_reference_to_a_deleted_or_non_entity_id_is_dangling() {
    assert_only_violation(
        |model| model.goals[1].owner_id = Some("deleted-1".to_string()),
        "model.goals[1].owner_id",
        dangling(EntityKind::Person, "deleted-1"),
    );
    // Cost lines are not entities a link may point at.
    assert_only_violation(
        |model| model.goals[1].owner_id = Some("cost-1".to_string()),
        "model.goals[1].owner_id",
        dangling(EntityKind::Person, "cost-1"),
    );
}

#[test]
fn link_lists_hold_no_duplicates() {
    let cases: Vec<(&str, &str, ModelChange)> = vec![
        (
            "model.capabilities[0].goal_ids[2]",
            "goal-1",
            Box::new(|m| m.capabilities[0].goal_ids.push("goal-1".to_string())),
        ),
        (
            "model.initiatives[0].goal_contributions[2].goal_id",
            "goal-2",
            Box::new(|m| {
                m.initiatives[0]
                    .goal_contributions
                    .push(contribution("goal-2", 3))
            }),
        ),
        (
            "model.initiatives[0].depends_on_ids[1]",
            "initiative-2",
            Box::new(|m| {
                m.initiatives[0]
                    .depends_on_ids
                    .push("initiative-2".to_string())
            }),
        ),
        (
            "model.spend_items[0].process_ids[1]",
            "process-1",
            Box::new(|m| m.spend_items[0].process_ids.push("process-1".to_string())),
        ),
        (
            "model.reviews[0].kpi_actuals[1].kpi_id",
            "kpi-1",
            Box::new(|m| {
                let repeat = m.reviews[0].kpi_actuals[0].clone();
                m.reviews[0].kpi_actuals.push(repeat);
            }),
        ),
        (
            "model.reviews[0].initiative_health[1].initiative_id",
            "initiative-1",
            Box::new(|m| {
                let repeat = m.reviews[0].initiative_health[0].clone();
                m.reviews[0].initiative_health.push(repeat);
            }),
        ),
        (
            "model.reviews[0].confirmed_spend_item_ids[1]",
            "spend-1",
            Box::new(|m| {
                m.reviews[0]
                    .confirmed_spend_item_ids
                    .push("spend-1".to_string())
            }),
        ),
        (
            "model.workshop_sessions[0].accepted_estimates[1].initiative_id",
            "initiative-2",
            Box::new(|m| {
                let repeat = m.workshop_sessions[0].accepted_estimates[0].clone();
                m.workshop_sessions[0].accepted_estimates.push(repeat);
            }),
        ),
    ];
    for (path, id, change) in cases {
        assert_only_violation(
            change,
            path,
            ViolationKind::DuplicateLink { id: id.to_string() },
        );
    }
}

#[test]
fn long_link_lists_find_duplicates_too() {
    // More than the pairwise limit, so the hashed path is taken.
    assert_only_violation(
        |model| {
            for index in 0..30 {
                model
                    .goals
                    .push(goal(&format!("extra-goal-{index}"), "Extra goal"));
                model.capabilities[0]
                    .goal_ids
                    .push(format!("extra-goal-{index}"));
            }
            model.capabilities[0]
                .goal_ids
                .push("extra-goal-7".to_string());
        },
        "model.capabilities[0].goal_ids[32]",
        ViolationKind::DuplicateLink {
            id: "extra-goal-7".to_string(),
        },
    );
}

#[test]
fn workshop_votes_are_one_per_participant_and_target_and_within_the_dots() {
    assert_only_violation(
        |model| {
            let mut repeat = model.workshop_sessions[0].estimate_votes[0].clone();
            repeat.value = Some(7);
            model.workshop_sessions[0].estimate_votes.push(repeat);
        },
        "model.workshop_sessions[0].estimate_votes[1]",
        ViolationKind::DuplicateVote {
            participant_number: 1,
            target_id: "initiative-2".to_string(),
        },
    );
    assert_only_violation(
        |model| {
            let mut repeat = model.workshop_sessions[0].dot_votes[1].clone();
            repeat.dots = 1;
            model.workshop_sessions[0].dot_votes.push(repeat);
        },
        "model.workshop_sessions[0].dot_votes[2]",
        ViolationKind::DuplicateVote {
            participant_number: 2,
            target_id: "initiative-2".to_string(),
        },
    );
    assert_only_violation(
        |model| {
            // Participant 1 already placed 2 of 3 dots on goal-2.
            model.workshop_sessions[0].dot_votes.push(WorkshopDotVote {
                target_kind: DotVoteTargetKind::Initiative,
                target_id: "initiative-1".to_string(),
                participant_number: 1,
                dots: 2,
            });
        },
        "model.workshop_sessions[0].dot_votes[2].dots",
        ViolationKind::TooManyDots {
            participant_number: 1,
            dots: 4,
            available: 3,
        },
    );
}

// ---------------------------------------------------------------- dependencies

#[test]
fn a_self_dependency_is_reported() {
    assert_only_violation(
        |model| model.initiatives[1].depends_on_ids = vec!["initiative-2".to_string()],
        "model.initiatives[1].depends_on_ids[0]",
        ViolationKind::SelfDependency,
    );
}

#[test]
fn a_dependency_cycle_is_reported_with_its_members_in_order() {
    // initiative-3 -> initiative-1 -> initiative-2, and now initiative-2 -> initiative-3.
    assert_only_violation(
        |model| model.initiatives[1].depends_on_ids = vec!["initiative-3".to_string()],
        "model.initiatives[2].depends_on_ids[0]",
        ViolationKind::DependencyCycle {
            initiative_ids: vec![
                "initiative-3".to_string(),
                "initiative-1".to_string(),
                "initiative-2".to_string(),
            ],
        },
    );
    // A direct cycle of two.
    assert_only_violation(
        |model| model.initiatives[1].depends_on_ids = vec!["initiative-1".to_string()],
        "model.initiatives[1].depends_on_ids[0]",
        ViolationKind::DependencyCycle {
            initiative_ids: vec!["initiative-2".to_string(), "initiative-1".to_string()],
        },
    );
}

#[test]
fn a_long_dependency_chain_closed_into_a_cycle_is_found_without_recursion() {
    let mut model = large_model(5_000);
    let last = model.initiatives.len() - 1;
    let first_large = model
        .initiatives
        .iter()
        .position(|initiative| initiative.id == "large-initiative-0")
        .unwrap();
    model.initiatives[first_large].depends_on_ids = vec![model.initiatives[last].id.clone()];
    let violations = validate_model(&model);
    assert_eq!(violations.len(), 1, "{:?}", violations.first());
    match &violations[0].kind {
        ViolationKind::DependencyCycle { initiative_ids } => {
            assert_eq!(initiative_ids.len(), 5_000)
        }
        other => panic!("expected a cycle, got {other:?}"),
    }
}

// ------------------------------------------------------------------- KPI order

#[test]
fn kpi_measurements_are_one_per_quarter_and_sorted() {
    assert_only_violation(
        |model| model.kpis[0].measurements.push(measurement("2026-Q1", 3.0)),
        "model.kpis[0].measurements[2].quarter",
        ViolationKind::DuplicateMeasurementQuarter {
            quarter: quarter("2026-Q1"),
        },
    );
    assert_only_violation(
        |model| model.kpis[0].measurements.push(measurement("2026-Q2", 3.0)),
        "model.kpis[0].measurements[2].quarter",
        ViolationKind::MeasurementsOutOfOrder {
            quarter: quarter("2026-Q2"),
        },
    );
}

// ------------------------------------------------------------ hostile and large

#[test]
fn hostile_values_do_not_panic_and_are_reported_briefly() {
    let mut model = fixture_model();
    let huge = "\u{1F600}".repeat(100_000);
    model.id = huge.clone();
    model.currency = huge.clone();
    model.people[0].id = huge.clone();
    model.people[1].id = huge.clone();
    model.goals[0].owner_id = Some(huge.clone());
    model.initiatives[0]
        .scores
        .criterion_scores
        .insert(huge.clone(), u8::MAX);
    model.initiatives[0].duration_quarters = u8::MAX;
    model.initiatives[0].effort_person_days = Some(u32::MAX);
    model.initiatives[0].cost_lines[0].one_time_cents = i64::MIN;
    model.workshop_sessions[0].participant_count = u16::MAX;
    model.workshop_sessions[0].dot_votes[0].dots = u8::MAX;
    model.kpis[0].baseline = Some(f64::NAN);
    model.revision = u64::MAX;
    let violations = validate_model(&model);
    assert!(!violations.is_empty());
    for violation in &violations {
        // Ids copied into violations and paths are shortened.
        assert!(
            format!("{violation:?}").len() < 5_000,
            "{} is too long",
            violation.path
        );
        assert!(!violation.to_string().is_empty());
    }
}

#[test]
fn a_model_with_5000_initiatives_validates_quickly() {
    let model = large_model(5_000);
    let started = Instant::now();
    let violations = validate_model(&model);
    let elapsed = started.elapsed();
    eprintln!("validating 5,000 initiatives took {elapsed:?}");
    assert_eq!(violations, Vec::new());
    // Generous, as a smoke check that works in debug builds too; release builds
    // take a few milliseconds.
    assert!(
        elapsed < Duration::from_secs(2),
        "validating took {elapsed:?}"
    );
}

#[test]
fn the_index_and_the_model_agree_on_lookups() {
    let model = fixture_model();
    let index = ModelIndex::new(&model);
    for id in [
        "person-1",
        "goal-2",
        "kpi-1",
        "initiative-3",
        "workshop-1",
        "missing",
        "cost-1",
        "crit-1",
        "model-1",
        "deleted-1",
    ] {
        assert_eq!(index.kind_of(id), model.kind_of(id), "{id}");
        for kind in EntityKind::ALL {
            assert_eq!(
                index.contains(kind, id),
                model.contains(kind, id),
                "{id} {kind:?}"
            );
        }
    }
    assert_eq!(
        index.location("cost-1"),
        Some(IdLocation::CostLine {
            kind: EntityKind::Initiative,
            index: 0,
            line_index: 0
        })
    );
}

#[test]
fn violations_read_as_plain_english_for_logs() {
    let violation = ModelViolation {
        path: "model.goals[0].weight".to_string(),
        kind: out_of_range(6.0, 1.0, 5.0),
    };
    assert_eq!(
        violation.to_string(),
        "model.goals[0].weight: 6 is outside the range 1 to 5"
    );
}
