//! One form component for every entity kind and the model settings, rendered from the
//! field descriptions in `crate::forms`.
//!
//! The fields are built with [`crate::ui::dom`] (see there why not with `view!`) into
//! a container that Leptos owns; one delegated listener per event type on the form
//! reads what changed from the target's `data-field`, `data-row`, `data-col` and
//! `data-option` attributes and writes it into the drafts. Typing never re-renders, so
//! focus and caret stay put; the fields are rebuilt only when rows are added or
//! removed, when problems are shown, and when the language changes, always from the
//! drafts, so nothing typed is lost. Saving reads the drafts back through
//! [`forms::write_form`], shows every problem beside its field, or dispatches the
//! resulting commands as one undo step.

use leptos::ev;
use leptos::prelude::*;

use crate::browser;
use crate::forms::{
    self, ChoiceOption, FieldDraft, FieldInput, FieldProblem, FieldSpec, FormContext, FormSubject,
    RowColumn, RowDraft,
};
use crate::i18n::{messages, Language, Text};
use crate::model::commands::Command;
use crate::model::{EntityId, EntityKind, Model};
use crate::route::ScreenName;
use crate::state::{AppState, Confirmation};
use crate::ui::dom::{self, Dom};
use crate::ui::translated_element;

/// What a screen's editor needs to open and close forms.
#[derive(Clone, Copy)]
pub struct EditorControl {
    pub screen: ScreenName,
    /// A form for a new entity, which has no address of its own.
    pub creating: RwSignal<Option<FormSubject>>,
}

impl EditorControl {
    pub fn open_new(&self, kind: EntityKind, preset_goal_id: Option<EntityId>) {
        self.creating.set(Some(FormSubject::Entity {
            kind,
            existing_id: None,
            preset_goal_id,
        }));
    }

    /// Closes the form: forgets a new entity's form and leaves the entity's address.
    /// Keyboard focus goes back to the screen's content, so it is not lost on the
    /// removed form.
    pub fn close(&self) {
        self.creating.set(None);
        let route = expect_context::<AppState>().route.get_untracked();
        if route.focused_id().is_some() {
            browser::navigate_to_fragment(&self.screen.href());
        }
        browser::focus_element_soon("main".to_string());
    }
}

/// The context forms read and write with.
pub fn form_context(language: Language) -> FormContext<'static> {
    FormContext {
        language,
        now: browser::now_timestamp(),
        today: browser::today_local_date(),
        new_id: &browser::new_entity_id,
    }
}

/// The element id of a field's input (or of its group for checkboxes and tables).
fn field_element_id(spec: &FieldSpec) -> String {
    format!("field-{}", spec.key)
}

/// The mutable state of one open form.
#[derive(Clone, Copy)]
struct FormState {
    specs: &'static [FieldSpec],
    drafts: StoredValue<Vec<FieldDraft>>,
    problems: StoredValue<Vec<(usize, FieldProblem)>>,
    /// Bumped to rebuild the fields from the drafts.
    render_version: RwSignal<u32>,
    /// The element to focus after the next rebuild.
    focus_after_render: StoredValue<Option<String>>,
}

impl FormState {
    fn rebuild_and_focus(&self, element_id: String) {
        self.focus_after_render.set_value(Some(element_id));
        self.render_version.update(|version| *version += 1);
    }
}

