//! The quadrants of the priority matrix (value up, effort right) and of the TIME
//! model for system capabilities (business fit up, technical fit right).
//!
//! A score at or above the model's quadrant threshold (5.5 by default) is high. The
//! comparison uses the score as it is, so a derived value of 5.4999 is low and 5.5 is
//! high. A NaN score or threshold compares as "not at or above", i.e. low, so the
//! functions never panic and a broken number lands in the most cautious quadrant.

use crate::model::types::{Capability, CapabilityKind, Initiative, Model};

use super::scoring::InitiativeScoring;

/// A quadrant of the priority matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Quadrant {
    /// High value, low effort.
    QuickWin,
    /// High value, high effort.
    PlatformTopic,
    /// Low value, low effort.
    FillIn,
    /// Low value, high effort.
    TimeSink,
}

impl Quadrant {
    /// Every quadrant, in the order legends list them.
    pub const ALL: [Quadrant; 4] = [
        Quadrant::QuickWin,
        Quadrant::PlatformTopic,
        Quadrant::FillIn,
        Quadrant::TimeSink,
    ];
}

/// A quadrant of the TIME model (tolerate, invest, migrate, eliminate).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TimeQuadrant {
    /// Low business fit, high technical fit.
    Tolerate,
    /// High business fit, high technical fit.
    Invest,
    /// High business fit, low technical fit.
    Migrate,
    /// Low business fit, low technical fit.
    Eliminate,
}

impl TimeQuadrant {
    /// Every TIME quadrant, in the order the acronym spells them.
    pub const ALL: [TimeQuadrant; 4] = [
        TimeQuadrant::Tolerate,
        TimeQuadrant::Invest,
        TimeQuadrant::Migrate,
        TimeQuadrant::Eliminate,
    ];
}

/// Whether a score counts as high: at or above the threshold.
fn is_high(score: f64, threshold: f64) -> bool {
    score >= threshold
}

/// The matrix quadrant of a value and an effort score.
pub fn quadrant_of(value: f64, effort: f64, threshold: f64) -> Quadrant {
    match (is_high(value, threshold), is_high(effort, threshold)) {
        (true, false) => Quadrant::QuickWin,
        (true, true) => Quadrant::PlatformTopic,
        (false, false) => Quadrant::FillIn,
        (false, true) => Quadrant::TimeSink,
    }
}

/// The TIME quadrant of a business fit (y) and a technical fit (x).
pub fn time_quadrant_of(business_fit: f64, technical_fit: f64, threshold: f64) -> TimeQuadrant {
    match (
        is_high(business_fit, threshold),
        is_high(technical_fit, threshold),
    ) {
        (true, true) => TimeQuadrant::Invest,
        (true, false) => TimeQuadrant::Migrate,
        (false, true) => TimeQuadrant::Tolerate,
        (false, false) => TimeQuadrant::Eliminate,
    }
}

/// The matrix quadrant of an initiative from its effective value (user-set or derived,
/// not rounded) and its effort score, with the model's threshold; `None` when either is
/// missing. For many initiatives use [`InitiativeScoring::quadrant`], which looks the
/// goals up once.
pub fn initiative_quadrant(model: &Model, initiative: &Initiative) -> Option<Quadrant> {
    InitiativeScoring::new(model).quadrant(initiative)
}

