//! Reading cases: the detail view, lists with filters, queues and keyset pagination.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use huiyin_domain::case::{CaseKind, CaseStatus, Channel, Severity};
use sea_orm::sea_query::{Expr, NullOrdering, Order, SimpleExpr};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

pub use super::detail::{get, record};
use super::{scope, CaseListItem, OPEN_STATUSES};
use crate::customers::property_label;
use crate::entity::{case, category, customer, customer_phone, property};
use crate::page::{self, Page};
use crate::{now, Actor, StoreError, StoreResult};

/// Work queues for the console.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Queue {
    /// Open cases assigned to me.
    Mine,
    /// Open work orders of my department.
    Department,
    /// Registered and not yet dispatched, or dispatched to nobody in particular.
    Unassigned,
    /// Resolved or replied, waiting for the return visit.
    AwaitingVisit,
    /// Still open after the due time.
    Overdue,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CaseSort {
    /// Newest first.
    #[default]
    Created,
    /// Soonest due first; cases without a due time last.
    Due,
}

#[derive(Debug, Clone, Default)]
pub struct ListCases {
    /// One or more statuses, comma-separated: `registered,dispatched`.
    pub status: Option<String>,
    pub kind: Option<CaseKind>,
    pub category_id: Option<Uuid>,
    pub severity: Option<Severity>,
    pub channel: Option<Channel>,
    pub project_id: Option<Uuid>,
    pub area_id: Option<Uuid>,
    pub property_id: Option<Uuid>,
    pub customer_id: Option<Uuid>,
    pub department_id: Option<Uuid>,
    pub assignee_id: Option<Uuid>,
    /// The cases linked to this incident.
    pub parent_id: Option<Uuid>,
    /// Created at or after (RFC 3339).
    pub created_from: Option<DateTime<Utc>>,
    /// Created before (RFC 3339).
    pub created_to: Option<DateTime<Utc>>,
    /// Only cases past their earliest deadline still to be met (`true`), or only the others.
    pub overdue: Option<bool>,
    /// Escalation level.
    pub level: Option<huiyin_domain::sla::escalation::Level>,
    /// Only cases whose cancellation waits for a supervisor's approval (`true`), or only the others.
    pub cancel_requested: Option<bool>,
    /// Number, title, description, customer name or phone (Chinese text included).
    pub q: Option<String>,
    pub queue: Option<Queue>,
    pub sort: Option<CaseSort>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// `status IN ('a', 'b')` with the names inlined, not bound: they are `CaseStatus` names, never
/// the caller's text, and only constants let PostgreSQL's generic plan of the prepared list
/// statement use the partial queue indexes (`ix_cases_open_queue`, `ix_cases_visit_queue`:
/// their predicates must be proved from the query).
fn status_among(values: &[CaseStatus]) -> SimpleExpr {
    let list = values
        .iter()
        .map(|s| format!("'{}'", s.as_str()))
        .collect::<Vec<_>>()
        .join(", ");
    Expr::cust(format!("\"cases\".\"status\" IN ({list})"))
}

/// Past the earliest deadline still to be met. `next_due_at` is empty for closed, cancelled and
/// paused cases, so they are never overdue.
fn overdue_condition(at: DateTime<Utc>) -> Condition {
    Condition::all().add(case::Column::NextDueAt.lt(at))
}

#[tracing::instrument(name = "cases::list", target = "huiyin::store", level = "debug", skip_all)]
pub async fn list(db: &impl ConnectionTrait, actor: &Actor, query: ListCases) -> StoreResult<Page<CaseListItem>> {
    let limit = page::limit(query.limit)?;
    let mut select = case::Entity::find()
        .filter(scope::condition(actor))
        .filter(conditions(db, actor, &query, now()).await?);
    let rows = match query.sort.unwrap_or_default() {
        CaseSort::Created => {
            if let Some(cursor) = &query.cursor {
                select = select.filter(case::Column::Id.lt(page::decode_uuid(cursor)?));
            }
            let rows = select.order_by_desc(case::Column::Id).limit(limit + 1).all(db).await?;
            page::finish(rows, limit, |r| r.id.to_string())
        }
        CaseSort::Due => {
            if let Some(cursor) = &query.cursor {
                select = select.filter(after_due_cursor(cursor)?);
            }
            let rows = select
                .order_by_with_nulls(case::Column::NextDueAt, Order::Asc, NullOrdering::Last)
                .order_by_asc(case::Column::Id)
                .limit(limit + 1)
                .all(db)
                .await?;
            page::finish(rows, limit, |r| {
                format!("{}|{}", r.next_due_at.map(|d| d.to_rfc3339()).unwrap_or_default(), r.id)
            })
        }
    };
    let items = list_items(db, rows.items).await?;
    Ok(Page {
        items,
        next_cursor: rows.next_cursor,
    })
}

/// The query's filters and queue, all of which a case must meet.
async fn conditions(
    db: &impl ConnectionTrait,
    actor: &Actor,
    query: &ListCases,
    at: DateTime<Utc>,
) -> StoreResult<Condition> {
    let mut all = Condition::all();
    if let Some(raw) = query.status.as_deref().filter(|s| !s.trim().is_empty()) {
        all = all.add(status_in(raw)?);
    }
    if let Some(v) = query.kind {
        all = all.add(case::Column::Kind.eq(v.as_str()));
    }
    if let Some(v) = query.level {
        all = all.add(case::Column::Level.eq(v.as_str()));
    }
    if let Some(v) = query.severity {
        all = all.add(case::Column::Severity.eq(v.as_str()));
    }
    if let Some(v) = query.channel {
        all = all.add(case::Column::Channel.eq(v.as_str()));
    }
    if let Some(v) = query.category_id {
        // A parent category matches its children too.
        let children: Vec<Uuid> = category::Entity::find()
            .filter(category::Column::ParentId.eq(v))
            .all(db)
            .await?
            .into_iter()
            .map(|c| c.id)
            .collect();
        all = all.add(case::Column::CategoryId.is_in(std::iter::once(v).chain(children).collect::<Vec<_>>()));
    }
    for (value, column) in [
        (query.project_id, case::Column::ProjectId),
        (query.area_id, case::Column::AreaId),
        (query.property_id, case::Column::PropertyId),
        (query.customer_id, case::Column::CustomerId),
        (query.department_id, case::Column::DepartmentId),
        (query.assignee_id, case::Column::AssigneeId),
        (query.parent_id, case::Column::ParentId),
    ] {
        if let Some(v) = value {
            all = all.add(column.eq(v));
        }
    }
    if let Some(v) = query.created_from {
        all = all.add(case::Column::CreatedAt.gte(v));
    }
    if let Some(v) = query.created_to {
        all = all.add(case::Column::CreatedAt.lt(v));
    }
    match query.overdue {
        Some(true) => all = all.add(overdue_condition(at)),
        Some(false) => all = all.add(Condition::not(overdue_condition(at))),
        None => {}
    }
    match query.cancel_requested {
        Some(true) => all = all.add(case::Column::CancelRequestedAt.is_not_null()),
        Some(false) => all = all.add(case::Column::CancelRequestedAt.is_null()),
        None => {}
    }
    if let Some(q) = query.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        all = all.add(crate::search::cases(actor, q));
    }
    if let Some(queue) = query.queue {
        all = all.add(queue_condition(actor, queue, at)?);
    }
    Ok(all)
}

