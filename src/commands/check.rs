//! `release-lint check`: find the release documents, check them in parallel, print the
//! findings in the chosen format, and say how the run went (exit 0, 1 or 2).

use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::{bail, Result};
use rayon::prelude::*;
use release_rules::{registry, Document, Settings};

use crate::args::{CheckArgs, ColorChoice, OutputFormat};
use crate::baseline::{self, Baseline, Entry};
use crate::config::Configs;
use crate::files::{self, Input, Origin};
use crate::history::{self, Gathered};
use crate::input::{not_text, read_bytes_named};
use crate::output::printer::{Format, Printer, Printing, Rendered};
use crate::output::sarif::DEFAULT_DOCS_URL;
use crate::output::{Failure, FileReport};
use crate::sink::Sink;
use crate::Status;

/// How many files are checked between two writes of the output.
const BATCH: usize = 256;

/// A checked file: its rendered findings and what the rest of the run needs of it.
struct Checked {
    rendered: Rendered,
    /// What the history rules compare.
    facts: release_rules::history::Facts,
    /// Of the bytes read, to tell whether the file changes before the history pass.
    digest: u64,
    /// Findings the baseline hid.
    hidden: usize,
    /// Every finding, for `--write-baseline`.
    entries: Vec<Entry>,
}

/// What became of one input.
enum Outcome {
    Checked(Box<Checked>),
    /// Fixed (or, with `--diff`, what would be fixed).
    Fixed(Box<Rendered>, super::fix::Done),
    Skipped {
        path: String,
        why: &'static str,
        /// Named on the command line (else found by walking a folder).
        named: bool,
        /// Skipped by the configuration's choice, not for what the file holds.
        excluded: bool,
    },
    Failed(Failure),
}

