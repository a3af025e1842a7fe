//! Review settings as organisers change them: anonymity, closing reviews, the confirmation deadline,
//! planned slots per format, and the wording of the decision mails. Every change leaves an audit line.
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

use super::{FormatSlots, SelectionSettingsView, TemplateView};
use crate::cfp::settings::formats_of;
use crate::db::BeginWrite;
use domain::cfp::Choice;
use domain::decision_mail::{default_template, template_errors, PLACEHOLDERS};
use domain::review::{reviews_open, Decision};
use crate::formats::zoned::{long_label, utc_to_input, zone};
use crate::entities::{decision_template, event, format, review_settings, user};
use crate::error::{AppError, AppResult};
use crate::plumbing::optional_instant;
use crate::review::settings::{is_open, record, settings_of};

/// The settings form as sent; checkboxes are true when ticked.
#[derive(Debug, Clone, Default)]
pub struct SettingsInput {
    pub anonymous: bool,
    pub hide_scores_until_reviewed: bool,
    pub reviews_close_at: String,
    pub confirm_by: String,
}

fn on_off(b: bool) -> &'static str {
    if b {
        "on"
    } else {
        "off"
    }
}

fn instant_label(t: Option<DateTime<Utc>>, tz: Tz) -> String {
    t.map(|t| long_label(t, tz)).unwrap_or_else(|| "none".into())
}

/// "Reviews are open until …" and the like.
fn reviews_status(s: &review_settings::Model, now: DateTime<Utc>, tz: Tz) -> String {
    match (s.reviews_closed_at, s.reviews_close_at) {
        (Some(by_hand), _) => format!("Reviews were closed by hand on {}.", long_label(by_hand, tz)),
        (None, Some(at)) if now >= at => format!("Reviews closed on {}.", long_label(at, tz)),
        (None, Some(at)) => format!("Reviews are open until {}.", long_label(at, tz)),
        (None, None) => "Reviews are open, with no closing date.".into(),
    }
}

/// Anonymous mode may only be off while reviews are closed: reviewers never see names while scoring.
fn check_anonymity(anonymous: bool, was_anonymous: bool, open: bool) -> AppResult<()> {
    match (anonymous, open) {
        (false, true) if was_anonymous => Err(AppError::Conflict(
            "Reviews are still open: anonymous mode stays on until they close. Close reviews first, then switch it off.".into(),
        )),
        (false, true) => {
            Err(AppError::Conflict("Anonymous mode is off: reviews cannot reopen until you switch it back on.".into()))
        }
        _ => Ok(()),
    }
}

async fn template_views(db: &impl ConnectionTrait, event_id: i32) -> AppResult<Vec<TemplateView>> {
    let saved = decision_template::Entity::find().filter(decision_template::Column::EventId.eq(event_id)).all(db).await?;
    Ok(Decision::ALL
        .iter()
        .map(|d| {
            let own = saved.iter().find(|t| t.decision == d.as_str());
            let (subject, body) = default_template(*d);
            TemplateView {
                decision: d.as_str().into(),
                label: d.label().into(),
                subject: own.map(|t| t.subject.clone()).unwrap_or_else(|| subject.into()),
                body: own.map(|t| t.body.clone()).unwrap_or_else(|| body.into()),
                custom: own.is_some(),
            }
        })
        .collect())
}

/// The settings page of `e` at `now`.
pub async fn view(db: &impl ConnectionTrait, e: &event::Model, now: DateTime<Utc>) -> AppResult<SelectionSettingsView> {
    let s = settings_of(db, e.id, now).await?;
    let tz = zone(&e.time_zone);
    let accepted = super::deliberation::accepted_per_format(db, e.id).await?;
    let formats = formats_of(db, e.id, true)
        .await?
        .into_iter()
        .map(|f| FormatSlots {
            accepted: accepted.get(&Some(f.id)).copied().unwrap_or(0),
            id: f.id,
            name: f.name,
            hidden: f.hidden,
            slots: f.slots.map(|n| n.to_string()).unwrap_or_default(),
        })
        .collect();
    Ok(SelectionSettingsView {
        event: crate::events::summary::summary(e),
        time_zone: tz.to_string(),
        anonymous: s.anonymous,
        hide_scores_until_reviewed: s.hide_scores_until_reviewed,
        reviews_close_at: s.reviews_close_at.map(|t| utc_to_input(t, tz)).unwrap_or_default(),
        confirm_by: s.confirm_by.map(|t| utc_to_input(t, tz)).unwrap_or_default(),
        reviews_open: is_open(&s, now),
        closed_by_hand: s.reviews_closed_at.is_some(),
        reviews_status: reviews_status(&s, now, tz),
        formats,
        templates: template_views(db, e.id).await?,
        placeholders: PLACEHOLDERS.iter().map(|(p, m)| (p.to_string(), m.to_string())).collect(),
    })
}

