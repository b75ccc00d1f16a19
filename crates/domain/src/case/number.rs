//! Human case numbers: `<PREFIX>-<YYYYMMDD>-<NNNN>`, e.g. `TS-20261125-0007`.
//! The sequence restarts each day per prefix; the store hands out sequence values.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

use super::CaseKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CaseNumber {
    pub kind: CaseKind,
    pub day: NaiveDate,
    /// 1-based sequence within the day and kind; printed with at least four digits.
    pub sequence: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a case number (expected e.g. TS-20261125-0007)")]
pub struct InvalidCaseNumber;

impl fmt::Display for CaseNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}-{}-{:04}",
            self.kind.number_prefix(),
            self.day.format("%Y%m%d"),
            self.sequence
        )
    }
}

impl FromStr for CaseNumber {
    type Err = InvalidCaseNumber;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut parts = s.trim().split('-');
        let (Some(prefix), Some(day), Some(seq), None) = (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(InvalidCaseNumber);
        };
        let kind = CaseKind::from_number_prefix(&prefix.to_ascii_uppercase()).ok_or(InvalidCaseNumber)?;
        if day.len() != 8 || !day.bytes().all(|b| b.is_ascii_digit()) {
            return Err(InvalidCaseNumber);
        }
        let day = NaiveDate::parse_from_str(day, "%Y%m%d").map_err(|_| InvalidCaseNumber)?;
        if seq.len() < 4 || !seq.bytes().all(|b| b.is_ascii_digit()) {
            return Err(InvalidCaseNumber);
        }
        let sequence: u32 = seq.parse().map_err(|_| InvalidCaseNumber)?;
        if sequence == 0 {
            return Err(InvalidCaseNumber);
        }
        Ok(CaseNumber { kind, day, sequence })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn formats_with_prefix_date_and_four_digits() {
        let n = CaseNumber {
            kind: CaseKind::Complaint,
            day: day(2026, 11, 25),
            sequence: 7,
        };
        assert_eq!(n.to_string(), "TS-20261125-0007");
        let n = CaseNumber {
            kind: CaseKind::Repair,
            day: day(2026, 1, 2),
            sequence: 12345,
        };
        assert_eq!(n.to_string(), "BX-20260102-12345");
    }

    #[test]
    fn parses_what_it_prints() {
        for kind in CaseKind::ALL {
            let n = CaseNumber {
                kind: *kind,
                day: day(2026, 2, 28),
                sequence: 42,
            };
            assert_eq!(n.to_string().parse::<CaseNumber>(), Ok(n));
        }
        assert_eq!(
            "ts-20261125-0007".parse::<CaseNumber>().map(|n| n.kind),
            Ok(CaseKind::Complaint)
        );
    }

    #[test]
    fn rejects_malformed_numbers() {
        for bad in [
            "",
            "TS",
            "TS-20261125",
            "TS-20261125-7",
            "TS-20261125-0000",
            "XX-20261125-0007",
            "TS-20261325-0007",
            "TS-2026112-00007",
            "TS-20261125-00a7",
            "TS-20261125-0007-1",
            "TS-+0261125-0007",
        ] {
            assert_eq!(bad.parse::<CaseNumber>(), Err(InvalidCaseNumber), "{bad}");
        }
    }
}

/// Property tests: arbitrary input never panics, printing then parsing gives the number back,
/// and whatever parses prints in the canonical form.
#[cfg(test)]
mod properties {
    use chrono::Datelike;
    use proptest::prelude::*;

    use super::*;

    fn case_number() -> impl Strategy<Value = CaseNumber> {
        (
            prop::sample::select(CaseKind::ALL.to_vec()),
            // Every day of years 1000-9999: the date part is always eight digits.
            NaiveDate::from_ymd_opt(1000, 1, 1).map_or(0, |d| d.num_days_from_ce())
                ..=NaiveDate::from_ymd_opt(9999, 12, 31).map_or(0, |d| d.num_days_from_ce()),
            1..=u32::MAX,
        )
            .prop_filter_map("a calendar day", |(kind, days, sequence)| {
                NaiveDate::from_num_days_from_ce_opt(days).map(|day| CaseNumber { kind, day, sequence })
            })
    }

    proptest! {
        #[test]
        fn never_panics(raw in any::<String>()) {
            let _ = raw.parse::<CaseNumber>();
        }

        #[test]
        fn never_panics_on_number_like_text(raw in "[A-Za-z]{0,3}-?[0-9+\\-]{0,10}-?[0-9]{0,12}") {
            let _ = raw.parse::<CaseNumber>();
        }

        #[test]
        fn parse_after_format_round_trips(number in case_number()) {
            let text = number.to_string();
            prop_assert_eq!(text.parse::<CaseNumber>(), Ok(number), "{}", text);
            prop_assert_eq!(text.to_lowercase().parse::<CaseNumber>(), Ok(number));
            prop_assert_eq!(format!("  {text}\t").parse::<CaseNumber>(), Ok(number));
        }

        #[test]
        fn what_parses_prints_canonically(raw in "[A-Za-z]{2}-[0-9]{8}-[0-9]{4,11}") {
            if let Ok(number) = raw.parse::<CaseNumber>() {
                let printed = number.to_string();
                prop_assert_eq!(printed.parse::<CaseNumber>(), Ok(number));
                // Only zeros beyond the four-digit minimum may be dropped.
                let (head, seq) = raw.rsplit_once('-').unwrap_or_default();
                let seq = seq.trim_start_matches('0');
                let expected = format!("{}-{:0>4}", head.to_ascii_uppercase(), seq);
                prop_assert_eq!(printed, expected);
            }
        }
    }
}
