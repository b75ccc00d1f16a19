//! Complaint warnings (投诉预警): after each new complaint the worker checks the configured rules
//! (clusters on one property or building, a category surging above its 4-week average, a
//! customer complaining again). A fired warning is stored once per subject and window,
//! notified, announced to webhooks, and acknowledged by a supervisor.

use chrono::{DateTime, Duration, Utc};
use huiyin_domain::sla::escalation::Level;
use huiyin_domain::warning::{cluster_fires, surge_fires, WarningRule, WarningRules, WatchedKind};
use huiyin_domain::webhook::WebhookEvent;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::entity::{case, category, property, warning};
use crate::notifications::{self, NewNotification, NotificationKind};
use crate::page::{self, Page};
use crate::validate::optional;
use crate::wire::Wire;
use crate::{new_id, now, settings, sla, webhooks, Actor, StoreError, StoreResult};

/// The job kind that checks the rules after a new complaint.
pub const EVALUATE_JOB: &str = "warnings.evaluate";

pub async fn rules(db: &impl ConnectionTrait) -> StoreResult<(WarningRules, i32)> {
    settings::get(db, settings::WARNING_RULES).await
}

pub async fn save_rules(db: &impl ConnectionTrait, rules: &WarningRules, expected_version: i32) -> StoreResult<i32> {
    if let Some(field) = rules.invalid_field() {
        return Err(StoreError::invalid(field, "out of range"));
    }
    settings::put(db, settings::WARNING_RULES, rules, expected_version).await
}

#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct WarningView {
    pub id: Uuid,
    pub rule: WarningRule,
    pub project_id: Option<Uuid>,
    #[schema(example = "3 号楼 7 天内 5 起投诉")]
    pub title: String,
    pub detail: String,
    pub case_ids: Vec<Uuid>,
    /// The same cases with their numbers, in the same order, for people to read.
    pub cases: Vec<WarningCase>,
    pub fired_at: DateTime<Utc>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub acknowledged_by: Option<Uuid>,
    pub ack_note: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct WarningCase {
    pub id: Uuid,
    #[schema(example = "TS-20261125-0007")]
    pub number: String,
}

/// The warnings as the API shows them, with their cases' numbers (one query for all of them).
pub async fn views(db: &impl ConnectionTrait, warnings: Vec<warning::Model>) -> StoreResult<Vec<WarningView>> {
    let case_ids: Vec<Vec<Uuid>> = warnings
        .iter()
        .map(|w| serde_json::from_str(&w.case_ids).unwrap_or_default())
        .collect();
    let mut wanted: Vec<Uuid> = case_ids.iter().flatten().copied().collect();
    wanted.sort_unstable();
    wanted.dedup();
    let numbers: std::collections::HashMap<Uuid, String> = if wanted.is_empty() {
        Default::default()
    } else {
        case::Entity::find()
            .select_only()
            .column(case::Column::Id)
            .column(case::Column::Number)
            .filter(case::Column::Id.is_in(wanted))
            .into_tuple::<(Uuid, String)>()
            .all(db)
            .await?
            .into_iter()
            .collect()
    };
    Ok(warnings
        .into_iter()
        .zip(case_ids)
        .map(|(w, ids)| WarningView {
            id: w.id,
            rule: w.rule.0,
            project_id: w.project_id,
            title: w.title,
            detail: w.detail,
            cases: ids
                .iter()
                .filter_map(|id| {
                    numbers.get(id).map(|number| WarningCase {
                        id: *id,
                        number: number.clone(),
                    })
                })
                .collect(),
            case_ids: ids,
            fired_at: w.fired_at,
            acknowledged_at: w.acknowledged_at,
            acknowledged_by: w.acknowledged_by,
            ack_note: w.ack_note,
        })
        .collect())
}

async fn view(db: &impl ConnectionTrait, warning: warning::Model) -> StoreResult<WarningView> {
    views(db, vec![warning]).await?.pop().ok_or(StoreError::NotFound)
}

