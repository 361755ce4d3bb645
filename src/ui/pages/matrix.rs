//! The priority matrix screen with three views: the matrix of initiatives (value
//! against effort), the ranking table by priority score, and the TIME matrix of
//! applications (business fit against technical fit).
//!
//! The SVG is drawn with [`crate::ui::dom`] from the pure layouts of
//! [`crate::charts::matrix`] whenever the model, the language or the view options
//! change. A drag moves only the dragged bubble (a `transform`) and highlights the
//! target quadrant; the model changes once, on release, through one command (one undo
//! step). Unscored items wait in a tray and are dragged in from there (or placed with
//! an arrow key). Events are delegated to the containers: pointer events for dragging
//! (with pointer capture, so a drag outside the matrix clamps to 1 or 10), keydown for
//! arrow keys and Enter, mouseover and focusin for the card.
//!
//! The toolbar is built when the model or the language changes, not when an option
//! changes, so typing in the search box never rebuilds the box itself.
//!
//! The screen is a large part of the bundle; keep its code lean (no float formatting
//! from the standard library, no new hash map types, one options signal).

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::charts::matrix::{
    lay_out_applications, lay_out_matrix_with_top, primary_goal_position, title_matches_search,
    BubblePlacement, LabelAnchor, MatrixFilter, MatrixGeometry, MatrixLayout,
};
use crate::forms::fields::STATUS_OPTIONS;
use crate::forms::lists::quadrant_label;
use crate::i18n::{intl, Language, Text};
use crate::model::commands::{Command, Entity};
use crate::model::formulas::cost::yearly_cost_of_initiative;
use crate::model::formulas::quadrants::{quadrant_of, Quadrant};
use crate::model::formulas::ranking::{priority_inversions, rank_initiatives, PriorityInversion};
use crate::model::formulas::scoring::{InitiativeScoring, ScoreBreakdown, ScoreInput};
use crate::model::text_fold::fold_case;
use crate::model::{EntityId, InitiativeStatus, Model};
use crate::route::ScreenName;
use crate::state::AppState;
use crate::ui::chart_support::{
    find_by_attribute, focus_svg_element, quoted, report_export_failure, svg_number,
    toolbar_button, view_box_point,
};
use crate::ui::dom::{self, Dom};

const GEOMETRY: MatrixGeometry = MatrixGeometry::STANDARD;
/// The pixel size of a PNG export: twice the view box, sharp on a projector slide.
const PNG_SCALE: f64 = 2.0;

/// Colours of the goals (colour-blind safe where the count allows), repeated beyond
/// eight goals, and of items without a goal.
const GOAL_COLOURS: [&str; 8] = [
    "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#8c6d1f", "#6a51a3",
];
const NO_GOAL_COLOUR: &str = "#9aa0a6";
/// Risk 1-2, 3, 4-5 and not set.
const RISK_COLOURS: [&str; 4] = ["#2e7d32", "#f9a825", "#c62828", "#9aa0a6"];
const APPLICATION_COLOUR: &str = "#0b5cad";

#[derive(Clone, Copy, PartialEq, Eq, Default)]
enum MatrixView {
    #[default]
    Initiatives,
    Ranking,
    Applications,
}

impl MatrixView {
    const ALL: [(MatrixView, &'static str, Text); 3] = [
        (MatrixView::Initiatives, "initiatives", Text::ViewMatrix),
        (MatrixView::Ranking, "ranking", Text::ViewRanking),
        (
            MatrixView::Applications,
            "applications",
            Text::ViewApplications,
        ),
    ];
}

/// A column of the ranking table that it can be sorted by.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
enum RankingColumn {
    #[default]
    Rank,
    Title,
    Value,
    Effort,
    Quadrant,
}

/// Everything the user chose on this screen. One signal of one type: each signal type
/// costs arena code in the bundle.
#[derive(Clone, PartialEq, Default)]
struct MatrixOptions {
    view: MatrixView,
    colour_by_risk: bool,
    show_dependencies: bool,
    filter: MatrixFilter,
    /// The search text as typed, and case-folded for matching.
    search_text: String,
    folded_search: String,
    ranking_column: RankingColumn,
    ranking_descending: bool,
}

/// What is dragged: a bubble of the matrix or an item of the tray.
#[derive(Clone, PartialEq)]
struct Drag {
    item_id: EntityId,
    is_application: bool,
    /// The bubble's center in view box units; `None` for an item of the tray.
    start_center: Option<(f64, f64)>,
    /// Where the pointer went down, to tell a drag from a click on a tray item.
    start_pointer: (i32, i32),
    /// Whether a drag from the tray has begun (the pointer moved far enough).
    started: bool,
    target: Option<(u8, u8)>,
    /// The dragged bubble, kept so that a move does not search thousands of them.
    bubble: Option<web_sys::Element>,
    /// The pointer that drags; other pointers (a second finger) are ignored.
    pointer_id: i32,
}

/// Takes away what a drag shows: the bubble's offset, the target quadrant, the ghost.
fn clear_drag_marks(container: &web_sys::Element, drag: &Drag) {
    highlight_quadrant(container, None);
    if let Some(bubble) = &drag.bubble {
        let _ = bubble.remove_attribute("transform");
        let _ = bubble.class_list().remove_1("dragging");
    }
    if let Ok(Some(ghost)) = container.query_selector(".drag-ghost") {
        let _ = ghost.set_attribute("visibility", "hidden");
    }
}

fn quadrant_slug(quadrant: Quadrant) -> &'static str {
    match quadrant {
        Quadrant::QuickWin => "quick-win",
        Quadrant::PlatformTopic => "platform-topic",
        Quadrant::FillIn => "fill-in",
        Quadrant::TimeSink => "time-sink",
    }
}

/// The TIME name of a position: the upper left of the matrix (high business fit, low
/// technical fit) is "migrate", and so on (DESIGN.md section 3).
fn time_label(quadrant: Quadrant) -> Text {
    match quadrant {
        Quadrant::QuickWin => Text::TimeMigrate,
        Quadrant::PlatformTopic => Text::TimeInvest,
        Quadrant::FillIn => Text::TimeEliminate,
        Quadrant::TimeSink => Text::TimeTolerate,
    }
}

fn format_score(value: f64, language: Language) -> String {
    intl::format_decimal(value, 1, language)
}

/// Why an initiative is flagged: "Depends on “X”, which ranks lower (1.0 against 3.0)."
fn inversion_reason(model: &Model, inversion: &PriorityInversion, language: Language) -> String {
    let dependency_title = model
        .initiative(&inversion.dependency_id)
        .map_or("", |dependency| dependency.title.as_str());
    let detail = match inversion.dependency_score {
        Some(dependency_score) => format!(
            "{} ({} {} {})",
            Text::RanksLowerSuffix.in_language(language),
            intl::format_decimal(dependency_score, 2, language),
            Text::AgainstWord.in_language(language),
            intl::format_decimal(inversion.initiative_score, 2, language),
        ),
        None => Text::HasNoScoreSuffix.in_language(language).to_string(),
    };
    format!(
        "{} {}, {detail}.",
        Text::DependsOnPrefix.in_language(language),
        quoted(dependency_title, language)
    )
}

