//! RL205: an item (or a whole group) of the template's checklists is missing from the
//! document once its group is due.

use std::sync::LazyLock;

use regex::Regex;
use release_doc::internal::placeholder;
use release_doc::ChecklistGroup;

use super::{item_text, items_due};
use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::schema::ItemPattern;

declare_rule! {
    /// ## What it does
    /// Once a checklist group is due, checks that every item the template has in that
    /// group (same section, same label) is still in the document's group, and that the
    /// group itself is still there when its section is. Rollback Triggers are checked
    /// from `planned`, with the Rollback Plan. A group replaced by one line that says it
    /// does not apply (`N/A — serverless, nothing to provision.`, or a single item `-
    /// Not applicable: …`) counts as not applicable for all its items.
    ///
    /// Items are compared loosely: case, white space, inline markup and strikethrough
    /// do not matter, a trailing `N/A: reason` is ignored, a `{{placeholder}}` of the
    /// template matches any text (`Product Owner: {{po_signoff}}` matches
    /// `Product Owner: Tomás Ferreira (2026-11-04)`) or none (`Product Owner: N/A`, an
    /// empty `Product Owner:`; a trailing `:` does not matter), a unit glued to a
    /// placeholder goes with it (`> {{response_threshold}}ms` matches `> 0.3s at P95`
    /// and `> 2%`), and the document's item may add a
    /// note after the template text (`Database migrations applied (2 of 2)`). Extra
    /// items are fine. The template is the configured one (`template`), else the
    /// embedded default.
    ///
    /// ## Why it matters
    /// Deleting a checklist item is a silent way to skip a step: the checklist looks
    /// complete, and nobody sees that the rollback procedure was never tested.
    ///
    /// ## Example
    /// ```markdown
    /// **Infrastructure**:
    ///
    /// - [x] Target environment health checked
    /// - [x] Storage capacity verified
    /// ```
    /// (the template's `Database backups completed` is gone)
    ///
    /// ## How to fix
    /// Put the item back. If it does not apply, keep it and say why:
    /// `- [ ] Database backups completed — N/A: stateless service`.
    pub(crate) struct DeletedTemplateItem {
        code: "RL205",
        name: "deleted-template-item",
        family: Checklists,
        severity: Error,
        since: Planned,
        summary: "An item of the template's checklists was deleted from a due checklist",
        check: check,
    }
}

/// Stands for a template placeholder while the item text is normalised.
const ANY: char = '\u{1}';

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = ctx.model();
    let patterns = ctx.schema.item_patterns(template_pattern);
    for (template, patterns) in ctx.schema.checklists().iter().zip(patterns) {
        let Some(id) = template.section else {
            continue;
        };
        // A missing section is reported by the structure rules, not item by item.
        let Some(section) = model.section(id) else {
            continue;
        };
        if !items_due(ctx, template) {
            continue;
        }
        let label = release_doc::normalize_title(&template.label);
        let groups: Vec<&ChecklistGroup> = model
            .checklists_in(id)
            .filter(|g| release_doc::normalize_title(&g.label) == label)
            .collect();
        // A group replaced by a line that says it does not apply: all its items are N/A.
        if groups.iter().any(|g| g.not_applicable.is_some()) {
            continue;
        }
        let Some(first) = groups.first() else {
            out.push(ctx.diagnostic(
                &DeletedTemplateItem::META,
                section.span,
                format!(
                    "checklist `{}` of the template is missing from section `{}`; expected its {} items",
                    template.label,
                    section.title,
                    template.items.len()
                ),
            ));
            continue;
        };
        // Items kept word for word are found without normalising anything; the others
        // are compared in normalised form, computed once for the groups.
        let mut present: Option<Vec<String>> = None;
        for (item, pattern) in template.items.iter().zip(patterns) {
            let verbatim = pattern.holds_own_text
                && groups
                    .iter()
                    .any(|g| g.items.iter().any(|i| i.text == item.text));
            if verbatim {
                continue;
            }
            let present = present.get_or_insert_with(|| {
                groups
                    .iter()
                    .flat_map(|g| g.items.iter().map(|i| normalize_item(&i.text)))
                    .collect()
            });
            if present.iter().any(|text| matches(&pattern.parts, text)) {
                continue;
            }
            out.push(ctx.diagnostic(
                &DeletedTemplateItem::META,
                first.label_span,
                format!(
                    "template item `{}` is missing from `{}`; expected the item back, marked `N/A: reason` if it does not apply",
                    item_text(item),
                    first.label
                ),
            ));
        }
    }
}

/// A Markdown link `[text](target)`, kept as its text.
static LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\]\[]*)\]\([^)]*\)").expect("valid regex"));

/// Where `n/a` first stands as a word in lower-cased `text`: not inside a longer word or
/// path (`n/a/b`, `lan/abc`). Written by hand: a Unicode `\w` regex costs more to compile
/// than a whole one-document run.
fn not_applicable(text: &str) -> Option<usize> {
    // Most items hold no `/`: one byte search spares them setting up a substring search.
    memchr::memchr(b'/', text.as_bytes())?;
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '/');
    text.match_indices("n/a")
        .map(|(at, _)| at)
        .find(|&at| !glued(text[..at].chars().next_back()) && !glued(text[at + 3..].chars().next()))
}

