//! Registering a case (登记): one intake for every kind and channel, one number.

use chrono::{DateTime, Duration, Utc};
use huiyin_domain::case::process::verify_due;
use huiyin_domain::case::{CaseKind, CaseStatus, Channel, Severity};
use huiyin_domain::sla::escalation::{initial_level, Level};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter, QueryTrait, Set, TryIntoModel};
use uuid::Uuid;

use super::after::{after_change, Cause, Changed};
use super::batch::Batch;
pub use super::caller::InlineCustomer;
use super::caller::{resolve_customer, Caller, Resolved};
use super::numbering::Numbers;
use super::{CaseRecord, WorkOrderRecord};
use crate::customers;
use crate::entity::{case, category, property, work_order};
use crate::validate::{bounded, required};
use crate::{new_id, now, sla, Actor, Doing, StoreError, StoreResult};

#[derive(Debug, Clone)]
pub struct CreateCase {
    pub kind: CaseKind,
    pub channel: Channel,
    pub category_id: Option<Uuid>,
    pub severity: Severity,
    /// An existing customer; or give `customer` instead.
    pub customer_id: Option<Uuid>,
    pub customer: Option<InlineCustomer>,
    /// The property concerned; its project is the case's project.
    pub property_id: Option<Uuid>,
    /// Required when there is no property (e.g. a complaint about a public area).
    pub project_id: Option<Uuid>,
    pub title: String,
    pub description: String,
    /// When the customer reported it, if earlier than now (a letter, a fax); defaults to now.
    pub reported_at: Option<DateTime<Utc>>,
    /// The area (片区) concerned when there is no property (e.g. a patrol's public area); with a
    /// property, the property's area wins.
    pub area_id: Option<Uuid>,
    /// The steward's visit (走访) whose opinion this case handles; the channel is then
    /// `steward_visit`, and the case and the visit link to each other.
    pub steward_visit_id: Option<Uuid>,
}

/// The caller part of a registration.
fn caller_of(input: &CreateCase) -> Caller<'_> {
    Caller {
        customer_id: input.customer_id,
        customer: input.customer.as_ref(),
        project_id: input.project_id,
    }
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

/// Registers a case inside the caller's transaction (its number too); returns the new row.
pub async fn create(db: &impl ConnectionTrait, actor: &Actor, input: CreateCase) -> StoreResult<case::Model> {
    Ok(create_record(db, actor, input, Numbers::InTransaction, false)
        .await?
        .case)
}

/// Registers a case inside the caller's transaction; returns the whole new case as
/// [`super::query::record`] would read it back (no work orders, visits or attachments yet),
/// without reading it back.
///
/// Rows every registration updates stay locked until the commit, so concurrent registrations
/// queue there: the number is taken after every lookup and check (from `numbers`: see
/// [`Numbers`]), and nothing is read back after the insert (`make bench-load`, README).
///
/// `phones_shown`: the answer shows the caller's phones unmasked (the actor's PII view), which
/// the audit log records (`customer.phone_viewed`) with the registration's writes.
#[tracing::instrument(name = "cases::create", target = "huiyin::store", level = "debug", skip_all, fields(project_id = ?input.project_id))]
pub async fn create_record(
    db: &impl ConnectionTrait,
    actor: &Actor,
    input: CreateCase,
    numbers: Numbers<'_>,
    phones_shown: bool,
) -> StoreResult<CaseRecord> {
    let project = input.project_id;
    register(db, actor, input, numbers, phones_shown)
        .await
        .doing(|| match project {
            Some(project) => format!("registering a case in project {project}"),
            None => "registering a case".to_owned(),
        })
}

