//! Idempotent operations: a retried request with the same key and the same request hash gets
//! the first answer again, exactly as stored; the same key with another hash is refused. What an
//! answer means is the caller's business.
//!
//! The operation and the record of its answer commit in one transaction, so a create is never
//! applied twice: a concurrent duplicate hits the primary key, rolls back, and replays.

use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, Set, TransactionTrait};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::entity::idempotency_key;
use crate::error::is_unique_violation;
use crate::{now, StoreError, StoreResult};

/// An answer kept under its key, opaque to the store: the caller's code for the outcome and the
/// body it sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAnswer {
    pub code: u16,
    pub body: String,
}

pub fn request_hash(canonical_request: &str) -> String {
    hex::encode(Sha256::digest(canonical_request.as_bytes()))
}

async fn replay(db: &impl ConnectionTrait, owner: Uuid, key: &str, hash: &str) -> StoreResult<Option<StoredAnswer>> {
    match idempotency_key::Entity::find_by_id((owner, key.to_owned()))
        .one(db)
        .await?
    {
        None => Ok(None),
        Some(saved) if saved.request_hash == hash => Ok(Some(StoredAnswer {
            code: u16::try_from(saved.response_status).unwrap_or_default(),
            body: saved.response_body,
        })),
        Some(_) => Err(StoreError::IdempotencyMismatch),
    }
}

/// Runs `op` in a transaction, once per (`owner`, `key`).
pub async fn run<C, F>(db: &C, owner: Uuid, key: Option<&str>, hash: &str, op: F) -> StoreResult<StoredAnswer>
where
    C: ConnectionTrait + TransactionTrait,
    F: AsyncFnOnce(&DatabaseTransaction) -> StoreResult<StoredAnswer>,
{
    if let Some(key) = key {
        if let Some(answer) = replay(db, owner, key, hash).await? {
            return Ok(answer);
        }
    }
    let txn = crate::statements::begin(db).await?;
    let answer = op(&txn).await?;
    if let Some(key) = key {
        let saved = idempotency_key::ActiveModel {
            owner_id: Set(owner),
            key: Set(key.to_owned()),
            request_hash: Set(hash.to_owned()),
            response_status: Set(i32::from(answer.code)),
            response_body: Set(answer.body.clone()),
            created_at: Set(now()),
        }
        .insert(&txn)
        .await;
        match saved {
            Ok(_) => {}
            Err(e) if is_unique_violation(&e) => {
                txn.rollback().await?;
                return replay(db, owner, key, hash).await?.ok_or(StoreError::Db(e));
            }
            Err(e) => return Err(e.into()),
        }
    }
    crate::statements::commit(txn).await?;
    Ok(answer)
}
