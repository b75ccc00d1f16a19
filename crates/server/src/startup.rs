//! Building and running the HTTP server. `Application::build` binds first and exposes the
//! port, so tests run the real application on port 0.

use std::net::TcpListener;

use actix_cors::Cors;
use actix_web::dev::Server;
use actix_web::http::header;
use actix_web::middleware::{from_fn, Compress};
use actix_web::{web, App, HttpServer};
use huiyin_api::AppState;
use huiyin_store::Store;
use tracing_actix_web::TracingLogger;

use crate::config::Settings;
use crate::spa::{self, Spa};

pub struct Application {
    port: u16,
    server: Server,
    pub store: Store,
}

impl Application {
    /// Connects to and migrates the database, then binds `settings.bind`.
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        let store = Store::connect_with(&settings.database_url, settings.db_connections).await?;
        store.migrate().await?;
        Self::build_with_store(settings, store).await
    }

    pub async fn build_with_store(settings: Settings, store: Store) -> anyhow::Result<Self> {
        std::fs::create_dir_all(&settings.api.attachments_dir)?;
        let listener = TcpListener::bind(&settings.bind)
            .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", settings.bind))?;
        let port = listener.local_addr()?.port();
        let state = web::Data::new(AppState::new(store.clone(), settings.api.clone(), &settings.jwt_secret));
        let spa_dir = web::Data::new(Spa::choose(settings.static_dir.as_deref()));
        let origins = settings.cors_origins.clone();
        let docs = settings.api.docs_enabled;
        let server = HttpServer::new(move || {
            let mut cors = Cors::default()
                .allowed_methods(["GET", "POST", "PATCH", "PUT", "DELETE"])
                .allowed_headers([
                    header::AUTHORIZATION,
                    header::CONTENT_TYPE,
                    header::IF_MATCH,
                    header::HeaderName::from_static("idempotency-key"),
                    header::HeaderName::from_static("x-requested-with"),
                ])
                .expose_headers([
                    header::ETAG,
                    header::RETRY_AFTER,
                    header::HeaderName::from_static("x-request-id"),
                ])
                .max_age(3600);
            for origin in &origins {
                cors = cors.allowed_origin(origin);
            }
            App::new()
                .app_data(state.clone())
                .app_data(spa_dir.clone())
                .wrap(Compress::default())
                .wrap(cors)
                .wrap(from_fn(huiyin_api::middleware::metrics::record))
                .wrap(from_fn(huiyin_api::middleware::request_id::echo))
                .wrap(from_fn(huiyin_api::middleware::security_headers::add))
                .wrap(TracingLogger::default())
                .configure(huiyin_api::configure_with(docs))
                .default_service(web::to(spa::serve))
        })
        // Without it a keep-alive client waited 40 ms for the end of every response larger than
        // one write (Nagle's algorithm against the client's delayed ACK): `make bench` measured
        // the daily trend at 48 ms with keep-alive and 3 ms without.
        .tcp_nodelay(true)
        .listen(listener)?
        .shutdown_timeout(30)
        .run();
        Ok(Application { port, server, store })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Runs until SIGINT/SIGTERM; in-flight requests are allowed to finish.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}
