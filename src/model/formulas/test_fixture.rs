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
    Person::blank(id.to_string(), format!("Person {id}"), fixed_timestamp())
}

pub fn goal(id: &str, weight: u8) -> Goal {
    let mut goal = Goal::blank(id.to_string(), format!("Goal {id}"), fixed_timestamp());
    goal.weight = weight;
    goal
}

pub fn kpi(id: &str, goal_id: &str, baseline: Option<f64>, target: Option<f64>) -> Kpi {
    let mut kpi = Kpi::blank(
        id.to_string(),
        goal_id.to_string(),
        format!("KPI {id}"),
        fixed_timestamp(),
    );
    kpi.baseline = baseline;
    kpi.target = target;
    kpi
}

pub fn measurement(quarter_text: &str, value: f64) -> KpiMeasurement {
    KpiMeasurement {
        quarter: quarter(quarter_text),
        value,
        note: String::new(),
    }
}

pub fn process(id: &str) -> BusinessProcess {
    BusinessProcess::blank(id.to_string(), format!("Process {id}"), fixed_timestamp())
}

pub fn capability(id: &str, kind: CapabilityKind) -> Capability {
    let mut capability = Capability::blank(
        id.to_string(),
        format!("Capability {id}"),
        kind,
        fixed_timestamp(),
    );
    capability.current_maturity = 2;
    capability.target_maturity = 4;
    capability
}

pub fn initiative(id: &str, title: &str) -> Initiative {
    let mut initiative = Initiative::blank(id.to_string(), title.to_string(), fixed_timestamp());
    initiative.status = InitiativeStatus::Planned;
    initiative
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
    SpendItem::blank(
        id.to_string(),
        format!("Spend {id}"),
        SpendKind::Software,
        fixed_timestamp(),
    )
}

pub fn cost_line(
    id: &str,
    category: CostCategory,
    one_time_cents: MoneyCents,
    running_cents_per_year: MoneyCents,
) -> CostLine {
    let mut line = CostLine::blank(id.to_string(), category);
    line.one_time_cents = one_time_cents;
    line.running_cents_per_year = running_cents_per_year;
    line
}

pub fn review(id: &str, quarter_text: &str) -> Review {
    Review::blank(
        id.to_string(),
        quarter(quarter_text),
        date("2026-01-15"),
        fixed_timestamp(),
    )
}

pub fn criterion(id: &str, weight: u8) -> WeightedCriterion {
    WeightedCriterion {
        id: id.to_string(),
        name: format!("Criterion {id}"),
        weight,
    }
}
