//! Demo works: two under construction, one completed long ago (out of warranty now).

use chrono::Duration;
use huiyin_domain::case::Satisfaction;
use huiyin_domain::decoration::works::IssueKind;

use super::{Deco, Replayed};
use crate::works::create::NewWorks;
use crate::works::visits::{StageVisit, VisitIssue};
use crate::{at_time, StoreResult};

fn visit(stage: &str, satisfaction: Satisfaction, issues: Vec<VisitIssue>) -> StageVisit {
    StageVisit {
        stage: stage.into(),
        satisfaction,
        inspector_present: stage != "mid_construction",
        briefing_clear: (stage == "material_arrival").then_some(true),
        designer_satisfaction: (stage == "completion").then_some(Satisfaction::VerySatisfied),
        note: None,
        issues,
    }
}

/// Opens works for a signed lead. `which` 1: material arrival visited, mid-construction
/// started; 2: material arrival visited with a designer complaint (opens a case); 3: completed
/// with its aftercare visits done (long ago: out of warranty now).
pub(super) async fn works<C: sea_orm::ConnectionTrait + sea_orm::TransactionTrait>(
    db: &C,
    deco: &Deco,
    lead: Replayed,
    which: u8,
) -> StoreResult<()> {
    let cm = &deco.customer_managers[0];
    let mut clock = lead.clock + Duration::days(1);
    let record = at_time(
        clock,
        crate::works::create::create(
            db,
            cm,
            NewWorks {
                lead_id: lead.id,
                contract_signed_on: lead.clock.date_naive(),
                contract_amount_fen: 8_800_000 + i64::from(which) * 1_250_000,
                designer_id: lead.designer.unwrap_or(deco.capped),
                project_manager_id: deco.project_manager,
                supervisor_id: deco.site_supervisor,
                inspector_id: Some(deco.inspector),
                planned_start: (clock + Duration::days(3)).date_naive(),
                planned_finish: (clock + Duration::days(93)).date_naive(),
                address: format!("施工地址（{}）", lead.id.simple()),
                property_id: None,
            },
        ),
    )
    .await?;
    let id = record.works.id;
    let mut version = record.works.version;
    let stages: &[&str] = match which {
        1 | 2 => &["material_arrival"],
        _ => &["material_arrival", "mid_construction", "completion"],
    };
    let visitor = &deco.customer_managers[1];
    for stage in stages {
        clock += Duration::days(if which == 3 { 30 } else { 2 });
        let started = at_time(clock, crate::works::visits::start_stage(db, cm, id, version, stage)).await?;
        version = started.works.version;
        clock += Duration::days(1);
        let issues = if which == 2 {
            vec![VisitIssue {
                kind: IssueKind::Designer,
                description: "设计师交底不清楚，插座位置与图纸不符".into(),
            }]
        } else {
            vec![]
        };
        let visited = at_time(
            clock,
            crate::works::visits::visit(db, visitor, id, version, visit(stage, Satisfaction::Satisfied, issues)),
        )
        .await?;
        version = visited.works.version;
    }
    if which == 1 {
        let started = at_time(
            clock + Duration::days(3),
            crate::works::visits::start_stage(db, cm, id, version, "mid_construction"),
        )
        .await?;
        version = started.works.version;
    }
    if which == 3 {
        let archived = at_time(
            clock + Duration::days(2),
            crate::works::visits::archive(db, cm, id, version, true, Some(500_000)),
        )
        .await?;
        version = archived.works.version;
        for k in 1..=6 {
            let visited = at_time(
                clock + Duration::days(61 * k),
                crate::works::visits::visit(
                    db,
                    visitor,
                    id,
                    version,
                    visit("aftercare", Satisfaction::VerySatisfied, vec![]),
                ),
            )
            .await?;
            version = visited.works.version;
        }
    }
    Ok(())
}
