//! Applying an action to a case: the domain state machine decides, this module writes the
//! outcome — case row (with version check), work order, visit, timeline event — in one transaction.

use chrono::{DateTime, Utc};
use huiyin_domain::case::{
    apply, CancelReason, CaseAction, CaseStatus, Command, ReplyMethod, Satisfaction, Visibility, WorkOrderEffect,
    WorkOrderStatus,
};
use huiyin_domain::case::{check_flags, Severity, TransitionError};
use huiyin_domain::role::Role;
use huiyin_domain::sla::deadlines::shift_for_pause;
use huiyin_domain::sla::escalation::Level;
use huiyin_domain::webhook::WebhookEvent;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set, TransactionTrait,
    TryIntoModel,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;
use uuid::Uuid;

use super::events::{self, NewEvent};
use super::{kind_of, scope, status_of};
use crate::entity::{case, department, user, visit, work_order};
use crate::notifications::{self, NewNotification, NotificationKind};
use crate::validate::{optional, required};
use crate::{new_id, now, sla, visits, webhooks, Actor, StoreError, StoreResult};

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VerifyCase {
    /// What the same-day check found (调查核实).
    #[schema(example = "已电话核实，确认为楼上防水层破损。")]
    pub note: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DispatchCase {
    pub department_id: Uuid,
    /// A member of that department; otherwise the department picks someone.
    pub assignee_id: Option<Uuid>,
    /// Defaults to the resolution window for the case's kind and severity.
    pub due_at: Option<DateTime<Utc>>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResolveCase {
    #[schema(example = "已更换破损水管并做闭水试验。")]
    pub result: String,
    /// Paid service outside warranty (有偿服务), in yuan with at most two decimals.
    #[schema(example = 120.5)]
    pub charge_amount: Option<f64>,
    pub materials: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplyCase {
    /// What the customer was told (回复).
    pub content: String,
    pub method: ReplyMethod,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VisitCase {
    /// Whether the customer was reached.
    pub reached: bool,
    /// Required when reached. Dissatisfied or worse sends the case back out (二次派单).
    pub satisfaction: Option<Satisfaction>,
    pub comment: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CloseOnSpot {
    /// The answer given during the call (first-contact resolution).
    pub answer: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CancelCase {
    pub reason: CancelReason,
    /// Required when the reason is `duplicate`: the case this one repeats.
    pub duplicate_of: Option<Uuid>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CommentCase {
    pub body: String,
    /// `public` notes are shown to the resident; `internal` ones never are.
    pub visibility: Visibility,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReassignCase {
    pub department_id: Option<Uuid>,
    pub assignee_id: Option<Uuid>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PauseCase {
    /// What the case waits for from the customer (shown in the timeline).
    #[schema(example = "业主出差，约定下周一上门。")]
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResumeCase {
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EscalateCase {
    /// Why the case goes up a level.
    #[schema(example = "业主多次来电，情绪激动，要求片区经理出面。")]
    pub reason: String,
}

/// An action with its input.
#[derive(Debug, Clone)]
pub enum ActionInput {
    Verify(VerifyCase),
    Dispatch(DispatchCase),
    Accept,
    Resolve(ResolveCase),
    Reply(ReplyCase),
    Visit(VisitCase),
    CloseOnSpot(CloseOnSpot),
    Cancel(CancelCase),
    Comment(CommentCase),
    Reassign(ReassignCase),
    Pause(PauseCase),
    Resume(ResumeCase),
    Escalate(EscalateCase),
    Deescalate(EscalateCase),
}

impl ActionInput {
    pub fn action(&self) -> CaseAction {
        self.command().action()
    }

    fn command(&self) -> Command {
        match self {
            ActionInput::Verify(_) => Command::Verify,
            ActionInput::Dispatch(_) => Command::Dispatch,
            ActionInput::Accept => Command::Accept,
            ActionInput::Resolve(_) => Command::Resolve,
            ActionInput::Reply(_) => Command::Reply,
            ActionInput::Visit(v) => Command::Visit {
                reached: v.reached,
                satisfaction: v.satisfaction,
            },
            ActionInput::CloseOnSpot(_) => Command::CloseOnSpot,
            ActionInput::Cancel(_) => Command::Cancel,
            ActionInput::Comment(_) => Command::Comment,
            ActionInput::Reassign(_) => Command::Reassign,
            ActionInput::Pause(_) => Command::Pause,
            ActionInput::Resume(_) => Command::Resume,
            ActionInput::Escalate(_) => Command::Escalate,
            ActionInput::Deescalate(_) => Command::Deescalate,
        }
    }
}

/// Loads a case the actor may see (NotFound otherwise).
pub async fn find_visible(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<case::Model> {
    case::Entity::find_by_id(id)
        .filter(scope::condition(actor))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)
}

async fn check_department(db: &impl ConnectionTrait, id: Uuid) -> StoreResult<department::Model> {
    department::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| StoreError::invalid("department_id", "no such department"))
}

async fn check_assignee(db: &impl ConnectionTrait, assignee: Option<Uuid>, department_id: Uuid) -> StoreResult<()> {
    if let Some(id) = assignee {
        match user::Entity::find_by_id(id).one(db).await? {
            Some(u) if u.active && u.department_id == Some(department_id) && u.role != Role::Resident.as_str() => {}
            _ => {
                return Err(StoreError::invalid(
                    "assignee_id",
                    "must be an active member of the department",
                ))
            }
        }
    }
    Ok(())
}

fn charge_cents(amount: Option<f64>) -> StoreResult<Option<i64>> {
    match amount {
        None => Ok(None),
        Some(a) if !a.is_finite() || !(0.0..=1_000_000.0).contains(&a) => Err(StoreError::invalid(
            "charge_amount",
            "must be between 0 and 1,000,000 yuan",
        )),
        Some(a) => {
            let cents = (a * 100.0).round();
            if ((a * 100.0) - cents).abs() > 1e-6 {
                return Err(StoreError::invalid("charge_amount", "at most two decimals"));
            }
            Ok(Some(cents as i64))
        }
    }
}

struct Change {
    event_action: &'static str,
    note: Option<String>,
    payload: serde_json::Value,
    visibility: Visibility,
}

/// Performs `input` on case `id` if the actor's `expected_version` is current.
pub async fn perform<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    expected_version: i32,
    input: ActionInput,
) -> StoreResult<case::Model> {
    let txn = db.begin().await?;
    let current = find_visible(&txn, actor, id).await?;
    if current.version != expected_version {
        return Err(StoreError::Stale {
            current: current.version,
        });
    }
    let kind = kind_of(&current)?;
    let status = status_of(&current)?;
    let outcome = apply(kind, status, input.command())?;
    let level = Level::parse(&current.level).unwrap_or(Level::Project);
    check_flags(input.command(), current.paused_at.is_some(), level)?;
    let severity = Severity::parse(&current.severity).unwrap_or(Severity::Normal);
    let terms = sla::LazyTerms::new(kind, severity);
    let at = now();
    let mut model = current.clone().into_active_model();
    let resumes = current.paused_at.is_some() && resumes_the_clock(&input);
    if resumes {
        resume(&txn, &mut model, &current, terms.get(&txn).await?, at).await?;
    }
    let mut escalated_to = None;
    model.status = Set(outcome.to.as_str().to_owned());
    model.updated_at = Set(at);
    model.version = Set(current.version + 1);
    let current_order = match current.current_work_order_id {
        Some(wo) => work_order::Entity::find_by_id(wo).one(&txn).await?,
        None => None,
    };

    let change = match &input {
        ActionInput::Verify(v) => {
            model.verified_at = Set(Some(at));
            Change {
                event_action: "verify",
                note: Some(required("note", &v.note, 4000)?),
                payload: json!({}),
                visibility: Visibility::Internal,
            }
        }
        ActionInput::Dispatch(d) => {
            let dept = check_department(&txn, d.department_id).await?;
            check_assignee(&txn, d.assignee_id, d.department_id).await?;
            if d.due_at.is_some_and(|due| due <= at) {
                return Err(StoreError::invalid("due_at", "must be in the future"));
            }
            let due = match d.due_at {
                Some(due) => due,
                None => {
                    let terms = terms.get(&txn).await?;
                    terms.clock.add(at, terms.durations.resolve())
                }
            };
            let note = optional("note", d.note.as_deref(), 4000)?;
            let sequence = current.dispatch_count + 1;
            let order = open_work_order(
                &txn,
                actor,
                &current,
                sequence,
                d.department_id,
                d.assignee_id,
                Some(due),
                note.clone(),
                at,
            )
            .await?;
            model.department_id = Set(Some(d.department_id));
            model.assignee_id = Set(d.assignee_id);
            model.current_work_order_id = Set(Some(order.id));
            model.dispatch_count = Set(sequence);
            model.due_at = Set(Some(due));
            model.resolve_breached = Set(false);
            if current.first_dispatched_at.is_none() {
                model.first_dispatched_at = Set(Some(at));
            }
            Change {
                event_action: "dispatch",
                note,
                payload: json!({"department_id": dept.id, "department": dept.name, "assignee_id": d.assignee_id, "due_at": due, "work_order": sequence}),
                visibility: Visibility::Public,
            }
        }
        ActionInput::Accept => {
            let assignee = current.assignee_id.unwrap_or(actor.user_id);
            if let Some(order) = &current_order {
                let mut wo = order.clone().into_active_model();
                wo.status = Set(WorkOrderStatus::Accepted.as_str().to_owned());
                wo.accepted_at = Set(Some(at));
                wo.assignee_id = Set(Some(assignee));
                wo.update(&txn).await?;
            }
            model.assignee_id = Set(Some(assignee));
            Change {
                event_action: "accept",
                note: None,
                payload: json!({"assignee_id": assignee}),
                visibility: Visibility::Public,
            }
        }
        ActionInput::Resolve(r) => {
            let result = required("result", &r.result, 4000)?;
            let cents = charge_cents(r.charge_amount)?;
            let materials = optional("materials", r.materials.as_deref(), 2000)?;
            if let Some(order) = &current_order {
                let mut wo = order.clone().into_active_model();
                wo.status = Set(WorkOrderStatus::Done.as_str().to_owned());
                wo.completed_at = Set(Some(at));
                wo.result = Set(Some(result.clone()));
                wo.charge_cents = Set(cents);
                wo.materials = Set(materials.clone());
                if order.assignee_id.is_none() {
                    wo.assignee_id = Set(Some(actor.user_id));
                }
                wo.update(&txn).await?;
            }
            model.resolved_at = Set(Some(at));
            let terms = terms.get(&txn).await?;
            model.reply_due_at = Set(Some(terms.clock.add(at, terms.durations.reply())));
            model.reply_breached = Set(false);
            visits::on_resolve(&txn, &current, terms, at).await?;
            Change {
                event_action: "resolve",
                note: Some(result),
                payload: json!({"charge_amount": r.charge_amount, "materials": materials}),
                visibility: Visibility::Public,
            }
        }
        ActionInput::Reply(r) => {
            let content = required("content", &r.content, 4000)?;
            model.replied_at = Set(Some(at));
            Change {
                event_action: "reply",
                note: Some(content),
                payload: json!({"method": r.method}),
                visibility: Visibility::Public,
            }
        }
        ActionInput::Visit(v) => {
            let comment = optional("comment", v.comment.as_deref(), 4000)?;
            visit::ActiveModel {
                id: Set(new_id()),
                case_id: Set(current.id),
                work_order_id: Set(current.current_work_order_id),
                visitor_id: Set(Some(actor.user_id)),
                reached: Set(v.reached),
                satisfaction: Set(v.satisfaction.map(|s| s.as_str().to_owned())),
                comment: Set(comment.clone()),
                created_at: Set(at),
            }
            .insert(&txn)
            .await?;
            if v.reached {
                visits::on_case_visit(&txn, current.id, actor, at, comment.as_deref()).await?;
            }
            let mut payload = json!({"reached": v.reached, "satisfaction": v.satisfaction});
            if let Some(s) = v.satisfaction {
                model.last_satisfaction = Set(Some(s.as_str().to_owned()));
            }
            if outcome.to == CaseStatus::Closed {
                model.closed_at = Set(Some(at));
            }
            if outcome.second_dispatch {
                // 二次派单: the same department rectifies again, with a fresh deadline.
                let department = current_order
                    .as_ref()
                    .map(|o| o.department_id)
                    .or(current.department_id)
                    .ok_or_else(|| StoreError::invalid("department_id", "the case was never dispatched"))?;
                let assignee = current_order
                    .as_ref()
                    .and_then(|o| o.assignee_id)
                    .or(current.assignee_id);
                let terms = terms.get(&txn).await?;
                let due = terms.clock.add(at, terms.durations.resolve());
                let sequence = current.dispatch_count + 1;
                let order = open_work_order(
                    &txn,
                    actor,
                    &current,
                    sequence,
                    department,
                    assignee,
                    Some(due),
                    comment.clone(),
                    at,
                )
                .await?;
                model.current_work_order_id = Set(Some(order.id));
                model.dispatch_count = Set(sequence);
                model.department_id = Set(Some(department));
                model.assignee_id = Set(assignee);
                model.due_at = Set(Some(due));
                model.resolved_at = Set(None);
                model.replied_at = Set(None);
                model.resolve_breached = Set(false);
                model.reply_due_at = Set(None);
                model.reply_breached = Set(false);
                payload["second_dispatch"] = json!(true);
                payload["work_order"] = json!(sequence);
                payload["due_at"] = json!(due);
            }
            Change {
                event_action: "visit",
                note: comment,
                payload,
                visibility: Visibility::Public,
            }
        }
        ActionInput::CloseOnSpot(c) => {
            let answer = required("answer", &c.answer, 4000)?;
            model.replied_at = Set(Some(at));
            model.closed_at = Set(Some(at));
            model.closed_on_spot = Set(true);
            Change {
                event_action: "close_on_spot",
                note: Some(answer),
                payload: json!({"first_contact_resolution": true}),
                visibility: Visibility::Public,
            }
        }
        ActionInput::Cancel(c) => {
            match (c.reason, c.duplicate_of) {
                (CancelReason::Duplicate, None) => {
                    return Err(StoreError::invalid(
                        "duplicate_of",
                        "name the original case of a duplicate",
                    ))
                }
                (CancelReason::Duplicate, Some(original)) => {
                    if original == current.id {
                        return Err(StoreError::invalid("duplicate_of", "a case cannot duplicate itself"));
                    }
                    find_visible(&txn, actor, original)
                        .await
                        .map_err(|_| StoreError::invalid("duplicate_of", "no such case"))?;
                    model.duplicate_of = Set(Some(original));
                }
                (_, Some(_)) => return Err(StoreError::invalid("duplicate_of", "only for the reason 'duplicate'")),
                (_, None) => {}
            }
            model.cancelled_at = Set(Some(at));
            if outcome.work_order == WorkOrderEffect::Cancel {
                if let Some(order) = &current_order {
                    let mut wo = order.clone().into_active_model();
                    wo.status = Set(WorkOrderStatus::Cancelled.as_str().to_owned());
                    wo.update(&txn).await?;
                }
            }
            Change {
                event_action: "cancel",
                note: optional("note", c.note.as_deref(), 4000)?,
                payload: json!({"reason": c.reason, "duplicate_of": c.duplicate_of}),
                visibility: Visibility::Public,
            }
        }
        ActionInput::Comment(c) => Change {
            event_action: "comment",
            note: Some(required("body", &c.body, 4000)?),
            payload: json!({}),
            visibility: c.visibility,
        },
        ActionInput::Reassign(r) => {
            if r.department_id.is_none() && r.assignee_id.is_none() {
                return Err(StoreError::invalid(
                    "department_id",
                    "give a department_id, an assignee_id or both",
                ));
            }
            let department = r
                .department_id
                .or(current.department_id)
                .ok_or_else(|| StoreError::invalid("department_id", "required"))?;
            let dept = check_department(&txn, department).await?;
            check_assignee(&txn, r.assignee_id, department).await?;
            if let Some(order) = &current_order {
                let mut wo = order.clone().into_active_model();
                wo.department_id = Set(department);
                wo.assignee_id = Set(r.assignee_id);
                wo.status = Set(WorkOrderStatus::Open.as_str().to_owned());
                wo.accepted_at = Set(None);
                wo.update(&txn).await?;
            }
            model.department_id = Set(Some(department));
            model.assignee_id = Set(r.assignee_id);
            Change {
                event_action: "reassign",
                note: optional("note", r.note.as_deref(), 4000)?,
                payload: json!({"from_department_id": current.department_id, "department_id": department, "department": dept.name,
                                "from_assignee_id": current.assignee_id, "assignee_id": r.assignee_id}),
                visibility: Visibility::Internal,
            }
        }
        ActionInput::Pause(p) => {
            let reason = required("reason", &p.reason, 500)?;
            model.paused_at = Set(Some(at));
            model.pause_reason = Set(Some(reason.clone()));
            Change {
                event_action: "pause",
                note: Some(reason),
                payload: json!({}),
                visibility: Visibility::Public,
            }
        }
        ActionInput::Resume(r) => Change {
            event_action: "resume",
            note: optional("note", r.note.as_deref(), 4000)?,
            payload: json!({"paused_at": current.paused_at, "pause_reason": current.pause_reason}),
            visibility: Visibility::Public,
        },
        ActionInput::Escalate(e) | ActionInput::Deescalate(e) => {
            let reason = required("reason", &e.reason, 2000)?;
            let up = matches!(input, ActionInput::Escalate(_));
            let to = if up { level.raised() } else { level.lowered() }.map_err(TransitionError::from)?;
            model.level = Set(to.as_str().to_owned());
            model.peak_level = Set(sla::deadlines::peak(&current.peak_level, to).as_str().to_owned());
            if up {
                escalated_to = Some((to, reason.clone()));
            }
            Change {
                event_action: if up { "escalate" } else { "deescalate" },
                note: Some(reason),
                payload: json!({"from_level": level, "to_level": to, "automatic": false}),
                visibility: Visibility::Internal,
            }
        }
    };
    if outcome.to.is_terminal() && !status.is_terminal() {
        visits::on_case_finished(&txn, id).await?;
    }
    let projected = model.clone().try_into_model()?;
    sla::deadlines::schedule(&mut model, &projected);

    // The version check is part of the UPDATE itself: of two concurrent actions one wins.
    let updated = case::Entity::update_many()
        .set(model)
        .filter(case::Column::Id.eq(id))
        .filter(case::Column::Version.eq(expected_version))
        .exec(&txn)
        .await?;
    if updated.rows_affected == 0 {
        return Err(StoreError::Stale {
            current: expected_version + 1,
        });
    }
    events::append(
        &txn,
        NewEvent {
            case_id: id,
            actor_id: Some(actor.user_id),
            action: change.event_action,
            from: Some(outcome.from),
            to: Some(outcome.to),
            note: change.note,
            payload: change.payload,
            visibility: change.visibility,
        },
    )
    .await?;
    let saved = case::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(StoreError::NotFound)?;
    if let Some((to, reason)) = escalated_to {
        sla::contacts::announce_escalation(&txn, &saved, level, to, &reason, false).await?;
    }
    announce(
        &txn,
        &current,
        &saved,
        &input,
        outcome.from != outcome.to || outcome.second_dispatch,
    )
    .await?;
    crate::stats::rollup::refresh(&txn, id).await?;
    txn.commit().await?;
    Ok(saved)
}

/// Actions that mean the customer got back to us: they restart a paused clock.
fn resumes_the_clock(input: &ActionInput) -> bool {
    !matches!(
        input,
        ActionInput::Comment(_)
            | ActionInput::Pause(_)
            | ActionInput::Escalate(_)
            | ActionInput::Deescalate(_)
            | ActionInput::Reassign(_)
    )
}

/// Ends a pause: every deadline still ahead when it began gets back the time left on it then.
async fn resume(
    db: &impl ConnectionTrait,
    model: &mut case::ActiveModel,
    current: &case::Model,
    terms: &sla::Terms,
    at: DateTime<Utc>,
) -> StoreResult<()> {
    let Some(paused_at) = current.paused_at else {
        return Ok(());
    };
    let shift = |due: Option<DateTime<Utc>>| due.map(|d| shift_for_pause(&terms.clock, d, paused_at, at));
    model.verify_due_at = Set(shift(current.verify_due_at));
    model.dispatch_due_at = Set(shift(current.dispatch_due_at));
    model.due_at = Set(shift(current.due_at));
    model.reply_due_at = Set(shift(current.reply_due_at));
    model.paused_at = Set(None);
    model.pause_reason = Set(None);
    if let Some(order_id) = current.current_work_order_id {
        work_order::Entity::update_many()
            .col_expr(work_order::Column::DueAt, Expr::value(shift(current.due_at)))
            .filter(work_order::Column::Id.eq(order_id))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// Tells people and integrations what the action changed (inside the action's transaction).
async fn announce(
    db: &impl ConnectionTrait,
    before: &case::Model,
    after: &case::Model,
    input: &ActionInput,
    status_changed: bool,
) -> StoreResult<()> {
    if status_changed {
        webhooks::emit(
            db,
            WebhookEvent::CaseStatusChanged,
            json!({"case_id": after.id, "number": after.number, "project_id": after.project_id,
                   "from": before.status, "to": after.status, "action": input.action(), "dispatch_count": after.dispatch_count}),
        )
        .await?;
    }
    if let ActionInput::Visit(v) = input {
        webhooks::emit(
            db,
            WebhookEvent::VisitRecorded,
            json!({"case_id": after.id, "number": after.number, "project_id": after.project_id,
                   "reached": v.reached, "satisfaction": v.satisfaction, "status": after.status}),
        )
        .await?;
    }
    let assigned = after.department_id.is_some()
        && (after.dispatch_count != before.dispatch_count
            || after.department_id != before.department_id
            || (after.assignee_id != before.assignee_id
                && after.assignee_id.is_some()
                && !matches!(input, ActionInput::Accept)));
    if assigned {
        let recipients = match after.assignee_id {
            Some(user) => vec![user],
            None => user::Entity::find()
                .filter(user::Column::DepartmentId.eq(after.department_id))
                .filter(user::Column::Active.eq(true))
                .filter(user::Column::Role.eq(Role::Handler.as_str()))
                .all(db)
                .await?
                .into_iter()
                .map(|u| u.id)
                .collect(),
        };
        notifications::notify(
            db,
            &recipients,
            &NewNotification {
                kind: NotificationKind::Assigned,
                title: format!("新工单 {}（第 {} 次派单）", after.number, after.dispatch_count),
                body: after.title.clone(),
                case_id: Some(after.id),
                warning_id: None,
            },
        )
        .await?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
async fn open_work_order(
    db: &impl ConnectionTrait,
    actor: &Actor,
    case: &case::Model,
    sequence: i32,
    department_id: Uuid,
    assignee_id: Option<Uuid>,
    due_at: Option<DateTime<Utc>>,
    note: Option<String>,
    at: DateTime<Utc>,
) -> StoreResult<work_order::Model> {
    // A previous order still open (e.g. never completed) is closed off by the new one.
    work_order::Entity::update_many()
        .col_expr(
            work_order::Column::Status,
            Expr::value(WorkOrderStatus::Cancelled.as_str()),
        )
        .filter(work_order::Column::CaseId.eq(case.id))
        .filter(work_order::Column::Status.is_in([WorkOrderStatus::Open.as_str(), WorkOrderStatus::Accepted.as_str()]))
        .exec(db)
        .await?;
    Ok(work_order::ActiveModel {
        id: Set(new_id()),
        case_id: Set(case.id),
        sequence: Set(sequence),
        department_id: Set(department_id),
        assignee_id: Set(assignee_id),
        status: Set(WorkOrderStatus::Open.as_str().to_owned()),
        note: Set(note),
        due_at: Set(due_at),
        dispatched_by: Set(Some(actor.user_id)),
        dispatched_at: Set(at),
        accepted_at: Set(None),
        completed_at: Set(None),
        result: Set(None),
        charge_cents: Set(None),
        materials: Set(None),
    }
    .insert(db)
    .await?)
}

#[cfg(test)]
mod tests {
    use super::charge_cents;

    #[test]
    fn charges_are_exact_cents() {
        assert_eq!(charge_cents(None).unwrap(), None);
        assert_eq!(charge_cents(Some(120.5)).unwrap(), Some(12050));
        assert_eq!(charge_cents(Some(0.1 + 0.2)).unwrap(), Some(30));
        assert!(charge_cents(Some(-1.0)).is_err());
        assert!(charge_cents(Some(1.005)).is_err());
        assert!(charge_cents(Some(f64::NAN)).is_err());
        assert!(charge_cents(Some(2e6)).is_err());
    }
}
