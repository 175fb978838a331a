//! The configuration file, `release-lint.toml` (or `.release-lint.toml`): discovery,
//! reading and checking it, and turning it into [`Settings`].
//!
//! Every value is checked when the file is read, so a typo fails the run at once with
//! the file, line and column of the key or value at fault, instead of being ignored.

mod discover;
mod error;
mod file;
mod globs;
mod init;
mod json_schema;
mod size;
mod values;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use release_doc::values::Stage;
use release_doc::{LineCol, SectionId};

pub use discover::{discover, FILE_NAMES};
pub use error::{ConfigError, ConfigErrorKind};
pub use init::init_text;
pub use json_schema::json_schema;
pub use size::parse_size;

use crate::diagnostic::Severity;
use crate::schema::Schema;
use crate::settings::{RuleOptions, Settings, StandardTargets, VersionScheme};
use file::RawConfig;
use globs::Globs;
use values::{Dimension, Locator};

/// A configuration file, read and checked: its typed content and its path.
#[derive(Debug, Clone)]
pub struct Config {
    path: PathBuf,
    /// The config's folder, absolute: globs and `template` are relative to it.
    base: PathBuf,
    default_stage: Option<Stage>,
    require_outcome: bool,
    section_aliases: Vec<(String, SectionId)>,
    include: Globs,
    exclude: Globs,
    template: Option<Template>,
    select: Vec<String>,
    extend_select: Vec<String>,
    ignore: Vec<String>,
    severities: BTreeMap<String, Severity>,
    options: RuleOptions,
    standards: StandardTargets,
    max_file_size: Option<u64>,
    version_scheme: VersionScheme,
    docs_url: Option<String>,
    history: Option<PathBuf>,
    links_root: Option<PathBuf>,
    report_repos: Vec<PathBuf>,
    tag_patterns: Vec<(String, LineCol)>,
}

/// The `template` key: the path as written and where it was written.
#[derive(Debug, Clone)]
struct Template {
    path: String,
    at: LineCol,
}

