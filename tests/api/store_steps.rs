//! Cases built through the store at chosen moments (the statistics fixtures): registration and
//! actions run under a fixed clock, each in its own transaction, as the API would run them.

use chrono::{DateTime, Utc};
use huiyin_domain::case::{ReplyMethod, Satisfaction};
use huiyin_store::cases::actions::{ActionInput, ReplyCase, ResolveCase, VisitCase};
use huiyin_store::cases::create::{self, CreateCase};
use huiyin_store::cases::pipeline;
use huiyin_store::{at_time, Actor};
use sea_orm::TransactionTrait;
use uuid::Uuid;

use crate::helpers::TestApp;

pub fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// Registers `input` as `actor` at `at`; returns the case's id and version.
pub async fn register_at(app: &TestApp, actor: &Actor, at: &str, input: CreateCase) -> (Uuid, i32) {
    let created = at_time(t(at), async {
        let txn = app.store.db.begin().await.unwrap();
        let c = create::create(&txn, actor, input).await.unwrap();
        txn.commit().await.unwrap();
        c
    })
    .await;
    (created.id, created.version)
}

/// Performs `input` on `case` as `actor` at `at`, keeping the case's version current.
pub async fn step(app: &TestApp, actor: &Actor, case: &mut (Uuid, i32), at: &str, input: ActionInput) {
    let saved = at_time(t(at), pipeline::perform(&app.store.db, actor, case.0, case.1, input))
        .await
        .unwrap();
    case.1 = saved.version;
}

pub fn resolve() -> ActionInput {
    ActionInput::Resolve(ResolveCase {
        result: "done".into(),
        charge_amount: None,
        materials: None,
    })
}

pub fn reply() -> ActionInput {
    ActionInput::Reply(ReplyCase {
        content: "told".into(),
        method: ReplyMethod::Phone,
    })
}

pub fn visit(s: Satisfaction) -> ActionInput {
    ActionInput::Visit(VisitCase {
        reached: true,
        satisfaction: Some(s),
        comment: None,
    })
}
