//! The vocabulary of case actions: how a reply reached the customer, why a case was
//! cancelled, who may read a timeline entry.

crate::wire_enum! {
    /// How the customer was told the result (回复).
    pub enum ReplyMethod {
        Phone => "phone",
        Sms => "sms",
        InPerson => "in_person",
        Letter => "letter",
        Wechat => "wechat",
        Email => "email",
        App => "app",
        Other => "other",
    }
}

crate::wire_enum! {
    /// Why a case was cancelled.
    pub enum CancelReason {
        /// Already registered under another number (`duplicate_of` names it).
        Duplicate => "duplicate",
        /// Not a matter for customer service.
        Invalid => "invalid",
        /// The customer withdrew it.
        Withdrawn => "withdrawn",
    }
}

crate::wire_enum! {
    /// Who may read a timeline entry: residents see only `public` ones.
    pub enum Visibility {
        Internal => "internal",
        Public => "public",
    }
}

crate::wire_enum! {
    /// Where a work order stands.
    pub enum WorkOrderStatus {
        Open => "open",
        Accepted => "accepted",
        Done => "done",
        Cancelled => "cancelled",
    }
}

/// Whether a work order for a case may go to a department, given one flag per active handler of
/// the department: do they work in the case's project? A department without handler accounts
/// takes paper work orders; one whose handlers all work in other projects would put the order
/// before people who may not see the case, and is refused.
pub fn department_serves_project(handlers_in_project: &[bool]) -> bool {
    handlers_in_project.is_empty() || handlers_in_project.iter().any(|in_project| *in_project)
}

#[cfg(test)]
mod dispatch_tests {
    use super::department_serves_project;

    #[test]
    fn a_department_serves_a_project_when_one_of_its_handlers_works_there() {
        assert!(department_serves_project(&[]));
        assert!(department_serves_project(&[false, true]));
        assert!(!department_serves_project(&[false]));
        assert!(!department_serves_project(&[false, false]));
    }
}
