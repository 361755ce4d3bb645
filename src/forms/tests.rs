//! Native tests of the form and list conversions.

use super::lists::{filter_and_sort, list_columns, list_rows, DisplayFormatter, ListSort};
use super::*;
use crate::model::commands::Entity;
use crate::model::{CostCategory, MoneyCents};
use crate::samples::{sample_from_text, ALL_SAMPLE_TEXTS};

struct PlainFormatter(Language);

impl DisplayFormatter for PlainFormatter {
    fn language(&self) -> Language {
        self.0
    }
    fn money(&self, cents: MoneyCents) -> String {
        format!("{}.{:02}", cents / 100, cents % 100)
    }
    fn decimal(&self, value: f64, maximum_fraction_digits: u8) -> String {
        format!("{value:.*}", usize::from(maximum_fraction_digits))
    }
    fn date(&self, date: CalendarDate) -> String {
        crate::i18n::numbers::iso_date_text(date)
    }
}

fn context(language: Language) -> FormContext<'static> {
    FormContext {
        language,
        now: "2026-11-28T10:00:00Z".parse().unwrap(),
        today: CalendarDate::from_ymd_opt(2026, 11, 28).unwrap(),
        new_id: &|| {
            thread_local!(static COUNTER: std::cell::Cell<u32> = const { std::cell::Cell::new(0) });
            COUNTER.with(|counter| {
                counter.set(counter.get() + 1);
                format!("new-id-{}", counter.get())
            })
        },
    }
}

fn all_entity_ids(model: &Model) -> Vec<(EntityKind, EntityId)> {
    let mut ids = Vec::new();
    for kind in EntityKind::ALL {
        if kind == EntityKind::WorkshopSession {
            continue;
        }
        for (id, _) in entity_choices(model, kind) {
            ids.push((kind, id));
        }
    }
    ids
}

/// Reading every entity of every sample into drafts and writing the drafts back
/// changes nothing, in both languages: the field lists and the read and write
/// functions agree, and numbers survive the trip through localized text.
#[test]
fn every_sample_entity_survives_a_form_round_trip_unchanged() {
    for (name, text) in ALL_SAMPLE_TEXTS {
        let model = sample_from_text(text).expect(name);
        for language in [Language::German, Language::English] {
            let context = context(language);
            for (kind, id) in all_entity_ids(&model) {
                let subject = FormSubject::Entity {
                    kind,
                    existing_id: Some(id.clone()),
                    preset_goal_id: None,
                };
                let drafts = read_form(&model, &subject, &context).expect("entity exists");
                assert_eq!(drafts.len(), field_specs(&subject).len(), "{name} {kind:?}");
                let commands = write_form(&model, &subject, &drafts, &context);
                assert_eq!(
                    commands,
                    Ok(Vec::new()),
                    "{name} {kind:?} {id} {language:?}"
                );
            }
            let settings_drafts = read_form(&model, &FormSubject::ModelSettings, &context).unwrap();
            assert_eq!(settings_drafts.len(), MODEL_SETTINGS_FIELD_COUNT);
            assert_eq!(
                write_form(
                    &model,
                    &FormSubject::ModelSettings,
                    &settings_drafts,
                    &context
                ),
                Ok(Vec::new()),
                "{name} settings"
            );
        }
    }
}

const MODEL_SETTINGS_FIELD_COUNT: usize = fields::MODEL_SETTINGS_FIELDS.len();

fn sample_model() -> Model {
    sample_from_text(ALL_SAMPLE_TEXTS[0].1).unwrap()
}

fn set_field(subject: &FormSubject, drafts: &mut [FieldDraft], key: &str, draft: FieldDraft) {
    let index = field_specs(subject)
        .iter()
        .position(|spec| spec.key == key)
        .unwrap_or_else(|| panic!("no field {key}"));
    drafts[index] = draft;
}

fn text(value: &str) -> FieldDraft {
    FieldDraft::Text(value.to_string())
}

