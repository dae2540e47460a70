//! What `jiceng analyze` reads: files named on the command line, the matching files of folders (recursively,
//! sorted, so runs are repeatable), or standard input.

use anyhow::{Context, Result};
use globset::{Glob, GlobMatcher};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// One document to analyze.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    /// The document's id in the output: its path as given, or `-` for standard input.
    pub fn id(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(path) => path.display().to_string(),
        }
    }

    /// The document's bytes; the error says why they could not be read.
    pub fn read(&self) -> Result<Vec<u8>, String> {
        match self {
            Input::Stdin => {
                let mut bytes = Vec::new();
                io::stdin().read_to_end(&mut bytes).map(|_| bytes).map_err(|e| e.to_string())
            }
            Input::File(path) => std::fs::read(path).map_err(|e| e.to_string()),
        }
    }
}

/// Expands `paths` into inputs: a folder gives its files whose name matches `glob` (recursively, sorted); a file
/// is taken as it is, whatever its name; no paths at all means standard input.
pub fn collect(paths: &[PathBuf], glob: &str) -> Result<Vec<Input>> {
    if paths.is_empty() {
        return Ok(vec![Input::Stdin]);
    }
    let matcher = Glob::new(glob).with_context(|| format!("invalid --glob {glob}"))?.compile_matcher();
    let mut inputs = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut files = Vec::new();
            walk(path, &matcher, &mut files).with_context(|| format!("cannot read folder {}", path.display()))?;
            files.sort();
            inputs.extend(files.into_iter().map(Input::File));
        } else {
            inputs.push(Input::File(path.clone()));
        }
    }
    Ok(inputs)
}

fn walk(dir: &Path, glob: &GlobMatcher, files: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, glob, files)?;
        } else if path.file_name().is_some_and(|name| glob.is_match(name)) {
            files.push(path);
        }
    }
    Ok(())
}
