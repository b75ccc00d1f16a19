//! What one case contributes to the statistics roll-ups, as pure arithmetic.
//!
//! The store keeps one row of [`Facts`] per case and integer sums keyed by [`Key`]
//! (`grain, dim, day, project, area, kind, dkey`): grain `d` (a Beijing day, `day = yyyymmdd`) or
//! `m` (a Beijing month, `day = yyyymm01`); dim `''` (no further key), `status`, or one breakdown
//! dimension of [`DIMS`] (month grain only). Durations are summed in microseconds, so adding and
//! subtracting stays exact. The dims of [`HISTOGRAMS`] and [`AREA_HISTOGRAMS`] count cases per
//! duration bucket ([`super::median`]) for the exact medians.
//!
//! A change to a case is recorded as the difference between its old and its new
//! [`Facts::contributions`] ([`add_into`] with sign -1 and +1), so the sums never drift from what
//! recomputing everything would give.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::median::{bucket_key, duration_bucket};
use crate::case::{CaseStatus, Satisfaction};
use crate::sla::escalation::Level;
use crate::time::business_day;

/// The summed columns, in storage order.
pub const SUMS: [&str; 23] = [
    "created",
    "closed",
    "cancelled",
    "closed_on_spot",
    "dispatched",
    "second_dispatched",
    "verify_due",
    "verify_on_time",
    "resolve_due",
    "resolve_on_time",
    "visit_due",
    "s_very_dissatisfied",
    "s_dissatisfied",
    "s_satisfied",
    "s_very_satisfied",
    "dispatch_us",
    "resolve_us",
    "resolved",
    "close_us",
    "closed_in",
    "ended",
    "escalated_area",
    "escalated_company",
];
const N: usize = SUMS.len();
/// One roll-up row's sums, in [`SUMS`] order.
pub type Vals = [i64; N];
/// Sums of nothing.
pub const ZERO: Vals = [0; N];

const CREATED: usize = 0;
const CLOSED: usize = 1;
const CANCELLED: usize = 2;
const CLOSED_ON_SPOT: usize = 3;
const DISPATCHED: usize = 4;
const SECOND_DISPATCHED: usize = 5;
const VERIFY_DUE: usize = 6;
const VERIFY_ON_TIME: usize = 7;
const RESOLVE_DUE: usize = 8;
const RESOLVE_ON_TIME: usize = 9;
const VISIT_DUE: usize = 10;
/// The first of the four satisfaction counts, in `Satisfaction::ALL` order.
const SATISFACTION: usize = 11;
const DISPATCH_US: usize = 15;
const RESOLVE_US: usize = 16;
const RESOLVED: usize = 17;
const CLOSE_US: usize = 18;
const CLOSED_IN: usize = 19;
const ENDED: usize = 20;
const ESCALATED_AREA: usize = 21;
const ESCALATED_COMPANY: usize = 22;

/// Breakdown dimensions stored with their own key (month grain only). Project, area and kind are
/// part of every key.
pub const DIMS: [&str; 7] = [
    "category",
    "channel",
    "severity",
    "department",
    "assignee",
    "building",
    "cancel_reason",
];

/// Month histograms of the three durations, `(dim, stats_case_facts column)`: the row's `dkey` is
/// the duration's bucket ([`super::median`]) and `created` counts the cases in it. Kept per
/// project and kind (area nil), which keeps a year's histogram small for the usual calls, and
/// again per area ([`AREA_HISTOGRAMS`]) for calls filtered by area.
pub const HISTOGRAMS: [(&str, &str); 3] = [("h_dispatch", "d_secs"), ("h_resolve", "r_secs"), ("h_close", "c_secs")];
/// The same histograms with the case's area in the key.
pub const AREA_HISTOGRAMS: [(&str, &str); 3] = [
    ("ha_dispatch", "d_secs"),
    ("ha_resolve", "r_secs"),
    ("ha_close", "c_secs"),
];

/// `yyyymmdd` of a date: the `day` of a day row.
pub fn day_number(date: NaiveDate) -> i32 {
    date.year() * 10_000 + date.month() as i32 * 100 + date.day() as i32
}

/// `yyyymm01` of a date's month: the `day` of a month row.
pub fn month_number(date: NaiveDate) -> i32 {
    date.year() * 10_000 + date.month() as i32 * 100 + 1
}

