//! Rooms and day hours of an event, on SQLite and PostgreSQL: organisers add, edit, reorder and
//! delete rooms (names unique per event), set each day's hours (checked on the server), and
//! nobody else touches either.
use estrade_tests::http::{call, client, get_text, sign_up};
use estrade_tests::review::{member, PASSWORD};
use estrade_tests::{db_test, Backend, TestApp};

/// A public Europe/Paris event over the spring clock change (27–29 March 2027).
async fn event(app: &TestApp, slug: &str) -> app::entities::event::Model {
    let form = domain::events::EventForm {
        slug: slug.into(),
        name: format!("Event {slug}"),
        city: "Paris".into(),
        venue: "Somewhere".into(),
        time_zone: "Europe/Paris".into(),
        start_date: "2027-03-27".into(),
        end_date: "2027-03-29".into(),
        description: String::new(),
        visibility: "public".into(), default_language: String::new(), description_language: String::new(), translations: Default::default(),
    };
    app::events::service::create(&app.state.db, &form, app.state.clock.now()).await.expect("event created")
}

/// (name, capacity, description) of the event's rooms in order.
async fn rooms(app: &TestApp, event_id: i32) -> Vec<(String, Option<i32>, String)> {
    app::venue::service::rooms_of(&app.state.db, event_id)
        .await
        .unwrap()
        .into_iter()
        .map(|r| (r.name, r.capacity, r.description))
        .collect()
}

async fn room_id(app: &TestApp, event_id: i32, name: &str) -> String {
    let all = app::venue::service::rooms_of(&app.state.db, event_id).await.unwrap();
    all.into_iter().find(|r| r.name == name).expect("room").id.to_string()
}

fn names(rooms: &[(String, Option<i32>, String)]) -> Vec<&str> {
    rooms.iter().map(|r| r.0.as_str()).collect()
}

async fn json(res: reqwest::Response) -> serde_json::Value {
    res.json().await.expect("json")
}

db_test!(organisers_add_edit_reorder_and_delete_rooms, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let e = event(&app, "rooms-conf").await;
    let org = member(&app, e.id, "org@example.org", "Org", "organizer").await;
    let add = |name: &'static str, capacity: &'static str| {
        let org = org.clone();
        let app = &app;
        async move {
            call(&org, app, "venue/add_room", &[("slug", "rooms-conf"), ("name", name), ("capacity", capacity), ("description", "")]).await
        }
    };
    for (name, cap) in [("Amphi", "400"), ("Atelier 1", "40"), ("Atelier 2", "")] {
        let res = add(name, cap).await;
        assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    }
    assert_eq!(names(&rooms(&app, e.id).await), ["Amphi", "Atelier 1", "Atelier 2"], "appended in order");
    assert_eq!(rooms(&app, e.id).await[2].1, None);

    // Edit.
    let a1 = room_id(&app, e.id, "Atelier 1").await;
    let form = [("slug", "rooms-conf"), ("id", a1.as_str()), ("name", "Salle Jean Bart"), ("capacity", "60"), ("description", "First floor, lift")];
    assert_eq!(call(&org, &app, "venue/update_room", &form).await.status(), 200);
    assert_eq!(rooms(&app, e.id).await[1], ("Salle Jean Bart".to_string(), Some(60), "First floor, lift".to_string()));

    // Move up and down; the first going up stays where it is.
    let a2 = room_id(&app, e.id, "Atelier 2").await;
    let mv = |id: String, dir: &'static str| {
        let org = org.clone();
        let app = &app;
        async move { call(&org, app, "venue/move_room", &[("slug", "rooms-conf"), ("id", &id), ("direction", dir)]).await.status() }
    };
    assert_eq!(mv(a2.clone(), "up").await, 200);
    assert_eq!(names(&rooms(&app, e.id).await), ["Amphi", "Atelier 2", "Salle Jean Bart"]);
    assert_eq!(mv(a2.clone(), "up").await, 200);
    assert_eq!(mv(a2.clone(), "up").await, 200);
    assert_eq!(names(&rooms(&app, e.id).await), ["Atelier 2", "Amphi", "Salle Jean Bart"]);
    let amphi = room_id(&app, e.id, "Amphi").await;
    assert_eq!(mv(amphi.clone(), "down").await, 200);
    assert_eq!(names(&rooms(&app, e.id).await), ["Atelier 2", "Salle Jean Bart", "Amphi"]);
    assert_eq!(mv(amphi.clone(), "sideways").await, 400);

    // Bad fields are 422 on the right row; nothing written.
    let bad = [("slug", "rooms-conf"), ("id", amphi.as_str()), ("name", ""), ("capacity", "0"), ("description", "")];
    let res = call(&org, &app, "venue/update_room", &bad).await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains(&format!("room-{amphi}-name")) && body.contains(&format!("room-{amphi}-capacity")), "{body}");
    assert_eq!(add("Annexe", "10001").await.status(), 422);

    // Delete.
    assert_eq!(call(&org, &app, "venue/delete_room", &[("slug", "rooms-conf"), ("id", &a1)]).await.status(), 200);
    assert_eq!(names(&rooms(&app, e.id).await), ["Atelier 2", "Amphi"]);
    assert_eq!(call(&org, &app, "venue/delete_room", &[("slug", "rooms-conf"), ("id", &a1)]).await.status(), 404);
    // Added after a deletion, a room still goes last.
    assert_eq!(add("Hall", "").await.status(), 200);
    assert_eq!(names(&rooms(&app, e.id).await), ["Atelier 2", "Amphi", "Hall"]);

    let view = json(call(&org, &app, "venue/load", &[("slug", "rooms-conf")]).await).await;
    let listed: Vec<&str> = view["rooms"].as_array().unwrap().iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(listed, ["Atelier 2", "Amphi", "Hall"]);
    // The page renders on the server, with forms that work without JavaScript.
    let (status, html) = get_text(&org, &app, "/admin/events/rooms-conf/venue").await;
    assert_eq!(status, 200);
    assert!(html.contains("Rooms and days") && html.contains("Atelier 2") && html.contains("Sunday 28 March 2027"), "{html}");
    assert!(html.contains(r#"type="time""#) && html.contains(r#"step="300""#) && html.contains("/api/venue/move_room"), "{html}");
    app.stop().await;
});

