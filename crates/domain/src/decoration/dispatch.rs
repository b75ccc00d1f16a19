//! Fair dispatch of leads to designers (派单规则): the order size decides the designer level,
//! and caps per Beijing day, per week and in hand keep the work spread. A manager may force a
//! dispatch past the rules (recorded); nobody else can.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::lead::OrderSize;
use super::week::{day_start, week_start};

crate::wire_enum! {
    /// A designer's grade. `assistant`, `designer` and `vice_director` (副主任以下, inclusive)
    /// take small orders, `director` (主任) medium, `chief` (首席) large.
    pub enum DesignerLevel {
        Assistant => "assistant",
        Designer => "designer",
        ViceDirector => "vice_director",
        Director => "director",
        Chief => "chief",
    }
}

impl DesignerLevel {
    pub fn takes(self, size: OrderSize) -> bool {
        use DesignerLevel as L;
        match size {
            OrderSize::Small => matches!(self, L::Assistant | L::Designer | L::ViceDirector),
            OrderSize::Medium => self == L::Director,
            OrderSize::Large => self == L::Chief,
        }
    }
}

crate::wire_enum! {
    /// The company's season setting: how many leads a designer may hold this week.
    pub enum Season {
        Off => "off",
        Peak => "peak",
    }
}

crate::wire_enum! {
    /// A dispatch rule, in the order refusals name them.
    pub enum DispatchRule {
        Level => "level",
        DailyCap => "daily_cap",
        WeeklyCap => "weekly_cap",
        InHandCap => "in_hand_cap",
    }
}

/// The caps (a company setting; these are the source's numbers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Caps {
    /// Leads per designer per Beijing day.
    pub daily: u32,
    /// Leads per designer per Beijing week (Monday to Sunday).
    pub weekly: u32,
    /// Leads dispatched this week and still open at which dispatch stops, off-season.
    pub in_hand_off: u32,
    /// The same in the peak season.
    pub in_hand_peak: u32,
}

impl Default for Caps {
    fn default() -> Self {
        Caps {
            daily: 2,
            weekly: 6,
            in_hand_off: 2,
            in_hand_peak: 4,
        }
    }
}

impl Caps {
    pub fn in_hand(&self, season: Season) -> u32 {
        match season {
            Season::Off => self.in_hand_off,
            Season::Peak => self.in_hand_peak,
        }
    }
}

/// A designer's current load.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Load {
    /// Leads dispatched to them today (Beijing).
    pub today: u32,
    /// Leads dispatched to them this week (Beijing, from Monday).
    pub this_week: u32,
    /// Of this week's leads, those still open in their hands.
    pub in_hand: u32,
}

/// One earlier dispatch to the designer: when, and whether the lead is still in their hands.
#[derive(Debug, Clone, Copy)]
pub struct Past {
    pub at: DateTime<Utc>,
    pub in_hand: bool,
}

/// Counts a designer's load at `at` from their earlier dispatches (Beijing day and week).
pub fn load_at(past: &[Past], at: DateTime<Utc>) -> Load {
    let (day, week) = (day_start(at), week_start(at));
    let mut load = Load::default();
    for p in past.iter().filter(|p| p.at <= at) {
        if p.at >= day {
            load.today += 1;
        }
        if p.at >= week {
            load.this_week += 1;
            if p.in_hand {
                load.in_hand += 1;
            }
        }
    }
    load
}

/// What the dispatcher knows about one designer.
#[derive(Debug, Clone, Copy)]
pub struct Candidate {
    pub level: DesignerLevel,
    pub load: Load,
    /// The quarter's top signer may take more: the weekly and in-hand caps do not apply.
    pub top_signer: bool,
}

/// Every rule dispatching a lead of `size` to `candidate` would break, in rule order.
pub fn breaches(size: OrderSize, candidate: &Candidate, caps: &Caps, season: Season) -> Vec<DispatchRule> {
    let mut broken = Vec::new();
    if !candidate.level.takes(size) {
        broken.push(DispatchRule::Level);
    }
    if candidate.load.today >= caps.daily {
        broken.push(DispatchRule::DailyCap);
    }
    if !candidate.top_signer {
        if candidate.load.this_week >= caps.weekly {
            broken.push(DispatchRule::WeeklyCap);
        }
        if candidate.load.in_hand >= caps.in_hand(season) {
            broken.push(DispatchRule::InHandCap);
        }
    }
    broken
}

/// The outcome of asking to dispatch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Within the rules.
    Allowed,
    /// Past the rules, forced by a manager: the broken rules are recorded.
    Forced(Vec<DispatchRule>),
    /// Refused, naming every broken rule.
    Refused(Vec<DispatchRule>),
    /// A force was asked by someone who may not force.
    ForceNotPermitted,
}

