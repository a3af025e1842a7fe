//! Text people type never leaves its element (issue 14, item 3): break-out payloads stored through
//! the real endpoints in every text field people write, then every page showing them, for the
//! role that sees it, read with a real HTML parser.
use chrono::{Duration, Utc};
use reqwest::Client;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

use estrade_tests::cfp::{code_of, event_with_cfp, proposal_form, send, with, ABSTRACT};
use estrade_tests::html::{as_parsed, Page};
use estrade_tests::http::{call, client, get_text, sign_up};
use estrade_tests::review::{member, review_code_of, PASSWORD};
use estrade_tests::selection::token_in;
use estrade_tests::{db_test, Backend, TestApp};

const SLUG: &str = "esc-conf";
const DAY: &str = "2027-03-10";
/// Ends `<title>` (and would redirect every visitor).
const T: &str = r#"</title><meta http-equiv="refresh" content="0;url=https://evil.example">"#;
/// Ends `<textarea>` and runs a script.
const A: &str = "</textarea><script>alert(1)</script><img src=x onerror=alert(1)>";
/// Both, short enough for names of at most 60 characters.
const S: &str = "</title></textarea><img src=x onerror=alert(1)>";

/// For multi-line fields: both payloads, CR/LF line breaks and control characters.
fn long() -> String {
    format!("{T}\r\n{A}\r\nbell \u{7}, escape \u{1b}, end")
}

async fn ok(res: reqwest::Response, what: &str) -> String {
    let status = res.status();
    let body = res.text().await.unwrap_or_default();
    assert!(status.is_success(), "{what}: {status} {body}");
    body
}

/// Links on `page` whose address starts with `prefix`.
fn links(page: &Page, prefix: &str) -> Vec<String> {
    let sel = scraper::Selector::parse(&format!("a[href^='{prefix}']")).unwrap();
    page.doc.select(&sel).filter_map(|a| a.value().attr("href").map(str::to_owned)).collect()
}

/// Reads pages and collects every problem, so one run names them all.
struct Reader<'a> {
    app: &'a TestApp,
    problems: Vec<String>,
}

impl Reader<'_> {
    /// GETs `path` as `c`; checks nothing was injected, the title holds `title` (when given) and
    /// each named textarea holds exactly its text.
    async fn read(&mut self, c: &Client, path: &str, title: Option<&str>, areas: &[(&str, String)]) -> Page {
        let (status, html) = get_text(c, self.app, path).await;
        let page = Page::parse(path, &html);
        if status != 200 {
            self.problems.push(format!("{path}: status {status}"));
        }
        self.problems.extend(page.injections());
        if let Some(t) = title.filter(|t| !page.title().contains(t)) {
            self.problems.push(format!("{path}: title {:?} lacks {t:?}", page.title()));
        }
        for (name, text) in areas {
            let found = page.textarea(name).or_else(|| page.textarea_by_id(name));
            if found.as_deref() != Some(as_parsed(text).as_str()) {
                self.problems.push(format!("{path}: textarea {name} holds {found:?}, not {:?}", as_parsed(text)));
            }
        }
        page
    }
}

