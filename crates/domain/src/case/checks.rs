//! The rules of return visits and repeats (issue #19): which outcome a visit of each purpose may
//! record, how an unreachable customer is tried again, how early a check may be recorded, what a
//! second and third dissatisfied visit lead to, and when a repair repeats an earlier one (二次报修).
//! Plain functions, table-tested below; the store applies them.

use chrono::{DateTime, Duration, Utc};

use super::Satisfaction;
use crate::role::Role;
use crate::time::business_day;

crate::wire_enum! {
    /// What a scheduled return visit checks.
    pub enum VisitPurpose {
        /// Repairs, report + 24 h: did someone contact the customer?
        ContactCheck => "contact_check",
        /// Repairs, report + 48 h: is the repair done?
        OutcomeCheck => "outcome_check",
        /// After the reply: how satisfied is the customer?
        Satisfaction => "satisfaction",
    }
}

crate::wire_enum! {
    /// Where a scheduled return visit stands.
    pub enum ScheduledVisitStatus {
        Pending => "pending",
        Done => "done",
        /// Moot: the case finished, or the check it was for no longer applies.
        Cancelled => "cancelled",
    }
}

crate::wire_enum! {
    /// What a return visit found.
    pub enum VisitOutcome {
        /// 24 h check: the crew has contacted the customer.
        Contacted => "contacted",
        /// 24 h check: nobody has contacted the customer yet.
        NotContacted => "not_contacted",
        /// 48 h check: the repair is done.
        Done => "done",
        /// 48 h check: the repair is not done — the case is dispatched again (二次派单).
        NotDone => "not_done",
        /// The customer could not be reached (retried, then closed as unreachable).
        Unreachable => "unreachable",
        VeryDissatisfied => "very_dissatisfied",
        Dissatisfied => "dissatisfied",
        Satisfied => "satisfied",
        VerySatisfied => "very_satisfied",
    }
}

impl VisitOutcome {
    /// The satisfaction level this outcome records, if it is one.
    pub fn satisfaction(self) -> Option<Satisfaction> {
        match self {
            VisitOutcome::VeryDissatisfied => Some(Satisfaction::VeryDissatisfied),
            VisitOutcome::Dissatisfied => Some(Satisfaction::Dissatisfied),
            VisitOutcome::Satisfied => Some(Satisfaction::Satisfied),
            VisitOutcome::VerySatisfied => Some(Satisfaction::VerySatisfied),
            _ => None,
        }
    }

    /// Whether the customer was reached (everything but `unreachable`).
    pub fn reached(self) -> bool {
        self != VisitOutcome::Unreachable
    }
}

/// Whether a visit of `purpose` may record `outcome`.
pub fn outcome_allowed(purpose: VisitPurpose, outcome: VisitOutcome) -> bool {
    use VisitOutcome as O;
    match purpose {
        VisitPurpose::ContactCheck => matches!(outcome, O::Contacted | O::NotContacted),
        VisitPurpose::OutcomeCheck => matches!(outcome, O::Done | O::NotDone | O::Unreachable),
        VisitPurpose::Satisfaction => outcome == O::Unreachable || outcome.satisfaction().is_some(),
    }
}

/// The outcome an old client's `{"reached": …}` stands for: a contact check reached or not
/// means contacted / not contacted, an outcome check reached means done (what "recorded" meant
/// before outcomes existed) and not reached means unreachable. A satisfaction visit has no
/// default: its level must be given.
pub fn legacy_outcome(purpose: VisitPurpose, reached: bool) -> Option<VisitOutcome> {
    match (purpose, reached) {
        (VisitPurpose::ContactCheck, true) => Some(VisitOutcome::Contacted),
        (VisitPurpose::ContactCheck, false) => Some(VisitOutcome::NotContacted),
        (VisitPurpose::OutcomeCheck, true) => Some(VisitOutcome::Done),
        (VisitPurpose::OutcomeCheck, false) => Some(VisitOutcome::Unreachable),
        (VisitPurpose::Satisfaction, _) => None,
    }
}

/// A check may be recorded from `margin` before it falls due; earlier it is refused with the
/// earliest moment it may be recorded.
pub fn earliest_record(due_at: DateTime<Utc>, margin: Duration, at: DateTime<Utc>) -> Result<(), DateTime<Utc>> {
    let earliest = due_at - margin;
    if at < earliest {
        Err(earliest)
    } else {
        Ok(())
    }
}

/// What follows an unreachable try.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retry {
    /// Try again at this time.
    At(DateTime<Utc>),
    /// That was the last try: the visit is closed as unreachable.
    GiveUp,
}

/// After the `tries`-th unreachable try (1 for the first), with at most `max_tries` tries `delay`
/// apart.
pub fn after_unreachable(tries: i32, max_tries: u32, delay: Duration, at: DateTime<Utc>) -> Retry {
    if i64::from(tries) >= i64::from(max_tries) {
        Retry::GiveUp
    } else {
        Retry::At(at + delay)
    }
}

/// What a dissatisfied satisfaction visit leads to, by how many came before it on the case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repeat {
    /// The first: dispatched again to the same department (二次派单).
    SecondDispatch,
    /// The second: dispatched again, and the case goes one level up the escalation ladder.
    SecondDispatchAndEscalate,
    /// The third and later: no automatic dispatch; the case waits in `review` for a supervisor.
    SupervisorDecides,
}

/// `dissatisfied_before`: dissatisfied satisfaction visits the case had before this one.
pub fn after_dissatisfied(dissatisfied_before: i32) -> Repeat {
    match dissatisfied_before {
        i32::MIN..=0 => Repeat::SecondDispatch,
        1 => Repeat::SecondDispatchAndEscalate,
        _ => Repeat::SupervisorDecides,
    }
}

