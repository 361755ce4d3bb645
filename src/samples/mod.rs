//! The sample models that open on the first visit. They are ordinary bitalign files
//! in this folder, embedded in the app and read through the same import path as a
//! user's file, so a sample that breaks the format fails the tests below.

use crate::i18n::Language;
use crate::io::json;
use crate::model::{Model, Quarter, Timestamp};

/// Example 1 of the method: a trades and service firm that wants more jobs per week
/// without more office staff.
pub const TRADES_SERVICE_GERMAN: &str = include_str!("trades-service.de.bitalign.json");

/// The sample text for a language. The English version follows with the second
/// foundation issue; until then both languages open the German sample.
pub fn default_sample_text(_language: Language) -> &'static str {
    TRADES_SERVICE_GERMAN
}

/// The model shown on the first visit. Should the embedded sample ever fail to read
/// (the tests make sure it does not), an empty model is better than no app.
pub fn default_model(language: Language, now: Timestamp) -> Model {
    match json::import_model_file(default_sample_text(language)) {
        Ok(imported) => imported.model,
        Err(_) => Model::empty(
            "sample-fallback".to_string(),
            "bitalign".to_string(),
            Quarter::containing(now.date_naive()),
            now,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sample_imports_without_violations() {
        let imported = json::import_model_file(TRADES_SERVICE_GERMAN);
        assert!(imported.is_ok(), "{imported:?}");
    }

    #[test]
    fn the_default_model_is_the_sample_not_the_fallback() {
        let model = default_model(Language::German, chrono::DateTime::UNIX_EPOCH);
        assert_ne!(model.id, "sample-fallback");
        assert!(!model.initiatives.is_empty());
    }
}
