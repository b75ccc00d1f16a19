//! A month of demo cases, each replayed through its handling loop at the times it would have
//! happened: registration, verification, closing on the spot or cancelling, dispatch, the
//! department's work, the reply and the satisfaction visits, again until the customer is
//! satisfied. Work of the last days is often still in hand.

use chrono::{DateTime, Duration, Utc};
use huiyin_domain::case::{CancelReason, CaseKind, ReplyMethod, Satisfaction, Severity};
use huiyin_store::cases::actions::{
    ActionInput, CancelCase, CloseOnSpot, DispatchCase, ReplyCase, ResolveCase, VerifyCase, VisitCase,
};
use huiyin_store::cases::create::{self, CreateCase};
use huiyin_store::cases::pipeline;
use huiyin_store::{at_time, categories, knowledge, Actor, StoreError, StoreResult};
use rand::rngs::StdRng;
use rand::Rng;
use sea_orm::{ConnectionTrait, TransactionTrait};
use uuid::Uuid;

use super::customers::Home;
use super::organisation::Organisation;
use super::templates::{channel_for, Template, TEMPLATES};

/// Registers 320 cases at random times over the last 30 days, oldest first, and replays each.
pub(super) async fn replay_month<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    org: &Organisation,
    homes: &[Home],
    rng: &mut StdRng,
) -> StoreResult<()> {
    let real_now = Utc::now();
    let mut times: Vec<DateTime<Utc>> = (0..320)
        .map(|_| real_now - Duration::minutes(rng.gen_range(10..30 * 24 * 60)))
        .collect();
    times.sort();
    for at in times {
        let template = &TEMPLATES[rng.gen_range(0..TEMPLATES.len())];
        let home = homes[rng.gen_range(0..homes.len())];
        let mut replay = register(db, org, rng, template, home, at, real_now).await?;
        handle(db, org, rng, &mut replay, template).await?;
    }
    Ok(())
}

/// One case moving through its handling loop, each step a little later than the one before;
/// the replay stops at the real present (or earlier, for work still in hand).
struct Replay<'a> {
    id: Uuid,
    version: i32,
    /// The agent who registered the case, and replies and visits.
    agent: &'a Actor,
    clock: DateTime<Utc>,
    steps: usize,
    stop_after: usize,
    real_now: DateTime<Utc>,
}

impl Replay<'_> {
    /// Performs `input` as `actor` `minutes` after the previous step; `false` (and nothing done)
    /// once the replay has reached the present or its stopping point.
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
        let saved = at_time(self.clock, pipeline::perform(db, actor, self.id, self.version, input)).await?;
        self.version = saved.version;
        Ok(true)
    }
}

/// Performs a replay step, or ends the calling function (`Ok(())`) when the replay stops.
macro_rules! step {
    ($db:expr, $replay:expr, $actor:expr, $minutes:expr, $input:expr) => {
        if !$replay.step($db, $actor, $minutes, $input).await? {
            return Ok(());
        }
    };
}

/// Registers the case at `at` as a random agent; the replay starts there.
async fn register<'a, C: ConnectionTrait + TransactionTrait>(
    db: &C,
    org: &'a Organisation,
    rng: &mut StdRng,
    template: &Template,
    (customer_id, property_id): Home,
    at: DateTime<Utc>,
    real_now: DateTime<Utc>,
) -> StoreResult<Replay<'a>> {
    let (kind, category_code, _, title, description) = *template;
    let agent = &org.agents[rng.gen_range(0..org.agents.len())];
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
    Ok(Replay {
        id: created.id,
        version: created.version,
        agent,
        clock: at,
        steps: 0,
        stop_after,
        real_now,
    })
}

/// Verification, then closing on the spot, cancelling, or dispatching to the template's
/// department and the rounds of handling and visits.
async fn handle<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    org: &Organisation,
    rng: &mut StdRng,
    replay: &mut Replay<'_>,
    template: &Template,
) -> StoreResult<()> {
    let (kind, _, department, title, _) = *template;
    let agent = replay.agent;
    // A complaint is verified before it is dispatched (the projects' default process, issue #19).
    let must_verify = kind == CaseKind::Complaint;
    if must_verify || rng.gen_bool(0.6) {
        let note = "已电话联系业主核实情况属实。".into();
        step!(
            db,
            replay,
            agent,
            rng.gen_range(5..60),
            ActionInput::Verify(VerifyCase { note })
        );
    }
    if kind.may_close_on_spot() && rng.gen_bool(0.7) {
        // The agent answers from the article the title suggests, when there is one.
        let suggested = knowledge::search::suggest(db, agent, title, None, 1).await?;
        let input = ActionInput::CloseOnSpot(CloseOnSpot {
            answer: "已在电话中详细解答，业主表示清楚。".into(),
            article_id: suggested.first().map(|hit| hit.record.article.id),
        });
        step!(db, replay, agent, 3, input);
        return Ok(());
    }
    if rng.gen_bool(0.04) {
        let input = ActionInput::Cancel(CancelCase {
            reason: CancelReason::Withdrawn,
            duplicate_of: None,
            note: Some("业主来电撤回。".into()),
        });
        step!(db, replay, &org.supervisor, 20, input);
        return Ok(());
    }
    let department_id = org.department(department).unwrap_or(org.departments[0].1);
    let handler = org
        .handlers
        .iter()
        .find(|(d, _)| d == department)
        .map(|(_, a)| a)
        .unwrap_or(&org.admin);
    // The supervisor dispatches complaints (`dispatch_by: supervisor`); other kinds either.
    let dispatcher = if must_verify || rng.gen_bool(0.5) {
        &org.supervisor
    } else {
        agent
    };
    let input = ActionInput::Dispatch(DispatchCase {
        department_id,
        assignee_id: Some(handler.user_id),
        due_at: None,
        note: None,
    });
    step!(db, replay, dispatcher, rng.gen_range(10..90), input);
    work_until_satisfied(db, rng, replay, handler).await
}

/// The handler accepts and resolves, the agent replies and visits; a dissatisfied customer
/// sends the case round again (二次派单).
async fn work_until_satisfied<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    rng: &mut StdRng,
    replay: &mut Replay<'_>,
    handler: &Actor,
) -> StoreResult<()> {
    let agent = replay.agent;
    let mut rounds = 0;
    loop {
        rounds += 1;
        step!(db, replay, handler, rng.gen_range(20..240), ActionInput::Accept);
        let resolved = ActionInput::Resolve(ResolveCase {
            result: "已上门处理完毕，现场恢复正常。".into(),
            charge_amount: None,
            materials: None,
        });
        step!(db, replay, handler, rng.gen_range(60..2400), resolved);
        let reply = ActionInput::Reply(ReplyCase {
            content: "已电话告知业主处理结果。".into(),
            method: ReplyMethod::Phone,
        });
        step!(db, replay, agent, rng.gen_range(30..180), reply);
        if rng.gen_bool(0.1) {
            let unreached = ActionInput::Visit(VisitCase {
                reached: false,
                satisfaction: None,
                comment: Some("电话无人接听。".into()),
            });
            step!(db, replay, agent, rng.gen_range(600..1440), unreached);
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
        let visit = ActionInput::Visit(VisitCase {
            reached: true,
            satisfaction: Some(satisfaction),
            comment: Some(comment.into()),
        });
        step!(db, replay, agent, rng.gen_range(600..2880), visit);
        if satisfaction.is_satisfied() {
            return Ok(());
        }
    }
}
