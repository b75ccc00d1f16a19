//! The `lead_follow_up_missed` warning: a lead still being worked whose follow-up day has passed
//! (Beijing) raises one warning per lead and due day, told to the customer manager who
//! registered it and to the lead's designer. The worker sweeps every tick.

use chrono::{DateTime, Utc};
use huiyin_domain::decoration::lead::LeadStatus;
use huiyin_domain::time::business_day;
use huiyin_domain::warning::WarningRule;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use serde_json::json;

use crate::entity::{lead, warning};
use crate::notifications::{self, NewNotification, NotificationKind};
use crate::wire::Wire;
use crate::{new_id, StoreResult};

/// Raises the missing warnings for overdue leads (at most `limit` per call); returns how many.
pub async fn sweep(db: &impl ConnectionTrait, at: DateTime<Utc>, limit: u64) -> StoreResult<usize> {
    let open: Vec<Wire<LeadStatus>> = LeadStatus::ALL
        .iter()
        .filter(|s| s.is_open())
        .map(|s| Wire(*s))
        .collect();
    let overdue = lead::Entity::find()
        .filter(lead::Column::Status.is_in(open))
        .filter(lead::Column::FollowUpDueOn.lt(business_day(at)))
        .order_by_asc(lead::Column::FollowUpDueOn)
        .limit(limit * 4)
        .all(db)
        .await?;
    let keys: Vec<String> = overdue
        .iter()
        .map(|l| format!("lead:{}:{}", l.id, l.follow_up_due_on))
        .collect();
    let known: std::collections::HashSet<String> = warning::Entity::find()
        .select_only()
        .column(warning::Column::SubjectKey)
        .filter(warning::Column::SubjectKey.is_in(keys.clone()))
        .into_tuple::<String>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut fired = 0;
    for (l, key) in overdue.into_iter().zip(keys) {
        if fired as u64 >= limit {
            break;
        }
        if known.contains(&key) {
            continue;
        }
        let title = format!("客户资源 {} 回访逾期（应于 {} 前回访）", l.number, l.follow_up_due_on);
        let saved = warning::ActiveModel {
            id: Set(new_id()),
            rule: Set(Wire(WarningRule::LeadFollowUpMissed)),
            subject_key: Set(key),
            project_id: Set(Some(l.project_id)),
            title: Set(title.clone()),
            detail: Set(format!(
                "Lead {} was due for a follow-up by {} ({} customer)",
                l.number, l.follow_up_due_on, l.intent.0
            )),
            case_ids: Set(json!([]).to_string()),
            fired_at: Set(at),
            acknowledged_at: Set(None),
            acknowledged_by: Set(None),
            ack_note: Set(None),
        }
        .insert(db)
        .await?;
        let who: Vec<_> = std::iter::once(l.created_by).chain(l.designer_id).collect();
        notifications::notify(
            db,
            &who,
            &NewNotification {
                kind: NotificationKind::Warning,
                title,
                body: l.address.clone(),
                case_id: None,
                warning_id: Some(saved.id),
            },
        )
        .await?;
        fired += 1;
    }
    Ok(fired)
}
