//! Which cases an actor may see (the data scope behind the permission table): staff see their
//! projects' cases, handlers their department's, stewards their areas', residents their own.
//! Outside the scope a case is reported as not found.

use huiyin_domain::permission::{case_scope, CaseScope};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::entity::{area, case};
use crate::{Actor, StoreError, StoreResult};

pub fn condition(actor: &Actor) -> Condition {
    let in_projects = || case::Column::ProjectId.is_in(actor.project_ids.clone());
    match case_scope(actor.role) {
        CaseScope::Everything => Condition::all(),
        CaseScope::Projects => Condition::all().add(in_projects()),
        CaseScope::Department => match actor.department_id {
            Some(department) => Condition::all()
                .add(in_projects())
                .add(case::Column::DepartmentId.eq(department)),
            None => Condition::all().add(case::Column::Id.eq(Uuid::nil())),
        },
        CaseScope::StewardAreas => {
            let areas = Query::select()
                .column(area::Column::Id)
                .from(area::Entity)
                .and_where(area::Column::StewardId.eq(actor.user_id))
                .to_owned();
            Condition::all()
                .add(in_projects())
                .add(case::Column::AreaId.in_subquery(areas))
        }
        CaseScope::Own => match actor.customer_id {
            Some(customer) => Condition::all().add(case::Column::CustomerId.eq(customer)),
            None => Condition::all().add(case::Column::Id.eq(Uuid::nil())),
        },
    }
}

/// Loads a case the actor may see (NotFound otherwise).
pub async fn find_visible(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<case::Model> {
    case::Entity::find_by_id(id)
        .filter(condition(actor))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)
}
