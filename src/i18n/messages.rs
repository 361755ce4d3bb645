//! Messages with parameters, in the user's language: import errors, storage
//! problems and refused changes. Kept apart from the fixed [`super::Text`] keys
//! because each needs a function that fills in names, paths and numbers.

use super::Language;
use crate::io::json::{ImportError, NotTextReason};
use crate::model::EntityKind;

/// Chooses the German or the English wording.
pub(crate) fn pick(language: Language, german: String, english: String) -> String {
    match language {
        Language::German => german,
        Language::English => english,
    }
}

/// The plural name of an entity kind, as lists and counts show it.
pub fn entity_kind_plural(kind: EntityKind, language: Language) -> &'static str {
    let (german, english) = match kind {
        EntityKind::Person => ("Verantwortliche", "People"),
        EntityKind::Goal => ("Geschäftsziele", "Goals"),
        EntityKind::Kpi => ("Kennzahlen (KPIs)", "KPIs"),
        EntityKind::BusinessProcess => ("Geschäftsprozesse", "Business processes"),
        EntityKind::Capability => ("IT-Fähigkeiten", "IT capabilities"),
        EntityKind::DataObject => ("Datenobjekte", "Data objects"),
        EntityKind::Initiative => ("Initiativen", "Initiatives"),
        EntityKind::SpendItem => ("IT-Ausgaben", "IT spend items"),
        EntityKind::Review => ("Quartalsreviews", "Quarterly reviews"),
        EntityKind::WorkshopSession => ("Workshops", "Workshops"),
    };
    match language {
        Language::German => german,
        Language::English => english,
    }
}

/// The singular name of an entity kind, for messages about one entity.
pub fn entity_kind_singular(kind: EntityKind, language: Language) -> &'static str {
    let (german, english) = match kind {
        EntityKind::Person => ("Verantwortliche(r)", "person"),
        EntityKind::Goal => ("Geschäftsziel", "goal"),
        EntityKind::Kpi => ("Kennzahl (KPI)", "KPI"),
        EntityKind::BusinessProcess => ("Geschäftsprozess", "business process"),
        EntityKind::Capability => ("IT-Fähigkeit", "IT capability"),
        EntityKind::DataObject => ("Datenobjekt", "data object"),
        EntityKind::Initiative => ("Initiative", "initiative"),
        EntityKind::SpendItem => ("IT-Ausgabe", "IT spend item"),
        EntityKind::Review => ("Quartalsreview", "quarterly review"),
        EntityKind::WorkshopSession => ("Workshop", "workshop"),
    };
    match language {
        Language::German => german,
        Language::English => english,
    }
}

/// What is wrong with a file, in one or two sentences that say what and where.
pub fn describe_import_error(error: &ImportError, language: Language) -> String {
    match error {
        ImportError::Empty => pick(
            language,
            "Die Datei ist leer.".into(),
            "The file is empty.".into(),
        ),
        ImportError::NotText { reason, .. } => match reason {
            NotTextReason::NulByte => pick(
                language,
                "Das ist keine Textdatei (zum Beispiel ein Bild oder ein Archiv). bitalign-Dateien enden auf .bitalign.json.".into(),
                "This is not a text file (for example a picture or an archive). bitalign files end in .bitalign.json.".into(),
            ),
            NotTextReason::InvalidUtf8 => pick(
                language,
                "Die Datei ist kein UTF-8-Text. Vermutlich ist es keine bitalign-Datei oder sie wurde in einer anderen Zeichenkodierung gespeichert.".into(),
                "The file is not UTF-8 text. It is probably not a bitalign file, or it was saved in another character encoding.".into(),
            ),
        },
        ImportError::TooLarge { bytes, limit } => pick(
            language,
            format!(
                "Die Datei ist mit {} MB zu groß (höchstens {} MB). Ist es die richtige Datei?",
                bytes / (1024 * 1024),
                limit / (1024 * 1024)
            ),
            format!(
                "The file is too large at {} MB (at most {} MB). Is it the right file?",
                bytes / (1024 * 1024),
                limit / (1024 * 1024)
            ),
        ),
        ImportError::NotJson { line, column, .. } => pick(
            language,
            format!("Die Datei ist kein gültiges JSON: Fehler in Zeile {line}, Spalte {column}. Wurde sie von Hand bearbeitet oder beim Versand abgeschnitten?"),
            format!("The file is not valid JSON: error at line {line}, column {column}. Was it edited by hand or cut off in transit?"),
        ),
        ImportError::TooDeeplyNested { line, column, .. } => pick(
            language,
            format!("Die Datei ist zu tief verschachtelt (Zeile {line}, Spalte {column}). So sieht keine bitalign-Datei aus."),
            format!("The file is nested too deeply (line {line}, column {column}). No bitalign file looks like this."),
        ),
        ImportError::NotBitalignFormat => pick(
            language,
            "Das ist eine JSON-Datei, aber keine bitalign-Datei (das Feld \u{201e}format\u{201c}: \u{201e}bitalign\u{201c} fehlt).".into(),
            "This is a JSON file, but not a bitalign file (the field \u{201c}format\u{201d}: \u{201c}bitalign\u{201d} is missing).".into(),
        ),
        ImportError::NewerSchemaVersion { found, supported } => pick(
            language,
            format!("Diese Datei wurde mit einer neueren Version von bitalign erstellt (Dateiformat {found}, diese Version liest bis {supported}). Bitte öffnen Sie sie mit der aktuellen Version von bitalign."),
            format!("This file was made by a newer version of bitalign (file format {found}; this version reads up to {supported}). Please open it with the current version of bitalign."),
        ),
        ImportError::UnsupportedSchemaVersion { found } => {
            let found = found.clone().unwrap_or_else(|| "–".to_string());
            pick(
                language,
                format!("Die Versionsangabe der Datei (schema_version: {found}) ist ungültig."),
                format!("The file's version (schema_version: {found}) is not valid."),
            )
        }
        ImportError::WrongType { path, .. } => {
            let place = if path.is_empty() { "–".to_string() } else { path.clone() };
            pick(
                language,
                format!("Ein Wert in der Datei hat die falsche Form, fehlt oder ist unbekannt, an der Stelle {place}."),
                format!("A value in the file has the wrong form, is missing or is unknown, at {place}."),
            )
        }
        ImportError::InvalidModel { violations } => {
            let first = violations
                .first()
                .map(|violation| violation.path.clone())
                .unwrap_or_default();
            let count = violations.len();
            pick(
                language,
                format!("Die Datei enthält {count} ungültige Angabe(n), zum Beispiel an der Stelle {first}: {}", super::violations::describe_violation_kind(violations.first().map(|violation| &violation.kind), language)),
                format!("The file holds {count} invalid value(s), for example at {first}: {}", super::violations::describe_violation_kind(violations.first().map(|violation| &violation.kind), language)),
            )
        }
    }
}

