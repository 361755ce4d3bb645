//! Screens that arrive with later issues, and the page for unknown addresses.

use leptos::prelude::*;

use crate::i18n::Text;
use crate::route::ScreenName;
use crate::state::AppState;
use crate::ui::shell::screen_label;

#[component]
pub fn PlaceholderPage(screen: ScreenName) -> impl IntoView {
    let state = expect_context::<AppState>();
    let language = state.language;
    view! {
        <section class="page" data-testid=format!("page-{}", screen.segment())>
            <h1>{move || screen_label(screen).in_language(language.get())}</h1>
            <p class="empty-state">{move || Text::ComingLater.in_language(language.get())}</p>
        </section>
    }
}

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let language = state.language;
    view! {
        <section class="page" data-testid="page-not-found">
            <h1>{move || Text::NotFoundTitle.in_language(language.get())}</h1>
            <p>{move || Text::NotFoundBody.in_language(language.get())}</p>
            <p><a href="#/overview">{move || Text::BackToOverview.in_language(language.get())}</a></p>
        </section>
    }
}
