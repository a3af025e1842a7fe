//! The schedule builder on SQLite and PostgreSQL, called directly (as a script bypassing the
//! browser would): hard conflicts are refused with nothing written, two organisers moving the same
//! talk at once leave exactly one winner, publishing without changes publishes nothing and mails
//! nobody, times survive a DST day, and only the event's organisers get in.
use app::entities::{mail_outbox, schedule_item, schedule_version};
use chrono::NaiveDate;
use estrade_tests::http::{call, client, sign_in};
use estrade_tests::review::{member, PASSWORD};
use estrade_tests::schedule::{sched, Sched, DAY};
use estrade_tests::selection::SLUG;
use estrade_tests::{db_test, Backend, Setup};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use serde_json::Value;

/// Calls `schedule/place` as `c` with an owned form (for calls run at the same time).
async fn place_as(c: &reqwest::Client, s: &Sched, form: &[(&str, String)]) -> reqwest::Response {
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    call(c, &s.c.app, "schedule/place", &form).await
}

async fn status_and_text(res: reqwest::Response) -> (u16, String) {
    (res.status().as_u16(), res.text().await.unwrap())
}

/// (title, local start, local end, room) of every placed item, as the builder shows them.
async fn placed(s: &Sched) -> Vec<(String, String, String, Value)> {
    let b = s.builder().await;
    let mut rows: Vec<_> = b["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| !i["placed"].is_null())
        .map(|i| (i["title"].as_str().unwrap().to_string(), i["placed"]["starts"].as_str().unwrap().to_string(), i["placed"]["ends"].as_str().unwrap().to_string(), i["placed"]["room"].clone()))
        .collect();
    rows.sort_by(|a, b| (&a.1, &a.0).cmp(&(&b.1, &b.0)));
    rows
}

db_test!(the_server_refuses_every_hard_conflict_and_writes_nothing, |backend: Backend| async move {
    let s = sched(backend, Setup::default()).await;
    let (alpha, beta, gamma) = (s.codes[0].clone(), s.codes[1].clone(), s.codes[2].clone());
    let (amphi, atelier) = (s.room(0), s.room(1));
    let b = s.builder().await;
    assert_eq!(b["items"].as_array().unwrap().len(), 3, "each accepted talk waits in the panel");
    assert_eq!(b["items"][0]["minutes"], 40, "a talk lasts what its format says");

    let ok = s.place(&alpha, &amphi, "10:00", "40").await;
    assert_eq!(ok.status(), 200, "{}", ok.text().await.unwrap());
    let before = placed(&s).await;
    assert_eq!(before, [("Alpha talk".to_string(), "10:00".to_string(), "10:40".to_string(), Value::from(s.rooms[0]))]);

    // The room is taken.
    let (code, text) = status_and_text(s.place(&gamma, &amphi, "10:20", "40").await).await;
    assert_eq!(code, 409);
    assert!(text.contains("Amphi is taken at that time by “Alpha talk”"), "{text}");
    // Bea co-speaks Alpha: she cannot give Beta in the other room at the same time.
    let (code, text) = status_and_text(s.place(&beta, &atelier, "10:30", "40").await).await;
    assert_eq!(code, 409);
    assert!(text.contains("A speaker is already on stage at that time, in “Alpha talk”"), "{text}");
    // Outside the day's hours (09:00–18:00), and off the 5-minute grid.
    let (code, text) = status_and_text(s.place(&gamma, &atelier, "17:40", "40").await).await;
    assert_eq!(code, 409);
    assert!(text.contains("outside the day's hours"), "{text}");
    let (code, text) = status_and_text(s.place(&gamma, &atelier, "11:02", "40").await).await;
    assert_eq!(code, 409);
    assert!(text.contains("5-minute grid"), "{text}");
    // Input that makes no sense is a 422 naming the field.
    let (id, version) = s.item(&gamma).await;
    let bad = [("day", "2027-03-11", "Choose one of the event's days."), ("room", "999999", "Choose a room"), ("start", "ten", "HH:MM"), ("minutes", "42", "multiple of 5")];
    for (field, value, message) in bad {
        let mut form = vec![("item", id.as_str()), ("version", version.as_str()), ("day", DAY), ("room", atelier.as_str()), ("start", "11:00"), ("minutes", "40")];
        form.iter_mut().filter(|(k, _)| *k == field).for_each(|f| f.1 = value);
        let (code, text) = status_and_text(s.call("place", &form).await).await;
        assert_eq!(code, 422, "{field}: {text}");
        assert!(text.contains(message), "{field}: {text}");
    }
    assert_eq!(placed(&s).await, before, "nothing refused was written");

    // A lunch across all rooms blocks each of them.
    let lunch = [("kind", "lunch"), ("title", "Lunch"), ("day", DAY), ("room", "all"), ("start", "12:00"), ("minutes", "60")];
    assert_eq!(s.call("add", &lunch).await.status(), 200);
    let (code, text) = status_and_text(s.place(&gamma, &atelier, "12:30", "40").await).await;
    assert_eq!(code, 409);
    assert!(text.contains("Atelier is taken at that time by “Lunch”"), "{text}");
    let clash = [("kind", "break"), ("title", "Coffee"), ("day", DAY), ("room", &amphi), ("start", "10:30"), ("minutes", "15")];
    assert_eq!(s.call("add", &clash).await.status(), 409, "a break cannot go over a talk either");
    let untitled = [("kind", "break"), ("title", " "), ("day", DAY), ("room", &amphi), ("start", "15:00"), ("minutes", "15")];
    let (code, text) = status_and_text(s.call("add", &untitled).await).await;
    assert_eq!((code, text.contains("Give it a title")), (422, true), "{text}");
    assert_eq!(schedule_item::Entity::find().count(&s.c.app.state.db).await.unwrap(), 4, "3 talks and the lunch");

    // Warnings are allowed, and listed: Gamma for 45 minutes instead of its format's 40.
    let (code, text) = status_and_text(s.place(&gamma, &atelier, "14:00", "45").await).await;
    assert_eq!(code, 200);
    assert!(text.contains("Lasts 45 min while its format says 40 min."), "{text}");
    let b = s.builder().await;
    assert!(b["warnings"].to_string().contains("Lasts 45 min"), "{}", b["warnings"]);

    // Cy said he cannot speak 15:00–16:00 (UTC 14:00–15:00): allowed, with a warning.
    let cy = app::entities::user::Entity::find().filter(app::entities::user::Column::Email.eq("cy@example.org")).one(&s.c.app.state.db).await.unwrap().unwrap();
    let at = |h| chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2027, 3, 10, h, 0, 0).unwrap();
    app::entities::speaker_unavailability::ActiveModel {
        event_id: Set(s.c.event),
        user_id: Set(cy.id),
        starts_at: Set(at(14)),
        ends_at: Set(at(15)),
        note: Set("train".into()),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&s.c.app.state.db)
    .await
    .unwrap();
    let (code, text) = status_and_text(s.place(&gamma, &atelier, "15:30", "40").await).await;
    assert_eq!(code, 200);
    assert!(text.contains("A speaker said they are not available at that time."), "{text}");

    // Rooms with items on the schedule cannot be deleted.
    let (code, text) = status_and_text(call(&s.c.org, &s.c.app, "venue/delete_room", &[("slug", SLUG), ("id", &atelier)]).await).await;
    assert_eq!(code, 409);
    assert!(text.contains("move them to another room first"), "{text}");
});

