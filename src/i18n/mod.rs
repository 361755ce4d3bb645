//! German and English texts of the user interface.
//!
//! German comes first because bitalign's users are German-speaking small firms. Every
//! visible text is a [`Text`] key with both translations side by side, so a missing
//! translation is a compile error rather than a blank on screen. Messages with
//! parameters (import errors, refusals) are built by functions in [`messages`].
//! Locale formatting of numbers, money and dates uses the browser's Intl and lives in
//! the wasm-only `intl` module; pure code formats through [`numbers`].

pub mod messages;
pub mod numbers;
pub mod violations;

#[cfg(target_arch = "wasm32")]
pub mod intl;

use serde::{Deserialize, Serialize};

/// The language of the user interface: a preference of this browser, not part of the
/// model, so a file sent by email opens in the recipient's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Language {
    #[default]
    German,
    English,
}

impl Language {
    /// The BCP 47 tag the page declares in `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Language::German => "de",
            Language::English => "en",
        }
    }

    /// The locale used for Intl formatting (DESIGN.md section 4).
    pub fn locale(self) -> &'static str {
        match self {
            Language::German => "de-DE",
            Language::English => "en-GB",
        }
    }

    /// Reads a stored preference; anything unknown falls back to German.
    pub fn from_code(code: &str) -> Language {
        match code.trim() {
            "en" => Language::English,
            _ => Language::German,
        }
    }
}

/// Declares the [`Text`] keys with their German and English wording in one place.
macro_rules! texts {
    ($($key:ident => $german:expr, $english:expr;)*) => {
        /// A fixed text of the user interface.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Text { $($key,)* }

        impl Text {
            /// Every key, for completeness tests.
            pub const ALL: &'static [Text] = &[$(Text::$key,)*];

            /// The wording of this text in `language`.
            pub fn in_language(self, language: Language) -> &'static str {
                match self {
                    $(Text::$key => match language {
                        Language::German => $german,
                        Language::English => $english,
                    },)*
                }
            }
        }
    };
}