/// What one case contributes to the figures: the case fields the figures read. Stored as JSON,
/// so fields added later default when older rows are read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Facts {
    pub created_at: DateTime<Utc>,
    pub project_id: Uuid,
    pub area_id: Option<Uuid>,
    pub kind: String,
    pub category_id: Option<Uuid>,
    pub channel: String,
    pub severity: String,
    pub department_id: Option<Uuid>,
    pub assignee_id: Option<Uuid>,
    /// `project_id/building` of the case's property.
    pub building: Option<String>,
    pub status: String,
    pub closed_on_spot: bool,
    pub dispatch_count: i32,
    pub first_dispatched_at: Option<DateTime<Utc>>,
    pub verified_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub due_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub last_satisfaction: Option<String>,
    /// The highest escalation level reached (facts stored before it existed read as project).
    #[serde(default)]
    pub peak_level: String,
    /// The verification deadline: `on_time_verify` counts verifications by it (issue #19; facts
    /// stored before read as none, and then the same Beijing date counts, as it did).
    #[serde(default)]
    pub verify_due_at: Option<DateTime<Utc>>,
    /// Why a cancelled case was cancelled (the `cancel_reason` breakdown).
    #[serde(default)]
    pub cancel_reason: Option<String>,
}

/// Verified in time: by the verification deadline, or (without one) on the Beijing date of
/// registration. The store's `figures::push_columns` says the same in SQL.
pub fn verified_in_time(
    created_at: DateTime<Utc>,
    verified_at: Option<DateTime<Utc>>,
    verify_due_at: Option<DateTime<Utc>>,
) -> bool {
    match (verified_at, verify_due_at) {
        (None, _) => false,
        (Some(v), Some(due)) => v <= due,
        (Some(v), None) => business_day(v) == business_day(created_at),
    }
}

/// A roll-up row's key; the field order is the primary key's, so sorted keys lock in index order.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    pub grain: &'static str,
    pub dim: &'static str,
    pub day: i32,
    pub project_id: Uuid,
    pub area_id: Uuid,
    pub kind: String,
    pub dkey: String,
}

impl Facts {
    fn is(&self, status: CaseStatus) -> bool {
        self.status == status.as_str()
    }

    fn micros(&self, to: Option<DateTime<Utc>>) -> Option<i64> {
        to.and_then(|t| (t - self.created_at).num_microseconds())
    }

    /// Seconds from registration to the first dispatch, the latest resolution and the closing.
    pub fn durations(&self) -> [Option<f64>; 3] {
        let secs = |us: Option<i64>| us.map(|us| us as f64 / 1_000_000.0);
        let close = if self.is(CaseStatus::Closed) {
            self.closed_at
        } else {
            None
        };
        [
            secs(self.micros(self.first_dispatched_at)),
            secs(self.micros(self.resolved_at)),
            secs(self.micros(close)),
        ]
    }

    /// The cohort sums of this case alone (as in the store's `figures::push_columns`; `overdue`
    /// depends on the clock and is counted live).
    pub fn cohort(&self) -> Vals {
        let mut v = ZERO;
        let one = |b: bool| i64::from(b);
        let closed = self.is(CaseStatus::Closed);
        let cancelled = self.is(CaseStatus::Cancelled);
        let level_reached = |level: Level| Level::parse(&self.peak_level).is_some_and(|peak| peak >= level);
        v[CREATED] = 1;
        v[CLOSED] = one(closed);
        v[CANCELLED] = one(cancelled);
        v[CLOSED_ON_SPOT] = one(self.closed_on_spot);
        v[DISPATCHED] = one(self.dispatch_count >= 1);
        v[SECOND_DISPATCHED] = one(self.dispatch_count >= 2);
        v[ESCALATED_AREA] = one(level_reached(Level::Area));
        v[ESCALATED_COMPANY] = one(level_reached(Level::Company));
        let verify_due = !self.closed_on_spot && !cancelled;
        v[VERIFY_DUE] = one(verify_due);
        v[VERIFY_ON_TIME] = one(verify_due && verified_in_time(self.created_at, self.verified_at, self.verify_due_at));
        v[RESOLVE_DUE] = one(self.resolved_at.is_some() && self.due_at.is_some());
        v[RESOLVE_ON_TIME] = one(matches!((self.resolved_at, self.due_at), (Some(r), Some(d)) if r <= d));
        v[VISIT_DUE] = one(!self.closed_on_spot && (self.is(CaseStatus::Visiting) || self.last_satisfaction.is_some()));
        for (i, level) in Satisfaction::ALL.iter().enumerate() {
            v[SATISFACTION + i] = one(self.last_satisfaction.as_deref() == Some(level.as_str()));
        }
        v[DISPATCH_US] = self.micros(self.first_dispatched_at).unwrap_or(0);
        v[RESOLVE_US] = self.micros(self.resolved_at).unwrap_or(0);
        v[RESOLVED] = one(self.resolved_at.is_some());
        v[CLOSE_US] = if closed {
            self.micros(self.closed_at).unwrap_or(0)
        } else {
            0
        };
        v
    }

