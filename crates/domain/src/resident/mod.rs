//! What a resident (业主 / 住户) may do through the mobile app, and how their cases read to them.
//!
//! Residents see a plain-language progress line instead of the console's statuses and ids, and
//! only the public entries of a case's timeline. The wording lives here, next to the rules it
//! describes, so it is tested without a database and reads the same in every client.

use chrono::{DateTime, Duration, Utc};

use crate::case::CaseAction;
use crate::case::{CaseKind, CaseStatus, TransitionError};

crate::wire_enum! {
    /// What a resident may report from the app: everything but an incident report (报事),
    /// which staff register for what they witness themselves.
    pub enum ResidentCaseKind {
        Complaint => "complaint",
        Repair => "repair",
        Inquiry => "inquiry",
        Suggestion => "suggestion",
        Praise => "praise",
    }
}

impl From<ResidentCaseKind> for CaseKind {
    fn from(kind: ResidentCaseKind) -> Self {
        match kind {
            ResidentCaseKind::Complaint => CaseKind::Complaint,
            ResidentCaseKind::Repair => CaseKind::Repair,
            ResidentCaseKind::Inquiry => CaseKind::Inquiry,
            ResidentCaseKind::Suggestion => CaseKind::Suggestion,
            ResidentCaseKind::Praise => CaseKind::Praise,
        }
    }
}

/// A resident may withdraw a report only until it is dispatched: once a department has a work
/// order, withdrawing it is a conversation with customer service, not a button.
pub fn may_withdraw(status: CaseStatus) -> bool {
    status == CaseStatus::Registered
}

/// How a resident's rating is applied through the ordinary case actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RatingPlan {
    /// The case is `visiting` (customer service already replied): the rating is the return visit.
    Visit,
    /// The case is `resolved` but customer service has not recorded its reply yet. The resident
    /// read the department's result in the app, so the app *was* the reply (`reply` with method
    /// `app`), and the rating that follows is the return visit — both in one transaction.
    ReplyThenVisit,
}

/// Decides how a rating on a case in `status` is recorded. One rating per resolution follows
/// from the state machine: a rating moves the case on to `closed` or (dissatisfied) back to
/// `dispatched`, where no further rating is possible until the next resolution.
pub fn rating_plan(status: CaseStatus) -> Result<RatingPlan, TransitionError> {
    match status {
        CaseStatus::Resolved => Ok(RatingPlan::ReplyThenVisit),
        CaseStatus::Visiting => Ok(RatingPlan::Visit),
        _ => Err(TransitionError::NotAllowed {
            action: CaseAction::Visit,
            status,
        }),
    }
}

/// Whether a resident may rate a case in `status` now.
pub fn may_rate(status: CaseStatus) -> bool {
    rating_plan(status).is_ok()
}

/// The start of the business day (Beijing time) `at` falls in, and the start of the next one.
/// A resident's daily case limit counts the cases created in this window.
pub fn business_day_window(at: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
    let start = crate::time::business_day_start(crate::time::business_day(at));
    (start, start + Duration::days(1))
}

/// `None` while a resident who reported `reported_today` cases today may report another;
/// otherwise the seconds until the next business day, for `Retry-After`.
pub fn daily_limit_retry_after(reported_today: u64, limit: u32, at: DateTime<Utc>) -> Option<u64> {
    if reported_today < u64::from(limit) {
        return None;
    }
    let (_, next) = business_day_window(at);
    Some((next - at).num_seconds().max(1) as u64)
}

/// Letters and digits of an activation code: Crockford's base 32 (no I, L, O or U), so a code
/// read out over the phone or copied from paper survives `0`/`O` and `1`/`I`/`L` mix-ups.
pub const CODE_ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Symbols in an activation code: 32⁸ ≈ 10¹² codes, against a handful of guesses per window.
pub const CODE_LENGTH: usize = 8;

/// Turns random bytes into a code shown as `XXXX-XXXX` (32 divides 256, so every symbol is
/// equally likely).
pub fn activation_code(random: [u8; CODE_LENGTH]) -> String {
    let symbols: String = random
        .iter()
        .map(|b| char::from(CODE_ALPHABET[usize::from(*b) % CODE_ALPHABET.len()]))
        .collect();
    format!("{}-{}", &symbols[..4], &symbols[4..])
}