db_test!(two_organisers_moving_at_once_leave_exactly_one_winner, |backend: Backend| async move {
    let s = sched(backend, Setup::default()).await;
    let (alpha, gamma) = (s.codes[0].clone(), s.codes[2].clone());
    let second = member(&s.c.app, s.c.event, "otto@example.org", "Otto Organiser", "organizer").await;
    let (id, version) = s.item(&alpha).await;
    let form = |room: String, start: &'static str| {
        vec![("slug", SLUG.to_string()), ("item", id.clone()), ("version", version.clone()), ("day", DAY.to_string()), ("room", room), ("start", start.to_string()), ("minutes", "40".to_string())]
    };
    let (f1, f2) = (form(s.room(0), "10:00"), form(s.room(1), "15:00"));
    let (r1, r2) = tokio::join!(place_as(&s.c.org, &s, &f1), place_as(&second, &s, &f2));
    let mut outcomes = [status_and_text(r1).await, status_and_text(r2).await];
    outcomes.sort();
    assert_eq!(outcomes[0].0, 200, "{outcomes:?}");
    assert_eq!(outcomes[1].0, 409, "{outcomes:?}");
    assert!(outcomes[1].1.contains("Someone changed this item since you loaded the page"), "{outcomes:?}");
    let (_, now) = s.item(&alpha).await;
    assert_eq!(now, "1", "moved once");

    // Two different talks into the same room at the same time, at once: one of them only.
    let (g, gv) = s.item(&gamma).await;
    let (alpha_id, alpha_v) = s.item(&alpha).await;
    let put = |id: &str, v: &str| vec![("slug", SLUG.to_string()), ("item", id.to_string()), ("version", v.to_string()), ("day", DAY.to_string()), ("room", s.room(0)), ("start", "16:00".to_string()), ("minutes", "40".to_string())];
    let (p1, p2) = (put(&g, &gv), put(&alpha_id, &alpha_v));
    let (r1, r2) = tokio::join!(place_as(&s.c.org, &s, &p1), place_as(&second, &s, &p2));
    let mut codes = [r1.status().as_u16(), r2.status().as_u16()];
    codes.sort();
    assert_eq!(codes, [200, 409]);
    let at_four = placed(&s).await.into_iter().filter(|p| p.1 == "16:00").count();
    assert_eq!(at_four, 1);
});