    /// The case's key in a breakdown dimension (`''` for none, and for dims without one).
    pub fn dim_key(&self, dim: &str) -> String {
        let id = |v: Option<Uuid>| v.map(|v| v.to_string()).unwrap_or_default();
        match dim {
            "category" => id(self.category_id),
            "channel" => self.channel.clone(),
            "severity" => self.severity.clone(),
            "department" => id(self.department_id),
            "assignee" => id(self.assignee_id),
            "building" => self.building.clone().unwrap_or_default(),
            "status" => self.status.clone(),
            "cancel_reason" => self.cancel_reason.clone().unwrap_or_default(),
            _ => String::new(),
        }
    }

    fn key(&self, grain: &'static str, date: NaiveDate, dim: &'static str) -> Key {
        Key {
            grain,
            dim,
            day: if grain == "m" {
                month_number(date)
            } else {
                day_number(date)
            },
            project_id: self.project_id,
            area_id: self.area_id.unwrap_or(Uuid::nil()),
            kind: self.kind.clone(),
            dkey: self.dim_key(dim),
        }
    }

    /// The histogram rows of the durations this case has, per project and per area.
    fn histogram_rows(&self, created: NaiveDate) -> Vec<(Key, Vals)> {
        let mut out = Vec::with_capacity(6);
        for (((dim, _), (area_dim, _)), secs) in HISTOGRAMS.into_iter().zip(AREA_HISTOGRAMS).zip(self.durations()) {
            let Some(secs) = secs else { continue };
            let dkey = bucket_key(duration_bucket(secs));
            let per_project = Key {
                area_id: Uuid::nil(),
                dkey: dkey.clone(),
                ..self.key("m", created, dim)
            };
            out.push((per_project, single(CREATED)));
            out.push((
                Key {
                    dkey,
                    ..self.key("m", created, area_dim)
                },
                single(CREATED),
            ));
        }
        out
    }

    /// When the case left the handling loop: the earlier of closing and cancelling.
    fn ended_at(&self) -> Option<DateTime<Utc>> {
        match (self.closed_at, self.cancelled_at) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Every roll-up row this case adds to, with what it adds.
    pub fn contributions(&self) -> Vec<(Key, Vals)> {
        let mut out = Vec::with_capacity(16);
        let created = business_day(self.created_at);
        let cohort = self.cohort();
        for grain in ["d", "m"] {
            out.push((self.key(grain, created, ""), cohort));
            out.push((self.key(grain, created, "status"), single(CREATED)));
        }
        for dim in DIMS {
            out.push((self.key("m", created, dim), cohort));
        }
        out.extend(self.histogram_rows(created));
        if let (true, Some(closed)) = (self.is(CaseStatus::Closed), self.closed_at) {
            for grain in ["d", "m"] {
                out.push((self.key(grain, business_day(closed), ""), single(CLOSED_IN)));
            }
        }
        if let Some(ended) = self.ended_at() {
            for grain in ["d", "m"] {
                out.push((self.key(grain, business_day(ended), ""), single(ENDED)));
            }
        }
        out
    }
}

/// A row of sums counting one in column `index`.
fn single(index: usize) -> Vals {
    let mut v = ZERO;
    v[index] = 1;
    v
}

/// Adds `sign` × `vals` to `slot`.
pub fn accumulate(slot: &mut Vals, vals: &Vals, sign: i64) {
    for (s, v) in slot.iter_mut().zip(vals) {
        *s += sign * v;
    }
}

/// Adds `sign` × each row to `map`.
pub fn add_into(map: &mut BTreeMap<Key, Vals>, rows: Vec<(Key, Vals)>, sign: i64) {
    for (key, vals) in rows {
        accumulate(map.entry(key).or_insert(ZERO), &vals, sign);
    }
}

/// The change of the roll-ups when a case's facts go from `old` (none: a new case) to `new`.
/// Rows whose difference is zero are left out.
pub fn difference(old: Option<&Facts>, new: &Facts) -> BTreeMap<Key, Vals> {
    let mut delta = BTreeMap::new();
    if let Some(old) = old {
        add_into(&mut delta, old.contributions(), -1);
    }
    add_into(&mut delta, new.contributions(), 1);
    delta.retain(|_, vals| vals.iter().any(|v| *v != 0));
    delta
}

#[cfg(test)]
#[path = "rollup_tests.rs"]
mod tests;
