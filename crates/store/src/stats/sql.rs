//! A tiny SQL builder for the statistics queries: positional parameters in the right syntax for
//! the backend, and the few expressions whose spelling differs between SQLite and PostgreSQL.

use sea_orm::{DatabaseBackend, Statement, Value};

pub struct Sql {
    pub backend: DatabaseBackend,
    pub text: String,
    values: Vec<Value>,
}

impl Sql {
    pub fn new(backend: DatabaseBackend) -> Self {
        Sql {
            backend,
            text: String::new(),
            values: Vec::new(),
        }
    }

    pub fn push(&mut self, text: &str) -> &mut Self {
        self.text.push_str(text);
        self
    }

    /// Appends a parameter placeholder bound to `value`.
    pub fn bind(&mut self, value: impl Into<Value>) -> &mut Self {
        self.values.push(value.into());
        if self.backend == DatabaseBackend::Postgres {
            let n = self.values.len();
            self.text.push_str(&format!("${n}"));
        } else {
            self.text.push('?');
        }
        self
    }

    /// A timestamp parameter, typed for PostgreSQL where the context does not say.
    pub fn bind_time(&mut self, value: chrono::DateTime<chrono::Utc>) -> &mut Self {
        self.bind(value);
        if self.backend == DatabaseBackend::Postgres {
            self.text.push_str("::timestamptz");
        }
        self
    }

    pub fn statement(&self) -> Statement {
        Statement::from_sql_and_values(self.backend, self.text.clone(), self.values.clone())
    }

    /// Seconds from `a` to `b` as a floating-point number.
    /// `b - a` in whole microseconds, as the roll-ups add them (`stats::average`). PostgreSQL's
    /// epoch is exact; SQLite's `julianday` holds milliseconds, so its difference is rounded to
    /// the millisecond it stands for before it is scaled.
    pub fn micros(&self, a: &str, b: &str) -> String {
        match self.backend {
            DatabaseBackend::Postgres => format!("CAST(EXTRACT(EPOCH FROM ({b} - {a})) * 1000000 AS BIGINT)"),
            _ => format!("(CAST(ROUND((julianday({b}) - julianday({a})) * 86400000.0) AS INTEGER) * 1000)"),
        }
    }

    pub fn seconds(&self, a: &str, b: &str) -> String {
        match self.backend {
            DatabaseBackend::Postgres => format!("EXTRACT(EPOCH FROM ({b} - {a}))::double precision"),
            _ => format!("((julianday({b}) - julianday({a})) * 86400.0)"),
        }
    }

    /// The business (Beijing) date of a timestamp column, for same-day checks.
    pub fn business_date(&self, column: &str) -> String {
        match self.backend {
            DatabaseBackend::Postgres => format!("(({column}) AT TIME ZONE 'Asia/Shanghai')::date"),
            _ => format!("date({column}, '+8 hours')"),
        }
    }

    /// `SUM(...)` that is 0 rather than NULL over no rows, as a 64-bit integer.
    pub fn count_if(condition: &str) -> String {
        format!("COALESCE(SUM(CASE WHEN {condition} THEN 1 ELSE 0 END), 0)")
    }

    /// `SUM(...)` of integers, 0 rather than NULL over no rows, as a 64-bit integer.
    pub fn sum_int(&self, expr: &str) -> String {
        match self.backend {
            DatabaseBackend::Postgres => format!("COALESCE(SUM({expr}), 0)::bigint"),
            _ => format!("COALESCE(SUM({expr}), 0)"),
        }
    }
}
