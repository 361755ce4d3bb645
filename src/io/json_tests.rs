//! Tests of the JSON file exchange: the export form, round trips, one test for every
//! class of [`ImportError`], and properties over generated models and hostile input.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use serde_json::{json, Value};

use super::*;
use crate::model::arbitrary::{
    arbitrary_characters, arbitrary_valid_model, proptest_config_with_default_cases,
};
use crate::model::types::*;

const STORED_VERSION_1_FILE: &str =
    include_str!("../../tests/fixtures/bitalign-schema-version-1.json");

/// How long a guard against a 20 MB input may take in an unoptimized test build. The
/// guards are linear passes that take well under a second; the bound is generous so a
/// busy machine does not fail the test, and still catches a quadratic or hanging path.
const GENEROUS_TIME_FOR_TWENTY_MEGABYTES: Duration = Duration::from_secs(10);

fn timestamp(text: &str) -> Timestamp {
    text.parse()
        .expect("a valid RFC 3339 timestamp in the test")
}

fn date(text: &str) -> CalendarDate {
    text.parse().expect("a valid date in the test")
}

fn quarter(text: &str) -> Quarter {
    text.parse().expect("a valid quarter in the test")
}

/// A UUIDv4-shaped id that is easy to tell apart in test output.
fn id(number: u32) -> String {
    format!("00000000-0000-4000-8000-{number:012}")
}