db_test!(publishing_freezes_versions_and_mails_only_what_changed, |backend: Backend| async move {
    let s = sched(backend, Setup::default()).await;
    let (alpha, beta) = (s.codes[0].clone(), s.codes[1].clone());
    let db = &s.c.app.state.db;
    let nothing = s.call("publish", &[("name", "")]).await;
    assert_eq!(nothing.text().await.unwrap(), "null", "an empty schedule publishes nothing");
    assert_eq!(s.place(&alpha, &s.room(0), "10:00", "40").await.status(), 200);
    assert_eq!(s.place(&beta, &s.room(1), "11:00", "40").await.status(), 200);
    let mails_before = mail_outbox::Entity::find().count(db).await.unwrap();
    assert_eq!(s.call("publish", &[("name", "first draft")]).await.text().await.unwrap(), "1");
    let schedule_mails = |rows: Vec<mail_outbox::Model>| rows.into_iter().filter(|m| m.subject.contains("scheduled")).collect::<Vec<_>>();
    let first = schedule_mails(mail_outbox::Entity::find().all(db).await.unwrap());
    let mut to: Vec<_> = first.iter().map(|m| m.to_addr.clone()).collect();
    to.sort();
    assert_eq!(to, ["ada@example.org", "bea@example.org"], "one mail per speaker, Bea's covering both her talks");
    let bea = first.iter().find(|m| m.to_addr == "bea@example.org").unwrap();
    assert!(bea.body_text.contains("“Alpha talk” — Wednesday 10 March 2027, 10:00 am–10:40 am (Europe/Paris), Amphi"), "{}", bea.body_text);
    assert!(bea.body_text.contains("“Beta talk” — Wednesday 10 March 2027, 11:00 am–11:40 am (Europe/Paris), Atelier"), "{}", bea.body_text);
    assert_eq!(mail_outbox::Entity::find().count(db).await.unwrap(), mails_before + 2);
    let ics = bea.attachment_body.clone().expect("a calendar file");
    assert_eq!(bea.attachment_name.as_deref(), Some("sel-conf.ics"));
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2, "{ics}");
    assert!(ics.contains("DTSTART:20270310T100000Z"), "11:00 in Paris is 10:00 UTC: {ics}");

    // The frozen version keeps each speaker's name whole, commas included.
    let v1 = schedule_version::Entity::find().one(db).await.unwrap().unwrap();
    let slots: Value = serde_json::from_str(&v1.snapshot).unwrap();
    let alpha_slot = slots.as_array().unwrap().iter().find(|s| s["title"] == "Alpha talk").unwrap();
    let names: Vec<&str> = alpha_slot["speakers"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Ada Speaker", "Bea Martin, PhD"]);

    // Publishing again without a change: no version 2, no mail.
    assert_eq!(s.call("publish", &[("name", "")]).await.text().await.unwrap(), "null");
    assert_eq!(schedule_version::Entity::find().count(db).await.unwrap(), 1);
    assert_eq!(mail_outbox::Entity::find().count(db).await.unwrap(), mails_before + 2);

    // Move Beta: version 2 says so, and only Bea (Beta's speaker) hears about it.
    assert_eq!(s.place(&beta, &s.room(0), "14:00", "40").await.status(), 200);
    let b = s.builder().await;
    assert_eq!(b["pending"].as_array().unwrap().len(), 1, "{}", b["pending"]);
    assert_eq!(s.call("publish", &[("name", "")]).await.text().await.unwrap(), "2");
    let v2: Value = s.call("version", &[("number", "2")]).await.json().await.unwrap();
    let changes = v2["version"]["changes"].to_string();
    assert!(changes.contains("Moved “Beta talk”: Wed 10 Mar 11:00 am–11:40 am, Atelier → Wed 10 Mar 2:00 pm–2:40 pm, Amphi"), "{changes}");
    assert!(v2["version"]["name"].as_str().unwrap().starts_with("v2 — "), "{v2}");
    let second = schedule_mails(mail_outbox::Entity::find().all(db).await.unwrap());
    assert_eq!(second.len(), 3);
    let last = second.iter().max_by_key(|m| m.id).unwrap();
    assert_eq!(last.to_addr, "bea@example.org");
    assert!(last.body_text.contains("(moved from Wednesday 10 March 2027, 11:00 am–11:40 am (Europe/Paris), Atelier)"), "{}", last.body_text);
    // Alpha goes back to the panel: version 3 lists it as removed, and nobody is mailed for that.
    let (id, version) = s.item(&alpha).await;
    assert_eq!(s.call("unplace", &[("item", &id), ("version", &version), ("day", DAY)]).await.status(), 200);
    let stale = s.call("unplace", &[("item", &id), ("version", &version), ("day", DAY)]).await;
    assert_eq!(stale.status(), 409, "the same unplace from a stale page");
    assert_eq!(s.call("publish", &[("name", "")]).await.text().await.unwrap(), "3");
    let v3: Value = s.call("version", &[("number", "3")]).await.json().await.unwrap();
    assert!(v3["version"]["changes"].to_string().contains("Removed “Alpha talk”"), "{v3}");
    assert_eq!(schedule_mails(mail_outbox::Entity::find().all(db).await.unwrap()).len(), 3);
    // Version 1 stays readable as it was.
    let v1: Value = s.call("version", &[("number", "1")]).await.json().await.unwrap();
    assert!(v1["days"].to_string().contains("11:00 am–11:40 am"), "{v1}");
    assert!(v1["version"]["name"].as_str().unwrap().ends_with("first draft"));
});

