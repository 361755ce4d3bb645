//! Settings: the open model's title and organization, and the models stored in this
//! browser (create, rename, duplicate, delete with confirmation, switch).

use leptos::html;
use leptos::prelude::*;

use crate::ui::translated;

use crate::i18n::{intl, Text};
use crate::model::commands::Command;
use crate::state::AppState;
use crate::storage::StoredSlot;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let language = state.language;
    let translate = move |text: Text| text.in_language(language.get());
    let title_input = NodeRef::<html::Input>::new();
    let organization_input = NodeRef::<html::Input>::new();
    let title_missing = RwSignal::new(false);

    let apply_model_info = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let (Some(title_input), Some(organization_input)) =
            (title_input.get(), organization_input.get())
        else {
            return;
        };
        let title = title_input.value().trim().to_string();
        if title.is_empty() {
            title_missing.set(true);
            let _ = title_input.focus();
            return;
        }
        title_missing.set(false);
        let model = state.model.get_untracked();
        let _ = state.dispatch(Command::SetModelInfo {
            title,
            organization: organization_input.value().trim().to_string(),
            currency: model.currency,
            planning_start: model.planning_start,
        });
    };

    view! {
        <section class="page" data-testid="page-settings">
            <h1>{translated(Text::NavSettings)}</h1>
            <h2>{translated(Text::ModelInfoHeading)}</h2>
            <form class="form" on:submit=apply_model_info novalidate>
                <div class="field">
                    <label for="model-title-input">
                        {translated(Text::ModelTitleLabel)}
                        <span class="required-mark" aria-hidden="true">" *"</span>
                    </label>
                    <input
                        id="model-title-input"
                        data-testid="model-title-input"
                        node_ref=title_input
                        required
                        aria-required="true"
                        aria-invalid=move || title_missing.get().to_string()
                        aria-describedby="model-title-error"
                        prop:value=move || state.model.with(|model| model.title.clone())
                    />
                    <p id="model-title-error" class="field-error" role="alert">
                        {move || title_missing.get().then(|| translate(Text::RequiredField))}
                    </p>
                </div>
                <div class="field">
                    <label for="model-organization-input">{translated(Text::OrganizationLabel)}</label>
                    <input
                        id="model-organization-input"
                        data-testid="model-organization-input"
                        node_ref=organization_input
                        prop:value=move || state.model.with(|model| model.organization.clone())
                    />
                </div>
                <button type="submit" class="button primary" data-testid="apply-model-info">
                    {translated(Text::SaveChanges)}
                </button>
            </form>
            <StoredModels />
        </section>
    }
}

