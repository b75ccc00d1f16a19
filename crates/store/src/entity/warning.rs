use huiyin_domain::warning::WarningRule;
use sea_orm::entity::prelude::*;

use crate::wire::Wire;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "warnings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(column_type = "String(StringLen::None)")]
    pub rule: Wire<WarningRule>,
    pub subject_key: String,
    pub project_id: Option<Uuid>,
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub detail: String,
    /// JSON array of the case ids behind the warning.
    #[sea_orm(column_type = "Text")]
    pub case_ids: String,
    pub fired_at: DateTimeUtc,
    pub acknowledged_at: Option<DateTimeUtc>,
    pub acknowledged_by: Option<Uuid>,
    #[sea_orm(column_type = "Text", nullable)]
    pub ack_note: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
