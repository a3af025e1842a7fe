//! Mails sent on request cannot be turned into a relay, on SQLite and PostgreSQL: co-speaker
//! invitations need a confirmed address and are limited per account, recipient and network;
//! reset and confirmation mails are limited per address and network, without telling who has an account.
use app::entities::{cospeaker_invitation, mail_outbox, user_token};
use estrade_tests::cfp::{code_of, event_with_cfp, proposal_form, send};
use estrade_tests::http::{call, client, sign_in, sign_up};
use estrade_tests::{db_test, Backend, TestApp};
use reqwest::Client;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

const PASSWORD: &str = "correct horse battery";
const TITLE: &str = "Golden paths, forty teams later";

/// A signed-in speaker (`verified` or not) with a submitted proposal; returns the client and its code.
async fn speaker_with_proposal(app: &TestApp, verified: bool) -> (Client, String) {
    let (_, format, track) = event_with_cfp(app, "duo-conf", chrono::Utc::now() + chrono::Duration::days(30)).await;
    let owner = client();
    if verified {
        app.create_user("olga@example.org", "Olga", PASSWORD, false).await;
        assert_eq!(sign_in(&owner, app, "olga@example.org", PASSWORD).await.status(), 200);
    } else {
        assert_eq!(sign_up(&owner, app, "olga@example.org", "Olga", PASSWORD).await.status(), 200);
    }
    assert_eq!(send(&owner, app, "cfp/save", &proposal_form("duo-conf", "duo-form", format, track, "submit")).await.status(), 200);
    (owner, code_of(app, TITLE).await)
}

async fn invite(c: &Client, app: &TestApp, code: &str, email: &str) -> (u16, String) {
    let res = call(c, app, "cfp/invite", &[("code", code), ("email", email)]).await;
    (res.status().as_u16(), res.text().await.unwrap())
}

/// Uses up every pending invitation, so the same person may be invited again.
async fn use_up_invitations(app: &TestApp) {
    cospeaker_invitation::Entity::update_many()
        .col_expr(cospeaker_invitation::Column::UsedAt, Expr::value(Some(chrono::Utc::now())))
        .exec(&app.state.db)
        .await
        .unwrap();
}

async fn mails_to(app: &TestApp, to: &str) -> usize {
    mail_outbox::Entity::find().filter(mail_outbox::Column::ToAddr.eq(to)).all(&app.state.db).await.unwrap().len()
}

db_test!(an_unconfirmed_account_cannot_send_invitations, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let (owner, code) = speaker_with_proposal(&app, false).await;
    let (status, body) = invite(&owner, &app, &code, "victim@example.org").await;
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("Confirm your email address before inviting co-speakers"), "{body}");
    assert!(cospeaker_invitation::Entity::find().all(&app.state.db).await.unwrap().is_empty());
    assert_eq!(mails_to(&app, "victim@example.org").await, 0, "nothing mailed");

    app.verify("olga@example.org").await;
    assert_eq!(invite(&owner, &app, &code, "victim@example.org").await.0, 200);
    assert_eq!(mails_to(&app, "victim@example.org").await, 1);
    app.stop().await;
});

db_test!(invitations_are_limited_per_recipient_account_and_network, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let (owner, code) = speaker_with_proposal(&app, true).await;
    for round in 1..=5 {
        assert_eq!(invite(&owner, &app, &code, "gil@example.org").await.0, 200, "invitation {round} to Gil");
        use_up_invitations(&app).await;
    }
    let (status, body) = invite(&owner, &app, &code, "gil@example.org").await;
    assert_eq!(status, 429);
    assert!(body.contains("This person was invited several times today. Please try again in"), "{body}");

    for i in 6..=20 {
        assert_eq!(invite(&owner, &app, &code, &format!("guest{i}@example.org")).await.0, 200, "invitation {i}");
    }
    let (status, body) = invite(&owner, &app, &code, "one-more@example.org").await;
    assert_eq!(status, 429);
    assert!(body.contains("You sent many invitations today."), "{body}");
    assert_eq!(mails_to(&app, "one-more@example.org").await, 0);
    app.stop().await;
});

db_test!(invitations_are_limited_per_network, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let (owner, code) = speaker_with_proposal(&app, true).await;
    app.set_counter("invite-ip", "127.0.0.1", app.state.config.limits.invite_per_ip.limit as i32).await;
    let (status, body) = invite(&owner, &app, &code, "gil@example.org").await;
    assert_eq!(status, 429);
    assert!(body.contains("Too many invitations were sent from your network today."), "{body}");
    assert!(cospeaker_invitation::Entity::find().all(&app.state.db).await.unwrap().is_empty(), "nothing half-written");
    app.stop().await;
});

async fn ask_reset(app: &TestApp, email: &str) -> (u16, String) {
    let res = call(&client(), app, "auth/request_reset", &[("email", email)]).await;
    (res.status().as_u16(), res.text().await.unwrap())
}

db_test!(reset_requests_are_limited_without_telling_who_has_an_account, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    app.create_user("hana@example.org", "Hana", PASSWORD, false).await;
    for round in 1..=3 {
        assert_eq!(ask_reset(&app, "hana@example.org").await.0, 200, "request {round}");
        assert_eq!(ask_reset(&app, "ghost@example.org").await.0, 200, "request {round}");
    }
    let (known, unknown) = (ask_reset(&app, "Hana@Example.org").await, ask_reset(&app, "ghost@example.org").await);
    assert_eq!(known.0, 429);
    assert_eq!(known, unknown, "the same answer whether or not an account uses the address");
    assert!(known.1.contains("Reset links were asked for this address several times in the last hour"), "{}", known.1);
    assert_eq!(mails_to(&app, "hana@example.org").await, 3);
    let live = user_token::Entity::find().filter(user_token::Column::UsedAt.is_null()).all(&app.state.db).await.unwrap();
    assert_eq!(live.len(), 1, "one live reset link: the newest");

    // 6 requests went through from this address; the network allows 20 an hour.
    for i in 7..=20 {
        assert_eq!(ask_reset(&app, &format!("someone{i}@example.org")).await.0, 200, "request {i}");
    }
    let (status, body) = ask_reset(&app, "someone-else@example.org").await;
    assert_eq!(status, 429);
    assert!(body.contains("Too many reset requests from your network."), "{body}");
    app.stop().await;
});

db_test!(confirmation_mails_are_limited_per_account, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let kim = client();
    assert_eq!(sign_up(&kim, &app, "kim@example.org", "Kim", PASSWORD).await.status(), 200);
    let limit = app.state.config.limits.verify_per_account.limit;
    for round in 1..=limit {
        assert_eq!(call(&kim, &app, "auth/resend_verification", &[]).await.status(), 200, "resend {round}");
    }
    let res = call(&kim, &app, "auth/resend_verification", &[]).await;
    assert_eq!(res.status(), 429);
    assert!(res.text().await.unwrap().contains("We sent several confirmation mails in the last hour"));
    assert_eq!(mails_to(&app, "kim@example.org").await, 1 + limit as usize);
    app.stop().await;
});
