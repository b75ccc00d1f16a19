//! Beijing business days and weeks (Monday to Sunday), the windows the dispatch caps count in.

use chrono::{DateTime, Datelike, Duration, Utc};

use crate::time::{business_day, business_day_start as midnight};

/// When the Beijing day containing `at` began.
pub fn day_start(at: DateTime<Utc>) -> DateTime<Utc> {
    midnight(business_day(at))
}

/// When the Beijing week (starting Monday 00:00) containing `at` began.
pub fn week_start(at: DateTime<Utc>) -> DateTime<Utc> {
    let day = business_day(at);
    midnight(day - Duration::days(i64::from(day.weekday().num_days_from_monday())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn days_and_weeks_turn_at_beijing_midnight() {
        // 2026-12-07 is a Monday; Beijing midnight is 16:00 UTC the day before.
        assert_eq!(day_start(utc("2026-12-06T15:59:59Z")), utc("2026-12-05T16:00:00Z"));
        assert_eq!(day_start(utc("2026-12-06T16:00:00Z")), utc("2026-12-06T16:00:00Z"));
        assert_eq!(week_start(utc("2026-12-06T15:59:59Z")), utc("2026-11-29T16:00:00Z"));
        assert_eq!(week_start(utc("2026-12-06T16:00:00Z")), utc("2026-12-06T16:00:00Z"));
        assert_eq!(week_start(utc("2026-12-13T15:59:59Z")), utc("2026-12-06T16:00:00Z"));
    }
}
