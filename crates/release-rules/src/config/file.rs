//! The file format of `release-lint.toml`, as serde reads it: every value keeps its
//! span, so that a bad value is reported at its line. The JSON Schema is derived from
//! these same types.

use std::collections::BTreeMap;

use release_doc::values::Stage;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::Severity;
use crate::settings::VersionScheme;

/// Configuration of release-lint, read from `release-lint.toml` or `.release-lint.toml`,
/// the closest one found walking up from each checked file.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(title = "release-lint configuration")]
pub(crate) struct RawConfig {
    /// The lifecycle stage of a document whose frontmatter has no `stage`, no `status`
    /// that names a stage and no evidence of its stage (the `--stage` flag wins over all
    /// of them). Unset: `planned`.
    #[schemars(schema_with = "stage_schema", extend("default" = "planned"))]
    pub default_stage: Option<Spanned<String>>,
    /// Require the frontmatter key `outcome` from `deployed` on. Unset or `false`: the
    /// outcome is read from the document (its `status`, a fired rollback trigger, a
    /// phase or incident that says it was rolled back, else `success`).
    #[schemars(extend("default" = false))]
    pub require_outcome: Option<bool>,
    /// Globs, relative to the config's folder, of files that are release documents
    /// whatever their content.
    #[schemars(with = "Vec<String>")]
    pub include: Vec<Spanned<String>>,
    /// Globs, relative to the config's folder, of files (or folders) never checked.
    #[schemars(with = "Vec<String>")]
    pub exclude: Vec<Spanned<String>>,
    /// The team's own template, relative to the config's folder: its sections, fields,
    /// checklist items and columns are what documents must keep. Unset: the built-in
    /// Deployment & Release Process Template.
    #[schemars(with = "String")]
    pub template: Option<Spanned<String>>,
    /// Files larger than this are reported (`larger than the limit`) instead of read:
    /// bytes, or a number with `KB`, `MB` or `GB` (binary units: `1MB` is 1,048,576
    /// bytes). The `--max-file-size` flag wins over it.
    #[schemars(with = "String", extend("default" = "10MB", "examples" = ["10MB", "512KB"]))]
    pub max_file_size: Option<Spanned<String>>,
    /// How release versions are written: `semver` (`2.4.0`, the Release Type is checked
    /// against it) or `calver` (`2024.05.1`, no bump check).
    #[schemars(schema_with = "version_scheme_schema", extend("default" = "semver"))]
    pub version_scheme: Option<Spanned<String>>,
    /// Where the rule pages are published (an absolute `http`, `https` or `file` URL):
    /// SARIF output links each rule to `<docs-url>/<CODE>.md`. Unset: the `docs/rules`
    /// folder of the release-lint repository.
    #[schemars(with = "String", extend("examples" = ["https://github.com/acme/release-lint/blob/main/docs/rules"]))]
    pub docs_url: Option<Spanned<String>>,
    /// The folder of past release documents, relative to the config's folder, that the
    /// history rules (`RL7xx`) compare each checked document with, as `--history DIR`
    /// does: a check of one file (a pre-commit hook) then still finds a duplicate or a
    /// version regression. Its documents are read, not reported on. The flag wins.
    #[schemars(with = "String", extend("examples" = ["releases/"]))]
    pub history: Option<Spanned<String>>,
    /// Where wiki links resolve.
    pub links: RawLinks,
    /// Which rules run, and how severe their findings are.
    pub rules: RawRules,
    /// Quality-standard targets, used where a document's own Quality Standards section
    /// gives none.
    pub standards: RawStandards,
    /// How the team's headings map to the template's sections.
    pub sections: RawSections,
    /// Where `release-lint report` reads commit times from.
    pub report: RawReport,
}

/// The `[report]` table.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "Report")]
pub(crate) struct RawReport {
    /// Git repositories, relative to the config's folder, whose tags and commits give
    /// the lead time for changes (`--repo` adds to them).
    #[schemars(with = "Vec<String>", extend("examples" = [["."]]))]
    pub repos: Vec<Spanned<String>>,
    /// How release tags are named, tried in order: `{version}` is the release's version
    /// and `{component}` its component in lower case with `-` between words. Unset:
    /// `v{version}`, `{version}`, `{component}-v{version}`, `{component}@{version}`.
    #[schemars(with = "Vec<String>", extend("examples" = [["{component}@{version}"]]))]
    pub tag_patterns: Vec<Spanned<String>>,
}

