//! What follows every change of a case, registration included, in the change's transaction:
//! the timeline entry, the scheduled visits, the people to tell, the webhook outbox and the
//! statistics deltas. One function, [`after_change`], for every path (`super::pipeline`,
//! `super::create`).

use chrono::{DateTime, Utc};
use huiyin_domain::case::change::Change;
use huiyin_domain::case::{CaseAction, CaseKind, CaseStatus, Severity, Visibility};
use huiyin_domain::sla::escalation::{notify_on_registration, Level};
use huiyin_domain::stats::rollup::Facts;
use huiyin_domain::webhook::WebhookEvent;
use sea_orm::{ConnectionTrait, EntityTrait, QueryTrait};
use serde_json::json;
use uuid::Uuid;

use super::batch::Batch;
use super::targets::Target;
use crate::entity::{case, job, property};
use crate::notifications::{self, NewNotification, NotificationKind};
use crate::timeline::{self, NewEvent};
use crate::{jobs, sla, visits, warnings, webhooks, Actor, StoreResult};

/// What brought the change about.
pub enum Cause<'a> {
    /// A new case, registered at `level` with `terms`.
    Registered {
        terms: &'a sla::Terms,
        level: Level,
        property: Option<&'a property::Model>,
    },
    /// An action decided by the domain.
    Action {
        before: &'a case::Model,
        change: &'a Change,
        action: CaseAction,
        terms: &'a sla::Terms,
        /// The case's stored statistics facts, read with it.
        facts: Option<&'a Facts>,
        /// The department the action named, as looked up (with its handlers).
        target: Option<&'a Target>,
    },
}

/// A change of a case, as written.
pub struct Changed<'a> {
    pub actor: &'a Actor,
    /// The case as written.
    pub case: &'a case::Model,
    pub at: DateTime<Utc>,
    pub cause: Cause<'a>,
}

/// Runs everything a change sets in motion, in the change's transaction. `batch` holds the
/// change's own writes not run yet (a registration's case row); the timeline entry, the warning
/// check and the statistics join them and go to the database together (one statement on
/// PostgreSQL) before anything that refers to the case.
pub async fn after_change(db: &impl ConnectionTrait, c: &Changed<'_>, mut batch: Batch) -> StoreResult<()> {
    timeline(db, c, &mut batch)?;
    warning_check(db, c, &mut batch);
    statistics(db, c, &mut batch).await?;
    batch.run(db).await?;
    schedule_visits(db, c).await?;
    tell_people(db, c).await?;
    outbox(db, c).await
}

fn timeline(db: &impl ConnectionTrait, c: &Changed<'_>, batch: &mut Batch) -> StoreResult<()> {
    let event = match &c.cause {
        Cause::Registered { .. } => NewEvent {
            case_id: c.case.id,
            actor_id: c.actor.recorded_id(),
            action: "register",
            from: None,
            to: Some(CaseStatus::Registered),
            note: None,
            payload: json!({"number": c.case.number, "kind": c.case.kind, "channel": c.case.channel, "severity": c.case.severity}),
            visibility: Visibility::Public,
        },
        Cause::Action { change, .. } => NewEvent {
            case_id: c.case.id,
            actor_id: c.actor.recorded_id(),
            action: change.event.action,
            from: Some(change.outcome.from),
            to: Some(change.outcome.to),
            note: change.event.note.clone(),
            payload: change.event.payload.clone(),
            visibility: change.event.visibility,
        },
    };
    batch.push(timeline::insert(db.get_database_backend(), event)?.0);
    Ok(())
}

/// New complaints, repairs and incidents are checked against the warning rules by the worker
/// (each rule counts the kinds it watches: complaints unless it says otherwise).
fn warning_check(db: &impl ConnectionTrait, c: &Changed<'_>, batch: &mut Batch) {
    let watched = matches!(
        CaseKind::parse(&c.case.kind),
        Some(CaseKind::Complaint | CaseKind::Repair | CaseKind::Incident)
    );
    if matches!(c.cause, Cause::Registered { .. }) && watched {
        let job = jobs::new_job(warnings::EVALUATE_JOB, json!({"case_id": c.case.id}), None, 3);
        batch.push(job::Entity::insert(job).build(db.get_database_backend()));
    }
}

async fn schedule_visits(db: &impl ConnectionTrait, c: &Changed<'_>) -> StoreResult<()> {
    match &c.cause {
        Cause::Registered { terms, .. } => visits::on_register(db, c.case, terms).await,
        Cause::Action { change, terms, .. } => {
            if change.event.action == "resolve" {
                visits::on_resolve(db, c.case, terms, c.at).await?;
            }
            if change.event.action == "redispatch" {
                visits::on_redispatch(db, c.case.id).await?;
            }
            match change.visit.as_ref() {
                Some(v) if v.reached => {
                    visits::on_case_visit(db, c.case.id, c.actor, c.at, v.satisfaction, v.comment.as_deref()).await?
                }
                Some(v) => {
                    let closed = change.outcome.to == CaseStatus::Closed;
                    visits::unreached::on_unreached(db, c.case, c.actor, c.at, closed, v.comment.as_deref()).await?
                }
                None => {}
            }
            if change.outcome.to.is_terminal() && !change.outcome.from.is_terminal() {
                visits::on_case_finished(db, c.case.id).await?;
            }
            Ok(())
        }
    }
}

