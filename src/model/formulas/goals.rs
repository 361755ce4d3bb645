//! Measurable goals and KPI progress.
//!
//! A goal is measurable when at least one of its KPIs has a baseline and a target
//! (DESIGN.md section 3). Measurability is what the alignment coverage asks of a goal,
//! so it is defined once here. KPI progress is how far the latest actual has moved
//! from the baseline towards the target.

use std::collections::HashSet;

use crate::model::types::{EntityId, Kpi, KpiMeasurement, Model};

/// Whether a KPI has what it takes to be measured: a baseline and a target, both
/// finite numbers. A non-finite value cannot come from a JSON file, but it can come
/// from arithmetic at the edge, and a NaN baseline measures nothing.
pub fn kpi_is_measurable(kpi: &Kpi) -> bool {
    let finite = |number: Option<f64>| number.is_some_and(f64::is_finite);
    finite(kpi.baseline) && finite(kpi.target)
}

/// Whether the goal `goal_id` is measurable: it exists and at least one of its KPIs
/// has a baseline and a target. A goal id that is not in the model is not measurable,
/// so a dangling link never counts as alignment.
pub fn goal_is_measurable(model: &Model, goal_id: &str) -> bool {
    let goal_exists = model.goals.iter().any(|goal| goal.id == goal_id);
    goal_exists && model.kpis_of_goal(goal_id).any(kpi_is_measurable)
}

/// The ids of all measurable goals, computed in one pass over goals and KPIs. Used by
/// formulas that ask about many goals at once, such as the alignment coverage, so they
/// do not scan the KPIs once per link.
pub fn measurable_goal_ids(model: &Model) -> HashSet<&str> {
    let existing_goal_ids: HashSet<&str> =
        model.goals.iter().map(|goal| goal.id.as_str()).collect();
    model
        .kpis
        .iter()
        .filter(|kpi| kpi_is_measurable(kpi))
        .map(|kpi| kpi.goal_id.as_str())
        .filter(|goal_id| existing_goal_ids.contains(goal_id))
        .collect()
}

/// The share of the way from `baseline` to `target` that `actual` has covered, as a
/// fraction from 0.0 to 1.0 (multiply by 100 for percent).
///
/// `(actual - baseline) / (target - baseline)`, clamped to 0..=1. Because both the
/// numerator and the denominator change sign together, the same formula works for
/// KPIs where lower is better (baseline 10, target 5, actual 7 gives 0.6), so the KPI's
/// direction does not enter. Returns `None` when any input is missing or not finite,
/// when the target equals the baseline (there is no way to go, so progress is
/// undefined rather than 0 or 100 %), or when the arithmetic overflows.
pub fn kpi_progress(
    baseline: Option<f64>,
    target: Option<f64>,
    actual: Option<f64>,
) -> Option<f64> {
    let (baseline, target, actual) = (baseline?, target?, actual?);
    if !(baseline.is_finite() && target.is_finite() && actual.is_finite()) {
        return None;
    }
    let way_to_go = target - baseline;
    if way_to_go == 0.0 || !way_to_go.is_finite() {
        return None;
    }
    let progress = (actual - baseline) / way_to_go;
    progress.is_finite().then(|| progress.clamp(0.0, 1.0))
}

/// The latest measurement of a KPI by quarter. Measurements are kept sorted, but this
/// does not rely on it; when a malformed file holds two for the same quarter, the one
/// later in the list wins, as it is the one most likely entered last.
pub fn kpi_latest_measurement(kpi: &Kpi) -> Option<&KpiMeasurement> {
    kpi.measurements
        .iter()
        .max_by_key(|measurement| measurement.quarter)
}

/// The progress of a KPI with its latest measurement as the actual value; `None` when
/// it has no measurement or [`kpi_progress`] is undefined.
pub fn kpi_current_progress(kpi: &Kpi) -> Option<f64> {
    let latest = kpi_latest_measurement(kpi)?;
    kpi_progress(kpi.baseline, kpi.target, Some(latest.value))
}

