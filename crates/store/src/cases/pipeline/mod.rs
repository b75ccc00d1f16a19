//! The one path every change of a case takes (issue #14):
//!
//! 1. **load** the case once (with its current work order and its SLA terms, from the
//!    configuration cache), checking scope and the caller's version;
//! 2. **decide** with the pure domain function for the action
//!    ([`huiyin_domain::case::change::decide`]), after the store has checked the input's text
//!    and looked up what it names ([`super::prepare`]);
//! 3. **save** the decision: the work-order effect and a visit row, then the case in one
//!    versioned UPDATE (of two concurrent actions one wins) — written with the timeline entry
//!    and the statistics deltas of step 4 in one round trip ([`Batch`]);
//! 4. run the shared [`after_change`](super::after::after_change) (timeline, visits,
//!    notifications, webhook outbox, statistics deltas);
//! 5. answer with the case as written, built in memory — nothing is read back.
//!
//! Registration ([`super::create`]) ends in the same `after_change`.

use chrono::{DateTime, Utc};
use huiyin_domain::case::change::{self, Change, Context, OrderChange};
use huiyin_domain::case::process::{cancel_needs_approval, check_dispatch, ProcessError};
use huiyin_domain::case::{apply_with_history, check_flags, CaseAction, WorkOrderStatus};
use huiyin_domain::permission::may_escalate;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter, QueryTrait, Set, TransactionTrait,
    TryIntoModel,
};
use uuid::Uuid;

pub mod follow;
pub(in crate::cases) mod load;

use self::load::Loaded;
use super::actions::ActionInput;
use super::after::{after_change, Cause, Changed};
use super::batch::Batch;
use super::prepare::{prepare, refusal, Prepared};
use super::state;
use crate::entity::{case, visit, work_order};
use crate::{new_id, now, sla, statements, Actor, Doing, StoreError, StoreResult};

/// Performs `input` on case `id` if the actor's `expected_version` is current, in a transaction
/// of its own (a savepoint when `db` is a transaction already). Returns the case as written.
pub async fn perform<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    expected_version: i32,
    input: ActionInput,
) -> StoreResult<case::Model> {
    let action = input.action();
    let performed = async {
        let txn = statements::begin(db).await?;
        let saved = perform_in(&txn, actor, id, expected_version, input).await?;
        statements::commit(txn).await?;
        Ok(saved)
    };
    performed.await.doing(|| format!("{action} on case {id}"))
}

/// [`perform`] inside the caller's transaction: for a module that changes a case atomically
/// with its own rows. The caller commits. A case with linked children takes them along
/// ([`follow::follow_parent`]); a case without children pays nothing for it.
#[tracing::instrument(name = "cases::perform", target = "huiyin::store", level = "debug", skip_all, fields(case_id = %id, action = %input.action()))]
pub async fn perform_in(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: Uuid,
    expected_version: i32,
    input: ActionInput,
) -> StoreResult<case::Model> {
    // Load.
    let loaded = load::visible(db, actor, id).await?;
    let current = &loaded.case;
    if current.version != expected_version {
        return Err(StoreError::Stale {
            current: current.version,
        });
    }
    let before = state::of(current)?;
    // Issue #19: cancelling a case whose work order is out waits for a supervisor's approval.
    let input = match input {
        ActionInput::Cancel(c) if cancel_needs_approval(before.status, actor.role) => ActionInput::CancelRequest(c),
        other => other,
    };
    // An unreached satisfaction visit may be the last try (issue #19).
    let input = crate::visits::unreached::input_for(db, current, input).await?;
    // The state machine first: a refused action is a 409 whatever its input says.
    let outcome = apply_with_history(before.kind, before.status, input.command(), before.dissatisfied_visits)?;
    check_flags(input.command(), before.paused_at.is_some(), before.level)?;
    if input.action() == CaseAction::Dispatch {
        let settings = crate::process::settings_of(db, current.project_id).await?;
        let verified = before.verified_at.is_some();
        check_dispatch(&settings, before.kind, before.status, verified, actor.role).map_err(process_refusal)?;
    }
    if input.action() == CaseAction::Escalate && !may_escalate(actor.role, before.level) {
        return Err(StoreError::Forbidden(
            "a steward raises their areas' cases to area level only".into(),
        ));
    }
    follow::check_action(db, current, input.action()).await?;
    let order = match current.current_work_order_id {
        Some(wo) => work_order::Entity::find_by_id(wo).one(db).await?,
        None => None,
    };
    // Decide, save, after-change.
    let prepared = prepare(db, actor, current, input).await?;
    let (saved, change) = run(db, actor, &loaded, order.as_ref(), prepared, None).await?;
    debug_assert_eq!(change.outcome, outcome);
    if saved.child_count > 0 {
        follow::follow_parent(db, actor, &saved, &change).await?;
    }
    Ok(saved)
}

