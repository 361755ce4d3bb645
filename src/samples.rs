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

/// Example 1 in English: the same model with translated texts.
pub const TRADES_SERVICE_ENGLISH_PATH: &str = "samples/trades-service.en.bitalign.json";

/// Example 2 of the method: a B2B sales firm that wants more deals from its leads.
pub const B2B_SALES_GERMAN_PATH: &str = "samples/b2b-sales.de.bitalign.json";

/// Example 2 in English: the same model with translated texts.
pub const B2B_SALES_ENGLISH_PATH: &str = "samples/b2b-sales.en.bitalign.json";

/// The address of the sample opened on a first visit in `language`: the trades
/// example in that language.
pub fn default_sample_path(language: Language) -> &'static str {
    match language {
        Language::German => TRADES_SERVICE_GERMAN_PATH,
        Language::English => TRADES_SERVICE_ENGLISH_PATH,
    }
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

/// The text of the English trades sample, for native tests.
#[cfg(test)]
pub const TRADES_SERVICE_ENGLISH_TEXT: &str =
    include_str!("../public/samples/trades-service.en.bitalign.json");

/// The text of the German B2B sales sample, for native tests.
#[cfg(test)]
pub const B2B_SALES_GERMAN_TEXT: &str =
    include_str!("../public/samples/b2b-sales.de.bitalign.json");

/// The text of the English B2B sales sample, for native tests.
#[cfg(test)]
pub const B2B_SALES_ENGLISH_TEXT: &str =
    include_str!("../public/samples/b2b-sales.en.bitalign.json");

/// Every sample with its name, for native tests.
#[cfg(test)]
pub const ALL_SAMPLE_TEXTS: [(&str, &str); 4] = [
    ("trades-service.de", TRADES_SERVICE_GERMAN_TEXT),
    ("trades-service.en", TRADES_SERVICE_ENGLISH_TEXT),
    ("b2b-sales.de", B2B_SALES_GERMAN_TEXT),
    ("b2b-sales.en", B2B_SALES_ENGLISH_TEXT),
];

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::types::EntityKind;

    #[test]
    fn every_sample_imports_without_violations() {
        for (name, text) in ALL_SAMPLE_TEXTS {
            let imported = json::import_model_file(text);
            assert!(imported.is_ok(), "{name}: {imported:?}");
        }
    }

    #[test]
    fn every_sample_is_rich_enough_to_show_every_screen() {
        for (name, text) in ALL_SAMPLE_TEXTS {
            let model = sample_from_text(text).unwrap();
            assert!(model.initiatives.len() >= 12, "{name}");
            assert_eq!(model.reviews.len(), 1, "{name}");
            assert!(model.goals.len() >= 2, "{name}");
            assert!(!model.spend_items.is_empty(), "{name}");
        }
    }

    /// Every entity id of a model, kind by kind, plus the ids of cost lines.
    fn entity_ids(model: &Model) -> Vec<(EntityKind, Vec<String>)> {
        let ids = |list: Vec<&String>| list.into_iter().cloned().collect::<Vec<_>>();
        vec![
            (
                EntityKind::Person,
                ids(model.people.iter().map(|e| &e.id).collect()),
            ),
            (
                EntityKind::Goal,
                ids(model.goals.iter().map(|e| &e.id).collect()),
            ),
            (
                EntityKind::Kpi,
                ids(model.kpis.iter().map(|e| &e.id).collect()),
            ),
            (
                EntityKind::BusinessProcess,
                ids(model.processes.iter().map(|e| &e.id).collect()),
            ),
            (
                EntityKind::Capability,
                ids(model.capabilities.iter().map(|e| &e.id).collect()),
            ),
            (
                EntityKind::DataObject,
                ids(model.data_objects.iter().map(|e| &e.id).collect()),
            ),
            (
                EntityKind::Initiative,
                ids(model.initiatives.iter().map(|e| &e.id).collect()),
            ),
            (
                EntityKind::SpendItem,
                ids(model.spend_items.iter().map(|e| &e.id).collect()),
            ),
            (
                EntityKind::Review,
                ids(model.reviews.iter().map(|e| &e.id).collect()),
            ),
        ]
    }

    /// The numbers of a model that a translation must not change.
    fn numbers(model: &Model) -> Vec<String> {
        let mut numbers = vec![
            format!("{:?}", model.settings),
            model.planning_start.to_string(),
        ];
        numbers.extend(
            model
                .goals
                .iter()
                .map(|goal| format!("{} {:?} {:?}", goal.weight, goal.horizon, goal.cobit_goal)),
        );
        numbers.extend(model.kpis.iter().map(|kpi| {
            let measured: Vec<f64> = kpi.measurements.iter().map(|m| m.value).collect();
            format!(
                "{:?} {:?} {:?} {measured:?}",
                kpi.baseline, kpi.target, kpi.direction
            )
        }));
        numbers.extend(model.initiatives.iter().map(|initiative| {
            let costs: Vec<(i64, i64)> = initiative
                .cost_lines
                .iter()
                .map(|line| (line.one_time_cents, line.running_cents_per_year))
                .collect();
            format!(
                "{:?} {:?} {:?} {} {:?} {costs:?} {:?} {:?}",
                initiative.status,
                initiative.scores,
                initiative.start,
                initiative.duration_quarters,
                initiative.effort_person_days,
                initiative.depends_on_ids,
                initiative.tags,
            )
        }));
        numbers.extend(model.spend_items.iter().map(|item| {
            let costs: Vec<(i64, i64)> = item
                .cost_lines
                .iter()
                .map(|line| (line.one_time_cents, line.running_cents_per_year))
                .collect();
            format!("{:?} {costs:?} {:?}", item.kind, item.initiative_id)
        }));
        numbers.extend(
            model
                .reviews
                .iter()
                .map(|review| format!("{:?} {:?}", review.luftman, review.snapshot)),
        );
        numbers
    }

    #[test]
    fn the_german_and_english_versions_of_an_example_differ_only_in_texts() {
        for (german, english) in [
            (TRADES_SERVICE_GERMAN_TEXT, TRADES_SERVICE_ENGLISH_TEXT),
            (B2B_SALES_GERMAN_TEXT, B2B_SALES_ENGLISH_TEXT),
        ] {
            let german = sample_from_text(german).unwrap();
            let english = sample_from_text(english).unwrap();
            assert_eq!(german.id, english.id);
            assert_ne!(german.title, english.title);
            assert_eq!(entity_ids(&german), entity_ids(&english));
            assert_eq!(numbers(&german), numbers(&english));
        }
    }

    #[test]
    fn the_two_examples_are_different_models() {
        let trades = sample_from_text(TRADES_SERVICE_GERMAN_TEXT).unwrap();
        let sales = sample_from_text(B2B_SALES_GERMAN_TEXT).unwrap();
        assert_ne!(trades.id, sales.id);
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
        assert!(!default_sample_path(Language::English).starts_with('/'));
    }

    #[test]
    fn each_language_opens_the_trades_example_in_that_language() {
        assert_eq!(
            default_sample_path(Language::German),
            TRADES_SERVICE_GERMAN_PATH
        );
        assert_eq!(
            default_sample_path(Language::English),
            TRADES_SERVICE_ENGLISH_PATH
        );
    }
}
