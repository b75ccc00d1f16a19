//! What a resident (业主 / 住户) may do through the mobile app, and how their cases read to them.
//!
//! Residents see a plain-language progress line instead of the console's statuses and ids, and
//! only the public entries of a case's timeline. The wording lives here, next to the rules it
//! describes, so it is tested without a database and reads the same in every client.

use chrono::{DateTime, Duration, TimeZone, Utc};

use crate::case::CaseAction;
use crate::case::{CancelReason, CaseKind, CaseStatus, Satisfaction, TransitionError};

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
    let offset = crate::time::business_offset();
    let day = crate::time::business_day(at);
    let start = day
        .and_hms_opt(0, 0, 0)
        .and_then(|midnight| offset.from_local_datetime(&midnight).single())
        .map(|local| local.with_timezone(&Utc))
        .unwrap_or(at);
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

/// A line of text in both of the app's languages.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
#[schema(example = json!({"zh": "已派单至工程部，处理中", "en": "Sent to the engineering department"}))]
pub struct Bilingual {
    /// 简体中文
    pub zh: String,
    /// English
    pub en: String,
}

impl Bilingual {
    fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Bilingual {
            zh: zh.into(),
            en: en.into(),
        }
    }
}

/// The department a case is with, as the resident may see it: its name and what it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Department<'a> {
    /// The department's own (Chinese) name, e.g. `工程部`.
    pub name: &'a str,
    /// What it does, e.g. `engineering` (see the departments API).
    pub kind: &'a str,
}

fn department_zh(department: Option<Department<'_>>) -> String {
    department
        .map(|d| d.name.trim())
        .filter(|n| !n.is_empty())
        .unwrap_or("责任部门")
        .to_owned()
}

