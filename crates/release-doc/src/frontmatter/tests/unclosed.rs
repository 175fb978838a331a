//! A forgotten closing `---`, with a thematic break of the body closing the block.

use super::*;

/// The template's frontmatter without its closing `---`, then a body with a thematic break.
fn unclosed() -> String {
    let open = TEMPLATE.replacen("---\n\n# Deployment", "\n# Deployment", 1);
    format!("{open}\n## Overview\n\n**Release**: {{{{release_name}}}}\n\n---\n\n## Notes\n")
}

#[test]
fn a_block_closed_by_a_thematic_break_ends_before_its_first_heading() {
    let source = unclosed();
    let (split, problem) = split(&source);
    assert_eq!(problem, None);
    let (split, entries, problems) = crate::frontmatter::read(&source, split);
    let keys: Vec<&str> = entries.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "component",
            "type",
            "phase",
            "status",
            "created",
            "updated",
            "owner",
            "tags"
        ]
    );
    assert!(source[split.body_start..].starts_with("# Deployment & Release Process Template\n"));
    assert_eq!(problems.len(), 1, "{problems:?}");
    let problem = &problems[0];
    assert_eq!(problem.kind, ProblemKind::UnterminatedFrontmatter);
    assert_eq!(line(&source, problem.span.start), 1);
    assert_eq!(problem.span.text(&source), "---");
    assert_eq!(
        problem.message,
        "frontmatter opened with `---` on line 1 is probably not closed: the `---` on line 17 \
         closes it, and the text before that is not YAML (from line 15 on); expected a closing \
         `---` line before line 11 (`# Deployment & Release Process Template`), so the file is \
         read as Markdown from there"
    );
}

#[test]
fn broken_yaml_with_a_comment_is_still_a_yaml_error() {
    for source in [
        // The YAML breaks before the comment.
        "---\nowner: \"x\" (team)\n# Release metadata\n## Overview\n**Release**: y\n---\n",
        // Nothing but YAML after the comment.
        "---\nowner: x\n# Release metadata\nstage: [ready\n---\n",
        // The block is not a mapping before the heading either.
        "---\n- a\n# Title\n**Release**: y\n---\n",
    ] {
        let (split, _) = split(source);
        let (after, _, problems) = crate::frontmatter::read(source, split.clone());
        assert_eq!(after, split, "{source:?}");
        assert!(
            problems
                .iter()
                .all(|p| p.kind != ProblemKind::UnterminatedFrontmatter),
            "{source:?}: {problems:?}"
        );
        assert!(
            problems.iter().any(|p| matches!(
                p.kind,
                ProblemKind::InvalidYaml | ProblemKind::FrontmatterNotMapping
            )),
            "{source:?}: {problems:?}"
        );
    }
}

#[test]
fn a_valid_block_is_read_as_it_is() {
    let (split, _) = split(TEMPLATE);
    let (after, entries, problems) = crate::frontmatter::read(TEMPLATE, split.clone());
    assert_eq!(after, split);
    assert_eq!(entries.len(), 8);
    assert!(problems.is_empty(), "{problems:?}");
}
