//! The layout of the roadmap: a quarterly timeline with one bar per scheduled
//! initiative, grouped into lanes, plus the Now / Next / Later board derived from the
//! same schedule.
//!
//! Pure and deterministic like the matrix layout, so the screen, the SVG export and the
//! native tests agree. Coordinates are SVG user units: the view box is
//! [`RoadmapGeometry::WIDTH`] wide, a column of lane names on the left and one equal
//! column per quarter of the horizon; its height grows with the lanes.
//!
//! # Lanes and rows
//!
//! Every initiative belongs to exactly one lane of the chosen [`LaneMode`]: by goal
//! (its strongest goal contribution, the first on a tie), by capability (the first it
//! builds), by owner, by category (its quadrant: quick win, platform topic, ...) or by
//! status; those without one share a last lane ("without goal"). Lanes keep the
//! model's order of goals, capabilities and people, so the chart does not reshuffle
//! when a score changes. Inside a lane, bars are packed into rows: a bar takes the
//! first row whose last bar ended before it starts, bars sorted by start and then by
//! priority, so overlapping work sits on separate rows and nothing covers anything.
//!
//! # Bars
//!
//! A bar spans its quarters from the start to the end of its last quarter; a milestone
//! (duration 0) is a diamond at the start of its quarter with its title beside it. A bar that begins before
//! the horizon or runs past it is cut at the edge and marked, so the user knows there
//! is more. Initiatives entirely outside the horizon are counted, not drawn;
//! unscheduled ones wait in the tray of the screen.

use crate::model::formulas::quadrants::{initiative_quadrant, Quadrant};
use crate::model::formulas::ranking::RankedInitiative;
use crate::model::formulas::schedule_checks::{dependency_violations, DependencyViolation};
use crate::model::formulas::steering::{now_next_later_bucket, NowNextLater};
use crate::model::id_lookup::IdLookup;
use crate::model::types::{EntityId, Initiative, InitiativeStatus, Model, Quarter};

/// How the timeline groups its bars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LaneMode {
    #[default]
    Goal,
    Capability,
    Owner,
    Category,
    Status,
}

impl LaneMode {
    /// Every mode with the slug the screen and its tests use.
    pub const ALL: [(LaneMode, &'static str); 5] = [
        (LaneMode::Goal, "goal"),
        (LaneMode::Capability, "capability"),
        (LaneMode::Owner, "owner"),
        (LaneMode::Category, "category"),
        (LaneMode::Status, "status"),
    ];

    pub fn slug(self) -> &'static str {
        LaneMode::ALL
            .iter()
            .find(|(mode, _)| *mode == self)
            .map_or("goal", |(_, slug)| slug)
    }

    pub fn from_slug(slug: &str) -> LaneMode {
        LaneMode::ALL
            .iter()
            .find(|(_, known)| *known == slug)
            .map_or(LaneMode::Goal, |(mode, _)| *mode)
    }
}

/// What a lane stands for; the screen turns it into a translated name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LaneKey {
    /// A goal, capability or person of the model, by id.
    Entity(EntityId),
    /// A quadrant, or `None` for unscored initiatives.
    Category(Option<Quadrant>),
    Status(InitiativeStatus),
    /// Initiatives without a goal, capability or owner (by the mode).
    Without,
}

/// The fixed proportions of the timeline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RoadmapGeometry {
    /// Width of the column of lane names.
    pub lane_label_width: f64,
    /// Height of the row of quarter names at the top.
    pub header_height: f64,
    /// Height of one row of bars.
    pub row_height: f64,
    /// Height of a bar inside its row.
    pub bar_height: f64,
    /// Space above and below the rows of a lane.
    pub lane_padding: f64,
}

impl RoadmapGeometry {
    /// The view box width: wide enough for a projector and an A4 or A3 landscape page.
    /// On a 1280 x 720 projector the chart is drawn at about its own size, so the
    /// font sizes of the stylesheet are close to screen pixels.
    pub const WIDTH: f64 = 1000.0;

    pub const STANDARD: RoadmapGeometry = RoadmapGeometry {
        lane_label_width: 160.0,
        header_height: 36.0,
        row_height: 44.0,
        bar_height: 36.0,
        lane_padding: 6.0,
    };

