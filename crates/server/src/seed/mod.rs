//! Demo data for `make run` (`huiyin serve --demo`, `huiyin seed-demo`): two estates, accounts for
//! every role, a customer archive, knowledge articles, a month of cases, arrears and a handover,
//! and the decoration store. Everything is written through the store's public functions and
//! replayed at the times it would have happened (`huiyin_store::at_time`), so numbers, timelines,
//! work orders and visits are exactly what the live system would have written. Deterministic
//! apart from the clock: one seeded random generator drives every choice, in a fixed order.

mod arrears;
mod cases;
mod customers;
mod decoration;
mod knowledge;
mod organisation;
mod templates;

use huiyin_domain::role::Role;
use huiyin_store::org::users::{self, CreateUser};
use huiyin_store::{categories, Actor, StoreError, StoreResult};
use rand::rngs::StdRng;
use rand::SeedableRng;
use sea_orm::{ConnectionTrait, TransactionTrait};
use uuid::Uuid;

/// Password of every demo account except `admin`.
pub const DEMO_PASSWORD: &str = "huiyin123";

/// The demo resident's login phone (password [`DEMO_PASSWORD`]).
pub const DEMO_RESIDENT_PHONE: &str = "13800138000";

/// Fills an empty database. `admin_password` is the demo admin's password.
pub async fn seed_demo<C: ConnectionTrait + TransactionTrait>(db: &C, admin_password: &str) -> StoreResult<()> {
    categories::ensure_defaults(db).await?;
    let mut rng = StdRng::seed_from_u64(20_261_126);
    let org = organisation::create(db, admin_password).await?;
    let homes = customers::create(db, &org.admin, &mut rng).await?;
    // The knowledge base first, so that inquiries closed on the spot can name their article.
    knowledge::seed(db, &org.supervisor).await?;
    cases::replay_month(db, &org, &homes, &mut rng).await?;
    arrears::seed(
        db,
        &org.admin,
        &org.steward,
        org.steward_area,
        &org.agents[0],
        &org.project_ids,
    )
    .await?;
    decoration::seed(db, &org.admin, org.department("工程部"), &mut rng).await?;
    Ok(())
}

/// A demo staff account, without the password-strength rule (the demo passwords are
/// documented and short).
async fn account<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    username: &str,
    password: &str,
    name: &str,
    role: Role,
    department_id: Option<Uuid>,
    project_ids: &[Uuid],
) -> StoreResult<Actor> {
    let created = users::insert_demo_user(
        db,
        CreateUser {
            username: username.into(),
            password: password.into(),
            display_name: name.into(),
            role,
            phone: None,
            department_id,
            project_ids: project_ids.to_vec(),
        },
    )
    .await?;
    Actor::load(db, created.user.id).await?.ok_or(StoreError::NotFound)
}
