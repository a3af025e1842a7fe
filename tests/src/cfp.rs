//! Fixtures for call-for-papers tests: an event with an open CFP, and proposal forms.
use chrono::{DateTime, Duration, Utc};
use reqwest::{Client, Response};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

use crate::http::call;
use crate::TestApp;

pub const ABSTRACT: &str = "We moved forty teams from hand-written manifests to a platform with golden paths. \
This talk tells what worked, what broke, and what we would do again on Monday morning.";

/// A public one-day event on Wednesday 10 March 2027 in Europe/Paris.
pub fn event_form(slug: &str) -> domain::events::EventForm {
    domain::events::EventForm {
        slug: slug.into(),
        name: format!("Event {slug}"),
        city: "Lille".into(),
        venue: "Somewhere".into(),
        time_zone: "Europe/Paris".into(),
        start_date: "2027-03-10".into(),
        end_date: "2027-03-10".into(),
        description: String::new(),
        visibility: "public".into(),
        default_language: String::new(), description_language: String::new(), translations: Default::default(),
    }
}

/// Creates a public event (Europe/Paris) whose CFP closes at `closes`; returns its first format and track ids.
pub async fn event_with_cfp(app: &TestApp, slug: &str, closes: DateTime<Utc>) -> (i32, i32, i32) {
    event_with_cfp_in(&app.state.db, slug, closes, app.state.clock.now()).await
}

/// [`event_with_cfp`] straight in a database (a server started as a separate process).
pub async fn event_with_cfp_in(db: &sea_orm::DatabaseConnection, slug: &str, closes: DateTime<Utc>, now: DateTime<Utc>) -> (i32, i32, i32) {
    let e = app::events::service::create(db, &event_form(slug), now).await.expect("event created");
    set_closing_in(db, e.id, Some(closes - Duration::days(60)), closes).await;
    let f = app::events::cfp_settings::formats_of(db, e.id, false).await.unwrap();
    let t = app::events::cfp_settings::tracks_of(db, e.id, false).await.unwrap();
    (e.id, f[0].id, t[0].id)
}

pub async fn set_closing(app: &TestApp, event_id: i32, opens: Option<DateTime<Utc>>, closes: DateTime<Utc>) {
    set_closing_in(&app.state.db, event_id, opens, closes).await
}

async fn set_closing_in(db: &sea_orm::DatabaseConnection, event_id: i32, opens: Option<DateTime<Utc>>, closes: DateTime<Utc>) {
    use app::entities::cfp_settings as s;
    let row = s::Entity::find().filter(s::Column::EventId.eq(event_id)).one(db).await.unwrap().unwrap();
    let mut row: s::ActiveModel = row.into();
    row.opens_at = Set(opens);
    row.closes_at = Set(Some(closes));
    row.update(db).await.unwrap();
}

/// A complete proposal form for `slug`, sent with `intent` and `form_key`.
pub fn proposal_form(slug: &str, form_key: &str, format_id: i32, track_id: i32, intent: &str) -> Vec<(String, String)> {
    [
        ("slug", slug.to_string()),
        ("code", String::new()),
        ("form_key", form_key.to_string()),
        ("talk_id", String::new()),
        ("title", "Golden paths, forty teams later".to_string()),
        ("summary", ABSTRACT.to_string()),
        ("details", "1. Where we started\n2. What we built".to_string()),
        ("level", "intermediate".to_string()),
        ("language", "fr".to_string()),
        ("references", String::new()),
        ("format_id", format_id.to_string()),
        ("track_id", track_id.to_string()),
        ("intent", intent.to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

pub async fn send(c: &Client, app: &TestApp, endpoint: &str, form: &[(String, String)]) -> Response {
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    call(c, app, endpoint, &pairs).await
}

/// Replaces one field of a form.
pub fn with(mut form: Vec<(String, String)>, key: &str, value: &str) -> Vec<(String, String)> {
    for (k, v) in form.iter_mut() {
        if k == key {
            *v = value.to_string();
        }
    }
    form
}

/// The code of the only proposal in the database with this title.
pub async fn code_of(app: &TestApp, title: &str) -> String {
    use app::entities::proposal as p;
    p::Entity::find().filter(p::Column::Title.eq(title)).one(&app.state.db).await.unwrap().expect("proposal").code
}

pub async fn proposal_count(app: &TestApp) -> usize {
    app::entities::proposal::Entity::find().all(&app.state.db).await.unwrap().len()
}