/// A small model holding every entity kind and every link kind, with texts that need
/// escaping. The stored version-1 fixture was written from this model.
fn sample_model() -> Model {
    let modified = timestamp("2026-03-01T08:15:30.250Z");
    let mut model = Model::empty(
        id(1),
        "Müller & Söhne \"Ausrichtung\" 2026".to_string(),
        quarter("2026-Q2"),
        modified,
    );
    model.organization = "Müller & Söhne GmbH".to_string();
    model.revision = 42;
    model.settings.capacity_person_days_per_quarter = Some(120);
    model.settings.it_budget_cents_per_year = Some(25_000_000);
    model.settings.it_budget_cents_per_quarter = BTreeMap::from([(quarter("2026-Q3"), 8_000_000)]);
    model.settings.wip_limit = Some(3);
    model.settings.quadrant_labels.quick_win = Some("Schnelle Erfolge".to_string());
    model.settings.scoring_framework = ScoringFramework::Weighted;
    model.settings.weighted_criteria = vec![
        WeightedCriterion {
            id: id(2),
            name: "Kundennutzen".to_string(),
            weight: 60,
        },
        WeightedCriterion {
            id: id(3),
            name: "Risikominderung".to_string(),
            weight: 40,
        },
    ];
    model.settings.derive_value_from_goals = true;
    model.people = vec![
        Person {
            id: id(10),
            revision: 1,
            modified,
            external_id: Some("id-person-anna".to_string()),
            name: "Anna Šťastná".to_string(),
            roles: vec![PersonRole::Management, PersonRole::ProductOwner],
            email: Some("anna@example.org".to_string()),
        },
        Person {
            id: id(11),
            revision: 0,
            modified,
            external_id: None,
            name: "Ben O'Brien".to_string(),
            roles: vec![
                PersonRole::ProcessOwner,
                PersonRole::DataOwner,
                PersonRole::ItProvider,
            ],
            email: None,
        },
    ];
    model.goals = vec![Goal {
        id: id(20),
        revision: 3,
        modified,
        external_id: None,
        title: "+15 % Umsatz mit Bestandskunden".to_string(),
        statement: "Bis Ende 2027.\nGemessen am Umsatz <script>alert(1)</script>.".to_string(),
        weight: 5,
        horizon: Some(quarter("2027-Q4")),
        owner_id: Some(id(10)),
        cobit_goal: Some(CobitEnterpriseGoal::Eg01),
        tags: vec!["Wachstum".to_string()],
    }];
    model.kpis = vec![Kpi {
        id: id(30),
        revision: 2,
        modified,
        external_id: None,
        goal_id: id(20),
        name: "Umsatz Bestandskunden".to_string(),
        unit: "€".to_string(),
        direction: KpiDirection::Increase,
        baseline: Some(1_250_000.5),
        baseline_date: Some(date("2025-12-31")),
        target: Some(1_437_500.0),
        target_date: Some(date("2027-12-31")),
        measurements: vec![
            KpiMeasurement {
                quarter: quarter("2026-Q1"),
                value: -0.125,
                note: String::new(),
            },
            KpiMeasurement {
                quarter: quarter("2026-Q2"),
                value: 1_300_000.75,
                note: "vorläufig".to_string(),
            },
        ],
        data_source: "ERP-Bericht \\Umsatz\\".to_string(),
        owner_id: Some(id(10)),
    }];
    model.processes = vec![BusinessProcess {
        id: id(40),
        revision: 0,
        modified,
        external_id: None,
        name: "Angebot bis Rechnung".to_string(),
        description: "Vom Angebot\tzur Rechnung".to_string(),
        owner_id: Some(id(11)),
    }];
    model.data_objects = vec![DataObject {
        id: id(50),
        revision: 0,
        modified,
        external_id: None,
        name: "Kundenstammdaten".to_string(),
        description: String::new(),
        data_owner_id: Some(id(11)),
        quality_rating: Some(2),
    }];
    model.capabilities = vec![
        Capability {
            id: id(60),
            revision: 1,
            modified,
            external_id: None,
            name: "Integriertes CRM/ERP".to_string(),
            description: "日本語のテキスト".to_string(),
            kind: CapabilityKind::System,
            current_maturity: 2,
            target_maturity: 4,
            business_fit: Some(7),
            technical_fit: Some(3),
            owner_id: Some(id(11)),
            goal_ids: vec![id(20)],
            process_ids: vec![id(40)],
            data_object_ids: vec![id(50)],
        },
        Capability::blank(
            id(61),
            "Mobile Datenerfassung".to_string(),
            CapabilityKind::Interface,
            modified,
        ),
    ];
    let initiative =
        |number: u32, title: &str| Initiative::blank(id(number), title.to_string(), modified);
    let mut crm = initiative(70, "CRM einführen 🚀");
    crm.description = "Zeile 1\nZeile 2 mit \"Anführungszeichen\"".to_string();
    crm.status = InitiativeStatus::Active;
    crm.scores = InitiativeScores {
        value: Some(8),
        effort: Some(6),
        risk: Some(3),
        time_criticality: Some(7),
        risk_reduction: Some(4),
        rice_reach: Some(1200),
        rice_impact: Some(0.25),
        rice_confidence_percent: Some(80),
        criterion_scores: BTreeMap::from([(id(2), 5), (id(3), 2)]),
    };
    crm.effort_person_days = Some(90);
    crm.start = Some(quarter("2026-Q2"));
    crm.duration_quarters = 3;
    crm.pinned = true;
    crm.cost_lines = vec![CostLine {
        id: id(71),
        category: CostCategory::Acquisition,
        description: "Lizenzen".to_string(),
        one_time_cents: 1_500_000,
        running_cents_per_year: 480_000,
    }];
    crm.tags = vec!["automation".to_string(), "AI".to_string()];
    crm.goal_contributions = vec![GoalContribution {
        goal_id: id(20),
        strength: 3,
    }];
    crm.capability_ids = vec![id(60)];
    crm.process_ids = vec![id(40)];
    crm.owner_id = Some(id(10));
    let mut training = initiative(72, "Schulung Vertrieb");
    training.status = InitiativeStatus::Planned;
    training.depends_on_ids = vec![id(70)];
    training.duration_quarters = 0;
    training.start = Some(quarter("2027-Q1"));
    let mut app = initiative(73, "Außendienst-App");
    app.depends_on_ids = vec![id(70), id(72)];
    app.scores.value = Some(6);
    app.scores.effort = Some(9);
    model.initiatives = vec![crm, training, app];
    model.spend_items = vec![SpendItem {
        id: id(80),
        revision: 0,
        modified,
        external_id: None,
        name: "CRM-Abonnement".to_string(),
        kind: SpendKind::Software,
        vendor: "Beispiel AG".to_string(),
        start_date: Some(date("2026-04-01")),
        cost_lines: vec![CostLine {
            id: id(81),
            category: CostCategory::Operation,
            description: String::new(),
            one_time_cents: 0,
            running_cents_per_year: 360_000,
        }],
        owner_id: Some(id(11)),
        process_ids: vec![id(40)],
        goal_ids: vec![id(20)],
        initiative_id: Some(id(70)),
    }];
    model.reviews = vec![Review {
        id: id(90),
        revision: 0,
        modified,
        external_id: None,
        quarter: quarter("2026-Q2"),
        date: date("2026-06-26"),
        kpi_actuals: vec![ReviewKpiActual {
            kpi_id: id(30),
            value: 1_300_000.75,
            note: "gut".to_string(),
        }],
        initiative_health: vec![ReviewInitiativeHealth {
            initiative_id: id(70),
            health: InitiativeHealth::AtRisk,
            new_status: Some(InitiativeStatus::Active),
            note: "Verzug bei Datenmigration".to_string(),
        }],
        user_acceptance: Some(3),
        technical_debt: Some(4),
        security_posture: Some(2),
        luftman: LuftmanLevels {
            communications: Some(2),
            competency_value_measurement: Some(1),
            governance: Some(2),
            partnership: Some(3),
            scope_and_architecture: Some(2),
            skills: Some(2),
        },
        decisions: vec!["Migration zuerst".to_string()],
        next_steps: vec!["Daten bereinigen".to_string()],
        confirmed_spend_item_ids: vec![id(80)],
        confirmed_initiative_ids: vec![id(70)],
        snapshot: KeyFigureSnapshot {
            alignment_coverage_percent: Some(87.5),
            total_yearly_cost_cents: 1_340_000,
            goal_count: 1,
            measurable_goal_count: 1,
            initiative_count: 3,
            finding_count: 2,
        },
        notes: String::new(),
    }];
    model.workshop_sessions = vec![WorkshopSession {
        id: id(100),
        revision: 0,
        modified,
        external_id: None,
        title: "Priorisierung Q3".to_string(),
        date: date("2026-06-30"),
        participant_names: vec!["Anna".to_string(), "Ben".to_string()],
        participant_count: 2,
        dots_per_participant: 3,
        estimate_votes: vec![
            WorkshopEstimateVote {
                initiative_id: id(70),
                participant_number: 1,
                value: Some(8),
                effort: Some(5),
            },
            WorkshopEstimateVote {
                initiative_id: id(70),
                participant_number: 2,
                value: Some(7),
                effort: None,
            },
        ],
        dot_votes: vec![
            WorkshopDotVote {
                target_kind: DotVoteTargetKind::Goal,
                target_id: id(20),
                participant_number: 1,
                dots: 2,
            },
            WorkshopDotVote {
                target_kind: DotVoteTargetKind::Initiative,
                target_id: id(73),
                participant_number: 1,
                dots: 1,
            },
        ],
        accepted_estimates: vec![WorkshopAcceptedEstimate {
            initiative_id: id(70),
            value: Some(8),
            effort: Some(6),
            note: "Konsens".to_string(),
        }],
        decisions: vec!["CRM zuerst".to_string()],
    }];
    model.tombstones = vec![Tombstone {
        id: id(110),
        kind: EntityKind::Initiative,
        deleted: timestamp("2026-02-14T12:00:00Z"),
    }];
    model.merged_export_ids = vec![id(120)];
    model
}

