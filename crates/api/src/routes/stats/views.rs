//! The statistics contract: the core figures and the summary, trend and current-load answers.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use huiyin_store::stats::{current, figures, loops, medians, summary, trend};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct PeriodInfo {
    pub from: NaiveDate,
    pub to: NaiveDate,
    #[schema(example = "Asia/Shanghai")]
    pub tz: String,
    /// The period's first instant (inclusive), UTC.
    pub start: DateTime<Utc>,
    /// The instant after the period (exclusive), UTC.
    pub end: DateTime<Utc>,
}

impl From<summary::PeriodInfo> for PeriodInfo {
    fn from(p: summary::PeriodInfo) -> Self {
        PeriodInfo {
            from: p.from,
            to: p.to,
            tz: p.tz,
            start: p.start,
            end: p.end,
        }
    }
}

/// A rate with what it was computed from.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct Ratio {
    pub numerator: i64,
    pub denominator: i64,
    /// `numerator / denominator`; `null` when the denominator is 0.
    pub rate: Option<f64>,
}

impl From<figures::Ratio> for Ratio {
    fn from(r: figures::Ratio) -> Self {
        Ratio {
            numerator: r.numerator,
            denominator: r.denominator,
            rate: r.rate,
        }
    }
}

/// The core figures of a cohort (or of one group of it). Definitions: README, "Statistics".
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct Figures {
    /// Cases created in the period.
    pub created: i64,
    /// Of those, closed now.
    pub closed: i64,
    pub cancelled: i64,
    /// Neither closed nor cancelled now.
    pub open: i64,
    /// Open and past their due time now.
    pub overdue: i64,
    /// Satisfied + very satisfied, over rated cases (the latest rating of each case).
    pub satisfaction: Ratio,
    /// Count of each level, keyed `very_dissatisfied` … `very_satisfied`.
    pub satisfaction_levels: BTreeMap<String, i64>,
    /// Verified by their verification deadline (the end of the business day of registration by
    /// default), over cases that needed verifying.
    pub on_time_verify: Ratio,
    /// Resolved by their due time, over resolved cases that had one.
    pub on_time_resolve: Ratio,
    /// Cases rated on a return visit, over cases that reached the visit stage.
    pub visit_coverage: Ratio,
    /// Closed on the spot, over cases not cancelled.
    pub first_contact_resolution: Ratio,
    /// Dispatched twice or more, over dispatched cases.
    pub second_dispatch: Ratio,
    pub average_hours_to_dispatch: Option<f64>,
    pub average_hours_to_resolve: Option<f64>,
    pub average_hours_to_close: Option<f64>,
    /// Cases that reached each escalation level (by the highest level they ever reached).
    pub escalations: Escalations,
}

impl From<figures::Figures> for Figures {
    fn from(f: figures::Figures) -> Self {
        Figures {
            created: f.created,
            closed: f.closed,
            cancelled: f.cancelled,
            open: f.open,
            overdue: f.overdue,
            satisfaction: f.satisfaction.into(),
            satisfaction_levels: f.satisfaction_levels,
            on_time_verify: f.on_time_verify.into(),
            on_time_resolve: f.on_time_resolve.into(),
            visit_coverage: f.visit_coverage.into(),
            first_contact_resolution: f.first_contact_resolution.into(),
            second_dispatch: f.second_dispatch.into(),
            average_hours_to_dispatch: f.average_hours_to_dispatch,
            average_hours_to_resolve: f.average_hours_to_resolve,
            average_hours_to_close: f.average_hours_to_close,
            escalations: Escalations {
                area: f.escalations.area,
                company: f.escalations.company,
            },
        }
    }
}

/// Cases escalated to the area level or above, and to the company level.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct Escalations {
    pub area: i64,
    pub company: i64,
}

#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct Medians {
    pub median_hours_to_dispatch: Option<f64>,
    pub median_hours_to_resolve: Option<f64>,
    pub median_hours_to_close: Option<f64>,
}

