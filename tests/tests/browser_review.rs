//! In real Chromium: a reviewer works through the queue; then the organisers decide, publish, and
//! speakers answer from their mail.
use estrade_tests::browser::{Browser, BrowserOptions};
use estrade_tests::cfp::event_with_cfp;
use estrade_tests::review::{speaker_submits, PASSWORD};
use estrade_tests::{Backend, TestApp};

const TITLES: [&str; 4] = [
    "Golden paths, forty teams later",
    "Our SLOs lied for six months",
    "SBOMs nobody reads",
    "Green clusters, real numbers",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reviewer_reviews_three_proposals_from_the_queue() {
    let app = TestApp::start(Backend::Sqlite).await;
    let (event, format, track) = event_with_cfp(&app, "review-conf", chrono::Utc::now() + chrono::Duration::days(3)).await;
    for (i, title) in TITLES.iter().enumerate() {
        speaker_submits(&app, "review-conf", &format!("speaker{i}@example.org"), &format!("Speaker Number{i}"), title, format, track).await;
    }
    app.create_user("rita@example.org", "Rita Reviewer", PASSWORD, false).await;
    app.grant("rita@example.org", event, "reviewer").await;

    let b = Browser::start(BrowserOptions { javascript: true, width: 390, height: 844 }).await;
    b.sign_in(&app.base_url, "/review", "rita@example.org", PASSWORD).await;
    b.wait_for_text("Event review-conf").await;
    b.click("a[href='/review/review-conf']").await;
    b.wait_for_text("0 / 4 reviewed").await;
    b.click("a.button.primary").await;
    for (n, score) in ["4", "2", "none"].into_iter().enumerate() {
        b.wait_for_text("Your review").await;
        b.click(&format!("#score-{score}")).await;
        b.fill("comment", &format!("Comment number {n}")).await;
        b.click("button[name='next']").await;
        b.wait_for_text(&format!("{} / 4 reviewed", n + 1)).await;
    }
    b.wait_for_text("Here is the next proposal").await;
    let page = b.body_text().await;
    assert!(!page.contains("Speaker Number"), "anonymous review names nobody:\n{page}");
    b.screenshot("review-proposal-phone").await;
    b.click("a[href='/review/review-conf']").await;
    b.wait_for_text("3 / 4 reviewed").await;
    b.wait_for_text("No opinion").await;
    b.screenshot("review-queue-phone").await;

    let stored = {
        use sea_orm::EntityTrait;
        app::entities::review::Entity::find().all(&app.state.db).await.unwrap()
    };
    let mut scores: Vec<Option<i32>> = stored.iter().map(|r| r.score).collect();
    scores.sort();
    assert_eq!(scores, [None, Some(2), Some(4)]);
    assert!(stored.iter().any(|r| r.comment == "Comment number 1"));
    b.close().await;
    app.stop().await;
}