fn export_time() -> Timestamp {
    timestamp("2026-11-28T09:30:00Z")
}

fn sample_file() -> String {
    export_model_file(&sample_model(), export_time(), id(200), Some(id(199)))
}

/// The sample file as a JSON tree, to be broken in one place by a test.
fn sample_file_tree() -> Value {
    serde_json::from_str(&sample_file()).expect("the sample file is JSON")
}

fn import_tree(tree: &Value) -> Result<ImportedFile, ImportError> {
    import_model_file(&tree.to_string())
}

/// The violations of an import that must fail validation; fails the test otherwise.
fn violations_of(result: Result<ImportedFile, ImportError>) -> Vec<ModelViolation> {
    match result {
        Err(ImportError::InvalidModel { violations }) => violations,
        other => panic!("expected InvalidModel, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------
// The export form and round trips
// ---------------------------------------------------------------------------------

#[test]
fn the_sample_model_is_valid() {
    assert_eq!(validate_model(&sample_model()), Vec::new());
}

#[test]
fn export_is_pretty_printed_with_the_envelope_first_and_a_trailing_newline() {
    let text = sample_file();
    assert!(text.starts_with(
        "{\n  \"format\": \"bitalign\",\n  \"schema_version\": 1,\n  \"exported_at\": \"2026-11-28T09:30:00Z\",\n  \
         \"export_id\": \"00000000-0000-4000-8000-000000000200\",\n  \"based_on\": \"00000000-0000-4000-8000-000000000199\",\n  \
         \"model\": {\n    \"id\": "
    ));
    assert!(text.ends_with("}\n"));
    assert!(!text.ends_with("\n\n"));
    assert!(
        text.contains("\"title\": \"Müller & Söhne \\\"Ausrichtung\\\" 2026\""),
        "UTF-8 is written as is"
    );
}

#[test]
fn export_import_export_gives_identical_text_apart_from_exported_at() {
    let first_export = sample_file();
    let imported = import_model_file(&first_export).unwrap();
    assert_eq!(imported.model, sample_model());
    assert_eq!(imported.schema_version_read, CURRENT_SCHEMA_VERSION);
    assert_eq!(imported.exported_at, export_time());
    assert_eq!(imported.export_id, id(200));
    assert_eq!(imported.based_on, Some(id(199)));

    let later = timestamp("2027-01-02T03:04:05.678Z");
    let second_export = export_model_file(
        &imported.model,
        later,
        imported.export_id,
        imported.based_on,
    );
    let without_exported_at = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|line| !line.starts_with("  \"exported_at\": "))
            .map(str::to_owned)
            .collect()
    };
    assert_ne!(first_export, second_export);
    assert_eq!(
        without_exported_at(&first_export),
        without_exported_at(&second_export)
    );
    assert!(second_export.contains("\"exported_at\": \"2027-01-02T03:04:05.678Z\""));
}

#[test]
fn an_export_without_based_on_writes_null() {
    let text = export_model_file(&sample_model(), export_time(), id(200), None);
    assert!(text.contains("\n  \"based_on\": null,\n"));
    assert_eq!(import_model_file(&text).unwrap().based_on, None);
}

/// The export writes a borrowing twin of [`ModelFile`]; this keeps the two (and so the
/// JSON Schema, which comes from `ModelFile`) in step.
#[test]
fn an_export_reads_back_into_model_file_and_writes_identically() {
    let text = sample_file();
    let file: ModelFile = serde_json::from_str(&text).unwrap();
    assert_eq!(file.format, FILE_FORMAT_MARKER);
    assert_eq!(file.schema_version, CURRENT_SCHEMA_VERSION);
    assert_eq!(serde_json::to_string_pretty(&file).unwrap() + "\n", text);
}

#[test]
fn the_compact_stored_form_round_trips_and_has_no_export_fields() {
    let stored = serialize_model_compact(&sample_model());
    assert!(stored.starts_with("{\"format\":\"bitalign\",\"schema_version\":1,\"model\":{\"id\":"));
    assert!(
        !stored.contains('\n'),
        "the stored form is not pretty-printed"
    );
    assert!(!stored.contains("exported_at"));
    assert_eq!(deserialize_stored_model(&stored).unwrap(), sample_model());
    assert!(stored.len() < sample_file().len());
}

#[test]
fn a_stored_text_also_loads_from_a_full_file() {
    assert_eq!(
        deserialize_stored_model(&sample_file()).unwrap(),
        sample_model()
    );
}

#[test]
fn a_stored_text_is_not_an_exported_file() {
    let stored = serialize_model_compact(&sample_model());
    assert_eq!(
        import_model_file(&stored),
        Err(ImportError::WrongType {
            path: "exported_at".to_string(),
            detail: "missing field `exported_at`".to_string()
        })
    );
}

#[test]
fn the_stored_form_goes_through_the_same_guards() {
    assert_eq!(deserialize_stored_model("  "), Err(ImportError::Empty));
    assert_eq!(
        deserialize_stored_model("{\"name\":\"x\"}"),
        Err(ImportError::NotBitalignFormat)
    );
    let mut tree: Value = serde_json::from_str(&serialize_model_compact(&sample_model())).unwrap();
    tree["model"]["goals"][0]["weight"] = json!(9);
    assert!(matches!(
        deserialize_stored_model(&tree.to_string()),
        Err(ImportError::InvalidModel { .. })
    ));
}

/// The fixture was exported from [`sample_model`] by bitalign with schema version 1 and
/// must never be regenerated. When a later version changes the types, `sample_model`
/// changes with them, and this test then checks that the migration turns the old file
/// into exactly the model it meant.
#[test]
fn the_stored_version_1_fixture_imports_and_holds_every_entity_kind() {
    let imported = import_model_file(STORED_VERSION_1_FILE).unwrap();
    assert_eq!(imported.model, sample_model());
    assert!(import_model_file_bytes(STORED_VERSION_1_FILE.as_bytes()).is_ok());
}

// ---------------------------------------------------------------------------------
// One test per error class
// ---------------------------------------------------------------------------------

#[test]
fn an_empty_file_is_empty() {
    assert_eq!(import_model_file(""), Err(ImportError::Empty));
    assert_eq!(import_model_file_bytes(b""), Err(ImportError::Empty));
}

#[test]
fn a_file_of_whitespace_is_empty() {
    assert_eq!(import_model_file(" \n\t\r\n  "), Err(ImportError::Empty));
    assert_eq!(import_model_file("\u{feff}\n"), Err(ImportError::Empty));
    assert_eq!(
        import_model_file_bytes(b"\xEF\xBB\xBF  \r\n"),
        Err(ImportError::Empty)
    );
}

#[test]
fn a_png_is_not_text() {
    let png_header: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10";
    assert_eq!(
        import_model_file_bytes(png_header),
        Err(ImportError::NotText {
            reason: NotTextReason::NulByte,
            byte_offset: 8
        })
    );
}

#[test]
fn nul_bytes_are_not_text() {
    assert_eq!(
        import_model_file_bytes(b"{\"format\":\x00}"),
        Err(ImportError::NotText {
            reason: NotTextReason::NulByte,
            byte_offset: 10
        })
    );
    assert_eq!(
        import_model_file("ab\u{0}cd"),
        Err(ImportError::NotText {
            reason: NotTextReason::NulByte,
            byte_offset: 2
        })
    );
}

#[test]
fn invalid_utf8_is_not_text_and_points_at_the_first_bad_byte() {
    // Latin-1 "ä" (0xE4) where UTF-8 was expected, as an old editor might save it.
    let mut bytes = b"{\"format\": \"bitalign\", \"title\": \"M".to_vec();
    let bad_offset = bytes.len();
    bytes.extend_from_slice(b"\xE4rz\"}");
    assert_eq!(
        import_model_file_bytes(&bytes),
        Err(ImportError::NotText {
            reason: NotTextReason::InvalidUtf8,
            byte_offset: bad_offset
        })
    );
}

#[test]
fn not_json_reports_line_and_column() {
    let text = "{\n  \"format\": bitalign\n}";
    match import_model_file(text) {
        Err(ImportError::NotJson {
            line,
            column,
            detail,
        }) => {
            assert_eq!((line, column), (2, 13));
            assert_eq!(detail, "unexpected character");
        }
        other => panic!("expected NotJson, got {other:?}"),
    }
    assert!(matches!(
        import_model_file("hello"),
        Err(ImportError::NotJson {
            line: 1,
            column: 1,
            ..
        })
    ));
    assert!(matches!(
        import_model_file("{\"format\": \"bitalign\""),
        Err(ImportError::NotJson { .. })
    ));
}

#[test]
fn json_that_is_not_a_bitalign_file_is_recognized() {
    let package_json = r#"{
  "name": "bitalign-e2e",
  "version": "1.0.0",
  "private": true,
  "devDependencies": { "@playwright/test": "1.49.0", "ajv": "8.17.1" }
}
"#;
    assert_eq!(
        import_model_file(package_json),
        Err(ImportError::NotBitalignFormat)
    );
    for other_json in [
        "[1, 2, 3]",
        "\"bitalign\"",
        "42",
        "null",
        r#"{"format": "archimate", "schema_version": 1}"#,
        r#"{"format": "BITALIGN", "schema_version": 1, "model": {}}"#,
        r#"{"format": ["bitalign"], "schema_version": 1}"#,
        r#"{"schema_version": 1, "model": {}}"#,
    ] {
        assert_eq!(
            import_model_file(other_json),
            Err(ImportError::NotBitalignFormat),
            "{other_json}"
        );
    }
}

