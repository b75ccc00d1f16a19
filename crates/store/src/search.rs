//! Free-text search that cannot be turned into an oracle: LIKE wildcards in the caller's text
//! are matched literally, and callers without the PII permission never match digits of a phone
//! number they are not shown (a masked `134****9121` must not be recoverable position by
//! position with `q=1340___9121`). They match names, titles, numbers and rooms, or a phone
//! number typed in full.

use huiyin_domain::permission::Permission;
use huiyin_domain::phone::Phone;
use sea_orm::sea_query::{Expr, Func, LikeExpr, Query, SimpleExpr};
use sea_orm::{ColumnTrait, Condition};

use crate::entity::{case, customer, customer_phone};
use crate::Actor;

/// The escape character of every pattern built here.
const ESCAPE: char = '\\';

/// `text` with `\`, `%` and `_` escaped for a LIKE pattern using [`ESCAPE`].
pub fn escape_like(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '%' | '_') {
            out.push(ESCAPE);
        }
        out.push(c);
    }
    out
}

/// A LIKE pattern matching `text` anywhere, literally.
pub fn contains(text: &str) -> LikeExpr {
    LikeExpr::new(format!("%{}%", escape_like(text))).escape(ESCAPE)
}

/// `lower(column) LIKE '%text%'` (text lower-cased), literally.
pub fn lower_contains(column: impl sea_orm::sea_query::IntoColumnRef, text: &str) -> SimpleExpr {
    Expr::expr(Func::lower(Expr::col(column))).like(contains(&text.to_lowercase()))
}

/// A whole phone number in `q`, if that is what it is (the caller knows it already); it is
/// matched exactly, never as part of a longer number.
pub fn whole_phone(q: &str) -> Option<String> {
    Phone::parse(q).ok().map(Phone::into_string)
}

/// Whether `actor` searches with the phone numbers in view.
pub fn sees_pii(actor: &Actor) -> bool {
    actor.may(Permission::PiiView)
}

/// The case search for `/cases?q=`: the whole search text for callers who see phone numbers;
/// for the others number, title, description and customer name — and a phone only typed in full.
pub fn cases(actor: &Actor, q: &str) -> Condition {
    let q: String = q.chars().take(100).collect::<String>().to_lowercase();
    if sees_pii(actor) {
        let mut any = Condition::any().add(case::Column::SearchText.like(contains(&q)));
        if let Ok(phone) = Phone::parse(&q) {
            any = any.add(case::Column::SearchText.like(contains(phone.as_str())));
        }
        return any;
    }
    let named = Query::select()
        .column(customer::Column::Id)
        .from(customer::Entity)
        .and_where(lower_contains((customer::Entity, customer::Column::Name), &q))
        .to_owned();
    let mut any = Condition::any()
        .add(lower_contains((case::Entity, case::Column::Number), &q))
        .add(lower_contains((case::Entity, case::Column::Title), &q))
        .add(lower_contains((case::Entity, case::Column::Description), &q))
        .add(case::Column::CustomerId.in_subquery(named));
    if let Some(phone) = whole_phone(&q) {
        any = any.add(case::Column::CustomerId.in_subquery(phone_owners(&phone)));
    }
    any
}

/// The customers with exactly this (normalised) phone number.
pub fn phone_owners(phone: &str) -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .column(customer_phone::Column::CustomerId)
        .from(customer_phone::Entity)
        .and_where(customer_phone::Column::Phone.eq(phone))
        .to_owned()
}

/// Whether a search text could probe phone digits (worth an audit entry): four digits or more.
pub fn probes_digits(q: &str) -> bool {
    q.chars().filter(char::is_ascii_digit).count() >= 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_are_escaped() {
        assert_eq!(escape_like("1340___9121"), "1340\\_\\_\\_9121");
        assert_eq!(escape_like("50%"), "50\\%");
        assert_eq!(escape_like("a\\b"), "a\\\\b");
        assert_eq!(escape_like("王建国 1201"), "王建国 1201");
    }

    #[test]
    fn whole_phones_only() {
        assert_eq!(whole_phone("138 0013 8000").as_deref(), Some("13800138000"));
        assert_eq!(whole_phone("1340___9121"), None);
        assert_eq!(whole_phone("9121"), None);
        assert!(probes_digits("1340___9121"));
        assert!(!probes_digits("王建国"));
    }
}