async fn register(
    db: &impl ConnectionTrait,
    actor: &Actor,
    input: CreateCase,
    numbers: Numbers<'_>,
    phones_shown: bool,
) -> StoreResult<CaseRecord> {
    let at = now();
    let checked = check(db, actor, &input, at).await?;
    let customer = resolve_customer(db, actor, caller_of(&input), checked.property.as_ref()).await?;
    let repeat_of = super::repeats::find(
        db,
        input.kind,
        checked.project_id,
        checked.property.as_ref().map(|p| p.id),
        input.category_id,
        checked.reported_at,
    )
    .await?;
    // Deadlines run from registration (a letter's earlier date does not shorten them).
    let terms = sla::terms_for(db, input.kind, input.severity).await?;
    let number = numbers.take(db, input.kind, at).await?.to_string();
    // The project's process settings say how the verification deadline is set (issue #19).
    let process = crate::process::settings_of(db, checked.project_id).await?;
    let calendar = sla::business_calendar(db).await?;
    let verify_due = verify_due(&process, input.severity, at, &calendar, &terms.clock, &terms.durations);
    let level = initial_level(input.kind, input.severity);
    let row = new_row(&Registration {
        actor,
        input: &input,
        checked: &checked,
        number: &number,
        customer: customer.as_ref(),
        verify_due,
        dispatch_due: terms.clock.add(at, terms.durations.dispatch()),
        level,
        repeat_of,
        at,
    });
    // Written with the timeline entry and the statistics (one round trip); nothing read back:
    // the row as written is the answer.
    let backend = db.get_database_backend();
    let mut batch = Batch::new();
    batch.push(case::Entity::insert(row.clone()).build(backend));
    let created = row.try_into_model()?;
    caller_writes(&mut batch, backend, actor, &created, customer.as_ref(), phones_shown);
    let cause = Cause::Registered {
        terms: &terms,
        level,
        property: checked.property.as_ref(),
    };
    after_change(
        db,
        &Changed {
            actor,
            case: &created,
            at,
            cause,
        },
        batch,
    )
    .await?;
    let (created, work_orders) = after_registration(db, actor, &input, created).await?;
    let (customer_name, customer_phones) = match customer {
        Some((c, _, all)) => (Some(c.name), all),
        None => (None, vec![]),
    };
    Ok(CaseRecord {
        case: created,
        customer_name,
        customer_phones,
        property_label: checked.property.as_ref().map(customers::property_label),
        category_name: checked.category.map(|c| c.name),
        work_orders: work_orders.into_iter().map(WorkOrderRecord::from).collect(),
        visits: vec![],
        attachments: vec![],
        parent: None,
        children: vec![],
    })
}

/// The registration's writes about its caller, with its other writes: the customer is known in
/// the case's project from now on, and the answer's unmasked phones are audited.
fn caller_writes(
    batch: &mut Batch,
    backend: DatabaseBackend,
    actor: &Actor,
    created: &case::Model,
    customer: Option<&Resolved>,
    phones_shown: bool,
) {
    let Some((c, _, all)) = customer else {
        return;
    };
    batch.push(customers::link_project_statement(backend, c.id, created.project_id));
    if phones_shown && !all.is_empty() {
        let detail = serde_json::json!({"customer_id": created.customer_id, "number": created.number});
        let audit = crate::audit::insert(
            backend,
            Some(actor.user_id),
            "customer.phone_viewed",
            "case",
            Some(created.id),
            detail,
        );
        batch.push(audit);
    }
}

/// What registration checked and looked up of the input.
struct Checked {
    title: String,
    description: String,
    reported_at: DateTime<Utc>,
    property: Option<property::Model>,
    project_id: Uuid,
    category: Option<category::Model>,
}

/// The input's text, times and references checked against what the actor may see (422 naming
/// the field otherwise).
async fn check(
    db: &impl ConnectionTrait,
    actor: &Actor,
    input: &CreateCase,
    at: DateTime<Utc>,
) -> StoreResult<Checked> {
    let title = required("title", &input.title, 200)?;
    let description = bounded("description", &input.description, 10_000)?;
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
    let project_id = project_of(db, actor, property.as_ref(), input.project_id).await?;
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
    Ok(Checked {
        title,
        description,
        reported_at,
        property,
        project_id,
        category,
    })
}

/// The case's project: the property's (a `project_id` given too must match it), or the
/// `project_id` given, which the actor must see.
async fn project_of(
    db: &impl ConnectionTrait,
    actor: &Actor,
    property: Option<&property::Model>,
    project_id: Option<Uuid>,
) -> StoreResult<Uuid> {
    Ok(match (property, project_id) {
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
    })
}

