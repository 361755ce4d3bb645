//! The frame around every screen: header with file and undo controls, navigation,
//! notices, the drop overlay and the dialogs of the file import.

use leptos::prelude::*;

use crate::ui::dom::{self, Dom};
use crate::ui::{translate_attribute, translated_element};

use crate::browser;
use crate::i18n::{Language, Text};
use crate::route::{ScreenName, SCREEN_SEGMENTS};
use crate::state::{AppState, NoticeSeverity, SaveStatus};
use crate::storage;
use wasm_bindgen::JsCast;

use super::dialogs::dialogs;
use super::pages;

/// Whether a file is being dragged over the window, shared by the listeners and the
/// overlay through context.
#[derive(Clone, Copy)]
pub struct DropTargetActive(pub RwSignal<bool>);

/// The drop-target signal, created once and provided in context.
pub fn use_drop_target_signal(_state: AppState) -> RwSignal<bool> {
    match use_context::<DropTargetActive>() {
        Some(DropTargetActive(signal)) => signal,
        None => {
            let signal = RwSignal::new(false);
            provide_context(DropTargetActive(signal));
            signal
        }
    }
}

/// Reads a chosen or dropped file and hands it to the state for checking.
pub fn read_and_receive_file(state: AppState, file: web_sys::File) {
    let file_name = file.name();
    leptos::task::spawn_local(async move {
        match browser::read_file_bytes(&file).await {
            Ok(bytes) => state.receive_file(file_name, &bytes),
            Err(_) => state.receive_file(file_name, &[]),
        }
    });
}

/// The navigation label of a screen.
pub fn screen_label(screen: ScreenName) -> Text {
    match screen {
        ScreenName::Overview => Text::NavOverview,
        ScreenName::Goals => Text::NavGoals,
        ScreenName::Capabilities => Text::NavCapabilities,
        ScreenName::Initiatives => Text::NavInitiatives,
        ScreenName::PriorityMatrix => Text::NavMatrix,
        ScreenName::Roadmap => Text::NavRoadmap,
        ScreenName::Budget => Text::NavBudget,
        ScreenName::People => Text::NavPeople,
        ScreenName::Reviews => Text::NavReviews,
        ScreenName::AlignmentCheck => Text::NavAlignment,
        ScreenName::Workshop => Text::NavWorkshop,
        ScreenName::Settings => Text::NavSettings,
    }
}

/// The frame: skip link, header, navigation, the current screen, notices, dialogs
/// and the overlay shown while a file is dragged over the window.
pub fn shell() -> Dom {
    let state = expect_context::<AppState>();
    let language = state.language;
    let navigation_open = RwSignal::new(false);
    let drop_target_active = use_drop_target_signal(state);
    // Rendering by screen rather than by route keeps a screen (and its filter and
    // sort) in place when only the entity it focuses on changes.
    let current_screen = Memo::new(move |_| state.route.with(|route| route.screen()));

    let navigation_list = Dom::new("ul");
    let list = navigation_list.element();
    dom::effect(move || {
        let language = language.get();
        let current_screen = state.route.with(|route| route.screen());
        let links = SCREEN_SEGMENTS
            .iter()
            .map(|(_, screen)| {
                let is_current = current_screen == Some(*screen);
                Dom::new("li").child(
                    Dom::new("a")
                        .attr("href", &screen.href())
                        .attr_if(is_current, "class", "current")
                        .attr_if(is_current, "aria-current", "page")
                        .text(screen_label(*screen).in_language(language)),
                )
            })
            .collect();
        dom::replace_children(&list, links);
    });
    dom::listen(
        &navigation_list.element(),
        "click",
        move |_: web_sys::Event| navigation_open.set(false),
    );
    let navigation = Dom::with_class("nav", "app-navigation")
        .attr("id", "main-navigation")
        .child(navigation_list);
    translate_attribute(&navigation, "aria-label", Text::MainNavigation);

    // The screen is built inside this effect, so its effects and listeners belong to
    // the effect's run and are cleaned up when the next screen replaces it.
    let screen_slot = Dom::with_class("div", "screen-slot");
    let slot = screen_slot.element();
    dom::effect(move || {
        let screen = current_screen.get();
        dom::replace_children(&slot, vec![pages::render_screen(screen)]);
    });
    let main_region = Dom::with_class("main", "app-main")
        .attr("id", "main")
        .attr("tabindex", "-1")
        .child(export_reminder())
        .child(screen_slot);

    let skip_link = translated_element("button", Text::SkipToContent).attr("class", "skip-link");
    let main_element = main_region.element();
    dom::listen(&skip_link.element(), "click", move |_: web_sys::Event| {
        if let Ok(main) = main_element.clone().dyn_into::<web_sys::HtmlElement>() {
            let _ = main.focus();
        }
    });

    let overlay = Dom::with_class("div", "drop-overlay")
        .attr("aria-hidden", "true")
        .child(translated_element("p", Text::DropFileHere));
    let overlay_element = overlay.element();
    let app = Dom::with_class("div", "app")
        .child(skip_link)
        .child(header(navigation_open))
        .child(navigation)
        .child(main_region)
        .child(notices())
        .child(dialogs())
        .child(overlay);
    let app_element = app.element();
    dom::effect(move || {
        let _ = app_element
            .class_list()
            .toggle_with_force("navigation-open", navigation_open.get());
    });
    dom::effect(move || {
        let _ = overlay_element
            .class_list()
            .toggle_with_force("visible", drop_target_active.get());
    });
    app
}