async fn add_cospeaker(app: &TestApp, code: &str, email: &str) {
    use app::entities::{proposal, proposal_speaker, user};
    let db = &app.state.db;
    let p = proposal::Entity::find().filter(proposal::Column::Code.eq(code)).one(db).await.unwrap().unwrap();
    let u = user::Entity::find().filter(user::Column::Email.eq(email)).one(db).await.unwrap().unwrap();
    proposal_speaker::ActiveModel {
        proposal_id: Set(p.id),
        user_id: Set(u.id),
        is_owner: Set(false),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
}

db_test!(payloads_in_every_text_field_stay_text_on_every_page, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let closes = Utc::now() + Duration::days(30);
    let (event, _, _) = event_with_cfp(&app, SLUG, closes).await;
    app.create_user("root@example.org", "Root", PASSWORD, true).await;
    let admin = client();
    estrade_tests::http::sign_in(&admin, &app, "root@example.org", PASSWORD).await;
    let org = member(&app, event, "olga@example.org", "Olga", "organizer").await;
    let rev = member(&app, event, "remi@example.org", "Remi", "reviewer").await;
    let long = long();
    let event_name = format!("Conf {T}");

    // The event, as its administrator writes it; account names.
    let (city, venue) = (format!("Lille {S}"), format!("Hall {T}"));
    let event_form = [
        ("current_slug", SLUG),
        ("slug", SLUG),
        ("name", &event_name),
        ("city", &city),
        ("venue", &venue),
        ("time_zone", "Europe/Paris"),
        ("start_date", DAY),
        ("end_date", DAY),
        ("description", &long),
        ("visibility", "public"),
    ];
    ok(call(&admin, &app, "events/update", &event_form).await, "event").await;
    for (c, name) in [(&org, format!("Olga {S}")), (&rev, format!("Remi {S}"))] {
        ok(call(c, &app, "auth/profile", &[("display_name", &name)]).await, "account name").await;
    }

    // The call for papers, its formats and tracks.
    let closes_local = closes.with_timezone(&chrono_tz::Europe::Paris).format("%Y-%m-%dT%H:%M").to_string();
    let cfp = [
        ("slug", SLUG),
        ("opens_at", ""),
        ("closes_at", &closes_local),
        ("max_proposals", ""),
        ("level_beginner", "on"),
        ("level_intermediate", "on"),
        ("lang_fr", "on"),
        ("lang_en", "on"),
        ("cfp_text", &long),
    ];
    ok(call(&org, &app, "organizer/save_cfp_settings", &cfp).await, "CFP settings").await;
    let format_form = [("slug", SLUG), ("name", S), ("description", A), ("duration_min", "30")];
    ok(call(&org, &app, "organizer/add_format", &format_form).await, "format").await;
    let track_form = [("slug", SLUG), ("name", S), ("description", A), ("colour", "#123456")];
    ok(call(&org, &app, "organizer/add_track", &track_form).await, "track").await;
    let format =
        app::events::cfp_settings::formats_of(&app.state.db, event, false).await.unwrap().into_iter().find(|f| f.name == S).unwrap().id;
    let track =
        app::events::cfp_settings::tracks_of(&app.state.db, event, false).await.unwrap().into_iter().find(|t| t.name == S).unwrap().id;

    // The speaker: account, profile, a talk in the library, a proposal, a co-speaker.
    let ada = client();
    ok(sign_up(&ada, &app, "ada@example.org", &format!("Ada {S}"), PASSWORD).await, "speaker signs up").await;
    let profile = [
        ("public_name", format!("Ada {S}")),
        ("bio", long.clone()),
        ("company", format!("Acme {S}")),
        ("job_title", S.to_string()),
        ("photo_url", String::new()),
        ("website", String::new()),
        ("github", String::new()),
        ("linkedin", String::new()),
        ("social", String::new()),
        ("city", S.to_string()),
        ("private_notes", long.clone()),
    ];
    ok(send(&ada, &app, "speakers/save_profile", &profile.map(|(k, v)| (k.to_string(), v))).await, "profile").await;
    let summary = format!("{ABSTRACT}\r\n{long}");
    let lib_title = format!("Lib {T}");
    let talk = [
        ("id", ""),
        ("title", &lib_title),
        ("summary", &summary),
        ("details", &long),
        ("level", "beginner"),
        ("language", "fr"),
        ("references", &long),
    ];
    ok(call(&ada, &app, "speakers/save_talk", &talk).await, "library talk").await;
    let talk_id = {
        use app::entities::talk;
        talk::Entity::find().filter(talk::Column::Title.eq(lib_title.as_str())).one(&app.state.db).await.unwrap().expect("library talk").id
    };
    let title = format!("Talk {T}");
    let mut form = proposal_form(SLUG, "escaping-form-key", format, track, "submit");
    for (k, v) in [("title", &title), ("summary", &summary), ("details", &long), ("references", &long)] {
        form = with(form, k, v);
    }
    ok(send(&ada, &app, "cfp/save", &form).await, "proposal").await;
    let code = code_of(&app, &title).await;
    let bea = client();
    ok(sign_up(&bea, &app, "bea@example.org", &format!("Bea {S}"), PASSWORD).await, "co-speaker signs up").await;
    add_cospeaker(&app, &code, "bea@example.org").await;

    // Review, decision with feedback, decision mail, settings; publication.
    let review_code = review_code_of(&app, &code).await;
    ok(call(&rev, &app, "review/save", &[("slug", SLUG), ("code", &review_code), ("score", "4"), ("comment", &long)]).await, "review")
        .await;
    let decide = [("slug", SLUG), ("code", code.as_str()), ("decision", "accepted"), ("waitlist_rank", ""), ("feedback", &long)];
    ok(call(&org, &app, "selection/decide", &decide).await, "decision").await;
    let subject = format!("Yes {T}");
    let body = format!("{long}\r\nConfirm: {{confirm_link}}");
    let template = [("slug", SLUG), ("decision", "accepted"), ("subject", &subject), ("body", &body)];
    ok(call(&org, &app, "selection/save_template", &template).await, "decision mail").await;
    let settings =
        [("slug", SLUG), ("anonymous", "on"), ("hide_scores", "on"), ("reviews_close_at", ""), ("confirm_by", "2031-01-15T23:00")];
    ok(call(&org, &app, "selection/save_settings", &settings).await, "selection settings").await;
    ok(call(&org, &app, "selection/publish", &[("slug", SLUG)]).await, "decisions published").await;
    let note = format!("Note {T}");
    let away = [("slug", SLUG), ("starts_at", "2027-03-10T14:00"), ("ends_at", "2027-03-10T15:00"), ("note", &note), ("code", &code)];
    ok(call(&ada, &app, "availability/add", &away).await, "unavailability").await;

    // Venue and schedule: a room, the talk placed, a break, a published version.
    ok(call(&org, &app, "venue/add_room", &[("slug", SLUG), ("name", S), ("capacity", "100"), ("description", A)]).await, "room").await;
    let room = {
        use app::entities::room;
        room::Entity::find().filter(room::Column::Name.eq(S)).one(&app.state.db).await.unwrap().expect("room").id.to_string()
    };
    let builder: serde_json::Value =
        serde_json::from_str(&ok(call(&org, &app, "schedule/load", &[("slug", SLUG)]).await, "builder").await).unwrap();
    let item =
        builder["items"].as_array().unwrap().iter().find(|i| i["code"] == code.as_str()).expect("the talk waits to be placed").clone();
    let (item_id, version) = (item["id"].to_string(), item["version"].to_string());
    let place =
        [("slug", SLUG), ("item", &item_id), ("version", &version), ("day", DAY), ("room", &room), ("start", "10:00"), ("minutes", "30")];
    ok(call(&org, &app, "schedule/place", &place).await, "talk placed").await;
    let (pause_title, version_name) = (format!("Break {T}"), format!("v {T}"));
    let pause =
        [("slug", SLUG), ("kind", "break"), ("title", &pause_title), ("day", DAY), ("room", "all"), ("start", "11:00"), ("minutes", "15")];
    ok(call(&org, &app, "schedule/add", &pause).await, "break").await;
    ok(call(&org, &app, "schedule/publish", &[("slug", SLUG), ("name", &version_name)]).await, "schedule published").await;

    let mut r = Reader { app: &app, problems: Vec::new() };
    let anon = client();
    let none: &[(&str, String)] = &[];

    // Attendees (no account).
    r.read(&anon, "/", None, none).await;
    r.read(&anon, &format!("/events/{SLUG}"), Some(T), none).await;
    r.read(&anon, &format!("/events/{SLUG}/cfp"), Some(T), none).await;
    let agenda = r.read(&anon, &format!("/events/{SLUG}/agenda"), Some(T), none).await;
    let talk_page = links(&agenda, &format!("/events/{SLUG}/talk/")).into_iter().next().expect("a talk on the agenda");
    let talk = r.read(&anon, &talk_page, Some(T), none).await;
    let speaker_page = links(&talk, &format!("/events/{SLUG}/speaker/")).into_iter().next().expect("a speaker on the talk page");
    r.read(&anon, &speaker_page, Some(S), none).await;
    r.read(&anon, &format!("/events/{SLUG}/changes"), Some(T), none).await;
    r.read(&anon, &format!("/events/{SLUG}/now"), Some(T), none).await;

    // The speaker.
    r.read(&ada, "/profile", None, &[("bio", long.clone()), ("private_notes", long.clone())]).await;
    let account = r.read(&ada, "/account", None, none).await;
    if account.input_value("input[name='display_name']").as_deref() != Some(format!("Ada {S}").as_str()) {
        r.problems.push(format!("/account: the name field holds {:?}", account.input_value("input[name='display_name']")));
    }
    r.read(&ada, "/proposals", None, none).await;
    r.read(&ada, &format!("/proposals/{code}"), Some(T), none).await;
    let areas = [("summary", summary.clone()), ("details", long.clone()), ("references", long.clone())];
    r.read(&ada, &format!("/proposals/{code}/edit"), Some(T), &areas).await;
    r.read(&ada, "/talks", None, none).await;
    r.read(&ada, &format!("/talks/{talk_id}"), None, &areas).await;
    r.read(&ada, &format!("/events/{SLUG}/cfp/propose"), Some(T), none).await;
    let mails = app::entities::mail_outbox::Entity::find().all(&app.state.db).await.unwrap();
    let decision = mails.iter().find(|m| m.body_text.contains("/confirm/")).expect("the decision mail");
    r.read(&ada, &format!("/confirm/{}", token_in(&decision.body_text)), None, none).await;

    // The reviewer.
    r.read(&rev, "/review", None, none).await;
    let queue = r.read(&rev, &format!("/review/{SLUG}"), Some(T), none).await;
    let review_page = links(&queue, &format!("/review/{SLUG}/")).into_iter().next().expect("a proposal in the queue");
    r.read(&rev, &review_page, Some(T), &[("comment", long.clone())]).await;

    // The organisers and the administrator.
    let admin_pages: Vec<(String, Vec<(&str, String)>)> = vec![
        ("cfp".into(), vec![("cfp_text", long.clone())]),
        ("proposals".into(), vec![]),
        (format!("proposals/{code}"), vec![]),
        ("selection".into(), vec![("feedback", long.clone())]),
        ("selection/settings".into(), vec![("template-accepted-en-body", body.clone())]),
        ("selection/log".into(), vec![]),
        ("venue".into(), vec![]),
        ("conflicts".into(), vec![]),
        ("schedule".into(), vec![]),
        (format!("schedule/place/{item_id}?day={DAY}"), vec![]),
        ("schedule/versions".into(), vec![]),
        ("schedule/versions/1".into(), vec![]),
        ("schedule/interest".into(), vec![]),
        ("schedule/import".into(), vec![]),
    ];
    for (page, areas) in admin_pages {
        r.read(&org, &format!("/admin/events/{SLUG}/{page}"), Some(T), &areas).await;
    }
    r.read(&admin, "/admin", None, none).await;
    r.read(&admin, &format!("/admin/events/{SLUG}"), Some(T), &[("description", long.clone())]).await;

    assert!(r.problems.is_empty(), "{} problems:\n{}", r.problems.len(), r.problems.join("\n"));
    app.stop().await;
});
