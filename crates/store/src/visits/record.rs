//! Recording a scheduled visit's outcome (`POST /api/v1/visits/{id}/record`, issue #19).
//!
//! * Contact check (24 h): `contacted` or `not_contacted` (the department is told).
//! * Outcome check (48 h): `done`, `not_done` — the case is dispatched again through the case
//!   pipeline (二次派单, the department is told) — or `unreachable`.
//! * Satisfaction visit: one of the four levels, or `unreachable`: recorded as the case's
//!   `visit` action, which decides the case's next step.
//!
//! `unreachable` schedules another try after the project's `retry_delay_hours`; after
//! `max_tries` the visit is closed as unreachable (a satisfaction visit closes its case without a
//! satisfaction). No check is recorded earlier than `early_margin_hours` before it is due (409).
//! Old clients sending only `reached` get the outcome `legacy_outcome` says.

use huiyin_domain::case::checks::{
    after_unreachable, earliest_record, legacy_outcome, outcome_allowed, Retry, ScheduledVisitStatus,
};
use huiyin_domain::case::{apply, Command, Visibility};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set, TransactionTrait};
use serde_json::json;
use uuid::Uuid;

use super::{in_scope, settings, view, ScheduledVisitRecord, VisitOutcome, VisitPurpose};
use crate::cases::actions::{ActionInput, VisitCase};
use crate::cases::pipeline::perform_in;
use crate::entity::{case, scheduled_visit};
use crate::notifications::{self, NewNotification, NotificationKind};
use crate::timeline::{self, NewEvent};
use crate::validate::optional;
use crate::wire::Wire;
use crate::{now, statements, Actor, StoreError, StoreResult};

#[derive(Debug, Clone)]
pub struct RecordVisitCheck {
    /// What the visit found. Contact check: `contacted` | `not_contacted`; outcome check:
    /// `done` | `not_done` | `unreachable`; satisfaction visit: `very_dissatisfied` |
    /// `dissatisfied` | `satisfied` | `very_satisfied` | `unreachable`.
    pub outcome: Option<VisitOutcome>,
    /// Before outcomes (kept for old clients): on a contact check `true` = `contacted`, `false` =
    /// `not_contacted`; on an outcome check `true` = `done`, `false` = `unreachable`. A
    /// satisfaction visit needs `outcome`. Given with `outcome`, it must agree with it.
    pub reached: Option<bool>,
    /// What the customer said (e.g. "维修师傅已联系，约好明早上门").
    pub note: Option<String>,
}

/// The outcome the body stands for on a visit of `purpose` (422 naming the field otherwise).
fn outcome_of(purpose: VisitPurpose, input: &RecordVisitCheck) -> StoreResult<VisitOutcome> {
    let outcome = match (input.outcome, input.reached) {
        (Some(o), Some(reached)) if o.reached() != reached => {
            return Err(StoreError::invalid("reached", "contradicts the outcome"));
        }
        (Some(o), _) => o,
        (None, Some(reached)) => legacy_outcome(purpose, reached).ok_or_else(|| {
            StoreError::invalid(
                "outcome",
                "a satisfaction visit records one of the four levels or 'unreachable'",
            )
        })?,
        (None, None) => return Err(StoreError::invalid("outcome", "required")),
    };
    if !outcome_allowed(purpose, outcome) {
        return Err(StoreError::invalid(
            "outcome",
            format!("'{outcome}' is not an outcome of a {purpose} visit"),
        ));
    }
    Ok(outcome)
}

/// Records a visit's outcome; answers the visit as it now stands.
pub async fn record<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    input: RecordVisitCheck,
) -> StoreResult<ScheduledVisitRecord> {
    let txn = statements::begin(db).await?;
    let visit = scheduled_visit::Entity::find_by_id(id)
        .filter(in_scope(actor))
        .one(&txn)
        .await?
        .ok_or(StoreError::NotFound)?;
    if visit.status.0 != ScheduledVisitStatus::Pending {
        return Err(StoreError::conflict(
            "status",
            format!("this visit is already {}", visit.status),
        ));
    }
    let purpose = visit.purpose.0;
    let outcome = outcome_of(purpose, &input)?;
    let note = optional("note", input.note.as_deref(), 2000)?;
    let (rules, _) = settings::get(&txn, visit.project_id).await?;
    let at = now();
    if let Err(earliest) = earliest_record(visit.due_at, rules.early_margin(), at) {
        return Err(StoreError::conflict(
            "due_at",
            format!(
                "this visit is due at {}; it may be recorded from {} on",
                visit.due_at.to_rfc3339(),
                earliest.to_rfc3339()
            ),
        ));
    }
    let case = case::Entity::find_by_id(visit.case_id)
        .one(&txn)
        .await?
        .ok_or(StoreError::NotFound)?;
    if purpose == VisitPurpose::Satisfaction {
        // The case's own visit action decides (and, through after-change, updates this visit).
        let input = VisitCase {
            reached: outcome.reached(),
            satisfaction: outcome.satisfaction(),
            comment: note,
        };
        let saved = perform_in(&txn, actor, case.id, case.version, ActionInput::Visit(input)).await?;
        let visit = scheduled_visit::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        statements::commit(txn).await?;
        return Ok(view(visit, Some(&saved), at));
    }
    let (saved, case) = record_check(&txn, actor, visit, case, outcome, note, &rules, at).await?;
    statements::commit(txn).await?;
    Ok(view(saved, Some(&case), at))
}

