//! Customers (业主档案) and how they relate to a property.

crate::wire_enum! {
    /// How a customer relates to a property.
    pub enum Relation {
        Owner => "owner",
        Tenant => "tenant",
        Family => "family",
    }
}
