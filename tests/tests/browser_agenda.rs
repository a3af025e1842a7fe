//! In real Chromium, as an attendee without an account: filter the agenda by track, open a talk,
//! star two talks at the same time and see the overlap in "My agenda", fetch the personal calendar;
//! the same agenda with JavaScript off; a phone-sized screen gets the list, a wide one the grid.
use app::entities::{proposal, track};
use estrade_tests::browser::{Browser, BrowserOptions};
use estrade_tests::schedule::{sched, Sched};
use estrade_tests::selection::SLUG;
use estrade_tests::{Backend, Setup};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

/// Gamma moves to a "Security" track; Alpha (Amphi) and Gamma (Atelier) at 10:00, Beta (Atelier)
/// at 11:00, published.
async fn two_tracks_published() -> Sched {
    let s = sched(Backend::Sqlite, Setup::default()).await;
    let db = &s.c.app.state.db;
    let security = track::ActiveModel {
        event_id: Set(s.c.event),
        name: Set("Security".into()),
        description: Set(String::new()),
        colour: Set("#b42318".into()),
        hidden: Set(false),
        position: Set(5),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    let gamma = proposal::Entity::find().filter(proposal::Column::Code.eq(&s.codes[2])).one(db).await.unwrap().unwrap();
    proposal::ActiveModel { track_id: Set(Some(security.id)), ..gamma.into() }.update(db).await.unwrap();
    assert_eq!(s.place(&s.codes[0], &s.room(0), "10:00", "40").await.status(), 200);
    assert_eq!(s.place(&s.codes[2], &s.room(1), "10:00", "40").await.status(), 200);
    assert_eq!(s.place(&s.codes[1], &s.room(1), "11:00", "40").await.status(), 200);
    assert_eq!(s.call("publish", &[("name", "")]).await.status(), 200);
    s
}

async fn display_of(b: &Browser, css: &str) -> String {
    let script = format!("return getComputedStyle(document.querySelector(\"{css}\")).display");
    b.client.execute(&script, vec![]).await.unwrap().as_str().unwrap_or_default().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_attendee_filters_stars_overlapping_talks_and_takes_them_home() {
    let s = two_tracks_published().await;
    let app = &s.c.app;
    let agenda = app.url(&format!("/events/{SLUG}/agenda"));
    let b = Browser::start(BrowserOptions { javascript: true, width: 1400, height: 1000 }).await;
    b.goto(&agenda).await;
    b.wait_hydrated().await;
    b.wait_for_text("3 of 3 talks").await;
    assert_eq!(display_of(&b, ".agenda").await, "grid", "a wide screen shows rooms × time");
    b.screenshot("agenda-desktop").await;

    // Filtering by track narrows the list at once, and the URL says so (a shareable link).
    b.click(".filters-box > summary").await;
    b.choose("#filter-track", "Security").await;
    b.wait_for_text("1 of 3 talks").await;
    assert!(b.client.current_url().await.unwrap().as_str().contains("track=Security"));
    assert!(!b.body_text().await.contains("Alpha talk"));

    // Star both 10:00 talks from the full agenda.
    b.goto(&agenda).await;
    b.wait_hydrated().await;
    b.click("button.star[aria-label*='Alpha talk']").await;
    b.click("button.star[aria-label*='Gamma talk']").await;
    b.present("button.star.on[aria-label*='Gamma talk']").await;

    // Open a talk.
    b.click(&format!("a[href='/events/{SLUG}/talk/{}']", s.codes[0])).await;
    b.wait_for_text("Wednesday 10 March, 10:00–10:40").await;
    b.wait_for_text("Bea Martin, PhD").await;
    b.screenshot("agenda-talk").await;

    // My agenda shows both and says they overlap.
    b.goto(&app.url(&format!("/events/{SLUG}/my"))).await;
    b.wait_for_text("“Alpha talk” and “Gamma talk” overlap.").await;
    b.screenshot("agenda-my").await;
    let ics = b.present("a[href*='faved.ics']").await.attr("href").await.unwrap().unwrap();
    let body = reqwest::get(app.url(&ics)).await.unwrap().text().await.unwrap();
    assert_eq!(body.matches("BEGIN:VEVENT").count(), 2, "{body}");
    assert!(body.contains("SUMMARY:Alpha talk") && body.contains("SUMMARY:Gamma talk"), "{body}");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_agenda_works_without_javascript_and_as_a_list_on_a_phone() {
    let s = two_tracks_published().await;
    let app = &s.c.app;
    let b = Browser::start(BrowserOptions { javascript: false, width: 390, height: 844 }).await;
    b.goto(&app.url(&format!("/events/{SLUG}/agenda"))).await;
    b.wait_for_text("3 of 3 talks").await;
    assert_eq!(display_of(&b, ".agenda").await, "block", "a phone gets the list");
    assert_eq!(display_of(&b, "button.star").await, "none", "no star where nothing could keep it");
    b.screenshot("agenda-phone-no-js").await;
    // The filter form is a plain GET form, folded away so the talks come first on a phone.
    b.click(".filters-box > summary").await;
    b.choose("#filter-room", "Atelier").await;
    b.click(".filters button[type='submit']").await;
    b.wait_for_text("2 of 3 talks").await;
    let text = b.body_text().await;
    assert!(text.contains("Beta talk") && text.contains("Gamma talk") && !text.contains("Alpha talk"), "{text}");
    // Day tabs and talk links are plain links.
    b.click(&format!("a[href='/events/{SLUG}/talk/{}']", s.codes[1])).await;
    b.wait_for_text("Wednesday 10 March, 11:00–11:40").await;
    b.close().await;
}
