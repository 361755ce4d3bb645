//! The automatic roadmap plan: a proposed start quarter for every initiative the plan
//! may move, so that high-priority work finishes early while dependencies, capacity,
//! the WIP limit, pins and the roadmap horizon are respected (DESIGN.md section 3).
//!
//! # Which initiatives the plan moves
//!
//! - **Fixed** initiatives keep their schedule and count against capacity and WIP:
//!   pinned ones with a start, active ones with a start (work that has begun is not
//!   moved) and done ones with a start. Done work counts for load only, not for WIP,
//!   exactly as in [`capacity`](super::capacity).
//! - **Stopped** initiatives are ignored entirely: they use no capacity, are no work
//!   in progress, and a dependency on one is no constraint. A done initiative without a
//!   start is ignored as well, since there is nothing left to schedule.
//! - **Movable** initiatives are ideas and planned ones that are not pinned, and
//!   active ones without a start. A pinned initiative without a start is counted among
//!   the movable ones but reported as unplaceable
//!   ([`UnplaceableReason::PinnedWithoutStart`]): a pin keeps it where it is, which is
//!   nowhere, and the user has to decide.
//!
//! # Load and work in progress
//!
//! They follow [`capacity`](super::capacity) exactly: an initiative occupies the
//! quarters `start ..= start + max(duration, 1) - 1`; its person-days are spread evenly
//! over them (a milestone's all fall in its one quarter); no person-days means no load;
//! a quarter is over capacity when its load exceeds the capacity by more than a
//! millionth of a person-day; WIP counts the occupying initiatives that are neither
//! done nor stopped. A missing capacity or WIP limit is unlimited.
//!
//! A movable initiative may go in a quarter only when, with it, the quarter stays
//! within the capacity and the WIP limit. A quarter that the fixed initiatives alone
//! already overload is reported as a [`PinOverload`] and is simply full for movable
//! work, whatever little that work would add.
//!
//! # Window and dependencies
//!
//! A movable initiative starts at or after the later of the model's planning start
//! and `earliest_start` (the current quarter, passed in from the edge, because the
//! pure core does not read the clock), and its last occupied quarter lies within the
//! horizon (`roadmap_horizon_quarters` quarters from the planning start).
//!
//! An initiative starts only when every dependency has ended: `start >=
//! dependency.start + dependency.duration_quarters`. So a milestone dependency allows
//! the same quarter, and a two-quarter dependency starting in Q1 allows Q3. A done
//! dependency is always satisfied, a stopped one is ignored, and an id that names no
//! initiative is ignored too (validation reports it; the plan must still answer). A
//! dependency on a movable initiative that cannot be placed makes the dependent
//! unplaceable, transitively. A valid model has no dependency cycles, but a hand-made
//! one might: members of a cycle, and everything depending on them, are reported as
//! unplaceable ([`UnplaceableReason::DependsOnUnplaceable`]) instead of looping.
//!
//! # Objective
//!
//! The priority-weighted finish time of DESIGN.md, lower is better: the sum over the
//! movable initiatives of `rank weight x finish quarter index`, where
//!
//! - `n` is the number of movable initiatives (including those that cannot be placed),
//! - the rank is the 1-based position among the movable initiatives in the order of
//!   the ranking passed in (initiatives missing from the ranking come last, by id),
//! - the rank weight is `n - rank + 1`, so the top-ranked initiative weighs most,
//! - the finish quarter index is the 1-based index, counted from the planning start,
//!   of the last occupied quarter (a milestone's own quarter).
//!
//! An initiative the plan cannot place counts as finishing in the quarter just after
//! the horizon (index `horizon + 1`). Without this penalty leaving work out would
//! lower the sum and look better than doing it late, which is the wrong incentive.
//! Fixed initiatives do not count, since no plan can change what they contribute.
//! [`current_plan_objective`] applies the same rule to the schedule the model has now,
//! so the UI can show "before -> after".
//!
//! # Algorithm
//!
//! A serial schedule-generation scheme: the movable initiatives are taken one by one
//! in a priority list, and each is placed at its earliest feasible start (dependencies
//! ended, room for its person-days and a WIP slot in every quarter it occupies, within
//! the window); one that fits nowhere is reported. Before a list is decoded, a
//! dependency inherits the earliest list position of everything waiting for it, and
//! the list is put in an order where dependencies come first. Every schedule in which
//! no initiative can start earlier on its own comes out of some list, and an optimal
//! schedule is among those (leaving work out never pays, because of the penalty), so
//! searching over lists loses nothing.
//!
//! The plan decodes a few candidate lists (rank order; weight per occupied quarter,
//! Smith's rule; weight per share of the scarcer resource, and per share of capacity
//! and WIP slots together; the current schedule's order; earliest possible start),
//! keeps the best and improves it by a bounded local search: it moves an initiative
//! that finishes later than it could, or not at all, to an earlier position in the
//! list, or one ahead of it to behind it, re-decodes, and keeps the change unless the
//! objective gets worse. The moves come from a fixed-seed pseudo-random sequence and
//! the number of decodings is bounded by a work budget that shrinks as the number of
//! initiatives grows, so the answer is the same on every run and a thousand
//! initiatives are planned in milliseconds. The search stops early when every
//! initiative finishes as early as its window and dependencies allow.
//!
//! Because the current schedule's order is one of the candidate lists, a proposal for
//! a model whose movable initiatives already form a feasible schedule within the
//! window is never worse than that schedule.
//!
//! # Reasons
//!
//! A placed initiative says why it does not start earlier: it starts in the window's
//! first quarter, or exactly when a dependency ends, or else the quarter just before
//! its start lacked person-days or a WIP slot when it was placed. Placing more work
//! only fills quarters, so every reason still holds in the finished plan.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::model::id_lookup::IdLookup;
use crate::model::types::{EntityId, Initiative, InitiativeStatus, Model, Quarter};

use super::capacity::{person_days_per_occupied_quarter, roadmap_quarters};
use super::ranking::RankedInitiative;

/// How far the load may exceed the capacity through floating-point rounding alone;
/// the same tolerance as [`capacity`](super::capacity), so a quarter the plan fills
/// exactly is never shown as over capacity there.
const PERSON_DAYS_TOLERANCE: f64 = 1e-6;

/// How many steps (initiative placements and dependency look-ups) the local search
/// may spend in total. Dividing it by the steps of one decoding gives the number of
/// re-decodings, so the search costs about the same for 10 initiatives as for 1,000,
/// and a model with very many dependencies gets fewer re-decodings, not a slower plan.
const SEARCH_WORK_BUDGET: usize = 400_000;

/// The most re-decodings, whatever the budget allows: small plans converge long before.
const MOST_SEARCH_ITERATIONS: usize = 3_000;

/// The search gives up after this many re-decodings in a row without a better plan.
const SEARCH_ITERATIONS_WITHOUT_IMPROVEMENT: usize = 600;

/// How far a nearby move shifts an initiative in the list; every other move may shift
/// it anywhere before it.
const NEARBY_MOVE_SPAN: usize = 6;

/// The fixed seed of the move sequence, so the search is the same on every run.
const SEARCH_SEED: u64 = 0x9e37_79b9_7f4a_7c15;

/// The proposed plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanProposal {
    /// Every movable initiative the plan placed, in ranking order.
    pub placed: Vec<PlannedStart>,
    /// Movable initiatives it could not place within the horizon, in ranking order.
    pub unplaceable: Vec<UnplaceableInitiative>,
    /// Quarters of the horizon that the fixed initiatives alone overload.
    pub pin_overloads: Vec<PinOverload>,
    /// Priority-weighted finish time of this proposal (lower is better).
    pub objective: u64,
}

/// Where the plan puts one movable initiative.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedStart {
    pub initiative_id: EntityId,
    pub previous_start: Option<Quarter>,
    pub start: Quarter,
    pub duration_quarters: u8,
    /// Why it does not start earlier.
    pub reason: PlacementReason,
}

impl PlannedStart {
    /// Whether applying the plan changes this initiative's start.
    pub fn moves(&self) -> bool {
        self.previous_start != Some(self.start)
    }
}

/// Why a placed initiative does not start earlier.
#[derive(Debug, Clone, PartialEq)]
pub enum PlacementReason {
    /// It starts in the first quarter the plan may use.
    EarliestPossible,
    /// It waits for this dependency to end.
    AfterDependency { dependency_id: EntityId },
    /// Earlier quarters lacked the person-days (the last quarter that blocked it).
    CapacityFull { quarter: Quarter },
    /// Earlier quarters had reached the WIP limit (the last quarter that blocked it).
    WipLimitReached { quarter: Quarter },
}

/// A movable initiative the plan could not place.
#[derive(Debug, Clone, PartialEq)]
pub struct UnplaceableInitiative {
    pub initiative_id: EntityId,
    pub reason: UnplaceableReason,
}

/// Why a movable initiative could not be placed.
#[derive(Debug, Clone, PartialEq)]
pub enum UnplaceableReason {
    /// Its person-days per quarter alone exceed the capacity.
    NeedsMoreThanCapacity {
        person_days_per_quarter: f64,
        capacity_person_days: u32,
    },
    /// It is longer than the quarters left between the earliest start and the horizon's end.
    LongerThanHorizon {
        duration_quarters: u8,
        quarters_available: u32,
    },
    /// A dependency could not be placed (or is pinned without a start).
    DependsOnUnplaceable { dependency_id: EntityId },
    /// A dependency ends too late for it to fit before the horizon ends.
    DependencyEndsTooLate { dependency_id: EntityId },
    /// Capacity or WIP limit are taken in every quarter where it could go.
    NoRoomInHorizon,
    /// Pinned but has no start: a pin keeps it where it is, which is nowhere.
    PinnedWithoutStart,
}

/// A quarter of the horizon that the fixed initiatives alone overload.
#[derive(Debug, Clone, PartialEq)]
pub struct PinOverload {
    pub quarter: Quarter,
    pub planned_person_days: f64,
    pub capacity_person_days: Option<u32>,
    pub wip: u32,
    pub wip_limit: Option<u32>,
    pub over_capacity: bool,
    pub over_wip: bool,
}

/// Proposes a start for every movable initiative; see the module documentation for
/// the rules. `ranking` is [`rank_initiatives`](super::ranking::rank_initiatives) of
/// the same model, `earliest_start` the current quarter.
pub fn propose_plan(
    model: &Model,
    ranking: &[RankedInitiative],
    earliest_start: Quarter,
) -> PlanProposal {
    let problem = PlanProblem::new(model, ranking, earliest_start);
    let mut schedule = Schedule::new(problem.movable.len());
    let mut best_order: Vec<usize> = Vec::new();
    let mut best_objective = u64::MAX;
    for seed in problem.seed_lists() {
        let order = problem.processing_order(&seed);
        let objective = problem.decode(&order, &mut schedule, None);
        if objective < best_objective {
            best_objective = objective;
            best_order = order;
        }
    }
    problem.improve(&mut best_order, &mut schedule);
    let mut outcomes: Vec<Option<Outcome>> = vec![None; problem.movable.len()];
    let objective = problem.decode(&best_order, &mut schedule, Some(outcomes.as_mut_slice()));
    problem.proposal(outcomes, objective, &schedule)
}

/// The objective of the model's current schedule, by the same rule as
/// [`PlanProposal::objective`] (for "before -> after" in the UI). A movable initiative
/// without a start, or one that ends after the horizon, counts as finishing just after
/// the horizon; one that ended before the planning start counts as finishing in the
/// first quarter. `earliest_start` is taken for symmetry with [`propose_plan`], so both
/// are called with the same arguments; the current schedule is measured as it stands.
pub fn current_plan_objective(
    model: &Model,
    ranking: &[RankedInitiative],
    _earliest_start: Quarter,
) -> u64 {
    let quarter_count = roadmap_quarters(model).len() as i64;
    let first_ordinal = model.planning_start.ordinal();
    let last_ordinal = first_ordinal + quarter_count - 1;
    let penalty_finish_index = quarter_count as u64 + 1;
    let movable = movable_in_rank_order(model, ranking);
    let count = movable.len() as u64;
    movable
        .iter()
        .enumerate()
        .map(|(position, initiative)| {
            let weight = count.saturating_sub(position as u64);
            let finish_index = initiative
                .start
                .and_then(|start| {
                    let finish = start.ordinal() + occupied_quarter_count(initiative) as i64 - 1;
                    (finish <= last_ordinal).then(|| (finish - first_ordinal + 1).max(1) as u64)
                })
                .unwrap_or(penalty_finish_index);
            weight.saturating_mul(finish_index)
        })
        .fold(0, u64::saturating_add)
}

/// What the plan may do with an initiative.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Stopped, or done without a start: no load, no WIP, no constraint.
    Ignored,
    /// Keeps its schedule and uses capacity (and WIP unless done).
    Fixed,
    /// The plan chooses its start (or reports it, when pinned without a start).
    Movable,
}

fn role_of(initiative: &Initiative) -> Role {
    match (initiative.status, initiative.start) {
        (InitiativeStatus::Stopped, _) | (InitiativeStatus::Done, None) => Role::Ignored,
        (InitiativeStatus::Done | InitiativeStatus::Active, Some(_)) => Role::Fixed,
        (_, Some(_)) if initiative.pinned => Role::Fixed,
        _ => Role::Movable,
    }
}

/// The quarters an initiative occupies: its duration, at least one.
fn occupied_quarter_count(initiative: &Initiative) -> usize {
    usize::from(initiative.duration_quarters.max(1))
}

/// The person-days a movable initiative would put in each quarter it occupies; the
/// rule of [`person_days_per_occupied_quarter`], which answers only for scheduled
/// initiatives, and zero without person-days.
fn person_days_per_quarter_once_placed(initiative: &Initiative) -> f64 {
    initiative.effort_person_days.map_or(0.0, |person_days| {
        f64::from(person_days) / f64::from(initiative.duration_quarters.max(1))
    })
}

/// The movable initiatives in rank order: first as they appear in `ranking`, then
/// those missing from it by id (and by position in the model for repeated ids, so
/// the order is total).
fn movable_in_rank_order<'model>(
    model: &'model Model,
    ranking: &[RankedInitiative],
) -> Vec<&'model Initiative> {
    let ranking_positions = IdLookup::new(
        ranking
            .iter()
            .enumerate()
            .map(|(position, ranked)| (ranked.initiative_id.as_str(), position))
            .collect(),
    );
    let mut movable: Vec<(usize, usize, &Initiative)> = model
        .initiatives
        .iter()
        .enumerate()
        .filter(|(_, initiative)| role_of(initiative) == Role::Movable)
        .map(|(model_index, initiative)| {
            let position = ranking_positions.get(&initiative.id).unwrap_or(usize::MAX);
            (position, model_index, initiative)
        })
        .collect();
    movable.sort_by(|left, right| {
        left.0
            .cmp(&right.0)
            .then_with(|| left.2.id.cmp(&right.2.id))
            .then_with(|| left.1.cmp(&right.1))
    });
    movable
        .into_iter()
        .map(|(_, _, initiative)| initiative)
        .collect()
}

