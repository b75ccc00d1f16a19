//! Applying an arrears import, all or nothing, in one transaction. A row opens or updates the
//! open arrears of its property and fee item; the same `(property, fee_item, as_of)` with the
//! same figures changes nothing; a property a later import no longer lists for a fee item (or
//! lists with 0 months) is settled. `receivable`/`received`, when given, are kept per property,
//! fee item and month for the collection rate.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use huiyin_domain::arrears::row::ArrearsRow;
use huiyin_domain::arrears::{ArrearsPolicy, ArrearsStatus, Stage};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QuerySelect, Set,
    TransactionTrait,
};
use uuid::Uuid;

use super::parse::{Placed, Problems};
use crate::entity::{arrears, arrears_collection, arrears_import, project, property};
use crate::wire::Wire;
use crate::{new_id, now, StoreError, StoreResult};

/// Who imported: a signed-in user or an integration's API key.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportedBy {
    pub user_id: Option<Uuid>,
    pub api_key_id: Option<Uuid>,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSummary {
    pub id: Uuid,
    pub rows: usize,
    pub opened: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub settled: usize,
}

type Key = (Uuid, String);

/// Resolves every row's property; a missing one or a repeated `(property, fee item)` is a line error.
async fn resolve(
    db: &impl ConnectionTrait,
    project_id: Uuid,
    rows: Vec<Placed>,
    errors: &mut Problems,
) -> StoreResult<Vec<(Placed, property::Model)>> {
    let rooms: HashMap<(String, String, String), property::Model> = property::Entity::find()
        .filter(property::Column::ProjectId.eq(project_id))
        .all(db)
        .await?
        .into_iter()
        .map(|p| ((p.building.clone(), p.unit.clone(), p.room.clone()), p))
        .collect();
    let mut seen = HashSet::new();
    let mut resolved = Vec::with_capacity(rows.len());
    for placed in rows {
        let r = &placed.row;
        let Some(room) = rooms.get(&(r.building.clone(), r.unit.clone(), r.room.clone())) else {
            errors.push((
                placed.place.clone(),
                format!("no property {} {} {} in this project", r.building, r.unit, r.room),
            ));
            continue;
        };
        if !seen.insert((room.id, r.fee_item.clone())) {
            errors.push((
                placed.place.clone(),
                format!(
                    "{} {} {} {} appears twice in the file",
                    r.building, r.unit, r.room, r.fee_item
                ),
            ));
            continue;
        }
        resolved.push((placed, room.clone()));
    }
    Ok(resolved)
}

fn sort_problems(errors: &mut Problems) {
    errors.sort_by_key(|(place, _)| {
        place
            .split_once(' ')
            .and_then(|(_, n)| n.parse::<usize>().ok())
            .unwrap_or(0)
    });
}

/// Imports checked rows (from [`super::parse`]) into `project_id`; `errors` are the parse
/// problems, reported together with the ones found here. Nothing is written unless all is well.
pub async fn apply<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    project_id: Uuid,
    by: ImportedBy,
    rows: Vec<Placed>,
    mut errors: Problems,
) -> StoreResult<ImportSummary> {
    if project::Entity::find_by_id(project_id).one(db).await?.is_none() {
        return Err(StoreError::invalid("project_id", "no such project"));
    }
    let resolved = resolve(db, project_id, rows, &mut errors).await?;
    if !errors.is_empty() {
        sort_problems(&mut errors);
        return Err(StoreError::InvalidMany(errors));
    }
    let (policy, _) = super::policy::get(db, project_id).await?;
    let txn = db.begin().await?;
    let mut summary = ImportSummary {
        id: new_id(),
        rows: resolved.len(),
        opened: 0,
        updated: 0,
        unchanged: 0,
        settled: 0,
    };
    let at = now();
    let open = open_arrears(&txn, project_id).await?;
    let settled = settled_as_of(&txn, project_id).await?;
    let mut latest: HashMap<String, NaiveDate> = HashMap::new();
    let mut listed: HashSet<Key> = HashSet::new();
    let mut new_rows = Vec::new();
    for (placed, room) in &resolved {
        let row = &placed.row;
        let key = (room.id, row.fee_item.clone());
        listed.insert(key.clone());
        let newest = latest.entry(row.fee_item.clone()).or_insert(row.as_of);
        *newest = (*newest).max(row.as_of);
        match (open.get(&key), row.is_paid()) {
            (Some(current), true) if current.as_of <= row.as_of => {
                settle(&txn, current.id, row.as_of, at).await?;
                summary.settled += 1;
            }
            (Some(current), false) => match change(current, row, &policy, at) {
                Some(changed) => {
                    changed.update(&txn).await?;
                    summary.updated += 1;
                }
                None => summary.unchanged += 1,
            },
            (None, false) if settled.get(&key).is_some_and(|s| *s >= row.as_of) => summary.unchanged += 1,
            (None, false) => {
                new_rows.push(opened(project_id, room, row, &policy, at));
                summary.opened += 1;
            }
            _ => summary.unchanged += 1,
        }
    }
    let mut new_rows = new_rows.into_iter().peekable();
    while new_rows.peek().is_some() {
        let chunk: Vec<_> = new_rows.by_ref().take(200).collect();
        arrears::Entity::insert_many(chunk).exec(&txn).await?;
    }
    for (key, row) in &open {
        let newest = latest.get(&key.1).copied().filter(|newest| row.as_of < *newest);
        if let Some(newest) = newest.filter(|_| !listed.contains(key)) {
            settle(&txn, row.id, newest, at).await?;
            summary.settled += 1;
        }
    }
    collections(&txn, project_id, &resolved, at).await?;
    log(&txn, project_id, by, &summary, at).await?;
    txn.commit().await?;
    Ok(summary)
}

