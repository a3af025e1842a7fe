//! The public agenda on SQLite and PostgreSQL, read as an anonymous visitor would: only published
//! versions, filters from the URL, talk and speaker pages without private data, "now & next" by
//! the event's clock, and public answers served from the page cache with ETag revalidation.
use chrono::TimeZone;
use estrade_tests::http::client;
use estrade_tests::schedule::{sched, Sched};
use estrade_tests::selection::SLUG;
use estrade_tests::{db_test, Backend, Setup, TestApp};
use reqwest::header;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use std::time::Duration;

/// The sample schedule published, then Gamma moved to 14:00 in the Amphi without publishing.
async fn published(s: &Sched) {
    s.publish_sample().await;
    assert_eq!(s.place(&s.codes[2], &s.room(0), "14:00", "40").await.status(), 200);
}

async fn page(app: &TestApp, path: &str) -> (u16, String) {
    let res = client().get(app.url(path)).send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

fn titles_in(html: &str) -> Vec<&'static str> {
    ["Alpha talk", "Beta talk", "Gamma talk"].into_iter().filter(|t| html.contains(t)).collect()
}

db_test!(anonymous_visitors_read_only_the_published_agenda, |backend: Backend| async move {
    let s = sched(backend, Setup::default()).await;
    let app = &s.c.app;
    let (code, html) = page(app, &format!("/events/{SLUG}/agenda")).await;
    assert_eq!(code, 404, "nothing is published yet");
    assert!(html.contains("not published"), "{html}");

    published(&s).await;
    let (code, html) = page(app, &format!("/events/{SLUG}/agenda?day=2027-03-10")).await;
    assert_eq!(code, 200);
    assert_eq!(titles_in(&html), ["Alpha talk", "Beta talk", "Gamma talk"]);
    assert!(html.contains("3 of 3 talks"), "{html}");
    assert!(!html.contains("14:00–14:40"), "work in progress stays private: Gamma is still at 10:00");

    let (_, html) = page(app, &format!("/events/{SLUG}/agenda?room=Atelier")).await;
    assert_eq!(titles_in(&html), ["Beta talk", "Gamma talk"]);
    assert!(html.contains("2 of 3 talks"));
    // Bea co-speaks Alpha and gives Beta: a search for her finds both.
    let (_, html) = page(app, &format!("/events/{SLUG}/agenda?q=bea+martin")).await;
    assert_eq!(titles_in(&html), ["Alpha talk", "Beta talk"]);
    let (_, html) = page(app, &format!("/events/{SLUG}/agenda?q=nothing-like-this")).await;
    assert!(titles_in(&html).is_empty());
    assert!(html.contains("No talk matches"));

    let (code, html) = page(app, &format!("/events/{SLUG}/talk/{}", s.codes[0])).await;
    assert_eq!(code, 200);
    assert!(html.contains("Alpha talk") && html.contains("Wednesday 10 March, 10:00–10:40") && html.contains("Amphi"), "{html}");
    assert!(html.contains("Ada Speaker") && html.contains("Bea Martin, PhD"));
    assert!(!html.contains("@example.org"), "no speaker email on a public page");
    let (code, _) = page(app, &format!("/events/{SLUG}/talk/nosuchcode")).await;
    assert_eq!(code, 404);

    // The speaker link on the talk page leads to Bea's page, which lists both her talks.
    let json: serde_json::Value =
        client().get(app.url(&format!("/api/agenda/talk?slug={SLUG}&code={}", s.codes[0]))).send().await.unwrap().json().await.unwrap();
    assert!(!json.to_string().contains("@example.org"), "{json}");
    let bea =
        json["speakers"].as_array().unwrap().iter().find(|p| p["name"] == "Bea Martin, PhD").unwrap()["code"].as_str().unwrap().to_string();
    let (code, html) = page(app, &format!("/events/{SLUG}/speaker/{bea}")).await;
    assert_eq!(code, 200);
    assert_eq!(titles_in(&html), ["Alpha talk", "Beta talk"]);
    assert_eq!(page(app, &format!("/events/{SLUG}/speaker/nosuchcode")).await.0, 404);

    let (_, html) = page(app, &format!("/events/{SLUG}/changes")).await;
    assert!(html.contains("Added “Alpha talk”"), "{html}");
});

