//! CFP settings, formats and tracks of an event, as its organisers change them.
use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect, Set,
};

use super::{CfpSettingsForm, CfpSettingsView, FormatRow, TrackRow};
use crate::db::BeginWrite;
use crate::entities::{cfp_settings, event, format, proposal, track};
use crate::error::{AppError, AppResult, FieldError};
use crate::events::cfp_settings::{formats_of, settings_of, status, tracks_of};
use crate::events::texts;
use crate::formats::zoned::{utc_to_input, zone};
use crate::plumbing::optional_instant;
use crate::tr;
use domain::cfp::{
    format_errors, join_list, parse_list, track_errors, Choice, FormatForm, Language, Level, ProposalState, TrackForm, CFP_TEXT_MAX,
};

/// The settings form read: which choices are ticked; the CFP text in its languages.
#[derive(Debug, Clone, Default)]
pub struct SettingsInput {
    pub opens_at: String,
    pub closes_at: String,
    pub max_proposals: String,
    pub levels: Vec<(Level, bool)>,
    pub languages: Vec<(Language, bool)>,
    pub cfp_text: String,
    pub cfp_translations: BTreeMap<String, String>,
}

impl SettingsInput {
    pub fn from_form(f: &CfpSettingsForm) -> Self {
        SettingsInput {
            opens_at: f.opens_at.clone(),
            closes_at: f.closes_at.clone(),
            max_proposals: f.max_proposals.clone(),
            levels: vec![
                (Level::Beginner, f.level_beginner.is_some()),
                (Level::Intermediate, f.level_intermediate.is_some()),
                (Level::Advanced, f.level_advanced.is_some()),
            ],
            languages: vec![(Language::French, f.lang_fr.is_some()), (Language::English, f.lang_en.is_some())],
            cfp_text: f.cfp_text.clone(),
            cfp_translations: f.cfp_translations.clone(),
        }
    }
}

/// The settings once checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSettings {
    pub opens_at: Option<DateTime<Utc>>,
    pub closes_at: Option<DateTime<Utc>>,
    pub max_proposals: Option<i32>,
    pub levels: Vec<Level>,
    pub languages: Vec<Language>,
    pub cfp_text: String,
}

fn ticked<C: Copy>(items: &[(C, bool)]) -> Vec<C> {
    items.iter().filter(|(_, on)| *on).map(|(c, _)| *c).collect()
}

/// Checks the settings form, with every problem named next to its field.
pub fn validate_settings(input: &SettingsInput, tz: Tz) -> AppResult<ValidSettings> {
    let mut errors = Vec::new();
    let mut err = |field: &str, message: String| errors.push(FieldError { field: field.into(), message });
    let opens_at = optional_instant(&input.opens_at, tz).unwrap_or_else(|m| {
        err("opens_at", m);
        None
    });
    let closes_at = optional_instant(&input.closes_at, tz).unwrap_or_else(|m| {
        err("closes_at", m);
        None
    });
    if let (Some(o), Some(c)) = (opens_at, closes_at) {
        if c <= o {
            err("closes_at", tr!(organizer.errors.close_after_open).into());
        }
    }
    let max = input.max_proposals.trim();
    let max_proposals = if max.is_empty() {
        None
    } else {
        match max.parse::<i32>() {
            Ok(n) if (1..=50).contains(&n) => Some(n),
            _ => {
                err("max_proposals", tr!(organizer.errors.max_proposals).into());
                None
            }
        }
    };
    let levels = ticked(&input.levels);
    if levels.is_empty() {
        err("levels", tr!(organizer.errors.levels).into());
    }
    let languages = ticked(&input.languages);
    if languages.is_empty() {
        err("languages", tr!(organizer.errors.languages).into());
    }
    let texts = std::iter::once(("cfp_text".to_string(), &input.cfp_text))
        .chain(input.cfp_translations.iter().map(|(code, text)| (format!("cfp_translations[{code}]"), text)));
    for (field, text) in texts {
        let n = domain::text::typed_len(text);
        if n > CFP_TEXT_MAX {
            let l = crate::lang::use_locale();
            let (max, typed) = (crate::lang::problems::count(l, CFP_TEXT_MAX), crate::lang::problems::count(l, n));
            err(&field, tr!(organizer.errors.too_long, max = max, typed = typed).to_string());
        }
    }
    if !errors.is_empty() {
        return Err(AppError::validation(errors));
    }
    Ok(ValidSettings { opens_at, closes_at, max_proposals, levels, languages, cfp_text: input.cfp_text.clone() })
}

