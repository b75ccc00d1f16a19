//! The detail view of a case ([`CaseRecord`]) in two statements (issue #14): the case joined
//! with its customer, the customer's phones and its property; then its work orders, visits and
//! attachments in one `UNION ALL`. The category's name comes from the configuration cache; a
//! linked case adds its parent or children (`super::family`).

use sea_orm::sea_query::{Alias, Expr, IntoCondition, Query, SelectStatement, SimpleExpr, UnionType};
use sea_orm::{
    ColumnTrait, ColumnType, Condition, ConnectionTrait, EntityTrait, FromQueryResult, IdenStatic, Iterable, JoinType,
    QueryFilter, QueryOrder, QueryResult, QuerySelect, QueryTrait, Value,
};
use uuid::Uuid;

use super::{scope, AttachmentRecord, CaseRecord, CaseVisitRecord, WorkOrderRecord};
use crate::entity::{attachment, case, customer, customer_phone, property, visit, work_order};
use crate::{Actor, StoreError, StoreResult};

/// The detail view of a case the actor may see (NotFound otherwise).
#[tracing::instrument(name = "cases::get", target = "huiyin::store", level = "debug", skip_all, fields(case_id = %id))]
pub async fn get(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<CaseRecord> {
    let condition = Condition::all()
        .add(case::Column::Id.eq(id))
        .add(scope::condition(actor));
    let rows = with_names(db, condition, true).await?;
    let first = rows.first().ok_or(StoreError::NotFound)?;
    let found = case::Model::from_query_result(first, "")?;
    finish(db, found, &rows).await
}

/// The detail view of `found`, a case the caller has just read or written (not read again).
pub async fn record(db: &impl ConnectionTrait, found: case::Model) -> StoreResult<CaseRecord> {
    let rows = with_names(db, case::Column::Id.eq(found.id), false).await?;
    finish(db, found, &rows).await
}

async fn finish(db: &impl ConnectionTrait, found: case::Model, rows: &[QueryResult]) -> StoreResult<CaseRecord> {
    let mut customer_phones = Vec::with_capacity(rows.len());
    for row in rows {
        if let Some(phone) = row.try_get::<Option<String>>("", "customer_phone")? {
            customer_phones.push(phone);
        }
    }
    let (customer_name, property_label) = match rows.first() {
        Some(row) => (
            row.try_get::<Option<String>>("", "customer_name")?,
            row.try_get::<Option<String>>("", "property_building")?
                .map(|building| -> StoreResult<String> {
                    let unit: String = row.try_get("", "property_unit")?;
                    let room: String = row.try_get("", "property_room")?;
                    Ok(format!("{building} {unit} {room}"))
                })
                .transpose()?,
        ),
        None => (None, None),
    };
    let category_name = match found.category_id {
        // From the configuration cache (`crate::cache`).
        Some(id) => crate::cache::categories(|| crate::categories::list(db))
            .await?
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.clone()),
        None => None,
    };
    let (work_orders, visits, attachments) = children(db, found.id).await?;
    let (parent, children) = super::family::of(db, &found).await?;
    Ok(CaseRecord {
        case: found,
        customer_name,
        customer_phones,
        property_label,
        category_name,
        work_orders,
        visits,
        attachments,
        parent,
        children,
    })
}

/// The case (its columns when `case_columns`) with its customer's name, each of the customer's
/// phones in order (one row each; one row without phones) and its property's building, unit
/// and room: one statement.
async fn with_names(
    db: &impl ConnectionTrait,
    condition: impl IntoCondition,
    case_columns: bool,
) -> StoreResult<Vec<QueryResult>> {
    let customer = case::Entity::belongs_to(customer::Entity)
        .from(case::Column::CustomerId)
        .to(customer::Column::Id)
        .into();
    let phones = customer_phone::Entity::belongs_to(customer::Entity)
        .from(customer_phone::Column::CustomerId)
        .to(customer::Column::Id)
        .into();
    let property = case::Entity::belongs_to(property::Entity)
        .from(case::Column::PropertyId)
        .to(property::Column::Id)
        .into();
    let mut select = case::Entity::find();
    if !case_columns {
        select = select.select_only();
    }
    let select = select
        .column_as(customer::Column::Name, "customer_name")
        .column_as(customer_phone::Column::Phone, "customer_phone")
        .column_as(property::Column::Building, "property_building")
        .column_as(property::Column::Unit, "property_unit")
        .column_as(property::Column::Room, "property_room")
        .join(JoinType::LeftJoin, customer)
        .join_rev(JoinType::LeftJoin, phones)
        .join(JoinType::LeftJoin, property)
        .filter(condition)
        .order_by_asc(customer_phone::Column::Position);
    Ok(db.query_all(select.build(db.get_database_backend())).await?)
}

