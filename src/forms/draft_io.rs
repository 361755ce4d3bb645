//! Turning field values into the texts inputs show, and typed texts back into values.
//!
//! [`DraftReader`] and [`DraftWriter`] walk the fields of a form in display order, so
//! the per-kind code in `fields.rs` reads like a list of the entity's fields. The
//! writer never stops at the first problem: it records a [`FieldProblem`] with the
//! field's index and goes on with a neutral value, so the user sees every problem at
//! once.

use std::ops::RangeInclusive;

use super::{ChoiceOption, FieldDraft, FieldProblem, FormProblems, RowDraft};
use crate::i18n::numbers::parse_localized_decimal;
use crate::i18n::{Language, Text};
use crate::model::validation::{MAX_MONEY_CENTS, MAX_TEXT_LENGTH, MAX_TITLE_LENGTH};
use crate::model::{CalendarDate, EntityId, MoneyCents, Quarter};

/// Collects the drafts of a form, field by field.
pub(super) struct DraftReader {
    pub(super) language: Language,
    pub(super) drafts: Vec<FieldDraft>,
}

impl DraftReader {
    pub(super) fn new(language: Language) -> DraftReader {
        DraftReader {
            language,
            drafts: Vec::new(),
        }
    }

    pub(super) fn text(&mut self, value: &str) {
        self.drafts.push(FieldDraft::Text(value.to_string()));
    }

    pub(super) fn optional_text(&mut self, value: &Option<String>) {
        self.text(value.as_deref().unwrap_or(""));
    }

    pub(super) fn lines(&mut self, values: &[String]) {
        self.text(&values.join("\n"));
    }

    pub(super) fn tags(&mut self, values: &[String]) {
        self.text(&values.join(", "));
    }

    pub(super) fn integer(&mut self, value: Option<i64>) {
        self.text(&value.map(|value| value.to_string()).unwrap_or_default());
    }

    pub(super) fn decimal(&mut self, value: Option<f64>) {
        self.text(
            &value
                .map(|value| decimal_input_text(value, self.language))
                .unwrap_or_default(),
        );
    }

    pub(super) fn money(&mut self, cents: Option<MoneyCents>) {
        self.text(
            &cents
                .map(|cents| format_money_for_input(cents, self.language))
                .unwrap_or_default(),
        );
    }

    pub(super) fn date(&mut self, value: Option<CalendarDate>) {
        self.text(
            &value
                .map(crate::i18n::numbers::iso_date_text)
                .unwrap_or_default(),
        );
    }

    pub(super) fn quarter(&mut self, value: Option<Quarter>) {
        self.text(&value.map(super::quarter_display_text).unwrap_or_default());
    }

    /// The code of `value` among `options`, whose order matches `all_values`.
    pub(super) fn choice<T: PartialEq>(
        &mut self,
        value: Option<&T>,
        options: &[ChoiceOption],
        all_values: &[T],
    ) {
        let code = value
            .and_then(|value| all_values.iter().position(|candidate| candidate == value))
            .and_then(|position| options.get(position))
            .map_or("", |option| option.code);
        self.text(code);
    }

    pub(super) fn choice_set<T: PartialEq>(
        &mut self,
        values: &[T],
        options: &[ChoiceOption],
        all_values: &[T],
    ) {
        let codes = all_values
            .iter()
            .zip(options)
            .filter(|(candidate, _)| values.contains(candidate))
            .map(|(_, option)| option.code.to_string())
            .collect();
        self.drafts.push(FieldDraft::Selection(codes));
    }

    pub(super) fn reference(&mut self, value: &Option<EntityId>) {
        self.optional_text(value);
    }

    pub(super) fn references(&mut self, values: &[EntityId]) {
        self.drafts.push(FieldDraft::Selection(values.to_vec()));
    }

    pub(super) fn rows(&mut self, rows: Vec<RowDraft>) {
        self.drafts.push(FieldDraft::Rows(rows));
    }
}

