//! Money as integer fen (分) in storage and a decimal string of yuan in JSON ("1234.50").

/// Parses "1234.5", "1234.50" or "1234" (yuan) into fen; `None` for anything else
/// (negative, more than two decimals, not a number, absurdly large).
pub fn parse_yuan(text: &str) -> Option<i64> {
    let text = text.trim();
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w, f),
        None => (text, ""),
    };
    if whole.is_empty() || whole.len() > 12 || fraction.len() > 2 {
        return None;
    }
    if !whole.bytes().all(|b| b.is_ascii_digit()) || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if text.contains('.') && fraction.is_empty() {
        return None;
    }
    let yuan: i64 = whole.parse().ok()?;
    let mut cents: i64 = if fraction.is_empty() { 0 } else { fraction.parse().ok()? };
    if fraction.len() == 1 {
        cents *= 10;
    }
    yuan.checked_mul(100)?.checked_add(cents)
}

/// Formats fen as yuan with two decimals: 123450 → "1234.50".
pub fn format_yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let abs = fen.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yuan_round_trips_through_fen() {
        for (text, fen) in [
            ("0", 0),
            ("1234.5", 123_450),
            ("1234.50", 123_450),
            ("30000", 3_000_000),
            ("0.07", 7),
        ] {
            assert_eq!(parse_yuan(text), Some(fen), "{text}");
        }
        assert_eq!(format_yuan(123_450), "1234.50");
        assert_eq!(format_yuan(7), "0.07");
        assert_eq!(format_yuan(-150), "-1.50");
    }

    #[test]
    fn rejects_what_is_not_an_amount() {
        for text in ["", "-1", "1.234", "1.", ".5", "abc", "1e5", "12 000", "9999999999999"] {
            assert_eq!(parse_yuan(text), None, "{text}");
        }
    }
}
