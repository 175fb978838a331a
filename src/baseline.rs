//! Baselines (`check --write-baseline FILE`, `check --baseline FILE`): the findings a
//! repository had when it adopted release-lint, so that only new ones are reported.
//!
//! A finding is recorded by its file, its rule and a fingerprint of the content at fault
//! (the source text of its span, trimmed, with runs of white space made one space),
//! plus an occurrence index among the findings of the same file, rule and fingerprint.
//! Line numbers are not part of it: moving text up or down keeps a finding known. The
//! format is in `docs/baseline.md`.

use std::collections::{BTreeMap, BTreeSet};
use std::hash::Hasher;
use std::io::Write;
use std::path::Path;

use anyhow::{bail, Context, Result};
use release_rules::Diagnostic;
use serde::{Deserialize, Serialize};

/// The version of the file format this program writes and reads.
const VERSION: u32 = 1;

/// One recorded finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    /// The file, as the report shows it.
    pub path: String,
    /// The rule's code.
    pub code: String,
    /// The rule's name, for people reading the file (not compared).
    #[serde(default)]
    pub name: String,
    /// 16 hex digits: FNV-1a (64-bit) of the rule's code and the content at fault.
    pub fingerprint: String,
    /// Which of the findings with this path, code and fingerprint, in document order.
    #[serde(default)]
    pub occurrence: usize,
}

/// The file as written.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

/// The findings of a baseline, by what identifies them.
#[derive(Debug, Default)]
pub struct Baseline {
    known: BTreeSet<(String, String, String, usize)>,
}

impl Baseline {
    /// Read the baseline at `path`.
    ///
    /// # Errors
    ///
    /// It cannot be read, is not a baseline's JSON, or is of another version.
    pub fn read(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).with_context(|| {
            format!("{}: cannot read the baseline (--baseline)", path.display())
        })?;
        let file: File = serde_json::from_str(&text).with_context(|| {
            format!(
                "{}: not a baseline; expected the JSON that `check --write-baseline` writes",
                path.display()
            )
        })?;
        if file.version != VERSION {
            bail!(
                "{}: baseline version {}; expected version {VERSION}",
                path.display(),
                file.version
            );
        }
        Ok(Self {
            known: file
                .findings
                .into_iter()
                .map(|e| (e.path, e.code, e.fingerprint, e.occurrence))
                .collect(),
        })
    }

    /// Whether `entry` is a known finding.
    #[must_use]
    pub fn knows(&self, entry: &Entry) -> bool {
        // Borrowed lookups on a tuple key are not possible; baselines are small.
        self.known.contains(&(
            entry.path.clone(),
            entry.code.clone(),
            entry.fingerprint.clone(),
            entry.occurrence,
        ))
    }

    /// Split `diagnostics` of the file shown as `path` (in document order) into those
    /// the baseline does not know, and the count of those it knows; also return every
    /// finding's entry, for `--write-baseline`.
    pub fn filter(
        baseline: Option<&Self>,
        path: &str,
        source: &str,
        diagnostics: Vec<Diagnostic>,
    ) -> (Vec<Diagnostic>, usize, Vec<Entry>) {
        let entries = entries(path, source, &diagnostics);
        let Some(baseline) = baseline else {
            return (diagnostics, 0, entries);
        };
        let mut hidden = 0;
        let kept = diagnostics
            .into_iter()
            .zip(&entries)
            .filter(|(_, entry)| {
                let known = baseline.knows(entry);
                hidden += usize::from(known);
                !known
            })
            .map(|(d, _)| d)
            .collect();
        (kept, hidden, entries)
    }
}

/// The entries of `diagnostics` of the file shown as `path`, in their order.
#[must_use]
pub fn entries(path: &str, source: &str, diagnostics: &[Diagnostic]) -> Vec<Entry> {
    let mut seen: BTreeMap<(&str, String), usize> = BTreeMap::new();
    diagnostics
        .iter()
        .map(|d| {
            let text = source.get(d.span.start..d.span.end).unwrap_or_default();
            let fingerprint = fingerprint(d.code, text);
            let occurrence = seen.entry((d.code, fingerprint.clone())).or_insert(0);
            let entry = Entry {
                path: path.to_owned(),
                code: d.code.to_owned(),
                name: d.name.to_owned(),
                fingerprint,
                occurrence: *occurrence,
            };
            *occurrence += 1;
            entry
        })
        .collect()
}