/// Saves the settings form, the CFP text's versions with them, all or nothing.
pub async fn save_settings(db: &DatabaseConnection, e: &event::Model, form: &CfpSettingsForm, now: DateTime<Utc>) -> AppResult<()> {
    let valid = validate_settings(&SettingsInput::from_form(form), zone(&e.time_zone))?;
    let default = crate::lang::code(crate::lang::parse(&e.default_language).unwrap_or_default());
    let sent = texts::Sent {
        name: "cfp_text",
        others: "cfp_translations",
        language: &form.cfp_text_language,
        first: &form.cfp_text,
        translations: &form.cfp_translations,
    };
    let versions = sent.versions(default)?;
    let txn = db.begin_write().await?;
    let current = settings_of(&txn, e.id, now).await?;
    let mut row: cfp_settings::ActiveModel = current.into();
    row.opens_at = Set(valid.opens_at);
    row.closes_at = Set(valid.closes_at);
    row.max_proposals = Set(valid.max_proposals);
    row.levels = Set(join_list(&valid.levels));
    row.languages = Set(join_list(&valid.languages));
    row.cfp_text = Set(texts::main_text(&versions, default));
    row.updated_at = Set(now);
    row.update(&txn).await?;
    texts::save(&txn, e.id, texts::CFP_TEXT, &versions).await?;
    txn.commit().await?;
    Ok(())
}

/// How many of the event's proposals (drafts excluded) use each format or track id.
async fn usage(db: &impl ConnectionTrait, event_id: i32, column: proposal::Column) -> AppResult<HashMap<i32, u64>> {
    let ids: Vec<Option<i32>> = proposal::Entity::find()
        .select_only()
        .column(column)
        .filter(proposal::Column::EventId.eq(event_id))
        .filter(proposal::Column::State.ne(ProposalState::Draft.as_str()))
        .into_tuple()
        .all(db)
        .await?;
    let mut counts = HashMap::new();
    for id in ids.into_iter().flatten() {
        *counts.entry(id).or_insert(0) += 1;
    }
    Ok(counts)
}

/// The settings page of `e` at `now`.
pub async fn settings_view(db: &impl ConnectionTrait, e: &event::Model, now: DateTime<Utc>) -> AppResult<CfpSettingsView> {
    let s = settings_of(db, e.id, now).await?;
    let tz = zone(&e.time_zone);
    let by_format = usage(db, e.id, proposal::Column::FormatId).await?;
    let by_track = usage(db, e.id, proposal::Column::TrackId).await?;
    let formats = formats_of(db, e.id, true).await?;
    let tracks = tracks_of(db, e.id, true).await?;
    let mut cfp_versions = texts::versions(db, e.id, texts::CFP_TEXT).await?;
    Ok(CfpSettingsView {
        event: crate::events::summary::summary(e),
        time_zone: tz.to_string(),
        status: status(now, &s, e),
        opens_at: s.opens_at.map(|t| utc_to_input(t, tz)).unwrap_or_default(),
        closes_at: s.closes_at.map(|t| utc_to_input(t, tz)).unwrap_or_default(),
        max_proposals: s.max_proposals.map(|n| n.to_string()).unwrap_or_default(),
        levels: parse_list::<Level>(&s.levels).iter().map(|l| l.as_str().to_string()).collect(),
        languages: parse_list::<Language>(&s.languages).iter().map(|l| l.as_str().to_string()).collect(),
        cfp_text: cfp_versions.remove(&e.default_language).filter(|t| !t.trim().is_empty()).unwrap_or_else(|| s.cfp_text.clone()),
        cfp_translations: cfp_versions,
        default_language: e.default_language.clone(),
        formats: formats
            .into_iter()
            .map(|f| FormatRow {
                proposals: by_format.get(&f.id).copied().unwrap_or(0),
                id: f.id,
                name: f.name,
                description: f.description,
                duration_min: f.duration_min,
                hidden: f.hidden,
            })
            .collect(),
        tracks: tracks
            .into_iter()
            .map(|t| TrackRow {
                proposals: by_track.get(&t.id).copied().unwrap_or(0),
                id: t.id,
                name: t.name,
                description: t.description,
                colour: t.colour,
                hidden: t.hidden,
            })
            .collect(),
    })
}

