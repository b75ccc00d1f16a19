//! Monthly lead and works figures: the funnel from lead to signing, lost leads by kind and
//! reason, the fairness of dispatch, stage satisfaction and inspector presence.

use std::collections::BTreeMap;

use serde::Serialize;

use super::lead::{LossKind, LossReason};
use crate::case::Satisfaction;
use crate::stats::rate;

/// What the funnel needs to know about one lead registered in the month.
#[derive(Debug, Clone, Copy, Default)]
pub struct LeadFacts {
    pub dispatched: bool,
    pub measured: bool,
    pub signed: bool,
    /// Confirmed lost.
    pub lost: Option<(LossKind, LossReason)>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Funnel {
    pub leads: i64,
    pub dispatched: i64,
    pub measured: i64,
    pub signed: i64,
    pub lost_invalid: i64,
    pub lost_failed_signing: i64,
    /// signed / leads.
    pub conversion_rate: Option<f64>,
}

pub fn funnel<'a>(leads: impl IntoIterator<Item = &'a LeadFacts>) -> Funnel {
    let mut f = Funnel::default();
    for l in leads {
        f.leads += 1;
        f.dispatched += i64::from(l.dispatched);
        f.measured += i64::from(l.measured);
        f.signed += i64::from(l.signed);
        match l.lost {
            Some((LossKind::Invalid, _)) => f.lost_invalid += 1,
            Some((LossKind::FailedSigning, _)) => f.lost_failed_signing += 1,
            None => {}
        }
    }
    f.conversion_rate = rate(f.signed, f.leads);
    f
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LossCount {
    pub kind: LossKind,
    pub reason: LossReason,
    pub count: i64,
}

/// Confirmed losses by kind and reason, most frequent first.
pub fn losses<'a>(leads: impl IntoIterator<Item = &'a LeadFacts>) -> Vec<LossCount> {
    let mut counts: BTreeMap<(LossKind, LossReason), i64> = BTreeMap::new();
    for (kind, reason) in leads.into_iter().filter_map(|l| l.lost) {
        *counts.entry((kind, reason)).or_default() += 1;
    }
    let mut list: Vec<LossCount> = counts
        .into_iter()
        .map(|((kind, reason), count)| LossCount { kind, reason, count })
        .collect();
    list.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(a.kind.cmp(&b.kind))
            .then(a.reason.cmp(&b.reason))
    });
    list
}

/// How evenly the month's dispatches were spread over the graded designers.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Fairness {
    pub designers: i64,
    pub dispatches: i64,
    /// Dispatches per designer.
    pub mean: Option<f64>,
    pub min: i64,
    pub max: i64,
    /// max − min: 0 is perfectly even.
    pub spread: i64,
    /// Standard deviation of dispatches per designer.
    pub std_dev: Option<f64>,
}

pub fn fairness(per_designer: &[i64]) -> Fairness {
    let n = per_designer.len() as i64;
    if n == 0 {
        return Fairness::default();
    }
    let total: i64 = per_designer.iter().sum();
    let mean = total as f64 / n as f64;
    let variance = per_designer.iter().map(|c| (*c as f64 - mean).powi(2)).sum::<f64>() / n as f64;
    let min = per_designer.iter().copied().min().unwrap_or(0);
    let max = per_designer.iter().copied().max().unwrap_or(0);
    Fairness {
        designers: n,
        dispatches: total,
        mean: Some(mean),
        min,
        max,
        spread: max - min,
        std_dev: Some(variance.sqrt()),
    }
}

/// One visit done in the month.
#[derive(Debug, Clone, Copy)]
pub struct VisitFacts<'a> {
    pub stage: &'a str,
    pub satisfaction: Option<Satisfaction>,
    pub inspector_present: Option<bool>,
    pub designer_satisfaction: Option<Satisfaction>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Satisfactions {
    pub visits: i64,
    pub very_dissatisfied: i64,
    pub dissatisfied: i64,
    pub satisfied: i64,
    pub very_satisfied: i64,
    /// (satisfied + very satisfied) / rated visits.
    pub satisfaction_rate: Option<f64>,
}

