//! The role × endpoint matrix's world: the schedule event (`sel-conf`) with one person in each role,
//! published decisions and schedule, spare rows that deleting endpoints may remove, and a second
//! (draft) event with its own organiser; plus requests sent as any of these people.
use std::collections::HashMap;

use app::entities::{format, mail_outbox, room, speaker_unavailability, talk, track, user};
use chrono::Utc;
use reqwest::{Client, Method};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::Value;

use crate::cfp::event_form;
use crate::http::call;
use crate::schedule::{sched, Sched, DAY};
use crate::selection::{PASSWORD, SLUG};
use crate::{Backend, Setup, TestApp};

/// The draft event of the other organiser.
pub const OTHER_SLUG: &str = "other-conf";

/// Who calls. `Speaker` speaks in `sel-conf` (an accepted, published talk); the others hold the role
/// in `sel-conf`, except `OtherOrganiser`, who organises only the draft event `other-conf`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Anonymous,
    Volunteer,
    Speaker,
    Reviewer,
    OtherOrganiser,
    Organiser,
    Admin,
}

impl Role {
    pub const ALL: [Role; 7] =
        [Role::Anonymous, Role::Volunteer, Role::Speaker, Role::Reviewer, Role::OtherOrganiser, Role::Organiser, Role::Admin];

    pub fn email(self) -> Option<&'static str> {
        match self {
            Role::Anonymous => None,
            Role::Volunteer => Some("val@example.org"),
            Role::Speaker => Some("ada@example.org"),
            Role::Reviewer => Some("rita@example.org"),
            Role::OtherOrganiser => Some("otto@example.org"),
            Role::Organiser => Some("olga@example.org"),
            Role::Admin => Some("root@example.org"),
        }
    }
}

/// One answer, read whole.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub location: Option<String>,
    pub body: String,
}

pub struct World {
    pub app: TestApp,
    /// Values the tables' `{name}` placeholders stand for.
    pub vars: HashMap<&'static str, String>,
    http: Client,
    cookies: HashMap<Role, String>,
}

/// A client that keeps no cookies: each request carries the session of the role it is sent as,
/// so a sign-up or sign-in answer never changes who the next request is.
fn bare_client() -> Client {
    Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("http client")
}

async fn id_where<E, C>(app: &TestApp, column: C, value: &str, id: impl Fn(E::Model) -> i32) -> String
where
    E: EntityTrait,
    C: ColumnTrait,
{
    let row = E::find().filter(column.eq(value)).one(&app.state.db).await.unwrap();
    id(row.unwrap_or_else(|| panic!("a row with {value}"))).to_string()
}

/// The session cookie that signing in as `email` sets.
async fn session_cookie(http: &Client, app: &TestApp, email: &str) -> String {
    let res = http
        .post(app.url("/api/auth/sign_in"))
        .header("Origin", &app.base_url)
        .header("Accept", "application/json")
        .form(&[("email", email), ("password", PASSWORD)])
        .send()
        .await
        .expect("sign in");
    assert_eq!(res.status(), 200, "{email} signs in");
    let cookie = res.headers().get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).find(|v| v.starts_with("estrade_session="));
    cookie.expect("a session cookie").split(';').next().unwrap().to_string()
}

async fn ok(res: reqwest::Response, what: &str) {
    let status = res.status();
    assert!(status.is_success(), "{what}: {status} {}", res.text().await.unwrap_or_default());
}

/// A team and a shift of `sel-conf` for its volunteers, straight through the leads' service.
async fn volunteer_shift(app: &TestApp) {
    let e = app::events::service::by_slug(&app.state.db, SLUG).await.expect("sel-conf");
    let looks = domain::cfp::TrackForm { name: "Accueil".into(), description: String::new(), colour: "#0969da".into() };
    let team = app::volunteers::lead::create_team(
        &app.state.db,
        &e,
        &app::volunteers::lead::TeamInput { looks, ..Default::default() },
        chrono::Utc::now(),
    )
    .await
    .expect("team");
    let form = domain::volunteers::shifts::ShiftForm {
        team_id: team.id.to_string(),
        place: "Accueil".into(),
        title: "Badges".into(),
        day: DAY.into(),
        start: "08:00".into(),
        end: "09:00".into(),
        seats: "3".into(),
        notes: String::new(),
    };
    app::volunteers::lead::add_shift(&app.state.db, &e, &form, chrono::Utc::now()).await.expect("shift");
}

