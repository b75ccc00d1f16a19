//! The customer-archive request bodies and query.

use chrono::NaiveDate;
use huiyin_domain::customer::Relation;
use huiyin_store::customers::{self, household};
use serde::{Deserialize, Deserializer, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// For PATCH fields: absent → `None` (unchanged), `null` → `Some(None)` (cleared).
fn present<'de, T, D>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// Someone to call when the customer cannot be reached (紧急联系人).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmergencyContact {
    #[schema(example = "王小明")]
    pub name: String,
    /// Any common notation on input; normalised on output, masked like the customer's phones.
    #[schema(example = "13900139000")]
    pub phone: String,
}

impl From<EmergencyContact> for household::EmergencyContact {
    fn from(c: EmergencyContact) -> Self {
        household::EmergencyContact {
            name: c.name,
            phone: c.phone,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomerPropertyInput {
    pub property_id: Uuid,
    pub relation: Relation,
}

impl From<CustomerPropertyInput> for customers::CustomerPropertyInput {
    fn from(p: CustomerPropertyInput) -> Self {
        customers::CustomerPropertyInput {
            property_id: p.property_id,
            relation: p.relation,
        }
    }
}

fn properties(given: Vec<CustomerPropertyInput>) -> Vec<customers::CustomerPropertyInput> {
    given.into_iter().map(Into::into).collect()
}

#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateCustomer {
    #[schema(example = "王建国")]
    pub name: String,
    /// One or more phone numbers in any common notation; stored normalised.
    #[schema(example = json!(["138 0013 8000"]))]
    pub phones: Vec<String>,
    #[serde(default)]
    pub properties: Vec<CustomerPropertyInput>,
    /// Free labels such as `VIP`, `professional`, `investor`.
    #[serde(default)]
    #[schema(example = json!(["VIP"]))]
    pub tags: Vec<String>,
    pub notes: Option<String>,
    /// The project the customer is registered in (needed when no property is given and you
    /// work in several projects; a customer without a property is visible only there).
    #[serde(default)]
    pub project_id: Option<Uuid>,
    /// The household's move-in date (入住日期).
    #[serde(default)]
    pub move_in_on: Option<NaiveDate>,
    /// People living in the household, 0–99.
    #[serde(default)]
    #[schema(minimum = 0, maximum = 99)]
    pub household_size: Option<i32>,
    #[serde(default)]
    pub emergency_contact: Option<EmergencyContact>,
}

impl From<CreateCustomer> for customers::CreateCustomer {
    fn from(b: CreateCustomer) -> Self {
        customers::CreateCustomer {
            name: b.name,
            phones: b.phones,
            properties: properties(b.properties),
            tags: b.tags,
            notes: b.notes,
            project_id: b.project_id,
            move_in_on: b.move_in_on,
            household_size: b.household_size,
            emergency_contact: b.emergency_contact.map(Into::into),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateCustomer {
    pub name: Option<String>,
    pub phones: Option<Vec<String>>,
    pub properties: Option<Vec<CustomerPropertyInput>>,
    pub tags: Option<Vec<String>>,
    pub notes: Option<String>,
    /// Absent: unchanged; `null`: cleared.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<NaiveDate>)]
    pub move_in_on: Option<Option<NaiveDate>>,
    /// 0–99. Absent: unchanged; `null`: cleared.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<i32>, minimum = 0, maximum = 99)]
    pub household_size: Option<Option<i32>>,
    /// Absent: unchanged; `null`: cleared.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<EmergencyContact>)]
    pub emergency_contact: Option<Option<EmergencyContact>>,
}

impl From<UpdateCustomer> for customers::UpdateCustomer {
    fn from(b: UpdateCustomer) -> Self {
        customers::UpdateCustomer {
            name: b.name,
            phones: b.phones,
            properties: b.properties.map(properties),
            tags: b.tags,
            notes: b.notes,
            move_in_on: b.move_in_on,
            household_size: b.household_size,
            emergency_contact: b.emergency_contact.map(|c| c.map(Into::into)),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListCustomers {
    /// A phone number (any notation), part of a name, or a room such as `1201` or `3栋 2单元 1201`.
    pub q: Option<String>,
    pub property_id: Option<Uuid>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

impl From<ListCustomers> for customers::ListCustomers {
    fn from(q: ListCustomers) -> Self {
        customers::ListCustomers {
            q: q.q,
            property_id: q.property_id,
            limit: q.limit,
            cursor: q.cursor,
        }
    }
}
