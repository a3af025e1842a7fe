//! The volunteers' day, on SQLite and PostgreSQL: leads put people on shifts and check them in,
//! volunteers say "I'm here", hours add up; shifts edited, deleted or clashing with a published talk
//! mail the people on them; reminders leave once, the day before.
use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use app::entities::{volunteer_shift, volunteer_signup};
use app::volunteers::shift_admin::{delete_shift, edit_shift, here, mark, Mark};
use app::volunteers::signup::{assign, sign_up, TAKEN};
use domain::volunteers::shifts::ShiftForm;
use estrade_tests::volunteers::{event_with_team, shift, signups, volunteer};
use estrade_tests::{db_test, Backend, TestApp};

fn count(app: &TestApp, to: &str, subject: &str) -> usize {
    app.mail_files().into_iter().filter(|m| m.to.contains(to) && m.subject.contains(subject)).count()
}

async fn wait_for_mail(app: &TestApp, to: &str, subject: &str, n: usize) {
    let what = format!("{n} mail(s) to {to} about {subject}");
    TestApp::eventually(&what, std::time::Duration::from_secs(10), || async { count(app, to, subject) >= n }).await;
}

db_test!(a_lead_assigns_checks_in_and_the_hours_add_up, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let (e, team) = event_with_team(&app, "day-conf").await;
    let db = &app.state.db;
    let start = Utc::now() + Duration::days(10);
    let badges = shift(&app, &e, &team, "Badges", start, 2, 1).await;
    let cloak = shift(&app, &e, &team, "Cloakroom", start + Duration::hours(1), 2, 1).await;
    let (ana, ben) = (volunteer(&app, &e, 1).await, volunteer(&app, &e, 2).await);
    sign_up(db, &e, &ana, badges.id, vec![], Utc::now()).await.unwrap();

    assign(&app.state, &e, &ben, badges.id, false, Utc::now()).await.expect("a lead fills a full shift");
    assert_eq!(signups(&app, badges.id, TAKEN).await, 2);
    let refused = assign(&app.state, &e, &ben, cloak.id, false, Utc::now()).await.unwrap_err();
    assert_eq!(refused.status_code(), 422);
    assert!(refused.field_message("confirm").unwrap().contains("Badges"), "the double booking is named: {refused:?}");
    assign(&app.state, &e, &ben, cloak.id, true, Utc::now()).await.expect("confirmed by the lead");
    let twice = assign(&app.state, &e, &ben, cloak.id, true, Utc::now()).await.unwrap_err();
    assert_eq!(twice.status_code(), 409);
    wait_for_mail(&app, "volunteer2@", "You are on the shift", 2).await;

    let early = here(db, &e, &ana, badges.id, start - Duration::minutes(20)).await.unwrap_err();
    assert_eq!(early.status_code(), 409, "too early to say I'm here: {early:?}");
    here(db, &e, &ana, badges.id, start - Duration::minutes(10)).await.unwrap();
    let not_hers = here(db, &e, &ana, cloak.id, start + Duration::hours(1)).await.unwrap_err();
    assert_eq!(not_hers.status_code(), 404, "only one's own shift");
    mark(db, &e, badges.id, ben.id, Mark::Arrived, Utc::now()).await.unwrap();
    mark(db, &e, cloak.id, ben.id, Mark::Arrived, Utc::now()).await.unwrap();
    let missing = mark(db, &e, badges.id, 999_999, Mark::NoShow, Utc::now()).await.unwrap_err();
    assert_eq!(missing.status_code(), 404);

    let given = app::volunteers::hours::given(db, &e).await.unwrap();
    let hours = app::volunteers::hours::hours_rows(&given);
    assert_eq!(hours, [("Volunteer 2".to_string(), "3".to_string()), ("Volunteer 1".to_string(), "2".to_string())], "overlap counted once");
    mark(db, &e, cloak.id, ben.id, Mark::NoShow, Utc::now()).await.unwrap();
    let given = app::volunteers::hours::given(db, &e).await.unwrap();
    assert_eq!(app::volunteers::hours::hours_rows(&given)[0].1, "2", "a no-show does not count");
    app.stop().await;
});

