//! Without JavaScript, a form that fails comes back with what was typed (passwords excepted) and
//! the errors beside the fields, from the same browser only (issue 14, "Nothing typed or chosen is
//! lost"). Plain form posts as a browser sends them, on SQLite and PostgreSQL.
use chrono::Utc;
use reqwest::Client;
use sea_orm::EntityTrait;

use estrade_tests::cfp::event_with_cfp;
use estrade_tests::html::{as_parsed, Page};
use estrade_tests::http::{client, get_text, location, post_without_js, sign_in};
use estrade_tests::review::{member, PASSWORD};
use estrade_tests::{db_test, Backend, TestApp};

const SLUG: &str = "flash-conf";

/// A 2,000-character abstract with line breaks and a `</textarea>` in it.
fn long_abstract() -> String {
    let line = "Platform teams without the pain: golden paths, </textarea> & paved roads.\r\n";
    line.repeat(40).chars().take(2000).collect()
}

/// Follows a redirect with `c` and parses the page.
async fn open(c: &Client, app: &TestApp, to: &str) -> Page {
    let path = to.strip_prefix(&app.base_url).unwrap_or(to);
    let (status, html) = get_text(c, app, path).await;
    assert!(status < 500, "{path}: {status}");
    Page::parse(path, &html)
}

/// `form` with some fields replaced.
fn changed<'a>(form: &[(&'a str, &'a str)], changes: &[(&str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    form.iter().map(|&(k, v)| (k, changes.iter().find(|(c, _)| *c == k).map_or(v, |(_, new)| *new))).collect()
}

async fn kept_rows(app: &TestApp) -> Vec<String> {
    app::entities::form_flash::Entity::find().all(&app.state.db).await.unwrap().into_iter().map(|r| r.fields).collect()
}

db_test!(a_failed_proposal_comes_back_as_typed_in_the_same_browser_only, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let (event, _, _) = event_with_cfp(&app, SLUG, Utc::now() + chrono::Duration::days(30)).await;
    let formats = app::events::cfp_settings::formats_of(&app.state.db, event, false).await.unwrap();
    let tracks = app::events::cfp_settings::tracks_of(&app.state.db, event, false).await.unwrap();
    let (format, track) = (formats[2].id.to_string(), tracks[3].id.to_string());
    app.create_user("ada@example.org", "Ada", PASSWORD, false).await;
    let ada = client();
    sign_in(&ada, &app, "ada@example.org", PASSWORD).await;
    let summary = long_abstract();
    let details = "Private for the reviewers: my employer must not know yet.\r\nSecond line.";
    let propose = format!("/events/{SLUG}/cfp/propose");
    let form = [
        ("slug", SLUG),
        ("code", ""),
        ("form_key", "flash-key"),
        ("talk_id", ""),
        ("title", "Hi"),
        ("summary", summary.as_str()),
        ("details", details),
        ("level", "advanced"),
        ("language", "en"),
        ("references", ""),
        ("format_id", &format),
        ("track_id", &track),
        ("intent", "submit"),
    ];
    let res = post_without_js(&ada, &app, "cfp/save", &propose, &form).await;
    assert_eq!(res.status(), 302);
    let to = location(&res);
    assert!(to.contains("__err=") && to.contains("__form="), "{to}");
    assert!(!to.contains("employer") && !to.contains("golden"), "nothing typed rides in the address: {to}");

    // The page comes back with every value and the error beside the title.
    let page = open(&ada, &app, &to).await;
    assert_eq!(page.input_value("input[name='title']").as_deref(), Some("Hi"));
    assert_eq!(page.textarea("summary"), Some(as_parsed(&summary)));
    assert_eq!(page.textarea("details"), Some(as_parsed(details)));
    assert_eq!(page.selected("format_id"), Some(format.clone()));
    assert_eq!(page.selected("track_id"), Some(track.clone()));
    assert_eq!(page.selected("level").as_deref(), Some("advanced"));
    assert_eq!(page.selected("language").as_deref(), Some("en"));
    assert_eq!(page.texts("#f-title-error"), ["Use at least 5 characters."]);

    // Another browser of the same person gets the address, not what was typed.
    let elsewhere = client();
    sign_in(&elsewhere, &app, "ada@example.org", PASSWORD).await;
    let other = open(&elsewhere, &app, &to).await;
    assert_eq!(other.textarea("summary").as_deref(), Some(""));
    assert_eq!(other.input_value("input[name='title']").as_deref(), Some(""));

    // A second failure from the error page shows the new error only; a success leaves the
    // address clean.
    let again = post_without_js(&ada, &app, "cfp/save", &to, &changed(&form, &[("title", "Hi again"), ("summary", "short")])).await;
    let to2 = location(&again);
    assert_eq!(to2.matches("__err=").count(), 1, "{to2}");
    let page = open(&ada, &app, &to2).await;
    assert_eq!(page.input_value("input[name='title']").as_deref(), Some("Hi again"));
    assert_eq!(page.texts("#f-title-error"), Vec::<String>::new());
    assert_eq!(page.texts("#f-summary-error").len(), 1);
    let done = post_without_js(&ada, &app, "cfp/save", &to2, &changed(&form, &[("title", "Platform teams without the pain")])).await;
    let to3 = location(&done);
    assert!(!to3.contains("__form") && !to3.contains("__err"), "{to3}");

    // Kept submissions expire.
    app.state.clock.set(Some(Utc::now() + chrono::Duration::minutes(16)));
    let late = open(&ada, &app, &to).await;
    assert_eq!(late.input_value("input[name='title']").as_deref(), Some(""));
    app.stop().await;
});

