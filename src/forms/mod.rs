//! Forms and lists of every entity, described as data and converted as pure functions.
//!
//! The screens of bitalign edit ten kinds of entities with more than a hundred fields.
//! Writing a Leptos view per form would compile rendering code per field and make the
//! WebAssembly bundle grow with every field, so the forms are described here instead:
//! each kind has a static list of [`FieldSpec`]s (label, input kind, whether required)
//! and a pair of functions that turn an entity into the texts its inputs show
//! ([`FieldDraft`]s) and read the edited texts back, reporting a [`FieldProblem`] per
//! field. One generic form component in `ui` renders any of them.
//!
//! Everything here is pure: numbers are read and written in the user's language
//! (`1.234,56` in German), ids of new cost lines come from the caller, and the result of
//! a form is a list of [`Command`]s that go through the same command path as every
//! other change.

mod draft_io;
pub mod fields;
pub mod lists;

#[cfg(test)]
mod tests;

use crate::i18n::{Language, Text};
use crate::model::commands::Command;
use crate::model::{CalendarDate, EntityId, EntityKind, Model, Quarter, Timestamp};

pub use draft_io::{format_money_for_input, parse_quarter_leniently};

/// What a form edits: one entity of a kind (new when `existing_id` is `None`), or the
/// model's own information and settings.
#[derive(Debug, Clone, PartialEq)]
pub enum FormSubject {
    Entity {
        kind: EntityKind,
        existing_id: Option<EntityId>,
        /// For a new KPI, the goal it is created under.
        preset_goal_id: Option<EntityId>,
    },
    ModelSettings,
}

/// How a field is typed in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FieldInput {
    /// One line of text.
    Text,
    /// Several lines of free text.
    LongText,
    /// One entry per line, such as decisions.
    Lines,
    /// Keywords separated by commas.
    Tags,
    Email,
    /// A whole number in a range; empty means "not set" unless the field is required.
    Integer {
        minimum: i64,
        maximum: i64,
    },
    /// A decimal number typed in the user's convention.
    Decimal,
    /// An amount of money typed in the user's convention, such as `1.234,56`.
    Money,
    /// A calendar date as the browser's date input gives it (`2026-11-28`).
    Date,
    /// A quarter such as `2026-Q3` (also `Q3 2026`).
    Quarter,
    /// One of fixed options; the empty option means "not set" for optional fields.
    Choice(&'static [ChoiceOption]),
    /// Any number of fixed options.
    ChoiceSet(&'static [ChoiceOption]),
    /// One entity of a kind, chosen from the model.
    Reference(EntityKind),
    /// Any number of entities of a kind.
    References(EntityKind),
    /// A table of rows with the given columns (cost lines, measurements, contributions).
    Rows(&'static [RowColumn]),
    /// One score 1 to 5 per weighted criterion of the model: rows whose `row_id` is
    /// the criterion and whose one cell is the score (empty for "not scored").
    CriterionScores,
}

/// One option of a choice: the code stored in the draft and its label.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChoiceOption {
    pub code: &'static str,
    pub label: Text,
}

/// A column of a row table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RowColumn {
    pub key: &'static str,
    pub label: Text,
    pub input: FieldInput,
    pub required: bool,
}

/// One field of a form.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FieldSpec {
    /// Stable name of the field, used for element ids and test ids.
    pub key: &'static str,
    pub label: Text,
    pub input: FieldInput,
    pub required: bool,
    /// A sentence under the field explaining what to enter, in the method's terms.
    pub hint: Option<Text>,
}

/// The typed-in state of one field: text for single inputs, the chosen ids or codes
/// for multi-selections, and rows for tables.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldDraft {
    Text(String),
    Selection(Vec<String>),
    Rows(Vec<RowDraft>),
}

impl FieldDraft {
    /// The text of a single input (empty for other drafts).
    pub fn text(&self) -> &str {
        match self {
            FieldDraft::Text(text) => text,
            _ => "",
        }
    }

    /// The chosen ids or codes (empty for other drafts).
    pub fn selection(&self) -> &[String] {
        match self {
            FieldDraft::Selection(selection) => selection,
            _ => &[],
        }
    }

    /// The rows of a table (empty for other drafts).
    pub fn rows(&self) -> &[RowDraft] {
        match self {
            FieldDraft::Rows(rows) => rows,
            _ => &[],
        }
    }
}

/// One row of a table field. `row_id` is the id of a cost line (empty for a new one
/// and for rows without ids, such as measurements).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RowDraft {
    pub row_id: String,
    pub cells: Vec<String>,
}

/// Why a typed-in value cannot be taken.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldProblem {
    Required,
    NotANumber,
    NotAWholeNumber,
    OutOfRange {
        minimum: i64,
        maximum: i64,
    },
    DecimalOutOfRange {
        minimum: f64,
        maximum: f64,
    },
    MoneyTooLarge,
    NotADate,
    NotAQuarter,
    TooLong {
        maximum: usize,
    },
    NotAnEmail,
    NotACurrencyCode,
    UnknownChoice,
    /// A value chosen twice where each may appear once (a goal in two contribution rows).
    ChosenTwice,
    /// A problem in one cell of a table field; rows are counted from 1.
    InRow {
        row_number: usize,
        column_label: Text,
        problem: Box<FieldProblem>,
    },
}

