//! The FR | EN switch in real Chromium, with JavaScript off and on: plain links that come back to
//! the same page, a choice that stays for the next pages, and the app (the schedule builder) that
//! keeps the server's language, also for a page reached from it by a client-side move.
use estrade_tests::browser::{Browser, BrowserOptions};
use estrade_tests::schedule::sched;
use estrade_tests::selection::{PASSWORD, SLUG};
use estrade_tests::{Backend, Setup, TestApp};

async fn html_lang(b: &Browser) -> String {
    let v = b.client.execute("return document.documentElement.lang", vec![]).await.expect("script");
    v.as_str().unwrap_or_default().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_switch_works_with_javascript_off() {
    let app = TestApp::start(Backend::Sqlite).await;
    let b = Browser::start(BrowserOptions { javascript: false, width: 420, height: 900 }).await;
    b.goto(&app.url("/signin?next=/account")).await;
    b.wait_for_text("Forgot your password").await;
    assert_eq!(html_lang(&b).await, "en");

    b.click(".lang-switch a[hreflang='fr']").await;
    b.wait_for_text("Mot de passe oublié").await;
    assert_eq!(html_lang(&b).await, "fr");
    assert_eq!(b.current_path().await, "/signin", "back on the same page");
    b.screenshot("language-switch-fr-no-js").await;

    // The choice stays for the next pages, until switched back.
    b.goto(&app.url("/")).await;
    b.wait_for_text("Événements à venir").await;
    b.click(".lang-switch a[hreflang='en']").await;
    b.wait_for_text("Upcoming events").await;
    assert_eq!(html_lang(&b).await, "en");
    b.close().await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_hydrated_app_keeps_the_language_of_the_page() {
    // The schedule builder is the page that loads the app.
    let s = sched(Backend::Sqlite, Setup::default()).await;
    let app = &s.c.app;
    let b = Browser::start(BrowserOptions { javascript: true, width: 1400, height: 1000 }).await;
    b.goto(&app.url("/signin")).await;
    b.wait_ready().await;
    b.click(".lang-switch a[hreflang='fr']").await;
    b.wait_for_text("Mot de passe oublié").await;
    b.sign_in(&app.base_url, &format!("/admin/events/{SLUG}/schedule"), "olga@example.org", PASSWORD).await;
    b.wait_for_text("Talks à placer").await;
    b.wait_ready().await;
    assert_eq!(html_lang(&b).await, "fr");
    let text = b.body_text().await;
    assert!(!text.contains("Unscheduled talks"), "{text}");
    // A page reached by a client-side move from the app is loaded from the server, in French too.
    b.click(".sched-card a.place-link").await;
    b.wait_for_text("Placer «").await;
    b.wait_ready().await;
    assert_eq!(html_lang(&b).await, "fr");
    b.screenshot("language-switch-fr-hydrated").await;
    b.close().await;
}
