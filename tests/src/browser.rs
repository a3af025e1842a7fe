//! Chromium driven through chromedriver (both from Debian), headless, with the flags this machine needs.
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

pub struct Browser {
    pub client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
}

#[derive(Debug, Clone, Copy)]
pub struct BrowserOptions {
    pub javascript: bool,
    pub width: u32,
    pub height: u32,
}

impl Default for BrowserOptions {
    fn default() -> Self {
        BrowserOptions { javascript: true, width: 1280, height: 900 }
    }
}

impl Browser {
    pub async fn start(opts: BrowserOptions) -> Browser {
        let port = crate::SmtpSink::free_port();
        let driver = Command::new(std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into()))
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver is installed (make test installs chromium-driver)");
        let profile = tempfile::tempdir().expect("profile dir");
        let mut args = vec![
            "--headless=new".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--disable-dev-shm-usage".into(),
            format!("--window-size={},{}", opts.width, opts.height),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        if !opts.javascript {
            args.push("--blink-settings=scriptEnabled=false".into());
        }
        let mut chrome = json!({ "args": args });
        if let Ok(bin) = std::env::var("CHROMIUM") {
            chrome["binary"] = json!(bin);
        } else if std::path::Path::new("/usr/bin/chromium").exists() {
            chrome["binary"] = json!("/usr/bin/chromium");
        }
        let mut caps = serde_json::Map::new();
        caps.insert("goog:chromeOptions".into(), chrome);
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let url = format!("http://127.0.0.1:{port}");
        let mut last_err = String::new();
        for _ in 0..100 {
            match ClientBuilder::new(connector.clone()).capabilities(caps.clone()).connect(&url).await {
                Ok(client) => return Browser { client, driver, _profile: profile },
                Err(e) => last_err = e.to_string(),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("could not start Chromium through chromedriver: {last_err}");
    }

    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.expect("navigate");
    }

    /// Types `value` into the input named `name` (clearing it first).
    pub async fn fill(&self, name: &str, value: &str) {
        self.type_into(&format!("[name='{name}']"), value).await;
    }

    /// Types `value` into the field `css` selects (clearing it first).
    pub async fn type_into(&self, css: &str, value: &str) {
        let el = self.client.wait().at_most(Duration::from_secs(10)).for_element(Locator::Css(css)).await.expect("field present");
        el.clear().await.expect("clear");
        el.send_keys(value).await.expect("type");
    }

    /// Sets the value of the input named `name` by script, firing `input` and `change` (for date-time
    /// inputs, whose typing order depends on the browser's locale).
    pub async fn set_value(&self, name: &str, value: &str) {
        self.client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(&format!("[name='{name}']")))
            .await
            .expect("field present");
        let script = "const el = document.querySelector(`[name='${arguments[0]}']`); el.value = arguments[1]; \
            el.dispatchEvent(new Event('input', {bubbles: true})); el.dispatchEvent(new Event('change', {bubbles: true}));";
        self.client.execute(script, vec![json!(name), json!(value)]).await.expect("set value");
    }

    /// Signs in through the sign-in page, then lands on `next`.
    pub async fn sign_in(&self, base_url: &str, next: &str, email: &str, password: &str) {
        self.goto(&format!("{base_url}/signin?next={next}")).await;
        self.wait_ready().await;
        self.fill("email", email).await;
        self.fill("password", password).await;
        self.submit_form_of("password").await;
    }

    /// Chooses the option with `value` in the select named `name`.
    pub async fn select(&self, name: &str, value: &str) {
        self.choose(&format!("select[name='{name}']"), value).await;
    }

    /// Chooses the option with `value` in the select `css` finds.
    pub async fn choose(&self, css: &str, value: &str) {
        let el = self.client.wait().at_most(Duration::from_secs(10)).for_element(Locator::Css(css)).await.expect("select present");
        el.select_by_value(value).await.expect("option present");
    }

    pub async fn click(&self, css: &str) {
        let el = self.client.wait().at_most(Duration::from_secs(10)).for_element(Locator::Css(css)).await.expect("element present");
        el.click().await.expect("click");
    }

