//! Who makes a project's return visits (回访) of repairs in an area: the service desk (default)
//! or the area's steward (片区管家), who answers for the area and knows its households.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::case::CaseKind;

crate::wire_enum! {
    /// Who takes the return visits of repairs in an area.
    pub enum VisitsBy {
        /// The customer-service desk (客服中心), as for every other case.
        ServiceDesk => "service_desk",
        /// The area's steward; repairs outside an area, or in an area without a steward, stay
        /// with the service desk.
        Steward => "steward",
    }
}

/// A project's return-visit settings (per project). Every field but `visits_by` may be left out
/// and then takes its default, so a body from before issue #19 (`{"visits_by": …}`) still works.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct VisitSettings {
    pub visits_by: VisitsBy,
    /// Hours until an unreachable customer is tried again (1–72, default 4).
    #[serde(default = "default_retry_delay_hours")]
    #[cfg_attr(feature = "openapi", schema(example = 4, minimum = 1, maximum = 72))]
    pub retry_delay_hours: u32,
    /// Tries before a visit is closed as unreachable (1–10, default 3; the first try counts).
    #[serde(default = "default_max_tries")]
    #[cfg_attr(feature = "openapi", schema(example = 3, minimum = 1, maximum = 10))]
    pub max_tries: u32,
    /// How long before it falls due a check may already be recorded (0–24 h, default 2).
    #[serde(default = "default_early_margin_hours")]
    #[cfg_attr(feature = "openapi", schema(example = 2, minimum = 0, maximum = 24))]
    pub early_margin_hours: u32,
    /// A repair of the same property and category as a repair closed within this many Beijing
    /// days is a repeat repair (二次报修) (1–365, default 30).
    #[serde(default = "default_repeat_window_days")]
    #[cfg_attr(feature = "openapi", schema(example = 30, minimum = 1, maximum = 365))]
    pub repeat_window_days: u32,
}

fn default_retry_delay_hours() -> u32 {
    4
}
fn default_max_tries() -> u32 {
    3
}
fn default_early_margin_hours() -> u32 {
    2
}
fn default_repeat_window_days() -> u32 {
    30
}

impl Default for VisitSettings {
    fn default() -> Self {
        VisitSettings {
            visits_by: VisitsBy::ServiceDesk,
            retry_delay_hours: default_retry_delay_hours(),
            max_tries: default_max_tries(),
            early_margin_hours: default_early_margin_hours(),
            repeat_window_days: default_repeat_window_days(),
        }
    }
}

impl VisitSettings {
    /// The first field out of range, if any.
    pub fn invalid_field(&self) -> Option<&'static str> {
        let checks = [
            ("retry_delay_hours", (1..=72).contains(&self.retry_delay_hours)),
            ("max_tries", (1..=10).contains(&self.max_tries)),
            ("early_margin_hours", self.early_margin_hours <= 24),
            ("repeat_window_days", (1..=365).contains(&self.repeat_window_days)),
        ];
        checks.iter().find(|(_, ok)| !ok).map(|(field, _)| *field)
    }

    pub fn retry_delay(&self) -> chrono::Duration {
        chrono::Duration::hours(i64::from(self.retry_delay_hours))
    }

    pub fn early_margin(&self) -> chrono::Duration {
        chrono::Duration::hours(i64::from(self.early_margin_hours))
    }
}

/// The person a case's return visits are assigned to: the area's steward when the project's
/// visits are made by stewards and the case is a repair in an area that has one; otherwise
/// nobody (the service desk takes it).
pub fn visit_assignee(settings: VisitSettings, kind: CaseKind, area_steward: Option<Uuid>) -> Option<Uuid> {
    match (settings.visits_by, kind) {
        (VisitsBy::Steward, CaseKind::Repair) => area_steward,
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_repairs_in_a_stewarded_area_go_to_the_steward_when_the_project_says_so() {
        let steward = Some(Uuid::from_u128(7));
        let by_steward = VisitSettings {
            visits_by: VisitsBy::Steward,
            ..VisitSettings::default()
        };
        assert_eq!(visit_assignee(by_steward, CaseKind::Repair, steward), steward);
        assert_eq!(visit_assignee(by_steward, CaseKind::Repair, None), None);
        assert_eq!(visit_assignee(by_steward, CaseKind::Complaint, steward), None);
        assert_eq!(
            visit_assignee(VisitSettings::default(), CaseKind::Repair, steward),
            None
        );
    }

    #[test]
    fn old_bodies_get_the_defaults_and_nonsense_is_named() {
        let old: VisitSettings = serde_json::from_str(r#"{"visits_by": "steward"}"#).unwrap();
        assert_eq!(
            (
                old.retry_delay_hours,
                old.max_tries,
                old.early_margin_hours,
                old.repeat_window_days
            ),
            (4, 3, 2, 30)
        );
        assert_eq!(VisitSettings::default().invalid_field(), None);
        let table = [
            (
                VisitSettings {
                    retry_delay_hours: 0,
                    ..old
                },
                Some("retry_delay_hours"),
            ),
            (
                VisitSettings {
                    retry_delay_hours: 73,
                    ..old
                },
                Some("retry_delay_hours"),
            ),
            (VisitSettings { max_tries: 0, ..old }, Some("max_tries")),
            (VisitSettings { max_tries: 11, ..old }, Some("max_tries")),
            (
                VisitSettings {
                    early_margin_hours: 25,
                    ..old
                },
                Some("early_margin_hours"),
            ),
            (
                VisitSettings {
                    early_margin_hours: 0,
                    ..old
                },
                None,
            ),
            (
                VisitSettings {
                    repeat_window_days: 0,
                    ..old
                },
                Some("repeat_window_days"),
            ),
            (
                VisitSettings {
                    repeat_window_days: 366,
                    ..old
                },
                Some("repeat_window_days"),
            ),
            (
                VisitSettings {
                    max_tries: 1,
                    repeat_window_days: 365,
                    ..old
                },
                None,
            ),
        ];
        for (settings, expected) in table {
            assert_eq!(settings.invalid_field(), expected, "{settings:?}");
        }
    }
}
