//! `release-lint fix` (and `check --fix`, `check --diff`): the fixes of one document
//! applied with [`release_rules::fix`], then written atomically, printed as a unified
//! diff, or (for standard input) given back on standard output.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{bail, Context as _, Result};
use jiff::civil::Date;

use release_rules::fix::{FixOptions, Fixed};
use release_rules::{Document, Settings};

use crate::args::CheckArgs;
use crate::files::{Input, Origin};
use crate::output::{Failure, FileReport, FixReport};

/// What fixing one file produced besides its report.
#[derive(Debug, Default)]
pub(super) struct Done {
    /// With `--diff`: the unified diff of the fixes (`None` when nothing changes).
    pub diff: Option<String>,
    /// Standard input's fixed text, for standard output.
    pub stdout: Option<String>,
    /// How many fixes were applied (or, with `--diff`, would be).
    pub applied: usize,
    /// How many findings left have an unsafe fix that `--unsafe-fixes` would apply.
    pub unsafe_left: usize,
    /// Whether the text changed.
    pub changed: bool,
    /// Why the file was checked but not fixed.
    pub note: Option<String>,
}

/// The fix options of the command line.
pub(super) fn options(args: &CheckArgs) -> FixOptions {
    FixOptions {
        unsafe_fixes: args.unsafe_fixes,
        today: today().ok(),
        ..FixOptions::default()
    }
}

/// The environment variable that sets the day of the run (`2026-12-03`) instead of the
/// local date: for tests and reproducible runs.
pub(super) const TODAY_VAR: &str = "RELEASE_LINT_TODAY";

/// The day of the run, which a fixed document's `updated` is set to (RL413): the value
/// of [`TODAY_VAR`] when set, else the local date; read once, so that every file of a
/// run gets the same day.
///
/// # Errors
///
/// [`TODAY_VAR`] is set to something that is not a `YYYY-MM-DD` date.
pub(super) fn today() -> Result<Date> {
    static TODAY: OnceLock<Date> = OnceLock::new();
    if let Some(day) = TODAY.get() {
        return Ok(*day);
    }
    let day = match std::env::var(TODAY_VAR) {
        Ok(text) => text.trim().parse::<Date>().with_context(|| {
            format!("{TODAY_VAR}={text}: not a date; expected YYYY-MM-DD, as `2026-12-03`")
        })?,
        Err(std::env::VarError::NotPresent) => jiff::ZonedDateTime::now().date(),
        Err(std::env::VarError::NotUnicode(_)) => {
            bail!("{TODAY_VAR} is not UTF-8; expected a date YYYY-MM-DD, as `2026-12-03`")
        }
    };
    Ok(*TODAY.get_or_init(|| day))
}

/// Fix one document: the report of what is left (with what was fixed), and the diff,
/// the text for standard output, or the file written.
pub(super) fn fix_one(
    input: &Input,
    document: Document,
    settings: &Settings,
    args: &CheckArgs,
) -> Result<(FileReport, Done), Failure> {
    if let Some(how) = document.transcoded() {
        // The file would have to be written back in its own encoding; fixing is for
        // UTF-8 files (the `not-utf8` finding says how to convert it).
        let note = format!(
            "not fixed: the file is {} text, and fixes are written as UTF-8 only",
            how.encoding
        );
        let found = release_rules::check(&document, settings);
        let stage = release_rules::resolve_stage(&document, settings);
        let report = FileReport::new(input.display.clone(), stage, document, found);
        return Ok((
            report,
            Done {
                note: Some(note),
                ..Done::default()
            },
        ));
    }
    let before = document.source().to_owned();
    let Fixed {
        document,
        remaining,
        applied,
        problems,
    } = release_rules::fix::fix_document(document, settings, &options(args));
    let after = document.source();
    let changed = after != before;
    let unsafe_left = remaining
        .iter()
        .filter(|d| {
            d.fix
                .as_ref()
                .is_some_and(|f| f.applicability == release_rules::Applicability::Unsafe)
        })
        .count();
    let mut done = Done {
        applied: applied.len(),
        unsafe_left: if args.unsafe_fixes { 0 } else { unsafe_left },
        changed,
        ..Done::default()
    };
    if changed {
        if args.diff {
            done.diff = Some(unified_diff(&input.display, &before, after));
        } else if input.origin == Origin::Stdin {
            done.stdout = Some(after.to_owned());
        } else {
            let target = write_target(input)?;
            crate::write::replace_keeping_mode(&target, after.as_bytes())
                .map_err(|err| Failure::new(&input.display, format!("{err:#}")))?;
        }
    } else if input.origin == Origin::Stdin && !args.diff {
        done.stdout = Some(before);
    }
    let stage = release_rules::resolve_stage(&document, settings);
    let report = FileReport::new(input.display.clone(), stage, document, remaining)
        .with_fixes(FixReport { applied, problems });
    Ok((report, done))
}

/// The unified diff of `before` → `after`, as `git diff` shows it (`a/` and `b/` paths,
/// three lines of context).
pub(super) fn unified_diff(path: &str, before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

/// The real file to write for `input`: its path with symlinks resolved, which must lie
/// inside the folder that was walked (for a file named on the command line, its own
/// folder). A symlink out of that tree is not written through.
fn write_target(input: &Input) -> Result<PathBuf, Failure> {
    let fail = |why: String| Failure::new(&input.display, why);
    let real =
        std::fs::canonicalize(&input.path).map_err(|err| fail(format!("cannot write: {err}")))?;
    let root = match &input.root {
        Some(root) => root.clone(),
        None => match input.path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        },
    };
    let root = std::fs::canonicalize(&root).unwrap_or(root);
    if !real.starts_with(&root) {
        return Err(fail(format!(
            "not fixed: it is a symlink to {}, outside {}; fix never writes through a symlink out of the tree it walks",
            real.display(),
            shown(&root)
        )));
    }
    Ok(real)
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::unified_diff;

    #[test]
    fn the_diff_is_unified_with_git_paths() {
        let diff = unified_diff("docs/r.md", "a\nb 20m\nc\n", "a\nb 12m\nc\n");
        assert_eq!(
            diff,
            "--- a/docs/r.md\n+++ b/docs/r.md\n@@ -1,3 +1,3 @@\n a\n-b 20m\n+b 12m\n c\n"
        );
    }
}
