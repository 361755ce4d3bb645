//! Small formulas of regular steering: whether the quarterly review is overdue, the
//! accepted score of workshop votes, the Now/Next/Later bucket of an initiative, and
//! whether a capability is in use.

use std::collections::HashSet;

use crate::model::types::{Capability, Initiative, InitiativeStatus, Model, Quarter};

/// Whether the quarterly review is overdue: there is no review in the current quarter
/// or in the one before it. Reviews dated in later quarters (planned ahead or entered
/// with a wrong quarter) do not count, because they did not take place yet.
pub fn review_overdue(model: &Model, today_quarter: Quarter) -> bool {
    let current = today_quarter.ordinal();
    let previous = current - 1;
    !model.reviews.iter().any(|review| {
        let reviewed = review.quarter.ordinal();
        reviewed == current || reviewed == previous
    })
}

/// The accepted score of a set of votes: the median, rounded half up to a whole score.
/// For an even count that is the mean of the two middle votes, rounded half up
/// (votes 3 and 4 give 4). `None` without votes.
pub fn accepted_vote_score(votes: &[u8]) -> Option<u8> {
    if votes.is_empty() {
        return None;
    }
    let mut sorted = votes.to_vec();
    sorted.sort_unstable();
    let middle = sorted.len() / 2;
    if sorted.len() % 2 == 1 {
        return Some(sorted[middle]);
    }
    let lower = u16::from(sorted[middle - 1]);
    let upper = u16::from(sorted[middle]);
    // (a + b) / 2 rounded half up is (a + b) / 2 rounded up, as the only possible
    // fraction is one half; it never exceeds the larger vote, so it fits a u8.
    u8::try_from((lower + upper).div_ceil(2)).ok()
}

/// The Now/Next/Later bucket of the simple roadmap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NowNextLater {
    Now,
    Next,
    Later,
}

/// The Now/Next/Later bucket of an initiative in `current_quarter`:
///
/// - **Now**: active, or starting in the current quarter. A not yet active initiative
///   whose start lies in the past is Now as well: its start is due, and putting it in
///   Later would hide exactly the work that slipped.
/// - **Next**: starting in one of the next two quarters.
/// - **Later**: starting after that, or unscheduled.
///
/// Done and stopped initiatives have no bucket (`None`): the board is about what is
/// ahead, and moving a finished card would reschedule finished work. Active wins over
/// the start quarter, so an active initiative with a future start is Now.
pub fn now_next_later_bucket(
    initiative: &Initiative,
    current_quarter: Quarter,
) -> Option<NowNextLater> {
    match initiative.status {
        InitiativeStatus::Done | InitiativeStatus::Stopped => return None,
        InitiativeStatus::Active => return Some(NowNextLater::Now),
        InitiativeStatus::Idea | InitiativeStatus::Planned => {}
    }
    let Some(start) = initiative.start else {
        return Some(NowNextLater::Later);
    };
    let quarters_ahead = current_quarter.quarters_until(start);
    Some(match quarters_ahead {
        ..=0 => NowNextLater::Now,
        1..=2 => NowNextLater::Next,
        _ => NowNextLater::Later,
    })
}

/// Whether a capability is in use: a non-stopped initiative builds it, or it supports
/// a process that exists.
pub fn capability_in_use(model: &Model, capability: &Capability) -> bool {
    let supports_a_process = capability.process_ids.iter().any(|process_id| {
        model
            .processes
            .iter()
            .any(|process| &process.id == process_id)
    });
    supports_a_process
        || model.initiatives.iter().any(|initiative| {
            initiative.status != InitiativeStatus::Stopped
                && initiative.capability_ids.contains(&capability.id)
        })
}

