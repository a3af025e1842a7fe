//! With JavaScript off in real Chromium, a form the server refuses comes back with everything that
//! was typed and chosen, and the error beside its field (issue 14, "Nothing typed or chosen is lost").
use serde_json::json;

use estrade_tests::browser::{Browser, BrowserOptions};
use estrade_tests::cfp::event_with_cfp;
use estrade_tests::{Backend, TestApp};

const PASSWORD: &str = "correct horse battery";

/// An abstract of exactly 2,000 characters as the browser counts them, line breaks included.
fn long_abstract() -> String {
    let line = "We moved forty teams to golden paths; this is what broke, what held and why.\n";
    line.repeat(30).chars().take(2000).collect()
}

/// The current value of the field `css` finds.
async fn value(b: &Browser, css: &str) -> String {
    let v = b.client.execute("return document.querySelector(arguments[0]).value", vec![json!(css)]).await.expect("script");
    v.as_str().unwrap_or_default().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_proposal_and_profile_come_back_as_typed_with_javascript_off() {
    let app = TestApp::start(Backend::Sqlite).await;
    let (event, _, _) = event_with_cfp(&app, "flash-conf", chrono::Utc::now() + chrono::Duration::days(3)).await;
    let format = app::events::cfp_settings::formats_of(&app.state.db, event, false).await.unwrap()[2].id.to_string();
    let track = app::events::cfp_settings::tracks_of(&app.state.db, event, false).await.unwrap()[3].id.to_string();
    app.create_user("jo@example.org", "Jo Offline", PASSWORD, false).await;
    let b = Browser::start(BrowserOptions { javascript: false, ..Default::default() }).await;
    b.goto(&app.url("/signin?next=/events/flash-conf/cfp/propose")).await;
    b.fill("email", "jo@example.org").await;
    b.fill("password", PASSWORD).await;
    b.submit_form_of("password").await;
    b.wait_for_text("Propose a talk to").await;

    // A draft with a two-letter title: the server refuses it ("Save draft" skips the browser's checks).
    let summary = long_abstract();
    let details = "Outline:\n1. Where we started\n2. What we built </textarea> & why";
    b.fill("title", "Hi").await;
    b.set_value("summary", &summary).await;
    b.fill("details", details).await;
    b.select("format_id", &format).await;
    b.select("track_id", &track).await;
    b.select("level", "advanced").await;
    b.select("language", "en").await;
    b.click("button[value='draft']").await;
    b.wait_for_text("Use at least 5 characters.").await;
    b.screenshot("form-flash-proposal-no-js").await;
    assert_eq!(value(&b, "#f-title").await, "Hi");
    assert_eq!(value(&b, "#f-summary").await, summary);
    assert_eq!(value(&b, "#f-details").await, details);
    assert_eq!(value(&b, "#f-format_id").await, format);
    assert_eq!(value(&b, "#f-track_id").await, track);
    assert_eq!(value(&b, "#f-level").await, "advanced");
    assert_eq!(value(&b, "#f-language").await, "en");
    let beside = b
        .client
        .execute("return document.querySelector('#f-title-error').closest('.field').querySelector('#f-title') !== null", vec![])
        .await
        .unwrap();
    assert_eq!(beside.as_bool(), Some(true), "the error sits in the title's field");

    // Corrected, the same 2,000 characters go through: the server counts line breaks as the browser does.
    b.fill("title", "Golden paths, forty teams later").await;
    b.click("button[value='submit']").await;
    b.wait_for_text("Your proposal is submitted").await;

    // The profile: a bio and private notes survive a refused GitHub name.
    b.goto(&app.url("/profile")).await;
    let bio = "Jo builds platforms.\nShe speaks at meetups </textarea> & conferences.";
    let notes = "Wheelchair access, please.\nArriving by train.";
    b.fill("public_name", "Jo Offline").await;
    b.fill("bio", bio).await;
    b.fill("private_notes", notes).await;
    b.fill("github", "not a user name!").await;
    b.submit_form_of("private_notes").await;
    b.wait_for_text("Use your GitHub user name").await;
    assert_eq!(value(&b, "#f-bio").await, bio);
    assert_eq!(value(&b, "#f-private_notes").await, notes);
    assert_eq!(value(&b, "#f-github").await, "not a user name!");
    b.screenshot("form-flash-profile-no-js").await;
    b.close().await;
    app.stop().await;
}

/// The element that has the focus: its id, and whether it is inside the visible part of the page.
async fn focused(b: &Browser) -> (String, bool) {
    let v = b
        .client
        .execute(
            "const el = document.activeElement; const r = el.getBoundingClientRect(); \
             return [el.id || el.tagName, r.top >= 0 && r.bottom <= window.innerHeight];",
            vec![],
        )
        .await
        .expect("script");
    (v[0].as_str().unwrap_or_default().to_string(), v[1].as_bool().unwrap_or(false))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_phone_a_refused_form_puts_the_first_error_where_the_eye_is() {
    let app = TestApp::start(Backend::Sqlite).await;
    event_with_cfp(&app, "focus-conf", chrono::Utc::now() + chrono::Duration::days(3)).await;
    let b = Browser::start(BrowserOptions { javascript: true, width: 390, height: 700 }).await;

    // "Propose a talk" → sign up → back to the proposal form, not the account page.
    b.goto(&app.url("/events/focus-conf/cfp/propose")).await;
    b.wait_ready().await;
    b.click("a[href^='/signup?next=']").await;
    b.wait_for_text("Create your account").await;
    b.wait_ready().await;
    b.fill("email", "newcomer@example.org").await;
    b.fill("display_name", "New Comer").await;
    b.fill("password", PASSWORD).await;
    b.submit_form_of("display_name").await;
    b.wait_for_text("Propose a talk to").await;
    assert_eq!(b.current_path().await, "/events/focus-conf/cfp/propose");
    b.wait_ready().await;

    // A two-letter title saved as a draft from the bottom of the form: the title takes the focus, on screen.
    b.fill("title", "Hi").await;
    b.click("button[value='draft']").await;
    b.wait_for_text("Use at least 5 characters.").await;
    b.wait_ready().await;
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(5);
    let mut now = focused(&b).await;
    while now.0 != "f-title" && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        now = focused(&b).await;
    }
    assert_eq!(now, ("f-title".to_string(), true), "the field in error has the focus and is on screen");
    b.screenshot("phone-refused-draft-focus").await;
    b.close().await;
    app.stop().await;
}
