//! The screens that list and edit entities: Goals & KPIs, Capabilities (with business
//! processes and data objects), Initiatives, Budget & spend, People and Reviews.
//!
//! Every such screen is the same frame: a heading with a sentence in the method's
//! terms, one list per entity kind, and the editor of the entity the address names
//! (`#/goals/<id>`) or of a new one. Deep links from elsewhere (the overview's
//! uncovered spend, later the alignment check) open the editor directly.

use leptos::prelude::*;

use crate::forms::{self, FormSubject};
use crate::i18n::Text;
use crate::model::EntityKind;
use crate::route::ScreenName;
use crate::state::AppState;
use crate::ui::dom::{self, Dom};
use crate::ui::entity_form::{entity_form, EditorControl};
use crate::ui::entity_list::entity_list;
use crate::ui::shell::screen_label;

/// The entity kinds a screen lists, in display order, and its introduction.
pub fn screen_contents(screen: ScreenName) -> (&'static [EntityKind], Text) {
    match screen {
        ScreenName::Goals => (&[EntityKind::Goal, EntityKind::Kpi], Text::IntroGoals),
        ScreenName::Capabilities => (
            &[
                EntityKind::Capability,
                EntityKind::BusinessProcess,
                EntityKind::DataObject,
            ],
            Text::IntroCapabilities,
        ),
        ScreenName::Initiatives => (&[EntityKind::Initiative], Text::IntroInitiatives),
        ScreenName::Budget => (&[EntityKind::SpendItem], Text::IntroBudget),
        ScreenName::People => (&[EntityKind::Person], Text::IntroPeople),
        ScreenName::Reviews => (&[EntityKind::Review], Text::IntroReviews),
        _ => (&[], Text::ComingLater),
    }
}

pub fn entity_screen(screen: ScreenName, summary: Option<Dom>) -> Dom {
    let state = expect_context::<AppState>();
    let (kinds, intro) = screen_contents(screen);
    let control = EditorControl {
        screen,
        creating: RwSignal::new(None),
    };
    let focused_id = Memo::new(move |_| {
        state
            .route
            .with(|route| route.focused_id().map(str::to_string))
    });
    // Opening another entity by its address replaces a form for a new one.
    Effect::new(move |previous: Option<Option<String>>| {
        let current = focused_id.get();
        if previous.is_some_and(|previous| previous != current) && current.is_some() {
            control.creating.set(None);
        }
        current
    });
    let editor_slot = Dom::new("div").attr("class", "editor-slot");
    let slot = editor_slot.element();
    dom::effect(move || {
        let subject = match (control.creating.get(), focused_id.get()) {
            (Some(subject), _) => subject,
            (None, Some(id)) => {
                let kind = state
                    .model
                    .with_untracked(|model| forms::kind_of_entity(model, kinds, &id));
                FormSubject::Entity {
                    // An id that is gone (deleted, or a stale link) opens the first
                    // kind's editor, which says that the entry no longer exists.
                    kind: kind.unwrap_or(kinds[0]),
                    existing_id: Some(id),
                    preset_goal_id: None,
                }
            }
            (None, None) => {
                dom::replace_children(&slot, Vec::new());
                return;
            }
        };
        dom::replace_children(&slot, vec![entity_form(subject, Some(control))]);
    });
    let lists = Dom::with_class("div", "lists");
    for kind in kinds {
        lists.push(entity_list(*kind, control));
    }
    let mut body: Vec<Dom> = summary.into_iter().collect();
    body.push(
        Dom::with_class("div", "screen-body")
            .child(editor_slot)
            .child(lists),
    );
    super::page_frame(
        &format!("page-{}", screen.segment()),
        screen_label(screen),
        Some(intro),
        body,
    )
}