db_test!(passwords_are_never_kept_and_other_forms_come_back_too, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let (event, _, _) = event_with_cfp(&app, SLUG, Utc::now() + chrono::Duration::days(30)).await;
    app.create_user("gil@example.org", "Gil", PASSWORD, false).await;

    // Sign-in: the email comes back, the password is neither kept nor shown.
    let c = client();
    let res =
        post_without_js(&c, &app, "auth/sign_in", "/signin", &[("email", "gil@example.org"), ("password", "wrong password 123")]).await;
    let page = open(&c, &app, &location(&res)).await;
    assert_eq!(page.input_value("input[name='email']").as_deref(), Some("gil@example.org"));
    assert_eq!(page.input_value("input[name='password']"), None);
    let rows = kept_rows(&app).await;
    assert_eq!(rows.len(), 1);
    assert!(!rows[0].contains("password") && !rows[0].contains("wrong password 123"), "{}", rows[0]);

    // CFP settings: the text, the ticked and unticked boxes.
    let org = member(&app, event, "olga@example.org", "Olga", "organizer").await;
    let settings = format!("/admin/events/{SLUG}/cfp");
    let text = "Our call </textarea><b>bold</b>\r\nSecond line.";
    let form =
        [("slug", SLUG), ("opens_at", ""), ("closes_at", "not a date"), ("max_proposals", "7"), ("lang_en", "on"), ("cfp_text", text)];
    let res = post_without_js(&org, &app, "organizer/save_cfp_settings", &settings, &form).await;
    let page = open(&org, &app, &location(&res)).await;
    assert_eq!(page.textarea("cfp_text"), Some(as_parsed(text)));
    assert_eq!(page.input_value("#f-max_proposals").as_deref(), Some("7"));
    assert!(page.checked("#f-lang_en") && !page.checked("#f-lang_fr") && !page.checked("#f-level_beginner"));
    assert_eq!(page.texts("#f-closes_at-error").len(), 1);

    // One row's form among several: only that row takes what was typed.
    let formats = app::events::cfp_settings::formats_of(&app.state.db, event, false).await.unwrap();
    let (first, second) = (&formats[0], &formats[1]);
    let id = second.id.to_string();
    let row = [("slug", SLUG), ("id", id.as_str()), ("name", "Renamed format"), ("description", ""), ("duration_min", "4")];
    let res = post_without_js(&org, &app, "organizer/update_format", &settings, &row).await;
    let page = open(&org, &app, &location(&res)).await;
    assert_eq!(page.input_value(&format!("#format-{}-name", second.id)).as_deref(), Some("Renamed format"));
    assert_eq!(page.input_value(&format!("#format-{}-duration", second.id)).as_deref(), Some("4"));
    assert_eq!(page.input_value(&format!("#format-{}-name", first.id)).as_deref(), Some(first.name.as_str()));
    assert_eq!(page.input_value("#new-format-name").as_deref(), Some(""));
    assert_eq!(page.texts(&format!("#format-{}-duration-error", second.id)).len(), 1);
    app.stop().await;
});
