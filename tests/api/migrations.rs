//! The schema's way back: every migration's `down` undoes its `up`, so a release can be rolled
//! back, and `up` afterwards rebuilds a schema the server works on — on SQLite and PostgreSQL.

use huiyin_migration::{Migrator, MigratorTrait};
use reqwest::StatusCode;
use serde_json::json;

use crate::db_tests;
use crate::helpers::{create_admin, TestApp, ADMIN_PASSWORD};

db_tests!(every_migration_rolls_back_and_forward_again);

async fn every_migration_rolls_back_and_forward_again(app: &TestApp) {
    let db = &app.store.db;
    let applied = Migrator::get_applied_migrations(db).await.expect("applied").len();
    assert_eq!(applied, Migrator::migrations().len());
    Migrator::down(db, None).await.expect("every down");
    assert!(Migrator::get_applied_migrations(db).await.expect("applied").is_empty());
    Migrator::up(db, None).await.expect("every up again");
    assert!(Migrator::get_pending_migrations(db).await.expect("pending").is_empty());
    // The rebuilt schema takes the first thing an administrator does (the first admin's row
    // went with its table: a new one signs in).
    create_admin(&app.store).await;
    let admin = app.login("admin", ADMIN_PASSWORD).await;
    let created = app
        .post(
            "/api/v1/projects",
            &admin,
            json!({"name": "翠湖花园", "code": "CH", "address": "深圳市南山区"}),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
}
