//! The month's lead and works figures in the caller's scope (Beijing month).

use chrono::{DateTime, Utc};
use huiyin_domain::decoration::lead::{LeadSource, LeadStatus, OrderSize};
use huiyin_domain::decoration::stats::{
    fairness, funnel, losses, works_figures, Fairness, Funnel, LeadFacts, LossCount, VisitFacts, WorksFigures,
};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::{designers, scope};
use crate::entity::{lead, lead_dispatch, works_visit};
use crate::{Actor, StoreResult};

#[derive(Debug, Clone)]
pub struct LeadStats {
    pub total: Funnel,
    pub by_source: Vec<(LeadSource, Funnel)>,
    pub by_size: Vec<(OrderSize, Funnel)>,
    /// (designer, name, funnel of the leads they hold)
    pub by_designer: Vec<(Uuid, String, Funnel)>,
    pub losses: Vec<LossCount>,
    pub fairness: Fairness,
}

fn facts(l: &lead::Model) -> LeadFacts {
    LeadFacts {
        dispatched: l.dispatched_at.is_some(),
        measured: l.measured_at.is_some(),
        signed: l.signed_at.is_some(),
        lost: match (l.status.0, l.loss_kind, l.loss_reason) {
            (LeadStatus::Lost, Some(kind), Some(reason)) => Some((kind.0, reason.0)),
            _ => None,
        },
    }
}

/// Leads registered in `[start, end)` that the actor sees (narrowed to `project_id` if given).
pub async fn leads(
    db: &impl ConnectionTrait,
    actor: &Actor,
    project_id: Option<Uuid>,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> StoreResult<LeadStats> {
    let rows = lead::Entity::find()
        .filter(scope(actor))
        .filter(match project_id {
            Some(project) => Condition::all().add(lead::Column::ProjectId.eq(project)),
            None => Condition::all(),
        })
        .filter(lead::Column::CreatedAt.gte(start))
        .filter(lead::Column::CreatedAt.lt(end))
        .all(db)
        .await?;
    let all: Vec<(&lead::Model, LeadFacts)> = rows.iter().map(|l| (l, facts(l))).collect();
    let group = |keep: &dyn Fn(&lead::Model) -> bool| funnel(all.iter().filter(|(l, _)| keep(l)).map(|(_, f)| f));
    let by_source = LeadSource::ALL
        .iter()
        .map(|s| (*s, group(&|l| l.source.0 == *s)))
        .filter(|(_, f)| f.leads > 0)
        .collect();
    let by_size = OrderSize::ALL
        .iter()
        .map(|s| (*s, group(&|l| l.size.0 == *s)))
        .collect();
    let graded = designers::list(db, actor).await?;
    let mut by_designer = Vec::new();
    for (designer, _) in graded.iter().filter(|(_, p)| p.is_some()) {
        let f = group(&|l| l.designer_id == Some(designer.id));
        by_designer.push((designer.id, designer.display_name.clone(), f));
    }
    let ids: Vec<Uuid> = graded.iter().filter(|(_, p)| p.is_some()).map(|(u, _)| u.id).collect();
    let dispatched = lead_dispatch::Entity::find()
        .filter(lead_dispatch::Column::DesignerId.is_in(ids.clone()))
        .filter(lead_dispatch::Column::DispatchedAt.gte(start))
        .filter(lead_dispatch::Column::DispatchedAt.lt(end))
        .all(db)
        .await?;
    let per_designer: Vec<i64> = ids
        .iter()
        .map(|id| dispatched.iter().filter(|d| d.designer_id == *id).count() as i64)
        .collect();
    Ok(LeadStats {
        total: funnel(all.iter().map(|(_, f)| f)),
        by_source,
        by_size,
        by_designer,
        losses: losses(all.iter().map(|(_, f)| f)),
        fairness: fairness(&per_designer),
    })
}

/// Works visits done in `[start, end)` on works the actor sees (narrowed to `project_id`).
pub async fn works(
    db: &impl ConnectionTrait,
    actor: &Actor,
    project_id: Option<Uuid>,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> StoreResult<WorksFigures> {
    let visible: Vec<Uuid> = crate::entity::works::Entity::find()
        .filter(crate::works::scope(actor))
        .filter(match project_id {
            Some(project) => Condition::all().add(crate::entity::works::Column::ProjectId.eq(project)),
            None => Condition::all(),
        })
        .all(db)
        .await?
        .into_iter()
        .map(|w| w.id)
        .collect();
    let rows = works_visit::Entity::find()
        .filter(works_visit::Column::WorksId.is_in(visible))
        .filter(works_visit::Column::DoneAt.gte(start))
        .filter(works_visit::Column::DoneAt.lt(end))
        .all(db)
        .await?;
    let facts: Vec<VisitFacts> = rows
        .iter()
        .map(|v| VisitFacts {
            stage: &v.stage,
            satisfaction: v.satisfaction.map(|s| s.0),
            inspector_present: v.inspector_present,
            designer_satisfaction: v.designer_satisfaction.map(|s| s.0),
        })
        .collect();
    Ok(works_figures(&facts))
}