/// Decides a prepared input on a loaded case (scope and version already checked), saves it and
/// runs the after-change steps. `parent` names the incident a linked child follows in this step
/// (its timeline entry says so). Returns the case as written and the decided change.
pub(super) async fn run(
    db: &impl ConnectionTrait,
    actor: &Actor,
    loaded: &Loaded,
    order: Option<&work_order::Model>,
    prepared: impl Into<Prepared>,
    parent: Option<&case::Model>,
) -> StoreResult<(case::Model, Change)> {
    let Prepared {
        input: prepared,
        target,
    } = prepared.into();
    let current = &loaded.case;
    let before = state::of(current)?;
    let terms = sla::terms_for(db, before.kind, before.severity).await?;
    let action = prepared.command().action();
    let at = now();
    let order_state = order.map(state::order_of);
    let context = Context {
        at,
        actor: actor.user_id,
        durations: &terms.durations,
        clock: &terms.clock,
        order: order_state.as_ref(),
        new_order_id: new_id(),
    };
    let mut change = change::decide(&before, prepared, &context).map_err(refusal)?;
    if let Some(p) = parent {
        change.event.payload["followed"] = serde_json::json!({"id": p.id, "number": p.number});
    }
    // Save (with the after-change writes: one round trip).
    let mut batch = Batch::new();
    let saved = save(db, actor, current, &change, at, &mut batch).await?;
    after_change(
        db,
        &Changed {
            actor,
            case: &saved,
            at,
            cause: Cause::Action {
                before: current,
                change: &change,
                action,
                terms: &terms,
                facts: loaded.facts.as_ref(),
                target: target.as_ref(),
            },
        },
        batch,
    )
    .await?;
    Ok((saved, change))
}

/// A dispatch the process refuses: 409 naming the rule when the case must be verified first,
/// 403 when only a supervisor dispatches (the project's rule, or a case waiting in `review`).
fn process_refusal(e: ProcessError) -> StoreError {
    match e {
        ProcessError::VerifyFirst => StoreError::Conflict {
            field: "verify_before_dispatch".to_owned(),
            message: e.to_string(),
        },
        ProcessError::SupervisorDispatches | ProcessError::SupervisorReviews => StoreError::Forbidden(e.to_string()),
    }
}

/// The decision's writes, into `batch`: work orders and a visit, then the case (its versioned
/// UPDATE the batch's guard: of two concurrent actions one wins). Returns the case as written.
async fn save(
    db: &impl ConnectionTrait,
    actor: &Actor,
    current: &case::Model,
    change: &Change,
    at: DateTime<Utc>,
    batch: &mut Batch,
) -> StoreResult<case::Model> {
    let backend = db.get_database_backend();
    if let (Some(due), Some(order)) = (change.order_due, current.current_work_order_id) {
        let due = work_order::Entity::update_many()
            .col_expr(work_order::Column::DueAt, Expr::value(due))
            .filter(work_order::Column::Id.eq(order))
            .build(backend);
        // No two parts of one PostgreSQL statement may change the same row: beside an effect
        // on the orders, the due time goes first, on its own.
        match change.order {
            OrderChange::None => batch.push(due),
            _ => {
                db.execute(due).await?;
            }
        }
    }
    write_order(backend, actor, current, &change.order, at, batch);
    if let Some(article) = change
        .after
        .answer_article_id
        .filter(|_| current.answer_article_id.is_none())
    {
        crate::knowledge::answers::cite_answer(db, article, current.id, actor.user_id, at).await?;
    }
    if let Some(v) = &change.visit {
        let row = visit::ActiveModel {
            id: Set(new_id()),
            case_id: Set(current.id),
            work_order_id: Set(current.current_work_order_id),
            visitor_id: Set(Some(actor.user_id)),
            reached: Set(v.reached),
            satisfaction: Set(v.satisfaction.map(|s| s.as_str().to_owned())),
            comment: Set(v.comment.clone()),
            created_at: Set(at),
        };
        batch.push(visit::Entity::insert(row).build(backend));
    }
    let mut model = state::write(current, &change.after, at);
    let projected = model.clone().try_into_model()?;
    sla::deadlines::schedule(&mut model, &projected);
    let saved = model.clone().try_into_model()?;
    // The version check is part of the UPDATE itself: of two concurrent actions one wins.
    let update = case::Entity::update_many()
        .set(model)
        .filter(case::Column::Id.eq(current.id))
        .filter(case::Column::Version.eq(current.version))
        .build(backend);
    batch.guard(update, current.version + 1);
    Ok(saved)
}

