//! The value of an initiative (user-set or derived from its goals) and its priority
//! score under each scoring framework.
//!
//! # Derived value
//!
//! The derived value is a suggestion computed from the goals an initiative contributes
//! to: the sum over its linked goals of goal weight x contribution strength, mapped
//! linearly from `0 ..= maximum possible sum` onto `1.0 ..= 10.0`:
//!
//! ```text
//! derived = 1 + 9 x sum / maximum_possible_sum, clamped to 1..=10
//! ```
//!
//! The **maximum possible sum** is the sum over *all* goals of the model of goal weight
//! x 3, the strongest contribution: the sum an initiative would reach if it contributed
//! strongly to every goal. So the derived value says how much of everything the firm
//! wants an initiative serves, and it moves when goals are added or reweighted. A goal
//! linked twice counts once with its strongest link, so no initiative can exceed the
//! maximum. Links to goals that are not in the model are ignored. There is no derived
//! value when an initiative links to no existing goal (nothing to derive from; the
//! initiative stays unscored until the user scores it, rather than silently getting 1),
//! or when the maximum possible sum is 0 (no goals, or all weights 0). The result is
//! not rounded: the matrix places it exactly and the quadrant uses it as it is.
//!
//! # Effective value
//!
//! With `settings.derive_value_from_goals` on, a value the user set
//! (`scores.value`) overrides the derived one, and the derived one is in force
//! otherwise; [`EffectiveValue::source`] tells the UI which. With the setting off, only
//! the user's value counts. Every framework that uses value uses the effective value.
//!
//! # Priority score
//!
//! - value/effort = value / effort score;
//! - weighted = sum(weight x (score - 1) / 4) / sum(weights) x 100, 0 to 100, over the
//!   model's criteria;
//! - WSJF = (value + time criticality + risk reduction) / effort score;
//! - RICE = reach x impact x confidence / (person-days / 20), i.e. per person-month,
//!   with confidence as a fraction (80 % is 0.8).
//!
//! Missing inputs give no score, and [`MissingScoreInputs`] lists every missing input
//! in the order the formula names them, so the UI can say what to fill in. Inputs
//! that would divide by zero count as missing: an effort score of 0 (out of range) is
//! a missing [`ScoreInput::Effort`], zero person-days a missing
//! [`ScoreInput::PersonDays`]. Weighted scoring needs a score only for criteria with a
//! weight above 0, because the others do not change the result; a criterion score
//! outside 1..=5 is clamped into it and a RICE confidence above 100 % is read as 100 %,
//! so a malformed file cannot push a score out of its scale.

use std::collections::HashMap;

use crate::model::types::{
    EntityId, Initiative, Model, ScoringFramework, Settings, WeightedCriterion,
};

use super::quadrants::{quadrant_of, Quadrant};

/// The strongest contribution of an initiative to a goal (strength 1 to 3).
pub const STRONGEST_CONTRIBUTION: u8 = 3;
/// The lowest value on the value scale.
pub const LOWEST_VALUE: f64 = 1.0;
/// The highest value on the value scale.
pub const HIGHEST_VALUE: f64 = 10.0;
/// Person-days in one person-month, the RICE effort unit.
pub const PERSON_DAYS_PER_PERSON_MONTH: f64 = 20.0;

/// Which value is in force for an initiative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueSource {
    /// The user set the value (in a form or by dragging on the matrix).
    UserSet,
    /// The value is derived from the initiative's goals.
    Derived,
}

/// The value of an initiative that the formulas use, and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EffectiveValue {
    /// 1.0 to 10.0 for valid models; derived values are not rounded.
    pub value: f64,
    pub source: ValueSource,
}

/// One input a priority score needs.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ScoreInput {
    /// The (effective) value score.
    Value,
    /// The effort score 1 to 10 (missing also when 0, which would divide by zero).
    Effort,
    TimeCriticality,
    RiskReduction,
    Reach,
    /// RICE impact (missing also when negative or not finite).
    Impact,
    Confidence,
    /// Effort in person-days (missing also when 0, which would divide by zero).
    PersonDays,
    /// The 1 to 5 score of the weighted criterion with this id.
    CriterionScore(EntityId),
    /// The model has no weighted criteria, or all their weights are 0.
    CriteriaWeights,
}

/// The inputs that are missing for a priority score, in the order the formula names
/// them. Never empty when returned as an error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the priority score is missing {} input(s): {:?}", .0.len(), .0)]
pub struct MissingScoreInputs(pub Vec<ScoreInput>);

