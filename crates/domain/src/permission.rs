//! The permission table: which role may perform which action.
//!
//! Every handler asks `allows(role, permission)`; data scope (which projects,
//! which department's cases) is decided separately by the store's scope rules.

use crate::case::CaseAction;
use crate::role::Role;
use crate::sla::escalation::Level;

crate::wire_enum! {
    /// Something a user may be allowed to do.
    pub enum Permission {
        /// Read projects, areas, properties, departments, users.
        OrgRead => "org_read",
        /// Create and change projects, areas, properties, departments.
        OrgManage => "org_manage",
        /// Create, change and deactivate user accounts.
        UserManage => "user_manage",
        /// Read the case categories tree.
        CategoryRead => "category_read",
        /// Change the case categories tree.
        CategoryManage => "category_manage",
        /// Read customers (业主档案), phones masked unless `PiiView`.
        CustomerRead => "customer_read",
        /// Create and change customers.
        CustomerManage => "customer_manage",
        /// See customers' phone numbers unmasked (every such view is audited).
        PiiView => "pii_view",
        /// Read the audit log.
        AuditRead => "audit_read",
        /// Register a case.
        CaseCreate => "case_create",
        /// Read cases in scope.
        CaseRead => "case_read",
        /// Same-day verification note.
        CaseVerify => "case_verify",
        /// Dispatch a work order to a department, and re-dispatch.
        CaseDispatch => "case_dispatch",
        /// Take a work order and record its result.
        CaseHandle => "case_handle",
        /// Reply to the customer and record return visits.
        CaseReply => "case_reply",
        /// Close an inquiry/praise/suggestion answered on the spot.
        CaseCloseOnSpot => "case_close_on_spot",
        /// Cancel a duplicate, invalid or withdrawn case.
        CaseCancel => "case_cancel",
        /// Approve or reject a request to cancel a dispatched case (supervisors and up).
        CaseCancelApprove => "case_cancel_approve",
        /// Move a work order to another department or person.
        CaseReassign => "case_reassign",
        /// Add notes and attachments to a case.
        CaseComment => "case_comment",
        /// Read complaint statistics and the monthly report.
        StatsRead => "stats_read",
        /// Export cases in bulk (every export is audited).
        CaseExport => "case_export",
        /// Create and revoke API keys for integrations.
        ApiKeyManage => "api_key_manage",
        /// See and retry background jobs.
        JobManage => "job_manage",
        /// Stop and restart a case's deadline clocks while it waits on the customer.
        CasePause => "case_pause",
        /// Raise a case one level up the escalation ladder.
        CaseEscalate => "case_escalate",
        /// Lower a case's escalation level (managers decide).
        CaseDeescalate => "case_deescalate",
        /// Raise a case of one's own areas from project to area level, no further (stewards).
        CaseEscalateArea => "case_escalate_area",
        /// Configure escalation contacts of one's projects (and read the deadline configuration).
        SlaManage => "sla_manage",
        /// Change company-wide configuration: SLA policies, the business calendar and the
        /// warning rules (administrators; a project's manager would change every project's).
        ConfigManage => "config_manage",
        /// Read and acknowledge complaint warnings (投诉预警).
        WarningAck => "warning_ack",
        /// Configure webhook subscriptions and redeliver.
        WebhookManage => "webhook_manage",
        /// Record household visits and patrols, read coverage and the worklist, keep patrol routes (own areas for stewards).
        StewardWork => "steward_work",
        /// Set an area's monthly visit plan (coverage target, key customer tags).
        StewardPlan => "steward_plan",
        /// Draft and edit public notices (公示).
        NoticeDraft => "notice_draft",
        /// Publish and withdraw public notices.
        NoticePublish => "notice_publish",
        /// Read fee arrears in scope (stewards: their areas).
        ArrearsRead => "arrears_read",
        /// Record a contact with a customer in arrears (催费记录).
        ArrearsContact => "arrears_contact",
        /// Import arrears from the billing system and set the per-project arrears policy.
        ArrearsImport => "arrears_import",
        /// Decide on a lawyer's letter for arrears at the legal stage.
        ArrearsLegal => "arrears_legal",
        /// Write and accept shift handovers (交接班).
        HandoverWrite => "handover_write",
        /// Read the knowledge base (应知应会) and the standard reply templates.
        KnowledgeRead => "knowledge_read",
        /// Write, publish and withdraw knowledge articles and standard reply templates.
        KnowledgeManage => "knowledge_manage",
        /// Read leads in scope (a designer: only those dispatched to them).
        LeadRead => "lead_read",
        /// Register leads and record follow-ups.
        LeadCreate => "lead_create",
        /// Record a lead's progress: measured, proposal, signed (a designer: their own).
        LeadProgress => "lead_progress",
        /// Dispatch and reassign leads; report a lead lost.
        LeadDispatch => "lead_dispatch",
        /// Force a dispatch past the rules and confirm lost leads (the design manager).
        LeadDecide => "lead_decide",
        /// Read construction works in scope (a designer: their own).
        WorksRead => "works_read",
        /// Open works from signed leads and start their stages.
        WorksManage => "works_manage",
        /// Record stage visits (customer service).
        WorksVisit => "works_visit",
    }
}

