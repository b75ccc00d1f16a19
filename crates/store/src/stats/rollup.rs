//! Keeping the statistics roll-ups exact: every case change records its deltas in its own
//! transaction. What a case contributes, and to which rows, is pure arithmetic in
//! [`huiyin_domain::stats::rollup`]; the case's [`super::facts`] are stored with it.
//!
//! [`refresh`] recomputes one case's facts and records the difference between the old
//! contribution and the new one as deltas (`super::fold`: the worker folds them into the
//! roll-ups, readers add the unfolded ones) and stores the new facts. [`rebuild_all`]
//! recomputes everything from the cases (`super::rebuild`).

use sea_orm::{ConnectionTrait, EntityTrait, QuerySelect, Statement, TransactionTrait};
use uuid::Uuid;

use super::facts::{current_facts, facts_of, stored_facts};
use crate::entity::{case, property};
use crate::{StoreError, StoreResult};

/// Brings the roll-ups up to date with case `case_id`, inside the caller's transaction. Call it
/// after every change to a case (registration, every action).
pub async fn refresh(db: &impl ConnectionTrait, case_id: Uuid) -> StoreResult<()> {
    let Some(found) = case::Entity::find_by_id(case_id).one(db).await? else {
        return Ok(());
    };
    let facts = current_facts(db, &found).await?;
    let old = stored_facts(db, case_id).await?;
    super::fold::record(db, case_id, old.as_ref(), &facts).await
}

/// Refreshes every case of a property (its building decides the `building` breakdown).
pub async fn refresh_property(db: &impl ConnectionTrait, property_id: Uuid) -> StoreResult<()> {
    use sea_orm::{ColumnTrait, QueryFilter};
    let ids: Vec<Uuid> = case::Entity::find()
        .select_only()
        .column(case::Column::Id)
        .filter(case::Column::PropertyId.eq(property_id))
        .into_tuple()
        .all(db)
        .await?;
    for id in ids {
        refresh(db, id).await?;
    }
    Ok(())
}

/// Builds the roll-ups once for a database whose cases predate them (the first start after the
/// migration that created them, or a bulk load that wrote cases directly).
pub async fn build_if_missing<C: ConnectionTrait + TransactionTrait>(db: &C) -> StoreResult<()> {
    let any = |table: &str| format!("SELECT EXISTS (SELECT 1 FROM {table}) AS x");
    let exists = |sql: String| async move {
        let row = db
            .query_one(Statement::from_string(db.get_database_backend(), sql))
            .await?;
        Ok::<bool, StoreError>(match row {
            Some(row) => row
                .try_get::<bool>("", "x")
                .or_else(|_| row.try_get::<i32>("", "x").map(|v| v != 0))?,
            None => false,
        })
    };
    if exists(any("cases")).await? && !exists(any("stats_case_facts")).await? {
        let n = rebuild_all(db).await?;
        tracing::info!(cases = n, "built the statistics roll-ups");
    }
    Ok(())
}

/// [`super::rebuild::rebuild`] in its own transaction.
pub async fn rebuild_all<C: ConnectionTrait + TransactionTrait>(db: &C) -> StoreResult<u64> {
    let txn = db.begin().await?;
    let n = super::rebuild::rebuild(&txn).await?;
    txn.commit().await?;
    Ok(n)
}

/// [`refresh`] for a case registered in this transaction: its row and property are at hand and it
/// has no stored facts yet, so the three reads `refresh` starts with are skipped. Registration
/// holds the day's number-sequence row and the roll-up rows until commit, so every round trip
/// saved here is time no other registration waits (`make bench-load`).
pub async fn add_new(
    db: &impl ConnectionTrait,
    created: &case::Model,
    property: Option<&property::Model>,
) -> StoreResult<()> {
    let facts = facts_of(created, property);
    super::fold::record(db, created.id, None, &facts).await
}
