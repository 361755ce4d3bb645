//! Broken model rules and refused changes, in the user's language.

use super::messages::{entity_kind_singular, pick};
use super::Language;
use crate::model::commands::{CommandRefusal, EntityLabel};
use crate::model::validation::{ModelViolation, ViolationKind};

/// Formats a number the way the language writes it, without grouping (the numbers in
/// these messages are small: scores, lengths, counts).
fn plain_number(value: f64, language: Language) -> String {
    let text = if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        crate::float_text::plain_decimal(value, false)
    };
    match language {
        Language::German => text.replace('.', ","),
        Language::English => text,
    }
}

/// One broken rule, as a sentence without its place.
pub fn describe_violation_kind(kind: Option<&ViolationKind>, language: Language) -> String {
    let Some(kind) = kind else {
        return pick(language, "ungültige Angabe".into(), "invalid value".into());
    };
    match kind {
        ViolationKind::EmptyId => pick(language, "Die Kennung (id) fehlt.".into(), "The identifier (id) is missing.".into()),
        ViolationKind::MalformedId => pick(
            language,
            "Die Kennung (id) enthält Leer- oder Steuerzeichen.".into(),
            "The identifier (id) contains spaces or control characters.".into(),
        ),
        ViolationKind::DuplicateId { id, first_path } => pick(
            language,
            format!("Die Kennung \u{201e}{id}\u{201c} kommt doppelt vor (zuerst bei {first_path})."),
            format!("The identifier \u{201c}{id}\u{201d} occurs twice (first at {first_path})."),
        ),
        ViolationKind::TombstonedIdInUse { id } => pick(
            language,
            format!("Die Kennung \u{201e}{id}\u{201c} gehört zu einem gelöschten Eintrag."),
            format!("The identifier \u{201c}{id}\u{201d} belongs to a deleted entry."),
        ),
        ViolationKind::EmptyRequiredText => pick(language, "Dieses Pflichtfeld ist leer.".into(), "This required field is empty.".into()),
        ViolationKind::TooLong { length, max_length } => pick(
            language,
            format!("Der Text ist mit {length} Zeichen zu lang (höchstens {max_length})."),
            format!("The text is too long at {length} characters (at most {max_length})."),
        ),
        ViolationKind::TooManyEntries { count, max_count } => pick(
            language,
            format!("Die Liste hat {count} Einträge, erlaubt sind höchstens {max_count}."),
            format!("The list has {count} entries; at most {max_count} are allowed."),
        ),
        ViolationKind::OutOfRange { value, min, max } => pick(
            language,
            format!(
                "Der Wert {} liegt außerhalb des erlaubten Bereichs von {} bis {}.",
                plain_number(*value, language),
                plain_number(*min, language),
                plain_number(*max, language)
            ),
            format!(
                "The value {} is outside the allowed range of {} to {}.",
                plain_number(*value, language),
                plain_number(*min, language),
                plain_number(*max, language)
            ),
        ),
        ViolationKind::NotFinite => pick(language, "Die Zahl ist ungültig.".into(), "The number is not valid.".into()),
        ViolationKind::NegativeMoney { .. } => pick(language, "Beträge dürfen nicht negativ sein.".into(), "Amounts must not be negative.".into()),
        ViolationKind::MoneyTooLarge { .. } => pick(language, "Der Betrag ist unrealistisch groß.".into(), "The amount is unrealistically large.".into()),
        ViolationKind::InvalidRiceImpact { value } => pick(
            language,
            format!("Die RICE-Wirkung {} ist keiner der Werte 0,25 / 0,5 / 1 / 2 / 3.", plain_number(*value, language)),
            format!("The RICE impact {} is not one of 0.25 / 0.5 / 1 / 2 / 3.", plain_number(*value, language)),
        ),
        ViolationKind::InvalidCurrency { code } => pick(
            language,
            format!("\u{201e}{code}\u{201c} ist kein Währungscode wie EUR."),
            format!("\u{201c}{code}\u{201d} is not a currency code such as EUR."),
        ),
        ViolationKind::InvalidEmail => pick(language, "Die E-Mail-Adresse ist ungültig.".into(), "The e-mail address is not valid.".into()),
        ViolationKind::DanglingReference { expected_kind, id } => pick(
            language,
            format!("Verweis auf ein(e) {} mit der Kennung \u{201e}{id}\u{201c}, das es im Modell nicht gibt.", entity_kind_singular(*expected_kind, language)),
            format!("Refers to a {} with the identifier \u{201c}{id}\u{201d} that does not exist in the model.", entity_kind_singular(*expected_kind, language)),
        ),
        ViolationKind::WrongReferenceKind { expected_kind, actual_kind, id } => pick(
            language,
            format!(
                "Der Verweis \u{201e}{id}\u{201c} zeigt auf ein(e) {} statt auf ein(e) {}.",
                entity_kind_singular(*actual_kind, language),
                entity_kind_singular(*expected_kind, language)
            ),
            format!(
                "The reference \u{201c}{id}\u{201d} points to a {} instead of a {}.",
                entity_kind_singular(*actual_kind, language),
                entity_kind_singular(*expected_kind, language)
            ),
        ),
        ViolationKind::DuplicateLink { id } => pick(
            language,
            format!("Die Verknüpfung mit \u{201e}{id}\u{201c} ist doppelt eingetragen."),
            format!("The link to \u{201c}{id}\u{201d} is listed twice."),
        ),
        ViolationKind::DuplicateRole { .. } => pick(language, "Eine Rolle ist doppelt eingetragen.".into(), "A role is listed twice.".into()),
        ViolationKind::DuplicateVote { participant_number, .. } => pick(
            language,
            format!("Teilnehmer {participant_number} hat dafür doppelt abgestimmt."),
            format!("Participant {participant_number} voted twice on this."),
        ),
        ViolationKind::TooManyDots { participant_number, dots, available } => pick(
            language,
            format!("Teilnehmer {participant_number} hat {dots} Punkte vergeben, verfügbar sind {available}."),
            format!("Participant {participant_number} placed {dots} dots; {available} are available."),
        ),
        ViolationKind::UnknownCriterion { criterion_id } => pick(
            language,
            format!("Bewertung für ein unbekanntes Kriterium \u{201e}{criterion_id}\u{201c}."),
            format!("Score for an unknown criterion \u{201c}{criterion_id}\u{201d}."),
        ),
        ViolationKind::SelfDependency => pick(
            language,
            "Eine Initiative kann nicht von sich selbst abhängen.".into(),
            "An initiative cannot depend on itself.".into(),
        ),
        ViolationKind::DependencyCycle { initiative_ids } => pick(
            language,
            format!("Die Abhängigkeiten bilden einen Kreis ({} Initiativen).", initiative_ids.len()),
            format!("The dependencies form a cycle ({} initiatives).", initiative_ids.len()),
        ),
        ViolationKind::DuplicateMeasurementQuarter { quarter } => pick(
            language,
            format!("Für Q{} {} gibt es mehr als einen Messwert.", quarter.quarter_of_year(), quarter.year()),
            format!("There is more than one measurement for Q{} {}.", quarter.quarter_of_year(), quarter.year()),
        ),
        ViolationKind::MeasurementsOutOfOrder { quarter } => pick(
            language,
            format!("Die Messwerte sind nicht nach Quartal sortiert (bei Q{} {}).", quarter.quarter_of_year(), quarter.year()),
            format!("The measurements are not in quarter order (at Q{} {}).", quarter.quarter_of_year(), quarter.year()),
        ),
    }
}

