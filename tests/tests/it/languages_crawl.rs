//! Every page of the router, on the demo data, as an anonymous visitor, a speaker, a reviewer and
//! an organiser, in French and in English: no text of the other language's catalogue shows on it.
//! (Words not in any catalogue yet are the source scan's business: `app::ui::untranslated`.)
use std::collections::BTreeMap;

use reqwest::Client;
use scraper::{Html, Node};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use app::entities::{event, proposal, schedule_item, talk, user};
use estrade_tests::http::{client, sign_in};
use estrade_tests::{workspace_root, Backend, TestApp};

/// Leaf values of a language's catalogues, by flattened key.
fn catalogue(language: &str) -> BTreeMap<String, String> {
    fn flatten(prefix: &str, v: &serde_json::Value, out: &mut BTreeMap<String, String>) {
        match v {
            serde_json::Value::Object(m) => m.iter().for_each(|(k, v)| flatten(&format!("{prefix}.{k}"), v, out)),
            serde_json::Value::String(s) => {
                out.insert(prefix.to_string(), s.clone());
            }
            _ => {}
        }
    }
    let mut out = BTreeMap::new();
    let dir = workspace_root().join("app/locales").join(language);
    for entry in std::fs::read_dir(dir).expect("catalogues").flatten() {
        let name = entry.file_name().to_string_lossy().trim_end_matches(".json").to_string();
        let value: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(entry.path()).unwrap()).unwrap();
        flatten(&name, &value, &mut out);
    }
    // The formats and tracks a new event starts with become the organisers' data, in the event's
    // language (a French event's "Talk court" is its name, not a word of the interface).
    out.retain(|key, _| !key.starts_with("events.defaults."));
    out
}

/// The texts of `language`'s catalogue that the other language writes differently, long enough to
/// be told from content by chance, without placeholders or date patterns.
fn telltales(language: &str, other: &str) -> Vec<String> {
    let mine = catalogue(language);
    let theirs = catalogue(other);
    mine.iter()
        .filter(|(k, v)| theirs.get(*k).is_some_and(|t| t != *v))
        .map(|(_, v)| v.trim().to_string())
        .filter(|v| !v.contains("{{") && !v.contains('%') && v.split_whitespace().count() >= 2 && v.chars().count() >= 8)
        .collect()
}

/// What a person reads on a page: text nodes and the attributes read aloud or shown, except inside
/// content marked with its own language (talks keep theirs) and scripts.
fn readable(html: &str, page_lang: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    let mut out = Vec::new();
    for node in doc.tree.nodes() {
        let foreign_or_code = node.ancestors().any(|a| match a.value() {
            Node::Element(e) => ["script", "style"].contains(&e.name()) || e.attr("lang").is_some_and(|l| l != page_lang && e.name() != "html"),
            _ => false,
        });
        if foreign_or_code {
            continue;
        }
        match node.value() {
            Node::Text(t) => out.push(t.trim().to_string()),
            Node::Element(e) => {
                for attr in ["aria-label", "title", "placeholder", "alt"] {
                    if let Some(v) = e.attr(attr) {
                        out.push(v.trim().to_string());
                    }
                }
            }
            _ => {}
        }
    }
    out.retain(|t| !t.is_empty());
    out
}

/// Concrete addresses of the router's pages on the demo data.
async fn demo_pages(app: &TestApp) -> Vec<String> {
    let db = &app.state.db;
    let today = chrono::Utc::now().date_naive();
    let nord = event::Entity::find()
        .filter(event::Column::Slug.starts_with("cloud-nord-"))
        .filter(event::Column::StartDate.gt(today))
        .one(db)
        .await
        .unwrap()
        .expect("the upcoming Cloud Nord");
    let sofia = user::Entity::find().filter(user::Column::EmailNormalized.eq("speaker@estrade.example")).one(db).await.unwrap().unwrap();
    let proposals = proposal::Entity::find().filter(proposal::Column::EventId.eq(nord.id)).order_by_asc(proposal::Column::Id).all(db).await.unwrap();
    let first = proposals.first().expect("proposals");
    let item = schedule_item::Entity::find().one(db).await.unwrap().map(|i| i.id.to_string()).unwrap_or_else(|| "1".into());
    let sofias_talk = talk::Entity::find().filter(talk::Column::OwnerId.eq(sofia.id)).one(db).await.unwrap().map(|t| t.id.to_string());
    let review_code = first.review_code.clone().unwrap_or_default();
    let speaker_code = sofia.public_code.clone().unwrap_or_default();
    server::router::route_list()
        .iter()
        .map(|r| r.path().to_string())
        .filter(|p| !p.contains("{token}"))
        .map(|p| {
            let p = p.replace("{slug}", &nord.slug).replace("{item}", &item).replace("{number}", "1");
            let p = p.replace("{id}", sofias_talk.as_deref().unwrap_or("1"));
            if p.contains("/speaker/{code}") {
                p.replace("{code}", &speaker_code)
            } else if p.starts_with("/review/") {
                p.replace("{code}", &review_code)
            } else {
                p.replace("{code}", &first.code)
            }
        })
        .collect()
}

async fn signed_in(app: &TestApp, email: &str, password: &str) -> Client {
    let c = client();
    assert_eq!(sign_in(&c, app, email, password).await.status(), 200, "{email} signs in");
    c
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_reads_in_one_language() {
    let app = TestApp::start(Backend::Sqlite).await;
    server::seed::seed_demo(&app.state.db, app.state.clock.now()).await.expect("demo data");
    let people = vec![
        ("anonymous", client()),
        ("speaker", signed_in(&app, "speaker@estrade.example", "demo-speaker-pass").await),
        ("reviewer", signed_in(&app, "reviewer@estrade.example", "demo-reviewer-pass").await),
        ("organiser", signed_in(&app, "admin@estrade.example", "demo-admin-pass").await),
    ];
    let pages = demo_pages(&app).await;
    let mut found = Vec::new();
    let mut read = 0;
    for (language, other) in [("fr", "en"), ("en", "fr")] {
        let foreign = telltales(other, language);
        for (who, c) in &people {
            for page in &pages {
                let res = c.get(app.url(page)).header("Cookie", format!("estrade_lang={language}")).send().await.unwrap();
                let status = res.status();
                let html = res.text().await.unwrap();
                assert!(status.as_u16() < 500, "{page} as {who}: {status}");
                assert!(html.contains(&format!("<html lang=\"{language}\"")), "{page} as {who} is not in {language}");
                read += 1;
                for text in readable(&html, language) {
                    for t in foreign.iter().filter(|t| text == **t || (t.split_whitespace().count() >= 3 && text.contains(t.as_str()))) {
                        found.push(format!("{page} as {who} in {language}: “{t}” ({other})"));
                    }
                }
            }
        }
    }
    found.sort();
    found.dedup();
    assert!(read > 100, "{read} pages read");
    assert!(found.is_empty(), "{} texts in the wrong language:\n{}", found.len(), found.join("\n"));
    app.stop().await;
}
