//! The routing-rule contract: rule bodies, the rules as answered and the proposal for a new case.

use chrono::{DateTime, Utc};
use huiyin_domain::case::{CaseKind, Severity};
use huiyin_store::process::routing::{self, RoutingRuleRecord};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoutingRuleInput {
    /// The project the rule is for; omit for every project.
    pub project_id: Option<Uuid>,
    pub category_id: Uuid,
    /// Only cases of this kind; omit for every kind.
    pub kind: Option<CaseKind>,
    /// Only cases of this severity; omit for every severity.
    pub severity: Option<Severity>,
    /// The department the cases go to.
    pub department_id: Uuid,
    /// Dispatch at registration (by the system) when the project does not verify such cases first.
    #[serde(default)]
    pub auto_dispatch: bool,
}

impl From<RoutingRuleInput> for routing::RoutingRuleInput {
    fn from(b: RoutingRuleInput) -> Self {
        routing::RoutingRuleInput {
            project_id: b.project_id,
            category_id: b.category_id,
            kind: b.kind,
            severity: b.severity,
            department_id: b.department_id,
            auto_dispatch: b.auto_dispatch,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RoutingRuleView {
    pub id: Uuid,
    pub project_id: Option<Uuid>,
    pub category_id: Uuid,
    pub kind: Option<CaseKind>,
    pub severity: Option<Severity>,
    pub department_id: Uuid,
    pub auto_dispatch: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

impl From<RoutingRuleRecord> for RoutingRuleView {
    fn from(r: RoutingRuleRecord) -> Self {
        RoutingRuleView {
            id: r.id,
            project_id: r.project_id,
            category_id: r.category_id,
            kind: r.kind,
            severity: r.severity,
            department_id: r.department_id,
            auto_dispatch: r.auto_dispatch,
            created_at: r.created_at,
            updated_at: r.updated_at,
            version: r.version,
        }
    }
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListRoutingRules {
    /// Only the rules that apply to this project (its own and the company-wide ones).
    pub project_id: Option<Uuid>,
    pub category_id: Option<Uuid>,
}

impl From<ListRoutingRules> for routing::ListRoutingRules {
    fn from(q: ListRoutingRules) -> Self {
        routing::ListRoutingRules {
            project_id: q.project_id,
            category_id: q.category_id,
        }
    }
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MatchRoutingRule {
    pub project_id: Uuid,
    pub category_id: Uuid,
    pub kind: Option<CaseKind>,
    pub severity: Option<Severity>,
}

impl From<MatchRoutingRule> for routing::MatchRoutingRule {
    fn from(q: MatchRoutingRule) -> Self {
        routing::MatchRoutingRule {
            project_id: q.project_id,
            category_id: q.category_id,
            kind: q.kind,
            severity: q.severity,
        }
    }
}

/// The department the rules propose for a case about to be registered.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RoutingProposal {
    /// The rule that matched; `null` when none does (the form then proposes nothing).
    pub rule: Option<RoutingRuleView>,
    /// The proposed department (the rule's).
    pub department_id: Option<Uuid>,
    /// Registering the case would dispatch it at once: the rule says `auto_dispatch` and the
    /// project does not verify cases of this kind first.
    pub dispatches_at_registration: bool,
}

impl From<routing::RoutingProposal> for RoutingProposal {
    fn from(p: routing::RoutingProposal) -> Self {
        RoutingProposal {
            rule: p.rule.map(RoutingRuleView::from),
            department_id: p.department_id,
            dispatches_at_registration: p.dispatches_at_registration,
        }
    }
}
