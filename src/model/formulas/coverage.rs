//! The alignment coverage: the headline number of the method (DESIGN.md section 3).
//!
//! Coverage = yearly cost of the *larger* items that are aligned, divided by the yearly
//! cost of all larger items. An item is an initiative or a spend item; it is larger
//! when its yearly cost (see [`super::cost`]) is at or above the model's large-spend
//! threshold; it is aligned when it is linked to at least one business process and at
//! least one measurable goal (a goal with a KPI that has a baseline and a target).
//!
//! Links that count:
//!
//! - An initiative's processes: its own process links, and the processes supported by
//!   the capabilities it builds (it delivers a capability that serves the process).
//!   Its goals: its own goal contributions. Capabilities' goal links do not make an
//!   initiative aligned to a goal: the method asks for the initiative's own traceable
//!   link to a measurable goal, and DESIGN.md names capabilities only for processes.
//! - A spend item's processes and goals: its own, plus those of the initiative it
//!   belongs to (counted as for that initiative, including capability-mediated
//!   processes).
//! - Links to entities that are not in the model never count.
//!
//! Every initiative counts whatever its status, as in the cost totals. Each item's
//! cost is its own lines only, so a spend item and its initiative are separate items
//! and nothing is counted twice. The percentage is `None` when there is no larger
//! spend, because "0 of 0" is neither full nor empty coverage.

use std::collections::{HashMap, HashSet};

use crate::model::types::{EntityId, Initiative, Model, MoneyCents, SpendItem};

use super::cost::{yearly_cost_of_lines, CostItemKind};
use super::goals::measurable_goal_ids;

/// The alignment coverage with what is not covered.
#[derive(Debug, Clone, PartialEq)]
pub struct AlignmentCoverage {
    /// Yearly cost of larger items that are linked to a process and a measurable goal.
    pub covered_cents: MoneyCents,
    /// Yearly cost of all larger items.
    pub total_cents: MoneyCents,
    /// `covered / total x 100`; `None` when the total is 0 (no larger spend).
    pub percent: Option<f64>,
    /// Larger items that are not covered, by yearly cost descending; among equal costs
    /// initiatives first, then in model order.
    pub uncovered: Vec<UncoveredItem>,
}

/// A larger item that breaks the alignment, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UncoveredItem {
    pub kind: CostItemKind,
    pub id: EntityId,
    pub yearly_cost_cents: MoneyCents,
    /// Not linked to any business process (directly or through the links above).
    pub missing_process: bool,
    /// Not linked to any measurable goal.
    pub missing_measurable_goal: bool,
}

/// Whether an item's links satisfy the two halves of alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemAlignment {
    pub has_process: bool,
    pub has_measurable_goal: bool,
}

impl ItemAlignment {
    /// Both halves hold.
    pub fn is_aligned(&self) -> bool {
        self.has_process && self.has_measurable_goal
    }
}

/// The lookups alignment needs, built once per model.
struct AlignmentLookup<'model> {
    existing_process_ids: HashSet<&'model str>,
    process_ids_by_capability_id: HashMap<&'model str, &'model [EntityId]>,
    measurable_goal_ids: HashSet<&'model str>,
    initiative_by_id: HashMap<&'model str, &'model Initiative>,
}

