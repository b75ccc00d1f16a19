//! Routing rules: which department a category's cases go to, company-wide or for one
//! project, optionally only for a kind or a severity; the most specific rule proposes the
//! department at registration (`huiyin_domain::case::routing`) and, with `auto_dispatch`, the
//! system dispatches the case there at once ([`dispatch_on_registration`]).

use chrono::{DateTime, Utc};
use huiyin_domain::case::routing::{self, RouteQuery, RoutingRule};
use huiyin_domain::case::{CaseKind, Severity};
use sea_orm::sea_query::SimpleExpr;
use sea_orm::{ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

use crate::cache::{self, Topic};
use crate::cases::actions::{ActionInput, DispatchCase};
use crate::entity::{case, category, project, routing_rule};
use crate::wire::Wire;
use crate::{new_id, now, Actor, StoreError, StoreResult};

/// A rule's settings, for a new rule or replacing one.
#[derive(Debug, Clone)]
pub struct RoutingRuleInput {
    /// The project the rule is for; `None` for every project.
    pub project_id: Option<Uuid>,
    pub category_id: Uuid,
    /// Only cases of this kind; `None` for every kind.
    pub kind: Option<CaseKind>,
    /// Only cases of this severity; `None` for every severity.
    pub severity: Option<Severity>,
    /// The department the cases go to.
    pub department_id: Uuid,
    /// Dispatch at registration (by the system) when the project does not verify such cases first.
    pub auto_dispatch: bool,
}

/// A rule as stored.
#[derive(Debug, Clone)]
pub struct RoutingRuleRecord {
    pub id: Uuid,
    pub project_id: Option<Uuid>,
    pub category_id: Uuid,
    pub kind: Option<CaseKind>,
    pub severity: Option<Severity>,
    pub department_id: Uuid,
    pub auto_dispatch: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

fn record(m: routing_rule::Model) -> RoutingRuleRecord {
    RoutingRuleRecord {
        id: m.id,
        project_id: m.project_id,
        category_id: m.category_id,
        kind: m.kind.map(|k| k.0),
        severity: m.severity.map(|s| s.0),
        department_id: m.department_id,
        auto_dispatch: m.auto_dispatch,
        created_at: m.created_at,
        updated_at: m.updated_at,
        version: m.version,
    }
}

pub fn rule_of(m: &routing_rule::Model) -> RoutingRule {
    RoutingRule {
        id: m.id,
        project_id: m.project_id,
        category_id: m.category_id,
        kind: m.kind.map(|k| k.0),
        severity: m.severity.map(|s| s.0),
        department_id: m.department_id,
        auto_dispatch: m.auto_dispatch,
    }
}

/// Company-wide rules and those of the actor's projects.
fn scope(actor: &Actor) -> Condition {
    match actor.project_filter() {
        None => Condition::all(),
        Some(projects) => Condition::any()
            .add(routing_rule::Column::ProjectId.is_null())
            .add(routing_rule::Column::ProjectId.is_in(projects.to_vec())),
    }
}

/// Which rules to list.
#[derive(Debug, Clone, Default)]
pub struct ListRoutingRules {
    /// Only the rules that apply to this project (its own and the company-wide ones).
    pub project_id: Option<Uuid>,
    pub category_id: Option<Uuid>,
}

/// The rules the actor sees, oldest first.
pub async fn list(
    db: &impl ConnectionTrait,
    actor: &Actor,
    q: &ListRoutingRules,
) -> StoreResult<Vec<RoutingRuleRecord>> {
    let mut select = routing_rule::Entity::find().filter(scope(actor));
    if let Some(project) = q.project_id {
        actor.require_project(project)?;
        select = select.filter(
            Condition::any()
                .add(routing_rule::Column::ProjectId.is_null())
                .add(routing_rule::Column::ProjectId.eq(project)),
        );
    }
    if let Some(category) = q.category_id {
        select = select.filter(routing_rule::Column::CategoryId.eq(category));
    }
    let rows = select.order_by_asc(routing_rule::Column::Id).all(db).await?;
    Ok(rows.into_iter().map(record).collect())
}

pub async fn get(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<RoutingRuleRecord> {
    Ok(record(get_row(db, actor, id).await?))
}

async fn get_row(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<routing_rule::Model> {
    routing_rule::Entity::find_by_id(id)
        .filter(scope(actor))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)
}

/// What a rule names must exist (and a project's department must serve it); one rule per
/// project × category × kind × severity.
async fn check(
    db: &impl ConnectionTrait,
    actor: &Actor,
    input: &RoutingRuleInput,
    except: Option<Uuid>,
) -> StoreResult<()> {
    if let Some(project) = input.project_id {
        if !actor.sees_project(project) || project::Entity::find_by_id(project).one(db).await?.is_none() {
            return Err(StoreError::invalid("project_id", "no such project"));
        }
        crate::cases::targets::check_department(db, input.department_id, project).await?;
    } else if crate::entity::department::Entity::find_by_id(input.department_id)
        .one(db)
        .await?
        .is_none()
    {
        return Err(StoreError::invalid("department_id", "no such department"));
    }
    if category::Entity::find_by_id(input.category_id).one(db).await?.is_none() {
        return Err(StoreError::invalid("category_id", "no such category"));
    }
    let mut clash = routing_rule::Entity::find()
        .filter(routing_rule::Column::CategoryId.eq(input.category_id))
        .filter(same(routing_rule::Column::ProjectId, input.project_id))
        .filter(same(routing_rule::Column::Kind, input.kind.map(|k| k.as_str())))
        .filter(same(routing_rule::Column::Severity, input.severity.map(|s| s.as_str())));
    if let Some(id) = except {
        clash = clash.filter(routing_rule::Column::Id.ne(id));
    }
    if clash.one(db).await?.is_some() {
        return Err(StoreError::Conflict {
            field: "category_id".into(),
            message: "a rule for this project, category, kind and severity exists; edit it instead".into(),
        });
    }
    Ok(())
}

/// `column = value`, or `column IS NULL` for none.
fn same<V: Into<sea_orm::Value>>(column: routing_rule::Column, value: Option<V>) -> SimpleExpr {
    match value {
        Some(v) => column.eq(v),
        None => column.is_null(),
    }
}

fn apply(model: &mut routing_rule::ActiveModel, input: &RoutingRuleInput) {
    model.project_id = Set(input.project_id);
    model.category_id = Set(input.category_id);
    model.kind = Set(input.kind.map(Wire));
    model.severity = Set(input.severity.map(Wire));
    model.department_id = Set(input.department_id);
    model.auto_dispatch = Set(input.auto_dispatch);
}

pub async fn create(
    db: &impl ConnectionTrait,
    actor: &Actor,
    input: RoutingRuleInput,
) -> StoreResult<RoutingRuleRecord> {
    check(db, actor, &input, None).await?;
    let at = now();
    let mut model = routing_rule::ActiveModel {
        id: Set(new_id()),
        created_at: Set(at),
        updated_at: Set(at),
        version: Set(1),
        ..Default::default()
    };
    apply(&mut model, &input);
    let saved = model.insert(db).await?;
    cache::changed(db, Topic::Process).await?;
    Ok(record(saved))
}

pub async fn update(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: Uuid,
    expected_version: i32,
    input: RoutingRuleInput,
) -> StoreResult<RoutingRuleRecord> {
    let current = get_row(db, actor, id).await?;
    if current.version != expected_version {
        return Err(StoreError::Stale {
            current: current.version,
        });
    }
    check(db, actor, &input, Some(id)).await?;
    let mut model = routing_rule::ActiveModel {
        id: Set(id),
        created_at: Set(current.created_at),
        updated_at: Set(now()),
        version: Set(current.version + 1),
        ..Default::default()
    };
    apply(&mut model, &input);
    let updated = routing_rule::Entity::update_many()
        .set(model.clone())
        .filter(routing_rule::Column::Id.eq(id))
        .filter(routing_rule::Column::Version.eq(expected_version))
        .exec(db)
        .await?;
    if updated.rows_affected == 0 {
        return Err(StoreError::Stale {
            current: current.version + 1,
        });
    }
    cache::changed(db, Topic::Process).await?;
    Ok(record(sea_orm::TryIntoModel::try_into_model(model)?))
}

pub async fn delete(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<()> {
    get_row(db, actor, id).await?;
    routing_rule::Entity::delete_by_id(id).exec(db).await?;
    cache::changed(db, Topic::Process).await
}

/// The case about to be registered, as far as routing cares.
#[derive(Debug, Clone)]
pub struct MatchRoutingRule {
    pub project_id: Uuid,
    pub category_id: Uuid,
    pub kind: Option<CaseKind>,
    pub severity: Option<Severity>,
}

/// The department the rules propose for a case about to be registered.
#[derive(Debug, Clone)]
pub struct RoutingProposal {
    /// The rule that matched; `None` when none does.
    pub rule: Option<RoutingRuleRecord>,
    /// The proposed department (the rule's).
    pub department_id: Option<Uuid>,
    /// Registering the case would dispatch it at once: the rule says `auto_dispatch` and the
    /// project does not verify cases of this kind first.
    pub dispatches_at_registration: bool,
}

/// The rule that would route a case of the project (which the actor must see).
pub async fn propose(db: &impl ConnectionTrait, actor: &Actor, q: &MatchRoutingRule) -> StoreResult<RoutingProposal> {
    actor.require_project(q.project_id)?;
    let config = super::config(db).await?;
    let query = RouteQuery {
        project_id: q.project_id,
        category_id: q.category_id,
        kind: q.kind,
        severity: q.severity,
    };
    let Some(rule) = routing::select(&config.routing, &query).copied() else {
        return Ok(RoutingProposal {
            rule: None,
            department_id: None,
            dispatches_at_registration: false,
        });
    };
    let settings = config.settings_of(q.project_id);
    let auto = q
        .kind
        .is_some_and(|kind| routing::auto_dispatches(&rule, &settings, kind));
    let row = routing_rule::Entity::find_by_id(rule.id).one(db).await?;
    Ok(RoutingProposal {
        rule: row.map(record),
        department_id: Some(rule.department_id),
        dispatches_at_registration: auto,
    })
}

/// At registration, inside its transaction: when a rule matches with `auto_dispatch` and the
/// project does not verify such cases first, the system dispatches the case to the rule's
/// department through the case pipeline. Returns the case as then written, or `None`.
pub async fn dispatch_on_registration(
    db: &impl ConnectionTrait,
    created: &case::Model,
) -> StoreResult<Option<case::Model>> {
    let Some(category_id) = created.category_id else {
        return Ok(None);
    };
    let (kind, severity) = (created.kind.0, created.severity.0);
    let config = super::config(db).await?;
    let query = RouteQuery {
        project_id: created.project_id,
        category_id,
        kind: Some(kind),
        severity: Some(severity),
    };
    let Some(rule) = routing::select(&config.routing, &query).copied() else {
        return Ok(None);
    };
    if !routing::auto_dispatches(&rule, &config.settings_of(created.project_id), kind) {
        return Ok(None);
    }
    let input = ActionInput::Dispatch(DispatchCase {
        department_id: rule.department_id,
        assignee_id: None,
        due_at: None,
        note: Some("按分派规则自动派单".to_owned()),
    });
    match crate::cases::pipeline::perform_in(db, &Actor::system(), created.id, created.version, input).await {
        Ok(saved) => Ok(Some(saved)),
        // The rule's department no longer serves the project (refused before anything was
        // written): the case stays registered for the desk to dispatch by hand.
        Err(StoreError::Invalid { field, message }) => {
            tracing::warn!(rule = %rule.id, case = %created.id, %field, %message, "routing rule could not dispatch");
            Ok(None)
        }
        Err(other) => Err(other),
    }
}