/// The ids of the goals an id list names that are measurable, in list order without
/// repeats. A helper for views that show which of an item's goals are measurable.
pub fn measurable_goals_among<'ids>(
    measurable_goal_ids: &HashSet<&str>,
    goal_ids: impl IntoIterator<Item = &'ids EntityId>,
) -> Vec<&'ids EntityId> {
    let mut seen = HashSet::new();
    goal_ids
        .into_iter()
        .filter(|goal_id| measurable_goal_ids.contains(goal_id.as_str()))
        .filter(|goal_id| seen.insert(goal_id.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::formulas::test_fixture::*;

    fn approximately(left: f64, right: f64) -> bool {
        (left - right).abs() < 1e-12
    }

    #[test]
    fn a_goal_with_a_kpi_that_has_baseline_and_target_is_measurable() {
        let mut model = empty_model();
        model.goals.push(goal("goal-a", 3));
        model.goals.push(goal("goal-b", 3));
        model.goals.push(goal("goal-c", 3));
        model.kpis.push(kpi("kpi-a1", "goal-a", Some(1.0), None));
        model
            .kpis
            .push(kpi("kpi-a2", "goal-a", Some(1.0), Some(2.0)));
        model.kpis.push(kpi("kpi-b", "goal-b", None, Some(2.0)));
        assert!(goal_is_measurable(&model, "goal-a"));
        assert!(
            !goal_is_measurable(&model, "goal-b"),
            "a KPI without baseline does not count"
        );
        assert!(
            !goal_is_measurable(&model, "goal-c"),
            "a goal without KPIs is not measurable"
        );
        let ids = measurable_goal_ids(&model);
        assert_eq!(ids.len(), 1);
        assert!(ids.contains("goal-a"));
    }

    #[test]
    fn a_missing_goal_or_a_non_finite_kpi_is_not_measurable() {
        let mut model = empty_model();
        model
            .kpis
            .push(kpi("kpi-orphan", "goal-missing", Some(1.0), Some(2.0)));
        assert!(!goal_is_measurable(&model, "goal-missing"));
        assert!(measurable_goal_ids(&model).is_empty());
        model.goals.push(goal("goal-nan", 3));
        model
            .kpis
            .push(kpi("kpi-nan", "goal-nan", Some(f64::NAN), Some(2.0)));
        assert!(!goal_is_measurable(&model, "goal-nan"));
    }

    #[test]
    fn kpi_progress_for_higher_is_better() {
        assert_eq!(
            kpi_progress(Some(100.0), Some(200.0), Some(150.0)),
            Some(0.5)
        );
        assert_eq!(
            kpi_progress(Some(100.0), Some(200.0), Some(100.0)),
            Some(0.0)
        );
        assert_eq!(
            kpi_progress(Some(100.0), Some(200.0), Some(200.0)),
            Some(1.0)
        );
    }

    #[test]
    fn kpi_progress_for_lower_is_better_works_with_the_same_formula() {
        let progress = kpi_progress(Some(10.0), Some(5.0), Some(7.0)).unwrap();
        assert!(approximately(progress, 0.6));
        // Getting worse on a lower-is-better KPI is clamped to 0, overshooting to 1.
        assert_eq!(kpi_progress(Some(10.0), Some(5.0), Some(12.0)), Some(0.0));
        assert_eq!(kpi_progress(Some(10.0), Some(5.0), Some(1.0)), Some(1.0));
    }

    #[test]
    fn kpi_progress_is_clamped() {
        assert_eq!(kpi_progress(Some(0.0), Some(10.0), Some(-5.0)), Some(0.0));
        assert_eq!(kpi_progress(Some(0.0), Some(10.0), Some(25.0)), Some(1.0));
    }

    #[test]
    fn kpi_progress_is_undefined_when_target_equals_baseline_or_inputs_are_missing() {
        assert_eq!(kpi_progress(Some(5.0), Some(5.0), Some(5.0)), None);
        assert_eq!(kpi_progress(Some(5.0), Some(5.0), Some(7.0)), None);
        assert_eq!(kpi_progress(None, Some(5.0), Some(1.0)), None);
        assert_eq!(kpi_progress(Some(1.0), None, Some(1.0)), None);
        assert_eq!(kpi_progress(Some(1.0), Some(5.0), None), None);
        assert_eq!(kpi_progress(Some(f64::NAN), Some(5.0), Some(1.0)), None);
        assert_eq!(
            kpi_progress(Some(1.0), Some(f64::INFINITY), Some(1.0)),
            None
        );
        assert_eq!(
            kpi_progress(Some(1.0), Some(5.0), Some(f64::NEG_INFINITY)),
            None
        );
        // The way to go overflows to infinity: undefined rather than a wrong 0.
        assert_eq!(
            kpi_progress(Some(-f64::MAX), Some(f64::MAX), Some(0.0)),
            None
        );
    }

    #[test]
    fn current_progress_uses_the_latest_measurement_by_quarter() {
        let mut measured = kpi("kpi-1", "goal-1", Some(0.0), Some(100.0));
        assert_eq!(kpi_current_progress(&measured), None);
        // Deliberately out of order: the latest quarter wins, not the last entry.
        measured.measurements = vec![
            measurement("2026-Q3", 80.0),
            measurement("2026-Q1", 20.0),
            measurement("2026-Q2", 40.0),
        ];
        assert_eq!(kpi_latest_measurement(&measured).unwrap().value, 80.0);
        assert!(approximately(kpi_current_progress(&measured).unwrap(), 0.8));
    }

    #[test]
    fn measurable_goals_among_keeps_order_and_drops_repeats() {
        let mut model = empty_model();
        model.goals.push(goal("goal-a", 3));
        model.goals.push(goal("goal-b", 3));
        model
            .kpis
            .push(kpi("kpi-a", "goal-a", Some(1.0), Some(2.0)));
        model
            .kpis
            .push(kpi("kpi-b", "goal-b", Some(1.0), Some(2.0)));
        let measurable = measurable_goal_ids(&model);
        let ids: Vec<EntityId> = ["goal-b", "goal-x", "goal-a", "goal-b"]
            .iter()
            .map(|id| id.to_string())
            .collect();
        let found = measurable_goals_among(&measurable, &ids);
        assert_eq!(found, vec!["goal-b", "goal-a"]);
    }
}