/// The frame of a matrix: quadrants with their names, axes with scores and titles.
fn build_matrix_frame(
    labels: [String; 4],
    axis_titles: (Text, Text),
    svg_label: Text,
    threshold: f64,
    language: Language,
) -> Dom {
    let plot = GEOMETRY.plot;
    let svg = Dom::svg("svg")
        .attr(
            "viewBox",
            &format!(
                "0 0 {} {}",
                svg_number(GEOMETRY.width),
                svg_number(GEOMETRY.height)
            ),
        )
        .attr("width", &svg_number(GEOMETRY.width))
        .attr("height", &svg_number(GEOMETRY.height))
        .attr("class", "matrix")
        .attr("role", "group")
        .attr("aria-label", svg_label.in_language(language))
        .attr("data-testid", "matrix-svg");
    // Arrow heads of the dependency arrows.
    svg.push(
        Dom::svg("defs").child(
            Dom::svg("marker")
                .attr("id", "arrow-head")
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
    // Quadrants: the threshold line splits each axis.
    let split_x = GEOMETRY.x_of_effort(threshold);
    let split_y = GEOMETRY.y_of_value(threshold);
    let right = plot.x + plot.width;
    let bottom = plot.y + plot.height;
    let quadrants = [
        (
            Quadrant::QuickWin,
            plot.x,
            plot.y,
            split_x - plot.x,
            split_y - plot.y,
        ),
        (
            Quadrant::PlatformTopic,
            split_x,
            plot.y,
            right - split_x,
            split_y - plot.y,
        ),
        (
            Quadrant::FillIn,
            plot.x,
            split_y,
            split_x - plot.x,
            bottom - split_y,
        ),
        (
            Quadrant::TimeSink,
            split_x,
            split_y,
            right - split_x,
            bottom - split_y,
        ),
    ];
    for ((quadrant, x, y, width, height), label) in quadrants.into_iter().zip(labels) {
        let slug = quadrant_slug(quadrant);
        svg.push(
            Dom::svg("rect")
                .attr("class", &format!("quadrant quadrant-{slug}"))
                .attr("data-quadrant", slug)
                .attr("x", &svg_number(x))
                .attr("y", &svg_number(y))
                .attr("width", &svg_number(width.max(0.0)))
                .attr("height", &svg_number(height.max(0.0))),
        );
        // The quadrant's name in its outer corner, where bubbles are rarest.
        let (label_x, anchor) = match quadrant {
            Quadrant::QuickWin | Quadrant::FillIn => (x + 8.0, "start"),
            _ => (x + width - 8.0, "end"),
        };
        let label_y = match quadrant {
            Quadrant::QuickWin | Quadrant::PlatformTopic => y + 22.0,
            _ => y + height - 10.0,
        };
        svg.push(
            Dom::svg("text")
                .attr("class", "quadrant-label")
                .attr("data-testid", &format!("quadrant-label-{slug}"))
                .attr("x", &svg_number(label_x))
                .attr("y", &svg_number(label_y))
                .attr("text-anchor", anchor)
                .text(&label),
        );
    }
    for score in 1..=10u8 {
        let x = GEOMETRY.x_of_effort(f64::from(score));
        let y = GEOMETRY.y_of_value(f64::from(score));
        let tick = |x: f64, y: f64, anchor: &str| {
            Dom::svg("text")
                .attr("class", "axis-tick")
                .attr("x", &svg_number(x))
                .attr("y", &svg_number(y))
                .attr("text-anchor", anchor)
                .text(&score.to_string())
        };
        svg.push(tick(x, bottom + 18.0, "middle"));
        svg.push(tick(plot.x - 10.0, y + 5.0, "end"));
    }
    svg.push(
        Dom::svg("text")
            .attr("class", "axis-title")
            .attr("x", &svg_number(plot.x + plot.width / 2.0))
            .attr("y", &svg_number(GEOMETRY.height - 8.0))
            .attr("text-anchor", "middle")
            .text(&format!("{} →", axis_titles.0.in_language(language))),
    );
    svg.push(
        Dom::svg("text")
            .attr("class", "axis-title")
            .attr(
                "transform",
                &format!(
                    "translate(18 {}) rotate(-90)",
                    svg_number(plot.y + plot.height / 2.0)
                ),
            )
            .attr("text-anchor", "middle")
            .text(&format!("{} →", axis_titles.1.in_language(language))),
    );
    svg
}

/// How a bubble looks beyond its place: fill colour, CSS classes, the extra sentence
/// of its accessible name, and whether it carries the dependency flag.
struct BubbleLook {
    fill: &'static str,
    classes: String,
    flagged_reason: Option<String>,
    /// The words after the count of a stack ("more at the same place").
    stack_words: &'static str,
}

/// Draws the bubbles and their labels (and the dependency arrows below them).
fn push_bubbles(
    svg: &Dom,
    layout: &MatrixLayout,
    is_application: bool,
    arrows: Option<Dom>,
    look_of: &dyn Fn(&BubblePlacement) -> BubbleLook,
    describe: &dyn Fn(&BubblePlacement) -> String,
) {
    let bubbles = Dom::svg("g").attr("class", "bubbles");
    let labels = Dom::svg("g")
        .attr("class", "bubble-labels")
        .attr("aria-hidden", "true");
    for bubble in &layout.bubbles {
        let look = look_of(bubble);
        let mut description = describe(bubble);
        let stacked = bubble.stacked_ids.len();
        if stacked > 0 {
            description.push_str(&format!(", +{stacked} {}", look.stack_words));
        }
        if let Some(reason) = &look.flagged_reason {
            description.push_str(". ");
            description.push_str(reason);
        }
        let group = Dom::svg("g")
            .attr("class", &format!("bubble {}", look.classes))
            .attr("tabindex", "0")
            .attr("role", "button")
            .attr("data-bubble", &bubble.item_id)
            .attr_if(is_application, "data-application", "")
            .attr("data-testid", "bubble")
            .attr("data-value", &svg_number(bubble.value))
            .attr("data-effort", &svg_number(bubble.effort))
            .attr("data-cx", &svg_number(bubble.center_x))
            .attr("data-cy", &svg_number(bubble.center_y))
            .attr("aria-label", &description)
            .attr_if(stacked > 0, "data-stacked", &bubble.stacked_ids.join(" "))
            .child(
                Dom::svg("circle")
                    .attr("cx", &svg_number(bubble.center_x))
                    .attr("cy", &svg_number(bubble.center_y))
                    .attr("r", &svg_number(bubble.radius))
                    .attr("fill", look.fill),
            );
        if bubble.value_is_derived {
            group.push(
                Dom::svg("circle")
                    .attr("class", "derived-mark")
                    .attr("cx", &svg_number(bubble.center_x))
                    .attr("cy", &svg_number(bubble.center_y))
                    .attr("r", &svg_number((bubble.radius - 3.0).max(1.5))),
            );
        }
        if stacked > 0 {
            group.push(
                Dom::svg("text")
                    .attr("class", "stack-count")
                    .attr("data-testid", "stack-count")
                    .attr("x", &svg_number(bubble.center_x))
                    .attr("y", &svg_number(bubble.center_y + 4.0))
                    .attr("text-anchor", "middle")
                    .text(&format!("+{stacked}")),
            );
        }
        if look.flagged_reason.is_some() {
            group.push(
                Dom::svg("text")
                    .attr("class", "flag")
                    .attr("data-testid", "dependency-flag")
                    .attr("x", &svg_number(bubble.center_x + bubble.radius * 0.7))
                    .attr("y", &svg_number(bubble.center_y - bubble.radius * 0.7))
                    .text("!"),
            );
        }
        bubbles.push(group);
        if let Some(label) = &bubble.label {
            if let Some((line_x, line_y)) = label.leader {
                labels.push(
                    Dom::svg("line")
                        .attr("class", "leader")
                        .attr("x1", &svg_number(line_x))
                        .attr("y1", &svg_number(line_y))
                        .attr("x2", &svg_number(bubble.center_x))
                        .attr("y2", &svg_number(bubble.center_y)),
                );
            }
            let anchor = match label.anchor {
                LabelAnchor::Start => "start",
                LabelAnchor::Middle => "middle",
                LabelAnchor::End => "end",
            };
            labels.push(
                Dom::svg("text")
                    .attr("class", "bubble-label")
                    .attr("data-label-for", &bubble.item_id)
                    .attr("data-testid", "bubble-label")
                    .attr("x", &svg_number(label.x))
                    .attr("y", &svg_number(label.baseline_y))
                    .attr("text-anchor", anchor)
                    .text(&label.text),
            );
        }
    }
    if let Some(arrows) = arrows {
        svg.push(arrows);
    }
    svg.push(labels);
    svg.push(bubbles);
    // Where an item dragged from the tray would land; shown only during such a drag.
    svg.push(
        Dom::svg("circle")
            .attr("class", "drag-ghost")
            .attr("data-testid", "drag-ghost")
            .attr("r", "12")
            .attr("visibility", "hidden"),
    );
}

/// Arrows from each dependency to the initiative that needs it, between visible
/// bubbles, ending at the bubbles' rims; inverted priorities dashed and red.
fn build_dependency_arrows(
    model: &Model,
    layout: &MatrixLayout,
    inversions: &[PriorityInversion],
) -> Dom {
    let arrows = Dom::svg("g")
        .attr("class", "dependency-arrows")
        .attr("aria-hidden", "true");
    let positions = crate::model::id_lookup::IdLookup::new(
        layout
            .bubbles
            .iter()
            .map(|bubble| {
                (
                    bubble.item_id.as_str(),
                    (bubble.center_x, bubble.center_y, bubble.radius),
                )
            })
            .collect(),
    );
    let position_of = |id: &str| positions.get(id);
    for initiative in &model.initiatives {
        let Some((to_x, to_y, to_radius)) = position_of(&initiative.id) else {
            continue;
        };
        for dependency_id in &initiative.depends_on_ids {
            let Some((from_x, from_y, from_radius)) = position_of(dependency_id) else {
                continue;
            };
            let (delta_x, delta_y) = (to_x - from_x, to_y - from_y);
            let length = (delta_x * delta_x + delta_y * delta_y).sqrt();
            if length <= from_radius + to_radius + 2.0 {
                continue;
            }
            let (unit_x, unit_y) = (delta_x / length, delta_y / length);
            let inverted = inversions.iter().any(|inversion| {
                inversion.initiative_id == initiative.id
                    && &inversion.dependency_id == dependency_id
            });
            arrows.push(
                Dom::svg("line")
                    .attr(
                        "class",
                        if inverted {
                            "dependency-arrow inverted"
                        } else {
                            "dependency-arrow"
                        },
                    )
                    .attr("data-testid", "dependency-arrow")
                    .attr("x1", &svg_number(from_x + unit_x * from_radius))
                    .attr("y1", &svg_number(from_y + unit_y * from_radius))
                    .attr("x2", &svg_number(to_x - unit_x * (to_radius + 1.0)))
                    .attr("y2", &svg_number(to_y - unit_y * (to_radius + 1.0)))
                    .attr("marker-end", "url(#arrow-head)"),
            );
        }
    }
    arrows
}

/// The risk band of a risk score: 0 for 1-2, 1 for 3, 2 for 4-5, 3 when not set.
fn risk_band(risk: Option<u8>) -> usize {
    match risk {
        Some(1..=2) => 0,
        Some(3) => 1,
        Some(_) => 2,
        None => 3,
    }
}

fn swatch_item(colour: &str, label: &str) -> Dom {
    Dom::new("li")
        .child(
            Dom::with_class("span", "swatch")
                .attr("aria-hidden", "true")
                .attr("style", &format!("background:{colour}")),
        )
        .child(Dom::new("span").text(label))
}

/// The legend of the colours in use and of the outlines.
fn build_legend(model: &Model, options: &MatrixOptions, language: Language) -> Dom {
    let list = Dom::with_class("ul", "legend-list");
    if options.colour_by_risk {
        for (band, label) in [
            Text::RiskLow,
            Text::RiskMedium,
            Text::RiskHigh,
            Text::RiskNotSet,
        ]
        .into_iter()
        .enumerate()
        {
            list.push(swatch_item(RISK_COLOURS[band], label.in_language(language)));
        }
    } else {
        for (position, goal) in model.goals.iter().enumerate() {
            list.push(swatch_item(
                GOAL_COLOURS[position % GOAL_COLOURS.len()],
                &goal.title,
            ));
        }
        list.push(swatch_item(
            NO_GOAL_COLOUR,
            Text::NoGoal.in_language(language),
        ));
    }
    Dom::with_class("div", "matrix-legend")
        .attr("data-testid", "matrix-legend")
        .child(list)
        .child(Dom::with_class("p", "hint").text(Text::OutlineLegend.in_language(language)))
}

fn build_tray(
    model: &Model,
    unscored: &[EntityId],
    is_application: bool,
    language: Language,
) -> Dom {
    let (heading, none_text, hint) = if is_application {
        (
            Text::ApplicationsUnscoredHeading,
            Text::ApplicationsAllScored,
            Text::ApplicationsUnscoredHint,
        )
    } else {
        (
            Text::UnscoredHeading,
            Text::UnscoredNone,
            Text::UnscoredHint,
        )
    };
    let tray = Dom::with_class("aside", "matrix-tray")
        .attr("aria-labelledby", "matrix-tray-heading")
        .attr("data-testid", "matrix-tray")
        .child(
            Dom::new("h2")
                .attr("id", "matrix-tray-heading")
                .text(heading.in_language(language)),
        );
    if unscored.is_empty() {
        return tray.child(Dom::with_class("p", "hint").text(none_text.in_language(language)));
    }
    let list = Dom::with_class("ul", "tray-list");
    for id in unscored {
        let (title, href) = if is_application {
            (
                model
                    .capabilities
                    .iter()
                    .find(|capability| &capability.id == id)
                    .map_or("", |capability| capability.name.as_str()),
                ScreenName::Capabilities.entity_href(id),
            )
        } else {
            (
                model
                    .initiative(id)
                    .map_or("", |initiative| initiative.title.as_str()),
                ScreenName::Initiatives.entity_href(id),
            )
        };
        list.push(
            Dom::new("li").child(
                Dom::with_class("a", "tray-item")
                    .attr("href", &href)
                    .attr("data-tray", id)
                    .attr("draggable", "false")
                    .attr_if(is_application, "data-application", "")
                    .attr("data-testid", "tray-item")
                    .text(title),
            ),
        );
    }
    tray.child(Dom::with_class("p", "hint").text(hint.in_language(language)))
        .child(list)
}

/// The ranking of the model and its priority inversions, computed once per change of
/// the model and shared by the matrix, its layout and the card (hovering must not
/// rank a thousand initiatives again).
#[derive(Default)]
struct PriorityFacts {
    ranking: Vec<crate::model::formulas::ranking::RankedInitiative>,
    inversions: Vec<PriorityInversion>,
}

impl PriorityFacts {
    fn of(model: &Model) -> PriorityFacts {
        let ranking = rank_initiatives(model);
        let inversions = priority_inversions(model, &ranking);
        PriorityFacts {
            ranking,
            inversions,
        }
    }
}

/// The matrix of initiatives with legend and tray, as filtered and searched.
fn build_initiatives_view(
    model: &Model,
    options: &MatrixOptions,
    facts: &PriorityFacts,
    moving_id: Option<&str>,
    language: Language,
) -> (Vec<Dom>, String) {
    let scoring = InitiativeScoring::new(model);
    let filter = &options.filter;
    let layout = lay_out_matrix_with_top(
        model,
        &GEOMETRY,
        &|initiative| filter.includes(&scoring, initiative),
        moving_id,
        &facts.ranking,
    );
    let inversions = &facts.inversions;
    let labels = [
        Quadrant::QuickWin,
        Quadrant::PlatformTopic,
        Quadrant::FillIn,
        Quadrant::TimeSink,
    ]
    .map(|quadrant| quadrant_label(&model.settings, quadrant, language));
    let svg = build_matrix_frame(
        labels,
        (Text::AxisEffort, Text::AxisValue),
        Text::MatrixLabel,
        model.settings.quadrant_threshold,
        language,
    );
    let arrows = options
        .show_dependencies
        .then(|| build_dependency_arrows(model, &layout, inversions));
    let searching = !options.folded_search.is_empty();
    let mut match_count = 0usize;
    let look_of = |bubble: &BubblePlacement| {
        let initiative = model.initiatives.get(bubble.item_index);
        let status = initiative.map_or("idea", |initiative| {
            STATUS_OPTIONS[initiative.status as usize].code
        });
        let fill = match initiative {
            Some(initiative) if options.colour_by_risk => {
                RISK_COLOURS[risk_band(initiative.scores.risk)]
            }
            Some(initiative) => primary_goal_position(model, initiative)
                .map_or(NO_GOAL_COLOUR, |position| {
                    GOAL_COLOURS[position % GOAL_COLOURS.len()]
                }),
            None => NO_GOAL_COLOUR,
        };
        let search_class = if !searching {
            ""
        } else if title_matches_search(&bubble.title, &options.folded_search) {
            " search-match"
        } else {
            " dimmed"
        };
        let flagged_reason = inversions
            .iter()
            .find(|inversion| inversion.initiative_id == bubble.item_id)
            .map(|inversion| inversion_reason(model, inversion, language));
        BubbleLook {
            fill,
            classes: format!(
                "status-{status} quadrant-{}{search_class}",
                quadrant_slug(bubble.quadrant)
            ),
            flagged_reason,
            stack_words: Text::StackMoreHere.in_language(language),
        }
    };
    let describe = |bubble: &BubblePlacement| bubble_description(model, bubble, language);
    push_bubbles(&svg, &layout, false, arrows, &look_of, &describe);
    if searching {
        match_count = layout
            .bubbles
            .iter()
            .filter(|bubble| title_matches_search(&bubble.title, &options.folded_search))
            .count();
    }
    // A stack shows all its items.
    let shown = layout
        .bubbles
        .iter()
        .map(|bubble| 1 + bubble.stacked_ids.len())
        .sum::<usize>()
        + layout.unscored_ids.len();
    let mut status = String::new();
    if filter.is_active() {
        status = format!(
            "{shown} {} {}",
            Text::ShownOf.in_language(language),
            model.initiatives.len()
        );
    }
    if searching {
        if !status.is_empty() {
            status.push_str(" · ");
        }
        status.push_str(&format!(
            "{match_count} {}",
            Text::SearchMatchesWord.in_language(language)
        ));
    }
    let views = vec![
        Dom::with_class("div", "matrix-main")
            .child(Dom::with_class("div", "matrix-frame").child(svg))
            .child(build_legend(model, options, language)),
        build_tray(model, &layout.unscored_ids, false, language),
    ];
    (views, status)
}

/// The accessible name of a bubble: title, scores and quadrant.
fn bubble_description(model: &Model, bubble: &BubblePlacement, language: Language) -> String {
    let derived = if bubble.value_is_derived {
        format!(" ({})", Text::DerivedFromGoals.in_language(language))
    } else {
        String::new()
    };
    format!(
        "{}: {} {}{derived}, {} {}, {}",
        bubble.title,
        Text::AxisValue.in_language(language),
        format_score(bubble.value, language),
        Text::AxisEffort.in_language(language),
        format_score(bubble.effort, language),
        quadrant_label(&model.settings, bubble.quadrant, language)
    )
}

/// The TIME matrix of applications with the tray of those without fit scores.
fn build_applications_view(model: &Model, language: Language) -> Vec<Dom> {
    let has_applications = model
        .capabilities
        .iter()
        .any(|capability| capability.kind == crate::model::CapabilityKind::System);
    if !has_applications {
        return vec![Dom::with_class("p", "empty-state")
            .attr("data-testid", "applications-empty")
            .text(Text::ApplicationsEmpty.in_language(language))];
    }
    let layout = lay_out_applications(model, &GEOMETRY);
    let labels = [
        Quadrant::QuickWin,
        Quadrant::PlatformTopic,
        Quadrant::FillIn,
        Quadrant::TimeSink,
    ]
    .map(|quadrant| time_label(quadrant).in_language(language).to_string());
    let svg = build_matrix_frame(
        labels,
        (Text::AxisTechnicalFit, Text::AxisBusinessFit),
        Text::TimeMatrixLabel,
        model.settings.quadrant_threshold,
        language,
    );
    let look_of = |bubble: &BubblePlacement| BubbleLook {
        fill: APPLICATION_COLOUR,
        classes: format!("application quadrant-{}", quadrant_slug(bubble.quadrant)),
        flagged_reason: None,
        stack_words: Text::StackMoreHere.in_language(language),
    };
    let describe = |bubble: &BubblePlacement| {
        format!(
            "{}: {} {}, {} {}, {}",
            bubble.title,
            Text::AxisBusinessFit.in_language(language),
            format_score(bubble.value, language),
            Text::AxisTechnicalFit.in_language(language),
            format_score(bubble.effort, language),
            time_label(bubble.quadrant).in_language(language)
        )
    };
    push_bubbles(&svg, &layout, true, None, &look_of, &describe);
    vec![
        Dom::with_class("p", "hint").text(Text::ApplicationsHint.in_language(language)),
        Dom::with_class("div", "matrix-main")
            .child(Dom::with_class("div", "matrix-frame").child(svg)),
        build_tray(model, &layout.unscored_ids, true, language),
    ]
}

fn framework_label(model: &Model) -> Text {
    match model.settings.scoring_framework {
        crate::model::ScoringFramework::ValueEffort => Text::FrameworkValueEffort,
        crate::model::ScoringFramework::Weighted => Text::FrameworkWeighted,
        crate::model::ScoringFramework::Wsjf => Text::FrameworkWsjf,
        crate::model::ScoringFramework::Rice => Text::FrameworkRice,
    }
}

fn criterion_name<'model>(model: &'model Model, criterion_id: &str) -> &'model str {
    model
        .settings
        .weighted_criteria
        .iter()
        .find(|criterion| criterion.id == criterion_id)
        .map_or("", |criterion| criterion.name.as_str())
}

