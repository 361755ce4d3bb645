//! Whether the roadmap's schedule keeps the order the dependencies ask for.
//!
//! An initiative may start once every initiative it depends on has ended. A
//! dependency running `duration` quarters from `start` has ended at the beginning of
//! quarter `start + duration`: a two-quarter dependency starting in Q1 lets its
//! successor start in Q3, and a milestone (duration 0) lets it start in the
//! milestone's own quarter, because a milestone is a point in that quarter rather than
//! work that fills it. The automatic plan (`plan`) follows the same rule.
//!
//! Only work still ahead is checked: a done or stopped initiative is not flagged, a
//! done dependency is always satisfied (it has ended, whatever its schedule says), and
//! a stopped dependency is no longer a reason to wait. A scheduled initiative whose
//! dependency has no schedule at all is flagged too: the plan cannot say when it may
//! start.

use crate::model::id_lookup::IdLookup;
use crate::model::types::{EntityId, Initiative, InitiativeStatus, Model, Quarter};

/// What is wrong with one dependency of a scheduled initiative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DependencyProblem {
    /// It starts before the dependency has ended; `dependency_ends` is the first
    /// quarter it could start in.
    StartsBeforeDependencyEnds { dependency_ends: Quarter },
    /// The dependency is not scheduled.
    DependencyUnscheduled,
}

/// One flagged dependency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DependencyViolation {
    pub initiative_id: EntityId,
    pub dependency_id: EntityId,
    pub problem: DependencyProblem,
}

/// The first quarter in which work depending on `dependency` may start, or `None`
/// when the dependency is unscheduled.
pub fn dependency_end(dependency: &Initiative) -> Option<Quarter> {
    dependency
        .start
        .map(|start| start.offset(i64::from(dependency.duration_quarters)))
}

fn is_finished(initiative: &Initiative) -> bool {
    matches!(
        initiative.status,
        InitiativeStatus::Done | InitiativeStatus::Stopped
    )
}

/// Every dependency of a scheduled, unfinished initiative that its schedule breaks, in
/// the order of the model's initiatives and their dependency lists. Dangling ids (in a
/// damaged file) are skipped rather than reported: validation names those.
pub fn dependency_violations(model: &Model) -> Vec<DependencyViolation> {
    let initiatives_by_id = IdLookup::new(
        model
            .initiatives
            .iter()
            .map(|initiative| (initiative.id.as_str(), initiative))
            .collect(),
    );
    let mut violations = Vec::new();
    for initiative in &model.initiatives {
        let Some(start) = initiative.start else {
            continue;
        };
        if is_finished(initiative) {
            continue;
        }
        for dependency_id in &initiative.depends_on_ids {
            let Some(dependency) = initiatives_by_id.get(dependency_id) else {
                continue;
            };
            if is_finished(dependency) {
                continue;
            }
            let problem = match dependency_end(dependency) {
                None => DependencyProblem::DependencyUnscheduled,
                Some(dependency_ends) if start < dependency_ends => {
                    DependencyProblem::StartsBeforeDependencyEnds { dependency_ends }
                }
                Some(_) => continue,
            };
            violations.push(DependencyViolation {
                initiative_id: initiative.id.clone(),
                dependency_id: dependency.id.clone(),
                problem,
            });
        }
    }
    violations
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::formulas::test_fixture::*;

    fn scheduled(id: &str, start: &str, duration: u8) -> Initiative {
        let mut scheduled = initiative(id, id);
        scheduled.start = Some(quarter(start));
        scheduled.duration_quarters = duration;
        scheduled
    }

    fn model_of(initiatives: Vec<Initiative>) -> Model {
        let mut model = empty_model();
        model.initiatives = initiatives;
        model
    }

    #[test]
    fn a_successor_may_start_when_the_dependency_has_ended() {
        let mut successor = scheduled("b", "2026-Q3", 1);
        successor.depends_on_ids = vec!["a".to_string()];
        let model = model_of(vec![scheduled("a", "2026-Q1", 2), successor]);
        assert!(dependency_violations(&model).is_empty());
    }

    #[test]
    fn starting_inside_the_dependency_is_flagged_with_the_first_allowed_quarter() {
        let mut successor = scheduled("b", "2026-Q2", 1);
        successor.depends_on_ids = vec!["a".to_string()];
        let model = model_of(vec![scheduled("a", "2026-Q1", 2), successor]);
        assert_eq!(
            dependency_violations(&model),
            vec![DependencyViolation {
                initiative_id: "b".to_string(),
                dependency_id: "a".to_string(),
                problem: DependencyProblem::StartsBeforeDependencyEnds {
                    dependency_ends: quarter("2026-Q3")
                },
            }]
        );
    }

    #[test]
    fn a_milestone_dependency_allows_its_own_quarter_but_not_an_earlier_one() {
        let mut same_quarter = scheduled("b", "2026-Q2", 1);
        same_quarter.depends_on_ids = vec!["milestone".to_string()];
        let mut earlier = scheduled("c", "2026-Q1", 1);
        earlier.depends_on_ids = vec!["milestone".to_string()];
        let model = model_of(vec![
            scheduled("milestone", "2026-Q2", 0),
            same_quarter,
            earlier,
        ]);
        let violations = dependency_violations(&model);
        assert_eq!(violations.len(), 1);
        assert_eq!(violations[0].initiative_id, "c");
    }

    #[test]
    fn an_unscheduled_dependency_is_flagged_but_an_unscheduled_successor_is_not() {
        let mut waiting = scheduled("b", "2026-Q2", 1);
        waiting.depends_on_ids = vec!["a".to_string()];
        let mut unscheduled_successor = initiative("c", "Initiative c");
        unscheduled_successor.depends_on_ids = vec!["a".to_string()];
        let model = model_of(vec![
            initiative("a", "Initiative a"),
            waiting,
            unscheduled_successor,
        ]);
        let violations = dependency_violations(&model);
        assert_eq!(violations.len(), 1);
        assert_eq!(
            violations[0].problem,
            DependencyProblem::DependencyUnscheduled
        );
    }

    #[test]
    fn finished_work_is_neither_flagged_nor_waited_for() {
        let mut done_dependency = scheduled("a", "2026-Q4", 2);
        done_dependency.status = InitiativeStatus::Done;
        let mut stopped_dependency = initiative("s", "Initiative s");
        stopped_dependency.status = InitiativeStatus::Stopped;
        let mut successor = scheduled("b", "2026-Q1", 1);
        successor.depends_on_ids = vec!["a".to_string(), "s".to_string()];
        let mut done_successor = scheduled("c", "2026-Q1", 1);
        done_successor.status = InitiativeStatus::Done;
        done_successor.depends_on_ids = vec!["d".to_string()];
        let model = model_of(vec![
            done_dependency,
            stopped_dependency,
            successor,
            done_successor,
            scheduled("d", "2026-Q3", 1),
        ]);
        assert!(dependency_violations(&model).is_empty());
    }

    #[test]
    fn dangling_dependency_ids_are_skipped() {
        let mut successor = scheduled("b", "2026-Q1", 1);
        successor.depends_on_ids = vec!["gone".to_string()];
        assert!(dependency_violations(&model_of(vec![successor])).is_empty());
    }
}
