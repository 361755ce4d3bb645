//! The user interface: the shell with header and navigation, the screens, and the
//! global listeners (routing, keyboard shortcuts, drag and drop, saving on leave).

pub mod chart_support;
pub mod dialogs;
pub mod dom;
pub mod entity_form;
pub mod entity_list;
pub mod image_export;
pub mod pages;
pub mod shell;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::route::Route;
use crate::state::AppState;

/// Loads the state and puts the shell into the page; runs inside the reactive owner
/// that Leptos' mount creates. `first_visit_sample` is the model to open when this
/// browser has none stored yet.
pub fn start_app(first_visit_sample: Option<crate::model::Model>) {
    let state = AppState::provide(first_visit_sample);
    browser::set_document_language(state.language.get_untracked().code());
    install_global_listeners(state);
    // The first screen is built by effects that run before the next frame, so the
    // frame after mounting is the first one that shows the model: that is app-ready.
    request_animation_frame(|| browser::performance_mark("app-ready"));
    let request_persistence = async {
        let _ = browser::request_persistent_storage().await;
    };
    leptos::task::spawn_local(request_persistence);
    if let Some(body) = document().body() {
        let _ = body.append_child(&shell::shell().element());
    }
}

/// Whether a keyboard event comes from a field where the browser's own text undo
/// should win over the model's undo.
fn event_is_in_text_field(event: &web_sys::KeyboardEvent) -> bool {
    let Some(target) = event.target() else {
        return false;
    };
    let Some(element) = target.dyn_ref::<web_sys::HtmlElement>() else {
        return false;
    };
    let tag = element.tag_name().to_ascii_lowercase();
    matches!(tag.as_str(), "input" | "textarea" | "select") || element.is_content_editable()
}

fn install_global_listeners(state: AppState) {
    let _ = window_event_listener(ev::hashchange, move |_| {
        if let Some(route) = Route::from_fragment(&browser::location_hash()) {
            state.route.set(route);
        }
    });

    let _ = window_event_listener(ev::keydown, move |event| {
        let with_modifier = event.ctrl_key() || event.meta_key();
        if !with_modifier || event.alt_key() || event_is_in_text_field(&event) {
            return;
        }
        let key = event.key().to_ascii_lowercase();
        if key == "z" && !event.shift_key() {
            event.prevent_default();
            state.undo();
        } else if (key == "z" && event.shift_key()) || key == "y" {
            event.prevent_default();
            state.redo();
        }
    });

    // Leaving the page or hiding the tab writes a pending save at once, so the
    // debounce never costs the last change.
    let _ = window_event_listener(ev::pagehide, move |_| state.flush_pending_save());
    let _ = window_event_listener(ev::visibilitychange, move |_| {
        let hidden = document().visibility_state() == web_sys::VisibilityState::Hidden;
        if hidden {
            state.flush_pending_save();
        }
    });

    let drop_target_active = shell::use_drop_target_signal(state);
    let _ = window_event_listener(ev::dragover, move |event| {
        if drag_carries_files(&event) {
            event.prevent_default();
            drop_target_active.set(true);
        }
    });
    let _ = window_event_listener(ev::dragleave, move |event| {
        // Leaving the window reports no related target; moving between elements does.
        if event.related_target().is_none() {
            drop_target_active.set(false);
        }
    });
    let _ = window_event_listener(ev::drop, move |event| {
        drop_target_active.set(false);
        if !drag_carries_files(&event) {
            return;
        }
        event.prevent_default();
        let file = event
            .data_transfer()
            .and_then(|transfer| transfer.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            shell::read_and_receive_file(state, file);
        }
    });
}

fn drag_carries_files(event: &web_sys::DragEvent) -> bool {
    event
        .data_transfer()
        .map(|transfer| {
            transfer
                .types()
                .iter()
                .any(|kind| kind.as_string().as_deref() == Some("Files"))
        })
        .unwrap_or(false)
}

/// Sets an attribute (a label, a placeholder) to a fixed text in the current language,
/// updated in place when the language changes.
pub fn translate_attribute(element: &dom::Dom, name: &'static str, text: crate::i18n::Text) {
    let language = expect_context::<AppState>().language;
    let target = element.element();
    dom::effect(move || {
        let _ = target.set_attribute(name, text.in_language(language.get()));
    });
}

/// An element holding a fixed text in the current language, updated in place when the
/// language changes.
pub fn translated_element(tag: &str, text: crate::i18n::Text) -> dom::Dom {
    let language = expect_context::<AppState>().language;
    let element = dom::Dom::new(tag);
    let target = element.element();
    dom::effect(move || target.set_text_content(Some(text.in_language(language.get()))));
    element
}