db_test!(now_and_next_follow_the_event_clock, |backend: Backend| async move {
    let s = sched(backend, Setup::default()).await;
    published(&s).await;
    // 10:20 in Paris (UTC+1): Alpha and Gamma are on, Beta is next in the Atelier.
    s.c.app.state.clock.set(Some(chrono::Utc.with_ymd_and_hms(2027, 3, 10, 9, 20, 0).unwrap()));
    let json: serde_json::Value =
        client().get(s.c.app.url(&format!("/api/agenda/now?slug={SLUG}"))).send().await.unwrap().json().await.unwrap();
    assert_eq!(json["clock"], "10:20 am Europe/Paris");
    let rooms = json["rooms"].as_array().unwrap();
    assert_eq!(rooms.len(), 2, "{json}");
    assert_eq!(rooms[0]["room"], "Amphi");
    assert_eq!(rooms[0]["now"]["title"], "Alpha talk");
    assert!(rooms[0]["next"].is_null(), "Gamma's move to 14:00 is not published");
    assert_eq!(rooms[1]["now"]["title"], "Gamma talk");
    assert_eq!(rooms[1]["next"]["title"], "Beta talk");
    // 09:00: Alpha is next in the Amphi.
    s.c.app.state.clock.set(Some(chrono::Utc.with_ymd_and_hms(2027, 3, 10, 8, 0, 0).unwrap()));
    let (_, html) = page(&s.c.app, &format!("/events/{SLUG}/now")).await;
    assert!(html.contains("9:00 am Europe/Paris") && html.contains("Alpha talk"), "{html}");
});

db_test!(public_answers_come_from_the_cache_and_revalidate, |backend: Backend| async move {
    let s = sched(backend, Setup::default()).await;
    published(&s).await;
    let app = &s.c.app;
    let url = app.url(&format!("/events/{SLUG}/agenda"));
    let first = client().get(&url).send().await.unwrap();
    assert_eq!(first.status(), 200);
    let cc = first.headers()[header::CACHE_CONTROL].to_str().unwrap().to_string();
    assert!(cc.contains("public") && cc.contains("max-age"), "{cc}");
    let etag = first.headers()[header::ETAG].clone();
    let body = first.text().await.unwrap();
    assert!(body.contains("Alpha talk"));
    let zipped = client().get(&url).header(header::ACCEPT_ENCODING, "br, gzip").send().await.unwrap();
    assert_eq!(zipped.headers()[header::CONTENT_ENCODING], "br");
    assert_eq!(zipped.headers()[header::ETAG], etag, "the same page, compressed");
    assert!(zipped.bytes().await.unwrap().len() < body.len() / 3, "the compressed copy is much smaller");

    let again = client().get(&url).header(header::IF_NONE_MATCH, etag.clone()).send().await.unwrap();
    assert_eq!(again.status(), 304);
    // What the cache does not keep is still compressed on the way out.
    let signin = client().get(app.url("/signin")).header(header::ACCEPT_ENCODING, "gzip").send().await.unwrap();
    assert_eq!(signin.headers()[header::CONTENT_ENCODING], "gzip");
    assert!(!signin.headers().contains_key(header::ETAG), "a sign-in page is not a public answer");

    // A signed-in organiser gets a personal page that no shared cache may keep.
    let personal = s.c.org.get(&url).send().await.unwrap();
    assert_eq!(personal.status(), 200);
    assert_eq!(personal.headers()[header::CACHE_CONTROL], "private, no-cache");

    // Publishing Gamma's move makes the cached page stale for everyone within a couple of seconds.
    assert_eq!(s.call("publish", &[("name", "")]).await.status(), 200);
    TestApp::eventually("the new version on the agenda", Duration::from_secs(10), || async {
        let res = client().get(&url).header(header::IF_NONE_MATCH, etag.clone()).send().await.unwrap();
        res.status() == 200 && res.text().await.unwrap().contains("14:00–14:40")
    })
    .await;

    // Organisers taking the event back to draft hide its cached agenda within a couple of seconds too.
    let db = &app.state.db;
    let e = app::entities::event::Entity::find_by_id(s.c.event).one(db).await.unwrap().unwrap();
    app::entities::event::ActiveModel { visibility: Set("draft".into()), ..e.into() }.update(db).await.unwrap();
    TestApp::eventually("the draft event's agenda gone", Duration::from_secs(10), || async {
        client().get(&url).send().await.unwrap().status() == 404
    })
    .await;
});

// Many signed-in visitors at once on a cold cache, more than the database pool has connections
// (8 on SQLite): each gets the agenda, none waits on the pool until it gives up (a page that read
// the database from a future polled before it could be woken lost the pool's wake-ups, and
// answered 503).
db_test!(signed_in_visitors_at_once_all_get_the_agenda, |backend: Backend| async move {
    let s = sched(backend, Setup::default()).await;
    published(&s).await;
    let url = s.c.app.url(&format!("/events/{SLUG}/agenda"));
    let mut visits = tokio::task::JoinSet::new();
    for _ in 0..32 {
        let (org, url) = (s.c.org.clone(), url.clone());
        visits.spawn(async move { org.get(&url).send().await.map(|r| r.status().as_u16()).unwrap_or(0) });
    }
    let statuses = visits.join_all().await;
    assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
    // The crowd left the page kept (rendered once as anonymous visitors see it): the next visit is
    // joined from it, which only gzip allows.
    let next = s.c.org.get(&url).header(header::ACCEPT_ENCODING, "br, gzip").send().await.unwrap();
    assert_eq!(next.headers()[header::CONTENT_ENCODING], "gzip");
});
