//! The FR | EN switch in real Chromium, with JavaScript off and on: plain links that come back to
//! the same page, a choice that stays for the next pages, and a hydrated app that keeps the
//! server's language (also when it renders a page itself after a client-side navigation).
use estrade_tests::browser::{Browser, BrowserOptions};
use estrade_tests::{Backend, TestApp};

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
    let app = TestApp::start(Backend::Sqlite).await;
    let b = Browser::start(BrowserOptions::default()).await;
    b.goto(&app.url("/signin")).await;
    b.wait_hydrated().await;
    b.click(".lang-switch a[hreflang='fr']").await;
    b.wait_for_text("Mot de passe oublié").await;
    b.wait_hydrated().await;
    assert_eq!(html_lang(&b).await, "fr");
    // A page the app renders in the browser after a client-side navigation is French too.
    b.click("a[href='/signup']").await;
    b.wait_for_text("Créez votre compte").await;
    let text = b.body_text().await;
    assert!(!text.contains("Create your account"), "{text}");
    assert!(text.contains("Se connecter"), "the menu stays French: {text}");
    b.screenshot("language-switch-fr-hydrated").await;
    b.close().await;
    app.stop().await;
}
