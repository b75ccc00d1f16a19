//! The summary's exact medians (hours to dispatch, resolve and close).
//!
//! Sorting a year's cohort (≈ 330,000 durations × 3 at 1,000,000 cases) took 300 ms and more, so a
//! period made of whole Beijing months is served from the month histograms kept in the roll-ups
//! (dims `h_dispatch`, `h_resolve`, `h_close`; `huiyin_domain::stats::median`): the histogram
//! locates the bucket holding the middle position(s), and one ordered index range read of that
//! bucket in `stats_case_facts` picks the exact value. Edge days outside whole months are added
//! to the histogram from the facts (per project and kind; per area when the call names one).
//! Everything else (other time zones, periods shorter than a month, scans) sorts the cohort's
//! durations as before.

use std::collections::BTreeMap;

use huiyin_domain::stats::median;
use huiyin_domain::stats::median::{bucket_range, duration_bucket, locate_median, parse_bucket_key, Located};
use huiyin_domain::stats::rollup::{AREA_HISTOGRAMS, HISTOGRAMS};
use sea_orm::{ConnectionTrait, DatabaseBackend};

use super::rolled::{self, Span};
use super::sql::Sql;
use super::StatsFilter;
use crate::{StoreError, StoreResult};

/// The cohort's median durations, in hours; `None` where no case has the step.
#[derive(Debug, Clone, PartialEq)]
pub struct Medians {
    pub median_hours_to_dispatch: Option<f64>,
    pub median_hours_to_resolve: Option<f64>,
    pub median_hours_to_close: Option<f64>,
}

/// Hours to two decimals.
fn to_hours(seconds: Option<f64>) -> Option<f64> {
    seconds.map(|s| (s / 3600.0 * 100.0).round() / 100.0)
}

pub async fn medians(db: &impl ConnectionTrait, filter: &StatsFilter) -> StoreResult<Medians> {
    if let Some(span) = Span::of_filter(filter, true).filter(Span::has_months) {
        let [dispatch, resolve, close] = if filter.area_id.is_some() {
            AREA_HISTOGRAMS
        } else {
            HISTOGRAMS
        };
        let [edge_d, edge_r, edge_c] = edge_histograms(db, filter, &span).await?;
        let (d, r, c) = tokio::try_join!(
            from_histogram(db, filter, &span, dispatch, edge_d),
            from_histogram(db, filter, &span, resolve, edge_r),
            from_histogram(db, filter, &span, close, edge_c),
        )?;
        if let (Read::Median(d), Read::Median(r), Read::Median(c)) = (d, r, c) {
            return Ok(Medians {
                median_hours_to_dispatch: to_hours(d),
                median_hours_to_resolve: to_hours(r),
                median_hours_to_close: to_hours(c),
            });
        }
        // A case changed between reading the histogram and its bucket; sort instead.
    }
    by_sorting(db, filter).await
}

/// What reading one median through its histogram gave.
enum Read {
    /// The median, `None` when there are no values.
    Median(Option<f64>),
    /// The bucket read disagreed with the histogram: a case changed in between.
    Disagreed,
}

/// The three durations' histograms of the cases created on the span's days outside whole months,
/// counted from the facts in one read.
async fn edge_histograms(
    db: &impl ConnectionTrait,
    filter: &StatsFilter,
    span: &Span,
) -> StoreResult<[BTreeMap<u16, u64>; 3]> {
    let mut histograms: [BTreeMap<u16, u64>; 3] = Default::default();
    let columns = HISTOGRAMS.map(|(_, column)| column);
    for (start, end) in span.edges() {
        let mut sql = Sql::new(db.get_database_backend());
        sql.push(&format!(
            "SELECT c.{} FROM stats_case_facts c WHERE",
            columns.join(", c.")
        ));
        filter.push_cohort_between(&mut sql, start, end);
        for row in db.query_all(sql.statement()).await? {
            for (histogram, column) in histograms.iter_mut().zip(&columns) {
                if let Some(value) = row.try_get::<Option<f64>>("", column)? {
                    *histogram.entry(duration_bucket(value)).or_insert(0) += 1;
                }
            }
        }
    }
    Ok(histograms)
}