/// The quarters of the roadmap and the window movable work may use, as indices into
/// the horizon (0 is the planning start).
struct Horizon {
    quarters: Vec<Quarter>,
    first_ordinal: i64,
    /// The first quarter index a movable initiative may start in; the number of
    /// quarters when the window lies beyond the horizon.
    window_start: usize,
}

impl Horizon {
    fn new(model: &Model, earliest_start: Quarter) -> Horizon {
        let quarters = roadmap_quarters(model);
        let first_ordinal = model.planning_start.ordinal();
        let window_ordinal = first_ordinal.max(earliest_start.ordinal());
        let window_start = usize::try_from(window_ordinal - first_ordinal)
            .unwrap_or(usize::MAX)
            .min(quarters.len());
        Horizon {
            quarters,
            first_ordinal,
            window_start,
        }
    }

    fn len(&self) -> usize {
        self.quarters.len()
    }

    fn quarters_available(&self) -> usize {
        self.len().saturating_sub(self.window_start)
    }

    /// The finish quarter index an unplaced initiative counts with.
    fn penalty_finish_index(&self) -> u64 {
        self.len() as u64 + 1
    }
}

/// One dependency of a movable initiative that constrains it.
#[derive(Clone, Copy)]
enum DependencyLink<'model> {
    /// On a movable initiative, by its position in rank order.
    OnMovable {
        movable_position: usize,
        id: &'model str,
    },
    /// On a fixed initiative that is not done: the quarter index it allows.
    OnFixed { ends: i64, id: &'model str },
}

impl<'model> DependencyLink<'model> {
    fn id(&self) -> &'model str {
        match self {
            DependencyLink::OnMovable { id, .. } | DependencyLink::OnFixed { id, .. } => id,
        }
    }
}

/// What the structural pass (before any placement) found for a movable initiative.
#[derive(Clone)]
enum Structural {
    /// Not reached yet: part of a dependency cycle or behind one.
    Unresolved,
    /// It may be placed; the decoder decides.
    Candidate,
    /// It cannot be placed by any plan.
    Unplaceable(UnplaceableReason),
}

/// What a decoding did with a candidate.
#[derive(Clone)]
enum Outcome {
    Placed {
        start: usize,
        reason: PlacementReason,
    },
    Unplaceable(UnplaceableReason),
}

/// The loads while a list is decoded, and the start each candidate got (by its
/// position in rank order; `None` when it did not fit).
struct Schedule {
    load: Vec<f64>,
    wip: Vec<u32>,
    start: Vec<Option<usize>>,
}

impl Schedule {
    fn new(movable_count: usize) -> Schedule {
        Schedule {
            load: Vec::new(),
            wip: Vec::new(),
            start: vec![None; movable_count],
        }
    }
}

/// Everything about the plan that does not depend on the order the initiatives are
/// placed in, computed once. Movable initiatives are numbered by their position in
/// rank order throughout.
struct PlanProblem<'model> {
    horizon: Horizon,
    capacity_person_days: Option<u32>,
    wip_limit: Option<u32>,
    fixed_load: Vec<f64>,
    fixed_wip: Vec<u32>,
    pin_over_capacity: Vec<bool>,
    pin_over_wip: Vec<bool>,
    movable: Vec<&'model Initiative>,
    links: Vec<Vec<DependencyLink<'model>>>,
    weight: Vec<u64>,
    occupied: Vec<usize>,
    /// The raw duration (0 for a milestone): when a dependent may start after it.
    duration: Vec<usize>,
    person_days: Vec<f64>,
    /// The last start that keeps the initiative within the horizon.
    latest_start: Vec<usize>,
    /// The earliest start allowed by the window and the fixed dependencies.
    static_earliest_start: Vec<usize>,
    /// The earliest start allowed by the window and all dependencies, ignoring
    /// capacity and WIP: a lower bound for any plan.
    earliest_start_ignoring_resources: Vec<usize>,
    structural: Vec<Structural>,
    /// Movable dependencies of each candidate (compressed rows by position).
    dependency_offsets: Vec<usize>,
    dependency_targets: Vec<usize>,
    dependent_offsets: Vec<usize>,
    dependent_targets: Vec<usize>,
    /// The candidates in an order where every dependency comes first.
    candidates_topological: Vec<usize>,
    /// The objective of the initiatives no plan can place.
    structural_penalty: u64,
    /// No plan has a lower objective than this.
    lower_bound: u64,
}

/// Compressed rows: `targets[offsets[row]..offsets[row + 1]]` are the row's entries.
fn compressed_rows(rows: &[Vec<usize>]) -> (Vec<usize>, Vec<usize>) {
    let mut offsets = Vec::with_capacity(rows.len() + 1);
    let mut targets = Vec::new();
    offsets.push(0);
    for row in rows {
        targets.extend_from_slice(row);
        offsets.push(targets.len());
    }
    (offsets, targets)
}

fn compressed_row<'rows>(offsets: &[usize], targets: &'rows [usize], row: usize) -> &'rows [usize] {
    let (Some(&first), Some(&end)) = (offsets.get(row), offsets.get(row + 1)) else {
        return &[];
    };
    targets.get(first..end).unwrap_or(&[])
}

