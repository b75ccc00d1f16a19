//! Writes of one change that nothing in between reads, in one round trip: on PostgreSQL one
//! statement (the first ones as data-modifying CTEs of the last: `WITH w0 AS (…), w1 AS (…)
//! <last>`), on SQLite one call running the statements one after the other (`s0; s1; …`). A
//! registration's case row, timeline entry, warning-check job and statistics go to the database
//! together, and so do an action's work order, timeline entry, statistics and versioned case
//! UPDATE (issue #14: every round trip of a change is time the next one waits).
//!
//! PostgreSQL runs the parts of one statement on one snapshot and checks foreign keys at its
//! end, so an event may reference the case inserted beside it; no part may read what another
//! writes, which none of these do, and no two parts may change the same row. SQLite runs them in
//! order, so a row referenced by a later part is written first ([`Batch::push`] order; the
//! [`Batch::guard`] statement last).

use sea_orm::{ConnectionTrait, DatabaseBackend, Statement, Values};

use crate::{StoreError, StoreResult};

/// Statements to run together, in order.
#[derive(Default)]
pub struct Batch {
    statements: Vec<Statement>,
    /// The versioned UPDATE that must change its row, and the version the case then answers as
    /// current when it changes none.
    guard: Option<(Statement, i32)>,
    /// A unique violation (two concurrent actions taking the same key) is a stale version too.
    unique_is_stale: bool,
}

impl Batch {
    pub fn new() -> Self {
        Batch::default()
    }

    pub fn push(&mut self, statement: Statement) {
        self.statements.push(statement);
    }

    /// The statement (a versioned UPDATE) that must change a row, run last: when it changes
    /// none, someone else changed the row first and the batch fails with
    /// [`StoreError::Stale`]`{ current }` (the caller's transaction is then rolled back).
    pub fn guard(&mut self, statement: Statement, current: i32) {
        self.guard = Some((statement, current));
    }

    /// A unique violation anywhere in the batch also fails it as stale (two concurrent actions
    /// opening the same next work order: the one that committed first took the number).
    pub fn unique_is_stale(&mut self) {
        self.unique_is_stale = true;
    }

    /// Runs the batch: one round trip.
    pub async fn run(self, db: &impl ConnectionTrait) -> StoreResult<()> {
        let Batch {
            mut statements,
            guard,
            unique_is_stale,
        } = self;
        let stale = guard.as_ref().map(|(_, current)| *current);
        let as_stale = |e: sea_orm::DbErr| match stale {
            Some(current) if unique_is_stale && crate::error::is_unique_violation(&e) => StoreError::Stale { current },
            _ => e.into(),
        };
        let guarded = guard.is_some();
        statements.extend(guard.map(|(statement, _)| statement));
        let changed = match statements.len() {
            0 => return Ok(()),
            1 => db
                .execute(statements.remove(0))
                .await
                .map_err(as_stale)?
                .rows_affected(),
            _ if db.get_database_backend() == DatabaseBackend::Postgres => {
                db.execute(combine(statements)).await.map_err(as_stale)?.rows_affected()
            }
            _ if guarded => {
                // `changes()`: the rows the last statement (the guard) changed.
                let mut joined = join(statements);
                joined.sql.push_str("; SELECT changes() AS guarded");
                let rows = db.query_all(joined).await.map_err(as_stale)?;
                let row = rows
                    .last()
                    .ok_or_else(|| StoreError::invalid("batch", "no answer from changes()"))?;
                u64::try_from(row.try_get::<i64>("", "guarded")?).unwrap_or(0)
            }
            _ => db.execute(join(statements)).await.map_err(as_stale)?.rows_affected(),
        };
        match stale {
            Some(current) if changed == 0 => Err(StoreError::Stale { current }),
            _ => Ok(()),
        }
    }
}

/// SQLite: `s0; s1; …` with the values of all in order (sqlx runs each statement of one query
/// string, binding the `?` parameters one after the other).
fn join(statements: Vec<Statement>) -> Statement {
    let mut sql = String::new();
    let mut values = Vec::new();
    for statement in statements {
        if !sql.is_empty() {
            sql.push_str("; ");
        }
        sql.push_str(&statement.sql);
        values.extend(statement.values.map(|v| v.0).unwrap_or_default());
    }
    Statement::from_sql_and_values(DatabaseBackend::Sqlite, sql, Values(values))
}

/// `WITH w0 AS (s0), … s_last`; a last statement with a `WITH` of its own continues the list.
fn combine(statements: Vec<Statement>) -> Statement {
    let last = statements.len() - 1;
    let mut sql = String::from("WITH ");
    let mut values = Vec::new();
    for (i, statement) in statements.into_iter().enumerate() {
        let text = renumber(&statement.sql, values.len());
        values.extend(statement.values.map(|v| v.0).unwrap_or_default());
        if i < last {
            sql.push_str(&format!("w{i} AS ({text}), "));
        } else if let Some(rest) = text.strip_prefix("WITH ") {
            sql.push_str(rest);
        } else {
            sql.truncate(sql.len() - 2);
            sql.push(' ');
            sql.push_str(&text);
        }
    }
    Statement::from_sql_and_values(DatabaseBackend::Postgres, sql, Values(values))
}

/// Shifts PostgreSQL placeholders `$n` by `offset`, outside quoted text.
fn renumber(sql: &str, offset: usize) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut chars = sql.chars().peekable();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => {
                quote = None;
                out.push(c);
            }
            (Some(_), c) => out.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                out.push(c);
            }
            (None, '$') if chars.peek().is_some_and(char::is_ascii_digit) => {
                let mut n = String::new();
                while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                    n.push(*d);
                    chars.next();
                }
                let n: usize = n.parse().unwrap_or(0);
                out.push_str(&format!("${}", n + offset));
            }
            (None, c) => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_shift_outside_quotes_only() {
        assert_eq!(
            renumber(r#"INSERT INTO "t" ("a$1") VALUES ($1, '$2', $10)"#, 3),
            r#"INSERT INTO "t" ("a$1") VALUES ($4, '$2', $13)"#
        );
    }

    #[test]
    fn statements_become_ctes_of_the_last() {
        let s = |sql: &str, v: Vec<sea_orm::Value>| Statement::from_sql_and_values(DatabaseBackend::Postgres, sql, v);
        let combined = combine(vec![
            s("INSERT INTO a VALUES ($1)", vec![1.into()]),
            s("INSERT INTO b VALUES ($1, $2)", vec![2.into(), 3.into()]),
            s(
                "WITH f AS (INSERT INTO c VALUES ($1)) INSERT INTO d VALUES ($2)",
                vec![4.into(), 5.into()],
            ),
        ]);
        assert_eq!(
            combined.sql,
            "WITH w0 AS (INSERT INTO a VALUES ($1)), w1 AS (INSERT INTO b VALUES ($2, $3)), f AS (INSERT INTO c VALUES ($4)) INSERT INTO d VALUES ($5)"
        );
        assert_eq!(combined.values.unwrap().0.len(), 5);
        let two = combine(vec![
            s("INSERT INTO a VALUES ($1)", vec![1.into()]),
            s("INSERT INTO b VALUES ($1)", vec![2.into()]),
        ]);
        assert_eq!(
            two.sql,
            "WITH w0 AS (INSERT INTO a VALUES ($1)) INSERT INTO b VALUES ($2)"
        );
    }
}