/// A contact or outcome check: done (or, unreachable before the last try, due again later),
/// its timeline entry, and what its outcome sets in motion. Returns the visit and the case.
#[allow(clippy::too_many_arguments)]
async fn record_check(
    txn: &impl ConnectionTrait,
    actor: &Actor,
    visit: scheduled_visit::Model,
    case: case::Model,
    outcome: VisitOutcome,
    note: Option<String>,
    rules: &huiyin_domain::steward::visits_by::VisitSettings,
    at: chrono::DateTime<chrono::Utc>,
) -> StoreResult<(scheduled_visit::Model, case::Model)> {
    let tries = visit.attempts + 1;
    let mut model = visit.clone().into_active_model();
    let retry = match outcome {
        VisitOutcome::Unreachable => after_unreachable(tries, rules.max_tries, rules.retry_delay(), at),
        _ => Retry::GiveUp,
    };
    match retry {
        Retry::At(next) => {
            model.attempts = Set(tries);
            model.due_at = Set(next);
            model.notified_at = Set(None);
            model.outcome = Set(Some(Wire(outcome)));
        }
        Retry::GiveUp => {
            if outcome == VisitOutcome::Unreachable {
                model.attempts = Set(tries);
            }
            model.status = Set(Wire(ScheduledVisitStatus::Done));
            model.done_at = Set(Some(at));
            model.done_by = Set(Some(actor.user_id));
            model.reached = Set(Some(outcome.reached()));
            model.outcome = Set(Some(Wire(outcome)));
        }
    }
    model.note = Set(note.clone());
    let saved = model.update(txn).await?;
    let status = Some(case.status.0);
    let retry_at = match retry {
        Retry::At(next) => Some(next),
        Retry::GiveUp => None,
    };
    timeline::append(
        txn,
        NewEvent {
            case_id: visit.case_id,
            actor_id: Some(actor.user_id),
            action: "visit_check",
            from: status,
            to: status,
            note: note.clone(),
            payload: json!({"purpose": visit.purpose.0, "outcome": outcome, "reached": outcome.reached(),
                            "tries": saved.attempts, "retry_at": retry_at, "scheduled_visit_id": visit.id}),
            visibility: Visibility::Internal,
        },
    )
    .await?;
    let case = follow_up(txn, actor, case, outcome, note).await?;
    Ok((saved, case))
}

/// What a check's outcome sets in motion: `not_done` dispatches the case again when it has a
/// department (never-dispatched cases are the dispatch deadline's business; a case waiting for
/// a supervisor stays there); `not_contacted` tells the department. Returns the case as it is.
async fn follow_up(
    db: &impl ConnectionTrait,
    actor: &Actor,
    case: case::Model,
    outcome: VisitOutcome,
    note: Option<String>,
) -> StoreResult<case::Model> {
    let (kind, status) = (case.kind.0, case.status.0);
    match outcome {
        VisitOutcome::NotDone if apply(kind, status, Command::Redispatch).is_ok() => {
            perform_in(db, actor, case.id, case.version, ActionInput::Redispatch { note }).await
        }
        VisitOutcome::NotContacted | VisitOutcome::NotDone => {
            let what = if outcome == VisitOutcome::NotContacted {
                "24 小时回访：尚无人联系业主"
            } else {
                "48 小时回访：维修未完成"
            };
            let recipients = department_people(db, &case).await?;
            notifications::notify(
                db,
                &recipients,
                &NewNotification {
                    kind: NotificationKind::CheckFailed,
                    title: format!("案件 {} {what}", case.number),
                    body: case.title.clone(),
                    case_id: Some(case.id),
                    warning_id: None,
                },
            )
            .await?;
            Ok(case)
        }
        _ => Ok(case),
    }
}

/// The case's assignee, else its department's handlers in the case's project.
async fn department_people(db: &impl ConnectionTrait, case: &case::Model) -> StoreResult<Vec<Uuid>> {
    match (case.assignee_id, case.department_id) {
        (Some(user), _) => Ok(vec![user]),
        (None, Some(department)) => crate::cases::targets::handlers_in_project(db, department, case.project_id).await,
        (None, None) => Ok(vec![]),
    }
}
