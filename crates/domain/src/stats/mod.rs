//! Reporting periods: calendar dates in a time zone turned into exact UTC instants, and the
//! buckets of a trend. A case created at 23:30 Beijing time on 31 October belongs to October,
//! even though it is 15:30 UTC.

use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

pub mod average;
pub mod median;
pub mod rollup;

/// Statistics default to the business time zone.
pub const DEFAULT_TZ: &str = "Asia/Shanghai";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    #[error("unknown time zone '{0}' (use an IANA name such as Asia/Shanghai)")]
    UnknownTimeZone(String),
    #[error("'to' must not be before 'from'")]
    Reversed,
    #[error("a period may span at most {0} days")]
    TooLong(i64),
    #[error("not a month: expected YYYY-MM")]
    BadMonth,
}

pub const MAX_PERIOD_DAYS: i64 = 3 * 366;

pub fn parse_tz(name: Option<&str>) -> Result<Tz, PeriodError> {
    let name = name.map(str::trim).filter(|n| !n.is_empty()).unwrap_or(DEFAULT_TZ);
    name.parse::<Tz>()
        .map_err(|_| PeriodError::UnknownTimeZone(name.to_owned()))
}

/// The first instant of a local date (the earliest one if a DST change makes it ambiguous,
/// the first existing one if it falls into a gap).
pub fn start_of_day(date: NaiveDate, tz: Tz) -> DateTime<Utc> {
    let midnight = date.and_hms_opt(0, 0, 0).unwrap_or_default();
    match tz.from_local_datetime(&midnight) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.with_timezone(&Utc),
        LocalResult::None => {
            let mut probe = midnight;
            loop {
                probe += Duration::minutes(15);
                if let LocalResult::Single(t) | LocalResult::Ambiguous(t, _) = tz.from_local_datetime(&probe) {
                    return t.with_timezone(&Utc);
                }
            }
        }
    }
}

/// `[from 00:00, to+1 00:00)` in `tz`, both dates inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub tz: Tz,
}

impl Period {
    pub fn new(from: NaiveDate, to: NaiveDate, tz: Tz) -> Result<Self, PeriodError> {
        if to < from {
            return Err(PeriodError::Reversed);
        }
        if (to - from).num_days() >= MAX_PERIOD_DAYS {
            return Err(PeriodError::TooLong(MAX_PERIOD_DAYS));
        }
        let next = to.succ_opt().unwrap_or(to);
        Ok(Period {
            from,
            to,
            start: start_of_day(from, tz),
            end: start_of_day(next, tz),
            tz,
        })
    }

    /// A calendar month, `YYYY-MM`.
    pub fn month(month: &str, tz: Tz) -> Result<Self, PeriodError> {
        let first = NaiveDate::parse_from_str(&format!("{}-01", month.trim()), "%Y-%m-%d")
            .map_err(|_| PeriodError::BadMonth)?;
        let last = next_month(first).pred_opt().unwrap_or(first);
        Period::new(first, last, tz)
    }

    /// The month before a month period (for month-over-month comparisons).
    pub fn previous_month(&self) -> Result<Self, PeriodError> {
        let first = self.from.with_day(1).unwrap_or(self.from);
        let previous_first = first.checked_sub_months(chrono::Months::new(1)).unwrap_or(first);
        Period::new(previous_first, first.pred_opt().unwrap_or(first), self.tz)
    }
}

