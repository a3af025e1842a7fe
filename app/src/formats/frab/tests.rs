use chrono::{NaiveDate, TimeZone, Utc};
use serde_json::Value;

use super::*;
use domain::programme::fixtures::session;
use domain::programme::{ProgrammeRoom, ProgrammeTrack, Speaker};

const BASE: &str = "https://estrade.example/";

fn programme() -> Programme {
    let day = NaiveDate::from_ymd_opt(2027, 3, 10).unwrap();
    // 09:00 UTC is 10:00 in Paris (winter).
    let mut talk = session("abc123", 9, 40);
    talk.item = 7;
    talk.title = "Sécurité & Cloud: the REX".into();
    talk.start_local = "10:00".into();
    talk.speakers = vec![
        SpeakerRef { code: Some("ada1".into()), name: "Ada Speaker".into() },
        SpeakerRef { code: None, name: "Bea Martin, PhD".into() },
    ];
    let mut lunch = session("", 11, 60);
    lunch.item = 8;
    lunch.kind = Kind::Lunch;
    lunch.code = None;
    lunch.title = "Lunch".into();
    lunch.room_ids = vec![1, 2];
    lunch.room = "All rooms".into();
    lunch.start_local = "12:00".into();
    lunch.track = String::new();
    lunch.language = String::new();
    Programme {
        slug: "cloud-nord".into(),
        name: "Cloud Nord".into(),
        city: "Lille".into(),
        venue: "Grand Palais".into(),
        time_zone: "Europe/Paris".into(),
        start_date: day,
        end_date: day.succ_opt().unwrap(),
        version: 2,
        version_name: "v2 — moved Beta".into(),
        published_at: Utc.with_ymd_and_hms(2027, 3, 1, 12, 0, 0).unwrap(),
        published_label: String::new(),
        rooms: vec![
            ProgrammeRoom { id: 1, name: "Amphi".into(), capacity: Some(300) },
            ProgrammeRoom { id: 2, name: "Atelier".into(), capacity: None },
        ],
        tracks: vec![
            ProgrammeTrack { name: "Cloud".into(), colour: "#1f6feb".into() },
            ProgrammeTrack { name: "5G & edge".into(), colour: String::new() },
        ],
        sessions: vec![talk, lunch],
        speakers: vec![Speaker {
            code: "ada1".into(),
            name: "Ada Speaker".into(),
            bio_md: "Builds *platforms*.".into(),
            company: String::new(),
            job_title: String::new(),
            photo: Some("/media/photos/ada.webp".into()),
            links: vec![("GitHub".into(), "https://github.com/ada".into())],
            talks: vec!["abc123".into()],
        }],
    }
}

fn json() -> Value {
    serde_json::to_value(schedule_json(&programme(), BASE)).unwrap()
}

#[test]
fn acronyms_and_slugs_match_the_schemas_patterns() {
    assert_eq!(acronym("cloud-nord-2026"), "cloud_nord_2026");
    assert_eq!(acronym("io"), "io__");
    assert_eq!(slugify("  Sécurité & Cloud: the REX! "), "securite-cloud-the-rex");
    assert_eq!(track_slug("Cloud"), Some("cloud".into()));
    assert_eq!(track_slug("5G & edge"), Some("track-5g-edge".into()), "the XSD wants a letter first");
    assert_eq!(track_slug("—"), None);
    let s = &programme().sessions[0];
    assert_eq!(event_slug("cloud-nord", s), "cloud_nord-7-securite-cloud-the-rex");
    let untitled = Session { title: "!!!".into(), kind: Kind::Break, ..s.clone() };
    assert_eq!(event_slug("cloud-nord", &untitled), "cloud_nord-7-break");
}

#[test]
fn durations_and_local_times_carry_the_offset() {
    assert_eq!(duration(40), "00:40");
    assert_eq!(duration(135), "02:15");
    let tz = zone("Europe/Paris");
    assert_eq!(local_iso(Utc.with_ymd_and_hms(2027, 3, 10, 9, 0, 0).unwrap(), tz), "2027-03-10T10:00:00+01:00");
    assert_eq!(local_iso(Utc.with_ymd_and_hms(2027, 7, 10, 9, 0, 0).unwrap(), tz), "2027-07-10T11:00:00+02:00");
    assert!(zone_name_ok("Europe/Paris") && zone_name_ok("UTC") && zone_name_ok("America/New_York"));
    assert!(!zone_name_ok("Etc/GMT+1"));
}

