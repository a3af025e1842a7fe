//! Whether an uploaded SVG is a plain drawing: an `<svg>` root, no script, no event handler, no
//! embedded document, and nothing fetched from elsewhere (links only to its own `#ids`). Anything
//! this reader does not understand is refused rather than guessed at.
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// Nesting deeper than this is refused (a logo is shallow; a hostile file need not be read to the end).
const MAX_DEPTH: usize = 64;
const FORBIDDEN: [&str; 8] = ["script", "foreignobject", "iframe", "embed", "object", "audio", "video", "handler"];

fn local(name: &[u8]) -> String {
    let name = String::from_utf8_lossy(name).to_ascii_lowercase();
    name.rsplit(':').next().unwrap_or_default().to_string()
}

/// `url(...)` in a value must point inside the document.
fn refers_outside(value: &str) -> bool {
    let v = value.to_ascii_lowercase();
    v.contains("javascript:")
        || v.contains("@import")
        || v.split("url(").skip(1).any(|rest| !rest.trim_start_matches(['\'', '"', ' ']).starts_with('#'))
}

fn element_is_safe(e: &BytesStart) -> bool {
    if FORBIDDEN.contains(&local(e.name().as_ref()).as_str()) {
        return false;
    }
    e.attributes().all(|a| {
        let Ok(a) = a else { return false };
        let key = local(a.key.as_ref());
        let value = String::from_utf8_lossy(&a.value).to_string();
        !key.starts_with("on") && !(key == "href" && !value.trim_start().starts_with('#')) && !refers_outside(&value)
    })
}

/// True when `bytes` is an SVG drawing safe to serve as an image.
pub fn is_safe_svg(bytes: &[u8]) -> bool {
    let mut reader = Reader::from_reader(bytes);
    let mut depth = 0usize;
    let mut saw_root = false;
    let mut buf = Vec::new();
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(e) => e,
            Err(_) => return false,
        };
        match event {
            Event::Start(e) if !saw_root => {
                if local(e.name().as_ref()) != "svg" || !element_is_safe(&e) {
                    return false;
                }
                (saw_root, depth) = (true, 1);
            }
            Event::Empty(e) if !saw_root => {
                if local(e.name().as_ref()) != "svg" || !element_is_safe(&e) {
                    return false;
                }
                saw_root = true;
            }
            Event::Start(e) => {
                depth += 1;
                if depth > MAX_DEPTH || !element_is_safe(&e) {
                    return false;
                }
            }
            Event::Empty(e) if !element_is_safe(&e) => return false,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Text(t) if refers_outside(&String::from_utf8_lossy(&t)) => return false,
            Event::CData(t) if refers_outside(&String::from_utf8_lossy(&t)) => return false,
            Event::DocType(_) | Event::PI(_) => return false,
            Event::Eof => return saw_root && depth == 0,
            _ => {}
        }
        buf.clear();
    }
}

/// Whether the bytes look like an SVG document at all (they start with markup and name `<svg`).
pub fn looks_like_svg(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    head.trim_start().starts_with('<') && head.contains("<svg")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_drawing_passes() {
        let logo = br##"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g"/></defs><rect width="10" height="10" fill="url(#g)"/><use href="#g"/><text>Nordic</text></svg>"##;
        assert!(is_safe_svg(logo));
        assert!(looks_like_svg(logo));
    }

    #[test]
    fn scripts_handlers_and_outside_references_are_refused() {
        for bad in [
            &br#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#[..],
            br#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>"#,
            br#"<svg xmlns="http://www.w3.org/2000/svg"><rect onclick="x()"/></svg>"#,
            br#"<svg xmlns="http://www.w3.org/2000/svg"><image href="https://tracker.example/p.png"/></svg>"#,
            br#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="javascript:alert(1)"><rect/></a></svg>"#,
            br#"<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div/></foreignObject></svg>"#,
            br#"<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://x.example/a.css);</style></svg>"#,
            br#"<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://x.example/f)"/></svg>"#,
            br#"<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg"/>"#,
            br#"<html><svg/></html>"#,
            br#"<svg xmlns="http://www.w3.org/2000/svg"><rect"#,
            b"not xml at all",
        ] {
            assert!(!is_safe_svg(bad), "{}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn a_deep_file_is_refused_without_reading_it_all() {
        let deep = format!("<svg>{}{}</svg>", "<g>".repeat(100_000), "</g>".repeat(100_000));
        assert!(!is_safe_svg(deep.as_bytes()));
    }
}
