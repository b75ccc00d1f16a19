//! Background jobs: how long to wait before retrying a failed one, and when to give up.

use std::time::Duration;

crate::wire_enum! {
    /// Where a background job stands.
    pub enum JobStatus {
        Queued => "queued",
        Running => "running",
        Done => "done",
        /// Failed its last attempt; stays until an administrator retries it.
        Dead => "dead",
    }
}

/// Retry delay after the `attempt`-th failure (1-based): `base · 2^(attempt-1)`, capped at `max`.
pub fn backoff(attempt: u32, base: Duration, max: Duration) -> Duration {
    let factor = 1u32.checked_shl(attempt.saturating_sub(1).min(30)).unwrap_or(u32::MAX);
    base.checked_mul(factor).unwrap_or(max).min(max)
}

/// Finished jobs stay this many days for inspection (`GET /api/v1/jobs?status=done`), then the
/// worker deletes them: every complaint and every webhook delivery leaves one, and a busy centre
/// would otherwise grow the table without end. Dead jobs stay until an admin retries them.
pub const DONE_KEPT_DAYS: i64 = 7;

/// Whether a job that failed its `attempt`-th run goes to the visible dead state.
pub fn is_dead(attempt: u32, max_attempts: u32) -> bool {
    attempt >= max_attempts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let base = Duration::from_secs(2);
        let max = Duration::from_secs(60);
        let delays: Vec<u64> = (1..=7).map(|n| backoff(n, base, max).as_secs()).collect();
        assert_eq!(delays, [2, 4, 8, 16, 32, 60, 60]);
        assert_eq!(backoff(0, base, max), base);
        assert_eq!(backoff(u32::MAX, base, max), max);
    }

    #[test]
    fn dead_after_the_last_attempt() {
        assert!(!is_dead(1, 3));
        assert!(!is_dead(2, 3));
        assert!(is_dead(3, 3));
        assert!(is_dead(4, 3));
    }
}
