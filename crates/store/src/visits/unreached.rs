//! A satisfaction visit that did not reach the customer (the case's `visit` action with
//! `reached: false`, or `unreachable` on the visit worklist): another try after the project's
//! `retry_delay_hours`, and after `max_tries` the case closes without a satisfaction
//! (`visit_unreachable`), counted apart in the statistics — never as satisfied.

use chrono::{DateTime, Utc};
use huiyin_domain::case::checks::{after_unreachable, Retry};
use huiyin_domain::case::CaseStatus;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::{settings, VisitOutcome, VisitPurpose, DONE, PENDING};
use crate::cases::actions::ActionInput;
use crate::entity::{case, scheduled_visit};
use crate::{Actor, StoreResult};

async fn pending_satisfaction(
    db: &impl ConnectionTrait,
    case: &case::Model,
) -> StoreResult<Option<scheduled_visit::Model>> {
    Ok(scheduled_visit::Entity::find()
        .filter(scheduled_visit::Column::CaseId.eq(case.id))
        .filter(scheduled_visit::Column::Purpose.eq(VisitPurpose::Satisfaction.as_str()))
        .filter(scheduled_visit::Column::Status.eq(PENDING))
        .one(db)
        .await?)
}

/// The input a `visit` action really is: an unreached try that is the project's last closes
/// the case (`VisitUnreachable`); everything else is left as it is.
pub async fn input_for(
    db: &impl ConnectionTrait,
    current: &case::Model,
    input: ActionInput,
) -> StoreResult<ActionInput> {
    let ActionInput::Visit(v) = &input else {
        return Ok(input);
    };
    if v.reached || v.satisfaction.is_some() || current.status.0 != CaseStatus::Visiting {
        return Ok(input);
    }
    let tries = match pending_satisfaction(db, current).await? {
        Some(visit) => visit.attempts + 1,
        None => return Ok(input),
    };
    let (rules, _) = settings::get(db, current.project_id).await?;
    match after_unreachable(tries, rules.max_tries, rules.retry_delay(), current.updated_at) {
        Retry::GiveUp => Ok(ActionInput::VisitUnreachable {
            tries,
            comment: v.comment.clone(),
        }),
        Retry::At(_) => Ok(input),
    }
}

/// After an unreached try: the satisfaction visit is tried again later, or (`closed`: that was
/// the last try) done as unreachable.
pub async fn on_unreached(
    db: &impl ConnectionTrait,
    case: &case::Model,
    actor: &Actor,
    at: DateTime<Utc>,
    closed: bool,
    comment: Option<&str>,
) -> StoreResult<()> {
    let Some(visit) = pending_satisfaction(db, case).await? else {
        return Ok(());
    };
    let update = scheduled_visit::Entity::update_many()
        .filter(scheduled_visit::Column::Id.eq(visit.id))
        .col_expr(scheduled_visit::Column::Attempts, Expr::value(visit.attempts + 1))
        .col_expr(
            scheduled_visit::Column::Outcome,
            Expr::value(VisitOutcome::Unreachable.as_str()),
        )
        .col_expr(scheduled_visit::Column::Note, Expr::value(comment.map(str::to_owned)));
    let update = if closed {
        update
            .col_expr(scheduled_visit::Column::Status, Expr::value(DONE))
            .col_expr(scheduled_visit::Column::DoneAt, Expr::value(at))
            .col_expr(scheduled_visit::Column::DoneBy, Expr::value(actor.user_id))
            .col_expr(scheduled_visit::Column::Reached, Expr::value(false))
    } else {
        let (rules, _) = settings::get(db, case.project_id).await?;
        update
            .col_expr(scheduled_visit::Column::DueAt, Expr::value(at + rules.retry_delay()))
            .col_expr(
                scheduled_visit::Column::NotifiedAt,
                Expr::value(Option::<DateTime<Utc>>::None),
            )
    };
    update.exec(db).await?;
    Ok(())
}
