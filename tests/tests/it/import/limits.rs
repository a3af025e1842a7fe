//! What an import refuses before it reads a file as a schedule: nesting that would exhaust a
//! worker's stack (the 50,000-level XML aborted the whole server), too many items, too large a body.
//! The server answers each with a sentence and keeps serving.
use super::*;

/// A sentence for people: words, not a bare status or a stack trace.
fn is_sentence(text: &str) -> bool {
    text.split_whitespace().count() >= 5 && !text.contains("panicked")
}

async fn still_serving(app: &estrade_tests::TestApp) {
    assert_eq!(get_text(&client(), app, "/healthz").await, (200, "ok".to_string()), "the server still answers");
}

db_test!(a_deeply_nested_file_is_refused_and_the_server_stays_up, |backend: Backend| async move {
    let c = conf(backend, Setup::default()).await;
    let before = counts(&c.app.state.db).await;
    let n = 50_000;
    let files = [
        format!("<?xml version=\"1.0\"?><schedule>{}{}</schedule>", "<a>".repeat(n), "</a>".repeat(n)),
        format!("{}{}", "[".repeat(n), "]".repeat(n)),
        format!("{}1{}", r#"{"schedule":"#.repeat(n), "}".repeat(n)),
    ];
    for file in &files {
        let (code, text) = import_as(&c.org, &c.app, SLUG, file).await;
        assert_eq!(code, 400, "{text}");
        assert!(text.contains("the file nests more than 32 levels deep"), "{text}");
        assert!(is_sentence(&text), "{text}");
        still_serving(&c.app).await;
    }
    assert_eq!(counts(&c.app.state.db).await, before, "nothing written");
    // The organiser can go on importing a real file.
    assert_eq!(import_as(&c.org, &c.app, SLUG, &sample_json()).await.0, 200);
});

db_test!(a_file_with_too_many_items_or_bytes_is_refused_with_the_limit, |backend: Backend| async move {
    let c = conf(backend, Setup::default()).await;
    let before = counts(&c.app.state.db).await;
    let doc: Value = serde_json::from_str(&sample_json()).unwrap();
    let mut many = doc.clone();
    many["schedule"]["conference"]["tracks"] = (0..201).map(|i| serde_json::json!({"name": format!("Track {i}")})).collect();
    let (code, text) = import_as(&c.org, &c.app, SLUG, &many.to_string()).await;
    assert_eq!(code, 400, "{text}");
    assert!(text.contains("the file has 201 tracks; an import takes at most 200"), "{text}");
    let mut crowded = doc.clone();
    let persons: Vec<Value> = (0..51).map(|i| serde_json::json!({"code": format!("P{i}"), "name": format!("Person {i}")})).collect();
    crowded["schedule"]["conference"]["days"][0]["rooms"]["Amphi"][0]["persons"] = persons.into();
    let (code, text) = import_as(&c.org, &c.app, SLUG, &crowded.to_string()).await;
    assert_eq!(code, 400, "{text}");
    assert!(text.contains("51 people speak in this session; an import takes at most 50"), "{text}");
    // Over the server's body limit (2 MB here): refused before any parsing, with a sentence.
    let (code, text) = import_as(&c.org, &c.app, SLUG, &format!("{}{}", sample_json(), " ".repeat(3 * 1024 * 1024))).await;
    assert_eq!(code, 413, "{text}");
    assert!(is_sentence(&text), "{text}");
    assert_eq!(counts(&c.app.state.db).await, before, "nothing written");
    still_serving(&c.app).await;
});