impl<'model> PlanProblem<'model> {
    fn new(
        model: &'model Model,
        ranking: &[RankedInitiative],
        earliest_start: Quarter,
    ) -> PlanProblem<'model> {
        let horizon = Horizon::new(model, earliest_start);
        let quarter_count = horizon.len();
        let mut problem = PlanProblem {
            capacity_person_days: model.settings.capacity_person_days_per_quarter,
            wip_limit: model.settings.wip_limit,
            fixed_load: vec![0.0; quarter_count],
            fixed_wip: vec![0; quarter_count],
            pin_over_capacity: vec![false; quarter_count],
            pin_over_wip: vec![false; quarter_count],
            movable: movable_in_rank_order(model, ranking),
            links: Vec::new(),
            weight: Vec::new(),
            occupied: Vec::new(),
            duration: Vec::new(),
            person_days: Vec::new(),
            latest_start: Vec::new(),
            static_earliest_start: Vec::new(),
            earliest_start_ignoring_resources: Vec::new(),
            structural: Vec::new(),
            dependency_offsets: Vec::new(),
            dependency_targets: Vec::new(),
            dependent_offsets: Vec::new(),
            dependent_targets: Vec::new(),
            candidates_topological: Vec::new(),
            structural_penalty: 0,
            lower_bound: 0,
            horizon,
        };
        problem.add_fixed_load(model);
        problem.describe_movable();
        problem.link_dependencies(model);
        problem.resolve_structure();
        problem
    }

    /// The load and WIP of the fixed initiatives in each horizon quarter, summed in
    /// model order as [`capacity`](super::capacity) does, and which quarters they
    /// overload on their own.
    fn add_fixed_load(&mut self, model: &Model) {
        let quarter_count = self.horizon.len() as i64;
        for initiative in &model.initiatives {
            if role_of(initiative) != Role::Fixed {
                continue;
            }
            let Some(start) = initiative.start else {
                continue;
            };
            let per_quarter = person_days_per_occupied_quarter(initiative).unwrap_or(0.0);
            let counts_for_wip = initiative.status != InitiativeStatus::Done;
            let first = start.ordinal() - self.horizon.first_ordinal;
            let last = first + occupied_quarter_count(initiative) as i64 - 1;
            for index in first.max(0)..=last.min(quarter_count - 1) {
                let Ok(index) = usize::try_from(index) else {
                    continue;
                };
                if let Some(load) = self.fixed_load.get_mut(index) {
                    *load += per_quarter;
                }
                if let (true, Some(wip)) = (counts_for_wip, self.fixed_wip.get_mut(index)) {
                    *wip = wip.saturating_add(1);
                }
            }
        }
        let capacity_limit = self
            .capacity_person_days
            .map(|capacity| f64::from(capacity) + PERSON_DAYS_TOLERANCE);
        for (index, load) in self.fixed_load.iter().enumerate() {
            if let Some(over) = self.pin_over_capacity.get_mut(index) {
                *over = capacity_limit.is_some_and(|limit| *load > limit);
            }
        }
        for (index, wip) in self.fixed_wip.iter().enumerate() {
            if let Some(over) = self.pin_over_wip.get_mut(index) {
                *over = self.wip_limit.is_some_and(|limit| *wip > limit);
            }
        }
    }

    /// Weight, size and load of every movable initiative.
    fn describe_movable(&mut self) {
        let count = self.movable.len();
        for (position, initiative) in self.movable.iter().enumerate() {
            let occupied = occupied_quarter_count(initiative);
            self.weight.push((count - position) as u64);
            self.occupied.push(occupied);
            self.duration
                .push(usize::from(initiative.duration_quarters));
            self.person_days
                .push(person_days_per_quarter_once_placed(initiative));
            self.latest_start
                .push(self.horizon.len().saturating_sub(occupied));
        }
    }

    /// The dependencies that constrain each movable initiative, in the order the
    /// initiative lists them.
    fn link_dependencies(&mut self, model: &'model Model) {
        let model_index_by_id = IdLookup::new(
            model
                .initiatives
                .iter()
                .enumerate()
                .map(|(model_index, initiative)| (initiative.id.as_str(), model_index))
                .collect(),
        );
        let movable_position_by_id = IdLookup::new(
            self.movable
                .iter()
                .enumerate()
                .map(|(position, initiative)| (initiative.id.as_str(), position))
                .collect(),
        );
        let first_ordinal = self.horizon.first_ordinal;
        self.links = self
            .movable
            .iter()
            .map(|initiative| {
                let mut links = Vec::new();
                for dependency_id in &initiative.depends_on_ids {
                    let dependency = model_index_by_id
                        .get(dependency_id)
                        .and_then(|model_index| model.initiatives.get(model_index));
                    let Some(dependency) = dependency else {
                        continue;
                    };
                    let id = dependency.id.as_str();
                    match (role_of(dependency), dependency.status, dependency.start) {
                        (Role::Movable, _, _) => {
                            if let Some(movable_position) = movable_position_by_id.get(id) {
                                links.push(DependencyLink::OnMovable {
                                    movable_position,
                                    id,
                                });
                            }
                        }
                        (Role::Fixed, status, Some(start)) if status != InitiativeStatus::Done => {
                            let ends = start.ordinal() + i64::from(dependency.duration_quarters)
                                - first_ordinal;
                            links.push(DependencyLink::OnFixed { ends, id });
                        }
                        _ => {}
                    }
                }
                links
            })
            .collect();
    }

    /// Why an initiative cannot be placed whatever the others do, looking at it alone.
    fn intrinsic_reason(&self, position: usize) -> Option<UnplaceableReason> {
        let initiative = self.movable.get(position)?;
        if initiative.pinned && initiative.start.is_none() {
            return Some(UnplaceableReason::PinnedWithoutStart);
        }
        let person_days = self.person_days.get(position).copied().unwrap_or(0.0);
        if let Some(capacity) = self.capacity_person_days {
            if person_days > f64::from(capacity) + PERSON_DAYS_TOLERANCE {
                return Some(UnplaceableReason::NeedsMoreThanCapacity {
                    person_days_per_quarter: person_days,
                    capacity_person_days: capacity,
                });
            }
        }
        let available = self.horizon.quarters_available();
        if occupied_quarter_count(initiative) > available {
            return Some(UnplaceableReason::LongerThanHorizon {
                duration_quarters: initiative.duration_quarters,
                quarters_available: u32::try_from(available).unwrap_or(u32::MAX),
            });
        }
        None
    }

    /// Decides, in an order where dependencies come first, which movable initiatives
    /// no plan can place (on their own, behind an unplaceable dependency, behind a
    /// dependency that ends too late even at its earliest, or in a cycle), and sets up
    /// the dependency rows, bounds and penalties of the rest.
    fn resolve_structure(&mut self) {
        let count = self.movable.len();
        let window_start = self.horizon.window_start;
        let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); count];
        let mut waiting_for: Vec<usize> = vec![0; count];
        for (position, links) in self.links.iter().enumerate() {
            for link in links {
                if let DependencyLink::OnMovable {
                    movable_position, ..
                } = link
                {
                    if let Some(row) = dependents.get_mut(*movable_position) {
                        row.push(position);
                    }
                    if let Some(waiting) = waiting_for.get_mut(position) {
                        *waiting += 1;
                    }
                }
            }
        }
        self.structural = vec![Structural::Unresolved; count];
        self.static_earliest_start = vec![window_start; count];
        self.earliest_start_ignoring_resources = vec![window_start; count];
        let mut ready: BinaryHeap<Reverse<usize>> = waiting_for
            .iter()
            .enumerate()
            .filter(|(_, waiting)| **waiting == 0)
            .map(|(position, _)| Reverse(position))
            .collect();
        while let Some(Reverse(position)) = ready.pop() {
            let resolved = self.resolve_one(position);
            if matches!(resolved, Structural::Candidate) {
                self.candidates_topological.push(position);
            }
            if let Some(slot) = self.structural.get_mut(position) {
                *slot = resolved;
            }
            for dependent in dependents.get(position).map_or(&[][..], Vec::as_slice) {
                if let Some(waiting) = waiting_for.get_mut(*dependent) {
                    *waiting = waiting.saturating_sub(1);
                    if *waiting == 0 {
                        ready.push(Reverse(*dependent));
                    }
                }
            }
        }
        // What the pass never reached waits, directly or not, on a dependency cycle.
        for position in 0..count {
            if !matches!(self.structural.get(position), Some(Structural::Unresolved)) {
                continue;
            }
            let blocking_id = self
                .links
                .get(position)
                .into_iter()
                .flatten()
                .find_map(|link| match link {
                    DependencyLink::OnMovable {
                        movable_position,
                        id,
                    } if !matches!(
                        self.structural.get(*movable_position),
                        Some(Structural::Candidate)
                    ) =>
                    {
                        Some(*id)
                    }
                    _ => None,
                })
                .or_else(|| self.movable.get(position).map(|own| own.id.as_str()))
                .unwrap_or_default();
            if let Some(slot) = self.structural.get_mut(position) {
                *slot = Structural::Unplaceable(UnplaceableReason::DependsOnUnplaceable {
                    dependency_id: blocking_id.to_string(),
                });
            }
        }
        self.build_candidate_rows();
        let penalty = self.horizon.penalty_finish_index();
        for (position, structural) in self.structural.iter().enumerate() {
            let weight = self.weight.get(position).copied().unwrap_or(0);
            let finish_index = match structural {
                Structural::Candidate => {
                    let earliest = self
                        .earliest_start_ignoring_resources
                        .get(position)
                        .copied()
                        .unwrap_or(0);
                    let occupied = self.occupied.get(position).copied().unwrap_or(1);
                    (earliest + occupied) as u64
                }
                Structural::Unresolved | Structural::Unplaceable(_) => {
                    self.structural_penalty = self
                        .structural_penalty
                        .saturating_add(weight.saturating_mul(penalty));
                    penalty
                }
            };
            self.lower_bound = self
                .lower_bound
                .saturating_add(weight.saturating_mul(finish_index));
        }
    }

    /// The structural verdict on one initiative whose movable dependencies all have one.
    fn resolve_one(&mut self, position: usize) -> Structural {
        if let Some(reason) = self.intrinsic_reason(position) {
            return Structural::Unplaceable(reason);
        }
        let links = self.links.get(position).map_or(&[][..], Vec::as_slice);
        let unplaceable_dependency = links.iter().find_map(|link| match link {
            DependencyLink::OnMovable {
                movable_position,
                id,
            } if !matches!(
                self.structural.get(*movable_position),
                Some(Structural::Candidate)
            ) =>
            {
                Some(*id)
            }
            _ => None,
        });
        if let Some(dependency_id) = unplaceable_dependency {
            return Structural::Unplaceable(UnplaceableReason::DependsOnUnplaceable {
                dependency_id: dependency_id.to_string(),
            });
        }
        let window_start = self.horizon.window_start as i64;
        let mut static_bound = window_start;
        let mut bound = window_start;
        let mut binding_id: Option<&str> = None;
        for link in links {
            let ends = match link {
                DependencyLink::OnFixed { ends, .. } => {
                    static_bound = static_bound.max(*ends);
                    *ends
                }
                DependencyLink::OnMovable {
                    movable_position, ..
                } => {
                    let earliest = self
                        .earliest_start_ignoring_resources
                        .get(*movable_position)
                        .copied()
                        .unwrap_or(0);
                    let duration = self.duration.get(*movable_position).copied().unwrap_or(0);
                    (earliest + duration) as i64
                }
            };
            if ends > bound {
                bound = ends;
                binding_id = Some(link.id());
            }
        }
        let latest_start = self.latest_start.get(position).copied().unwrap_or(0) as i64;
        if bound > latest_start {
            return Structural::Unplaceable(match binding_id {
                Some(id) => UnplaceableReason::DependencyEndsTooLate {
                    dependency_id: id.to_string(),
                },
                None => UnplaceableReason::NoRoomInHorizon,
            });
        }
        // Both bounds lie between the window start and the latest start here.
        if let Some(slot) = self.static_earliest_start.get_mut(position) {
            *slot = usize::try_from(static_bound).unwrap_or(0);
        }
        if let Some(slot) = self.earliest_start_ignoring_resources.get_mut(position) {
            *slot = usize::try_from(bound).unwrap_or(0);
        }
        Structural::Candidate
    }

    /// The movable dependencies of each candidate and the reverse, as compressed rows.
    fn build_candidate_rows(&mut self) {
        let count = self.movable.len();
        let mut dependencies: Vec<Vec<usize>> = vec![Vec::new(); count];
        let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); count];
        for &position in &self.candidates_topological {
            for link in self.links.get(position).into_iter().flatten() {
                if let DependencyLink::OnMovable {
                    movable_position, ..
                } = link
                {
                    if let Some(row) = dependencies.get_mut(position) {
                        row.push(*movable_position);
                    }
                    if let Some(row) = dependents.get_mut(*movable_position) {
                        row.push(position);
                    }
                }
            }
        }
        (self.dependency_offsets, self.dependency_targets) = compressed_rows(&dependencies);
        (self.dependent_offsets, self.dependent_targets) = compressed_rows(&dependents);
    }

    fn dependencies_of(&self, position: usize) -> &[usize] {
        compressed_row(&self.dependency_offsets, &self.dependency_targets, position)
    }

    fn dependents_of(&self, position: usize) -> &[usize] {
        compressed_row(&self.dependent_offsets, &self.dependent_targets, position)
    }

    /// The candidate lists the search starts from, each a permutation of the
    /// candidates (dependencies need not come first; see [`Self::processing_order`]).
    fn seed_lists(&self) -> Vec<Vec<usize>> {
        let mut rank_order = self.candidates_topological.clone();
        rank_order.sort_unstable();
        let weight = |position: usize| u128::from(self.weight.get(position).copied().unwrap_or(0));
        let occupied = |position: usize| self.occupied.get(position).copied().unwrap_or(1) as u128;

        // Smith's rule: weight per occupied quarter, higher first.
        let mut per_quarter = rank_order.clone();
        per_quarter.sort_by(|&left, &right| {
            (weight(right) * occupied(left))
                .cmp(&(weight(left) * occupied(right)))
                .then(left.cmp(&right))
        });

        // Weight per share of the resources it uses over its quarters: the scarcer of
        // capacity and WIP slots, or both together.
        let density = |position: usize, both_together: bool| {
            let capacity_share = self
                .capacity_person_days
                .filter(|capacity| *capacity > 0)
                .map_or(0.0, |capacity| {
                    self.person_days.get(position).copied().unwrap_or(0.0) / f64::from(capacity)
                });
            let wip_share = self
                .wip_limit
                .filter(|limit| *limit > 0)
                .map_or(0.0, |limit| 1.0 / f64::from(limit));
            let share = if self.capacity_person_days.is_none() && self.wip_limit.is_none() {
                1.0
            } else if both_together {
                (capacity_share + wip_share).max(1e-9)
            } else {
                capacity_share.max(wip_share).max(1e-9)
            };
            weight(position) as f64 / (occupied(position) as f64 * share)
        };
        let by_density = |both_together: bool| {
            let mut list = rank_order.clone();
            list.sort_by(|&left, &right| {
                density(right, both_together)
                    .total_cmp(&density(left, both_together))
                    .then(left.cmp(&right))
            });
            list
        };
        let per_scarcer_resource = by_density(false);
        let per_both_resources = by_density(true);

        // The current schedule's order, where it is a feasible one, then the rest.
        let current_start = |position: usize| {
            let start = self
                .movable
                .get(position)
                .and_then(|initiative| initiative.start)
                .map(|start| start.ordinal() - self.horizon.first_ordinal);
            let window_start = self.horizon.window_start as i64;
            let latest_start = self.latest_start.get(position).copied().unwrap_or(0) as i64;
            start
                .filter(|start| (window_start..=latest_start).contains(start))
                .unwrap_or(i64::MAX)
        };
        let mut current = rank_order.clone();
        current.sort_by_key(|&position| (current_start(position), position));

        let mut earliest = rank_order.clone();
        earliest.sort_by_key(|&position| {
            let start = self
                .earliest_start_ignoring_resources
                .get(position)
                .copied()
                .unwrap_or(0);
            (start, position)
        });

        vec![
            rank_order,
            per_quarter,
            per_scarcer_resource,
            per_both_resources,
            current,
            earliest,
        ]
    }

    /// Turns a list into one where every dependency comes before its dependents,
    /// keeping the list's priorities: a dependency inherits the earliest list position
    /// of everything that waits for it, and among the initiatives whose dependencies
    /// are all placed the one with the earliest (inherited, then own) position goes
    /// next.
    fn processing_order(&self, list: &[usize]) -> Vec<usize> {
        let count = self.movable.len();
        let mut list_position = vec![usize::MAX; count];
        for (index, &position) in list.iter().enumerate() {
            if let Some(slot) = list_position.get_mut(position) {
                *slot = index;
            }
        }
        let mut urgency = list_position.clone();
        for &position in self.candidates_topological.iter().rev() {
            let own = urgency.get(position).copied().unwrap_or(usize::MAX);
            for &dependency in self.dependencies_of(position) {
                if let Some(slot) = urgency.get_mut(dependency) {
                    *slot = (*slot).min(own);
                }
            }
        }
        let key = |position: usize| {
            Reverse((
                urgency.get(position).copied().unwrap_or(usize::MAX),
                list_position.get(position).copied().unwrap_or(usize::MAX),
                position,
            ))
        };
        let mut waiting_for: Vec<usize> = (0..count)
            .map(|position| self.dependencies_of(position).len())
            .collect();
        let mut ready: BinaryHeap<_> = self
            .candidates_topological
            .iter()
            .filter(|&&position| self.dependencies_of(position).is_empty())
            .map(|&position| key(position))
            .collect();
        let mut order = Vec::with_capacity(self.candidates_topological.len());
        while let Some(Reverse((_, _, position))) = ready.pop() {
            order.push(position);
            for &dependent in self.dependents_of(position) {
                if let Some(waiting) = waiting_for.get_mut(dependent) {
                    *waiting = waiting.saturating_sub(1);
                    if *waiting == 0 {
                        ready.push(key(dependent));
                    }
                }
            }
        }
        order
    }

    /// Whether a quarter has room for one more movable initiative with these
    /// person-days per quarter.
    fn fits(&self, schedule: &Schedule, quarter: usize, person_days: f64) -> bool {
        let pinned_over = self.pin_over_capacity.get(quarter).copied().unwrap_or(true)
            || self.pin_over_wip.get(quarter).copied().unwrap_or(true);
        if pinned_over {
            return false;
        }
        let capacity_room = match (self.capacity_person_days, schedule.load.get(quarter)) {
            (Some(capacity), Some(load)) => {
                load + person_days <= f64::from(capacity) + PERSON_DAYS_TOLERANCE
            }
            (None, Some(_)) => true,
            (_, None) => false,
        };
        let wip_room = match (self.wip_limit, schedule.wip.get(quarter)) {
            (Some(limit), Some(wip)) => *wip < limit,
            (None, Some(_)) => true,
            (_, None) => false,
        };
        capacity_room && wip_room
    }

    /// The earliest start of a candidate at its turn: its dependencies placed and
    /// ended, and room in every quarter it occupies; `None` when there is none.
    fn find_start(&self, schedule: &Schedule, position: usize) -> Option<usize> {
        let mut lower = self.static_earliest_start.get(position).copied()?;
        for &dependency in self.dependencies_of(position) {
            let dependency_start = schedule.start.get(dependency).copied().flatten()?;
            let duration = self.duration.get(dependency).copied()?;
            lower = lower.max(dependency_start + duration);
        }
        let needed = self.occupied.get(position).copied()?;
        let person_days = self.person_days.get(position).copied()?;
        let mut run = 0;
        for quarter in lower..self.horizon.len() {
            if self.fits(schedule, quarter, person_days) {
                run += 1;
                if run == needed {
                    return Some(quarter + 1 - needed);
                }
            } else {
                run = 0;
            }
        }
        None
    }

    /// Places the candidates in `order` one by one and returns the objective. With
    /// `outcomes`, also records why each lies where it lies.
    fn decode(
        &self,
        order: &[usize],
        schedule: &mut Schedule,
        mut outcomes: Option<&mut [Option<Outcome>]>,
    ) -> u64 {
        schedule.load.clear();
        schedule.load.extend_from_slice(&self.fixed_load);
        schedule.wip.clear();
        schedule.wip.extend_from_slice(&self.fixed_wip);
        let penalty = self.horizon.penalty_finish_index();
        let mut objective = self.structural_penalty;
        for &position in order {
            let start = self.find_start(schedule, position);
            let occupied = self.occupied.get(position).copied().unwrap_or(1);
            let weight = self.weight.get(position).copied().unwrap_or(0);
            let finish_index = match start {
                Some(start) => {
                    let person_days = self.person_days.get(position).copied().unwrap_or(0.0);
                    for quarter in start..start + occupied {
                        if let Some(load) = schedule.load.get_mut(quarter) {
                            *load += person_days;
                        }
                        if let Some(wip) = schedule.wip.get_mut(quarter) {
                            *wip = wip.saturating_add(1);
                        }
                    }
                    (start + occupied) as u64
                }
                None => penalty,
            };
            objective = objective.saturating_add(weight.saturating_mul(finish_index));
            if let Some(slot) = schedule.start.get_mut(position) {
                *slot = start;
            }
            if let Some(slot) = outcomes
                .as_deref_mut()
                .and_then(|outcomes| outcomes.get_mut(position))
            {
                *slot = Some(self.explain(schedule, position, start));
            }
        }
        objective
    }

    /// The latest end of a placed candidate's dependencies (at least the window start)
    /// and the dependency that sets it (the first listed among equals).
    fn binding_dependency(&self, schedule: &Schedule, position: usize) -> (usize, Option<&str>) {
        let mut bound = self.horizon.window_start as i64;
        let mut binding_id = None;
        for link in self.links.get(position).into_iter().flatten() {
            let ends = match link {
                DependencyLink::OnFixed { ends, .. } => *ends,
                DependencyLink::OnMovable {
                    movable_position, ..
                } => {
                    let start = schedule
                        .start
                        .get(*movable_position)
                        .copied()
                        .flatten()
                        .unwrap_or(0);
                    let duration = self.duration.get(*movable_position).copied().unwrap_or(0);
                    (start + duration) as i64
                }
            };
            if ends > bound {
                bound = ends;
                binding_id = Some(link.id());
            }
        }
        (usize::try_from(bound).unwrap_or(0), binding_id)
    }

    /// The first listed movable dependency the decoding left unplaced.
    fn first_unplaced_dependency(&self, schedule: &Schedule, position: usize) -> Option<&str> {
        self.links
            .get(position)
            .into_iter()
            .flatten()
            .find_map(|link| match link {
                DependencyLink::OnMovable {
                    movable_position,
                    id,
                } if schedule
                    .start
                    .get(*movable_position)
                    .copied()
                    .flatten()
                    .is_none() =>
                {
                    Some(*id)
                }
                _ => None,
            })
    }

    /// Why a candidate lies where the decoding put it (or could not put it). Loads
    /// only grow while decoding, so what blocked it at its turn still blocks it in the
    /// finished plan.
    fn explain(&self, schedule: &Schedule, position: usize, start: Option<usize>) -> Outcome {
        let Some(start) = start else {
            let unplaced_dependency = self.first_unplaced_dependency(schedule, position);
            if let Some(id) = unplaced_dependency {
                return Outcome::Unplaceable(UnplaceableReason::DependsOnUnplaceable {
                    dependency_id: id.to_string(),
                });
            }
            let (bound, binding_id) = self.binding_dependency(schedule, position);
            let latest_start = self.latest_start.get(position).copied().unwrap_or(0);
            return Outcome::Unplaceable(match binding_id {
                Some(id) if bound > latest_start => UnplaceableReason::DependencyEndsTooLate {
                    dependency_id: id.to_string(),
                },
                _ => UnplaceableReason::NoRoomInHorizon,
            });
        };
        let reason = if start <= self.horizon.window_start {
            PlacementReason::EarliestPossible
        } else {
            match self.binding_dependency(schedule, position) {
                (bound, Some(id)) if bound == start => PlacementReason::AfterDependency {
                    dependency_id: id.to_string(),
                },
                // The start before this one failed, and every quarter but its first is
                // also occupied from this start, which fits: its first quarter blocked it.
                _ => self.blocking_reason(schedule, position, start - 1),
            }
        };
        Outcome::Placed { start, reason }
    }

    /// Whether capacity or the WIP limit kept a candidate out of a quarter (capacity
    /// when both did).
    fn blocking_reason(
        &self,
        schedule: &Schedule,
        position: usize,
        quarter_index: usize,
    ) -> PlacementReason {
        let Some(quarter) = self.horizon.quarters.get(quarter_index).copied() else {
            return PlacementReason::EarliestPossible;
        };
        let pinned_over_capacity = self
            .pin_over_capacity
            .get(quarter_index)
            .copied()
            .unwrap_or(false);
        let pinned_over_wip = self
            .pin_over_wip
            .get(quarter_index)
            .copied()
            .unwrap_or(false);
        let capacity_short = match (self.capacity_person_days, schedule.load.get(quarter_index)) {
            (Some(capacity), Some(load)) => {
                let person_days = self.person_days.get(position).copied().unwrap_or(0.0);
                load + person_days > f64::from(capacity) + PERSON_DAYS_TOLERANCE
            }
            _ => false,
        };
        if pinned_over_capacity || (!pinned_over_wip && capacity_short) {
            PlacementReason::CapacityFull { quarter }
        } else {
            PlacementReason::WipLimitReached { quarter }
        }
    }

    /// The positions in `order` of the candidates that finish later than their
    /// window and dependencies would allow, or not at all, in the last decoding.
    fn late_positions(&self, order: &[usize], schedule: &Schedule) -> Vec<usize> {
        order
            .iter()
            .enumerate()
            .filter(|(_, &position)| {
                let earliest = self.earliest_start_ignoring_resources.get(position);
                let start = schedule.start.get(position).copied().flatten();
                match (start, earliest) {
                    (Some(start), Some(earliest)) => start > *earliest,
                    _ => true,
                }
            })
            .map(|(index, _)| index)
            .collect()
    }

    /// Whether moving the entry at `from` to `to` keeps every dependency before its
    /// dependents, given where each candidate stands (`list_position`).
    fn move_keeps_dependencies(
        &self,
        order: &[usize],
        list_position: &[usize],
        from: usize,
        to: usize,
    ) -> bool {
        let Some(&moved) = order.get(from) else {
            return false;
        };
        let position_of = |candidate: usize| list_position.get(candidate).copied();
        if to < from {
            self.dependencies_of(moved)
                .iter()
                .all(|&dependency| position_of(dependency).is_some_and(|index| index < to))
        } else {
            self.dependents_of(moved)
                .iter()
                .all(|&dependent| position_of(dependent).is_some_and(|index| index > to))
        }
    }

    /// The bounded local search described in the module documentation. `order` is the
    /// best list so far; it is replaced by an at least as good one.
    fn improve(&self, order: &mut [usize], schedule: &mut Schedule) {
        let count = order.len();
        if count < 2 {
            return;
        }
        let mut best = self.decode(order, schedule, None);
        let steps_per_decoding = count + self.dependency_targets.len();
        let iterations = (SEARCH_WORK_BUDGET / steps_per_decoding).min(MOST_SEARCH_ITERATIONS);
        let mut list_position = vec![usize::MAX; self.movable.len()];
        for (index, &position) in order.iter().enumerate() {
            if let Some(slot) = list_position.get_mut(position) {
                *slot = index;
            }
        }
        let mut late = self.late_positions(order, schedule);
        let mut moves = MoveSequence::new(SEARCH_SEED);
        let mut since_improvement = 0;
        for _ in 0..iterations {
            if best <= self.lower_bound
                || since_improvement >= SEARCH_ITERATIONS_WITHOUT_IMPROVEMENT
            {
                break;
            }
            since_improvement += 1;
            let Some(&late_index) = late.get(moves.below(late.len())) else {
                break;
            };
            if late_index == 0 {
                continue;
            }
            let span = if moves.coin() {
                late_index.min(NEARBY_MOVE_SPAN)
            } else {
                late_index
            };
            let other_index = late_index - 1 - moves.below(span);
            let (from, to) = if moves.coin() {
                (late_index, other_index)
            } else {
                (other_index, late_index)
            };
            if !self.move_keeps_dependencies(order, &list_position, from, to) {
                continue;
            }
            move_entry(order, &mut list_position, from, to);
            let objective = self.decode(order, schedule, None);
            if objective <= best {
                if objective < best {
                    since_improvement = 0;
                }
                best = objective;
                late = self.late_positions(order, schedule);
            } else {
                move_entry(order, &mut list_position, to, from);
            }
        }
    }

    /// The proposal from the outcomes of the final decoding.
    fn proposal(
        &self,
        outcomes: Vec<Option<Outcome>>,
        objective: u64,
        schedule: &Schedule,
    ) -> PlanProposal {
        let mut placed = Vec::new();
        let mut unplaceable = Vec::new();
        for (position, (initiative, outcome)) in self.movable.iter().zip(outcomes).enumerate() {
            let outcome = match self.structural.get(position) {
                // A dependency that ends too late even at its earliest may also have
                // found no room at all; then that is the first thing to fix.
                Some(Structural::Unplaceable(UnplaceableReason::DependencyEndsTooLate {
                    dependency_id,
                })) => {
                    Outcome::Unplaceable(match self.first_unplaced_dependency(schedule, position) {
                        Some(id) => UnplaceableReason::DependsOnUnplaceable {
                            dependency_id: id.to_string(),
                        },
                        None => UnplaceableReason::DependencyEndsTooLate {
                            dependency_id: dependency_id.clone(),
                        },
                    })
                }
                Some(Structural::Unplaceable(reason)) => Outcome::Unplaceable(reason.clone()),
                _ => outcome.unwrap_or(Outcome::Unplaceable(UnplaceableReason::NoRoomInHorizon)),
            };
            let placed_start = match &outcome {
                Outcome::Placed { start, .. } => self.horizon.quarters.get(*start).copied(),
                Outcome::Unplaceable(_) => None,
            };
            match (outcome, placed_start) {
                (Outcome::Placed { reason, .. }, Some(start)) => placed.push(PlannedStart {
                    initiative_id: initiative.id.clone(),
                    previous_start: initiative.start,
                    start,
                    duration_quarters: initiative.duration_quarters,
                    reason,
                }),
                (Outcome::Unplaceable(reason), _) => unplaceable.push(UnplaceableInitiative {
                    initiative_id: initiative.id.clone(),
                    reason,
                }),
                (Outcome::Placed { .. }, None) => unplaceable.push(UnplaceableInitiative {
                    initiative_id: initiative.id.clone(),
                    reason: UnplaceableReason::NoRoomInHorizon,
                }),
            }
        }
        PlanProposal {
            placed,
            unplaceable,
            pin_overloads: self.pin_overloads(),
            objective,
        }
    }

    fn pin_overloads(&self) -> Vec<PinOverload> {
        self.horizon
            .quarters
            .iter()
            .enumerate()
            .filter_map(|(index, quarter)| {
                let over_capacity = self.pin_over_capacity.get(index).copied()?;
                let over_wip = self.pin_over_wip.get(index).copied()?;
                (over_capacity || over_wip).then(|| PinOverload {
                    quarter: *quarter,
                    planned_person_days: self.fixed_load.get(index).copied().unwrap_or(0.0),
                    capacity_person_days: self.capacity_person_days,
                    wip: self.fixed_wip.get(index).copied().unwrap_or(0),
                    wip_limit: self.wip_limit,
                    over_capacity,
                    over_wip,
                })
            })
            .collect()
    }
}

