//! The only code that touches localStorage (DESIGN.md section 4).
//!
//! Layout, all under the prefix `bitalign.`:
//! - `bitalign.index`: the list of stored models (slots) and which one is open;
//! - `bitalign.model.<slot>`: one model as compact JSON in the file envelope;
//! - `bitalign.backup.<time>`: text that could not be read, kept unchanged;
//! - `bitalign.bases.<model id>`: the last exported versions, the bases of merges;
//! - `bitalign.pref.language`: the UI language of this browser.
//!
//! A slot id names where a model is stored and is separate from the model's own id:
//! replacing the open model by an imported file with another id keeps the slot, its
//! undo history and its place in the list, while the model id stays what the file
//! says so that merges recognise it.
//!
//! Rules: loading never rewrites a stored model; a write that fails leaves the
//! previous text intact (localStorage replaces a value only when the write succeeds),
//! and a full storage is reported as such, never as a crash.

use crate::i18n::Language;
use crate::io::codec::decode::{Decode, Trail};
use crate::io::codec::encode::{encode_to_text, JsonLayout};
use crate::io::codec::parse::parse_json;
use crate::io::json;
use crate::model::{EntityId, Model, Timestamp};

pub const STORAGE_PREFIX: &str = "bitalign.";
pub const INDEX_KEY: &str = "bitalign.index";
pub const LANGUAGE_KEY: &str = "bitalign.pref.language";
const MODEL_KEY_PREFIX: &str = "bitalign.model.";
const BACKUP_KEY_PREFIX: &str = "bitalign.backup.";
const BASES_KEY_PREFIX: &str = "bitalign.bases.";

/// How many exported versions are kept per model as merge bases.
pub const MERGE_BASES_KEPT: usize = 10;

/// A place where one model is stored.
pub type SlotId = String;

/// One stored model as the index lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredSlot {
    pub slot_id: SlotId,
    pub model_id: EntityId,
    pub title: String,
    pub modified: Option<Timestamp>,
    /// When this model was last saved as a file.
    pub last_export: Option<Timestamp>,
    /// The `export_id` the next export descends from: the file this model was opened
    /// from, or its own last export.
    pub based_on_export_id: Option<String>,
}

/// The list of stored models and which one is open.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StoredIndex {
    pub version: u32,
    pub active_slot_id: Option<SlotId>,
    pub slots: Vec<StoredSlot>,
}

crate::codec_struct!(StoredSlot {
    slot_id: required,
    model_id: required,
    title: required,
    modified: optional,
    last_export: optional,
    based_on_export_id: optional,
});

crate::codec_struct!(StoredIndex {
    version: required,
    active_slot_id: optional,
    slots: defaulted,
});

crate::codec_struct!(StoredMergeBase {
    export_id: required,
    exported_at: required,
    model_text: required,
});

/// Reads one of the small stored records (index, merge bases) from its text.
fn decode_stored_record<Record: Decode>(text: &str) -> Result<Record, json::ImportError> {
    let tree = parse_json(text).map_err(|error| json::ImportError::NotJson {
        line: error.line,
        column: error.column,
        detail: error.problem.describe().to_string(),
    })?;
    Record::decode(&tree, &Trail::root("")).map_err(|error| json::ImportError::WrongType {
        path: error.path,
        detail: error.detail,
    })
}

impl StoredIndex {
    pub fn slot(&self, slot_id: &str) -> Option<&StoredSlot> {
        self.slots.iter().find(|slot| slot.slot_id == slot_id)
    }

    pub fn slot_mut(&mut self, slot_id: &str) -> Option<&mut StoredSlot> {
        self.slots.iter_mut().find(|slot| slot.slot_id == slot_id)
    }
}

/// Why a write did not happen.
#[derive(Debug, Clone, PartialEq)]
pub enum StorageWriteError {
    /// The browser's quota is exhausted (QuotaExceededError).
    Full,
    /// localStorage is missing or blocked (private mode of some browsers, policies).
    Unavailable,
    /// Anything else the browser reported, as its text for the technical detail.
    Other(String),
}

