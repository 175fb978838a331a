//! Writing files atomically: a temporary file in the same folder, then a rename (or a
//! hard link, which fails instead of replacing an existing file).

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

/// Whether an existing file may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    /// Fail when the file exists.
    Never,
    /// Replace it.
    Allowed,
}

/// Write `contents` to `path` in one step; readers see the old file or the new one,
/// never a part. `executable` sets mode 0755 on Unix.
pub fn write_atomic(
    path: &Path,
    contents: &[u8],
    replace: Replace,
    executable: bool,
) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .with_context(|| format!("{}: not a file name", path.display()))?;
    let tmp = (0..100u32)
        .find_map(|n| {
            let mut tmp_name = std::ffi::OsString::from(".");
            tmp_name.push(name);
            tmp_name.push(format!(".{}.{n}.tmp", std::process::id()));
            let tmp = dir.join(tmp_name);
            OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&tmp)
                .ok()
                .map(|file| (tmp, file))
        })
        .with_context(|| format!("{}: cannot create a temporary file", dir.display()));
    let (tmp, mut file) = tmp?;
    let result = (|| -> Result<()> {
        file.write_all(contents)?;
        #[cfg(unix)]
        if executable {
            use std::os::unix::fs::PermissionsExt;
            file.set_permissions(fs::Permissions::from_mode(0o755))?;
        }
        #[cfg(not(unix))]
        let _ = executable;
        file.sync_all()?;
        drop(file);
        match replace {
            Replace::Allowed => fs::rename(&tmp, path)?,
            Replace::Never => {
                if let Err(err) = fs::hard_link(&tmp, path) {
                    if path.exists() {
                        bail!("{} already exists", path.display());
                    }
                    return Err(err.into());
                }
                fs::remove_file(&tmp)?;
            }
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.with_context(|| format!("cannot write {}", path.display()))
}

/// Replace the existing file `path` with `contents` in one step (a temporary file in the
/// same folder, synced, then renamed over it), keeping the file's permissions.
pub fn replace_keeping_mode(path: &Path, contents: &[u8]) -> Result<()> {
    let permissions = fs::metadata(path)
        .with_context(|| format!("cannot write {}", path.display()))?
        .permissions();
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .with_context(|| format!("{}: not a file name", path.display()))?;
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    let write = || -> Result<()> {
        let mut file = tempfile::Builder::new()
            .prefix(&prefix)
            .suffix(".tmp")
            .tempfile_in(dir)?;
        file.write_all(contents)?;
        file.as_file().set_permissions(permissions.clone())?;
        file.as_file().sync_all()?;
        file.persist(path).map_err(|e| e.error)?;
        Ok(())
    };
    write().with_context(|| format!("cannot write {}", path.display()))
}

#[cfg(test)]
mod tests {
    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.md");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        super::replace_keeping_mode(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }

    use super::*;

    #[test]
    fn never_replaces_without_permission() {
        let dir = std::env::temp_dir().join(format!("rl-write-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("out.txt");
        let _ = fs::remove_file(&path);
        write_atomic(&path, b"one", Replace::Never, false).unwrap();
        let err = write_atomic(&path, b"two", Replace::Never, false).unwrap_err();
        assert!(format!("{err:#}").contains("already exists"), "{err:#}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "one");
        write_atomic(&path, b"three", Replace::Allowed, true).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "three");
        // No temporary file is left behind.
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        fs::remove_dir_all(&dir).unwrap();
    }
}
