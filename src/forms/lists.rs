//! The lists of every entity kind: columns, the cells of each row, sorting and the text
//! filter, as pure functions over the model.

use super::fields::{CAPABILITY_KIND_OPTIONS, ROLE_OPTIONS, SPEND_KIND_OPTIONS, STATUS_OPTIONS};
use super::{entity_display_name, quarter_display_text};
use crate::i18n::{Language, Text};
use crate::model::formulas::cost::{yearly_cost_of_initiative, yearly_cost_of_spend_item};
use crate::model::formulas::goals::{
    goal_is_measurable, kpi_current_progress, kpi_latest_measurement,
};
use crate::model::formulas::quadrants::Quadrant;
use crate::model::formulas::scoring::InitiativeScoring;
use crate::model::text_fold::fold_case;
use crate::model::*;

/// Formats numbers, money and dates for display. The browser implements it with Intl;
/// tests use a plain one.
pub trait DisplayFormatter {
    fn language(&self) -> Language;
    fn money(&self, cents: MoneyCents) -> String;
    fn decimal(&self, value: f64, maximum_fraction_digits: u8) -> String;
    fn date(&self, date: CalendarDate) -> String;
}

/// A column header of a list. Numeric columns are right-aligned and sorted by number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ListColumn {
    pub label: Text,
    pub numeric: bool,
}

/// How a cell sorts.
#[derive(Debug, Clone, PartialEq)]
pub enum SortKey {
    Text(String),
    Number(f64),
    /// Empty cells sort last in both directions.
    Missing,
}

/// One row of a list: the entity's id, the texts of its cells and how each sorts.
#[derive(Debug, Clone, PartialEq)]
pub struct ListRow {
    pub id: EntityId,
    pub cells: Vec<String>,
    pub sort_keys: Vec<SortKey>,
}

const fn text_column(label: Text) -> ListColumn {
    ListColumn {
        label,
        numeric: false,
    }
}

const fn number_column(label: Text) -> ListColumn {
    ListColumn {
        label,
        numeric: true,
    }
}

/// The columns of the list of a kind; the first one names the entity.
pub fn list_columns(kind: EntityKind) -> &'static [ListColumn] {
    match kind {
        EntityKind::Person => {
            const COLUMNS: &[ListColumn] = &[
                text_column(Text::FieldName),
                text_column(Text::FieldRoles),
                text_column(Text::FieldEmail),
                number_column(Text::ColumnResponsibilities),
            ];
            COLUMNS
        }
        EntityKind::Goal => {
            const COLUMNS: &[ListColumn] = &[
                text_column(Text::FieldTitle),
                number_column(Text::FieldWeight),
                text_column(Text::FieldOwner),
                number_column(Text::ColumnKpiCount),
                text_column(Text::ColumnMeasurable),
            ];
            COLUMNS
        }
        EntityKind::Kpi => {
            const COLUMNS: &[ListColumn] = &[
                text_column(Text::FieldName),
                text_column(Text::FieldGoal),
                number_column(Text::FieldBaseline),
                number_column(Text::FieldTarget),
                number_column(Text::ColumnLatestValue),
                number_column(Text::ColumnProgress),
            ];
            COLUMNS
        }
        EntityKind::BusinessProcess => {
            const COLUMNS: &[ListColumn] = &[
                text_column(Text::FieldName),
                text_column(Text::FieldOwner),
                number_column(Text::ColumnCapabilityCount),
            ];
            COLUMNS
        }
        EntityKind::Capability => {
            const COLUMNS: &[ListColumn] = &[
                text_column(Text::FieldName),
                text_column(Text::FieldCapabilityKind),
                text_column(Text::ColumnMaturity),
                text_column(Text::FieldOwner),
                number_column(Text::ColumnGoalCount),
            ];
            COLUMNS
        }
        EntityKind::DataObject => {
            const COLUMNS: &[ListColumn] = &[
                text_column(Text::FieldName),
                text_column(Text::FieldDataOwner),
                number_column(Text::FieldDataQuality),
            ];
            COLUMNS
        }
        EntityKind::Initiative => {
            const COLUMNS: &[ListColumn] = &[
                text_column(Text::FieldTitle),
                text_column(Text::ColumnQuadrant),
                text_column(Text::FieldStatus),
                text_column(Text::FieldOwner),
                number_column(Text::ColumnValueShort),
                number_column(Text::ColumnEffortShort),
                text_column(Text::FieldStart),
                number_column(Text::ColumnYearlyCost),
            ];
            COLUMNS
        }
        EntityKind::SpendItem => {
            const COLUMNS: &[ListColumn] = &[
                text_column(Text::FieldName),
                text_column(Text::FieldSpendKind),
                text_column(Text::FieldVendor),
                number_column(Text::ColumnYearlyCost),
                number_column(Text::ColumnProcessCount),
                number_column(Text::ColumnGoalCount),
            ];
            COLUMNS
        }
        EntityKind::Review => {
            const COLUMNS: &[ListColumn] = &[
                text_column(Text::FieldQuarter),
                text_column(Text::FieldReviewDate),
                number_column(Text::ColumnKpiActualCount),
                number_column(Text::ColumnDecisionCount),
            ];
            COLUMNS
        }
        EntityKind::WorkshopSession => {
            const COLUMNS: &[ListColumn] = &[text_column(Text::FieldTitle)];
            COLUMNS
        }
    }
}

