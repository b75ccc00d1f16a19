//! Bulk import of properties from CSV: `building,unit,room[,area_code]`.
//! Every row is checked first; any bad row rejects the whole file, reported by line number,
//! and a good file is inserted in one transaction, so nothing half-imports.

use std::collections::{HashMap, HashSet};

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionTrait};
use uuid::Uuid;

use crate::entity::{area, property};
use crate::{new_id, now, Actor, StoreError, StoreResult};

/// Upper bound on rows per file; a large estate has a few thousand rooms.
pub const MAX_ROWS: usize = 50_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedRow {
    pub line: usize,
    pub building: String,
    pub unit: String,
    pub room: String,
    pub area_code: Option<String>,
}

/// Parses CSV text (UTF-8, optional header line, optional BOM) into the good rows and
/// line-numbered errors for the bad ones.
pub fn parse(text: &str) -> (Vec<ParsedRow>, Vec<(String, String)>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    for (index, record) in reader.records().enumerate() {
        let line = index + 1;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push((format!("line {line}"), format!("unreadable CSV: {e}")));
                continue;
            }
        };
        if record.iter().all(|f| f.is_empty()) {
            continue;
        }
        if line == 1
            && record
                .get(0)
                .is_some_and(|f| f.eq_ignore_ascii_case("building") || f == "楼栋" || f == "栋")
        {
            continue;
        }
        if !(3..=4).contains(&record.len()) {
            errors.push((
                format!("line {line}"),
                format!(
                    "expected 3 or 4 fields (building,unit,room[,area_code]), found {}",
                    record.len()
                ),
            ));
            continue;
        }
        let field = |i: usize| record.get(i).unwrap_or_default().to_owned();
        let (building, unit, room) = (field(0), field(1), field(2));
        let area_code = record.get(3).filter(|s| !s.is_empty()).map(str::to_owned);
        let mut bad = false;
        for (name, value) in [("building", &building), ("unit", &unit), ("room", &room)] {
            if value.is_empty() || value.chars().count() > 50 {
                errors.push((format!("line {line}"), format!("{name} must be 1 to 50 characters")));
                bad = true;
            }
        }
        if bad {
            continue;
        }
        if !seen.insert((building.clone(), unit.clone(), room.clone())) {
            errors.push((
                format!("line {line}"),
                format!("{building} {unit} {room} appears twice in the file"),
            ));
            continue;
        }
        rows.push(ParsedRow {
            line,
            building,
            unit,
            room,
            area_code,
        });
        if rows.len() > MAX_ROWS {
            errors.push(("file".into(), format!("at most {MAX_ROWS} rows per import")));
            break;
        }
    }
    if rows.is_empty() && errors.is_empty() {
        errors.push(("file".into(), "no rows to import".into()));
    }
    (rows, errors)
}

/// Imports `text` into `project_id`; returns how many properties were created.
pub async fn import_properties<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    project_id: Uuid,
    text: &str,
) -> StoreResult<u64> {
    if !actor.sees_project(project_id) || super::projects::get(db, actor, project_id).await.is_err() {
        return Err(StoreError::invalid("project_id", "no such project"));
    }
    let (rows, mut errors) = parse(text);
    let areas: HashMap<String, Uuid> = area::Entity::find()
        .filter(area::Column::ProjectId.eq(project_id))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|a| a.code.map(|code| (code, a.id)))
        .collect();
    let existing: HashSet<(String, String, String)> = property::Entity::find()
        .filter(property::Column::ProjectId.eq(project_id))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.building, p.unit, p.room))
        .collect();
    let at = now();
    let mut models = Vec::with_capacity(rows.len());
    for row in rows {
        let area_id = match &row.area_code {
            None => None,
            Some(code) => match areas.get(code) {
                Some(id) => Some(*id),
                None => {
                    errors.push((
                        format!("line {}", row.line),
                        format!("no area with code '{code}' in this project"),
                    ));
                    continue;
                }
            },
        };
        if existing.contains(&(row.building.clone(), row.unit.clone(), row.room.clone())) {
            errors.push((
                format!("line {}", row.line),
                format!("{} {} {} already exists", row.building, row.unit, row.room),
            ));
            continue;
        }
        models.push(property::ActiveModel {
            id: Set(new_id()),
            project_id: Set(project_id),
            area_id: Set(area_id),
            building: Set(row.building),
            unit: Set(row.unit),
            room: Set(row.room),
            created_at: Set(at),
            updated_at: Set(at),
            version: Set(1),
        });
    }
    if !errors.is_empty() {
        errors.sort_by_key(|(place, _)| {
            place
                .strip_prefix("line ")
                .and_then(|n| n.parse::<usize>().ok())
                .unwrap_or(0)
        });
        return Err(StoreError::InvalidMany(errors));
    }
    let count = models.len() as u64;
    let txn = db.begin().await?;
    // Chunked so a few thousand rooms stay within every backend's bind-parameter limit.
    let mut models = models.into_iter().peekable();
    while models.peek().is_some() {
        let chunk: Vec<_> = models.by_ref().take(500).collect();
        property::Entity::insert_many(chunk)
            .exec(&txn)
            .await
            .map_err(|e| crate::error::unique_as_conflict(e, "file", "a room was added concurrently; import again"))?;
    }
    txn.commit().await?;
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rows_with_optional_header_bom_and_area() {
        let (rows, errors) = parse("\u{feff}building,unit,room,area_code\n1栋,1单元,101,A1\n1栋,1单元,102\n\n");
        assert!(errors.is_empty());
        assert_eq!(rows.len(), 2);
        assert_eq!(
            rows[0],
            ParsedRow {
                line: 2,
                building: "1栋".into(),
                unit: "1单元".into(),
                room: "101".into(),
                area_code: Some("A1".into())
            }
        );
        assert_eq!(rows[1].area_code, None);
    }

    #[test]
    fn reports_every_bad_line() {
        let (rows, errors) = parse("1,1,101\n1,1\n1,1,101\n1,,103\n1,1,104,a,b\n");
        assert_eq!(rows.len(), 1);
        let lines: Vec<_> = errors.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(lines, ["line 2", "line 3", "line 4", "line 5"]);
        assert!(errors[1].1.contains("twice"));
    }

    #[test]
    fn empty_file_is_an_error() {
        assert_eq!(parse("").1.len(), 1);
        assert_eq!(parse("building,unit,room\n").1.len(), 1);
    }
}
