//! One module per screen. Screens that later issues build say so until then, so the
//! navigation already has a place for each.

pub mod budget;
pub mod entities;
pub mod matrix;
pub mod overview;
pub mod settings;

use leptos::prelude::*;

use crate::i18n::Text;
use crate::route::{Route, ScreenName};
use crate::ui::translated;

/// The frame of every screen: a section with its test id, the heading, an optional
/// sentence in the method's terms and the body.
///
/// All screens share this one `view!` shape on purpose: every distinct shape compiles
/// to its own building and updating code, about two kilobytes each in the bundle.
pub fn page_frame(test_id: String, heading: Text, intro: Option<Text>, body: AnyView) -> AnyView {
    let intro = intro.map(|intro| view! { <p class="page-intro">{translated(intro)}</p> });
    view! {
        <section class="page" data-testid=test_id>
            <h1>{translated(heading)}</h1>
            {intro}
            {body}
        </section>
    }
    .into_any()
}

/// The frame of a screen that a later issue builds, or of an unknown address.
fn placeholder_page(test_id: String, heading: Text, body: Text) -> AnyView {
    let body = view! { <p class="empty-state">{translated(body)}</p> }.into_any();
    page_frame(test_id, heading, None, body)
}

/// The view of a route. Screens with entity lists keep their frame while only the
/// focused entity changes, so the caller renders by screen, not by full route.
pub fn render_screen(screen: Option<ScreenName>) -> AnyView {
    match screen {
        Some(ScreenName::Overview) => overview::overview_page(),
        Some(ScreenName::Settings) => settings::settings_page(),
        Some(ScreenName::PriorityMatrix) => matrix::matrix_page(),
        Some(ScreenName::Budget) => {
            entities::entity_screen(ScreenName::Budget, Some(budget::budget_summary()))
        }
        Some(
            screen @ (ScreenName::Goals
            | ScreenName::Capabilities
            | ScreenName::Initiatives
            | ScreenName::People
            | ScreenName::Reviews),
        ) => entities::entity_screen(screen, None),
        Some(screen) => placeholder_page(
            format!("page-{}", screen.segment()),
            crate::ui::shell::screen_label(screen),
            Text::ComingLater,
        ),
        None => placeholder_page(
            "page-not-found".to_string(),
            Text::NotFoundTitle,
            Text::NotFoundBody,
        ),
    }
}

/// The screen a route shows; `None` for an unknown address.
pub fn screen_of_route(route: &Route) -> Option<ScreenName> {
    route.screen()
}
