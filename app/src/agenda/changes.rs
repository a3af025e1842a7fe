//! Published versions and their changelog, as attendees (`/events/<slug>/changes`) and organisers
//! (the builder's last version, `…/schedule/versions`) read them.
use chrono_tz::Tz;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::{VersionRow, VersionsView};
use crate::entities::{event, schedule_version};
use crate::error::AppResult;
use crate::formats::zoned::zone;
use crate::tr;
use domain::timetable::{Change, Slot};

fn changes_of(v: &schedule_version::Model) -> Vec<Change> {
    serde_json::from_str(&v.changelog).unwrap_or_default()
}

/// "Thu 11 Mar 10:30 am–11:10 am, Amphi" / "jeu. 11 mars 10 h 30–11 h 10, Amphi", in the page's language.
pub fn when_where(s: &Slot, tz: Tz) -> String {
    use crate::lang::dates::{short_day, time};
    let l = crate::lang::use_locale();
    let (start, end) = (s.start.with_timezone(&tz), s.end.with_timezone(&tz));
    format!(
        "{} {}–{}, {}",
        short_day(l, start.date_naive()),
        time(l, start.time()),
        time(l, end.time()),
        crate::lang::labels::room(l, &s.room)
    )
}

/// One line of a changelog, as organisers and attendees read it.
pub fn change_line(c: &Change, tz: Tz) -> String {
    match c {
        Change::Added { slot } => tr!(agenda.change.added, title = slot.title.clone(), when = when_where(slot, tz)).to_string(),
        Change::Removed { slot } => tr!(agenda.change.removed, title = slot.title.clone(), when = when_where(slot, tz)).to_string(),
        Change::Moved { before, after } => {
            tr!(agenda.change.moved, title = after.title.clone(), before = when_where(before, tz), after = when_where(after, tz))
                .to_string()
        }
    }
}

pub fn version_row(v: &schedule_version::Model, tz: Tz) -> VersionRow {
    VersionRow {
        number: v.number,
        name: v.name.clone(),
        published: crate::formats::zoned::long_label(v.published_at, tz),
        changes: changes_of(v).iter().map(|c| change_line(c, tz)).collect(),
    }
}

pub async fn versions_view(db: &impl ConnectionTrait, e: &event::Model) -> AppResult<VersionsView> {
    let tz = zone(&e.time_zone);
    let rows = schedule_version::Entity::find()
        .filter(schedule_version::Column::EventId.eq(e.id))
        .order_by_desc(schedule_version::Column::Number)
        .all(db)
        .await?;
    Ok(VersionsView { event: crate::events::summary::summary(e), versions: rows.iter().map(|v| version_row(v, tz)).collect() })
}
