use huiyin_domain::arrears::{ContactMethod, ContactReason, ContactResult};
use sea_orm::entity::prelude::*;

use crate::wire::Wire;

/// One contact with a customer about an arrears (催费记录); never edited.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "arrears_contacts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub arrears_id: Uuid,
    #[sea_orm(column_type = "String(StringLen::None)")]
    pub method: Wire<ContactMethod>,
    #[sea_orm(column_type = "String(StringLen::None)")]
    pub result: Wire<ContactResult>,
    #[sea_orm(column_type = "String(StringLen::None)", nullable)]
    pub reason: Option<Wire<ContactReason>>,
    #[sea_orm(column_type = "Text", nullable)]
    pub note: Option<String>,
    pub promised_on: Option<Date>,
    pub case_id: Option<Uuid>,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
