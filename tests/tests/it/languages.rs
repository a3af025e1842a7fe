//! French and English through the real router (SQLite and PostgreSQL): the switch without
//! JavaScript, the order of what decides a page's language, the page cache per language, mails in
//! the recipient's language.
use std::time::Duration;

use estrade_tests::http::{call, client, get_text, sign_in, sign_up};
use estrade_tests::{db_test, Backend, TestApp};

const PASSWORD: &str = "correct horse battery";

fn html_lang(page: &str) -> &str {
    let at = page.find("<html lang=\"").expect("an html element with lang") + "<html lang=\"".len();
    &page[at..at + page[at..].find('"').unwrap()]
}

async fn page_with(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> String {
    let mut req = reqwest::Client::new().get(app.url(path));
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let res = req.send().await.expect("request");
    assert_eq!(res.status(), 200, "{path}");
    res.text().await.unwrap()
}

/// An event `slug` whose default language is `language`.
async fn event_in(app: &TestApp, slug: &str, language: &str) {
    let form = domain::events::EventForm { default_language: language.into(), ..estrade_tests::cfp::event_form(slug) };
    app::events::service::create(&app.state.db, &form, app.state.clock.now()).await.expect("event");
}

db_test!(the_switch_sets_a_cookie_and_comes_back_to_the_same_page, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let c = client();
    let (_, english) = get_text(&c, &app, "/signin").await;
    assert_eq!(html_lang(&english), "en");
    assert!(english.contains("Forgot your password?"));
    assert!(english.contains("href=\"/lang/fr?back=%2Fsignin\""), "the switch links to this page");

    let res = c.get(app.url("/lang/fr?back=/signin%3Fnext%3D/account")).send().await.unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/signin?next=/account");
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.starts_with("estrade_lang=fr;") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"), "{cookie}");

    let (_, french) = get_text(&c, &app, "/signin?next=/account").await;
    assert_eq!(html_lang(&french), "fr");
    assert!(french.contains("Mot de passe oublié\u{a0}?"), "the page reads in French");
    assert!(!french.contains("Forgot your password?"));
    assert!(french.contains("<title>Connexion — Estrade</title>"));

    // Elsewhere than this site, or no language Estrade speaks: refused.
    let off_site = c.get(app.url("/lang/en?back=//evil.example/x")).send().await.unwrap();
    assert_eq!(off_site.headers()["location"], "/");
    assert_eq!(c.get(app.url("/lang/de?back=/")).send().await.unwrap().status(), 404);
    app.stop().await;
});

db_test!(cookie_then_account_then_browser_then_event_decide, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    event_in(&app, "nord", "fr").await;
    event_in(&app, "south", "en").await;
    // The event's default when the browser asks for no language Estrade speaks.
    assert_eq!(html_lang(&page_with(&app, "/events/nord", &[("Accept-Language", "de-DE")]).await), "fr");
    assert_eq!(html_lang(&page_with(&app, "/events/south", &[("Accept-Language", "de-DE")]).await), "en");
    assert_eq!(html_lang(&page_with(&app, "/events/nord", &[]).await), "fr");
    // The browser before the event.
    assert_eq!(html_lang(&page_with(&app, "/events/nord", &[("Accept-Language", "en-GB,en;q=0.9")]).await), "en");
    // The cookie before the browser.
    let both = [("Accept-Language", "en"), ("Cookie", "estrade_lang=fr")];
    let page = page_with(&app, "/events/south", &both).await;
    assert_eq!(html_lang(&page), "fr");
    assert!(page.contains("Appel à conférences"));

    // A signed-in account's choice comes after the cookie and before the browser.
    let c = client();
    sign_up(&c, &app, "zoe@example.org", "Zoé", PASSWORD).await;
    let res = call(&c, &app, "auth/profile", &[("display_name", "Zoé"), ("language", "fr")]).await;
    assert!(res.status().is_success(), "{}", res.status());
    let fresh = client();
    assert_eq!(sign_in(&fresh, &app, "zoe@example.org", PASSWORD).await.status(), 200);
    let res = fresh.get(app.url("/account")).header("Accept-Language", "en").send().await.unwrap();
    assert_eq!(res.headers()["content-language"], "fr");
    assert_eq!(html_lang(&res.text().await.unwrap()), "fr");
    let bad = call(&c, &app, "auth/profile", &[("display_name", "Zoé"), ("language", "xx")]).await;
    assert_eq!(bad.status(), 422);
    app.stop().await;
});