/// One median from the month histogram of `(dim, column)` plus `histogram`, the edge days'.
async fn from_histogram(
    db: &impl ConnectionTrait,
    filter: &StatsFilter,
    span: &Span,
    (dim, column): (&str, &str),
    mut histogram: BTreeMap<u16, u64>,
) -> StoreResult<Read> {
    let backend = db.get_database_backend();
    let total = match backend {
        DatabaseBackend::Postgres => "SUM(r.created)::bigint",
        _ => "SUM(r.created)",
    };
    if let Some(&part) = span.month_rows().first() {
        let mut sql = Sql::new(backend);
        sql.push(&format!("SELECT r.dkey AS k, {total} AS n FROM ("));
        // The roll-ups and the deltas not folded yet (`super::fold`).
        super::fold::push_source_rows(&mut sql, "r.dkey, r.created", |sql| {
            rolled::push_rows_of(sql, filter, dim, part)
        });
        sql.push(") r GROUP BY r.dkey");
        for row in db.query_all(sql.statement()).await? {
            let key: String = row.try_get("", "k")?;
            let count: i64 = row.try_get("", "n")?;
            let bucket = parse_bucket_key(&key).ok_or_else(|| StoreError::invalid("stats_rollups", "bad bucket"))?;
            if count > 0 {
                *histogram.entry(bucket).or_insert(0) += count as u64;
            }
        }
    }
    let Some((low, high)) = locate_median(&histogram) else {
        return Ok(Read::Median(None));
    };
    let values = if low.bucket == high.bucket {
        in_bucket(db, filter, column, low, high.offset - low.offset + 1).await?
    } else {
        let mut first = in_bucket(db, filter, column, low, 1).await?;
        first.extend(in_bucket(db, filter, column, high, 1).await?);
        first
    };
    let wanted = if low.bucket == high.bucket {
        (high.offset - low.offset + 1) as usize
    } else {
        2
    };
    Ok(match (values.len() == wanted, values.first(), values.last()) {
        (true, Some(a), Some(b)) => Read::Median(Some((a + b) / 2.0)),
        _ => Read::Disagreed,
    })
}

/// `count` values of the cohort in `at`'s bucket, in order, from its offset on.
async fn in_bucket(
    db: &impl ConnectionTrait,
    filter: &StatsFilter,
    column: &str,
    at: Located,
    count: u64,
) -> StoreResult<Vec<f64>> {
    let mut sql = Sql::new(db.get_database_backend());
    sql.push(&format!(
        "SELECT c.{column} AS v FROM stats_case_facts c WHERE c.{column} IS NOT NULL"
    ));
    let (low, high) = bucket_range(at.bucket);
    if let Some(low) = low {
        sql.push(&format!(" AND c.{column} >= ")).bind(low);
    }
    if let Some(high) = high {
        sql.push(&format!(" AND c.{column} < ")).bind(high);
    }
    sql.push(" AND");
    filter.push_cohort(&mut sql);
    sql.push(&format!(" ORDER BY c.{column} LIMIT {count} OFFSET {}", at.offset));
    let mut out = Vec::with_capacity(count as usize);
    for row in db.query_all(sql.statement()).await? {
        out.push(row.try_get::<f64>("", "v")?);
    }
    Ok(out)
}

/// The medians by sorting the cohort's durations: from `stats_case_facts` (through its covering
/// index) unless the filter asks for a scan of the cases.
async fn by_sorting(db: &impl ConnectionTrait, filter: &StatsFilter) -> StoreResult<Medians> {
    let backend = db.get_database_backend();
    let probe = Sql::new(backend);
    let (table, dispatch, resolve, close) = if filter.scan {
        (
            "cases",
            probe.seconds("c.created_at", "c.first_dispatched_at"),
            probe.seconds("c.created_at", "c.resolved_at"),
            format!(
                "CASE WHEN c.status = 'closed' THEN {} END",
                probe.seconds("c.created_at", "c.closed_at")
            ),
        )
    } else {
        (
            "stats_case_facts",
            "c.d_secs".to_owned(),
            "c.r_secs".to_owned(),
            "c.c_secs".to_owned(),
        )
    };
    if backend == DatabaseBackend::Postgres {
        let mut sql = Sql::new(backend);
        let pct = |e: &str| format!("percentile_cont(0.5) WITHIN GROUP (ORDER BY {e})");
        sql.push(&format!(
            "SELECT {} AS d, {} AS r, {} AS c FROM {table} c WHERE",
            pct(&dispatch),
            pct(&resolve),
            pct(&close)
        ));
        filter.push_cohort(&mut sql);
        let row = db
            .query_one(sql.statement())
            .await?
            .ok_or_else(|| StoreError::invalid("stats", "no result"))?;
        return Ok(Medians {
            median_hours_to_dispatch: to_hours(row.try_get::<Option<f64>>("", "d")?),
            median_hours_to_resolve: to_hours(row.try_get::<Option<f64>>("", "r")?),
            median_hours_to_close: to_hours(row.try_get::<Option<f64>>("", "c")?),
        });
    }
    // SQLite has no percentile function; the embedded database is small enough to sort in memory.
    let mut sql = Sql::new(backend);
    sql.push(&format!(
        "SELECT {dispatch} AS d, {resolve} AS r, {close} AS c FROM {table} c WHERE"
    ));
    filter.push_cohort(&mut sql);
    let (mut d, mut r, mut c) = (Vec::new(), Vec::new(), Vec::new());
    for row in db.query_all(sql.statement()).await? {
        d.extend(row.try_get::<Option<f64>>("", "d")?);
        r.extend(row.try_get::<Option<f64>>("", "r")?);
        c.extend(row.try_get::<Option<f64>>("", "c")?);
    }
    Ok(Medians {
        median_hours_to_dispatch: to_hours(median(&mut d)),
        median_hours_to_resolve: to_hours(median(&mut r)),
        median_hours_to_close: to_hours(median(&mut c)),
    })
}
