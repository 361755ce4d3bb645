//! Decimal text of floating-point numbers: the shortest digits that read back as the
//! same value, and parsing.
//!
//! # Why not the standard library in the browser
//!
//! Rust's float formatting (Grisu and Dragon with their tables) and parsing (Eisel-
//! Lemire with a table of powers of ten) add about 25 KB to the WebAssembly bundle,
//! while the browser already has both, correctly rounded, in every JavaScript engine.
//! In WebAssembly this module asks JavaScript; natively (tests, tools) it uses the
//! standard library. Both give the same shortest digits, because both are specified
//! as "the shortest decimal that reads back as the same value"; everything built on
//! top (JSON layout, input texts) works on [`ShortestDigits`] and is the same code on
//! both sides. A native property test holds the layout to Rust's own formatting.

/// A finite float as sign, significant digits and decimal exponent: the value is
/// `0.d1d2d3… × 10^(exponent + 1)`, i.e. `digits = "15", exponent = -7` is 1.5e-7.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShortestDigits {
    pub negative: bool,
    /// Significant digits without leading or trailing zeros ("0" for zero).
    pub digits: String,
    /// The exponent of the first digit in scientific notation.
    pub exponent: i32,
}

/// The shortest round-trip digits of a finite value.
pub fn shortest_digits(value: f64) -> ShortestDigits {
    let text = engine::shortest_scientific(value);
    parse_scientific(&text)
}

/// Splits `-1.2345e-7` (or `1e21`, `5e+3`) into digits and exponent.
fn parse_scientific(text: &str) -> ShortestDigits {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent_text) = unsigned.split_once(['e', 'E']).unwrap_or((unsigned, "0"));
    let exponent_text = exponent_text.strip_prefix('+').unwrap_or(exponent_text);
    let exponent: i32 = exponent_text.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    ShortestDigits {
        negative,
        digits: digits.to_string(),
        exponent,
    }
}

/// Plain decimal notation without exponent, as Rust's `{}` writes floats: `1500`,
/// `0.25`, `-0.0000001`. `always_point` adds `.0` to whole numbers.
pub fn plain_decimal(value: f64, always_point: bool) -> String {
    if !value.is_finite() {
        return "NaN".to_string();
    }
    let ShortestDigits {
        negative,
        digits,
        exponent,
    } = shortest_digits(value);
    let mut text = String::new();
    if negative {
        text.push('-');
    }
    let digit_count = digits.len() as i32;
    if digits == "0" {
        text.push('0');
    } else if exponent < 0 {
        text.push_str("0.");
        for _ in 0..(-exponent - 1) {
            text.push('0');
        }
        text.push_str(&digits);
        return text;
    } else if exponent + 1 >= digit_count {
        text.push_str(&digits);
        for _ in 0..(exponent + 1 - digit_count) {
            text.push('0');
        }
    } else {
        let split = (exponent + 1) as usize;
        text.push_str(&digits[..split]);
        text.push('.');
        text.push_str(&digits[split..]);
        return text;
    }
    if always_point {
        text.push_str(".0");
    }
    text
}

/// Scientific notation as serde_json writes it, `1.5e-7`, `1e+21`.
pub fn scientific(value: f64) -> String {
    let ShortestDigits {
        negative,
        digits,
        exponent,
    } = shortest_digits(value);
    let sign = if negative { "-" } else { "" };
    let (first, rest) = digits.split_at(1);
    let fraction = if rest.is_empty() {
        String::new()
    } else {
        format!(".{rest}")
    };
    let exponent_sign = if exponent >= 0 { "+" } else { "-" };
    format!(
        "{sign}{first}{fraction}e{exponent_sign}{}",
        exponent.unsigned_abs()
    )
}

