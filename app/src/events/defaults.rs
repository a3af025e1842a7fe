//! What a new event starts with: CFP settings (closed until organisers set dates) and the usual
//! formats and tracks. Here rather than in `cfp` so that creating an event needs no CFP code.
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};

use crate::entities::{cfp_settings, format, track};
use crate::error::AppResult;
use domain::cfp::{join_list, Choice, Language, Level, DEFAULT_FORMATS, DEFAULT_TRACKS};

/// Gives a new event its CFP settings (closed until organisers set dates) and the usual formats and tracks.
pub async fn create_defaults(db: &impl ConnectionTrait, event_id: i32, now: DateTime<Utc>) -> AppResult<()> {
    default_settings(event_id, now).insert(db).await?;
    for (i, (name, description, minutes)) in DEFAULT_FORMATS.iter().enumerate() {
        format::ActiveModel {
            event_id: Set(event_id),
            name: Set((*name).into()),
            description: Set((*description).into()),
            duration_min: Set(*minutes),
            hidden: Set(false),
            position: Set(i as i32),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    for (i, (name, description, colour)) in DEFAULT_TRACKS.iter().enumerate() {
        track::ActiveModel {
            event_id: Set(event_id),
            name: Set((*name).into()),
            description: Set((*description).into()),
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
