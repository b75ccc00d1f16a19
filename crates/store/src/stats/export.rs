//! The incremental case export for integrations: every case changed since a time, in a stable
//! `(updated_at, id)` order, so an integration can poll with the last cursor and miss nothing.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use crate::entity::{case, customer, customer_phone};
use crate::page::{self, Page};
use crate::{StoreError, StoreResult};

pub const MAX_EXPORT_PAGE: u64 = 1000;

#[derive(Debug, Clone)]
pub struct ExportedCase {
    pub case: case::Model,
    pub customer_name: Option<String>,
    pub customer_phone: Option<String>,
}

fn after(cursor: &str) -> StoreResult<Condition> {
    let bad = || StoreError::invalid("cursor", "is not a cursor this server issued");
    let decoded = page::decode(cursor)?;
    let (at, id) = decoded.split_once('|').ok_or_else(bad)?;
    let at = DateTime::parse_from_rfc3339(at).map_err(|_| bad())?.with_timezone(&Utc);
    let id: Uuid = id.parse().map_err(|_| bad())?;
    Ok(Condition::any().add(case::Column::UpdatedAt.gt(at)).add(
        Condition::all()
            .add(case::Column::UpdatedAt.eq(at))
            .add(case::Column::Id.gt(id)),
    ))
}

pub async fn export(
    db: &impl ConnectionTrait,
    allowed_projects: Option<&[Uuid]>,
    updated_since: Option<DateTime<Utc>>,
    limit: Option<u64>,
    cursor: Option<&str>,
) -> StoreResult<Page<ExportedCase>> {
    let limit = match limit {
        None => MAX_EXPORT_PAGE,
        Some(n) if (1..=MAX_EXPORT_PAGE).contains(&n) => n,
        Some(_) => {
            return Err(StoreError::invalid(
                "limit",
                format!("must be between 1 and {MAX_EXPORT_PAGE}"),
            ))
        }
    };
    let mut select = case::Entity::find()
        .order_by_asc(case::Column::UpdatedAt)
        .order_by_asc(case::Column::Id);
    if let Some(projects) = allowed_projects {
        select = select.filter(case::Column::ProjectId.is_in(projects.to_vec()));
    }
    if let Some(since) = updated_since {
        select = select.filter(case::Column::UpdatedAt.gte(since));
    }
    if let Some(cursor) = cursor {
        select = select.filter(after(cursor)?);
    }
    let rows = select.limit(limit + 1).all(db).await?;
    let page = page::finish(rows, limit, |r| format!("{}|{}", r.updated_at.to_rfc3339(), r.id));
    let customer_ids: Vec<Uuid> = page.items.iter().filter_map(|c| c.customer_id).collect();
    let names: HashMap<Uuid, String> = customer::Entity::find()
        .filter(customer::Column::Id.is_in(customer_ids.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let mut phones: HashMap<Uuid, String> = HashMap::new();
    for p in customer_phone::Entity::find()
        .filter(customer_phone::Column::CustomerId.is_in(customer_ids))
        .order_by_desc(customer_phone::Column::Position)
        .all(db)
        .await?
    {
        phones.insert(p.customer_id, p.phone);
    }
    let items = page
        .items
        .into_iter()
        .map(|c| ExportedCase {
            customer_name: c.customer_id.and_then(|id| names.get(&id).cloned()),
            customer_phone: c.customer_id.and_then(|id| phones.get(&id).cloned()),
            case: c,
        })
        .collect();
    Ok(Page {
        items,
        next_cursor: page.next_cursor,
    })
}