pub fn run(args: &CheckArgs) -> Result<Status> {
    validate_rule_patterns(&args.select, "--select")?;
    validate_rule_patterns(&args.extend_select, "--extend-select")?;
    validate_rule_patterns(&args.ignore, "--ignore")?;
    if args.fixing() {
        // A bad RELEASE_LINT_TODAY fails the run before anything is written.
        super::fix::today()?;
    }
    if args.statistics && matches!(args.format, OutputFormat::Sarif | OutputFormat::Github) {
        bail!("--statistics prints a table (human, concise) or JSON (json), not SARIF or workflow commands");
    }
    // A bad `--config` fails the whole run before anything is checked.
    let configs = Configs::new(args.config.as_deref(), args.no_config)?;
    let baseline = args.baseline.as_deref().map(Baseline::read).transpose()?;
    let history_dir = history_dir(args, &configs)?;
    let collected = files::collect(&args.paths, args.stdin_filename.as_deref());
    // Paths that could not be found or walked, reported in path order among the files.
    let mut unfound = collected.errors.into_iter().peekable();

    // Standard input is read once, before the parallel part.
    let stdin = collected
        .inputs
        .iter()
        .find(|i| i.origin == Origin::Stdin)
        .map(|input| {
            let config = configs.for_file(&input.path).unwrap_or_default();
            read_bytes_named(Path::new("-"), &input.display, args.size_limit(&config))
        });
    let printer = Printer::new(
        format(args),
        args.statistics,
        !args.quiet && args.output_file.is_none() && !args.diff,
    )
    .with_docs_url(&docs_url(&configs));
    // Opened before anything is checked: a report that cannot be written fails the run
    // at once.
    // `fix -` gives the fixed text on standard output and `--diff` the diffs: neither is
    // mixed with the report. It goes to `--output-file` when one is given; otherwise a
    // report for people goes to standard error, and a report for programs beside diffs
    // is not written (it would have to share a stream with other text).
    let stdin_fixed = args.fix && !args.diff && stdin.is_some();
    let mut out = match args.output_file.as_deref() {
        None if args.diff && !printer.is_for_people() => Sink::Discard,
        None if stdin_fixed || args.diff => Sink::stderr(),
        output_file => Sink::open(output_file)?,
    };
    let mut diffs = if args.diff {
        Some(Sink::open(None)?)
    } else {
        None
    };
    let mut fixing = Fixing::default();
    let mut printing = printer.begin(&mut out)?;
    // Every file that could not be checked, once (one bad configuration fails every
    // document under it).
    let mut failures: Vec<Failure> = Vec::new();
    let mut fail = |printing: &mut Printing<'_>, out: &mut Sink, failure: Failure| {
        if failures.contains(&failure) {
            return Ok(());
        }
        printing.fail(out, &failure)?;
        failures.push(failure);
        std::io::Result::Ok(())
    };
    // The facts the history rules compare, and the findings `--write-baseline` records.
    let mut gathered = Gathered::default();
    let mut recorded: Vec<Entry> = Vec::new();
    // Files are checked in parallel a batch at a time and written in order as each batch
    // ends, so memory holds one batch's rendered findings, never every document.
    for batch in collected.inputs.chunks(BATCH) {
        let check = |input| {
            check_one(
                input,
                &configs,
                args,
                stdin.as_ref(),
                &printer,
                baseline.as_ref(),
            )
        };
        // One file (the pre-commit case) is checked on this thread: starting the thread
        // pool would cost more than the check.
        let outcomes: Vec<Outcome> = if batch.len() == 1 {
            batch.iter().map(check).collect()
        } else {
            batch.par_iter().map(check).collect()
        };
        for (input, outcome) in batch.iter().zip(outcomes) {
            let path = match &outcome {
                Outcome::Checked(file) => file.rendered.path.as_str(),
                Outcome::Fixed(file, _) => file.path.as_str(),
                Outcome::Skipped { path, .. } => path.as_str(),
                Outcome::Failed(failure) => failure.path.as_str(),
            };
            while let Some(missing) = unfound.next_if(|f| f.path.as_str() < path) {
                fail(&mut printing, &mut out, missing)?;
            }
            match outcome {
                Outcome::Checked(file) => {
                    let Checked {
                        rendered,
                        facts,
                        digest,
                        hidden,
                        entries,
                    } = *file;
                    if args.verbose {
                        say(&format!("{}: {}", rendered.path, rendered.stage_line));
                    }
                    printing.push(&mut out, &rendered)?;
                    printing.hide(hidden);
                    gathered.add_checked(input, facts, digest);
                    if args.write_baseline.is_some() {
                        recorded.extend(entries);
                    }
                }
                Outcome::Fixed(file, done) => {
                    if let Some(note) = &done.note {
                        say(&format!("{}: {note}", file.path));
                    }
                    fixing.add(&done);
                    if let (Some(diffs), Some(diff)) = (diffs.as_mut(), &done.diff) {
                        diffs.write_all(diff.as_bytes())?;
                    }
                    // Beside the diffs, a report for people is only the summary; one for
                    // programs lists each file with the fixes it would get.
                    if args.diff && printer.is_for_people() {
                        printing.skip_fixed();
                    } else {
                        printing.push(&mut out, &file)?;
                    }
                    if let Some(text) = done.stdout {
                        fixing.stdout = Some(text);
                    }
                }
                Outcome::Skipped {
                    path,
                    why,
                    named,
                    excluded,
                } => {
                    // A file the user named and that is not a release document is worth a
                    // word; a configured exclusion is a choice, said only with -v.
                    if named && !excluded && !args.quiet {
                        say(&format!("note: skipped {path}: {why}"));
                    } else if args.verbose {
                        say(&format!("skipped {path}: {why}"));
                    }
                    printing.skip();
                }
                Outcome::Failed(failure) => fail(&mut printing, &mut out, failure)?,
            }
        }
    }
    for missing in unfound {
        fail(&mut printing, &mut out, missing)?;
    }
    // The history rules need every document: their findings come after the streamed
    // pass, one more report per file that has any (docs/cli.md).
    if !gathered.is_empty() {
        if let Some(dir) = &history_dir {
            let size =
                |input: &Input| args.size_limit(&configs.for_file(&input.path).unwrap_or_default());
            for problem in gathered.add_folder(dir, &configs, size) {
                if !args.quiet {
                    say(&format!("warning: history folder: {problem}; not compared"));
                }
            }
        }
        let reread = |input: &Input| reread(input, &configs, args, stdin.as_ref());
        for result in gathered.report(baseline.as_ref(), reread) {
            match result {
                Ok(reported) => {
                    printing.hide(reported.hidden);
                    if args.write_baseline.is_some() {
                        recorded.extend(reported.entries);
                    }
                    if !reported.report.diagnostics.is_empty() {
                        printing.push_more(&mut out, &printer.render_history(&reported.report))?;
                    }
                }
                Err(failure) => fail(&mut printing, &mut out, failure)?,
            }
        }
    }
    let summary = printing.finish(&mut out)?;
    if args.fix && !args.diff && printer.is_for_people() && !args.quiet {
        writeln!(out, "{}", fixing.line())?;
    }
    out.finish()?;
    if let Some(diffs) = diffs {
        diffs.finish()?;
    }
    if let Some(text) = &fixing.stdout {
        super::print(text)?;
    }
    if args.diff && !args.quiet {
        say(&fixing.diff_line());
    }
    if let Some(path) = &args.write_baseline {
        let count = recorded.len();
        baseline::write(path, recorded)?;
        if !args.quiet {
            say(&format!(
                "wrote {} to the baseline {}",
                crate::output::plural(count, "finding"),
                path.display()
            ));
        }
    }
    if summary.hidden > 0 && !args.quiet && (!printer.is_for_people() || args.output_file.is_some())
    {
        say(&summary.hidden_line());
    }

    // People reading a human or concise report on standard output have seen each
    // failure there; beside any other report, they are said on standard error.
    if !printer.is_for_people() || args.output_file.is_some() {
        for failure in &failures {
            say(&format!("error: {failure}"));
        }
    }
    if args.output_file.is_some() && !args.quiet && summary.has_a_line() {
        let _ = writeln!(std::io::stdout(), "{}", summary.line());
    }

    let fails = if args.diff {
        fixing.files > 0
    } else {
        summary.errors > 0 || (args.deny_warnings && summary.warnings > 0)
    };
    Ok(if !failures.is_empty() {
        Status::Failed
    } else if fails && !args.exit_zero && args.write_baseline.is_none() {
        Status::Findings
    } else {
        Status::Clean
    })
}

