//! The core figures per group of the cohort (by a [`Dimension`]), largest first.
//! Every case of the cohort falls in exactly one group (cases without a value form the group
//! with `key: null`), so the groups add up to the summary.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::area_visits::{by_area, VisitCoverage};
use super::figures::{push_columns, read_sums, Figures, Sums};
use super::rolled::{self, push_overdue_only, Span};
use super::sql::Sql;
use super::summary::PeriodInfo;
use super::StatsFilter;
use crate::entity::{area, category, department, project, user};
use crate::{now, StoreResult};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    Category,
    Channel,
    Project,
    Area,
    Building,
    Department,
    Assignee,
    Kind,
    Severity,
    /// Why cancelled cases were cancelled (`duplicate`, `invalid`, `withdrawn`); every other
    /// case is in the `null` group. Read the groups' `cancelled` figure.
    CancelReason,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The group's value: an id, an enum value, or `project_id/building`; `null` for cases without one.
    pub key: Option<String>,
    /// A readable name (category, project, area, department or person name; building with its project).
    pub label: Option<String>,
    pub figures: Figures,
    /// Only with `by=area` and a period within one month: the area's household visit coverage
    /// of that month against its target; `null` otherwise.
    pub household_coverage: Option<VisitCoverage>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown {
    pub by: Dimension,
    pub period: PeriodInfo,
    pub groups: Vec<Group>,
    /// The sum of all groups (equal to the summary's figures).
    pub total: Figures,
}

