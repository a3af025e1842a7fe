//! Organisers' view of the call for papers, on SQLite and PostgreSQL: drafts stay hidden, one
//! event's organisers see nothing of another, formats in use cannot be deleted, CSV export.
use estrade_tests::cfp::{code_of, event_with_cfp, proposal_form, send, with};
use estrade_tests::http::{call, client, sign_in, sign_up};
use estrade_tests::{db_test, Backend, TestApp};

const PASSWORD: &str = "correct horse battery";

fn list_query(slug: &str) -> Vec<(&str, &str)> {
    vec![("slug", slug), ("format", ""), ("track", ""), ("level", ""), ("language", ""), ("state", ""), ("q", "")]
}

db_test!(organisers_see_submitted_proposals_of_their_event_only, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let end = chrono::Utc::now() + chrono::Duration::days(30);
    let (event_a, format, track) = event_with_cfp(&app, "conf-a", end).await;
    let (event_b, format_b, track_b) = event_with_cfp(&app, "conf-b", end).await;
    let speaker = client();
    sign_up(&speaker, &app, "tess@example.org", "Tess", PASSWORD).await;
    let submitted = send(&speaker, &app, "cfp/save", &proposal_form("conf-a", "submitted-key", format, track, "submit")).await;
    assert_eq!(submitted.status(), 200);
    let draft = with(proposal_form("conf-a", "draft-key-1", format, track, "draft"), "title", "A secret draft");
    assert_eq!(send(&speaker, &app, "cfp/save", &draft).await.status(), 200);
    let other = with(proposal_form("conf-b", "b-event-key", format_b, track_b, "submit"), "title", "Talk for B");
    assert_eq!(send(&speaker, &app, "cfp/save", &other).await.status(), 200);

    app.create_user("org@example.org", "Org A", PASSWORD, false).await;
    app.create_user("rev@example.org", "Rev A", PASSWORD, false).await;
    app.grant("org@example.org", event_a, "organizer").await;
    app.grant("rev@example.org", event_a, "reviewer").await;
    let (org, rev) = (client(), client());
    sign_in(&org, &app, "org@example.org", PASSWORD).await;
    sign_in(&rev, &app, "rev@example.org", PASSWORD).await;

    let list: serde_json::Value = call(&org, &app, "organizer/proposals", &list_query("conf-a")).await.json().await.unwrap();
    let titles: Vec<&str> = list["rows"].as_array().unwrap().iter().map(|r| r["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["Golden paths, forty teams later"], "drafts are invisible to organisers");
    assert_eq!(list["rows"][0]["speakers"][0], "Tess");
    let draft_code = code_of(&app, "A secret draft").await;
    let res = call(&org, &app, "organizer/proposal", &[("slug", "conf-a"), ("code", &draft_code)]).await;
    assert_eq!(res.status(), 404);

    // Event B belongs to other organisers: nothing of it, by list, by code or by CSV.
    assert_eq!(call(&org, &app, "organizer/proposals", &list_query("conf-b")).await.status(), 403);
    let b_code = code_of(&app, "Talk for B").await;
    assert_ne!(call(&org, &app, "organizer/proposal", &[("slug", "conf-b"), ("code", &b_code)]).await.status(), 200);
    assert_eq!(call(&org, &app, "organizer/proposal", &[("slug", "conf-a"), ("code", &b_code)]).await.status(), 404);
    assert_eq!(org.get(app.url("/admin/events/conf-b/proposals.csv")).send().await.unwrap().status(), 403);
    // A reviewer of A does not get the organisers' table (anonymous review comes with its own view).
    assert_eq!(call(&rev, &app, "organizer/proposals", &list_query("conf-a")).await.status(), 403);
    assert_eq!(rev.get(app.url("/admin/events/conf-a/proposals.csv")).send().await.unwrap().status(), 403);
    let _ = event_b;

    let csv = org.get(app.url("/admin/events/conf-a/proposals.csv")).send().await.unwrap();
    assert_eq!(csv.status(), 200);
    assert!(csv.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    let body = csv.text().await.unwrap();
    assert!(body.contains("tess@example.org"), "{body}");
    assert!(!body.contains("A secret draft") && !body.contains("Talk for B"), "{body}");
    app.stop().await;
});

db_test!(a_format_in_use_cannot_be_deleted, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let (event, format, track) = event_with_cfp(&app, "fmt-conf", chrono::Utc::now() + chrono::Duration::days(30)).await;
    let speaker = client();
    sign_up(&speaker, &app, "uma@example.org", "Uma", PASSWORD).await;
    send(&speaker, &app, "cfp/save", &proposal_form("fmt-conf", "fmt-form-key", format, track, "submit")).await;
    app.create_user("org2@example.org", "Org", PASSWORD, false).await;
    app.grant("org2@example.org", event, "organizer").await;
    let org = client();
    sign_in(&org, &app, "org2@example.org", PASSWORD).await;

    let res = call(&org, &app, "organizer/delete_format", &[("slug", "fmt-conf"), ("id", &format.to_string())]).await;
    assert_eq!(res.status(), 409);
    assert!(res.text().await.unwrap().contains("hide it instead"));
    let formats = app::events::cfp_settings::formats_of(&app.state.db, event, true).await.unwrap();
    assert_eq!(formats.len(), 3, "nothing deleted");
    let unused = formats[2].id.to_string();
    assert_eq!(call(&org, &app, "organizer/delete_format", &[("slug", "fmt-conf"), ("id", &unused)]).await.status(), 200);
    assert_eq!(app::events::cfp_settings::formats_of(&app.state.db, event, true).await.unwrap().len(), 2);
    app.stop().await;
});
