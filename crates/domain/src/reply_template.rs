//! Standard replies (标准回复): texts the desk answers with, their placeholders filled from the
//! case at hand, so every customer hears the same answer in the same words.

use std::collections::BTreeMap;

crate::wire_enum! {
    /// A value a template may insert, written `{name}` in its body.
    pub enum Placeholder {
        /// The customer's name (王建国).
        CustomerName => "customer_name",
        /// The case's number (TS-20261125-0007).
        CaseNumber => "case_number",
        /// When the case is due next, in Beijing time (2026-11-25 16:00).
        DueAt => "due_at",
    }
}

crate::wire_enum! {
    /// Where a template is offered.
    pub enum TemplateUse {
        Reply => "reply",
        Visit => "visit",
        Comment => "comment",
    }
}

/// What is wrong with a template body.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error("unknown placeholder {{{0}}}; use {{customer_name}}, {{case_number}} or {{due_at}}")]
    Unknown(String),
    #[error("a '{{' is not closed by '}}'")]
    Unclosed,
}

enum Piece<'a> {
    Text(&'a str),
    Slot(Placeholder),
}

fn pieces(body: &str) -> Result<Vec<Piece<'_>>, TemplateError> {
    let mut out = Vec::new();
    let mut rest = body;
    while let Some(open) = rest.find('{') {
        out.push(Piece::Text(&rest[..open]));
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or(TemplateError::Unclosed)?;
        let name = after[..close].trim();
        let slot = Placeholder::parse(name).ok_or_else(|| TemplateError::Unknown(name.to_owned()))?;
        out.push(Piece::Slot(slot));
        rest = &after[close + 1..];
    }
    out.push(Piece::Text(rest));
    Ok(out)
}

/// The placeholders `body` uses; an error names the first unknown one.
pub fn check(body: &str) -> Result<Vec<Placeholder>, TemplateError> {
    let mut used: Vec<Placeholder> = pieces(body)?
        .into_iter()
        .filter_map(|p| match p {
            Piece::Slot(s) => Some(s),
            Piece::Text(_) => None,
        })
        .collect();
    used.sort();
    used.dedup();
    Ok(used)
}

/// `body` with each placeholder replaced by its value; a placeholder without a value (a case
/// with no due time) becomes `missing`, so the agent sees what to fill in by hand.
pub fn fill(body: &str, values: &BTreeMap<Placeholder, String>, missing: &str) -> Result<String, TemplateError> {
    let mut out = String::with_capacity(body.len());
    for piece in pieces(body)? {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Slot(s) => out.push_str(values.get(&s).map(String::as_str).unwrap_or(missing)),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Placeholder as P;

    fn values() -> BTreeMap<Placeholder, String> {
        BTreeMap::from([
            (P::CustomerName, "王建国".to_owned()),
            (P::CaseNumber, "TS-20261125-0007".to_owned()),
        ])
    }

    #[test]
    fn fills_every_placeholder_and_marks_missing_ones() {
        let body = "{customer_name}您好，您反映的问题（{case_number}）将于{due_at}前处理完毕。";
        assert_eq!(
            fill(body, &values(), "【待填】").unwrap(),
            "王建国您好，您反映的问题（TS-20261125-0007）将于【待填】前处理完毕。"
        );
        assert_eq!(fill("{ customer_name }", &values(), "?").unwrap(), "王建国");
        assert_eq!(fill("没有占位符", &values(), "?").unwrap(), "没有占位符");
        assert_eq!(fill("", &values(), "?").unwrap(), "");
    }

    #[test]
    fn unknown_and_unclosed_placeholders_are_errors() {
        assert_eq!(check("{name}"), Err(TemplateError::Unknown("name".into())));
        assert_eq!(check("您好{customer_name"), Err(TemplateError::Unclosed));
        assert_eq!(check("{}"), Err(TemplateError::Unknown(String::new())));
        assert_eq!(
            fill("{phone}", &values(), "?"),
            Err(TemplateError::Unknown("phone".into()))
        );
    }

    #[test]
    fn check_lists_the_placeholders_used_once_each() {
        assert_eq!(
            check("{due_at}{customer_name}{due_at}").unwrap(),
            vec![P::CustomerName, P::DueAt]
        );
        assert!(check("纯文本").unwrap().is_empty());
    }
}
