//! The residents' request bodies and list query, as the contract describes them; each becomes
//! the store's command (or plain arguments).

use huiyin_domain::case::Satisfaction;
use huiyin_domain::resident::ResidentCaseKind;
use huiyin_store::residents::{accounts, cases};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// A report from the app. The customer is always the resident and the channel always `app`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"kind": "repair", "category_id": "01936f7e-8a40-7c3e-9f55-3c2b1a0d9e81",
    "property_id": "01936f7e-5b12-7d04-a1c3-9e8f7a6b5c4d", "title": "卫生间漏水",
    "description": "卫生间天花板渗水，已持续两天。"}))]
pub struct ReportCase {
    pub kind: ResidentCaseKind,
    /// A category from `GET /api/v1/resident/categories` (optional: customer service can set it).
    pub category_id: Option<Uuid>,
    /// One of your properties from `GET /api/v1/resident/properties`.
    pub property_id: Uuid,
    /// A short summary, at most 200 characters.
    #[schema(example = "卫生间漏水")]
    pub title: String,
    /// What happened, where, since when (may be empty; at most 10,000 characters).
    #[schema(example = "卫生间天花板渗水，已持续两天。")]
    pub description: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"satisfaction": "dissatisfied", "comment": "还在渗水"}))]
pub struct RateCase {
    /// Dissatisfied or worse sends the case back to the department (二次派单).
    pub satisfaction: Satisfaction,
    /// At most 4,000 characters.
    #[schema(example = "还在渗水")]
    pub comment: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"note": "已自行修好"}))]
pub struct WithdrawCase {
    /// Why, if you like (at most 4,000 characters).
    #[schema(example = "已自行修好")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListResidentCases {
    /// One or more statuses, comma-separated: `registered,dispatched`.
    pub status: Option<String>,
    /// Items per page, 1..=200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    /// `next_cursor` from the previous page.
    pub cursor: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"phone": "138 0013 8000"}))]
pub struct IssueAccount {
    /// Which of the customer's phone numbers the resident logs in with (any notation);
    /// defaults to the customer's first number.
    #[schema(example = "138 0013 8000")]
    pub phone: Option<String>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"phone": "+86 138 0013 8000", "code": "7KQ2-M9XD", "new_password": "Huiyin2026home"}))]
pub struct ActivateAccount {
    /// The phone number customer service registered, in any notation.
    #[schema(example = "+86 138 0013 8000")]
    pub phone: String,
    /// The activation code customer service gave you; spaces, hyphens and case do not matter.
    #[schema(example = "7KQ2-M9XD")]
    pub code: String,
    /// At least 8 characters with letters and digits, not containing the phone number.
    #[schema(example = "Huiyin2026home")]
    pub new_password: String,
}

impl From<ReportCase> for cases::ReportCase {
    fn from(body: ReportCase) -> Self {
        cases::ReportCase {
            kind: body.kind,
            category_id: body.category_id,
            property_id: body.property_id,
            title: body.title,
            description: body.description,
        }
    }
}

impl From<ListResidentCases> for cases::ListResidentCases {
    fn from(query: ListResidentCases) -> Self {
        cases::ListResidentCases {
            status: query.status,
            limit: query.limit,
            cursor: query.cursor,
        }
    }
}

impl From<IssueAccount> for accounts::IssueAccount {
    fn from(body: IssueAccount) -> Self {
        accounts::IssueAccount { phone: body.phone }
    }
}
