//! The routes outside the server functions (REST, exports, uploads, CSV, probes) and the app's
//! pages, in the role × endpoint matrix.
use std::collections::BTreeSet;

use reqwest::Method;

use crate::access::{check_no_server_error, garbage, leaks, snippet, Access, Findings, Route};
use crate::matrix::{Answer, Role, World};

/// The axum route patterns written in the app's and the server's sources (`.route("…"`).
pub fn routes_in_sources() -> BTreeSet<String> {
    let root = crate::workspace_root();
    let mut found = BTreeSet::new();
    let mut dirs = vec![root.join("app/src"), root.join("server/src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("source dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("source file");
                for chunk in text.split(".route(\"").skip(1) {
                    found.insert(chunk.split('"').next().unwrap_or_default().to_string());
                }
            }
        }
    }
    found
}

pub fn check_routes_cover(table: &[Route]) -> Vec<String> {
    let listed: BTreeSet<String> = table.iter().map(|r| r.pattern.to_string()).collect();
    let written = routes_in_sources();
    let mut out: Vec<String> = written
        .difference(&listed)
        .map(|p| format!("new route {p} has no entry in the route access table (tests/tests/it/access_matrix.rs): add one"))
        .collect();
    out.extend(listed.difference(&written).map(|p| format!("the route access table lists {p}, which no source registers: remove it")));
    out
}

/// A 1×1 PNG is all an upload needs to be a photo.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00,
    0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63,
    0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60,
    0x82,
];

impl World {
    /// `GET /path` sends a GET; `UPLOAD /path` a multipart form with `photo` (`logo` for a partner's logo).
    async fn request(&self, role: Role, request: &str, photo: &[u8]) -> Answer {
        let (verb, target) = request.split_once(' ').expect("VERB /path");
        match verb {
            "UPLOAD" => {
                let field = if target.ends_with("/logo") {
                    "logo"
                } else if target.ends_with("/plan") {
                    "plan"
                } else {
                    "photo"
                };
                self.upload(role, target, field, photo.to_vec()).await
            }
            other => self.send(role, Method::from_bytes(other.as_bytes()).expect("a method"), target, &[]).await,
        }
    }
}

/// A refusal outside the server functions: 401/403/404, or a redirect to signing in; no data.
fn check_route_refused(f: &mut Findings, what: &str, a: &Answer) {
    let to_sign_in = (300..400).contains(&a.status) && a.location.as_deref().is_some_and(|l| l.starts_with("/signin"));
    if !(matches!(a.status, 401 | 403 | 404) || to_sign_in) || leaks(&a.body) {
        f.push(format!("{what}: should be refused, got {} {:?} {}", a.status, a.location, snippet(&a.body)));
    }
}

/// `text` with the placeholder `{name}` (whatever its value) replaced by `value`, URL-encoded.
fn with_placeholder(text: &str, name: &str, value: &str) -> String {
    let encoded: String = url_encode(value);
    text.replace(&format!("{{{name}}}"), &encoded)
}

fn url_encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| if b.is_ascii_alphanumeric() || b"-._~".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

fn placeholders(text: &str) -> Vec<String> {
    text.split('{').skip(1).filter_map(|s| s.split_once('}').map(|(name, _)| name.to_string())).collect()
}