    /// Clicks `css` and waits for the page it leads to (a form posted without JavaScript), so that
    /// the next wait cannot be satisfied by the page being left.
    pub async fn click_to_next_page(&self, css: &str) {
        self.client.execute("window.__estrade_left = true", vec![]).await.expect("mark the page");
        self.click(css).await;
        let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
        loop {
            let v = self.client.execute("return !window.__estrade_left && document.readyState === 'complete'", vec![]).await;
            if v.ok().and_then(|v| v.as_bool()) == Some(true) {
                return;
            }
            assert!(tokio::time::Instant::now() < deadline, "clicking {css} led to no new page");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Clicks the submit button of the form that contains the input named `name`.
    pub async fn submit_form_of(&self, name: &str) {
        self.click(&format!("form:has([name='{name}']) button[type='submit']")).await;
    }

    /// The page's visible text, read in one script call (no element handle to go stale mid-navigation).
    pub async fn body_text(&self) -> String {
        for _ in 0..50 {
            if let Ok(v) = self.client.execute("return document.body ? document.body.innerText : ''", vec![]).await {
                return v.as_str().unwrap_or_default().to_string();
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("could not read the page text");
    }

    /// Waits until the page text contains `needle`.
    pub async fn wait_for_text(&self, needle: &str) {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
        loop {
            let text = self.body_text().await;
            if text.contains(needle) {
                return;
            }
            if tokio::time::Instant::now() > deadline {
                panic!("page never showed {needle:?}; it shows:\n{text}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn current_path(&self) -> String {
        self.client.current_url().await.expect("url").path().to_string()
    }

    /// Waits until the page is ready: its script ran (server-rendered pages, `/page.js`) or the app
    /// hydrated (the few pages that load the wasm, `domain::pages::loads_app`).
    pub async fn wait_ready(&self) {
        let path = self.current_path().await;
        if domain::pages::loads_app(&path) {
            return self.wait_hydrated().await;
        }
        self.wait_page_script("__estrade_page", &format!("/page.js on {path}")).await
    }

    /// Waits until the page's own script set `window.<flag>`; panics if the app's wasm ran instead
    /// (a server-rendered page must not load it).
    async fn wait_page_script(&self, flag: &str, what: &str) {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
        let probe = format!("return [!!window.{flag}, !!window.__estrade_hydrated]");
        loop {
            let v = self.client.execute(&probe, vec![]).await.expect("script");
            match (v[0].as_bool(), v[1].as_bool()) {
                (_, Some(true)) => panic!("{what}: a server-rendered page loaded the app's wasm"),
                (Some(true), _) => return,
                _ if tokio::time::Instant::now() > deadline => panic!("{what} never ran"),
                _ => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
    }

    /// Whether the Leptos app has hydrated (the wasm ran).
    pub async fn wait_hydrated(&self) {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
        loop {
            let v = self.client.execute("return !!(window.__estrade_hydrated)", vec![]).await.expect("script");
            if v.as_bool() == Some(true) {
                return;
            }
            if tokio::time::Instant::now() > deadline {
                let loaded = self
                    .client
                    .execute(
                        "return performance.getEntriesByType('resource').map(e => e.name + ' ' + e.responseStatus).join('\\n')",
                        vec![],
                    )
                    .await
                    .unwrap_or_default();
                panic!("the page never hydrated (wasm did not run); resources loaded:\n{}", loaded.as_str().unwrap_or(""));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the value of the field `css` finds contains `needle`.
    pub async fn wait_for_value(&self, css: &str, needle: &str) {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        loop {
            let v = self
                .client
                .execute("return (document.querySelector(arguments[0]) || {}).value || ''", vec![json!(css)])
                .await
                .expect("script");
            if v.as_str().is_some_and(|v| v.contains(needle)) {
                return;
            }
            if tokio::time::Instant::now() > deadline {
                panic!("{css} never held {needle:?}; it holds {v}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the attendee pages' script (`/agenda.js`) has run; those pages load no wasm.
    pub async fn wait_agenda_script(&self) {
        self.wait_page_script("__estrade_agenda", "/agenda.js").await
    }

    /// The element `css` finds, waiting up to 10 s for it.
    pub async fn present(&self, css: &str) -> fantoccini::elements::Element {
        self.client.wait().at_most(Duration::from_secs(10)).for_element(Locator::Css(css)).await.unwrap_or_else(|_| panic!("{css} present"))
    }

    /// Presses the mouse on `from`, moves it in steps onto `to` and holds it there (see `release`).
    pub async fn drag_over(&self, from: &str, to: &str) {
        let (a, b) = (self.present(from).await, self.present(to).await);
        let moves = MouseActions::new("mouse".into())
            .then(PointerAction::MoveToElement { element: a, duration: None, x: 0.0, y: 0.0 })
            .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
            .then(PointerAction::MoveBy { duration: Some(Duration::from_millis(100)), x: 15.0, y: 15.0 })
            .then(PointerAction::MoveToElement { element: b.clone(), duration: Some(Duration::from_millis(300)), x: 0.0, y: 0.0 })
            .then(PointerAction::MoveToElement { element: b, duration: Some(Duration::from_millis(50)), x: 1.0, y: 0.0 });
        self.client.perform_actions(moves).await.expect("drag");
    }

    /// Releases the mouse button held by `drag_over`.
    pub async fn release(&self) {
        let up = MouseActions::new("mouse".into()).then(PointerAction::Up { button: MOUSE_BUTTON_LEFT });
        self.client.perform_actions(up).await.expect("release");
    }

    /// Drags `from` onto `to` and drops it there.
    pub async fn drag(&self, from: &str, to: &str) {
        self.drag_over(from, to).await;
        self.release().await;
    }

    pub async fn screenshot(&self, name: &str) {
        let dir = crate::workspace_root().join("tests/screenshots");
        let _ = std::fs::create_dir_all(&dir);
        if let Ok(png) = self.client.screenshot().await {
            let _ = std::fs::write(dir.join(format!("{name}.png")), png);
        }
    }

    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
