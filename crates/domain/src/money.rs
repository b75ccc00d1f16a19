//! Money: an exact, non-negative amount of yuan kept as integer fen (分), written on the wire as
//! a decimal string (`"1234.50"`), never as a float, so `0.10 + 0.20` is `0.30` and not
//! `0.30000000000000004`.

use std::fmt;

/// A non-negative amount in fen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(i64);

/// Why a text is not an amount of money.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("is empty")]
    Empty,
    #[error("must not be negative")]
    Negative,
    #[error("must be a decimal number like 1234.50 (digits, at most one point)")]
    NotDecimal,
    #[error("has more than two decimals (fen is the smallest unit)")]
    TooPrecise,
    #[error("is too large")]
    TooLarge,
}

/// The largest amount accepted: a hundred million yuan, far above any household's arrears.
pub const MAX_FEN: i64 = 10_000_000_000;

impl Money {
    pub const ZERO: Money = Money(0);

    /// An amount in fen; `None` when negative or above [`MAX_FEN`].
    pub fn from_fen(fen: i64) -> Option<Money> {
        (0..=MAX_FEN).contains(&fen).then_some(Money(fen))
    }

    pub fn fen(self) -> i64 {
        self.0
    }

    /// Parses `"1234"`, `"1234.5"`, `"1234.50"`, `"0.10"` (surrounding spaces ignored).
    /// Rejects signs, exponents, thousands separators and a third decimal.
    pub fn parse(text: &str) -> Result<Money, MoneyError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(MoneyError::Empty);
        }
        if text.starts_with('-') {
            return Err(MoneyError::Negative);
        }
        let (whole, fraction) = match text.split_once('.') {
            Some((w, f)) => (w, f),
            None => (text, ""),
        };
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !digits(whole) || !digits(fraction) || (text.contains('.') && fraction.is_empty()) {
            return Err(MoneyError::NotDecimal);
        }
        if fraction.len() > 2 {
            return Err(MoneyError::TooPrecise);
        }
        if whole.len() > 12 {
            return Err(MoneyError::TooLarge);
        }
        let yuan: i64 = whole.parse().map_err(|_| MoneyError::NotDecimal)?;
        let fen: i64 = match fraction.len() {
            0 => 0,
            1 => fraction.parse::<i64>().map_err(|_| MoneyError::NotDecimal)? * 10,
            _ => fraction.parse().map_err(|_| MoneyError::NotDecimal)?,
        };
        yuan.checked_mul(100)
            .and_then(|y| y.checked_add(fen))
            .and_then(Money::from_fen)
            .ok_or(MoneyError::TooLarge)
    }

    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).and_then(Money::from_fen)
    }

    /// The total of `amounts` in fen (a total may exceed [`MAX_FEN`], so it is a plain `i64`).
    pub fn sum(amounts: impl IntoIterator<Item = Money>) -> i64 {
        amounts.into_iter().map(|m| m.0).sum()
    }
}

/// Writes fen as a decimal string with two places (`"1234.50"`); also used for totals that
/// are plain `i64` fen (which may exceed [`MAX_FEN`]).
pub fn format_fen(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let abs = fen.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_fen(self.0))
    }
}

impl serde::Serialize for Money {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Money {
    /// Only a string is accepted: a JSON number would already have passed through a float.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Money;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an amount as a decimal string like \"1234.50\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Money, E> {
                Money::parse(v).map_err(|e| E::custom(format!("amount {e}")))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Money {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some(r"^\d{1,12}(\.\d{1,2})?$"))
            .description(Some("Yuan as a decimal string with at most two decimals (exact fen)"))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Money {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_decimal_strings_exactly() {
        let table = [
            ("0", 0),
            ("0.10", 10),
            ("0.1", 10),
            ("0.20", 20),
            ("1234.5", 123_450),
            ("1234.50", 123_450),
            ("1234", 123_400),
            (" 88.08 ", 8808),
            ("007.01", 701),
            ("100000000", 10_000_000_000),
        ];
        for (text, fen) in table {
            assert_eq!(Money::parse(text).map(Money::fen), Ok(fen), "{text}");
        }
    }

    #[test]
    fn rejects_what_is_not_exact_money() {
        let table = [
            ("", MoneyError::Empty),
            ("  ", MoneyError::Empty),
            ("-1", MoneyError::Negative),
            ("-0.01", MoneyError::Negative),
            ("1.234", MoneyError::TooPrecise),
            ("0.001", MoneyError::TooPrecise),
            ("1e3", MoneyError::NotDecimal),
            ("1,234.00", MoneyError::NotDecimal),
            ("+5", MoneyError::NotDecimal),
            ("12.", MoneyError::NotDecimal),
            (".5", MoneyError::NotDecimal),
            ("1.2.3", MoneyError::NotDecimal),
            ("NaN", MoneyError::NotDecimal),
            ("¥12", MoneyError::NotDecimal),
            ("100000000.01", MoneyError::TooLarge),
            ("9999999999999", MoneyError::TooLarge),
        ];
        for (text, error) in table {
            assert_eq!(Money::parse(text), Err(error), "{text}");
        }
    }

    #[test]
    fn writes_two_decimals() {
        let table = [
            (0, "0.00"),
            (10, "0.10"),
            (30, "0.30"),
            (123_450, "1234.50"),
            (5, "0.05"),
        ];
        for (fen, text) in table {
            assert_eq!(Money::from_fen(fen).map(|m| m.to_string()).as_deref(), Some(text));
        }
        assert_eq!(format_fen(-150), "-1.50");
        assert_eq!(Money::from_fen(-1), None);
    }

    #[test]
    fn adds_exactly_where_floats_do_not() {
        let (a, b) = (Money::parse("0.10").unwrap(), Money::parse("0.20").unwrap());
        assert_eq!(a.checked_add(b).unwrap().to_string(), "0.30");
        assert_ne!(0.1_f64 + 0.2_f64, 0.3_f64);
    }

    #[test]
    fn json_is_a_string_and_floats_are_refused() {
        let m: Money = serde_json::from_str("\"1234.5\"").unwrap();
        assert_eq!(serde_json::to_string(&m).unwrap(), "\"1234.50\"");
        assert!(serde_json::from_str::<Money>("1234.5").is_err());
        assert!(serde_json::from_str::<Money>("\"-3\"").is_err());
    }
}
