//! Request and response shapes of the knowledge base.

use chrono::{DateTime, NaiveDate, Utc};
use huiyin_domain::knowledge::ArticleStatus;
use huiyin_store::knowledge::citations::Cited;
use huiyin_store::knowledge::search::Hit;
use huiyin_store::knowledge::{ArticleRecord, CreateArticle, UpdateArticle};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateArticleRequest {
    #[schema(example = "卫生间天花板漏水怎么办")]
    pub title: String,
    /// Markdown (headings, lists, bold, links); shown as text, never as HTML.
    #[schema(example = "1. 先关闭楼上住户的进水总阀……")]
    pub body: String,
    #[serde(default)]
    pub category_ids: Vec<Uuid>,
    #[serde(default)]
    #[schema(example = json!(["漏水", "维修"]))]
    pub tags: Vec<String>,
    /// Projects the article is for; empty or absent: every project.
    #[serde(default)]
    pub project_ids: Vec<Uuid>,
    /// `draft` (default) or `published`.
    pub status: Option<ArticleStatus>,
}

impl From<CreateArticleRequest> for CreateArticle {
    fn from(r: CreateArticleRequest) -> Self {
        CreateArticle {
            title: r.title,
            body: r.body,
            category_ids: r.category_ids,
            tags: r.tags,
            project_ids: r.project_ids,
            status: r.status.unwrap_or(ArticleStatus::Draft),
        }
    }
}

/// Changes to an article; absent fields stay as they are. Publishing is `status: published`,
/// withdrawing `status: draft`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateArticleRequest {
    pub title: Option<String>,
    pub body: Option<String>,
    pub category_ids: Option<Vec<Uuid>>,
    pub tags: Option<Vec<String>>,
    pub project_ids: Option<Vec<Uuid>>,
    pub status: Option<ArticleStatus>,
}

impl From<UpdateArticleRequest> for UpdateArticle {
    fn from(r: UpdateArticleRequest) -> Self {
        UpdateArticle {
            title: r.title,
            body: r.body,
            category_ids: r.category_ids,
            tags: r.tags,
            project_ids: r.project_ids,
            status: r.status,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListArticlesQuery {
    /// Words to search for (Chinese included); without it, the newest articles first.
    #[param(example = "漏水")]
    pub q: Option<String>,
    pub category_id: Option<Uuid>,
    /// Only drafts or only published articles (drafts are seen by those who manage the base).
    pub status: Option<ArticleStatus>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SuggestQuery {
    /// The title of the case being registered.
    #[param(example = "楼上漏水")]
    pub title: Option<String>,
    pub category_id: Option<Uuid>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct MostCitedQuery {
    #[param(example = "2026-11-01")]
    pub from: NaiveDate,
    #[param(example = "2026-11-30")]
    pub to: NaiveDate,
    /// 1..=50, default 10.
    pub limit: Option<usize>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CiteArticle {
    /// The case the article answered (for example an inquiry closed on the spot).
    pub case_id: Uuid,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ArticleResponse {
    pub id: Uuid,
    pub title: String,
    /// Markdown source.
    pub body: String,
    pub status: ArticleStatus,
    pub category_ids: Vec<Uuid>,
    pub tags: Vec<String>,
    /// Empty: for every project.
    pub project_ids: Vec<Uuid>,
    pub created_by: Uuid,
    pub updated_by: Option<Uuid>,
    pub published_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

impl From<ArticleRecord> for ArticleResponse {
    fn from(r: ArticleRecord) -> Self {
        let a = r.article;
        ArticleResponse {
            id: a.id,
            title: a.title,
            body: a.body,
            status: r.status,
            category_ids: r.category_ids,
            tags: r.tags,
            project_ids: r.project_ids,
            created_by: a.created_by,
            updated_by: a.updated_by,
            published_at: a.published_at,
            created_at: a.created_at,
            updated_at: a.updated_at,
            version: a.version,
        }
    }
}

/// An article in a list: the body cut to an excerpt (around the first match when searching).
#[derive(Debug, Serialize, ToSchema)]
pub struct ArticleSummary {
    pub id: Uuid,
    pub title: String,
    #[schema(example = "……先关闭楼上住户的进水总阀……")]
    pub excerpt: String,
    pub status: ArticleStatus,
    pub category_ids: Vec<Uuid>,
    pub tags: Vec<String>,
    pub project_ids: Vec<Uuid>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
    /// The search rank (higher first); absent when browsing.
    pub score: Option<i64>,
}

const EXCERPT_CHARS: usize = 80;

/// Up to 80 characters of `body`, starting a little before the first occurrence of `q`.
pub fn excerpt(body: &str, q: Option<&str>) -> String {
    let plain: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = plain.chars().collect();
    let start = q
        .and_then(|q| q.split_whitespace().next())
        .and_then(|word| plain.to_lowercase().find(&word.to_lowercase()))
        .map(|byte| plain[..byte].chars().count().saturating_sub(10))
        .unwrap_or(0);
    let end = (start + EXCERPT_CHARS).min(chars.len());
    let mut out: String = chars[start.min(end)..end].iter().collect();
    if start > 0 {
        out.insert(0, '…');
    }
    if end < chars.len() {
        out.push('…');
    }
    out
}

impl ArticleSummary {
    pub fn new(r: ArticleRecord, score: Option<i64>, q: Option<&str>) -> Self {
        ArticleSummary {
            id: r.article.id,
            title: r.article.title,
            excerpt: excerpt(&r.article.body, q),
            status: r.status,
            category_ids: r.category_ids,
            tags: r.tags,
            project_ids: r.project_ids,
            updated_at: r.article.updated_at,
            version: r.article.version,
            score,
        }
    }

    pub fn hit(h: Hit, q: Option<&str>) -> Self {
        ArticleSummary::new(h.record, Some(h.score), q)
    }
}

crate::list_response!(ArticleList, ArticleSummary);

#[derive(Debug, Serialize, ToSchema)]
pub struct ArticleSuggestions {
    pub items: Vec<ArticleSummary>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CitedArticle {
    pub article_id: Uuid,
    pub title: String,
    /// Cases of the caller's scope this article answered in the period.
    pub cases: i64,
}

impl From<Cited> for CitedArticle {
    fn from(c: Cited) -> Self {
        CitedArticle {
            article_id: c.record.article.id,
            title: c.record.article.title,
            cases: c.cases,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MostCited {
    pub items: Vec<CitedArticle>,
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn excerpts_start_near_the_match_and_mark_cuts() {
        assert_eq!(excerpt("短文", None), "短文");
        let long = format!("{}漏水{}", "前".repeat(50), "后".repeat(100));
        let cut = excerpt(&long, Some("漏水"));
        assert!(cut.starts_with('…') && cut.ends_with('…'), "{cut}");
        assert!(cut.contains("漏水"), "{cut}");
        assert_eq!(excerpt("a\n\n  b", None), "a b");
    }
}
