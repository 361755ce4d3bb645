//! Cost: the yearly cost of cost lines, initiatives and spend items, cost over time
//! (per quarter and per calendar year), and cost breakdowns by category, goal and
//! owner.
//!
//! # Counting
//!
//! Every cost line belongs to exactly one initiative or one spend item, and every
//! total is the sum over all lines of all initiatives and all spend items. A spend item
//! linked to an initiative has its own lines, distinct from the initiative's, so
//! nothing is counted twice and nothing needs deduplication. All initiatives count,
//! whatever their status: a stopped initiative whose cost should no longer count has
//! its cost lines removed by the user, because the model cannot know how much of it
//! was already spent.
//!
//! # Yearly cost
//!
//! Yearly cost of a line = running per year + one-time / useful life (years from the
//! settings; 0 is read as 1, so a malformed setting cannot divide by zero). The
//! one-time share is rounded to whole cents half up (1.5 cents -> 2), once per line;
//! the yearly cost of an item and every total are sums of these whole-cent line
//! amounts, so totals shown side by side add up to the cent.
//!
//! # Cost over time
//!
//! - Initiative: the one-time amount falls in its start quarter; the running amount
//!   starts in the quarter after its last quarter (go-live), i.e. start + duration,
//!   and for a milestone (duration 0) in the quarter after the milestone, and runs on
//!   with no end, because the model has no end date.
//! - Spend item: the one-time amount falls in the quarter of its start date and the
//!   running amount starts in that same quarter.
//! - An **unscheduled initiative** is not placed in time at all (neither amount): it
//!   may never happen and nobody knows when. An **undated spend item** is taken to be
//!   spend that is already running, which is how existing subscriptions and providers
//!   are usually entered, so its running amount counts in every quarter; its one-time
//!   amount is not placed, since there is no date to place it at. Both still count in
//!   every yearly total, and [`unplaced_cost`] reports what was left out of time so a
//!   view can say so.
//! - A quarter's running amount is a quarter of the yearly amount: the whole cents
//!   `floor(yearly / 4)` plus one cent in the first `yearly mod 4` quarters of the
//!   calendar year. So any four consecutive quarters, and in particular every
//!   calendar year with running cost throughout, add up to exactly the yearly amount.
//!
//! # By goal and by owner
//!
//! An item's cost is split over its goals in proportion to weight: an initiative's
//! goals by contribution strength (a goal linked twice counts once with its strongest
//! link), a spend item's own goals equally, and a spend item without goals of its own
//! that belongs to an initiative follows that initiative's goals, since it is bought for
//! them. Links to goals not in the model are ignored. Cents are split by the largest
//! remainder method (ties to the goal with the smaller id), so the shares add up to
//! the item's amount exactly. Cost of an item without goals is reported as
//! `without_goal_cents`. By owner, an item's cost goes to its own owner, or to
//! `without_owner_cents` when it has none or the person is not in the model.
//!
//! Amounts are `i64` cents with saturating arithmetic (intermediate products in
//! `i128`), so absurd amounts clamp at the limits instead of panicking or wrapping.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::model::types::{
    CostCategory, CostLine, EntityId, Initiative, Model, MoneyCents, Quarter, SpendItem,
};

/// Whether a costed item is an initiative or a spend item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CostItemKind {
    Initiative,
    SpendItem,
}

/// An amount split into one-time and running cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CostSplit {
    pub one_time_cents: MoneyCents,
    pub running_cents: MoneyCents,
}

impl CostSplit {
    /// One-time plus running.
    pub fn total_cents(&self) -> MoneyCents {
        self.one_time_cents.saturating_add(self.running_cents)
    }

    fn add(&mut self, other: CostSplit) {
        self.one_time_cents = self.one_time_cents.saturating_add(other.one_time_cents);
        self.running_cents = self.running_cents.saturating_add(other.running_cents);
    }
}

/// The cost that falls in one quarter.
pub type QuarterCost = CostSplit;

/// A cost total with its breakdowns; see the module documentation for the rules.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CostBreakdown {
    /// For the yearly breakdown, `one_time_cents` is the one-time cost spread over the
    /// useful life; for a calendar year, the one-time cost falling in that year.
    pub total: CostSplit,
    /// Every category is present, also with 0, so tables have stable rows.
    pub by_category: BTreeMap<CostCategory, CostSplit>,
    /// Goals that received a share; together with `without_goal_cents` they add up to
    /// `total.total_cents()`.
    pub by_goal: BTreeMap<EntityId, MoneyCents>,
    pub without_goal_cents: MoneyCents,
    /// Owners that received cost; together with `without_owner_cents` they add up to
    /// `total.total_cents()`.
    pub by_owner: BTreeMap<EntityId, MoneyCents>,
    pub without_owner_cents: MoneyCents,
}