impl From<medians::Medians> for Medians {
    fn from(m: medians::Medians) -> Self {
        Medians {
            median_hours_to_dispatch: m.median_hours_to_dispatch,
            median_hours_to_resolve: m.median_hours_to_resolve,
            median_hours_to_close: m.median_hours_to_close,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, Serialize, ToSchema, PartialEq, Eq)]
pub struct LoopFigures {
    /// Repairs that repeat a repair of the same property and category closed shortly before (二次报修).
    pub repeat_repairs: i64,
    /// Cases whose satisfaction visit was closed as unreachable after the last try (no rating).
    pub unreachable_visits: i64,
}

impl From<loops::LoopFigures> for LoopFigures {
    fn from(l: loops::LoopFigures) -> Self {
        LoopFigures {
            repeat_repairs: l.repeat_repairs,
            unreachable_visits: l.unreachable_visits,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct Summary {
    pub period: PeriodInfo,
    #[serde(flatten)]
    pub figures: Figures,
    #[serde(flatten)]
    pub medians: Medians,
    /// Cases created in the period, by kind.
    pub by_kind: BTreeMap<String, i64>,
    /// Cases created in the period, by their status now.
    pub by_status: BTreeMap<String, i64>,
    /// Cases closed during the period, whenever they were created.
    pub closed_in_period: i64,
    /// Cases created before the period's end and neither closed nor cancelled by then.
    pub open_at_end: i64,
    /// Repeat repairs and visits closed as unreachable (issue #19).
    #[serde(flatten)]
    pub loops: LoopFigures,
}

impl From<summary::Summary> for Summary {
    fn from(s: summary::Summary) -> Self {
        Summary {
            period: s.period.into(),
            figures: s.figures.into(),
            medians: s.medians.into(),
            by_kind: s.by_kind,
            by_status: s.by_status,
            closed_in_period: s.closed_in_period,
            open_at_end: s.open_at_end,
            loops: s.loops.into(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum TrendInterval {
    #[default]
    Day,
    Week,
    Month,
}

impl From<TrendInterval> for trend::TrendInterval {
    fn from(i: TrendInterval) -> Self {
        match i {
            TrendInterval::Day => trend::TrendInterval::Day,
            TrendInterval::Week => trend::TrendInterval::Week,
            TrendInterval::Month => trend::TrendInterval::Month,
        }
    }
}

impl From<trend::TrendInterval> for TrendInterval {
    fn from(i: trend::TrendInterval) -> Self {
        match i {
            trend::TrendInterval::Day => TrendInterval::Day,
            trend::TrendInterval::Week => TrendInterval::Week,
            trend::TrendInterval::Month => TrendInterval::Month,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct TrendPoint {
    /// The bucket's first local date.
    pub date: NaiveDate,
    /// Cases closed during the bucket (whenever created).
    pub closed_in_bucket: i64,
    /// The core figures of the cases created during the bucket.
    #[serde(flatten)]
    pub figures: Figures,
}

#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct Trend {
    pub interval: TrendInterval,
    pub period: PeriodInfo,
    pub points: Vec<TrendPoint>,
}

impl From<trend::Trend> for Trend {
    fn from(t: trend::Trend) -> Self {
        Trend {
            interval: t.interval.into(),
            period: t.period.into(),
            points: t
                .points
                .into_iter()
                .map(|p| TrendPoint {
                    date: p.date,
                    closed_in_bucket: p.closed_in_bucket,
                    figures: p.figures.into(),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct CurrentCounts {
    /// The moment the counts were taken.
    pub at: DateTime<Utc>,
    /// Cases neither closed nor cancelled.
    pub open: i64,
    /// Cases registered today (the Beijing business day), whatever their status now.
    pub registered_today: i64,
    /// Registered and not yet dispatched.
    pub unassigned: i64,
    /// Registered, dispatched or in progress, and past their due time (as `overdue` in the figures).
    pub overdue: i64,
    /// Resolved and replied, waiting for the return visit (status `visiting`).
    pub awaiting_visit: i64,
}

impl From<current::CurrentCounts> for CurrentCounts {
    fn from(c: current::CurrentCounts) -> Self {
        CurrentCounts {
            at: c.at,
            open: c.open,
            registered_today: c.registered_today,
            unassigned: c.unassigned,
            overdue: c.overdue,
            awaiting_visit: c.awaiting_visit,
        }
    }
}