/// Every permission `role` holds, in the table's order (what `GET /api/v1/me` answers).
pub fn effective(role: Role) -> Vec<Permission> {
    Permission::ALL.iter().copied().filter(|p| allows(role, *p)).collect()
}

/// Whether `role` may perform `permission` at all (before data scope).
pub fn allows(role: Role, permission: Permission) -> bool {
    use Permission as P;
    use Role as R;
    match role {
        R::Admin => true,
        R::Resident => false,
        R::Manager => !matches!(
            permission,
            P::ApiKeyManage
                | P::JobManage
                | P::WebhookManage
                | P::CategoryManage
                | P::ConfigManage
                | P::CaseEscalateArea
        ),
        R::Supervisor => !matches!(
            permission,
            P::OrgManage
                | P::UserManage
                | P::CategoryManage
                | P::AuditRead
                | P::CaseExport
                | P::ApiKeyManage
                | P::JobManage
                | P::CaseDeescalate
                | P::CaseEscalateArea
                | P::SlaManage
                | P::ConfigManage
                | P::WebhookManage
                | P::ArrearsLegal
        ),
        R::Agent => matches!(
            permission,
            P::OrgRead
                | P::CategoryRead
                | P::CustomerRead
                | P::CustomerManage
                | P::PiiView
                | P::CaseCreate
                | P::CaseRead
                | P::CaseVerify
                | P::CaseDispatch
                | P::CaseReply
                | P::CaseCloseOnSpot
                | P::CaseCancel
                | P::CaseComment
                | P::CasePause
                | P::CaseEscalate
                | P::NoticeDraft
                | P::ArrearsRead
                | P::HandoverWrite
                | P::StatsRead
                | P::KnowledgeRead
                | P::WorksRead
                | P::WorksVisit
        ),
        R::Steward => matches!(
            permission,
            P::OrgRead
                | P::CategoryRead
                | P::CustomerRead
                | P::CustomerManage
                | P::PiiView
                | P::CaseCreate
                | P::CaseRead
                | P::CaseReply
                | P::CaseComment
                | P::CaseEscalateArea
                | P::StewardWork
                | P::NoticeDraft
                | P::ArrearsRead
                | P::ArrearsContact
                | P::KnowledgeRead
        ),
        R::Handler => matches!(
            permission,
            P::OrgRead
                | P::CategoryRead
                | P::CustomerRead
                | P::CaseRead
                | P::CaseHandle
                | P::CaseComment
                | P::CasePause
                | P::KnowledgeRead
        ),
        R::Designer => matches!(
            permission,
            P::OrgRead
                | P::CategoryRead
                | P::CaseRead
                | P::CaseComment
                | P::LeadRead
                | P::LeadProgress
                | P::WorksRead
                | P::KnowledgeRead
        ),
        R::CustomerManager => matches!(
            permission,
            P::OrgRead
                | P::CategoryRead
                | P::CustomerRead
                | P::CustomerManage
                | P::PiiView
                | P::CaseCreate
                | P::CaseRead
                | P::CaseComment
                | P::LeadRead
                | P::LeadCreate
                | P::LeadProgress
                | P::LeadDispatch
                | P::KnowledgeRead
                | P::WorksRead
                | P::WorksManage
                | P::WorksVisit
        ),
    }
}

