//! Applications, leads' decisions, invitations of last edition's volunteers and the volunteer
//! settings, on SQLite and PostgreSQL, with the mails they send.
use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use app::entities::{membership, volunteer_application};
use app::volunteers::applications::{decide, invite_earlier};
use app::volunteers::call::apply;
use app::volunteers::views::ApplicationStatus;
use domain::volunteers::application::ApplicationForm;
use estrade_tests::volunteers::{event_with_team, person, shift, volunteer};
use estrade_tests::{db_test, Backend, TestApp};

fn answers(day: &str) -> ApplicationForm {
    ApplicationForm { days: vec![day.into()], teams: vec![], tshirt: "m".into(), languages: "fr, en".into(), note: "Vegetarian".into() }
}

async fn status_of(app: &TestApp, event_id: i32, user_id: i32) -> Option<String> {
    volunteer_application::Entity::find()
        .filter(volunteer_application::Column::EventId.eq(event_id))
        .filter(volunteer_application::Column::UserId.eq(user_id))
        .one(&app.state.db)
        .await
        .unwrap()
        .map(|a| a.status)
}

async fn mails_to(app: &TestApp, email: &str, subject: &str) -> usize {
    app.mail_files().into_iter().filter(|m| m.to.contains(email) && m.subject.contains(subject)).count()
}

db_test!(a_lead_accepts_or_declines_and_the_applicant_is_told, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let (e, team) = event_with_team(&app, "call-conf").await;
    let db = &app.state.db;
    let (zoe, marc) = (person(&app, "zoe@example.org").await, person(&app, "marc@example.org").await);
    let day = e.start_date.to_string();

    let bad = ApplicationForm { days: vec!["1999-01-01".into()], teams: vec!["999999".into()], tshirt: "xxxl".into(), ..answers(&day) };
    let err = apply(db, &e, &zoe, &bad, Utc::now()).await.unwrap_err();
    assert_eq!(err.status_code(), 422);
    for field in ["days", "teams", "tshirt"] {
        assert!(err.field_message(field).is_some(), "{field} is named: {err:?}");
    }
    assert_eq!(status_of(&app, e.id, zoe.id).await, None, "a refused application writes nothing");

    let wished = ApplicationForm { teams: vec![team.id.to_string()], ..answers(&day) };
    assert_eq!(apply(db, &e, &zoe, &wished, Utc::now()).await.unwrap(), ApplicationStatus::Pending);
    assert_eq!(apply(db, &e, &marc, &answers(&day), Utc::now()).await.unwrap(), ApplicationStatus::Pending);
    let id = |u: i32| async move {
        volunteer_application::Entity::find().filter(volunteer_application::Column::UserId.eq(u)).one(db).await.unwrap().unwrap().id
    };
    decide(&app.state, &e, id(zoe.id).await, true, Utc::now()).await.unwrap();
    decide(&app.state, &e, id(marc.id).await, false, Utc::now()).await.unwrap();
    assert_eq!(status_of(&app, e.id, zoe.id).await.as_deref(), Some("accepted"));
    let roles = membership::Entity::find()
        .filter(membership::Column::EventId.eq(e.id))
        .filter(membership::Column::UserId.eq(zoe.id))
        .filter(membership::Column::Role.eq("volunteer"))
        .count(db)
        .await
        .unwrap();
    assert_eq!(roles, 1, "accepting grants the volunteer role");
    let again = decide(&app.state, &e, id(zoe.id).await, false, Utc::now()).await.unwrap_err();
    assert_eq!(again.status_code(), 409, "a decision stands: {again:?}");
    let reapply = apply(db, &e, &marc, &answers(&day), Utc::now()).await.unwrap_err();
    assert_eq!(reapply.status_code(), 409, "a declined person cannot reapply: {reapply:?}");
    assert_eq!(apply(db, &e, &zoe, &answers(&day), Utc::now()).await.unwrap(), ApplicationStatus::Accepted, "answers update, acceptance stays");

    TestApp::eventually("both mails", std::time::Duration::from_secs(10), || async {
        mails_to(&app, "zoe@", "You are a volunteer at").await == 1 && mails_to(&app, "marc@", "Your offer to volunteer").await == 1
    })
    .await;
    app.stop().await;
});

