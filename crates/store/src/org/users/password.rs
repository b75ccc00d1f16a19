//! A staff member's own password change.

use huiyin_domain::password::check_strength;
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set, TransactionTrait};

use super::ChangePassword;
use crate::auth::{hash_off_thread, revoke_user_tokens, verify_off_thread};
use crate::entity::user;
use crate::{now, Actor, StoreError, StoreResult};

/// Changes the actor's own password after checking the old one; other sessions are logged out.
pub async fn change_password<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    input: ChangePassword,
) -> StoreResult<()> {
    let user = user::Entity::find_by_id(actor.user_id)
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)?;
    if !verify_off_thread(input.old_password.clone(), user.password_hash.clone()).await {
        return Err(StoreError::invalid("old_password", "is not your current password"));
    }
    check_strength(&input.new_password, &user.username)
        .map_err(|e| StoreError::invalid("new_password", e.to_string()))?;
    if input.new_password == input.old_password {
        return Err(StoreError::invalid(
            "new_password",
            "must differ from the current password",
        ));
    }
    let hash = hash_off_thread(input.new_password).await;
    let txn = db.begin().await?;
    let mut model: user::ActiveModel = user.clone().into();
    model.password_hash = Set(hash);
    model.updated_at = Set(now());
    model.version = Set(user.version + 1);
    model.update(&txn).await?;
    revoke_user_tokens(&txn, user.id).await?;
    txn.commit().await?;
    Ok(())
}
