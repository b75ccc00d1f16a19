use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "api_keys")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    /// The first characters of the key, shown in listings to recognise it.
    pub prefix: String,
    /// SHA-256 of the whole key (keys are long random strings, so a fast hash suffices).
    pub key_hash: String,
    /// JSON array of scope names.
    #[sea_orm(column_type = "Text")]
    pub scopes: String,
    pub project_id: Option<Uuid>,
    pub expires_at: Option<DateTimeUtc>,
    pub revoked_at: Option<DateTimeUtc>,
    pub last_used_at: Option<DateTimeUtc>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