/// The work-order effect of a decision, one statement each (two for a new order replacing one
/// still open).
fn write_order(
    backend: DatabaseBackend,
    actor: &Actor,
    current: &case::Model,
    effect: &OrderChange,
    at: DateTime<Utc>,
    batch: &mut Batch,
) {
    let status = |s: WorkOrderStatus| Expr::value(s.as_str());
    let update = |id: Option<Uuid>| {
        work_order::Entity::update_many().filter(work_order::Column::Id.eq(id.unwrap_or_else(Uuid::nil)))
    };
    let order = current.current_work_order_id;
    let statement = match effect {
        OrderChange::None => return,
        OrderChange::Open { .. } => return open_order(backend, actor, current, effect, at, batch),
        OrderChange::Accept { assignee_id } => update(order)
            .col_expr(work_order::Column::Status, status(WorkOrderStatus::Accepted))
            .col_expr(work_order::Column::AcceptedAt, Expr::value(Some(at)))
            .col_expr(work_order::Column::AssigneeId, Expr::value(Some(*assignee_id))),
        OrderChange::Complete {
            result,
            charge_cents,
            materials,
            assignee_id,
        } => update(order)
            .col_expr(work_order::Column::Status, status(WorkOrderStatus::Done))
            .col_expr(work_order::Column::CompletedAt, Expr::value(Some(at)))
            .col_expr(work_order::Column::Result, Expr::value(Some(result.clone())))
            .col_expr(work_order::Column::ChargeCents, Expr::value(*charge_cents))
            .col_expr(work_order::Column::Materials, Expr::value(materials.clone()))
            .col_expr(work_order::Column::AssigneeId, Expr::value(*assignee_id)),
        OrderChange::Reassign {
            department_id,
            assignee_id,
        } => update(order)
            .col_expr(work_order::Column::DepartmentId, Expr::value(*department_id))
            .col_expr(work_order::Column::AssigneeId, Expr::value(*assignee_id))
            .col_expr(work_order::Column::Status, status(WorkOrderStatus::Open))
            .col_expr(
                work_order::Column::AcceptedAt,
                Expr::value(Option::<DateTime<Utc>>::None),
            ),
        OrderChange::Cancel => update(order).col_expr(work_order::Column::Status, status(WorkOrderStatus::Cancelled)),
    };
    batch.push(statement.build(backend));
}

/// A new work order; an order still open is cancelled by it (first: on SQLite the batch runs
/// in order, on PostgreSQL the UPDATE does not see the row inserted beside it).
fn open_order(
    backend: DatabaseBackend,
    actor: &Actor,
    current: &case::Model,
    effect: &OrderChange,
    at: DateTime<Utc>,
    batch: &mut Batch,
) {
    let OrderChange::Open {
        id,
        sequence,
        department_id,
        assignee_id,
        due_at,
        note,
    } = effect
    else {
        return;
    };
    if current.dispatch_count > 0 {
        // A previous order still open (e.g. never completed) is closed off by the new one.
        let cancel = work_order::Entity::update_many()
            .col_expr(
                work_order::Column::Status,
                Expr::value(WorkOrderStatus::Cancelled.as_str()),
            )
            .filter(work_order::Column::CaseId.eq(current.id))
            .filter(
                work_order::Column::Status.is_in([WorkOrderStatus::Open.as_str(), WorkOrderStatus::Accepted.as_str()]),
            );
        batch.push(cancel.build(backend));
    }
    let row = work_order::ActiveModel {
        id: Set(*id),
        case_id: Set(current.id),
        sequence: Set(*sequence),
        department_id: Set(*department_id),
        assignee_id: Set(*assignee_id),
        status: Set(WorkOrderStatus::Open.as_str().to_owned()),
        note: Set(note.clone()),
        due_at: Set(Some(*due_at)),
        dispatched_by: Set(actor.recorded_id()),
        dispatched_at: Set(at),
        accepted_at: Set(None),
        completed_at: Set(None),
        result: Set(None),
        charge_cents: Set(None),
        materials: Set(None),
    };
    batch.push(work_order::Entity::insert(row).build(backend));
    // Two concurrent actions opening the case's next order (two desks recording the same
    // dissatisfied visit): the one that committed first took the sequence number; the other
    // answers as its versioned UPDATE would have (412), never a 500.
    batch.unique_is_stale();
}
