//! Cases: one intake and one number for complaints, repairs, inquiries,
//! suggestions, praise and incident reports, and the state machine they move through.

pub mod change;
pub mod facts;
pub mod kind;
pub mod link;
pub mod machine;
pub mod number;
pub mod satisfaction;

pub use facts::{department_serves_project, CancelReason, ReplyMethod, Visibility, WorkOrderStatus};
pub use kind::{CaseKind, Channel, Severity};
pub use machine::{
    apply, available_actions, available_actions_now, check_flags, CaseAction, CaseStatus, Command, Outcome,
    TransitionError, WorkOrderEffect,
};
pub use number::CaseNumber;
pub use satisfaction::Satisfaction;
