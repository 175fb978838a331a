//! `--statistics`: the number of findings per rule.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::FileReport;

#[derive(Serialize)]
struct Count<'a> {
    code: &'a str,
    name: &'a str,
    severity: &'a str,
    count: usize,
}

fn counts(files: &[FileReport]) -> Vec<Count<'_>> {
    let mut by_rule: BTreeMap<(&str, &str, &str), usize> = BTreeMap::new();
    for d in files.iter().flat_map(|f| &f.diagnostics) {
        let key = (
            d.diagnostic.code,
            d.diagnostic.name,
            d.diagnostic.severity.as_str(),
        );
        *by_rule.entry(key).or_default() += 1;
    }
    by_rule
        .into_iter()
        .map(|((code, name, severity), count)| Count {
            code,
            name,
            severity,
            count,
        })
        .collect()
}

/// An aligned table: count, code, severity, name; most frequent first.
pub fn write_text(out: &mut impl Write, files: &[FileReport]) -> io::Result<()> {
    let mut counts = counts(files);
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
pub fn write_json(out: &mut impl Write, files: &[FileReport]) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &counts(files))?;
    writeln!(out)
}
