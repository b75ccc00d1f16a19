//! An area's visit coverage in a Beijing month and the steward's worklist (households not yet
//! visited this month, key customers first, with their open cases).

use std::collections::{BTreeSet, HashMap};

use huiyin_domain::steward::coverage::{compute, worklist, Coverage, VisitFact};
use huiyin_domain::steward::month::Month;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::{area_in_scope, plans, stored_list};
use crate::cases::OPEN_STATUSES;
use crate::entity::{area, case, customer, customer_property, property, steward_visit};
use crate::{Actor, StoreResult};

/// An area's coverage with its plan's target.
#[derive(Debug, Clone)]
pub struct AreaCoverage {
    pub area: area::Model,
    pub month: Month,
    pub target: f64,
    pub figures: Coverage<Uuid>,
}

struct AreaFacts {
    households: Vec<property::Model>,
    visits: Vec<VisitFact<Uuid>>,
    /// Key customer → their properties in the area.
    key: HashMap<Uuid, Vec<Uuid>>,
    target: f64,
}

async fn facts(db: &impl ConnectionTrait, area_id: Uuid, month: Month) -> StoreResult<AreaFacts> {
    let households = property::Entity::find()
        .filter(property::Column::AreaId.eq(area_id))
        .order_by_asc(property::Column::Building)
        .order_by_asc(property::Column::Unit)
        .order_by_asc(property::Column::Room)
        .order_by_asc(property::Column::Id)
        .all(db)
        .await?;
    let visits = steward_visit::Entity::find()
        .filter(steward_visit::Column::AreaId.eq(area_id))
        .filter(steward_visit::Column::Month.eq(month.to_string()))
        .all(db)
        .await?
        .into_iter()
        .map(|v| VisitFact {
            property: v.property_id,
            customer: v.customer_id,
            steward: v.steward_id,
            reached: v.reached,
        })
        .collect();
    let plan = plans::plan_of(db, area_id).await?;
    let mut key: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    if !plan.key_tags.is_empty() && !households.is_empty() {
        let links = customer_property::Entity::find()
            .filter(customer_property::Column::PropertyId.is_in(households.iter().map(|h| h.id).collect::<Vec<_>>()))
            .all(db)
            .await?;
        let people = customer::Entity::find()
            .filter(customer::Column::Id.is_in(links.iter().map(|l| l.customer_id).collect::<Vec<_>>()))
            .all(db)
            .await?;
        for person in people {
            let tags = stored_list(&person.tags, "customers", person.id, "tags")?;
            if tags.iter().any(|t| plan.key_tags.contains(t)) {
                let homes = links
                    .iter()
                    .filter(|l| l.customer_id == person.id)
                    .map(|l| l.property_id)
                    .collect();
                key.insert(person.id, homes);
            }
        }
    }
    Ok(AreaFacts {
        households,
        visits,
        key,
        target: plan.monthly_target,
    })
}

/// The coverage of an area of the actor's in `month`.
pub async fn of_area(
    db: &impl ConnectionTrait,
    actor: &Actor,
    area_id: Uuid,
    month: Month,
) -> StoreResult<AreaCoverage> {
    let area = area_in_scope(db, actor, area_id).await?;
    unchecked(db, area, month).await
}

/// The coverage of an area without a scope check (reports already filtered by project).
pub async fn unchecked(db: &impl ConnectionTrait, area: area::Model, month: Month) -> StoreResult<AreaCoverage> {
    let facts = facts(db, area.id, month).await?;
    let ids: Vec<Uuid> = facts.households.iter().map(|h| h.id).collect();
    Ok(AreaCoverage {
        area,
        month,
        target: facts.target,
        figures: compute(&ids, &facts.visits, &facts.key),
    })
}

/// A household still to visit.
#[derive(Debug, Clone)]
pub struct WorkItem {
    pub property: property::Model,
    pub key_customer: bool,
    pub customers: Vec<customer::Model>,
    pub open_cases: Vec<case::Model>,
}

/// Households of the area not yet visited in `month`, key customers first, at most `limit`.
pub async fn worklist_of(
    db: &impl ConnectionTrait,
    actor: &Actor,
    area_id: Uuid,
    month: Month,
    limit: usize,
) -> StoreResult<Vec<WorkItem>> {
    area_in_scope(db, actor, area_id).await?;
    let facts = facts(db, area_id, month).await?;
    let ids: Vec<Uuid> = facts.households.iter().map(|h| h.id).collect();
    let visited: BTreeSet<Uuid> = facts.visits.iter().map(|v| v.property).collect();
    let key_homes: BTreeSet<Uuid> = facts.key.values().flatten().copied().collect();
    let order: Vec<Uuid> = worklist(&ids, &visited, &key_homes).into_iter().take(limit).collect();
    let links = customer_property::Entity::find()
        .filter(customer_property::Column::PropertyId.is_in(order.clone()))
        .all(db)
        .await?;
    let people: HashMap<Uuid, customer::Model> = customer::Entity::find()
        .filter(customer::Column::Id.is_in(links.iter().map(|l| l.customer_id).collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let open = case::Entity::find()
        .filter(case::Column::PropertyId.is_in(order.clone()))
        .filter(case::Column::Status.is_in(OPEN_STATUSES.iter().map(|s| s.as_str()).collect::<Vec<_>>()))
        .order_by_asc(case::Column::Id)
        .all(db)
        .await?;
    let by_id: HashMap<Uuid, &property::Model> = facts.households.iter().map(|h| (h.id, h)).collect();
    Ok(order
        .into_iter()
        .filter_map(|id| by_id.get(&id).map(|p| (*p).clone()))
        .map(|p| WorkItem {
            key_customer: key_homes.contains(&p.id),
            customers: links
                .iter()
                .filter(|l| l.property_id == p.id)
                .filter_map(|l| people.get(&l.customer_id).cloned())
                .collect(),
            open_cases: open.iter().filter(|c| c.property_id == Some(p.id)).cloned().collect(),
            property: p,
        })
        .collect())
}
