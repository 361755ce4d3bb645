//! A small, hand-written model that holds every entity kind and every kind of link,
//! with readable ids (`person-1`, `goal-2`, ...), for the validation and command
//! tests. Which entity links to which is chosen so that every deletion rule has a
//! case: see the comments at each entity.

use std::collections::BTreeMap;

use crate::model::types::*;

/// The time the fixture was made; every entity carries it as `modified`.
pub(crate) fn fixture_time() -> Timestamp {
    "2026-01-01T00:00:00Z".parse().expect("a valid timestamp")
}

/// The time commands are applied at in tests, later than [`fixture_time`].
pub(crate) fn later() -> Timestamp {
    "2026-03-01T12:30:00Z".parse().expect("a valid timestamp")
}

pub(crate) fn quarter(text: &str) -> Quarter {
    text.parse().expect("a valid quarter")
}

pub(crate) fn date(year: i32, month: u32, day: u32) -> CalendarDate {
    CalendarDate::from_ymd_opt(year, month, day).expect("a valid date")
}

pub(crate) fn person(id: &str, name: &str) -> Person {
    let mut person = Person::blank(id.to_string(), name.to_string(), fixture_time());
    person.revision = 1;
    person
}

pub(crate) fn goal(id: &str, title: &str) -> Goal {
    let mut goal = Goal::blank(id.to_string(), title.to_string(), fixture_time());
    goal.revision = 1;
    goal
}

pub(crate) fn kpi(id: &str, goal_id: &str, name: &str) -> Kpi {
    let mut kpi = Kpi::blank(
        id.to_string(),
        goal_id.to_string(),
        name.to_string(),
        fixture_time(),
    );
    kpi.revision = 1;
    kpi
}

pub(crate) fn measurement(quarter_text: &str, value: f64) -> KpiMeasurement {
    KpiMeasurement {
        quarter: quarter(quarter_text),
        value,
        note: String::new(),
    }
}

pub(crate) fn process(id: &str, name: &str) -> BusinessProcess {
    let mut process = BusinessProcess::blank(id.to_string(), name.to_string(), fixture_time());
    process.revision = 1;
    process
}

pub(crate) fn capability(id: &str, name: &str) -> Capability {
    let mut capability = Capability::blank(
        id.to_string(),
        name.to_string(),
        CapabilityKind::System,
        fixture_time(),
    );
    capability.revision = 1;
    capability.current_maturity = 2;
    capability.target_maturity = 4;
    capability
}

pub(crate) fn data_object(id: &str, name: &str) -> DataObject {
    let mut data_object = DataObject::blank(id.to_string(), name.to_string(), fixture_time());
    data_object.revision = 1;
    data_object
}

pub(crate) fn initiative(id: &str, title: &str) -> Initiative {
    let mut initiative = Initiative::blank(id.to_string(), title.to_string(), fixture_time());
    initiative.revision = 1;
    initiative
}

pub(crate) fn cost_line(id: &str, one_time_cents: MoneyCents, running: MoneyCents) -> CostLine {
    let mut line = CostLine::blank(id.to_string(), CostCategory::Acquisition);
    line.one_time_cents = one_time_cents;
    line.running_cents_per_year = running;
    line
}

pub(crate) fn contribution(goal_id: &str, strength: u8) -> GoalContribution {
    GoalContribution {
        goal_id: goal_id.to_string(),
        strength,
    }
}

pub(crate) fn spend_item(id: &str, name: &str) -> SpendItem {
    let mut spend_item = SpendItem::blank(
        id.to_string(),
        name.to_string(),
        SpendKind::Software,
        fixture_time(),
    );
    spend_item.revision = 1;
    spend_item
}

pub(crate) fn review(id: &str, quarter_text: &str) -> Review {
    let mut review = Review::blank(
        id.to_string(),
        quarter(quarter_text),
        date(2026, 3, 20),
        fixture_time(),
    );
    review.revision = 1;
    review
}

pub(crate) fn workshop_session(id: &str, title: &str) -> WorkshopSession {
    let mut session = WorkshopSession::blank(
        id.to_string(),
        title.to_string(),
        date(2026, 2, 10),
        fixture_time(),
    );
    session.revision = 1;
    session.participant_count = 3;
    session
}

