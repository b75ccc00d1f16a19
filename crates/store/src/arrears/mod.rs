//! Fee arrears (欠费催缴): imported from the billing system (`import`), chased by the area's
//! steward with a contact log (`contacts`), escalated by months owed and watched by the worker
//! (`sweep`), and counted per area and month (`stats`). Reads here; every row comes back typed,
//! and a stored value the code does not know is an error naming the row.

pub mod contacts;
pub mod import;
pub mod parse;
pub mod policy;
pub mod stats;
pub mod sweep;
mod views;

use chrono::{DateTime, NaiveDate, Utc};
use huiyin_domain::arrears::{ArrearsStatus, ContactMethod, ContactReason, ContactResult, LegalDecision, Stage};
use huiyin_domain::case::CaseStatus;
use huiyin_domain::money::Money;
use huiyin_domain::permission::{case_scope, CaseScope};
use huiyin_domain::role::Role;
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use crate::entity::{area, arrears, customer_property};
use crate::page::{self, Page};
use crate::{Actor, StoreError, StoreResult};

pub use views::records;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PropertyRef {
    pub id: Uuid,
    pub area_id: Option<Uuid>,
    pub building: String,
    pub unit: String,
    pub room: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerRef {
    pub id: Uuid,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactRecord {
    pub id: Uuid,
    pub arrears_id: Uuid,
    pub method: ContactMethod,
    pub result: ContactResult,
    pub reason: Option<ContactReason>,
    pub note: Option<String>,
    pub promised_on: Option<NaiveDate>,
    pub case_id: Option<Uuid>,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkedCase {
    pub id: Uuid,
    pub number: String,
    pub status: CaseStatus,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegalRecord {
    pub decision: LegalDecision,
    pub reason: Option<String>,
    pub decided_by: Option<Uuid>,
    pub decided_at: Option<DateTime<Utc>>,
}

/// An arrears as lists and details show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArrearsRecord {
    pub id: Uuid,
    pub project_id: Uuid,
    pub property: PropertyRef,
    pub customer: Option<CustomerRef>,
    pub fee_item: String,
    pub months: u32,
    pub amount: Money,
    pub as_of: NaiveDate,
    pub stage: Stage,
    pub status: ArrearsStatus,
    /// The steward of the property's area, who chases it.
    pub owner_id: Option<Uuid>,
    pub last_contact: Option<ContactRecord>,
    pub contacts_count: u32,
    pub open_case: Option<LinkedCase>,
    pub legal: Option<LegalRecord>,
    pub imported_at: DateTime<Utc>,
    pub contact_due_at: DateTime<Utc>,
    pub settled_at: Option<DateTime<Utc>>,
    pub version: i32,
}

/// Which arrears the actor sees: admins all; managers, supervisors and agents their projects';
/// stewards their areas'; everyone else none.
pub fn scope(actor: &Actor) -> Condition {
    let in_projects = || arrears::Column::ProjectId.is_in(actor.project_ids.clone());
    let nothing = || Condition::all().add(arrears::Column::Id.eq(Uuid::nil()));
    match (actor.role, case_scope(actor.role)) {
        (_, CaseScope::Everything) => Condition::all(),
        (Role::Manager | Role::Supervisor | Role::Agent, _) => Condition::all().add(in_projects()),
        (Role::Steward, _) => {
            let areas = Query::select()
                .column(area::Column::Id)
                .from(area::Entity)
                .and_where(area::Column::StewardId.eq(actor.user_id))
                .to_owned();
            Condition::all()
                .add(in_projects())
                .add(arrears::Column::AreaId.in_subquery(areas))
        }
        _ => nothing(),
    }
}

/// One arrears row in the actor's scope (404 otherwise).
pub async fn find(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<arrears::Model> {
    arrears::Entity::find_by_id(id)
        .filter(scope(actor))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)
}

pub async fn get(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<ArrearsRecord> {
    let found = find(db, actor, id).await?;
    records(db, vec![found]).await?.pop().ok_or(StoreError::NotFound)
}

/// Filters of the arrears list.
#[derive(Debug, Clone, Default)]
pub struct ListArrears {
    pub project_id: Option<Uuid>,
    pub area_id: Option<Uuid>,
    pub property_id: Option<Uuid>,
    pub fee_item: Option<String>,
    pub min_months: Option<u32>,
    pub stage: Option<Stage>,
    /// Open by default.
    pub status: Option<ArrearsStatus>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// Arrears in scope, newest first, with cursor pages.
pub async fn list(db: &impl ConnectionTrait, actor: &Actor, query: ListArrears) -> StoreResult<Page<ArrearsRecord>> {
    let limit = page::limit(query.limit)?;
    let status = query.status.unwrap_or(ArrearsStatus::Open);
    let mut select = arrears::Entity::find()
        .filter(scope(actor))
        .filter(arrears::Column::Status.eq(status.as_str()));
    if let Some(project) = query.project_id {
        select = select.filter(arrears::Column::ProjectId.eq(project));
    }
    if let Some(area) = query.area_id {
        select = select.filter(arrears::Column::AreaId.eq(area));
    }
    if let Some(property) = query.property_id {
        select = select.filter(arrears::Column::PropertyId.eq(property));
    }
    if let Some(fee_item) = query.fee_item.as_deref().map(str::trim).filter(|f| !f.is_empty()) {
        select = select.filter(arrears::Column::FeeItem.eq(fee_item));
    }
    if let Some(months) = query.min_months {
        select = select.filter(arrears::Column::Months.gte(i32::try_from(months).unwrap_or(i32::MAX)));
    }
    if let Some(stage) = query.stage {
        select = select.filter(arrears::Column::Stage.eq(stage.as_str()));
    }
    if let Some(cursor) = &query.cursor {
        select = select.filter(arrears::Column::Id.lt(page::decode_uuid(cursor)?));
    }
    let rows = select
        .order_by_desc(arrears::Column::Id)
        .limit(limit + 1)
        .all(db)
        .await?;
    let Page { items, next_cursor } = page::finish(rows, limit, |a| a.id.to_string());
    Ok(Page {
        items: records(db, items).await?,
        next_cursor,
    })
}

/// A resident's own open arrears: those of the properties linked to their customer record.
pub async fn for_resident(db: &impl ConnectionTrait, actor: &Actor) -> StoreResult<Vec<ArrearsRecord>> {
    let Some(customer_id) = actor.customer_id else {
        return Ok(vec![]);
    };
    let mine = Query::select()
        .column(customer_property::Column::PropertyId)
        .from(customer_property::Entity)
        .and_where(customer_property::Column::CustomerId.eq(customer_id))
        .to_owned();
    let rows = arrears::Entity::find()
        .filter(arrears::Column::PropertyId.in_subquery(mine))
        .filter(arrears::Column::Status.eq(ArrearsStatus::Open.as_str()))
        .order_by_asc(arrears::Column::AsOf)
        .order_by_asc(arrears::Column::Id)
        .limit(200)
        .all(db)
        .await?;
    records(db, rows).await
}