impl CostBreakdown {
    fn empty() -> CostBreakdown {
        CostBreakdown {
            by_category: CostCategory::ALL
                .iter()
                .map(|category| (*category, CostSplit::default()))
                .collect(),
            ..CostBreakdown::default()
        }
    }
}

/// Cost that [`cost_per_quarter`] and [`cost_per_year`] cannot place in time.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UnplacedCost {
    /// One-time cost of unscheduled initiatives and undated spend items.
    pub one_time_cents: MoneyCents,
    /// Running cost per year of unscheduled initiatives (undated spend items' running
    /// cost is placed in every quarter, so it is not here).
    pub running_cents_per_year: MoneyCents,
    /// The items with a non-zero unplaced amount, initiatives first, in model order.
    pub items: Vec<(CostItemKind, EntityId)>,
}

fn saturate_to_money(amount: i128) -> MoneyCents {
    MoneyCents::try_from(amount).unwrap_or(if amount < 0 {
        MoneyCents::MIN
    } else {
        MoneyCents::MAX
    })
}

/// The one-time amount spread over the useful life: `one_time / years`, rounded to
/// whole cents half up; `useful_life_years` 0 is read as 1.
pub fn amortized_one_time_cents(one_time_cents: MoneyCents, useful_life_years: u8) -> MoneyCents {
    let years = i128::from(useful_life_years.max(1));
    // floor(a / y + 1/2) = floor((2a + y) / 2y): half up, also for negative amounts.
    let rounded = (2 * i128::from(one_time_cents) + years).div_euclid(2 * years);
    saturate_to_money(rounded)
}

/// Yearly cost of one line: running per year + one-time / useful life, in cents.
pub fn yearly_cost_of_line(line: &CostLine, useful_life_years: u8) -> MoneyCents {
    line.running_cents_per_year
        .saturating_add(amortized_one_time_cents(
            line.one_time_cents,
            useful_life_years,
        ))
}

/// Yearly cost of a list of lines: the sum of their whole-cent yearly costs.
pub fn yearly_cost_of_lines(lines: &[CostLine], useful_life_years: u8) -> MoneyCents {
    lines.iter().fold(0, |sum: MoneyCents, line| {
        sum.saturating_add(yearly_cost_of_line(line, useful_life_years))
    })
}

/// Yearly cost of an initiative's own lines, with the model's useful life.
pub fn yearly_cost_of_initiative(model: &Model, initiative: &Initiative) -> MoneyCents {
    yearly_cost_of_lines(&initiative.cost_lines, model.settings.useful_life_years)
}

/// Yearly cost of a spend item's own lines, with the model's useful life. A linked
/// initiative's lines are not included: they are counted with the initiative.
pub fn yearly_cost_of_spend_item(model: &Model, spend_item: &SpendItem) -> MoneyCents {
    yearly_cost_of_lines(&spend_item.cost_lines, model.settings.useful_life_years)
}

/// The share of `running_cents_per_year` that falls in a quarter: a quarter of it,
/// with the remainder cents in the first quarters of the calendar year, so four
/// consecutive quarters always add up to the yearly amount.
pub fn running_cents_in_quarter(
    running_cents_per_year: MoneyCents,
    quarter: Quarter,
) -> MoneyCents {
    running_share_for_quarter_index(running_cents_per_year, quarter.ordinal().rem_euclid(4))
}

fn running_share_for_quarter_index(
    running_cents_per_year: MoneyCents,
    quarter_index: i64,
) -> MoneyCents {
    let whole_share = running_cents_per_year.div_euclid(4);
    let remainder_cents = running_cents_per_year.rem_euclid(4);
    whole_share + MoneyCents::from(quarter_index < remainder_cents)
}

/// From when running cost counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RunningFrom {
    /// Not placed in time (an unscheduled initiative).
    Never,
    /// Already running in every quarter (an undated spend item).
    Always,
    /// From the quarter with this ordinal on.
    QuarterOrdinal(i64),
}

/// Where an item's cost falls in time, as quarter ordinals (see [`Quarter::ordinal`]);
/// ordinals rather than quarters so arithmetic near the last supported year cannot
/// collapse two quarters into one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CostTiming {
    one_time_quarter_ordinal: Option<i64>,
    running_from: RunningFrom,
}

impl CostTiming {
    fn of_initiative(initiative: &Initiative) -> CostTiming {
        match initiative.start {
            Some(start) => {
                let start_ordinal = start.ordinal();
                let quarters_until_go_live = i64::from(initiative.duration_quarters.max(1));
                CostTiming {
                    one_time_quarter_ordinal: Some(start_ordinal),
                    running_from: RunningFrom::QuarterOrdinal(
                        start_ordinal + quarters_until_go_live,
                    ),
                }
            }
            None => CostTiming {
                one_time_quarter_ordinal: None,
                running_from: RunningFrom::Never,
            },
        }
    }

