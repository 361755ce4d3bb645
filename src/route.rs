//! The hash routes of the app, parsed and printed as pure functions.
//!
//! The app uses the URL fragment (`#/initiatives/<id>`) rather than the path, because
//! it is served from any static host and any sub-path, and opened offline: only the
//! fragment is guaranteed never to reach a server. A fragment that is not a route,
//! such as a share link `#share=…`, is left untouched by the router.

/// A screen of the app, with the optional entity it focuses on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Overview,
    Goals {
        focused_id: Option<String>,
    },
    Capabilities {
        focused_id: Option<String>,
    },
    Initiatives {
        focused_id: Option<String>,
    },
    PriorityMatrix,
    Roadmap,
    Budget {
        focused_id: Option<String>,
    },
    People {
        focused_id: Option<String>,
    },
    Reviews {
        focused_id: Option<String>,
    },
    AlignmentCheck,
    Workshop,
    Settings,
    /// A fragment that looks like a route but names no screen.
    NotFound {
        path: String,
    },
}

/// The screens in navigation order, each with the path segment that names it.
pub const SCREEN_SEGMENTS: [(&str, ScreenName); 12] = [
    ("overview", ScreenName::Overview),
    ("goals", ScreenName::Goals),
    ("capabilities", ScreenName::Capabilities),
    ("initiatives", ScreenName::Initiatives),
    ("matrix", ScreenName::PriorityMatrix),
    ("roadmap", ScreenName::Roadmap),
    ("budget", ScreenName::Budget),
    ("people", ScreenName::People),
    ("reviews", ScreenName::Reviews),
    ("alignment", ScreenName::AlignmentCheck),
    ("workshop", ScreenName::Workshop),
    ("settings", ScreenName::Settings),
];

/// A screen without its focused entity: what the navigation lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScreenName {
    Overview,
    Goals,
    Capabilities,
    Initiatives,
    PriorityMatrix,
    Roadmap,
    Budget,
    People,
    Reviews,
    AlignmentCheck,
    Workshop,
    Settings,
}

impl ScreenName {
    /// The path segment of this screen, as in `#/goals`.
    pub fn segment(self) -> &'static str {
        SCREEN_SEGMENTS
            .iter()
            .find(|(_, screen)| *screen == self)
            .map_or("overview", |(segment, _)| segment)
    }

    /// The fragment that opens this screen.
    pub fn href(self) -> String {
        format!("#/{}", self.segment())
    }
}

impl Route {
    /// Reads a URL fragment (with or without its leading `#`). Returns `None` for a
    /// fragment that is not meant for the router (for example `#share=…`), so the
    /// caller keeps the current screen and leaves the fragment alone.
    pub fn from_fragment(fragment: &str) -> Option<Route> {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        if fragment.is_empty() || fragment == "/" {
            return Some(Route::Overview);
        }
        let path = fragment.strip_prefix('/')?;
        let mut segments = path.split('/').filter(|segment| !segment.is_empty());
        let screen_segment = segments.next().unwrap_or("overview");
        let focused_id = segments.next().map(decode_fragment_segment);
        let Some(screen) = SCREEN_SEGMENTS
            .iter()
            .find(|(segment, _)| *segment == screen_segment)
            .map(|(_, screen)| *screen)
        else {
            return Some(Route::NotFound {
                path: path.chars().take(200).collect(),
            });
        };
        Some(match screen {
            ScreenName::Overview => Route::Overview,
            ScreenName::Goals => Route::Goals { focused_id },
            ScreenName::Capabilities => Route::Capabilities { focused_id },
            ScreenName::Initiatives => Route::Initiatives { focused_id },
            ScreenName::PriorityMatrix => Route::PriorityMatrix,
            ScreenName::Roadmap => Route::Roadmap,
            ScreenName::Budget => Route::Budget { focused_id },
            ScreenName::People => Route::People { focused_id },
            ScreenName::Reviews => Route::Reviews { focused_id },
            ScreenName::AlignmentCheck => Route::AlignmentCheck,
            ScreenName::Workshop => Route::Workshop,
            ScreenName::Settings => Route::Settings,
        })
    }

