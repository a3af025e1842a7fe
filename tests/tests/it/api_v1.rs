//! The read-only REST API (`/api/v1`) and its OpenAPI document on SQLite and PostgreSQL: only
//! public events are listed, drafts are never found, talks and speakers come from the published
//! version, lists are paginated, errors are JSON sentences, and the document lists every path served.
use std::collections::BTreeSet;

use estrade_tests::http::client;
use estrade_tests::schedule::sched;
use estrade_tests::selection::SLUG;
use estrade_tests::{db_test, Backend, Setup, TestApp};
use reqwest::header;
use serde_json::Value;

async fn get(app: &TestApp, path: &str) -> (u16, Value) {
    let res = client().get(app.url(path)).send().await.unwrap();
    let status = res.status().as_u16();
    let text = res.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or_else(|_| panic!("{path} answered no JSON: {text}")))
}

/// A 4xx whose body is `{ "error": "…a sentence." }`.
async fn refused(app: &TestApp, path: &str, status: u16) {
    let (code, json) = get(app, path).await;
    assert_eq!(code, status, "{path}: {json}");
    let sentence = json["error"].as_str().unwrap_or_default();
    assert!(sentence.len() > 15 && sentence.ends_with('.'), "{path}: {json}");
}

async fn event(app: &TestApp, slug: &str, visibility: &str) {
    let form = domain::events::EventForm { visibility: visibility.into(), ..estrade_tests::cfp::event_form(slug) };
    app::events::service::create(&app.state.db, &form, app.state.clock.now()).await.expect("event created");
}

fn strings(v: &Value, key: &str) -> Vec<String> {
    v.as_array().unwrap().iter().map(|i| i[key].as_str().unwrap().to_string()).collect()
}

db_test!(events_are_listed_without_drafts_or_unlisted_ones, |backend: Backend| async move {
    let s = sched(backend, Setup::default()).await;
    let app = &s.c.app;
    event(app, "secret-draft", "draft").await;
    event(app, "by-link", "unlisted").await;

    let (code, json) = get(app, "/api/v1/events").await;
    assert_eq!(code, 200);
    assert_eq!(strings(&json["items"], "slug"), [SLUG], "{json}");
    assert_eq!(json["total"], 1);
    assert!(json["next"].is_null());
    let e = &json["items"][0];
    assert_eq!(
        (e["city"].as_str(), e["time_zone"].as_str(), e["start_date"].as_str()),
        (Some("Lille"), Some("Europe/Paris"), Some("2027-03-10"))
    );
    assert_eq!(e["links"]["talks"], format!("/api/v1/events/{SLUG}/talks"));

    let (code, json) = get(app, "/api/v1/events/by-link").await;
    assert_eq!((code, json["slug"].as_str()), (200, Some("by-link")), "unlisted events are found by their slug");
    refused(app, "/api/v1/events/secret-draft", 404).await;
    refused(app, "/api/v1/events/secret-draft/talks", 404).await;
    refused(app, "/api/v1/events/no-such-event", 404).await;
    refused(app, &format!("/api/v1/events/{SLUG}/talks"), 404).await;
    refused(app, &format!("/api/v1/events/{SLUG}/schedule"), 404).await;
});

