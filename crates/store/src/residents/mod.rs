//! Residents (业主 / 住户) and the mobile app: resident logins with one-time activation codes,
//! the resident's own properties, and their own cases — reported, followed, rated and withdrawn
//! through the same case code paths staff use, seen only through the resident's scope.

pub mod account;
pub mod accounts;
pub mod cases;
pub mod changes;
pub mod properties;
