//! Step 2 of the pipeline's decision, before the domain decides: the action's text checked
//! (lengths, required fields) and what it names looked up (a department, an assignee, the
//! original of a duplicate, a knowledge article) — the domain's [`Input`].

use huiyin_domain::case::change::{self, ChangeError, Input};
use huiyin_domain::case::CancelReason;
use sea_orm::ConnectionTrait;

use super::actions::{charge_cents, ActionInput, CancelCase, DispatchCase, ReassignCase};
use super::scope::find_visible;
use super::targets::{check_assignee, check_department, Target};
use crate::entity::case;
use crate::validate::{optional, required};
use crate::{Actor, StoreError, StoreResult};

/// The domain's refusal as the store's error.
pub(super) fn refusal(e: ChangeError) -> StoreError {
    match e {
        ChangeError::Transition(t) => t.into(),
        ChangeError::Invalid { field, message } => StoreError::invalid(field, message),
        ChangeError::Conflict { field, message } => StoreError::Conflict {
            field: field.to_owned(),
            message: message.to_owned(),
        },
    }
}

/// The domain's input, with the department it names as looked up (its handlers are who hears
/// of a work order sent there without an assignee: not read again).
pub struct Prepared {
    pub input: Input,
    pub target: Option<Target>,
}

impl From<Input> for Prepared {
    fn from(input: Input) -> Self {
        Prepared { input, target: None }
    }
}

/// Checks the input's text and looks up what it names: the domain's input.
pub(super) async fn prepare(
    db: &impl ConnectionTrait,
    actor: &Actor,
    current: &case::Model,
    input: ActionInput,
) -> StoreResult<Prepared> {
    let input = match input {
        ActionInput::Verify(v) => Input::Verify {
            note: required("note", &v.note, 4000)?,
        },
        ActionInput::Dispatch(d) => return prepare_dispatch(db, current, d).await,
        ActionInput::Accept => Input::Accept,
        ActionInput::Resolve(r) => Input::Resolve {
            result: required("result", &r.result, 4000)?,
            charge_cents: charge_cents(r.charge_amount)?,
            charge_amount: r.charge_amount,
            materials: optional("materials", r.materials.as_deref(), 2000)?,
        },
        ActionInput::Reply(r) => Input::Reply {
            content: required("content", &r.content, 4000)?,
            method: r.method,
        },
        ActionInput::Visit(v) => Input::Visit {
            reached: v.reached,
            satisfaction: v.satisfaction,
            comment: optional("comment", v.comment.as_deref(), 4000)?,
        },
        ActionInput::CloseOnSpot(c) => Input::CloseOnSpot {
            answer: required("answer", &c.answer, 4000)?,
            article_id: match c.article_id {
                Some(article) => Some(crate::knowledge::answers::check(db, current.project_id, article).await?),
                None => None,
            },
        },
        ActionInput::Cancel(c) => prepare_cancel(db, actor, current, c).await?,
        ActionInput::CancelRequest(c) => prepare_cancel_request(db, actor, current, c).await?,
        ActionInput::CancelApprove(d) => Input::CancelApprove {
            note: optional("note", d.note.as_deref(), 4000)?,
        },
        ActionInput::CancelReject(d) => Input::CancelReject {
            note: optional("note", d.note.as_deref(), 4000)?,
        },
        ActionInput::Comment(c) => Input::Comment {
            body: required("body", &c.body, 4000)?,
            visibility: c.visibility,
        },
        ActionInput::Reassign(r) => return prepare_reassign(db, current, r).await,
        ActionInput::Pause(p) => Input::Pause {
            reason: required("reason", &p.reason, 500)?,
        },
        ActionInput::Resume(r) => Input::Resume {
            note: optional("note", r.note.as_deref(), 4000)?,
        },
        ActionInput::Escalate(e) => Input::Escalate {
            reason: required("reason", &e.reason, 2000)?,
        },
        ActionInput::Deescalate(e) => Input::Deescalate {
            reason: required("reason", &e.reason, 2000)?,
        },
        ActionInput::Redispatch { note } => Input::Redispatch {
            note: optional("note", note.as_deref(), 4000)?,
        },
        ActionInput::VisitUnreachable { tries, comment } => Input::VisitUnreachable {
            tries,
            comment: optional("comment", comment.as_deref(), 4000)?,
        },
    };
    Ok(input.into())
}

/// A dispatch: a department of the case's project and an assignee who belongs to it.
async fn prepare_dispatch(db: &impl ConnectionTrait, current: &case::Model, d: DispatchCase) -> StoreResult<Prepared> {
    let department = check_department(db, d.department_id, current.project_id).await?;
    check_assignee(db, d.assignee_id, d.department_id, current.project_id).await?;
    let input = Input::Dispatch {
        department_id: department.id,
        department: department.name.clone(),
        assignee_id: d.assignee_id,
        due_at: d.due_at,
        note: optional("note", d.note.as_deref(), 4000)?,
    };
    Ok(Prepared {
        input,
        target: Some(department),
    })
}

/// A cancellation that waits for approval: a cancellation whose note (why) is required.
async fn prepare_cancel_request(
    db: &impl ConnectionTrait,
    actor: &Actor,
    current: &case::Model,
    c: CancelCase,
) -> StoreResult<Input> {
    Ok(match prepare_cancel(db, actor, current, c.clone()).await? {
        Input::Cancel {
            reason, duplicate_of, ..
        } => Input::CancelRequest {
            reason,
            duplicate_of,
            note: required("note", c.note.as_deref().unwrap_or_default(), 4000)?,
        },
        other => other,
    })
}

/// A cancellation: a duplicate names a case the actor can see.
async fn prepare_cancel(
    db: &impl ConnectionTrait,
    actor: &Actor,
    current: &case::Model,
    c: CancelCase,
) -> StoreResult<Input> {
    change::check_duplicate(current.id, c.reason, c.duplicate_of).map_err(refusal)?;
    if let (CancelReason::Duplicate, Some(original)) = (c.reason, c.duplicate_of) {
        find_visible(db, actor, original)
            .await
            .map_err(|_| StoreError::invalid("duplicate_of", "no such case"))?;
    }
    Ok(Input::Cancel {
        reason: c.reason,
        duplicate_of: c.duplicate_of,
        note: optional("note", c.note.as_deref(), 4000)?,
    })
}

/// A reassignment: a department (given, or the current one) and an assignee who belongs to it.
async fn prepare_reassign(db: &impl ConnectionTrait, current: &case::Model, r: ReassignCase) -> StoreResult<Prepared> {
    if r.department_id.is_none() && r.assignee_id.is_none() {
        return Err(StoreError::invalid(
            "department_id",
            "give a department_id, an assignee_id or both",
        ));
    }
    let department_id = r
        .department_id
        .or(current.department_id)
        .ok_or_else(|| StoreError::invalid("department_id", "required"))?;
    let department = check_department(db, department_id, current.project_id).await?;
    check_assignee(db, r.assignee_id, department_id, current.project_id).await?;
    let input = Input::Reassign {
        department_id,
        department: department.name.clone(),
        assignee_id: r.assignee_id,
        note: optional("note", r.note.as_deref(), 4000)?,
    };
    Ok(Prepared {
        input,
        target: Some(department),
    })
}
