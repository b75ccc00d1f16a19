//! The contact log (催费记录) and the manager's legal decision. A `disputed` contact with reason
//! `service_dispute` opens a complaint for the property through the case pipeline — or links
//! the complaint already open — in the same transaction as the contact.

use chrono::NaiveDate;
use huiyin_domain::arrears::{
    contact_problem, opens_complaint, ArrearsStatus, ContactMethod, ContactReason, ContactResult, LegalDecision, Stage,
};
use huiyin_domain::case::{CaseKind, CaseStatus, Channel, Severity};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

use super::views::{contact, customers_of};
use super::{find, get, ArrearsRecord, ContactRecord};
use crate::cases::create::CreateCase;
use crate::entity::{arrears, arrears_contact, case, property};
use crate::page::{self, Page};
use crate::validate::{optional, required};
use crate::wire::Wire;
use crate::{new_id, now, Actor, StoreError, StoreResult};

/// A contact to record.
#[derive(Debug, Clone)]
pub struct NewContact {
    pub method: ContactMethod,
    pub result: ContactResult,
    pub reason: Option<ContactReason>,
    pub note: Option<String>,
    pub promised_on: Option<NaiveDate>,
}

fn channel(method: ContactMethod) -> Channel {
    match method {
        ContactMethod::Phone => Channel::Phone,
        ContactMethod::Letter => Channel::Letter,
        ContactMethod::Visit | ContactMethod::Notice | ContactMethod::Sms => Channel::Other,
    }
}

/// The complaint this dispute belongs to: the one the arrears already links if still open, else
/// an open complaint on the property, else a new one registered through the case pipeline.
async fn dispute_case(
    db: &impl ConnectionTrait,
    actor: &Actor,
    row: &arrears::Model,
    input: &NewContact,
    note: Option<&str>,
) -> StoreResult<Uuid> {
    let finished = [CaseStatus::Closed.as_str(), CaseStatus::Cancelled.as_str()];
    let open_complaint = case::Entity::find()
        .filter(case::Column::Kind.eq(CaseKind::Complaint.as_str()))
        .filter(case::Column::PropertyId.eq(row.property_id))
        .filter(case::Column::Status.is_not_in(finished));
    let linked = match row.case_id {
        Some(id) => open_complaint.clone().filter(case::Column::Id.eq(id)).one(db).await?,
        None => None,
    };
    let existing = match linked {
        Some(c) => Some(c),
        None => open_complaint.order_by_desc(case::Column::CreatedAt).one(db).await?,
    };
    if let Some(found) = existing {
        return Ok(found.id);
    }
    let room = property::Entity::find_by_id(row.property_id)
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)?;
    let customer_id = customers_of(db, vec![row.property_id])
        .await?
        .remove(&row.property_id)
        .map(|c| c.id);
    let created = crate::cases::create::create(
        db,
        actor,
        CreateCase {
            kind: CaseKind::Complaint,
            channel: channel(input.method),
            category_id: None,
            severity: Severity::Normal,
            customer_id,
            customer: None,
            property_id: Some(row.property_id),
            project_id: Some(row.project_id),
            area_id: None,
            steward_visit_id: None,
            title: format!(
                "欠费争议：{} {}-{}-{}",
                row.fee_item, room.building, room.unit, room.room
            ),
            description: format!(
                "催缴{}时客户以服务问题拒缴（欠 {} 个月）。{}",
                row.fee_item,
                row.months,
                note.unwrap_or("")
            ),
            reported_at: None,
        },
    )
    .await?;
    Ok(created.id)
}