/// The ids of all capabilities in use, in one pass over processes, capabilities and
/// initiatives; for findings over many capabilities.
pub fn capabilities_in_use(model: &Model) -> HashSet<&str> {
    let existing_process_ids: HashSet<&str> = model
        .processes
        .iter()
        .map(|process| process.id.as_str())
        .collect();
    let existing_capability_ids: HashSet<&str> = model
        .capabilities
        .iter()
        .map(|capability| capability.id.as_str())
        .collect();
    let supporting_a_process = model.capabilities.iter().filter_map(|capability| {
        capability
            .process_ids
            .iter()
            .any(|process_id| existing_process_ids.contains(process_id.as_str()))
            .then_some(capability.id.as_str())
    });
    let built = model
        .initiatives
        .iter()
        .filter(|initiative| initiative.status != InitiativeStatus::Stopped)
        .flat_map(|initiative| initiative.capability_ids.iter().map(String::as_str))
        .filter(|capability_id| existing_capability_ids.contains(capability_id));
    supporting_a_process.chain(built).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::formulas::test_fixture::*;
    use crate::model::types::CapabilityKind;

    #[test]
    fn review_is_overdue_without_a_review_in_this_or_the_previous_quarter() {
        let mut model = empty_model();
        let today = quarter("2026-Q3");
        assert!(review_overdue(&model, today), "never reviewed");
        model.reviews.push(review("r-1", "2026-Q1"));
        assert!(
            review_overdue(&model, today),
            "two quarters ago is too long"
        );
        model.reviews.push(review("r-2", "2026-Q2"));
        assert!(!review_overdue(&model, today), "previous quarter is fine");
        model.reviews = vec![review("r-3", "2026-Q3")];
        assert!(!review_overdue(&model, today));
        model.reviews = vec![review("r-4", "2026-Q4")];
        assert!(
            review_overdue(&model, today),
            "a future review does not count"
        );
        // Across a year boundary.
        model.reviews = vec![review("r-5", "2026-Q4")];
        assert!(!review_overdue(&model, quarter("2027-Q1")));
    }

    #[test]
    fn accepted_vote_is_the_median_rounded_half_up() {
        assert_eq!(accepted_vote_score(&[]), None);
        assert_eq!(accepted_vote_score(&[7]), Some(7));
        assert_eq!(accepted_vote_score(&[9, 1, 5]), Some(5));
        assert_eq!(accepted_vote_score(&[3, 4]), Some(4), "3.5 rounds up");
        assert_eq!(
            accepted_vote_score(&[2, 8, 4, 6]),
            Some(5),
            "mean of 4 and 6"
        );
        assert_eq!(
            accepted_vote_score(&[1, 1, 2, 10]),
            Some(2),
            "1.5 rounds up to 2"
        );
        assert_eq!(accepted_vote_score(&[255, 255]), Some(255));
        assert_eq!(accepted_vote_score(&[0, 255]), Some(128));
    }

    #[test]
    fn now_next_later_buckets() {
        let current = quarter("2026-Q4");
        let bucket =
            |start: &str| now_next_later_bucket(&scheduled_initiative("i-1", start, 1), current);
        assert_eq!(bucket("2026-Q4"), Some(NowNextLater::Now));
        assert_eq!(
            bucket("2026-Q2"),
            Some(NowNextLater::Now),
            "a due start is Now"
        );
        assert_eq!(bucket("2027-Q1"), Some(NowNextLater::Next));
        assert_eq!(bucket("2027-Q2"), Some(NowNextLater::Next));
        assert_eq!(bucket("2027-Q3"), Some(NowNextLater::Later));
        let unscheduled = initiative("i-2", "Unscheduled");
        assert_eq!(
            now_next_later_bucket(&unscheduled, current),
            Some(NowNextLater::Later)
        );
    }

    #[test]
    fn now_next_later_by_status() {
        let current = quarter("2026-Q4");
        let mut active_later = scheduled_initiative("i-1", "2028-Q1", 1);
        active_later.status = InitiativeStatus::Active;
        assert_eq!(
            now_next_later_bucket(&active_later, current),
            Some(NowNextLater::Now)
        );
        let mut active_unscheduled = initiative("i-2", "Active");
        active_unscheduled.status = InitiativeStatus::Active;
        assert_eq!(
            now_next_later_bucket(&active_unscheduled, current),
            Some(NowNextLater::Now)
        );
        for status in [InitiativeStatus::Done, InitiativeStatus::Stopped] {
            let mut finished = scheduled_initiative("i-3", "2026-Q4", 1);
            finished.status = status;
            assert_eq!(now_next_later_bucket(&finished, current), None);
        }
        let mut idea = scheduled_initiative("i-4", "2027-Q1", 1);
        idea.status = InitiativeStatus::Idea;
        assert_eq!(
            now_next_later_bucket(&idea, current),
            Some(NowNextLater::Next)
        );
    }

    #[test]
    fn a_capability_is_in_use_when_built_or_supporting_a_process() {
        let mut model = empty_model();
        model.processes.push(process("proc-1"));
        let mut supporting = capability("cap-process", CapabilityKind::System);
        supporting.process_ids = vec!["proc-1".to_string()];
        let mut dangling = capability("cap-dangling", CapabilityKind::Data);
        dangling.process_ids = vec!["proc-gone".to_string()];
        let built = capability("cap-built", CapabilityKind::Interface);
        let only_stopped = capability("cap-stopped", CapabilityKind::Infrastructure);
        let idle = capability("cap-idle", CapabilityKind::Data);
        model.capabilities = vec![supporting, dangling, built, only_stopped, idle];
        let mut builder = initiative("i-1", "Builder");
        builder.status = InitiativeStatus::Done;
        builder.capability_ids = vec!["cap-built".to_string(), "cap-missing".to_string()];
        let mut stopped = initiative("i-2", "Stopped");
        stopped.status = InitiativeStatus::Stopped;
        stopped.capability_ids = vec!["cap-stopped".to_string()];
        model.initiatives = vec![builder, stopped];

        let in_use: Vec<bool> = model
            .capabilities
            .iter()
            .map(|capability| capability_in_use(&model, capability))
            .collect();
        assert_eq!(in_use, [true, false, true, false, false]);
        let ids = capabilities_in_use(&model);
        assert_eq!(ids.len(), 2);
        assert!(ids.contains("cap-process") && ids.contains("cap-built"));
    }
}
