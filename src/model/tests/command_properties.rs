//! Property tests of the commands on generated valid models (from
//! [`crate::model::arbitrary`]): whatever entity is deleted, the model stays valid or
//! stays exactly as it was; the deletion policy never deadlocks; an update with the
//! stored content changes nothing.

use proptest::prelude::*;

use super::fixture::later;
use crate::model::arbitrary::{arbitrary_valid_model, proptest_config_with_default_cases};
use crate::model::commands::*;
use crate::model::types::*;
use crate::model::validation::validate_model;

/// Every entity of the model as (kind, id), in model order.
fn every_entity(model: &Model) -> Vec<(EntityKind, EntityId)> {
    let mut entities = Vec::new();
    let mut add = |kind: EntityKind, ids: Vec<&EntityId>| {
        entities.extend(ids.into_iter().map(|id| (kind, id.clone())));
    };
    add(
        EntityKind::Person,
        model.people.iter().map(|e| &e.id).collect(),
    );
    add(
        EntityKind::Goal,
        model.goals.iter().map(|e| &e.id).collect(),
    );
    add(EntityKind::Kpi, model.kpis.iter().map(|e| &e.id).collect());
    add(
        EntityKind::BusinessProcess,
        model.processes.iter().map(|e| &e.id).collect(),
    );
    add(
        EntityKind::Capability,
        model.capabilities.iter().map(|e| &e.id).collect(),
    );
    add(
        EntityKind::DataObject,
        model.data_objects.iter().map(|e| &e.id).collect(),
    );
    add(
        EntityKind::Initiative,
        model.initiatives.iter().map(|e| &e.id).collect(),
    );
    add(
        EntityKind::SpendItem,
        model.spend_items.iter().map(|e| &e.id).collect(),
    );
    add(
        EntityKind::Review,
        model.reviews.iter().map(|e| &e.id).collect(),
    );
    add(
        EntityKind::WorkshopSession,
        model.workshop_sessions.iter().map(|e| &e.id).collect(),
    );
    entities
}

/// Every entity of the model, as `Update` carries it.
fn every_entity_value(model: &Model) -> Vec<Entity> {
    let mut entities: Vec<Entity> = Vec::new();
    entities.extend(model.people.iter().cloned().map(Entity::from));
    entities.extend(model.goals.iter().cloned().map(Entity::from));
    entities.extend(model.kpis.iter().cloned().map(Entity::from));
    entities.extend(model.processes.iter().cloned().map(Entity::from));
    entities.extend(model.capabilities.iter().cloned().map(Entity::from));
    entities.extend(model.data_objects.iter().cloned().map(Entity::from));
    entities.extend(model.initiatives.iter().cloned().map(Entity::from));
    entities.extend(model.spend_items.iter().cloned().map(Entity::from));
    entities.extend(model.reviews.iter().cloned().map(Entity::from));
    entities.extend(model.workshop_sessions.iter().cloned().map(Entity::from));
    entities
}

proptest! {
    #![proptest_config(proptest_config_with_default_cases(48))]

    #[test]
    fn deleting_any_entity_keeps_the_model_valid_or_changes_nothing(
        model in arbitrary_valid_model()
    ) {
        for (kind, id) in every_entity(&model) {
            let mut attempt = model.clone();
            match attempt.apply(Command::Delete { kind, id: id.clone() }, later()) {
                Ok(outcome) => {
                    prop_assert_eq!(validate_model(&attempt), Vec::new());
                    prop_assert_eq!(attempt.revision, model.revision.saturating_add(1));
                    prop_assert_eq!(
                        outcome.touched.first().map(|first| (first.kind, first.id.clone(), first.change)),
                        Some((kind, id.clone(), EntityChange::Deleted))
                    );
                    prop_assert_eq!(attempt.tombstones.len(), model.tombstones.len() + 1);
                }
                Err(CommandRefusal::StillReferenced { dependents, .. }) => {
                    prop_assert!(!dependents.is_empty());
                    prop_assert_eq!(&attempt, &model);
                }
                Err(other) => prop_assert!(false, "unexpected refusal {other:?}"),
            }
        }
    }

    #[test]
    fn everything_can_be_deleted_in_some_order(model in arbitrary_valid_model()) {
        let mut model = model;
        // Each round deletes whatever may be deleted now; the policy only refuses
        // while dependents exist, so rounds must make progress until nothing is left.
        loop {
            let remaining = every_entity(&model);
            if remaining.is_empty() {
                break;
            }
            let mut deleted_any = false;
            for (kind, id) in remaining {
                if model.apply(Command::Delete { kind, id }, later()).is_ok() {
                    deleted_any = true;
                }
            }
            prop_assert!(deleted_any, "no entity could be deleted: {:?}", every_entity(&model));
            prop_assert_eq!(validate_model(&model), Vec::new());
        }
    }

    #[test]
    fn updating_any_entity_with_its_stored_value_changes_nothing(
        model in arbitrary_valid_model()
    ) {
        for entity in every_entity_value(&model) {
            let mut attempt = model.clone();
            let outcome = attempt.apply(Command::Update(entity), later());
            prop_assert!(matches!(&outcome, Ok(outcome) if !outcome.changed_anything()), "{outcome:?}");
            prop_assert_eq!(&attempt, &model);
        }
    }

    #[test]
    fn creating_a_copy_under_a_fresh_id_is_accepted(model in arbitrary_valid_model()) {
        // A copy of a valid entity under new ids (its own and its cost lines') is a
        // valid new entity: its links point where the original's do.
        for (number, entity) in every_entity_value(&model).into_iter().enumerate() {
            let fresh = |suffix: &str| format!("copy-{number}-{suffix}");
            let copy = match entity {
                Entity::Initiative(mut initiative) => {
                    initiative.id = fresh("entity");
                    for (line, cost_line) in initiative.cost_lines.iter_mut().enumerate() {
                        cost_line.id = fresh(&format!("line-{line}"));
                    }
                    Entity::Initiative(initiative)
                }
                Entity::SpendItem(mut spend_item) => {
                    spend_item.id = fresh("entity");
                    for (line, cost_line) in spend_item.cost_lines.iter_mut().enumerate() {
                        cost_line.id = fresh(&format!("line-{line}"));
                    }
                    Entity::SpendItem(spend_item)
                }
                Entity::Person(mut e) => { e.id = fresh("entity"); Entity::Person(e) }
                Entity::Goal(mut e) => { e.id = fresh("entity"); Entity::Goal(e) }
                Entity::Kpi(mut e) => { e.id = fresh("entity"); Entity::Kpi(e) }
                Entity::BusinessProcess(mut e) => { e.id = fresh("entity"); Entity::BusinessProcess(e) }
                Entity::Capability(mut e) => { e.id = fresh("entity"); Entity::Capability(e) }
                Entity::DataObject(mut e) => { e.id = fresh("entity"); Entity::DataObject(e) }
                Entity::Review(mut e) => { e.id = fresh("entity"); Entity::Review(e) }
                Entity::WorkshopSession(mut e) => { e.id = fresh("entity"); Entity::WorkshopSession(e) }
            };
            let mut attempt = model.clone();
            let outcome = attempt.apply(Command::Create(copy), later());
            prop_assert!(outcome.is_ok(), "{outcome:?}");
            prop_assert_eq!(validate_model(&attempt), Vec::new());
        }
    }
}