    /// The screen this route shows, for highlighting the navigation.
    pub fn screen(&self) -> Option<ScreenName> {
        Some(match self {
            Route::Overview => ScreenName::Overview,
            Route::Goals { .. } => ScreenName::Goals,
            Route::Capabilities { .. } => ScreenName::Capabilities,
            Route::Initiatives { .. } => ScreenName::Initiatives,
            Route::PriorityMatrix => ScreenName::PriorityMatrix,
            Route::Roadmap => ScreenName::Roadmap,
            Route::Budget { .. } => ScreenName::Budget,
            Route::People { .. } => ScreenName::People,
            Route::Reviews { .. } => ScreenName::Reviews,
            Route::AlignmentCheck => ScreenName::AlignmentCheck,
            Route::Workshop => ScreenName::Workshop,
            Route::Settings => ScreenName::Settings,
            Route::NotFound { .. } => return None,
        })
    }

    /// The entity a screen focuses on (opens in its editor), if any.
    pub fn focused_id(&self) -> Option<&str> {
        match self {
            Route::Goals { focused_id }
            | Route::Capabilities { focused_id }
            | Route::Initiatives { focused_id }
            | Route::Budget { focused_id }
            | Route::People { focused_id }
            | Route::Reviews { focused_id } => focused_id.as_deref(),
            _ => None,
        }
    }
}

impl ScreenName {
    /// The fragment that opens this screen focused on an entity.
    pub fn entity_href(self, id: &str) -> String {
        format!("#/{}/{}", self.segment(), encode_fragment_segment(id))
    }
}

/// Escapes the characters that would end or split a fragment segment. Ids made by
/// bitalign are UUIDs, but imported files may carry other ids.
fn encode_fragment_segment(segment: &str) -> String {
    let mut encoded = String::with_capacity(segment.len());
    for character in segment.chars() {
        match character {
            '%' | '/' | '#' | '?' | ' ' => {
                let mut buffer = [0u8; 4];
                for byte in character.encode_utf8(&mut buffer).bytes() {
                    encoded.push_str(&format!("%{byte:02X}"));
                }
            }
            other => encoded.push(other),
        }
    }
    encoded
}

/// Ids are UUIDs and need no decoding, but a hand-typed link may carry `%20` and the
/// like; decoding the few escapes people use keeps such links working.
fn decode_fragment_segment(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let escaped_byte = (bytes[index] == b'%')
            .then(|| segment.get(index + 1..index + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped_byte {
            Some(byte) => {
                decoded.push(byte);
                index += 3;
            }
            None => {
                decoded.push(bytes[index]);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded)
        .chars()
        .take(200)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_fragment_is_the_overview() {
        assert_eq!(Route::from_fragment(""), Some(Route::Overview));
        assert_eq!(Route::from_fragment("#"), Some(Route::Overview));
        assert_eq!(Route::from_fragment("#/"), Some(Route::Overview));
    }

    #[test]
    fn every_screen_round_trips_through_its_href() {
        for (_, screen) in SCREEN_SEGMENTS {
            let route = Route::from_fragment(&screen.href()).unwrap();
            assert_eq!(route.screen(), Some(screen));
        }
    }

    #[test]
    fn deep_links_carry_the_focused_entity() {
        assert_eq!(
            Route::from_fragment("#/initiatives/abc-123"),
            Some(Route::Initiatives {
                focused_id: Some("abc-123".to_string())
            })
        );
        assert_eq!(
            Route::from_fragment("#/goals/a%20b"),
            Some(Route::Goals {
                focused_id: Some("a b".to_string())
            })
        );
    }

    #[test]
    fn entity_links_round_trip_even_with_unusual_ids() {
        for id in ["abc-123", "a b", "50%/x#y?z", "ä"] {
            let href = ScreenName::Budget.entity_href(id);
            let route = Route::from_fragment(&href).unwrap();
            assert_eq!(route.focused_id(), Some(id), "{href}");
            assert_eq!(route.screen(), Some(ScreenName::Budget));
        }
    }

    #[test]
    fn share_links_and_other_fragments_are_left_alone() {
        assert_eq!(Route::from_fragment("#share=abcdef"), None);
        assert_eq!(Route::from_fragment("#top"), None);
    }

    #[test]
    fn unknown_screens_are_reported() {
        assert_eq!(
            Route::from_fragment("#/nonsense"),
            Some(Route::NotFound {
                path: "nonsense".to_string()
            })
        );
    }

    #[test]
    fn broken_escapes_do_not_panic() {
        for fragment in [
            "#/goals/%",
            "#/goals/%4",
            "#/goals/%zz",
            "#/goals/%ff%fe",
            "#/goals/ä%",
        ] {
            assert!(Route::from_fragment(fragment).is_some());
        }
    }
}
