//! Rows to records: one query per related table for a whole page.

use std::collections::HashMap;

use huiyin_domain::customer::Relation;
use huiyin_domain::money::Money;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::{ArrearsRecord, ContactRecord, CustomerRef, LegalRecord, LinkedCase, PropertyRef};
use crate::entity::{area, arrears, arrears_contact, case, customer, customer_property, property};
use crate::{StoreError, StoreResult};

pub fn contact(m: arrears_contact::Model) -> ContactRecord {
    ContactRecord {
        method: m.method.0,
        result: m.result.0,
        reason: m.reason.map(|r| r.0),
        id: m.id,
        arrears_id: m.arrears_id,
        note: m.note,
        promised_on: m.promised_on,
        case_id: m.case_id,
        created_by: m.created_by,
        created_at: m.created_at,
    }
}

fn ids<T>(rows: &[arrears::Model], pick: impl Fn(&arrears::Model) -> Option<T>) -> Vec<T> {
    rows.iter().filter_map(pick).collect()
}

/// The customers of `property_ids`, an owner before a tenant, one per property.
pub async fn customers_of(
    db: &impl ConnectionTrait,
    property_ids: Vec<Uuid>,
) -> StoreResult<HashMap<Uuid, customer::Model>> {
    if property_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let mut links = customer_property::Entity::find()
        .filter(customer_property::Column::PropertyId.is_in(property_ids))
        .all(db)
        .await?;
    links.sort_by_key(|l| (l.relation.0 != Relation::Owner, l.customer_id));
    let people: HashMap<Uuid, customer::Model> = customer::Entity::find()
        .filter(customer::Column::Id.is_in(links.iter().map(|l| l.customer_id).collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let mut found = HashMap::new();
    for link in links {
        if let Some(person) = people.get(&link.customer_id) {
            found.entry(link.property_id).or_insert_with(|| person.clone());
        }
    }
    Ok(found)
}

/// The last contacts and linked cases of `rows`, by id.
async fn links(
    db: &impl ConnectionTrait,
    rows: &[arrears::Model],
) -> StoreResult<(HashMap<Uuid, ContactRecord>, HashMap<Uuid, LinkedCase>)> {
    let mut contacts = HashMap::new();
    for c in arrears_contact::Entity::find()
        .filter(arrears_contact::Column::Id.is_in(ids(rows, |r| r.last_contact_id)))
        .all(db)
        .await?
    {
        contacts.insert(c.id, contact(c));
    }
    let mut cases = HashMap::new();
    for c in case::Entity::find()
        .filter(case::Column::Id.is_in(ids(rows, |r| r.case_id)))
        .all(db)
        .await?
    {
        let status = c.status.0;
        cases.insert(
            c.id,
            LinkedCase {
                id: c.id,
                number: c.number,
                status,
            },
        );
    }
    Ok((contacts, cases))
}

/// Arrears rows as records, in the same order.
pub async fn records(db: &impl ConnectionTrait, rows: Vec<arrears::Model>) -> StoreResult<Vec<ArrearsRecord>> {
    if rows.is_empty() {
        return Ok(vec![]);
    }
    let properties: HashMap<Uuid, property::Model> = property::Entity::find()
        .filter(property::Column::Id.is_in(ids(&rows, |r| Some(r.property_id))))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let stewards: HashMap<Uuid, Option<Uuid>> = area::Entity::find()
        .filter(area::Column::Id.is_in(ids(&rows, |r| r.area_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a.steward_id))
        .collect();
    let customers = customers_of(db, ids(&rows, |r| Some(r.property_id))).await?;
    let (contacts, cases) = links(db, &rows).await?;
    rows.into_iter()
        .map(|r| {
            let p = properties
                .get(&r.property_id)
                .ok_or_else(|| StoreError::Db(DbErr::RecordNotFound(format!("arrears {}: property missing", r.id))))?;
            let legal = r.legal_decision.map(|d| LegalRecord {
                decision: d.0,
                reason: r.legal_reason.clone(),
                decided_by: r.legal_decided_by,
                decided_at: r.legal_decided_at,
            });
            Ok(ArrearsRecord {
                id: r.id,
                project_id: r.project_id,
                property: PropertyRef {
                    id: p.id,
                    area_id: r.area_id,
                    building: p.building.clone(),
                    unit: p.unit.clone(),
                    room: p.room.clone(),
                },
                customer: customers.get(&r.property_id).map(|c| CustomerRef {
                    id: c.id,
                    name: c.name.clone(),
                }),
                fee_item: r.fee_item.clone(),
                months: u32::try_from(r.months).unwrap_or(0),
                amount: Money::from_fen(r.amount_fen).ok_or_else(|| {
                    StoreError::Db(DbErr::Type(format!(
                        "arrears {}: amount_fen {} out of range",
                        r.id, r.amount_fen
                    )))
                })?,
                as_of: r.as_of,
                stage: r.stage.0,
                status: r.status.0,
                owner_id: r.area_id.and_then(|a| stewards.get(&a).copied().flatten()),
                last_contact: r.last_contact_id.and_then(|c| contacts.get(&c).cloned()),
                contacts_count: u32::try_from(r.contacts_count).unwrap_or(0),
                open_case: r.case_id.and_then(|c| cases.get(&c).cloned()),
                legal,
                imported_at: r.imported_at,
                contact_due_at: r.contact_due_at,
                settled_at: r.settled_at,
                version: r.version,
            })
        })
        .collect()
}