/// Decides a dispatch: `force` is whether the caller asked to force, `may_force` whether their
/// role may (design manager). A force within the rules is an ordinary dispatch.
pub fn decide(broken: Vec<DispatchRule>, force: bool, may_force: bool) -> Verdict {
    match (broken.is_empty(), force, may_force) {
        (_, true, false) => Verdict::ForceNotPermitted,
        (true, _, _) => Verdict::Allowed,
        (false, true, true) => Verdict::Forced(broken),
        (false, false, _) => Verdict::Refused(broken),
    }
}

/// Sort key for the eligible-designers list: eligible first, then fewest this week, then the
/// longest since their last dispatch (never dispatched first), then `tie` (a stable id).
pub fn fair_order<T: Ord>(
    eligible: bool,
    load: &Load,
    last_dispatched_at: Option<DateTime<Utc>>,
    tie: T,
) -> (bool, u32, Option<DateTime<Utc>>, T) {
    (!eligible, load.this_week, last_dispatched_at, tie)
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;
    use DispatchRule as R;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
    }

    fn candidate(level: DesignerLevel, today: u32, this_week: u32, in_hand: u32) -> Candidate {
        Candidate {
            level,
            load: Load {
                today,
                this_week,
                in_hand,
            },
            top_signer: false,
        }
    }

    /// Every size × level: exactly the listed levels take each size.
    #[test]
    fn every_size_by_every_level() {
        use DesignerLevel as L;
        let table: &[(OrderSize, &[DesignerLevel])] = &[
            (OrderSize::Small, &[L::Assistant, L::Designer, L::ViceDirector]),
            (OrderSize::Medium, &[L::Director]),
            (OrderSize::Large, &[L::Chief]),
        ];
        for (size, takers) in table {
            for level in DesignerLevel::ALL {
                let broken = breaches(*size, &candidate(*level, 0, 0, 0), &Caps::default(), Season::Peak);
                let expected = if takers.contains(level) { vec![] } else { vec![R::Level] };
                assert_eq!(broken, expected, "{size} to {level}");
            }
        }
    }

    /// (today, this week, in hand, season, top signer) → broken rules, with the default caps.
    #[test]
    fn caps_in_the_off_and_peak_season() {
        type Row = (u32, u32, u32, Season, bool, &'static [DispatchRule]);
        let table: &[Row] = &[
            (0, 0, 0, Season::Off, false, &[]),
            (1, 1, 1, Season::Off, false, &[]),
            (2, 2, 0, Season::Off, false, &[R::DailyCap]),
            (0, 2, 2, Season::Off, false, &[R::InHandCap]),
            (0, 2, 2, Season::Peak, false, &[]),
            (0, 4, 3, Season::Peak, false, &[]),
            (0, 4, 4, Season::Peak, false, &[R::InHandCap]),
            (0, 5, 1, Season::Peak, false, &[]),
            (0, 6, 1, Season::Peak, false, &[R::WeeklyCap]),
            (0, 6, 1, Season::Off, false, &[R::WeeklyCap]),
            (2, 6, 4, Season::Peak, false, &[R::DailyCap, R::WeeklyCap, R::InHandCap]),
            (2, 6, 4, Season::Off, false, &[R::DailyCap, R::WeeklyCap, R::InHandCap]),
            // The quarter's top signer may take more in the week, never more than 2 a day.
            (0, 6, 4, Season::Off, true, &[]),
            (2, 9, 9, Season::Peak, true, &[R::DailyCap]),
        ];
        for (today, week, in_hand, season, top, expected) in table {
            let mut c = candidate(DesignerLevel::Designer, *today, *week, *in_hand);
            c.top_signer = *top;
            assert_eq!(
                breaches(OrderSize::Small, &c, &Caps::default(), *season),
                expected.to_vec(),
                "today {today} week {week} in hand {in_hand} {season} top {top}"
            );
        }
    }

    #[test]
    fn refusals_name_every_rule_in_order() {
        let c = candidate(DesignerLevel::Chief, 2, 6, 2);
        assert_eq!(
            breaches(OrderSize::Small, &c, &Caps::default(), Season::Off),
            vec![R::Level, R::DailyCap, R::WeeklyCap, R::InHandCap]
        );
    }

    #[test]
    fn caps_are_a_setting() {
        let caps = Caps {
            daily: 1,
            weekly: 3,
            in_hand_off: 1,
            in_hand_peak: 2,
        };
        let c = candidate(DesignerLevel::Director, 1, 3, 1);
        assert_eq!(
            breaches(OrderSize::Medium, &c, &caps, Season::Off),
            vec![R::DailyCap, R::WeeklyCap, R::InHandCap]
        );
        assert_eq!(
            breaches(
                OrderSize::Medium,
                &candidate(DesignerLevel::Director, 0, 2, 1),
                &caps,
                Season::Peak
            ),
            vec![]
        );
    }

    #[test]
    fn only_managers_force_and_force_is_recorded() {
        assert_eq!(decide(vec![], false, false), Verdict::Allowed);
        assert_eq!(decide(vec![], true, true), Verdict::Allowed);
        assert_eq!(
            decide(vec![R::DailyCap], false, true),
            Verdict::Refused(vec![R::DailyCap])
        );
        assert_eq!(
            decide(vec![R::DailyCap], false, false),
            Verdict::Refused(vec![R::DailyCap])
        );
        assert_eq!(
            decide(vec![R::Level, R::DailyCap], true, true),
            Verdict::Forced(vec![R::Level, R::DailyCap])
        );
        assert_eq!(decide(vec![R::DailyCap], true, false), Verdict::ForceNotPermitted);
        assert_eq!(decide(vec![], true, false), Verdict::ForceNotPermitted);
    }

    /// Beijing day and week boundaries: 2026-12-07 is a Monday; Beijing midnight is 16:00 UTC.
    #[test]
    fn loads_count_in_beijing_days_and_weeks() {
        let sunday_late = utc("2026-12-06T15:59:00Z"); // Sunday 23:59 in Beijing
        let monday_early = utc("2026-12-06T16:01:00Z"); // Monday 00:01 in Beijing
        let saturday = utc("2026-12-05T03:00:00Z");
        let past = [
            Past {
                at: saturday,
                in_hand: true,
            },
            Past {
                at: sunday_late,
                in_hand: true,
            },
            Past {
                at: sunday_late - Duration::minutes(1),
                in_hand: false,
            },
        ];
        // Sunday night: two today, three this week, two in hand.
        assert_eq!(
            load_at(&past, sunday_late),
            Load {
                today: 2,
                this_week: 3,
                in_hand: 2
            }
        );
        // Two minutes later it is Monday in Beijing: a fresh day and a fresh week.
        assert_eq!(load_at(&past, monday_early), Load::default());
        // Monday's dispatches count toward the week until the next Monday.
        let monday = [Past {
            at: monday_early,
            in_hand: true,
        }];
        let next_sunday = utc("2026-12-13T15:59:59Z");
        assert_eq!(
            load_at(&monday, next_sunday),
            Load {
                today: 0,
                this_week: 1,
                in_hand: 1
            }
        );
        assert_eq!(load_at(&monday, next_sunday + Duration::seconds(1)), Load::default());
        // UTC midnight is not a boundary: 23:00 UTC Monday is Tuesday 07:00 in Beijing.
        let tuesday = utc("2026-12-07T23:00:00Z");
        assert_eq!(
            load_at(&monday, tuesday),
            Load {
                today: 0,
                this_week: 1,
                in_hand: 1
            }
        );
        // A designer at the daily cap on Sunday night is free again at Beijing midnight.
        let capped = candidate(DesignerLevel::Designer, load_at(&past, sunday_late).today, 0, 0);
        assert_eq!(
            breaches(OrderSize::Small, &capped, &Caps::default(), Season::Peak),
            vec![R::DailyCap]
        );
        let fresh = Candidate {
            load: load_at(&past, monday_early),
            ..capped
        };
        assert_eq!(
            breaches(OrderSize::Small, &fresh, &Caps::default(), Season::Peak),
            vec![]
        );
    }

    #[test]
    fn fair_order_prefers_eligible_then_fewest_then_longest_waiting() {
        let t = utc("2026-12-06T10:00:00Z");
        let mut list = [
            (
                "busy",
                fair_order(
                    true,
                    &Load {
                        this_week: 3,
                        ..Load::default()
                    },
                    Some(t),
                    1,
                ),
            ),
            ("refused", fair_order(false, &Load::default(), None, 2)),
            (
                "recent",
                fair_order(
                    true,
                    &Load {
                        this_week: 1,
                        ..Load::default()
                    },
                    Some(t),
                    3,
                ),
            ),
            (
                "waiting",
                fair_order(
                    true,
                    &Load {
                        this_week: 1,
                        ..Load::default()
                    },
                    Some(t - Duration::days(2)),
                    4,
                ),
            ),
            (
                "never",
                fair_order(
                    true,
                    &Load {
                        this_week: 1,
                        ..Load::default()
                    },
                    None,
                    5,
                ),
            ),
        ];
        list.sort_by_key(|entry| entry.1);
        let names: Vec<_> = list.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["never", "waiting", "recent", "busy", "refused"]);
    }
}