/// `status=registered,dispatched`: one of the named statuses (422 naming an unknown one).
fn status_in(raw: &str) -> StoreResult<SimpleExpr> {
    let mut wanted = Vec::new();
    for part in raw.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let status =
            CaseStatus::parse(part).ok_or_else(|| StoreError::invalid("status", format!("unknown status '{part}'")))?;
        wanted.push(status);
    }
    Ok(status_among(&wanted))
}

/// The cases of a console work queue.
fn queue_condition(actor: &Actor, queue: Queue, at: DateTime<Utc>) -> StoreResult<Condition> {
    Ok(match queue {
        Queue::Mine => Condition::all()
            .add(case::Column::AssigneeId.eq(actor.user_id))
            .add(status_among(&OPEN_STATUSES)),
        Queue::Department => {
            let department = actor
                .department_id
                .ok_or_else(|| StoreError::invalid("queue", "you do not belong to a department"))?;
            Condition::all()
                .add(case::Column::DepartmentId.eq(department))
                .add(status_among(&[CaseStatus::Dispatched, CaseStatus::InProgress]))
        }
        Queue::Unassigned => Condition::any()
            .add(case::Column::Status.eq(CaseStatus::Registered.as_str()))
            .add(
                Condition::all()
                    .add(case::Column::Status.eq(CaseStatus::Dispatched.as_str()))
                    .add(case::Column::AssigneeId.is_null()),
            ),
        Queue::AwaitingVisit => Condition::all().add(status_among(&[CaseStatus::Resolved, CaseStatus::Visiting])),
        Queue::Overdue => overdue_condition(at),
    })
}

