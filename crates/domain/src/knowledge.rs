//! The knowledge base (应知应会): what every agent must know and answer the same way, and the
//! index terms its search uses.
//!
//! Chinese has no spaces between words, and most words are two characters (漏水, 物业, 停车), so
//! the search indexes character n-grams: every single CJK character and every pair of adjacent
//! ones, plus each run of letters and digits as one lower-cased word. A query is cut the same
//! way; an article matches when it holds every term of the query (a two-character query is one
//! bigram, a one-character query one unigram). The same table of terms serves SQLite and
//! PostgreSQL alike (see `docs/knowledge.md` for why not FTS5 or `pg_trgm`).

use std::collections::BTreeMap;

crate::wire_enum! {
    /// Whether an article is offered to the desk.
    pub enum ArticleStatus {
        /// Being written; only those who manage the knowledge base see it.
        Draft => "draft",
        /// Offered to every staff member of the article's projects.
        Published => "published",
    }
}

crate::wire_enum! {
    /// Where in an article a term occurs; it decides how much a match counts.
    pub enum Field {
        Title => "title",
        Tags => "tags",
        Body => "body",
    }
}

impl Field {
    /// A title match outranks any number of body matches of the same term.
    pub fn weight(self) -> i64 {
        match self {
            Field::Title => 100,
            Field::Tags => 30,
            Field::Body => 1,
        }
    }
}

/// Longest term stored (a long run of Latin letters is cut here).
pub const MAX_TERM_CHARS: usize = 32;

/// CJK ideographs (the unified blocks and their extensions), kana and hangul: scripts written
/// without spaces between words.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF   // hiragana, katakana
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xAC00..=0xD7AF // hangul syllables
        | 0xF900..=0xFAFF // compatibility ideographs
        | 0x20000..=0x3134F)
}

/// Full-width ASCII (Ａ１) to half-width, then lower case: the same word typed either way
/// finds the same article.
fn fold(c: char) -> char {
    let c = match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    c.to_ascii_lowercase()
}