/// The fixture model. In short:
///
/// - `person-1` (management) owns `goal-1`, `kpi-1`, `capability-1` and
///   `initiative-1`; `person-2` owns `process-1` and `spend-1` and is data owner of
///   `data-1`; `person-3` owns nothing.
/// - `goal-1` has `kpi-1`; `goal-2` has no KPI but is linked from `capability-1`,
///   `initiative-1`, `spend-1` and a dot vote of `workshop-1`.
/// - `capability-1` supports both goals and `process-1` and uses `data-1`.
/// - `initiative-1` contributes to both goals, builds `capability-1`, supports
///   `process-1`, depends on `initiative-2`, has cost line `cost-1` and criterion
///   scores for `crit-1` and `crit-2`; `initiative-3` depends on `initiative-1`;
///   `initiative-2` supports `process-2`.
/// - `spend-1` (cost line `cost-2`) supports `process-1` and `goal-2` and belongs to
///   `initiative-1`.
/// - `review-1` (2026-Q1) records an actual of `kpi-1`, the health of
///   `initiative-1`, and confirmed `spend-1` and `initiative-2`.
/// - `workshop-1` has an estimate vote, an accepted estimate and a dot vote for
///   `initiative-2`, and a dot vote for `goal-2`.
/// - A tombstone records the deleted goal `deleted-1`.
pub(crate) fn fixture_model() -> Model {
    let mut model = Model::empty(
        "model-1".to_string(),
        "Müller GmbH alignment".to_string(),
        quarter("2026-Q1"),
        fixture_time(),
    );
    model.organization = "Müller GmbH".to_string();
    model.revision = 10;
    model.settings.capacity_person_days_per_quarter = Some(120);
    model.settings.wip_limit = Some(3);
    model.settings.it_budget_cents_per_year = Some(5_000_000);
    model
        .settings
        .it_budget_cents_per_quarter
        .insert(quarter("2026-Q2"), 2_000_000);
    model.settings.weighted_criteria = vec![
        WeightedCriterion {
            id: "crit-1".to_string(),
            name: "Customer benefit".to_string(),
            weight: 60,
        },
        WeightedCriterion {
            id: "crit-2".to_string(),
            name: "Strategic fit".to_string(),
            weight: 40,
        },
    ];

    let mut anna = person("person-1", "Anna Manager");
    anna.roles = vec![PersonRole::Management];
    anna.email = Some("anna@example.com".to_string());
    let mut ben = person("person-2", "Ben Data");
    ben.roles = vec![PersonRole::DataOwner, PersonRole::ProcessOwner];
    let mut clara = person("person-3", "Clara Free");
    clara.roles = vec![PersonRole::ItProvider];
    model.people = vec![anna, ben, clara];

    let mut revenue = goal("goal-1", "Grow revenue with existing customers");
    revenue.weight = 5;
    revenue.statement = "+15 % revenue with existing customers".to_string();
    revenue.owner_id = Some("person-1".to_string());
    revenue.tags = vec!["growth".to_string()];
    let quotes = goal("goal-2", "Faster quotes");
    model.goals = vec![revenue, quotes];

    let mut revenue_kpi = kpi("kpi-1", "goal-1", "Revenue with existing customers");
    revenue_kpi.unit = "%".to_string();
    revenue_kpi.baseline = Some(100.0);
    revenue_kpi.target = Some(115.0);
    revenue_kpi.owner_id = Some("person-1".to_string());
    revenue_kpi.measurements = vec![measurement("2026-Q1", 101.0), measurement("2026-Q3", 106.0)];
    model.kpis = vec![revenue_kpi];

    let mut quote_to_invoice = process("process-1", "Quote to invoice");
    quote_to_invoice.owner_id = Some("person-2".to_string());
    model.processes = vec![quote_to_invoice, process("process-2", "Onboarding")];

    let mut crm = capability("capability-1", "Integrated CRM");
    crm.business_fit = Some(7);
    crm.technical_fit = Some(4);
    crm.owner_id = Some("person-1".to_string());
    crm.goal_ids = vec!["goal-1".to_string(), "goal-2".to_string()];
    crm.process_ids = vec!["process-1".to_string()];
    crm.data_object_ids = vec!["data-1".to_string()];
    model.capabilities = vec![crm];

    let mut customer_data = data_object("data-1", "Customer master data");
    customer_data.data_owner_id = Some("person-2".to_string());
    customer_data.quality_rating = Some(3);
    model.data_objects = vec![customer_data];

    let mut rollout = initiative("initiative-1", "CRM rollout");
    rollout.status = InitiativeStatus::Active;
    rollout.scores.value = Some(8);
    rollout.scores.effort = Some(6);
    rollout.scores.criterion_scores =
        BTreeMap::from([("crit-1".to_string(), 4), ("crit-2".to_string(), 3)]);
    rollout.effort_person_days = Some(60);
    rollout.start = Some(quarter("2026-Q2"));
    rollout.duration_quarters = 2;
    rollout.cost_lines = vec![cost_line("cost-1", 2_000_000, 0)];
    rollout.goal_contributions = vec![contribution("goal-1", 3), contribution("goal-2", 1)];
    rollout.capability_ids = vec!["capability-1".to_string()];
    rollout.process_ids = vec!["process-1".to_string()];
    rollout.depends_on_ids = vec!["initiative-2".to_string()];
    rollout.owner_id = Some("person-1".to_string());
    let mut cleanup = initiative("initiative-2", "Data cleanup");
    cleanup.scores.value = Some(5);
    cleanup.scores.effort = Some(3);
    cleanup.process_ids = vec!["process-2".to_string()];
    let mut mobile = initiative("initiative-3", "Mobile capture");
    mobile.depends_on_ids = vec!["initiative-1".to_string()];
    model.initiatives = vec![rollout, cleanup, mobile];

    let mut subscription = spend_item("spend-1", "CRM subscription");
    subscription.cost_lines = vec![cost_line("cost-2", 0, 1_200_000)];
    subscription.owner_id = Some("person-2".to_string());
    subscription.process_ids = vec!["process-1".to_string()];
    subscription.goal_ids = vec!["goal-2".to_string()];
    subscription.initiative_id = Some("initiative-1".to_string());
    model.spend_items = vec![subscription];

    let mut first_review = review("review-1", "2026-Q1");
    first_review.kpi_actuals = vec![ReviewKpiActual {
        kpi_id: "kpi-1".to_string(),
        value: 101.0,
        note: String::new(),
    }];
    first_review.initiative_health = vec![ReviewInitiativeHealth {
        initiative_id: "initiative-1".to_string(),
        health: InitiativeHealth::OnTrack,
        new_status: None,
        note: String::new(),
    }];
    first_review.user_acceptance = Some(4);
    first_review.luftman.governance = Some(2);
    first_review.confirmed_spend_item_ids = vec!["spend-1".to_string()];
    first_review.confirmed_initiative_ids = vec!["initiative-2".to_string()];
    first_review.snapshot.alignment_coverage_percent = Some(62.5);
    model.reviews = vec![first_review];

    let mut workshop = workshop_session("workshop-1", "Prioritization workshop");
    workshop.estimate_votes = vec![WorkshopEstimateVote {
        initiative_id: "initiative-2".to_string(),
        participant_number: 1,
        value: Some(5),
        effort: Some(3),
    }];
    workshop.dot_votes = vec![
        WorkshopDotVote {
            target_kind: DotVoteTargetKind::Goal,
            target_id: "goal-2".to_string(),
            participant_number: 1,
            dots: 2,
        },
        WorkshopDotVote {
            target_kind: DotVoteTargetKind::Initiative,
            target_id: "initiative-2".to_string(),
            participant_number: 2,
            dots: 1,
        },
    ];
    workshop.accepted_estimates = vec![WorkshopAcceptedEstimate {
        initiative_id: "initiative-2".to_string(),
        value: Some(5),
        effort: Some(3),
        note: String::new(),
    }];
    model.workshop_sessions = vec![workshop];

    model.tombstones = vec![Tombstone {
        id: "deleted-1".to_string(),
        kind: EntityKind::Goal,
        deleted: fixture_time(),
    }];
    model
}

