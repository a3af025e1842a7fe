//! No words of the interface outside the catalogues: a source scan finds string literals that read
//! like English sentences or view text, and fails on any in a file not listed below. The `domain`
//! crate's sources (`domain/…`) are scanned too: its rules return `Problem`s, worded here.
use crate::ui::checks::{app_sources, domain_sources};

/// Files whose words are not all in the catalogues yet. A file leaves the list once translated; the
/// test fails when a listed file has nothing left, so the list only shrinks.
const NOT_YET_TRANSLATED: &[&str] = &[];

/// Not the interface: data types, this scan, the catalogue code, and files for developers and operators.
fn out_of_scope(rel: &str) -> bool {
    rel.starts_with("entities/")
        || rel.starts_with("lang/")
        || rel.ends_with("tests.rs")
        || rel.contains("/tests/")
        || ["ui/checks.rs", "ui/untranslated.rs", "module_graph.rs"].contains(&rel)
        // The REST API answers developers' programs, in English like its OpenAPI description.
        || rel == "agenda/rest.rs"
        // The SMTP settings' message is for the operator starting the server, in its log.
        || rel == "mail/transport.rs"
}

/// Lines that hold text for developers or logs, not for people using Estrade.
fn developer_line(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("//")
        || t.starts_with("#[")
        || ["tracing::", ".expect(", "panic!(", "assert", "unreachable!", "anyhow!", "endpoint =", "path!(", "r#\""]
            .iter()
            .any(|n| line.contains(n))
}

/// The string literals of a line, without their quotes (escaped quotes kept inside).
fn literals(line: &str) -> Vec<&str> {
    let bytes = line.as_bytes();
    let mut out = Vec::new();
    let mut start = None;
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], start) {
            (b'\\', Some(_)) => i += 1,
            (b'"', None) => start = Some(i + 1),
            (b'"', Some(s)) => {
                out.push(&line[s..i]);
                start = None;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

fn looks_like_words(text: &str, in_view: bool) -> bool {
    let words = text.split_whitespace().filter(|w| w.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 2).count();
    let first = text.chars().next().unwrap_or(' ');
    let technical = text.starts_with(['/', '.', '#', '-'])
        || text.starts_with("http")
        || text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_-/:.".contains(c))
        || ["SELECT", "INSERT", "var(", "text/", "application/", "charset", "grid-", "Content-"].iter().any(|n| text.contains(n));
    !technical
        && text != "Estrade"
        && ((words >= 2 && (first.is_ascii_uppercase() || "“«(".contains(first))) || (in_view && first.is_ascii_uppercase()))
}

/// (line number, literal) of every English-looking literal of a file, test modules excluded.
fn english_literals(text: &str) -> Vec<(usize, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        // Test modules, and fixture modules compiled for tests (`#[cfg(any(test, feature = "fixtures"))]`).
        let test_cfg = line.trim() == "#[cfg(test)]" || (line.trim().starts_with("#[cfg(any(test,") && line.contains("fixtures"));
        let starts_tests =
            test_cfg && lines.get(i + 1).is_some_and(|n| n.trim_start().starts_with("mod ") || n.trim_start().starts_with("pub mod "));
        if starts_tests {
            break;
        }
        if developer_line(line) {
            continue;
        }
        for lit in literals(line) {
            let before = line[..line.find(&format!("\"{lit}\"")).unwrap_or(0)].trim_end();
            let in_view = before.ends_with('>')
                || ["label=", "hint=", "text=", "placeholder=", "title=", "alt=", "aria-label=", "fallback="]
                    .iter()
                    .any(|a| before.ends_with(a));
            if looks_like_words(lit, in_view) {
                found.push((i + 1, lit.to_string()));
            }
        }
    }
    found
}

#[test]
fn every_word_of_the_interface_is_in_the_catalogues() {
    let mut problems = Vec::new();
    let mut remaining = 0;
    for (rel, text) in app_sources().iter().chain(domain_sources().iter()).filter(|(rel, _)| !out_of_scope(rel)) {
        let found = english_literals(text);
        let listed = NOT_YET_TRANSLATED.contains(&rel.as_str());
        if listed {
            remaining += found.len();
            if found.is_empty() {
                problems.push(format!("{rel} is translated: take it off NOT_YET_TRANSLATED"));
            }
        } else {
            problems.extend(found.iter().map(|(n, lit)| format!("{rel}:{n}: \"{lit}\" belongs in a catalogue (app/locales)")));
        }
    }
    eprintln!("{remaining} English strings left in {} files still to translate", NOT_YET_TRANSLATED.len());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_scan_sees_view_text_and_sentences_but_not_code() {
    let sample = r#"
        view! { <h1>"Review"</h1> <Field label="Your name"/> <p class="meta x">{x}</p> }
        let m = "Please enter a name.";
        let css = "grid-column:2"; let path = "/admin/events"; let key = "display_name";
        tracing::warn!("Something failed here");
    "#;
    let found: Vec<String> = english_literals(sample).into_iter().map(|(_, l)| l).collect();
    assert_eq!(found, ["Review", "Your name", "Please enter a name."]);
}
