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

/// Sends every request at once, each `(client, endpoint, form)` as `call` would, and returns the
/// answers' statuses and bodies in the same order.
pub async fn all_at_once(app: &TestApp, requests: Vec<(Client, String, Vec<(String, String)>)>) -> Vec<(u16, String)> {
    let mut tasks = tokio::task::JoinSet::new();
    for (i, (c, endpoint, form)) in requests.into_iter().enumerate() {
        let (url, origin) = (app.url(&format!("/api/{endpoint}")), app.base_url.clone());
        tasks.spawn(async move {
            let res = c.post(url).header("Origin", origin).header("Accept", "application/json").form(&form).send().await;
            let res = res.unwrap_or_else(|e| panic!("request {i} to {endpoint} failed: {e}"));
            (i, res.status().as_u16(), res.text().await.unwrap_or_default())
        });
    }
    let mut out = tasks.join_all().await;
    out.sort_by_key(|(i, _, _)| *i);
    out.into_iter().map(|(_, status, body)| (status, body)).collect()
}

/// Owned form fields, for `all_at_once`.
pub fn form(fields: &[(&str, &str)]) -> Vec<(String, String)> {
    fields.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
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

/// The smallest valid PNG: one transparent pixel.
pub const PIXEL_PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
    0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41,
    0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49,
    0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

/// Uploads `bytes` as the profile photo `name`, as the profile page's form does; returns where the
/// server sends the browser back (a 303).
pub async fn upload_photo(c: &Client, app: &TestApp, bytes: Vec<u8>, name: &str) -> String {
    let part = reqwest::multipart::Part::bytes(bytes).file_name(name.to_string());
    let res = c
        .post(app.url("/profile/photo"))
        .header("Origin", &app.base_url)
        .multipart(reqwest::multipart::Form::new().part("photo", part))
        .send()
        .await
        .expect("upload");
    assert_eq!(res.status(), 303, "the browser is sent back to the profile page");
    location(&res)
}