#[test]
fn a_newer_schema_version_is_refused_before_the_model_is_read() {
    let mut tree = sample_file_tree();
    tree["schema_version"] = json!(2);
    // A newer version may well have fields this one does not know.
    tree["model"]["field_of_the_future"] = json!(true);
    assert_eq!(
        import_tree(&tree),
        Err(ImportError::NewerSchemaVersion {
            found: 2,
            supported: 1
        })
    );
    tree["schema_version"] = json!(u64::MAX);
    assert_eq!(
        import_tree(&tree),
        Err(ImportError::NewerSchemaVersion {
            found: u64::MAX,
            supported: 1
        })
    );
}

#[test]
fn schema_version_zero_missing_or_not_a_positive_integer_is_unsupported() {
    let mut tree = sample_file_tree();
    for (version, found) in [
        (json!(0), Some("0")),
        (json!(-1), Some("-1")),
        (json!("1"), Some("\"1\"")),
        (json!(1.5), Some("1.5")),
        (json!([1]), Some("[…]")),
        (Value::Null, None),
    ] {
        tree["schema_version"] = version.clone();
        assert_eq!(
            import_tree(&tree),
            Err(ImportError::UnsupportedSchemaVersion {
                found: found.map(str::to_owned)
            }),
            "schema_version {version}"
        );
    }
    tree.as_object_mut().unwrap().remove("schema_version");
    assert_eq!(
        import_tree(&tree),
        Err(ImportError::UnsupportedSchemaVersion { found: None })
    );
}

