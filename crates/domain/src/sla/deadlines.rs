//! A case's deadlines: which are due when, which are met, which have been breached, and how a
//! pause (waiting on the customer) moves them.

use chrono::{DateTime, Utc};

use crate::calendar::Clock;

crate::wire_enum! {
    /// The steps of a case that have a deadline.
    pub enum Deadline {
        Verify => "verify",
        Dispatch => "dispatch",
        Resolve => "resolve",
        Reply => "reply",
    }
}

/// One deadline of one case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DeadlineState {
    pub due_at: Option<DateTime<Utc>>,
    /// The step has happened (or no longer can: the case is closed or cancelled).
    pub met: bool,
    /// The breach has already been recorded (and escalated) once.
    pub breached: bool,
}

impl DeadlineState {
    pub fn pending(&self) -> bool {
        !self.met && self.due_at.is_some()
    }
}

/// All deadlines of a case, as the store reads them from its row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CaseDeadlines {
    pub verify: DeadlineState,
    pub dispatch: DeadlineState,
    pub resolve: DeadlineState,
    pub reply: DeadlineState,
    /// The case waits on the customer: no clock runs.
    pub paused: bool,
}

impl CaseDeadlines {
    pub fn get(&self, deadline: Deadline) -> &DeadlineState {
        match deadline {
            Deadline::Verify => &self.verify,
            Deadline::Dispatch => &self.dispatch,
            Deadline::Resolve => &self.resolve,
            Deadline::Reply => &self.reply,
        }
    }

    /// The earliest due time still to be met: what queues sort by and `overdue` compares with.
    /// `None` while paused, so a paused case is never overdue.
    pub fn next_due(&self) -> Option<DateTime<Utc>> {
        if self.paused {
            return None;
        }
        Deadline::ALL
            .iter()
            .map(|d| self.get(*d))
            .filter(|s| s.pending())
            .filter_map(|s| s.due_at)
            .min()
    }

    /// When the next breach would happen: the earliest pending deadline not yet breached.
    /// `None` while paused.
    pub fn next_breach(&self) -> Option<DateTime<Utc>> {
        if self.paused {
            return None;
        }
        Deadline::ALL
            .iter()
            .map(|d| self.get(*d))
            .filter(|s| s.pending() && !s.breached)
            .filter_map(|s| s.due_at)
            .min()
    }

    /// Deadlines that have passed at `now` and whose breach is not yet recorded.
    pub fn newly_breached(&self, now: DateTime<Utc>) -> Vec<Deadline> {
        if self.paused {
            return Vec::new();
        }
        Deadline::ALL
            .iter()
            .copied()
            .filter(|d| {
                let s = self.get(*d);
                s.pending() && !s.breached && s.due_at.is_some_and(|due| due < now)
            })
            .collect()
    }
}

/// Where a due time lands after a pause from `paused_at` to `resumed_at`: the time that was
/// left on the clock when the pause began is given back from the resumption. A deadline that
/// had already passed before the pause stays where it was.
pub fn shift_for_pause(
    clock: &Clock,
    due: DateTime<Utc>,
    paused_at: DateTime<Utc>,
    resumed_at: DateTime<Utc>,
) -> DateTime<Utc> {
    if due <= paused_at || resumed_at <= paused_at {
        return due;
    }
    let remaining = clock.between(paused_at, due);
    clock.add(resumed_at, remaining)
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;
    use crate::calendar::Calendar;

    fn t(h: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 2, 0, 0, 0).single().unwrap_or_default() + Duration::hours(h)
    }

    fn due(h: i64) -> DeadlineState {
        DeadlineState {
            due_at: Some(t(h)),
            met: false,
            breached: false,
        }
    }

    #[test]
    fn next_due_is_the_earliest_unmet_deadline() {
        let mut d = CaseDeadlines {
            verify: due(8),
            dispatch: due(24),
            ..Default::default()
        };
        assert_eq!(d.next_due(), Some(t(8)));
        d.verify.met = true;
        assert_eq!(d.next_due(), Some(t(24)));
        d.dispatch.met = true;
        assert_eq!(d.next_due(), None);
    }

    #[test]
    fn a_breached_deadline_still_counts_as_due_until_met() {
        let d = CaseDeadlines {
            verify: DeadlineState {
                breached: true,
                ..due(8)
            },
            dispatch: due(24),
            ..Default::default()
        };
        assert_eq!(d.next_due(), Some(t(8)));
        assert_eq!(d.next_breach(), Some(t(24)), "the verify breach is already recorded");
        assert!(d.newly_breached(t(30)).contains(&Deadline::Dispatch));
        assert!(!d.newly_breached(t(30)).contains(&Deadline::Verify));
    }

    #[test]
    fn breaches_are_reported_once_and_only_when_past() {
        let d = CaseDeadlines {
            verify: due(8),
            dispatch: due(24),
            resolve: due(48),
            ..Default::default()
        };
        assert!(d.newly_breached(t(8)).is_empty(), "due exactly now is not yet breached");
        assert_eq!(d.newly_breached(t(9)), vec![Deadline::Verify]);
        assert_eq!(d.newly_breached(t(25)), vec![Deadline::Verify, Deadline::Dispatch]);
        let mut after = d;
        after.verify.breached = true;
        assert_eq!(after.newly_breached(t(25)), vec![Deadline::Dispatch]);
        after.dispatch.met = true;
        assert!(after.newly_breached(t(25)).is_empty());
    }

    #[test]
    fn a_paused_case_neither_breaches_nor_is_due() {
        let d = CaseDeadlines {
            verify: due(1),
            paused: true,
            ..Default::default()
        };
        assert!(d.newly_breached(t(100)).is_empty());
        assert_eq!(d.next_due(), None);
        assert_eq!(d.next_breach(), None);
    }

    #[test]
    fn a_pause_gives_back_the_time_it_took_on_a_continuous_clock() {
        let clock = Clock::Continuous;
        // Due at 10:00; paused 04:00–07:00 → due 13:00.
        assert_eq!(shift_for_pause(&clock, t(10), t(4), t(7)), t(13));
        // Already past when paused: unchanged.
        assert_eq!(shift_for_pause(&clock, t(3), t(4), t(7)), t(3));
        // A zero-length pause changes nothing.
        assert_eq!(shift_for_pause(&clock, t(10), t(4), t(4)), t(10));
    }

    #[test]
    fn a_pause_on_business_hours_counts_only_working_time_left() {
        let clock = Clock::Business(Calendar::office_hours());
        // 2026-11-02 is a Monday. 09:00 Beijing = 01:00 UTC. Paused Monday 10:00 Beijing (t(2))
        // with the deadline at 12:00 Beijing (t(4)): two working hours left. Resumed Friday
        // 17:00 Beijing (t(4 * 24 + 9)): one hour that day, one more on Monday 09:00–10:00.
        let resumed = t(4 * 24 + 9);
        let shifted = shift_for_pause(&clock, t(4), t(2), resumed);
        assert_eq!(shifted, t(7 * 24 + 2), "Monday 10:00 Beijing a week later");
    }
}