/// What one weighted criterion adds to an initiative's weighted score.
#[derive(Debug, Clone, PartialEq)]
pub struct CriterionContribution {
    pub criterion_id: EntityId,
    pub weight: u8,
    /// The initiative's score 1 to 5 (clamped), `None` only for a criterion of weight
    /// 0, which needs no score.
    pub score: Option<u8>,
    /// Points on the 0 to 100 scale; the points of all criteria add up to the score.
    pub points: f64,
}

/// A priority score with the inputs it was computed from, for the ranking table.
#[derive(Debug, Clone, PartialEq)]
pub enum ScoreBreakdown {
    ValueEffort {
        value: EffectiveValue,
        effort: u8,
        score: f64,
    },
    Weighted {
        /// One entry per criterion of the model, in the model's order.
        criteria: Vec<CriterionContribution>,
        total_weight: u32,
        score: f64,
    },
    Wsjf {
        value: EffectiveValue,
        time_criticality: u8,
        risk_reduction: u8,
        effort: u8,
        score: f64,
    },
    Rice {
        reach: u32,
        impact: f64,
        /// Clamped to 0..=100.
        confidence_percent: u8,
        person_days: u32,
        person_months: f64,
        score: f64,
    },
}

impl ScoreBreakdown {
    /// The priority score.
    pub fn score(&self) -> f64 {
        match self {
            ScoreBreakdown::ValueEffort { score, .. }
            | ScoreBreakdown::Weighted { score, .. }
            | ScoreBreakdown::Wsjf { score, .. }
            | ScoreBreakdown::Rice { score, .. } => *score,
        }
    }

    /// The framework the score belongs to.
    pub fn framework(&self) -> ScoringFramework {
        match self {
            ScoreBreakdown::ValueEffort { .. } => ScoringFramework::ValueEffort,
            ScoreBreakdown::Weighted { .. } => ScoringFramework::Weighted,
            ScoreBreakdown::Wsjf { .. } => ScoringFramework::Wsjf,
            ScoreBreakdown::Rice { .. } => ScoringFramework::Rice,
        }
    }
}

/// What scoring needs from a model, looked up once: the goal weights by id and the
/// maximum possible goal sum. Build it once per model change and ask it about many
/// initiatives (the matrix, the ranking) instead of calling the free functions, which
/// build it on every call.
#[derive(Debug, Clone)]
pub struct InitiativeScoring<'model> {
    settings: &'model Settings,
    goal_weight_by_id: HashMap<&'model str, u8>,
    maximum_possible_goal_sum: u64,
}

impl<'model> InitiativeScoring<'model> {
    pub fn new(model: &'model Model) -> InitiativeScoring<'model> {
        let goal_weight_by_id: HashMap<&str, u8> = model
            .goals
            .iter()
            .map(|goal| (goal.id.as_str(), goal.weight))
            .collect();
        // Summed over the map, not the list, so a goal id repeated in a malformed file
        // counts once here just as it can count only once in an initiative's sum.
        let maximum_possible_goal_sum = goal_weight_by_id
            .values()
            .map(|weight| u64::from(*weight) * u64::from(STRONGEST_CONTRIBUTION))
            .sum();
        InitiativeScoring {
            settings: &model.settings,
            goal_weight_by_id,
            maximum_possible_goal_sum,
        }
    }

    /// The settings the scores follow.
    pub fn settings(&self) -> &'model Settings {
        self.settings
    }

    /// The sum over all goals of weight x 3 that maps to a derived value of 10.
    pub fn maximum_possible_goal_sum(&self) -> u64 {
        self.maximum_possible_goal_sum
    }

    /// The sum of goal weight x contribution strength over the initiative's existing
    /// goals, each goal once with its strongest link; `None` when it links to none.
    pub fn goal_sum(&self, initiative: &Initiative) -> Option<u64> {
        let mut linked: Vec<(&str, u8)> = initiative
            .goal_contributions
            .iter()
            .filter(|contribution| {
                self.goal_weight_by_id
                    .contains_key(contribution.goal_id.as_str())
            })
            .map(|contribution| (contribution.goal_id.as_str(), contribution.strength))
            .collect();
        if linked.is_empty() {
            return None;
        }
        // Strongest link first within each goal, so dedup keeps it.
        linked.sort_unstable_by(|left, right| left.0.cmp(right.0).then(right.1.cmp(&left.1)));
        linked.dedup_by_key(|(goal_id, _)| *goal_id);
        let sum = linked
            .iter()
            .map(|(goal_id, strength)| {
                let weight = self.goal_weight_by_id.get(goal_id).copied().unwrap_or(0);
                u64::from(weight) * u64::from(*strength)
            })
            .sum();
        Some(sum)
    }

