//! What the chart screens (priority matrix, roadmap) share: SVG coordinates written
//! without float formatting, pointer positions in view box units, focusing SVG
//! elements, toolbar buttons and the export failure notice.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{Language, Text};
use crate::state::{AppState, Notice, NoticeSeverity};
use crate::ui::dom::Dom;

/// A coordinate for an SVG attribute, to a tenth of a unit. Written from whole tenths
/// with integer formatting: the standard library's float formatting is not in the
/// bundle, and the browser's (`float_text`) costs a call into JavaScript, thousands of
/// times per chart.
pub fn svg_number(value: f64) -> String {
    let tenths = (value * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let (whole, tenth) = (tenths.unsigned_abs() / 10, tenths.unsigned_abs() % 10);
    if tenth == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{tenth}")
    }
}

/// A title in the language's quotation marks.
pub fn quoted(title: &str, language: Language) -> String {
    match language {
        Language::German => format!("„{title}“"),
        Language::English => format!("“{title}”"),
    }
}

/// The point of a pointer event in view box units of an SVG `view_box_width` wide and
/// `view_box_height` high.
pub fn view_box_point(
    svg: &web_sys::Element,
    client_x: i32,
    client_y: i32,
    view_box_width: f64,
    view_box_height: f64,
) -> (f64, f64) {
    let bounds = svg.get_bounding_client_rect();
    let scale_x = view_box_width / bounds.width().max(1.0);
    let scale_y = view_box_height / bounds.height().max(1.0);
    (
        (f64::from(client_x) - bounds.left()) * scale_x,
        (f64::from(client_y) - bounds.top()) * scale_y,
    )
}

/// The first element in `container` whose `attribute` is `value`.
pub fn find_by_attribute(
    container: &web_sys::Element,
    attribute: &str,
    value: &str,
) -> Option<web_sys::Element> {
    let elements = container
        .query_selector_all(&format!("[{attribute}]"))
        .ok()?;
    (0..elements.length())
        .filter_map(|index| elements.item(index))
        .filter_map(|node| node.dyn_into::<web_sys::Element>().ok())
        .find(|element| element.get_attribute(attribute).as_deref() == Some(value))
}

/// Focuses an SVG element (a group with tabindex): `focus` is not on `Element` in
/// web-sys, so it is called by name.
pub fn focus_svg_element(element: &web_sys::Element) {
    if let Some(focus) = focus_function(element) {
        let _ = focus.call0(element);
    }
}

/// Focuses an SVG element where it is, without scrolling the page to it: for an
/// element redrawn in place of one that had the focus.
pub fn focus_svg_element_in_place(element: &web_sys::Element) {
    if let Some(focus) = focus_function(element) {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(
            &options,
            &wasm_bindgen::JsValue::from_str("preventScroll"),
            &wasm_bindgen::JsValue::TRUE,
        );
        let _ = focus.call1(element, &options);
    }
}

fn focus_function(element: &web_sys::Element) -> Option<js_sys::Function> {
    js_sys::Reflect::get(element, &wasm_bindgen::JsValue::from_str("focus"))
        .ok()
        .and_then(|function| function.dyn_into::<js_sys::Function>().ok())
}

/// Marks the view button of `slug` in `toolbar` as pressed (and the others as not) and
/// tells `screen` which view it shows (its stylesheet rules hide the other views'
/// controls).
pub fn show_view_as_pressed(toolbar: &web_sys::Element, screen: &web_sys::Element, slug: &str) {
    if let Ok(buttons) = toolbar.query_selector_all("button[data-view]") {
        for index in 0..buttons.length() {
            if let Some(button) = buttons
                .item(index)
                .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
            {
                let pressed = button.get_attribute("data-view").as_deref() == Some(slug);
                let _ =
                    button.set_attribute("aria-pressed", if pressed { "true" } else { "false" });
            }
        }
    }
    let _ = screen.set_attribute("data-view", slug);
}

/// A toolbar button whose `data-action` and test id are `action`.
pub fn toolbar_button(action: &str, label: Text, language: Language) -> Dom {
    Dom::with_class("button", "button")
        .attr("type", "button")
        .attr("data-action", action)
        .attr("data-testid", action)
        .text(label.in_language(language))
}

/// Registers the pointer handlers of a chart's drags on `container`: the press, each
/// move, and the end (`finish(true)` on release, `finish(false)` when the browser
/// cancels the pointer, which applies nothing).
pub fn listen_to_drags(
    container: &web_sys::Element,
    on_press: impl FnMut(leptos::ev::PointerEvent) + 'static,
    on_move: impl FnMut(leptos::ev::PointerEvent) + 'static,
    finish: impl Fn(bool) + Clone + 'static,
) {
    crate::ui::dom::listen(container, "pointerdown", on_press);
    crate::ui::dom::listen(container, "pointermove", on_move);
    let finish_on_release = finish.clone();
    crate::ui::dom::listen(container, "pointerup", move |_: web_sys::Event| {
        finish_on_release(true)
    });
    crate::ui::dom::listen(container, "pointercancel", move |_: web_sys::Event| {
        finish(false)
    });
}

/// Tells the user that an export did not work.
pub fn report_export_failure(state: AppState) {
    let language = state.language.get_untracked();
    state.push_notice(Notice {
        notice_id: 0,
        severity: NoticeSeverity::Error,
        title: Text::ExportFailed.in_language(language).to_string(),
        body: String::new(),
        detail: None,
        backup_key: None,
    });
}

/// The base of export file names: the model's file name without its extension.
pub fn export_base_name(model_title: &str) -> String {
    let file_name = crate::state::export_file_name(model_title, crate::browser::today_local_date());
    file_name.trim_end_matches(".bitalign.json").to_string()
}
