//! Finding and loading configuration: `--config FILE` for every document, or the closest
//! `release-lint.toml` walking up from each document's folder (discovery cached per
//! folder, each file loaded once), or none with `--no-config`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use anyhow::Result;
use release_rules::config::{self, Config, ConfigError};
use release_rules::Settings;

use crate::output::Failure;

/// A loaded configuration file and the settings it gives.
#[derive(Debug)]
pub struct Loaded {
    config: Config,
    /// The settings, before command-line overrides.
    pub settings: Settings,
}

impl Loaded {
    /// Read and check `path`; the failure names the file, line and column.
    fn load(path: &Path) -> Result<Self, Failure> {
        let config = Config::load(path).map_err(|e| bad_configuration(&e))?;
        let settings = config.settings().map_err(|e| bad_configuration(&e))?;
        Ok(Self { config, settings })
    }

    /// Whether the configuration's `exclude` globs match `path` (or a folder it is in).
    pub fn is_excluded(&self, path: &Path) -> bool {
        self.config.is_excluded(path)
    }

    /// The configuration's `max-file-size` in bytes, when it sets one.
    pub fn max_file_size(&self) -> Option<u64> {
        self.config.max_file_size()
    }

    /// The configuration's `docs-url`, when it sets one.
    pub fn docs_url(&self) -> Option<&str> {
        self.config.docs_url()
    }

    /// The configuration's `history` folder, when it sets one.
    pub fn history(&self) -> Option<&Path> {
        self.config.history()
    }

    /// The configuration's `[report] repos`, made absolute.
    pub fn report_repos(&self) -> &[PathBuf] {
        self.config.report_repos()
    }

    /// The configuration's `[report] tag-patterns`, each with where it is written.
    pub fn tag_patterns(&self) -> &[(String, release_doc::LineCol)] {
        self.config.tag_patterns()
    }

    /// Where the configuration file is.
    pub fn path(&self) -> &Path {
        self.config.path()
    }

    /// Whether the configuration's `include` globs match `path`.
    pub fn is_included(&self, path: &Path) -> bool {
        self.config.is_included(path)
    }
}

/// A bad configuration file, as the failure of the files it governs.
fn bad_configuration(err: &ConfigError) -> Failure {
    Failure {
        path: err.path().display().to_string(),
        at: err.location(),
        message: format!(
            "bad configuration: {}; expected {}",
            err.what(),
            err.expected()
        ),
    }
}

/// A configuration, or why it could not be used.
type Lookup = Result<Option<Arc<Loaded>>, Failure>;

/// The configurations of a run.
#[derive(Debug)]
pub enum Configs {
    /// `--config FILE`.
    Explicit(Arc<Loaded>),
    /// `--no-config`.
    Disabled,
    /// The closest config file of each document.
    Discover {
        /// Folder → its configuration (or the error loading it).
        by_dir: Mutex<HashMap<PathBuf, Lookup>>,
        /// Config file → loaded once, shared by every folder it governs.
        by_file: Mutex<HashMap<PathBuf, Lookup>>,
    },
}

impl Configs {
    /// `--config FILE` (loaded now: a bad one fails the run), or discovery, or none at
    /// all (`--no-config`).
    pub fn new(explicit: Option<&Path>, disabled: bool) -> Result<Self> {
        if disabled {
            return Ok(Configs::Disabled);
        }
        match explicit {
            Some(path) => {
                if !path.is_file() {
                    anyhow::bail!("{}: no such configuration file", path.display());
                }
                let loaded = Loaded::load(path).map_err(|f| anyhow::anyhow!("{f}"))?;
                Ok(Configs::Explicit(Arc::new(loaded)))
            }
            None => Ok(Configs::Discover {
                by_dir: Mutex::default(),
                by_file: Mutex::default(),
            }),
        }
    }

    /// The configuration that applies to the document at `path`; an error names the
    /// configuration file and what is wrong with it.
    pub fn for_file(&self, path: &Path) -> Lookup {
        match self {
            Configs::Explicit(loaded) => Ok(Some(loaded.clone())),
            Configs::Disabled => Ok(None),
            Configs::Discover { by_dir, by_file } => {
                let dir = match path.parent() {
                    Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
                    _ => PathBuf::from("."),
                };
                // Held while discovering and loading: each folder and file is done once,
                // and loading is quick next to checking.
                let mut by_dir = by_dir.lock().unwrap_or_else(|e| e.into_inner());
                if let Some(found) = by_dir.get(&dir) {
                    return found.clone();
                }
                let found = match config::discover(&dir) {
                    None => Ok(None),
                    Some(file) => {
                        let mut by_file = by_file.lock().unwrap_or_else(|e| e.into_inner());
                        by_file
                            .entry(file.clone())
                            .or_insert_with(|| {
                                Loaded::load(&shorten(&file)).map(|l| Some(Arc::new(l)))
                            })
                            .clone()
                    }
                };
                by_dir.insert(dir, found.clone());
                found
            }
        }
    }
}

/// `path` relative to the current directory when it is below it (for shorter messages).
fn shorten(path: &Path) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
}
