use huiyin_domain::case::Satisfaction;
use sea_orm::entity::prelude::*;

use crate::wire::Wire;

/// A stage visit or an aftercare visit (`stage` = `aftercare`): scheduled, then done.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "works_visits")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub works_id: Uuid,
    pub stage: String,
    pub due_at: DateTimeUtc,
    pub done_at: Option<DateTimeUtc>,
    pub visitor_id: Option<Uuid>,
    #[sea_orm(column_type = "String(StringLen::None)", nullable)]
    pub satisfaction: Option<Wire<Satisfaction>>,
    pub inspector_present: Option<bool>,
    pub briefing_clear: Option<bool>,
    #[sea_orm(column_type = "String(StringLen::None)", nullable)]
    pub designer_satisfaction: Option<Wire<Satisfaction>>,
    #[sea_orm(column_type = "Text", nullable)]
    pub issues: Option<String>,
    pub case_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
