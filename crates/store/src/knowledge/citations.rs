//! Which articles answered which cases, and which articles answer the most.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set};
use uuid::Uuid;

use super::{get, records, visible, ArticleRecord};
use crate::cases::scope;
use crate::entity::{case, knowledge_article as article, knowledge_citation as citation};
use crate::{now, Actor, StoreResult};

/// Records that `article_id` answered `case_id` (both must be visible to the actor); citing
/// the same article for the same case again changes nothing.
pub async fn cite(db: &impl ConnectionTrait, actor: &Actor, article_id: Uuid, case_id: Uuid) -> StoreResult<()> {
    get(db, actor, article_id).await?;
    crate::cases::query::get(db, actor, case_id).await?;
    let exists = citation::Entity::find_by_id((article_id, case_id))
        .one(db)
        .await?
        .is_some();
    if !exists {
        citation::Entity::insert(citation::ActiveModel {
            article_id: Set(article_id),
            case_id: Set(case_id),
            cited_by: Set(actor.user_id),
            created_at: Set(now()),
        })
        .exec_without_returning(db)
        .await?;
    }
    Ok(())
}

/// An article and how many cases of the caller's scope it answered in the period.
#[derive(Debug, Clone)]
pub struct Cited {
    pub record: ArticleRecord,
    pub cases: i64,
}

/// The articles that answered the most cases (of the actor's scope) cited in `[start, end)`.
pub async fn most_cited(
    db: &impl ConnectionTrait,
    actor: &Actor,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    limit: usize,
) -> StoreResult<Vec<Cited>> {
    let in_scope = sea_orm::sea_query::Query::select()
        .column(case::Column::Id)
        .from(case::Entity)
        .cond_where(scope::condition(actor))
        .to_owned();
    let rows: Vec<(Uuid, i64)> = citation::Entity::find()
        .select_only()
        .column(citation::Column::ArticleId)
        .column_as(citation::Column::CaseId.count(), "cases")
        .filter(citation::Column::CreatedAt.gte(start))
        .filter(citation::Column::CreatedAt.lt(end))
        .filter(citation::Column::CaseId.in_subquery(in_scope))
        .group_by(citation::Column::ArticleId)
        .into_tuple()
        .all(db)
        .await?;
    let counts: HashMap<Uuid, i64> = rows.into_iter().collect();
    let found = article::Entity::find()
        .filter(article::Column::Id.is_in(counts.keys().copied().collect::<Vec<_>>()))
        .all(db)
        .await?;
    let mut out: Vec<Cited> = records(db, found)
        .await?
        .into_iter()
        .filter(|r| visible(actor, r))
        .map(|record| Cited {
            cases: counts.get(&record.article.id).copied().unwrap_or(0),
            record,
        })
        .collect();
    out.sort_by(|a, b| {
        b.cases
            .cmp(&a.cases)
            .then(a.record.article.title.cmp(&b.record.article.title))
    });
    out.truncate(limit);
    Ok(out)
}
