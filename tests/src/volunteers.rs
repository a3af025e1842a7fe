//! Fixtures for volunteer tests: an event with a team, shifts, and accepted volunteers made straight
//! in the database (no password hashing: the races need many).
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

use app::entities::{event, user, volunteer_shift, volunteer_signup, volunteer_team};

use crate::TestApp;

pub async fn event_with_team(app: &TestApp, slug: &str) -> (event::Model, volunteer_team::Model) {
    let form = domain::events::EventForm { visibility: "public".into(), ..crate::cfp::event_form(slug) };
    let e = app::events::service::create(&app.state.db, &form, Utc::now()).await.expect("event");
    let team = volunteer_team::ActiveModel {
        event_id: Set(e.id),
        name: Set("Accueil".into()),
        description: Set(String::new()),
        colour: Set("#0969da".into()),
        restricted: Set(false),
        briefing: Set(String::new()),
        lead_name: Set(String::new()),
        lead_phone: Set(String::new()),
        position: Set(0),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&app.state.db)
    .await
    .expect("team");
    (e, team)
}

pub async fn shift(
    app: &TestApp,
    e: &event::Model,
    team: &volunteer_team::Model,
    title: &str,
    start: DateTime<Utc>,
    hours: i64,
    seats: i32,
) -> volunteer_shift::Model {
    volunteer_shift::ActiveModel {
        event_id: Set(e.id),
        team_id: Set(team.id),
        title: Set(title.into()),
        place: Set("Accueil".into()),
        room_id: Set(None),
        starts_at: Set(start),
        ends_at: Set(start + Duration::hours(hours)),
        seats: Set(seats),
        taken: Set(0),
        notes: Set(String::new()),
        generated_key: Set(None),
        created_at: Set(Utc::now()),
        updated_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&app.state.db)
    .await
    .expect("shift")
}

/// An accepted volunteer of `e`, straight in the database (no password hashing: the race needs many).
pub async fn volunteer(app: &TestApp, e: &event::Model, i: usize) -> user::Model {
    let u = person_named(app, &format!("volunteer{i}@example.org"), &format!("Volunteer {i}")).await;
    app::volunteers::signup::ensure_record(&app.state.db, e.id, u.id, Utc::now()).await.expect("volunteer record");
    u
}

pub async fn signups(app: &TestApp, shift_id: i32, status: &str) -> u64 {
    volunteer_signup::Entity::find()
        .filter(volunteer_signup::Column::ShiftId.eq(shift_id))
        .filter(volunteer_signup::Column::Status.eq(status))
        .count(&app.state.db)
        .await
        .unwrap()
}

/// A signed-up person who is not a volunteer of anything yet, named after their address.
pub async fn person(app: &TestApp, email: &str) -> user::Model {
    person_named(app, email, email.split('@').next().unwrap_or(email)).await
}

/// A verified account that cannot sign in (no password).
pub async fn person_named(app: &TestApp, email: &str, name: &str) -> user::Model {
    let now = Utc::now();
    user::ActiveModel {
        email: Set(email.into()),
        email_normalized: Set(email.into()),
        display_name: Set(name.into()),
        password_hash: Set("!".into()),
        verified_at: Set(Some(now)),
        is_admin: Set(false),
        created_at: Set(now),
        public_code: Set(None),
        language: Set(None),
        ..Default::default()
    }
    .insert(&app.state.db)
    .await
    .expect("person")
}