    fn of_spend_item(spend_item: &SpendItem) -> CostTiming {
        match spend_item.start_date {
            Some(start_date) => {
                let start_ordinal = Quarter::containing(start_date).ordinal();
                CostTiming {
                    one_time_quarter_ordinal: Some(start_ordinal),
                    running_from: RunningFrom::QuarterOrdinal(start_ordinal),
                }
            }
            None => CostTiming {
                one_time_quarter_ordinal: None,
                running_from: RunningFrom::Always,
            },
        }
    }

    fn runs_in(&self, quarter_ordinal: i64) -> bool {
        match self.running_from {
            RunningFrom::Never => false,
            RunningFrom::Always => true,
            RunningFrom::QuarterOrdinal(first) => quarter_ordinal >= first,
        }
    }

    /// The part of a line that falls in the quarter with this ordinal.
    fn line_cost_in_quarter(&self, line: &CostLine, quarter_ordinal: i64) -> CostSplit {
        let one_time_cents = if self.one_time_quarter_ordinal == Some(quarter_ordinal) {
            line.one_time_cents
        } else {
            0
        };
        let running_cents = if self.runs_in(quarter_ordinal) {
            running_share_for_quarter_index(
                line.running_cents_per_year,
                quarter_ordinal.rem_euclid(4),
            )
        } else {
            0
        };
        CostSplit {
            one_time_cents,
            running_cents,
        }
    }

    /// The part of a line that falls in the calendar year starting at this ordinal.
    fn line_cost_in_year(&self, line: &CostLine, first_quarter_ordinal: i64) -> CostSplit {
        let mut year_cost = CostSplit::default();
        for quarter_ordinal in first_quarter_ordinal..first_quarter_ordinal + 4 {
            year_cost.add(self.line_cost_in_quarter(line, quarter_ordinal));
        }
        year_cost
    }
}

/// One costed item as the breakdowns see it.
struct CostedItem<'model> {
    kind: CostItemKind,
    id: &'model str,
    owner_id: Option<&'model str>,
    lines: &'model [CostLine],
    timing: CostTiming,
    /// Goal ids with split weights, sorted by id, each goal once, weights > 0.
    goal_weights: Vec<(&'model str, u32)>,
}

/// Each existing goal once with its strongest contribution, sorted by goal id.
fn initiative_goal_weights<'model>(
    initiative: &'model Initiative,
    existing_goal_ids: &HashSet<&str>,
) -> Vec<(&'model str, u32)> {
    let mut weights: Vec<(&str, u32)> = initiative
        .goal_contributions
        .iter()
        .filter(|contribution| existing_goal_ids.contains(contribution.goal_id.as_str()))
        .map(|contribution| {
            (
                contribution.goal_id.as_str(),
                u32::from(contribution.strength),
            )
        })
        .collect();
    weights.sort_unstable_by(|left, right| left.0.cmp(right.0).then(right.1.cmp(&left.1)));
    weights.dedup_by_key(|(goal_id, _)| *goal_id);
    weights.retain(|(_, weight)| *weight > 0);
    weights
}

fn spend_item_goal_weights<'model>(
    spend_item: &'model SpendItem,
    existing_goal_ids: &HashSet<&str>,
    initiative_by_id: &HashMap<&str, &'model Initiative>,
) -> Vec<(&'model str, u32)> {
    let mut weights: Vec<(&str, u32)> = spend_item
        .goal_ids
        .iter()
        .map(String::as_str)
        .filter(|goal_id| existing_goal_ids.contains(goal_id))
        .map(|goal_id| (goal_id, 1))
        .collect();
    weights.sort_unstable();
    weights.dedup();
    if !weights.is_empty() {
        return weights;
    }
    spend_item
        .initiative_id
        .as_deref()
        .and_then(|initiative_id| initiative_by_id.get(initiative_id))
        .map(|initiative| initiative_goal_weights(initiative, existing_goal_ids))
        .unwrap_or_default()
}

/// Every initiative and spend item of the model, initiatives first, in model order.
fn costed_items(model: &Model) -> Vec<CostedItem<'_>> {
    let existing_goal_ids: HashSet<&str> =
        model.goals.iter().map(|goal| goal.id.as_str()).collect();
    let initiative_by_id: HashMap<&str, &Initiative> = model
        .initiatives
        .iter()
        .map(|initiative| (initiative.id.as_str(), initiative))
        .collect();
    let initiatives = model.initiatives.iter().map(|initiative| CostedItem {
        kind: CostItemKind::Initiative,
        id: initiative.id.as_str(),
        owner_id: initiative.owner_id.as_deref(),
        lines: &initiative.cost_lines,
        timing: CostTiming::of_initiative(initiative),
        goal_weights: initiative_goal_weights(initiative, &existing_goal_ids),
    });
    let spend_items = model.spend_items.iter().map(|spend_item| CostedItem {
        kind: CostItemKind::SpendItem,
        id: spend_item.id.as_str(),
        owner_id: spend_item.owner_id.as_deref(),
        lines: &spend_item.cost_lines,
        timing: CostTiming::of_spend_item(spend_item),
        goal_weights: spend_item_goal_weights(spend_item, &existing_goal_ids, &initiative_by_id),
    });
    initiatives.chain(spend_items).collect()
}

