//! Resolved settings for a check: stage, rule selection, severities, rule options,
//! quality-standard targets and the template that serves as the schema.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use release_doc::values::Stage;

use crate::diagnostic::Severity;
use crate::rule::RuleMeta;
use crate::schema::Schema;

/// Everything a check needs besides the document. `Settings::default()` is the
/// behaviour without any configuration.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// The stage given on the command line; wins over everything.
    pub stage: Option<Stage>,
    /// The configured `default-stage`, used when the frontmatter has no `stage`.
    pub default_stage: Option<Stage>,
    /// The configured `require-outcome`: the frontmatter must declare `outcome` from
    /// `deployed` on, instead of the outcome being read from the document.
    pub require_outcome: bool,
    /// Headings to read as known sections (`[sections] aliases`): `("Rollback",
    /// RollbackPlan)`. Apply them by parsing with [`crate::Document::parse_for`].
    pub section_aliases: Vec<(String, release_doc::SectionId)>,
    /// Rules to run: codes, code prefixes (`RL2`), names or `ALL`. Empty: every rule
    /// that runs by default (every rule but the opt-in ones, see [`RuleMeta::default`]).
    pub select: Vec<String>,
    /// Rules to run besides those of `select` (or, when `select` is empty, besides the
    /// default ones), same forms: how an opt-in rule is turned on.
    pub extend_select: Vec<String>,
    /// Rules not to run, same forms as `select`; wins over `select`.
    pub ignore: Vec<String>,
    /// Severity per rule code or name.
    pub severities: BTreeMap<String, Severity>,
    /// Per-rule options.
    pub options: RuleOptions,
    /// Quality-standard targets from configuration, as threshold text (`< 15 min`).
    pub standards: StandardTargets,
    /// The team's own template, when configured; else the embedded default.
    pub schema: Option<Arc<Schema>>,
    /// How release versions are written (`version-scheme`): SemVer unless configured.
    pub version_scheme: VersionScheme,
    /// The configured `[links] root` (joined to the config's folder as the config was
    /// found, so relative to the current directory when that folder is): where the wiki
    /// links of Related Documentation must resolve. `None`: `unresolved-link` (RL703)
    /// reports nothing.
    pub links_root: Option<PathBuf>,
}

/// How a team writes its release versions: the config key `version-scheme`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum VersionScheme {
    /// `MAJOR.MINOR.PATCH` (`2.4.0`): the Release Type is checked against it.
    #[default]
    Semver,
    /// Calendar versions `YYYY.MM[.N]` (`2024.05.1`): no SemVer bump to check.
    Calver,
}

impl VersionScheme {
    /// Every scheme, in the order the docs list them.
    pub const ALL: [VersionScheme; 2] = [VersionScheme::Semver, VersionScheme::Calver];

    /// The name in the config (`semver`, `calver`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            VersionScheme::Semver => "semver",
            VersionScheme::Calver => "calver",
        }
    }
}

/// Options of individual rules.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleOptions {
    /// How far a timeline Duration may differ from End − Start, in minutes.
    pub duration_tolerance_minutes: f64,
    /// Extra words that mean "not filled in yet" (besides `TBD`, `TODO`, `???`, ...).
    pub placeholder_words: Vec<String>,
    /// Extra regular expressions of secrets.
    pub secret_patterns: Vec<String>,
}

impl Default for RuleOptions {
    fn default() -> Self {
        Self {
            duration_tolerance_minutes: 1.0,
            placeholder_words: Vec::new(),
            secret_patterns: Vec::new(),
        }
    }
}

/// Quality-standard targets given in configuration, as threshold text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StandardTargets {
    /// Deployment success rate (`> 95%`).
    pub success_rate: Option<String>,
    /// Mean time to recovery (`< 15 min`).
    pub mttr: Option<String>,
    /// Change failure rate (`< 5%`).
    pub change_failure_rate: Option<String>,
    /// Lead time for changes (`< 1 hour`).
    pub lead_time: Option<String>,
}

impl Settings {
    /// Whether a rule is selected and not ignored: named by `select` (or, when `select`
    /// is empty, run by default) or by `extend-select`, and not named by `ignore`. An
    /// opt-in rule runs only when a pattern names it, as in ruff: its code, its name, a
    /// prefix of its code (`RL3`) or `ALL`.
    #[must_use]
    pub fn is_selected(&self, meta: &RuleMeta) -> bool {
        let matches = |pattern: &String| {
            let p = pattern.trim();
            p.eq_ignore_ascii_case("ALL")
                || p.eq_ignore_ascii_case(meta.name)
                || meta.code.starts_with(&p.to_ascii_uppercase())
        };
        let selected = if self.select.is_empty() {
            meta.default
        } else {
            self.select.iter().any(matches)
        };
        (selected || self.extend_select.iter().any(matches)) && !self.ignore.iter().any(matches)
    }

    /// The severity of a rule after configuration.
    #[must_use]
    pub fn severity_of(&self, meta: &RuleMeta, default: Severity) -> Severity {
        self.severities
            .get(meta.code)
            .or_else(|| self.severities.get(meta.name))
            .copied()
            .unwrap_or(default)
    }

    /// The schema: the configured template, else the embedded default.
    #[must_use]
    pub fn schema(&self) -> &Schema {
        self.schema
            .as_deref()
            .unwrap_or_else(|| Schema::default_template())
    }
}
