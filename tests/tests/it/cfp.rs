//! Call for papers, speaker side, through the real router on SQLite and PostgreSQL.
use std::time::Duration;

use app::formats::zoned::local_to_utc;
use estrade_tests::cfp::{code_of, event_with_cfp, proposal_count, proposal_form, send, with, ABSTRACT};
use estrade_tests::http::{call, client, get_text, sign_up};
use estrade_tests::{db_test, Backend, TestApp};

const PASSWORD: &str = "correct horse battery";
const TITLE: &str = "Golden paths, forty teams later";

fn far_future() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now() + chrono::Duration::days(30)
}

db_test!(submitting_one_second_after_the_close_fails_in_a_dst_week, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    // Clocks went back that very morning in Paris: 23:59 local is 22:59 UTC, not 21:59.
    let closes = local_to_utc("2026-10-25T23:59", chrono_tz::Europe::Paris).unwrap();
    assert_eq!(closes.to_rfc3339(), "2026-10-25T22:59:00+00:00");
    let (_, format, track) = event_with_cfp(&app, "dst-conf", closes).await;
    let c = client();
    sign_up(&c, &app, "ines@example.org", "Inès", PASSWORD).await;

    app.state.clock.set(Some(closes - chrono::Duration::seconds(1)));
    let res = send(&c, &app, "cfp/save", &proposal_form("dst-conf", "key-before-close", format, track, "submit")).await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());

    app.state.clock.set(Some(closes + chrono::Duration::seconds(1)));
    let late = with(proposal_form("dst-conf", "key-after-close", format, track, "submit"), "title", "One second too late");
    let res = send(&c, &app, "cfp/save", &late).await;
    assert_eq!(res.status(), 409);
    let body = res.text().await.unwrap();
    assert!(body.contains("CFP closed"), "{body}");
    assert!(body.contains("Sunday 25 October 2026, 11:59 pm Europe/Paris"), "{body}");
    assert_eq!(proposal_count(&app).await, 1);

    // Editing the proposal that made it in is closed too.
    let code = code_of(&app, TITLE).await;
    let edit = with(proposal_form("dst-conf", "key-before-close", format, track, "submit"), "code", &code);
    assert_eq!(send(&c, &app, "cfp/save", &edit).await.status(), 409);
    app.stop().await;
});

db_test!(a_speaker_cannot_reach_another_speakers_proposal, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let (_, format, track) = event_with_cfp(&app, "own-conf", far_future()).await;
    let (alice, bob) = (client(), client());
    sign_up(&alice, &app, "alice@example.org", "Alice", PASSWORD).await;
    sign_up(&bob, &app, "bob@example.org", "Bob", PASSWORD).await;
    let res = send(&alice, &app, "cfp/save", &proposal_form("own-conf", "alice-form-1", format, track, "submit")).await;
    assert_eq!(res.status(), 200);
    let code = code_of(&app, TITLE).await;

    assert_eq!(call(&alice, &app, "cfp/proposal", &[("code", &code)]).await.status(), 200);
    for (endpoint, form) in [
        ("cfp/proposal", vec![("code", code.as_str())]),
        ("cfp/editor", vec![("code", code.as_str())]),
        ("cfp/withdraw", vec![("code", code.as_str())]),
        ("cfp/invite", vec![("code", code.as_str()), ("email", "bob@example.org")]),
    ] {
        let res = call(&bob, &app, endpoint, &form).await;
        assert_eq!(res.status(), 404, "{endpoint} must not reveal Alice's proposal");
    }
    let edit = with(with(proposal_form("own-conf", "bob-form", format, track, "submit"), "code", &code), "title", "Hijacked");
    assert_eq!(send(&bob, &app, "cfp/save", &edit).await.status(), 404);
    let (status, _) = get_text(&bob, &app, &format!("/proposals/{code}")).await;
    assert_ne!(status, 200);
    let mine: serde_json::Value = call(&bob, &app, "cfp/mine", &[]).await.json().await.unwrap();
    assert_eq!(mine.as_array().map(Vec::len), Some(0));
    assert_eq!(code_of(&app, TITLE).await, code, "unchanged");
    app.stop().await;
});

db_test!(a_double_click_on_submit_creates_one_proposal_and_one_mail, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let (_, format, track) = event_with_cfp(&app, "twice-conf", far_future()).await;
    let c = client();
    sign_up(&c, &app, "carl@example.org", "Carl", PASSWORD).await;
    let form = proposal_form("twice-conf", "double-click-key", format, track, "submit");
    let (a, b) = tokio::join!(send(&c, &app, "cfp/save", &form), send(&c, &app, "cfp/save", &form));
    assert_eq!(a.status(), 200);
    assert_eq!(b.status(), 200);
    assert_eq!(proposal_count(&app).await, 1);
    TestApp::eventually("the confirmation mail", Duration::from_secs(10), || async {
        app.mail_files().iter().any(|m| m.subject.contains("Proposal received"))
    })
    .await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let confirmations = app.mail_files().into_iter().filter(|m| m.subject.contains("Proposal received")).count();
    assert_eq!(confirmations, 1);
    app.stop().await;
});

