//! The priority matrix: value against effort, one bubble per initiative, the four
//! quadrants with the model's labels, the tray of unscored initiatives, dragging and
//! keyboard moves that go through the command path (one undo step each).
//!
//! The SVG is drawn with [`crate::ui::dom`] from the pure layout of
//! [`crate::charts::matrix`] whenever the model or the language changes. A drag moves
//! only the dragged bubble (a `transform`) and highlights the target quadrant; the
//! model changes once, on release. Events are delegated to the container: pointer
//! events for dragging (with pointer capture, so a drag outside the matrix clamps to 1
//! or 10), keydown for arrow keys and Enter, mouseover and focusin for the card.
//! Handlers read the node refs with `try_get_untracked`, because a focusout can
//! arrive after navigation has removed the page, and reading a disposed reference
//! would panic.
//!
//! The screen costs about 17 KB of the gzip bundle; keep its code lean (no float
//! formatting from the standard library, no new hash map types).

use std::cell::RefCell;
use std::rc::Rc;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::charts::matrix::{lay_out_matrix, BubblePlacement, LabelAnchor, MatrixGeometry};
use crate::forms::lists::quadrant_label;
use crate::i18n::{intl, Language, Text};
use crate::model::commands::Command;
use crate::model::formulas::cost::yearly_cost_of_initiative;
use crate::model::formulas::quadrants::{quadrant_of, Quadrant};
use crate::model::{EntityId, Model};
use crate::route::ScreenName;
use crate::state::AppState;
use crate::ui::dom::{self, Dom};

const GEOMETRY: MatrixGeometry = MatrixGeometry::STANDARD;

/// A drag in progress: which initiative, from where, and the scores it would get now.
#[derive(Clone, PartialEq)]
struct Drag {
    initiative_id: EntityId,
    start_center: (f64, f64),
    target: Option<(u8, u8)>,
}

fn quadrant_slug(quadrant: Quadrant) -> &'static str {
    match quadrant {
        Quadrant::QuickWin => "quick-win",
        Quadrant::PlatformTopic => "platform-topic",
        Quadrant::FillIn => "fill-in",
        Quadrant::TimeSink => "time-sink",
    }
}

/// A coordinate for an SVG attribute, to a tenth of a unit (through `float_text`, not
/// the standard library's float formatting, which the bundle does without).
fn number(value: f64) -> String {
    crate::float_text::plain_decimal((value * 10.0).round() / 10.0, false)
}

