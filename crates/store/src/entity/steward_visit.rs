use huiyin_domain::steward::StewardVisitPurpose;
use sea_orm::entity::prelude::*;

use crate::wire::Wire;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "steward_visits")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub project_id: Uuid,
    pub area_id: Uuid,
    pub property_id: Uuid,
    pub customer_id: Option<Uuid>,
    /// Who made the visit.
    pub steward_id: Uuid,
    #[sea_orm(column_type = "String(StringLen::None)")]
    pub purpose: Wire<StewardVisitPurpose>,
    pub reached: bool,
    #[sea_orm(column_type = "Text", nullable)]
    pub opinions: Option<String>,
    pub visited_at: DateTimeUtc,
    /// The Beijing month of `visited_at`, `YYYY-MM`.
    pub month: String,
    /// The case raised from the visit's opinion, if any.
    pub case_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