texts! {
    AppName => "bitalign", "bitalign";
    AppTagline => "Business-IT-Alignment für kleine Unternehmen", "Business-IT alignment for small companies";
    SkipToContent => "Zum Inhalt springen", "Skip to content";
    MainNavigation => "Hauptnavigation", "Main navigation";
    ToggleNavigation => "Navigation ein-/ausblenden", "Show or hide navigation";
    NavOverview => "Überblick", "Overview";
    NavGoals => "Ziele & KPIs", "Goals & KPIs";
    NavCapabilities => "IT-Fähigkeiten", "Capabilities";
    NavInitiatives => "Initiativen", "Initiatives";
    NavMatrix => "Prioritätenmatrix", "Priority matrix";
    NavRoadmap => "Roadmap", "Roadmap";
    NavBudget => "Budget & Ausgaben", "Budget & spend";
    NavPeople => "Verantwortliche", "People";
    NavReviews => "Quartalsreviews", "Reviews";
    NavAlignment => "Alignment-Check", "Alignment check";
    NavWorkshop => "Workshop", "Workshop";
    NavSettings => "Einstellungen", "Settings";
    OpenFile => "Datei öffnen", "Open file";
    SaveFile => "Datei speichern", "Save file";
    SaveBackupNow => "Jetzt als Datei sichern", "Back up as a file now";
    Undo => "Rückgängig", "Undo";
    Redo => "Wiederholen", "Redo";
    UndoShortcutHint => "Rückgängig (Strg+Z)", "Undo (Ctrl+Z)";
    RedoShortcutHint => "Wiederholen (Strg+Umschalt+Z oder Strg+Y)", "Redo (Ctrl+Shift+Z or Ctrl+Y)";
    Language => "Sprache", "Language";
    LanguageGerman => "Deutsch", "Deutsch";
    LanguageEnglish => "English", "English";
    ComingLater => "Dieser Bereich folgt in einer der nächsten Ausbaustufen. Ihre Daten sind bereits vollständig im Modell gespeichert.", "This screen arrives in one of the next releases. Your data is already fully stored in the model.";
    NotFoundTitle => "Seite nicht gefunden", "Page not found";
    NotFoundBody => "Diese Adresse gehört zu keinem Bereich von bitalign.", "This address does not belong to any screen of bitalign.";
    BackToOverview => "Zum Überblick", "Back to the overview";
    Close => "Schließen", "Close";
    Cancel => "Abbrechen", "Cancel";
    Dismiss => "Ausblenden", "Dismiss";
    KeyFigures => "Kennzahlen des Modells", "Key figures of the model";
    CountPeople => "Verantwortliche", "People";
    CountGoals => "Geschäftsziele", "Goals";
    CountKpis => "Kennzahlen (KPIs)", "KPIs";
    CountProcesses => "Geschäftsprozesse", "Business processes";
    CountCapabilities => "IT-Fähigkeiten", "IT capabilities";
    CountDataObjects => "Datenobjekte", "Data objects";
    CountInitiatives => "Initiativen", "Initiatives";
    CountSpendItems => "IT-Ausgaben", "IT spend items";
    CountReviews => "Quartalsreviews", "Quarterly reviews";
    CountWorkshops => "Workshops", "Workshops";
    ModelTitleLabel => "Titel des Modells", "Model title";
    OrganizationLabel => "Organisation", "Organization";
    EmptyModelHint => "Dieses Modell ist noch leer. Beginnen Sie mit Ihren Geschäftszielen: Was soll sich im Unternehmen messbar verbessern?", "This model is still empty. Start with your business goals: what should measurably improve in the business?";
    SaveStateSaved => "Gespeichert", "Saved";
    SaveStatePending => "Wird gespeichert …", "Saving …";
    SaveStateFailed => "Nicht gespeichert", "Not saved";
    ModelsHeading => "Modelle in diesem Browser", "Models in this browser";
    ModelsIntro => "Mehrere Modelle können nebeneinander gespeichert werden, zum Beispiel je Kunde oder je Planungsjahr. Alles bleibt in diesem Browser, bis Sie eine Datei speichern.", "Several models can be kept side by side, for example one per client or per planning year. Everything stays in this browser until you save a file.";
    ActiveModel => "geöffnet", "open";
    OpenModel => "Öffnen", "Open";
    RenameModel => "Umbenennen", "Rename";
    DuplicateModel => "Duplizieren", "Duplicate";
    DeleteModel => "Löschen", "Delete";
    NewEmptyModel => "Neues leeres Modell", "New empty model";
    NewModelDefaultTitle => "Neues Modell", "New model";
    CopySuffix => "(Kopie)", "(copy)";
    ConfirmDeleteTitle => "Modell löschen?", "Delete model?";
    ConfirmDeleteBody => "Das Modell wird aus diesem Browser entfernt. Das kann nicht rückgängig gemacht werden. Speichern Sie vorher eine Datei, wenn Sie es behalten möchten.", "The model is removed from this browser. This cannot be undone. Save a file first if you want to keep it.";
    ConfirmDeleteAction => "Endgültig löschen", "Delete for good";
    SaveChanges => "Übernehmen", "Apply";
    ModelInfoHeading => "Modell", "Model";
    ImportPreviewTitle => "Datei öffnen", "Open file";
    ImportPreviewIntro => "Die Datei ist gültig und enthält:", "The file is valid and contains:";
    ImportExportedAt => "Gespeichert am", "Saved on";
    ImportReplace => "Aktuelles Modell ersetzen", "Replace the open model";
    ImportAddAsNew => "Als neues Modell hinzufügen", "Add as a new model";
    ImportReplaceHint => "Ersetzen lässt sich mit „Rückgängig“ zurücknehmen.", "Replacing can be taken back with “Undo”.";
    ImportFailedTitle => "Die Datei kann nicht geöffnet werden", "The file cannot be opened";
    ImportNothingChanged => "Ihr geöffnetes und Ihre gespeicherten Modelle sind unverändert.", "Your open model and your stored models are unchanged.";
    TechnicalDetail => "Technische Angabe", "Technical detail";
    DropFileHere => "Datei hier ablegen, um sie zu öffnen", "Drop the file here to open it";
    ExportReminder => "Ihre letzte Sicherung als Datei ist über einen Monat alt. Browser können Daten von selten besuchten Seiten löschen: Speichern Sie eine Datei.", "Your last backup file is more than a month old. Browsers may delete data of sites that are rarely visited: save a file.";
    ExportNeverReminder => "Dieses Modell wurde noch nie als Datei gesichert. Speichern Sie eine Datei, um es weiterzugeben oder zu sichern.", "This model has never been saved as a file. Save a file to share it or keep a backup.";
    StorageUnreadableTitle => "Gespeicherte Daten konnten nicht gelesen werden", "Stored data could not be read";
    StorageUnreadableBody => "Ein in diesem Browser gespeichertes Modell ist beschädigt oder stammt aus einer neueren Version von bitalign. Der Originaltext wurde unverändert als Sicherung aufbewahrt.", "A model stored in this browser is damaged or comes from a newer version of bitalign. Its original text was kept unchanged as a backup.";
    DownloadBackup => "Sicherung herunterladen", "Download the backup";
    StorageFullTitle => "Der Speicher des Browsers ist voll", "The browser's storage is full";
    StorageFullBody => "Die letzte Änderung konnte nicht gespeichert werden. Das Modell ist weiter geöffnet; der zuletzt gespeicherte Stand bleibt erhalten. Speichern Sie jetzt eine Datei und löschen Sie nicht mehr benötigte Modelle.", "The last change could not be saved. The model is still open; the last stored version is kept. Save a file now and delete models you no longer need.";
    StorageUnavailableBody => "Dieser Browser erlaubt keine lokale Speicherung. Änderungen gehen beim Schließen verloren: Speichern Sie eine Datei.", "This browser does not allow local storage. Changes are lost when you close it: save a file.";
    Exported => "Datei gespeichert", "File saved";
    Imported => "Datei geöffnet", "File opened";
    UndoDone => "Rückgängig gemacht", "Undone";
    RedoDone => "Wiederholt", "Redone";
    NothingToUndo => "Nichts rückgängig zu machen", "Nothing to undo";
    NothingToRedo => "Nichts zu wiederholen", "Nothing to redo";
    ChangeRefused => "Änderung nicht möglich", "Change not possible";
    RequiredField => "Pflichtfeld", "Required";
    PersistentStorageGranted => "Der Browser hat dauerhafte Speicherung zugesagt.", "The browser granted persistent storage.";
    PersistentStorageNotGranted => "Der Browser hat keine dauerhafte Speicherung zugesagt: Sichern Sie regelmäßig eine Datei.", "The browser did not grant persistent storage: save a file regularly.";
    LastExport => "Letzte Sicherung als Datei", "Last backup file";
    NeverExported => "noch nie", "never";
    Notifications => "Meldungen", "Notifications";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_has_both_translations() {
        for text in Text::ALL {
            assert!(
                !text.in_language(Language::German).trim().is_empty(),
                "{text:?}"
            );
            assert!(
                !text.in_language(Language::English).trim().is_empty(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn unknown_language_codes_fall_back_to_german() {
        assert_eq!(Language::from_code("en"), Language::English);
        assert_eq!(Language::from_code("fr"), Language::German);
        assert_eq!(Language::from_code(""), Language::German);
    }
}
