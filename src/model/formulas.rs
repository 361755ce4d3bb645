//! The formulas of DESIGN.md section 3, as pure functions over a [`Model`](crate::model::types::Model) and its
//! entities, shared by every view that shows a number.
//!
//! Each formula lives in one place so that the matrix, the ranking table, the roadmap,
//! the budget view, the review and the alignment check can never disagree about what a
//! word means. Nothing here panics, whatever the input: scores outside their ranges,
//! NaN, zero divisors, dangling links and huge amounts all give a defined answer
//! (usually "no value" or a clamped one), because a model may come from a hand-edited
//! or half-valid file and the views must still render.
//!
//! The submodules, one concern each:
//!
//! - [`goals`]: measurable goals and KPI progress.
//! - [`quadrants`]: the priority matrix quadrant of an initiative and the TIME
//!   quadrant of a system capability.
//! - [`scoring`]: the value derived from goals, the effective value (user-set or
//!   derived) and the priority score of each scoring framework with its breakdown.
//! - [`ranking`]: the priority ranking of all initiatives.
//! - [`cost`]: yearly cost, cost over time (per quarter and per year) and cost
//!   breakdowns by category, goal and owner.
//! - [`coverage`]: the alignment coverage, the headline number of the method.
//! - [`capacity`]: planned person-days and work in progress per quarter.
//! - [`schedule_checks`]: dependencies the roadmap's schedule breaks.
//! - [`steering`]: review overdue, workshop votes, Now/Next/Later and capabilities
//!   in use.
//!
//! Money is always integer cents ([`MoneyCents`](crate::model::types::MoneyCents)) with saturating arithmetic, and every
//! total is the sum of whole-cent amounts computed per cost line, so that totals shown
//! side by side (by category, by goal, by owner, per quarter) add up to the cent. The
//! rounding rules are documented in [`cost`].
//!
//! Functions that answer for one entity take `&Model` and build the small lookup they
//! need; functions that answer for all entities at once (ranking, coverage, loads over
//! the horizon) build their lookups once, so they stay O(n log n) or better for
//! thousands of initiatives. [`InitiativeScoring`] is that precomputed lookup for
//! views that score many initiatives one by one, such as the matrix.

pub mod capacity;
pub mod cost;
pub mod coverage;
pub mod goals;
pub mod plan;
pub mod quadrants;
pub mod ranking;
pub mod schedule_checks;
pub mod scoring;
pub mod steering;

#[cfg(test)]
mod property_tests;
#[cfg(test)]
mod test_fixture;

pub use capacity::{
    initiative_occupies_quarter, person_days_per_occupied_quarter, quarter_load,
    roadmap_quarter_loads, roadmap_quarters, QuarterLoad,
};
pub use cost::{
    amortized_one_time_cents, cost_per_quarter, cost_per_year, running_cents_in_quarter,
    unplaced_cost, yearly_cost_breakdown, yearly_cost_of_initiative, yearly_cost_of_line,
    yearly_cost_of_lines, yearly_cost_of_spend_item, CostBreakdown, CostItemKind, CostSplit,
    QuarterCost, UnplacedCost,
};
pub use coverage::{
    alignment_coverage, initiative_alignment, spend_item_alignment, AlignmentCoverage,
    ItemAlignment, UncoveredItem,
};
pub use goals::{
    goal_is_measurable, kpi_current_progress, kpi_is_measurable, kpi_latest_measurement,
    kpi_progress, measurable_goal_ids, measurable_goals_among,
};
pub use plan::{
    current_plan_objective, propose_plan, PinOverload, PlacementReason, PlanProposal, PlannedStart,
    UnplaceableInitiative, UnplaceableReason,
};
pub use quadrants::{
    capability_time_quadrant, initiative_quadrant, quadrant_of, time_quadrant_of, Quadrant,
    TimeQuadrant,
};
pub use ranking::{rank_initiatives, RankedInitiative};
pub use scoring::{
    derived_value, effective_value, priority_breakdown, priority_score, priority_score_for,
    CriterionContribution, EffectiveValue, InitiativeScoring, MissingScoreInputs, ScoreBreakdown,
    ScoreInput, ValueSource,
};
pub use steering::{
    accepted_vote_score, capabilities_in_use, capability_in_use, now_next_later_bucket,
    review_overdue, NowNextLater,
};
