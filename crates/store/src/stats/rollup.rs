//! Statistics roll-ups, kept exact: every case change records its deltas in its own transaction.
//!
//! * `stats_case_facts` holds one row per case: what the case currently contributes to the
//!   figures (a JSON copy of the fields the figures read) plus its three durations, which the
//!   medians read through a covering index.
//! * `stats_rollups` holds integer sums keyed by `(grain, dim, day, project_id, area_id, kind,
//!   dkey)`: grain `d` (a Beijing day, `day = yyyymmdd`) or `m` (a Beijing month,
//!   `day = yyyymm01`); dim `''` (no further key), `status`, or one breakdown dimension
//!   (`category`, `channel`, `severity`, `department`, `assignee`, `building`, month grain only).
//!   Durations are summed in microseconds, so adding and subtracting stays exact. Dims
//!   `h_dispatch`, `h_resolve`, `h_close` (month grain, area nil) and `ha_…` (per area) are
//!   histograms of the three durations for the exact medians (`medians.rs`).
//!
//! [`refresh`] recomputes one case's facts and records the difference between the old
//! contribution and the new one as deltas (`super::fold`: the worker folds them into the
//! roll-ups, readers add the unfolded ones) and stores the new facts. [`rebuild`] recomputes
//! everything from the cases.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use huiyin_domain::case::Satisfaction;
use huiyin_domain::stats::median::{bucket_key, duration_bucket};
use sea_orm::{ConnectionTrait, DatabaseBackend, EntityTrait, QueryOrder, QuerySelect, Statement, TransactionTrait};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::sql::Sql;
use crate::entity::{case, property};
use crate::{StoreError, StoreResult};

/// The summed columns, in storage order.
pub const SUMS: [&str; 23] = [
    "created",
    "closed",
    "cancelled",
    "closed_on_spot",
    "dispatched",
    "second_dispatched",
    "verify_due",
    "verify_on_time",
    "resolve_due",
    "resolve_on_time",
    "visit_due",
    "s_very_dissatisfied",
    "s_dissatisfied",
    "s_satisfied",
    "s_very_satisfied",
    "dispatch_us",
    "resolve_us",
    "resolved",
    "close_us",
    "closed_in",
    "ended",
    "escalated_area",
    "escalated_company",
];
const N: usize = SUMS.len();
pub type Vals = [i64; N];

const CREATED: usize = 0;
const CLOSED: usize = 1;
const CANCELLED: usize = 2;
const CLOSED_ON_SPOT: usize = 3;
const DISPATCHED: usize = 4;
const SECOND_DISPATCHED: usize = 5;
const VERIFY_DUE: usize = 6;
const VERIFY_ON_TIME: usize = 7;
const RESOLVE_DUE: usize = 8;
const RESOLVE_ON_TIME: usize = 9;
const VISIT_DUE: usize = 10;
const SATISFACTION: usize = 11;
const DISPATCH_US: usize = 15;
const RESOLVE_US: usize = 16;
const RESOLVED: usize = 17;
const CLOSE_US: usize = 18;
const CLOSED_IN: usize = 19;
const ENDED: usize = 20;
const ESCALATED_AREA: usize = 21;
const ESCALATED_COMPANY: usize = 22;

/// Breakdown dimensions stored with their own key (month grain only). Project, area and kind are
/// columns of every row.
pub const DIMS: [&str; 7] = [
    "category",
    "channel",
    "severity",
    "department",
    "assignee",
    "building",
    "cancel_reason",
];

/// Month histograms of the three durations, `(dim, stats_case_facts column)`: the row's `dkey` is
/// the duration's bucket (`huiyin_domain::stats::median`) and `created` counts the cases in it.
/// Kept per project and kind (area nil), which keeps a year's histogram small for the usual
/// calls, and again per area ([`AREA_HISTOGRAMS`]) for calls filtered by area.
pub const HISTOGRAMS: [(&str, &str); 3] = [("h_dispatch", "d_secs"), ("h_resolve", "r_secs"), ("h_close", "c_secs")];
/// The same histograms with the case's area in `area_id`.
pub const AREA_HISTOGRAMS: [(&str, &str); 3] = [
    ("ha_dispatch", "d_secs"),
    ("ha_resolve", "r_secs"),
    ("ha_close", "c_secs"),
];

/// The business day is Beijing time (UTC+8 all year since 1991).
pub const BEIJING_OFFSET_HOURS: i64 = 8;

