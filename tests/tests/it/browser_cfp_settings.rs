//! In real Chromium: an organiser sets up the call for papers (dates, rules, formats); a speaker who
//! leaves the proposal page by a link finds the proposal kept as a draft.
use std::time::Duration;

use estrade_tests::browser::{Browser, BrowserOptions};
use estrade_tests::cfp::{event_with_cfp, proposal_form, send};
use estrade_tests::http::{client, sign_up};
use estrade_tests::{Backend, TestApp};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

const PASSWORD: &str = "correct horse battery";

async fn settings_of(app: &TestApp, event_id: i32) -> app::entities::cfp_settings::Model {
    use app::entities::cfp_settings as s;
    s::Entity::find().filter(s::Column::EventId.eq(event_id)).one(&app.state.db).await.unwrap().unwrap()
}

async fn format_named(app: &TestApp, event_id: i32, name: &str) -> Option<app::entities::format::Model> {
    use app::entities::format as f;
    f::Entity::find().filter(f::Column::EventId.eq(event_id)).filter(f::Column::Name.eq(name)).one(&app.state.db).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_organiser_sets_dates_rules_and_formats() {
    let app = TestApp::start(Backend::Sqlite).await;
    let (event, used_format, track) = event_with_cfp(&app, "setup-conf", chrono::Utc::now() + chrono::Duration::days(3)).await;
    app.create_user("olivia@example.org", "Olivia Organiser", PASSWORD, false).await;
    app.grant("olivia@example.org", event, "organizer").await;
    let speaker = client();
    sign_up(&speaker, &app, "sam@example.org", "Sam Speaker", PASSWORD).await;
    let res = send(&speaker, &app, "cfp/save", &proposal_form("setup-conf", "settings-test-key", used_format, track, "submit")).await;
    assert!(res.status().is_success() || res.status().is_redirection(), "proposal submitted: {}", res.status());

    let b = Browser::start(BrowserOptions::default()).await;
    b.sign_in(&app.base_url, "/admin/events/setup-conf/cfp", "olivia@example.org", PASSWORD).await;
    b.wait_for_text("Call for papers settings").await;
    b.wait_ready().await;
    b.set_value("closes_at", "2027-01-31T18:00").await;
    b.fill("max_proposals", "2").await;
    b.click("#f-lang_en").await;
    b.fill("cfp_text", "Tell us **your** story.").await;
    b.click("form:has([name='cfp_text']) button[type='submit']").await;
    b.wait_for_text("Settings saved.").await;
    let s = settings_of(&app, event).await;
    assert_eq!(s.closes_at.unwrap().to_rfc3339(), "2027-01-31T17:00:00+00:00", "18:00 in Paris is 17:00 UTC in winter");
    assert_eq!((s.max_proposals, s.languages.as_str(), s.cfp_text.as_str()), (Some(2), "fr", "Tell us **your** story."));
    b.wait_for_text("Closes in").await;

    b.type_into("#new-format-name", "Lightning talk").await;
    b.type_into("#new-format-duration", "5").await;
    b.click("form:has(#new-format-name) button[type='submit']").await;
    b.wait_for_text("Format added.").await;
    b.wait_for_text("Lightning talk").await;
    assert_eq!(format_named(&app, event, "Lightning talk").await.map(|f| f.duration_min), Some(5));

    let deep = format_named(&app, event, "Deep-dive").await.expect("default format");
    b.click(&format!("details:has(#format-{}-name) summary", deep.id)).await;
    b.click(&format!("#format-{}-hidden", deep.id)).await;
    b.click(&format!("form:has(#format-{}-name) button[type='submit']", deep.id)).await;
    b.wait_for_text("Format saved.").await;
    assert!(format_named(&app, event, "Deep-dive").await.unwrap().hidden);
    b.wait_for_text("hidden").await;

    b.click(&format!("details:has(#format-{used_format}-name) summary")).await;
    b.click(&format!("details:has(#format-{used_format}-name) .org-delete button")).await;
    b.wait_for_text("is used by 1 proposal; hide it instead").await;
    b.screenshot("cfp-settings-organiser").await;
    assert!(app::entities::format::Entity::find_by_id(used_format).one(&app.state.db).await.unwrap().is_some());

    b.goto(&app.url("/events/setup-conf/cfp/propose")).await;
    b.wait_for_text("Propose a talk to").await;
    let offered = b.body_text().await;
    assert!(offered.contains("Lightning talk") && !offered.contains("Deep-dive"), "the hidden format is not offered:\n{offered}");
    b.close().await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leaving_the_proposal_page_keeps_a_draft() {
    let app = TestApp::start(Backend::Sqlite).await;
    let (event, _, _) = event_with_cfp(&app, "autosave-conf", chrono::Utc::now() + chrono::Duration::days(3)).await;
    app.create_user("ada@example.org", "Ada Absent", PASSWORD, false).await;
    let b = Browser::start(BrowserOptions::default()).await;
    b.sign_in(&app.base_url, "/events/autosave-conf/cfp", "ada@example.org", PASSWORD).await;
    b.wait_for_text("Closes in").await;
    b.click("a[href='/events/autosave-conf/cfp/propose']").await;
    b.wait_for_text("Propose a talk to").await;
    b.fill("title", "Half-written thoughts on GitOps").await;
    b.fill("summary", "Started on the train, to finish tonight.").await;
    b.click("header a[href='/proposals']").await;

    let drafts = || async {
        use app::entities::proposal as p;
        p::Entity::find()
            .filter(p::Column::EventId.eq(event))
            .filter(p::Column::State.eq("draft"))
            .all(&app.state.db)
            .await
            .unwrap()
    };
    TestApp::eventually("the draft saved on leaving", Duration::from_secs(10), || async { !drafts().await.is_empty() }).await;
    let saved = drafts().await;
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].title, "Half-written thoughts on GitOps");
    assert_eq!(saved[0].summary, "Started on the train, to finish tonight.");

    b.goto(&app.url("/proposals")).await;
    b.wait_for_text("Half-written thoughts on GitOps").await;
    b.wait_for_text("Draft").await;
    b.close().await;
    app.stop().await;
}
