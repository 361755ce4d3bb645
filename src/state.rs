//! The application state in context: the open model, dispatch of commands, undo and
//! redo, the list of stored models, notices, and the debounced save.
//!
//! State flows one way (DESIGN.md section 5): a UI event builds a `Command`,
//! [`AppState::dispatch`] applies it to a copy of the model (validated first, so a
//! refused command changes nothing), the previous model goes on the undo stack, and
//! one effect saves. Views never mutate the model directly.

use std::collections::HashMap;
use std::time::Duration;

use leptos::prelude::*;

use crate::browser;
use crate::i18n::{messages, Language, Text};
use crate::io::json;
use crate::model::commands::{Command, CommandRefusal};
use crate::model::{Model, Quarter};
use crate::route::Route;
use crate::storage::{self, SlotId, StorageWriteError, StoredIndex, StoredSlot};

/// How long after the last change the model is saved. Short enough that closing the
/// tab loses nothing in practice (pagehide flushes anyway), long enough that typing
/// does not serialize a large model on every key.
const SAVE_DEBOUNCE: Duration = Duration::from_millis(300);

/// How many steps undo remembers per model. Each step is a whole model copy, which
/// keeps undo exact and simple; a bound keeps memory use predictable.
const UNDO_DEPTH: usize = 100;

/// Each undo step is a whole copy of the model. A model of thousands of entities is
/// several megabytes in memory, so its history keeps fewer steps: about 50,000 entity
/// copies in all, and never fewer than 10 steps.
const UNDO_ENTITY_BUDGET: usize = 50_000;

fn undo_depth_for(model: &Model) -> usize {
    let entities: usize = crate::model::EntityKind::ALL
        .iter()
        .map(|kind| model.entity_count(*kind))
        .sum();
    (UNDO_ENTITY_BUDGET / entities.max(1)).clamp(10, UNDO_DEPTH)
}

/// The undo and redo stacks of one stored model.
#[derive(Default)]
struct UndoHistory {
    undo_stack: Vec<Model>,
    redo_stack: Vec<Model>,
}

/// Which way undo history is walked.
#[derive(Clone, Copy)]
enum HistoryDirection {
    Back,
    Forward,
}

/// A message shown to the user for a while, or until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub notice_id: u64,
    pub severity: NoticeSeverity,
    pub title: String,
    pub body: String,
    pub detail: Option<String>,
    /// A backup the user may download (unreadable stored data).
    pub backup_key: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeSeverity {
    Success,
    Info,
    Warning,
    Error,
}

/// Whether the open model is saved in this browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveStatus {
    Saved,
    Pending,
    Failed,
}

/// A valid file waiting for the user to decide what to do with it.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingImport {
    pub file_name: String,
    pub imported: json::ImportedFile,
    /// The stored slot that holds the same model (same model id), if any: "replace"
    /// then replaces that one.
    pub matching_slot_id: Option<SlotId>,
}

/// A question before something is destroyed: what, and what the accept button says.
#[derive(Debug, Clone, PartialEq)]
pub struct Confirmation {
    pub title: Text,
    /// The name of what is affected, shown in bold.
    pub subject: String,
    pub body: Text,
    pub accept: Text,
}

/// The state every component reaches through context.
#[derive(Clone, Copy)]
pub struct AppState {
    pub model: RwSignal<Model>,
    pub language: RwSignal<Language>,
    pub route: RwSignal<Route>,
    pub index: RwSignal<StoredIndex>,
    pub active_slot_id: RwSignal<SlotId>,
    pub notices: RwSignal<Vec<Notice>>,
    pub save_status: RwSignal<SaveStatus>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    pub pending_import: RwSignal<Option<PendingImport>>,
    pub import_error: RwSignal<Option<(String, json::ImportError)>>,
    /// The question the confirmation dialog asks, if it is open.
    pub confirmation: RwSignal<Option<Confirmation>>,
    /// What happens when the user confirms.
    confirmation_action: StoredValue<Option<Box<dyn Fn()>>, LocalStorage>,
    histories: StoredValue<HashMap<SlotId, UndoHistory>, LocalStorage>,
    next_notice_id: StoredValue<u64>,
    save_generation: StoredValue<u64>,
}

/// The quarter of today, the default planning start of new models.
pub fn current_quarter() -> Quarter {
    Quarter::containing(browser::today_local_date())
}