/// The Beijing date of an instant.
pub fn beijing_date(t: DateTime<Utc>) -> NaiveDate {
    (t + Duration::hours(BEIJING_OFFSET_HOURS)).date_naive()
}

/// The instant a Beijing date starts.
pub fn beijing_start(date: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&date.and_hms_opt(0, 0, 0).unwrap_or_default()) - Duration::hours(BEIJING_OFFSET_HOURS)
}

/// `yyyymmdd` of a date.
pub fn day_number(date: NaiveDate) -> i32 {
    date.year() * 10_000 + date.month() as i32 * 100 + date.day() as i32
}

fn month_number(date: NaiveDate) -> i32 {
    date.year() * 10_000 + date.month() as i32 * 100 + 1
}

/// What one case contributes to the figures: the case fields the figures read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Facts {
    pub created_at: DateTime<Utc>,
    pub project_id: Uuid,
    pub area_id: Option<Uuid>,
    pub kind: String,
    pub category_id: Option<Uuid>,
    pub channel: String,
    pub severity: String,
    pub department_id: Option<Uuid>,
    pub assignee_id: Option<Uuid>,
    /// `project_id/building` of the case's property.
    pub building: Option<String>,
    pub status: String,
    pub closed_on_spot: bool,
    pub dispatch_count: i32,
    pub first_dispatched_at: Option<DateTime<Utc>>,
    pub verified_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub due_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub last_satisfaction: Option<String>,
    /// The highest escalation level reached (facts stored before it existed read as project).
    #[serde(default)]
    pub peak_level: String,
    /// The verification deadline: `on_time_verify` counts verifications by it (issue #19; facts
    /// stored before read as none, and then the same Beijing date counts, as it did).
    #[serde(default)]
    pub verify_due_at: Option<DateTime<Utc>>,
    /// Why a cancelled case was cancelled (the `cancel_reason` breakdown).
    #[serde(default)]
    pub cancel_reason: Option<String>,
}

/// Verified in time: by the verification deadline, or (without one) on the Beijing date of
/// registration. `figures::push_columns` says the same in SQL.
pub fn verified_in_time(
    created_at: DateTime<Utc>,
    verified_at: Option<DateTime<Utc>>,
    verify_due_at: Option<DateTime<Utc>>,
) -> bool {
    match (verified_at, verify_due_at) {
        (None, _) => false,
        (Some(v), Some(due)) => v <= due,
        (Some(v), None) => beijing_date(v) == beijing_date(created_at),
    }
}

impl Facts {
    pub fn of(c: &case::Model, property: Option<&property::Model>) -> Self {
        Facts {
            created_at: c.created_at,
            project_id: c.project_id,
            area_id: c.area_id,
            kind: c.kind.to_string(),
            category_id: c.category_id,
            channel: c.channel.to_string(),
            severity: c.severity.to_string(),
            department_id: c.department_id,
            assignee_id: c.assignee_id,
            building: property.map(|p| format!("{}/{}", p.project_id, p.building)),
            status: c.status.to_string(),
            closed_on_spot: c.closed_on_spot,
            dispatch_count: c.dispatch_count,
            first_dispatched_at: c.first_dispatched_at,
            verified_at: c.verified_at,
            resolved_at: c.resolved_at,
            due_at: c.due_at,
            closed_at: c.closed_at,
            cancelled_at: c.cancelled_at,
            last_satisfaction: c.last_satisfaction.map(|s| s.to_string()),
            peak_level: c.peak_level.to_string(),
            verify_due_at: c.verify_due_at,
            cancel_reason: c.cancel_reason.map(|r| r.to_string()),
        }
    }

    fn micros(&self, to: Option<DateTime<Utc>>) -> Option<i64> {
        to.and_then(|t| (t - self.created_at).num_microseconds())
    }

    /// Seconds from registration to the first dispatch, the latest resolution and the closing.
    pub fn durations(&self) -> [Option<f64>; 3] {
        let secs = |us: Option<i64>| us.map(|us| us as f64 / 1_000_000.0);
        let close = if self.status == "closed" { self.closed_at } else { None };
        [
            secs(self.micros(self.first_dispatched_at)),
            secs(self.micros(self.resolved_at)),
            secs(self.micros(close)),
        ]
    }

