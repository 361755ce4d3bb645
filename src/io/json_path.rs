//! Finds the JSON path (such as `model.initiatives[2].scores.value`) of a position in
//! a JSON text.
//!
//! serde_json reports where a value of the wrong type stands as line and column only.
//! Tracking the path during deserialization (serde_path_to_error) doubles the
//! deserialization code of every model type in the WebAssembly bundle, which costs
//! more than the whole rest of the import path; errors are rare, so the path is
//! instead recovered afterwards by scanning the text up to the reported position.

/// One level of nesting while scanning.
enum Frame {
    Object {
        /// The key whose value is being read, once the key has been read.
        current_key: Option<String>,
        /// Whether the next string is a key (after `{` or `,`).
        expecting_key: bool,
    },
    Array {
        index: usize,
    },
}

/// The byte offset of a 1-based line and column as serde_json counts them (the
/// column counts bytes and points at the last byte read).
pub fn byte_offset_of_line_and_column(text: &str, line: usize, column: usize) -> usize {
    let mut line_start = 0;
    if line > 1 {
        let mut lines_seen = 1;
        for (offset, byte) in text.bytes().enumerate() {
            if byte == b'\n' {
                lines_seen += 1;
                if lines_seen == line {
                    line_start = offset + 1;
                    break;
                }
            }
        }
    }
    line_start.saturating_add(column).min(text.len())
}

/// Writes a key the way paths show it: a plain identifier after a dot, anything else
/// quoted in brackets.
fn push_key(path: &mut String, key: &str) {
    let is_identifier = !key.is_empty()
        && key
            .chars()
            .all(|character| character.is_ascii_alphanumeric() || character == '_');
    if is_identifier {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(key);
    } else {
        path.push_str(&format!("[{key:?}]"));
    }
}

/// The path of the value being read at `byte_offset` in `text`, below `path_prefix`.
///
/// The text is assumed to be syntactically valid JSON up to the offset (the caller
/// has checked the syntax of the whole document before deserializing).
pub fn json_path_at(text: &str, byte_offset: usize, path_prefix: &str) -> String {
    let bytes = text.as_bytes();
    let end = byte_offset.min(bytes.len());
    let mut frames: Vec<Frame> = Vec::new();
    let mut position = 0;
    while position < end {
        match bytes[position] {
            b'"' => {
                let string_start = position + 1;
                position += 1;
                while position < bytes.len() && bytes[position] != b'"' {
                    position += if bytes[position] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object {
                    current_key,
                    expecting_key,
                }) = frames.last_mut()
                {
                    if *expecting_key {
                        let raw_key = text
                            .get(string_start..position.min(bytes.len()))
                            .unwrap_or("");
                        let key = serde_json::from_str::<String>(&format!("\"{raw_key}\""))
                            .unwrap_or_else(|_| raw_key.to_string());
                        *current_key = Some(key);
                        *expecting_key = false;
                    }
                }
            }
            b'{' => frames.push(Frame::Object {
                current_key: None,
                expecting_key: true,
            }),
            b'[' => frames.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                frames.pop();
            }
            b',' => match frames.last_mut() {
                Some(Frame::Object {
                    current_key,
                    expecting_key,
                }) => {
                    *current_key = None;
                    *expecting_key = true;
                }
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            _ => {}
        }
        position += 1;
    }
    let mut path = path_prefix.to_string();
    for frame in &frames {
        match frame {
            Frame::Object {
                current_key: Some(key),
                ..
            } => push_key(&mut path, key),
            Frame::Object {
                current_key: None, ..
            } => {}
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path_of_error<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
        let error = serde_json::from_str::<T>(text).unwrap_err();
        let offset = byte_offset_of_line_and_column(text, error.line(), error.column());
        json_path_at(text, offset, "model")
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Scores {
        value: Option<u8>,
        effort: Option<u8>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Initiative {
        title: String,
        scores: Scores,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Root {
        initiatives: Vec<Initiative>,
    }

    #[test]
    fn a_wrong_type_is_found_at_its_field() {
        let text = r#"{"initiatives": [{"title": "a", "scores": {"value": 1, "effort": 2}},
            {"title": "b", "scores": {"value": "hoch", "effort": 2}}]}"#;
        assert_eq!(
            path_of_error::<Root>(text),
            "model.initiatives[1].scores.value"
        );
    }

    #[test]
    fn pretty_printed_text_gives_the_same_path() {
        let text = "{\n  \"initiatives\": [\n    {\n      \"title\": \"a\",\n      \"scores\": {\n        \"value\": 1,\n        \"effort\": 300\n      }\n    }\n  ]\n}";
        assert_eq!(
            path_of_error::<Root>(text),
            "model.initiatives[0].scores.effort"
        );
    }

    #[test]
    fn a_missing_field_points_at_its_object() {
        let text = r#"{"initiatives": [{"scores": {"value": 1, "effort": 2}}]}"#;
        assert_eq!(path_of_error::<Root>(text), "model.initiatives[0]");
    }

    #[test]
    fn an_unknown_field_is_named() {
        let text =
            r#"{"initiatives": [{"title": "a", "extra": 1, "scores": {"value": 1, "effort": 2}}]}"#;
        assert_eq!(path_of_error::<Root>(text), "model.initiatives[0].extra");
    }

    #[test]
    fn strings_with_brackets_and_escapes_do_not_confuse_the_scan() {
        let text = r#"{"initiatives": [{"title": "a \"[{\" b,", "scores": {"value": true, "effort": 2}}]}"#;
        assert_eq!(
            path_of_error::<Root>(text),
            "model.initiatives[0].scores.value"
        );
    }

    #[test]
    fn odd_keys_are_quoted() {
        let mut path = String::from("model");
        push_key(&mut path, "2026-Q1");
        assert_eq!(path, "model[\"2026-Q1\"]");
    }

    #[test]
    fn offsets_beyond_the_text_are_clamped() {
        assert_eq!(byte_offset_of_line_and_column("{}", 5, 99), 2);
        assert_eq!(json_path_at("[1,2", 100, ""), "[1]");
    }
}
