//! Task lists: checklist groups and items (done, open, N/A with reason, struck through),
//! and the typed views read from two of them (rollback triggers, sign-offs).

use std::sync::LazyLock;

use regex::Regex;

use crate::field::Field;
use crate::markdown::{split_label, ListBlock};
use crate::model::{
    ChecklistGroup, ChecklistItem, NotApplicable, SectionId, SignOff, TriggerCondition,
};
use crate::span::Span;
use crate::values::placeholder;
use crate::values::threshold::{parse_leading_threshold, parse_threshold};

use super::Builder;

/// The byte range of the first `N/A` (any case) that stands as a word: not preceded or
/// followed by a letter or digit of any script, `_` or `/` (`n/a/b`, `lan/abc` and
/// `señal n/aé` hold none). The one search for it: the parser reads an item's `N/A`
/// with it, and RL205 cuts it off items to compare them.
#[doc(hidden)]
#[must_use]
pub fn find_not_applicable(text: &str) -> Option<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '/');
    // Jump from slash to slash (`memchr`): a hit is the `/` of `n/a`. `n` and `a` are
    // ASCII, so the bytes around them are character boundaries.
    let mut from = 0;
    while let Some(found) = memchr::memchr(b'/', bytes.get(from..)?) {
        let slash = from + found;
        from = slash + 1;
        let Some(start) = slash.checked_sub(1) else {
            continue;
        };
        let hit = bytes[start].eq_ignore_ascii_case(&b'n')
            && bytes.get(slash + 1)?.eq_ignore_ascii_case(&b'a');
        let end = slash + 2;
        if hit
            && !glued(text.get(..start)?.chars().next_back())
            && !glued(text.get(end..)?.chars().next())
        {
            return Some(start..end);
        }
    }
    None
}

/// Read a task list into a checklist group of the current section.
pub(super) fn group(b: &mut Builder<'_>, list: &ListBlock) {
    let (label, label_span) = b
        .label
        .clone()
        .unwrap_or_else(|| (b.section_title.clone(), b.section_span));
    let items = list
        .items
        .iter()
        .filter(|i| i.task.is_some())
        .map(|i| item(b.source, i.span, i.text, i.task == Some(true)))
        .collect();
    b.doc.checklists.push(ChecklistGroup {
        section: b.section,
        section_title: b.section_title.clone(),
        label,
        label_span,
        span: list.span,
        items,
        not_applicable: None,
    });
}

/// Whether a list or paragraph in `section` under `label` stands for a checklist group:
/// the sections made of checklists, and the Rollback Plan's Triggers and Validation.
pub(super) fn is_checklist_place(section: SectionId, label: Option<&str>) -> bool {
    use SectionId as S;
    match section {
        S::DeploymentPrerequisites
        | S::DeploymentChecklist
        | S::AutomatedValidation
        | S::ManualValidation
        | S::MonitoringAndSupport
        | S::CleanupTasks => true,
        S::RollbackPlan => label.is_some_and(|l| {
            let l = l.to_lowercase();
            l.contains("trigger") || l.contains("validation")
        }),
        _ => false,
    }
}

/// A checklist group replaced by one line that says it does not apply (`span`): a group
/// with no items, not applicable, with the reason after the `N/A` word.
pub(super) fn not_applicable_group(b: &mut Builder<'_>, span: Span) {
    let (label, label_span) = b
        .label
        .clone()
        .unwrap_or_else(|| (b.section_title.clone(), b.section_span));
    let text = span.text(b.source).trim();
    let reason = text
        .split_once(|c: char| ":—–-(".contains(c))
        .map(|(_, r)| r.trim().trim_end_matches([')', '.']).trim().to_owned())
        .filter(|r| !r.is_empty());
    b.doc.checklists.push(ChecklistGroup {
        section: b.section,
        section_title: b.section_title.clone(),
        label,
        label_span,
        span,
        items: Vec::new(),
        not_applicable: Some(NotApplicable { reason, span }),
    });
}

fn item(source: &str, span: Span, text_span: Span, done: bool) -> ChecklistItem {
    let text = text_span.text(source);
    let struck = text.starts_with("~~");
    let not_applicable = find_not_applicable(text).map(|m| {
        let rest = &text[m.end..];
        let reason = rest.trim_start_matches(|c: char| c.is_whitespace() || ":-—–(~*_".contains(c));
        let reason = reason
            .trim_end_matches(|c: char| c.is_whitespace() || ")~*_.".contains(c))
            .trim();
        NotApplicable {
            reason: (!reason.is_empty()).then(|| reason.to_owned()),
            span: Span::new(text_span.start + m.start, text_span.end),
        }
    });
    ChecklistItem {
        text: text.to_owned(),
        text_span,
        span,
        done,
        struck,
        not_applicable,
        unfilled: placeholder::unfilled_marker(text),
    }
}