db_test!(last_editions_volunteers_are_invited_once_and_apply_in_one_click, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let (now_event, _) = event_with_team(&app, "cn-2027").await;
    let db = &app.state.db;
    let earlier_form = domain::events::EventForm {
        visibility: "public".into(),
        start_date: (now_event.start_date - Duration::days(365)).to_string(),
        end_date: (now_event.start_date - Duration::days(365)).to_string(),
        name: "Cloud Nord 2026".into(),
        ..estrade_tests::cfp::event_form("cn-2026")
    };
    let earlier = app::events::service::create(db, &earlier_form, Utc::now()).await.unwrap();
    let lead = person(&app, "lea@example.org").await;
    for e in [&earlier, &now_event] {
        app.grant("lea@example.org", e.id, "volunteer_lead").await;
    }
    let old_hand = volunteer(&app, &earlier, 1).await;
    let newcomer = person(&app, "new@example.org").await;
    apply(db, &now_event, &newcomer, &answers(&now_event.start_date.to_string()), Utc::now()).await.unwrap();

    let wrong = invite_earlier(&app.state, &now_event, &lead, "cn-2027", Utc::now()).await.unwrap_err();
    assert!(wrong.field_message("earlier").is_some(), "only an earlier event: {wrong:?}");
    assert_eq!(invite_earlier(&app.state, &now_event, &lead, "cn-2026", Utc::now()).await.unwrap(), 1);
    assert_eq!(invite_earlier(&app.state, &now_event, &lead, "cn-2026", Utc::now()).await.unwrap(), 0, "nobody twice");
    assert_eq!(status_of(&app, now_event.id, old_hand.id).await.as_deref(), Some("invited"));
    let stranger = person(&app, "stranger@example.org").await;
    let refused = invite_earlier(&app.state, &now_event, &stranger, "cn-2026", Utc::now()).await.unwrap_err();
    assert!(refused.field_message("earlier").is_some(), "someone who does not lead the earlier event: {refused:?}");

    let one_click = app::volunteers::call::call_view(db, &now_event, Some(&old_hand)).await.unwrap();
    let mine = one_click.mine.expect("signed in");
    assert_eq!(mine.status, Some(ApplicationStatus::Invited));
    assert_eq!(mine.days, [now_event.start_date.to_string()], "every day ticked");
    let form = ApplicationForm { days: mine.days, teams: mine.teams, tshirt: mine.tshirt, languages: mine.languages, note: mine.note };
    assert_eq!(apply(db, &now_event, &old_hand, &form, Utc::now()).await.unwrap(), ApplicationStatus::Pending);
    TestApp::eventually("the invitation", std::time::Duration::from_secs(10), || async {
        mails_to(&app, "volunteer1@", "Volunteer again at").await == 1
    })
    .await;
    assert_eq!(mails_to(&app, "new@", "Volunteer again").await, 0, "who applied already is not invited");
    app.stop().await;
});

db_test!(settings_are_checked_and_move_the_sign_out_limit, |backend: Backend| async move {
    use app::volunteers::settings::{save, settings_of};
    use app::volunteers::views::CallSettingsForm;
    let app = TestApp::start(backend).await;
    let (e, team) = event_with_team(&app, "settings-conf").await;
    let db = &app.state.db;
    let form = CallSettingsForm {
        call_text: "Rejoignez-nous </textarea><script>x</script>".into(),
        call_text_language: "fr".into(),
        sign_out_hours: "48".into(),
        host_minutes_before: "15".into(),
        host_max_gap_minutes: "30".into(),
        ..Default::default()
    };
    let bad = CallSettingsForm { sign_out_hours: "999".into(), host_max_gap_minutes: "-5".into(), ..form.clone() };
    let err = save(db, &e, &bad, Utc::now()).await.unwrap_err();
    assert!(err.field_message("sign_out_hours").is_some() && err.field_message("host_max_gap_minutes").is_some(), "{err:?}");
    assert_eq!(settings_of(db, e.id).await.unwrap().sign_out_hours, 24, "nothing written");
    save(db, &e, &form, Utc::now()).await.unwrap();
    assert_eq!(settings_of(db, e.id).await.unwrap().sign_out_hours, 48);

    let s = shift(&app, &e, &team, "Badges", Utc::now() + Duration::hours(30), 2, 2).await;
    let me = volunteer(&app, &e, 1).await;
    app::volunteers::signup::sign_up(db, &e, &me, s.id, vec![], Utc::now()).await.unwrap();
    let late = app::volunteers::signup::sign_out(db, &e, &me, s.id, Utc::now()).await.unwrap_err();
    assert_eq!(late.status_code(), 409, "30 hours before, with a 48-hour limit: {late:?}");
    assert!(late.text().contains("48"), "{}", late.text());

    let page = reqwest::get(app.url("/events/settings-conf/volunteer")).await.unwrap().text().await.unwrap();
    assert!(page.contains("Rejoignez-nous"), "the call's text is on its page");
    assert!(!page.contains("<script>x</script>"), "and rendered safely");
    app.stop().await;
});
