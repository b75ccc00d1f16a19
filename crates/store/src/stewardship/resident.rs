//! What residents see of stewardship: the published notices meant for them, and for each of
//! their properties the area and the steward's name and work phone (nothing else about them).

use std::collections::HashMap;

use huiyin_domain::steward::{notice_reaches, NoticeStatus};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::notices::{from_row, Notice};
use crate::entity::{area, notice, user};
use crate::page::{self, Page};
use crate::residents::properties;
use crate::{Actor, StoreResult};

/// Published notices of the resident's projects that reach one of their buildings, newest
/// published first. A household sees a few dozen at most, so they are filtered here.
pub async fn notices(
    db: &impl ConnectionTrait,
    actor: &Actor,
    limit: Option<u64>,
    cursor: Option<&str>,
) -> StoreResult<Page<Notice>> {
    let limit = page::limit(limit)? as usize;
    let after = cursor.map(page::decode_uuid).transpose()?;
    let homes = properties::list(db, actor).await?;
    let mut buildings: HashMap<Uuid, Vec<String>> = HashMap::new();
    for home in &homes {
        buildings
            .entry(home.property.project_id)
            .or_default()
            .push(home.property.building.clone());
    }
    let rows = notice::Entity::find()
        .filter(notice::Column::ProjectId.is_in(buildings.keys().copied().collect::<Vec<_>>()))
        .filter(notice::Column::Status.eq(NoticeStatus::Published.as_str()))
        .order_by_desc(notice::Column::PublishedAt)
        .order_by_desc(notice::Column::Id)
        .all(db)
        .await?;
    let mut reaching = Vec::new();
    for row in rows {
        let found = from_row(row)?;
        let mine = buildings
            .get(&found.row.project_id)
            .map(Vec::as_slice)
            .unwrap_or_default();
        if notice_reaches(&found.buildings, mine) {
            reaching.push(found);
        }
    }
    let start = match after {
        Some(id) => reaching
            .iter()
            .position(|n| n.row.id == id)
            .map_or(reaching.len(), |i| i + 1),
        None => 0,
    };
    let rest: Vec<Notice> = reaching.into_iter().skip(start).take(limit + 1).collect();
    Ok(page::finish(rest, limit as u64, |n| n.row.id.to_string()))
}

/// A property's area and steward as a resident sees them.
#[derive(Debug, Clone)]
pub struct StewardContact {
    pub property_id: Uuid,
    pub area: Option<area::Model>,
    /// Name and work phone.
    pub steward: Option<(String, Option<String>)>,
}

pub async fn stewards(db: &impl ConnectionTrait, actor: &Actor) -> StoreResult<Vec<StewardContact>> {
    let homes = properties::list(db, actor).await?;
    let mut out = Vec::with_capacity(homes.len());
    for home in homes {
        let area = match home.property.area_id {
            Some(id) => area::Entity::find_by_id(id).one(db).await?,
            None => None,
        };
        let steward = match area.as_ref().and_then(|a| a.steward_id) {
            Some(id) => user::Entity::find_by_id(id)
                .one(db)
                .await?
                .filter(|u| u.active)
                .map(|u| (u.display_name, u.phone)),
            None => None,
        };
        out.push(StewardContact {
            property_id: home.property.id,
            area,
            steward,
        });
    }
    Ok(out)
}
