//! The customer archive (业主档案): people, their phone numbers (normalised) and the
//! properties they own, rent or live in.
//!
//! A customer belongs to the projects of their properties, of their cases and of the projects
//! they were registered in (`customer_projects`); staff see only their projects' customers
//! ([`scope`]). A phone number has one owner among the customers one user can see: a caller of
//! project B whose number is on a project-A record gets a record of their own in B.

pub mod household;
mod list;
pub mod scope;

pub use household::EmergencyContact;
pub use list::list;
pub use scope::{find_visible_by_phone, link_project, link_project_statement};

use std::collections::HashMap;

use chrono::NaiveDate;
use huiyin_domain::customer::Relation;
use huiyin_domain::phone::Phone;
use huiyin_domain::time::business_day;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
};
use uuid::Uuid;

use crate::entity::{customer, customer_phone, customer_property, property};
use crate::validate::{bounded, required, version_matches};
use crate::{new_id, now, Actor, StoreError, StoreResult};

/// A property of a customer and how they relate to it.
#[derive(Debug, Clone)]
pub struct CustomerPropertyInput {
    pub property_id: Uuid,
    pub relation: Relation,
}

/// A new customer.
#[derive(Debug, Clone, Default)]
pub struct CreateCustomer {
    pub name: String,
    /// One or more phone numbers in any common notation; stored normalised.
    pub phones: Vec<String>,
    pub properties: Vec<CustomerPropertyInput>,
    /// Free labels such as `VIP`.
    pub tags: Vec<String>,
    pub notes: Option<String>,
    /// The project the customer is registered in (needed when no property is given and the
    /// actor works in several projects).
    pub project_id: Option<Uuid>,
    /// The household's move-in date (入住日期).
    pub move_in_on: Option<NaiveDate>,
    /// People living in the household, 0–99.
    pub household_size: Option<i32>,
    pub emergency_contact: Option<EmergencyContact>,
}

/// The fields of a customer to change; `None` keeps the stored value, and for the household
/// facts `Some(None)` clears it.
#[derive(Debug, Clone, Default)]
pub struct UpdateCustomer {
    pub name: Option<String>,
    pub phones: Option<Vec<String>>,
    pub properties: Option<Vec<CustomerPropertyInput>>,
    pub tags: Option<Vec<String>>,
    pub notes: Option<String>,
    pub move_in_on: Option<Option<NaiveDate>>,
    pub household_size: Option<Option<i32>>,
    pub emergency_contact: Option<Option<EmergencyContact>>,
}

impl UpdateCustomer {
    fn household(&self) -> household::HouseholdChange {
        household::HouseholdChange {
            move_in_on: self.move_in_on,
            household_size: self.household_size,
            emergency_contact: self.emergency_contact.clone(),
        }
    }
}

/// Which customers to list, and which page.
#[derive(Debug, Clone, Default)]
pub struct ListCustomers {
    /// A phone number (any notation), part of a name, or a room such as `1201`.
    pub q: Option<String>,
    pub property_id: Option<Uuid>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// A customer with phones and properties.
#[derive(Debug, Clone)]
pub struct CustomerRecord {
    pub customer: customer::Model,
    pub phones: Vec<String>,
    pub properties: Vec<(Relation, property::Model)>,
}

pub fn property_label(p: &property::Model) -> String {
    format!("{} {} {}", p.building, p.unit, p.room)
}

fn normalise_phones(raw: &[String]) -> StoreResult<Vec<String>> {
    if raw.is_empty() {
        return Err(StoreError::invalid("phones", "at least one phone number is required"));
    }
    if raw.len() > 10 {
        return Err(StoreError::invalid("phones", "at most 10 phone numbers"));
    }
    let mut phones = Vec::with_capacity(raw.len());
    for (i, p) in raw.iter().enumerate() {
        let phone = Phone::parse(p)
            .map_err(|e| StoreError::invalid(format!("phones[{i}]"), e.to_string()))?
            .into_string();
        if !phones.contains(&phone) {
            phones.push(phone);
        }
    }
    Ok(phones)
}

fn clean_tags(tags: &[String]) -> StoreResult<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for (i, tag) in tags.iter().enumerate() {
        let tag = required(&format!("tags[{i}]"), tag, 30)?;
        if !out.contains(&tag) {
            out.push(tag);
        }
    }
    if out.len() > 20 {
        return Err(StoreError::invalid("tags", "at most 20 tags"));
    }
    Ok(out)
}

