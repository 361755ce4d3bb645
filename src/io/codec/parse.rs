//! A small JSON parser into a borrowed tree, with line and column on every syntax
//! error and a hard limit on nesting.
//!
//! Why not serde_json's deserializer: with serde's derive, the reading code of every
//! model type is compiled once more for each deserializer and inlined, and it was the
//! largest single part of the WebAssembly bundle. Reading into one plain tree and
//! then decoding that tree with small, shared functions (see `decode.rs`) keeps the
//! bundle small, and it also gives every error a JSON path for free.
//!
//! The parser follows RFC 8259 strictly (no comments, no trailing commas, no NaN) and
//! never recurses deeper than [`MAXIMUM_NESTING_DEPTH`], so hostile input cannot
//! exhaust the stack.

use std::borrow::Cow;

/// The deepest nesting of arrays and objects read. A real file nests about seven
/// levels; the limit is far above that and far below what the stack can take.
pub const MAXIMUM_NESTING_DEPTH: usize = 64;

/// A JSON value borrowing from the parsed text where it can.
#[derive(Debug, Clone, PartialEq)]
pub enum JsonValue<'text> {
    Null,
    Bool(bool),
    /// The number exactly as written, checked against the JSON grammar; decoding
    /// turns it into the integer or float the field needs.
    Number(Cow<'text, str>),
    String(Cow<'text, str>),
    Array(Vec<JsonValue<'text>>),
    /// Members in file order; duplicates are kept so decoding can refuse them.
    Object(Vec<(Cow<'text, str>, JsonValue<'text>)>),
}

impl JsonValue<'_> {
    /// The member named `key` of an object.
    pub fn member(&self, key: &str) -> Option<&Self> {
        match self {
            JsonValue::Object(members) => members
                .iter()
                .find(|(member_key, _)| member_key == key)
                .map(|(_, value)| value),
            _ => None,
        }
    }

    /// A short name of the value's kind, for messages: "null", "a number", …
    pub fn kind_description(&self) -> &'static str {
        match self {
            JsonValue::Null => "null",
            JsonValue::Bool(_) => "a boolean",
            JsonValue::Number(_) => "a number",
            JsonValue::String(_) => "a string",
            JsonValue::Array(_) => "an array",
            JsonValue::Object(_) => "an object",
        }
    }
}

/// What is wrong with the syntax.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxProblem {
    UnexpectedEnd,
    UnexpectedCharacter,
    InvalidNumber,
    InvalidEscape,
    ControlCharacterInString,
    TrailingCharacters,
    TooDeeplyNested,
}

impl SyntaxProblem {
    /// Plain English for the technical detail.
    pub fn describe(self) -> &'static str {
        match self {
            SyntaxProblem::UnexpectedEnd => "the text ends in the middle of a value",
            SyntaxProblem::UnexpectedCharacter => "unexpected character",
            SyntaxProblem::InvalidNumber => "invalid number",
            SyntaxProblem::InvalidEscape => "invalid escape sequence in a string",
            SyntaxProblem::ControlCharacterInString => "control character in a string",
            SyntaxProblem::TrailingCharacters => "trailing characters after the JSON value",
            SyntaxProblem::TooDeeplyNested => "nested too deeply",
        }
    }
}

/// A syntax error with its 1-based line and column (the column counts characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub problem: SyntaxProblem,
}

/// Parses a whole JSON text (surrounding whitespace allowed).
pub fn parse_json(text: &str) -> Result<JsonValue<'_>, SyntaxError> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        position: 0,
    };
    parser.skip_whitespace();
    let value = parser.parse_value(0)?;
    parser.skip_whitespace();
    if parser.position < parser.bytes.len() {
        return Err(parser.error(SyntaxProblem::TrailingCharacters));
    }
    Ok(value)
}

struct Parser<'text> {
    text: &'text str,
    bytes: &'text [u8],
    position: usize,
}

