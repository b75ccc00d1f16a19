//! A lead's progress after dispatch: measured, proposal, signed; follow-ups on a cadence; the
//! two-step loss (the customer manager reports with the customer's own words, the design manager
//! confirms on a second call); the customer manager's decision on a disputed attribution.

use chrono::NaiveDate;
use huiyin_domain::decoration::lead::{
    confirm_loss, follow_up_due, lose, next_status, FollowUpChannel, Intent, LeadAction, LossKind, LossReason,
};
use huiyin_domain::time::business_day;
use sea_orm::{ConnectionTrait, IntoActiveModel, Set, TransactionTrait};
use serde_json::json;
use uuid::Uuid;

use super::{append_event, find_visible, record, refused, save, LeadRecord, NewLeadEvent};
use crate::entity::lead;
use crate::validate::{optional, required};
use crate::wire::Wire;
use crate::{now, Actor, StoreError, StoreResult};

/// measure / propose / sign.
pub async fn advance<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    expected_version: i32,
    action: LeadAction,
    note: Option<String>,
) -> StoreResult<LeadRecord> {
    let note = optional("note", note.as_deref(), 2000)?;
    change(db, actor, id, expected_version, |current, model| {
        let status = next_status(current.status.0, action).map_err(refused)?;
        let at = now();
        model.status = Set(Wire(status));
        match action {
            LeadAction::Measure => model.measured_at = Set(Some(at)),
            LeadAction::Sign => {
                model.signed_at = Set(Some(at));
                model.closed_at = Set(Some(at));
            }
            _ => {}
        }
        Ok((
            action.as_str(),
            note.clone(),
            json!({"from": current.status.0, "to": status}),
        ))
    })
    .await
}

#[derive(Debug, Clone)]
pub struct FollowUp {
    pub channel: FollowUpChannel,
    pub note: String,
    pub next_on: Option<NaiveDate>,
    /// The customer's warmth now, when it changed.
    pub intent: Option<Intent>,
}

pub async fn follow_up<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    expected_version: i32,
    input: FollowUp,
) -> StoreResult<LeadRecord> {
    let note = required("note", &input.note, 2000)?;
    let at = now();
    if input.next_on.is_some_and(|d| d < business_day(at)) {
        return Err(StoreError::invalid("next_on", "cannot be in the past"));
    }
    change(db, actor, id, expected_version, |current, model| {
        next_status(current.status.0, LeadAction::FollowUp).map_err(refused)?;
        let intent = input.intent.unwrap_or(current.intent.0);
        model.intent = Set(Wire(intent));
        model.last_contact_at = Set(at);
        model.follow_up_due_on = Set(follow_up_due(at, intent, input.next_on));
        Ok((
            "follow_up",
            Some(note.clone()),
            json!({"channel": input.channel, "next_on": input.next_on, "intent": intent}),
        ))
    })
    .await
}

#[derive(Debug, Clone)]
pub struct ReportLoss {
    pub kind: LossKind,
    pub reason: LossReason,
    pub customer_statement: String,
}

pub async fn report_loss<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    expected_version: i32,
    input: ReportLoss,
) -> StoreResult<LeadRecord> {
    let statement = required("customer_statement", &input.customer_statement, 4000)?;
    if !input.reason.fits(input.kind) {
        return Err(StoreError::invalid(
            "reason",
            format!("{} is not a reason for a {} lost lead", input.reason, input.kind),
        ));
    }
    change(db, actor, id, expected_version, |current, model| {
        let status = lose(current.status.0, input.kind).map_err(refused)?;
        model.status_before_loss = Set(Some(current.status));
        model.status = Set(Wire(status));
        model.loss_kind = Set(Some(Wire(input.kind)));
        model.loss_reason = Set(Some(Wire(input.reason)));
        model.loss_statement = Set(Some(statement.clone()));
        model.loss_reported_by = Set(Some(actor.user_id));
        model.loss_reported_at = Set(Some(now()));
        model.loss_confirmed_by = Set(None);
        model.loss_note = Set(None);
        Ok((
            "lose",
            Some(statement.clone()),
            json!({"kind": input.kind, "reason": input.reason, "from": current.status.0}),
        ))
    })
    .await
}

/// The design manager's second call. Someone other than the reporter must confirm.
pub async fn confirm<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    expected_version: i32,
    confirmed: bool,
    note: String,
) -> StoreResult<LeadRecord> {
    let note = required("note", &note, 2000)?;
    change(db, actor, id, expected_version, |current, model| {
        let before = current.status_before_loss.map(|s| s.0).unwrap_or(current.status.0);
        let status = confirm_loss(current.status.0, confirmed, before).map_err(refused)?;
        if current.loss_reported_by == Some(actor.user_id) {
            return Err(StoreError::Forbidden(
                "a lost lead is confirmed by someone other than who reported it".into(),
            ));
        }
        model.status = Set(Wire(status));
        model.loss_confirmed_by = Set(Some(actor.user_id));
        model.loss_note = Set(Some(note.clone()));
        if confirmed {
            model.closed_at = Set(Some(now()));
        } else {
            model.status_before_loss = Set(None);
            model.loss_kind = Set(None);
            model.loss_reason = Set(None);
        }
        Ok((
            if confirmed { "confirm_loss" } else { "reject_loss" },
            Some(note.clone()),
            json!({"confirm": confirmed, "to": status}),
        ))
    })
    .await
}

/// The customer manager decides an attribution dispute (who brought the customer).
pub async fn decide_attribution<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    expected_version: i32,
    brought_by: String,
    note: String,
) -> StoreResult<LeadRecord> {
    let brought_by = required("brought_by", &brought_by, 100)?;
    let note = required("note", &note, 2000)?;
    change(db, actor, id, expected_version, |current, model| {
        model.brought_by = Set(Some(brought_by.clone()));
        model.attribution_note = Set(Some(note.clone()));
        Ok((
            "attribution",
            Some(note.clone()),
            json!({"from": current.brought_by, "to": brought_by}),
        ))
    })
    .await
}

/// What a change did, for the timeline: action, note, payload.
type Change = (&'static str, Option<String>, serde_json::Value);

/// Loads the visible lead, checks the version, lets `apply` set the new values and say what
/// happened, saves, and appends the event — in one transaction.
async fn change<C, F>(db: &C, actor: &Actor, id: Uuid, expected_version: i32, apply: F) -> StoreResult<LeadRecord>
where
    C: ConnectionTrait + TransactionTrait,
    F: FnOnce(&lead::Model, &mut lead::ActiveModel) -> StoreResult<Change>,
{
    let txn = db.begin().await?;
    let current = find_visible(&txn, actor, id).await?;
    if current.version != expected_version {
        return Err(StoreError::Stale {
            current: current.version,
        });
    }
    let mut model = current.clone().into_active_model();
    let (action, note, payload) = apply(&current, &mut model)?;
    let (channel, next_on) = if action == "follow_up" {
        (
            payload["channel"].as_str().and_then(FollowUpChannel::parse),
            payload["next_on"].as_str().and_then(|d| d.parse::<NaiveDate>().ok()),
        )
    } else {
        (None, None)
    };
    let saved = save(&txn, model, id, expected_version).await?;
    append_event(
        &txn,
        NewLeadEvent {
            lead_id: id,
            actor_id: Some(actor.user_id),
            action,
            channel,
            note,
            next_on,
            payload,
        },
    )
    .await?;
    let result = record(&txn, saved).await?;
    txn.commit().await?;
    Ok(result)
}