/// Records a contact (in the caller's transaction); returns it and the arrears as it now is.
pub async fn add(
    db: &impl ConnectionTrait,
    actor: &Actor,
    arrears_id: Uuid,
    input: NewContact,
) -> StoreResult<(ContactRecord, ArrearsRecord)> {
    let row = find(db, actor, arrears_id).await?;
    if row.status.0 != ArrearsStatus::Open {
        return Err(StoreError::conflict("status", "this arrears is settled"));
    }
    if let Some((field, message)) = contact_problem(input.result, input.reason, input.promised_on.is_some()) {
        return Err(StoreError::invalid(field, message));
    }
    let note = optional("note", input.note.as_deref(), 2000)?;
    let case_id = if opens_complaint(input.result, input.reason) {
        Some(dispute_case(db, actor, &row, &input, note.as_deref()).await?)
    } else {
        None
    };
    let at = now();
    let saved = arrears_contact::ActiveModel {
        id: Set(new_id()),
        arrears_id: Set(row.id),
        method: Set(Wire(input.method)),
        result: Set(Wire(input.result)),
        reason: Set(input.reason.map(Wire)),
        note: Set(note),
        promised_on: Set(input.promised_on),
        case_id: Set(case_id),
        created_by: Set(actor.user_id),
        created_at: Set(at),
    }
    .insert(db)
    .await?;
    let mut update = arrears::Entity::update_many()
        .col_expr(arrears::Column::LastContactAt, Expr::value(at))
        .col_expr(arrears::Column::LastContactId, Expr::value(saved.id))
        .col_expr(
            arrears::Column::ContactsCount,
            Expr::col(arrears::Column::ContactsCount).add(1),
        )
        .col_expr(arrears::Column::UpdatedAt, Expr::value(at))
        .col_expr(arrears::Column::Version, Expr::col(arrears::Column::Version).add(1));
    if let Some(case_id) = case_id {
        update = update.col_expr(arrears::Column::CaseId, Expr::value(case_id));
    }
    let changed = update
        .filter(arrears::Column::Id.eq(row.id))
        .filter(arrears::Column::Version.eq(row.version))
        .exec(db)
        .await?;
    if changed.rows_affected == 0 {
        return Err(StoreError::conflict(
            "version",
            "the arrears changed while the contact was saved; send it again",
        ));
    }
    Ok((contact(saved), get(db, actor, row.id).await?))
}

/// The contact log of one arrears, newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    actor: &Actor,
    arrears_id: Uuid,
    limit: Option<u64>,
    cursor: Option<&str>,
) -> StoreResult<Page<ContactRecord>> {
    find(db, actor, arrears_id).await?;
    let limit = page::limit(limit)?;
    let mut select = arrears_contact::Entity::find().filter(arrears_contact::Column::ArrearsId.eq(arrears_id));
    if let Some(cursor) = cursor {
        select = select.filter(arrears_contact::Column::Id.lt(page::decode_uuid(cursor)?));
    }
    let rows = select
        .order_by_desc(arrears_contact::Column::Id)
        .limit(limit + 1)
        .all(db)
        .await?;
    let Page { items, next_cursor } = page::finish(rows, limit, |c| c.id.to_string());
    Ok(Page {
        items: items.into_iter().map(contact).collect(),
        next_cursor,
    })
}

/// The manager's decision on a lawyer's letter (律师函) for an open arrears at the legal stage.
pub async fn decide_legal(
    db: &impl ConnectionTrait,
    actor: &Actor,
    arrears_id: Uuid,
    expected_version: i32,
    decision: LegalDecision,
    reason: &str,
) -> StoreResult<ArrearsRecord> {
    let row = find(db, actor, arrears_id).await?;
    let reason = required("reason", reason, 2000)?;
    if row.version != expected_version {
        return Err(StoreError::Stale { current: row.version });
    }
    if row.status.0 != ArrearsStatus::Open {
        return Err(StoreError::conflict("status", "this arrears is settled"));
    }
    if row.stage.0 != Stage::Legal {
        return Err(StoreError::conflict(
            "stage",
            "a legal decision is taken only at the legal stage",
        ));
    }
    let at = now();
    let changed = arrears::Entity::update_many()
        .col_expr(arrears::Column::LegalDecision, Expr::value(decision.as_str()))
        .col_expr(arrears::Column::LegalReason, Expr::value(reason))
        .col_expr(arrears::Column::LegalDecidedBy, Expr::value(actor.user_id))
        .col_expr(arrears::Column::LegalDecidedAt, Expr::value(at))
        .col_expr(arrears::Column::UpdatedAt, Expr::value(at))
        .col_expr(arrears::Column::Version, Expr::value(row.version + 1))
        .filter(arrears::Column::Id.eq(row.id))
        .filter(arrears::Column::Version.eq(expected_version))
        .exec(db)
        .await?;
    if changed.rows_affected == 0 {
        let current = find(db, actor, arrears_id).await?.version;
        return Err(StoreError::Stale { current });
    }
    get(db, actor, arrears_id).await
}
