//! What a resident changes on their own case: rating the resolution (the return visit) and
//! withdrawing a report, both through the actions staff use.

use huiyin_domain::case::{CancelReason, CaseAction, ReplyMethod, Satisfaction, TransitionError};
use huiyin_domain::resident::{may_withdraw, rating_plan, RatingPlan};
use sea_orm::{ConnectionTrait, TransactionTrait};
use uuid::Uuid;

use super::cases::customer_of;
use crate::cases::actions::{ActionInput, CancelCase, ReplyCase, VisitCase};
use crate::cases::pipeline;
use crate::cases::scope::find_visible;
use crate::entity::case;
use crate::{Actor, StoreError, StoreResult};

/// What the reply recorded on the customer's behalf says when a rating arrives before
/// customer service has replied (see [`RatingPlan::ReplyThenVisit`]).
pub const APP_REPLY: &str = "业主已在 App 查看处理结果 / The resident read the result in the app";

/// Retries `attempt` when someone else changed the case between reading and writing it: the
/// resident sends no version, so the state machine decides again on the fresh state.
async fn with_fresh_version<C, F>(db: &C, actor: &Actor, id: Uuid, attempt: F) -> StoreResult<case::Model>
where
    C: ConnectionTrait + TransactionTrait,
    F: AsyncFn(&case::Model) -> StoreResult<case::Model>,
{
    let mut tries = 0;
    loop {
        let current = find_visible(db, actor, id).await?;
        match attempt(&current).await {
            Err(StoreError::Stale { .. }) if tries < 3 => tries += 1,
            other => return other,
        }
    }
}

/// The resident's rating of a resolution: it *is* the return visit, recorded through the same
/// action staff use (so dissatisfied or worse reopens the case with a second dispatch). A case
/// that is `resolved` but not yet replied to gets the app's reply first, in the same
/// transaction. Once the case has moved on, another rating is a 409 until the next resolution.
pub async fn rate<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    satisfaction: Satisfaction,
    comment: Option<String>,
) -> StoreResult<case::Model> {
    customer_of(actor)?;
    with_fresh_version(db, actor, id, async |current: &case::Model| {
        let plan = rating_plan(current.status.0)?;
        let txn = db.begin().await?;
        let mut version = current.version;
        if plan == RatingPlan::ReplyThenVisit {
            let replied = pipeline::perform(
                &txn,
                actor,
                id,
                version,
                ActionInput::Reply(ReplyCase {
                    content: APP_REPLY.to_owned(),
                    method: ReplyMethod::App,
                }),
            )
            .await?;
            version = replied.version;
        }
        let saved = pipeline::perform(
            &txn,
            actor,
            id,
            version,
            ActionInput::Visit(VisitCase {
                reached: true,
                satisfaction: Some(satisfaction),
                comment: comment.clone(),
            }),
        )
        .await?;
        txn.commit().await?;
        Ok(saved)
    })
    .await
}

/// Withdraws the resident's report while it is still registered (409 once dispatched):
/// a cancel with reason `withdrawn`, through the ordinary cancel action.
pub async fn withdraw<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    note: Option<String>,
) -> StoreResult<case::Model> {
    customer_of(actor)?;
    with_fresh_version(db, actor, id, async |current: &case::Model| {
        let status = current.status.0;
        if !may_withdraw(status) {
            return Err(TransitionError::NotAllowed {
                action: CaseAction::Cancel,
                status,
            }
            .into());
        }
        pipeline::perform(
            db,
            actor,
            id,
            current.version,
            ActionInput::Cancel(CancelCase {
                reason: CancelReason::Withdrawn,
                duplicate_of: None,
                note: note.clone(),
            }),
        )
        .await
    })
    .await
}
