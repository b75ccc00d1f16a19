//! API keys for integrations: a long random secret shown once, stored as a SHA-256 hash,
//! scoped, optionally restricted to one project, expiring and revocable.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Duration, Utc};
use huiyin_domain::api_key::{ApiScope, KEY_PREFIX};
use rand::RngCore;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::entity::{api_key, project};
use crate::page::{self, Page};
use crate::validate::required;
use crate::{new_id, now, Actor, StoreError, StoreResult};

/// A new key's name, scopes, project restriction and expiry.
#[derive(Debug, Clone)]
pub struct CreateApiKey {
    pub name: String,
    pub scopes: Vec<ApiScope>,
    /// Restrict the key to one project's data.
    pub project_id: Option<Uuid>,
    pub expires_at: Option<DateTime<Utc>>,
}

/// A key as stored, without its hash.
#[derive(Debug, Clone)]
pub struct ApiKeyRecord {
    pub id: Uuid,
    pub name: String,
    /// The key's first characters, to recognise it.
    pub prefix: String,
    pub scopes: Vec<ApiScope>,
    pub project_id: Option<Uuid>,
    pub expires_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl From<api_key::Model> for ApiKeyRecord {
    fn from(m: api_key::Model) -> Self {
        ApiKeyRecord {
            scopes: scopes_of(&m),
            id: m.id,
            name: m.name,
            prefix: m.prefix,
            project_id: m.project_id,
            expires_at: m.expires_at,
            revoked_at: m.revoked_at,
            last_used_at: m.last_used_at,
            created_at: m.created_at,
        }
    }
}

/// What an authenticated key may do.
#[derive(Debug, Clone)]
pub struct KeyPrincipal {
    pub id: Uuid,
    pub name: String,
    pub scopes: Vec<ApiScope>,
    pub project_id: Option<Uuid>,
}

impl KeyPrincipal {
    pub fn has(&self, scope: ApiScope) -> bool {
        self.scopes.contains(&scope)
    }
}

fn hash(raw: &str) -> String {
    hex::encode(Sha256::digest(raw.as_bytes()))
}

fn scopes_of(model: &api_key::Model) -> Vec<ApiScope> {
    serde_json::from_str::<Vec<String>>(&model.scopes)
        .unwrap_or_default()
        .iter()
        .filter_map(|s| ApiScope::parse(s))
        .collect()
}

/// Creates a key; returns it and the secret, which is never retrievable again.
pub async fn create(
    db: &impl ConnectionTrait,
    actor: &Actor,
    input: CreateApiKey,
) -> StoreResult<(ApiKeyRecord, String)> {
    let name = required("name", &input.name, 100)?;
    if input.scopes.is_empty() {
        return Err(StoreError::invalid("scopes", "give at least one scope"));
    }
    if let Some(project_id) = input.project_id {
        if project::Entity::find_by_id(project_id).one(db).await?.is_none() {
            return Err(StoreError::invalid("project_id", "no such project"));
        }
    }
    if input.expires_at.is_some_and(|at| at <= now()) {
        return Err(StoreError::invalid("expires_at", "must be in the future"));
    }
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    let raw = format!("{KEY_PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes));
    let mut scopes: Vec<String> = input.scopes.iter().map(|s| s.as_str().to_owned()).collect();
    scopes.sort();
    scopes.dedup();
    let model = api_key::ActiveModel {
        id: Set(new_id()),
        name: Set(name),
        prefix: Set(raw.chars().take(10).collect()),
        key_hash: Set(hash(&raw)),
        scopes: Set(serde_json::to_string(&scopes).unwrap_or_else(|_| "[]".into())),
        project_id: Set(input.project_id),
        expires_at: Set(input.expires_at),
        revoked_at: Set(None),
        last_used_at: Set(None),
        created_by: Set(Some(actor.user_id)),
        created_at: Set(now()),
    }
    .insert(db)
    .await?;
    Ok((model.into(), raw))
}

pub async fn list(
    db: &impl ConnectionTrait,
    limit: Option<u64>,
    cursor: Option<&str>,
) -> StoreResult<Page<ApiKeyRecord>> {
    let limit = page::limit(limit)?;
    let mut select = api_key::Entity::find().order_by_desc(api_key::Column::Id);
    if let Some(cursor) = cursor {
        select = select.filter(api_key::Column::Id.lt(page::decode_uuid(cursor)?));
    }
    let rows = select.limit(limit + 1).all(db).await?;
    let records = rows.into_iter().map(ApiKeyRecord::from).collect();
    Ok(page::finish(records, limit, |r| r.id.to_string()))
}

pub async fn revoke(db: &impl ConnectionTrait, id: Uuid) -> StoreResult<ApiKeyRecord> {
    let found = api_key::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)?;
    if found.revoked_at.is_some() {
        return Ok(found.into());
    }
    let mut model: api_key::ActiveModel = found.into();
    model.revoked_at = Set(Some(now()));
    Ok(model.update(db).await?.into())
}

/// The key behind `raw`, if it is valid now. Records the use (at most once a minute per key).
pub async fn authenticate(db: &impl ConnectionTrait, raw: &str) -> StoreResult<Option<KeyPrincipal>> {
    let Some(found) = api_key::Entity::find()
        .filter(api_key::Column::KeyHash.eq(hash(raw)))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let at = now();
    if found.revoked_at.is_some() || found.expires_at.is_some_and(|e| e <= at) {
        return Ok(None);
    }
    if found.last_used_at.is_none_or(|used| at - used > Duration::minutes(1)) {
        api_key::Entity::update_many()
            .col_expr(api_key::Column::LastUsedAt, Expr::value(at))
            .filter(api_key::Column::Id.eq(found.id))
            .exec(db)
            .await?;
    }
    Ok(Some(KeyPrincipal {
        id: found.id,
        name: found.name.clone(),
        scopes: scopes_of(&found),
        project_id: found.project_id,
    }))
}
