//! An accepted speaker states, in real Chromium (hydrated), a time they cannot speak on their
//! proposal page, sees a mistake explained next to the field, and removes the time again.
use estrade_tests::browser::{Browser, BrowserOptions};
use estrade_tests::selection::{conf, PASSWORD};
use estrade_tests::{Backend, Setup};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_accepted_speaker_states_and_removes_a_time_they_cannot_speak() {
    let c = conf(Backend::Sqlite, Setup::default()).await;
    let (_, code) = c.submit("ada@example.org", "Ada Speaker", "Alpha talk", c.formats[0]).await;
    assert_eq!(c.settings(true, "").await.status(), 200);
    assert_eq!(c.decide(&code, "accepted", "", "").await.status(), 200);
    assert_eq!(c.org_call("publish", &[]).await.status(), 200);
    let b = Browser::start(BrowserOptions::default()).await;
    let page = format!("/proposals/{code}");
    b.sign_in(&c.app.base_url, &page, "ada@example.org", PASSWORD).await;
    b.wait_for_text("When you cannot speak").await;
    b.wait_ready().await;
    b.wait_for_text("No times stated").await;

    // A mistake: the end before the start, explained next to the field; nothing written.
    b.set_value("starts_at", "2027-03-10T15:00").await;
    b.set_value("ends_at", "2027-03-10T14:00").await;
    b.submit_form_of("starts_at").await;
    b.wait_for_text("The end must be after the start.").await;
    assert!(app::availability::service::unavailable_in(&c.app.state.db, c.event).await.unwrap().is_empty());

    b.set_value("starts_at", "2027-03-10T14:00").await;
    b.set_value("ends_at", "2027-03-10T16:00").await;
    b.fill("note", "Dentist").await;
    b.submit_form_of("starts_at").await;
    b.wait_for_text("Time added.").await;
    b.wait_for_text("Wed 10 Mar 2:00 pm – 4:00 pm · Dentist").await;
    b.screenshot("availability-added").await;
    let stored = app::availability::service::unavailable_in(&c.app.state.db, c.event).await.unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].start.to_rfc3339(), "2027-03-10T13:00:00+00:00");

    b.click("#unavailability form:has([name='id']) button[type='submit']").await;
    b.wait_for_text("Time removed.").await;
    b.wait_for_text("No times stated").await;
    assert!(app::availability::service::unavailable_in(&c.app.state.db, c.event).await.unwrap().is_empty());
    b.close().await;
    c.app.stop().await;
}
