//! Three instances on one PostgreSQL database behind a round-robin front, as a Deployment of three
//! replicas behind a Service: every request of these journeys goes to the next instance. Each
//! instance has its own caches and its own mail worker; they share the database and the data
//! directory (the uploads volume).
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use app::entities::mail_outbox;
use estrade_tests::db::postgres_available;
use estrade_tests::http::{call, sign_in, sign_up, upload_photo, PIXEL_PNG};
use estrade_tests::schedule::{sched_on, Sched};
use estrade_tests::selection::{conf_on, SLUG};
use estrade_tests::{Backend, Setup, SmtpSink, TestApp};
use reqwest::cookie::CookieStore;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};

const PASSWORD: &str = "correct horse battery";
const WAIT: Duration = Duration::from_secs(30);

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn three_instances_behind_a_round_robin_front_act_as_one() {
    if !postgres_available().await {
        return;
    }
    let sink = SmtpSink::start();
    let cluster = TestApp::start_cluster(Backend::Postgres, Setup { smtp_port: Some(sink.port), ..Default::default() }, 3).await;
    assert_eq!(cluster.instance_urls.len(), 3);
    // The organiser signs in, three speakers sign up and submit, the organiser accepts: each
    // request to the next instance.
    let s = sched_on(conf_on(cluster).await).await;
    let app = &s.c.app;

    a_session_holds_on_every_instance_and_sign_out_ends_it_everywhere(app).await;
    failed_sign_ins_count_across_instances(app).await;
    a_publish_through_one_instance_is_what_every_instance_serves(&s).await;
    an_upload_through_one_instance_is_read_from_every_instance(app).await;
    every_queued_mail_is_sent_exactly_once(app, &sink).await;
    s.c.app.stop().await;
}

/// A client whose cookies the test can read.
fn client_with_jar() -> (reqwest::Client, Arc<reqwest::cookie::Jar>) {
    let jar = Arc::new(reqwest::cookie::Jar::default());
    let c = reqwest::Client::builder().cookie_provider(jar.clone()).redirect(reqwest::redirect::Policy::none()).build().unwrap();
    (c, jar)
}

