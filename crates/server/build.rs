//! Embeds the built SPA (`frontend/dist`) into the binary, so `huiyin serve` started anywhere
//! serves the console. Written without a crate: a list of `include_bytes!` the server's
//! `spa` module reads. When the SPA has not been built the list is empty and the server says so
//! at start-up.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let dist = manifest.join("../../frontend/dist");
    // A directory is watched recursively: a rebuilt SPA re-embeds on the next cargo build. A
    // path that does not exist would re-run this script (and rebuild the server) on every build,
    // so before the first SPA build the whole `frontend/` folder is watched instead: building the
    // SPA changes it.
    let mut files = Vec::new();
    if dist.join("index.html").is_file() {
        println!("cargo:rerun-if-changed={}", dist.display());
        collect(&dist, &dist, &mut files);
    } else {
        println!("cargo:rerun-if-changed={}", manifest.join("../../frontend").display());
    }
    files.sort();
    let mut code = String::from(
        "/// The built SPA: (path below `frontend/dist`, contents).\npub static ASSETS: &[(&str, &[u8])] = &[\n",
    );
    for (relative, absolute) in &files {
        let _ = writeln!(
            code,
            "    ({relative:?}, include_bytes!({:?})),",
            absolute.display().to_string()
        );
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("spa_assets.rs");
    if let Err(e) = std::fs::write(&out, code) {
        panic!("cannot write {}: {e}", out.display());
    }
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, files);
        } else if let Ok(relative) = path.strip_prefix(root) {
            let relative = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            let absolute = path.canonicalize().unwrap_or(path.clone());
            files.push((relative, absolute));
        }
    }
}
