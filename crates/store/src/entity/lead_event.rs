use huiyin_domain::decoration::lead::FollowUpChannel;
use sea_orm::entity::prelude::*;

use crate::wire::Wire;

/// The lead's timeline: registration, follow-ups, dispatches, progress, loss and its confirmation.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "lead_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub lead_id: Uuid,
    pub actor_id: Option<Uuid>,
    pub action: String,
    #[sea_orm(column_type = "String(StringLen::None)", nullable)]
    pub channel: Option<Wire<FollowUpChannel>>,
    #[sea_orm(column_type = "Text", nullable)]
    pub note: Option<String>,
    pub next_on: Option<Date>,
    #[sea_orm(column_type = "Text")]
    pub payload: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
