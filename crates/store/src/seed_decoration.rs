//! Demo data of the decoration side (issue #18): one store (a project), its design manager, two
//! customer managers, designers of every grade, about 25 leads replayed through the real lead
//! pipeline over the last weeks (one designer already at today's daily cap), follow-ups, lost
//! leads awaiting confirmation, and three works at different stages — one completed more than
//! two years ago, so out of warranty.

use chrono::{DateTime, Duration, Utc};
use huiyin_domain::case::Satisfaction;
use huiyin_domain::decoration::dispatch::DesignerLevel;
use huiyin_domain::decoration::lead::{
    FollowUpChannel, Intent, LeadAction, LeadSource, LossKind, LossReason, OrderSize,
};
use huiyin_domain::decoration::works::IssueKind;
use huiyin_domain::role::Role;
use rand::rngs::StdRng;
use rand::Rng;
use uuid::Uuid;

use crate::leads::create::{self, NewLead, TransferSlip};
use crate::leads::designers::{self, DesignerProfile};
use crate::leads::dispatch::{self, DispatchLead, Dispatched};
use crate::leads::progress::{self, FollowUp, ReportLoss};
use crate::org::departments::{self, CreateDepartment};
use crate::org::projects::{self, CreateProject};
use crate::seed::{account, DEMO_PASSWORD};
use crate::works::create::NewWorks;
use crate::works::visits::{StageVisit, VisitIssue};
use crate::{at_time, Actor, StoreResult};

/// Where a demo lead ends up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    New,
    Dispatched,
    Measured,
    Proposal,
    Signed,
    PendingInvalid,
    PendingFailed,
    LostInvalid,
    LostFailed,
}

const TARGETS: [Target; 22] = {
    use Target as T;
    [
        T::New,
        T::New,
        T::New,
        T::Dispatched,
        T::Dispatched,
        T::Dispatched,
        T::Measured,
        T::Measured,
        T::Measured,
        T::Proposal,
        T::Proposal,
        T::Proposal,
        T::Signed,
        T::Signed,
        T::Signed,
        T::PendingInvalid,
        T::PendingFailed,
        T::LostInvalid,
        T::LostFailed,
        T::LostFailed,
        T::Dispatched,
        T::Measured,
    ]
};

const NAMES: [&str; 12] = [
    "陈", "林", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何",
];
const SOURCES: [LeadSource; 8] = [
    LeadSource::WalkIn,
    LeadSource::Phone,
    LeadSource::Marketing,
    LeadSource::Online,
    LeadSource::Referral,
    LeadSource::Exhibition,
    LeadSource::EstateList,
    LeadSource::Phone,
];
const ESTATES: [&str; 5] = ["锦绣花园", "翠湖花园", "海岸城", "半岛花园", "蔚蓝海岸"];

struct Deco {
    store: Uuid,
    design_manager: Actor,
    customer_managers: Vec<Actor>,
    /// The designer at today's daily cap.
    capped: Uuid,
    project_manager: Uuid,
    site_supervisor: Uuid,
    inspector: Uuid,
}

/// A lead under replay: its id and version, and the clock of its last step.
struct Replayed {
    id: Uuid,
    version: i32,
    designer: Option<Uuid>,
    clock: DateTime<Utc>,
}

