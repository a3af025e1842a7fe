//! Real Chromium driving real pages (SQLite). Needs the site built by `cargo leptos build`
//! (`make test` does it) and Debian's chromium + chromium-driver.
use estrade_tests::browser::{Browser, BrowserOptions};
use estrade_tests::{Backend, TestApp};

const PASSWORD: &str = "correct horse battery";

fn site_is_built() {
    let pkg = estrade_tests::site_root().join("pkg");
    assert!(
        pkg.exists(),
        "{} is missing: build the site first (`make test` runs `cargo leptos build`)",
        pkg.display()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_up_sign_out_sign_in_and_see_the_account() {
    site_is_built();
    let app = TestApp::start(Backend::Sqlite).await;
    let b = Browser::start(BrowserOptions::default()).await;

    b.goto(&app.url("/signup")).await;
    b.wait_ready().await;
    b.fill("email", "nina@example.org").await;
    b.fill("display_name", "Nina Newcomer").await;
    b.fill("password", PASSWORD).await;
    b.submit_form_of("display_name").await;
    b.wait_for_text("Welcome to Estrade!").await;
    assert_eq!(b.current_path().await, "/account");
    b.wait_for_text("Nina Newcomer").await;
    b.screenshot("account-desktop").await;

    b.click("header button[type='submit']").await;
    b.wait_for_text("Sign up").await;
    assert_eq!(b.current_path().await, "/");

    b.goto(&app.url("/signin")).await;
    b.wait_ready().await;
    b.fill("email", "nina@example.org").await;
    b.fill("password", "wrong password").await;
    b.submit_form_of("password").await;
    b.wait_for_text("The email or password is incorrect.").await;
    b.fill("password", PASSWORD).await;
    b.submit_form_of("password").await;
    b.wait_for_text("Change password").await;
    assert_eq!(b.current_path().await, "/account");
    b.close().await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_works_with_javascript_disabled() {
    site_is_built();
    let app = TestApp::start(Backend::Sqlite).await;
    app.create_user("omar@example.org", "Omar Offline", PASSWORD, false).await;
    let b = Browser::start(BrowserOptions { javascript: false, ..Default::default() }).await;

    b.goto(&app.url("/signin")).await;
    b.fill("email", "omar@example.org").await;
    b.fill("password", "not my password").await;
    b.submit_form_of("password").await;
    b.wait_for_text("The email or password is incorrect.").await;
    assert_eq!(b.current_path().await, "/signin", "the error comes back to the form");

    b.fill("email", "omar@example.org").await;
    b.fill("password", PASSWORD).await;
    b.submit_form_of("password").await;
    b.wait_for_text("Omar Offline").await;
    assert_eq!(b.current_path().await, "/account");
    b.screenshot("account-no-js").await;
    b.close().await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_up_form_fits_a_phone() {
    site_is_built();
    let app = TestApp::start(Backend::Sqlite).await;
    let b = Browser::start(BrowserOptions { width: 390, height: 844, ..Default::default() }).await;
    b.goto(&app.url("/signup")).await;
    b.wait_ready().await;
    let overflow = b
        .client
        .execute("return document.documentElement.scrollWidth > window.innerWidth", vec![])
        .await
        .unwrap();
    assert_eq!(overflow.as_bool(), Some(false), "no horizontal scrolling at 390 px");
    b.screenshot("signup-phone").await;
    b.close().await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "manual: serves a test app for 60 s on the printed URL"]
async fn serve_for_debugging() {
    let app = TestApp::start(Backend::Sqlite).await;
    println!("TEST APP AT {}", app.base_url);
    tokio::time::sleep(std::time::Duration::from_secs(60)).await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "manual: DEMO_URL=… DEMO_EMAIL=… DEMO_PASSWORD=… DEMO_PATHS=/a,/b [DEMO_WIDTH=390] [DEMO_NO_JS=1] screenshots a running server's pages"]
async fn screenshot_running_server() {
    let var = |k: &str| std::env::var(k).unwrap_or_default();
    let (base, width) = (var("DEMO_URL"), var("DEMO_WIDTH").parse().unwrap_or(1280));
    let javascript = var("DEMO_NO_JS").is_empty();
    let b = Browser::start(BrowserOptions { javascript, width, height: 1400 }).await;
    if !var("DEMO_EMAIL").is_empty() {
        b.sign_in(&base, "/", &var("DEMO_EMAIL"), &var("DEMO_PASSWORD")).await;
        b.wait_for_text("Sign out").await;
    }
    for (i, path) in var("DEMO_PATHS").split(',').enumerate() {
        b.goto(&format!("{base}{path}")).await;
        if !javascript {
            b.wait_for_text("Estrade").await;
        } else if domain::agenda::is_attendee_page(path.split('?').next().unwrap_or_default()) {
            b.wait_agenda_script().await;
        } else {
            b.wait_ready().await;
        }
        b.screenshot(&format!("manual-{i}")).await;
    }
    b.close().await;
}
