//! Review settings as organisers change them: anonymity, closing reviews, the confirmation deadline,
//! planned slots per format, and the wording of the decision mails. Every change leaves an audit line.
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

use super::{FormatSlots, SelectionSettingsView, TemplateView};
use crate::db::BeginWrite;
use crate::entities::{decision_template, event, format, review_settings, user};
use crate::error::{AppError, AppResult};
use crate::events::cfp_settings::formats_of;
use crate::formats::zoned::{utc_to_input, zone};
use crate::lang::dates::long_date_time;
use crate::lang::{use_locale, Locale};
use crate::plumbing::optional_instant;
use crate::review::settings::{is_open, record, settings_of};
use crate::tr;
use domain::cfp::Choice;
use domain::decision_mail::{template_errors, PLACEHOLDERS};
use domain::review::{reviews_open, Decision};
use leptos_i18n::td_string;

/// The settings form as sent; checkboxes are true when ticked.
#[derive(Debug, Clone, Default)]
pub struct SettingsInput {
    pub anonymous: bool,
    pub hide_scores_until_reviewed: bool,
    pub reviews_close_at: String,
    pub confirm_by: String,
}

fn on_off(l: Locale, b: bool) -> &'static str {
    if b {
        td_string!(l, selection.audit.on)
    } else {
        td_string!(l, selection.audit.off)
    }
}

/// An instant as people read it in `l`, in the zone `tz`.
pub fn at_label(l: Locale, t: DateTime<Utc>, tz: Tz) -> String {
    long_date_time(l, &t.with_timezone(&tz))
}

fn instant_label(l: Locale, t: Option<DateTime<Utc>>, tz: Tz) -> String {
    t.map(|t| at_label(l, t, tz)).unwrap_or_else(|| td_string!(l, selection.audit.none).into())
}

/// The language of the event's audit trail: its default language (the team shares one trail).
pub fn audit_locale(e: &event::Model) -> Locale {
    crate::lang::parse(&e.default_language).unwrap_or_default()
}

/// The language of a decision template code (`fr`, `en`), if Estrade speaks it.
pub fn parse_language(value: &str) -> AppResult<Locale> {
    crate::lang::parse(value).filter(|l| crate::lang::code(*l) == value.trim()).ok_or(AppError::NotFound)
}

/// The built-in (subject, body) of a decision mail in `l`; the placeholders stay as they are.
pub fn builtin_template(l: Locale, d: Decision) -> (String, String) {
    let (subject, body) = match d {
        Decision::Accepted => (td_string!(l, selection.builtin.accepted_subject), td_string!(l, selection.builtin.accepted_body)),
        Decision::Waitlisted => (td_string!(l, selection.builtin.waitlisted_subject), td_string!(l, selection.builtin.waitlisted_body)),
        Decision::Rejected => (td_string!(l, selection.builtin.rejected_subject), td_string!(l, selection.builtin.rejected_body)),
    };
    (subject.to_string(), body.to_string())
}

/// What a placeholder becomes, in the page's language.
fn placeholder_meaning(p: &str) -> &'static str {
    match p {
        "{speaker}" => tr!(selection.placeholders.speaker),
        "{title}" => tr!(selection.placeholders.title),
        "{event}" => tr!(selection.placeholders.event),
        "{confirm_link}" => tr!(selection.placeholders.confirm_link),
        "{deadline}" => tr!(selection.placeholders.deadline),
        _ => tr!(selection.placeholders.feedback),
    }
}

/// "Reviews are open until …" and the like.
fn reviews_status(s: &review_settings::Model, now: DateTime<Utc>, tz: Tz) -> String {
    let l = use_locale();
    match (s.reviews_closed_at, s.reviews_close_at) {
        (Some(by_hand), _) => tr!(selection.status.closed_by_hand, at = at_label(l, by_hand, tz)).to_string(),
        (None, Some(at)) if now >= at => tr!(selection.status.closed_on, at = at_label(l, at, tz)).to_string(),
        (None, Some(at)) => tr!(selection.status.open_until, at = at_label(l, at, tz)).to_string(),
        (None, None) => tr!(selection.status.open).into(),
    }
}

