//! Routing rules (分派规则): most categories always go to the same department, so a rule names
//! it — and registration proposes it, or dispatches the case at once (issue #19).
//!
//! A rule matches a case when its category is the case's and each of its optional fields
//! (project, kind, severity) is unset or equal. The most specific match wins: a project's rule
//! beats a company-wide one, then a rule naming the kind beats one that does not, then one naming
//! the severity; between equally specific rules the older one (the smaller UUID v7) wins.

use uuid::Uuid;

use super::process::ProcessSettings;
use super::{CaseKind, Severity};

/// A routing rule as the decisions see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoutingRule {
    pub id: Uuid,
    pub project_id: Option<Uuid>,
    pub category_id: Uuid,
    pub kind: Option<CaseKind>,
    pub severity: Option<Severity>,
    pub department_id: Uuid,
    pub auto_dispatch: bool,
}

/// What a case offers to the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RouteQuery {
    pub project_id: Uuid,
    pub category_id: Uuid,
    pub kind: Option<CaseKind>,
    pub severity: Option<Severity>,
}

impl RoutingRule {
    fn matches(&self, q: &RouteQuery) -> bool {
        self.category_id == q.category_id
            && self.project_id.is_none_or(|p| p == q.project_id)
            && self.kind.is_none_or(|k| Some(k) == q.kind)
            && self.severity.is_none_or(|s| Some(s) == q.severity)
    }

    fn specificity(&self) -> u8 {
        u8::from(self.project_id.is_some()) * 4 + u8::from(self.kind.is_some()) * 2 + u8::from(self.severity.is_some())
    }
}

/// The rule that routes a case, if any.
pub fn select<'a>(rules: &'a [RoutingRule], q: &RouteQuery) -> Option<&'a RoutingRule> {
    rules
        .iter()
        .filter(|r| r.matches(q))
        .max_by(|a, b| a.specificity().cmp(&b.specificity()).then(b.id.cmp(&a.id)))
}

/// The rule dispatches the case at registration: it says so, and the project does not verify
/// cases of this kind first (the system stands in for the head of the desk, who set the rule).
pub fn auto_dispatches(rule: &RoutingRule, settings: &ProcessSettings, kind: CaseKind) -> bool {
    rule.auto_dispatch && !settings.requires_verification(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROJECT: Uuid = Uuid::from_u128(1);
    const OTHER: Uuid = Uuid::from_u128(2);
    const LEAK: Uuid = Uuid::from_u128(10);
    const NOISE: Uuid = Uuid::from_u128(11);

    fn rule(id: u128, project: Option<Uuid>, kind: Option<CaseKind>, severity: Option<Severity>) -> RoutingRule {
        RoutingRule {
            id: Uuid::from_u128(id),
            project_id: project,
            category_id: LEAK,
            kind,
            severity,
            department_id: Uuid::from_u128(100 + id),
            auto_dispatch: false,
        }
    }

    fn query(project: Uuid, kind: CaseKind, severity: Severity) -> RouteQuery {
        RouteQuery {
            project_id: project,
            category_id: LEAK,
            kind: Some(kind),
            severity: Some(severity),
        }
    }

    #[test]
    fn the_most_specific_rule_wins() {
        let rules = [
            rule(1, None, None, None),
            rule(2, None, Some(CaseKind::Repair), None),
            rule(3, None, None, Some(Severity::Urgent)),
            rule(4, Some(PROJECT), None, None),
            rule(5, Some(PROJECT), Some(CaseKind::Repair), Some(Severity::Urgent)),
            rule(6, Some(OTHER), Some(CaseKind::Repair), Some(Severity::Normal)),
            rule(7, None, None, None),
        ];
        let pick = |q: RouteQuery| select(&rules, &q).map(|r| r.id.as_u128());
        // (project, kind, severity) → rule
        let table = [
            (PROJECT, CaseKind::Repair, Severity::Urgent, Some(5)),
            (PROJECT, CaseKind::Repair, Severity::Normal, Some(4)),
            (PROJECT, CaseKind::Complaint, Severity::Urgent, Some(4)),
            (OTHER, CaseKind::Repair, Severity::Normal, Some(6)),
            (OTHER, CaseKind::Repair, Severity::Urgent, Some(2)),
            (OTHER, CaseKind::Complaint, Severity::Urgent, Some(3)),
            (OTHER, CaseKind::Complaint, Severity::Normal, Some(1)),
        ];
        for (project, kind, severity, expected) in table {
            assert_eq!(pick(query(project, kind, severity)), expected, "{kind} {severity}");
        }
        let other_category = RouteQuery {
            category_id: NOISE,
            ..query(PROJECT, CaseKind::Repair, Severity::Normal)
        };
        assert_eq!(select(&rules, &other_category), None);
        // Without a kind or severity in the query only rules that name none match.
        let bare = RouteQuery {
            kind: None,
            severity: None,
            ..query(OTHER, CaseKind::Repair, Severity::Normal)
        };
        assert_eq!(pick(bare), Some(1), "the older of two equal rules");
    }

    #[test]
    fn auto_dispatch_needs_the_rule_and_no_verification_first() {
        let auto = RoutingRule {
            auto_dispatch: true,
            ..rule(1, None, None, None)
        };
        let verify = ProcessSettings::default();
        let off = ProcessSettings {
            verify_before_dispatch: false,
            ..verify
        };
        assert!(auto_dispatches(&auto, &verify, CaseKind::Repair));
        assert!(!auto_dispatches(&auto, &verify, CaseKind::Complaint));
        assert!(auto_dispatches(&auto, &off, CaseKind::Complaint));
        assert!(!auto_dispatches(&rule(1, None, None, None), &off, CaseKind::Repair));
    }
}
