//! Exact medians of large cohorts without sorting them.
//!
//! The statistics keep, per month, a histogram of each duration over fixed logarithmic buckets
//! (a roll-up like the other sums). To find a median the histogram says which bucket holds the
//! middle position(s) and how many values lie in lower buckets; only that bucket's values are then
//! read, in order, to pick the exact value. The result equals sorting everything (the median
//! convention of [`super::median`] and PostgreSQL's `percentile_cont(0.5)`: the mean of the two
//! middle values when the count is even).

use std::collections::BTreeMap;
use std::sync::LazyLock;

/// The lower bound of the first bounded bucket, in seconds.
const FIRST_BOUND_SECS: f64 = 60.0;
/// Buckets per doubling: bucket widths grow by 2^(1/4) ≈ 19 %.
const STEPS_PER_DOUBLING: f64 = 4.0;
/// Bounds up to 60 s · 2^(92/4) ≈ 16 years; longer durations share the last bucket.
const BOUND_COUNT: usize = 93;

/// Strictly increasing whole-second bucket bounds. Bucket 0 holds durations below `BOUNDS[0]`
/// (including negative ones from clock corrections), bucket `b` holds `[BOUNDS[b-1], BOUNDS[b])`
/// and the last bucket everything from the last bound up. Whole seconds keep the bounds exact in
/// SQL comparisons on every backend.
static BOUNDS: LazyLock<Vec<f64>> = LazyLock::new(|| {
    let mut bounds: Vec<f64> = Vec::with_capacity(BOUND_COUNT);
    for step in 0..BOUND_COUNT {
        let bound = (FIRST_BOUND_SECS * (step as f64 / STEPS_PER_DOUBLING).exp2()).round();
        if bounds.last().is_none_or(|last| bound > *last) {
            bounds.push(bound);
        }
    }
    bounds
});

/// The bucket of a duration in seconds.
pub fn duration_bucket(secs: f64) -> u16 {
    BOUNDS.partition_point(|bound| *bound <= secs) as u16
}

/// The bucket as `[low, high)` in seconds; `None` means unbounded on that side.
pub fn bucket_range(bucket: u16) -> (Option<f64>, Option<f64>) {
    let b = usize::from(bucket);
    let low = b.checked_sub(1).and_then(|i| BOUNDS.get(i)).copied();
    let high = BOUNDS.get(b).copied();
    (low, high)
}

/// A bucket label that sorts like the bucket number (roll-up keys are text).
pub fn bucket_key(bucket: u16) -> String {
    format!("{bucket:03}")
}

pub fn parse_bucket_key(key: &str) -> Option<u16> {
    key.parse().ok()
}

/// The 0-based positions, in ascending order, whose values make the median of `count` values:
/// the middle one, or the two middle ones (to be averaged).
pub fn median_positions(count: u64) -> Option<(u64, u64)> {
    match count {
        0 => None,
        n if n % 2 == 1 => Some((n / 2, n / 2)),
        n => Some((n / 2 - 1, n / 2)),
    }
}

/// Where a position falls: the bucket and the position inside it, counting from its lowest value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Located {
    pub bucket: u16,
    pub offset: u64,
}

/// Finds the bucket holding 0-based `position` of the values counted in `histogram`
/// (bucket → count). `None` when the position is beyond the counted values.
pub fn locate(histogram: &BTreeMap<u16, u64>, position: u64) -> Option<Located> {
    let mut below = 0u64;
    for (bucket, count) in histogram {
        if position < below + count {
            return Some(Located {
                bucket: *bucket,
                offset: position - below,
            });
        }
        below += count;
    }
    None
}

