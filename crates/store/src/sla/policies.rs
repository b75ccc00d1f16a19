//! SLA policies: durations per case kind × severity (either may be "any").

use chrono::{DateTime, Utc};
use huiyin_domain::case::{CaseKind, Severity};
use huiyin_domain::sla::policy::{select, PolicyRule, SlaDurations};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, QueryOrder, Set};
use uuid::Uuid;

use crate::entity::sla_policy;
use crate::wire::Wire;
use crate::{new_id, now, StoreError, StoreResult};

/// A policy's settings, for a new policy or replacing one.
#[derive(Debug, Clone)]
pub struct SlaPolicyInput {
    /// The case kind this policy is for; `None` for every kind.
    pub kind: Option<CaseKind>,
    /// The severity this policy is for; `None` for every severity.
    pub severity: Option<Severity>,
    pub durations: SlaDurations,
}

/// A policy as stored.
#[derive(Debug, Clone)]
pub struct SlaPolicyRecord {
    pub id: Uuid,
    pub kind: Option<CaseKind>,
    pub severity: Option<Severity>,
    pub durations: SlaDurations,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

fn durations(row: &sla_policy::Model) -> SlaDurations {
    SlaDurations {
        verify_secs: row.verify_secs,
        dispatch_secs: row.dispatch_secs,
        resolve_secs: row.resolve_secs,
        reply_secs: row.reply_secs,
        contact_check_secs: row.contact_check_secs,
        outcome_check_secs: row.outcome_check_secs,
        satisfaction_visit_secs: row.satisfaction_visit_secs,
        business_hours: row.business_hours,
    }
}

fn record(row: sla_policy::Model) -> SlaPolicyRecord {
    SlaPolicyRecord {
        id: row.id,
        kind: row.kind.map(|k| k.0),
        severity: row.severity.map(|s| s.0),
        durations: durations(&row),
        created_at: row.created_at,
        updated_at: row.updated_at,
        version: row.version,
    }
}

/// Every policy, by kind and severity.
pub async fn list(db: &impl ConnectionTrait) -> StoreResult<Vec<SlaPolicyRecord>> {
    Ok(rows(db).await?.into_iter().map(record).collect())
}

async fn rows(db: &impl ConnectionTrait) -> StoreResult<Vec<sla_policy::Model>> {
    Ok(sla_policy::Entity::find()
        .order_by_asc(sla_policy::Column::Kind)
        .order_by_asc(sla_policy::Column::Severity)
        .order_by_asc(sla_policy::Column::Id)
        .all(db)
        .await?)
}

/// The durations for a case of `kind` × `severity`.
pub async fn durations_for(db: &impl ConnectionTrait, kind: CaseKind, severity: Severity) -> StoreResult<SlaDurations> {
    // The rules come from the configuration cache (`crate::cache`).
    let rules = crate::cache::policies(|| async {
        Ok(rows(db)
            .await?
            .iter()
            .map(|row| PolicyRule {
                kind: row.kind.map(|k| k.0),
                severity: row.severity.map(|s| s.0),
                durations: durations(row),
            })
            .collect())
    })
    .await?;
    Ok(select(&rules, kind, severity))
}

async fn check(db: &impl ConnectionTrait, input: &SlaPolicyInput, except: Option<Uuid>) -> StoreResult<()> {
    if let Some(field) = input.durations.invalid_field() {
        return Err(StoreError::invalid(
            format!("durations.{field}"),
            format!(
                "must be between 1 second and {} seconds",
                huiyin_domain::sla::policy::MAX_SECS
            ),
        ));
    }
    let clash = rows(db).await?.into_iter().any(|row| {
        Some(row.id) != except && row.kind.map(|k| k.0) == input.kind && row.severity.map(|s| s.0) == input.severity
    });
    if clash {
        return Err(StoreError::Conflict {
            field: "kind".into(),
            message: "a policy for this kind and severity already exists; edit it instead".into(),
        });
    }
    Ok(())
}

fn apply(model: &mut sla_policy::ActiveModel, input: &SlaPolicyInput) {
    let d = input.durations;
    model.kind = Set(input.kind.map(Wire));
    model.severity = Set(input.severity.map(Wire));
    model.verify_secs = Set(d.verify_secs);
    model.dispatch_secs = Set(d.dispatch_secs);
    model.resolve_secs = Set(d.resolve_secs);
    model.reply_secs = Set(d.reply_secs);
    model.contact_check_secs = Set(d.contact_check_secs);
    model.outcome_check_secs = Set(d.outcome_check_secs);
    model.satisfaction_visit_secs = Set(d.satisfaction_visit_secs);
    model.business_hours = Set(d.business_hours);
}

pub async fn create(db: &impl ConnectionTrait, input: SlaPolicyInput) -> StoreResult<SlaPolicyRecord> {
    check(db, &input, None).await?;
    let at = now();
    let mut model = sla_policy::ActiveModel {
        id: Set(new_id()),
        created_at: Set(at),
        updated_at: Set(at),
        version: Set(1),
        ..Default::default()
    };
    apply(&mut model, &input);
    let saved = model.insert(db).await?;
    crate::cache::changed(db, crate::cache::Topic::Policies).await?;
    Ok(record(saved))
}

async fn find(db: &impl ConnectionTrait, id: Uuid) -> StoreResult<sla_policy::Model> {
    sla_policy::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)
}

/// Replaces a policy's settings if `expected_version` is current. Cases already registered
/// keep the due times they were given; the new durations apply from the next step on.
pub async fn update(
    db: &impl ConnectionTrait,
    id: Uuid,
    expected_version: i32,
    input: SlaPolicyInput,
) -> StoreResult<SlaPolicyRecord> {
    let current = find(db, id).await?;
    crate::validate::version_matches(expected_version, current.version)?;
    check(db, &input, Some(id)).await?;
    let mut model = sla_policy::ActiveModel {
        updated_at: Set(now()),
        version: Set(current.version + 1),
        ..Default::default()
    };
    apply(&mut model, &input);
    let saved = crate::org::save_versioned::<sla_policy::Entity, _>(
        db,
        model,
        sla_policy::Column::Id,
        id,
        sla_policy::Column::Version,
        expected_version,
        |m| m.version,
    )
    .await?;
    crate::cache::changed(db, crate::cache::Topic::Policies).await?;
    Ok(record(saved))
}

pub async fn delete(db: &impl ConnectionTrait, id: Uuid) -> StoreResult<()> {
    if sla_policy::Entity::delete_by_id(id).exec(db).await?.rows_affected == 0 {
        return Err(StoreError::NotFound);
    }
    crate::cache::changed(db, crate::cache::Topic::Policies).await
}
