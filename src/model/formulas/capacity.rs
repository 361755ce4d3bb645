//! Planned person-days and work in progress per quarter, against the capacity and the
//! WIP limit of the settings.
//!
//! An initiative occupies the quarters `start ..= start + duration - 1`; a milestone
//! (duration 0) occupies just its start quarter; an unscheduled initiative occupies
//! none. Its person-days are spread evenly over the quarters it occupies (a
//! milestone's all fall in its one quarter), as unrounded fractions.
//!
//! Which initiatives count:
//!
//! - **Load** counts every scheduled initiative except stopped ones. Stopped work uses
//!   no capacity; done work did use it, and the quarters it was scheduled in show that.
//! - **WIP** counts the initiatives occupying the quarter whose status is neither done
//!   nor stopped (DESIGN.md section 3).
//!
//! A quarter is over capacity when its load *exceeds* the capacity (equal is full, not
//! over), with a tolerance of a millionth of a person-day so that thirds that add up to
//! a whole do not tip a full quarter over; over WIP when the count exceeds the limit.
//! Without a capacity or a limit in the settings nothing is over.

use crate::model::types::{Initiative, InitiativeStatus, Model, Quarter};

/// How far the load may exceed the capacity through floating-point rounding alone.
const PERSON_DAYS_TOLERANCE: f64 = 1e-6;

/// The load of one quarter.
#[derive(Debug, Clone, PartialEq)]
pub struct QuarterLoad {
    pub quarter: Quarter,
    /// Person-days of the initiatives occupying the quarter (not rounded).
    pub planned_person_days: f64,
    pub capacity_person_days: Option<u32>,
    pub over_capacity: bool,
    /// Initiatives occupying the quarter that are neither done nor stopped.
    pub wip: u32,
    pub wip_limit: Option<u32>,
    pub over_wip: bool,
}

/// The first and last quarter ordinal an initiative occupies, or `None` when it is
/// unscheduled. Ordinals rather than quarters, so an initiative running past the last
/// supported year still occupies distinct quarters.
fn occupied_ordinals(initiative: &Initiative) -> Option<(i64, i64)> {
    let first = initiative.start?.ordinal();
    let quarters = i64::from(initiative.duration_quarters.max(1));
    Some((first, first + quarters - 1))
}

/// Whether an initiative is scheduled in a quarter.
pub fn initiative_occupies_quarter(initiative: &Initiative, quarter: Quarter) -> bool {
    occupied_ordinals(initiative)
        .is_some_and(|(first, last)| (first..=last).contains(&quarter.ordinal()))
}

/// An initiative's person-days in each quarter it occupies; `None` when it has no
/// person-days or no schedule.
pub fn person_days_per_occupied_quarter(initiative: &Initiative) -> Option<f64> {
    initiative.start?;
    let person_days = initiative.effort_person_days?;
    let quarters = initiative.duration_quarters.max(1);
    Some(f64::from(person_days) / f64::from(quarters))
}

fn counts_for_load(initiative: &Initiative) -> bool {
    initiative.status != InitiativeStatus::Stopped
}

fn counts_for_wip(initiative: &Initiative) -> bool {
    !matches!(
        initiative.status,
        InitiativeStatus::Done | InitiativeStatus::Stopped
    )
}

/// An empty load for a quarter, with the model's capacity and limit.
fn empty_load(model: &Model, quarter: Quarter) -> QuarterLoad {
    QuarterLoad {
        quarter,
        planned_person_days: 0.0,
        capacity_person_days: model.settings.capacity_person_days_per_quarter,
        over_capacity: false,
        wip: 0,
        wip_limit: model.settings.wip_limit,
        over_wip: false,
    }
}

fn add_initiative(load: &mut QuarterLoad, initiative: &Initiative) {
    if counts_for_load(initiative) {
        load.planned_person_days += person_days_per_occupied_quarter(initiative).unwrap_or(0.0);
    }
    if counts_for_wip(initiative) {
        load.wip = load.wip.saturating_add(1);
    }
}

fn finish(load: &mut QuarterLoad) {
    load.over_capacity = load.capacity_person_days.is_some_and(|capacity| {
        load.planned_person_days > f64::from(capacity) + PERSON_DAYS_TOLERANCE
    });
    load.over_wip = load.wip_limit.is_some_and(|limit| load.wip > limit);
}

