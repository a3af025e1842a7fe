//! Account safety on SQLite and PostgreSQL: roles wait for a confirmed address, `next` never leaves
//! the site nor breaks the answer, one live mailed link per purpose, guessable passwords refused.
use std::time::Duration;

use app::crypto::token_hash;
use app::entities::{membership, role_invitation, user, user_token};
use estrade_tests::http::{call, client, sign_up};
use estrade_tests::{db_test, Backend, TestApp};
use reqwest::Client;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

const PASSWORD: &str = "correct horse battery";
const WAIT: Duration = Duration::from_secs(20);

/// The `?token=` of every link to `path` mailed to `to`, in no particular order.
fn tokens_mailed(app: &TestApp, to: &str, path: &str) -> Vec<String> {
    let mails: Vec<_> = app.mail_files().into_iter().filter(|m| m.to.contains(to)).collect();
    mails.iter().filter_map(|m| m.link(&app.url(path))).map(|l| l.rsplit('=').next().unwrap().to_string()).collect()
}

async fn wait_for_tokens(app: &TestApp, to: &str, path: &str, n: usize) -> Vec<String> {
    TestApp::eventually("the mails", WAIT, || async { tokens_mailed(app, to, path).len() >= n }).await;
    tokens_mailed(app, to, path)
}

async fn roles_of(app: &TestApp, email: &str) -> (usize, usize) {
    let db = &app.state.db;
    let u = user::Entity::find().filter(user::Column::EmailNormalized.eq(email)).one(db).await.unwrap().unwrap();
    let granted = membership::Entity::find().filter(membership::Column::UserId.eq(u.id)).all(db).await.unwrap().len();
    let waiting = role_invitation::Entity::find().filter(role_invitation::Column::EmailNormalized.eq(email)).all(db).await.unwrap();
    (granted, waiting.len())
}

/// An admin signed in, and an event `cloud-test`.
async fn admin_with_event(app: &TestApp) -> Client {
    app.create_user("root@example.org", "Root", PASSWORD, true).await;
    app::events::service::create(&app.state.db, &estrade_tests::cfp::event_form("cloud-test"), app.state.clock.now()).await.unwrap();
    let root = client();
    assert_eq!(estrade_tests::http::sign_in(&root, app, "root@example.org", PASSWORD).await.status(), 200);
    root
}

async fn grant(root: &Client, app: &TestApp, email: &str) {
    let res = call(root, app, "events/grant_role", &[("slug", "cloud-test"), ("email", email), ("role", "reviewer")]).await;
    assert_eq!(res.status(), 200);
}

db_test!(a_role_for_an_unconfirmed_account_waits_for_its_confirmation, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let root = admin_with_event(&app).await;
    let lea = client();
    assert_eq!(sign_up(&lea, &app, "lea@example.org", "Léa", PASSWORD).await.status(), 200);
    grant(&root, &app, "lea@example.org").await;
    assert_eq!(roles_of(&app, "lea@example.org").await, (0, 1), "pending, not granted");
    let members: serde_json::Value = call(&root, &app, "events/members", &[("slug", "cloud-test")]).await.json().await.unwrap();
    assert_eq!(members[0]["pending"], true);

    let token = wait_for_tokens(&app, "lea@example.org", "/verify?token=", 1).await.remove(0);
    assert_eq!(call(&lea, &app, "auth/verify", &[("token", &token)]).await.status(), 200);
    assert_eq!(roles_of(&app, "lea@example.org").await, (1, 0), "granted once the address is confirmed");
    // The worker sends the role mail on its own time, maybe after the confirmation link.
    let role_mail = || app.mail_files().into_iter().find(|m| m.subject.contains("invited to"));
    TestApp::eventually("the role mail", WAIT, || async { role_mail().is_some() }).await;
    let mail = role_mail().expect("the role mail");
    assert!(mail.text.contains("once the email address of your account is confirmed"), "{}", mail.text);
    app.stop().await;
});

db_test!(a_password_reset_confirms_the_address_and_hands_over_waiting_roles, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let root = admin_with_event(&app).await;
    app::auth::service::insert_user(&app.state.db, "max@example.org", "Squatter", PASSWORD, false, false, app.state.clock.now())
        .await
        .unwrap();
    grant(&root, &app, "max@example.org").await;
    assert_eq!(roles_of(&app, "max@example.org").await, (0, 1));
    assert_eq!(call(&client(), &app, "auth/request_reset", &[("email", "max@example.org")]).await.status(), 200);
    let token = wait_for_tokens(&app, "max@example.org", "/reset/confirm?token=", 1).await.remove(0);
    assert_eq!(call(&client(), &app, "auth/reset", &[("token", &token), ("password", "my new long password")]).await.status(), 200);
    assert_eq!(roles_of(&app, "max@example.org").await, (1, 0));
    app.stop().await;
});

/// Posts a sign-in or sign-up form with `next`, as the hydrated app (`json`) or a browser without JavaScript.
async fn post_with_next(app: &TestApp, endpoint: &str, fields: &[(&str, &str)], next: &str, json: bool) -> reqwest::Response {
    let mut form = fields.to_vec();
    form.push(("next", next));
    client()
        .post(app.url(&format!("/api/{endpoint}")))
        .header("Origin", &app.base_url)
        .header("Accept", if json { "application/json" } else { "text/html" })
        .form(&form)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{endpoint} with next={next:?} broke the connection: {e}"))
}

fn location(res: &reqwest::Response) -> String {
    res.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string()
}