/// The project's open arrears by (property, fee item).
async fn open_arrears(txn: &DatabaseTransaction, project_id: Uuid) -> StoreResult<HashMap<Key, arrears::Model>> {
    Ok(arrears::Entity::find()
        .filter(arrears::Column::ProjectId.eq(project_id))
        .filter(arrears::Column::Status.eq(ArrearsStatus::Open.as_str()))
        .all(txn)
        .await?
        .into_iter()
        .map(|a| ((a.property_id, a.fee_item.clone()), a))
        .collect())
}

/// When each (property, fee item) of the project was last known paid: older figures do not reopen it.
async fn settled_as_of(txn: &DatabaseTransaction, project_id: Uuid) -> StoreResult<HashMap<Key, NaiveDate>> {
    let mut settled: HashMap<Key, NaiveDate> = HashMap::new();
    for (property_id, fee_item, as_of) in arrears::Entity::find()
        .select_only()
        .column(arrears::Column::PropertyId)
        .column(arrears::Column::FeeItem)
        .column(arrears::Column::SettledAsOf)
        .filter(arrears::Column::ProjectId.eq(project_id))
        .filter(arrears::Column::SettledAsOf.is_not_null())
        .into_tuple::<(Uuid, String, NaiveDate)>()
        .all(txn)
        .await?
    {
        let known = settled.entry((property_id, fee_item)).or_insert(as_of);
        *known = (*known).max(as_of);
    }
    Ok(settled)
}

fn opened(
    project_id: Uuid,
    room: &property::Model,
    row: &ArrearsRow,
    policy: &ArrearsPolicy,
    at: DateTime<Utc>,
) -> arrears::ActiveModel {
    arrears::ActiveModel {
        id: Set(new_id()),
        project_id: Set(project_id),
        property_id: Set(room.id),
        area_id: Set(room.area_id),
        fee_item: Set(row.fee_item.clone()),
        months: Set(i32::try_from(row.months).unwrap_or(i32::MAX)),
        amount_fen: Set(row.amount.fen()),
        as_of: Set(row.as_of),
        stage: Set(Wire(policy.stage_for(row.months))),
        notified_stage: Set(Wire(Stage::Steward)),
        status: Set(Wire(ArrearsStatus::Open)),
        imported_at: Set(at),
        contact_due_at: Set(at + Duration::days(i64::from(policy.contact_days))),
        warned_at: Set(None),
        last_contact_at: Set(None),
        last_contact_id: Set(None),
        contacts_count: Set(0),
        case_id: Set(None),
        legal_decision: Set(None),
        legal_reason: Set(None),
        legal_decided_by: Set(None),
        legal_decided_at: Set(None),
        settled_at: Set(None),
        settled_as_of: Set(None),
        created_at: Set(at),
        updated_at: Set(at),
        version: Set(1),
    }
}

/// The update a row brings to an open arrears, or `None` when it changes nothing (the same
/// figures again, or figures older than those kept).
fn change(
    current: &arrears::Model,
    row: &ArrearsRow,
    policy: &ArrearsPolicy,
    at: DateTime<Utc>,
) -> Option<arrears::ActiveModel> {
    let months = i32::try_from(row.months).unwrap_or(i32::MAX);
    if row.as_of < current.as_of
        || (row.as_of == current.as_of && months == current.months && row.amount.fen() == current.amount_fen)
    {
        return None;
    }
    let stage = policy.stage_for(row.months);
    let notified = current.notified_stage.0;
    let mut model: arrears::ActiveModel = current.clone().into();
    model.months = Set(months);
    model.amount_fen = Set(row.amount.fen());
    model.stage = Set(Wire(stage));
    // Paying part of it lowers the stage; a later rise is announced again.
    model.notified_stage = Set(Wire(notified.min(stage)));
    if row.as_of != current.as_of {
        // A new month's figures: the steward's contact window starts again.
        model.as_of = Set(row.as_of);
        model.imported_at = Set(at);
        model.contact_due_at = Set(at + Duration::days(i64::from(policy.contact_days)));
        model.warned_at = Set(None);
    }
    model.updated_at = Set(at);
    model.version = Set(current.version + 1);
    Some(model)
}

