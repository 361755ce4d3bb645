//! The overview: what the open model holds, at a glance.

use leptos::prelude::*;

use crate::ui::translated;

use crate::i18n::{messages, Text};
use crate::model::EntityKind;
use crate::state::AppState;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let language = state.language;
    let counts = Memo::new(move |_| {
        state
            .model
            .with(|model| EntityKind::ALL.map(|kind| (kind, model.entity_count(kind))))
    });
    let is_empty = move || counts.get().iter().all(|(_, count)| *count == 0);
    view! {
        <section class="page" data-testid="page-overview">
            <h1 data-testid="overview-title">{move || state.model.with(|model| model.title.clone())}</h1>
            <p class="organization">{move || state.model.with(|model| model.organization.clone())}</p>
            {move || is_empty().then(|| view! {
                <p class="empty-state" data-testid="empty-model-hint">{translated(Text::EmptyModelHint)}</p>
            })}
            <h2>{translated(Text::KeyFigures)}</h2>
            <ul class="key-figures" data-testid="key-figures">
                {move || {
                    let language_now = language.get();
                    counts
                        .get()
                        .into_iter()
                        .map(|(kind, count)| {
                            view! {
                                <li class="key-figure">
                                    <span class="key-figure-value">{count}</span>
                                    <span class="key-figure-label">{messages::entity_kind_plural(kind, language_now)}</span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </section>
    }
}
