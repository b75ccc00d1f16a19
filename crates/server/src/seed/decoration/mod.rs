//! Demo data of the decoration side (issue #18): one store (a project), its design manager, two
//! customer managers, designers of every grade, about 25 leads replayed through the real lead
//! pipeline over the last weeks (one designer already at today's daily cap), follow-ups, lost
//! leads awaiting confirmation, and three works at different stages — one completed more than
//! two years ago, so out of warranty.

use chrono::{DateTime, Duration, Utc};
use huiyin_domain::decoration::dispatch::DesignerLevel;
use huiyin_domain::decoration::lead::{Intent, LeadSource};
use huiyin_domain::role::Role;
use huiyin_store::leads::create::{self, NewLead, TransferSlip};
use huiyin_store::leads::designers::{self, DesignerProfile};
use huiyin_store::leads::dispatch::{self, DispatchLead};
use huiyin_store::org::departments::{self, CreateDepartment};
use huiyin_store::org::projects::{self, CreateProject};
use huiyin_store::{at_time, Actor, StoreResult};
use rand::rngs::StdRng;
use rand::Rng;
use uuid::Uuid;

use super::{account, DEMO_PASSWORD};

mod replay;
mod works;

use self::replay::replay;
use self::works::works;

/// Where a demo lead ends up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
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

const NAMES: [&str; 12] = ["陈", "林", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何"];
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

pub(super) struct Deco {
    pub(super) store: Uuid,
    pub(super) design_manager: Actor,
    pub(super) customer_managers: Vec<Actor>,
    /// The designer at today's daily cap.
    pub(super) capped: Uuid,
    pub(super) project_manager: Uuid,
    pub(super) site_supervisor: Uuid,
    pub(super) inspector: Uuid,
}

/// A lead under replay: its id and version, and the clock of its last step.
pub(super) struct Replayed {
    pub(super) id: Uuid,
    pub(super) version: i32,
    pub(super) designer: Option<Uuid>,
    pub(super) clock: DateTime<Utc>,
}

/// Seeds the decoration store; `engineering` is the engineering department (project managers).
pub(super) async fn seed<C: sea_orm::ConnectionTrait + sea_orm::TransactionTrait>(
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

pub(super) fn to(designer_id: Uuid, force_reason: Option<&str>) -> DispatchLead {
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
        customer_managers.push(account(db, username, DEMO_PASSWORD, name, Role::CustomerManager, None, &stores).await?);
    }
    let capped = designers(db, admin, design, &stores).await?;
    let mut staff = Vec::new();
    for (username, name) in [
        ("project_manager", "马项目经理"),
        ("site_supervisor", "冯监理"),
        ("inspector", "杜质检员"),
    ] {
        staff.push(
            account(db, username, DEMO_PASSWORD, name, Role::Handler, engineering, &stores)
                .await?
                .user_id,
        );
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

/// The designers of every grade, in two groups; answers the vice-director, who will be at
/// today's daily cap.
async fn designers<C: sea_orm::ConnectionTrait + sea_orm::TransactionTrait>(
    db: &C,
    admin: &Actor,
    design: Uuid,
    stores: &[Uuid],
) -> StoreResult<Option<Uuid>> {
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
        let designer = account(db, username, DEMO_PASSWORD, name, Role::Designer, Some(design), stores).await?;
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
    Ok(capped)
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
        customer_name: format!(
            "{}{}",
            NAMES[i % NAMES.len()],
            if i.is_multiple_of(2) { "先生" } else { "女士" }
        ),
        customer_phone: format!("1380755{:04}", 1000 + i * 37),
        address: format!(
            "{estate} {}栋 {}{:02}",
            rng.gen_range(1..12),
            rng.gen_range(3..30),
            rng.gen_range(1..5)
        ),
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
        intent: if i.is_multiple_of(4) {
            Intent::ValidIntent
        } else {
            Intent::Intent
        },
    };
    let record = at_time(at, create::create(db, cm, input)).await?;
    Ok(Replayed {
        id: record.lead.id,
        version: record.lead.version,
        designer: None,
        clock: at,
    })
}
