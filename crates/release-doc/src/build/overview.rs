//! The typed Overview (and the Rollback Strategy) read from the document's fields.

use crate::field::Field;
use crate::model::{with_normalized, SectionId};
use crate::span::Span;
use crate::values::datetime::parse_date_noted;
use crate::values::enums::{Environment, ReleaseType, RollbackStrategy};
use crate::values::version::{parse_version, split_version_change};

use super::Builder;

/// Reads a field's text (`raw`, at `span`) into the typed overview.
type Setter = fn(&mut Builder<'_>, &str, Span);

/// The Overview and Rollback Plan fields read into the typed overview: section,
/// normalised label, and where the value goes.
const KNOWN: &[(SectionId, &str, Setter)] = &[
    (SectionId::Overview, "release", release),
    (SectionId::Overview, "component", |b, raw, span| {
        b.doc.overview.component = Field::text(raw, span);
    }),
    (SectionId::Overview, "release type", |b, raw, span| {
        b.doc.overview.release_type = b.read("Release Type", raw, span, ReleaseType::parse);
    }),
    (SectionId::Overview, "target environment", |b, raw, span| {
        b.doc.overview.target_environment =
            b.read("Target Environment", raw, span, Environment::parse);
    }),
    (SectionId::Overview, "scheduled date", |b, raw, span| {
        let year = b.year();
        b.doc.overview.scheduled_date =
            b.read_noted("Scheduled Date", raw, span, |t| parse_date_noted(t, year));
    }),
    (
        SectionId::Overview,
        "release coordinator",
        |b, raw, span| {
            b.doc.overview.release_coordinator = Field::text(raw, span);
        },
    ),
    (SectionId::Overview, "business owner", |b, raw, span| {
        b.doc.overview.business_owner = Field::text(raw, span);
    }),
    (
        SectionId::RollbackPlan,
        "rollback strategy",
        |b, raw, span| {
            b.doc.rollback.strategy =
                b.read("Rollback Strategy", raw, span, RollbackStrategy::parse);
        },
    ),
];

pub(super) fn overview(b: &mut Builder<'_>) {
    let source = b.source;
    let fields: Vec<(Setter, String, Span)> = b
        .doc
        .fields
        .iter()
        .filter_map(|f| {
            let section = f.section?;
            // Most fields are in other sections: no need to normalise their labels.
            if !KNOWN.iter().any(|(s, _, _)| *s == section) {
                return None;
            }
            let span = f.value.span()?;
            let set = with_normalized(&f.label, |l| {
                KNOWN
                    .iter()
                    .find(|(s, known, _)| *s == section && *known == l)
                    .map(|(_, _, set)| *set)
            })?;
            Some((set, f.section_title.clone(), span))
        })
        .collect();
    for (set, title, span) in fields {
        b.section_title = title;
        set(b, span.text(source), span);
    }
}

/// `Payments API (v2.4.0)`: the name, then the version in the last parentheses (or as
/// the last word when it looks like a version). A version change in them
/// (`Profile revamp (2.3.1 → 2.3.2)`) gives the version and the previous version.
fn release(b: &mut Builder<'_>, raw: &str, span: Span) {
    let (name, version) = split_release(raw);
    let at = |r: &std::ops::Range<usize>| Span::new(span.start + r.start, span.start + r.end);
    b.doc.overview.release_name = Field::text(&raw[name.clone()], at(&name));
    let Some(version) = version else {
        b.doc.overview.release_version = Field::Missing;
        return;
    };
    let change = split_version_change(&raw[version.clone()]).map(|(previous, new)| {
        let shift = |r: std::ops::Range<usize>| version.start + r.start..version.start + r.end;
        (shift(previous), shift(new))
    });
    let (previous, version) = match change {
        Some((previous, new)) => (Some(previous), new),
        None => (None, version),
    };
    b.doc.overview.release_version = b.read(
        "Release version",
        &raw[version.clone()],
        at(&version),
        parse_version,
    );
    b.doc.overview.previous_version = match previous {
        Some(p) => b.read("Previous version", &raw[p.clone()], at(&p), parse_version),
        None => Field::Missing,
    };
}

/// Where the name and the version are in a Release field's text.
fn split_release(raw: &str) -> (std::ops::Range<usize>, Option<std::ops::Range<usize>>) {
    let trimmed_end = raw.trim_end().len();
    if raw[..trimmed_end].ends_with(')') {
        if let Some(open) = opening_parenthesis(&raw[..trimmed_end]) {
            let inner = open + 1..trimmed_end - 1;
            let lead = raw[inner.clone()].len() - raw[inner.clone()].trim_start().len();
            let version = inner.start + lead..inner.start + raw[inner.clone()].trim_end().len();
            let name_end = raw[..open].trim_end().len();
            return (
                0..name_end,
                Some(version.start..version.end.max(version.start)),
            );
        }
    }
    if let Some(space) = raw[..trimmed_end].rfind(char::is_whitespace) {
        let word = &raw[space + 1..trimmed_end];
        let looks_like_version = word
            .trim_start_matches(['v', 'V'])
            .starts_with(|c: char| c.is_ascii_digit())
            && word.contains('.');
        if looks_like_version {
            return (
                0..raw[..space].trim_end().len(),
                Some(space + 1..trimmed_end),
            );
        }
    }
    (0..trimmed_end, None)
}

/// The `(` that the `)` ending `text` closes, counting the pairs nested inside; `None`
/// when there is none.
fn opening_parenthesis(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (at, byte) in text.bytes().enumerate().rev() {
        match byte {
            b')' => depth += 1,
            b'(' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(at);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::split_release;
    use crate::field::Field;

    #[test]
    fn release_splits() {
        let raw = "Payments API (v2.4.0)";
        let (n, v) = split_release(raw);
        assert_eq!((&raw[n], &raw[v.unwrap()]), ("Payments API", "v2.4.0"));
        let raw = "{{release_name}} ({{release_version}})";
        let (n, v) = split_release(raw);
        assert_eq!(
            (&raw[n], &raw[v.unwrap()]),
            ("{{release_name}}", "{{release_version}}")
        );
        let raw = "Search 3.0.0";
        let (n, v) = split_release(raw);
        assert_eq!((&raw[n], &raw[v.unwrap()]), ("Search", "3.0.0"));
        let raw = "Spring cleanup";
        assert!(split_release(raw).1.is_none());
        let raw = "Checkout (web) (2.3.1 → 2.3.2)";
        let (n, v) = split_release(raw);
        assert_eq!(
            (&raw[n], &raw[v.unwrap()]),
            ("Checkout (web)", "2.3.1 → 2.3.2")
        );
        let raw = "Profile revamp (mobile (iOS) from 2.3.1 to 2.3.2)";
        let (n, v) = split_release(raw);
        assert_eq!(
            (&raw[n], &raw[v.unwrap()]),
            ("Profile revamp", "mobile (iOS) from 2.3.1 to 2.3.2")
        );
        let raw = "Unbalanced 2.3.1)";
        let (n, v) = split_release(raw);
        assert_eq!((&raw[n], &raw[v.unwrap()]), ("Unbalanced", "2.3.1)"));
    }

    #[test]
    fn a_version_change_gives_both_versions_with_their_spans() {
        for (raw, previous, version) in [
            ("Profile revamp (2.3.1 → 2.3.2)", "2.3.1", "2.3.2"),
            ("Profile revamp (v2.3.1 -> v2.3.2)", "v2.3.1", "v2.3.2"),
            ("Profile revamp (from 2.3.1 to 2.3.2)", "2.3.1", "2.3.2"),
            ("Profile revamp (web) (2.3.1 → 2.3.2)", "2.3.1", "2.3.2"),
            ("Profile revamp (iOS (2.3.1 → 2.3.2))", "2.3.1", "2.3.2"),
            ("Profile revamp (2.3.1 → 2.3.2 (hotfix))", "2.3.1", "2.3.2"),
        ] {
            let source = format!("## Overview\n\n**Release**: {raw}\n");
            let doc = crate::parse(&source).value;
            let overview = &doc.overview;
            let text = |f: &Field<semver::Version>| f.span().map(|s| s.text(&source).to_owned());
            assert_eq!(
                text(&overview.release_version).as_deref(),
                Some(version),
                "{raw}"
            );
            assert_eq!(
                text(&overview.previous_version).as_deref(),
                Some(previous),
                "{raw}"
            );
            assert_eq!(overview.release_version.value().map(|v| v.patch), Some(2));
            assert_eq!(overview.previous_version.value().map(|v| v.patch), Some(1));
        }
        let source = "## Overview\n\n**Release**: Payments (2.4.0)\n";
        let doc = crate::parse(source).value;
        assert!(doc.overview.previous_version.is_missing());
    }
}
