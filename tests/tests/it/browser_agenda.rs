//! In real Chromium, as an attendee without an account: filter the agenda by track, open a talk,
//! star two talks at the same time and see the overlap in "My agenda", fetch the personal calendar;
//! the same agenda with JavaScript off; a phone-sized screen gets the list, a wide one the grid;
//! stars follow an attendee into their account, and organisers see the counts.
use app::entities::{proposal, track};
use estrade_tests::browser::{Browser, BrowserOptions};
use estrade_tests::schedule::{sched, Sched};
use estrade_tests::selection::{PASSWORD, SLUG};
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
    s.publish_sample().await;
    s
}

/// The top and bottom of the first session box whose text holds `title`.
async fn box_of(b: &Browser, title: &str) -> (f64, f64) {
    let script = "const el = [...document.querySelectorAll('.session')].find(e => e.innerText.includes(arguments[0])); \
        const r = el.getBoundingClientRect(); return [r.top, r.bottom];";
    let v = b.client.execute(script, vec![serde_json::json!(title)]).await.unwrap();
    (v[0].as_f64().unwrap(), v[1].as_f64().unwrap())
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
    b.wait_agenda_script().await;
    b.wait_for_text("3 of 3 talks").await;
    assert_eq!(display_of(&b, ".agenda").await, "grid", "a wide screen shows rooms × time");
    assert_eq!(box_of(&b, "Alpha talk").await.0, box_of(&b, "Gamma talk").await.0, "talks at the same time side by side");
    b.screenshot("agenda-desktop").await;

    // Filtering by track narrows the list at once, and the URL says so (a shareable link).
    b.click(".filters-box > summary").await;
    b.choose("#filter-track", "Security").await;
    b.wait_for_text("1 of 3 talks").await;
    assert!(b.client.current_url().await.unwrap().as_str().contains("track=Security"));
    assert!(!b.body_text().await.contains("Alpha talk"));

    // Star both 10:00 talks from the full agenda.
    b.goto(&agenda).await;
    b.wait_agenda_script().await;
    b.click("button.star[aria-label*='Alpha talk']").await;
    b.click("button.star[aria-label*='Gamma talk']").await;
    b.present("button.star.on[aria-label*='Gamma talk']").await;

    // Open a talk.
    b.click(&format!("a[href='/events/{SLUG}/talk/{}']", s.codes[0])).await;
    b.wait_for_text("Wednesday 10 March, 10:00–10:40").await;
    b.wait_for_text("Bea Martin, PhD").await;
    b.screenshot("agenda-talk").await;

    b.wait_agenda_script().await;

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
    let (alpha, gamma) = (box_of(&b, "Alpha talk").await, box_of(&b, "Gamma talk").await);
    assert!(gamma.0 >= alpha.1, "on a phone talks at the same time come one under the other: {alpha:?} {gamma:?}");
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

async fn account_stars(s: &Sched) -> usize {
    app::entities::favourite::Entity::find().all(&s.c.app.state.db).await.unwrap().len()
}

async fn wait_account_stars(s: &Sched, n: usize) {
    estrade_tests::TestApp::eventually(&format!("{n} stars in the account"), std::time::Duration::from_secs(10), || async {
        account_stars(s).await == n
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stars_follow_an_attendee_into_their_account_and_organisers_count_them() {
    let s = two_tracks_published().await;
    let app = &s.c.app;
    app.create_user("zoe@example.org", "Zoe Attendee", PASSWORD, false).await;
    let agenda = format!("/events/{SLUG}/agenda");
    let b = Browser::start(BrowserOptions { javascript: true, width: 390, height: 844 }).await;
    b.goto(&app.url(&agenda)).await;
    b.wait_agenda_script().await;
    b.click("button.star[aria-label*='Alpha talk']").await;
    b.present("button.star.on[aria-label*='Alpha talk']").await;
    assert_eq!(account_stars(&s).await, 0, "without an account the star stays in the browser");

    // Signing in brings the browser's star into the account.
    b.sign_in(&app.base_url, &agenda, "zoe@example.org", PASSWORD).await;
    b.wait_for_text("3 of 3 talks").await;
    b.wait_agenda_script().await;
    wait_account_stars(&s, 1).await;
    b.present("button.star.on[aria-label*='Alpha talk']").await;
    b.click("button.star[aria-label*='Beta talk']").await;
    wait_account_stars(&s, 2).await;

    // Another device (a browser with no list of its own) shows the account's stars.
    b.client.execute("localStorage.clear(); location.reload()", vec![]).await.unwrap();
    b.wait_agenda_script().await;
    b.present("button.star.on[aria-label*='Beta talk']").await;
    b.present("button.star.on[aria-label*='Alpha talk']").await;
    b.client.execute("window.scrollTo(0, 0)", vec![]).await.unwrap();
    b.screenshot("agenda-signed-in-phone").await;
    b.goto(&app.url(&format!("/events/{SLUG}/my"))).await;
    b.wait_for_text("Beta talk").await;
    b.screenshot("agenda-my-signed-in").await;

    // The organiser sees one star on Alpha and Beta, none on Gamma.
    b.client.delete_all_cookies().await.unwrap();
    b.sign_in(&app.base_url, &format!("/admin/events/{SLUG}/schedule/interest"), "olga@example.org", PASSWORD).await;
    b.wait_for_text("Audience interest").await;
    b.wait_for_text("1 signed-in attendee starred").await;
    let rows = b
        .client
        .execute(
            "return [...document.querySelectorAll('table.interest tbody tr')].map(r => r.innerText.replace(/\\s+/g, ' ').trim())",
            vec![],
        )
        .await
        .unwrap();
    let rows: Vec<String> = rows.as_array().unwrap().iter().map(|r| r.as_str().unwrap().to_string()).collect();
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert!(rows[0].starts_with("Alpha talk") && rows[0].ends_with("300 1"), "{rows:?}");
    assert!(rows[1].starts_with("Beta talk") && rows[1].ends_with("40 1"), "{rows:?}");
    assert!(rows[2].starts_with("Gamma talk") && rows[2].ends_with("40 0"), "{rows:?}");
    b.screenshot("agenda-interest").await;
    b.close().await;
}

/// The codes the browser keeps for the event, sorted.
async fn stored_stars(b: &Browser) -> Vec<String> {
    let key = format!("estrade:favourites:{SLUG}");
    let v = b.client.execute("return localStorage.getItem(arguments[0]) || ''", vec![serde_json::json!(key)]).await.unwrap();
    let mut codes: Vec<String> = v.as_str().unwrap().split(',').filter(|c| !c.is_empty()).map(str::to_string).collect();
    codes.sort();
    codes
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stars_survive_back_and_forward_and_never_overwrite_each_other() {
    let s = two_tracks_published().await;
    let app = &s.c.app;
    let b = Browser::start(BrowserOptions { javascript: true, width: 1400, height: 1000 }).await;
    b.goto(&app.url(&format!("/events/{SLUG}/agenda"))).await;
    b.wait_agenda_script().await;

    // Star Alpha on its own page, then Back to the agenda the browser kept.
    b.click(&format!("a[href='/events/{SLUG}/talk/{}']", s.codes[0])).await;
    b.wait_for_text("Wednesday 10 March, 10:00–10:40").await;
    b.wait_agenda_script().await;
    b.click("button.star[aria-label*='Alpha talk']").await;
    b.present("button.star.on[aria-label*='Alpha talk']").await;
    b.client.back().await.unwrap();
    b.wait_for_text("3 of 3 talks").await;
    let restored = b.client.execute("return window.__estrade_restored || 0", vec![]).await.unwrap();
    eprintln!("agenda shown from the back-forward cache: {restored}");
    b.present("button.star.on[aria-label*='Alpha talk']").await;

    // Star Beta there: Alpha stays.
    b.click("button.star[aria-label*='Beta talk']").await;
    b.present("button.star.on[aria-label*='Beta talk']").await;
    b.present("button.star.on[aria-label*='Alpha talk']").await;
    let mut both = vec![s.codes[0].clone(), s.codes[1].clone()];
    both.sort();
    assert_eq!(stored_stars(&b).await, both);

    // Another tab stars Gamma meanwhile (the stored list changes under this page): unstarring Beta
    // here keeps Gamma.
    let key = format!("estrade:favourites:{SLUG}");
    let others = format!("{},{},{}", s.codes[0], s.codes[1], s.codes[2]);
    b.client
        .execute("localStorage.setItem(arguments[0], arguments[1])", vec![serde_json::json!(key), serde_json::json!(others)])
        .await
        .unwrap();
    b.click("button.star.on[aria-label*='Beta talk']").await;
    b.present("button.star.on[aria-label*='Gamma talk']").await;
    let mut kept = vec![s.codes[0].clone(), s.codes[2].clone()];
    kept.sort();
    assert_eq!(stored_stars(&b).await, kept);
    b.close().await;
}
