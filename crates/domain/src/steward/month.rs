//! Beijing months: visits are counted per calendar month in Beijing time, whatever the server's
//! time zone, so a visit at 23:30 on the 31st (Beijing) belongs to that month although it is
//! 15:30 UTC.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use crate::time::{business_day, business_day_start};

/// A calendar month, e.g. `2026-12`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    /// 1–12.
    pub month: u32,
}

impl Month {
    /// Parses `YYYY-MM`; `None` for anything else.
    pub fn parse(text: &str) -> Option<Month> {
        let (year, month) = text.split_once('-')?;
        if year.len() != 4 || month.len() != 2 || !year.chars().chain(month.chars()).all(|c| c.is_ascii_digit()) {
            return None;
        }
        let month = Month {
            year: year.parse().ok()?,
            month: month.parse().ok()?,
        };
        month.first_day().map(|_| month)
    }

    /// The Beijing month an instant falls in.
    pub fn of(at: DateTime<Utc>) -> Month {
        let day = business_day(at);
        Month {
            year: day.year(),
            month: day.month(),
        }
    }

    pub fn first_day(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month, 1)
    }

    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    /// The month's first instant (inclusive) and the next month's first instant (exclusive), in UTC.
    pub fn bounds(self) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        let start = |m: Month| m.first_day().map(business_day_start);
        Some((start(self)?, start(self.next())?))
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn parses_only_year_dash_month() {
        assert_eq!(Month::parse("2026-12"), Some(Month { year: 2026, month: 12 }));
        for bad in [
            "2026-13",
            "2026-00",
            "2026-1",
            "26-12",
            "2026/12",
            "2026-12-01",
            "",
            "abcd-ef",
        ] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
        assert_eq!(Month::parse("2026-12").unwrap().to_string(), "2026-12");
    }

    #[test]
    fn months_turn_at_midnight_beijing_time() {
        assert_eq!(Month::of(utc("2026-11-30T15:59:59Z")).to_string(), "2026-11");
        assert_eq!(Month::of(utc("2026-11-30T16:00:00Z")).to_string(), "2026-12");
        let (start, end) = Month::parse("2026-12").unwrap().bounds().unwrap();
        assert_eq!(start, utc("2026-11-30T16:00:00Z"));
        assert_eq!(end, utc("2026-12-31T16:00:00Z"));
        let (_, end) = Month::parse("2026-02").unwrap().bounds().unwrap();
        assert_eq!(end, utc("2026-02-28T16:00:00Z"));
    }
}
