//! An HTTP client that behaves like a same-site browser form (cookies kept, redirects not followed).
use reqwest::{Client, Response};

use crate::TestApp;

pub fn client() -> Client {
    Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("http client")
}

/// Calls the server function at `/api/{endpoint}` the way the hydrated app does (JSON answers).
pub async fn call(client: &Client, app: &TestApp, endpoint: &str, form: &[(&str, &str)]) -> Response {
    client
        .post(app.url(&format!("/api/{endpoint}")))
        .header("Origin", &app.base_url)
        .header("Accept", "application/json")
        .form(form)
        .send()
        .await
        .expect("request")
}

pub async fn sign_up(client: &Client, app: &TestApp, email: &str, name: &str, password: &str) -> Response {
    call(client, app, "auth/sign_up", &[("email", email), ("display_name", name), ("password", password)]).await
}

pub async fn sign_in(client: &Client, app: &TestApp, email: &str, password: &str) -> Response {
    call(client, app, "auth/sign_in", &[("email", email), ("password", password)]).await
}

/// The signed-in user's display name according to the server, if any.
pub async fn who_am_i(client: &Client, app: &TestApp) -> Option<String> {
    let res = call(client, app, "auth/me", &[]).await;
    assert!(res.status().is_success(), "auth/me answered {}", res.status());
    let json: serde_json::Value = res.json().await.expect("json");
    json.get("display_name").and_then(|v| v.as_str()).map(str::to_owned)
}

pub async fn get_text(client: &Client, app: &TestApp, path: &str) -> (u16, String) {
    let res = client.get(app.url(path)).send().await.expect("request");
    let status = res.status().as_u16();
    (status, res.text().await.unwrap_or_default())
}

/// Posts `form` to `/api/{endpoint}` the way a browser without JavaScript does: a plain form post
/// from the page at `from` (a path, or an address the server gave), which the server answers with
/// a redirect.
pub async fn post_without_js(client: &Client, app: &TestApp, endpoint: &str, from: &str, form: &[(&str, &str)]) -> Response {
    let referer = if from.starts_with("http") { from.to_string() } else { app.url(from) };
    client
        .post(app.url(&format!("/api/{endpoint}")))
        .header("Origin", &app.base_url)
        .header("Referer", referer)
        .header("Accept", "text/html,application/xhtml+xml")
        .form(form)
        .send()
        .await
        .expect("request")
}

/// Where a redirect sends the browser.
pub fn location(res: &Response) -> String {
    res.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string()
}