db_test!(the_page_cache_keeps_one_answer_per_language, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    event_in(&app, "nord", "en").await;
    for _ in 0..2 {
        let fr = page_with(&app, "/", &[("Accept-Language", "fr")]).await;
        let en = page_with(&app, "/", &[("Accept-Language", "en")]).await;
        assert!(fr.contains("Événements à venir") && !fr.contains("Upcoming events"));
        assert!(en.contains("Upcoming events") && !en.contains("Événements à venir"));
    }
    app.stop().await;
});

db_test!(a_french_account_gets_its_reset_mail_in_french, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let c = client();
    // Signing up on a French page makes French the account's language.
    let res = c
        .post(app.url("/api/auth/sign_up"))
        .header("Origin", &app.base_url)
        .header("Accept", "application/json")
        .header("Accept-Language", "fr-FR,fr;q=0.9")
        .form(&[("email", "remi@example.org"), ("display_name", "Rémi"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success(), "{}", res.status());
    // Asked from an English browser: the mail still follows the account.
    let res = client()
        .post(app.url("/api/auth/request_reset"))
        .header("Origin", &app.base_url)
        .header("Accept", "application/json")
        .header("Accept-Language", "en")
        .form(&[("email", "remi@example.org")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let reset = || app.mail_files().into_iter().find(|m| m.to.contains("remi@") && m.subject.contains("mot de passe"));
    TestApp::eventually("the French reset mail", Duration::from_secs(20), || async { reset().is_some() }).await;
    let mail = reset().unwrap();
    assert_eq!(mail.subject, "Réinitialiser votre mot de passe Estrade");
    assert!(mail.text.contains("Bonjour Rémi,"), "{}", mail.text);
    let confirm = app.mail_files().into_iter().find(|m| m.to.contains("remi@") && m.subject.contains("Confirmez")).is_some();
    assert!(confirm, "the confirmation mail of the sign-up is French too");
    app.stop().await;
});

/// The message of `field` in a validation error's JSON, wherever the encoding puts the field list.
fn field_message(json: &serde_json::Value, field: &str) -> Option<String> {
    match json {
        serde_json::Value::Object(map) if map.get("field").and_then(|f| f.as_str()) == Some(field) => {
            map.get("message").and_then(|m| m.as_str()).map(str::to_string)
        }
        serde_json::Value::Object(map) => map.values().find_map(|v| field_message(v, field)),
        serde_json::Value::Array(items) => items.iter().find_map(|v| field_message(v, field)),
        _ => None,
    }
}

db_test!(a_french_request_gets_the_rules_messages_in_french, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let form = [("email", "lea@example.org"), ("display_name", "Léa"), ("password", "court")];
    let french = client()
        .post(app.url("/api/auth/sign_up"))
        .header("Origin", &app.base_url)
        .header("Accept", "application/json")
        .header("Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5")
        .form(&form)
        .send()
        .await
        .expect("request");
    assert_eq!(french.status(), 422);
    let body: serde_json::Value = french.json().await.expect("json");
    assert_eq!(field_message(&body, "password").as_deref(), Some("Utilisez au moins 10 caractères."), "{body}");
    assert!(!body.to_string().contains("Use at least"), "{body}");

    // The same form without a language: English, as before.
    let english = sign_up(&client(), &app, "lea@example.org", "Léa", "court").await;
    assert_eq!(english.status(), 422);
    let body: serde_json::Value = english.json().await.expect("json");
    assert_eq!(field_message(&body, "password").as_deref(), Some("Use at least 10 characters."), "{body}");
    app.stop().await;
});

db_test!(the_cfp_page_and_a_refused_sign_in_read_in_the_readers_language, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let closes = app.state.clock.now() + chrono::Duration::days(3) + chrono::Duration::hours(2);
    estrade_tests::cfp::event_with_cfp(&app, "cfp-fr", closes).await;
    let french = page_with(&app, "/events/cfp-fr/cfp", &[("Accept-Language", "fr")]).await;
    assert!(french.contains("<title>Appel à conférences — "), "{french}");
    assert!(french.contains("Clôture dans 3 jours, à ") && french.contains("Proposer un talk"), "{french}");
    assert!(!french.contains("Call for papers") && !french.contains("Closes in"), "{french}");
    let english = page_with(&app, "/events/cfp-fr/cfp", &[("Accept-Language", "en")]).await;
    assert!(english.contains("Closes in 3 days, ") && english.contains("Propose a talk"), "{english}");

    let refused = reqwest::Client::new()
        .post(app.url("/api/auth/sign_in"))
        .header("Origin", &app.base_url)
        .header("Accept", "application/json")
        .header("Accept-Language", "fr")
        .form(&[("email", "nobody@example.org"), ("password", "not the password")])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.unwrap().contains("L’e-mail ou le mot de passe est incorrect."));
    app.stop().await;
});