impl<'model> AlignmentLookup<'model> {
    fn new(model: &'model Model) -> AlignmentLookup<'model> {
        AlignmentLookup {
            existing_process_ids: model
                .processes
                .iter()
                .map(|process| process.id.as_str())
                .collect(),
            process_ids_by_capability_id: model
                .capabilities
                .iter()
                .map(|capability| (capability.id.as_str(), capability.process_ids.as_slice()))
                .collect(),
            measurable_goal_ids: measurable_goal_ids(model),
            initiative_by_id: model
                .initiatives
                .iter()
                .map(|initiative| (initiative.id.as_str(), initiative))
                .collect(),
        }
    }

    fn any_existing_process(&self, process_ids: &[EntityId]) -> bool {
        process_ids
            .iter()
            .any(|process_id| self.existing_process_ids.contains(process_id.as_str()))
    }

    fn initiative_alignment(&self, initiative: &Initiative) -> ItemAlignment {
        let has_direct_process = self.any_existing_process(&initiative.process_ids);
        let has_process_through_capability = || {
            initiative.capability_ids.iter().any(|capability_id| {
                self.process_ids_by_capability_id
                    .get(capability_id.as_str())
                    .is_some_and(|process_ids| self.any_existing_process(process_ids))
            })
        };
        let has_measurable_goal = initiative.goal_contributions.iter().any(|contribution| {
            self.measurable_goal_ids
                .contains(contribution.goal_id.as_str())
        });
        ItemAlignment {
            has_process: has_direct_process || has_process_through_capability(),
            has_measurable_goal,
        }
    }

    fn spend_item_alignment(&self, spend_item: &SpendItem) -> ItemAlignment {
        let own = ItemAlignment {
            has_process: self.any_existing_process(&spend_item.process_ids),
            has_measurable_goal: spend_item
                .goal_ids
                .iter()
                .any(|goal_id| self.measurable_goal_ids.contains(goal_id.as_str())),
        };
        let through_initiative = spend_item
            .initiative_id
            .as_deref()
            .and_then(|initiative_id| self.initiative_by_id.get(initiative_id))
            .map(|initiative| self.initiative_alignment(initiative));
        match through_initiative {
            Some(initiative) => ItemAlignment {
                has_process: own.has_process || initiative.has_process,
                has_measurable_goal: own.has_measurable_goal || initiative.has_measurable_goal,
            },
            None => own,
        }
    }
}

/// Whether an initiative is linked to a process (directly or through a capability it
/// builds) and to a measurable goal.
pub fn initiative_alignment(model: &Model, initiative: &Initiative) -> ItemAlignment {
    AlignmentLookup::new(model).initiative_alignment(initiative)
}

/// Whether a spend item is linked to a process and to a measurable goal, its own links
/// and those of the initiative it belongs to together.
pub fn spend_item_alignment(model: &Model, spend_item: &SpendItem) -> ItemAlignment {
    AlignmentLookup::new(model).spend_item_alignment(spend_item)
}

/// The alignment coverage of the model; see the module documentation.
pub fn alignment_coverage(model: &Model) -> AlignmentCoverage {
    let lookup = AlignmentLookup::new(model);
    let threshold_cents = model.settings.large_spend_threshold_cents;
    let useful_life_years = model.settings.useful_life_years;

    let initiatives = model.initiatives.iter().map(|initiative| {
        (
            CostItemKind::Initiative,
            initiative.id.as_str(),
            yearly_cost_of_lines(&initiative.cost_lines, useful_life_years),
            lookup.initiative_alignment(initiative),
        )
    });
    let spend_items = model.spend_items.iter().map(|spend_item| {
        (
            CostItemKind::SpendItem,
            spend_item.id.as_str(),
            yearly_cost_of_lines(&spend_item.cost_lines, useful_life_years),
            lookup.spend_item_alignment(spend_item),
        )
    });

    let mut covered_cents: MoneyCents = 0;
    let mut total_cents: MoneyCents = 0;
    let mut uncovered = Vec::new();
    for (kind, id, yearly_cost_cents, alignment) in initiatives.chain(spend_items) {
        if yearly_cost_cents < threshold_cents {
            continue;
        }
        total_cents = total_cents.saturating_add(yearly_cost_cents);
        if alignment.is_aligned() {
            covered_cents = covered_cents.saturating_add(yearly_cost_cents);
        } else {
            uncovered.push(UncoveredItem {
                kind,
                id: id.to_string(),
                yearly_cost_cents,
                missing_process: !alignment.has_process,
                missing_measurable_goal: !alignment.has_measurable_goal,
            });
        }
    }
    // Stable, so equal costs keep initiatives first and model order.
    uncovered.sort_by_key(|item| std::cmp::Reverse(item.yearly_cost_cents));
    let percent = (total_cents > 0).then(|| covered_cents as f64 / total_cents as f64 * 100.0);
    AlignmentCoverage {
        covered_cents,
        total_cents,
        percent,
        uncovered,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::formulas::test_fixture::*;
    use crate::model::types::{CapabilityKind, CostCategory::Operation};

    /// A model with a measurable goal, an unmeasurable goal and a process; the
    /// threshold is the default 1,000.00 per year.
    fn base_model() -> Model {
        let mut model = empty_model();
        model.goals.push(goal("goal-measurable", 3));
        model.goals.push(goal("goal-vague", 3));
        model
            .kpis
            .push(kpi("kpi-1", "goal-measurable", Some(10.0), Some(20.0)));
        model
            .kpis
            .push(kpi("kpi-2", "goal-vague", Some(10.0), None));
        model.processes.push(process("proc-1"));
        model
    }

    fn costing(mut initiative: Initiative, yearly_cents: MoneyCents) -> Initiative {
        initiative.cost_lines = vec![cost_line(
            &format!("l-{}", initiative.id),
            Operation,
            0,
            yearly_cents,
        )];
        initiative
    }

    fn costing_spend(mut spend: SpendItem, yearly_cents: MoneyCents) -> SpendItem {
        spend.cost_lines = vec![cost_line(
            &format!("l-{}", spend.id),
            Operation,
            0,
            yearly_cents,
        )];
        spend
    }

    #[test]
    fn coverage_by_hand() {
        let mut model = base_model();
        let mut aligned = costing(initiative("i-aligned", "Aligned"), 300_000);
        aligned.process_ids = vec!["proc-1".to_string()];
        aligned.goal_contributions = vec![contribution("goal-measurable", 2)];
        model.initiatives.push(aligned);
        let mut vague = costing(initiative("i-vague", "Vague"), 100_000);
        vague.process_ids = vec!["proc-1".to_string()];
        vague.goal_contributions = vec![contribution("goal-vague", 3)];
        model.initiatives.push(vague);
        // Below the threshold: not counted either way.
        model
            .initiatives
            .push(costing(initiative("i-small", "Small"), 99_999));
        let mut unlinked = costing_spend(spend_item("s-unlinked"), 200_000);
        unlinked.goal_ids = vec!["goal-measurable".to_string()];
        model.spend_items.push(unlinked);

        let coverage = alignment_coverage(&model);
        assert_eq!(coverage.covered_cents, 300_000);
        assert_eq!(coverage.total_cents, 600_000);
        assert_eq!(coverage.percent, Some(50.0));
        assert_eq!(
            coverage.uncovered,
            vec![
                UncoveredItem {
                    kind: CostItemKind::SpendItem,
                    id: "s-unlinked".to_string(),
                    yearly_cost_cents: 200_000,
                    missing_process: true,
                    missing_measurable_goal: false,
                },
                UncoveredItem {
                    kind: CostItemKind::Initiative,
                    id: "i-vague".to_string(),
                    yearly_cost_cents: 100_000,
                    missing_process: false,
                    missing_measurable_goal: true,
                },
            ]
        );
    }

    #[test]
    fn the_threshold_is_inclusive() {
        let mut model = base_model();
        model.settings.large_spend_threshold_cents = 100_000;
        model
            .initiatives
            .push(costing(initiative("i-at", "At"), 100_000));
        model
            .initiatives
            .push(costing(initiative("i-below", "Below"), 99_999));
        let coverage = alignment_coverage(&model);
        assert_eq!(coverage.total_cents, 100_000);
        assert_eq!(coverage.percent, Some(0.0));
        assert_eq!(coverage.uncovered.len(), 1);
        assert_eq!(coverage.uncovered[0].id, "i-at");
        assert!(
            coverage.uncovered[0].missing_process && coverage.uncovered[0].missing_measurable_goal
        );
    }

    #[test]
    fn the_threshold_compares_the_yearly_cost_with_one_time_spread() {
        let mut model = base_model();
        // 2,999.99 one-time over 3 years is 999.996 -> 1,000.00 after rounding: larger.
        let mut rounded_up = initiative("i-1", "Rounded up");
        rounded_up.cost_lines = vec![cost_line("l-1", Operation, 299_999, 0)];
        model.initiatives.push(rounded_up);
        // 2,999.97 over 3 years is 999.99: not larger.
        let mut below = initiative("i-2", "Below");
        below.cost_lines = vec![cost_line("l-2", Operation, 299_997, 0)];
        model.initiatives.push(below);
        let coverage = alignment_coverage(&model);
        assert_eq!(coverage.total_cents, 100_000);
        assert_eq!(coverage.uncovered.len(), 1);
        assert_eq!(coverage.uncovered[0].id, "i-1");
    }

    #[test]
    fn no_larger_spend_has_no_percentage() {
        let mut model = base_model();
        model
            .initiatives
            .push(costing(initiative("i-small", "Small"), 10));
        let coverage = alignment_coverage(&model);
        assert_eq!(coverage.total_cents, 0);
        assert_eq!(coverage.percent, None);
        assert!(coverage.uncovered.is_empty());
        assert_eq!(alignment_coverage(&empty_model()).percent, None);
    }

    #[test]
    fn a_process_link_through_a_built_capability_counts() {
        let mut model = base_model();
        let mut crm = capability("cap-crm", CapabilityKind::System);
        crm.process_ids = vec!["proc-1".to_string()];
        model.capabilities.push(crm);
        model
            .capabilities
            .push(capability("cap-idle", CapabilityKind::Data));
        let mut builder = costing(initiative("i-1", "Builds CRM"), 500_000);
        builder.capability_ids = vec!["cap-idle".to_string(), "cap-crm".to_string()];
        builder.goal_contributions = vec![contribution("goal-measurable", 1)];
        model.initiatives.push(builder);
        let coverage = alignment_coverage(&model);
        assert_eq!(coverage.percent, Some(100.0));
        assert!(initiative_alignment(&model, &model.initiatives[0]).is_aligned());

        // A capability whose process is gone does not count.
        model.capabilities[0].process_ids = vec!["proc-gone".to_string()];
        assert!(!initiative_alignment(&model, &model.initiatives[0]).has_process);
    }

    #[test]
    fn a_capability_goal_link_does_not_make_an_initiative_goal_aligned() {
        let mut model = base_model();
        let mut crm = capability("cap-crm", CapabilityKind::System);
        crm.goal_ids = vec!["goal-measurable".to_string()];
        model.capabilities.push(crm);
        let mut builder = costing(initiative("i-1", "Builds CRM"), 500_000);
        builder.capability_ids = vec!["cap-crm".to_string()];
        builder.process_ids = vec!["proc-1".to_string()];
        model.initiatives.push(builder);
        let coverage = alignment_coverage(&model);
        assert_eq!(coverage.percent, Some(0.0));
        assert!(coverage.uncovered[0].missing_measurable_goal);
    }

    #[test]
    fn a_spend_item_linked_to_an_initiative_counts_its_processes_and_goals() {
        let mut model = base_model();
        let mut crm = capability("cap-crm", CapabilityKind::System);
        crm.process_ids = vec!["proc-1".to_string()];
        model.capabilities.push(crm);
        // The initiative itself costs nothing (not a larger item) but carries links:
        // a measurable goal directly and a process through its capability.
        let mut project = initiative("i-1", "CRM rollout");
        project.capability_ids = vec!["cap-crm".to_string()];
        project.goal_contributions = vec![contribution("goal-measurable", 3)];
        model.initiatives.push(project);
        let mut licence = costing_spend(spend_item("s-licence"), 240_000);
        licence.initiative_id = Some("i-1".to_string());
        model.spend_items.push(licence);
        let coverage = alignment_coverage(&model);
        assert_eq!(coverage.total_cents, 240_000);
        assert_eq!(coverage.covered_cents, 240_000);
        assert_eq!(coverage.percent, Some(100.0));

        // Half from the item, half from the initiative also works.
        model.initiatives[0].goal_contributions.clear();
        model.spend_items[0].goal_ids = vec!["goal-measurable".to_string()];
        assert!(spend_item_alignment(&model, &model.spend_items[0]).is_aligned());

        // A link to an initiative that does not exist adds nothing.
        model.spend_items[0].initiative_id = Some("i-gone".to_string());
        let alignment = spend_item_alignment(&model, &model.spend_items[0]);
        assert!(!alignment.has_process && alignment.has_measurable_goal);
    }

    #[test]
    fn uncovered_items_are_sorted_by_cost_descending_then_initiatives_first() {
        let mut model = base_model();
        model
            .spend_items
            .push(costing_spend(spend_item("s-1"), 200_000));
        model
            .initiatives
            .push(costing(initiative("i-1", "One"), 200_000));
        model
            .initiatives
            .push(costing(initiative("i-2", "Two"), 900_000));
        model
            .spend_items
            .push(costing_spend(spend_item("s-2"), 150_000));
        let ids: Vec<String> = alignment_coverage(&model)
            .uncovered
            .into_iter()
            .map(|item| item.id)
            .collect();
        assert_eq!(ids, ["i-2", "i-1", "s-1", "s-2"]);
    }

    #[test]
    fn dangling_links_do_not_count() {
        let mut model = base_model();
        let mut dangling = costing(initiative("i-1", "Dangling"), 500_000);
        dangling.process_ids = vec!["proc-gone".to_string()];
        dangling.goal_contributions = vec![contribution("goal-gone", 3)];
        model
            .kpis
            .push(kpi("kpi-orphan", "goal-gone", Some(1.0), Some(2.0)));
        model.initiatives.push(dangling);
        let coverage = alignment_coverage(&model);
        assert!(coverage.uncovered[0].missing_process);
        assert!(coverage.uncovered[0].missing_measurable_goal);
    }
}
