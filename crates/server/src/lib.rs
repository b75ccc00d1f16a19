//! The Huiyin server: configuration, start-up, the built SPA, first-run bootstrap.

pub mod bootstrap;
pub mod config;
pub mod deliveries;
pub mod seed;
pub mod spa;
pub mod startup;
pub mod telemetry;
pub mod worker;

pub use config::Settings;
pub use startup::Application;
