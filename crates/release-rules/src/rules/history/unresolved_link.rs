use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use crate::declare_history_rule;
use crate::history::{self, Finding, History};

declare_history_rule! {
    /// ## What it does
    /// Reports a `[[wiki link]]` of Related Documentation that matches no file under
    /// the folder the config names as `[links] root`. It is off until that key is set
    /// (relative to the config's folder): without a root there is nothing to resolve
    /// links against.
    ///
    /// A link `[[runbooks/payments]]` matches the file `runbooks/payments` or
    /// `runbooks/payments.<any extension>` under the root; a link without a `/`
    /// (`[[payments]]`) also matches a file of that name in any folder under it, as
    /// wikis resolve short links. Case is ignored, and so are an alias (`|Payments`) and
    /// a heading (`#Rollback`) after the target. The root is walked once per run,
    /// honouring `.gitignore` and skipping hidden files.
    ///
    /// ## Why it matters
    /// Related Documentation is where reviewers and on-call engineers go for the
    /// runbook and the security review; a link to a page that was renamed or never
    /// written sends them nowhere when it matters.
    ///
    /// ## Example
    /// With `[links] root = "wiki"` and no `wiki/runbooks/payment.md`:
    /// ```markdown
    /// - **Runbook**: [[runbooks/payment]]
    /// ```
    ///
    /// ## How to fix
    /// Point the link at the page as it is named (`[[runbooks/payments]]`), or write the
    /// page.
    pub(crate) struct UnresolvedLink {
        code: "RL703",
        name: "unresolved-link",
        severity: Warning,
        summary: "A wiki link of Related Documentation matches no file under the `[links] root`",
        check: check,
    }
}

fn check(set: &History, out: &mut Vec<Finding>) {
    let mut roots: BTreeMap<PathBuf, Option<Index>> = BTreeMap::new();
    for (i, facts) in set.facts().iter().enumerate() {
        let Some(root) = &facts.links_root else {
            continue;
        };
        if !facts.reported || facts.links.is_empty() {
            continue;
        }
        let index = roots.entry(root.clone()).or_insert_with(|| Index::of(root));
        for link in &facts.links {
            let message = match index {
                None => format!(
                    "`[[{}]]` cannot be resolved: the `[links] root` `{}` is not a folder; expected the folder of the wiki, relative to the config's folder",
                    link.target,
                    root.display()
                ),
                Some(index) if index.resolves(&link.target) => continue,
                Some(_) => format!(
                    "`[[{}]]` ({}) matches no file under `{}`; expected a file `{}` or `{}.md` there",
                    link.target,
                    link.label,
                    root.display(),
                    key(&link.target),
                    key(&link.target),
                ),
            };
            out.push(Finding {
                file: i,
                diagnostic: history::diagnostic(
                    &UnresolvedLink::META,
                    link.span,
                    "Related Documentation",
                    message,
                ),
            });
        }
    }
}

/// The names a link may take to reach the files under a root, lower-case.
struct Index {
    /// Relative paths with `/`, with and without their extension.
    paths: HashSet<String>,
    /// File names, with and without their extension, for links without a `/`.
    names: HashSet<String>,
}

impl Index {
    /// The files under `root`; `None` when it is not a folder.
    fn of(root: &Path) -> Option<Index> {
        if !root.is_dir() {
            return None;
        }
        let mut index = Index {
            paths: HashSet::new(),
            names: HashSet::new(),
        };
        for entry in ignore::WalkBuilder::new(root).build().flatten() {
            if !entry.file_type().is_some_and(|t| t.is_file()) {
                continue;
            }
            let Ok(relative) = entry.path().strip_prefix(root) else {
                continue;
            };
            let parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().to_lowercase())
                .collect();
            let full = parts.join("/");
            let without_extension = match full.rsplit_once('.') {
                Some((stem, _)) if !stem.ends_with('/') && !stem.is_empty() => stem.to_owned(),
                _ => full.clone(),
            };
            if let Some(name) = parts.last() {
                index.names.insert(name.clone());
                if let Some(stem) = without_extension.rsplit('/').next() {
                    index.names.insert(stem.to_owned());
                }
            }
            index.paths.insert(full);
            index.paths.insert(without_extension);
        }
        Some(index)
    }

    /// Whether a link to `target` reaches a file.
    fn resolves(&self, target: &str) -> bool {
        let key = key(target);
        if key.is_empty() {
            return true;
        }
        self.paths.contains(&key) || (!key.contains('/') && self.names.contains(&key))
    }
}

/// The target as matched: without alias and heading, `./` or `/` at the start, and
/// case.
fn key(target: &str) -> String {
    let target = target
        .split(['|', '#', '^'])
        .next()
        .unwrap_or_default()
        .trim();
    let target = target.trim_start_matches("./").trim_start_matches('/');
    target.replace('\\', "/").to_lowercase()
}

#[cfg(test)]
mod tests {
    use std::fs;

    use crate::rules::history::test_support::findings_with;
    use crate::settings::Settings;

    fn doc(links: &str) -> String {
        format!("# Release\n\n## Overview\n\n**Release**: R (1.0.0)\n\n## Related Documentation\n\n{links}")
    }

    #[test]
    fn links_resolve_against_the_root() {
        let root = tempfile::tempdir().unwrap();
        fs::create_dir_all(root.path().join("runbooks")).unwrap();
        fs::write(root.path().join("runbooks/Payments.md"), "").unwrap();
        fs::write(root.path().join("security-review.md"), "").unwrap();
        let settings = Settings {
            links_root: Some(root.path().to_path_buf()),
            ..Settings::default()
        };
        let source = doc(
            "- **Runbook**: [[runbooks/payments]]\n- **Security Review**: [[security-review|Review]]\n\
             - **Architecture**: [[payments#Rollback]]\n- **Requirements**: [[runbooks/payment]]\n\
             - **Testing Results**: see CI\n",
        );
        let found = findings_with("RL703", &[("a.md", &source, true)], &settings);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with(
                "a.md:12: `[[runbooks/payment]]` (Requirements) matches no file under `"
            ),
            "{found:?}"
        );
        assert!(
            found[0].ends_with("expected a file `runbooks/payment` or `runbooks/payment.md` there"),
            "{found:?}"
        );
    }

    #[test]
    fn off_without_a_root_and_said_when_the_root_is_missing() {
        let source = doc("- **Runbook**: [[runbooks/payments]]\n");
        assert!(
            findings_with("RL703", &[("a.md", &source, true)], &Settings::default()).is_empty()
        );
        let settings = Settings {
            links_root: Some("no/such/wiki".into()),
            ..Settings::default()
        };
        let found = findings_with("RL703", &[("a.md", &source, true)], &settings);
        assert_eq!(
            found,
            ["a.md:9: `[[runbooks/payments]]` cannot be resolved: the `[links] root` `no/such/wiki` is not a folder; expected the folder of the wiki, relative to the config's folder"]
        );
    }
}