/// Reads the drafts of a form back, field by field, collecting problems.
pub(super) struct DraftWriter<'drafts> {
    pub(super) language: Language,
    drafts: &'drafts [FieldDraft],
    next_index: usize,
    pub(super) problems: FormProblems,
}

static EMPTY_DRAFT: FieldDraft = FieldDraft::Text(String::new());

impl<'drafts> DraftWriter<'drafts> {
    pub(super) fn new(drafts: &'drafts [FieldDraft], language: Language) -> DraftWriter<'drafts> {
        DraftWriter {
            language,
            drafts,
            next_index: 0,
            problems: Vec::new(),
        }
    }

    /// The next field's draft and index. A form with fewer drafts than fields (which
    /// the UI never builds) reads as empty rather than failing.
    fn next_draft(&mut self) -> (usize, &'drafts FieldDraft) {
        let index = self.next_index;
        self.next_index += 1;
        (index, self.drafts.get(index).unwrap_or(&EMPTY_DRAFT))
    }

    fn report(&mut self, index: usize, problem: FieldProblem) {
        self.problems.push((index, problem));
    }

    /// Runs `read` on the next field's text and records its problem, if any.
    fn read_text<T>(
        &mut self,
        read: impl FnOnce(&str, Language) -> Result<T, FieldProblem>,
    ) -> Option<T> {
        let (index, draft) = self.next_draft();
        match read(draft.text().trim(), self.language) {
            Ok(value) => Some(value),
            Err(problem) => {
                self.report(index, problem);
                None
            }
        }
    }

    pub(super) fn long_text(&mut self) -> String {
        self.read_text(|text, _| limited_text(text, MAX_TEXT_LENGTH))
            .unwrap_or_default()
    }

    pub(super) fn lines(&mut self) -> Vec<String> {
        self.read_text(|text, _| {
            limited_text(text, MAX_TEXT_LENGTH).map(|text| {
                text.lines()
                    .map(str::trim)
                    .filter(|line| !line.is_empty())
                    .map(str::to_string)
                    .collect()
            })
        })
        .unwrap_or_default()
    }

    pub(super) fn tags(&mut self) -> Vec<String> {
        let mut tags: Vec<String> = Vec::new();
        for tag in self
            .read_text(|text, _| limited_text(text, MAX_TEXT_LENGTH))
            .unwrap_or_default()
            .split([',', ';'])
            .map(str::trim)
            .filter(|tag| !tag.is_empty())
        {
            if !tags.iter().any(|existing| existing == tag) {
                tags.push(tag.to_string());
            }
        }
        tags
    }

    pub(super) fn email(&mut self) -> Option<String> {
        self.read_text(|text, _| {
            if text.is_empty() {
                return Ok(None);
            }
            let (local, domain) = text.split_once('@').ok_or(FieldProblem::NotAnEmail)?;
            let plausible = !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !text.contains(char::is_whitespace)
                && text.len() <= crate::model::validation::MAX_EMAIL_LENGTH;
            if plausible {
                Ok(Some(text.to_string()))
            } else {
                Err(FieldProblem::NotAnEmail)
            }
        })
        .flatten()
    }

    /// A whole number in `range`, or `None` when empty (or invalid, with a problem).
    pub(super) fn optional_integer(&mut self, range: RangeInclusive<i64>) -> Option<i64> {
        self.read_text(|text, language| {
            optional(text, |text| parse_integer(text, language, &range))
        })
        .flatten()
    }

    /// A whole number in `range` that must be given; `fallback` stands in when the
    /// field has a problem.
    pub(super) fn optional_decimal(&mut self) -> Option<f64> {
        self.read_text(|text, language| optional(text, |text| parse_decimal(text, language)))
            .flatten()
    }

    pub(super) fn decimal_in_range(&mut self, range: RangeInclusive<f64>, fallback: f64) -> f64 {
        self.read_text(|text, language| {
            required_value(text, |text| {
                let value = parse_decimal(text, language)?;
                if range.contains(&value) {
                    Ok(value)
                } else {
                    Err(FieldProblem::DecimalOutOfRange {
                        minimum: *range.start(),
                        maximum: *range.end(),
                    })
                }
            })
        })
        .unwrap_or(fallback)
    }

    pub(super) fn optional_money(&mut self) -> Option<MoneyCents> {
        self.read_text(|text, language| optional(text, |text| parse_money(text, language)))
            .flatten()
    }

    pub(super) fn optional_date(&mut self) -> Option<CalendarDate> {
        self.read_text(|text, _| optional(text, parse_date))
            .flatten()
    }

    pub(super) fn required_date(&mut self, fallback: CalendarDate) -> CalendarDate {
        self.read_text(|text, _| required_value(text, parse_date))
            .unwrap_or(fallback)
    }

    pub(super) fn optional_quarter(&mut self) -> Option<Quarter> {
        self.read_text(|text, _| optional(text, parse_quarter))
            .flatten()
    }

    /// One of `all_values` by the code of its option, or `None` when empty.
    pub(super) fn optional_choice<T: Copy>(
        &mut self,
        options: &[ChoiceOption],
        all_values: &[T],
    ) -> Option<T> {
        self.read_text(|text, _| optional(text, |code| choice_by_code(code, options, all_values)))
            .flatten()
    }

    pub(super) fn choice_set<T: Copy>(
        &mut self,
        options: &[ChoiceOption],
        all_values: &[T],
    ) -> Vec<T> {
        let (_, draft) = self.next_draft();
        options
            .iter()
            .zip(all_values)
            .filter(|(option, _)| draft.selection().iter().any(|code| code == option.code))
            .map(|(_, value)| *value)
            .collect()
    }

    /// An entity id; that it exists is checked by the command, which names the field.
    pub(super) fn optional_reference(&mut self) -> Option<EntityId> {
        self.read_text(|text, _| Ok(Some(text.to_string()).filter(|id| !id.is_empty())))
            .flatten()
    }

    pub(super) fn references(&mut self) -> Vec<EntityId> {
        let (_, draft) = self.next_draft();
        let mut ids: Vec<EntityId> = Vec::new();
        for id in draft.selection() {
            if !id.is_empty() && !ids.contains(id) {
                ids.push(id.clone());
            }
        }
        ids
    }

    /// The rows of a table field, each read by `read_row` from a [`RowReader`]. Rows
    /// whose cells are all empty are skipped, so an added but unused row does no harm.
    pub(super) fn rows<T>(
        &mut self,
        columns: &'static [super::RowColumn],
        mut read_row: impl FnMut(&mut RowReader, &RowDraft) -> T,
    ) -> Vec<T> {
        let (index, draft) = self.next_draft();
        let mut values = Vec::new();
        for (row_index, row) in draft.rows().iter().enumerate() {
            if row.cells.iter().all(|cell| cell.trim().is_empty()) {
                continue;
            }
            let mut reader = RowReader {
                language: self.language,
                cells: &row.cells,
                columns,
                next_column: 0,
                problem: None,
            };
            let value = read_row(&mut reader, row);
            match reader.problem {
                Some((column_label, problem)) => self.report(
                    index,
                    FieldProblem::InRow {
                        row_number: row_index + 1,
                        column_label,
                        problem: Box::new(problem),
                    },
                ),
                None => values.push(value),
            }
        }
        values
    }

    /// Records a problem with the field read last (for checks across rows).
    pub(super) fn report_on_last_field(&mut self, problem: FieldProblem) {
        let index = self.next_index.saturating_sub(1);
        self.report(index, problem);
    }
}

/// Reads the cells of one table row, column by column; keeps the first problem.
pub(super) struct RowReader<'cells> {
    language: Language,
    cells: &'cells [String],
    columns: &'static [super::RowColumn],
    next_column: usize,
    problem: Option<(Text, FieldProblem)>,
}

