//! The arrears contract: request and response bodies with their OpenAPI schemas.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use huiyin_domain::arrears::{
    ArrearsPolicy, ArrearsStatus, ContactMethod, ContactReason, ContactResult, LegalDecision, Stage,
};
use huiyin_domain::case::CaseStatus;
use huiyin_domain::money::{format_fen, Money};
use huiyin_store::arrears::import::ImportSummary;
use huiyin_store::arrears::stats::AreaFigures;
use huiyin_store::arrears::{ArrearsRecord, ContactRecord, ListArrears};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Debug, Serialize, ToSchema)]
pub struct ArrearsProperty {
    pub id: Uuid,
    pub area_id: Option<Uuid>,
    pub building: String,
    pub unit: String,
    pub room: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ArrearsCustomer {
    pub id: Uuid,
    #[schema(example = "王先生")]
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ContactResponse {
    pub id: Uuid,
    pub arrears_id: Uuid,
    pub method: ContactMethod,
    pub result: ContactResult,
    pub reason: Option<ContactReason>,
    pub note: Option<String>,
    pub promised_on: Option<NaiveDate>,
    /// The complaint a service dispute opened or linked.
    pub case_id: Option<Uuid>,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
}

impl From<ContactRecord> for ContactResponse {
    fn from(c: ContactRecord) -> Self {
        ContactResponse {
            id: c.id,
            arrears_id: c.arrears_id,
            method: c.method,
            result: c.result,
            reason: c.reason,
            note: c.note,
            promised_on: c.promised_on,
            case_id: c.case_id,
            created_by: c.created_by,
            created_at: c.created_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LinkedCaseResponse {
    pub id: Uuid,
    #[schema(example = "TS-20261206-0003")]
    pub number: String,
    pub status: CaseStatus,
    /// False once the complaint is closed or cancelled.
    pub open: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LegalResponse {
    pub decision: LegalDecision,
    pub reason: Option<String>,
    pub decided_by: Option<Uuid>,
    pub decided_at: Option<DateTime<Utc>>,
}

/// One property's arrears on one fee item.
#[derive(Debug, Serialize, ToSchema)]
pub struct ArrearsResponse {
    pub id: Uuid,
    pub project_id: Uuid,
    pub property: ArrearsProperty,
    pub customer: Option<ArrearsCustomer>,
    #[schema(example = "物业费")]
    pub fee_item: String,
    #[schema(example = 7)]
    pub months: u32,
    pub amount: Money,
    pub as_of: NaiveDate,
    pub stage: Stage,
    pub status: ArrearsStatus,
    /// The area's steward, who chases it.
    pub owner_id: Option<Uuid>,
    pub last_contact: Option<ContactResponse>,
    pub contacts_count: u32,
    /// The complaint linked by a service dispute (`open` false once it is closed).
    pub open_case: Option<LinkedCaseResponse>,
    pub legal: Option<LegalResponse>,
    /// When the current `as_of` was imported; the steward's contact window runs from here.
    pub imported_at: DateTime<Utc>,
    pub contact_due_at: DateTime<Utc>,
    pub settled_at: Option<DateTime<Utc>>,
    pub version: i32,
}

impl From<ArrearsRecord> for ArrearsResponse {
    fn from(r: ArrearsRecord) -> Self {
        ArrearsResponse {
            id: r.id,
            project_id: r.project_id,
            property: ArrearsProperty {
                id: r.property.id,
                area_id: r.property.area_id,
                building: r.property.building,
                unit: r.property.unit,
                room: r.property.room,
            },
            customer: r.customer.map(|c| ArrearsCustomer { id: c.id, name: c.name }),
            fee_item: r.fee_item,
            months: r.months,
            amount: r.amount,
            as_of: r.as_of,
            stage: r.stage,
            status: r.status,
            owner_id: r.owner_id,
            last_contact: r.last_contact.map(Into::into),
            contacts_count: r.contacts_count,
            open_case: r.open_case.map(|c| LinkedCaseResponse {
                id: c.id,
                number: c.number,
                open: !matches!(c.status, CaseStatus::Closed | CaseStatus::Cancelled),
                status: c.status,
            }),
            legal: r.legal.map(|l| LegalResponse {
                decision: l.decision,
                reason: l.reason,
                decided_by: l.decided_by,
                decided_at: l.decided_at,
            }),
            imported_at: r.imported_at,
            contact_due_at: r.contact_due_at,
            settled_at: r.settled_at,
            version: r.version,
        }
    }
}

crate::list_response!(ArrearsList, ArrearsResponse);
crate::list_response!(ContactList, ContactResponse);

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListArrearsQuery {
    pub project_id: Option<Uuid>,
    pub area_id: Option<Uuid>,
    pub property_id: Option<Uuid>,
    pub fee_item: Option<String>,
    /// Only arrears of at least this many months.
    pub min_months: Option<u32>,
    pub stage: Option<Stage>,
    /// `open` (default) or `settled`.
    pub status: Option<ArrearsStatus>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

impl From<ListArrearsQuery> for ListArrears {
    fn from(q: ListArrearsQuery) -> Self {
        ListArrears {
            project_id: q.project_id,
            area_id: q.area_id,
            property_id: q.property_id,
            fee_item: q.fee_item,
            min_months: q.min_months,
            stage: q.stage,
            status: q.status,
            limit: q.limit,
            cursor: q.cursor,
        }
    }
}

/// A contact with the customer (催费记录).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateContact {
    pub method: ContactMethod,
    pub result: ContactResult,
    /// Why the customer has not paid; `disputed` needs one, and `service_dispute` opens a complaint.
    pub reason: Option<ContactReason>,
    #[schema(example = "业主称楼上漏水未修好，修好再交")]
    pub note: Option<String>,
    /// Only with `result: promised`.
    pub promised_on: Option<NaiveDate>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ContactCreated {
    pub contact: ContactResponse,
    pub arrears: ArrearsResponse,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LegalDecisionBody {
    pub decision: LegalDecision,
    #[schema(example = "欠费 14 个月，多次催缴无果")]
    pub reason: String,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    pub project_id: Uuid,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ArrearsImportResponse {
    pub id: Uuid,
    /// Rows in the file.
    pub rows: usize,
    /// New arrears.
    pub opened: usize,
    /// Arrears whose months or amount changed.
    pub updated: usize,
    /// Rows that changed nothing (already imported, or older than what is kept).
    pub unchanged: usize,
    /// Arrears settled: listed as paid, or missing from this later import of their fee item.
    pub settled: usize,
}

impl From<ImportSummary> for ArrearsImportResponse {
    fn from(s: ImportSummary) -> Self {
        ArrearsImportResponse {
            id: s.id,
            rows: s.rows,
            opened: s.opened,
            updated: s.updated,
            unchanged: s.unchanged,
            settled: s.settled,
        }
    }
}

/// `ArrearsPolicy` with its project (the fields written out: a flattened schema that denies
/// unknown fields would make the answer's own `project_id` invalid against the document).
#[derive(Debug, Serialize, ToSchema)]
pub struct PolicyResponse {
    pub project_id: Uuid,
    /// Months owed from which the supervisor chases.
    pub supervisor_months: u32,
    /// Months owed from which a lawyer's letter is decided.
    pub legal_months: u32,
    /// Days after an import within which the steward must contact.
    pub contact_days: u32,
}

impl PolicyResponse {
    pub fn new(project_id: Uuid, policy: ArrearsPolicy) -> Self {
        PolicyResponse {
            project_id,
            supervisor_months: policy.supervisor_months,
            legal_months: policy.legal_months,
            contact_days: policy.contact_days,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ArrearsStatsQuery {
    /// `YYYY-MM` (Beijing time).
    #[param(example = "2026-11")]
    pub month: String,
    pub project_id: Option<Uuid>,
}

/// Arrears counted by stage.
#[derive(Debug, Serialize, ToSchema)]
pub struct StageCounts {
    pub steward: u64,
    pub supervisor: u64,
    pub legal: u64,
}

/// One area's month (the total has no project or area).
#[derive(Debug, Serialize, ToSchema)]
pub struct AreaArrears {
    pub project_id: Option<Uuid>,
    pub area_id: Option<Uuid>,
    pub area_name: Option<String>,
    /// Households with arrears open at the end of the month.
    pub households: u64,
    /// Their amount owed (decimal string).
    #[schema(example = "12345.60")]
    pub amount: String,
    pub by_stage: StageCounts,
    /// Contacts of the month by the reason recorded (every reason, zero included).
    pub by_reason: BTreeMap<String, u64>,
    pub contacts: u64,
    /// Arrears settled during the month.
    pub settled: u64,
    /// From imports that carried `receivable`/`received` for the month; else null.
    pub receivable: Option<String>,
    pub received: Option<String>,
    /// `received / receivable`, 4 decimals (收缴率); null without a receivable.
    pub collection_rate: Option<f64>,
}

impl From<AreaFigures> for AreaArrears {
    fn from(f: AreaFigures) -> Self {
        let stage = |s: Stage| f.by_stage.get(&s).copied().unwrap_or(0);
        let collected = f.receivable_fen > 0;
        AreaArrears {
            project_id: f.project_id,
            area_id: f.area_id,
            area_name: f.area_name.clone(),
            households: f.households,
            amount: format_fen(f.amount_fen),
            by_stage: StageCounts {
                steward: stage(Stage::Steward),
                supervisor: stage(Stage::Supervisor),
                legal: stage(Stage::Legal),
            },
            by_reason: f.by_reason.iter().map(|(r, n)| (r.as_str().to_owned(), *n)).collect(),
            contacts: f.contacts,
            settled: f.settled,
            receivable: collected.then(|| format_fen(f.receivable_fen)),
            received: collected.then(|| format_fen(f.received_fen)),
            collection_rate: f.collection_rate,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ArrearsStatsResponse {
    #[schema(example = "2026-11")]
    pub month: String,
    pub project_id: Option<Uuid>,
    pub areas: Vec<AreaArrears>,
    pub total: AreaArrears,
}

/// A resident's own open item: what is owed, never the contact log.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResidentArrears {
    pub id: Uuid,
    pub building: String,
    pub unit: String,
    pub room: String,
    pub fee_item: String,
    pub months: u32,
    pub amount: Money,
    pub as_of: NaiveDate,
}

impl From<ArrearsRecord> for ResidentArrears {
    fn from(r: ArrearsRecord) -> Self {
        ResidentArrears {
            id: r.id,
            building: r.property.building,
            unit: r.property.unit,
            room: r.property.room,
            fee_item: r.fee_item,
            months: r.months,
            amount: r.amount,
            as_of: r.as_of,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ResidentArrearsList {
    pub items: Vec<ResidentArrears>,
}
