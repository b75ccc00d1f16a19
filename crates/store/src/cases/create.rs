//! Registering a case (登记): one intake for every kind and channel, one number.

use chrono::{DateTime, Duration, Utc};
use huiyin_domain::case::process::verify_due;
use huiyin_domain::case::{CaseKind, CaseStatus, Channel, Severity};
use huiyin_domain::customer::Relation;
use huiyin_domain::phone::Phone;
use huiyin_domain::sla::escalation::initial_level;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryTrait, Set, TryIntoModel};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::after::{after_change, Cause, Changed};
use super::batch::Batch;
use super::numbering::Numbers;
use super::CaseRecord;
use crate::customers::{self, CreateCustomer, CustomerPropertyInput};
use crate::entity::{case, customer, property, work_order};
use crate::validate::{bounded, required};
use crate::wire::Wire;
use crate::{new_id, now, sla, Actor, StoreError, StoreResult};

/// A caller not yet in the archive; matched to an existing customer by phone, or created.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InlineCustomer {
    #[schema(example = "李女士")]
    pub name: String,
    #[schema(example = "+86 139 0013 9000")]
    pub phone: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateCase {
    pub kind: CaseKind,
    pub channel: Channel,
    /// A category from `GET /api/v1/categories`.
    pub category_id: Option<Uuid>,
    #[serde(default = "normal")]
    pub severity: Severity,
    /// An existing customer; or give `customer` instead.
    pub customer_id: Option<Uuid>,
    pub customer: Option<InlineCustomer>,
    /// The property concerned; its project is the case's project.
    pub property_id: Option<Uuid>,
    /// Required when there is no property (e.g. a complaint about a public area).
    pub project_id: Option<Uuid>,
    #[schema(example = "楼上漏水")]
    pub title: String,
    #[schema(example = "卫生间天花板渗水，已持续两天。")]
    pub description: String,
    /// When the customer reported it, if earlier than now (a letter, a fax); defaults to now.
    pub reported_at: Option<DateTime<Utc>>,
    /// The area (片区) concerned when there is no property (e.g. a patrol's public area); with a
    /// property, the property's area wins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area_id: Option<Uuid>,
    /// The steward's visit (走访) whose opinion this case handles; the channel is then
    /// `steward_visit`, and the case and the visit link to each other.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steward_visit_id: Option<Uuid>,
}

fn normal() -> Severity {
    Severity::Normal
}

fn search_text(number: &str, title: &str, description: &str, customer_name: Option<&str>, phones: &[String]) -> String {
    let mut text = format!("{number} {title} {description}").to_lowercase();
    if let Some(name) = customer_name {
        text.push(' ');
        text.push_str(&name.to_lowercase());
    }
    for phone in phones {
        text.push(' ');
        text.push_str(phone);
    }
    text
}

/// The customer, the phones for the case's search text, and all their phones (for the answer).
type Resolved = (customer::Model, Vec<String>, Vec<String>);

async fn resolve_customer(
    db: &impl ConnectionTrait,
    actor: &Actor,
    input: &CreateCase,
    property: Option<&property::Model>,
) -> StoreResult<Option<Resolved>> {
    match (&input.customer_id, &input.customer) {
        (Some(_), Some(_)) => Err(StoreError::invalid(
            "customer",
            "give either customer_id or customer, not both",
        )),
        (Some(id), None) => {
            let record = customers::get(db, actor, *id).await.map_err(|e| match e {
                StoreError::NotFound => StoreError::invalid("customer_id", "no such customer"),
                other => other,
            })?;
            Ok(Some((record.customer, record.phones.clone(), record.phones)))
        }
        (None, Some(inline)) => {
            let phone = Phone::parse(&inline.phone)
                .map_err(|e| StoreError::invalid("customer.phone", e.to_string()))?
                .into_string();
            if let Some((found, all)) = known_caller(db, actor, &phone).await? {
                return Ok(Some((found, vec![phone], all)));
            }
            let record = customers::create_in(
                db,
                actor,
                CreateCustomer {
                    name: inline.name.clone(),
                    phones: vec![phone],
                    properties: property
                        .map(|p| CustomerPropertyInput {
                            property_id: p.id,
                            relation: Relation::Owner,
                        })
                        .into_iter()
                        .collect(),
                    tags: vec![],
                    notes: None,
                    project_id: property.map(|p| p.project_id).or(input.project_id),
                    ..Default::default()
                },
            )
            .await
            .map_err(|e| match e {
                StoreError::Invalid { field, message } => StoreError::Invalid {
                    field: format!("customer.{field}"),
                    message,
                },
                other => other,
            })?;
            Ok(Some((record.customer, record.phones.clone(), record.phones)))
        }
        (None, None) => Ok(None),
    }
}