/// A broken rule with its place, for lists of problems.
pub fn describe_violation(violation: &ModelViolation, language: Language) -> String {
    format!(
        "{}: {}",
        violation.path,
        describe_violation_kind(Some(&violation.kind), language)
    )
}

fn list_labels(labels: &[EntityLabel], language: Language) -> String {
    let shown: Vec<String> = labels
        .iter()
        .take(8)
        .map(|label| {
            format!(
                "{} \u{201e}{}\u{201c}",
                entity_kind_singular(label.kind, language),
                label.title
            )
        })
        .collect();
    let mut text = shown.join(", ");
    if labels.len() > shown.len() {
        text.push_str(&pick(
            language,
            format!(" und {} weitere", labels.len() - shown.len()),
            format!(" and {} more", labels.len() - shown.len()),
        ));
    }
    text
}

/// Why a change was refused, in a sentence that names what is in the way.
pub fn describe_command_refusal(refusal: &CommandRefusal, language: Language) -> String {
    match refusal {
        CommandRefusal::NotFound { kind, .. } => pick(
            language,
            format!(
                "Diese(s) {} gibt es nicht mehr. Vielleicht wurde es inzwischen gelöscht.",
                entity_kind_singular(*kind, language)
            ),
            format!(
                "This {} no longer exists. Perhaps it was deleted meanwhile.",
                entity_kind_singular(*kind, language)
            ),
        ),
        CommandRefusal::IdAlreadyUsed { .. } | CommandRefusal::IdOfDeletedEntity { .. } => pick(
            language,
            "Die Kennung ist bereits vergeben. Bitte versuchen Sie es erneut.".into(),
            "The identifier is already taken. Please try again.".into(),
        ),
        CommandRefusal::Invalid(violations) => {
            let first = violations.first().map(|violation| &violation.kind);
            describe_violation_kind(first, language)
        }
        CommandRefusal::StillReferenced {
            kind, dependents, ..
        } => pick(
            language,
            format!(
                "Dieses {} kann nicht gelöscht werden, solange es noch gebraucht wird von: {}.",
                entity_kind_singular(*kind, language),
                list_labels(dependents, language)
            ),
            format!(
                "This {} cannot be deleted while it is still needed by: {}.",
                entity_kind_singular(*kind, language),
                list_labels(dependents, language)
            ),
        ),
        CommandRefusal::DependencyCycle { cycle } => pick(
            language,
            format!(
                "Diese Abhängigkeit würde einen Kreis schließen: {}.",
                list_labels(cycle, language)
            ),
            format!(
                "This dependency would close a cycle: {}.",
                list_labels(cycle, language)
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_of_range_reads_in_both_languages() {
        let kind = ViolationKind::OutOfRange {
            value: 11.0,
            min: 1.0,
            max: 10.0,
        };
        assert_eq!(
            describe_violation_kind(Some(&kind), Language::German),
            "Der Wert 11 liegt außerhalb des erlaubten Bereichs von 1 bis 10."
        );
        assert!(
            describe_violation_kind(Some(&kind), Language::English).contains("range of 1 to 10")
        );
    }

    #[test]
    fn decimals_use_the_language_separator() {
        assert_eq!(plain_number(5.5, Language::German), "5,5");
        assert_eq!(plain_number(5.5, Language::English), "5.5");
    }
}
