//! The frame around every screen: header with file and undo controls, navigation,
//! notices, the drop overlay and the dialogs of the file import.

use leptos::html;
use leptos::prelude::*;

use crate::ui::dom::{self, Dom};
use crate::ui::translated;

use crate::browser;
use crate::i18n::{Language, Text};
use crate::route::{ScreenName, SCREEN_SEGMENTS};
use crate::state::{AppState, NoticeSeverity, SaveStatus};
use crate::storage;

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

#[component]
pub fn Shell() -> impl IntoView {
    let state = expect_context::<AppState>();
    let language = state.language;
    let translate = move |text: Text| text.in_language(language.get());
    let navigation_open = RwSignal::new(false);
    let file_input = NodeRef::<html::Input>::new();
    let main_region = NodeRef::<html::Main>::new();
    let drop_target_active = use_drop_target_signal(state);
    // Rendering by screen rather than by route keeps a screen (and its filter and
    // sort) in place when only the entity it focuses on changes.
    let current_screen = Memo::new(move |_| state.route.with(|route| route.screen()));

    let on_file_chosen = move |_| {
        let Some(input) = file_input.get() else {
            return;
        };
        let file = input.files().and_then(|files| files.get(0));
        // Clearing the input lets the same file be chosen again after a fix.
        input.set_value("");
        if let Some(file) = file {
            read_and_receive_file(state, file);
        }
    };

    let save_status_text = move || match state.save_status.get() {
        SaveStatus::Saved => translate(Text::SaveStateSaved),
        SaveStatus::Pending => translate(Text::SaveStatePending),
        SaveStatus::Failed => translate(Text::SaveStateFailed),
    };

    let navigation_list = NodeRef::<html::Ul>::new();
    Effect::new(move |_| {
        let language = language.get();
        let current_screen = state.route.with(|route| route.screen());
        let Some(list) = navigation_list.get() else {
            return;
        };
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

    let skip_to_content = move |_| {
        if let Some(main) = main_region.get() {
            let _ = main.focus();
        }
    };

    view! {
        <div class="app" class:navigation-open=move || navigation_open.get()>
            <button class="skip-link" on:click=skip_to_content>
                {translated(Text::SkipToContent)}
            </button>
            <header class="app-header">
                <button
                    class="navigation-toggle icon-button"
                    aria-controls="main-navigation"
                    aria-expanded=move || navigation_open.get().to_string()
                    on:click=move |_| navigation_open.update(|open| *open = !*open)
                >
                    <span aria-hidden="true">"☰"</span>
                    <span class="visually-hidden">{translated(Text::ToggleNavigation)}</span>
                </button>
                <a class="brand" href="#/overview">{translated(Text::AppName)}</a>
                <span class="model-title" data-testid="model-title">{move || state.model.with(|model| model.title.clone())}</span>
                <span class="save-status" data-testid="save-status" data-status=move || match state.save_status.get() {
                    SaveStatus::Saved => "saved",
                    SaveStatus::Pending => "pending",
                    SaveStatus::Failed => "failed",
                }>
                    {save_status_text}
                </span>
                <div class="header-actions">
                    <button
                        class="button"
                        data-testid="undo"
                        title=translated(Text::UndoShortcutHint)
                        disabled=move || !state.can_undo.get()
                        on:click=move |_| state.undo()
                    >
                        <span aria-hidden="true">"↶ "</span>{translated(Text::Undo)}
                    </button>
                    <button
                        class="button"
                        data-testid="redo"
                        title=translated(Text::RedoShortcutHint)
                        disabled=move || !state.can_redo.get()
                        on:click=move |_| state.redo()
                    >
                        <span aria-hidden="true">"↷ "</span>{translated(Text::Redo)}
                    </button>
                    <button
                        class="button"
                        data-testid="open-file"
                        on:click=move |_| {
                            if let Some(input) = file_input.get() {
                                input.click();
                            }
                        }
                    >
                        {translated(Text::OpenFile)}
                    </button>
                    <input
                        node_ref=file_input
                        type="file"
                        class="visually-hidden"
                        tabindex="-1"
                        aria-hidden="true"
                        data-testid="open-file-input"
                        accept=".json,.bitalign.json,application/json"
                        on:change=on_file_chosen
                    />
                    <button class="button primary" data-testid="save-file" on:click=move |_| state.export_open_model()>
                        {translated(Text::SaveFile)}
                    </button>
                    <label class="language-switch">
                        <span class="visually-hidden">{translated(Text::Language)}</span>
                        <select
                            data-testid="language"
                            on:change=move |event| {
                                state.set_language(Language::from_code(&event_target_value(&event)));
                            }
                            prop:value=move || language.get().code()
                        >
                            <option value="de">{translated(Text::LanguageGerman)}</option>
                            <option value="en">{translated(Text::LanguageEnglish)}</option>
                        </select>
                    </label>
                </div>
            </header>
            <nav id="main-navigation" class="app-navigation" aria-label=translated(Text::MainNavigation)>
                <ul node_ref=navigation_list on:click=move |_| navigation_open.set(false)></ul>
            </nav>
            <main id="main" class="app-main" tabindex="-1" node_ref=main_region>
                {export_reminder()}
                {move || pages::render_screen(current_screen.get())}
            </main>
            {notices()}
            {dialogs()}
            <div class="drop-overlay" class:visible=move || drop_target_active.get() aria-hidden="true">
                <p>{translated(Text::DropFileHere)}</p>
            </div>
        </div>
    }
}

/// Reminds the user to save a file when the last one is old or there is none yet,
/// because browsers may evict the storage of rarely visited sites.
fn export_reminder() -> impl IntoView {
    let state = expect_context::<AppState>();
    let dismissed = RwSignal::new(false);
    let root = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
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
        let Some(root) = root.get() else {
            return;
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
    view! { <div node_ref=root on:click=on_click></div> }
}

/// Confirmations, warnings and errors, announced to screen readers. Notices are few
/// and short-lived, so the list is rebuilt on each change.
fn notices() -> impl IntoView {
    let state = expect_context::<AppState>();
    let root = NodeRef::<html::Section>::new();
    Effect::new(move |_| {
        let language = state.language.get();
        let Some(root) = root.get() else {
            return;
        };
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
    view! {
        <section class="notices" aria-live="polite" aria-label=translated(Text::Notifications) node_ref=root on:click=on_click></section>
    }
}