/// Who one instance says the bearer of `cookie` is.
async fn who_on(instance: &str, origin: &str, cookie: &str) -> Option<String> {
    let res = reqwest::Client::new()
        .post(format!("{instance}/api/auth/me"))
        .header("Origin", origin)
        .header("Accept", "application/json")
        .header("Cookie", cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let json: serde_json::Value = res.json().await.unwrap();
    json["display_name"].as_str().map(str::to_owned)
}

async fn a_session_holds_on_every_instance_and_sign_out_ends_it_everywhere(app: &TestApp) {
    let (c, jar) = client_with_jar();
    assert_eq!(sign_up(&c, app, "nina@example.org", "Nina", PASSWORD).await.status(), 200);
    let cookie = jar.cookies(&app.base_url.parse().unwrap()).expect("a session cookie").to_str().unwrap().to_string();
    for instance in &app.instance_urls {
        assert_eq!(who_on(instance, &app.base_url, &cookie).await.as_deref(), Some("Nina"), "signed in on {instance}");
    }
    assert_eq!(call(&c, app, "auth/sign_out", &[]).await.status(), 200);
    for instance in &app.instance_urls {
        assert_eq!(who_on(instance, &app.base_url, &cookie).await, None, "the old cookie is worth nothing on {instance}");
    }
}

async fn failed_sign_ins_count_across_instances(app: &TestApp) {
    app.create_user("omar@example.org", "Omar", PASSWORD, false).await;
    let c = reqwest::Client::new();
    let free = domain::throttle::Limits::default().sign_in.free;
    // One more failure than the free ones, spread over the three instances: each alone saw fewer
    // than the limit.
    for _ in 0..=free {
        let _ = sign_in(&c, app, "omar@example.org", "not the password").await;
    }
    let res = sign_in(&c, app, "omar@example.org", PASSWORD).await;
    assert_eq!(res.status(), 429, "the instances share one count: {}", res.text().await.unwrap_or_default());
}

/// The agenda, `schedule.json` and the REST API of the event, as each instance serves them now:
/// (status, "instance path: body").
async fn served(app: &TestApp) -> Vec<(u16, String)> {
    let c = reqwest::Client::new();
    let mut out = Vec::new();
    for instance in &app.instance_urls {
        for path in [format!("/events/{SLUG}/agenda"), format!("/{SLUG}/schedule.json"), format!("/api/v1/events/{SLUG}/talks")] {
            let res = c.get(format!("{instance}{path}")).send().await.unwrap();
            out.push((res.status().as_u16(), format!("{instance}{path}: {}", res.text().await.unwrap())));
        }
    }
    out
}

/// How stale an instance's caches may be: the published version is read again at most once a
/// second, so two seconds after a change every instance serves it.
const CACHES_AGREE_WITHIN: Duration = Duration::from_secs(2);

async fn a_publish_through_one_instance_is_what_every_instance_serves(s: &Sched) {
    let app = &s.c.app;
    // Every instance caches the event with nothing published.
    assert!(served(app).await.iter().all(|(status, body)| *status == 404 || !body.contains("Alpha talk")));
    s.publish_sample().await;
    tokio::time::sleep(CACHES_AGREE_WITHIN).await;
    for (status, body) in served(app).await {
        assert_eq!(status, 200, "{body}");
        assert!(body.contains("Alpha talk") && body.contains("Gamma talk"), "the published programme: {body}");
    }
    // A second version (Gamma moved to the afternoon), published through another instance.
    assert_eq!(s.place(&s.codes[2], &s.room(1), "14:00", "40").await.status(), 200);
    assert_eq!(s.call("publish", &[("name", "")]).await.status(), 200);
    tokio::time::sleep(CACHES_AGREE_WITHIN).await;
    for (status, body) in served(app).await {
        assert_eq!(status, 200);
        // Gamma at 14:00 in Paris: 13:00 UTC in the REST API.
        assert!(body.contains("14:00") || body.contains("T13:00:00Z"), "version 2 everywhere: {body}");
    }
    // Back to draft: every instance stops showing it.
    let e = app::entities::event::Entity::find_by_id(s.c.event).one(&app.state.db).await.unwrap().unwrap();
    app::entities::event::ActiveModel { visibility: Set("draft".into()), ..e.into() }.update(&app.state.db).await.unwrap();
    tokio::time::sleep(CACHES_AGREE_WITHIN).await;
    for (status, _) in served(app).await {
        assert_eq!(status, 404, "a draft event is hidden by every instance");
    }
}


async fn an_upload_through_one_instance_is_read_from_every_instance(app: &TestApp) {
    let c = estrade_tests::http::client();
    sign_up(&c, app, "paz@example.org", "Paz", PASSWORD).await;
    assert_eq!(upload_photo(&c, app, PIXEL_PNG.to_vec(), "me.png").await, "/profile?photo=saved");
    let profile: serde_json::Value = call(&c, app, "speakers/profile", &[]).await.json().await.unwrap();
    let src = profile["photo_src"].as_str().expect("a photo").to_string();
    let mut copies = Vec::new();
    for instance in &app.instance_urls {
        let res = reqwest::get(format!("{instance}{src}")).await.unwrap();
        assert_eq!(res.status(), 200, "{src} from {instance}");
        copies.push(res.bytes().await.unwrap());
    }
    // The stored photo is the upload re-encoded (without its metadata): the same file everywhere.
    assert!(copies[0].starts_with(&PIXEL_PNG[..8]), "a PNG");
    assert!(copies.iter().all(|c| *c == copies[0]), "every instance serves the same file");
}

async fn every_queued_mail_is_sent_exactly_once(app: &TestApp, sink: &SmtpSink) {
    for i in 0..30 {
        let mail = app::mail::Email {
            to: format!("reader{i}@example.org"),
            subject: "News".into(),
            text: "Hi".into(),
            html: "<p>Hi</p>".into(),
            attachment: None,
        };
        app::mail::outbox::enqueue(&app.state.db, mail, app.state.clock.now()).await.unwrap();
    }
    for state in &app.instances {
        state.mail_wake.notify_one();
    }
    let db = app.state.db.clone();
    TestApp::eventually("every queued mail sent", WAIT, || {
        let db = db.clone();
        async move { mail_outbox::Entity::find().all(&db).await.unwrap().iter().all(|r| r.status == "sent") }
    })
    .await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let rows = mail_outbox::Entity::find().all(&db).await.unwrap();
    let mut received: HashMap<String, usize> = HashMap::new();
    for m in sink.mails() {
        *received.entry(m.message_id).or_insert(0) += 1;
    }
    assert_eq!(received.len(), rows.len(), "one mail received per queued mail ({} queued)", rows.len());
    assert!(received.values().all(|n| *n == 1), "none twice: {received:?}");
}
