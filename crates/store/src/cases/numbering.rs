//! Per-day, per-prefix case numbers, unique under concurrency: the sequence row is
//! incremented with one atomic upsert inside the creating transaction, so a rolled-back
//! create gives its number back and two creates can never read the same value.

use chrono::{DateTime, Utc};
use huiyin_domain::case::{CaseKind, CaseNumber};
use huiyin_domain::time::business_day;
use sea_orm::sea_query::{Alias, Expr, OnConflict, Query};
use sea_orm::{ConnectionTrait, TryGetable};

use crate::{StoreError, StoreResult};

pub async fn next_number(db: &impl ConnectionTrait, kind: CaseKind, at: DateTime<Utc>) -> StoreResult<CaseNumber> {
    let day = business_day(at);
    let table = Alias::new("case_number_sequences");
    let last = Alias::new("last");
    let statement = Query::insert()
        .into_table(table.clone())
        .columns([Alias::new("prefix"), Alias::new("day"), last.clone()])
        .values_panic([
            kind.number_prefix().into(),
            day.format("%Y%m%d").to_string().into(),
            1.into(),
        ])
        .on_conflict(
            OnConflict::columns([Alias::new("prefix"), Alias::new("day")])
                .value(last.clone(), Expr::col((table, last.clone())).add(1))
                .to_owned(),
        )
        .returning_col(last)
        .to_owned();
    let row = db
        .query_one(db.get_database_backend().build(&statement))
        .await?
        .ok_or_else(|| StoreError::invalid("number", "no sequence returned"))?;
    let sequence = i32::try_get(&row, "", "last").map_err(|e| StoreError::Db(e.into()))?;
    Ok(CaseNumber {
        kind,
        day,
        sequence: sequence as u32,
    })
}