/// Whether `role` may raise a case now at `from` one level up: with `CaseEscalate` always (the
/// ladder's top aside), with `CaseEscalateArea` (stewards) only from project to area level.
/// Which cases they may raise is the data scope's business (a steward: their areas').
pub fn may_escalate(role: Role, from: Level) -> bool {
    allows(role, Permission::CaseEscalate) || (allows(role, Permission::CaseEscalateArea) && from == Level::Project)
}

/// Whether `role` may perform `action` on a case now at `level`: the permission table, with
/// the stewards' escalation to area level ([`may_escalate`]).
pub fn may_act(role: Role, action: CaseAction, level: Level) -> bool {
    match action {
        CaseAction::Escalate => may_escalate(role, level),
        _ => allows(role, action.permission()),
    }
}

/// Which cases a staff role sees, within the projects the user belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseScope {
    /// Every case of every project (admin).
    Everything,
    /// Every case of the user's projects.
    Projects,
    /// Cases currently dispatched to the user's department.
    Department,
    /// Cases in the areas the user is steward of.
    StewardAreas,
    /// A resident's own cases only.
    Own,
}

pub fn case_scope(role: Role) -> CaseScope {
    match role {
        Role::Admin => CaseScope::Everything,
        Role::Manager | Role::Supervisor | Role::Agent => CaseScope::Projects,
        Role::Handler => CaseScope::Department,
        Role::Steward => CaseScope::StewardAreas,
        Role::Resident => CaseScope::Own,
        Role::Designer => CaseScope::Department,
        Role::CustomerManager => CaseScope::Projects,
    }
}