#[test]
fn a_new_spend_item_reads_german_money_and_creates_one_command() {
    let model = sample_model();
    let context = context(Language::German);
    let subject = FormSubject::Entity {
        kind: EntityKind::SpendItem,
        existing_id: None,
        preset_goal_id: None,
    };
    let mut drafts = read_form(&model, &subject, &context).unwrap();
    set_field(&subject, &mut drafts, "name", text("  Cloud-Telefonie "));
    set_field(
        &subject,
        &mut drafts,
        "cost-lines",
        FieldDraft::Rows(vec![
            RowDraft {
                row_id: String::new(),
                cells: vec![
                    "operation".into(),
                    "Lizenzen".into(),
                    "".into(),
                    "1.234,56".into(),
                ],
            },
            RowDraft {
                row_id: String::new(),
                cells: vec!["".into(), "".into(), "".into(), "".into()],
            },
        ]),
    );
    let commands = write_form(&model, &subject, &drafts, &context).unwrap();
    let [Command::Create(Entity::SpendItem(spend_item))] = commands.as_slice() else {
        panic!("expected one create, got {commands:?}");
    };
    assert!(spend_item.id.starts_with("new-id-"));
    assert_eq!(spend_item.name, "Cloud-Telefonie");
    assert_eq!(spend_item.cost_lines.len(), 1, "the empty row is skipped");
    assert_eq!(spend_item.cost_lines[0].running_cents_per_year, 123_456);
    assert_eq!(spend_item.cost_lines[0].category, CostCategory::Operation);
    let mut applied = model.clone();
    applied
        .apply(commands[0].clone(), context.now)
        .expect("the form's command is accepted");
}

#[test]
fn problems_name_every_bad_field_and_row() {
    let model = sample_model();
    let context = context(Language::German);
    let subject = FormSubject::Entity {
        kind: EntityKind::Kpi,
        existing_id: None,
        preset_goal_id: None,
    };
    let mut drafts = read_form(&model, &subject, &context).unwrap();
    set_field(&subject, &mut drafts, "baseline", text("zwölf"));
    set_field(&subject, &mut drafts, "target-date", text("2026-13-01"));
    set_field(
        &subject,
        &mut drafts,
        "measurements",
        FieldDraft::Rows(vec![RowDraft {
            row_id: String::new(),
            cells: vec!["Q5 2026".into(), "3".into(), "".into()],
        }]),
    );
    let problems = write_form(&model, &subject, &drafts, &context).unwrap_err();
    let keys: Vec<(&str, &FieldProblem)> = problems
        .iter()
        .map(|(index, problem)| (field_specs(&subject)[*index].key, problem))
        .collect();
    assert!(
        keys.contains(&("goal", &FieldProblem::Required)),
        "{keys:?}"
    );
    assert!(keys.contains(&("name", &FieldProblem::Required)));
    assert!(keys.contains(&("baseline", &FieldProblem::NotANumber)));
    assert!(keys.contains(&("target-date", &FieldProblem::NotADate)));
    assert!(keys.iter().any(|(key, problem)| *key == "measurements"
        && matches!(problem, FieldProblem::InRow { row_number: 1, .. })));
}

#[test]
fn integers_are_checked_against_their_range_and_wholeness() {
    let model = sample_model();
    let context = context(Language::German);
    let goal_id = model.goals[0].id.clone();
    let subject = FormSubject::Entity {
        kind: EntityKind::Goal,
        existing_id: Some(goal_id),
        preset_goal_id: None,
    };
    let mut drafts = read_form(&model, &subject, &context).unwrap();
    set_field(&subject, &mut drafts, "weight", text("7"));
    let problems = write_form(&model, &subject, &drafts, &context).unwrap_err();
    assert_eq!(
        problems[0].1,
        FieldProblem::OutOfRange {
            minimum: 1,
            maximum: 5
        }
    );
    set_field(&subject, &mut drafts, "weight", text("2,5"));
    let problems = write_form(&model, &subject, &drafts, &context).unwrap_err();
    assert_eq!(problems[0].1, FieldProblem::NotAWholeNumber);
    set_field(&subject, &mut drafts, "weight", text("2"));
    let commands = write_form(&model, &subject, &drafts, &context).unwrap();
    assert!(
        matches!(commands.as_slice(), [Command::Update(Entity::Goal(goal))] if goal.weight == 2)
    );
}