/// Builds the cells of one row.
struct RowBuilder<'formatter> {
    formatter: &'formatter dyn DisplayFormatter,
    cells: Vec<String>,
    sort_keys: Vec<SortKey>,
}

impl RowBuilder<'_> {
    fn text(&mut self, text: String) {
        self.sort_keys.push(if text.is_empty() {
            SortKey::Missing
        } else {
            SortKey::Text(fold_case(&text))
        });
        self.cells.push(text);
    }

    fn label(&mut self, text: Text) {
        self.text(text.in_language(self.formatter.language()).to_string());
    }

    fn count(&mut self, count: usize) {
        self.cells.push(count.to_string());
        self.sort_keys.push(SortKey::Number(count as f64));
    }

    fn number(&mut self, value: Option<f64>, fraction_digits: u8) {
        match value {
            Some(value) => {
                self.cells
                    .push(self.formatter.decimal(value, fraction_digits));
                self.sort_keys.push(SortKey::Number(value));
            }
            None => {
                self.cells.push(String::new());
                self.sort_keys.push(SortKey::Missing);
            }
        }
    }

    fn money(&mut self, cents: MoneyCents) {
        self.cells.push(self.formatter.money(cents));
        self.sort_keys.push(SortKey::Number(cents as f64));
    }

    /// A quarter or date, sorted by its ISO text so that time order holds.
    fn time(&mut self, display: String, iso: String) {
        self.sort_keys.push(if iso.is_empty() {
            SortKey::Missing
        } else {
            SortKey::Text(iso)
        });
        self.cells.push(display);
    }

    fn name_of(&mut self, model: &Model, kind: EntityKind, id: &Option<EntityId>) {
        let name = id
            .as_deref()
            .and_then(|id| entity_display_name(model, kind, id))
            .unwrap_or_default();
        self.text(name);
    }
}

