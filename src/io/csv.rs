//! CSV for spreadsheets (DESIGN.md section 4): what German Excel opens without an
//! import dialog.
//!
//! - `;` separates cells, `\r\n` ends rows, and the text starts with a UTF-8 byte order
//!   mark, so Excel reads umlauts correctly.
//! - Numbers are written without grouping and without a currency sign, with the
//!   language's decimal separator (`1234,56` in German, `1234.56` in English), so the
//!   cells stay numeric.
//! - A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets
//!   a leading apostrophe: a spreadsheet would otherwise run it as a formula (a title
//!   like `=HYPERLINK(...)` from a file someone sent is an attack, not a title).
//!   Numbers are never neutralized, because they are written by this module and a
//!   negative amount must stay a number.
//! - A cell containing `;`, a quote or a line break is quoted, with quotes doubled.

use crate::i18n::numbers::format_plain_decimal;
use crate::i18n::Language;
use crate::model::formulas::ranking::RankedInitiative;
use crate::model::id_lookup::IdLookup;
use crate::model::types::Model;

/// One cell: text from the model, or a number this module writes.
#[derive(Debug, Clone, PartialEq)]
pub enum CsvCell {
    Text(String),
    /// A number with this many digits after the decimal separator.
    Number {
        value: f64,
        fraction_digits: usize,
    },
    /// A whole number.
    Integer(i64),
    Empty,
}

const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn write_cell(cell: &CsvCell, language: Language, output: &mut String) {
    let text = match cell {
        CsvCell::Empty => return,
        CsvCell::Integer(value) => {
            output.push_str(&value.to_string());
            return;
        }
        CsvCell::Number {
            value,
            fraction_digits,
        } => {
            output.push_str(&format_plain_decimal(*value, *fraction_digits, language));
            return;
        }
        CsvCell::Text(text) => text,
    };
    let mut safe = String::with_capacity(text.len() + 1);
    if text.starts_with(FORMULA_STARTS) {
        safe.push('\'');
    }
    safe.push_str(text);
    if safe.contains([';', '"', '\n', '\r']) {
        output.push('"');
        output.push_str(&safe.replace('"', "\"\""));
        output.push('"');
    } else {
        output.push_str(&safe);
    }
}

/// The whole CSV text of a header row and data rows, with the byte order mark.
pub fn write_csv(header: &[&str], rows: &[Vec<CsvCell>], language: Language) -> String {
    let mut output = String::from('\u{feff}');
    let header_cells: Vec<CsvCell> = header
        .iter()
        .map(|name| CsvCell::Text((*name).to_string()))
        .collect();
    for row in std::iter::once(&header_cells).chain(rows) {
        for (position, cell) in row.iter().enumerate() {
            if position > 0 {
                output.push(';');
            }
            write_cell(cell, language, &mut output);
        }
        output.push_str("\r\n");
    }
    output
}

/// The column names of the schedule export. English names are the machine names the
/// CSV import reads (DESIGN.md section 4: title, start, duration_quarters, ...).
fn schedule_header(language: Language) -> [&'static str; 12] {
    match language {
        Language::German => [
            "Titel",
            "Status",
            "Verantwortlich",
            "Start",
            "Ende",
            "Dauer (Quartale)",
            "Personentage",
            "Rang",
            "Prioritätswert",
            "Kategorie",
            "Fixiert",
            "Abhängig von",
        ],
        Language::English => [
            "title",
            "status",
            "owner",
            "start",
            "end",
            "duration_quarters",
            "person_days",
            "priority_rank",
            "priority_score",
            "category",
            "pinned",
            "depends_on",
        ],
    }
}

