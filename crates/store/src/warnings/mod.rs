//! Complaint warnings (投诉预警): after each new complaint the worker checks the configured rules
//! (clusters on one property or building, a category surging above its 4-week average, a
//! customer complaining again). A fired warning is stored once per subject and window,
//! notified, announced to webhooks, and acknowledged by a supervisor.

mod evaluate;

pub use evaluate::evaluate_for_case;

use chrono::{DateTime, Utc};
use huiyin_domain::sla::escalation::Level;
use huiyin_domain::warning::{WarningRule, WarningRules};
use huiyin_domain::webhook::WebhookEvent;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
    QuerySelect, Set, Statement, TransactionTrait,
};
use serde::Serialize;
use serde_json::json;
use uuid::Uuid;

use crate::entity::{case, warning};
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

/// A fired warning with its cases' numbers. Serialised as the `warning.fired` webhook's data,
/// which has the API's `WarningView` shape.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct WarningRecord {
    pub id: Uuid,
    pub rule: WarningRule,
    pub project_id: Option<Uuid>,
    pub title: String,
    pub detail: String,
    pub case_ids: Vec<Uuid>,
    /// The same cases with their numbers, in the same order, for people to read.
    pub cases: Vec<WarningCaseRef>,
    pub fired_at: DateTime<Utc>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub acknowledged_by: Option<Uuid>,
    pub ack_note: Option<String>,
}

/// A case of a warning, by id and number.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct WarningCaseRef {
    pub id: Uuid,
    pub number: String,
}

/// The warnings with their cases' numbers (one query for all of them).
pub async fn views(db: &impl ConnectionTrait, warnings: Vec<warning::Model>) -> StoreResult<Vec<WarningRecord>> {
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
        .map(|(w, ids)| WarningRecord {
            id: w.id,
            rule: w.rule.0,
            project_id: w.project_id,
            title: w.title,
            detail: w.detail,
            cases: ids
                .iter()
                .filter_map(|id| {
                    numbers.get(id).map(|number| WarningCaseRef {
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

async fn view(db: &impl ConnectionTrait, warning: warning::Model) -> StoreResult<WarningRecord> {
    views(db, vec![warning]).await?.pop().ok_or(StoreError::NotFound)
}

/// Serialises firings of one subject until the transaction ends: two workers checking cases of
/// the same building at once would otherwise both find no recent warning and both fire. On
/// PostgreSQL a transaction-scoped advisory lock on the key's hash (a collision only makes two
/// subjects wait for each other); SQLite has one connection a process, so firings already queue.
async fn lock_subject(txn: &impl ConnectionTrait, subject_key: &str) -> StoreResult<()> {
    if txn.get_database_backend() == DbBackend::Postgres {
        let lock = Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
            [subject_key.into()],
        );
        txn.execute(lock).await?;
    }
    Ok(())
}

/// A warning about to fire.
struct Firing {
    rule: WarningRule,
    subject_key: String,
    title: String,
    detail: String,
    case_ids: Vec<Uuid>,
    /// Do not fire again for the same subject within this long.
    quiet: chrono::Duration,
}

/// Stores and announces a warning unless the same subject already fired within its quiet time.
async fn fire<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    case: &case::Model,
    firing: Firing,
    at: DateTime<Utc>,
) -> StoreResult<bool> {
    let txn = db.begin().await?;
    lock_subject(&txn, &firing.subject_key).await?;
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

/// Which warnings to list, and which page.
#[derive(Debug, Clone, Default)]
pub struct WarningQuery {
    /// `Some(false)`: only open ones, `Some(true)`: only acknowledged ones.
    pub acknowledged: Option<bool>,
    pub project_id: Option<Uuid>,
    pub rule: Option<WarningRule>,
    /// Fired at or after this time.
    pub fired_since: Option<DateTime<Utc>>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// Warnings in the actor's projects, newest first.
pub async fn list(db: &impl ConnectionTrait, actor: &Actor, query: &WarningQuery) -> StoreResult<Page<WarningRecord>> {
    let limit = page::limit(query.limit)?;
    let mut select = warning::Entity::find();
    if let Some(ids) = actor.project_filter() {
        select = select.filter(warning::Column::ProjectId.is_in(ids.to_vec()));
    }
    match query.acknowledged {
        Some(false) => select = select.filter(warning::Column::AcknowledgedAt.is_null()),
        Some(true) => select = select.filter(warning::Column::AcknowledgedAt.is_not_null()),
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

/// What was done about a warning.
#[derive(Debug, Clone, Default)]
pub struct AcknowledgeWarning {
    pub note: Option<String>,
}

pub async fn acknowledge(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: Uuid,
    input: AcknowledgeWarning,
) -> StoreResult<WarningRecord> {
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
