//! The entry point: fetch the sample on a first visit, then mount the app.
//!
//! There is no panic hook (console_error_panic_hook): its message formatting costs
//! almost 2 KB of the bundle-size budget, and the app is built so that no input
//! reaches a panic; the end-to-end tests fail on any console error.

#[cfg(target_arch = "wasm32")]
fn main() {
    wasm_bindgen_futures::spawn_local(async {
        let first_visit_sample = if bitalign::storage::has_stored_models() {
            None
        } else {
            let language = bitalign::storage::stored_language().unwrap_or_default();
            let path = bitalign::samples::default_sample_path(language);
            bitalign::browser::fetch_same_origin_text(path)
                .await
                .and_then(|text| bitalign::samples::sample_from_text(&text))
        };
        // The mount only provides the reactive owner and the executor; the interface
        // is built by `ui::dom` (see ARCHITECTURE.md).
        leptos::mount::mount_to_body(move || bitalign::ui::start_app(first_visit_sample));
    });
}

/// Native builds exist for tests and lints only; the app itself runs in the browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("bitalign runs in the browser: see README.md (scripts/serve.sh).");
}
