//! The dialogs: the preview of a valid file, which asks before anything is replaced,
//! the explanation of a file that cannot be opened, and the one confirmation dialog
//! that every deletion goes through.
//!
//! At most one dialog is open at a time. All three are built with
//! [`crate::ui::dom`] into one container, with one delegated click listener reading
//! `data-action`; keyboard focus moves to the dialog's safe first button when it
//! opens, and Escape takes the safe way out (cancel, close).

use leptos::prelude::*;

use crate::browser;
use crate::i18n::{intl, messages, Language, Text};
use crate::model::EntityKind;
use crate::state::{AppState, Confirmation, PendingImport};
use crate::ui::dom::{self, Dom};

fn dialog_button(class: &str, action: &str, test_id: &str, label: Text, language: Language) -> Dom {
    Dom::with_class("button", class)
        .attr("type", "button")
        .attr("id", &format!("dialog-{action}"))
        .attr("data-action", action)
        .attr("data-testid", test_id)
        .text(label.in_language(language))
}

/// A modal dialog frame around `content`.
fn dialog_frame(class: &str, role: &str, title_id: &str, test_id: &str, content: Vec<Dom>) -> Dom {
    let dialog = Dom::with_class("div", class)
        .attr("role", role)
        .attr("aria-modal", "true")
        .attr("aria-labelledby", title_id)
        .attr("data-testid", test_id);
    for child in content {
        dialog.push(child);
    }
    Dom::with_class("div", "dialog-backdrop").child(dialog)
}

fn build_import_preview(pending: &PendingImport, language: Language) -> Dom {
    let model = &pending.imported.model;
    let counts = Dom::with_class("ul", "import-counts");
    for kind in EntityKind::ALL {
        let count = model.entity_count(kind);
        if count > 0 {
            counts.push(
                Dom::new("li")
                    .child(Dom::with_class("span", "count").text(&count.to_string()))
                    .child(Dom::new("span").text(&format!(
                        " {}",
                        messages::entity_kind_plural(kind, language)
                    ))),
            );
        }
    }
    let exported_at = intl::format_timestamp_date(pending.imported.exported_at, language);
    let mut content = vec![
        Dom::new("h2")
            .attr("id", "import-preview-title")
            .text(Text::ImportPreviewTitle.in_language(language)),
        Dom::with_class("p", "file-name").text(&pending.file_name),
        Dom::new("p").text(Text::ImportPreviewIntro.in_language(language)),
        Dom::with_class("p", "import-model-title")
            .attr("data-testid", "import-model-title")
            .child(Dom::new("strong").text(&model.title)),
    ];
    if !model.organization.is_empty() {
        content.push(Dom::new("p").text(&model.organization));
    }
    content.push(Dom::new("p").text(&format!(
        "{}: {exported_at}",
        Text::ImportExportedAt.in_language(language)
    )));
    content.push(counts);
    content.push(Dom::with_class("p", "hint").text(Text::ImportReplaceHint.in_language(language)));
    content.push(
        Dom::with_class("div", "dialog-actions")
            .child(dialog_button(
                "button primary",
                "import-replace",
                "import-replace",
                Text::ImportReplace,
                language,
            ))
            .child(dialog_button(
                "button",
                "import-add",
                "import-add",
                Text::ImportAddAsNew,
                language,
            ))
            .child(dialog_button(
                "button",
                "import-cancel",
                "import-cancel",
                Text::Cancel,
                language,
            )),
    );
    dialog_frame(
        "dialog",
        "dialog",
        "import-preview-title",
        "import-preview",
        content,
    )
}