/// The problems of a form, each with the index of its field.
pub type FormProblems = Vec<(usize, FieldProblem)>;

/// What a form needs from outside to read and write values.
pub struct FormContext<'context> {
    pub language: Language,
    pub now: Timestamp,
    pub today: CalendarDate,
    /// Makes the id of a new entity or cost line.
    pub new_id: &'context dyn Fn() -> EntityId,
}

/// The fields of a form, in display order.
pub fn field_specs(subject: &FormSubject) -> &'static [FieldSpec] {
    match subject {
        FormSubject::Entity { kind, .. } => fields::entity_field_specs(*kind),
        FormSubject::ModelSettings => fields::MODEL_SETTINGS_FIELDS,
    }
}

/// The drafts a form starts with: the subject's current values, or the defaults of a
/// new entity. Returns `None` when the entity to edit no longer exists.
pub fn read_form(
    model: &Model,
    subject: &FormSubject,
    context: &FormContext,
) -> Option<Vec<FieldDraft>> {
    fields::read_subject(model, subject, context)
}

/// Reads the edited drafts back. Gives the commands that apply them (none when
/// nothing changed), or every problem found with the index of its field.
pub fn write_form(
    model: &Model,
    subject: &FormSubject,
    drafts: &[FieldDraft],
    context: &FormContext,
) -> Result<Vec<Command>, FormProblems> {
    fields::write_subject(model, subject, drafts, context)
}

/// The display name of an entity for selects, lists and messages.
pub fn entity_display_name(model: &Model, kind: EntityKind, id: &str) -> Option<String> {
    let name = match kind {
        EntityKind::Person => model.person(id).map(|entity| entity.name.clone()),
        EntityKind::Goal => model.goal(id).map(|entity| entity.title.clone()),
        EntityKind::Kpi => model.kpi(id).map(|entity| entity.name.clone()),
        EntityKind::BusinessProcess => model.process(id).map(|entity| entity.name.clone()),
        EntityKind::Capability => model.capability(id).map(|entity| entity.name.clone()),
        EntityKind::DataObject => model.data_object(id).map(|entity| entity.name.clone()),
        EntityKind::Initiative => model.initiative(id).map(|entity| entity.title.clone()),
        EntityKind::SpendItem => model.spend_item(id).map(|entity| entity.name.clone()),
        EntityKind::Review => model
            .review(id)
            .map(|entity| quarter_display_text(entity.quarter)),
        EntityKind::WorkshopSession => model
            .workshop_session(id)
            .map(|entity| entity.title.clone()),
    }?;
    Some(name)
}

/// Every entity of a kind as (id, display name), sorted by name, for selects.
pub fn entity_choices(model: &Model, kind: EntityKind) -> Vec<(EntityId, String)> {
    let ids: Vec<&EntityId> = match kind {
        EntityKind::Person => model.people.iter().map(|entity| &entity.id).collect(),
        EntityKind::Goal => model.goals.iter().map(|entity| &entity.id).collect(),
        EntityKind::Kpi => model.kpis.iter().map(|entity| &entity.id).collect(),
        EntityKind::BusinessProcess => model.processes.iter().map(|entity| &entity.id).collect(),
        EntityKind::Capability => model.capabilities.iter().map(|entity| &entity.id).collect(),
        EntityKind::DataObject => model.data_objects.iter().map(|entity| &entity.id).collect(),
        EntityKind::Initiative => model.initiatives.iter().map(|entity| &entity.id).collect(),
        EntityKind::SpendItem => model.spend_items.iter().map(|entity| &entity.id).collect(),
        EntityKind::Review => model.reviews.iter().map(|entity| &entity.id).collect(),
        EntityKind::WorkshopSession => model
            .workshop_sessions
            .iter()
            .map(|entity| &entity.id)
            .collect(),
    };
    let mut choices: Vec<(EntityId, String)> = ids
        .into_iter()
        .map(|id| {
            let name = entity_display_name(model, kind, id).unwrap_or_default();
            (id.clone(), name)
        })
        .collect();
    choices.sort_by_cached_key(|(_, name)| crate::model::text_fold::fold_case(name));
    choices
}

/// Which entity kind an id belongs to among `kinds`, for deep links that name an
/// entity of a screen with several lists.
pub fn kind_of_entity(model: &Model, kinds: &[EntityKind], id: &str) -> Option<EntityKind> {
    kinds
        .iter()
        .copied()
        .find(|kind| entity_display_name(model, *kind, id).is_some())
}

/// A quarter as people write it and as the screens show it (DESIGN.md section 4):
/// `Q4 2026` in both languages. Files store `2026-Q4`.
pub fn quarter_display_text(quarter: Quarter) -> String {
    format!("Q{} {}", quarter.quarter_of_year(), quarter.year())
}

/// A short English name of a kind for element ids and test ids (`spend-item`).
pub fn kind_slug(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Goal => "goal",
        EntityKind::Kpi => "kpi",
        EntityKind::BusinessProcess => "process",
        EntityKind::Capability => "capability",
        EntityKind::DataObject => "data-object",
        EntityKind::Initiative => "initiative",
        EntityKind::SpendItem => "spend-item",
        EntityKind::Review => "review",
        EntityKind::WorkshopSession => "workshop",
    }
}
