//! What a case is, how it reached us and how serious it is.

crate::wire_enum! {
    /// 投诉 complaint · 报修 repair · 咨询 inquiry · 建议 suggestion · 表扬 praise · 报事 incident.
    pub enum CaseKind {
        Complaint => "complaint",
        Repair => "repair",
        Inquiry => "inquiry",
        Suggestion => "suggestion",
        Praise => "praise",
        Incident => "incident",
    }
}

impl CaseKind {
    /// The prefix of the human case number (`TS-20261125-0007`).
    pub fn number_prefix(self) -> &'static str {
        match self {
            CaseKind::Complaint => "TS",
            CaseKind::Repair => "BX",
            CaseKind::Inquiry => "ZX",
            CaseKind::Suggestion => "JY",
            CaseKind::Praise => "BY",
            CaseKind::Incident => "BS",
        }
    }

    pub fn from_number_prefix(prefix: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|k| k.number_prefix() == prefix)
    }

    /// Kinds that may be answered and closed during the first contact
    /// (first-contact resolution) without dispatching a work order.
    pub fn may_close_on_spot(self) -> bool {
        matches!(self, CaseKind::Inquiry | CaseKind::Praise | CaseKind::Suggestion)
    }
}

crate::wire_enum! {
    /// How the case reached customer service.
    pub enum Channel {
        Phone => "phone",
        WalkIn => "walk_in",
        Letter => "letter",
        Fax => "fax",
        Email => "email",
        Web => "web",
        App => "app",
        Wechat => "wechat",
        Other => "other",
        /// Raised from a steward's household visit (走访): the opinion needs handling.
        StewardVisit => "steward_visit",
        /// Raised by a failed checkpoint on a patrol (巡查).
        Patrol => "patrol",
    }
}

crate::wire_enum! {
    /// 一般 normal · 重大 major · 紧急 urgent.
    pub enum Severity {
        Normal => "normal",
        Major => "major",
        Urgent => "urgent",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_prefixes_are_distinct_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for kind in CaseKind::ALL {
            assert!(seen.insert(kind.number_prefix()));
            assert_eq!(CaseKind::from_number_prefix(kind.number_prefix()), Some(*kind));
        }
        assert_eq!(CaseKind::from_number_prefix("XX"), None);
    }

    #[test]
    fn only_inquiries_praise_and_suggestions_close_on_the_spot() {
        let closable: Vec<_> = CaseKind::ALL.iter().filter(|k| k.may_close_on_spot()).collect();
        assert_eq!(closable, [&CaseKind::Inquiry, &CaseKind::Suggestion, &CaseKind::Praise]);
    }

    #[test]
    fn wire_names_round_trip() {
        for c in Channel::ALL {
            assert_eq!(Channel::parse(c.as_str()), Some(*c));
        }
        for s in Severity::ALL {
            assert_eq!(Severity::parse(s.as_str()), Some(*s));
        }
        assert_eq!(Channel::parse("pigeon"), None);
    }
}
