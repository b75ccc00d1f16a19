//! Leads (客户资源) of a decoration company: registered centrally by the customer manager,
//! dispatched to designers under the fairness rules, followed up on a cadence, and lost only
//! after the design manager confirms. Data scope: a designer sees the leads dispatched to them;
//! other roles see their projects' (stores') leads; admins see all.

pub mod create;
pub mod designers;
pub mod dispatch;
pub mod overdue;
pub mod progress;
pub mod query;
pub mod settings;
pub mod stats;

use huiyin_domain::decoration::lead::LeadTransitionError;
use huiyin_domain::role::Role;
use sea_orm::{ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entity::{customer, lead, lead_event, user};
use crate::{new_id, now, Actor, StoreError, StoreResult};

/// A lead with the names its views show.
#[derive(Debug, Clone)]
pub struct LeadRecord {
    pub lead: lead::Model,
    pub customer_name: String,
    pub designer_name: Option<String>,
    /// The earlier lead for the same phone within 90 days, when this one is flagged.
    pub duplicate_of: Option<lead::Model>,
}

/// Which leads `actor` sees.
pub fn scope(actor: &Actor) -> Condition {
    if actor.role == Role::Designer {
        return Condition::all().add(lead::Column::DesignerId.eq(actor.user_id));
    }
    match actor.project_filter() {
        None => Condition::all(),
        Some(projects) => Condition::all().add(lead::Column::ProjectId.is_in(projects.to_vec())),
    }
}

/// The lead if `actor` may see it; NotFound otherwise.
pub async fn find_visible(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<lead::Model> {
    lead::Entity::find_by_id(id)
        .filter(scope(actor))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)
}

/// Reads a lead back with its names.
pub async fn record(db: &impl ConnectionTrait, lead: lead::Model) -> StoreResult<LeadRecord> {
    let customer_name = customer::Entity::find_by_id(lead.customer_id)
        .one(db)
        .await?
        .map(|c| c.name)
        .unwrap_or_default();
    let designer_name = match lead.designer_id {
        Some(id) => user::Entity::find_by_id(id).one(db).await?.map(|u| u.display_name),
        None => None,
    };
    let duplicate_of = match lead.duplicate_of {
        Some(id) => lead::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    Ok(LeadRecord {
        lead,
        customer_name,
        designer_name,
        duplicate_of,
    })
}

/// A status the lead's state does not allow: 409 naming `status`.
pub fn refused(err: LeadTransitionError) -> StoreError {
    StoreError::conflict("status", err.to_string())
}

/// One entry on the lead's timeline.
pub struct NewLeadEvent<'a> {
    pub lead_id: Uuid,
    pub actor_id: Option<Uuid>,
    pub action: &'a str,
    pub channel: Option<huiyin_domain::decoration::lead::FollowUpChannel>,
    pub note: Option<String>,
    pub next_on: Option<chrono::NaiveDate>,
    pub payload: serde_json::Value,
}

pub async fn append_event(db: &impl ConnectionTrait, event: NewLeadEvent<'_>) -> StoreResult<lead_event::Model> {
    Ok(lead_event::ActiveModel {
        id: Set(new_id()),
        lead_id: Set(event.lead_id),
        actor_id: Set(event.actor_id),
        action: Set(event.action.to_owned()),
        channel: Set(event.channel.map(crate::wire::Wire)),
        note: Set(event.note),
        next_on: Set(event.next_on),
        payload: Set(event.payload.to_string()),
        created_at: Set(now()),
    }
    .insert(db)
    .await?)
}

/// Saves `model` if the lead is still at `expected` version (bumping it); Stale otherwise.
pub async fn save(
    db: &impl ConnectionTrait,
    mut model: lead::ActiveModel,
    id: Uuid,
    expected: i32,
) -> StoreResult<lead::Model> {
    model.version = Set(expected + 1);
    model.updated_at = Set(now());
    let result = lead::Entity::update_many()
        .set(model)
        .filter(lead::Column::Id.eq(id))
        .filter(lead::Column::Version.eq(expected))
        .exec(db)
        .await?;
    let saved = lead::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)?;
    if result.rows_affected == 0 {
        return Err(StoreError::Stale { current: saved.version });
    }
    Ok(saved)
}