/// The rows of the list of a kind, in the model's order.
pub fn list_rows(
    model: &Model,
    kind: EntityKind,
    formatter: &dyn DisplayFormatter,
) -> Vec<ListRow> {
    let mut rows = Vec::new();
    let mut push = |id: &EntityId, fill: &mut dyn FnMut(&mut RowBuilder)| {
        let mut builder = RowBuilder {
            formatter,
            cells: Vec::new(),
            sort_keys: Vec::new(),
        };
        fill(&mut builder);
        rows.push(ListRow {
            id: id.clone(),
            cells: builder.cells,
            sort_keys: builder.sort_keys,
        });
    };
    let language = formatter.language();
    match kind {
        EntityKind::Person => {
            for person in &model.people {
                push(&person.id, &mut |row| {
                    row.text(person.name.clone());
                    let roles: Vec<&str> = person
                        .roles
                        .iter()
                        .map(|role| ROLE_OPTIONS[*role as usize].label.in_language(language))
                        .collect();
                    row.text(roles.join(", "));
                    row.text(person.email.clone().unwrap_or_default());
                    row.count(responsibility_count(model, &person.id));
                });
            }
        }
        EntityKind::Goal => {
            for goal in &model.goals {
                push(&goal.id, &mut |row| {
                    row.text(goal.title.clone());
                    row.count(usize::from(goal.weight));
                    row.name_of(model, EntityKind::Person, &goal.owner_id);
                    row.count(
                        model
                            .kpis
                            .iter()
                            .filter(|kpi| kpi.goal_id == goal.id)
                            .count(),
                    );
                    row.label(if goal_is_measurable(model, &goal.id) {
                        Text::Yes
                    } else {
                        Text::No
                    });
                });
            }
        }
        EntityKind::Kpi => {
            for kpi in &model.kpis {
                push(&kpi.id, &mut |row| {
                    row.text(kpi.name.clone());
                    row.name_of(model, EntityKind::Goal, &Some(kpi.goal_id.clone()));
                    row.number(kpi.baseline, 2);
                    row.number(kpi.target, 2);
                    row.number(
                        kpi_latest_measurement(kpi).map(|measurement| measurement.value),
                        2,
                    );
                    row.number(
                        kpi_current_progress(kpi).map(|progress| progress * 100.0),
                        0,
                    );
                });
            }
        }
        EntityKind::BusinessProcess => {
            for process in &model.processes {
                push(&process.id, &mut |row| {
                    row.text(process.name.clone());
                    row.name_of(model, EntityKind::Person, &process.owner_id);
                    row.count(
                        model
                            .capabilities
                            .iter()
                            .filter(|capability| capability.process_ids.contains(&process.id))
                            .count(),
                    );
                });
            }
        }
        EntityKind::Capability => {
            for capability in &model.capabilities {
                push(&capability.id, &mut |row| {
                    row.text(capability.name.clone());
                    row.label(CAPABILITY_KIND_OPTIONS[capability.kind as usize].label);
                    row.text(format!(
                        "{} → {}",
                        capability.current_maturity, capability.target_maturity
                    ));
                    row.name_of(model, EntityKind::Person, &capability.owner_id);
                    row.count(capability.goal_ids.len());
                });
            }
        }
        EntityKind::DataObject => {
            for data_object in &model.data_objects {
                push(&data_object.id, &mut |row| {
                    row.text(data_object.name.clone());
                    row.name_of(model, EntityKind::Person, &data_object.data_owner_id);
                    row.number(data_object.quality_rating.map(f64::from), 0);
                });
            }
        }
        EntityKind::Initiative => {
            // One scoring context for the whole list: it looks the goals up once.
            let scoring = InitiativeScoring::new(model);
            for initiative in &model.initiatives {
                push(&initiative.id, &mut |row| {
                    row.text(initiative.title.clone());
                    row.text(
                        scoring
                            .quadrant(initiative)
                            .map(|quadrant| quadrant_label(&model.settings, quadrant, language))
                            .unwrap_or_default(),
                    );
                    row.label(STATUS_OPTIONS[initiative.status as usize].label);
                    row.name_of(model, EntityKind::Person, &initiative.owner_id);
                    row.number(initiative.scores.value.map(f64::from), 0);
                    row.number(initiative.scores.effort.map(f64::from), 0);
                    let display = initiative
                        .start
                        .map(quarter_display_text)
                        .unwrap_or_default();
                    let iso = initiative
                        .start
                        .map(|quarter| quarter.to_string())
                        .unwrap_or_default();
                    row.time(display, iso);
                    row.money(yearly_cost_of_initiative(model, initiative));
                });
            }
        }
        EntityKind::SpendItem => {
            for spend_item in &model.spend_items {
                push(&spend_item.id, &mut |row| {
                    row.text(spend_item.name.clone());
                    row.label(SPEND_KIND_OPTIONS[spend_item.kind as usize].label);
                    row.text(spend_item.vendor.clone());
                    row.money(yearly_cost_of_spend_item(model, spend_item));
                    row.count(spend_item.process_ids.len());
                    row.count(spend_item.goal_ids.len());
                });
            }
        }
        EntityKind::Review => {
            for review in &model.reviews {
                push(&review.id, &mut |row| {
                    row.time(
                        quarter_display_text(review.quarter),
                        review.quarter.to_string(),
                    );
                    row.time(
                        formatter.date(review.date),
                        crate::i18n::numbers::iso_date_text(review.date),
                    );
                    row.count(review.kpi_actuals.len());
                    row.count(review.decisions.len());
                });
            }
        }
        EntityKind::WorkshopSession => {
            for session in &model.workshop_sessions {
                push(&session.id, &mut |row| row.text(session.title.clone()));
            }
        }
    }
    rows
}