    /// The value derived from the initiative's goals (see the module documentation),
    /// whatever the model's setting says; `None` when it cannot be derived.
    pub fn derived_value(&self, initiative: &Initiative) -> Option<f64> {
        if self.maximum_possible_goal_sum == 0 {
            return None;
        }
        let sum = self.goal_sum(initiative)?;
        let share = sum as f64 / self.maximum_possible_goal_sum as f64;
        let value = LOWEST_VALUE + (HIGHEST_VALUE - LOWEST_VALUE) * share;
        Some(value.clamp(LOWEST_VALUE, HIGHEST_VALUE))
    }

    /// The value in force: the user's, else (when the model derives value) the derived.
    pub fn effective_value(&self, initiative: &Initiative) -> Option<EffectiveValue> {
        if let Some(user_value) = initiative.scores.value {
            return Some(EffectiveValue {
                value: f64::from(user_value),
                source: ValueSource::UserSet,
            });
        }
        if !self.settings.derive_value_from_goals {
            return None;
        }
        self.derived_value(initiative).map(|value| EffectiveValue {
            value,
            source: ValueSource::Derived,
        })
    }

    /// The matrix quadrant from the effective value and the effort score; `None` for an
    /// unscored initiative.
    pub fn quadrant(&self, initiative: &Initiative) -> Option<Quadrant> {
        let value = self.effective_value(initiative)?.value;
        let effort = initiative.scores.effort?;
        Some(quadrant_of(
            value,
            f64::from(effort),
            self.settings.quadrant_threshold,
        ))
    }

    /// The priority score under the model's framework, with its inputs.
    pub fn priority_breakdown(
        &self,
        initiative: &Initiative,
    ) -> Result<ScoreBreakdown, MissingScoreInputs> {
        self.breakdown_for(initiative, self.settings.scoring_framework)
    }

    /// The priority score under the model's framework.
    pub fn priority_score(&self, initiative: &Initiative) -> Result<f64, MissingScoreInputs> {
        self.priority_breakdown(initiative)
            .map(|breakdown| breakdown.score())
    }

    /// The priority score under any framework, with its inputs, so the UI can preview
    /// what switching frameworks would do.
    pub fn breakdown_for(
        &self,
        initiative: &Initiative,
        framework: ScoringFramework,
    ) -> Result<ScoreBreakdown, MissingScoreInputs> {
        match framework {
            ScoringFramework::ValueEffort => self.value_effort_breakdown(initiative),
            ScoringFramework::Weighted => {
                weighted_breakdown(initiative, &self.settings.weighted_criteria)
            }
            ScoringFramework::Wsjf => self.wsjf_breakdown(initiative),
            ScoringFramework::Rice => rice_breakdown(initiative),
        }
    }

    fn value_effort_breakdown(
        &self,
        initiative: &Initiative,
    ) -> Result<ScoreBreakdown, MissingScoreInputs> {
        let value = self.effective_value(initiative);
        let effort = usable_effort_score(initiative);
        match (value, effort) {
            (Some(value), Some(effort)) => Ok(ScoreBreakdown::ValueEffort {
                value,
                effort,
                score: value.value / f64::from(effort),
            }),
            _ => Err(missing([
                (value.is_none(), ScoreInput::Value),
                (effort.is_none(), ScoreInput::Effort),
            ])),
        }
    }

    fn wsjf_breakdown(
        &self,
        initiative: &Initiative,
    ) -> Result<ScoreBreakdown, MissingScoreInputs> {
        let value = self.effective_value(initiative);
        let time_criticality = initiative.scores.time_criticality;
        let risk_reduction = initiative.scores.risk_reduction;
        let effort = usable_effort_score(initiative);
        match (value, time_criticality, risk_reduction, effort) {
            (Some(value), Some(time_criticality), Some(risk_reduction), Some(effort)) => {
                let cost_of_delay =
                    value.value + f64::from(time_criticality) + f64::from(risk_reduction);
                Ok(ScoreBreakdown::Wsjf {
                    value,
                    time_criticality,
                    risk_reduction,
                    effort,
                    score: cost_of_delay / f64::from(effort),
                })
            }
            _ => Err(missing([
                (value.is_none(), ScoreInput::Value),
                (time_criticality.is_none(), ScoreInput::TimeCriticality),
                (risk_reduction.is_none(), ScoreInput::RiskReduction),
                (effort.is_none(), ScoreInput::Effort),
            ])),
        }
    }
}

