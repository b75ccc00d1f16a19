//! Who a user is in the customer-service centre (see docs/domain.md, "People and roles").

crate::wire_enum! {
    /// The role of a login. Staff roles are scoped to their projects; `admin` sees everything;
    /// `resident` is a customer using the mobile app.
    pub enum Role {
        Admin => "admin",
        Manager => "manager",
        Supervisor => "supervisor",
        Agent => "agent",
        Steward => "steward",
        Handler => "handler",
        Resident => "resident",
    }
}

impl Role {
    pub fn is_staff(self) -> bool {
        self != Role::Resident
    }

    /// Admins are not limited to the projects they are members of.
    pub fn sees_all_projects(self) -> bool {
        self == Role::Admin
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(*role));
        }
        assert_eq!(Role::parse("root"), None);
        assert_eq!(Role::parse("Admin"), None);
    }

    #[test]
    fn only_residents_are_not_staff() {
        let staff: Vec<_> = Role::ALL.iter().filter(|r| r.is_staff()).collect();
        assert_eq!(staff.len(), Role::ALL.len() - 1);
        assert!(!Role::Resident.is_staff());
        assert!(Role::Admin.sees_all_projects());
        assert!(!Role::Manager.sees_all_projects());
    }
}
