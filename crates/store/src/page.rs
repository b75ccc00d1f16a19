//! Cursor (keyset) pagination: `?limit=&cursor=` → `{items, next_cursor}`.
//! A cursor is an opaque base64url string of the last row's sort key.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::StoreError;

pub const DEFAULT_LIMIT: u64 = 50;
pub const MAX_LIMIT: u64 = 200;

#[derive(Debug, Clone)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}

/// Validated `limit` (1..=MAX_LIMIT, default DEFAULT_LIMIT).
pub fn limit(requested: Option<u64>) -> Result<u64, StoreError> {
    match requested {
        None => Ok(DEFAULT_LIMIT),
        Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
        Some(_) => Err(StoreError::invalid(
            "limit",
            format!("must be between 1 and {MAX_LIMIT}"),
        )),
    }
}

pub fn encode(key: &str) -> String {
    URL_SAFE_NO_PAD.encode(key.as_bytes())
}

pub fn decode(cursor: &str) -> Result<String, StoreError> {
    URL_SAFE_NO_PAD
        .decode(cursor.as_bytes())
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .ok_or_else(|| StoreError::invalid("cursor", "is not a cursor this server issued"))
}

pub fn decode_uuid(cursor: &str) -> Result<uuid::Uuid, StoreError> {
    decode(cursor)?
        .parse()
        .map_err(|_| StoreError::invalid("cursor", "is not a cursor this server issued"))
}

/// Cuts a fetched `limit + 1` rows down to `limit` and derives the next cursor from the last kept row.
pub fn finish<T>(mut rows: Vec<T>, limit: u64, key: impl Fn(&T) -> String) -> Page<T> {
    let has_more = rows.len() as u64 > limit;
    rows.truncate(limit as usize);
    let next_cursor = if has_more {
        rows.last().map(|r| encode(&key(r)))
    } else {
        None
    };
    Page {
        items: rows,
        next_cursor,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_reject_garbage() {
        let id = uuid::Uuid::now_v7();
        assert_eq!(decode_uuid(&encode(&id.to_string())).ok(), Some(id));
        assert!(decode("!!!").is_err());
        assert!(decode_uuid(&encode("nope")).is_err());
    }

    #[test]
    fn limits_are_bounded() {
        assert_eq!(limit(None).ok(), Some(DEFAULT_LIMIT));
        assert!(limit(Some(0)).is_err());
        assert!(limit(Some(MAX_LIMIT + 1)).is_err());
        let page = finish(vec![1, 2, 3], 2, |n| n.to_string());
        assert_eq!(page.items, vec![1, 2]);
        assert_eq!(
            page.next_cursor.as_deref().map(decode).and_then(Result::ok).as_deref(),
            Some("2")
        );
        assert!(finish(vec![1, 2], 2, |n| n.to_string()).next_cursor.is_none());
    }
}
