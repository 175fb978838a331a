//! The first `rust` example of each library crate's README (a doctest of its crate) is
//! the very program `tests/external-crate` builds from outside the workspace with
//! `scripts/check-external-crate.sh`: one text, tested both ways.

use std::path::Path;

/// The first fenced block whose info string is `rust`.
fn first_rust_block(markdown: &str) -> Option<String> {
    let mut lines = markdown.lines();
    lines.by_ref().find(|line| line.trim_end() == "```rust")?;
    let mut block = String::new();
    for line in lines {
        if line.trim_end() == "```" {
            return Some(block);
        }
        block.push_str(line);
        block.push('\n');
    }
    None
}

fn read(path: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn each_library_readme_starts_with_the_external_crates_program() {
    for (readme, program) in [
        ("crates/release-doc/README.md", "open_items.rs"),
        ("crates/release-rules/README.md", "check_document.rs"),
        ("crates/release-gen/README.md", "new_document.rs"),
    ] {
        let example = first_rust_block(&read(readme))
            .unwrap_or_else(|| panic!("{readme} has no ```rust example"));
        assert!(
            example.contains("fn main()"),
            "{readme}: the first example is a whole program"
        );
        let bin = format!("tests/external-crate/src/bin/{program}");
        assert_eq!(
            example,
            read(&bin),
            "{readme}'s first example differs from {bin}"
        );
    }
}

#[test]
fn the_first_rust_block_is_found_and_others_are_not_taken() {
    let markdown = "```toml\na = 1\n```\n\n```rust\nfn main() {}\n```\n```rust\nlater\n```\n";
    assert_eq!(
        first_rust_block(markdown).as_deref(),
        Some("fn main() {}\n")
    );
    assert_eq!(first_rust_block("```rust\nnever closed\n"), None);
}
