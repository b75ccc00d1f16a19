//! Writes of one change that nothing in between reads: one statement on PostgreSQL (the first
//! ones as data-modifying CTEs of the last: `WITH w0 AS (…), w1 AS (…) <last>`), one by one on
//! SQLite. A registration's case row, timeline entry, warning-check job and statistics go to
//! the database together (issue #14: every round trip of a registration is time the next one
//! waits).
//!
//! PostgreSQL runs the parts of one statement on one snapshot and checks foreign keys at its
//! end, so an event may reference the case inserted beside it; no part may read what another
//! writes, which none of these do.

use sea_orm::{ConnectionTrait, DatabaseBackend, Statement, Values};

use crate::StoreResult;

/// Statements to run together, in order.
#[derive(Default)]
pub struct Batch {
    statements: Vec<Statement>,
}

impl Batch {
    pub fn new() -> Self {
        Batch::default()
    }

    pub fn push(&mut self, statement: Statement) {
        self.statements.push(statement);
    }

    /// Runs the batch: one round trip on PostgreSQL.
    pub async fn run(self, db: &impl ConnectionTrait) -> StoreResult<()> {
        if db.get_database_backend() == DatabaseBackend::Postgres && self.statements.len() > 1 {
            db.execute(combine(self.statements)).await?;
            return Ok(());
        }
        for statement in self.statements {
            db.execute(statement).await?;
        }
        Ok(())
    }
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