/// How a priority score came about, in words and numbers.
fn describe_breakdown(model: &Model, breakdown: &ScoreBreakdown, language: Language) -> String {
    let text = |text: Text| text.in_language(language);
    let decimal = |value: f64| intl::format_decimal(value, 2, language);
    match breakdown {
        ScoreBreakdown::ValueEffort { value, effort, .. } => format!(
            "{} {} ÷ {} {effort}",
            text(Text::AxisValue),
            decimal(value.value),
            text(Text::AxisEffort)
        ),
        ScoreBreakdown::Weighted { criteria, .. } => criteria
            .iter()
            .map(|criterion| {
                format!(
                    "{} {} × {} → {}",
                    criterion_name(model, &criterion.criterion_id),
                    criterion
                        .score
                        .map_or("–".to_string(), |score| score.to_string()),
                    criterion.weight,
                    decimal(criterion.points)
                )
            })
            .collect::<Vec<_>>()
            .join(" + "),
        ScoreBreakdown::Wsjf {
            value,
            time_criticality,
            risk_reduction,
            effort,
            ..
        } => format!(
            "({} {} + {} {time_criticality} + {} {risk_reduction}) ÷ {} {effort}",
            text(Text::AxisValue),
            decimal(value.value),
            text(Text::ShortTimeCriticality),
            text(Text::ShortRiskReduction),
            text(Text::AxisEffort)
        ),
        ScoreBreakdown::Rice {
            reach,
            impact,
            confidence_percent,
            person_months,
            ..
        } => format!(
            "{} {reach} × {} {} × {} {confidence_percent} % ÷ {} {}",
            text(Text::ShortReach),
            text(Text::FieldRiceImpact),
            decimal(*impact),
            text(Text::ShortConfidence),
            decimal(*person_months),
            text(Text::PersonMonths)
        ),
    }
}