struct Firing {
    rule: WarningRule,
    subject_key: String,
    title: String,
    detail: String,
    case_ids: Vec<Uuid>,
    /// Do not fire again for the same subject within this long.
    quiet: Duration,
}

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
pub async fn evaluate_for_case<C: ConnectionTrait + TransactionTrait>(db: &C, case_id: Uuid) -> StoreResult<usize> {
    let Some(case) = case::Entity::find_by_id(case_id).one(db).await? else {
        return Ok(0);
    };
    let kind = case.kind.0;
    let (rules, _) = rules(db).await?;
    if !rules.watches(kind) {
        return Ok(0);
    }
    let at = case.created_at;
    let mut firings = Vec::new();

    if let Some(property_id) = case.property_id {
        let rule = rules.property_cluster;
        let since = at - Duration::days(i64::from(rule.days));
        let ids = if rule.kind.watches(kind) {
            complaints_since(db, rule.kind, since, at, case::Column::PropertyId, vec![property_id]).await?
        } else {
            vec![]
        };
        if rule.kind.watches(kind) && cluster_fires(&rule, ids.len() as u64) {
            let room = property::Entity::find_by_id(property_id).one(db).await?;
            let name = room
                .map(|p| format!("{}-{}-{}", p.building, p.unit, p.room))
                .unwrap_or_default();
            firings.push(Firing {
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
            });
        }
        let rule = rules.building_cluster;
        let room = match rule.kind.watches(kind) {
            true => property::Entity::find_by_id(property_id).one(db).await?,
            false => None,
        };
        if let Some(room) = room {
            let rooms: Vec<Uuid> = property::Entity::find()
                .filter(property::Column::ProjectId.eq(room.project_id))
                .filter(property::Column::Building.eq(room.building.clone()))
                .select_only()
                .column(property::Column::Id)
                .into_tuple()
                .all(db)
                .await?;
            let since = at - Duration::days(i64::from(rule.days));
            let ids = complaints_since(db, rule.kind, since, at, case::Column::PropertyId, rooms).await?;
            if cluster_fires(&rule, ids.len() as u64) {
                firings.push(Firing {
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
                });
            }
        }
    }

    if let Some(category_id) = case.category_id.filter(|_| rules.category_surge.kind.watches(kind)) {
        let rule = rules.category_surge;
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
        if surge_fires(&rule, this_week.len() as u64, before) {
            let name = category::Entity::find_by_id(category_id)
                .one(db)
                .await?
                .map(|c| c.name)
                .unwrap_or_default();
            firings.push(Firing {
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
            });
        }
    }

    if let Some(customer_id) = case.customer_id {
        let rule = rules.repeat_customer;
        if rule.enabled && rule.kind.watches(kind) {
            let since = at - Duration::days(i64::from(rule.days));
            let ids = complaints_since(db, rule.kind, since, at, case::Column::CustomerId, vec![customer_id]).await?;
            if ids.len() >= 2 {
                firings.push(Firing {
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
                });
            }
        }
    }

    let mut fired = 0;
    for firing in firings {
        if fire(db, &case, firing, now()).await? {
            fired += 1;
        }
    }
    Ok(fired)
}

