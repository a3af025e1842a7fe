//! Mail through a real SMTP server and the .eml fallback, on SQLite and PostgreSQL.
use std::time::Duration;

use estrade_tests::http::{call, client, sign_in, sign_up, who_am_i};
use estrade_tests::{db_test, Backend, Setup, SmtpSink, TestApp};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

const PASSWORD: &str = "correct horse battery";
const WAIT: Duration = Duration::from_secs(20);

fn token_of(link: &str) -> String {
    link.split("token=").nth(1).expect("a token in the link").to_string()
}

db_test!(reset_mail_arrives_only_for_known_accounts, |backend: Backend| async move {
    let sink = SmtpSink::start();
    let app = TestApp::start_with(backend, Setup { smtp_port: Some(sink.port), ..Default::default() }).await;
    app.create_user("hana@example.org", "Hana", PASSWORD, false).await;
    let c = client();
    let known = call(&c, &app, "auth/request_reset", &[("email", "hana@example.org")]).await;
    let unknown = call(&c, &app, "auth/request_reset", &[("email", "ghost@example.org")]).await;
    assert_eq!(known.status(), unknown.status(), "same answer whether or not the account exists");
    assert_eq!(known.text().await.unwrap(), unknown.text().await.unwrap());

    TestApp::eventually("the reset mail", WAIT, || async { !sink.mails().is_empty() }).await;
    let mails = sink.mails();
    assert_eq!(mails.len(), 1, "no mail for the unknown address");
    assert_eq!(mails[0].to, "hana@example.org");
    let link = mails[0].link(&app.url("/reset/confirm?token=")).expect("reset link");
    let token = token_of(&link);

    let short = call(&c, &app, "auth/reset", &[("token", &token), ("password", "short")]).await;
    assert_eq!(short.status(), 422, "a bad new password is refused…");
    assert!(short.text().await.unwrap().contains("at least 10 characters"));
    let res = call(&c, &app, "auth/reset", &[("token", &token), ("password", "my new long password")]).await;
    assert_eq!(res.status(), 200, "…without using the link up");
    app.stop().await;
});

db_test!(reset_link_sets_the_password_once_and_only_once, |backend: Backend| async move {
    let sink = SmtpSink::start();
    let app = TestApp::start_with(backend, Setup { smtp_port: Some(sink.port), ..Default::default() }).await;
    app.create_user("ivan@example.org", "Ivan", PASSWORD, false).await;
    let c = client();
    call(&c, &app, "auth/request_reset", &[("email", "ivan@example.org")]).await;
    TestApp::eventually("the reset mail", WAIT, || async { !sink.mails().is_empty() }).await;
    let token = token_of(&sink.mails()[0].link(&app.url("/reset/confirm?token=")).unwrap());

    let first = call(&c, &app, "auth/reset", &[("token", &token), ("password", "my new long password")]).await;
    assert_eq!(first.status(), 200);
    let second = call(&c, &app, "auth/reset", &[("token", &token), ("password", "another long password")]).await;
    assert_eq!(second.status(), 422);
    assert!(second.text().await.unwrap().contains("expired or was already used"));

    assert_eq!(sign_in(&client(), &app, "ivan@example.org", PASSWORD).await.status(), 422, "old password gone");
    let fresh = client();
    assert_eq!(sign_in(&fresh, &app, "ivan@example.org", "my new long password").await.status(), 200);
    assert_eq!(who_am_i(&fresh, &app).await.as_deref(), Some("Ivan"));
    app.stop().await;
});

db_test!(mail_waits_while_smtp_is_down_and_is_delivered_once_after, |backend: Backend| async move {
    let port = SmtpSink::free_port();
    let app = TestApp::start_with(backend, Setup { smtp_port: Some(port), ..Default::default() }).await;
    app.create_user("jo@example.org", "Jo", PASSWORD, false).await;
    call(&client(), &app, "auth/request_reset", &[("email", "jo@example.org")]).await;

    let db = app.state.db.clone();
    TestApp::eventually("a failed attempt", WAIT, || {
        let db = db.clone();
        async move {
            let rows = app::entities::mail_outbox::Entity::find().all(&db).await.unwrap();
            rows.len() == 1 && rows[0].attempts >= 1 && rows[0].status == "pending" && rows[0].last_error.is_some()
        }
    })
    .await;

    let sink = SmtpSink::start_on(port);
    TestApp::eventually("delivery once SMTP is back", WAIT, || async { !sink.mails().is_empty() }).await;
    let db = app.state.db.clone();
    TestApp::eventually("the row marked sent", WAIT, || {
        let db = db.clone();
        async move {
            app::entities::mail_outbox::Entity::find()
                .filter(app::entities::mail_outbox::Column::Status.eq("sent"))
                .all(&db)
                .await
                .unwrap()
                .len()
                == 1
        }
    })
    .await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(sink.mails().len(), 1, "delivered exactly once");
    assert_eq!(sink.mails()[0].subject, "Reset your Estrade password");
    app.stop().await;
});

db_test!(without_smtp_mails_are_eml_files_and_verification_works, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let c = client();
    assert_eq!(sign_up(&c, &app, "kim@example.org", "Kim", PASSWORD).await.status(), 200);
    TestApp::eventually("the verification .eml", WAIT, || async { !app.mail_files().is_empty() }).await;
    let mail = app.mail_files().remove(0);
    assert_eq!(mail.subject, "Confirm your email for Estrade");
    let token = token_of(&mail.link(&app.url("/verify?token=")).expect("verify link"));
    assert_eq!(call(&c, &app, "auth/verify", &[("token", &token)]).await.status(), 200);
    assert_eq!(call(&c, &app, "auth/verify", &[("token", &token)]).await.status(), 422, "single use");
    let me: serde_json::Value = call(&c, &app, "auth/me", &[]).await.json().await.unwrap();
    assert_eq!(me["verified"], true);
    app.stop().await;
});

