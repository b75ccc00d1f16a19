//! Standard replies (标准回复): named texts with `{customer_name}`, `{case_number}` and
//! `{due_at}` placeholders, filled from a case the caller may see.

use std::collections::BTreeMap;

use huiyin_domain::reply_template::{check, fill, Placeholder, TemplateUse};
use huiyin_domain::time::business_offset;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, QueryOrder, Set};
use uuid::Uuid;

use crate::entity::reply_template as template;
use crate::error::is_unique_violation;
use crate::validate::{required, version_matches};
use crate::{new_id, now, Actor, StoreError, StoreResult};

pub const NAME_MAX: usize = 60;
pub const BODY_MAX: usize = 2_000;

#[derive(Debug, Clone)]
pub struct CreateTemplate {
    pub name: String,
    pub body: String,
    /// Empty: offered in every form.
    pub uses: Vec<TemplateUse>,
}

#[derive(Debug, Clone, Default)]
pub struct UpdateTemplate {
    pub name: Option<String>,
    pub body: Option<String>,
    pub uses: Option<Vec<TemplateUse>>,
}

#[derive(Debug, Clone)]
pub struct TemplateRecord {
    pub template: template::Model,
    pub uses: Vec<TemplateUse>,
    pub placeholders: Vec<Placeholder>,
}

fn record(row: template::Model) -> StoreResult<TemplateRecord> {
    let bad = |what: String| StoreError::Db(DbErr::Custom(format!("reply_templates {}: {what}", row.id)));
    let names: Vec<String> = serde_json::from_str(&row.uses).map_err(|e| bad(format!("uses: {e}")))?;
    let uses = names
        .iter()
        .map(|n| TemplateUse::parse(n).ok_or_else(|| bad(format!("unknown use '{n}'"))))
        .collect::<StoreResult<Vec<_>>>()?;
    let placeholders = check(&row.body).map_err(|e| bad(e.to_string()))?;
    Ok(TemplateRecord {
        template: row,
        uses,
        placeholders,
    })
}

fn clean_body(body: &str) -> StoreResult<String> {
    let body = required("body", body, BODY_MAX)?;
    check(&body).map_err(|e| StoreError::invalid("body", e.to_string()))?;
    Ok(body)
}

fn uses_json(uses: &[TemplateUse]) -> String {
    let mut names: Vec<&str> = uses.iter().map(|u| u.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    serde_json::to_string(&names).unwrap_or_else(|_| "[]".into())
}

fn name_taken(e: DbErr) -> StoreError {
    if is_unique_violation(&e) {
        StoreError::Conflict {
            field: "name".into(),
            message: "a template with this name exists".into(),
        }
    } else {
        e.into()
    }
}

pub async fn create(db: &impl ConnectionTrait, actor: &Actor, input: CreateTemplate) -> StoreResult<TemplateRecord> {
    let at = now();
    let row = template::ActiveModel {
        id: Set(new_id()),
        name: Set(required("name", &input.name, NAME_MAX)?),
        body: Set(clean_body(&input.body)?),
        uses: Set(uses_json(&input.uses)),
        created_by: Set(actor.user_id),
        created_at: Set(at),
        updated_at: Set(at),
        version: Set(1),
    }
    .insert(db)
    .await
    .map_err(name_taken)?;
    record(row)
}

pub async fn get(db: &impl ConnectionTrait, id: Uuid) -> StoreResult<TemplateRecord> {
    record(
        template::Entity::find_by_id(id)
            .one(db)
            .await?
            .ok_or(StoreError::NotFound)?,
    )
}

pub async fn update(
    db: &impl ConnectionTrait,
    id: Uuid,
    version: i32,
    input: UpdateTemplate,
) -> StoreResult<TemplateRecord> {
    let current = get(db, id).await?;
    version_matches(version, current.template.version)?;
    let mut row: template::ActiveModel = current.template.clone().into();
    if let Some(name) = &input.name {
        row.name = Set(required("name", name, NAME_MAX)?);
    }
    if let Some(body) = &input.body {
        row.body = Set(clean_body(body)?);
    }
    if let Some(uses) = &input.uses {
        row.uses = Set(uses_json(uses));
    }
    row.updated_at = Set(now());
    row.version = Set(current.template.version + 1);
    record(row.update(db).await.map_err(name_taken)?)
}

pub async fn delete(db: &impl ConnectionTrait, id: Uuid) -> StoreResult<()> {
    let done = template::Entity::delete_by_id(id).exec(db).await?;
    if done.rows_affected == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// Every template, by name; with `used_in`, those offered there (or everywhere).
pub async fn list(db: &impl ConnectionTrait, used_in: Option<TemplateUse>) -> StoreResult<Vec<TemplateRecord>> {
    let rows = template::Entity::find()
        .order_by_asc(template::Column::Name)
        .all(db)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let r = record(row)?;
        if used_in.is_none_or(|u| r.uses.is_empty() || r.uses.contains(&u)) {
            out.push(r);
        }
    }
    Ok(out)
}

/// The template's text filled from a case the actor may see; a value the case lacks (no due
/// time) becomes `missing`.
pub async fn render(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: Uuid,
    case_id: Uuid,
    missing: &str,
) -> StoreResult<String> {
    let found = get(db, id).await?;
    let case = crate::cases::query::get(db, actor, case_id).await?;
    let mut values = BTreeMap::new();
    values.insert(Placeholder::CaseNumber, case.case.number.clone());
    if let Some(name) = &case.customer_name {
        values.insert(Placeholder::CustomerName, name.clone());
    }
    if let Some(due) = case.case.next_due_at {
        values.insert(
            Placeholder::DueAt,
            due.with_timezone(&business_offset())
                .format("%Y-%m-%d %H:%M")
                .to_string(),
        );
    }
    fill(&found.template.body, &values, missing).map_err(|e| StoreError::invalid("body", e.to_string()))
}
