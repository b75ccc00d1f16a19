//! Phone numbers: one canonical form per line, so `138 0013 8000`,
//! `+86 13800138000` and `0086-138-0013-8000` find the same customer.

use std::fmt;

/// A phone number in canonical form: a mainland mobile as its 11 digits,
/// a mainland landline as its digits with the leading `0` area code, any
/// other international number as `+` and digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Phone(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("phone number is empty")]
    Empty,
    #[error("phone number may contain only digits, spaces, '+', '-', '.', and parentheses")]
    InvalidCharacter,
    #[error("phone number must have between 5 and 15 digits")]
    WrongLength,
    #[error("a mainland mobile number has 11 digits starting with 13-19")]
    InvalidMobile,
    #[error("a number after the country code cannot start with 00")]
    InvalidPrefix,
}

const MIN_DIGITS: usize = 5;
/// E.164 allows at most 15 digits.
const MAX_DIGITS: usize = 15;

impl Phone {
    pub fn parse(raw: &str) -> Result<Self, PhoneError> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(PhoneError::Empty);
        }
        let mut digits = String::with_capacity(trimmed.len());
        let mut international = false;
        for c in trimmed.chars() {
            match c {
                '0'..='9' => digits.push(c),
                '+' if digits.is_empty() && !international => international = true,
                ' ' | '-' | '.' | '(' | ')' | '\u{3000}' => {}
                _ => return Err(PhoneError::InvalidCharacter),
            }
        }
        if digits.is_empty() {
            return Err(PhoneError::Empty);
        }
        if !international {
            if let Some(rest) = digits.strip_prefix("00") {
                digits = rest.to_string();
                international = true;
            }
        }
        if international {
            if let Some(national) = digits.strip_prefix("86") {
                return Self::mainland(national);
            }
            if !(MIN_DIGITS..=MAX_DIGITS).contains(&digits.len()) {
                return Err(PhoneError::WrongLength);
            }
            return Ok(Phone(format!("+{digits}")));
        }
        Self::mainland(&digits)
    }

    fn mainland(national: &str) -> Result<Self, PhoneError> {
        // "86" followed by a mobile number is the country code written without "+" (or twice).
        if national.len() == 13 && national.starts_with("861") {
            return Self::mainland(&national[2..]);
        }
        // "00" is the international prefix: a national number that starts with it would read
        // back as a foreign number.
        if national.starts_with("00") {
            return Err(PhoneError::InvalidPrefix);
        }
        if national.starts_with('1') {
            let second = national.as_bytes().get(1).copied().unwrap_or(b'0');
            if national.len() != 11 || !(b'3'..=b'9').contains(&second) {
                return Err(PhoneError::InvalidMobile);
            }
            return Ok(Phone(national.to_string()));
        }
        if !(MIN_DIGITS..=MAX_DIGITS).contains(&national.len()) {
            return Err(PhoneError::WrongLength);
        }
        Ok(Phone(national.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Masks a stored phone number for users without the PII permission:
/// `13800138000` → `138****8000`. Short numbers keep only their last two digits.
pub fn mask(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    let n = chars.len();
    if n >= 8 {
        let head: String = chars[..3].iter().collect();
        let tail: String = chars[n - 4..].iter().collect();
        format!("{head}{}{tail}", "*".repeat(n - 7))
    } else if n > 2 {
        format!("{}{}", "*".repeat(n - 2), chars[n - 2..].iter().collect::<String>())
    } else {
        "*".repeat(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> Result<String, PhoneError> {
        Phone::parse(s).map(Phone::into_string)
    }

    #[test]
    fn the_same_mobile_written_many_ways_is_one_number() {
        for raw in [
            "13800138000",
            "138 0013 8000",
            "138-0013-8000",
            "+86 13800138000",
            "+86 138 0013 8000",
            "0086 13800138000",
            "8613800138000",
            "+86 86 13800138000",
            "(+86) 138.0013.8000",
            "  13800138000  ",
            "138\u{3000}0013\u{3000}8000",
        ] {
            assert_eq!(norm(raw).as_deref(), Ok("13800138000"), "{raw}");
        }
    }

    #[test]
    fn landlines_keep_their_area_code() {
        assert_eq!(norm("0755-8888 6666").as_deref(), Ok("075588886666"));
        assert_eq!(norm("+86 755 8888 6666").as_deref(), Ok("75588886666"));
        assert_eq!(norm("96166").as_deref(), Ok("96166"));
    }

    #[test]
    fn foreign_numbers_keep_their_country_code() {
        assert_eq!(norm("+852 9123 4567").as_deref(), Ok("+85291234567"));
        assert_eq!(norm("00852 9123 4567").as_deref(), Ok("+85291234567"));
    }

    #[test]
    fn bad_numbers_are_rejected_with_a_reason() {
        assert_eq!(norm(""), Err(PhoneError::Empty));
        assert_eq!(norm("   "), Err(PhoneError::Empty));
        assert_eq!(norm("-- ()"), Err(PhoneError::Empty));
        assert_eq!(norm("138abc"), Err(PhoneError::InvalidCharacter));
        assert_eq!(norm("1380013800+"), Err(PhoneError::InvalidCharacter));
        assert_eq!(norm("1380013800"), Err(PhoneError::InvalidMobile));
        assert_eq!(norm("138001380001"), Err(PhoneError::InvalidMobile));
        assert_eq!(norm("12800138000"), Err(PhoneError::InvalidMobile));
        assert_eq!(norm("0123"), Err(PhoneError::WrongLength));
        assert_eq!(norm("1234"), Err(PhoneError::InvalidMobile));
        assert_eq!(norm("+1234567890123456"), Err(PhoneError::WrongLength));
        assert_eq!(norm("０１２"), Err(PhoneError::InvalidCharacter));
        assert_eq!(norm("+86 00123456"), Err(PhoneError::InvalidPrefix));
    }

    #[test]
    fn masking_hides_the_middle() {
        assert_eq!(mask("13800138000"), "138****8000");
        assert_eq!(mask("075588886666"), "075*****6666");
        assert_eq!(mask("+85291234567"), "+85*****4567");
        assert_eq!(mask("96166"), "***66");
        assert_eq!(mask("12"), "**");
        assert_eq!(mask(""), "");
    }
}

/// Property tests: arbitrary input never panics, the canonical form is a fixed point, and
/// every way of writing a number that people use lands on the same canonical form.
#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    /// A separator people type between digit groups.
    fn separator() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec!["", "", " ", "-", ".", "\u{3000}", "  "])
    }

    /// `digits` with random separators between them and optional parentheses around the start.
    fn written(digits: String) -> impl Strategy<Value = String> {
        let n = digits.len();
        (prop::collection::vec(separator(), n), any::<bool>(), " {0,2}").prop_map(move |(seps, paren, pad)| {
            let mut out = String::from(pad.as_str());
            for (i, (c, sep)) in digits.chars().zip(seps).enumerate() {
                if paren && i == 0 {
                    out.push('(');
                }
                out.push(c);
                if paren && i == 2 {
                    out.push(')');
                }
                if i + 1 < n {
                    out.push_str(sep);
                }
            }
            out.push_str(&pad);
            out
        })
    }

    fn mobile() -> impl Strategy<Value = String> {
        "1[3-9][0-9]{9}"
    }

    proptest! {
        #[test]
        fn never_panics(raw in any::<String>()) {
            let _ = Phone::parse(&raw);
        }

        #[test]
        fn never_panics_on_phone_like_text(raw in "[0-9 +().\\-\u{3000}]{0,24}") {
            let _ = Phone::parse(&raw);
        }

        #[test]
        fn normalising_is_idempotent(raw in "[+]?[0-9 ().\\-]{0,22}") {
            if let Ok(phone) = Phone::parse(&raw) {
                prop_assert_eq!(Phone::parse(phone.as_str()), Ok(phone.clone()), "from {:?}", raw);
            }
        }

        #[test]
        fn normalising_is_idempotent_around_country_codes(raw in "(\\+|00|\\+ ?86|0086|86)? ?(0|00|86|861[3-9])?[0-9]{0,12}") {
            if let Ok(phone) = Phone::parse(&raw) {
                prop_assert_eq!(Phone::parse(phone.as_str()), Ok(phone.clone()), "from {:?}", raw);
            }
        }

        #[test]
        fn canonical_form_is_digits_with_an_optional_plus(raw in "[+]?[0-9 ().\\-]{0,22}") {
            if let Ok(phone) = Phone::parse(&raw) {
                let digits = phone.as_str().strip_prefix('+').unwrap_or(phone.as_str());
                prop_assert!(digits.bytes().all(|b| b.is_ascii_digit()), "{}", phone);
                prop_assert!((MIN_DIGITS..=MAX_DIGITS).contains(&digits.len()), "{}", phone);
                if phone.as_str().starts_with('1') {
                    prop_assert_eq!(phone.as_str().len(), 11);
                }
            }
        }

        #[test]
        fn a_mobile_written_any_way_is_the_same_number(
            (number, body) in mobile().prop_flat_map(|n| (Just(n.clone()), written(n))),
            prefix in prop::sample::select(vec!["", "+86", "+86 ", "0086", "0086-", "86", "(+86) "]),
        ) {
            let raw = format!("{prefix}{body}");
            prop_assert_eq!(Phone::parse(&raw).map(Phone::into_string), Ok(number), "from {:?}", raw);
        }

        #[test]
        fn foreign_numbers_keep_their_country_code(
            number in "[1-79][0-9]{4,13}",
            international in prop::sample::select(vec!["+", "00", "+ "]),
        ) {
            prop_assume!(!number.starts_with("86"));
            let raw = format!("{international}{number}");
            prop_assert_eq!(Phone::parse(&raw).map(Phone::into_string), Ok(format!("+{number}")));
        }

        #[test]
        fn masking_keeps_the_length_and_never_panics(raw in any::<String>()) {
            prop_assert_eq!(mask(&raw).chars().count(), raw.chars().count());
        }
    }
}
