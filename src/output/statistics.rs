//! `--statistics`: the number of findings per rule.

use std::collections::BTreeMap;
use std::io::{self, Write};

use release_rules::Severity;
use serde::Serialize;

use super::FileReport;

#[derive(Serialize)]
struct Count<'a> {
    code: &'a str,
    name: &'a str,
    severity: &'a str,
    count: usize,
}

/// A finding's rule, as the statistics count it.
pub type RuleKey = (&'static str, &'static str, Severity);

/// Findings per rule over a run, added one file at a time.
#[derive(Debug, Default)]
pub struct Tally {
    by_rule: BTreeMap<(&'static str, &'static str, &'static str), usize>,
}

impl Tally {
    /// The rules of one file's findings, one key per finding.
    #[must_use]
    pub fn keys(file: &FileReport) -> Vec<RuleKey> {
        file.diagnostics
            .iter()
            .map(|d| (d.diagnostic.code, d.diagnostic.name, d.diagnostic.severity))
            .collect()
    }

    /// Count these findings.
    pub fn add(&mut self, keys: &[RuleKey]) {
        for &(code, name, severity) in keys {
            *self
                .by_rule
                .entry((code, name, severity.as_str()))
                .or_default() += 1;
        }
    }

    fn counts(&self) -> Vec<Count<'_>> {
        self.by_rule
            .iter()
            .map(|(&(code, name, severity), &count)| Count {
                code,
                name,
                severity,
                count,
            })
            .collect()
    }

    /// An aligned table: count, code, severity, name; most frequent first.
    pub fn write_text(&self, out: &mut impl Write) -> io::Result<()> {
        let mut counts = self.counts();
        counts.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
        let width = counts
            .iter()
            .map(|c| c.count.to_string().len())
            .max()
            .unwrap_or(1);
        for c in counts {
            writeln!(
                out,
                "{:>width$}  {}  {:<7}  {}",
                c.count, c.code, c.severity, c.name
            )?;
        }
        Ok(())
    }

    /// A JSON array of `{code, name, severity, count}`, by code.
    pub fn write_json(&self, out: &mut impl Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &self.counts())?;
        writeln!(out)
    }
}

fn tally(files: &[FileReport]) -> Tally {
    let mut tally = Tally::default();
    for file in files {
        tally.add(&Tally::keys(file));
    }
    tally
}

/// An aligned table of the findings of `files`: count, code, severity, name; most
/// frequent first.
pub fn write_text(out: &mut impl Write, files: &[FileReport]) -> io::Result<()> {
    tally(files).write_text(out)
}

/// A JSON array of `{code, name, severity, count}` for the findings of `files`, by code.
pub fn write_json(out: &mut impl Write, files: &[FileReport]) -> io::Result<()> {
    tally(files).write_json(out)
}
