//! How the report's spreadsheet and CSV cells show numbers.

/// A rate as a percentage with one decimal; `—` when there is none.
pub fn pct(rate: Option<f64>) -> String {
    rate.map(|r| format!("{:.1}%", r * 100.0)).unwrap_or_else(|| "—".into())
}
