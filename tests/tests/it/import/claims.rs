//! People in an imported file are speakers of the importing event only: an email in the file never
//! reaches the account that has it (nor its proposals, profile or private notes) and never blocks
//! its owner's sign-up. The owner takes the talks with the link organisers mail, signed in with
//! that address, verified.
use super::*;

const NOTES: &str = "NOTE-FOR-OTHER-CONF: allergic to peanuts";
const COMPANY: &str = "Secret Corp";
const ACCOUNT_NAME: &str = "Ada (her own account)";

/// Ada's real account: verified, speaking at another event, private notes for its organisers.
async fn ada_elsewhere(app: &TestApp) -> Client {
    app.create_user("ada@example.org", ACCOUNT_NAME, PASSWORD, false).await;
    let (_, format, track) = event_with_cfp(app, "other-conf", Utc::now() + chrono::Duration::days(30)).await;
    let ada = client();
    assert_eq!(sign_in(&ada, app, "ada@example.org", PASSWORD).await.status(), 200);
    let form = with(proposal_form("other-conf", "ada-own-talk", format, track, "submit"), "title", "Ada's own talk");
    assert_eq!(send(&ada, app, "cfp/save", &form).await.status(), 200);
    let db = &app.state.db;
    let me = user::Entity::find_by_id(user_id(app, "ada@example.org").await).one(db).await.unwrap().unwrap();
    let mut profile: speaker_profile::ActiveModel = app::speakers::profile::ensure(db, &me, app.state.clock.now()).await.unwrap().into();
    profile.private_notes = Set(NOTES.into());
    profile.company = Set(COMPANY.into());
    profile.update(db).await.unwrap();
    ada
}

async fn public_code(app: &TestApp, email: &str) -> Option<String> {
    user::Entity::find_by_id(user_id(app, email).await).one(&app.state.db).await.unwrap().unwrap().public_code
}

