//! Statistics off the hot rows (issue #14).
//!
//! A case change no longer adds to `stats_rollups` itself: every registration of one project,
//! day and kind would queue on the same roll-up rows until the previous commit. It appends its
//! signed contributions to `stats_deltas` instead ([`append`], together with the case's fact row:
//! one statement on PostgreSQL) — rows nobody else writes, so nothing waits.
//!
//! [`fold_batch`], run by the background worker every tick, takes the oldest deltas (on
//! PostgreSQL with `FOR UPDATE SKIP LOCKED`, so several workers never fold the same delta),
//! adds them up per roll-up row, upserts those rows in key order (one upsert per touched row per
//! batch; writers lock in the same order) and deletes the deltas, all in one transaction.
//!
//! Readers ([`push_source_rows`]) read the roll-ups and the deltas not folded yet as one table, in one
//! statement, so every answer is exact at any moment: before a fold commits the amounts are in
//! the deltas, after it in the roll-ups, never in both and never in neither.

use std::collections::BTreeMap;

use sea_orm::{ConnectionTrait, DatabaseBackend, TransactionTrait};
use uuid::Uuid;

use super::facts::{current_facts, facts_of, push_save_facts};
use super::sql::Sql;
use crate::{new_id, StoreError, StoreResult};
use huiyin_domain::stats::rollup::{difference, Facts, Key, Vals, AREA_HISTOGRAMS, DIMS, HISTOGRAMS, SUMS, ZERO};

/// The key columns shared by `stats_rollups` and `stats_deltas`.
const KEY_COLUMNS: &str = "grain, dim, day, project_id, area_id, kind, dkey";

/// The columns shared by `stats_rollups` and `stats_deltas`: the key, then the sums.
pub fn columns() -> String {
    let mut text = KEY_COLUMNS.to_owned();
    for column in SUMS {
        text.push_str(", ");
        text.push_str(column);
    }
    text
}

/// `(SELECT <columns> FROM stats_rollups r WHERE <cond> UNION ALL SELECT <columns> FROM
/// stats_deltas r WHERE <cond>)`: `cond` pushes the same conditions (alias `r`) into both.
pub fn push_source_rows(sql: &mut Sql, select: &str, mut cond: impl FnMut(&mut Sql)) {
    sql.push(&format!("SELECT {select} FROM stats_rollups r WHERE"));
    cond(sql);
    sql.push(&format!(" UNION ALL SELECT {select} FROM stats_deltas r WHERE"));
    cond(sql);
}

/// Records one case's change: the difference between its old and new contributions as delta
/// rows, and its new facts. Inside the case's transaction; one statement on PostgreSQL.
pub async fn record(db: &impl ConnectionTrait, case_id: Uuid, old: Option<&Facts>, new: &Facts) -> StoreResult<()> {
    let backend = db.get_database_backend();
    if backend == DatabaseBackend::Postgres && old != Some(new) {
        let delta = difference(old, new);
        let rows: Vec<(&Key, &Vals)> = delta.iter().collect();
        if !rows.is_empty() {
            // One round trip: the fact row in a data-modifying CTE, the deltas in the main statement.
            let mut sql = Sql::new(backend);
            sql.push("WITH facts AS (");
            push_save_facts(&mut sql, case_id, new)?;
            sql.push(") ");
            push_insert(&mut sql, &rows);
            db.execute(sql.statement()).await?;
            return Ok(());
        }
    }
    for statement in record_statements(backend, case_id, old, new)? {
        db.execute(statement).await?;
    }
    Ok(())
}

/// The statements of [`record`] one by one (the deltas, then the fact row), to run with a
/// change's other writes (`cases::batch`, one round trip).
pub fn record_statements(
    backend: DatabaseBackend,
    case_id: Uuid,
    old: Option<&Facts>,
    new: &Facts,
) -> StoreResult<Vec<sea_orm::Statement>> {
    if old == Some(new) {
        return Ok(Vec::new());
    }
    let delta = difference(old, new);
    let rows: Vec<(&Key, &Vals)> = delta.iter().collect();
    let mut out = Vec::new();
    if !rows.is_empty() {
        let mut sql = Sql::new(backend);
        push_insert(&mut sql, &rows);
        out.push(sql.statement());
    }
    let mut sql = Sql::new(backend);
    push_save_facts(&mut sql, case_id, new)?;
    out.push(sql.statement());
    Ok(out)
}