/// Seeds the decoration store; `engineering` is the engineering department (project managers).
pub async fn seed<C: sea_orm::ConnectionTrait + sea_orm::TransactionTrait>(
    db: &C,
    admin: &Actor,
    engineering: Option<Uuid>,
    rng: &mut StdRng,
) -> StoreResult<()> {
    let deco = people(db, admin, engineering).await?;
    let real_now = Utc::now();
    let mut signed = Vec::new();
    for (i, target) in TARGETS.iter().enumerate() {
        let at = match target {
            Target::New => real_now - Duration::hours(rng.gen_range(2..30)),
            Target::Signed => real_now - Duration::days(rng.gen_range(32..45)),
            _ => real_now - Duration::days(rng.gen_range(16..45)) - Duration::minutes(rng.gen_range(0..600)),
        };
        let budget = match i % 3 {
            0 => rng.gen_range(8..29) * 1000,
            1 => rng.gen_range(30..50) * 1000,
            _ => rng.gen_range(52..120) * 1000,
        };
        let lead = register(db, &deco, rng, i, budget, at).await?;
        if let Some(done) = replay(db, &deco, lead, *target, rng).await? {
            signed.push(done);
        }
    }
    // Today: two small leads for the vice-director, who is then at the daily cap.
    for i in 0..2 {
        let at = real_now - Duration::minutes(30 - 10 * i);
        let lead = register(db, &deco, rng, 40 + i as usize, 18_000 + i * 4000, at).await?;
        let cm = &deco.customer_managers[0];
        at_time(at + Duration::minutes(5), async {
            dispatch::dispatch(db, cm, lead.id, lead.version, to(deco.capped, None), false).await
        })
        .await?;
    }
    // Works: two under construction from this month's signings, one completed long ago.
    let mut signed = signed.into_iter();
    if let Some(lead) = signed.next() {
        works(db, &deco, lead, 1).await?;
    }
    if let Some(lead) = signed.next() {
        works(db, &deco, lead, 2).await?;
    }
    let old = real_now - Duration::days(900);
    let lead = register(db, &deco, rng, 50, 96_000, old).await?;
    if let Some(lead) = replay(db, &deco, lead, Target::Signed, rng).await? {
        works(db, &deco, lead, 3).await?;
    }
    Ok(())
}

fn to(designer_id: Uuid, force_reason: Option<&str>) -> DispatchLead {
    DispatchLead {
        designer_id,
        force_reason: force_reason.map(str::to_owned),
        note: None,
    }
}

async fn people<C: sea_orm::ConnectionTrait + sea_orm::TransactionTrait>(
    db: &C,
    admin: &Actor,
    engineering: Option<Uuid>,
) -> StoreResult<Deco> {
    let store = projects::create(
        db,
        CreateProject {
            name: "汇银装饰·南山店".into(),
            code: "HYZS".into(),
            address: "深圳市南山区科技南路18号".into(),
        },
    )
    .await?
    .id;
    let design = departments::create(
        db,
        CreateDepartment {
            name: "设计部".into(),
            kind: "design".into(),
        },
    )
    .await?
    .id;
    let stores = [store];
    let design_manager = account(
        db,
        "design_manager",
        DEMO_PASSWORD,
        "邓设计经理",
        Role::Supervisor,
        Some(design),
        &stores,
    )
    .await?;
    let mut customer_managers = Vec::new();
    for (username, name) in [("customer_manager", "罗客户经理"), ("customer_manager2", "谢客户经理")] {
        customer_managers.push(
            account(
                db,
                username,
                DEMO_PASSWORD,
                name,
                Role::CustomerManager,
                None,
                &stores,
            )
            .await?,
        );
    }
    let mut capped = None;
    for (username, name, level, group, top) in [
        ("designer", "林设计师", DesignerLevel::Designer, "一组", false),
        ("designer2", "许助理设计师", DesignerLevel::Assistant, "一组", false),
        ("designer3", "郑副主任", DesignerLevel::ViceDirector, "二组", false),
        ("designer4", "钱主任", DesignerLevel::Director, "一组", true),
        ("designer5", "高主任", DesignerLevel::Director, "二组", false),
        ("designer6", "黄首席", DesignerLevel::Chief, "一组", false),
        ("designer7", "罗首席", DesignerLevel::Chief, "二组", false),
    ] {
        let designer = account(db, username, DEMO_PASSWORD, name, Role::Designer, Some(design), &stores).await?;
        designers::put_profile(
            db,
            admin,
            designer.user_id,
            0,
            DesignerProfile {
                level,
                group: group.into(),
                top_signer: top,
            },
        )
        .await?;
        if level == DesignerLevel::ViceDirector {
            capped = Some(designer.user_id);
        }
    }
    let mut staff = Vec::new();
    for (username, name) in [
        ("project_manager", "马项目经理"),
        ("site_supervisor", "冯监理"),
        ("inspector", "杜质检员"),
    ] {
        staff.push(account(db, username, DEMO_PASSWORD, name, Role::Handler, engineering, &stores).await?.user_id);
    }
    Ok(Deco {
        store,
        design_manager,
        customer_managers,
        capped: capped.unwrap_or_default(),
        project_manager: staff[0],
        site_supervisor: staff[1],
        inspector: staff[2],
    })
}

