//! When a patrol route is due and which missed period a warning is for.
//!
//! A route patrolled every N days (Beijing days) and last patrolled on day D must be patrolled
//! again by the end of day D + N. Each further N days without a patrol is another missed
//! period; a warning is raised once per missed period, named by the day the period ended.

use chrono::{Duration, NaiveDate};

/// The last day by which the next patrol is due.
pub fn due_day(last_day: NaiveDate, every_days: u32) -> NaiveDate {
    last_day + Duration::days(i64::from(every_days))
}

/// The end of the latest missed period as of `today`, or `None` when the route is not overdue.
pub fn missed_through(last_day: NaiveDate, every_days: u32, today: NaiveDate) -> Option<NaiveDate> {
    let every = i64::from(every_days.max(1));
    let first_due = last_day + Duration::days(every);
    if today <= first_due {
        return None;
    }
    let periods = (today - last_day).num_days().saturating_sub(1) / every;
    Some(last_day + Duration::days(every * periods))
}

/// Allowed patrol intervals: a day to a quarter.
pub fn valid_every_days(every_days: u32) -> bool {
    (1..=92).contains(&every_days)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, day).unwrap()
    }

    #[test]
    fn a_daily_route_is_missed_the_day_after_it_was_due() {
        assert_eq!(due_day(d(5), 1), d(6));
        assert_eq!(missed_through(d(5), 1, d(5)), None);
        assert_eq!(missed_through(d(5), 1, d(6)), None);
        assert_eq!(missed_through(d(5), 1, d(7)), Some(d(6)));
        assert_eq!(missed_through(d(5), 1, d(8)), Some(d(7)));
    }

    #[test]
    fn a_weekly_route_counts_whole_weeks() {
        let table = [
            (8, None),
            (9, Some(8)),
            (15, Some(8)),
            (16, Some(15)),
            (22, Some(15)),
            (23, Some(22)),
        ];
        for (today, expected) in table {
            assert_eq!(missed_through(d(1), 7, d(today)), expected.map(d), "today {today}");
        }
    }

    #[test]
    fn intervals_are_bounded() {
        assert!(valid_every_days(1));
        assert!(valid_every_days(7));
        assert!(!valid_every_days(0));
        assert!(!valid_every_days(93));
    }
}