/// Reads a decimal number (`-12.5`, `3e-7`); `None` for anything else, including
/// texts JavaScript would accept but JSON and people do not mean (`0x1A`, `Infinity`,
/// empty text).
pub fn parse_decimal(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let mut index = 0;
    if matches!(bytes.first(), Some(b'-' | b'+')) {
        index += 1;
    }
    let digits_start = index;
    while bytes.get(index).is_some_and(u8::is_ascii_digit) {
        index += 1;
    }
    let mut digit_count = index - digits_start;
    if bytes.get(index) == Some(&b'.') {
        index += 1;
        let fraction_start = index;
        while bytes.get(index).is_some_and(u8::is_ascii_digit) {
            index += 1;
        }
        digit_count += index - fraction_start;
    }
    if digit_count == 0 {
        return None;
    }
    if matches!(bytes.get(index), Some(b'e' | b'E')) {
        index += 1;
        if matches!(bytes.get(index), Some(b'-' | b'+')) {
            index += 1;
        }
        let exponent_start = index;
        while bytes.get(index).is_some_and(u8::is_ascii_digit) {
            index += 1;
        }
        if index == exponent_start {
            return None;
        }
    }
    if index != bytes.len() {
        return None;
    }
    engine::parse_validated(text)
}

/// A number with exactly `fraction_digits` decimals and a point, for CSV and
/// fallbacks (`1234.50`).
pub fn fixed_decimal(value: f64, fraction_digits: u8) -> String {
    engine::fixed(value, fraction_digits)
}

#[cfg(not(target_arch = "wasm32"))]
mod engine {
    pub fn shortest_scientific(value: f64) -> String {
        format!("{value:e}")
    }

    pub fn parse_validated(text: &str) -> Option<f64> {
        text.parse().ok()
    }

    pub fn fixed(value: f64, fraction_digits: u8) -> String {
        format!("{value:.*}", usize::from(fraction_digits))
    }
}

#[cfg(target_arch = "wasm32")]
mod engine {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// `Number.prototype.toExponential` without a precision: the shortest
        /// digits that read back as the same value, in scientific notation.
        #[wasm_bindgen(js_namespace = ["Number", "prototype", "toExponential"], js_name = call)]
        fn number_to_exponential(value: f64) -> String;

        #[wasm_bindgen(js_namespace = ["Number", "prototype", "toFixed"], js_name = call)]
        fn number_to_fixed(value: f64, fraction_digits: u8) -> String;

        #[wasm_bindgen(js_name = parseFloat)]
        fn parse_float(text: &str) -> f64;
    }

    pub fn shortest_scientific(value: f64) -> String {
        number_to_exponential(value)
    }

    pub fn parse_validated(text: &str) -> Option<f64> {
        let value = parse_float(text);
        (!value.is_nan()).then_some(value)
    }

    pub fn fixed(value: f64, fraction_digits: u8) -> String {
        number_to_fixed(value, fraction_digits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn plain_decimal_matches_rust_display_on_examples() {
        for value in [
            0.0,
            -0.0,
            1.0,
            1500.0,
            0.25,
            -12.5,
            1e-7,
            123456.789,
            1e21,
            0.1 + 0.2,
        ] {
            assert_eq!(plain_decimal(value, false), format!("{value}"), "{value}");
        }
    }

    #[test]
    fn scientific_writes_serde_style_exponents() {
        assert_eq!(scientific(1e21), "1e+21");
        assert_eq!(scientific(1.5e-7), "1.5e-7");
        assert_eq!(scientific(-2.25e300), "-2.25e+300");
    }

    #[test]
    fn parsing_accepts_decimals_and_refuses_everything_else() {
        assert_eq!(parse_decimal("-12.5"), Some(-12.5));
        assert_eq!(parse_decimal("3e-7"), Some(3e-7));
        assert_eq!(parse_decimal(".5"), Some(0.5));
        assert_eq!(parse_decimal("5."), Some(5.0));
        for text in [
            "", "-", ".", "1e", "0x1A", "Infinity", "NaN", " 1", "1 ", "1,5", "e5",
        ] {
            assert_eq!(parse_decimal(text), None, "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn plain_decimal_matches_rust_display(bits in any::<u64>()) {
            let value = f64::from_bits(bits);
            prop_assume!(value.is_finite());
            prop_assert_eq!(plain_decimal(value, false), format!("{value}"));
        }

        #[test]
        fn scientific_reads_back_exactly(bits in any::<u64>()) {
            let value = f64::from_bits(bits);
            prop_assume!(value.is_finite());
            prop_assert_eq!(scientific(value).parse::<f64>().unwrap().to_bits(), value.to_bits());
        }
    }
}
