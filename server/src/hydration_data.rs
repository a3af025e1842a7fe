//! Server-rendered pages (all but the app's, `domain::pages::loads_app`) are never hydrated, so the
//! data Leptos appends after `</html>` for hydration — the page's resources serialised in inline
//! scripts — is dead weight there: a second copy of the page's data that a browser downloads and
//! never runs (their policy allows no inline script). This drops it.
use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Larger pages are refused rather than buffered (no page comes near it).
const MAX_PAGE_BYTES: usize = 16 * 1024 * 1024;
const END: &[u8] = b"</body></html>";

fn is_html(res: &Response) -> bool {
    res.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("text/html"))
}

/// The page up to its end: what follows `</body></html>` goes.
fn page_only(html: &[u8]) -> &[u8] {
    match html.windows(END.len()).position(|w| w == END) {
        Some(at) => &html[..at + END.len()],
        None => html,
    }
}

pub async fn drop_hydration_data(req: Request, next: Next) -> Response {
    let server_rendered = req.method() == Method::GET && !domain::pages::loads_app(req.uri().path());
    let res = next.run(req).await;
    if !server_rendered || !is_html(&res) {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_PAGE_BYTES).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "This page is too large to send.").into_response();
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(bytes.slice(..page_only(&bytes).len())))
}

#[cfg(test)]
mod tests {
    use super::page_only;

    #[test]
    fn keeps_the_page_and_drops_what_follows_it() {
        let html = b"<html><body><p>&lt;/body&gt;&lt;/html&gt;</p></body></html><script>__RESOLVED_RESOURCES=[]</script>";
        assert_eq!(page_only(html), b"<html><body><p>&lt;/body&gt;&lt;/html&gt;</p></body></html>");
        assert_eq!(page_only(b"not a page"), b"not a page");
    }
}
