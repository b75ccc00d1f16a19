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

#[cfg(test)]
mod tests {
    use super::*;

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
