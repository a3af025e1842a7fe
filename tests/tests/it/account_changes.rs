//! A person moves their account to another address, or erases it, on SQLite and PostgreSQL: the
//! password confirms each, nothing changes on a refusal, and erasure keeps only the selection's
//! record under a deleted account.
use chrono::Duration;
use estrade_tests::cfp::{event_with_cfp, proposal_form, send, with};
use estrade_tests::http::{call, client, sign_in, sign_up, who_am_i};
use estrade_tests::{db_test, Backend, TestApp};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

const PASSWORD: &str = "correct horse battery";

async fn user_by_id(app: &TestApp, id: i32) -> app::entities::user::Model {
    app::entities::user::Entity::find_by_id(id).one(&app.state.db).await.unwrap().expect("user row")
}

db_test!(an_account_moves_to_a_new_address_confirmed_by_its_password, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    app.create_user("taken@example.org", "Taken", PASSWORD, false).await;
    let c = client();
    sign_up(&c, &app, "old@example.org", "Mover", PASSWORD).await;

    let wrong = call(&c, &app, "auth/change_email", &[("password", "not the password"), ("new_email", "new@example.org")]).await;
    assert_eq!(wrong.status(), 422);
    let taken = call(&c, &app, "auth/change_email", &[("password", PASSWORD), ("new_email", "TAKEN@example.org")]).await;
    assert_eq!(taken.status(), 422);
    assert!(taken.text().await.unwrap().contains("An account already uses this email"));
    let same = call(&c, &app, "auth/change_email", &[("password", PASSWORD), ("new_email", "old@example.org")]).await;
    assert_eq!(same.status(), 422);

    let ok = call(&c, &app, "auth/change_email", &[("password", PASSWORD), ("new_email", "new@example.org")]).await;
    assert_eq!(ok.status(), 200, "{}", ok.text().await.unwrap());
    assert_eq!(who_am_i(&c, &app).await.as_deref(), Some("Mover"), "still signed in");
    use app::entities::{mail_outbox, user};
    let me = user::Entity::find().filter(user::Column::Email.eq("new@example.org")).one(&app.state.db).await.unwrap().expect("moved");
    assert!(me.verified_at.is_none(), "the new address is not confirmed yet");
    let to_new = mail_outbox::Entity::find().filter(mail_outbox::Column::ToAddr.eq("new@example.org")).all(&app.state.db).await.unwrap();
    assert_eq!(to_new.len(), 1, "the confirmation link goes to the new address");

    let other = client();
    assert_eq!(sign_in(&other, &app, "old@example.org", PASSWORD).await.status(), 422);
    assert_eq!(sign_in(&other, &app, "new@example.org", PASSWORD).await.status(), 200);
    app.stop().await;
});

db_test!(erasing_an_account_forgets_the_person_and_keeps_the_selections_record, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    app.create_user("root@example.org", "Root", PASSWORD, true).await;
    let (_, format, track) = event_with_cfp(&app, "erase-conf", app.state.clock.now() + Duration::days(10)).await;
    let c = client();
    sign_up(&c, &app, "leaving@example.org", "Leaving Speaker", PASSWORD).await;
    let draft = with(proposal_form("erase-conf", "key-erase-draft", format, track, "draft"), "title", "A draft to forget");
    assert_eq!(send(&c, &app, "cfp/save", &draft).await.status(), 200);
    let submitted = with(proposal_form("erase-conf", "key-erase-submitted", format, track, "submit"), "title", "A submitted talk");
    assert_eq!(send(&c, &app, "cfp/save", &submitted).await.status(), 200);
    let fields = ["bio", "company", "job_title", "photo_url", "website", "github", "linkedin", "social", "city", "private_notes"];
    let mut profile = vec![("public_name", "Leaving Speaker")];
    profile.extend(fields.iter().map(|f| (*f, "")));
    let res = call(&c, &app, "speakers/save_profile", &profile).await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let me = app::auth::service::find_by_email(&app.state.db, "leaving@example.org").await.unwrap().expect("user");

    // Refusals change nothing.
    let res = call(&c, &app, "accounts/erase", &[("password", "not the password"), ("confirm", "on")]).await;
    assert_eq!(res.status(), 422);
    let res = call(&c, &app, "accounts/erase", &[("password", PASSWORD)]).await;
    assert_eq!(res.status(), 422, "the box must be ticked");
    assert_eq!(who_am_i(&c, &app).await.as_deref(), Some("Leaving Speaker"));
    assert_eq!(user_by_id(&app, me.id).await.email, "leaving@example.org");

    let res = call(&c, &app, "accounts/erase", &[("password", PASSWORD), ("confirm", "on")]).await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    assert_eq!(who_am_i(&c, &app).await, None, "signed out");
    let gone = user_by_id(&app, me.id).await;
    assert!(!gone.email.contains("leaving"), "{}", gone.email);
    assert_eq!(gone.display_name, "Deleted account");
    assert_eq!(sign_in(&client(), &app, "leaving@example.org", PASSWORD).await.status(), 422);

    use app::entities::{proposal, speaker_profile};
    let titles: Vec<(String, String)> =
        proposal::Entity::find().all(&app.state.db).await.unwrap().into_iter().map(|p| (p.title, p.state)).collect();
    assert_eq!(titles, [("A submitted talk".to_string(), "withdrawn".to_string())], "the draft is gone, the submission withdrawn");
    assert!(speaker_profile::Entity::find().all(&app.state.db).await.unwrap().is_empty(), "the profile is gone");
    app.stop().await;
});

db_test!(the_last_administrator_cannot_erase_their_account, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    app.create_user("root@example.org", "Root", PASSWORD, true).await;
    let c = client();
    sign_in(&c, &app, "root@example.org", PASSWORD).await;
    let res = call(&c, &app, "accounts/erase", &[("password", PASSWORD), ("confirm", "on")]).await;
    assert_eq!(res.status(), 409);
    assert!(res.text().await.unwrap().contains("only administrator"));
    assert_eq!(who_am_i(&c, &app).await.as_deref(), Some("Root"));
    app.stop().await;
});
