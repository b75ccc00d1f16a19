//! The report's module sections as tables: one CSV block and one XLSX sheet each. Sections the
//! caller may not read (`null` in JSON) have no table. Cells are neutralised by the writers.

use huiyin_domain::decoration::stats::{Funnel, Satisfactions};

use super::sections::ReportSections;
use crate::routes::arrears::views::{AreaArrears, ArrearsStatsResponse};
use crate::routes::leads::stats::{LeadStatsResponse, WorksStatsResponse};
use crate::routes::stewardship::visits::CoverageResponse;

/// A rate as a percentage cell (`—` when there is none).
pub(super) fn pct(rate: Option<f64>) -> String {
    rate.map(|r| format!("{:.1}%", r * 100.0)).unwrap_or_else(|| "—".into())
}

/// One section as a table.
pub struct Table {
    /// The CSV block's title.
    pub title: &'static str,
    /// The XLSX sheet's name (at most 31 characters).
    pub sheet: &'static str,
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

/// The tables of the sections present, in the report's order.
pub fn section_tables(s: &ReportSections) -> Vec<Table> {
    let mut out = Vec::new();
    if let Some(arrears) = &s.arrears {
        out.push(arrears_table(arrears));
    }
    if let Some(coverage) = &s.coverage {
        out.push(coverage_table(coverage));
    }
    if let Some(leads) = &s.leads {
        out.push(leads_table(leads));
        out.push(losses_table(leads));
    }
    if let Some(works) = &s.works {
        out.push(works_table(works));
    }
    out.push(Table {
        title: "知识库解答排行 Top knowledge articles",
        sheet: "知识库 Articles",
        header: vec!["文章 Article", "现场解答咨询 Inquiries closed", "文章编号 Article id"],
        rows: s
            .top_articles
            .iter()
            .map(|a| {
                vec![
                    a.title.clone().unwrap_or_else(|| "（已删除）".into()),
                    a.inquiries.to_string(),
                    a.article_id.to_string(),
                ]
            })
            .collect(),
    });
    out
}

fn arrears_row(label: String, a: &AreaArrears) -> Vec<String> {
    let reasons: Vec<String> = a
        .by_reason
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(reason, n)| format!("{reason}: {n}"))
        .collect();
    vec![
        label,
        a.households.to_string(),
        a.amount.clone(),
        a.by_stage.steward.to_string(),
        a.by_stage.supervisor.to_string(),
        a.by_stage.legal.to_string(),
        a.contacts.to_string(),
        reasons.join("; "),
        a.settled.to_string(),
        pct(a.collection_rate),
    ]
}

fn arrears_table(s: &ArrearsStatsResponse) -> Table {
    let mut rows: Vec<Vec<String>> = s
        .areas
        .iter()
        .map(|a| arrears_row(a.area_name.clone().unwrap_or_else(|| "（无片区）".into()), a))
        .collect();
    rows.push(arrears_row("合计 Total".into(), &s.total));
    Table {
        title: "欠费 Arrears",
        sheet: "欠费 Arrears",
        header: vec![
            "片区 Area",
            "欠费户数 Households",
            "欠费金额 Amount",
            "管家阶段 Steward stage",
            "主管阶段 Supervisor stage",
            "法务阶段 Legal stage",
            "催缴次数 Contacts",
            "欠费原因 Reasons",
            "本月结清 Settled",
            "收缴率 Collection rate",
        ],
        rows,
    }
}

fn coverage_table(areas: &[CoverageResponse]) -> Table {
    Table {
        title: "走访覆盖 Visit coverage",
        sheet: "走访 Coverage",
        header: vec![
            "片区 Area",
            "户数 Households",
            "已走访 Visited",
            "已见面 Reached",
            "覆盖率 Coverage",
            "目标 Target",
            "达标 Target met",
            "重点客户 Key customers",
            "重点已走访 Key visited",
        ],
        rows: areas
            .iter()
            .map(|c| {
                vec![
                    c.area_name.clone(),
                    c.households.to_string(),
                    c.visited.to_string(),
                    c.reached.to_string(),
                    pct(Some(c.coverage)),
                    pct(Some(c.target)),
                    if c.target_met { "是 yes" } else { "否 no" }.to_owned(),
                    c.key_customers.total.to_string(),
                    c.key_customers.visited.to_string(),
                ]
            })
            .collect(),
    }
}

fn funnel_row(group: &str, name: String, f: &Funnel) -> Vec<String> {
    vec![
        group.to_owned(),
        name,
        f.leads.to_string(),
        f.dispatched.to_string(),
        f.measured.to_string(),
        f.signed.to_string(),
        f.lost_invalid.to_string(),
        f.lost_failed_signing.to_string(),
        pct(f.conversion_rate),
    ]
}

fn leads_table(s: &LeadStatsResponse) -> Table {
    let mut rows = vec![funnel_row("合计 Total", String::new(), &s.total)];
    rows.extend(
        s.by_source
            .iter()
            .map(|g| funnel_row("来源 Source", g.source.as_str().to_owned(), &g.funnel)),
    );
    rows.extend(
        s.by_designer
            .iter()
            .map(|g| funnel_row("设计师 Designer", g.name.clone(), &g.funnel)),
    );
    rows.extend(
        s.by_size
            .iter()
            .map(|g| funnel_row("单值 Size", g.size.as_str().to_owned(), &g.funnel)),
    );
    Table {
        title: "客户资源 Leads",
        sheet: "客户资源 Leads",
        header: vec![
            "分组 Group",
            "名称 Name",
            "线索 Leads",
            "已派单 Dispatched",
            "已量房 Measured",
            "已签约 Signed",
            "无效跑单 Lost invalid",
            "签约失败 Lost failed signing",
            "转化率 Conversion",
        ],
        rows,
    }
}

fn losses_table(s: &LeadStatsResponse) -> Table {
    Table {
        title: "跑单原因 Lost leads",
        sheet: "跑单 Lost leads",
        header: vec!["类别 Kind", "原因 Reason", "数量 Count"],
        rows: s
            .losses
            .iter()
            .map(|l| {
                vec![
                    l.kind.as_str().to_owned(),
                    l.reason.as_str().to_owned(),
                    l.count.to_string(),
                ]
            })
            .collect(),
    }
}

fn satisfaction_row(name: String, s: &Satisfactions) -> Vec<String> {
    vec![
        name,
        s.visits.to_string(),
        s.very_dissatisfied.to_string(),
        s.dissatisfied.to_string(),
        s.satisfied.to_string(),
        s.very_satisfied.to_string(),
        pct(s.satisfaction_rate),
    ]
}

fn works_table(s: &WorksStatsResponse) -> Table {
    let f = &s.figures;
    let mut rows: Vec<Vec<String>> = f
        .stages
        .iter()
        .map(|(stage, sat)| satisfaction_row(stage.clone(), sat))
        .collect();
    rows.push(satisfaction_row("设计师满意度 Designer".into(), &f.designer));
    rows.push(vec![
        "质检员在场率 Inspector presence".into(),
        f.visits.to_string(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        pct(f.inspector_presence_rate),
    ]);
    Table {
        title: "工程回访 Works visits",
        sheet: "工程 Works",
        header: vec![
            "阶段 Stage",
            "回访 Visits",
            "非常不满意 Very dissatisfied",
            "不满意 Dissatisfied",
            "满意 Satisfied",
            "非常满意 Very satisfied",
            "满意率 Rate",
        ],
        rows,
    }
}
