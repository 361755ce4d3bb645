//! The chain of migrations that lifts a bitalign file of an older schema version to
//! the current one, one version at a time.
//!
//! Only version 1 exists so far, so the chain is empty. It is here, tested, so that
//! the first change to the format has an obvious place to go.
//!
//! # Adding schema version 2
//!
//! 1. Change the Rust types in `crate::model::types` (or the envelope in
//!    `crate::io::json`) and bump [`CURRENT_SCHEMA_VERSION`] to 2.
//! 2. Write `fn migrate_version_1_to_version_2(file: JsonValue) -> Result<JsonValue,
//!    ImportError>` below. It receives the whole file object of version 1 (envelope
//!    and model, as a parsed `JsonValue` tree) and returns the file object of version 2:
//!    rename fields, fill in new required fields with the value that means "as
//!    before", split or merge fields. It must not set `schema_version`; the chain does
//!    that after each step. When the old file is malformed in a way the step cannot
//!    handle, it returns [`ImportError::WrongType`] with the JSON path it stumbled on.
//! 3. Append `MigrationStep { from_version: 1, apply: migrate_version_1_to_version_2 }`
//!    to [`MIGRATION_STEPS`].
//! 4. Keep the stored version-1 file in `tests/fixtures/` unchanged (it is the test
//!    that real old files still load) and add a test that the step turns it into the
//!    expected version-2 content. Store a version-2 fixture for the next step.
//! 5. Regenerate `public/bitalign.schema.json` (`BITALIGN_WRITE_SCHEMA=1 cargo test
//!    --lib io::json_schema`), which describes the current version only.
//!
//! Version 1 files that are current are read without building a JSON tree at all
//! (see `crate::io::json`); only older files pay for the tree a migration needs.

use std::borrow::Cow;

use crate::io::codec::parse::JsonValue;

use crate::io::json::{ImportError, CURRENT_SCHEMA_VERSION};

/// One step of the chain: turns a file of `from_version` into one of `from_version + 1`.
#[derive(Debug, Clone, Copy)]
pub struct MigrationStep {
    pub from_version: u32,
    pub apply: for<'text> fn(JsonValue<'text>) -> Result<JsonValue<'text>, ImportError>,
}

/// Every step, in order: the step at index `i` migrates from version `i + 1`. A test
/// checks that the chain is complete from version 1 to [`CURRENT_SCHEMA_VERSION`].
pub const MIGRATION_STEPS: &[MigrationStep] = &[];

/// Lifts `file` (the whole file object, envelope and model) from `schema_version` to
/// [`CURRENT_SCHEMA_VERSION`] by applying every step from that version on, and sets
/// `schema_version` to the version reached after each step.
///
/// Version 0 and a missing step are [`ImportError::UnsupportedSchemaVersion`]; a
/// version newer than the current one is [`ImportError::NewerSchemaVersion`]. The
/// current version comes back unchanged.
pub fn migrate(schema_version: u32, file: JsonValue<'_>) -> Result<JsonValue<'_>, ImportError> {
    if schema_version == 0 {
        return Err(ImportError::UnsupportedSchemaVersion {
            found: Some(schema_version.to_string()),
        });
    }
    if schema_version > CURRENT_SCHEMA_VERSION {
        return Err(ImportError::NewerSchemaVersion {
            found: u64::from(schema_version),
            supported: CURRENT_SCHEMA_VERSION,
        });
    }
    let mut version_reached = schema_version;
    let mut file = file;
    while version_reached < CURRENT_SCHEMA_VERSION {
        let step = MIGRATION_STEPS
            .iter()
            .find(|step| step.from_version == version_reached)
            .ok_or_else(|| ImportError::UnsupportedSchemaVersion {
                found: Some(version_reached.to_string()),
            })?;
        file = (step.apply)(file)?;
        version_reached += 1;
        match &mut file {
            JsonValue::Object(members) => {
                let version_number = JsonValue::Number(Cow::Owned(version_reached.to_string()));
                match members.iter_mut().find(|(key, _)| key == "schema_version") {
                    Some((_, value)) => *value = version_number,
                    None => members.push((Cow::Borrowed("schema_version"), version_number)),
                }
            }
            _ => {
                return Err(ImportError::WrongType {
                    path: String::new(),
                    detail: format!(
                        "migration from schema version {} did not return an object",
                        version_reached - 1
                    ),
                });
            }
        }
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::codec::parse::parse_json;
    use crate::io::json::import_model_file;

    const STORED_VERSION_1_FILE: &str =
        include_str!("../../tests/fixtures/bitalign-schema-version-1.json");

    #[test]
    fn the_chain_has_one_step_for_every_older_version_in_order() {
        let expected_versions: Vec<u32> = (1..CURRENT_SCHEMA_VERSION).collect();
        let step_versions: Vec<u32> = MIGRATION_STEPS
            .iter()
            .map(|step| step.from_version)
            .collect();
        assert_eq!(step_versions, expected_versions);
    }

    #[test]
    fn the_current_version_comes_back_unchanged() {
        let file = parse_json(STORED_VERSION_1_FILE).unwrap();
        let migrated = migrate(CURRENT_SCHEMA_VERSION, file.clone()).unwrap();
        assert_eq!(migrated, file);
    }

    #[test]
    fn version_zero_and_newer_versions_are_refused() {
        assert!(matches!(
            migrate(0, JsonValue::Null),
            Err(ImportError::UnsupportedSchemaVersion { .. })
        ));
        assert_eq!(
            migrate(CURRENT_SCHEMA_VERSION + 1, JsonValue::Null),
            Err(ImportError::NewerSchemaVersion {
                found: u64::from(CURRENT_SCHEMA_VERSION + 1),
                supported: CURRENT_SCHEMA_VERSION
            })
        );
    }

    /// The stored version-1 file must keep loading in every later version: this is
    /// the test that real files written by bitalign 1 are not stranded.
    #[test]
    fn the_stored_version_1_file_loads_through_the_chain() {
        let file = parse_json(STORED_VERSION_1_FILE).unwrap();
        assert_eq!(
            file.member("schema_version"),
            Some(&JsonValue::Number("1".into()))
        );
        let migrated = migrate(1, file).unwrap();
        assert_eq!(
            migrated.member("schema_version"),
            Some(&JsonValue::Number(
                CURRENT_SCHEMA_VERSION.to_string().into()
            ))
        );

        let imported = import_model_file(STORED_VERSION_1_FILE).unwrap();
        assert_eq!(imported.schema_version_read, 1);
        assert_eq!(imported.export_id, "0b7e2c1a-4d5f-4a8b-9c3d-2e1f0a9b8c7d");
        assert_eq!(imported.based_on, None);
        let model = &imported.model;
        for kind in crate::model::EntityKind::ALL {
            assert!(
                model.entity_count(kind) >= 1,
                "the fixture should hold a {kind:?}"
            );
        }
        assert!(!model.tombstones.is_empty());
        assert!(!model.merged_export_ids.is_empty());
        assert!(!model.settings.weighted_criteria.is_empty());
        assert!(!model.settings.it_budget_cents_per_quarter.is_empty());
    }
}