fn department_en(department: Option<Department<'_>>) -> &'static str {
    match department.map(|d| d.kind.trim()) {
        Some("customer_service") => "the customer-service team",
        Some("engineering") => "the engineering department",
        Some("security") => "the security team",
        Some("cleaning") => "the cleaning team",
        Some("greening") => "the landscaping team",
        Some("design") => "the design department",
        _ => "the responsible department",
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// What the progress line needs to know about a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProgressFacts<'a> {
    pub status: CaseStatus,
    /// The department holding (or that last held) the work order.
    pub department: Option<Department<'a>>,
    pub dispatch_count: i32,
    /// The latest satisfaction the customer gave.
    pub satisfaction: Option<Satisfaction>,
    /// Why a cancelled case was cancelled.
    pub cancel_reason: Option<CancelReason>,
}

/// The plain-language line a resident sees for their case, e.g. 「已派单至工程部，处理中」.
pub fn progress(facts: ProgressFacts<'_>) -> Bilingual {
    let zh_dept = department_zh(facts.department);
    let en_dept = department_en(facts.department);
    match facts.status {
        CaseStatus::Registered => Bilingual::new(
            "已受理，等待派单",
            "Received; we will pass it to the right department shortly",
        ),
        CaseStatus::Dispatched if facts.dispatch_count > 1 => Bilingual::new(
            format!("已再次派单至{zh_dept}整改"),
            format!("Sent back to {en_dept} to put it right"),
        ),
        CaseStatus::Dispatched => Bilingual::new(format!("已派单至{zh_dept}，处理中"), format!("Sent to {en_dept}")),
        CaseStatus::InProgress => Bilingual::new(
            format!("{zh_dept}正在处理"),
            format!("{} is working on it", capitalised(en_dept)),
        ),
        CaseStatus::Resolved | CaseStatus::Visiting => {
            Bilingual::new("已处理完毕，请您评价", "Done. Please tell us how satisfied you are")
        }
        CaseStatus::Review => Bilingual::new(
            "客服主管正在复核您的意见",
            "A customer-service supervisor is reviewing your feedback",
        ),
        CaseStatus::Closed if facts.satisfaction.is_some() => {
            Bilingual::new("已办结，感谢您的评价", "Closed. Thank you for your rating")
        }
        CaseStatus::Closed if facts.dispatch_count == 0 => Bilingual::new("已答复并办结", "Answered and closed"),
        CaseStatus::Closed => Bilingual::new("已办结", "Closed"),
        CaseStatus::Cancelled => match facts.cancel_reason {
            Some(CancelReason::Withdrawn) => Bilingual::new("您已撤回", "You withdrew this report"),
            Some(CancelReason::Duplicate) => Bilingual::new(
                "与已登记的事项重复，将合并处理",
                "Already reported; it is handled under the earlier case",
            ),
            _ => Bilingual::new("已取消", "Cancelled"),
        },
    }
}

fn satisfaction_text(s: Satisfaction) -> (&'static str, &'static str) {
    match s {
        Satisfaction::VeryDissatisfied => ("很不满意", "very dissatisfied"),
        Satisfaction::Dissatisfied => ("不满意", "dissatisfied"),
        Satisfaction::Satisfied => ("满意", "satisfied"),
        Satisfaction::VerySatisfied => ("很满意", "very satisfied"),
    }
}

/// What a public timeline entry needs to be worded for the resident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EventFacts<'a> {
    /// The resident themselves did it (reported, rated, withdrew, added a photo…).
    pub by_resident: bool,
    /// The department a dispatch went to.
    pub department: Option<Department<'a>>,
    /// For visits: whether the customer was reached, what they said, and whether it sent the
    /// case back out.
    pub reached: Option<bool>,
    pub satisfaction: Option<Satisfaction>,
    pub second_dispatch: bool,
    pub cancel_reason: Option<CancelReason>,
}

/// The headline of a public timeline entry; `None` for actions residents are never shown.
pub fn event_title(action: &str, facts: EventFacts<'_>) -> Option<Bilingual> {
    let zh_dept = department_zh(facts.department);
    let en_dept = department_en(facts.department);
    Some(match action {
        "register" if facts.by_resident => Bilingual::new("您提交了报告", "You reported this"),
        "register" => Bilingual::new("客服中心已登记", "Registered by customer service"),
        "dispatch" => Bilingual::new(format!("已派单至{zh_dept}"), format!("Sent to {en_dept}")),
        // Who took the work order is not said: a reassignment (internal) may have moved it.
        "accept" => Bilingual::new("已接单，开始处理", "Taken on; work has started"),
        "resolve" => Bilingual::new("已处理完毕", "Done"),
        "reply" if facts.by_resident => Bilingual::new("您已在 App 查看处理结果", "You read the result in the app"),
        "reply" => Bilingual::new("客服中心已答复", "Customer service replied"),
        "visit" => match (facts.reached, facts.satisfaction) {
            (Some(false), _) => Bilingual::new(
                "回访未能联系到您",
                "We called for a return visit but could not reach you",
            ),
            (_, Some(s)) => {
                let (zh, en) = satisfaction_text(s);
                let who_zh = if facts.by_resident {
                    "您的评价"
                } else {
                    "回访评价"
                };
                let who_en = if facts.by_resident {
                    "You rated it"
                } else {
                    "Return visit"
                };
                if facts.second_dispatch {
                    Bilingual::new(
                        format!("{who_zh}：{zh}，已安排再次整改"),
                        format!("{who_en}: {en}; sent back to be put right"),
                    )
                } else {
                    Bilingual::new(format!("{who_zh}：{zh}"), format!("{who_en}: {en}"))
                }
            }
            _ => Bilingual::new("回访", "Return visit"),
        },
        "close_on_spot" => Bilingual::new("已当场答复并办结", "Answered and closed"),
        "cancel" => match facts.cancel_reason {
            Some(CancelReason::Withdrawn) if facts.by_resident => {
                Bilingual::new("您撤回了报告", "You withdrew this report")
            }
            Some(CancelReason::Withdrawn) => Bilingual::new("已按您的要求撤回", "Withdrawn at your request"),
            Some(CancelReason::Duplicate) => {
                Bilingual::new("与已登记的事项重复", "Already reported under another case")
            }
            _ => Bilingual::new("已取消", "Cancelled"),
        },
        "pause" => Bilingual::new("等待您的确认，处理时限暂停计时", "On hold until we hear from you"),
        "resume" => Bilingual::new("继续处理", "Back in progress"),
        "comment" if facts.by_resident => Bilingual::new("您的留言", "Your note"),
        "comment" => Bilingual::new("客服中心留言", "Note from customer service"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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

    fn facts(status: CaseStatus) -> ProgressFacts<'static> {
        ProgressFacts {
            status,
            department: Some(Department {
                name: "工程部",
                kind: "engineering",
            }),
            dispatch_count: 1,
            satisfaction: None,
            cancel_reason: None,
        }
    }

    #[test]
    fn progress_reads_plainly_in_both_languages() {
        assert_eq!(
            progress(facts(CaseStatus::Dispatched)),
            Bilingual::new("已派单至工程部，处理中", "Sent to the engineering department")
        );
        assert_eq!(
            progress(ProgressFacts {
                dispatch_count: 2,
                ..facts(CaseStatus::Dispatched)
            })
            .zh,
            "已再次派单至工程部整改"
        );
        assert_eq!(
            progress(facts(CaseStatus::InProgress)).en,
            "The engineering department is working on it"
        );
        assert_eq!(
            progress(ProgressFacts {
                department: Some(Department {
                    name: " ",
                    kind: "plumbing"
                }),
                ..facts(CaseStatus::Dispatched)
            }),
            Bilingual::new("已派单至责任部门，处理中", "Sent to the responsible department")
        );
        assert_eq!(
            progress(ProgressFacts {
                cancel_reason: Some(CancelReason::Withdrawn),
                ..facts(CaseStatus::Cancelled)
            })
            .en,
            "You withdrew this report"
        );
        assert_eq!(
            progress(ProgressFacts {
                dispatch_count: 0,
                ..facts(CaseStatus::Closed)
            })
            .zh,
            "已答复并办结"
        );
        // Every status has a line in both languages.
        for status in CaseStatus::ALL {
            let line = progress(facts(*status));
            assert!(!line.zh.is_empty() && !line.en.is_empty(), "{status}");
        }
    }

    #[test]
    fn timeline_titles_never_name_people() {
        let dispatch = event_title(
            "dispatch",
            EventFacts {
                department: Some(Department {
                    name: "工程部",
                    kind: "engineering",
                }),
                ..EventFacts::default()
            },
        );
        assert_eq!(
            dispatch,
            Some(Bilingual::new("已派单至工程部", "Sent to the engineering department"))
        );
        let rated = event_title(
            "visit",
            EventFacts {
                by_resident: true,
                reached: Some(true),
                satisfaction: Some(Satisfaction::Dissatisfied),
                second_dispatch: true,
                ..EventFacts::default()
            },
        );
        assert_eq!(rated.map(|t| t.zh), Some("您的评价：不满意，已安排再次整改".to_owned()));
        assert_eq!(event_title("verify", EventFacts::default()), None);
        assert_eq!(event_title("reassign", EventFacts::default()), None);
        // Escalations and breaches are internal matters; a pause is the resident's business.
        assert_eq!(event_title("escalate", EventFacts::default()), None);
        assert_eq!(event_title("breach", EventFacts::default()), None);
        assert_eq!(
            event_title("pause", EventFacts::default()).map(|t| t.en),
            Some("On hold until we hear from you".to_owned())
        );
        for action in [
            "register",
            "dispatch",
            "accept",
            "resolve",
            "reply",
            "visit",
            "close_on_spot",
            "cancel",
            "comment",
        ] {
            assert!(event_title(action, EventFacts::default()).is_some(), "{action}");
        }
    }
}
