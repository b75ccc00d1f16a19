//! Stages and their visits: starting a stage schedules its visit; the visit records satisfaction,
//! the inspector's presence and the designer's briefing; issues open cases (through the case
//! intake) linked to the works, and a dissatisfied visit opens a major complaint. The completion
//! visit hands the works over: the warranty starts and aftercare visits are scheduled.

use chrono::{DateTime, Duration, Utc};
use huiyin_domain::case::{CaseKind, Channel, Satisfaction, Severity};
use huiyin_domain::decoration::works::{
    aftercare_visits, escalates, warranty_until, IssueKind, StageStatus, WorksStatus, COMPLETION,
};
use huiyin_domain::time::business_day;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set, TransactionTrait,
};
use uuid::Uuid;

use super::{find_visible, record, WorksRecord};
use crate::cases::create::{self as case_create, CreateCase};
use crate::entity::{category, works, works_stage, works_visit};
use crate::leads::settings;
use crate::validate::{optional, required};
use crate::wire::Wire;
use crate::{new_id, now, Actor, StoreError, StoreResult};

/// Aftercare visits after completion are recorded against this stage name.
pub const AFTERCARE: &str = "aftercare";

async fn load_for_change(
    txn: &impl ConnectionTrait,
    actor: &Actor,
    id: Uuid,
    expected_version: i32,
) -> StoreResult<works::Model> {
    let current = find_visible(txn, actor, id).await?;
    if current.version != expected_version {
        return Err(StoreError::Stale {
            current: current.version,
        });
    }
    Ok(current)
}

async fn stage_of(txn: &impl ConnectionTrait, works_id: Uuid, name: &str) -> StoreResult<works_stage::Model> {
    works_stage::Entity::find()
        .filter(works_stage::Column::WorksId.eq(works_id))
        .filter(works_stage::Column::Name.eq(name))
        .one(txn)
        .await?
        .ok_or_else(|| StoreError::invalid("stage", "not a stage of this works"))
}

async fn bump(
    txn: &impl ConnectionTrait,
    current: works::Model,
    status: Option<WorksStatus>,
) -> StoreResult<works::Model> {
    let version = current.version + 1;
    let mut model = current.into_active_model();
    if let Some(status) = status {
        model.status = Set(Wire(status));
    }
    model.version = Set(version);
    model.updated_at = Set(now());
    Ok(model.update(txn).await?)
}

/// Starts a stage: its visit is due within the configured days.
pub async fn start_stage<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    expected_version: i32,
    stage: &str,
) -> StoreResult<WorksRecord> {
    let txn = db.begin().await?;
    let current = load_for_change(&txn, actor, id, expected_version).await?;
    let row = stage_of(&txn, id, stage).await?;
    if row.status.0 != StageStatus::Pending {
        return Err(StoreError::conflict("stage", format!("{stage} has already started")));
    }
    let (config, _) = settings::get(&txn).await?;
    let at = now();
    let due = at + Duration::days(i64::from(config.stage_visit_days));
    let mut model = row.into_active_model();
    model.status = Set(Wire(StageStatus::Started));
    model.started_at = Set(Some(at));
    model.visit_due_at = Set(Some(due));
    model.update(&txn).await?;
    schedule(&txn, id, stage, due).await?;
    let status = (current.status.0 == WorksStatus::Planned).then_some(WorksStatus::UnderConstruction);
    let saved = bump(&txn, current, status).await?;
    let result = record(&txn, saved).await?;
    txn.commit().await?;
    Ok(result)
}

async fn schedule(
    txn: &impl ConnectionTrait,
    works_id: Uuid,
    stage: &str,
    due: chrono::DateTime<chrono::Utc>,
) -> StoreResult<()> {
    works_visit::ActiveModel {
        id: Set(new_id()),
        works_id: Set(works_id),
        stage: Set(stage.to_owned()),
        due_at: Set(due),
        done_at: Set(None),
        visitor_id: Set(None),
        satisfaction: Set(None),
        inspector_present: Set(None),
        briefing_clear: Set(None),
        designer_satisfaction: Set(None),
        issues: Set(None),
        case_id: Set(None),
        created_at: Set(now()),
    }
    .insert(txn)
    .await?;
    Ok(())
}

