//! Checking the warning rules against a newly registered case: one function per rule, each
//! returning the warning it would fire.

use chrono::{DateTime, Duration, Utc};
use huiyin_domain::case::CaseKind;
use huiyin_domain::warning::{cluster_fires, surge_fires, WarningRule, WarningRules, WatchedKind};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect, TransactionTrait};
use uuid::Uuid;

use super::{fire, rules, Firing};
use crate::entity::{case, category, property};
use crate::{now, StoreResult};

/// The cases of the rule's `kind` registered in `[since, until]` with `column` in `values`.
async fn complaints_since(
    db: &impl ConnectionTrait,
    kind: WatchedKind,
    since: DateTime<Utc>,
    until: DateTime<Utc>,
    column: case::Column,
    values: Vec<Uuid>,
) -> StoreResult<Vec<Uuid>> {
    Ok(case::Entity::find()
        .filter(case::Column::Kind.is_in(kind.kinds().iter().map(|k| k.as_str())))
        .filter(case::Column::CreatedAt.gte(since))
        .filter(case::Column::CreatedAt.lte(until))
        .filter(column.is_in(values))
        .select_only()
        .column(case::Column::Id)
        .into_tuple()
        .all(db)
        .await?)
}

/// Checks the rules against a newly registered case (each rule only for the kinds it watches,
/// complaints by default); returns the warnings fired.
#[tracing::instrument(name = "warnings::evaluate", target = "huiyin::store", level = "debug", skip_all, fields(case_id = %case_id))]
pub async fn evaluate_for_case<C: ConnectionTrait + TransactionTrait>(db: &C, case_id: Uuid) -> StoreResult<usize> {
    let Some(case) = case::Entity::find_by_id(case_id).one(db).await? else {
        return Ok(0);
    };
    let kind = case.kind.0;
    let (rules, _) = rules(db).await?;
    if !rules.watches(kind) {
        return Ok(0);
    }
    let mut firings = Vec::new();
    if let Some(property_id) = case.property_id {
        firings.extend(property_cluster(db, &rules, kind, &case, property_id).await?);
        firings.extend(building_cluster(db, &rules, kind, &case, property_id).await?);
    }
    if let Some(category_id) = case.category_id.filter(|_| rules.category_surge.kind.watches(kind)) {
        firings.extend(category_surge(db, &rules, &case, category_id).await?);
    }
    if let Some(customer_id) = case.customer_id {
        firings.extend(repeat_customer(db, &rules, kind, &case, customer_id).await?);
    }
    let mut fired = 0;
    for firing in firings {
        if fire(db, &case, firing, now()).await? {
            fired += 1;
        }
    }
    Ok(fired)
}

/// Too many cases on one property within the rule's days.
async fn property_cluster(
    db: &impl ConnectionTrait,
    rules: &WarningRules,
    kind: CaseKind,
    case: &case::Model,
    property_id: Uuid,
) -> StoreResult<Option<Firing>> {
    let rule = rules.property_cluster;
    if !rule.kind.watches(kind) {
        return Ok(None);
    }
    let at = case.created_at;
    let since = at - Duration::days(i64::from(rule.days));
    let ids = complaints_since(db, rule.kind, since, at, case::Column::PropertyId, vec![property_id]).await?;
    if !cluster_fires(&rule, ids.len() as u64) {
        return Ok(None);
    }
    let room = property::Entity::find_by_id(property_id).one(db).await?;
    let name = room
        .map(|p| format!("{}-{}-{}", p.building, p.unit, p.room))
        .unwrap_or_default();
    Ok(Some(Firing {
        rule: WarningRule::PropertyCluster,
        subject_key: format!("property:{property_id}{}", rule.kind.key_suffix()),
        title: format!("{name} {} 天内 {} 起{}", rule.days, ids.len(), rule.kind.noun_zh()),
        detail: format!(
            "Property {name}: {} {} cases within {} days",
            ids.len(),
            rule.kind,
            rule.days
        ),
        case_ids: ids,
        quiet: Duration::days(i64::from(rule.days)),
    }))
}

