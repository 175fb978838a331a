//! The direction of the crate's module dependencies: the rules (`src/rules/`) read the
//! engine's and the schema's shared facts (context, outline, schema, secrets) and never
//! each other, and nothing outside `src/rules/` but the registry names a rule.
//!
//! Read from the source files, as `use` paths: a test is the only place the compiler
//! leaves this to.

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, recursively, in a stable order.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{dir:?}: {e}"));
        for entry in entries {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}"))
}

/// The code of `text` without its comment lines (`//`, `///`, `//!`), whose prose may
/// name any module.
fn code(text: &str) -> String {
    text.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A rule's module: a file of a family folder that declares a rule.
struct RuleModule {
    family: String,
    name: String,
}

fn rule_modules() -> Vec<RuleModule> {
    rust_files(&src().join("rules"))
        .into_iter()
        .filter(|path| read(path).contains("declare_rule! {"))
        .map(|path| RuleModule {
            family: path
                .parent()
                .and_then(Path::file_name)
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default(),
            name: path
                .file_stem()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default(),
        })
        .collect()
}

#[test]
fn only_the_registry_names_the_rules() {
    let rules = src().join("rules");
    let registry = src().join("registry.rs");
    let offenders: Vec<String> = rust_files(&src())
        .into_iter()
        .filter(|path| !path.starts_with(&rules) && *path != registry)
        .filter(|path| code(&read(path)).contains("crate::rules"))
        .map(|path| path.display().to_string())
        .collect();
    assert!(
        offenders.is_empty(),
        "outside src/rules/, only registry.rs may name `crate::rules`; found in {offenders:#?}"
    );
}

#[test]
fn no_rule_reads_another_rule_or_family() {
    let modules = rule_modules();
    assert!(modules.len() > 40, "{} rule modules found", modules.len());
    let mut offenders = Vec::new();
    for path in rust_files(&src().join("rules")) {
        let family = path
            .parent()
            .and_then(Path::file_name)
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let own = path
            .file_stem()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = code(&read(&path));
        for other in &modules {
            if other.family == family && other.name == own {
                continue;
            }
            let mut paths = vec![format!("crate::rules::{}::{}", other.family, other.name)];
            if other.family == family {
                paths.push(format!("super::{}", other.name));
            }
            for named in paths {
                let uses = text.match_indices(&named).any(|(at, _)| {
                    let after = text[at + named.len()..].chars().next();
                    !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
                });
                if uses {
                    offenders.push(format!("{} names {named}", path.display()));
                }
            }
        }
        // A family's helpers are its own: a rule of one family reads another's through
        // the shared facts, never through `crate::rules::<family>`.
        if path.parent() != Some(&src().join("rules")) {
            for (at, _) in text.match_indices("crate::rules::") {
                let rest = &text[at + "crate::rules::".len()..];
                let named: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if named != family {
                    offenders.push(format!("{} names crate::rules::{named}", path.display()));
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "rules depend on context, schema, outline and secrets, not on each other: {offenders:#?}"
    );
}
