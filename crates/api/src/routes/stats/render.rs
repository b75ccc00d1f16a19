//! The monthly report as spreadsheet (one sheet per section) and as CSV (sections one after another).

use huiyin_domain::spreadsheet::neutralise;
use huiyin_store::stats::breakdown::Group;
use huiyin_store::stats::figures::Figures;
use huiyin_store::stats::report::MonthlyReport;
use rust_xlsxwriter::{Format, Workbook, Worksheet};

use super::render_sections::{pct, section_tables};
use super::sections::ReportSections;
use crate::error::{ApiError, ApiResult};

fn opt(v: Option<f64>) -> String {
    v.map(|v| format!("{v:.2}")).unwrap_or_else(|| "—".into())
}

/// (指标 label, English, value) rows of the summary sheet.
fn summary_rows(report: &MonthlyReport) -> Vec<(&'static str, &'static str, String)> {
    let s = &report.summary;
    let f: &Figures = &s.figures;
    let p: &Figures = &report.previous_month.figures;
    vec![
        ("月份", "Month", report.month.clone()),
        ("新增工单", "Cases created", f.created.to_string()),
        ("上月新增", "Created previous month", p.created.to_string()),
        ("环比变化", "Change", pct(report.change.created_change)),
        ("已关闭", "Closed", f.closed.to_string()),
        ("已取消", "Cancelled", f.cancelled.to_string()),
        ("未关闭", "Open", f.open.to_string()),
        ("超时未办结", "Overdue", f.overdue.to_string()),
        ("本月关闭（含往月）", "Closed in month", s.closed_in_period.to_string()),
        ("本月预警", "Warnings fired", report.warnings_fired.to_string()),
        ("月末未结", "Open at month end", s.open_at_end.to_string()),
        ("满意率", "Satisfaction rate", pct(f.satisfaction.rate)),
        (
            "满意率环比（百分点）",
            "Satisfaction change (points)",
            opt(report.change.satisfaction_change_points),
        ),
        ("当日核实率", "Verified same day", pct(f.on_time_verify.rate)),
        ("按时办结率", "Resolved on time", pct(f.on_time_resolve.rate)),
        ("回访覆盖率", "Visit coverage", pct(f.visit_coverage.rate)),
        (
            "首次接触解决率",
            "First-contact resolution",
            pct(f.first_contact_resolution.rate),
        ),
        ("二次派单率", "Second-dispatch rate", pct(f.second_dispatch.rate)),
        (
            "升级至片区级及以上",
            "Escalated to area or above",
            f.escalations.area.to_string(),
        ),
        (
            "升级至公司级",
            "Escalated to company",
            f.escalations.company.to_string(),
        ),
        (
            "平均派单时长（小时）",
            "Average hours to dispatch",
            opt(f.average_hours_to_dispatch),
        ),
        (
            "平均办结时长（小时）",
            "Average hours to resolve",
            opt(f.average_hours_to_resolve),
        ),
        (
            "平均关闭时长（小时）",
            "Average hours to close",
            opt(f.average_hours_to_close),
        ),
        (
            "派单时长中位数（小时）",
            "Median hours to dispatch",
            opt(s.medians.median_hours_to_dispatch),
        ),
        (
            "办结时长中位数（小时）",
            "Median hours to resolve",
            opt(s.medians.median_hours_to_resolve),
        ),
        (
            "关闭时长中位数（小时）",
            "Median hours to close",
            opt(s.medians.median_hours_to_close),
        ),
    ]
}

const GROUP_HEADER: [&str; 6] = [
    "名称 Name",
    "新增 Created",
    "已关闭 Closed",
    "超时 Overdue",
    "满意率 Satisfaction",
    "二次派单率 Second dispatch",
];

fn group_row(g: &Group) -> [String; 6] {
    [
        g.label.clone().unwrap_or_else(|| "（未分类）".into()),
        g.figures.created.to_string(),
        g.figures.closed.to_string(),
        g.figures.overdue.to_string(),
        pct(g.figures.satisfaction.rate),
        pct(g.figures.second_dispatch.rate),
    ]
}

const OVERDUE_HEADER: [&str; 5] = [
    "编号 Number",
    "标题 Title",
    "状态 Status",
    "责任部门 Department",
    "时限 Due",
];

fn overdue_rows(report: &MonthlyReport) -> Vec<[String; 5]> {
    report
        .overdue
        .iter()
        .map(|c| {
            [
                c.number.clone(),
                c.title.clone(),
                c.status.clone(),
                c.department.clone().unwrap_or_default(),
                c.due_at.map(|d| d.to_rfc3339()).unwrap_or_default(),
            ]
        })
        .collect()
}

const WARNING_HEADER: [&str; 6] = [
    "时间 Fired at",
    "规则 Rule",
    "标题 Title",
    "说明 Detail",
    "工单 Cases",
    "处理 Acknowledged",
];

