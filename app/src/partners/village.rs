//! The village as attendees read it: accepted partners, their booths on the map, a search by name
//! or topic, each partner's page, and the contact an attendee chose to share (and may withdraw).
use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::views::{VillageCard, VillagePartnerView, VillageView};
use super::{booths, space, store, tiers};
use crate::entities::{event, partner, partner_share, partner_tier, user};
use crate::error::{AppError, AppResult};
use crate::ui::markdown::render_markdown;
use domain::partners::pipeline::Status;
use domain::partners::tiers::TierKind;

/// The first paragraph of a description, plain and short, for the list.
fn summary_of(description: &str) -> String {
    let first = description.split("\n\n").next().unwrap_or_default().replace(['*', '_', '#', '`'], "");
    let mut out: String = first.chars().take(160).collect();
    if first.chars().count() > 160 {
        out.push('…');
    }
    out.trim().to_string()
}

fn card(p: &partner::Model, tier: Option<&partner_tier::Model>, booth: Option<String>) -> VillageCard {
    VillageCard {
        code: p.code.clone(),
        name: p.name.clone(),
        tier: tier.map(|t| t.name.clone()).unwrap_or_default(),
        community: tier.is_some_and(|t| TierKind::parse(&t.kind) == Some(TierKind::Community)),
        summary: summary_of(&p.description),
        booth,
        logo_src: space::logo_src(&p.logo_file),
    }
}

/// Whether `p` matches what was typed: every word in its name, description or job posts.
fn matches(p: &partner::Model, query: &str) -> bool {
    let hay = format!("{} {} {}", p.name, p.description, p.jobs).to_lowercase();
    query.to_lowercase().split_whitespace().all(|w| hay.contains(w))
}

async fn accepted(db: &impl ConnectionTrait, e: &event::Model) -> AppResult<Vec<partner::Model>> {
    Ok(store::partners_of_event(db, e).await?.into_iter().filter(|p| Status::parse(&p.status) == Status::Accepted).collect())
}

/// The cards of accepted partners, by tier order then name; `query` filters them.
async fn cards(db: &impl ConnectionTrait, e: &event::Model, query: &str) -> AppResult<Vec<VillageCard>> {
    let tiers = tiers::tiers_of(db, e.id).await?;
    let booths = booths::booths_of(db, e.id).await?;
    let mut list: Vec<(usize, VillageCard)> = accepted(db, e)
        .await?
        .iter()
        .filter(|p| matches(p, query))
        .map(|p| {
            let rank = tiers.iter().position(|t| Some(t.id) == p.tier_id).unwrap_or(usize::MAX);
            let booth = booths.iter().find(|b| b.partner_id == Some(p.id)).map(|b| b.number.clone());
            (rank, card(p, tiers.get(rank), booth))
        })
        .collect();
    list.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.name.to_lowercase().cmp(&b.1.name.to_lowercase())));
    Ok(list.into_iter().map(|(_, c)| c).collect())
}

pub async fn village_view(db: &impl ConnectionTrait, e: &event::Model, query: &str) -> AppResult<VillageView> {
    let query: String = query.trim().chars().take(80).collect();
    Ok(VillageView {
        event: crate::events::summary::summary(e),
        map: booths::map_view(db, e, None).await?,
        partners: cards(db, e, &query).await?,
        query,
    })
}

