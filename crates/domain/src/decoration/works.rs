//! Construction works (装修工程): stage visits by customer service, and the warranty after
//! completion acceptance.

use chrono::{DateTime, Duration, Months, NaiveDate, Utc};

use crate::case::Satisfaction;

/// The stages every works has; a company setting may add more (e.g. `concealed_works`) between
/// material arrival and completion.
pub const STANDARD_STAGES: [&str; 3] = ["material_arrival", "mid_construction", "completion"];

/// The last stage: once its visit is done the works is handed over and the warranty runs.
pub const COMPLETION: &str = "completion";

/// Stage names are snake_case words: `a-z`, digits and `_`, 2–40 characters, starting with a letter.
pub fn is_stage_name(name: &str) -> bool {
    (2..=40).contains(&name.len())
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// The works' stages in order: material arrival, the company's extra stages, mid-construction,
/// completion (duplicates and standard names among the extras are ignored).
pub fn stages(extra: &[String]) -> Vec<String> {
    let mut list = vec![STANDARD_STAGES[0].to_owned()];
    for name in extra {
        if is_stage_name(name) && !list.contains(name) && !STANDARD_STAGES.contains(&name.as_str()) {
            list.push(name.clone());
        }
    }
    list.push(STANDARD_STAGES[1].to_owned());
    list.push(STANDARD_STAGES[2].to_owned());
    list
}

crate::wire_enum! {
    pub enum WorksStatus {
        /// Contract signed, construction not started.
        Planned => "planned",
        UnderConstruction => "under_construction",
        /// Completion accepted: the warranty runs.
        Completed => "completed",
    }
}

crate::wire_enum! {
    pub enum StageStatus {
        Pending => "pending",
        /// Started; its visit is due.
        Started => "started",
        Visited => "visited",
    }
}

crate::wire_enum! {
    /// What a stage visit (or the customer) raised, and the complaint category it opens.
    pub enum IssueKind {
        /// 工程投诉
        Engineering => "engineering",
        /// 质检员投诉
        Inspector => "inspector",
        /// 设计师投诉
        Designer => "designer",
        /// A repair during or after construction.
        Repair => "repair",
    }
}

impl IssueKind {
    /// The category code (`crates/store/src/categories.rs`) the opened case gets.
    pub fn category_code(self) -> &'static str {
        match self {
            IssueKind::Engineering => "complaint.engineering",
            IssueKind::Inspector => "complaint.qc_inspector",
            IssueKind::Designer => "complaint.designer",
            IssueKind::Repair => "repair.first",
        }
    }
}

/// A dissatisfied stage visit escalates: it opens a major complaint even when no issue was named.
pub fn escalates(satisfaction: Satisfaction) -> bool {
    !satisfaction.is_satisfied()
}

/// After completion acceptance, a visit every 2 months for 12 months.
pub fn aftercare_visits(completed_at: DateTime<Utc>) -> Vec<DateTime<Utc>> {
    (1..=6)
        .filter_map(|n| completed_at.checked_add_months(Months::new(2 * n)))
        .collect()
}

/// The last day of the warranty: `years` after the completion day.
pub fn warranty_until(completed_on: NaiveDate, years: u32) -> NaiveDate {
    completed_on
        .checked_add_months(Months::new(12 * years))
        .unwrap_or(completed_on + Duration::days(365 * i64::from(years)))
}

/// Out of warranty once the day after its last day has begun.
pub fn out_of_warranty(until: Option<NaiveDate>, today: NaiveDate) -> bool {
    until.is_some_and(|until| today > until)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_keep_the_standard_ends_and_add_the_company_s() {
        assert_eq!(stages(&[]), ["material_arrival", "mid_construction", "completion"]);
        let extra = vec![
            "carpentry".to_owned(),
            "Bad Name".to_owned(),
            "completion".to_owned(),
            "carpentry".to_owned(),
        ];
        assert_eq!(
            stages(&extra),
            ["material_arrival", "carpentry", "mid_construction", "completion"]
        );
        assert!(is_stage_name("concealed_works"));
        assert!(!is_stage_name("9lives"));
        assert!(!is_stage_name("x"));
    }

    #[test]
    fn aftercare_every_two_months_for_a_year() {
        let done = DateTime::parse_from_rfc3339("2026-01-31T02:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let visits = aftercare_visits(done);
        assert_eq!(visits.len(), 6);
        assert_eq!(visits[0].to_rfc3339(), "2026-03-31T02:00:00+00:00");
        assert_eq!(visits[5].to_rfc3339(), "2027-01-31T02:00:00+00:00");
    }

    #[test]
    fn warranty_runs_two_years_by_default() {
        let done = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        let until = warranty_until(done, 2);
        assert_eq!(until, NaiveDate::from_ymd_opt(2026, 2, 28).unwrap());
        assert!(!out_of_warranty(Some(until), until));
        assert!(out_of_warranty(Some(until), until + Duration::days(1)));
        assert!(!out_of_warranty(None, until + Duration::days(900)));
    }

    #[test]
    fn issues_open_the_named_categories_and_dissatisfaction_escalates() {
        assert_eq!(IssueKind::Engineering.category_code(), "complaint.engineering");
        assert_eq!(IssueKind::Inspector.category_code(), "complaint.qc_inspector");
        assert_eq!(IssueKind::Designer.category_code(), "complaint.designer");
        assert!(escalates(Satisfaction::Dissatisfied));
        assert!(escalates(Satisfaction::VeryDissatisfied));
        assert!(!escalates(Satisfaction::Satisfied));
    }
}
