//! One module per screen. Screens that later issues build say so until then, so the
//! navigation already has a place for each.

pub mod budget;
pub mod entities;
pub mod matrix;
pub mod overview;
#[cfg(feature = "roadmap-screen")]
pub mod roadmap;
pub mod settings;

use crate::i18n::Text;
use crate::route::ScreenName;
use crate::ui::dom::Dom;
use crate::ui::translated_element;

/// The frame of every screen: a section with its test id, the heading, an optional
/// sentence in the method's terms and the body.
pub fn page_frame(test_id: &str, heading: Text, intro: Option<Text>, body: Vec<Dom>) -> Dom {
    let frame = Dom::with_class("section", "page")
        .attr("data-testid", test_id)
        .child(translated_element("h1", heading))
        .child_if(intro.map(|intro| translated_element("p", intro).attr("class", "page-intro")));
    for part in body {
        frame.push(part);
    }
    frame
}

/// The frame of a screen that a later issue builds, or of an unknown address.
fn placeholder_page(test_id: &str, heading: Text, body: Text) -> Dom {
    let body = translated_element("p", body).attr("class", "empty-state");
    page_frame(test_id, heading, None, vec![body])
}

/// The view of a route. Screens with entity lists keep their frame while only the
/// focused entity changes, so the caller renders by screen, not by full route.
pub fn render_screen(screen: Option<ScreenName>) -> Dom {
    match screen {
        Some(ScreenName::Overview) => overview::overview_page(),
        Some(ScreenName::Settings) => settings::settings_page(),
        Some(ScreenName::PriorityMatrix) => matrix::matrix_page(),
        #[cfg(feature = "roadmap-screen")]
        Some(ScreenName::Roadmap) => roadmap::roadmap_page(),
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
            &format!("page-{}", screen.segment()),
            crate::ui::shell::screen_label(screen),
            Text::ComingLater,
        ),
        None => placeholder_page("page-not-found", Text::NotFoundTitle, Text::NotFoundBody),
    }
}
