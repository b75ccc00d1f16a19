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
    match role {
        Role::Admin => true,
        Role::Resident => false,
        Role::Manager => !MANAGER_DENIED.contains(&permission),
        Role::Supervisor => !SUPERVISOR_DENIED.contains(&permission),
        Role::Agent => AGENT.contains(&permission),
        Role::Steward => STEWARD.contains(&permission),
        Role::Handler => HANDLER.contains(&permission),
        Role::Designer => DESIGNER.contains(&permission),
        Role::CustomerManager => CUSTOMER_MANAGER.contains(&permission),
    }
}

/// What a manager may not do: the system configuration (keys, jobs, webhooks, categories,
/// settings) and the steward's area-only escalation.
const MANAGER_DENIED: &[Permission] = &[
    Permission::ApiKeyManage,
    Permission::JobManage,
    Permission::WebhookManage,
    Permission::CategoryManage,
    Permission::ConfigManage,
    Permission::CaseEscalateArea,
];

/// What a supervisor may not do.
const SUPERVISOR_DENIED: &[Permission] = &[
    Permission::OrgManage,
    Permission::UserManage,
    Permission::CategoryManage,
    Permission::AuditRead,
    Permission::CaseExport,
    Permission::ApiKeyManage,
    Permission::JobManage,
    Permission::CaseDeescalate,
    Permission::CaseEscalateArea,
    Permission::SlaManage,
    Permission::ConfigManage,
    Permission::WebhookManage,
    Permission::ArrearsLegal,
];

/// What an agent (客服) may do.
const AGENT: &[Permission] = &[
    Permission::OrgRead,
    Permission::CategoryRead,
    Permission::CustomerRead,
    Permission::CustomerManage,
    Permission::PiiView,
    Permission::CaseCreate,
    Permission::CaseRead,
    Permission::CaseVerify,
    Permission::CaseDispatch,
    Permission::CaseReply,
    Permission::CaseCloseOnSpot,
    Permission::CaseCancel,
    Permission::CaseComment,
    Permission::CasePause,
    Permission::CaseEscalate,
    Permission::NoticeDraft,
    Permission::ArrearsRead,
    Permission::HandoverWrite,
    Permission::StatsRead,
    Permission::KnowledgeRead,
    Permission::WorksRead,
    Permission::WorksVisit,
];

/// What a steward (管家) may do.
const STEWARD: &[Permission] = &[
    Permission::OrgRead,
    Permission::CategoryRead,
    Permission::CustomerRead,
    Permission::CustomerManage,
    Permission::PiiView,
    Permission::CaseCreate,
    Permission::CaseRead,
    Permission::CaseReply,
    Permission::CaseComment,
    Permission::CaseEscalateArea,
    Permission::StewardWork,
    Permission::NoticeDraft,
    Permission::ArrearsRead,
    Permission::ArrearsContact,
    Permission::KnowledgeRead,
];

/// What a handler (a department's worker) may do.
const HANDLER: &[Permission] = &[
    Permission::OrgRead,
    Permission::CategoryRead,
    Permission::CustomerRead,
    Permission::CaseRead,
    Permission::CaseHandle,
    Permission::CaseComment,
    Permission::CasePause,
    Permission::KnowledgeRead,
];

/// What a designer may do.
const DESIGNER: &[Permission] = &[
    Permission::OrgRead,
    Permission::CategoryRead,
    Permission::CaseRead,
    Permission::CaseComment,
    Permission::LeadRead,
    Permission::LeadProgress,
    Permission::WorksRead,
    Permission::KnowledgeRead,
];

/// What a customer manager (decoration) may do.
const CUSTOMER_MANAGER: &[Permission] = &[
    Permission::OrgRead,
    Permission::CategoryRead,
    Permission::CustomerRead,
    Permission::CustomerManage,
    Permission::PiiView,
    Permission::CaseCreate,
    Permission::CaseRead,
    Permission::CaseComment,
    Permission::LeadRead,
    Permission::LeadCreate,
    Permission::LeadProgress,
    Permission::LeadDispatch,
    Permission::KnowledgeRead,
    Permission::WorksRead,
    Permission::WorksManage,
    Permission::WorksVisit,
];

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
#[path = "permission_tests.rs"]
mod tests;