/// A model with `initiative_count` valid initiatives, each with two goal
/// contributions, a capability, a process, two cost lines and a dependency on the
/// one before it (one long chain), for the speed checks.
pub(crate) fn large_model(initiative_count: usize) -> Model {
    let mut model = fixture_model();
    let goal_count = 50;
    for index in 0..goal_count {
        model.goals.push(goal(
            &format!("large-goal-{index}"),
            &format!("Goal {index}"),
        ));
    }
    for index in 0..initiative_count {
        let mut item = initiative(
            &format!("large-initiative-{index}"),
            &format!("Initiative {index}"),
        );
        item.scores.value = Some(u8::try_from(index % 10 + 1).unwrap_or(1));
        item.scores.effort = Some(u8::try_from((index * 7) % 10 + 1).unwrap_or(1));
        item.scores.criterion_scores = BTreeMap::from([("crit-1".to_string(), 3)]);
        item.goal_contributions = vec![
            contribution(&format!("large-goal-{}", index % goal_count), 2),
            contribution(&format!("large-goal-{}", (index + 1) % goal_count), 1),
        ];
        item.capability_ids = vec!["capability-1".to_string()];
        item.process_ids = vec!["process-1".to_string()];
        item.cost_lines = vec![
            cost_line(&format!("large-cost-{index}-a"), 100_000, 0),
            cost_line(&format!("large-cost-{index}-b"), 0, 50_000),
        ];
        item.tags = vec!["automation".to_string()];
        item.owner_id = Some("person-1".to_string());
        if index > 0 {
            item.depends_on_ids = vec![format!("large-initiative-{}", index - 1)];
        }
        model.initiatives.push(item);
    }
    model
}
