//! Command-line arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use release_rules::Stage;

/// Lint Deployment & Release Process documents.
#[derive(Debug, Parser)]
#[command(
    name = "release-lint",
    version,
    about,
    propagate_version = true,
    after_help = "Exit status: 0 no error, 1 findings that fail the run, 2 the run itself failed."
)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check release documents: files, directories, or `-` for standard input.
    Check(CheckArgs),
    /// Apply the fixes of the findings (as `check --fix`), then report what is left.
    Fix(CheckArgs),
    /// Print the typed model of a release document (and its structural problems).
    Parse(ParseArgs),
    /// Create a new release document from a template and values.
    New(crate::commands::new::NewArgs),
    /// Print the figures of a release history, judged against the quality standards.
    Report(crate::commands::report::ReportArgs),
    /// Print a document's release notes as a Keep a Changelog section.
    Notes(crate::commands::notes::NotesArgs),
    /// Inspect templates (`template vars`).
    #[command(subcommand)]
    Template(crate::commands::template_vars::TemplateCommand),
    /// Print a JSON Schema (`schema values`).
    #[command(subcommand)]
    Schema(crate::commands::schema::SchemaCommand),
    /// List the rules.
    Rules(RulesArgs),
    /// Print the documentation of a rule.
    Explain(ExplainArgs),
    /// Write a commented `release-lint.toml` into the current directory.
    Init(InitArgs),
    /// Install or remove a native git pre-commit hook.
    #[command(subcommand)]
    Hook(HookCommand),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print the man page (roff), of the program or of one subcommand.
    Man(ManArgs),
    /// Run the language server (LSP over standard input and output), for editors.
    Server(ServerArgs),
}

/// Arguments of `release-lint check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files and directories to check; `-` reads standard input. Default: the current
    /// directory. Directories are walked for `*.md` files, honouring `.gitignore`.
    pub paths: Vec<PathBuf>,
    /// The file name to report (and to find the configuration from) for standard input.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    /// Check at this lifecycle stage, whatever the documents say.
    #[arg(long, value_enum)]
    pub stage: Option<StageArg>,
    /// Use this configuration file for every document instead of discovering one.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Ignore every configuration file.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
    /// When to colour the human output (`NO_COLOR` turns `auto` off).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Print only the findings: no summary line.
    #[arg(short, long, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also list skipped files and the stage of each checked document (on stderr).
    #[arg(short, long)]
    pub verbose: bool,
    /// Make warnings fail the run (exit 1) too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Exit with status 0 even when findings fail the run; a run that fails itself (a
    /// file that could not be checked, a bad flag or configuration) still exits with 2.
    #[arg(long)]
    pub exit_zero: bool,
    /// Write the report to this file (replaced atomically when the run ends) instead of
    /// standard output, which then gets only the summary line.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output_file: Option<PathBuf>,
    /// Run only these rules: codes, code prefixes (`RL2`), names or `ALL`; replaces the
    /// configured selection.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Vec<String>,
    /// Run these rules too (same forms as `--select`), besides the selected or default
    /// ones: how an opt-in rule (`RL310`) is turned on; added to the configured ones.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub extend_select: Vec<String>,
    /// Do not run these rules (same forms as `--select`); added to the configured ones.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,
    /// Print the number of findings per rule instead of the findings.
    #[arg(long)]
    pub statistics: bool,
    /// Report files larger than this instead of reading them: bytes, or with a unit
    /// (`512KB`, `10MB`). Wins over the config's `max-file-size` [default: 10MB].
    #[arg(long, value_name = "SIZE", value_parser = crate::input::parse_size)]
    pub max_file_size: Option<u64>,
    /// Apply the safe fixes, then report what is left (what `release-lint fix` does).
    #[arg(long)]
    pub fix: bool,
    /// Apply the unsafe fixes too (they change a judgement or a recorded fact).
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print the fixes as a unified diff and write nothing; exit 1 when something would
    /// be fixed, else 0. Standard output holds only the diffs: the report goes to
    /// `--output-file` (a JSON or SARIF report lists the fixes each file would get), or,
    /// in the human formats, its summary to standard error.
    #[arg(long, conflicts_with = "statistics")]
    pub diff: bool,
    /// Compare the checked documents with the release documents of this folder too
    /// (rules RL7xx); they are read, not reported on. Wins over the config's `history`.
    #[arg(long, value_name = "DIR")]
    pub history: Option<PathBuf>,
    /// Report (and fail on) only the findings this baseline does not know, and say how
    /// many known ones were hidden.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record every finding of the run in this baseline file (replaced atomically); the
    /// run then exits 0 unless it failed itself.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
}

