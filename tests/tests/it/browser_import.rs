//! In real Chromium, an organiser imports a pretalx/frab `schedule.json` by choosing the file on
//! the import page; a broken file is refused with its first problem named.
use estrade_tests::browser::{Browser, BrowserOptions};
use estrade_tests::import::sample_json;
use estrade_tests::selection::{conf, PASSWORD, SLUG};
use estrade_tests::{Backend, Setup};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_organiser_imports_a_schedule_file_from_the_import_page() {
    let c = conf(Backend::Sqlite, Setup::default()).await;
    let app = &c.app;
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, r#"{"schedule": {"version": "1"}}"#).unwrap();
    let good = dir.path().join("schedule.json");
    std::fs::write(&good, sample_json()).unwrap();

    let b = Browser::start(BrowserOptions { javascript: true, width: 1200, height: 1000 }).await;
    let page = format!("/admin/events/{SLUG}/schedule/import");
    b.sign_in(&app.base_url, &page, "olga@example.org", PASSWORD).await;
    b.wait_for_text("Import a schedule").await;
    b.wait_ready().await;

    b.present("#f-upload").await.send_keys(broken.to_str().unwrap()).await.unwrap();
    b.wait_for_value("#f-file", "\"version\"").await;
    b.click("form:has(#f-file) button[type='submit']").await;
    b.wait_for_text("“conference” is missing").await;
    b.screenshot("import-refused").await;

    b.present("#f-upload").await.send_keys(good.to_str().unwrap()).await.unwrap();
    b.wait_for_value("#f-file", "Supply chains, signed").await;
    b.click("form:has(#f-file) button[type='submit']").await;
    b.wait_for_text("v1 — imported").await;
    assert!(b.current_path().await.ends_with("/schedule/versions"), "{}", b.current_path().await);
    b.screenshot("import-done").await;
    b.close().await;
}
