//! Dispatching a lead to a designer (派单), and reassigning it. The designer's row is locked
//! (`SELECT … FOR UPDATE` on PostgreSQL; SQLite runs one writer at a time) before their load is
//! counted, so two dispatchers racing for a designer's last slot cannot both succeed.

use huiyin_domain::decoration::dispatch::{breaches, decide, Candidate, DispatchRule, Verdict};
use huiyin_domain::decoration::lead::{next_status, LeadAction, LeadStatus};
use huiyin_domain::permission::Permission;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, QuerySelect, Set,
    TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use super::designers::loads;
use super::{append_event, find_visible, record, refused, save, settings, LeadRecord, NewLeadEvent};
use crate::entity::{designer, lead, lead_dispatch, user};
use crate::validate::{optional, version_matches};
use crate::wire::Wire;
use crate::{new_id, now, Actor, StoreError, StoreResult};

#[derive(Debug, Clone)]
pub struct DispatchLead {
    pub designer_id: Uuid,
    /// Asks to dispatch past the rules (design manager only); the reason is recorded.
    pub force_reason: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug)]
pub enum Dispatched {
    Done(Box<LeadRecord>),
    /// Refused: every broken rule, in rule order.
    Refused(Vec<DispatchRule>),
}

/// Whether the rules are set aside, and why (required when they are).
fn forcing(reason: Option<&str>) -> StoreResult<(bool, Option<String>)> {
    let force_reason = optional("force.reason", reason, 500)?;
    let force = reason.is_some();
    if force && force_reason.is_none() {
        return Err(StoreError::invalid("force.reason", "say why the rules are set aside"));
    }
    Ok((force, force_reason))
}

/// The lead's status after a dispatch (`reassign` false) or a reassignment to `designer_id`.
fn status_after(current: &lead::Model, reassign: bool, designer_id: Uuid) -> StoreResult<LeadStatus> {
    let action = if reassign {
        LeadAction::Reassign
    } else {
        LeadAction::Dispatch
    };
    let status = next_status(current.status.0, action).map_err(refused)?;
    if reassign && current.designer_id == Some(designer_id) {
        return Err(StoreError::invalid(
            "designer_id",
            "the lead is already with this designer",
        ));
    }
    Ok(status)
}

/// The designer's profile, locked: every dispatch to this designer queues here until the one
/// before commits. Only a graded, active designer of the lead's store qualifies.
async fn locked_designer(
    txn: &DatabaseTransaction,
    designer_id: Uuid,
    project_id: Uuid,
) -> StoreResult<designer::Model> {
    let profile = designer::Entity::find_by_id(designer_id)
        .lock_exclusive()
        .one(txn)
        .await?;
    let designer_user = user::Entity::find_by_id(designer_id).one(txn).await?;
    let members = match &designer_user {
        Some(u) if u.active => crate::actor::project_ids_of(txn, u.id).await?,
        _ => vec![],
    };
    profile
        .filter(|_| members.contains(&project_id))
        .ok_or_else(|| StoreError::invalid("designer_id", "no graded, active designer of this store with that id"))
}

/// Dispatches (`reassign` false: a new lead) or reassigns a lead to `input.designer_id`.
pub async fn dispatch<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    expected_version: i32,
    input: DispatchLead,
    reassign: bool,
) -> StoreResult<Dispatched> {
    let (force, force_reason) = forcing(input.force_reason.as_deref())?;
    let note = optional("note", input.note.as_deref(), 1000)?;
    let txn = db.begin().await?;
    let current = find_visible(&txn, actor, id).await?;
    version_matches(expected_version, current.version)?;
    let status = status_after(&current, reassign, input.designer_id)?;
    let profile = locked_designer(&txn, input.designer_id, current.project_id).await?;
    let (config, _) = settings::get(&txn).await?;
    let at = now();
    let load = loads(&txn, &[profile.user_id], at)
        .await?
        .first()
        .map(|(_, load)| *load)
        .unwrap_or_default();
    let candidate = Candidate {
        level: profile.level.0,
        load,
        top_signer: profile.top_signer,
    };
    let broken = breaches(current.size.0, &candidate, &config.caps, config.season);
    let overridden = match decide(broken, force, actor.may(Permission::LeadDecide)) {
        Verdict::Allowed => vec![],
        Verdict::Forced(rules) => rules,
        Verdict::Refused(rules) => return Ok(Dispatched::Refused(rules)),
        Verdict::ForceNotPermitted => {
            return Err(StoreError::Forbidden(
                "only the design manager may force a dispatch".into(),
            ))
        }
    };
    let overridden_text = overridden.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(",");
    lead_dispatch::ActiveModel {
        id: Set(new_id()),
        lead_id: Set(id),
        designer_id: Set(profile.user_id),
        project_id: Set(current.project_id),
        dispatched_by: Set(actor.user_id),
        dispatched_at: Set(at),
        forced: Set(force),
        force_reason: Set(force_reason.clone()),
        overridden: Set(overridden_text),
    }
    .insert(&txn)
    .await?;
    let previous = current.designer_id;
    let mut model = current.clone().into_active_model();
    model.status = Set(Wire(status));
    model.designer_id = Set(Some(profile.user_id));
    model.dispatched_at = Set(Some(at));
    let saved = save(&txn, model, id, expected_version).await?;
    let mut touched: designer::ActiveModel = profile.clone().into();
    touched.last_dispatched_at = Set(Some(at));
    touched.update(&txn).await?;
    append_event(
        &txn,
        NewLeadEvent {
            lead_id: id,
            actor_id: Some(actor.user_id),
            action: if reassign { "reassign" } else { "dispatch" },
            channel: None,
            note,
            next_on: None,
            payload: json!({"designer_id": profile.user_id, "previous_designer_id": previous,
                "forced": force, "force_reason": force_reason, "overridden": overridden,
                "load": {"today": load.today, "this_week": load.this_week, "in_hand": load.in_hand}}),
        },
    )
    .await?;
    let result = record(&txn, saved).await?;
    txn.commit().await?;
    Ok(Dispatched::Done(Box::new(result)))
}