/// Read the rollback trigger conditions and the sign-offs from their groups.
pub(super) fn derive_triggers_and_signoffs(b: &mut Builder<'_>) {
    let source = b.source;
    let mut triggers = Vec::new();
    let mut signoffs = Vec::new();
    for group in &b.doc.checklists {
        let label_has =
            |word: &str| crate::model::with_normalized(&group.label, |l| l.contains(word));
        if group.section == Some(SectionId::RollbackPlan) && label_has("trigger") {
            triggers.extend(group.items.iter().map(|i| trigger(source, i)));
        } else if group.section == Some(SectionId::ManualValidation) && label_has("sign") {
            signoffs.extend(group.items.iter().map(|i| signoff(source, i)));
        }
    }
    b.doc.rollback.triggers = triggers;
    b.doc.signoffs = signoffs;
}

/// The first comparator in a trigger's text starts its threshold.
static COMPARATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<=|>=|[<>≤≥]").expect("valid regex"));

fn trigger(source: &str, item: &ChecklistItem) -> TriggerCondition {
    let text = item.text_span.text(source);
    let (metric, threshold) = match COMPARATOR.find(text) {
        Some(m) => {
            let start = item.text_span.start + m.start();
            let span = Span::new(start, item.text_span.end);
            // `> 1% for 5 minutes`: the threshold is the leading part.
            let raw = span.text(source);
            let field = match parse_leading_threshold(raw) {
                Some((value, len)) => {
                    let span = Span::new(span.start, span.start + len);
                    Field::Value {
                        value,
                        raw: span.text(source).trim().to_owned(),
                        span,
                        note: None,
                    }
                }
                None => Field::read(raw, span, parse_threshold),
            };
            (text[..m.start()].trim().to_owned(), field)
        }
        None => (text.trim().to_owned(), Field::Missing),
    };
    TriggerCondition {
        metric,
        threshold,
        fired: item.done,
        span: item.span,
    }
}

fn signoff(source: &str, item: &ChecklistItem) -> SignOff {
    match split_label(source, item.text_span, true) {
        Some((role, _, value)) => SignOff {
            role,
            signer: Field::text(value.text(source), value),
            done: item.done,
            span: item.span,
        },
        None => SignOff {
            role: item.text.trim().to_owned(),
            signer: Field::Unfilled {
                placeholder: String::new(),
                span: Span::new(item.text_span.end, item.text_span.end),
            },
            done: item.done,
            span: item.span,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> ChecklistItem {
        item(
            text,
            Span::new(0, text.len()),
            Span::new(0, text.len()),
            false,
        )
    }

    /// What [`find_not_applicable`] is defined as, character by character: the first
    /// `n/a` (any case) whose neighbours are no letter, digit, `_` or `/`.
    fn not_applicable_by_chars(text: &str) -> Option<std::ops::Range<usize>> {
        let glued =
            |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '/');
        text.char_indices().map(|(at, _)| at).find_map(|at| {
            let word = text.get(at..at + 3)?;
            let hit = word.eq_ignore_ascii_case("n/a")
                && !glued(text[..at].chars().next_back())
                && !glued(text[at + 3..].chars().next());
            hit.then_some(at..at + 3)
        })
    }

    proptest::proptest! {
        #[test]
        fn not_applicable_agrees_with_the_search_by_characters(text in "[nNaA/ x_é.:ß]{0,16}") {
            proptest::prop_assert_eq!(find_not_applicable(&text), not_applicable_by_chars(&text));
        }
    }

    #[test]
    fn not_applicable_stands_as_a_word() {
        let at = |text: &str| find_not_applicable(text).map(|r| r.start);
        assert_eq!(at("n/a"), Some(0));
        assert_eq!(at("N/A"), Some(0));
        assert_eq!(at("backups — n/a: stateless"), Some(12));
        assert_eq!(at("Backups — N/A: stateless"), Some(12));
        assert_eq!(at("(n/a)"), Some(1));
        assert_eq!(at("lan/abc n/a"), Some(8));
        assert_eq!(at("é n/a"), Some(3));
        assert_eq!(at("/n/a"), None);
        // Glued to a word or a path: ASCII ones, and letters of other scripts, on either
        // side (the parser's byte search once took `én/a` for N/A).
        for glued in [
            "n/a/b", "a/n/a", "kn/a", "n/ab", "n/a_x", "én/a", "n/aé", "ÉN/A", "N/Aß", "日n/a",
        ] {
            assert_eq!(find_not_applicable(glued), None, "{glued}");
        }
    }

    #[test]
    fn not_applicable_with_and_without_reason() {
        let i = read("Mobile responsiveness confirmed — N/A: API-only release");
        assert_eq!(
            i.not_applicable.unwrap().reason.as_deref(),
            Some("API-only release")
        );
        let i = read("Cross-browser compatibility verified (N/A)");
        assert_eq!(i.not_applicable.unwrap().reason, None);
        assert!(read("Runbook updated").not_applicable.is_none());
        // A letter of any script glued to it makes it part of a word.
        assert!(read("Revisión én/a").not_applicable.is_none());
        assert!(read("Revisión — n/a: sin cambios").not_applicable.is_some());
        assert!(read("~~Test data purged~~").struck);
        assert_eq!(
            read("Product Owner: {{po_signoff}}").unfilled.as_deref(),
            Some("po_signoff")
        );
    }
}
