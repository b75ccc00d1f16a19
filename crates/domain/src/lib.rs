//! Huiyin's business rules as plain types and functions.
//!
//! Nothing here performs I/O: the store and the API call into these rules, so
//! every decision (may this transition happen? may this role do that? is this
//! the same phone number?) can be unit-tested without a database.

pub mod api_key;
pub mod arrears;
pub mod attachment;
pub mod calendar;
pub mod case;
pub mod customer;
pub mod decoration;
pub mod handover;
pub mod jobs;
pub mod knowledge;
pub mod money;
pub mod network;
pub mod notification;
pub mod password;
pub mod permission;
pub mod phone;
pub mod reply_template;
pub mod resident;
pub mod role;
pub mod sla;
pub mod spreadsheet;
pub mod stats;
pub mod steward;
pub mod time;
pub mod warning;
pub mod webhook;

/// Adds the OpenAPI schema derive to an item when this crate is built with its `openapi`
/// feature (the API crate turns it on; the store and the domain alone build without utoipa).
/// Decided where the domain is compiled, so `wire_enum!` used in another crate follows it too.
#[cfg(feature = "openapi")]
#[doc(hidden)]
#[macro_export]
macro_rules! __with_openapi_schema {
    ($item:item) => {
        #[derive(utoipa::ToSchema)]
        $item
    };
}

#[cfg(not(feature = "openapi"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __with_openapi_schema {
    ($item:item) => {
        $item
    };
}

/// Implements `as_str`, `parse`, `ALL` and `Display` for a fieldless enum whose
/// wire form is a fixed snake_case string, so SQL, JSON and Rust agree on one
/// spelling per value.
#[macro_export]
macro_rules! wire_enum {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($(#[$vmeta:meta])* $variant:ident => $wire:literal),+ $(,)? }) => {
        $crate::__with_openapi_schema! {
            $(#[$meta])*
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
            #[serde(rename_all = "snake_case")]
            $vis enum $name { $($(#[$vmeta])* #[serde(rename = $wire)] $variant),+ }
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire),+ }
            }

            /// Parses the wire spelling; `None` for anything else.
            pub fn parse(value: &str) -> Option<Self> {
                match value { $($wire => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
