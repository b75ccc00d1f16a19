//! The warranty lookup the case intake asks: is this repair on an address whose works are out of
//! warranty? Then the case is marked paid (有偿服务) before it is dispatched. And the record that
//! a case belongs to a works ([`link`]: a paid repair, an issue found on a construction visit).

use huiyin_domain::case::{CaseKind, Visibility};
use huiyin_domain::decoration::works::out_of_warranty;
use huiyin_domain::time::business_day;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::json;
use uuid::Uuid;

use crate::timeline::{self, NewEvent};
use sea_orm::{ActiveModelTrait, Set};

use crate::entity::{case, works, works_case};
use crate::{now, StoreResult};

/// The most recent works at this property or for this customer, if any.
pub async fn works_for(
    db: &impl ConnectionTrait,
    property_id: Option<Uuid>,
    customer_id: Option<Uuid>,
) -> StoreResult<Option<works::Model>> {
    let mut any = Condition::any();
    if let Some(property) = property_id {
        any = any.add(works::Column::PropertyId.eq(property));
    }
    if let Some(customer) = customer_id {
        any = any.add(works::Column::CustomerId.eq(customer));
    }
    if property_id.is_none() && customer_id.is_none() {
        return Ok(None);
    }
    Ok(works::Entity::find()
        .filter(any)
        .order_by_desc(works::Column::CompletedOn)
        .order_by_desc(works::Column::Id)
        .one(db)
        .await?)
}

/// The works whose warranty has run out for this property or customer, if any.
pub async fn out_of_warranty_works(
    db: &impl ConnectionTrait,
    property_id: Option<Uuid>,
    customer_id: Option<Uuid>,
) -> StoreResult<Option<works::Model>> {
    let today = business_day(now());
    Ok(works_for(db, property_id, customer_id)
        .await?
        .filter(|w| out_of_warranty(w.warranty_until, today)))
}

/// Called by the case intake for every new case: a repair on the address of works out of
/// warranty is marked paid — linked to the works and noted on the case's public timeline.
pub async fn on_case_registered(db: &impl ConnectionTrait, created: &case::Model) -> StoreResult<()> {
    if created.kind.0 != CaseKind::Repair {
        return Ok(());
    }
    let Some(works) = out_of_warranty_works(db, created.property_id, created.customer_id).await? else {
        return Ok(());
    };
    link(db, created.id, works.id, "paid_repair").await?;
    timeline::append(
        db,
        NewEvent {
            case_id: created.id,
            actor_id: None,
            action: "marked_paid",
            from: None,
            to: None,
            note: Some(format!(
                "装修工程已过保修期（至 {}），本次维修为有偿服务，请事先告知客户。",
                works.warranty_until.map(|d| d.to_string()).unwrap_or_default()
            )),
            payload: json!({"works_id": works.id, "warranty_until": works.warranty_until, "paid": true}),
            visibility: Visibility::Public,
        },
    )
    .await?;
    Ok(())
}

/// Records that case `case_id` belongs to works `works_id` (`reason`: why).
pub async fn link(txn: &impl ConnectionTrait, case_id: Uuid, works_id: Uuid, reason: &str) -> StoreResult<()> {
    works_case::ActiveModel {
        case_id: Set(case_id),
        works_id: Set(works_id),
        reason: Set(reason.to_owned()),
        created_at: Set(now()),
    }
    .insert(txn)
    .await?;
    Ok(())
}
