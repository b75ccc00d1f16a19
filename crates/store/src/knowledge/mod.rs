//! The knowledge base (应知应会): articles every agent answers from, searchable in Chinese.
//!
//! Commands in, records out; the HTTP shapes live in `huiyin-api`. Visibility follows
//! `huiyin_domain::knowledge::may_see`: drafts for those who manage the knowledge base, articles
//! limited to projects for those projects' staff.

pub mod answers;
pub mod citations;
pub mod index;
pub mod search;

use std::collections::HashMap;

use huiyin_domain::knowledge::{may_see, ArticleStatus};
use huiyin_domain::permission::Permission;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
    TransactionTrait,
};
use uuid::Uuid;

use crate::entity::{category, knowledge_article as article, knowledge_article_category as art_cat};
use crate::entity::{knowledge_article_project as art_proj, project};
use crate::page::{self, Page};
use crate::validate::{bounded, required, version_matches};
use crate::wire::Wire;
use crate::{new_id, now, Actor, StoreError, StoreResult};

pub const TITLE_MAX: usize = 120;
pub const BODY_MAX: usize = 20_000;

/// A new article.
#[derive(Debug, Clone)]
pub struct CreateArticle {
    pub title: String,
    pub body: String,
    pub category_ids: Vec<Uuid>,
    pub tags: Vec<String>,
    /// Empty: for every project.
    pub project_ids: Vec<Uuid>,
    pub status: ArticleStatus,
}

/// Changes to an article; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct UpdateArticle {
    pub title: Option<String>,
    pub body: Option<String>,
    pub category_ids: Option<Vec<Uuid>>,
    pub tags: Option<Vec<String>>,
    pub project_ids: Option<Vec<Uuid>>,
    pub status: Option<ArticleStatus>,
}

/// An article with its categories, tags and projects.
#[derive(Debug, Clone)]
pub struct ArticleRecord {
    pub article: article::Model,
    pub status: ArticleStatus,
    pub tags: Vec<String>,
    pub category_ids: Vec<Uuid>,
    pub project_ids: Vec<Uuid>,
}

/// Browsing without a query: newest change first.
#[derive(Debug, Clone, Default)]
pub struct ListArticles {
    pub category_id: Option<Uuid>,
    pub status: Option<ArticleStatus>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

fn clean_tags(tags: &[String]) -> StoreResult<Vec<String>> {
    if tags.len() > 20 {
        return Err(StoreError::invalid("tags", "at most 20 tags"));
    }
    let mut out: Vec<String> = Vec::new();
    for (i, tag) in tags.iter().enumerate() {
        let tag = required(&format!("tags[{i}]"), tag, 30)?;
        if !out.contains(&tag) {
            out.push(tag);
        }
    }
    Ok(out)
}

async fn check_refs(
    db: &impl ConnectionTrait,
    actor: &Actor,
    categories: &[Uuid],
    projects: &[Uuid],
) -> StoreResult<()> {
    for (i, id) in categories.iter().enumerate() {
        if category::Entity::find_by_id(*id).one(db).await?.is_none() {
            return Err(StoreError::invalid(format!("category_ids[{i}]"), "no such category"));
        }
    }
    for (i, id) in projects.iter().enumerate() {
        if !actor.sees_project(*id) || project::Entity::find_by_id(*id).one(db).await?.is_none() {
            return Err(StoreError::invalid(
                format!("project_ids[{i}]"),
                "no such project of yours",
            ));
        }
    }
    Ok(())
}

fn dedup(ids: &[Uuid]) -> Vec<Uuid> {
    let mut out: Vec<Uuid> = Vec::new();
    for id in ids {
        if !out.contains(id) {
            out.push(*id);
        }
    }
    out
}

async fn set_links(
    db: &impl ConnectionTrait,
    id: Uuid,
    categories: Option<&[Uuid]>,
    projects: Option<&[Uuid]>,
) -> StoreResult<()> {
    if let Some(categories) = categories {
        art_cat::Entity::delete_many()
            .filter(art_cat::Column::ArticleId.eq(id))
            .exec(db)
            .await?;
        for c in dedup(categories) {
            art_cat::ActiveModel {
                article_id: Set(id),
                category_id: Set(c),
            }
            .insert(db)
            .await?;
        }
    }
    if let Some(projects) = projects {
        art_proj::Entity::delete_many()
            .filter(art_proj::Column::ArticleId.eq(id))
            .exec(db)
            .await?;
        for p in dedup(projects) {
            art_proj::ActiveModel {
                article_id: Set(id),
                project_id: Set(p),
            }
            .insert(db)
            .await?;
        }
    }
    Ok(())
}

/// Writes a new article and indexes it for search.
pub async fn create<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    input: CreateArticle,
) -> StoreResult<ArticleRecord> {
    let title = required("title", &input.title, TITLE_MAX)?;
    let body = bounded("body", &input.body, BODY_MAX)?;
    let tags = clean_tags(&input.tags)?;
    let txn = db.begin().await?;
    check_refs(&txn, actor, &input.category_ids, &input.project_ids).await?;
    let at = now();
    let row = article::ActiveModel {
        id: Set(new_id()),
        title: Set(title),
        body: Set(body),
        status: Set(Wire(input.status)),
        tags: Set(serde_json::to_string(&tags).unwrap_or_else(|_| "[]".into())),
        created_by: Set(actor.user_id),
        updated_by: Set(None),
        published_at: Set((input.status == ArticleStatus::Published).then_some(at)),
        created_at: Set(at),
        updated_at: Set(at),
        version: Set(1),
    }
    .insert(&txn)
    .await?;
    set_links(&txn, row.id, Some(&input.category_ids), Some(&input.project_ids)).await?;
    index::reindex(&txn, &row, &tags).await?;
    txn.commit().await?;
    get_unchecked(db, row.id).await
}

