//! Volunteers in Chromium: a newcomer on a 390 px phone with JavaScript off applies, is accepted,
//! takes shifts, is refused an overlapping one with the reason, waits for a full one, leaves one and
//! opens their calendar; a lead on the hydrated pages accepts an application, generates room-host
//! shifts from the published agenda, puts someone on a shift and checks them in.
use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use app::entities::{user, volunteer_application};
use estrade_tests::browser::{Browser, BrowserOptions};
use estrade_tests::volunteers::{event_with_team, shift, volunteer};
use estrade_tests::{Backend, TestApp};

const PASSWORD: &str = "correct horse battery";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_newcomer_applies_and_takes_shifts_on_a_phone_without_javascript() {
    let app = TestApp::start(Backend::Sqlite).await;
    let (e, team) = event_with_team(&app, "phone-call").await;
    let db = &app.state.db;
    let start = Utc::now() + Duration::days(10);
    let badges = shift(&app, &e, &team, "Badges", start, 2, 3).await;
    shift(&app, &e, &team, "Cloakroom", start + Duration::hours(1), 2, 3).await;
    let lunch = shift(&app, &e, &team, "Lunch", start + Duration::hours(4), 1, 3).await;
    let full = shift(&app, &e, &team, "Video desk", start + Duration::hours(6), 1, 1).await;
    let other = volunteer(&app, &e, 9).await;
    app::volunteers::signup::sign_up(db, &e, &other, full.id, vec![], Utc::now()).await.unwrap();
    app.create_user("nina@example.org", "Nina", PASSWORD, false).await;

    let b = Browser::start(BrowserOptions { javascript: false, width: 390, height: 844 }).await;
    b.goto(&app.url("/events/phone-call/volunteer")).await;
    b.wait_for_text("Volunteer at Event phone-call").await;
    b.click("#mine a[href^='/signin']").await;
    b.fill("email", "nina@example.org").await;
    b.fill("password", PASSWORD).await;
    b.submit_form_of("password").await;
    b.wait_for_text("Days you can help").await;
    b.fill("languages", "French, English").await;
    b.select("tshirt", "m").await;
    b.submit_form_of("languages").await;
    b.wait_for_text("Your answers are saved").await;
    b.screenshot("volunteer-call-phone-no-js").await;

    let nina = user::Entity::find().filter(user::Column::Email.eq("nina@example.org")).one(db).await.unwrap().unwrap();
    let record = volunteer_application::Entity::find().filter(volunteer_application::Column::UserId.eq(nina.id)).one(db).await.unwrap().unwrap();
    assert_eq!((record.status.as_str(), record.tshirt.as_str(), record.days.as_str()), ("pending", "m", "2027-03-10"));
    app::volunteers::applications::decide(&app.state, &e, record.id, true, Utc::now()).await.unwrap();

    b.goto(&app.url("/events/phone-call/volunteer")).await;
    b.wait_for_text("You are a volunteer at this event").await;
    b.click("a[href='/events/phone-call/volunteer/shifts']").await;
    b.wait_for_text("Volunteer shifts at").await;
    b.click_to_next_page(&format!("#shift-{} button[type='submit']", badges.id)).await;
    b.wait_for_text("You are on this shift. Thank you!").await;
    b.click_to_next_page(&format!("#shift-{} button[type='submit']", lunch.id)).await;
    b.wait_for_text("You are on this shift. Thank you!").await;
    let text = b.body_text().await;
    assert!(text.contains("This shift overlaps your shift “Badges”"), "the reason is on the Cloakroom card: {text}");
    b.click_to_next_page(&format!("#shift-{} button[type='submit']", full.id)).await;
    b.wait_for_text("You are on the waiting list").await;
    b.click_to_next_page(&format!("#shift-{} button[type='submit']", lunch.id)).await;
    b.wait_for_text("You are no longer on this shift.").await;
    b.screenshot("volunteer-board-after-journey").await;

    b.goto(&app.url("/events/phone-call/volunteer/mine")).await;
    b.wait_for_text("My shifts").await;
    b.click("#calendar button[type='submit']").await;
    b.wait_for_text("Add this address to your calendar app").await;
    let text = b.body_text().await;
    assert!(text.contains("Badges") && !text.contains("Lunch"), "{text}");
    let feed = text.lines().find(|l| l.contains("/volunteer/feed/")).expect("the address is shown").trim().to_string();
    let ics = reqwest::get(&feed).await.unwrap().text().await.unwrap();
    assert!(ics.contains(&format!("UID:shift-{}@phone-call.estrade", badges.id)), "{ics}");
    b.close().await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lead_accepts_generates_room_hosts_and_checks_a_volunteer_in() {
    use estrade_tests::schedule::sched;
    use estrade_tests::selection::SLUG;
    let s = sched(Backend::Sqlite, estrade_tests::Setup::default()).await;
    s.publish_sample().await;
    let app = &s.c.app;
    let db = &app.state.db;
    let e = app::events::service::by_slug(db, SLUG).await.unwrap();
    let looks = domain::cfp::TrackForm { name: "Room hosts".into(), description: String::new(), colour: "#8250df".into() };
    let team = app::volunteers::lead::create_team(db, &e, &app::volunteers::lead::TeamInput { looks, ..Default::default() }, Utc::now())
        .await
        .unwrap();
    app.create_user("lea@example.org", "Léa Lead", PASSWORD, false).await;
    app.grant("lea@example.org", e.id, "volunteer_lead").await;
    let vic = estrade_tests::volunteers::person(app, "vic@example.org").await;
    let form = domain::volunteers::application::ApplicationForm { days: vec![estrade_tests::schedule::DAY.into()], ..Default::default() };
    app::volunteers::call::apply(db, &e, &vic, &form, Utc::now()).await.unwrap();

    let b = Browser::start(BrowserOptions { javascript: true, width: 390, height: 844 }).await;
    b.sign_in(&app.base_url, &format!("/admin/events/{SLUG}/volunteers/people"), "lea@example.org", PASSWORD).await;
    b.wait_for_text("Applications and people").await;
    b.wait_ready().await;
    b.click("button[value='accept']").await;
    b.wait_for_text("accepted").await;

    b.goto(&app.url(&format!("/admin/events/{SLUG}/volunteers"))).await;
    b.wait_for_text("Room hosts from the agenda").await;
    b.wait_ready().await;
    let text = b.body_text().await;
    assert!(text.contains("To create") && text.contains("Alpha talk"), "the preview: {text}");
    b.select("team_id", &team.id.to_string()).await;
    b.click("form:has([name='team_id']) button[type='submit']").await;
    b.wait_for_text("Up to date with the published agenda (2 host shifts)").await;
    b.screenshot("volunteer-lead-hosts-applied").await;
    b.click("ul.coverage a").await;
    b.wait_for_text("Put someone on it").await;
    b.wait_ready().await;
    b.select("person", &vic.id.to_string()).await;
    b.submit_form_of("person").await;
    b.wait_for_text("Volunteer put on the shift").await;
    b.click(&format!("#person-{} button[aria-pressed='false']", vic.id)).await;
    b.present(&format!("#person-{} button.primary[aria-pressed='true']", vic.id)).await;
    b.screenshot("volunteer-lead-check-in-phone").await;
    b.close().await;
    let arrived = app::entities::volunteer_signup::Entity::find()
        .filter(app::entities::volunteer_signup::Column::UserId.eq(vic.id))
        .filter(app::entities::volunteer_signup::Column::CheckedInAt.is_not_null())
        .one(db)
        .await
        .unwrap();
    assert!(arrived.is_some(), "Vic is checked in");
    s.c.app.stop().await;
}
