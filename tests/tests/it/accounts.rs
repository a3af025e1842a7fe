//! Accounts and sessions through the real router, on SQLite and PostgreSQL.
use estrade_tests::http::{call, client, get_text, sign_in, sign_up, who_am_i};
use estrade_tests::{db_test, Backend, TestApp};

const PASSWORD: &str = "correct horse battery";

fn session_cookie(res: &reqwest::Response) -> String {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("estrade_session=") && !v.starts_with("estrade_session=;"))
        .expect("a session cookie")
        .to_string()
}

db_test!(sign_up_sign_in_and_sign_out, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let c = client();
    let res = sign_up(&c, &app, "alice@example.org", "Alice", PASSWORD).await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    assert_eq!(who_am_i(&c, &app).await.as_deref(), Some("Alice"));

    let res = call(&c, &app, "auth/sign_out", &[]).await;
    assert!(res.status().is_success());
    assert_eq!(who_am_i(&c, &app).await, None);

    let res = sign_in(&c, &app, "ALICE@example.org ", PASSWORD).await;
    assert_eq!(res.status(), 200);
    let cookie = session_cookie(&res);
    for flag in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(flag), "cookie {cookie} lacks {flag}");
    }
    assert!(!cookie.contains("Secure"), "no Secure flag over plain http");
    let token = cookie.split(';').next().unwrap().trim_start_matches("estrade_session=");
    assert_eq!(token.len(), 64, "256-bit session id");
    assert_eq!(who_am_i(&c, &app).await.as_deref(), Some("Alice"));
    app.stop().await;
});

db_test!(sign_in_rotates_the_session, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    app.create_user("bob@example.org", "Bob", PASSWORD, false).await;
    let c = client();
    let first = session_cookie(&sign_in(&c, &app, "bob@example.org", PASSWORD).await);
    let second = session_cookie(&sign_in(&c, &app, "bob@example.org", PASSWORD).await);
    assert_ne!(first, second);
    let sessions = app::entities::session::Entity::find().all(&app.state.db).await.unwrap();
    assert_eq!(sessions.len(), 1, "the old session was ended at sign-in");
    app.stop().await;
});

db_test!(wrong_password_and_unknown_email_answer_the_same, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    app.create_user("carol@example.org", "Carol", PASSWORD, false).await;
    let c = client();
    let wrong = sign_in(&c, &app, "carol@example.org", "not the password").await;
    let unknown = sign_in(&c, &app, "nobody@example.org", "not the password").await;
    assert_eq!(wrong.status(), 422);
    assert_eq!(unknown.status(), 422);
    let (a, b) = (wrong.text().await.unwrap(), unknown.text().await.unwrap());
    assert_eq!(a, b);
    assert!(a.contains("The email or password is incorrect."));
    app.stop().await;
});

db_test!(sixth_bad_sign_in_is_throttled, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    app.create_user("dan@example.org", "Dan", PASSWORD, false).await;
    let c = client();
    for attempt in 1..=5 {
        let res = sign_in(&c, &app, "dan@example.org", "wrong password!").await;
        assert_eq!(res.status(), 422, "attempt {attempt}");
    }
    let res = sign_in(&c, &app, "dan@example.org", PASSWORD).await;
    assert_eq!(res.status(), 429);
    assert!(res.text().await.unwrap().contains("Too many failed sign-ins"));
    assert_eq!(who_am_i(&c, &app).await, None);
    app.stop().await;
});

db_test!(sign_up_validates_every_field, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let c = client();
    let res = sign_up(&c, &app, "not-an-email", "", "short").await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    for msg in ["does not look like an email", "tell us your name", "at least 10 characters"] {
        assert!(body.contains(msg), "{body} lacks {msg}");
    }
    let res = sign_up(&c, &app, "eve@example.org", "Eve", "eve@example.org").await;
    assert!(res.text().await.unwrap().contains("must not be your email"));
    assert!(app::entities::user::Entity::find().all(&app.state.db).await.unwrap().is_empty(), "nothing written");

    sign_up(&c, &app, "eve@example.org", "Eve", PASSWORD).await;
    let again = sign_up(&client(), &app, "EVE@example.org", "Eve 2", PASSWORD).await;
    assert_eq!(again.status(), 422);
    assert!(again.text().await.unwrap().contains("already uses this email"));
    app.stop().await;
});

db_test!(markup_in_a_display_name_is_stored_as_typed_and_rendered_inert, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let c = client();
    let name = "<script>alert('x')</script><b>Mallory</b>";
    assert_eq!(sign_up(&c, &app, "mallory@example.org", name, PASSWORD).await.status(), 200);
    assert_eq!(who_am_i(&c, &app).await.as_deref(), Some(name), "stored as typed");
    let (status, html) = get_text(&c, &app, "/account").await;
    assert_eq!(status, 200);
    assert!(html.contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;") || html.contains("&lt;script&gt;alert('x')&lt;/script&gt;"), "escaped in the page");
    assert!(!html.contains("<script>alert("), "never live markup");
    assert!(!html.contains("<b>Mallory</b>"));
    app.stop().await;
});

db_test!(changing_the_password_signs_out_other_sessions, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    app.create_user("fay@example.org", "Fay", PASSWORD, false).await;
    let (laptop, phone) = (client(), client());
    sign_in(&laptop, &app, "fay@example.org", PASSWORD).await;
    sign_in(&phone, &app, "fay@example.org", PASSWORD).await;
    let bad = call(&laptop, &app, "auth/change_password", &[("current_password", "nope nope nope"), ("new_password", "a brand new password")]).await;
    assert_eq!(bad.status(), 422);
    let res = call(&laptop, &app, "auth/change_password", &[("current_password", PASSWORD), ("new_password", "a brand new password")]).await;
    assert_eq!(res.status(), 200);
    assert_eq!(who_am_i(&laptop, &app).await.as_deref(), Some("Fay"));
    assert_eq!(who_am_i(&phone, &app).await, None);
    assert_eq!(sign_in(&client(), &app, "fay@example.org", "a brand new password").await.status(), 200);
    app.stop().await;
});

use sea_orm::EntityTrait;
