//! The coverage of many areas at once (the monthly report, the breakdown by area): one
//! statement each for the households, the month's visits, the plans and the key customers'
//! homes, whatever the number of areas. Area by area it was three to five statements each: 90
//! of the 135 statements of a monthly report over 30 areas (`make bench-load`, 2026-12-07).

use std::collections::HashMap;

use huiyin_domain::steward::coverage::{compute, VisitFact};
use huiyin_domain::steward::month::Month;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::coverage::AreaCoverage;
use super::plans::{from_row, VisitPlan};
use super::stored_list;
use crate::entity::{area, property, steward_visit, visit_plan};
use crate::stats::sql::Sql;
use crate::{Actor, StoreResult};

/// Every area's coverage in `month` within the actor's projects (or one of them), by area name:
/// the statistics' "visit coverage per area" (一户一月只计一次).
pub async fn by_area(
    db: &impl ConnectionTrait,
    actor: &Actor,
    project_id: Option<Uuid>,
    month: Month,
) -> StoreResult<Vec<AreaCoverage>> {
    in_projects(db, actor.project_filter(), project_id, None, month).await
}

/// Every area's coverage in `month` within `allowed` projects (`None`: all), narrowed to a
/// project and an area, by area name (the monthly report and the breakdown by area).
pub async fn in_projects(
    db: &impl ConnectionTrait,
    allowed: Option<&[Uuid]>,
    project_id: Option<Uuid>,
    area_id: Option<Uuid>,
    month: Month,
) -> StoreResult<Vec<AreaCoverage>> {
    let mut select = area::Entity::find()
        .order_by_asc(area::Column::Name)
        .order_by_asc(area::Column::Id);
    if let Some(projects) = allowed {
        select = select.filter(area::Column::ProjectId.is_in(projects.to_vec()));
    }
    if let Some(project) = project_id {
        select = select.filter(area::Column::ProjectId.eq(project));
    }
    if let Some(area) = area_id {
        select = select.filter(area::Column::Id.eq(area));
    }
    of_areas(db, select.all(db).await?, month).await
}

/// The coverage of each of `areas` in `month`, in the order given.
pub async fn of_areas(
    db: &impl ConnectionTrait,
    areas: Vec<area::Model>,
    month: Month,
) -> StoreResult<Vec<AreaCoverage>> {
    if areas.is_empty() {
        return Ok(vec![]);
    }
    let ids: Vec<Uuid> = areas.iter().map(|a| a.id).collect();
    let households = households(db, &ids).await?;
    let visits = visits(db, &ids, month).await?;
    let plans = plans(db, &ids).await?;
    let keyed: Vec<Uuid> = plans
        .values()
        .filter(|p| !p.key_tags.is_empty())
        .map(|p| p.area_id)
        .collect();
    let mut key = key_homes(db, &keyed, &plans).await?;
    Ok(areas
        .into_iter()
        .map(|area| {
            let target = plans.get(&area.id).map_or(0.0, |p| p.monthly_target);
            let homes = households.get(&area.id).map(Vec::as_slice).unwrap_or_default();
            let seen = visits.get(&area.id).map(Vec::as_slice).unwrap_or_default();
            let figures = compute(homes, seen, &key.remove(&area.id).unwrap_or_default());
            AreaCoverage {
                area,
                month,
                target,
                figures,
            }
        })
        .collect())
}

/// Each area's households (property ids).
async fn households(db: &impl ConnectionTrait, areas: &[Uuid]) -> StoreResult<HashMap<Uuid, Vec<Uuid>>> {
    let rows: Vec<(Uuid, Option<Uuid>)> = property::Entity::find()
        .select_only()
        .column(property::Column::Id)
        .column(property::Column::AreaId)
        .filter(property::Column::AreaId.is_in(areas.to_vec()))
        .order_by_asc(property::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    let mut by_area: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    for (id, area) in rows {
        if let Some(area) = area {
            by_area.entry(area).or_default().push(id);
        }
    }
    Ok(by_area)
}

/// Each area's visits in `month`.
async fn visits(
    db: &impl ConnectionTrait,
    areas: &[Uuid],
    month: Month,
) -> StoreResult<HashMap<Uuid, Vec<VisitFact<Uuid>>>> {
    let rows = steward_visit::Entity::find()
        .filter(steward_visit::Column::AreaId.is_in(areas.to_vec()))
        .filter(steward_visit::Column::Month.eq(month.to_string()))
        .all(db)
        .await?;
    let mut by_area: HashMap<Uuid, Vec<VisitFact<Uuid>>> = HashMap::new();
    for v in rows {
        by_area.entry(v.area_id).or_default().push(VisitFact {
            property: v.property_id,
            customer: v.customer_id,
            steward: v.steward_id,
            reached: v.reached,
        });
    }
    Ok(by_area)
}

/// The plans that were set (an area without one has a target of 0 and no key tags).
async fn plans(db: &impl ConnectionTrait, areas: &[Uuid]) -> StoreResult<HashMap<Uuid, VisitPlan>> {
    let rows = visit_plan::Entity::find()
        .filter(visit_plan::Column::AreaId.is_in(areas.to_vec()))
        .all(db)
        .await?;
    rows.into_iter()
        .map(|row| from_row(row).map(|plan| (plan.area_id, plan)))
        .collect()
}

/// For each of `areas` (those whose plan names key tags): key customer → their homes in the area.
async fn key_homes(
    db: &impl ConnectionTrait,
    areas: &[Uuid],
    plans: &HashMap<Uuid, VisitPlan>,
) -> StoreResult<HashMap<Uuid, HashMap<Uuid, Vec<Uuid>>>> {
    let mut by_area: HashMap<Uuid, HashMap<Uuid, Vec<Uuid>>> = HashMap::new();
    if areas.is_empty() {
        return Ok(by_area);
    }
    // The placeholders are the backend's (`stats::sql::Sql`): `$n` on PostgreSQL, `?` on SQLite.
    let mut sql = Sql::new(db.get_database_backend());
    sql.push(
        "SELECT cp.customer_id, cp.property_id, p.area_id, c.tags FROM customer_properties cp \
         JOIN properties p ON p.id = cp.property_id JOIN customers c ON c.id = cp.customer_id \
         WHERE p.area_id IN (",
    );
    for (i, area) in areas.iter().enumerate() {
        if i > 0 {
            sql.push(", ");
        }
        sql.bind(*area);
    }
    sql.push(")");
    for row in db.query_all(sql.statement()).await? {
        let customer: Uuid = row.try_get("", "customer_id")?;
        let home: Uuid = row.try_get("", "property_id")?;
        let area: Uuid = row.try_get("", "area_id")?;
        let tags = stored_list(&row.try_get::<String>("", "tags")?, "customers", customer, "tags")?;
        let wanted = plans.get(&area).map(|p| p.key_tags.as_slice()).unwrap_or_default();
        if tags.iter().any(|t| wanted.contains(t)) {
            by_area.entry(area).or_default().entry(customer).or_default().push(home);
        }
    }
    Ok(by_area)
}