/// An item's text for comparison: lower case, collapsed white space, no inline markup
/// or strikethrough, and without a trailing `N/A…` part and the separator before it.
fn normalize_item(text: &str) -> String {
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
    if let Some(start) = not_applicable(&text) {
        text.truncate(start);
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
            // The ASCII characters `char::is_whitespace` accepts.
            b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' | b' ' => space = !out.is_empty(),
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
fn template_pattern(text: &str) -> ItemPattern {
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
fn matches(parts: &[String], text: &str) -> bool {
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
    use release_doc::values::Stage;

    use super::{matches, normalize_item, not_applicable, template_pattern};
    use crate::test_support::check_rule;

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
        assert_eq!(super::normalize_item("Ship it — N/A: later"), "ship it");
        assert_eq!(super::normalize_item("Señal **OK**  n/a"), "señal ok");
    }

    #[test]
    fn not_applicable_stands_as_a_word() {
        assert_eq!(not_applicable("n/a"), Some(0));
        assert_eq!(not_applicable("backups — n/a: stateless"), Some(12));
        assert_eq!(not_applicable("(n/a)"), Some(1));
        assert_eq!(not_applicable("lan/abc n/a"), Some(8));
        for glued in ["n/a/b", "a/n/a", "kn/a", "n/ab", "n/a_x", "én/a", "n/aé"] {
            assert_eq!(not_applicable(glued), None, "{glued}");
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

    const GROUPS: &str = "---\nphase: deployment\nstage: ready\n---\n## Pre-Deployment Planning\n### Deployment Prerequisites\n\n**Code & Testing**:\n\n- [x] All automated tests passing\n- [x] Code review completed and approved\n- [x] Security scan completed (no critical issues)\n- [x] Performance benchmarks met\n- [x] Integration tests completed\n- [ ] E2E tests completed in staging — N/A: no staging\n- [x] Load test on the new endpoint\n\n**Documentation**:\n\n- [x] Release notes prepared\n- [x] Runbook updated\n- [x] Communication plan ready\n- [x] Rollback plan documented\n";

    #[test]
    fn reports_deleted_items_and_groups_when_due() {
        // Documentation lacks one item; Infrastructure is gone.
        assert_eq!(check_rule("RL205", GROUPS, None), ["RL205:6", "RL205:18"]);
        assert!(check_rule("RL205", GROUPS, Some(Stage::Planned)).is_empty());
    }

    #[test]
    fn a_group_replaced_by_a_line_that_says_it_does_not_apply_is_settled() {
        // Infrastructure said N/A in prose, Documentation as one plain item.
        let doc = GROUPS.replace(
            "**Documentation**:",
            "**Infrastructure**:\n\nN/A — serverless, nothing to provision.\n\n**Documentation**:",
        );
        assert_eq!(check_rule("RL205", &doc, None), ["RL205:22"]);
        let doc = doc.replace(
            "- [x] Release notes prepared\n- [x] Runbook updated\n- [x] Communication plan ready\n- [x] Rollback plan documented\n",
            "- Not applicable: docs live in the service repository\n",
        );
        assert!(check_rule("RL205", &doc, None).is_empty());
    }

    #[test]
    fn triggers_are_checked_from_planned() {
        let doc = "---\nstage: planned\n---\n## Pre-Deployment Planning\n### Rollback Plan\n\n**Rollback Triggers**:\n\n- [ ] Error rate > 1%\n- [ ] Response time > 400ms\n- [ ] Critical functionality broken\n- [ ] Security incident\n";
        assert_eq!(check_rule("RL205", doc, None), ["RL205:7"]);
        assert!(check_rule("RL205", doc, Some(Stage::Draft)).is_empty());
    }

    #[test]
    fn missing_section_is_left_to_the_structure_rules() {
        let doc = "---\nstage: ready\n---\n## Overview\n\n**Release**: Ledger Sync (1.8.1)\n";
        assert!(check_rule("RL205", doc, None).is_empty());
    }

    #[test]
    fn the_team_template_decides_what_is_required() {
        use std::sync::Arc;

        use crate::document::Document;
        use crate::schema::{Schema, DEFAULT_TEMPLATE};
        use crate::settings::Settings;

        // The team adds "Canary analysis failed" and removes "Security incident".
        let template = DEFAULT_TEMPLATE.replace(
            "- [ ] Security incident\n",
            "- [ ] Canary analysis failed\n",
        );
        let settings = Settings {
            select: vec!["RL205".to_owned()],
            schema: Some(Arc::new(Schema::from_template(&template))),
            ..Settings::default()
        };
        let doc = "---\nstage: planned\n---\n## Pre-Deployment Planning\n### Rollback Plan\n\n**Rollback Triggers**:\n\n- [ ] Error rate > 1%\n- [ ] Response time > 400ms\n- [ ] Critical functionality broken\n- [ ] Data corruption detected\n";
        let found = crate::check(&Document::parse(doc), &settings);
        let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            ["template item `Canary analysis failed` is missing from `Rollback Triggers`; expected the item back, marked `N/A: reason` if it does not apply"]
        );
    }
}
