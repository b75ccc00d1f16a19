//! First start: make sure someone can log in.

use huiyin_domain::role::Role;
use huiyin_store::org::users::{self, CreateUser};
use huiyin_store::Store;
use rand::distributions::{Alphanumeric, DistString};

use crate::seed;

pub const DEMO_ADMIN: (&str, &str) = ("admin", "admin123");

/// With `demo`, an empty database gets the demo organisation, demo data and `admin`/`admin123`.
/// Without it, an empty database gets an `admin` with a random password, printed once.
pub async fn ensure_admin(store: &Store, demo: bool) -> anyhow::Result<()> {
    if users::any_exist(&store.db).await? {
        return Ok(());
    }
    if demo {
        seed::seed_demo(&store.db, DEMO_ADMIN.1).await?;
        println!(
            "Demo data created. Log in as {} / {}; other staff (password {}): manager, supervisor, agent, \
             agent2, steward, handler, security, cleaning, greening, service; resident app: {} / {}.",
            DEMO_ADMIN.0,
            DEMO_ADMIN.1,
            seed::DEMO_PASSWORD,
            seed::DEMO_RESIDENT_PHONE,
            seed::DEMO_PASSWORD
        );
        return Ok(());
    }
    let password = format!("{}7", Alphanumeric.sample_string(&mut rand::thread_rng(), 19));
    users::create_unchecked(
        &store.db,
        CreateUser {
            username: "admin".into(),
            password: password.clone(),
            display_name: "Administrator".into(),
            role: Role::Admin,
            phone: None,
            department_id: None,
            project_ids: vec![],
        },
    )
    .await?;
    println!("Created the first administrator. Username: admin  Password: {password}");
    println!("This password is shown only once; change it after logging in.");
    Ok(())
}