impl CheckArgs {
    /// Whether fixes are applied (`fix`, `--fix`) or shown (`--diff`).
    #[must_use]
    pub fn fixing(&self) -> bool {
        self.fix || self.diff
    }

    /// The size limit of a file governed by `config`: `--max-file-size` wins over the
    /// config's `max-file-size`, and the default applies without either.
    pub fn size_limit(&self, config: &Option<std::sync::Arc<crate::config::Loaded>>) -> u64 {
        self.max_file_size
            .or_else(|| config.as_ref().and_then(|c| c.max_file_size()))
            .unwrap_or(crate::input::DEFAULT_MAX_FILE_SIZE)
    }
}

/// Output formats of `release-lint check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Graphical reports with the source snippet.
    Human,
    /// One line per finding: `path:line:col: severity[code] message`.
    Concise,
    /// The JSON document described in docs/json-output.md.
    Json,
    /// SARIF 2.1.0.
    Sarif,
    /// GitHub Actions workflow commands.
    Github,
}

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When standard output is a terminal and `NO_COLOR` is not set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// A lifecycle stage on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StageArg {
    /// Being written: structure and secrets only.
    Draft,
    /// Up for review.
    Planned,
    /// Go/no-go.
    Ready,
    /// Shipped.
    Deployed,
    /// After the first week.
    Closed,
}

impl From<StageArg> for Stage {
    fn from(stage: StageArg) -> Self {
        match stage {
            StageArg::Draft => Stage::Draft,
            StageArg::Planned => Stage::Planned,
            StageArg::Ready => Stage::Ready,
            StageArg::Deployed => Stage::Deployed,
            StageArg::Closed => Stage::Closed,
        }
    }
}

/// Arguments of `release-lint parse`.
#[derive(Debug, clap::Args)]
pub struct ParseArgs {
    /// The document to parse, or `-` for standard input.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ModelFormat::Json)]
    pub format: ModelFormat,
    /// Print secrets in full. By default every value a secret family recognises (the
    /// ones `check` reports as RL601-RL604) is masked, as `check` masks it.
    #[arg(long)]
    pub show_secrets: bool,
}

/// Formats of `release-lint parse`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModelFormat {
    /// Pretty-printed JSON.
    Json,
    /// YAML.
    Yaml,
}

/// Arguments of `release-lint rules`.
#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

/// Formats of listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// An aligned table.
    Text,
    /// A JSON array.
    Json,
}

/// Arguments of `release-lint explain`.
#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// A rule code (`RL201`) or name (`unchecked-prerequisite`); without one, the index of
    /// all rules.
    pub rule: Option<String>,
}

/// Arguments of `release-lint init`.
#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The directory to write `release-lint.toml` into.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
}

/// `release-lint hook …`.
#[derive(Debug, Subcommand)]
pub enum HookCommand {
    /// Write `.git/hooks/pre-commit`, which checks the staged version of staged release
    /// documents.
    Install {
        /// Replace an existing pre-commit hook.
        #[arg(long)]
        force: bool,
    },
    /// Remove the pre-commit hook, if `hook install` wrote it.
    Uninstall,
}

/// Arguments of `release-lint man`.
#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// A subcommand (`check`) whose own page to print, as `release-lint-check(1)`.
    pub subcommand: Option<String>,
}

/// Arguments of `release-lint server`.
#[derive(Debug, clap::Args)]
pub struct ServerArgs {
    /// Accepted for clients that pass it; standard input and output is the only transport.
    #[arg(long)]
    pub stdio: bool,
}

/// Arguments of `release-lint completions`.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Args;

    #[test]
    fn arguments_are_consistent() {
        Args::command().debug_assert();
    }
}