#[test]
fn a_wrong_type_reports_the_json_path_of_the_field() {
    let mut tree = sample_file_tree();
    tree["model"]["initiatives"][2]["scores"]["value"] = json!("high");
    match import_tree(&tree) {
        Err(ImportError::WrongType { path, detail }) => {
            assert_eq!(path, "model.initiatives[2].scores.value");
            assert!(
                detail.starts_with("invalid type: a string, expected an integer"),
                "{detail}"
            );
            assert!(
                !detail.contains(" at line "),
                "the position of a part of the file is left out"
            );
        }
        other => panic!("expected WrongType, got {other:?}"),
    }
}

/// Breaks a valid file tree in one place.
type BreakTheFile = fn(&mut Value);

#[test]
fn wrong_types_in_other_places_report_their_paths() {
    let cases: Vec<(BreakTheFile, &str)> = vec![
        (
            |tree| tree["model"]["goals"][0]["weight"] = json!(300),
            "model.goals[0].weight",
        ),
        (
            |tree| tree["model"]["kpis"][0]["measurements"][1]["quarter"] = json!("2026-Q9"),
            "model.kpis[0].measurements[1].quarter",
        ),
        (
            |tree| tree["model"]["settings"]["scoring_framework"] = json!("gut_feeling"),
            "model.settings.scoring_framework",
        ),
        (
            |tree| tree["model"]["reviews"][0]["date"] = json!("2026-02-30"),
            "model.reviews[0].date",
        ),
        (|tree| tree["model"]["people"] = json!({}), "model.people"),
        (|tree| tree["model"] = json!([]), "model"),
        (
            |tree| tree["exported_at"] = json!("yesterday"),
            "exported_at",
        ),
        (|tree| tree["export_id"] = json!(7), "export_id"),
        (
            |tree| {
                tree.as_object_mut().unwrap().remove("model");
            },
            "model",
        ),
        (|tree| tree["model"] = Value::Null, "model"),
        (
            |tree| {
                tree.as_object_mut().unwrap().remove("export_id");
            },
            "export_id",
        ),
    ];
    for (break_the_file, expected_path) in cases {
        let mut tree = sample_file_tree();
        break_the_file(&mut tree);
        match import_tree(&tree) {
            Err(ImportError::WrongType { path, .. }) => assert_eq!(path, expected_path),
            other => panic!("expected WrongType at {expected_path}, got {other:?}"),
        }
    }
}

