//! The priority ranking of all initiatives, which the ranking table, the roadmap and
//! the automatic plan share.
//!
//! Order: higher priority score first; ties by higher effective value (an initiative
//! without a value after one with a value), then by title compared case-insensitively,
//! then by title exactly, then by id, so the order is total and the same on every
//! machine and every run. Initiatives without a score come last, ordered by title the
//! same way. Every initiative gets a distinct 1-based rank, also the unscored ones, so
//! the automatic plan's rank weight (n - rank + 1) is defined for all.
//!
//! Scores, values and lowercased titles are computed once per initiative before
//! sorting, so ranking is O(n log n) plus one pass over the goals.

use std::cmp::Ordering;

use crate::model::types::{EntityId, Model};

use super::scoring::{EffectiveValue, InitiativeScoring};

/// One row of the ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct RankedInitiative {
    pub initiative_id: EntityId,
    /// The score under the model's framework; `None` when inputs are missing.
    pub priority_score: Option<f64>,
    /// The value the tie-break used, for showing next to the score.
    pub effective_value: Option<EffectiveValue>,
    /// 1-based position; distinct for every initiative.
    pub rank: usize,
}

/// What one initiative is sorted by, computed once.
struct SortKey<'model> {
    index_in_model: usize,
    priority_score: Option<f64>,
    effective_value: Option<EffectiveValue>,
    lowercase_title: String,
    title: &'model str,
    id: &'model str,
}

