//! sea-orm entities, one per table; the schema itself is defined by the migrations crate.

pub mod api_key;
pub mod area;
pub mod attachment;
pub mod audit_entry;
pub mod case;
pub mod case_event;
pub mod category;
pub mod customer;
pub mod customer_phone;
pub mod customer_property;
pub mod department;
pub mod idempotency_key;
pub mod job;
pub mod project;
pub mod property;
pub mod refresh_token;
pub mod user;
pub mod user_project;
pub mod visit;
pub mod work_order;
