//! Inquiries answered from the knowledge base: the article an agent names when closing an
//! inquiry on the spot (checked here, cited in the same transaction), and the articles ranked by
//! the inquiries they closed in a period (`/stats/knowledge`, the monthly report's `top_articles`).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use huiyin_domain::knowledge::{may_see, ArticleStatus};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use super::get_unchecked;
use crate::entity::{knowledge_article as article, knowledge_citation as citation};
use crate::stats::sql::Sql;
use crate::stats::StatsFilter;
use crate::{StoreError, StoreResult};

/// `article_id` if it is a published article for `project_id` (an article for every project, or
/// one listing it); a 422 naming `article_id` otherwise — drafts included, whoever asks.
pub async fn check(db: &impl ConnectionTrait, project_id: Uuid, article_id: Uuid) -> StoreResult<Uuid> {
    let refused = || StoreError::invalid("article_id", "no such published article for this case's project");
    let record = match get_unchecked(db, article_id).await {
        Ok(record) => record,
        Err(StoreError::NotFound) => return Err(refused()),
        Err(e) => return Err(e),
    };
    let published = record.status == ArticleStatus::Published;
    if published && may_see(record.status, &record.project_ids, false, false, &[project_id]) {
        Ok(article_id)
    } else {
        Err(refused())
    }
}

/// Cites `article_id` for `case_id` (the on-the-spot answer), unless it is cited already.
pub async fn cite_answer(
    db: &impl ConnectionTrait,
    article_id: Uuid,
    case_id: Uuid,
    by: Uuid,
    at: DateTime<Utc>,
) -> StoreResult<()> {
    if citation::Entity::find_by_id((article_id, case_id))
        .one(db)
        .await?
        .is_some()
    {
        return Ok(());
    }
    citation::Entity::insert(citation::ActiveModel {
        article_id: Set(article_id),
        case_id: Set(case_id),
        cited_by: Set(by),
        created_at: Set(at),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// An article and the inquiries it closed on the spot.
#[derive(Debug, Clone, PartialEq)]
pub struct Answering {
    pub article_id: Uuid,
    /// `None` when the article has since been deleted.
    pub title: Option<String>,
    pub inquiries: i64,
}

/// Articles by the inquiries they closed on the spot in the filter's period (closing time), in
/// the filter's projects, area and kind; most first, then by title; at most `limit`.
pub async fn ranked(db: &impl ConnectionTrait, filter: &StatsFilter, limit: usize) -> StoreResult<Vec<Answering>> {
    let mut sql = Sql::new(db.get_database_backend());
    sql.push("SELECT c.answer_article_id AS article_id, COUNT(*) AS inquiries FROM cases c WHERE c.closed_on_spot")
        .push(" AND c.answer_article_id IS NOT NULL AND c.closed_at >= ")
        .bind_time(filter.period.start)
        .push(" AND c.closed_at < ")
        .bind_time(filter.period.end);
    filter.push_conditions(&mut sql);
    sql.push(" GROUP BY c.answer_article_id");
    let mut counts: Vec<(Uuid, i64)> = Vec::new();
    for row in db.query_all(sql.statement()).await? {
        counts.push((row.try_get("", "article_id")?, row.try_get("", "inquiries")?));
    }
    let titles: HashMap<Uuid, String> = article::Entity::find()
        .filter(article::Column::Id.is_in(counts.iter().map(|(id, _)| *id).collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a.title))
        .collect();
    let mut out: Vec<Answering> = counts
        .into_iter()
        .map(|(article_id, inquiries)| Answering {
            article_id,
            title: titles.get(&article_id).cloned(),
            inquiries,
        })
        .collect();
    out.sort_by(|a, b| {
        b.inquiries
            .cmp(&a.inquiries)
            .then_with(|| a.title.cmp(&b.title))
            .then_with(|| a.article_id.cmp(&b.article_id))
    });
    out.truncate(limit);
    Ok(out)
}