/// The editor of `subject`. `control` is `None` for a form that stays open (Settings).
pub fn entity_form(subject: FormSubject, control: Option<EditorControl>) -> Dom {
    let state = expect_context::<AppState>();
    // Drafts are typed in the language the form was opened in and read back in it, so
    // switching the language while typing cannot turn "1.234" into one point two.
    let form_language = state.language.get_untracked();
    let initial_drafts = state
        .model
        .with_untracked(|model| forms::read_form(model, &subject, &form_context(form_language)));
    let Some(initial_drafts) = initial_drafts else {
        return translated_element("p", Text::EntityNotFound)
            .attr("class", "empty-state")
            .attr("role", "status")
            .attr("data-testid", "entity-not-found");
    };
    let specs = forms::field_specs(&subject);
    let form = FormState {
        specs,
        drafts: StoredValue::new(initial_drafts),
        problems: StoredValue::new(Vec::new()),
        render_version: RwSignal::new(0),
        focus_after_render: StoredValue::new(
            control
                .is_some()
                .then(|| specs.first().map(field_element_id))
                .flatten(),
        ),
    };
    let (entity_kind, existing_id) = match &subject {
        FormSubject::Entity {
            kind, existing_id, ..
        } => (Some(*kind), existing_id.clone()),
        FormSubject::ModelSettings => (None, None),
    };
    let frame = FormFrame {
        entity_kind,
        existing_id: StoredValue::new(existing_id),
        has_control: control.is_some(),
    };
    let subject = StoredValue::new(subject);
    let slug = entity_kind.map_or("settings", forms::kind_slug);
    let section = Dom::with_class("section", "editor")
        .attr("aria-labelledby", "editor-title")
        .attr("data-testid", &format!("{slug}-form"));
    let root = section.element();

    dom::effect(move || {
        let language = state.language.get();
        form.render_version.track();
        let content = state
            .model
            .with_untracked(|model| build_form(model, form, &frame, language));
        dom::replace_children(&root, content);
        if let Some(element_id) = form
            .focus_after_render
            .try_update_value(Option::take)
            .flatten()
        {
            browser::focus_element_soon(element_id);
        }
    });

    let close = move || {
        if let Some(control) = control {
            control.close();
        }
    };

    let submit = move |event: ev::SubmitEvent| {
        event.prevent_default();
        let result = state.model.with_untracked(|model| {
            subject.with_value(|subject| {
                form.drafts.with_value(|drafts| {
                    forms::write_form(model, subject, drafts, &form_context(form_language))
                })
            })
        });
        match result {
            Err(found) => {
                let first_field = found
                    .first()
                    .map(|(index, _)| field_element_id(&specs[*index]));
                form.problems.set_value(found);
                form.rebuild_and_focus(first_field.unwrap_or_default());
            }
            Ok(commands) => {
                if !form.problems.with_value(Vec::is_empty) {
                    form.problems.set_value(Vec::new());
                    form.render_version.update(|version| *version += 1);
                }
                if commands.is_empty() {
                    state.confirm(Text::NoChanges);
                    close();
                } else if state.dispatch_all(commands).is_ok() {
                    let is_new = frame.entity_kind.is_some()
                        && frame.existing_id.with_value(Option::is_none);
                    state.confirm(if is_new {
                        Text::EntityCreated
                    } else {
                        Text::EntitySaved
                    });
                    close();
                }
            }
        }
    };

    let on_edit = move |event: &web_sys::Event| {
        if let Some(target) = dom::event_element(event) {
            record_edit(form, &target);
        }
    };

    let on_click = move |event: ev::MouseEvent| {
        let Some(button) = dom::closest_with(&event, "data-action") else {
            return;
        };
        match button.get_attribute("data-action").as_deref() {
            Some("cancel") => close(),
            Some("add-kpi") => {
                if let (Some(control), Some(goal_id)) = (control, frame.existing_id.get_value()) {
                    control.open_new(EntityKind::Kpi, Some(goal_id));
                }
            }
            Some("delete") => {
                let (Some(kind), Some(id)) = (frame.entity_kind, frame.existing_id.get_value())
                else {
                    return;
                };
                let subject_name = state
                    .model
                    .with_untracked(|model| forms::entity_display_name(model, kind, &id))
                    .unwrap_or_default();
                state.ask_confirmation(
                    Confirmation {
                        title: Text::ConfirmDeleteEntityTitle,
                        subject: subject_name,
                        body: Text::ConfirmDeleteEntityBody,
                        accept: Text::DeleteEntity,
                    },
                    move || {
                        if state
                            .dispatch(Command::Delete {
                                kind,
                                id: id.clone(),
                            })
                            .is_ok()
                        {
                            state.confirm(Text::EntityDeleted);
                            close();
                        }
                    },
                );
            }
            Some(action) => change_rows(form, &button, action == "add-row"),
            None => {}
        }
    };

    let on_keydown = move |event: ev::KeyboardEvent| {
        if event.key() == "Escape"
            && control.is_some()
            && state.confirmation.with_untracked(Option::is_none)
        {
            event.prevent_default();
            close();
        }
    };

    let element = section.element();
    dom::listen(&element, "submit", submit);
    dom::listen(&element, "keydown", on_keydown);
    dom::listen(&element, "input", move |event: web_sys::Event| {
        on_edit(&event)
    });
    dom::listen(&element, "change", move |event: web_sys::Event| {
        on_edit(&event)
    });
    dom::listen(&element, "click", on_click);
    section
}

