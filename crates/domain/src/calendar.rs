//! Business hours for deadlines (SLA clocks): working days and hours, public holidays and the
//! make-up working days (调休) that China's holiday schedule adds, entered as dates.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

/// A working calendar in one time zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    pub tz: Tz,
    /// Monday first.
    pub working_weekdays: [bool; 7],
    pub day_start: NaiveTime,
    pub day_end: NaiveTime,
    /// Days off although they fall on a working weekday.
    pub holidays: BTreeSet<NaiveDate>,
    /// Working days although they fall on a weekend (调休).
    pub make_up_days: BTreeSet<NaiveDate>,
}

/// How a deadline's clock runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clock {
    /// 24×7.
    Continuous,
    Business(Calendar),
}

const MAX_DAYS_SCANNED: u32 = 3 * 366;

impl Calendar {
    /// Monday to Friday, 09:00–18:00 Beijing time, no holidays.
    pub fn office_hours() -> Self {
        Calendar {
            tz: chrono_tz::Asia::Shanghai,
            working_weekdays: [true, true, true, true, true, false, false],
            day_start: NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default(),
            day_end: NaiveTime::from_hms_opt(18, 0, 0).unwrap_or_default(),
            holidays: BTreeSet::new(),
            make_up_days: BTreeSet::new(),
        }
    }

    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        if self.make_up_days.contains(&date) {
            return true;
        }
        if self.holidays.contains(&date) {
            return false;
        }
        self.working_weekdays[date.weekday().num_days_from_monday() as usize]
    }

    fn at(&self, date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
        self.tz
            .from_local_datetime(&date.and_time(time))
            .earliest()
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_else(|| date.and_time(time).and_utc())
    }

    /// The working window of a date, if it is a working day.
    fn window(&self, date: NaiveDate) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        (self.is_working_day(date) && self.day_start < self.day_end)
            .then(|| (self.at(date, self.day_start), self.at(date, self.day_end)))
    }

    /// `from` plus `amount` of working time.
    pub fn add(&self, from: DateTime<Utc>, amount: Duration) -> DateTime<Utc> {
        let mut remaining = amount;
        let mut date = from.with_timezone(&self.tz).date_naive();
        let mut cursor = from;
        for _ in 0..MAX_DAYS_SCANNED {
            if let Some((start, end)) = self.window(date) {
                let begin = cursor.max(start);
                if begin < end {
                    let available = end - begin;
                    if remaining <= available {
                        return begin + remaining;
                    }
                    remaining -= available;
                }
            }
            date = date.succ_opt().unwrap_or(date);
            cursor = self.at(date, NaiveTime::MIN);
        }
        cursor
    }

    /// The end of the business day `at` falls in: today's closing time when `at` is on a working
    /// day before it closes, otherwise the closing time of the next working day (a case
    /// registered in the evening, at the weekend or on a holiday is verified the next working
    /// day). Falls back to the end of `at`'s own date when the calendar has no working day.
    pub fn end_of_business_day(&self, at: DateTime<Utc>) -> DateTime<Utc> {
        let mut date = at.with_timezone(&self.tz).date_naive();
        for _ in 0..MAX_DAYS_SCANNED {
            if let Some((_, end)) = self.window(date) {
                if at < end {
                    return end;
                }
            }
            date = date.succ_opt().unwrap_or(date);
        }
        let own = at.with_timezone(&self.tz).date_naive();
        self.at(own.succ_opt().unwrap_or(own), NaiveTime::MIN)
    }

    /// Working time between two instants (zero when `to` is not after `from`).
    pub fn between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Duration {
        let mut total = Duration::zero();
        if to <= from {
            return total;
        }
        let mut date = from.with_timezone(&self.tz).date_naive();
        for _ in 0..MAX_DAYS_SCANNED {
            if let Some((start, end)) = self.window(date) {
                let begin = from.max(start);
                let finish = to.min(end);
                if begin < finish {
                    total += finish - begin;
                }
                if end >= to {
                    break;
                }
            }
            if self.at(date, NaiveTime::MIN) > to {
                break;
            }
            date = date.succ_opt().unwrap_or(date);
        }
        total
    }
}

impl Clock {
    pub fn add(&self, from: DateTime<Utc>, amount: Duration) -> DateTime<Utc> {
        match self {
            Clock::Continuous => from + amount,
            Clock::Business(calendar) => calendar.add(from, amount),
        }
    }