/// The roadmap's schedule as CSV: every initiative with its start, end and duration,
/// scheduled ones by start and then priority, unscheduled ones last by priority.
pub fn schedule_csv(model: &Model, ranking: &[RankedInitiative], language: Language) -> String {
    let ranked_by_id = IdLookup::new(
        ranking
            .iter()
            .map(|ranked| (ranked.initiative_id.as_str(), ranked))
            .collect(),
    );
    let person_names = IdLookup::new(
        model
            .people
            .iter()
            .map(|person| (person.id.as_str(), person.name.as_str()))
            .collect(),
    );
    let titles = IdLookup::new(
        model
            .initiatives
            .iter()
            .map(|initiative| (initiative.id.as_str(), initiative.title.as_str()))
            .collect(),
    );
    let mut order: Vec<usize> = (0..model.initiatives.len()).collect();
    order.sort_by_key(|index| {
        let initiative = &model.initiatives[*index];
        let rank = ranked_by_id
            .get(&initiative.id)
            .map_or(usize::MAX, |ranked| ranked.rank);
        (
            initiative.start.is_none(),
            initiative.start.map(|start| start.ordinal()),
            rank,
        )
    });
    let yes_no = |flag: bool| {
        let (yes, no) = match language {
            Language::German => ("ja", "nein"),
            Language::English => ("yes", "no"),
        };
        CsvCell::Text(if flag { yes } else { no }.to_string())
    };
    let rows: Vec<Vec<CsvCell>> = order
        .into_iter()
        .map(|index| {
            let initiative = &model.initiatives[index];
            let ranked = ranked_by_id.get(&initiative.id);
            let quarter_cell = |quarter: Option<crate::model::Quarter>| {
                quarter.map_or(CsvCell::Empty, |quarter| CsvCell::Text(quarter.to_string()))
            };
            let end = initiative
                .start
                .map(|start| start.offset(i64::from(initiative.duration_quarters.max(1)) - 1));
            let category = crate::model::formulas::quadrants::initiative_quadrant(
                model, initiative,
            )
            .map_or(CsvCell::Empty, |quadrant| {
                CsvCell::Text(crate::forms::lists::quadrant_label(
                    &model.settings,
                    quadrant,
                    language,
                ))
            });
            let dependencies: Vec<&str> = initiative
                .depends_on_ids
                .iter()
                .filter_map(|id| titles.get(id))
                .collect();
            vec![
                CsvCell::Text(initiative.title.clone()),
                CsvCell::Text(
                    crate::i18n::messages::initiative_status_text(initiative.status)
                        .in_language(language)
                        .to_string(),
                ),
                initiative
                    .owner_id
                    .as_deref()
                    .and_then(|id| person_names.get(id))
                    .map_or(CsvCell::Empty, |name| CsvCell::Text(name.to_string())),
                quarter_cell(initiative.start),
                quarter_cell(end),
                CsvCell::Integer(i64::from(initiative.duration_quarters)),
                initiative
                    .effort_person_days
                    .map_or(CsvCell::Empty, |days| CsvCell::Integer(i64::from(days))),
                ranked.map_or(CsvCell::Empty, |ranked| {
                    CsvCell::Integer(i64::try_from(ranked.rank).unwrap_or(i64::MAX))
                }),
                ranked
                    .and_then(|ranked| ranked.priority_score)
                    .map_or(CsvCell::Empty, |score| CsvCell::Number {
                        value: score,
                        fraction_digits: 2,
                    }),
                category,
                yes_no(initiative.pinned),
                if dependencies.is_empty() {
                    CsvCell::Empty
                } else {
                    CsvCell::Text(dependencies.join(", "))
                },
            ]
        })
        .collect();
    write_csv(&schedule_header(language), &rows, language)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::formulas::ranking::rank_initiatives;
    use crate::samples::{sample_from_text, ALL_SAMPLE_TEXTS};

    #[test]
    fn cells_are_separated_quoted_and_neutralized_and_the_text_has_a_bom() {
        let rows = vec![vec![
            CsvCell::Text("=HYPERLINK(\"x\")".to_string()),
            CsvCell::Text("a;b".to_string()),
            CsvCell::Text("-1".to_string()),
            CsvCell::Number {
                value: -1234.5,
                fraction_digits: 2,
            },
            CsvCell::Integer(7),
            CsvCell::Empty,
            CsvCell::Text("Zeile\nzwei".to_string()),
            CsvCell::Text("@SUM".to_string()),
            CsvCell::Text("\tTab".to_string()),
        ]];
        let text = write_csv(
            &["a", "b", "c", "d", "e", "f", "g", "h", "i"],
            &rows,
            Language::German,
        );
        assert!(text.starts_with('\u{feff}'));
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0], "a;b;c;d;e;f;g;h;i");
        assert_eq!(
            lines[1],
            "\"'=HYPERLINK(\"\"x\"\")\";\"a;b\";'-1;-1234,50;7;;\"Zeile\nzwei\";'@SUM;'\tTab"
        );
        let english = write_csv(
            &["n"],
            &[vec![CsvCell::Number {
                value: 1234.5,
                fraction_digits: 2,
            }]],
            Language::English,
        );
        assert!(english.contains("1234.50\r\n"));
    }

    #[test]
    fn the_schedule_lists_every_initiative_scheduled_first_with_its_quarters() {
        let model = sample_from_text(ALL_SAMPLE_TEXTS[0].1).expect("sample");
        let ranking = rank_initiatives(&model);
        let text = schedule_csv(&model, &ranking, Language::English);
        let lines: Vec<&str> = text
            .trim_start_matches('\u{feff}')
            .split("\r\n")
            .filter(|line| !line.is_empty())
            .collect();
        assert_eq!(lines.len(), model.initiatives.len() + 1);
        assert!(lines[0].starts_with("title;status;owner;start;end;duration_quarters"));
        let scheduled = model
            .initiatives
            .iter()
            .filter(|i| i.start.is_some())
            .count();
        for line in &lines[1..=scheduled] {
            let cells: Vec<&str> = line.split(';').collect();
            let start: crate::model::Quarter = cells[3].parse().expect("a start");
            let duration: i64 = cells[5].parse().expect("a duration");
            let end: crate::model::Quarter = cells[4].parse().expect("an end");
            assert_eq!(start.offset(duration.max(1) - 1), end);
        }
        let german = schedule_csv(&model, &ranking, Language::German);
        assert!(german.contains("Titel;Status;Verantwortlich;Start;Ende"));
    }
}
