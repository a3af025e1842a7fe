//! The mail outbox under faults, through a real SMTP server: long outages, a worker that dies with
//! mails claimed, a crash between the SMTP server's acceptance and the row's update.
use std::collections::HashMap;
use std::time::Duration;

use app::entities::mail_outbox;
use app::mail::{outbox, Email};
use estrade_tests::http::{call, client, get_text, location, post_without_js, sign_in};
use estrade_tests::{db_test, Backend, Setup, SmtpSink, TestApp};
use sea_orm::{EntityTrait, TransactionTrait};

const WAIT: Duration = Duration::from_secs(30);
const PASSWORD: &str = "correct horse battery";

fn mail(to: &str) -> Email {
    Email { to: to.into(), subject: format!("Hello {to}"), text: "Hi".into(), html: "<p>Hi</p>".into(), attachment: None }
}

async fn queue(app: &TestApp, recipients: &[String]) {
    for to in recipients {
        outbox::enqueue(&app.state.db, mail(to), app.state.clock.now()).await.expect("enqueue");
    }
    app.state.mail_wake.notify_one();
}

async fn rows(app: &TestApp) -> Vec<mail_outbox::Model> {
    mail_outbox::Entity::find().all(&app.state.db).await.expect("outbox rows")
}

fn recipients(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("person{i}@example.org")).collect()
}

/// Mails to `recipients` queued and claimed at `now` by another instance's worker, in one
/// transaction so that this instance's worker never sees them unclaimed.
async fn claimed_by_another_worker(app: &TestApp, recipients: &[String], now: chrono::DateTime<chrono::Utc>) -> Vec<mail_outbox::Model> {
    let txn = app.state.db.begin().await.unwrap();
    for to in recipients {
        outbox::enqueue(&txn, mail(to), now).await.unwrap();
    }
    let claimed = outbox::claim_due(&txn, 20, now).await.unwrap();
    txn.commit().await.unwrap();
    claimed
}

/// How many times each address received a mail.
fn deliveries(sink: &SmtpSink) -> HashMap<String, usize> {
    let mut seen = HashMap::new();
    for m in sink.mails() {
        *seen.entry(m.to).or_insert(0) += 1;
    }
    seen
}

db_test!(an_smtp_outage_longer_than_eight_tries_loses_no_mail_and_sends_each_once, |backend: Backend| async move {
    let port = SmtpSink::free_port();
    let setup = Setup { smtp_port: Some(port), mail_retry_max_delay_secs: Some(1), ..Default::default() };
    let app = TestApp::start_with(backend, setup).await;
    let to = recipients(10);
    queue(&app, &to).await;

    // Eight failed tries used to mark a mail failed for good; each row now goes well past that.
    TestApp::eventually("nine failed tries of every mail", WAIT, || async {
        let rows = rows(&app).await;
        rows.iter().all(|r| r.attempts >= 9 && r.status != "failed" && r.last_error.is_some())
    })
    .await;

    // Meanwhile the admin page shows them as still being tried, with the last error.
    app.create_user("root@example.org", "Root", PASSWORD, true).await;
    let admin = client();
    sign_in(&admin, &app, "root@example.org", PASSWORD).await;
    let seen: serde_json::Value = call(&admin, &app, "admin/failed_mails", &[]).await.json().await.expect("json");
    assert_eq!(seen["retrying"].as_array().map(Vec::len), Some(10), "{seen}");
    assert!(seen["retrying"][0]["last_error"].as_str().is_some_and(|e| !e.is_empty()), "{seen}");
    assert_eq!(seen["failed"].as_array().map(Vec::len), Some(0), "{seen}");
    let (status, page) = get_text(&admin, &app, "/admin/mail").await;
    assert_eq!(status, 200);
    assert!(page.contains("Still being tried") && page.contains("person0@example.org"), "{page}");

    let sink = SmtpSink::start_on(port);
    TestApp::eventually("every mail delivered", WAIT, || async { deliveries(&sink).len() == 10 }).await;
    TestApp::eventually("every row marked sent", WAIT, || async { rows(&app).await.iter().all(|r| r.status == "sent") }).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert!(deliveries(&sink).values().all(|n| *n == 1), "each exactly once: {:?}", deliveries(&sink));
    let ids: std::collections::HashSet<_> = sink.mails().into_iter().map(|m| m.message_id).collect();
    assert_eq!(ids.len(), 10, "every mail has its own Message-ID");
    assert!(ids.iter().all(|id| id.starts_with("<estrade.") && id.ends_with("@estrade.test>")), "{ids:?}");
    app.stop().await;
});

