//! The household facts of a customer archive (户情): move-in date, household size and one
//! emergency contact. Validated here; read and written beside the customer row.

use chrono::{Duration, NaiveDate};
use huiyin_domain::phone::Phone;
use sea_orm::Set;

use crate::entity::customer;
use crate::validate::required;
use crate::{StoreError, StoreResult};

/// Largest household a form may record; anything above is a typo.
pub const MAX_HOUSEHOLD: i32 = 99;

/// Someone to call when the customer cannot be reached (紧急联系人).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmergencyContact {
    pub name: String,
    /// Any common notation when given; stored normalised.
    pub phone: String,
}

pub fn check_move_in(value: Option<NaiveDate>, today: NaiveDate) -> StoreResult<Option<NaiveDate>> {
    match value {
        Some(day) if day > today + Duration::days(366) => {
            Err(StoreError::invalid("move_in_on", "must not be more than a year ahead"))
        }
        Some(day) if day < NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN) => {
            Err(StoreError::invalid("move_in_on", "must be after 1900-01-01"))
        }
        other => Ok(other),
    }
}

pub fn check_size(value: Option<i32>) -> StoreResult<Option<i32>> {
    match value {
        Some(n) if !(0..=MAX_HOUSEHOLD).contains(&n) => Err(StoreError::invalid(
            "household_size",
            format!("must be between 0 and {MAX_HOUSEHOLD}"),
        )),
        other => Ok(other),
    }
}

/// The contact as its two columns (name, normalised phone).
pub fn check_contact(value: Option<&EmergencyContact>) -> StoreResult<(Option<String>, Option<String>)> {
    let Some(contact) = value else {
        return Ok((None, None));
    };
    let name = required("emergency_contact.name", &contact.name, 50)?;
    let phone = Phone::parse(&contact.phone)
        .map_err(|e| StoreError::invalid("emergency_contact.phone", e.to_string()))?
        .into_string();
    Ok((Some(name), Some(phone)))
}

/// The household facts as given by a create or an update (`None` = leave as is).
#[derive(Debug, Clone, Default)]
pub struct HouseholdChange {
    pub move_in_on: Option<Option<NaiveDate>>,
    pub household_size: Option<Option<i32>>,
    pub emergency_contact: Option<Option<EmergencyContact>>,
}

impl HouseholdChange {
    /// Validates and writes the given facts onto `model`.
    pub fn apply(&self, model: &mut customer::ActiveModel, today: NaiveDate) -> StoreResult<()> {
        if let Some(day) = self.move_in_on {
            model.move_in_on = Set(check_move_in(day, today)?);
        }
        if let Some(size) = self.household_size {
            model.household_size = Set(check_size(size)?);
        }
        if let Some(contact) = &self.emergency_contact {
            let (name, phone) = check_contact(contact.as_ref())?;
            model.emergency_contact_name = Set(name);
            model.emergency_contact_phone = Set(phone);
        }
        Ok(())
    }
}

/// The stored contact, when both halves are present.
pub fn contact_of(model: &customer::Model) -> Option<EmergencyContact> {
    match (&model.emergency_contact_name, &model.emergency_contact_phone) {
        (Some(name), Some(phone)) => Some(EmergencyContact {
            name: name.clone(),
            phone: phone.clone(),
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn sizes_outside_the_range_name_the_field() {
        assert_eq!(check_size(Some(0)).unwrap(), Some(0));
        assert_eq!(check_size(None).unwrap(), None);
        for bad in [-1, 100] {
            let err = check_size(Some(bad)).unwrap_err();
            assert!(matches!(err, StoreError::Invalid { ref field, .. } if field == "household_size"));
        }
    }

    #[test]
    fn move_in_may_not_lie_far_ahead() {
        let today = day(2026, 12, 6);
        assert!(check_move_in(Some(day(2027, 6, 1)), today).is_ok());
        assert!(check_move_in(Some(day(2028, 6, 1)), today).is_err());
    }

    #[test]
    fn the_contact_phone_is_normalised_and_checked() {
        let ok = EmergencyContact {
            name: " 王小明 ".into(),
            phone: "139 0013 9000".into(),
        };
        assert_eq!(
            check_contact(Some(&ok)).unwrap(),
            (Some("王小明".into()), Some("13900139000".into()))
        );
        let bad = EmergencyContact {
            name: "王小明".into(),
            phone: "12".into(),
        };
        let err = check_contact(Some(&bad)).unwrap_err();
        assert!(matches!(err, StoreError::Invalid { ref field, .. } if field == "emergency_contact.phone"));
    }
}