impl Config {
    /// Read and check the config file at `path`.
    ///
    /// # Errors
    ///
    /// The file cannot be read, is not TOML, has an unknown key or a bad value.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            ConfigError::new(
                ConfigErrorKind::Read,
                path,
                None,
                format!("cannot read the config: {e}"),
                "a readable UTF-8 TOML file",
            )
            .with_source(e)
        })?;
        Self::parse(&text, path)
    }

    /// Check the text of a config file; `path` is where it lives (globs and `template`
    /// are relative to its folder) and names it in errors.
    ///
    /// # Errors
    ///
    /// The text is not TOML, has an unknown key or a bad value.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let loc = Locator::new(path, text);
        let raw: RawConfig = toml::from_str(text).map_err(|e| toml_error(&loc, &e))?;
        let rules = &raw.rules;
        let options = &rules.options;
        let standards = &raw.standards;
        let target = |key: &str, dimension: Dimension, value: &Option<toml::Spanned<String>>| {
            value
                .as_ref()
                .map(|v| values::threshold(&loc, key, dimension, v))
                .transpose()
        };
        let mut severities = BTreeMap::new();
        for (rule, severity) in &rules.severity {
            let code = values::rule_code(&loc, rule)?;
            let severity = values::severity(&loc, rule.get_ref(), severity)?;
            if severities.insert(code.to_owned(), severity).is_some() {
                return Err(loc.invalid(
                    rule,
                    format!("a second severity for `{code}` (as `{}`)", rule.get_ref()),
                    "one severity per rule, given by its code or by its name",
                ));
            }
        }
        let base = globs::absolute(path.parent().unwrap_or(Path::new(".")));
        // Folders named by the config: joined to its folder as the config was found, so
        // that they stay relative to the current directory when it is.
        let folder = |key: &str, value: &Option<toml::Spanned<String>>| {
            value
                .as_ref()
                .map(|v| values::folder(&loc, key, v).map(|rel| in_config_dir(path, rel)))
                .transpose()
        };
        let report_repos = raw
            .report
            .repos
            .iter()
            .map(|r| base.join(r.get_ref()))
            .collect();
        let tag_patterns = raw
            .report
            .tag_patterns
            .iter()
            .map(|p| (p.get_ref().clone(), loc.line_col(p.span().start)))
            .collect();
        Ok(Config {
            history: folder("history", &raw.history)?,
            links_root: folder("links.root", &raw.links.root)?,
            path: path.to_path_buf(),
            report_repos,
            tag_patterns,
            base,
            max_file_size: raw
                .max_file_size
                .as_ref()
                .map(|s| values::size(&loc, s))
                .transpose()?,
            docs_url: raw
                .docs_url
                .as_ref()
                .map(|s| values::url(&loc, "docs-url", s))
                .transpose()?,
            default_stage: raw
                .default_stage
                .as_ref()
                .map(|s| values::stage(&loc, s))
                .transpose()?,
            require_outcome: raw.require_outcome.unwrap_or(false),
            section_aliases: raw
                .sections
                .aliases
                .iter()
                .map(|(heading, section)| values::section_alias(&loc, heading, section))
                .collect::<Result<_, _>>()?,
            version_scheme: raw
                .version_scheme
                .as_ref()
                .map(|s| values::version_scheme(&loc, s))
                .transpose()?
                .unwrap_or_default(),
            include: Globs::new(&loc, "include", &raw.include)?,
            exclude: Globs::new(&loc, "exclude", &raw.exclude)?,
            template: raw.template.as_ref().map(|t| Template {
                path: t.get_ref().clone(),
                at: loc.line_col(t.span().start),
            }),
            select: rules
                .select
                .iter()
                .map(|s| values::selector(&loc, "select", s))
                .collect::<Result<_, _>>()?,
            extend_select: rules
                .extend_select
                .iter()
                .map(|s| values::selector(&loc, "extend-select", s))
                .collect::<Result<_, _>>()?,
            ignore: rules
                .ignore
                .iter()
                .map(|s| values::selector(&loc, "ignore", s))
                .collect::<Result<_, _>>()?,
            severities,
            options: RuleOptions {
                duration_tolerance_minutes: options
                    .duration_tolerance_minutes
                    .as_ref()
                    .map(|m| values::minutes(&loc, m))
                    .transpose()?
                    .unwrap_or(RuleOptions::default().duration_tolerance_minutes),
                placeholder_words: options
                    .placeholder_words
                    .iter()
                    .map(|w| values::word(&loc, w))
                    .collect::<Result<_, _>>()?,
                secret_patterns: options
                    .secret_patterns
                    .iter()
                    .map(|p| values::regex(&loc, p))
                    .collect::<Result<_, _>>()?,
            },
            standards: StandardTargets {
                success_rate: target("success-rate", Dimension::Percent, &standards.success_rate)?,
                mttr: target("mttr", Dimension::Time, &standards.mttr)?,
                change_failure_rate: target(
                    "change-failure-rate",
                    Dimension::Percent,
                    &standards.change_failure_rate,
                )?,
                lead_time: target("lead-time", Dimension::Time, &standards.lead_time)?,
            },
        })
    }

    /// The settings this config gives (no `--stage`: that is the command line's). Reads
    /// the `template`, when set, relative to the config's folder.
    ///
    /// # Errors
    ///
    /// The template cannot be read; the error names it and points at the `template` key.
    pub fn settings(&self) -> Result<Settings, ConfigError> {
        let schema = match &self.template {
            None => None,
            Some(template) => {
                let file = self.base.join(&template.path);
                let text = std::fs::read_to_string(&file).map_err(|e| {
                    ConfigError::new(
                        ConfigErrorKind::Read,
                        &self.path,
                        Some(template.at),
                        format!(
                            "cannot read template `{}` ({}): {e}",
                            template.path,
                            file.display()
                        ),
                        "a readable Markdown template, relative to the config's folder",
                    )
                    .with_source(e)
                })?;
                Some(Arc::new(Schema::from_template(&text)))
            }
        };
        Ok(Settings {
            stage: None,
            default_stage: self.default_stage,
            require_outcome: self.require_outcome,
            section_aliases: self.section_aliases.clone(),
            select: self.select.clone(),
            extend_select: self.extend_select.clone(),
            ignore: self.ignore.clone(),
            severities: self.severities.clone(),
            options: self.options.clone(),
            standards: self.standards.clone(),
            schema,
            version_scheme: self.version_scheme,
            links_root: self.links_root.clone(),
        })
    }

    /// Whether `path` matches an `include` glob (relative to the config's folder): such
    /// a file is a release document whatever its content. A relative `path` is taken
    /// from the current directory.
    #[must_use]
    pub fn is_included(&self, path: &Path) -> bool {
        globs::relative_to(&self.base, path).is_some_and(|rel| self.include.matches(&rel))
    }

    /// Whether `path`, or a folder it is in, matches an `exclude` glob (relative to the
    /// config's folder): such a file is never checked.
    #[must_use]
    pub fn is_excluded(&self, path: &Path) -> bool {
        globs::relative_to(&self.base, path).is_some_and(|rel| self.exclude.matches_or_inside(&rel))
    }

    /// The `max-file-size` key in bytes, when set: files larger than this are reported,
    /// not read. The `--max-file-size` flag wins over it.
    #[must_use]
    pub fn max_file_size(&self) -> Option<u64> {
        self.max_file_size
    }

    /// The `docs-url` key, when set: where the rule pages are (`<docs-url>/<CODE>.md`),
    /// without a trailing `/`.
    #[must_use]
    pub fn docs_url(&self) -> Option<&str> {
        self.docs_url.as_deref()
    }

    /// The `history` key, when set: the folder of past release documents that the
    /// history rules compare checked documents with (joined to the config's folder).
    #[must_use]
    pub fn history(&self) -> Option<&Path> {
        self.history.as_deref()
    }

    /// The `[report] repos`, relative to the config's folder made absolute.
    #[must_use]
    pub fn report_repos(&self) -> &[PathBuf] {
        &self.report_repos
    }

    /// The `[report] tag-patterns` as written, each with where it is written.
    #[must_use]
    pub fn tag_patterns(&self) -> &[(String, LineCol)] {
        &self.tag_patterns
    }

    /// Where the config file is.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The `include` globs as written.
    #[must_use]
    pub fn include(&self) -> &[String] {
        self.include.patterns()
    }

    /// The `exclude` globs as written.
    #[must_use]
    pub fn exclude(&self) -> &[String] {
        self.exclude.patterns()
    }
}

