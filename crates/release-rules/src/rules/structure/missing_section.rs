//! RL003: a section of the template that the document does not have.

use release_doc::{MatchedBy, Span};

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::markdown;
use crate::outline::{self, Entry};

declare_rule! {
    /// ## What it does
    /// Reports every section of the template (its `##` and `###` headings, including the
    /// ones a team template adds) that the document lacks. A missing section whose
    /// content is due at the document's stage is an error; one that is not yet due is a
    /// warning. A missing section whose subsections are all missing too is reported
    /// once. The guidance sections (`Deployment Guidelines` and below) are optional.
    ///
    /// A section written under another heading is found by its words (`### Rollback`
    /// for `### Rollback Plan`, `### Timeline (all times CEST)` for `### Deployment
    /// Timeline`) or by its table (Phase, Start and End columns are the timeline): its
    /// rules apply there, and an info says "did you mean `### Rollback`?" with the
    /// `[sections] aliases` entry that makes the match exact and the info go away.
    ///
    /// ## Why it matters
    /// Deleting a heading is the quiet way to skip a part of the process: no rollback
    /// plan means nobody wrote one. Headings also keep every release document in the
    /// same shape, so reviewers find things where they expect them.
    ///
    /// ## Example
    /// A `planned` document whose Pre-Deployment Planning goes straight from
    /// `### Release Scope & Impact` to `## Deployment Execution`, without
    /// `### Deployment Prerequisites`, `### Risk Assessment` and `### Rollback Plan`.
    ///
    /// ## How to fix
    /// Add the heading where the message says, and fill it in when it is due. A section
    /// that does not apply stays, with a line saying why (`None: no schema change`).
    ///
    /// ## Fix
    /// Unsafe, for a section found under another heading only: `release-lint fix
    /// --unsafe-fixes` writes the template's heading in place of the team's (`### Rollback`
    /// becomes `### Rollback Plan`). It is unsafe because the team may prefer its heading
    /// and the `[sections] aliases` entry instead. A section that is really missing has
    /// no fix: its content would have to be invented.
    pub(crate) struct MissingSection {
        code: "RL003",
        name: "missing-section",
        family: Structure,
        severity: Error,
        since: Draft,
        summary: "A section of the template is missing from the document",
        fix: Unsafe,
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let entries = ctx.outline();
    let doc = ctx.model();
    let present: Vec<bool> = entries
        .iter()
        .map(|e| outline::find_in_doc(doc, e.section).is_some())
        .collect();
    let children = |i: usize| -> Vec<usize> {
        (0..entries.len())
            .filter(|&j| entries[j].parent == Some(i) && !entries[j].guidance)
            .collect()
    };
    for (i, entry) in entries.iter().enumerate() {
        if entry.guidance {
            continue;
        }
        if present[i] {
            if let Some(renamed) = outline::find_in_doc(doc, entry.section) {
                out.extend(renamed_report(ctx, entry.section, renamed));
            }
            continue;
        }
        // A missing section with all its subsections missing is reported once, with them.
        if let Some(p) = entry.parent {
            if !present[p] && children(p).iter().all(|&c| !present[c]) {
                continue;
            }
        }
        let kids = children(i);
        let folded: Vec<usize> = if kids.iter().all(|&c| !present[c]) {
            kids
        } else {
            Vec::new()
        };
        let due = std::iter::once(i)
            .chain(folded.iter().copied())
            .filter_map(|k| entries[k].due)
            .min();
        out.push(report(ctx, entries, &present, i, &folded, due));
    }
}

fn report(
    ctx: &Context<'_>,
    entries: &[Entry<'_>],
    present: &[bool],
    i: usize,
    folded: &[usize],
    due: Option<release_doc::values::Stage>,
) -> Diagnostic {
    let doc = ctx.model();
    let entry = &entries[i];
    let mut what = format!("section `{}` is missing", outline::heading(entry.section));
    if !folded.is_empty() {
        let names: Vec<String> = folded
            .iter()
            .map(|&k| format!("`{}`", entries[k].section.title))
            .collect();
        what = format!(
            "section `{}` is missing, with its subsections {}",
            outline::heading(entry.section),
            names.join(", ")
        );
    }
    // It belongs before the next section of the template that the document has.
    let after = (i + 1..entries.len())
        .find(|&k| entries[k].section.level <= entry.section.level)
        .unwrap_or(entries.len());
    let next = (after..entries.len())
        .filter(|&k| present[k])
        .find_map(|k| outline::find_in_doc(doc, entries[k].section));
    let parent = entry
        .parent
        .filter(|&p| present[p])
        .and_then(|p| outline::find_in_doc(doc, entries[p].section));
    let mut place = String::from("expected ");
    if let Some(parent) = parent {
        place.push_str(&format!("under `{}`, ", outline::heading(parent)));
    }
    let span = match next {
        Some(next) => {
            place.push_str(&format!("before `{}`", outline::heading(next)));
            next.span
        }
        None => {
            place.push_str("at the end of the document");
            end_of_document(ctx.source())
        }
    };
    let is_due = ctx.is_due(due);
    let when = match due {
        Some(stage) if is_due => format!("; it is due from stage `{stage}`"),
        Some(stage) => format!("; it becomes due at stage `{stage}`"),
        None => String::new(),
    };
    let mut d = ctx.diagnostic(
        &MissingSection::META,
        span,
        format!("{what}; {place}{when}"),
    );
    if let Some(parent) = parent.filter(|p| p.span != span) {
        d = d.with_label(parent.span, "the section it belongs to");
    }
    if is_due {
        d
    } else {
        d.with_severity(Severity::Warning)
    }
}

/// An info for a template section found under another heading (by its words or its
/// table): its rules apply there, so nothing is lost; the finding says which heading it
/// took and how to make the match exact.
fn renamed_report(
    ctx: &Context<'_>,
    wanted: &release_doc::Section,
    found: &release_doc::Section,
) -> Option<Diagnostic> {
    let how = match found.matched_by? {
        MatchedBy::Words => "by its words",
        MatchedBy::Content => "by its table",
        _ => return None,
    };
    let d = ctx.diagnostic(
        &MissingSection::META,
        found.span,
        format!(
            "section `{}` is missing; did you mean `{}`? It is checked as `{}` (matched {how}); expected the template's heading, or `[sections] aliases = {{ \"{}\" = \"{}\" }}` in release-lint.toml",
            outline::heading(wanted),
            outline::heading(found),
            wanted.title,
            found.title.replace('"', "\\\""),
            wanted.title,
        ),
    );
    // The heading line without its line break: the whole heading is rewritten.
    let heading = found.span.text(ctx.source()).trim_end_matches(['\n', '\r']);
    let edit = Edit {
        span: Span::new(found.span.start, found.span.start + heading.len()),
        replacement: outline::heading(wanted),
    };
    let fix = Fix {
        message: format!(
            "rename the heading to `{}`, or keep it and add the alias",
            outline::heading(wanted)
        ),
        applicability: Applicability::Unsafe,
        edits: vec![edit],
    };
    Some(d.with_severity(Severity::Info).with_fix(fix))
}

/// The last line that holds text, or the start of an empty document.
fn end_of_document(source: &str) -> Span {
    let trimmed = source.trim_end();
    match trimmed.char_indices().last() {
        Some((last, _)) => markdown::line_span(source, last),
        None => Span::new(0, 0),
    }
}

#[cfg(test)]
mod tests;
