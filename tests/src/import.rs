//! Fixtures for import tests: empty events on the selection event's day (Wednesday 10 March 2027,
//! Europe/Paris), a small frab `schedule.json`, the row counts that prove a refused file wrote
//! nothing, and the exports normalised for comparing two events' schedules.
use app::entities::{decision, event, event_day, format, proposal, proposal_speaker, room, schedule_item, schedule_version, speaker_profile, track, user};
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};
use serde_json::{json, Value};

use crate::TestApp;

/// A public event like the selection one (same day and zone), schedule empty.
pub async fn empty_event(app: &TestApp, slug: &str) -> event::Model {
    app::events::service::create(&app.state.db, &crate::cfp::event_form(slug), app.state.clock.now()).await.expect("event created")
}

pub async fn user_id(app: &TestApp, email: &str) -> i32 {
    use sea_orm::{ColumnTrait, QueryFilter};
    user::Entity::find().filter(user::Column::EmailNormalized.eq(email)).one(&app.state.db).await.unwrap().expect("user").id
}

/// Talk `n` of the sample.
#[allow(clippy::too_many_arguments)]
fn talk(n: u32, room: &str, start: &str, minutes: i64, title: &str, kind: &str, track: &str, persons: Value) -> Value {
    json!({
        "guid": format!("00000000-0000-4000-8000-{n:012}"),
        "date": format!("2027-03-10T{start}:00+01:00"), "start": start,
        "duration": format!("{:02}:{:02}", minutes / 60, minutes % 60), "room": room,
        "title": title, "subtitle": "", "track": track, "type": kind, "language": "fr",
        "abstract": format!("What {title} is about."), "description": "", "persons": persons, "links": []
    })
}

/// Three talks (Ada speaks in two, once with Bea; Ada has an email), a lunch and a break.
pub fn sample_json() -> String {
    let ada = json!({"code": "ADA001", "name": "Ada Lovelace", "email": "ada@example.org", "biography": "Wrote the first program."});
    let bea = json!({"code": "BEA002", "name": "Bea Martin", "biography": null});
    let cy = json!({"code": "CY0003", "name": "Cy Young"});
    let lunch = json!({"guid": "00000000-0000-4000-8000-00000000beef", "date": "2027-03-10T12:30:00+01:00", "start": "12:30", "duration": "01:00",
        "room": "Amphi", "title": "Lunch", "type": "lunch", "track": null, "language": null, "abstract": "", "persons": []});
    let doc = json!({"schedule": {"version": "1", "conference": {
        "acronym": "sample", "title": "Sample", "start": "2027-03-10", "end": "2027-03-10", "daysCount": 1, "timeslot_duration": "00:05",
        "time_zone_name": "Europe/Paris",
        "rooms": [{"name": "Amphi", "guid": "10000000-0000-4000-8000-000000000001", "capacity": 300}, {"name": "Atelier", "guid": "10000000-0000-4000-8000-000000000002", "capacity": 40}],
        "tracks": [{"name": "Security", "color": "#CF222E"}],
        "days": [{"index": 1, "date": "2027-03-10", "day_start": "2027-03-10T09:00:00+01:00", "day_end": "2027-03-10T17:00:00+01:00", "rooms": {
            "Amphi": [
                talk(1, "Amphi", "10:00", 40, "Supply chains, signed", "Talk", "Security", json!([ada.clone(), bea])),
                lunch,
                talk(2, "Amphi", "14:00", 40, "Operators in anger", "Talk", "Kubernetes & orchestration", json!([cy])),
            ],
            "Atelier": [
                talk(3, "Atelier", "11:00", 90, "Hands-on eBPF", "Workshop", "Security", json!([ada])),
                {"guid": "00000000-0000-4000-8000-00000000cafe", "date": "2027-03-10T15:00:00+01:00", "start": "15:00", "duration": "00:15",
                 "room": "Atelier", "title": "Coffee", "type": "break", "persons": []}
            ]
        }}]
    }}});
    doc.to_string()
}