/// The search terms of `text` with how often each occurs: CJK unigrams and bigrams, and whole
/// lower-cased words of letters and digits. Punctuation and spaces separate runs.
pub fn terms(text: &str) -> BTreeMap<String, i64> {
    let mut out: BTreeMap<String, i64> = BTreeMap::new();
    let mut word = String::new();
    let mut previous_cjk: Option<char> = None;
    let flush = |word: &mut String, out: &mut BTreeMap<String, i64>| {
        if !word.is_empty() {
            let term: String = word.chars().take(MAX_TERM_CHARS).collect();
            *out.entry(term).or_default() += 1;
            word.clear();
        }
    };
    for c in text.chars().map(fold) {
        if is_cjk(c) {
            flush(&mut word, &mut out);
            *out.entry(c.to_string()).or_default() += 1;
            if let Some(p) = previous_cjk {
                *out.entry(format!("{p}{c}")).or_default() += 1;
            }
            previous_cjk = Some(c);
        } else if c.is_alphanumeric() {
            previous_cjk = None;
            word.push(c);
        } else {
            previous_cjk = None;
            flush(&mut word, &mut out);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// The terms a query must all match: its bigrams where it has any, the single character only
/// where a CJK run is one character long (a unigram inside a longer query would add nothing the
/// bigrams do not already require), and its words.
pub fn query_terms(query: &str) -> Vec<String> {
    let all = terms(query);
    let mut wanted: Vec<String> = Vec::new();
    let runs = cjk_runs(query);
    for (term, _) in all {
        let chars = term.chars().count();
        let first_is_cjk = term.chars().next().is_some_and(is_cjk);
        let keep = if first_is_cjk && chars == 1 {
            runs.iter().any(|run| run == &term)
        } else {
            true
        };
        if keep {
            wanted.push(term);
        }
    }
    wanted
}

fn cjk_runs(text: &str) -> Vec<String> {
    let mut runs = Vec::new();
    let mut run = String::new();
    for c in text.chars().map(fold) {
        if is_cjk(c) {
            run.push(c);
        } else if !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    runs
}

/// The score of an article for a query: each matched term counts its hits weighted by where
/// they are, so an article with the words in its title ranks before one with them only in its
/// body, however often the body repeats them.
pub fn score(hits: &[(Field, i64)]) -> i64 {
    hits.iter().map(|(field, n)| field.weight() * n.min(&10)).sum()
}

/// Who sees an article: drafts only those who manage the knowledge base; an article limited to
/// some projects only members of one of them (or whoever sees every project); the rest everyone.
pub fn may_see<Id: PartialEq>(
    status: ArticleStatus,
    article_projects: &[Id],
    manages: bool,
    sees_all_projects: bool,
    user_projects: &[Id],
) -> bool {
    if status == ArticleStatus::Draft && !manages {
        return false;
    }
    article_projects.is_empty() || sees_all_projects || article_projects.iter().any(|p| user_projects.contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn who_sees_an_article() {
        use ArticleStatus::{Draft, Published};
        // (status, article projects, manages, sees all, user projects) → visible
        type Row<'a> = (ArticleStatus, &'a [u128], bool, bool, &'a [u128], bool);
        let table: &[Row] = &[
            (Published, &[], false, false, &[], true),
            (Published, &[1], false, false, &[1, 2], true),
            (Published, &[1], false, false, &[2], false),
            (Published, &[1], false, true, &[], true),
            (Draft, &[], false, false, &[1], false),
            (Draft, &[], true, false, &[], true),
            (Draft, &[1], true, false, &[2], false),
            (Draft, &[1], true, true, &[], true),
        ];
        for (status, projects, manages, all, mine, expected) in table {
            assert_eq!(
                may_see(*status, projects, *manages, *all, mine),
                *expected,
                "{status} {projects:?} {manages} {all} {mine:?}"
            );
        }
    }

    fn keys(text: &str) -> Vec<String> {
        terms(text).into_keys().collect()
    }

    #[test]
    fn chinese_is_cut_into_unigrams_and_bigrams() {
        let t = terms("卫生间天花板漏水怎么办");
        for term in ["漏水", "卫生", "生间", "天花", "怎么", "漏", "水"] {
            assert!(t.contains_key(term), "{term}");
        }
        assert!(!t.contains_key("卫生间"), "no trigrams");
        assert_eq!(t["漏水"], 1);
    }

    #[test]
    fn words_are_lower_cased_and_full_width_folded() {
        assert_eq!(keys("WiFi 密码"), vec!["wifi", "密", "密码", "码"]);
        assert_eq!(keys("ＷｉＦｉ"), vec!["wifi"]);
        assert_eq!(keys("A1栋"), vec!["a1", "栋"]);
    }

    #[test]
    fn punctuation_separates_runs() {
        let t = terms("漏水，怎么办？");
        assert!(!t.contains_key("水怎"), "no bigram across a comma");
        assert!(t.contains_key("怎么"));
        assert!(terms("  ，。！").is_empty());
    }

    #[test]
    fn counts_repeat_occurrences() {
        assert_eq!(terms("漏水漏水")["漏水"], 2);
        assert_eq!(terms("漏水漏水")["水漏"], 1);
    }

    #[test]
    fn queries_need_every_bigram_and_single_characters_only_alone() {
        assert_eq!(query_terms("漏水"), vec!["漏水"]);
        let mut expected = vec!["天花", "花板", "板漏", "漏水"];
        expected.sort();
        assert_eq!(query_terms("天花板漏水"), expected);
        assert_eq!(query_terms("水"), vec!["水"]);
        assert_eq!(query_terms("电梯 卡"), vec!["卡", "电梯"]);
        assert_eq!(query_terms("WiFi 密码"), vec!["wifi", "密码"]);
        assert!(query_terms(" ？").is_empty());
    }

    #[test]
    fn a_title_match_outranks_many_body_matches() {
        let title = score(&[(Field::Title, 1)]);
        let body = score(&[(Field::Body, 50)]);
        assert!(title > body, "{title} vs {body}");
        assert!(score(&[(Field::Tags, 1)]) > score(&[(Field::Body, 10)]));
        assert_eq!(score(&[]), 0);
    }

    #[test]
    fn long_words_are_cut() {
        let long = "a".repeat(100);
        assert_eq!(keys(&long), vec!["a".repeat(MAX_TERM_CHARS)]);
    }
}