db_test!(talks_and_speakers_come_from_the_published_version, |backend: Backend| async move {
    let s = sched(backend, Setup::default()).await;
    let app = &s.c.app;
    s.publish_sample().await;
    // Work in progress stays private.
    assert_eq!(s.place(&s.codes[2], &s.room(0), "14:00", "40").await.status(), 200);
    let base = format!("/api/v1/events/{SLUG}");

    let res = client().get(app.url(&format!("{base}/talks"))).header(header::ORIGIN, "https://elsewhere.example").send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()[header::ACCESS_CONTROL_ALLOW_ORIGIN], "*");
    assert_eq!(res.headers()[header::CACHE_CONTROL], "public, max-age=60");
    assert!(res.headers()[header::CONTENT_TYPE].to_str().unwrap().starts_with("application/json"));
    let json: Value = res.json().await.unwrap();
    let codes: BTreeSet<String> = strings(&json["items"], "code").into_iter().collect();
    assert_eq!(codes, s.codes.iter().cloned().collect::<BTreeSet<_>>(), "{json}");
    assert_eq!((json["page"].as_u64(), json["per_page"].as_u64(), json["total"].as_u64()), (Some(1), Some(50), Some(3)));
    let gamma = json["items"].as_array().unwrap().iter().find(|t| t["code"] == s.codes[2].as_str()).unwrap();
    assert_eq!(gamma["start"], "2027-03-10T09:00:00Z", "published time, in UTC: {gamma}");
    assert_eq!(gamma["room"], "Atelier");

    let (code, page1) = get(app, &format!("{base}/talks?per_page=2")).await;
    assert_eq!(code, 200);
    assert_eq!(page1["items"].as_array().unwrap().len(), 2);
    let next = page1["next"].as_str().unwrap().to_string();
    assert_eq!(next, format!("{base}/talks?page=2&per_page=2"));
    let (_, page2) = get(app, &next).await;
    assert_eq!(page2["items"].as_array().unwrap().len(), 1);
    assert!(page2["next"].is_null());
    let mut seen: BTreeSet<String> = strings(&page1["items"], "code").into_iter().collect();
    seen.extend(strings(&page2["items"], "code"));
    assert_eq!(seen, codes, "the two pages hold every talk once");
    refused(app, &format!("{base}/talks?per_page=0"), 400).await;
    refused(app, &format!("{base}/talks?page=abc"), 400).await;
    refused(app, &format!("{base}/talks?per_page=201"), 400).await;
    refused(app, "/api/v1/events?page=0", 400).await;

    let (code, alpha) = get(app, &format!("{base}/talks/{}", s.codes[0])).await;
    assert_eq!(code, 200);
    assert_eq!(alpha["title"], "Alpha talk");
    assert_eq!(alpha["end"], "2027-03-10T09:40:00Z");
    assert!(alpha["abstract"].as_str().unwrap().contains("golden paths"), "{alpha}");
    assert_eq!(
        strings(&alpha["speakers"], "name").into_iter().collect::<BTreeSet<_>>(),
        ["Ada Speaker".to_string(), "Bea Martin, PhD".to_string()].into()
    );
    refused(app, &format!("{base}/talks/nosuchcode"), 404).await;

    let res = client().get(app.url(&format!("{base}/speakers"))).send().await.unwrap();
    let text = res.text().await.unwrap();
    assert!(!text.contains('@'), "no email in the API: {text}");
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["total"], 3, "{json}");
    let bea = json["items"].as_array().unwrap().iter().find(|p| p["name"] == "Bea Martin, PhD").unwrap();
    assert!(bea.get("id").is_none() && bea.get("email").is_none());
    let (code, one) = get(app, &format!("{base}/speakers/{}", bea["code"].as_str().unwrap())).await;
    assert_eq!(code, 200);
    assert_eq!(one["talks"].as_array().unwrap().len(), 2, "Bea speaks in Alpha and Beta: {one}");
    refused(app, &format!("{base}/speakers/nosuchcode"), 404).await;

    let (_, rooms) = get(app, &format!("{base}/rooms")).await;
    assert_eq!(strings(&rooms["items"], "name"), ["Amphi", "Atelier"]);
    let (code, tracks) = get(app, &format!("{base}/tracks")).await;
    assert_eq!(code, 200);
    assert!(tracks["items"].is_array());
    let (code, sched) = get(app, &format!("{base}/schedule")).await;
    assert_eq!(code, 200);
    assert_eq!(sched["version"], 1);
    assert!(sched["published_at"].as_str().unwrap().ends_with('Z'), "{sched}");
    assert_eq!(sched["sessions"].as_array().unwrap().len(), 3);
    assert!(!sched.to_string().contains("T13:00:00Z"), "the unpublished move to 14:00 Paris is not served");
});