    /// The cohort sums of this case alone (as in `figures::push_columns`; `overdue` depends on
    /// the clock and is counted live).
    fn cohort(&self) -> Vals {
        let mut v = [0i64; N];
        let one = |b: bool| i64::from(b);
        let closed = self.status == "closed";
        let cancelled = self.status == "cancelled";
        v[CREATED] = 1;
        v[CLOSED] = one(closed);
        v[CANCELLED] = one(cancelled);
        v[CLOSED_ON_SPOT] = one(self.closed_on_spot);
        v[DISPATCHED] = one(self.dispatch_count >= 1);
        v[SECOND_DISPATCHED] = one(self.dispatch_count >= 2);
        v[ESCALATED_AREA] = one(self.peak_level == "area" || self.peak_level == "company");
        v[ESCALATED_COMPANY] = one(self.peak_level == "company");
        let verify_due = !self.closed_on_spot && !cancelled;
        v[VERIFY_DUE] = one(verify_due);
        v[VERIFY_ON_TIME] = one(verify_due && verified_in_time(self.created_at, self.verified_at, self.verify_due_at));
        let resolve_due = self.resolved_at.is_some() && self.due_at.is_some();
        v[RESOLVE_DUE] = one(resolve_due);
        v[RESOLVE_ON_TIME] = one(matches!((self.resolved_at, self.due_at), (Some(r), Some(d)) if r <= d));
        v[VISIT_DUE] = one(!self.closed_on_spot && (self.status == "visiting" || self.last_satisfaction.is_some()));
        for (i, level) in Satisfaction::ALL.iter().enumerate() {
            v[SATISFACTION + i] = one(self.last_satisfaction.as_deref() == Some(level.as_str()));
        }
        v[DISPATCH_US] = self.micros(self.first_dispatched_at).unwrap_or(0);
        v[RESOLVE_US] = self.micros(self.resolved_at).unwrap_or(0);
        v[RESOLVED] = one(self.resolved_at.is_some());
        v[CLOSE_US] = if closed {
            self.micros(self.closed_at).unwrap_or(0)
        } else {
            0
        };
        v
    }

    fn dim_key(&self, dim: &str) -> String {
        let id = |v: Option<Uuid>| v.map(|v| v.to_string()).unwrap_or_default();
        match dim {
            "category" => id(self.category_id),
            "channel" => self.channel.clone(),
            "severity" => self.severity.clone(),
            "department" => id(self.department_id),
            "assignee" => id(self.assignee_id),
            "building" => self.building.clone().unwrap_or_default(),
            "status" => self.status.clone(),
            "cancel_reason" => self.cancel_reason.clone().unwrap_or_default(),
            _ => String::new(),
        }
    }

    fn key(&self, grain: &'static str, date: NaiveDate, dim: &'static str) -> Key {
        Key {
            grain,
            dim,
            day: if grain == "m" {
                month_number(date)
            } else {
                day_number(date)
            },
            project_id: self.project_id,
            area_id: self.area_id.unwrap_or(Uuid::nil()),
            kind: self.kind.clone(),
            dkey: self.dim_key(dim),
        }
    }

    /// Every roll-up row this case adds to, with what it adds.
    pub fn contributions(&self) -> Vec<(Key, Vals)> {
        let mut out = Vec::with_capacity(16);
        let created = beijing_date(self.created_at);
        let cohort = self.cohort();
        for grain in ["d", "m"] {
            out.push((self.key(grain, created, ""), cohort));
            out.push((self.key(grain, created, "status"), single(CREATED)));
        }
        for dim in DIMS {
            out.push((self.key("m", created, dim), cohort));
        }
        let durations = self.durations();
        for (((dim, _), (area_dim, _)), secs) in HISTOGRAMS.into_iter().zip(AREA_HISTOGRAMS).zip(durations) {
            if let Some(secs) = secs {
                let dkey = bucket_key(duration_bucket(secs));
                let key = Key {
                    area_id: Uuid::nil(),
                    dkey: dkey.clone(),
                    ..self.key("m", created, dim)
                };
                out.push((key, single(CREATED)));
                out.push((
                    Key {
                        dkey,
                        ..self.key("m", created, area_dim)
                    },
                    single(CREATED),
                ));
            }
        }
        if self.status == "closed" {
            if let Some(closed) = self.closed_at {
                for grain in ["d", "m"] {
                    out.push((self.key(grain, beijing_date(closed), ""), single(CLOSED_IN)));
                }
            }
        }
        let ended = match (self.closed_at, self.cancelled_at) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if let Some(ended) = ended {
            for grain in ["d", "m"] {
                out.push((self.key(grain, beijing_date(ended), ""), single(ENDED)));
            }
        }
        out
    }
}