db_test!(editing_or_deleting_a_shift_tells_its_volunteers, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let (e, team) = event_with_team(&app, "edit-conf").await;
    let db = &app.state.db;
    let start = Utc::now() + Duration::days(10);
    let s = shift(&app, &e, &team, "Badges", start, 2, 3).await;
    let (ana, ben) = (volunteer(&app, &e, 1).await, volunteer(&app, &e, 2).await);
    sign_up(db, &e, &ana, s.id, vec![], Utc::now()).await.unwrap();
    sign_up(db, &e, &ben, s.id, vec![], Utc::now()).await.unwrap();
    let form = ShiftForm {
        team_id: team.id.to_string(),
        place: "Accueil".into(),
        title: "Badges".into(),
        day: e.start_date.to_string(),
        start: "08:00".into(),
        end: "10:00".into(),
        seats: "1".into(),
        notes: String::new(),
    };
    let err = edit_shift(&app.state, &e, s.id, &form, Utc::now()).await.unwrap_err();
    assert!(err.field_message("seats").is_some_and(|m| m.contains('2')), "seats below the people on it: {err:?}");
    let before = volunteer_shift::Entity::find_by_id(s.id).one(db).await.unwrap().unwrap();
    assert_eq!(before.seats, 3, "nothing written");

    edit_shift(&app.state, &e, s.id, &ShiftForm { seats: "3".into(), notes: "Bring a pen".into(), ..form.clone() }, Utc::now()).await.unwrap();
    wait_for_mail(&app, "volunteer1@", "changed", 1).await;
    edit_shift(&app.state, &e, s.id, &ShiftForm { seats: "3".into(), notes: "Bring two pens".into(), ..form.clone() }, Utc::now()).await.unwrap();
    let told = delete_shift(&app.state, &e, s.id, Utc::now()).await.unwrap();
    assert_eq!(told, 2);
    wait_for_mail(&app, "volunteer2@", "is cancelled", 1).await;
    assert_eq!(count(&app, "volunteer1@", "changed"), 1, "a note alone does not mail anyone");
    assert_eq!(volunteer_signup::Entity::find().filter(volunteer_signup::Column::ShiftId.eq(s.id)).count(db).await.unwrap(), 0);
    app.stop().await;
});

db_test!(reminders_leave_once_the_day_before_with_the_shift_attached, |backend: Backend| async move {
    use app::volunteers::reminders::queue_due;
    let app = TestApp::start(backend).await;
    let (e, team) = event_with_team(&app, "remind-conf").await;
    let start = Utc::now() + Duration::days(10);
    let s = shift(&app, &e, &team, "Badges", start, 2, 3).await;
    let ana = volunteer(&app, &e, 1).await;
    sign_up(&app.state.db, &e, &ana, s.id, vec![], Utc::now()).await.unwrap();
    assert_eq!(queue_due(&app.state, start - Duration::hours(25)).await.unwrap(), 0, "not yet");
    let at = start - Duration::hours(20);
    let sweeps: Vec<_> = (0..8).map(|_| {
        let state = app.state.clone();
        tokio::spawn(async move { queue_due(&state, at).await.unwrap() })
    }).collect();
    let mut sent = 0;
    for sweep in sweeps {
        sent += sweep.await.unwrap();
    }
    assert_eq!(sent, 1, "eight sweeps at once queue one reminder");
    assert_eq!(queue_due(&app.state, at + Duration::hours(1)).await.unwrap(), 0, "once");
    // The mail is due at `at`: the worker sends it once its clock gets there.
    app.state.clock.set(Some(at + Duration::minutes(1)));
    wait_for_mail(&app, "volunteer1@", "Tomorrow", 1).await;
    let mail = app.mail_files().into_iter().find(|m| m.subject.contains("Tomorrow")).unwrap();
    let (name, kind, ics) = &mail.attachments[0];
    assert_eq!(name, &format!("shift-{}.ics", s.id));
    assert!(kind.starts_with("text/calendar"), "{kind}");
    assert!(ics.contains(&format!("UID:shift-{}@remind-conf.estrade", s.id)), "{ics}");
    app.stop().await;
});

db_test!(a_talk_published_onto_a_volunteers_shift_is_shown_and_mailed_once, |backend: Backend| async move {
    use app::volunteers::clashes::{clash_lines, notice};
    use estrade_tests::schedule::sched;
    let s = sched(backend, estrade_tests::Setup::default()).await;
    let app = &s.c.app;
    let db = &app.state.db;
    let e = app::events::service::by_slug(db, estrade_tests::selection::SLUG).await.unwrap();
    let looks = domain::cfp::TrackForm { name: "Room hosts".into(), description: String::new(), colour: "#8250df".into() };
    let team = app::volunteers::lead::create_team(db, &e, &app::volunteers::lead::TeamInput { looks, ..Default::default() }, Utc::now())
        .await
        .unwrap();
    // Cy gives "Gamma talk"; before the agenda is out, Cy takes a shift from 09:30 to 10:30.
    let cy = app::entities::user::Entity::find().filter(app::entities::user::Column::Email.eq("cy@example.org")).one(db).await.unwrap().unwrap();
    app::volunteers::signup::ensure_record(db, e.id, cy.id, Utc::now()).await.unwrap();
    let form = ShiftForm {
        team_id: team.id.to_string(),
        place: "Hall".into(),
        title: "Badges".into(),
        day: estrade_tests::schedule::DAY.into(),
        start: "09:30".into(),
        end: "10:30".into(),
        seats: "2".into(),
        notes: String::new(),
    };
    let shift = app::volunteers::lead::add_shift(db, &e, &form, Utc::now()).await.unwrap();
    sign_up(db, &e, &cy, shift.id, vec![], Utc::now()).await.unwrap();
    s.publish_sample().await;
    let lines = clash_lines(&app.state, &e).await.unwrap();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!((lines[0].volunteer.as_str(), lines[0].talk.as_str()), ("Cy Speaker", "Gamma talk"));
    wait_for_mail(app, "cy@", "a talk now overlaps a shift", 1).await;
    wait_for_mail(app, "olga@", "a talk now overlaps a shift", 1).await;
    assert_eq!(notice(&app.state, &e, Utc::now()).await.unwrap(), 0, "each clash is mailed once");
    s.c.app.stop().await;
});
