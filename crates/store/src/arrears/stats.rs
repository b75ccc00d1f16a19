//! Monthly arrears figures per area (欠费统计及原因分析): households and amount owed at the end
//! of the month, by stage, contacts made and their reasons, arrears settled during the month,
//! and the collection rate when the imports carried receivable and received.

use std::collections::BTreeMap;

use huiyin_domain::arrears::{collection_rate, ContactReason, Stage};
use huiyin_domain::stats::Period;
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::entity::{area, arrears, arrears_collection, arrears_contact};
use crate::wire::Wire;
use crate::StoreResult;

/// One area's figures (`area_id` `None`: properties outside any area; the total has neither).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AreaFigures {
    pub project_id: Option<Uuid>,
    pub area_id: Option<Uuid>,
    pub area_name: Option<String>,
    /// Distinct properties with an arrears open at the end of the month.
    pub households: u64,
    pub amount_fen: i64,
    pub by_stage: BTreeMap<Stage, u64>,
    pub by_reason: BTreeMap<ContactReason, u64>,
    pub contacts: u64,
    pub settled: u64,
    pub receivable_fen: i64,
    pub received_fen: i64,
    pub collection_rate: Option<f64>,
}

type Group = (Uuid, Option<Uuid>);

fn blank() -> AreaFigures {
    AreaFigures {
        by_stage: Stage::ALL.iter().map(|s| (*s, 0)).collect(),
        by_reason: ContactReason::ALL.iter().map(|r| (*r, 0)).collect(),
        ..Default::default()
    }
}

/// The month's figures per area of `projects` (`None`: every project), and their total.
pub async fn monthly(
    db: &impl ConnectionTrait,
    projects: Option<Vec<Uuid>>,
    period: &Period,
) -> StoreResult<(Vec<AreaFigures>, AreaFigures)> {
    let rows = arrears::Entity::find()
        .filter(in_projects(&projects, arrears::Column::ProjectId))
        .filter(arrears::Column::CreatedAt.lt(period.end))
        .filter(
            Condition::any()
                .add(arrears::Column::SettledAt.is_null())
                .add(arrears::Column::SettledAt.gte(period.start)),
        )
        .all(db)
        .await?;
    let mut groups: BTreeMap<Group, AreaFigures> = BTreeMap::new();
    let mut households: BTreeMap<Group, std::collections::BTreeSet<Uuid>> = BTreeMap::new();
    let area_of: BTreeMap<Uuid, Group> = rows.iter().map(|r| (r.id, (r.project_id, r.area_id))).collect();
    for row in &rows {
        let group = (row.project_id, row.area_id);
        let figures = groups.entry(group).or_insert_with(blank);
        let open_at_end = row.settled_at.is_none_or(|s| s >= period.end);
        if open_at_end {
            households.entry(group).or_default().insert(row.property_id);
            figures.amount_fen += row.amount_fen;
            *figures.by_stage.entry(row.stage.0).or_default() += 1;
        }
        if row.settled_at.is_some_and(|s| s >= period.start && s < period.end) {
            figures.settled += 1;
        }
    }
    count_contacts(db, &projects, period, &area_of, &mut groups).await?;
    add_collections(db, &projects, period, &mut groups).await?;
    let names: BTreeMap<Uuid, String> = area::Entity::find()
        .filter(area::Column::Id.is_in(groups.keys().filter_map(|g| g.1).collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a.name))
        .collect();
    let mut total = blank();
    let mut areas = Vec::with_capacity(groups.len());
    for ((project_id, area_id), mut figures) in groups {
        figures.project_id = Some(project_id);
        figures.area_id = area_id;
        figures.area_name = area_id.and_then(|a| names.get(&a).cloned());
        figures.households = households.get(&(project_id, area_id)).map_or(0, |h| h.len() as u64);
        figures.collection_rate = collection_rate(figures.receivable_fen, figures.received_fen);
        total.households += figures.households;
        total.amount_fen += figures.amount_fen;
        total.contacts += figures.contacts;
        total.settled += figures.settled;
        total.receivable_fen += figures.receivable_fen;
        total.received_fen += figures.received_fen;
        for (stage, n) in &figures.by_stage {
            *total.by_stage.entry(*stage).or_default() += n;
        }
        for (reason, n) in &figures.by_reason {
            *total.by_reason.entry(*reason).or_default() += n;
        }
        areas.push(figures);
    }
    total.collection_rate = collection_rate(total.receivable_fen, total.received_fen);
    Ok((areas, total))
}

/// `column IN projects`, or everything.
fn in_projects<C: ColumnTrait>(projects: &Option<Vec<Uuid>>, column: C) -> Condition {
    match projects {
        Some(ids) => Condition::all().add(column.is_in(ids.clone())),
        None => Condition::all(),
    }
}

/// The month's contacts per area and reason.
async fn count_contacts(
    db: &impl ConnectionTrait,
    projects: &Option<Vec<Uuid>>,
    period: &Period,
    area_of: &BTreeMap<Uuid, Group>,
    groups: &mut BTreeMap<Group, AreaFigures>,
) -> StoreResult<()> {
    let contacts = arrears_contact::Entity::find()
        .filter(arrears_contact::Column::CreatedAt.gte(period.start))
        .filter(arrears_contact::Column::CreatedAt.lt(period.end))
        .filter(
            arrears_contact::Column::ArrearsId.in_subquery(
                Query::select()
                    .column(arrears::Column::Id)
                    .from(arrears::Entity)
                    .cond_where(in_projects(projects, arrears::Column::ProjectId))
                    .to_owned(),
            ),
        )
        .all(db)
        .await?;
    for contact in contacts {
        let Some(group) = area_of.get(&contact.arrears_id) else {
            continue;
        };
        let figures = groups.entry(*group).or_insert_with(blank);
        figures.contacts += 1;
        if let Some(Wire(reason)) = contact.reason {
            *figures.by_reason.entry(reason).or_default() += 1;
        }
    }
    Ok(())
}

/// The month's receivable and received per area.
async fn add_collections(
    db: &impl ConnectionTrait,
    projects: &Option<Vec<Uuid>>,
    period: &Period,
    groups: &mut BTreeMap<Group, AreaFigures>,
) -> StoreResult<()> {
    let month = period.from.format("%Y-%m").to_string();
    let collected = arrears_collection::Entity::find()
        .filter(match projects {
            Some(ids) => Condition::all().add(arrears_collection::Column::ProjectId.is_in(ids.clone())),
            None => Condition::all(),
        })
        .filter(arrears_collection::Column::Month.eq(month))
        .all(db)
        .await?;
    for c in collected {
        let figures = groups.entry((c.project_id, c.area_id)).or_insert_with(blank);
        figures.receivable_fen += c.receivable_fen;
        figures.received_fen += c.received_fen;
    }
    Ok(())
}
