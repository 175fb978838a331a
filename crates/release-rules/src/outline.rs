//! The template's outline, which the structure and completeness rules share: its sections
//! (known ones and a team template's own), where each sits, and when its content becomes
//! due. [`crate::Context::outline`] builds it once per check.

use release_doc::values::Stage;
use release_doc::{ReleaseDoc, Section};

use crate::due;

/// A heading in comparable form, as the parser matches known sections: lower case, `&`
/// for `and`, no inline markup, collapsed white space, no trailing colon.
pub(crate) fn normalize(title: &str) -> String {
    release_doc::normalize_title(title)
}

/// One section of the template with its place in the outline.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry<'a> {
    /// The template's heading.
    pub section: &'a Section,
    /// Index of the enclosing section in the outline.
    pub parent: Option<usize>,
    /// Part of the optional guidance (`Deployment Guidelines` and below).
    pub guidance: bool,
    /// When its content becomes due; `None` for guidance.
    pub due: Option<Stage>,
}

/// The template's sections in order. A known section is due as [`due::section`] says; a
/// team template's own section is due with the known section that encloses it, and from
/// `planned` when it is a top-level section of its own.
pub(crate) fn of_template(sections: &[Section]) -> Vec<Entry<'_>> {
    let mut entries: Vec<Entry<'_>> = Vec::with_capacity(sections.len());
    for section in sections {
        let parent = entries
            .iter()
            .rposition(|e: &Entry<'_>| e.section.level < section.level);
        let parent_entry = parent.and_then(|p| entries.get(p));
        let guidance = section.id.is_some_and(|id| id.is_guidance())
            || parent_entry.is_some_and(|p| p.guidance);
        let due = if guidance {
            None
        } else if let Some(id) = section.id {
            due::section(id)
        } else {
            parent_entry.map_or(Some(Stage::Planned), |p| p.due)
        };
        entries.push(Entry {
            section,
            parent,
            guidance,
            due,
        });
    }
    entries
}

/// The document's heading for a template section: the known section by id, a team
/// template's own section by its (normalized) title.
pub(crate) fn find_in_doc<'d>(doc: &'d ReleaseDoc, wanted: &Section) -> Option<&'d Section> {
    match wanted.id {
        Some(id) => doc.section(id),
        None => {
            let title = normalize(&wanted.title);
            doc.sections
                .iter()
                .find(|s| s.id.is_none() && normalize(&s.title) == title)
        }
    }
}

/// When the content of a document section becomes due: a known section as
/// [`due::section`] says, a section the template adds as its outline entry says, any
/// other section never.
pub(crate) fn section_due(outline: &[Entry<'_>], section: &Section) -> Option<Stage> {
    match section.id {
        Some(id) => due::section(id),
        None => {
            let title = normalize(&section.title);
            outline
                .iter()
                .find(|e| e.section.id.is_none() && normalize(&e.section.title) == title)
                .and_then(|e| e.due)
        }
    }
}

/// The heading as written in Markdown (`### Risk Assessment`), for messages.
pub(crate) fn heading(section: &Section) -> String {
    format!(
        "{} {}",
        "#".repeat(usize::from(section.level)),
        section.title
    )
}