/// Everything the new row is made of.
struct Registration<'a> {
    actor: &'a Actor,
    input: &'a CreateCase,
    checked: &'a Checked,
    number: &'a str,
    customer: Option<&'a Resolved>,
    verify_due: DateTime<Utc>,
    dispatch_due: DateTime<Utc>,
    level: Level,
    /// The repair this one repeats: its id and number.
    repeat_of: Option<(Uuid, String)>,
    at: DateTime<Utc>,
}

/// The new case's row: registered, its first deadlines set, nothing handled yet.
fn new_row(r: &Registration<'_>) -> case::ActiveModel {
    let Registration { input, checked, at, .. } = r;
    let (customer_id, customer_name, phones) = match r.customer {
        Some((c, phones, _)) => (Some(c.id), Some(c.name.as_str()), phones.as_slice()),
        None => (None, None, &[][..]),
    };
    let property = checked.property.as_ref();
    let first_due = r.verify_due.min(r.dispatch_due);
    case::ActiveModel {
        id: Set(new_id()),
        number: Set(r.number.to_owned()),
        kind: Set(input.kind.as_str().to_owned()),
        channel: Set(input.channel.as_str().to_owned()),
        category_id: Set(input.category_id),
        severity: Set(input.severity.as_str().to_owned()),
        status: Set(CaseStatus::Registered.as_str().to_owned()),
        project_id: Set(checked.project_id),
        area_id: Set(property.and_then(|p| p.area_id).or(input.area_id)),
        property_id: Set(property.map(|p| p.id)),
        customer_id: Set(customer_id),
        title: Set(checked.title.clone()),
        description: Set(checked.description.clone()),
        search_text: Set(search_text(
            r.number,
            &checked.title,
            &checked.description,
            customer_name,
            phones,
        )),
        reported_at: Set(checked.reported_at),
        created_by: Set(Some(r.actor.user_id)),
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
        verify_due_at: Set(Some(r.verify_due)),
        dispatch_due_at: Set(Some(r.dispatch_due)),
        reply_due_at: Set(None),
        next_due_at: Set(Some(first_due)),
        next_breach_at: Set(Some(first_due)),
        verify_breached: Set(false),
        dispatch_breached: Set(false),
        resolve_breached: Set(false),
        reply_breached: Set(false),
        level: Set(r.level.as_str().to_owned()),
        peak_level: Set(r.level.as_str().to_owned()),
        paused_at: Set(None),
        pause_reason: Set(None),
        answer_article_id: Set(None),
        dissatisfied_visits: Set(0),
        repeat_of: Set(r.repeat_of.as_ref().map(|(id, _)| *id)),
        repeat_of_number: Set(r.repeat_of.as_ref().map(|(_, number)| number.clone())),
        parent_id: Set(None),
        child_count: Set(0),
        cancel_reason: Set(None),
        cancel_requested_at: Set(None),
        cancel_requested_by: Set(None),
        cancel_request_reason: Set(None),
        cancel_request_note: Set(None),
        cancel_request_duplicate_of: Set(None),
        created_at: Set(*at),
        updated_at: Set(*at),
        version: Set(1),
    }
}

/// What other modules do once a case is registered; a routing rule with `auto_dispatch` may
/// send it out at once. Returns the case as it then is, with its work orders.
async fn after_registration(
    db: &impl ConnectionTrait,
    actor: &Actor,
    input: &CreateCase,
    created: case::Model,
) -> StoreResult<(case::Model, Vec<work_order::Model>)> {
    if let Some(visit_id) = input.steward_visit_id {
        crate::stewardship::visits::link_case(db, actor, visit_id, &created).await?;
    }
    // Decoration: a repair on works out of warranty is marked paid before dispatch.
    crate::works::warranty::on_case_registered(db, &created).await?;
    // A routing rule with `auto_dispatch` sends the case out at once (by the system).
    // Boxed: the whole action pipeline inside would otherwise sit in every registration's future.
    Ok(
        match Box::pin(crate::process::routing::dispatch_on_registration(db, &created)).await? {
            Some(dispatched) => {
                let orders = work_order::Entity::find()
                    .filter(work_order::Column::CaseId.eq(dispatched.id))
                    .all(db)
                    .await?;
                (dispatched, orders)
            }
            None => (created, vec![]),
        },
    )
}
