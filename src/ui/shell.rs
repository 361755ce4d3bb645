//! The frame around every screen: header with file and undo controls, navigation,
//! notices, the drop overlay and the dialogs of the file import.

use leptos::html;
use leptos::prelude::*;

use crate::ui::translated;

use crate::browser;
use crate::i18n::{Language, Text};
use crate::route::{ScreenName, SCREEN_SEGMENTS};
use crate::state::{AppState, NoticeSeverity, SaveStatus};
use crate::storage;

use super::dialogs::{ImportErrorDialog, ImportPreviewDialog};
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

    let navigation_links = move || {
        let current_screen = state.route.get().screen();
        SCREEN_SEGMENTS
            .iter()
            .map(|(_, screen)| {
                let screen = *screen;
                let is_current = current_screen == Some(screen);
                view! {
                    <li>
                        <a
                            href=screen.href()
                            class:current=is_current
                            aria-current=move || is_current.then_some("page")
                            on:click=move |_| navigation_open.set(false)
                        >
                            {translated(screen_label(screen))}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };

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
                <ul>{navigation_links}</ul>
            </nav>
            <main id="main" class="app-main" tabindex="-1" node_ref=main_region>
                <ExportReminder />
                {move || pages::render_route(state.route.get())}
            </main>
            <Notices />
            <ImportPreviewDialog />
            <ImportErrorDialog />
            <div class="drop-overlay" class:visible=move || drop_target_active.get() aria-hidden="true">
                <p>{translated(Text::DropFileHere)}</p>
            </div>
        </div>
    }
}

/// Reminds the user to save a file when the last one is old or there is none yet,
/// because browsers may evict the storage of rarely visited sites.
#[component]
fn ExportReminder() -> impl IntoView {
    let state = expect_context::<AppState>();
    let dismissed = RwSignal::new(false);
    let reminder_text = move || {
        if dismissed.get() {
            return None;
        }
        let slot_id = state.active_slot_id.get();
        let last_export = state
            .index
            .with(|index| index.slot(&slot_id).and_then(|slot| slot.last_export));
        let language = state.language.get();
        match last_export {
            Some(last_export) => {
                let age = browser::now_timestamp() - last_export;
                (age > chrono::Duration::days(30))
                    .then(|| Text::ExportReminder.in_language(language))
            }
            None => {
                // A model never saved as a file is at risk once it holds work of the
                // user's own, that is once something was changed in this session.
                let changed_in_this_session = state.can_undo.get();
                changed_in_this_session.then(|| Text::ExportNeverReminder.in_language(language))
            }
        }
    };
    move || {
        reminder_text().map(|text| {
            let language = state.language.get();
            view! {
                <div class="banner warning" role="status" data-testid="export-reminder">
                    <p>{text}</p>
                    <button class="button primary" data-testid="export-reminder-save" on:click=move |_| state.export_open_model()>
                        {Text::SaveBackupNow.in_language(language)}
                    </button>
                    <button class="button" on:click=move |_| dismissed.set(true)>
                        {Text::Dismiss.in_language(language)}
                    </button>
                </div>
            }
        })
    }
}

/// Confirmations, warnings and errors, announced to screen readers.
#[component]
fn Notices() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <section class="notices" aria-live="polite" aria-label=translated(Text::Notifications)>
            // Notices are few and short-lived: rendering the list anew on each change
            // is cheaper in bundle size than keyed diffing with <For>.
            {move || state.notices.get().into_iter().map(|notice| {
                    let severity_class = match notice.severity {
                        NoticeSeverity::Success => "notice success",
                        NoticeSeverity::Info => "notice info",
                        NoticeSeverity::Warning => "notice warning",
                        NoticeSeverity::Error => "notice error",
                    };
                    let notice_id = notice.notice_id;
                    let role = if notice.severity == NoticeSeverity::Error { "alert" } else { "status" };
                    let backup_key = notice.backup_key.clone();
                    view! {
                        <div class=severity_class role=role data-testid="notice">
                            <p class="notice-title">{notice.title.clone()}</p>
                            {(!notice.body.is_empty()).then(|| view! { <p>{notice.body.clone()}</p> })}
                            {notice.detail.clone().map(|detail| view! { <p class="notice-detail">{detail}</p> })}
                            <div class="notice-actions">
                                {backup_key.map(|backup_key| {
                                    view! {
                                        <button
                                            class="button"
                                            data-testid="download-backup"
                                            on:click=move |_| {
                                                if let Some(text) = storage::read_backup(&backup_key) {
                                                    let file_name = format!("bitalign-backup-{}.json", crate::i18n::numbers::iso_date_text(browser::today_local_date()));
                                                    browser::download_text_file(&file_name, &text, "application/json");
                                                }
                                            }
                                        >
                                            {translated(Text::DownloadBackup)}
                                        </button>
                                    }
                                })}
                                <button class="button" on:click=move |_| state.dismiss_notice(notice_id)>
                                    {translated(Text::Close)}
                                </button>
                            </div>
                        </div>
                    }
                }).collect_view()}
        </section>
    }
}
