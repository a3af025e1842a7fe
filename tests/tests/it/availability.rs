//! Speakers' unavailability, on SQLite and PostgreSQL: speakers holding a published acceptance
//! (owner or co-speaker, not declined) state when they cannot speak, in the event's time zone;
//! bad times are refused with a readable message and nothing written; nobody else may; a speaker
//! removes only their own; the schedule builder reads them all.
use app::entities::{event, speaker_unavailability as window, user};
use estrade_tests::http::{call, client, get_text, sign_in};
use estrade_tests::schedule::add_cospeaker;
use estrade_tests::selection::{conf, json_of, Conf, PASSWORD, SLUG};
use estrade_tests::{db_test, Backend, Setup, TestApp};
use reqwest::Client;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde_json::Value;

/// The selection event (Wednesday 10 March 2027, Europe/Paris): Ada and Bea accepted, Cy rejected,
/// all published.
struct World {
    c: Conf,
    ada: Client,
    ada_code: String,
    bea: Client,
    cy: Client,
    cy_code: String,
}

async fn world(backend: Backend) -> World {
    let c = conf(backend, Setup::default()).await;
    let f = c.formats[0];
    let (ada, ada_code) = c.submit("ada@example.org", "Ada Speaker", "Alpha talk", f).await;
    let (bea, bea_code) = c.submit("bea@example.org", "Bea Speaker", "Beta talk", f).await;
    let (cy, cy_code) = c.submit("cy@example.org", "Cy Speaker", "Gamma talk", f).await;
    assert_eq!(c.settings(true, "").await.status(), 200);
    for (code, decision) in [(&ada_code, "accepted"), (&bea_code, "accepted"), (&cy_code, "rejected")] {
        assert_eq!(c.decide(code, decision, "", "").await.status(), 200);
    }
    assert_eq!(c.org_call("publish", &[]).await.status(), 200);
    World { c, ada, ada_code, bea, cy, cy_code }
}

async fn add(c: &Client, app: &TestApp, code: &str, starts_at: &str, ends_at: &str, note: &str) -> reqwest::Response {
    let form = [("slug", SLUG), ("starts_at", starts_at), ("ends_at", ends_at), ("note", note), ("code", code)];
    call(c, app, "availability/add", &form).await
}

async fn mine(c: &Client, app: &TestApp) -> (u16, Value) {
    let (status, body) = json_of(c, app, "availability/mine", &[("slug", SLUG)]).await;
    (status, serde_json::from_str(&body).unwrap_or(Value::String(body)))
}

/// (label, note) of the windows listed for the speaker.
fn listed(v: &Value) -> Vec<(String, String)> {
    v["windows"]
        .as_array()
        .unwrap_or_else(|| panic!("windows in {v}"))
        .iter()
        .map(|w| (w["label"].as_str().unwrap().to_string(), w["note"].as_str().unwrap().to_string()))
        .collect()
}

async fn rows(app: &TestApp) -> Vec<window::Model> {
    window::Entity::find().order_by_asc(window::Column::Id).all(&app.state.db).await.unwrap()
}

async fn user_id(app: &TestApp, email: &str) -> i32 {
    user::Entity::find().filter(user::Column::Email.eq(email)).one(&app.state.db).await.unwrap().unwrap().id
}

