//! One list component for every entity kind: a sortable, filterable table whose first
//! column links to the entity's editor, with an empty state that says what to do.
//!
//! The frame (heading, "new" button, filter field) is a Leptos view; the table is
//! built with [`crate::ui::dom`] from the pure rows of `forms::lists` whenever the
//! model, the language, the filter, the sorting or the focused entity changes. Sorting
//! is one delegated click listener on the table reading `data-sort` from the header
//! button that was clicked.

use leptos::prelude::*;

use crate::forms::lists::{
    filter_and_sort, list_columns, list_rows, DisplayFormatter, ListColumn, ListRow, ListSort,
};
use crate::forms::{self};
use crate::i18n::{intl, messages, Language, Text};
use crate::model::{CalendarDate, EntityKind, MoneyCents};
use crate::route::ScreenName;
use crate::state::AppState;
use crate::ui::dom::{self, Dom};
use crate::ui::entity_form::EditorControl;
use crate::ui::{translate_attribute, translated_element};

/// Formats through the browser's Intl in the model's currency.
pub struct IntlFormatter {
    pub language: Language,
    pub currency: String,
}

impl DisplayFormatter for IntlFormatter {
    fn language(&self) -> Language {
        self.language
    }

    fn money(&self, cents: MoneyCents) -> String {
        intl::format_money(cents, &self.currency, self.language)
    }

    fn decimal(&self, value: f64, maximum_fraction_digits: u8) -> String {
        intl::format_decimal(value, maximum_fraction_digits, self.language)
    }

    fn date(&self, date: CalendarDate) -> String {
        intl::format_calendar_date(date, self.language)
    }
}

/// The text shown when a list has no entries yet.
fn empty_state_text(kind: EntityKind) -> Text {
    match kind {
        EntityKind::Person => Text::EmptyPeople,
        EntityKind::Goal => Text::EmptyGoals,
        EntityKind::Kpi => Text::EmptyKpis,
        EntityKind::BusinessProcess => Text::EmptyProcesses,
        EntityKind::Capability => Text::EmptyCapabilities,
        EntityKind::DataObject => Text::EmptyDataObjects,
        EntityKind::Initiative => Text::EmptyInitiatives,
        EntityKind::SpendItem => Text::EmptySpendItems,
        EntityKind::Review | EntityKind::WorkshopSession => Text::EmptyReviews,
    }
}

/// Everything the table is built from.
struct TableInput<'rows> {
    slug: &'static str,
    screen: ScreenName,
    columns: &'static [ListColumn],
    rows: &'rows [ListRow],
    total_rows: usize,
    sort: Option<ListSort>,
    focused_id: Option<&'rows str>,
    kind: EntityKind,
    language: Language,
}

fn build_table(input: TableInput) -> Vec<Dom> {
    let language = input.language;
    if input.total_rows == 0 {
        return vec![Dom::with_class("p", "empty-state")
            .attr("data-testid", &format!("{}-empty", input.slug))
            .text(empty_state_text(input.kind).in_language(language))];
    }
    let header = Dom::new("tr");
    for (column_index, column) in input.columns.iter().enumerate() {
        let aria_sort = match input.sort {
            Some(sort) if sort.column == column_index && sort.ascending => "ascending",
            Some(sort) if sort.column == column_index => "descending",
            _ => "none",
        };
        header.push(
            Dom::new("th")
                .attr("scope", "col")
                .attr_if(column.numeric, "class", "numeric")
                .attr("aria-sort", aria_sort)
                .child(
                    Dom::with_class("button", "sort-button")
                        .attr("type", "button")
                        .attr("data-sort", &column_index.to_string())
                        .attr(
                            "data-testid",
                            &format!("{}-sort-{column_index}", input.slug),
                        )
                        .text(column.label.in_language(language)),
                ),
        );
    }
    let body = Dom::new("tbody");
    for row in input.rows {
        let table_row = Dom::new("tr")
            .attr("data-testid", &format!("{}-row", input.slug))
            .attr_if(
                input.focused_id == Some(row.id.as_str()),
                "class",
                "selected",
            );
        for (position, cell) in row.cells.iter().enumerate() {
            if position == 0 {
                table_row.push(
                    Dom::new("th").attr("scope", "row").child(
                        Dom::new("a")
                            .attr("href", &input.screen.entity_href(&row.id))
                            .text(cell),
                    ),
                );
            } else {
                let numeric = input
                    .columns
                    .get(position)
                    .is_some_and(|column| column.numeric);
                table_row.push(
                    Dom::new("td")
                        .attr_if(numeric, "class", "numeric")
                        .text(cell),
                );
            }
        }
        body.push(table_row);
    }
    let table = Dom::with_class("div", "table-scroll").child(
        Dom::with_class("table", "entity-table")
            .attr("data-testid", &format!("{}-table", input.slug))
            .child(Dom::new("thead").child(header))
            .child(body),
    );
    let mut children = vec![table];
    if input.rows.is_empty() {
        children.push(
            Dom::with_class("p", "empty-state")
                .attr("role", "status")
                .text(Text::NoMatches.in_language(language)),
        );
    }
    children
}