/// An accepted partner of `e` by its public code (anything else: 404).
pub async fn by_code(db: &impl ConnectionTrait, e: &event::Model, code: &str) -> AppResult<partner::Model> {
    partner::Entity::find()
        .filter(partner::Column::EventId.eq(e.id))
        .filter(partner::Column::Code.eq(code))
        .filter(partner::Column::Status.eq(Status::Accepted.as_str()))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

async fn has_shared(db: &impl ConnectionTrait, partner_id: i32, user_id: i32) -> AppResult<bool> {
    Ok(partner_share::Entity::find()
        .filter(partner_share::Column::PartnerId.eq(partner_id))
        .filter(partner_share::Column::UserId.eq(user_id))
        .one(db)
        .await?
        .is_some())
}

/// `programmes` is the per-instance cache of published programmes the agenda reads too.
pub async fn partner_view(
    db: &impl ConnectionTrait,
    programmes: &crate::published::ProgrammeCache,
    e: &event::Model,
    code: &str,
    viewer: Option<&user::Model>,
) -> AppResult<VillagePartnerView> {
    let p = by_code(db, e, code).await?;
    let tier = match p.tier_id {
        Some(id) => Some(tiers::tier_of(db, e, id).await?),
        None => None,
    };
    let booth = booths::booth_of(db, p.id).await?;
    let shared = match viewer {
        Some(u) => Some(has_shared(db, p.id, u.id).await?),
        None => None,
    };
    let jobs = tier.as_ref().is_some_and(|t| t.job_posts) && !p.jobs.trim().is_empty();
    let talks = match crate::published::latest_programme(db, programmes, e).await {
        Ok(programme) => {
            let l = crate::lang::use_locale();
            programme.sessions.iter().filter(|s| s.partner == p.name).map(|s| crate::agenda::views::line(l, s)).collect()
        }
        Err(AppError::NotFound) => vec![],
        Err(err) => return Err(err),
    };
    Ok(VillagePartnerView {
        event: crate::events::summary::summary(e),
        card: card(&p, tier.as_ref(), booth.as_ref().map(|b| b.number.clone())),
        description_html: render_markdown(&p.description),
        website: p.website.clone(),
        links: domain::partners::application::link_lines(&p.links).into_iter().map(String::from).collect(),
        jobs_html: jobs.then(|| render_markdown(&p.jobs)),
        talks,
        map: booths::map_view(db, e, booth.map(|b| b.id)).await?,
        shared,
    })
}

/// Shares (`share`) or withdraws the signed-in attendee's contact with one partner (both idempotent).
pub async fn share(
    db: &impl ConnectionTrait,
    e: &event::Model,
    code: &str,
    me: &user::Model,
    share: bool,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let p = by_code(db, e, code).await?;
    if share {
        let row = partner_share::ActiveModel { partner_id: Set(p.id), user_id: Set(me.id), created_at: Set(now), ..Default::default() };
        let keep = OnConflict::columns([partner_share::Column::PartnerId, partner_share::Column::UserId]).do_nothing().to_owned();
        partner_share::Entity::insert(row).on_conflict(keep).try_insert().exec_without_returning(db).await?;
    } else {
        partner_share::Entity::delete_many()
            .filter(partner_share::Column::PartnerId.eq(p.id))
            .filter(partner_share::Column::UserId.eq(me.id))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// The people who shared their contact with `partner_id`: (name, email, shared at), oldest first.
pub async fn shared_contacts(db: &impl ConnectionTrait, partner_id: i32) -> AppResult<Vec<(String, String, DateTime<Utc>)>> {
    let shares = partner_share::Entity::find().filter(partner_share::Column::PartnerId.eq(partner_id)).all(db).await?;
    let ids: Vec<i32> = shares.iter().map(|s| s.user_id).collect();
    let people = user::Entity::find().filter(user::Column::Id.is_in(ids)).all(db).await?;
    let mut out: Vec<_> = shares
        .iter()
        .filter_map(|s| people.iter().find(|u| u.id == s.user_id).map(|u| (u.display_name.clone(), u.email.clone(), s.created_at)))
        .collect();
    out.sort_by_key(|x| x.2);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::summary_of;

    #[test]
    fn a_summary_is_the_first_paragraph_without_markup() {
        assert_eq!(summary_of("We run **Kubernetes** in Lille.\n\nMore later."), "We run Kubernetes in Lille.");
        assert_eq!(summary_of(&"a".repeat(200)).chars().count(), 161);
    }
}