#[test]
fn a_new_kpi_under_a_goal_starts_with_that_goal() {
    let model = sample_model();
    let context = context(Language::English);
    let goal_id = model.goals[1].id.clone();
    let subject = FormSubject::Entity {
        kind: EntityKind::Kpi,
        existing_id: None,
        preset_goal_id: Some(goal_id.clone()),
    };
    let drafts = read_form(&model, &subject, &context).unwrap();
    assert_eq!(drafts[0], FieldDraft::Text(goal_id));
}

#[test]
fn settings_changes_become_one_info_and_one_settings_command() {
    let model = sample_model();
    let context = context(Language::German);
    let subject = FormSubject::ModelSettings;
    let mut drafts = read_form(&model, &subject, &context).unwrap();
    set_field(&subject, &mut drafts, "currency", text("chf"));
    set_field(&subject, &mut drafts, "wip-limit", text("4"));
    let commands = write_form(&model, &subject, &drafts, &context).unwrap();
    assert!(matches!(&commands[0], Command::SetModelInfo { currency, .. } if currency == "CHF"));
    assert!(
        matches!(&commands[1], Command::UpdateSettings(settings) if settings.wip_limit == Some(4))
    );
    set_field(&subject, &mut drafts, "currency", text("Euro"));
    let problems = write_form(&model, &subject, &drafts, &context).unwrap_err();
    assert_eq!(problems[0].1, FieldProblem::NotACurrencyCode);
}

#[test]
fn quarters_are_read_as_people_type_them() {
    let expected = Quarter::new(2026, 3);
    for typed in [
        "2026-Q3", "2026 q3", "Q3 2026", "Q3/2026", "3/2026", " 2026-3 ",
    ] {
        assert_eq!(parse_quarter_leniently(typed), expected, "{typed}");
    }
    for typed in ["2026", "Q5 2026", "26-Q3", "Q3", "2026-Q3-1", ""] {
        assert_eq!(parse_quarter_leniently(typed), None, "{typed}");
    }
}

#[test]
fn money_is_shown_for_editing_without_grouping() {
    assert_eq!(format_money_for_input(123_456, Language::German), "1234,56");
    assert_eq!(
        format_money_for_input(123_456, Language::English),
        "1234.56"
    );
    assert_eq!(format_money_for_input(120_000, Language::German), "1200");
    assert_eq!(format_money_for_input(5, Language::German), "0,05");
}

#[test]
fn lists_have_one_cell_per_column_for_every_kind() {
    let model = sample_model();
    let formatter = PlainFormatter(Language::German);
    for kind in EntityKind::ALL {
        let rows = list_rows(&model, kind, &formatter);
        assert_eq!(rows.len(), model.entity_count(kind), "{kind:?}");
        for row in rows {
            assert_eq!(row.cells.len(), list_columns(kind).len(), "{kind:?}");
            assert_eq!(row.sort_keys.len(), row.cells.len(), "{kind:?}");
        }
    }
}