/// FNV-1a of the code and the text at fault, trimmed and with its white space runs made
/// one space (so that re-wrapping or re-indenting keeps it), as 16 hex digits.
fn fingerprint(code: &str, text: &str) -> String {
    let mut hasher = fnv::FnvHasher::default();
    hasher.write(code.as_bytes());
    hasher.write(&[0]);
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            hasher.write(b" ");
        }
        hasher.write(word.as_bytes());
    }
    format!("{:016x}", hasher.finish())
}

/// Write `entries` as the baseline at `path`, atomically (a temporary file beside it,
/// renamed over it), sorted so that the file changes only when the findings do.
///
/// # Errors
///
/// The file cannot be written.
pub fn write(path: &Path, mut entries: Vec<Entry>) -> Result<()> {
    entries.sort();
    entries.dedup();
    let cannot = || {
        format!(
            "{}: cannot write the baseline (--write-baseline)",
            path.display()
        )
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut file = tempfile::Builder::new()
        .prefix(".release-lint-baseline")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(cannot)?;
    let text = serde_json::to_string_pretty(&File {
        version: VERSION,
        findings: entries,
    })?;
    file.write_all(text.as_bytes()).with_context(cannot)?;
    file.write_all(b"\n").with_context(cannot)?;
    file.as_file().sync_all().with_context(cannot)?;
    #[cfg(unix)]
    {
        // Checked in and read by CI, unlike the temporary file's private default.
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(file.path(), std::fs::Permissions::from_mode(0o644))
            .with_context(cannot)?;
    }
    file.persist(path)
        .map_err(|e| e.error)
        .with_context(cannot)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use release_doc::Span;
    use release_rules::Severity;

    use super::*;

    fn finding(code: &'static str, start: usize, end: usize) -> Diagnostic {
        Diagnostic {
            code,
            name: "some-rule",
            severity: Severity::Error,
            message: "m".to_owned(),
            span: Span::new(start, end),
            labels: Vec::new(),
            section: None,
            fix: None,
        }
    }

    #[test]
    fn fingerprints_ignore_position_and_spacing_but_not_content() {
        assert_eq!(
            fingerprint("RL201", "- [ ] a  b"),
            fingerprint("RL201", "  - [ ] a\n b ")
        );
        assert_ne!(
            fingerprint("RL201", "- [ ] a"),
            fingerprint("RL201", "- [ ] b")
        );
        assert_ne!(
            fingerprint("RL201", "- [ ] a"),
            fingerprint("RL202", "- [ ] a")
        );
        assert_eq!(fingerprint("RL201", "x").len(), 16);
    }

    #[test]
    fn the_same_content_twice_is_told_apart_by_its_occurrence() {
        let source = "TBD\nTBD\nok\n";
        let found = [finding("RL101", 0, 3), finding("RL101", 4, 7)];
        let entries = entries("a.md", source, &found);
        assert_eq!(entries[0].fingerprint, entries[1].fingerprint);
        assert_eq!((entries[0].occurrence, entries[1].occurrence), (0, 1));
        let baseline = Baseline {
            known: [&entries[0]]
                .iter()
                .map(|e| {
                    (
                        e.path.clone(),
                        e.code.clone(),
                        e.fingerprint.clone(),
                        e.occurrence,
                    )
                })
                .collect(),
        };
        // One of the two is known: the other is new.
        let (kept, hidden, _) = Baseline::filter(Some(&baseline), "a.md", source, found.to_vec());
        assert_eq!((kept.len(), hidden), (1, 1));
        // Another file with the same content is not known.
        let (kept, hidden, _) = Baseline::filter(Some(&baseline), "b.md", source, found.to_vec());
        assert_eq!((kept.len(), hidden), (2, 0));
    }

    #[test]
    fn written_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.json");
        let source = "TBD\n";
        let entries = entries("a.md", source, &[finding("RL101", 0, 3)]);
        write(&path, entries.clone()).unwrap();
        let baseline = Baseline::read(&path).unwrap();
        assert!(baseline.knows(&entries[0]));
        std::fs::write(&path, "{\"version\": 2, \"findings\": []}").unwrap();
        let err = Baseline::read(&path).unwrap_err().to_string();
        assert!(
            err.ends_with("baseline version 2; expected version 1"),
            "{err}"
        );
        std::fs::write(&path, "[]").unwrap();
        assert!(Baseline::read(&path)
            .unwrap_err()
            .to_string()
            .contains("not a baseline"));
    }
}
