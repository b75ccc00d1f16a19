//! Demo data for `make run`: two estates, accounts for every role, a customer archive and a
//! month of cases replayed through the real code paths (so numbers, timelines, work orders and
//! visits are exactly what the live system would have written).

use chrono::{DateTime, Duration, Utc};
use huiyin_domain::case::{CaseKind, Channel, ReplyMethod, Satisfaction, Severity};
use huiyin_domain::customer::Relation;
use huiyin_domain::role::Role;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionTrait};
use uuid::Uuid;

use crate::cases::actions::{
    self, ActionInput, CloseOnSpot, DispatchCase, ReplyCase, ResolveCase, VerifyCase, VisitCase,
};
use crate::cases::create::{self, CreateCase};
use crate::customers::{self, CreateCustomer, CustomerPropertyInput};
use crate::entity::{area, case, property};
use crate::org::areas::{self, CreateArea, UpdateArea};
use crate::org::departments::{self, CreateDepartment};
use crate::org::import::import_properties;
use crate::org::projects::{self, CreateProject};
use crate::org::users::{self, CreateUser};
use crate::{at_time, categories, Actor, StoreError, StoreResult};

/// Password of every demo account except `admin`.
pub const DEMO_PASSWORD: &str = "huiyin123";

/// The demo resident's login phone (password [`DEMO_PASSWORD`]).
pub const DEMO_RESIDENT_PHONE: &str = "13800138000";

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗",
    "高",
];
const GIVEN: &[&str] = &[
    "建国", "秀英", "伟", "芳", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超",
    "霞", "平", "刚", "桂英",
];

/// (kind, category code, department, title, description, severity weight for `major`)
const TEMPLATES: &[(CaseKind, &str, &str, &str, &str)] = &[
    (
        CaseKind::Repair,
        "repair.plumbing_electric",
        "工程部",
        "卫生间漏水",
        "卫生间天花板渗水，楼下邻居反映墙面发霉，请尽快上门查看。",
    ),
    (
        CaseKind::Repair,
        "repair.plumbing_electric",
        "工程部",
        "厨房下水道堵塞",
        "厨房水槽下水很慢，已自行疏通无效。",
    ),
    (
        CaseKind::Repair,
        "repair.plumbing_electric",
        "工程部",
        "家中跳闸断电",
        "晚上用电高峰时总闸频繁跳闸，怀疑线路老化。",
    ),
    (
        CaseKind::Repair,
        "repair.doors_windows",
        "工程部",
        "入户门锁损坏",
        "入户门锁芯卡住，钥匙无法转动。",
    ),
    (
        CaseKind::Repair,
        "repair.doors_windows",
        "工程部",
        "窗户密封条脱落",
        "卧室窗户密封条脱落，下雨时有雨水渗入。",
    ),
    (
        CaseKind::Repair,
        "repair.public_facilities",
        "工程部",
        "电梯异响",
        "单元电梯运行时有明显异响，老人小孩不敢乘坐。",
    ),
    (
        CaseKind::Repair,
        "repair.public_facilities",
        "工程部",
        "楼道灯不亮",
        "楼道声控灯坏了一周，晚上回家很不方便。",
    ),
    (
        CaseKind::Complaint,
        "complaint.noise",
        "秩序部",
        "楼上装修噪音扰民",
        "楼上装修每天早上七点就开始电钻作业，违反装修管理规定。",
    ),
    (
        CaseKind::Complaint,
        "complaint.parking",
        "秩序部",
        "车位被占用",
        "本人购买的固定车位经常被外来车辆占用，保安未及时处理。",
    ),
    (
        CaseKind::Complaint,
        "complaint.service_attitude",
        "客服部",
        "前台服务态度差",
        "到前台办理业务时工作人员态度冷淡，未给予解释。",
    ),
    (
        CaseKind::Complaint,
        "complaint.fees",
        "客服部",
        "物业费收费标准有疑问",
        "本月物业费账单比上月多出五十元，未收到任何通知。",
    ),
    (
        CaseKind::Complaint,
        "complaint.engineering",
        "工程部",
        "外墙渗水维修后复发",
        "外墙渗水上月已维修，本周下雨后再次渗水。",
    ),
    (
        CaseKind::Complaint,
        "service.cleaning",
        "环境部",
        "垃圾清运不及时",
        "楼下垃圾桶已满溢两天无人清运，气味很大。",
    ),
    (
        CaseKind::Inquiry,
        "service.information",
        "客服部",
        "咨询装修审批流程",
        "想了解装修需要提交哪些材料，审批需要几天。",
    ),
    (
        CaseKind::Inquiry,
        "service.information",
        "客服部",
        "咨询停车月卡办理",
        "请问停车月卡如何办理，费用是多少。",
    ),
    (
        CaseKind::Inquiry,
        "complaint.fees",
        "客服部",
        "咨询物业费缴纳方式",
        "是否可以通过微信缴纳物业费。",
    ),
    (
        CaseKind::Suggestion,
        "service.greening",
        "绿化部",
        "建议增加儿童游乐设施",
        "小区中心花园可以增设儿童滑梯和沙池。",
    ),
    (
        CaseKind::Suggestion,
        "service.security",
        "秩序部",
        "建议夜间加强巡逻",
        "最近小区有陌生人出入，建议夜间增加巡逻频次。",
    ),
    (
        CaseKind::Praise,
        "service.other",
        "客服部",
        "表扬维修师傅",
        "王师傅维修认真负责，处理完还帮忙打扫了现场。",
    ),
    (
        CaseKind::Praise,
        "service.cleaning",
        "环境部",
        "表扬保洁阿姨",
        "赵阿姨每天把楼道打扫得很干净。",
    ),
    (
        CaseKind::Incident,
        "service.security",
        "秩序部",
        "地下车库积水",
        "暴雨后地下车库B2层积水约十厘米。",
    ),
    (
        CaseKind::Incident,
        "repair.public_facilities",
        "工程部",
        "消防通道被堵",
        "3栋消防通道堆放了大量装修垃圾。",
    ),
];