/// Anonymous mode may only be off while reviews are closed: reviewers never see names while scoring.
fn check_anonymity(anonymous: bool, was_anonymous: bool, open: bool) -> AppResult<()> {
    match (anonymous, open) {
        (false, true) if was_anonymous => Err(AppError::Conflict(tr!(selection.errors.still_open).into())),
        (false, true) => Err(AppError::Conflict(tr!(selection.errors.anonymous_off).into())),
        _ => Ok(()),
    }
}

/// The languages of the wordings, the event's default language first.
fn template_languages(e: &event::Model) -> Vec<Locale> {
    let first = audit_locale(e);
    std::iter::once(first).chain(crate::lang::all().iter().copied().filter(|l| *l != first)).collect()
}

/// Every wording of the event: per language (the default first), the three decisions.
async fn template_views(db: &impl ConnectionTrait, e: &event::Model) -> AppResult<Vec<TemplateView>> {
    let saved = decision_template::Entity::find().filter(decision_template::Column::EventId.eq(e.id)).all(db).await?;
    let page = use_locale();
    let mut out = Vec::new();
    for l in template_languages(e) {
        let code = crate::lang::code(l);
        for d in Decision::ALL {
            let own = saved.iter().find(|t| t.decision == d.as_str() && t.language == code);
            let (subject, body) = builtin_template(l, *d);
            out.push(TemplateView {
                decision: d.as_str().into(),
                language: code.into(),
                label: tr!(
                    selection.templates.mail_in,
                    decision = super::decision_label(page, *d),
                    language = crate::lang::labels::language(page, code)
                )
                .to_string(),
                subject: own.map(|t| t.subject.clone()).unwrap_or(subject),
                body: own.map(|t| t.body.clone()).unwrap_or(body),
                custom: own.is_some(),
            });
        }
    }
    Ok(out)
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
        templates: template_views(db, e).await?,
        placeholders: PLACEHOLDERS.iter().map(|p| (p.to_string(), placeholder_meaning(p).to_string())).collect(),
    })
}

/// Saves anonymity, score hiding, the closing date and the confirmation deadline.
pub async fn save(db: &DatabaseConnection, e: &event::Model, me: &user::Model, input: &SettingsInput, now: DateTime<Utc>) -> AppResult<()> {
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
    let al = audit_locale(e);
    let mut changes = Vec::new();
    if input.anonymous != current.anonymous {
        changes.push(td_string!(al, selection.audit.anonymous, state = on_off(al, input.anonymous)).to_string());
    }
    if input.hide_scores_until_reviewed != current.hide_scores_until_reviewed {
        changes.push(td_string!(al, selection.audit.hide_scores, state = on_off(al, input.hide_scores_until_reviewed)).to_string());
    }
    if close_at != current.reviews_close_at {
        changes.push(td_string!(al, selection.audit.close_at, at = instant_label(al, close_at, tz)).to_string());
    }
    if confirm_by != current.confirm_by {
        changes.push(td_string!(al, selection.audit.confirm_by, at = instant_label(al, confirm_by, tz)).to_string());
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
            let when = instant_label(use_locale(), current.reviews_close_at, zone(&e.time_zone));
            return Err(AppError::Conflict(tr!(selection.errors.closing_passed, at = when).to_string()));
        }
    }
    let txn = db.begin_write().await?;
    let mut row: review_settings::ActiveModel = current.into();
    row.reviews_closed_at = Set(close.then_some(now));
    row.updated_at = Set(now);
    row.update(&txn).await?;
    let al = audit_locale(e);
    let (action, detail) = if close {
        ("close_reviews", td_string!(al, selection.audit.closed_by_hand))
    } else {
        ("reopen_reviews", td_string!(al, selection.audit.reopened))
    };
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
    let f = format::Entity::find_by_id(format_id).filter(format::Column::EventId.eq(e.id)).one(db).await?.ok_or(AppError::NotFound)?;
    let slots = match slots.trim() {
        "" => None,
        s => Some(
            s.parse::<i32>()
                .ok()
                .filter(|n| (0..=500).contains(n))
                .ok_or_else(|| AppError::field(&format!("format-{format_id}-slots"), tr!(selection.errors.slots)))?,
        ),
    };
    if slots == f.slots {
        return Ok(());
    }
    let name = f.name.clone();
    let txn = db.begin_write().await?;
    let mut row: format::ActiveModel = f.into();
    row.slots = Set(slots);
    row.update(&txn).await?;
    let al = audit_locale(e);
    let detail = match slots {
        Some(n) => td_string!(al, selection.audit.slots, format = &name, count = n).to_string(),
        None => td_string!(al, selection.audit.no_slots, format = &name).to_string(),
    };
    record(&txn, e.id, None, Some(me.id), "slots", detail, now).await?;
    txn.commit().await?;
    Ok(())
}

