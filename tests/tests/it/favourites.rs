//! Stars kept in accounts, on SQLite and PostgreSQL: signed-in attendees star and unstar published
//! talks, a browser's list merges into the account, "My agenda" shows the account's stars without
//! JavaScript, and organisers (only they) see how many attendees starred each talk.
use estrade_tests::http::{call, client, get_text, sign_up};
use estrade_tests::schedule::sched;
use estrade_tests::selection::{PASSWORD, SLUG};
use estrade_tests::{db_test, Backend, Setup};
use serde_json::Value;

async fn json(res: reqwest::Response) -> (u16, Value) {
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

fn codes(v: &Value) -> Vec<String> {
    v["codes"].as_array().unwrap_or_else(|| panic!("no codes in {v}")).iter().map(|c| c.as_str().unwrap().to_string()).collect()
}

db_test!(signed_in_stars_are_kept_merged_and_counted_for_organisers, |backend: Backend| async move {
    let s = sched(backend, Setup::default()).await;
    let app = &s.c.app;
    let [alpha, beta, gamma] = [s.codes[0].clone(), s.codes[1].clone(), s.codes[2].clone()];
    let star = |c: &reqwest::Client, code: &str, on: &str| {
        let (c, code, on) = (c.clone(), code.to_string(), on.to_string());
        async move { json(call(&c, app, "agenda/star", &[("slug", SLUG), ("code", &code), ("starred", &on)]).await).await }
    };

    let zoe = client();
    sign_up(&zoe, app, "zoe@example.org", "Zoe Attendee", PASSWORD).await;
    let (status, body) = star(&zoe, &alpha, "true").await;
    assert_eq!(status, 404, "nothing is published yet: {body}");
    let (status, body) = json(call(&s.c.org, app, "agenda/interest", &[("slug", SLUG)]).await).await;
    assert_eq!(status, 409, "{body}");
    assert!(body.to_string().contains("Nothing is published yet"), "{body}");

    s.publish_sample().await;
    let anonymous = client();
    let (status, _) = star(&anonymous, &alpha, "true").await;
    assert_eq!(status, 401, "an anonymous star stays in the browser");

    let (status, body) = star(&zoe, &alpha, "true").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(codes(&body), [alpha.clone()]);
    assert!(body["user"].as_str().is_some_and(|u| u.len() == 12 && !u.contains('@')), "a public code, not an address: {body}");
    let (status, body) = star(&zoe, "nosuchcode", "true").await;
    assert_eq!(status, 400);
    assert!(body.to_string().contains("not on the published agenda"), "{body}");
    assert_eq!(star(&zoe, &beta, "maybe").await.0, 400);

    // The browser had Beta, Gamma and a withdrawn talk: the account gets the two real ones, once.
    let merge = |list: String| {
        let zoe = zoe.clone();
        async move { json(call(&zoe, app, "agenda/merge", &[("slug", SLUG), ("codes", &list)]).await).await }
    };
    let (status, body) = merge(format!("{beta},{gamma},gonetalk,{alpha}")).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(codes(&body), [alpha.clone(), beta.clone(), gamma.clone()]);
    assert_eq!(codes(&merge(format!("{beta},{gamma}")).await.1).len(), 3, "merging twice adds nothing");
    let (_, body) = star(&zoe, &gamma, "false").await;
    assert_eq!(codes(&body), [alpha.clone(), beta.clone()]);

    let stars =
        |c: reqwest::Client| async move { json(c.get(app.url(&format!("/api/agenda/stars?slug={SLUG}"))).send().await.unwrap()).await };
    assert_eq!(codes(&stars(zoe.clone()).await.1), [alpha.clone(), beta.clone()]);
    assert_eq!(stars(anonymous.clone()).await, (200, Value::Null));

    // "My agenda" renders the account's stars on the server: no JavaScript needed.
    let (status, html) = get_text(&zoe, app, &format!("/events/{SLUG}/my")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Alpha talk") && html.contains("Beta talk") && !html.contains("Gamma talk"), "{html}");
    assert!(html.contains(&format!(r#"data-codes="{alpha},{beta}""#)), "the page script gets the account's list");
    // An anonymous visitor's list comes in the URL and stays theirs.
    let (_, html) = get_text(&anonymous, app, &format!("/events/{SLUG}/my?talks={gamma}")).await;
    assert!(html.contains("Gamma talk") && !html.contains("Alpha talk") && !html.contains("account-stars"), "{html}");

    let yann = client();
    sign_up(&yann, app, "yann@example.org", "Yann Attendee", PASSWORD).await;
    assert_eq!(star(&yann, &alpha, "true").await.0, 200);

    let (status, _) = json(call(&zoe, app, "agenda/interest", &[("slug", SLUG)]).await).await;
    assert_eq!(status, 403, "attendees do not see other people's stars");
    let (status, view) = json(call(&s.c.org, app, "agenda/interest", &[("slug", SLUG)]).await).await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(view["stargazers"], 2);
    let rows: Vec<(String, i64, i64)> = view["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["code"].as_str().unwrap().to_string(), r["stars"].as_i64().unwrap(), r["seats"].as_i64().unwrap()))
        .collect();
    assert_eq!(rows, [(alpha.clone(), 2, 300), (beta.clone(), 1, 40), (gamma.clone(), 0, 40)]);
    assert!(!view.to_string().contains("zoe") && !view.to_string().contains("Zoe"), "counts only, no names: {view}");
    let (status, html) = get_text(&s.c.org, app, &format!("/admin/events/{SLUG}/schedule/interest")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Audience interest") && html.contains("Alpha talk"), "{html}");
});

db_test!(attendee_pages_ship_a_small_script_instead_of_the_app, |backend: Backend| async move {
    let s = sched(backend, Setup::default()).await;
    s.publish_sample().await;
    let app = &s.c.app;
    for path in [format!("/events/{SLUG}/agenda"), format!("/events/{SLUG}/talk/{}", s.codes[0]), format!("/events/{SLUG}/my")] {
        let (status, html) = get_text(&client(), app, &path).await;
        assert_eq!(status, 200, "{path}");
        assert!(html.contains(r#"<script src="/agenda.js" defer"#), "{path}: {html}");
        assert!(!html.contains(".wasm"), "{path} loads no wasm");
    }
    let (_, html) = get_text(&client(), app, &format!("/events/{SLUG}")).await;
    assert!(html.contains(r#"<script src="/page.js" defer"#) && !html.contains("/agenda.js"), "other pages get the general script only");
    assert!(!html.contains(".wasm"), "the event page loads no wasm");
    let (status, js) = get_text(&client(), app, "/agenda.js").await;
    assert_eq!(status, 200);
    assert!(js.contains("estrade:favourites:"), "the page script is served");
    let (status, js) = get_text(&client(), app, "/page.js").await;
    assert_eq!(status, 200);
    assert!(js.contains("__estrade_page"), "the general script is served");
    let icon = client().get(format!("{}/favicon.ico", app.base_url)).send().await.expect("favicon");
    assert_eq!(icon.status(), 200, "browsers ask for /favicon.ico on every site");
});
