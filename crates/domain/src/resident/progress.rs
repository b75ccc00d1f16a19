//! How a resident's case reads to them: a plain progress line and public timeline titles, in
//! both of the app's languages, never naming people.

use crate::case::{CancelReason, CaseStatus, Satisfaction};

/// A line of text in both of the app's languages.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"zh": "已派单至工程部，处理中", "en": "Sent to the engineering department"})))]
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