async fn register<C: sea_orm::ConnectionTrait + sea_orm::TransactionTrait>(
    db: &C,
    deco: &Deco,
    rng: &mut StdRng,
    i: usize,
    budget_yuan: i64,
    at: DateTime<Utc>,
) -> StoreResult<Replayed> {
    let source = SOURCES[i % SOURCES.len()];
    let cm = &deco.customer_managers[i % deco.customer_managers.len()];
    let estate = ESTATES[rng.gen_range(0..ESTATES.len())];
    let input = NewLead {
        project_id: Some(deco.store),
        source,
        customer_name: format!("{}{}", NAMES[i % NAMES.len()], if i % 2 == 0 { "先生" } else { "女士" }),
        customer_phone: format!("1380755{:04}", 1000 + i * 37),
        address: format!("{estate} {}栋 {}{:02}", rng.gen_range(1..12), rng.gen_range(3..30), rng.gen_range(1..5)),
        floor_area_m2: Some(f64::from(rng.gen_range(60..220))),
        budget_fen: budget_yuan * 100,
        planned_on: Some((at + Duration::days(rng.gen_range(30..120))).date_naive()),
        brought_by: Some(["门店 罗客户经理", "市场部 张伟", "老客户 王先生介绍"][i % 3].into()),
        evidence: Some(format!("{} 到店登记表", at.date_naive())),
        transfer_slip: (source == LeadSource::Marketing).then(|| TransferSlip {
            number: format!("CD-{:04}", 100 + i),
            marketing_manager: "市场部 张伟".into(),
            store_manager: "南山店 周店长".into(),
        }),
        intent: if i % 4 == 0 { Intent::ValidIntent } else { Intent::Intent },
    };
    let record = at_time(at, create::create(db, cm, input)).await?;
    Ok(Replayed {
        id: record.lead.id,
        version: record.lead.version,
        designer: None,
        clock: at,
    })
}

/// Walks a lead to `target`; answers the lead when it ended signed.
async fn replay<C: sea_orm::ConnectionTrait + sea_orm::TransactionTrait>(
    db: &C,
    deco: &Deco,
    mut lead: Replayed,
    target: Target,
    rng: &mut StdRng,
) -> StoreResult<Option<Replayed>> {
    use Target as T;
    if target == T::New {
        return Ok(None);
    }
    let cm = deco.customer_managers[0].clone();
    lead.clock += Duration::hours(2);
    let size = at_time(lead.clock, crate::leads::query::get(db, &cm, lead.id)).await?.lead.size.0;
    let Some(designer) = fairest(db, deco.store, size, lead.clock).await? else {
        return Ok(None);
    };
    let dispatched = at_time(lead.clock, async {
        dispatch::dispatch(db, &cm, lead.id, lead.version, to(designer, None), false).await
    })
    .await?;
    let Dispatched::Done(record) = dispatched else {
        return Ok(None);
    };
    lead.version = record.lead.version;
    lead.designer = Some(designer);
    let designer_actor = Actor::load(db, designer).await?.unwrap_or_else(|| cm.clone());
    step_follow_up(db, &designer_actor, &mut lead, rng).await?;
    if target == T::Dispatched {
        return Ok(None);
    }
    if matches!(target, T::PendingInvalid | T::LostInvalid) {
        lose(db, deco, &mut lead, LossKind::Invalid, target == T::LostInvalid, rng).await?;
        return Ok(None);
    }
    for action in [LeadAction::Measure, LeadAction::Propose, LeadAction::Sign] {
        lead.clock += Duration::days(rng.gen_range(2..5));
        let record = at_time(
            lead.clock,
            progress::advance(db, &designer_actor, lead.id, lead.version, action, None),
        )
        .await?;
        lead.version = record.lead.version;
        let reached = match action {
            LeadAction::Measure => matches!(target, T::Measured | T::PendingFailed | T::LostFailed),
            LeadAction::Propose => target == T::Proposal,
            _ => true,
        };
        if reached {
            break;
        }
    }
    match target {
        T::PendingFailed | T::LostFailed => {
            lose(db, deco, &mut lead, LossKind::FailedSigning, target == T::LostFailed, rng).await?;
            Ok(None)
        }
        T::Signed => Ok(Some(lead)),
        T::Proposal => {
            // Called back yesterday: not overdue.
            lead.clock = lead.clock.max(Utc::now() - Duration::days(1));
            step_follow_up(db, &designer_actor, &mut lead, rng).await?;
            Ok(None)
        }
        _ => Ok(None),
    }
}

