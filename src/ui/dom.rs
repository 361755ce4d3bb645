//! A small, typed builder for DOM elements: the whole interface is built with it.
//!
//! # Why not `view!`
//!
//! Leptos compiles every `view!` into rendering code specialised for its exact shape.
//! The form and list render more than a hundred fields and a dozen column sets from
//! data: as `view!` code they made the WebAssembly bundle grow by more than 100 KB
//! (gzip), far past the size budget, and the frames (shell, screens) cost about 25 KB
//! more in rendering code and node references. Here the DOM is built by a handful of
//! plain functions, and events are handled by one delegated listener per container
//! ([`listen`], removed with the reactive owner that created it) that reads `data-*`
//! attributes of the target. Leptos provides the reactive system (signals, memos,
//! effects and their owners), not the rendering.
//!
//! # Safety of content
//!
//! Texts are only ever set through `textContent` and attribute values through
//! `setAttribute`; no HTML is parsed, so text from a model file can never become
//! markup or script.

use wasm_bindgen::JsCast;

/// An element under construction; methods chain and return it.
pub struct Dom(pub web_sys::Element);

fn document() -> web_sys::Document {
    leptos::prelude::document()
}

impl Dom {
    /// The element, for listeners and effects that update it in place.
    pub fn element(&self) -> web_sys::Element {
        self.0.clone()
    }

    pub fn new(tag: &str) -> Dom {
        Dom(document()
            .create_element(tag)
            .expect("creating an element with a fixed, valid tag name cannot fail"))
    }

    /// An SVG element (created in the SVG namespace, so the browser draws it).
    pub fn svg(tag: &str) -> Dom {
        Dom(document()
            .create_element_ns(Some("http://www.w3.org/2000/svg"), tag)
            .expect("creating an SVG element with a fixed, valid tag name cannot fail"))
    }

    /// An element with a class.
    pub fn with_class(tag: &str, class: &str) -> Dom {
        Dom::new(tag).attr("class", class)
    }

    pub fn attr(self, name: &str, value: &str) -> Dom {
        let _ = self.0.set_attribute(name, value);
        self
    }

    /// Sets an attribute only when `condition` holds (boolean attributes, optional ids).
    pub fn attr_if(self, condition: bool, name: &str, value: &str) -> Dom {
        if condition {
            self.attr(name, value)
        } else {
            self
        }
    }

    pub fn text(self, text: &str) -> Dom {
        self.0.set_text_content(Some(text));
        self
    }

    pub fn child(self, child: Dom) -> Dom {
        let _ = self.0.append_child(&child.0);
        self
    }

    pub fn child_if(self, child: Option<Dom>) -> Dom {
        match child {
            Some(child) => self.child(child),
            None => self,
        }
    }

    pub fn push(&self, child: Dom) {
        let _ = self.0.append_child(&child.0);
    }

    /// Sets the live value of an input, select or textarea (not just its attribute).
    pub fn value(self, value: &str) -> Dom {
        set_property(&self.0, "value", &wasm_bindgen::JsValue::from_str(value));
        self
    }

    pub fn checked(self, checked: bool) -> Dom {
        set_property(
            &self.0,
            "checked",
            &wasm_bindgen::JsValue::from_bool(checked),
        );
        self
    }
}

fn set_property(element: &web_sys::Element, name: &str, value: &wasm_bindgen::JsValue) {
    let _ = js_sys::Reflect::set(element, &wasm_bindgen::JsValue::from_str(name), value);
}

/// Replaces all children of `parent` with `children`.
pub fn replace_children(parent: &web_sys::Element, children: Vec<Dom>) {
    parent.set_text_content(None);
    for child in children {
        let _ = parent.append_child(&child.0);
    }
}

/// The element an event happened on, if it is an element.
pub fn event_element(event: &web_sys::Event) -> Option<web_sys::Element> {
    event.target()?.dyn_into::<web_sys::Element>().ok()
}

/// The nearest element from the event target upwards that carries `attribute`
/// (a click on the text inside a button reports the text's parent).
pub fn closest_with(event: &web_sys::Event, attribute: &str) -> Option<web_sys::Element> {
    event_element(event)?
        .closest(&format!("[{attribute}]"))
        .ok()
        .flatten()
}

/// An attribute parsed as an index.
pub fn index_attribute(element: &web_sys::Element, name: &str) -> Option<usize> {
    element.get_attribute(name)?.parse().ok()
}

/// The live value of an input, select or textarea.
pub fn element_value(element: &web_sys::Element) -> String {
    js_sys::Reflect::get(element, &wasm_bindgen::JsValue::from_str("value"))
        .ok()
        .and_then(|value| value.as_string())
        .unwrap_or_default()
}

/// Whether a checkbox is checked.
pub fn element_checked(element: &web_sys::Element) -> bool {
    js_sys::Reflect::get(element, &wasm_bindgen::JsValue::from_str("checked"))
        .ok()
        .and_then(|value| value.as_bool())
        .unwrap_or(false)
}

/// Runs `update` now and again whenever a signal it read changes.
///
/// Every `Effect::new` call site with its own closure type compiles the effect
/// machinery anew; boxing the closure first makes all of them share one instance,
/// which saves about a kilobyte of bundle per effect.
pub fn effect(update: impl Fn() + 'static) {
    let update: Box<dyn Fn()> = Box::new(update);
    leptos::prelude::Effect::new(move |_| update());
}

/// An event listener on an element, removed when the reactive owner that created it
/// is cleaned up: the page, or the effect run that built the element. Removing it
/// (rather than only dropping the closure) matters because a focused element that is
/// removed from the page still reports `focusout`, and a dropped closure would throw.
struct ListenerRegistration {
    element: web_sys::EventTarget,
    event_name: &'static str,
    closure: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for ListenerRegistration {
    fn drop(&mut self) {
        let _ = self.element.remove_event_listener_with_callback(
            self.event_name,
            self.closure.as_ref().unchecked_ref(),
        );
    }
}

/// Listens to `event_name` on `element` (an element, or the window) for as long as
/// the current reactive owner lives (see [`ListenerRegistration`]). The handler
/// receives the event as `E`.
///
/// The generic part is a one-line cast; the registration is compiled once.
pub fn listen<E: JsCast + 'static>(
    element: &web_sys::EventTarget,
    event_name: &'static str,
    mut handle: impl FnMut(E) + 'static,
) {
    listen_to_events(
        element,
        event_name,
        Box::new(move |event: web_sys::Event| handle(event.unchecked_into::<E>())),
    );
}

fn listen_to_events(
    element: &web_sys::EventTarget,
    event_name: &'static str,
    mut handle: Box<dyn FnMut(web_sys::Event)>,
) {
    // Handlers run inside the owner that created them, so they reach the context
    // (the app state) and what they create is owned like the rest of the screen.
    let owner = leptos::prelude::Owner::current();
    let closure =
        wasm_bindgen::closure::Closure::wrap(Box::new(move |event: web_sys::Event| match &owner {
            Some(owner) => owner.with(|| handle(event)),
            None => handle(event),
        }) as Box<dyn FnMut(web_sys::Event)>);
    let _ = element.add_event_listener_with_callback(event_name, closure.as_ref().unchecked_ref());
    // The arena of the current owner keeps the registration and drops it (removing
    // the listener) when the owner is cleaned up.
    leptos::prelude::StoredValue::new_local(ListenerRegistration {
        element: element.clone(),
        event_name,
        closure,
    });
}