async fn load_properties(
    db: &impl ConnectionTrait,
    actor: &Actor,
    inputs: &[CustomerPropertyInput],
) -> StoreResult<Vec<(Relation, property::Model)>> {
    let mut out = Vec::with_capacity(inputs.len());
    for (i, input) in inputs.iter().enumerate() {
        let found = property::Entity::find_by_id(input.property_id).one(db).await?;
        match found {
            Some(p) if actor.sees_project(p.project_id) => {
                if !out.iter().any(|(_, q): &(Relation, property::Model)| q.id == p.id) {
                    out.push((input.relation, p));
                }
            }
            _ => {
                return Err(StoreError::invalid(
                    format!("properties[{i}].property_id"),
                    "no such property",
                ))
            }
        }
    }
    Ok(out)
}

fn search_text(name: &str, phones: &[String], properties: &[(Relation, property::Model)]) -> String {
    let mut text = name.to_lowercase();
    for phone in phones {
        text.push(' ');
        text.push_str(phone);
    }
    for (_, p) in properties {
        text.push_str(
            &format!(
                " {} {}{}{} {}-{}-{}",
                property_label(p),
                p.building,
                p.unit,
                p.room,
                p.building,
                p.unit,
                p.room
            )
            .to_lowercase(),
        );
    }
    text
}

