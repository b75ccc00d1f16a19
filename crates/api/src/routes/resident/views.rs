//! How residents see their cases, properties and account: dedicated types that carry no staff
//! ids, names or phone numbers, no internal notes and no audit data — only what the app shows.

use chrono::{DateTime, Utc};
use huiyin_domain::case::{CaseKind, CaseStatus, Channel, Satisfaction};
use huiyin_domain::customer::Relation;
use huiyin_domain::resident::{
    event_title, may_rate, may_withdraw, progress, Bilingual, Department, EventFacts, ProgressFacts,
};
use huiyin_store::cases::AttachmentRecord;
use huiyin_store::customers::property_label;
use huiyin_store::residents::cases::{
    CategoryName, HandlingDepartment, ResidentCaseDetail, ResidentCaseView, TimelineEntry,
};
use huiyin_store::residents::properties::ResidentProperty;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// A case in the resident's list.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "01936f80-1c2d-7a3b-8e4f-5a6b7c8d9e0f", "number": "BX-20261125-0007", "kind": "repair",
    "status": "dispatched", "progress": {"zh": "已派单至工程部，处理中", "en": "Sent to the engineering department"},
    "title": "卫生间漏水", "property_id": "01936f7e-5b12-7d04-a1c3-9e8f7a6b5c4d", "property_label": "3栋 2单元 1201",
    "due_at": "2026-11-27T08:30:00Z", "can_rate": false, "can_withdraw": false,
    "reported_at": "2026-11-25T08:30:00Z", "updated_at": "2026-11-25T09:05:00Z"}))]
pub struct ResidentCaseSummary {
    pub id: Uuid,
    /// The number to quote when calling customer service, e.g. `BX-20261125-0007`.
    pub number: String,
    pub kind: CaseKind,
    pub status: CaseStatus,
    /// Where it stands, in plain words.
    pub progress: Bilingual,
    pub title: String,
    pub property_id: Option<Uuid>,
    /// `building unit room`, e.g. `3栋 2单元 1201`.
    pub property_label: Option<String>,
    /// When the department is due to have it done; only while a work order is out
    /// (`dispatched`, `in_progress`).
    pub due_at: Option<DateTime<Utc>>,
    /// A rating is possible now (`POST …/rating`): the case is resolved.
    pub can_rate: bool,
    /// Withdrawing is possible now (`POST …/withdraw`): the case is not dispatched yet.
    pub can_withdraw: bool,
    pub reported_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A category of a resident's case.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": "01936f7e-8a40-7c3e-9f55-3c2b1a0d9e81", "name": "水电维修", "name_en": "Plumbing and electrics"}))]
pub struct ResidentCategoryRef {
    pub id: Uuid,
    pub name: String,
    pub name_en: String,
}

/// Who did something on the timeline: you, or the service centre (customer service or a
/// department — never a named person).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(example = "service_centre")]
pub enum Author {
    You,
    ServiceCentre,
}

/// A public entry of the case's timeline.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": "01936f80-3e4f-7b5c-9d6e-7f8091a2b3c4", "at": "2026-11-25T09:05:00Z", "action": "dispatch",
    "status": "dispatched", "title": {"zh": "已派单至工程部", "en": "Sent to the engineering department"},
    "note": null, "by": "service_centre"}))]
pub struct ResidentTimelineEntry {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    /// `register`, `dispatch`, `accept`, `resolve`, `reply`, `visit`, `close_on_spot`, `cancel` or `comment`.
    pub action: String,
    /// The case's status after this step.
    pub status: Option<CaseStatus>,
    /// What happened, in plain words.
    pub title: Bilingual,
    /// Words meant for you: the department's result, customer service's reply or note, your own comment.
    pub note: Option<String>,
    pub by: Author,
}

