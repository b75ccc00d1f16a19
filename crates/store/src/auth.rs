//! Logins and refresh tokens.
//!
//! Refresh tokens are random, stored only as SHA-256 hashes, and rotate on every
//! use. All tokens descending from one login share a `family_id`; presenting a
//! token that was already used means it was stolen or replayed, so the whole
//! family is revoked (OAuth 2.0 Security BCP, refresh token rotation).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::Duration;
use rand::RngCore;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionTrait};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::entity::{refresh_token, user};
use crate::org::users::record::UserRecord;
use crate::{new_id, now, StoreResult};

async fn find_user_by_username(db: &impl ConnectionTrait, username: &str) -> StoreResult<Option<user::Model>> {
    Ok(user::Entity::find()
        .filter(user::Column::Username.eq(username.trim()))
        .one(db)
        .await?)
}

/// Checks a username and password; `None` for an unknown user, a wrong password or a
/// deactivated account alike, spending the same hashing time in each case.
pub async fn authenticate(
    db: &impl ConnectionTrait,
    username: &str,
    password: &str,
) -> StoreResult<Option<UserRecord>> {
    let user = find_user_by_username(db, username).await?;
    let hash = user
        .as_ref()
        .map_or(crate::password::dummy_hash(), |u| u.password_hash.as_str())
        .to_owned();
    let password = password.to_owned();
    let ok = verify_off_thread(password, hash).await;
    Ok(user.filter(|u| ok && u.active).map(UserRecord::from))
}

/// argon2 takes tens of milliseconds of CPU; keep it off the async executor threads.
pub async fn verify_off_thread(password: String, hash: String) -> bool {
    tokio::task::spawn_blocking(move || crate::password::verify(&password, &hash))
        .await
        .unwrap_or(false)
}

/// Hashes a new password off the async executor threads.
pub async fn hash_off_thread(password: String) -> String {
    tokio::task::spawn_blocking(move || crate::password::hash(&password))
        .await
        .unwrap_or_default()
}

fn hash_token(raw: &str) -> String {
    hex::encode(Sha256::digest(raw.as_bytes()))
}

fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Issues a refresh token (returned raw, stored hashed); a new login starts a new family.
pub async fn issue_refresh_token(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    family_id: Option<Uuid>,
    ttl: Duration,
) -> StoreResult<String> {
    let raw = random_token();
    let created = now();
    refresh_token::ActiveModel {
        id: Set(new_id()),
        user_id: Set(user_id),
        family_id: Set(family_id.unwrap_or_else(new_id)),
        token_hash: Set(hash_token(&raw)),
        expires_at: Set(created + ttl),
        used_at: Set(None),
        revoked_at: Set(None),
        created_at: Set(created),
    }
    .insert(db)
    .await?;
    Ok(raw)
}

#[derive(Debug, PartialEq, Eq)]
pub enum RefreshOutcome {
    Rotated {
        user: Box<UserRecord>,
        refresh_token: String,
    },
    /// Unknown, expired, revoked, or the user is deactivated.
    Invalid,
    /// A spent token was presented again: the whole family has been revoked.
    Reused,
}

/// Spends `raw` and issues its successor in one transaction.
pub async fn rotate_refresh_token<C: TransactionTrait + ConnectionTrait>(
    db: &C,
    raw: &str,
    ttl: Duration,
) -> StoreResult<RefreshOutcome> {
    let txn = db.begin().await?;
    let Some(token) = refresh_token::Entity::find()
        .filter(refresh_token::Column::TokenHash.eq(hash_token(raw)))
        .one(&txn)
        .await?
    else {
        return Ok(RefreshOutcome::Invalid);
    };
    let at = now();
    if token.revoked_at.is_some() || token.expires_at <= at {
        return Ok(RefreshOutcome::Invalid);
    }
    // Claim the token atomically: of two concurrent uses only one updates the row.
    let claimed = refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::UsedAt, Expr::value(at))
        .filter(refresh_token::Column::Id.eq(token.id))
        .filter(refresh_token::Column::UsedAt.is_null())
        .exec(&txn)
        .await?;
    if claimed.rows_affected == 0 {
        revoke_family(&txn, token.family_id).await?;
        bump_token_version(&txn, token.user_id).await?;
        txn.commit().await?;
        return Ok(RefreshOutcome::Reused);
    }
    let user = match user::Entity::find_by_id(token.user_id).one(&txn).await? {
        Some(user) if user.active => user,
        _ => return Ok(RefreshOutcome::Invalid),
    };
    let refresh_token = issue_refresh_token(&txn, user.id, Some(token.family_id), ttl).await?;
    txn.commit().await?;
    Ok(RefreshOutcome::Rotated {
        user: Box::new(user.into()),
        refresh_token,
    })
}

async fn revoke_family(db: &impl ConnectionTrait, family_id: Uuid) -> StoreResult<()> {
    refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::RevokedAt, Expr::value(now()))
        .filter(refresh_token::Column::FamilyId.eq(family_id))
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Logout: revokes the family of `raw` (every token of that login) and ends the user's access
/// tokens (other logins simply refresh). Unknown tokens are ignored.
pub async fn logout(db: &impl ConnectionTrait, raw: &str) -> StoreResult<()> {
    if let Some(token) = refresh_token::Entity::find()
        .filter(refresh_token::Column::TokenHash.eq(hash_token(raw)))
        .one(db)
        .await?
    {
        revoke_family(db, token.family_id).await?;
        bump_token_version(db, token.user_id).await?;
    }
    Ok(())
}

/// The `users` column access tokens are checked against (not in the entity, so the users
/// table's other writers need not know it).
pub const TOKEN_VERSION: TokenVersion = TokenVersion;

#[derive(Debug, Clone, Copy)]
pub struct TokenVersion;

impl sea_orm::sea_query::Iden for TokenVersion {
    fn unquoted(&self, s: &mut dyn std::fmt::Write) {
        let _ = s.write_str("token_version");
    }
}

/// The version a new access token of `user_id` is issued under.
pub async fn token_version(db: &impl ConnectionTrait, user_id: Uuid) -> StoreResult<i32> {
    let statement = sea_orm::sea_query::Query::select()
        .column(TOKEN_VERSION)
        .from(user::Entity)
        .and_where(user::Column::Id.eq(user_id))
        .to_owned();
    let row = db.query_one(db.get_database_backend().build(&statement)).await?;
    Ok(match row {
        Some(row) => row.try_get("", "token_version")?,
        None => 0,
    })
}

/// Ends every access token of `user_id` issued so far (they carry the old version).
pub async fn bump_token_version(db: &impl ConnectionTrait, user_id: Uuid) -> StoreResult<()> {
    let statement = sea_orm::sea_query::Query::update()
        .table(user::Entity)
        .value(TOKEN_VERSION, Expr::col(TOKEN_VERSION).add(1))
        .and_where(user::Column::Id.eq(user_id))
        .to_owned();
    db.execute(db.get_database_backend().build(&statement)).await?;
    // Cached users carry the version: drop them in every process.
    crate::cache::changed(db, crate::cache::Topic::Users).await
}

/// Revokes every refresh token of a user (deactivation, password change) and ends their
/// access tokens.
pub async fn revoke_user_tokens(db: &impl ConnectionTrait, user_id: Uuid) -> StoreResult<()> {
    bump_token_version(db, user_id).await?;
    refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::RevokedAt, Expr::value(now()))
        .filter(refresh_token::Column::UserId.eq(user_id))
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}