fn single(index: usize) -> Vals {
    let mut v = [0i64; N];
    v[index] = 1;
    v
}

/// A roll-up row's key; the field order is the primary key's, so sorted keys lock in index order.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    pub grain: &'static str,
    pub dim: &'static str,
    pub day: i32,
    pub project_id: Uuid,
    pub area_id: Uuid,
    pub kind: String,
    pub dkey: String,
}

pub(super) fn add_into(map: &mut BTreeMap<Key, Vals>, rows: Vec<(Key, Vals)>, sign: i64) {
    for (key, vals) in rows {
        let slot = map.entry(key).or_insert([0; N]);
        for (s, v) in slot.iter_mut().zip(vals) {
            *s += sign * v;
        }
    }
}

/// The seven key values of a roll-up row, comma-separated, in `KEY_COLUMNS` order.
pub(super) fn push_key(sql: &mut Sql, key: &Key) {
    sql.bind(key.grain)
        .push(", ")
        .bind(key.dim)
        .push(", ")
        .bind(key.day)
        .push(", ")
        .bind(key.project_id)
        .push(", ")
        .bind(key.area_id)
        .push(", ")
        .bind(key.kind.as_str())
        .push(", ")
        .bind(key.dkey.as_str());
}

/// Adds `rows` to the roll-ups: one multi-row upsert per chunk, in key order.
pub(super) async fn upsert(db: &impl ConnectionTrait, rows: &[(&Key, &Vals)]) -> StoreResult<()> {
    let backend = db.get_database_backend();
    // 28 parameters a row; stay well below SQLite's and PostgreSQL's limits.
    for chunk in rows.chunks(500) {
        let mut sql = Sql::new(backend);
        sql.push("INSERT INTO stats_rollups (grain, dim, day, project_id, area_id, kind, dkey");
        for column in SUMS {
            sql.push(", ").push(column);
        }
        sql.push(") VALUES ");
        for (i, (key, vals)) in chunk.iter().enumerate() {
            if i > 0 {
                sql.push(", ");
            }
            sql.push("(");
            push_key(&mut sql, key);
            for v in vals.iter() {
                sql.push(", ").bind(*v);
            }
            sql.push(")");
        }
        sql.push(" ON CONFLICT (grain, dim, day, project_id, area_id, kind, dkey) DO UPDATE SET ");
        for (i, column) in SUMS.iter().enumerate() {
            if i > 0 {
                sql.push(", ");
            }
            sql.push(&format!("{column} = stats_rollups.{column} + excluded.{column}"));
        }
        db.execute(sql.statement()).await?;
    }
    Ok(())
}

pub(super) async fn stored_facts(db: &impl ConnectionTrait, case_id: Uuid) -> StoreResult<Option<Facts>> {
    let mut sql = Sql::new(db.get_database_backend());
    sql.push("SELECT facts FROM stats_case_facts WHERE case_id = ")
        .bind(case_id);
    match db.query_one(sql.statement()).await? {
        Some(row) => {
            let text: String = row.try_get("", "facts")?;
            serde_json::from_str(&text)
                .map(Some)
                .map_err(|e| StoreError::invalid("stats_case_facts", e.to_string()))
        }
        None => Ok(None),
    }
}

fn push_fact_values(sql: &mut Sql, case_id: Uuid, facts: &Facts) -> StoreResult<()> {
    let [d, r, c] = facts.durations();
    let json = serde_json::to_string(facts).map_err(|e| StoreError::invalid("stats_case_facts", e.to_string()))?;
    sql.push("(")
        .bind(case_id)
        .push(", ")
        .bind_time(facts.created_at)
        .push(", ")
        .bind(facts.project_id)
        .push(", ")
        .bind(facts.area_id)
        .push(", ")
        .bind(facts.kind.as_str())
        .push(", ")
        .bind(d)
        .push(", ")
        .bind(r)
        .push(", ")
        .bind(c)
        .push(", ")
        .bind(json)
        .push(")");
    Ok(())
}

const FACT_COLUMNS: &str = "case_id, created_at, project_id, area_id, kind, d_secs, r_secs, c_secs, facts";

