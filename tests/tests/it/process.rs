//! The server as a real process: kill -9 under load, SIGTERM, a database that goes away and comes
//! back, and what its JSON logs hold.
use std::collections::HashMap;
use std::io::{Read, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::Utc;
use estrade_tests::cfp::{event_with_cfp_in, proposal_form, with};
use estrade_tests::cluster::Relay;
use estrade_tests::db::postgres_available;
use estrade_tests::process::ServerProcess;
use estrade_tests::{db_test, Backend, TestDb};
use sea_orm::EntityTrait;

const BIN: &str = env!("CARGO_BIN_EXE_estrade-server");
const PASSWORD: &str = "correct horse battery";
const START: Duration = Duration::from_secs(90);

fn browser() -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

/// Posts to the server function at `/api/{endpoint}` as the hydrated app does.
async fn post(
    c: &reqwest::Client,
    server: &ServerProcess,
    endpoint: &str,
    form: &[(String, String)],
) -> reqwest::Result<reqwest::Response> {
    c.post(server.url(&format!("/api/{endpoint}")))
        .header("Origin", &server.base_url)
        .header("Accept", "application/json")
        .form(form)
        .send()
        .await
}

fn pairs(fields: &[(&str, &str)]) -> Vec<(String, String)> {
    fields.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

db_test!(kill_9_during_a_thousand_submissions_loses_no_acknowledged_one_and_doubles_none, |backend: Backend| async move {
    let dir = tempfile::tempdir().unwrap();
    let db = TestDb::create(backend, dir.path()).await;
    let conn = server::db::connect_and_migrate(&db.url).await.unwrap();
    let (_, format, track) = event_with_cfp_in(&conn, "crash-conf", Utc::now() + chrono::Duration::days(30), Utc::now()).await;
    let mut server = ServerProcess::spawn(BIN, &db.url, dir.path(), 0, &[]);
    server.wait_ready(START).await;

    let mut speakers = Vec::new();
    for i in 0..8 {
        app::auth::service::insert_user(&conn, &format!("s{i}@example.org"), &format!("Speaker {i}"), PASSWORD, false, true, Utc::now())
            .await
            .unwrap();
        let c = browser();
        let res =
            post(&c, &server, "auth/sign_in", &pairs(&[("email", &format!("s{i}@example.org")), ("password", PASSWORD)])).await.unwrap();
        assert_eq!(res.status(), 200);
        speakers.push(c);
    }

    let next = Arc::new(AtomicUsize::new(0));
    let acknowledged = Arc::new(Mutex::new(Vec::<String>::new()));
    let refused = Arc::new(Mutex::new(Vec::<String>::new()));
    let mut senders = tokio::task::JoinSet::new();
    for c in speakers {
        let (next, acknowledged, refused, url) = (next.clone(), acknowledged.clone(), refused.clone(), server.base_url.clone());
        senders.spawn(async move {
            loop {
                let n = next.fetch_add(1, Ordering::SeqCst);
                if n >= 1000 {
                    break;
                }
                let title = format!("Crash-proof talk {n}");
                let form = with(proposal_form("crash-conf", &format!("crash-key-{n:04}"), format, track, "submit"), "title", &title);
                let sent = c
                    .post(format!("{url}/api/cfp/save"))
                    .header("Origin", &url)
                    .header("Accept", "application/json")
                    .form(&form)
                    .send()
                    .await;
                match sent {
                    Ok(res) if res.status() == 200 => acknowledged.lock().unwrap().push(title),
                    Ok(res) => {
                        let why = format!("{}: {}", res.status(), res.text().await.unwrap_or_default());
                        refused.lock().unwrap().push(why);
                    }
                    Err(_) => {} // the server is gone: not acknowledged
                }
            }
        });
    }
    while acknowledged.lock().unwrap().len() < 150 {
        assert!(refused.lock().unwrap().is_empty(), "a submission was refused: {:?}", refused.lock().unwrap().first());
        assert!(!senders.is_empty() && next.load(Ordering::SeqCst) < 1000, "the submissions ended before the kill");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    server.kill_9();
    senders.join_all().await;
    let acknowledged = acknowledged.lock().unwrap().clone();

    let restarted = std::time::Instant::now();
    let mut again = ServerProcess::spawn(BIN, &db.url, dir.path(), server.port, &[]);
    again.wait_ready(START).await;
    eprintln!("kill -9 after {} acknowledged submissions; ready again in {:?}", acknowledged.len(), restarted.elapsed());

    let stored = app::entities::proposal::Entity::find().all(&conn).await.unwrap();
    let mut count: HashMap<&str, usize> = HashMap::new();
    for p in &stored {
        *count.entry(p.title.as_str()).or_insert(0) += 1;
    }
    assert!(count.values().all(|n| *n == 1), "no proposal twice");
    for title in &acknowledged {
        assert_eq!(count.get(title.as_str()), Some(&1), "acknowledged “{title}” is stored");
    }
    // The restarted server serves the proposals written before the crash.
    let c = browser();
    let res = post(&c, &again, "auth/sign_in", &pairs(&[("email", "s0@example.org"), ("password", PASSWORD)])).await.unwrap();
    assert_eq!(res.status(), 200);
});

/// The session cookie's value in a `Set-Cookie` answer.
fn session_value(res: &reqwest::Response) -> String {
    let cookie =
        res.headers().get_all("set-cookie").iter().find_map(|v| v.to_str().ok().filter(|v| v.contains('='))).expect("a session cookie");
    cookie.split(';').next().unwrap().split_once('=').unwrap().1.to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_drains_finishes_the_request_in_flight_and_exits_zero_and_logs_hold_no_secret() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("db.sqlite").display());
    let env = [("SEED_DEMO_IF_EMPTY", "true"), ("SHUTDOWN_DRAIN_SECS", "2"), ("SHUTDOWN_TIMEOUT_SECS", "10")];
    let mut server = ServerProcess::spawn(BIN, &url, dir.path(), 0, &env);
    server.wait_ready(START).await;

    // A journey with the demo speaker's password and a reset link's token.
    let c = browser();
    let signed_in = post(&c, &server, "auth/sign_in", &pairs(&[("email", "speaker@estrade.example"), ("password", "demo-speaker-pass")]))
        .await
        .unwrap();
    assert_eq!(signed_in.status(), 200);
    let session = session_value(&signed_in);
    for path in ["/", "/proposals", "/profile", "/events/cloud-nord-2027/agenda"] {
        let res = c.get(server.url(path)).send().await.unwrap();
        assert!(res.status().is_success(), "{path}: {}", res.status());
    }
    let _ = c.get(server.url("/reset/confirm?token=SECRET-TOKEN-123")).send().await.unwrap();
    let wrong =
        post(&c, &server, "auth/sign_in", &pairs(&[("email", "admin@estrade.example"), ("password", "demo-WRONG-pass")])).await.unwrap();
    assert_eq!(wrong.status(), 422);

    // A request in flight: its headers are in, its body comes after the drain.
    let body = "email=organizer%40estrade.example&password=demo-organizer-pass";
    let mut in_flight = std::net::TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    write!(
        in_flight,
        "POST /api/auth/sign_in HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: {}\r\nAccept: application/json\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n",
        server.base_url,
        body.len()
    )
    .unwrap();
    in_flight.flush().unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;

    server.terminate();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(server.readiness().await, 503, "not ready from the moment shutdown starts");
    let page = reqwest::get(server.url("/")).await.unwrap();
    assert_eq!(page.status(), 200, "still serving during the drain");

    tokio::time::sleep(Duration::from_millis(2000)).await;
    in_flight.write_all(body.as_bytes()).unwrap();
    let mut answer = String::new();
    in_flight.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let _ = in_flight.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 200"), "the request in flight is answered: {answer}");

    let status = server.wait_exit(Duration::from_secs(20)).await;
    assert_eq!(status.code(), Some(0), "a clean exit:\n{}", server.logs().join("\n"));

    let logs = server.logs();
    for secret in ["demo-speaker-pass", "demo-organizer-pass", "demo-WRONG-pass", "demo-admin-pass", "SECRET-TOKEN-123", session.as_str()] {
        assert!(!logs.iter().any(|l| l.contains(secret)), "“{secret}” appears in the logs");
    }
    let json: Vec<serde_json::Value> = logs.iter().filter_map(|l| serde_json::from_str(l).ok()).collect();
    let requests: Vec<&serde_json::Value> = json.iter().filter(|l| l["span"]["name"] == "request").collect();
    assert!(requests.len() >= 8, "a line per request: {logs:?}");
    let ids: std::collections::HashSet<&str> = requests.iter().map(|l| l["span"]["request_id"].as_str().expect("a request id")).collect();
    assert!(ids.len() >= 8 && !ids.contains("-"), "each request has its own id: {ids:?}");
    assert!(json.iter().any(|l| l["fields"]["message"] == "stopped"), "says it stopped");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_database_gives_503s_not_a_crash_and_the_server_recovers_by_itself() {
    if !postgres_available().await {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = TestDb::create(Backend::Postgres, dir.path()).await;
    let relay = Relay::new("127.0.0.1:5432".parse().unwrap());
    let through_relay = db.url.replacen("127.0.0.1:5432", &format!("127.0.0.1:{}", relay.port), 1);
    assert_ne!(through_relay, db.url, "the test database is reached through the relay");

    // Down at start: the process listens, says why it is not ready, and answers pages with a 503.
    let mut server = ServerProcess::spawn(BIN, &through_relay, dir.path(), 0, &[]);
    let deadline = tokio::time::Instant::now() + START;
    while server.readiness().await != 503 {
        assert!(tokio::time::Instant::now() < deadline, "{}", server.logs().join("\n"));
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let page = reqwest::get(server.url("/")).await.unwrap();
    assert_eq!(page.status(), 503);
    assert!(page.text().await.unwrap().contains("Estrade revient dans un instant"));

    relay.up().await;
    server.wait_ready(START).await;
    assert_eq!(reqwest::get(server.url("/")).await.unwrap().status(), 200);

    // Lost for a while: pages answer 503 again, then everything comes back without a restart.
    relay.down();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    while server.readiness().await != 503 {
        assert!(tokio::time::Instant::now() < deadline, "the outage is noticed");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(reqwest::get(server.url("/")).await.unwrap().status(), 503);
    relay.up().await;
    server.wait_ready(Duration::from_secs(30)).await;
    assert_eq!(reqwest::get(server.url("/")).await.unwrap().status(), 200);
    assert!(server.logs().iter().any(|l| l.contains("database reachable again")));
}
