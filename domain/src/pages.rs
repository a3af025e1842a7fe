//! How each page reaches the browser. Nearly every page is complete as server-rendered HTML: its
//! forms post and come back (with the error beside the field and what was typed), and small
//! scripts add comfort. Only the pages that cannot work that way load the app's wasm: the schedule
//! builder (drag and drop on the grid) and its import (reading a file in the browser). A speaker on
//! a phone downloads a few kilobytes, not the application.

/// Whether the page at `path` loads and hydrates the app's wasm.
pub fn loads_app(path: &str) -> bool {
    let parts: Vec<&str> = path.trim_end_matches('/').split('/').skip(1).collect();
    matches!(parts.as_slice(), ["admin", "events", slug, "schedule"] | ["admin", "events", slug, "schedule", "import"] if !slug.is_empty())
}

/// The scripts a server-rendered page loads (none for the app's pages, which hydrate instead):
/// `/page.js` everywhere (focus on the first error, …), `/agenda.js` on attendee pages (stars,
/// instant filters), `/village-map.js` on the organisers' floor map (drag and drop of booths).
pub fn scripts_of(path: &str) -> Vec<&'static str> {
    if loads_app(path) {
        return Vec::new();
    }
    let mut scripts = vec!["/page.js"];
    if crate::agenda::is_attendee_page(path) {
        scripts.push("/agenda.js");
    }
    if crate::agenda::is_floor_map_editor(path) {
        scripts.push("/village-map.js");
    }
    scripts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_schedule_builder_and_its_import_load_the_app() {
        for p in ["/admin/events/cn/schedule", "/admin/events/cn/schedule/", "/admin/events/cn/schedule/import"] {
            assert!(loads_app(p), "{p}");
            assert!(scripts_of(p).is_empty(), "{p}");
        }
        for p in [
            "/",
            "/signin",
            "/events/cn",
            "/events/cn/cfp/propose",
            "/proposals",
            "/profile",
            "/review/cn",
            "/admin",
            "/admin/events/cn/proposals",
            "/admin/events/cn/schedule/place/4",
            "/admin/events/cn/schedule/versions",
            "/admin/events//schedule",
            "/events/cn/schedule",
        ] {
            assert!(!loads_app(p), "{p}");
            assert_eq!(scripts_of(p), ["/page.js"], "{p}");
        }
        assert_eq!(scripts_of("/events/cn/agenda"), ["/page.js", "/agenda.js"]);
        assert_eq!(scripts_of("/admin/events/cn/village"), ["/page.js", "/agenda.js", "/village-map.js"]);
    }
}