    /// The width of one quarter column for a horizon of `quarters`.
    pub fn quarter_width(&self, quarters: usize) -> f64 {
        (Self::WIDTH - self.lane_label_width) / quarters.max(1) as f64
    }
}

/// One lane with its place.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    pub key: LaneKey,
    pub y: f64,
    pub height: f64,
    /// How many initiatives of the horizon are in it.
    pub bar_count: usize,
}

/// One drawn initiative.
#[derive(Debug, Clone, PartialEq)]
pub struct RoadmapBar {
    pub initiative_id: EntityId,
    /// Position in `model.initiatives`, so the screen reaches the entity directly.
    pub initiative_index: usize,
    pub lane_index: usize,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub start: Quarter,
    pub duration_quarters: u8,
    pub is_milestone: bool,
    /// It began before the horizon (the left edge is cut).
    pub continues_before: bool,
    /// It runs past the horizon (the right edge is cut).
    pub continues_after: bool,
    /// Its quadrant, for the category badge.
    pub quadrant: Option<Quadrant>,
    /// It breaks a dependency (see `schedule_checks`).
    pub flagged: bool,
}

impl RoadmapBar {
    /// The x coordinate where successors may begin (the end of the bar, or the
    /// diamond's middle for a milestone).
    pub fn end_x(&self) -> f64 {
        if self.is_milestone {
            self.diamond_center_x()
        } else {
            self.x + self.width
        }
    }

    /// The middle of a milestone's diamond, which sits at the left of its box.
    pub fn diamond_center_x(&self) -> f64 {
        self.x + self.height / 2.0
    }

    pub fn center_y(&self) -> f64 {
        self.y + self.height / 2.0
    }
}

/// An arrow from a dependency's bar to the bar of the initiative that needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct DependencyArrow {
    pub from_initiative_id: EntityId,
    pub to_initiative_id: EntityId,
    pub from: (f64, f64),
    pub to: (f64, f64),
    /// The successor starts before the dependency has ended.
    pub violated: bool,
}

/// The whole timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct RoadmapLayout {
    pub geometry: RoadmapGeometry,
    pub quarters: Vec<Quarter>,
    pub quarter_width: f64,
    pub height: f64,
    pub lanes: Vec<Lane>,
    pub bars: Vec<RoadmapBar>,
    pub arrows: Vec<DependencyArrow>,
    /// Where "today" falls, when it is inside the horizon.
    pub today_x: Option<f64>,
    /// Indexes into `model.initiatives` of those without a start, in priority order.
    pub unscheduled: Vec<usize>,
    /// How many scheduled initiatives lie entirely outside the horizon.
    pub outside_horizon: usize,
    pub violations: Vec<DependencyViolation>,
}

impl RoadmapLayout {
    /// The x coordinate of the left edge of a quarter given by ordinal (quarters
    /// outside the horizon extrapolate, which the drag uses).
    pub fn x_of_ordinal(&self, ordinal: i64) -> f64 {
        let first = self.quarters.first().map_or(0, |quarter| quarter.ordinal());
        self.geometry.lane_label_width + (ordinal - first) as f64 * self.quarter_width
    }
}

/// Where today is, as a quarter and the share of it that has passed (0 to 1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TodayMark {
    pub quarter: Quarter,
    pub elapsed_share: f64,
}

impl TodayMark {
    /// The mark of a calendar day.
    pub fn of_date(date: chrono::NaiveDate) -> TodayMark {
        use chrono::Datelike;
        let quarter = Quarter::containing(date);
        let first_month = u32::from(quarter.quarter_of_year() - 1) * 3 + 1;
        let elapsed_share =
            chrono::NaiveDate::from_ymd_opt(date.year(), first_month, 1).map_or(0.0, |first_day| {
                let elapsed_days = (date - first_day).num_days() as f64;
                (elapsed_days / 91.0).clamp(0.0, 1.0)
            });
        TodayMark {
            quarter,
            elapsed_share,
        }
    }
}