/// A line on standard error, `release-lint: …`; a standard error that cannot be written
/// loses it, without a panic.
fn say(line: &str) {
    let _ = writeln!(std::io::stderr(), "release-lint: {line}");
}

/// What the fixes of a run came to.
#[derive(Debug, Default)]
struct Fixing {
    /// Fixes applied (or that would be).
    fixes: usize,
    /// Files changed (or that would be).
    files: usize,
    /// Findings left whose unsafe fix `--unsafe-fixes` would apply.
    unsafe_left: usize,
    /// Standard input's fixed text.
    stdout: Option<String>,
}

impl Fixing {
    fn add(&mut self, done: &super::fix::Done) {
        self.fixes += done.applied;
        self.files += usize::from(done.changed);
        self.unsafe_left += done.unsafe_left;
    }

    /// `fixed 3 findings in 2 files`.
    fn line(&self) -> String {
        format!(
            "fixed {} in {}",
            crate::output::plural(self.fixes, "finding"),
            crate::output::plural(self.files, "file")
        )
    }

    /// `would fix 3 findings in 2 files`, and `; 1 more with `--unsafe-fixes`` when
    /// unsafe fixes are left.
    fn diff_line(&self) -> String {
        let more = if self.unsafe_left == 0 {
            String::new()
        } else {
            format!("; {} more with `--unsafe-fixes`", self.unsafe_left)
        };
        format!("would {}{more}", self.line().replacen("fixed", "fix", 1))
    }
}

/// The base URL of the rule pages for SARIF: the `docs-url` of `--config`, else of the
/// configuration that governs the current directory, else the default.
fn docs_url(configs: &Configs) -> String {
    configs
        .for_file(Path::new("release-lint.toml"))
        .ok()
        .flatten()
        .and_then(|c| c.docs_url().map(str::to_owned))
        .unwrap_or_else(|| DEFAULT_DOCS_URL.to_owned())
}