/// Every route as every role, the draft event's, and garbage in each path segment and in the query.
pub async fn route_pass(w: &mut World, table: &[Route], f: &mut Findings) {
    let junk = garbage();
    for r in table {
        let mut got_past = false;
        for role in r.access.roles_refused_first() {
            let a = w.request(role, &w.fill(r.request), PNG).await;
            let what = format!("{} as {role:?}", r.request);
            if r.access.allows(role) {
                check_no_server_error(f, &what, &a);
                got_past |= !matches!(a.status, 401 | 403 | 404);
            } else {
                check_route_refused(f, &what, &a);
            }
        }
        if r.access != Access::Public && !got_past {
            f.push(format!("{}: no allowed role got past the access check", r.request));
        }
        if r.request.contains("{slug}") {
            for role in Role::ALL.into_iter().filter(|r| !matches!(r, Role::OtherOrganiser | Role::Admin)) {
                let a = w.request(role, &w.fill(&r.request.replace("{slug}", "{other_slug}")), PNG).await;
                check_route_refused(f, &format!("{} of the draft event as {role:?}", r.request), &a);
            }
        }
        for role in [Role::Anonymous, Role::Organiser] {
            for name in placeholders(r.request) {
                for (n, value) in junk.iter().take(3).enumerate() {
                    let request = w.fill(&with_placeholder(r.request, &name, value));
                    check_no_server_error(
                        f,
                        &format!("{request} as {role:?} (garbage #{n} in {name})"),
                        &w.request(role, &request, b"junk").await,
                    );
                }
            }
            let sep = if r.request.contains('?') { '&' } else { '?' };
            let query = format!("{sep}page=x&per_page=-1&version=99999999999999999999&talks={}", url_encode(&junk[0]));
            let request = w.fill(&format!("{}{query}", r.request));
            check_no_server_error(f, &format!("{request} as {role:?}"), &w.request(role, &request, b"junk").await);
        }
    }
}

/// The app's pages as the router lists them (`/events/{slug}`), each once.
pub fn pages() -> BTreeSet<String> {
    server::router::route_list().iter().map(|r| r.path().to_string()).collect()
}

/// A page's path with plausible values in its parameters (`{slug}` → `sel-conf`…).
fn plausible_page(page: &str) -> String {
    let mut out = page.to_string();
    for name in placeholders(page) {
        let value = match name.as_str() {
            "slug" | "code" | "item" => format!("{{{name}}}"),
            "id" => "{talk}".to_string(),
            "number" => "1".to_string(),
            _ => "0123456789abcdef".to_string(),
        };
        out = out.replace(&format!("{{{name}}}"), &value);
    }
    out
}

/// Pages only organisers and reviewers may see: nothing of `sel-conf` for these roles.
fn staff_page(page: &str, role: Role) -> bool {
    (page.starts_with("/admin") || page.starts_with("/review"))
        && matches!(role, Role::Anonymous | Role::Volunteer | Role::Speaker | Role::OtherOrganiser)
}

/// Every page as every role, then garbage in each parameter and in the usual query parameters:
/// never a server error, and the organisers' and reviewers' pages show others nothing.
pub async fn page_pass(w: &mut World, f: &mut Findings) {
    let junk = garbage();
    for page in pages() {
        let plausible = plausible_page(&page);
        for role in Role::ALL {
            let a = w.send(role, Method::GET, &w.fill(&plausible), &[]).await;
            let what = format!("page {page} as {role:?}");
            check_no_server_error(f, &what, &a);
            let others = role.email().map_or(a.body.clone(), |own| a.body.replace(own, ""));
            if staff_page(&page, role) && leaks(&others) {
                f.push(format!("{what}: shows the event's data ({})", a.status));
            }
        }
        for role in [Role::Anonymous, Role::Organiser] {
            for (n, value) in junk.iter().take(3).enumerate() {
                for name in placeholders(&page) {
                    let path = w.fill(&plausible_page(&with_placeholder(&page, &name, value)));
                    check_no_server_error(
                        f,
                        &format!("page {page} as {role:?} (garbage #{n} in {name})"),
                        &w.send(role, Method::GET, &path, &[]).await,
                    );
                }
                let keys = ["q", "day", "track", "format", "level", "language", "room", "state", "sort", "next", "token", "talks", "saved"];
                let query: Vec<(String, String)> = keys.iter().map(|k| (k.to_string(), value.clone())).collect();
                let a = w.send(role, Method::GET, &w.fill(&plausible), &query).await;
                check_no_server_error(f, &format!("page {page} as {role:?} (garbage #{n} in the query)"), &a);
            }
        }
    }
}
