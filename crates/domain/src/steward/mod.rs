//! Area stewardship (片区负责制): stewards' household visits (走访) against a monthly coverage
//! target, patrols (巡查) of public areas, vacant houses and shops, and public notices (公示).
//! Plain types and arithmetic; the store keeps the rows.

pub mod coverage;
pub mod month;
pub mod patrol;
pub mod visits_by;

crate::wire_enum! {
    /// Why a steward visited a household.
    pub enum StewardVisitPurpose {
        /// The monthly round (日常走访).
        Routine => "routine",
        /// A key customer (重点客户), e.g. tagged VIP.
        KeyCustomer => "key_customer",
        /// Following up a case or an earlier opinion.
        FollowUp => "follow_up",
        /// A new owner moving in (入伙).
        MoveIn => "move_in",
        Other => "other",
    }
}

crate::wire_enum! {
    /// What a patrol checkpoint is.
    pub enum CheckpointKind {
        /// Corridors, gardens, car parks, lifts' lobbies (公共区域).
        PublicArea => "public_area",
        /// An unoccupied house checked for leaks, doors and windows (空置房).
        VacantHouse => "vacant_house",
        /// A shop front (商铺).
        Shop => "shop",
        /// Pumps, gates, fire equipment (设施设备).
        Equipment => "equipment",
    }
}

crate::wire_enum! {
    /// What a public notice is.
    pub enum NoticeKind {
        /// A general announcement (公告).
        Notice => "notice",
        /// The service commitments (服务承诺).
        Commitment => "commitment",
        /// The complaint procedure (投诉流程).
        Procedure => "procedure",
        /// The paid-repair price list (有偿服务价目表).
        PriceList => "price_list",
        /// The 24-hour hotline and the three complaint levels' phone numbers.
        Hotline => "hotline",
    }
}

crate::wire_enum! {
    /// Where a notice is in its life: drafted, published (residents see it), withdrawn.
    pub enum NoticeStatus {
        Draft => "draft",
        Published => "published",
        Withdrawn => "withdrawn",
    }
}

/// Why a notice cannot move from its status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a {from} notice cannot be {action}")]
pub struct NoticeTransitionError {
    pub from: NoticeStatus,
    pub action: &'static str,
}

impl NoticeStatus {
    /// Publishing: only a draft.
    pub fn publish(self) -> Result<NoticeStatus, NoticeTransitionError> {
        match self {
            NoticeStatus::Draft => Ok(NoticeStatus::Published),
            from => Err(NoticeTransitionError {
                from,
                action: "published",
            }),
        }
    }

    /// Withdrawing: only a published notice.
    pub fn withdraw(self) -> Result<NoticeStatus, NoticeTransitionError> {
        match self {
            NoticeStatus::Published => Ok(NoticeStatus::Withdrawn),
            from => Err(NoticeTransitionError {
                from,
                action: "withdrawn",
            }),
        }
    }

    /// Only drafts are edited; a published text is withdrawn and drafted again.
    pub fn editable(self) -> bool {
        self == NoticeStatus::Draft
    }
}

/// Whether a resident living in `buildings` sees a notice aimed at `targets` (empty: the whole project).
pub fn notice_reaches(targets: &[String], buildings: &[String]) -> bool {
    targets.is_empty() || targets.iter().any(|t| buildings.contains(t))
}

/// A monthly target as a share of the area's households: 0 to 1 inclusive, in steps of 0.0001.
/// Returns basis points (0–10000), or `None` when outside 0–1 or not a number.
pub fn target_basis_points(share: f64) -> Option<u32> {
    if !share.is_finite() || !(0.0..=1.0).contains(&share) {
        return None;
    }
    Some((share * 10_000.0).round() as u32)
}

/// Basis points back to the share shown in JSON.
pub fn share_of(basis_points: u32) -> f64 {
    f64::from(basis_points) / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_round_trip() {
        for v in StewardVisitPurpose::ALL {
            assert_eq!(StewardVisitPurpose::parse(v.as_str()), Some(*v));
        }
        for v in CheckpointKind::ALL {
            assert_eq!(CheckpointKind::parse(v.as_str()), Some(*v));
        }
        for v in NoticeKind::ALL {
            assert_eq!(NoticeKind::parse(v.as_str()), Some(*v));
        }
        for v in NoticeStatus::ALL {
            assert_eq!(NoticeStatus::parse(v.as_str()), Some(*v));
        }
        assert_eq!(NoticeStatus::parse("archived"), None);
    }

    #[test]
    fn notices_publish_once_and_withdraw_once() {
        use NoticeStatus as S;
        let table = [
            (S::Draft, Some(S::Published), None),
            (S::Published, None, Some(S::Withdrawn)),
            (S::Withdrawn, None, None),
        ];
        for (from, publish, withdraw) in table {
            assert_eq!(from.publish().ok(), publish, "{from} publish");
            assert_eq!(from.withdraw().ok(), withdraw, "{from} withdraw");
        }
        assert!(S::Draft.editable());
        assert!(!S::Published.editable());
        assert!(!S::Withdrawn.editable());
    }

    #[test]
    fn targeted_notices_reach_only_their_buildings() {
        let b = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(notice_reaches(&[], &b(&["3"])));
        assert!(notice_reaches(&[], &[]));
        assert!(notice_reaches(&b(&["3", "5"]), &b(&["5"])));
        assert!(!notice_reaches(&b(&["3"]), &b(&["5"])));
        assert!(!notice_reaches(&b(&["3"]), &[]));
    }

    #[test]
    fn targets_are_shares_between_zero_and_one() {
        assert_eq!(target_basis_points(0.3), Some(3000));
        assert_eq!(target_basis_points(0.0), Some(0));
        assert_eq!(target_basis_points(1.0), Some(10_000));
        assert_eq!(target_basis_points(0.12345), Some(1235));
        assert_eq!(target_basis_points(1.01), None);
        assert_eq!(target_basis_points(-0.1), None);
        assert_eq!(target_basis_points(f64::NAN), None);
        assert!((share_of(3000) - 0.3).abs() < 1e-12);
    }
}
