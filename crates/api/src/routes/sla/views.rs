//! The deadline-configuration contract: policies, the business calendar and escalation contacts.

use chrono::{DateTime, NaiveDate, Utc};
use huiyin_domain::case::{CaseKind, Severity};
use huiyin_domain::sla::escalation::Level;
use huiyin_domain::sla::policy::SlaDurations;
use huiyin_store::sla::calendar;
use huiyin_store::sla::contacts::{self, EscalationContactRecord};
use huiyin_store::sla::policies::{self, SlaPolicyRecord};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SlaPolicyInput {
    /// The case kind this policy is for; omit for every kind.
    pub kind: Option<CaseKind>,
    /// The severity this policy is for; omit for every severity.
    pub severity: Option<Severity>,
    pub durations: SlaDurations,
}

impl From<SlaPolicyInput> for policies::SlaPolicyInput {
    fn from(b: SlaPolicyInput) -> Self {
        policies::SlaPolicyInput {
            kind: b.kind,
            severity: b.severity,
            durations: b.durations,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SlaPolicyView {
    pub id: Uuid,
    pub kind: Option<CaseKind>,
    pub severity: Option<Severity>,
    pub durations: SlaDurations,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

impl From<SlaPolicyRecord> for SlaPolicyView {
    fn from(r: SlaPolicyRecord) -> Self {
        SlaPolicyView {
            id: r.id,
            kind: r.kind,
            severity: r.severity,
            durations: r.durations,
            created_at: r.created_at,
            updated_at: r.updated_at,
            version: r.version,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BusinessCalendar {
    /// Working weekdays, 1 = Monday … 7 = Sunday.
    #[schema(example = json!([1, 2, 3, 4, 5]))]
    pub working_weekdays: Vec<u8>,
    /// Start of the working day, local time (Asia/Shanghai), `HH:MM`.
    #[schema(example = "09:00")]
    pub day_start: String,
    #[schema(example = "18:00")]
    pub day_end: String,
    /// Days off although they fall on a working weekday (法定节假日).
    #[schema(example = json!(["2026-10-01", "2026-10-02"]))]
    pub holidays: Vec<NaiveDate>,
    /// Working days although they fall on a weekend (调休).
    #[schema(example = json!(["2026-09-27"]))]
    pub make_up_days: Vec<NaiveDate>,
}

impl From<calendar::BusinessCalendar> for BusinessCalendar {
    fn from(c: calendar::BusinessCalendar) -> Self {
        BusinessCalendar {
            working_weekdays: c.working_weekdays,
            day_start: c.day_start,
            day_end: c.day_end,
            holidays: c.holidays,
            make_up_days: c.make_up_days,
        }
    }
}

impl From<BusinessCalendar> for calendar::BusinessCalendar {
    fn from(c: BusinessCalendar) -> Self {
        calendar::BusinessCalendar {
            working_weekdays: c.working_weekdays,
            day_start: c.day_start,
            day_end: c.day_end,
            holidays: c.holidays,
            make_up_days: c.make_up_days,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateEscalationContact {
    pub level: Level,
    /// Only for cases of this project; omit both `project_id` and `area_id` for every project
    /// (company-wide: administrators only).
    pub project_id: Option<Uuid>,
    /// Only for cases of this area (its project is implied): the area's own people, e.g. its
    /// supervisor at area level. The area's project's contacts remain the fallback.
    pub area_id: Option<Uuid>,
    pub user_id: Uuid,
}

impl From<CreateEscalationContact> for contacts::CreateEscalationContact {
    fn from(b: CreateEscalationContact) -> Self {
        contacts::CreateEscalationContact {
            level: b.level,
            project_id: b.project_id,
            area_id: b.area_id,
            user_id: b.user_id,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EscalationContactView {
    pub id: Uuid,
    pub level: Level,
    pub project_id: Option<Uuid>,
    pub area_id: Option<Uuid>,
    pub user_id: Uuid,
    pub user_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl From<EscalationContactRecord> for EscalationContactView {
    fn from(r: EscalationContactRecord) -> Self {
        EscalationContactView {
            id: r.id,
            level: r.level,
            project_id: r.project_id,
            area_id: r.area_id,
            user_id: r.user_id,
            user_name: r.user_name,
            created_at: r.created_at,
        }
    }
}
