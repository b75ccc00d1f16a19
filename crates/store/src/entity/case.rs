use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cases")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub number: String,
    pub kind: String,
    pub channel: String,
    pub category_id: Option<Uuid>,
    pub severity: String,
    pub status: String,
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
    pub last_satisfaction: Option<String>,
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
    pub level: String,
    /// The highest level the case ever reached (statistics count escalations by it).
    pub peak_level: String,
    pub paused_at: Option<DateTimeUtc>,
    pub pause_reason: Option<String>,
    /// The knowledge article the inquiry was answered from when closed on the spot.
    pub answer_article_id: Option<Uuid>,
    /// The incident case this one follows (one incident, many callers).
    pub parent_id: Option<Uuid>,
    /// How many cases are linked to this one as children (0 for almost every case, which
    /// then never looks its children up).
    pub child_count: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