/// A tier, an accepted partner (applied by the spare account) with a booth and a staff pass, for
/// the village's endpoints.
async fn partner_village(app: &TestApp) {
    use domain::partners::{application::ApplicationForm, booths::BoothForm, pipeline::Decision, tiers::TierForm};
    let (db, now) = (&app.state.db, chrono::Utc::now());
    let e = app::events::service::by_slug(db, SLUG).await.expect("sel-conf");
    let tier = TierForm {
        name: "Matrix tier".into(),
        kind: "sponsor".into(),
        price_eur: "1000".into(),
        available: "5".into(),
        booth_size: "4".into(),
        staff_passes: "3".into(),
        ..TierForm::default()
    };
    app::partners::tiers::save(db, &e, None, &tier, now).await.expect("tier");
    let tier = app::partners::tiers::tiers_of(db, e.id).await.unwrap().remove(0);
    let spare = user::Entity::find().filter(user::Column::Email.eq("spare@example.org")).one(db).await.unwrap().expect("spare");
    let form = ApplicationForm {
        company: "Matrix Partner".into(),
        vat: String::new(),
        billing_name: "Spare".into(),
        billing_email: "spare@example.org".into(),
        tier: tier.id.to_string(),
        message: String::new(),
    };
    let id = app::partners::apply::apply(db, &e, &spare, &form, now).await.expect("application");
    app::partners::pipeline::decide(&app.state, &e, id, Decision::Accept, None, now).await.expect("accepted");
    let booth = BoothForm { number: "M1".into(), x: "1".into(), y: "1".into(), w: "2".into(), h: "2".into() };
    app::partners::booths::save_booth(db, &e, None, &booth, now).await.expect("booth");
    let spare_booth = BoothForm { number: "M2".into(), x: "5".into(), y: "1".into(), w: "2".into(), h: "2".into() };
    app::partners::booths::save_booth(db, &e, None, &spare_booth, now).await.expect("spare booth");
    let staff = app::entities::partner_staff::ActiveModel {
        partner_id: Set(id),
        name: Set("Matrix Staff".into()),
        email: Set("staff@matrix.example".into()),
        created_at: Set(now),
        ..Default::default()
    };
    staff.insert(db).await.expect("staff pass");
}

/// The volunteer's private calendar address, whose secret the feed route is called with.
async fn volunteer_calendar(app: &TestApp) {
    let e = app::events::service::by_slug(&app.state.db, SLUG).await.expect("sel-conf");
    let val = user::Entity::find().filter(user::Column::Email.eq("val@example.org")).one(&app.state.db).await.unwrap().expect("val");
    app::volunteers::signup::ensure_record(&app.state.db, e.id, val.id, chrono::Utc::now()).await.expect("val's record");
    app::volunteers::mine::rotate_feed(&app.state.db, &e, &val).await.expect("val's calendar address");
}

/// The secret of the volunteer's calendar address.
async fn feed_token(app: &TestApp) -> String {
    use app::entities::volunteer_application as record;
    let rows = record::Entity::find().filter(record::Column::FeedToken.is_not_null()).all(&app.state.db).await.unwrap();
    rows.into_iter().find_map(|r| r.feed_token).expect("a calendar address")
}