/// What the frame of a form shows besides its fields.
#[derive(Clone, Copy)]
struct FormFrame {
    entity_kind: Option<EntityKind>,
    existing_id: StoredValue<Option<EntityId>>,
    /// Whether the form can be closed (an editor on a screen, not the settings).
    has_control: bool,
}

/// Adds a row to a table field, or removes the row the button belongs to.
fn change_rows(form: FormState, button: &web_sys::Element, add: bool) {
    let Some(field_index) = dom::index_attribute(button, "data-field") else {
        return;
    };
    let Some(spec) = form.specs.get(field_index) else {
        return;
    };
    let FieldInput::Rows(columns) = spec.input else {
        return;
    };
    let row_index = dom::index_attribute(button, "data-row");
    let mut focus_id = format!("{}-add-row", field_element_id(spec));
    form.drafts.update_value(|drafts| {
        let Some(FieldDraft::Rows(rows)) = drafts.get_mut(field_index) else {
            return;
        };
        if add {
            rows.push(RowDraft {
                row_id: String::new(),
                cells: vec![String::new(); columns.len()],
            });
            focus_id = row_cell_id(spec, rows.len() - 1, 0);
        } else if let Some(row_index) = row_index.filter(|row_index| *row_index < rows.len()) {
            rows.remove(row_index);
        }
    });
    form.rebuild_and_focus(focus_id);
}

fn action_button(class: &str, action: &str, test_id: &str, label: Text, language: Language) -> Dom {
    Dom::with_class("button", class)
        .attr("type", "button")
        .attr("data-action", action)
        .attr("data-testid", test_id)
        .text(label.in_language(language))
}

/// The quadrant of an existing initiative as a badge beside the editor's heading, so
/// the quick-win / platform-topic classification shows wherever an initiative does.
fn quadrant_badge(model: &Model, frame: &FormFrame, language: Language) -> Option<Dom> {
    if frame.entity_kind != Some(EntityKind::Initiative) {
        return None;
    }
    let initiative_id = frame.existing_id.get_value()?;
    let initiative = model.initiative(&initiative_id)?;
    let quadrant = crate::model::formulas::quadrants::initiative_quadrant(model, initiative)?;
    Some(
        Dom::with_class("span", "badge quadrant-badge")
            .attr("data-testid", "quadrant-badge")
            .text(&crate::forms::lists::quadrant_label(
                &model.settings,
                quadrant,
                language,
            )),
    )
}

/// The heading, the fields, the problem summary and the buttons of a form.
fn build_form(model: &Model, form: FormState, frame: &FormFrame, language: Language) -> Vec<Dom> {
    let is_new = frame.entity_kind.is_some() && frame.existing_id.with_value(Option::is_none);
    let heading = match frame.entity_kind {
        None => Text::PlanningSettingsHeading
            .in_language(language)
            .to_string(),
        Some(kind) => {
            let action = if is_new {
                Text::NewEntity
            } else {
                Text::EditEntity
            };
            format!(
                "{}: {}",
                action.in_language(language),
                messages::entity_kind_singular(kind, language)
            )
        }
    };
    let has_problems = form.problems.with_value(|problems| !problems.is_empty());
    let fields = Dom::with_class("div", "form-fields");
    for field in build_fields(model, form, language) {
        fields.push(field);
    }
    let submit_test_id = if frame.entity_kind.is_none() {
        "apply-model-info"
    } else {
        "save-entity"
    };
    let actions = Dom::with_class("div", "form-actions").child(
        Dom::with_class("button", "button primary")
            .attr("type", "submit")
            .attr("data-testid", submit_test_id)
            .text(Text::SaveEntity.in_language(language)),
    );
    if frame.has_control {
        actions.push(action_button(
            "button",
            "cancel",
            "cancel-form",
            Text::Cancel,
            language,
        ));
    }
    let has_existing = frame.existing_id.with_value(Option::is_some);
    if frame.entity_kind == Some(EntityKind::Goal) && has_existing && frame.has_control {
        actions.push(action_button(
            "button",
            "add-kpi",
            "add-kpi-for-goal",
            Text::AddKpiForGoal,
            language,
        ));
    }
    if has_existing {
        actions.push(action_button(
            "button danger",
            "delete",
            "delete-entity",
            Text::DeleteEntity,
            language,
        ));
    }
    let problem_summary = Dom::with_class("p", "form-error")
        .attr("role", "alert")
        .attr("data-testid", "form-problems")
        .text(if has_problems {
            Text::FormHasProblems.in_language(language)
        } else {
            ""
        });
    vec![
        Dom::new("h2")
            .attr("id", "editor-title")
            .text(&heading)
            .child_if(quadrant_badge(model, frame, language)),
        Dom::with_class("p", "hint").text(Text::RequiredFieldsNote.in_language(language)),
        Dom::with_class("form", "form entity-form")
            .attr("novalidate", "")
            .child(fields)
            .child(problem_summary)
            .child(actions),
    ]
}

