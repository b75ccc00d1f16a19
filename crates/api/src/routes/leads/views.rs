//! Request and response types of the lead endpoints.

use chrono::{DateTime, NaiveDate, Utc};
use huiyin_domain::decoration::dispatch::{DesignerLevel, DispatchRule};
use huiyin_domain::decoration::lead::{
    FollowUpChannel, Intent, LeadSource, LeadStatus, LossKind, LossReason, OrderSize,
};
use huiyin_domain::money::format_fen;
use huiyin_domain::phone::mask;
use huiyin_store::leads::create::TransferSlip;
use huiyin_store::leads::designers::EligibleDesigner;
use huiyin_store::leads::query::LeadEventRecord;
use huiyin_store::leads::LeadRecord;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LeadCustomerInput {
    #[schema(example = "陈先生")]
    pub name: String,
    #[schema(example = "139 0013 9000")]
    pub phone: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TransferSlipInput {
    #[schema(example = "CD-2026-118")]
    pub number: String,
    /// The marketing manager who signed it.
    pub marketing_manager: String,
    /// The store manager who signed it.
    pub store_manager: String,
}

/// Registers a lead (customer manager).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateLead {
    /// The store (a project); may be left out by a customer manager of exactly one store.
    pub project_id: Option<Uuid>,
    pub source: LeadSource,
    pub customer: LeadCustomerInput,
    #[schema(example = "锦绣花园 5栋 1802")]
    pub address: String,
    #[schema(example = 118.5)]
    pub floor_area_m2: Option<f64>,
    /// Yuan as a decimal string; decides the order size (small < 30000 ≤ medium ≤ 50000 < large).
    #[schema(example = "45000.00")]
    pub budget: String,
    pub planned_on: Option<NaiveDate>,
    /// Who brought the customer (first got them to come in, was named by them, or first got their data).
    #[schema(example = "市场部 张伟")]
    pub brought_by: Option<String>,
    /// The evidence for that attribution, with its date.
    pub evidence: Option<String>,
    /// Required for `source: marketing` (传递单).
    pub transfer_slip: Option<TransferSlipInput>,
    #[serde(default = "intent")]
    pub intent: Intent,
}

fn intent() -> Intent {
    Intent::Intent
}

