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

/// Waits for the mail to `to` whose subject contains `subject`; returns its link starting with `prefix`.
async fn mailed_link(app: &TestApp, to: &str, subject: &str, prefix: &str) -> String {
    let mut link = None;
    TestApp::eventually(&format!("a mail to {to} about {subject}"), std::time::Duration::from_secs(15), || {
        link = app
            .mail_files()
            .into_iter()
            .find(|m| m.to.contains(to) && m.subject.contains(subject))
            .map(|m| m.link(&app.url(prefix)).unwrap_or_default());
        let found = link.is_some();
        async move { found }
    })
    .await;
    link.unwrap()
}

/// Opens a proposal's decision form on the selection page and saves `decision`, the `n`th pending one.
async fn decide(b: &Browser, code: &str, decision: &str, n: usize) {
    b.click(&format!("details:has(#d-{code}-decision) summary")).await;
    b.choose(&format!("#d-{code}-decision"), decision).await;
    b.click(&format!("form:has(#d-{code}-decision) button[type='submit']")).await;
    b.wait_for_text("Decision saved").await;
    let waiting = if n == 1 { "1 decision is waiting".to_string() } else { format!("{n} decisions are waiting") };
    b.wait_for_text(&waiting).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn organisers_decide_publish_and_promote_while_speakers_answer_by_mail() {
    let app = TestApp::start(Backend::Sqlite).await;
    let (event, format, track) = event_with_cfp(&app, "decide-conf", chrono::Utc::now() + chrono::Duration::days(3)).await;
    let mut codes = Vec::new();
    for (i, title) in TITLES.iter().enumerate() {
        let (_, code) = speaker_submits(&app, "decide-conf", &format!("speaker{i}@example.org"), &format!("Speaker {i}"), title, format, track).await;
        codes.push(code);
    }
    app.create_user("olivia@example.org", "Olivia Organiser", PASSWORD, false).await;
    app.grant("olivia@example.org", event, "organizer").await;

    let b = Browser::start(BrowserOptions::default()).await;
    b.sign_in(&app.base_url, "/admin/events/decide-conf/selection/settings", "olivia@example.org", PASSWORD).await;
    b.wait_ready().await;
    let deadline = (chrono::Utc::now() + chrono::Duration::days(10)).format("%Y-%m-%dT18:00").to_string();
    b.set_value("confirm_by", &deadline).await;
    b.click("form:has([name='confirm_by']) button[type='submit']").await;
    b.wait_for_text("Settings saved.").await;
    b.goto(&app.url("/admin/events/decide-conf/selection")).await;
    b.wait_for_text("Accepted per format").await;
    b.wait_ready().await;
    for (n, (code, decision)) in codes.iter().zip(["accepted", "accepted", "waitlisted", "rejected"]).enumerate() {
        decide(&b, code, decision, n + 1).await;
    }
    b.wait_for_text("4 decisions are waiting to be published").await;
    let decided = |m: &estrade_tests::smtp::Mail| m.subject.contains("accepted") || m.subject.contains("waiting list") || m.subject.starts_with("About your proposal");
    assert!(!app.mail_files().iter().any(decided), "no decision is mailed before publishing");
    b.click("form:has(input[name='slug']) button[type='submit'].primary").await;
    b.wait_for_text("Decisions published").await;
    b.screenshot("selection-published").await;

    let confirm = mailed_link(&app, "speaker0@", "is accepted", "/confirm/").await;
    let decline = mailed_link(&app, "speaker1@", "is accepted", "/confirm/").await;
    mailed_link(&app, "speaker2@", "waiting list", "/").await;
    mailed_link(&app, "speaker3@", "About your proposal", "/").await;

    let speaker = Browser::start(BrowserOptions { javascript: true, width: 390, height: 844 }).await;
    speaker.goto(&confirm).await;
    speaker.wait_ready().await;
    speaker.click("button[value='confirm']").await;
    speaker.wait_for_text("your talk is confirmed").await;
    speaker.goto(&confirm).await;
    speaker.wait_for_text("already").await;
    speaker.goto(&decline).await;
    speaker.wait_ready().await;
    speaker.click("button[value='decline']").await;
    speaker.wait_for_text("you will not give this talk").await;
    speaker.screenshot("selection-declined-phone").await;
    speaker.close().await;

    b.goto(&app.url("/admin/events/decide-conf/selection")).await;
    b.wait_for_text("was declined by its speakers").await;
    b.wait_for_text(TITLES[2]).await;
    b.wait_ready().await;
    b.click("form:has(input[name='code']) button.primary").await;
    b.wait_for_text("Promoted").await;
    mailed_link(&app, "speaker2@", "is accepted", "/confirm/").await;
    b.screenshot("selection-promoted").await;
    b.close().await;
    app.stop().await;
}