#[test]
fn lists_filter_by_every_word_and_sort_numbers_as_numbers() {
    let model = sample_model();
    let formatter = PlainFormatter(Language::German);
    let rows = list_rows(&model, EntityKind::Initiative, &formatter);
    let first_title = rows[0].cells[0].clone();
    let query: String = first_title
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase();
    let filtered = filter_and_sort(rows.clone(), &query, None);
    assert!(filtered.iter().any(|row| row.cells[0] == first_title));
    assert!(filter_and_sort(rows.clone(), "zzzz-nothing", None).is_empty());
    let cost_column = list_columns(EntityKind::Initiative)
        .iter()
        .position(|column| column.label == crate::i18n::Text::ColumnYearlyCost)
        .unwrap();
    let sorted = filter_and_sort(
        rows,
        "",
        Some(ListSort {
            column: cost_column,
            ascending: false,
        }),
    );
    let costs: Vec<f64> = sorted
        .iter()
        .map(|row| match &row.sort_keys[cost_column] {
            lists::SortKey::Number(value) => *value,
            other => panic!("{other:?}"),
        })
        .collect();
    assert!(costs.windows(2).all(|pair| pair[0] >= pair[1]), "{costs:?}");
}

#[test]
fn every_field_problem_has_a_message_in_both_languages() {
    use crate::i18n::messages::describe_field_problem;
    let problems = [
        FieldProblem::Required,
        FieldProblem::NotANumber,
        FieldProblem::NotAWholeNumber,
        FieldProblem::OutOfRange {
            minimum: 1,
            maximum: 5,
        },
        FieldProblem::DecimalOutOfRange {
            minimum: 1.0,
            maximum: 10.0,
        },
        FieldProblem::MoneyTooLarge,
        FieldProblem::NotADate,
        FieldProblem::NotAQuarter,
        FieldProblem::TooLong { maximum: 500 },
        FieldProblem::NotAnEmail,
        FieldProblem::NotACurrencyCode,
        FieldProblem::UnknownChoice,
        FieldProblem::ChosenTwice,
        FieldProblem::InRow {
            row_number: 2,
            column_label: crate::i18n::Text::FieldValue,
            problem: Box::new(FieldProblem::NotANumber),
        },
    ];
    for problem in &problems {
        let german = describe_field_problem(problem, Language::German);
        let english = describe_field_problem(problem, Language::English);
        assert!(!german.is_empty() && !english.is_empty());
        assert_ne!(german, english, "{problem:?}");
    }
}

#[test]
fn criterion_scores_follow_the_criteria_that_exist_when_the_form_is_saved() {
    let mut model = sample_model();
    let criterion = |id: &str, name: &str| crate::model::WeightedCriterion {
        id: id.to_string(),
        name: name.to_string(),
        weight: 50,
    };
    model.settings.weighted_criteria = vec![criterion("c-urgency", "Dringlichkeit")];
    let initiative_id = model.initiatives[0].id.clone();
    model.initiatives[0].scores.criterion_scores = [("c-urgency".to_string(), 4)].into();
    let subject = FormSubject::Entity {
        kind: EntityKind::Initiative,
        existing_id: Some(initiative_id.clone()),
        preset_goal_id: None,
    };
    let mut drafts = read_form(&model, &subject, &context(Language::German)).unwrap();
    set_field(&subject, &mut drafts, "title", text("Neuer Titel"));

    // While the form is open, undo removes the criterion and adds another one that
    // the initiative already had a score for (redo of an older state).
    let mut changed = model.clone();
    changed.settings.weighted_criteria = vec![criterion("c-compliance", "Compliance")];
    changed.initiatives[0].scores.criterion_scores = [("c-compliance".to_string(), 2)].into();
    let commands = write_form(&changed, &subject, &drafts, &context(Language::German)).unwrap();
    let [Command::Update(Entity::Initiative(initiative))] = commands.as_slice() else {
        panic!("one update of the initiative expected: {commands:?}");
    };
    assert_eq!(initiative.title, "Neuer Titel");
    assert_eq!(
        initiative.scores.criterion_scores,
        [("c-compliance".to_string(), 2)].into(),
        "the gone criterion is dropped, the one the form did not show is kept"
    );
    assert!(changed
        .clone()
        .apply(commands[0].clone(), "2026-11-28T10:00:00Z".parse().unwrap())
        .is_ok());
}
