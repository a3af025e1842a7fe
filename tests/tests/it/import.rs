//! Importing a frab / pretalx schedule on SQLite and PostgreSQL, through the organisers' server
//! function: a valid file becomes accepted talks placed and published; a bad file is a 400 naming
//! its first problem and writes nothing; an event that has a schedule is refused; and an export
//! imported into another event exports the same schedule again (JSON and XML). The limits and
//! the imported speakers (never an existing account; claimed by mailed link) have their modules.
use app::entities::{decision, proposal, proposal_speaker, schedule_version, speaker_profile, user};
use chrono::Utc;
use domain::cfp::{Choice, ProposalState};
use estrade_tests::cfp::{code_of, event_with_cfp, proposal_form, send, with};
use estrade_tests::http::{call, client, get_text, sign_in, sign_up, who_am_i};
use estrade_tests::import::{counts, empty_event, export, mailed_token, mails_to, normalised, sample_json, user_id, with_email};
use estrade_tests::review::PASSWORD;
use estrade_tests::schedule::{sched, DAY};
use estrade_tests::selection::{conf, Conf, SLUG};
use estrade_tests::{db_test, Backend, Setup, TestApp};
use reqwest::Client;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde_json::Value;

#[path = "import/claims.rs"]
mod claims;
#[path = "import/limits.rs"]
mod limits;

async fn import_as(c: &reqwest::Client, app: &estrade_tests::TestApp, slug: &str, file: &str) -> (u16, String) {
    let res = call(c, app, "schedule/import", &[("slug", slug), ("file", file)]).await;
    (res.status().as_u16(), res.text().await.unwrap())
}

db_test!(a_schedule_file_becomes_accepted_talks_placed_and_published, |backend: Backend| async move {
    let c = conf(backend, Setup::default()).await;
    c.app.create_user("ada@example.org", "Ada (already here)", PASSWORD, false).await;
    let (code, text) = import_as(&c.org, &c.app, SLUG, &sample_json()).await;
    assert_eq!(code, 200, "{text}");
    let report: Value = serde_json::from_str(&text).unwrap();
    assert_eq!((report["talks"].as_u64(), report["extras"].as_u64(), report["speakers"].as_u64()), (Some(3), Some(2), Some(3)), "{report}");
    assert_eq!(report["version_name"], "v1 — imported");

    let db = &c.app.state.db;
    let proposals = proposal::Entity::find().filter(proposal::Column::EventId.eq(c.event)).all(db).await.unwrap();
    assert_eq!(proposals.len(), 3);
    assert!(proposals.iter().all(|p| p.state == ProposalState::Submitted.as_str()));
    let decisions = decision::Entity::find().all(db).await.unwrap();
    assert_eq!(decisions.len(), 3);
    assert!(decisions.iter().all(|d| d.decision == "accepted"
        && d.published_decision.as_deref() == Some("accepted")
        && d.response.as_deref() == Some("confirmed")));
    // Ada's email in the file does not make her account a speaker (issue 14: the file's author is
    // not Ada); each person is a speaker of this event only, in a domain no mail reaches.
    let ada = user_id(&c.app, "ada@example.org").await;
    assert!(proposals.iter().all(|p| p.owner_id != ada), "Ada's account owns no imported talk");
    let created: Vec<user::Model> =
        user::Entity::find().filter(user::Column::Email.like("%@imported.invalid")).order_by_asc(user::Column::Id).all(db).await.unwrap();
    assert_eq!(created.iter().map(|u| u.display_name.as_str()).collect::<Vec<_>>(), ["Ada Lovelace", "Bea Martin", "Cy Young"]);
    assert!(created.iter().all(|u| u.verified_at.is_none()));
    assert!(proposals.iter().filter(|p| p.owner_id == created[0].id).count() == 2, "imported Ada owns her two talks");

    let builder: Value = call(&c.org, &c.app, "schedule/load", &[("slug", SLUG)]).await.json().await.unwrap();
    let items = builder["items"].as_array().unwrap();
    let placed =
        |title: &str| items.iter().find(|i| i["title"] == title).unwrap_or_else(|| panic!("{title} in {builder}"))["placed"].clone();
    assert_eq!(placed("Supply chains, signed")["starts"], "10:00");
    assert_eq!(placed("Hands-on eBPF")["ends"], "12:30");
    assert_eq!(placed("Lunch")["room"], Value::Null, "the lunch alone in the first room spans every room");
    let talk = items.iter().find(|i| i["title"] == "Supply chains, signed").unwrap();
    assert_eq!((&talk["format"], &talk["track"], &talk["minutes"]), (&Value::from("Talk"), &Value::from("Security"), &Value::from(40)));
    assert_eq!(talk["speaker_names"], serde_json::json!(["Ada Lovelace", "Bea Martin"]), "public names from the file");
    assert_eq!(items.len(), 5);
    assert_eq!(builder["warnings"], serde_json::json!([]), "the imported schedule breaks no rule");
    assert_eq!(builder["pending"], serde_json::json!([]), "everything is published");
    let versions = schedule_version::Entity::find().filter(schedule_version::Column::EventId.eq(c.event)).all(db).await.unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(serde_json::from_str::<Vec<Value>>(&versions[0].snapshot).unwrap().len(), 5);
});

