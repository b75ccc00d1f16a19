//! Resident logins: staff issue a one-time activation code for a customer; the resident sets
//! their password with phone + code, then logs in with their phone number as username.
//!
//! The code is shown once and stored only as an argon2 hash. Issuing a new code replaces the
//! pending one (so "I lost my code" and "I forgot my password" are both answered by issuing
//! again). Every way an activation can fail — unknown phone, wrong, used or expired code —
//! looks the same to the caller and costs the same hashing time.

use chrono::{DateTime, Duration, Utc};
use huiyin_domain::password::check_strength;
use huiyin_domain::phone::Phone;
use huiyin_domain::resident::{activation_code, normalise_activation_code, CODE_LENGTH};
use huiyin_domain::role::Role;
use rand::RngCore;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set, TransactionTrait,
};
use uuid::Uuid;

use super::account;
use crate::auth::{hash_off_thread, revoke_user_tokens, verify_off_thread};
use crate::entity::user;
use crate::error::is_unique_violation;
use crate::wire::Wire;
use crate::{audit, customers, now, Actor, StoreError, StoreResult};

/// A password hash that no password verifies against (not a PHC string): the login cannot be
/// used until it is activated.
const NOT_YET_ACTIVATED: &str = "!not-activated";

/// Which login a new activation code is for.
#[derive(Debug, Clone, Default)]
pub struct IssueAccount {
    /// Which of the customer's phone numbers the resident logs in with (any notation);
    /// defaults to the customer's first number.
    pub phone: Option<String>,
}