db_test!(a_room_name_is_unique_per_event, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let e = event(&app, "dup-conf").await;
    let other = event(&app, "dup-other").await;
    let org = member(&app, e.id, "org@example.org", "Org", "organizer").await;
    app.grant("org@example.org", other.id, "organizer").await;
    let add = |slug: &'static str, name: &'static str| {
        let org = org.clone();
        let app = &app;
        async move { call(&org, app, "venue/add_room", &[("slug", slug), ("name", name), ("capacity", ""), ("description", "")]).await }
    };
    assert_eq!(add("dup-conf", "Amphi").await.status(), 200);
    assert_eq!(add("dup-conf", "Atelier").await.status(), 200);
    for again in ["Amphi", " amphi "] {
        let res = add("dup-conf", again).await;
        assert!(res.status().is_client_error(), "{again}: {}", res.status());
        assert!(res.text().await.unwrap().contains("already called"), "a message says why");
    }
    assert_eq!(names(&rooms(&app, e.id).await), ["Amphi", "Atelier"], "nothing written");
    // Renaming onto another room's name is refused on that row.
    let atelier = room_id(&app, e.id, "Atelier").await;
    let form = [("slug", "dup-conf"), ("id", atelier.as_str()), ("name", "AMPHI"), ("capacity", ""), ("description", "")];
    let res = call(&org, &app, "venue/update_room", &form).await;
    assert!(res.status().is_client_error());
    assert!(res.text().await.unwrap().contains(&format!("room-{atelier}-name")));
    assert_eq!(names(&rooms(&app, e.id).await), ["Amphi", "Atelier"]);
    // Keeping one's own name is fine, and another event may use it.
    let form = [("slug", "dup-conf"), ("id", atelier.as_str()), ("name", "Atelier"), ("capacity", "30"), ("description", "")];
    assert_eq!(call(&org, &app, "venue/update_room", &form).await.status(), 200);
    assert_eq!(add("dup-other", "Amphi").await.status(), 200);
    // The service refuses it too when the endpoint is bypassed (a field error, never a 500).
    let raced = app::venue::service::add_room(
        &app.state.db,
        e.id,
        &domain::venue::RoomForm { name: "Amphi".into(), ..Default::default() },
        app.state.clock.now(),
    )
    .await
    .unwrap_err();
    assert_eq!(raced.status_code(), 422);
    app.stop().await;
});