db_test!(a_bad_file_is_refused_with_its_first_problem_and_writes_nothing, |backend: Backend| async move {
    let c = conf(backend, Setup::default()).await;
    let good = sample_json();
    let before = counts(&c.app.state.db).await;
    let long_type = format!("\"type\":\"{}\"", "W".repeat(70));
    let cases = [
        (
            good.replace("\"start\":\"10:00\"", "\"start\":\"25:00\""),
            "schedule.conference.days[0].rooms.Amphi[0]: start “25:00” is not a time",
        ),
        (
            good.replace("\"Atelier\":[", "\"Cave\":["),
            "schedule.conference.days[0].rooms.Cave: room “Cave” is not listed in the conference's rooms",
        ),
        (good[..good.len() / 2].to_string(), "this is not valid JSON"),
        (
            good.replace("2027-03-10T14:00", "2027-03-12T14:00"),
            "“Operators in anger” is on 2027-03-12, outside the event's dates (2027-03-10 to 2027-03-10)",
        ),
        // Refused late, after rooms, tracks and formats were written: all of it is rolled back.
        (good.replace("\"type\":\"Workshop\"", &long_type), "is longer than 60 characters"),
        (good.replace("\"name\":\"Cy Young\"", "\"name\":\"Cy Young\",\"email\":\"not an email\""), "speaker “Cy Young”"),
    ];
    for (file, message) in cases {
        assert_ne!(file, good, "the case changes the file: {message}");
        let (code, text) = import_as(&c.org, &c.app, SLUG, &file).await;
        assert_eq!(code, 400, "{message}: {text}");
        assert!(text.contains(message), "{message}: {text}");
        assert_eq!(counts(&c.app.state.db).await, before, "nothing written for: {message}");
    }
    // Only the event's organisers may import.
    let stranger = client();
    let (code, _) = import_as(&stranger, &c.app, SLUG, &good).await;
    assert_eq!(code, 401);
    assert_eq!(counts(&c.app.state.db).await, before);
});

db_test!(an_event_that_has_a_schedule_is_refused, |backend: Backend| async move {
    let c = conf(backend, Setup::default()).await;
    assert_eq!(import_as(&c.org, &c.app, SLUG, &sample_json()).await.0, 200);
    let before = counts(&c.app.state.db).await;
    let (code, text) = import_as(&c.org, &c.app, SLUG, &sample_json()).await;
    assert_eq!(code, 409, "{text}");
    assert!(text.contains("already has a schedule (5 placed items, 1 published version)"), "{text}");
    assert_eq!(counts(&c.app.state.db).await, before);
    // The command line's service says the same.
    let e = app::events::service::by_slug(&c.app.state.db, SLUG).await.unwrap();
    let by = app::schedule::import::default_importer(&c.app.state.db, e.id).await.unwrap().expect("the organiser");
    let err = app::schedule::import::import(&c.app.state.db, &e, by, &sample_json(), Utc::now()).await.unwrap_err();
    assert_eq!(err.status_code(), 409);
});

db_test!(an_export_imported_into_another_event_exports_the_same_schedule, |backend: Backend| async move {
    let s = sched(backend, Setup::default()).await;
    let (alpha, beta, gamma) = (s.codes[0].clone(), s.codes[1].clone(), s.codes[2].clone());
    for (code, room, start) in [(&alpha, s.room(0), "10:00"), (&beta, s.room(1), "11:00"), (&gamma, s.room(0), "14:00")] {
        assert_eq!(s.place(code, &room, start, "40").await.status(), 200);
    }
    let lunch = [("kind", "lunch"), ("title", "Lunch"), ("day", DAY), ("room", "all"), ("start", "12:00"), ("minutes", "60")];
    assert_eq!(s.call("add", &lunch).await.status(), 200);
    let coffee = [("kind", "break"), ("title", "Coffee"), ("day", DAY), ("room", &s.room(1)), ("start", "15:00"), ("minutes", "15")];
    assert_eq!(s.call("add", &coffee).await.status(), 200);
    assert_eq!(s.call("publish", &[("name", "")]).await.text().await.unwrap(), "1");
    let app = &s.c.app;
    let original = export(app, SLUG, "schedule.json").await;
    let listed: usize =
        normalised(&original, false)["days"][0]["rooms"].as_object().unwrap().values().map(|v| v.as_array().unwrap().len()).sum();
    assert_eq!(listed, 5, "three talks, the lunch (listed once) and the coffee: {original}");

    for (slug, file) in [("copy-json", "schedule.json"), ("copy-xml", "schedule.xml")] {
        let e = empty_event(app, slug).await;
        app.grant("olga@example.org", e.id, "organizer").await;
        let (code, text) = import_as(&s.c.org, app, slug, &export(app, SLUG, file).await).await;
        assert_eq!(code, 200, "{file}: {text}");
        let from_xml = file == "schedule.xml";
        assert_eq!(normalised(&export(app, slug, "schedule.json").await, from_xml), normalised(&original, from_xml), "{file}");
    }
});