db_test!(times_survive_the_zone_on_a_clock_change_day, |backend: Backend| async move {
    let s = sched(backend, Setup::default()).await;
    let db = &s.c.app.state.db;
    // Move the event to Sunday 28 March 2027, when Paris goes from UTC+1 to UTC+2 at 02:00.
    let e = app::entities::event::Entity::find_by_id(s.c.event).one(db).await.unwrap().unwrap();
    let mut e: app::entities::event::ActiveModel = e.into();
    let day = NaiveDate::from_ymd_opt(2027, 3, 28).unwrap();
    e.start_date = Set(day);
    e.end_date = Set(day);
    e.update(db).await.unwrap();
    let (id, version) = s.item(&s.codes[0]).await;
    let form = [("item", id.as_str()), ("version", version.as_str()), ("day", "2027-03-28"), ("room", &s.room(0)), ("start", "10:00"), ("minutes", "40")];
    assert_eq!(s.call("place", &form).await.status(), 200);
    let row = schedule_item::Entity::find_by_id(id.parse::<i32>().unwrap()).one(db).await.unwrap().unwrap();
    assert_eq!(row.starts_at.unwrap().to_rfc3339(), "2027-03-28T08:00:00+00:00", "10:00 summer time is 08:00 UTC");
    assert_eq!(placed(&s).await[0].1, "10:00");
    let b = s.builder().await;
    assert_eq!(b["days"][0]["rows"][0], "09:00", "the grid starts at the local opening time");
    assert_eq!(b["days"][0]["start"], "2027-03-28T07:00:00Z");
    assert_eq!(s.call("publish", &[("name", "")]).await.status(), 200);
    let v1: Value = s.call("version", &[("number", "1")]).await.json().await.unwrap();
    assert!(v1["days"].to_string().contains("10:00 am–10:40 am"), "{v1}");
});

