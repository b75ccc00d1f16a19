//! Step 1 of the pipeline: the case with its stored statistics facts (which the statistics
//! deltas of its change are computed against), in one statement.

use huiyin_domain::stats::rollup::Facts;
use sea_orm::sea_query::{Expr, IntoCondition};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder, QuerySelect,
    QueryTrait,
};
use uuid::Uuid;

use crate::cases::scope;
use crate::entity::case;
use crate::stats::facts::{parse_stored, stored_facts, STORED_FACTS};
use crate::{Actor, StoreError, StoreResult};

/// A case as the pipeline changes it.
pub struct Loaded {
    pub case: case::Model,
    /// Its stored statistics facts (none for a case never counted).
    pub facts: Option<Facts>,
}

impl Loaded {
    /// A case already read, its facts read apart (one statement).
    pub async fn with_facts(db: &impl ConnectionTrait, case: case::Model) -> StoreResult<Loaded> {
        let facts = stored_facts(db, case.id).await?;
        Ok(Loaded { case, facts })
    }
}

/// The cases matching `condition`, oldest first, with their facts: one statement.
pub async fn load(db: &impl ConnectionTrait, condition: impl IntoCondition) -> StoreResult<Vec<Loaded>> {
    let select = case::Entity::find()
        .column_as(Expr::cust(STORED_FACTS), "stored_facts")
        .filter(condition)
        .order_by_asc(case::Column::Id);
    let rows = db.query_all(select.build(db.get_database_backend())).await?;
    rows.iter()
        .map(|row| {
            let case = case::Model::from_query_result(row, "")?;
            let facts = row.try_get::<Option<String>>("", "stored_facts")?;
            Ok(Loaded {
                case,
                facts: facts.map(parse_stored).transpose()?,
            })
        })
        .collect()
}

/// The case `id` if the actor may see it (NotFound otherwise), as [`super::super::scope::find_visible`].
pub async fn visible(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> StoreResult<Loaded> {
    let condition = Condition::all()
        .add(case::Column::Id.eq(id))
        .add(scope::condition(actor));
    load(db, condition).await?.pop().ok_or(StoreError::NotFound)
}
