//! The Content-Security-Policy of pages.
//!
//! Server-rendered pages (all but the few that load the app, `domain::pages::loads_app`) run no
//! inline script and no wasm: they load small scripts from this site, so their policy allows those
//! and nothing else. That keeps them the same for every anonymous visitor, so the page cache may
//! serve one copy for a minute without handing out a nonce that would then be valid for everyone.
//! The app's pages (never cached) get a fresh nonce for Leptos' inline hydration scripts.
//!
//! Images come from this site only: Markdown images are rendered as links (`ui::markdown`), so a
//! text's author cannot learn who reads it. Speakers may give the address of their photo instead of
//! uploading one; the pages that show those photos (the attendee pages and one's own profile)
//! also allow https images.

/// What a page's policy depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PagePolicy<'a> {
    /// The page loads the app's wasm.
    pub app: bool,
    /// The response's nonce (None on server-rendered pages).
    pub nonce: Option<&'a str>,
    /// The page may show remote (https) speaker photos.
    pub remote_photos: bool,
    /// The development reload socket (`cargo leptos watch`), e.g. "ws://127.0.0.1:3001", if it runs.
    pub reload_socket: Option<(&'a str, u32)>,
}

/// The policy for `path` as the server renders it.
pub fn policy_for(path: &str, nonce: Option<&str>, reload_socket: Option<(&str, u32)>) -> String {
    let app = domain::pages::loads_app(path);
    policy(PagePolicy {
        app,
        // While developing with `cargo leptos watch`, the reload script needs the nonce everywhere.
        nonce: if app || reload_socket.is_some() { nonce } else { None },
        remote_photos: domain::agenda::is_attendee_page(path) || path.trim_end_matches('/') == "/profile",
        reload_socket,
    })
}

/// The header value.
pub fn policy(p: PagePolicy) -> String {
    let mut script = String::from("'self'");
    if p.app {
        script.push_str(" 'wasm-unsafe-eval'");
    }
    if let Some(nonce) = p.nonce {
        script.push_str(&format!(" 'nonce-{nonce}'"));
    }
    let img = if p.remote_photos { "'self' data: https:" } else { "'self' data:" };
    let connect = match p.reload_socket {
        Some((protocol, port)) => format!("'self' {protocol}://127.0.0.1:{port} {protocol}://localhost:{port}"),
        None => "'self'".to_string(),
    };
    format!(
        "default-src 'self'; script-src {script}; style-src 'self'; style-src-attr 'unsafe-inline'; img-src {img}; \
         connect-src {connect}; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn directive<'a>(policy: &'a str, name: &str) -> &'a str {
        policy.split("; ").find_map(|d| d.strip_prefix(name)?.strip_prefix(' ')).unwrap_or_else(|| panic!("{name} in {policy}"))
    }

    #[test]
    fn server_rendered_pages_carry_no_nonce_the_apps_their_own() {
        for path in ["/events/cn/agenda", "/events/cn/talk/xyz", "/review/cn", "/events/cn/cfp/propose"] {
            assert_eq!(directive(&policy_for(path, Some("abc"), None), "script-src"), "'self'", "{path}");
        }
        let builder = policy_for("/admin/events/cn/schedule", Some("abc"), None);
        assert_eq!(directive(&builder, "script-src"), "'self' 'wasm-unsafe-eval' 'nonce-abc'");
    }

    #[test]
    fn images_come_from_this_site_except_speakers_photos() {
        for path in ["/review/cn/abc", "/admin/events/cn/proposals/abc", "/proposals/abc", "/events/cn/cfp"] {
            assert_eq!(directive(&policy_for(path, Some("n"), None), "img-src"), "'self' data:", "{path}");
        }
        for path in ["/events/cn/speaker/abc", "/events/cn/talk/abc", "/profile"] {
            assert_eq!(directive(&policy_for(path, Some("n"), None), "img-src"), "'self' data: https:", "{path}");
        }
    }

    #[test]
    fn the_reload_socket_is_allowed_only_while_watching() {
        assert_eq!(directive(&policy_for("/", Some("n"), None), "connect-src"), "'self'");
        let watching = policy_for("/", Some("n"), Some(("ws", 3001)));
        assert_eq!(directive(&watching, "connect-src"), "'self' ws://127.0.0.1:3001 ws://localhost:3001");
    }
}