/// `rel` in the folder of the config file at `path`, as that path was given (`rel`
/// itself for a bare file name: the current directory).
fn in_config_dir(path: &Path, rel: PathBuf) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() && dir != Path::new(".") => dir.join(rel),
        _ => rel,
    }
}

/// A TOML or serde error of the file, located, as "what; expected what".
fn toml_error(loc: &Locator<'_>, error: &toml::de::Error) -> ConfigError {
    let message = error.message().trim();
    let (what, expected) = match message.split_once(", expected ") {
        Some((what, expected)) => (what.to_owned(), expected.to_owned()),
        None => (message.to_owned(), String::new()),
    };
    if let Some(key) = what.strip_prefix("unknown field ") {
        // serde names the known keys, not the table: tell the table by its first key.
        let table = [
            ("`select`", " in `[rules]`"),
            ("`duration-tolerance-minutes`", " in `[rules.options]`"),
            ("`success-rate`", " in `[standards]`"),
            ("`root`", " in `[links]`"),
        ]
        .iter()
        .find(|(first, _)| expected.starts_with(&format!("one of {first}")) || expected == *first)
        .map_or("", |(_, table)| table);
        return loc.error(
            ConfigErrorKind::UnknownKey,
            error.span(),
            format!("unknown key {key}{table}"),
            expected,
        );
    }
    // serde's data model words, in TOML's.
    let expected = expected
        .replace("a sequence", "an array")
        .replace("a map", "a table");
    if what == "duplicate key" {
        let key = error
            .span()
            .and_then(|span| loc.text(span))
            .map_or(String::new(), |k| format!(" `{}`", k.trim()));
        return loc.error(
            ConfigErrorKind::Syntax,
            error.span(),
            format!("duplicate key{key}"),
            "each key at most once per table",
        );
    }
    let expected = if expected.is_empty() {
        "valid TOML with the keys of docs/configuration.md".to_owned()
    } else {
        expected
    };
    loc.error(ConfigErrorKind::Syntax, error.span(), what, expected)
}
