//! Locale formatting through the browser's Intl (DESIGN.md section 4): German
//! `1.234,56 €` and `28.11.2026`, English `€1,234.56` and `28 Nov 2026`.
//!
//! The bindings are declared here with `catch`, because an Intl constructor throws a
//! RangeError on an unknown currency code, and an exception crossing into Rust would
//! end the whole app. Formatters are cached per language and currency: creating an
//! Intl object costs far more than formatting with one, and lists format thousands of
//! numbers.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::prelude::*;

use super::Language;
use crate::model::{CalendarDate, MoneyCents, Quarter};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = NumberFormat)]
    type IntlNumberFormat;

    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "NumberFormat", catch)]
    fn new(locale: &str, options: &js_sys::Object) -> Result<IntlNumberFormat, JsValue>;

    #[wasm_bindgen(method, js_class = "NumberFormat", js_name = format)]
    fn format_number(this: &IntlNumberFormat, value: f64) -> String;

    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type IntlDateTimeFormat;

    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DateTimeFormat", catch)]
    fn new(locale: &str, options: &js_sys::Object) -> Result<IntlDateTimeFormat, JsValue>;

    #[wasm_bindgen(method, js_class = "DateTimeFormat", js_name = format)]
    fn format_date(this: &IntlDateTimeFormat, date: &js_sys::Date) -> String;
}

thread_local! {
    static NUMBER_FORMATTERS: RefCell<HashMap<String, Option<IntlNumberFormat>>> = RefCell::new(HashMap::new());
    static DATE_FORMATTERS: RefCell<HashMap<&'static str, Option<IntlDateTimeFormat>>> = RefCell::new(HashMap::new());
}

fn options_object(entries: &[(&str, JsValue)]) -> js_sys::Object {
    let options = js_sys::Object::new();
    for (key, value) in entries {
        // Setting a property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str(key), value);
    }
    options
}

fn with_number_formatter<Output>(
    cache_key: String,
    language: Language,
    options: impl FnOnce() -> js_sys::Object,
    format: impl FnOnce(Option<&IntlNumberFormat>) -> Output,
) -> Output {
    NUMBER_FORMATTERS.with(|formatters| {
        let mut formatters = formatters.borrow_mut();
        let formatter = formatters
            .entry(cache_key)
            .or_insert_with(|| IntlNumberFormat::new(language.locale(), &options()).ok());
        format(formatter.as_ref())
    })
}

/// A number with the language's grouping and decimal separator and at most
/// `maximum_fraction_digits` decimals.
pub fn format_decimal(value: f64, maximum_fraction_digits: u8, language: Language) -> String {
    let cache_key = format!("decimal:{}:{maximum_fraction_digits}", language.code());
    with_number_formatter(
        cache_key,
        language,
        || {
            options_object(&[(
                "maximumFractionDigits",
                JsValue::from(maximum_fraction_digits),
            )])
        },
        |formatter| match formatter {
            Some(formatter) => formatter.format_number(value),
            None => crate::float_text::fixed_decimal(value, maximum_fraction_digits),
        },
    )
}

/// An amount of money in the model's currency, such as `1.234,56 €`.
pub fn format_money(cents: MoneyCents, currency: &str, language: Language) -> String {
    format_money_with_cents(cents, currency, true, language)
}

/// An amount of money rounded to whole units, such as `12.346 €`, for narrow cells
/// (the load chart of the roadmap); the exact amount stays in the cell's tooltip.
pub fn format_money_whole(cents: MoneyCents, currency: &str, language: Language) -> String {
    format_money_with_cents(cents, currency, false, language)
}

/// Money with the currency's usual cents, or rounded to whole units without them.
fn format_money_with_cents(
    cents: MoneyCents,
    currency: &str,
    with_cents: bool,
    language: Language,
) -> String {
    let cache_key = format!("money:{with_cents}:{}:{currency}", language.code());
    let exact = cents as f64 / 100.0;
    let amount = if with_cents { exact } else { exact.round() };
    with_number_formatter(
        cache_key,
        language,
        || {
            let mut options = vec![
                ("style", JsValue::from_str("currency")),
                ("currency", JsValue::from_str(currency)),
            ];
            if !with_cents {
                options.push(("minimumFractionDigits", JsValue::from(0)));
                options.push(("maximumFractionDigits", JsValue::from(0)));
            }
            options_object(&options)
        },
        |formatter| match formatter {
            Some(formatter) => formatter.format_number(amount),
            // An unknown currency code: show the number and the code as typed.
            None => format!(
                "{} {currency}",
                format_decimal(amount, if with_cents { 2 } else { 0 }, language)
            ),
        },
    )
}

/// A calendar date: `28.11.2026` in German, `28 Nov 2026` in English.
pub fn format_calendar_date(date: CalendarDate, language: Language) -> String {
    use chrono::Datelike;
    DATE_FORMATTERS.with(|formatters| {
        let mut formatters = formatters.borrow_mut();
        let formatter = formatters.entry(language.code()).or_insert_with(|| {
            let options = match language {
                Language::German => options_object(&[
                    ("day", JsValue::from_str("2-digit")),
                    ("month", JsValue::from_str("2-digit")),
                    ("year", JsValue::from_str("numeric")),
                    ("timeZone", JsValue::from_str("UTC")),
                ]),
                Language::English => options_object(&[
                    ("day", JsValue::from_str("numeric")),
                    ("month", JsValue::from_str("short")),
                    ("year", JsValue::from_str("numeric")),
                    ("timeZone", JsValue::from_str("UTC")),
                ]),
            };
            IntlDateTimeFormat::new(language.locale(), &options).ok()
        });
        let js_date = js_sys::Date::new_0();
        js_date.set_utc_full_year_with_month_date(
            date.year() as u32,
            date.month0() as i32,
            date.day() as i32,
        );
        match formatter {
            Some(formatter) => formatter.format_date(&js_date),
            None => date.to_string(),
        }
    })
}

/// A timestamp's date part in the user's time zone.
pub fn format_timestamp_date(timestamp: crate::model::Timestamp, language: Language) -> String {
    let local = js_sys::Date::new(&JsValue::from_f64(timestamp.timestamp_millis() as f64));
    let date = chrono::NaiveDate::from_ymd_opt(
        local.get_full_year() as i32,
        local.get_month() + 1,
        local.get_date(),
    );
    match date {
        Some(date) => format_calendar_date(date, language),
        None => String::new(),
    }
}

/// A quarter as people write it: `Q4 2026` in both languages.
pub fn format_quarter(quarter: Quarter, _language: Language) -> String {
    crate::forms::quarter_display_text(quarter)
}