#[test]
fn an_export_id_that_could_not_be_recorded_in_a_merge_is_refused() {
    for (field, bad_id) in [
        ("export_id", ""),
        ("export_id", "   "),
        ("export_id", " padded"),
        ("export_id", "line\nbreak"),
        ("based_on", ""),
    ] {
        let mut tree = sample_file_tree();
        tree[field] = json!(bad_id);
        match import_tree(&tree) {
            Err(ImportError::WrongType { path, detail }) => {
                assert_eq!(path, field);
                assert!(detail.starts_with("invalid value: "), "{detail}");
            }
            other => panic!("expected WrongType for {field} {bad_id:?}, got {other:?}"),
        }
    }
    let mut tree = sample_file_tree();
    tree["export_id"] = json!("x".repeat(201));
    assert!(matches!(
        import_tree(&tree),
        Err(ImportError::WrongType { .. })
    ));
}

#[test]
fn unknown_fields_are_refused_rather_than_dropped() {
    let mut tree = sample_file_tree();
    tree["model"]["initiatives"][0]["colour"] = json!("red");
    match import_tree(&tree) {
        Err(ImportError::WrongType { path, detail }) => {
            assert!(path.starts_with("model.initiatives[0]"), "{path}");
            assert!(detail.starts_with("unknown field `colour`"), "{detail}");
        }
        other => panic!("expected WrongType, got {other:?}"),
    }
    let mut tree = sample_file_tree();
    tree["comment"] = json!("hand-edited");
    assert!(matches!(
        import_tree(&tree),
        Err(ImportError::WrongType { .. })
    ));
}

#[test]
fn an_out_of_range_score_is_an_invalid_model_with_its_path() {
    let mut tree = sample_file_tree();
    tree["model"]["initiatives"][0]["scores"]["value"] = json!(11);
    let violations = violations_of(import_tree(&tree));
    assert!(
        violations
            .iter()
            .any(|violation| violation.path == "model.initiatives[0].scores.value"),
        "{violations:?}"
    );
}

#[test]
fn a_dangling_reference_is_an_invalid_model() {
    let mut tree = sample_file_tree();
    tree["model"]["kpis"][0]["goal_id"] = json!(id(999));
    let violations = violations_of(import_tree(&tree));
    assert!(
        violations
            .iter()
            .any(|violation| violation.path == "model.kpis[0].goal_id"),
        "{violations:?}"
    );
}

#[test]
fn duplicate_ids_are_an_invalid_model() {
    let mut tree = sample_file_tree();
    tree["model"]["initiatives"][1]["id"] = json!(id(70));
    let violations = violations_of(import_tree(&tree));
    assert!(
        violations
            .iter()
            .any(|violation| violation.path.starts_with("model.initiatives[1]")),
        "{violations:?}"
    );
}

#[test]
fn a_file_over_the_limit_is_too_large_without_being_read() {
    let oversized = "x".repeat(MAXIMUM_FILE_BYTES + 1);
    let started = Instant::now();
    assert_eq!(
        import_model_file(&oversized),
        Err(ImportError::TooLarge {
            bytes: MAXIMUM_FILE_BYTES + 1,
            limit: MAXIMUM_FILE_BYTES
        })
    );
    assert_eq!(
        import_model_file_bytes(oversized.as_bytes()),
        Err(ImportError::TooLarge {
            bytes: MAXIMUM_FILE_BYTES + 1,
            limit: MAXIMUM_FILE_BYTES
        })
    );
    assert!(started.elapsed() < Duration::from_secs(1));
}