/// A freshly issued code: shown once, never stored in clear.
#[derive(Debug, Clone)]
pub struct IssuedCode {
    pub user_id: Uuid,
    /// The canonical login phone number.
    pub phone: String,
    /// `XXXX-XXXX`
    pub code: String,
    pub expires_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Activation {
    /// The password is set and the login is active.
    Activated { user_id: Uuid },
    /// Unknown phone, wrong code, used code or expired code: deliberately indistinguishable.
    Rejected,
}

fn new_code() -> String {
    let mut random = [0u8; CODE_LENGTH];
    rand::thread_rng().fill_bytes(&mut random);
    activation_code(random)
}

/// The canonical form of a login phone, or 422 naming `field`.
pub fn login_phone(field: &str, raw: &str) -> StoreResult<String> {
    Phone::parse(raw)
        .map(Phone::into_string)
        .map_err(|e| StoreError::invalid(field, e.to_string()))
}

pub async fn find_by_customer(db: &impl ConnectionTrait, customer_id: Uuid) -> StoreResult<Option<account::Model>> {
    Ok(account::Entity::find()
        .filter(account::Column::CustomerId.eq(customer_id))
        .one(db)
        .await?)
}

pub async fn find_by_phone(db: &impl ConnectionTrait, phone: &str) -> StoreResult<Option<account::Model>> {
    Ok(account::Entity::find()
        .filter(account::Column::Phone.eq(phone))
        .one(db)
        .await?)
}

fn phone_taken(e: sea_orm::DbErr) -> StoreError {
    if is_unique_violation(&e) {
        StoreError::conflict("phone", "this phone number is already the login of another account")
    } else {
        StoreError::from_db(e)
    }
}

/// The login phone: the one asked for, which must be one of the customer's (any notation), or
/// the customer's first number.
fn chosen_phone(phones: &[String], asked: Option<&str>) -> StoreResult<String> {
    match asked.map(str::trim).filter(|p| !p.is_empty()) {
        Some(raw) => {
            let phone = login_phone("phone", raw)?;
            if !phones.contains(&phone) {
                return Err(StoreError::invalid(
                    "phone",
                    "is not one of this customer's phone numbers",
                ));
            }
            Ok(phone)
        }
        None => phones
            .first()
            .cloned()
            .ok_or_else(|| StoreError::invalid("phone", "the customer has no phone number to log in with")),
    }
}

/// An activation code waiting to be used, as stored (hashed).
struct PendingCode {
    hash: String,
    expires_at: DateTime<Utc>,
    issued_at: DateTime<Utc>,
    issued_by: Uuid,
}

/// A new resident login for the customer, not yet activated, with its pending code; returns
/// the user id.
async fn create_login(
    txn: &impl ConnectionTrait,
    customer_id: Uuid,
    display_name: &str,
    phone: &str,
    code: PendingCode,
) -> StoreResult<Uuid> {
    let at = code.issued_at;
    let created = user::ActiveModel {
        id: Set(crate::new_id()),
        username: Set(phone.to_owned()),
        display_name: Set(display_name.to_owned()),
        phone: Set(Some(phone.to_owned())),
        role: Set(Wire(Role::Resident)),
        department_id: Set(None),
        customer_id: Set(Some(customer_id)),
        password_hash: Set(NOT_YET_ACTIVATED.to_owned()),
        active: Set(false),
        created_at: Set(at),
        updated_at: Set(at),
        version: Set(1),
    }
    .insert(txn)
    .await
    .map_err(phone_taken)?;
    account::ActiveModel {
        user_id: Set(created.id),
        customer_id: Set(customer_id),
        phone: Set(phone.to_owned()),
        code_hash: Set(Some(code.hash)),
        code_expires_at: Set(Some(code.expires_at)),
        code_issued_at: Set(Some(at)),
        code_issued_by: Set(Some(code.issued_by)),
        activated_at: Set(None),
        created_at: Set(at),
        updated_at: Set(at),
    }
    .insert(txn)
    .await
    .map_err(phone_taken)?;
    Ok(created.id)
}

/// Creates the customer's resident login if needed and issues a new activation code valid for
/// `ttl`, replacing any pending one. The issue is written to the audit log.
pub async fn issue<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    customer_id: Uuid,
    input: IssueAccount,
    ttl: Duration,
) -> StoreResult<IssuedCode> {
    let code = new_code();
    let code_hash = hash_off_thread(normalise_activation_code(&code).unwrap_or_default()).await;
    let txn = db.begin().await?;
    let record = customers::get(&txn, actor, customer_id).await?;
    let phone = chosen_phone(&record.phones, input.phone.as_deref())?;
    let at = now();
    let expires_at = at + ttl;
    let existing = find_by_customer(&txn, customer_id).await?;
    let user_id = match existing {
        Some(account) => {
            if account.phone != phone {
                user::Entity::update_many()
                    .col_expr(user::Column::Username, Expr::value(phone.clone()))
                    .col_expr(user::Column::Phone, Expr::value(phone.clone()))
                    .col_expr(user::Column::UpdatedAt, Expr::value(at))
                    .col_expr(user::Column::Version, Expr::col(user::Column::Version).add(1))
                    .filter(user::Column::Id.eq(account.user_id))
                    .exec(&txn)
                    .await
                    .map_err(phone_taken)?;
            }
            let user_id = account.user_id;
            let mut model = account.into_active_model();
            model.phone = Set(phone.clone());
            model.code_hash = Set(Some(code_hash));
            model.code_expires_at = Set(Some(expires_at));
            model.code_issued_at = Set(Some(at));
            model.code_issued_by = Set(Some(actor.user_id));
            model.updated_at = Set(at);
            model.update(&txn).await.map_err(phone_taken)?;
            user_id
        }
        None => {
            let pending = PendingCode {
                hash: code_hash,
                expires_at,
                issued_at: at,
                issued_by: actor.user_id,
            };
            create_login(&txn, customer_id, &record.customer.name, &phone, pending).await?
        }
    };
    audit::record(
        &txn,
        actor,
        "resident.activation_issued",
        "customer",
        Some(customer_id),
        serde_json::json!({"user_id": user_id, "expires_at": expires_at}),
    )
    .await?;
    txn.commit().await?;
    Ok(IssuedCode {
        user_id,
        phone,
        code,
        expires_at,
    })
}

/// Sets the resident's password if `code` is the pending, unexpired code of the login `phone`
/// (canonical), and spends the code. Password strength is checked first, so a weak password is
/// refused the same way whether or not the phone has a login.
pub async fn activate<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    phone: &str,
    code: &str,
    new_password: &str,
) -> StoreResult<Activation> {
    check_strength(new_password, phone).map_err(|e| StoreError::invalid("new_password", e.to_string()))?;
    activate_unchecked(db, phone, code, new_password).await
}

