//! `release-lint.toml`: every key, unknown keys and bad values (with their line),
//! discovery, include/exclude globs and the template.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use release_rules::config::{discover, init_text, Config, ConfigError, ConfigErrorKind};
use release_rules::{check, resolve_stage, Document, Severity, Stage};

/// A fresh folder under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "release-lint-config-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        Self(dir)
    }

    /// Write `text` at `rel` (creating folders); return the path.
    fn write(&self, rel: &str, text: &str) -> PathBuf {
        let path = self.0.join(rel);
        std::fs::create_dir_all(path.parent().expect("has a parent")).expect("folders");
        std::fs::write(&path, text).expect("write");
        path
    }

    fn mkdir(&self, rel: &str) -> PathBuf {
        let path = self.0.join(rel);
        std::fs::create_dir_all(&path).expect("folders");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const PATH: &str = "/repo/release-lint.toml";

fn parse(text: &str) -> Result<Config, ConfigError> {
    Config::parse(text, Path::new(PATH))
}

fn error(text: &str) -> ConfigError {
    match parse(text) {
        Ok(_) => panic!("expected an error for:\n{text}"),
        Err(e) => e,
    }
}

const EVERY_KEY: &str = r#"
default-stage = "ready"
version-scheme = "calver"
include = ["releases/**/*.md"]
exclude = ["releases/archive/**"]

[rules]
select = ["ALL", "RL2", "unchecked-prerequisite"]
extend-select = ["RL310", "template-hint-kept"]
ignore = ["RL009"]
severity = { RL201 = "warning", "unused-suppression" = "info" }

[rules.options]
duration-tolerance-minutes = 2.5
placeholder-words = ["PENDING", " TBC "]
secret-patterns = ["corp_[A-Za-z0-9]{32}"]

[standards]
success-rate = "> 95%"
mttr = "< 15 min"
change-failure-rate = "< 5%"
lead-time = "< 1 hour"
"#;

#[test]
fn every_key_reaches_the_settings() {
    let config = parse(EVERY_KEY).expect("valid config");
    assert_eq!(config.path(), Path::new(PATH));
    assert_eq!(config.include(), ["releases/**/*.md"]);
    assert_eq!(config.exclude(), ["releases/archive/**"]);
    let s = config.settings().expect("no template to read");
    assert_eq!(s.stage, None, "`--stage` belongs to the command line");
    assert_eq!(s.default_stage, Some(Stage::Ready));
    assert_eq!(s.select, ["ALL", "RL2", "unchecked-prerequisite"]);
    assert_eq!(s.extend_select, ["RL310", "template-hint-kept"]);
    assert_eq!(s.ignore, ["RL009"]);
    // Names are stored by code, which is what the engine looks up first.
    assert_eq!(s.severities.get("RL201"), Some(&Severity::Warning));
    assert_eq!(s.severities.get("RL009"), Some(&Severity::Info));
    assert_eq!(s.severities.len(), 2);
    assert!((s.options.duration_tolerance_minutes - 2.5).abs() < f64::EPSILON);
    assert_eq!(s.options.placeholder_words, ["PENDING", "TBC"]);
    assert_eq!(s.options.secret_patterns, ["corp_[A-Za-z0-9]{32}"]);
    assert_eq!(s.standards.success_rate.as_deref(), Some("> 95%"));
    assert_eq!(s.standards.mttr.as_deref(), Some("< 15 min"));
    assert_eq!(s.standards.change_failure_rate.as_deref(), Some("< 5%"));
    assert_eq!(s.standards.lead_time.as_deref(), Some("< 1 hour"));
    assert!(s.schema.is_none(), "no template: the built-in one");
    assert_eq!(s.version_scheme, release_rules::VersionScheme::Calver);
}

#[test]
fn an_empty_file_is_the_default_behaviour() {
    let s = parse("").expect("valid").settings().expect("settings");
    let d = release_rules::Settings::default();
    assert_eq!(s.default_stage, d.default_stage);
    assert_eq!(s.select, d.select);
    assert_eq!(s.extend_select, d.extend_select);
    assert_eq!(s.ignore, d.ignore);
    assert_eq!(s.severities, d.severities);
    assert_eq!(s.options, d.options);
    assert_eq!(s.standards, d.standards);
    assert_eq!(s.version_scheme, release_rules::VersionScheme::Semver);
}

#[test]
fn the_init_text_is_valid_and_gives_the_defaults() {
    let s = parse(init_text())
        .expect("init text parses")
        .settings()
        .expect("settings");
    assert_eq!(s.default_stage, Some(Stage::Planned));
    assert!(
        s.select.is_empty(),
        "the default rules, not the opt-in ones"
    );
    assert!(s.extend_select.is_empty());
    assert!(s.ignore.is_empty() && s.severities.is_empty());
    assert_eq!(s.options, release_rules::settings::RuleOptions::default());
    assert_eq!(s.standards, Default::default());
    assert!(s.schema.is_none());
    assert_eq!(s.version_scheme, release_rules::VersionScheme::Semver);
}

#[test]
fn the_init_text_with_its_examples_uncommented_is_valid() {
    // Every `# key = value` line of the init text, uncommented, must be valid too.
    let uncommented: String = init_text()
        .lines()
        .map(|l| match l.strip_prefix("# ") {
            Some(rest) if rest.contains(" = ") && !rest.starts_with("template") => rest,
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert_ne!(uncommented, init_text());
    let s = parse(&uncommented)
        .expect("valid")
        .settings()
        .expect("settings");
    assert_eq!(s.standards.mttr.as_deref(), Some("< 15 min"));
}

#[test]
fn config_settings_drive_the_check() {
    let doc = Document::parse(
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../fixtures/rules/RL201/bad.md"
        ))
        .expect("fixture"),
    );
    let severities = |text: &str| -> Vec<(String, Severity)> {
        let settings = parse(text).expect("valid").settings().expect("settings");
        check(&doc, &settings)
            .into_iter()
            .filter(|d| d.code == "RL201")
            .map(|d| (d.code.to_owned(), d.severity))
            .collect()
    };
    let default = severities("");
    assert!(!default.is_empty() && default.iter().all(|(_, s)| *s == Severity::Error));
    let lowered = severities("[rules]\nseverity = { unchecked-prerequisite = \"info\" }\n");
    assert!(lowered.iter().all(|(_, s)| *s == Severity::Info));
    assert_eq!(lowered.len(), default.len());
    assert!(severities("[rules]\nignore = [\"RL2\"]\n").is_empty());
    assert!(severities("[rules]\nselect = [\"RL0\"]\n").is_empty());
}

#[test]
fn default_stage_comes_after_the_frontmatter_and_the_flag() {
    let settings = parse("default-stage = \"closed\"\n")
        .expect("valid")
        .settings()
        .expect("settings");
    let without = Document::parse("---\nphase: deployment\n---\n# Release\n");
    let with = Document::parse("---\nphase: deployment\nstage: draft\n---\n# Release\n");
    assert_eq!(resolve_stage(&without, &settings).stage, Stage::Closed);
    assert_eq!(resolve_stage(&with, &settings).stage, Stage::Draft);
    let flag = release_rules::Settings {
        stage: Some(Stage::Ready),
        ..settings
    };
    assert_eq!(resolve_stage(&with, &flag).stage, Stage::Ready);
}

// --- unknown keys and bad values ---------------------------------------------------

#[track_caller]
fn assert_error(text: &str, kind: ConfigErrorKind, line: usize, shown: &str) {
    let e = error(text);
    assert_eq!(e.kind(), kind, "{e}");
    assert_eq!(e.location().map(|at| at.line), Some(line), "{e}");
    let rendered = e.to_string();
    assert!(rendered.contains(shown), "`{rendered}` lacks `{shown}`");
    assert!(
        rendered.starts_with(&format!("{PATH}:{line}:")),
        "{rendered}"
    );
    assert!(rendered.contains("; expected "), "{rendered}");
}

#[test]
fn history_and_links_root_are_folders_of_the_config() {
    let config = parse("history = \"releases/\"\n[links]\nroot = \"wiki\"\n").expect("valid");
    assert_eq!(config.history(), Some(Path::new("/repo/releases/")));
    let settings = config.settings().expect("settings");
    assert_eq!(
        settings.links_root.as_deref(),
        Some(Path::new("/repo/wiki"))
    );
    // Found as a relative path, they stay relative to the current directory.
    let relative =
        Config::parse("history = \"releases\"\n", Path::new("release-lint.toml")).expect("valid");
    assert_eq!(relative.history(), Some(Path::new("releases")));
    let none = parse("").expect("valid");
    assert_eq!(none.history(), None);
    assert_eq!(none.settings().expect("settings").links_root, None);

    let e = error("history = \" \"\n");
    assert_eq!(e.to_string(), format!("{PATH}:1:11: empty `history`; expected a folder, relative to the config's folder, such as `releases/`"));
    let e = error("[links]\nroot = \"\"\n");
    assert_eq!(e.location().map(|at| at.line), Some(2));
    let e = error("[links]\nfolder = \"wiki\"\n");
    assert_eq!(
        e.to_string(),
        format!("{PATH}:2:1: unknown key `folder` in `[links]`; expected `root`")
    );
}

#[test]
fn an_unknown_key_is_named_with_its_line() {
    let e = error("include = []\ndefualt-stage = \"planned\"\n");
    assert_eq!(e.kind(), ConfigErrorKind::UnknownKey);
    assert_eq!(
        e.to_string(),
        format!(
            "{PATH}:2:1: unknown key `defualt-stage`; expected one of `default-stage`, `require-outcome`, \
             `include`, `exclude`, `template`, `max-file-size`, `version-scheme`, `docs-url`, `history`, `links`, `rules`, `standards`, `sections`, `report`"
        )
    );
}

#[test]
fn unknown_keys_in_tables_name_the_table() {
    let u = ConfigErrorKind::UnknownKey;
    assert_error(
        "[rules]\nselect = []\nselct = []\n",
        u,
        3,
        "unknown key `selct` in `[rules]`",
    );
    assert_error(
        "[rules.options]\n\nduration-tolerance = 1\n",
        u,
        3,
        "unknown key `duration-tolerance` in `[rules.options]`",
    );
    assert_error(
        "[standards]\nmtbf = \"> 1 day\"\n",
        u,
        2,
        "unknown key `mtbf` in `[standards]`",
    );
    assert_error("[ruels]\n", u, 1, "unknown key `ruels`;");
}

#[test]
fn bad_values_are_named_with_their_line() {
    let bad = ConfigErrorKind::InvalidValue;
    assert_error(
        "\n\nversion-scheme = \"romver\"\n",
        bad,
        3,
        "bad version scheme `romver` for `version-scheme`; expected `semver` or `calver`",
    );
    assert_error(
        "\ndefault-stage = \"shipped\"\n",
        bad,
        2,
        "bad stage value `shipped` for `default-stage`; expected `draft`, `planned`, `ready`, `deployed` or `closed`",
    );
    assert_error(
        "[rules]\nseverity = { RL201 = \"fatal\" }\n",
        bad,
        2,
        "bad severity `fatal` for `RL201`; expected `error`, `warning` or `info`",
    );
    assert_error(
        "[rules]\nseverity = { RL999 = \"error\" }\n",
        bad,
        2,
        "unknown rule `RL999` in `rules.severity` (did you mean `RL009`?)",
    );
    assert_error(
        "[rules]\nseverity = { RL201 = \"info\", unchecked-prerequisite = \"error\" }\n",
        bad,
        2,
        "a second severity for `RL201`",
    );
    assert_error(
        "[rules]\nselect = [\n  \"RL2\",\n  \"RL299x\",\n]\n",
        bad,
        4,
        "unknown rule `RL299x` in `rules.select`",
    );
    assert_error(
        "[rules]\nextend-select = [\"RL3100\"]\n",
        bad,
        2,
        "unknown rule `RL3100` in `rules.extend-select` (did you mean `RL310`?)",
    );
    assert_error(
        "[rules]\nignore = [\"no-such-rule\"]\n",
        bad,
        2,
        "unknown rule `no-such-rule` in `rules.ignore` (did you mean `",
    );
    assert_error(
        "[rules]\nignore = [\"unused-supression\"]\n",
        bad,
        2,
        "unknown rule `unused-supression` in `rules.ignore` (did you mean `unused-suppression`, RL009?)",
    );
    assert_error(
        "[rules]\nselect = [\"RL9\"]\n",
        bad,
        2,
        "unknown rule `RL9`",
    );
    assert_error(
        "[rules.options]\nsecret-patterns = [\"ok\", \"corp_(\"]\n",
        bad,
        2,
        "invalid regex `corp_(` in `secret-patterns`: unclosed group",
    );
    assert_error(
        "[rules.options]\nplaceholder-words = [\" \"]\n",
        bad,
        2,
        "empty entry in `placeholder-words`",
    );
    assert_error(
        "[rules.options]\nplaceholder-words = [\"OK\", \"NOT YET\"]\n",
        bad,
        2,
        "placeholder word `NOT YET` is not a single word",
    );
    assert_error(
        "[rules.options]\nduration-tolerance-minutes = -1\n",
        bad,
        2,
        "bad `duration-tolerance-minutes` `-1`",
    );
    assert_error(
        "include = [\"releases/[ab\"]\n",
        bad,
        1,
        "bad glob `releases/[ab` in `include`",
    );
    assert_error(
        "exclude = [\"a/{b\"]\n",
        bad,
        1,
        "bad glob `a/{b` in `exclude`",
    );
    assert_error(
        "[standards]\nsuccess-rate = \"95%\"\n",
        bad,
        2,
        "bad threshold `95%` for `standards.success-rate`; expected a comparator and a number",
    );
    assert_error(
        "[standards]\nmttr = \"< 15%\"\n",
        bad,
        2,
        "threshold `< 15%` for `standards.mttr` is in the wrong unit; expected a time",
    );
    assert_error(
        "[standards]\nchange-failure-rate = \"< 5 min\"\n",
        bad,
        2,
        "expected a percentage",
    );
    assert_error(
        "[standards]\nlead-time = \"< 1\"\n",
        bad,
        2,
        "expected a time",
    );
}

#[test]
fn docs_url_is_an_absolute_url() {
    assert_eq!(parse("").expect("valid").docs_url(), None);
    let config = parse("docs-url = \"https://example.com/rules/\"\n").expect("valid");
    assert_eq!(config.docs_url(), Some("https://example.com/rules"));
    for bad in ["docs/rules", "https://", "https://a b", "ftp://x"] {
        let e = error(&format!("docs-url = \"{bad}\"\n"));
        assert_eq!(e.kind(), ConfigErrorKind::InvalidValue, "{e}");
        assert!(
            e.to_string().starts_with(&format!(
                "{PATH}:1:12: bad URL `{bad}` for `docs-url`; expected an absolute"
            )),
            "{e}"
        );
    }
}

#[test]
fn max_file_size_is_a_size_in_bytes() {
    assert_eq!(parse("").expect("valid").max_file_size(), None);
    let config = parse("max-file-size = \"512KB\"\n").expect("valid");
    assert_eq!(config.max_file_size(), Some(512 * 1024));
    let config = parse("max-file-size = \"1048576\"\n").expect("valid");
    assert_eq!(config.max_file_size(), Some(1 << 20));
    let bad = ConfigErrorKind::InvalidValue;
    for (value, col) in [("ten", 17), ("5TB", 17), ("99999999999GB", 17), ("", 17)] {
        let text = format!("include = []\nmax-file-size = \"{value}\"\n");
        let e = error(&text);
        assert_eq!(e.kind(), bad, "{e}");
        assert_eq!(
            e.to_string(),
            format!(
                "{PATH}:2:{col}: bad size `{value}` for `max-file-size`; expected bytes, \
                 or a number with `KB`, `MB` or `GB` (binary units), such as `10MB`"
            )
        );
    }
    assert_error(
        "max-file-size = 10\n",
        ConfigErrorKind::Syntax,
        1,
        "invalid type: integer `10`; expected a string",
    );
}

#[test]
fn wrong_types_and_broken_toml_are_syntax_errors() {
    let syntax = ConfigErrorKind::Syntax;
    assert_error(
        "default-stage = 3\n",
        syntax,
        1,
        "invalid type: integer `3`; expected a string",
    );
    assert_error(
        "\ninclude = \"releases/*.md\"\n",
        syntax,
        2,
        "expected an array",
    );
    assert_error(
        "[rules]\nseverity = [\"RL201\"]\n",
        syntax,
        2,
        "expected a table",
    );
    assert_error(
        "[rules.options]\nduration-tolerance-minutes = \"1\"\n",
        syntax,
        2,
        "invalid type",
    );
    assert_error("[rules\n", syntax, 1, "unclosed table");
    assert_error(
        "default-stage = \"ready\"\ndefault-stage = \"closed\"\n",
        syntax,
        2,
        "duplicate key `default-stage`; expected each key at most once per table",
    );
    assert_error("[rules]\n[rules]\n", syntax, 2, "duplicate key `rules`");
}

#[test]
fn rule_selectors_accept_codes_prefixes_names_and_all() {
    for selector in [
        "ALL",
        "all",
        "RL201",
        "rl201",
        "RL2",
        "RL20",
        "RL4",
        "unchecked-prerequisite",
    ] {
        let text = format!("[rules]\nselect = [\"{selector}\"]\nignore = [\"{selector}\"]\n");
        assert!(parse(&text).is_ok(), "{selector}");
    }
}

#[test]
fn an_unreadable_config_names_the_file() {
    let dir = TempDir::new();
    let missing = dir.0.join("release-lint.toml");
    let e = Config::load(&missing).expect_err("no such file");
    assert_eq!(e.kind(), ConfigErrorKind::Read);
    assert_eq!(e.location(), None);
    let shown = e.to_string();
    assert!(
        shown.starts_with(&format!("{}: cannot read the config", missing.display())),
        "{shown}"
    );
    assert!(std::error::Error::source(&e).is_some());
}

// --- template -----------------------------------------------------------------------

#[test]
fn the_template_is_read_relative_to_the_config() {
    let dir = TempDir::new();
    dir.write(
        "docs/release-template.md",
        "# Deployment & Release Process Template\n\n## Overview\n\n**Release**: [Name]\n\n## Team Notes\n\nFree text.\n",
    );
    let config = dir.write(
        "release-lint.toml",
        "template = \"docs/release-template.md\"\n",
    );
    let settings = Config::load(&config)
        .expect("valid")
        .settings()
        .expect("template read");
    let schema = settings.schema.expect("a template was configured");
    assert!(schema.source().contains("## Team Notes"));
    assert!(schema.sections().len() < release_rules::Schema::default_template().sections().len());
}

#[test]
fn an_unreadable_template_is_an_error_naming_it() {
    let dir = TempDir::new();
    let config = dir.write(
        "release-lint.toml",
        "include = []\ntemplate = \"docs/missing.md\"\n",
    );
    let config = Config::load(&config).expect("the config itself is valid");
    let e = config.settings().expect_err("template missing");
    assert_eq!(e.kind(), ConfigErrorKind::Read);
    assert_eq!(e.location().map(|at| (at.line, at.column)), Some((2, 12)));
    assert!(
        e.to_string()
            .contains("cannot read template `docs/missing.md`"),
        "{e}"
    );
}

// --- discovery ----------------------------------------------------------------------

#[test]
fn discovery_finds_the_closest_config() {
    let dir = TempDir::new();
    dir.mkdir(".git");
    let root = dir.write("release-lint.toml", "");
    let team = dir.write("teams/payments/.release-lint.toml", "");
    let deep = dir.mkdir("teams/payments/releases/2024");
    let other = dir.mkdir("teams/search/releases");
    assert_eq!(discover(&deep), Some(team.clone()));
    assert_eq!(discover(&dir.0.join("teams/payments")), Some(team));
    assert_eq!(discover(&other), Some(root.clone()));
    assert_eq!(discover(&dir.0), Some(root));
}

#[test]
fn discovery_prefers_the_name_without_a_dot() {
    let dir = TempDir::new();
    dir.mkdir(".git");
    dir.write(".release-lint.toml", "");
    let plain = dir.write("release-lint.toml", "");
    assert_eq!(discover(&dir.0), Some(plain));
}

#[test]
fn discovery_stops_at_the_repository_root() {
    let dir = TempDir::new();
    dir.write("release-lint.toml", "");
    dir.mkdir("repo/.git");
    let inside = dir.mkdir("repo/releases");
    assert_eq!(
        discover(&inside),
        None,
        "the config above the repository is not used"
    );
    // A `.git` file (worktree, submodule) marks a root as well.
    dir.write("other/.git", "gitdir: elsewhere\n");
    assert_eq!(discover(&dir.mkdir("other/a")), None);
    // The root's own config is used.
    let own = dir.write("repo/release-lint.toml", "");
    assert_eq!(discover(&inside), Some(own));
}

#[test]
fn discovery_ignores_a_folder_named_like_a_config() {
    let dir = TempDir::new();
    dir.mkdir(".git");
    dir.mkdir("sub/release-lint.toml");
    let dotted = dir.write(".release-lint.toml", "");
    assert_eq!(discover(&dir.0.join("sub")), Some(dotted));
}

// --- include / exclude --------------------------------------------------------------

#[test]
fn include_and_exclude_globs_are_relative_to_the_config() {
    let config = parse(
        "include = [\"releases/**/*.md\", \"./RELEASE.md\"]\nexclude = [\"releases/archive/**\", \"drafts\"]\n",
    )
    .expect("valid");
    let inc = |p: &str| config.is_included(Path::new(p));
    let exc = |p: &str| config.is_excluded(Path::new(p));
    assert!(inc("/repo/releases/v1.md"));
    assert!(inc("/repo/releases/2024/q1/v1.md"));
    assert!(inc("/repo/RELEASE.md"));
    assert!(inc("/repo/docs/../releases/v1.md"), "`..` is resolved");
    assert!(!inc("/repo/releases/v1.txt"));
    assert!(
        !inc("/repo/docs/releases/v1.md"),
        "relative to the config's folder"
    );
    assert!(
        !inc("/elsewhere/releases/v1.md"),
        "outside the config's folder"
    );
    assert!(!inc("/repo/sub/RELEASE.md"));
    assert!(exc("/repo/releases/archive/old.md"));
    assert!(exc("/repo/releases/archive/2019/old.md"));
    assert!(!exc("/repo/releases/v1.md"));
    assert!(
        exc("/repo/drafts/wip.md"),
        "a folder glob excludes what is inside it"
    );
    assert!(!exc("/repo/other/drafts.md"));
}

#[test]
fn a_single_star_stays_within_a_folder() {
    let config = parse("include = [\"releases/*.md\"]\n").expect("valid");
    assert!(config.is_included(Path::new("/repo/releases/v1.md")));
    assert!(!config.is_included(Path::new("/repo/releases/2024/v1.md")));
}

#[test]
fn no_globs_include_or_exclude_nothing() {
    let config = parse("").expect("valid");
    assert!(!config.is_included(Path::new("/repo/releases/v1.md")));
    assert!(!config.is_excluded(Path::new("/repo/releases/v1.md")));
}

#[test]
fn relative_paths_are_taken_from_the_current_directory() {
    let cwd = std::env::current_dir().expect("cwd");
    let config = Config::parse(
        "include = [\"fixtures/**/*.md\"]\n",
        &cwd.join("release-lint.toml"),
    )
    .expect("valid");
    assert!(config.is_included(Path::new("fixtures/clean/draft.md")));
    // A config given by a relative path has the current directory as its folder.
    let relative =
        Config::parse("exclude = [\"fixtures\"]\n", Path::new("release-lint.toml")).expect("valid");
    assert!(relative.is_excluded(&cwd.join("fixtures/clean/draft.md")));
}

#[test]
fn a_loaded_config_matches_files_in_its_folder() {
    let dir = TempDir::new();
    dir.mkdir(".git");
    let path = dir.write("release-lint.toml", "include = [\"releases/**/*.md\"]\n");
    let file = dir.write("releases/2024/v2.md", "# notes\n");
    let found = discover(file.parent().expect("folder")).expect("config found");
    assert_eq!(found, path);
    let config = Config::load(&found).expect("valid");
    assert!(config.is_included(&file));
}

#[test]
fn require_outcome_makes_the_key_due_from_deployed() {
    let doc = Document::parse("---\nphase: deployment\nstage: deployed\n---\n# Release\n");
    let missing_outcome = |config: &str| {
        let settings = parse(config).expect("valid").settings().expect("settings");
        check(&doc, &settings)
            .iter()
            .any(|d| d.code == "RL104" && d.message.contains("`outcome`"))
    };
    assert!(!missing_outcome(""));
    assert!(missing_outcome("require-outcome = true\n"));
}

#[test]
fn section_aliases_name_template_sections() {
    let settings = parse("[sections]\naliases = { \"Rollback\" = \"rollback plan\" }\n")
        .expect("valid")
        .settings()
        .expect("settings");
    assert_eq!(
        settings.section_aliases,
        [("Rollback".to_owned(), release_doc::SectionId::RollbackPlan)]
    );
    let e = error("[sections]\naliases = { \"Rollback\" = \"Rolback Plan\" }\n");
    assert!(
        e.to_string().contains(
            "`Rolback Plan` is not a section of the template (did you mean `Rollback Plan`?)"
        ),
        "{e}"
    );
    assert!(e.to_string().starts_with(&format!("{PATH}:2:")), "{e}");
}

#[test]
fn report_repos_are_relative_to_the_config_and_patterns_keep_their_place() {
    let config = parse(
        "[report]\nrepos = [\".\", \"../ledger\"]\ntag-patterns = [\"{component}@{version}\"]\n",
    )
    .unwrap();
    let base = Path::new(PATH).parent().unwrap();
    let repos: Vec<PathBuf> = config.report_repos().to_vec();
    assert_eq!(repos.len(), 2);
    assert!(
        repos[0].is_absolute() && repos[0].ends_with(base.join(".")),
        "{repos:?}"
    );
    assert!(repos[1].ends_with("../ledger"), "{repos:?}");
    let patterns = config.tag_patterns();
    assert_eq!(patterns[0].0, "{component}@{version}");
    assert_eq!((patterns[0].1.line, patterns[0].1.column), (3, 17));
    assert_eq!(
        error("[report]\nrepo = []\n").kind(),
        ConfigErrorKind::UnknownKey
    );
}