/// The TIME quadrant of a capability with the model's threshold; `None` unless it is
/// of kind system and has both fits, since TIME applies to systems only.
pub fn capability_time_quadrant(model: &Model, capability: &Capability) -> Option<TimeQuadrant> {
    if capability.kind != CapabilityKind::System {
        return None;
    }
    let business_fit = capability.business_fit?;
    let technical_fit = capability.technical_fit?;
    Some(time_quadrant_of(
        f64::from(business_fit),
        f64::from(technical_fit),
        model.settings.quadrant_threshold,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::formulas::test_fixture::*;

    #[test]
    fn quadrants_by_value_and_effort() {
        assert_eq!(quadrant_of(8.0, 2.0, 5.5), Quadrant::QuickWin);
        assert_eq!(quadrant_of(8.0, 8.0, 5.5), Quadrant::PlatformTopic);
        assert_eq!(quadrant_of(2.0, 2.0, 5.5), Quadrant::FillIn);
        assert_eq!(quadrant_of(2.0, 8.0, 5.5), Quadrant::TimeSink);
    }

    #[test]
    fn the_threshold_itself_is_high() {
        assert_eq!(quadrant_of(5.5, 5.5, 5.5), Quadrant::PlatformTopic);
        assert_eq!(quadrant_of(5.5, 5.499_999, 5.5), Quadrant::QuickWin);
        assert_eq!(quadrant_of(5.499_999, 5.499_999, 5.5), Quadrant::FillIn);
        assert_eq!(quadrant_of(5.499_999, 5.5, 5.5), Quadrant::TimeSink);
        // Whole scores around the default threshold: 5 is low, 6 is high.
        assert_eq!(quadrant_of(6.0, 5.0, 5.5), Quadrant::QuickWin);
    }

    #[test]
    fn nan_scores_are_low_and_never_panic() {
        assert_eq!(quadrant_of(f64::NAN, 8.0, 5.5), Quadrant::TimeSink);
        assert_eq!(quadrant_of(8.0, f64::NAN, 5.5), Quadrant::QuickWin);
        assert_eq!(quadrant_of(8.0, 8.0, f64::NAN), Quadrant::FillIn);
        assert_eq!(
            time_quadrant_of(f64::NAN, f64::NAN, 5.5),
            TimeQuadrant::Eliminate
        );
    }

    #[test]
    fn initiative_quadrant_uses_the_unrounded_derived_value() {
        let mut model = empty_model();
        model.settings.derive_value_from_goals = true;
        // Goals of weight 2 and 4: maximum (2 + 4) x 3 = 18.
        model.goals.push(goal("goal-a", 2));
        model.goals.push(goal("goal-b", 4));
        // 4 x 2 + 2 x 1 = 10 of 18: 1 + 9 x 10/18 = 6.0, high value.
        let mut above = initiative("i-1", "Above");
        above.scores.effort = Some(3);
        above.goal_contributions = vec![contribution("goal-b", 2), contribution("goal-a", 1)];
        assert_eq!(
            initiative_quadrant(&model, &above),
            Some(Quadrant::QuickWin)
        );
        // 4 x 2 = 8 of 18: 1 + 9 x 8/18 = 5.0, low value.
        let mut below = initiative("i-2", "Below");
        below.scores.effort = Some(3);
        below.goal_contributions = vec![contribution("goal-b", 2)];
        assert_eq!(initiative_quadrant(&model, &below), Some(Quadrant::FillIn));

        // A derived value of exactly 5.5 is high: goals of weight 1 and 1 (maximum 6)
        // and a sum of 3 give 1 + 9 x 3/6 = 5.5.
        let mut halves = empty_model();
        halves.settings.derive_value_from_goals = true;
        halves.goals.push(goal("goal-x", 1));
        halves.goals.push(goal("goal-y", 1));
        let mut half = initiative("i-3", "Half");
        half.scores.effort = Some(10);
        half.goal_contributions = vec![contribution("goal-x", 3)];
        assert_eq!(
            crate::model::formulas::derived_value(&halves, &half),
            Some(5.5)
        );
        assert_eq!(
            initiative_quadrant(&halves, &half),
            Some(Quadrant::PlatformTopic)
        );
    }

    #[test]
    fn unscored_initiatives_have_no_quadrant() {
        let model = empty_model();
        assert_eq!(
            initiative_quadrant(&model, &initiative("i-1", "Unscored")),
            None
        );
        let mut value_only = initiative("i-2", "Value only");
        value_only.scores.value = Some(8);
        assert_eq!(initiative_quadrant(&model, &value_only), None);
        assert_eq!(
            initiative_quadrant(&model, &scored_initiative("i-3", "Scored", 8, 2)),
            Some(Quadrant::QuickWin)
        );
    }

    #[test]
    fn the_model_threshold_is_used() {
        let mut model = empty_model();
        model.settings.quadrant_threshold = 8.0;
        assert_eq!(
            initiative_quadrant(&model, &scored_initiative("i-1", "Scored", 7, 7)),
            Some(Quadrant::FillIn)
        );
    }

    #[test]
    fn time_quadrants_of_system_capabilities() {
        let mut model = empty_model();
        let mut system = capability("cap-1", CapabilityKind::System);
        assert_eq!(
            capability_time_quadrant(&model, &system),
            None,
            "no fits yet"
        );
        let cases = [
            (8, 8, TimeQuadrant::Invest),
            (8, 2, TimeQuadrant::Migrate),
            (2, 8, TimeQuadrant::Tolerate),
            (2, 2, TimeQuadrant::Eliminate),
        ];
        for (business_fit, technical_fit, expected) in cases {
            system.business_fit = Some(business_fit);
            system.technical_fit = Some(technical_fit);
            assert_eq!(capability_time_quadrant(&model, &system), Some(expected));
        }
        model.settings.quadrant_threshold = 9.0;
        system.business_fit = Some(8);
        system.technical_fit = Some(9);
        assert_eq!(
            capability_time_quadrant(&model, &system),
            Some(TimeQuadrant::Tolerate)
        );

        let mut data = capability("cap-2", CapabilityKind::Data);
        data.business_fit = Some(8);
        data.technical_fit = Some(8);
        assert_eq!(
            capability_time_quadrant(&model, &data),
            None,
            "TIME is for systems only"
        );
    }
}
