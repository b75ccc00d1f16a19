//! The business calendar deadlines on business hours run on: working weekdays and hours, and
//! the public holidays and make-up working days (调休) entered as dates each year.

use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveTime};
use huiyin_domain::calendar::Calendar;
use sea_orm::ConnectionTrait;
use serde::{Deserialize, Serialize};

use crate::{settings, StoreError, StoreResult};

/// The calendar as the settings document stores it (JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BusinessCalendar {
    /// Working weekdays, 1 = Monday … 7 = Sunday.
    pub working_weekdays: Vec<u8>,
    /// Start of the working day, local time (Asia/Shanghai), `HH:MM`.
    pub day_start: String,
    pub day_end: String,
    /// Days off although they fall on a working weekday (法定节假日).
    pub holidays: Vec<NaiveDate>,
    /// Working days although they fall on a weekend (调休).
    pub make_up_days: Vec<NaiveDate>,
}

impl Default for BusinessCalendar {
    fn default() -> Self {
        BusinessCalendar {
            working_weekdays: vec![1, 2, 3, 4, 5],
            day_start: "09:00".into(),
            day_end: "18:00".into(),
            holidays: Vec::new(),
            make_up_days: Vec::new(),
        }
    }
}

fn time(field: &str, value: &str) -> StoreResult<NaiveTime> {
    NaiveTime::parse_from_str(value, "%H:%M").map_err(|_| StoreError::invalid(field, "must be a time like 09:00"))
}

impl BusinessCalendar {
    pub fn validate(&self) -> StoreResult<()> {
        if self.working_weekdays.iter().any(|d| !(1..=7).contains(d)) {
            return Err(StoreError::invalid(
                "working_weekdays",
                "weekdays are numbered 1 (Monday) to 7",
            ));
        }
        if time("day_start", &self.day_start)? >= time("day_end", &self.day_end)? {
            return Err(StoreError::invalid("day_end", "must be after day_start"));
        }
        if self.holidays.len() + self.make_up_days.len() > 2000 {
            return Err(StoreError::invalid("holidays", "at most 2,000 dates"));
        }
        if let Some(both) = self.holidays.iter().find(|d| self.make_up_days.contains(d)) {
            return Err(StoreError::invalid(
                "make_up_days",
                format!("{both} is also listed as a holiday"),
            ));
        }
        Ok(())
    }

    /// The domain calendar (the stored document has been validated when saved).
    pub fn to_calendar(&self) -> Calendar {
        let mut calendar = Calendar::office_hours();
        calendar.working_weekdays = [1u8, 2, 3, 4, 5, 6, 7].map(|d| self.working_weekdays.contains(&d));
        if let (Ok(start), Ok(end)) = (time("day_start", &self.day_start), time("day_end", &self.day_end)) {
            calendar.day_start = start;
            calendar.day_end = end;
        }
        calendar.holidays = self.holidays.iter().copied().collect::<BTreeSet<_>>();
        calendar.make_up_days = self.make_up_days.iter().copied().collect::<BTreeSet<_>>();
        calendar
    }
}

/// The calendar and its version (0 while it has never been saved).
pub async fn load(db: &impl ConnectionTrait) -> StoreResult<(BusinessCalendar, i32)> {
    settings::get(db, settings::CALENDAR).await
}

pub async fn save(db: &impl ConnectionTrait, calendar: &BusinessCalendar, expected_version: i32) -> StoreResult<i32> {
    calendar.validate()?;
    let version = settings::put(db, settings::CALENDAR, calendar, expected_version).await?;
    crate::cache::changed(db, crate::cache::Topic::Calendar).await?;
    Ok(version)
}