fn header_button(class: &str, action: &str, label: &str) -> Dom {
    Dom::with_class("button", class)
        .attr("type", "button")
        .attr("id", &format!("header-{action}"))
        .attr("data-action", action)
        .attr("data-testid", action)
        .text(label)
}

/// The header: brand, model title, save status, undo and redo, file controls and the
/// language switch. Built once per language; the parts that change with the model
/// (title, save status, whether undo and redo are possible) are updated in place, so
/// a button keeps keyboard focus while it is pressed repeatedly.
fn header(navigation_open: RwSignal<bool>) -> Dom {
    let state = expect_context::<AppState>();
    let header = Dom::with_class("header", "app-header");
    let root = header.element();
    let built = RwSignal::new(0u32);
    dom::effect(move || {
        let language = state.language.get();
        let text = |text: Text| text.in_language(language);
        let language_select = Dom::new("select")
            .attr("id", "header-language")
            .attr("data-testid", "language")
            .child(
                Dom::new("option")
                    .attr("value", "de")
                    .text(text(Text::LanguageGerman)),
            )
            .child(
                Dom::new("option")
                    .attr("value", "en")
                    .text(text(Text::LanguageEnglish)),
            )
            .value(language.code());
        let actions = Dom::with_class("div", "header-actions")
            .child(
                header_button("button", "undo", text(Text::Undo))
                    .attr("title", text(Text::UndoShortcutHint)),
            )
            .child(
                header_button("button", "redo", text(Text::Redo))
                    .attr("title", text(Text::RedoShortcutHint)),
            )
            .child(header_button("button", "open-file", text(Text::OpenFile)))
            .child(
                Dom::with_class("input", "visually-hidden")
                    .attr("type", "file")
                    .attr("id", "header-file-input")
                    .attr("tabindex", "-1")
                    .attr("aria-hidden", "true")
                    .attr("data-testid", "open-file-input")
                    .attr("accept", ".json,.bitalign.json,application/json"),
            )
            .child(header_button(
                "button primary",
                "save-file",
                text(Text::SaveFile),
            ))
            .child(
                Dom::with_class("label", "language-switch")
                    .child(Dom::with_class("span", "visually-hidden").text(text(Text::Language)))
                    .child(language_select),
            );
        let content = vec![
            Dom::with_class("button", "navigation-toggle icon-button")
                .attr("type", "button")
                .attr("id", "header-toggle-navigation")
                .attr("data-action", "toggle-navigation")
                .attr("aria-controls", "main-navigation")
                .attr("aria-expanded", "false")
                .child(Dom::new("span").attr("aria-hidden", "true").text("☰"))
                .child(
                    Dom::with_class("span", "visually-hidden").text(text(Text::ToggleNavigation)),
                ),
            Dom::with_class("a", "brand")
                .attr("href", "#/overview")
                .text(text(Text::AppName)),
            Dom::with_class("span", "model-title")
                .attr("id", "header-model-title")
                .attr("data-testid", "model-title"),
            Dom::with_class("span", "save-status")
                .attr("id", "header-save-status")
                .attr("data-testid", "save-status"),
            actions,
        ];
        dom::replace_children(&root, content);
        built.update(|count| *count += 1);
    });
    // The changing parts, each updated in place after the header is built.
    let element = |id: &str| document().get_element_by_id(id);
    dom::effect(move || {
        built.track();
        let title = state.model.with(|model| model.title.clone());
        if let Some(title_element) = element("header-model-title") {
            title_element.set_text_content(Some(&title));
        }
    });
    dom::effect(move || {
        built.track();
        let language = state.language.get();
        let (status, text) = match state.save_status.get() {
            SaveStatus::Saved => ("saved", Text::SaveStateSaved),
            SaveStatus::Pending => ("pending", Text::SaveStatePending),
            SaveStatus::Failed => ("failed", Text::SaveStateFailed),
        };
        if let Some(status_element) = element("header-save-status") {
            let _ = status_element.set_attribute("data-status", status);
            status_element.set_text_content(Some(text.in_language(language)));
        }
    });
    dom::effect(move || {
        built.track();
        for (id, possible) in [
            ("header-undo", state.can_undo.get()),
            ("header-redo", state.can_redo.get()),
        ] {
            if let Some(button) = element(id) {
                let _ = if possible {
                    button.remove_attribute("disabled")
                } else {
                    button.set_attribute("disabled", "")
                };
            }
        }
        if let Some(toggle) = element("header-toggle-navigation") {
            let _ = toggle.set_attribute("aria-expanded", &navigation_open.get().to_string());
        }
    });
    let on_click = move |event: leptos::ev::MouseEvent| {
        let action = dom::closest_with(&event, "data-action")
            .and_then(|button| button.get_attribute("data-action"));
        match action.as_deref() {
            Some("toggle-navigation") => navigation_open.update(|open| *open = !*open),
            Some("undo") => state.undo(),
            Some("redo") => state.redo(),
            Some("open-file") => {
                if let Some(input) = element("header-file-input")
                    .and_then(|input| input.dyn_into::<web_sys::HtmlInputElement>().ok())
                {
                    // The input's click bubbles back to this header listener, which is
                    // still running: calling it again from inside would throw. A task
                    // later the click is its own event (still within the user's
                    // activation, so the browser opens the file chooser).
                    set_timeout(move || input.click(), std::time::Duration::ZERO);
                }
            }
            Some("save-file") => state.export_open_model(),
            _ => {}
        }
    };
    let on_change = move |event: leptos::ev::Event| {
        let Some(target) = dom::event_element(&event) else {
            return;
        };
        if target.id() == "header-language" {
            state.set_language(Language::from_code(&dom::element_value(&target)));
            return;
        }
        let Ok(input) = target.dyn_into::<web_sys::HtmlInputElement>() else {
            return;
        };
        let file = input.files().and_then(|files| files.get(0));
        // Clearing the input lets the same file be chosen again after a fix.
        input.set_value("");
        if let Some(file) = file {
            read_and_receive_file(state, file);
        }
    };
    dom::listen(&header.element(), "click", on_click);
    dom::listen(&header.element(), "change", on_change);
    header
}