/// Stores and announces a warning unless the same subject already fired within its quiet time.
async fn fire<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    case: &case::Model,
    firing: Firing,
    at: DateTime<Utc>,
) -> StoreResult<bool> {
    let txn = db.begin().await?;
    let recent = warning::Entity::find()
        .filter(warning::Column::SubjectKey.eq(firing.subject_key.clone()))
        .filter(warning::Column::FiredAt.gte(at - firing.quiet))
        .one(&txn)
        .await?;
    if recent.is_some() {
        return Ok(false);
    }
    let saved = warning::ActiveModel {
        id: Set(new_id()),
        rule: Set(Wire(firing.rule)),
        subject_key: Set(firing.subject_key),
        project_id: Set(Some(case.project_id)),
        title: Set(firing.title.clone()),
        detail: Set(firing.detail.clone()),
        case_ids: Set(json!(firing.case_ids).to_string()),
        fired_at: Set(at),
        acknowledged_at: Set(None),
        acknowledged_by: Set(None),
        ack_note: Set(None),
    }
    .insert(&txn)
    .await?;
    let who = sla::contacts::recipients(&txn, Level::Project, case.project_id).await?;
    notifications::notify(
        &txn,
        &who,
        &NewNotification {
            kind: NotificationKind::Warning,
            title: format!("投诉预警：{}", firing.title),
            body: firing.detail,
            case_id: Some(case.id),
            warning_id: Some(saved.id),
        },
    )
    .await?;
    let fired = view(&txn, saved).await?;
    webhooks::emit(&txn, WebhookEvent::WarningFired, json!(fired)).await?;
    txn.commit().await?;
    Ok(true)
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct WarningQuery {
    /// `open` (not yet acknowledged) or `acknowledged`; both when omitted.
    pub status: Option<WarningStatus>,
    pub project_id: Option<Uuid>,
    pub rule: Option<WarningRule>,
    /// Fired at or after this time.
    pub fired_since: Option<DateTime<Utc>>,
    /// 1–200, default 50.
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

huiyin_domain::wire_enum! {
    pub enum WarningStatus {
        Open => "open",
        Acknowledged => "acknowledged",
    }
}

/// Warnings in the actor's projects, newest first.
pub async fn list(db: &impl ConnectionTrait, actor: &Actor, query: &WarningQuery) -> StoreResult<Page<WarningView>> {
    let limit = page::limit(query.limit)?;
    let mut select = warning::Entity::find();
    if let Some(ids) = actor.project_filter() {
        select = select.filter(warning::Column::ProjectId.is_in(ids.to_vec()));
    }
    match query.status {
        Some(WarningStatus::Open) => select = select.filter(warning::Column::AcknowledgedAt.is_null()),
        Some(WarningStatus::Acknowledged) => select = select.filter(warning::Column::AcknowledgedAt.is_not_null()),
        None => {}
    }
    if let Some(project) = query.project_id {
        select = select.filter(warning::Column::ProjectId.eq(project));
    }
    if let Some(rule) = query.rule {
        select = select.filter(warning::Column::Rule.eq(rule.as_str()));
    }
    if let Some(since) = query.fired_since {
        select = select.filter(warning::Column::FiredAt.gte(since));
    }
    if let Some(cursor) = &query.cursor {
        select = select.filter(warning::Column::Id.lt(page::decode_uuid(cursor)?));
    }
    let rows = select
        .order_by_desc(warning::Column::Id)
        .limit(limit + 1)
        .all(db)
        .await?;
    let Page { items, next_cursor } = page::finish(rows, limit, |w| w.id.to_string());
    Ok(Page {
        items: views(db, items).await?,
        next_cursor,
    })
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AcknowledgeWarning {
    /// What was done about it (e.g. "已安排工程部排查 3 号楼排水").
    pub note: Option<String>,
}

pub async fn acknowledge(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: Uuid,
    input: AcknowledgeWarning,
) -> StoreResult<WarningView> {
    let found = warning::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)?;
    if let Some(project) = found.project_id {
        actor.require_project(project)?;
    }
    if found.acknowledged_at.is_some() {
        return Err(StoreError::Conflict {
            field: "acknowledged_at".into(),
            message: "this warning is already acknowledged".into(),
        });
    }
    let note = optional("note", input.note.as_deref(), 2000)?;
    let mut model = found.into_active_model();
    model.acknowledged_at = Set(Some(now()));
    model.acknowledged_by = Set(Some(actor.user_id));
    model.ack_note = Set(note);
    let saved = model.update(db).await?;
    view(db, saved).await
}