fn describe_missing_input(model: &Model, input: &ScoreInput, language: Language) -> String {
    let text = match input {
        ScoreInput::Value => Text::AxisValue,
        ScoreInput::Effort => Text::AxisEffort,
        ScoreInput::TimeCriticality => Text::ShortTimeCriticality,
        ScoreInput::RiskReduction => Text::ShortRiskReduction,
        ScoreInput::Reach => Text::ShortReach,
        ScoreInput::Impact => Text::FieldRiceImpact,
        ScoreInput::Confidence => Text::ShortConfidence,
        ScoreInput::PersonDays => Text::FieldPersonDays,
        ScoreInput::CriteriaWeights => Text::MissingCriteriaWeights,
        ScoreInput::CriterionScore(criterion_id) => {
            return criterion_name(model, criterion_id).to_string()
        }
    };
    text.in_language(language).to_string()
}

fn initiative_link(initiative_id: &str, title: &str) -> Dom {
    Dom::new("a")
        .attr("href", &ScreenName::Initiatives.entity_href(initiative_id))
        .text(title)
}

/// The ranking table (sortable), and the initiatives without a score with what is
/// missing.
fn build_ranking_view(model: &Model, options: &MatrixOptions, language: Language) -> Vec<Dom> {
    if model.initiatives.is_empty() {
        return vec![Dom::with_class("p", "empty-state")
            .attr("data-testid", "ranking-empty")
            .text(Text::RankingEmpty.in_language(language))];
    }
    let scoring = InitiativeScoring::new(model);
    let ranking = rank_initiatives(model);
    let inversions = priority_inversions(model, &ranking);
    struct Row<'model> {
        rank: usize,
        initiative: &'model crate::model::Initiative,
        folded_title: String,
        breakdown: ScoreBreakdown,
        value: Option<f64>,
        quadrant: Option<Quadrant>,
    }
    let mut rows = Vec::new();
    let not_scored = Dom::with_class("ul", "not-scored-list");
    let mut not_scored_count = 0;
    for ranked in &ranking {
        let Some(initiative) = model.initiative(&ranked.initiative_id) else {
            continue;
        };
        match scoring.priority_breakdown(initiative) {
            Ok(breakdown) if ranked.priority_score.is_some() => rows.push(Row {
                rank: ranked.rank,
                initiative,
                folded_title: fold_case(&initiative.title),
                breakdown,
                value: ranked.effective_value.map(|value| value.value),
                quadrant: scoring.quadrant(initiative),
            }),
            result => {
                not_scored_count += 1;
                let missing: Vec<String> = result
                    .err()
                    .map(|missing| missing.0)
                    .unwrap_or_default()
                    .iter()
                    .map(|input| describe_missing_input(model, input, language))
                    .collect();
                not_scored.push(
                    Dom::new("li")
                        .attr("data-testid", "not-scored-row")
                        .child(initiative_link(&initiative.id, &initiative.title))
                        .child(
                            Dom::with_class("span", "missing-inputs")
                                .attr("data-testid", "ranking-missing")
                                .text(&format!(
                                    " – {}: {}",
                                    Text::MissingLabel.in_language(language),
                                    missing.join(", ")
                                )),
                        ),
                );
            }
        }
    }
    let column = options.ranking_column;
    rows.sort_by(|left, right| {
        let order = match column {
            RankingColumn::Rank => left.rank.cmp(&right.rank),
            RankingColumn::Title => left.folded_title.cmp(&right.folded_title),
            RankingColumn::Value => left
                .value
                .partial_cmp(&right.value)
                .unwrap_or(std::cmp::Ordering::Equal),
            RankingColumn::Effort => left
                .initiative
                .scores
                .effort
                .cmp(&right.initiative.scores.effort),
            RankingColumn::Quadrant => left.quadrant.cmp(&right.quadrant),
        }
        .then_with(|| left.rank.cmp(&right.rank));
        if options.ranking_descending {
            order.reverse()
        } else {
            order
        }
    });
    let header = Dom::new("tr");
    for (sort_column, slug, label) in [
        (Some(RankingColumn::Rank), "rank", Text::ColumnRank),
        (Some(RankingColumn::Title), "title", Text::FieldTitle),
        (None, "score", Text::ColumnPriorityScore),
        (None, "breakdown", Text::ColumnBreakdown),
        (Some(RankingColumn::Value), "value", Text::AxisValue),
        (Some(RankingColumn::Effort), "effort", Text::AxisEffort),
        (
            Some(RankingColumn::Quadrant),
            "quadrant",
            Text::ColumnQuadrant,
        ),
    ] {
        let cell = Dom::new("th").attr("scope", "col");
        let Some(sort_column) = sort_column else {
            header.push(cell.text(label.in_language(language)));
            continue;
        };
        let sorted_here = sort_column == column;
        let direction = match (sorted_here, options.ranking_descending) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        };
        header.push(
            cell.attr("aria-sort", direction).child(
                Dom::with_class("button", "sort-button")
                    .attr("type", "button")
                    .attr("data-sort", slug)
                    .attr("data-testid", &format!("ranking-sort-{slug}"))
                    .text(label.in_language(language)),
            ),
        );
    }
    let body = Dom::new("tbody");
    for row in &rows {
        let initiative = row.initiative;
        let flag = inversions
            .iter()
            .find(|inversion| inversion.initiative_id == initiative.id)
            .map(|inversion| {
                Dom::with_class("p", "flag-reason")
                    .attr("data-testid", "ranking-flag")
                    .text(&format!(
                        "⚠ {}",
                        inversion_reason(model, inversion, language)
                    ))
            });
        let quadrant = row.quadrant.map_or(String::new(), |quadrant| {
            quadrant_label(&model.settings, quadrant, language)
        });
        body.push(
            Dom::new("tr")
                .attr("data-testid", "ranking-row")
                .attr("data-initiative", &initiative.id)
                .child(Dom::new("td").text(&row.rank.to_string()))
                .child(
                    Dom::new("td")
                        .child(initiative_link(&initiative.id, &initiative.title))
                        .child_if(flag),
                )
                .child(
                    Dom::with_class("td", "number")
                        .attr("data-testid", "ranking-score")
                        .text(&intl::format_decimal(row.breakdown.score(), 2, language)),
                )
                .child(Dom::with_class("td", "breakdown").text(&describe_breakdown(
                    model,
                    &row.breakdown,
                    language,
                )))
                .child(
                    Dom::with_class("td", "number").text(
                        &row.value
                            .map_or("–".to_string(), |value| format_score(value, language)),
                    ),
                )
                .child(
                    Dom::with_class("td", "number").text(
                        &initiative
                            .scores
                            .effort
                            .map_or("–".to_string(), |effort| effort.to_string()),
                    ),
                )
                .child(
                    Dom::new("td").child_if(
                        (!quadrant.is_empty()).then(|| {
                            Dom::with_class("span", "badge quadrant-badge").text(&quadrant)
                        }),
                    ),
                ),
        );
    }
    let mut views = vec![
        Dom::with_class("p", "ranking-framework")
            .attr("data-testid", "ranking-framework")
            .text(&format!(
                "{}: {}. {}",
                Text::FieldScoringFramework.in_language(language),
                framework_label(model).in_language(language),
                Text::TieBreakRule.in_language(language)
            )),
        Dom::with_class("div", "table-scroll").child(
            Dom::with_class("table", "ranking-table")
                .attr("data-testid", "ranking-table")
                .child(Dom::new("thead").child(header))
                .child(body),
        ),
    ];
    if not_scored_count > 0 {
        views.push(
            Dom::new("h2")
                .attr("class", "not-scored-heading")
                .text(&format!(
                    "{} ({not_scored_count})",
                    Text::NotScoredHeading.in_language(language)
                )),
        );
        views.push(not_scored);
    }
    views
}
/// The card shown beside a hovered or focused bubble.
fn fill_card(
    card: &web_sys::Element,
    model: &Model,
    facts: &PriorityFacts,
    initiative_id: &str,
    stacked_ids: &str,
    language: Language,
) {
    let Some(initiative) = model.initiative(initiative_id) else {
        return;
    };
    let owner = initiative
        .owner_id
        .as_deref()
        .and_then(|id| model.person(id))
        .map(|person| person.name.clone());
    let goals: Vec<String> = initiative
        .goal_contributions
        .iter()
        .filter_map(|contribution| model.goal(&contribution.goal_id))
        .map(|goal| goal.title.clone())
        .collect();
    let dependencies: Vec<String> = initiative
        .depends_on_ids
        .iter()
        .filter_map(|id| model.initiative(id))
        .map(|dependency| dependency.title.clone())
        .collect();
    let scores = format!(
        "{} {} · {} {} · {} {}",
        Text::AxisValue.in_language(language),
        initiative
            .scores
            .value
            .map_or("–".to_string(), |value| value.to_string()),
        Text::AxisEffort.in_language(language),
        initiative
            .scores
            .effort
            .map_or("–".to_string(), |effort| effort.to_string()),
        Text::FieldRisk.in_language(language),
        initiative
            .scores
            .risk
            .map_or("–".to_string(), |risk| risk.to_string()),
    );
    let row = |label: Text, value: String| {
        Dom::new("div")
            .child(Dom::new("dt").text(label.in_language(language)))
            .child(Dom::new("dd").text(&value))
    };
    let details = Dom::new("dl")
        .child(row(
            Text::CardYearlyCost,
            intl::format_money(
                yearly_cost_of_initiative(model, initiative),
                &model.currency,
                language,
            ),
        ))
        .child(row(
            Text::FieldOwner,
            owner.unwrap_or_else(|| "–".to_string()),
        ))
        .child(row(
            Text::FieldGoals,
            if goals.is_empty() {
                "–".to_string()
            } else {
                goals.join(", ")
            },
        ))
        .child(row(
            Text::FieldDependsOn,
            if dependencies.is_empty() {
                "–".to_string()
            } else {
                dependencies.join(", ")
            },
        ));
    let priority = facts
        .ranking
        .iter()
        .find(|ranked| ranked.initiative_id == initiative.id)
        .and_then(|ranked| ranked.priority_score);
    let details = details.child(row(
        Text::ColumnPriorityScore,
        priority.map_or("–".to_string(), |score| {
            intl::format_decimal(score, 2, language)
        }),
    ));
    let flag = facts
        .inversions
        .iter()
        .find(|inversion| inversion.initiative_id == initiative.id)
        .map(|inversion| {
            Dom::with_class("p", "flag-reason")
                .attr("data-testid", "card-flag")
                .text(&format!(
                    "⚠ {}",
                    inversion_reason(model, inversion, language)
                ))
        });
    // The quick-win / platform-topic classification shows wherever an initiative does.
    let badge =
        crate::model::formulas::quadrants::initiative_quadrant(model, initiative).map(|quadrant| {
            Dom::with_class("span", "badge quadrant-badge")
                .attr("data-testid", "card-quadrant")
                .text(&quadrant_label(&model.settings, quadrant, language))
        });
    let mut contents = vec![Dom::with_class("p", "card-title").text(&initiative.title)];
    contents.extend(badge.map(|badge| Dom::with_class("p", "card-quadrant").child(badge)));
    contents.push(Dom::with_class("p", "card-scores").text(&scores));
    contents.push(details);
    contents.extend(flag);
    // A stack's card names the items under its top (the first few, then a count).
    let stacked: Vec<&str> = stacked_ids.split_whitespace().collect();
    if !stacked.is_empty() {
        const NAMED: usize = 6;
        let mut names: Vec<String> = stacked
            .iter()
            .take(NAMED)
            .filter_map(|id| model.initiative(id))
            .map(|stacked_initiative| stacked_initiative.title.clone())
            .collect();
        if stacked.len() > NAMED {
            names.push(format!("+{}", stacked.len() - NAMED));
        }
        contents.push(
            Dom::with_class("p", "card-stack")
                .attr("data-testid", "card-stack")
                .text(&format!(
                    "+{} {}: {}",
                    stacked.len(),
                    Text::StackMoreHere.in_language(language),
                    names.join(", ")
                )),
        );
    }
    dom::replace_children(card, contents);
}