/// The case's work orders (by sequence), visits and attachments (oldest first): one statement,
/// a `UNION ALL` whose rows carry each table's columns under its prefix (`w_`, `v_`, `a_`,
/// typed NULLs elsewhere) and `src`, the prefix of the row's own table.
async fn children(
    db: &impl ConnectionTrait,
    case_id: Uuid,
) -> StoreResult<(Vec<WorkOrderRecord>, Vec<CaseVisitRecord>, Vec<AttachmentRecord>)> {
    let parts = [
        Part::of(work_order::Entity, "w_"),
        Part::of(visit::Entity, "v_"),
        Part::of(attachment::Entity, "a_"),
    ];
    let mut selects = parts.iter().map(|own| own.select(&parts, case_id));
    let mut union = selects.next().unwrap_or_else(Query::select);
    for select in selects {
        union.union(UnionType::All, select);
    }
    let rows = db.query_all(db.get_database_backend().build(&union)).await?;
    let (mut orders, mut visits, mut attachments) = (Vec::new(), Vec::new(), Vec::new());
    for row in &rows {
        match row.try_get::<String>("", "src")?.as_str() {
            "w_" => orders.push(work_order::Model::from_query_result(row, "w_")?),
            "v_" => visits.push(visit::Model::from_query_result(row, "v_")?),
            _ => attachments.push(attachment::Model::from_query_result(row, "a_")?),
        }
    }
    orders.sort_by_key(|o| o.sequence);
    visits.sort_by_key(|v| v.id);
    attachments.sort_by_key(|a| a.id);
    Ok((
        orders.into_iter().map(WorkOrderRecord::from).collect(),
        visits.into_iter().map(CaseVisitRecord::from).collect(),
        attachments.into_iter().map(AttachmentRecord::from).collect(),
    ))
}

/// One table of [`children`]: its name, the prefix of its columns, each column with its type.
struct Part {
    table: String,
    prefix: &'static str,
    columns: Vec<(String, ColumnType)>,
}

impl Part {
    fn of<E: EntityTrait>(entity: E, prefix: &'static str) -> Part {
        let columns = E::Column::iter()
            .map(|c| (c.as_str().to_owned(), c.def().get_column_type().clone()))
            .collect();
        Part {
            table: entity.table_name().to_owned(),
            prefix,
            columns,
        }
    }

    /// This table's rows of the case, with every part's columns (NULL but this table's).
    fn select(&self, parts: &[Part], case_id: Uuid) -> SelectStatement {
        let table = Alias::new(&self.table);
        let mut select = Query::select();
        select.expr_as(Expr::val(self.prefix), Alias::new("src"));
        for part in parts {
            for (name, column_type) in &part.columns {
                let value = match part.prefix == self.prefix {
                    true => Expr::col((table.clone(), Alias::new(name))).into(),
                    false => null_of(column_type),
                };
                select.expr_as(value, Alias::new(format!("{}{name}", part.prefix)));
            }
        }
        select
            .from(table.clone())
            .and_where(Expr::col((table, Alias::new("case_id"))).eq(case_id));
        select
    }
}

/// A NULL of the column's type (PostgreSQL resolves a `UNION`'s column types pairwise: an
/// untyped NULL in two branches would be text).
fn null_of(column_type: &ColumnType) -> SimpleExpr {
    let value = match column_type {
        ColumnType::Uuid => Value::Uuid(None),
        ColumnType::Integer => Value::Int(None),
        ColumnType::BigInteger => Value::BigInt(None),
        ColumnType::Boolean => Value::Bool(None),
        ColumnType::TimestampWithTimeZone | ColumnType::DateTime | ColumnType::Timestamp => {
            Value::ChronoDateTimeUtc(None)
        }
        _ => Value::String(None),
    };
    Expr::val(value).into()
}
