//! Scheduling return visits as a case moves: at registration, resolution, a recorded visit and
//! the end of the case (called from the case pipeline's `after_change`). A repair's visits go
//! to the area's steward when the project's visits are made by stewards (`visits_by`).

use chrono::{DateTime, Utc};
use huiyin_domain::case::{CaseKind, Satisfaction};
use huiyin_domain::steward::visits_by::{visit_assignee, VisitsBy};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, UpdateMany};
use uuid::Uuid;

use super::{settings, ScheduledVisitStatus, VisitPurpose, CANCELLED, DONE, PENDING};
use crate::entity::{area, case, scheduled_visit};
use crate::sla::Terms;
use crate::wire::Wire;
use crate::{new_id, now, Actor, StoreResult};

/// Who the case's visits are assigned to (`None`: the service desk).
async fn assignee(db: &impl ConnectionTrait, case: &case::Model) -> StoreResult<Option<Uuid>> {
    let kind = case.kind.0;
    let Some(area_id) = case.area_id else {
        return Ok(None);
    };
    let (settings, _) = settings::get(db, case.project_id).await?;
    if settings.visits_by != VisitsBy::Steward {
        return Ok(None);
    }
    let steward = area::Entity::find_by_id(area_id)
        .one(db)
        .await?
        .and_then(|a| a.steward_id);
    Ok(visit_assignee(settings, kind, steward))
}

async fn schedule(
    db: &impl ConnectionTrait,
    case: &case::Model,
    purpose: VisitPurpose,
    due_at: DateTime<Utc>,
    assignee_id: Option<Uuid>,
) -> StoreResult<()> {
    scheduled_visit::ActiveModel {
        id: Set(new_id()),
        case_id: Set(case.id),
        project_id: Set(case.project_id),
        purpose: Set(Wire(purpose)),
        due_at: Set(due_at),
        status: Set(Wire(ScheduledVisitStatus::Pending)),
        notified_at: Set(None),
        done_at: Set(None),
        done_by: Set(None),
        reached: Set(None),
        note: Set(None),
        created_at: Set(now()),
        assignee_id: Set(assignee_id),
        outcome: Set(None),
        attempts: Set(0),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// At registration: a repair's contact and outcome checks, counted from when the customer
/// reported it (`reported_at`: a back-dated letter gets its checks relative to its date).
pub async fn on_register(db: &impl ConnectionTrait, case: &case::Model, terms: &Terms) -> StoreResult<()> {
    if case.kind.0 == CaseKind::Repair {
        let from = case.reported_at;
        let to = assignee(db, case).await?;
        let contact = terms.clock.add(from, terms.durations.contact_check());
        schedule(db, case, VisitPurpose::ContactCheck, contact, to).await?;
        let outcome = terms.clock.add(from, terms.durations.outcome_check());
        schedule(db, case, VisitPurpose::OutcomeCheck, outcome, to).await?;
    }
    Ok(())
}

/// At resolution of a complaint or repair: the satisfaction visit. A contact check not yet
/// made is moot once the repair is done, and is cancelled.
pub async fn on_resolve(
    db: &impl ConnectionTrait,
    case: &case::Model,
    terms: &Terms,
    at: DateTime<Utc>,
) -> StoreResult<()> {
    pending_of(case.id, Some(VisitPurpose::ContactCheck))
        .col_expr(scheduled_visit::Column::Status, Expr::value(CANCELLED))
        .exec(db)
        .await?;
    if matches!(case.kind.0, CaseKind::Complaint | CaseKind::Repair) {
        let pending = scheduled_visit::Entity::find()
            .filter(scheduled_visit::Column::CaseId.eq(case.id))
            .filter(scheduled_visit::Column::Purpose.eq(VisitPurpose::Satisfaction.as_str()))
            .filter(scheduled_visit::Column::Status.eq(PENDING))
            .one(db)
            .await?;
        if pending.is_none() {
            let due = terms.clock.add(at, terms.durations.satisfaction_visit());
            let to = assignee(db, case).await?;
            schedule(db, case, VisitPurpose::Satisfaction, due, to).await?;
        }
    }
    Ok(())
}

/// A return visit that reached the customer was recorded on the case: its satisfaction visit is
/// done with the level as its outcome.
pub async fn on_case_visit(
    db: &impl ConnectionTrait,
    case_id: Uuid,
    actor: &Actor,
    at: DateTime<Utc>,
    satisfaction: Option<Satisfaction>,
    comment: Option<&str>,
) -> StoreResult<()> {
    pending_of(case_id, Some(VisitPurpose::Satisfaction))
        .col_expr(scheduled_visit::Column::Status, Expr::value(DONE))
        .col_expr(scheduled_visit::Column::DoneAt, Expr::value(at))
        .col_expr(scheduled_visit::Column::DoneBy, Expr::value(actor.user_id))
        .col_expr(scheduled_visit::Column::Reached, Expr::value(true))
        .col_expr(
            scheduled_visit::Column::Outcome,
            Expr::value(satisfaction.map(|s| s.as_str().to_owned())),
        )
        .col_expr(scheduled_visit::Column::Note, Expr::value(comment.map(str::to_owned)))
        .exec(db)
        .await?;
    Ok(())
}

/// The case went back to its department after a failed 48 h check: a satisfaction visit still
/// pending from the earlier resolution is moot (the next resolution schedules one again).
pub async fn on_redispatch(db: &impl ConnectionTrait, case_id: Uuid) -> StoreResult<()> {
    pending_of(case_id, Some(VisitPurpose::Satisfaction))
        .col_expr(scheduled_visit::Column::Status, Expr::value(CANCELLED))
        .exec(db)
        .await?;
    Ok(())
}

/// The case was closed or cancelled: visits not yet made are no longer needed.
pub async fn on_case_finished(db: &impl ConnectionTrait, case_id: Uuid) -> StoreResult<()> {
    pending_of(case_id, None)
        .col_expr(scheduled_visit::Column::Status, Expr::value(CANCELLED))
        .exec(db)
        .await?;
    Ok(())
}

/// An update of a case's visits not yet made (of one purpose, or all).
fn pending_of(case_id: Uuid, purpose: Option<VisitPurpose>) -> UpdateMany<scheduled_visit::Entity> {
    let update = scheduled_visit::Entity::update_many()
        .filter(scheduled_visit::Column::CaseId.eq(case_id))
        .filter(scheduled_visit::Column::Status.eq(PENDING));
    match purpose {
        Some(purpose) => update.filter(scheduled_visit::Column::Purpose.eq(purpose.as_str())),
        None => update,
    }
}