/// The effort score, unless it is missing or 0 (which is out of range and would
/// divide by zero).
fn usable_effort_score(initiative: &Initiative) -> Option<u8> {
    initiative.scores.effort.filter(|effort| *effort > 0)
}

/// The inputs whose flag is set, in the given order.
fn missing<const COUNT: usize>(flags: [(bool, ScoreInput); COUNT]) -> MissingScoreInputs {
    MissingScoreInputs(
        flags
            .into_iter()
            .filter_map(|(is_missing, input)| is_missing.then_some(input))
            .collect(),
    )
}

fn weighted_breakdown(
    initiative: &Initiative,
    criteria: &[WeightedCriterion],
) -> Result<ScoreBreakdown, MissingScoreInputs> {
    let total_weight: u32 = criteria
        .iter()
        .map(|criterion| u32::from(criterion.weight))
        .sum();
    let mut missing_inputs = Vec::new();
    if total_weight == 0 {
        missing_inputs.push(ScoreInput::CriteriaWeights);
    }
    let mut contributions = Vec::with_capacity(criteria.len());
    for criterion in criteria {
        let score = initiative
            .scores
            .criterion_scores
            .get(&criterion.id)
            .map(|score| (*score).clamp(1, 5));
        if score.is_none() && criterion.weight > 0 {
            missing_inputs.push(ScoreInput::CriterionScore(criterion.id.clone()));
        }
        let points = match score {
            Some(score) if total_weight > 0 => {
                f64::from(criterion.weight) * f64::from(score - 1) / 4.0 / f64::from(total_weight)
                    * 100.0
            }
            _ => 0.0,
        };
        contributions.push(CriterionContribution {
            criterion_id: criterion.id.clone(),
            weight: criterion.weight,
            score,
            points,
        });
    }
    if !missing_inputs.is_empty() {
        return Err(MissingScoreInputs(missing_inputs));
    }
    // Computed from the whole sum rather than by adding the points, so the score is
    // exactly the formula's; the points add up to it within floating-point rounding.
    let weighted_sum: f64 = contributions
        .iter()
        .map(|contribution| {
            f64::from(contribution.weight) * f64::from(contribution.score.unwrap_or(1) - 1) / 4.0
        })
        .sum();
    let score = weighted_sum / f64::from(total_weight) * 100.0;
    Ok(ScoreBreakdown::Weighted {
        criteria: contributions,
        total_weight,
        score,
    })
}

fn rice_breakdown(initiative: &Initiative) -> Result<ScoreBreakdown, MissingScoreInputs> {
    let scores = &initiative.scores;
    let reach = scores.rice_reach;
    let impact = scores
        .rice_impact
        .filter(|impact| impact.is_finite() && *impact >= 0.0);
    let confidence_percent = scores
        .rice_confidence_percent
        .map(|percent| percent.min(100));
    let person_days = initiative.effort_person_days.filter(|days| *days > 0);
    let (Some(reach), Some(impact), Some(confidence_percent), Some(person_days)) =
        (reach, impact, confidence_percent, person_days)
    else {
        return Err(missing([
            (reach.is_none(), ScoreInput::Reach),
            (impact.is_none(), ScoreInput::Impact),
            (confidence_percent.is_none(), ScoreInput::Confidence),
            (person_days.is_none(), ScoreInput::PersonDays),
        ]));
    };
    let person_months = f64::from(person_days) / PERSON_DAYS_PER_PERSON_MONTH;
    let score = f64::from(reach) * impact * (f64::from(confidence_percent) / 100.0) / person_months;
    if !score.is_finite() {
        // Only an absurd impact (far beyond the allowed 3) can overflow; report it as
        // the input to fix rather than ranking an infinite score first.
        return Err(MissingScoreInputs(vec![ScoreInput::Impact]));
    }
    Ok(ScoreBreakdown::Rice {
        reach,
        impact,
        confidence_percent,
        person_days,
        person_months,
        score,
    })
}

