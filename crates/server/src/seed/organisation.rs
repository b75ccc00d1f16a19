//! The demo organisation: two estates (projects) with two areas each and their rooms, five
//! departments, and an account for every staff role; the steward looks after the first area.

use huiyin_domain::role::Role;
use huiyin_store::org::areas::{self, CreateArea, UpdateArea};
use huiyin_store::org::departments::{self, CreateDepartment};
use huiyin_store::org::import::import_properties;
use huiyin_store::org::projects::{self, CreateProject};
use huiyin_store::org::properties::{self, ListProperties};
use huiyin_store::{Actor, StoreError, StoreResult};
use sea_orm::{ConnectionTrait, TransactionTrait};
use uuid::Uuid;

use super::{account, DEMO_PASSWORD};

/// (name, code, address, buildings)
const ESTATES: [(&str, &str, &str, u32); 2] = [
    ("翠湖花园", "CHHY", "深圳市南山区翠湖路88号", 6),
    ("锦绣江南", "JXJN", "深圳市福田区锦绣路16号", 4),
];

/// (name, kind)
const DEPARTMENTS: [(&str, &str); 5] = [
    ("客服部", "customer_service"),
    ("工程部", "engineering"),
    ("秩序部", "security"),
    ("环境部", "cleaning"),
    ("绿化部", "greening"),
];

/// The handlers, one per department: (username, name, department).
const HANDLERS: [(&str, &str, &str); 5] = [
    ("handler", "王师傅", "工程部"),
    ("security", "刘队长", "秩序部"),
    ("cleaning", "赵阿姨", "环境部"),
    ("greening", "孙师傅", "绿化部"),
    ("service", "何专员", "客服部"),
];

/// Who and what the rest of the demo works with.
pub(super) struct Organisation {
    pub(super) admin: Actor,
    pub(super) project_ids: Vec<Uuid>,
    /// (name, id)
    pub(super) departments: Vec<(String, Uuid)>,
    pub(super) supervisor: Actor,
    pub(super) agents: Vec<Actor>,
    pub(super) steward: Actor,
    /// The first project's first area, which the steward looks after.
    pub(super) steward_area: Uuid,
    /// (department name, handler)
    pub(super) handlers: Vec<(String, Actor)>,
}

impl Organisation {
    pub(super) fn department(&self, name: &str) -> Option<Uuid> {
        department_id(&self.departments, name)
    }
}

fn department_id(departments: &[(String, Uuid)], name: &str) -> Option<Uuid> {
    departments.iter().find(|(n, _)| n == name).map(|(_, id)| *id)
}

/// Creates the organisation, in the order the demo's ids (time-ordered) have always had.
pub(super) async fn create<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    admin_password: &str,
) -> StoreResult<Organisation> {
    let admin = account(db, "admin", admin_password, "系统管理员", Role::Admin, None, &[]).await?;
    let mut project_ids = Vec::new();
    for estate in ESTATES {
        project_ids.push(estate_with_rooms(db, &admin, estate).await?);
    }
    let mut departments = Vec::new();
    for (name, kind) in DEPARTMENTS {
        let input = CreateDepartment {
            name: name.into(),
            kind: kind.into(),
        };
        departments.push((name.to_owned(), departments::create(db, input).await?.id));
    }
    let office = office_staff(db, &departments, &project_ids).await?;
    let steward_area = assign_steward(db, &admin, &office.steward, project_ids[0]).await?;
    let mut handlers = Vec::new();
    for (username, name, department) in HANDLERS {
        let handler = staff(
            db,
            &departments,
            (username, name, Role::Handler, department),
            &project_ids,
        )
        .await?;
        handlers.push((department.to_owned(), handler));
    }
    Ok(Organisation {
        admin,
        project_ids,
        departments,
        supervisor: office.supervisor,
        agents: office.agents,
        steward: office.steward,
        steward_area,
        handlers,
    })
}

/// A project, its two areas and its rooms (two units of 18 floors, two doors a floor, per
/// building; the first half of the buildings in the first area).
async fn estate_with_rooms<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    admin: &Actor,
    (name, code, address, buildings): (&str, &str, &str, u32),
) -> StoreResult<Uuid> {
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
        let input = CreateArea {
            project_id: project.id,
            name: area_name.into(),
            code: Some(area_code.into()),
            steward_id: None,
        };
        areas::create(db, admin, input).await?;
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
    import_properties(db, admin, project.id, &csv).await?;
    Ok(project.id)
}

/// An account of the demo password in one of the departments: (username, name, role, department).
async fn staff<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    departments: &[(String, Uuid)],
    (username, name, role, department): (&str, &str, Role, &str),
    project_ids: &[Uuid],
) -> StoreResult<Actor> {
    let department_id = department_id(departments, department);
    account(db, username, DEMO_PASSWORD, name, role, department_id, project_ids).await
}

/// The customer-service office besides its manager.
struct Office {
    supervisor: Actor,
    agents: Vec<Actor>,
    steward: Actor,
}

/// The customer-service office: manager, supervisor, two agents and the first estate's steward.
async fn office_staff<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    departments: &[(String, Uuid)],
    all: &[Uuid],
) -> StoreResult<Office> {
    staff(db, departments, ("manager", "周经理", Role::Manager, "客服部"), all).await?;
    let supervisor = staff(
        db,
        departments,
        ("supervisor", "吴主管", Role::Supervisor, "客服部"),
        all,
    )
    .await?;
    let mut agents = Vec::new();
    for (username, name) in [("agent", "李客服"), ("agent2", "陈客服")] {
        agents.push(staff(db, departments, (username, name, Role::Agent, "客服部"), all).await?);
    }
    let steward = staff(
        db,
        departments,
        ("steward", "张管家", Role::Steward, "客服部"),
        &all[..1],
    )
    .await?;
    Ok(Office {
        supervisor,
        agents,
        steward,
    })
}

/// Makes `steward` the steward of the project's first area; returns that area.
async fn assign_steward<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    admin: &Actor,
    steward: &Actor,
    project_id: Uuid,
) -> StoreResult<Uuid> {
    let first = areas::list(db, admin, Some(project_id), Some(1), None)
        .await?
        .items
        .into_iter()
        .next()
        .ok_or(StoreError::NotFound)?;
    let update = UpdateArea {
        steward_id: Some(steward.user_id),
        ..Default::default()
    };
    areas::update(db, admin, first.id, first.version, update).await?;
    Ok(first.id)
}

/// A room (property) of the demo estates.
pub(super) struct Room {
    pub(super) id: Uuid,
    pub(super) building: String,
}

/// The rooms of a project (or of every project), in the order they were created (ids are
/// time-ordered).
pub(super) async fn rooms(
    db: &impl ConnectionTrait,
    admin: &Actor,
    project_id: Option<Uuid>,
) -> StoreResult<Vec<Room>> {
    let mut rooms = Vec::new();
    let mut cursor = None;
    loop {
        let query = ListProperties {
            project_id,
            limit: Some(200),
            cursor,
            ..Default::default()
        };
        let page = properties::list(db, admin, query).await?;
        rooms.extend(page.items.into_iter().map(|p| Room {
            id: p.id,
            building: p.building,
        }));
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => return Ok(rooms),
        }
    }
}
