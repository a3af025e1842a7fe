//! The village's words that depend on data: prices, statuses, steps, checklist items, what a tier gives.
use chrono::{DateTime, Utc};

use super::views::{StepLine, TierView};
use crate::entities::{event, partner, partner_tier};
use crate::lang::{dates, Locale};
use crate::tr;
use domain::partners::checklist::Item;
use domain::partners::pipeline::{Status, Step};
use domain::partners::tiers::{left, TierKind};

/// Thousands grouped the reader's way: "8 000 €" / "€8,000".
pub fn price(l: Locale, euros: i32) -> String {
    let digits = euros.max(0).to_string();
    let sep = if crate::lang::code(l) == "fr" { '\u{202f}' } else { ',' };
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(sep);
        }
        grouped.push(c);
    }
    if crate::lang::code(l) == "fr" {
        format!("{grouped}\u{a0}€")
    } else {
        format!("€{grouped}")
    }
}

pub fn status(s: Status) -> String {
    match s {
        Status::Applied => tr!(partners.status.applied),
        Status::Accepted => tr!(partners.status.accepted),
        Status::Waitlist => tr!(partners.status.waitlist),
        Status::Declined => tr!(partners.status.declined),
    }
    .to_string()
}

pub fn step(s: Step) -> String {
    match s {
        Step::Signed => tr!(partners.step.signed),
        Step::Invoiced => tr!(partners.step.invoiced),
        Step::Paid => tr!(partners.step.paid),
    }
    .to_string()
}

pub fn item(i: Item) -> String {
    item_in(crate::lang::use_locale(), i)
}

/// A checklist item in `l` (mails are in their recipient's language).
pub fn item_in(l: Locale, i: Item) -> String {
    match i {
        Item::Logo => leptos_i18n::td_string!(l, partners.item.logo),
        Item::Description => leptos_i18n::td_string!(l, partners.item.description),
        Item::Staff => leptos_i18n::td_string!(l, partners.item.staff),
        Item::Needs => leptos_i18n::td_string!(l, partners.item.needs),
    }
    .to_string()
}

fn day_of(l: Locale, e: &event::Model, at: DateTime<Utc>) -> String {
    let tz = crate::formats::zoned::zone(&e.time_zone);
    dates::long_date(l, at.with_timezone(&tz).date_naive())
}

/// The applied date as a reader of `e` reads it.
pub fn applied_on(e: &event::Model, p: &partner::Model) -> String {
    day_of(crate::lang::use_locale(), e, p.applied_at)
}

pub fn steps(e: &event::Model, p: &partner::Model) -> Vec<StepLine> {
    let l = crate::lang::use_locale();
    [(Step::Signed, p.signed_at), (Step::Invoiced, p.invoiced_at), (Step::Paid, p.paid_at)]
        .into_iter()
        .map(|(s, at)| StepLine { code: s.as_str().into(), label: step(s), done_on: at.map(|at| day_of(l, e, at)) })
        .collect()
}

fn gives(t: &partner_tier::Model) -> Vec<String> {
    let mut lines = Vec::new();
    if t.booth_size > 0 {
        lines.push(tr!(partners.gives.booth, size = t.booth_size).to_string());
    }
    if t.staff_passes > 0 {
        lines.push(tr!(partners.gives.passes, count = t.staff_passes).to_string());
    }
    for (on, words) in [
        (t.logo_home, tr!(partners.gives.logo_home)),
        (t.logo_agenda, tr!(partners.gives.logo_agenda)),
        (t.logo_screens, tr!(partners.gives.logo_screens)),
        (t.talks_allowed, tr!(partners.gives.talks)),
        (t.job_posts, tr!(partners.gives.jobs)),
    ] {
        if on {
            lines.push(words.to_string());
        }
    }
    lines
}

pub fn tier_view(t: &partner_tier::Model) -> TierView {
    let l = crate::lang::use_locale();
    let community = TierKind::parse(&t.kind) == Some(TierKind::Community);
    TierView {
        id: t.id,
        name: t.name.clone(),
        community,
        price: if community || t.price_eur == 0 { tr!(partners.free).to_string() } else { price(l, t.price_eur) },
        price_eur: t.price_eur,
        available: t.available,
        taken: t.taken,
        left: left(t.available, t.taken),
        booth_size: t.booth_size,
        staff_passes: t.staff_passes,
        logo_home: t.logo_home,
        logo_agenda: t.logo_agenda,
        logo_screens: t.logo_screens,
        talks_allowed: t.talks_allowed,
        job_posts: t.job_posts,
        gives: gives(t),
    }
}

#[cfg(test)]
mod tests {
    use super::price;
    use crate::i18n::Locale;

    #[test]
    fn prices_are_grouped_the_readers_way() {
        assert_eq!(price(Locale::en, 8000), "€8,000");
        assert_eq!(price(Locale::en, 950), "€950");
        assert_eq!(price(Locale::fr, 12000), "12\u{202f}000\u{a0}€");
        assert_eq!(price(Locale::en, 1_000_000), "€1,000,000");
    }
}
