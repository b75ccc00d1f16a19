//! Cases: one intake and one number for complaints, repairs, inquiries,
//! suggestions, praise and incident reports, and the state machine they move through.

pub mod change;
pub mod checks;
pub mod facts;
pub mod kind;
pub mod link;
pub mod loops;
pub mod machine;
pub mod number;
pub mod process;
pub mod routing;
pub mod satisfaction;
pub mod transition;

pub use facts::{department_serves_project, CancelReason, ReplyMethod, Visibility, WorkOrderStatus};
pub use kind::{CaseKind, Channel, Severity};
pub use machine::{
    apply, apply_with_history, available_actions, available_actions_now, check_flags, CaseAction, CaseStatus, Command,
    Outcome, TransitionError, WorkOrderEffect,
};
pub use number::CaseNumber;
pub use satisfaction::Satisfaction;
