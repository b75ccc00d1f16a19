//! `huiyin stats-check`: every statistics call computed from the roll-ups and from a scan of the
//! cases, compared and timed. An operational check that the roll-ups are exact, and the
//! before/after figures of the README.

use std::time::Instant;

use chrono::NaiveDate;
use huiyin_domain::stats::{parse_tz, Period};
use sea_orm::ConnectionTrait;

use super::breakdown::{breakdown, Dimension};
use super::report::monthly;
use super::summary::summary;
use super::trend::{trend, TrendInterval};
use super::StatsFilter;
use crate::{StoreError, StoreResult};

#[derive(Debug, Clone)]
pub struct CheckLine {
    pub call: String,
    pub rolled_ms: f64,
    pub scan_ms: f64,
    pub equal: bool,
}

fn filter(from: NaiveDate, to: NaiveDate, scan: bool) -> StoreResult<StatsFilter> {
    let tz = parse_tz(None).map_err(|e| StoreError::invalid("tz", e.to_string()))?;
    Ok(StatsFilter {
        period: Period::new(from, to, tz).map_err(|e| StoreError::invalid("period", e.to_string()))?,
        allowed_projects: None,
        project_id: None,
        area_id: None,
        kind: None,
        scan,
    })
}

macro_rules! timed {
    ($e:expr) => {{
        let started = Instant::now();
        let value = $e;
        (value, started.elapsed().as_secs_f64() * 1000.0)
    }};
}

/// Compares each call over `[from, to]` (named `label`); `month` (`YYYY-MM`) for the report.
pub async fn compare(
    db: &impl ConnectionTrait,
    label: &str,
    from: NaiveDate,
    to: NaiveDate,
    month: Option<&str>,
) -> StoreResult<Vec<CheckLine>> {
    let fast = filter(from, to, false)?;
    let scan = filter(from, to, true)?;
    let mut out = Vec::new();
    let mut line = |call: String, rolled_ms: f64, scan_ms: f64, equal: bool| {
        out.push(CheckLine {
            call,
            rolled_ms,
            scan_ms,
            equal,
        })
    };
    let (a, ta) = timed!(summary(db, &fast).await?);
    let (b, tb) = timed!(summary(db, &scan).await?);
    line(format!("summary {label}"), ta, tb, a == b);
    for by in [Dimension::Category, Dimension::Project] {
        let (a, ta) = timed!(breakdown(db, &fast, by).await?);
        let (b, tb) = timed!(breakdown(db, &scan, by).await?);
        line(format!("breakdown {by:?} {label}"), ta, tb, a == b);
    }
    for interval in [TrendInterval::Day, TrendInterval::Month] {
        let (a, ta) = timed!(trend(db, &fast, interval).await?);
        let (b, tb) = timed!(trend(db, &scan, interval).await?);
        line(format!("trend {interval:?} {label}"), ta, tb, a == b);
    }
    if let Some(month) = month {
        let tz = parse_tz(None).map_err(|e| StoreError::invalid("tz", e.to_string()))?;
        let period = Period::month(month, tz).map_err(|e| StoreError::invalid("month", e.to_string()))?;
        let (a, ta) = timed!(monthly(db, month, &StatsFilter { period, ..fast.clone() }).await?);
        let (b, tb) = timed!(monthly(db, month, &StatsFilter { period, ..scan.clone() }).await?);
        line(format!("report {month}"), ta, tb, a == b);
    }
    Ok(out)
}