impl AppState {
    /// Loads the workspace from storage (or starts with `first_visit_sample`, fetched
    /// by `main` when nothing is stored) and provides the state in context.
    pub fn provide(first_visit_sample: Option<Model>) -> AppState {
        let now = browser::now_timestamp();
        let language = storage::stored_language().unwrap_or_default();
        let loaded = storage::load_workspace(now);
        let mut index = loaded.index;
        let (slot_id, model, is_new_slot) = match loaded.open_model {
            Some((slot_id, model)) => (slot_id, model, false),
            None => {
                let model = first_visit_sample.unwrap_or_else(|| {
                    Model::empty(
                        browser::new_entity_id(),
                        Text::NewModelDefaultTitle.in_language(language).to_string(),
                        current_quarter(),
                        now,
                    )
                });
                (browser::new_entity_id(), model, true)
            }
        };
        if is_new_slot {
            index.slots.push(StoredSlot {
                slot_id: slot_id.clone(),
                model_id: model.id.clone(),
                title: model.title.clone(),
                modified: Some(model.modified),
                last_export: None,
                based_on_export_id: None,
            });
        }
        index.active_slot_id = Some(slot_id.clone());
        let route = Route::from_fragment(&browser::location_hash()).unwrap_or(Route::Overview);
        let state = AppState {
            model: RwSignal::new(model),
            language: RwSignal::new(language),
            route: RwSignal::new(route),
            index: RwSignal::new(index),
            active_slot_id: RwSignal::new(slot_id),
            notices: RwSignal::new(Vec::new()),
            save_status: RwSignal::new(if is_new_slot {
                SaveStatus::Pending
            } else {
                SaveStatus::Saved
            }),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            pending_import: RwSignal::new(None),
            import_error: RwSignal::new(None),
            confirmation: RwSignal::new(None),
            confirmation_action: StoredValue::new_local(None),
            histories: StoredValue::new_local(HashMap::new()),
            next_notice_id: StoredValue::new(1),
            save_generation: StoredValue::new(0),
        };
        provide_context(state);
        for problem in loaded.problems {
            state.report_load_problem(problem);
        }
        // A sample or a fresh workspace is written once the user changes something;
        // until then storage stays exactly as it was found (loading never writes).
        if is_new_slot {
            state.save_status.set(SaveStatus::Saved);
        }
        state
    }

    fn report_load_problem(&self, problem: storage::LoadProblem) {
        let language = self.language.get_untracked();
        match problem {
            storage::LoadProblem::Unreadable { backup_key, error } => {
                let detail = messages::describe_import_error(&error, language);
                self.push_notice(Notice {
                    notice_id: 0,
                    severity: NoticeSeverity::Error,
                    title: Text::StorageUnreadableTitle
                        .in_language(language)
                        .to_string(),
                    body: Text::StorageUnreadableBody
                        .in_language(language)
                        .to_string(),
                    detail: Some(detail),
                    backup_key: Some(backup_key),
                });
            }
            storage::LoadProblem::StorageUnavailable => {
                self.push_notice(Notice {
                    notice_id: 0,
                    severity: NoticeSeverity::Error,
                    title: Text::SaveStateFailed.in_language(language).to_string(),
                    body: Text::StorageUnavailableBody
                        .in_language(language)
                        .to_string(),
                    detail: None,
                    backup_key: None,
                });
            }
        }
    }

    /// Shows a notice; success and info notices disappear by themselves.
    pub fn push_notice(&self, mut notice: Notice) {
        let notice_id = self.next_notice_id.get_value();
        self.next_notice_id.set_value(notice_id + 1);
        notice.notice_id = notice_id;
        let disappears = matches!(
            notice.severity,
            NoticeSeverity::Success | NoticeSeverity::Info
        );
        self.notices.update(|notices| {
            notices
                .retain(|existing| existing.title != notice.title || existing.body != notice.body);
            notices.push(notice);
        });
        if disappears {
            let notices = self.notices;
            set_timeout(
                move || {
                    notices.update(|notices| {
                        notices.retain(|existing| existing.notice_id != notice_id)
                    })
                },
                Duration::from_millis(4000),
            );
        }
    }

