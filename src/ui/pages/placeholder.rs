//! Screens that arrive with later issues, and the page for unknown addresses.

use leptos::prelude::*;

use crate::ui::translated;

use crate::i18n::Text;
use crate::route::ScreenName;
use crate::ui::shell::screen_label;

#[component]
pub fn PlaceholderPage(screen: ScreenName) -> impl IntoView {
    view! {
        <section class="page" data-testid=format!("page-{}", screen.segment())>
            <h1>{translated(screen_label(screen))}</h1>
            <p class="empty-state">{translated(Text::ComingLater)}</p>
        </section>
    }
}

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <section class="page" data-testid="page-not-found">
            <h1>{translated(Text::NotFoundTitle)}</h1>
            <p>{translated(Text::NotFoundBody)}</p>
            <p><a href="#/overview">{translated(Text::BackToOverview)}</a></p>
        </section>
    }
}