/// Splits `amount` over `weights` in proportion, by the largest remainder method, so
/// the shares add up to `amount` exactly. Ties in the remainder go to the earlier
/// entry. Returns no shares when the weights sum to 0.
fn split_by_largest_remainder(amount: MoneyCents, weights: &[(&str, u32)]) -> Vec<MoneyCents> {
    let total_weight: i128 = weights.iter().map(|(_, weight)| i128::from(*weight)).sum();
    if total_weight == 0 {
        return Vec::new();
    }
    let amount = i128::from(amount);
    let mut shares: Vec<i128> = Vec::with_capacity(weights.len());
    let mut remainders: Vec<(i128, usize)> = Vec::with_capacity(weights.len());
    for (index, (_, weight)) in weights.iter().enumerate() {
        let product = amount * i128::from(*weight);
        shares.push(product.div_euclid(total_weight));
        remainders.push((product.rem_euclid(total_weight), index));
    }
    let distributed: i128 = shares.iter().sum();
    // Euclidean division leaves between 0 and (entries - 1) cents to hand out.
    let leftover_cents = usize::try_from(amount - distributed).unwrap_or(0);
    remainders.sort_unstable_by(|left, right| right.0.cmp(&left.0).then(left.1.cmp(&right.1)));
    for (_, index) in remainders.into_iter().take(leftover_cents) {
        shares[index] += 1;
    }
    shares.into_iter().map(saturate_to_money).collect()
}

fn add_to(map_entry: &mut MoneyCents, amount: MoneyCents) {
    *map_entry = map_entry.saturating_add(amount);
}

/// Builds a breakdown from the part of each line that counts.
fn build_breakdown(
    model: &Model,
    line_amount: impl Fn(&CostLine, &CostTiming) -> CostSplit,
) -> CostBreakdown {
    let existing_person_ids: HashSet<&str> = model
        .people
        .iter()
        .map(|person| person.id.as_str())
        .collect();
    let mut breakdown = CostBreakdown::empty();
    for item in costed_items(model) {
        let mut item_amount = CostSplit::default();
        for line in item.lines {
            let amount = line_amount(line, &item.timing);
            item_amount.add(amount);
            breakdown
                .by_category
                .entry(line.category)
                .or_default()
                .add(amount);
        }
        breakdown.total.add(item_amount);
        let item_total = item_amount.total_cents();
        if item_total == 0 {
            continue;
        }
        let goal_shares = split_by_largest_remainder(item_total, &item.goal_weights);
        if goal_shares.is_empty() {
            add_to(&mut breakdown.without_goal_cents, item_total);
        }
        for ((goal_id, _), share) in item.goal_weights.iter().zip(goal_shares) {
            add_to(
                breakdown.by_goal.entry(goal_id.to_string()).or_default(),
                share,
            );
        }
        match item
            .owner_id
            .filter(|owner_id| existing_person_ids.contains(owner_id))
        {
            Some(owner_id) => add_to(
                breakdown.by_owner.entry(owner_id.to_string()).or_default(),
                item_total,
            ),
            None => add_to(&mut breakdown.without_owner_cents, item_total),
        }
    }
    breakdown
}

/// The yearly cost of the whole model (one-time spread over the useful life plus
/// running per year), with its breakdowns. Includes unscheduled and undated items.
pub fn yearly_cost_breakdown(model: &Model) -> CostBreakdown {
    let useful_life_years = model.settings.useful_life_years;
    build_breakdown(model, |line, _timing| CostSplit {
        one_time_cents: amortized_one_time_cents(line.one_time_cents, useful_life_years),
        running_cents: line.running_cents_per_year,
    })
}

/// The yearly cost of the whole model split into one-time (spread over the useful
/// life) and running: the `total` of [`yearly_cost_breakdown`] without building the
/// breakdowns by category, goal and owner, for views that show only the totals.
pub fn yearly_cost_split(model: &Model) -> CostSplit {
    let useful_life_years = model.settings.useful_life_years;
    let lines = model
        .initiatives
        .iter()
        .flat_map(|initiative| &initiative.cost_lines)
        .chain(
            model
                .spend_items
                .iter()
                .flat_map(|spend_item| &spend_item.cost_lines),
        );
    let mut split = CostSplit::default();
    for line in lines {
        split.one_time_cents = split
            .one_time_cents
            .saturating_add(amortized_one_time_cents(
                line.one_time_cents,
                useful_life_years,
            ));
        split.running_cents = split
            .running_cents
            .saturating_add(line.running_cents_per_year);
    }
    split
}