pub fn entity_list(kind: EntityKind, control: EditorControl) -> Dom {
    let state = expect_context::<AppState>();
    let language = state.language;
    let slug = forms::kind_slug(kind);
    let query = RwSignal::new(String::new());
    let sort = RwSignal::new(None::<ListSort>);
    let table = Dom::with_class("div", "list-table");
    let container = table.element();

    dom::effect(move || {
        let language = language.get();
        let focused_id = state
            .route
            .with(|route| route.focused_id().map(str::to_string));
        let sort_now = sort.get();
        let (rows, total_rows) = state.model.with(|model| {
            let formatter = IntlFormatter {
                language,
                currency: model.currency.clone(),
            };
            let all_rows = list_rows(model, kind, &formatter);
            let total_rows = all_rows.len();
            (
                query.with(|query| filter_and_sort(all_rows, query, sort_now)),
                total_rows,
            )
        });
        let children = build_table(TableInput {
            slug,
            screen: control.screen,
            columns: list_columns(kind),
            rows: &rows,
            total_rows,
            sort: sort_now,
            focused_id: focused_id.as_deref(),
            kind,
            language,
        });
        dom::replace_children(&container, children);
    });

    let on_table_click = move |event: leptos::ev::MouseEvent| {
        if let Some(button) = dom::closest_with(&event, "data-sort") {
            let Some(column) = dom::index_attribute(&button, "data-sort") else {
                return;
            };
            sort.update(|sort| {
                let ascending = !matches!(*sort, Some(current) if current.column == column && current.ascending);
                *sort = Some(ListSort { column, ascending });
            });
            // The table is rebuilt; keep the keyboard on the same header button.
            crate::browser::focus_element_soon_by_selector(format!(
                "[data-testid=\"{slug}-sort-{column}\"]"
            ));
        } else if dom::closest_with(&event, "href").is_some() {
            control.creating.set(None);
        }
    };

    let heading_id = format!("{slug}-list-heading");
    let search_id = format!("{slug}-search");
    let heading = Dom::new("h2").attr("id", &heading_id);
    let new_button = Dom::with_class("button", "button primary")
        .attr("type", "button")
        .attr("data-testid", &format!("new-{slug}"));
    let search = Dom::new("input")
        .attr("type", "search")
        .attr("id", &search_id)
        .attr("data-testid", &search_id);
    translate_attribute(&search, "placeholder", Text::SearchPlaceholder);
    let tools = Dom::with_class("div", "list-tools")
        .child(translated_element("label", Text::SearchLabel).attr("for", &search_id))
        .child(search);
    // Names follow the language; the search is hidden while the list is empty.
    let heading_element = heading.element();
    let button_element = new_button.element();
    let tools_element = tools.element();
    dom::effect(move || {
        let language = language.get();
        heading_element.set_text_content(Some(messages::entity_kind_plural(kind, language)));
        button_element.set_text_content(Some(&format!(
            "+ {}",
            messages::entity_kind_singular_capitalized(kind, language)
        )));
        let has_rows = state.model.with(|model| model.entity_count(kind) > 0);
        let _ = tools_element
            .class_list()
            .toggle_with_force("hidden", !has_rows);
    });
    dom::listen(
        &new_button.element(),
        "click",
        move |_: web_sys::MouseEvent| control.open_new(kind, None),
    );
    dom::listen(&tools.element(), "input", move |event: web_sys::Event| {
        if let Some(input) = dom::event_element(&event) {
            query.set(dom::element_value(&input));
        }
    });
    dom::listen(&table.element(), "click", on_table_click);
    Dom::with_class("section", "entity-list")
        .attr("aria-labelledby", &heading_id)
        .attr("data-testid", &format!("{slug}-list"))
        .child(
            Dom::with_class("div", "list-header")
                .child(heading)
                .child(new_button),
        )
        .child(tools)
        .child(table)
}
