//! A new speaker submits a talk in real Chromium, a co-speaker joins from the mailed link, and the
//! organiser finds the proposal; the same submission with JavaScript off.
use std::time::Duration;

use estrade_tests::browser::{Browser, BrowserOptions};
use estrade_tests::cfp::{event_with_cfp, ABSTRACT};
use estrade_tests::{Backend, TestApp};

const PASSWORD: &str = "correct horse battery";

async fn sign_up(b: &Browser, app: &TestApp, path: &str, email: &str, name: &str) {
    b.goto(&app.url(path)).await;
    b.wait_ready().await;
    b.fill("email", email).await;
    b.fill("display_name", name).await;
    b.fill("password", PASSWORD).await;
    b.submit_form_of("display_name").await;
}

async fn fill_proposal(b: &Browser, title: &str, format: i32, track: i32) {
    b.fill("title", title).await;
    b.fill("summary", ABSTRACT).await;
    b.fill("details", "1. Why\n2. How\n3. What we learnt").await;
    b.select("format_id", &format.to_string()).await;
    b.select("track_id", &track.to_string()).await;
    b.select("level", "beginner").await;
    b.select("language", "en").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_speaker_submits_a_talk_and_a_co_speaker_joins() {
    let app = TestApp::start(Backend::Sqlite).await;
    let (event, format, track) = event_with_cfp(&app, "cloud-nord-test", chrono::Utc::now() + chrono::Duration::days(3)).await;
    app.create_user("olivia@example.org", "Olivia Organiser", PASSWORD, false).await;
    app.grant("olivia@example.org", event, "organizer").await;
    let b = Browser::start(BrowserOptions::default()).await;

    sign_up(&b, &app, "/signup", "nadia@example.org", "Nadia Newcomer").await;
    b.wait_for_text("Welcome to Estrade!").await;
    app.verify("nadia@example.org").await; // as her confirmation link would: she invites a co-speaker below
    b.goto(&app.url("/profile")).await;
    b.wait_ready().await;
    b.fill("job_title", "Platform engineer").await;
    b.fill("bio", "Nadia builds **internal platforms** in Lille.").await;
    b.submit_form_of("bio").await;
    b.wait_for_text("Profile saved.").await;

    b.goto(&app.url("/events/cloud-nord-test/cfp")).await;
    b.wait_ready().await;
    b.wait_for_text("Closes in").await;
    b.click("a[href='/events/cloud-nord-test/cfp/propose']").await;
    b.wait_for_text("Propose a talk to").await;
    fill_proposal(&b, "Platform teams without the pain", format, track).await;
    b.screenshot("cfp-propose-desktop").await;
    b.click("button[value='submit']").await;
    b.wait_for_text("Your proposal is submitted").await;
    assert!(b.current_path().await.starts_with("/proposals/"));

    b.click("a[href='/proposals']").await;
    b.wait_for_text("Platform teams without the pain").await;
    b.wait_for_text("Submitted").await;
    b.click(".proposal-list a[href^='/proposals/']").await;
    b.wait_for_text("Invite a co-speaker").await;
    b.fill("email", "cyril@example.org").await;
    b.submit_form_of("email").await;
    b.wait_for_text("Invitation sent").await;

    let mut link = None;
    TestApp::eventually("the invitation mail", Duration::from_secs(10), || {
        link = app.mail_files().into_iter().find(|m| m.to.contains("cyril@")).and_then(|m| m.link(&app.url("/cospeaker")));
        let found = link.is_some();
        async move { found }
    })
    .await;
    b.click("header button[type='submit']").await;
    b.wait_for_text("Sign up").await;
    b.goto(&link.unwrap()).await;
    b.wait_for_text("invites you to present").await;
    b.click("a.button.primary").await;
    b.wait_for_text("Create your account").await;
    b.fill("display_name", "Cyril Cospeaker").await;
    b.fill("password", PASSWORD).await;
    b.submit_form_of("display_name").await;
    b.wait_for_text("Accept and join the proposal").await;
    b.click("form button[type='submit'].primary").await;
    b.wait_for_text("You are now a co-speaker").await;
    b.wait_for_text("Nadia Newcomer").await;

    b.click("header button[type='submit']").await;
    b.wait_for_text("Sign up").await;
    b.sign_in(&app.base_url, "/admin/events/cloud-nord-test/proposals", "olivia@example.org", PASSWORD).await;
    b.wait_for_text("Platform teams without the pain").await;
    let text = b.body_text().await;
    assert!(text.contains("Short talk") && text.contains("Kubernetes & orchestration"), "format and track shown:\n{text}");
    assert!(text.contains("Nadia Newcomer") && text.contains("Cyril Cospeaker"));
    b.screenshot("cfp-organiser-table").await;
    b.close().await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_talk_is_submitted_with_javascript_off_on_a_phone() {
    let app = TestApp::start(Backend::Sqlite).await;
    let (_, format, track) = event_with_cfp(&app, "no-js-conf", chrono::Utc::now() + chrono::Duration::days(3)).await;
    app.create_user("jo@example.org", "Jo Offline", PASSWORD, false).await;
    let b = Browser::start(BrowserOptions { javascript: false, width: 390, height: 844 }).await;
    b.goto(&app.url("/signin?next=/events/no-js-conf/cfp/propose")).await;
    b.fill("email", "jo@example.org").await;
    b.fill("password", PASSWORD).await;
    b.submit_form_of("password").await;
    b.wait_for_text("Propose a talk to").await;

    // A too-short abstract comes back with its message; then the real one goes through.
    fill_proposal(&b, "Offline first, really", format, track).await;
    b.fill("summary", "Too short.").await;
    b.click("button[value='submit']").await;
    b.wait_for_text("Write at least 100 characters").await;
    b.screenshot("cfp-error-phone-no-js").await;
    b.goto(&app.url("/events/no-js-conf/cfp/propose")).await;
    fill_proposal(&b, "Offline first, really", format, track).await;
    b.click("button[value='submit']").await;
    b.wait_for_text("Your proposal is submitted").await;
    b.wait_for_text("Offline first, really").await;
    let overflow = b.client.execute("return document.documentElement.scrollWidth > window.innerWidth", vec![]).await.unwrap();
    assert_eq!(overflow.as_bool(), Some(false), "no horizontal scrolling at 390 px");
    b.screenshot("cfp-submitted-phone-no-js").await;
    b.close().await;
    app.stop().await;
}
