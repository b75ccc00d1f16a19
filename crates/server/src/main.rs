//! `huiyin`: serve, migrate, create-admin, seed-demo, stats-rebuild, stats-check, openapi.

use clap::{Parser, Subcommand};
use huiyin::worker::{self, Worker};
use huiyin::{bootstrap, telemetry, Application, Settings};
use huiyin_domain::role::Role;
use huiyin_store::jobs::QueuePolicy;
use huiyin_store::org::users::{self, CreateUser};
use huiyin_store::Store;

#[derive(Parser)]
#[command(name = "huiyin", version, about = "Huiyin 回音 — customer-service centre platform")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Migrate the database and serve the API, the docs and the SPA.
    Serve {
        /// Address to listen on (overrides HUIYIN_BIND).
        #[arg(long)]
        bind: Option<String>,
        /// On an empty database, create the demo organisation, demo data and admin/admin123.
        #[arg(long)]
        demo: bool,
        /// Do not run the background worker in this process (run `huiyin worker` elsewhere).
        #[arg(long)]
        no_worker: bool,
    },
    /// Run only the background worker (deadlines, scheduled visits, deliveries).
    Worker,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Create an administrator account.
    CreateAdmin {
        #[arg(long)]
        username: String,
        #[arg(long)]
        password: String,
    },
    /// Fill an empty database with the demo organisation and a month of cases.
    SeedDemo,
    /// Recompute the statistics roll-ups from the cases (after a bulk load, or as a check).
    StatsRebuild,
    /// Compute the statistics from the roll-ups and from a scan of the cases, compare and time them
    /// (the last whole month and the twelve whole months before it, Beijing time).
    StatsCheck,
    /// Print the OpenAPI document.
    Openapi,
}

#[actix_web::main]
async fn main() -> std::process::ExitCode {
    match run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn worker_for(settings: &Settings, store: Store) -> Worker {
    let policy = QueuePolicy {
        lease: settings.job_lease,
        backoff_base: settings.job_backoff,
        ..QueuePolicy::default()
    };
    let handler = worker::handler_with(
        store.clone(),
        settings.webhook_timeout,
        settings.api.webhook_allowed_networks.clone(),
    );
    Worker::new(store, policy, settings.worker_tick, handler)
}

async fn serve(settings: Settings, store: Store, demo: bool, no_worker: bool) -> anyhow::Result<()> {
    bootstrap::ensure_admin(&store, demo).await?;
    if !no_worker {
        tokio::spawn(worker_for(&settings, store.clone()).run());
    }
    let app = Application::build_with_store(settings.clone(), store).await?;
    println!(
        "Huiyin is serving on http://{} (API docs at /docs)",
        settings.bind.replace(":0", &format!(":{}", app.port()))
    );
    app.run_until_stopped().await?;
    Ok(())
}

/// Compares every statistics call on the last month and the last twelve months, answered from
/// the roll-ups and from a scan of the cases; fails when any answer differs.
async fn stats_check(store: &Store) -> anyhow::Result<()> {
    use chrono::{Datelike, Months};
    let today = huiyin_domain::time::business_day(huiyin_store::now());
    let this_month = today.with_day(1).unwrap_or(today);
    let month_from = this_month.checked_sub_months(Months::new(1)).unwrap_or(this_month);
    let year_from = this_month.checked_sub_months(Months::new(12)).unwrap_or(this_month);
    let to = this_month.pred_opt().unwrap_or(this_month);
    let month = month_from.format("%Y-%m").to_string();
    let mut all_equal = true;
    println!("| call | roll-ups ms | scan ms | equal |\n|---|---:|---:|---|");
    for (label, from, report) in [("month", month_from, Some(month.as_str())), ("year", year_from, None)] {
        for line in huiyin_store::stats::check::compare(&store.db, label, from, to, report).await? {
            all_equal &= line.equal;
            println!(
                "| {} | {:.1} | {:.1} | {} |",
                line.call, line.rolled_ms, line.scan_ms, line.equal
            );
        }
    }
    if !all_equal {
        anyhow::bail!("the roll-ups disagree with a scan of the cases");
    }
    Ok(())
}

async fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    if let Command::Openapi = cli.command {
        print!("{}", huiyin_api::openapi_json());
        return Ok(());
    }
    telemetry::init();
    let mut settings = Settings::from_env()?;
    let store = Store::connect_with(&settings.database_url, settings.db_connections).await?;
    store.migrate().await?;
    match cli.command {
        Command::Serve { bind, demo, no_worker } => {
            if let Some(bind) = bind {
                settings.bind = bind;
            }
            serve(settings, store, demo, no_worker).await?;
        }
        Command::Worker => worker_for(&settings, store).run().await,
        Command::Migrate => println!("Database is up to date."),
        Command::CreateAdmin { username, password } => {
            let user = users::create_unchecked(
                &store.db,
                CreateUser {
                    username,
                    password,
                    display_name: "Administrator".into(),
                    role: Role::Admin,
                    phone: None,
                    department_id: None,
                    project_ids: vec![],
                },
            )
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("Created administrator '{}'.", user.user.username);
        }
        Command::SeedDemo => {
            huiyin::seed::seed_demo(&store.db, bootstrap::DEMO_ADMIN.1).await?;
            println!("Demo data created.");
        }
        Command::StatsRebuild => {
            let started = std::time::Instant::now();
            let n = huiyin_store::stats::rollup::rebuild_all(&store.db).await?;
            println!(
                "Rebuilt the statistics roll-ups of {n} cases in {:.1} s.",
                started.elapsed().as_secs_f64()
            );
        }
        Command::StatsCheck => stats_check(&store).await?,
        Command::Openapi => {}
    }
    Ok(())
}