/// Read, parse and check one document.
fn check_one(
    input: &Input,
    configs: &Configs,
    args: &CheckArgs,
    stdin: Option<&Result<Vec<u8>, Failure>>,
    printer: &Printer,
    baseline: Option<&Baseline>,
) -> Outcome {
    let config = match configs.for_file(&input.path) {
        Ok(config) => config,
        Err(failure) => return Outcome::Failed(failure),
    };
    if config.as_ref().is_some_and(|c| c.is_excluded(&input.path)) {
        return Outcome::Skipped {
            path: input.display.clone(),
            why: "excluded by the configuration",
            named: input.named,
            excluded: true,
        };
    }
    let bytes = match input.origin {
        Origin::Stdin => match stdin {
            Some(Ok(bytes)) => bytes.clone(),
            Some(Err(failure)) => return Outcome::Failed(failure.clone()),
            None => {
                return Outcome::Failed(Failure::new(&input.display, "standard input was not read"))
            }
        },
        Origin::File => {
            match read_bytes_named(&input.path, &input.display, args.size_limit(&config)) {
                Ok(bytes) => bytes,
                Err(failure) => return Outcome::Failed(failure),
            }
        }
    };
    let included = config.as_ref().is_some_and(|c| c.is_included(&input.path));
    let mut settings = config.map(|c| c.settings.clone()).unwrap_or_default();
    apply_overrides(&mut settings, args);
    let digest = history::digest(&bytes);
    let document = match Document::from_bytes_for(bytes, &settings) {
        Ok(document) => document,
        Err(err) => return Outcome::Failed(not_text(&input.display, &err)),
    };
    if !included && !document.is_release_document() {
        return Outcome::Skipped {
            path: input.display.clone(),
            why: "not a release document (neither `phase: deployment` in its frontmatter nor a `**Release**:` field in its Overview)",
            named: input.named,
            excluded: false,
        };
    }
    if args.fixing() {
        return match super::fix::fix_one(input, document, &settings, args) {
            // Beside the diffs, a report for people shows no findings: none is rendered.
            Ok((report, done)) if args.diff && printer.is_for_people() => {
                Outcome::Fixed(Box::new(printer.counted(&report)), done)
            }
            Ok((report, done)) => Outcome::Fixed(Box::new(printer.render(&report)), done),
            Err(failure) => Outcome::Failed(failure),
        };
    }
    let diagnostics = release_rules::check(&document, &settings);
    let (diagnostics, hidden, entries) =
        Baseline::filter(baseline, &input.display, document.source(), diagnostics);
    let stage = release_rules::resolve_stage(&document, &settings);
    let facts = release_rules::history::Facts::of(&document, &settings, &input.display, true);
    let report = FileReport::new(input.display.clone(), stage, document, diagnostics);
    Outcome::Checked(Box::new(Checked {
        rendered: printer.render(&report),
        facts,
        digest,
        hidden,
        entries,
    }))
}

/// A checked file read again for the history pass: its bytes and its settings.
fn reread(
    input: &Input,
    configs: &Configs,
    args: &CheckArgs,
    stdin: Option<&Result<Vec<u8>, Failure>>,
) -> Result<(Vec<u8>, Settings), Failure> {
    let config = configs.for_file(&input.path)?;
    let bytes = match input.origin {
        Origin::Stdin => match stdin {
            Some(Ok(bytes)) => bytes.clone(),
            Some(Err(failure)) => return Err(failure.clone()),
            None => return Err(Failure::new(&input.display, "standard input was not read")),
        },
        Origin::File => read_bytes_named(&input.path, &input.display, args.size_limit(&config))?,
    };
    let mut settings = config.map(|c| c.settings.clone()).unwrap_or_default();
    apply_overrides(&mut settings, args);
    Ok((bytes, settings))
}