fn warning_rows(report: &MonthlyReport) -> Vec<[String; 6]> {
    report
        .warnings
        .iter()
        .map(|w| {
            [
                w.fired_at.to_rfc3339(),
                w.rule.as_str().to_owned(),
                w.title.clone(),
                w.detail.clone(),
                w.cases.iter().map(|c| c.number.as_str()).collect::<Vec<_>>().join(" "),
                match (&w.acknowledged_at, &w.ack_note) {
                    (Some(at), Some(note)) => format!("{} {note}", at.to_rfc3339()),
                    (Some(at), None) => at.to_rfc3339(),
                    (None, _) => "未处理 open".to_owned(),
                },
            ]
        })
        .collect()
}

/// Writes one CSV record, every cell neutralised against formula injection.
pub(super) fn write_row<W: std::io::Write, S: AsRef<str>>(
    writer: &mut csv::Writer<W>,
    cells: impl IntoIterator<Item = S>,
) -> ApiResult<()> {
    let cells: Vec<String> = cells.into_iter().map(|c| neutralise(c.as_ref()).into_owned()).collect();
    writer.write_record(&cells).map_err(|e| ApiError::Internal(Box::new(e)))
}

pub fn csv(report: &MonthlyReport, sections: &ReportSections) -> ApiResult<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
    write_row(&mut writer, ["# 汇总 Summary"])?;
    for (zh, en, value) in summary_rows(report) {
        write_row(&mut writer, [zh, en, value.as_str()])?;
    }
    for (title, groups) in [
        ("# 分类排行 Top categories", &report.top_categories),
        ("# 楼栋排行 Top buildings", &report.top_buildings),
    ] {
        write_row(&mut writer, [""])?;
        write_row(&mut writer, [title])?;
        write_row(&mut writer, GROUP_HEADER)?;
        for g in groups {
            write_row(&mut writer, group_row(g))?;
        }
    }
    write_row(&mut writer, [""])?;
    write_row(&mut writer, ["# 超时工单 Overdue cases"])?;
    write_row(&mut writer, OVERDUE_HEADER)?;
    for row in overdue_rows(report) {
        write_row(&mut writer, row)?;
    }
    write_row(&mut writer, [""])?;
    write_row(&mut writer, ["# 本月预警 Warnings fired"])?;
    write_row(&mut writer, WARNING_HEADER)?;
    for row in warning_rows(report) {
        write_row(&mut writer, row)?;
    }
    for block in section_tables(sections) {
        write_row(&mut writer, [""])?;
        write_row(&mut writer, [format!("# {}", block.title)])?;
        write_row(&mut writer, block.header)?;
        for row in block.rows {
            write_row(&mut writer, row)?;
        }
    }
    let mut bytes = "\u{feff}".as_bytes().to_vec(); // a BOM so spreadsheet programs read UTF-8 Chinese correctly
    bytes.extend(
        writer
            .into_inner()
            .map_err(|e| ApiError::Internal(Box::new(e.into_error())))?,
    );
    Ok(bytes)
}

fn write_table<R: AsRef<[String]>>(
    sheet: &mut Worksheet,
    bold: &Format,
    header: &[&str],
    rows: impl Iterator<Item = R>,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    for (col, title) in header.iter().enumerate() {
        sheet.write_with_format(0, col as u16, *title, bold)?;
        sheet.set_column_width(col as u16, 22)?;
    }
    for (i, row) in rows.enumerate() {
        for (col, value) in row.as_ref().iter().enumerate() {
            sheet.write((i + 1) as u32, col as u16, neutralise(value).as_ref())?;
        }
    }
    Ok(())
}

pub fn xlsx(report: &MonthlyReport, sections: &ReportSections) -> ApiResult<Vec<u8>> {
    let build = || -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
        let mut book = Workbook::new();
        let bold = Format::new().set_bold();
        let summary = book.add_worksheet().set_name("汇总 Summary")?;
        write_table(
            summary,
            &bold,
            &["指标", "Figure", "值 Value"],
            summary_rows(report)
                .into_iter()
                .map(|(zh, en, v)| [zh.to_owned(), en.to_owned(), v]),
        )?;
        let categories = book.add_worksheet().set_name("分类 Categories")?;
        write_table(
            categories,
            &bold,
            &GROUP_HEADER,
            report.top_categories.iter().map(group_row),
        )?;
        let buildings = book.add_worksheet().set_name("楼栋 Buildings")?;
        write_table(
            buildings,
            &bold,
            &GROUP_HEADER,
            report.top_buildings.iter().map(group_row),
        )?;
        let overdue = book.add_worksheet().set_name("超时 Overdue")?;
        write_table(overdue, &bold, &OVERDUE_HEADER, overdue_rows(report).into_iter())?;
        let warnings = book.add_worksheet().set_name("预警 Warnings")?;
        write_table(warnings, &bold, &WARNING_HEADER, warning_rows(report).into_iter())?;
        for block in section_tables(sections) {
            let sheet = book.add_worksheet().set_name(block.sheet)?;
            write_table(sheet, &bold, &block.header, block.rows.into_iter())?;
        }
        book.save_to_buffer()
    };
    build().map_err(|e| ApiError::Internal(Box::new(e)))
}
