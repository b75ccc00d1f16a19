//! Who called: the registration's customer, given by id, matched by phone among the customers
//! the actor sees, or created from the caller's name and phone.

use huiyin_domain::customer::Relation;
use huiyin_domain::phone::Phone;
use sea_orm::{ColumnTrait, ConnectionTrait};
use uuid::Uuid;

use crate::customers::{self, CreateCustomer, CustomerPropertyInput};
use crate::entity::{customer, property};
use crate::{Actor, StoreError, StoreResult};

/// A caller not yet in the archive; matched to an existing customer by phone, or created.
#[derive(Debug, Clone)]
pub struct InlineCustomer {
    pub name: String,
    pub phone: String,
}

/// Who the registration names as its caller: a known customer, or a name and phone.
pub(super) struct Caller<'a> {
    pub customer_id: Option<Uuid>,
    pub customer: Option<&'a InlineCustomer>,
    /// The case's project, for a customer created without a property.
    pub project_id: Option<Uuid>,
}

/// The customer, the phones for the case's search text, and all their phones (for the answer).
pub(super) type Resolved = (customer::Model, Vec<String>, Vec<String>);

pub(super) async fn resolve_customer(
    db: &impl ConnectionTrait,
    actor: &Actor,
    input: Caller<'_>,
    property: Option<&property::Model>,
) -> StoreResult<Option<Resolved>> {
    match (input.customer_id, input.customer) {
        (Some(_), Some(_)) => Err(StoreError::invalid(
            "customer",
            "give either customer_id or customer, not both",
        )),
        (Some(id), None) => {
            let record = customers::get(db, actor, id).await.map_err(|e| match e {
                StoreError::NotFound => StoreError::invalid("customer_id", "no such customer"),
                other => other,
            })?;
            Ok(Some((record.customer, record.phones.clone(), record.phones)))
        }
        (None, Some(inline)) => {
            let phone = Phone::parse(&inline.phone)
                .map_err(|e| StoreError::invalid("customer.phone", e.to_string()))?
                .into_string();
            if let Some((found, all)) = known_caller(db, actor, &phone).await? {
                return Ok(Some((found, vec![phone], all)));
            }
            let record = customers::create_in(
                db,
                actor,
                CreateCustomer {
                    name: inline.name.clone(),
                    phones: vec![phone],
                    properties: property
                        .map(|p| CustomerPropertyInput {
                            property_id: p.id,
                            relation: Relation::Owner,
                        })
                        .into_iter()
                        .collect(),
                    tags: vec![],
                    notes: None,
                    project_id: property.map(|p| p.project_id).or(input.project_id),
                    ..Default::default()
                },
            )
            .await
            .map_err(|e| match e {
                StoreError::Invalid { field, message } => StoreError::Invalid {
                    field: format!("customer.{field}"),
                    message,
                },
                other => other,
            })?;
            Ok(Some((record.customer, record.phones.clone(), record.phones)))
        }
        (None, None) => Ok(None),
    }
}

/// The customer the actor sees one of whose phones is `phone` (never another project's
/// customer, issue #21), with all their phones in order: one statement.
async fn known_caller(
    db: &impl ConnectionTrait,
    actor: &Actor,
    phone: &str,
) -> StoreResult<Option<(customer::Model, Vec<String>)>> {
    let by_phone = sea_orm::Condition::all()
        .add(customer::Column::Id.in_subquery(crate::search::phone_owners(phone)))
        .add_option(customers::scope::condition(actor));
    super::query::customer_with_phones(db, by_phone).await
}
