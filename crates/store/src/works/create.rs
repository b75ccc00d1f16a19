//! Opening a works from a signed lead, with the company's stages.

use chrono::NaiveDate;
use huiyin_domain::decoration::lead::LeadStatus;
use huiyin_domain::decoration::works::{stages, StageStatus, WorksStatus};
use huiyin_domain::role::Role;
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set, TransactionTrait};
use uuid::Uuid;

use super::{record, WorksRecord};
use crate::entity::{user, works, works_stage};
use crate::error::unique_as_conflict;
use crate::leads::{self, settings};
use crate::validate::required;
use crate::wire::Wire;
use crate::{new_id, now, Actor, StoreError, StoreResult};

#[derive(Debug, Clone)]
pub struct NewWorks {
    pub lead_id: Uuid,
    pub contract_signed_on: NaiveDate,
    pub contract_amount_fen: i64,
    pub designer_id: Uuid,
    pub project_manager_id: Uuid,
    pub supervisor_id: Uuid,
    pub inspector_id: Option<Uuid>,
    pub planned_start: NaiveDate,
    pub planned_finish: NaiveDate,
    pub address: String,
    pub property_id: Option<Uuid>,
}

async fn staff(db: &impl ConnectionTrait, field: &str, id: Uuid, role: Option<Role>) -> StoreResult<()> {
    match user::Entity::find_by_id(id).one(db).await? {
        Some(u) if u.active && u.role.0 != Role::Resident && role.is_none_or(|r| u.role.0 == r) => Ok(()),
        _ => Err(StoreError::invalid(field, "no such active staff member")),
    }
}

/// The works' people are active staff (the designer a designer), and its property one the
/// lead's store or the actor may see.
async fn check_people_and_place(
    db: &impl ConnectionTrait,
    actor: &Actor,
    input: &NewWorks,
    project_id: Uuid,
) -> StoreResult<()> {
    staff(db, "designer_id", input.designer_id, Some(Role::Designer)).await?;
    staff(db, "project_manager_id", input.project_manager_id, None).await?;
    staff(db, "supervisor_id", input.supervisor_id, None).await?;
    if let Some(inspector) = input.inspector_id {
        staff(db, "inspector_id", inspector, None).await?;
    }
    if let Some(property) = input.property_id {
        match crate::entity::property::Entity::find_by_id(property).one(db).await? {
            Some(p) if p.project_id == project_id || actor.sees_project(p.project_id) => {}
            _ => return Err(StoreError::invalid("property_id", "no such property")),
        }
    }
    Ok(())
}

pub async fn create<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    input: NewWorks,
) -> StoreResult<WorksRecord> {
    let address = required("address", &input.address, 300)?;
    if input.contract_amount_fen <= 0 {
        return Err(StoreError::invalid("contract_amount", "must be positive"));
    }
    if input.planned_finish < input.planned_start {
        return Err(StoreError::invalid("planned_finish", "is before planned_start"));
    }
    let txn = db.begin().await?;
    let lead = leads::find_visible(&txn, actor, input.lead_id)
        .await
        .map_err(|e| match e {
            StoreError::NotFound => StoreError::invalid("lead_id", "no such lead"),
            other => other,
        })?;
    if lead.status.0 != LeadStatus::Signed {
        return Err(StoreError::conflict(
            "lead_id",
            "works are opened for signed leads only",
        ));
    }
    check_people_and_place(&txn, actor, &input, lead.project_id).await?;
    let (config, _) = settings::get(&txn).await?;
    let at = now();
    let created = works::ActiveModel {
        id: Set(new_id()),
        lead_id: Set(lead.id),
        project_id: Set(lead.project_id),
        customer_id: Set(lead.customer_id),
        property_id: Set(input.property_id),
        address: Set(address),
        contract_signed_on: Set(input.contract_signed_on),
        contract_amount_fen: Set(input.contract_amount_fen),
        designer_id: Set(input.designer_id),
        project_manager_id: Set(input.project_manager_id),
        supervisor_id: Set(input.supervisor_id),
        inspector_id: Set(input.inspector_id),
        planned_start: Set(input.planned_start),
        planned_finish: Set(input.planned_finish),
        status: Set(Wire(WorksStatus::Planned)),
        completed_on: Set(None),
        warranty_until: Set(None),
        warranty_card_issued: Set(false),
        warranty_deposit_fen: Set(None),
        created_by: Set(actor.user_id),
        created_at: Set(at),
        updated_at: Set(at),
        version: Set(1),
    }
    .insert(&txn)
    .await
    .map_err(|e| unique_as_conflict(e, "lead_id", "this lead already has its works"))?;
    for (position, name) in stages(&config.extra_stages).into_iter().enumerate() {
        works_stage::ActiveModel {
            id: Set(new_id()),
            works_id: Set(created.id),
            name: Set(name),
            position: Set(position as i32),
            status: Set(Wire(StageStatus::Pending)),
            started_at: Set(None),
            visit_due_at: Set(None),
            visited_at: Set(None),
        }
        .insert(&txn)
        .await?;
    }
    let result = record(&txn, created).await?;
    txn.commit().await?;
    Ok(result)
}