/// The value derived from the initiative's goals; see the module documentation.
pub fn derived_value(model: &Model, initiative: &Initiative) -> Option<f64> {
    InitiativeScoring::new(model).derived_value(initiative)
}

/// The value in force for the initiative and its source; see the module documentation.
pub fn effective_value(model: &Model, initiative: &Initiative) -> Option<EffectiveValue> {
    InitiativeScoring::new(model).effective_value(initiative)
}

/// The priority score under the model's selected framework.
pub fn priority_score(model: &Model, initiative: &Initiative) -> Result<f64, MissingScoreInputs> {
    InitiativeScoring::new(model).priority_score(initiative)
}

/// The priority score under the given framework.
pub fn priority_score_for(
    model: &Model,
    initiative: &Initiative,
    framework: ScoringFramework,
) -> Result<f64, MissingScoreInputs> {
    InitiativeScoring::new(model)
        .breakdown_for(initiative, framework)
        .map(|breakdown| breakdown.score())
}

/// The priority score under the model's selected framework, with its inputs.
pub fn priority_breakdown(
    model: &Model,
    initiative: &Initiative,
) -> Result<ScoreBreakdown, MissingScoreInputs> {
    InitiativeScoring::new(model).priority_breakdown(initiative)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::formulas::test_fixture::*;

    fn approximately(left: f64, right: f64) -> bool {
        (left - right).abs() < 1e-9
    }

    /// Goals of weight 5, 3 and 2: maximum possible sum (5 + 3 + 2) x 3 = 30.
    fn model_with_three_goals() -> Model {
        let mut model = empty_model();
        model.goals.push(goal("goal-a", 5));
        model.goals.push(goal("goal-b", 3));
        model.goals.push(goal("goal-c", 2));
        model
    }

    #[test]
    fn derived_value_scales_the_goal_sum_onto_one_to_ten() {
        let model = model_with_three_goals();
        let scoring = InitiativeScoring::new(&model);
        assert_eq!(scoring.maximum_possible_goal_sum(), 30);

        // 5 x 3 + 3 x 1 = 18 of 30: 1 + 9 x 0.6 = 6.4.
        let mut partial = initiative("i-1", "Partial");
        partial.goal_contributions = vec![contribution("goal-a", 3), contribution("goal-b", 1)];
        assert_eq!(scoring.goal_sum(&partial), Some(18));
        assert!(approximately(derived_value(&model, &partial).unwrap(), 6.4));

        // Strong contribution to every goal reaches exactly 10.
        let mut everything = initiative("i-2", "Everything");
        everything.goal_contributions = vec![
            contribution("goal-a", 3),
            contribution("goal-b", 3),
            contribution("goal-c", 3),
        ];
        assert_eq!(derived_value(&model, &everything), Some(10.0));

        // The weakest link to the lightest goal: 2 of 30 -> 1.6, not rounded.
        let mut weakest = initiative("i-3", "Weakest");
        weakest.goal_contributions = vec![contribution("goal-c", 1)];
        assert!(approximately(derived_value(&model, &weakest).unwrap(), 1.6));
    }

    #[test]
    fn derived_value_counts_a_goal_once_ignores_dangling_links_and_clamps() {
        let model = model_with_three_goals();
        let mut repeated = initiative("i-1", "Repeated");
        repeated.goal_contributions = vec![
            contribution("goal-a", 1),
            contribution("goal-a", 3),
            contribution("goal-missing", 3),
        ];
        // Only goal-a with its strongest link: 15 of 30 -> 5.5.
        assert!(approximately(
            derived_value(&model, &repeated).unwrap(),
            5.5
        ));

        let mut out_of_range = initiative("i-2", "Out of range");
        out_of_range.goal_contributions = vec![contribution("goal-a", 200)];
        assert_eq!(derived_value(&model, &out_of_range), Some(10.0));

        let mut zero_strength = initiative("i-3", "Zero strength");
        zero_strength.goal_contributions = vec![contribution("goal-a", 0)];
        assert_eq!(derived_value(&model, &zero_strength), Some(1.0));
    }

    #[test]
    fn derived_value_is_none_without_links_or_without_goal_weight() {
        let model = model_with_three_goals();
        assert_eq!(derived_value(&model, &initiative("i-1", "Unlinked")), None);

        let mut only_dangling = initiative("i-2", "Dangling");
        only_dangling.goal_contributions = vec![contribution("goal-missing", 3)];
        assert_eq!(derived_value(&model, &only_dangling), None);

        let mut weightless = empty_model();
        weightless.goals.push(goal("goal-zero", 0));
        let mut linked = initiative("i-3", "Linked");
        linked.goal_contributions = vec![contribution("goal-zero", 3)];
        assert_eq!(derived_value(&weightless, &linked), None);
        assert_eq!(derived_value(&empty_model(), &linked), None);
    }

    #[test]
    fn effective_value_prefers_the_user_value_when_deriving() {
        let mut model = model_with_three_goals();
        model.settings.derive_value_from_goals = true;
        let mut linked = initiative("i-1", "Linked");
        linked.goal_contributions = vec![contribution("goal-a", 3), contribution("goal-b", 1)];
        assert_eq!(
            effective_value(&model, &linked),
            Some(EffectiveValue {
                value: derived_value(&model, &linked).unwrap(),
                source: ValueSource::Derived
            })
        );
        linked.scores.value = Some(2);
        assert_eq!(
            effective_value(&model, &linked),
            Some(EffectiveValue {
                value: 2.0,
                source: ValueSource::UserSet
            })
        );
    }

    #[test]
    fn effective_value_ignores_derivation_when_the_setting_is_off() {
        let model = model_with_three_goals();
        assert!(!model.settings.derive_value_from_goals);
        let mut linked = initiative("i-1", "Linked");
        linked.goal_contributions = vec![contribution("goal-a", 3)];
        assert_eq!(effective_value(&model, &linked), None);
        linked.scores.value = Some(7);
        assert_eq!(effective_value(&model, &linked).unwrap().value, 7.0);
        assert_eq!(
            effective_value(&model, &linked).unwrap().source,
            ValueSource::UserSet
        );
    }

    #[test]
    fn value_effort_score_and_its_missing_inputs() {
        let model = empty_model();
        let scored = scored_initiative("i-1", "Scored", 8, 4);
        assert_eq!(priority_score(&model, &scored), Ok(2.0));

        let unscored = initiative("i-2", "Unscored");
        assert_eq!(
            priority_score(&model, &unscored),
            Err(MissingScoreInputs(vec![
                ScoreInput::Value,
                ScoreInput::Effort
            ]))
        );

        let mut zero_effort = scored_initiative("i-3", "Zero effort", 8, 0);
        assert_eq!(
            priority_score(&model, &zero_effort),
            Err(MissingScoreInputs(vec![ScoreInput::Effort]))
        );
        zero_effort.scores.effort = None;
        zero_effort.scores.value = None;
        zero_effort.scores.effort = Some(5);
        assert_eq!(
            priority_score(&model, &zero_effort),
            Err(MissingScoreInputs(vec![ScoreInput::Value]))
        );
    }

    #[test]
    fn value_effort_uses_the_derived_value() {
        let mut model = model_with_three_goals();
        model.settings.derive_value_from_goals = true;
        let mut linked = initiative("i-1", "Linked");
        linked.scores.effort = Some(2);
        linked.goal_contributions = vec![contribution("goal-a", 3), contribution("goal-b", 1)];
        // Derived 6.4 / effort 2 = 3.2.
        assert!(approximately(priority_score(&model, &linked).unwrap(), 3.2));
        match priority_breakdown(&model, &linked).unwrap() {
            ScoreBreakdown::ValueEffort { value, effort, .. } => {
                assert_eq!(value.source, ValueSource::Derived);
                assert_eq!(effort, 2);
            }
            other => panic!("unexpected breakdown {other:?}"),
        }
    }

    fn model_with_criteria(weights: &[(&str, u8)]) -> Model {
        let mut model = empty_model();
        model.settings.scoring_framework = ScoringFramework::Weighted;
        model.settings.weighted_criteria = weights
            .iter()
            .map(|(id, weight)| criterion(id, *weight))
            .collect();
        model
    }

    #[test]
    fn weighted_score_by_hand() {
        // Weights 50, 30, 20; scores 5, 3, 1:
        // (50 x 4/4 + 30 x 2/4 + 20 x 0/4) / 100 x 100 = 65.
        let model = model_with_criteria(&[("c-1", 50), ("c-2", 30), ("c-3", 20)]);
        let mut scored = initiative("i-1", "Scored");
        scored.scores.criterion_scores = [("c-1", 5), ("c-2", 3), ("c-3", 1)]
            .iter()
            .map(|(id, score)| (id.to_string(), *score))
            .collect();
        assert!(approximately(
            priority_score(&model, &scored).unwrap(),
            65.0
        ));
        let ScoreBreakdown::Weighted {
            criteria,
            total_weight,
            score,
        } = priority_breakdown(&model, &scored).unwrap()
        else {
            panic!("expected a weighted breakdown");
        };
        assert_eq!(total_weight, 100);
        let points: Vec<f64> = criteria.iter().map(|criterion| criterion.points).collect();
        assert!(approximately(points[0], 50.0));
        assert!(approximately(points[1], 15.0));
        assert!(approximately(points[2], 0.0));
        assert!(approximately(points.iter().sum::<f64>(), score));
    }

    #[test]
    fn weighted_score_spans_zero_to_one_hundred() {
        let model = model_with_criteria(&[("c-1", 7), ("c-2", 3)]);
        let mut lowest = initiative("i-1", "Lowest");
        lowest.scores.criterion_scores = [("c-1".to_string(), 1), ("c-2".to_string(), 1)].into();
        assert_eq!(priority_score(&model, &lowest), Ok(0.0));
        let mut highest = initiative("i-2", "Highest");
        highest.scores.criterion_scores = [("c-1".to_string(), 5), ("c-2".to_string(), 5)].into();
        assert!(approximately(
            priority_score(&model, &highest).unwrap(),
            100.0
        ));
        // Out-of-range scores are clamped into 1..=5.
        let mut malformed = initiative("i-3", "Malformed");
        malformed.scores.criterion_scores =
            [("c-1".to_string(), 0), ("c-2".to_string(), 99)].into();
        assert!(approximately(
            priority_score(&model, &malformed).unwrap(),
            30.0
        ));
    }

    #[test]
    fn weighted_score_reports_missing_criterion_scores_and_weights() {
        let model = model_with_criteria(&[("c-1", 50), ("c-2", 0), ("c-3", 20)]);
        let mut partly = initiative("i-1", "Partly");
        partly.scores.criterion_scores = [("c-3".to_string(), 4)].into();
        assert_eq!(
            priority_score(&model, &partly),
            Err(MissingScoreInputs(vec![ScoreInput::CriterionScore(
                "c-1".to_string()
            )])),
            "a criterion of weight 0 needs no score"
        );
        partly.scores.criterion_scores.insert("c-1".to_string(), 2);
        // (50 x 1/4 + 20 x 3/4) / 70 x 100 = 27.5 / 70 x 100.
        assert!(approximately(
            priority_score(&model, &partly).unwrap(),
            27.5 / 70.0 * 100.0
        ));

        let no_criteria = model_with_criteria(&[]);
        assert_eq!(
            priority_score(&no_criteria, &partly),
            Err(MissingScoreInputs(vec![ScoreInput::CriteriaWeights]))
        );
        let all_zero = model_with_criteria(&[("c-1", 0), ("c-2", 0)]);
        assert_eq!(
            priority_score(&all_zero, &initiative("i-2", "Empty")),
            Err(MissingScoreInputs(vec![ScoreInput::CriteriaWeights]))
        );
    }

    #[test]
    fn wsjf_by_hand_and_missing_inputs() {
        let mut model = empty_model();
        model.settings.scoring_framework = ScoringFramework::Wsjf;
        let mut scored = scored_initiative("i-1", "Scored", 8, 4);
        scored.scores.time_criticality = Some(6);
        scored.scores.risk_reduction = Some(2);
        // (8 + 6 + 2) / 4 = 4.
        assert_eq!(priority_score(&model, &scored), Ok(4.0));

        let mut partial = initiative("i-2", "Partial");
        partial.scores.time_criticality = Some(3);
        assert_eq!(
            priority_score(&model, &partial),
            Err(MissingScoreInputs(vec![
                ScoreInput::Value,
                ScoreInput::RiskReduction,
                ScoreInput::Effort
            ]))
        );
    }

    #[test]
    fn rice_by_hand() {
        let mut model = empty_model();
        model.settings.scoring_framework = ScoringFramework::Rice;
        let mut scored = initiative("i-1", "Scored");
        scored.scores.rice_reach = Some(500);
        scored.scores.rice_impact = Some(2.0);
        scored.scores.rice_confidence_percent = Some(80);
        scored.effort_person_days = Some(40);
        // 500 x 2 x 0.8 / (40 / 20) = 400.
        assert!(approximately(
            priority_score(&model, &scored).unwrap(),
            400.0
        ));
        let ScoreBreakdown::Rice { person_months, .. } =
            priority_breakdown(&model, &scored).unwrap()
        else {
            panic!("expected a RICE breakdown");
        };
        assert_eq!(person_months, 2.0);
        // Zero reach is a valid zero score, not a missing input.
        scored.scores.rice_reach = Some(0);
        assert_eq!(priority_score(&model, &scored), Ok(0.0));
    }

    #[test]
    fn rice_with_zero_person_days_has_no_score() {
        let mut model = empty_model();
        model.settings.scoring_framework = ScoringFramework::Rice;
        let mut scored = initiative("i-1", "Scored");
        scored.scores.rice_reach = Some(500);
        scored.scores.rice_impact = Some(2.0);
        scored.scores.rice_confidence_percent = Some(80);
        scored.effort_person_days = Some(0);
        assert_eq!(
            priority_score(&model, &scored),
            Err(MissingScoreInputs(vec![ScoreInput::PersonDays]))
        );
        assert_eq!(
            priority_score(&model, &initiative("i-2", "Unscored")),
            Err(MissingScoreInputs(vec![
                ScoreInput::Reach,
                ScoreInput::Impact,
                ScoreInput::Confidence,
                ScoreInput::PersonDays
            ]))
        );
    }

    #[test]
    fn rice_refuses_malformed_impact_and_clamps_confidence() {
        let mut scored = initiative("i-1", "Scored");
        scored.scores.rice_reach = Some(u32::MAX);
        scored.scores.rice_impact = Some(f64::NAN);
        scored.scores.rice_confidence_percent = Some(250);
        scored.effort_person_days = Some(1);
        let model = empty_model();
        assert_eq!(
            priority_score_for(&model, &scored, ScoringFramework::Rice),
            Err(MissingScoreInputs(vec![ScoreInput::Impact]))
        );
        scored.scores.rice_impact = Some(-1.0);
        assert!(priority_score_for(&model, &scored, ScoringFramework::Rice).is_err());
        scored.scores.rice_impact = Some(f64::MAX);
        assert_eq!(
            priority_score_for(&model, &scored, ScoringFramework::Rice),
            Err(MissingScoreInputs(vec![ScoreInput::Impact])),
            "an overflowing product is not ranked as infinity"
        );
        scored.scores.rice_impact = Some(1.0);
        let ScoreBreakdown::Rice {
            confidence_percent,
            score,
            ..
        } = InitiativeScoring::new(&model)
            .breakdown_for(&scored, ScoringFramework::Rice)
            .unwrap()
        else {
            panic!("expected a RICE breakdown");
        };
        assert_eq!(confidence_percent, 100);
        assert!(approximately(score, f64::from(u32::MAX) * 20.0));
    }

    #[test]
    fn breakdown_names_its_framework_and_error_lists_inputs() {
        let mut model = empty_model();
        model.settings.weighted_criteria = vec![criterion("c-1", 10)];
        let mut fully_scored = scored_initiative("i-1", "Scored", 8, 4);
        fully_scored.scores.time_criticality = Some(4);
        fully_scored.scores.risk_reduction = Some(4);
        fully_scored.scores.rice_reach = Some(100);
        fully_scored.scores.rice_impact = Some(1.0);
        fully_scored.scores.rice_confidence_percent = Some(50);
        fully_scored.effort_person_days = Some(10);
        fully_scored
            .scores
            .criterion_scores
            .insert("c-1".to_string(), 3);
        let scoring = InitiativeScoring::new(&model);
        let expected_scores = [
            (ScoringFramework::ValueEffort, 2.0),
            (ScoringFramework::Weighted, 50.0),
            (ScoringFramework::Wsjf, 4.0),
            (ScoringFramework::Rice, 100.0),
        ];
        for (framework, expected_score) in expected_scores {
            let breakdown = scoring.breakdown_for(&fully_scored, framework).unwrap();
            assert_eq!(breakdown.framework(), framework);
            assert!(
                approximately(breakdown.score(), expected_score),
                "{framework:?}"
            );
        }
        let error = priority_score(&model, &initiative("i-2", "Unscored")).unwrap_err();
        assert!(error.to_string().contains("2 input(s)"));
    }
}