#[test]
fn the_conference_lists_every_day_room_and_track() {
    let j = json();
    let c = &j["schedule"]["conference"];
    assert_eq!(j["schedule"]["version"], "v2 — moved Beta");
    assert_eq!(c["acronym"], "cloud_nord");
    assert_eq!(c["daysCount"], 2, "days without sessions are listed too");
    assert_eq!(c["days"][1]["rooms"]["Amphi"], Value::Array(vec![]));
    assert_eq!(c["days"][1]["day_start"], "2027-03-11T00:00:00+01:00");
    assert_eq!(c["time_zone_name"], "Europe/Paris");
    assert_eq!(c["url"], "https://estrade.example/events/cloud-nord");
    assert_eq!(c["tracks"][0], serde_json::json!({"name": "Cloud", "slug": "cloud", "color": "#1f6feb"}));
    assert!(c["tracks"][1].get("color").is_none());
    assert_eq!(c["rooms"][0]["name"], "Amphi");
    let day = &c["days"][0];
    assert_eq!((day["index"].as_u64(), day["date"].as_str()), (Some(1), Some("2027-03-10")));
    assert_eq!(day["day_start"], "2027-03-10T10:00:00+01:00");
    assert_eq!(day["day_end"], "2027-03-10T13:00:00+01:00");
    let keys: Vec<&String> = day["rooms"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["Amphi", "Atelier"], "rooms keep the event's order");
}

#[test]
fn talks_and_breaks_become_events_once_each() {
    let j = json();
    let day = &j["schedule"]["conference"]["days"][0]["rooms"];
    let amphi = day["Amphi"].as_array().unwrap();
    assert_eq!(amphi.len(), 2);
    assert!(day["Atelier"].as_array().unwrap().is_empty(), "the all-rooms lunch is listed once, in the first room");
    let talk = &amphi[0];
    assert_eq!(talk["id"], 7);
    assert_eq!(talk["date"], "2027-03-10T10:00:00+01:00");
    assert_eq!(talk["start"], "10:00");
    assert_eq!(talk["duration"], "00:40");
    assert_eq!(talk["type"], "Talk");
    assert_eq!(talk["url"], "https://estrade.example/events/cloud-nord/talk/abc123");
    assert_eq!(talk["track"], "Cloud");
    assert!(talk.get("code").is_none(), "our codes are not the schemas' upper-case codes");
    let ada = &talk["persons"][0];
    assert_eq!(ada["name"], "Ada Speaker");
    assert_eq!(ada["url"], "https://estrade.example/events/cloud-nord/speaker/ada1");
    assert_eq!(ada["avatar"], "https://estrade.example/media/photos/ada.webp");
    assert_eq!(ada["links"][0]["url"], "https://github.com/ada");
    assert!(ada.get("id").is_none(), "a person is either frab's (id) or pretalx's (name) shape, not both");
    assert_eq!(talk["persons"][1]["name"], "Bea Martin, PhD");
    let lunch = &amphi[1];
    assert_eq!((lunch["type"].as_str(), lunch["room"].as_str()), (Some("lunch"), Some("Amphi")));
    assert_eq!((lunch["track"].clone(), lunch["language"].clone()), (Value::Null, Value::Null));
}

#[test]
fn guids_are_stable_uuids_per_item_and_host() {
    let a = json();
    let b = json();
    let guid = |j: &Value| j["schedule"]["conference"]["days"][0]["rooms"]["Amphi"][0]["guid"].as_str().unwrap().to_string();
    assert_eq!(guid(&a), guid(&b));
    assert!(Uuid::parse_str(&guid(&a)).is_ok());
    let elsewhere = serde_json::to_value(schedule_json(&programme(), "https://other.example")).unwrap();
    assert_ne!(guid(&a), guid(&elsewhere));
    let expected = Uuid::new_v5(&Uuid::NAMESPACE_URL, b"cloud-nord-item-7@estrade.example").to_string();
    assert_eq!(guid(&a), expected, "the same name as the calendar UID");
}

#[test]
fn the_xml_follows_the_xsd_order_and_escapes_text() {
    let x = schedule_xml(&programme(), BASE);
    assert!(x.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), "{x}");
    assert!(x.contains("<acronym>cloud_nord</acronym>"), "{x}");
    assert!(x.contains("<track name=\"5G &amp; edge\" slug=\"track-5g-edge\">5G &amp; edge</track>"), "{x}");
    assert!(
        x.contains("<day index=\"1\" date=\"2027-03-10\" start=\"2027-03-10T10:00:00+01:00\" end=\"2027-03-10T13:00:00+01:00\">"),
        "{x}"
    );
    assert!(x.contains("<title>Sécurité &amp; Cloud: the REX</title>"), "{x}");
    assert!(x.contains("<room name=\"Atelier\" guid=\""), "{x}");
    assert_eq!(x.matches("<event ").count(), 2);
    let order = [
        "<room>",
        "<title>",
        "<subtitle>",
        "<type>",
        "<date>",
        "<start>",
        "<duration>",
        "<abstract>",
        "<slug>",
        "<track>",
        "<persons>",
        "<language>",
    ];
    let event = &x[x.find("<event ").unwrap()..];
    let positions: Vec<usize> = order.iter().map(|t| event.find(t).unwrap_or_else(|| panic!("{t} in {event}"))).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
}