/// Moves the entry at `from` to `to`, shifting those between by one, and keeps
/// `list_position` (candidate to index) up to date.
fn move_entry(order: &mut [usize], list_position: &mut [usize], from: usize, to: usize) {
    let (first, last) = (from.min(to), from.max(to));
    let Some(range) = order.get_mut(first..=last) else {
        return;
    };
    if from > to {
        range.rotate_right(1);
    } else {
        range.rotate_left(1);
    }
    for (offset, &position) in range.iter().enumerate() {
        if let Some(slot) = list_position.get_mut(position) {
            *slot = first + offset;
        }
    }
}

/// A fixed pseudo-random sequence (xorshift) choosing the search's moves: varied
/// enough to explore, and the same on every run so the plan is deterministic.
struct MoveSequence {
    state: u64,
}

impl MoveSequence {
    fn new(seed: u64) -> MoveSequence {
        MoveSequence { state: seed.max(1) }
    }

    fn next(&mut self) -> u64 {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        self.state
    }

    /// A number in `0..bound`, or 0 when `bound` is 0.
    fn below(&mut self, bound: usize) -> usize {
        if bound == 0 {
            return 0;
        }
        (self.next() % bound as u64) as usize
    }

    fn coin(&mut self) -> bool {
        self.next() & (1 << 33) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::formulas::capacity::roadmap_quarter_loads;
    use crate::model::formulas::test_fixture::*;

    // -----------------------------------------------------------------------------
    // Builders
    // -----------------------------------------------------------------------------

    /// A planned, unpinned, unscheduled initiative with person-days and a duration.
    fn work(id: &str, person_days: u32, duration_quarters: u8) -> Initiative {
        let mut work = initiative(id, &format!("Work {id}"));
        work.effort_person_days = Some(person_days);
        work.duration_quarters = duration_quarters;
        work
    }

    fn depending_on(mut initiative: Initiative, dependency_ids: &[&str]) -> Initiative {
        initiative.depends_on_ids = dependency_ids.iter().map(|id| id.to_string()).collect();
        initiative
    }

    fn with_status(mut initiative: Initiative, status: InitiativeStatus) -> Initiative {
        initiative.status = status;
        initiative
    }

    fn starting(mut initiative: Initiative, start: &str) -> Initiative {
        initiative.start = Some(quarter(start));
        initiative
    }

    fn pinned(mut initiative: Initiative) -> Initiative {
        initiative.pinned = true;
        initiative
    }

    /// A model planning from 2026-Q1 over `horizon` quarters.
    fn model_with(
        horizon: u8,
        capacity: Option<u32>,
        wip_limit: Option<u32>,
        initiatives: Vec<Initiative>,
    ) -> Model {
        let mut model = empty_model();
        model.settings.roadmap_horizon_quarters = horizon;
        model.settings.capacity_person_days_per_quarter = capacity;
        model.settings.wip_limit = wip_limit;
        model.initiatives = initiatives;
        model
    }

    /// A ranking in exactly the given order.
    fn ranking_of(ids: &[&str]) -> Vec<RankedInitiative> {
        ids.iter()
            .enumerate()
            .map(|(position, id)| RankedInitiative {
                initiative_id: id.to_string(),
                priority_score: None,
                effective_value: None,
                rank: position + 1,
            })
            .collect()
    }

    fn plan(model: &Model, ranking_ids: &[&str]) -> PlanProposal {
        propose_plan(model, &ranking_of(ranking_ids), model.planning_start)
    }

    fn placed<'proposal>(proposal: &'proposal PlanProposal, id: &str) -> &'proposal PlannedStart {
        proposal
            .placed
            .iter()
            .find(|planned| planned.initiative_id == id)
            .unwrap_or_else(|| panic!("{id} is not placed"))
    }

    fn start_of(proposal: &PlanProposal, id: &str) -> String {
        placed(proposal, id).start.to_string()
    }

    fn unplaceable_reason(proposal: &PlanProposal, id: &str) -> UnplaceableReason {
        proposal
            .unplaceable
            .iter()
            .find(|unplaceable| unplaceable.initiative_id == id)
            .map(|unplaceable| unplaceable.reason.clone())
            .unwrap_or_else(|| panic!("{id} is not reported as unplaceable"))
    }

    fn after(id: &str) -> PlacementReason {
        PlacementReason::AfterDependency {
            dependency_id: id.to_string(),
        }
    }

    fn capacity_full(quarter_text: &str) -> PlacementReason {
        PlacementReason::CapacityFull {
            quarter: quarter(quarter_text),
        }
    }

    fn depends_on_unplaceable(id: &str) -> UnplaceableReason {
        UnplaceableReason::DependsOnUnplaceable {
            dependency_id: id.to_string(),
        }
    }

    // -----------------------------------------------------------------------------
    // Unit tests
    // -----------------------------------------------------------------------------

    #[test]
    fn an_empty_model_has_an_empty_plan() {
        let model = empty_model();
        let proposal = plan(&model, &[]);
        assert_eq!(
            proposal,
            PlanProposal {
                placed: Vec::new(),
                unplaceable: Vec::new(),
                pin_overloads: Vec::new(),
                objective: 0,
            }
        );
        assert_eq!(current_plan_objective(&model, &[], model.planning_start), 0);
    }

    #[test]
    fn when_everything_fits_everything_starts_at_the_earliest_start() {
        let mut already_there = work("i-3", 10, 1);
        already_there.start = Some(quarter("2026-Q1"));
        let model = model_with(
            8,
            Some(100),
            Some(5),
            vec![work("i-1", 30, 2), work("i-2", 30, 0), already_there],
        );
        let proposal = plan(&model, &["i-1", "i-2", "i-3"]);
        assert!(proposal.unplaceable.is_empty());
        assert!(proposal.pin_overloads.is_empty());
        let ids: Vec<&str> = proposal
            .placed
            .iter()
            .map(|planned| planned.initiative_id.as_str())
            .collect();
        assert_eq!(ids, ["i-1", "i-2", "i-3"], "placed in ranking order");
        for planned in &proposal.placed {
            assert_eq!(planned.start, quarter("2026-Q1"));
            assert_eq!(planned.reason, PlacementReason::EarliestPossible);
        }
        assert_eq!(placed(&proposal, "i-1").duration_quarters, 2);
        assert!(placed(&proposal, "i-1").moves());
        assert!(!placed(&proposal, "i-3").moves(), "already at its start");
        // Weights 3, 2, 1; finish indices 2 (two quarters), 1 (milestone), 1.
        assert_eq!(proposal.objective, 3 * 2 + 2 + 1);
    }

    #[test]
    fn a_dependency_chain_waits_for_each_dependency_to_end() {
        let model = model_with(
            8,
            None,
            None,
            vec![
                depending_on(work("i-c", 10, 1), &["i-b"]),
                depending_on(work("i-b", 10, 2), &["i-a"]),
                work("i-a", 10, 1),
            ],
        );
        // The dependent ranks first; it still waits for its dependencies.
        let proposal = plan(&model, &["i-c", "i-b", "i-a"]);
        assert_eq!(start_of(&proposal, "i-a"), "2026-Q1");
        assert_eq!(
            placed(&proposal, "i-a").reason,
            PlacementReason::EarliestPossible
        );
        assert_eq!(start_of(&proposal, "i-b"), "2026-Q2");
        assert_eq!(placed(&proposal, "i-b").reason, after("i-a"));
        // A two-quarter dependency starting in Q2 allows Q4.
        assert_eq!(start_of(&proposal, "i-c"), "2026-Q4");
        assert_eq!(placed(&proposal, "i-c").reason, after("i-b"));
        // Weights: c 3, b 2, a 1; finishes 4, 3, 1.
        assert_eq!(proposal.objective, 3 * 4 + 2 * 3 + 1);
    }

    #[test]
    fn a_milestone_dependency_allows_the_same_quarter() {
        let mut gate = work("i-gate", 0, 0);
        gate.effort_person_days = None;
        let model = model_with(
            4,
            None,
            None,
            vec![
                depending_on(work("i-after", 10, 1), &["i-gate"]),
                depending_on(work("i-late", 10, 1), &["i-fixed-gate"]),
                pinned(starting(work("i-fixed-gate", 0, 0), "2026-Q3")),
                gate,
            ],
        );
        let proposal = plan(&model, &["i-after", "i-late", "i-gate"]);
        assert_eq!(start_of(&proposal, "i-gate"), "2026-Q1");
        assert_eq!(start_of(&proposal, "i-after"), "2026-Q1");
        assert_eq!(
            placed(&proposal, "i-after").reason,
            PlacementReason::EarliestPossible
        );
        // A pinned milestone in Q3 lets its dependent start in Q3.
        assert_eq!(start_of(&proposal, "i-late"), "2026-Q3");
        assert_eq!(placed(&proposal, "i-late").reason, after("i-fixed-gate"));
    }

    #[test]
    fn capacity_pushes_lower_priority_work_later() {
        let model = model_with(
            8,
            Some(100),
            None,
            vec![
                work("i-low", 60, 1),
                work("i-high", 60, 1),
                work("i-small", 40, 1),
            ],
        );
        let proposal = plan(&model, &["i-high", "i-low", "i-small"]);
        assert_eq!(start_of(&proposal, "i-high"), "2026-Q1");
        assert_eq!(start_of(&proposal, "i-low"), "2026-Q2");
        assert_eq!(placed(&proposal, "i-low").reason, capacity_full("2026-Q1"));
        // The small one still fits beside the high-priority one.
        assert_eq!(start_of(&proposal, "i-small"), "2026-Q1");
    }

    #[test]
    fn the_wip_limit_pushes_work_later() {
        let model = model_with(
            8,
            None,
            Some(2),
            vec![
                work("i-1", 10, 2),
                work("i-2", 10, 1),
                work("i-3", 10, 1),
                work("i-4", 10, 1),
            ],
        );
        let proposal = plan(&model, &["i-1", "i-2", "i-3", "i-4"]);
        assert_eq!(start_of(&proposal, "i-1"), "2026-Q1");
        assert_eq!(start_of(&proposal, "i-2"), "2026-Q1");
        assert_eq!(start_of(&proposal, "i-3"), "2026-Q2");
        assert_eq!(
            placed(&proposal, "i-3").reason,
            PlacementReason::WipLimitReached {
                quarter: quarter("2026-Q1")
            }
        );
        // Q2 holds i-1 (second quarter) and i-3; i-4 goes to Q3.
        assert_eq!(start_of(&proposal, "i-4"), "2026-Q3");
        assert_eq!(
            placed(&proposal, "i-4").reason,
            PlacementReason::WipLimitReached {
                quarter: quarter("2026-Q2")
            }
        );
    }

    #[test]
    fn pinned_and_active_initiatives_stay_and_use_capacity() {
        let model = model_with(
            8,
            Some(100),
            Some(3),
            vec![
                pinned(starting(work("i-pinned", 80, 1), "2026-Q1")),
                with_status(
                    starting(work("i-active", 90, 1), "2026-Q2"),
                    InitiativeStatus::Active,
                ),
                work("i-new", 30, 1),
                with_status(work("i-active-unscheduled", 5, 1), InitiativeStatus::Active),
            ],
        );
        let proposal = plan(
            &model,
            &["i-new", "i-pinned", "i-active", "i-active-unscheduled"],
        );
        let placed_ids: Vec<&str> = proposal
            .placed
            .iter()
            .map(|planned| planned.initiative_id.as_str())
            .collect();
        assert_eq!(
            placed_ids,
            ["i-new", "i-active-unscheduled"],
            "fixed ones are not proposed"
        );
        // 80 pinned in Q1 and 90 active in Q2 leave room for 30 only in Q3.
        assert_eq!(start_of(&proposal, "i-new"), "2026-Q3");
        assert_eq!(placed(&proposal, "i-new").reason, capacity_full("2026-Q2"));
        // Active work without a start is movable, and 5 person-days fit in Q1.
        assert_eq!(start_of(&proposal, "i-active-unscheduled"), "2026-Q1");
        // Weights among the two movable ones: 2 and 1.
        assert_eq!(proposal.objective, 2 * 3 + 1);
    }

    #[test]
    fn done_work_counts_for_load_but_not_for_wip() {
        let done = with_status(
            starting(work("i-done", 50, 1), "2026-Q1"),
            InitiativeStatus::Done,
        );
        let model = model_with(
            8,
            Some(100),
            Some(1),
            vec![done, work("i-fits", 50, 1), work("i-too-big", 60, 1)],
        );
        let proposal = plan(&model, &["i-too-big", "i-fits"]);
        // The done one leaves 50 person-days in Q1 and takes no WIP slot: the 60 do
        // not fit, the 50 do (and the WIP limit of 1 lets only one of them in).
        assert_eq!(start_of(&proposal, "i-too-big"), "2026-Q2");
        assert_eq!(
            placed(&proposal, "i-too-big").reason,
            capacity_full("2026-Q1")
        );
        assert_eq!(start_of(&proposal, "i-fits"), "2026-Q1");
    }

    #[test]
    fn a_done_dependency_is_satisfied_whenever_it_was_scheduled() {
        let late_done = with_status(
            starting(work("i-done", 0, 4), "2026-Q3"),
            InitiativeStatus::Done,
        );
        let unscheduled_done = with_status(work("i-done-2", 0, 1), InitiativeStatus::Done);
        let model = model_with(
            4,
            None,
            None,
            vec![
                late_done,
                unscheduled_done,
                depending_on(work("i-next", 10, 1), &["i-done", "i-done-2"]),
            ],
        );
        let proposal = plan(&model, &["i-next"]);
        assert_eq!(start_of(&proposal, "i-next"), "2026-Q1");
        assert_eq!(
            placed(&proposal, "i-next").reason,
            PlacementReason::EarliestPossible
        );
    }

    #[test]
    fn stopped_initiatives_are_ignored_entirely() {
        let stopped = pinned(with_status(
            starting(work("i-stopped", 500, 4), "2026-Q1"),
            InitiativeStatus::Stopped,
        ));
        let stopped_unscheduled =
            with_status(work("i-stopped-2", 10, 1), InitiativeStatus::Stopped);
        let model = model_with(
            4,
            Some(100),
            Some(1),
            vec![
                stopped,
                stopped_unscheduled,
                depending_on(work("i-next", 100, 1), &["i-stopped", "i-stopped-2"]),
            ],
        );
        let proposal = plan(&model, &["i-stopped", "i-next", "i-stopped-2"]);
        assert_eq!(proposal.placed.len(), 1);
        assert!(proposal.unplaceable.is_empty());
        assert!(proposal.pin_overloads.is_empty());
        assert_eq!(start_of(&proposal, "i-next"), "2026-Q1");
        assert_eq!(
            placed(&proposal, "i-next").reason,
            PlacementReason::EarliestPossible
        );
        // Only i-next is movable: weight 1, finish index 1.
        assert_eq!(proposal.objective, 1);
    }

    #[test]
    fn a_pinned_initiative_without_start_is_unplaceable_and_so_are_its_dependents() {
        let model = model_with(
            4,
            None,
            None,
            vec![
                pinned(work("i-pinned", 10, 1)),
                depending_on(work("i-dependent", 10, 1), &["i-pinned"]),
                work("i-free", 10, 1),
            ],
        );
        let proposal = plan(&model, &["i-pinned", "i-dependent", "i-free"]);
        assert_eq!(
            proposal.unplaceable,
            vec![
                UnplaceableInitiative {
                    initiative_id: "i-pinned".to_string(),
                    reason: UnplaceableReason::PinnedWithoutStart,
                },
                UnplaceableInitiative {
                    initiative_id: "i-dependent".to_string(),
                    reason: depends_on_unplaceable("i-pinned"),
                },
            ]
        );
        assert_eq!(start_of(&proposal, "i-free"), "2026-Q1");
        // Weights 3, 2, 1; the two unplaceable ones count as finishing in quarter 5.
        assert_eq!(proposal.objective, 3 * 5 + 2 * 5 + 1);
    }

    #[test]
    fn unplaceable_dependencies_make_dependents_unplaceable_transitively() {
        let model = model_with(
            4,
            Some(50),
            None,
            vec![
                work("i-huge", 80, 1),
                depending_on(work("i-middle", 10, 1), &["i-huge"]),
                depending_on(work("i-top", 10, 1), &["i-other", "i-middle"]),
                work("i-other", 10, 1),
            ],
        );
        let proposal = plan(&model, &["i-top", "i-middle", "i-huge", "i-other"]);
        assert_eq!(
            unplaceable_reason(&proposal, "i-huge"),
            UnplaceableReason::NeedsMoreThanCapacity {
                person_days_per_quarter: 80.0,
                capacity_person_days: 50,
            }
        );
        assert_eq!(
            unplaceable_reason(&proposal, "i-middle"),
            depends_on_unplaceable("i-huge")
        );
        assert_eq!(
            unplaceable_reason(&proposal, "i-top"),
            depends_on_unplaceable("i-middle")
        );
        assert_eq!(start_of(&proposal, "i-other"), "2026-Q1");
        let order: Vec<&str> = proposal
            .unplaceable
            .iter()
            .map(|unplaceable| unplaceable.initiative_id.as_str())
            .collect();
        assert_eq!(order, ["i-top", "i-middle", "i-huge"], "in ranking order");
    }

    #[test]
    fn needing_more_than_capacity_per_quarter_is_unplaceable() {
        let model = model_with(
            8,
            Some(100),
            None,
            vec![work("i-spread", 300, 3), work("i-dense", 201, 2)],
        );
        let proposal = plan(&model, &["i-spread", "i-dense"]);
        // 300 over three quarters is exactly 100 a quarter: it fits.
        assert_eq!(start_of(&proposal, "i-spread"), "2026-Q1");
        assert_eq!(
            unplaceable_reason(&proposal, "i-dense"),
            UnplaceableReason::NeedsMoreThanCapacity {
                person_days_per_quarter: 100.5,
                capacity_person_days: 100,
            }
        );
    }

    #[test]
    fn longer_than_the_horizon_is_unplaceable() {
        let mut model = model_with(
            4,
            None,
            None,
            vec![work("i-long", 10, 5), work("i-four", 10, 4)],
        );
        let proposal = plan(&model, &["i-long", "i-four"]);
        assert_eq!(
            unplaceable_reason(&proposal, "i-long"),
            UnplaceableReason::LongerThanHorizon {
                duration_quarters: 5,
                quarters_available: 4,
            }
        );
        assert_eq!(start_of(&proposal, "i-four"), "2026-Q1");
        // From 2026-Q2 on only three quarters are left.
        model.settings.roadmap_horizon_quarters = 4;
        let later = propose_plan(
            &model,
            &ranking_of(&["i-long", "i-four"]),
            quarter("2026-Q2"),
        );
        assert_eq!(
            unplaceable_reason(&later, "i-four"),
            UnplaceableReason::LongerThanHorizon {
                duration_quarters: 4,
                quarters_available: 3,
            }
        );
    }

    #[test]
    fn no_room_in_the_horizon_is_reported() {
        let model = model_with(
            4,
            Some(100),
            None,
            vec![
                pinned(starting(work("i-pinned", 210, 3), "2026-Q1")),
                work("i-first", 100, 1),
                work("i-second", 30, 1),
                work("i-third", 90, 3),
            ],
        );
        let proposal = plan(&model, &["i-first", "i-second", "i-third"]);
        // The pin uses 70 in Q1 to Q3; only Q4 has 100 free.
        assert_eq!(start_of(&proposal, "i-first"), "2026-Q4");
        assert_eq!(
            placed(&proposal, "i-first").reason,
            capacity_full("2026-Q3")
        );
        assert_eq!(start_of(&proposal, "i-second"), "2026-Q1");
        // The third needs 30 in three quarters in a row: Q1 and Q4 are full. Putting
        // it in Q1 to Q3 instead of the second would cost more (weight 2 unplaced).
        assert_eq!(
            unplaceable_reason(&proposal, "i-third"),
            UnplaceableReason::NoRoomInHorizon
        );
        assert_eq!(proposal.objective, 3 * 4 + 2 + 5);
    }

    #[test]
    fn a_dependency_that_ends_too_late_is_reported() {
        let model = model_with(
            4,
            Some(100),
            None,
            vec![
                pinned(starting(work("i-fixed", 10, 3), "2026-Q2")),
                depending_on(work("i-after-fixed", 10, 1), &["i-fixed"]),
                work("i-blocker", 100, 1),
                depending_on(
                    work("i-after-blocker", 10, 1),
                    &["i-fixed-early", "i-block-chain"],
                ),
                depending_on(work("i-block-chain", 100, 3), &[]),
                pinned(starting(work("i-fixed-early", 0, 1), "2026-Q1")),
            ],
        );
        let proposal = plan(
            &model,
            &[
                "i-blocker",
                "i-block-chain",
                "i-after-fixed",
                "i-after-blocker",
            ],
        );
        // The pinned one ends in 2026-Q4, the last quarter: nothing can follow it.
        assert_eq!(
            unplaceable_reason(&proposal, "i-after-fixed"),
            UnplaceableReason::DependencyEndsTooLate {
                dependency_id: "i-fixed".to_string(),
            }
        );
        // The blocker takes Q1, so the three-quarter chain runs Q2 to Q4 and its
        // dependent has no quarter left, although it could have had one.
        assert_eq!(start_of(&proposal, "i-blocker"), "2026-Q1");
        assert_eq!(start_of(&proposal, "i-block-chain"), "2026-Q2");
        assert_eq!(
            unplaceable_reason(&proposal, "i-after-blocker"),
            UnplaceableReason::DependencyEndsTooLate {
                dependency_id: "i-block-chain".to_string(),
            }
        );
    }

    #[test]
    fn quarters_that_pins_alone_overload_are_reported_and_full() {
        let model = model_with(
            4,
            Some(100),
            Some(2),
            vec![
                pinned(starting(work("i-pin-1", 120, 1), "2026-Q1")),
                pinned(starting(work("i-pin-2", 0, 2), "2026-Q2")),
                with_status(
                    starting(work("i-active-1", 0, 1), "2026-Q2"),
                    InitiativeStatus::Active,
                ),
                with_status(
                    starting(work("i-active-2", 0, 1), "2026-Q2"),
                    InitiativeStatus::Active,
                ),
                {
                    let mut free = work("i-free", 0, 0);
                    free.effort_person_days = None;
                    free
                },
            ],
        );
        let proposal = plan(&model, &["i-free"]);
        assert_eq!(
            proposal.pin_overloads,
            vec![
                PinOverload {
                    quarter: quarter("2026-Q1"),
                    planned_person_days: 120.0,
                    capacity_person_days: Some(100),
                    wip: 1,
                    wip_limit: Some(2),
                    over_capacity: true,
                    over_wip: false,
                },
                PinOverload {
                    quarter: quarter("2026-Q2"),
                    planned_person_days: 0.0,
                    capacity_person_days: Some(100),
                    wip: 3,
                    wip_limit: Some(2),
                    over_capacity: false,
                    over_wip: true,
                },
            ]
        );
        // A milestone without person-days would not add load, but an overloaded
        // quarter is full for movable work; Q3 holds one pin, leaving a WIP slot.
        assert_eq!(start_of(&proposal, "i-free"), "2026-Q3");
        assert_eq!(
            placed(&proposal, "i-free").reason,
            PlacementReason::WipLimitReached {
                quarter: quarter("2026-Q2")
            }
        );
    }

    #[test]
    fn the_earliest_start_after_the_planning_start_is_respected() {
        let model = model_with(
            8,
            None,
            None,
            vec![
                work("i-1", 10, 1),
                pinned(starting(work("i-gate", 0, 1), "2026-Q2")),
                depending_on(work("i-2", 10, 1), &["i-gate"]),
            ],
        );
        let ranking = ranking_of(&["i-1", "i-2"]);
        let proposal = propose_plan(&model, &ranking, quarter("2026-Q3"));
        assert_eq!(start_of(&proposal, "i-1"), "2026-Q3");
        assert_eq!(
            placed(&proposal, "i-1").reason,
            PlacementReason::EarliestPossible
        );
        // The gate ends before the window; the window is what holds it.
        assert_eq!(start_of(&proposal, "i-2"), "2026-Q3");
        assert_eq!(
            placed(&proposal, "i-2").reason,
            PlacementReason::EarliestPossible
        );
        // Finish indices count from the planning start: Q3 is index 3.
        assert_eq!(proposal.objective, 2 * 3 + 3);
        // An earliest start before the planning start changes nothing.
        let early = propose_plan(&model, &ranking, quarter("2025-Q1"));
        assert_eq!(start_of(&early, "i-1"), "2026-Q1");
    }

    #[test]
    fn higher_priority_gets_the_earlier_slot_when_capacity_forces_a_choice() {
        let model = model_with(
            4,
            Some(100),
            None,
            vec![
                work("i-a", 100, 1),
                work("i-b", 100, 1),
                work("i-c", 100, 1),
            ],
        );
        for ranking in [
            ["i-a", "i-b", "i-c"],
            ["i-c", "i-a", "i-b"],
            ["i-b", "i-c", "i-a"],
        ] {
            let proposal = plan(&model, &ranking);
            let starts: Vec<String> = ranking.iter().map(|id| start_of(&proposal, id)).collect();
            assert_eq!(starts, ["2026-Q1", "2026-Q2", "2026-Q3"]);
            assert_eq!(proposal.objective, 3 + 2 * 2 + 3);
        }
    }

    #[test]
    fn the_plan_is_deterministic_and_independent_of_the_model_order() {
        let mut random = TestRandom::new(7);
        for _ in 0..40 {
            let case = random_case(&mut random, 4..=30, 0..=6, 4..=12);
            let first = propose_plan(&case.model, &case.ranking, case.earliest_start);
            let second = propose_plan(&case.model, &case.ranking, case.earliest_start);
            assert_eq!(first, second);
            let mut reversed = case.model.clone();
            reversed.initiatives.reverse();
            let from_reversed = propose_plan(&reversed, &case.ranking, case.earliest_start);
            assert_eq!(from_reversed.placed, first.placed);
            assert_eq!(from_reversed.unplaceable, first.unplaceable);
            assert_eq!(from_reversed.objective, first.objective);
            // Pin overloads may differ in the last bits of the sums' rounding only.
            assert_eq!(from_reversed.pin_overloads.len(), first.pin_overloads.len());
        }
    }

    #[test]
    fn very_many_dependencies_do_not_make_the_plan_slow() {
        // 200 milestones and 200 initiatives that each depend on all of them: 40,000
        // dependencies. The search budget counts them, so this stays quick.
        let mut initiatives = Vec::new();
        let base_ids: Vec<String> = (0..200).map(|number| format!("b-{number:03}")).collect();
        for id in &base_ids {
            initiatives.push(work(id, 0, 0));
        }
        for number in 0..200 {
            let mut top = work(&format!("t-{number:03}"), 10 + number % 50, 1);
            top.depends_on_ids = base_ids.clone();
            initiatives.push(top);
        }
        let model = model_with(12, Some(400), None, initiatives);
        let ranking = ranking_of(&[]);
        let started = std::time::Instant::now();
        let proposal = propose_plan(&model, &ranking, model.planning_start);
        let elapsed = started.elapsed();
        // Generous, so a loaded machine in a debug build does not flake; without the
        // budget counting dependencies this takes far longer.
        assert!(
            elapsed.as_secs_f64() < 5.0,
            "planning took {} ms",
            elapsed.as_millis()
        );
        assert_eq!(proposal.placed.len() + proposal.unplaceable.len(), 400);
        let case = Case {
            earliest_start: model.planning_start,
            model,
            ranking,
        };
        check_proposal(&case, &proposal);
    }

    #[test]
    fn a_dependency_cycle_neither_hangs_nor_panics() {
        let model = model_with(
            6,
            Some(100),
            Some(2),
            vec![
                depending_on(work("i-a", 10, 1), &["i-c"]),
                depending_on(work("i-b", 10, 1), &["i-a"]),
                depending_on(work("i-c", 10, 1), &["i-b"]),
                depending_on(work("i-self", 10, 1), &["i-self"]),
                depending_on(work("i-behind", 10, 1), &["i-b"]),
                depending_on(work("i-free", 10, 1), &["i-missing"]),
            ],
        );
        let proposal = plan(
            &model,
            &["i-a", "i-b", "i-c", "i-self", "i-behind", "i-free"],
        );
        assert_eq!(
            start_of(&proposal, "i-free"),
            "2026-Q1",
            "a dangling id is no constraint"
        );
        assert_eq!(proposal.unplaceable.len(), 5);
        assert_eq!(
            unplaceable_reason(&proposal, "i-a"),
            depends_on_unplaceable("i-c")
        );
        assert_eq!(
            unplaceable_reason(&proposal, "i-b"),
            depends_on_unplaceable("i-a")
        );
        assert_eq!(
            unplaceable_reason(&proposal, "i-c"),
            depends_on_unplaceable("i-b")
        );
        assert_eq!(
            unplaceable_reason(&proposal, "i-self"),
            depends_on_unplaceable("i-self")
        );
        assert_eq!(
            unplaceable_reason(&proposal, "i-behind"),
            depends_on_unplaceable("i-b")
        );
    }

    #[test]
    fn initiatives_missing_from_the_ranking_come_last_by_id() {
        let model = model_with(
            4,
            Some(10),
            None,
            vec![work("i-z", 10, 1), work("i-y", 10, 1), work("i-x", 10, 1)],
        );
        let proposal = plan(&model, &["i-z", "unknown"]);
        assert_eq!(start_of(&proposal, "i-z"), "2026-Q1");
        assert_eq!(start_of(&proposal, "i-x"), "2026-Q2");
        assert_eq!(start_of(&proposal, "i-y"), "2026-Q3");
        let ids: Vec<&str> = proposal
            .placed
            .iter()
            .map(|planned| planned.initiative_id.as_str())
            .collect();
        assert_eq!(ids, ["i-z", "i-x", "i-y"]);
    }

    #[test]
    fn the_current_objective_measures_the_schedule_as_it_stands() {
        let model = model_with(
            4,
            None,
            None,
            vec![
                starting(work("i-in", 10, 2), "2026-Q2"), // finishes Q3: index 3
                work("i-unscheduled", 10, 1),             // penalty 5
                starting(work("i-past", 10, 1), "2025-Q2"), // before: index 1
                starting(work("i-beyond", 10, 2), "2026-Q4"), // ends after: penalty 5
                with_status(
                    starting(work("i-active", 10, 1), "2026-Q4"),
                    InitiativeStatus::Active,
                ),
            ],
        );
        let ranking = ranking_of(&["i-in", "i-unscheduled", "i-past", "i-beyond"]);
        let objective = current_plan_objective(&model, &ranking, quarter("2026-Q3"));
        assert_eq!(objective, 4 * 3 + 3 * 5 + 2 + 5);
    }

    #[test]
    fn a_proposal_is_never_worse_than_a_feasible_current_schedule() {
        // Rank order alone would put i-big first and push both small ones behind
        // it; the current schedule is better, and the plan keeps at least that.
        let model = model_with(
            4,
            Some(100),
            None,
            vec![
                starting(work("i-small-1", 50, 1), "2026-Q1"),
                starting(work("i-small-2", 50, 1), "2026-Q1"),
                starting(work("i-big", 100, 1), "2026-Q2"),
            ],
        );
        let ranking = ranking_of(&["i-big", "i-small-1", "i-small-2"]);
        let current = current_plan_objective(&model, &ranking, model.planning_start);
        let proposal = propose_plan(&model, &ranking, model.planning_start);
        assert!(proposal.objective <= current);
        assert_eq!(proposal.objective, 3 + 2 * 2 + 2);
    }

    #[test]
    fn malformed_input_gives_an_answer_without_panicking() {
        let mut model = model_with(
            12,
            Some(0),
            Some(0),
            vec![
                work("i-1", u32::MAX, 255),
                work("i-1", 0, 0),
                {
                    let mut free = work("i-2", 0, 1);
                    free.effort_person_days = None;
                    free
                },
                pinned(starting(work("i-3", u32::MAX, 255), "2026-Q1")),
                depending_on(work("i-4", 0, 1), &["i-1", "i-1", "i-4", ""]),
            ],
        );
        model.planning_start = quarter("2999-Q3");
        for earliest in ["1900-Q1", "2999-Q4", "2026-Q1"] {
            let ranking = ranking_of(&["i-2", "i-2", "i-1", "nobody"]);
            let proposal = propose_plan(&model, &ranking, quarter(earliest));
            assert_eq!(proposal.placed.len() + proposal.unplaceable.len(), 4);
            let _ = current_plan_objective(&model, &ranking, quarter(earliest));
        }
        model.settings.roadmap_horizon_quarters = 0;
        model.planning_start = quarter("2026-Q1");
        let proposal = plan(&model, &[]);
        assert!(proposal.placed.is_empty());
        assert_eq!(proposal.unplaceable.len(), 4);
    }

    // -----------------------------------------------------------------------------
    // Random models
    // -----------------------------------------------------------------------------

    /// A small seeded xorshift generator, so the random cases are the same on every
    /// run and a failure names its case number.
    struct TestRandom {
        state: u64,
    }

    impl TestRandom {
        fn new(seed: u64) -> TestRandom {
            TestRandom {
                state: seed.wrapping_mul(0x2545_f491_4f6c_dd1d).max(1),
            }
        }

        fn next(&mut self) -> u64 {
            self.state ^= self.state << 13;
            self.state ^= self.state >> 7;
            self.state ^= self.state << 17;
            self.state
        }

        fn below(&mut self, bound: u64) -> u64 {
            self.next() % bound.max(1)
        }

        fn within(&mut self, range: std::ops::RangeInclusive<u64>) -> u64 {
            range.start() + self.below(range.end() - range.start() + 1)
        }

        fn chance(&mut self, percent: u64) -> bool {
            self.below(100) < percent
        }
    }

    struct Case {
        model: Model,
        ranking: Vec<RankedInitiative>,
        earliest_start: Quarter,
    }

    /// A random acyclic model: `movable_range` movable initiatives (a few of them
    /// pinned without a start), `fixed_range` fixed, done or stopped ones, random
    /// person-days, durations 0 to 3, dependencies on earlier initiatives, capacity
    /// and WIP limit often tight, and a ranking that may miss some initiatives.
    fn random_case(
        random: &mut TestRandom,
        movable_range: std::ops::RangeInclusive<u64>,
        fixed_range: std::ops::RangeInclusive<u64>,
        horizon_range: std::ops::RangeInclusive<u64>,
    ) -> Case {
        let horizon = random.within(horizon_range) as u8;
        let planning_start = quarter("2026-Q1");
        let capacity = random.chance(80).then(|| random.within(20..=120) as u32);
        let wip_limit = random.chance(60).then(|| random.within(1..=4) as u32);
        let earliest_start = planning_start.offset(random.within(0..=3) as i64 - 1);
        let mut initiatives: Vec<Initiative> = Vec::new();
        let fixed_count = random.within(fixed_range);
        for number in 0..fixed_count {
            let start = planning_start.offset(random.within(0..=u64::from(horizon) + 1) as i64 - 2);
            let mut fixed = work(&format!("f-{number}"), random.within(0..=90) as u32, 0);
            fixed.duration_quarters = random.within(0..=3) as u8;
            fixed.start = Some(start);
            match random.below(4) {
                0 => fixed.pinned = true,
                1 => fixed.status = InitiativeStatus::Active,
                2 => fixed.status = InitiativeStatus::Done,
                _ => fixed.status = InitiativeStatus::Stopped,
            }
            initiatives.push(fixed);
        }
        let movable_count = random.within(movable_range);
        for number in 0..movable_count {
            let mut movable = work(&format!("m-{number}"), random.within(0..=110) as u32, 0);
            movable.duration_quarters = random.within(0..=3) as u8;
            if random.chance(10) {
                movable.effort_person_days = None;
            }
            movable.status = match random.below(3) {
                0 => InitiativeStatus::Idea,
                1 => InitiativeStatus::Planned,
                _ => InitiativeStatus::Active,
            };
            if random.chance(50) && movable.status != InitiativeStatus::Active {
                movable.start =
                    Some(planning_start.offset(random.within(0..=u64::from(horizon)) as i64 - 1));
            }
            if random.chance(4) {
                movable.start = None;
                movable.pinned = true;
            }
            let earlier: Vec<String> = initiatives
                .iter()
                .map(|earlier| earlier.id.clone())
                .collect();
            for earlier_id in earlier {
                if random.chance(15) {
                    movable.depends_on_ids.push(earlier_id);
                }
            }
            initiatives.push(movable);
        }
        let mut ranked_ids: Vec<String> = initiatives
            .iter()
            .filter(|_| !random.chance(8))
            .map(|initiative| initiative.id.clone())
            .collect();
        for index in (1..ranked_ids.len()).rev() {
            let other = random.below(index as u64 + 1) as usize;
            ranked_ids.swap(index, other);
        }
        // Shuffle the model too, so nothing depends on the order of the list.
        for index in (1..initiatives.len()).rev() {
            let other = random.below(index as u64 + 1) as usize;
            initiatives.swap(index, other);
        }
        let ranking = ranked_ids
            .iter()
            .enumerate()
            .map(|(position, id)| RankedInitiative {
                initiative_id: id.clone(),
                priority_score: None,
                effective_value: None,
                rank: position + 1,
            })
            .collect();
        let mut model = model_with(horizon, capacity, wip_limit, initiatives);
        model.planning_start = planning_start;
        Case {
            model,
            ranking,
            earliest_start,
        }
    }

    /// The role of an initiative, written out again from the rules so the checks do
    /// not trust the code under test.
    fn expected_role(initiative: &Initiative) -> Role {
        let scheduled = initiative.start.is_some();
        match initiative.status {
            InitiativeStatus::Stopped => Role::Ignored,
            InitiativeStatus::Done if scheduled => Role::Fixed,
            InitiativeStatus::Done => Role::Ignored,
            InitiativeStatus::Active if scheduled => Role::Fixed,
            _ if initiative.pinned && scheduled => Role::Fixed,
            _ => Role::Movable,
        }
    }

    /// The movable ids in rank order with their weights (n - rank + 1).
    fn expected_weights(model: &Model, ranking: &[RankedInitiative]) -> Vec<(String, u64)> {
        let mut ids: Vec<String> = Vec::new();
        let is_movable = |id: &str| {
            model
                .initiatives
                .iter()
                .any(|initiative| initiative.id == id && expected_role(initiative) == Role::Movable)
        };
        for ranked in ranking {
            if is_movable(&ranked.initiative_id) && !ids.contains(&ranked.initiative_id) {
                ids.push(ranked.initiative_id.clone());
            }
        }
        let mut missing: Vec<String> = model
            .initiatives
            .iter()
            .filter(|initiative| expected_role(initiative) == Role::Movable)
            .map(|initiative| initiative.id.clone())
            .filter(|id| !ids.contains(id))
            .collect();
        missing.sort();
        ids.extend(missing);
        let count = ids.len() as u64;
        ids.into_iter()
            .enumerate()
            .map(|(position, id)| (id, count - position as u64))
            .collect()
    }

    fn find<'model>(model: &'model Model, id: &str) -> Option<&'model Initiative> {
        model
            .initiatives
            .iter()
            .find(|initiative| initiative.id == id)
    }

    /// The quarter index a dependency lets a dependent start at, or `None` when it is
    /// no constraint (done, stopped, missing). `Err` when it is movable but unplaced.
    fn dependency_end(
        applied: &Model,
        dependency_id: &str,
        unplaced: &[String],
    ) -> Result<Option<i64>, ()> {
        let Some(dependency) = find(applied, dependency_id) else {
            return Ok(None);
        };
        match dependency.status {
            InitiativeStatus::Done | InitiativeStatus::Stopped => Ok(None),
            _ if unplaced.iter().any(|id| id == dependency_id) => Err(()),
            _ => match dependency.start {
                Some(start) => Ok(Some(
                    start.ordinal() + i64::from(dependency.duration_quarters),
                )),
                None => Err(()),
            },
        }
    }

    /// Checks a proposal against the rules, recomputing everything independently:
    /// every movable initiative reported exactly once and in rank order, every placed
    /// one within the window with its dependencies ended, every quarter within
    /// capacity and WIP unless the pins alone overload it (and then holding no movable
    /// work), the pin overloads complete, the objective right, every reason true, and
    /// nothing left out that would still fit in the finished plan.
    fn check_proposal(case: &Case, proposal: &PlanProposal) {
        let model = &case.model;
        let weights = expected_weights(model, &case.ranking);
        let placed_ids: Vec<&str> = proposal
            .placed
            .iter()
            .map(|planned| planned.initiative_id.as_str())
            .collect();
        let unplaced_ids: Vec<String> = proposal
            .unplaceable
            .iter()
            .map(|unplaceable| unplaceable.initiative_id.clone())
            .collect();
        let rank_ordered = |ids: Vec<&str>| {
            let expected: Vec<&str> = weights
                .iter()
                .map(|(id, _)| id.as_str())
                .filter(|id| ids.contains(id))
                .collect();
            assert_eq!(ids, expected, "listed in ranking order, each once");
        };
        rank_ordered(placed_ids.clone());
        rank_ordered(unplaced_ids.iter().map(String::as_str).collect());
        assert_eq!(
            placed_ids.len() + unplaced_ids.len(),
            weights.len(),
            "every movable one once"
        );

        let quarters = roadmap_quarters(model);
        let first = model.planning_start.ordinal();
        let last = first + quarters.len() as i64 - 1;
        let window = first.max(case.earliest_start.ordinal());

        let mut applied = model.clone();
        for initiative in &mut applied.initiatives {
            if let Some(planned) = proposal
                .placed
                .iter()
                .find(|planned| planned.initiative_id == initiative.id)
            {
                assert_eq!(planned.previous_start, initiative.start);
                assert_eq!(planned.duration_quarters, initiative.duration_quarters);
                initiative.start = Some(planned.start);
            } else if unplaced_ids.contains(&initiative.id) {
                initiative.start = None;
            }
        }
        let mut fixed_only = model.clone();
        for initiative in &mut fixed_only.initiatives {
            if expected_role(initiative) == Role::Movable {
                initiative.start = None;
            }
        }
        let loads = roadmap_quarter_loads(&applied);
        let fixed_loads = roadmap_quarter_loads(&fixed_only);
        let expected_overloads: Vec<Quarter> = fixed_loads
            .iter()
            .filter(|load| load.over_capacity || load.over_wip)
            .map(|load| load.quarter)
            .collect();
        let reported: Vec<Quarter> = proposal
            .pin_overloads
            .iter()
            .map(|overload| overload.quarter)
            .collect();
        assert_eq!(reported, expected_overloads);
        for overload in &proposal.pin_overloads {
            let Some(load) = fixed_loads
                .iter()
                .find(|load| load.quarter == overload.quarter)
            else {
                panic!("a pin overload outside the horizon");
            };
            assert!((load.planned_person_days - overload.planned_person_days).abs() < 1e-6);
            assert_eq!(load.wip, overload.wip);
            assert_eq!(
                (load.over_capacity, load.over_wip),
                (overload.over_capacity, overload.over_wip)
            );
        }

        let occupied = |initiative: &Initiative| i64::from(initiative.duration_quarters.max(1));
        let has_room = |quarter_ordinal: i64, person_days: f64, loads: &[QuarterLoadView]| {
            loads
                .iter()
                .find(|load| load.ordinal == quarter_ordinal)
                .is_some_and(|load| {
                    !load.pinned_over
                        && load.capacity.is_none_or(|capacity| {
                            load.person_days + person_days <= f64::from(capacity) + 1e-6
                        })
                        && load.wip_limit.is_none_or(|limit| load.wip < limit)
                })
        };
        let views: Vec<QuarterLoadView> = loads
            .iter()
            .zip(&fixed_loads)
            .map(|(load, fixed)| QuarterLoadView {
                ordinal: load.quarter.ordinal(),
                person_days: load.planned_person_days,
                wip: load.wip,
                capacity: load.capacity_person_days,
                wip_limit: load.wip_limit,
                pinned_over: fixed.over_capacity || fixed.over_wip,
            })
            .collect();
        for view in &views {
            if view.pinned_over {
                let holds_movable = proposal.placed.iter().any(|planned| {
                    find(&applied, &planned.initiative_id).is_some_and(|initiative| {
                        let start = planned.start.ordinal();
                        (start..start + occupied(initiative)).contains(&view.ordinal)
                    })
                });
                assert!(
                    !holds_movable,
                    "movable work in a quarter the pins overload"
                );
            } else {
                let load = loads
                    .iter()
                    .find(|load| load.quarter.ordinal() == view.ordinal);
                assert!(
                    load.is_some_and(|load| !load.over_capacity && !load.over_wip),
                    "a quarter over its limits"
                );
            }
        }

        let mut objective = 0u64;
        for (id, weight) in &weights {
            let Some(initiative) = find(&applied, id) else {
                panic!("a movable initiative vanished");
            };
            let person_days = initiative.effort_person_days.map_or(0.0, |person_days| {
                f64::from(person_days) / occupied(initiative) as f64
            });
            let dependency_ends: Vec<(String, Result<Option<i64>, ()>)> = initiative
                .depends_on_ids
                .iter()
                .map(|dependency_id| {
                    (
                        dependency_id.clone(),
                        dependency_end(&applied, dependency_id, &unplaced_ids),
                    )
                })
                .collect();
            let dependency_bound = dependency_ends
                .iter()
                .filter_map(|(_, end)| end.ok().flatten())
                .fold(window, i64::max);
            if let Some(planned) = proposal
                .placed
                .iter()
                .find(|planned| &planned.initiative_id == id)
            {
                let start = planned.start.ordinal();
                let finish = start + occupied(initiative) - 1;
                assert!(start >= window, "{id} starts before the window");
                assert!(finish <= last, "{id} ends after the horizon");
                assert!(
                    dependency_ends.iter().all(|(_, end)| end.is_ok()),
                    "{id} follows an unplaced dependency"
                );
                assert!(
                    start >= dependency_bound,
                    "{id} starts before a dependency ends"
                );
                objective += weight * (finish - first + 1) as u64;
                match &planned.reason {
                    PlacementReason::EarliestPossible => assert_eq!(start, window),
                    PlacementReason::AfterDependency { dependency_id } => {
                        assert!(start > window);
                        let end = dependency_end(&applied, dependency_id, &unplaced_ids);
                        assert_eq!(
                            end,
                            Ok(Some(start)),
                            "{id} is said to wait for {dependency_id}"
                        );
                    }
                    PlacementReason::CapacityFull { quarter }
                    | PlacementReason::WipLimitReached { quarter } => {
                        assert!(start > dependency_bound);
                        assert_eq!(quarter.ordinal(), start - 1);
                        // Loads only grow after its turn: the quarter is still short.
                        let view = views.iter().find(|view| view.ordinal == quarter.ordinal());
                        assert!(view.is_some(), "the blocking quarter lies in the horizon");
                        assert!(!has_room(quarter.ordinal(), person_days, &views));
                    }
                }
            } else {
                objective += weight * (quarters.len() as u64 + 1);
                let Some(unplaceable) = proposal
                    .unplaceable
                    .iter()
                    .find(|unplaceable| &unplaceable.initiative_id == id)
                else {
                    panic!("{id} is neither placed nor unplaceable");
                };
                let available = (last - window + 1).max(0);
                match &unplaceable.reason {
                    UnplaceableReason::PinnedWithoutStart => assert!(initiative.pinned),
                    UnplaceableReason::NeedsMoreThanCapacity {
                        capacity_person_days,
                        ..
                    } => {
                        assert_eq!(
                            Some(*capacity_person_days),
                            model.settings.capacity_person_days_per_quarter
                        );
                        assert!(person_days > f64::from(*capacity_person_days) + 1e-6);
                    }
                    UnplaceableReason::LongerThanHorizon {
                        quarters_available, ..
                    } => {
                        assert_eq!(i64::from(*quarters_available), available);
                        assert!(occupied(initiative) > available);
                    }
                    UnplaceableReason::DependsOnUnplaceable { dependency_id } => {
                        assert!(initiative.depends_on_ids.contains(dependency_id));
                        assert!(unplaced_ids.contains(dependency_id));
                    }
                    UnplaceableReason::DependencyEndsTooLate { dependency_id } => {
                        assert!(initiative.depends_on_ids.contains(dependency_id));
                        let end = dependency_end(&applied, dependency_id, &unplaced_ids);
                        assert!(end.is_ok_and(
                            |end| end.is_some_and(|end| end + occupied(initiative) - 1 > last)
                        ));
                    }
                    UnplaceableReason::NoRoomInHorizon => {
                        // It would not fit anywhere in the finished plan either.
                        assert!(dependency_ends.iter().all(|(_, end)| end.is_ok()));
                        let latest = last - occupied(initiative) + 1;
                        for start in dependency_bound..=latest {
                            let fits = (start..start + occupied(initiative))
                                .all(|ordinal| has_room(ordinal, person_days, &views));
                            assert!(!fits, "{id} would fit from ordinal {start}");
                        }
                    }
                }
            }
        }
        assert_eq!(proposal.objective, objective, "the objective");
        let measured = still_movable(&applied, &weights);
        assert_eq!(
            current_plan_objective(&measured, &case.ranking, case.earliest_start),
            objective
        );
    }

    /// The model with its movable initiatives (by the original model's roles) still
    /// movable once they have a start: active ones become planned, since an active
    /// initiative with a start is fixed.
    fn still_movable(model: &Model, weights: &[(String, u64)]) -> Model {
        let mut copy = model.clone();
        for initiative in &mut copy.initiatives {
            let movable = weights.iter().any(|(id, _)| *id == initiative.id);
            if movable && initiative.status == InitiativeStatus::Active {
                initiative.status = InitiativeStatus::Planned;
            }
        }
        copy
    }

    /// The load of one quarter of the applied plan, with whether the pins alone
    /// overload it.
    struct QuarterLoadView {
        ordinal: i64,
        person_days: f64,
        wip: u32,
        capacity: Option<u32>,
        wip_limit: Option<u32>,
        pinned_over: bool,
    }

    #[test]
    fn random_plans_keep_every_rule() {
        let mut random = TestRandom::new(2026);
        for case_number in 0..300 {
            let case = if case_number % 3 == 0 {
                random_case(&mut random, 0..=60, 0..=12, 4..=12)
            } else {
                random_case(&mut random, 0..=12, 0..=4, 4..=8)
            };
            let proposal = propose_plan(&case.model, &case.ranking, case.earliest_start);
            check_proposal(&case, &proposal);
            // Planning the planned model again (unplaceable ones unscheduled, so the
            // schedule is a feasible one) keeps the plan at least as good.
            let mut applied = case.model.clone();
            for initiative in &mut applied.initiatives {
                if let Some(planned) = proposal
                    .placed
                    .iter()
                    .find(|planned| planned.initiative_id == initiative.id)
                {
                    initiative.start = Some(planned.start);
                }
                if proposal
                    .unplaceable
                    .iter()
                    .any(|unplaceable| unplaceable.initiative_id == initiative.id)
                {
                    initiative.start = None;
                }
            }
            let weights = expected_weights(&case.model, &case.ranking);
            let applied = still_movable(&applied, &weights);
            let again = propose_plan(&applied, &case.ranking, case.earliest_start);
            assert!(again.objective <= proposal.objective, "case {case_number}");
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::model::arbitrary::proptest_config_with_default_cases(64))]

        #[test]
        fn plans_of_arbitrary_valid_models_keep_every_rule(
            model in crate::model::arbitrary::arbitrary_valid_model(),
            capacity in proptest::option::of(0u32..200),
            wip_limit in proptest::option::of(0u32..4),
            earliest_offset in -2i64..6,
        ) {
            let mut model = model;
            model.settings.capacity_person_days_per_quarter = capacity;
            model.settings.wip_limit = wip_limit;
            let ranking = crate::model::formulas::ranking::rank_initiatives(&model);
            let earliest_start = model.planning_start.offset(earliest_offset);
            let case = Case { model, ranking, earliest_start };
            let proposal = propose_plan(&case.model, &case.ranking, case.earliest_start);
            check_proposal(&case, &proposal);
        }
    }

    // -----------------------------------------------------------------------------
    // Optimality against an exhaustive search
    // -----------------------------------------------------------------------------

    /// One movable initiative as the exhaustive search sees it.
    struct SearchItem {
        weight: u64,
        occupied: usize,
        duration: usize,
        person_days: f64,
        /// Never placeable (pinned without a start).
        never: bool,
        /// Quarter index the fixed dependencies allow (at least 0).
        fixed_bound: i64,
        /// Indices (into the search items) of movable dependencies.
        movable_dependencies: Vec<usize>,
    }

    struct Search {
        items: Vec<SearchItem>,
        quarter_count: usize,
        window: usize,
        capacity: Option<u32>,
        wip_limit: Option<u32>,
        blocked: Vec<bool>,
        /// The least each item from this one on can add, for pruning.
        remaining_bound: Vec<u64>,
        best: u64,
    }

    /// The optimum over every assignment of a start (or no start, at the penalty) to
    /// each movable initiative that keeps the rules, by depth-first search with
    /// incremental loads and a lower bound.
    fn exhaustive_optimum(case: &Case) -> u64 {
        let model = &case.model;
        let weights = expected_weights(model, &case.ranking);
        let quarters = roadmap_quarters(model);
        let first = model.planning_start.ordinal();
        let window = (first.max(case.earliest_start.ordinal()) - first) as usize;
        let mut fixed_only = model.clone();
        for initiative in &mut fixed_only.initiatives {
            if expected_role(initiative) == Role::Movable {
                initiative.start = None;
            }
        }
        let fixed_loads = roadmap_quarter_loads(&fixed_only);
        // Items in an order where dependencies come first (the models are acyclic).
        let mut ordered: Vec<(String, u64)> = Vec::new();
        while ordered.len() < weights.len() {
            for (id, weight) in &weights {
                if ordered.iter().any(|(done, _)| done == id) {
                    continue;
                }
                let Some(initiative) = find(model, id) else {
                    panic!("missing");
                };
                let ready = initiative.depends_on_ids.iter().all(|dependency| {
                    !weights.iter().any(|(movable, _)| movable == dependency)
                        || ordered.iter().any(|(done, _)| done == dependency)
                });
                if ready {
                    ordered.push((id.clone(), *weight));
                }
            }
        }
        let items: Vec<SearchItem> = ordered
            .iter()
            .map(|(id, weight)| {
                let Some(initiative) = find(model, id) else {
                    panic!("missing");
                };
                let occupied = usize::from(initiative.duration_quarters.max(1));
                let mut fixed_bound = 0i64;
                let mut movable_dependencies = Vec::new();
                for dependency_id in &initiative.depends_on_ids {
                    if let Some(index) =
                        ordered.iter().position(|(other, _)| other == dependency_id)
                    {
                        movable_dependencies.push(index);
                    } else if let Some(dependency) = find(model, dependency_id) {
                        if expected_role(dependency) == Role::Fixed
                            && dependency.status != InitiativeStatus::Done
                        {
                            if let Some(start) = dependency.start {
                                fixed_bound = fixed_bound.max(
                                    start.ordinal() + i64::from(dependency.duration_quarters)
                                        - first,
                                );
                            }
                        }
                    }
                }
                SearchItem {
                    weight: *weight,
                    occupied,
                    duration: usize::from(initiative.duration_quarters),
                    person_days: initiative
                        .effort_person_days
                        .map_or(0.0, |person_days| f64::from(person_days) / occupied as f64),
                    never: initiative.pinned && initiative.start.is_none(),
                    fixed_bound,
                    movable_dependencies,
                }
            })
            .collect();
        let quarter_count = quarters.len();
        let mut remaining_bound = vec![0u64; items.len() + 1];
        for index in (0..items.len()).rev() {
            let item = &items[index];
            let earliest_finish = (window + item.occupied).min(quarter_count + 1) as u64;
            remaining_bound[index] = remaining_bound[index + 1] + item.weight * earliest_finish;
        }
        let mut search = Search {
            items,
            quarter_count,
            window,
            capacity: model.settings.capacity_person_days_per_quarter,
            wip_limit: model.settings.wip_limit,
            blocked: fixed_loads
                .iter()
                .map(|load| load.over_capacity || load.over_wip)
                .collect(),
            remaining_bound,
            best: u64::MAX,
        };
        let loads: Vec<f64> = fixed_loads
            .iter()
            .map(|load| load.planned_person_days)
            .collect();
        let wips: Vec<u32> = fixed_loads.iter().map(|load| load.wip).collect();
        let mut starts: Vec<Option<usize>> = vec![None; search.items.len()];
        search_from(&mut search, 0, &loads, &wips, &mut starts, 0);
        search.best
    }

    fn search_from(
        search: &mut Search,
        index: usize,
        loads: &[f64],
        wips: &[u32],
        starts: &mut Vec<Option<usize>>,
        cost: u64,
    ) {
        if cost + search.remaining_bound[index] >= search.best {
            return;
        }
        if index == search.items.len() {
            search.best = cost;
            return;
        }
        let penalty = (search.quarter_count + 1) as u64;
        let item = &search.items[index];
        let weight = item.weight;
        let mut lower = Some((search.window as i64).max(item.fixed_bound));
        for &dependency in &item.movable_dependencies {
            lower = match (lower, starts[dependency]) {
                (Some(lower), Some(start)) => {
                    Some(lower.max((start + search.items[dependency].duration) as i64))
                }
                _ => None,
            };
        }
        if let (Some(lower), false) = (lower, item.never) {
            let occupied = item.occupied;
            let person_days = item.person_days;
            let latest = search.quarter_count as i64 - occupied as i64;
            for start in lower..=latest {
                let start = start as usize;
                let fits = (start..start + occupied).all(|quarter| {
                    !search.blocked[quarter]
                        && search.capacity.is_none_or(|capacity| {
                            loads[quarter] + person_days <= f64::from(capacity) + 1e-6
                        })
                        && search.wip_limit.is_none_or(|limit| wips[quarter] < limit)
                });
                if !fits {
                    continue;
                }
                let mut next_loads = loads.to_vec();
                let mut next_wips = wips.to_vec();
                for quarter in start..start + occupied {
                    next_loads[quarter] += person_days;
                    next_wips[quarter] += 1;
                }
                starts[index] = Some(start);
                let finish = (start + occupied) as u64;
                search_from(
                    search,
                    index + 1,
                    &next_loads,
                    &next_wips,
                    starts,
                    cost + weight * finish,
                );
                starts[index] = None;
            }
        }
        search_from(
            search,
            index + 1,
            loads,
            wips,
            starts,
            cost + weight * penalty,
        );
    }

    #[test]
    fn the_plan_is_within_ten_percent_of_the_exhaustive_optimum() {
        let mut random = TestRandom::new(42);
        let case_count = 900;
        let mut worst_gap = 0.0f64;
        let mut worst_case = 0;
        let mut optimal_cases = 0;
        let started = std::time::Instant::now();
        for case_number in 0..case_count {
            // A third each: anything small, crowded short horizons, seven initiatives
            // beside several fixed ones.
            let case = match case_number % 3 {
                0 => random_case(&mut random, 1..=7, 0..=3, 4..=6),
                1 => random_case(&mut random, 6..=7, 0..=2, 4..=5),
                _ => random_case(&mut random, 7..=7, 2..=3, 6..=6),
            };
            let proposal = propose_plan(&case.model, &case.ranking, case.earliest_start);
            check_proposal(&case, &proposal);
            let optimum = exhaustive_optimum(&case);
            assert!(
                optimum <= proposal.objective,
                "case {case_number}: the search missed the plan"
            );
            assert!(
                proposal.objective * 10 <= optimum * 11,
                "case {case_number}: plan {} against optimum {optimum}",
                proposal.objective
            );
            let gap = proposal.objective as f64 / optimum as f64 - 1.0;
            if gap > worst_gap {
                worst_gap = gap;
                worst_case = case_number;
            }
            if proposal.objective == optimum {
                optimal_cases += 1;
            }
        }
        eprintln!(
            "plan against exhaustive optimum: {case_count} cases, {optimal_cases} optimal, worst gap {:.2} % (case {worst_case}), {} ms",
            worst_gap * 100.0,
            started.elapsed().as_millis()
        );
    }

    // -----------------------------------------------------------------------------
    // Timing
    // -----------------------------------------------------------------------------

    #[test]
    #[ignore = "a timing run: cargo test --release --lib plan_timing -- --ignored --nocapture"]
    fn plan_timing_for_one_thousand_initiatives() {
        // Crowded: about a quarter of the work fits in the horizon, so the search
        // has the most to do; roomy: most of it fits.
        for (label, capacity, wip_limit) in [("crowded", 1_500, 40), ("roomy", 5_000, 120)] {
            let case = thousand_initiatives(capacity, wip_limit);
            let started = std::time::Instant::now();
            let proposal = propose_plan(&case.model, &case.ranking, case.earliest_start);
            let elapsed = started.elapsed();
            let current = current_plan_objective(&case.model, &case.ranking, case.earliest_start);
            eprintln!(
                "1,000 initiatives, {label}: planned in {} ms; {} placed, {} unplaceable, objective {} (current schedule {current})",
                elapsed.as_millis(),
                proposal.placed.len(),
                proposal.unplaceable.len(),
                proposal.objective
            );
            check_proposal(&case, &proposal);
        }
    }

    /// 1,000 initiatives over 12 quarters: one in twenty fixed (pinned or active),
    /// dependencies on recent ones, 5 to 150 person-days, milestones to four quarters.
    fn thousand_initiatives(capacity: u32, wip_limit: u32) -> Case {
        let mut random = TestRandom::new(1000);
        let mut model = model_with(12, Some(capacity), Some(wip_limit), Vec::new());
        for number in 0..1_000u64 {
            let mut generated = work(
                &format!("i-{number:04}"),
                random.within(5..=150) as u32,
                random.within(0..=4) as u8,
            );
            if number % 20 == 0 {
                generated.start = Some(model.planning_start.offset(random.within(0..=11) as i64));
                if number % 40 == 0 {
                    generated.pinned = true;
                } else {
                    generated.status = InitiativeStatus::Active;
                }
            }
            for _ in 0..random.below(3) {
                if number > 0 && random.chance(60) {
                    let earlier = number - 1 - random.below(number.min(50));
                    generated.depends_on_ids.push(format!("i-{earlier:04}"));
                }
            }
            model.initiatives.push(generated);
        }
        let mut ranked_ids: Vec<String> = model
            .initiatives
            .iter()
            .map(|initiative| initiative.id.clone())
            .collect();
        for index in (1..ranked_ids.len()).rev() {
            let other = random.below(index as u64 + 1) as usize;
            ranked_ids.swap(index, other);
        }
        let ranking: Vec<RankedInitiative> = ranked_ids
            .iter()
            .enumerate()
            .map(|(position, id)| RankedInitiative {
                initiative_id: id.clone(),
                priority_score: None,
                effective_value: None,
                rank: position + 1,
            })
            .collect();
        Case {
            earliest_start: model.planning_start,
            model,
            ranking,
        }
    }
}
