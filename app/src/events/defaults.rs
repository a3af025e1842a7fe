//! What a new event starts with: CFP settings (closed until organisers set dates) and the usual
//! formats and tracks. Here rather than in `cfp` so that creating an event needs no CFP code.
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};

use leptos_i18n::td_string;

use crate::entities::{cfp_settings, format, track};
use crate::error::AppResult;
use crate::lang::Locale;
use domain::cfp::{join_list, Choice, Language, Level, DEFAULT_FORMATS, DEFAULT_TRACKS};

/// Gives a new event its CFP settings (closed until organisers set dates) and the usual formats and
/// tracks, named in the event's default language (organisers rename them at will: they are data).
pub async fn create_defaults(db: &impl ConnectionTrait, event_id: i32, language: Locale, now: DateTime<Utc>) -> AppResult<()> {
    default_settings(event_id, now).insert(db).await?;
    for (i, (key, minutes)) in DEFAULT_FORMATS.iter().enumerate() {
        let (name, description) = format_words(language, key);
        format::ActiveModel {
            event_id: Set(event_id),
            name: Set(name.into()),
            description: Set(description.into()),
            duration_min: Set(*minutes),
            hidden: Set(false),
            position: Set(i as i32),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    for (i, (key, colour)) in DEFAULT_TRACKS.iter().enumerate() {
        let (name, description) = track_words(language, key);
        track::ActiveModel {
            event_id: Set(event_id),
            name: Set(name.into()),
            description: Set(description.into()),
            colour: Set((*colour).into()),
            hidden: Set(false),
            position: Set(i as i32),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// The name and description of a default format (`domain::cfp::DEFAULT_FORMATS`) in `l`.
fn format_words(l: Locale, key: &str) -> (&'static str, &'static str) {
    match key {
        "short" => (td_string!(l, events.defaults.formats.short.name), td_string!(l, events.defaults.formats.short.description)),
        "rex" => (td_string!(l, events.defaults.formats.rex.name), td_string!(l, events.defaults.formats.rex.description)),
        _ => (td_string!(l, events.defaults.formats.deep_dive.name), td_string!(l, events.defaults.formats.deep_dive.description)),
    }
}

/// The name and description of a default track (`domain::cfp::DEFAULT_TRACKS`) in `l`.
fn track_words(l: Locale, key: &str) -> (&'static str, &'static str) {
    match key {
        "kubernetes" => {
            (td_string!(l, events.defaults.tracks.kubernetes.name), td_string!(l, events.defaults.tracks.kubernetes.description))
        }
        "platform" => (td_string!(l, events.defaults.tracks.platform.name), td_string!(l, events.defaults.tracks.platform.description)),
        "security" => (td_string!(l, events.defaults.tracks.security.name), td_string!(l, events.defaults.tracks.security.description)),
        "observability" => {
            (td_string!(l, events.defaults.tracks.observability.name), td_string!(l, events.defaults.tracks.observability.description))
        }
        "ai_data" => (td_string!(l, events.defaults.tracks.ai_data.name), td_string!(l, events.defaults.tracks.ai_data.description)),
        "green_it" => (td_string!(l, events.defaults.tracks.green_it.name), td_string!(l, events.defaults.tracks.green_it.description)),
        _ => (td_string!(l, events.defaults.tracks.open_source.name), td_string!(l, events.defaults.tracks.open_source.description)),
    }
}

/// CFP settings of a new event: closed, every level and language offered.
pub fn default_settings(event_id: i32, now: DateTime<Utc>) -> cfp_settings::ActiveModel {
    cfp_settings::ActiveModel {
        event_id: Set(event_id),
        opens_at: Set(None),
        closes_at: Set(None),
        max_proposals: Set(None),
        levels: Set(join_list(Level::ALL)),
        languages: Set(join_list(Language::ALL)),
        cfp_text: Set(String::new()),
        updated_at: Set(now),
        ..Default::default()
    }
}