/// The quarter ordinals an initiative occupies (a milestone occupies its quarter).
fn occupied_ordinals(initiative: &Initiative) -> Option<(i64, i64)> {
    let first = initiative.start?.ordinal();
    Some((
        first,
        first + i64::from(initiative.duration_quarters.max(1)) - 1,
    ))
}

/// The lane key of an initiative under a mode.
fn lane_key_of(model: &Model, initiative: &Initiative, mode: LaneMode) -> LaneKey {
    match mode {
        LaneMode::Goal => crate::charts::matrix::primary_goal_id(initiative)
            .map_or(LaneKey::Without, |goal_id| LaneKey::Entity(goal_id.clone())),
        LaneMode::Capability => initiative
            .capability_ids
            .first()
            .map_or(LaneKey::Without, |id| LaneKey::Entity(id.clone())),
        LaneMode::Owner => initiative
            .owner_id
            .as_ref()
            .map_or(LaneKey::Without, |id| LaneKey::Entity(id.clone())),
        LaneMode::Category => LaneKey::Category(initiative_quadrant(model, initiative)),
        LaneMode::Status => LaneKey::Status(initiative.status),
    }
}

/// Every possible lane of a mode in display order (empty ones are dropped later).
fn lane_order(model: &Model, mode: LaneMode) -> Vec<LaneKey> {
    let entity_lanes = |ids: Vec<&EntityId>| {
        ids.into_iter()
            .map(|id| LaneKey::Entity(id.clone()))
            .chain(std::iter::once(LaneKey::Without))
            .collect()
    };
    match mode {
        LaneMode::Goal => entity_lanes(model.goals.iter().map(|goal| &goal.id).collect()),
        LaneMode::Capability => entity_lanes(
            model
                .capabilities
                .iter()
                .map(|capability| &capability.id)
                .collect(),
        ),
        LaneMode::Owner => entity_lanes(model.people.iter().map(|person| &person.id).collect()),
        LaneMode::Category => [
            Some(Quadrant::QuickWin),
            Some(Quadrant::PlatformTopic),
            Some(Quadrant::FillIn),
            Some(Quadrant::TimeSink),
            None,
        ]
        .into_iter()
        .map(LaneKey::Category)
        .collect(),
        LaneMode::Status => [
            InitiativeStatus::Active,
            InitiativeStatus::Planned,
            InitiativeStatus::Idea,
            InitiativeStatus::Done,
            InitiativeStatus::Stopped,
        ]
        .into_iter()
        .map(LaneKey::Status)
        .collect(),
    }
}