impl RowReader<'_> {
    fn read_cell<T>(
        &mut self,
        read: impl FnOnce(&str, Language) -> Result<T, FieldProblem>,
    ) -> Option<T> {
        let column = self.next_column;
        self.next_column += 1;
        let text = self.cells.get(column).map_or("", |cell| cell.trim());
        match read(text, self.language) {
            Ok(value) => Some(value),
            Err(problem) => {
                if self.problem.is_none() {
                    let label = self
                        .columns
                        .get(column)
                        .map_or(Text::RequiredField, |column| column.label);
                    self.problem = Some((label, problem));
                }
                None
            }
        }
    }

    pub(super) fn required_decimal(&mut self) -> f64 {
        self.read_cell(|text, language| required_value(text, |text| parse_decimal(text, language)))
            .unwrap_or(0.0)
    }
}

/// Reading typed values from a sequence of texts, shared by the fields of a form
/// ([`DraftWriter`]) and the cells of a table row ([`RowReader`]): each implements
/// only how the next text is taken and where a problem goes.
pub(super) trait ReadsTexts {
    /// Runs `read` on the next text; `None` when it has a problem (recorded).
    fn read_next<T>(
        &mut self,
        read: impl FnOnce(&str, Language) -> Result<T, FieldProblem>,
    ) -> Option<T>;

