//! The public agenda for signed-in visitors: the page every visitor gets, rendered once and kept,
//! with the visitor's own menu in its header (their stars are the page script's to fetch).
use std::io::Read;

use estrade_tests::http::{client, sign_in};
use estrade_tests::schedule::sched;
use estrade_tests::selection::{PASSWORD, SLUG};
use estrade_tests::{db_test, Backend, Setup};
use reqwest::{header, Client};
use sea_orm::{ActiveModelTrait, EntityTrait, Set};

struct Answer {
    html: String,
    encoding: String,
    cache_control: String,
}

/// `url` as a browser asks for it (`br, gzip`), decoded.
async fn visit(c: &Client, url: &str, language: &str) -> Answer {
    let res = c.get(url).header(header::ACCEPT_ENCODING, "br, gzip").header(header::ACCEPT_LANGUAGE, language).send().await.unwrap();
    assert_eq!(res.status(), 200, "{url}");
    let text = |name| res.headers().get(name).map_or(String::new(), |v: &header::HeaderValue| v.to_str().unwrap().to_string());
    let (encoding, cache_control) = (text(header::CONTENT_ENCODING), text(header::CACHE_CONTROL));
    let bytes = res.bytes().await.unwrap();
    let mut html = String::new();
    match encoding.as_str() {
        "gzip" => flate2::read::GzDecoder::new(&bytes[..]).read_to_string(&mut html).map(|_| ()),
        "br" => brotli::Decompressor::new(&bytes[..], 4096).read_to_string(&mut html).map(|_| ()),
        _ => Ok(html.push_str(std::str::from_utf8(&bytes).unwrap())),
    }
    .expect("a valid body");
    Answer { html, encoding, cache_control }
}

/// The page without its header's menu.
fn without_menu(html: &str) -> String {
    let menu = app::ui::layout::menu_span(html).unwrap_or_else(|| panic!("no menu in {html}"));
    format!("{}{}", &html[..menu.start], &html[menu.end..])
}

/// Twice the same page: rendered for the visitor the first time, from the kept page the second,
/// which comes gzip-encoded (the one encoding whose pieces can be joined).
async fn twice(c: &Client, url: &str, language: &str) -> String {
    let first = visit(c, url, language).await;
    let second = visit(c, url, language).await;
    assert_eq!((first.encoding.as_str(), second.encoding.as_str()), ("br", "gzip"), "rendered, then joined from the kept page");
    for a in [&first, &second] {
        assert_eq!(a.cache_control, "private, no-cache", "no shared cache may keep a personal page");
    }
    assert_eq!(second.html, first.html, "the kept page with their menu is the page rendered for them");
    second.html
}

db_test!(signed_in_visitors_get_the_kept_agenda_with_their_own_menu, |backend: Backend| async move {
    let s = sched(backend, Setup::default()).await;
    s.publish_sample().await;
    let app = &s.c.app;
    let url = app.url(&format!("/events/{SLUG}/agenda"));

    let olga = twice(&s.c.org, &url, "en").await;
    assert!(olga.contains("Olga Organiser") && olga.contains("data-signed-in") && olga.contains(r#"href="/admin""#), "{olga}");
    assert!(olga.contains("Alpha talk") && !olga.contains(r#"href="/signin""#));
    let anonymous = visit(&client(), &url, "en").await;
    assert!(anonymous.cache_control.contains("public") && anonymous.html.contains(r#"href="/signin""#));
    assert!(!anonymous.html.contains("Olga"), "nothing of one visitor reaches another");
    assert_eq!(without_menu(&olga), without_menu(&anonymous.html), "the same page around the menu");

    // Another visitor's menu: their name (as text, whatever it holds), no management link.
    app.create_user("zoe@example.org", "Zoé </ul><script>alert(1)</script>", PASSWORD, false).await;
    let zoe = client();
    assert_eq!(sign_in(&zoe, app, "zoe@example.org", PASSWORD).await.status(), 200);
    let page = visit(&zoe, &url, "en").await;
    assert_eq!(page.encoding, "gzip", "served from the kept page");
    assert!(page.html.contains("Zoé &lt;/ul&gt;&lt;script&gt;") && !page.html.contains("<script>alert"), "{}", page.html);
    assert!(!page.html.contains("Olga Organiser") && !page.html.contains(r#"href="/admin""#));

    // A talk's page likewise.
    let talk = twice(&s.c.org, &app.url(&format!("/events/{SLUG}/talk/{}", s.codes[0])), "en").await;
    assert!(talk.contains("Olga Organiser") && talk.contains("Alpha talk"));

    // In French, the French page and menu.
    let french = twice(&s.c.org, &url, "fr").await;
    assert!(french.contains("Se déconnecter") && french.contains("Olga Organiser"));

    // A session that has ended gets the signed-out menu.
    let stale = client();
    let res = stale.get(&url).header(header::COOKIE, "estrade_session=ended-long-ago").send().await.unwrap();
    let html = res.text().await.unwrap();
    assert!(html.contains(r#"href="/signin""#) && !html.contains("data-signed-in"), "{html}");

    // A draft event is nobody's to share: its organisers still see its agenda, every time.
    let db = &app.state.db;
    let e = app::entities::event::Entity::find_by_id(s.c.event).one(db).await.unwrap().unwrap();
    app::entities::event::ActiveModel { visibility: Set("draft".into()), ..e.into() }.update(db).await.unwrap();
    estrade_tests::TestApp::eventually("the draft agenda hidden", std::time::Duration::from_secs(10), || async {
        client().get(&url).send().await.unwrap().status() == 404
    })
    .await;
    for _ in 0..2 {
        let page = visit(&s.c.org, &url, "en").await;
        assert!(page.html.contains("Alpha talk") && page.html.contains("Olga Organiser"));
    }
});
