//! Demo works: two under construction, one completed long ago (out of warranty now).

use chrono::{DateTime, Duration, Utc};
use huiyin_domain::case::Satisfaction;
use huiyin_domain::decoration::works::IssueKind;
use huiyin_store::works::create::{self, NewWorks};
use huiyin_store::works::visits::{self, StageVisit, VisitIssue};
use huiyin_store::{at_time, StoreResult};
use sea_orm::{ConnectionTrait, TransactionTrait};
use uuid::Uuid;

use super::{Deco, Replayed};

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
pub(super) async fn works<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    deco: &Deco,
    lead: Replayed,
    which: u8,
) -> StoreResult<()> {
    let cm = &deco.customer_managers[0];
    let clock = lead.clock + Duration::days(1);
    let input = NewWorks {
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
    };
    let record = at_time(clock, create::create(db, cm, input)).await?;
    let mut site = Site {
        id: record.works.id,
        version: record.works.version,
        clock,
    };
    let stages: &[&str] = match which {
        1 | 2 => &["material_arrival"],
        _ => &["material_arrival", "mid_construction", "completion"],
    };
    for stage in stages {
        site.clock += Duration::days(if which == 3 { 30 } else { 2 });
        let started = at_time(site.clock, visits::start_stage(db, cm, site.id, site.version, stage)).await?;
        site.version = started.works.version;
        site.clock += Duration::days(1);
        let issues = if which == 2 {
            vec![VisitIssue {
                kind: IssueKind::Designer,
                description: "设计师交底不清楚，插座位置与图纸不符".into(),
            }]
        } else {
            vec![]
        };
        site.visit(db, deco, site.clock, visit(stage, Satisfaction::Satisfied, issues))
            .await?;
    }
    match which {
        1 => {
            let at = site.clock + Duration::days(3);
            at_time(
                at,
                visits::start_stage(db, cm, site.id, site.version, "mid_construction"),
            )
            .await?;
        }
        3 => aftercare(db, deco, site).await?,
        _ => {}
    }
    Ok(())
}

/// Works under replay: id, version and the time of the last step.
struct Site {
    id: Uuid,
    version: i32,
    clock: DateTime<Utc>,
}

impl Site {
    /// A stage visit by the second customer manager at `at`.
    async fn visit<C: ConnectionTrait + TransactionTrait>(
        &mut self,
        db: &C,
        deco: &Deco,
        at: DateTime<Utc>,
        input: StageVisit,
    ) -> StoreResult<()> {
        let visitor = &deco.customer_managers[1];
        let visited = at_time(at, visits::visit(db, visitor, self.id, self.version, input)).await?;
        self.version = visited.works.version;
        Ok(())
    }
}

/// Completed works: archived two days after the last stage, then six aftercare visits two
/// months apart.
async fn aftercare<C: ConnectionTrait + TransactionTrait>(db: &C, deco: &Deco, mut site: Site) -> StoreResult<()> {
    let cm = &deco.customer_managers[0];
    let archived = at_time(
        site.clock + Duration::days(2),
        visits::archive(db, cm, site.id, site.version, true, Some(500_000)),
    )
    .await?;
    site.version = archived.works.version;
    for k in 1..=6 {
        let at = site.clock + Duration::days(61 * k);
        site.visit(db, deco, at, visit("aftercare", Satisfaction::VerySatisfied, vec![]))
            .await?;
    }
    Ok(())
}
