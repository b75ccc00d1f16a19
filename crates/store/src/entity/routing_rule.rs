use huiyin_domain::case::{CaseKind, Severity};
use sea_orm::entity::prelude::*;

use crate::wire::Wire;

/// A routing rule (`routing_rules`): which department a category's cases go to (issue #19).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "routing_rules")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// `None`: every project.
    pub project_id: Option<Uuid>,
    pub category_id: Uuid,
    pub kind: Option<Wire<CaseKind>>,
    pub severity: Option<Wire<Severity>>,
    pub department_id: Uuid,
    pub auto_dispatch: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
