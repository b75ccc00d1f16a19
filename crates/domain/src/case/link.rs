//! One incident, many callers (issue 19, "Linking"): a burst pipe brings twenty calls, each
//! registered as its own case, each caller to be answered. A case linked to an **incident**
//! case (报事, the parent) follows the parent's handling: when the parent is dispatched,
//! reassigned, accepted, resolved and replied to, every child gets the same step through the
//! case pipeline (its own timeline entry, work order and deadlines). Each child is then visited
//! for satisfaction on its own.
//!
//! The rules, all pure:
//! * [`check_link`]: only an incident can be a parent (the source documents' 报事 is the report
//!   of something that happened to many — a burst pipe, a power cut — and the kind that says
//!   "this is the event, the calls are about it"); same project; no chains (a child cannot be a
//!   parent, a parent cannot become a child); neither side finished; the parent not yet resolved
//!   (after that the answer has been given: handle the late caller on their own case).
//! * [`catch_up`]: a child behind its parent is brought to the parent's stage when linked
//!   (dispatched to the parent's department, accepted); a child whose own work order is with
//!   another department has that order moved to the parent's department (`reassign`). A child
//!   already resolved has its own answer and is refused.
//! * [`parent_step`] and [`follow`]: which of the parent's actions its children follow, and the
//!   step each child takes given where it stands.
//! * [`check_own_action`]: while the parent is unresolved, a child's handling (dispatch,
//!   reassign, accept, resolve) is the parent's; the child itself takes only the other actions.
//! * [`check_unlink`], [`check_cancel`]: unlink only before the parent resolves; a parent with
//!   children cannot be cancelled (its callers would never hear back) — unlink them first.

use uuid::Uuid;

use super::{CaseAction, CaseKind, CaseStatus};

/// The most children one incident can have: a parent's action touches each of them, so the
/// number of statements it takes stays bounded.
pub const MAX_CHILDREN: i32 = 50;

/// The facts about a case the link rules read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkCase {
    pub id: Uuid,
    pub kind: CaseKind,
    pub status: CaseStatus,
    pub project_id: Uuid,
    pub parent_id: Option<Uuid>,
    pub child_count: i32,
    /// The department holding the case's current work order.
    pub department_id: Option<Uuid>,
}

/// A step a child takes to follow its parent, through the case pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// A work order to the parent's department.
    Dispatch,
    /// The child's open work order moves to the parent's department (and person).
    Reassign,
    Accept,
    /// With the parent's result.
    Resolve,
    /// With the parent's reply, by the caller's phone.
    Reply,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    #[error("a case cannot be linked to itself")]
    ItSelf,
    #[error("only an incident case can have linked cases, not a {kind}")]
    NotAnIncident { kind: CaseKind },
    #[error("the incident belongs to another project")]
    OtherProject,
    #[error("the incident is itself linked to another case: link to that one instead")]
    ParentIsAChild,
    #[error("the case is already linked to an incident: unlink it first")]
    AlreadyLinked,
    #[error("the case has linked cases of its own and cannot become a child")]
    HasChildren,
    #[error("a {status} case cannot be linked")]
    Finished { status: CaseStatus },
    #[error("the incident is already {status}: its answer has been given")]
    ParentFinished { status: CaseStatus },
    #[error("the case is already {status} with its own answer")]
    AheadOfParent { status: CaseStatus },
    #[error("the incident has the most linked cases allowed")]
    TooManyChildren,
    #[error("the case is not linked to an incident")]
    NotLinked,
    #[error("the incident is already {status}: its callers have been answered through it")]
    ParentResolved { status: CaseStatus },
    #[error("the case follows its incident: {action} the incident instead")]
    FollowsParent { action: CaseAction },
    #[error("the incident has linked cases: unlink them before cancelling it")]
    ParentHasChildren,
}

impl LinkError {
    /// The request field a validation error names (422); `None` for a conflict with the case's
    /// state (409).
    pub fn field(self) -> Option<&'static str> {
        match self {
            LinkError::ItSelf
            | LinkError::NotAnIncident { .. }
            | LinkError::OtherProject
            | LinkError::ParentIsAChild => Some("parent_id"),
            _ => None,
        }
    }
}

/// The parent still leads the handling: it is not resolved yet.
fn leads(status: CaseStatus) -> bool {
    matches!(
        status,
        CaseStatus::Registered | CaseStatus::Dispatched | CaseStatus::InProgress
    )
}

/// May `child` be linked to `parent`?
pub fn check_link(child: &LinkCase, parent: &LinkCase) -> Result<(), LinkError> {
    if child.id == parent.id {
        return Err(LinkError::ItSelf);
    }
    if parent.kind != CaseKind::Incident {
        return Err(LinkError::NotAnIncident { kind: parent.kind });
    }
    if parent.project_id != child.project_id {
        return Err(LinkError::OtherProject);
    }
    if parent.parent_id.is_some() {
        return Err(LinkError::ParentIsAChild);
    }
    if child.parent_id.is_some() {
        return Err(LinkError::AlreadyLinked);
    }
    if child.child_count > 0 {
        return Err(LinkError::HasChildren);
    }
    if child.status.is_terminal() {
        return Err(LinkError::Finished { status: child.status });
    }
    if !leads(parent.status) {
        return Err(LinkError::ParentFinished { status: parent.status });
    }
    if parent.child_count >= MAX_CHILDREN {
        return Err(LinkError::TooManyChildren);
    }
    Ok(())
}

