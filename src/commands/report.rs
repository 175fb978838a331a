//! `release-lint report`: the figures of a release history (spec section 9). Finds the
//! documents as `check` does, parses them in parallel a batch at a time and keeps only
//! each document's facts, then prints the figures, judged against the quality
//! standards, as a table, JSON, Markdown or a self-contained HTML page.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use jiff::civil::Date;
use rayon::prelude::*;
use release_history::facts::{self, Facts};
use release_history::lead_time::Repositories;
use release_history::tags::{TagPattern, DEFAULT_PATTERNS};
use release_history::{History, Options, PeriodKind};
use release_rules::Document;

use crate::config::{Configs, Loaded};
use crate::files::{self, Input, Origin};
use crate::input::{not_text, read_bytes_named, DEFAULT_MAX_FILE_SIZE};
use crate::output::report as render;
use crate::output::Failure;
use crate::sink::Sink;
use crate::Status;

/// How many files are parsed between two merges into the history.
const BATCH: usize = 256;
/// A run shorter than this shows no progress bar.
const PROGRESS_AFTER: Duration = Duration::from_millis(300);

/// Arguments of `release-lint report`.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Files and directories of release documents; `-` reads standard input. Default:
    /// the current directory. Directories are walked for `*.md` files, honouring
    /// `.gitignore`.
    pub paths: Vec<PathBuf>,
    /// Use this configuration file instead of discovering one.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Ignore every configuration file.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    pub format: ReportFormat,
    /// The periods of the figures.
    #[arg(long, value_enum, default_value_t = By::Month)]
    pub by: By,
    /// Count deployments from this day on (UTC), like 2026-01-01.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<Date>,
    /// Count deployments up to this day (UTC), included.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub until: Option<Date>,
    /// A git repository whose tags and commits give the lead time; repeatable, added to
    /// the config's `[report] repos`.
    #[arg(long = "repo", value_name = "DIR")]
    pub repos: Vec<PathBuf>,
    /// How release tags are named (`{component}@{version}`); repeatable, replaces the
    /// config's `[report] tag-patterns` and the defaults.
    #[arg(long = "tag-pattern", value_name = "PATTERN")]
    pub tag_patterns: Vec<String>,
    /// Exit with 1 when a measured standard is not met.
    #[arg(long)]
    pub check_standards: bool,
    /// Write the report to this file (replaced atomically) instead of standard output.
    #[arg(short = 'o', long = "output-file", value_name = "FILE")]
    pub output_file: Option<PathBuf>,
    /// List every skipped document and why (on stderr).
    #[arg(short, long)]
    pub verbose: bool,
    /// Report files larger than this instead of reading them [default: 10MB].
    #[arg(long, value_name = "SIZE", value_parser = crate::input::parse_size)]
    pub max_file_size: Option<u64>,
}

/// Formats of `release-lint report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Tables for a person, the worst periods marked.
    Human,
    /// The JSON document of docs/report.md.
    Json,
    /// Markdown tables, for a wiki page or a pull-request comment.
    Markdown,
    /// One self-contained HTML page with SVG charts.
    Html,
}

/// `--by`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum By {
    /// ISO weeks.
    Week,
    /// Calendar months.
    Month,
    /// Calendar quarters.
    Quarter,
}

impl From<By> for PeriodKind {
    fn from(by: By) -> Self {
        match by {
            By::Week => PeriodKind::Week,
            By::Month => PeriodKind::Month,
            By::Quarter => PeriodKind::Quarter,
        }
    }
}

fn parse_date(text: &str) -> Result<Date, String> {
    text.trim()
        .parse::<Date>()
        .map_err(|_| format!("`{text}` is not a date; expected a date like 2026-01-31"))
}

/// What became of one input.
enum Read {
    Facts(Box<Facts>),
    NotRelease(String),
    Failed(Failure),
}

pub fn run(args: &ReportArgs) -> Result<Status> {
    if let (Some(since), Some(until)) = (args.since, args.until) {
        if until < since {
            bail!("--until {until} is before --since {since}; expected a window that ends after it starts");
        }
    }
    let configs = Configs::new(args.config.as_deref(), args.no_config)?;
    // The configuration of the current directory (or --config) gives the repositories,
    // the tag patterns and the standards' configured targets.
    let here = configs
        .for_file(Path::new("release-lint.toml"))
        .map_err(|f| anyhow::anyhow!("{f}"))?;
    let repos = repositories(args, here.as_deref())?;
    let collected = files::collect(&args.paths, None);
    let mut failures = collected.errors;

    let stdin = collected
        .inputs
        .iter()
        .find(|i| i.origin == Origin::Stdin)
        .map(|input| read_bytes_named(Path::new("-"), &input.display, size_limit(args, None)));
    let progress = Progress::new(collected.inputs.len() as u64);
    let mut history = History::new();
    let mut not_release = Vec::new();
    for batch in collected.inputs.chunks(BATCH) {
        let read = |input: &Input| read_one(input, &configs, args, stdin.as_ref());
        let results: Vec<Read> = if batch.len() == 1 {
            batch.iter().map(read).collect()
        } else {
            batch.par_iter().map(read).collect()
        };
        for result in results {
            match result {
                Read::Facts(f) => history.add(*f),
                Read::NotRelease(path) => not_release.push(path),
                Read::Failed(failure) => failures.push(failure),
            }
        }
        progress.advance(batch.len() as u64);
    }
    progress.finish();

    let options = Options {
        by: args.by.into(),
        since: args.since,
        until: args.until,
    };
    let settings = here
        .as_ref()
        .map(|c| c.settings.clone())
        .unwrap_or_default();
    let report = history.report(
        &options,
        &repos,
        &settings.standards,
        settings.schema().template(),
    )?;

    if args.verbose {
        for path in &not_release {
            say(&format!("skipped {path}: not a release document"));
        }
        for skipped in &report.skipped_documents {
            say(&format!("skipped {}: {}", skipped.path, skipped.reason));
        }
    }
    failures.sort();
    failures.dedup();
    for failure in &failures {
        say(&format!("error: {failure}"));
    }

    let text = match args.format {
        ReportFormat::Human => render::human::render(&report, failures.len()),
        ReportFormat::Json => render::json::render(&report),
        ReportFormat::Markdown => render::markdown::render(&report),
        ReportFormat::Html => render::html::render(&report)?,
    };
    let mut out = Sink::open(args.output_file.as_deref())?;
    out.write_all(text.as_bytes())?;
    out.finish()?;

    Ok(if !failures.is_empty() {
        Status::Failed
    } else if args.check_standards && report.fails_standards() {
        Status::Findings
    } else {
        Status::Clean
    })
}

