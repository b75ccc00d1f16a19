//! The knowledge base (应知应会): every staff member reads and searches it; supervisors and
//! managers write, publish and withdraw articles. Search works for Chinese (see
//! `docs/knowledge.md`).

pub mod views;

use actix_web::http::StatusCode;
use actix_web::{get, patch, post, web, HttpResponse};
use huiyin_domain::permission::Permission;
use huiyin_domain::stats::{parse_tz, Period};
use huiyin_store::idempotency;
use huiyin_store::knowledge::{self, citations, search, ListArticles};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use self::views::*;
use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult};
use crate::extract::{IdempotencyKey, IfMatch, Json, Query};
use crate::idempotent::{json_answer, stored_reply_versioned};
use crate::routes::ok_versioned;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list)
        .service(suggest)
        .service(most_cited)
        .service(create)
        .service(get_one)
        .service(update)
        .service(cite);
}

/// Browses (newest first) or, with `q`, searches the articles the caller may see: every term of
/// `q` must occur (two-character Chinese words included), title matches rank first.
#[utoipa::path(tag = "knowledge", params(ListArticlesQuery), responses((status = 200, body = ArticleList)), security(("bearer" = [])))]
#[get("/knowledge")]
async fn list(state: web::Data<AppState>, user: AuthUser, q: Query<ListArticlesQuery>) -> ApiResult<HttpResponse> {
    user.require(Permission::KnowledgeRead)?;
    let q = q.into_inner();
    let text = q.q.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let body = match text {
        Some(text) => {
            let found = search::search(
                &state.store.db,
                &user,
                search::SearchArticles {
                    q: text.to_owned(),
                    category_id: q.category_id,
                    status: q.status,
                    limit: q.limit,
                    cursor: q.cursor,
                },
            )
            .await?;
            ArticleList {
                items: found
                    .items
                    .into_iter()
                    .map(|h| ArticleSummary::hit(h, Some(text)))
                    .collect(),
                next_cursor: found.next_cursor,
            }
        }
        None => {
            let page = knowledge::list(
                &state.store.db,
                &user,
                ListArticles {
                    category_id: q.category_id,
                    status: q.status,
                    limit: q.limit,
                    cursor: q.cursor,
                },
            )
            .await?;
            ArticleList {
                items: page
                    .items
                    .into_iter()
                    .map(|r| ArticleSummary::new(r, None, None))
                    .collect(),
                next_cursor: page.next_cursor,
            }
        }
    };
    Ok(HttpResponse::Ok().json(body))
}

/// Up to five published articles for a case being registered, from its title and category.
#[utoipa::path(tag = "knowledge", params(SuggestQuery), responses((status = 200, body = ArticleSuggestions)), security(("bearer" = [])))]
#[get("/knowledge/suggestions")]
async fn suggest(state: web::Data<AppState>, user: AuthUser, q: Query<SuggestQuery>) -> ApiResult<HttpResponse> {
    user.require(Permission::KnowledgeRead)?;
    let title = q.title.as_deref().unwrap_or("");
    let hits = search::suggest(&state.store.db, &user, title, q.category_id, 5).await?;
    Ok(HttpResponse::Ok().json(ArticleSuggestions {
        items: hits.into_iter().map(|h| ArticleSummary::hit(h, Some(title))).collect(),
    }))
}

/// The articles that answered the most cases of the caller's scope (cited in the period,
/// Beijing days), most first.
#[utoipa::path(tag = "knowledge", params(MostCitedQuery), responses((status = 200, body = MostCited)), security(("bearer" = [])))]
#[get("/knowledge/most-cited")]
async fn most_cited(state: web::Data<AppState>, user: AuthUser, q: Query<MostCitedQuery>) -> ApiResult<HttpResponse> {
    user.require(Permission::KnowledgeRead)?;
    let tz = parse_tz(None).map_err(|e| ApiError::invalid("tz", e.to_string()))?;
    let period = Period::new(q.from, q.to, tz).map_err(|e| ApiError::invalid("to", e.to_string()))?;
    let limit = q.limit.unwrap_or(10);
    if !(1..=50).contains(&limit) {
        return Err(ApiError::invalid("limit", "must be between 1 and 50"));
    }
    let items = citations::most_cited(&state.store.db, &user, period.start, period.end, limit).await?;
    Ok(HttpResponse::Ok().json(MostCited {
        items: items.into_iter().map(CitedArticle::from).collect(),
    }))
}

/// Writes an article (`draft` unless `status: published`). Send an `Idempotency-Key` so that a
/// retry returns the first article instead of writing it twice.
#[utoipa::path(
    tag = "knowledge",
    request_body = CreateArticleRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Any unique string per intended create")),
    responses((status = 201, body = ArticleResponse)),
    security(("bearer" = []))
)]
#[post("/knowledge")]
async fn create(
    state: web::Data<AppState>,
    user: AuthUser,
    key: IdempotencyKey,
    Json(body): Json<CreateArticleRequest>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::KnowledgeManage)?;
    let hash = idempotency::request_hash(&serde_json::to_string(&body).unwrap_or_default());
    let actor = user.0.clone();
    let answer = idempotency::run(&state.store.db, actor.user_id, key.0.as_deref(), &hash, async |txn| {
        let created = knowledge::create(txn, &actor, body.into()).await?;
        Ok(json_answer(StatusCode::CREATED, &ArticleResponse::from(created)))
    })
    .await?;
    Ok(stored_reply_versioned(answer, StatusCode::CREATED))
}

/// One article (404 for a draft or another project's article the caller may not see).
#[utoipa::path(tag = "knowledge", responses((status = 200, body = ArticleResponse)), security(("bearer" = [])))]
#[get("/knowledge/{id}")]
async fn get_one(state: web::Data<AppState>, user: AuthUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    user.require(Permission::KnowledgeRead)?;
    let found = knowledge::get(&state.store.db, &user, *id).await?;
    let version = found.article.version;
    Ok(ok_versioned(&ArticleResponse::from(found), version))
}

/// Changes, publishes (`status: published`) or withdraws (`status: draft`) an article.
#[utoipa::path(
    tag = "knowledge",
    request_body = UpdateArticleRequest,
    params(("If-Match" = String, Header, description = "The version you last read, e.g. \"3\"")),
    responses((status = 200, body = ArticleResponse)),
    security(("bearer" = []))
)]
#[patch("/knowledge/{id}")]
async fn update(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    version: IfMatch,
    Json(body): Json<UpdateArticleRequest>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::KnowledgeManage)?;
    let saved = knowledge::update(&state.store.db, &user, *id, version.0, body.into()).await?;
    let version = saved.article.version;
    Ok(ok_versioned(&ArticleResponse::from(saved), version))
}

/// Records that the article answered a case (an inquiry closed on the spot, a reply); the
/// knowledge statistics count these.
#[utoipa::path(tag = "knowledge", request_body = CiteArticle, responses((status = 204, description = "Recorded")), security(("bearer" = [])))]
#[post("/knowledge/{id}/citations")]
async fn cite(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    Json(body): Json<CiteArticle>,
) -> ApiResult<HttpResponse> {
    user.require(Permission::KnowledgeRead)?;
    citations::cite(&state.store.db, &user, *id, body.case_id).await?;
    Ok(HttpResponse::NoContent().finish())
}
