//! A frontmatter whose closing `---` was forgotten, so that a later `---` line of the body
//! (a thematic break) closed it: the block then holds Markdown, its YAML does not parse, and
//! every placeholder of the body would read as a placeholder in the frontmatter.
//!
//! Such a block is read as a frontmatter that ends where its Markdown starts (the first ATX
//! heading), when the lines before that heading are a valid YAML mapping; one problem at
//! line 1 says the frontmatter is probably not closed.

use super::lines::{is_fence, Line, Lines, YAML_SPACE};
use super::{read_entries, Block, Entry, Split};
use crate::problem::{Problem, ProblemKind};
use crate::span::Span;

/// The frontmatter read again as ending before its first Markdown heading, when `block`
/// (whose reading gave `problems`) does not parse as a mapping and looks like it holds the
/// start of the body; `None` otherwise.
pub(super) fn reclose(
    source: &str,
    block: &Block,
    problems: &[Problem],
) -> Option<(Split, Vec<Entry>, Vec<Problem>)> {
    let failure = problems.iter().find(|p| is_not_a_mapping(p.kind))?;
    let lines: Vec<Line> = Lines::new(source, block.yaml.start, block.yaml.end).collect();
    let heading = lines
        .iter()
        .position(|l| is_heading(line_text(source, *l)))?;
    let at = lines[heading].start;
    // A YAML comment can look like a heading: the YAML must break at or after it, and
    // more Markdown must follow it.
    if failure.kind == ProblemKind::InvalidYaml && failure.span.start < at {
        return None;
    }
    if !lines[heading + 1..]
        .iter()
        .any(|l| is_markdown(line_text(source, *l)))
    {
        return None;
    }
    let shorter = Block {
        span: Span::new(block.span.start, at),
        yaml: Span::new(block.yaml.start, at),
    };
    let (entries, mut problems) = read_entries(source, &shorter);
    if entries.is_empty() || problems.iter().any(|p| is_not_a_mapping(p.kind)) {
        return None;
    }
    let line_of = |offset: usize| {
        Lines::new(source, 0, offset)
            .filter(|l| l.next <= offset)
            .count()
            + 1
    };
    let closing = Lines::new(source, block.yaml.end, block.span.end)
        .next()
        .filter(|l| is_fence(source, *l, "---") || is_fence(source, *l, "..."))
        .map_or(block.yaml.end, |l| l.start);
    let opening = Lines::new(source, block.span.start, block.yaml.start)
        .next()
        .map_or(Span::new(block.span.start, block.yaml.start), |l| {
            Span::new(l.start, l.end)
        });
    let message = format!(
        "frontmatter opened with `---` on line {} is probably not closed: the `---` on line {} \
         closes it, and the text before that is not YAML (from line {} on); expected a \
         closing `---` line before line {} (`{}`), so the file is read as Markdown from there",
        line_of(opening.start),
        line_of(closing),
        line_of(failure.span.start.max(at)),
        line_of(at),
        shorten(line_text(source, lines[heading]).trim()),
    );
    problems.insert(
        0,
        Problem {
            kind: ProblemKind::UnterminatedFrontmatter,
            message,
            span: opening,
            section: None,
        },
    );
    let split = Split {
        block: Some(shorter),
        body_start: at,
    };
    Some((split, entries, problems))
}

fn is_not_a_mapping(kind: ProblemKind) -> bool {
    matches!(
        kind,
        ProblemKind::InvalidYaml | ProblemKind::FrontmatterNotMapping
    )
}

fn line_text(source: &str, line: Line) -> &str {
    source.get(line.start..line.end).unwrap_or("")
}

/// An ATX heading at the start of the line: one to six `#`, then a space or a tab.
fn is_heading(text: &str) -> bool {
    let hashes = text.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes) && matches!(text.as_bytes().get(hashes), Some(b' ' | b'\t'))
}

/// A line only Markdown writes: a heading, a `**Label**`, a table row, a task-list item or
/// a code fence.
fn is_markdown(text: &str) -> bool {
    let text = text.trim_start_matches(YAML_SPACE);
    is_heading(text)
        || ["**", "|", "- [", "* [", "```"]
            .iter()
            .any(|start| text.starts_with(start))
}

/// At most 60 characters of a heading, for the message.
fn shorten(text: &str) -> String {
    if text.chars().count() <= 60 {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(59).collect();
        format!("{}…", cut.trim_end())
    }
}