/// Lays out the timeline of `model` with lanes by `mode`; `ranking` is the model's
/// priority ranking (shared with other views so it is computed once per change).
pub fn lay_out_roadmap(
    model: &Model,
    ranking: &[RankedInitiative],
    mode: LaneMode,
    today: Option<TodayMark>,
) -> RoadmapLayout {
    let geometry = RoadmapGeometry::STANDARD;
    let quarters = crate::model::formulas::capacity::roadmap_quarters(model);
    let quarter_width = geometry.quarter_width(quarters.len());
    let horizon_first = model.planning_start.ordinal();
    let horizon_last = horizon_first + quarters.len() as i64 - 1;

    let rank_by_id = IdLookup::new(
        ranking
            .iter()
            .map(|ranked| (ranked.initiative_id.as_str(), ranked.rank))
            .collect(),
    );
    let rank_of = |initiative: &Initiative| rank_by_id.get(&initiative.id).unwrap_or(usize::MAX);
    let violations = dependency_violations(model);
    let flagged_ids = IdLookup::new(
        violations
            .iter()
            .map(|violation| (violation.initiative_id.as_str(), ()))
            .collect(),
    );

    // Which initiatives are drawn, which wait in the tray, which are outside.
    let mut unscheduled: Vec<usize> = Vec::new();
    let mut outside_horizon = 0;
    let mut drawn: Vec<(usize, i64, i64)> = Vec::new();
    for (index, initiative) in model.initiatives.iter().enumerate() {
        match occupied_ordinals(initiative) {
            None => unscheduled.push(index),
            Some((first, last)) if last < horizon_first || first > horizon_last => {
                outside_horizon += 1;
            }
            Some((first, last)) => drawn.push((index, first, last)),
        }
    }
    unscheduled.sort_by_key(|index| rank_of(&model.initiatives[*index]));

    // Lanes in display order; each drawn initiative goes to its lane.
    let lane_keys = lane_order(model, mode);
    let mut members: Vec<Vec<(usize, i64, i64)>> = vec![Vec::new(); lane_keys.len()];
    for (index, first, last) in drawn {
        let key = lane_key_of(model, &model.initiatives[index], mode);
        // A key the order does not know (a dangling link) joins the "without" lane.
        let lane = lane_keys
            .iter()
            .position(|known| *known == key)
            .or_else(|| {
                lane_keys
                    .iter()
                    .position(|known| *known == LaneKey::Without)
            })
            .unwrap_or(0);
        if let Some(lane_members) = members.get_mut(lane) {
            lane_members.push((index, first, last));
        }
    }

    let mut lanes = Vec::new();
    let mut bars = Vec::new();
    let mut y = geometry.header_height;
    for (key, mut lane_members) in lane_keys.into_iter().zip(members) {
        if lane_members.is_empty() {
            continue;
        }
        let lane_index = lanes.len();
        lane_members.sort_by_key(|(index, first, _)| (*first, rank_of(&model.initiatives[*index])));
        // The last occupied ordinal of each row; a bar takes the first row it fits.
        let mut row_ends: Vec<i64> = Vec::new();
        for (index, first, last) in &lane_members {
            let row = match row_ends.iter().position(|row_end| row_end < first) {
                Some(row) => row,
                None => {
                    row_ends.push(i64::MIN);
                    row_ends.len() - 1
                }
            };
            row_ends[row] = *last;
            let initiative = &model.initiatives[*index];
            let visible_first = (*first).max(horizon_first);
            let visible_last = (*last).min(horizon_last);
            let is_milestone = initiative.duration_quarters == 0;
            let row_top = y + geometry.lane_padding + row as f64 * geometry.row_height;
            let bar_top = row_top + (geometry.row_height - geometry.bar_height) / 2.0;
            let left =
                geometry.lane_label_width + (visible_first - horizon_first) as f64 * quarter_width;
            // A milestone's box is its whole quarter (so row packing keeps the quarter
            // free for its title); the diamond sits at the left of the box.
            let quarters_shown = if is_milestone {
                1
            } else {
                visible_last - visible_first + 1
            };
            let (x, width) = (left + 2.0, quarters_shown as f64 * quarter_width - 4.0);
            bars.push(RoadmapBar {
                initiative_id: initiative.id.clone(),
                initiative_index: *index,
                lane_index,
                x,
                y: bar_top,
                width,
                height: geometry.bar_height,
                start: initiative.start.unwrap_or(model.planning_start),
                duration_quarters: initiative.duration_quarters,
                is_milestone,
                continues_before: *first < horizon_first,
                continues_after: *last > horizon_last,
                quadrant: initiative_quadrant(model, initiative),
                flagged: flagged_ids.get(&initiative.id).is_some(),
            });
        }
        let height = row_ends.len() as f64 * geometry.row_height + 2.0 * geometry.lane_padding;
        lanes.push(Lane {
            key,
            y,
            height,
            bar_count: lane_members.len(),
        });
        y += height;
    }

    let arrows = dependency_arrows(model, &bars);
    let today_x = today.and_then(|mark| {
        let ordinal = mark.quarter.ordinal();
        (horizon_first..=horizon_last).contains(&ordinal).then(|| {
            geometry.lane_label_width
                + ((ordinal - horizon_first) as f64 + mark.elapsed_share) * quarter_width
        })
    });
    RoadmapLayout {
        geometry,
        quarters,
        quarter_width,
        height: y.max(geometry.header_height + geometry.row_height),
        lanes,
        bars,
        arrows,
        today_x,
        unscheduled,
        outside_horizon,
        violations,
    }
}

