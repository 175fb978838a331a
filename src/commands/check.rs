//! `release-lint check`: find the release documents, check them in parallel, print the
//! findings in the chosen format, and say how the run went (exit 0, 1 or 2).

use std::collections::BTreeSet;
use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::{bail, Result};
use rayon::prelude::*;
use release_rules::{registry, Document, Settings};

use crate::args::{CheckArgs, ColorChoice, OutputFormat};
use crate::config::Configs;
use crate::files::{self, Input, Origin};
use crate::input::read_text_named;
use crate::output::printer::{Format, Printer, Rendered};
use crate::output::FileReport;
use crate::Status;

/// How many files are checked between two writes of the output.
const BATCH: usize = 256;

/// What became of one input.
enum Outcome {
    Checked(Box<Rendered>),
    Skipped { path: String, why: &'static str },
    Failed(String),
}

pub fn run(args: &CheckArgs) -> Result<Status> {
    validate_rule_patterns(&args.select, "--select")?;
    validate_rule_patterns(&args.ignore, "--ignore")?;
    if args.statistics && matches!(args.format, OutputFormat::Sarif | OutputFormat::Github) {
        bail!("--statistics prints a table (human, concise) or JSON (json), not SARIF or workflow commands");
    }
    // A bad `--config` fails the whole run before anything is checked.
    let configs = Configs::new(args.config.as_deref(), args.no_config)?;
    let collected = files::collect(&args.paths, args.stdin_filename.as_deref());
    let mut failures = collected.errors;

    // Standard input is read once, before the parallel part.
    let stdin = collected
        .inputs
        .iter()
        .find(|i| i.origin == Origin::Stdin)
        .map(|input| {
            let config = configs.for_file(&input.path).unwrap_or_default();
            read_text_named(Path::new("-"), &input.path, args.size_limit(&config))
                .map_err(|e| format!("{e:#}"))
        });
    let printer = Printer::new(format(args), args.statistics, !args.quiet);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut printing = printer.begin(&mut out)?;
    // Files are checked in parallel a batch at a time and written in order as each batch
    // ends, so memory holds one batch's rendered findings, never every document.
    for batch in collected.inputs.chunks(BATCH) {
        let check = |input| check_one(input, &configs, args, stdin.as_ref(), &printer);
        // One file (the pre-commit case) is checked on this thread: starting the thread
        // pool would cost more than the check.
        let outcomes: Vec<Outcome> = if batch.len() == 1 {
            batch.iter().map(check).collect()
        } else {
            batch.par_iter().map(check).collect()
        };
        for outcome in outcomes {
            match outcome {
                Outcome::Checked(file) => {
                    if args.verbose {
                        eprintln!(
                            "release-lint: checked {} at stage {}",
                            file.path, file.stage
                        );
                    }
                    printing.push(&mut out, &file)?;
                }
                Outcome::Skipped { path, why } => {
                    if args.verbose {
                        eprintln!("release-lint: skipped {path}: {why}");
                    }
                    printing.skip();
                }
                Outcome::Failed(message) => failures.push(message),
            }
        }
    }
    let summary = printing.finish(&mut out)?;
    out.flush()?;
    drop(out);

    // One bad configuration file fails every document under it: name it once.
    let mut seen = BTreeSet::new();
    failures.retain(|m| seen.insert(m.clone()));
    for message in &failures {
        eprintln!("release-lint: error: {message}");
    }

    Ok(if !failures.is_empty() {
        Status::Failed
    } else if summary.errors > 0 || (args.deny_warnings && summary.warnings > 0) {
        Status::Findings
    } else {
        Status::Clean
    })
}

/// Read, parse and check one document.
fn check_one(
    input: &Input,
    configs: &Configs,
    args: &CheckArgs,
    stdin: Option<&Result<String, String>>,
    printer: &Printer,
) -> Outcome {
    let config = match configs.for_file(&input.path) {
        Ok(config) => config,
        Err(message) => return Outcome::Failed(message),
    };
    if config.as_ref().is_some_and(|c| c.is_excluded(&input.path)) {
        return Outcome::Skipped {
            path: input.display.clone(),
            why: "excluded by the configuration",
        };
    }
    let text = match input.origin {
        Origin::Stdin => match stdin {
            Some(Ok(text)) => text.clone(),
            Some(Err(message)) => return Outcome::Failed(message.clone()),
            None => return Outcome::Failed("standard input was not read".into()),
        },
        Origin::File => match read_text_named(&input.path, &input.path, args.size_limit(&config)) {
            Ok(text) => text,
            Err(err) => return Outcome::Failed(format!("{err:#}")),
        },
    };
    let document = Document::parse(text);
    let included = config.as_ref().is_some_and(|c| c.is_included(&input.path));
    if !included && !document.is_release_document() {
        return Outcome::Skipped {
            path: input.display.clone(),
            why: "not a release document",
        };
    }
    let mut settings = config.map(|c| c.settings.clone()).unwrap_or_default();
    apply_overrides(&mut settings, args);
    let diagnostics = release_rules::check(&document, &settings);
    let stage = release_rules::resolve_stage(&document, &settings);
    let report = FileReport::new(input.display.clone(), stage, document, diagnostics);
    Outcome::Checked(Box::new(printer.render(&report)))
}

/// The command line wins over the configuration: `--stage` over everything, `--select`
/// replaces the configured selection, `--ignore` adds to it.
fn apply_overrides(settings: &mut Settings, args: &CheckArgs) {
    if let Some(stage) = args.stage {
        settings.stage = Some(stage.into());
    }
    if !args.select.is_empty() {
        settings.select.clone_from(&args.select);
    }
    settings.ignore.extend(args.ignore.iter().cloned());
}

/// Each pattern must be `ALL`, a code or code prefix (`RL2`, `RL201`), or a rule's name.
fn validate_rule_patterns(patterns: &[String], flag: &str) -> Result<()> {
    for pattern in patterns {
        let p = pattern.trim();
        let is_code = p.len() >= 2
            && p.len() <= 5
            && p[..2].eq_ignore_ascii_case("RL")
            && p[2..].bytes().all(|b| b.is_ascii_digit());
        if !(p.eq_ignore_ascii_case("ALL") || is_code || registry::find(p).is_some()) {
            bail!("{flag} {p}: no rule has this code or name (see `release-lint rules`)");
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
        let ok = ["ALL", "rl2", "RL201", "RL9", "unchecked-prerequisite"].map(String::from);
        assert!(validate_rule_patterns(&ok, "--select").is_ok());
        for bad in ["RL2011", "XX1", "unchecked", "RLx"] {
            let err = validate_rule_patterns(&[bad.to_owned()], "--select").unwrap_err();
            assert!(err.to_string().contains(bad));
        }
    }
}
