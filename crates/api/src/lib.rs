//! Huiyin's HTTP API: thin actix-web handlers over the store and domain, problem+json errors,
//! and the OpenAPI document generated from the handlers themselves.

pub mod auth;
pub mod docs;
pub mod error;
pub mod extract;
pub mod idempotent;
pub mod metrics;
pub mod middleware;
pub mod page;
pub mod routes;
pub mod state;

use std::sync::OnceLock;

use actix_web::{web, App, HttpResponse};
use utoipa::OpenApi;
use utoipa_actix_web::service_config::ServiceConfig;
use utoipa_actix_web::{scope, AppExt};
use utoipa_swagger_ui::SwaggerUi;

pub use state::{ApiConfig, AppState};

/// Every `/api/v1` resource.
fn api_v1(cfg: &mut ServiceConfig) {
    routes::auth::configure(cfg);
    routes::org::configure(cfg);
    routes::categories::configure(cfg);
    routes::customers::configure(cfg);
    routes::cases::configure(cfg);
    routes::audit::configure(cfg);
    routes::api_keys::configure(cfg);
    routes::stats::configure(cfg);
    routes::jobs::configure(cfg);
    routes::sla::configure(cfg);
    routes::process::configure(cfg);
    routes::visits::configure(cfg);
    routes::warnings::configure(cfg);
    routes::notifications::configure(cfg);
    routes::webhooks::configure(cfg);
    routes::resident::configure(cfg);
    routes::knowledge::configure(cfg);
    routes::reply_templates::configure(cfg);
    routes::stewardship::configure(cfg);
    routes::arrears::configure(cfg);
    routes::handovers::configure(cfg);
    routes::leads::configure(cfg);
    routes::works::configure(cfg);
}

fn platform(cfg: &mut ServiceConfig) {
    routes::health::configure(cfg);
}

/// The OpenAPI document, built from the handlers (no database or state needed).
pub fn openapi() -> &'static utoipa::openapi::OpenApi {
    static DOC: OnceLock<utoipa::openapi::OpenApi> = OnceLock::new();
    DOC.get_or_init(|| {
        let (_, mut api) = App::new()
            .into_utoipa_app()
            .openapi(docs::ApiDoc::openapi())
            .configure(platform)
            .service(scope::scope("/api/v1").configure(api_v1))
            .split_for_parts();
        // The derive's modifiers ran before utoipa-actix-web merged the handlers' paths in,
        // so the shared problem responses are applied to the finished document here.
        docs::apply_problem_responses(&mut api);
        api
    })
}

/// The document as pretty JSON with a trailing newline (the committed `openapi/openapi.json`).
pub fn openapi_json() -> String {
    let mut text = openapi().to_pretty_json().unwrap_or_default();
    text.push('\n');
    text
}

/// Registers the API, platform endpoints and Swagger UI on an actix `App` or scope.
pub fn configure(cfg: &mut web::ServiceConfig) {
    configure_with(true)(cfg)
}

/// [`configure`], with Swagger UI at `/docs` only when `docs` is on.
pub fn configure_with(docs: bool) -> impl Fn(&mut web::ServiceConfig) {
    move |cfg| {
        configure_api(cfg);
        if docs {
            configure_docs(cfg);
        }
    }
}

fn configure_docs(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/docs",
        web::get().to(|| async {
            HttpResponse::PermanentRedirect()
                .insert_header(("location", "/docs/"))
                .finish()
        }),
    )
    .service(SwaggerUi::new("/docs/{_:.*}").url("/api/v1/openapi.json", openapi().clone()));
}

fn configure_api(cfg: &mut web::ServiceConfig) {
    cfg.app_data(web::JsonConfig::default().error_handler(extract::json_error))
        .app_data(web::PathConfig::default().error_handler(extract::path_error))
        .service(
            web::scope("/api/v1")
                .wrap(actix_web::middleware::from_fn(auth::principal::authenticate))
                .wrap(actix_web::middleware::from_fn(middleware::statements::count))
                .configure(|c| api_v1(&mut ServiceConfig::new(c)))
                .route(
                    "/openapi.json",
                    web::get()
                        .to(|| async { HttpResponse::Ok().content_type("application/json").body(openapi_json()) }),
                )
                .default_service(web::to(error::not_found)),
        )
        .configure(|c| platform(&mut ServiceConfig::new(c)));
}
