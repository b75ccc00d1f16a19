//! The store's error type: what went wrong in terms a handler can map to an HTTP answer.

use huiyin_domain::case::TransitionError;
use sea_orm::{DbErr, SqlErr};

pub type StoreResult<T> = Result<T, StoreError>;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Missing, or outside the caller's scope (the two are deliberately indistinguishable).
    #[error("not found")]
    NotFound,
    /// The caller's `If-Match` version is not the current one.
    #[error("the resource was changed by someone else (current version {current})")]
    Stale { current: i32 },
    /// A uniqueness rule was broken (`field` names what must be unique).
    #[error("{message}")]
    Conflict { field: String, message: String },
    /// A value the store checked against other data is not acceptable.
    #[error("{field}: {message}")]
    Invalid { field: String, message: String },
    /// Several values are not acceptable (e.g. CSV rows by line number).
    #[error("{} invalid values", .0.len())]
    InvalidMany(Vec<(String, String)>),
    /// The action is not permitted to this user on this object.
    #[error("{0}")]
    Forbidden(String),
    /// The state machine refused the action.
    #[error(transparent)]
    Transition(#[from] TransitionError),
    /// The same `Idempotency-Key` was sent with a different request.
    #[error("this Idempotency-Key was already used for a different request")]
    IdempotencyMismatch,
    /// The database cannot be reached right now; retrying later may succeed.
    #[error("the database is unavailable")]
    Unavailable(#[source] DbErr),
    #[error("database error")]
    Db(#[source] DbErr),
    /// A database failure ([`StoreError::Db`] or [`StoreError::Unavailable`]) with what the store
    /// was doing when it happened ("dispatching case 0193…"), for the log line; the answer is
    /// the inner error's. Added by [`Doing::doing`] at the store's entry points.
    #[error("{doing}: {source}")]
    During {
        doing: String,
        #[source]
        source: Box<StoreError>,
    },
}

/// Names what a store entry point was attempting, on the database failures it returns (other
/// errors — not found, stale, invalid — already say what they mean and pass through unchanged,
/// so callers can still match them).
pub trait Doing<T> {
    fn doing(self, what: impl FnOnce() -> String) -> StoreResult<T>;
}

impl<T> Doing<T> for StoreResult<T> {
    fn doing(self, what: impl FnOnce() -> String) -> StoreResult<T> {
        self.map_err(|err| match err {
            StoreError::Db(_) | StoreError::Unavailable(_) | StoreError::During { .. } => StoreError::During {
                doing: what(),
                source: Box::new(err),
            },
            other => other,
        })
    }
}

impl StoreError {
    pub fn from_db(err: DbErr) -> Self {
        match &err {
            DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => StoreError::Unavailable(err),
            DbErr::Exec(sea_orm::RuntimeErr::SqlxError(e)) | DbErr::Query(sea_orm::RuntimeErr::SqlxError(e))
                if is_connection_error(e) =>
            {
                StoreError::Unavailable(err)
            }
            _ => StoreError::Db(err),
        }
    }

    /// The failure under any [`StoreError::During`] context.
    pub fn innermost(&self) -> &StoreError {
        match self {
            StoreError::During { source, .. } => source.innermost(),
            other => other,
        }
    }

    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        StoreError::Invalid {
            field: field.into(),
            message: message.into(),
        }
    }

    pub fn conflict(field: impl Into<String>, message: impl Into<String>) -> Self {
        StoreError::Conflict {
            field: field.into(),
            message: message.into(),
        }
    }
}

fn is_connection_error(e: &sea_orm::sqlx::Error) -> bool {
    use sea_orm::sqlx::Error as E;
    match e {
        E::Io(_) | E::PoolTimedOut | E::PoolClosed | E::WorkerCrashed | E::Tls(_) => true,
        E::Database(db) => is_unavailable_code(db.as_ref()),
        _ => false,
    }
}

/// Database errors that say "not now" rather than "not this request": the server is shutting
/// down or starting up, or the storage is full or read-only. Retrying later may succeed.
fn is_unavailable_code(db: &dyn sea_orm::sqlx::error::DatabaseError) -> bool {
    let Some(code) = db.code() else {
        return false;
    };
    if db.try_downcast_ref::<sea_orm::sqlx::sqlite::SqliteError>().is_some() {
        // Primary result codes: SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL.
        return code.parse::<i32>().is_ok_and(|c| matches!(c & 0xff, 8 | 10 | 13));
    }
    // SQLSTATE class 53 (insufficient resources: disk full, out of memory, too many
    // connections), 57P01-57P03 (shutting down, crashed, cannot connect now), 25006 (read-only).
    code.starts_with("53") || matches!(&*code, "57P01" | "57P02" | "57P03" | "25006")
}

impl From<DbErr> for StoreError {
    fn from(err: DbErr) -> Self {
        StoreError::from_db(err)
    }
}

/// Maps a unique-constraint violation to a [`StoreError::Conflict`] on `field`; other errors pass through.
pub fn unique_as_conflict(err: DbErr, field: &str, message: &str) -> StoreError {
    if matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) {
        StoreError::conflict(field, message)
    } else {
        StoreError::from_db(err)
    }
}

pub fn is_unique_violation(err: &DbErr) -> bool {
    matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn db_failure() -> StoreResult<()> {
        Err(StoreError::Db(DbErr::Custom("disk I/O error".to_owned())))
    }

    #[test]
    fn database_failures_say_what_was_being_done_at_every_level() {
        let err = db_failure()
            .doing(|| "loading its property".to_owned())
            .doing(|| "dispatching case 42".to_owned())
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "dispatching case 42: loading its property: database error"
        );
        assert!(matches!(err.innermost(), StoreError::Db(_)));
    }

    #[test]
    fn answers_that_mean_something_pass_through_unchanged() {
        type Still = fn(&StoreError) -> bool;
        let cases: [(StoreResult<()>, Still); 4] = [
            (Err(StoreError::NotFound), |e| matches!(e, StoreError::NotFound)),
            (Err(StoreError::Stale { current: 3 }), |e| {
                matches!(e, StoreError::Stale { current: 3 })
            }),
            (Err(StoreError::invalid("title", "empty")), |e| {
                matches!(e, StoreError::Invalid { .. })
            }),
            (Err(StoreError::Forbidden("no".to_owned())), |e| {
                matches!(e, StoreError::Forbidden(_))
            }),
        ];
        for (result, still) in cases {
            let err = result.doing(|| unreachable!("no context for an answer")).unwrap_err();
            assert!(still(&err), "{err:?}");
        }
        assert_eq!(Ok::<_, StoreError>(7).doing(|| unreachable!()).unwrap(), 7);
    }
}
