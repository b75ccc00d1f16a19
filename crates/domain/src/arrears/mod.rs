//! Fee arrears (欠费催缴): the stage an arrears is at by months owed, what a steward's contact
//! records, and which contacts open a complaint. Balances come from the billing system; Huiyin
//! only chases them.

pub mod row;

use serde::{Deserialize, Serialize};

crate::wire_enum! {
    /// Who is chasing: the area's steward; over `supervisor_months` the supervisor (上报客服主管);
    /// over `legal_months` the manager decides on a lawyer's letter (律师函).
    pub enum Stage {
        Steward => "steward",
        Supervisor => "supervisor",
        Legal => "legal",
    }
}

crate::wire_enum! {
    /// `open` while owed; `settled` once a later import no longer lists it (or lists it as paid).
    pub enum ArrearsStatus {
        Open => "open",
        Settled => "settled",
    }
}

crate::wire_enum! {
    /// How the customer was reached (电话、上门、催缴通知单、短信、函件).
    pub enum ContactMethod {
        Phone => "phone",
        Visit => "visit",
        Notice => "notice",
        Sms => "sms",
        Letter => "letter",
    }
}

crate::wire_enum! {
    /// What came of the contact.
    pub enum ContactResult {
        Promised => "promised",
        Paid => "paid",
        Refused => "refused",
        Unreachable => "unreachable",
        Disputed => "disputed",
        Other => "other",
    }
}

crate::wire_enum! {
    /// Why the customer has not paid (欠费原因分析).
    pub enum ContactReason {
        /// "I won't pay until the leak is fixed": really a complaint.
        ServiceDispute => "service_dispute",
        Vacant => "vacant",
        Hardship => "hardship",
        Refuses => "refuses",
        Unreachable => "unreachable",
        Other => "other",
    }
}

crate::wire_enum! {
    /// The manager's decision on an arrears at the legal stage.
    pub enum LegalDecision {
        SendLetter => "send_letter",
        Hold => "hold",
    }
}

/// A project's arrears rules (per-project setting; defaults 6, 12 and 30).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ArrearsPolicy {
    /// Months owed from which the supervisor chases (default 6).
    #[cfg_attr(feature = "openapi", schema(example = 6, minimum = 1))]
    pub supervisor_months: u32,
    /// Months owed from which a lawyer's letter is decided (default 12).
    #[cfg_attr(feature = "openapi", schema(example = 12, minimum = 2))]
    pub legal_months: u32,
    /// Days after an import within which the steward must contact (default 30).
    #[cfg_attr(feature = "openapi", schema(example = 30, minimum = 1))]
    pub contact_days: u32,
}

impl Default for ArrearsPolicy {
    fn default() -> Self {
        ArrearsPolicy {
            supervisor_months: 6,
            legal_months: 12,
            contact_days: 30,
        }
    }
}

impl ArrearsPolicy {
    /// The first field that makes no sense, with why.
    pub fn invalid_field(&self) -> Option<(&'static str, &'static str)> {
        if !(1..=120).contains(&self.supervisor_months) {
            return Some(("supervisor_months", "must be 1 to 120"));
        }
        if self.legal_months <= self.supervisor_months || self.legal_months > 240 {
            return Some(("legal_months", "must be above supervisor_months and at most 240"));
        }
        if !(1..=365).contains(&self.contact_days) {
            return Some(("contact_days", "must be 1 to 365"));
        }
        None
    }

    /// The stage an arrears of `months` is at.
    pub fn stage_for(&self, months: u32) -> Stage {
        if months >= self.legal_months {
            Stage::Legal
        } else if months >= self.supervisor_months {
            Stage::Supervisor
        } else {
            Stage::Steward
        }
    }
}

/// Whether reaching `stage` from `notified` (the highest stage already announced) is news:
/// only a rise is announced, each stage once.
pub fn announces(notified: Stage, stage: Stage) -> bool {
    stage > notified
}

