//! The durable job queue: shared by several workers without running a job twice, retried after a
//! worker dies, retried with backoff on failure and visible when dead; finished ones deleted after
//! a week.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use huiyin::worker::{Handler, Worker};
use huiyin_store::entity::job;
use huiyin_store::jobs::{self, QueuePolicy};
use huiyin_store::Store;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::db_tests;
use crate::helpers::{Backend, TestApp};

db_tests!(
    workers_share_the_queue_without_running_a_job_twice,
    a_dead_workers_jobs_are_retried,
    failures_back_off_and_end_dead,
    finished_jobs_are_deleted_after_a_week
);

fn recording_handler(runs: Arc<Mutex<HashMap<uuid::Uuid, u32>>>) -> Handler {
    Arc::new(move |job| {
        let runs = runs.clone();
        Box::pin(async move {
            *runs.lock().unwrap().entry(job.id).or_default() += 1;
            Ok(())
        })
    })
}

fn fast() -> QueuePolicy {
    QueuePolicy {
        lease: Duration::from_secs(30),
        backoff_base: Duration::from_millis(0),
        backoff_max: Duration::from_millis(0),
    }
}

async fn workers_share_the_queue_without_running_a_job_twice(app: &TestApp) {
    let total = 1000;
    for i in 0..total {
        jobs::enqueue(&app.store.db, "test.record", serde_json::json!({"n": i}), None, 3)
            .await
            .unwrap();
    }
    let runs = Arc::new(Mutex::new(HashMap::new()));
    // Two workers, each with its own connection pool, as two instances would have.
    let backend = if app.database_url.starts_with("postgres") {
        Backend::Postgres
    } else {
        Backend::Sqlite
    };
    let worker_count = if backend == Backend::Postgres { 2 } else { 1 };
    let mut handles = Vec::new();
    for _ in 0..worker_count {
        let store = Store::connect(&app.database_url).await.unwrap();
        let mut worker = Worker::new(
            store,
            fast(),
            Duration::from_millis(10),
            recording_handler(runs.clone()),
        );
        worker.batch = 25;
        handles.push(tokio::spawn(async move {
            let mut ran = 0;
            loop {
                let n = worker.run_once().await.unwrap();
                if n == 0 {
                    break;
                }
                ran += n;
            }
            ran
        }));
    }
    let mut ran_per_worker = Vec::new();
    for handle in handles {
        ran_per_worker.push(handle.await.unwrap());
    }
    let runs = runs.lock().unwrap().clone();
    assert_eq!(runs.len(), total, "none lost");
    assert!(runs.values().all(|n| *n == 1), "none run twice");
    assert_eq!(ran_per_worker.iter().sum::<usize>(), total);
    if worker_count == 2 {
        assert!(
            ran_per_worker.iter().all(|n| *n > 0),
            "both workers took a share: {ran_per_worker:?}"
        );
    }
    let done = jobs::list(&app.store.db, Some(jobs::DONE), Some(200), None)
        .await
        .unwrap();
    assert_eq!(done.items.len(), 200);
    assert!(jobs::list(&app.store.db, Some(jobs::QUEUED), None, None)
        .await
        .unwrap()
        .items
        .is_empty());
}

async fn a_dead_workers_jobs_are_retried(app: &TestApp) {
    let job = jobs::enqueue(&app.store.db, "test.record", serde_json::json!({}), None, 3)
        .await
        .unwrap();
    let short = QueuePolicy {
        lease: Duration::from_millis(300),
        ..fast()
    };
    // A worker claims the job and dies without finishing it.
    let claimed = jobs::claim(&app.store.db, "crashed-worker", 10, &short).await.unwrap();
    assert_eq!(claimed.len(), 1);
    let runs = Arc::new(Mutex::new(HashMap::new()));
    let survivor = Worker::new(
        app.store.clone(),
        short.clone(),
        Duration::from_millis(10),
        recording_handler(runs.clone()),
    );
    assert_eq!(survivor.run_once().await.unwrap(), 0, "the lease still holds");
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(survivor.run_once().await.unwrap(), 1, "the expired lease is taken over");
    assert_eq!(runs.lock().unwrap()[&job.id], 1);
    let done = jobs::list(&app.store.db, Some(jobs::DONE), None, None).await.unwrap();
    assert_eq!((done.items[0].id, done.items[0].attempts), (job.id, 2));
    // The crashed worker coming back cannot complete what it no longer holds.
    assert!(!jobs::complete(&app.store.db, job.id, "crashed-worker").await.unwrap());
}

