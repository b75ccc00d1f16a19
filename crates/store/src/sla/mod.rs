//! Deadlines that act: SLA policies, the business calendar, escalation contacts, and the
//! per-case deadline bookkeeping with the sweep that records breaches and escalates.

pub mod calendar;
pub mod contacts;
pub mod deadlines;
pub mod policies;

use huiyin_domain::calendar::Clock;
use huiyin_domain::case::{CaseKind, Severity};
use huiyin_domain::sla::policy::SlaDurations;
use sea_orm::ConnectionTrait;

use crate::StoreResult;

/// The durations that apply to a case and the clock they run on.
#[derive(Debug, Clone)]
pub struct Terms {
    pub durations: SlaDurations,
    pub clock: Clock,
}

/// The business calendar (from the configuration cache), whatever clock the policies run on:
/// the "same business day" verification deadline needs it.
pub async fn business_calendar(
    db: &impl ConnectionTrait,
) -> StoreResult<std::sync::Arc<huiyin_domain::calendar::Calendar>> {
    crate::cache::calendar(|| async { Ok(calendar::load(db).await?.0.to_calendar()) }).await
}

/// Looks up the policy for `kind` × `severity` and the clock it asks for.
pub async fn terms_for(db: &impl ConnectionTrait, kind: CaseKind, severity: Severity) -> StoreResult<Terms> {
    let durations = policies::durations_for(db, kind, severity).await?;
    let clock = if durations.business_hours {
        let calendar = crate::cache::calendar(|| async { Ok(calendar::load(db).await?.0.to_calendar()) }).await?;
        Clock::Business((*calendar).clone())
    } else {
        Clock::Continuous
    };
    Ok(Terms { durations, clock })
}
