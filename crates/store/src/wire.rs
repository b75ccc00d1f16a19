//! Typed enum columns: a domain `wire_enum!` stored as its wire string. A stored value the code
//! does not know is an error naming the table's row (its `id`, `user_id` or composite key), never
//! a default.

use sea_orm::sea_query::{ArrayType, ColumnType, Nullable, StringLen, ValueType, ValueTypeErr};
use sea_orm::{ColIdx, DbErr, QueryResult, TryFromU64, TryGetError, TryGetable, Value};

/// A domain enum with one wire spelling per value.
pub trait WireEnum: Copy + Sized + std::fmt::Debug + PartialEq + 'static {
    const NAME: &'static str;
    fn wire(self) -> &'static str;
    fn from_wire(value: &str) -> Option<Self>;
}

/// Makes domain `wire_enum!` types storable as [`Wire`] columns.
macro_rules! wire_enums {
    ($($ty:path => $name:literal),+ $(,)?) => {
        $(impl WireEnum for $ty {
            const NAME: &'static str = $name;
            fn wire(self) -> &'static str { self.as_str() }
            fn from_wire(value: &str) -> Option<Self> { <$ty>::parse(value) }
        })+
    };
}

wire_enums! {
    huiyin_domain::decoration::lead::LeadSource => "lead source",
    huiyin_domain::decoration::lead::OrderSize => "order size",
    huiyin_domain::decoration::lead::LeadStatus => "lead status",
    huiyin_domain::decoration::lead::LossKind => "loss kind",
    huiyin_domain::decoration::lead::LossReason => "loss reason",
    huiyin_domain::decoration::lead::Intent => "intent",
    huiyin_domain::decoration::lead::FollowUpChannel => "follow-up channel",
    huiyin_domain::decoration::dispatch::DesignerLevel => "designer level",
    huiyin_domain::decoration::works::WorksStatus => "works status",
    huiyin_domain::decoration::works::StageStatus => "stage status",
    huiyin_domain::case::Satisfaction => "satisfaction",
    huiyin_domain::case::CaseKind => "case kind",
    huiyin_domain::case::Severity => "severity",
    huiyin_domain::case::Channel => "channel",
    huiyin_domain::case::CaseStatus => "case status",
    huiyin_domain::case::CancelReason => "cancel reason",
    huiyin_domain::case::Visibility => "visibility",
    huiyin_domain::case::WorkOrderStatus => "work order status",
    huiyin_domain::case::checks::VisitPurpose => "visit purpose",
    huiyin_domain::case::checks::VisitOutcome => "visit outcome",
    huiyin_domain::sla::escalation::Level => "level",
    huiyin_domain::role::Role => "role",
    huiyin_domain::warning::WarningRule => "warning rule",
    huiyin_domain::webhook::WebhookEvent => "webhook event",
    huiyin_domain::customer::Relation => "property relation",
    huiyin_domain::arrears::Stage => "arrears stage",
    huiyin_domain::arrears::ArrearsStatus => "arrears status",
    huiyin_domain::arrears::LegalDecision => "legal decision",
    huiyin_domain::arrears::ContactMethod => "contact method",
    huiyin_domain::arrears::ContactResult => "contact result",
    huiyin_domain::arrears::ContactReason => "contact reason",
    huiyin_domain::handover::Shift => "shift",
    huiyin_domain::handover::HandoverStatus => "handover status",
    huiyin_domain::steward::NoticeKind => "notice kind",
    huiyin_domain::steward::NoticeStatus => "notice status",
    huiyin_domain::steward::CheckpointKind => "checkpoint kind",
    huiyin_domain::steward::StewardVisitPurpose => "steward visit purpose",
    huiyin_domain::knowledge::ArticleStatus => "article status",
    huiyin_domain::knowledge::Field => "article field",
    huiyin_domain::case::checks::ScheduledVisitStatus => "scheduled visit status",
    huiyin_domain::webhook::DeliveryStatus => "delivery status",
    huiyin_domain::jobs::JobStatus => "job status",
    huiyin_domain::notification::NotificationKind => "notification kind",
}

/// A column holding `T`'s wire string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wire<T>(pub T);

impl<T: WireEnum> From<Wire<T>> for Value {
    fn from(value: Wire<T>) -> Self {
        Value::String(Some(Box::new(value.0.wire().to_owned())))
    }
}

/// The wire string, as the domain enum itself serializes (event payloads copy columns).
impl<T: WireEnum> serde::Serialize for Wire<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0.wire())
    }
}

impl<T: WireEnum> std::fmt::Display for Wire<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.wire())
    }
}

/// Needed for a wire column in a composite primary key; like `String`, never built from a number.
impl<T: WireEnum> TryFromU64 for Wire<T> {
    fn try_from_u64(_: u64) -> Result<Self, DbErr> {
        Err(DbErr::ConvertFromU64(T::NAME))
    }
}

/// The row's key: its `id` (`user_id` for per-user tables), else the uuid columns of a
/// composite key (`customer_properties`, `knowledge_terms`).
fn row_name(res: &QueryResult) -> String {
    let uuid = |column: &str| {
        res.try_get::<uuid::Uuid>("", column)
            .ok()
            .map(|id| format!("{column} {id}"))
    };
    if let Some(name) = ["id", "user_id"].into_iter().find_map(uuid) {
        return name;
    }
    let parts: Vec<String> = ["customer_id", "property_id", "article_id"]
        .into_iter()
        .filter_map(uuid)
        .collect();
    if parts.is_empty() {
        "an unidentified row".to_owned()
    } else {
        parts.join(", ")
    }
}

impl<T: WireEnum> TryGetable for Wire<T> {
    fn try_get_by<I: ColIdx>(res: &QueryResult, index: I) -> Result<Self, TryGetError> {
        let text = String::try_get_by(res, index)?;
        T::from_wire(&text).map(Wire).ok_or_else(|| {
            TryGetError::DbErr(DbErr::Type(format!(
                "unknown {} {text:?} stored in {}",
                T::NAME,
                row_name(res)
            )))
        })
    }
}

impl<T: WireEnum> ValueType for Wire<T> {
    fn try_from(v: Value) -> Result<Self, ValueTypeErr> {
        match v {
            Value::String(Some(text)) => T::from_wire(&text).map(Wire).ok_or(ValueTypeErr),
            _ => Err(ValueTypeErr),
        }
    }

    fn type_name() -> String {
        T::NAME.to_owned()
    }

    fn array_type() -> ArrayType {
        ArrayType::String
    }

    fn column_type() -> ColumnType {
        ColumnType::String(StringLen::None)
    }
}

impl<T: WireEnum> Nullable for Wire<T> {
    fn null() -> Value {
        Value::String(None)
    }
}
