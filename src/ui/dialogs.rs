//! The two dialogs of opening a file: the preview of a valid file, which asks before
//! anything is replaced, and the explanation of a file that cannot be opened.

use leptos::html;
use leptos::prelude::*;

use crate::i18n::{intl, messages, Text};
use crate::model::EntityKind;
use crate::state::AppState;

/// Moves keyboard focus into a dialog when it opens, so keyboard and screen-reader
/// users land on its first action.
fn focus_when_shown(button: NodeRef<html::Button>) {
    Effect::new(move |_| {
        if let Some(button) = button.get() {
            let _ = button.focus();
        }
    });
}

#[component]
pub fn ImportPreviewDialog() -> impl IntoView {
    let state = expect_context::<AppState>();
    let language = state.language;
    move || {
        let pending = state.pending_import.get()?;
        let language_now = language.get();
        let first_button = NodeRef::<html::Button>::new();
        focus_when_shown(first_button);
        let model = &pending.imported.model;
        let counts = EntityKind::ALL
            .iter()
            .filter(|kind| model.entity_count(**kind) > 0)
            .map(|kind| {
                let label = messages::entity_kind_plural(*kind, language_now);
                let count = model.entity_count(*kind);
                view! { <li><span class="count">{count}</span>" "{label}</li> }
            })
            .collect_view();
        let exported_at = intl::format_timestamp_date(pending.imported.exported_at, language_now);
        let replace_label = Text::ImportReplace.in_language(language_now);
        Some(view! {
            <div class="dialog-backdrop">
                <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="import-preview-title" data-testid="import-preview">
                    <h2 id="import-preview-title">{Text::ImportPreviewTitle.in_language(language_now)}</h2>
                    <p class="file-name">{pending.file_name.clone()}</p>
                    <p>{Text::ImportPreviewIntro.in_language(language_now)}</p>
                    <p class="import-model-title" data-testid="import-model-title"><strong>{model.title.clone()}</strong></p>
                    {(!model.organization.is_empty()).then(|| view! { <p>{model.organization.clone()}</p> })}
                    <p>{Text::ImportExportedAt.in_language(language_now)}": "{exported_at}</p>
                    <ul class="import-counts">{counts}</ul>
                    <p class="hint">{Text::ImportReplaceHint.in_language(language_now)}</p>
                    <div class="dialog-actions">
                        <button class="button primary" node_ref=first_button data-testid="import-replace" on:click=move |_| state.accept_pending_import_as_replacement()>
                            {replace_label}
                        </button>
                        <button class="button" data-testid="import-add" on:click=move |_| state.accept_pending_import_as_new_model()>
                            {Text::ImportAddAsNew.in_language(language_now)}
                        </button>
                        <button class="button" data-testid="import-cancel" on:click=move |_| state.pending_import.set(None)>
                            {Text::Cancel.in_language(language_now)}
                        </button>
                    </div>
                </div>
            </div>
        })
    }
}

#[component]
pub fn ImportErrorDialog() -> impl IntoView {
    let state = expect_context::<AppState>();
    let language = state.language;
    move || {
        let (file_name, error) = state.import_error.get()?;
        let language_now = language.get();
        let close_button = NodeRef::<html::Button>::new();
        focus_when_shown(close_button);
        let explanation = messages::describe_import_error(&error, language_now);
        let detail = messages::technical_import_detail(&error);
        Some(view! {
            <div class="dialog-backdrop">
                <div class="dialog error" role="alertdialog" aria-modal="true" aria-labelledby="import-error-title" aria-describedby="import-error-explanation" data-testid="import-error">
                    <h2 id="import-error-title">{Text::ImportFailedTitle.in_language(language_now)}</h2>
                    <p class="file-name">{file_name}</p>
                    <p id="import-error-explanation" data-testid="import-error-message">{explanation}</p>
                    {detail.map(|detail| view! {
                        <details>
                            <summary>{Text::TechnicalDetail.in_language(language_now)}</summary>
                            <pre>{detail}</pre>
                        </details>
                    })}
                    <p class="hint">{Text::ImportNothingChanged.in_language(language_now)}</p>
                    <div class="dialog-actions">
                        <button class="button primary" node_ref=close_button data-testid="import-error-close" on:click=move |_| state.import_error.set(None)>
                            {Text::Close.in_language(language_now)}
                        </button>
                    </div>
                </div>
            </div>
        })
    }
}