/// `INSERT INTO stats_case_facts … ON CONFLICT DO UPDATE`: stores a case's facts.
pub(super) fn push_save_facts(sql: &mut Sql, case_id: Uuid, facts: &Facts) -> StoreResult<()> {
    sql.push(&format!("INSERT INTO stats_case_facts ({FACT_COLUMNS}) VALUES "));
    push_fact_values(sql, case_id, facts)?;
    sql.push(
        " ON CONFLICT (case_id) DO UPDATE SET created_at = excluded.created_at, project_id = excluded.project_id, \
         area_id = excluded.area_id, kind = excluded.kind, d_secs = excluded.d_secs, r_secs = excluded.r_secs, \
         c_secs = excluded.c_secs, facts = excluded.facts",
    );
    Ok(())
}

/// Brings the roll-ups up to date with case `case_id`, inside the caller's transaction. Call it
/// after every change to a case (registration, every action).
pub async fn refresh(db: &impl ConnectionTrait, case_id: Uuid) -> StoreResult<()> {
    let Some(found) = case::Entity::find_by_id(case_id).one(db).await? else {
        return Ok(());
    };
    let property = match found.property_id {
        Some(id) => property::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    let facts = Facts::of(&found, property.as_ref());
    let old = stored_facts(db, case_id).await?;
    super::fold::record(db, case_id, old.as_ref(), &facts).await
}

/// Refreshes every case of a property (its building decides the `building` breakdown).
pub async fn refresh_property(db: &impl ConnectionTrait, property_id: Uuid) -> StoreResult<()> {
    use sea_orm::{ColumnTrait, QueryFilter};
    let ids: Vec<Uuid> = case::Entity::find()
        .select_only()
        .column(case::Column::Id)
        .filter(case::Column::PropertyId.eq(property_id))
        .into_tuple()
        .all(db)
        .await?;
    for id in ids {
        refresh(db, id).await?;
    }
    Ok(())
}

/// Recomputes all roll-ups from the cases (after a bulk load, or to check them). Returns the
/// number of cases. Run it inside a transaction to keep readers from seeing a half-built state.
pub async fn rebuild(db: &impl ConnectionTrait) -> StoreResult<u64> {
    use sea_orm::{ColumnTrait, QueryFilter};
    db.execute_unprepared("DELETE FROM stats_rollups").await?;
    db.execute_unprepared("DELETE FROM stats_deltas").await?;
    db.execute_unprepared("DELETE FROM stats_case_facts").await?;
    let buildings: HashMap<Uuid, property::Model> = property::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let mut totals: HashMap<Key, Vals> = HashMap::new();
    let mut after: Option<Uuid> = None;
    let mut count = 0u64;
    let backend = db.get_database_backend();
    loop {
        let mut select = case::Entity::find().order_by_asc(case::Column::Id).limit(5000);
        if let Some(id) = after {
            select = select.filter(case::Column::Id.gt(id));
        }
        let page = select.all(db).await?;
        let Some(last) = page.last() else { break };
        after = Some(last.id);
        let mut facts_rows = Vec::with_capacity(page.len());
        for c in &page {
            let facts = Facts::of(c, c.property_id.and_then(|p| buildings.get(&p)));
            for (key, vals) in facts.contributions() {
                let slot = totals.entry(key).or_insert([0; N]);
                for (s, v) in slot.iter_mut().zip(vals) {
                    *s += v;
                }
            }
            facts_rows.push((c.id, facts));
        }
        if backend == DatabaseBackend::Postgres {
            let mut json = Vec::with_capacity(facts_rows.len());
            for (id, facts) in &facts_rows {
                let [d, r, c] = facts.durations();
                let text =
                    serde_json::to_string(facts).map_err(|e| StoreError::invalid("stats_case_facts", e.to_string()))?;
                json.push(serde_json::json!({
                    "case_id": id, "created_at": facts.created_at, "project_id": facts.project_id,
                    "area_id": facts.area_id, "kind": facts.kind, "d_secs": d, "r_secs": r, "c_secs": c,
                    "facts": text,
                }));
            }
            insert_json(
                db,
                "stats_case_facts",
                "case_id uuid, created_at timestamptz, project_id uuid, area_id uuid, kind text, d_secs float8, \
                 r_secs float8, c_secs float8, facts text",
                json,
            )
            .await?;
        } else {
            // 9 parameters a row: 1,000 rows a statement.
            for chunk in facts_rows.chunks(1000) {
                let mut sql = Sql::new(backend);
                sql.push(&format!("INSERT INTO stats_case_facts ({FACT_COLUMNS}) VALUES "));
                for (i, (id, facts)) in chunk.iter().enumerate() {
                    if i > 0 {
                        sql.push(", ");
                    }
                    push_fact_values(&mut sql, *id, facts)?;
                }
                db.execute(sql.statement()).await?;
            }
        }
        count += page.len() as u64;
    }
    let mut rows: Vec<(&Key, &Vals)> = totals.iter().collect();
    rows.sort_by(|a, b| a.0.cmp(b.0));
    if backend == DatabaseBackend::Postgres {
        let mut spec = "grain text, dim text, day int, project_id uuid, area_id uuid, kind text, dkey text".to_owned();
        for column in SUMS {
            spec.push_str(&format!(", {column} bigint"));
        }
        for chunk in rows.chunks(5000) {
            let json = chunk
                .iter()
                .map(|(key, vals)| {
                    let mut row = serde_json::Map::new();
                    row.insert("grain".into(), key.grain.into());
                    row.insert("dim".into(), key.dim.into());
                    row.insert("day".into(), key.day.into());
                    row.insert("project_id".into(), key.project_id.to_string().into());
                    row.insert("area_id".into(), key.area_id.to_string().into());
                    row.insert("kind".into(), key.kind.clone().into());
                    row.insert("dkey".into(), key.dkey.clone().into());
                    for (column, v) in SUMS.iter().zip(vals.iter()) {
                        row.insert((*column).into(), (*v).into());
                    }
                    serde_json::Value::Object(row)
                })
                .collect();
            insert_json(db, "stats_rollups", &spec, json).await?;
        }
    } else {
        upsert(db, &rows).await?;
    }
    if backend == DatabaseBackend::Postgres {
        db.execute_unprepared("ANALYZE stats_rollups").await?;
        db.execute_unprepared("ANALYZE stats_case_facts").await?;
    }
    Ok(count)
}

/// PostgreSQL bulk insert: the rows as one JSON parameter (`spec`: `name type, …`).
async fn insert_json(
    db: &impl ConnectionTrait,
    table: &str,
    spec: &str,
    rows: Vec<serde_json::Value>,
) -> StoreResult<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let names: Vec<&str> = spec
        .split(',')
        .filter_map(|item| item.split_whitespace().next())
        .collect();
    let names = names.join(", ");
    let mut sql = Sql::new(db.get_database_backend());
    sql.push(&format!(
        "INSERT INTO {table} ({names}) SELECT {names} FROM json_to_recordset("
    ))
    .bind(serde_json::Value::Array(rows).to_string())
    .push(&format!("::json) AS x({spec})"));
    db.execute(sql.statement()).await?;
    Ok(())
}