fn find_bubble(container: &web_sys::Element, initiative_id: &str) -> Option<web_sys::Element> {
    find_by_attribute(container, "data-bubble", initiative_id)
}

/// Marks the quadrant the dragged bubble would land in.
fn highlight_quadrant(container: &web_sys::Element, quadrant: Option<Quadrant>) {
    if let Ok(rects) = container.query_selector_all("[data-quadrant]") {
        for index in 0..rects.length() {
            if let Some(rect) = rects
                .item(index)
                .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
            {
                let is_target = quadrant.is_some_and(|quadrant| {
                    rect.get_attribute("data-quadrant").as_deref() == Some(quadrant_slug(quadrant))
                });
                let _ = rect
                    .class_list()
                    .toggle_with_force("drop-target", is_target);
            }
        }
    }
}

fn labelled_select(
    select_id: &str,
    filter: &str,
    label: Text,
    choices: Vec<(String, String)>,
    selected: &str,
    first_label: Text,
    language: Language,
) -> Dom {
    let select = Dom::new("select")
        .attr("id", select_id)
        .attr("data-testid", select_id)
        .child(
            Dom::new("option")
                .attr("value", "")
                .text(first_label.in_language(language)),
        );
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
        .child(select.attr("data-filter", filter))
}

/// The view switch, filters, search, display options and export buttons.
fn build_toolbar(model: &Model, options: &MatrixOptions, language: Language) -> Vec<Dom> {
    let views = Dom::with_class("div", "view-switch")
        .attr("role", "group")
        .attr("aria-label", Text::ViewSwitchLabel.in_language(language));
    for (view, slug, label) in MatrixView::ALL {
        views.push(
            Dom::with_class("button", "view-button")
                .attr("type", "button")
                .attr("data-view", slug)
                .attr("data-testid", &format!("view-{slug}"))
                .attr(
                    "aria-pressed",
                    if view == options.view {
                        "true"
                    } else {
                        "false"
                    },
                )
                .text(label.in_language(language)),
        );
    }
    let filter = &options.filter;
    let entity_choices = |kind: crate::model::EntityKind| crate::forms::entity_choices(model, kind);
    let statuses = STATUS_OPTIONS
        .iter()
        .map(|option| {
            (
                option.code.to_string(),
                option.label.in_language(language).to_string(),
            )
        })
        .collect();
    let quadrants = [
        Quadrant::QuickWin,
        Quadrant::PlatformTopic,
        Quadrant::FillIn,
        Quadrant::TimeSink,
    ]
    .iter()
    .map(|quadrant| {
        (
            quadrant_slug(*quadrant).to_string(),
            quadrant_label(&model.settings, *quadrant, language),
        )
    })
    .collect();
    let selected_status = filter
        .status
        .map_or("", |status| STATUS_OPTIONS[status as usize].code);
    let search = Dom::with_class("label", "toolbar-field matrix-search")
        .attr("for", "matrix-search")
        .child(Dom::new("span").text(Text::MatrixSearchLabel.in_language(language)))
        .child(
            Dom::new("input")
                .attr("type", "search")
                .attr("id", "matrix-search")
                .attr("data-option", "search")
                .attr("data-testid", "matrix-search")
                .value(&options.search_text),
        );
    // The filters fold away, so the matrix keeps its room on a projector.
    let filter_fields = Dom::with_class("div", "filter-fields")
        .child(labelled_select(
            "matrix-filter-goal",
            "goal",
            Text::FieldGoal,
            entity_choices(crate::model::EntityKind::Goal),
            filter.goal_id.as_deref().unwrap_or(""),
            Text::FilterAll,
            language,
        ))
        .child(labelled_select(
            "matrix-filter-capability",
            "capability",
            Text::FieldCapabilities,
            entity_choices(crate::model::EntityKind::Capability),
            filter.capability_id.as_deref().unwrap_or(""),
            Text::FilterAll,
            language,
        ))
        .child(labelled_select(
            "matrix-filter-owner",
            "owner",
            Text::FieldOwner,
            entity_choices(crate::model::EntityKind::Person),
            filter.owner_id.as_deref().unwrap_or(""),
            Text::FilterAll,
            language,
        ))
        .child(labelled_select(
            "matrix-filter-status",
            "status",
            Text::FieldStatus,
            statuses,
            selected_status,
            Text::FilterAll,
            language,
        ))
        .child(labelled_select(
            "matrix-filter-quadrant",
            "quadrant",
            Text::ColumnQuadrant,
            quadrants,
            filter.quadrant.map_or("", quadrant_slug),
            Text::FilterAll,
            language,
        ))
        .child(toolbar_button(
            "reset-filters",
            Text::ResetFilters,
            language,
        ));
    let filters = Dom::with_class("details", "matrix-filters")
        .attr_if(filter.is_active(), "open", "")
        .child(
            Dom::new("summary")
                .attr("data-testid", "matrix-filters-toggle")
                .text(Text::FiltersHeading.in_language(language)),
        )
        .child(filter_fields);
    let colour_choices = vec![(
        "risk".to_string(),
        Text::ColourByRisk.in_language(language).to_string(),
    )];
    let display = Dom::with_class("div", "matrix-display")
        .child(
            labelled_select(
                "matrix-colour",
                "colour",
                Text::ColourBy,
                colour_choices,
                if options.colour_by_risk { "risk" } else { "" },
                Text::ColourByGoal,
                language,
            )
            .attr("class", "toolbar-field display-initiatives"),
        )
        .child(
            Dom::with_class("label", "toolbar-check display-initiatives")
                .child(
                    Dom::new("input")
                        .attr("type", "checkbox")
                        .attr("data-option", "dependencies")
                        .attr("data-testid", "show-dependencies")
                        .checked(options.show_dependencies),
                )
                .child(Dom::new("span").text(Text::ShowDependencies.in_language(language))),
        )
        .child(toolbar_button("export-svg", Text::ExportSvg, language))
        .child(toolbar_button("export-png", Text::ExportPng, language))
        .child(toolbar_button("print", Text::PrintView, language));
    vec![views, search, filters, display]
}

