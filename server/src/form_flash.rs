//! Keeps what a form sent when it failed without JavaScript and hands it to the page the browser
//! is sent back to, so the form shows what was typed (see `app::ui::flash`).
use std::sync::Arc;

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use app::auth::session::cookie_value;
use app::crypto::new_token;
use app::formats::form_flash::{flash_id, kept_fields, relocate, reports_error, FLASH_COOKIE, MAX_FLASH_BYTES};
use app::state::AppState;
use app::ui::flash_store;

pub async fn keep_failed_forms(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if is_plain_form_post(&req) {
        return form_post(state, req, next).await;
    }
    let req = if req.method() == Method::GET { with_kept_form(&state, req).await } else { req };
    next.run(req).await
}

/// A form posted by the browser itself (no JavaScript) to a server function.
fn is_plain_form_post(req: &Request) -> bool {
    let header_has =
        |name: header::HeaderName, needle: &str| req.headers().get(name).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains(needle));
    req.method() == Method::POST
        && req.uri().path().starts_with("/api/")
        && header_has(header::ACCEPT, "text/html")
        && header_has(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
}

/// The random id in this browser's form cookie, if it carries a well-formed one.
fn browser_id(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|h| h.to_str().ok())
        .find_map(|h| cookie_value(h, FLASH_COOKIE))
        .filter(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()))
        .map(str::to_owned)
}

async fn form_post(state: AppState, req: Request, next: Next) -> Response {
    let browser = browser_id(req.headers());
    let path = req.uri().path().to_string();
    let (parts, body) = req.into_parts();
    // The body limit layers around this one bound what is read here.
    let Ok(bytes) = to_bytes(body, usize::MAX).await else {
        return (StatusCode::PAYLOAD_TOO_LARGE, "This form is too large to send.").into_response();
    };
    let mut res = next.run(Request::from_parts(parts, Body::from(bytes.clone()))).await;
    let Some(location) = res.headers().get(header::LOCATION).and_then(|v| v.to_str().ok()).map(str::to_owned) else {
        return res;
    };
    let failed = reports_error(&location) && bytes.len() <= MAX_FLASH_BYTES;
    let (kept, new_cookie) = if failed { keep(&state, browser, &path, &bytes).await } else { (None, None) };
    if let Ok(v) = HeaderValue::from_str(&relocate(&location, kept.as_deref())) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    if let Some(cookie) = new_cookie.and_then(|c| HeaderValue::from_str(&cookie_header(&state, &c)).ok()) {
        res.headers_mut().append(header::SET_COOKIE, cookie);
    }
    res
}

/// Keeps the fields of a failed post; returns their id and, for a browser without one, a new cookie value.
async fn keep(state: &AppState, browser: Option<String>, path: &str, body: &[u8]) -> (Option<String>, Option<String>) {
    let (browser, fresh) = match browser {
        Some(b) => (b, false),
        None => (new_token(), true),
    };
    // On a failure (logged) the page comes back from the stored values, as without this.
    let fields = kept_fields(body);
    let submission = flash_store::Submission { browser: &browser, path, fields: &fields };
    match flash_store::keep(&state.db, submission, state.clock.now()).await {
        Ok(id) => (Some(id), fresh.then_some(browser)),
        Err(_) => (None, None),
    }
}

/// A cookie for this browsing session only: kept submissions last minutes anyway.
fn cookie_header(state: &AppState, value: &str) -> String {
    let secure = if state.config.secure_cookies() { "; Secure" } else { "" };
    format!("{FLASH_COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax{secure}")
}

/// Adds the submission a page address names (after a failed post) to the request, for rendering.
async fn with_kept_form(state: &AppState, mut req: Request) -> Request {
    let Some(id) = req.uri().query().and_then(flash_id) else {
        return req;
    };
    let Some(browser) = browser_id(req.headers()) else {
        return req;
    };
    // On a failure (logged) the page renders from the stored values.
    if let Ok(Some(kept)) = flash_store::find(&state.db, &id, &browser, state.clock.now()).await {
        req.extensions_mut().insert(Arc::new(kept));
    }
    req
}