/// Arrows between drawn bars, from the end of each dependency to the start of the
/// initiative that needs it. Finished dependencies are not drawn (they constrain
/// nothing any more).
fn dependency_arrows(model: &Model, bars: &[RoadmapBar]) -> Vec<DependencyArrow> {
    let bar_by_id = IdLookup::new(
        bars.iter()
            .map(|bar| (bar.initiative_id.as_str(), bar))
            .collect(),
    );
    let mut arrows = Vec::new();
    for bar in bars {
        let Some(initiative) = model.initiatives.get(bar.initiative_index) else {
            continue;
        };
        for dependency_id in &initiative.depends_on_ids {
            let Some(dependency_bar) = bar_by_id.get(dependency_id) else {
                continue;
            };
            let Some(dependency) = model.initiatives.get(dependency_bar.initiative_index) else {
                continue;
            };
            if matches!(
                dependency.status,
                InitiativeStatus::Done | InitiativeStatus::Stopped
            ) {
                continue;
            }
            let violated = crate::model::formulas::schedule_checks::dependency_end(dependency)
                .is_some_and(|ends| bar.start < ends)
                && !matches!(
                    initiative.status,
                    InitiativeStatus::Done | InitiativeStatus::Stopped
                );
            let from_x = dependency_bar.end_x();
            arrows.push(DependencyArrow {
                from_initiative_id: dependency.id.clone(),
                to_initiative_id: initiative.id.clone(),
                from: (from_x, dependency_bar.center_y()),
                to: (bar.x, bar.center_y()),
                violated,
            });
        }
    }
    arrows
}

