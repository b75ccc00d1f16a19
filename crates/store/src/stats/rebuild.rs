//! Recomputing every roll-up from the cases, in bulk: after a bulk load, a migration that
//! created the tables, or to check the incremental upkeep.

use std::collections::HashMap;

use huiyin_domain::stats::rollup::{accumulate, Facts, Key, Vals, SUMS, ZERO};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::facts::{facts_of, push_fact_values, FACT_COLUMNS};
use super::fold::upsert;
use super::sql::Sql;
use crate::entity::{case, property};
use crate::{StoreError, StoreResult};

/// Recomputes all roll-ups from the cases (after a bulk load, or to check them). Returns the
/// number of cases. Run it inside a transaction to keep readers from seeing a half-built state.
pub async fn rebuild(db: &impl ConnectionTrait) -> StoreResult<u64> {
    db.execute_unprepared("DELETE FROM stats_rollups").await?;
    db.execute_unprepared("DELETE FROM stats_deltas").await?;
    db.execute_unprepared("DELETE FROM stats_case_facts").await?;
    let buildings: HashMap<Uuid, property::Model> = property::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let mut totals: HashMap<Key, Vals> = HashMap::new();
    let mut after: Option<Uuid> = None;
    let mut count = 0u64;
    loop {
        let mut select = case::Entity::find().order_by_asc(case::Column::Id).limit(5000);
        if let Some(id) = after {
            select = select.filter(case::Column::Id.gt(id));
        }
        let page = select.all(db).await?;
        let Some(last) = page.last() else { break };
        after = Some(last.id);
        let mut facts_rows = Vec::with_capacity(page.len());
        for c in &page {
            let facts = facts_of(c, c.property_id.and_then(|p| buildings.get(&p)));
            for (key, vals) in facts.contributions() {
                accumulate(totals.entry(key).or_insert(ZERO), &vals, 1);
            }
            facts_rows.push((c.id, facts));
        }
        insert_facts(db, &facts_rows).await?;
        count += page.len() as u64;
    }
    let mut rows: Vec<(&Key, &Vals)> = totals.iter().collect();
    rows.sort_by(|a, b| a.0.cmp(b.0));
    insert_rollups(db, &rows).await?;
    if db.get_database_backend() == DatabaseBackend::Postgres {
        db.execute_unprepared("ANALYZE stats_rollups").await?;
        db.execute_unprepared("ANALYZE stats_case_facts").await?;
    }
    Ok(count)
}

fn facts_json(facts: &Facts) -> StoreResult<String> {
    serde_json::to_string(facts).map_err(|e| StoreError::invalid("stats_case_facts", e.to_string()))
}

/// Inserts the fact rows of a page of cases into the emptied `stats_case_facts`.
async fn insert_facts(db: &impl ConnectionTrait, facts_rows: &[(Uuid, Facts)]) -> StoreResult<()> {
    let backend = db.get_database_backend();
    if backend == DatabaseBackend::Postgres {
        let mut json = Vec::with_capacity(facts_rows.len());
        for (id, facts) in facts_rows {
            let [d, r, c] = facts.durations();
            json.push(serde_json::json!({
                "case_id": id, "created_at": facts.created_at, "project_id": facts.project_id,
                "area_id": facts.area_id, "kind": facts.kind, "d_secs": d, "r_secs": r, "c_secs": c,
                "facts": facts_json(facts)?,
            }));
        }
        return insert_json(
            db,
            "stats_case_facts",
            "case_id uuid, created_at timestamptz, project_id uuid, area_id uuid, kind text, d_secs float8, \
             r_secs float8, c_secs float8, facts text",
            json,
        )
        .await;
    }
    // 9 parameters a row: 1,000 rows a statement.
    for chunk in facts_rows.chunks(1000) {
        let mut sql = Sql::new(backend);
        sql.push(&format!("INSERT INTO stats_case_facts ({FACT_COLUMNS}) VALUES "));
        for (i, (id, facts)) in chunk.iter().enumerate() {
            if i > 0 {
                sql.push(", ");
            }
            push_fact_values(&mut sql, *id, facts)?;
        }
        db.execute(sql.statement()).await?;
    }
    Ok(())
}

/// Writes the recomputed sums, in key order, into the emptied `stats_rollups`.
async fn insert_rollups(db: &impl ConnectionTrait, rows: &[(&Key, &Vals)]) -> StoreResult<()> {
    if db.get_database_backend() != DatabaseBackend::Postgres {
        return upsert(db, rows).await;
    }
    let mut spec = "grain text, dim text, day int, project_id uuid, area_id uuid, kind text, dkey text".to_owned();
    for column in SUMS {
        spec.push_str(&format!(", {column} bigint"));
    }
    for chunk in rows.chunks(5000) {
        let json = chunk.iter().map(|(key, vals)| rollup_json(key, vals)).collect();
        insert_json(db, "stats_rollups", &spec, json).await?;
    }
    Ok(())
}

/// One roll-up row as a JSON object with the table's column names.
fn rollup_json(key: &Key, vals: &Vals) -> serde_json::Value {
    let mut row = serde_json::Map::new();
    row.insert("grain".into(), key.grain.into());
    row.insert("dim".into(), key.dim.into());
    row.insert("day".into(), key.day.into());
    row.insert("project_id".into(), key.project_id.to_string().into());
    row.insert("area_id".into(), key.area_id.to_string().into());
    row.insert("kind".into(), key.kind.clone().into());
    row.insert("dkey".into(), key.dkey.clone().into());
    for (column, v) in SUMS.iter().zip(vals.iter()) {
        row.insert((*column).into(), (*v).into());
    }
    serde_json::Value::Object(row)
}

/// PostgreSQL bulk insert: the rows as one JSON parameter (`spec`: `name type, …`).
async fn insert_json(
    db: &impl ConnectionTrait,
    table: &str,
    spec: &str,
    rows: Vec<serde_json::Value>,
) -> StoreResult<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let names: Vec<&str> = spec
        .split(',')
        .filter_map(|item| item.split_whitespace().next())
        .collect();
    let names = names.join(", ");
    let mut sql = Sql::new(db.get_database_backend());
    sql.push(&format!(
        "INSERT INTO {table} ({names}) SELECT {names} FROM json_to_recordset("
    ))
    .bind(serde_json::Value::Array(rows).to_string())
    .push(&format!("::json) AS x({spec})"));
    db.execute(sql.statement()).await?;
    Ok(())
}
