//! Sign-in throttling on SQLite and PostgreSQL: per (email, IP) with a growing delay, never an
//! account lockout; a much higher ceiling per IP; a password reset lifts it; concurrent attempts are
//! counted one after the other.
use std::time::Duration;

use app::entities::throttle_counter;
use estrade_tests::http::{all_at_once, call, client, form};
use estrade_tests::{db_test, Backend, TestApp};
use reqwest::{Client, Response};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

const PASSWORD: &str = "correct horse battery";
const WRONG: &str = "wrong horse battery";

/// A sign-in from the address `ip` (the test server trusts `X-Forwarded-For`).
async fn sign_in_from(c: &Client, app: &TestApp, ip: &str, email: &str, password: &str) -> Response {
    c.post(app.url("/api/auth/sign_in"))
        .header("Origin", &app.base_url)
        .header("Accept", "application/json")
        .header("X-Forwarded-For", ip)
        .form(&[("email", email), ("password", password)])
        .send()
        .await
        .expect("request")
}

async fn fail_five_times(app: &TestApp, ip: &str, email: &str) {
    for attempt in 1..=5 {
        assert_eq!(sign_in_from(&client(), app, ip, email, WRONG).await.status(), 422, "attempt {attempt}");
    }
}

fn later(app: &TestApp, secs: i64) {
    app.state.clock.set(Some(chrono::Utc::now() + chrono::Duration::seconds(secs)));
}

db_test!(twenty_concurrent_wrong_passwords_are_not_all_checked, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    app.create_user("dan@example.org", "Dan", PASSWORD, false).await;
    let attempts = (0..20).map(|_| (client(), "auth/sign_in".to_string(), form(&[("email", "dan@example.org"), ("password", WRONG)])));
    let answers = all_at_once(&app, attempts.collect()).await;
    let checked = answers.iter().filter(|(s, _)| *s == 422).count();
    let refused = answers.iter().filter(|(s, _)| *s == 429).count();
    assert_eq!((checked, refused), (5, 15), "five password checks, the rest refused before checking: {answers:?}");
    assert_eq!(sign_in_from(&client(), &app, "127.0.0.1", "dan@example.org", PASSWORD).await.status(), 429);
    app.stop().await;
});

db_test!(a_throttled_address_locks_no_one_else_out, |backend: Backend| async move {
    let app = TestApp::start_behind_proxy(backend).await;
    app.create_user("dan@example.org", "Dan", PASSWORD, false).await;
    app.create_user("eva@example.org", "Eva", PASSWORD, false).await;
    fail_five_times(&app, "203.0.113.9", "dan@example.org").await;
    let res = sign_in_from(&client(), &app, "203.0.113.9", "dan@example.org", PASSWORD).await;
    assert_eq!(res.status(), 429, "the attacker's address waits, even with the right password");
    let text = res.text().await.unwrap();
    assert!(text.contains("Too many failed sign-ins. Please wait 1 minute, or reset your password."), "{text}");

    let dan = client();
    assert_eq!(sign_in_from(&dan, &app, "198.51.100.4", "dan@example.org", PASSWORD).await.status(), 200, "Dan, elsewhere");
    let eva = client();
    assert_eq!(sign_in_from(&eva, &app, "203.0.113.9", "eva@example.org", PASSWORD).await.status(), 200, "Eva, same network");
    app.stop().await;
});

db_test!(the_delay_doubles_then_lets_the_right_password_in, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    app.create_user("dan@example.org", "Dan", PASSWORD, false).await;
    later(&app, 0);
    fail_five_times(&app, "127.0.0.1", "dan@example.org").await;
    assert_eq!(sign_in_from(&client(), &app, "127.0.0.1", "dan@example.org", WRONG).await.status(), 429);
    later(&app, 61);
    assert_eq!(sign_in_from(&client(), &app, "127.0.0.1", "dan@example.org", WRONG).await.status(), 422, "one more try after a minute");
    assert_eq!(sign_in_from(&client(), &app, "127.0.0.1", "dan@example.org", WRONG).await.status(), 429);
    later(&app, 61 + 61);
    let res = sign_in_from(&client(), &app, "127.0.0.1", "dan@example.org", PASSWORD).await;
    assert_eq!(res.status(), 429, "the second delay is two minutes");
    assert!(res.text().await.unwrap().contains("Please wait 1 minute"));
    later(&app, 61 + 121);
    assert_eq!(sign_in_from(&client(), &app, "127.0.0.1", "dan@example.org", PASSWORD).await.status(), 200);
    let left = throttle_counter::Entity::find().filter(throttle_counter::Column::Scope.eq("sign-in")).all(&app.state.db).await.unwrap();
    assert!(left.is_empty(), "a success forgets the failures: {left:?}");
    app.stop().await;
});

db_test!(a_password_reset_lifts_the_delay, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    app.create_user("dan@example.org", "Dan", PASSWORD, false).await;
    fail_five_times(&app, "127.0.0.1", "dan@example.org").await;
    assert_eq!(sign_in_from(&client(), &app, "127.0.0.1", "dan@example.org", PASSWORD).await.status(), 429);

    assert_eq!(call(&client(), &app, "auth/request_reset", &[("email", "dan@example.org")]).await.status(), 200);
    let mut link = None;
    TestApp::eventually("the reset mail", Duration::from_secs(20), || {
        link = app.mail_files().iter().find_map(|m| m.link(&app.url("/reset/confirm?token=")));
        let found = link.is_some();
        async move { found }
    })
    .await;
    let token = link.unwrap().rsplit('=').next().unwrap().to_string();
    let res = call(&client(), &app, "auth/reset", &[("token", &token), ("password", "my new long password")]).await;
    assert_eq!(res.status(), 200);
    let signed_in = sign_in_from(&client(), &app, "127.0.0.1", "dan@example.org", "my new long password").await;
    assert_eq!(signed_in.status(), 200, "the reset cleared the failures, as the 429 promised");
    app.stop().await;
});

db_test!(spraying_from_one_network_is_braked_there_only, |backend: Backend| async move {
    let app = TestApp::start_behind_proxy(backend).await;
    app.create_user("dan@example.org", "Dan", PASSWORD, false).await;
    let ceiling = app.state.config.limits.sign_in_per_ip.limit as i32;
    app.set_counter("sign-in-ip", "203.0.113.9", ceiling - 1).await;
    assert_eq!(sign_in_from(&client(), &app, "203.0.113.9", "someone@example.org", WRONG).await.status(), 422, "the last one");
    let res = sign_in_from(&client(), &app, "203.0.113.9", "dan@example.org", PASSWORD).await;
    assert_eq!(res.status(), 429);
    assert!(res.text().await.unwrap().contains("Too many failed sign-ins from your network. Please wait 15 minutes."));
    assert_eq!(sign_in_from(&client(), &app, "198.51.100.4", "dan@example.org", PASSWORD).await.status(), 200);
    app.stop().await;
});

db_test!(successful_sign_ins_do_not_count_against_the_network, |backend: Backend| async move {
    let app = TestApp::start_behind_proxy(backend).await;
    app.create_user("dan@example.org", "Dan", PASSWORD, false).await;
    for _ in 0..3 {
        assert_eq!(sign_in_from(&client(), &app, "203.0.113.9", "dan@example.org", PASSWORD).await.status(), 200);
    }
    let net = throttle_counter::Entity::find().filter(throttle_counter::Column::Scope.eq("sign-in-ip")).one(&app.state.db).await.unwrap();
    assert_eq!(net.map(|r| r.hits), Some(0));
    app.stop().await;
});
