//! The history pass of `check`: the facts each checked document leaves behind, those of
//! the history folder (`--history DIR`, config `history`), the history rules (`RL7xx`)
//! over all of them, and their findings rendered per file once the streamed pass ends.
//!
//! A file with such findings is read again to render them (with its snippet, in every
//! format); its digest from the first reading tells whether it changed in between.

use std::collections::{BTreeMap, HashSet};
use std::hash::Hasher;
use std::path::{Path, PathBuf};

use release_rules::history::{self, Facts, History};
use release_rules::{Diagnostic, Document};

use crate::baseline::{Baseline, Entry};
use crate::config::Configs;
use crate::files::{self, Input, Origin};
use crate::input::read_bytes_named;
use crate::output::{Failure, FileReport};

/// A digest of a file's bytes, to tell whether it changed between two readings.
#[must_use]
pub fn digest(bytes: &[u8]) -> u64 {
    let mut hasher = fnv::FnvHasher::default();
    hasher.write(bytes);
    hasher.finish()
}

/// What the pass keeps of a checked document besides its facts: how to read it again.
#[derive(Debug)]
struct Checked {
    input: Input,
    digest: u64,
}

/// The facts gathered during the streamed pass, and those of the history folder.
#[derive(Debug, Default)]
pub struct Gathered {
    set: History,
    /// For each fact of a checked document, by its index in `set`.
    checked: BTreeMap<usize, Checked>,
    /// The checked files, canonical, so that the history folder does not add them again.
    seen: HashSet<PathBuf>,
}

/// One file's findings of the history pass, ready for the report.
pub struct Reported {
    /// The file, its document and its findings.
    pub report: FileReport,
    /// How many of its findings the baseline hid.
    pub hidden: usize,
    /// The entries of all its findings, for `--write-baseline`.
    pub entries: Vec<Entry>,
}

impl Gathered {
    /// Keep the facts of a checked document, read from `input` with `bytes_digest`.
    pub fn add_checked(&mut self, input: &Input, facts: Facts, bytes_digest: u64) {
        if input.origin == Origin::File {
            if let Ok(canonical) = input.path.canonicalize() {
                self.seen.insert(canonical);
            }
        }
        let index = self.set.push(facts);
        self.checked.insert(
            index,
            Checked {
                input: input.clone(),
                digest: bytes_digest,
            },
        );
    }

    /// Add the facts of the release documents of `dir` that were not checked in this
    /// run; returns the files that could not be read, said by the caller.
    pub fn add_folder(
        &mut self,
        dir: &Path,
        configs: &Configs,
        max_size: impl Fn(&Input) -> u64,
    ) -> Vec<Failure> {
        let collected = files::collect(&[dir.to_path_buf()], None);
        let mut problems = collected.errors;
        for input in collected.inputs {
            if input
                .path
                .canonicalize()
                .is_ok_and(|c| self.seen.contains(&c))
            {
                continue;
            }
            let config = match configs.for_file(&input.path) {
                Ok(config) => config,
                Err(failure) => {
                    problems.push(failure);
                    continue;
                }
            };
            if config.as_ref().is_some_and(|c| c.is_excluded(&input.path)) {
                continue;
            }
            let bytes = match read_bytes_named(&input.path, &input.display, max_size(&input)) {
                Ok(bytes) => bytes,
                Err(failure) => {
                    problems.push(failure);
                    continue;
                }
            };
            let included = config.as_ref().is_some_and(|c| c.is_included(&input.path));
            let settings = config.map(|c| c.settings.clone()).unwrap_or_default();
            let Ok(document) = Document::from_bytes_for(bytes, &settings) else {
                problems.push(Failure::new(&input.display, "not text; not compared"));
                continue;
            };
            if included || document.is_release_document() {
                self.set
                    .push(Facts::of(&document, &settings, input.display, false));
            }
        }
        problems
    }

    /// Whether any document was checked.
    pub fn is_empty(&self) -> bool {
        self.checked.is_empty()
    }

    /// Run the history rules and turn their findings into one report per file, in path
    /// order: each file read again, its suppressions applied, then the baseline.
    /// `document_of` reads a checked file again (bytes and the settings it was checked
    /// with); a file that cannot be, or that changed since, is a failure.
    pub fn report<'s>(
        mut self,
        baseline: Option<&'s Baseline>,
        mut document_of: impl FnMut(&Input) -> Result<(Vec<u8>, release_rules::Settings), Failure> + 's,
    ) -> impl Iterator<Item = Result<Reported, Failure>> + 's {
        let mut by_file: BTreeMap<usize, Vec<Diagnostic>> = BTreeMap::new();
        for finding in history::check(&self.set) {
            by_file
                .entry(finding.file)
                .or_default()
                .push(finding.diagnostic);
        }
        // In path order; each file is read again, reported and dropped in turn, so that
        // memory holds one document at a time, however many have findings.
        let mut files: Vec<_> = by_file
            .into_iter()
            .filter_map(|(index, diagnostics)| {
                self.checked
                    .remove(&index)
                    .map(|checked| (checked, diagnostics))
            })
            .collect();
        files.sort_by(|(a, _), (b, _)| a.input.display.cmp(&b.input.display));
        files.into_iter().map(move |(checked, diagnostics)| {
            reread(&checked, &mut document_of).map(|(document, settings)| {
                let diagnostics = history::unsuppressed(&document, diagnostics);
                let (kept, hidden, entries) = Baseline::filter(
                    baseline,
                    &checked.input.display,
                    document.source(),
                    diagnostics,
                );
                let stage = release_rules::resolve_stage(&document, &settings);
                Reported {
                    report: FileReport::new(checked.input.display.clone(), stage, document, kept),
                    hidden,
                    entries,
                }
            })
        })
    }
}

/// The document of a checked file, read again; the same bytes as the first time.
fn reread(
    checked: &Checked,
    document_of: &mut impl FnMut(&Input) -> Result<(Vec<u8>, release_rules::Settings), Failure>,
) -> Result<(Document, release_rules::Settings), Failure> {
    let (bytes, settings) = document_of(&checked.input)?;
    if digest(&bytes) != checked.digest {
        return Err(Failure::new(
            &checked.input.display,
            "changed while it was checked; its findings across documents are not reported (check it again)",
        ));
    }
    let document = Document::from_bytes_for(bytes, &settings)
        .map_err(|err| crate::input::not_text(&checked.input.display, &err))?;
    Ok((document, settings))
}