    pub fn between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Duration {
        match self {
            Clock::Continuous => (to - from).max(Duration::zero()),
            Clock::Business(calendar) => calendar.between(from, to),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Beijing local time → UTC.
    fn bj(s: &str) -> DateTime<Utc> {
        chrono_tz::Asia::Shanghai
            .from_local_datetime(&chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap())
            .unwrap()
            .with_timezone(&Utc)
    }

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_business_day_ends_today_or_on_the_next_working_day() {
        let mut calendar = Calendar::office_hours();
        calendar.holidays.insert(date("2026-12-01"));
        let end = |s| calendar.end_of_business_day(bj(s));
        // 30 Nov 2026 is a Monday; 1 Dec a holiday.
        assert_eq!(end("2026-11-30 07:00"), bj("2026-11-30 18:00"), "before opening: today");
        assert_eq!(end("2026-11-30 17:59"), bj("2026-11-30 18:00"));
        assert_eq!(
            end("2026-11-30 18:00"),
            bj("2026-12-02 18:00"),
            "after hours: the next working day, past the holiday"
        );
        assert_eq!(end("2026-11-28 11:00"), bj("2026-11-30 18:00"), "a Saturday: Monday");
        let mut never = calendar.clone();
        never.working_weekdays = [false; 7];
        never.make_up_days.clear();
        assert_eq!(
            never.end_of_business_day(bj("2026-11-28 11:00")),
            bj("2026-11-29 00:00"),
            "no working day at all: midnight"
        );
    }

    #[test]
    fn friday_evening_plus_two_hours_lands_on_monday() {
        let calendar = Calendar::office_hours();
        // 27 Nov 2026 is a Friday.
        assert_eq!(
            calendar.add(bj("2026-11-27 17:00"), Duration::hours(2)),
            bj("2026-11-30 10:00")
        );
        assert_eq!(
            calendar.add(bj("2026-11-28 11:00"), Duration::hours(1)),
            bj("2026-11-30 10:00"),
            "a Saturday report starts Monday"
        );
        assert_eq!(
            calendar.add(bj("2026-11-30 07:00"), Duration::hours(1)),
            bj("2026-11-30 10:00"),
            "before opening"
        );
        assert_eq!(
            calendar.add(bj("2026-11-30 10:00"), Duration::hours(9)),
            bj("2026-12-01 10:00"),
            "a whole working day"
        );
    }

    #[test]
    fn holidays_and_make_up_days() {
        let mut calendar = Calendar::office_hours();
        calendar.holidays.insert(date("2026-11-30"));
        assert_eq!(
            calendar.add(bj("2026-11-27 17:00"), Duration::hours(2)),
            bj("2026-12-01 10:00"),
            "Monday is a holiday"
        );
        calendar.make_up_days.insert(date("2026-11-28"));
        assert_eq!(
            calendar.add(bj("2026-11-27 17:00"), Duration::hours(2)),
            bj("2026-11-28 10:00"),
            "Saturday is a make-up working day"
        );
        assert!(calendar.is_working_day(date("2026-11-28")));
        assert!(!calendar.is_working_day(date("2026-11-30")));
        assert!(!calendar.is_working_day(date("2026-11-29")));
    }

    #[test]
    fn working_time_between_instants() {
        let calendar = Calendar::office_hours();
        assert_eq!(
            calendar.between(bj("2026-11-27 17:00"), bj("2026-11-30 10:00")),
            Duration::hours(2)
        );
        assert_eq!(
            calendar.between(bj("2026-11-28 09:00"), bj("2026-11-29 18:00")),
            Duration::zero(),
            "a weekend"
        );
        assert_eq!(
            calendar.between(bj("2026-11-30 10:00"), bj("2026-11-30 09:00")),
            Duration::zero()
        );
        assert_eq!(
            calendar.between(bj("2026-11-30 00:00"), bj("2026-12-07 00:00")),
            Duration::hours(45),
            "a full week"
        );
        // add and between agree.
        let start = bj("2026-11-26 15:30");
        for hours in [1, 5, 9, 17, 40] {
            let due = calendar.add(start, Duration::hours(hours));
            assert_eq!(calendar.between(start, due), Duration::hours(hours), "{hours}h");
        }
    }

    #[test]
    fn the_continuous_clock_ignores_the_calendar() {
        let clock = Clock::Continuous;
        assert_eq!(
            clock.add(bj("2026-11-27 17:00"), Duration::hours(2)),
            bj("2026-11-27 19:00")
        );
        assert_eq!(
            clock.between(bj("2026-11-27 17:00"), bj("2026-11-27 19:00")),
            Duration::hours(2)
        );
        assert_eq!(
            Clock::Business(Calendar::office_hours()).add(bj("2026-11-27 17:00"), Duration::hours(2)),
            bj("2026-11-30 10:00")
        );
    }
}