/// Records the deltas of a case an action changed: its stored facts (`stored`, read with the
/// case: [`super::facts::STORED_FACTS`]) against the facts of the row as written (the
/// property's building, which actions never change, carried over — so the property need not be
/// read). A case without stored facts is refreshed from scratch.
/// Returns the statements to run (with the change's other writes); empty when the case had no
/// stored facts and was refreshed at once.
pub async fn record_case(
    db: &impl ConnectionTrait,
    after: &crate::entity::case::Model,
    stored: Option<&Facts>,
) -> StoreResult<Vec<sea_orm::Statement>> {
    match stored {
        Some(old) => {
            let mut new = facts_of(after, None);
            new.building = old.building.clone();
            record_statements(db.get_database_backend(), after.id, Some(old), &new)
        }
        None => {
            let facts = current_facts(db, after).await?;
            record(db, after.id, None, &facts).await.map(|_| Vec::new())
        }
    }
}

fn push_insert(sql: &mut Sql, rows: &[(&Key, &Vals)]) {
    sql.push(&format!("INSERT INTO stats_deltas (id, {}) VALUES ", columns()));
    for (i, (key, vals)) in rows.iter().enumerate() {
        if i > 0 {
            sql.push(", ");
        }
        sql.push("(").bind(new_id()).push(", ");
        push_key(sql, key);
        for v in vals.iter() {
            sql.push(", ").bind(*v);
        }
        sql.push(")");
    }
}

/// The static name of a stored grain or dim (roll-up keys hold `&'static str`); an unknown
/// one is an error naming the delta row.
fn known(value: &str, id: Uuid) -> StoreResult<&'static str> {
    let dims = ["", "status", "d", "m"]
        .into_iter()
        .chain(DIMS)
        .chain(HISTOGRAMS.map(|(d, _)| d))
        .chain(AREA_HISTOGRAMS.map(|(d, _)| d));
    for name in dims {
        if name == value {
            return Ok(name);
        }
    }
    Err(StoreError::invalid(
        "stats_deltas",
        format!("row {id}: unknown grain or dim '{value}'"),
    ))
}

/// The seven key values of a roll-up row, comma-separated, in `KEY_COLUMNS` order.
fn push_key(sql: &mut Sql, key: &Key) {
    sql.bind(key.grain)
        .push(", ")
        .bind(key.dim)
        .push(", ")
        .bind(key.day)
        .push(", ")
        .bind(key.project_id)
        .push(", ")
        .bind(key.area_id)
        .push(", ")
        .bind(key.kind.as_str())
        .push(", ")
        .bind(key.dkey.as_str());
}

/// Adds `rows` to the roll-ups: one multi-row upsert per chunk, in key order.
pub(super) async fn upsert(db: &impl ConnectionTrait, rows: &[(&Key, &Vals)]) -> StoreResult<()> {
    let backend = db.get_database_backend();
    // 28 parameters a row; stay well below SQLite's and PostgreSQL's limits.
    for chunk in rows.chunks(500) {
        let mut sql = Sql::new(backend);
        sql.push("INSERT INTO stats_rollups (grain, dim, day, project_id, area_id, kind, dkey");
        for column in SUMS {
            sql.push(", ").push(column);
        }
        sql.push(") VALUES ");
        for (i, (key, vals)) in chunk.iter().enumerate() {
            if i > 0 {
                sql.push(", ");
            }
            sql.push("(");
            push_key(&mut sql, key);
            for v in vals.iter() {
                sql.push(", ").bind(*v);
            }
            sql.push(")");
        }
        sql.push(" ON CONFLICT (grain, dim, day, project_id, area_id, kind, dkey) DO UPDATE SET ");
        for (i, column) in SUMS.iter().enumerate() {
            if i > 0 {
                sql.push(", ");
            }
            sql.push(&format!("{column} = stats_rollups.{column} + excluded.{column}"));
        }
        db.execute(sql.statement()).await?;
    }
    Ok(())
}