/// A photo or document you attached.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": "01936f80-2a3b-7c4d-8e5f-6a7b8c9d0e1f", "file_name": "漏水照片.jpg", "content_type": "image/jpeg",
    "size_bytes": 184320, "created_at": "2026-11-25T08:31:00Z",
    "url": "/api/v1/resident/cases/01936f80-1c2d-7a3b-8e4f-5a6b7c8d9e0f/attachments/01936f80-2a3b-7c4d-8e5f-6a7b8c9d0e1f"}))]
pub struct ResidentAttachment {
    pub id: Uuid,
    pub file_name: String,
    /// Recognised from the file's bytes: `image/jpeg`, `image/png`, `image/webp` or `application/pdf`.
    pub content_type: String,
    pub size_bytes: i64,
    pub created_at: DateTime<Utc>,
    /// Download it here with your access token.
    pub url: String,
}

/// One of your cases in full: where it stands, what was done (public steps only), your photos.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "01936f80-1c2d-7a3b-8e4f-5a6b7c8d9e0f", "number": "BX-20261125-0007", "kind": "repair",
    "status": "resolved", "progress": {"zh": "已处理完毕，请您评价", "en": "Done. Please tell us how satisfied you are"},
    "title": "卫生间漏水", "property_id": "01936f7e-5b12-7d04-a1c3-9e8f7a6b5c4d", "property_label": "3栋 2单元 1201",
    "due_at": null, "can_rate": true, "can_withdraw": false,
    "reported_at": "2026-11-25T08:30:00Z", "updated_at": "2026-11-26T10:00:00Z",
    "description": "卫生间天花板渗水，已持续两天。", "channel": "app",
    "category": {"id": "01936f7e-8a40-7c3e-9f55-3c2b1a0d9e81", "name": "水电维修", "name_en": "Plumbing and electrics"},
    "resolved_at": "2026-11-26T10:00:00Z", "closed_at": null, "satisfaction": null,
    "attachments": [{"id": "01936f80-2a3b-7c4d-8e5f-6a7b8c9d0e1f", "file_name": "漏水照片.jpg", "content_type": "image/jpeg",
        "size_bytes": 184320, "created_at": "2026-11-25T08:31:00Z",
        "url": "/api/v1/resident/cases/01936f80-1c2d-7a3b-8e4f-5a6b7c8d9e0f/attachments/01936f80-2a3b-7c4d-8e5f-6a7b8c9d0e1f"}],
    "timeline": [
        {"id": "01936f80-1c2e-7000-8000-000000000001", "at": "2026-11-25T08:30:00Z", "action": "register", "status": "registered",
         "title": {"zh": "您提交了报告", "en": "You reported this"}, "note": null, "by": "you"},
        {"id": "01936f80-3e4f-7b5c-9d6e-7f8091a2b3c4", "at": "2026-11-25T09:05:00Z", "action": "dispatch", "status": "dispatched",
         "title": {"zh": "已派单至工程部", "en": "Sent to the engineering department"}, "note": null, "by": "service_centre"},
        {"id": "01936f80-4a5b-7c6d-8e7f-8091a2b3c4d5", "at": "2026-11-26T10:00:00Z", "action": "resolve", "status": "resolved",
         "title": {"zh": "已处理完毕", "en": "Done"}, "note": "已更换水管并做闭水试验。", "by": "service_centre"}
    ]}))]
pub struct ResidentCaseResponse {
    #[serde(flatten)]
    pub summary: ResidentCaseSummary,
    pub description: String,
    /// How it reached us: `app` for what you reported here, `phone` for a call…
    pub channel: Channel,
    pub category: Option<ResidentCategoryRef>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    /// The latest satisfaction you gave.
    pub satisfaction: Option<Satisfaction>,
    pub attachments: Vec<ResidentAttachment>,
    /// The public steps, oldest first.
    pub timeline: Vec<ResidentTimelineEntry>,
}

