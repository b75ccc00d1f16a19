//! The search terms of each article (`knowledge_terms`), rewritten whenever the article changes.
//!
//! One portable table of character unigrams and bigrams serves SQLite and PostgreSQL alike; see
//! `huiyin_domain::knowledge` for the cutting and `docs/knowledge.md` for why.

use huiyin_domain::knowledge::{terms, Field};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use crate::entity::{knowledge_article as article, knowledge_term as term};
use crate::wire::Wire;
use crate::StoreResult;

/// Rows inserted per statement (well under SQLite's 32 766 bound parameters).
const CHUNK: usize = 500;

/// Replaces the article's terms with those of its title, tags and body.
pub async fn reindex(db: &impl ConnectionTrait, row: &article::Model, tags: &[String]) -> StoreResult<()> {
    term::Entity::delete_many()
        .filter(term::Column::ArticleId.eq(row.id))
        .exec(db)
        .await?;
    let mut rows = Vec::new();
    for (field, text) in [
        (Field::Title, row.title.clone()),
        (Field::Tags, tags.join(" ")),
        (Field::Body, row.body.clone()),
    ] {
        for (t, hits) in terms(&text) {
            rows.push(term::ActiveModel {
                term: Set(t),
                article_id: Set(row.id),
                field: Set(Wire(field)),
                hits: Set(i32::try_from(hits).unwrap_or(i32::MAX)),
            });
        }
    }
    while !rows.is_empty() {
        let rest = rows.split_off(rows.len().min(CHUNK));
        term::Entity::insert_many(std::mem::replace(&mut rows, rest))
            .exec(db)
            .await?;
    }
    Ok(())
}
