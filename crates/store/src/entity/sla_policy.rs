use huiyin_domain::case::{CaseKind, Severity};
use sea_orm::entity::prelude::*;

use crate::wire::Wire;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sla_policies")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(column_type = "String(StringLen::None)", nullable)]
    pub kind: Option<Wire<CaseKind>>,
    #[sea_orm(column_type = "String(StringLen::None)", nullable)]
    pub severity: Option<Wire<Severity>>,
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