/// Publishes the decisions (Alpha, Beta, Gamma accepted) and the sample schedule; Ada also has
/// "Delta talk" submitted (for withdrawing), a library talk and an unavailability window.
async fn publish_and_fill(s: &Sched) {
    let (c, app) = (&s.c, &s.c.app);
    let ada = crate::http::client();
    ok(crate::http::sign_in(&ada, app, "ada@example.org", PASSWORD).await, "Ada signs in").await;
    let delta = crate::cfp::with(crate::cfp::proposal_form(SLUG, "key-delta", c.formats[1], c.track, "submit"), "title", "Delta talk");
    ok(crate::cfp::send(&ada, app, "cfp/save", &delta).await, "Delta submitted").await;
    ok(c.settings(true, "").await, "selection settings").await;
    ok(c.org_call("publish", &[]).await, "decisions published").await;
    s.publish_sample().await;
    let talk = [
        ("id", ""),
        ("title", "Library talk"),
        ("summary", crate::cfp::ABSTRACT),
        ("details", ""),
        ("level", "beginner"),
        ("language", "en"),
        ("references", ""),
    ];
    ok(call(&ada, app, "speakers/save_talk", &talk).await, "library talk").await;
    let window =
        [("slug", SLUG), ("starts_at", "2027-03-10T18:00"), ("ends_at", "2027-03-10T19:00"), ("note", "Night train"), ("code", "")];
    ok(call(&ada, app, "availability/add", &window).await, "unavailability").await;
    volunteer_shift(app).await;
    for (endpoint, form) in [
        ("venue/add_room", vec![("name", "Spare room"), ("capacity", "10"), ("description", "")]),
        ("organizer/add_format", vec![("name", "Spare format"), ("description", ""), ("duration_min", "20")]),
        ("organizer/add_track", vec![("name", "Spare track"), ("description", ""), ("colour", "#123456")]),
    ] {
        let mut all = vec![("slug", SLUG)];
        all.extend(form);
        ok(call(&c.org, app, endpoint, &all).await, endpoint).await;
    }
}

/// The other people: a volunteer and a reviewer of `sel-conf`, an instance admin, and the organiser
/// of the draft `other-conf`. Ada (the speaker) gets a verified email like them.
async fn people(app: &TestApp, event: i32) {
    for role in [Role::Volunteer, Role::Reviewer, Role::OtherOrganiser, Role::Admin] {
        let email = role.email().unwrap();
        app.create_user(email, &format!("{role:?}"), PASSWORD, role == Role::Admin).await;
    }
    app.grant("val@example.org", event, "volunteer").await;
    app.grant("rita@example.org", event, "reviewer").await;
    let mut form = event_form(OTHER_SLUG);
    form.visibility = "draft".into();
    let other = app::events::service::create(&app.state.db, &form, app.state.clock.now()).await.expect("other event");
    app.grant("otto@example.org", other.id, "organizer").await;
    app.create_user("spare@example.org", "Spare", PASSWORD, false).await;
    let ada = user::Entity::find().filter(user::Column::Email.eq("ada@example.org")).one(&app.state.db).await.unwrap().unwrap();
    let mut ada: user::ActiveModel = ada.into();
    ada.verified_at = Set(Some(Utc::now()));
    ada.update(&app.state.db).await.unwrap();
}

/// The id of `email`'s row among the speakers of the proposal `code`.
async fn cospeaker_row(app: &TestApp, code: &str, email: &str) -> String {
    use app::entities::{proposal, proposal_speaker as ps};
    let db = &app.state.db;
    let p = proposal::Entity::find().filter(proposal::Column::Code.eq(code)).one(db).await.unwrap().expect("proposal");
    let u = user::Entity::find().filter(user::Column::Email.eq(email)).one(db).await.unwrap().expect("user");
    let row = ps::Entity::find().filter(ps::Column::ProposalId.eq(p.id)).filter(ps::Column::UserId.eq(u.id)).one(db).await.unwrap();
    row.expect("a co-speaker").id.to_string()
}

