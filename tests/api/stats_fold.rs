//! Statistics off the hot rows (issue #14): case changes append deltas, the worker folds them
//! into the roll-ups, and every figure stays equal to a scan of the cases while the fold is
//! behind, after it caught up, and with several folders at once (no delta folded twice).

use huiyin_store::stats::{check, fold, rollup};
use sea_orm::{ConnectionTrait, Database, DatabaseBackend, Statement, TransactionTrait};
use serde_json::json;

use crate::db_tests;
use crate::helpers::TestApp;

db_tests!(figures_stay_exact_while_the_fold_is_behind_and_with_two_folders);

async fn assert_all_equal(app: &TestApp, moment: &str) {
    let today = huiyin_domain::time::business_day(huiyin_store::now());
    let from = today - chrono::Duration::days(40);
    let month = today.format("%Y-%m").to_string();
    let lines = check::compare(&app.store.db, moment, from, today, Some(&month))
        .await
        .unwrap();
    assert!(!lines.is_empty());
    for line in lines {
        assert!(line.equal, "{} differs from a scan {moment}", line.call);
    }
}

async fn create_burst(app: &TestApp, property: &str, n: usize) {
    let creates = (0..n).map(|i| {
        app.post(
            "/api/v1/cases",
            &app.admin_token,
            json!({"kind": if i % 2 == 0 { "complaint" } else { "repair" }, "channel": "phone",
                   "severity": if i % 3 == 0 { "urgent" } else { "normal" }, "property_id": property,
                   "title": format!("case {i}"), "description": "fold check"}),
        )
    });
    for reply in futures_util::future::join_all(creates).await {
        assert_eq!(reply.status.as_u16(), 201, "{}", reply.text);
    }
}

async fn figures_stay_exact_while_the_fold_is_behind_and_with_two_folders(app: &TestApp) {
    let project = app.project("翠湖花园").await;
    let property = app.property(&project, None, "3栋", "2单元", "1201").await;
    create_burst(app, &property, 12).await;
    let postgres = app.store.backend() == DatabaseBackend::Postgres;
    if postgres {
        // Another session holds every delta: the worker's SKIP LOCKED folds none of them, so the
        // fold is behind for certain while the figures are checked.
        let other = Database::connect(app.database_url.as_str()).await.unwrap();
        let holder = other.begin().await.unwrap();
        let held = holder
            .query_all(Statement::from_string(
                DatabaseBackend::Postgres,
                "SELECT id FROM stats_deltas FOR UPDATE",
            ))
            .await
            .unwrap();
        assert!(!held.is_empty(), "the creates left deltas to fold");
        assert_eq!(
            fold::fold_batch(&app.store.db, 1000).await.unwrap(),
            0,
            "locked deltas are skipped"
        );
        let (pending, _) = fold::backlog(&app.store.db).await.unwrap();
        assert!(pending >= held.len() as i64);
        assert_all_equal(app, "while the fold is behind").await;
        holder.rollback().await.unwrap();
        other.close().await.unwrap();
    } else {
        assert_all_equal(app, "right after the burst").await;
    }
    // Two folders (and the app's own worker) on the same deltas: a delta folded twice would
    // double its amounts and the figures would differ from the scan.
    create_burst(app, &property, 12).await;
    let (a, b) = tokio::join!(fold::fold_all(&app.store.db), fold::fold_all(&app.store.db));
    a.unwrap();
    b.unwrap();
    let (pending, lag) = fold::backlog(&app.store.db).await.unwrap();
    assert_eq!((pending, lag), (0, 0.0));
    assert_all_equal(app, "after two folders").await;
    let metrics = app
        .client
        .get(app.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(metrics.contains("huiyin_stats_fold_lag_seconds"), "{metrics}");
    // A rebuild from the cases gives the same figures.
    rollup::rebuild_all(&app.store.db).await.unwrap();
    assert_all_equal(app, "after a rebuild").await;
    let all = app
        .store
        .db
        .query_one(Statement::from_string(
            app.store.backend(),
            "SELECT COUNT(*) AS n FROM stats_deltas",
        ))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(all.try_get::<i64>("", "n").unwrap(), 0);
}
