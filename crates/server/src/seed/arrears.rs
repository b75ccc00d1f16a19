//! Demo arrears and a handover (issue #17), through the real code paths: one billing import per
//! demo project (about forty households owing, some past six and twelve months, plus paid
//! households so a collection rate shows), the steward's contacts (one disputed over a service
//! problem, which opens its complaint through the contact log) and a day-shift handover still
//! waiting for the next shift. Deterministic: the same rooms, months and amounts every time.

use std::cmp::Reverse;

use chrono::{Datelike, Duration, NaiveDate, Utc};
use huiyin_domain::arrears::{ContactMethod, ContactReason, ContactResult};
use huiyin_domain::handover::Shift;
use huiyin_domain::time::business_day;
use huiyin_store::arrears::contacts::{self, NewContact};
use huiyin_store::arrears::import::{apply, ImportedBy};
use huiyin_store::arrears::{self, parse, ArrearsRecord, ListArrears};
use huiyin_store::handovers::{self, NewHandover};
use huiyin_store::{Actor, StoreError, StoreResult};
use sea_orm::{ConnectionTrait, TransactionTrait};
use uuid::Uuid;

use super::organisation::rooms;

/// Months owed by the n-th household in arrears: mostly a few, some past 6 and 12.
const MONTHS: [u32; 10] = [1, 2, 3, 1, 4, 7, 2, 9, 13, 15];
/// Monthly property fee in fen of a demo household (2.50 元/m² × 90 m²).
const MONTHLY_FEN: i64 = 22_500;

fn yuan(fen: i64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

/// The last day of the month before `today`: what the billing system exports.
fn last_month_end(today: NaiveDate) -> NaiveDate {
    today.with_day(1).unwrap_or(today) - Duration::days(1)
}

/// The import file for one project: `owing` households in arrears, then `paid` households that paid.
fn import_csv(buildings: &[String], as_of: NaiveDate, owing: usize, paid: usize) -> String {
    let mut csv = String::from("building,unit,room,fee_item,months,amount,as_of,receivable,received\n");
    for i in 0..owing + paid {
        // Distinct rooms: building by remainder, then unit, door and floor by quotient.
        let building = &buildings[i % buildings.len()];
        let rest = i / buildings.len();
        let unit = 1 + rest % 2;
        let door = 1 + (rest / 2) % 2;
        let floor = 1 + (3 * (rest / 4) + i % 5) % 18;
        let (months, received) = if i < owing {
            (MONTHS[i % MONTHS.len()], 0)
        } else {
            (0, MONTHLY_FEN)
        };
        csv.push_str(&format!(
            "{building},{unit}单元,{floor}{door:02},物业费,{months},{},{as_of},{},{}\n",
            yuan(MONTHLY_FEN * i64::from(months)),
            yuan(MONTHLY_FEN),
            yuan(received),
        ));
    }
    csv
}

async fn import_project<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    admin: &Actor,
    project_id: Uuid,
    today: NaiveDate,
) -> StoreResult<()> {
    let mut buildings: Vec<String> = rooms(db, admin, Some(project_id))
        .await?
        .into_iter()
        .map(|room| room.building)
        .collect();
    buildings.sort();
    buildings.dedup();
    if buildings.is_empty() {
        return Ok(());
    }
    let (rows, errors) = parse::csv(&import_csv(&buildings, last_month_end(today), 40, 20), today);
    let by = ImportedBy {
        user_id: Some(admin.user_id),
        api_key_id: None,
    };
    apply(db, project_id, by, rows, errors).await?;
    Ok(())
}

/// The open arrears of an area, the most months owed first (then in import order).
async fn oldest_first(db: &impl ConnectionTrait, steward: &Actor, area_id: Uuid) -> StoreResult<Vec<ArrearsRecord>> {
    let mut rows = Vec::new();
    let mut cursor = None;
    loop {
        let query = ListArrears {
            area_id: Some(area_id),
            limit: Some(200),
            cursor,
            ..Default::default()
        };
        let page = arrears::list(db, steward, query).await?;
        rows.extend(page.items);
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    rows.sort_by_key(|row| (Reverse(row.months), row.id));
    Ok(rows)
}

/// The steward's contacts on their area's oldest arrears: a dispute over a leak (which opens a
/// complaint), a promise and an unreachable household.
async fn steward_contacts(db: &impl ConnectionTrait, steward: &Actor, area_id: Uuid) -> StoreResult<()> {
    let rows = oldest_first(db, steward, area_id).await?;
    let today = business_day(Utc::now());
    let plans = [
        (
            ContactMethod::Visit,
            ContactResult::Disputed,
            Some(ContactReason::ServiceDispute),
            "业主表示卫生间漏水至今未修好，修好之前不交物业费。",
            None,
        ),
        (
            ContactMethod::Phone,
            ContactResult::Promised,
            Some(ContactReason::Hardship),
            "业主近期资金紧张，承诺月底前缴清。",
            Some(today + Duration::days(14)),
        ),
        (
            ContactMethod::Phone,
            ContactResult::Unreachable,
            Some(ContactReason::Unreachable),
            "电话无人接听，下周上门。",
            None,
        ),
    ];
    for (row, (method, result, reason, note, promised_on)) in rows.iter().zip(plans) {
        let contact = NewContact {
            method,
            result,
            reason,
            note: Some(note.into()),
            promised_on,
        };
        contacts::add(db, steward, row.id, contact).await?;
    }
    Ok(())
}

/// Imports, contacts and the pending day-shift handover.
pub(super) async fn seed<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    admin: &Actor,
    steward: &Actor,
    steward_area: Uuid,
    day_agent: &Actor,
    project_ids: &[Uuid],
) -> StoreResult<()> {
    let today = business_day(Utc::now());
    for project_id in project_ids {
        import_project(db, admin, *project_id, today).await?;
    }
    steward_contacts(db, steward, steward_area).await?;
    let handover = NewHandover {
        project_ids: None,
        shift: Some(Shift::Day),
        notes: Some("3栋电梯维保今晚十点开始，已在业主群通知。".into()),
        instructions: Some("主管：漏水投诉的业主今晚可能来电，请优先接听并登记。".into()),
        suggestions: Some("前台打印机缺纸，明早补充。".into()),
        equipment: Some("对讲机 4 台均已充电；监控正常。".into()),
    };
    handovers::create(db, day_agent, handover).await.map_err(|e| match e {
        StoreError::NotFound => StoreError::invalid("handover", "the demo agent has no project"),
        other => other,
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_is_deterministic_and_owes_past_both_thresholds() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        let buildings = vec!["1栋".to_owned(), "2栋".to_owned()];
        let csv = import_csv(&buildings, last_month_end(day), 40, 20);
        assert_eq!(csv, import_csv(&buildings, last_month_end(day), 40, 20));
        assert!(csv.contains(",2026-11-30,"));
        let (rows, errors) = parse::csv(&csv, day);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(rows.len(), 60);
        assert!(rows.iter().any(|r| r.row.months >= 12));
        assert!(rows.iter().any(|r| (6..12).contains(&r.row.months)));
    }
}
