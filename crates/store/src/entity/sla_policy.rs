use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sla_policies")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub kind: Option<String>,
    pub severity: Option<String>,
    pub verify_secs: i64,
    pub dispatch_secs: i64,
    pub resolve_secs: i64,
    pub reply_secs: i64,
    pub contact_check_secs: i64,
    pub outcome_check_secs: i64,
    pub satisfaction_visit_secs: i64,
    pub business_hours: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