async fn settle(txn: &DatabaseTransaction, id: Uuid, as_of: NaiveDate, at: DateTime<Utc>) -> StoreResult<()> {
    arrears::Entity::update_many()
        .col_expr(arrears::Column::Status, Expr::value(ArrearsStatus::Settled.as_str()))
        .col_expr(arrears::Column::SettledAt, Expr::value(at))
        .col_expr(arrears::Column::SettledAsOf, Expr::value(as_of))
        .col_expr(arrears::Column::UpdatedAt, Expr::value(at))
        .col_expr(arrears::Column::Version, Expr::col(arrears::Column::Version).add(1))
        .filter(arrears::Column::Id.eq(id))
        .exec(txn)
        .await?;
    Ok(())
}

/// Keeps each row's receivable/received for the month of its `as_of` (one per property, fee item, month).
async fn collections(
    txn: &DatabaseTransaction,
    project_id: Uuid,
    rows: &[(Placed, property::Model)],
    at: DateTime<Utc>,
) -> StoreResult<()> {
    let wanted: Vec<_> = rows
        .iter()
        .filter_map(|(p, room)| p.row.collection.map(|c| (p, room, c)))
        .collect();
    if wanted.is_empty() {
        return Ok(());
    }
    let months: HashSet<String> = wanted
        .iter()
        .map(|(p, ..)| p.row.as_of.format("%Y-%m").to_string())
        .collect();
    let kept: HashMap<(Uuid, String, String), arrears_collection::Model> = arrears_collection::Entity::find()
        .filter(arrears_collection::Column::ProjectId.eq(project_id))
        .filter(arrears_collection::Column::Month.is_in(months))
        .all(txn)
        .await?
        .into_iter()
        .map(|c| ((c.property_id, c.fee_item.clone(), c.month.clone()), c))
        .collect();
    let mut fresh = Vec::new();
    for (placed, room, (receivable, received)) in wanted {
        let month = placed.row.as_of.format("%Y-%m").to_string();
        match kept.get(&(room.id, placed.row.fee_item.clone(), month.clone())) {
            Some(c) if c.receivable_fen == receivable.fen() && c.received_fen == received.fen() => {}
            Some(c) => {
                let mut model: arrears_collection::ActiveModel = c.clone().into();
                model.receivable_fen = Set(receivable.fen());
                model.received_fen = Set(received.fen());
                model.area_id = Set(room.area_id);
                model.updated_at = Set(at);
                model.update(txn).await?;
            }
            None => fresh.push(arrears_collection::ActiveModel {
                id: Set(new_id()),
                project_id: Set(project_id),
                property_id: Set(room.id),
                area_id: Set(room.area_id),
                fee_item: Set(placed.row.fee_item.clone()),
                month: Set(month),
                receivable_fen: Set(receivable.fen()),
                received_fen: Set(received.fen()),
                updated_at: Set(at),
            }),
        }
    }
    let mut fresh = fresh.into_iter().peekable();
    while fresh.peek().is_some() {
        let chunk: Vec<_> = fresh.by_ref().take(200).collect();
        arrears_collection::Entity::insert_many(chunk)
            .exec(txn)
            .await
            .map_err(|e| {
                crate::error::unique_as_conflict(e, "file", "another import ran at the same time; import again")
            })?;
    }
    Ok(())
}

async fn log(
    txn: &DatabaseTransaction,
    project_id: Uuid,
    by: ImportedBy,
    summary: &ImportSummary,
    at: DateTime<Utc>,
) -> StoreResult<()> {
    let count = |n: usize| i32::try_from(n).unwrap_or(i32::MAX);
    arrears_import::ActiveModel {
        id: Set(summary.id),
        project_id: Set(project_id),
        rows: Set(count(summary.rows)),
        opened: Set(count(summary.opened)),
        updated: Set(count(summary.updated)),
        unchanged: Set(count(summary.unchanged)),
        settled: Set(count(summary.settled)),
        imported_by: Set(by.user_id),
        api_key_id: Set(by.api_key_id),
        created_at: Set(at),
    }
    .insert(txn)
    .await?;
    Ok(())
}