/// The technical detail of an import error (serde's own message), shown folded away
/// for the person who wants to fix the file by hand.
pub fn technical_import_detail(error: &ImportError) -> Option<String> {
    match error {
        ImportError::NotJson { detail, .. } | ImportError::WrongType { detail, .. } => {
            Some(detail.chars().take(500).collect())
        }
        ImportError::InvalidModel { violations } => Some(
            violations
                .iter()
                .take(20)
                .map(|violation| {
                    // The English wording of each violation rather than its Display
                    // text, which formats numbers with the standard library's float
                    // formatting that the bundle otherwise does without.
                    let description = super::violations::describe_violation_kind(
                        Some(&violation.kind),
                        Language::English,
                    );
                    format!("{}: {description}", violation.path)
                })
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        ImportError::NotText { byte_offset, .. } => Some(format!("byte {byte_offset}")),
        _ => None,
    }
}

pub use super::violations::{describe_command_refusal, describe_violation};

/// What is wrong with a typed-in value, in one sentence under the field.
pub fn describe_field_problem(problem: &crate::forms::FieldProblem, language: Language) -> String {
    use super::Text;
    use crate::forms::FieldProblem;
    let fixed = |text: Text| text.in_language(language).to_string();
    match problem {
        FieldProblem::Required => fixed(Text::ProblemRequired),
        FieldProblem::NotANumber => fixed(Text::ProblemNotANumber),
        FieldProblem::NotAWholeNumber => fixed(Text::ProblemNotAWholeNumber),
        FieldProblem::OutOfRange { minimum, maximum } => pick(
            language,
            format!("Bitte eine ganze Zahl von {minimum} bis {maximum} eingeben."),
            format!("Please enter a whole number from {minimum} to {maximum}."),
        ),
        FieldProblem::DecimalOutOfRange { minimum, maximum } => {
            let minimum = crate::float_text::plain_decimal(*minimum, false);
            let maximum = crate::float_text::plain_decimal(*maximum, false);
            pick(
                language,
                format!("Bitte eine Zahl von {minimum} bis {maximum} eingeben."),
                format!("Please enter a number from {minimum} to {maximum}."),
            )
        }
        FieldProblem::MoneyTooLarge => fixed(Text::ProblemMoneyTooLarge),
        FieldProblem::NotADate => fixed(Text::ProblemNotADate),
        FieldProblem::NotAQuarter => fixed(Text::ProblemNotAQuarter),
        FieldProblem::TooLong { maximum } => pick(
            language,
            format!("Höchstens {maximum} Zeichen."),
            format!("At most {maximum} characters."),
        ),
        FieldProblem::NotAnEmail => fixed(Text::ProblemNotAnEmail),
        FieldProblem::NotACurrencyCode => fixed(Text::ProblemNotACurrencyCode),
        FieldProblem::UnknownChoice => fixed(Text::ProblemUnknownChoice),
        FieldProblem::ChosenTwice => fixed(Text::ProblemChosenTwice),
        FieldProblem::InRow {
            row_number,
            column_label,
            problem,
        } => {
            let inner = describe_field_problem(problem, language);
            let column = column_label.in_language(language);
            pick(
                language,
                format!("Zeile {row_number}, {column}: {inner}"),
                format!("Row {row_number}, {column}: {inner}"),
            )
        }
    }
}

/// The singular name of a kind starting with a capital letter, for buttons.
pub fn entity_kind_singular_capitalized(kind: EntityKind, language: Language) -> String {
    let singular = entity_kind_singular(kind, language);
    let mut characters = singular.chars();
    match characters.next() {
        Some(first) => std::iter::once(first.to_ascii_uppercase())
            .chain(characters)
            .collect(),
        None => String::new(),
    }
}

/// The name of an initiative's lifecycle status.
pub fn initiative_status_text(status: crate::model::InitiativeStatus) -> crate::i18n::Text {
    use crate::i18n::Text;
    use crate::model::InitiativeStatus;
    match status {
        InitiativeStatus::Idea => Text::StatusIdea,
        InitiativeStatus::Planned => Text::StatusPlanned,
        InitiativeStatus::Active => Text::StatusActive,
        InitiativeStatus::Done => Text::StatusDone,
        InitiativeStatus::Stopped => Text::StatusStopped,
    }
}