enum Key {
    Text(&'static str),
    Id(&'static str),
    Building,
}

fn key_of(by: Dimension) -> Key {
    match by {
        Dimension::Category => Key::Id("c.category_id"),
        Dimension::Channel => Key::Text("c.channel"),
        Dimension::Project => Key::Id("c.project_id"),
        Dimension::Area => Key::Id("c.area_id"),
        Dimension::Building => Key::Building,
        Dimension::Department => Key::Id("c.department_id"),
        Dimension::Assignee => Key::Id("c.assignee_id"),
        Dimension::Kind => Key::Text("c.kind"),
        Dimension::Severity => Key::Text("c.severity"),
        Dimension::CancelReason => Key::Text("c.cancel_reason"),
    }
}

type GroupKey = (Option<String>, Option<Uuid>);

/// Groups of the cases created in `[start, end)` (with the filter's other conditions), from the
/// cases table; with `overdue_only`, only the open cases past their due time.
async fn raw_groups(
    db: &impl ConnectionTrait,
    filter: &StatsFilter,
    by: Dimension,
    (start, end): (DateTime<Utc>, DateTime<Utc>),
    overdue_only: bool,
) -> StoreResult<Vec<(GroupKey, Sums)>> {
    let at = now();
    let mut sql = Sql::new(db.get_database_backend());
    let key = key_of(by);
    let (select_key, group, join) = match key {
        Key::Text(col) => (format!("{col} AS k_text, NULL AS k_id"), col.to_owned(), ""),
        Key::Id(col) => (format!("NULL AS k_text, {col} AS k_id"), col.to_owned(), ""),
        Key::Building => (
            "p.building AS k_text, p.project_id AS k_id".to_owned(),
            "p.project_id, p.building".to_owned(),
            " LEFT JOIN properties p ON p.id = c.property_id",
        ),
    };
    sql.push(&format!("SELECT {select_key}, "));
    push_columns(&mut sql, at);
    sql.push(&format!(" FROM cases c{join} WHERE"));
    filter.push_cohort_between(&mut sql, start, end);
    if overdue_only {
        push_overdue_only(&mut sql, at);
    }
    sql.push(&format!(" GROUP BY {group}"));
    let mut rows = Vec::new();
    for row in db.query_all(sql.statement()).await? {
        let text: Option<String> = row.try_get("", "k_text")?;
        let id: Option<Uuid> = row.try_get("", "k_id")?;
        let key = match (&key, text, id) {
            (Key::Building, Some(building), Some(project)) => (Some(building), Some(project)),
            (Key::Building, _, _) => (None, None),
            (_, text, id) => (text, id),
        };
        rows.push((key, read_sums(&row)?));
    }
    Ok(rows)
}

/// The roll-up rows' groups: project, area and kind are columns of every row (day and month
/// grain); the other dimensions have month rows of their own.
async fn rolled_groups(
    db: &impl ConnectionTrait,
    filter: &StatsFilter,
    by: Dimension,
    span: &Span,
) -> StoreResult<Vec<(GroupKey, Sums)>> {
    let (dim, column) = match by {
        Dimension::Project => ("", "r.project_id"),
        Dimension::Area => ("", "r.area_id"),
        Dimension::Kind => ("", "r.kind"),
        Dimension::Category => ("category", "r.dkey"),
        Dimension::Channel => ("channel", "r.dkey"),
        Dimension::Severity => ("severity", "r.dkey"),
        Dimension::Department => ("department", "r.dkey"),
        Dimension::Assignee => ("assignee", "r.dkey"),
        Dimension::Building => ("building", "r.dkey"),
        Dimension::CancelReason => ("cancel_reason", "r.dkey"),
    };
    let parts = if dim.is_empty() { span.rows() } else { span.month_rows() };
    let rows = rolled::grouped(db, filter, dim, &format!("{column} AS k"), column, parts).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let key = match by {
            Dimension::Project | Dimension::Area => {
                let id: Uuid = row.try_get("", "k")?;
                (None, (!id.is_nil()).then_some(id))
            }
            _ => {
                let text: String = row.try_get("", "k")?;
                match (by, text.as_str()) {
                    (_, "") => (None, None),
                    (Dimension::Kind | Dimension::Channel | Dimension::Severity | Dimension::CancelReason, _) => {
                        (Some(text), None)
                    }
                    (Dimension::Building, _) => match text.split_once('/') {
                        Some((project, building)) => (Some(building.to_owned()), project.parse().ok()),
                        None => (None, None),
                    },
                    _ => (None, text.parse().ok()),
                }
            }
        };
        out.push((key, rolled::read(&row)?.0));
    }
    Ok(out)
}

pub async fn breakdown(db: &impl ConnectionTrait, filter: &StatsFilter, by: Dimension) -> StoreResult<Breakdown> {
    filter.check_scope()?;
    let whole = (filter.period.start, filter.period.end);
    let own_rows = matches!(by, Dimension::Project | Dimension::Area | Dimension::Kind);
    let span = Span::of_filter(filter, true).filter(|span| own_rows || span.has_months());
    let rows: Vec<(GroupKey, Sums)> = match span {
        Some(span) => {
            let mut merged: HashMap<GroupKey, Sums> = HashMap::new();
            let mut parts = rolled_groups(db, filter, by, &span).await?;
            if !own_rows {
                for edge in span.edges() {
                    for (key, mut sums) in raw_groups(db, filter, by, edge, false).await? {
                        // Counted once below, over the whole period.
                        sums.overdue = 0;
                        parts.push((key, sums));
                    }
                }
            }
            for (key, sums) in parts {
                merged.entry(key).or_default().add(&sums);
            }
            for (key, sums) in raw_groups(db, filter, by, whole, true).await? {
                merged.entry(key).or_default().overdue += sums.overdue;
            }
            merged.into_iter().filter(|(_, s)| s.created != 0).collect()
        }
        None => raw_groups(db, filter, by, whole, false).await?,
    };
    let key = key_of(by);
    let rows: Vec<(Option<String>, Option<Uuid>, Sums)> = rows.into_iter().map(|((t, i), s)| (t, i, s)).collect();
    let ids: Vec<Uuid> = rows.iter().filter_map(|(_, id, _)| *id).collect();
    let names = labels(db, by, &ids).await?;
    let mut total = Sums::default();
    let mut groups: Vec<Group> = rows
        .into_iter()
        .map(|(text, id, sums)| {
            total.add(&sums);
            let (key, label) = match (&key, text, id) {
                (Key::Building, Some(building), Some(project)) => {
                    let project_name = names.get(&project).cloned().unwrap_or_default();
                    (
                        Some(format!("{project}/{building}")),
                        Some(format!("{project_name} {building}").trim().to_owned()),
                    )
                }
                (Key::Building, _, _) => (None, None),
                (_, Some(text), _) => (Some(text.clone()), Some(text)),
                (_, None, Some(id)) => (Some(id.to_string()), names.get(&id).cloned()),
                _ => (None, None),
            };
            Group {
                key,
                label,
                figures: Figures::from(&sums),
                household_coverage: None,
            }
        })
        .collect();
    groups.sort_by(|a, b| {
        b.figures
            .created
            .cmp(&a.figures.created)
            .then_with(|| a.key.cmp(&b.key))
    });
    if by == Dimension::Area {
        let coverage = by_area(db, filter).await?;
        for group in groups.iter_mut() {
            group.household_coverage = group.key.as_ref().and_then(|key| coverage.get(key)).cloned();
        }
    }
    Ok(Breakdown {
        by,
        period: PeriodInfo::of(filter),
        groups,
        total: Figures::from(&total),
    })
}

async fn labels(db: &impl ConnectionTrait, by: Dimension, ids: &[Uuid]) -> StoreResult<HashMap<Uuid, String>> {
    let ids = ids.to_vec();
    Ok(match by {
        Dimension::Category => category::Entity::find()
            .filter(category::Column::Id.is_in(ids))
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.id, m.name))
            .collect(),
        Dimension::Project | Dimension::Building => project::Entity::find()
            .filter(project::Column::Id.is_in(ids))
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.id, m.name))
            .collect(),
        Dimension::Area => area::Entity::find()
            .filter(area::Column::Id.is_in(ids))
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.id, m.name))
            .collect(),
        Dimension::Department => department::Entity::find()
            .filter(department::Column::Id.is_in(ids))
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.id, m.name))
            .collect(),
        Dimension::Assignee => user::Entity::find()
            .filter(user::Column::Id.is_in(ids))
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.id, m.display_name))
            .collect(),
        Dimension::Channel | Dimension::Kind | Dimension::Severity | Dimension::CancelReason => HashMap::new(),
    })
}