/// Changes an article (`version` from `If-Match`) and re-indexes it.
pub async fn update<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    version: i32,
    input: UpdateArticle,
) -> StoreResult<ArticleRecord> {
    let txn = db.begin().await?;
    let current = get(&txn, actor, id).await?;
    version_matches(version, current.article.version)?;
    check_refs(
        &txn,
        actor,
        input.category_ids.as_deref().unwrap_or(&[]),
        input.project_ids.as_deref().unwrap_or(&[]),
    )
    .await?;
    let tags = match &input.tags {
        Some(t) => clean_tags(t)?,
        None => current.tags.clone(),
    };
    let mut row: article::ActiveModel = current.article.clone().into();
    if let Some(title) = &input.title {
        row.title = Set(required("title", title, TITLE_MAX)?);
    }
    if let Some(body) = &input.body {
        row.body = Set(bounded("body", body, BODY_MAX)?);
    }
    row.tags = Set(serde_json::to_string(&tags).unwrap_or_else(|_| "[]".into()));
    if let Some(status) = input.status {
        row.status = Set(Wire(status));
        if status == ArticleStatus::Published && current.status != ArticleStatus::Published {
            row.published_at = Set(Some(now()));
        }
    }
    row.updated_by = Set(Some(actor.user_id));
    row.updated_at = Set(now());
    row.version = Set(current.article.version + 1);
    let saved = row.update(&txn).await?;
    set_links(&txn, id, input.category_ids.as_deref(), input.project_ids.as_deref()).await?;
    index::reindex(&txn, &saved, &tags).await?;
    txn.commit().await?;
    get_unchecked(db, id).await
}

/// Loads articles with their links, in the order of `rows`.
pub async fn records(db: &impl ConnectionTrait, rows: Vec<article::Model>) -> StoreResult<Vec<ArticleRecord>> {
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let mut categories: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    let mut projects: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    if !ids.is_empty() {
        for link in art_cat::Entity::find()
            .filter(art_cat::Column::ArticleId.is_in(ids.clone()))
            .all(db)
            .await?
        {
            categories.entry(link.article_id).or_default().push(link.category_id);
        }
        for link in art_proj::Entity::find()
            .filter(art_proj::Column::ArticleId.is_in(ids))
            .all(db)
            .await?
        {
            projects.entry(link.article_id).or_default().push(link.project_id);
        }
    }
    rows.into_iter()
        .map(|row| {
            Ok(ArticleRecord {
                status: row.status.0,
                tags: serde_json::from_str(&row.tags).unwrap_or_default(),
                category_ids: categories.remove(&row.id).unwrap_or_default(),
                project_ids: projects.remove(&row.id).unwrap_or_default(),
                article: row,
            })
        })
        .collect()
}

async fn get_unchecked(db: &impl ConnectionTrait, id: Uuid) -> StoreResult<ArticleRecord> {
    let row = article::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)?;
    records(db, vec![row]).await?.pop().ok_or(StoreError::NotFound)
}

/// Whether `actor` may see `record`.
pub fn visible(actor: &Actor, record: &ArticleRecord) -> bool {
    may_see(
        record.status,
        &record.project_ids,
        actor.may(Permission::KnowledgeManage),
        actor.role.sees_all_projects(),
        &actor.project_ids,
    )
}

/// One article the actor may see (404 otherwise).
pub async fn get(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<ArticleRecord> {
    let record = get_unchecked(db, id).await?;
    if visible(actor, &record) {
        Ok(record)
    } else {
        Err(StoreError::NotFound)
    }
}

/// The articles the actor may see, newest change first (by id within equal times).
pub async fn list(db: &impl ConnectionTrait, actor: &Actor, query: ListArticles) -> StoreResult<Page<ArticleRecord>> {
    let limit = page::limit(query.limit)?;
    let mut select = article::Entity::find().order_by_desc(article::Column::Id);
    if let Some(cursor) = &query.cursor {
        select = select.filter(article::Column::Id.lt(page::decode_uuid(cursor)?));
    }
    if let Some(status) = query.status {
        select = select.filter(article::Column::Status.eq(status.as_str()));
    }
    if !actor.may(Permission::KnowledgeManage) {
        select = select.filter(article::Column::Status.eq(ArticleStatus::Published.as_str()));
    }
    if let Some(category) = query.category_id {
        let ids: Vec<Uuid> = art_cat::Entity::find()
            .filter(art_cat::Column::CategoryId.eq(category))
            .all(db)
            .await?
            .into_iter()
            .map(|l| l.article_id)
            .collect();
        select = select.filter(article::Column::Id.is_in(ids));
    }
    // Project limits are checked per row: a page is read in chunks until it is full.
    let mut out = Vec::new();
    let mut select = select;
    loop {
        let rows = select.clone().limit(limit + 1).all(db).await?;
        let exhausted = rows.len() as u64 <= limit;
        let last = rows.last().map(|r| r.id);
        for record in records(db, rows).await? {
            if visible(actor, &record) {
                out.push(record);
            }
        }
        match last {
            Some(last) if !exhausted && out.len() as u64 <= limit => {
                select = select.filter(article::Column::Id.lt(last));
            }
            _ => break,
        }
    }
    Ok(page::finish(out, limit, |r| r.article.id.to_string()))
}
