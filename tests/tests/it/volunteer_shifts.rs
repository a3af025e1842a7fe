//! Volunteer sign-ups on SQLite and PostgreSQL: seats are never overbooked by concurrent sign-ups, one
//! person's overlapping sign-ups at the same instant give exactly one, and the rules refuse with a reason.
use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use app::entities::{user, volunteer_shift};
use app::error::AppError;
use app::volunteers::signup::{join_waitlist, sign_out, sign_up, TAKEN, WAITING};
use estrade_tests::volunteers::{event_with_team, shift, signups, volunteer};
use estrade_tests::{db_test, Backend, TestApp};

const RACERS: usize = 200;

db_test!(two_hundred_volunteers_racing_for_five_seats_leave_exactly_five, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let (e, team) = event_with_team(&app, "race-conf").await;
    let start = Utc::now() + Duration::days(10);
    let s = shift(&app, &e, &team, "Badges", start, 2, 5).await;
    let mut people = Vec::new();
    for i in 0..RACERS {
        people.push(volunteer(&app, &e, i).await);
    }
    let tasks: Vec<_> = people
        .into_iter()
        .map(|u| {
            let (db, e) = (app.state.db.clone(), e.clone());
            tokio::spawn(async move { sign_up(&db, &e, &u, s.id, vec![], Utc::now()).await })
        })
        .collect();
    let mut taken = 0;
    let mut full = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(()) => taken += 1,
            Err(AppError::Conflict(_)) => full += 1,
            Err(other) => panic!("a sign-up failed otherwise than full: {other:?}"),
        }
    }
    assert_eq!((taken, full), (5, RACERS - 5));
    assert_eq!(signups(&app, s.id, TAKEN).await, 5);
    let stored = volunteer_shift::Entity::find_by_id(s.id).one(&app.state.db).await.unwrap().unwrap();
    assert_eq!(stored.taken, 5, "the counter agrees with the rows");
    app.stop().await;
});

db_test!(one_volunteer_taking_two_overlapping_shifts_at_once_gets_one, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let (e, team) = event_with_team(&app, "overlap-conf").await;
    let start = Utc::now() + Duration::days(10);
    let a = shift(&app, &e, &team, "Badges", start, 2, 5).await;
    let b = shift(&app, &e, &team, "Cloakroom", start + Duration::hours(1), 2, 5).await;
    let me = volunteer(&app, &e, 1).await;
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..10 {
        let (db, e, me) = (app.state.db.clone(), e.clone(), me.clone());
        let id = if i % 2 == 0 { a.id } else { b.id };
        tasks.spawn(async move { sign_up(&db, &e, &me, id, vec![], Utc::now()).await });
    }
    let ok = tasks.join_all().await.into_iter().filter(|r| r.is_ok()).count();
    assert_eq!(ok, 1, "exactly one of the overlapping sign-ups holds");
    assert_eq!(signups(&app, a.id, TAKEN).await + signups(&app, b.id, TAKEN).await, 1);
    app.stop().await;
});

db_test!(the_rules_refuse_with_a_reason_and_a_full_shift_has_a_waiting_list, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let (e, team) = event_with_team(&app, "rules-conf").await;
    let db = &app.state.db;
    let start = Utc::now() + Duration::days(10);
    let s = shift(&app, &e, &team, "Badges", start, 2, 1).await;
    let (ada, bob) = (volunteer(&app, &e, 1).await, volunteer(&app, &e, 2).await);
    sign_up(db, &e, &ada, s.id, vec![], Utc::now()).await.expect("a free seat");
    let talk = vec![("My talk".to_string(), start + Duration::minutes(30), start + Duration::hours(1))];
    let overlap = sign_up(db, &e, &bob, s.id, talk, Utc::now()).await.unwrap_err();
    assert!(overlap.field_message("shift").is_some_and(|m| m.contains("My talk")), "{overlap:?}");
    assert!(matches!(sign_up(db, &e, &bob, s.id, vec![], Utc::now()).await, Err(AppError::Conflict(_))), "full");
    join_waitlist(db, &e, &bob, s.id, vec![], Utc::now()).await.expect("waiting list");
    assert_eq!(signups(&app, s.id, WAITING).await, 1);
    assert!(matches!(sign_out(db, &e, &ada, s.id, start - Duration::hours(2)).await, Err(AppError::Conflict(_))), "too late");
    assert!(sign_out(db, &e, &ada, s.id, Utc::now()).await.expect("in time"), "a seat was freed");
    let stranger = user::Entity::find().filter(user::Column::Email.eq("volunteer2@example.org")).one(db).await.unwrap().unwrap();
    let other_event = event_with_team(&app, "other-conf").await.0;
    assert!(matches!(sign_up(db, &other_event, &stranger, s.id, vec![], Utc::now()).await, Err(AppError::Forbidden)));
    app.stop().await;
});

