//! Serves the built SPA: files from the static directory, `index.html` for client-side routes.
//! Hashed assets (`/assets/…`) are cached for a year; `index.html` is never cached, so a new
//! release is picked up on the next load.

use std::path::{Component, Path, PathBuf};

use actix_files::NamedFile;
use actix_web::http::header::{HeaderValue, CACHE_CONTROL};
use actix_web::{web, HttpRequest, HttpResponse, ResponseError};
use huiyin_api::error::ApiError;

pub struct SpaDir(pub PathBuf);

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

pub async fn serve(req: HttpRequest, dir: web::Data<SpaDir>) -> HttpResponse {
    let path = req.path();
    if path.starts_with("/api/") || path == "/api" {
        return ApiError::NotFound.error_response();
    }
    let candidate = safe_join(&dir.0, path).filter(|p| p.is_file());
    let (file, cache) = match candidate {
        Some(file) if path.starts_with("/assets/") => (file, "public, max-age=31536000, immutable"),
        Some(file) if !file.ends_with("index.html") => (file, "public, max-age=3600"),
        _ => (dir.0.join("index.html"), "no-cache"),
    };
    match NamedFile::open_async(&file).await {
        Ok(named) => {
            let mut response = named.into_response(&req);
            response
                .headers_mut()
                .insert(CACHE_CONTROL, HeaderValue::from_static(cache));
            response
        }
        Err(_) => ApiError::NotFound.error_response(),
    }
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
}