/// Rows of every table an import writes to.
pub async fn counts(db: &DatabaseConnection) -> Vec<(&'static str, u64)> {
    vec![
        ("users", user::Entity::find().count(db).await.unwrap()),
        ("speaker_profiles", speaker_profile::Entity::find().count(db).await.unwrap()),
        ("rooms", room::Entity::find().count(db).await.unwrap()),
        ("tracks", track::Entity::find().count(db).await.unwrap()),
        ("formats", format::Entity::find().count(db).await.unwrap()),
        ("proposals", proposal::Entity::find().count(db).await.unwrap()),
        ("proposal_speakers", proposal_speaker::Entity::find().count(db).await.unwrap()),
        ("decisions", decision::Entity::find().count(db).await.unwrap()),
        ("schedule_items", schedule_item::Entity::find().count(db).await.unwrap()),
        ("schedule_versions", schedule_version::Entity::find().count(db).await.unwrap()),
        ("event_days", event_day::Entity::find().count(db).await.unwrap()),
    ]
}

/// The public `schedule.json` or `schedule.xml` of `slug`.
pub async fn export(app: &TestApp, slug: &str, file: &str) -> String {
    let res = reqwest::get(app.url(&format!("/{slug}/{file}"))).await.unwrap();
    assert_eq!(res.status(), 200, "{slug}/{file}");
    res.text().await.unwrap()
}

/// What two events' `schedule.json` must share: rooms, tracks and, per day and room, each session's
/// title, times, type, track, language, texts and speakers — not ids, guids, slugs, urls or names
/// of the event and version. `from_xml`: leave out what schedule.xml does not carry (room
/// capacities, biographies).
pub fn normalised(text: &str, from_xml: bool) -> Value {
    let v: Value = serde_json::from_str(text).unwrap();
    let c = &v["schedule"]["conference"];
    let event = |e: &Value| {
        let persons: Vec<Value> = e["persons"].as_array().unwrap().iter().map(|p| json!([p["name"], if from_xml { Value::Null } else { p["biography"].clone() }])).collect();
        let keep = ["title", "date", "start", "end", "duration", "room", "type", "track", "language", "abstract", "description"];
        let mut out: serde_json::Map<String, Value> = keep.iter().map(|k| (k.to_string(), e[*k].clone())).collect();
        out.insert("persons".into(), Value::from(persons));
        Value::Object(out)
    };
    let days: Vec<Value> = c["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let rooms: serde_json::Map<String, Value> =
                d["rooms"].as_object().unwrap().iter().map(|(name, evs)| (name.clone(), evs.as_array().unwrap().iter().map(event).collect())).collect();
            json!({"date": d["date"], "day_start": d["day_start"], "day_end": d["day_end"], "rooms": rooms})
        })
        .collect();
    let rooms: Vec<Value> = c["rooms"].as_array().unwrap().iter().map(|r| json!([r["name"], if from_xml { Value::Null } else { r["capacity"].clone() }])).collect();
    json!({"time_zone": c["time_zone_name"], "tracks": c["tracks"], "rooms": rooms, "days": days})
}

/// The sample with `email` given to the person named `name` (Ada's is `ada@example.org` already).
pub fn with_email(file: &str, name: &str, email: &str) -> String {
    let changed = file.replace(&format!("\"name\":\"{name}\""), &format!("\"name\":\"{name}\",\"email\":\"{email}\""));
    assert_ne!(changed, file, "{name} is in the file");
    changed
}

/// The token of the newest link starting with `prefix` (e.g. `/claim?token=`) queued for `to`.
pub async fn mailed_token(app: &TestApp, to: &str, prefix: &str) -> Option<String> {
    use app::entities::mail_outbox;
    use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
    let rows = mail_outbox::Entity::find().filter(mail_outbox::Column::ToAddr.eq(to)).order_by_desc(mail_outbox::Column::Id).all(&app.state.db).await.unwrap();
    let link = app.url(prefix);
    rows.iter().find_map(|m| m.body_text.split_whitespace().find(|w| w.starts_with(&link)).map(|w| w[link.len()..].to_string()))
}

/// Mails queued for `to` whose subject contains `subject`.
pub async fn mails_to(app: &TestApp, to: &str, subject: &str) -> usize {
    use app::entities::mail_outbox;
    use sea_orm::{ColumnTrait, QueryFilter};
    let rows = mail_outbox::Entity::find().filter(mail_outbox::Column::ToAddr.eq(to)).all(&app.state.db).await.unwrap();
    rows.iter().filter(|m| m.subject.contains(subject)).count()
}
