//! Fault tests: the real `huiyin` binary as a process, with its database taken away under load.
//!
//! - PostgreSQL stopped in the middle of a stream of case creations (clients retry with the same
//!   `Idempotency-Key`) and started again: `/readyz` and the API answer 503 problem+json while it
//!   is down, the server recovers by itself, and every creation answered 201 is in the database
//!   exactly once. The cluster is a throw-away one (`initdb` in a temp dir, a free port), never
//!   the machine's shared service.
//! - SIGTERM during load: in-flight requests finish, new connections are refused, exit code 0.
//! - SQLite on a full disk (a file-size limit) and on a read-only data directory: clear errors,
//!   `PRAGMA integrity_check` still `ok`.
//!
//! PostgreSQL's server programs are looked up in `HUIYIN_PG_BIN`, then `pg_config --bindir`,
//! then the newest `/usr/lib/postgresql/*/bin`. `initdb` refuses to run as root, so when the
//! tests run as root the cluster belongs to the `postgres` user (`runuser`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test binary: failing loudly is the point

use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sea_orm::{ConnectionTrait, Database, Statement};
use serde_json::{json, Value};
use uuid::Uuid;

const ADMIN_PASSWORD: &str = "Fault-test-2026";

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A directory under the system temp dir, removed when dropped (also when a test fails).
struct TempDir(PathBuf);

impl std::ops::Deref for TempDir {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for TempDir {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn temp_dir(name: &str) -> TempDir {
    let dir = std::env::temp_dir().join(format!("huiyin-{name}-{}", Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    TempDir(dir)
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn run(command: &mut Command) -> String {
    let output = command.output().unwrap_or_else(|e| panic!("{command:?}: {e}"));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "{command:?} failed: {text}");
    text
}

// ---------------------------------------------------------------------------------------------
// A throw-away PostgreSQL cluster.

struct PgCluster {
    dir: TempDir,
    bin: PathBuf,
    port: u16,
    as_postgres: bool,
}

fn pg_bin_dir() -> PathBuf {
    if let Ok(dir) = std::env::var("HUIYIN_PG_BIN") {
        return PathBuf::from(dir);
    }
    if let Ok(out) = Command::new("pg_config").arg("--bindir").output() {
        let dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        if dir.join("initdb").exists() {
            return dir;
        }
    }
    let mut candidates: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_string_lossy().parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((version, bin))
        })
        .collect();
    candidates.sort();
    candidates
        .pop()
        .map(|(_, bin)| bin)
        .expect("PostgreSQL server programs (initdb, pg_ctl) not found: install postgresql or set HUIYIN_PG_BIN")
}

impl PgCluster {
    fn command(&self, program: &str) -> Command {
        let program = self.bin.join(program);
        if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(program);
            c
        } else {
            Command::new(program)
        }
    }