/// The list of models stored in this browser, with the actions on each.
#[component]
fn StoredModels() -> impl IntoView {
    let state = expect_context::<AppState>();
    let language = state.language;
    let translate = move |text: Text| text.in_language(language.get());
    let slot_pending_deletion = RwSignal::new(None::<StoredSlot>);
    let slot_being_renamed = RwSignal::new(None::<String>);

    let rows = move || {
        let active_slot_id = state.active_slot_id.get();
        state
            .index
            .get()
            .slots
            .into_iter()
            .map(|slot| {
                let is_active = slot.slot_id == active_slot_id;
                let slot_for_open = slot.slot_id.clone();
                let slot_for_duplicate = slot.slot_id.clone();
                let slot_for_rename = slot.slot_id.clone();
                let slot_for_rename_check = slot.slot_id.clone();
                let slot_for_delete = slot.clone();
                let last_export_text = move || {
                    slot.last_export.map_or_else(
                        || translate(Text::NeverExported).to_string(),
                        |timestamp| intl::format_timestamp_date(timestamp, language.get()),
                    )
                };
                let title = slot.title.clone();
                let rename_input = NodeRef::<html::Input>::new();
                let is_renaming = move || slot_being_renamed.get().as_deref() == Some(slot_for_rename_check.as_str());
                let submit_rename = move |event: leptos::ev::SubmitEvent| {
                    event.prevent_default();
                    let Some(input) = rename_input.get() else {
                        return;
                    };
                    let new_title = input.value().trim().to_string();
                    if !new_title.is_empty() {
                        state.rename_slot(&slot_for_rename, new_title);
                    }
                    slot_being_renamed.set(None);
                };
                let title_for_input = title.clone();
                let slot_id_for_rename_button = slot_for_open.clone();
                view! {
                    <li class="stored-model" class:active=is_active data-testid="stored-model">
                        <Show
                            when=is_renaming
                            fallback={
                                let title = title.clone();
                                move || view! { <span class="stored-model-title" data-testid="stored-model-title">{title.clone()}</span> }
                            }
                        >
                            <form class="inline-form" on:submit=submit_rename.clone()>
                                <label class="visually-hidden" for="rename-model-input">{translated(Text::ModelTitleLabel)}</label>
                                <input id="rename-model-input" data-testid="rename-model-input" node_ref=rename_input prop:value=title_for_input.clone() />
                                <button type="submit" class="button primary">{translated(Text::SaveChanges)}</button>
                            </form>
                        </Show>
                        {is_active.then(|| view! { <span class="badge">{translated(Text::ActiveModel)}</span> })}
                        <span class="stored-model-export">{translated(Text::LastExport)}": "{last_export_text}</span>
                        <span class="stored-model-actions">
                            {(!is_active).then(|| {
                                let slot_id = slot_for_open.clone();
                                view! {
                                    <button class="button" data-testid="open-stored-model" on:click=move |_| state.switch_to_slot(&slot_id)>
                                        {translated(Text::OpenModel)}
                                    </button>
                                }
                            })}
                            <button class="button" data-testid="rename-stored-model" on:click=move |_| slot_being_renamed.set(Some(slot_id_for_rename_button.clone()))>
                                {translated(Text::RenameModel)}
                            </button>
                            <button class="button" data-testid="duplicate-stored-model" on:click=move |_| state.duplicate_slot(&slot_for_duplicate)>
                                {translated(Text::DuplicateModel)}
                            </button>
                            <button class="button danger" data-testid="delete-stored-model" on:click=move |_| slot_pending_deletion.set(Some(slot_for_delete.clone()))>
                                {translated(Text::DeleteModel)}
                            </button>
                        </span>
                    </li>
                }
            })
            .collect_view()
    };

    let confirm_dialog = move || {
        let slot = slot_pending_deletion.get()?;
        let confirm_button = NodeRef::<html::Button>::new();
        Effect::new(move |_| {
            if let Some(button) = confirm_button.get() {
                let _ = button.focus();
            }
        });
        let slot_id = slot.slot_id.clone();
        Some(view! {
            <div class="dialog-backdrop">
                <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="delete-model-title" aria-describedby="delete-model-body" data-testid="confirm-delete">
                    <h2 id="delete-model-title">{translated(Text::ConfirmDeleteTitle)}</h2>
                    <p><strong>{slot.title.clone()}</strong></p>
                    <p id="delete-model-body">{translated(Text::ConfirmDeleteBody)}</p>
                    <div class="dialog-actions">
                        <button class="button" node_ref=confirm_button data-testid="confirm-delete-cancel" on:click=move |_| slot_pending_deletion.set(None)>
                            {translated(Text::Cancel)}
                        </button>
                        <button class="button danger" data-testid="confirm-delete-accept" on:click=move |_| {
                            slot_pending_deletion.set(None);
                            state.delete_slot(&slot_id);
                        }>
                            {translated(Text::ConfirmDeleteAction)}
                        </button>
                    </div>
                </div>
            </div>
        })
    };

    view! {
        <h2>{translated(Text::ModelsHeading)}</h2>
        <p class="hint">{translated(Text::ModelsIntro)}</p>
        <ul class="stored-models" data-testid="stored-models">{rows}</ul>
        <button class="button" data-testid="new-empty-model" on:click=move |_| state.create_empty_model()>
            {translated(Text::NewEmptyModel)}
        </button>
        {confirm_dialog}
    }
}
