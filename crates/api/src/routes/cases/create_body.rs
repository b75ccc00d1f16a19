//! The body of `POST /api/v1/cases` (registering a case), as the contract describes it.

use chrono::{DateTime, Utc};
use huiyin_domain::case::{CaseKind, Channel, Severity};
use huiyin_store::cases::create as store;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// A caller not yet in the archive; matched to an existing customer by phone, or created.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InlineCustomer {
    #[schema(example = "李女士")]
    pub name: String,
    #[schema(example = "+86 139 0013 9000")]
    pub phone: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateCase {
    pub kind: CaseKind,
    pub channel: Channel,
    /// A category from `GET /api/v1/categories`.
    pub category_id: Option<Uuid>,
    #[serde(default = "normal")]
    pub severity: Severity,
    /// An existing customer; or give `customer` instead.
    pub customer_id: Option<Uuid>,
    pub customer: Option<InlineCustomer>,
    /// The property concerned; its project is the case's project.
    pub property_id: Option<Uuid>,
    /// Required when there is no property (e.g. a complaint about a public area).
    pub project_id: Option<Uuid>,
    #[schema(example = "楼上漏水")]
    pub title: String,
    #[schema(example = "卫生间天花板渗水，已持续两天。")]
    pub description: String,
    /// When the customer reported it, if earlier than now (a letter, a fax); defaults to now.
    pub reported_at: Option<DateTime<Utc>>,
    /// The area (片区) concerned when there is no property (e.g. a patrol's public area); with a
    /// property, the property's area wins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area_id: Option<Uuid>,
    /// The steward's visit (走访) whose opinion this case handles; the channel is then
    /// `steward_visit`, and the case and the visit link to each other.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steward_visit_id: Option<Uuid>,
}

fn normal() -> Severity {
    Severity::Normal
}

impl From<InlineCustomer> for store::InlineCustomer {
    fn from(body: InlineCustomer) -> Self {
        store::InlineCustomer {
            name: body.name,
            phone: body.phone,
        }
    }
}

impl From<CreateCase> for store::CreateCase {
    fn from(body: CreateCase) -> Self {
        store::CreateCase {
            kind: body.kind,
            channel: body.channel,
            category_id: body.category_id,
            severity: body.severity,
            customer_id: body.customer_id,
            customer: body.customer.map(store::InlineCustomer::from),
            property_id: body.property_id,
            project_id: body.project_id,
            title: body.title,
            description: body.description,
            reported_at: body.reported_at,
            area_id: body.area_id,
            steward_visit_id: body.steward_visit_id,
        }
    }
}
