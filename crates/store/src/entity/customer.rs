use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "customers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    /// JSON array of strings.
    pub tags: String,
    pub notes: String,
    /// Lower-cased name, phones and rooms, for `q` lookups.
    pub search_text: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
    /// The household's move-in date (入住日期).
    pub move_in_on: Option<Date>,
    /// People living in the household (常住人数), ≥ 0.
    pub household_size: Option<i32>,
    pub emergency_contact_name: Option<String>,
    /// Normalised like the customer's own phones.
    pub emergency_contact_phone: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