/// Roles a user holding `role` may give to accounts they create or edit:
/// nobody can create an account more powerful than their own.
pub fn may_grant(granter: Role, granted: Role) -> bool {
    match granter {
        Role::Admin => true,
        Role::Manager => granted != Role::Admin,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Permission as P;

    #[test]
    fn admin_may_do_everything_and_residents_nothing_staff_only() {
        for p in Permission::ALL {
            assert!(allows(Role::Admin, *p), "{p}");
            assert!(!allows(Role::Resident, *p), "{p}");
        }
    }

    #[test]
    fn handlers_do_not_see_pii_and_cannot_dispatch() {
        assert!(!allows(Role::Handler, P::PiiView));
        assert!(!allows(Role::Handler, P::CaseDispatch));
        assert!(!allows(Role::Handler, P::CaseCreate));
        assert!(allows(Role::Handler, P::CaseHandle));
        assert!(allows(Role::Handler, P::CaseRead));
    }

    #[test]
    fn only_admin_and_manager_maintain_the_organisation() {
        for role in Role::ALL {
            let expected = matches!(role, Role::Admin | Role::Manager);
            assert_eq!(allows(*role, P::OrgManage), expected, "{role}");
            assert_eq!(allows(*role, P::UserManage), expected, "{role}");
            assert_eq!(allows(*role, P::AuditRead), expected, "{role}");
        }
    }

    #[test]
    fn every_staff_role_reads_the_organisation_and_cases() {
        for role in Role::ALL.iter().filter(|r| r.is_staff()) {
            assert!(allows(*role, P::OrgRead), "{role}");
            assert!(allows(*role, P::CaseRead), "{role}");
            assert!(allows(*role, P::CaseComment), "{role}");
        }
    }

    #[test]
    fn agents_register_dispatch_and_visit_but_do_not_handle() {
        for p in [
            P::CaseCreate,
            P::CaseVerify,
            P::CaseDispatch,
            P::CaseReply,
            P::CaseCloseOnSpot,
            P::CaseCancel,
        ] {
            assert!(allows(Role::Agent, p), "{p}");
        }
        assert!(!allows(Role::Agent, P::CaseHandle));
        assert!(!allows(Role::Agent, P::CaseReassign));
    }

    #[test]
    fn case_scopes_narrow_with_the_role() {
        assert_eq!(case_scope(Role::Admin), CaseScope::Everything);
        assert_eq!(case_scope(Role::Handler), CaseScope::Department);
        assert_eq!(case_scope(Role::Steward), CaseScope::StewardAreas);
        assert_eq!(case_scope(Role::Resident), CaseScope::Own);
        for role in [Role::Manager, Role::Supervisor, Role::Agent] {
            assert_eq!(case_scope(role), CaseScope::Projects);
        }
    }

    #[test]
    fn statistics_exports_and_keys() {
        for role in Role::ALL {
            assert_eq!(
                allows(*role, P::StatsRead),
                matches!(role, Role::Admin | Role::Manager | Role::Supervisor | Role::Agent),
                "{role}"
            );
            assert_eq!(
                allows(*role, P::CaseExport),
                matches!(role, Role::Admin | Role::Manager),
                "{role}"
            );
            assert_eq!(allows(*role, P::ApiKeyManage), *role == Role::Admin, "{role}");
            assert_eq!(allows(*role, P::JobManage), *role == Role::Admin, "{role}");
        }
    }

    #[test]
    fn deadlines_and_the_ladder() {
        for role in Role::ALL {
            let is = |roles: &[Role]| roles.contains(role);
            let managers = [Role::Admin, Role::Manager];
            let supervisors = [Role::Admin, Role::Manager, Role::Supervisor];
            assert_eq!(allows(*role, P::CaseDeescalate), is(&managers), "{role}");
            assert_eq!(allows(*role, P::SlaManage), is(&managers), "{role}");
            assert_eq!(allows(*role, P::ConfigManage), *role == Role::Admin, "{role}");
            assert_eq!(allows(*role, P::CategoryManage), *role == Role::Admin, "{role}");
            assert_eq!(
                allows(*role, P::CaseEscalateArea),
                is(&[Role::Admin, Role::Steward]),
                "{role}"
            );
            assert_eq!(allows(*role, P::WarningAck), is(&supervisors), "{role}");
            assert_eq!(allows(*role, P::WebhookManage), *role == Role::Admin, "{role}");
            assert_eq!(
                allows(*role, P::CaseEscalate),
                is(&[Role::Admin, Role::Manager, Role::Supervisor, Role::Agent]),
                "{role}"
            );
            assert_eq!(
                allows(*role, P::CasePause),
                is(&[Role::Admin, Role::Manager, Role::Supervisor, Role::Agent, Role::Handler]),
                "{role}"
            );
        }
    }

    #[test]
    fn stewards_raise_cases_to_area_level_only() {
        assert!(may_escalate(Role::Steward, Level::Project));
        assert!(!may_escalate(Role::Steward, Level::Area));
        assert!(may_escalate(Role::Agent, Level::Area));
        assert!(!may_escalate(Role::Handler, Level::Project));
        assert!(may_act(Role::Steward, CaseAction::Escalate, Level::Project));
        assert!(!may_act(Role::Steward, CaseAction::Escalate, Level::Area));
        assert!(may_act(Role::Steward, CaseAction::Reply, Level::Area));
        assert!(!may_act(Role::Steward, CaseAction::Dispatch, Level::Project));
    }

    #[test]
    fn stewardship_and_notices() {
        for role in Role::ALL {
            let is = |roles: &[Role]| roles.contains(role);
            let supervisors = [Role::Admin, Role::Manager, Role::Supervisor];
            assert_eq!(
                allows(*role, P::StewardWork),
                is(&[Role::Admin, Role::Manager, Role::Supervisor, Role::Steward]),
                "{role}"
            );
            assert_eq!(allows(*role, P::StewardPlan), is(&supervisors), "{role}");
            assert_eq!(allows(*role, P::NoticePublish), is(&supervisors), "{role}");
            assert_eq!(
                allows(*role, P::NoticeDraft),
                is(&[Role::Admin, Role::Manager, Role::Supervisor, Role::Agent, Role::Steward]),
                "{role}"
            );
        }
    }

    #[test]
    fn every_staff_role_reads_the_knowledge_base_and_supervisors_publish() {
        for role in Role::ALL {
            assert_eq!(allows(*role, P::KnowledgeRead), role.is_staff(), "{role}");
            assert_eq!(
                allows(*role, P::KnowledgeManage),
                matches!(role, Role::Admin | Role::Manager | Role::Supervisor),
                "{role}"
            );
        }
    }

    #[test]
    fn effective_permissions_are_the_table_row() {
        assert_eq!(effective(Role::Admin), Permission::ALL.to_vec());
        assert!(effective(Role::Resident).is_empty());
        let agent = effective(Role::Agent);
        assert!(agent.contains(&P::StatsRead));
        assert!(!agent.contains(&P::CaseHandle));
        for role in Role::ALL {
            for p in Permission::ALL {
                assert_eq!(effective(*role).contains(p), allows(*role, *p), "{role} {p}");
            }
        }
    }

    #[test]
    fn nobody_grants_more_than_they_have() {
        assert!(may_grant(Role::Admin, Role::Admin));
        assert!(!may_grant(Role::Manager, Role::Admin));
        assert!(may_grant(Role::Manager, Role::Agent));
        for role in [
            Role::Supervisor,
            Role::Agent,
            Role::Steward,
            Role::Handler,
            Role::Resident,
        ] {
            for granted in Role::ALL {
                assert!(!may_grant(role, *granted));
            }
        }
    }

    #[test]
    fn arrears_and_handovers() {
        for role in Role::ALL {
            let is = |roles: &[Role]| roles.contains(role);
            let desk = [Role::Admin, Role::Manager, Role::Supervisor];
            assert_eq!(
                allows(*role, P::ArrearsRead),
                is(&[Role::Admin, Role::Manager, Role::Supervisor, Role::Agent, Role::Steward]),
                "{role}"
            );
            assert_eq!(
                allows(*role, P::ArrearsContact),
                is(&[Role::Admin, Role::Manager, Role::Supervisor, Role::Steward]),
                "{role}"
            );
            assert_eq!(allows(*role, P::ArrearsImport), is(&desk), "{role}");
            assert_eq!(
                allows(*role, P::ArrearsLegal),
                is(&[Role::Admin, Role::Manager]),
                "{role}"
            );
            assert_eq!(
                allows(*role, P::HandoverWrite),
                is(&[Role::Admin, Role::Manager, Role::Supervisor, Role::Agent]),
                "{role}"
            );
        }
    }

    #[test]
    fn decoration_roles() {
        let lead_readers = [
            Role::Admin,
            Role::Manager,
            Role::Supervisor,
            Role::Designer,
            Role::CustomerManager,
        ];
        let decide = [Role::Admin, Role::Manager, Role::Supervisor];
        let dispatch = [Role::Admin, Role::Manager, Role::Supervisor, Role::CustomerManager];
        let visit = [
            Role::Admin,
            Role::Manager,
            Role::Supervisor,
            Role::Agent,
            Role::CustomerManager,
        ];
        for role in Role::ALL {
            assert_eq!(allows(*role, P::LeadRead), lead_readers.contains(role), "{role}");
            assert_eq!(allows(*role, P::LeadProgress), lead_readers.contains(role), "{role}");
            assert_eq!(allows(*role, P::LeadDecide), decide.contains(role), "{role}");
            assert_eq!(allows(*role, P::LeadDispatch), dispatch.contains(role), "{role}");
            assert_eq!(allows(*role, P::LeadCreate), dispatch.contains(role), "{role}");
            assert_eq!(allows(*role, P::WorksManage), dispatch.contains(role), "{role}");
            assert_eq!(allows(*role, P::WorksVisit), visit.contains(role), "{role}");
        }
        // A designer sees only what is theirs: no customer archive, no phone numbers, no intake.
        for p in [
            P::CustomerRead,
            P::PiiView,
            P::CaseCreate,
            P::LeadDispatch,
            P::StatsRead,
        ] {
            assert!(!allows(Role::Designer, p), "{p}");
        }
        assert_eq!(case_scope(Role::Designer), CaseScope::Department);
        assert_eq!(case_scope(Role::CustomerManager), CaseScope::Projects);
        assert!(!may_grant(Role::CustomerManager, Role::Designer));
    }
}