async fn tell_people(db: &impl ConnectionTrait, c: &Changed<'_>) -> StoreResult<()> {
    match &c.cause {
        Cause::Registered { level, .. } => {
            crate::stewardship::notify_area_steward(db, c.case).await?;
            let kind = CaseKind::parse(&c.case.kind).unwrap_or(CaseKind::Complaint);
            let severity = Severity::parse(&c.case.severity).unwrap_or(Severity::Normal);
            if !notify_on_registration(kind, severity) {
                return Ok(());
            }
            let who = sla::contacts::recipients_for_case(db, *level, c.case).await?;
            let what = if severity == Severity::Urgent {
                "紧急"
            } else {
                "重大投诉"
            };
            notifications::notify(
                db,
                &who,
                &NewNotification {
                    kind: NotificationKind::UrgentCase,
                    title: format!("{what}案件 {}", c.case.number),
                    body: c.case.title.clone(),
                    case_id: Some(c.case.id),
                    warning_id: None,
                },
            )
            .await?;
            Ok(())
        }
        Cause::Action {
            before,
            change,
            action,
            target,
            ..
        } => {
            if let Some((from, to, reason)) = &change.escalated {
                sla::contacts::announce_escalation(db, c.case, *from, *to, reason, false).await?;
            }
            if change.outcome.to == CaseStatus::Review && change.outcome.from != CaseStatus::Review {
                tell_supervisors(db, c.case).await?;
            }
            tell_assignees(db, before, c.case, *action, *target).await
        }
    }
}

/// A case dissatisfied a third time: the contacts of its level decide (a supervisor dispatches).
async fn tell_supervisors(db: &impl ConnectionTrait, case: &case::Model) -> StoreResult<()> {
    let level = Level::parse(&case.level).unwrap_or(Level::Project);
    let mut who = sla::contacts::recipients_for_case(db, Level::Project, case).await?;
    if level != Level::Project {
        who.extend(sla::contacts::recipients_for_case(db, level, case).await?);
        who.sort_unstable();
        who.dedup();
    }
    notifications::notify(
        db,
        &who,
        &NewNotification {
            kind: NotificationKind::Review,
            title: format!("案件 {} 第三次回访不满意，待主管决定派单", case.number),
            body: case.title.clone(),
            case_id: Some(case.id),
            warning_id: None,
        },
    )
    .await?;
    Ok(())
}

/// A new or moved work order goes to its assignee, or to the department's handlers who work in
/// the case's project (never another project's).
async fn tell_assignees(
    db: &impl ConnectionTrait,
    before: &case::Model,
    after: &case::Model,
    action: CaseAction,
    target: Option<&Target>,
) -> StoreResult<()> {
    let assigned = after.department_id.is_some()
        && (after.dispatch_count != before.dispatch_count
            || after.department_id != before.department_id
            || (after.assignee_id != before.assignee_id
                && after.assignee_id.is_some()
                && action != CaseAction::Accept));
    if !assigned {
        return Ok(());
    }
    let recipients: Vec<Uuid> = match after.assignee_id {
        Some(user) => vec![user],
        None => match after.department_id {
            Some(department) => match target.filter(|t| t.id == department) {
                Some(known) => known.handlers.clone(),
                None => super::targets::handlers_in_project(db, department, after.project_id).await?,
            },
            None => Vec::new(),
        },
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
    Ok(())
}

async fn outbox(db: &impl ConnectionTrait, c: &Changed<'_>) -> StoreResult<()> {
    let after = c.case;
    match &c.cause {
        Cause::Registered { .. } => {
            webhooks::emit(
                db,
                WebhookEvent::CaseCreated,
                json!({"case_id": after.id, "number": after.number, "kind": after.kind,
                    "channel": after.channel, "severity": after.severity, "status": after.status,
                    "project_id": after.project_id, "level": after.level, "title": after.title}),
            )
            .await?;
        }
        Cause::Action {
            before, change, action, ..
        } => {
            if change.outcome.from != change.outcome.to || change.outcome.second_dispatch {
                webhooks::emit(
                    db,
                    WebhookEvent::CaseStatusChanged,
                    json!({"case_id": after.id, "number": after.number, "project_id": after.project_id,
                           "from": before.status, "to": after.status, "action": action, "dispatch_count": after.dispatch_count}),
                )
                .await?;
            }
            if let Some(v) = &change.visit {
                webhooks::emit(
                    db,
                    WebhookEvent::VisitRecorded,
                    json!({"case_id": after.id, "number": after.number, "project_id": after.project_id,
                           "reached": v.reached, "satisfaction": v.satisfaction, "status": after.status}),
                )
                .await?;
            }
        }
    }
    Ok(())
}

async fn statistics(db: &impl ConnectionTrait, c: &Changed<'_>, batch: &mut Batch) -> StoreResult<()> {
    let statements = match &c.cause {
        Cause::Registered { property, .. } => {
            let facts = crate::stats::facts::facts_of(c.case, *property);
            crate::stats::fold::record_statements(db.get_database_backend(), c.case.id, None, &facts)?
        }
        Cause::Action { facts, .. } => crate::stats::fold::record_case(db, c.case, *facts).await?,
    };
    for statement in statements {
        batch.push(statement);
    }
    Ok(())
}