/// A contact whose customer disputes the service opens (or links) a complaint.
pub fn opens_complaint(result: ContactResult, reason: Option<ContactReason>) -> bool {
    result == ContactResult::Disputed && reason == Some(ContactReason::ServiceDispute)
}

/// The field and message of a contact that does not hang together, if any.
pub fn contact_problem(
    result: ContactResult,
    reason: Option<ContactReason>,
    has_promised_on: bool,
) -> Option<(&'static str, &'static str)> {
    if has_promised_on && result != ContactResult::Promised {
        return Some(("promised_on", "only a promise to pay has a date"));
    }
    if result == ContactResult::Disputed && reason.is_none() {
        return Some(("reason", "say why the customer disputes (e.g. service_dispute)"));
    }
    None
}

/// The share collected, `received / receivable`, rounded to four places; `None` without a receivable.
pub fn collection_rate(receivable_fen: i64, received_fen: i64) -> Option<f64> {
    (receivable_fen > 0).then(|| {
        let rate = received_fen as f64 / receivable_fen as f64;
        (rate * 10_000.0).round() / 10_000.0
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_follow_the_months_owed() {
        let policy = ArrearsPolicy::default();
        let table = [
            (0, Stage::Steward),
            (1, Stage::Steward),
            (5, Stage::Steward),
            (6, Stage::Supervisor),
            (11, Stage::Supervisor),
            (12, Stage::Legal),
            (40, Stage::Legal),
        ];
        for (months, stage) in table {
            assert_eq!(policy.stage_for(months), stage, "{months}");
        }
        let strict = ArrearsPolicy {
            supervisor_months: 3,
            legal_months: 9,
            contact_days: 10,
        };
        assert_eq!(strict.stage_for(3), Stage::Supervisor);
        assert_eq!(strict.stage_for(9), Stage::Legal);
    }

    #[test]
    fn only_a_rise_is_announced() {
        assert!(announces(Stage::Steward, Stage::Supervisor));
        assert!(announces(Stage::Steward, Stage::Legal));
        assert!(announces(Stage::Supervisor, Stage::Legal));
        assert!(!announces(Stage::Supervisor, Stage::Supervisor));
        assert!(!announces(Stage::Legal, Stage::Supervisor));
        assert!(!announces(Stage::Steward, Stage::Steward));
    }

    #[test]
    fn policies_are_checked() {
        assert_eq!(ArrearsPolicy::default().invalid_field(), None);
        let bad = |s, l, d| {
            ArrearsPolicy {
                supervisor_months: s,
                legal_months: l,
                contact_days: d,
            }
            .invalid_field()
            .map(|(f, _)| f)
        };
        assert_eq!(bad(0, 12, 30), Some("supervisor_months"));
        assert_eq!(bad(6, 6, 30), Some("legal_months"));
        assert_eq!(bad(6, 12, 0), Some("contact_days"));
    }

    #[test]
    fn only_a_service_dispute_opens_a_complaint() {
        assert!(opens_complaint(
            ContactResult::Disputed,
            Some(ContactReason::ServiceDispute)
        ));
        assert!(!opens_complaint(ContactResult::Disputed, Some(ContactReason::Hardship)));
        assert!(!opens_complaint(
            ContactResult::Refused,
            Some(ContactReason::ServiceDispute)
        ));
        assert!(!opens_complaint(ContactResult::Disputed, None));
    }

    #[test]
    fn contacts_hang_together() {
        assert_eq!(contact_problem(ContactResult::Promised, None, true), None);
        assert_eq!(
            contact_problem(ContactResult::Paid, None, true).map(|p| p.0),
            Some("promised_on")
        );
        assert_eq!(
            contact_problem(ContactResult::Disputed, None, false).map(|p| p.0),
            Some("reason")
        );
    }

    #[test]
    fn collection_rates() {
        assert_eq!(collection_rate(0, 0), None);
        assert_eq!(collection_rate(300, 100), Some(0.3333));
        assert_eq!(collection_rate(100, 100), Some(1.0));
    }
}
