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

/// A project's return-visit setting (per-project; default `service_desk`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VisitSettings {
    pub visits_by: VisitsBy,
}

impl Default for VisitSettings {
    fn default() -> Self {
        VisitSettings {
            visits_by: VisitsBy::ServiceDesk,
        }
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
        };
        assert_eq!(visit_assignee(by_steward, CaseKind::Repair, steward), steward);
        assert_eq!(visit_assignee(by_steward, CaseKind::Repair, None), None);
        assert_eq!(visit_assignee(by_steward, CaseKind::Complaint, steward), None);
        assert_eq!(
            visit_assignee(VisitSettings::default(), CaseKind::Repair, steward),
            None
        );
    }
}