/// Saves anonymity, score hiding, the closing date and the confirmation deadline.
pub async fn save(
    db: &DatabaseConnection,
    e: &event::Model,
    me: &user::Model,
    input: &SettingsInput,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let tz = zone(&e.time_zone);
    let mut errors = Vec::new();
    let mut instant = |typed: &str, field: &str| {
        optional_instant(typed, tz).unwrap_or_else(|m| {
            errors.push(crate::error::FieldError::new(field, m));
            None
        })
    };
    let close_at = instant(&input.reviews_close_at, "reviews_close_at");
    let confirm_by = instant(&input.confirm_by, "confirm_by");
    if !errors.is_empty() {
        return Err(AppError::validation(errors));
    }
    let current = settings_of(db, e.id, now).await?;
    check_anonymity(input.anonymous, current.anonymous, reviews_open(now, close_at, current.reviews_closed_at))?;
    let mut changes = Vec::new();
    if input.anonymous != current.anonymous {
        changes.push(format!("anonymous mode {}", on_off(input.anonymous)));
    }
    if input.hide_scores_until_reviewed != current.hide_scores_until_reviewed {
        changes.push(format!("others' scores hidden until reviewed: {}", on_off(input.hide_scores_until_reviewed)));
    }
    if close_at != current.reviews_close_at {
        changes.push(format!("reviews close: {}", instant_label(close_at, tz)));
    }
    if confirm_by != current.confirm_by {
        changes.push(format!("confirmation deadline: {}", instant_label(confirm_by, tz)));
    }
    if changes.is_empty() {
        return Ok(());
    }
    let txn = db.begin_write().await?;
    let mut row: review_settings::ActiveModel = current.into();
    row.anonymous = Set(input.anonymous);
    row.hide_scores_until_reviewed = Set(input.hide_scores_until_reviewed);
    row.reviews_close_at = Set(close_at);
    row.confirm_by = Set(confirm_by);
    row.updated_at = Set(now);
    row.update(&txn).await?;
    record(&txn, e.id, None, Some(me.id), "settings", changes.join("; "), now).await?;
    txn.commit().await?;
    Ok(())
}

/// Closes reviews now (`close`), or clears a closing by hand.
pub async fn close_or_reopen(
    db: &DatabaseConnection,
    e: &event::Model,
    me: &user::Model,
    close: bool,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let current = settings_of(db, e.id, now).await?;
    if close == current.reviews_closed_at.is_some() {
        return Ok(());
    }
    if !close {
        check_anonymity(current.anonymous, current.anonymous, reviews_open(now, current.reviews_close_at, None))?;
        if !reviews_open(now, current.reviews_close_at, None) {
            let when = instant_label(current.reviews_close_at, zone(&e.time_zone));
            return Err(AppError::Conflict(format!(
                "The closing date ({when}) has passed: move it to a later date to reopen reviews."
            )));
        }
    }
    let txn = db.begin_write().await?;
    let mut row: review_settings::ActiveModel = current.into();
    row.reviews_closed_at = Set(close.then_some(now));
    row.updated_at = Set(now);
    row.update(&txn).await?;
    let (action, detail) =
        if close { ("close_reviews", "Reviews closed by hand") } else { ("reopen_reviews", "Reviews reopened") };
    record(&txn, e.id, None, Some(me.id), action, detail, now).await?;
    txn.commit().await?;
    Ok(())
}

