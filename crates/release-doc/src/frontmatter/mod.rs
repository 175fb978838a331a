//! YAML frontmatter: find the `---` block at the top of a document and read its top-level keys.
//!
//! [`split`] finds the block by scanning lines itself (a leading BOM is skipped, CRLF and lone
//! CR line endings are accepted). [`read_entries`] parses the YAML between the fences once,
//! with the event parser of `serde-saphyr` (under tight resource budgets, so YAML bombs fail
//! fast), and reads every top-level key with the exact byte spans of its key and value; YAML
//! that uses tags, anchors, aliases or merge keys is also checked by serde-saphyr's
//! deserializer. When the YAML does not parse, the keys are still recovered by a line scanner
//! and one [`ProblemKind::InvalidYaml`] problem points at the offending line.
//!
//! All spans are absolute byte ranges into the original source.

mod budget;
mod entries;
mod error;
mod json;
mod lines;
mod node;
mod scan;
mod tree;
mod unclosed;
pub(crate) mod unquote;
mod validate;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use self::entries::Ctx;
use self::lines::{is_fence, Lines};
use self::tree::Tree;
use self::validate::validate;
use crate::problem::{Problem, ProblemKind};
use crate::span::Span;

/// Deepest nesting of YAML collections accepted in frontmatter.
const MAX_DEPTH: usize = 64;
/// Most YAML nodes (after alias expansion) accepted in frontmatter.
const MAX_NODES: usize = 20_000;
/// Most parser events accepted in frontmatter.
const MAX_EVENTS: usize = 50_000;
/// Most anchors, and most aliases, accepted in frontmatter.
const MAX_ANCHORS: usize = 1_000;
/// Most bytes of scalar text accepted in frontmatter.
const MAX_SCALAR_BYTES: usize = 8 * 1024 * 1024;

/// Where the frontmatter block is, found by splitting the source ourselves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Split {
    /// The frontmatter block, when the document has a closed one.
    pub block: Option<Block>,
    /// Byte offset at which the Markdown body starts (after the BOM and the block).
    pub body_start: usize,
}

/// The frontmatter block of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// From the opening `---` to the end of the closing fence line, including its line break.
    pub span: Span,
    /// The YAML text between the two fence lines.
    pub yaml: Span,
}

/// One top-level `key: value` of the frontmatter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The key's text (quotes removed).
    pub key: String,
    /// The key as written, with its quotes if quoted.
    pub key_span: Span,
    /// The value.
    pub value: EntryValue,
    /// The value as written: a scalar with its quotes, a whole `[...]` or block sequence, a
    /// whole mapping. An empty value has an empty span just after the key's `:`.
    pub value_span: Span,
}

/// The value of a frontmatter key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "type", content = "value")]
pub enum EntryValue {
    /// No value (`key:`, `~`, `null`).
    Null,
    /// A scalar of any YAML type (string, number, boolean, date), as text: quotes removed and
    /// escapes decoded, numbers and booleans spelled as written.
    Text(String),
    /// A sequence of scalars, each with its text and its own span. A null item is `""`; an
    /// unquoted `{{name}}` item keeps its source text.
    List(Vec<(String, Span)>),
    /// An unquoted `{{name}}` (YAML reads it as a nested flow mapping): the name inside the
    /// braces, trimmed.
    Placeholder(String),
    /// Anything else (a nested mapping, a list holding collections), as JSON.
    Other(serde_json::Value),
}

/// Find the frontmatter block of `source`.
///
/// Frontmatter exists only when the first line (after an optional UTF-8 BOM) is `---`
/// (trailing spaces and tabs allowed). It closes at the next line that is `---` or `...`.
/// When it never closes, there is no block, the whole document (after the BOM) is body, and
/// an [`ProblemKind::UnterminatedFrontmatter`] problem points at the opening line.
#[must_use]
pub fn split(source: &str) -> (Split, Option<Problem>) {
    let bom = if source.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let no_block = Split {
        block: None,
        body_start: bom,
    };
    let mut lines = Lines::new(source, bom, source.len());
    let Some(open) = lines.next() else {
        return (no_block, None);
    };
    if !is_fence(source, open, "---") {
        return (no_block, None);
    }
    for line in lines {
        if is_fence(source, line, "---") || is_fence(source, line, "...") {
            let block = Block {
                span: Span::new(open.start, line.next),
                yaml: Span::new(open.next, line.start),
            };
            return (
                Split {
                    block: Some(block),
                    body_start: line.next,
                },
                None,
            );
        }
    }
    let problem = Problem {
        kind: ProblemKind::UnterminatedFrontmatter,
        message: "frontmatter opened with `---` on line 1 is never closed; expected a closing \
                  `---` line, so the whole file is read as Markdown"
            .to_owned(),
        span: Span::new(open.start, open.end),
        section: None,
    };
    (no_block, Some(problem))
}

/// Read the frontmatter block `split` found in `source`: its entries and problems as
/// [`read_entries`] gives them, and the split itself, which changes in one case. When the
/// block does not parse as a YAML mapping, holds a Markdown heading followed by more
/// Markdown, and the lines before that heading are a mapping, its closing `---` was most
/// likely forgotten and a thematic break of the body closed it: the frontmatter then ends
/// before the heading, the body starts there, and one
/// [`ProblemKind::UnterminatedFrontmatter`] problem at line 1 says the frontmatter is
/// probably not closed (instead of a YAML error and the body's placeholders read as the
/// frontmatter's).
#[must_use]
pub fn read(source: &str, split: Split) -> (Split, Vec<Entry>, Vec<Problem>) {
    let Some(block) = split.block else {
        return (split, Vec::new(), Vec::new());
    };
    let (entries, problems) = read_entries(source, &block);
    unclosed::reclose(source, &block, &problems).unwrap_or((split, entries, problems))
}

/// Read the top-level keys of the frontmatter `block` of `source`, in order.
///
/// Returns every top-level entry (a repeated key is returned each time it appears, and
/// reported as [`ProblemKind::DuplicateKey`]) and the problems found, in source order:
/// [`ProblemKind::InvalidYaml`] (the entries are then recovered line by line),
/// [`ProblemKind::FrontmatterNotMapping`] and [`ProblemKind::DuplicateKey`]. Empty YAML gives
/// no entry and no problem.
#[must_use]
pub fn read_entries(source: &str, block: &Block) -> (Vec<Entry>, Vec<Problem>) {
    let Some(yaml) = source.get(block.yaml.start..block.yaml.end) else {
        return (Vec::new(), Vec::new());
    };
    let ctx = Ctx::new(source, block.yaml.start, yaml);
    if yaml.trim().is_empty() {
        return (Vec::new(), Vec::new());
    }
    let built = Tree::build(yaml);
    let extended = built.as_ref().map_or_else(|e| e.extended, |t| t.extended);
    let checked = if extended { validate(yaml) } else { Ok(()) };
    match checked.and(built) {
        Err(err) => ctx.recover(&err.cause, err.line, err.column, err.byte),
        Ok(tree) => ctx.entries(&tree),
    }
}