/// The history folder: `--history DIR`, else the `history` key of the configuration
/// given with `--config` or governing the current directory. It must be a folder.
fn history_dir(args: &CheckArgs, configs: &Configs) -> Result<Option<std::path::PathBuf>> {
    let (dir, from) = match &args.history {
        Some(dir) => (dir.clone(), "--history"),
        None => match configs
            .for_file(Path::new("release-lint.toml"))
            .ok()
            .flatten()
            .and_then(|c| c.history().map(Path::to_path_buf))
        {
            Some(dir) => (dir, "the config's `history`"),
            None => return Ok(None),
        },
    };
    if !dir.is_dir() {
        bail!(
            "{}: not a folder ({from}); expected the folder of past release documents",
            dir.display()
        );
    }
    Ok(Some(dir))
}

/// The command line wins over the configuration: `--stage` over everything, `--select`
/// replaces the configured selection, `--extend-select` and `--ignore` add to theirs.
fn apply_overrides(settings: &mut Settings, args: &CheckArgs) {
    if let Some(stage) = args.stage {
        settings.stage = Some(stage.into());
    }
    if !args.select.is_empty() {
        settings.select.clone_from(&args.select);
    }
    settings
        .extend_select
        .extend(args.extend_select.iter().cloned());
    settings.ignore.extend(args.ignore.iter().cloned());
}

/// Each pattern must be `ALL`, a rule's code or name, or a prefix of some rule's code
/// (`RL2`); an error names the nearest real rule.
fn validate_rule_patterns(patterns: &[String], flag: &str) -> Result<()> {
    for pattern in patterns {
        let p = pattern.trim();
        if !registry::selects_any(p) {
            bail!(
                "{flag} {p}: no rule has this code, code prefix or name{} (see `release-lint rules`)",
                registry::did_you_mean(p)
            );
        }
    }
    Ok(())
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
                && std::io::stdout().is_terminal()
        }
    }
}

/// The width messages wrap at: `COLUMNS` when it is set (an override), else the width
/// of the terminal standard output is, else 100 (output to a file or a pipe).
fn width() -> usize {
    let terminal = terminal_size::terminal_size().map(|(width, _)| usize::from(width.0));
    width_from(std::env::var("COLUMNS").ok().as_deref(), terminal)
}

/// [`width`] from the value of `COLUMNS` and the terminal's width; a width under 40
/// columns leaves no room for a message beside the snippets' gutter and is ignored.
fn width_from(columns: Option<&str>, terminal: Option<usize>) -> usize {
    let usable = |c: &usize| *c >= 40;
    columns
        .and_then(|c| c.trim().parse().ok())
        .filter(usable)
        .or(terminal.filter(usable))
        .unwrap_or(100)
}

fn format(args: &CheckArgs) -> Format {
    match args.format {
        OutputFormat::Human => Format::Human {
            color: use_color(args.color),
            width: width(),
        },
        OutputFormat::Concise => Format::Concise,
        OutputFormat::Json => Format::Json,
        OutputFormat::Sarif => Format::Sarif,
        OutputFormat::Github => Format::Github,
    }
}

#[cfg(test)]
mod tests {
    use super::{validate_rule_patterns, width_from};

    #[test]
    fn the_width_is_columns_else_the_terminal_s_else_100() {
        assert_eq!(width_from(Some("72"), Some(200)), 72);
        assert_eq!(width_from(None, Some(200)), 200);
        assert_eq!(width_from(Some("wide"), Some(132)), 132);
        assert_eq!(width_from(Some("20"), Some(30)), 100);
        assert_eq!(width_from(None, None), 100);
    }

    #[test]
    fn rule_patterns_are_codes_prefixes_names_or_all() {
        let ok = ["ALL", "rl2", "RL201", "unchecked-prerequisite"].map(String::from);
        assert!(validate_rule_patterns(&ok, "--select").is_ok());
        for bad in ["RL2011", "XX1", "unchecked", "RLx", "RL9", "RL98", "RL999"] {
            let err = validate_rule_patterns(&[bad.to_owned()], "--select").unwrap_err();
            assert!(err.to_string().contains(bad));
            assert!(err.to_string().contains("(did you mean `"), "{err}");
        }
        let err = validate_rule_patterns(&["RL2011".to_owned()], "--ignore").unwrap_err();
        assert_eq!(
            err.to_string(),
            "--ignore RL2011: no rule has this code, code prefix or name (did you mean `RL201`?) (see `release-lint rules`)"
        );
    }
}