/// How many things a person is responsible for (owner or data owner).
pub fn responsibility_count(model: &Model, person_id: &str) -> usize {
    let owns = |owner: &Option<EntityId>| owner.as_deref() == Some(person_id);
    model
        .goals
        .iter()
        .filter(|entity| owns(&entity.owner_id))
        .count()
        + model
            .kpis
            .iter()
            .filter(|entity| owns(&entity.owner_id))
            .count()
        + model
            .processes
            .iter()
            .filter(|entity| owns(&entity.owner_id))
            .count()
        + model
            .capabilities
            .iter()
            .filter(|entity| owns(&entity.owner_id))
            .count()
        + model
            .data_objects
            .iter()
            .filter(|entity| owns(&entity.data_owner_id))
            .count()
        + model
            .initiatives
            .iter()
            .filter(|entity| owns(&entity.owner_id))
            .count()
        + model
            .spend_items
            .iter()
            .filter(|entity| owns(&entity.owner_id))
            .count()
}

/// The sorting of a list: which column, and whether ascending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListSort {
    pub column: usize,
    pub ascending: bool,
}

/// Keeps the rows whose cells contain every word of `query` (ignoring case), and
/// sorts them by `sort` (stable, so equal rows keep the model's order).
pub fn filter_and_sort(
    mut rows: Vec<ListRow>,
    query: &str,
    sort: Option<ListSort>,
) -> Vec<ListRow> {
    let words: Vec<String> = query.split_whitespace().map(fold_case).collect();
    if !words.is_empty() {
        rows.retain(|row| {
            let haystack = fold_case(&row.cells.join(" "));
            words.iter().all(|word| haystack.contains(word.as_str()))
        });
    }
    if let Some(sort) = sort {
        rows.sort_by(|left, right| {
            let left_key = left.sort_keys.get(sort.column).unwrap_or(&SortKey::Missing);
            let right_key = right
                .sort_keys
                .get(sort.column)
                .unwrap_or(&SortKey::Missing);
            compare_sort_keys(left_key, right_key, sort.ascending)
        });
    }
    rows
}

fn compare_sort_keys(left: &SortKey, right: &SortKey, ascending: bool) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let ordering = match (left, right) {
        (SortKey::Missing, SortKey::Missing) => return Ordering::Equal,
        (SortKey::Missing, _) => return Ordering::Greater,
        (_, SortKey::Missing) => return Ordering::Less,
        (SortKey::Number(left), SortKey::Number(right)) => left.total_cmp(right),
        (SortKey::Text(left), SortKey::Text(right)) => left.cmp(right),
        (SortKey::Number(_), SortKey::Text(_)) => Ordering::Less,
        (SortKey::Text(_), SortKey::Number(_)) => Ordering::Greater,
    };
    if ascending {
        ordering
    } else {
        ordering.reverse()
    }
}

/// The name of a quadrant: the model's own label if it has one, else the default in
/// `language` (DESIGN.md section 3).
pub fn quadrant_label(settings: &Settings, quadrant: Quadrant, language: Language) -> String {
    let labels = &settings.quadrant_labels;
    let (custom, default) = match quadrant {
        Quadrant::QuickWin => (&labels.quick_win, Text::QuadrantQuickWin),
        Quadrant::PlatformTopic => (&labels.platform_topic, Text::QuadrantPlatformTopic),
        Quadrant::FillIn => (&labels.fill_in, Text::QuadrantFillIn),
        Quadrant::TimeSink => (&labels.time_sink, Text::QuadrantTimeSink),
    };
    custom
        .as_deref()
        .map(str::trim)
        .filter(|label| !label.is_empty())
        .map_or_else(|| default.in_language(language).to_string(), str::to_string)
}