/// Runs `check` on one 20 MB input and fails when it is not fast. Each kind of garbage
/// has its own test, so that each gets the whole time budget.
fn assert_fast(check: impl FnOnce()) {
    let started = Instant::now();
    check();
    let elapsed = started.elapsed();
    assert!(
        elapsed < GENEROUS_TIME_FOR_TWENTY_MEGABYTES,
        "took {elapsed:?}"
    );
}

#[test]
fn twenty_megabytes_of_text_garbage_fail_fast_as_not_json() {
    let text_garbage = "lorem ipsum dolor sit amet ".repeat(MAXIMUM_FILE_BYTES / 27);
    assert!(text_garbage.len() > 20_000_000);
    assert_fast(|| {
        assert!(matches!(
            import_model_file(&text_garbage),
            Err(ImportError::NotJson {
                line: 1,
                column: 1,
                ..
            })
        ));
    });
}

#[test]
fn twenty_megabytes_of_binary_garbage_fail_fast_as_not_text() {
    // Bytes from a simple xorshift generator, so the test needs no randomness crate.
    let mut state: u32 = 0x9E37_79B9;
    let binary_garbage: Vec<u8> = (0..MAXIMUM_FILE_BYTES)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state.to_le_bytes()[0]
        })
        .collect();
    assert_fast(|| {
        assert!(matches!(
            import_model_file_bytes(&binary_garbage),
            Err(ImportError::NotText { .. })
        ));
    });
}

#[test]
fn twenty_megabytes_of_string_as_the_model_fail_fast_with_a_short_detail() {
    let huge_model = format!(
        "{{\"format\":\"bitalign\",\"schema_version\":1,\"exported_at\":\"2026-01-01T00:00:00Z\",\"export_id\":\"x\",\"model\":\"{}\"}}",
        "a".repeat(MAXIMUM_FILE_BYTES - 200)
    );
    assert_fast(|| match import_model_file(&huge_model) {
        Err(ImportError::WrongType { path, detail }) => {
            assert_eq!(path, "model");
            assert!(
                detail.chars().count() <= 301,
                "the detail quotes the string in part only"
            );
        }
        other => panic!("expected WrongType, got {:?}", other.map(|_| ())),
    });
}

#[test]
fn twenty_megabytes_of_opening_brackets_fail_fast_as_too_deeply_nested() {
    let brackets = "[".repeat(MAXIMUM_FILE_BYTES);
    assert_fast(|| {
        assert!(matches!(
            import_model_file(&brackets),
            Err(ImportError::TooDeeplyNested { .. })
        ));
    });
}