fn next_month(date: NaiveDate) -> NaiveDate {
    date.checked_add_months(chrono::Months::new(1)).unwrap_or(date)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interval {
    Day,
    Week,
    Month,
}

/// One bucket of a trend: its label (the local start date) and its UTC bounds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket {
    pub label: NaiveDate,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

/// Consecutive buckets covering the period; weeks start on Monday, months on the 1st, and the
/// first and last buckets are clipped to the period.
pub fn buckets(period: &Period, interval: Interval) -> Vec<Bucket> {
    let mut out = Vec::new();
    let mut cursor = period.from;
    while cursor <= period.to {
        let natural_next = match interval {
            Interval::Day => cursor.succ_opt().unwrap_or(cursor),
            Interval::Week => cursor + Duration::days(7 - i64::from(cursor.weekday().num_days_from_monday())),
            Interval::Month => next_month(cursor.with_day(1).unwrap_or(cursor)),
        };
        let next = natural_next.min(period.to.succ_opt().unwrap_or(period.to));
        out.push(Bucket {
            label: cursor,
            start: start_of_day(cursor, period.tz),
            end: start_of_day(next, period.tz),
        });
        if next <= cursor {
            break;
        }
        cursor = next;
    }
    out
}

/// `numerator / denominator`, or `None` when there is nothing to divide.
pub fn rate(numerator: i64, denominator: i64) -> Option<f64> {
    (denominator > 0).then(|| numerator as f64 / denominator as f64)
}

/// The median of unsorted values.
pub fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(|a, b| a.total_cmp(b));
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn a_month_in_beijing_time() {
        let october = Period::month("2026-10", parse_tz(None).unwrap()).unwrap();
        assert_eq!(october.start, utc("2026-09-30T16:00:00Z"));
        assert_eq!(october.end, utc("2026-10-31T16:00:00Z"));
        // 23:30 Beijing time on 31 October is 15:30 UTC: still October.
        let late = utc("2026-10-31T15:30:00Z");
        assert!(late >= october.start && late < october.end);
        let november = Period::month("2026-11", october.tz).unwrap();
        assert!(late < november.start);
        assert_eq!(november.previous_month().unwrap(), october);
    }

    #[test]
    fn other_time_zones_and_dst() {
        let berlin = parse_tz(Some("Europe/Berlin")).unwrap();
        // The day clocks go back is 25 hours long.
        let day = Period::new(date(2026, 10, 25), date(2026, 10, 25), berlin).unwrap();
        assert_eq!(day.end - day.start, Duration::hours(25));
        assert!(parse_tz(Some("Mars/Olympus")).is_err());
        assert_eq!(
            Period::new(date(2026, 2, 1), date(2026, 1, 1), berlin),
            Err(PeriodError::Reversed)
        );
        assert!(Period::new(date(2020, 1, 1), date(2026, 1, 1), berlin).is_err());
        assert_eq!(Period::month("2026-13", berlin), Err(PeriodError::BadMonth));
        assert_eq!(Period::month("nope", berlin), Err(PeriodError::BadMonth));
    }

    #[test]
    fn buckets_cover_the_period_without_gaps() {
        let tz = parse_tz(None).unwrap();
        let period = Period::new(date(2026, 10, 28), date(2026, 11, 10), tz).unwrap();
        let days = buckets(&period, Interval::Day);
        assert_eq!(days.len(), 14);
        let weeks = buckets(&period, Interval::Week);
        // 28 Oct 2026 is a Wednesday: a clipped first week, then weeks from Monday 2 and 9 November.
        assert_eq!(
            weeks.iter().map(|b| b.label).collect::<Vec<_>>(),
            [date(2026, 10, 28), date(2026, 11, 2), date(2026, 11, 9)]
        );
        let months = buckets(&period, Interval::Month);
        assert_eq!(
            months.iter().map(|b| b.label).collect::<Vec<_>>(),
            [date(2026, 10, 28), date(2026, 11, 1)]
        );
        for set in [&days, &weeks, &months] {
            assert_eq!(set.first().unwrap().start, period.start);
            assert_eq!(set.last().unwrap().end, period.end);
            assert!(set.windows(2).all(|w| w[0].end == w[1].start));
        }
    }

    #[test]
    fn rates_and_medians() {
        assert_eq!(rate(1, 4), Some(0.25));
        assert_eq!(rate(1, 0), None);
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&mut [4.0, 1.0, 2.0, 3.0]), Some(2.5));
    }
}
