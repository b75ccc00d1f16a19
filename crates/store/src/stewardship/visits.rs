//! Stewards' household visits (走访): who visited which household when, whether anyone was
//! reached, their opinions, and the case raised from an opinion that needs handling.

use chrono::{DateTime, Duration, Utc};
use huiyin_domain::case::{Channel, Visibility};
use huiyin_domain::steward::month::Month;
use huiyin_domain::steward::StewardVisitPurpose;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

use super::{area_in_scope, areas_in_scope};
use crate::entity::{case, customer_property, property, steward_visit};
use crate::page::{self, Page};
use crate::timeline::{self, NewEvent};
use crate::validate::optional;
use crate::wire::Wire;
use crate::{new_id, now, Actor, StoreError, StoreResult};

/// What a steward records after a visit.
#[derive(Debug, Clone)]
pub struct RecordVisit {
    pub property_id: Uuid,
    pub customer_id: Option<Uuid>,
    pub purpose: StewardVisitPurpose,
    pub reached: bool,
    pub opinions: Option<String>,
    pub visited_at: Option<DateTime<Utc>>,
}

/// A visit with its purpose read back as the domain type.
#[derive(Debug, Clone)]
pub struct StewardVisit {
    pub row: steward_visit::Model,
    pub purpose: StewardVisitPurpose,
}

pub(crate) fn from_row(row: steward_visit::Model) -> StewardVisit {
    let purpose = row.purpose.0;
    StewardVisit { row, purpose }
}

fn visit_time(requested: Option<DateTime<Utc>>) -> StoreResult<DateTime<Utc>> {
    let at = now();
    let visited_at = requested.unwrap_or(at);
    if visited_at > at + Duration::minutes(5) {
        return Err(StoreError::invalid("visited_at", "cannot be in the future"));
    }
    if visited_at < at - Duration::days(366) {
        return Err(StoreError::invalid("visited_at", "is more than a year ago"));
    }
    Ok(visited_at)
}

/// Records a visit to a household of one of the actor's areas.
pub async fn record(db: &impl ConnectionTrait, actor: &Actor, input: RecordVisit) -> StoreResult<StewardVisit> {
    let no_property = || StoreError::invalid("property_id", "no such property in your areas");
    let home = property::Entity::find_by_id(input.property_id)
        .one(db)
        .await?
        .filter(|p| actor.sees_project(p.project_id))
        .ok_or_else(no_property)?;
    let area_id = home.area_id.ok_or_else(no_property)?;
    let area = area_in_scope(db, actor, area_id).await.map_err(|e| match e {
        StoreError::NotFound => no_property(),
        other => other,
    })?;
    if let Some(customer_id) = input.customer_id {
        let linked = customer_property::Entity::find_by_id((customer_id, home.id))
            .one(db)
            .await?
            .is_some();
        if !linked {
            return Err(StoreError::invalid("customer_id", "not a customer of this property"));
        }
    }
    let opinions = optional("opinions", input.opinions.as_deref(), 4000)?;
    let visited_at = visit_time(input.visited_at)?;
    let row = steward_visit::ActiveModel {
        id: Set(new_id()),
        project_id: Set(area.project_id),
        area_id: Set(area.id),
        property_id: Set(home.id),
        customer_id: Set(input.customer_id),
        steward_id: Set(actor.user_id),
        purpose: Set(Wire(input.purpose)),
        reached: Set(input.reached),
        opinions: Set(opinions),
        visited_at: Set(visited_at),
        month: Set(Month::of(visited_at).to_string()),
        case_id: Set(None),
        created_at: Set(now()),
    }
    .insert(db)
    .await?;
    Ok(from_row(row))
}

/// A visit in the actor's areas.
pub async fn get(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<StewardVisit> {
    let row = steward_visit::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)?;
    area_in_scope(db, actor, row.area_id).await?;
    Ok(from_row(row))
}

#[derive(Debug, Clone, Default)]
pub struct VisitFilter {
    pub area_id: Option<Uuid>,
    pub steward_id: Option<Uuid>,
    pub month: Option<Month>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// Visits in the actor's areas, newest first. An area outside the scope is not found.
pub async fn list(db: &impl ConnectionTrait, actor: &Actor, filter: &VisitFilter) -> StoreResult<Page<StewardVisit>> {
    let limit = page::limit(filter.limit)?;
    let mut select = steward_visit::Entity::find();
    if let Some(area_id) = filter.area_id {
        area_in_scope(db, actor, area_id).await?;
        select = select.filter(steward_visit::Column::AreaId.eq(area_id));
    } else if let Some(areas) = areas_in_scope(db, actor).await? {
        select = select.filter(steward_visit::Column::AreaId.is_in(areas));
    }
    if let Some(steward) = filter.steward_id {
        select = select.filter(steward_visit::Column::StewardId.eq(steward));
    }
    if let Some(month) = filter.month {
        select = select.filter(steward_visit::Column::Month.eq(month.to_string()));
    }
    if let Some(cursor) = &filter.cursor {
        select = select.filter(steward_visit::Column::Id.lt(page::decode_uuid(cursor)?));
    }
    let rows = select
        .order_by_desc(steward_visit::Column::Id)
        .limit(limit + 1)
        .all(db)
        .await?;
    let Page { items, next_cursor } = page::finish(rows, limit, |r| r.id.to_string());
    Ok(Page {
        items: items.into_iter().map(from_row).collect(),
        next_cursor,
    })
}

/// Checks, before a case is registered from a visit, that the visit is the actor's to raise a
/// case from, has none yet, and that the case's channel says so.
pub async fn check_case_source(
    db: &impl ConnectionTrait,
    actor: &Actor,
    visit_id: Uuid,
    channel: Channel,
) -> StoreResult<steward_visit::Model> {
    if channel != Channel::StewardVisit {
        return Err(StoreError::invalid(
            "channel",
            "a case from a steward's visit has the channel steward_visit",
        ));
    }
    let found = get(db, actor, visit_id).await.map_err(|e| match e {
        StoreError::NotFound => StoreError::invalid("steward_visit_id", "no such visit"),
        other => other,
    })?;
    if found.row.case_id.is_some() {
        return Err(StoreError::conflict(
            "steward_visit_id",
            "a case was already registered from this visit",
        ));
    }
    Ok(found.row)
}

/// Links a newly registered case and the visit it came from (both ways: the visit's `case_id`
/// and an event on the case's timeline), in the registering transaction.
pub async fn link_case(
    db: &impl ConnectionTrait,
    actor: &Actor,
    visit_id: Uuid,
    created: &case::Model,
) -> StoreResult<()> {
    let visit = check_case_source(db, actor, visit_id, Channel::StewardVisit).await?;
    let updated = steward_visit::Entity::update_many()
        .set(steward_visit::ActiveModel {
            case_id: Set(Some(created.id)),
            ..Default::default()
        })
        .filter(steward_visit::Column::Id.eq(visit_id))
        .filter(steward_visit::Column::CaseId.is_null())
        .exec(db)
        .await?;
    if updated.rows_affected == 0 {
        return Err(StoreError::conflict(
            "steward_visit_id",
            "a case was already registered from this visit",
        ));
    }
    timeline::append(
        db,
        NewEvent {
            case_id: created.id,
            actor_id: Some(actor.user_id),
            action: "steward_visit",
            from: None,
            to: None,
            note: visit.opinions.clone(),
            payload: serde_json::json!({"steward_visit_id": visit.id, "visited_at": visit.visited_at}),
            visibility: Visibility::Internal,
        },
    )
    .await?;
    Ok(())
}
