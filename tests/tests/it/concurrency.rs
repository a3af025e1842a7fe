//! Concurrency never shows as a server error, on SQLite and PostgreSQL: 50 parallel writes of each
//! kind where a race is plausible answer 2xx or 4xx, never 5xx ("database is locked").
use estrade_tests::cfp::{event_with_cfp, proposal_form, with};
use estrade_tests::http::{all_at_once, client, form, sign_up};
use estrade_tests::review::{member, review_code_of, speaker_submits};
use estrade_tests::schedule::sched;
use estrade_tests::selection::SLUG;
use estrade_tests::{db_test, workspace_root, Backend, Setup, TestApp};
use reqwest::Client;

const PASSWORD: &str = "correct horse battery";
const N: usize = 50;

type Request = (Client, String, Vec<(String, String)>);

fn request(c: &Client, endpoint: &str, fields: Vec<(String, String)>) -> Request {
    (c.clone(), endpoint.to_string(), fields)
}

/// Fires the requests at once; fails on any 5xx, naming the kind of write.
async fn no_server_error(app: &TestApp, kind: &str, requests: Vec<Request>) -> Vec<u16> {
    let answers = all_at_once(app, requests).await;
    let errors: Vec<_> = answers.iter().filter(|(s, _)| *s >= 500).collect();
    assert!(errors.is_empty(), "{kind}: {} of {} answered 5xx: {errors:?}", errors.len(), answers.len());
    answers.into_iter().map(|(s, _)| s).collect()
}

fn count(statuses: &[u16], status: u16) -> usize {
    statuses.iter().filter(|s| **s == status).count()
}

db_test!(parallel_sign_ups, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let requests = (0..N)
        .map(|i| {
            let email = if i % 5 == 0 { "same@example.org".to_string() } else { format!("person{i}@example.org") };
            request(&client(), "auth/sign_up", form(&[("email", &email), ("display_name", "Someone"), ("password", PASSWORD)]))
        })
        .collect();
    let statuses = no_server_error(&app, "sign-ups", requests).await;
    assert_eq!(count(&statuses, 200), N - N / 5 + 1, "one account per address: {statuses:?}");
    app.stop().await;
});

db_test!(parallel_wrong_sign_ins_and_reset_requests, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    app.create_user("dan@example.org", "Dan", PASSWORD, false).await;
    let wrong = form(&[("email", "dan@example.org"), ("password", "wrong horse battery")]);
    let sign_ins = (0..N).map(|_| request(&client(), "auth/sign_in", wrong.clone())).collect();
    no_server_error(&app, "wrong sign-ins", sign_ins).await;

    let reset = form(&[("email", "dan@example.org")]);
    let resets = (0..N).map(|_| request(&client(), "auth/request_reset", reset.clone())).collect();
    let statuses = no_server_error(&app, "reset requests", resets).await;
    assert_eq!(count(&statuses, 200), 3, "{statuses:?}");
    app.stop().await;
});

db_test!(parallel_proposal_saves, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let (_, format, track) = event_with_cfp(&app, "busy-conf", chrono::Utc::now() + chrono::Duration::days(30)).await;
    let speaker = client();
    assert_eq!(sign_up(&speaker, &app, "sam@example.org", "Sam", PASSWORD).await.status(), 200);
    // Half are double submissions of one form, half are new drafts.
    let requests = (0..N)
        .map(|i| {
            let key = if i % 2 == 0 { "one-form".to_string() } else { format!("form-{i}") };
            let draft = with(proposal_form("busy-conf", &key, format, track, "draft"), "title", &format!("Talk {i}"));
            request(&speaker, "cfp/save", draft)
        })
        .collect();
    no_server_error(&app, "proposal saves", requests).await;
    app.stop().await;
});

db_test!(parallel_reviews, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let (event, format, track) = event_with_cfp(&app, "rev-conf", chrono::Utc::now() + chrono::Duration::days(30)).await;
    let (_, code) = speaker_submits(&app, "rev-conf", "zoe@example.org", "Zoe", "A talk", format, track).await;
    let rita = member(&app, event, "rita@example.org", "Rita", "reviewer").await;
    let omar = member(&app, event, "omar@example.org", "Omar", "reviewer").await;
    let review_code = review_code_of(&app, &code).await;
    let requests = (0..N)
        .map(|i| {
            let who = if i % 2 == 0 { &rita } else { &omar };
            let score = (1 + i % 5).to_string();
            request(who, "review/save", form(&[("slug", "rev-conf"), ("code", &review_code), ("score", &score), ("comment", "Fine.")]))
        })
        .collect();
    no_server_error(&app, "reviews", requests).await;
    assert_eq!(estrade_tests::review::reviews_of(&app, &code).await.len(), 2, "one review per reviewer");
    app.stop().await;
});

db_test!(parallel_stars_and_schedule_moves, |backend: Backend| async move {
    let s = sched(backend, Setup::default()).await;
    s.publish_sample().await;
    let app = &s.c.app;
    let zoe = client();
    assert_eq!(sign_up(&zoe, app, "zoe@example.org", "Zoe", PASSWORD).await.status(), 200);
    let stars = (0..N)
        .map(|i| {
            let (code, on) = (&s.codes[i % 3], if i % 2 == 0 { "true" } else { "false" });
            request(&zoe, "agenda/star", form(&[("slug", SLUG), ("code", code), ("starred", on)]))
        })
        .collect();
    no_server_error(app, "stars", stars).await;

    let (id, version) = s.item(&s.codes[0]).await;
    let moves = (0..N)
        .map(|i| {
            let start = format!("{:02}:00", 9 + i % 8);
            let fields = [("slug", SLUG), ("item", &id), ("version", &version), ("day", estrade_tests::schedule::DAY)];
            let mut fields = form(&fields);
            fields.extend(form(&[("room", &s.room(0)), ("start", &start), ("minutes", "40")]));
            request(&s.c.org, "schedule/place", fields)
        })
        .collect();
    let statuses = no_server_error(app, "schedule moves", moves).await;
    assert_eq!(count(&statuses, 200), 1, "one move wins, the others see a newer version: {statuses:?}");
});

/// Every transaction starts with `begin_write` (BEGIN IMMEDIATE on SQLite): a deferred `begin()` that
/// reads before it writes fails at once with "database is locked" when another writer got in between.
#[test]
fn every_transaction_takes_the_write_lock_first() {
    let mut offenders = Vec::new();
    for dir in ["app/src", "server/src"] {
        visit(&workspace_root().join(dir), &mut |path, text| {
            for (n, line) in text.lines().enumerate() {
                if line.contains(".begin().await") || line.contains(".transaction(") {
                    offenders.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                }
            }
        });
    }
    assert!(offenders.is_empty(), "use `begin_write()` (app::db::BeginWrite):\n{}", offenders.join("\n"));
}

fn visit(dir: &std::path::Path, f: &mut dyn FnMut(&std::path::Path, &str)) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            visit(&path, f);
        } else if path.extension().is_some_and(|e| e == "rs") {
            f(&path, &std::fs::read_to_string(&path).unwrap());
        }
    }
}