pub fn parse_decision(value: &str) -> AppResult<Decision> {
    Decision::parse(value.trim()).ok_or(AppError::NotFound)
}

/// Saves the event's own wording of a decision mail in one language; errors are named
/// `template-<decision>-<language>-<field>`.
#[allow(clippy::too_many_arguments)]
pub async fn save_template(
    db: &DatabaseConnection,
    e: &event::Model,
    me: &user::Model,
    decision: Decision,
    language: Locale,
    subject: &str,
    body: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let errors = template_errors(subject.trim(), body.trim());
    if !errors.is_empty() {
        let prefix = format!("template-{}-{}-", decision.as_str(), crate::lang::code(language));
        return Err(crate::plumbing::for_row(AppError::problems(errors), &prefix));
    }
    let txn = db.begin_write().await?;
    let row = decision_template::ActiveModel {
        event_id: Set(e.id),
        decision: Set(decision.as_str().into()),
        language: Set(crate::lang::code(language).into()),
        subject: Set(subject.trim().into()),
        body: Set(body.trim().into()),
        updated_at: Set(now),
        ..Default::default()
    };
    decision_template::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([
                decision_template::Column::EventId,
                decision_template::Column::Decision,
                decision_template::Column::Language,
            ])
            .update_columns([decision_template::Column::Subject, decision_template::Column::Body, decision_template::Column::UpdatedAt])
            .to_owned(),
        )
        .exec(&txn)
        .await?;
    let al = audit_locale(e);
    let what = (super::decision_label(al, decision), crate::lang::labels::language(al, crate::lang::code(language)));
    record(
        &txn,
        e.id,
        None,
        Some(me.id),
        "template",
        td_string!(al, selection.audit.template_saved, decision = what.0, language = &what.1).to_string(),
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Goes back to the built-in wording of a decision mail.
pub async fn reset_template(
    db: &DatabaseConnection,
    e: &event::Model,
    me: &user::Model,
    decision: Decision,
    language: Locale,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let txn = db.begin_write().await?;
    let res = decision_template::Entity::delete_many()
        .filter(decision_template::Column::EventId.eq(e.id))
        .filter(decision_template::Column::Decision.eq(decision.as_str()))
        .filter(decision_template::Column::Language.eq(crate::lang::code(language)))
        .exec(&txn)
        .await?;
    if res.rows_affected > 0 {
        let al = audit_locale(e);
        let what = (super::decision_label(al, decision), crate::lang::labels::language(al, crate::lang::code(language)));
        let detail = td_string!(al, selection.audit.template_reset, decision = what.0, language = &what.1).to_string();
        record(&txn, e.id, None, Some(me.id), "template", detail, now).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// The subject and body the event uses for `decision` in `language`: its own, else the built-in one.
pub async fn template_for(db: &impl ConnectionTrait, event_id: i32, decision: Decision, language: Locale) -> AppResult<(String, String)> {
    let own = decision_template::Entity::find()
        .filter(decision_template::Column::EventId.eq(event_id))
        .filter(decision_template::Column::Decision.eq(decision.as_str()))
        .filter(decision_template::Column::Language.eq(crate::lang::code(language)))
        .one(db)
        .await?;
    Ok(match own {
        Some(t) => (t.subject, t.body),
        None => builtin_template(language, decision),
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

    #[test]
    fn the_built_in_wordings_exist_in_each_language() {
        for d in Decision::ALL {
            let (subject, body) = builtin_template(Locale::en, *d);
            assert!(template_errors(&subject, &body).is_empty(), "{d:?}: English placeholders are known ones");
            assert_eq!(body.contains("{confirm_link}"), *d == Decision::Accepted, "{d:?}: the link in acceptances only");
            let (fr_subject, fr_body) = builtin_template(Locale::fr, *d);
            assert!(template_errors(&fr_subject, &fr_body).is_empty(), "{d:?}: French placeholders are known ones");
            assert_ne!(fr_body, body);
            for p in ["{speaker}", "{title}", "{event}"] {
                assert_eq!(fr_body.contains(p), body.contains(p), "{d:?}: {p} in both languages");
            }
        }
    }
}