/// Writes what the user changed in `target` into the drafts.
fn record_edit(form: FormState, target: &web_sys::Element) {
    let Some(field_index) = dom::index_attribute(target, "data-field") else {
        return;
    };
    let value = dom::element_value(target);
    let option = target.get_attribute("data-option");
    let row = dom::index_attribute(target, "data-row");
    let column = dom::index_attribute(target, "data-col");
    let checked = dom::element_checked(target);
    form.drafts.update_value(|drafts| {
        let Some(draft) = drafts.get_mut(field_index) else {
            return;
        };
        match (option, row, column) {
            (Some(option), _, _) => {
                let mut selection = draft.selection().to_vec();
                selection.retain(|existing| *existing != option);
                if checked {
                    selection.push(option);
                }
                *draft = FieldDraft::Selection(selection);
            }
            (None, Some(row), Some(column)) => {
                if let FieldDraft::Rows(rows) = draft {
                    if let Some(row) = rows.get_mut(row) {
                        if row.cells.len() <= column {
                            row.cells.resize(column + 1, String::new());
                        }
                        row.cells[column] = value;
                    }
                }
            }
            _ => *draft = FieldDraft::Text(value),
        }
    });
}

fn row_cell_id(spec: &FieldSpec, row: usize, column: usize) -> String {
    format!("{}-{row}-{column}", field_element_id(spec))
}

/// Builds every field from the drafts, with the current problems.
fn build_fields(model: &Model, form: FormState, language: Language) -> Vec<Dom> {
    form.drafts.with_value(|drafts| {
        form.problems.with_value(|problems| {
            form.specs
                .iter()
                .enumerate()
                .filter(|(_, spec)| forms::fields::field_applies(spec, &model.settings))
                .map(|(index, spec)| {
                    let problem = problems
                        .iter()
                        .find(|(problem_index, _)| *problem_index == index)
                        .map(|(_, problem)| messages::describe_field_problem(problem, language));
                    build_field(model, index, spec, &drafts[index], problem, language)
                })
                .collect()
        })
    })
}

/// The options of a choice or reference: (code or id, label).
fn options_of(model: &Model, input: FieldInput, language: Language) -> Vec<(String, String)> {
    match input {
        FieldInput::Choice(options) | FieldInput::ChoiceSet(options) => {
            fixed_options(options, language)
        }
        FieldInput::Reference(kind) | FieldInput::References(kind) => {
            forms::entity_choices(model, kind)
        }
        _ => Vec::new(),
    }
}

fn fixed_options(options: &[ChoiceOption], language: Language) -> Vec<(String, String)> {
    options
        .iter()
        .map(|option| {
            (
                option.code.to_string(),
                option.label.in_language(language).to_string(),
            )
        })
        .collect()
}

