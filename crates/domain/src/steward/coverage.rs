//! Visit coverage of an area in a month: how many of its households were visited at least once
//! (however often), how many were reached in person, against the monthly target; key customers
//! (customers carrying one of the plan's key tags) counted apart; and the same per steward.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::Hash;

/// One visit, as coverage needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VisitFact<Id> {
    pub property: Id,
    pub customer: Option<Id>,
    pub steward: Id,
    pub reached: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StewardCoverage<Id> {
    pub steward: Id,
    pub visits: u64,
    pub households: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Coverage<Id> {
    pub households: u64,
    pub visited: u64,
    pub reached: u64,
    /// visited / households (0 for an area without households), rounded to 4 places.
    pub coverage: f64,
    pub key_total: u64,
    pub key_visited: u64,
    pub by_steward: Vec<StewardCoverage<Id>>,
}

/// Rounds a share to four decimal places.
pub fn share(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        return 0.0;
    }
    (part as f64 / whole as f64 * 10_000.0).round() / 10_000.0
}

/// Coverage of `households` by `visits` (visits to other properties are ignored).
/// `key_customers` maps each key customer to the area's properties they are linked to; a key
/// customer counts as visited when one of their properties was visited or a visit named them.
pub fn compute<Id: Copy + Eq + Hash + Ord>(
    households: &[Id],
    visits: &[VisitFact<Id>],
    key_customers: &HashMap<Id, Vec<Id>>,
) -> Coverage<Id> {
    let homes: BTreeSet<Id> = households.iter().copied().collect();
    let mut visited = BTreeSet::new();
    let mut reached = BTreeSet::new();
    let mut named = BTreeSet::new();
    let mut per_steward: BTreeMap<Id, (u64, BTreeSet<Id>)> = BTreeMap::new();
    for v in visits.iter().filter(|v| homes.contains(&v.property)) {
        visited.insert(v.property);
        if v.reached {
            reached.insert(v.property);
        }
        if let Some(c) = v.customer {
            named.insert(c);
        }
        let entry = per_steward.entry(v.steward).or_default();
        entry.0 += 1;
        entry.1.insert(v.property);
    }
    let key_visited = key_customers
        .iter()
        .filter(|(customer, props)| named.contains(*customer) || props.iter().any(|p| visited.contains(p)))
        .count() as u64;
    Coverage {
        households: homes.len() as u64,
        visited: visited.len() as u64,
        reached: reached.len() as u64,
        coverage: share(visited.len() as u64, homes.len() as u64),
        key_total: key_customers.len() as u64,
        key_visited,
        by_steward: per_steward
            .into_iter()
            .map(|(steward, (visits, homes))| StewardCoverage {
                steward,
                visits,
                households: homes.len() as u64,
            })
            .collect(),
    }
}

/// Households still to visit this month: not yet visited, key customers' first, then in the
/// given order (building, unit, room).
pub fn worklist<Id: Copy + Eq + Hash + Ord>(households: &[Id], visited: &BTreeSet<Id>, key: &BTreeSet<Id>) -> Vec<Id> {
    let mut left: Vec<(bool, usize, Id)> = households
        .iter()
        .enumerate()
        .filter(|(_, h)| !visited.contains(*h))
        .map(|(i, h)| (!key.contains(h), i, *h))
        .collect();
    left.sort();
    left.into_iter().map(|(_, _, h)| h).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visit(property: u32, steward: u32, reached: bool) -> VisitFact<u32> {
        VisitFact {
            property,
            customer: None,
            steward,
            reached,
        }
    }

    #[test]
    fn a_household_counts_once_however_often_visited() {
        let homes = [1, 2, 3, 4, 5];
        let visits = [
            visit(1, 100, true),
            visit(1, 100, false),
            visit(2, 101, false),
            visit(2, 100, true),
            visit(9, 100, true),
        ];
        let c = compute(&homes, &visits, &HashMap::new());
        assert_eq!((c.households, c.visited, c.reached), (5, 2, 2));
        assert!((c.coverage - 0.4).abs() < 1e-9);
        assert_eq!(
            c.by_steward,
            vec![
                StewardCoverage {
                    steward: 100,
                    visits: 3,
                    households: 2
                },
                StewardCoverage {
                    steward: 101,
                    visits: 1,
                    households: 1
                },
            ]
        );
    }

    #[test]
    fn an_empty_area_has_no_coverage_rather_than_a_division_by_zero() {
        let c = compute::<u32>(&[], &[], &HashMap::new());
        assert_eq!(c.coverage, 0.0);
        assert_eq!(share(1, 3), 0.3333);
        assert_eq!(share(2, 3), 0.6667);
    }

    #[test]
    fn key_customers_are_visited_at_home_or_by_name() {
        let homes = [1, 2, 3];
        let mut key = HashMap::new();
        key.insert(50, vec![1]);
        key.insert(51, vec![2]);
        key.insert(52, vec![3]);
        let visits = [
            visit(1, 100, true),
            VisitFact {
                property: 3,
                customer: Some(51),
                steward: 100,
                reached: true,
            },
        ];
        let c = compute(&homes, &visits, &key);
        assert_eq!((c.key_total, c.key_visited), (3, 3));
        let c = compute(&homes, &visits[..1], &key);
        assert_eq!((c.key_total, c.key_visited), (3, 1));
    }

    #[test]
    fn the_worklist_puts_key_households_first() {
        let homes = [1, 2, 3, 4];
        let visited: BTreeSet<u32> = [2].into();
        let key: BTreeSet<u32> = [4].into();
        assert_eq!(worklist(&homes, &visited, &key), vec![4, 1, 3]);
    }
}
