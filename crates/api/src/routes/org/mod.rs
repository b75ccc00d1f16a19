//! Organisation endpoints: projects, areas, properties (with CSV import), departments, users.

pub mod areas;
pub mod departments;
pub mod projects;
pub mod properties;
pub mod users;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    projects::configure(cfg);
    areas::configure(cfg);
    properties::configure(cfg);
    departments::configure(cfg);
    users::configure(cfg);
}