db_test!(bad_proposals_get_field_errors_and_write_nothing, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let (_, format, track) = event_with_cfp(&app, "strict-conf", far_future()).await;
    let c = client();
    sign_up(&c, &app, "dora@example.org", "Dora", PASSWORD).await;
    let bad = with(with(proposal_form("strict-conf", "bad-form-1", format, track, "submit"), "title", "Hey"), "summary", &"a".repeat(99));
    let bad = with(with(bad, "format_id", ""), "track_id", "999999");
    let res = send(&c, &app, "cfp/save", &bad).await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    for msg in ["at least 5 characters", "at least 100 characters", "Choose a format", "Choose a track"] {
        assert!(body.contains(msg), "{body} lacks {msg}");
    }
    let long = with(proposal_form("strict-conf", "bad-form-2", format, track, "draft"), "details", &"d".repeat(5001));
    assert_eq!(send(&c, &app, "cfp/save", &long).await.status(), 422);
    assert_eq!(proposal_count(&app).await, 0);
    assert!(app::entities::talk::Entity::find().all(&app.state.db).await.unwrap().is_empty(), "no library talk either");

    // A draft needs only a title; submitting it later asks for the rest.
    let draft =
        with(with(with(proposal_form("strict-conf", "draft-form", format, track, "draft"), "summary", ""), "level", ""), "format_id", "");
    assert_eq!(send(&c, &app, "cfp/save", &draft).await.status(), 200);
    let code = code_of(&app, TITLE).await;
    let submit = with(with(draft.clone(), "code", &code), "intent", "submit");
    assert_eq!(send(&c, &app, "cfp/save", &submit).await.status(), 422);
    app.stop().await;
});

db_test!(markdown_is_stored_as_typed_and_rendered_inert, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let (_, format, track) = event_with_cfp(&app, "md-conf", far_future()).await;
    let c = client();
    sign_up(&c, &app, "mal@example.org", "Mal", PASSWORD).await;
    let nasty = format!(
        "{ABSTRACT}\n\n<script>alert('abstract')</script>\n\n[docs](javascript:alert('link'))\n\n<img src=x onerror=\"alert('img')\">"
    );
    let form = with(proposal_form("md-conf", "md-form-key", format, track, "submit"), "summary", &nasty);
    let res = send(&c, &app, "cfp/save", &form).await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let code = code_of(&app, TITLE).await;
    let stored = app::cfp::access::as_speaker(&app.state.db, &code, &speaker(&app, "mal@example.org").await).await.unwrap();
    assert_eq!(stored.summary, nasty.trim(), "stored as typed");

    let json: serde_json::Value = call(&c, &app, "cfp/proposal", &[("code", &code)]).await.json().await.unwrap();
    assert_eq!(json["talk"]["summary"], nasty.trim(), "the speaker gets back what they typed");
    let rendered_json = json["summary_html"].as_str().unwrap().to_string();
    let (status, html) = get_text(&c, &app, &format!("/proposals/{code}")).await;
    assert_eq!(status, 200);
    for rendered in [&rendered_json, &html] {
        if let Some(i) = rendered.find("<script>alert('abstract')") {
            panic!("no live script: …{}…", &rendered[i.saturating_sub(200)..(i + 60).min(rendered.len())]);
        }
        assert!(!rendered.contains("href=\"javascript:"), "no javascript: link");
        assert!(!rendered.contains("onerror=\"alert"), "no handler");
    }
    assert!(rendered_json.contains("<p>"), "Markdown is rendered: {rendered_json}");
    app.stop().await;
});

async fn speaker(app: &TestApp, email: &str) -> app::entities::user::Model {
    use sea_orm::{ColumnTrait, QueryFilter};
    app::entities::user::Entity::find()
        .filter(app::entities::user::Column::EmailNormalized.eq(email))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
}

db_test!(withdrawing_is_for_the_owner_and_keeps_the_proposal, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let (_, format, track) = event_with_cfp(&app, "wd-conf", far_future()).await;
    let c = client();
    sign_up(&c, &app, "wanda@example.org", "Wanda", PASSWORD).await;
    let res = send(&c, &app, "cfp/save", &proposal_form("wd-conf", "wd-form-key", format, track, "submit")).await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let code = code_of(&app, TITLE).await;
    assert_eq!(call(&c, &app, "cfp/withdraw", &[("code", &code)]).await.status(), 200);
    let view: serde_json::Value = call(&c, &app, "cfp/proposal", &[("code", &code)]).await.json().await.unwrap();
    assert_eq!(view["state"], "withdrawn");
    assert_eq!(view["editable"], false);
    let edit = with(proposal_form("wd-conf", "wd-form-key", format, track, "submit"), "code", &code);
    assert_eq!(send(&c, &app, "cfp/save", &edit).await.status(), 409);
    app.stop().await;
});

use sea_orm::EntityTrait;

db_test!(the_proposal_limit_per_speaker_holds, |backend: Backend| async move {
    use sea_orm::{ActiveModelTrait, Set};
    let app = TestApp::start(backend).await;
    let (event, format, track) = event_with_cfp(&app, "limit-conf", far_future()).await;
    let settings = app::events::cfp_settings::settings_of(&app.state.db, event, app.state.clock.now()).await.unwrap();
    let mut row: app::entities::cfp_settings::ActiveModel = settings.into();
    row.max_proposals = Set(Some(1));
    row.update(&app.state.db).await.unwrap();
    let c = client();
    sign_up(&c, &app, "lea@example.org", "Léa", PASSWORD).await;
    assert_eq!(send(&c, &app, "cfp/save", &proposal_form("limit-conf", "limit-key-1", format, track, "submit")).await.status(), 200);
    let second = with(proposal_form("limit-conf", "limit-key-2", format, track, "submit"), "title", "A second idea");
    let res = send(&c, &app, "cfp/save", &second).await;
    assert_eq!(res.status(), 409);
    assert!(res.text().await.unwrap().contains("the most it accepts"));
    assert_eq!(proposal_count(&app).await, 1, "nothing half-written");
    // A draft is still allowed: the limit counts submissions.
    assert_eq!(send(&c, &app, "cfp/save", &with(second, "intent", "draft")).await.status(), 200);
    app.stop().await;
});
