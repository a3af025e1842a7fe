//! What the public never reads and reviewers never hold, on SQLite and PostgreSQL: the details a
//! speaker writes for the reviewers stay out of every public page, export and API answer; a talk is
//! public once placed in a published version, before or without its speakers' confirmation; review
//! pages and their JSON know proposals by a review code, never by the public code of the talk.
use estrade_tests::http::{call, client, get_text};
use estrade_tests::review::{member, review, review_code_of};
use estrade_tests::schedule::sched;
use estrade_tests::selection::SLUG;
use estrade_tests::{db_test, Backend, Setup, TestApp};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

const DETAILS: &str = "PRIVATE-DETAILS-5b2e: the demo may fail, the CTO still has to approve";

/// Every public address of the published programme: pages, exports, calendars, REST API.
async fn public_paths(app: &TestApp, codes: &[String]) -> Vec<String> {
    let (_, speakers) = get_text(&client(), app, &format!("/api/v1/events/{SLUG}/speakers")).await;
    let speakers: serde_json::Value = serde_json::from_str(&speakers).unwrap();
    let speaker_codes: Vec<String> =
        speakers["items"].as_array().unwrap().iter().map(|s| s["code"].as_str().unwrap().to_string()).collect();
    assert!(!speaker_codes.is_empty());
    let all = codes.join(",");
    let mut paths = vec![
        format!("/events/{SLUG}/agenda"),
        format!("/events/{SLUG}/my?talks={all}"),
        format!("/events/{SLUG}/now"),
        format!("/events/{SLUG}/changes"),
        format!("/{SLUG}/schedule.json"),
        format!("/{SLUG}/schedule.xml"),
        format!("/{SLUG}/schedule.ics"),
        format!("/{SLUG}/v/1/schedule.json"),
        format!("/{SLUG}/v/1/schedule.xml"),
        format!("/{SLUG}/faved.ics?talks={all}"),
        format!("/api/v1/events/{SLUG}/talks"),
        format!("/api/v1/events/{SLUG}/schedule"),
        format!("/api/v1/events/{SLUG}/speakers"),
    ];
    for code in codes {
        paths.push(format!("/events/{SLUG}/talk/{code}"));
        paths.push(format!("/{SLUG}/talk/{code}.ics"));
        paths.push(format!("/api/v1/events/{SLUG}/talks/{code}"));
        paths.push(format!("/api/agenda/talk?slug={SLUG}&code={code}"));
    }
    for code in speaker_codes {
        paths.push(format!("/events/{SLUG}/speaker/{code}"));
        paths.push(format!("/api/v1/events/{SLUG}/speakers/{code}"));
    }
    paths
}

db_test!(details_for_the_reviewers_stay_out_of_every_public_output, |backend: Backend| async move {
    let s = sched(backend, Setup::default()).await;
    let app = &s.c.app;
    app::entities::proposal::Entity::update_many()
        .col_expr(app::entities::proposal::Column::Details, Expr::value(DETAILS))
        .filter(app::entities::proposal::Column::EventId.eq(s.c.event))
        .exec(&app.state.db)
        .await
        .unwrap();
    s.publish_sample().await;
    let anonymous = client();
    for path in public_paths(app, &s.codes).await {
        let (status, body) = get_text(&anonymous, app, &path).await;
        assert_eq!(status, 200, "{path}: {body}");
        assert!(!body.contains("PRIVATE-DETAILS-5b2e"), "{path} shows the reviewers' details: {body}");
    }
    // The public abstract is there (the pages above are the real ones).
    let (_, talk) = get_text(&anonymous, app, &format!("/events/{SLUG}/talk/{}", s.codes[0])).await;
    assert!(talk.contains("Alpha talk") && talk.contains("Ada Speaker"), "{talk}");
    let (_, json) = get_text(&anonymous, app, &format!("/{SLUG}/schedule.json")).await;
    assert!(json.contains("\"abstract\"") && json.contains("\"description\": \"\""), "{json}");
    s.c.app.stop().await;
});

