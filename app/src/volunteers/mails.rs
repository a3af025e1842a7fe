//! Telling volunteers what happened to their shifts. Each mail is queued in the transaction of the
//! change that causes it, in the recipient's language.
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::status::TAKEN;
use super::words;
use crate::entities::{event, user, volunteer_shift, volunteer_signup, volunteer_team};
use crate::error::AppResult;
use crate::lang::{for_recipient, Locale};
use crate::mail::outbox;
use crate::mail::volunteer_templates::{self as t, ShiftWords, To};
use crate::mail::Email;
use crate::state::AppState;

/// The language `u` reads mail about `e` in.
pub fn language(u: &user::Model, e: &event::Model) -> Locale {
    for_recipient(u.language.as_deref(), Some(&e.default_language))
}

pub fn to<'a>(u: &'a user::Model, e: &'a event::Model) -> To<'a> {
    To { l: language(u, e), email: &u.email, name: &u.display_name, event: &e.name }
}

/// A shift named for a reader of `l`.
pub struct Named {
    pub title: String,
    pub when: String,
    pub place: String,
}

impl Named {
    pub fn of(l: Locale, e: &event::Model, s: &volunteer_shift::Model, team: &str) -> Named {
        Named { title: words::title(s, team), when: words::when(l, e, s.starts_at, s.ends_at), place: s.place.clone() }
    }

    pub fn words(&self) -> ShiftWords<'_> {
        ShiftWords { title: &self.title, when: &self.when, place: &self.place }
    }
}

/// What happened to a shift its volunteers must hear about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Told {
    /// Moved or edited: the mail gives it as it now reads.
    Changed,
    Cancelled,
    /// A seat came to them, from the waiting list or from a lead.
    Given {
        by_lead: bool,
    },
}

async fn team_name(db: &impl ConnectionTrait, s: &volunteer_shift::Model) -> AppResult<String> {
    Ok(volunteer_team::Entity::find_by_id(s.team_id).one(db).await?.map(|t| t.name).unwrap_or_default())
}

fn mail(state: &AppState, e: &event::Model, u: &user::Model, s: &volunteer_shift::Model, team: &str, told: Told) -> Email {
    let who = to(u, e);
    let named = Named::of(who.l, e, s, team);
    let mine = state.config.link(&crate::plumbing::urls::my_shifts(&e.slug));
    match told {
        Told::Changed => t::shift_changed(&who, &named.words(), &mine),
        Told::Cancelled => t::shift_cancelled(&who, &named.words(), &state.config.link(&crate::plumbing::urls::volunteer_board(&e.slug))),
        Told::Given { by_lead } => t::shift_given(&who, &named.words(), by_lead, &mine),
    }
}

/// Queues the mail telling `user_id` about `s`.
pub async fn tell(
    db: &impl ConnectionTrait,
    state: &AppState,
    e: &event::Model,
    s: &volunteer_shift::Model,
    user_id: i32,
    told: Told,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let team = team_name(db, s).await?;
    tell_all(db, state, e, (s, &team), &[user_id], told, now).await
}

/// Queues the mail about `shift` (with its team's name) to each of `people`.
async fn tell_all(
    db: &impl ConnectionTrait,
    state: &AppState,
    e: &event::Model,
    (s, team): (&volunteer_shift::Model, &str),
    people: &[i32],
    told: Told,
    now: DateTime<Utc>,
) -> AppResult<()> {
    for u in user::Entity::find().filter(user::Column::Id.is_in(people.iter().copied())).all(db).await? {
        outbox::enqueue(db, mail(state, e, &u, s, team, told), now).await?;
    }
    Ok(())
}

/// The volunteers holding a seat on the shift.
pub async fn holders(db: &impl ConnectionTrait, shift_id: i32) -> AppResult<Vec<i32>> {
    Ok(volunteer_signup::Entity::find()
        .filter(volunteer_signup::Column::ShiftId.eq(shift_id))
        .filter(volunteer_signup::Column::Status.eq(TAKEN))
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.user_id)
        .collect())
}

/// Queues the mail to everyone holding a seat on `s` (as it now reads); answers how many.
pub async fn tell_holders(
    db: &impl ConnectionTrait,
    state: &AppState,
    e: &event::Model,
    s: &volunteer_shift::Model,
    told: Told,
    now: DateTime<Utc>,
) -> AppResult<usize> {
    let people = holders(db, s.id).await?;
    if !people.is_empty() {
        tell_all(db, state, e, (s, &team_name(db, s).await?), &people, told, now).await?;
    }
    Ok(people.len())
}