    fn init() -> Self {
        let dir = temp_dir("pg");
        let as_postgres = is_root();
        if as_postgres {
            run(Command::new("chown").args(["-R", "postgres:"]).arg(dir.as_os_str()));
        }
        let cluster = PgCluster {
            dir,
            bin: pg_bin_dir(),
            port: free_port(),
            as_postgres,
        };
        run(cluster
            .command("initdb")
            .args(["-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "-D"])
            .arg(cluster.dir.join("data")));
        cluster.start();
        cluster
    }

    fn url(&self, database: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{database}", self.port)
    }

    fn start(&self) {
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50",
            self.port,
            self.dir.display()
        );
        run(self
            .command("pg_ctl")
            .args(["-w", "-t", "30", "-D"])
            .arg(self.dir.join("data"))
            .args(["-l"])
            .arg(self.dir.join("log"))
            .args(["-o", &options, "start"]));
    }

    /// Stops at once, like a crash: connections are cut and nothing is flushed politely.
    fn stop_immediately(&self) {
        run(self
            .command("pg_ctl")
            .args(["-w", "-D"])
            .arg(self.dir.join("data"))
            .args(["-m", "immediate", "stop"]));
    }
}

impl Drop for PgCluster {
    fn drop(&mut self) {
        let _ = self
            .command("pg_ctl")
            .args(["-D"])
            .arg(self.dir.join("data"))
            .args(["-m", "immediate", "stop"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

// ---------------------------------------------------------------------------------------------
// The server as a process.

struct Server {
    child: Child,
    base: String,
    log: PathBuf,
}

fn server_command(data_dir: &Path, database_url: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_huiyin"));
    command
        .env("HUIYIN_DATA_DIR", data_dir)
        .env("DATABASE_URL", database_url)
        .env("HUIYIN_JWT_SECRET", "fault-test-secret-fault-test-secret!")
        .env("HUIYIN_STATIC_DIR", data_dir.join("no-spa"))
        .env("RUST_LOG", "warn")
        .env("HUIYIN_LOG_FORMAT", "json");
    command
}

impl Server {
    /// Creates the admin (which also migrates), then serves on a free port.
    fn start(data_dir: &Path, database_url: &str) -> Self {
        run(server_command(data_dir, database_url).args([
            "create-admin",
            "--username",
            "admin",
            "--password",
            ADMIN_PASSWORD,
        ]));
        Self::serve(server_command(data_dir, database_url), data_dir)
    }

    fn serve(mut command: Command, data_dir: &Path) -> Self {
        let port = free_port();
        let log = data_dir.join(format!("server-{port}.log"));
        let out = std::fs::File::create(&log).expect("log file");
        let err = out.try_clone().expect("log file");
        let child = command
            .args(["serve", "--no-worker", "--bind", &format!("127.0.0.1:{port}")])
            .stdout(out)
            .stderr(err)
            .spawn()
            .expect("spawn huiyin");
        Server {
            child,
            base: format!("http://127.0.0.1:{port}"),
            log,
        }
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    async fn wait_ready(&mut self, client: &reqwest::Client) {
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            if let Ok(r) = client.get(format!("{}/readyz", self.base)).send().await {
                if r.status() == 200 {
                    return;
                }
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("server exited with {status}: {}", self.log());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("server not ready: {}", self.log());
    }

    async fn login(&self, client: &reqwest::Client) -> String {
        let reply: Value = client
            .post(format!("{}/api/v1/auth/login", self.base))
            .json(&json!({"username": "admin", "password": ADMIN_PASSWORD}))
            .send()
            .await
            .expect("login")
            .json()
            .await
            .expect("login body");
        reply["access_token"].as_str().expect("token").to_owned()
    }

    fn terminate(&self) {
        run(Command::new("kill").args(["-TERM", &self.child.id().to_string()]));
    }

    async fn wait_exit(&mut self, limit: Duration) -> ExitStatus {
        let deadline = Instant::now() + limit;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status;
            }
            assert!(Instant::now() < deadline, "server did not exit: {}", self.log());
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .expect("client")
}

async fn create_project(client: &reqwest::Client, base: &str, token: &str) -> String {
    let reply: Value = client
        .post(format!("{base}/api/v1/projects"))
        .bearer_auth(token)
        .json(&json!({"name": "翠湖花园", "code": "CH", "address": "深圳市南山区"}))
        .send()
        .await
        .expect("project")
        .json()
        .await
        .expect("project body");
    reply["id"]
        .as_str()
        .unwrap_or_else(|| panic!("project: {reply}"))
        .to_owned()
}

fn case_body(project: &str, n: usize) -> Value {
    json!({"kind": "complaint", "channel": "phone", "project_id": project,
        "title": format!("夜间施工噪音 {n}"), "description": "晚上十一点后仍在施工"})
}

fn assert_problem(status: u16, content_type: &str, body: &str, expected: u16) {
    assert_eq!(status, expected, "{body}");
    assert!(
        content_type.starts_with("application/problem+json"),
        "{content_type}: {body}"
    );
    let problem: Value = serde_json::from_str(body).unwrap_or_else(|_| panic!("not JSON: {body}"));
    assert_eq!(problem["status"], expected, "{body}");
}

// ---------------------------------------------------------------------------------------------

/// One logical creation: retried with the same key until it is answered 201. A creation that
/// needed retries is sent once more afterwards: the replay must name the same case.
async fn create_until_created(
    client: &reqwest::Client,
    base: &str,
    token: &str,
    body: &Value,
    give_up: Instant,
    outage_answers: &Mutex<Vec<(u16, String, String)>>,
) -> Option<String> {
    let key = Uuid::now_v7().to_string();
    let send = || {
        client
            .post(format!("{base}/api/v1/cases"))
            .bearer_auth(token)
            .header("Idempotency-Key", &key)
            .timeout(Duration::from_secs(15))
            .json(body)
            .send()
    };
    let created_id = |text: &str| {
        serde_json::from_str::<Value>(text)
            .ok()
            .and_then(|v| v["id"].as_str().map(str::to_owned))
            .unwrap_or_else(|| panic!("201 without id: {text}"))
    };
    let mut retried = false;
    while Instant::now() < give_up {
        let response = send()
            .await
            .unwrap_or_else(|e| panic!("the server must answer while the database is down: {e:?}"));
        let status = response.status().as_u16();
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let text = response.text().await.unwrap_or_default();
        if status == 201 {
            let id = created_id(&text);
            if retried {
                let replay = send().await.expect("replay");
                assert_eq!(replay.status().as_u16(), 201);
                assert_eq!(created_id(&replay.text().await.unwrap_or_default()), id);
            }
            return Some(id);
        }
        if let Ok(mut answers) = outage_answers.lock() {
            answers.push((status, content_type, text));
        }
        retried = true;
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    None
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn postgres_outage_under_load_loses_and_duplicates_nothing() {
    let pg = PgCluster::init();
    let data_dir = temp_dir("fault-pg-data");
    let mut server = Server::start(&data_dir, &pg.url("postgres"));
    let client = client();
    server.wait_ready(&client).await;
    let token = server.login(&client).await;
    let project = create_project(&client, &server.base, &token).await;

    // Four clients create cases one after another for the whole test.
    let stop = Arc::new(AtomicBool::new(false));
    let answers = Arc::new(Mutex::new(Vec::new()));
    let mut clients = Vec::new();
    for c in 0..4 {
        let (client, base, token, project) = (client.clone(), server.base.clone(), token.clone(), project.clone());
        let (stop, answers) = (stop.clone(), answers.clone());
        clients.push(tokio::spawn(async move {
            let mut created = Vec::new();
            let mut n = 0;
            while !stop.load(Ordering::SeqCst) {
                let body = case_body(&project, c * 1000 + n);
                let give_up = Instant::now() + Duration::from_secs(60);
                let id = create_until_created(&client, &base, &token, &body, give_up, &answers).await;
                created.push(id.unwrap_or_else(|| panic!("creation {c}/{n} never answered 201")));
                n += 1;
            }
            created
        }));
    }

    tokio::time::sleep(Duration::from_millis(1500)).await;
    pg.stop_immediately();
    let down_at = Instant::now();

    // While it is down: readiness says 503, and the API answers 503 problem+json promptly.
    let mut saw_unready = false;
    while down_at.elapsed() < Duration::from_secs(15) {
        let started = Instant::now();
        let r = client
            .get(format!("{}/readyz", server.base))
            .send()
            .await
            .expect("readyz answers");
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "readyz took {:?}",
            started.elapsed()
        );
        if r.status() == 503 {
            let ct = r
                .headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            assert_problem(503, &ct, &r.text().await.unwrap_or_default(), 503);
            saw_unready = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(saw_unready, "readyz never reported the outage");
    let started = Instant::now();
    let r = client
        .get(format!("{}/api/v1/cases", server.base))
        .bearer_auth(&token)
        .send()
        .await
        .expect("the API answers while the database is down");
    let took = started.elapsed();
    let ct = r
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert_eq!(
        r.headers().get("retry-after").map(|v| v.as_bytes().to_vec()),
        Some(b"5".to_vec())
    );
    assert_problem(r.status().as_u16(), &ct, &r.text().await.unwrap_or_default(), 503);
    assert!(
        took < Duration::from_secs(6),
        "a request during the outage took {took:?}"
    );

    tokio::time::sleep(Duration::from_secs(2)).await;
    pg.start();
    let back_at = Instant::now();
    loop {
        let ready = client
            .get(format!("{}/readyz", server.base))
            .send()
            .await
            .map(|r| r.status() == 200);
        if ready.unwrap_or(false) {
            break;
        }
        assert!(
            back_at.elapsed() < Duration::from_secs(5),
            "not ready 5 s after the database came back: {}",
            server.log()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let recovered_in = back_at.elapsed();

    // Let the stream run on a little after recovery, then stop it.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    stop.store(true, Ordering::SeqCst);
    let mut created = Vec::new();
    for c in clients {
        created.extend(c.await.expect("client task"));
    }

    let answers = answers.lock().map(|a| a.clone()).unwrap_or_default();
    assert!(!answers.is_empty(), "no creation met the outage");
    for (status, content_type, body) in &answers {
        assert_problem(*status, content_type, body, 503);
    }

    // Every 201 is in the database exactly once, and nothing else was created.
    let db = Database::connect(pg.url("postgres")).await.expect("connect");
    let rows = db
        .query_all(Statement::from_string(
            db.get_database_backend(),
            "SELECT id::text AS id FROM cases".to_owned(),
        ))
        .await
        .expect("cases");
    let mut in_db: Vec<String> = rows
        .iter()
        .map(|r| r.try_get::<String>("", "id").expect("id"))
        .collect();
    in_db.sort();
    created.sort();
    let distinct = {
        let mut d = created.clone();
        d.dedup();
        d
    };
    assert_eq!(
        distinct.len(),
        created.len(),
        "two creations were answered with the same case"
    );
    assert_eq!(in_db, created, "the database holds exactly the cases answered 201");
    eprintln!(
        "{} cases created across the outage, {} answers 503 while down, ready again {:?} after the database",
        created.len(),
        answers.len(),
        recovered_in
    );
    db.close().await.ok();
    drop(server);
}

// ---------------------------------------------------------------------------------------------

/// Sends a create with its body in two halves, `pause` apart, over a plain socket (so the
/// request is certainly in flight during the pause), and returns the response's status.
fn slow_create(port: u16, token: &str, body: &str, pause: Duration, sent: std::sync::mpsc::Sender<()>) -> u16 {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(30))).ok();
    let head = format!(
        "POST /api/v1/cases HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let (first, rest) = body.as_bytes().split_at(body.len() / 2);
    stream.write_all(head.as_bytes()).expect("write head");
    stream.write_all(first).expect("write first half");
    stream.flush().ok();
    sent.send(()).ok();
    std::thread::sleep(pause);
    stream.write_all(rest).expect("write second half");
    let mut response = String::new();
    stream.read_to_string(&mut response).ok();
    response
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no HTTP answer: {response:?}"))
}

async fn sqlite_rows(url: &str, sql: &str) -> Vec<sea_orm::QueryResult> {
    let db = Database::connect(url).await.expect("open SQLite");
    let rows = db
        .query_all(Statement::from_string(db.get_database_backend(), sql.to_owned()))
        .await
        .expect("query");
    db.close().await.ok();
    rows
}

async fn integrity_check(url: &str) -> String {
    let rows = sqlite_rows(url, "PRAGMA integrity_check").await;
    rows.iter()
        .map(|r| r.try_get_by_index::<String>(0).unwrap_or_default())
        .collect::<Vec<_>>()
        .join("; ")
}

async fn count_cases(url: &str) -> i64 {
    let rows = sqlite_rows(url, "SELECT count(*) FROM cases").await;
    rows.first()
        .and_then(|r| r.try_get_by_index::<i64>(0).ok())
        .unwrap_or(-1)
}

fn sqlite_url(data_dir: &Path) -> String {
    format!("sqlite://{}/huiyin.db?mode=rwc", data_dir.display())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigterm_lets_in_flight_requests_finish_refuses_new_ones_and_exits_zero() {
    let data_dir = temp_dir("fault-sigterm");
    let url = sqlite_url(&data_dir);
    let mut server = Server::start(&data_dir, &url);
    let client = client();
    server.wait_ready(&client).await;
    let token = server.login(&client).await;
    let project = create_project(&client, &server.base, &token).await;
    let port: u16 = server
        .base
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .expect("port");

    // Background load: reads in a loop until the server goes away; none may be a 5xx.
    let load = {
        let (client, base, token) = (client.clone(), server.base.clone(), token.clone());
        tokio::spawn(async move {
            let mut answered = 0;
            loop {
                match client
                    .get(format!("{base}/api/v1/cases?limit=5"))
                    .bearer_auth(&token)
                    .send()
                    .await
                {
                    Ok(r) => {
                        assert!(!r.status().is_server_error(), "{} during shutdown", r.status());
                        answered += 1;
                    }
                    Err(_) => return answered,
                }
            }
        })
    };

    // Requests in flight when the signal arrives: half their body is sent, the rest follows later.
    let (sent_tx, sent_rx) = std::sync::mpsc::channel();
    let in_flight: Vec<_> = (0..6)
        .map(|n| {
            let (token, body, sent) = (token.clone(), case_body(&project, n).to_string(), sent_tx.clone());
            std::thread::spawn(move || slow_create(port, &token, &body, Duration::from_millis(1500), sent))
        })
        .collect();
    for _ in 0..6 {
        sent_rx.recv_timeout(Duration::from_secs(10)).expect("request started");
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    server.terminate();
    tokio::time::sleep(Duration::from_millis(300)).await;

    // New connections are refused while the in-flight ones are still running.
    let fresh = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .timeout(Duration::from_secs(5))
        .build()
        .expect("client");
    let refused = fresh.get(format!("{}/healthz", server.base)).send().await;
    assert!(refused.is_err(), "a new request was served after SIGTERM: {refused:?}");

    for handle in in_flight {
        assert_eq!(
            handle.join().expect("in-flight request"),
            201,
            "an in-flight create did not finish"
        );
    }
    let status = server.wait_exit(Duration::from_secs(20)).await;
    assert_eq!(status.code(), Some(0), "exit status {status}: {}", server.log());
    let answered = load.await.expect("load task");
    assert!(answered > 0);
    assert_eq!(count_cases(&url).await, 6);
    assert_eq!(integrity_check(&url).await, "ok");
    drop(server);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_disk_full_gives_clear_errors_and_a_sound_database() {
    let data_dir = temp_dir("fault-disk-full");
    let url = sqlite_url(&data_dir);
    run(server_command(&data_dir, &url).args(["create-admin", "--username", "admin", "--password", ADMIN_PASSWORD]));
    // The largest file the server may write: a little more than the database has now. Writes past
    // it fail with EFBIG, as on a full disk (SIGXFSZ ignored so the write fails instead of killing).
    let largest = std::fs::read_dir(&data_dir)
        .expect("data dir")
        .flatten()
        .filter_map(|e| e.metadata().ok().map(|m| m.len()))
        .max()
        .unwrap_or(0);
    let limit = largest + 512 * 1024;
    let mut command = Command::new("sh");
    command
        .args(["-c", "trap '' XFSZ; exec prlimit --fsize=\"$0\" -- \"$@\""])
        .arg(limit.to_string())
        .arg(env!("CARGO_BIN_EXE_huiyin"));
    let inherited = server_command(&data_dir, &url);
    for (k, v) in inherited.get_envs() {
        if let Some(v) = v {
            command.env(k, v);
        }
    }
    let mut server = Server::serve(command, &data_dir);
    let client = client();
    server.wait_ready(&client).await;
    let token = server.login(&client).await;
    let project = create_project(&client, &server.base, &token).await;

    let description = "楼上装修噪音，".repeat(1400);
    let mut created = 0;
    let mut refused = None;
    for n in 0..400 {
        let body = json!({"kind": "complaint", "channel": "phone", "project_id": project,
            "title": format!("噪音 {n}"), "description": description});
        let r = client
            .post(format!("{}/api/v1/cases", server.base))
            .bearer_auth(&token)
            .json(&body)
            .send()
            .await
            .expect("the server answers on a full disk");
        match r.status().as_u16() {
            201 => created += 1,
            status => {
                let ct = r
                    .headers()
                    .get("content-type")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default()
                    .to_owned();
                refused = Some((status, ct, r.text().await.unwrap_or_default()));
                break;
            }
        }
    }
    let (status, ct, body) = refused.expect("the disk never filled up");
    assert_problem(status, &ct, &body, 503);
    assert!(created > 0);
    // Still alive and still reading.
    let r = client
        .get(format!("{}/api/v1/cases?limit=1", server.base))
        .bearer_auth(&token)
        .send()
        .await;
    assert_eq!(r.map(|r| r.status().as_u16()).ok(), Some(200));
    let log = server.log();
    assert!(
        log.contains("database unavailable") && (log.contains("disk I/O error") || log.contains("full")),
        "the log names the cause: {log}"
    );

    server.terminate();
    server.wait_exit(Duration::from_secs(20)).await;
    assert_eq!(integrity_check(&url).await, "ok");
    assert_eq!(count_cases(&url).await, created, "every 201 is stored, nothing else");
    drop(server);
}

#[tokio::test]
async fn sqlite_read_only_data_dir_is_refused_clearly_and_left_intact() {
    use std::os::unix::fs::PermissionsExt;
    let data_dir = temp_dir("fault-read-only");
    let url = sqlite_url(&data_dir);
    run(server_command(&data_dir, &url).args(["create-admin", "--username", "admin", "--password", ADMIN_PASSWORD]));
    let before = count_cases(&url).await;
    let set_mode = |dir_mode: u32, file_mode: u32| {
        for entry in std::fs::read_dir(&data_dir).expect("data dir").flatten() {
            if entry.path().is_file() {
                std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(file_mode)).expect("chmod");
            }
        }
        std::fs::set_permissions(&data_dir, std::fs::Permissions::from_mode(dir_mode)).expect("chmod");
    };
    set_mode(0o555, 0o444);

    // Permissions do not stop root: as root, the server runs as `nobody` (from a copy of the
    // binary that `nobody` may execute), as a service would.
    let bin_dir = temp_dir("fault-bin");
    let mut command = if is_root() {
        let bin = bin_dir.join("huiyin");
        std::fs::copy(env!("CARGO_BIN_EXE_huiyin"), &bin).expect("copy binary");
        std::fs::set_permissions(&bin_dir, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        let mut c = Command::new("runuser");
        c.args(["-u", "nobody", "--"]).arg(bin);
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_huiyin"))
    };
    for (k, v) in server_command(&data_dir, &url).get_envs() {
        if let Some(v) = v {
            command.env(k, v);
        }
    }
    let output = command
        .args(["serve", "--no-worker", "--bind", "127.0.0.1:0"])
        .stdin(Stdio::null())
        .output()
        .expect("run huiyin");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    set_mode(0o755, 0o644);
    assert!(!output.status.success(), "served from a read-only directory: {text}");
    assert!(
        text.contains("not writable") && text.contains(&data_dir.display().to_string()),
        "unclear error: {text}"
    );
    assert_eq!(integrity_check(&url).await, "ok");
    assert_eq!(count_cases(&url).await, before);
}

/// Each API request writes one JSON access line inside its request span: the status, how many
/// SQL statements it issued and their time, so a slow request in the log says whether the
/// database is where its time went.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_api_request_logs_its_status_sql_count_and_time() {
    let data_dir = temp_dir("access-log");
    let url = sqlite_url(&data_dir);
    run(server_command(&data_dir, &url).args(["create-admin", "--username", "admin", "--password", ADMIN_PASSWORD]));
    let mut command = server_command(&data_dir, &url);
    command.env("RUST_LOG", "info");
    let mut server = Server::serve(command, &data_dir);
    let client = client();
    server.wait_ready(&client).await;
    let token = server.login(&client).await;
    let project = create_project(&client, &server.base, &token).await;

    let lines: Vec<Value> = server
        .log()
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .filter(|line| line["target"] == "huiyin::access")
        .collect();
    let created = lines
        .iter()
        .find(|line| line["span"]["http.route"] == "/api/v1/projects" && line["fields"]["status"] == 201)
        .unwrap_or_else(|| panic!("no access line for the project {project}: {lines:#?}"));
    let fields = &created["fields"];
    // At least the authentication's user read, BEGIN, the insert, the audit entry and COMMIT.
    let statements = fields["sql_statements"].as_u64().expect("sql_statements");
    assert!(statements >= 3, "{created}");
    let sql_ms = fields["sql_ms"].as_f64().expect("sql_ms");
    let elapsed_ms = fields["elapsed_ms"].as_f64().expect("elapsed_ms");
    assert!(sql_ms > 0.0 && sql_ms <= elapsed_ms, "{created}");
    assert_eq!(created["span"]["http.method"], "POST", "{created}");
    // The login was logged too, with its own count.
    assert!(
        lines
            .iter()
            .any(|line| line["span"]["http.route"] == "/api/v1/auth/login"
                && line["fields"]["status"] == 200
                && line["fields"]["sql_statements"].as_u64().unwrap_or(0) > 0),
        "{lines:#?}"
    );
}

/// With `huiyin=debug`, every SQL statement is a log line of its own (target `huiyin::sql`: the
/// SQL and its time) inside the spans of the request and of the store entry point that issued it,
/// so a slow or chatty request can be read statement by statement in the log.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_statement_is_logged_inside_the_store_call_that_issued_it() {
    let data_dir = temp_dir("sql-log");
    let url = sqlite_url(&data_dir);
    run(server_command(&data_dir, &url).args(["create-admin", "--username", "admin", "--password", ADMIN_PASSWORD]));
    let mut command = server_command(&data_dir, &url);
    command.env("RUST_LOG", "info,huiyin=debug");
    let mut server = Server::serve(command, &data_dir);
    let client = client();
    server.wait_ready(&client).await;
    let token = server.login(&client).await;
    let project = create_project(&client, &server.base, &token).await;
    let created: Value = client
        .post(format!("{}/api/v1/cases", server.base))
        .bearer_auth(&token)
        .json(&case_body(&project, 1))
        .send()
        .await
        .expect("case")
        .json()
        .await
        .expect("case body");
    let number = created["number"]
        .as_str()
        .unwrap_or_else(|| panic!("no case: {created}"));

    let lines: Vec<Value> = server
        .log()
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .filter(|line| line["target"] == "huiyin::sql")
        .collect();
    let in_create: Vec<&Value> = lines
        .iter()
        .filter(|line| {
            line["spans"]
                .as_array()
                .is_some_and(|spans| spans.iter().any(|span| span["name"] == "cases::create"))
        })
        .collect();
    assert!(
        !in_create.is_empty(),
        "no statement inside cases::create for {number}: {lines:#?}"
    );
    for line in &in_create {
        let sql = line["fields"]["sql"].as_str().unwrap_or_default();
        assert!(!sql.is_empty(), "{line}");
        assert!(line["fields"]["elapsed_us"].is_u64(), "{line}");
        // The request's own span is there too: the statement belongs to the create request.
        let spans = line["spans"].as_array().expect("spans");
        assert!(spans.iter().any(|span| span["http.route"] == "/api/v1/cases"), "{line}");
    }
    assert!(
        in_create.iter().any(|line| line["fields"]["sql"]
            .as_str()
            .is_some_and(|sql| sql.contains("INSERT INTO \"cases\""))),
        "the case's INSERT is logged inside cases::create: {in_create:#?}"
    );
    server.terminate();
}
