//! Typed text against the formats it travels in, on SQLite and PostgreSQL: a carriage return in a
//! title stays inside its calendar line; pages that the cache shares carry no nonce, and other pages
//! a fresh one; images in Markdown are never fetched from their author's server.
use estrade_tests::http::{call, client, get_text};
use estrade_tests::review::member;
use estrade_tests::schedule::sched;
use estrade_tests::selection::SLUG;
use estrade_tests::{db_test, Backend, Setup};
use reqwest::header;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

/// Sets `column` of the proposal `code` to `value`.
async fn set_proposal(app: &estrade_tests::TestApp, code: &str, column: app::entities::proposal::Column, value: &str) {
    app::entities::proposal::Entity::update_many()
        .col_expr(column, Expr::value(value))
        .filter(app::entities::proposal::Column::Code.eq(code))
        .exec(&app.state.db)
        .await
        .unwrap();
}

/// Physical lines of a calendar: each ends with CRLF, none holds another line break.
fn calendar_lines(ics: &str) -> Vec<&str> {
    let body = ics.strip_suffix("\r\n").unwrap_or_else(|| panic!("ends with CRLF: {ics:?}"));
    let lines: Vec<&str> = body.split("\r\n").collect();
    for l in &lines {
        assert!(!l.contains('\r') && !l.contains('\n'), "a bare line break in {l:?}");
    }
    lines
}

db_test!(line_breaks_typed_in_a_title_stay_inside_their_calendar_line, |backend: Backend| async move {
    let s = sched(backend, Setup::default()).await;
    let app = &s.c.app;
    set_proposal(app, &s.codes[0], app::entities::proposal::Column::Title, "Alpha\rX-INJ:1").await;
    set_proposal(app, &s.codes[2], app::entities::proposal::Column::Title, "Gamma\r\nX-INJ:2\nX-INJ:3\u{0b}").await;
    s.publish_sample().await;
    let all = s.codes.join(",");
    for path in [format!("/{SLUG}/talk/{}.ics", s.codes[0]), format!("/{SLUG}/schedule.ics"), format!("/{SLUG}/faved.ics?talks={all}")] {
        let (status, ics) = get_text(&client(), app, &path).await;
        assert_eq!(status, 200, "{path}");
        let lines = calendar_lines(&ics);
        assert!(lines.iter().all(|l| !l.starts_with("X-INJ")), "{path} has a property of the title's making: {ics:?}");
        assert!(lines.iter().any(|l| l.starts_with("SUMMARY:Alpha X-INJ:1")), "{path}: {ics:?}");
        assert!(!ics.contains('\u{0b}'), "{path}: {ics:?}");
    }
    s.c.app.stop().await;
});

fn csp(res: &reqwest::Response) -> String {
    res.headers()[header::CONTENT_SECURITY_POLICY].to_str().unwrap().to_string()
}

fn directive<'a>(policy: &'a str, name: &str) -> &'a str {
    policy.split("; ").find_map(|d| d.strip_prefix(name)?.strip_prefix(' ')).unwrap_or_else(|| panic!("{name} in {policy}"))
}

db_test!(shared_pages_carry_no_nonce_and_images_come_from_this_site, |backend: Backend| async move {
    let s = sched(backend, Setup::default()).await;
    let app = &s.c.app;
    s.publish_sample().await;
    // Attendee pages, which the cache serves to everyone for a minute: no nonce to reuse.
    for path in [format!("/events/{SLUG}/agenda"), format!("/events/{SLUG}/talk/{}", s.codes[0])] {
        let first = client().get(app.url(&path)).send().await.unwrap();
        let second = client().get(app.url(&path)).send().await.unwrap();
        for res in [&first, &second] {
            assert_eq!(res.status(), 200, "{path}: {:?}", res.headers());
        }
        assert!(first.headers()[header::CACHE_CONTROL].to_str().unwrap().contains("public"), "{path} is shared");
        let (a, b) = (csp(&first), csp(&second));
        assert_eq!(a, b, "{path}");
        assert!(!a.contains("nonce"), "{path}: {a}");
        assert_eq!(directive(&a, "script-src"), "'self'", "no wasm, no inline script");
        assert_eq!(directive(&a, "connect-src"), "'self'", "no development socket in production");
        assert_eq!(directive(&a, "img-src"), "'self' data: https:", "speakers may link their photo");
    }
    // Personal pages are not cached, and run no inline script either; images from this site only.
    let rev = member(app, s.c.event, "rhea@example.org", "Rhea Reviewer", "reviewer").await;
    let review = csp(&rev.get(app.url(&format!("/review/{SLUG}"))).send().await.unwrap());
    assert_eq!(directive(&review, "script-src"), "'self'");
    assert_eq!(directive(&review, "img-src"), "'self' data:");
    assert_eq!(directive(&review, "connect-src"), "'self'");
    let signin = client().get(app.url("/signin")).send().await.unwrap();
    assert!(!signin.headers().get(header::CACHE_CONTROL).is_some_and(|v| v.to_str().unwrap_or("").contains("public")));
    assert!(!csp(&signin).contains("'nonce-"), "no inline script to allow");
    // The app's page (the schedule builder): a fresh nonce each time for its hydration scripts.
    let one = csp(&s.c.org.get(app.url(&format!("/admin/events/{SLUG}/schedule"))).send().await.unwrap());
    let two = csp(&s.c.org.get(app.url(&format!("/admin/events/{SLUG}/schedule"))).send().await.unwrap());
    assert!(directive(&one, "script-src").contains("'nonce-") && one != two, "{one} / {two}");
    assert!(directive(&one, "script-src").contains("'wasm-unsafe-eval'"), "{one}");
    s.c.app.stop().await;
});

db_test!(markdown_images_are_links_for_reviewers_and_attendees, |backend: Backend| async move {
    let s = sched(backend, Setup::default()).await;
    let app = &s.c.app;
    let summary = "See ![our diagram](https://tracker.example/abstract.png) and <img src=\"https://tracker.example/raw.png\">.";
    set_proposal(app, &s.codes[0], app::entities::proposal::Column::Summary, summary).await;
    s.publish_sample().await;
    let rev = member(app, s.c.event, "rhea@example.org", "Rhea Reviewer", "reviewer").await;
    let queue: serde_json::Value =
        call(&rev, app, "review/queue", &[("slug", SLUG), ("format", ""), ("track", "")]).await.json().await.unwrap();
    let alpha =
        queue["items"].as_array().unwrap().iter().find(|i| i["title"] == "Alpha talk").unwrap()["code"].as_str().unwrap().to_string();
    let json = call(&rev, app, "review/subject", &[("slug", SLUG), ("code", &alpha)]).await.text().await.unwrap();
    let (_, review_page) = get_text(&rev, app, &format!("/review/{SLUG}/{alpha}")).await;
    let (_, talk_page) = get_text(&client(), app, &format!("/events/{SLUG}/talk/{}", s.codes[0])).await;
    for (what, text) in [("review JSON", json.replace("\\\"", "\"")), ("review page", review_page), ("talk page", talk_page)] {
        assert!(text.contains("our diagram"), "{what}: {text}");
        assert!(!text.contains("<img"), "{what} loads an image: {text}");
        assert!(text.contains("<a href=\"https://tracker.example/abstract.png\""), "{what} links it: {text}");
    }
    s.c.app.stop().await;
});
