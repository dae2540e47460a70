//! Where results go: standard output, or a file written under a temporary name and renamed when complete, so
//! that an interrupted run never leaves a truncated results file posing as complete.

use anyhow::{Context, Result};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// The temporary name a file is written under before it is renamed to `path`.
pub fn temporary_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".partial-{}", std::process::id()));
    PathBuf::from(name)
}

/// A destination for output.
pub struct Output {
    writer: Option<Box<dyn Write>>,
    /// (temporary, final) path of a file destination.
    file: Option<(PathBuf, PathBuf)>,
}

impl Output {
    /// Standard output when `path` is None, else a temporary file beside `path`.
    pub fn create(path: Option<&Path>) -> Result<Self> {
        match path {
            None => Ok(Self { writer: Some(Box::new(BufWriter::new(io::stdout().lock()))), file: None }),
            Some(path) => {
                let temporary = temporary_path(path);
                let file = std::fs::File::create(&temporary)
                    .with_context(|| format!("cannot create {}", temporary.display()))?;
                Ok(Self { writer: Some(Box::new(BufWriter::new(file))), file: Some((temporary, path.to_path_buf())) })
            }
        }
    }

    /// The writer to write to.
    pub fn writer(&mut self) -> &mut dyn Write {
        self.writer.as_mut().expect("the output is open until finished")
    }

    /// Flushes and, for a file, renames it to its final name.
    pub fn finish(mut self) -> Result<()> {
        if let Some(mut writer) = self.writer.take() {
            writer.flush()?;
        }
        if let Some((temporary, path)) = self.file.take() {
            std::fs::rename(&temporary, &path).with_context(|| format!("cannot write {}", path.display()))?;
        }
        Ok(())
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        // A run that failed midway leaves no partial file behind.
        if let Some((temporary, _)) = &self.file {
            let _ = std::fs::remove_file(temporary);
        }
    }
}
