//! Leads (客户资源): where they come from, how big the order is, and the status a lead moves
//! through from registration to signing — or to loss (跑单), which the design manager confirms.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::time::business_day;

crate::wire_enum! {
    /// How the prospective customer reached the company.
    pub enum LeadSource {
        WalkIn => "walk_in",
        Phone => "phone",
        /// From the marketing department: arrives with a transfer slip (传递单).
        Marketing => "marketing",
        Online => "online",
        Referral => "referral",
        Exhibition => "exhibition",
        /// The estate's phone list (小区电话资料), worked by the marketing department.
        EstateList => "estate_list",
        Other => "other",
    }
}

crate::wire_enum! {
    /// Order size by budget: small under ¥30,000, medium ¥30,000–50,000, large over ¥50,000.
    pub enum OrderSize {
        Small => "small",
        Medium => "medium",
        Large => "large",
    }
}

/// ¥30,000 in fen: below this an order is small.
pub const MEDIUM_FROM_FEN: i64 = 3_000_000;
/// ¥50,000 in fen: above this an order is large.
pub const LARGE_ABOVE_FEN: i64 = 5_000_000;

impl OrderSize {
    pub fn of_budget(budget_fen: i64) -> OrderSize {
        if budget_fen < MEDIUM_FROM_FEN {
            OrderSize::Small
        } else if budget_fen <= LARGE_ABOVE_FEN {
            OrderSize::Medium
        } else {
            OrderSize::Large
        }
    }
}

crate::wire_enum! {
    /// Where a lead stands.
    pub enum LeadStatus {
        New => "new",
        Dispatched => "dispatched",
        /// The designer measured the house (量房).
        Measured => "measured",
        Proposal => "proposal",
        Signed => "signed",
        /// The customer manager reported it lost; the design manager has not confirmed yet.
        LostPending => "lost_pending",
        Lost => "lost",
    }
}

impl LeadStatus {
    /// Still being worked: follow-ups are due and the designer holds it.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            LeadStatus::New | LeadStatus::Dispatched | LeadStatus::Measured | LeadStatus::Proposal
        )
    }

    /// Counts as "in hand" for the designer it is dispatched to.
    pub fn is_in_hand(self) -> bool {
        matches!(
            self,
            LeadStatus::Dispatched | LeadStatus::Measured | LeadStatus::Proposal | LeadStatus::LostPending
        )
    }
}

crate::wire_enum! {
    /// The two kinds of lost lead: before the measurement visit, or after it.
    pub enum LossKind {
        /// 无效单: before measuring (false data, not decorating after all, budget too low…).
        Invalid => "invalid",
        /// 签单失败 / 死单: after measuring (signed elsewhere, or withdrew after signing).
        FailedSigning => "failed_signing",
    }
}

crate::wire_enum! {
    /// Why a lead was lost. The first four belong to `invalid`, the rest (and `other`) to
    /// `failed_signing`.
    pub enum LossReason {
        FalseData => "false_data",
        NotDecorating => "not_decorating",
        BudgetTooLow => "budget_too_low",
        Price => "price",
        Service => "service",
        Technical => "technical",
        Competition => "competition",
        Customer => "customer",
        Other => "other",
    }
}

impl LossReason {
    pub fn fits(self, kind: LossKind) -> bool {
        use LossReason as R;
        match kind {
            LossKind::Invalid => matches!(self, R::FalseData | R::NotDecorating | R::BudgetTooLow | R::Other),
            LossKind::FailedSigning => matches!(
                self,
                R::Price | R::Service | R::Technical | R::Competition | R::Customer | R::Other
            ),
        }
    }
}

crate::wire_enum! {
    /// How warm the customer is; decides how often they must be called back.
    pub enum Intent {
        /// 意向客户: every 7 days.
        Intent => "intent",
        /// 有效意向客户: every 3 days.
        ValidIntent => "valid_intent",
        /// Visited the store: every day.
        Visited => "visited",
    }
}

impl Intent {
    pub fn cadence_days(self) -> i64 {
        match self {
            Intent::Intent => 7,
            Intent::ValidIntent => 3,
            Intent::Visited => 1,
        }
    }
}

crate::wire_enum! {
    pub enum FollowUpChannel {
        Phone => "phone",
        Visit => "visit",
        Wechat => "wechat",
        Store => "store",
        Other => "other",
    }
}

