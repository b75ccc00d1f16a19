use chrono::Duration;

use super::*;

const PROJECT: Uuid = Uuid::from_u128(1);
const AREA: Uuid = Uuid::from_u128(2);
const CATEGORY: Uuid = Uuid::from_u128(3);
const DEPARTMENT: Uuid = Uuid::from_u128(4);
const ASSIGNEE: Uuid = Uuid::from_u128(5);

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A complaint registered at 10:00 Beijing time on 2 November 2026, still registered.
fn registered() -> Facts {
    Facts {
        created_at: utc("2026-11-02T02:00:00Z"),
        project_id: PROJECT,
        area_id: Some(AREA),
        kind: "complaint".into(),
        category_id: Some(CATEGORY),
        channel: "phone".into(),
        severity: "normal".into(),
        department_id: None,
        assignee_id: None,
        building: Some(format!("{PROJECT}/1栋")),
        status: "registered".into(),
        closed_on_spot: false,
        dispatch_count: 0,
        first_dispatched_at: None,
        verified_at: None,
        resolved_at: None,
        due_at: None,
        closed_at: None,
        cancelled_at: None,
        last_satisfaction: None,
        peak_level: "project".into(),
        verify_due_at: None,
        cancel_reason: None,
    }
}

/// [`registered`] after a full loop: dispatched 1 h, resolved 1 day and closed 2 days after
/// registration, satisfied.
fn closed() -> Facts {
    let created = registered().created_at;
    Facts {
        status: "closed".into(),
        department_id: Some(DEPARTMENT),
        assignee_id: Some(ASSIGNEE),
        dispatch_count: 1,
        first_dispatched_at: Some(created + Duration::hours(1)),
        verified_at: Some(created + Duration::minutes(10)),
        resolved_at: Some(created + Duration::days(1)),
        due_at: Some(created + Duration::days(2)),
        closed_at: Some(created + Duration::days(2)),
        last_satisfaction: Some("satisfied".into()),
        ..registered()
    }
}