db_test!(leads_add_shifts_one_by_one_or_cut_from_a_block_and_bad_input_writes_nothing, |backend: Backend| async move {
    use app::volunteers::lead::add_shifts;
    use domain::volunteers::shifts::ShiftForm;
    let app = TestApp::start(backend).await;
    let (e, team) = event_with_team(&app, "lead-conf").await;
    let db = &app.state.db;
    let count = || async { volunteer_shift::Entity::find().filter(volunteer_shift::Column::EventId.eq(e.id)).count(db).await.unwrap() };
    let form = ShiftForm {
        team_id: team.id.to_string(),
        place: "Accueil".into(),
        title: String::new(),
        day: e.start_date.to_string(),
        start: "08:00".into(),
        end: "18:00".into(),
        seats: "2".into(),
        notes: String::new(),
    };
    assert_eq!(add_shifts(db, &e, &form, "", Utc::now()).await.unwrap(), 1);
    assert_eq!(add_shifts(db, &e, &form, "120", Utc::now()).await.unwrap(), 5, "08:00–18:00 by 2 hours");
    assert_eq!(count().await, 6);
    for (bad, field) in [
        (ShiftForm { end: "07:00".into(), ..form.clone() }, "end"),
        (ShiftForm { seats: "0".into(), ..form.clone() }, "seats"),
        (ShiftForm { day: "2031-01-01".into(), ..form.clone() }, "day"),
        (ShiftForm { team_id: "999999".into(), ..form.clone() }, "team_id"),
    ] {
        let err = add_shifts(db, &e, &bad, "", Utc::now()).await.unwrap_err();
        assert_eq!(err.status_code(), 422, "{field}: {err:?}");
        assert!(err.field_message(field).is_some(), "{field} is named: {err:?}");
    }
    let err = add_shifts(db, &e, &form, "5", Utc::now()).await.unwrap_err();
    assert!(err.field_message("cut").is_some(), "{err:?}");
    assert_eq!(count().await, 6, "refused forms wrote nothing");
    app.stop().await;
});

db_test!(a_volunteers_calendar_feed_lists_their_shifts_by_a_stable_uid_until_they_rotate_it, |backend: Backend| async move {
    use app::volunteers::mine::{my_shifts, rotate_feed};
    let app = TestApp::start(backend).await;
    let (e, team) = event_with_team(&app, "feed-conf").await;
    let db = &app.state.db;
    let start = Utc::now() + Duration::days(10);
    let s = shift(&app, &e, &team, "Badges\r\nX-INJECTED:1", start, 2, 3).await;
    let me = volunteer(&app, &e, 1).await;
    sign_up(db, &e, &me, s.id, vec![], Utc::now()).await.unwrap();
    assert!(my_shifts(db, &e, &me, &app.base_url, Utc::now()).await.unwrap().feed.is_none(), "no address until asked");
    rotate_feed(db, &e, &me).await.unwrap();
    let first = my_shifts(db, &e, &me, &app.base_url, Utc::now()).await.unwrap().feed.expect("an address");
    let res = reqwest::get(&first).await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/calendar"));
    let ics = res.text().await.unwrap();
    assert!(ics.contains(&format!("UID:shift-{}@feed-conf.estrade", s.id)), "{ics}");
    assert!(!ics.contains("\r\nX-INJECTED"), "typed text stays on its line: {ics}");
    rotate_feed(db, &e, &me).await.unwrap();
    assert_eq!(reqwest::get(&first).await.unwrap().status(), 404, "the old address is cut off");
    let second = my_shifts(db, &e, &me, &app.base_url, Utc::now()).await.unwrap().feed.unwrap();
    assert_ne!(first, second);
    assert_eq!(reqwest::get(second.replace(".ics", "0.ics")).await.unwrap().status(), 404);
    app.stop().await;
});