impl From<TransferSlipInput> for TransferSlip {
    fn from(slip: TransferSlipInput) -> Self {
        TransferSlip {
            number: slip.number,
            marketing_manager: slip.marketing_manager,
            store_manager: slip.store_manager,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ForceDispatch {
    /// Why the rules are set aside (design manager only; recorded).
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DispatchLeadRequest {
    pub designer_id: Uuid,
    pub force: Option<ForceDispatch>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LeadNote {
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FollowUpRequest {
    pub channel: FollowUpChannel,
    #[schema(example = "客户周末来店看样板间")]
    pub note: String,
    /// The next agreed contact (Beijing date); the cadence applies when it is later.
    pub next_on: Option<NaiveDate>,
    /// The customer's warmth now, if it changed (decides the cadence).
    pub intent: Option<Intent>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoseLead {
    pub kind: LossKind,
    pub reason: LossReason,
    /// The customer's own statement, as recorded on the call.
    pub customer_statement: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfirmLoss {
    /// `true`: closed as lost; `false`: back to where it was.
    pub confirm: bool,
    pub note: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecideAttribution {
    pub brought_by: String,
    /// Why (the evidence weighed).
    pub note: String,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListLeads {
    pub status: Option<LeadStatus>,
    pub source: Option<LeadSource>,
    pub size: Option<OrderSize>,
    pub designer_id: Option<Uuid>,
    pub project_id: Option<Uuid>,
    /// Only leads past their follow-up day.
    pub overdue: Option<bool>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct EligibleQuery {
    /// Also list designers of other grades (for a forced dispatch).
    pub all_levels: Option<bool>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LeadCustomer {
    pub id: Uuid,
    pub name: String,
    /// Masked unless the caller may see personal data or is the lead's designer.
    pub phone: String,
    pub phone_masked: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EarlierLead {
    pub id: Uuid,
    pub number: String,
    pub source: LeadSource,
    pub brought_by: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LeadDesigner {
    pub id: Uuid,
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LeadLoss {
    pub kind: LossKind,
    pub reason: LossReason,
    pub customer_statement: Option<String>,
    pub reported_by: Option<Uuid>,
    pub reported_at: Option<DateTime<Utc>>,
    pub confirmed_by: Option<Uuid>,
    pub note: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LeadResponse {
    pub id: Uuid,
    #[schema(example = "XS-20261206-0001")]
    pub number: String,
    pub project_id: Uuid,
    pub status: LeadStatus,
    /// While `lost_pending`: the status it returns to if the loss is not confirmed.
    pub status_before_loss: Option<LeadStatus>,
    pub size: OrderSize,
    pub source: LeadSource,
    pub customer: LeadCustomer,
    pub address: String,
    pub floor_area_m2: Option<f64>,
    #[schema(example = "45000.00")]
    pub budget: String,
    pub planned_on: Option<NaiveDate>,
    pub brought_by: Option<String>,
    pub evidence: Option<String>,
    pub transfer_slip: Option<serde_json::Value>,
    /// Set when the phone had a lead within 90 days: that lead and its attribution.
    pub duplicate_of: Option<EarlierLead>,
    /// The customer manager's decision on the attribution, when one was recorded.
    pub attribution_note: Option<String>,
    pub designer: Option<LeadDesigner>,
    pub dispatched_at: Option<DateTime<Utc>>,
    pub intent: Intent,
    pub last_contact_at: DateTime<Utc>,
    /// The Beijing day by which the next follow-up is due.
    pub follow_up_due_on: NaiveDate,
    pub overdue: bool,
    pub loss: Option<LeadLoss>,
    pub measured_at: Option<DateTime<Utc>>,
    pub signed_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

crate::list_response!(LeadList, LeadResponse);

pub fn lead_response(record: LeadRecord, show_phone: bool, at: DateTime<Utc>) -> LeadResponse {
    let l = record.lead;
    let due = l.follow_up_due_on;
    LeadResponse {
        id: l.id,
        number: l.number,
        project_id: l.project_id,
        status: l.status.0,
        status_before_loss: l
            .status_before_loss
            .map(|s| s.0)
            .filter(|_| l.status.0 == LeadStatus::LostPending),
        size: l.size.0,
        source: l.source.0,
        customer: LeadCustomer {
            id: l.customer_id,
            name: record.customer_name,
            phone: if show_phone { l.phone.clone() } else { mask(&l.phone) },
            phone_masked: !show_phone,
        },
        address: l.address,
        floor_area_m2: l.floor_area_m2,
        budget: format_fen(l.budget_fen),
        planned_on: l.planned_on,
        brought_by: l.brought_by,
        evidence: l.evidence,
        transfer_slip: l.transfer_slip.and_then(|s| serde_json::from_str(&s).ok()),
        duplicate_of: record.duplicate_of.map(|d| EarlierLead {
            id: d.id,
            number: d.number,
            source: d.source.0,
            brought_by: d.brought_by,
            created_at: d.created_at,
        }),
        attribution_note: l.attribution_note,
        designer: l.designer_id.map(|id| LeadDesigner {
            id,
            name: record.designer_name.unwrap_or_default(),
        }),
        dispatched_at: l.dispatched_at,
        intent: l.intent.0,
        last_contact_at: l.last_contact_at,
        follow_up_due_on: due,
        overdue: huiyin_domain::decoration::lead::is_overdue(l.status.0, due, at),
        loss: match (l.loss_kind, l.loss_reason) {
            (Some(kind), Some(reason)) => Some(LeadLoss {
                kind: kind.0,
                reason: reason.0,
                customer_statement: l.loss_statement,
                reported_by: l.loss_reported_by,
                reported_at: l.loss_reported_at,
                confirmed_by: l.loss_confirmed_by,
                note: l.loss_note,
            }),
            _ => None,
        },
        measured_at: l.measured_at,
        signed_at: l.signed_at,
        closed_at: l.closed_at,
        created_at: l.created_at,
        updated_at: l.updated_at,
        version: l.version,
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LeadEventResponse {
    pub id: Uuid,
    pub actor_id: Option<Uuid>,
    /// `register`, `dispatch`, `reassign`, `measure`, `propose`, `sign`, `follow_up`, `lose`,
    /// `confirm_loss`, `reject_loss`, `attribution`.
    pub action: String,
    pub channel: Option<FollowUpChannel>,
    pub note: Option<String>,
    pub next_on: Option<NaiveDate>,
    pub payload: serde_json::Value,
    pub created_at: DateTime<Utc>,
}

impl From<LeadEventRecord> for LeadEventResponse {
    fn from(e: LeadEventRecord) -> Self {
        LeadEventResponse {
            id: e.id,
            actor_id: e.actor_id,
            action: e.action,
            channel: e.channel,
            note: e.note,
            next_on: e.next_on,
            payload: e.payload,
            created_at: e.created_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EligibleDesignerResponse {
    pub id: Uuid,
    pub name: String,
    pub level: DesignerLevel,
    pub group: String,
    pub top_signer: bool,
    /// Leads dispatched to them today (Beijing).
    pub today: u32,
    /// This week (Beijing, from Monday).
    pub this_week: u32,
    /// Of this week's leads, those still open in their hands.
    pub in_hand: u32,
    pub last_dispatched_at: Option<DateTime<Utc>>,
    pub eligible: bool,
    /// The rules a dispatch to them would break, in rule order (empty when eligible).
    pub reasons: Vec<DispatchRule>,
    /// The first of `reasons`.
    pub reason: Option<DispatchRule>,
}

impl From<EligibleDesigner> for EligibleDesignerResponse {
    fn from(d: EligibleDesigner) -> Self {
        EligibleDesignerResponse {
            id: d.record.user.id,
            name: d.record.user.display_name,
            level: d.record.profile.level.0,
            group: d.record.profile.group_name,
            top_signer: d.record.profile.top_signer,
            today: d.load.today,
            this_week: d.load.this_week,
            in_hand: d.load.in_hand,
            last_dispatched_at: d.record.profile.last_dispatched_at,
            eligible: d.broken.is_empty(),
            reason: d.broken.first().copied(),
            reasons: d.broken,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EligibleDesignerList {
    pub size: OrderSize,
    pub items: Vec<EligibleDesignerResponse>,
}
