//! A user account as the store hands it out: every column but the password hash.

use chrono::{DateTime, Utc};
use huiyin_domain::role::Role;
use uuid::Uuid;

use crate::entity::user;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserRecord {
    pub id: Uuid,
    pub username: String,
    pub display_name: String,
    pub phone: Option<String>,
    pub role: Role,
    pub department_id: Option<Uuid>,
    /// The customer a resident login belongs to; `None` for staff.
    pub customer_id: Option<Uuid>,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

impl From<user::Model> for UserRecord {
    fn from(m: user::Model) -> Self {
        UserRecord {
            id: m.id,
            username: m.username,
            display_name: m.display_name,
            phone: m.phone,
            role: m.role.0,
            department_id: m.department_id,
            customer_id: m.customer_id,
            active: m.active,
            created_at: m.created_at,
            updated_at: m.updated_at,
            version: m.version,
        }
    }
}