/// A volunteer on a phone, JavaScript off: signs in, takes a shift from the board, and reads why an
/// overlapping one cannot be taken.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_volunteer_takes_a_shift_on_a_phone_without_javascript() {
    use estrade_tests::browser::{Browser, BrowserOptions};
    let app = TestApp::start(Backend::Sqlite).await;
    let (e, team) = event_with_team(&app, "phone-conf").await;
    let start = Utc::now() + Duration::days(10);
    let first = shift(&app, &e, &team, "Badges", start, 2, 3).await;
    shift(&app, &e, &team, "Cloakroom", start + Duration::hours(1), 2, 3).await;
    app.create_user("vera@example.org", "Vera", "correct horse battery", false).await;
    app.grant("vera@example.org", e.id, "volunteer").await;

    let b = Browser::start(BrowserOptions { javascript: false, width: 390, height: 844 }).await;
    b.goto(&app.url("/signin?next=/events/phone-conf/volunteer/shifts")).await;
    b.fill("email", "vera@example.org").await;
    b.fill("password", "correct horse battery").await;
    b.submit_form_of("password").await;
    b.wait_for_text("Volunteer shifts at").await;
    assert!(b.body_text().await.contains("0 / 3 taken"));
    b.click(&format!("#shift-{} button[type='submit']", first.id)).await;
    b.wait_for_text("You are on this shift").await;
    let text = b.body_text().await;
    assert!(text.contains("1 / 3 taken"), "{text}");
    assert!(text.contains("This shift overlaps your shift “Badges”"), "the reason is on the other card: {text}");
    b.screenshot("volunteer-board-phone-no-js").await;
    b.close().await;
    app.stop().await;
}

db_test!(room_host_shifts_follow_the_published_agenda_and_applying_twice_changes_nothing, |backend: Backend| async move {
    use app::volunteers::hosts::{apply, preview};
    use estrade_tests::schedule::sched;
    let s = sched(backend, estrade_tests::Setup::default()).await;
    s.publish_sample().await;
    let app = &s.c.app;
    let e = app::events::service::by_slug(&app.state.db, estrade_tests::selection::SLUG).await.unwrap();
    let looks = domain::cfp::TrackForm { name: "Room hosts".into(), description: String::new(), colour: "#8250df".into() };
    let team = app::volunteers::lead::create_team(&app.state.db, &e, &app::volunteers::lead::TeamInput { looks, ..Default::default() }, Utc::now())
        .await
        .unwrap();
    let before = preview(&app.state, &e).await.unwrap();
    assert!(before.published);
    // Amphi: Alpha at 10:00; Atelier: Gamma at 10:00 then Beta at 11:00 after a 20-minute gap (one run).
    assert_eq!(before.create.len(), 2, "{before:?}");
    assert_eq!(apply(&app.state, &e, team.id, Utc::now()).await.unwrap(), 2);
    let after = preview(&app.state, &e).await.unwrap();
    assert!(after.create.is_empty() && after.moved.is_empty() && after.delete.is_empty(), "{after:?}");
    assert_eq!(after.unchanged, 2);
    assert_eq!(apply(&app.state, &e, team.id, Utc::now()).await.unwrap(), 0, "applying again changes nothing");
    let hosts = volunteer_shift::Entity::find().filter(volunteer_shift::Column::TeamId.eq(team.id)).count(&app.state.db).await.unwrap();
    assert_eq!(hosts, 2);
    let err = apply(&app.state, &e, 999_999, Utc::now()).await.unwrap_err();
    assert!(err.field_message("team_id").is_some(), "{err:?}");
    s.c.app.stop().await;
});
