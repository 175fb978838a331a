//! The typed Overview (and the Rollback Strategy) read from the document's fields.

use crate::field::Field;
use crate::model::{with_normalized, SectionId};
use crate::span::Span;
use crate::values::datetime::parse_date;
use crate::values::enums::{Environment, ReleaseType, RollbackStrategy};
use crate::values::version::parse_version;

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
        b.doc.overview.scheduled_date = b.read("Scheduled Date", raw, span, parse_date);
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
/// the last word when it looks like a version).
fn release(b: &mut Builder<'_>, raw: &str, span: Span) {
    let (name, version) = split_release(raw);
    let name_span = Span::new(span.start + name.start, span.start + name.end);
    b.doc.overview.release_name = Field::text(&raw[name.clone()], name_span);
    b.doc.overview.release_version = match version {
        Some(v) => {
            let v_span = Span::new(span.start + v.start, span.start + v.end);
            b.read("Release version", &raw[v], v_span, parse_version)
        }
        None => Field::Missing,
    };
}

fn split_release(raw: &str) -> (std::ops::Range<usize>, Option<std::ops::Range<usize>>) {
    let trimmed_end = raw.trim_end().len();
    if raw[..trimmed_end].ends_with(')') {
        if let Some(open) = raw[..trimmed_end].rfind('(') {
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

#[cfg(test)]
mod tests {
    use super::split_release;

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
    }
}