/// Reads a changed toolbar control into the options.
fn apply_toolbar_change(options: &mut MatrixOptions, control: &web_sys::Element) {
    let value = dom::element_value(control);
    let chosen = (!value.is_empty()).then(|| value.clone());
    match control.get_attribute("data-filter").as_deref() {
        Some("goal") => options.filter.goal_id = chosen,
        Some("capability") => options.filter.capability_id = chosen,
        Some("owner") => options.filter.owner_id = chosen,
        Some("status") => {
            options.filter.status = STATUS_OPTIONS
                .iter()
                .position(|option| option.code == value)
                .map(|position| InitiativeStatus::ALL[position]);
        }
        Some("quadrant") => {
            options.filter.quadrant = [
                Quadrant::QuickWin,
                Quadrant::PlatformTopic,
                Quadrant::FillIn,
                Quadrant::TimeSink,
            ]
            .into_iter()
            .find(|quadrant| quadrant_slug(*quadrant) == value);
        }
        Some("colour") => options.colour_by_risk = value == "risk",
        _ => match control.get_attribute("data-option").as_deref() {
            Some("dependencies") => options.show_dependencies = dom::element_checked(control),
            Some("search") => {
                options.folded_search = fold_case(value.trim());
                options.search_text = value;
            }
            _ => {}
        },
    }
}

/// The card beside a hovered or focused application.
fn fill_application_card(
    card: &web_sys::Element,
    model: &Model,
    capability_id: &str,
    language: Language,
) {
    let Some(capability) = model
        .capabilities
        .iter()
        .find(|capability| capability.id == capability_id)
    else {
        return;
    };
    let fit = |fit: Option<u8>| fit.map_or("–".to_string(), |fit| fit.to_string());
    let owner = capability
        .owner_id
        .as_deref()
        .and_then(|id| model.person(id))
        .map_or("–".to_string(), |person| person.name.clone());
    dom::replace_children(
        card,
        vec![
            Dom::with_class("p", "card-title").text(&capability.name),
            Dom::with_class("p", "card-scores").text(&format!(
                "{} {} · {} {}",
                Text::AxisBusinessFit.in_language(language),
                fit(capability.business_fit),
                Text::AxisTechnicalFit.in_language(language),
                fit(capability.technical_fit)
            )),
            Dom::new("dl").child(
                Dom::new("div")
                    .child(Dom::new("dt").text(Text::FieldOwner.in_language(language)))
                    .child(Dom::new("dd").text(&owner)),
            ),
        ],
    );
}

/// The SVG of the current view, for export.
fn current_svg(container: &web_sys::Element) -> Option<web_sys::Element> {
    container.query_selector("svg.matrix").ok().flatten()
}

/// The export file name: the model's file name with the view instead of the extension.
fn image_file_name(model_title: &str, view: MatrixView, extension: &str) -> String {
    let base = crate::ui::chart_support::export_base_name(model_title);
    let view_name = match view {
        MatrixView::Applications => "time",
        _ => "matrix",
    };
    format!("{base}-{view_name}.{extension}")
}