/// The load of one quarter.
pub fn quarter_load(model: &Model, quarter: Quarter) -> QuarterLoad {
    let mut load = empty_load(model, quarter);
    for initiative in &model.initiatives {
        if initiative_occupies_quarter(initiative, quarter) {
            add_initiative(&mut load, initiative);
        }
    }
    finish(&mut load);
    load
}

/// The quarters of the roadmap: `roadmap_horizon_quarters` quarters from the planning
/// start (fewer only when the horizon runs past the last supported year).
pub fn roadmap_quarters(model: &Model) -> Vec<Quarter> {
    let first = model.planning_start.ordinal();
    (0..i64::from(model.settings.roadmap_horizon_quarters))
        .map_while(|offset| Quarter::from_ordinal(first + offset))
        .collect()
}

/// The load of every quarter of the roadmap, in one pass over the initiatives.
pub fn roadmap_quarter_loads(model: &Model) -> Vec<QuarterLoad> {
    let quarters = roadmap_quarters(model);
    let mut loads: Vec<QuarterLoad> = quarters
        .iter()
        .map(|quarter| empty_load(model, *quarter))
        .collect();
    let Some(horizon_first) = quarters.first().map(|quarter| quarter.ordinal()) else {
        return loads;
    };
    let horizon_last = horizon_first + loads.len() as i64 - 1;
    for initiative in &model.initiatives {
        let Some((first, last)) = occupied_ordinals(initiative) else {
            continue;
        };
        // Only the overlap with the horizon is visited, so this is O(initiatives x
        // horizon) at most, whatever the durations.
        for ordinal in first.max(horizon_first)..=last.min(horizon_last) {
            let index = (ordinal - horizon_first) as usize;
            if let Some(load) = loads.get_mut(index) {
                add_initiative(load, initiative);
            }
        }
    }
    loads.iter_mut().for_each(finish);
    loads
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::formulas::test_fixture::*;

    fn approximately(left: f64, right: f64) -> bool {
        (left - right).abs() < 1e-9
    }

    #[test]
    fn an_initiative_occupies_start_to_start_plus_duration_minus_one() {
        let project = scheduled_initiative("i-1", "2026-Q3", 3);
        let occupied: Vec<bool> = ["2026-Q2", "2026-Q3", "2026-Q4", "2027-Q1", "2027-Q2"]
            .iter()
            .map(|text| initiative_occupies_quarter(&project, quarter(text)))
            .collect();
        assert_eq!(occupied, [false, true, true, true, false]);
        let milestone = scheduled_initiative("i-2", "2026-Q3", 0);
        assert!(initiative_occupies_quarter(&milestone, quarter("2026-Q3")));
        assert!(!initiative_occupies_quarter(&milestone, quarter("2026-Q4")));
        assert!(!initiative_occupies_quarter(
            &initiative("i-3", "Unscheduled"),
            quarter("2026-Q3")
        ));
    }

    #[test]
    fn person_days_are_spread_evenly_and_a_milestone_takes_them_all() {
        let mut project = scheduled_initiative("i-1", "2026-Q1", 3);
        project.effort_person_days = Some(100);
        assert!(approximately(
            person_days_per_occupied_quarter(&project).unwrap(),
            100.0 / 3.0
        ));
        let mut milestone = scheduled_initiative("i-2", "2026-Q1", 0);
        milestone.effort_person_days = Some(40);
        assert_eq!(person_days_per_occupied_quarter(&milestone), Some(40.0));
        let mut unscheduled = initiative("i-3", "Unscheduled");
        unscheduled.effort_person_days = Some(40);
        assert_eq!(person_days_per_occupied_quarter(&unscheduled), None);
    }

    #[test]
    fn quarter_load_against_capacity_and_wip_limit() {
        let mut model = empty_model();
        model.settings.capacity_person_days_per_quarter = Some(60);
        model.settings.wip_limit = Some(2);
        let mut long = scheduled_initiative("i-1", "2026-Q1", 2);
        long.effort_person_days = Some(80); // 40 per quarter
        let mut milestone = scheduled_initiative("i-2", "2026-Q2", 0);
        milestone.effort_person_days = Some(30);
        let mut done = scheduled_initiative("i-3", "2026-Q2", 1);
        done.status = InitiativeStatus::Done;
        done.effort_person_days = Some(5);
        let mut stopped = scheduled_initiative("i-4", "2026-Q2", 1);
        stopped.status = InitiativeStatus::Stopped;
        stopped.effort_person_days = Some(500);
        model.initiatives = vec![long, milestone, done, stopped];

        let first = quarter_load(&model, quarter("2026-Q1"));
        assert_eq!(first.planned_person_days, 40.0);
        assert!(!first.over_capacity);
        assert_eq!(first.wip, 1);
        assert!(!first.over_wip);

        // 40 + 30 + 5 (done counts for load, stopped does not) = 75 > 60; WIP counts
        // the long one and the milestone only: 2, at the limit, not over.
        let second = quarter_load(&model, quarter("2026-Q2"));
        assert_eq!(second.planned_person_days, 75.0);
        assert!(second.over_capacity);
        assert_eq!(second.wip, 2);
        assert!(!second.over_wip);
        assert_eq!(second.capacity_person_days, Some(60));
        assert_eq!(second.wip_limit, Some(2));

        model.settings.wip_limit = Some(1);
        assert!(quarter_load(&model, quarter("2026-Q2")).over_wip);
    }

    #[test]
    fn exactly_at_capacity_is_not_over_even_with_thirds() {
        let mut model = empty_model();
        model.settings.capacity_person_days_per_quarter = Some(100);
        for id in ["i-1", "i-2", "i-3"] {
            let mut third = scheduled_initiative(id, "2026-Q1", 3);
            third.effort_person_days = Some(100);
            model.initiatives.push(third);
        }
        let load = quarter_load(&model, quarter("2026-Q2"));
        assert!(approximately(load.planned_person_days, 100.0));
        assert!(!load.over_capacity);
    }

    #[test]
    fn without_capacity_or_limit_nothing_is_over() {
        let mut model = empty_model();
        let mut big = scheduled_initiative("i-1", "2026-Q1", 1);
        big.effort_person_days = Some(u32::MAX);
        model.initiatives.push(big);
        let load = quarter_load(&model, quarter("2026-Q1"));
        assert!(!load.over_capacity && !load.over_wip);
        assert_eq!(load.capacity_person_days, None);
    }

    #[test]
    fn roadmap_loads_cover_the_horizon_and_match_single_quarters() {
        let mut model = empty_model();
        model.settings.roadmap_horizon_quarters = 6;
        model.settings.capacity_person_days_per_quarter = Some(50);
        let mut before = scheduled_initiative("i-1", "2025-Q3", 4); // into 2026-Q1 and Q2
        before.effort_person_days = Some(200);
        let mut after = scheduled_initiative("i-2", "2027-Q2", 4); // starts in the last
        after.effort_person_days = Some(40);
        let mut beyond = scheduled_initiative("i-3", "2028-Q1", 1);
        beyond.effort_person_days = Some(999);
        model.initiatives = vec![before, after, beyond, initiative("i-4", "Unscheduled")];
        let loads = roadmap_quarter_loads(&model);
        assert_eq!(
            loads
                .iter()
                .map(|load| load.quarter.to_string())
                .collect::<Vec<_>>(),
            ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2027-Q1", "2027-Q2"]
        );
        assert_eq!(
            loads
                .iter()
                .map(|load| load.planned_person_days)
                .collect::<Vec<_>>(),
            [50.0, 50.0, 0.0, 0.0, 0.0, 10.0]
        );
        for load in &loads {
            assert_eq!(load, &quarter_load(&model, load.quarter));
        }
    }

    #[test]
    fn the_horizon_stops_at_the_last_supported_quarter() {
        let mut model = empty_model();
        model.planning_start = quarter("2999-Q3");
        model.settings.roadmap_horizon_quarters = 8;
        assert_eq!(roadmap_quarters(&model).len(), 2);
        model.settings.roadmap_horizon_quarters = 0;
        assert!(roadmap_quarter_loads(&model).is_empty());
        // An initiative running past the last year still only loads real quarters.
        model.settings.roadmap_horizon_quarters = 8;
        let mut late = scheduled_initiative("i-1", "2999-Q4", 200);
        late.effort_person_days = Some(200);
        model.initiatives.push(late);
        let loads = roadmap_quarter_loads(&model);
        assert_eq!(loads[0].planned_person_days, 0.0);
        assert_eq!(loads[1].planned_person_days, 1.0);
    }
}