/// The first designer the dispatch dialog would offer at `at`.
async fn fairest<C: sea_orm::ConnectionTrait>(
    db: &C,
    store: Uuid,
    size: OrderSize,
    at: DateTime<Utc>,
) -> StoreResult<Option<Uuid>> {
    let offered = at_time(at, designers::eligible(db, store, size, false)).await?;
    Ok(offered
        .into_iter()
        .find(|d| d.broken.is_empty())
        .map(|d| d.record.user.id))
}

async fn step_follow_up<C: sea_orm::ConnectionTrait + sea_orm::TransactionTrait>(
    db: &C,
    designer: &Actor,
    lead: &mut Replayed,
    rng: &mut StdRng,
) -> StoreResult<()> {
    lead.clock += Duration::hours(rng.gen_range(3..30));
    let (channel, note) = [
        (FollowUpChannel::Phone, "电话沟通户型与预算，约周末量房"),
        (FollowUpChannel::Wechat, "微信发送样板间案例，客户有兴趣"),
        (FollowUpChannel::Store, "客户到店看材料展厅"),
    ][rng.gen_range(0..3)];
    let record = at_time(
        lead.clock,
        progress::follow_up(
            db,
            designer,
            lead.id,
            lead.version,
            FollowUp {
                channel,
                note: note.into(),
                next_on: None,
                intent: None,
            },
        ),
    )
    .await?;
    lead.version = record.lead.version;
    Ok(())
}

async fn lose<C: sea_orm::ConnectionTrait + sea_orm::TransactionTrait>(
    db: &C,
    deco: &Deco,
    lead: &mut Replayed,
    kind: LossKind,
    confirm: bool,
    rng: &mut StdRng,
) -> StoreResult<()> {
    let (reason, statement) = match kind {
        LossKind::Invalid => [
            (LossReason::NotDecorating, "房子打算出租，暂时不装修了"),
            (LossReason::BudgetTooLow, "预算只有三万左右，想简单刷墙"),
        ][rng.gen_range(0..2)],
        LossKind::FailedSigning => [
            (LossReason::Price, "别家报价便宜两万，已经签了"),
            (LossReason::Competition, "朋友介绍的装修队，已经开工"),
            (LossReason::Service, "设计方案改了三次还不满意"),
        ][rng.gen_range(0..3)],
    };
    lead.clock += Duration::days(rng.gen_range(1..4));
    let cm = &deco.customer_managers[1];
    let record = at_time(
        lead.clock,
        progress::report_loss(
            db,
            cm,
            lead.id,
            lead.version,
            ReportLoss {
                kind,
                reason,
                customer_statement: statement.into(),
            },
        ),
    )
    .await?;
    lead.version = record.lead.version;
    if confirm {
        lead.clock += Duration::days(1);
        let record = at_time(
            lead.clock,
            progress::confirm(
                db,
                &deco.design_manager,
                lead.id,
                lead.version,
                true,
                "二次回访客户，确认跑单".into(),
            ),
        )
        .await?;
        lead.version = record.lead.version;
    }
    Ok(())
}

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
async fn works<C: sea_orm::ConnectionTrait + sea_orm::TransactionTrait>(
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
        let started = at_time(
            clock,
            crate::works::visits::start_stage(db, cm, id, version, stage),
        )
        .await?;
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
                crate::works::visits::visit(db, visitor, id, version, visit("aftercare", Satisfaction::VerySatisfied, vec![])),
            )
            .await?;
            version = visited.works.version;
        }
    }
    Ok(())
}