#[derive(Debug, Clone)]
pub struct VisitIssue {
    pub kind: IssueKind,
    pub description: String,
}

#[derive(Debug, Clone)]
pub struct StageVisit {
    pub stage: String,
    pub satisfaction: Satisfaction,
    pub inspector_present: bool,
    pub briefing_clear: Option<bool>,
    /// At completion: how satisfied the customer is with the designer.
    pub designer_satisfaction: Option<Satisfaction>,
    pub note: Option<String>,
    pub issues: Vec<VisitIssue>,
}

/// Marks the works' stage visited; an aftercare visit needs completed works instead.
async fn mark_visited(
    txn: &impl ConnectionTrait,
    current: &works::Model,
    stage: &str,
    at: DateTime<Utc>,
) -> StoreResult<()> {
    if stage == AFTERCARE {
        if current.status.0 != WorksStatus::Completed {
            return Err(StoreError::conflict("stage", "aftercare visits follow completion"));
        }
        return Ok(());
    }
    let row = stage_of(txn, current.id, stage).await?;
    if row.status.0 == StageStatus::Pending {
        return Err(StoreError::conflict("stage", format!("{stage} has not started")));
    }
    let mut model = row.into_active_model();
    model.status = Set(Wire(StageStatus::Visited));
    model.visited_at = Set(Some(at));
    model.update(txn).await?;
    Ok(())
}

/// The scheduled visit of this stage not done yet, or a new one due now.
async fn visit_row(
    txn: &impl ConnectionTrait,
    works_id: Uuid,
    stage: &str,
    at: DateTime<Utc>,
) -> StoreResult<works_visit::ActiveModel> {
    let due = works_visit::Entity::find()
        .filter(works_visit::Column::WorksId.eq(works_id))
        .filter(works_visit::Column::Stage.eq(stage))
        .filter(works_visit::Column::DoneAt.is_null())
        .one(txn)
        .await?;
    Ok(match due {
        Some(scheduled) => scheduled.into_active_model(),
        None => works_visit::ActiveModel {
            id: Set(new_id()),
            works_id: Set(works_id),
            stage: Set(stage.to_owned()),
            due_at: Set(at),
            created_at: Set(at),
            ..Default::default()
        },
    })
}

/// Records a stage (or aftercare) visit.
pub async fn visit<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    expected_version: i32,
    input: StageVisit,
) -> StoreResult<WorksRecord> {
    let note = optional("note", input.note.as_deref(), 2000)?;
    let mut issues = Vec::with_capacity(input.issues.len());
    for (i, issue) in input.issues.iter().enumerate() {
        issues.push((
            issue.kind,
            required(&format!("issues[{i}].description"), &issue.description, 2000)?,
        ));
    }
    let txn = db.begin().await?;
    let current = load_for_change(&txn, actor, id, expected_version).await?;
    let at = now();
    mark_visited(&txn, &current, &input.stage, at).await?;
    let mut opened = Vec::new();
    for (kind, description) in &issues {
        let case = open_case(&txn, actor, &current, *kind, Severity::Normal, description).await?;
        super::warranty::link(&txn, case, id, "visit_issue").await?;
        opened.push(case);
    }
    if escalates(input.satisfaction) {
        let text = format!(
            "{} 阶段回访不满意{}",
            input.stage,
            note.as_deref().map(|n| format!("：{n}")).unwrap_or_default()
        );
        let case = open_case(&txn, actor, &current, IssueKind::Engineering, Severity::Major, &text).await?;
        super::warranty::link(&txn, case, id, "dissatisfied_visit").await?;
        opened.push(case);
    }
    let issues_text = if issues.is_empty() {
        note.clone()
    } else {
        Some(
            issues
                .iter()
                .map(|(k, d)| format!("[{k}] {d}"))
                .collect::<Vec<_>>()
                .join("\n"),
        )
    };
    let mut row = visit_row(&txn, id, &input.stage, at).await?;
    row.done_at = Set(Some(at));
    row.visitor_id = Set(Some(actor.user_id));
    row.satisfaction = Set(Some(Wire(input.satisfaction)));
    row.inspector_present = Set(Some(input.inspector_present));
    row.briefing_clear = Set(input.briefing_clear);
    row.designer_satisfaction = Set(input.designer_satisfaction.map(Wire));
    row.issues = Set(issues_text);
    row.case_id = Set(opened.first().copied());
    row.save(&txn).await?;
    let saved = if input.stage == COMPLETION && current.status.0 != WorksStatus::Completed {
        complete(&txn, current).await?
    } else {
        bump(&txn, current, None).await?
    };
    let result = record(&txn, saved).await?;
    txn.commit().await?;
    Ok(result)
}

