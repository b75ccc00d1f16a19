//! Small checks shared by every input: trimmed, non-empty, bounded text.

use crate::{StoreError, StoreResult};

/// A trimmed, non-empty string of at most `max` characters.
pub fn required(field: &str, value: &str, max: usize) -> StoreResult<String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(StoreError::invalid(field, "must not be empty"));
    }
    if value.chars().count() > max {
        return Err(StoreError::invalid(field, format!("must be at most {max} characters")));
    }
    Ok(value.to_owned())
}

/// Like [`required`] but `None`/blank stays `None`.
pub fn optional(field: &str, value: Option<&str>, max: usize) -> StoreResult<Option<String>> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => required(field, v, max).map(Some),
    }
}

/// Text that may be empty but is bounded.
pub fn bounded(field: &str, value: &str, max: usize) -> StoreResult<String> {
    if value.chars().count() > max {
        return Err(StoreError::invalid(field, format!("must be at most {max} characters")));
    }
    Ok(value.trim().to_owned())
}

/// Checks an `If-Match` version against the current one.
pub fn version_matches(expected: i32, current: i32) -> StoreResult<()> {
    if expected == current {
        Ok(())
    } else {
        Err(StoreError::Stale { current })
    }
}
