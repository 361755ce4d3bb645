//! Small builders for the formula tests: entities with only the fields a test cares
//! about, everything else at a neutral default. Kept here rather than in a shared
//! test module so the formula tests do not depend on code other people are writing.

use crate::model::types::*;

/// A fixed time, so fixtures are deterministic.
pub fn fixed_timestamp() -> Timestamp {
    chrono::DateTime::from_timestamp(1_767_225_600, 0).expect("a valid fixed timestamp")
}

/// A quarter from its stored form; panics on a typo in a test, which is what we want.
pub fn quarter(text: &str) -> Quarter {
    text.parse().expect("a quarter written like 2026-Q1")
}

/// A calendar date from `YYYY-MM-DD`.
pub fn date(text: &str) -> CalendarDate {
    text.parse().expect("a date written like 2026-01-31")
}

/// An empty model planning from 2026-Q1 with default settings.
pub fn empty_model() -> Model {
    Model::empty(
        "model-1".to_string(),
        "Fixture model".to_string(),
        quarter("2026-Q1"),
        fixed_timestamp(),
    )
}

pub fn person(id: &str) -> Person {
    Person {
        id: id.to_string(),
        revision: 0,
        modified: fixed_timestamp(),
        external_id: None,
        name: format!("Person {id}"),
        roles: Vec::new(),
        email: None,
    }
}

pub fn goal(id: &str, weight: u8) -> Goal {
    Goal {
        id: id.to_string(),
        revision: 0,
        modified: fixed_timestamp(),
        external_id: None,
        title: format!("Goal {id}"),
        statement: String::new(),
        weight,
        horizon: None,
        owner_id: None,
        cobit_goal: None,
        tags: Vec::new(),
    }
}

pub fn kpi(id: &str, goal_id: &str, baseline: Option<f64>, target: Option<f64>) -> Kpi {
    Kpi {
        id: id.to_string(),
        revision: 0,
        modified: fixed_timestamp(),
        external_id: None,
        goal_id: goal_id.to_string(),
        name: format!("KPI {id}"),
        unit: String::new(),
        direction: KpiDirection::Increase,
        baseline,
        baseline_date: None,
        target,
        target_date: None,
        measurements: Vec::new(),
        data_source: String::new(),
        owner_id: None,
    }
}

pub fn measurement(quarter_text: &str, value: f64) -> KpiMeasurement {
    KpiMeasurement {
        quarter: quarter(quarter_text),
        value,
        note: String::new(),
    }
}

pub fn process(id: &str) -> BusinessProcess {
    BusinessProcess {
        id: id.to_string(),
        revision: 0,
        modified: fixed_timestamp(),
        external_id: None,
        name: format!("Process {id}"),
        description: String::new(),
        owner_id: None,
    }
}

pub fn capability(id: &str, kind: CapabilityKind) -> Capability {
    Capability {
        id: id.to_string(),
        revision: 0,
        modified: fixed_timestamp(),
        external_id: None,
        name: format!("Capability {id}"),
        description: String::new(),
        kind,
        current_maturity: 2,
        target_maturity: 4,
        business_fit: None,
        technical_fit: None,
        owner_id: None,
        goal_ids: Vec::new(),
        process_ids: Vec::new(),
        data_object_ids: Vec::new(),
    }
}

pub fn initiative(id: &str, title: &str) -> Initiative {
    Initiative {
        id: id.to_string(),
        revision: 0,
        modified: fixed_timestamp(),
        external_id: None,
        title: title.to_string(),
        description: String::new(),
        status: InitiativeStatus::Planned,
        scores: InitiativeScores::default(),
        effort_person_days: None,
        start: None,
        duration_quarters: 1,
        pinned: false,
        cost_lines: Vec::new(),
        tags: Vec::new(),
        goal_contributions: Vec::new(),
        capability_ids: Vec::new(),
        process_ids: Vec::new(),
        depends_on_ids: Vec::new(),
        owner_id: None,
    }
}

/// An initiative with a user-set value and effort.
pub fn scored_initiative(id: &str, title: &str, value: u8, effort: u8) -> Initiative {
    let mut scored = initiative(id, title);
    scored.scores.value = Some(value);
    scored.scores.effort = Some(effort);
    scored
}

/// An initiative scheduled from `start` for `duration_quarters` quarters.
pub fn scheduled_initiative(id: &str, start: &str, duration_quarters: u8) -> Initiative {
    let mut scheduled = initiative(id, &format!("Initiative {id}"));
    scheduled.start = Some(quarter(start));
    scheduled.duration_quarters = duration_quarters;
    scheduled
}

pub fn contribution(goal_id: &str, strength: u8) -> GoalContribution {
    GoalContribution {
        goal_id: goal_id.to_string(),
        strength,
    }
}

pub fn spend_item(id: &str) -> SpendItem {
    SpendItem {
        id: id.to_string(),
        revision: 0,
        modified: fixed_timestamp(),
        external_id: None,
        name: format!("Spend {id}"),
        kind: SpendKind::Software,
        vendor: String::new(),
        start_date: None,
        cost_lines: Vec::new(),
        owner_id: None,
        process_ids: Vec::new(),
        goal_ids: Vec::new(),
        initiative_id: None,
    }
}

pub fn cost_line(
    id: &str,
    category: CostCategory,
    one_time_cents: MoneyCents,
    running_cents_per_year: MoneyCents,
) -> CostLine {
    CostLine {
        id: id.to_string(),
        category,
        description: String::new(),
        one_time_cents,
        running_cents_per_year,
    }
}

pub fn review(id: &str, quarter_text: &str) -> Review {
    Review {
        id: id.to_string(),
        revision: 0,
        modified: fixed_timestamp(),
        external_id: None,
        quarter: quarter(quarter_text),
        date: date("2026-01-15"),
        kpi_actuals: Vec::new(),
        initiative_health: Vec::new(),
        user_acceptance: None,
        technical_debt: None,
        security_posture: None,
        luftman: LuftmanLevels::default(),
        decisions: Vec::new(),
        next_steps: Vec::new(),
        confirmed_spend_item_ids: Vec::new(),
        confirmed_initiative_ids: Vec::new(),
        snapshot: KeyFigureSnapshot::default(),
        notes: String::new(),
    }
}

pub fn criterion(id: &str, weight: u8) -> WeightedCriterion {
    WeightedCriterion {
        id: id.to_string(),
        name: format!("Criterion {id}"),
        weight,
    }
}
