//! The roadmap screen with two views: the quarterly timeline (bars in lanes, dependency
//! arrows, today line, and under it the load of each quarter against capacity, budget
//! and WIP limit) and the Now / Next / Later board derived from the same schedule.
//!
//! The SVG is drawn with [`crate::ui::dom`] from the pure layout of
//! [`crate::charts::roadmap`] whenever the model, the language or the view options
//! change. A drag moves only the dragged bar (a `transform`, or the width of its body
//! for a resize); the model changes once, on release, through one `ScheduleInitiative`
//! command, which is one undo step. Unscheduled initiatives wait in a tray and are
//! dragged onto the timeline from there (or placed with an arrow key).
//!
//! The automatic plan is computed by the pure `model::formulas::plan` on request and
//! shown as a diff; accepting it dispatches all its moves as one undo step. A change
//! of the model discards a proposal that is open, because it was computed for the
//! model as it was.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::charts::roadmap::{
    board_columns, characters_fitting, lay_out_roadmap, quarter_budget_cents, shortened_title,
    start_for_board_column, LaneKey, LaneMode, RoadmapBar, RoadmapGeometry, RoadmapLayout,
    TodayMark,
};
use crate::forms::lists::quadrant_label;
use crate::i18n::messages::{initiative_status_text, pick};
use crate::i18n::{intl, Language, Text};
use crate::model::commands::Command;
use crate::model::formulas::capacity::{roadmap_quarter_loads, QuarterLoad};
use crate::model::formulas::cost::cost_per_quarter;
use crate::model::formulas::plan::{
    current_plan_objective, propose_plan, PlacementReason, PlanProposal, UnplaceableReason,
};
use crate::model::formulas::quadrants::Quadrant;
use crate::model::formulas::ranking::{rank_initiatives, RankedInitiative};
use crate::model::formulas::schedule_checks::{DependencyProblem, DependencyViolation};
use crate::model::formulas::steering::NowNextLater;
use crate::model::{EntityId, InitiativeStatus, Model, Quarter};
use crate::route::ScreenName;
use crate::state::{current_quarter, AppState, Notice, NoticeSeverity};
use crate::ui::chart_support::{
    find_by_attribute, focus_svg_element, focus_svg_element_in_place, quoted,
    report_export_failure, svg_number, toolbar_button,
};
use crate::ui::dom::{self, Dom};

