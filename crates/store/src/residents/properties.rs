//! The properties a resident owns, rents or lives in (their customer's `customer_properties`).

use std::collections::HashMap;

use huiyin_domain::customer::Relation;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::entity::{customer_property, project, property};
use crate::{Actor, StoreError, StoreResult};

/// A property of the resident, with how they relate to it and its project.
#[derive(Debug, Clone)]
pub struct ResidentProperty {
    pub property: property::Model,
    pub relation: Relation,
    pub project: Option<project::Model>,
}

/// The property `property_id` if the customer is linked to it.
pub async fn own_property(
    db: &impl ConnectionTrait,
    customer_id: Uuid,
    property_id: Uuid,
) -> StoreResult<Option<property::Model>> {
    let linked = customer_property::Entity::find_by_id((customer_id, property_id))
        .one(db)
        .await?
        .is_some();
    if !linked {
        return Ok(None);
    }
    Ok(property::Entity::find_by_id(property_id).one(db).await?)
}

async fn load(db: &impl ConnectionTrait, customer_id: Uuid, only: Option<Uuid>) -> StoreResult<Vec<ResidentProperty>> {
    let mut links = customer_property::Entity::find().filter(customer_property::Column::CustomerId.eq(customer_id));
    if let Some(id) = only {
        links = links.filter(customer_property::Column::PropertyId.eq(id));
    }
    let links = links.all(db).await?;
    let relations: HashMap<Uuid, Relation> = links.iter().map(|l| (l.property_id, l.relation.0)).collect();
    let properties = property::Entity::find()
        .filter(property::Column::Id.is_in(relations.keys().copied().collect::<Vec<_>>()))
        .order_by_asc(property::Column::Building)
        .order_by_asc(property::Column::Unit)
        .order_by_asc(property::Column::Room)
        .order_by_asc(property::Column::Id)
        .all(db)
        .await?;
    let projects: HashMap<Uuid, project::Model> = project::Entity::find()
        .filter(project::Column::Id.is_in(properties.iter().map(|p| p.project_id).collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    Ok(properties
        .into_iter()
        .map(|p| ResidentProperty {
            relation: relations.get(&p.id).copied().unwrap_or(Relation::Owner),
            project: projects.get(&p.project_id).cloned(),
            property: p,
        })
        .collect())
}

fn customer_of(actor: &Actor) -> StoreResult<Uuid> {
    actor
        .customer_id
        .ok_or_else(|| StoreError::Forbidden("this login is not linked to a customer".into()))
}

/// Every property of the resident (a household has a handful, so no pagination).
pub async fn list(db: &impl ConnectionTrait, actor: &Actor) -> StoreResult<Vec<ResidentProperty>> {
    load(db, customer_of(actor)?, None).await
}

/// One property of the resident; 404 for anyone else's.
pub async fn get(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<ResidentProperty> {
    load(db, customer_of(actor)?, Some(id))
        .await?
        .pop()
        .ok_or(StoreError::NotFound)
}