db_test!(mails_past_the_retry_window_are_failed_shown_and_retried_all_at_once, |backend: Backend| async move {
    let port = SmtpSink::free_port();
    let setup = Setup { smtp_port: Some(port), mail_retry_max_delay_secs: Some(1), mail_retry_window_secs: Some(2), ..Default::default() };
    let app = TestApp::start_with(backend, setup).await;
    queue(&app, &recipients(4)).await;
    TestApp::eventually("every mail given up", WAIT, || async { rows(&app).await.iter().all(|r| r.status == "failed") }).await;

    app.create_user("root@example.org", "Root", PASSWORD, true).await;
    let admin = client();
    sign_in(&admin, &app, "root@example.org", PASSWORD).await;
    let seen: serde_json::Value = call(&admin, &app, "admin/failed_mails", &[]).await.json().await.expect("json");
    assert_eq!(seen["failed"].as_array().map(Vec::len), Some(4), "{seen}");

    let (_, page) = get_text(&admin, &app, "/admin/mail").await;
    assert!(page.contains("Given up") && page.contains("Retry all failed mails"), "{page}");

    // Retry all, from the page without JavaScript.
    let sink = SmtpSink::start_on(port);
    let res = post_without_js(&admin, &app, "admin/retry_all_mails", "/admin/mail", &[]).await;
    assert_eq!(location(&res), "/admin/mail?retried_all=4");
    let (_, page) = get_text(&admin, &app, "/admin/mail?retried_all=4").await;
    assert!(page.contains("Every failed mail is queued again."), "{page}");
    TestApp::eventually("every mail delivered", WAIT, || async { deliveries(&sink).len() == 4 }).await;
    TestApp::eventually("every row marked sent", WAIT, || async { rows(&app).await.iter().all(|r| r.status == "sent") }).await;
    assert!(deliveries(&sink).values().all(|n| *n == 1), "{:?}", deliveries(&sink));

    // Only administrators may queue everything again.
    app.create_user("ana@example.org", "Ana", PASSWORD, false).await;
    let someone = client();
    sign_in(&someone, &app, "ana@example.org", PASSWORD).await;
    assert_eq!(call(&someone, &app, "admin/retry_all_mails", &[]).await.status(), 403);
    app.stop().await;
});

db_test!(a_dead_workers_claims_come_back_after_the_short_lease, |backend: Backend| async move {
    let sink = SmtpSink::start();
    let app = TestApp::start_with(backend, Setup { smtp_port: Some(sink.port), ..Default::default() }).await;
    let now = app.state.clock.now();
    app.state.clock.set(Some(now));
    // A worker of another instance claims the mails, then dies without sending them (queued and
    // claimed in one transaction, so this instance's worker does not see them first).
    let claimed = claimed_by_another_worker(&app, &recipients(5), now).await;
    assert_eq!(claimed.len(), 5);
    app.state.mail_wake.notify_one();
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert!(sink.mails().is_empty(), "a live claim is respected");

    app.state.clock.set(Some(now + chrono::Duration::seconds(outbox::LEASE_SECS + 1)));
    app.state.mail_wake.notify_one();
    TestApp::eventually("the dead worker's mails sent", WAIT, || async { deliveries(&sink).len() == 5 }).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert!(deliveries(&sink).values().all(|n| *n == 1), "{:?}", deliveries(&sink));
    app.state.clock.set(None);
    app.stop().await;
});

db_test!(a_crash_between_acceptance_and_the_update_sends_at_most_one_duplicate_with_the_same_message_id, |backend: Backend| async move {
    let sink = SmtpSink::start();
    let app = TestApp::start_with(backend, Setup { smtp_port: Some(sink.port), ..Default::default() }).await;
    let now = app.state.clock.now();
    app.state.clock.set(Some(now));
    // The dying worker: claims, hands the mail to SMTP, and is killed before it writes "sent".
    let claimed = claimed_by_another_worker(&app, &["ada@example.org".to_string()], now).await;
    app.state.mailer.send(&app.state.config.mail_from, &claimed[0]).await.expect("SMTP accepts");

    app.state.clock.set(Some(now + chrono::Duration::seconds(outbox::LEASE_SECS + 1)));
    app.state.mail_wake.notify_one();
    TestApp::eventually("the re-send", WAIT, || async { sink.mails().len() == 2 }).await;
    TestApp::eventually("the row marked sent", WAIT, || async { rows(&app).await.iter().all(|r| r.status == "sent") }).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let mails = sink.mails();
    assert_eq!(mails.len(), 2, "one duplicate, no more");
    assert_eq!(mails[0].message_id, mails[1].message_id, "the duplicate is recognisable as the same mail");
    app.state.clock.set(None);
    app.stop().await;
});