fn channel_for(rng: &mut StdRng) -> Channel {
    match rng.gen_range(0..100) {
        0..=54 => Channel::Phone,
        55..=69 => Channel::WalkIn,
        70..=84 => Channel::App,
        85..=90 => Channel::Wechat,
        91..=94 => Channel::Web,
        95..=97 => Channel::Letter,
        _ => Channel::Email,
    }
}

struct Demo {
    admin: Actor,
    agents: Vec<Actor>,
    supervisor: Actor,
    handlers: Vec<(String, Actor)>,
    departments: Vec<(String, Uuid)>,
}

pub(crate) async fn account<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    username: &str,
    password: &str,
    name: &str,
    role: Role,
    department_id: Option<Uuid>,
    project_ids: &[Uuid],
) -> StoreResult<Actor> {
    let created = users::insert_demo_user(
        db,
        CreateUser {
            username: username.into(),
            password: password.into(),
            display_name: name.into(),
            role,
            phone: None,
            department_id,
            project_ids: project_ids.to_vec(),
        },
    )
    .await?;
    Actor::load(db, created.user.id).await?.ok_or(StoreError::NotFound)
}

/// Fills an empty database. `admin_password` is the demo admin's password.
pub async fn seed_demo<C: ConnectionTrait + TransactionTrait>(db: &C, admin_password: &str) -> StoreResult<()> {
    categories::ensure_defaults(db).await?;
    let mut rng = StdRng::seed_from_u64(20_261_126);
    let admin = account(db, "admin", admin_password, "系统管理员", Role::Admin, None, &[]).await?;

    let mut project_ids = Vec::new();
    for (name, code, address, buildings) in [
        ("翠湖花园", "CHHY", "深圳市南山区翠湖路88号", 6),
        ("锦绣江南", "JXJN", "深圳市福田区锦绣路16号", 4),
    ] {
        let project = projects::create(
            db,
            CreateProject {
                name: name.into(),
                code: code.into(),
                address: address.into(),
            },
        )
        .await?;
        for (area_name, area_code) in [("一片区", "A1"), ("二片区", "A2")] {
            areas::create(
                db,
                &admin,
                CreateArea {
                    project_id: project.id,
                    name: area_name.into(),
                    code: Some(area_code.into()),
                    steward_id: None,
                },
            )
            .await?;
        }
        let mut csv = String::from("building,unit,room,area_code\n");
        for building in 1..=buildings {
            for unit in 1..=2 {
                for floor in 1..=18 {
                    for door in 1..=2 {
                        let area = if building <= buildings / 2 { "A1" } else { "A2" };
                        csv.push_str(&format!("{building}栋,{unit}单元,{floor}{door:02},{area}\n"));
                    }
                }
            }
        }
        import_properties(db, &admin, project.id, &csv).await?;
        project_ids.push(project.id);
    }

    let mut departments = Vec::new();
    for (name, kind) in [
        ("客服部", "customer_service"),
        ("工程部", "engineering"),
        ("秩序部", "security"),
        ("环境部", "cleaning"),
        ("绿化部", "greening"),
    ] {
        let d = departments::create(
            db,
            CreateDepartment {
                name: name.into(),
                kind: kind.into(),
            },
        )
        .await?;
        departments.push((name.to_owned(), d.id));
    }
    let dept = |name: &str| departments.iter().find(|(n, _)| n == name).map(|(_, id)| *id);

    account(
        db,
        "manager",
        DEMO_PASSWORD,
        "周经理",
        Role::Manager,
        dept("客服部"),
        &project_ids,
    )
    .await?;
    let supervisor = account(
        db,
        "supervisor",
        DEMO_PASSWORD,
        "吴主管",
        Role::Supervisor,
        dept("客服部"),
        &project_ids,
    )
    .await?;
    let agents = vec![
        account(
            db,
            "agent",
            DEMO_PASSWORD,
            "李客服",
            Role::Agent,
            dept("客服部"),
            &project_ids,
        )
        .await?,
        account(
            db,
            "agent2",
            DEMO_PASSWORD,
            "陈客服",
            Role::Agent,
            dept("客服部"),
            &project_ids,
        )
        .await?,
    ];
    let steward = account(
        db,
        "steward",
        DEMO_PASSWORD,
        "张管家",
        Role::Steward,
        dept("客服部"),
        &project_ids[..1],
    )
    .await?;
    let first_area = area::Entity::find()
        .filter(area::Column::ProjectId.eq(project_ids[0]))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)?;
    areas::update(
        db,
        &admin,
        first_area.id,
        first_area.version,
        UpdateArea {
            steward_id: Some(steward.user_id),
            ..Default::default()
        },
    )
    .await?;
    let mut handlers = Vec::new();
    for (username, name, department) in [
        ("handler", "王师傅", "工程部"),
        ("security", "刘队长", "秩序部"),
        ("cleaning", "赵阿姨", "环境部"),
        ("greening", "孙师傅", "绿化部"),
        ("service", "何专员", "客服部"),
    ] {
        handlers.push((
            department.to_owned(),
            account(
                db,
                username,
                DEMO_PASSWORD,
                name,
                Role::Handler,
                dept(department),
                &project_ids,
            )
            .await?,
        ));
    }

    let properties = property::Entity::find().all(db).await?;
    let mut customer_ids = Vec::new();
    // A known resident with an app login, for trying the residents' API (see docs/resident-app.md).
    let home = &properties[0];
    let resident = customers::create(
        db,
        &admin,
        CreateCustomer {
            name: "王建国".into(),
            phones: vec![DEMO_RESIDENT_PHONE.into()],
            properties: vec![CustomerPropertyInput {
                property_id: home.id,
                relation: Relation::Owner,
            }],
            tags: vec![],
            notes: None,
            project_id: None,
            ..Default::default()
        },
    )
    .await?;
    let issued = crate::residents::accounts::issue(
        db,
        &admin,
        resident.customer.id,
        crate::residents::accounts::IssueAccount { phone: None },
        Duration::hours(1),
    )
    .await?;
    crate::residents::accounts::activate_unchecked(db, &issued.phone, &issued.code, DEMO_PASSWORD).await?;
    customer_ids.push((resident.customer.id, home.id));
    for i in 0..160 {
        let p = &properties[rng.gen_range(0..properties.len())];
        let name = format!(
            "{}{}",
            SURNAMES[rng.gen_range(0..SURNAMES.len())],
            GIVEN[rng.gen_range(0..GIVEN.len())]
        );
        let phone = format!("13{}{:08}", rng.gen_range(0..10), 10_000_000 + i * 7919 % 90_000_000);
        let relation = match rng.gen_range(0..10) {
            0..=6 => Relation::Owner,
            7..=8 => Relation::Tenant,
            _ => Relation::Family,
        };
        let tags = if rng.gen_bool(0.08) {
            vec!["VIP".to_owned()]
        } else {
            vec![]
        };
        let created = customers::create(
            db,
            &admin,
            CreateCustomer {
                name,
                phones: vec![phone],
                properties: vec![CustomerPropertyInput {
                    property_id: p.id,
                    relation,
                }],
                tags,
                notes: None,
                project_id: None,
                ..Default::default()
            },
        )
        .await?;
        customer_ids.push((created.customer.id, p.id));
    }

    let demo = Demo {
        admin,
        agents,
        supervisor,
        handlers,
        departments,
    };
    // The knowledge base first, so that inquiries closed on the spot can name their article.
    crate::knowledge::demo::seed(db, &demo.supervisor).await?;
    let real_now = Utc::now();
    let mut times: Vec<DateTime<Utc>> = (0..320)
        .map(|_| real_now - Duration::minutes(rng.gen_range(10..30 * 24 * 60)))
        .collect();
    times.sort();
    for at in times {
        let template = &TEMPLATES[rng.gen_range(0..TEMPLATES.len())];
        let (customer_id, property_id) = customer_ids[rng.gen_range(0..customer_ids.len())];
        replay_case(db, &demo, &mut rng, template, customer_id, property_id, at, real_now).await?;
    }
    crate::seed_arrears::seed(db, &demo.admin, &steward, first_area.id, &demo.agents[0], &project_ids).await?;
    let engineering = demo.departments.iter().find(|(n, _)| n == "工程部").map(|(_, id)| *id);
    crate::seed_decoration::seed(db, &demo.admin, engineering, &mut rng).await?;
    Ok(())
}