/// The cost that falls in a quarter: one-time cost of items starting in it and the
/// quarter's share of running cost of items running in it.
pub fn cost_per_quarter(model: &Model, quarter: Quarter) -> QuarterCost {
    let quarter_ordinal = quarter.ordinal();
    let mut quarter_cost = CostSplit::default();
    for item in costed_items(model) {
        for line in item.lines {
            quarter_cost.add(item.timing.line_cost_in_quarter(line, quarter_ordinal));
        }
    }
    quarter_cost
}

/// The cost that falls in a calendar year (the sum of its four quarters), with its
/// breakdowns.
pub fn cost_per_year(model: &Model, year: i32) -> CostBreakdown {
    let first_quarter_ordinal = i64::from(year) * 4;
    build_breakdown(model, |line, timing| {
        timing.line_cost_in_year(line, first_quarter_ordinal)
    })
}

/// What [`cost_per_quarter`] and [`cost_per_year`] leave out because it has no time.
pub fn unplaced_cost(model: &Model) -> UnplacedCost {
    let mut unplaced = UnplacedCost::default();
    for item in costed_items(model) {
        let one_time_unplaced = item.timing.one_time_quarter_ordinal.is_none();
        let running_unplaced = item.timing.running_from == RunningFrom::Never;
        let mut item_unplaced = CostSplit::default();
        for line in item.lines {
            if one_time_unplaced {
                add_to(&mut item_unplaced.one_time_cents, line.one_time_cents);
            }
            if running_unplaced {
                add_to(
                    &mut item_unplaced.running_cents,
                    line.running_cents_per_year,
                );
            }
        }
        if item_unplaced != CostSplit::default() {
            add_to(&mut unplaced.one_time_cents, item_unplaced.one_time_cents);
            add_to(
                &mut unplaced.running_cents_per_year,
                item_unplaced.running_cents,
            );
            unplaced.items.push((item.kind, item.id.to_string()));
        }
    }
    unplaced
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::formulas::test_fixture::*;
    use crate::model::types::CostCategory::{Acquisition, Change, Operation, Security, Training};

    #[test]
    fn yearly_cost_of_a_line_by_hand() {
        // 3,000.00 one-time over 3 years + 1,200.00 running = 2,200.00 per year.
        let line = cost_line("l-1", Acquisition, 300_000, 120_000);
        assert_eq!(yearly_cost_of_line(&line, 3), 220_000);
        assert_eq!(yearly_cost_of_line(&line, 1), 420_000);
    }

    #[test]
    fn one_time_share_is_rounded_half_up_per_line() {
        assert_eq!(amortized_one_time_cents(100, 3), 33); // 33.33
        assert_eq!(amortized_one_time_cents(200, 3), 67); // 66.67
        assert_eq!(amortized_one_time_cents(1, 2), 1); // 0.5 -> 1
        assert_eq!(amortized_one_time_cents(5, 2), 3); // 2.5 -> 3
        assert_eq!(amortized_one_time_cents(-5, 2), -2); // -2.5 -> -2 (up)
        assert_eq!(amortized_one_time_cents(0, 3), 0);
        // Useful life 0 is read as 1 year instead of dividing by zero.
        assert_eq!(amortized_one_time_cents(999, 0), 999);
        // Two lines of 100 cents over 3 years: 33 + 33, the sum of line amounts.
        let lines = [
            cost_line("l-1", Acquisition, 100, 0),
            cost_line("l-2", Training, 100, 0),
        ];
        assert_eq!(yearly_cost_of_lines(&lines, 3), 66);
    }

    #[test]
    fn huge_amounts_saturate_instead_of_panicking() {
        let line = cost_line("l-1", Acquisition, MoneyCents::MAX, MoneyCents::MAX);
        assert_eq!(yearly_cost_of_line(&line, 3), MoneyCents::MAX);
        assert_eq!(
            amortized_one_time_cents(MoneyCents::MAX, 1),
            MoneyCents::MAX
        );
        assert_eq!(
            amortized_one_time_cents(MoneyCents::MIN, 1),
            MoneyCents::MIN
        );
        let mut model = empty_model();
        let mut expensive = scheduled_initiative("i-1", "2026-Q1", 1);
        expensive.cost_lines = vec![line.clone(), line];
        model.initiatives.push(expensive);
        let mut dated = spend_item("s-1");
        dated.start_date = Some(date("2026-01-01"));
        dated.cost_lines = vec![cost_line(
            "l-3",
            Acquisition,
            MoneyCents::MAX,
            MoneyCents::MIN,
        )];
        model.spend_items.push(dated);
        let _ = yearly_cost_breakdown(&model);
        let _ = cost_per_year(&model, 2026);
        let _ = cost_per_quarter(&model, quarter("2026-Q1"));
        let _ = unplaced_cost(&model);
    }

    #[test]
    fn yearly_cost_of_initiative_and_spend_item_uses_the_model_useful_life() {
        let mut model = empty_model();
        model.settings.useful_life_years = 4;
        let mut costed = initiative("i-1", "Costed");
        costed.cost_lines = vec![
            cost_line("l-1", Acquisition, 400_000, 0),
            cost_line("l-2", Operation, 0, 50_000),
        ];
        assert_eq!(yearly_cost_of_initiative(&model, &costed), 150_000);
        let mut spend = spend_item("s-1");
        spend.cost_lines = vec![cost_line("l-3", Operation, 0, 12_000)];
        assert_eq!(yearly_cost_of_spend_item(&model, &spend), 12_000);
    }

    #[test]
    fn running_cost_is_split_into_quarters_that_add_up() {
        let quarters = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"].map(quarter);
        let shares = quarters.map(|each| running_cents_in_quarter(1_003, each));
        assert_eq!(shares, [251, 251, 251, 250]);
        // Any four consecutive quarters add up to the yearly amount.
        let shifted = ["2026-Q3", "2026-Q4", "2027-Q1", "2027-Q2"].map(quarter);
        assert_eq!(
            shifted
                .map(|each| running_cents_in_quarter(1_003, each))
                .iter()
                .sum::<i64>(),
            1_003
        );
        assert_eq!(running_cents_in_quarter(-3, quarters[0]), 0);
        assert_eq!(
            quarters
                .map(|each| running_cents_in_quarter(-3, each))
                .iter()
                .sum::<i64>(),
            -3
        );
    }

    #[test]
    fn initiative_cost_over_time_one_time_at_start_running_after_go_live() {
        let mut model = empty_model();
        let mut project = scheduled_initiative("i-1", "2026-Q2", 2);
        project.cost_lines = vec![cost_line("l-1", Acquisition, 10_000, 4_000)];
        model.initiatives.push(project);
        let cost = |text: &str| cost_per_quarter(&model, quarter(text));
        assert_eq!(cost("2026-Q1"), CostSplit::default());
        assert_eq!(
            cost("2026-Q2"),
            CostSplit {
                one_time_cents: 10_000,
                running_cents: 0
            }
        );
        assert_eq!(cost("2026-Q3"), CostSplit::default(), "still being built");
        assert_eq!(
            cost("2026-Q4"),
            CostSplit {
                one_time_cents: 0,
                running_cents: 1_000
            }
        );
        assert_eq!(
            cost("2030-Q1").running_cents,
            1_000,
            "running cost has no end"
        );
    }

    #[test]
    fn milestone_running_cost_starts_in_the_quarter_after_it() {
        let mut model = empty_model();
        let mut milestone = scheduled_initiative("i-1", "2026-Q4", 0);
        milestone.cost_lines = vec![cost_line("l-1", Acquisition, 10_000, 4_000)];
        model.initiatives.push(milestone);
        assert_eq!(
            cost_per_quarter(&model, quarter("2026-Q4")),
            CostSplit {
                one_time_cents: 10_000,
                running_cents: 0
            }
        );
        assert_eq!(
            cost_per_quarter(&model, quarter("2027-Q1")),
            CostSplit {
                one_time_cents: 0,
                running_cents: 1_000
            }
        );
    }

    #[test]
    fn spend_item_cost_over_time_starts_in_its_start_quarter() {
        let mut model = empty_model();
        let mut dated = spend_item("s-1");
        dated.start_date = Some(date("2026-05-10"));
        dated.cost_lines = vec![cost_line("l-1", Operation, 2_000, 8_000)];
        model.spend_items.push(dated);
        assert_eq!(
            cost_per_quarter(&model, quarter("2026-Q1")),
            CostSplit::default()
        );
        assert_eq!(
            cost_per_quarter(&model, quarter("2026-Q2")),
            CostSplit {
                one_time_cents: 2_000,
                running_cents: 2_000
            }
        );
        assert_eq!(
            cost_per_quarter(&model, quarter("2026-Q3")),
            CostSplit {
                one_time_cents: 0,
                running_cents: 2_000
            }
        );
    }

    #[test]
    fn unscheduled_and_undated_items_follow_the_documented_rule() {
        let mut model = empty_model();
        let mut unscheduled = initiative("i-1", "Unscheduled");
        unscheduled.cost_lines = vec![cost_line("l-1", Acquisition, 30_000, 4_000)];
        model.initiatives.push(unscheduled);
        let mut undated = spend_item("s-1");
        undated.cost_lines = vec![cost_line("l-2", Operation, 5_000, 8_000)];
        model.spend_items.push(undated);
        model
            .initiatives
            .push(initiative("i-2", "Free and unscheduled"));

        // In time: only the undated spend item's running cost, in every quarter.
        assert_eq!(
            cost_per_quarter(&model, quarter("2026-Q1")),
            CostSplit {
                one_time_cents: 0,
                running_cents: 2_000
            }
        );
        assert_eq!(
            cost_per_quarter(&model, quarter("2019-Q3")).running_cents,
            2_000
        );
        let year = cost_per_year(&model, 2026);
        assert_eq!(
            year.total,
            CostSplit {
                one_time_cents: 0,
                running_cents: 8_000
            }
        );

        let unplaced = unplaced_cost(&model);
        assert_eq!(unplaced.one_time_cents, 35_000);
        assert_eq!(unplaced.running_cents_per_year, 4_000);
        assert_eq!(
            unplaced.items,
            vec![
                (CostItemKind::Initiative, "i-1".to_string()),
                (CostItemKind::SpendItem, "s-1".to_string())
            ]
        );

        // In the yearly totals everything counts: 10,000 + 4,000 + 1,667 + 8,000.
        let yearly = yearly_cost_breakdown(&model);
        assert_eq!(
            yearly.total,
            CostSplit {
                one_time_cents: 11_667,
                running_cents: 12_000
            }
        );
    }

    #[test]
    fn a_spend_item_linked_to_an_initiative_does_not_double_its_cost() {
        let mut model = empty_model();
        let mut project = initiative("i-1", "Project");
        project.cost_lines = vec![cost_line("l-1", Change, 0, 10_000)];
        model.initiatives.push(project);
        let mut licence = spend_item("s-1");
        licence.initiative_id = Some("i-1".to_string());
        licence.cost_lines = vec![cost_line("l-2", Operation, 0, 6_000)];
        model.spend_items.push(licence);
        assert_eq!(
            yearly_cost_of_initiative(&model, &model.initiatives[0]),
            10_000
        );
        assert_eq!(
            yearly_cost_of_spend_item(&model, &model.spend_items[0]),
            6_000
        );
        assert_eq!(yearly_cost_breakdown(&model).total.total_cents(), 16_000);
    }

    #[test]
    fn cost_per_year_with_categories_sums_its_quarters() {
        let mut model = empty_model();
        let mut project = scheduled_initiative("i-1", "2026-Q2", 1);
        project.cost_lines = vec![
            cost_line("l-1", Acquisition, 50_000, 0),
            cost_line("l-2", Operation, 0, 12_002),
            cost_line("l-3", Security, 1_000, 400),
        ];
        model.initiatives.push(project);
        // Go-live 2026-Q3: two quarters of running cost in 2026.
        let year = cost_per_year(&model, 2026);
        assert_eq!(year.total.one_time_cents, 51_000);
        assert_eq!(year.total.running_cents, 3_000 + 3_000 + 100 + 100);
        assert_eq!(
            year.by_category[&Acquisition],
            CostSplit {
                one_time_cents: 50_000,
                running_cents: 0
            }
        );
        assert_eq!(year.by_category[&Operation].running_cents, 6_000);
        assert_eq!(
            year.by_category[&Security],
            CostSplit {
                one_time_cents: 1_000,
                running_cents: 200
            }
        );
        assert_eq!(
            year.by_category[&Training],
            CostSplit::default(),
            "every category is listed"
        );
        let quarters_sum: i64 = (1..=4)
            .map(|quarter_of_year| {
                cost_per_quarter(&model, Quarter::new(2026, quarter_of_year).unwrap()).total_cents()
            })
            .sum();
        assert_eq!(quarters_sum, year.total.total_cents());
        // A full year of running cost is exactly the yearly amount.
        assert_eq!(cost_per_year(&model, 2027).total.running_cents, 12_402);
        assert_eq!(cost_per_year(&model, 2025).total, CostSplit::default());
    }

    #[test]
    fn cost_by_goal_is_split_by_contribution_strength_and_adds_up() {
        let mut model = empty_model();
        for goal_id in ["goal-a", "goal-b", "goal-c"] {
            model.goals.push(goal(goal_id, 3));
        }
        let mut project = initiative("i-1", "Project");
        project.goal_contributions = vec![
            contribution("goal-a", 1),
            contribution("goal-b", 2),
            contribution("goal-missing", 3),
        ];
        project.cost_lines = vec![cost_line("l-1", Operation, 0, 100)];
        model.initiatives.push(project);
        // 100 x 1/3 = 33.33 and 100 x 2/3 = 66.67: the leftover cent goes to the
        // larger remainder.
        let yearly = yearly_cost_breakdown(&model);
        assert_eq!(yearly.by_goal["goal-a"], 33);
        assert_eq!(yearly.by_goal["goal-b"], 67);
        assert!(!yearly.by_goal.contains_key("goal-missing"));
        assert_eq!(yearly.without_goal_cents, 0);

        // A spend item's own goals share equally; ties go to the smaller goal id.
        let mut spend = spend_item("s-1");
        spend.goal_ids = vec![
            "goal-c".to_string(),
            "goal-a".to_string(),
            "goal-b".to_string(),
        ];
        spend.cost_lines = vec![cost_line("l-2", Operation, 0, 100)];
        model.spend_items.push(spend);
        let yearly = yearly_cost_breakdown(&model);
        assert_eq!(yearly.by_goal["goal-a"], 33 + 34);
        assert_eq!(yearly.by_goal["goal-b"], 67 + 33);
        assert_eq!(yearly.by_goal["goal-c"], 33);
        assert_eq!(
            yearly.by_goal.values().sum::<i64>(),
            yearly.total.total_cents()
        );
    }

    #[test]
    fn a_spend_item_without_goals_follows_its_initiative_goals_or_has_none() {
        let mut model = empty_model();
        model.goals.push(goal("goal-a", 3));
        model.goals.push(goal("goal-b", 3));
        let mut project = initiative("i-1", "Project");
        project.goal_contributions = vec![contribution("goal-a", 3), contribution("goal-b", 1)];
        model.initiatives.push(project);
        let mut licence = spend_item("s-1");
        licence.initiative_id = Some("i-1".to_string());
        licence.cost_lines = vec![cost_line("l-1", Operation, 0, 1_000)];
        model.spend_items.push(licence);
        let mut loose = spend_item("s-2");
        loose.cost_lines = vec![cost_line("l-2", Operation, 0, 500)];
        model.spend_items.push(loose);
        let yearly = yearly_cost_breakdown(&model);
        assert_eq!(yearly.by_goal["goal-a"], 750);
        assert_eq!(yearly.by_goal["goal-b"], 250);
        assert_eq!(yearly.without_goal_cents, 500);
    }

    #[test]
    fn cost_by_owner_adds_up_with_unowned_cost() {
        let mut model = empty_model();
        model.people.push(person("p-1"));
        let mut owned = initiative("i-1", "Owned");
        owned.owner_id = Some("p-1".to_string());
        owned.cost_lines = vec![cost_line("l-1", Operation, 0, 700)];
        model.initiatives.push(owned);
        let mut dangling_owner = spend_item("s-1");
        dangling_owner.owner_id = Some("p-gone".to_string());
        dangling_owner.cost_lines = vec![cost_line("l-2", Operation, 0, 200)];
        model.spend_items.push(dangling_owner);
        let mut unowned = spend_item("s-2");
        unowned.cost_lines = vec![cost_line("l-3", Operation, 0, 100)];
        model.spend_items.push(unowned);
        let yearly = yearly_cost_breakdown(&model);
        assert_eq!(yearly.by_owner.len(), 1);
        assert_eq!(yearly.by_owner["p-1"], 700);
        assert_eq!(yearly.without_owner_cents, 300);
    }

    #[test]
    fn largest_remainder_split_edge_cases() {
        assert_eq!(split_by_largest_remainder(100, &[]), Vec::<i64>::new());
        assert_eq!(
            split_by_largest_remainder(100, &[("a", 0)]),
            Vec::<i64>::new()
        );
        assert_eq!(
            split_by_largest_remainder(0, &[("a", 1), ("b", 1)]),
            vec![0, 0]
        );
        assert_eq!(
            split_by_largest_remainder(-100, &[("a", 1), ("b", 2)]),
            vec![-33, -67]
        );
        assert_eq!(
            split_by_largest_remainder(2, &[("a", 1), ("b", 1), ("c", 1)]),
            vec![1, 1, 0]
        );
        let shares = split_by_largest_remainder(MoneyCents::MAX, &[("a", 3), ("b", 3), ("c", 1)]);
        assert_eq!(
            shares.iter().map(|share| i128::from(*share)).sum::<i128>(),
            i128::from(MoneyCents::MAX)
        );
    }

    #[test]
    fn the_plain_yearly_split_equals_the_total_of_the_breakdown() {
        for (name, text) in crate::samples::ALL_SAMPLE_TEXTS {
            let model = crate::samples::sample_from_text(text).unwrap();
            assert_eq!(
                yearly_cost_split(&model),
                yearly_cost_breakdown(&model).total,
                "{name}"
            );
        }
    }
}
