//! One row of an arrears import (`building,unit,room,fee_item,months,amount,as_of`, optionally
//! `receivable,received` for the collection rate), checked field by field. The store reads CSV
//! or JSON into these strings and reports every problem by line.

use chrono::NaiveDate;

use crate::money::Money;

/// The columns an import may carry, in their canonical order.
pub const COLUMNS: [&str; 9] = [
    "building",
    "unit",
    "room",
    "fee_item",
    "months",
    "amount",
    "as_of",
    "receivable",
    "received",
];

/// The first seven are required.
pub const REQUIRED: usize = 7;

/// Chinese headers accepted beside the English ones (as billing exports write them).
fn alias(name: &str) -> Option<&'static str> {
    Some(match name {
        "楼栋" | "栋" => "building",
        "单元" => "unit",
        "房号" | "户" => "room",
        "收费项目" | "费项" => "fee_item",
        "欠费月数" | "月数" => "months",
        "欠费金额" | "金额" => "amount",
        "截止日期" | "统计日期" => "as_of",
        "应收" | "应收金额" => "receivable",
        "实收" | "实收金额" => "received",
        _ => return None,
    })
}

/// Where each known column sits in a row: `positions[i]` is the index of `COLUMNS[i]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    pub positions: [Option<usize>; 9],
}

/// Reads a header line; the message names unknown, repeated or missing columns.
pub fn columns(header: &[&str]) -> Result<Columns, String> {
    let mut positions = [None; 9];
    for (index, raw) in header.iter().enumerate() {
        let name = raw.trim().trim_start_matches('\u{feff}').to_ascii_lowercase();
        let known = COLUMNS
            .iter()
            .position(|c| *c == name)
            .or_else(|| alias(&name).and_then(|a| COLUMNS.iter().position(|c| *c == a)));
        let Some(slot) = known else {
            return Err(format!(
                "unknown column '{}'; expected {}",
                raw.trim(),
                COLUMNS.join(",")
            ));
        };
        if positions[slot].replace(index).is_some() {
            return Err(format!("column '{}' appears twice", COLUMNS[slot]));
        }
    }
    let missing: Vec<&str> = (0..REQUIRED)
        .filter(|i| positions[*i].is_none())
        .map(|i| COLUMNS[i])
        .collect();
    if !missing.is_empty() {
        return Err(format!("missing column(s) {}", missing.join(",")));
    }
    if positions[7].is_some() != positions[8].is_some() {
        return Err("give receivable and received together".into());
    }
    Ok(Columns { positions })
}

/// A row's values as read, by column (`None` when the file has no such column).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawRow {
    pub values: [Option<String>; 9],
}

/// A checked row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArrearsRow {
    pub building: String,
    pub unit: String,
    pub room: String,
    pub fee_item: String,
    pub months: u32,
    pub amount: Money,
    pub as_of: NaiveDate,
    /// `(receivable, received)` for the month of `as_of`, when the file carries them.
    pub collection: Option<(Money, Money)>,
}

impl ArrearsRow {
    /// Nothing owed: the row only reports a payment (and settles an open arrears).
    pub fn is_paid(&self) -> bool {
        self.months == 0
    }
}

/// Most months an arrears can report (fifty years).
pub const MAX_MONTHS: u32 = 600;