/// One field with its label, hint and inline problem.
fn build_field(
    model: &Model,
    index: usize,
    spec: &FieldSpec,
    draft: &FieldDraft,
    problem: Option<String>,
    language: Language,
) -> Dom {
    let element_id = field_element_id(spec);
    let error_id = format!("{element_id}-error");
    let hint_id = format!("{element_id}-hint");
    let described_by = if spec.hint.is_some() {
        format!("{error_id} {hint_id}")
    } else {
        error_id.clone()
    };
    let index_text = index.to_string();
    let invalid = if problem.is_some() { "true" } else { "false" };
    let test_id = format!("{}-input", spec.key);
    let label_text = spec.label.in_language(language);
    let required_mark = spec.required.then(|| {
        Dom::with_class("span", "required-mark")
            .attr("aria-hidden", "true")
            .text(" *")
    });
    let hint = spec.hint.map(|hint| {
        Dom::with_class("p", "field-hint")
            .attr("id", &hint_id)
            .text(hint.in_language(language))
    });
    let error = Dom::with_class("p", "field-error")
        .attr("id", &error_id)
        .text(problem.as_deref().unwrap_or(""));

    let group_content = match spec.input {
        FieldInput::ChoiceSet(_) | FieldInput::References(_) => Some(build_checkboxes(
            index,
            spec,
            draft.selection(),
            options_of(model, spec.input, language),
            language,
        )),
        FieldInput::Rows(columns) => Some(build_rows(
            model,
            index,
            spec,
            columns,
            draft.rows(),
            language,
        )),
        FieldInput::CriterionScores => Some(build_criterion_scores(
            model,
            index,
            spec,
            draft.rows(),
            language,
        )),
        _ => None,
    };
    if let Some(content) = group_content {
        return Dom::with_class("fieldset", "field field-group")
            .attr("id", &element_id)
            .attr("tabindex", "-1")
            .attr("aria-describedby", &described_by)
            .attr("aria-invalid", invalid)
            .attr("data-testid", &test_id)
            .child(Dom::new("legend").text(label_text).child_if(required_mark))
            .child_if(hint)
            .child(content)
            .child(error);
    }

    let control = match spec.input {
        FieldInput::LongText | FieldInput::Lines => Dom::new("textarea").attr("rows", "3"),
        FieldInput::Choice(_) | FieldInput::Reference(_) => build_select(
            draft.text(),
            options_of(model, spec.input, language),
            language,
        ),
        other => text_input(other),
    };
    let control = control
        .attr("id", &element_id)
        .attr("data-field", &index_text)
        .attr("data-testid", &test_id)
        .attr("aria-invalid", invalid)
        .attr("aria-describedby", &described_by)
        .attr_if(spec.required, "aria-required", "true")
        .value(draft.text());
    Dom::with_class("div", "field")
        .child(
            Dom::new("label")
                .attr("for", &element_id)
                .text(label_text)
                .child_if(required_mark),
        )
        .child(control)
        .child_if(hint)
        .child(error)
}

/// A text-like input with the type, input mode and placeholder its kind needs.
fn text_input(input: FieldInput) -> Dom {
    let (input_type, input_mode, placeholder) = input_kind(input);
    Dom::new("input")
        .attr("type", input_type)
        .attr("inputmode", input_mode)
        .attr_if(!placeholder.is_empty(), "placeholder", placeholder)
}

/// The type, input mode and placeholder of a text-like input.
fn input_kind(input: FieldInput) -> (&'static str, &'static str, &'static str) {
    match input {
        FieldInput::Email => ("email", "email", ""),
        FieldInput::Integer { .. } => ("text", "numeric", ""),
        FieldInput::Decimal | FieldInput::Money => ("text", "decimal", ""),
        FieldInput::Date => ("date", "text", ""),
        FieldInput::Quarter => ("text", "text", "Q1 2027"),
        _ => ("text", "text", ""),
    }
}

fn build_select(selected: &str, options: Vec<(String, String)>, language: Language) -> Dom {
    let select = Dom::new("select").child(
        Dom::new("option")
            .attr("value", "")
            .text(Text::NotChosen.in_language(language)),
    );
    for (code, label) in options {
        select.push(
            Dom::new("option")
                .attr("value", &code)
                .attr_if(code == selected, "selected", "")
                .text(&label),
        );
    }
    select
}

/// Checkboxes for a multi-selection (roles, linked entities).
fn build_checkboxes(
    index: usize,
    spec: &FieldSpec,
    selected: &[String],
    options: Vec<(String, String)>,
    language: Language,
) -> Dom {
    if options.is_empty() {
        return Dom::with_class("p", "hint").text(Text::NothingToChooseYet.in_language(language));
    }
    let list = Dom::with_class("ul", "checkbox-list");
    let index_text = index.to_string();
    for (position, (code, label)) in options.into_iter().enumerate() {
        let checkbox_id = format!("{}-{position}", field_element_id(spec));
        list.push(
            Dom::new("li")
                .child(
                    Dom::new("input")
                        .attr("type", "checkbox")
                        .attr("id", &checkbox_id)
                        .attr("data-field", &index_text)
                        .attr("data-option", &code)
                        .checked(selected.contains(&code)),
                )
                .child(Dom::new("label").attr("for", &checkbox_id).text(&label)),
        );
    }
    list
}