#[test]
fn one_hundred_thousand_nested_arrays_are_too_deeply_nested_not_a_stack_overflow() {
    let expected = Err(ImportError::TooDeeplyNested {
        line: 1,
        column: MAXIMUM_NESTING_DEPTH + 1,
        limit: MAXIMUM_NESTING_DEPTH,
    });
    let closed = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(import_model_file(&closed), expected);
    assert_eq!(import_model_file_bytes(closed.as_bytes()), expected);
    let unclosed = "[".repeat(100_000);
    assert_eq!(import_model_file(&unclosed), expected);
    assert_eq!(
        deserialize_stored_model(&unclosed),
        expected.map(|imported| imported.model)
    );
    let objects = format!("{}1{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
    assert!(matches!(
        import_model_file(&objects),
        Err(ImportError::TooDeeplyNested { line: 1, .. })
    ));
}

#[test]
fn deep_nesting_inside_the_model_is_found_where_it_is() {
    let nested = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let text = format!("{{\n  \"format\": \"bitalign\",\n  \"schema_version\": 1,\n  \"model\": {{\"tags\": {nested}}}\n}}");
    // The file object and the model object are two levels, so the 63rd bracket of the
    // tags is one level too many; it sits after `  "model": {"tags": ` on line 4.
    let column_of_first_bracket = "  \"model\": {\"tags\": ".len() + 1;
    assert_eq!(
        import_model_file(&text),
        Err(ImportError::TooDeeplyNested {
            line: 4,
            column: column_of_first_bracket + MAXIMUM_NESTING_DEPTH - 2,
            limit: MAXIMUM_NESTING_DEPTH
        })
    );
}

#[test]
fn brackets_inside_strings_do_not_count_as_nesting() {
    let mut model = sample_model();
    model.initiatives[0].description = format!("{}\\\"[{{", "[".repeat(1_000));
    let text = export_model_file(&model, export_time(), id(200), None);
    assert_eq!(import_model_file(&text).unwrap().model, model);
}

#[test]
fn a_syntax_error_before_deep_nesting_is_reported_as_not_json() {
    let text = format!("x{}", "[".repeat(1_000));
    assert!(matches!(
        import_model_file(&text),
        Err(ImportError::NotJson {
            line: 1,
            column: 1,
            ..
        })
    ));
}

#[test]
fn a_byte_order_mark_is_stripped() {
    let text = format!("\u{feff}{}", sample_file());
    assert_eq!(import_model_file(&text).unwrap().model, sample_model());
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(sample_file().as_bytes());
    assert_eq!(
        import_model_file_bytes(&bytes).unwrap().model,
        sample_model()
    );
    let stored = format!("\u{feff}{}", serialize_model_compact(&sample_model()));
    assert!(deserialize_stored_model(&stored).is_ok());
}

#[test]
fn trailing_garbage_after_the_json_is_not_json() {
    let text = format!("{}garbage", sample_file());
    let last_line = text.lines().count();
    match import_model_file(&text) {
        Err(ImportError::NotJson {
            line,
            column,
            detail,
        }) => {
            assert_eq!((line, column), (last_line, 1));
            assert_eq!(detail, "trailing characters after the JSON value");
        }
        other => panic!("expected NotJson, got {other:?}"),
    }
    let twice = format!("{}{}", sample_file(), sample_file());
    assert!(matches!(
        import_model_file(&twice),
        Err(ImportError::NotJson { .. })
    ));
    // Trailing whitespace is fine.
    assert!(import_model_file(&format!("{}\n\n  \t", sample_file())).is_ok());
}

#[test]
fn errors_display_in_plain_english_for_logs() {
    assert_eq!(ImportError::Empty.to_string(), "the file is empty");
    assert_eq!(
        ImportError::NewerSchemaVersion {
            found: 3,
            supported: 1
        }
        .to_string(),
        "schema version 3 was written by a newer bitalign (this one reads up to 1)"
    );
    assert_eq!(
        ImportError::WrongType {
            path: "model.goals[0].weight".to_string(),
            detail: "invalid value".to_string()
        }
        .to_string(),
        "wrong type at `model.goals[0].weight`: invalid value"
    );
}

// ---------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------

/// Any JSON value, nested a few levels, with keys that sometimes are the envelope's.
fn arbitrary_json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        proptest::num::f64::NORMAL.prop_map(Value::from),
        arbitrary_characters().prop_map(Value::from),
        Just(Value::from("bitalign")),
        Just(Value::from(1)),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let key = prop_oneof![
            Just("format".to_string()),
            Just("schema_version".to_string()),
            Just("model".to_string()),
            Just("exported_at".to_string()),
            Just("export_id".to_string()),
            Just("initiatives".to_string()),
            arbitrary_characters(),
        ];
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(key, inner, 0..6)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(proptest_config_with_default_cases(64))]

    #[test]
    fn export_then_import_gives_an_equal_valid_model(
        model in arbitrary_valid_model(),
        export_id in "[0-9a-f]{8}",
        based_on in proptest::option::of("[0-9a-f]{8}"),
    ) {
        let text = export_model_file(&model, export_time(), export_id.clone(), based_on.clone());
        let imported = import_model_file(&text);
        prop_assert!(imported.is_ok(), "import failed: {:?}", imported.err());
        let imported = imported.unwrap();
        prop_assert_eq!(&imported.model, &model);
        prop_assert_eq!(validate_model(&imported.model), Vec::new());
        prop_assert_eq!(imported.export_id, export_id.clone());
        prop_assert_eq!(imported.based_on, based_on.clone());
        let second_text = export_model_file(&imported.model, export_time(), export_id, based_on);
        prop_assert_eq!(second_text, text);
    }

    #[test]
    fn the_stored_form_round_trips(model in arbitrary_valid_model()) {
        let stored = serialize_model_compact(&model);
        prop_assert_eq!(deserialize_stored_model(&stored), Ok(model));
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = import_model_file_bytes(&bytes);
    }

    #[test]
    fn arbitrary_strings_never_panic(text in proptest::collection::vec(any::<char>(), 0..256).prop_map(String::from_iter)) {
        let _ = import_model_file(&text);
        let _ = deserialize_stored_model(&text);
    }

    #[test]
    fn arbitrary_json_values_never_panic(value in arbitrary_json_value()) {
        let _ = import_model_file(&value.to_string());
        let _ = deserialize_stored_model(&value.to_string());
    }

    #[test]
    fn arbitrary_values_in_a_valid_envelope_never_panic(value in arbitrary_json_value()) {
        let mut tree = sample_file_tree();
        tree["model"] = value;
        let _ = import_tree(&tree);
    }

    /// A real file cut short or with one byte changed: the closest thing to a file
    /// damaged in an email or on a USB stick.
    #[test]
    fn damaged_files_never_panic(cut_at in any::<prop::sample::Index>(), replacement in any::<u8>()) {
        let text = sample_file();
        let position = cut_at.index(text.len());
        let _ = import_model_file_bytes(&text.as_bytes()[..position]);
        let mut damaged = text.into_bytes();
        damaged[position] = replacement;
        let _ = import_model_file_bytes(&damaged);
    }
}
