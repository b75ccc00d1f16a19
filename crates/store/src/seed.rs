//! Demo data for `make run`: an organisation, accounts for every role, and a month of cases.

use sea_orm::{ConnectionTrait, TransactionTrait};

use crate::StoreResult;

pub async fn seed_demo<C: ConnectionTrait + TransactionTrait>(_db: &C, _admin_password: &str) -> StoreResult<()> {
    Ok(())
}