async fn failures_back_off_and_end_dead(app: &TestApp) {
    let job = jobs::enqueue(&app.store.db, "test.fail", serde_json::json!({}), None, 3)
        .await
        .unwrap();
    let failing: Handler = Arc::new(|_| Box::pin(async { Err("receiver said 500".to_owned()) }));
    let policy = QueuePolicy {
        lease: Duration::from_secs(30),
        backoff_base: Duration::from_millis(200),
        backoff_max: Duration::from_secs(5),
    };
    let worker = Worker::new(app.store.clone(), policy, Duration::from_millis(10), failing);
    assert_eq!(worker.run_once().await.unwrap(), 1);
    assert_eq!(worker.run_once().await.unwrap(), 0, "backing off");
    tokio::time::sleep(Duration::from_millis(250)).await;
    assert_eq!(worker.run_once().await.unwrap(), 1);
    tokio::time::sleep(Duration::from_millis(450)).await;
    assert_eq!(worker.run_once().await.unwrap(), 1);
    // Dead, and visible to an admin, who can put it back in the queue.
    let dead = app.get("/api/v1/jobs?status=dead", &app.admin_token).await;
    assert_eq!(dead.status, StatusCode::OK, "{}", dead.text);
    assert_eq!(dead.body["items"][0]["id"], job.id.to_string());
    assert_eq!(dead.body["items"][0]["attempts"], 3);
    assert_eq!(dead.body["items"][0]["last_error"], "receiver said 500");
    let retried = app
        .post(
            &format!("/api/v1/jobs/{}/retry", job.id),
            &app.admin_token,
            serde_json::json!({}),
        )
        .await;
    assert_eq!(
        (retried.status, retried.body["status"].as_str()),
        (StatusCode::OK, Some("queued"))
    );
    app.post(
        &format!("/api/v1/jobs/{}/retry", job.id),
        &app.admin_token,
        serde_json::json!({}),
    )
    .await
    .assert_problem(409, Some("status"));
    app.get("/api/v1/jobs?status=bogus", &app.admin_token)
        .await
        .assert_problem(422, Some("status"));
    let (_, manager) = app.user("manager.jobs", "manager", None, &[]).await;
    app.get("/api/v1/jobs", &manager).await.assert_problem(403, None);
}

async fn finished_jobs_are_deleted_after_a_week(app: &TestApp) {
    let mut ids = Vec::new();
    for n in 0..3 {
        let job = jobs::enqueue(&app.store.db, "test.record", serde_json::json!({"n": n}), None, 1)
            .await
            .unwrap();
        ids.push(job.id);
    }
    let runs = Arc::new(Mutex::new(HashMap::new()));
    let mut worker = Worker::new(
        Store::connect(&app.database_url).await.unwrap(),
        fast(),
        Duration::from_millis(10),
        recording_handler(runs.clone()),
    );
    worker.purge_every = Duration::ZERO;
    while worker.run_once().await.unwrap() > 0 {}
    assert_eq!(runs.lock().unwrap().len(), 3);
    // One finished eight days ago, one six days ago, one just now.
    for (id, days) in [(ids[0], 8), (ids[1], 6)] {
        job::Entity::update_many()
            .col_expr(
                job::Column::UpdatedAt,
                sea_orm::sea_query::Expr::value(huiyin_store::now() - chrono::Duration::days(days)),
            )
            .filter(job::Column::Id.eq(id))
            .exec(&app.store.db)
            .await
            .unwrap();
    }
    let dead = jobs::enqueue(&app.store.db, "test.record", serde_json::json!({}), None, 1)
        .await
        .unwrap();
    job::Entity::update_many()
        .col_expr(job::Column::Status, sea_orm::sea_query::Expr::value(jobs::DEAD))
        .col_expr(
            job::Column::UpdatedAt,
            sea_orm::sea_query::Expr::value(huiyin_store::now() - chrono::Duration::days(30)),
        )
        .filter(job::Column::Id.eq(dead.id))
        .exec(&app.store.db)
        .await
        .unwrap();
    while worker.run_once().await.unwrap() > 0 {}
    let left: Vec<uuid::Uuid> = job::Entity::find()
        .all(&app.store.db)
        .await
        .unwrap()
        .into_iter()
        .map(|j| j.id)
        .collect();
    assert!(!left.contains(&ids[0]), "done eight days ago: deleted");
    assert!(
        left.contains(&ids[1]) && left.contains(&ids[2]),
        "done within the week: kept"
    );
    assert!(left.contains(&dead.id), "dead jobs stay for an admin, however old");
}