/// The repositories of `--repo` and the config, with the tag patterns of
/// `--tag-pattern`, else the config, else the defaults.
fn repositories(args: &ReportArgs, config: Option<&Loaded>) -> Result<Repositories> {
    let patterns: Vec<TagPattern> = if !args.tag_patterns.is_empty() {
        args.tag_patterns
            .iter()
            .map(|p| TagPattern::new(p).context("--tag-pattern"))
            .collect::<Result<_>>()?
    } else if let Some(configured) = config.map(Loaded::tag_patterns).filter(|p| !p.is_empty()) {
        let file = config.map_or_else(String::new, |c| c.path().display().to_string());
        configured
            .iter()
            .map(|(p, at)| {
                TagPattern::new(p).with_context(|| format!("{file}:{}:{}", at.line, at.column))
            })
            .collect::<Result<_>>()?
    } else {
        DEFAULT_PATTERNS
            .iter()
            .map(|p| TagPattern::new(p))
            .collect::<Result<_, _>>()?
    };
    let mut paths: Vec<PathBuf> = config
        .map(|c| c.report_repos().to_vec())
        .unwrap_or_default();
    paths.extend(args.repos.iter().cloned());
    Ok(Repositories::open(&paths, patterns)?)
}

fn size_limit(args: &ReportArgs, config: Option<&Loaded>) -> u64 {
    args.max_file_size
        .or_else(|| config.and_then(Loaded::max_file_size))
        .unwrap_or(DEFAULT_MAX_FILE_SIZE)
}

/// Read and parse one document, and take its facts.
fn read_one(
    input: &Input,
    configs: &Configs,
    args: &ReportArgs,
    stdin: Option<&Result<Vec<u8>, Failure>>,
) -> Read {
    let config = match configs.for_file(&input.path) {
        Ok(config) => config,
        Err(failure) => return Read::Failed(failure),
    };
    if config.as_ref().is_some_and(|c| c.is_excluded(&input.path)) {
        return Read::NotRelease(input.display.clone());
    }
    let bytes = match input.origin {
        Origin::Stdin => match stdin {
            Some(Ok(bytes)) => bytes.clone(),
            Some(Err(failure)) => return Read::Failed(failure.clone()),
            None => {
                return Read::Failed(Failure::new(&input.display, "standard input was not read"))
            }
        },
        Origin::File => {
            match read_bytes_named(
                &input.path,
                &input.display,
                size_limit(args, config.as_deref()),
            ) {
                Ok(bytes) => bytes,
                Err(failure) => return Read::Failed(failure),
            }
        }
    };
    let included = config.as_ref().is_some_and(|c| c.is_included(&input.path));
    let settings = config.map(|c| c.settings.clone()).unwrap_or_default();
    let document = match Document::from_bytes_for(bytes, &settings) {
        Ok(document) => document,
        Err(err) => return Read::Failed(not_text(&input.display, &err)),
    };
    if !included && !document.is_release_document() {
        return Read::NotRelease(input.display.clone());
    }
    // The document (and its text) is dropped here: only its facts are kept.
    Read::Facts(Box::new(facts::read(&document, &settings, &input.display)))
}

/// A progress bar on standard error, shown only on a terminal and only once the run
/// has taken more than a moment.
struct Progress {
    bar: ProgressBar,
    started: Instant,
    terminal: bool,
}

impl Progress {
    fn new(total: u64) -> Self {
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} documents") {
            bar.set_style(style);
        }
        Self {
            bar,
            started: Instant::now(),
            terminal: std::io::stderr().is_terminal(),
        }
    }

    fn advance(&self, n: u64) {
        if self.terminal && self.bar.is_hidden() && self.started.elapsed() > PROGRESS_AFTER {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        self.bar.inc(n);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// A line on standard error, `release-lint: …`.
fn say(line: &str) {
    let _ = writeln!(std::io::stderr(), "release-lint: {line}");
}
