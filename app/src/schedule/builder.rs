//! The builder page's data: the loaded schedule, its grid days, what publishing would change.
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use sea_orm::ConnectionTrait;

use super::service::{load, local_hhmm};
use super::{BuilderDay, BuilderView};
use crate::entities::{event, event_day};
use crate::error::AppResult;
use domain::schedule::{DayHours, GRID_MINUTES};

fn builder_day(d: &event_day::Model, h: DayHours, tz: Tz) -> BuilderDay {
    let steps = ((h.end - h.start).num_minutes() / GRID_MINUTES).max(0);
    BuilderDay {
        date: d.day.format("%Y-%m-%d").to_string(),
        label: crate::lang::dates::day(crate::lang::use_locale(), d.day),
        start: h.start,
        end: h.end,
        rows: (0..steps).map(|i| local_hhmm(h.start + Duration::minutes(i * GRID_MINUTES), tz)).collect(),
    }
}

/// The builder page of `e`.
pub async fn builder_view(db: &impl ConnectionTrait, e: &event::Model, now: DateTime<Utc>) -> AppResult<BuilderView> {
    let loaded = load(db, e, now).await?;
    let latest = crate::published::latest(db, e.id).await?;
    let pending = super::publish::pending(&loaded, latest.as_ref())?;
    Ok(BuilderView {
        event: crate::events::summary::summary(e),
        time_zone: loaded.tz.to_string(),
        rooms: loaded.rooms.clone(),
        days: loaded.days.iter().map(|(d, h)| builder_day(d, *h, loaded.tz)).collect(),
        warnings: loaded.warnings(),
        pending,
        latest: latest.map(|v| crate::agenda::changes::version_row(&v, loaded.tz)),
        formats: loaded.formats.iter().filter(|f| !f.hidden).map(|f| (f.id, f.name.clone())).collect(),
        tracks: loaded.tracks.iter().filter(|t| !t.hidden).map(|t| (t.id, t.name.clone())).collect(),
        unavailable: loaded.unavailable,
        items: loaded.items,
    })
}