/// Too many cases in the property's building within the rule's days.
async fn building_cluster(
    db: &impl ConnectionTrait,
    rules: &WarningRules,
    kind: CaseKind,
    case: &case::Model,
    property_id: Uuid,
) -> StoreResult<Option<Firing>> {
    let rule = rules.building_cluster;
    if !rule.kind.watches(kind) {
        return Ok(None);
    }
    let Some(room) = property::Entity::find_by_id(property_id).one(db).await? else {
        return Ok(None);
    };
    let rooms: Vec<Uuid> = property::Entity::find()
        .filter(property::Column::ProjectId.eq(room.project_id))
        .filter(property::Column::Building.eq(room.building.clone()))
        .select_only()
        .column(property::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    let at = case.created_at;
    let since = at - Duration::days(i64::from(rule.days));
    let ids = complaints_since(db, rule.kind, since, at, case::Column::PropertyId, rooms).await?;
    if !cluster_fires(&rule, ids.len() as u64) {
        return Ok(None);
    }
    Ok(Some(Firing {
        rule: WarningRule::BuildingCluster,
        subject_key: format!(
            "building:{}:{}{}",
            room.project_id,
            room.building,
            rule.kind.key_suffix()
        ),
        title: format!(
            "{} 栋 {} 天内 {} 起{}",
            room.building,
            rule.days,
            ids.len(),
            rule.kind.noun_zh()
        ),
        detail: format!(
            "Building {}: {} {} cases within {} days",
            room.building,
            ids.len(),
            rule.kind,
            rule.days
        ),
        case_ids: ids,
        quiet: Duration::days(i64::from(rule.days)),
    }))
}

/// A category's cases this week well above its weekly average of the four weeks before.
async fn category_surge(
    db: &impl ConnectionTrait,
    rules: &WarningRules,
    case: &case::Model,
    category_id: Uuid,
) -> StoreResult<Option<Firing>> {
    let rule = rules.category_surge;
    let at = case.created_at;
    let week_start = at - Duration::days(7);
    let this_week = complaints_since(
        db,
        rule.kind,
        week_start,
        at,
        case::Column::CategoryId,
        vec![category_id],
    )
    .await?;
    let before = case::Entity::find()
        .filter(case::Column::Kind.is_in(rule.kind.kinds().iter().map(|k| k.as_str())))
        .filter(case::Column::CategoryId.eq(category_id))
        .filter(case::Column::CreatedAt.gte(week_start - Duration::days(28)))
        .filter(case::Column::CreatedAt.lt(week_start))
        .count(db)
        .await?;
    if !surge_fires(&rule, this_week.len() as u64, before) {
        return Ok(None);
    }
    let name = category::Entity::find_by_id(category_id)
        .one(db)
        .await?
        .map(|c| c.name)
        .unwrap_or_default();
    Ok(Some(Firing {
        rule: WarningRule::CategorySurge,
        subject_key: format!("category:{category_id}{}", rule.kind.key_suffix()),
        title: format!(
            "「{name}」类{}本周 {} 起，高于前四周周均 {:.1}",
            rule.kind.noun_zh(),
            this_week.len(),
            before as f64 / 4.0
        ),
        detail: format!(
            "Category {name}: {} cases in 7 days against a 4-week weekly average of {:.1} (+{}% threshold)",
            this_week.len(),
            before as f64 / 4.0,
            rule.percent
        ),
        case_ids: this_week,
        quiet: Duration::days(7),
    }))
}

/// The same customer reporting again within the rule's days.
async fn repeat_customer(
    db: &impl ConnectionTrait,
    rules: &WarningRules,
    kind: CaseKind,
    case: &case::Model,
    customer_id: Uuid,
) -> StoreResult<Option<Firing>> {
    let rule = rules.repeat_customer;
    if !(rule.enabled && rule.kind.watches(kind)) {
        return Ok(None);
    }
    let at = case.created_at;
    let since = at - Duration::days(i64::from(rule.days));
    let ids = complaints_since(db, rule.kind, since, at, case::Column::CustomerId, vec![customer_id]).await?;
    if ids.len() < 2 {
        return Ok(None);
    }
    Ok(Some(Firing {
        rule: WarningRule::RepeatCustomer,
        subject_key: format!("repeat:{}", case.id),
        title: format!("客户 {} 天内再次{}（{}）", rule.days, rule.kind.noun_zh(), case.number),
        detail: format!(
            "The customer reported {} {} cases within {} days",
            ids.len(),
            rule.kind,
            rule.days
        ),
        case_ids: ids,
        quiet: Duration::days(i64::from(rule.days)),
    }))
}
