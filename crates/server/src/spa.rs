//! Serves the built SPA: from the binary itself (embedded at build time by `build.rs`), or from
//! `HUIYIN_STATIC_DIR` when that is set (development: a rebuilt SPA without a rebuilt server).
//! Client-side routes get `index.html`. Hashed assets (`/assets/…`) are cached for a year;
//! `index.html` is never cached, so a new release is picked up on the next load.

use std::path::{Component, Path, PathBuf};

use actix_files::NamedFile;
use actix_web::http::header::{HeaderValue, CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{web, HttpRequest, HttpResponse, ResponseError};
use huiyin_api::error::ApiError;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/spa_assets.rs"));
}

/// Where the console's files come from.
pub enum Spa {
    /// A directory on disk (`HUIYIN_STATIC_DIR`).
    Dir(PathBuf),
    /// The files built into the binary.
    Embedded,
    /// Neither: `/` answers 404 (the API still works).
    Missing,
}

impl Spa {
    /// The directory when one is configured, else the embedded files when the build had them.
    /// Logs one warning when there is nothing to serve.
    pub fn choose(configured: Option<&Path>) -> Spa {
        match configured {
            Some(dir) => {
                if !dir.join("index.html").is_file() {
                    tracing::warn!(
                        dir = %dir.display(),
                        "HUIYIN_STATIC_DIR has no index.html: the console at / will answer 404"
                    );
                }
                Spa::Dir(dir.to_owned())
            }
            None if embedded_file("index.html").is_some() => Spa::Embedded,
            None => {
                tracing::warn!(
                    "this binary was built without the SPA (run `make build`) and HUIYIN_STATIC_DIR is not set: \
                     the console at / will answer 404, the API works"
                );
                Spa::Missing
            }
        }
    }
}

fn embedded_file(path: &str) -> Option<&'static [u8]> {
    embedded::ASSETS
        .binary_search_by(|(name, _)| (*name).cmp(path))
        .ok()
        .map(|i| embedded::ASSETS[i].1)
}

fn safe_join(root: &Path, request_path: &str) -> Option<PathBuf> {
    let mut path = root.to_path_buf();
    for component in Path::new(request_path.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => path.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(path)
}

/// How long a browser may keep a file: hashed assets forever, `index.html` never.
fn cache_control(request_path: &str, is_index: bool) -> &'static str {
    if is_index {
        "no-cache"
    } else if request_path.starts_with("/assets/") {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=3600"
    }
}

pub async fn serve(req: HttpRequest, spa: web::Data<Spa>) -> HttpResponse {
    let path = req.path();
    if path.starts_with("/api/") || path == "/api" {
        return ApiError::NotFound.error_response();
    }
    match spa.get_ref() {
        Spa::Dir(dir) => serve_from_dir(&req, dir).await,
        Spa::Embedded => serve_embedded(path),
        Spa::Missing => ApiError::NotFound.error_response(),
    }
}

async fn serve_from_dir(req: &HttpRequest, dir: &Path) -> HttpResponse {
    let path = req.path();
    let (file, is_index) = match safe_join(dir, path).filter(|p| p.is_file()) {
        Some(file) => {
            let is_index = file.ends_with("index.html");
            (file, is_index)
        }
        None => (dir.join("index.html"), true),
    };
    match NamedFile::open_async(&file).await {
        Ok(named) => {
            let mut response = named.into_response(req);
            response
                .headers_mut()
                .insert(CACHE_CONTROL, HeaderValue::from_static(cache_control(path, is_index)));
            response
        }
        Err(_) => ApiError::NotFound.error_response(),
    }
}

fn serve_embedded(path: &str) -> HttpResponse {
    let name = path.trim_start_matches('/');
    let (name, bytes) = match embedded_file(name).filter(|_| !name.is_empty()) {
        Some(bytes) => (name, bytes),
        None => match embedded_file("index.html") {
            Some(bytes) => ("index.html", bytes),
            None => return ApiError::NotFound.error_response(),
        },
    };
    let is_index = name == "index.html";
    let extension = Path::new(name).extension().and_then(|e| e.to_str()).unwrap_or("");
    let mime = actix_files::file_extension_to_mime(extension);
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, mime.to_string()))
        .insert_header((CACHE_CONTROL, cache_control(path, is_index)))
        .body(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_leave_the_static_directory() {
        let root = Path::new("/srv/spa");
        assert_eq!(
            safe_join(root, "/assets/app.js"),
            Some(PathBuf::from("/srv/spa/assets/app.js"))
        );
        assert_eq!(safe_join(root, "/../etc/passwd"), None);
        assert_eq!(safe_join(root, "/assets/../../x"), None);
    }

    #[test]
    fn hashed_assets_are_kept_and_the_index_is_not() {
        assert_eq!(
            cache_control("/assets/index-abc.js", false),
            "public, max-age=31536000, immutable"
        );
        assert_eq!(cache_control("/cases/1", true), "no-cache");
        assert_eq!(cache_control("/favicon.svg", false), "public, max-age=3600");
    }

    #[test]
    fn embedded_names_are_sorted_for_lookup() {
        assert!(embedded::ASSETS.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