    /// Tells the user in their language why a change was refused.
    fn report_refusal(&self, refusal: &CommandRefusal) {
        let language = self.language.get_untracked();
        self.push_notice(Notice {
            notice_id: 0,
            severity: NoticeSeverity::Error,
            title: Text::ChangeRefused.in_language(language).to_string(),
            body: messages::describe_command_refusal(refusal, language),
            detail: None,
            backup_key: None,
        });
    }

    /// A short confirmation such as "Saved" or "Undone".
    pub fn confirm(&self, text: Text) {
        let language = self.language.get_untracked();
        self.push_notice(Notice {
            notice_id: 0,
            severity: NoticeSeverity::Success,
            title: text.in_language(language).to_string(),
            body: String::new(),
            detail: None,
            backup_key: None,
        });
    }

    /// Opens the confirmation dialog; `action` runs only if the user confirms.
    pub fn ask_confirmation(&self, confirmation: Confirmation, action: impl Fn() + 'static) {
        self.confirmation_action.set_value(Some(Box::new(action)));
        self.confirmation.set(Some(confirmation));
    }

    /// Closes the confirmation dialog, running its action when `accepted`.
    pub fn answer_confirmation(&self, accepted: bool) {
        self.confirmation.set(None);
        let action = self
            .confirmation_action
            .try_update_value(Option::take)
            .flatten();
        if accepted {
            if let Some(action) = action {
                action();
            }
        }
    }

    pub fn dismiss_notice(&self, notice_id: u64) {
        self.notices
            .update(|notices| notices.retain(|notice| notice.notice_id != notice_id));
    }

    /// Applies a command to the open model as one undo step. A refused command changes
    /// nothing and is reported in the user's language.
    pub fn dispatch(&self, command: Command) -> Result<(), CommandRefusal> {
        let now = browser::now_timestamp();
        let mut next_model = self.model.get_untracked();
        match next_model.apply(command, now) {
            Ok(_) => {
                self.replace_model_as_undo_step(next_model);
                Ok(())
            }
            Err(refusal) => {
                self.report_refusal(&refusal);
                Err(refusal)
            }
        }
    }

    /// Applies several commands (such as a form that changes the model's information
    /// and its settings) as one undo step: all of them or, if one is refused, none.
    pub fn dispatch_all(&self, commands: Vec<Command>) -> Result<(), CommandRefusal> {
        let now = browser::now_timestamp();
        let mut next_model = self.model.get_untracked();
        for command in commands {
            if let Err(refusal) = next_model.apply(command, now) {
                self.report_refusal(&refusal);
                return Err(refusal);
            }
        }
        self.replace_model_as_undo_step(next_model);
        Ok(())
    }

    /// Puts `next_model` in place of the open model, remembering the open one for undo.
    pub fn replace_model_as_undo_step(&self, next_model: Model) {
        let slot_id = self.active_slot_id.get_untracked();
        let previous_model = self.model.get_untracked();
        let depth = undo_depth_for(&next_model);
        self.histories.update_value(|histories| {
            let history = histories.entry(slot_id).or_default();
            history.undo_stack.push(previous_model);
            if history.undo_stack.len() > depth {
                let excess = history.undo_stack.len() - depth;
                history.undo_stack.drain(..excess);
            }
            history.redo_stack.clear();
        });
        self.model.set(next_model);
        self.refresh_history_flags();
        self.schedule_save();
    }

    fn refresh_history_flags(&self) {
        let slot_id = self.active_slot_id.get_untracked();
        let (can_undo, can_redo) = self.histories.with_value(|histories| {
            histories.get(&slot_id).map_or((false, false), |history| {
                (
                    !history.undo_stack.is_empty(),
                    !history.redo_stack.is_empty(),
                )
            })
        });
        self.can_undo.set(can_undo);
        self.can_redo.set(can_redo);
    }

    /// Takes back the last change of the open model.
    pub fn undo(&self) {
        self.step_through_history(HistoryDirection::Back);
    }

    /// Does again what undo took back.
    pub fn redo(&self) {
        self.step_through_history(HistoryDirection::Forward);
    }

