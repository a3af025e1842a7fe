//! Demo audience interest: fictional attendees (accounts nobody can sign in to) who starred talks of
//! the published Cloud Nord agenda, so the organisers' "Audience interest" page has figures, one
//! hands-on talk drawing more people than its room seats.
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

use app::crypto::{hash_password, new_token};
use app::entities::{event, favourite, proposal, user};
use domain::timetable::Kind;

use crate::seed_bench::user_row;

const ATTENDEES: usize = 60;

/// How many attendees star the `j`-th talk: spread between 4 and 59, and 52 for the first talk of
/// the smallest room.
fn stars_of(j: usize, in_smallest_room_first: bool) -> usize {
    if in_smallest_room_first {
        52
    } else {
        (j * 37 + 11) % 56 + 4
    }
}

pub async fn seed_favourites(db: &DatabaseConnection, e: &event::Model, now: DateTime<Utc>) -> anyhow::Result<()> {
    let p = app::published::programme(db, e, None).await.map_err(|x| anyhow::anyhow!("demo favourites: {x}"))?;
    let hash = hash_password(new_token()).await.map_err(|x| anyhow::anyhow!("demo favourites: {x}"))?;
    let emails: Vec<String> = (1..=ATTENDEES).map(|n| format!("attendee{n:02}@attendees.invalid")).collect();
    let rows = emails.iter().enumerate().map(|(i, email)| user_row(email, &format!("Demo attendee {}", i + 1), &hash, now));
    user::Entity::insert_many(rows).exec(db).await?;
    let attendees: Vec<i32> = user::Entity::find().filter(user::Column::Email.is_in(emails)).all(db).await?.iter().map(|u| u.id).collect();

    let codes: Vec<String> = p.sessions.iter().filter(|s| s.kind == Kind::Talk).filter_map(|s| s.code.clone()).collect();
    let ids: HashMap<String, i32> = proposal::Entity::find()
        .filter(proposal::Column::Code.is_in(codes.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.code, p.id))
        .collect();
    let smallest = p.rooms.iter().filter(|r| r.capacity.is_some()).min_by_key(|r| r.capacity).map(|r| r.id);
    let first_small =
        p.sessions.iter().find(|s| s.kind == Kind::Talk && s.room_ids.first().copied() == smallest).and_then(|s| s.code.clone());
    let mut stars = Vec::new();
    for (j, code) in codes.iter().enumerate() {
        let Some(proposal_id) = ids.get(code) else { continue };
        for user_id in attendees.iter().take(stars_of(j, first_small.as_ref() == Some(code))) {
            stars.push(favourite::ActiveModel {
                event_id: Set(e.id),
                user_id: Set(*user_id),
                proposal_id: Set(*proposal_id),
                created_at: Set(now),
                ..Default::default()
            });
        }
    }
    for chunk in stars.chunks(500) {
        favourite::Entity::insert_many(chunk.to_vec()).exec(db).await?;
    }
    Ok(())
}
