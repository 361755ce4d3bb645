//! Settings: the open model's information, planning settings and thresholds, the
//! models stored in this browser (create, rename, duplicate, delete with confirmation,
//! switch) and the two sample models.

use leptos::prelude::*;

use crate::forms::FormSubject;
use crate::i18n::{intl, Language, Text};
use crate::samples;
use crate::state::{AppState, Confirmation};
use crate::storage::StoredIndex;
use crate::ui::dom::{self, Dom};
use crate::ui::entity_form::entity_form;

pub fn settings_page() -> Dom {
    let state = expect_context::<AppState>();
    // The form is rebuilt when another model is opened (or undo changes the settings),
    // so it always starts from the values of the open model.
    let form_slot = Dom::new("div");
    let slot = form_slot.element();
    dom::effect(move || {
        state.model.with(|model| (model.id.clone(), model.revision));
        dom::replace_children(&slot, vec![entity_form(FormSubject::ModelSettings, None)]);
    });
    super::page_frame(
        "page-settings",
        Text::NavSettings,
        None,
        vec![form_slot, stored_models()],
    )
}

/// Adds one of the method's two examples as a new model, in the current language.
fn open_sample(
    state: AppState,
    loading: RwSignal<bool>,
    german_path: &'static str,
    english_path: &'static str,
) {
    if loading.get_untracked() {
        return;
    }
    loading.set(true);
    let path = match state.language.get_untracked() {
        Language::German => german_path,
        Language::English => english_path,
    };
    leptos::task::spawn_local(async move {
        let sample = crate::browser::fetch_same_origin_text(path)
            .await
            .and_then(|text| samples::sample_from_text(&text));
        loading.set(false);
        match sample {
            Some(model) => {
                state.add_model_as_new_slot(model, None);
                state.confirm(Text::Imported);
            }
            None => state.confirm(Text::SampleLoadFailed),
        }
    });
}

fn button(
    class: &str,
    action: &str,
    slot_id: &str,
    test_id: &str,
    label: Text,
    language: Language,
) -> Dom {
    Dom::with_class("button", class)
        .attr("type", "button")
        .attr("data-action", action)
        .attr_if(!slot_id.is_empty(), "data-slot", slot_id)
        .attr("data-testid", test_id)
        .text(label.in_language(language))
}

/// The models stored in this browser with the actions on each, and the samples.
fn build_stored_models(
    index: &StoredIndex,
    active_slot_id: &str,
    renaming: Option<&str>,
    loading_sample: bool,
    language: Language,
) -> Vec<Dom> {
    let list = Dom::with_class("ul", "stored-models").attr("data-testid", "stored-models");
    for slot in &index.slots {
        let is_active = slot.slot_id == active_slot_id;
        let item = Dom::with_class(
            "li",
            if is_active {
                "stored-model active"
            } else {
                "stored-model"
            },
        )
        .attr("data-testid", "stored-model");
        if renaming == Some(slot.slot_id.as_str()) {
            item.push(
                Dom::with_class("form", "inline-form")
                    .attr("data-slot", &slot.slot_id)
                    .child(
                        Dom::with_class("label", "visually-hidden")
                            .attr("for", "rename-model-input")
                            .text(Text::ModelTitleLabel.in_language(language)),
                    )
                    .child(
                        Dom::new("input")
                            .attr("id", "rename-model-input")
                            .attr("data-testid", "rename-model-input")
                            .value(&slot.title),
                    )
                    .child(
                        Dom::with_class("button", "button primary")
                            .attr("type", "submit")
                            .text(Text::SaveChanges.in_language(language)),
                    ),
            );
        } else {
            item.push(
                Dom::with_class("span", "stored-model-title")
                    .attr("data-testid", "stored-model-title")
                    .text(&slot.title),
            );
        }
        if is_active {
            item.push(
                Dom::with_class("span", "badge").text(Text::ActiveModel.in_language(language)),
            );
        }
        let last_export = slot.last_export.map_or_else(
            || Text::NeverExported.in_language(language).to_string(),
            |timestamp| intl::format_timestamp_date(timestamp, language),
        );
        item.push(
            Dom::with_class("span", "stored-model-export").text(&format!(
                "{}: {last_export}",
                Text::LastExport.in_language(language)
            )),
        );
        let actions = Dom::with_class("span", "stored-model-actions");
        let slot_id = slot.slot_id.as_str();
        if !is_active {
            actions.push(button(
                "button",
                "open",
                slot_id,
                "open-stored-model",
                Text::OpenModel,
                language,
            ));
        }
        actions.push(button(
            "button",
            "rename",
            slot_id,
            "rename-stored-model",
            Text::RenameModel,
            language,
        ));
        actions.push(button(
            "button",
            "duplicate",
            slot_id,
            "duplicate-stored-model",
            Text::DuplicateModel,
            language,
        ));
        actions.push(button(
            "button danger",
            "delete",
            slot_id,
            "delete-stored-model",
            Text::DeleteModel,
            language,
        ));
        item.push(actions);
        list.push(item);
    }
    let samples = Dom::with_class("div", "button-row")
        .child(
            button(
                "button",
                "sample-trades",
                "",
                "open-sample-trades",
                Text::SampleTradesService,
                language,
            )
            .attr_if(loading_sample, "disabled", ""),
        )
        .child(
            button(
                "button",
                "sample-b2b",
                "",
                "open-sample-b2b",
                Text::SampleB2bSales,
                language,
            )
            .attr_if(loading_sample, "disabled", ""),
        );
    vec![
        Dom::new("h2").text(Text::ModelsHeading.in_language(language)),
        Dom::with_class("p", "hint").text(Text::ModelsIntro.in_language(language)),
        list,
        button(
            "button",
            "new-empty",
            "",
            "new-empty-model",
            Text::NewEmptyModel,
            language,
        ),
        Dom::new("h2").text(Text::SamplesHeading.in_language(language)),
        Dom::with_class("p", "hint").text(Text::SamplesIntro.in_language(language)),
        samples,
    ]
}