fn build_import_error(
    file_name: &str,
    error: &crate::io::json::ImportError,
    language: Language,
) -> Dom {
    let mut content = vec![
        Dom::new("h2")
            .attr("id", "import-error-title")
            .text(Text::ImportFailedTitle.in_language(language)),
        Dom::with_class("p", "file-name").text(file_name),
        Dom::new("p")
            .attr("id", "import-error-explanation")
            .attr("data-testid", "import-error-message")
            .text(&messages::describe_import_error(error, language)),
    ];
    if let Some(detail) = messages::technical_import_detail(error) {
        content.push(
            Dom::new("details")
                .child(Dom::new("summary").text(Text::TechnicalDetail.in_language(language)))
                .child(Dom::new("pre").text(&detail)),
        );
    }
    content
        .push(Dom::with_class("p", "hint").text(Text::ImportNothingChanged.in_language(language)));
    content.push(
        Dom::with_class("div", "dialog-actions").child(dialog_button(
            "button primary",
            "import-error-close",
            "import-error-close",
            Text::Close,
            language,
        )),
    );
    dialog_frame(
        "dialog error",
        "alertdialog",
        "import-error-title",
        "import-error",
        content,
    )
    .attr("aria-describedby", "import-error-explanation")
}

/// The confirmation before destroying data. Focus starts on "Cancel", so pressing
/// Enter by habit destroys nothing.
fn build_confirmation(confirmation: &Confirmation, language: Language) -> Dom {
    let content = vec![
        Dom::new("h2")
            .attr("id", "confirm-title")
            .text(confirmation.title.in_language(language)),
        Dom::new("p").child(
            Dom::new("strong")
                .attr("data-testid", "confirm-subject")
                .text(&confirmation.subject),
        ),
        Dom::new("p")
            .attr("id", "confirm-body")
            .text(confirmation.body.in_language(language)),
        Dom::with_class("div", "dialog-actions")
            .child(dialog_button(
                "button",
                "confirm-cancel",
                "confirm-delete-cancel",
                Text::Cancel,
                language,
            ))
            .child(dialog_button(
                "button danger",
                "confirm-accept",
                "confirm-delete-accept",
                confirmation.accept,
                language,
            )),
    ];
    dialog_frame(
        "dialog",
        "alertdialog",
        "confirm-title",
        "confirm-delete",
        content,
    )
}

/// The container of all dialogs.
pub fn dialogs() -> Dom {
    let state = expect_context::<AppState>();
    let container = Dom::new("div");
    let root = container.element();
    Effect::new(move |previous_focus: Option<Option<&'static str>>| {
        let language = state.language.get();
        let dialog = if let Some((file_name, error)) = state.import_error.get() {
            Some((
                build_import_error(&file_name, &error, language),
                "dialog-import-error-close",
            ))
        } else if let Some(pending) = state.pending_import.get() {
            Some((
                build_import_preview(&pending, language),
                "dialog-import-replace",
            ))
        } else {
            state.confirmation.get().map(|confirmation| {
                (
                    build_confirmation(&confirmation, language),
                    "dialog-confirm-cancel",
                )
            })
        };
        let focus_target = dialog.as_ref().map(|(_, focus_target)| *focus_target);
        dom::replace_children(
            &root,
            dialog.into_iter().map(|(dialog, _)| dialog).collect(),
        );
        // Focus moves only when a dialog opens, not when the language changes in it.
        if focus_target.is_some() && previous_focus.flatten() != focus_target {
            browser::focus_element_soon(focus_target.unwrap_or_default().to_string());
        }
        Some(focus_target).flatten()
    });
    let run_action = move |action: &str| match action {
        "import-replace" => state.accept_pending_import_as_replacement(),
        "import-add" => state.accept_pending_import_as_new_model(),
        "import-cancel" => state.pending_import.set(None),
        "import-error-close" => state.import_error.set(None),
        "confirm-cancel" => state.answer_confirmation(false),
        "confirm-accept" => state.answer_confirmation(true),
        _ => {}
    };
    let on_click = move |event: leptos::ev::MouseEvent| {
        if let Some(action) = dom::closest_with(&event, "data-action")
            .and_then(|button| button.get_attribute("data-action"))
        {
            run_action(&action);
        }
    };
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        if event.key() != "Escape" {
            return;
        }
        event.prevent_default();
        if state.import_error.with_untracked(Option::is_some) {
            run_action("import-error-close");
        } else if state.pending_import.with_untracked(Option::is_some) {
            run_action("import-cancel");
        } else {
            run_action("confirm-cancel");
        }
    };
    dom::listen(&container.element(), "click", on_click);
    dom::listen(&container.element(), "keydown", on_keydown);
    container
}