/// Keyset condition for (next_due_at ASC NULLS LAST, id ASC).
fn after_due_cursor(cursor: &str) -> StoreResult<Condition> {
    let bad = || StoreError::invalid("cursor", "is not a cursor this server issued");
    let decoded = page::decode(cursor)?;
    let (due, id) = decoded.split_once('|').ok_or_else(bad)?;
    let id: Uuid = id.parse().map_err(|_| bad())?;
    if due.is_empty() {
        return Ok(Condition::all()
            .add(case::Column::NextDueAt.is_null())
            .add(case::Column::Id.gt(id)));
    }
    let due = DateTime::parse_from_rfc3339(due)
        .map_err(|_| bad())?
        .with_timezone(&Utc);
    Ok(Condition::any()
        .add(case::Column::NextDueAt.gt(due))
        .add(
            Condition::all()
                .add(case::Column::NextDueAt.eq(due))
                .add(case::Column::Id.gt(id)),
        )
        .add(case::Column::NextDueAt.is_null()))
}

async fn list_items(db: &impl ConnectionTrait, cases: Vec<case::Model>) -> StoreResult<Vec<CaseListItem>> {
    let customer_ids: Vec<Uuid> = cases.iter().filter_map(|c| c.customer_id).collect();
    let property_ids: Vec<Uuid> = cases.iter().filter_map(|c| c.property_id).collect();
    // Independent lookups: on a pooled connection they run side by side.
    let (names, properties) = tokio::try_join!(
        customer::Entity::find()
            .select_only()
            .column(customer::Column::Id)
            .column(customer::Column::Name)
            .filter(customer::Column::Id.is_in(customer_ids))
            .into_tuple::<(Uuid, String)>()
            .all(db),
        property::Entity::find()
            .filter(property::Column::Id.is_in(property_ids))
            .all(db),
    )?;
    let names: HashMap<Uuid, String> = names.into_iter().collect();
    let properties: HashMap<Uuid, property::Model> = properties.into_iter().map(|p| (p.id, p)).collect();
    Ok(cases
        .into_iter()
        .map(|c| CaseListItem {
            customer_name: c.customer_id.and_then(|id| names.get(&id).cloned()),
            property_label: c.property_id.and_then(|id| properties.get(&id)).map(property_label),
            case: c,
        })
        .collect())
}

/// A customer matching `condition` with all their phones in order (none when they have none):
/// one statement, the customer row joined with their phones.
pub(super) async fn customer_with_phones(
    db: &impl ConnectionTrait,
    condition: impl sea_orm::sea_query::IntoCondition,
) -> StoreResult<Option<(customer::Model, Vec<String>)>> {
    use sea_orm::sea_query::Expr;
    use sea_orm::{FromQueryResult, JoinType, QueryTrait};
    let phones = customer_phone::Entity::belongs_to(customer::Entity)
        .from(customer_phone::Column::CustomerId)
        .to(customer::Column::Id)
        .into();
    let select = customer::Entity::find()
        .column_as(
            Expr::col((customer_phone::Entity, customer_phone::Column::Phone)),
            "all_phone",
        )
        .join_rev(JoinType::LeftJoin, phones)
        .filter(condition)
        .order_by_asc(customer_phone::Column::Position);
    let rows = db.query_all(select.build(db.get_database_backend())).await?;
    let Some(first) = rows.first() else {
        return Ok(None);
    };
    let found = customer::Model::from_query_result(first, "")?;
    let mut all = Vec::with_capacity(rows.len());
    for row in &rows {
        if let Some(phone) = row.try_get::<Option<String>>("", "all_phone")? {
            all.push(phone);
        }
    }
    Ok(Some((found, all)))
}

/// Recent cases of a customer (for the intake screen's repeat-complaint flag).
pub async fn recent_for_customer(
    db: &impl ConnectionTrait,
    actor: &Actor,
    customer_id: Uuid,
    limit: u64,
) -> StoreResult<Vec<case::Model>> {
    Ok(case::Entity::find()
        .filter(scope::condition(actor))
        .filter(case::Column::CustomerId.eq(customer_id))
        .order_by_desc(case::Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}

/// Whether the case is past its earliest deadline still to be met (never while paused).
pub fn is_overdue(model: &case::Model, at: DateTime<Utc>) -> bool {
    let open = !model.status.0.is_terminal();
    huiyin_domain::sla::is_overdue(model.next_due_at, open, at)
}
