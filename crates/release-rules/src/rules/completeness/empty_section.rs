//! RL102: a due section with nothing in it.

use release_doc::SectionId;

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::markdown;
use crate::outline::{self, normalize};

declare_rule! {
    /// ## What it does
    /// Reports a section whose content is due at the document's stage but that holds
    /// nothing under its heading: no text, list, table or code (HTML comments and
    /// horizontal rules do not count). A heading that only groups subsections in the
    /// template, such as `## Pre-Deployment Planning`, is never reported.
    ///
    /// ## Why it matters
    /// An empty heading looks like a filled-in document at a glance and passes a
    /// review that skims headings: the rollback plan is "there", with nothing in it.
    ///
    /// ## Example
    /// ```markdown
    /// ### Rollback Plan
    ///
    /// ## Deployment Execution
    /// ```
    ///
    /// ## How to fix
    /// Fill the section in. When it does not apply, say so in it (`None: no schema
    /// change in this release`).
    pub(crate) struct EmptySection {
        code: "RL102",
        name: "empty-section",
        family: Completeness,
        severity: Error,
        since: Planned,
        summary: "A due section has no content",
        check: check,
    }
}

/// A section as the rule counts it: a known section by its id, any other by its
/// normalised title.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Identity {
    /// A section of the template.
    Known(SectionId),
    /// A section the document adds.
    Own(String),
}

impl Identity {
    /// Whether a section titled `title` has this identity by title.
    fn is_title(&self, title: &str) -> bool {
        match self {
            Identity::Known(_) => false,
            Identity::Own(own) => normalize(title) == *own,
        }
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let entries = ctx.outline();
    let source = ctx.source();
    let doc = ctx.model();
    // A few dozen sections: a vector is cheaper than hashing each identity.
    let mut done: Vec<Identity> = Vec::new();
    for section in &doc.sections {
        let identity = match section.id {
            Some(id) => Identity::Known(id),
            None => Identity::Own(normalize(&section.title)),
        };
        if done.contains(&identity) {
            continue;
        }
        let due = outline::section_due(entries, section);
        if !ctx.is_due(due) {
            continue;
        }
        // Only sections the template gives content of their own.
        // (The outline has one entry per template section, in order.)
        let Some(index) = entries.iter().position(|e| match section.id {
            Some(id) => e.section.id == Some(id),
            None => e.section.id.is_none() && identity.is_title(&e.section.title),
        }) else {
            continue;
        };
        if !ctx.schema.has_own_content(index) {
            continue;
        }
        done.push(identity.clone());
        // Every copy of the section counts (a duplicate is `duplicate-section`'s).
        let copies = doc.sections.iter().filter(|s| match section.id {
            Some(id) => s.id == Some(id),
            None => s.id.is_none() && identity.is_title(&s.title),
        });
        let empty = copies
            .map(|s| ctx.own_body(s))
            .all(|body| !markdown::has_content(body.text(source)));
        if empty {
            let stage = due.map(|s| s.to_string()).unwrap_or_default();
            out.push(ctx.diagnostic(
                &EmptySection::META,
                section.span,
                format!(
                    "section `{}` is empty; expected its content, due from stage `{stage}`",
                    outline::heading(section)
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use crate::test_support::check_rule;

    #[test]
    fn empty_due_section_is_reported_at_its_heading() {
        let doc = "## Pre-Deployment Planning\n\n### Rollback Plan\n\n<!-- later -->\n\n## Deployment Execution\n";
        assert_eq!(check_rule("RL102", doc, Some(Stage::Planned)), ["RL102:3"]);
    }

    #[test]
    fn parents_not_due_and_filled_sections_are_silent() {
        let doc = "## Pre-Deployment Planning\n\n### Rollback Plan\n\n**Rollback Strategy**: Immediate\n\n## Release Notes\n\n### New Features\n\n## Notes\n";
        assert!(check_rule("RL102", doc, Some(Stage::Planned)).is_empty());
        assert_eq!(check_rule("RL102", doc, Some(Stage::Ready)), ["RL102:9"]);
        assert!(check_rule("RL102", doc, Some(Stage::Draft)).is_empty());
    }

    #[test]
    fn a_section_holding_only_placeholders_is_not_empty() {
        let doc = "## Pre-Deployment Planning\n\n### Rollback Plan\n\n**Rollback Strategy**: {{rollback_strategy}}\n";
        assert!(check_rule("RL102", doc, Some(Stage::Planned)).is_empty());
    }
}