/// The `[links]` table.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "Links")]
pub(crate) struct RawLinks {
    /// The folder, relative to the config's folder, that the `[[wiki links]]` of
    /// Related Documentation name files in. Set, it turns on `unresolved-link` (RL703).
    #[schemars(with = "String", extend("examples" = ["wiki/"]))]
    pub root: Option<Spanned<String>>,
}

/// The `[sections]` table.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "Sections")]
pub(crate) struct RawSections {
    /// Headings the team writes for a template section, read as that section exactly:
    /// `{ "Rollback" = "Rollback Plan" }`. Keys are compared like titles (case, markup
    /// and a trailing `:` ignored); values are titles of the template's sections.
    #[schemars(with = "BTreeMap<String, String>", extend("examples" = [{"Rollback": "Rollback Plan"}]))]
    pub aliases: BTreeMap<Spanned<String>, Spanned<String>>,
}

/// The `[rules]` table.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "Rules")]
pub(crate) struct RawRules {
    /// Rules to run: `ALL`, codes (`RL201`), code prefixes (`RL2`) or names
    /// (`unchecked-prerequisite`). Empty: every rule that runs by default (all but the
    /// opt-in ones).
    #[schemars(with = "Vec<String>")]
    pub select: Vec<Spanned<String>>,
    /// Rules to run besides those of `select` (or besides the default ones), in the same
    /// forms: how an opt-in rule (`RL310`) is turned on.
    #[schemars(with = "Vec<String>")]
    pub extend_select: Vec<Spanned<String>>,
    /// Rules not to run, in the same forms as `select`; wins over `select`.
    #[schemars(with = "Vec<String>")]
    pub ignore: Vec<Spanned<String>>,
    /// Severity per rule, by code or name: `error`, `warning` or `info`.
    #[schemars(schema_with = "severity_map_schema")]
    pub severity: BTreeMap<Spanned<String>, Spanned<String>>,
    /// Options of individual rules.
    pub options: RawOptions,
}

/// The `[rules.options]` table.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "RuleOptions")]
pub(crate) struct RawOptions {
    /// How far, in minutes, a Deployment Timeline phase's Duration may differ from its
    /// End minus its Start.
    #[schemars(with = "f64", range(min = 0), extend("default" = 1))]
    pub duration_tolerance_minutes: Option<Spanned<f64>>,
    /// Extra words that mean "not filled in yet", besides `TBD`, `TODO`, `???` and
    /// `{{ placeholders }}`; matched as whole words, case-sensitively.
    #[schemars(with = "Vec<String>")]
    pub placeholder_words: Vec<Spanned<String>>,
    /// Extra regular expressions (Rust `regex` syntax) of secrets to report.
    #[schemars(with = "Vec<String>")]
    pub secret_patterns: Vec<Spanned<String>>,
}

/// The `[standards]` table: thresholds such as `< 15 min`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "Standards")]
pub(crate) struct RawStandards {
    /// Deployment success rate, a percentage (`> 95%`).
    #[schemars(with = "String", extend("examples" = ["> 95%"]))]
    pub success_rate: Option<Spanned<String>>,
    /// Mean time to recovery, a time (`< 15 min`).
    #[schemars(with = "String", extend("examples" = ["< 15 min"]))]
    pub mttr: Option<Spanned<String>>,
    /// Change failure rate, a percentage (`< 5%`).
    #[schemars(with = "String", extend("examples" = ["< 5%"]))]
    pub change_failure_rate: Option<Spanned<String>>,
    /// Lead time for changes, a time (`< 1 hour`).
    #[schemars(with = "String", extend("examples" = ["< 1 hour"]))]
    pub lead_time: Option<Spanned<String>>,
}

fn severity_map_schema(_: &mut SchemaGenerator) -> Schema {
    let names: Vec<&str> = [Severity::Error, Severity::Warning, Severity::Info]
        .iter()
        .map(|s| s.as_str())
        .collect();
    json_schema!({
        "type": "object",
        "additionalProperties": { "type": "string", "enum": names },
    })
}

fn version_scheme_schema(_: &mut SchemaGenerator) -> Schema {
    let names: Vec<&str> = VersionScheme::ALL.iter().map(|s| s.as_str()).collect();
    json_schema!({ "type": "string", "enum": names })
}

fn stage_schema(_: &mut SchemaGenerator) -> Schema {
    let names: Vec<&str> = Stage::ALL.iter().map(|s| s.as_str()).collect();
    json_schema!({ "type": "string", "enum": names })
}
