//! One module per screen. Screens that later issues build show what they will offer
//! until then, so the navigation already has a place for each.

pub mod budget;
pub mod entities;
pub mod matrix;
pub mod overview;
pub mod placeholder;
pub mod settings;

use leptos::prelude::*;

use crate::route::{Route, ScreenName};

/// The view of a route. Screens with entity lists keep their frame while only the
/// focused entity changes, so the caller renders by screen, not by full route.
pub fn render_screen(screen: Option<ScreenName>) -> AnyView {
    match screen {
        Some(ScreenName::Overview) => overview::overview_page(),
        Some(ScreenName::Settings) => view! { <settings::SettingsPage /> }.into_any(),
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
        Some(screen) => view! { <placeholder::PlaceholderPage screen=screen /> }.into_any(),
        None => view! { <placeholder::NotFoundPage /> }.into_any(),
    }
}

/// The screen a route shows; `None` for an unknown address.
pub fn screen_of_route(route: &Route) -> Option<ScreenName> {
    route.screen()
}
