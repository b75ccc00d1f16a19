use huiyin_domain::steward::{NoticeKind, NoticeStatus};
use sea_orm::entity::prelude::*;

use crate::wire::Wire;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notices")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub project_id: Uuid,
    #[sea_orm(column_type = "String(StringLen::None)")]
    pub kind: Wire<NoticeKind>,
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub body: String,
    /// JSON array of building names; empty for the whole project.
    #[sea_orm(column_type = "Text")]
    pub buildings: String,
    #[sea_orm(column_type = "String(StringLen::None)")]
    pub status: Wire<NoticeStatus>,
    pub created_by: Uuid,
    pub published_at: Option<DateTimeUtc>,
    pub published_by: Option<Uuid>,
    pub withdrawn_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