/// [`activate`] without the password-strength rule: only for the demo seed, whose documented
/// resident password is deliberately short.
pub async fn activate_unchecked<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    phone: &str,
    code: &str,
    new_password: &str,
) -> StoreResult<Activation> {
    let at = now();
    let pending = find_by_phone(db, phone)
        .await?
        .filter(|a| a.code_expires_at.is_some_and(|exp| exp > at))
        .and_then(|a| a.code_hash.clone().map(|hash| (a, hash)));
    let typed = normalise_activation_code(code);
    // Verify against a dummy hash when there is nothing to compare with, so that an unknown
    // phone costs the same time as a wrong code.
    let hash = pending
        .as_ref()
        .map_or(crate::password::dummy_hash(), |(_, hash)| hash.as_str())
        .to_owned();
    let matches = verify_off_thread(typed.clone().unwrap_or_default(), hash).await;
    let (account, spent_hash) = match pending {
        Some(found) if matches && typed.is_some() => found,
        _ => return Ok(Activation::Rejected),
    };
    let password_hash = hash_off_thread(new_password.to_owned()).await;
    let txn = db.begin().await?;
    // Spend the code atomically: of two concurrent activations with it, only one updates the row.
    let spent = account::Entity::update_many()
        .col_expr(account::Column::CodeHash, Expr::value(Option::<String>::None))
        .col_expr(
            account::Column::CodeExpiresAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(
            account::Column::ActivatedAt,
            Expr::value(Some(account.activated_at.unwrap_or(at))),
        )
        .col_expr(account::Column::UpdatedAt, Expr::value(at))
        .filter(account::Column::UserId.eq(account.user_id))
        .filter(account::Column::CodeHash.eq(spent_hash))
        .filter(account::Column::CodeExpiresAt.gt(at))
        .exec(&txn)
        .await?;
    if spent.rows_affected != 1 {
        return Ok(Activation::Rejected);
    }
    let mut update = user::Entity::update_many()
        .col_expr(user::Column::PasswordHash, Expr::value(password_hash))
        .col_expr(user::Column::UpdatedAt, Expr::value(at))
        .col_expr(user::Column::Version, Expr::col(user::Column::Version).add(1))
        .filter(user::Column::Id.eq(account.user_id))
        .filter(user::Column::Role.eq(Role::Resident.as_str()));
    // The first activation switches the login on. Later codes only reset the password: a login
    // an administrator deactivated stays deactivated until they switch it on again.
    if account.activated_at.is_none() {
        update = update.col_expr(user::Column::Active, Expr::value(true));
    }
    update.exec(&txn).await?;
    // A new password ends every earlier session (activation doubles as a password reset).
    revoke_user_tokens(&txn, account.user_id).await?;
    // The login may have just been switched on: cached user lookups must see it.
    crate::cache::changed(&txn, crate::cache::Topic::Users).await?;
    txn.commit().await?;
    Ok(Activation::Activated {
        user_id: account.user_id,
    })
}

/// How a login attempt is looked up and counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginName {
    /// The username to authenticate: a resident's canonical login number, or the lower-cased
    /// staff username as typed.
    pub username: String,
    /// What failed attempts are counted under: the canonical number for anything that reads as
    /// a phone number — *whether or not* it is a login, so that the counter cannot be used to
    /// find out which numbers are — and the username otherwise.
    pub throttle_key: String,
}

/// Resolves what was typed as a username: a phone number in any notation that is a resident's
/// login becomes that login's canonical number; anything else is a staff username (a staff
/// username such as `138-0013-8000` keeps working).
pub async fn login_name(db: &impl ConnectionTrait, raw: &str) -> StoreResult<LoginName> {
    let typed = raw.trim().to_lowercase();
    let Ok(phone) = Phone::parse(raw) else {
        return Ok(LoginName {
            username: typed.clone(),
            throttle_key: typed,
        });
    };
    let phone = phone.into_string();
    let username = if find_by_phone(db, &phone).await?.is_some() {
        phone.clone()
    } else {
        typed
    };
    Ok(LoginName {
        username,
        throttle_key: format!("phone:{phone}"),
    })
}

/// The customer a resident login belongs to.
pub async fn own_customer(db: &impl ConnectionTrait, actor: &Actor) -> StoreResult<crate::entity::customer::Model> {
    let id = actor
        .customer_id
        .ok_or_else(|| StoreError::Forbidden("this login is not linked to a customer".into()))?;
    crate::entity::customer::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)
}