/// One score input per weighted criterion of the model, labelled with its name and
/// weight. The rows are fixed (the criteria are edited in the settings).
fn build_criterion_scores(
    model: &Model,
    index: usize,
    spec: &FieldSpec,
    rows: &[RowDraft],
    language: Language,
) -> Dom {
    if rows.is_empty() {
        return Dom::with_class("p", "hint").child(
            Dom::new("a")
                .attr("href", "#/settings")
                .text(Text::NoCriteriaYet.in_language(language)),
        );
    }
    let list = Dom::with_class("div", "criterion-scores");
    let index_text = index.to_string();
    for (row_index, row) in rows.iter().enumerate() {
        let Some(criterion) = model
            .settings
            .weighted_criteria
            .iter()
            .find(|criterion| criterion.id == row.row_id)
        else {
            continue;
        };
        let input_id = row_cell_id(spec, row_index, 0);
        list.push(
            Dom::with_class("div", "criterion-score")
                .child(Dom::new("label").attr("for", &input_id).text(&format!(
                    "{} · {} {}",
                    criterion.name,
                    Text::WeightWord.in_language(language),
                    criterion.weight
                )))
                .child(
                    text_input(FieldInput::Integer {
                        minimum: 1,
                        maximum: 5,
                    })
                    .attr("id", &input_id)
                    .attr("data-field", &index_text)
                    .attr("data-row", &row_index.to_string())
                    .attr("data-col", "0")
                    .attr("data-testid", &format!("{}-{row_index}", spec.key))
                    .value(row.cells.first().map_or("", String::as_str)),
                ),
        );
    }
    list
}

/// A table of rows with one input per column, and buttons to add and remove rows.
fn build_rows(
    model: &Model,
    index: usize,
    spec: &FieldSpec,
    columns: &[RowColumn],
    rows: &[RowDraft],
    language: Language,
) -> Dom {
    let index_text = index.to_string();
    let header = Dom::new("tr");
    for column in columns {
        let mark = if column.required { " *" } else { "" };
        header.push(
            Dom::new("th")
                .attr("scope", "col")
                .text(&format!("{}{mark}", column.label.in_language(language))),
        );
    }
    header.push(Dom::new("th").attr("scope", "col").child(
        Dom::with_class("span", "visually-hidden").text(Text::RemoveRow.in_language(language)),
    ));
    let column_options: Vec<Vec<(String, String)>> = columns
        .iter()
        .map(|column| options_of(model, column.input, language))
        .collect();
    let body = Dom::new("tbody");
    for (row_index, row) in rows.iter().enumerate() {
        let table_row = Dom::new("tr");
        let row_text = row_index.to_string();
        for (column_index, column) in columns.iter().enumerate() {
            let value = row.cells.get(column_index).map_or("", String::as_str);
            let control = match column.input {
                FieldInput::Choice(_) | FieldInput::Reference(_) => {
                    build_select(value, column_options[column_index].clone(), language)
                }
                other => text_input(other),
            };
            let accessible_label =
                format!("{} {}", column.label.in_language(language), row_index + 1);
            table_row.push(
                Dom::new("td").child(
                    control
                        .attr("id", &row_cell_id(spec, row_index, column_index))
                        .attr("aria-label", &accessible_label)
                        .attr("data-field", &index_text)
                        .attr("data-row", &row_text)
                        .attr("data-col", &column_index.to_string())
                        .attr(
                            "data-testid",
                            &format!("{}-{}-{row_index}", spec.key, column.key),
                        )
                        .value(value),
                ),
            );
        }
        let remove_label = format!(
            "{} {}",
            Text::RemoveRow.in_language(language),
            row_index + 1
        );
        table_row.push(
            Dom::new("td").child(
                Dom::with_class("button", "icon-button")
                    .attr("type", "button")
                    .attr("aria-label", &remove_label)
                    .attr("data-action", "remove-row")
                    .attr("data-field", &index_text)
                    .attr("data-row", &row_text)
                    .attr("data-testid", &format!("{}-remove-{row_index}", spec.key))
                    .text("×"),
            ),
        );
        body.push(table_row);
    }
    let add_button = Dom::with_class("button", "button")
        .attr("type", "button")
        .attr("id", &format!("{}-add-row", field_element_id(spec)))
        .attr("data-action", "add-row")
        .attr("data-field", &index_text)
        .attr("data-testid", &format!("{}-add-row", spec.key))
        .text(&format!("+ {}", Text::AddRow.in_language(language)));
    Dom::with_class("div", "rows-field")
        .child(
            Dom::with_class("div", "table-scroll").child(
                Dom::with_class("table", "rows-table")
                    .child(Dom::new("thead").child(header))
                    .child(body),
            ),
        )
        .child(add_button)
}