/// Height of one row of the load chart under the lanes.
const LOAD_ROW_HEIGHT: f64 = 34.0;
/// Space between the lanes and the load chart.
const LOAD_GAP: f64 = 14.0;
/// The PNG is drawn at twice the view box size, sharp enough for slides.
const PNG_SCALE: f64 = 2.0;
/// Longest duration a drag or key may give (the form's limit).
const MAXIMUM_DURATION_QUARTERS: u8 = 20;
/// A press becomes a drag after this many pixels of movement, so a click stays a click.
const DRAG_THRESHOLD_PIXELS: i32 = 6;
/// Above this many bars the timeline draws only the bars near the visible part of the
/// page (and redraws when the page scrolls): thousands of bars with their texts take
/// seconds to build, a few hundred a few milliseconds.
const WINDOWING_THRESHOLD_BARS: usize = 300;
/// How far beyond the visible part bars are still drawn, in view box units, so that a
/// short scroll shows drawn bars at once; the page redraws after half of it.
const WINDOW_MARGIN: f64 = 900.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum RoadmapView {
    #[default]
    Timeline,
    Board,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Paper {
    #[default]
    A4,
    A3,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct RoadmapOptions {
    view: RoadmapView,
    lanes: LaneMode,
    show_dependencies: bool,
    paper: Paper,
}

impl Default for RoadmapOptions {
    fn default() -> RoadmapOptions {
        RoadmapOptions {
            view: RoadmapView::Timeline,
            lanes: LaneMode::Goal,
            show_dependencies: true,
            paper: Paper::A4,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DragKind {
    Move,
    Resize,
    FromTray,
    BoardCard,
}

/// A drag in progress. Pointer positions are client pixels; `start_x` is the view box
/// x where it began.
struct RoadmapDrag {
    initiative_id: EntityId,
    kind: DragKind,
    pointer_id: i32,
    start_pointer: (i32, i32),
    start_x: f64,
    started: bool,
    original_start: Option<i64>,
    original_duration: u8,
    /// Where it would land: start ordinal and duration, or the board column.
    target: Option<(i64, u8)>,
    target_column: Option<NowNextLater>,
    element: Option<web_sys::Element>,
}

/// What the handlers need to know of the drawn timeline, kept from the last render.
#[derive(Default)]
struct DrawnTimeline {
    first_ordinal: i64,
    last_ordinal: i64,
    quarter_width: f64,
    lane_label_width: f64,
    /// The vertical band of the view box the bars were drawn for, when only part of
    /// them was drawn.
    drawn_band: Option<(f64, f64)>,
}

fn view_slug(view: RoadmapView) -> &'static str {
    match view {
        RoadmapView::Timeline => "timeline",
        RoadmapView::Board => "board",
    }
}

fn lane_mode_text(mode: LaneMode) -> Text {
    match mode {
        LaneMode::Goal => Text::LanesByGoal,
        LaneMode::Capability => Text::LanesByCapability,
        LaneMode::Owner => Text::LanesByOwner,
        LaneMode::Category => Text::LanesByCategory,
        LaneMode::Status => Text::LanesByStatus,
    }
}

fn quadrant_slug(quadrant: Option<Quadrant>) -> &'static str {
    match quadrant {
        Some(Quadrant::QuickWin) => "quick-win",
        Some(Quadrant::PlatformTopic) => "platform-topic",
        Some(Quadrant::FillIn) => "fill-in",
        Some(Quadrant::TimeSink) => "time-sink",
        None => "unscored",
    }
}

fn status_slug(status: InitiativeStatus) -> &'static str {
    match status {
        InitiativeStatus::Idea => "idea",
        InitiativeStatus::Planned => "planned",
        InitiativeStatus::Active => "active",
        InitiativeStatus::Done => "done",
        InitiativeStatus::Stopped => "stopped",
    }
}

fn column_slug(column: NowNextLater) -> &'static str {
    match column {
        NowNextLater::Now => "now",
        NowNextLater::Next => "next",
        NowNextLater::Later => "later",
    }
}

fn column_of_slug(slug: &str) -> Option<NowNextLater> {
    match slug {
        "now" => Some(NowNextLater::Now),
        "next" => Some(NowNextLater::Next),
        "later" => Some(NowNextLater::Later),
        _ => None,
    }
}

fn quarter_text(quarter: Quarter, language: Language) -> String {
    intl::format_quarter(quarter, language)
}

fn quarter_of_ordinal(ordinal: i64) -> Option<Quarter> {
    Quarter::from_ordinal(ordinal)
}

/// The name of a lane in the user's language.
fn lane_name(model: &Model, key: &LaneKey, mode: LaneMode, language: Language) -> String {
    match key {
        LaneKey::Entity(id) => match mode {
            LaneMode::Goal => model
                .goals
                .iter()
                .find(|goal| &goal.id == id)
                .map(|goal| goal.title.clone()),
            LaneMode::Capability => model
                .capabilities
                .iter()
                .find(|capability| &capability.id == id)
                .map(|capability| capability.name.clone()),
            _ => model
                .people
                .iter()
                .find(|person| &person.id == id)
                .map(|person| person.name.clone()),
        }
        .unwrap_or_default(),
        LaneKey::Category(Some(quadrant)) => quadrant_label(&model.settings, *quadrant, language),
        LaneKey::Category(None) => Text::CategoryUnscored.in_language(language).to_string(),
        LaneKey::Status(status) => initiative_status_text(*status)
            .in_language(language)
            .to_string(),
        LaneKey::Without => match mode {
            LaneMode::Capability => Text::LaneWithoutCapability,
            LaneMode::Owner => Text::LaneWithoutOwner,
            _ => Text::LaneWithoutGoal,
        }
        .in_language(language)
        .to_string(),
    }
}

fn owner_name(model: &Model, owner_id: Option<&EntityId>) -> Option<String> {
    let owner_id = owner_id?;
    model
        .people
        .iter()
        .find(|person| &person.id == owner_id)
        .map(|person| person.name.clone())
}

fn initiative_title(model: &Model, initiative_id: &str) -> String {
    model
        .initiative(initiative_id)
        .map(|initiative| initiative.title.clone())
        .unwrap_or_default()
}

/// "Q2 2026 – Q3 2026", "Q2 2026" for one quarter or a milestone, or "not scheduled".
fn schedule_text(start: Option<Quarter>, duration: u8, language: Language) -> String {
    let Some(start) = start else {
        return Text::NotScheduledWord.in_language(language).to_string();
    };
    let first = quarter_text(start, language);
    match duration {
        0 => format!("{first} ({})", Text::MilestoneWord.in_language(language)),
        1 => first,
        _ => format!(
            "{first} – {}",
            quarter_text(start.offset(i64::from(duration) - 1), language)
        ),
    }
}

/// Why a flagged bar is flagged, in words.
fn violation_text(model: &Model, violation: &DependencyViolation, language: Language) -> String {
    let title = quoted(&initiative_title(model, &violation.initiative_id), language);
    let dependency = quoted(&initiative_title(model, &violation.dependency_id), language);
    match violation.problem {
        DependencyProblem::StartsBeforeDependencyEnds { dependency_ends } => {
            let earliest = quarter_text(dependency_ends, language);
            pick(
                language,
                format!("{title} beginnt, bevor {dependency} endet (frühestens {earliest})."),
                format!("{title} starts before {dependency} ends (earliest {earliest})."),
            )
        }
        DependencyProblem::DependencyUnscheduled => pick(
            language,
            format!("{title} hängt von {dependency} ab, das nicht eingeplant ist."),
            format!("{title} depends on {dependency}, which is not scheduled."),
        ),
    }
}

fn person_days_text(value: f64, language: Language) -> String {
    intl::format_decimal(value, 1, language)
}

/// The problems of one quarter's load as sentences, in the order of the load chart's
/// rows: person-days over capacity, cost over budget, WIP over the limit (`None`
/// where that row is fine).
fn load_problem_texts(
    model: &Model,
    load: &QuarterLoad,
    cost_cents: i64,
    budget_cents: Option<i64>,
    language: Language,
) -> [Option<String>; 3] {
    let quarter = quarter_text(load.quarter, language);
    let capacity = load
        .capacity_person_days
        .filter(|_| load.over_capacity)
        .map(|capacity| {
            let planned = person_days_text(load.planned_person_days, language);
            pick(
                language,
                format!("{quarter}: {planned} Personentage geplant, Kapazität {capacity}."),
                format!("{quarter}: {planned} person-days planned, capacity {capacity}."),
            )
        });
    let cost = budget_cents
        .filter(|budget| cost_cents > *budget)
        .map(|budget| {
            let cost = intl::format_money(cost_cents, &model.currency, language);
            let budget = intl::format_money(budget, &model.currency, language);
            pick(
                language,
                format!("{quarter}: Kosten {cost} über dem Budget von {budget}."),
                format!("{quarter}: cost {cost} above the budget of {budget}."),
            )
        });
    let wip = load.wip_limit.filter(|_| load.over_wip).map(|limit| {
        let wip = load.wip;
        pick(
            language,
            format!("{quarter}: {wip} Initiativen gleichzeitig, WIP-Limit {limit}."),
            format!("{quarter}: {wip} initiatives at once, WIP limit {limit}."),
        )
    });
    [capacity, cost, wip]
}

/// What the load chart and the conflict list show of one quarter, computed once per
/// render (the cost of a quarter visits every cost line of the model).
struct QuarterFigures {
    load: QuarterLoad,
    cost_cents: i64,
    budget_cents: Option<i64>,
    /// The sentences of `load_problem_texts`.
    problems: [Option<String>; 3],
}

fn quarter_figures(model: &Model, language: Language) -> Vec<QuarterFigures> {
    roadmap_quarter_loads(model)
        .into_iter()
        .map(|load| {
            let cost_cents = cost_per_quarter(model, load.quarter).total_cents();
            let budget_cents = quarter_budget_cents(&model.settings, load.quarter);
            let problems = load_problem_texts(model, &load, cost_cents, budget_cents, language);
            QuarterFigures {
                load,
                cost_cents,
                budget_cents,
                problems,
            }
        })
        .collect()
}

/// The accessible name of a bar: everything the bar shows and what it means.
fn bar_description(
    model: &Model,
    bar: &RoadmapBar,
    violations: &[DependencyViolation],
    language: Language,
) -> String {
    let Some(initiative) = model.initiatives.get(bar.initiative_index) else {
        return String::new();
    };
    let mut parts = vec![
        initiative.title.clone(),
        schedule_text(initiative.start, initiative.duration_quarters, language),
        initiative_status_text(initiative.status)
            .in_language(language)
            .to_string(),
    ];
    if let Some(owner) = owner_name(model, initiative.owner_id.as_ref()) {
        parts.push(owner);
    }
    if let Some(quadrant) = bar.quadrant {
        parts.push(quadrant_label(&model.settings, quadrant, language));
    }
    if initiative.pinned {
        parts.push(Text::PinnedWord.in_language(language).to_string());
    }
    let mut description = parts.join(", ");
    for violation in violations
        .iter()
        .filter(|violation| violation.initiative_id == initiative.id)
    {
        description.push(' ');
        description.push_str(&violation_text(model, violation, language));
    }
    description
}

/// The SVG text element with the given class at a point.
fn svg_text(class: &str, x: f64, y: f64, text: &str) -> Dom {
    Dom::svg("text")
        .attr("class", class)
        .attr("x", &svg_number(x))
        .attr("y", &svg_number(y))
        .text(text)
}

fn push_bar(
    svg: &Dom,
    model: &Model,
    bar: &RoadmapBar,
    violations: &[DependencyViolation],
    language: Language,
) {
    let Some(initiative) = model.initiatives.get(bar.initiative_index) else {
        return;
    };
    let class = format!(
        "roadmap-bar status-{} quadrant-{}{}{}",
        status_slug(initiative.status),
        quadrant_slug(bar.quadrant),
        if bar.flagged { " flagged" } else { "" },
        if initiative.pinned { " pinned" } else { "" },
    );
    let group = Dom::svg("g")
        .attr("class", &class)
        .attr("data-testid", "roadmap-bar")
        .attr("data-bar", &initiative.id)
        .attr("data-start", &bar.start.to_string())
        .attr("data-duration", &bar.duration_quarters.to_string())
        .attr("data-x", &svg_number(bar.x))
        .attr("data-width", &svg_number(bar.width))
        .attr_if(bar.flagged, "data-flagged", "true")
        .attr("tabindex", "0")
        .attr("role", "button")
        .attr(
            "aria-label",
            &bar_description(model, bar, violations, language),
        );
    let font_size = 14.0;
    let text_left;
    let text_width;
    if bar.is_milestone {
        let (center_x, center_y) = (bar.diamond_center_x(), bar.center_y());
        let half = bar.height / 2.0 - 2.0;
        group.push(
            Dom::svg("rect")
                .attr("class", "bar-hit")
                .attr("x", &svg_number(bar.x))
                .attr("y", &svg_number(bar.y))
                .attr("width", &svg_number(bar.width))
                .attr("height", &svg_number(bar.height)),
        );
        group.push(Dom::svg("path").attr("class", "bar-body milestone").attr(
            "d",
            &format!(
                "M{} {}L{} {}L{} {}L{} {}z",
                svg_number(center_x),
                svg_number(center_y - half),
                svg_number(center_x + half),
                svg_number(center_y),
                svg_number(center_x),
                svg_number(center_y + half),
                svg_number(center_x - half),
                svg_number(center_y),
            ),
        ));
        text_left = bar.x + bar.height + 2.0;
        text_width = bar.width - bar.height - 4.0;
    } else {
        group.push(
            Dom::svg("rect")
                .attr("class", "bar-body")
                .attr("x", &svg_number(bar.x))
                .attr("y", &svg_number(bar.y))
                .attr("width", &svg_number(bar.width))
                .attr("height", &svg_number(bar.height))
                .attr("rx", "4"),
        );
        if bar.continues_before {
            group.push(svg_text("bar-continues", bar.x + 2.0, bar.y + 16.0, "‹"));
        }
        if bar.continues_after {
            group.push(svg_text(
                "bar-continues",
                bar.end_x() - 9.0,
                bar.y + 13.0,
                "›",
            ));
        }
        // The handle that changes the duration: the right end of the bar.
        if !bar.continues_after {
            group.push(
                Dom::svg("rect")
                    .attr("class", "bar-resize")
                    .attr("data-resize", "")
                    .attr("data-testid", "bar-resize")
                    .attr("x", &svg_number(bar.end_x() - 8.0))
                    .attr("y", &svg_number(bar.y))
                    .attr("width", "8")
                    .attr("height", &svg_number(bar.height)),
            );
        }
        text_left = bar.x + 8.0;
        text_width = bar.width - 18.0;
    }
    let flag_space = if bar.flagged { 14.0 } else { 0.0 };
    let title_characters = characters_fitting(text_width - flag_space, font_size);
    if title_characters >= 2 {
        group.push(
            svg_text(
                "bar-title",
                text_left + flag_space,
                bar.y + 16.0,
                &shortened_title(&initiative.title, title_characters),
            )
            .attr("data-testid", "bar-title"),
        );
    }
    let mut meta_parts: Vec<String> = Vec::new();
    // The quick-win / platform-topic badge of the method, as the first word.
    if let Some(quadrant) = bar.quadrant {
        meta_parts.push(quadrant_label(&model.settings, quadrant, language));
    }
    if let Some(owner) = owner_name(model, initiative.owner_id.as_ref()) {
        meta_parts.push(owner);
    }
    meta_parts.push(
        initiative_status_text(initiative.status)
            .in_language(language)
            .to_string(),
    );
    if initiative.pinned {
        meta_parts.push(Text::PinnedWord.in_language(language).to_string());
    }
    let meta_characters = characters_fitting(text_width, 12.0);
    if meta_characters >= 4 {
        group.push(svg_text(
            "bar-meta",
            text_left,
            bar.y + 31.0,
            &shortened_title(&meta_parts.join(" · "), meta_characters),
        ));
    }
    if bar.flagged {
        group.push(
            svg_text("bar-flag", text_left, bar.y + 16.0, "!").attr("data-testid", "bar-flag"),
        );
    }
    svg.push(group);
}

/// The load chart under the lanes: person-days against capacity, cost against budget
/// and WIP against the limit, one cell per quarter.
fn push_load_rows(
    svg: &Dom,
    model: &Model,
    layout: &RoadmapLayout,
    figures: &[QuarterFigures],
    language: Language,
) {
    let top = layout.height + LOAD_GAP;
    let label_x = 8.0;
    let rows = [Text::LoadPersonDays, Text::LoadCost, Text::LoadWip];
    for (row, label) in rows.iter().enumerate() {
        svg.push(svg_text(
            "load-label",
            label_x,
            top + row as f64 * LOAD_ROW_HEIGHT + 21.0,
            label.in_language(language),
        ));
    }
    for (column, quarter_figures) in figures.iter().enumerate() {
        let x = layout.geometry.lane_label_width + column as f64 * layout.quarter_width;
        let (load, cost, budget) = (
            &quarter_figures.load,
            quarter_figures.cost_cents,
            quarter_figures.budget_cents,
        );
        let quarter = load.quarter.to_string();
        let over_budget = budget.is_some_and(|budget| cost > budget);
        let planned = person_days_text(load.planned_person_days, language);
        let cells: [(&str, bool, String, String, Option<f64>); 3] = [
            (
                "capacity",
                load.over_capacity,
                match load.capacity_person_days {
                    Some(capacity) => format!("{planned} / {capacity}"),
                    None => planned.clone(),
                },
                pick(
                    language,
                    format!("{} Personentage geplant", planned),
                    format!("{} person-days planned", planned),
                ),
                load.capacity_person_days
                    .map(|capacity| load.planned_person_days / f64::from(capacity.max(1))),
            ),
            (
                "cost",
                over_budget,
                intl::format_money_whole(cost, &model.currency, language),
                intl::format_money(cost, &model.currency, language),
                budget.map(|budget| cost as f64 / budget.max(1) as f64),
            ),
            (
                "wip",
                load.over_wip,
                match load.wip_limit {
                    Some(limit) => format!("{} / {limit}", load.wip),
                    None => load.wip.to_string(),
                },
                load.wip.to_string(),
                load.wip_limit
                    .map(|limit| f64::from(load.wip) / f64::from(limit.max(1))),
            ),
        ];
        for (row, (kind, over, shown, full, share)) in cells.into_iter().enumerate() {
            let cell_top = top + row as f64 * LOAD_ROW_HEIGHT;
            let mut tooltip = format!(
                "{} {}: {full}",
                quarter_text(load.quarter, language),
                rows[row].in_language(language)
            );
            if let Some(problem) = &quarter_figures.problems[row] {
                tooltip = problem.clone();
            }
            let cell = Dom::svg("g")
                .attr("class", if over { "load-cell over" } else { "load-cell" })
                .attr("data-testid", "load-cell")
                .attr("data-kind", kind)
                .attr("data-quarter", &quarter)
                .attr_if(over, "data-over", "true")
                .child(Dom::svg("title").text(&tooltip))
                .child(
                    Dom::svg("rect")
                        .attr("class", "load-background")
                        .attr("x", &svg_number(x + 2.0))
                        .attr("y", &svg_number(cell_top + 2.0))
                        .attr("width", &svg_number(layout.quarter_width - 4.0))
                        .attr("height", &svg_number(LOAD_ROW_HEIGHT - 4.0)),
                );
            if let Some(share) = share {
                let filled = (layout.quarter_width - 4.0) * share.clamp(0.0, 1.0);
                cell.push(
                    Dom::svg("rect")
                        .attr("class", "load-fill")
                        .attr("x", &svg_number(x + 2.0))
                        .attr("y", &svg_number(cell_top + LOAD_ROW_HEIGHT - 8.0))
                        .attr("width", &svg_number(filled))
                        .attr("height", "6"),
                );
            }
            let marker = if over { "! " } else { "" };
            cell.push(svg_text(
                "load-text",
                x + 8.0,
                cell_top + 19.0,
                &format!("{marker}{shown}"),
            ));
            svg.push(cell);
        }
    }
}

/// The timeline SVG.
/// `band` limits the bars drawn to those overlapping that vertical range of the view
/// box (with the margin); `None` draws all, as the exports do. The bar of
/// `always_drawn` is drawn wherever it is: a bar just moved may land in another row
/// far from the band, and it keeps the focus there (focusing it scrolls to it).
fn build_timeline_svg(
    model: &Model,
    layout: &RoadmapLayout,
    figures: &[QuarterFigures],
    options: &RoadmapOptions,
    band: Option<(f64, f64)>,
    always_drawn: Option<&str>,
    language: Language,
) -> Dom {
    let in_band = |top: f64, bottom: f64| {
        band.is_none_or(|(band_top, band_bottom)| {
            bottom >= band_top - WINDOW_MARGIN && top <= band_bottom + WINDOW_MARGIN
        })
    };
    let geometry = layout.geometry;
    let height = layout.height + LOAD_GAP + 3.0 * LOAD_ROW_HEIGHT + 4.0;
    let width = RoadmapGeometry::WIDTH;
    let first_ordinal = layout
        .quarters
        .first()
        .map_or(0, |quarter| quarter.ordinal());
    let svg = Dom::svg("svg")
        .attr(
            "viewBox",
            &format!("0 0 {} {}", svg_number(width), svg_number(height)),
        )
        .attr("width", &svg_number(width))
        .attr("height", &svg_number(height))
        .attr("class", "roadmap")
        .attr("role", "group")
        .attr("aria-label", Text::RoadmapLabel.in_language(language))
        .attr("data-testid", "roadmap-svg")
        .attr("data-first-ordinal", &first_ordinal.to_string())
        .attr(
            "data-last-ordinal",
            &(first_ordinal + layout.quarters.len() as i64 - 1).to_string(),
        )
        .attr("data-quarter-width", &svg_number(layout.quarter_width))
        .attr("data-height", &svg_number(height));
    svg.push(
        Dom::svg("defs").child(
            Dom::svg("marker")
                .attr("id", "roadmap-arrow-head")
                .attr("viewBox", "0 0 10 10")
                .attr("refX", "9")
                .attr("refY", "5")
                .attr("markerWidth", "7")
                .attr("markerHeight", "7")
                .attr("orient", "auto")
                .child(
                    Dom::svg("path")
                        .attr("class", "arrow-head")
                        .attr("d", "M0 0L10 5L0 10z"),
                ),
        ),
    );
    // Quarter columns with their names.
    for (column, quarter) in layout.quarters.iter().enumerate() {
        let x = geometry.lane_label_width + column as f64 * layout.quarter_width;
        svg.push(
            Dom::svg("rect")
                .attr(
                    "class",
                    if column % 2 == 0 {
                        "quarter-column"
                    } else {
                        "quarter-column odd"
                    },
                )
                .attr("data-column-ordinal", &quarter.ordinal().to_string())
                .attr("x", &svg_number(x))
                .attr("y", "0")
                .attr("width", &svg_number(layout.quarter_width))
                .attr("height", &svg_number(height)),
        );
        svg.push(
            svg_text(
                "quarter-label",
                x + layout.quarter_width / 2.0,
                22.0,
                &quarter_text(*quarter, language),
            )
            .attr("text-anchor", "middle")
            .attr("data-testid", "quarter-label"),
        );
    }
    // Lanes: a band and a name each.
    for (index, lane) in layout.lanes.iter().enumerate() {
        svg.push(
            Dom::svg("rect")
                .attr(
                    "class",
                    if index % 2 == 0 {
                        "lane-band"
                    } else {
                        "lane-band odd"
                    },
                )
                .attr("x", "0")
                .attr("y", &svg_number(lane.y))
                .attr("width", &svg_number(width))
                .attr("height", &svg_number(lane.height)),
        );
        let name = lane_name(model, &lane.key, options.lanes, language);
        svg.push(
            svg_text(
                "lane-name",
                8.0,
                lane.y + 24.0,
                &shortened_title(
                    &name,
                    characters_fitting(geometry.lane_label_width - 14.0, 14.0),
                ),
            )
            .attr("data-testid", "lane-name")
            .child(Dom::svg("title").text(&name)),
        );
    }
    // The drop marker of a drag from the tray, hidden until then.
    svg.push(
        Dom::svg("rect")
            .attr("class", "drop-column")
            .attr("visibility", "hidden")
            .attr("x", "0")
            .attr("y", "0")
            .attr("width", &svg_number(layout.quarter_width))
            .attr("height", &svg_number(layout.height)),
    );
    if let Some(today_x) = layout.today_x {
        svg.push(
            Dom::svg("line")
                .attr("class", "today-line")
                .attr("data-testid", "today-line")
                .attr("x1", &svg_number(today_x))
                .attr("x2", &svg_number(today_x))
                .attr("y1", "28")
                .attr("y2", &svg_number(layout.height)),
        );
        svg.push(svg_text(
            "today-label",
            today_x + 3.0,
            33.0,
            Text::TodayWord.in_language(language),
        ));
    }
    for bar in layout.bars.iter().filter(|bar| {
        in_band(bar.y, bar.y + bar.height) || always_drawn == Some(bar.initiative_id.as_str())
    }) {
        push_bar(&svg, model, bar, &layout.violations, language);
    }
    if options.show_dependencies {
        for arrow in layout
            .arrows
            .iter()
            .filter(|arrow| in_band(arrow.from.1.min(arrow.to.1), arrow.from.1.max(arrow.to.1)))
        {
            let (from_x, from_y) = arrow.from;
            let (to_x, to_y) = arrow.to;
            // Out of the end of the dependency, down or up to the successor's row, into
            // its start. A violated one runs backwards and is drawn dashed red.
            let bend_x = if arrow.violated {
                from_x + 6.0
            } else {
                (from_x + 6.0).min(to_x - 4.0).max(from_x)
            };
            svg.push(
                Dom::svg("path")
                    .attr(
                        "class",
                        if arrow.violated {
                            "roadmap-arrow violated"
                        } else {
                            "roadmap-arrow"
                        },
                    )
                    .attr("data-testid", "roadmap-arrow")
                    .attr("data-from", &arrow.from_initiative_id)
                    .attr("data-to", &arrow.to_initiative_id)
                    .attr_if(arrow.violated, "data-violated", "true")
                    .attr("marker-end", "url(#roadmap-arrow-head)")
                    .attr(
                        "d",
                        &format!(
                            "M{} {}H{}V{}H{}",
                            svg_number(from_x),
                            svg_number(from_y),
                            svg_number(bend_x),
                            svg_number(to_y),
                            svg_number(to_x),
                        ),
                    ),
            );
        }
    }
    push_load_rows(&svg, model, layout, figures, language);
    svg
}

/// The tray of unscheduled initiatives under the chart, or nothing when every
/// initiative is scheduled (the status line says so), so the chart keeps the room.
fn build_tray(model: &Model, layout: &RoadmapLayout, language: Language) -> Option<Dom> {
    if layout.unscheduled.is_empty() {
        return None;
    }
    let tray = Dom::with_class("aside", "roadmap-tray")
        .attr("data-testid", "roadmap-tray")
        .child(Dom::new("h2").text(Text::UnscheduledHeading.in_language(language)));
    let list = Dom::with_class("ul", "tray-list");
    for index in &layout.unscheduled {
        let Some(initiative) = model.initiatives.get(*index) else {
            continue;
        };
        list.push(
            Dom::with_class("li", "tray-item")
                .attr("data-testid", "roadmap-tray-item")
                .attr("data-tray", &initiative.id)
                .attr("tabindex", "0")
                .attr("role", "button")
                .attr("draggable", "false")
                .attr(
                    "aria-label",
                    &format!(
                        "{}, {}",
                        initiative.title,
                        Text::NotScheduledWord.in_language(language)
                    ),
                )
                .text(&initiative.title),
        );
    }
    Some(
        tray.child(
            Dom::with_class("p", "tray-hint").text(Text::UnscheduledHint.in_language(language)),
        )
        .child(list),
    )
}

fn build_problems(
    model: &Model,
    layout: &RoadmapLayout,
    figures: &[QuarterFigures],
    language: Language,
) -> (Dom, usize) {
    let section = Dom::with_class("section", "roadmap-problems")
        .attr("data-testid", "roadmap-problems")
        .child(Dom::new("h2").text(Text::ProblemsHeading.in_language(language)));
    let list = Dom::new("ul");
    let mut count = 0;
    for violation in &layout.violations {
        count += 1;
        list.push(
            Dom::new("li")
                .attr("data-testid", "dependency-problem")
                .attr("data-initiative", &violation.initiative_id)
                .text(&violation_text(model, violation, language)),
        );
    }
    for quarter_figures in figures {
        for problem in quarter_figures.problems.iter().flatten() {
            count += 1;
            list.push(
                Dom::new("li")
                    .attr("data-testid", "load-problem")
                    .attr("data-quarter", &quarter_figures.load.quarter.to_string())
                    .text(problem),
            );
        }
    }
    if count == 0 {
        return (
            section.child(Dom::new("p").text(Text::NoProblems.in_language(language))),
            0,
        );
    }
    (section.child(list), count)
}

fn status_line(layout: &RoadmapLayout, problems: usize, language: Language) -> String {
    let scheduled = layout.bars.len();
    let unscheduled = layout.unscheduled.len();
    let mut text = pick(
        language,
        format!("{scheduled} im Horizont · {unscheduled} nicht eingeplant"),
        format!("{scheduled} in the horizon · {unscheduled} not scheduled"),
    );
    if layout.outside_horizon > 0 {
        let outside = layout.outside_horizon;
        text.push_str(&pick(
            language,
            format!(" · {outside} außerhalb des Horizonts"),
            format!(" · {outside} outside the horizon"),
        ));
    }
    text.push_str(&pick(
        language,
        format!(" · {problems} Konflikte"),
        format!(" · {problems} conflicts"),
    ));
    text
}

/// The part of the timeline's view box that the window shows (with the chart at the
/// top of `container`), from top to bottom in view box units.
fn visible_band(container: &web_sys::Element) -> (f64, f64) {
    let bounds = container.get_bounding_client_rect();
    let window_height = web_sys::window()
        .and_then(|window| window.inner_height().ok())
        .and_then(|height| height.as_f64())
        .unwrap_or(800.0);
    // The SVG fills the chart's width (at least 720 px, as the stylesheet says).
    let scale = RoadmapGeometry::WIDTH / bounds.width().max(720.0);
    let top = (-bounds.top()).max(0.0) * scale;
    let bottom = (window_height - bounds.top()).max(0.0) * scale;
    (top, bottom)
}

fn build_timeline_view(
    model: &Model,
    ranking: &[RankedInitiative],
    options: &RoadmapOptions,
    drawn: &mut DrawnTimeline,
    container: &web_sys::Element,
    always_drawn: Option<&str>,
    language: Language,
) -> (Vec<Dom>, String) {
    let today = TodayMark::of_date(browser::today_local_date());
    let layout = lay_out_roadmap(model, ranking, options.lanes, Some(today));
    let figures = quarter_figures(model, language);
    let band = (layout.bars.len() > WINDOWING_THRESHOLD_BARS).then(|| visible_band(container));
    let svg = build_timeline_svg(
        model,
        &layout,
        &figures,
        options,
        band,
        always_drawn,
        language,
    );
    let first = layout
        .quarters
        .first()
        .map_or(0, |quarter| quarter.ordinal());
    *drawn = DrawnTimeline {
        first_ordinal: first,
        last_ordinal: first + layout.quarters.len() as i64 - 1,
        quarter_width: layout.quarter_width,
        lane_label_width: layout.geometry.lane_label_width,
        drawn_band: band,
    };
    let (problems, problem_count) = build_problems(model, &layout, &figures, language);
    let status = status_line(&layout, problem_count, language);
    let chart = Dom::with_class("div", "roadmap-chart").child(svg);
    (
        vec![
            Dom::with_class("div", "roadmap-main")
                .child(chart)
                .child_if(build_tray(model, &layout, language)),
            problems,
        ],
        status,
    )
}

fn build_board_view(
    model: &Model,
    ranking: &[RankedInitiative],
    language: Language,
) -> (Vec<Dom>, String) {
    let current = current_quarter();
    let columns = board_columns(model, ranking, current);
    let board = Dom::with_class("div", "roadmap-board")
        .attr("data-testid", "roadmap-board")
        .attr("role", "group")
        .attr("aria-label", Text::BoardLabel.in_language(language));
    let mut status_parts = Vec::new();
    for (column, indexes) in [NowNextLater::Now, NowNextLater::Next, NowNextLater::Later]
        .into_iter()
        .zip(columns.iter())
    {
        let heading = match column {
            NowNextLater::Now => Text::BoardNow,
            NowNextLater::Next => Text::BoardNext,
            NowNextLater::Later => Text::BoardLater,
        }
        .in_language(language);
        status_parts.push(format!("{heading}: {}", indexes.len()));
        let list = Dom::with_class("ul", "board-cards");
        for index in indexes {
            let Some(initiative) = model.initiatives.get(*index) else {
                continue;
            };
            let quadrant =
                crate::model::formulas::quadrants::initiative_quadrant(model, initiative);
            let mut meta = vec![schedule_text(
                initiative.start,
                initiative.duration_quarters,
                language,
            )];
            if let Some(owner) = owner_name(model, initiative.owner_id.as_ref()) {
                meta.push(owner);
            }
            meta.push(
                initiative_status_text(initiative.status)
                    .in_language(language)
                    .to_string(),
            );
            let card = Dom::with_class("li", "board-card")
                .attr("data-testid", "board-card")
                .attr("data-card", &initiative.id)
                .attr("data-column", column_slug(column))
                .attr("tabindex", "0")
                .attr("role", "button")
                .attr(
                    "aria-label",
                    &format!("{}, {heading}, {}", initiative.title, meta.join(", ")),
                )
                .child(Dom::with_class("span", "board-card-title").text(&initiative.title))
                .child_if(quadrant.map(|quadrant| {
                    Dom::with_class(
                        "span",
                        &format!(
                            "badge quadrant-badge quadrant-{}",
                            quadrant_slug(Some(quadrant))
                        ),
                    )
                    .text(&quadrant_label(&model.settings, quadrant, language))
                }))
                .child(Dom::with_class("span", "board-card-meta").text(&meta.join(" · ")));
            list.push(card);
        }
        let column_dom = Dom::with_class("section", "board-column")
            .attr("data-testid", "board-column")
            .attr("data-drop-column", column_slug(column))
            .child(Dom::new("h2").text(&format!("{heading} ({})", indexes.len())));
        let column_dom = if indexes.is_empty() {
            column_dom.child(
                Dom::with_class("p", "board-empty")
                    .text(Text::BoardEmptyColumn.in_language(language)),
            )
        } else {
            column_dom.child(list)
        };
        board.push(column_dom);
    }
    (
        vec![
            Dom::with_class("p", "board-hint").text(Text::BoardHint.in_language(language)),
            board,
        ],
        status_parts.join(" · "),
    )
}

fn select_field(
    select_id: &str,
    option_name: &str,
    label: Text,
    choices: Vec<(String, String)>,
    selected: &str,
    language: Language,
) -> Dom {
    let select = Dom::new("select")
        .attr("id", select_id)
        .attr("data-testid", select_id)
        .attr("data-option", option_name);
    for (code, choice_label) in choices {
        select.push(
            Dom::new("option")
                .attr("value", &code)
                .attr_if(code == selected, "selected", "")
                .text(&choice_label),
        );
    }
    Dom::with_class("label", "toolbar-field")
        .attr("for", select_id)
        .child(Dom::new("span").text(label.in_language(language)))
        .child(select)
}

fn build_toolbar(model: &Model, options: &RoadmapOptions, language: Language) -> Vec<Dom> {
    let views = Dom::with_class("div", "view-switch")
        .attr("role", "group")
        .attr("aria-label", Text::ViewSwitchLabel.in_language(language));
    for (view, label) in [
        (RoadmapView::Timeline, Text::ViewTimeline),
        (RoadmapView::Board, Text::ViewBoard),
    ] {
        let slug = view_slug(view);
        views.push(
            Dom::with_class("button", "view-button")
                .attr("type", "button")
                .attr("data-view", slug)
                .attr("data-testid", &format!("roadmap-view-{slug}"))
                .attr(
                    "aria-pressed",
                    if options.view == view {
                        "true"
                    } else {
                        "false"
                    },
                )
                .text(label.in_language(language)),
        );
    }
    let lanes = select_field(
        "roadmap-lanes",
        "lanes",
        Text::LanesLabel,
        LaneMode::ALL
            .iter()
            .map(|(mode, slug)| {
                (
                    (*slug).to_string(),
                    lane_mode_text(*mode).in_language(language).to_string(),
                )
            })
            .collect(),
        options.lanes.slug(),
        language,
    );
    let horizon = select_field(
        "roadmap-horizon",
        "horizon",
        Text::HorizonLabel,
        (4..=12u8)
            .map(|quarters| {
                (
                    quarters.to_string(),
                    format!("{quarters} {}", Text::QuartersWord.in_language(language)),
                )
            })
            .collect(),
        &model.settings.roadmap_horizon_quarters.to_string(),
        language,
    );
    let dependencies = Dom::with_class("label", "toolbar-check")
        .child(
            Dom::new("input")
                .attr("type", "checkbox")
                .attr("data-option", "dependencies")
                .attr("data-testid", "roadmap-show-dependencies")
                .checked(options.show_dependencies),
        )
        .child(Dom::new("span").text(Text::ShowDependencies.in_language(language)));
    let paper = select_field(
        "roadmap-paper",
        "paper",
        Text::PaperLabel,
        vec![
            ("a4".to_string(), "A4".to_string()),
            ("a3".to_string(), "A3".to_string()),
        ],
        match options.paper {
            Paper::A4 => "a4",
            Paper::A3 => "a3",
        },
        language,
    );
    let export_menu = Dom::with_class("details", "matrix-filters roadmap-export-menu")
        .child(
            Dom::new("summary")
                .attr("data-testid", "roadmap-export-toggle")
                .text(Text::ExportAndPrint.in_language(language)),
        )
        .child(
            Dom::with_class("div", "filter-fields")
                .child(toolbar_button(
                    "roadmap-export-svg",
                    Text::ExportSvg,
                    language,
                ))
                .child(toolbar_button(
                    "roadmap-export-png",
                    Text::ExportPng,
                    language,
                ))
                .child(toolbar_button(
                    "roadmap-export-csv",
                    Text::ExportCsv,
                    language,
                ))
                .child(paper)
                .child(toolbar_button(
                    "roadmap-print",
                    Text::PrintRoadmap,
                    language,
                )),
        );
    vec![
        views,
        lanes,
        horizon,
        dependencies,
        toolbar_button("propose-plan", Text::ProposePlan, language).attr("class", "button primary"),
        export_menu,
    ]
}

fn placement_reason_text(model: &Model, reason: &PlacementReason, language: Language) -> String {
    match reason {
        PlacementReason::EarliestPossible => Text::ReasonEarliest.in_language(language).to_string(),
        PlacementReason::AfterDependency { dependency_id } => {
            let dependency = quoted(&initiative_title(model, dependency_id), language);
            pick(
                language,
                format!("wartet auf {dependency}"),
                format!("waits for {dependency}"),
            )
        }
        PlacementReason::CapacityFull { quarter } => {
            let quarter = quarter_text(*quarter, language);
            pick(
                language,
                format!("Kapazität in {quarter} ausgeschöpft"),
                format!("capacity used up in {quarter}"),
            )
        }
        PlacementReason::WipLimitReached { quarter } => {
            let quarter = quarter_text(*quarter, language);
            pick(
                language,
                format!("WIP-Limit in {quarter} erreicht"),
                format!("WIP limit reached in {quarter}"),
            )
        }
    }
}

fn unplaceable_reason_text(
    model: &Model,
    reason: &UnplaceableReason,
    language: Language,
) -> String {
    match reason {
        UnplaceableReason::NeedsMoreThanCapacity {
            person_days_per_quarter,
            capacity_person_days,
        } => {
            let needed = person_days_text(*person_days_per_quarter, language);
            pick(
                language,
                format!("braucht {needed} Personentage je Quartal, die Kapazität ist {capacity_person_days}"),
                format!("needs {needed} person-days per quarter, the capacity is {capacity_person_days}"),
            )
        }
        UnplaceableReason::LongerThanHorizon {
            duration_quarters,
            quarters_available,
        } => pick(
            language,
            format!("dauert {duration_quarters} Quartale, im Horizont sind nur {quarters_available} frei"),
            format!("takes {duration_quarters} quarters, the horizon has only {quarters_available} left"),
        ),
        UnplaceableReason::DependsOnUnplaceable { dependency_id } => {
            let dependency = quoted(&initiative_title(model, dependency_id), language);
            pick(
                language,
                format!("hängt von {dependency} ab, das nicht unterzubringen ist"),
                format!("depends on {dependency}, which cannot be placed"),
            )
        }
        UnplaceableReason::DependencyEndsTooLate { dependency_id } => {
            let dependency = quoted(&initiative_title(model, dependency_id), language);
            pick(
                language,
                format!("{dependency} endet zu spät, um danach noch in den Horizont zu passen"),
                format!("{dependency} ends too late for it to fit in the horizon after it"),
            )
        }
        UnplaceableReason::NoRoomInHorizon => Text::ReasonNoRoom.in_language(language).to_string(),
        UnplaceableReason::PinnedWithoutStart => {
            Text::ReasonPinnedWithoutStart.in_language(language).to_string()
        }
    }
}

/// The proposal as a diff: what moves where and why, what cannot be placed, which
/// quarters the fixed work alone overloads, and the objective before and after.
fn build_proposal_panel(
    model: &Model,
    proposal: &PlanProposal,
    objective_before: u64,
    language: Language,
) -> Vec<Dom> {
    let panel = Dom::with_class("section", "plan-proposal")
        .attr("data-testid", "plan-proposal")
        .attr("aria-labelledby", "plan-proposal-heading")
        .child(
            Dom::new("h2")
                .attr("id", "plan-proposal-heading")
                .text(Text::PlanProposalHeading.in_language(language)),
        )
        .child(Dom::with_class("p", "plan-rules").text(Text::PlanRules.in_language(language)))
        .child(
            Dom::with_class("p", "plan-objective")
                .attr("data-testid", "plan-objective")
                .text(&format!(
                    "{}: {objective_before} → {}",
                    Text::PlanObjectiveLabel.in_language(language),
                    proposal.objective
                )),
        );
    let moves: Vec<_> = proposal
        .placed
        .iter()
        .filter(|placed| placed.moves())
        .collect();
    if moves.is_empty() {
        panel.push(
            Dom::with_class("p", "plan-no-changes")
                .attr("data-testid", "plan-no-changes")
                .text(Text::PlanNoChanges.in_language(language)),
        );
    } else {
        let header = Dom::new("tr");
        for label in [
            Text::PlanColumnInitiative,
            Text::PlanColumnBefore,
            Text::PlanColumnAfter,
            Text::PlanColumnWhy,
        ] {
            header.push(
                Dom::new("th")
                    .attr("scope", "col")
                    .text(label.in_language(language)),
            );
        }
        let body = Dom::new("tbody");
        for placed in moves {
            let duration = model
                .initiative(&placed.initiative_id)
                .map_or(placed.duration_quarters, |initiative| {
                    initiative.duration_quarters
                });
            body.push(
                Dom::new("tr")
                    .attr("data-testid", "plan-move")
                    .attr("data-initiative", &placed.initiative_id)
                    .attr("data-proposed-start", &placed.start.to_string())
                    .child(
                        Dom::new("th")
                            .attr("scope", "row")
                            .text(&initiative_title(model, &placed.initiative_id)),
                    )
                    .child(Dom::new("td").text(&schedule_text(
                        placed.previous_start,
                        duration,
                        language,
                    )))
                    .child(Dom::new("td").text(&schedule_text(
                        Some(placed.start),
                        placed.duration_quarters,
                        language,
                    )))
                    .child(Dom::new("td").text(&placement_reason_text(
                        model,
                        &placed.reason,
                        language,
                    ))),
            );
        }
        panel.push(
            Dom::with_class("table", "plan-moves")
                .child(Dom::new("thead").child(header))
                .child(body),
        );
    }
    if !proposal.unplaceable.is_empty() {
        let list = Dom::new("ul");
        for unplaceable in &proposal.unplaceable {
            list.push(
                Dom::new("li")
                    .attr("data-testid", "plan-unplaceable")
                    .attr("data-initiative", &unplaceable.initiative_id)
                    .text(&format!(
                        "{}: {}",
                        initiative_title(model, &unplaceable.initiative_id),
                        unplaceable_reason_text(model, &unplaceable.reason, language)
                    )),
            );
        }
        panel.push(Dom::new("h3").text(Text::PlanUnplaceableHeading.in_language(language)));
        panel.push(list);
    }
    if !proposal.pin_overloads.is_empty() {
        let list = Dom::new("ul");
        for overload in &proposal.pin_overloads {
            let load = QuarterLoad {
                quarter: overload.quarter,
                planned_person_days: overload.planned_person_days,
                capacity_person_days: overload.capacity_person_days,
                over_capacity: overload.over_capacity,
                wip: overload.wip,
                wip_limit: overload.wip_limit,
                over_wip: overload.over_wip,
            };
            for problem in load_problem_texts(model, &load, 0, None, language)
                .into_iter()
                .flatten()
            {
                list.push(
                    Dom::new("li")
                        .attr("data-testid", "plan-pin-overload")
                        .text(&problem),
                );
            }
        }
        panel.push(Dom::new("h3").text(Text::PlanPinOverloadHeading.in_language(language)));
        panel.push(list);
    }
    let actions = Dom::with_class("div", "plan-actions");
    if proposal.placed.iter().any(|placed| placed.moves()) {
        actions.push(
            toolbar_button("accept-plan", Text::AcceptPlan, language)
                .attr("class", "button primary"),
        );
    }
    actions.push(toolbar_button("discard-plan", Text::DiscardPlan, language));
    vec![panel.child(actions)]
}

fn notify(state: AppState, severity: NoticeSeverity, text: Text) {
    let language = state.language.get_untracked();
    state.push_notice(Notice {
        notice_id: 0,
        severity,
        title: text.in_language(language).to_string(),
        body: String::new(),
        detail: None,
        backup_key: None,
    });
}

/// The whole timeline as a detached SVG element for the exports: every bar, also of a
/// large model whose screen draws only the visible ones, and no drag in progress.
fn full_timeline_svg(
    model: &Model,
    options: &RoadmapOptions,
    language: Language,
) -> web_sys::Element {
    let ranking = rank_initiatives(model);
    let today = TodayMark::of_date(browser::today_local_date());
    let layout = lay_out_roadmap(model, &ranking, options.lanes, Some(today));
    let figures = quarter_figures(model, language);
    build_timeline_svg(model, &layout, &figures, options, None, None, language).element()
}

fn current_roadmap_svg(container: &web_sys::Element) -> Option<web_sys::Element> {
    container.query_selector("svg.roadmap").ok().flatten()
}

/// The view box x of a pointer over the roadmap SVG.
fn pointer_x(svg: &web_sys::Element, client_x: i32) -> f64 {
    let bounds = svg.get_bounding_client_rect();
    (f64::from(client_x) - bounds.left()) * RoadmapGeometry::WIDTH / bounds.width().max(1.0)
}

fn attribute_number(element: &web_sys::Element, name: &str) -> f64 {
    element
        .get_attribute(name)
        .and_then(|text| crate::float_text::parse_decimal(&text))
        .unwrap_or(0.0)
}

pub fn roadmap_page() -> Dom {
    let state = expect_context::<AppState>();
    let screen_dom = Dom::with_class("div", "roadmap-screen").attr("data-view", "timeline");
    let toolbar_dom = Dom::with_class("div", "matrix-toolbar roadmap-toolbar");
    let status_dom = Dom::with_class("p", "matrix-status")
        .attr("role", "status")
        .attr("data-testid", "roadmap-status");
    let proposal_dom = Dom::with_class("div", "plan-proposal-slot");
    let container_dom = Dom::with_class("div", "roadmap-layout");
    let (screen, toolbar, container, proposal_slot) = (
        screen_dom.element(),
        toolbar_dom.element(),
        container_dom.element(),
        proposal_dom.element(),
    );
    let options = RwSignal::new(RoadmapOptions::default());
    let drag: Rc<RefCell<Option<RoadmapDrag>>> = Rc::new(RefCell::new(None));
    let suppress_next_click = Rc::new(RefCell::new(false));
    let drawn: Rc<RefCell<DrawnTimeline>> = Rc::default();
    let proposal: Rc<RefCell<Option<PlanProposal>>> = Rc::default();
    let focus_after_render: Rc<RefCell<Option<(EntityId, &'static str)>>> = Rc::default();

    // The toolbar shows the model's horizon and nothing else of it: it is rebuilt only
    // when that or the language changes. Rebuilding its controls on every change made
    // the browser lay the page out a second time after each frame.
    let toolbar_for_effect = toolbar.clone();
    let toolbar_built_for: Rc<RefCell<Option<(u8, Language)>>> = Rc::default();
    dom::effect(move || {
        let language = state.language.get();
        let horizon = state
            .model
            .with(|model| model.settings.roadmap_horizon_quarters);
        if toolbar_built_for.replace(Some((horizon, language))) == Some((horizon, language)) {
            return;
        }
        let content = state.model.with_untracked(|model| {
            options.with_untracked(|options| build_toolbar(model, options, language))
        });
        dom::replace_children(&toolbar_for_effect, content);
    });

    // A proposal belongs to the model it was computed for: any change discards it.
    let (proposal_for_reset, slot_for_reset) = (proposal.clone(), proposal_slot.clone());
    dom::effect(move || {
        state.model.track();
        if proposal_for_reset.borrow_mut().take().is_some() {
            dom::replace_children(&slot_for_reset, Vec::new());
        }
    });

    // A large timeline draws only the bars near the visible part of the page; a scroll
    // far enough from the band last drawn redraws it.
    let scrolled_far = Trigger::new();
    let (container_for_effect, status_for_effect) = (container.clone(), status_dom.element());
    let (drawn_for_effect, focus_for_effect) = (drawn.clone(), focus_after_render.clone());
    dom::effect(move || {
        scrolled_far.track();
        let language = state.language.get();
        let container = &container_for_effect;
        let (content, status) = state.model.with(|model| {
            options.with(|options| {
                if model.initiatives.is_empty() {
                    return (
                        vec![Dom::with_class("p", "empty-state")
                            .attr("data-testid", "roadmap-empty")
                            .text(Text::RoadmapEmpty.in_language(language))],
                        String::new(),
                    );
                }
                let ranking = rank_initiatives(model);
                let moved_id = focus_for_effect
                    .borrow()
                    .as_ref()
                    .map(|(initiative_id, _)| initiative_id.clone());
                match options.view {
                    RoadmapView::Timeline => build_timeline_view(
                        model,
                        &ranking,
                        options,
                        &mut drawn_for_effect.borrow_mut(),
                        container,
                        moved_id.as_deref(),
                        language,
                    ),
                    RoadmapView::Board => build_board_view(model, &ranking, language),
                }
            })
        });
        // A bar or card that has the focus keeps it when the chart is drawn again (a
        // large timeline is redrawn while the page scrolls, also when Tab scrolls it).
        let focused_item = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.active_element())
            .filter(|element| container.contains(Some(element)))
            .and_then(|element| {
                ["data-bar", "data-card"].into_iter().find_map(|attribute| {
                    element
                        .get_attribute(attribute)
                        .map(|initiative_id| (initiative_id, attribute))
                })
            });
        dom::replace_children(container, content);
        if status_for_effect.text_content().unwrap_or_default() != status {
            status_for_effect.set_text_content(Some(&status));
        }
        let pending = focus_for_effect.borrow_mut().take();
        if let Some((initiative_id, attribute)) = pending {
            if let Some(element) = find_by_attribute(container, attribute, &initiative_id) {
                focus_svg_element(&element);
            }
        } else if let Some((initiative_id, attribute)) = focused_item {
            if let Some(element) = find_by_attribute(container, attribute, &initiative_id) {
                focus_svg_element_in_place(&element);
            }
        }
    });

    // Every schedule change of this screen goes through here: one command, one undo
    // step, and the moved item keeps the keyboard focus after the rebuild.
    let focus_for_schedule = focus_after_render.clone();
    let schedule = move |initiative_id: EntityId,
                         start: Option<Quarter>,
                         duration: u8,
                         focus: &'static str| {
        let changed = state.model.with_untracked(|model| {
            model.initiative(&initiative_id).is_some_and(|initiative| {
                initiative.start != start || initiative.duration_quarters != duration
            })
        });
        if !changed {
            return;
        }
        let command = Command::ScheduleInitiative {
            initiative_id: initiative_id.clone(),
            start,
            duration_quarters: duration,
        };
        if state.dispatch(command).is_ok() {
            *focus_for_schedule.borrow_mut() = Some((initiative_id, focus));
        }
    };

    let on_toolbar_change = move |event: web_sys::Event| {
        let Some(control) = dom::event_element(&event) else {
            return;
        };
        let value = dom::element_value(&control);
        let mut next = options.get_untracked();
        match control.get_attribute("data-option").as_deref() {
            Some("lanes") => next.lanes = LaneMode::from_slug(&value),
            Some("dependencies") => next.show_dependencies = dom::element_checked(&control),
            Some("paper") => {
                next.paper = if value == "a3" { Paper::A3 } else { Paper::A4 };
            }
            Some("horizon") => {
                if let Ok(quarters) = value.parse::<u8>() {
                    let settings = state.model.with_untracked(|model| {
                        (model.settings.roadmap_horizon_quarters != quarters).then(|| {
                            let mut settings = model.settings.clone();
                            settings.roadmap_horizon_quarters = quarters;
                            settings
                        })
                    });
                    if let Some(settings) = settings {
                        let _ = state.dispatch(Command::UpdateSettings(settings));
                    }
                }
                return;
            }
            _ => return,
        }
        if next != options.get_untracked() {
            options.set(next);
        }
    };

    let toolbar_for_click = toolbar.clone();
    let (screen_for_click, slot_for_click) = (screen.clone(), proposal_slot.clone());
    let proposal_for_click = proposal.clone();
    let on_toolbar_click = move |event: leptos::ev::MouseEvent| {
        let view_button = dom::event_element(&event)
            .and_then(|target| target.closest("button[data-view]").ok().flatten());
        if let Some(button) = view_button {
            let slug = button.get_attribute("data-view").unwrap_or_default();
            let view = if slug == "board" {
                RoadmapView::Board
            } else {
                RoadmapView::Timeline
            };
            crate::ui::chart_support::show_view_as_pressed(
                &toolbar_for_click,
                &screen_for_click,
                &slug,
            );
            options.update(|options| options.view = view);
            return;
        }
        let Some(button) = dom::closest_with(&event, "data-action") else {
            return;
        };
        let title = state.model.with_untracked(|model| model.title.clone());
        let base_name = crate::ui::chart_support::export_base_name(&title);
        match button.get_attribute("data-action").as_deref() {
            Some("propose-plan") => {
                let language = state.language.get_untracked();
                let content = state.model.with_untracked(|model| {
                    let ranking = rank_initiatives(model);
                    let earliest = current_quarter();
                    let before = current_plan_objective(model, &ranking, earliest);
                    let proposed = propose_plan(model, &ranking, earliest);
                    let content = build_proposal_panel(model, &proposed, before, language);
                    *proposal_for_click.borrow_mut() = Some(proposed);
                    content
                });
                dom::replace_children(&slot_for_click, content);
                browser::focus_element_soon("plan-proposal-heading".to_string());
            }
            Some("roadmap-export-svg") => {
                let language = state.language.get_untracked();
                let export_options = options.get_untracked();
                let svg = state.model.with_untracked(|model| {
                    (!model.initiatives.is_empty())
                        .then(|| full_timeline_svg(model, &export_options, language))
                });
                if let Some(svg) = svg {
                    if !crate::ui::image_export::save_svg(&svg, &format!("{base_name}-roadmap.svg"))
                    {
                        report_export_failure(state);
                    }
                }
            }
            Some("roadmap-export-png") => {
                let language = state.language.get_untracked();
                let export_options = options.get_untracked();
                let svg = state.model.with_untracked(|model| {
                    (!model.initiatives.is_empty())
                        .then(|| full_timeline_svg(model, &export_options, language))
                });
                if let Some(svg) = svg {
                    let height = attribute_number(&svg, "data-height");
                    let file_name = format!("{base_name}-roadmap.png");
                    leptos::task::spawn_local(async move {
                        let width = (RoadmapGeometry::WIDTH * PNG_SCALE) as u32;
                        let height = (height * PNG_SCALE) as u32;
                        if !crate::ui::image_export::save_svg_as_png(
                            &svg,
                            width,
                            height.max(1),
                            &file_name,
                        )
                        .await
                        {
                            report_export_failure(state);
                        }
                    });
                }
            }
            Some("roadmap-export-csv") => {
                let language = state.language.get_untracked();
                let text = state.model.with_untracked(|model| {
                    crate::io::csv::schedule_csv(model, &rank_initiatives(model), language)
                });
                if !browser::download_text_file(
                    &format!("{base_name}-roadmap.csv"),
                    &text,
                    "text/csv;charset=utf-8",
                ) {
                    report_export_failure(state);
                }
            }
            Some("roadmap-print") => {
                let paper = options.with_untracked(|options| options.paper);
                if let Some(body) = web_sys::window()
                    .and_then(|window| window.document())
                    .and_then(|document| document.body())
                {
                    let _ = body
                        .class_list()
                        .toggle_with_force("print-a3", paper == Paper::A3);
                }
                if let Some(window) = web_sys::window() {
                    let _ = window.print();
                }
            }
            _ => {}
        }
    };

    let (slot_for_proposal_click, proposal_for_accept) = (proposal_slot.clone(), proposal.clone());
    let on_proposal_click = move |event: leptos::ev::MouseEvent| {
        let Some(button) = dom::closest_with(&event, "data-action") else {
            return;
        };
        match button.get_attribute("data-action").as_deref() {
            Some("accept-plan") => {
                let accepted = proposal_for_accept.borrow_mut().take();
                dom::replace_children(&slot_for_proposal_click, Vec::new());
                let Some(accepted) = accepted else {
                    return;
                };
                let commands: Vec<Command> = accepted
                    .placed
                    .iter()
                    .filter(|placed| placed.moves())
                    .map(|placed| Command::ScheduleInitiative {
                        initiative_id: placed.initiative_id.clone(),
                        start: Some(placed.start),
                        duration_quarters: placed.duration_quarters,
                    })
                    .collect();
                if !commands.is_empty() && state.dispatch_all(commands).is_ok() {
                    notify(state, NoticeSeverity::Success, Text::PlanAccepted);
                }
            }
            Some("discard-plan") => {
                proposal_for_accept.borrow_mut().take();
                dom::replace_children(&slot_for_proposal_click, Vec::new());
            }
            _ => {}
        }
    };

    // Dragging: bars (move or resize), tray items onto the timeline, board cards.
    let (drag_for_down, suppress_for_down, container_for_down) =
        (drag.clone(), suppress_next_click.clone(), container.clone());
    let on_pointer_down = move |event: leptos::ev::PointerEvent| {
        *suppress_for_down.borrow_mut() = false;
        if event.button() != 0 {
            return;
        }
        if drag_for_down
            .borrow()
            .as_ref()
            .is_some_and(|open| open.pointer_id != event.pointer_id())
        {
            return;
        }
        drag_for_down.borrow_mut().take();
        let start_pointer = (event.client_x(), event.client_y());
        let pending = |initiative_id: String, kind: DragKind, element: Option<web_sys::Element>| {
            RoadmapDrag {
                initiative_id,
                kind,
                pointer_id: event.pointer_id(),
                start_pointer,
                start_x: 0.0,
                started: false,
                original_start: None,
                original_duration: 0,
                target: None,
                target_column: None,
                element,
            }
        };
        if let Some(tray_item) = dom::closest_with(&event, "data-tray") {
            let initiative_id = tray_item.get_attribute("data-tray").unwrap_or_default();
            *drag_for_down.borrow_mut() = Some(pending(initiative_id, DragKind::FromTray, None));
            return;
        }
        if let Some(card) = dom::closest_with(&event, "data-card") {
            let initiative_id = card.get_attribute("data-card").unwrap_or_default();
            *drag_for_down.borrow_mut() =
                Some(pending(initiative_id, DragKind::BoardCard, Some(card)));
            return;
        }
        let Some(bar) = dom::closest_with(&event, "data-bar") else {
            return;
        };
        let Some(svg) = current_roadmap_svg(&container_for_down) else {
            return;
        };
        event.prevent_default();
        let initiative_id = bar.get_attribute("data-bar").unwrap_or_default();
        let resizing = dom::closest_with(&event, "data-resize").is_some();
        let (original_start, original_duration) = state.model.with_untracked(|model| {
            model
                .initiative(&initiative_id)
                .map_or((None, 1), |initiative| {
                    (
                        initiative.start.map(|start| start.ordinal()),
                        initiative.duration_quarters,
                    )
                })
        });
        let mut started = pending(
            initiative_id,
            if resizing {
                DragKind::Resize
            } else {
                DragKind::Move
            },
            Some(bar.clone()),
        );
        started.start_x = pointer_x(&svg, event.client_x());
        started.started = true;
        started.original_start = original_start;
        started.original_duration = original_duration;
        *drag_for_down.borrow_mut() = Some(started);
        let _ = container_for_down.set_pointer_capture(event.pointer_id());
        let _ = bar.class_list().add_1("dragging");
    };

    let (drag_for_move, container_for_move, drawn_for_move) =
        (drag.clone(), container.clone(), drawn.clone());
    let on_pointer_move = move |event: leptos::ev::PointerEvent| {
        let mut dragging = drag_for_move.borrow_mut();
        let Some(current) = dragging.as_mut() else {
            return;
        };
        if event.pointer_id() != current.pointer_id {
            return;
        }
        if !current.started {
            if event.buttons() & 1 == 0 {
                dragging.take();
                return;
            }
            let moved = (event.client_x() - current.start_pointer.0).abs()
                + (event.client_y() - current.start_pointer.1).abs();
            if moved < DRAG_THRESHOLD_PIXELS {
                return;
            }
            current.started = true;
            if let Some(element) = &current.element {
                let _ = element.class_list().add_1("dragging");
            }
            if current.kind == DragKind::FromTray {
                let _ = container_for_move.set_pointer_capture(event.pointer_id());
            }
        }
        if current.kind == DragKind::BoardCard {
            // The column under the pointer is the target (no capture: the pointer's
            // own target tells where it is).
            let column = dom::event_element(&event)
                .and_then(|target| target.closest("[data-drop-column]").ok().flatten());
            if let Ok(columns) = container_for_move.query_selector_all("[data-drop-column]") {
                for index in 0..columns.length() {
                    if let Some(other) = columns
                        .item(index)
                        .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
                    {
                        let is_target = column.as_ref() == Some(&other);
                        let _ = other
                            .class_list()
                            .toggle_with_force("drop-target", is_target);
                    }
                }
            }
            current.target_column = column
                .and_then(|column| column.get_attribute("data-drop-column"))
                .and_then(|slug| column_of_slug(&slug));
            return;
        }
        let Some(svg) = current_roadmap_svg(&container_for_move) else {
            return;
        };
        let drawn = drawn_for_move.borrow();
        let x = pointer_x(&svg, event.client_x());
        let quarter_width = drawn.quarter_width.max(1.0);
        let steps = ((x - current.start_x) / quarter_width).round() as i64;
        match current.kind {
            DragKind::Move => {
                let Some(original) = current.original_start else {
                    return;
                };
                // Never before the planning start, never past the horizon's end; a bar
                // that began before the horizon stays where it is until moved later.
                let lowest = drawn.first_ordinal.min(original);
                let target = (original + steps).clamp(lowest, drawn.last_ordinal.max(lowest));
                current.target = Some((target, current.original_duration));
                if let Some(bar) = &current.element {
                    let shift = (target - original) as f64 * quarter_width;
                    let _ = bar
                        .set_attribute("transform", &format!("translate({} 0)", svg_number(shift)));
                }
            }
            DragKind::Resize => {
                let Some(original) = current.original_start else {
                    return;
                };
                let duration = (i64::from(current.original_duration.max(1)) + steps)
                    .clamp(1, i64::from(MAXIMUM_DURATION_QUARTERS))
                    as u8;
                current.target = Some((original, duration));
                if let Some(bar) = &current.element {
                    let width = attribute_number(bar, "data-width")
                        + f64::from(
                            i16::from(duration) - i16::from(current.original_duration.max(1)),
                        ) * quarter_width;
                    if let Ok(Some(body)) = bar.query_selector(".bar-body") {
                        let _ = body.set_attribute("width", &svg_number(width.max(8.0)));
                    }
                    if let Ok(Some(handle)) = bar.query_selector(".bar-resize") {
                        let end = attribute_number(bar, "data-x") + width.max(8.0);
                        let _ = handle.set_attribute("x", &svg_number(end - 8.0));
                    }
                }
            }
            DragKind::FromTray => {
                let inside_chart = x >= drawn.lane_label_width && x <= RoadmapGeometry::WIDTH;
                let ordinal = drawn.first_ordinal
                    + ((x - drawn.lane_label_width) / quarter_width).floor() as i64;
                let ordinal = ordinal.clamp(drawn.first_ordinal, drawn.last_ordinal);
                let duration = state.model.with_untracked(|model| {
                    model
                        .initiative(&current.initiative_id)
                        .map_or(1, |initiative| initiative.duration_quarters)
                });
                current.target = inside_chart.then_some((ordinal, duration));
                if let Ok(Some(marker)) = svg.query_selector(".drop-column") {
                    if inside_chart {
                        let left = drawn.lane_label_width
                            + (ordinal - drawn.first_ordinal) as f64 * quarter_width;
                        let _ = marker.set_attribute("x", &svg_number(left));
                        let _ = marker.set_attribute(
                            "width",
                            &svg_number(f64::from(duration.max(1)) * quarter_width),
                        );
                        let _ = marker.remove_attribute("visibility");
                    } else {
                        let _ = marker.set_attribute("visibility", "hidden");
                    }
                }
            }
            DragKind::BoardCard => {}
        }
    };

    let (drag_for_finish, suppress_for_finish, container_for_finish) =
        (drag.clone(), suppress_next_click.clone(), container.clone());
    let schedule_for_finish = schedule.clone();
    let finish_drag = move |apply: bool| {
        let Some(finished) = drag_for_finish.borrow_mut().take() else {
            return;
        };
        if finished.started && matches!(finished.kind, DragKind::FromTray | DragKind::BoardCard) {
            *suppress_for_finish.borrow_mut() = true;
        }
        if let Some(element) = &finished.element {
            let _ = element.class_list().remove_1("dragging");
            let _ = element.remove_attribute("transform");
        }
        if let Ok(marks) = container_for_finish.query_selector_all(".drop-target") {
            for index in 0..marks.length() {
                if let Some(mark) = marks
                    .item(index)
                    .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
                {
                    let _ = mark.class_list().remove_1("drop-target");
                }
            }
        }
        if let Ok(Some(marker)) = container_for_finish.query_selector(".drop-column") {
            let _ = marker.set_attribute("visibility", "hidden");
        }
        if !apply || !finished.started {
            return;
        }
        match finished.kind {
            DragKind::BoardCard => {
                if let Some(column) = finished.target_column {
                    move_card(state, &finished.initiative_id, column, &schedule_for_finish);
                }
            }
            DragKind::Move | DragKind::Resize | DragKind::FromTray => {
                if let Some((ordinal, duration)) = finished.target {
                    if let Some(start) = quarter_of_ordinal(ordinal) {
                        schedule_for_finish(
                            finished.initiative_id,
                            Some(start),
                            duration,
                            "data-bar",
                        );
                    }
                } else if let Some(bar) = &finished.element {
                    // A drag that changed nothing puts the body back as it was drawn.
                    if let Ok(Some(body)) = bar.query_selector(".bar-body") {
                        let _ = body.set_attribute(
                            "width",
                            &svg_number(attribute_number(bar, "data-width")),
                        );
                    }
                }
            }
        }
    };

    let (suppress_for_click, container_for_click_open) =
        (suppress_next_click.clone(), container.clone());
    let on_click = move |event: leptos::ev::MouseEvent| {
        let _ = &container_for_click_open;
        if std::mem::take(&mut *suppress_for_click.borrow_mut()) {
            event.prevent_default();
        }
    };

    let (drag_for_key, finish_for_key) = (drag.clone(), finish_drag.clone());
    let (drawn_for_key, schedule_for_key) = (drawn.clone(), schedule.clone());
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        let key = event.key();
        if key == "Escape" && drag_for_key.borrow().is_some() {
            event.prevent_default();
            finish_for_key(false);
            return;
        }
        let step: i64 = match key.as_str() {
            "ArrowRight" => 1,
            "ArrowLeft" => -1,
            _ => 0,
        };
        let open_editor = |initiative_id: &str| {
            browser::navigate_to_fragment(&ScreenName::Initiatives.entity_href(initiative_id));
        };
        if let Some(card) = dom::closest_with(&event, "data-card") {
            let initiative_id = card.get_attribute("data-card").unwrap_or_default();
            if key == "Enter" {
                event.prevent_default();
                open_editor(&initiative_id);
                return;
            }
            if step == 0 {
                return;
            }
            event.prevent_default();
            let current_column = card
                .get_attribute("data-column")
                .and_then(|slug| column_of_slug(&slug));
            let target = match (current_column, step) {
                (Some(NowNextLater::Now), 1) => Some(NowNextLater::Next),
                (Some(NowNextLater::Next), 1) => Some(NowNextLater::Later),
                (Some(NowNextLater::Next), -1) => Some(NowNextLater::Now),
                (Some(NowNextLater::Later), -1) => Some(NowNextLater::Next),
                _ => None,
            };
            if let Some(target) = target {
                move_card(state, &initiative_id, target, &schedule_for_key);
            }
            return;
        }
        if let Some(tray_item) = dom::closest_with(&event, "data-tray") {
            if step == 0 && key != "ArrowUp" && key != "ArrowDown" {
                return;
            }
            event.prevent_default();
            let initiative_id = tray_item.get_attribute("data-tray").unwrap_or_default();
            let drawn = drawn_for_key.borrow();
            let ordinal = current_quarter().ordinal().clamp(
                drawn.first_ordinal,
                drawn.last_ordinal.max(drawn.first_ordinal),
            );
            let duration = state.model.with_untracked(|model| {
                model
                    .initiative(&initiative_id)
                    .map_or(1, |initiative| initiative.duration_quarters)
            });
            if let Some(start) = quarter_of_ordinal(ordinal) {
                schedule_for_key(initiative_id, Some(start), duration, "data-bar");
            }
            return;
        }
        let Some(bar) = dom::closest_with(&event, "data-bar") else {
            return;
        };
        let initiative_id = bar.get_attribute("data-bar").unwrap_or_default();
        if key == "Enter" || key == " " {
            event.prevent_default();
            open_editor(&initiative_id);
            return;
        }
        if step == 0 {
            return;
        }
        event.prevent_default();
        let Some((start, duration)) = state.model.with_untracked(|model| {
            model
                .initiative(&initiative_id)
                .and_then(|initiative| Some((initiative.start?, initiative.duration_quarters)))
        }) else {
            return;
        };
        let drawn = drawn_for_key.borrow();
        if event.shift_key() {
            let duration =
                (i64::from(duration) + step).clamp(0, i64::from(MAXIMUM_DURATION_QUARTERS)) as u8;
            schedule_for_key(initiative_id, Some(start), duration, "data-bar");
        } else {
            let lowest = drawn.first_ordinal.min(start.ordinal());
            let target = (start.ordinal() + step).clamp(lowest, drawn.last_ordinal.max(lowest));
            if let Some(target) = quarter_of_ordinal(target) {
                schedule_for_key(initiative_id, Some(target), duration, "data-bar");
            }
        }
    };

    let on_double_click = move |event: leptos::ev::MouseEvent| {
        let item =
            dom::closest_with(&event, "data-card").and_then(|card| card.get_attribute("data-card"));
        if let Some(initiative_id) = item {
            browser::navigate_to_fragment(&ScreenName::Initiatives.entity_href(&initiative_id));
        }
    };

    let (drawn_for_scroll, container_for_scroll) = (drawn.clone(), container.clone());
    let on_scroll = move |_: web_sys::Event| {
        let Some((drawn_top, drawn_bottom)) = drawn_for_scroll.borrow().drawn_band else {
            return;
        };
        let (top, bottom) = visible_band(&container_for_scroll);
        let half_margin = WINDOW_MARGIN / 2.0;
        if top < drawn_top - half_margin || bottom > drawn_bottom + half_margin {
            scrolled_far.notify();
        }
    };
    if let Some(window) = web_sys::window() {
        dom::listen(&window, "scroll", on_scroll);
    }
    dom::listen(&toolbar, "change", on_toolbar_change);
    dom::listen(&toolbar, "click", on_toolbar_click);
    dom::listen(&proposal_slot, "click", on_proposal_click);
    crate::ui::chart_support::listen_to_drags(
        &container,
        on_pointer_down,
        on_pointer_move,
        finish_drag,
    );
    dom::listen(&container, "click", on_click);
    dom::listen(&container, "dblclick", on_double_click);
    dom::listen(&container, "keydown", on_keydown);
    let body = screen_dom
        .child(toolbar_dom)
        .child(status_dom)
        .child(proposal_dom)
        .child(container_dom);
    super::page_frame(
        "page-roadmap",
        Text::NavRoadmap,
        Some(Text::IntroRoadmap),
        vec![body],
    )
}

/// Moves a board card to a column: Now sets the start to the current quarter, Next to
/// the next one, Later clears the schedule. An active initiative always stands under
/// Now (DESIGN.md section 3), so moving it away is refused with a message instead of
/// silently doing nothing.
fn move_card(
    state: AppState,
    initiative_id: &str,
    column: NowNextLater,
    schedule: &impl Fn(EntityId, Option<Quarter>, u8, &'static str),
) {
    let current = current_quarter();
    let Some((status, duration)) = state.model.with_untracked(|model| {
        model
            .initiative(initiative_id)
            .map(|initiative| (initiative.status, initiative.duration_quarters))
    }) else {
        return;
    };
    if status == InitiativeStatus::Active && column != NowNextLater::Now {
        notify(state, NoticeSeverity::Warning, Text::BoardActiveStaysNow);
        return;
    }
    schedule(
        initiative_id.to_string(),
        start_for_board_column(column, current),
        duration,
        "data-card",
    );
}
