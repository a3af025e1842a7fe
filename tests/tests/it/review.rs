//! Reviewing, on SQLite and PostgreSQL: anonymity holds in every response a reviewer can get,
//! conflicts of interest keep proposals out of a queue, one review per reviewer and proposal.
use estrade_tests::cfp::event_with_cfp;
use estrade_tests::http::call;
use estrade_tests::review::{member, review, review_code_of, reviews_of, set_company, speaker_submits};
use estrade_tests::{db_test, Backend, TestApp};

const TITLE: &str = "Golden paths, forty teams later";

/// Everything a reviewer can ask for about the event and the proposal, as text.
async fn everything_a_reviewer_sees(c: &reqwest::Client, app: &TestApp, slug: &str, code: &str) -> String {
    let mut seen = String::new();
    let review_code = review_code_of(app, code).await;
    for path in [
        "/review".to_string(),
        format!("/review/{slug}"),
        format!("/review/{slug}/{review_code}"),
        format!("/admin/events/{slug}/proposals"),
        format!("/admin/events/{slug}/proposals/{code}"),
        format!("/admin/events/{slug}/proposals.csv"),
        format!("/proposals/{code}"),
    ] {
        seen.push_str(&c.get(app.url(&path)).send().await.unwrap().text().await.unwrap());
    }
    let none = [("slug", slug), ("format", ""), ("track", ""), ("level", ""), ("language", ""), ("state", ""), ("q", "")];
    for (endpoint, form) in [
        ("review/events", vec![]),
        ("review/queue", vec![("slug", slug), ("format", ""), ("track", "")]),
        ("review/subject", vec![("slug", slug), ("code", review_code.as_str())]),
        ("organizer/proposals", none.to_vec()),
        ("organizer/proposal", vec![("slug", slug), ("code", code)]),
        ("cfp/proposal", vec![("code", code)]),
    ] {
        seen.push_str(&call(c, app, endpoint, &form).await.text().await.unwrap());
    }
    seen
}

db_test!(anonymous_review_shows_no_speaker_identity_anywhere, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let (event, format, track) = event_with_cfp(&app, "anon-conf", chrono::Utc::now() + chrono::Duration::days(30)).await;
    let (_, code) = speaker_submits(&app, "anon-conf", "zelda.quartermaine@example.org", "Zelda Quartermaine", TITLE, format, track).await;
    set_company(&app, "zelda.quartermaine@example.org", "Umbrella Logistics").await;
    let rev = member(&app, event, "rev@example.org", "Rita Reviewer", "reviewer").await;

    let seen = everything_a_reviewer_sees(&rev, &app, "anon-conf", &code).await;
    assert!(seen.contains(TITLE), "the reviewer does see the proposal");
    for identity in ["Zelda", "Quartermaine", "zelda.quartermaine", "Umbrella"] {
        assert!(!seen.contains(identity), "{identity} leaked to an anonymous reviewer");
    }

    // Once organisers lift anonymity, the same responses name the speaker: the search above can fail.
    let mut s: app::entities::review_settings::ActiveModel =
        app::review::settings::settings_of(&app.state.db, event, app.state.clock.now()).await.unwrap().into();
    s.anonymous = sea_orm::Set(false);
    sea_orm::ActiveModelTrait::update(s, &app.state.db).await.unwrap();
    let seen = everything_a_reviewer_sees(&rev, &app, "anon-conf", &code).await;
    assert!(seen.contains("Zelda Quartermaine") && seen.contains("Umbrella Logistics"));
    assert!(!seen.contains("zelda.quartermaine@"), "emails stay with organisers");
    app.stop().await;
});

db_test!(conflicts_of_interest_keep_proposals_out_of_a_queue, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let (event, format, track) = event_with_cfp(&app, "coi-conf", chrono::Utc::now() + chrono::Duration::days(30)).await;
    let (_, colleague) = speaker_submits(&app, "coi-conf", "cole@example.org", "Cole", "Written by a colleague", format, track).await;
    let (_, stranger) = speaker_submits(&app, "coi-conf", "sten@example.org", "Sten", TITLE, format, track).await;
    set_company(&app, "cole@example.org", "ACME Corp").await;
    // A reviewer who also submitted a talk: never sees it, nor its reviews.
    let rev = member(&app, event, "rev@example.org", "Rae", "reviewer").await;
    set_company(&app, "rev@example.org", " acme  corp ").await;
    let own_form = estrade_tests::cfp::with(
        estrade_tests::cfp::proposal_form("coi-conf", "rae-own-talk-key", format, track, "submit"),
        "title",
        "The reviewer's own talk",
    );
    let res = estrade_tests::cfp::send(&rev, &app, "cfp/save", &own_form).await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let own = estrade_tests::cfp::code_of(&app, "The reviewer's own talk").await;
    let org = member(&app, event, "org@example.org", "Oona", "organizer").await;
    assert_eq!(review(&org, &app, "coi-conf", &own, "4", "Solid.").await.status(), 200);

    let queue: serde_json::Value = call(&rev, &app, "review/queue", &[("slug", "coi-conf"), ("format", ""), ("track", "")]).await.json().await.unwrap();
    let codes: Vec<&str> = queue["items"].as_array().unwrap().iter().map(|i| i["code"].as_str().unwrap()).collect();
    assert_eq!(codes, [review_code_of(&app, &stranger).await.as_str()]);
    assert_eq!((queue["total"].as_u64(), queue["excluded"].as_u64()), (Some(1), Some(2)));
    for hidden in [&own, &colleague] {
        let hidden_code = review_code_of(&app, hidden).await;
        assert_eq!(call(&rev, &app, "review/subject", &[("slug", "coi-conf"), ("code", &hidden_code)]).await.status(), 404);
        assert_eq!(review(&rev, &app, "coi-conf", hidden, "5", "").await.status(), 404);
    }
    assert_eq!(reviews_of(&app, &own).await.len(), 1, "only the organiser's review");

    // The organisers' conflicts page lists the flag (not the reviewer's own talk: that one cannot be lifted).
    let page = org.get(app.url("/admin/events/coi-conf/conflicts")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Written by a colleague") && page.contains("Rae") && !page.contains("The reviewer's own talk"), "{page}");
    assert_eq!(rev.get(app.url("/admin/events/coi-conf/conflicts")).send().await.unwrap().status(), 403);
    // An organiser may let the reviewer review the colleague's proposal; never their own.
    let res = call(&org, &app, "review/allow", &[("slug", "coi-conf"), ("code", &colleague), ("email", "rev@example.org")]).await;
    assert_eq!(res.status(), 200);
    assert_eq!(review(&rev, &app, "coi-conf", &colleague, "3", "").await.status(), 200);
    let res = call(&org, &app, "review/allow", &[("slug", "coi-conf"), ("code", &own), ("email", "rev@example.org")]).await;
    assert_eq!(res.status(), 409);
    let own_code = review_code_of(&app, &own).await;
    assert_eq!(call(&rev, &app, "review/subject", &[("slug", "coi-conf"), ("code", &own_code)]).await.status(), 404);
    // A reviewer cannot give themselves that permission.
    let res = call(&rev, &app, "review/allow", &[("slug", "coi-conf"), ("code", &own), ("email", "rev@example.org")]).await;
    assert_eq!(res.status(), 403);
    app.stop().await;
});

