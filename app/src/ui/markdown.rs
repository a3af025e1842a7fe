//! Markdown people type (bios, abstracts, CFP texts), turned into safe HTML on the server.
use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag, TagEnd};

use super::SafeHtml;

/// Renders Markdown and keeps only harmless HTML: no scripts, no event handlers, no `javascript:` links,
/// and no remote images: a picture fetched from the writer's server would tell them the address of
/// everyone who reads (reviewers included), so images become links to them.
/// What was typed is stored as typed; only this rendering is cleaned.
pub fn render_markdown(source: &str) -> SafeHtml {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_TABLES);
    let mut raw = String::new();
    html::push_html(&mut raw, images_as_links(Parser::new_ext(source, options)));
    SafeHtml::sanitised(
        ammonia::Builder::default()
            .rm_tags(["img"])
            .url_schemes(["http", "https", "mailto"].into_iter().collect())
            .link_rel(Some("noopener noreferrer nofollow"))
            .clean(&raw)
            .to_string(),
    )
}

/// `![alt](url)` becomes `[alt](url)`; an image without alt text shows its address.
fn images_as_links<'a>(events: impl Iterator<Item = Event<'a>>) -> impl Iterator<Item = Event<'a>> {
    // The address of each open image, and whether it had text yet.
    let mut open: Vec<(CowStr<'a>, bool)> = Vec::new();
    events.flat_map(move |event| -> Vec<Event<'a>> {
        match event {
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                open.push((dest_url.clone(), false));
                vec![Event::Start(Tag::Link { link_type, dest_url, title, id })]
            }
            Event::End(TagEnd::Image) => match open.pop() {
                Some((url, false)) => vec![Event::Text(url), Event::End(TagEnd::Link)],
                _ => vec![Event::End(TagEnd::Link)],
            },
            other => {
                if let Some(last) = open.last_mut() {
                    last.1 = true;
                }
                vec![other]
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::render_markdown;

    #[test]
    fn formatting_survives() {
        let html = render_markdown("**Kubernetes** at [CNCF](https://cncf.io)").html();
        assert!(html.contains("<strong>Kubernetes</strong>"));
        assert!(html.contains("href=\"https://cncf.io\""));
    }

    #[test]
    fn scripts_handlers_and_javascript_links_are_removed() {
        let html = render_markdown("<script>alert(1)</script>\n\n[click](javascript:alert(2))\n\n<img src=x onerror=\"alert(3)\">").html();
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
    }

    #[test]
    fn images_are_never_loaded_but_become_links() {
        let html = render_markdown(
            "![our diagram](https://tracker.example/d.png) and ![](https://tracker.example/pixel.gif)\n\n\
             <img src=\"https://tracker.example/raw.png\"> <p><img src=//tracker.example/x.png alt=x></p>\n\n\
             [![badge](https://tracker.example/b.svg)](https://ci.example)",
        )
        .html();
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains(r#"<a href="https://tracker.example/d.png" rel="noopener noreferrer nofollow">our diagram</a>"#), "{html}");
        assert!(html.contains(">https://tracker.example/pixel.gif</a>"), "an image without alt text shows its address: {html}");
        assert!(html.contains("badge"), "{html}");
    }
}
