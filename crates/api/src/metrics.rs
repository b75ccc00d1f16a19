//! The Prometheus metrics registry: request counts and a latency histogram by route pattern,
//! method and status, rendered for `/metrics`. The middleware that feeds it is
//! `middleware::metrics`.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;

const BUCKETS: [f64; 12] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0];

#[derive(Default)]
struct Series {
    count: u64,
    sum: f64,
    buckets: [u64; BUCKETS.len()],
}

#[derive(Default)]
pub struct Metrics {
    series: Mutex<BTreeMap<(String, String, u16), Series>>,
}

impl Metrics {
    pub fn observe(&self, route: &str, method: &str, status: u16, seconds: f64) {
        let mut series = self.series.lock().unwrap_or_else(|e| e.into_inner());
        let s = series.entry((route.to_owned(), method.to_owned(), status)).or_default();
        s.count += 1;
        s.sum += seconds;
        for (i, bound) in BUCKETS.iter().enumerate() {
            if seconds <= *bound {
                s.buckets[i] += 1;
            }
        }
    }

    /// The Prometheus text exposition format.
    pub fn render(&self) -> String {
        let series = self.series.lock().unwrap_or_else(|e| e.into_inner());
        let mut out = String::new();
        out.push_str("# HELP http_requests_total Requests answered, by route, method and status.\n# TYPE http_requests_total counter\n");
        for ((route, method, status), s) in series.iter() {
            let _ = writeln!(
                out,
                "http_requests_total{{route=\"{route}\",method=\"{method}\",status=\"{status}\"}} {}",
                s.count
            );
        }
        out.push_str("# HELP http_request_duration_seconds Request latency, by route, method and status.\n# TYPE http_request_duration_seconds histogram\n");
        for ((route, method, status), s) in series.iter() {
            let labels = format!("route=\"{route}\",method=\"{method}\",status=\"{status}\"");
            for (i, bound) in BUCKETS.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "http_request_duration_seconds_bucket{{{labels},le=\"{bound}\"}} {}",
                    s.buckets[i]
                );
            }
            let _ = writeln!(
                out,
                "http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {}",
                s.count
            );
            let _ = writeln!(out, "http_request_duration_seconds_sum{{{labels}}} {}", s.sum);
            let _ = writeln!(out, "http_request_duration_seconds_count{{{labels}}} {}", s.count);
        }
        out
    }
}