/// The customer the actor sees one of whose phones is `phone` (never another project's
/// customer, issue #21), with all their phones in order: one statement.
async fn known_caller(
    db: &impl ConnectionTrait,
    actor: &Actor,
    phone: &str,
) -> StoreResult<Option<(customer::Model, Vec<String>)>> {
    let by_phone = sea_orm::Condition::all()
        .add(customer::Column::Id.in_subquery(crate::search::phone_owners(phone)))
        .add_option(customers::scope::condition(actor));
    super::query::customer_with_phones(db, by_phone).await
}

/// Registers a case inside the caller's transaction (its number too); returns the new row.
pub async fn create(db: &impl ConnectionTrait, actor: &Actor, input: CreateCase) -> StoreResult<case::Model> {
    Ok(create_record(db, actor, input, Numbers::InTransaction).await?.case)
}

/// Registers a case inside the caller's transaction; returns the whole new case as
/// [`super::query::record`] would read it back (no work orders, visits or attachments yet),
/// without reading it back.
///
/// Rows every registration updates stay locked until the commit, so concurrent registrations
/// queue there: the number is taken after every lookup and check (from `numbers`: see
/// [`Numbers`]), and nothing is read back after the insert (`make bench-load`, README).
pub async fn create_record(
    db: &impl ConnectionTrait,
    actor: &Actor,
    input: CreateCase,
    numbers: Numbers<'_>,
) -> StoreResult<CaseRecord> {
    let title = required("title", &input.title, 200)?;
    let description = bounded("description", &input.description, 10_000)?;
    let at = now();
    let reported_at = input.reported_at.unwrap_or(at);
    if reported_at > at + Duration::minutes(5) {
        return Err(StoreError::invalid("reported_at", "cannot be in the future"));
    }
    if reported_at < at - Duration::days(366) {
        return Err(StoreError::invalid("reported_at", "is more than a year ago"));
    }
    let property = match input.property_id {
        Some(id) => match property::Entity::find_by_id(id).one(db).await? {
            Some(p) if actor.sees_project(p.project_id) => Some(p),
            _ => return Err(StoreError::invalid("property_id", "no such property")),
        },
        None => None,
    };
    let project_id = match (&property, input.project_id) {
        (Some(p), Some(project)) if p.project_id != project => {
            return Err(StoreError::invalid(
                "project_id",
                "does not match the property's project",
            ))
        }
        (Some(p), _) => p.project_id,
        (None, Some(project))
            if actor.sees_project(project)
                && crate::entity::project::Entity::find_by_id(project)
                    .one(db)
                    .await?
                    .is_some() =>
        {
            project
        }
        (None, Some(_)) => return Err(StoreError::invalid("project_id", "no such project")),
        (None, None) => return Err(StoreError::invalid("project_id", "give a property_id or a project_id")),
    };
    let category = match input.category_id {
        // From the configuration cache (`crate::cache`).
        Some(category_id) => {
            let all = crate::cache::categories(|| crate::categories::list(db)).await?;
            match all.iter().find(|c| c.id == category_id) {
                Some(c) if c.active => Some(c.clone()),
                _ => return Err(StoreError::invalid("category_id", "no such active category")),
            }
        }
        None => None,
    };
    if let Some(area_id) = input.area_id {
        crate::stewardship::check_case_area(db, area_id, project_id).await?;
    }
    if let Some(visit_id) = input.steward_visit_id {
        crate::stewardship::visits::check_case_source(db, actor, visit_id, input.channel).await?;
    }
    let customer = resolve_customer(db, actor, &input, property.as_ref()).await?;
    let repeat_of = super::repeats::find(
        db,
        input.kind,
        project_id,
        property.as_ref().map(|p| p.id),
        input.category_id,
        reported_at,
    )
    .await?;
    // Deadlines run from registration (a letter's earlier date does not shorten them).
    let terms = sla::terms_for(db, input.kind, input.severity).await?;
    let number = numbers.take(db, input.kind, at).await?.to_string();
    // The project's process settings say how the verification deadline is set (issue #19).
    let process = crate::process::settings_of(db, project_id).await?;
    let calendar = sla::business_calendar(db).await?;
    let verify_due = verify_due(&process, input.severity, at, &calendar, &terms.clock, &terms.durations);
    let dispatch_due = terms.clock.add(at, terms.durations.dispatch());
    let level = initial_level(input.kind, input.severity);
    let (customer_id, customer_name, phones) = match &customer {
        Some((c, phones, _)) => (Some(c.id), Some(c.name.as_str()), phones.as_slice()),
        None => (None, None, &[][..]),
    };
    let row = case::ActiveModel {
        id: Set(new_id()),
        number: Set(number.clone()),
        kind: Set(Wire(input.kind)),
        channel: Set(Wire(input.channel)),
        category_id: Set(input.category_id),
        severity: Set(Wire(input.severity)),
        status: Set(Wire(CaseStatus::Registered)),
        project_id: Set(project_id),
        area_id: Set(property.as_ref().and_then(|p| p.area_id).or(input.area_id)),
        property_id: Set(property.as_ref().map(|p| p.id)),
        customer_id: Set(customer_id),
        title: Set(title.clone()),
        description: Set(description.clone()),
        search_text: Set(search_text(&number, &title, &description, customer_name, phones)),
        reported_at: Set(reported_at),
        created_by: Set(Some(actor.user_id)),
        department_id: Set(None),
        assignee_id: Set(None),
        current_work_order_id: Set(None),
        dispatch_count: Set(0),
        due_at: Set(None),
        verified_at: Set(None),
        first_dispatched_at: Set(None),
        resolved_at: Set(None),
        replied_at: Set(None),
        closed_at: Set(None),
        cancelled_at: Set(None),
        closed_on_spot: Set(false),
        last_satisfaction: Set(None),
        duplicate_of: Set(None),
        verify_due_at: Set(Some(verify_due)),
        dispatch_due_at: Set(Some(dispatch_due)),
        reply_due_at: Set(None),
        next_due_at: Set(Some(verify_due.min(dispatch_due))),
        next_breach_at: Set(Some(verify_due.min(dispatch_due))),
        verify_breached: Set(false),
        dispatch_breached: Set(false),
        resolve_breached: Set(false),
        reply_breached: Set(false),
        level: Set(Wire(level)),
        peak_level: Set(Wire(level)),
        paused_at: Set(None),
        pause_reason: Set(None),
        answer_article_id: Set(None),
        dissatisfied_visits: Set(0),
        repeat_of: Set(repeat_of.as_ref().map(|r| r.0)),
        repeat_of_number: Set(repeat_of.map(|r| r.1)),
        parent_id: Set(None),
        child_count: Set(0),
        cancel_reason: Set(None),
        cancel_requested_at: Set(None),
        cancel_requested_by: Set(None),
        cancel_request_reason: Set(None),
        cancel_request_note: Set(None),
        cancel_request_duplicate_of: Set(None),
        created_at: Set(at),
        updated_at: Set(at),
        version: Set(1),
    };
    // Written with the timeline entry and the statistics (one statement on PostgreSQL); nothing
    // read back: the row as written is the answer.
    let mut batch = Batch::new();
    batch.push(case::Entity::insert(row.clone()).build(db.get_database_backend()));
    let created = row.try_into_model()?;
    after_change(
        db,
        &Changed {
            actor,
            case: &created,
            at,
            cause: Cause::Registered {
                terms: &terms,
                level,
                property: property.as_ref(),
            },
        },
        batch,
    )
    .await?;
    if let Some(visit_id) = input.steward_visit_id {
        crate::stewardship::visits::link_case(db, actor, visit_id, &created).await?;
    }
    // Decoration: a repair on works out of warranty is marked paid before dispatch.
    crate::works::warranty::on_case_registered(db, &created).await?;
    if let Some(customer_id) = created.customer_id {
        customers::link_project(db, customer_id, created.project_id).await?;
    }
    // A routing rule with `auto_dispatch` sends the case out at once (by the system).
    // Boxed: the whole action pipeline inside would otherwise sit in every registration's future.
    let (created, work_orders) = match Box::pin(crate::process::routing::dispatch_on_registration(db, &created)).await?
    {
        Some(dispatched) => {
            let orders = work_order::Entity::find()
                .filter(work_order::Column::CaseId.eq(dispatched.id))
                .all(db)
                .await?;
            (dispatched, orders)
        }
        None => (created, vec![]),
    };
    let (customer, customer_phones) = match customer {
        Some((c, _, all)) => (Some(c), all),
        None => (None, vec![]),
    };
    Ok(CaseRecord {
        case: created,
        customer,
        customer_phones,
        property,
        category,
        work_orders,
        visits: vec![],
        attachments: vec![],
        parent: None,
        children: vec![],
    })
}