db_test!(a_talk_is_public_once_published_whether_or_not_its_speakers_confirmed, |backend: Backend| async move {
    let s = sched(backend, Setup::default()).await;
    let app = &s.c.app;
    // Decisions are mailed with a deadline to confirm; nobody has answered yet.
    assert_eq!(s.c.settings(true, "").await.status(), 200);
    assert_eq!(s.c.org_call("publish", &[]).await.status(), 200);
    s.publish_sample().await;
    let agenda = format!("/events/{SLUG}/agenda");
    let (_, html) = get_text(&client(), app, &agenda).await;
    assert!(html.contains("Alpha talk") && html.contains("Gamma talk"), "unconfirmed talks are on the published agenda: {html}");

    // Cy declines Gamma: the published version stays as it was published...
    let cy = client();
    estrade_tests::http::sign_in(&cy, app, "cy@example.org", estrade_tests::selection::PASSWORD).await;
    let answered = call(&cy, app, "selection/answer_mine", &[("code", &s.codes[2]), ("answer", "decline")]).await;
    assert_eq!(answered.status(), 200);
    let (_, json) = get_text(&client(), app, &format!("/{SLUG}/schedule.json")).await;
    assert!(json.contains("Gamma talk"), "{json}");
    // ...until the organisers publish again, which lists it as removed.
    assert_eq!(s.call("publish", &[("name", "")]).await.status(), 200);
    TestApp::eventually("Gamma gone from the agenda", std::time::Duration::from_secs(10), || async {
        let (_, html) = get_text(&client(), app, &agenda).await;
        html.contains("Alpha talk") && !html.contains("Gamma talk")
    })
    .await;
    let (_, changes) = get_text(&client(), app, &format!("/events/{SLUG}/changes")).await;
    assert!(changes.contains("Removed “Gamma talk”"), "{changes}");
    s.c.app.stop().await;
});

db_test!(review_pages_and_their_json_never_carry_a_public_talk_code, |backend: Backend| async move {
    let s = sched(backend, Setup::default()).await;
    let app = &s.c.app;
    s.publish_sample().await;
    let rev = member(app, s.c.event, "rhea@example.org", "Rhea Reviewer", "reviewer").await;
    let has_public_code = |text: &str| s.codes.iter().find(|c| text.contains(c.as_str())).cloned();

    let queue = call(&rev, app, "review/queue", &[("slug", SLUG), ("format", ""), ("track", "")]).await.text().await.unwrap();
    assert_eq!(has_public_code(&queue), None, "queue JSON: {queue}");
    let queue: serde_json::Value = serde_json::from_str(&queue).unwrap();
    let items = queue["items"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    let (_, page) = get_text(&rev, app, &format!("/review/{SLUG}")).await;
    assert!(page.contains("Alpha talk"), "{page}");
    assert_eq!(has_public_code(&page), None, "queue page: {page}");

    for item in items {
        let code = item["code"].as_str().unwrap();
        let subject = call(&rev, app, "review/subject", &[("slug", SLUG), ("code", code)]).await;
        assert_eq!(subject.status(), 200);
        let subject = subject.text().await.unwrap();
        assert_eq!(has_public_code(&subject), None, "subject JSON: {subject}");
        let (status, page) = get_text(&rev, app, &format!("/review/{SLUG}/{code}")).await;
        assert_eq!(status, 200);
        assert!(page.contains(item["title"].as_str().unwrap()), "{page}");
        assert_eq!(has_public_code(&page), None, "review page: {page}");
    }
    // The public code opens nothing on the review side, and saving answers with review codes only.
    for code in &s.codes {
        assert_eq!(call(&rev, app, "review/subject", &[("slug", SLUG), ("code", code)]).await.status(), 404);
    }
    let alpha = review_code_of(app, &s.codes[0]).await;
    let saved = call(&rev, app, "review/save", &[("slug", SLUG), ("code", &alpha), ("score", "4"), ("comment", ""), ("next", "")]).await;
    let location = saved.headers().get("serverfnredirect").or(saved.headers().get("location")).map(|v| v.to_str().unwrap().to_string());
    assert!(saved.status().is_success() || saved.status().is_redirection(), "{}", saved.status());
    if let Some(location) = location {
        assert_eq!(has_public_code(&location), None, "{location}");
    }
    assert_eq!(review(&rev, app, SLUG, &s.codes[1], "3", "").await.status(), 200, "the fixture translates public codes");
    s.c.app.stop().await;
});
