//! The entry point: install the panic hook, then mount the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(bitalign::ui::App);
}

/// Native builds exist for tests and lints only; the app itself runs in the browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("bitalign runs in the browser: see README.md (scripts/serve.sh).");
}