/// Checks a row; `today` bounds `as_of` (a day ahead is allowed for time zones). Every problem
/// is returned as `(column, message)`.
pub fn check(raw: &RawRow, today: NaiveDate) -> Result<ArrearsRow, Vec<(&'static str, String)>> {
    let mut errors = Vec::new();
    let value = |i: usize| raw.values[i].as_deref().map(str::trim).unwrap_or("");
    let mut text = |i: usize, max: usize| -> String {
        let v = value(i);
        if v.is_empty() || v.chars().count() > max {
            errors.push((COLUMNS[i], format!("must be 1 to {max} characters")));
        }
        v.to_owned()
    };
    let (building, unit, room) = (text(0, 50), text(1, 50), text(2, 50));
    let fee_item = text(3, 50);
    let months = match value(4).parse::<u32>() {
        Ok(m) if m <= MAX_MONTHS => Some(m),
        Ok(_) => {
            errors.push(("months", format!("must be at most {MAX_MONTHS}")));
            None
        }
        Err(_) => {
            errors.push(("months", "must be a whole number of months (0 or more)".into()));
            None
        }
    };
    let mut money = |i: usize| match Money::parse(value(i)) {
        Ok(m) => Some(m),
        Err(e) => {
            errors.push((COLUMNS[i], format!("{} {e}", COLUMNS[i])));
            None
        }
    };
    let amount = money(5);
    let collection = if raw.values[7].is_some() || raw.values[8].is_some() {
        match (money(7), money(8)) {
            (Some(a), Some(b)) => Some(Some((a, b))),
            _ => None,
        }
    } else {
        Some(None)
    };
    let as_of = match NaiveDate::parse_from_str(value(6), "%Y-%m-%d") {
        Ok(d) if d <= today + chrono::Days::new(1) => Some(d),
        Ok(_) => {
            errors.push(("as_of", "cannot be in the future".into()));
            None
        }
        Err(_) => {
            errors.push(("as_of", "must be a date like 2026-11-30".into()));
            None
        }
    };
    if let (Some(m), Some(a)) = (months, amount) {
        if m == 0 && a != Money::ZERO {
            errors.push(("months", "an amount owed needs at least one month".into()));
        }
        if m > 0 && a == Money::ZERO {
            errors.push(("amount", "months owed need an amount above 0".into()));
        }
    }
    match (months, amount, as_of, collection) {
        (Some(months), Some(amount), Some(as_of), Some(collection)) if errors.is_empty() => Ok(ArrearsRow {
            building,
            unit,
            room,
            fee_item,
            months,
            amount,
            as_of,
            collection,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(values: &[&str]) -> RawRow {
        let mut row = RawRow::default();
        for (i, v) in values.iter().enumerate() {
            row.values[i] = Some((*v).to_owned());
        }
        row
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
    }

    #[test]
    fn headers_in_any_order_with_aliases() {
        let c = columns(&["room", "unit", "building", "fee_item", "months", "amount", "as_of"]).unwrap();
        assert_eq!(c.positions[0], Some(2));
        assert_eq!(c.positions[7], None);
        let zh = columns(&[
            "楼栋",
            "单元",
            "房号",
            "收费项目",
            "欠费月数",
            "欠费金额",
            "截止日期",
            "应收",
            "实收",
        ])
        .unwrap();
        assert_eq!(zh.positions[8], Some(8));
    }

    #[test]
    fn bad_headers_are_named() {
        let table: [(&[&str], &str); 4] = [
            (
                &["building", "unit", "room", "fee", "months", "amount", "as_of"],
                "unknown column 'fee'",
            ),
            (
                &["building", "unit", "room", "fee_item", "months", "amount"],
                "missing column(s) as_of",
            ),
            (&["building", "building", "room"], "appears twice"),
            (
                &[
                    "building",
                    "unit",
                    "room",
                    "fee_item",
                    "months",
                    "amount",
                    "as_of",
                    "receivable",
                ],
                "together",
            ),
        ];
        for (header, message) in table {
            let error = columns(header).unwrap_err();
            assert!(error.contains(message), "{error}");
        }
    }

    #[test]
    fn good_rows() {
        let row = check(
            &raw(&["1栋", "1单元", "101", "物业费", "7", "1234.5", "2026-11-30"]),
            today(),
        )
        .unwrap();
        assert_eq!(row.months, 7);
        assert_eq!(row.amount.fen(), 123_450);
        assert_eq!(row.collection, None);
        let paid = check(
            &raw(&["1栋", "1单元", "102", "物业费", "0", "0", "2026-11-30", "300.00", "300"]),
            today(),
        )
        .unwrap();
        assert!(paid.is_paid());
        assert_eq!(paid.collection.map(|(a, b)| (a.fen(), b.fen())), Some((30_000, 30_000)));
    }

    #[test]
    fn every_bad_field_is_named() {
        let table: [(&[&str], &str); 9] = [
            (&["", "1", "101", "物业费", "1", "1", "2026-11-30"], "building"),
            (&["1", "1", "101", "", "1", "1", "2026-11-30"], "fee_item"),
            (&["1", "1", "101", "物业费", "6.5", "1", "2026-11-30"], "months"),
            (&["1", "1", "101", "物业费", "-1", "1", "2026-11-30"], "months"),
            (&["1", "1", "101", "物业费", "1", "-20.00", "2026-11-30"], "amount"),
            (&["1", "1", "101", "物业费", "1", "1.005", "2026-11-30"], "amount"),
            (&["1", "1", "101", "物业费", "1", "1", "30/11/2026"], "as_of"),
            (&["1", "1", "101", "物业费", "1", "1", "2027-01-01"], "as_of"),
            (&["1", "1", "101", "物业费", "3", "0", "2026-11-30"], "amount"),
        ];
        for (values, field) in table {
            let errors = check(&raw(values), today()).unwrap_err();
            assert!(errors.iter().any(|(f, _)| *f == field), "{values:?}: {errors:?}");
        }
    }
}