pub fn matrix_page() -> Dom {
    let state = expect_context::<AppState>();
    let screen_dom = Dom::with_class("div", "matrix-screen").attr("data-view", "initiatives");
    let toolbar_dom = Dom::with_class("div", "matrix-toolbar");
    let status_dom = Dom::with_class("p", "matrix-status")
        .attr("role", "status")
        .attr("data-testid", "matrix-status");
    let container_dom = Dom::with_class("div", "matrix-layout");
    let card_dom = Dom::with_class("div", "matrix-card")
        .attr("role", "tooltip")
        .attr("data-testid", "matrix-card")
        .attr("hidden", "");
    let (screen, toolbar, container, card) = (
        screen_dom.element(),
        toolbar_dom.element(),
        container_dom.element(),
        card_dom.element(),
    );
    let options = RwSignal::new(MatrixOptions::default());
    // Plain shared cells rather than reactive stored values: nothing renders from
    // them, and every new stored-value type costs kilobytes of arena code.
    let drag: Rc<RefCell<Option<Drag>>> = Rc::new(RefCell::new(None));
    let suppress_next_click = Rc::new(RefCell::new(false));
    // Which bubble to focus after the next rebuild (a keyboard move keeps focus).
    let focus_after_render = StoredValue::new(None::<EntityId>);

    // The toolbar follows the model (its choices) and the language, not the options.
    let toolbar_for_effect = toolbar.clone();
    dom::effect(move || {
        let language = state.language.get();
        let content = state.model.with(|model| {
            options.with_untracked(|options| build_toolbar(model, options, language))
        });
        dom::replace_children(&toolbar_for_effect, content);
    });

    let container_for_effect = container.clone();
    let status_for_effect = status_dom.element();
    // The card reads what the last matrix was drawn from.
    let priority_facts: Rc<RefCell<PriorityFacts>> = Rc::default();
    let facts_for_effect = priority_facts.clone();
    dom::effect(move || {
        let language = state.language.get();
        let container = &container_for_effect;
        // The item just moved by keyboard or drag stays on top where it lands.
        let moving_id = focus_after_render.get_value();
        let (content, status) = state.model.with(|model| {
            options.with(|options| match options.view {
                MatrixView::Ranking => {
                    (build_ranking_view(model, options, language), String::new())
                }
                MatrixView::Applications => {
                    (build_applications_view(model, language), String::new())
                }
                MatrixView::Initiatives if model.initiatives.is_empty() => (
                    vec![Dom::with_class("p", "empty-state")
                        .attr("data-testid", "matrix-empty")
                        .text(Text::MatrixEmpty.in_language(language))],
                    String::new(),
                ),
                MatrixView::Initiatives => {
                    let facts = PriorityFacts::of(model);
                    let view = build_initiatives_view(
                        model,
                        options,
                        &facts,
                        moving_id.as_deref(),
                        language,
                    );
                    *facts_for_effect.borrow_mut() = facts;
                    view
                }
            })
        });
        dom::replace_children(container, content);
        // One status element for the screen's life: screen readers announce changes of
        // a live region that already exists, not of one that is created anew.
        if status_for_effect.text_content().unwrap_or_default() != status {
            status_for_effect.set_text_content(Some(&status));
        }
        if let Some(item_id) = focus_after_render.try_update_value(Option::take).flatten() {
            if let Some(bubble) = find_bubble(container, &item_id) {
                focus_svg_element(&bubble);
            }
        }
    });

    let set_scores = move |item_id: EntityId, is_application: bool, value: u8, effort: u8| {
        let command = state.model.with_untracked(|model| {
            if is_application {
                let capability = model
                    .capabilities
                    .iter()
                    .find(|capability| capability.id == item_id)?;
                if capability.business_fit == Some(value)
                    && capability.technical_fit == Some(effort)
                {
                    return None;
                }
                let mut changed = capability.clone();
                changed.business_fit = Some(value);
                changed.technical_fit = Some(effort);
                Some(Command::Update(Entity::Capability(changed)))
            } else {
                let initiative = model.initiative(&item_id)?;
                if initiative.scores.value == Some(value)
                    && initiative.scores.effort == Some(effort)
                {
                    return None;
                }
                Some(Command::SetInitiativeScores {
                    initiative_id: item_id.clone(),
                    value: Some(value),
                    effort: Some(effort),
                })
            }
        });
        // Only a change that went through is followed by its bubble: a pending focus
        // from a move that changed nothing would steal the focus at a later rebuild.
        if let Some(command) = command {
            if state.dispatch(command).is_ok() {
                focus_after_render.set_value(Some(item_id));
            }
        }
    };

    let on_toolbar_change = move |event: web_sys::Event| {
        // Only a real change rebuilds the matrix (a search box also reports `change`
        // when it loses focus, which may be in the middle of a drag).
        if let Some(control) = dom::event_element(&event) {
            let mut next = options.get_untracked();
            apply_toolbar_change(&mut next, &control);
            if next != options.get_untracked() {
                options.set(next);
            }
        }
    };
    let (toolbar_for_click, container_for_click) = (toolbar.clone(), container.clone());
    let screen_for_click = screen.clone();
    let on_toolbar_click = move |event: leptos::ev::MouseEvent| {
        let (toolbar_element, container_element) = (&toolbar_for_click, &container_for_click);
        // Only the view buttons: the screen itself carries `data-view` too.
        let view_button = dom::event_element(&event)
            .and_then(|target| target.closest("button[data-view]").ok().flatten());
        if let Some(button) = view_button {
            let slug = button.get_attribute("data-view").unwrap_or_default();
            let Some((view, _, _)) = MatrixView::ALL
                .into_iter()
                .find(|(_, view_slug, _)| *view_slug == slug)
            else {
                return;
            };
            crate::ui::chart_support::show_view_as_pressed(
                toolbar_element,
                &screen_for_click,
                &slug,
            );
            options.update(|options| options.view = view);
            return;
        }
        let Some(button) = dom::closest_with(&event, "data-action") else {
            return;
        };
        let (title, view) = (
            state.model.with_untracked(|model| model.title.clone()),
            options.with_untracked(|options| options.view),
        );
        match button.get_attribute("data-action").as_deref() {
            Some("reset-filters") => {
                if let Ok(controls) =
                    toolbar_element.query_selector_all("[data-filter], [data-option=search]")
                {
                    for index in 0..controls.length() {
                        if let Some(control) = controls.item(index) {
                            let keeps_value =
                                control
                                    .dyn_ref::<web_sys::Element>()
                                    .is_some_and(|control| {
                                        control.get_attribute("data-filter").as_deref()
                                            == Some("colour")
                                    });
                            if !keeps_value {
                                let _ = js_sys::Reflect::set(&control, &"value".into(), &"".into());
                            }
                        }
                    }
                }
                options.update(|options| {
                    options.filter = MatrixFilter::default();
                    options.folded_search.clear();
                    options.search_text.clear();
                });
            }
            Some("export-svg") => {
                if let Some(svg) = current_svg(container_element) {
                    if !crate::ui::image_export::save_svg(
                        &svg,
                        &image_file_name(&title, view, "svg"),
                    ) {
                        report_export_failure(state);
                    }
                }
            }
            Some("export-png") => {
                if let Some(svg) = current_svg(container_element) {
                    let file_name = image_file_name(&title, view, "png");
                    leptos::task::spawn_local(async move {
                        let width = (GEOMETRY.width * PNG_SCALE) as u32;
                        let height = (GEOMETRY.height * PNG_SCALE) as u32;
                        if !crate::ui::image_export::save_svg_as_png(
                            &svg, width, height, &file_name,
                        )
                        .await
                        {
                            report_export_failure(state);
                        }
                    });
                }
            }
            Some("print") => {
                if let Some(window) = web_sys::window() {
                    let _ = window.print();
                }
            }
            _ => {}
        }
    };

    let drag_for_down = drag.clone();
    let container_for_down = container.clone();
    let suppress_for_down = suppress_next_click.clone();
    let on_pointer_down = move |event: leptos::ev::PointerEvent| {
        // A click is suppressed only right after a drag from the tray; the browser may
        // send none, so a new press forgets it.
        *suppress_for_down.borrow_mut() = false;
        if event.button() != 0 {
            return;
        }
        // A second pointer does not take over a drag. A drag of this same pointer
        // that is still open lost its release (outside the window): it ends unapplied.
        let stale = drag_for_down.borrow_mut().take();
        if let Some(stale) = stale {
            if stale.pointer_id != event.pointer_id() {
                *drag_for_down.borrow_mut() = Some(stale);
                return;
            }
            clear_drag_marks(&container_for_down, &stale);
        }
        let container_element = &container_for_down;
        let start_pointer = (event.client_x(), event.client_y());
        if let Some(tray_item) = dom::closest_with(&event, "data-tray") {
            // A tray item becomes a drag only once the pointer moves; a click still
            // opens it.
            *drag_for_down.borrow_mut() = Some(Drag {
                item_id: tray_item.get_attribute("data-tray").unwrap_or_default(),
                is_application: tray_item.has_attribute("data-application"),
                start_center: None,
                start_pointer,
                started: false,
                target: None,
                bubble: None,
                pointer_id: event.pointer_id(),
            });
            return;
        }
        let Some(bubble) = dom::closest_with(&event, "data-bubble") else {
            return;
        };
        event.prevent_default();
        let center = |name: &str| {
            bubble
                .get_attribute(name)
                .and_then(|text| crate::float_text::parse_decimal(&text))
                .unwrap_or(0.0)
        };
        *drag_for_down.borrow_mut() = Some(Drag {
            item_id: bubble.get_attribute("data-bubble").unwrap_or_default(),
            is_application: bubble.has_attribute("data-application"),
            start_center: Some((center("data-cx"), center("data-cy"))),
            start_pointer,
            started: true,
            target: None,
            bubble: Some(bubble.clone()),
            pointer_id: event.pointer_id(),
        });
        let _ = container_element.set_pointer_capture(event.pointer_id());
        let _ = bubble.class_list().add_1("dragging");
    };

    let drag_for_move = drag.clone();
    let container_for_move = container.clone();
    let on_pointer_move = move |event: leptos::ev::PointerEvent| {
        let mut dragging = drag_for_move.borrow_mut();
        let Some(current) = dragging.as_mut() else {
            return;
        };
        if event.pointer_id() != current.pointer_id {
            return;
        }
        // A press on a tray item whose button was released outside the matrix before
        // the drag captured the pointer sent no pointerup here: it ends unapplied.
        // (Captured drags always get their pointerup or pointercancel.)
        if !current.started && event.buttons() & 1 == 0 {
            if let Some(stale) = dragging.take() {
                clear_drag_marks(&container_for_move, &stale);
            }
            return;
        }
        let container_element = &container_for_move;
        let Some(svg) = current_svg(container_element) else {
            return;
        };
        let (x, y) = view_box_point(
            &svg,
            event.client_x(),
            event.client_y(),
            GEOMETRY.width,
            GEOMETRY.height,
        );
        let effort = GEOMETRY.effort_at(x);
        let value = GEOMETRY.value_at(y);
        match current.start_center {
            Some((start_x, start_y)) => {
                current.target = Some((value, effort));
                if let Some(bubble) = &current.bubble {
                    let dx = GEOMETRY.x_of_effort(f64::from(effort)) - start_x;
                    let dy = GEOMETRY.y_of_value(f64::from(value)) - start_y;
                    let _ = bubble.set_attribute(
                        "transform",
                        &format!("translate({} {})", svg_number(dx), svg_number(dy)),
                    );
                }
            }
            None => {
                if !current.started {
                    let moved = event
                        .client_x()
                        .saturating_sub(current.start_pointer.0)
                        .saturating_abs()
                        .saturating_add(
                            event
                                .client_y()
                                .saturating_sub(current.start_pointer.1)
                                .saturating_abs(),
                        );
                    if moved < 6 {
                        return;
                    }
                    current.started = true;
                    let _ = container_element.set_pointer_capture(event.pointer_id());
                }
                // From the tray, only a drop inside the plot places the item.
                let inside = (GEOMETRY.plot.x..=GEOMETRY.plot.x + GEOMETRY.plot.width).contains(&x)
                    && (GEOMETRY.plot.y..=GEOMETRY.plot.y + GEOMETRY.plot.height).contains(&y);
                current.target = Some((value, effort)).filter(|_| inside);
                if let Ok(Some(ghost)) = container_element.query_selector(".drag-ghost") {
                    if inside {
                        let _ = ghost.set_attribute(
                            "cx",
                            &svg_number(GEOMETRY.x_of_effort(f64::from(effort))),
                        );
                        let _ = ghost.set_attribute(
                            "cy",
                            &svg_number(GEOMETRY.y_of_value(f64::from(value))),
                        );
                        let _ = ghost.remove_attribute("visibility");
                    } else {
                        let _ = ghost.set_attribute("visibility", "hidden");
                    }
                }
            }
        }
        let threshold = state
            .model
            .with_untracked(|model| model.settings.quadrant_threshold);
        highlight_quadrant(
            container_element,
            current
                .target
                .map(|(value, effort)| quadrant_of(f64::from(value), f64::from(effort), threshold)),
        );
    };

    let drag_for_finish = drag.clone();
    let suppress_for_finish = suppress_next_click.clone();
    let container_for_finish = container.clone();
    let finish_drag = move |apply: bool| {
        let Some(finished) = drag_for_finish.borrow_mut().take() else {
            return;
        };
        if finished.start_center.is_none() && finished.started {
            *suppress_for_finish.borrow_mut() = true;
        }
        clear_drag_marks(&container_for_finish, &finished);
        if let (true, Some((value, effort))) = (apply, finished.target) {
            set_scores(finished.item_id, finished.is_application, value, effort);
        }
    };

    let suppress_for_click = suppress_next_click.clone();
    let on_click = move |event: leptos::ev::MouseEvent| {
        // The click that ends a drag from the tray must not open the item.
        if std::mem::take(&mut *suppress_for_click.borrow_mut()) {
            event.prevent_default();
            return;
        }
        let Some(button) = dom::closest_with(&event, "data-sort") else {
            return;
        };
        let column = match button.get_attribute("data-sort").as_deref() {
            Some("title") => RankingColumn::Title,
            Some("value") => RankingColumn::Value,
            Some("effort") => RankingColumn::Effort,
            Some("quadrant") => RankingColumn::Quadrant,
            _ => RankingColumn::Rank,
        };
        options.update(|options| {
            options.ranking_descending =
                options.ranking_column == column && !options.ranking_descending;
            options.ranking_column = column;
        });
        // The table is rebuilt; the keyboard stays on the same header button.
        browser::focus_element_soon_by_selector(format!(
            "[data-sort=\"{}\"]",
            button.get_attribute("data-sort").unwrap_or_default()
        ));
    };

    let finish_drag_for_key = finish_drag.clone();
    let drag_for_key = drag.clone();
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        let key = event.key();
        // Escape cancels any drag, from the tray too, before keys act on the target.
        if key == "Escape" && drag_for_key.borrow().is_some() {
            event.prevent_default();
            finish_drag_for_key(false);
            return;
        }
        let (value_step, effort_step): (i16, i16) = match key.as_str() {
            "ArrowUp" => (1, 0),
            "ArrowDown" => (-1, 0),
            "ArrowRight" => (0, 1),
            "ArrowLeft" => (0, -1),
            _ => (0, 0),
        };
        let step = |score: u8, change: i16| (i16::from(score) + change).clamp(1, 10) as u8;
        if let Some(tray_item) = dom::closest_with(&event, "data-tray") {
            // An arrow key places an unscored item in the middle of the matrix, one
            // step in the arrow's direction; the arrows then move it on.
            if (value_step, effort_step) != (0, 0) {
                event.prevent_default();
                let item_id = tray_item.get_attribute("data-tray").unwrap_or_default();
                set_scores(
                    item_id,
                    tray_item.has_attribute("data-application"),
                    step(5, value_step),
                    step(5, effort_step),
                );
            }
            return;
        }
        let Some(bubble) = dom::closest_with(&event, "data-bubble") else {
            return;
        };
        let item_id = bubble.get_attribute("data-bubble").unwrap_or_default();
        let is_application = bubble.has_attribute("data-application");
        if key == "Enter" || key == " " {
            event.prevent_default();
            let screen = if is_application {
                ScreenName::Capabilities
            } else {
                ScreenName::Initiatives
            };
            browser::navigate_to_fragment(&screen.entity_href(&item_id));
            return;
        }
        if (value_step, effort_step) == (0, 0) {
            return;
        }
        event.prevent_default();
        let current = state.model.with_untracked(|model| {
            if is_application {
                let capability = model
                    .capabilities
                    .iter()
                    .find(|capability| capability.id == item_id)?;
                Some((capability.business_fit?, capability.technical_fit?))
            } else {
                let initiative = model.initiative(&item_id)?;
                let value =
                    crate::model::formulas::scoring::effective_value(model, initiative)?.value;
                Some((
                    crate::charts::matrix::snap_score(value),
                    initiative.scores.effort?,
                ))
            }
        });
        if let Some((value, effort)) = current {
            set_scores(
                item_id,
                is_application,
                step(value, value_step),
                step(effort, effort_step),
            );
        }
    };

    let (card_for_show, screen_for_show) = (card.clone(), screen.clone());
    let facts_for_card = priority_facts.clone();
    let show_card = move |event: &web_sys::Event| {
        let (card_element, screen_element) = (&card_for_show, &screen_for_show);
        let Some(bubble) = dom::closest_with(event, "data-bubble") else {
            let _ = card_element.set_attribute("hidden", "");
            return;
        };
        let item_id = bubble.get_attribute("data-bubble").unwrap_or_default();
        let language = state.language.get_untracked();
        state.model.with_untracked(|model| {
            if bubble.has_attribute("data-application") {
                fill_application_card(card_element, model, &item_id, language);
            } else {
                let stacked_ids = bubble.get_attribute("data-stacked").unwrap_or_default();
                let facts = facts_for_card.borrow();
                fill_card(
                    card_element,
                    model,
                    &facts,
                    &item_id,
                    &stacked_ids,
                    language,
                );
            }
        });
        // The card is positioned in the screen (below the toolbar's top), so its
        // offsets are measured from the screen's box.
        let frame = screen_element.get_bounding_client_rect();
        let bounds = bubble.get_bounding_client_rect();
        let left = (bounds.right() - frame.left() + 12.0)
            .min(frame.width() - 280.0)
            .max(0.0);
        let top = (bounds.top() - frame.top()).max(0.0);
        let style = format!("left: {}px; top: {}px", left as i32, top as i32);
        let _ = card_element.set_attribute("style", &style);
        let _ = card_element.remove_attribute("hidden");
    };
    let card_for_hide = card.clone();
    let hide_card = move || {
        let _ = card_for_hide.set_attribute("hidden", "");
    };

    dom::listen(&toolbar, "change", on_toolbar_change);
    dom::listen(&toolbar, "input", on_toolbar_change);
    dom::listen(&toolbar, "click", on_toolbar_click);
    crate::ui::chart_support::listen_to_drags(
        &container,
        on_pointer_down,
        on_pointer_move,
        finish_drag,
    );
    dom::listen(&container, "click", on_click);
    dom::listen(&container, "keydown", on_keydown);
    let show_on_focus = show_card.clone();
    dom::listen(&container, "mouseover", move |event: web_sys::Event| {
        show_card(&event)
    });
    dom::listen(&container, "focusin", move |event: web_sys::Event| {
        show_on_focus(&event)
    });
    let hide_on_focus_out = hide_card.clone();
    dom::listen(&container, "mouseleave", move |_: web_sys::Event| {
        hide_card()
    });
    dom::listen(&container, "focusout", move |_: web_sys::Event| {
        hide_on_focus_out()
    });
    let body = screen_dom
        .child(toolbar_dom)
        .child(status_dom)
        .child(container_dom)
        .child(card_dom);
    super::page_frame(
        "page-matrix",
        Text::NavMatrix,
        Some(Text::IntroMatrix),
        vec![body],
    )
}