/// The Beijing day by which the next follow-up is due: the cadence from the last contact, or the
/// agreed `next_on` when that is sooner.
pub fn follow_up_due(last_contact: DateTime<Utc>, intent: Intent, next_on: Option<NaiveDate>) -> NaiveDate {
    let by_cadence = business_day(last_contact) + Duration::days(intent.cadence_days());
    match next_on {
        Some(agreed) if agreed < by_cadence => agreed,
        _ => by_cadence,
    }
}

/// Overdue once the due day has passed in Beijing and the lead is still being worked.
pub fn is_overdue(status: LeadStatus, due_on: NaiveDate, at: DateTime<Utc>) -> bool {
    status.is_open() && business_day(at) > due_on
}

crate::wire_enum! {
    /// What can be done to a lead's status.
    pub enum LeadAction {
        Dispatch => "dispatch",
        Reassign => "reassign",
        Measure => "measure",
        Propose => "propose",
        Sign => "sign",
        FollowUp => "follow_up",
        Lose => "lose",
        ConfirmLoss => "confirm_loss",
    }
}

/// An action the lead's status does not allow (409).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LeadTransitionError {
    #[error("cannot {action} a lead that is {status}")]
    NotAllowed { action: LeadAction, status: LeadStatus },
    #[error("an invalid lead is one lost before measuring; this lead is {status}: report it as failed_signing")]
    InvalidAfterMeasuring { status: LeadStatus },
    #[error("failed signing means lost after measuring; this lead is {status}: report it as invalid")]
    FailedSigningBeforeMeasuring { status: LeadStatus },
}

/// The status after `action`, or why not. `Lose` needs the kind; `ConfirmLoss` the decision and
/// the status the lead had before it was reported lost.
pub fn next_status(status: LeadStatus, action: LeadAction) -> Result<LeadStatus, LeadTransitionError> {
    use LeadStatus as S;
    let refused = || LeadTransitionError::NotAllowed { action, status };
    match (action, status) {
        (LeadAction::Dispatch, S::New) => Ok(S::Dispatched),
        (LeadAction::Reassign, S::Dispatched | S::Measured | S::Proposal) => Ok(status),
        (LeadAction::Measure, S::Dispatched) => Ok(S::Measured),
        (LeadAction::Propose, S::Measured) => Ok(S::Proposal),
        (LeadAction::Sign, S::Measured | S::Proposal) => Ok(S::Signed),
        (LeadAction::FollowUp, s) if s.is_open() || s == S::LostPending => Ok(status),
        _ => Err(refused()),
    }
}

/// Reporting a lead lost: `invalid` only before measuring, `failed_signing` only after (a
/// signed customer who withdraws is a failed signing too).
pub fn lose(status: LeadStatus, kind: LossKind) -> Result<LeadStatus, LeadTransitionError> {
    use LeadStatus as S;
    match (kind, status) {
        (LossKind::Invalid, S::New | S::Dispatched) => Ok(S::LostPending),
        (LossKind::Invalid, S::Measured | S::Proposal | S::Signed) => {
            Err(LeadTransitionError::InvalidAfterMeasuring { status })
        }
        (LossKind::FailedSigning, S::Measured | S::Proposal | S::Signed) => Ok(S::LostPending),
        (LossKind::FailedSigning, S::New | S::Dispatched) => {
            Err(LeadTransitionError::FailedSigningBeforeMeasuring { status })
        }
        (_, S::LostPending | S::Lost) => Err(LeadTransitionError::NotAllowed {
            action: LeadAction::Lose,
            status,
        }),
    }
}

/// The design manager's second call: confirmed → lost; otherwise back to where it was.
pub fn confirm_loss(status: LeadStatus, confirm: bool, before: LeadStatus) -> Result<LeadStatus, LeadTransitionError> {
    if status != LeadStatus::LostPending {
        return Err(LeadTransitionError::NotAllowed {
            action: LeadAction::ConfirmLoss,
            status,
        });
    }
    Ok(if confirm { LeadStatus::Lost } else { before })
}

/// A second lead for the same phone within this many days is flagged with the first one's attribution.
pub const ATTRIBUTION_WINDOW_DAYS: i64 = 90;

#[cfg(test)]
mod tests {
    use super::*;
    use LeadStatus as S;

