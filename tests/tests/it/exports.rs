//! The schedule exports on SQLite and PostgreSQL, read the way other tools read them: schedule.json
//! checked against the c3voc JSON Schema, schedule.xml against the frab XSD (xmllint), calendar
//! files through a real iCalendar parser; caching headers, CORS, versions, and what is not found.
use std::path::PathBuf;
use std::process::Command;

use app::entities::{event, mail_outbox};
use chrono::{DateTime, TimeZone, Utc};
use estrade_tests::http::client;
use estrade_tests::schedule::{sched, Sched, DAY};
use estrade_tests::selection::SLUG;
use estrade_tests::{db_test, workspace_root, Backend, Setup};
use icalendar::{CalendarDateTime, Component, DatePerhapsTime};
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use serde_json::Value;

fn formats() -> PathBuf {
    workspace_root().join("tests/formats")
}

/// Alpha (Amphi 10:00) and Beta (Atelier 11:00) with a lunch in all rooms, published as version 1
/// ("first"); then Beta moved to Amphi 14:00 and published as version 2.
async fn published(backend: Backend) -> Sched {
    let s = sched(backend, Setup::default()).await;
    let (alpha, beta) = (s.codes[0].clone(), s.codes[1].clone());
    assert_eq!(s.place(&alpha, &s.room(0), "10:00", "40").await.status(), 200);
    assert_eq!(s.place(&beta, &s.room(1), "11:00", "40").await.status(), 200);
    let lunch = [("kind", "lunch"), ("title", "Lunch"), ("day", DAY), ("room", "all"), ("start", "12:00"), ("minutes", "60")];
    assert_eq!(s.call("add", &lunch).await.status(), 200);
    assert_eq!(s.call("publish", &[("name", "first")]).await.text().await.unwrap(), "1");
    assert_eq!(s.place(&beta, &s.room(0), "14:00", "40").await.status(), 200);
    assert_eq!(s.call("publish", &[("name", "")]).await.text().await.unwrap(), "2");
    s
}

async fn get(s: &Sched, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut req = client().get(s.c.app.url(path));
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    req.send().await.unwrap()
}

fn header(res: &reqwest::Response, name: &str) -> String {
    res.headers().get(name).map(|v| v.to_str().unwrap().to_string()).unwrap_or_default()
}

async fn ok_body(s: &Sched, path: &str, content_type: &str) -> String {
    let res = get(s, path, &[("Origin", "https://app.example")]).await;
    assert_eq!(res.status(), 200, "{path}");
    assert_eq!(header(&res, "content-type"), content_type, "{path}");
    assert_eq!(header(&res, "cache-control"), "public, max-age=60", "{path}");
    assert_eq!(header(&res, "access-control-allow-origin"), "*", "{path}");
    assert!(header(&res, "last-modified").ends_with(" GMT"), "{path}");
    res.text().await.unwrap()
}

fn assert_valid_json(body: &str) -> Value {
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(formats().join("frab-schedule.schema.json")).unwrap()).unwrap();
    let validator = jsonschema::options().should_validate_formats(true).build(&schema).expect("the schema compiles");
    let doc: Value = serde_json::from_str(body).unwrap();
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "schedule.json breaks the schema:\n{}\n{body}", errors.join("\n"));
    doc
}

fn assert_valid_xml(body: &str) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("schedule.xml");
    std::fs::write(&file, body).unwrap();
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(formats().join("frab-schedule.xsd"))
        .arg(&file)
        .output()
        .expect("xmllint runs (Debian libxml2-utils; scripts/ensure-tools.sh test installs it)");
    assert!(out.status.success(), "schedule.xml breaks the XSD:\n{}\n{body}", String::from_utf8_lossy(&out.stderr));
}

/// (UID, summary, start, end) of each event of a calendar file, parsed by a real parser.
fn events(ics: &str) -> Vec<(String, String, DateTime<Utc>, DateTime<Utc>)> {
    let cal: icalendar::Calendar = ics.parse().unwrap_or_else(|e| panic!("{e}: {ics}"));
    let utc = |t: Option<DatePerhapsTime>| match t {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(t))) => t,
        other => panic!("a UTC date-time, not {other:?}"),
    };
    cal.events()
        .map(|e| (e.get_uid().unwrap().to_string(), e.get_summary().unwrap().to_string(), utc(e.get_start()), utc(e.get_end())))
        .collect()
}

/// 2027-03-10 at `h:m` UTC (Paris is UTC+1 that day).
fn utc(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 3, 10, h, m, 0).unwrap()
}

fn events_of(doc: &Value, room: &str) -> Vec<Value> {
    doc["schedule"]["conference"]["days"][0]["rooms"][room].as_array().unwrap_or_else(|| panic!("{room} in {doc}")).clone()
}

