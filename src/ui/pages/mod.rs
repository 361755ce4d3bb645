//! One module per screen. Screens that later issues build show what they will offer
//! until then, so the navigation already has a place for each.

pub mod overview;
pub mod placeholder;
pub mod settings;

use leptos::prelude::*;

use crate::route::{Route, ScreenName};

/// The view of a route.
pub fn render_route(route: Route) -> AnyView {
    match route {
        Route::Overview => view! { <overview::OverviewPage /> }.into_any(),
        Route::Settings => view! { <settings::SettingsPage /> }.into_any(),
        Route::NotFound { .. } => view! { <placeholder::NotFoundPage /> }.into_any(),
        other => {
            let screen = other.screen().unwrap_or(ScreenName::Overview);
            view! { <placeholder::PlaceholderPage screen=screen /> }.into_any()
        }
    }
}