/// One case moving through its handling loop, each step a little later than the one before;
/// the replay stops at the real present (or earlier, for work still in hand).
struct Replay {
    id: Uuid,
    version: i32,
    clock: DateTime<Utc>,
    steps: usize,
    stop_after: usize,
    real_now: DateTime<Utc>,
}

impl Replay {
    async fn step<C: ConnectionTrait + TransactionTrait>(
        &mut self,
        db: &C,
        actor: &Actor,
        minutes: i64,
        input: ActionInput,
    ) -> StoreResult<bool> {
        self.clock += Duration::minutes(minutes);
        if self.clock >= self.real_now || self.steps >= self.stop_after {
            return Ok(false);
        }
        self.steps += 1;
        let saved: case::Model = at_time(self.clock, actions::perform(db, actor, self.id, self.version, input)).await?;
        self.version = saved.version;
        Ok(true)
    }
}

#[allow(clippy::too_many_arguments)]
async fn replay_case<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    demo: &Demo,
    rng: &mut StdRng,
    template: &(CaseKind, &str, &str, &str, &str),
    customer_id: Uuid,
    property_id: Uuid,
    at: DateTime<Utc>,
    real_now: DateTime<Utc>,
) -> StoreResult<()> {
    let (kind, category_code, department, title, description) = *template;
    let agent = &demo.agents[rng.gen_range(0..demo.agents.len())];
    let category = categories::find_by_code(db, category_code).await?.map(|c| c.id);
    let severity = match rng.gen_range(0..100) {
        0..=4 => Severity::Urgent,
        5..=14 => Severity::Major,
        _ => Severity::Normal,
    };
    let input = CreateCase {
        kind,
        channel: channel_for(rng),
        category_id: category,
        severity,
        customer_id: Some(customer_id),
        customer: None,
        property_id: Some(property_id),
        project_id: None,
        title: title.into(),
        description: description.into(),
        reported_at: None,
        area_id: None,
        steward_visit_id: None,
    };
    let created = at_time(at, async {
        let txn = db.begin().await?;
        let created = create::create(&txn, agent, input).await?;
        txn.commit().await?;
        Ok::<_, StoreError>(created)
    })
    .await?;
    // Work of the last days is often still in hand: stop some of it part-way.
    let recent = real_now - at < Duration::days(3);
    let stop_after = if recent && rng.gen_bool(0.5) {
        rng.gen_range(0..5)
    } else {
        usize::MAX
    };
    let mut replay = Replay {
        id: created.id,
        version: created.version,
        clock: at,
        steps: 0,
        stop_after,
        real_now,
    };
    macro_rules! step {
        ($actor:expr, $minutes:expr, $input:expr) => {
            if !replay.step(db, $actor, $minutes, $input).await? {
                return Ok(());
            }
        };
    }
    // A complaint is verified before it is dispatched (the projects' default process, issue #19).
    let must_verify = kind == huiyin_domain::case::CaseKind::Complaint;
    if must_verify || rng.gen_bool(0.6) {
        step!(
            agent,
            rng.gen_range(5..60),
            ActionInput::Verify(VerifyCase {
                note: "已电话联系业主核实情况属实。".into()
            })
        );
    }
    if kind.may_close_on_spot() && rng.gen_bool(0.7) {
        // The agent answers from the article the title suggests, when there is one.
        let suggested = crate::knowledge::search::suggest(db, agent, title, None, 1).await?;
        step!(
            agent,
            3,
            ActionInput::CloseOnSpot(CloseOnSpot {
                answer: "已在电话中详细解答，业主表示清楚。".into(),
                article_id: suggested.first().map(|hit| hit.record.article.id),
            })
        );
        return Ok(());
    }
    if rng.gen_bool(0.04) {
        step!(
            &demo.supervisor,
            20,
            ActionInput::Cancel(actions::CancelCase {
                reason: huiyin_domain::case::CancelReason::Withdrawn,
                duplicate_of: None,
                note: Some("业主来电撤回。".into())
            })
        );
        return Ok(());
    }
    let department_id = demo
        .departments
        .iter()
        .find(|(n, _)| n == department)
        .map(|(_, id)| *id)
        .unwrap_or(demo.departments[0].1);
    let handler = demo
        .handlers
        .iter()
        .find(|(d, _)| d == department)
        .map(|(_, a)| a)
        .unwrap_or(&demo.admin);
    // The supervisor dispatches complaints (`dispatch_by: supervisor`); other kinds either.
    let dispatcher = if must_verify || rng.gen_bool(0.5) {
        &demo.supervisor
    } else {
        agent
    };
    step!(
        dispatcher,
        rng.gen_range(10..90),
        ActionInput::Dispatch(DispatchCase {
            department_id,
            assignee_id: Some(handler.user_id),
            due_at: None,
            note: None
        })
    );
    let mut rounds = 0;
    loop {
        rounds += 1;
        step!(handler, rng.gen_range(20..240), ActionInput::Accept);
        step!(
            handler,
            rng.gen_range(60..2400),
            ActionInput::Resolve(ResolveCase {
                result: "已上门处理完毕，现场恢复正常。".into(),
                charge_amount: None,
                materials: None
            })
        );
        step!(
            agent,
            rng.gen_range(30..180),
            ActionInput::Reply(ReplyCase {
                content: "已电话告知业主处理结果。".into(),
                method: ReplyMethod::Phone
            })
        );
        if rng.gen_bool(0.1) {
            step!(
                agent,
                rng.gen_range(600..1440),
                ActionInput::Visit(VisitCase {
                    reached: false,
                    satisfaction: None,
                    comment: Some("电话无人接听。".into())
                })
            );
        }
        let satisfaction = match (rounds, rng.gen_range(0..100)) {
            (1, 0..=11) => Satisfaction::Dissatisfied,
            (1, 12..=14) => Satisfaction::VeryDissatisfied,
            (_, 0..=44) => Satisfaction::Satisfied,
            _ => Satisfaction::VerySatisfied,
        };
        let comment = if satisfaction.is_satisfied() {
            "业主对处理结果满意。"
        } else {
            "业主表示问题未彻底解决，要求二次整改。"
        };
        step!(
            agent,
            rng.gen_range(600..2880),
            ActionInput::Visit(VisitCase {
                reached: true,
                satisfaction: Some(satisfaction),
                comment: Some(comment.into())
            })
        );
        if satisfaction.is_satisfied() {
            return Ok(());
        }
    }
}
