//! Request and response types of the works endpoints.

use chrono::{DateTime, NaiveDate, Utc};
use huiyin_domain::case::Satisfaction;
use huiyin_domain::decoration::works::{IssueKind, StageStatus, WorksStatus};
use huiyin_domain::money::format_fen;
use huiyin_store::works::WorksRecord;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateWorks {
    /// A signed lead.
    pub lead_id: Uuid,
    pub contract_signed_on: NaiveDate,
    /// Yuan as a decimal string.
    #[schema(example = "86000.00")]
    pub contract_amount: String,
    pub designer_id: Uuid,
    pub project_manager_id: Uuid,
    pub supervisor_id: Uuid,
    /// The quality inspector (质检员).
    pub inspector_id: Option<Uuid>,
    pub planned_start: NaiveDate,
    pub planned_finish: NaiveDate,
    #[schema(example = "锦绣花园 5栋 1802")]
    pub address: String,
    /// The property, when it is in the archive (repairs there are matched to these works).
    pub property_id: Option<Uuid>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VisitIssueInput {
    pub kind: IssueKind,
    pub description: String,
}

/// A stage visit by customer service (or `stage: aftercare` after completion).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordStageVisit {
    #[schema(example = "material_arrival")]
    pub stage: String,
    pub satisfaction: Satisfaction,
    /// Was the quality inspector there?
    pub inspector_present: bool,
    /// Was the designer's briefing clear?
    pub briefing_clear: Option<bool>,
    /// At completion: satisfaction with the designer.
    pub designer_satisfaction: Option<Satisfaction>,
    pub note: Option<String>,
    /// Each issue opens a case linked to the works (工程投诉 / 质检员投诉 / 设计师投诉 / repair).
    #[serde(default)]
    pub issues: Vec<VisitIssueInput>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ArchiveWorks {
    pub warranty_card_issued: bool,
    /// The warranty deposit (质保金), yuan as a decimal string.
    pub warranty_deposit: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListWorks {
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct WarrantyQuery {
    pub property_id: Option<Uuid>,
    pub customer_id: Option<Uuid>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StageResponse {
    pub name: String,
    pub position: i32,
    pub status: StageStatus,
    pub started_at: Option<DateTime<Utc>>,
    pub visit_due_at: Option<DateTime<Utc>>,
    pub visited_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WorksVisitResponse {
    pub id: Uuid,
    /// A stage name, or `aftercare`.
    pub stage: String,
    pub due_at: DateTime<Utc>,
    pub done_at: Option<DateTime<Utc>>,
    pub visitor_id: Option<Uuid>,
    pub satisfaction: Option<Satisfaction>,
    pub inspector_present: Option<bool>,
    pub briefing_clear: Option<bool>,
    pub designer_satisfaction: Option<Satisfaction>,
    pub issues: Option<String>,
    /// The first case this visit opened.
    pub case_id: Option<Uuid>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WorksCaseResponse {
    pub case_id: Uuid,
    /// `visit_issue`, `dissatisfied_visit` or `paid_repair`.
    pub reason: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WorksResponse {
    pub id: Uuid,
    pub lead_id: Uuid,
    pub project_id: Uuid,
    pub customer_id: Uuid,
    pub property_id: Option<Uuid>,
    pub address: String,
    pub contract_signed_on: NaiveDate,
    pub contract_amount: String,
    pub designer_id: Uuid,
    pub project_manager_id: Uuid,
    pub supervisor_id: Uuid,
    pub inspector_id: Option<Uuid>,
    pub planned_start: NaiveDate,
    pub planned_finish: NaiveDate,
    pub status: WorksStatus,
    pub completed_on: Option<NaiveDate>,
    pub warranty_until: Option<NaiveDate>,
    pub warranty_card_issued: bool,
    pub warranty_deposit: Option<String>,
    pub stages: Vec<StageResponse>,
    pub visits: Vec<WorksVisitResponse>,
    pub cases: Vec<WorksCaseResponse>,
    pub created_at: DateTime<Utc>,
    pub version: i32,
}

impl From<WorksRecord> for WorksResponse {
    fn from(r: WorksRecord) -> Self {
        let w = r.works;
        WorksResponse {
            id: w.id,
            lead_id: w.lead_id,
            project_id: w.project_id,
            customer_id: w.customer_id,
            property_id: w.property_id,
            address: w.address,
            contract_signed_on: w.contract_signed_on,
            contract_amount: format_fen(w.contract_amount_fen),
            designer_id: w.designer_id,
            project_manager_id: w.project_manager_id,
            supervisor_id: w.supervisor_id,
            inspector_id: w.inspector_id,
            planned_start: w.planned_start,
            planned_finish: w.planned_finish,
            status: w.status.0,
            completed_on: w.completed_on,
            warranty_until: w.warranty_until,
            warranty_card_issued: w.warranty_card_issued,
            warranty_deposit: w.warranty_deposit_fen.map(format_fen),
            stages: r
                .stages
                .into_iter()
                .map(|s| StageResponse {
                    name: s.name,
                    position: s.position,
                    status: s.status.0,
                    started_at: s.started_at,
                    visit_due_at: s.visit_due_at,
                    visited_at: s.visited_at,
                })
                .collect(),
            visits: r
                .visits
                .into_iter()
                .map(|v| WorksVisitResponse {
                    id: v.id,
                    stage: v.stage,
                    due_at: v.due_at,
                    done_at: v.done_at,
                    visitor_id: v.visitor_id,
                    satisfaction: v.satisfaction.map(|s| s.0),
                    inspector_present: v.inspector_present,
                    briefing_clear: v.briefing_clear,
                    designer_satisfaction: v.designer_satisfaction.map(|s| s.0),
                    issues: v.issues,
                    case_id: v.case_id,
                })
                .collect(),
            cases: r
                .cases
                .into_iter()
                .map(|c| WorksCaseResponse {
                    case_id: c.case_id,
                    reason: c.reason,
                    created_at: c.created_at,
                })
                .collect(),
            created_at: w.created_at,
            version: w.version,
        }
    }
}

crate::list_response!(WorksList, WorksResponse);

#[derive(Debug, Serialize, ToSchema)]
pub struct WarrantyAnswer {
    /// The most recent works at that property or for that customer.
    pub works_id: Option<Uuid>,
    pub warranty_until: Option<NaiveDate>,
    /// A repair there is paid service (有偿).
    pub out_of_warranty: bool,
}