async fn mine(c: &Client, app: &TestApp) -> Value {
    let res = call(c, app, "cfp/mine", &[]).await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

fn titles(mine: &Value) -> Vec<String> {
    let mut t: Vec<String> = mine.as_array().unwrap().iter().map(|r| r["title"].as_str().unwrap_or_default().to_string()).collect();
    t.sort();
    t
}

/// Every page and answer of the importing event its organiser reads, as text.
async fn organiser_views(c: &Conf) -> Vec<(String, String)> {
    let db = &c.app.state.db;
    let codes: Vec<String> =
        proposal::Entity::find().filter(proposal::Column::EventId.eq(c.event)).all(db).await.unwrap().into_iter().map(|p| p.code).collect();
    let mut out = Vec::new();
    let filters = [("slug", SLUG), ("format", ""), ("track", ""), ("level", ""), ("language", ""), ("state", ""), ("q", "")];
    for (endpoint, form) in
        [("schedule/load", vec![("slug", SLUG)]), ("organizer/proposals", filters.to_vec()), ("schedule/versions", vec![("slug", SLUG)])]
    {
        out.push((endpoint.to_string(), call(&c.org, &c.app, endpoint, &form).await.text().await.unwrap()));
    }
    for code in &codes {
        out.push((
            format!("organizer/proposal {code}"),
            call(&c.org, &c.app, "organizer/proposal", &[("slug", SLUG), ("code", code)]).await.text().await.unwrap(),
        ));
        out.push((format!("page {code}"), get_text(&c.org, &c.app, &format!("/admin/events/{SLUG}/proposals/{code}")).await.1));
        out.push((format!("talk {code}"), get_text(&c.org, &c.app, &format!("/api/agenda/talk?slug={SLUG}&code={code}")).await.1));
    }
    for path in [
        format!("/admin/events/{SLUG}/proposals"),
        format!("/admin/events/{SLUG}/schedule"),
        format!("/{SLUG}/schedule.json"),
        format!("/{SLUG}/schedule.xml"),
    ] {
        out.push((path.clone(), get_text(&c.org, &c.app, &path).await.1));
    }
    out
}

db_test!(an_email_in_the_file_never_reaches_the_account_that_has_it, |backend: Backend| async move {
    let c = conf(backend, Setup::default()).await;
    let ada = ada_elsewhere(&c.app).await;
    c.app.create_user("root@example.org", "Root Admin", PASSWORD, true).await;
    let before = mine(&ada, &c.app).await;
    // Ada's email is in the sample; the admin's goes to Cy.
    let file = with_email(&sample_json(), "Cy Young", "Root@Example.org");
    let (code, text) = import_as(&c.org, &c.app, SLUG, &file).await;
    assert_eq!(code, 200, "{text}");

    let db = &c.app.state.db;
    for email in ["ada@example.org", "root@example.org"] {
        let id = user_id(&c.app, email).await;
        let rows = proposal_speaker::Entity::find().filter(proposal_speaker::Column::UserId.eq(id)).all(db).await.unwrap();
        let imported = proposal::Entity::find().filter(proposal::Column::EventId.eq(c.event)).all(db).await.unwrap();
        assert!(imported.iter().all(|p| p.owner_id != id && rows.iter().all(|r| r.proposal_id != p.id)), "{email} got no imported talk");
    }
    assert_eq!(mine(&ada, &c.app).await, before, "Ada's proposals are unchanged");
    assert_eq!(titles(&before), ["Ada's own talk"]);

    for (what, text) in organiser_views(&c).await {
        for secret in [NOTES, COMPANY, ACCOUNT_NAME, "Ada's own talk", "ada@example.org", "Root Admin", "root@example.org"] {
            assert!(!text.contains(secret), "{what} shows “{secret}”: {text}");
        }
    }
    // The imported speakers' list echoes the addresses the file gave, and nothing of the accounts.
    let listed = call(&c.org, &c.app, "schedule/imported_speakers", &[("slug", SLUG)]).await.text().await.unwrap();
    assert!(
        listed.contains("ada@example.org") && listed.contains("Ada Lovelace") && !listed.contains(NOTES) && !listed.contains(ACCOUNT_NAME),
        "{listed}"
    );
    let page = get_text(&c.org, &c.app, &format!("/admin/events/{SLUG}/schedule/import")).await.1;
    assert!(page.contains("Imported speakers") && !page.contains(NOTES) && !page.contains(COMPANY), "{page}");
});

db_test!(an_unknown_email_in_the_file_can_still_sign_up, |backend: Backend| async move {
    let c = conf(backend, Setup::default()).await;
    let file = with_email(&sample_json(), "Bea Martin", "bea@example.org");
    assert_eq!(import_as(&c.org, &c.app, SLUG, &file).await.0, 200);
    let bea = client();
    let res = sign_up(&bea, &c.app, "Bea@example.org", "Bea", PASSWORD).await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    assert_eq!(who_am_i(&bea, &c.app).await.as_deref(), Some("Bea"));
    assert!(mine(&bea, &c.app).await.as_array().unwrap().is_empty(), "nothing is hers before she claims it");
});

db_test!(the_mailed_link_gives_the_talks_to_the_verified_owner_of_the_address, |backend: Backend| async move {
    let c = conf(backend, Setup::default()).await;
    let ada = ada_elsewhere(&c.app).await;
    let file = with_email(&sample_json(), "Bea Martin", "bea@example.org");
    assert_eq!(import_as(&c.org, &c.app, SLUG, &file).await.0, 200);
    let list: Value = call(&c.org, &c.app, "schedule/imported_speakers", &[("slug", SLUG)]).await.json().await.unwrap();
    assert_eq!((list["rows"].as_array().unwrap().len(), &list["to_mail"]), (2, &Value::from(2)), "{list}");
    assert_eq!(mailed_token(&c.app, "ada@example.org", "/claim?token=").await, None, "nobody is mailed before the organisers choose to");

    // Only the event's organisers may mail; each address once per link.
    assert_eq!(call(&ada, &c.app, "schedule/send_claims", &[("slug", SLUG)]).await.status(), 403);
    assert_eq!(call(&c.org, &c.app, "schedule/send_claims", &[("slug", SLUG)]).await.text().await.unwrap(), "2");
    assert_eq!(call(&c.org, &c.app, "schedule/send_claims", &[("slug", SLUG)]).await.text().await.unwrap(), "0");
    let claim_mails = |to: &'static str| mails_to(&c.app, to, "Your talks at");
    assert_eq!((claim_mails("ada@example.org").await, claim_mails("bea@example.org").await), (1, 1));
    let ada_token = mailed_token(&c.app, "ada@example.org", "/claim?token=").await.expect("Ada's link");
    let bea_token = mailed_token(&c.app, "bea@example.org", "/claim?token=").await.expect("Bea's link");

    // Someone else, signed in and verified, holding Ada's link: told why, nothing moves.
    let eve = client();
    c.app.create_user("eve@example.org", "Eve", PASSWORD, false).await;
    sign_in(&eve, &c.app, "eve@example.org", PASSWORD).await;
    let peek: Value = call(&eve, &c.app, "agenda/claim", &[("token", &ada_token)]).await.json().await.unwrap();
    assert!(peek["refusal"].as_str().unwrap().starts_with("This link was sent to ada@example.org"), "{peek}");
    let res = call(&eve, &c.app, "agenda/claim_accept", &[("token", &ada_token)]).await;
    assert_eq!(res.status(), 409);
    assert!(mine(&eve, &c.app).await.as_array().unwrap().is_empty());
    assert_eq!(call(&client(), &c.app, "agenda/claim_accept", &[("token", &ada_token)]).await.status(), 401);

    // Bea signs up with the address: unverified, she is asked to confirm it first.
    let bea = client();
    assert_eq!(sign_up(&bea, &c.app, "bea@example.org", "Bea", PASSWORD).await.status(), 200);
    let res = call(&bea, &c.app, "agenda/claim_accept", &[("token", &bea_token)]).await;
    assert_eq!(res.status(), 409);
    assert!(res.text().await.unwrap().contains("Confirm your email address first"));
    let verify = mailed_token(&c.app, "bea@example.org", "/verify?token=").await.expect("verification link");
    assert_eq!(call(&bea, &c.app, "auth/verify", &[("token", &verify)]).await.status(), 200);
    assert_eq!(call(&bea, &c.app, "agenda/claim_accept", &[("token", &bea_token)]).await.status(), 200);
    assert_eq!(titles(&mine(&bea, &c.app).await), ["Supply chains, signed"]);

    // Ada takes hers; the link then works no more.
    assert_eq!(call(&ada, &c.app, "agenda/claim_accept", &[("token", &ada_token)]).await.status(), 200);
    assert_eq!(titles(&mine(&ada, &c.app).await), ["Ada's own talk", "Hands-on eBPF", "Supply chains, signed"]);
    let again = call(&ada, &c.app, "agenda/claim_accept", &[("token", &ada_token)]).await;
    assert_eq!(again.status(), 422);
    assert!(again.text().await.unwrap().contains("no longer valid"));
    let list: Value = call(&c.org, &c.app, "schedule/imported_speakers", &[("slug", SLUG)]).await.json().await.unwrap();
    assert_eq!(list["to_mail"], 0, "{list}");

    // The agenda links their own speaker pages; the builder still knows who speaks where.
    let code = code_of(&c.app, "Supply chains, signed").await;
    let talk: Value =
        client().get(c.app.url(&format!("/api/agenda/talk?slug={SLUG}&code={code}"))).send().await.unwrap().json().await.unwrap();
    let codes: Vec<Option<String>> = talk["speakers"].as_array().unwrap().iter().map(|s| s["code"].as_str().map(str::to_string)).collect();
    assert_eq!(codes, [public_code(&c.app, "ada@example.org").await, public_code(&c.app, "bea@example.org").await], "{talk}");
    let builder: Value = call(&c.org, &c.app, "schedule/load", &[("slug", SLUG)]).await.json().await.unwrap();
    let item = builder["items"].as_array().unwrap().iter().find(|i| i["title"] == "Supply chains, signed").unwrap().clone();
    assert_eq!(item["speaker_names"], serde_json::json!([ACCOUNT_NAME, "Bea Martin"]), "their own profile, else the imported one: {item}");
    assert_eq!(builder["warnings"], serde_json::json!([]));
});
