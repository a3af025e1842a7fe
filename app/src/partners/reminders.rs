//! One reminder per partner and missing checklist item, in the week before its deadline: the
//! reminder row (unique per partner and item) is inserted in the transaction that queues the mail,
//! so sweeps running at once on several instances send it once.
use chrono::{DateTime, Utc};
use leptos_i18n::td_string;
use sea_orm::sea_query::OnConflict;
use sea_orm::{EntityTrait, Set};

use super::{space, store, tiers};
use crate::db::BeginWrite;
use crate::entities::{event, partner, partner_reminder, partner_village};
use crate::error::AppResult;
use crate::lang::{dates, for_recipient};
use crate::mail::outbox;
use crate::mail::templates::compose;
use crate::state::AppState;
use domain::partners::checklist::{reminder_due, Item};
use domain::partners::pipeline::Status;

/// Queues the checklist reminders due at `now`; answers how many partners were reminded of an item.
pub async fn queue_due(state: &AppState, now: DateTime<Utc>) -> AppResult<usize> {
    let villages = partner_village::Entity::find().all(&state.db).await?;
    let mut sent = 0;
    for v in villages {
        let Some(e) = event::Entity::find_by_id(v.event_id).one(&state.db).await? else { continue };
        let tz = crate::formats::zoned::zone(&e.time_zone);
        let today = now.with_timezone(&tz).date_naive();
        if !Item::ALL.iter().any(|i| reminder_due(store::due_of(&v, *i), today)) {
            continue;
        }
        let tiers = tiers::tiers_of(&state.db, e.id).await?;
        for p in store::partners_of_event(&state.db, &e).await?.into_iter().filter(|p| Status::parse(&p.status) == Status::Accepted) {
            let tier = tiers.iter().find(|t| Some(t.id) == p.tier_id);
            for (_, item) in space::missing_items(&state.db, &p, tier).await? {
                let Some(due) = store::due_of(&v, item).filter(|d| reminder_due(Some(*d), today)) else { continue };
                if remind(state, &e, &p, item, due, now).await? {
                    sent += 1;
                }
            }
        }
    }
    if sent > 0 {
        state.mail_wake.notify_one();
    }
    Ok(sent)
}

/// Records the reminder and mails the partner's contacts, unless it was recorded before.
async fn remind(
    state: &AppState,
    e: &event::Model,
    p: &partner::Model,
    item: Item,
    due: chrono::NaiveDate,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let txn = state.db.begin_write().await?;
    let row =
        partner_reminder::ActiveModel { partner_id: Set(p.id), item: Set(item.as_str().into()), sent_at: Set(now), ..Default::default() };
    let once = OnConflict::columns([partner_reminder::Column::PartnerId, partner_reminder::Column::Item]).do_nothing().to_owned();
    let inserted = partner_reminder::Entity::insert(row).on_conflict(once).try_insert().exec_without_returning(&txn).await?;
    if !matches!(inserted, sea_orm::TryInsertResult::Inserted(1)) {
        return Ok(false);
    }
    let link = state.config.link(&crate::plumbing::urls::partner_space(&e.slug, p.id));
    for u in store::contacts_of(&txn, p.id).await? {
        let l = for_recipient(u.language.as_deref(), Some(&e.default_language));
        let what = super::words::item_in(l, item);
        let mail = compose(
            l,
            &u.email,
            td_string!(l, partners.mail.reminder_subject, event = e.name.as_str(), item = what.as_str()).to_string(),
            &td_string!(l, mail.hello_name, name = u.display_name.as_str()).to_string(),
            &[td_string!(
                l,
                partners.mail.reminder_body,
                company = p.name.as_str(),
                item = what.as_str(),
                event = e.name.as_str(),
                date = dates::long_date(l, due)
            )
            .to_string()],
            (td_string!(l, partners.mail.to_space), &link),
        );
        outbox::enqueue(&txn, mail, now).await?;
    }
    txn.commit().await?;
    Ok(true)
}
