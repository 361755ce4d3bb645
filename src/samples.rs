//! The sample models that open on the first visit. They are ordinary bitalign files
//! in `public/samples/`, shipped beside the app in `dist/samples/` and fetched from
//! the app's own origin on a first visit, then read through the same import path as
//! a user's file. Keeping them out of the WebAssembly module keeps the bundle small;
//! the tests below read them at compile time, so a sample that breaks the format
//! fails the build's tests.

use crate::i18n::Language;
use crate::io::json;
use crate::model::Model;

/// Example 1 of the method: a trades and service firm that wants more jobs per week
/// without more office staff. Relative to the app's page, so any sub-path works.
pub const TRADES_SERVICE_GERMAN_PATH: &str = "samples/trades-service.de.bitalign.json";

/// The address of the sample opened on a first visit in `language`. The English
/// version follows with the second foundation issue; until then both languages open
/// the German sample.
pub fn default_sample_path(_language: Language) -> &'static str {
    TRADES_SERVICE_GERMAN_PATH
}

/// Reads a fetched sample file through the import path. `None` when it cannot be
/// read, in which case the app starts with an empty model instead.
pub fn sample_from_text(text: &str) -> Option<Model> {
    json::import_model_file(text)
        .ok()
        .map(|imported| imported.model)
}

/// The text of the German trades sample, for native tests.
#[cfg(test)]
pub const TRADES_SERVICE_GERMAN_TEXT: &str =
    include_str!("../public/samples/trades-service.de.bitalign.json");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sample_imports_without_violations() {
        let imported = json::import_model_file(TRADES_SERVICE_GERMAN_TEXT);
        assert!(imported.is_ok(), "{imported:?}");
    }

    #[test]
    fn the_sample_is_a_complete_model() {
        let model = sample_from_text(TRADES_SERVICE_GERMAN_TEXT).unwrap();
        assert!(!model.initiatives.is_empty());
        assert!(!model.goals.is_empty());
    }

    #[test]
    fn the_sample_path_is_relative_so_any_sub_path_works() {
        assert!(!default_sample_path(Language::German).starts_with('/'));
    }
}