/// A mail marked failed, for the admin's retry.
async fn failed_mail(app: &TestApp) -> String {
    let row = mail_outbox::Entity::find().one(&app.state.db).await.unwrap().expect("a queued mail");
    let id = row.id;
    let mut row: mail_outbox::ActiveModel = row.into();
    row.status = Set(app::mail::outbox::FAILED.into());
    row.update(&app.state.db).await.unwrap();
    id.to_string()
}

/// The public code of the first item of a REST listing (`talks` or `speakers`) of `sel-conf`.
async fn public_code(app: &TestApp, listing: &str) -> String {
    let res = reqwest::get(app.url(&format!("/api/v1/events/{SLUG}/{listing}"))).await.unwrap();
    let json: Value = res.json().await.unwrap();
    json["items"][0]["code"].as_str().unwrap_or_else(|| panic!("a code in {json}")).to_string()
}

impl World {
    pub async fn new(backend: Backend) -> World {
        let s = sched(backend, Setup::default()).await;
        publish_and_fill(&s).await;
        let (item, version) = s.item(&s.codes[0]).await;
        let Sched { c, rooms, codes } = s;
        let app = c.app;
        people(&app, c.event).await;
        volunteer_calendar(&app).await;
        partner_village(&app).await;
        let db_id = |e: i32| e.to_string();
        let mut vars: HashMap<&'static str, String> = HashMap::from([
            ("slug", SLUG.to_string()),
            ("other_slug", OTHER_SLUG.to_string()),
            ("day", DAY.to_string()),
            ("code", codes[0].clone()),
            ("gamma", codes[2].clone()),
            ("room", db_id(rooms[1])),
            ("format", db_id(c.formats[0])),
            ("track", db_id(c.track)),
            ("item", item),
            ("version", version),
        ]);
        vars.insert("withdraw_code", crate::cfp::code_of(&app, "Delta talk").await);
        vars.insert("spare_room", id_where::<room::Entity, _>(&app, room::Column::Name, "Spare room", |r| r.id).await);
        vars.insert("spare_format", id_where::<format::Entity, _>(&app, format::Column::Name, "Spare format", |r| r.id).await);
        vars.insert("spare_track", id_where::<track::Entity, _>(&app, track::Column::Name, "Spare track", |r| r.id).await);
        vars.insert("talk", id_where::<talk::Entity, _>(&app, talk::Column::Title, "Library talk", |r| r.id).await);
        let window = speaker_unavailability::Column::Note;
        vars.insert("window", id_where::<speaker_unavailability::Entity, _>(&app, window, "Night train", |r| r.id).await);
        let badges = app::entities::volunteer_shift::Column::Title;
        vars.insert("shift", id_where::<app::entities::volunteer_shift::Entity, _>(&app, badges, "Badges", |r| r.id).await);
        vars.insert("feed", feed_token(&app).await);
        let secret = app::entities::volunteer_application::Column::FeedToken;
        let val = app::entities::user::Column::Email;
        vars.insert("volunteer", id_where::<app::entities::user::Entity, _>(&app, val, "val@example.org", |r| r.id).await);
        vars.insert("application", id_where::<app::entities::volunteer_application::Entity, _>(&app, secret, &vars["feed"], |r| r.id).await);
        let accueil = app::entities::volunteer_team::Column::Name;
        vars.insert("team", id_where::<app::entities::volunteer_team::Entity, _>(&app, accueil, "Accueil", |r| r.id).await);
        use app::entities::{partner, partner_booth, partner_staff, partner_tier};
        vars.insert("tier", id_where::<partner_tier::Entity, _>(&app, partner_tier::Column::Name, "Matrix tier", |r| r.id).await);
        vars.insert("partner", id_where::<partner::Entity, _>(&app, partner::Column::Name, "Matrix Partner", |r| r.id).await);
        let matrix_partner = partner::Entity::find().filter(partner::Column::Name.eq("Matrix Partner")).one(&app.state.db).await.unwrap();
        vars.insert("partner_code", matrix_partner.expect("the matrix partner").code);
        vars.insert("booth", id_where::<partner_booth::Entity, _>(&app, partner_booth::Column::Number, "M1", |r| r.id).await);
        vars.insert("spare_booth", id_where::<partner_booth::Entity, _>(&app, partner_booth::Column::Number, "M2", |r| r.id).await);
        vars.insert("staff", id_where::<partner_staff::Entity, _>(&app, partner_staff::Column::Name, "Matrix Staff", |r| r.id).await);
        vars.insert("cospeaker", cospeaker_row(&app, &codes[0], "bea@example.org").await);
        vars.insert("mail", failed_mail(&app).await);
        vars.insert("public_talk", public_code(&app, "talks").await);
        vars.insert("public_speaker", public_code(&app, "speakers").await);
        let http = bare_client();
        let mut cookies = HashMap::new();
        for role in Role::ALL {
            if let Some(email) = role.email() {
                cookies.insert(role, session_cookie(&http, &app, email).await);
            }
        }
        let mut w = World { app, vars, http, cookies };
        let code = w.review_code("Gamma talk").await;
        w.vars.insert("review_code", code);
        w
    }

    /// The code the reviewer's queue gives the proposal titled `title`.
    async fn review_code(&self, title: &str) -> String {
        let form = [("slug", SLUG), ("format", ""), ("track", "")].map(|(k, v)| (k.to_string(), v.to_string()));
        let queue = self.send(Role::Reviewer, Method::POST, "/api/review/queue", &form).await;
        let json: Value = serde_json::from_str(&queue.body).unwrap_or_else(|_| panic!("the review queue: {}", queue.body));
        let item = json["items"].as_array().and_then(|items| items.iter().find(|i| i["title"] == title));
        item.and_then(|i| i["code"].as_str()).unwrap_or_else(|| panic!("{title} in {json}")).to_string()
    }

    /// `template` with each `{name}` replaced by its value.
    pub fn fill(&self, template: &str) -> String {
        let mut out = template.to_string();
        for (name, value) in &self.vars {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        assert!(!out.contains('{'), "an unknown placeholder in {template}");
        out
    }

    /// Signs `role` in again (after an endpoint that ends the session).
    pub async fn sign_in_again(&mut self, role: Role) {
        if let Some(email) = role.email() {
            let cookie = session_cookie(&self.http, &self.app, email).await;
            self.cookies.insert(role, cookie);
        }
    }

    /// Sends a request as `role`, the way the hydrated app does (same origin, JSON answers):
    /// `args` go in the query string of a GET and in the form body otherwise.
    pub async fn send(&self, role: Role, method: Method, path: &str, args: &[(String, String)]) -> Answer {
        let mut req = self.http.request(method.clone(), self.app.url(path));
        req = req.header("Origin", &self.app.base_url).header("Accept", "application/json");
        if let Some(cookie) = self.cookies.get(&role) {
            req = req.header("Cookie", cookie);
        }
        req = if method == Method::GET { req.query(args) } else { req.form(args) };
        Self::read(req.send().await.expect("request")).await
    }

    /// Sends a multipart upload with one file part `field` as `role`.
    pub async fn upload(&self, role: Role, path: &str, field: &str, bytes: Vec<u8>) -> Answer {
        let form = reqwest::multipart::Form::new().part(field.to_string(), reqwest::multipart::Part::bytes(bytes).file_name("x.png"));
        let mut req = self.http.post(self.app.url(path)).header("Origin", &self.app.base_url).multipart(form);
        if let Some(cookie) = self.cookies.get(&role) {
            req = req.header("Cookie", cookie);
        }
        Self::read(req.send().await.expect("request")).await
    }

    async fn read(res: reqwest::Response) -> Answer {
        let status = res.status().as_u16();
        let location = res.headers().get("location").and_then(|v| v.to_str().ok()).map(str::to_owned);
        Answer { status, location, body: res.text().await.unwrap_or_default() }
    }

    pub async fn stop(self) {
        self.app.stop().await;
    }
}