    /// A short text (names, titles, notes), possibly empty.
    fn title(&mut self) -> String {
        self.read_next(|text, _| limited_text(text, MAX_TITLE_LENGTH))
            .unwrap_or_default()
    }

    /// A short text that must be given (titles, names).
    fn required_title(&mut self) -> String {
        self.read_next(|text, _| required(limited_text(text, MAX_TITLE_LENGTH)))
            .unwrap_or_default()
    }

    /// An entity id that must be chosen; that it exists is checked by the command.
    fn required_reference(&mut self) -> EntityId {
        self.read_next(|text, _| required(Ok(text.to_string())))
            .unwrap_or_default()
    }

    /// A whole number in `range` that must be given; `fallback` stands in when the
    /// text has a problem.
    fn required_integer(&mut self, range: RangeInclusive<i64>, fallback: i64) -> i64 {
        self.read_next(|text, language| {
            required_value(text, |text| parse_integer(text, language, &range))
        })
        .unwrap_or(fallback)
    }

    /// Money: empty counts as zero.
    fn money(&mut self) -> MoneyCents {
        self.read_next(|text, language| optional(text, |text| parse_money(text, language)))
            .flatten()
            .unwrap_or(0)
    }

    fn required_quarter(&mut self, fallback: Quarter) -> Quarter {
        self.read_next(|text, _| required_value(text, parse_quarter))
            .unwrap_or(fallback)
    }

    /// One of `all_values` by the code of its option, which must be chosen.
    fn required_choice<T: Copy>(
        &mut self,
        options: &[ChoiceOption],
        all_values: &[T],
        fallback: T,
    ) -> T {
        self.read_next(|text, _| {
            required_value(text, |code| choice_by_code(code, options, all_values))
        })
        .unwrap_or(fallback)
    }
}

impl ReadsTexts for DraftWriter<'_> {
    fn read_next<T>(
        &mut self,
        read: impl FnOnce(&str, Language) -> Result<T, FieldProblem>,
    ) -> Option<T> {
        self.read_text(read)
    }
}

impl ReadsTexts for RowReader<'_> {
    fn read_next<T>(
        &mut self,
        read: impl FnOnce(&str, Language) -> Result<T, FieldProblem>,
    ) -> Option<T> {
        self.read_cell(read)
    }
}

fn required(result: Result<String, FieldProblem>) -> Result<String, FieldProblem> {
    match result {
        Ok(text) if text.is_empty() => Err(FieldProblem::Required),
        other => other,
    }
}

fn required_value<T>(
    text: &str,
    parse: impl FnOnce(&str) -> Result<T, FieldProblem>,
) -> Result<T, FieldProblem> {
    if text.is_empty() {
        Err(FieldProblem::Required)
    } else {
        parse(text)
    }
}

fn optional<T>(
    text: &str,
    parse: impl FnOnce(&str) -> Result<T, FieldProblem>,
) -> Result<Option<T>, FieldProblem> {
    if text.is_empty() {
        Ok(None)
    } else {
        parse(text).map(Some)
    }
}

