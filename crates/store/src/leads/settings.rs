//! The decoration company's settings: season, dispatch caps, warranty, extra works stages.

use huiyin_domain::decoration::dispatch::{Caps, Season};
use huiyin_domain::decoration::works::is_stage_name;
use sea_orm::ConnectionTrait;
use serde::{Deserialize, Serialize};

use crate::{settings, StoreError, StoreResult};

pub const KEY: &str = "decoration";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DecorationSettings {
    pub season: Season,
    pub caps: Caps,
    /// Years of warranty after completion acceptance.
    pub warranty_years: u32,
    /// Stages added between material arrival and mid-construction (snake_case names).
    pub extra_stages: Vec<String>,
    /// Days after a stage starts by which its visit is due.
    pub stage_visit_days: u32,
}

impl Default for DecorationSettings {
    fn default() -> Self {
        DecorationSettings {
            season: Season::Off,
            caps: Caps::default(),
            warranty_years: 2,
            extra_stages: vec![],
            stage_visit_days: 2,
        }
    }
}

impl DecorationSettings {
    pub fn check(&self) -> StoreResult<()> {
        let caps = &self.caps;
        for (field, value) in [
            ("caps.daily", caps.daily),
            ("caps.weekly", caps.weekly),
            ("caps.in_hand_off", caps.in_hand_off),
            ("caps.in_hand_peak", caps.in_hand_peak),
        ] {
            if !(1..=100).contains(&value) {
                return Err(StoreError::invalid(field, "must be between 1 and 100"));
            }
        }
        if !(1..=10).contains(&self.warranty_years) {
            return Err(StoreError::invalid("warranty_years", "must be between 1 and 10"));
        }
        if !(1..=30).contains(&self.stage_visit_days) {
            return Err(StoreError::invalid("stage_visit_days", "must be between 1 and 30"));
        }
        if self.extra_stages.len() > 10 {
            return Err(StoreError::invalid("extra_stages", "at most 10 extra stages"));
        }
        for (i, name) in self.extra_stages.iter().enumerate() {
            if !is_stage_name(name) {
                return Err(StoreError::invalid(
                    format!("extra_stages[{i}]"),
                    "a stage is a snake_case name of 2-40 characters",
                ));
            }
        }
        Ok(())
    }
}

pub async fn get(db: &impl ConnectionTrait) -> StoreResult<(DecorationSettings, i32)> {
    settings::get(db, KEY).await
}

pub async fn put(db: &impl ConnectionTrait, value: &DecorationSettings, expected_version: i32) -> StoreResult<i32> {
    value.check()?;
    settings::put(db, KEY, value, expected_version).await
}