/// Reminds the user to save a file when the last one is old or there is none yet,
/// because browsers may evict the storage of rarely visited sites.
fn export_reminder() -> Dom {
    let state = expect_context::<AppState>();
    let dismissed = RwSignal::new(false);
    let container = Dom::new("div");
    let root = container.element();
    dom::effect(move || {
        let language = state.language.get();
        let reminder = if dismissed.get() {
            None
        } else {
            let slot_id = state.active_slot_id.get();
            let last_export = state
                .index
                .with(|index| index.slot(&slot_id).and_then(|slot| slot.last_export));
            match last_export {
                Some(last_export) => {
                    let age = browser::now_timestamp() - last_export;
                    (age > chrono::Duration::days(30)).then_some(Text::ExportReminder)
                }
                // A model never saved as a file is at risk once it holds work of the
                // user's own, that is once something was changed in this session.
                None => state.can_undo.get().then_some(Text::ExportNeverReminder),
            }
        };
        let content = reminder.map(|text| {
            Dom::with_class("div", "banner warning")
                .attr("role", "status")
                .attr("data-testid", "export-reminder")
                .child(Dom::new("p").text(text.in_language(language)))
                .child(
                    Dom::with_class("button", "button primary")
                        .attr("data-action", "export")
                        .attr("data-testid", "export-reminder-save")
                        .text(Text::SaveBackupNow.in_language(language)),
                )
                .child(
                    Dom::with_class("button", "button")
                        .attr("data-action", "dismiss")
                        .text(Text::Dismiss.in_language(language)),
                )
        });
        dom::replace_children(&root, content.into_iter().collect());
    });
    let on_click = move |event: leptos::ev::MouseEvent| {
        let action = dom::closest_with(&event, "data-action")
            .and_then(|button| button.get_attribute("data-action"));
        match action.as_deref() {
            Some("export") => state.export_open_model(),
            Some("dismiss") => dismissed.set(true),
            _ => {}
        }
    };
    dom::listen(&container.element(), "click", on_click);
    container
}

