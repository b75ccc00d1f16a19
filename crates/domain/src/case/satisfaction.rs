//! The four-level satisfaction a return visit records.

crate::wire_enum! {
    /// 很不满意 · 不满意 · 满意 · 很满意.
    pub enum Satisfaction {
        VeryDissatisfied => "very_dissatisfied",
        Dissatisfied => "dissatisfied",
        Satisfied => "satisfied",
        VerySatisfied => "very_satisfied",
    }
}

impl Satisfaction {
    /// Satisfied or better closes the case; anything worse means a second dispatch.
    pub fn is_satisfied(self) -> bool {
        matches!(self, Satisfaction::Satisfied | Satisfaction::VerySatisfied)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_levels_satisfy_and_two_do_not() {
        assert!(!Satisfaction::VeryDissatisfied.is_satisfied());
        assert!(!Satisfaction::Dissatisfied.is_satisfied());
        assert!(Satisfaction::Satisfied.is_satisfied());
        assert!(Satisfaction::VerySatisfied.is_satisfied());
        assert!(Satisfaction::VeryDissatisfied < Satisfaction::VerySatisfied);
    }
}