/// A page of your cases, newest first.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"items": [{
    "id": "01936f80-1c2d-7a3b-8e4f-5a6b7c8d9e0f", "number": "BX-20261125-0007", "kind": "repair",
    "status": "dispatched", "progress": {"zh": "已派单至工程部，处理中", "en": "Sent to the engineering department"},
    "title": "卫生间漏水", "property_id": "01936f7e-5b12-7d04-a1c3-9e8f7a6b5c4d", "property_label": "3栋 2单元 1201",
    "due_at": "2026-11-27T08:30:00Z", "can_rate": false, "can_withdraw": false,
    "reported_at": "2026-11-25T08:30:00Z", "updated_at": "2026-11-25T09:05:00Z"}], "next_cursor": null}))]
pub struct ResidentCaseList {
    pub items: Vec<ResidentCaseSummary>,
    /// Pass as `cursor` to get the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// A property you own, rent or live in.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": "01936f7e-5b12-7d04-a1c3-9e8f7a6b5c4d", "label": "3栋 2单元 1201", "building": "3栋", "unit": "2单元",
    "room": "1201", "relation": "owner", "project_id": "01936f7d-0a1b-7c2d-8e3f-4a5b6c7d8e9f", "project_name": "翠湖花园"}))]
pub struct ResidentPropertyResponse {
    pub id: Uuid,
    /// `building unit room`
    pub label: String,
    pub building: String,
    pub unit: String,
    pub room: String,
    pub relation: Relation,
    pub project_id: Uuid,
    /// The estate (小区), e.g. `翠湖花园`.
    pub project_name: Option<String>,
}

/// Your properties.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"items": [{"id": "01936f7e-5b12-7d04-a1c3-9e8f7a6b5c4d", "label": "3栋 2单元 1201", "building": "3栋",
    "unit": "2单元", "room": "1201", "relation": "owner", "project_id": "01936f7d-0a1b-7c2d-8e3f-4a5b6c7d8e9f", "project_name": "翠湖花园"}]}))]
pub struct ResidentPropertyList {
    pub items: Vec<ResidentPropertyResponse>,
}

/// A category to choose when reporting.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": "01936f7e-8a40-7c3e-9f55-3c2b1a0d9e81", "parent_id": "01936f7e-8a40-7c3e-9f55-3c2b1a0d9e80",
    "code": "repair.plumbing_electric", "name": "水电维修", "name_en": "Plumbing and electrics"}))]
pub struct ResidentCategory {
    pub id: Uuid,
    /// Categories form a tree; top-level ones have no parent.
    pub parent_id: Option<Uuid>,
    pub code: String,
    pub name: String,
    pub name_en: String,
}

/// The active categories, in display order (build the tree from `parent_id`).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"items": [
    {"id": "01936f7e-8a40-7c3e-9f55-3c2b1a0d9e80", "parent_id": null, "code": "repair", "name": "报修类", "name_en": "Repairs"},
    {"id": "01936f7e-8a40-7c3e-9f55-3c2b1a0d9e81", "parent_id": "01936f7e-8a40-7c3e-9f55-3c2b1a0d9e80",
     "code": "repair.plumbing_electric", "name": "水电维修", "name_en": "Plumbing and electrics"}]}))]
pub struct ResidentCategoryList {
    pub items: Vec<ResidentCategory>,
}

/// Who you are logged in as.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"user_id": "01936f7f-6c7d-7e8f-9a0b-1c2d3e4f5a6b", "customer_id": "01936f7f-1a2b-7c3d-8e4f-5a6b7c8d9e0f",
    "name": "王建国", "phone": "13800138000"}))]
pub struct ResidentProfile {
    pub user_id: Uuid,
    pub customer_id: Uuid,
    pub name: String,
    /// Your login phone number, canonical form.
    pub phone: String,
}

