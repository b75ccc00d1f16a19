//! A fixed-window counter per key, in memory. Each instance limits on its own; behind a load
//! balancer the effective limit is multiplied by the instance count, which is acceptable for
//! slowing password guessing (argon2 already makes each guess expensive).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct RateLimiter {
    window: Duration,
    counters: Mutex<HashMap<String, (Instant, u32)>>,
}

impl RateLimiter {
    pub fn new(window: Duration) -> Self {
        RateLimiter {
            window,
            counters: Mutex::new(HashMap::new()),
        }
    }

    /// Seconds until `key` may try again, if it has used up `limit` in the current window.
    pub fn blocked_for(&self, key: &str, limit: u32) -> Option<u64> {
        let counters = self.counters.lock().unwrap_or_else(|e| e.into_inner());
        let (start, count) = counters.get(key)?;
        let elapsed = start.elapsed();
        if elapsed >= self.window || *count < limit {
            return None;
        }
        Some((self.window - elapsed).as_secs().max(1))
    }

    /// Counts one event for `key`.
    pub fn hit(&self, key: &str) {
        let mut counters = self.counters.lock().unwrap_or_else(|e| e.into_inner());
        if counters.len() > 100_000 {
            let window = self.window;
            counters.retain(|_, (start, _)| start.elapsed() < window);
        }
        let entry = counters.entry(key.to_owned()).or_insert((Instant::now(), 0));
        if entry.0.elapsed() >= self.window {
            *entry = (Instant::now(), 0);
        }
        entry.1 += 1;
    }

    pub fn reset(&self, key: &str) {
        self.counters.lock().unwrap_or_else(|e| e.into_inner()).remove(key);
    }
}

/// A per-key back-off that slows guessing without locking anyone out for long: the first
/// `free` failures cost nothing, then each further failure makes the key wait 1, 2, 4 … seconds
/// (at most `cap`) after it. It forgets a key after `forget` without failures. Used per
/// username across all addresses: a botnet spraying one account gets one guess per `cap`,
/// while its owner waits at most `cap` once.
pub struct Backoff {
    free: u32,
    cap: Duration,
    forget: Duration,
    failures: Mutex<HashMap<String, (Instant, u32)>>,
}

impl Backoff {
    pub fn new(free: u32, cap: Duration, forget: Duration) -> Self {
        Backoff {
            free,
            cap,
            forget,
            failures: Mutex::new(HashMap::new()),
        }
    }

    fn delay(&self, count: u32) -> Duration {
        if count <= self.free {
            return Duration::ZERO;
        }
        let exponent = (count - self.free - 1).min(16);
        Duration::from_secs(1u64 << exponent).min(self.cap)
    }

    /// Seconds until `key` may try again, if it is backing off.
    pub fn blocked_for(&self, key: &str) -> Option<u64> {
        let failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        let (last, count) = failures.get(key)?;
        let elapsed = last.elapsed();
        let delay = self.delay(*count);
        if elapsed >= self.forget || elapsed >= delay {
            return None;
        }
        Some((delay - elapsed).as_secs().max(1))
    }

    pub fn fail(&self, key: &str) {
        let mut failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        if failures.len() > 100_000 {
            let forget = self.forget;
            failures.retain(|_, (last, _)| last.elapsed() < forget);
        }
        let entry = failures.entry(key.to_owned()).or_insert((Instant::now(), 0));
        if entry.0.elapsed() >= self.forget {
            entry.1 = 0;
        }
        *entry = (Instant::now(), entry.1.saturating_add(1));
    }

    pub fn reset(&self, key: &str) {
        self.failures.lock().unwrap_or_else(|e| e.into_inner()).remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped() {
        let backoff = Backoff::new(2, Duration::from_secs(8), Duration::from_secs(60));
        assert_eq!(backoff.delay(2), Duration::ZERO);
        assert_eq!(backoff.delay(3), Duration::from_secs(1));
        assert_eq!(backoff.delay(5), Duration::from_secs(4));
        assert_eq!(backoff.delay(50), Duration::from_secs(8));
        backoff.fail("u");
        backoff.fail("u");
        assert!(backoff.blocked_for("u").is_none(), "free failures");
        backoff.fail("u");
        assert_eq!(backoff.blocked_for("u"), Some(1));
        assert!(backoff.blocked_for("v").is_none());
        backoff.reset("u");
        assert!(backoff.blocked_for("u").is_none());
    }

    #[test]
    fn blocks_after_the_limit_until_the_window_passes() {
        let limiter = RateLimiter::new(Duration::from_millis(200));
        for _ in 0..3 {
            assert!(limiter.blocked_for("u", 3).is_none());
            limiter.hit("u");
        }
        assert!(limiter.blocked_for("u", 3).is_some());
        assert!(limiter.blocked_for("other", 3).is_none());
        std::thread::sleep(Duration::from_millis(220));
        assert!(limiter.blocked_for("u", 3).is_none());
        limiter.hit("u");
        limiter.reset("u");
        assert!(limiter.blocked_for("u", 1).is_none());
    }
}