    /// Moves one step back (undo) or forward (redo): the model taken from one stack
    /// replaces the open one, which goes on the other stack.
    fn step_through_history(&self, direction: HistoryDirection) {
        let slot_id = self.active_slot_id.get_untracked();
        let current = self.model.get_untracked();
        let restored = self.histories.try_update_value(|histories| {
            let history = histories.entry(slot_id).or_default();
            let (take_from, put_on) = match direction {
                HistoryDirection::Back => (&mut history.undo_stack, &mut history.redo_stack),
                HistoryDirection::Forward => (&mut history.redo_stack, &mut history.undo_stack),
            };
            let restored = take_from.pop()?;
            put_on.push(current);
            Some(restored)
        });
        let (done, nothing_to_do) = match direction {
            HistoryDirection::Back => (Text::UndoDone, Text::NothingToUndo),
            HistoryDirection::Forward => (Text::RedoDone, Text::NothingToRedo),
        };
        match restored.flatten() {
            Some(model) => {
                self.model.set(model);
                self.refresh_history_flags();
                self.schedule_save();
                self.confirm(done);
            }
            None => self.confirm(nothing_to_do),
        }
    }

    /// Saves shortly after the last change (debounced).
    pub fn schedule_save(&self) {
        self.save_status.set(SaveStatus::Pending);
        let generation = self.save_generation.get_value() + 1;
        self.save_generation.set_value(generation);
        let state = *self;
        set_timeout(
            move || {
                if state.save_generation.get_value() == generation {
                    state.save_now();
                }
            },
            SAVE_DEBOUNCE,
        );
    }

    /// Saves at once if a save is pending (called on pagehide and when hidden).
    pub fn flush_pending_save(&self) {
        if self.save_status.get_untracked() == SaveStatus::Pending {
            self.save_now();
        }
    }

    /// Writes the open model and the index. On failure the previous stored text stays,
    /// the model stays open, and the user is told how to keep their work.
    pub fn save_now(&self) {
        let slot_id = self.active_slot_id.get_untracked();
        let write_result = self.model.with_untracked(|model| {
            storage::write_model(&slot_id, model)?;
            let mut index = self.index.get_untracked();
            if let Some(slot) = index.slot_mut(&slot_id) {
                slot.model_id = model.id.clone();
                slot.title = model.title.clone();
                slot.modified = Some(model.modified);
            }
            index.active_slot_id = Some(slot_id.clone());
            storage::write_index(&index)?;
            self.index.set(index);
            Ok::<(), StorageWriteError>(())
        });
        match write_result {
            Ok(()) => self.save_status.set(SaveStatus::Saved),
            Err(error) => {
                self.save_status.set(SaveStatus::Failed);
                self.report_storage_failure(error);
            }
        }
    }

    /// Tells the user that a write to this browser's storage failed and how to keep
    /// their work (the stored text is unchanged; the model stays open).
    fn report_storage_failure(&self, error: StorageWriteError) {
        let language = self.language.get_untracked();
        let body = match error {
            StorageWriteError::Full => Text::StorageFullBody.in_language(language).to_string(),
            StorageWriteError::Unavailable => Text::StorageUnavailableBody
                .in_language(language)
                .to_string(),
            StorageWriteError::Other(detail) => {
                format!("{} ({detail})", Text::StorageFullBody.in_language(language))
            }
        };
        self.push_notice(Notice {
            notice_id: 0,
            severity: NoticeSeverity::Error,
            title: Text::StorageFullTitle.in_language(language).to_string(),
            body,
            detail: None,
            backup_key: None,
        });
    }

    /// Writes the index alone (after list changes such as rename or delete).
    fn save_index(&self) {
        let index = self.index.get_untracked();
        if storage::write_index(&index).is_err() {
            self.save_status.set(SaveStatus::Failed);
        }
    }

    /// Opens another stored model; each model keeps its own undo history.
    pub fn switch_to_slot(&self, slot_id: &str) {
        self.flush_pending_save();
        match storage::read_model(slot_id) {
            Ok(model) => {
                self.active_slot_id.set(slot_id.to_string());
                self.model.set(model);
                self.index
                    .update(|index| index.active_slot_id = Some(slot_id.to_string()));
                self.save_index();
                self.refresh_history_flags();
            }
            Err(error) => {
                let language = self.language.get_untracked();
                self.push_notice(Notice {
                    notice_id: 0,
                    severity: NoticeSeverity::Error,
                    title: Text::StorageUnreadableTitle
                        .in_language(language)
                        .to_string(),
                    body: messages::describe_import_error(&error, language),
                    detail: None,
                    backup_key: None,
                });
            }
        }
    }

