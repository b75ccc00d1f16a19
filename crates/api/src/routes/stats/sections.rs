//! The monthly report's module sections beside the complaint analysis: arrears, visit coverage,
//! leads, works and the knowledge articles that closed most inquiries. Each one is the module's
//! own statistics (the same store functions as `/stats/arrears`, `/stats/coverage`,
//! `/stats/leads`, `/stats/works`, `/stats/knowledge`), in the caller's scope and project.
//!
//! A section the caller may not read is `null` (see docs/statistics.md): arrears need the
//! arrears permission, leads the lead permission, works the works permission; API keys with
//! `stats:read` get arrears, coverage and articles but not the decoration company's leads and
//! works (their scope is a project's complaints, not a sales pipeline).

use huiyin_domain::permission::Permission;
use huiyin_store::knowledge::answers::{ranked, Answering};
use huiyin_store::leads::stats as lead_stats;
use huiyin_store::stats::area_visits::single_month;
use huiyin_store::stats::StatsFilter;
use huiyin_store::stewardship::coverage_by_area::in_projects;
use huiyin_store::{Actor, Db};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::report_views::MonthlyReport;
use crate::auth::caller::Caller;
use crate::error::ApiResult;
use crate::routes::arrears::views::ArrearsStatsResponse;
use crate::routes::leads::stats::{lead_response, LeadStatsResponse, WorksStatsResponse};
use crate::routes::stewardship::visits::CoverageResponse;

/// How many articles the report lists.
pub const TOP_ARTICLES: usize = 10;

/// A knowledge article and the inquiries it closed on the spot.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ArticleAnswers {
    pub article_id: Uuid,
    /// `null` when the article has since been deleted.
    #[schema(example = "卫生间天花板漏水怎么办")]
    pub title: Option<String>,
    /// Inquiries closed on the spot with this article in the period.
    pub inquiries: i64,
}

impl From<Answering> for ArticleAnswers {
    fn from(a: Answering) -> Self {
        ArticleAnswers {
            article_id: a.article_id,
            title: a.title,
            inquiries: a.inquiries,
        }
    }
}

/// The module sections; `null` where the caller may not read the module.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReportSections {
    /// Arrears per area at the month's end (欠费统计); the caller's projects or `project_id`.
    pub arrears: Option<ArrearsStatsResponse>,
    /// Visit coverage per area in the month (走访覆盖率), narrowed by `project_id` and `area_id`.
    pub coverage: Option<Vec<CoverageResponse>>,
    /// Leads registered in the month (客户资源): by source, designer and size, lost leads.
    pub leads: Option<LeadStatsResponse>,
    /// Works visits done in the month (工程回访): stage and designer satisfaction, inspector presence.
    pub works: Option<WorksStatsResponse>,
    /// The knowledge articles that closed most inquiries on the spot in the month (at most 10).
    pub top_articles: Vec<ArticleAnswers>,
}

/// The monthly report as JSON: the complaint analysis and the module sections.
#[derive(Debug, Serialize, ToSchema)]
pub struct MonthlyReportResponse {
    #[serde(flatten)]
    pub report: MonthlyReport,
    #[serde(flatten)]
    pub sections: ReportSections,
}

/// Staff with `permission`; `None` for API keys.
fn staff_with(caller: &Caller, permission: Permission) -> Option<&Actor> {
    match caller {
        Caller::Staff(actor) if actor.may(permission) => Some(actor),
        _ => None,
    }
}

/// Arrears for staff with the arrears permission and for keys.
fn reads_arrears(caller: &Caller) -> bool {
    match caller {
        Caller::Staff(actor) => actor.may(Permission::ArrearsRead),
        Caller::Key(_) => true,
    }
}

/// The sections of `month` for `caller` (the filter already carries the caller's projects).
pub async fn sections(db: &Db, caller: &Caller, filter: &StatsFilter) -> ApiResult<ReportSections> {
    filter.check_scope()?;
    let period = &filter.period;
    let month = period.from.format("%Y-%m").to_string();
    let arrears = async {
        if !reads_arrears(caller) {
            return Ok(None);
        }
        let found =
            crate::routes::arrears::stats::for_month(db, filter.allowed_projects.clone(), filter.project_id, period);
        found.await.map(Some)
    };
    let coverage = async {
        let Some(visit_month) = single_month(period) else {
            return ApiResult::Ok(None);
        };
        let allowed = filter.allowed_projects.as_deref();
        let areas = in_projects(db, allowed, filter.project_id, filter.area_id, visit_month).await?;
        Ok(Some(areas.into_iter().map(CoverageResponse::from).collect()))
    };
    let leads = async {
        let Some(actor) = staff_with(caller, Permission::LeadRead) else {
            return ApiResult::Ok(None);
        };
        let s = lead_stats::leads(db, actor, filter.project_id, period.start, period.end).await?;
        Ok(Some(lead_response(month.clone(), s)))
    };
    let works = async {
        let Some(actor) = staff_with(caller, Permission::WorksRead) else {
            return ApiResult::Ok(None);
        };
        let figures = lead_stats::works(db, actor, filter.project_id, period.start, period.end).await?;
        Ok(Some(WorksStatsResponse {
            month: month.clone(),
            figures,
        }))
    };
    let articles = async { ApiResult::Ok(ranked(db, filter, TOP_ARTICLES).await?) };
    let (arrears, coverage, leads, works, articles) = tokio::try_join!(arrears, coverage, leads, works, articles)?;
    Ok(ReportSections {
        arrears,
        coverage,
        leads,
        works,
        top_articles: articles.into_iter().map(ArticleAnswers::from).collect(),
    })
}