/// The non-zero sums of a row, by column name.
type Named = Vec<(&'static str, i64)>;
/// A row's key as `(grain, dim, day, area, dkey)`.
type ShortKey = (&'static str, &'static str, i32, Uuid, String);

fn column(name: &str) -> usize {
    SUMS.iter().position(|c| *c == name).unwrap()
}

/// The named sums of `vals` that are not zero, in [`SUMS`] order.
fn nonzero(vals: &Vals) -> Named {
    SUMS.iter()
        .zip(vals)
        .filter(|(_, v)| **v != 0)
        .map(|(c, v)| (*c, *v))
        .collect()
}

#[test]
fn day_and_month_numbers() {
    let cases = [
        (date(2026, 11, 2), 20_261_102, 20_261_101),
        (date(2026, 1, 1), 20_260_101, 20_260_101),
        (date(2026, 12, 31), 20_261_231, 20_261_201),
        (date(2028, 2, 29), 20_280_229, 20_280_201),
        (date(999, 9, 9), 9_990_909, 9_990_901),
    ];
    for (day, number, month) in cases {
        assert_eq!(day_number(day), number, "{day}");
        assert_eq!(month_number(day), month, "{day}");
    }
}

#[test]
fn day_numbers_sort_like_dates() {
    let days = [
        date(2025, 12, 31),
        date(2026, 1, 1),
        date(2026, 1, 31),
        date(2026, 2, 1),
        date(2026, 10, 9),
    ];
    for pair in days.windows(2) {
        assert!(day_number(pair[0]) < day_number(pair[1]), "{pair:?}");
        assert!(month_number(pair[0]) <= month_number(pair[1]), "{pair:?}");
    }
}

#[test]
fn verified_in_time_by_the_deadline_or_on_the_day_of_registration() {
    let created = utc("2026-11-02T02:00:00Z"); // 10:00 Beijing time
    let due = utc("2026-11-02T06:00:00Z");
    let cases = [
        ("not verified", None, None, false),
        ("not verified, with a deadline", None, Some(due), false),
        ("before the deadline", Some("2026-11-02T05:00:00Z"), Some(due), true),
        ("at the deadline", Some("2026-11-02T06:00:00Z"), Some(due), true),
        (
            "after the deadline, same day",
            Some("2026-11-02T06:00:01Z"),
            Some(due),
            false,
        ),
        (
            "no deadline, same Beijing day",
            Some("2026-11-02T15:59:59Z"),
            None,
            true,
        ),
        (
            "no deadline, next Beijing day",
            Some("2026-11-02T16:00:00Z"),
            None,
            false,
        ),
    ];
    for (name, verified, due, expected) in cases {
        assert_eq!(verified_in_time(created, verified.map(utc), due), expected, "{name}");
    }
}

#[test]
fn durations_count_from_registration_and_the_closing_only_when_closed() {
    let created = registered().created_at;
    let cases = [
        ("registered", registered(), [None, None, None]),
        ("closed", closed(), [Some(3600.0), Some(86_400.0), Some(172_800.0)]),
        (
            "closed, then reopened to visiting",
            Facts {
                status: "visiting".into(),
                ..closed()
            },
            [Some(3600.0), Some(86_400.0), None],
        ),
        (
            "cancelled after dispatch",
            Facts {
                status: "cancelled".into(),
                first_dispatched_at: Some(created + Duration::milliseconds(1500)),
                cancelled_at: Some(created + Duration::hours(3)),
                ..registered()
            },
            [Some(1.5), None, None],
        ),
    ];
    for (name, facts, expected) in cases {
        assert_eq!(facts.durations(), expected, "{name}");
    }
}

#[test]
fn the_cohort_of_one_case() {
    let created = registered().created_at;
    let hour = 3_600_000_000;
    let cases: Vec<(&str, Facts, Named)> = vec![
        ("registered", registered(), vec![("created", 1), ("verify_due", 1)]),
        (
            "closed after one loop",
            closed(),
            vec![
                ("created", 1),
                ("closed", 1),
                ("dispatched", 1),
                ("verify_due", 1),
                ("verify_on_time", 1),
                ("resolve_due", 1),
                ("resolve_on_time", 1),
                ("visit_due", 1),
                ("s_satisfied", 1),
                ("dispatch_us", hour),
                ("resolve_us", 24 * hour),
                ("resolved", 1),
                ("close_us", 48 * hour),
            ],
        ),
        (
            "closed on the spot",
            Facts {
                kind: "inquiry".into(),
                status: "closed".into(),
                closed_on_spot: true,
                closed_at: Some(created + Duration::minutes(5)),
                ..registered()
            },
            vec![
                ("created", 1),
                ("closed", 1),
                ("closed_on_spot", 1),
                ("close_us", hour / 12),
            ],
        ),
        (
            "cancelled: no verification due",
            Facts {
                status: "cancelled".into(),
                cancelled_at: Some(created + Duration::hours(1)),
                cancel_reason: Some("withdrawn".into()),
                ..registered()
            },
            vec![("created", 1), ("cancelled", 1)],
        ),
        (
            "dispatched three times, resolved late, visiting",
            Facts {
                status: "visiting".into(),
                dispatch_count: 3,
                first_dispatched_at: Some(created + Duration::hours(2)),
                resolved_at: Some(created + Duration::hours(30)),
                due_at: Some(created + Duration::hours(24)),
                ..registered()
            },
            vec![
                ("created", 1),
                ("dispatched", 1),
                ("second_dispatched", 1),
                ("verify_due", 1),
                ("resolve_due", 1),
                ("visit_due", 1),
                ("dispatch_us", 2 * hour),
                ("resolve_us", 30 * hour),
                ("resolved", 1),
            ],
        ),
        (
            "resolved without a deadline: not due",
            Facts {
                status: "resolved".into(),
                dispatch_count: 1,
                resolved_at: Some(created + Duration::hours(1)),
                ..registered()
            },
            vec![
                ("created", 1),
                ("dispatched", 1),
                ("verify_due", 1),
                ("resolve_us", hour),
                ("resolved", 1),
            ],
        ),
        (
            "escalated to the area",
            Facts {
                peak_level: "area".into(),
                ..registered()
            },
            vec![("created", 1), ("verify_due", 1), ("escalated_area", 1)],
        ),
        (
            "escalated to the company",
            Facts {
                peak_level: "company".into(),
                ..registered()
            },
            vec![
                ("created", 1),
                ("verify_due", 1),
                ("escalated_area", 1),
                ("escalated_company", 1),
            ],
        ),
        (
            "facts stored before the peak level existed",
            Facts {
                peak_level: String::new(),
                ..registered()
            },
            vec![("created", 1), ("verify_due", 1)],
        ),
    ];
    for (name, facts, expected) in cases {
        assert_eq!(nonzero(&facts.cohort()), expected, "{name}");
    }
}

#[test]
fn each_satisfaction_counts_in_its_own_column_and_makes_a_visit_due() {
    let cases = [
        ("very_dissatisfied", "s_very_dissatisfied"),
        ("dissatisfied", "s_dissatisfied"),
        ("satisfied", "s_satisfied"),
        ("very_satisfied", "s_very_satisfied"),
    ];
    assert_eq!(cases.len(), Satisfaction::ALL.len());
    for (level, expected) in cases {
        let facts = Facts {
            status: "dispatched".into(),
            last_satisfaction: Some(level.into()),
            ..registered()
        };
        let cohort = facts.cohort();
        let counted: Vec<&str> = SUMS
            .iter()
            .zip(cohort)
            .filter(|(c, v)| c.starts_with("s_") && *v == 1)
            .map(|(c, _)| *c)
            .collect();
        assert_eq!(counted, [expected], "{level}");
        assert_eq!(cohort[column("visit_due")], 1, "{level}");
    }
}

#[test]
fn dimension_keys() {
    let facts = Facts {
        cancel_reason: Some("duplicate".into()),
        ..closed()
    };
    let building = format!("{PROJECT}/1栋");
    let cases = [
        ("", String::new()),
        ("status", "closed".to_owned()),
        ("category", CATEGORY.to_string()),
        ("channel", "phone".to_owned()),
        ("severity", "normal".to_owned()),
        ("department", DEPARTMENT.to_string()),
        ("assignee", ASSIGNEE.to_string()),
        ("building", building),
        ("cancel_reason", "duplicate".to_owned()),
        ("h_dispatch", String::new()),
    ];
    for (dim, expected) in cases {
        assert_eq!(facts.dim_key(dim), expected, "{dim}");
    }
    let bare = Facts {
        category_id: None,
        building: None,
        ..registered()
    };
    for dim in ["category", "department", "assignee", "building", "cancel_reason"] {
        assert_eq!(bare.dim_key(dim), "", "{dim} without a value");
    }
}

/// The rows of `facts` as `(grain, dim, day, area, dkey)` with their non-zero sums.
fn rows(facts: &Facts) -> Vec<(ShortKey, Named)> {
    facts
        .contributions()
        .into_iter()
        .map(|(k, v)| {
            assert_eq!((k.project_id, k.kind.as_str()), (PROJECT, facts.kind.as_str()));
            ((k.grain, k.dim, k.day, k.area_id, k.dkey), nonzero(&v))
        })
        .collect()
}

#[test]
fn a_registered_case_adds_to_its_days_and_months_and_each_breakdown() {
    let facts = registered();
    let cohort = nonzero(&facts.cohort());
    let created = vec![("created", 1)];
    let building = format!("{PROJECT}/1栋");
    let expected = vec![
        (("d", "", 20_261_102, AREA, String::new()), cohort.clone()),
        (
            ("d", "status", 20_261_102, AREA, "registered".to_owned()),
            created.clone(),
        ),
        (("m", "", 20_261_101, AREA, String::new()), cohort.clone()),
        (("m", "status", 20_261_101, AREA, "registered".to_owned()), created),
        (
            ("m", "category", 20_261_101, AREA, CATEGORY.to_string()),
            cohort.clone(),
        ),
        (("m", "channel", 20_261_101, AREA, "phone".to_owned()), cohort.clone()),
        (("m", "severity", 20_261_101, AREA, "normal".to_owned()), cohort.clone()),
        (("m", "department", 20_261_101, AREA, String::new()), cohort.clone()),
        (("m", "assignee", 20_261_101, AREA, String::new()), cohort.clone()),
        (("m", "building", 20_261_101, AREA, building), cohort.clone()),
        (("m", "cancel_reason", 20_261_101, AREA, String::new()), cohort),
    ];
    assert_eq!(rows(&facts), expected);
}

#[test]
fn a_case_without_an_area_is_keyed_by_the_nil_area() {
    let facts = Facts {
        area_id: None,
        ..closed()
    };
    assert!(facts.contributions().iter().all(|(k, _)| k.area_id == Uuid::nil()));
}

#[test]
fn a_closed_case_adds_histograms_and_counts_its_closing_and_end_on_their_own_days() {
    // Registered 31 October 23:30 Beijing time, closed 1 November 00:30: October's cohort,
    // November's closing.
    let created = utc("2026-10-31T15:30:00Z");
    let facts = Facts {
        created_at: created,
        first_dispatched_at: Some(created + Duration::minutes(30)),
        resolved_at: Some(created + Duration::minutes(50)),
        closed_at: Some(created + Duration::hours(1)),
        due_at: None,
        verified_at: None,
        ..closed()
    };
    let all = rows(&facts);
    let ends: Vec<_> = all.iter().filter(|(k, _)| k.1.is_empty()).skip(2).cloned().collect();
    assert_eq!(
        ends,
        vec![
            (("d", "", 20_261_101, AREA, String::new()), vec![("closed_in", 1)]),
            (("m", "", 20_261_101, AREA, String::new()), vec![("closed_in", 1)]),
            (("d", "", 20_261_101, AREA, String::new()), vec![("ended", 1)]),
            (("m", "", 20_261_101, AREA, String::new()), vec![("ended", 1)]),
        ]
    );
    let histograms: Vec<_> = all.iter().filter(|(k, _)| k.1.starts_with('h')).cloned().collect();
    let bucket = |secs: f64| bucket_key(duration_bucket(secs));
    let counted = vec![("created", 1)];
    assert_eq!(
        histograms,
        vec![
            (
                ("m", "h_dispatch", 20_261_001, Uuid::nil(), bucket(1800.0)),
                counted.clone()
            ),
            (("m", "ha_dispatch", 20_261_001, AREA, bucket(1800.0)), counted.clone()),
            (
                ("m", "h_resolve", 20_261_001, Uuid::nil(), bucket(3000.0)),
                counted.clone()
            ),
            (("m", "ha_resolve", 20_261_001, AREA, bucket(3000.0)), counted.clone()),
            (
                ("m", "h_close", 20_261_001, Uuid::nil(), bucket(3600.0)),
                counted.clone()
            ),
            (("m", "ha_close", 20_261_001, AREA, bucket(3600.0)), counted),
        ]
    );
    assert_eq!(all.len(), 4 + DIMS.len() + 6 + 4);
}

#[test]
fn the_end_is_the_earlier_of_closing_and_cancelling() {
    let created = registered().created_at;
    let cases = [
        (
            "cancelled only",
            None,
            Some(created + Duration::days(3)),
            Some(20_261_105),
        ),
        (
            "closed only, not closed now",
            Some(created + Duration::days(1)),
            None,
            Some(20_261_103),
        ),
        (
            "closed before cancelled",
            Some(created + Duration::days(1)),
            Some(created + Duration::days(5)),
            Some(20_261_103),
        ),
        (
            "cancelled before closed",
            Some(created + Duration::days(5)),
            Some(created + Duration::days(1)),
            Some(20_261_103),
        ),
        ("neither", None, None, None),
    ];
    for (name, closed_at, cancelled_at, day) in cases {
        let facts = Facts {
            status: "visiting".into(),
            closed_at,
            cancelled_at,
            ..registered()
        };
        let ended: Vec<i32> = facts
            .contributions()
            .into_iter()
            .filter(|(k, v)| k.grain == "d" && v[column("ended")] == 1)
            .map(|(k, _)| k.day)
            .collect();
        assert_eq!(ended, day.into_iter().collect::<Vec<_>>(), "{name}");
        let closed_in = facts
            .contributions()
            .iter()
            .filter(|(_, v)| v[column("closed_in")] != 0)
            .count();
        assert_eq!(closed_in, 0, "{name}: only a closed case counts as closed in a period");
    }
}

#[test]
fn accumulating_adds_and_subtracts_column_by_column() {
    let mut slot = ZERO;
    let cohort = closed().cohort();
    accumulate(&mut slot, &cohort, 1);
    accumulate(&mut slot, &cohort, 1);
    accumulate(&mut slot, &registered().cohort(), -1);
    for (i, name) in SUMS.iter().enumerate() {
        assert_eq!(slot[i], 2 * cohort[i] - registered().cohort()[i], "{name}");
    }
}

#[test]
fn add_into_merges_rows_with_the_same_key() {
    let mut map = BTreeMap::new();
    add_into(&mut map, registered().contributions(), 1);
    add_into(&mut map, registered().contributions(), 1);
    assert_eq!(map.len(), registered().contributions().len());
    assert!(map.values().all(|v| v[column("created")] == 2));
    add_into(&mut map, registered().contributions(), -2);
    assert!(map.values().all(|v| *v == ZERO));
}

#[test]
fn differences_between_facts() {
    let unchanged = difference(Some(&closed()), &closed());
    assert!(unchanged.is_empty(), "{unchanged:?}");

    let new = difference(None, &registered());
    assert_eq!(new.len(), registered().contributions().len());

    // Closing a registered case moves its status row and adds durations, closing and end.
    let delta = difference(Some(&registered()), &closed());
    let status: Vec<(String, i64)> = delta
        .iter()
        .filter(|(k, _)| k.grain == "d" && k.dim == "status")
        .map(|(k, v)| (k.dkey.clone(), v[column("created")]))
        .collect();
    assert_eq!(status, [("closed".to_owned(), 1), ("registered".to_owned(), -1)]);
    let day_row = &delta
        .iter()
        .find(|(k, _)| k.grain == "d" && k.dim.is_empty() && k.day == 20_261_102)
        .unwrap()
        .1;
    assert_eq!(day_row[column("created")], 0);
    assert_eq!(day_row[column("closed")], 1);
    assert_eq!(day_row[column("s_satisfied")], 1);
    assert!(delta.values().all(|v| v.iter().any(|x| *x != 0)));

    // Applying the difference to the old contributions gives the new ones.
    let mut total = BTreeMap::new();
    add_into(&mut total, registered().contributions(), 1);
    for (key, vals) in delta {
        accumulate(total.entry(key).or_insert(ZERO), &vals, 1);
    }
    total.retain(|_, v| *v != ZERO);
    let mut expected = BTreeMap::new();
    add_into(&mut expected, closed().contributions(), 1);
    assert_eq!(total, expected);
}

#[test]
fn facts_stored_before_later_fields_read_with_defaults() {
    let mut json = serde_json::to_value(registered()).unwrap();
    let object = json.as_object_mut().unwrap();
    for field in ["peak_level", "verify_due_at", "cancel_reason"] {
        object.remove(field);
    }
    let read: Facts = serde_json::from_value(json).unwrap();
    assert_eq!(
        read,
        Facts {
            peak_level: String::new(),
            ..registered()
        }
    );
    let round_trip: Facts = serde_json::from_str(&serde_json::to_string(&closed()).unwrap()).unwrap();
    assert_eq!(round_trip, closed());
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    const STATUSES: [&str; 8] = [
        "registered",
        "dispatched",
        "in_progress",
        "resolved",
        "visiting",
        "review",
        "closed",
        "cancelled",
    ];
    const LEVELS: [&str; 4] = ["", "project", "area", "company"];
    const SATISFACTIONS: [Option<&str>; 5] = [
        None,
        Some("very_dissatisfied"),
        Some("dissatisfied"),
        Some("satisfied"),
        Some("very_satisfied"),
    ];

    /// Facts of a case registered around November 2026, with optional instants up to 60 days later.
    fn facts() -> impl Strategy<Value = Facts> {
        let later = || proptest::option::of(0i64..60 * 24 * 60);
        (
            (0i64..90 * 24 * 60, 0usize..STATUSES.len(), any::<bool>(), 0i32..4),
            (later(), later(), later(), later(), later(), later(), later()),
            (
                0usize..LEVELS.len(),
                0usize..SATISFACTIONS.len(),
                any::<bool>(),
                any::<bool>(),
            ),
        )
            .prop_map(|(case, times, other)| {
                let (minute, status, closed_on_spot, dispatch_count) = case;
                let created = utc("2026-10-01T00:00:00Z") + Duration::minutes(minute);
                let at = |m: Option<i64>| m.map(|m| created + Duration::minutes(m));
                let (level, satisfaction, with_area, with_assignee) = other;
                Facts {
                    created_at: created,
                    area_id: with_area.then_some(AREA),
                    assignee_id: with_assignee.then_some(ASSIGNEE),
                    status: STATUSES[status].into(),
                    closed_on_spot,
                    dispatch_count,
                    first_dispatched_at: at(times.0),
                    verified_at: at(times.1),
                    resolved_at: at(times.2),
                    due_at: at(times.3),
                    closed_at: at(times.4),
                    cancelled_at: at(times.5),
                    verify_due_at: at(times.6),
                    peak_level: LEVELS[level].into(),
                    last_satisfaction: SATISFACTIONS[satisfaction].map(str::to_owned),
                    ..registered()
                }
            })
    }

    fn total(rows: Vec<(Key, Vals)>) -> BTreeMap<Key, Vals> {
        let mut map = BTreeMap::new();
        add_into(&mut map, rows, 1);
        map.retain(|_, v| *v != ZERO);
        map
    }

    proptest! {
        #[test]
        fn every_case_counts_once_per_grain(facts in facts()) {
            let rows = facts.contributions();
            for grain in ["d", "m"] {
                for dim in ["", "status"] {
                    let created: i64 = rows
                        .iter()
                        .filter(|(k, _)| k.grain == grain && k.dim == dim)
                        .map(|(_, v)| v[column("created")])
                        .sum();
                    prop_assert_eq!(created, 1, "grain {} dim {:?}", grain, dim);
                }
            }
            for dim in DIMS {
                let created: i64 = rows.iter().filter(|(k, _)| k.dim == dim).map(|(_, v)| v[column("created")]).sum();
                prop_assert_eq!(created, 1, "dim {}", dim);
            }
            let cohort = facts.cohort();
            prop_assert!(cohort[column("closed")] + cohort[column("cancelled")] <= 1);
            prop_assert!(cohort[column("second_dispatched")] <= cohort[column("dispatched")]);
            prop_assert!(cohort[column("escalated_company")] <= cohort[column("escalated_area")]);
            prop_assert!(cohort[column("verify_on_time")] <= cohort[column("verify_due")]);
            prop_assert!(cohort[column("resolve_on_time")] <= cohort[column("resolve_due")]);
            let satisfaction: i64 = SUMS.iter().zip(cohort).filter(|(c, _)| c.starts_with("s_")).map(|(_, v)| v).sum();
            prop_assert_eq!(satisfaction, i64::from(facts.last_satisfaction.is_some()));
        }

        #[test]
        fn a_difference_turns_the_old_contributions_into_the_new(old in facts(), new in facts()) {
            let mut reached = total(old.contributions());
            for (key, vals) in difference(Some(&old), &new) {
                accumulate(reached.entry(key).or_insert(ZERO), &vals, 1);
            }
            reached.retain(|_, v| *v != ZERO);
            prop_assert_eq!(reached, total(new.contributions()));
            prop_assert!(difference(Some(&new), &new).is_empty());
        }
    }
}