/// The steps that bring a newly linked child to its parent's stage.
pub fn catch_up(child: &LinkCase, parent: &LinkCase) -> Result<Vec<Step>, LinkError> {
    use CaseStatus as S;
    let elsewhere = child.department_id != parent.department_id;
    let steps = match (parent.status, child.status) {
        (_, S::Resolved | S::Visiting) => return Err(LinkError::AheadOfParent { status: child.status }),
        // The child keeps any order of its own until the incident is dispatched.
        (S::Registered, _) => vec![],
        (S::Dispatched, S::Registered) => vec![Step::Dispatch],
        (S::InProgress, S::Registered) => vec![Step::Dispatch, Step::Accept],
        (S::Dispatched, S::Dispatched | S::InProgress) if elsewhere => vec![Step::Reassign],
        (S::Dispatched, _) => vec![],
        (S::InProgress, S::Dispatched | S::InProgress) if elsewhere => vec![Step::Reassign, Step::Accept],
        (S::InProgress, S::Dispatched) => vec![Step::Accept],
        (S::InProgress, _) => vec![],
        (status, _) => return Err(LinkError::ParentFinished { status }),
    };
    Ok(steps)
}

/// The parent's action its children follow, if any: its first dispatch (a second dispatch after
/// a dissatisfied visit is the parent's own matter — each child has its own visit), a
/// reassignment, acceptance, resolution and reply.
pub fn parent_step(action: CaseAction, from: CaseStatus) -> Option<Step> {
    match (action, from) {
        (CaseAction::Dispatch, CaseStatus::Registered) => Some(Step::Dispatch),
        (CaseAction::Reassign, _) => Some(Step::Reassign),
        (CaseAction::Accept, _) => Some(Step::Accept),
        (CaseAction::Resolve, _) => Some(Step::Resolve),
        (CaseAction::Reply, _) => Some(Step::Reply),
        _ => None,
    }
}

/// What a child in `child` does when its parent took `step` and now has its order with
/// `parent_department`; `None` when the child has nothing to follow (already there, finished,
/// or answered on its own).
pub fn follow(step: Step, child: &LinkCase, parent_department: Option<Uuid>) -> Option<Step> {
    use CaseStatus as S;
    let elsewhere = child.department_id != parent_department;
    match (step, child.status) {
        (Step::Dispatch, S::Registered) => Some(Step::Dispatch),
        (Step::Dispatch, S::Dispatched | S::InProgress) if elsewhere => Some(Step::Reassign),
        (Step::Reassign, S::Dispatched | S::InProgress) => Some(Step::Reassign),
        (Step::Accept, S::Dispatched) => Some(Step::Accept),
        (Step::Resolve, S::Dispatched | S::InProgress) => Some(Step::Resolve),
        (Step::Reply, S::Resolved) => Some(Step::Reply),
        _ => None,
    }
}

/// The actions that are the parent's to take while it leads.
pub fn led_by_parent(action: CaseAction) -> bool {
    matches!(
        action,
        CaseAction::Dispatch | CaseAction::Reassign | CaseAction::Accept | CaseAction::Resolve
    )
}

/// May a child whose parent is in `parent_status` take `action` itself?
pub fn check_own_action(action: CaseAction, parent_status: CaseStatus) -> Result<(), LinkError> {
    if led_by_parent(action) && leads(parent_status) {
        return Err(LinkError::FollowsParent { action });
    }
    Ok(())
}

/// Whether the console offers to link a case in `status` (no parent, no children, not past the
/// stage an incident leads in). The server still checks the incident picked.
pub fn offers_link(status: CaseStatus, has_parent: bool, child_count: i32) -> bool {
    !has_parent && child_count == 0 && leads(status)
}

/// Whether the console offers to unlink a case whose parent is in `parent_status`.
pub fn offers_unlink(parent_status: Option<CaseStatus>) -> bool {
    parent_status.is_some_and(leads)
}

/// May a child be unlinked from a parent in `parent_status`?
pub fn check_unlink(parent_id: Option<Uuid>, parent_status: CaseStatus) -> Result<(), LinkError> {
    if parent_id.is_none() {
        return Err(LinkError::NotLinked);
    }
    if !leads(parent_status) {
        return Err(LinkError::ParentResolved { status: parent_status });
    }
    Ok(())
}

/// May a case with `child_count` children take `action`? Cancelling would leave the callers
/// unanswered.
pub fn check_cancel(action: CaseAction, child_count: i32) -> Result<(), LinkError> {
    if action == CaseAction::Cancel && child_count > 0 {
        return Err(LinkError::ParentHasChildren);
    }
    Ok(())
}

#[cfg(test)]
#[path = "link_tests.rs"]
mod tests;