impl<'text> Parser<'text> {
    fn error(&self, problem: SyntaxProblem) -> SyntaxError {
        let position = self.position.min(self.bytes.len());
        let before = &self.text[..floor_char_boundary(self.text, position)];
        let line = 1 + before.bytes().filter(|&byte| byte == b'\n').count();
        let line_start = before.rfind('\n').map_or(0, |offset| offset + 1);
        let column = 1 + before[line_start..].chars().count();
        SyntaxError {
            line,
            column,
            problem,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.position).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.position += 1;
        }
    }

    fn expect_literal(&mut self, literal: &[u8]) -> Result<(), SyntaxError> {
        if self.bytes[self.position..].starts_with(literal) {
            self.position += literal.len();
            Ok(())
        } else if self.bytes.len() - self.position < literal.len()
            && literal.starts_with(&self.bytes[self.position..])
        {
            self.position = self.bytes.len();
            Err(self.error(SyntaxProblem::UnexpectedEnd))
        } else {
            Err(self.error(SyntaxProblem::UnexpectedCharacter))
        }
    }

    fn parse_value(&mut self, depth: usize) -> Result<JsonValue<'text>, SyntaxError> {
        match self.peek() {
            None => Err(self.error(SyntaxProblem::UnexpectedEnd)),
            Some(b'n') => self.expect_literal(b"null").map(|()| JsonValue::Null),
            Some(b't') => self.expect_literal(b"true").map(|()| JsonValue::Bool(true)),
            Some(b'f') => self
                .expect_literal(b"false")
                .map(|()| JsonValue::Bool(false)),
            Some(b'"') => self.parse_string().map(JsonValue::String),
            Some(b'-' | b'0'..=b'9') => self.parse_number(),
            Some(b'[') => self.parse_array(depth + 1),
            Some(b'{') => self.parse_object(depth + 1),
            Some(_) => Err(self.error(SyntaxProblem::UnexpectedCharacter)),
        }
    }

    fn parse_number(&mut self) -> Result<JsonValue<'text>, SyntaxError> {
        let start = self.position;
        if self.peek() == Some(b'-') {
            self.position += 1;
        }
        let digits = |parser: &mut Self| {
            let digits_start = parser.position;
            while matches!(parser.peek(), Some(b'0'..=b'9')) {
                parser.position += 1;
            }
            parser.position - digits_start
        };
        match self.peek() {
            Some(b'0') => self.position += 1,
            Some(b'1'..=b'9') => {
                digits(self);
            }
            None => return Err(self.error(SyntaxProblem::UnexpectedEnd)),
            Some(_) => return Err(self.error(SyntaxProblem::InvalidNumber)),
        }
        if self.peek() == Some(b'.') {
            self.position += 1;
            if digits(self) == 0 {
                return Err(self.error(SyntaxProblem::InvalidNumber));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.position += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.position += 1;
            }
            if digits(self) == 0 {
                return Err(self.error(SyntaxProblem::InvalidNumber));
            }
        }
        Ok(JsonValue::Number(Cow::Borrowed(
            &self.text[start..self.position],
        )))
    }

    fn parse_hex_escape(&mut self) -> Result<u32, SyntaxError> {
        let hex = self
            .bytes
            .get(self.position..self.position + 4)
            .ok_or_else(|| self.error(SyntaxProblem::UnexpectedEnd))?;
        let mut code = 0u32;
        for &byte in hex {
            let digit = (byte as char)
                .to_digit(16)
                .ok_or_else(|| self.error(SyntaxProblem::InvalidEscape))?;
            code = code * 16 + digit;
        }
        self.position += 4;
        Ok(code)
    }

    fn parse_string(&mut self) -> Result<Cow<'text, str>, SyntaxError> {
        self.position += 1;
        let start = self.position;
        // Fast path: most strings have no escapes and are borrowed as they are.
        while let Some(byte) = self.peek() {
            match byte {
                b'"' => {
                    let borrowed = &self.text[start..self.position];
                    self.position += 1;
                    return Ok(Cow::Borrowed(borrowed));
                }
                b'\\' => break,
                0x00..=0x1f => return Err(self.error(SyntaxProblem::ControlCharacterInString)),
                _ => self.position += 1,
            }
        }
        let mut owned = String::from(&self.text[start..self.position]);
        loop {
            let Some(byte) = self.peek() else {
                return Err(self.error(SyntaxProblem::UnexpectedEnd));
            };
            match byte {
                b'"' => {
                    self.position += 1;
                    return Ok(Cow::Owned(owned));
                }
                b'\\' => {
                    self.position += 1;
                    let Some(escape) = self.peek() else {
                        return Err(self.error(SyntaxProblem::UnexpectedEnd));
                    };
                    self.position += 1;
                    match escape {
                        b'"' => owned.push('"'),
                        b'\\' => owned.push('\\'),
                        b'/' => owned.push('/'),
                        b'b' => owned.push('\u{8}'),
                        b'f' => owned.push('\u{c}'),
                        b'n' => owned.push('\n'),
                        b'r' => owned.push('\r'),
                        b't' => owned.push('\t'),
                        b'u' => {
                            let first = self.parse_hex_escape()?;
                            let code = if (0xD800..0xDC00).contains(&first) {
                                // A high surrogate must be followed by an escaped low one.
                                if !self.bytes[self.position..].starts_with(b"\\u") {
                                    return Err(self.error(SyntaxProblem::InvalidEscape));
                                }
                                self.position += 2;
                                let second = self.parse_hex_escape()?;
                                if !(0xDC00..0xE000).contains(&second) {
                                    return Err(self.error(SyntaxProblem::InvalidEscape));
                                }
                                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                            } else {
                                first
                            };
                            let character = char::from_u32(code)
                                .ok_or_else(|| self.error(SyntaxProblem::InvalidEscape))?;
                            owned.push(character);
                        }
                        _ => {
                            self.position -= 1;
                            return Err(self.error(SyntaxProblem::InvalidEscape));
                        }
                    }
                }
                0x00..=0x1f => return Err(self.error(SyntaxProblem::ControlCharacterInString)),
                _ => {
                    let run_start = self.position;
                    while matches!(self.peek(), Some(byte) if byte != b'"' && byte != b'\\' && byte > 0x1f)
                    {
                        self.position += 1;
                    }
                    owned.push_str(&self.text[run_start..self.position]);
                }
            }
        }
    }

    fn parse_array(&mut self, depth: usize) -> Result<JsonValue<'text>, SyntaxError> {
        if depth > MAXIMUM_NESTING_DEPTH {
            return Err(self.error(SyntaxProblem::TooDeeplyNested));
        }
        self.position += 1;
        let mut elements = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.position += 1;
            return Ok(JsonValue::Array(elements));
        }
        loop {
            self.skip_whitespace();
            elements.push(self.parse_value(depth)?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.position += 1,
                Some(b']') => {
                    self.position += 1;
                    return Ok(JsonValue::Array(elements));
                }
                None => return Err(self.error(SyntaxProblem::UnexpectedEnd)),
                Some(_) => return Err(self.error(SyntaxProblem::UnexpectedCharacter)),
            }
        }
    }

    fn parse_object(&mut self, depth: usize) -> Result<JsonValue<'text>, SyntaxError> {
        if depth > MAXIMUM_NESTING_DEPTH {
            return Err(self.error(SyntaxProblem::TooDeeplyNested));
        }
        self.position += 1;
        let mut members = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.position += 1;
            return Ok(JsonValue::Object(members));
        }
        loop {
            self.skip_whitespace();
            match self.peek() {
                Some(b'"') => {}
                None => return Err(self.error(SyntaxProblem::UnexpectedEnd)),
                Some(_) => return Err(self.error(SyntaxProblem::UnexpectedCharacter)),
            }
            let key = self.parse_string()?;
            self.skip_whitespace();
            match self.peek() {
                Some(b':') => self.position += 1,
                None => return Err(self.error(SyntaxProblem::UnexpectedEnd)),
                Some(_) => return Err(self.error(SyntaxProblem::UnexpectedCharacter)),
            }
            self.skip_whitespace();
            let value = self.parse_value(depth)?;
            members.push((key, value));
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.position += 1,
                Some(b'}') => {
                    self.position += 1;
                    return Ok(JsonValue::Object(members));
                }
                None => return Err(self.error(SyntaxProblem::UnexpectedEnd)),
                Some(_) => return Err(self.error(SyntaxProblem::UnexpectedCharacter)),
            }
        }
    }
}

