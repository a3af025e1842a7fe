//! Refuses NUL characters in addresses and forms. PostgreSQL can neither store nor compare text
//! holding one (every query with such a value fails), and no field of the app has a use for it, so
//! a request carrying one is answered 400 before any handler reads it, on both databases alike.
use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use app::error::AppError;

const MESSAGE: &str = "This request contains a NUL character (%00), which no address or form field may hold.";

/// A NUL as a form or URL encodes it (`%00`), or raw.
pub fn has_nul(bytes: &[u8]) -> bool {
    bytes.contains(&0) || bytes.windows(3).any(|w| w == b"%00")
}

fn is_form(req: &Request) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"))
}

/// The refusal in the shape each part of the app answers errors in.
fn refusal(path: &str) -> Response {
    let json = [(header::CONTENT_TYPE, "application/json")];
    if path.starts_with("/api/v1/") {
        (StatusCode::BAD_REQUEST, json, serde_json::json!({ "error": MESSAGE }).to_string()).into_response()
    } else if path.starts_with("/api/") {
        let body = serde_json::to_string(&AppError::BadRequest(MESSAGE.into())).unwrap_or_default();
        (StatusCode::BAD_REQUEST, json, body).into_response()
    } else {
        (StatusCode::BAD_REQUEST, MESSAGE).into_response()
    }
}

pub async fn refuse_nul(req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    if req.uri().path_and_query().is_some_and(|pq| has_nul(pq.as_str().as_bytes())) {
        return refusal(&path);
    }
    if !is_form(&req) {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    // The body limit layers around this one bound what is read here.
    let Ok(bytes) = to_bytes(body, usize::MAX).await else {
        return (StatusCode::PAYLOAD_TOO_LARGE, "This request is too large.").into_response();
    };
    if has_nul(&bytes) {
        return refusal(&path);
    }
    next.run(Request::from_parts(parts, Body::from(bytes))).await
}

#[cfg(test)]
mod tests {
    use super::has_nul;

    #[test]
    fn finds_encoded_and_raw_nul_only() {
        assert!(has_nul(b"title=a%00b"));
        assert!(has_nul(b"a\0b"));
        assert!(!has_nul(b"title=100%25&n=%2500"));
        assert!(!has_nul(b"slug=sel-conf&start=10:00"));
    }
}
