//! A case's deadlines as stored on its row, and the sweep that records breaches: each breach
//! is written once (flag + internal timeline event) and raises the case one level, with a
//! version check so that any number of workers sweeping together escalate exactly once.

use chrono::{DateTime, Utc};
use huiyin_domain::case::{CaseStatus, Visibility};
use huiyin_domain::sla::deadlines::{CaseDeadlines, Deadline, DeadlineState};
use huiyin_domain::sla::escalation::{after_breach, Level};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionTrait, TryIntoModel,
};
use serde_json::json;

use super::contacts::announce_escalation;
use crate::entity::case;
use crate::timeline::{self, NewEvent};
use crate::wire::Wire;
use crate::StoreResult;

/// The deadlines of a stored case.
pub fn deadlines_of(c: &case::Model) -> CaseDeadlines {
    let terminal = c.status.0.is_terminal();
    let dispatched = c.first_dispatched_at.is_some();
    CaseDeadlines {
        verify: DeadlineState {
            due_at: c.verify_due_at,
            met: terminal || dispatched || c.verified_at.is_some(),
            breached: c.verify_breached,
        },
        dispatch: DeadlineState {
            due_at: c.dispatch_due_at,
            met: terminal || dispatched,
            breached: c.dispatch_breached,
        },
        resolve: DeadlineState {
            due_at: c.due_at,
            met: terminal || c.resolved_at.is_some(),
            breached: c.resolve_breached,
        },
        reply: DeadlineState {
            due_at: c.reply_due_at,
            met: terminal || c.replied_at.is_some(),
            breached: c.reply_breached,
        },
        paused: c.paused_at.is_some(),
    }
}

/// Sets the derived `next_due_at` / `next_breach_at` of a case about to be written.
pub fn schedule(model: &mut case::ActiveModel, projected: &case::Model) {
    let deadlines = deadlines_of(projected);
    model.next_due_at = Set(deadlines.next_due());
    model.next_breach_at = Set(deadlines.next_breach());
}

/// Records the breaches of every case whose next deadline has passed; returns how many cases
/// were escalated or flagged.
#[tracing::instrument(name = "sla::sweep", target = "huiyin::store", level = "debug", skip_all)]
pub async fn sweep<C: ConnectionTrait + TransactionTrait>(db: &C, at: DateTime<Utc>, limit: u64) -> StoreResult<usize> {
    let due: Vec<uuid::Uuid> = case::Entity::find()
        .filter(case::Column::NextBreachAt.lt(at))
        .order_by_asc(case::Column::NextBreachAt)
        .select_only()
        .column(case::Column::Id)
        .limit(limit)
        .into_tuple()
        .all(db)
        .await?;
    let mut changed = 0;
    for id in due {
        if record_breaches(db, id, at).await? {
            changed += 1;
        }
    }
    Ok(changed)
}

async fn record_breaches<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    id: uuid::Uuid,
    at: DateTime<Utc>,
) -> StoreResult<bool> {
    let txn = db.begin().await?;
    let Some(current) = case::Entity::find_by_id(id).one(&txn).await? else {
        return Ok(false);
    };
    let deadlines = deadlines_of(&current);
    let breached = deadlines.newly_breached(at);
    if breached.is_empty() {
        // Only the derived schedule was stale: mend it without touching the version.
        case::Entity::update_many()
            .col_expr(case::Column::NextDueAt, Expr::value(deadlines.next_due()))
            .col_expr(case::Column::NextBreachAt, Expr::value(deadlines.next_breach()))
            .filter(case::Column::Id.eq(id))
            .filter(case::Column::Version.eq(current.version))
            .exec(&txn)
            .await?;
        txn.commit().await?;
        return Ok(false);
    }
    let mut model = current.clone().into_active_model();
    for deadline in &breached {
        match deadline {
            Deadline::Verify => model.verify_breached = Set(true),
            Deadline::Dispatch => model.dispatch_breached = Set(true),
            Deadline::Resolve => model.resolve_breached = Set(true),
            Deadline::Reply => model.reply_breached = Set(true),
        }
    }
    let from = current.level.0;
    let to = after_breach(from, breached.len());
    if let Some(level) = to {
        model.level = Set(Wire(level));
        // The highest level the case ever reached.
        model.peak_level = Set(Wire(current.peak_level.0.max(level)));
    }
    model.version = Set(current.version + 1);
    model.updated_at = Set(at);
    let projected = model.clone().try_into_model()?;
    schedule(&mut model, &projected);
    let updated = case::Entity::update_many()
        .set(model)
        .filter(case::Column::Id.eq(id))
        .filter(case::Column::Version.eq(current.version))
        .exec(&txn)
        .await?;
    if updated.rows_affected == 0 {
        // Someone changed the case meanwhile; the next sweep looks again.
        return Ok(false);
    }
    let status = current.status.0;
    let escalation = to.map(|level| (from, level));
    tell_of_breaches(&txn, &projected, status, &breached, escalation).await?;
    txn.commit().await?;
    Ok(true)
}

/// The timeline entries of newly breached deadlines (and of the automatic escalation they
/// caused, with its announcement and the statistics refresh), in the breach's transaction.
async fn tell_of_breaches(
    txn: &DatabaseTransaction,
    projected: &case::Model,
    status: CaseStatus,
    breached: &[Deadline],
    escalation: Option<(Level, Level)>,
) -> StoreResult<()> {
    let names: Vec<&str> = breached.iter().map(|d| d.as_str()).collect();
    timeline::append(
        txn,
        NewEvent {
            case_id: projected.id,
            actor_id: None,
            action: "breach",
            from: Some(status),
            to: Some(status),
            note: None,
            payload: json!({"deadlines": names}),
            visibility: Visibility::Internal,
        },
    )
    .await?;
    if let Some((from, level)) = escalation {
        let reason = format!(
            "deadline breached: {}",
            breached.iter().map(|d| d.as_str()).collect::<Vec<_>>().join(", ")
        );
        timeline::append(
            txn,
            NewEvent {
                case_id: projected.id,
                actor_id: None,
                action: "escalate",
                from: Some(status),
                to: Some(status),
                note: Some(reason.clone()),
                payload: json!({"from_level": from, "to_level": level, "automatic": true}),
                visibility: Visibility::Internal,
            },
        )
        .await?;
        announce_escalation(txn, projected, from, level, &reason, true).await?;
        crate::stats::rollup::refresh(txn, projected.id).await?;
    }
    Ok(())
}