/// The largest char boundary at or before `index`, so an error inside a multi-byte
/// character still slices the text safely.
fn floor_char_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_kind_of_value() {
        let value =
            parse_json(r#" {"a": [1, -2.5e3, true, false, null], "b": "x\ny\u00e4\ud83d\ude00"} "#)
                .unwrap();
        let JsonValue::Object(members) = &value else {
            panic!()
        };
        assert_eq!(members.len(), 2);
        assert_eq!(
            value.member("a"),
            Some(&JsonValue::Array(vec![
                JsonValue::Number("1".into()),
                JsonValue::Number("-2.5e3".into()),
                JsonValue::Bool(true),
                JsonValue::Bool(false),
                JsonValue::Null,
            ]))
        );
        assert_eq!(
            value.member("b"),
            Some(&JsonValue::String("x\nyä😀".into()))
        );
    }

    #[test]
    fn agrees_with_serde_json_on_valid_documents() {
        for text in [
            "[]",
            "{}",
            "0",
            "-0",
            "1e5",
            "\"\"",
            "[[[]]]",
            r#"{"a":{"b":[{}]}}"#,
            "\"\\/\\b\\f\\r\\t\"",
        ] {
            assert!(parse_json(text).is_ok(), "{text}");
            assert!(
                serde_json::from_str::<serde_json::Value>(text).is_ok(),
                "{text}"
            );
        }
    }

    #[test]
    fn refuses_what_json_does_not_allow() {
        let cases = [
            ("", SyntaxProblem::UnexpectedEnd),
            ("[1,]", SyntaxProblem::UnexpectedCharacter),
            ("{\"a\" 1}", SyntaxProblem::UnexpectedCharacter),
            ("01", SyntaxProblem::TrailingCharacters),
            ("1.", SyntaxProblem::InvalidNumber),
            ("-", SyntaxProblem::UnexpectedEnd),
            ("1e", SyntaxProblem::InvalidNumber),
            ("NaN", SyntaxProblem::UnexpectedCharacter),
            ("\"a\\x\"", SyntaxProblem::InvalidEscape),
            ("\"\\ud800\"", SyntaxProblem::InvalidEscape),
            ("\"a\tb\"", SyntaxProblem::ControlCharacterInString),
            ("[1] 2", SyntaxProblem::TrailingCharacters),
            ("tru", SyntaxProblem::UnexpectedEnd),
            ("{\"a\":1", SyntaxProblem::UnexpectedEnd),
            ("// comment\n{}", SyntaxProblem::UnexpectedCharacter),
        ];
        for (text, problem) in cases {
            assert_eq!(
                parse_json(text).map_err(|error| error.problem),
                Err(problem),
                "{text:?}"
            );
        }
    }

    #[test]
    fn errors_carry_line_and_column() {
        let error = parse_json("{\n  \"a\": 1,\n  \"b\": ?\n}").unwrap_err();
        assert_eq!((error.line, error.column), (3, 8));
        let error = parse_json("[\"ää\", x]").unwrap_err();
        assert_eq!((error.line, error.column), (1, 8));
    }

    #[test]
    fn deep_nesting_is_refused_without_exhausting_the_stack() {
        let deep = "[".repeat(100_000);
        assert_eq!(
            parse_json(&deep).unwrap_err().problem,
            SyntaxProblem::TooDeeplyNested
        );
        let allowed = format!(
            "{}{}",
            "[".repeat(MAXIMUM_NESTING_DEPTH),
            "]".repeat(MAXIMUM_NESTING_DEPTH)
        );
        assert!(parse_json(&allowed).is_ok());
        let one_too_deep = format!(
            "{}{}",
            "[".repeat(MAXIMUM_NESTING_DEPTH + 1),
            "]".repeat(MAXIMUM_NESTING_DEPTH + 1)
        );
        assert!(parse_json(&one_too_deep).is_err());
    }

    #[test]
    fn arbitrary_text_never_panics() {
        for text in [
            "\"\\u",
            "\"\\ud83d\\u",
            "\"\\ud83d\\uzzzz\"",
            "[\"\u{1F600}",
            "{\"\u{e4}\":",
            "\\",
            "\"\\",
        ] {
            let _ = parse_json(text);
        }
    }
}
