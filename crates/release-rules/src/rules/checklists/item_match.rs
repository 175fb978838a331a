//! How RL205 finds a template's checklist item among a document's items: both texts
//! normalised (case, white space, inline markup, a trailing `N/A`), the template's cut
//! into literal parts between its placeholders, and the parts matched loosely.

use std::sync::LazyLock;

use regex::Regex;
use release_doc::internal::placeholder;

use crate::schema::ItemPattern;

/// Stands for a template placeholder while the item text is normalised.
const ANY: char = '\u{1}';

/// A Markdown link `[text](target)`, kept as its text.
static LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\]\[]*)\]\([^)]*\)").expect("valid regex"));

/// An item's text for comparison: lower case, collapsed white space, no inline markup
/// or strikethrough, and without a trailing `N/A…` part and the separator before it.
pub(super) fn normalize_item(text: &str) -> String {
    // A link is `](` somewhere after a `]`: the byte search rules most items out.
    let text = if memchr::memchr(b']', text.as_bytes()).is_some() && text.contains("](") {
        LINK.replace_all(text, "$1")
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let mut text = if text.is_ascii() {
        squeeze_ascii(&text)
    } else {
        let text = text.replace(['*', '_', '`', '~'], "").to_lowercase();
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    if let Some(found) = release_doc::internal::find_not_applicable(&text) {
        text.truncate(found.start);
    }
    // No white space leads: only the end needs trimming.
    let len = text
        .trim_end_matches(|c: char| c.is_whitespace() || "—–-:(,;".contains(c))
        .len();
    text.truncate(len);
    text
}

/// ASCII `text` without `*`, `_`, `` ` `` and `~`, lower-cased, its white space runs
/// collapsed to one space and trimmed: the same as the general path, in one allocation.
fn squeeze_ascii(text: &str) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(text.len());
    let mut space = false;
    for &b in text.as_bytes() {
        match b {
            b'*' | b'_' | b'`' | b'~' => {}
            b if release_doc::internal::is_ascii_space(b) => space = !out.is_empty(),
            _ => {
                if space {
                    out.push(b' ');
                    space = false;
                }
                out.push(b.to_ascii_lowercase());
            }
        }
    }
    // ASCII in, ASCII out: always valid UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

/// A template item as literal parts between its placeholders, and whether its own text
/// holds them.
pub(super) fn template_pattern(text: &str) -> ItemPattern {
    let parts = pattern_parts(text);
    let holds_own_text = matches(&parts, &normalize_item(text));
    ItemPattern {
        parts,
        holds_own_text,
    }
}

/// A template item's literal parts between its placeholders, normalised.
fn pattern_parts(text: &str) -> Vec<String> {
    let mut marked = String::with_capacity(text.len());
    let mut last = 0;
    for found in placeholder::find_ranges(text) {
        if found.start < last {
            continue;
        }
        marked.push_str(text.get(last..found.start).unwrap_or_default());
        marked.push(ANY);
        // A unit glued to the placeholder (`{{limit}}ms`, `{{rate}}%`) is part of the value.
        let after = text.get(found.end..).unwrap_or_default();
        let unit = after
            .find(|c: char| !(c.is_alphabetic() || c == '%'))
            .unwrap_or(after.len());
        last = found.end + unit;
    }
    marked.push_str(text.get(last..).unwrap_or_default());
    normalize_item(&marked)
        .split(ANY)
        .map(|part| part.trim().to_owned())
        .collect()
}

/// Whether `text` holds the template item: its parts in order, the first at the start,
/// anything in place of each placeholder, and after the last part either nothing or a
/// note that does not continue the last word.
pub(super) fn matches(parts: &[String], text: &str) -> bool {
    let Some((head, rest)) = parts.split_first() else {
        return false;
    };
    // `Security Officer:` before a placeholder also holds an item cut to
    // `security officer` (an empty value or `N/A`, whose `:` the normalising dropped).
    let (head, colon) = match head.strip_suffix(':') {
        Some(label) if !rest.is_empty() => (label.trim_end(), true),
        _ => (head.as_str(), false),
    };
    let Some(mut tail) = text.strip_prefix(head) else {
        return false;
    };
    if colon && !ends_word(tail) {
        return false;
    }
    let Some((last, middle)) = rest.split_last() else {
        return ends_word(tail);
    };
    for part in middle {
        match tail.find(part.as_str()) {
            Some(at) => tail = &tail[at + part.len()..],
            None => return false,
        }
    }
    tail.match_indices(last.as_str())
        .any(|(at, _)| ends_word(&tail[at + last.len()..]))
}

/// Whether the text after a match ends the matched words: nothing, or a non-word char.
fn ends_word(after: &str) -> bool {
    !after.starts_with(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::{matches, normalize_item, template_pattern};

    #[test]
    fn ascii_items_normalise_as_the_general_path_does() {
        let general = |text: &str| {
            let text = text.replace(['*', '_', '`', '~'], "").to_lowercase();
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        for text in [
            "",
            "  ",
            "**Done** by  `ops`\t~~old~~ ",
            "a ** b",
            " _x_ \r\n Y\u{1}Z \u{b}\u{c}w\u{1f}v",
            "N/A: not needed",
        ] {
            assert_eq!(super::squeeze_ascii(text), general(text), "{text:?}");
        }
        // Every ASCII character between two words: the white space set is
        // `char::is_whitespace`'s (the vertical tab in, the separators `\x1c`–`\x1f` out).
        for c in (0u8..0x80).map(char::from) {
            let text = format!("A{c}b {c}");
            assert_eq!(super::squeeze_ascii(&text), general(&text), "{c:?}");
        }
        assert_eq!(super::normalize_item("Ship it — N/A: later"), "ship it");
        assert_eq!(super::normalize_item("Señal **OK**  n/a"), "señal ok");
    }

    #[test]
    fn a_trailing_not_applicable_is_cut_only_where_it_stands_as_a_word() {
        assert_eq!(normalize_item("Backups — N/A: stateless"), "backups");
        assert_eq!(normalize_item("Backups (n/a)"), "backups");
        for kept in [
            "Routes n/a/b",
            "Scan/n/a",
            "Señal én/a",
            "Check n/aé",
            "lan/abc",
        ] {
            assert_eq!(
                normalize_item(kept),
                kept.to_lowercase(),
                "{kept}: no N/A to cut"
            );
        }
    }

    fn holds(template: &str, item: &str) -> bool {
        matches(&template_pattern(template).parts, &normalize_item(item))
    }

    /// Every item of the default template holds its own pattern, so a document that keeps
    /// an item word for word is checked without normalising its items.
    #[test]
    fn default_template_items_hold_their_own_text() {
        let schema = crate::schema::Schema::default_template();
        let items: Vec<&str> = schema
            .checklists()
            .iter()
            .flat_map(|g| g.items.iter().map(|i| i.text.as_str()))
            .collect();
        assert!(items.len() > 20, "{} items", items.len());
        for text in items {
            assert!(template_pattern(text).holds_own_text, "{text:?}");
        }
    }

    #[test]
    fn items_match_loosely() {
        assert!(holds(
            "Database backups completed",
            "**database  backups** completed"
        ));
        assert!(holds(
            "Test data purged",
            "~~Test data purged~~ — N/A: none created"
        ));
        assert!(holds(
            "Mobile responsiveness confirmed",
            "Mobile responsiveness confirmed (N/A: API only)"
        ));
        assert!(holds(
            "Product Owner: {{po_signoff}}",
            "Product Owner: Tomás Ferreira (2026-11-04)"
        ));
        assert!(holds(
            "Error rate > {{error_threshold}}%",
            "Error rate > 1% for 5 minutes"
        ));
        assert!(holds(
            "Application deployed",
            "Application deployed (12 pods)"
        ));
        assert!(!holds(
            "Application deployed",
            "Application deployment started"
        ));
        assert!(!holds("Runbook updated", "Release notes prepared"));
        assert!(!holds("QA Lead: {{qa_signoff}}", "QA: Mei Chen"));
    }

    #[test]
    fn placeholders_take_their_unit_and_may_be_empty() {
        for limit in ["> 0.3s at P95", "> 90s", "> 2%", "> 400ms"] {
            assert!(
                holds(
                    "Response time > {{response_threshold}}ms",
                    &format!("Response time {limit}")
                ),
                "{limit}"
            );
        }
        for signoff in [
            "Security Officer: N/A",
            "Security Officer:",
            "Security Officer: Ana Lima (2026-11-04)",
        ] {
            assert!(
                holds("Security Officer: {{security_signoff}}", signoff),
                "{signoff}"
            );
        }
        assert!(!holds(
            "Security Officer: {{security_signoff}}",
            "Security Officers informed"
        ));
        assert!(!holds(
            "Response time > {{response_threshold}}ms",
            "Response times reviewed"
        ));
    }
}
