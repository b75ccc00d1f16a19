//! Figures of the case loop's repeats and failed visits (issue #19), counted over the cohort
//! straight from the cases: repeat repairs (二次报修) and satisfaction visits closed because the
//! customer could not be reached — counted apart, never as satisfied.

use sea_orm::ConnectionTrait;

use super::sql::Sql;
use super::StatsFilter;
use crate::{StoreError, StoreResult};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoopFigures {
    /// Repairs that repeat a repair of the same property and category closed shortly before (二次报修).
    pub repeat_repairs: i64,
    /// Cases whose satisfaction visit was closed as unreachable after the last try (no rating).
    pub unreachable_visits: i64,
}

/// The cohort's loop figures (one statement). Both are rare events, so each count starts from
/// a partial index holding only them (migration `m20261207_queue_and_loop_indexes`): the repeats
/// from the cases that repeat another, the unreachable visits from those visits — never from a
/// scan of the period's cases (a year is a third of a million rows at the benchmark's size).
pub async fn loop_figures(db: &impl ConnectionTrait, filter: &StatsFilter) -> StoreResult<LoopFigures> {
    let mut sql = Sql::new(db.get_database_backend());
    sql.push("SELECT (SELECT COUNT(*) FROM cases c WHERE c.repeat_of IS NOT NULL AND");
    filter.push_cohort(&mut sql);
    sql.push(
        ") AS repeats, (SELECT COUNT(DISTINCT c.id) FROM scheduled_visits v JOIN cases c ON c.id = v.case_id \
         WHERE v.purpose = 'satisfaction' AND v.status = 'done' AND v.outcome = 'unreachable' AND",
    );
    filter.push_cohort(&mut sql);
    sql.push(") AS unreachable");
    let row = db
        .query_one(sql.statement())
        .await?
        .ok_or_else(|| StoreError::invalid("stats", "no result"))?;
    Ok(LoopFigures {
        repeat_repairs: row.try_get("", "repeats")?,
        unreachable_visits: row.try_get("", "unreachable")?,
    })
}
