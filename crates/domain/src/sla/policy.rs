//! SLA policies: how long each step of a case may take, chosen by case kind × severity.

use chrono::Duration;
use serde::{Deserialize, Serialize};

use super::default_resolution_window;
use crate::case::{CaseKind, Severity};

/// Every duration a policy sets, in seconds (so tests can run policies of a few seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SlaDurations {
    /// Registration → verification (调查核实, "the same day").
    #[cfg_attr(feature = "openapi", schema(example = 28800))]
    pub verify_secs: i64,
    /// Registration → first dispatch.
    #[cfg_attr(feature = "openapi", schema(example = 86400))]
    pub dispatch_secs: i64,
    /// Dispatch → resolution (also after a second dispatch).
    #[cfg_attr(feature = "openapi", schema(example = 172800))]
    pub resolve_secs: i64,
    /// Resolution → reply to the customer.
    #[cfg_attr(feature = "openapi", schema(example = 86400))]
    pub reply_secs: i64,
    /// Repairs: report → the return visit checking that someone made contact (24 h).
    #[cfg_attr(feature = "openapi", schema(example = 86400))]
    pub contact_check_secs: i64,
    /// Repairs: report → the return visit checking that the repair is done (48 h).
    #[cfg_attr(feature = "openapi", schema(example = 172800))]
    pub outcome_check_secs: i64,
    /// Resolution → the satisfaction visit.
    #[cfg_attr(feature = "openapi", schema(example = 172800))]
    pub satisfaction_visit_secs: i64,
    /// Count only working hours of the business calendar (otherwise 24×7).
    pub business_hours: bool,
}

/// The longest any policy duration may be (a year): keeps date arithmetic in range.
pub const MAX_SECS: i64 = 366 * 24 * 3600;

impl SlaDurations {
    /// The built-in policy used when no configured policy matches.
    pub fn builtin(kind: CaseKind, severity: Severity) -> Self {
        let hours = |h: i64| h * 3600;
        let (verify, dispatch) = match severity {
            Severity::Urgent => (hours(1), hours(2)),
            Severity::Major => (hours(4), hours(8)),
            Severity::Normal => (hours(8), hours(24)),
        };
        SlaDurations {
            verify_secs: verify,
            dispatch_secs: dispatch,
            resolve_secs: default_resolution_window(kind, severity).num_seconds(),
            reply_secs: hours(24),
            contact_check_secs: hours(24),
            outcome_check_secs: hours(48),
            satisfaction_visit_secs: hours(48),
            business_hours: false,
        }
    }

    /// The first field (by name) that is out of range, if any.
    pub fn invalid_field(&self) -> Option<&'static str> {
        let fields = [
            ("verify_secs", self.verify_secs),
            ("dispatch_secs", self.dispatch_secs),
            ("resolve_secs", self.resolve_secs),
            ("reply_secs", self.reply_secs),
            ("contact_check_secs", self.contact_check_secs),
            ("outcome_check_secs", self.outcome_check_secs),
            ("satisfaction_visit_secs", self.satisfaction_visit_secs),
        ];
        fields
            .into_iter()
            .find(|(_, secs)| !(1..=MAX_SECS).contains(secs))
            .map(|(name, _)| name)
    }

    pub fn verify(&self) -> Duration {
        Duration::seconds(self.verify_secs)
    }
    pub fn dispatch(&self) -> Duration {
        Duration::seconds(self.dispatch_secs)
    }
    pub fn resolve(&self) -> Duration {
        Duration::seconds(self.resolve_secs)
    }
    pub fn reply(&self) -> Duration {
        Duration::seconds(self.reply_secs)
    }
    pub fn contact_check(&self) -> Duration {
        Duration::seconds(self.contact_check_secs)
    }
    pub fn outcome_check(&self) -> Duration {
        Duration::seconds(self.outcome_check_secs)
    }
    pub fn satisfaction_visit(&self) -> Duration {
        Duration::seconds(self.satisfaction_visit_secs)
    }
}

/// A configured policy: `None` for kind or severity means "any".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PolicyRule {
    pub kind: Option<CaseKind>,
    pub severity: Option<Severity>,
    pub durations: SlaDurations,
}

impl PolicyRule {
    fn matches(&self, kind: CaseKind, severity: Severity) -> bool {
        self.kind.is_none_or(|k| k == kind) && self.severity.is_none_or(|s| s == severity)
    }

    /// Exact kind × severity beats kind only, which beats severity only, which beats the default.
    fn specificity(&self) -> u8 {
        u8::from(self.kind.is_some()) * 2 + u8::from(self.severity.is_some())
    }
}

/// The durations that apply to a case: the most specific matching rule, else the built-in.
pub fn select(rules: &[PolicyRule], kind: CaseKind, severity: Severity) -> SlaDurations {
    rules
        .iter()
        .filter(|r| r.matches(kind, severity))
        .max_by_key(|r| r.specificity())
        .map(|r| r.durations)
        .unwrap_or_else(|| SlaDurations::builtin(kind, severity))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(kind: Option<CaseKind>, severity: Option<Severity>, verify_secs: i64) -> PolicyRule {
        PolicyRule {
            kind,
            severity,
            durations: SlaDurations {
                verify_secs,
                ..SlaDurations::builtin(CaseKind::Complaint, Severity::Normal)
            },
        }
    }

    #[test]
    fn the_most_specific_rule_wins() {
        let rules = [
            rule(None, None, 1),
            rule(None, Some(Severity::Urgent), 2),
            rule(Some(CaseKind::Repair), None, 3),
            rule(Some(CaseKind::Repair), Some(Severity::Urgent), 4),
        ];
        let pick = |k, s| select(&rules, k, s).verify_secs;
        assert_eq!(pick(CaseKind::Repair, Severity::Urgent), 4);
        assert_eq!(pick(CaseKind::Repair, Severity::Normal), 3);
        assert_eq!(pick(CaseKind::Complaint, Severity::Urgent), 2);
        assert_eq!(pick(CaseKind::Complaint, Severity::Normal), 1);
    }

    #[test]
    fn without_rules_the_builtin_applies() {
        let d = select(&[], CaseKind::Repair, Severity::Normal);
        assert_eq!(d, SlaDurations::builtin(CaseKind::Repair, Severity::Normal));
        assert_eq!(d.contact_check(), Duration::hours(24));
        assert_eq!(d.outcome_check(), Duration::hours(48));
        assert_eq!(d.resolve(), Duration::hours(48));
        assert!(d.invalid_field().is_none());
    }

    #[test]
    fn builtin_is_stricter_for_graver_cases() {
        for kind in CaseKind::ALL {
            let urgent = SlaDurations::builtin(*kind, Severity::Urgent);
            let normal = SlaDurations::builtin(*kind, Severity::Normal);
            assert!(urgent.verify_secs < normal.verify_secs);
            assert!(urgent.dispatch_secs < normal.dispatch_secs);
            assert!(urgent.resolve_secs < normal.resolve_secs);
        }
    }

    #[test]
    fn out_of_range_durations_are_named() {
        let mut d = SlaDurations::builtin(CaseKind::Complaint, Severity::Normal);
        d.reply_secs = 0;
        assert_eq!(d.invalid_field(), Some("reply_secs"));
        d.reply_secs = MAX_SECS + 1;
        assert_eq!(d.invalid_field(), Some("reply_secs"));
        d.reply_secs = 60;
        d.verify_secs = -5;
        assert_eq!(d.invalid_field(), Some("verify_secs"));
    }
}