/// Where the median's value(s) are: one or two located positions.
pub fn locate_median(histogram: &BTreeMap<u16, u64>) -> Option<(Located, Located)> {
    let total = histogram.values().sum();
    let (low, high) = median_positions(total)?;
    Some((locate(histogram, low)?, locate(histogram, high)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn histogram_of(values: &[f64]) -> BTreeMap<u16, u64> {
        let mut h = BTreeMap::new();
        for v in values {
            *h.entry(duration_bucket(*v)).or_insert(0) += 1;
        }
        h
    }

    /// What the statistics do: locate, then read the bucket's values in order.
    fn median_through_buckets(values: &[f64]) -> Option<f64> {
        let (a, b) = locate_median(&histogram_of(values))?;
        let pick = |at: Located| {
            let mut inside: Vec<f64> = values
                .iter()
                .copied()
                .filter(|v| duration_bucket(*v) == at.bucket)
                .collect();
            inside.sort_by(|x, y| x.total_cmp(y));
            inside[at.offset as usize]
        };
        Some((pick(a) + pick(b)) / 2.0)
    }

    #[test]
    fn bounds_are_whole_seconds_and_strictly_increasing() {
        assert_eq!(BOUNDS[0], 60.0);
        assert!(BOUNDS.windows(2).all(|w| w[0] < w[1]));
        assert!(BOUNDS.iter().all(|b| b.fract() == 0.0));
        // Up to years: a case open for ten years still has a bounded bucket.
        assert!(*BOUNDS.last().unwrap() > 10.0 * 365.0 * 86_400.0);
    }

    #[test]
    fn every_duration_lies_inside_its_bucket_range() {
        let samples = [
            -5.0, 0.0, 0.5, 59.999, 60.0, 60.000001, 71.0, 3599.0, 3600.0, 86_400.0, 1e7, 1e9, 1e12,
        ];
        for secs in samples {
            let (low, high) = bucket_range(duration_bucket(secs));
            assert!(low.is_none_or(|l| secs >= l), "{secs} below {low:?}");
            assert!(high.is_none_or(|h| secs < h), "{secs} not below {high:?}");
        }
        for b in BOUNDS.iter() {
            let (low, _) = bucket_range(duration_bucket(*b));
            assert_eq!(low, Some(*b), "a bound opens its own bucket");
        }
        assert_eq!(bucket_range(0), (None, Some(60.0)));
        let last = BOUNDS.len() as u16;
        assert_eq!(bucket_range(last).1, None);
    }

    #[test]
    fn buckets_are_ordered_like_durations() {
        let mut previous = 0;
        for secs in (0..200_000).map(|i| f64::from(i) * 37.3) {
            let b = duration_bucket(secs);
            assert!(b >= previous);
            previous = b;
        }
        assert_eq!(bucket_key(7), "007");
        assert_eq!(parse_bucket_key(&bucket_key(91)), Some(91));
        assert!(bucket_key(9) < bucket_key(10));
    }

    #[test]
    fn median_positions_follow_the_even_odd_convention() {
        assert_eq!(median_positions(0), None);
        assert_eq!(median_positions(1), Some((0, 0)));
        assert_eq!(median_positions(2), Some((0, 1)));
        assert_eq!(median_positions(5), Some((2, 2)));
        assert_eq!(median_positions(6), Some((2, 3)));
    }

    #[test]
    fn locate_counts_the_buckets_below() {
        let h: BTreeMap<u16, u64> = [(3, 2), (5, 4), (9, 1)].into_iter().collect();
        assert_eq!(locate(&h, 0), Some(Located { bucket: 3, offset: 0 }));
        assert_eq!(locate(&h, 1), Some(Located { bucket: 3, offset: 1 }));
        assert_eq!(locate(&h, 2), Some(Located { bucket: 5, offset: 0 }));
        assert_eq!(locate(&h, 5), Some(Located { bucket: 5, offset: 3 }));
        assert_eq!(locate(&h, 6), Some(Located { bucket: 9, offset: 0 }));
        assert_eq!(locate(&h, 7), None);
        assert_eq!(locate_median(&BTreeMap::new()), None);
    }

    #[test]
    fn the_two_middle_values_may_sit_in_different_buckets() {
        let values = [30.0, 100.0, 5000.0, 90_000.0];
        let (a, b) = locate_median(&histogram_of(&values)).unwrap();
        assert_ne!(a.bucket, b.bucket);
        assert_eq!(median_through_buckets(&values), Some(2550.0));
    }

    #[test]
    fn equals_sorting_everything() {
        // A deterministic spread like real handling times: seconds to months, with ties.
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for size in [1usize, 2, 3, 10, 101, 1000, 4001] {
            let values: Vec<f64> = (0..size)
                .map(|_| {
                    let r = next();
                    let magnitude = (r % 23) as i32;
                    ((r >> 8) % 1000) as f64 * 2f64.powi(magnitude) / 16.0
                })
                .collect();
            let mut sorted = values.clone();
            assert_eq!(
                median_through_buckets(&values),
                super::super::median(&mut sorted),
                "size {size}"
            );
        }
    }
}