/// Something found while loading that the user must hear about.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadProblem {
    /// A stored text could not be read; it was kept under `backup_key`.
    Unreadable {
        backup_key: String,
        error: json::ImportError,
    },
    /// localStorage cannot be used at all in this browser.
    StorageUnavailable,
}

/// What loading found: the index, the open model (if any could be read) and problems.
pub struct LoadedWorkspace {
    pub index: StoredIndex,
    pub open_model: Option<(SlotId, Model)>,
    pub problems: Vec<LoadProblem>,
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn model_key(slot_id: &str) -> String {
    format!("{MODEL_KEY_PREFIX}{slot_id}")
}

fn bases_key(model_id: &str) -> String {
    format!("{BASES_KEY_PREFIX}{model_id}")
}

fn read_item(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

fn classify_write_error(error: wasm_bindgen::JsValue) -> StorageWriteError {
    use wasm_bindgen::JsCast;
    let name = error
        .dyn_ref::<web_sys::DomException>()
        .map(|exception| exception.name())
        .unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        StorageWriteError::Full
    } else {
        StorageWriteError::Other(name)
    }
}

fn write_item(key: &str, value: &str) -> Result<(), StorageWriteError> {
    let storage = local_storage().ok_or(StorageWriteError::Unavailable)?;
    storage.set_item(key, value).map_err(classify_write_error)
}

fn remove_item(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}

/// Every key under our prefix, read once (the Storage API only offers indexed access).
fn keys_with_prefix(prefix: &str) -> Vec<String> {
    let Some(storage) = local_storage() else {
        return Vec::new();
    };
    let length = storage.length().unwrap_or(0);
    (0..length)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(prefix))
        .collect()
}

/// Keeps unreadable text under a new backup key and returns that key. Copying is the
/// one write loading may do: it never touches the original key.
fn keep_backup(text: &str, now: Timestamp) -> String {
    let mut backup_key = format!("{BACKUP_KEY_PREFIX}{}", now.timestamp_millis());
    let mut attempt = 1;
    while read_item(&backup_key).is_some() {
        attempt += 1;
        backup_key = format!("{BACKUP_KEY_PREFIX}{}-{attempt}", now.timestamp_millis());
    }
    // When even the backup does not fit, the original key still holds the text.
    let _ = write_item(&backup_key, text);
    backup_key
}

/// The text kept under a backup key, for the download the user is offered.
pub fn read_backup(backup_key: &str) -> Option<String> {
    read_item(backup_key)
}

/// Reads the index and the open model. Never rewrites a stored model: unreadable
/// texts are copied to backup keys and reported.
pub fn load_workspace(now: Timestamp) -> LoadedWorkspace {
    let mut problems = Vec::new();
    if local_storage().is_none() {
        return LoadedWorkspace {
            index: StoredIndex::default(),
            open_model: None,
            problems: vec![LoadProblem::StorageUnavailable],
        };
    }
    let stored_index_text = read_item(INDEX_KEY);
    let parsed_index = stored_index_text
        .as_deref()
        .map(decode_stored_record::<StoredIndex>);
    let mut index = match parsed_index {
        Some(Ok(index)) => index,
        Some(Err(error)) => {
            let backup_key = keep_backup(stored_index_text.as_deref().unwrap_or_default(), now);
            problems.push(LoadProblem::Unreadable { backup_key, error });
            StoredIndex::default()
        }
        None => StoredIndex::default(),
    };
    // Models stored without an index entry (an index lost or damaged) are listed
    // again, so no stored model becomes invisible.
    for key in keys_with_prefix(MODEL_KEY_PREFIX) {
        let slot_id = key.trim_start_matches(MODEL_KEY_PREFIX).to_string();
        if index.slot(&slot_id).is_none() {
            index.slots.push(StoredSlot {
                slot_id,
                model_id: String::new(),
                title: String::new(),
                modified: None,
                last_export: None,
                based_on_export_id: None,
            });
        }
    }
    index
        .slots
        .retain(|slot| read_item(&model_key(&slot.slot_id)).is_some());
    index.version = 1;

    let mut candidate_slot_ids: Vec<SlotId> = index.active_slot_id.iter().cloned().collect();
    candidate_slot_ids.extend(index.slots.iter().map(|slot| slot.slot_id.clone()));
    let mut open_model = None;
    for slot_id in candidate_slot_ids {
        let Some(text) = read_item(&model_key(&slot_id)) else {
            continue;
        };
        match json::deserialize_stored_model(&text) {
            Ok(model) => {
                if let Some(slot) = index.slot_mut(&slot_id) {
                    slot.model_id = model.id.clone();
                    slot.title = model.title.clone();
                }
                open_model = Some((slot_id, model));
                break;
            }
            Err(error) => {
                if !problems.iter().any(|problem| matches!(problem, LoadProblem::Unreadable { backup_key, .. } if read_item(backup_key).as_deref() == Some(text.as_str()))) {
                    let backup_key = keep_backup(&text, now);
                    problems.push(LoadProblem::Unreadable { backup_key, error });
                }
            }
        }
    }
    if let Some((slot_id, _)) = &open_model {
        index.active_slot_id = Some(slot_id.clone());
    }
    LoadedWorkspace {
        index,
        open_model,
        problems,
    }
}

