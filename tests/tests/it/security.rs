//! Cross-origin writes, body limits, headers, roles and probes, on SQLite and PostgreSQL.
use estrade_tests::http::{call, client, get_text, sign_in};
use estrade_tests::{db_test, Backend, TestApp};
use migration::MigratorTrait;

const PASSWORD: &str = "correct horse battery";

db_test!(cross_origin_writes_are_refused, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    app.create_user("gil@example.org", "Gil", PASSWORD, false).await;
    let c = client();
    let form = [("email", "gil@example.org"), ("password", PASSWORD)];
    let foreign = c.post(app.url("/api/auth/sign_in")).header("Origin", "https://evil.example").form(&form).send().await.unwrap();
    assert_eq!(foreign.status(), 403);
    assert!(foreign.text().await.unwrap().contains("came from another site"));
    let cross = c.post(app.url("/api/auth/sign_in")).header("Sec-Fetch-Site", "cross-site").form(&form).send().await.unwrap();
    assert_eq!(cross.status(), 403);
    let same = c.post(app.url("/api/auth/sign_in")).header("Origin", &app.base_url).form(&form).send().await.unwrap();
    assert!(same.status().is_success() || same.status().is_redirection(), "same origin allowed: {}", same.status());
    app.stop().await;
});

db_test!(oversized_bodies_get_413_with_a_message, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let big = "x".repeat(3 * 1024 * 1024);
    let res = client()
        .post(app.url("/api/auth/sign_in"))
        .header("Origin", &app.base_url)
        .form(&[("email", big.as_str()), ("password", "p")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
    assert!(res.text().await.unwrap().contains("too large"));
    app.stop().await;
});

db_test!(pages_carry_security_headers_and_a_csp_without_inline_scripts, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let res = client().get(app.url("/")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let h = res.headers().clone();
    let csp = h.get("content-security-policy").unwrap().to_str().unwrap().to_string();
    assert!(csp.contains("script-src 'self';"), "a server-rendered page runs its own files only: {csp}");
    assert!(csp.contains("frame-ancestors 'none'"));
    assert_eq!(h.get("x-content-type-options").unwrap(), "nosniff");
    assert!(h.get("referrer-policy").is_some());
    let html = res.text().await.unwrap();
    let inline = html.split("<script").skip(1).filter(|tag| !tag.trim_start().starts_with("src=")).count();
    assert_eq!(inline, 0, "no inline script on a server-rendered page, no hydration data: {html}");
    app.stop().await;
});

db_test!(unknown_pages_are_404, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let (status, html) = get_text(&client(), &app, "/no/such/page").await;
    assert_eq!(status, 404);
    assert!(html.contains("Page not found"));
    let (status, _) = get_text(&client(), &app, "/events/no-such-event").await;
    assert_eq!(status, 404);
    app.stop().await;
});

db_test!(admin_actions_need_an_admin_and_roles_are_per_event, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    app.create_user("root@example.org", "Root", PASSWORD, true).await;
    app.create_user("olga@example.org", "Olga", PASSWORD, false).await;
    let event = |slug: &'static str| {
        vec![
            ("slug", slug),
            ("name", "Cloud Test"),
            ("city", "Lille"),
            ("venue", "Hall"),
            ("time_zone", "Europe/Paris"),
            ("start_date", "2027-03-10"),
            ("end_date", "2027-03-10"),
            ("description", ""),
            ("visibility", "public"),
        ]
    };
    let anon = client();
    assert_eq!(call(&anon, &app, "admin/create_event", &event("test-a")).await.status(), 401);
    let olga = client();
    sign_in(&olga, &app, "olga@example.org", PASSWORD).await;
    assert_eq!(call(&olga, &app, "admin/create_event", &event("test-a")).await.status(), 403);

    let root = client();
    sign_in(&root, &app, "root@example.org", PASSWORD).await;
    assert_eq!(call(&root, &app, "admin/create_event", &event("test-a")).await.status(), 200);
    assert_eq!(call(&root, &app, "admin/create_event", &event("test-b")).await.status(), 200);
    let dup = call(&root, &app, "admin/create_event", &event("test-a")).await;
    assert_eq!(dup.status(), 422);
    assert!(dup.text().await.unwrap().contains("already uses this address"));
    let mut bad = event("test-c");
    bad[4] = ("time_zone", "Mars/Olympus");
    bad[6] = ("end_date", "2027-03-09");
    let res = call(&root, &app, "admin/create_event", &bad).await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("IANA time zone") && body.contains("cannot end before it starts"), "{body}");

    let grant = call(&root, &app, "events/grant_role", &[("slug", "test-a"), ("email", "olga@example.org"), ("role", "organizer")]).await;
    assert_eq!(grant.status(), 200);
    assert_eq!(call(&olga, &app, "events/members", &[("slug", "test-a")]).await.status(), 200);
    assert_eq!(call(&olga, &app, "events/members", &[("slug", "test-b")]).await.status(), 403, "organiser of A is nobody in B");
    let bad_role = call(&root, &app, "events/grant_role", &[("slug", "test-a"), ("email", "olga@example.org"), ("role", "emperor")]).await;
    assert_eq!(bad_role.status(), 422);
    app.stop().await;
});

