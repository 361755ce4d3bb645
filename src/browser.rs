//! Thin wrappers over the browser APIs the app needs besides storage: the clock, ids,
//! downloads, reading dropped or chosen files, and performance marks.
//!
//! Every call that can throw is caught here and turned into a `Result` or ignored
//! deliberately, because an exception crossing into Rust would end the whole app.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::{EntityId, Timestamp};

/// The current time in UTC, to the millisecond (what the model stores).
pub fn now_timestamp() -> Timestamp {
    let milliseconds = js_sys::Date::now() as i64;
    chrono::DateTime::from_timestamp_millis(milliseconds).unwrap_or_default()
}

/// Today's date in the user's time zone.
pub fn today_local_date() -> chrono::NaiveDate {
    let now = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// A fresh UUIDv4 for a new entity, made at the edge so the core stays deterministic.
///
/// The browser's `crypto.randomUUID()` makes it; where that is missing (pages opened
/// from a file in some browsers, which are not a secure context), the id is built
/// from `crypto.getRandomValues`, and as a last resort from the clock and
/// `Math.random`, which is still unique enough for ids within one model.
pub fn new_entity_id() -> EntityId {
    let crypto = web_sys::window().and_then(|window| window.crypto().ok());
    let uuid_function = crypto
        .as_ref()
        .and_then(|crypto| js_sys::Reflect::get(crypto, &JsValue::from_str("randomUUID")).ok())
        .filter(|function| function.is_function());
    if let (Some(crypto), Some(_)) = (&crypto, uuid_function) {
        return crypto.random_uuid();
    }
    let mut random_bytes = [0u8; 16];
    let filled = crypto
        .as_ref()
        .and_then(|crypto| {
            crypto
                .get_random_values_with_u8_array(&mut random_bytes)
                .ok()
        })
        .is_some();
    if !filled {
        let seed = js_sys::Date::now() as u64;
        for (index, byte) in random_bytes.iter_mut().enumerate() {
            *byte = ((js_sys::Math::random() * 256.0) as u64 ^ (seed >> (index % 8 * 8))) as u8;
        }
    }
    // Version 4 and the RFC 4122 variant, as randomUUID() sets them.
    random_bytes[6] = (random_bytes[6] & 0x0f) | 0x40;
    random_bytes[8] = (random_bytes[8] & 0x3f) | 0x80;
    let hex: String = random_bytes
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// Sets a named mark on the performance timeline, such as `app-ready`.
pub fn performance_mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark(name);
    }
}

/// Offers `text` as a file download named `file_name`. Returns false when the browser
/// refused (for example a sandboxed frame), so the caller can say so.
pub fn download_text_file(file_name: &str, text: &str, mime_type: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return false;
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime_type);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(object_url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let Ok(element) = document.create_element("a") else {
        return false;
    };
    let Ok(anchor) = element.dyn_into::<web_sys::HtmlAnchorElement>() else {
        return false;
    };
    anchor.set_href(&object_url);
    anchor.set_download(file_name);
    anchor.set_rel("noopener");
    anchor.click();
    // The URL must stay valid until the browser has started the download; revoking
    // it on the next task is what browsers document as safe.
    let object_url_to_revoke = object_url.clone();
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&object_url_to_revoke);
        },
        std::time::Duration::from_millis(1000),
    );
    true
}

/// Reads a chosen or dropped file completely as bytes.
pub async fn read_file_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let promise = file.array_buffer();
    let buffer = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|_| "the file could not be read".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Asks the browser to keep this site's storage when space runs low. Returns whether
/// it agreed; `None` when the browser has no such API.
pub async fn request_persistent_storage() -> Option<bool> {
    let storage_manager = web_sys::window()?.navigator().storage();
    let promise = storage_manager.persist().ok()?;
    let granted = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    granted.as_bool()
}

/// The URL fragment including `#`, or an empty string.
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
}

/// Sets the document language so screen readers pronounce texts correctly.
pub fn set_document_language(code: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    {
        let _ = root.set_attribute("lang", code);
    }
}

/// Fetches a file shipped beside the app (same origin, relative URL) as text. Used
/// only for the sample model on a first visit; `None` when it cannot be had (for
/// example when the page was opened from a file), and the app then starts empty.
pub async fn fetch_same_origin_text(relative_url: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(relative_url))
        .await
        .ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().ok()?)
        .await
        .ok()?;
    text.as_string()
}

/// Opens a route by setting the URL fragment; the hashchange listener then updates
/// the route signal, so links, the back button and code all take the same path.
pub fn navigate_to_fragment(fragment: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(fragment);
    }
}

/// Moves keyboard focus to the element with `element_id` once the current render has
/// reached the page, and scrolls it into view.
pub fn focus_element_soon(element_id: String) {
    leptos::prelude::request_animation_frame(move || {
        let element = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.get_element_by_id(&element_id))
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}

/// Like [`focus_element_soon`], for the first element matching a CSS selector.
pub fn focus_element_soon_by_selector(selector: String) {
    leptos::prelude::request_animation_frame(move || {
        let element = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.query_selector(&selector).ok().flatten())
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}