/// The cards of the Now / Next / Later board in each column, as indexes into
/// `model.initiatives` in priority order. Done and stopped initiatives have no column.
pub fn board_columns(
    model: &Model,
    ranking: &[RankedInitiative],
    current_quarter: Quarter,
) -> [Vec<usize>; 3] {
    let rank_by_id = IdLookup::new(
        ranking
            .iter()
            .map(|ranked| (ranked.initiative_id.as_str(), ranked.rank))
            .collect(),
    );
    let mut columns: [Vec<usize>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    for (index, initiative) in model.initiatives.iter().enumerate() {
        let column = match now_next_later_bucket(initiative, current_quarter) {
            Some(NowNextLater::Now) => 0,
            Some(NowNextLater::Next) => 1,
            Some(NowNextLater::Later) => 2,
            None => continue,
        };
        columns[column].push(index);
    }
    for column in &mut columns {
        column.sort_by_key(|index| {
            rank_by_id
                .get(&model.initiatives[*index].id)
                .unwrap_or(usize::MAX)
        });
    }
    columns
}

/// The start a card gets when it is moved to a board column: the current quarter,
/// the next one, or no schedule (DESIGN.md section 3).
pub fn start_for_board_column(column: NowNextLater, current_quarter: Quarter) -> Option<Quarter> {
    match column {
        NowNextLater::Now => Some(current_quarter),
        NowNextLater::Next => Some(current_quarter.next()),
        NowNextLater::Later => None,
    }
}

/// A title shortened with an ellipsis to at most `characters` characters.
pub fn shortened_title(title: &str, characters: usize) -> String {
    if title.chars().count() <= characters {
        return title.to_string();
    }
    let kept: String = title.chars().take(characters.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

/// How many characters of a label of `font_size` fit in `width` (a conservative
/// average character width, as the matrix uses).
pub fn characters_fitting(width: f64, font_size: f64) -> usize {
    (width / (font_size * 0.6)).floor().max(0.0) as usize
}

/// A quarter's IT budget: the budget set for that quarter, else a quarter of the
/// yearly budget (the cents that do not divide evenly go to the first quarters of the
/// year, so the four quarters add up to the year).
pub fn quarter_budget_cents(
    settings: &crate::model::types::Settings,
    quarter: Quarter,
) -> Option<crate::model::types::MoneyCents> {
    if let Some(budget) = settings.it_budget_cents_per_quarter.get(&quarter) {
        return Some(*budget);
    }
    let yearly = settings.it_budget_cents_per_year?;
    let share = yearly.div_euclid(4);
    let remainder = yearly.rem_euclid(4);
    let extra = i64::from(i64::from(quarter.quarter_of_year()) <= remainder);
    Some(share.saturating_add(extra))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::formulas::ranking::rank_initiatives;
    use crate::samples::{sample_from_text, ALL_SAMPLE_TEXTS};

    fn quarter(text: &str) -> Quarter {
        text.parse().expect("a quarter")
    }

    fn sample() -> Model {
        sample_from_text(ALL_SAMPLE_TEXTS[0].1).expect("the sample imports")
    }

    fn bars_overlap(left: &RoadmapBar, right: &RoadmapBar) -> bool {
        left.x < right.x + right.width
            && right.x < left.x + left.width
            && left.y < right.y + right.height
            && right.y < left.y + left.height
    }

    #[test]
    fn bars_of_every_sample_and_mode_never_overlap_and_stay_in_their_lane() {
        for (_, text) in ALL_SAMPLE_TEXTS {
            let model = sample_from_text(text).expect("the sample imports");
            let ranking = rank_initiatives(&model);
            for (mode, _) in LaneMode::ALL {
                let layout = lay_out_roadmap(&model, &ranking, mode, None);
                for (index, bar) in layout.bars.iter().enumerate() {
                    let lane = &layout.lanes[bar.lane_index];
                    assert!(bar.y >= lane.y && bar.y + bar.height <= lane.y + lane.height);
                    assert!(bar.x >= layout.geometry.lane_label_width);
                    assert!(bar.x + bar.width <= RoadmapGeometry::WIDTH + 0.001);
                    for other in &layout.bars[index + 1..] {
                        assert!(
                            !bars_overlap(bar, other),
                            "{} {}",
                            bar.initiative_id,
                            other.initiative_id
                        );
                    }
                }
                let drawn = layout.bars.len() + layout.unscheduled.len() + layout.outside_horizon;
                assert_eq!(drawn, model.initiatives.len());
                let counted: usize = layout.lanes.iter().map(|lane| lane.bar_count).sum();
                assert_eq!(counted, layout.bars.len());
            }
        }
    }

    #[test]
    fn a_bar_spans_its_quarters_and_a_milestone_takes_its_quarter() {
        let mut model = sample();
        model.planning_start = quarter("2026-Q1");
        model.settings.roadmap_horizon_quarters = 8;
        for initiative in &mut model.initiatives {
            initiative.start = None;
        }
        model.initiatives[0].start = Some(quarter("2026-Q2"));
        model.initiatives[0].duration_quarters = 2;
        model.initiatives[1].start = Some(quarter("2026-Q3"));
        model.initiatives[1].duration_quarters = 0;
        let ranking = rank_initiatives(&model);
        let layout = lay_out_roadmap(&model, &ranking, LaneMode::Status, None);
        let width = layout.quarter_width;
        assert!((width - (1000.0 - 160.0) / 8.0).abs() < 1e-9);
        let bar = layout
            .bars
            .iter()
            .find(|bar| bar.initiative_index == 0)
            .expect("bar");
        assert!((bar.x - (160.0 + width + 2.0)).abs() < 1e-9);
        assert!((bar.width - (2.0 * width - 4.0)).abs() < 1e-9);
        let milestone = layout
            .bars
            .iter()
            .find(|bar| bar.initiative_index == 1)
            .expect("milestone");
        assert!(milestone.is_milestone);
        assert!((milestone.x - (160.0 + 2.0 * width + 2.0)).abs() < 1e-9);
        assert!((milestone.width - (width - 4.0)).abs() < 1e-9);
        assert!((milestone.end_x() - (milestone.x + milestone.height / 2.0)).abs() < 1e-9);
        assert_eq!(layout.unscheduled.len(), model.initiatives.len() - 2);
    }

    #[test]
    fn bars_past_the_horizon_are_cut_and_marked_and_those_outside_are_counted() {
        let mut model = sample();
        model.planning_start = quarter("2026-Q1");
        model.settings.roadmap_horizon_quarters = 4;
        for initiative in &mut model.initiatives {
            initiative.start = None;
        }
        model.initiatives[0].start = Some(quarter("2025-Q4"));
        model.initiatives[0].duration_quarters = 2;
        model.initiatives[1].start = Some(quarter("2026-Q4"));
        model.initiatives[1].duration_quarters = 3;
        model.initiatives[2].start = Some(quarter("2027-Q1"));
        let layout = lay_out_roadmap(&model, &rank_initiatives(&model), LaneMode::Goal, None);
        let before = layout
            .bars
            .iter()
            .find(|bar| bar.initiative_index == 0)
            .expect("bar");
        assert!(before.continues_before && !before.continues_after);
        assert!((before.x - 162.0).abs() < 1e-9);
        let after = layout
            .bars
            .iter()
            .find(|bar| bar.initiative_index == 1)
            .expect("bar");
        assert!(after.continues_after && !after.continues_before);
        assert!(after.end_x() <= RoadmapGeometry::WIDTH);
        assert_eq!(layout.outside_horizon, 1);
    }

    #[test]
    fn overlapping_bars_of_one_lane_take_separate_rows_and_the_lane_grows() {
        let mut model = sample();
        for initiative in &mut model.initiatives {
            initiative.start = Some(model.planning_start);
            initiative.duration_quarters = 2;
            initiative.status = InitiativeStatus::Planned;
        }
        let layout = lay_out_roadmap(&model, &rank_initiatives(&model), LaneMode::Status, None);
        assert_eq!(layout.lanes.len(), 1);
        let geometry = layout.geometry;
        assert!(
            (layout.lanes[0].height
                - (model.initiatives.len() as f64 * geometry.row_height
                    + 2.0 * geometry.lane_padding))
                .abs()
                < 1e-9
        );
    }

    #[test]
    fn lanes_follow_the_mode_and_the_model_order_with_a_last_lane_for_the_rest() {
        let model = sample();
        let ranking = rank_initiatives(&model);
        let layout = lay_out_roadmap(&model, &ranking, LaneMode::Owner, None);
        let person_positions: Vec<usize> = layout
            .lanes
            .iter()
            .filter_map(|lane| match &lane.key {
                LaneKey::Entity(id) => model.people.iter().position(|person| &person.id == id),
                _ => None,
            })
            .collect();
        assert!(person_positions.windows(2).all(|pair| pair[0] < pair[1]));
        for bar in &layout.bars {
            let initiative = &model.initiatives[bar.initiative_index];
            match &layout.lanes[bar.lane_index].key {
                LaneKey::Entity(id) => assert_eq!(initiative.owner_id.as_ref(), Some(id)),
                LaneKey::Without => assert!(initiative.owner_id.is_none()),
                other => panic!("unexpected lane {other:?}"),
            }
        }
    }

    #[test]
    fn a_violated_dependency_flags_the_bar_and_reddens_its_arrow() {
        let mut model = sample();
        for initiative in &mut model.initiatives {
            initiative.depends_on_ids.clear();
            initiative.status = InitiativeStatus::Planned;
            initiative.start = Some(quarter("2026-Q2"));
            initiative.duration_quarters = 2;
        }
        let dependency_id = model.initiatives[0].id.clone();
        model.initiatives[1].depends_on_ids = vec![dependency_id.clone()];
        model.initiatives[1].start = Some(quarter("2026-Q3"));
        model.initiatives[2].depends_on_ids = vec![dependency_id];
        model.initiatives[2].start = Some(quarter("2026-Q4"));
        model.planning_start = quarter("2026-Q1");
        let layout = lay_out_roadmap(&model, &rank_initiatives(&model), LaneMode::Goal, None);
        assert_eq!(layout.arrows.len(), 2);
        let violated: Vec<&DependencyArrow> = layout
            .arrows
            .iter()
            .filter(|arrow| arrow.violated)
            .collect();
        assert_eq!(violated.len(), 1);
        assert_eq!(violated[0].to_initiative_id, model.initiatives[1].id);
        let flagged: Vec<usize> = layout
            .bars
            .iter()
            .filter(|bar| bar.flagged)
            .map(|bar| bar.initiative_index)
            .collect();
        assert_eq!(flagged, vec![1]);
    }

    #[test]
    fn today_is_placed_by_the_share_of_its_quarter_and_only_inside_the_horizon() {
        let mut model = sample();
        model.planning_start = quarter("2026-Q1");
        model.settings.roadmap_horizon_quarters = 4;
        let ranking = rank_initiatives(&model);
        let mark = TodayMark::of_date(chrono::NaiveDate::from_ymd_opt(2026, 5, 16).expect("date"));
        assert_eq!(mark.quarter, quarter("2026-Q2"));
        assert!((mark.elapsed_share - 45.0 / 91.0).abs() < 1e-9);
        let layout = lay_out_roadmap(&model, &ranking, LaneMode::Goal, Some(mark));
        let expected = 160.0 + (1.0 + 45.0 / 91.0) * layout.quarter_width;
        assert!((layout.today_x.expect("inside") - expected).abs() < 1e-9);
        let later = TodayMark::of_date(chrono::NaiveDate::from_ymd_opt(2027, 1, 2).expect("date"));
        assert_eq!(
            lay_out_roadmap(&model, &ranking, LaneMode::Goal, Some(later)).today_x,
            None
        );
    }

    #[test]
    fn the_board_sorts_by_priority_and_moves_set_the_documented_starts() {
        let mut model = sample();
        let current = quarter("2026-Q4");
        for initiative in &mut model.initiatives {
            initiative.status = InitiativeStatus::Planned;
            initiative.start = None;
        }
        model.initiatives[0].start = Some(current);
        model.initiatives[1].start = Some(quarter("2027-Q2"));
        model.initiatives[2].status = InitiativeStatus::Done;
        let ranking = rank_initiatives(&model);
        let [now, next, later] = board_columns(&model, &ranking, current);
        assert_eq!(now, vec![0]);
        assert_eq!(next, vec![1]);
        assert_eq!(later.len(), model.initiatives.len() - 3);
        let rank = |index: &usize| {
            ranking
                .iter()
                .find(|ranked| ranked.initiative_id == model.initiatives[*index].id)
                .map(|ranked| ranked.rank)
        };
        assert!(later.windows(2).all(|pair| rank(&pair[0]) < rank(&pair[1])));
        assert_eq!(
            start_for_board_column(NowNextLater::Now, current),
            Some(current)
        );
        assert_eq!(
            start_for_board_column(NowNextLater::Next, current),
            Some(quarter("2027-Q1"))
        );
        assert_eq!(start_for_board_column(NowNextLater::Later, current), None);
    }

    #[test]
    fn quarter_budgets_add_up_to_the_year_and_a_set_quarter_wins() {
        let mut settings = crate::model::types::Settings {
            it_budget_cents_per_year: Some(1_000_003),
            ..Default::default()
        };
        let year: Vec<i64> = (1..=4)
            .map(|q| {
                quarter_budget_cents(&settings, Quarter::new(2026, q).expect("quarter"))
                    .expect("budget")
            })
            .collect();
        assert_eq!(year.iter().sum::<i64>(), 1_000_003);
        assert_eq!(year, vec![250_001, 250_001, 250_001, 250_000]);
        settings
            .it_budget_cents_per_quarter
            .insert(quarter("2026-Q2"), 5);
        assert_eq!(quarter_budget_cents(&settings, quarter("2026-Q2")), Some(5));
        settings.it_budget_cents_per_year = None;
        assert_eq!(quarter_budget_cents(&settings, quarter("2026-Q3")), None);
    }

    #[test]
    fn titles_are_shortened_with_an_ellipsis_only_when_too_long() {
        assert_eq!(shortened_title("Kurz", 10), "Kurz");
        assert_eq!(
            shortened_title("Warenwirtschaft einführen", 10),
            "Warenwirt…"
        );
        assert_eq!(shortened_title("Äöü ßÄöü", 4), "Äöü…");
        assert_eq!(characters_fitting(120.0, 12.0), 16);
        assert_eq!(characters_fitting(-5.0, 12.0), 0);
    }

    #[test]
    fn lane_mode_slugs_round_trip() {
        for (mode, slug) in LaneMode::ALL {
            assert_eq!(LaneMode::from_slug(slug), mode);
            assert_eq!(mode.slug(), slug);
        }
        assert_eq!(LaneMode::from_slug("nonsense"), LaneMode::Goal);
    }
}
