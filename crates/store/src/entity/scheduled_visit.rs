use huiyin_domain::case::checks::ScheduledVisitStatus;
use huiyin_domain::case::checks::{VisitOutcome, VisitPurpose};
use sea_orm::entity::prelude::*;

use crate::wire::Wire;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "scheduled_visits")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub case_id: Uuid,
    pub project_id: Uuid,
    #[sea_orm(column_type = "String(StringLen::None)")]
    pub purpose: Wire<VisitPurpose>,
    pub due_at: DateTimeUtc,
    #[sea_orm(column_type = "String(StringLen::None)")]
    pub status: Wire<ScheduledVisitStatus>,
    pub notified_at: Option<DateTimeUtc>,
    pub done_at: Option<DateTimeUtc>,
    pub done_by: Option<Uuid>,
    pub reached: Option<bool>,
    #[sea_orm(column_type = "Text", nullable)]
    pub note: Option<String>,
    pub created_at: DateTimeUtc,
    pub assignee_id: Option<Uuid>,
    /// What the visit found (`huiyin_domain::case::checks::VisitOutcome`); set when it is done.
    #[sea_orm(column_type = "String(StringLen::None)", nullable)]
    pub outcome: Option<Wire<VisitOutcome>>,
    /// Tries made so far to reach the customer without success.
    pub attempts: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
