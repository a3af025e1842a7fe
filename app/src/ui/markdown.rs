//! Markdown people type (bios, abstracts, CFP texts), turned into safe HTML on the server.
use pulldown_cmark::{html, Options, Parser};

/// Renders Markdown and keeps only harmless HTML: no scripts, no event handlers, no `javascript:` links.
/// What was typed is stored as typed; only this rendering is cleaned.
pub fn render_markdown(source: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_TABLES);
    let mut raw = String::new();
    html::push_html(&mut raw, Parser::new_ext(source, options));
    ammonia::Builder::default()
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(&raw)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::render_markdown;

    #[test]
    fn formatting_survives() {
        let html = render_markdown("**Kubernetes** at [CNCF](https://cncf.io)");
        assert!(html.contains("<strong>Kubernetes</strong>"));
        assert!(html.contains("href=\"https://cncf.io\""));
    }

    #[test]
    fn scripts_handlers_and_javascript_links_are_removed() {
        let html = render_markdown(
            "<script>alert(1)</script>\n\n[click](javascript:alert(2))\n\n<img src=x onerror=\"alert(3)\">",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
    }
}