db_test!(older_versions_are_served_and_answers_are_dated, |backend: Backend| async move {
    let s = sched(backend, Setup::default()).await;
    let app = &s.c.app;
    s.publish_sample().await;
    assert_eq!(s.place(&s.codes[2], &s.room(0), "14:00", "40").await.status(), 200);
    assert_eq!(s.call("publish", &[("name", "")]).await.status(), 200);
    let base = format!("/api/v1/events/{SLUG}");
    let gamma = format!("{base}/talks/{}", s.codes[2]);

    let (_, latest) = get(app, &gamma).await;
    assert_eq!(latest["start"], "2027-03-10T13:00:00Z", "version 2 moved Gamma to 14:00 Paris: {latest}");
    let (code, first) = get(app, &format!("{gamma}?version=1")).await;
    assert_eq!(code, 200);
    assert_eq!(first["start"], "2027-03-10T09:00:00Z", "{first}");
    let (_, v1) = get(app, &format!("{base}/schedule?version=1")).await;
    assert_eq!(v1["version"], 1);
    let (_, rooms) = get(app, &format!("{base}/rooms?version=1&per_page=1")).await;
    assert_eq!(rooms["next"], format!("{base}/rooms?page=2&per_page=1"));
    refused(app, &format!("{base}/schedule?version=3"), 404).await;
    refused(app, &format!("{base}/talks?version=zero"), 400).await;
    refused(app, &format!("{base}/schedule?version=0"), 400).await;

    let res = client().get(app.url(&format!("{base}/schedule"))).send().await.unwrap();
    let modified = res.headers().get(header::LAST_MODIFIED).expect("Last-Modified on API answers").clone();
    let again =
        client().get(app.url(&format!("{base}/schedule"))).header(header::IF_MODIFIED_SINCE, modified.clone()).send().await.unwrap();
    assert_eq!(again.status(), 304);
    let older = client().get(app.url(&format!("{base}/talks?version=1"))).header(header::IF_MODIFIED_SINCE, modified).send().await.unwrap();
    assert_eq!(older.status(), 304, "version 1 is older than the copy the client has");
    let stale = client().get(app.url(&gamma)).header(header::IF_MODIFIED_SINCE, "Mon, 01 Jan 2001 00:00:00 GMT").send().await.unwrap();
    assert_eq!(stale.status(), 200);
});

db_test!(the_openapi_document_describes_every_path, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let res = client().get(app.url("/api/openapi.json")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()[header::CACHE_CONTROL], "public, max-age=60");
    let doc: Value = res.json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."), "{}", doc["openapi"]);
    let documented: BTreeSet<&str> = doc["paths"].as_object().unwrap().keys().map(String::as_str).collect();
    let served: BTreeSet<&str> = [
        "/api/v1/events",
        "/api/v1/events/{slug}",
        "/api/v1/events/{slug}/talks",
        "/api/v1/events/{slug}/talks/{code}",
        "/api/v1/events/{slug}/speakers",
        "/api/v1/events/{slug}/speakers/{code}",
        "/api/v1/events/{slug}/rooms",
        "/api/v1/events/{slug}/tracks",
        "/api/v1/events/{slug}/schedule",
    ]
    .into();
    assert_eq!(documented, served);
    // Each served path answers (not the fallback page): a JSON 404 for an unknown event.
    for path in served.iter().skip(1) {
        let path = path.replace("{slug}", "no-such-event").replace("{code}", "x");
        refused(&app, &path, 404).await;
    }
    assert!(doc["components"]["schemas"]["TalkDto"]["properties"]["abstract"].is_object(), "{}", doc["components"]);
    let params = doc["paths"]["/api/v1/events/{slug}/talks"]["get"]["parameters"].to_string();
    assert!(params.contains("\"version\"") && params.contains("\"per_page\""), "{params}");
    app.stop().await;
});