/// Whether any model is stored in this browser (readable or not).
pub fn has_stored_models() -> bool {
    !keys_with_prefix(MODEL_KEY_PREFIX).is_empty()
}

/// Reads the model stored in a slot.
pub fn read_model(slot_id: &str) -> Result<Model, json::ImportError> {
    let text = read_item(&model_key(slot_id)).ok_or(json::ImportError::Empty)?;
    json::deserialize_stored_model(&text)
}

/// Stores a model in its slot. On failure the previous text stays as it was.
pub fn write_model(slot_id: &str, model: &Model) -> Result<(), StorageWriteError> {
    let text = json::serialize_model_compact(model);
    write_item(&model_key(slot_id), &text)
}

/// Stores the index.
pub fn write_index(index: &StoredIndex) -> Result<(), StorageWriteError> {
    write_item(INDEX_KEY, &encode_to_text(index, JsonLayout::Compact))
}

/// Removes a model and its merge bases from this browser.
pub fn delete_model(slot_id: &str, model_id: &str, other_slots_use_model_id: bool) {
    remove_item(&model_key(slot_id));
    if !other_slots_use_model_id {
        remove_item(&bases_key(model_id));
    }
}

/// One exported version kept as a merge base.
#[derive(Debug, Clone)]
pub struct StoredMergeBase {
    pub export_id: String,
    pub exported_at: Timestamp,
    /// The model as compact JSON in the file envelope.
    pub model_text: String,
}

/// Keeps an exported model as a merge base, the newest [`MERGE_BASES_KEPT`] per model.
/// Bases are a convenience for later merges: when space runs out, the oldest are
/// dropped first and a base that does not fit at all is skipped silently.
pub fn remember_merge_base(model: &Model, export_id: &str, exported_at: Timestamp) {
    let key = bases_key(&model.id);
    let mut bases: Vec<StoredMergeBase> = read_item(&key)
        .and_then(|text| decode_stored_record(&text).ok())
        .unwrap_or_default();
    bases.push(StoredMergeBase {
        export_id: export_id.to_string(),
        exported_at,
        model_text: json::serialize_model_compact(model),
    });
    let overflow = bases.len().saturating_sub(MERGE_BASES_KEPT);
    bases.drain(..overflow);
    while !bases.is_empty() {
        if write_item(&key, &encode_to_text(&bases, JsonLayout::Compact)).is_ok() {
            return;
        }
        bases.remove(0);
    }
    remove_item(&key);
}

/// The stored merge bases of a model, oldest first.
pub fn merge_bases(model_id: &str) -> Vec<StoredMergeBase> {
    read_item(&bases_key(model_id))
        .and_then(|text| decode_stored_record(&text).ok())
        .unwrap_or_default()
}

/// The UI language stored in this browser, if any.
pub fn stored_language() -> Option<Language> {
    read_item(LANGUAGE_KEY).map(|code| Language::from_code(&code))
}

/// Remembers the UI language in this browser.
pub fn store_language(language: Language) {
    let _ = write_item(LANGUAGE_KEY, language.code());
}