async fn write_links(
    db: &impl ConnectionTrait,
    customer_id: Uuid,
    phones: &[String],
    properties: &[(Relation, property::Model)],
) -> StoreResult<()> {
    customer_phone::Entity::delete_many()
        .filter(customer_phone::Column::CustomerId.eq(customer_id))
        .exec(db)
        .await?;
    for (position, phone) in phones.iter().enumerate() {
        customer_phone::ActiveModel {
            customer_id: Set(customer_id),
            phone: Set(phone.clone()),
            position: Set(position as i32),
        }
        .insert(db)
        .await?;
    }
    customer_property::Entity::delete_many()
        .filter(customer_property::Column::CustomerId.eq(customer_id))
        .exec(db)
        .await?;
    for (relation, p) in properties {
        customer_property::ActiveModel {
            customer_id: Set(customer_id),
            property_id: Set(p.id),
            relation: Set(relation.as_str().to_owned()),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// Creates a customer inside an open transaction (the case intake uses this too).
pub async fn create_in(db: &impl ConnectionTrait, actor: &Actor, input: CreateCustomer) -> StoreResult<CustomerRecord> {
    let name = required("name", &input.name, 100)?;
    let phones = normalise_phones(&input.phones)?;
    let tags = clean_tags(&input.tags)?;
    let notes = bounded("notes", input.notes.as_deref().unwrap_or(""), 2000)?;
    let properties = load_properties(db, actor, &input.properties).await?;
    let projects = scope::registration_projects(db, actor, input.project_id, properties.is_empty()).await?;
    scope::check_phones_free(db, actor, None, &phones).await?;
    let at = now();
    let mut model = customer::ActiveModel {
        id: Set(new_id()),
        name: Set(name.clone()),
        tags: Set(serde_json::to_string(&tags).unwrap_or_else(|_| "[]".into())),
        notes: Set(notes),
        search_text: Set(search_text(&name, &phones, &properties)),
        created_at: Set(at),
        updated_at: Set(at),
        version: Set(1),
        move_in_on: Set(None),
        household_size: Set(None),
        emergency_contact_name: Set(None),
        emergency_contact_phone: Set(None),
    };
    household::HouseholdChange {
        move_in_on: Some(input.move_in_on),
        household_size: Some(input.household_size),
        emergency_contact: Some(input.emergency_contact.clone()),
    }
    .apply(&mut model, business_day(at))?;
    let customer = model.insert(db).await?;
    write_links(db, customer.id, &phones, &properties).await?;
    for project in projects {
        link_project(db, customer.id, project).await?;
    }
    Ok(CustomerRecord {
        customer,
        phones,
        properties,
    })
}

pub async fn create<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    input: CreateCustomer,
) -> StoreResult<CustomerRecord> {
    let txn = db.begin().await?;
    let record = create_in(&txn, actor, input).await?;
    txn.commit().await?;
    Ok(record)
}

pub(crate) async fn load_records(
    db: &impl ConnectionTrait,
    customers: Vec<customer::Model>,
) -> StoreResult<Vec<CustomerRecord>> {
    let ids: Vec<Uuid> = customers.iter().map(|c| c.id).collect();
    let mut phones: HashMap<Uuid, Vec<String>> = HashMap::new();
    for p in customer_phone::Entity::find()
        .filter(customer_phone::Column::CustomerId.is_in(ids.clone()))
        .order_by_asc(customer_phone::Column::Position)
        .all(db)
        .await?
    {
        phones.entry(p.customer_id).or_default().push(p.phone);
    }
    let mut properties: HashMap<Uuid, Vec<(Relation, property::Model)>> = HashMap::new();
    let links = customer_property::Entity::find()
        .filter(customer_property::Column::CustomerId.is_in(ids))
        .all(db)
        .await?;
    let property_ids: Vec<Uuid> = links.iter().map(|l| l.property_id).collect();
    let by_id: HashMap<Uuid, property::Model> = property::Entity::find()
        .filter(property::Column::Id.is_in(property_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    for link in links {
        if let Some(p) = by_id.get(&link.property_id) {
            properties
                .entry(link.customer_id)
                .or_default()
                .push((Relation::parse(&link.relation).unwrap_or(Relation::Owner), p.clone()));
        }
    }
    Ok(customers
        .into_iter()
        .map(|c| CustomerRecord {
            phones: phones.remove(&c.id).unwrap_or_default(),
            properties: properties.remove(&c.id).unwrap_or_default(),
            customer: c,
        })
        .collect())
}

pub async fn get(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<CustomerRecord> {
    let mut select = customer::Entity::find_by_id(id);
    if let Some(condition) = scope::condition(actor) {
        select = select.filter(condition);
    }
    let found = select.one(db).await?.ok_or(StoreError::NotFound)?;
    load_records(db, vec![found]).await?.pop().ok_or(StoreError::NotFound)
}

pub async fn update<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    version: i32,
    input: UpdateCustomer,
) -> StoreResult<CustomerRecord> {
    let current = get(db, actor, id).await?;
    version_matches(version, current.customer.version)?;
    let name = match &input.name {
        Some(n) => required("name", n, 100)?,
        None => current.customer.name.clone(),
    };
    let phones = match &input.phones {
        Some(p) => normalise_phones(p)?,
        None => current.phones.clone(),
    };
    if input.phones.is_some() {
        scope::check_phones_free(db, actor, Some(id), &phones).await?;
    }
    let txn = db.begin().await?;
    let properties = match &input.properties {
        Some(p) => load_properties(&txn, actor, p).await?,
        None => current.properties.clone(),
    };
    let mut model: customer::ActiveModel = current.customer.clone().into();
    model.name = Set(name.clone());
    if let Some(tags) = &input.tags {
        model.tags = Set(serde_json::to_string(&clean_tags(tags)?).unwrap_or_else(|_| "[]".into()));
    }
    if let Some(notes) = &input.notes {
        model.notes = Set(bounded("notes", notes, 2000)?);
    }
    input.household().apply(&mut model, business_day(now()))?;
    model.search_text = Set(search_text(&name, &phones, &properties));
    model.updated_at = Set(now());
    model.version = Set(current.customer.version + 1);
    crate::org::save_versioned::<customer::Entity, _>(
        &txn,
        model,
        customer::Column::Id,
        id,
        customer::Column::Version,
        current.customer.version,
        |m| m.version,
    )
    .await?;
    write_links(&txn, id, &phones, &properties).await?;
    txn.commit().await?;
    get(db, actor, id).await
}
