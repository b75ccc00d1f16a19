//! Replays a demo lead through the lead pipeline: dispatch to the fairest designer, follow-up,
//! measure, propose, sign, or a reported (and perhaps confirmed) loss.

use chrono::{DateTime, Duration, Utc};
use huiyin_domain::decoration::lead::{FollowUpChannel, LeadAction, LossKind, LossReason, OrderSize};
use huiyin_store::leads::designers;
use huiyin_store::leads::dispatch::{self, Dispatched};
use huiyin_store::leads::progress::{self, FollowUp, ReportLoss};
use huiyin_store::{at_time, Actor, StoreResult};
use rand::rngs::StdRng;
use rand::Rng;
use uuid::Uuid;

use super::{to, Deco, Replayed, Target};

/// Walks a lead to `target`; answers the lead when it ended signed.
pub(super) async fn replay<C: sea_orm::ConnectionTrait + sea_orm::TransactionTrait>(
    db: &C,
    deco: &Deco,
    mut lead: Replayed,
    target: Target,
    rng: &mut StdRng,
) -> StoreResult<Option<Replayed>> {
    use Target as T;
    if target == T::New {
        return Ok(None);
    }
    let cm = deco.customer_managers[0].clone();
    lead.clock += Duration::hours(2);
    let size = at_time(lead.clock, huiyin_store::leads::query::get(db, &cm, lead.id))
        .await?
        .lead
        .size
        .0;
    let Some(designer) = fairest(db, deco.store, size, lead.clock).await? else {
        return Ok(None);
    };
    let dispatched = at_time(lead.clock, async {
        dispatch::dispatch(db, &cm, lead.id, lead.version, to(designer, None), false).await
    })
    .await?;
    let Dispatched::Done(record) = dispatched else {
        return Ok(None);
    };
    lead.version = record.lead.version;
    lead.designer = Some(designer);
    let designer_actor = Actor::load(db, designer).await?.unwrap_or_else(|| cm.clone());
    step_follow_up(db, &designer_actor, &mut lead, rng).await?;
    if target == T::Dispatched {
        return Ok(None);
    }
    if matches!(target, T::PendingInvalid | T::LostInvalid) {
        lose(db, deco, &mut lead, LossKind::Invalid, target == T::LostInvalid, rng).await?;
        return Ok(None);
    }
    for action in [LeadAction::Measure, LeadAction::Propose, LeadAction::Sign] {
        lead.clock += Duration::days(rng.gen_range(2..5));
        let record = at_time(
            lead.clock,
            progress::advance(db, &designer_actor, lead.id, lead.version, action, None),
        )
        .await?;
        lead.version = record.lead.version;
        let reached = match action {
            LeadAction::Measure => matches!(target, T::Measured | T::PendingFailed | T::LostFailed),
            LeadAction::Propose => target == T::Proposal,
            _ => true,
        };
        if reached {
            break;
        }
    }
    match target {
        T::PendingFailed | T::LostFailed => {
            lose(
                db,
                deco,
                &mut lead,
                LossKind::FailedSigning,
                target == T::LostFailed,
                rng,
            )
            .await?;
            Ok(None)
        }
        T::Signed => Ok(Some(lead)),
        T::Proposal => {
            // Called back yesterday: not overdue.
            lead.clock = lead.clock.max(Utc::now() - Duration::days(1));
            step_follow_up(db, &designer_actor, &mut lead, rng).await?;
            Ok(None)
        }
        _ => Ok(None),
    }
}

/// The first designer the dispatch dialog would offer at `at`.
async fn fairest<C: sea_orm::ConnectionTrait>(
    db: &C,
    store: Uuid,
    size: OrderSize,
    at: DateTime<Utc>,
) -> StoreResult<Option<Uuid>> {
    let offered = at_time(at, designers::eligible(db, store, size, false)).await?;
    Ok(offered
        .into_iter()
        .find(|d| d.broken.is_empty())
        .map(|d| d.record.user.id))
}

async fn step_follow_up<C: sea_orm::ConnectionTrait + sea_orm::TransactionTrait>(
    db: &C,
    designer: &Actor,
    lead: &mut Replayed,
    rng: &mut StdRng,
) -> StoreResult<()> {
    lead.clock += Duration::hours(rng.gen_range(3..30));
    let (channel, note) = [
        (FollowUpChannel::Phone, "电话沟通户型与预算，约周末量房"),
        (FollowUpChannel::Wechat, "微信发送样板间案例，客户有兴趣"),
        (FollowUpChannel::Store, "客户到店看材料展厅"),
    ][rng.gen_range(0..3)];
    let record = at_time(
        lead.clock,
        progress::follow_up(
            db,
            designer,
            lead.id,
            lead.version,
            FollowUp {
                channel,
                note: note.into(),
                next_on: None,
                intent: None,
            },
        ),
    )
    .await?;
    lead.version = record.lead.version;
    Ok(())
}

async fn lose<C: sea_orm::ConnectionTrait + sea_orm::TransactionTrait>(
    db: &C,
    deco: &Deco,
    lead: &mut Replayed,
    kind: LossKind,
    confirm: bool,
    rng: &mut StdRng,
) -> StoreResult<()> {
    let (reason, statement) = match kind {
        LossKind::Invalid => [
            (LossReason::NotDecorating, "房子打算出租，暂时不装修了"),
            (LossReason::BudgetTooLow, "预算只有三万左右，想简单刷墙"),
        ][rng.gen_range(0..2)],
        LossKind::FailedSigning => [
            (LossReason::Price, "别家报价便宜两万，已经签了"),
            (LossReason::Competition, "朋友介绍的装修队，已经开工"),
            (LossReason::Service, "设计方案改了三次还不满意"),
        ][rng.gen_range(0..3)],
    };
    lead.clock += Duration::days(rng.gen_range(1..4));
    let cm = &deco.customer_managers[1];
    let record = at_time(
        lead.clock,
        progress::report_loss(
            db,
            cm,
            lead.id,
            lead.version,
            ReportLoss {
                kind,
                reason,
                customer_statement: statement.into(),
            },
        ),
    )
    .await?;
    lead.version = record.lead.version;
    if confirm {
        lead.clock += Duration::days(1);
        let record = at_time(
            lead.clock,
            progress::confirm(
                db,
                &deco.design_manager,
                lead.id,
                lead.version,
                true,
                "二次回访客户，确认跑单".into(),
            ),
        )
        .await?;
        lead.version = record.lead.version;
    }
    Ok(())
}
