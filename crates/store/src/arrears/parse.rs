//! Reading an arrears import into checked rows: CSV with a header line (`line N` in errors) or
//! the same rows as JSON objects (`row N`). Every problem is collected; the caller imports only
//! a file without any.

use chrono::NaiveDate;
use huiyin_domain::arrears::row::{self, ArrearsRow, RawRow, COLUMNS};
use serde_json::Value;

use crate::org::import::LineCounter;

/// Upper bound on rows per import (a large estate's households times a few fee items).
pub const MAX_ROWS: usize = 50_000;

/// A checked row and where it came from (`line 7`, `row 3`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    pub place: String,
    pub order: usize,
    pub row: ArrearsRow,
}

pub type Problems = Vec<(String, String)>;

fn check(place: String, order: usize, raw: &RawRow, today: NaiveDate, rows: &mut Vec<Placed>, errors: &mut Problems) {
    match row::check(raw, today) {
        Ok(row) => rows.push(Placed { place, order, row }),
        Err(problems) => {
            for (_, message) in problems {
                errors.push((place.clone(), message));
            }
        }
    }
}

/// Reads CSV text (UTF-8, optional BOM, header line required).
pub fn csv(text: &str, today: NaiveDate) -> (Vec<Placed>, Problems) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let (mut rows, mut errors) = (Vec::new(), Vec::new());
    let mut lines = LineCounter::new(text);
    let mut columns = None;
    for (index, record) in reader.records().enumerate() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(index + 1, |p| lines.line_at(p.byte()));
                errors.push((format!("line {line}"), format!("unreadable CSV: {e}")));
                continue;
            }
        };
        let line = record.position().map_or(index + 1, |p| lines.line_at(p.byte()));
        if record.iter().all(str::is_empty) {
            continue;
        }
        let Some(cols) = &columns else {
            match row::columns(&record.iter().collect::<Vec<_>>()) {
                Ok(c) => columns = Some(c),
                Err(message) => {
                    errors.push((format!("line {line}"), message));
                    return (rows, errors);
                }
            }
            continue;
        };
        let mut raw = RawRow::default();
        for (slot, position) in cols.positions.iter().enumerate() {
            raw.values[slot] = position.map(|p| record.get(p).unwrap_or_default().to_owned());
        }
        let width = cols.positions.iter().flatten().count();
        if record.len() != width {
            errors.push((
                format!("line {line}"),
                format!("expected {width} fields like the header, found {}", record.len()),
            ));
            continue;
        }
        check(format!("line {line}"), line, &raw, today, &mut rows, &mut errors);
        if rows.len() > MAX_ROWS {
            errors.push(("file".into(), format!("at most {MAX_ROWS} rows per import")));
            break;
        }
    }
    if columns.is_none() && errors.is_empty() {
        errors.push((
            "file".into(),
            format!("no header line; start with {}", COLUMNS.join(",")),
        ));
    } else if rows.is_empty() && errors.is_empty() {
        errors.push(("file".into(), "no rows to import".into()));
    }
    (rows, errors)
}

/// A JSON value as the text a CSV cell would hold; floats are refused (money is exact).
fn cell(name: &str, value: &Value) -> Result<Option<String>, String> {
    match value {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s.clone())),
        Value::Number(n) if n.is_u64() || n.is_i64() => Ok(Some(n.to_string())),
        Value::Number(_) if name == "months" => Err("months must be a whole number of months".into()),
        Value::Number(_) => Err(format!("{name} must be a decimal string like \"1234.50\", not a float")),
        _ => Err(format!("{name} must be a string")),
    }
}

/// Reads `[{building, unit, room, fee_item, months, amount, as_of, receivable?, received?}, …]`
/// or `{"rows": [...]}`.
pub fn json(body: &Value, today: NaiveDate) -> (Vec<Placed>, Problems) {
    let (mut rows, mut errors) = (Vec::new(), Vec::new());
    let items = match body {
        Value::Array(items) => items,
        Value::Object(map) => match map.get("rows") {
            Some(Value::Array(items)) if map.len() == 1 => items,
            _ => {
                return (
                    rows,
                    vec![("rows".into(), "send an array of rows, or {\"rows\": [...]}".into())],
                )
            }
        },
        _ => return (rows, vec![("rows".into(), "send an array of rows".into())]),
    };
    if items.len() > MAX_ROWS {
        return (
            rows,
            vec![("rows".into(), format!("at most {MAX_ROWS} rows per import"))],
        );
    }
    for (index, item) in items.iter().enumerate() {
        let place = format!("row {}", index + 1);
        let Value::Object(map) = item else {
            errors.push((place, "must be an object".into()));
            continue;
        };
        let mut raw = RawRow::default();
        let mut bad = false;
        for (name, value) in map {
            let Some(slot) = COLUMNS.iter().position(|c| c == name) else {
                errors.push((
                    place.clone(),
                    format!("unknown field '{name}'; expected {}", COLUMNS.join(",")),
                ));
                bad = true;
                continue;
            };
            match cell(name, value) {
                Ok(v) => raw.values[slot] = v,
                Err(message) => {
                    errors.push((place.clone(), message));
                    bad = true;
                }
            }
        }
        if !bad {
            check(place, index + 1, &raw, today, &mut rows, &mut errors);
        }
    }
    if rows.is_empty() && errors.is_empty() {
        errors.push(("rows".into(), "no rows to import".into()));
    }
    (rows, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
    }

    #[test]
    fn csv_rows_with_their_lines() {
        let text = "\u{feff}building,unit,room,fee_item,months,amount,as_of\n1栋,1单元,101,物业费,7,1234.5,2026-11-30\n\n1栋,1单元,102,物业费,x,1,2026-11-30\n";
        let (rows, errors) = csv(text, today());
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].place, "line 2");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].0, "line 4");
        assert!(errors[0].1.contains("whole number"), "{errors:?}");
    }

    #[test]
    fn csv_header_problems_stop_at_line_one() {
        let (rows, errors) = csv(
            "building,unit,room,fee,months,amount,as_of\n1,1,1,a,1,1,2026-11-30\n",
            today(),
        );
        assert!(rows.is_empty());
        assert_eq!(errors, vec![("line 1".to_owned(), errors[0].1.clone())]);
        assert!(errors[0].1.contains("'fee'"));
        assert_eq!(csv("", today()).1.len(), 1);
    }

    #[test]
    fn json_rows_refuse_floats_and_unknown_fields() {
        let body = serde_json::json!([
            {"building": "1栋", "unit": "1单元", "room": "101", "fee_item": "物业费", "months": 7, "amount": "1234.50", "as_of": "2026-11-30"},
            {"building": "1栋", "unit": "1单元", "room": "102", "fee_item": "物业费", "months": 7, "amount": 12.5, "as_of": "2026-11-30"},
            {"building": "1栋", "unit": "1单元", "room": "103", "fee_item": "物业费", "months": 6.5, "amount": "1", "as_of": "2026-11-30"},
            {"building": "1栋", "unit": "1单元", "room": "104", "fee": "物业费", "months": 1, "amount": "1", "as_of": "2026-11-30"},
        ]);
        let (rows, errors) = json(&body, today());
        assert_eq!(rows.len(), 1);
        let places: Vec<_> = errors.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(places[..2], ["row 2", "row 3"]);
        assert!(places.contains(&"row 4"));
        assert!(errors[0].1.contains("not a float"));
        let wrapped = serde_json::json!({"rows": [body[0].clone()]});
        assert_eq!(json(&wrapped, today()).0.len(), 1);
    }
}