/// "used by 1 proposal" / "used by 3 proposals".
fn in_use(what: &str, n: u64) -> AppError {
    let n = n as i32;
    let message = match what {
        "format" => tr!(organizer.errors.format_in_use, count = n).to_string(),
        _ => tr!(organizer.errors.track_in_use, count = n).to_string(),
    };
    AppError::Conflict(message)
}

/// Proposals of any state (drafts included) pointing at the format or track: they block its deletion.
async fn uses(db: &impl ConnectionTrait, column: proposal::Column, id: i32) -> AppResult<u64> {
    Ok(proposal::Entity::find().filter(column.eq(id)).count(db).await?)
}

fn checked_format(form: &FormatForm) -> AppResult<i32> {
    let errors = format_errors(form);
    if !errors.is_empty() {
        return Err(AppError::problems(errors));
    }
    form.duration_min.trim().parse().map_err(|_| AppError::field("duration_min", tr!(organizer.errors.duration)))
}

fn checked_track(form: &TrackForm) -> AppResult<String> {
    let errors = track_errors(form);
    if !errors.is_empty() {
        return Err(AppError::problems(errors));
    }
    Ok(form.colour.trim().to_ascii_lowercase())
}

async fn format_of(db: &impl ConnectionTrait, event_id: i32, id: i32) -> AppResult<format::Model> {
    format::Entity::find_by_id(id).filter(format::Column::EventId.eq(event_id)).one(db).await?.ok_or(AppError::NotFound)
}

async fn track_of(db: &impl ConnectionTrait, event_id: i32, id: i32) -> AppResult<track::Model> {
    track::Entity::find_by_id(id).filter(track::Column::EventId.eq(event_id)).one(db).await?.ok_or(AppError::NotFound)
}

