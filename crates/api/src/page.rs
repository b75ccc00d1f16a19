//! Cursor-paginated list responses.

use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Items per page, 1..=200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    /// `next_cursor` from the previous page.
    pub cursor: Option<String>,
}

/// Declares `$name { items: Vec<$item>, next_cursor }` with its OpenAPI schema.
#[macro_export]
macro_rules! list_response {
    ($name:ident, $item:ty) => {
        #[derive(Debug, serde::Serialize, utoipa::ToSchema)]
        pub struct $name {
            pub items: Vec<$item>,
            /// Pass as `cursor` to get the next page; `null` on the last page.
            pub next_cursor: Option<String>,
        }

        impl<M> From<huiyin_store::page::Page<M>> for $name
        where
            $item: From<M>,
        {
            fn from(page: huiyin_store::page::Page<M>) -> Self {
                $name {
                    items: page.items.into_iter().map(<$item>::from).collect(),
                    next_cursor: page.next_cursor,
                }
            }
        }
    };
}
