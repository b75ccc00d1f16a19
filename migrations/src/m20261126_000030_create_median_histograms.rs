//! Exact medians from month histograms (`huiyin-store` `stats/medians.rs`): the roll-ups gain
//! histogram rows (dims `h_dispatch`, `h_resolve`, `h_close`, and per area `ha_…`), and each duration column of
//! `stats_case_facts` an index ordered by the duration, so that the values of one bucket in one
//! period are one ordered index range. The roll-ups are emptied here; the server's first start
//! after this migration (or `huiyin stats-rebuild`) rebuilds them from the cases, histograms
//! included.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261126_000030_create_median_histograms"
    }
}

const COLUMNS: [&str; 3] = ["d_secs", "r_secs", "c_secs"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for column in COLUMNS {
            // An index-only range scan on PostgreSQL; SQLite has no INCLUDE.
            let sql = match manager.get_database_backend() {
                DatabaseBackend::Postgres => format!(
                    "CREATE INDEX ix_stats_case_facts_{column} ON stats_case_facts ({column}, created_at) \
                     INCLUDE (project_id, area_id, kind) WHERE {column} IS NOT NULL"
                ),
                _ => format!(
                    "CREATE INDEX ix_stats_case_facts_{column} ON stats_case_facts \
                     ({column}, created_at, project_id, area_id, kind) WHERE {column} IS NOT NULL"
                ),
            };
            db.execute_unprepared(&sql).await?;
        }
        db.execute_unprepared("DELETE FROM stats_rollups").await?;
        db.execute_unprepared("DELETE FROM stats_case_facts").await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for column in COLUMNS {
            db.execute_unprepared(&format!("DROP INDEX IF EXISTS ix_stats_case_facts_{column}"))
                .await?;
        }
        db.execute_unprepared("DELETE FROM stats_rollups").await?;
        db.execute_unprepared("DELETE FROM stats_case_facts").await?;
        Ok(())
    }
}
