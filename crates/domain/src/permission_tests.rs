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