fn format_score(value: f64, language: Language) -> String {
    intl::format_decimal(value, 1, language)
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

fn build_svg(model: &Model, language: Language) -> (Dom, Vec<EntityId>) {
    let layout = lay_out_matrix(model, &GEOMETRY, &|_| true);
    let plot = GEOMETRY.plot;
    let svg = Dom::svg("svg")
        .attr(
            "viewBox",
            &format!("0 0 {} {}", number(GEOMETRY.width), number(GEOMETRY.height)),
        )
        .attr("class", "matrix")
        .attr("role", "group")
        .attr("aria-label", Text::MatrixLabel.in_language(language))
        .attr("data-testid", "matrix-svg");
    // Quadrants: the threshold line splits each axis.
    let threshold = model.settings.quadrant_threshold;
    let split_x = GEOMETRY.x_of_effort(threshold);
    let split_y = GEOMETRY.y_of_value(threshold);
    let right = plot.x + plot.width;
    let bottom = plot.y + plot.height;
    for (quadrant, x, y, width, height) in [
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
    ] {
        let slug = quadrant_slug(quadrant);
        svg.push(
            Dom::svg("rect")
                .attr("class", &format!("quadrant quadrant-{slug}"))
                .attr("data-quadrant", slug)
                .attr("x", &number(x))
                .attr("y", &number(y))
                .attr("width", &number(width.max(0.0)))
                .attr("height", &number(height.max(0.0))),
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
                .attr("x", &number(label_x))
                .attr("y", &number(label_y))
                .attr("text-anchor", anchor)
                .text(&quadrant_label(&model.settings, quadrant, language)),
        );
    }
    // Axes with their scores.
    for score in 1..=10u8 {
        let x = GEOMETRY.x_of_effort(f64::from(score));
        let y = GEOMETRY.y_of_value(f64::from(score));
        svg.push(
            Dom::svg("text")
                .attr("class", "axis-tick")
                .attr("x", &number(x))
                .attr("y", &number(bottom + 18.0))
                .attr("text-anchor", "middle")
                .text(&score.to_string()),
        );
        svg.push(
            Dom::svg("text")
                .attr("class", "axis-tick")
                .attr("x", &number(plot.x - 10.0))
                .attr("y", &number(y + 5.0))
                .attr("text-anchor", "end")
                .text(&score.to_string()),
        );
    }
    svg.push(
        Dom::svg("text")
            .attr("class", "axis-title")
            .attr("x", &number(plot.x + plot.width / 2.0))
            .attr("y", &number(GEOMETRY.height - 8.0))
            .attr("text-anchor", "middle")
            .text(&format!("{} →", Text::AxisEffort.in_language(language))),
    );
    svg.push(
        Dom::svg("text")
            .attr("class", "axis-title")
            .attr(
                "transform",
                &format!(
                    "translate(18 {}) rotate(-90)",
                    number(plot.y + plot.height / 2.0)
                ),
            )
            .attr("text-anchor", "middle")
            .text(&format!("{} →", Text::AxisValue.in_language(language))),
    );

    let bubbles = Dom::svg("g").attr("class", "bubbles");
    let labels = Dom::svg("g")
        .attr("class", "bubble-labels")
        .attr("aria-hidden", "true");
    for bubble in &layout.bubbles {
        let initiative = model.initiative(&bubble.initiative_id);
        let status = initiative.map_or("idea", |initiative| {
            crate::forms::fields::STATUS_OPTIONS[initiative.status as usize].code
        });
        let group = Dom::svg("g")
            .attr(
                "class",
                &format!(
                    "bubble status-{status} quadrant-{}",
                    quadrant_slug(bubble.quadrant)
                ),
            )
            .attr("tabindex", "0")
            .attr("role", "button")
            .attr("data-bubble", &bubble.initiative_id)
            .attr("data-testid", "bubble")
            .attr("data-value", &number(bubble.value))
            .attr("data-effort", &number(bubble.effort))
            .attr("data-cx", &number(bubble.center_x))
            .attr("data-cy", &number(bubble.center_y))
            .attr("aria-label", &bubble_description(model, bubble, language))
            .child(
                Dom::svg("circle")
                    .attr("cx", &number(bubble.center_x))
                    .attr("cy", &number(bubble.center_y))
                    .attr("r", &number(bubble.radius)),
            );
        if bubble.value_is_derived {
            group.push(
                Dom::svg("circle")
                    .attr("class", "derived-mark")
                    .attr("cx", &number(bubble.center_x))
                    .attr("cy", &number(bubble.center_y))
                    .attr("r", &number((bubble.radius - 3.0).max(1.5))),
            );
        }
        bubbles.push(group);
        if let Some(label) = &bubble.label {
            if let Some((line_x, line_y)) = label.leader {
                labels.push(
                    Dom::svg("line")
                        .attr("class", "leader")
                        .attr("x1", &number(line_x))
                        .attr("y1", &number(line_y))
                        .attr("x2", &number(bubble.center_x))
                        .attr("y2", &number(bubble.center_y)),
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
                    .attr("data-label-for", &bubble.initiative_id)
                    .attr("data-testid", "bubble-label")
                    .attr("x", &number(label.x))
                    .attr("y", &number(label.baseline_y))
                    .attr("text-anchor", anchor)
                    .text(&label.text),
            );
        }
    }
    svg.push(labels);
    svg.push(bubbles);
    (svg, layout.unscored_ids)
}

fn build_tray(model: &Model, unscored: &[EntityId], language: Language) -> Dom {
    let tray = Dom::with_class("aside", "matrix-tray")
        .attr("aria-labelledby", "matrix-tray-heading")
        .attr("data-testid", "matrix-tray")
        .child(
            Dom::new("h2")
                .attr("id", "matrix-tray-heading")
                .text(Text::UnscoredHeading.in_language(language)),
        );
    if unscored.is_empty() {
        return tray
            .child(Dom::with_class("p", "hint").text(Text::UnscoredNone.in_language(language)));
    }
    let list = Dom::with_class("ul", "tray-list");
    for id in unscored {
        let title = model
            .initiative(id)
            .map_or("", |initiative| initiative.title.as_str());
        list.push(
            Dom::new("li").child(
                Dom::with_class("a", "tray-item")
                    .attr("href", &ScreenName::Initiatives.entity_href(id))
                    .attr("data-tray", id)
                    .attr("data-testid", "tray-item")
                    .text(title),
            ),
        );
    }
    tray.child(Dom::with_class("p", "hint").text(Text::UnscoredHint.in_language(language)))
        .child(list)
}

/// The card shown beside a hovered or focused bubble.
fn fill_card(card: &web_sys::Element, model: &Model, initiative_id: &str, language: Language) {
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
    dom::replace_children(
        card,
        vec![
            Dom::with_class("p", "card-title").text(&initiative.title),
            Dom::with_class("p", "card-scores").text(&scores),
            details,
        ],
    );
}

/// The point of a pointer event in view box units of the matrix SVG.
fn view_box_point(svg: &web_sys::Element, client_x: i32, client_y: i32) -> (f64, f64) {
    let bounds = svg.get_bounding_client_rect();
    let scale_x = GEOMETRY.width / bounds.width().max(1.0);
    let scale_y = GEOMETRY.height / bounds.height().max(1.0);
    (
        (f64::from(client_x) - bounds.left()) * scale_x,
        (f64::from(client_y) - bounds.top()) * scale_y,
    )
}

fn find_bubble(container: &web_sys::Element, initiative_id: &str) -> Option<web_sys::Element> {
    let bubbles = container.query_selector_all("[data-bubble]").ok()?;
    (0..bubbles.length())
        .filter_map(|index| bubbles.item(index))
        .filter_map(|node| node.dyn_into::<web_sys::Element>().ok())
        .find(|element| element.get_attribute("data-bubble").as_deref() == Some(initiative_id))
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

pub fn matrix_page() -> AnyView {
    let state = expect_context::<AppState>();
    let container = NodeRef::<html::Div>::new();
    let card = NodeRef::<html::Div>::new();
    // Plain shared cells rather than reactive stored values: nothing renders from
    // them, and every new stored-value type costs kilobytes of arena code.
    let drag: Rc<RefCell<Option<Drag>>> = Rc::new(RefCell::new(None));
    // Which bubble to focus after the next rebuild (a keyboard move keeps focus).
    let focus_after_render = StoredValue::new(None::<EntityId>);

    dom::effect(move || {
        let language = state.language.get();
        let Some(container) = container.get() else {
            return;
        };
        let content = state.model.with(|model| {
            if model.initiatives.is_empty() {
                return vec![Dom::with_class("p", "empty-state")
                    .attr("data-testid", "matrix-empty")
                    .text(Text::MatrixEmpty.in_language(language))];
            }
            let (svg, unscored) = build_svg(model, language);
            vec![
                Dom::with_class("div", "matrix-frame").child(svg),
                build_tray(model, &unscored, language),
            ]
        });
        dom::replace_children(&container, content);
        if let Some(initiative_id) = focus_after_render.try_update_value(Option::take).flatten() {
            if let Some(bubble) = find_bubble(&container, &initiative_id) {
                focus_svg_element(&bubble);
            }
        }
    });

    let set_scores = move |initiative_id: EntityId, value: u8, effort: u8| {
        let unchanged = state.model.with_untracked(|model| {
            model.initiative(&initiative_id).is_some_and(|initiative| {
                initiative.scores.value == Some(value) && initiative.scores.effort == Some(effort)
            })
        });
        if !unchanged {
            let _ = state.dispatch(Command::SetInitiativeScores {
                initiative_id,
                value: Some(value),
                effort: Some(effort),
            });
        }
    };

    let drag_for_down = drag.clone();
    let on_pointer_down = move |event: leptos::ev::PointerEvent| {
        if event.button() != 0 {
            return;
        }
        let Some(bubble) = dom::closest_with(&event, "data-bubble") else {
            return;
        };
        let Some(container_element) = container.try_get_untracked().flatten() else {
            return;
        };
        event.prevent_default();
        let initiative_id = bubble.get_attribute("data-bubble").unwrap_or_default();
        let center = |name: &str| {
            bubble
                .get_attribute(name)
                .and_then(|text| crate::float_text::parse_decimal(&text))
                .unwrap_or(0.0)
        };
        *drag_for_down.borrow_mut() = Some(Drag {
            initiative_id,
            start_center: (center("data-cx"), center("data-cy")),
            target: None,
        });
        let _ = container_element.set_pointer_capture(event.pointer_id());
        let _ = bubble.class_list().add_1("dragging");
    };

    let drag_for_move = drag.clone();
    let on_pointer_move = move |event: leptos::ev::PointerEvent| {
        let mut dragging = drag_for_move.borrow_mut();
        let Some(current) = dragging.as_mut() else {
            return;
        };
        let Some(container_element) = container.try_get_untracked().flatten() else {
            return;
        };
        let Some(svg) = container_element.query_selector("svg").ok().flatten() else {
            return;
        };
        let (x, y) = view_box_point(&svg, event.client_x(), event.client_y());
        let effort = GEOMETRY.effort_at(x);
        let value = GEOMETRY.value_at(y);
        current.target = Some((value, effort));
        if let Some(bubble) = find_bubble(&container_element, &current.initiative_id) {
            let dx = GEOMETRY.x_of_effort(f64::from(effort)) - current.start_center.0;
            let dy = GEOMETRY.y_of_value(f64::from(value)) - current.start_center.1;
            let _ = bubble.set_attribute(
                "transform",
                &format!("translate({} {})", number(dx), number(dy)),
            );
        }
        let threshold = state
            .model
            .with_untracked(|model| model.settings.quadrant_threshold);
        highlight_quadrant(
            &container_element,
            Some(quadrant_of(f64::from(value), f64::from(effort), threshold)),
        );
    };

    let drag_for_finish = drag.clone();
    let finish_drag = move |apply: bool| {
        let Some(finished) = drag_for_finish.borrow_mut().take() else {
            return;
        };
        if let Some(container_element) = container.try_get_untracked().flatten() {
            highlight_quadrant(&container_element, None);
            if let Some(bubble) = find_bubble(&container_element, &finished.initiative_id) {
                let _ = bubble.remove_attribute("transform");
                let _ = bubble.class_list().remove_1("dragging");
            }
        }
        if let (true, Some((value, effort))) = (apply, finished.target) {
            focus_after_render.set_value(Some(finished.initiative_id.clone()));
            set_scores(finished.initiative_id, value, effort);
        }
    };

    let finish_drag_for_key = finish_drag.clone();
    let drag_for_key = drag.clone();
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        let Some(bubble) = dom::closest_with(&event, "data-bubble") else {
            return;
        };
        let initiative_id = bubble.get_attribute("data-bubble").unwrap_or_default();
        if event.key() == "Escape" && drag_for_key.borrow().is_some() {
            finish_drag_for_key(false);
            return;
        }
        if event.key() == "Enter" || event.key() == " " {
            event.prevent_default();
            browser::navigate_to_fragment(&ScreenName::Initiatives.entity_href(&initiative_id));
            return;
        }
        let (value_step, effort_step): (i16, i16) = match event.key().as_str() {
            "ArrowUp" => (1, 0),
            "ArrowDown" => (-1, 0),
            "ArrowRight" => (0, 1),
            "ArrowLeft" => (0, -1),
            _ => return,
        };
        event.prevent_default();
        let current = state.model.with_untracked(|model| {
            let initiative = model.initiative(&initiative_id)?;
            let value = crate::model::formulas::scoring::effective_value(model, initiative)?.value;
            Some((
                crate::charts::matrix::snap_score(value),
                initiative.scores.effort?,
            ))
        });
        if let Some((value, effort)) = current {
            let step = |score: u8, change: i16| (i16::from(score) + change).clamp(1, 10) as u8;
            focus_after_render.set_value(Some(initiative_id.clone()));
            set_scores(
                initiative_id,
                step(value, value_step),
                step(effort, effort_step),
            );
        }
    };

    let show_card = move |event: &web_sys::Event| {
        let (Some(card_element), Some(container_element)) = (
            card.try_get_untracked().flatten(),
            container.try_get_untracked().flatten(),
        ) else {
            return;
        };
        let Some(bubble) = dom::closest_with(event, "data-bubble") else {
            let _ = card_element.set_attribute("hidden", "");
            return;
        };
        let initiative_id = bubble.get_attribute("data-bubble").unwrap_or_default();
        let language = state.language.get_untracked();
        state
            .model
            .with_untracked(|model| fill_card(&card_element, model, &initiative_id, language));
        let frame = container_element.get_bounding_client_rect();
        let bounds = bubble.get_bounding_client_rect();
        let left = (bounds.right() - frame.left() + 12.0)
            .min(frame.width() - 280.0)
            .max(0.0);
        let top = (bounds.top() - frame.top()).max(0.0);
        let style = format!("left: {}px; top: {}px", left as i32, top as i32);
        let _ = card_element.set_attribute("style", &style);
        let _ = card_element.remove_attribute("hidden");
    };
    let hide_card = move || {
        if let Some(card_element) = card.try_get_untracked().flatten() {
            let _ = card_element.set_attribute("hidden", "");
        }
    };

    let body = view! {
            <div class="matrix-screen">
                <div
                    class="matrix-layout"
                    node_ref=container
                    on:pointerdown=dom::handler(on_pointer_down)
                    on:pointermove=dom::handler(on_pointer_move)
                    on:pointerup={
                        let finish_drag = finish_drag.clone();
                        move |_| finish_drag(true)
                    }
                    on:pointercancel={
                        let finish_drag = finish_drag.clone();
                        move |_| finish_drag(false)
                    }
                    on:keydown=dom::handler(on_keydown)
                    on:mouseover=move |event| show_card(&event)
                    on:focusin=move |event| show_card(&event)
                    on:mouseleave=move |_| hide_card()
                    on:focusout=move |_| hide_card()
                ></div>
                <div class="matrix-card" role="tooltip" data-testid="matrix-card" node_ref=card hidden></div>
            </div>
    }
    .into_any();
    super::page_frame(
        "page-matrix".to_string(),
        Text::NavMatrix,
        Some(Text::IntroMatrix),
        body,
    )
}

/// Focuses an SVG element (a bubble group with tabindex).
fn focus_svg_element(element: &web_sys::Element) {
    let focus = js_sys::Reflect::get(element, &wasm_bindgen::JsValue::from_str("focus"))
        .ok()
        .and_then(|function| function.dyn_into::<js_sys::Function>().ok());
    if let Some(focus) = focus {
        let _ = focus.call0(element);
    }
}