db_test!(accepted_speakers_add_list_and_remove_their_times, |backend: Backend| async move {
    let w = world(backend).await;
    let app = &w.c.app;
    let res = add(&w.ada, app, &w.ada_code, "2027-03-10T14:00", "2027-03-10T16:00", "  Dentist  ").await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    assert_eq!(add(&w.ada, app, &w.ada_code, "2027-03-10T09:00", "2027-03-10T10:30", "").await.status(), 200);
    // Up to midnight at the end of the last day is inside the event.
    assert_eq!(add(&w.ada, app, &w.ada_code, "2027-03-10T22:00", "2027-03-11T00:00", "Night train").await.status(), 200);

    // Stored in UTC (Paris is UTC+1 in March before the change), listed in local time, in order.
    let stored = rows(app).await;
    assert_eq!(stored.len(), 3);
    assert_eq!((stored[0].starts_at.to_rfc3339(), stored[0].ends_at.to_rfc3339()), ("2027-03-10T13:00:00+00:00".into(), "2027-03-10T15:00:00+00:00".into()));
    assert_eq!(stored[0].note, "Dentist", "the note is trimmed");
    let (status, v) = mine(&w.ada, app).await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(
        listed(&v),
        [
            ("Wed 10 Mar 9:00 am – 10:30 am".to_string(), String::new()),
            ("Wed 10 Mar 2:00 pm – 4:00 pm".to_string(), "Dentist".to_string()),
            ("Wed 10 Mar 10:00 pm – midnight".to_string(), "Night train".to_string()),
        ]
    );
    assert_eq!((v["time_zone"].as_str(), v["dates"].as_str()), (Some("Europe/Paris"), Some("10 March 2027")));
    assert_eq!((v["min"].as_str(), v["max"].as_str()), (Some("2027-03-10T00:00"), Some("2027-03-11T00:00")));
    assert_eq!(v["can_add"], true);

    // Bea sees only her own (none yet).
    let (status, bv) = mine(&w.bea, app).await;
    assert_eq!(status, 200);
    assert!(listed(&bv).is_empty());

    // A co-speaker of an accepted talk may state times too.
    app.create_user("fay@example.org", "Fay Cospeaker", PASSWORD, false).await;
    add_cospeaker(&w.c, &w.ada_code, "fay@example.org").await;
    let fay = client();
    assert_eq!(sign_in(&fay, app, "fay@example.org", PASSWORD).await.status(), 200);
    assert_eq!(add(&fay, app, &w.ada_code, "2027-03-10T08:00", "2027-03-10T12:00", "Arriving late").await.status(), 200);

    // Removing one.
    let first = rows(app).await.into_iter().find(|r| r.note == "Dentist").unwrap().id.to_string();
    let res = call(&w.ada, app, "availability/delete", &[("slug", SLUG), ("id", &first), ("code", &w.ada_code)]).await;
    assert_eq!(res.status(), 200);
    let (_, v) = mine(&w.ada, app).await;
    assert_eq!(listed(&v).len(), 2);
    assert!(!listed(&v).iter().any(|(_, note)| note == "Dentist"));
    assert_eq!(call(&w.ada, app, "availability/delete", &[("slug", SLUG), ("id", &first)]).await.status(), 404, "already gone");

    // What the schedule builder reads: every speaker's windows, by user id.
    let (ada_id, fay_id) = (user_id(app, "ada@example.org").await, user_id(app, "fay@example.org").await);
    let all = app::availability::service::unavailable_in(&app.state.db, w.c.event).await.unwrap();
    let mut got: Vec<(i32, String, String)> = all.iter().map(|u| (u.speaker, u.start.to_rfc3339(), u.end.to_rfc3339())).collect();
    got.sort();
    let mut want = vec![
        (ada_id, "2027-03-10T08:00:00+00:00".to_string(), "2027-03-10T09:30:00+00:00".to_string()),
        (ada_id, "2027-03-10T21:00:00+00:00".to_string(), "2027-03-10T23:00:00+00:00".to_string()),
        (fay_id, "2027-03-10T07:00:00+00:00".to_string(), "2027-03-10T11:00:00+00:00".to_string()),
    ];
    want.sort();
    assert_eq!(got, want);
    assert!(app::availability::service::unavailable_in(&app.state.db, w.c.event + 1000).await.unwrap().is_empty());

    // Without JavaScript the form posts and comes back to the proposal page.
    let plain = w
        .ada
        .post(app.url("/api/availability/add"))
        .header("Origin", &app.base_url)
        .header("Accept", "text/html,application/xhtml+xml")
        .form(&[("slug", SLUG), ("starts_at", "2027-03-10T18:00"), ("ends_at", "2027-03-10T19:00"), ("note", ""), ("code", &w.ada_code)])
        .send()
        .await
        .unwrap();
    assert_eq!(plain.status().as_u16() / 100, 3);
    assert_eq!(plain.headers()["location"].to_str().unwrap(), format!("/proposals/{}?unavailable_added=1#unavailability", w.ada_code));
    assert_eq!(rows(app).await.len(), 4);

    // The proposal page shows the section, rendered on the server with a form that works without JS.
    let (status, html) = get_text(&w.ada, app, &format!("/proposals/{}", w.ada_code)).await;
    assert_eq!(status, 200);
    for needle in ["When you cannot speak", "Wed 10 Mar 6:00 pm – 7:00 pm", "Night train", r#"type="datetime-local""#, "/api/availability/add", "/api/availability/delete"] {
        assert!(html.contains(needle), "{needle} in {html}");
    }
    assert!(html.contains(r#"for="f-unavailable-starts_at""#) && html.contains(r#"for="f-unavailable-note""#), "labelled fields");
    // Not on a rejected proposal's page.
    let (status, html) = get_text(&w.cy, app, &format!("/proposals/{}", w.cy_code)).await;
    assert_eq!(status, 200);
    assert!(html.contains("Gamma talk") && !html.contains("When you cannot speak"), "{html}");
    w.c.app.stop().await;
});

db_test!(bad_times_are_refused_with_a_reason_and_nothing_is_written, |backend: Backend| async move {
    let w = world(backend).await;
    let app = &w.c.app;
    let long = "x".repeat(201);
    let cases: [(&str, &str, &str, &str, &str); 7] = [
        ("", "2027-03-10T10:00", "", "starts_at", "Enter when it starts."),
        ("2027-03-10T10:00", "", "", "ends_at", "Enter when it ends."),
        ("tomorrow", "2027-03-10T10:00", "", "starts_at", "Enter a date and time like"),
        ("2027-03-10T11:00", "2027-03-10T10:00", "", "ends_at", "The end must be after the start."),
        ("2027-03-10T11:00", "2027-03-10T11:00", "", "ends_at", "The end must be after the start."),
        ("2027-03-11T09:00", "2027-03-11T10:00", "", "starts_at", "Choose a time during the event (10 March 2027)."),
        ("2027-03-10T09:00", "2027-03-10T10:00", &long, "note", "Keep the note under 200 characters."),
    ];
    for (start, end, note, field, message) in cases {
        let res = add(&w.ada, app, &w.ada_code, start, end, note).await;
        assert_eq!(res.status(), 422, "{start:?} {end:?}");
        let body = res.text().await.unwrap();
        assert!(body.contains(&format!(r#""field":"{field}""#)) && body.contains(message), "{start:?} {end:?}: {body}");
    }
    // Just before the event starts (23:59 on the eve, local) is outside too.
    let res = add(&w.ada, app, &w.ada_code, "2027-03-09T23:59", "2027-03-10T01:00", "").await;
    assert_eq!(res.status(), 422);
    assert!(rows(app).await.is_empty(), "nothing written");

    // At most 20 per speaker and event.
    for i in 0..20 {
        let (s, e) = (format!("2027-03-10T{i:02}:00"), format!("2027-03-10T{i:02}:30"));
        assert_eq!(add(&w.ada, app, &w.ada_code, &s, &e, "").await.status(), 200, "window {i}");
    }
    let res = add(&w.ada, app, &w.ada_code, "2027-03-10T21:00", "2027-03-10T22:00", "").await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("at most 20"));
    assert_eq!(rows(app).await.len(), 20);
    let (_, v) = mine(&w.ada, app).await;
    assert_eq!(v["can_add"], false);
    // Another speaker still may.
    assert_eq!(add(&w.bea, app, "", "2027-03-10T21:00", "2027-03-10T22:00", "").await.status(), 200);
    w.c.app.stop().await;
});

db_test!(only_speakers_holding_a_published_acceptance_may_state_times, |backend: Backend| async move {
    let w = world(backend).await;
    let app = &w.c.app;
    let f = w.c.formats[0];
    // Accepted, published, then declined by the speaker.
    let (dan, dan_code) = w.c.submit("dan@example.org", "Dan Speaker", "Delta talk", f).await;
    assert_eq!(w.c.decide(&dan_code, "accepted", "", "").await.status(), 200);
    assert_eq!(w.c.org_call("publish", &[]).await.status(), 200);
    // Accepted after that: not published yet.
    let (gus, gus_code) = w.c.submit("gus@example.org", "Gus Speaker", "Eta talk", f).await;
    assert_eq!(w.c.decide(&gus_code, "accepted", "", "").await.status(), 200);
    let answered = call(&dan, app, "selection/answer_mine", &[("code", &dan_code), ("answer", "decline")]).await;
    assert_eq!(answered.status(), 200);
    // A confirmed speaker keeps the right.
    let confirmed = call(&w.ada, app, "selection/answer_mine", &[("code", &w.ada_code), ("answer", "confirm")]).await;
    assert_eq!(confirmed.status(), 200);
    assert_eq!(add(&w.ada, app, &w.ada_code, "2027-03-10T10:00", "2027-03-10T11:00", "").await.status(), 200);
    let before = rows(app).await.len();

    let outsider = client();
    app.create_user("zed@example.org", "Zed", PASSWORD, false).await;
    assert_eq!(sign_in(&outsider, app, "zed@example.org", PASSWORD).await.status(), 200);
    for (who, c) in [("rejected", &w.cy), ("declined", &dan), ("organiser", &w.c.org), ("no proposal", &outsider)] {
        assert_eq!(mine(c, app).await.0, 403, "{who} lists");
        let res = add(c, app, "", "2027-03-10T10:00", "2027-03-10T11:00", "").await;
        assert_eq!(res.status(), 403, "{who} adds");
        let refusal: app::error::AppError = serde_json::from_str(&res.text().await.unwrap()).expect("an error body");
        assert_eq!(refusal.to_string(), "You are not allowed to do that.", "{who}: a readable refusal");
    }
    assert_eq!(mine(&gus, app).await.0, 403, "an unpublished acceptance gives no right");
    assert_eq!(add(&gus, app, &gus_code, "2027-03-10T10:00", "2027-03-10T11:00", "").await.status(), 403);

    let anon = client();
    assert_eq!(mine(&anon, app).await.0, 401);
    assert_eq!(add(&anon, app, "", "2027-03-10T10:00", "2027-03-10T11:00", "").await.status(), 401);
    let res = call(&w.ada, app, "availability/mine", &[("slug", "no-such-event")]).await;
    assert_eq!(res.status(), 404);
    assert_eq!(rows(app).await.len(), before, "nothing written by refusals");

    // The declined speaker's page has no section; the confirmed one's has.
    let (_, html) = get_text(&dan, app, &format!("/proposals/{dan_code}")).await;
    assert!(html.contains("Delta talk") && !html.contains("When you cannot speak"));
    let (_, html) = get_text(&w.ada, app, &format!("/proposals/{}", w.ada_code)).await;
    assert!(html.contains("When you cannot speak"));
    w.c.app.stop().await;
});

db_test!(a_speaker_removes_only_their_own_times, |backend: Backend| async move {
    let w = world(backend).await;
    let app = &w.c.app;
    assert_eq!(add(&w.ada, app, &w.ada_code, "2027-03-10T10:00", "2027-03-10T11:00", "Ada's").await.status(), 200);
    let id = rows(app).await[0].id.to_string();
    let res = call(&w.bea, app, "availability/delete", &[("slug", SLUG), ("id", &id)]).await;
    assert_eq!(res.status(), 404, "another speaker's window is not found");
    assert_eq!(call(&w.bea, app, "availability/delete", &[("slug", SLUG), ("id", "not-a-number")]).await.status(), 404);
    assert_eq!(call(&w.cy, app, "availability/delete", &[("slug", SLUG), ("id", &id)]).await.status(), 403);
    assert_eq!(rows(app).await.len(), 1, "still there");
    assert_eq!(call(&w.ada, app, "availability/delete", &[("slug", SLUG), ("id", &id)]).await.status(), 200);
    assert!(rows(app).await.is_empty());
    w.c.app.stop().await;
});

db_test!(a_time_on_the_day_the_clocks_change_round_trips, |backend: Backend| async move {
    let w = world(backend).await;
    let app = &w.c.app;
    // Move the event over the spring clock change: 27–29 March 2027 in Paris.
    let e = event::Entity::find_by_id(w.c.event).one(&app.state.db).await.unwrap().unwrap();
    let mut e: event::ActiveModel = e.into();
    e.start_date = Set(chrono::NaiveDate::from_ymd_opt(2027, 3, 27).unwrap());
    e.end_date = Set(chrono::NaiveDate::from_ymd_opt(2027, 3, 29).unwrap());
    e.update(&app.state.db).await.unwrap();

    assert_eq!(add(&w.ada, app, &w.ada_code, "2027-03-28T10:00", "2027-03-28T11:30", "Summer time").await.status(), 200);
    assert_eq!(add(&w.ada, app, &w.ada_code, "2027-03-27T10:00", "2027-03-27T11:00", "Winter time").await.status(), 200);
    let stored = rows(app).await;
    assert_eq!(stored[0].starts_at.to_rfc3339(), "2027-03-28T08:00:00+00:00", "10:00 in Paris is 08:00 UTC after the change");
    assert_eq!(stored[0].ends_at.to_rfc3339(), "2027-03-28T09:30:00+00:00");
    assert_eq!(stored[1].starts_at.to_rfc3339(), "2027-03-27T09:00:00+00:00", "and 09:00 UTC the day before");
    let (_, v) = mine(&w.ada, app).await;
    assert_eq!(
        listed(&v),
        [("Sat 27 Mar 10:00 am – 11:00 am".to_string(), "Winter time".to_string()), ("Sun 28 Mar 10:00 am – 11:30 am".to_string(), "Summer time".to_string())]
    );
    assert_eq!(v["dates"], "27–29 March 2027");
    // 02:30 does not exist that night.
    let res = add(&w.ada, app, &w.ada_code, "2027-03-28T02:30", "2027-03-28T04:00", "").await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("does not exist"));
    assert_eq!(rows(app).await.len(), 2);
    w.c.app.stop().await;
});
