//! Request guards and response fix-ups that apply to every route.
use axum::body::{to_bytes, Body};
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use app::error::AppError;
use app::state::AppState;

fn is_safe_method(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Refuses writes that a browser marks as coming from another site (CSRF defence in depth,
/// on top of SameSite=Lax cookies).
pub async fn refuse_cross_origin_writes(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if !is_safe_method(req.method()) && is_cross_origin(&state, &req) {
        tracing::warn!(path = %req.uri().path(), "cross-origin write refused");
        return (StatusCode::FORBIDDEN, "This request came from another site and was refused.").into_response();
    }
    next.run(req).await
}

fn is_cross_origin(state: &AppState, req: &Request) -> bool {
    let headers = req.headers();
    if headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) == Some("cross-site") {
        return true;
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let host_origin = headers.get(header::HOST).and_then(|v| v.to_str().ok()).map(|host| {
        let scheme = if state.config.secure_cookies() { "https" } else { "http" };
        format!("{scheme}://{host}")
    });
    origin != state.config.origin() && Some(origin) != host_origin.as_deref()
}

/// Answers 413 with a sentence when the declared body is over the limit (the streaming limit
/// layer catches bodies that do not declare their length).
pub async fn refuse_large_bodies(State(limit): State<usize>, req: Request, next: Next) -> Response {
    let declared = req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|len| len > limit) {
        let mb = limit as f64 / (1024.0 * 1024.0);
        return (StatusCode::PAYLOAD_TOO_LARGE, format!("This request is too large: the limit is {mb:.0} MB.")).into_response();
    }
    next.run(req).await
}

/// Server functions answer errors with 500 and a JSON `AppError`; give them the status the error means.
pub async fn server_fn_error_status(req: Request, next: Next) -> Response {
    let is_server_fn = req.uri().path().starts_with("/api/");
    let res = next.run(req).await;
    if !is_server_fn || res.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = to_bytes(body, 64 * 1024).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "Internal error").into_response();
    };
    if let Ok(err) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = StatusCode::from_u16(err.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// Counts requests and their latency per route for `/metrics`.
pub async fn record_metrics(req: Request, next: Next) -> Response {
    let route = req.extensions().get::<MatchedPath>().map(|p| p.as_str().to_string()).unwrap_or_else(|| {
        if req.uri().path().starts_with("/pkg/") {
            "/pkg/*".into()
        } else {
            "other".into()
        }
    });
    let method = req.method().to_string();
    let start = std::time::Instant::now();
    let res = next.run(req).await;
    let status = res.status().as_u16().to_string();
    let labels = [("method", method), ("route", route), ("status", status)];
    metrics::counter!("estrade_http_requests_total", &labels).increment(1);
    metrics::histogram!("estrade_http_request_duration_seconds", &labels[..2]).record(start.elapsed().as_secs_f64());
    res
}

/// Hashed static files never change under the same name.
pub async fn long_cache(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    if res.status().is_success() {
        res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=31536000, immutable"));
    }
    res
}
