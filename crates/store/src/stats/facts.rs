//! `stats_case_facts`: one row per case with what it contributes to the figures
//! ([`Facts`], as JSON) and its three durations, which the medians read through a covering index.

use huiyin_domain::stats::rollup::Facts;
use sea_orm::{ConnectionTrait, EntityTrait};
use uuid::Uuid;

use super::sql::Sql;
use crate::entity::{case, property};
use crate::{StoreError, StoreResult};

/// The facts of a case row (`property`: the case's property, whose building is a breakdown).
pub fn facts_of(c: &case::Model, property: Option<&property::Model>) -> Facts {
    Facts {
        created_at: c.created_at,
        project_id: c.project_id,
        area_id: c.area_id,
        kind: c.kind.clone(),
        category_id: c.category_id,
        channel: c.channel.clone(),
        severity: c.severity.clone(),
        department_id: c.department_id,
        assignee_id: c.assignee_id,
        building: property.map(|p| format!("{}/{}", p.project_id, p.building)),
        status: c.status.clone(),
        closed_on_spot: c.closed_on_spot,
        dispatch_count: c.dispatch_count,
        first_dispatched_at: c.first_dispatched_at,
        verified_at: c.verified_at,
        resolved_at: c.resolved_at,
        due_at: c.due_at,
        closed_at: c.closed_at,
        cancelled_at: c.cancelled_at,
        last_satisfaction: c.last_satisfaction.clone(),
        peak_level: c.peak_level.clone(),
        verify_due_at: c.verify_due_at,
        cancel_reason: c.cancel_reason.clone(),
    }
}

/// The facts of a case row as it stands, with its property's building.
pub async fn current_facts(db: &impl ConnectionTrait, c: &case::Model) -> StoreResult<Facts> {
    let property = match c.property_id {
        Some(id) => property::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    Ok(facts_of(c, property.as_ref()))
}

/// The facts stored for a case, if any.
pub async fn stored_facts(db: &impl ConnectionTrait, case_id: Uuid) -> StoreResult<Option<Facts>> {
    let mut sql = Sql::new(db.get_database_backend());
    sql.push("SELECT facts FROM stats_case_facts WHERE case_id = ")
        .bind(case_id);
    match db.query_one(sql.statement()).await? {
        Some(row) => parse_stored(row.try_get("", "facts")?).map(Some),
        None => Ok(None),
    }
}

/// The stored facts of the `cases` row of a query, as a column expression (a case read with it
/// need not have its facts read apart): parse it with [`parse_stored`].
pub const STORED_FACTS: &str =
    r#"(SELECT stats_case_facts.facts FROM stats_case_facts WHERE stats_case_facts.case_id = "cases"."id")"#;

/// Stored facts from their text.
pub fn parse_stored(text: String) -> StoreResult<Facts> {
    serde_json::from_str(&text).map_err(|e| StoreError::invalid("stats_case_facts", e.to_string()))
}

pub(super) fn push_fact_values(sql: &mut Sql, case_id: Uuid, facts: &Facts) -> StoreResult<()> {
    let [d, r, c] = facts.durations();
    let json = serde_json::to_string(facts).map_err(|e| StoreError::invalid("stats_case_facts", e.to_string()))?;
    sql.push("(")
        .bind(case_id)
        .push(", ")
        .bind_time(facts.created_at)
        .push(", ")
        .bind(facts.project_id)
        .push(", ")
        .bind(facts.area_id)
        .push(", ")
        .bind(facts.kind.as_str())
        .push(", ")
        .bind(d)
        .push(", ")
        .bind(r)
        .push(", ")
        .bind(c)
        .push(", ")
        .bind(json)
        .push(")");
    Ok(())
}

pub(super) const FACT_COLUMNS: &str = "case_id, created_at, project_id, area_id, kind, d_secs, r_secs, c_secs, facts";

/// `INSERT INTO stats_case_facts … ON CONFLICT DO UPDATE`: stores a case's facts.
pub(super) fn push_save_facts(sql: &mut Sql, case_id: Uuid, facts: &Facts) -> StoreResult<()> {
    sql.push(&format!("INSERT INTO stats_case_facts ({FACT_COLUMNS}) VALUES "));
    push_fact_values(sql, case_id, facts)?;
    sql.push(
        " ON CONFLICT (case_id) DO UPDATE SET created_at = excluded.created_at, project_id = excluded.project_id, \
         area_id = excluded.area_id, kind = excluded.kind, d_secs = excluded.d_secs, r_secs = excluded.r_secs, \
         c_secs = excluded.c_secs, facts = excluded.facts",
    );
    Ok(())
}