/// Builds the roll-ups once for a database whose cases predate them (the first start after the
/// migration that created them, or a bulk load that wrote cases directly).
pub async fn build_if_missing<C: ConnectionTrait + TransactionTrait>(db: &C) -> StoreResult<()> {
    let any = |table: &str| format!("SELECT EXISTS (SELECT 1 FROM {table}) AS x");
    let exists = |sql: String| async move {
        let row = db
            .query_one(Statement::from_string(db.get_database_backend(), sql))
            .await?;
        Ok::<bool, StoreError>(match row {
            Some(row) => row
                .try_get::<bool>("", "x")
                .or_else(|_| row.try_get::<i32>("", "x").map(|v| v != 0))?,
            None => false,
        })
    };
    if exists(any("cases")).await? && !exists(any("stats_case_facts")).await? {
        let n = rebuild_all(db).await?;
        tracing::info!(cases = n, "built the statistics roll-ups");
    }
    Ok(())
}

/// [`rebuild`] in its own transaction.
pub async fn rebuild_all<C: ConnectionTrait + TransactionTrait>(db: &C) -> StoreResult<u64> {
    let txn = db.begin().await?;
    let n = rebuild(&txn).await?;
    txn.commit().await?;
    Ok(n)
}

/// [`refresh`] for a case registered in this transaction: its row and property are at hand and it
/// has no stored facts yet, so the three reads `refresh` starts with are skipped. Registration
/// holds the day's number-sequence row and the roll-up rows until commit, so every round trip
/// saved here is time no other registration waits (`make bench-load`).
pub async fn add_new(
    db: &impl ConnectionTrait,
    created: &case::Model,
    property: Option<&property::Model>,
) -> StoreResult<()> {
    let facts = Facts::of(created, property);
    super::fold::record(db, created.id, None, &facts).await
}