const BAD_NEXTS: [&str; 7] =
    ["/\u{1}", "/\t/evil.example", "/\n/evil.example", "//evil.example", "/\\evil.example", "https://evil.example", "/%2F/evil.example"];

db_test!(a_bad_next_falls_back_to_the_account_page, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    app.create_user("ada@example.org", "Ada", PASSWORD, false).await;
    let sign_in = [("email", "ada@example.org"), ("password", PASSWORD)];
    for (i, next) in BAD_NEXTS.iter().enumerate() {
        for json in [true, false] {
            let res = post_with_next(&app, "auth/sign_in", &sign_in, next, json).await;
            assert_eq!(res.status(), if json { 200 } else { 302 }, "sign-in, next={next:?}");
            assert_eq!(location(&res), "/account", "sign-in, next={next:?}");
        }
        let email = format!("new{i}@example.org");
        let sign_up = [("email", email.as_str()), ("display_name", "New"), ("password", PASSWORD)];
        let res = post_with_next(&app, "auth/sign_up", &sign_up, next, false).await;
        assert_eq!((res.status().as_u16(), location(&res)), (302, "/account?welcome=1".to_string()), "sign-up, next={next:?}");
    }
    let res = post_with_next(&app, "auth/sign_in", &sign_in, "/cospeaker?token=ab12", false).await;
    assert_eq!(location(&res), "/cospeaker?token=ab12", "a path of this site is kept");
    app.stop().await;
});

db_test!(a_newer_mailed_link_revokes_the_older_ones, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    app.create_user("ivan@example.org", "Ivan", PASSWORD, false).await;
    let ask = || async { assert_eq!(call(&client(), &app, "auth/request_reset", &[("email", "ivan@example.org")]).await.status(), 200) };
    ask().await;
    let first = wait_for_tokens(&app, "ivan@example.org", "/reset/confirm?token=", 1).await.remove(0);
    ask().await;
    let second = wait_for_tokens(&app, "ivan@example.org", "/reset/confirm?token=", 2).await.into_iter().find(|t| *t != first).unwrap();
    let reset = |token: String, password: &'static str| {
        let app = &app;
        async move { call(&client(), app, "auth/reset", &[("token", &token), ("password", password)]).await.status() }
    };
    assert_eq!(reset(first.clone(), "my new long password").await, 422, "the older link was revoked by the newer one");

    // A live token left over (as from a race): using another one revokes it too.
    let ivan = user::Entity::find().filter(user::Column::EmailNormalized.eq("ivan@example.org")).one(&app.state.db).await.unwrap().unwrap();
    let now = chrono::Utc::now();
    user_token::ActiveModel {
        purpose: Set("reset".into()),
        token_hash: Set(token_hash("leftover-token")),
        user_id: Set(ivan.id),
        expires_at: Set(now + chrono::Duration::hours(1)),
        used_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&app.state.db)
    .await
    .unwrap();
    assert_eq!(reset(second, "my new long password").await, 200);
    assert_eq!(reset("leftover-token".into(), "another long password").await, 422, "using one link revoked the others");
    app.stop().await;
});

db_test!(a_new_confirmation_mail_revokes_the_older_link, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let kim = client();
    sign_up(&kim, &app, "kim@example.org", "Kim", PASSWORD).await;
    let first = wait_for_tokens(&app, "kim@example.org", "/verify?token=", 1).await.remove(0);
    assert_eq!(call(&kim, &app, "auth/resend_verification", &[]).await.status(), 200);
    let second = wait_for_tokens(&app, "kim@example.org", "/verify?token=", 2).await.into_iter().find(|t| *t != first).unwrap();
    assert_eq!(call(&kim, &app, "auth/verify", &[("token", &first)]).await.status(), 422);
    assert_eq!(call(&kim, &app, "auth/verify", &[("token", &second)]).await.status(), 200);
    app.stop().await;
});

db_test!(guessable_passwords_are_refused_beside_the_field, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let weak = "This password is too easy to guess";
    for password in ["aaaaaaaaaa", "password123", "1234567890", "nina.lopez2024"] {
        let res = sign_up(&client(), &app, "nina.lopez@example.org", "Nina Lopez", password).await;
        assert_eq!(res.status(), 422, "{password}");
        let body: serde_json::Value = res.json().await.unwrap();
        assert!(body.to_string().contains(weak) && body.to_string().contains("\"password\""), "{password}: {body}");
    }
    assert!(user::Entity::find().all(&app.state.db).await.unwrap().is_empty(), "nothing written");

    let nina = client();
    assert_eq!(sign_up(&nina, &app, "nina.lopez@example.org", "Nina Lopez", PASSWORD).await.status(), 200);
    let res = call(&nina, &app, "auth/change_password", &[("current_password", PASSWORD), ("new_password", "qwertyuiop")]).await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains(weak));

    assert_eq!(call(&client(), &app, "auth/request_reset", &[("email", "nina.lopez@example.org")]).await.status(), 200);
    let token = wait_for_tokens(&app, "nina.lopez@example.org", "/reset/confirm?token=", 1).await.remove(0);
    let res = call(&client(), &app, "auth/reset", &[("token", &token), ("password", "aaaaaaaaaa")]).await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains(weak));
    let res = call(&client(), &app, "auth/reset", &[("token", &token), ("password", "my new long password")]).await;
    assert_eq!(res.status(), 200, "the refused password did not use the link up");
    app.stop().await;
});
