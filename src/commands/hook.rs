//! `release-lint hook install|uninstall`: a native git pre-commit hook that checks the
//! staged (index) version of each staged Markdown file, not the working tree.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::args::HookCommand;
use crate::write::{write_atomic, Replace};
use crate::Status;

/// The line that marks a hook as ours, so that `uninstall` removes only its own.
const MARKER: &str = "# release-lint-hook: written by `release-lint hook install`";

pub fn run(command: &HookCommand) -> Result<Status> {
    let path = hooks_dir()?.join("pre-commit");
    let raw = match std::fs::read(&path) {
        Ok(bytes) => Some(bytes),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
        Err(err) => {
            return Err(err).with_context(|| format!("cannot read {}", path.display()));
        }
    };
    let existing = raw
        .as_deref()
        .map(|bytes| String::from_utf8_lossy(bytes).into_owned());
    let ours = existing
        .as_deref()
        .is_some_and(|text| text.contains(MARKER));
    match command {
        HookCommand::Install { force } => {
            if existing.is_some() && !ours && !force {
                bail!(
                    "{} exists and was not written by release-lint; not replacing it (use --force to replace it)",
                    path.display()
                );
            }
            let exe = std::env::current_exe().context("cannot find the release-lint executable")?;
            let script = script(&exe);
            if existing.as_deref() == Some(script.as_str()) {
                eprintln!("release-lint: {} is already installed", path.display());
                return Ok(Status::Clean);
            }
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("cannot create {}", dir.display()))?;
            }
            // A foreign hook replaced with --force is kept beside it, byte for byte.
            let backup = match &raw {
                Some(bytes) if !ours => Some(back_up(&path, bytes)?),
                _ => None,
            };
            let replace = if existing.is_some() {
                Replace::Allowed
            } else {
                Replace::Never
            };
            write_atomic(&path, script.as_bytes(), replace, true)?;
            eprintln!("release-lint: installed {}", path.display());
            if let Some(backup) = backup {
                eprintln!(
                    "release-lint: the previous pre-commit hook is kept as {}",
                    backup.display()
                );
            }
        }
        HookCommand::Uninstall => match existing {
            None => eprintln!("release-lint: no pre-commit hook to remove"),
            Some(_) if !ours => bail!(
                "{} was not written by release-lint; leaving it in place",
                path.display()
            ),
            Some(_) => {
                std::fs::remove_file(&path)
                    .with_context(|| format!("cannot remove {}", path.display()))?;
                eprintln!("release-lint: removed {}", path.display());
            }
        },
    }
    Ok(Status::Clean)
}

/// Keep the foreign hook at `path` as `pre-commit.release-lint-backup` beside it (or
/// `….1`, `….2`, … when earlier backups are there: none is ever replaced), executable
/// like a hook; the name it was kept as.
fn back_up(path: &Path, bytes: &[u8]) -> Result<PathBuf> {
    let base = path.with_file_name("pre-commit.release-lint-backup");
    let free = (0..1000u32)
        .map(|n| {
            if n == 0 {
                base.clone()
            } else {
                PathBuf::from(format!("{}.{n}", base.display()))
            }
        })
        .find(|p| !p.exists() && !p.is_symlink())
        .with_context(|| format!("{}: no free backup name", base.display()))?;
    write_atomic(&free, bytes, Replace::Never, true)?;
    Ok(free)
}

/// The hooks folder of the repository around the current directory (honours
/// `core.hooksPath` and linked worktrees).
fn hooks_dir() -> Result<PathBuf> {
    let output = Command::new("git")
        .args(["rev-parse", "--git-path", "hooks"])
        .output()
        .context("cannot run git")?;
    if !output.status.success() {
        bail!(
            "not inside a git repository: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    let dir = String::from_utf8(output.stdout).context("git printed a non-UTF-8 path")?;
    Ok(PathBuf::from(dir.trim_end_matches(['\n', '\r'])))
}

/// Quote for a POSIX shell.
fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// The hook: every staged (added, copied, modified) Markdown file is read from the index
/// with `git show :path` and checked through `check -`, named by `--stdin-filename` so
/// that configuration discovery and the messages use its real path.
fn script(exe: &Path) -> String {
    format!(
        r#"#!/bin/sh
{MARKER}; remove it with `release-lint hook uninstall`.
# Checks the staged version of each staged Markdown file; non-release documents are skipped.
release_lint={exe}
[ -x "$release_lint" ] || release_lint=release-lint
set -f
IFS='
'
status=0
for file in $(git -c core.quotePath=false diff --cached --name-only --diff-filter=ACM); do
    case "$file" in
        *.md | *.MD | *.Md | *.markdown | *.MARKDOWN) ;;
        *) continue ;;
    esac
    git show ":$file" | "$release_lint" check --quiet --stdin-filename "$file" -
    code=$?
    if [ "$code" -gt "$status" ]; then status=$code; fi
done
if [ "$status" -ne 0 ]; then
    echo "release-lint: commit stopped; fix the findings above (or commit with --no-verify)" >&2
fi
exit "$status"
"#,
        exe = sh_quote(&exe.display().to_string())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_is_marked_and_quotes_the_executable() {
        let s = script(Path::new("/opt/it's/release-lint"));
        assert!(s.starts_with("#!/bin/sh\n"));
        assert!(s.contains(MARKER));
        assert!(s.contains(r"release_lint='/opt/it'\''s/release-lint'"));
        assert!(s.contains("git show \":$file\""));
    }
}
