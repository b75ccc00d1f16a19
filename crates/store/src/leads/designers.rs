//! Designers' grades and groups, their current loads, and the fair list of who may take a lead.

use chrono::{DateTime, Utc};
use huiyin_domain::decoration::dispatch::{
    breaches, fair_order, load_at, Candidate, DesignerLevel, DispatchRule, Load, Past,
};
use huiyin_domain::decoration::lead::{LeadStatus, OrderSize};
use huiyin_domain::decoration::week::week_start;
use huiyin_domain::role::Role;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, JoinType, QueryFilter, QuerySelect, Set};
use uuid::Uuid;

use super::settings;
use crate::entity::{designer, lead, lead_dispatch, user, user_project};
use crate::validate::required;
use crate::wire::Wire;
use crate::{now, Actor, StoreError, StoreResult};

/// A designer with their profile.
#[derive(Debug, Clone)]
pub struct DesignerRecord {
    pub user: user::Model,
    pub profile: designer::Model,
}

/// What the customer manager sets for a designer.
#[derive(Debug, Clone)]
pub struct DesignerProfile {
    pub level: DesignerLevel,
    pub group: String,
    pub top_signer: bool,
}

async fn designer_user(db: &impl ConnectionTrait, actor: &Actor, user_id: Uuid) -> StoreResult<user::Model> {
    let found = user::Entity::find_by_id(user_id).one(db).await?;
    let Some(found) = found.filter(|u| u.role.0 == Role::Designer) else {
        return Err(StoreError::NotFound);
    };
    let projects = crate::actor::project_ids_of(db, user_id).await?;
    if !actor.role.sees_all_projects() && !projects.iter().any(|p| actor.sees_project(*p)) {
        return Err(StoreError::NotFound);
    }
    Ok(found)
}

/// Sets a designer's grade, group and top-signer mark (creating the profile on first use).
/// `expected_version` is 0 for a designer without a profile yet.
pub async fn put_profile(
    db: &impl ConnectionTrait,
    actor: &Actor,
    user_id: Uuid,
    expected_version: i32,
    input: DesignerProfile,
) -> StoreResult<DesignerRecord> {
    let user = designer_user(db, actor, user_id).await?;
    let group = required("group", &input.group, 50)?;
    let at = now();
    let profile = match designer::Entity::find_by_id(user_id).one(db).await? {
        None if expected_version == 0 => {
            designer::ActiveModel {
                user_id: Set(user_id),
                level: Set(Wire(input.level)),
                group_name: Set(group),
                top_signer: Set(input.top_signer),
                last_dispatched_at: Set(None),
                created_at: Set(at),
                updated_at: Set(at),
                version: Set(1),
            }
            .insert(db)
            .await?
        }
        None => return Err(StoreError::Stale { current: 0 }),
        Some(current) if current.version != expected_version => {
            return Err(StoreError::Stale {
                current: current.version,
            })
        }
        Some(current) => {
            let version = current.version + 1;
            let mut model: designer::ActiveModel = current.into();
            model.level = Set(Wire(input.level));
            model.group_name = Set(group);
            model.top_signer = Set(input.top_signer);
            model.updated_at = Set(at);
            model.version = Set(version);
            model.update(db).await?
        }
    };
    Ok(DesignerRecord { user, profile })
}

/// Active designers with a profile who belong to `project_id`.
pub async fn of_project(db: &impl ConnectionTrait, project_id: Uuid) -> StoreResult<Vec<DesignerRecord>> {
    let members: Vec<Uuid> = user_project::Entity::find()
        .select_only()
        .column(user_project::Column::UserId)
        .filter(user_project::Column::ProjectId.eq(project_id))
        .into_tuple()
        .all(db)
        .await?;
    let users = user::Entity::find()
        .filter(user::Column::Id.is_in(members))
        .filter(user::Column::Role.eq(Role::Designer.as_str()))
        .filter(user::Column::Active.eq(true))
        .all(db)
        .await?;
    let profiles = designer::Entity::find()
        .filter(designer::Column::UserId.is_in(users.iter().map(|u| u.id).collect::<Vec<_>>()))
        .all(db)
        .await?;
    Ok(users
        .into_iter()
        .filter_map(|user| {
            let profile = profiles.iter().find(|p| p.user_id == user.id)?.clone();
            Some(DesignerRecord { user, profile })
        })
        .collect())
}

