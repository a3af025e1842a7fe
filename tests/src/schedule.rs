//! Fixtures for schedule tests: the selection event (Wednesday 10 March 2027, Europe/Paris, UTC+1)
//! with rooms and accepted talks, and the organiser's calls to the builder.
use domain::venue::RoomForm;
use app::entities::{proposal, proposal_speaker, user};
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::Value;

use crate::http::call;
use crate::selection::{conf, Conf, SLUG};
use crate::{Backend, Setup};

pub const DAY: &str = "2027-03-10";

pub struct Sched {
    pub c: Conf,
    /// Room ids: Amphi (300 seats), Atelier (40).
    pub rooms: Vec<i32>,
    /// Proposal codes: "Alpha talk" (Ada, with Bea as co-speaker), "Beta talk" (Bea), "Gamma talk" (Cy).
    pub codes: Vec<String>,
}

/// Adds `email` as a co-speaker of the proposal `code`, as an accepted invitation would.
pub async fn add_cospeaker(c: &Conf, code: &str, email: &str) {
    let db = &c.app.state.db;
    let p = proposal::Entity::find().filter(proposal::Column::Code.eq(code)).one(db).await.unwrap().unwrap();
    let u = user::Entity::find().filter(user::Column::Email.eq(email)).one(db).await.unwrap().unwrap();
    proposal_speaker::ActiveModel {
        proposal_id: Set(p.id),
        user_id: Set(u.id),
        is_owner: Set(false),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
}

pub async fn sched(backend: Backend, setup: Setup) -> Sched {
    sched_on(conf(backend, setup).await).await
}

/// [`sched`] for an event already set up.
pub async fn sched_on(c: Conf) -> Sched {
    let mut rooms = Vec::new();
    for (name, seats) in [("Amphi", "300"), ("Atelier", "40")] {
        let form = RoomForm { name: name.into(), capacity: seats.into(), description: String::new() };
        rooms.push(app::venue::service::add_room(&c.app.state.db, c.event, &form, c.app.state.clock.now()).await.unwrap().id);
    }
    // REX: 40 minutes.
    let rex = c.formats[1];
    let mut codes = Vec::new();
    for (email, name, title) in [
        ("ada@example.org", "Ada Speaker", "Alpha talk"),
        ("bea@example.org", "Bea Martin, PhD", "Beta talk"),
        ("cy@example.org", "Cy Speaker", "Gamma talk"),
    ] {
        let (_, code) = c.submit(email, name, title, rex).await;
        assert_eq!(c.decide(&code, "accepted", "", "").await.status(), 200);
        codes.push(code);
    }
    add_cospeaker(&c, &codes[0], "bea@example.org").await;
    Sched { c, rooms, codes }
}

impl Sched {
    pub async fn call(&self, endpoint: &str, form: &[(&str, &str)]) -> reqwest::Response {
        let mut all = vec![("slug", SLUG)];
        all.extend_from_slice(form);
        call(&self.c.org, &self.c.app, &format!("schedule/{endpoint}"), &all).await
    }

    pub async fn builder(&self) -> Value {
        let res = self.call("load", &[]).await;
        assert_eq!(res.status(), 200);
        res.json().await.unwrap()
    }

    /// (item id, version) of a talk by its proposal code, or of another item by title.
    pub async fn item(&self, code_or_title: &str) -> (String, String) {
        let b = self.builder().await;
        let i = b["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["code"] == code_or_title || i["title"] == code_or_title)
            .unwrap_or_else(|| panic!("{code_or_title} in {b}"))
            .clone();
        (i["id"].to_string(), i["version"].to_string())
    }

    /// Places the item at `start` (local HH:MM on DAY) in `room` (an id or "all").
    pub async fn place(&self, code_or_title: &str, room: &str, start: &str, minutes: &str) -> reqwest::Response {
        let (id, version) = self.item(code_or_title).await;
        self.call("place", &[("item", &id), ("version", &version), ("day", DAY), ("room", room), ("start", start), ("minutes", minutes)])
            .await
    }

    /// Publishes Alpha (Amphi) and Gamma (Atelier) at 10:00, Beta (Atelier) at 11:00.
    pub async fn publish_sample(&self) {
        assert_eq!(self.place(&self.codes[0], &self.room(0), "10:00", "40").await.status(), 200);
        assert_eq!(self.place(&self.codes[2], &self.room(1), "10:00", "40").await.status(), 200);
        assert_eq!(self.place(&self.codes[1], &self.room(1), "11:00", "40").await.status(), 200);
        assert_eq!(self.call("publish", &[("name", "")]).await.status(), 200);
    }

    pub fn room(&self, i: usize) -> String {
        self.rooms[i].to_string()
    }
}