fn limited_text(text: &str, maximum: usize) -> Result<String, FieldProblem> {
    if text.chars().count() > maximum {
        Err(FieldProblem::TooLong { maximum })
    } else {
        Ok(text.to_string())
    }
}

fn parse_decimal(text: &str, language: Language) -> Result<f64, FieldProblem> {
    parse_localized_decimal(text, language).map_err(|_| FieldProblem::NotANumber)
}

fn parse_integer(
    text: &str,
    language: Language,
    range: &RangeInclusive<i64>,
) -> Result<i64, FieldProblem> {
    let value = parse_decimal(text, language)?;
    if value.fract() != 0.0 {
        return Err(FieldProblem::NotAWholeNumber);
    }
    let out_of_range = FieldProblem::OutOfRange {
        minimum: *range.start(),
        maximum: *range.end(),
    };
    if value < *range.start() as f64 || value > *range.end() as f64 {
        return Err(out_of_range);
    }
    Ok(value as i64)
}

fn parse_money(text: &str, language: Language) -> Result<MoneyCents, FieldProblem> {
    let value = parse_decimal(text, language)?;
    let cents = (value * 100.0).round();
    if !(0.0..=MAX_MONEY_CENTS as f64).contains(&cents) {
        return Err(FieldProblem::MoneyTooLarge);
    }
    Ok(cents as MoneyCents)
}

fn parse_date(text: &str) -> Result<CalendarDate, FieldProblem> {
    crate::model::timestamp_text::parse_date(text).ok_or(FieldProblem::NotADate)
}

fn parse_quarter(text: &str) -> Result<Quarter, FieldProblem> {
    parse_quarter_leniently(text).ok_or(FieldProblem::NotAQuarter)
}

fn choice_by_code<T: Copy>(
    code: &str,
    options: &[ChoiceOption],
    all_values: &[T],
) -> Result<T, FieldProblem> {
    options
        .iter()
        .position(|option| option.code == code)
        .and_then(|position| all_values.get(position))
        .copied()
        .ok_or(FieldProblem::UnknownChoice)
}

/// Reads a quarter as people type it: `2026-Q3`, `2026 Q3`, `Q3 2026`, `Q3/2026`,
/// `3/2026`, in any letter case.
pub fn parse_quarter_leniently(text: &str) -> Option<Quarter> {
    let upper = text.trim().to_ascii_uppercase();
    let parts: Vec<&str> = upper
        .split(['-', ' ', '/', '.'])
        .filter(|part| !part.is_empty())
        .collect();
    let [first, second] = parts.as_slice() else {
        return None;
    };
    let quarter_number = |part: &str| -> Option<u8> {
        let digits = part.strip_prefix('Q').unwrap_or(part);
        if digits.len() == 1 {
            digits.parse().ok()
        } else {
            None
        }
    };
    let year_number = |part: &str| -> Option<i32> {
        if part.len() == 4 && part.bytes().all(|byte| byte.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let (year, quarter_of_year) = match (year_number(first), year_number(second)) {
        (Some(year), None) => (year, quarter_number(second)?),
        (None, Some(year)) => (year, quarter_number(first)?),
        _ => return None,
    };
    Quarter::new(year, quarter_of_year)
}

/// A decimal for an input: no grouping, the language's decimal separator, and no
/// more digits than the value has.
fn decimal_input_text(value: f64, language: Language) -> String {
    let text = crate::float_text::plain_decimal(value, false);
    match language {
        Language::German => text.replace('.', ","),
        Language::English => text,
    }
}

/// Money for an input: whole amounts without decimals (`1200`), others with two
/// (`1200,50`), no grouping and no currency sign.
pub fn format_money_for_input(cents: MoneyCents, language: Language) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let whole = (cents / 100).unsigned_abs();
    let fraction = (cents % 100).unsigned_abs();
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let separator = match language {
        Language::German => ',',
        Language::English => '.',
    };
    format!("{sign}{whole}{separator}{fraction:02}")
}
