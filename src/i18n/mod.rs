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

        /// The wordings of every text, German then English, in the order of [`Text`].
        /// A table indexed by the key compiles to a few instructions and plain data,
        /// where a `match` over hundreds of keys compiles to kilobytes of code.
        const TEXT_TABLE: &[[&str; 2]] = &[$([$german, $english],)*];

        impl Text {
            /// Every key, for completeness tests.
            pub const ALL: &'static [Text] = &[$(Text::$key,)*];

            /// The wording of this text in `language`.
            pub fn in_language(self, language: Language) -> &'static str {
                TEXT_TABLE[self as usize][language as usize]
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
    Yes => "ja", "yes";
    No => "nein", "no";
    RoleManagement => "Geschäftsführung", "Management";
    RoleProductOwner => "Fachverantwortung", "Product owner";
    RoleProcessOwner => "Prozessverantwortung", "Process owner";
    RoleDataOwner => "Datenverantwortung", "Data owner";
    RoleItProvider => "IT-Dienstleister", "IT provider";
    DirectionIncrease => "steigen", "increase";
    DirectionDecrease => "sinken", "decrease";
    CapabilityKindSystem => "System / Anwendung", "System / application";
    CapabilityKindData => "Daten", "Data";
    CapabilityKindInterface => "Schnittstelle", "Interface";
    CapabilityKindInfrastructure => "Infrastruktur", "Infrastructure";
    StatusIdea => "Idee", "Idea";
    StatusPlanned => "Geplant", "Planned";
    StatusActive => "Aktiv", "Active";
    StatusDone => "Abgeschlossen", "Done";
    StatusStopped => "Gestoppt", "Stopped";
    CostAcquisition => "Anschaffung", "Acquisition";
    CostOperation => "Betrieb", "Operation";
    CostTraining => "Schulung", "Training";
    CostChange => "Veränderung", "Change";
    CostSecurity => "Sicherheit", "Security";
    SpendKindSoftware => "Software / Lizenz", "Software / licence";
    SpendKindServiceProvider => "Dienstleister", "Service provider";
    SpendKindInfrastructure => "Infrastruktur", "Infrastructure";
    Cobit01 => "EG01 Wettbewerbsfähige Produkte und Dienstleistungen", "EG01 Portfolio of competitive products and services";
    Cobit02 => "EG02 Gesteuertes Geschäftsrisiko", "EG02 Managed business risk";
    Cobit03 => "EG03 Einhaltung externer Gesetze und Vorschriften", "EG03 Compliance with external laws and regulations";
    Cobit04 => "EG04 Qualität der Finanzinformationen", "EG04 Quality of financial information";
    Cobit05 => "EG05 Kundenorientierte Dienstleistungskultur", "EG05 Customer-oriented service culture";
    Cobit06 => "EG06 Geschäftskontinuität und Verfügbarkeit", "EG06 Business service continuity and availability";
    Cobit07 => "EG07 Qualität der Managementinformationen", "EG07 Quality of management information";
    Cobit08 => "EG08 Optimierte interne Geschäftsprozesse", "EG08 Optimization of internal business process functionality";
    Cobit09 => "EG09 Optimierte Kosten der Geschäftsprozesse", "EG09 Optimization of business process costs";
    Cobit10 => "EG10 Kompetenz und Motivation der Mitarbeitenden", "EG10 Staff skills, motivation and productivity";
    Cobit11 => "EG11 Einhaltung interner Richtlinien", "EG11 Compliance with internal policies";
    Cobit12 => "EG12 Gesteuerte Digitalisierungsprogramme", "EG12 Managed digital transformation programs";
    Cobit13 => "EG13 Produkt- und Geschäftsinnovation", "EG13 Product and business innovation";
    ColumnResponsibilities => "Verantwortet", "Responsible for";
    ColumnKpiCount => "KPIs", "KPIs";
    ColumnMeasurable => "Messbar", "Measurable";
    ColumnLatestValue => "Letzter Wert", "Latest value";
    ColumnProgress => "Fortschritt %", "Progress %";
    ColumnCapabilityCount => "IT-Fähigkeiten", "Capabilities";
    ColumnMaturity => "Reife (Ist → Soll)", "Maturity (now → target)";
    ColumnGoalCount => "Ziele", "Goals";
    ColumnProcessCount => "Prozesse", "Processes";
    ColumnValueShort => "Nutzen", "Value";
    ColumnEffortShort => "Aufwand", "Effort";
    ColumnYearlyCost => "Kosten pro Jahr", "Cost per year";
    ColumnKpiActualCount => "KPI-Istwerte", "KPI actuals";
    ColumnDecisionCount => "Entscheidungen", "Decisions";
    FieldName => "Name", "Name";
    FieldTitle => "Titel", "Title";
    FieldDescription => "Beschreibung", "Description";
    FieldOwner => "Verantwortlich", "Owner";
    FieldRoles => "Rollen", "Roles";
    FieldEmail => "E-Mail", "E-mail";
    FieldStatement => "Messbare Aussage", "Measurable statement";
    FieldWeight => "Gewicht (1–5)", "Weight (1–5)";
    FieldHorizon => "Zielquartal", "Target quarter";
    FieldCobitGoal => "COBIT-Unternehmensziel", "COBIT enterprise goal";
    FieldTags => "Schlagworte", "Tags";
    FieldGoal => "Geschäftsziel", "Goal";
    FieldGoals => "Geschäftsziele", "Goals";
    FieldUnit => "Einheit", "Unit";
    FieldDirection => "Richtung", "Direction";
    FieldBaseline => "Ausgangswert", "Baseline";
    FieldBaselineDate => "Stand des Ausgangswerts", "Baseline date";
    FieldTarget => "Zielwert", "Target";
    FieldTargetDate => "Zieldatum", "Target date";
    FieldDataSource => "Datenquelle", "Data source";
    FieldMeasurements => "Messwerte je Quartal", "Measurements per quarter";
    FieldQuarter => "Quartal", "Quarter";
    FieldValue => "Wert", "Value";
    FieldNote => "Notiz", "Note";
    FieldCapabilityKind => "Art", "Kind";
    FieldCurrentMaturity => "Reife heute (1–5)", "Maturity today (1–5)";
    FieldTargetMaturity => "Reife Ziel (1–5)", "Target maturity (1–5)";
    FieldBusinessFit => "Fachliche Eignung (1–10)", "Business fit (1–10)";
    FieldTechnicalFit => "Technische Eignung (1–10)", "Technical fit (1–10)";
    FieldProcesses => "Geschäftsprozesse", "Business processes";
    FieldDataObjects => "Datenobjekte", "Data objects";
    FieldDataOwner => "Datenverantwortlich", "Data owner";
    FieldDataQuality => "Datenqualität (1–5)", "Data quality (1–5)";
    FieldStatus => "Status", "Status";
    FieldValueScore => "Nutzen (1–10)", "Value (1–10)";
    FieldEffortScore => "Aufwand (1–10)", "Effort (1–10)";
    FieldRisk => "Risiko (1–5)", "Risk (1–5)";
    FieldPersonDays => "Aufwand in Personentagen", "Effort in person-days";
    FieldStart => "Start (Quartal)", "Start (quarter)";
    FieldDuration => "Dauer in Quartalen", "Duration in quarters";
    FieldContributions => "Beitrag zu Geschäftszielen", "Contribution to goals";
    FieldStrength => "Stärke (1–3)", "Strength (1–3)";
    FieldCapabilities => "IT-Fähigkeiten", "IT capabilities";
    FieldDependsOn => "Hängt ab von", "Depends on";
    FieldCostLines => "Kosten", "Costs";
    FieldCategory => "Kategorie", "Category";
    FieldOneTimeCost => "Einmalig", "One-time";
    FieldRunningCost => "Laufend pro Jahr", "Running per year";
    FieldSpendKind => "Art der Ausgabe", "Kind of spend";
    FieldVendor => "Anbieter", "Vendor";
    FieldStartDate => "Beginn", "Start date";
    FieldInitiative => "Gehört zu Initiative", "Belongs to initiative";
    FieldKpi => "KPI", "KPI";
    FieldReviewDate => "Datum", "Date";
    FieldKpiActuals => "KPI-Istwerte", "KPI actuals";
    FieldUserAcceptance => "Akzeptanz bei Anwendern (1–5)", "User acceptance (1–5)";
    FieldTechnicalDebt => "Technische Schulden (1–5)", "Technical debt (1–5)";
    FieldSecurityPosture => "Sicherheitslage (1–5)", "Security posture (1–5)";
    FieldDecisions => "Entscheidungen", "Decisions";
    FieldNextSteps => "Nächste Schritte", "Next steps";
    FieldNotes => "Notizen", "Notes";
    FieldCurrency => "Währung", "Currency";
    FieldPlanningStart => "Planungsbeginn (Quartal)", "Planning start (quarter)";
    FieldCapacity => "Kapazität in Personentagen pro Quartal", "Capacity in person-days per quarter";
    FieldItBudget => "IT-Budget pro Jahr", "IT budget per year";
    FieldWipLimit => "Höchstzahl paralleler Initiativen", "Limit of parallel initiatives";
    FieldLargeSpendThreshold => "Schwelle für größere Ausgaben (pro Jahr)", "Threshold for larger spend (per year)";
    FieldUsefulLife => "Nutzungsdauer in Jahren", "Useful life in years";
    FieldQuadrantThreshold => "Schwelle der Quadranten (1–10)", "Quadrant threshold (1–10)";
    HintGoalTitle => "Was soll im Geschäft besser werden? Zum Beispiel: Mehr Aufträge pro Woche ohne mehr Bürokräfte.", "What should improve in the business? For example: more jobs per week without more office staff.";
    HintGoalStatement => "Woran erkennen Sie den Erfolg? Eine Zahl und ein Zeitpunkt machen das Ziel messbar.", "How will you recognise success? A number and a date make the goal measurable.";
    HintWeight => "Wie wichtig ist das Ziel im Vergleich zu den anderen? 5 = am wichtigsten.", "How important is this goal compared with the others? 5 = most important.";
    HintGoalOwner => "Ein Ziel braucht jemanden aus der Geschäftsführung, der es verantwortet.", "A goal needs someone from management who owns it.";
    HintKpiName => "Eine Kennzahl, die zeigt, ob das Ziel erreicht wird. Mit Ausgangs- und Zielwert ist sie messbar.", "A figure that shows whether the goal is reached. With a baseline and a target it is measurable.";
    HintMeasurements => "Tragen Sie je Quartal den gemessenen Wert ein.", "Enter the measured value for each quarter.";
    HintProcessOwner => "Automatisierung lohnt sich nur bei Prozessen mit klarer Verantwortung.", "Automation only pays off for processes with a clear owner.";
    HintCapabilityName => "Was muss die IT können, damit die Ziele erreicht werden? Zum Beispiel: Termine digital planen.", "What must IT be able to do so that the goals are reached? For example: plan appointments digitally.";
    HintDataQuality => "1 = unbrauchbar, 5 = vollständig und aktuell.", "1 = unusable, 5 = complete and up to date.";
    HintValueScore => "Geschäftsnutzen: 10 = größter Beitrag zu den Zielen.", "Business value: 10 = largest contribution to the goals.";
    HintEffortScore => "Aufwand: 10 = sehr aufwendig.", "Effort: 10 = very demanding.";
    HintContributions => "Zu welchen Zielen trägt die Initiative bei, und wie stark (1 schwach, 3 stark)?", "Which goals does the initiative contribute to, and how strongly (1 weak, 3 strong)?";
    HintCostLines => "Denken Sie neben der Anschaffung an Betrieb, Schulung, Veränderung und Sicherheit.", "Besides acquisition, think of operation, training, change and security.";
    HintSpendLinks => "Jede größere Ausgabe sollte einen Geschäftsprozess und ein messbares Ziel unterstützen.", "Every larger spend should support a business process and a measurable goal.";
    HintOnePerLine => "Ein Eintrag pro Zeile.", "One entry per line.";
    HintCurrency => "Dreibuchstabiger Code nach ISO 4217, zum Beispiel EUR oder CHF.", "Three-letter ISO 4217 code, for example EUR or CHF.";
    HintPlanningStart => "Das erste Quartal der Roadmap, zum Beispiel Q1 2027.", "The first quarter of the roadmap, for example Q1 2027.";
    HintWipLimit => "Zu viele parallele Projekte sind ein häufiger Fehler. Leer = keine Grenze.", "Too many parallel projects are a common mistake. Empty = no limit.";
    HintLargeSpendThreshold => "Ab diesem Betrag pro Jahr muss eine Ausgabe auf Prozess und Ziel zurückführbar sein.", "From this amount per year a spend must trace to a process and a goal.";
    HintUsefulLife => "Über diese Zeit werden einmalige Kosten auf die Jahre verteilt.", "One-time costs are spread over this many years.";
    ProblemRequired => "Bitte ausfüllen.", "Please fill in.";
    ProblemNotANumber => "Bitte eine Zahl eingeben, zum Beispiel 1.234,56.", "Please enter a number, for example 1,234.56.";
    ProblemNotAWholeNumber => "Bitte eine ganze Zahl eingeben.", "Please enter a whole number.";
    ProblemMoneyTooLarge => "Der Betrag muss zwischen 0 und 100 Milliarden liegen.", "The amount must be between 0 and 100 billion.";
    ProblemNotADate => "Bitte ein Datum eingeben.", "Please enter a date.";
    ProblemNotAQuarter => "Bitte ein Quartal wie Q3 2026 eingeben.", "Please enter a quarter such as Q3 2026.";
    ProblemNotAnEmail => "Bitte eine E-Mail-Adresse wie name@firma.de eingeben.", "Please enter an e-mail address such as name@company.com.";
    ProblemNotACurrencyCode => "Bitte einen Code aus drei Buchstaben eingeben, zum Beispiel EUR.", "Please enter a three-letter code, for example EUR.";
    ProblemUnknownChoice => "Bitte eine der Möglichkeiten wählen.", "Please choose one of the options.";
    ProblemChosenTwice => "Derselbe Eintrag kommt zweimal vor.", "The same entry appears twice.";
    FormHasProblems => "Bitte prüfen Sie die markierten Felder.", "Please check the marked fields.";
    RequiredFieldsNote => "Pflichtfelder sind mit * markiert.", "Required fields are marked with *.";
    NotChosen => "– keine Angabe –", "– not set –";
    AddRow => "Zeile hinzufügen", "Add row";
    RemoveRow => "Zeile entfernen", "Remove row";
    NothingToChooseYet => "Noch keine Einträge vorhanden.", "No entries yet.";
    NewEntity => "Neu", "New";
    EditEntity => "Bearbeiten", "Edit";
    SaveEntity => "Speichern", "Save";
    DeleteEntity => "Löschen", "Delete";
    ConfirmDeleteEntityTitle => "Wirklich löschen?", "Delete for real?";
    ConfirmDeleteEntityBody => "Verknüpfungen zu diesem Eintrag werden entfernt. Sie können das Löschen mit „Rückgängig“ zurücknehmen.", "Links to this entry are removed. You can take the deletion back with “Undo”.";
    EntitySaved => "Gespeichert", "Saved";
    EntityCreated => "Angelegt", "Created";
    EntityDeleted => "Gelöscht", "Deleted";
    NoChanges => "Keine Änderungen", "No changes";
    SearchLabel => "Filtern", "Filter";
    SearchPlaceholder => "Text eingeben …", "Type to filter …";
    NoMatches => "Kein Eintrag passt zum Filter.", "No entry matches the filter.";
    SortBy => "Sortieren nach", "Sort by";
    EntityNotFound => "Dieser Eintrag existiert nicht mehr.", "This entry no longer exists.";
    EmptyGoals => "Noch keine Geschäftsziele. Schritt 1 der Methode: Halten Sie fest, was sich im Geschäft messbar verbessern soll.", "No goals yet. Step 1 of the method: write down what should measurably improve in the business.";
    EmptyKpis => "Noch keine KPIs. Schritt 2: Geben Sie jedem Ziel eine Kennzahl mit Ausgangs- und Zielwert.", "No KPIs yet. Step 2: give each goal a figure with a baseline and a target.";
    EmptyCapabilities => "Noch keine IT-Fähigkeiten. Schritt 3: Leiten Sie aus den Zielen ab, was die IT können muss.", "No capabilities yet. Step 3: derive from the goals what IT must be able to do.";
    EmptyProcesses => "Noch keine Geschäftsprozesse. Jede größere IT-Ausgabe sollte einen Prozess unterstützen.", "No business processes yet. Every larger IT spend should support a process.";
    EmptyDataObjects => "Noch keine Datenobjekte. Erfassen Sie die wichtigen Daten und wer für sie verantwortlich ist.", "No data objects yet. Record the important data and who is responsible for it.";
    EmptyInitiatives => "Noch keine Initiativen. Schritt 4: Welche Vorhaben bringen die IT-Fähigkeiten voran?", "No initiatives yet. Step 4: which projects advance the capabilities?";
    EmptySpendItems => "Noch keine IT-Ausgaben. Schritt 5: Erfassen Sie Lizenzen, Dienstleister und Infrastruktur mit ihren Kosten.", "No spend items yet. Step 5: record licences, service providers and infrastructure with their costs.";
    EmptyPeople => "Noch keine Verantwortlichen. Ohne klare Verantwortung bleiben Ziele und Daten ohne Pflege.", "No people yet. Without clear responsibility, goals and data are not looked after.";
    EmptyReviews => "Noch keine Quartalsreviews. Schritt 6: Prüfen Sie jedes Quartal Kennzahlen, Initiativen und Ausgaben.", "No reviews yet. Step 6: every quarter, review KPIs, initiatives and spend.";
    IntroGoals => "Geschäftsziele und die Kennzahlen, an denen Sie ihren Erfolg messen.", "Business goals and the figures by which you measure their success.";
    IntroCapabilities => "Was die IT können muss, welche Geschäftsprozesse sie unterstützt und welche Daten dafür wichtig sind.", "What IT must be able to do, which business processes it supports and which data matters for it.";
    IntroInitiatives => "Die Vorhaben, mit denen die IT-Fähigkeiten entstehen, mit Bewertung, Zeitplan und Kosten.", "The projects that build the capabilities, with scores, schedule and costs.";
    IntroBudget => "Laufende und einmalige IT-Ausgaben und wofür sie da sind.", "Running and one-time IT spend and what it is for.";
    IntroPeople => "Wer für Ziele, Prozesse, Daten und Initiativen verantwortlich ist.", "Who is responsible for goals, processes, data and initiatives.";
    IntroReviews => "Einmal pro Quartal: Istwerte, Entscheidungen und nächste Schritte.", "Once per quarter: actual values, decisions and next steps.";
    TotalYearlyCost => "IT-Kosten pro Jahr", "IT cost per year";
    OneTimeCost => "davon einmalig (auf die Nutzungsdauer verteilt)", "of which one-time (spread over the useful life)";
    RunningCost => "davon laufend", "of which running";
    OneTimeTotal => "Einmalige Kosten gesamt", "One-time cost in total";
    AlignmentCoverageHeading => "Alignment-Abdeckung", "Alignment coverage";
    AlignmentCoverageExplained => "Anteil der jährlichen IT-Kosten, die einen Geschäftsprozess und ein messbares Ziel unterstützen.", "Share of the yearly IT cost that supports a business process and a measurable goal.";
    CoverageNotYet => "Noch keine Kosten erfasst.", "No costs recorded yet.";
    UncoveredHeading => "Nicht zurückführbare Kosten", "Cost that does not trace";
    UncoveredNone => "Alle Kosten sind auf einen Prozess und ein messbares Ziel zurückführbar.", "All cost traces to a process and a measurable goal.";
    MissingProcess => "kein Geschäftsprozess", "no business process";
    MissingMeasurableGoal => "kein messbares Ziel", "no measurable goal";
    SamplesHeading => "Beispielmodelle", "Sample models";
    SamplesIntro => "Zwei vollständige Beispiele nach der Methode. Sie werden als neues Modell hinzugefügt; Ihre Modelle bleiben unverändert.", "Two complete examples of the method. They are added as a new model; your models stay unchanged.";
    SampleTradesService => "Beispiel 1: Handwerks- und Servicebetrieb", "Example 1: trades and service firm";
    SampleB2bSales => "Beispiel 2: B2B-Vertrieb", "Example 2: B2B sales";
    SampleLoadFailed => "Das Beispielmodell konnte nicht geladen werden.", "The sample model could not be loaded.";
    PlanningSettingsHeading => "Modell, Planung und Schwellen", "Model, planning and thresholds";
    SpendAndInitiativeCost => "Kosten nach Herkunft", "Cost by source";
    FromSpendItems => "aus IT-Ausgaben", "from spend items";
    FromInitiatives => "aus Initiativen", "from initiatives";
    BudgetGap => "Abstand zum IT-Budget", "Gap to the IT budget";
    AddKpiForGoal => "KPI zu diesem Ziel anlegen", "Add a KPI to this goal";
    QuadrantQuickWin => "Quick Win", "Quick win";
    QuadrantPlatformTopic => "Plattformthema", "Platform topic";
    QuadrantFillIn => "Lückenfüller", "Fill-in";
    QuadrantTimeSink => "Zeitfresser", "Time sink";
    HintQuadrantLabel => "Eigene Namen für die vier Quadranten der Prioritätenmatrix; leer = Standardname.", "Your own names for the four quadrants of the priority matrix; empty = default name.";
    ColumnQuadrant => "Quadrant", "Quadrant";
    IntroMatrix => "Nutzen gegen Aufwand: Ziehen Sie eine Blase an die richtige Stelle oder wählen Sie sie mit Tab und verschieben Sie sie mit den Pfeiltasten. Enter öffnet die Initiative.", "Value against effort: drag a bubble to the right place, or Tab to it and move it with the arrow keys. Enter opens the initiative.";
    AxisValue => "Nutzen", "Value";
    AxisEffort => "Aufwand", "Effort";
    MatrixLabel => "Prioritätenmatrix: Nutzen (senkrecht) gegen Aufwand (waagrecht)", "Priority matrix: value (vertical) against effort (horizontal)";
    UnscoredHeading => "Noch nicht bewertet", "Not scored yet";
    UnscoredHint => "Ziehen Sie eine Initiative in die Matrix, oder wählen Sie sie und drücken Sie eine Pfeiltaste.", "Drag an initiative into the matrix, or select it and press an arrow key.";
    UnscoredNone => "Alle Initiativen sind bewertet.", "All initiatives are scored.";
    MatrixEmpty => "Noch keine Initiativen. Legen Sie unter „Initiativen“ Vorhaben an, um sie hier zu bewerten.", "No initiatives yet. Add some under “Initiatives” to score them here.";
    DerivedFromGoals => "aus den Zielen abgeleitet", "derived from goals";
    CardYearlyCost => "Kosten pro Jahr", "Cost per year";
    FrameworkValueEffort => "Nutzen ÷ Aufwand", "Value ÷ effort";
    FrameworkWeighted => "Gewichtete Kriterien (0–100)", "Weighted criteria (0–100)";
    FrameworkWsjf => "WSJF (Weighted Shortest Job First)", "WSJF (weighted shortest job first)";
    FrameworkRice => "RICE (Reichweite, Wirkung, Zuversicht, Aufwand)", "RICE (reach, impact, confidence, effort)";
    FieldScoringFramework => "Bewertungsverfahren", "Scoring framework";
    HintScoringFramework => "Bestimmt den Prioritätswert, nach dem Rangliste, Roadmap und automatischer Plan ordnen.", "Gives the priority score that orders the ranking, the roadmap and the automatic plan.";
    FieldWeightedCriteria => "Gewichtete Kriterien", "Weighted criteria";
    HintWeightedCriteria => "Zum Beispiel Beitrag zu den Zielen, Dringlichkeit, Risikominderung, Compliance; Gewicht 0–100. Jede Initiative bekommt je Kriterium 1–5 Punkte.", "For example contribution to goals, urgency, risk reduction, compliance; weight 0–100. Each initiative scores 1–5 per criterion.";
    WeightWord => "Gewicht", "weight";
    FieldCriterionName => "Kriterium", "Criterion";
    FieldCriterionWeight => "Gewicht (0–100)", "Weight (0–100)";
    FieldCriterionScore => "Punkte (1–5)", "Score (1–5)";
    FieldDeriveValue => "Nutzen aus Zielen", "Value from goals";
    DeriveValueOption => "Nutzen aus Zielgewicht × Beitragsstärke vorschlagen", "Suggest the value from goal weight × contribution strength";
    HintDeriveValue => "Ein eingetragener oder gezogener Nutzen hat Vorrang; leeren Sie das Feld, um den Vorschlag zu nutzen.", "A value you enter or drag takes precedence; clear the field to use the suggestion.";
    FieldTimeCriticality => "Zeitkritikalität (1–10)", "Time criticality (1–10)";
    FieldRiskReduction => "Risikoreduktion / Chancen (1–10)", "Risk reduction / opportunity enablement (1–10)";
    HintWsjfInputs => "WSJF = (Nutzen + Zeitkritikalität + Risikoreduktion) ÷ Aufwand (1–10).", "WSJF = (value + time criticality + risk reduction) ÷ effort (1–10).";
    FieldRiceReach => "Reichweite (Personen oder Vorgänge je Quartal)", "Reach (people or events per quarter)";
    HintRiceInputs => "RICE = Reichweite × Wirkung × Zuversicht ÷ Personenmonate (Personentage ÷ 20).", "RICE = reach × impact × confidence ÷ person-months (person-days ÷ 20).";
    FieldRiceImpact => "Wirkung", "Impact";
    RiceImpactMassive => "3 – sehr hoch", "3 – massive";
    RiceImpactHigh => "2 – hoch", "2 – high";
    RiceImpactMedium => "1 – mittel", "1 – medium";
    RiceImpactLow => "0,5 – gering", "0.5 – low";
    RiceImpactMinimal => "0,25 – minimal", "0.25 – minimal";
    FieldRiceConfidence => "Zuversicht (0–100 %)", "Confidence (0–100 %)";
    FieldCriterionScores => "Punkte je Kriterium (1–5)", "Score per criterion (1–5)";
    HintCriterionScores => "1 = trägt nicht bei, 5 = trägt voll bei. Kriterien und Gewichte stehen in den Einstellungen.", "1 = does not contribute, 5 = contributes fully. Criteria and weights are in the settings.";
    NoCriteriaYet => "Noch keine Kriterien: legen Sie sie in den Einstellungen an.", "No criteria yet: add them in the settings.";
    RankingHeading => "Rangliste nach Prioritätswert", "Ranking by priority score";
    TieBreakRule => "Bei Gleichstand zuerst der höhere Nutzen, dann der Titel (A–Z).", "Ties: higher value first, then title (A–Z).";
    ColumnRank => "Rang", "Rank";
    ColumnPriorityScore => "Prioritätswert", "Priority score";
    ColumnBreakdown => "Zusammensetzung", "Breakdown";
    NotScoredHeading => "Ohne Prioritätswert", "Without a priority score";
    MissingLabel => "Es fehlt", "Missing";
    MissingCriteriaWeights => "Kriterien mit Gewicht über 0 (Einstellungen)", "criteria with a weight above 0 (settings)";
    RankingEmpty => "Noch keine Initiativen zum Ordnen.", "No initiatives to rank yet.";
    ViewMatrix => "Matrix", "Matrix";
    ViewRanking => "Rangliste", "Ranking";
    ViewApplications => "Anwendungen (TIME)", "Applications (TIME)";
    ViewSwitchLabel => "Ansicht", "View";
    MatrixSearchLabel => "Suchen", "Search";
    FiltersHeading => "Filter", "Filters";
    FilterAll => "alle", "all";
    ResetFilters => "Filter zurücksetzen", "Reset filters";
    ColourBy => "Farbe nach", "Colour by";
    ColourByGoal => "Geschäftsziel", "Goal";
    ColourByRisk => "Risiko", "Risk";
    ShowDependencies => "Abhängigkeiten als Pfeile", "Dependencies as arrows";
    ExportSvg => "SVG speichern", "Save SVG";
    ExportPng => "PNG speichern", "Save PNG";
    PrintView => "Drucken (A4 quer)", "Print (A4 landscape)";
    NoGoal => "ohne Ziel", "no goal";
    RiskLow => "Risiko 1–2", "Risk 1–2";
    RiskMedium => "Risiko 3", "Risk 3";
    RiskHigh => "Risiko 4–5", "Risk 4–5";
    RiskNotSet => "Risiko offen", "Risk not set";
    OutlineLegend => "Rand: gestrichelt = Idee, dünn = geplant, dick grün = aktiv, blass = erledigt, rot = gestoppt. Innerer Ring: Nutzen aus Zielen abgeleitet.", "Outline: dashed = idea, thin = planned, thick green = active, faded = done, red = stopped. Inner ring: value derived from goals.";
    ShownOf => "sichtbar von", "shown of";
    SearchMatchesWord => "Treffer", "matches";
    DependsOnPrefix => "Hängt ab von", "Depends on";
    RanksLowerSuffix => "das niedriger priorisiert ist", "which ranks lower";
    HasNoScoreSuffix => "das noch keinen Prioritätswert hat", "which has no priority score yet";
    AgainstWord => "gegenüber", "against";
    ShortTimeCriticality => "Zeitkritikalität", "time criticality";
    ShortRiskReduction => "Risikoreduktion", "risk reduction";
    ShortReach => "Reichweite", "reach";
    ShortConfidence => "Zuversicht", "confidence";
    PersonMonths => "Personenmonate", "person-months";
    TimeTolerate => "Tolerieren", "Tolerate";
    TimeInvest => "Investieren", "Invest";
    TimeMigrate => "Migrieren", "Migrate";
    TimeEliminate => "Eliminieren", "Eliminate";
    AxisBusinessFit => "Fachliche Eignung", "Business fit";
    AxisTechnicalFit => "Technische Eignung", "Technical fit";
    TimeMatrixLabel => "TIME-Matrix: fachliche Eignung (senkrecht) gegen technische Eignung (waagrecht)", "TIME matrix: business fit (vertical) against technical fit (horizontal)";
    ApplicationsHint => "Anwendungen sind IT-Fähigkeiten der Art System. Ziehen Sie eine Blase oder nutzen Sie die Pfeiltasten, um fachliche und technische Eignung (1–10) zu setzen.", "Applications are IT capabilities of kind system. Drag a bubble or use the arrow keys to set business and technical fit (1–10).";
    ApplicationsEmpty => "Noch keine Anwendungen: legen Sie unter „IT-Fähigkeiten“ eine Fähigkeit der Art System an.", "No applications yet: add a capability of kind system under “Capabilities”.";
    ApplicationsUnscoredHeading => "Ohne Eignungswerte", "Without fit scores";
    ApplicationsUnscoredHint => "Ziehen Sie eine Anwendung in die Matrix, oder wählen Sie sie und drücken Sie eine Pfeiltaste.", "Drag an application into the matrix, or select it and press an arrow key.";
    StackMoreHere => "weitere an derselben Stelle", "more at the same place";
    ApplicationsAllScored => "Alle Anwendungen haben Eignungswerte.", "All applications have fit scores.";
    ExportFailed => "Der Export hat nicht geklappt. Bitte versuchen Sie es erneut.", "The export did not work. Please try again.";
    IntroRoadmap => "Ziehen Sie einen Balken, um ihn zu verschieben, oder sein rechtes Ende für die Dauer. Tastatur: Pfeiltasten verschieben um ein Quartal, Umschalt + Pfeiltasten ändern die Dauer, Enter öffnet.", "Drag a bar to move it, or its right end to change its duration. Keyboard: the arrow keys move it by a quarter, Shift + arrow keys change its duration, Enter opens it.";
    ExportAndPrint => "Export und Druck", "Export and print";
    ViewTimeline => "Zeitleiste", "Timeline";
    ViewBoard => "Jetzt · Als Nächstes · Später", "Now · Next · Later";
    LanesLabel => "Bahnen", "Lanes";
    LanesByGoal => "nach Ziel", "by goal";
    LanesByCapability => "nach IT-Fähigkeit", "by capability";
    LanesByOwner => "nach Verantwortlichen", "by owner";
    LanesByCategory => "nach Kategorie", "by category";
    LanesByStatus => "nach Status", "by status";
    HorizonLabel => "Horizont", "Horizon";
    QuartersWord => "Quartale", "quarters";
    ProposePlan => "Plan vorschlagen", "Propose a plan";
    ExportCsv => "CSV speichern", "Save CSV";
    PaperLabel => "Papier (quer)", "Paper (landscape)";
    PrintRoadmap => "Drucken", "Print";
    LaneWithoutGoal => "Ohne Ziel", "Without goal";
    LaneWithoutCapability => "Ohne IT-Fähigkeit", "Without capability";
    LaneWithoutOwner => "Ohne Verantwortliche", "Without owner";
    CategoryUnscored => "Noch nicht bewertet", "Not scored yet";
    TodayWord => "Heute", "Today";
    LoadPersonDays => "Personentage", "Person-days";
    LoadCost => "Kosten", "Cost";
    LoadWip => "WIP", "WIP";
    RoadmapLabel => "Roadmap: Initiativen je Quartal", "Roadmap: initiatives per quarter";
    RoadmapEmpty => "Noch keine Initiativen. Legen Sie unter „Initiativen“ Vorhaben an, um sie hier einzuplanen.", "No initiatives yet. Add some under “Initiatives” to schedule them here.";
    UnscheduledHeading => "Nicht eingeplant", "Not scheduled";
    UnscheduledHint => "Ziehen Sie eine Initiative auf die Zeitleiste, oder wählen Sie sie und drücken Sie eine Pfeiltaste.", "Drag an initiative onto the timeline, or select it and press an arrow key.";
    ProblemsHeading => "Konflikte im Plan", "Conflicts in the plan";
    NoProblems => "Keine Konflikte: Abhängigkeiten, Kapazität, Budget und WIP-Limit passen.", "No conflicts: dependencies, capacity, budget and WIP limit fit.";
    MilestoneWord => "Meilenstein", "milestone";
    PinnedWord => "fixiert", "pinned";
    PlanProposalHeading => "Vorschlag für den Plan", "Proposed plan";
    PlanRules => "Fixierte und laufende Initiativen bleiben, wo sie sind. Der Vorschlag beachtet Abhängigkeiten, Kapazität und WIP-Limit, beginnt frühestens im aktuellen Quartal und bringt Wichtiges möglichst früh zum Abschluss.", "Pinned and active initiatives stay where they are. The proposal respects dependencies, capacity and the WIP limit, starts in the current quarter at the earliest and finishes important work as early as it can.";
    PlanObjectiveLabel => "Prioritätsgewichtete Fertigstellung (niedriger ist besser)", "Priority-weighted finish time (lower is better)";
    PlanColumnBefore => "bisher", "before";
    PlanColumnAfter => "neu", "proposed";
    PlanColumnWhy => "warum", "why";
    NotScheduledWord => "nicht eingeplant", "not scheduled";
    PlanNoChanges => "Der aktuelle Plan entspricht schon dem Vorschlag.", "The current plan already is the proposal.";
    PlanUnplaceableHeading => "Nicht im Horizont unterzubringen", "Cannot be placed within the horizon";
    PlanPinOverloadHeading => "Quartale, die fixierte und laufende Initiativen allein überlasten", "Quarters that pinned and active initiatives alone overload";
    AcceptPlan => "Vorschlag übernehmen", "Accept proposal";
    DiscardPlan => "Verwerfen", "Discard";
    PlanAccepted => "Plan übernommen. Strg+Z macht ihn rückgängig.", "Plan accepted. Ctrl+Z undoes it.";
    ReasonEarliest => "so früh wie möglich", "as early as possible";
    ReasonPinnedWithoutStart => "fixiert, aber ohne Start", "pinned but without a start";
    ReasonNoRoom => "Kapazität oder WIP-Limit sind bis zum Ende des Horizonts ausgeschöpft", "capacity or WIP limit are used up until the end of the horizon";
    BoardNow => "Jetzt", "Now";
    BoardNext => "Als Nächstes", "Next";
    BoardLater => "Später", "Later";
    BoardHint => "Ziehen Sie eine Karte in eine andere Spalte, oder wählen Sie sie und drücken Sie Pfeil links oder rechts. Jetzt = aktuelles Quartal, Als Nächstes = nächstes Quartal, Später = ohne Termin.", "Drag a card to another column, or select it and press the left or right arrow. Now = this quarter, Next = next quarter, Later = no date.";
    BoardActiveStaysNow => "Laufende Initiativen stehen immer unter „Jetzt“. Ändern Sie zuerst ihren Status.", "Active initiatives always stand under “Now”. Change their status first.";
    BoardEmptyColumn => "Keine Initiativen", "No initiatives";
    BoardLabel => "Jetzt, Als Nächstes, Später", "Now, Next, Later";
    PlanColumnInitiative => "Initiative", "Initiative";
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