/// Who may dispatch a case waiting in `review` (after its third dissatisfied visit).
pub fn may_dispatch_from_review(role: Role) -> bool {
    matches!(role, Role::Supervisor | Role::Manager | Role::Admin)
}

/// Whether a repair reported at `reported_at` repeats one of the same property and category
/// closed at `closed_at`: closed no more than `window_days` Beijing days before the report
/// (the day of closing is day 0), and not after it.
pub fn is_repeat_repair(closed_at: DateTime<Utc>, reported_at: DateTime<Utc>, window_days: u32) -> bool {
    if closed_at > reported_at {
        return false;
    }
    let days = (business_day(reported_at) - business_day(closed_at)).num_days();
    days <= i64::from(window_days)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use VisitOutcome as O;
    use VisitPurpose as P;

    fn utc(d: u32, h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, d, h, m, 0).unwrap()
    }

    #[test]
    fn each_purpose_takes_its_own_outcomes() {
        let table: &[(VisitPurpose, &[VisitOutcome])] = &[
            (P::ContactCheck, &[O::Contacted, O::NotContacted]),
            (P::OutcomeCheck, &[O::Done, O::NotDone, O::Unreachable]),
            (
                P::Satisfaction,
                &[
                    O::Unreachable,
                    O::VeryDissatisfied,
                    O::Dissatisfied,
                    O::Satisfied,
                    O::VerySatisfied,
                ],
            ),
        ];
        for (purpose, allowed) in table {
            for outcome in VisitOutcome::ALL {
                assert_eq!(
                    outcome_allowed(*purpose, *outcome),
                    allowed.contains(outcome),
                    "{purpose} {outcome}"
                );
            }
        }
    }

    #[test]
    fn outcomes_know_their_satisfaction_and_reach() {
        for outcome in VisitOutcome::ALL {
            let level = outcome.satisfaction();
            assert_eq!(
                level.map(|s| s.as_str()),
                Satisfaction::parse(outcome.as_str()).map(|s| s.as_str())
            );
            assert_eq!(outcome.reached(), *outcome != O::Unreachable);
        }
    }

    #[test]
    fn old_clients_reached_flag_maps_to_an_outcome() {
        let table = [
            (P::ContactCheck, true, Some(O::Contacted)),
            (P::ContactCheck, false, Some(O::NotContacted)),
            (P::OutcomeCheck, true, Some(O::Done)),
            (P::OutcomeCheck, false, Some(O::Unreachable)),
            (P::Satisfaction, true, None),
            (P::Satisfaction, false, None),
        ];
        for (purpose, reached, expected) in table {
            assert_eq!(legacy_outcome(purpose, reached), expected, "{purpose} {reached}");
            if let Some(o) = expected {
                assert!(outcome_allowed(purpose, o));
            }
        }
    }

    #[test]
    fn a_check_is_recorded_no_earlier_than_the_margin_before_it_is_due() {
        let due = utc(3, 10, 0);
        let two = Duration::hours(2);
        let table = [
            (utc(3, 7, 59), two, Err(utc(3, 8, 0))),
            (utc(3, 8, 0), two, Ok(())),
            (utc(3, 9, 30), two, Ok(())),
            (utc(3, 12, 0), two, Ok(())),
            (utc(3, 9, 59), Duration::zero(), Err(due)),
            (utc(3, 10, 0), Duration::zero(), Ok(())),
        ];
        for (at, margin, expected) in table {
            assert_eq!(earliest_record(due, margin, at), expected, "{at} {margin}");
        }
    }

    #[test]
    fn unreachable_customers_are_tried_again_until_the_last_try() {
        let at = utc(3, 10, 0);
        let four = Duration::hours(4);
        let table = [
            (1, 3, Retry::At(utc(3, 14, 0))),
            (2, 3, Retry::At(utc(3, 14, 0))),
            (3, 3, Retry::GiveUp),
            (4, 3, Retry::GiveUp),
            (1, 1, Retry::GiveUp),
        ];
        for (tries, max, expected) in table {
            assert_eq!(after_unreachable(tries, max, four, at), expected, "{tries}/{max}");
        }
    }

    #[test]
    fn repeated_dissatisfaction_escalates_then_waits_for_a_supervisor() {
        let table = [
            (0, Repeat::SecondDispatch),
            (1, Repeat::SecondDispatchAndEscalate),
            (2, Repeat::SupervisorDecides),
            (5, Repeat::SupervisorDecides),
        ];
        for (before, expected) in table {
            assert_eq!(after_dissatisfied(before), expected, "{before}");
        }
        for role in Role::ALL {
            let expected = matches!(role, Role::Supervisor | Role::Manager | Role::Admin);
            assert_eq!(may_dispatch_from_review(*role), expected, "{role}");
        }
    }

    #[test]
    fn repeat_repairs_count_beijing_days() {
        // Closed 1 Dec 23:00 Beijing (15:00 UTC).
        let closed = utc(1, 15, 0);
        let table = [
            // 31 Dec 00:30 Beijing is 30 Beijing days later: still a repeat.
            (utc(30, 16, 30), 30, true),
            // 1 Jan 00:30 Beijing: 31 days, no longer.
            (utc(31, 16, 30), 30, false),
            // The same Beijing day.
            (utc(1, 15, 30), 30, true),
            // Reported before the earlier repair was closed: not a repeat of it.
            (utc(1, 14, 0), 30, false),
            (utc(8, 15, 0), 7, true),
            (utc(8, 16, 0), 7, false),
        ];
        for (reported, window, expected) in table {
            assert_eq!(
                is_repeat_repair(closed, reported, window),
                expected,
                "{reported} {window}"
            );
        }
    }
}
