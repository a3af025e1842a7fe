//! Fixtures for selection tests: an event with an organiser, speakers submitting, the organiser's
//! calls to selection endpoints, and the decision mails in the outbox.
use app::entities::mail_outbox;
use chrono::Utc;
use reqwest::Client;
use sea_orm::EntityTrait;
use serde_json::Value;

use crate::cfp::{code_of, event_with_cfp, proposal_form, send, with};
use crate::http::{call, client, sign_in, sign_up};
use crate::{Backend, Setup, TestApp};

pub const PASSWORD: &str = "correct horse battery";
pub const SLUG: &str = "sel-conf";
/// The confirmation deadline as organisers type it (Europe/Paris, winter): 22:00 UTC.
pub const DEADLINE: &str = "2031-01-15T23:00";

/// An event (formats of its CFP in `formats`) with a signed-in organiser.
pub struct Conf {
    pub app: TestApp,
    pub event: i32,
    pub formats: Vec<i32>,
    pub track: i32,
    pub org: Client,
}

pub async fn conf(backend: Backend, setup: Setup) -> Conf {
    conf_on(TestApp::start_with(backend, setup).await).await
}

/// [`conf`] on a server (or cluster) already started.
pub async fn conf_on(app: TestApp) -> Conf {
    let (event, _, track) = event_with_cfp(&app, SLUG, Utc::now() + chrono::Duration::days(30)).await;
    let formats = app::events::cfp_settings::formats_of(&app.state.db, event, false).await.unwrap().iter().map(|f| f.id).collect();
    app.create_user("olga@example.org", "Olga Organiser", PASSWORD, false).await;
    app.grant("olga@example.org", event, "organizer").await;
    let org = client();
    assert_eq!(sign_in(&org, &app, "olga@example.org", PASSWORD).await.status(), 200);
    Conf { app, event, formats, track, org }
}

impl Conf {
    /// A new speaker submits `title` in `format`; returns their client and the proposal's code.
    pub async fn submit(&self, email: &str, name: &str, title: &str, format: i32) -> (Client, String) {
        let c = client();
        sign_up(&c, &self.app, email, name, PASSWORD).await;
        let form = with(proposal_form(SLUG, &format!("key-{email}"), format, self.track, "submit"), "title", title);
        assert_eq!(send(&c, &self.app, "cfp/save", &form).await.status(), 200);
        (c, code_of(&self.app, title).await)
    }

    pub async fn org_call(&self, endpoint: &str, form: &[(&str, &str)]) -> reqwest::Response {
        let mut all = vec![("slug", SLUG)];
        all.extend_from_slice(form);
        call(&self.org, &self.app, &format!("selection/{endpoint}"), &all).await
    }

    pub async fn settings(&self, anonymous: bool, close_at: &str) -> reqwest::Response {
        let mut form = vec![("hide_scores", "on"), ("reviews_close_at", close_at), ("confirm_by", DEADLINE)];
        if anonymous {
            form.push(("anonymous", "on"));
        }
        self.org_call("save_settings", &form).await
    }

    pub async fn decide(&self, code: &str, decision: &str, rank: &str, feedback: &str) -> reqwest::Response {
        self.org_call("decide", &[("code", code), ("decision", decision), ("waitlist_rank", rank), ("feedback", feedback)]).await
    }

    pub async fn deliberation(&self) -> Value {
        let form = [("format", ""), ("track", ""), ("level", ""), ("language", ""), ("sort", "")];
        let res = self.org_call("deliberation", &form).await;
        assert_eq!(res.status(), 200);
        res.json().await.unwrap()
    }

    /// The queued decision mails, oldest first.
    pub async fn decision_mails(&self) -> Vec<mail_outbox::Model> {
        let rows = mail_outbox::Entity::find().all(&self.app.state.db).await.unwrap();
        let mut rows: Vec<_> = rows.into_iter().filter(|m| is_decision(&m.subject)).collect();
        rows.sort_by_key(|m| m.id);
        rows
    }
}

/// Decision mails (the built-in subjects quote the title; receipts and verification mails do not).
pub fn is_decision(subject: &str) -> bool {
    subject.contains('“')
}

/// The token of the confirmation link in a mail body.
pub fn token_in(text: &str) -> String {
    let start = text.find("/confirm/").unwrap_or_else(|| panic!("a confirmation link in {text}")) + "/confirm/".len();
    text[start..].chars().take_while(|c| c.is_ascii_hexdigit()).collect()
}

pub async fn json_of(c: &Client, app: &TestApp, endpoint: &str, form: &[(&str, &str)]) -> (u16, String) {
    let res = call(c, app, endpoint, form).await;
    (res.status().as_u16(), res.text().await.unwrap())
}