/// Folds up to `limit` of the oldest deltas into the roll-ups; returns how many it folded.
#[tracing::instrument(name = "stats::fold", target = "huiyin::store", level = "debug", skip_all)]
pub async fn fold_batch<C: ConnectionTrait + TransactionTrait>(db: &C, limit: u64) -> StoreResult<usize> {
    let txn = db.begin().await?;
    let backend = txn.get_database_backend();
    let mut sql = Sql::new(backend);
    sql.push(&format!(
        "SELECT id, {} FROM stats_deltas ORDER BY id LIMIT {limit}",
        columns()
    ));
    if backend == DatabaseBackend::Postgres {
        sql.push(" FOR UPDATE SKIP LOCKED");
    }
    let found = txn.query_all(sql.statement()).await?;
    if found.is_empty() {
        txn.commit().await?;
        return Ok(0);
    }
    let mut totals: BTreeMap<Key, Vals> = BTreeMap::new();
    let mut ids = Vec::with_capacity(found.len());
    for row in &found {
        let id: Uuid = row.try_get("", "id")?;
        let key = Key {
            grain: known(&row.try_get::<String>("", "grain")?, id)?,
            dim: known(&row.try_get::<String>("", "dim")?, id)?,
            day: row.try_get("", "day")?,
            project_id: row.try_get("", "project_id")?,
            area_id: row.try_get("", "area_id")?,
            kind: row.try_get("", "kind")?,
            dkey: row.try_get("", "dkey")?,
        };
        let slot = totals.entry(key).or_insert(ZERO);
        for (s, column) in slot.iter_mut().zip(SUMS) {
            *s += row.try_get::<i64>("", column)?;
        }
        ids.push(id);
    }
    // BTreeMap order is the primary key's order.
    let rows: Vec<(&Key, &Vals)> = totals.iter().filter(|(_, v)| v.iter().any(|x| *x != 0)).collect();
    upsert(&txn, &rows).await?;
    for chunk in ids.chunks(1000) {
        let mut sql = Sql::new(backend);
        sql.push("DELETE FROM stats_deltas WHERE id IN (");
        for (i, id) in chunk.iter().enumerate() {
            if i > 0 {
                sql.push(", ");
            }
            sql.bind(*id);
        }
        sql.push(")");
        txn.execute(sql.statement()).await?;
    }
    txn.commit().await?;
    Ok(ids.len())
}

/// Folds until no delta is left (tests, `stats-rebuild`, `stats-check`'s second pass).
pub async fn fold_all<C: ConnectionTrait + TransactionTrait>(db: &C) -> StoreResult<usize> {
    let mut total = 0;
    loop {
        let n = fold_batch(db, 1000).await?;
        if n == 0 {
            return Ok(total);
        }
        total += n;
    }
}

/// The fold's backlog: deltas not folded yet, and how old the oldest is (`/metrics`). Delta
/// ids are UUIDv7, so the oldest id carries the time it was written.
pub async fn backlog(db: &impl ConnectionTrait) -> StoreResult<(i64, f64)> {
    let mut sql = Sql::new(db.get_database_backend());
    sql.push("SELECT COUNT(*) AS n, (SELECT id FROM stats_deltas ORDER BY id LIMIT 1) AS oldest FROM stats_deltas");
    let Some(row) = db.query_one(sql.statement()).await? else {
        return Ok((0, 0.0));
    };
    let n: i64 = row.try_get("", "n")?;
    let oldest: Option<Uuid> = row.try_get("", "oldest")?;
    let lag = oldest
        .and_then(|id| id.get_timestamp())
        .map(|ts| {
            let (secs, nanos) = ts.to_unix();
            let written = secs as f64 + f64::from(nanos) / 1e9;
            (crate::now().timestamp_micros() as f64 / 1e6 - written).max(0.0)
        })
        .unwrap_or(0.0);
    Ok((n, lag))
}