/// Sets the planned number of talks of a format (empty: not planned).
pub async fn save_slots(
    db: &DatabaseConnection,
    e: &event::Model,
    me: &user::Model,
    format_id: i32,
    slots: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let f = format::Entity::find_by_id(format_id)
        .filter(format::Column::EventId.eq(e.id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let slots = match slots.trim() {
        "" => None,
        s => Some(s.parse::<i32>().ok().filter(|n| (0..=500).contains(n)).ok_or_else(|| {
            AppError::field(&format!("format-{format_id}-slots"), "Give a number from 0 to 500, or leave empty.")
        })?),
    };
    if slots == f.slots {
        return Ok(());
    }
    let name = f.name.clone();
    let txn = db.begin_write().await?;
    let mut row: format::ActiveModel = f.into();
    row.slots = Set(slots);
    row.update(&txn).await?;
    let detail = match slots {
        Some(n) => format!("{name}: {n} slots planned"),
        None => format!("{name}: no slots planned"),
    };
    record(&txn, e.id, None, Some(me.id), "slots", detail, now).await?;
    txn.commit().await?;
    Ok(())
}

pub fn parse_decision(value: &str) -> AppResult<Decision> {
    Decision::parse(value.trim()).ok_or(AppError::NotFound)
}

/// Saves the event's own wording of a decision mail; errors are named `template-<decision>-<field>`.
pub async fn save_template(
    db: &DatabaseConnection,
    e: &event::Model,
    me: &user::Model,
    decision: Decision,
    subject: &str,
    body: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let errors = template_errors(subject.trim(), body.trim());
    if !errors.is_empty() {
        let prefix = format!("template-{}-", decision.as_str());
        return Err(crate::organizer::service::for_row(AppError::problems(errors), &prefix));
    }
    let txn = db.begin_write().await?;
    let row = decision_template::ActiveModel {
        event_id: Set(e.id),
        decision: Set(decision.as_str().into()),
        subject: Set(subject.trim().into()),
        body: Set(body.trim().into()),
        updated_at: Set(now),
        ..Default::default()
    };
    decision_template::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([decision_template::Column::EventId, decision_template::Column::Decision])
                .update_columns([
                    decision_template::Column::Subject,
                    decision_template::Column::Body,
                    decision_template::Column::UpdatedAt,
                ])
                .to_owned(),
        )
        .exec(&txn)
        .await?;
    record(&txn, e.id, None, Some(me.id), "template", format!("{} mail wording saved", decision.label()), now).await?;
    txn.commit().await?;
    Ok(())
}

/// Goes back to the built-in wording of a decision mail.
pub async fn reset_template(
    db: &DatabaseConnection,
    e: &event::Model,
    me: &user::Model,
    decision: Decision,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let txn = db.begin_write().await?;
    let res = decision_template::Entity::delete_many()
        .filter(decision_template::Column::EventId.eq(e.id))
        .filter(decision_template::Column::Decision.eq(decision.as_str()))
        .exec(&txn)
        .await?;
    if res.rows_affected > 0 {
        record(&txn, e.id, None, Some(me.id), "template", format!("{} mail back to the built-in text", decision.label()), now).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// The subject and body the event uses for `decision`: its own, else the built-in one.
pub async fn template_for(db: &impl ConnectionTrait, event_id: i32, decision: Decision) -> AppResult<(String, String)> {
    let own = decision_template::Entity::find()
        .filter(decision_template::Column::EventId.eq(event_id))
        .filter(decision_template::Column::Decision.eq(decision.as_str()))
        .one(db)
        .await?;
    Ok(match own {
        Some(t) => (t.subject, t.body),
        None => {
            let (s, b) = default_template(decision);
            (s.into(), b.into())
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anonymity_can_only_be_off_while_reviews_are_closed() {
        assert!(check_anonymity(true, true, true).is_ok());
        assert!(check_anonymity(false, false, false).is_ok());
        assert!(check_anonymity(false, true, false).is_ok());
        let err = check_anonymity(false, true, true).unwrap_err();
        assert_eq!(err.status_code(), 409);
        assert!(err.to_string().contains("Close reviews first"));
        assert!(check_anonymity(false, false, true).unwrap_err().to_string().contains("cannot reopen"));
    }
}