db_test!(a_role_given_to_a_new_email_waits_for_that_email_to_be_verified, |backend: Backend| async move {
    let sink = SmtpSink::start();
    let app = TestApp::start_with(backend, Setup { smtp_port: Some(sink.port), ..Default::default() }).await;
    app.create_user("root@example.org", "Root", PASSWORD, true).await;
    let root = client();
    sign_in(&root, &app, "root@example.org", PASSWORD).await;
    let form = [
        ("slug", "cloud-test"), ("name", "Cloud Test"), ("city", "Lille"), ("venue", "Hall"), ("time_zone", "Europe/Paris"),
        ("start_date", "2027-03-10"), ("end_date", "2027-03-10"), ("description", ""), ("visibility", "public"),
    ];
    assert_eq!(call(&root, &app, "admin/create_event", &form).await.status(), 200);
    let res = call(&root, &app, "events/grant_role", &[("slug", "cloud-test"), ("email", "Lea@Example.org"), ("role", "reviewer")]).await;
    assert_eq!(res.status(), 200);
    TestApp::eventually("the invitation", WAIT, || async { !sink.mails().is_empty() }).await;
    assert!(sink.mails()[0].subject.contains("invited to Cloud Test as Reviewer"));

    let lea = client();
    sign_up(&lea, &app, "lea@example.org", "Léa", PASSWORD).await;
    assert_eq!(call(&lea, &app, "events/members", &[("slug", "cloud-test")]).await.status(), 403);
    TestApp::eventually("the verification mail", WAIT, || async { sink.mails().len() >= 2 }).await;
    let verify = sink.mails().iter().find_map(|m| m.link(&app.url("/verify?token="))).expect("verify link");
    assert_eq!(call(&lea, &app, "auth/verify", &[("token", &token_of(&verify))]).await.status(), 200);
    let members: serde_json::Value = call(&root, &app, "events/members", &[("slug", "cloud-test")]).await.json().await.unwrap();
    let rows = members.as_array().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["email"], "lea@example.org");
    assert_eq!(rows[0]["pending"], false);
    app.stop().await;
});

/// A schedule mail to `to` carrying a one-talk calendar file named `cloud-nord.ics`.
fn calendar_mail(to: &str, title: &str) -> app::mail::Email {
    use app::formats::ical::{calendar, CalEvent, CONTENT_TYPE};
    use app::mail::{templates, Attachment};
    let start = chrono::Utc::now();
    let talk = CalEvent {
        uid: "demo-item-7@estrade.test".into(),
        summary: title.into(),
        description: "Your talk.".into(),
        location: "Amphi".into(),
        start,
        end: start + chrono::Duration::minutes(40),
        url: None,
    };
    let ics = calendar("Cloud Nord", &[talk], start);
    templates::talks_scheduled(app::lang::Locale::en, to, "Ada", "Cloud Nord", "v1", &[format!("“{title}” — soon")], "http://x/proposals")
        .with_attachment(Attachment { filename: "cloud-nord.ics".into(), content_type: CONTENT_TYPE.into(), body: ics })
}

/// The one attachment of `mail` is the calendar file of `calendar_mail`.
fn assert_calendar_attached(mail: &estrade_tests::smtp::Mail) {
    assert_eq!(mail.attachments.len(), 1, "{mail:?}");
    let (name, kind, body) = &mail.attachments[0];
    assert_eq!((name.as_str(), kind.as_str()), ("cloud-nord.ics", "text/calendar"));
    assert!(body.contains("BEGIN:VCALENDAR") && body.contains("UID:demo-item-7@estrade.test"), "{body}");
}

db_test!(a_calendar_file_travels_as_an_attachment, |backend: Backend| async move {
    use app::mail::{outbox, templates};
    let sink = SmtpSink::start();
    let app = TestApp::start_with(backend, Setup { smtp_port: Some(sink.port), ..Default::default() }).await;
    let without = templates::talks_scheduled(app::lang::Locale::en, "bea@example.org", "Bea", "Cloud Nord", "v1", &["“Beta” — later".into()], "http://x/proposals");
    outbox::enqueue(&app.state.db, calendar_mail("ada@example.org", "Golden paths"), app.state.clock.now()).await.unwrap();
    outbox::enqueue(&app.state.db, without, app.state.clock.now()).await.unwrap();
    app.state.mail_wake.notify_one();
    TestApp::eventually("both mails", WAIT, || async { sink.mails().len() == 2 }).await;
    let mails = sink.mails();
    let ada = mails.iter().find(|m| m.to == "ada@example.org").unwrap();
    assert!(ada.text.contains("“Golden paths” — soon"), "the text part is still there: {}", ada.text);
    assert_calendar_attached(ada);
    let bea = mails.iter().find(|m| m.to == "bea@example.org").unwrap();
    assert!(bea.attachments.is_empty());
    assert!(bea.text.contains("“Beta” — later"));
    app.stop().await;
});

db_test!(without_smtp_the_eml_file_carries_the_attachment_too, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    app::mail::outbox::enqueue(&app.state.db, calendar_mail("ada@example.org", "Golden paths"), app.state.clock.now()).await.unwrap();
    app.state.mail_wake.notify_one();
    TestApp::eventually("the .eml file", WAIT, || async { !app.mail_files().is_empty() }).await;
    let mail = app.mail_files().remove(0);
    assert!(mail.text.contains("“Golden paths” — soon"), "{}", mail.text);
    assert_calendar_attached(&mail);
    app.stop().await;
});
