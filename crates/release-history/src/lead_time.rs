//! Lead time for changes (spec section 9): for a deployment whose version has a git
//! tag, every commit reachable from that tag and not from the previous matching tag
//! gives deployment time − commit time.

use std::path::{Path, PathBuf};

use gix::hash::ObjectId;
use gix::revision::walk::Sorting;
use gix::traverse::commit::simple::CommitTimeOrder;
use jiff::Timestamp;

use crate::error::{HistoryError, Result};
use crate::facts::Deployment;
use crate::tags::TagPattern;

/// A repository's tags, read once.
struct Tagged {
    path: PathBuf,
    repo: gix::Repository,
    /// Tag name → the commit it points at (annotated tags peeled).
    tags: Vec<(String, ObjectId)>,
}

/// The repositories a report reads commits from, and the tag patterns.
pub struct Repositories {
    repos: Vec<Tagged>,
    patterns: Vec<TagPattern>,
}

/// The commits of one deployment.
#[derive(Debug, Clone, PartialEq)]
pub struct Changes {
    /// The tag that names the release.
    pub tag: String,
    /// The previous matching tag, when there is one.
    pub previous: Option<String>,
    /// Deployment time − commit time of each commit, in minutes.
    pub minutes: Vec<f64>,
}

impl Repositories {
    /// Open each repository (in order: the first with a matching tag is used) and read
    /// its tags.
    ///
    /// # Errors
    ///
    /// A path is not a git repository, or its tags cannot be read.
    pub fn open(paths: &[PathBuf], patterns: Vec<TagPattern>) -> Result<Self> {
        let repos = paths.iter().map(|p| open_one(p)).collect::<Result<_>>()?;
        Ok(Self { repos, patterns })
    }

    /// How many repositories there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.repos.len()
    }

    /// Whether no repository was given.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.repos.is_empty()
    }

    /// The commits of `deployment`: `None` when it has no version or no repository has
    /// a tag for it.
    ///
    /// # Errors
    ///
    /// The commits cannot be walked.
    pub fn changes(&self, deployment: &Deployment) -> Result<Option<Changes>> {
        let Some(version) = &deployment.version else {
            return Ok(None);
        };
        for repo in &self.repos {
            for pattern in &self.patterns {
                let component = &deployment.component;
                let mut tip = None;
                let mut previous: Option<(semver::Version, &str, ObjectId)> = None;
                for (name, id) in &repo.tags {
                    let Some(v) = pattern.version_of(name, component) else {
                        continue;
                    };
                    if &v == version {
                        tip = Some((name.as_str(), *id));
                    } else if &v < version && previous.as_ref().is_none_or(|(p, ..)| &v > p) {
                        previous = Some((v, name.as_str(), *id));
                    }
                }
                let Some((tag, id)) = tip else { continue };
                let minutes = walk(repo, id, previous.as_ref().map(|p| p.2), deployment.time)?;
                return Ok(Some(Changes {
                    tag: tag.to_owned(),
                    previous: previous.map(|p| p.1.to_owned()),
                    minutes,
                }));
            }
        }
        Ok(None)
    }
}

fn open_one(path: &Path) -> Result<Tagged> {
    let repo = gix::open_opts(path, gix::open::Options::isolated()).map_err(|e| {
        HistoryError::NotARepository {
            path: path.to_path_buf(),
            reason: e.to_string(),
        }
    })?;
    let git = |e: &dyn std::fmt::Display| HistoryError::Git {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    let mut tags = Vec::new();
    let platform = repo.references().map_err(|e| git(&e))?;
    for reference in platform.tags().map_err(|e| git(&e))? {
        let mut reference = reference.map_err(|e| git(&e))?;
        let name = reference.name().shorten().to_string();
        // A tag of a tree or a blob names no release.
        if let Ok(commit) = reference.peel_to_commit() {
            tags.push((name, commit.id));
        }
    }
    tags.sort();
    Ok(Tagged {
        path: path.to_path_buf(),
        repo,
        tags,
    })
}

/// Deployment time − commit time, in minutes, of every commit reachable from `tip` and
/// not from `hidden`.
fn walk(
    repo: &Tagged,
    tip: ObjectId,
    hidden: Option<ObjectId>,
    deployed: Timestamp,
) -> Result<Vec<f64>> {
    let git = |e: &dyn std::fmt::Display| HistoryError::Git {
        path: repo.path.clone(),
        reason: e.to_string(),
    };
    let walk = repo
        .repo
        .rev_walk([tip])
        .sorting(Sorting::ByCommitTime(CommitTimeOrder::NewestFirst))
        .with_hidden(hidden)
        .all()
        .map_err(|e| git(&e))?;
    let deployed = deployed.as_second();
    let mut minutes = Vec::new();
    for info in walk {
        let info = info.map_err(|e| git(&e))?;
        let committed = match info.commit_time {
            Some(t) => t,
            None => {
                info.object()
                    .and_then(|c| c.time())
                    .map_err(|e| git(&e))?
                    .seconds
            }
        };
        minutes.push((deployed - committed) as f64 / 60.0);
    }
    Ok(minutes)
}