    /// Stores `model` in a new slot and opens it.
    pub fn add_model_as_new_slot(&self, model: Model, based_on_export_id: Option<String>) {
        self.flush_pending_save();
        let slot_id = browser::new_entity_id();
        self.index.update(|index| {
            index.slots.push(StoredSlot {
                slot_id: slot_id.clone(),
                model_id: model.id.clone(),
                title: model.title.clone(),
                modified: Some(model.modified),
                last_export: None,
                based_on_export_id,
            });
            index.active_slot_id = Some(slot_id.clone());
        });
        self.active_slot_id.set(slot_id);
        self.model.set(model);
        self.refresh_history_flags();
        self.save_now();
    }

    /// Creates a new empty model and opens it.
    pub fn create_empty_model(&self) {
        let language = self.language.get_untracked();
        let now = browser::now_timestamp();
        let model = Model::empty(
            browser::new_entity_id(),
            Text::NewModelDefaultTitle.in_language(language).to_string(),
            current_quarter(),
            now,
        );
        self.add_model_as_new_slot(model, None);
    }

    /// Copies a stored model (with a new model id, so the two are not taken for the
    /// same model when files are merged later) and opens the copy.
    pub fn duplicate_slot(&self, slot_id: &str) {
        self.flush_pending_save();
        let language = self.language.get_untracked();
        let Ok(mut model) = storage::read_model(slot_id) else {
            return;
        };
        model.id = browser::new_entity_id();
        model.title = format!("{} {}", model.title, Text::CopySuffix.in_language(language));
        model.merged_export_ids.clear();
        self.add_model_as_new_slot(model, None);
    }

    /// Renames a stored model (the open one through a command, so it can be undone).
    pub fn rename_slot(&self, slot_id: &str, new_title: String) {
        if slot_id == self.active_slot_id.get_untracked() {
            let model = self.model.get_untracked();
            let _ = self.dispatch(Command::SetModelInfo {
                title: new_title,
                organization: model.organization,
                currency: model.currency,
                planning_start: model.planning_start,
            });
            return;
        }
        let Ok(mut model) = storage::read_model(slot_id) else {
            return;
        };
        let now = browser::now_timestamp();
        let command = Command::SetModelInfo {
            title: new_title,
            organization: model.organization.clone(),
            currency: model.currency.clone(),
            planning_start: model.planning_start,
        };
        if let Err(refusal) = model.apply(command, now) {
            self.report_refusal(&refusal);
            return;
        }
        match storage::write_model(slot_id, &model) {
            Ok(()) => {
                self.index.update(|index| {
                    if let Some(slot) = index.slot_mut(slot_id) {
                        slot.title = model.title.clone();
                    }
                });
                self.save_index();
            }
            Err(error) => self.report_storage_failure(error),
        }
    }

    /// Deletes a stored model after the user confirmed. Deleting the open model opens
    /// another one, or a new empty model when none is left.
    pub fn delete_slot(&self, slot_id: &str) {
        let index = self.index.get_untracked();
        let Some(slot) = index.slot(slot_id).cloned() else {
            return;
        };
        let other_slots_use_model_id = index
            .slots
            .iter()
            .any(|other| other.slot_id != slot_id && other.model_id == slot.model_id);
        storage::delete_model(slot_id, &slot.model_id, other_slots_use_model_id);
        self.histories.update_value(|histories| {
            histories.remove(slot_id);
        });
        self.index
            .update(|index| index.slots.retain(|other| other.slot_id != slot_id));
        if slot_id == self.active_slot_id.get_untracked() {
            let next_slot_id = self
                .index
                .with_untracked(|index| index.slots.first().map(|slot| slot.slot_id.clone()));
            match next_slot_id {
                Some(next_slot_id) => self.switch_to_slot(&next_slot_id),
                None => self.create_empty_model(),
            }
        } else {
            self.save_index();
        }
    }

    /// Exports the open model as a file and keeps it as a merge base.
    pub fn export_open_model(&self) {
        let now = browser::now_timestamp();
        let export_id = browser::new_entity_id();
        let slot_id = self.active_slot_id.get_untracked();
        let based_on = self.index.with_untracked(|index| {
            index
                .slot(&slot_id)
                .and_then(|slot| slot.based_on_export_id.clone())
        });
        let model = self.model.get_untracked();
        let text = json::export_model_file(&model, now, export_id.clone(), based_on);
        let file_name = export_file_name(&model.title, browser::today_local_date());
        if !browser::download_text_file(&file_name, &text, "application/json") {
            return;
        }
        storage::remember_merge_base(&model, &export_id, now);
        self.index.update(|index| {
            if let Some(slot) = index.slot_mut(&slot_id) {
                slot.last_export = Some(now);
                slot.based_on_export_id = Some(export_id.clone());
            }
        });
        self.save_index();
        self.confirm(Text::Exported);
    }

