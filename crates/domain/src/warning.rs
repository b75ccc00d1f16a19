//! Complaint warnings (投诉预警): rules that notice complaints piling up before they become a
//! crisis, and the arithmetic that decides when one fires.

use serde::{Deserialize, Serialize};

use crate::case::CaseKind;

crate::wire_enum! {
    /// Which rule fired a warning.
    pub enum WarningRule {
        /// N complaints about one property within M days.
        PropertyCluster => "property_cluster",
        /// N complaints from one building within M days.
        BuildingCluster => "building_cluster",
        /// A category's complaints this week exceed its 4-week weekly average by X %.
        CategorySurge => "category_surge",
        /// A customer complains again within M days of an earlier complaint.
        RepeatCustomer => "repeat_customer",
        /// A patrol route was not patrolled within its interval (once per missed period).
        PatrolMissed => "patrol_missed",
        /// Arrears of an area not contacted within the policy's days after their import.
        ArrearsNotContacted => "arrears_not_contacted",
        /// A decoration lead went past its follow-up day (回访逾期).
        LeadFollowUpMissed => "lead_follow_up_missed",
    }
}

crate::wire_enum! {
    /// Which cases a rule watches (default `complaint`, as before issue #19).
    #[derive(Default)]
    pub enum WatchedKind {
        #[default]
        Complaint => "complaint",
        Repair => "repair",
        Incident => "incident",
        /// Complaints, repairs and incidents together.
        Any => "any",
    }
}

impl WatchedKind {
    /// The case kinds the rule counts.
    pub fn kinds(self) -> &'static [CaseKind] {
        match self {
            WatchedKind::Complaint => &[CaseKind::Complaint],
            WatchedKind::Repair => &[CaseKind::Repair],
            WatchedKind::Incident => &[CaseKind::Incident],
            WatchedKind::Any => &[CaseKind::Complaint, CaseKind::Repair, CaseKind::Incident],
        }
    }

    pub fn watches(self, kind: CaseKind) -> bool {
        self.kinds().contains(&kind)
    }

    /// How a warning's title names the cases: 投诉 / 报修 / 报事 / 案件.
    pub fn noun_zh(self) -> &'static str {
        match self {
            WatchedKind::Complaint => "投诉",
            WatchedKind::Repair => "报修",
            WatchedKind::Incident => "报事",
            WatchedKind::Any => "案件",
        }
    }

    /// Part of a warning's subject key: empty for complaints, so keys from before issue #19 hold.
    pub fn key_suffix(self) -> &'static str {
        match self {
            WatchedKind::Complaint => "",
            WatchedKind::Repair => ":repair",
            WatchedKind::Incident => ":incident",
            WatchedKind::Any => ":any",
        }
    }
}

/// N complaints within M days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ClusterRule {
    pub enabled: bool,
    #[cfg_attr(feature = "openapi", schema(example = 3, minimum = 2))]
    pub count: u32,
    #[cfg_attr(feature = "openapi", schema(example = 30, minimum = 1))]
    pub days: u32,
    /// Which cases it counts (default `complaint`).
    #[serde(default)]
    pub kind: WatchedKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SurgeRule {
    pub enabled: bool,
    /// How far above the average this week must be, in percent.
    #[cfg_attr(feature = "openapi", schema(example = 50))]
    pub percent: u32,
    /// Weeks with fewer complaints never fire (small numbers are noise).
    #[cfg_attr(feature = "openapi", schema(example = 5))]
    pub min_count: u32,
    /// Which cases it counts (default `complaint`).
    #[serde(default)]
    pub kind: WatchedKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RepeatRule {
    pub enabled: bool,
    #[cfg_attr(feature = "openapi", schema(example = 30))]
    pub days: u32,
    /// Which cases it counts (default `complaint`).
    #[serde(default)]
    pub kind: WatchedKind,
}

/// The configurable warning rules (`PUT /api/v1/warning-rules`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct WarningRules {
    pub property_cluster: ClusterRule,
    pub building_cluster: ClusterRule,
    pub category_surge: SurgeRule,
    pub repeat_customer: RepeatRule,
}

impl Default for WarningRules {
    fn default() -> Self {
        WarningRules {
            property_cluster: ClusterRule {
                enabled: true,
                count: 3,
                days: 30,
                kind: WatchedKind::Complaint,
            },
            building_cluster: ClusterRule {
                enabled: true,
                count: 5,
                days: 7,
                kind: WatchedKind::Complaint,
            },
            category_surge: SurgeRule {
                enabled: true,
                percent: 50,
                min_count: 5,
                kind: WatchedKind::Complaint,
            },
            repeat_customer: RepeatRule {
                enabled: true,
                days: 30,
                kind: WatchedKind::Complaint,
            },
        }
    }
}

impl WarningRules {
    /// Whether any enabled rule counts cases of `kind` (the worker checks only those).
    pub fn watches(&self, kind: CaseKind) -> bool {
        (self.property_cluster.enabled && self.property_cluster.kind.watches(kind))
            || (self.building_cluster.enabled && self.building_cluster.kind.watches(kind))
            || (self.category_surge.enabled && self.category_surge.kind.watches(kind))
            || (self.repeat_customer.enabled && self.repeat_customer.kind.watches(kind))
    }