/// A one-time activation code for a resident login. Shown once: only its hash is stored.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"user_id": "01936f7f-6c7d-7e8f-9a0b-1c2d3e4f5a6b", "phone": "138****8000",
    "activation_code": "7KQ2-M9XD", "expires_at": "2026-11-28T08:30:00Z"}))]
pub struct ActivationCodeResponse {
    /// The resident login (role `resident`).
    pub user_id: Uuid,
    /// The phone number to activate and log in with (masked unless you may see personal data).
    pub phone: String,
    /// Give this to the resident; it works once, until `expires_at`.
    pub activation_code: String,
    pub expires_at: DateTime<Utc>,
}

fn department_of(d: &HandlingDepartment) -> Department<'_> {
    Department {
        name: &d.name,
        kind: &d.kind,
    }
}

pub fn summary(view: &ResidentCaseView) -> ResidentCaseSummary {
    let case = &view.case;
    let status = case.status.0;
    let line = progress(ProgressFacts {
        status,
        department: view.department.as_ref().map(department_of),
        dispatch_count: case.dispatch_count,
        satisfaction: case.last_satisfaction.map(|s| s.0),
        cancel_reason: view.cancel_reason,
    });
    ResidentCaseSummary {
        id: case.id,
        number: case.number.clone(),
        kind: case.kind.0,
        status,
        progress: line,
        title: case.title.clone(),
        property_id: case.property_id,
        property_label: view.property_label.clone(),
        due_at: case.due_at.filter(|_| status.has_open_work_order()),
        can_rate: may_rate(status),
        can_withdraw: may_withdraw(status),
        reported_at: case.reported_at,
        updated_at: case.updated_at,
    }
}

pub fn attachment(m: AttachmentRecord) -> ResidentAttachment {
    ResidentAttachment {
        url: format!("/api/v1/resident/cases/{}/attachments/{}", m.case_id, m.id),
        id: m.id,
        file_name: m.file_name,
        content_type: m.content_type,
        size_bytes: m.size_bytes,
        created_at: m.created_at,
    }
}

fn timeline_entry(entry: TimelineEntry) -> ResidentTimelineEntry {
    let title = event_title(
        &entry.action,
        EventFacts {
            by_resident: entry.by_resident,
            department: entry.department.as_ref().map(department_of),
            reached: entry.reached,
            satisfaction: entry.satisfaction,
            second_dispatch: entry.second_dispatch,
            cancel_reason: entry.cancel_reason,
        },
    )
    .unwrap_or_else(|| Bilingual {
        zh: "进展更新".into(),
        en: "Update".into(),
    });
    ResidentTimelineEntry {
        id: entry.id,
        at: entry.at,
        action: entry.action,
        status: entry.status,
        title,
        note: entry.note,
        by: if entry.by_resident {
            Author::You
        } else {
            Author::ServiceCentre
        },
    }
}

fn category_ref(c: CategoryName) -> ResidentCategoryRef {
    ResidentCategoryRef {
        id: c.id,
        name: c.name,
        name_en: c.name_en,
    }
}

pub fn case_response(detail: ResidentCaseDetail) -> ResidentCaseResponse {
    let summary = summary(&detail.view);
    let case = detail.view.case;
    ResidentCaseResponse {
        summary,
        description: case.description,
        channel: case.channel.0,
        category: detail.category.map(category_ref),
        resolved_at: case.resolved_at,
        closed_at: case.closed_at,
        satisfaction: case.last_satisfaction.map(|s| s.0),
        attachments: detail.attachments.into_iter().map(attachment).collect(),
        timeline: detail.timeline.into_iter().map(timeline_entry).collect(),
    }
}

pub fn property(p: ResidentProperty) -> ResidentPropertyResponse {
    ResidentPropertyResponse {
        label: property_label(&p.property),
        id: p.property.id,
        building: p.property.building,
        unit: p.property.unit,
        room: p.property.room,
        relation: p.relation,
        project_id: p.property.project_id,
        project_name: p.project.map(|project| project.name),
    }
}
