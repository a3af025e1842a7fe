//! Keeps pages on the components that escape what people type and bring failed forms back, and every
//! rule on one clock: these tests read the sources and fail when code bypasses them.
use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable source dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// (path relative to app/src, text) of every source file.
pub(crate) fn app_sources() -> Vec<(String, String)> {
    sources_under(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
}

/// (`domain/` + path relative to `domain/src`, text) of every source file of the `domain` crate,
/// whose rules run in this app.
pub(crate) fn domain_sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../domain/src");
    sources_under(&root).into_iter().map(|(rel, text)| (format!("domain/{rel}"), text)).collect()
}

/// (path relative to `root`, text) of every source file under `root`.
fn sources_under(root: &Path) -> Vec<(String, String)> {
    let mut files = Vec::new();
    sources(root, &mut files);
    files
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(root).expect("under src").to_string_lossy().replace('\\', "/");
            let text = std::fs::read_to_string(&p).expect("readable source");
            (rel, text)
        })
        .collect()
}

fn offenders(check: impl Fn(&str, &str) -> Vec<String>) -> Vec<String> {
    app_sources().iter().filter(|(rel, _)| rel != "ui/checks.rs").flat_map(|(rel, text)| check(rel, text)).collect()
}

fn lines_with(rel: &str, text: &str, needle: &str) -> Vec<String> {
    text.lines().enumerate().filter(|(_, l)| l.contains(needle)).map(|(i, l)| format!("{rel}:{}: {}", i + 1, l.trim())).collect()
}

#[test]
fn titles_text_areas_and_forms_come_from_ui() {
    // `<Title>` writes its text unescaped on the server, `<textarea>` children are not escaped by
    // Leptos, and `ActionForm` alone does not bring a failed form back: use PageTitle, TextArea or
    // TextBox, and Form.
    let found = offenders(|rel, text| {
        if rel.starts_with("ui/") {
            return vec![];
        }
        ["<Title", "leptos_meta::Title", "<textarea", "<ActionForm"].iter().flat_map(|n| lines_with(rel, text, n)).collect()
    });
    assert!(found.is_empty(), "use the ui components instead:\n{}", found.join("\n"));
}

#[test]
fn inner_html_is_only_rendered_markdown() {
    // `SafeHtml` is made only by `ui::markdown::render_markdown` (sanitised) or by rendering the
    // app's own components (`SafeHtml::rendered`); `.html()` is its text.
    let found = offenders(|rel, text| {
        lines_with(rel, text, "inner_html=")
            .into_iter()
            .filter(|l| {
                let expr = l.split("inner_html=").nth(1).unwrap_or("");
                let call: String = expr.chars().take_while(|c| c.is_alphanumeric() || "_.()".contains(*c)).collect();
                !call.ends_with("_html.html()")
            })
            .collect()
    });
    assert!(found.is_empty(), "inner_html must be fed a SafeHtml (`….html()` of a `…_html` field):\n{}", found.join("\n"));
}

/// The `{…}` expressions between `<tag…>` and `</tag>` in `text`.
fn child_expressions(text: &str, tag: &str) -> Vec<String> {
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(&open) {
        rest = &rest[start + open.len()..];
        // An element written in a view is short; a tag name in a string is not followed by its end.
        let Some(end) = rest.find(&close).filter(|&end| end < 1000) else { continue };
        let inner = &rest[rest.find('>').map_or(0, |i| i + 1).min(end)..end];
        out.extend(inner.split('{').skip(1).map(|e| e.split('}').next().unwrap_or("").trim().to_string()));
        rest = &rest[end..];
    }
    out
}

#[test]
fn raw_text_elements_hold_only_constants() {
    // Leptos writes the children of <script>, <style> and <noscript> unescaped on the server.
    // A catalogue text without arguments is a constant too (`lang::catalogue_check` refuses `<` in them).
    let is_constant = |e: &str| {
        (e.starts_with("tr!(") && !e.contains(','))
            || e.rsplit("::")
                .next()
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'))
    };
    let found = offenders(|rel, text| {
        ["script", "style", "noscript"]
            .iter()
            .flat_map(|tag| child_expressions(text, tag))
            .filter(|e| !is_constant(e))
            .map(|e| format!("{rel}: {{{e}}}"))
            .collect()
    });
    assert!(found.is_empty(), "only constants inside <script>, <style>, <noscript>:\n{}", found.join("\n"));
}

/// The only files that may read the system clock, and why. Everything else takes `now` from
/// `state.clock` (server functions) or as a parameter (services, domain rules, seeds), so that a test
/// that stops the clock moves every rule at once.
const SYSTEM_CLOCK_ALLOWED: &[(&str, &str)] = &[("app/src/state.rs", "`Clock::now` itself: the system clock unless a test stopped it")];

/// Lines of app/src and server/src that read the system clock outside `SYSTEM_CLOCK_ALLOWED`.
fn system_clock_reads() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for (crate_dir, dir) in [("app/src", root.join("src")), ("server/src", root.join("../server/src"))] {
        if !dir.is_dir() {
            continue;
        }
        for (rel, text) in sources_under(&dir) {
            let rel = format!("{crate_dir}/{rel}");
            if rel == "app/src/ui/checks.rs" || SYSTEM_CLOCK_ALLOWED.iter().any(|(allowed, _)| *allowed == rel) {
                continue;
            }
            found.extend(["Utc::now", "Local::now", "SystemTime::now"].iter().flat_map(|n| lines_with(&rel, &text, n)));
        }
    }
    found
}

#[test]
fn rules_read_the_app_clock_not_the_system_clock() {
    let found = system_clock_reads();
    assert!(found.is_empty(), "take `now` from `state.clock.now()` (or as a parameter) instead of the system clock:\n{}", found.join("\n"));
}

#[test]
fn the_checks_see_what_they_look_for() {
    assert_eq!(lines_with("x.rs", "let a = 1;\nlet t = chrono::Utc::now();", "Utc::now"), ["x.rs:2: let t = chrono::Utc::now();"]);
    assert_eq!(child_expressions("<noscript><p>{text::X}</p></noscript>", "noscript"), ["text::X"]);
    assert_eq!(child_expressions(r#"<script src="/a.js" defer=true></script>"#, "script"), Vec::<String>::new());
    assert_eq!(child_expressions("<style>{user.css}</style>", "style"), ["user.css"]);
}