/// Completion accepted: the warranty runs from today, aftercare visits every 2 months for a year.
async fn complete(txn: &impl ConnectionTrait, current: works::Model) -> StoreResult<works::Model> {
    let (config, _) = settings::get(txn).await?;
    let at = now();
    let today = business_day(at);
    for due in aftercare_visits(at) {
        schedule(txn, current.id, AFTERCARE, due).await?;
    }
    let version = current.version + 1;
    let mut model = current.into_active_model();
    model.status = Set(Wire(WorksStatus::Completed));
    model.completed_on = Set(Some(today));
    model.warranty_until = Set(Some(warranty_until(today, config.warranty_years)));
    model.version = Set(version);
    model.updated_at = Set(at);
    Ok(model.update(txn).await?)
}

/// Registers a case about the works through the case intake; returns its id.
async fn open_case(
    txn: &impl ConnectionTrait,
    actor: &Actor,
    works: &works::Model,
    kind: IssueKind,
    severity: Severity,
    description: &str,
) -> StoreResult<Uuid> {
    let category = category::Entity::find()
        .filter(category::Column::Code.eq(kind.category_code()))
        .one(txn)
        .await?;
    let case_kind = if kind == IssueKind::Repair {
        CaseKind::Repair
    } else {
        CaseKind::Complaint
    };
    let title: String = format!("装修工程回访：{}", description.chars().take(40).collect::<String>());
    let case = case_create::create(
        txn,
        actor,
        CreateCase {
            kind: case_kind,
            channel: Channel::Phone,
            category_id: category.filter(|c| c.active).map(|c| c.id),
            severity,
            customer_id: Some(works.customer_id),
            customer: None,
            property_id: works.property_id,
            project_id: Some(works.project_id),
            title,
            description: format!("{description}\n（工程地址：{}）", works.address),
            reported_at: None,
            area_id: None,
            steward_visit_id: None,
        },
    )
    .await?;
    Ok(case.id)
}

/// Records the customer archive after completion: warranty card issued, warranty deposit (质保金).
pub async fn archive<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    expected_version: i32,
    warranty_card_issued: bool,
    warranty_deposit_fen: Option<i64>,
) -> StoreResult<WorksRecord> {
    if warranty_deposit_fen.is_some_and(|f| f < 0) {
        return Err(StoreError::invalid("warranty_deposit", "must not be negative"));
    }
    let txn = db.begin().await?;
    let current = load_for_change(&txn, actor, id, expected_version).await?;
    let version = current.version + 1;
    let mut model = current.into_active_model();
    model.warranty_card_issued = Set(warranty_card_issued);
    model.warranty_deposit_fen = Set(warranty_deposit_fen);
    model.version = Set(version);
    model.updated_at = Set(now());
    let saved = model.update(&txn).await?;
    let result = record(&txn, saved).await?;
    txn.commit().await?;
    Ok(result)
}