db_test!(json_and_xml_follow_the_frab_schemas, |backend: Backend| async move {
    let s = published(backend).await;
    let doc = assert_valid_json(&ok_body(&s, &format!("/{SLUG}/schedule.json"), "application/json").await);
    let conf = &doc["schedule"]["conference"];
    assert_eq!(conf["acronym"], "sel_conf");
    let amphi = events_of(&doc, "Amphi");
    let titles: Vec<&str> = amphi.iter().map(|e| e["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["Alpha talk", "Lunch", "Beta talk"], "version 2: Beta moved to the Amphi");
    assert!(events_of(&doc, "Atelier").is_empty(), "the all-rooms lunch is listed once");
    let alpha = &amphi[0];
    assert_eq!(alpha["date"], "2027-03-10T10:00:00+01:00");
    assert_eq!((alpha["start"].as_str(), alpha["duration"].as_str()), (Some("10:00"), Some("00:40")));
    let base = s.c.app.state.config.base_url.trim_end_matches('/');
    assert_eq!(alpha["url"], format!("{base}/events/{SLUG}/talk/{}", s.codes[0]));
    let persons: Vec<&str> = alpha["persons"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(persons, ["Ada Speaker", "Bea Martin, PhD"]);
    assert_eq!(amphi[1]["type"], "lunch");

    let xml = ok_body(&s, &format!("/{SLUG}/schedule.xml"), "application/xml; charset=utf-8").await;
    assert_valid_xml(&xml);
    assert_eq!(xml.matches("<event ").count(), 3, "{xml}");
    assert!(xml.contains("<title>Beta talk</title>"), "{xml}");
    let older = ok_body(&s, &format!("/{SLUG}/v/1/schedule.xml"), "application/xml; charset=utf-8").await;
    assert_valid_xml(&older);
});

db_test!(calendars_hold_utc_times_and_the_mails_uids, |backend: Backend| async move {
    let s = published(backend).await;
    let base = s.c.app.state.config.base_url.trim_end_matches('/').to_string();
    let host = base.split("://").nth(1).unwrap().to_string();
    let (alpha_item, _) = s.item(&s.codes[0]).await;
    let alpha_uid = format!("{SLUG}-item-{alpha_item}@{host}");
    let whole = events(&ok_body(&s, &format!("/{SLUG}/schedule.ics"), "text/calendar; charset=utf-8").await);
    assert_eq!(whole.len(), 3, "{whole:?}");
    assert!(whole.contains(&(alpha_uid.clone(), "Alpha talk".into(), utc(9, 0), utc(9, 40))), "10:00 in Paris is 09:00 UTC: {whole:?}");
    assert!(whole.iter().any(|e| e.1 == "Beta talk" && e.2 == utc(13, 0)), "{whole:?}");
    // The speaker's mail carried the same UID, so a calendar app updates rather than duplicates.
    let mails = mail_outbox::Entity::find().all(&s.c.app.state.db).await.unwrap();
    assert!(mails.iter().filter_map(|m| m.attachment_body.as_deref()).any(|ics| ics.contains(&alpha_uid)), "{alpha_uid} in a mail");

    let one = events(&ok_body(&s, &format!("/{SLUG}/talk/{}.ics", s.codes[0]), "text/calendar; charset=utf-8").await);
    assert_eq!(one, [(alpha_uid, "Alpha talk".to_string(), utc(9, 0), utc(9, 40))]);
    let faved = format!("/{SLUG}/faved.ics?talks={},{},NOPE", s.codes[0], s.codes[1]);
    let mine = events(&ok_body(&s, &faved, "text/calendar; charset=utf-8").await);
    let titles: Vec<&str> = mine.iter().map(|e| e.1.as_str()).collect();
    assert_eq!(titles, ["Alpha talk", "Beta talk"], "unknown codes are ignored");
    assert!(events(&ok_body(&s, &format!("/{SLUG}/faved.ics"), "text/calendar; charset=utf-8").await).is_empty());
    for bad in [format!("/{SLUG}/talk/{}.txt", s.codes[0]), format!("/{SLUG}/talk/NOPE.ics"), format!("/{SLUG}/talk/.ics")] {
        assert_eq!(get(&s, &bad, &[]).await.status(), 404, "{bad}");
    }
});

db_test!(caching_versions_and_what_is_not_found, |backend: Backend| async move {
    let s = published(backend).await;
    let path = format!("/{SLUG}/schedule.json");
    let first = get(&s, &path, &[]).await;
    let modified = header(&first, "last-modified");
    let again = get(&s, &path, &[("If-Modified-Since", &modified)]).await;
    assert_eq!(again.status(), 304);
    assert_eq!(header(&again, "last-modified"), modified);
    let stale = get(&s, &path, &[("If-Modified-Since", "Mon, 01 Jan 2024 00:00:00 GMT")]).await;
    assert_eq!(stale.status(), 200, "a copy older than the version gets the new one");
    let garbled = get(&s, &path, &[("If-Modified-Since", "last week")]).await;
    assert_eq!(garbled.status(), 200);

    // Version 1 as it was: Beta in the Atelier at 11:00, under its own name.
    let v1 = assert_valid_json(&ok_body(&s, &format!("/{SLUG}/v/1/schedule.json"), "application/json").await);
    assert_eq!(v1["schedule"]["version"], "v1 — first", "{}", v1["schedule"]["version"]);
    let atelier = events_of(&v1, "Atelier");
    assert_eq!((atelier[0]["title"].as_str(), atelier[0]["start"].as_str()), (Some("Beta talk"), Some("11:00")));
    let v1_ics = events(&ok_body(&s, &format!("/{SLUG}/v/1/schedule.ics"), "text/calendar; charset=utf-8").await);
    assert!(v1_ics.iter().any(|e| e.1 == "Beta talk" && e.2 == utc(10, 0)), "{v1_ics:?}");

    for missing in [
        format!("/{SLUG}/v/9/schedule.json"),
        format!("/{SLUG}/v/abc/schedule.json"),
        format!("/{SLUG}/v/99999999999/schedule.xml"),
        format!("/{SLUG}/v/1/schedule.csv"),
        "/no-such-event/schedule.json".to_string(),
        "/no-such-event/faved.ics?talks=A".to_string(),
    ] {
        let res = get(&s, &missing, &[]).await;
        assert_eq!(res.status(), 404, "{missing}");
        assert!(res.text().await.unwrap().contains("could not find"), "{missing}");
    }
});

db_test!(nothing_published_is_not_found, |backend: Backend| async move {
    let s = sched(backend, Setup::default()).await;
    assert_eq!(s.place(&s.codes[0], &s.room(0), "10:00", "40").await.status(), 200);
    for path in ["schedule.json", "schedule.xml", "schedule.ics", "faved.ics"] {
        assert_eq!(get(&s, &format!("/{SLUG}/{path}"), &[]).await.status(), 404, "{path} before any publish");
    }
});

// Fetched only after the switch to draft: the server's public cache may keep an answer it gave
// before for up to its max-age (60 s), as it would for any change that is not a publish.
db_test!(a_draft_event_has_no_public_schedule, |backend: Backend| async move {
    let s = sched(backend, Setup::default()).await;
    assert_eq!(s.place(&s.codes[0], &s.room(0), "10:00", "40").await.status(), 200);
    assert_eq!(s.call("publish", &[("name", "")]).await.text().await.unwrap(), "1");
    let db = &s.c.app.state.db;
    let mut e: event::ActiveModel = event::Entity::find_by_id(s.c.event).one(db).await.unwrap().unwrap().into();
    e.visibility = Set(domain::events::Visibility::Draft.as_str().into());
    e.update(db).await.unwrap();
    let talk = format!("talk/{}.ics", s.codes[0]);
    let faved = format!("faved.ics?talks={}", s.codes[0]);
    for path in ["schedule.json", "schedule.xml", "schedule.ics", "v/1/schedule.json", talk.as_str(), faved.as_str()] {
        assert_eq!(get(&s, &format!("/{SLUG}/{path}"), &[]).await.status(), 404, "{path} of a draft event");
    }
});

db_test!(a_partner_talk_is_labelled_in_the_agenda_and_the_exports_which_stay_valid, |backend: Backend| async move {
    use app::entities::proposal;
    use domain::partners::pipeline::Decision;
    use sea_orm::{ColumnTrait, QueryFilter};
    let s = sched(backend, Setup::default()).await;
    let app = &s.c.app;
    let db = &app.state.db;
    let e = app::events::service::by_slug(db, SLUG).await.unwrap();
    app::partners::tiers::save(db, &e, None, &estrade_tests::partners::tier_form("Gold", 2, 2), Utc::now()).await.unwrap();
    let tier = app::partners::tiers::tiers_of(db, e.id).await.unwrap().remove(0);
    let (_, partner) = estrade_tests::partners::applicant(app, &e, &tier, 1).await;
    app::partners::pipeline::decide(&app.state, &e, partner, Decision::Accept, None, Utc::now()).await.unwrap();
    let alpha = proposal::Entity::find().filter(proposal::Column::Code.eq(s.codes[0].clone())).one(db).await.unwrap().unwrap();
    proposal::ActiveModel { partner_id: Set(Some(partner)), ..alpha.into() }.update(db).await.unwrap();
    s.publish_sample().await;

    let (_, agenda) = estrade_tests::http::get_text(&client(), app, &format!("/events/{SLUG}/agenda")).await;
    assert!(agenda.contains("badge partner"), "the agenda labels it");
    let (_, talk) = estrade_tests::http::get_text(&client(), app, &format!("/events/{SLUG}/talk/{}", s.codes[0])).await;
    assert!(talk.contains("Partner talk · Company 1"), "the talk page names the partner");
    let (_, other) = estrade_tests::http::get_text(&client(), app, &format!("/events/{SLUG}/talk/{}", s.codes[1])).await;
    assert!(!other.contains("Partner talk"), "other talks are not labelled");
    let doc = assert_valid_json(&ok_body(&s, &format!("/{SLUG}/schedule.json"), "application/json").await);
    let text = doc.to_string();
    assert!(text.contains("\"type\":\"Partner · REX — experience report\""), "{text}");
    assert_eq!(text.matches("Partner · ").count(), 1, "only the partner's talk");
    let xml = ok_body(&s, &format!("/{SLUG}/schedule.xml"), "application/xml; charset=utf-8").await;
    assert_valid_xml(&xml);
    assert!(xml.contains("<type>Partner · REX — experience report</type>"), "{xml}");
});
