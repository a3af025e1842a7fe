//! The village's mails, queued in the transaction of the change, each in its recipient's language:
//! the decision to the partner's contacts, and a staff pass to its holder.
use chrono::{DateTime, Utc};
use leptos_i18n::td_string;
use sea_orm::ConnectionTrait;

use crate::entities::{event, partner};
use crate::error::AppResult;
use crate::lang::{for_recipient, Locale};
use crate::mail::outbox;
use crate::mail::templates::compose;
use crate::state::AppState;
use domain::partners::pipeline::Decision;

fn hello(l: Locale, name: &str) -> String {
    td_string!(l, mail.hello_name, name = name).to_string()
}

/// Tells every contact of `p` what the organisers decided.
pub async fn decided(
    state: &AppState,
    db: &impl ConnectionTrait,
    e: &event::Model,
    p: &partner::Model,
    decision: Decision,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let space = state.config.link(&crate::plumbing::urls::partner_space(&e.slug, p.id));
    for u in super::store::contacts_of(db, p.id).await? {
        let l = for_recipient(u.language.as_deref(), Some(&e.default_language));
        let (event, company) = (e.name.as_str(), p.name.as_str());
        let (subject, body) = match decision {
            Decision::Accept => (
                td_string!(l, partners.mail.accepted_subject, event = event).to_string(),
                td_string!(l, partners.mail.accepted_body, company = company, event = event).to_string(),
            ),
            Decision::Waitlist => (
                td_string!(l, partners.mail.waitlist_subject, event = event).to_string(),
                td_string!(l, partners.mail.waitlist_body, company = company, event = event).to_string(),
            ),
            Decision::Decline => (
                td_string!(l, partners.mail.declined_subject, event = event).to_string(),
                td_string!(l, partners.mail.declined_body, company = company, event = event).to_string(),
            ),
        };
        let mail = compose(l, &u.email, subject, &hello(l, &u.display_name), &[body], (td_string!(l, partners.mail.to_space), &space));
        outbox::enqueue(db, mail, now).await?;
    }
    Ok(())
}

/// Tells a staff member their pass is on the list (in the event's language: they may have no account).
pub async fn staff_pass(
    state: &AppState,
    db: &impl ConnectionTrait,
    e: &event::Model,
    p: &partner::Model,
    name: &str,
    email: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let l = for_recipient(None, Some(&e.default_language));
    let village = state.config.link(&crate::plumbing::urls::village(&e.slug));
    let mail = compose(
        l,
        email,
        td_string!(l, partners.mail.pass_subject, event = e.name.as_str()).to_string(),
        &hello(l, name),
        &[td_string!(l, partners.mail.pass_body, company = p.name.as_str(), event = e.name.as_str()).to_string()],
        (td_string!(l, partners.mail.to_village), &village),
    );
    outbox::enqueue(db, mail, now).await
}