/// Confirmations, warnings and errors, announced to screen readers. Notices are few
/// and short-lived, so the list is rebuilt on each change.
fn notices() -> Dom {
    let state = expect_context::<AppState>();
    let section = Dom::with_class("section", "notices").attr("aria-live", "polite");
    translate_attribute(&section, "aria-label", Text::Notifications);
    let root = section.element();
    dom::effect(move || {
        let language = state.language.get();
        let items = state.notices.with(|notices| {
            notices
                .iter()
                .map(|notice| {
                    let (severity_class, role) = match notice.severity {
                        NoticeSeverity::Success => ("notice success", "status"),
                        NoticeSeverity::Info => ("notice info", "status"),
                        NoticeSeverity::Warning => ("notice warning", "status"),
                        NoticeSeverity::Error => ("notice error", "alert"),
                    };
                    let actions = Dom::with_class("div", "notice-actions");
                    if let Some(backup_key) = &notice.backup_key {
                        actions.push(
                            Dom::with_class("button", "button")
                                .attr("data-action", "download-backup")
                                .attr("data-backup", backup_key)
                                .attr("data-testid", "download-backup")
                                .text(Text::DownloadBackup.in_language(language)),
                        );
                    }
                    actions.push(
                        Dom::with_class("button", "button")
                            .attr("data-action", "dismiss")
                            .attr("data-notice", &notice.notice_id.to_string())
                            .text(Text::Close.in_language(language)),
                    );
                    Dom::with_class("div", severity_class)
                        .attr("role", role)
                        .attr("data-testid", "notice")
                        .child(Dom::with_class("p", "notice-title").text(&notice.title))
                        .child_if(
                            (!notice.body.is_empty()).then(|| Dom::new("p").text(&notice.body)),
                        )
                        .child_if(
                            notice
                                .detail
                                .as_ref()
                                .map(|detail| Dom::with_class("p", "notice-detail").text(detail)),
                        )
                        .child(actions)
                })
                .collect()
        });
        dom::replace_children(&root, items);
    });
    let on_click = move |event: leptos::ev::MouseEvent| {
        let Some(button) = dom::closest_with(&event, "data-action") else {
            return;
        };
        match button.get_attribute("data-action").as_deref() {
            Some("dismiss") => {
                if let Some(notice_id) = button
                    .get_attribute("data-notice")
                    .and_then(|text| text.parse().ok())
                {
                    state.dismiss_notice(notice_id);
                }
            }
            Some("download-backup") => {
                let backup_key = button.get_attribute("data-backup").unwrap_or_default();
                if let Some(text) = storage::read_backup(&backup_key) {
                    let file_name = format!(
                        "bitalign-backup-{}.json",
                        crate::i18n::numbers::iso_date_text(browser::today_local_date())
                    );
                    browser::download_text_file(&file_name, &text, "application/json");
                }
            }
            _ => {}
        }
    };
    dom::listen(&section.element(), "click", on_click);
    section
}