db_test!(only_the_events_organisers_reach_the_builder, |backend: Backend| async move {
    let s = sched(backend, Setup::default()).await;
    let app = &s.c.app;
    let reviewer = member(app, s.c.event, "rita@example.org", "Rita Reviewer", "reviewer").await;
    let volunteer = member(app, s.c.event, "vic@example.org", "Vic Volunteer", "volunteer").await;
    let speaker = client();
    sign_in(&speaker, app, "ada@example.org", PASSWORD).await;
    let other = app::events::service::create(
        &app.state.db,
        &domain::events::EventForm {
            slug: "other-conf".into(),
            name: "Other".into(),
            city: "Lille".into(),
            venue: "Somewhere".into(),
            time_zone: "Europe/Paris".into(),
            start_date: "2027-05-10".into(),
            end_date: "2027-05-10".into(),
            description: String::new(),
            visibility: "public".into(), default_language: String::new(), description_language: String::new(), translations: Default::default(),
        },
        app.state.clock.now(),
    )
    .await
    .unwrap();
    let foreign = member(app, other.id, "fred@example.org", "Fred Elsewhere", "organizer").await;
    let anonymous = client();
    let (id, version) = s.item(&s.codes[0]).await;
    let calls: [(&str, Vec<(&str, &str)>); 6] = [
        ("load", vec![]),
        ("place", vec![("item", &id), ("version", &version), ("day", DAY), ("room", "all"), ("start", "10:00"), ("minutes", "40")]),
        ("unplace", vec![("item", &id), ("version", &version), ("day", DAY)]),
        ("add", vec![("kind", "break"), ("title", "Coffee"), ("day", DAY), ("room", "all"), ("start", "10:00"), ("minutes", "15")]),
        ("publish", vec![("name", "")]),
        ("versions", vec![]),
    ];
    for (who, c, expected) in [("reviewer", &reviewer, 403), ("volunteer", &volunteer, 403), ("speaker", &speaker, 403), ("another event's organiser", &foreign, 403), ("anonymous", &anonymous, 401)] {
        for (endpoint, form) in &calls {
            let mut all = vec![("slug", SLUG)];
            all.extend_from_slice(form);
            let res = call(c, app, &format!("schedule/{endpoint}"), &all).await;
            assert_eq!(res.status().as_u16(), expected, "{who} on {endpoint}");
        }
    }
    assert!(placed(&s).await.is_empty());
    assert_eq!(schedule_version::Entity::find().count(&app.state.db).await.unwrap(), 0);
});