/// Every designer in the actor's projects (all for admins), with their profile when they have one.
pub async fn list(
    db: &impl ConnectionTrait,
    actor: &Actor,
) -> StoreResult<Vec<(user::Model, Option<designer::Model>)>> {
    let mut query = user::Entity::find().filter(user::Column::Role.eq(Role::Designer.as_str()));
    if let Some(projects) = actor.project_filter() {
        let members: Vec<Uuid> = user_project::Entity::find()
            .select_only()
            .column(user_project::Column::UserId)
            .filter(user_project::Column::ProjectId.is_in(projects.to_vec()))
            .into_tuple()
            .all(db)
            .await?;
        query = query.filter(user::Column::Id.is_in(members));
    }
    let users = query.all(db).await?;
    let profiles = designer::Entity::find()
        .filter(designer::Column::UserId.is_in(users.iter().map(|u| u.id).collect::<Vec<_>>()))
        .all(db)
        .await?;
    let mut rows: Vec<_> = users
        .into_iter()
        .map(|u| {
            let profile = profiles.iter().find(|p| p.user_id == u.id).cloned();
            (u, profile)
        })
        .collect();
    rows.sort_by(|a, b| a.0.display_name.cmp(&b.0.display_name).then(a.0.id.cmp(&b.0.id)));
    Ok(rows)
}

/// (designer dispatched to, when, who holds the lead now, its status)
type DispatchRow = (Uuid, DateTime<Utc>, Option<Uuid>, Wire<LeadStatus>);

/// Each designer's load at `at`, from this week's dispatches (one query for all of them).
pub async fn loads(
    db: &impl ConnectionTrait,
    designer_ids: &[Uuid],
    at: DateTime<Utc>,
) -> StoreResult<Vec<(Uuid, Load)>> {
    let rows: Vec<DispatchRow> = lead_dispatch::Entity::find()
        .select_only()
        .column(lead_dispatch::Column::DesignerId)
        .column(lead_dispatch::Column::DispatchedAt)
        .column(lead::Column::DesignerId)
        .column(lead::Column::Status)
        .join(JoinType::InnerJoin, lead_dispatch_lead())
        .filter(lead_dispatch::Column::DesignerId.is_in(designer_ids.to_vec()))
        .filter(lead_dispatch::Column::DispatchedAt.gte(week_start(at)))
        .into_tuple()
        .all(db)
        .await?;
    Ok(designer_ids
        .iter()
        .map(|id| {
            let past: Vec<Past> = rows
                .iter()
                .filter(|(designer, ..)| designer == id)
                .map(|(_, when, holder, status)| Past {
                    at: *when,
                    in_hand: *holder == Some(*id) && status.0.is_in_hand(),
                })
                .collect();
            (*id, load_at(&past, at))
        })
        .collect())
}

fn lead_dispatch_lead() -> sea_orm::RelationDef {
    lead_dispatch::Entity::belongs_to(lead::Entity)
        .from(lead_dispatch::Column::LeadId)
        .to(lead::Column::Id)
        .into()
}

/// One row of the dispatch dialog.
#[derive(Debug, Clone)]
pub struct EligibleDesigner {
    pub record: DesignerRecord,
    pub load: Load,
    pub broken: Vec<DispatchRule>,
}

/// The project's designers for a lead of `size`, ordered fairly: eligible first, then fewest
/// this week, then longest since their last dispatch. `all_levels` adds those of other grades.
pub async fn eligible(
    db: &impl ConnectionTrait,
    project_id: Uuid,
    size: OrderSize,
    all_levels: bool,
) -> StoreResult<Vec<EligibleDesigner>> {
    let (config, _) = settings::get(db).await?;
    let designers = of_project(db, project_id).await?;
    let ids: Vec<Uuid> = designers.iter().map(|d| d.user.id).collect();
    let at = now();
    let loads = loads(db, &ids, at).await?;
    let mut list: Vec<EligibleDesigner> = designers
        .into_iter()
        .zip(loads)
        .map(|(record, (_, load))| {
            let candidate = Candidate {
                level: record.profile.level.0,
                load,
                top_signer: record.profile.top_signer,
            };
            let broken = breaches(size, &candidate, &config.caps, config.season);
            EligibleDesigner { record, load, broken }
        })
        .filter(|d| all_levels || d.record.profile.level.0.takes(size))
        .collect();
    list.sort_by_key(|d| {
        fair_order(
            d.broken.is_empty(),
            &d.load,
            d.record.profile.last_dispatched_at,
            d.record.user.id,
        )
    });
    Ok(list)
}