/// Higher first, and a present number before a missing one. Only finite numbers get
/// here, so `partial_cmp` is total on them; -0.0 and 0.0 compare equal, as they should.
fn compare_descending_with_missing_last(left: Option<f64>, right: Option<f64>) -> Ordering {
    match (left, right) {
        (Some(left), Some(right)) => right.partial_cmp(&left).unwrap_or(Ordering::Equal),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn compare_by_title_then_id(left: &SortKey<'_>, right: &SortKey<'_>) -> Ordering {
    left.lowercase_title
        .cmp(&right.lowercase_title)
        .then_with(|| left.title.cmp(right.title))
        .then_with(|| left.id.cmp(right.id))
        .then_with(|| left.index_in_model.cmp(&right.index_in_model))
}

fn compare_for_ranking(left: &SortKey<'_>, right: &SortKey<'_>) -> Ordering {
    match (left.priority_score, right.priority_score) {
        (Some(_), Some(_)) => {
            compare_descending_with_missing_last(left.priority_score, right.priority_score)
                .then_with(|| {
                    compare_descending_with_missing_last(
                        left.effective_value.map(|value| value.value),
                        right.effective_value.map(|value| value.value),
                    )
                })
                .then_with(|| compare_by_title_then_id(left, right))
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => compare_by_title_then_id(left, right),
    }
}

/// All initiatives of the model in priority order; see the module documentation.
pub fn rank_initiatives(model: &Model) -> Vec<RankedInitiative> {
    let scoring = InitiativeScoring::new(model);
    let finite = |number: f64| number.is_finite().then_some(number);
    let mut keys: Vec<SortKey<'_>> = model
        .initiatives
        .iter()
        .enumerate()
        .map(|(index_in_model, initiative)| SortKey {
            index_in_model,
            priority_score: scoring.priority_score(initiative).ok().and_then(finite),
            effective_value: scoring
                .effective_value(initiative)
                .filter(|value| value.value.is_finite()),
            lowercase_title: crate::model::text_fold::fold_case(&initiative.title),
            title: initiative.title.as_str(),
            id: initiative.id.as_str(),
        })
        .collect();
    keys.sort_unstable_by(compare_for_ranking);
    keys.into_iter()
        .enumerate()
        .map(|(position, key)| RankedInitiative {
            initiative_id: key.id.to_string(),
            priority_score: key.priority_score,
            effective_value: key.effective_value,
            rank: position + 1,
        })
        .collect()
}

/// An initiative that depends on one ranked lower: the dependency has a lower priority
/// score, or none at all while the initiative has one. The dependency must be done
/// first, so either its score is too low or the order of the work needs a look.
#[derive(Debug, Clone, PartialEq)]
pub struct PriorityInversion {
    pub initiative_id: EntityId,
    pub dependency_id: EntityId,
    pub initiative_score: f64,
    /// `None` when the dependency has no priority score.
    pub dependency_score: Option<f64>,
}

/// Every priority inversion of the model, in the order of the initiatives and their
/// dependencies. `ranking` is [`rank_initiatives`] of the same model.
pub fn priority_inversions(model: &Model, ranking: &[RankedInitiative]) -> Vec<PriorityInversion> {
    let scores = crate::model::id_lookup::IdLookup::new(
        ranking
            .iter()
            .map(|ranked| (ranked.initiative_id.as_str(), ranked.priority_score))
            .collect(),
    );
    let lookup = |id: &str| scores.get(id);
    let mut inversions = Vec::new();
    for initiative in &model.initiatives {
        let Some(Some(initiative_score)) = lookup(&initiative.id) else {
            continue;
        };
        for dependency_id in &initiative.depends_on_ids {
            let Some(dependency_score) = lookup(dependency_id) else {
                continue;
            };
            let ranks_lower = dependency_score.is_none_or(|score| score < initiative_score);
            if ranks_lower {
                inversions.push(PriorityInversion {
                    initiative_id: initiative.id.clone(),
                    dependency_id: dependency_id.clone(),
                    initiative_score,
                    dependency_score,
                });
            }
        }
    }
    inversions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::formulas::test_fixture::*;
    use crate::model::types::{ScoringFramework, WeightedCriterion};

    fn ranked_ids(model: &Model) -> Vec<String> {
        rank_initiatives(model)
            .into_iter()
            .map(|ranked| ranked.initiative_id)
            .collect()
    }

    #[test]
    fn higher_score_first_and_ranks_are_one_based() {
        let mut model = empty_model();
        model
            .initiatives
            .push(scored_initiative("i-low", "Low", 2, 8)); // 0.25
        model
            .initiatives
            .push(scored_initiative("i-high", "High", 9, 3)); // 3.0
        model
            .initiatives
            .push(scored_initiative("i-mid", "Mid", 6, 6)); // 1.0
        let ranking = rank_initiatives(&model);
        assert_eq!(ranked_ids(&model), ["i-high", "i-mid", "i-low"]);
        assert_eq!(
            ranking.iter().map(|ranked| ranked.rank).collect::<Vec<_>>(),
            [1, 2, 3]
        );
        assert_eq!(ranking[0].priority_score, Some(3.0));
    }

    #[test]
    fn ties_are_broken_by_higher_value_then_title() {
        let mut model = empty_model();
        // All score 2.0; values 4, 8, 8, 8.
        model
            .initiatives
            .push(scored_initiative("i-1", "Zeta", 4, 2));
        model
            .initiatives
            .push(scored_initiative("i-2", "beta", 8, 4));
        model
            .initiatives
            .push(scored_initiative("i-3", "Alpha", 8, 4));
        model
            .initiatives
            .push(scored_initiative("i-4", "alpha", 8, 4));
        // Equal value 8: titles case-insensitively (alpha, Alpha < beta), then
        // exactly ("Alpha" < "alpha"); value 4 after all of them.
        assert_eq!(ranked_ids(&model), ["i-3", "i-4", "i-2", "i-1"]);
    }

    #[test]
    fn identical_titles_fall_back_to_the_id() {
        let mut model = empty_model();
        model
            .initiatives
            .push(scored_initiative("i-b", "Same", 5, 5));
        model
            .initiatives
            .push(scored_initiative("i-a", "Same", 5, 5));
        assert_eq!(ranked_ids(&model), ["i-a", "i-b"]);
    }

    #[test]
    fn unscored_initiatives_come_last_ordered_by_title() {
        let mut model = empty_model();
        model.initiatives.push(initiative("i-u2", "unscored B"));
        model
            .initiatives
            .push(scored_initiative("i-s", "Scored", 1, 10));
        model.initiatives.push(initiative("i-u1", "Unscored A"));
        let ranking = rank_initiatives(&model);
        assert_eq!(ranked_ids(&model), ["i-s", "i-u1", "i-u2"]);
        assert_eq!(ranking[1].priority_score, None);
        assert_eq!(ranking[2].rank, 3);
    }

    #[test]
    fn the_model_framework_decides_the_score() {
        let mut model = empty_model();
        model.settings.scoring_framework = ScoringFramework::Weighted;
        model.settings.weighted_criteria = vec![WeightedCriterion {
            id: "c-1".to_string(),
            name: "Strategic fit".to_string(),
            weight: 10,
        }];
        let mut weighted_high = scored_initiative("i-1", "Weighted high", 1, 10);
        weighted_high
            .scores
            .criterion_scores
            .insert("c-1".to_string(), 5);
        let mut weighted_low = scored_initiative("i-2", "Weighted low", 10, 1);
        weighted_low
            .scores
            .criterion_scores
            .insert("c-1".to_string(), 2);
        model.initiatives.push(weighted_low);
        model.initiatives.push(weighted_high);
        assert_eq!(ranked_ids(&model), ["i-1", "i-2"]);
        assert_eq!(rank_initiatives(&model)[0].priority_score, Some(100.0));
    }

    #[test]
    fn an_empty_model_has_an_empty_ranking() {
        assert!(rank_initiatives(&empty_model()).is_empty());
    }

    #[test]
    fn ranking_five_thousand_generated_initiatives_is_fast_and_ordered() {
        let mut model = empty_model();
        model.settings.derive_value_from_goals = true;
        for goal_number in 0..50u32 {
            model.goals.push(goal(
                &format!("goal-{goal_number}"),
                (goal_number % 5 + 1) as u8,
            ));
        }
        // A deterministic pseudo-random spread of scores, some unscored, some linked.
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for number in 0..5_000u32 {
            let mut generated = initiative(
                &format!("i-{number:05}"),
                &format!("Initiative {}", next() % 700),
            );
            if next() % 10 != 0 {
                generated.scores.effort = Some((next() % 10 + 1) as u8);
            }
            if next() % 3 == 0 {
                generated.scores.value = Some((next() % 10 + 1) as u8);
            }
            for _ in 0..(next() % 4) {
                let goal_id = format!("goal-{}", next() % 50);
                generated
                    .goal_contributions
                    .push(contribution(&goal_id, (next() % 3 + 1) as u8));
            }
            model.initiatives.push(generated);
        }
        let started = std::time::Instant::now();
        let ranking = rank_initiatives(&model);
        let elapsed = started.elapsed();
        // Generous, so a loaded test machine in debug builds does not flake; a
        // quadratic lookup would take far longer than this.
        assert!(elapsed.as_secs_f64() < 2.0, "ranking took {elapsed:?}");
        assert_eq!(ranking.len(), 5_000);
        let scored_count = ranking
            .iter()
            .filter(|ranked| ranked.priority_score.is_some())
            .count();
        assert!(
            scored_count > 3_000,
            "most generated initiatives are scored"
        );
        for (position, pair) in ranking.windows(2).enumerate() {
            assert_eq!(pair[0].rank, position + 1);
            match (pair[0].priority_score, pair[1].priority_score) {
                (Some(left), Some(right)) => assert!(left >= right),
                (None, Some(_)) => panic!("an unscored initiative before a scored one"),
                _ => {}
            }
        }
        // Deterministic: the same model ranks the same way again.
        assert_eq!(rank_initiatives(&model), ranking);
    }

    #[test]
    fn a_dependency_with_a_lower_or_missing_score_is_an_inversion() {
        let mut model = empty_model();
        let mut platform = scored_initiative("i-platform", "Platform", 9, 3); // 3.0
        platform.depends_on_ids = vec!["i-base".to_string(), "i-unscored".to_string()];
        let base = scored_initiative("i-base", "Base", 4, 4); // 1.0
        let mut unscored = scored_initiative("i-unscored", "Unscored", 4, 4);
        unscored.scores.value = None;
        let mut follower = scored_initiative("i-follower", "Follower", 2, 8); // 0.25
        follower.depends_on_ids = vec!["i-platform".to_string()];
        let mut idle = scored_initiative("i-idle", "Idle", 2, 8);
        idle.scores.effort = None;
        idle.depends_on_ids = vec!["i-base".to_string()];
        model.initiatives = vec![platform, base, unscored, follower, idle];
        let ranking = rank_initiatives(&model);
        let inversions = priority_inversions(&model, &ranking);
        assert_eq!(
            inversions,
            vec![
                PriorityInversion {
                    initiative_id: "i-platform".to_string(),
                    dependency_id: "i-base".to_string(),
                    initiative_score: 3.0,
                    dependency_score: Some(1.0),
                },
                PriorityInversion {
                    initiative_id: "i-platform".to_string(),
                    dependency_id: "i-unscored".to_string(),
                    initiative_score: 3.0,
                    dependency_score: None,
                },
            ],
            "a follower of higher priority and an unscored initiative are never flagged"
        );
    }

    #[test]
    fn equal_scores_are_no_inversion() {
        let mut model = empty_model();
        let mut first = scored_initiative("i-a", "A", 5, 5);
        first.depends_on_ids = vec!["i-b".to_string()];
        model.initiatives = vec![first, scored_initiative("i-b", "B", 6, 6)];
        let ranking = rank_initiatives(&model);
        assert!(priority_inversions(&model, &ranking).is_empty());
    }
}
