//! The audit trail of an event's review and selection, as organisers read it: newest first.
use std::collections::{HashMap, HashSet};

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::{LogLine, SelectionLogView};
use crate::entities::{event, membership, proposal, selection_log, user};
use crate::error::AppResult;
use crate::formats::zoned::{long_label, zone};
use crate::review::settings::settings_of;
use crate::tr;
use domain::roles::{self, REVIEWERS};

/// The most lines one page shows.
const LIMIT: u64 = 1000;

/// A readable name for an action code (codes of other areas show as they are).
pub fn action_label(action: &str) -> String {
    match action {
        "settings" => tr!(selection.trail.actions.settings),
        "close_reviews" => tr!(selection.trail.actions.close_reviews),
        "reopen_reviews" => tr!(selection.trail.actions.reopen_reviews),
        "slots" => tr!(selection.trail.actions.slots),
        "template" => tr!(selection.trail.actions.template),
        "decide" => tr!(selection.trail.actions.decide),
        "publish" => tr!(selection.trail.actions.publish),
        "promote" => tr!(selection.trail.actions.promote),
        "confirm" => tr!(selection.trail.actions.confirm),
        "decline" => tr!(selection.trail.actions.decline),
        other => other,
    }
    .to_string()
}

/// Who did it: team members by name; speakers stay anonymous ("a speaker") while the event is.
fn who(actor: Option<i32>, action: &str, names: &HashMap<i32, user::Model>, team: &HashSet<i32>, anonymous: bool) -> String {
    match actor.and_then(|id| names.get(&id)) {
        Some(u) if !anonymous || u.is_admin || team.contains(&u.id) => u.display_name.clone(),
        Some(_) => tr!(selection.trail.a_speaker).into(),
        None if matches!(action, "confirm" | "decline") => tr!(selection.trail.a_speaker_link).into(),
        None => "Estrade".into(),
    }
}

pub async fn log_view(db: &impl ConnectionTrait, e: &event::Model, now: chrono::DateTime<chrono::Utc>) -> AppResult<SelectionLogView> {
    let rows = selection_log::Entity::find()
        .filter(selection_log::Column::EventId.eq(e.id))
        .order_by_desc(selection_log::Column::Id)
        .limit(LIMIT)
        .all(db)
        .await?;
    let actor_ids: HashSet<i32> = rows.iter().filter_map(|r| r.actor_id).collect();
    let proposal_ids: HashSet<i32> = rows.iter().filter_map(|r| r.proposal_id).collect();
    let names: HashMap<i32, user::Model> =
        user::Entity::find().filter(user::Column::Id.is_in(actor_ids)).all(db).await?.into_iter().map(|u| (u.id, u)).collect();
    let titles: HashMap<i32, String> = proposal::Entity::find()
        .filter(proposal::Column::Id.is_in(proposal_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.title))
        .collect();
    let team: HashSet<i32> = membership::Entity::find()
        .filter(membership::Column::EventId.eq(e.id))
        .filter(membership::Column::Role.is_in(roles::names(REVIEWERS)))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.user_id)
        .collect();
    let anonymous = settings_of(db, e.id, now).await?.anonymous;
    let tz = zone(&e.time_zone);
    Ok(SelectionLogView {
        event: crate::events::summary::summary(e),
        lines: rows
            .into_iter()
            .map(|r| LogLine {
                when: long_label(r.created_at, tz),
                who: who(r.actor_id, &r.action, &names, &team, anonymous),
                action: action_label(&r.action),
                proposal: r.proposal_id.and_then(|id| titles.get(&id).cloned()),
                detail: r.detail,
            })
            .collect(),
    })
}