db_test!(draft_events_are_hidden_from_outsiders, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let form = domain::events::EventForm {
        slug: "secret-2027".into(),
        name: "Secret".into(),
        city: "Lille".into(),
        venue: "Hall".into(),
        time_zone: "Europe/Paris".into(),
        start_date: "2027-01-01".into(),
        end_date: "2027-01-01".into(),
        description: String::new(),
        visibility: "draft".into(),
        default_language: String::new(),
        description_language: String::new(),
        translations: Default::default(),
    };
    app::events::service::create(&app.state.db, &form, app.state.clock.now()).await.unwrap();
    let (status, _) = get_text(&client(), &app, "/events/secret-2027").await;
    assert_eq!(status, 404);
    let (_, home) = get_text(&client(), &app, "/").await;
    assert!(!home.contains("Secret"));
    app.stop().await;
});

/// The slugs of the public events listed as (upcoming, past).
async fn listed(app: &TestApp) -> (Vec<String>, Vec<String>) {
    let lists: serde_json::Value = call(&client(), app, "events/listed", &[]).await.json().await.unwrap();
    let slugs = |key: &str| lists[key].as_array().unwrap().iter().map(|e| e["slug"].as_str().unwrap().to_string()).collect::<Vec<_>>();
    (slugs("upcoming"), slugs("past"))
}

db_test!(events_turn_past_on_the_app_clock, |backend: Backend| async move {
    use chrono::TimeZone;
    let app = TestApp::start(backend).await;
    // One day, 10 March 2027.
    app::events::service::create(&app.state.db, &estrade_tests::cfp::event_form("spring-2027"), app.state.clock.now()).await.unwrap();
    app.state.clock.set(Some(chrono::Utc.with_ymd_and_hms(2027, 3, 10, 12, 0, 0).unwrap()));
    assert_eq!(listed(&app).await, (vec!["spring-2027".to_string()], vec![]));
    app.state.clock.set(Some(chrono::Utc.with_ymd_and_hms(2027, 3, 11, 12, 0, 0).unwrap()));
    assert_eq!(listed(&app).await, (vec![], vec!["spring-2027".to_string()]));
    app.stop().await;
});

db_test!(probes_and_metrics_answer, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let c = client();
    assert_eq!(get_text(&c, &app, "/healthz").await, (200, "ok".to_string()));
    assert_eq!(get_text(&c, &app, "/readyz").await, (200, "ready".to_string()));
    get_text(&c, &app, "/").await;
    get_text(&c, &app, "/events/no-such-event-4711/agenda").await;
    let (status, metrics) = get_text(&c, &app, "/metrics").await;
    assert_eq!(status, 200);
    assert!(metrics.contains("estrade_http_requests_total"), "{metrics}");
    // Latency per route pattern, never per address.
    assert!(metrics.contains(r#"estrade_http_request_duration_seconds_bucket{method="GET",route="/events/{slug}/agenda""#), "{metrics}");
    assert!(!metrics.contains("no-such-event-4711"), "{metrics}");
    for name in [
        "estrade_mail_outbox_backlog",
        "estrade_mail_outbox_failed",
        "estrade_db_pool_connections",
        "estrade_db_pool_in_use",
        "estrade_page_cache_misses_total",
    ] {
        assert!(metrics.contains(name), "{name} in {metrics}");
    }
    app.stop().await;
});

db_test!(migrating_twice_is_a_no_op, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let before = migration::Migrator::get_applied_migrations(&app.state.db).await.unwrap().len();
    migration::Migrator::up(&app.state.db, None).await.expect("second run succeeds");
    let after = migration::Migrator::get_applied_migrations(&app.state.db).await.unwrap().len();
    assert_eq!(before, after);
    assert_eq!(after, migration::Migrator::migrations().len());
    app.stop().await;
});