db_test!(day_hours_cover_the_event_and_are_checked, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let e = event(&app, "days-conf").await;
    let org = member(&app, e.id, "org@example.org", "Org", "organizer").await;

    let view = json(call(&org, &app, "venue/load", &[("slug", "days-conf")]).await).await;
    let days = view["days"].as_array().unwrap();
    let dates: Vec<&str> = days.iter().map(|d| d["date"].as_str().unwrap()).collect();
    assert_eq!(dates, ["2027-03-27", "2027-03-28", "2027-03-29"]);
    assert!(days.iter().all(|d| d["opens"] == "09:00" && d["closes"] == "18:00"), "{days:?}");
    assert_eq!(days[1]["label"], "Sunday 28 March 2027");
    assert_eq!(view["time_zone"], "Europe/Paris");

    let save = |day: &'static str, opens: &'static str, closes: &'static str| {
        let org = org.clone();
        let app = &app;
        async move {
            call(&org, app, "venue/save_day_hours", &[("slug", "days-conf"), ("day", day), ("opens", opens), ("closes", closes)]).await
        }
    };
    assert_eq!(save("2027-03-28", "08:30", "17:45").await.status(), 200);
    for (opens, closes, field) in [("18:00", "09:00", "closes"), ("25:00", "18:00", "opens"), ("09:03", "18:00", "opens"), ("09:00", "09:00", "closes"), ("02:30", "18:00", "opens")] {
        let res = save("2027-03-28", opens, closes).await;
        assert_eq!(res.status(), 422, "{opens}–{closes}");
        let body = res.text().await.unwrap();
        assert!(body.contains(&format!("day-2027-03-28-{field}")), "{opens}–{closes}: {body}");
    }
    assert_eq!(save("2027-03-30", "09:00", "18:00").await.status(), 404, "not a day of the event");
    assert_eq!(save("tomorrow", "09:00", "18:00").await.status(), 404);

    let rows = app::venue::service::days_of(&app.state.db, &e).await.unwrap();
    assert_eq!(rows.len(), 3, "no duplicate rows after several reads");
    let sunday = rows.iter().find(|d| d.day.to_string() == "2027-03-28").unwrap();
    assert_eq!((sunday.opens.as_str(), sunday.closes.as_str()), ("08:30", "17:45"), "bad hours changed nothing");
    // The clocks went forward that night: 08:30–17:45 Paris is 06:30–15:45 UTC.
    let h = app::venue::service::day_hours_utc(&e, sunday);
    assert_eq!((h.start.to_rfc3339(), h.end.to_rfc3339()), ("2027-03-28T06:30:00+00:00".into(), "2027-03-28T15:45:00+00:00".into()));
    let saturday = &rows[0];
    let h = app::venue::service::day_hours_utc(&e, saturday);
    assert_eq!(h.start.to_rfc3339(), "2027-03-27T08:00:00+00:00", "winter time the day before");
    app.stop().await;
});

db_test!(only_the_events_organisers_touch_rooms_and_days, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let e = event(&app, "guarded").await;
    let other = event(&app, "elsewhere").await;
    let org = member(&app, e.id, "org@example.org", "Org", "organizer").await;
    assert_eq!(
        call(&org, &app, "venue/add_room", &[("slug", "guarded"), ("name", "Amphi"), ("capacity", ""), ("description", "")]).await.status(),
        200
    );
    let amphi = room_id(&app, e.id, "Amphi").await;
    let reviewer = member(&app, e.id, "rev@example.org", "Rev", "reviewer").await;
    let volunteer = member(&app, e.id, "vol@example.org", "Vol", "volunteer").await;
    let foreign = member(&app, other.id, "org-b@example.org", "Org B", "organizer").await;
    let speaker = client();
    sign_up(&speaker, &app, "speaker@example.org", "Speaker", PASSWORD).await;

    let calls: Vec<(&str, Vec<(&str, &str)>)> = vec![
        ("venue/load", vec![("slug", "guarded")]),
        ("venue/add_room", vec![("slug", "guarded"), ("name", "Intruder"), ("capacity", ""), ("description", "")]),
        ("venue/update_room", vec![("slug", "guarded"), ("id", &amphi), ("name", "Hacked"), ("capacity", ""), ("description", "")]),
        ("venue/move_room", vec![("slug", "guarded"), ("id", &amphi), ("direction", "down")]),
        ("venue/delete_room", vec![("slug", "guarded"), ("id", &amphi)]),
        ("venue/save_day_hours", vec![("slug", "guarded"), ("day", "2027-03-27"), ("opens", "06:00"), ("closes", "23:00")]),
    ];
    for (who, c) in [("reviewer", &reviewer), ("volunteer", &volunteer), ("speaker", &speaker), ("other event's organiser", &foreign)] {
        for (endpoint, form) in &calls {
            assert_eq!(call(c, &app, endpoint, form).await.status(), 403, "{who} on {endpoint}");
        }
    }
    let anonymous = client();
    for (endpoint, form) in &calls {
        assert_eq!(call(&anonymous, &app, endpoint, form).await.status(), 401, "anonymous on {endpoint}");
    }
    // A room of another event is not found through this one's organiser either.
    let form = [("slug", "guarded"), ("id", &amphi), ("name", "x"), ("capacity", ""), ("description", "")];
    assert_eq!(call(&org, &app, "venue/update_room", &form).await.status(), 200);
    let org_b_room = call(&foreign, &app, "venue/add_room", &[("slug", "elsewhere"), ("name", "B1"), ("capacity", ""), ("description", "")]).await;
    assert_eq!(org_b_room.status(), 200);
    let b1 = room_id(&app, other.id, "B1").await;
    assert_eq!(call(&org, &app, "venue/delete_room", &[("slug", "guarded"), ("id", &b1)]).await.status(), 404);

    assert_eq!(names(&rooms(&app, e.id).await), ["x"], "only the organiser's own change");
    assert_eq!(names(&rooms(&app, other.id).await), ["B1"]);
    let days = app::venue::service::days_of(&app.state.db, &e).await.unwrap();
    assert!(days.iter().all(|d| d.opens == "09:00" && d.closes == "18:00"));
    app.stop().await;
});
