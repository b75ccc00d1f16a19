//! The `resident_accounts` table: one login per customer, with its pending activation code.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "resident_accounts")]
pub struct Model {
    /// The `resident` user this account logs in as.
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    pub customer_id: Uuid,
    /// Canonical login phone number; also the user's username.
    pub phone: String,
    /// argon2 hash of the pending activation code; `None` once used.
    pub code_hash: Option<String>,
    pub code_expires_at: Option<DateTimeUtc>,
    pub code_issued_at: Option<DateTimeUtc>,
    pub code_issued_by: Option<Uuid>,
    pub activated_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
