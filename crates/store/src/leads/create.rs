//! Registering a lead (登记): the customer is matched by phone like a case's caller, the lead
//! gets an `XS-YYYYMMDD-NNNN` number, and a second lead for the same phone within 90 days is
//! flagged with the first one's attribution for the customer manager to decide.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use huiyin_domain::decoration::lead::{
    follow_up_due, Intent, LeadSource, LeadStatus, OrderSize, ATTRIBUTION_WINDOW_DAYS,
};
use huiyin_domain::phone::Phone;
use huiyin_domain::time::business_day;
use sea_orm::sea_query::{Alias, Expr, OnConflict, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait, TryGetable,
};
use serde_json::json;
use uuid::Uuid;

use super::{append_event, record, LeadRecord, NewLeadEvent};
use crate::customers::{self, CreateCustomer};
use crate::entity::{customer, lead, project};
use crate::validate::{optional, required};
use crate::wire::Wire;
use crate::{new_id, now, Actor, StoreError, StoreResult};

/// The transfer slip (传递单) a marketing lead arrives with.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct TransferSlip {
    pub number: String,
    pub marketing_manager: String,
    pub store_manager: String,
}

/// What the customer manager registers.
#[derive(Debug, Clone)]
pub struct NewLead {
    /// The store; may be left out when the customer manager belongs to exactly one.
    pub project_id: Option<Uuid>,
    pub source: LeadSource,
    pub customer_name: String,
    pub customer_phone: String,
    pub address: String,
    pub floor_area_m2: Option<f64>,
    pub budget_fen: i64,
    pub planned_on: Option<NaiveDate>,
    pub brought_by: Option<String>,
    pub evidence: Option<String>,
    pub transfer_slip: Option<TransferSlip>,
    pub intent: Intent,
}

fn project_of(actor: &Actor, requested: Option<Uuid>) -> StoreResult<Uuid> {
    match requested {
        Some(project) if actor.sees_project(project) => Ok(project),
        Some(_) => Err(StoreError::invalid("project_id", "no such project")),
        None if actor.project_ids.len() == 1 => Ok(actor.project_ids[0]),
        None => Err(StoreError::invalid(
            "project_id",
            "give the store (project) the lead belongs to",
        )),
    }
}

fn check_slip(source: LeadSource, slip: Option<&TransferSlip>) -> StoreResult<Option<String>> {
    match (source, slip) {
        (LeadSource::Marketing, None) => Err(StoreError::invalid(
            "transfer_slip",
            "a marketing lead needs the transfer slip signed by the marketing and store managers",
        )),
        (_, None) => Ok(None),
        (_, Some(slip)) => {
            let checked = TransferSlip {
                number: required("transfer_slip.number", &slip.number, 50)?,
                marketing_manager: required("transfer_slip.marketing_manager", &slip.marketing_manager, 100)?,
                store_manager: required("transfer_slip.store_manager", &slip.store_manager, 100)?,
            };
            Ok(Some(json!(checked).to_string()))
        }
    }
}

async fn take_number(db: &impl ConnectionTrait, at: DateTime<Utc>) -> StoreResult<String> {
    let day = business_day(at).format("%Y%m%d").to_string();
    let table = Alias::new("case_number_sequences");
    let last = Alias::new("last");
    let statement = Query::insert()
        .into_table(table.clone())
        .columns([Alias::new("prefix"), Alias::new("day"), last.clone()])
        .values_panic(["XS".into(), day.clone().into(), 1.into()])
        .on_conflict(
            OnConflict::columns([Alias::new("prefix"), Alias::new("day")])
                .value(last.clone(), Expr::col((table, last.clone())).add(1))
                .to_owned(),
        )
        .returning_col(last)
        .to_owned();
    let row = db
        .query_one(db.get_database_backend().build(&statement))
        .await?
        .ok_or_else(|| StoreError::invalid("number", "no sequence returned"))?;
    let sequence = i32::try_get(&row, "", "last").map_err(|e| StoreError::Db(e.into()))?;
    Ok(format!("XS-{day}-{sequence:04}"))
}

/// The budget and floor area a lead states: not negative, a plausible area.
fn check_size(budget_fen: i64, floor_area_m2: Option<f64>) -> StoreResult<()> {
    if budget_fen < 0 {
        return Err(StoreError::invalid("budget", "must not be negative"));
    }
    if let Some(area) = floor_area_m2 {
        if !(area.is_finite() && area > 0.0 && area < 100_000.0) {
            return Err(StoreError::invalid("floor_area_m2", "must be a positive area in m²"));
        }
    }
    Ok(())
}