impl Satisfactions {
    fn add(&mut self, s: Option<Satisfaction>) {
        self.visits += 1;
        match s {
            Some(Satisfaction::VeryDissatisfied) => self.very_dissatisfied += 1,
            Some(Satisfaction::Dissatisfied) => self.dissatisfied += 1,
            Some(Satisfaction::Satisfied) => self.satisfied += 1,
            Some(Satisfaction::VerySatisfied) => self.very_satisfied += 1,
            None => {}
        }
        let rated = self.very_dissatisfied + self.dissatisfied + self.satisfied + self.very_satisfied;
        self.satisfaction_rate = rate(self.satisfied + self.very_satisfied, rated);
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WorksFigures {
    /// Per stage name (and `aftercare`).
    pub stages: BTreeMap<String, Satisfactions>,
    pub visits: i64,
    /// Visits where the inspector was there / visits that recorded it.
    pub inspector_presence_rate: Option<f64>,
    /// Satisfaction with the designer, asked at completion.
    pub designer: Satisfactions,
}

pub fn works_figures<'a>(visits: impl IntoIterator<Item = &'a VisitFacts<'a>>) -> WorksFigures {
    let mut figures = WorksFigures::default();
    let (mut present, mut recorded) = (0, 0);
    for v in visits {
        figures.visits += 1;
        figures
            .stages
            .entry(v.stage.to_owned())
            .or_default()
            .add(v.satisfaction);
        if let Some(p) = v.inspector_present {
            recorded += 1;
            present += i64::from(p);
        }
        if v.designer_satisfaction.is_some() {
            figures.designer.add(v.designer_satisfaction);
        }
    }
    figures.inspector_presence_rate = rate(present, recorded);
    figures
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_funnel_counts_and_converts() {
        let leads = [
            LeadFacts {
                dispatched: true,
                measured: true,
                signed: true,
                lost: None,
            },
            LeadFacts {
                dispatched: true,
                measured: true,
                signed: false,
                lost: Some((LossKind::FailedSigning, LossReason::Price)),
            },
            LeadFacts {
                dispatched: false,
                measured: false,
                signed: false,
                lost: Some((LossKind::Invalid, LossReason::FalseData)),
            },
            LeadFacts {
                dispatched: true,
                measured: false,
                signed: false,
                lost: Some((LossKind::FailedSigning, LossReason::Price)),
            },
        ];
        let f = funnel(&leads);
        assert_eq!((f.leads, f.dispatched, f.measured, f.signed), (4, 3, 2, 1));
        assert_eq!((f.lost_invalid, f.lost_failed_signing), (1, 2));
        assert_eq!(f.conversion_rate, Some(0.25));
        let l = losses(&leads);
        assert_eq!(
            l[0],
            LossCount {
                kind: LossKind::FailedSigning,
                reason: LossReason::Price,
                count: 2
            }
        );
        assert_eq!(l.len(), 2);
        assert_eq!(funnel(&[]).conversion_rate, None);
    }

    #[test]
    fn fairness_measures_the_spread() {
        let f = fairness(&[2, 2, 2]);
        assert_eq!((f.spread, f.mean, f.std_dev), (0, Some(2.0), Some(0.0)));
        let f = fairness(&[0, 4]);
        assert_eq!((f.designers, f.dispatches, f.min, f.max, f.spread), (2, 4, 0, 4, 4));
        assert_eq!(f.std_dev, Some(2.0));
        assert_eq!(fairness(&[]), Fairness::default());
    }

    #[test]
    fn works_figures_by_stage_with_inspector_presence() {
        let visits = [
            VisitFacts {
                stage: "material_arrival",
                satisfaction: Some(Satisfaction::Satisfied),
                inspector_present: Some(true),
                designer_satisfaction: None,
            },
            VisitFacts {
                stage: "material_arrival",
                satisfaction: Some(Satisfaction::Dissatisfied),
                inspector_present: Some(false),
                designer_satisfaction: None,
            },
            VisitFacts {
                stage: "completion",
                satisfaction: Some(Satisfaction::VerySatisfied),
                inspector_present: Some(true),
                designer_satisfaction: Some(Satisfaction::Satisfied),
            },
        ];
        let f = works_figures(&visits);
        assert_eq!(f.visits, 3);
        assert_eq!(f.stages["material_arrival"].satisfaction_rate, Some(0.5));
        assert_eq!(f.stages["completion"].very_satisfied, 1);
        assert_eq!(f.inspector_presence_rate, Some(2.0 / 3.0));
        assert_eq!(f.designer.visits, 1);
        assert_eq!(f.designer.satisfaction_rate, Some(1.0));
    }
}