/// The list of stored models and the samples, rebuilt when the index changes.
fn stored_models() -> Dom {
    let state = expect_context::<AppState>();
    let renaming = RwSignal::new(None::<String>);
    let loading_sample = RwSignal::new(false);
    let container = Dom::new("div");
    let root = container.element();
    dom::effect(move || {
        let language = state.language.get();
        let active_slot_id = state.active_slot_id.get();
        let renaming_now = renaming.get();
        let loading_now = loading_sample.get();
        let content = state.index.with(|index| {
            build_stored_models(
                index,
                &active_slot_id,
                renaming_now.as_deref(),
                loading_now,
                language,
            )
        });
        dom::replace_children(&root, content);
        if renaming_now.is_some() {
            crate::browser::focus_element_soon("rename-model-input".to_string());
        }
    });
    let on_click = move |event: leptos::ev::MouseEvent| {
        let Some(button) = dom::closest_with(&event, "data-action") else {
            return;
        };
        let slot_id = button.get_attribute("data-slot").unwrap_or_default();
        match button.get_attribute("data-action").as_deref() {
            Some("open") => state.switch_to_slot(&slot_id),
            Some("rename") => renaming.set(Some(slot_id)),
            Some("duplicate") => state.duplicate_slot(&slot_id),
            Some("delete") => {
                let title = state
                    .index
                    .with_untracked(|index| index.slot(&slot_id).map(|slot| slot.title.clone()))
                    .unwrap_or_default();
                state.ask_confirmation(
                    Confirmation {
                        title: Text::ConfirmDeleteTitle,
                        subject: title,
                        body: Text::ConfirmDeleteBody,
                        accept: Text::ConfirmDeleteAction,
                    },
                    move || state.delete_slot(&slot_id),
                );
            }
            Some("new-empty") => state.create_empty_model(),
            Some("sample-trades") => open_sample(
                state,
                loading_sample,
                samples::TRADES_SERVICE_GERMAN_PATH,
                samples::TRADES_SERVICE_ENGLISH_PATH,
            ),
            Some("sample-b2b") => open_sample(
                state,
                loading_sample,
                samples::B2B_SALES_GERMAN_PATH,
                samples::B2B_SALES_ENGLISH_PATH,
            ),
            _ => {}
        }
    };
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(form) = dom::event_element(&event) else {
            return;
        };
        let slot_id = form.get_attribute("data-slot").unwrap_or_default();
        let new_title = form
            .query_selector("input")
            .ok()
            .flatten()
            .map(|input| dom::element_value(&input))
            .unwrap_or_default();
        let new_title = new_title.trim().to_string();
        if !new_title.is_empty() {
            state.rename_slot(&slot_id, new_title);
        }
        renaming.set(None);
    };
    dom::listen(&container.element(), "click", on_click);
    dom::listen(&container.element(), "submit", on_submit);
    container
}
