//! The parent and children of a case for its detail view: no statement for a case that is
//! neither (almost all of them), one for a child's parent, two for a parent's children.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::CaseLink;
use crate::entity::{case, customer};
use crate::StoreResult;

fn link_of(row: case::Model, customer_name: Option<String>) -> CaseLink {
    CaseLink {
        id: row.id,
        number: row.number,
        status: row.status.0,
        title: row.title,
        customer_name,
    }
}

/// The incident `found` follows and the cases following it. Children are in the parent's
/// project (linking requires it) and follow its department, so whoever sees the parent sees them.
pub async fn of(db: &impl ConnectionTrait, found: &case::Model) -> StoreResult<(Option<CaseLink>, Vec<CaseLink>)> {
    let parent = match found.parent_id {
        Some(id) => case::Entity::find_by_id(id).one(db).await?.map(|p| link_of(p, None)),
        None => None,
    };
    if found.child_count == 0 {
        return Ok((parent, vec![]));
    }
    let rows = case::Entity::find()
        .filter(case::Column::ParentId.eq(found.id))
        .order_by_asc(case::Column::Id)
        .all(db)
        .await?;
    let customer_ids: Vec<Uuid> = rows.iter().filter_map(|c| c.customer_id).collect();
    let names: HashMap<Uuid, String> = customer::Entity::find()
        .select_only()
        .column(customer::Column::Id)
        .column(customer::Column::Name)
        .filter(customer::Column::Id.is_in(customer_ids))
        .into_tuple::<(Uuid, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let children = rows
        .into_iter()
        .map(|c| {
            let name = c.customer_id.and_then(|id| names.get(&id).cloned());
            link_of(c, name)
        })
        .collect();
    Ok((parent, children))
}
