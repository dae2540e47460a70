//! The manifest of an incremental run: for each document of a results file, the hash of the bytes it was
//! analyzed from, so that a later run analyzes only what is new or changed.
//!
//! It is a JSON Lines file beside the results (`results.jsonl.manifest`), one `{"id", "blake3"}` per line.

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, Serialize, Deserialize)]
struct Entry {
    id: String,
    blake3: String,
}

/// Content hashes by document id.
#[derive(Debug, Default)]
pub struct Manifest {
    hashes: HashMap<String, String>,
}

/// Where the manifest of `results` lives.
pub fn path_for(results: &Path) -> PathBuf {
    let mut name = results.as_os_str().to_owned();
    name.push(".manifest");
    PathBuf::from(name)
}

/// The hash the manifest keeps of a document's bytes.
pub fn hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

impl Manifest {
    /// Reads the manifest at `path`; an absent file is an empty manifest.
    pub fn load(path: &Path) -> Result<Self> {
        let Ok(file) = std::fs::File::open(path) else { return Ok(Self::default()) };
        let mut hashes = HashMap::new();
        for (i, line) in BufReader::new(file).lines().enumerate() {
            let line = line.with_context(|| format!("cannot read {}", path.display()))?;
            let entry: Entry = serde_json::from_str(&line)
                .with_context(|| format!("{} line {}: not a manifest entry", path.display(), i + 1))?;
            hashes.insert(entry.id, entry.blake3);
        }
        Ok(Self { hashes })
    }

    /// The hash recorded for `id`.
    pub fn get(&self, id: &str) -> Option<&str> {
        self.hashes.get(id).map(String::as_str)
    }

    /// Ids recorded in the manifest.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.hashes.keys().map(String::as_str)
    }

    /// Writes `entries` (id, hash) as the manifest at `path`, through a temporary file.
    pub fn save(path: &Path, entries: &[(String, String)]) -> Result<()> {
        let temporary = crate::output::temporary_path(path);
        let mut out = BufWriter::new(std::fs::File::create(&temporary)?);
        for (id, blake3) in entries {
            serde_json::to_writer(&mut out, &Entry { id: id.clone(), blake3: blake3.clone() })?;
            writeln!(out)?;
        }
        out.flush()?;
        drop(out);
        std::fs::rename(&temporary, path).with_context(|| format!("cannot write {}", path.display()))
    }
}