    #[test]
    fn sizes_by_budget_at_the_edges() {
        for (yuan, size) in [
            (0, OrderSize::Small),
            (29_999, OrderSize::Small),
            (30_000, OrderSize::Medium),
            (50_000, OrderSize::Medium),
            (50_001, OrderSize::Large),
        ] {
            assert_eq!(OrderSize::of_budget(yuan * 100), size, "{yuan}");
        }
        assert_eq!(OrderSize::of_budget(2_999_999), OrderSize::Small);
        assert_eq!(OrderSize::of_budget(5_000_001), OrderSize::Large);
    }

    #[test]
    fn the_happy_path_and_what_it_refuses() {
        assert_eq!(next_status(S::New, LeadAction::Dispatch), Ok(S::Dispatched));
        assert_eq!(next_status(S::Dispatched, LeadAction::Measure), Ok(S::Measured));
        assert_eq!(next_status(S::Measured, LeadAction::Propose), Ok(S::Proposal));
        assert_eq!(next_status(S::Proposal, LeadAction::Sign), Ok(S::Signed));
        assert_eq!(next_status(S::Measured, LeadAction::Sign), Ok(S::Signed));
        assert_eq!(next_status(S::Measured, LeadAction::Reassign), Ok(S::Measured));
        for (status, action) in [
            (S::New, LeadAction::Measure),
            (S::New, LeadAction::Reassign),
            (S::Dispatched, LeadAction::Dispatch),
            (S::Dispatched, LeadAction::Sign),
            (S::Signed, LeadAction::Measure),
            (S::Lost, LeadAction::FollowUp),
            (S::LostPending, LeadAction::Measure),
            (S::Signed, LeadAction::Reassign),
        ] {
            assert!(next_status(status, action).is_err(), "{action} from {status}");
        }
    }

    #[test]
    fn losing_takes_the_right_kind_for_the_stage() {
        for status in [S::New, S::Dispatched] {
            assert_eq!(lose(status, LossKind::Invalid), Ok(S::LostPending));
            assert!(matches!(
                lose(status, LossKind::FailedSigning),
                Err(LeadTransitionError::FailedSigningBeforeMeasuring { .. })
            ));
        }
        for status in [S::Measured, S::Proposal, S::Signed] {
            assert_eq!(lose(status, LossKind::FailedSigning), Ok(S::LostPending));
            assert!(matches!(
                lose(status, LossKind::Invalid),
                Err(LeadTransitionError::InvalidAfterMeasuring { .. })
            ));
        }
        for status in [S::LostPending, S::Lost] {
            for kind in LossKind::ALL {
                assert!(lose(status, *kind).is_err());
            }
        }
    }

    #[test]
    fn the_second_call_confirms_or_restores() {
        assert_eq!(confirm_loss(S::LostPending, true, S::Measured), Ok(S::Lost));
        assert_eq!(confirm_loss(S::LostPending, false, S::Measured), Ok(S::Measured));
        assert!(confirm_loss(S::Measured, true, S::Measured).is_err());
    }

    #[test]
    fn reasons_belong_to_their_kind() {
        assert!(LossReason::FalseData.fits(LossKind::Invalid));
        assert!(!LossReason::FalseData.fits(LossKind::FailedSigning));
        assert!(LossReason::Price.fits(LossKind::FailedSigning));
        assert!(!LossReason::Price.fits(LossKind::Invalid));
        for kind in LossKind::ALL {
            assert!(LossReason::Other.fits(*kind));
        }
    }

    #[test]
    fn follow_ups_are_due_by_cadence_or_sooner_when_agreed() {
        let at = DateTime::parse_from_rfc3339("2026-12-06T17:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let day = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(); // Beijing date of `at`
        assert_eq!(follow_up_due(at, Intent::Intent, None), day + Duration::days(7));
        assert_eq!(follow_up_due(at, Intent::ValidIntent, None), day + Duration::days(3));
        assert_eq!(follow_up_due(at, Intent::Visited, None), day + Duration::days(1));
        assert_eq!(
            follow_up_due(at, Intent::Intent, Some(day + Duration::days(2))),
            day + Duration::days(2)
        );
        assert_eq!(
            follow_up_due(at, Intent::Visited, Some(day + Duration::days(5))),
            day + Duration::days(1)
        );
        let due = day + Duration::days(1);
        assert!(!is_overdue(S::Dispatched, due, at + Duration::days(1)));
        assert!(is_overdue(S::Dispatched, due, at + Duration::days(2)));
        assert!(!is_overdue(S::Lost, due, at + Duration::days(2)));
    }
}
