//! `release-lint new`: a new release document from a template and values.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use clap::ValueEnum;
use release_gen::{Template, Values};

use crate::args::StageArg;
use crate::Status;

/// Arguments of `release-lint new`.
#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// Write the document to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Values (YAML, or JSON for `.json`): the release-doc model, or the output of
    /// `release-lint parse`. See `release-lint schema values`.
    #[arg(long, value_name = "FILE")]
    pub values: Option<PathBuf>,
    /// Set one value, after the values file: `path.to.key=value` (`overview.release_type=Minor`,
    /// `risks.rows[0].owner=Priya`, `'scope.changes=[One, Two]'`). Repeatable.
    #[arg(long = "set", value_name = "PATH=VALUE")]
    pub set: Vec<String>,
    /// Render this minijinja template instead of the embedded one (flat `{{var}}`
    /// templates like the seed work too).
    #[arg(long, value_name = "FILE")]
    pub template: Option<PathBuf>,
    /// The lifecycle stage the document declares (frontmatter `stage`; default `draft`).
    #[arg(long, value_enum)]
    pub stage: Option<StageArg>,
    /// Overwrite the output file if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

pub fn run(args: &NewArgs) -> Result<Status> {
    let (mut values, values_name) = match &args.values {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("{}: cannot read values file", path.display()))?;
            let name = path.display().to_string();
            (Values::from_text(&name, &text)?, name)
        }
        None => (Values::new(), "--set".to_owned()),
    };
    for set in &args.set {
        values.set(set)?;
    }
    if let Some(stage) = args.stage {
        if let Some(value) = stage.to_possible_value() {
            values.set_stage(value.get_name());
        }
    }
    let template = match &args.template {
        Some(path) => Template::load(path)?,
        None => Template::embedded(),
    };
    let document = release_gen::render(&template, &values, &values_name)?;
    // The document publishes what it is given: say so when that is a credential,
    // naming the field and never the value.
    for (field, kind) in super::new_credentials::credential_fields(values.as_json()) {
        eprintln!(
            "warning: {values_name}: `{field}` looks like a credential ({kind}); it is \
             written as given, but a release document is no place for it: refer to a \
             secret store instead"
        );
    }
    match &args.output {
        Some(path) => write_atomically(path, &document, args.force)?,
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(document.as_bytes())?;
            out.flush()?;
        }
    }
    Ok(Status::Clean)
}

#[cfg(unix)]
fn default_permissions(file: &std::fs::File) -> Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    let mut permissions = file.metadata()?.permissions();
    permissions.set_mode(0o644);
    Ok(permissions)
}

#[cfg(not(unix))]
fn default_permissions(file: &std::fs::File) -> Result<std::fs::Permissions> {
    Ok(file.metadata()?.permissions())
}

/// Write `text` to `path` through a temporary file in the same folder and a rename, so
/// a reader never sees half a document; an existing file is kept unless `force`.
fn write_atomically(path: &Path, text: &str, force: bool) -> Result<()> {
    if !force && path.exists() {
        bail!(
            "{}: already exists; pass --force to overwrite it",
            path.display()
        );
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".release-lint-new-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| format!("{}: cannot create a temporary file", dir.display()))?;
    // On a full disk (or over a file size limit) the write fails; dropping `tmp` removes it.
    tmp.as_file_mut()
        .write_all(text.as_bytes())
        .with_context(|| format!("{}: cannot write", path.display()))?;
    // The temporary file is private (0600); the document gets the permissions of the
    // file it replaces, or the usual ones of a new file.
    let permissions = match std::fs::metadata(path) {
        Ok(existing) => existing.permissions(),
        Err(_) => default_permissions(tmp.as_file())?,
    };
    tmp.as_file().set_permissions(permissions)?;
    tmp.as_file()
        .sync_all()
        .with_context(|| format!("{}: cannot write", path.display()))?;
    let persisted = if force {
        tmp.persist(path)
    } else {
        tmp.persist_noclobber(path)
    };
    persisted.map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            anyhow::anyhow!(
                "{}: already exists; pass --force to overwrite it",
                path.display()
            )
        } else {
            anyhow::Error::new(e.error).context(format!("{}: cannot write", path.display()))
        }
    })?;
    Ok(())
}
