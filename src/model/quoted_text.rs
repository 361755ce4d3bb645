//! Texts quoted for messages, the way Rust's `{:?}` quotes a string.
//!
//! Import and validation messages quote what the file held (`string "2026-13-01"`),
//! and the import tests compare them with serde's messages, which use `{:?}`. The
//! release build turns `{:?}` off (`-Zfmt-debug=none`) because Debug formatting of
//! every derived type costs bundle size, so the quoting is written out here. It
//! escapes what makes a message unreadable or ambiguous: quotes, backslashes, control
//! characters, combining marks and the invisible format characters that are common in
//! pasted text. Other characters are shown as they are.

/// The text in double quotes, with the escapes of Rust's `{:?}`.
pub fn quoted_for_message(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for character in text.chars() {
        match character {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\r' => quoted.push_str("\\r"),
            '\t' => quoted.push_str("\\t"),
            '\0' => quoted.push_str("\\0"),
            _ if is_escaped_as_code_point(character) => {
                quoted.push_str("\\u{");
                push_lowercase_hexadecimal(&mut quoted, character as u32);
                quoted.push('}');
            }
            _ => quoted.push(character),
        }
    }
    quoted.push('"');
    quoted
}

/// Control characters, combining marks (which would join the quote sign), spaces
/// other than the plain one, and the zero-width and direction-changing format
/// characters.
fn is_escaped_as_code_point(character: char) -> bool {
    matches!(
        character as u32,
        0x00..=0x1f
            | 0x7f..=0x9f
            | 0xa0
            | 0xad
            | 0x300..=0x36f
            | 0x1680
            | 0x2000..=0x200f
            | 0x2028..=0x202f
            | 0x205f..=0x2064
            | 0x3000
            | 0xfeff
    )
}

fn push_lowercase_hexadecimal(target: &mut String, number: u32) {
    let mut digits = [0u8; 8];
    let mut count = 0;
    let mut remaining = number;
    loop {
        digits[count] = b"0123456789abcdef"[(remaining % 16) as usize];
        count += 1;
        remaining /= 16;
        if remaining == 0 {
            break;
        }
    }
    for digit in digits[..count].iter().rev() {
        target.push(char::from(*digit));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn quotes_like_debug_formatting_for_texts_users_write_and_damaged_files_hold() {
        for text in [
            "",
            "2026-13-01",
            "Straße \"Nord\" \\ 5",
            "line\nbreak\ttab\rreturn\0nul\u{1}\u{7f}\u{85}",
            "no\u{a0}break\u{2009}thin\u{3000}wide soft\u{ad}hyphen zero\u{200b}width \u{202e}reversed \u{feff}bom",
            "e\u{301} combining",
            "Ä ö ü ß € — “quotes” ' apostrophe 😀 中文",
        ] {
            assert_eq!(quoted_for_message(text), format!("{text:?}"));
        }
    }

    proptest! {
        #[test]
        fn matches_debug_formatting_on_ascii_and_latin_1(text in "[\\x00-\\u{ff}]{0,40}") {
            prop_assert_eq!(quoted_for_message(&text), format!("{text:?}"));
        }
    }
}