pub async fn add_format(db: &impl ConnectionTrait, event_id: i32, form: &FormatForm, hidden: bool, now: DateTime<Utc>) -> AppResult<()> {
    let minutes = checked_format(form)?;
    let position = formats_of(db, event_id, true).await?.iter().map(|f| f.position + 1).max().unwrap_or(0);
    format::ActiveModel {
        event_id: Set(event_id),
        name: Set(form.name.trim().to_string()),
        description: Set(form.description.trim().to_string()),
        duration_min: Set(minutes),
        hidden: Set(hidden),
        position: Set(position),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

pub async fn update_format(db: &impl ConnectionTrait, event_id: i32, id: i32, form: &FormatForm, hidden: bool) -> AppResult<()> {
    let minutes = checked_format(form)?;
    let mut row: format::ActiveModel = format_of(db, event_id, id).await?.into();
    row.name = Set(form.name.trim().to_string());
    row.description = Set(form.description.trim().to_string());
    row.duration_min = Set(minutes);
    row.hidden = Set(hidden);
    row.update(db).await?;
    Ok(())
}

/// Deletes a format no proposal uses; otherwise says to hide it.
pub async fn delete_format(db: &impl ConnectionTrait, event_id: i32, id: i32) -> AppResult<()> {
    let f = format_of(db, event_id, id).await?;
    let n = uses(db, proposal::Column::FormatId, f.id).await?;
    if n > 0 {
        return Err(in_use("format", n));
    }
    format::Entity::delete_by_id(f.id).exec(db).await?;
    Ok(())
}

pub async fn add_track(db: &impl ConnectionTrait, event_id: i32, form: &TrackForm, hidden: bool, now: DateTime<Utc>) -> AppResult<()> {
    let colour = checked_track(form)?;
    let position = tracks_of(db, event_id, true).await?.iter().map(|t| t.position + 1).max().unwrap_or(0);
    track::ActiveModel {
        event_id: Set(event_id),
        name: Set(form.name.trim().to_string()),
        description: Set(form.description.trim().to_string()),
        colour: Set(colour),
        hidden: Set(hidden),
        position: Set(position),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

pub async fn update_track(db: &impl ConnectionTrait, event_id: i32, id: i32, form: &TrackForm, hidden: bool) -> AppResult<()> {
    let colour = checked_track(form)?;
    let mut row: track::ActiveModel = track_of(db, event_id, id).await?.into();
    row.name = Set(form.name.trim().to_string());
    row.description = Set(form.description.trim().to_string());
    row.colour = Set(colour);
    row.hidden = Set(hidden);
    row.update(db).await?;
    Ok(())
}

/// Deletes a track no proposal uses; otherwise says to hide it.
pub async fn delete_track(db: &impl ConnectionTrait, event_id: i32, id: i32) -> AppResult<()> {
    let t = track_of(db, event_id, id).await?;
    let n = uses(db, proposal::Column::TrackId, t.id).await?;
    if n > 0 {
        return Err(in_use("track", n));
    }
    track::Entity::delete_by_id(t.id).exec(db).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARIS: Tz = chrono_tz::Europe::Paris;

    fn input() -> SettingsInput {
        SettingsInput {
            opens_at: "2026-06-01T09:00".into(),
            closes_at: "2026-10-25T23:59".into(),
            max_proposals: String::new(),
            levels: vec![(Level::Beginner, true), (Level::Intermediate, false), (Level::Advanced, true)],
            languages: vec![(Language::French, true), (Language::English, false)],
            cfp_text: "Come and **talk**.".into(),
            cfp_translations: BTreeMap::new(),
        }
    }

    fn fields(err: AppError) -> Vec<String> {
        match err {
            AppError::Validation { fields, .. } => fields.into_iter().map(|f| f.field).collect(),
            other => panic!("not a validation error: {other:?}"),
        }
    }

    #[test]
    fn valid_settings_are_read_in_the_event_zone() {
        let v = validate_settings(&input(), PARIS).unwrap();
        assert_eq!(v.opens_at.unwrap().to_rfc3339(), "2026-06-01T07:00:00+00:00");
        assert_eq!(v.closes_at.unwrap().to_rfc3339(), "2026-10-25T22:59:00+00:00");
        assert_eq!(v.max_proposals, None);
        assert_eq!(v.levels, vec![Level::Beginner, Level::Advanced]);
        assert_eq!(v.languages, vec![Language::French]);
    }

    #[test]
    fn dates_are_optional_but_ordered() {
        let none = SettingsInput { opens_at: " ".into(), closes_at: String::new(), ..input() };
        let v = validate_settings(&none, PARIS).unwrap();
        assert_eq!((v.opens_at, v.closes_at), (None, None));
        let reversed = SettingsInput { opens_at: "2026-10-26T00:00".into(), ..input() };
        assert_eq!(fields(validate_settings(&reversed, PARIS).unwrap_err()), ["closes_at"]);
        let same = SettingsInput { opens_at: "2026-10-25T23:59".into(), ..input() };
        assert_eq!(fields(validate_settings(&same, PARIS).unwrap_err()), ["closes_at"]);
        let gap = SettingsInput { closes_at: "2026-03-29T02:30".into(), opens_at: String::new(), ..input() };
        assert_eq!(fields(validate_settings(&gap, PARIS).unwrap_err()), ["closes_at"]);
    }

    #[test]
    fn limits_choices_and_text_are_checked_together() {
        for ok in ["1", "50", " 7 "] {
            let v = validate_settings(&SettingsInput { max_proposals: ok.into(), ..input() }, PARIS).unwrap();
            assert_eq!(v.max_proposals, Some(ok.trim().parse().unwrap()));
        }
        let bad = SettingsInput {
            opens_at: "soon".into(),
            max_proposals: "51".into(),
            levels: vec![(Level::Beginner, false)],
            languages: vec![],
            cfp_text: "x".repeat(CFP_TEXT_MAX + 1),
            ..input()
        };
        assert_eq!(fields(validate_settings(&bad, PARIS).unwrap_err()), ["opens_at", "max_proposals", "levels", "languages", "cfp_text"]);
        for bad in ["0", "-1", "two"] {
            let err = validate_settings(&SettingsInput { max_proposals: bad.into(), ..input() }, PARIS).unwrap_err();
            assert_eq!(fields(err), ["max_proposals"]);
        }
    }

    #[test]
    fn in_use_message_counts_proposals() {
        assert_eq!(in_use("format", 1).to_string(), "This format is used by 1 proposal; hide it instead.");
        assert_eq!(in_use("track", 4).to_string(), "This track is used by 4 proposals; hide it instead.");
    }
}