db_test!(one_review_per_reviewer_even_at_the_same_instant, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let (event, format, track) = event_with_cfp(&app, "same-conf", chrono::Utc::now() + chrono::Duration::days(30)).await;
    let (_, code) = speaker_submits(&app, "same-conf", "sam@example.org", "Sam", TITLE, format, track).await;
    let a = member(&app, event, "a@example.org", "Ann", "reviewer").await;
    let b = member(&app, event, "b@example.org", "Bob", "reviewer").await;

    let (ra, rb) = tokio::join!(review(&a, &app, "same-conf", &code, "4", "Clear."), review(&b, &app, "same-conf", &code, "2", "Vague."));
    assert_eq!((ra.status().as_u16(), rb.status().as_u16()), (200, 200));
    let (r1, r2) = tokio::join!(review(&a, &app, "same-conf", &code, "5", "Clearer."), review(&a, &app, "same-conf", &code, "none", "Changed my mind."));
    assert_eq!((r1.status().as_u16(), r2.status().as_u16()), (200, 200));

    let stored = reviews_of(&app, &code).await;
    assert_eq!(stored.len(), 2, "one row per reviewer: {stored:?}");
    assert_eq!(stored[1], ("b@example.org".into(), Some(2), "Vague.".into()));
    assert!(matches!(stored[0].1, Some(5) | None), "Ann's last save wins: {stored:?}");

    let bad = review(&a, &app, "same-conf", &code, "7", "").await;
    assert_eq!(bad.status(), 422);
    assert!(bad.text().await.unwrap().contains("Choose a score from 0 to 5"));
    app.stop().await;
});

db_test!(reviews_close_and_stay_within_their_event, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let end = chrono::Utc::now() + chrono::Duration::days(30);
    let (event_a, format, track) = event_with_cfp(&app, "conf-a", end).await;
    let (_, format_b, track_b) = event_with_cfp(&app, "conf-b", end).await;
    let (speaker, code) = speaker_submits(&app, "conf-a", "sam@example.org", "Sam", TITLE, format, track).await;
    let (_, code_b) = speaker_submits(&app, "conf-b", "tim@example.org", "Tim", "Talk for B", format_b, track_b).await;
    let rev = member(&app, event_a, "rev@example.org", "Rae", "reviewer").await;

    assert_eq!(call(&rev, &app, "review/queue", &[("slug", "conf-b"), ("format", ""), ("track", "")]).await.status(), 403);
    let review_b = review_code_of(&app, &code_b).await;
    assert_eq!(call(&rev, &app, "review/subject", &[("slug", "conf-b"), ("code", &review_b)]).await.status(), 403);
    assert_eq!(call(&rev, &app, "review/subject", &[("slug", "conf-a"), ("code", &review_b)]).await.status(), 404);
    assert_eq!(review(&rev, &app, "conf-a", &code, "1", "A secret comment for the team.").await.status(), 200);

    // The speaker never reads scores or comments.
    let mine = call(&speaker, &app, "cfp/proposal", &[("code", &code)]).await.text().await.unwrap();
    assert!(mine.contains(TITLE) && !mine.contains("A secret comment"), "{mine}");
    let review_a = review_code_of(&app, &code).await;
    assert_eq!(call(&speaker, &app, "review/subject", &[("slug", "conf-a"), ("code", &review_a)]).await.status(), 403);

    // Reviews close at their date: later saves are refused and change nothing.
    let close = chrono::Utc::now() + chrono::Duration::days(2);
    let mut s: app::entities::review_settings::ActiveModel =
        app::review::settings::settings_of(&app.state.db, event_a, app.state.clock.now()).await.unwrap().into();
    s.reviews_close_at = sea_orm::Set(Some(close));
    sea_orm::ActiveModelTrait::update(s, &app.state.db).await.unwrap();
    app.state.clock.set(Some(close));
    let res = review(&rev, &app, "conf-a", &code, "5", "").await;
    assert_eq!(res.status(), 409);
    assert!(res.text().await.unwrap().contains("Reviews are closed"));
    assert_eq!(reviews_of(&app, &code).await[0].1, Some(1));
    app.stop().await;
});
