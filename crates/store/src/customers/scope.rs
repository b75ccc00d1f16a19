//! Which customers a user sees: those with a property in one of the user's projects, and those
//! registered in (or with a case in) one of them (`customer_projects`). A customer with neither
//! belongs to no project and only administrators see them. Outside the scope a customer is
//! reported as not found — by id, in lists, and when a case is registered by phone.

use huiyin_domain::phone::mask;
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter, QueryOrder, QueryTrait,
    Statement,
};
use uuid::Uuid;

use crate::entity::{customer, customer_phone, customer_project, customer_property, project, property};
use crate::{Actor, StoreError, StoreResult};

/// The condition on `customers` for `actor`'s scope; `None` for administrators (everyone).
pub fn condition(actor: &Actor) -> Option<Condition> {
    let projects = actor.project_filter()?;
    let by_property = Query::select()
        .column(customer_property::Column::CustomerId)
        .from(customer_property::Entity)
        .inner_join(
            property::Entity,
            Expr::col((property::Entity, property::Column::Id))
                .equals((customer_property::Entity, customer_property::Column::PropertyId)),
        )
        .and_where(Expr::col((property::Entity, property::Column::ProjectId)).is_in(projects.to_vec()))
        .to_owned();
    let by_project = Query::select()
        .column(customer_project::Column::CustomerId)
        .from(customer_project::Entity)
        .and_where(customer_project::Column::ProjectId.is_in(projects.to_vec()))
        .to_owned();
    Some(
        Condition::any()
            .add(customer::Column::Id.in_subquery(by_property))
            .add(customer::Column::Id.in_subquery(by_project)),
    )
}

/// Records that the customer belongs to `project_id` (idempotent; one statement).
pub async fn link_project(db: &impl ConnectionTrait, customer_id: Uuid, project_id: Uuid) -> StoreResult<()> {
    db.execute(link_project_statement(
        db.get_database_backend(),
        customer_id,
        project_id,
    ))
    .await?;
    Ok(())
}

/// The statement of [`link_project`], to run with other writes.
pub fn link_project_statement(backend: DatabaseBackend, customer_id: Uuid, project_id: Uuid) -> Statement {
    customer_project::Entity::insert(customer_project::ActiveModel {
        customer_id: sea_orm::Set(customer_id),
        project_id: sea_orm::Set(project_id),
    })
    .on_conflict(
        sea_orm::sea_query::OnConflict::columns([
            customer_project::Column::CustomerId,
            customer_project::Column::ProjectId,
        ])
        .do_nothing()
        .to_owned(),
    )
    .build(backend)
}

/// The projects a new customer is registered in: the one given (which the actor must work in);
/// without one and without a property, the actor's projects when there is exactly one.
pub async fn registration_projects(
    db: &impl ConnectionTrait,
    actor: &Actor,
    asked: Option<Uuid>,
    without_property: bool,
) -> StoreResult<Vec<Uuid>> {
    match asked {
        Some(p) if actor.sees_project(p) && project::Entity::find_by_id(p).one(db).await?.is_some() => Ok(vec![p]),
        Some(_) => Err(StoreError::invalid("project_id", "no such project")),
        None if !without_property || actor.role.sees_all_projects() => Ok(vec![]),
        None => match actor.project_ids.as_slice() {
            [only] => Ok(vec![*only]),
            _ => Err(StoreError::invalid(
                "project_id",
                "give the project this customer belongs to (or a property)",
            )),
        },
    }
}

/// The customer the actor sees with this normalised phone number, if any (the case intake's
/// "who is calling"; never another project's customer).
pub async fn find_visible_by_phone(
    db: &impl ConnectionTrait,
    actor: &Actor,
    phone: &str,
) -> StoreResult<Option<customer::Model>> {
    let mut select = customer::Entity::find()
        .filter(customer::Column::Id.in_subquery(crate::search::phone_owners(phone)))
        .order_by_asc(customer::Column::Id);
    if let Some(scope) = condition(actor) {
        select = select.filter(scope);
    }
    Ok(select.one(db).await?)
}

/// 409 when one of `phones` belongs to another customer the actor sees.
pub async fn check_phones_free(
    db: &impl ConnectionTrait,
    actor: &Actor,
    except: Option<Uuid>,
    phones: &[String],
) -> StoreResult<()> {
    let owners = Query::select()
        .column(customer_phone::Column::CustomerId)
        .from(customer_phone::Entity)
        .and_where(customer_phone::Column::Phone.is_in(phones.to_vec()))
        .to_owned();
    let mut select = customer::Entity::find().filter(customer::Column::Id.in_subquery(owners));
    if let Some(id) = except {
        select = select.filter(customer::Column::Id.ne(id));
    }
    if let Some(scope) = condition(actor) {
        select = select.filter(scope);
    }
    let Some(other) = select.one(db).await? else {
        return Ok(());
    };
    let taken = customer_phone::Entity::find()
        .filter(customer_phone::Column::CustomerId.eq(other.id))
        .filter(customer_phone::Column::Phone.is_in(phones.to_vec()))
        .one(db)
        .await?
        .map(|p| mask(&p.phone))
        .unwrap_or_default();
    Err(StoreError::conflict(
        "phones",
        format!("{taken} already belongs to another customer"),
    ))
}
