//! The escalation ladder (三级投诉): project → area → company.

use crate::case::{CaseKind, Severity};

crate::wire_enum! {
    /// Who owns a case's handling: the project, the area (片区) or the company.
    pub enum Level {
        Project => "project",
        Area => "area",
        Company => "company",
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LevelError {
    #[error("the case is already at company level, the top of the ladder")]
    AlreadyAtTop,
    #[error("the case is already at project level, the bottom of the ladder")]
    AlreadyAtBottom,
}

impl Level {
    /// One level up, or an error at the top.
    pub fn raised(self) -> Result<Level, LevelError> {
        match self {
            Level::Project => Ok(Level::Area),
            Level::Area => Ok(Level::Company),
            Level::Company => Err(LevelError::AlreadyAtTop),
        }
    }

    /// One level down, or an error at the bottom.
    pub fn lowered(self) -> Result<Level, LevelError> {
        match self {
            Level::Company => Ok(Level::Area),
            Level::Area => Ok(Level::Project),
            Level::Project => Err(LevelError::AlreadyAtBottom),
        }
    }
}

/// Where a new case starts: major complaints go straight to the area.
pub fn initial_level(kind: CaseKind, severity: Severity) -> Level {
    if kind == CaseKind::Complaint && severity == Severity::Major {
        Level::Area
    } else {
        Level::Project
    }
}

/// Whether the people of the case's level hear of it the moment it is registered
/// (urgent cases of any kind, and major complaints that start above the project).
pub fn notify_on_registration(kind: CaseKind, severity: Severity) -> bool {
    severity == Severity::Urgent || initial_level(kind, severity) != Level::Project
}

/// The level after a sweep found new breaches: one step up per sweep that finds any, so each
/// level is reached by exactly one escalation; `None` when nothing changes.
pub fn after_breach(current: Level, newly_breached: usize) -> Option<Level> {
    if newly_breached == 0 {
        return None;
    }
    current.raised().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ladder_has_three_rungs() {
        assert_eq!(Level::Project.raised(), Ok(Level::Area));
        assert_eq!(Level::Area.raised(), Ok(Level::Company));
        assert_eq!(Level::Company.raised(), Err(LevelError::AlreadyAtTop));
        assert_eq!(Level::Company.lowered(), Ok(Level::Area));
        assert_eq!(Level::Area.lowered(), Ok(Level::Project));
        assert_eq!(Level::Project.lowered(), Err(LevelError::AlreadyAtBottom));
    }

    #[test]
    fn major_complaints_start_at_the_area() {
        for kind in CaseKind::ALL {
            for severity in Severity::ALL {
                let expected = if *kind == CaseKind::Complaint && *severity == Severity::Major {
                    Level::Area
                } else {
                    Level::Project
                };
                assert_eq!(initial_level(*kind, *severity), expected, "{kind} {severity}");
            }
        }
    }

    #[test]
    fn urgent_and_major_complaints_notify_at_once() {
        assert!(notify_on_registration(CaseKind::Repair, Severity::Urgent));
        assert!(notify_on_registration(CaseKind::Complaint, Severity::Major));
        assert!(!notify_on_registration(CaseKind::Repair, Severity::Major));
        assert!(!notify_on_registration(CaseKind::Complaint, Severity::Normal));
    }

    #[test]
    fn a_breach_raises_one_level_and_stops_at_the_top() {
        assert_eq!(after_breach(Level::Project, 0), None);
        assert_eq!(after_breach(Level::Project, 2), Some(Level::Area));
        assert_eq!(after_breach(Level::Area, 1), Some(Level::Company));
        assert_eq!(after_breach(Level::Company, 1), None);
    }
}
