//! Case-insensitive comparison of names for sorting, searching and tie-breaking.
//!
//! `str::to_lowercase` knows every script of Unicode and brings its case tables into
//! the WebAssembly bundle (more than 10 KB). bitalign's texts are German and English
//! (and other Western European names), so folding ASCII and the Latin-1 letters
//! (`Ä` to `ä`, `É` to `é`) is what users notice; other characters are compared as
//! they are, which keeps sorting deterministic.

/// The text with ASCII and Latin-1 capital letters made small.
pub fn fold_case(text: &str) -> String {
    text.chars().map(fold_character).collect()
}

fn fold_character(character: char) -> char {
    match character {
        'A'..='Z' => character.to_ascii_lowercase(),
        // Latin-1 capitals À to Þ, except the multiplication sign ×.
        '\u{c0}'..='\u{de}' if character != '\u{d7}' => {
            char::from_u32(character as u32 + 0x20).unwrap_or(character)
        }
        _ => character,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_and_english_capitals_fold_like_to_lowercase() {
        for text in [
            "Äpfel ÖL Übung",
            "CRM-Einführung",
            "ÉCOLE À",
            "Straße",
            "mixed Case 42",
        ] {
            assert_eq!(fold_case(text), text.to_lowercase(), "{text}");
        }
    }

    #[test]
    fn other_characters_stay_as_they_are() {
        assert_eq!(fold_case("×÷ ΑΒΓ"), "×÷ ΑΒΓ");
    }
}
