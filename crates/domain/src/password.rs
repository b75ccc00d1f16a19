//! Password rules for staff and resident logins.

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WeakPassword {
    #[error("password must be at least {MIN_LENGTH} characters")]
    TooShort,
    #[error("password must be at most {MAX_LENGTH} characters")]
    TooLong,
    #[error("password must contain both letters and digits")]
    TooSimple,
    #[error("password must not contain the username")]
    ContainsUsername,
    #[error("this password is one of the most common ones; choose another")]
    Common,
}

pub const MIN_LENGTH: usize = 10;

/// The common-password list shipped with the code (`common_passwords.txt`).
const COMMON: &str = include_str!("common_passwords.txt");

/// Whether `password` is on the common-password list (ignoring case).
pub fn is_common(password: &str) -> bool {
    let lower = password.trim().to_lowercase();
    COMMON
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .any(|l| l == lower)
}
/// Bounds the work an attacker can make argon2 do per request.
pub const MAX_LENGTH: usize = 128;

/// Checks the minimum strength of a new password.
pub fn check_strength(password: &str, username: &str) -> Result<(), WeakPassword> {
    let length = password.chars().count();
    if length < MIN_LENGTH {
        return Err(WeakPassword::TooShort);
    }
    if length > MAX_LENGTH {
        return Err(WeakPassword::TooLong);
    }
    let has_letter = password.chars().any(char::is_alphabetic);
    let has_digit = password.chars().any(|c| c.is_ascii_digit());
    if !(has_letter && has_digit) {
        return Err(WeakPassword::TooSimple);
    }
    let name = username.trim().to_lowercase();
    if name.len() >= 3 && password.to_lowercase().contains(&name) {
        return Err(WeakPassword::ContainsUsername);
    }
    if is_common(password) {
        return Err(WeakPassword::Common);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_read() {
        assert!(is_common("password1"));
        assert!(is_common("Administrator"));
        assert!(!is_common(
            "# Passwords seen most often in public breach corpora (and their usual Chinese-site"
        ));
        assert!(!is_common("Cuihu2027garden"));
    }

    #[test]
    fn strength_rules() {
        assert_eq!(check_strength("abc123", "x"), Err(WeakPassword::TooShort));
        assert_eq!(check_strength("password1", "x"), Err(WeakPassword::TooShort));
        assert_eq!(check_strength("Abc12345", "x"), Err(WeakPassword::TooShort));
        assert_eq!(check_strength("Password123", "x"), Err(WeakPassword::Common));
        assert_eq!(check_strength("1q2w3e4r5t", "x"), Err(WeakPassword::Common));
        assert_eq!(check_strength("WOAINI1314", "x"), Err(WeakPassword::Common));
        assert_eq!(check_strength(&"a1".repeat(65), "x"), Err(WeakPassword::TooLong));
        assert_eq!(check_strength("abcdefghij", "x"), Err(WeakPassword::TooSimple));
        assert_eq!(check_strength("1234567890", "x"), Err(WeakPassword::TooSimple));
        assert_eq!(
            check_strength("Alice2026!", "alice"),
            Err(WeakPassword::ContainsUsername)
        );
        assert_eq!(check_strength("客服中心密码2026", "li"), Ok(()));
        assert_eq!(check_strength("correct7horse", "zhang"), Ok(()));
    }
}