/// The canonical form of a code as typed: upper case, without spaces and hyphens, with the
/// look-alikes `O` → `0` and `I`/`L` → `1`. `None` when it cannot be a code at all.
pub fn normalise_activation_code(raw: &str) -> Option<String> {
    let mut code = String::with_capacity(CODE_LENGTH);
    for c in raw.chars() {
        let c = match c.to_ascii_uppercase() {
            ' ' | '-' | '\u{3000}' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        };
        if !c.is_ascii() || !CODE_ALPHABET.contains(&(c as u8)) {
            return None;
        }
        code.push(c);
    }
    (code.len() == CODE_LENGTH).then_some(code)
}

mod progress;
pub use progress::{event_title, progress, Bilingual, Department, EventFacts, ProgressFacts};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::Satisfaction;

    #[test]
    fn residents_report_every_kind_but_incidents() {
        let kinds: Vec<CaseKind> = ResidentCaseKind::ALL.iter().map(|k| CaseKind::from(*k)).collect();
        assert_eq!(kinds.len(), CaseKind::ALL.len() - 1);
        assert!(!kinds.contains(&CaseKind::Incident));
        for kind in ResidentCaseKind::ALL {
            assert_eq!(CaseKind::from(*kind).as_str(), kind.as_str(), "same wire name");
        }
        assert_eq!(ResidentCaseKind::parse("incident"), None);
    }

    #[test]
    fn withdraw_only_before_dispatch() {
        for status in CaseStatus::ALL {
            assert_eq!(may_withdraw(*status), *status == CaseStatus::Registered, "{status}");
        }
    }

    #[test]
    fn ratings_after_resolution_only() {
        assert_eq!(rating_plan(CaseStatus::Resolved), Ok(RatingPlan::ReplyThenVisit));
        assert_eq!(rating_plan(CaseStatus::Visiting), Ok(RatingPlan::Visit));
        for status in CaseStatus::ALL {
            let expected = matches!(status, CaseStatus::Resolved | CaseStatus::Visiting);
            assert_eq!(may_rate(*status), expected, "{status}");
            if !expected {
                assert_eq!(
                    rating_plan(*status),
                    Err(TransitionError::NotAllowed {
                        action: CaseAction::Visit,
                        status: *status
                    })
                );
            }
        }
    }

    #[test]
    fn each_plan_is_a_path_the_state_machine_allows() {
        use crate::case::{apply, CaseKind, Command};
        let rating = |s| Command::Visit {
            reached: true,
            satisfaction: Some(s),
        };
        for satisfaction in Satisfaction::ALL {
            let after_reply = apply(CaseKind::Repair, CaseStatus::Resolved, Command::Reply).map(|o| o.to);
            assert_eq!(after_reply, Ok(CaseStatus::Visiting));
            let outcome = apply(CaseKind::Repair, CaseStatus::Visiting, rating(*satisfaction));
            let outcome = outcome.unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(outcome.second_dispatch, !satisfaction.is_satisfied());
        }
    }

    #[test]
    fn the_daily_window_follows_beijing_midnight() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        // 2026-11-30 23:30 in Beijing.
        let (start, next) = business_day_window(at("2026-11-30T15:30:00Z"));
        assert_eq!(start, at("2026-11-29T16:00:00Z"));
        assert_eq!(next, at("2026-11-30T16:00:00Z"));
        assert_eq!(daily_limit_retry_after(9, 10, at("2026-11-30T15:30:00Z")), None);
        assert_eq!(daily_limit_retry_after(10, 10, at("2026-11-30T15:30:00Z")), Some(1800));
        assert_eq!(daily_limit_retry_after(0, 0, at("2026-11-30T15:59:59.900Z")), Some(1));
    }

    #[test]
    fn codes_are_eight_unambiguous_symbols_and_forgive_typos() {
        let code = activation_code([0, 1, 31, 32, 200, 255, 17, 9]);
        assert_eq!(code, "01Z0-8ZH9");
        assert_eq!(normalise_activation_code(&code).as_deref(), Some("01Z08ZH9"));
        assert_eq!(normalise_activation_code(" 01z0 8zh9 ").as_deref(), Some("01Z08ZH9"));
        assert_eq!(normalise_activation_code("Ol Z0-8ZH9").as_deref(), Some("01Z08ZH9"));
        assert_eq!(normalise_activation_code("01Z0-8ZH"), None);
        assert_eq!(normalise_activation_code("01Z0-8ZH99"), None);
        assert_eq!(normalise_activation_code("01Z0-8ZHU"), None, "U is not in the alphabet");
        assert_eq!(normalise_activation_code("０１Z0-8ZH9"), None);
        assert_eq!(normalise_activation_code(""), None);
    }
}
