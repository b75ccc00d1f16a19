use huiyin_domain::case::{CancelReason, CaseKind, CaseStatus, Channel, Satisfaction, Severity};
use huiyin_domain::sla::escalation::Level;
use sea_orm::entity::prelude::*;

use crate::wire::Wire;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cases")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub number: String,
    #[sea_orm(column_type = "String(StringLen::None)")]
    pub kind: Wire<CaseKind>,
    #[sea_orm(column_type = "String(StringLen::None)")]
    pub channel: Wire<Channel>,
    pub category_id: Option<Uuid>,
    #[sea_orm(column_type = "String(StringLen::None)")]
    pub severity: Wire<Severity>,
    #[sea_orm(column_type = "String(StringLen::None)")]
    pub status: Wire<CaseStatus>,
    pub project_id: Uuid,
    pub area_id: Option<Uuid>,
    pub property_id: Option<Uuid>,
    pub customer_id: Option<Uuid>,
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub description: String,
    #[sea_orm(column_type = "Text")]
    pub search_text: String,
    pub reported_at: DateTimeUtc,
    pub created_by: Option<Uuid>,
    pub department_id: Option<Uuid>,
    pub assignee_id: Option<Uuid>,
    pub current_work_order_id: Option<Uuid>,
    pub dispatch_count: i32,
    pub due_at: Option<DateTimeUtc>,
    pub verified_at: Option<DateTimeUtc>,
    pub first_dispatched_at: Option<DateTimeUtc>,
    pub resolved_at: Option<DateTimeUtc>,
    pub replied_at: Option<DateTimeUtc>,
    pub closed_at: Option<DateTimeUtc>,
    pub cancelled_at: Option<DateTimeUtc>,
    /// Answered and closed during the first contact (first-contact resolution).
    pub closed_on_spot: bool,
    #[sea_orm(column_type = "String(StringLen::None)", nullable)]
    pub last_satisfaction: Option<Wire<Satisfaction>>,
    pub duplicate_of: Option<Uuid>,
    pub verify_due_at: Option<DateTimeUtc>,
    pub dispatch_due_at: Option<DateTimeUtc>,
    pub reply_due_at: Option<DateTimeUtc>,
    /// The earliest deadline still to be met; `None` while paused or when nothing is due.
    pub next_due_at: Option<DateTimeUtc>,
    /// The earliest deadline whose breach is still to be recorded (what the sweep looks for).
    pub next_breach_at: Option<DateTimeUtc>,
    pub verify_breached: bool,
    pub dispatch_breached: bool,
    pub resolve_breached: bool,
    pub reply_breached: bool,
    /// Escalation level: `project`, `area` or `company`.
    #[sea_orm(column_type = "String(StringLen::None)")]
    pub level: Wire<Level>,
    /// The highest level the case ever reached (statistics count escalations by it).
    #[sea_orm(column_type = "String(StringLen::None)")]
    pub peak_level: Wire<Level>,
    pub paused_at: Option<DateTimeUtc>,
    pub pause_reason: Option<String>,
    /// The knowledge article the inquiry was answered from when closed on the spot.
    pub answer_article_id: Option<Uuid>,
    /// Dissatisfied satisfaction visits so far (the second raises the level, the third waits in
    /// `review` for a supervisor).
    pub dissatisfied_visits: i32,
    /// The repair of the same property and category, closed shortly before, that this repair
    /// repeats (二次报修).
    pub repeat_of: Option<Uuid>,
    /// The number of `repeat_of` (numbers never change).
    pub repeat_of_number: Option<String>,
    /// The incident case this one follows (one incident, many callers).
    pub parent_id: Option<Uuid>,
    /// How many cases are linked to this one as children (0 for almost every case, which
    /// then never looks its children up).
    pub child_count: i32,
    /// Why the case was cancelled (`duplicate`, `invalid`, `withdrawn`); `None` before issue #19.
    #[sea_orm(column_type = "String(StringLen::None)", nullable)]
    pub cancel_reason: Option<Wire<CancelReason>>,
    /// A cancellation waiting for a supervisor's approval: when, by whom, why.
    pub cancel_requested_at: Option<DateTimeUtc>,
    pub cancel_requested_by: Option<Uuid>,
    #[sea_orm(column_type = "String(StringLen::None)", nullable)]
    pub cancel_request_reason: Option<Wire<CancelReason>>,
    #[sea_orm(column_type = "Text", nullable)]
    pub cancel_request_note: Option<String>,
    pub cancel_request_duplicate_of: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