    /// Reads a chosen or dropped file; a valid one waits for the user's decision, an
    /// invalid one is reported and changes nothing.
    pub fn receive_file(&self, file_name: String, bytes: &[u8]) {
        // Marks for the benchmark script: reading, checking and previewing a file.
        browser::performance_mark("import-start");
        let result = json::import_model_file_bytes(bytes);
        browser::performance_mark("import-checked");
        match result {
            Ok(imported) => {
                let matching_slot_id = self.index.with_untracked(|index| {
                    index
                        .slots
                        .iter()
                        .find(|slot| slot.model_id == imported.model.id)
                        .map(|slot| slot.slot_id.clone())
                });
                self.import_error.set(None);
                self.pending_import.set(Some(PendingImport {
                    file_name,
                    imported,
                    matching_slot_id,
                }));
            }
            Err(error) => {
                self.pending_import.set(None);
                self.import_error.set(Some((file_name, error)));
            }
        }
    }

    /// Replaces a model by the pending file, as one undo step.
    pub fn accept_pending_import_as_replacement(&self) {
        let Some(pending) = self.pending_import.get_untracked() else {
            return;
        };
        self.pending_import.set(None);
        if let Some(slot_id) = &pending.matching_slot_id {
            if *slot_id != self.active_slot_id.get_untracked() {
                self.switch_to_slot(slot_id);
            }
        }
        let slot_id = self.active_slot_id.get_untracked();
        let export_id = pending.imported.export_id.clone();
        self.index.update(|index| {
            if let Some(slot) = index.slot_mut(&slot_id) {
                slot.based_on_export_id = Some(export_id);
            }
        });
        self.replace_model_as_undo_step(pending.imported.model);
        self.confirm(Text::Imported);
    }

    /// Adds the pending file as another stored model. A model whose id is already
    /// stored gets a new id, so the two are not mistaken for each other.
    pub fn accept_pending_import_as_new_model(&self) {
        let Some(pending) = self.pending_import.get_untracked() else {
            return;
        };
        self.pending_import.set(None);
        let mut model = pending.imported.model;
        let based_on = if pending.matching_slot_id.is_some() {
            model.id = browser::new_entity_id();
            None
        } else {
            Some(pending.imported.export_id)
        };
        self.add_model_as_new_slot(model, based_on);
        self.confirm(Text::Imported);
    }

    /// Switches the UI language and remembers it in this browser.
    pub fn set_language(&self, language: Language) {
        self.language.set(language);
        storage::store_language(language);
        browser::set_document_language(language.code());
    }
}

/// `<model-title>-<YYYY-MM-DD>.bitalign.json`, with characters that file systems or
/// mail programs mangle replaced by dashes.
pub fn export_file_name(title: &str, date: chrono::NaiveDate) -> String {
    let mut safe_title: String = title
        .chars()
        .map(|character| {
            // Letters of every script are kept (a German title stays readable); only
            // what file systems and mail programs refuse or mangle becomes a dash.
            // Testing for the refused characters instead of for letters keeps
            // Unicode's letter tables out of the bundle.
            let refused = character.is_ascii_control()
                || matches!(
                    character,
                    '/' | '\\'
                        | ':'
                        | '*'
                        | '?'
                        | '"'
                        | '<'
                        | '>'
                        | '|'
                        | '#'
                        | '%'
                        | '&'
                        | '{'
                        | '}'
                        | '$'
                        | '!'
                        | '\''
                        | '@'
                        | '+'
                        | '`'
                        | '='
                        | '~'
                        | '^'
                        | ','
                        | ';'
                        | '['
                        | ']'
                        | '('
                        | ')'
                );
            if refused {
                '-'
            } else {
                character
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-");
    safe_title = safe_title
        .trim_matches(|character| character == '-' || character == '.')
        .chars()
        .take(80)
        .collect();
    if safe_title.is_empty() {
        safe_title = "bitalign".to_string();
    }
    format!(
        "{safe_title}-{}.bitalign.json",
        crate::i18n::numbers::iso_date_text(date)
    )
}