/// The customer's name and phone as the lead gives them, checked (the phone normalised).
fn customer_contact(input: &NewLead) -> StoreResult<(String, String)> {
    let name = required("customer.name", &input.customer_name, 100)?;
    let phone = Phone::parse(&input.customer_phone)
        .map_err(|e| StoreError::invalid("customer.phone", e.to_string()))?
        .into_string();
    Ok((name, phone))
}

/// The customer the actor sees with this phone, or a new one in the lead's project.
async fn customer_of(
    txn: &DatabaseTransaction,
    actor: &Actor,
    project_id: Uuid,
    name: &str,
    phone: &str,
) -> StoreResult<customer::Model> {
    if let Some(found) = customers::find_visible_by_phone(txn, actor, phone).await? {
        return Ok(found);
    }
    let input = CreateCustomer {
        name: name.to_owned(),
        phones: vec![phone.to_owned()],
        properties: vec![],
        tags: vec![],
        notes: None,
        project_id: Some(project_id),
        ..Default::default()
    };
    Ok(customers::create_in(txn, actor, input).await?.customer)
}

/// The first lead with this phone within the attribution window: a new one duplicates it.
async fn earlier_lead(txn: &DatabaseTransaction, phone: &str, at: DateTime<Utc>) -> StoreResult<Option<lead::Model>> {
    Ok(lead::Entity::find()
        .filter(lead::Column::Phone.eq(phone))
        .filter(lead::Column::CreatedAt.gte(at - Duration::days(ATTRIBUTION_WINDOW_DAYS)))
        .order_by_asc(lead::Column::CreatedAt)
        .one(txn)
        .await?)
}

/// Registers a lead; returns it with the duplicate flag when the phone was seen within 90 days.
pub async fn create<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    input: NewLead,
) -> StoreResult<LeadRecord> {
    let project_id = project_of(actor, input.project_id)?;
    let (name, phone) = customer_contact(&input)?;
    let address = required("address", &input.address, 300)?;
    check_size(input.budget_fen, input.floor_area_m2)?;
    let brought_by = optional("brought_by", input.brought_by.as_deref(), 100)?;
    let evidence = optional("evidence", input.evidence.as_deref(), 2000)?;
    let slip = check_slip(input.source, input.transfer_slip.as_ref())?;
    let at = now();
    let txn = db.begin().await?;
    if project::Entity::find_by_id(project_id).one(&txn).await?.is_none() {
        return Err(StoreError::invalid("project_id", "no such project"));
    }
    let customer = customer_of(&txn, actor, project_id, &name, &phone).await?;
    let earlier = earlier_lead(&txn, &phone, at).await?;
    let number = take_number(&txn, at).await?;
    let created = lead::ActiveModel {
        id: Set(new_id()),
        number: Set(number.clone()),
        project_id: Set(project_id),
        source: Set(Wire(input.source)),
        customer_id: Set(customer.id),
        phone: Set(phone),
        address: Set(address),
        floor_area_m2: Set(input.floor_area_m2),
        budget_fen: Set(input.budget_fen),
        size: Set(Wire(OrderSize::of_budget(input.budget_fen))),
        status: Set(Wire(LeadStatus::New)),
        status_before_loss: Set(None),
        planned_on: Set(input.planned_on),
        brought_by: Set(brought_by),
        evidence: Set(evidence),
        transfer_slip: Set(slip),
        duplicate_of: Set(earlier.as_ref().map(|e| e.id)),
        attribution_note: Set(None),
        designer_id: Set(None),
        dispatched_at: Set(None),
        intent: Set(Wire(input.intent)),
        last_contact_at: Set(at),
        follow_up_due_on: Set(follow_up_due(at, input.intent, None)),
        loss_kind: Set(None),
        loss_reason: Set(None),
        loss_statement: Set(None),
        loss_reported_by: Set(None),
        loss_reported_at: Set(None),
        loss_confirmed_by: Set(None),
        loss_note: Set(None),
        measured_at: Set(None),
        signed_at: Set(None),
        closed_at: Set(None),
        created_by: Set(actor.user_id),
        created_at: Set(at),
        updated_at: Set(at),
        version: Set(1),
    }
    .insert(&txn)
    .await?;
    append_event(
        &txn,
        NewLeadEvent {
            lead_id: created.id,
            actor_id: Some(actor.user_id),
            action: "register",
            channel: None,
            note: None,
            next_on: None,
            payload: json!({"number": number, "source": input.source, "duplicate_of": created.duplicate_of}),
        },
    )
    .await?;
    let result = record(&txn, created).await?;
    txn.commit().await?;
    Ok(result)
}