    /// The first setting (as a JSON path) that makes no sense, if any.
    pub fn invalid_field(&self) -> Option<&'static str> {
        let clusters = [
            ("property_cluster", self.property_cluster),
            ("building_cluster", self.building_cluster),
        ];
        for (name, rule) in clusters {
            if !(2..=1000).contains(&rule.count) {
                return Some(if name == "property_cluster" {
                    "property_cluster.count"
                } else {
                    "building_cluster.count"
                });
            }
            if !(1..=366).contains(&rule.days) {
                return Some(if name == "property_cluster" {
                    "property_cluster.days"
                } else {
                    "building_cluster.days"
                });
            }
        }
        if !(1..=10_000).contains(&self.category_surge.percent) {
            return Some("category_surge.percent");
        }
        if !(1..=366).contains(&self.repeat_customer.days) {
            return Some("repeat_customer.days");
        }
        None
    }
}

/// Whether `count` complaints within the rule's window fire it.
pub fn cluster_fires(rule: &ClusterRule, count: u64) -> bool {
    rule.enabled && count >= u64::from(rule.count)
}

/// Whether this week's count exceeds the average of the four weeks before by the rule's percent.
/// With no history at all, a week at or above `min_count` is itself a surge.
pub fn surge_fires(rule: &SurgeRule, this_week: u64, previous_four_weeks: u64) -> bool {
    if !rule.enabled || this_week < u64::from(rule.min_count) {
        return false;
    }
    // this_week > avg · (1 + p/100)  ⇔  400 · this_week > previous · (100 + p)   (avg = previous / 4)
    u128::from(this_week) * 400 > u128::from(previous_four_weeks) * (100 + u128::from(rule.percent))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clusters_fire_at_the_count() {
        let rule = ClusterRule {
            enabled: true,
            count: 3,
            days: 30,
            kind: WatchedKind::Complaint,
        };
        assert!(!cluster_fires(&rule, 2));
        assert!(cluster_fires(&rule, 3));
        assert!(cluster_fires(&rule, 10));
        assert!(!cluster_fires(&ClusterRule { enabled: false, ..rule }, 10));
    }

    #[test]
    fn surges_compare_with_the_four_week_average() {
        let rule = SurgeRule {
            enabled: true,
            percent: 50,
            min_count: 5,
            kind: WatchedKind::Complaint,
        };
        // Average 8 a week: 12 is exactly +50 % (not more), 13 fires.
        assert!(!surge_fires(&rule, 12, 32));
        assert!(surge_fires(&rule, 13, 32));
        // Below the minimum count nothing fires, whatever the history.
        assert!(!surge_fires(&rule, 4, 0));
        // No history: the minimum count is enough.
        assert!(surge_fires(&rule, 5, 0));
        assert!(!surge_fires(&SurgeRule { enabled: false, ..rule }, 100, 0));
        // Huge counts do not overflow.
        assert!(surge_fires(&rule, u64::MAX / 2, u64::MAX));
        assert!(!surge_fires(&rule, u64::MAX / 4, u64::MAX));
    }

    #[test]
    fn defaults_are_valid_and_nonsense_is_named() {
        assert_eq!(WarningRules::default().invalid_field(), None);
        let mut rules = WarningRules::default();
        rules.building_cluster.count = 1;
        assert_eq!(rules.invalid_field(), Some("building_cluster.count"));
        let mut rules = WarningRules::default();
        rules.repeat_customer.days = 0;
        assert_eq!(rules.invalid_field(), Some("repeat_customer.days"));
    }

    #[test]
    fn rules_watch_the_kinds_they_name_and_complaints_by_default() {
        let table = [
            (WatchedKind::Complaint, CaseKind::Complaint, true),
            (WatchedKind::Complaint, CaseKind::Repair, false),
            (WatchedKind::Repair, CaseKind::Repair, true),
            (WatchedKind::Repair, CaseKind::Incident, false),
            (WatchedKind::Incident, CaseKind::Incident, true),
            (WatchedKind::Any, CaseKind::Complaint, true),
            (WatchedKind::Any, CaseKind::Repair, true),
            (WatchedKind::Any, CaseKind::Incident, true),
            (WatchedKind::Any, CaseKind::Inquiry, false),
            (WatchedKind::Any, CaseKind::Praise, false),
        ];
        for (watched, kind, expected) in table {
            assert_eq!(watched.watches(kind), expected, "{watched} {kind}");
        }
        // A body from before issue #19 watches complaints.
        let old: ClusterRule = serde_json::from_str(r#"{"enabled": true, "count": 3, "days": 30}"#).unwrap();
        assert_eq!(old.kind, WatchedKind::Complaint);
        let rules = WarningRules::default();
        assert!(rules.watches(CaseKind::Complaint));
        assert!(!rules.watches(CaseKind::Repair));
        let mut repairs = rules;
        repairs.property_cluster.kind = WatchedKind::Repair;
        assert!(repairs.watches(CaseKind::Repair));
        repairs.property_cluster.enabled = false;
        assert!(!repairs.watches(CaseKind::Repair));
    }
}
