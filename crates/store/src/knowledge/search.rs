//! Ranked search over the knowledge base, and article suggestions during intake.

use std::collections::{BTreeMap, HashMap};

use huiyin_domain::knowledge::{query_terms, score, ArticleStatus, Field};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::{records, visible, ArticleRecord};
use crate::entity::{knowledge_article as article, knowledge_article_category as art_cat, knowledge_term as term};
use crate::page::{self, Page};
use crate::{Actor, StoreError, StoreResult};

/// A query's terms beyond this many are ignored (a pasted paragraph is not a query).
const MAX_TERMS: usize = 24;
/// Matches ranked per query; a knowledge base answers with its best, not with everything.
const MAX_HITS: usize = 500;

#[derive(Debug, Clone, Default)]
pub struct SearchArticles {
    pub q: String,
    pub category_id: Option<Uuid>,
    pub status: Option<ArticleStatus>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// An article found by a search, with its score (higher is better).
#[derive(Debug, Clone)]
pub struct Hit {
    pub record: ArticleRecord,
    pub score: i64,
}

/// Per article: which query terms it holds, and the weighted hits.
async fn scores(db: &impl ConnectionTrait, wanted: &[String]) -> StoreResult<HashMap<Uuid, (usize, i64)>> {
    let rows = term::Entity::find()
        .filter(term::Column::Term.is_in(wanted.to_vec()))
        .all(db)
        .await?;
    let mut per_article: HashMap<Uuid, BTreeMap<String, Vec<(Field, i64)>>> = HashMap::new();
    for row in rows {
        let field = row.field.0;
        per_article
            .entry(row.article_id)
            .or_default()
            .entry(row.term)
            .or_default()
            .push((field, i64::from(row.hits)));
    }
    Ok(per_article
        .into_iter()
        .map(|(id, terms)| {
            let hits: Vec<(Field, i64)> = terms.values().flatten().copied().collect();
            (id, (terms.len(), score(&hits)))
        })
        .collect())
}

async fn in_category(db: &impl ConnectionTrait, category: Uuid) -> StoreResult<Vec<Uuid>> {
    Ok(art_cat::Entity::find()
        .filter(art_cat::Column::CategoryId.eq(category))
        .all(db)
        .await?
        .into_iter()
        .map(|l| l.article_id)
        .collect())
}

/// Loads the scored articles the actor may see, best first (then newest).
async fn ranked(
    db: &impl ConnectionTrait,
    actor: &Actor,
    mut scored: Vec<(Uuid, i64)>,
    status: Option<ArticleStatus>,
) -> StoreResult<Vec<Hit>> {
    scored.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
    scored.truncate(MAX_HITS);
    let score_of: HashMap<Uuid, i64> = scored.iter().copied().collect();
    let rows = article::Entity::find()
        .filter(article::Column::Id.is_in(scored.iter().map(|s| s.0).collect::<Vec<_>>()))
        .all(db)
        .await?;
    let mut hits: Vec<Hit> = records(db, rows)
        .await?
        .into_iter()
        .filter(|r| visible(actor, r) && status.is_none_or(|s| r.status == s))
        .map(|record| Hit {
            score: score_of.get(&record.article.id).copied().unwrap_or(0),
            record,
        })
        .collect();
    hits.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then(b.record.article.id.cmp(&a.record.article.id))
    });
    Ok(hits)
}

fn cursor_key(hit: &Hit) -> String {
    format!("{}|{}", hit.score, hit.record.article.id)
}

fn after_cursor(cursor: &str) -> StoreResult<(i64, Uuid)> {
    let raw = page::decode(cursor)?;
    let bad = || StoreError::invalid("cursor", "is not a cursor this server issued");
    let (score, id) = raw.split_once('|').ok_or_else(bad)?;
    Ok((score.parse().map_err(|_| bad())?, id.parse().map_err(|_| bad())?))
}

/// Articles holding every term of `q` (Chinese included: `漏水` finds `卫生间天花板漏水怎么办`),
/// title matches first. Pages are keyed by (score, id), so they neither skip nor repeat.
pub async fn search(db: &impl ConnectionTrait, actor: &Actor, query: SearchArticles) -> StoreResult<Page<Hit>> {
    let limit = page::limit(query.limit)?;
    let mut wanted = query_terms(&query.q);
    if wanted.is_empty() {
        return Err(StoreError::invalid(
            "q",
            "must contain a letter, digit or character to search for",
        ));
    }
    wanted.truncate(MAX_TERMS);
    let mut scored: Vec<(Uuid, i64)> = scores(db, &wanted)
        .await?
        .into_iter()
        .filter(|(_, (matched, _))| *matched == wanted.len())
        .map(|(id, (_, s))| (id, s))
        .collect();
    if let Some(category) = query.category_id {
        let ids = in_category(db, category).await?;
        scored.retain(|(id, _)| ids.contains(id));
    }
    let mut hits = ranked(db, actor, scored, query.status).await?;
    if let Some(cursor) = &query.cursor {
        let (score, id) = after_cursor(cursor)?;
        hits.retain(|h| h.score < score || (h.score == score && h.record.article.id < id));
    }
    hits.truncate(limit as usize + 1);
    Ok(page::finish(hits, limit, cursor_key))
}

/// Up to `limit` published articles for a case being registered: those sharing the most terms
/// with its title, those of its category ranked up.
pub async fn suggest(
    db: &impl ConnectionTrait,
    actor: &Actor,
    title: &str,
    category_id: Option<Uuid>,
    limit: usize,
) -> StoreResult<Vec<Hit>> {
    let mut wanted = query_terms(title);
    wanted.truncate(MAX_TERMS);
    let mut scored: HashMap<Uuid, i64> = HashMap::new();
    if !wanted.is_empty() {
        for (id, (matched, s)) in scores(db, &wanted).await? {
            // Sharing more of the title's words matters more than how often one word recurs.
            scored.insert(id, matched as i64 * 1_000 + s);
        }
    }
    if let Some(category) = category_id {
        for id in in_category(db, category).await? {
            *scored.entry(id).or_default() += 500;
        }
    }
    let mut hits = ranked(db, actor, scored.into_iter().collect(), Some(ArticleStatus::Published)).await?;
    hits.truncate(limit);
    Ok(hits)
}
