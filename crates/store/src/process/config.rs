//! The process configuration as the cache holds it.

use std::collections::HashMap;

use huiyin_domain::case::process::ProcessSettings;
use huiyin_domain::case::routing::RoutingRule;
use uuid::Uuid;

/// Every project's saved settings (the others use the defaults) and every routing rule.
#[derive(Debug, Clone, Default)]
pub struct ProcessConfig {
    pub settings: HashMap<Uuid, ProcessSettings>,
    pub routing: Vec<RoutingRule>,
}

impl ProcessConfig {
    pub fn settings_of(&self, project_id: Uuid) -> ProcessSettings {
        self.settings.get(&project_id).copied().unwrap_or_default()
    }
}
