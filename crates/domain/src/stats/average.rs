//! Average durations as the statistics publish them: hours with two decimals.
//!
//! The total comes in whole microseconds and the rounding is done on integers (half away from
//! zero), so the same cases give the same figure however the total was added up — from the
//! roll-ups or from a scan of the cases, on SQLite or PostgreSQL. Rounding a floating-point
//! quotient instead made averages that land exactly on a half hundredth (common: times in whole
//! minutes) come out 0.01 apart between the two (`huiyin stats-check`).

const MICROS_PER_HOUR: i128 = 3_600_000_000;

/// The average of `count` durations totalling `total_micros`, in hours rounded to 0.01; `None`
/// when there is nothing to average.
pub fn average_hours(total_micros: i64, count: i64) -> Option<f64> {
    if count <= 0 {
        return None;
    }
    let divisor = i128::from(count) * MICROS_PER_HOUR;
    let scaled = i128::from(total_micros) * 100;
    let half = divisor / 2;
    let hundredths = if scaled >= 0 {
        (scaled + half) / divisor
    } else {
        (scaled - half) / divisor
    };
    // |hundredths| ≤ i64::MAX * 100 / 3.6e9, far inside f64's exact integers.
    Some(hundredths as f64 / 100.0)
}

#[cfg(test)]
mod tests {
    use super::average_hours;

    const HOUR: i64 = 3_600_000_000;
    const MINUTE: i64 = 60_000_000;

    #[test]
    fn averages_round_to_hundredths_of_an_hour_half_up() {
        let cases: &[(i64, i64, Option<f64>)] = &[
            (0, 0, None),
            (HOUR, 0, None),
            (HOUR, -1, None),
            (0, 3, Some(0.0)),
            (HOUR, 1, Some(1.0)),
            (3 * HOUR, 2, Some(1.5)),
            // 33 h 0 min 18 s is exactly 33.005 h: half rounds up.
            (33 * HOUR + 18_000_000, 1, Some(33.01)),
            // A microsecond below the half rounds down.
            (33 * HOUR + 18_000_000 - 1, 1, Some(33.0)),
            // The same average from two cases in whole minutes: 66 h 0 min 36 s over 2.
            (66 * HOUR + 36_000_000, 2, Some(33.01)),
            // 49.725 h over three cases (whole minutes and seconds), the value stats-check saw.
            (3 * (49 * HOUR + 43 * MINUTE + 30_000_000), 3, Some(49.73)),
            (1, 1, Some(0.0)),
            (-(33 * HOUR + 18_000_000), 1, Some(-33.01)),
        ];
        for &(total, count, expected) in cases {
            assert_eq!(average_hours(total, count), expected, "{total} µs over {count}");
        }
    }

    #[test]
    fn huge_totals_do_not_overflow() {
        assert_eq!(average_hours(i64::MAX, 1), Some(2_562_047_788.02));
    }
}
