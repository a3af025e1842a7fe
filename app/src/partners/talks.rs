//! Partner talks: a contact proposes a talk for their partner through the event's normal call for
//! papers (same formats, same review; reviewers never learn it comes from a partner), after
//! acknowledging the organisers' "no sales pitch" rule. Only tiers that allow talks may.
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::access::PartnerAccess;
use super::views::{PartnerTalkForm, PartnerTalks, TalkLine};
use crate::cfp::proposals::{Intent, SaveInput};
use crate::entities::{event, proposal};
use crate::error::{AppError, AppResult};
use crate::events::texts;
use crate::state::AppState;
use crate::ui::markdown::render_markdown;
use domain::cfp::TalkForm;
use domain::partners::pipeline::Status;
use domain::problem::Problem;

/// The `event_texts` field of the "no sales pitch" rule's versions.
pub const PITCH_RULE: &str = "partner_pitch_rule";

/// The rule in the reader's language: the organisers' text, else Estrade's wording.
pub async fn pitch_rule(db: &impl ConnectionTrait, e: &event::Model) -> AppResult<String> {
    let written = texts::for_this_reader(db, e, PITCH_RULE, "").await?;
    Ok(if written.trim().is_empty() { crate::tr!(partners.talks.default_rule).to_string() } else { written })
}

/// Whether the partner may propose talks: accepted, in a tier that allows them.
async fn allowed(db: &impl ConnectionTrait, a: &PartnerAccess) -> AppResult<bool> {
    if Status::parse(&a.partner.status) != Status::Accepted {
        return Ok(false);
    }
    Ok(match a.partner.tier_id {
        Some(id) => super::tiers::tier_of(db, &a.event, id).await?.talks_allowed,
        None => false,
    })
}

/// The talk section of a partner's space: whether it may propose, the form's choices, its proposals.
pub async fn partner_talks(state: &AppState, a: &PartnerAccess) -> AppResult<PartnerTalks> {
    let db = &state.db;
    let proposals = proposal::Entity::find()
        .filter(proposal::Column::PartnerId.eq(a.partner.id))
        .order_by_asc(proposal::Column::CreatedAt)
        .all(db)
        .await?;
    let cfp = crate::cfp::proposals::page(db, &a.event, state.clock.now()).await?;
    Ok(PartnerTalks {
        allowed: allowed(db, a).await?,
        open: cfp.status.open,
        headline: cfp.status.headline,
        rule_html: render_markdown(&pitch_rule(db, &a.event).await?),
        formats: cfp.formats.into_iter().map(|f| (f.id.to_string(), f.name)).collect(),
        tracks: cfp.tracks.into_iter().map(|t| (t.id.to_string(), t.name)).collect(),
        levels: cfp.levels,
        languages: cfp.languages,
        form_key: crate::crypto::new_code(),
        proposals: proposals
            .into_iter()
            .map(|p| TalkLine {
                code: p.code.clone(),
                title: p.title.clone(),
                state: crate::lang::labels::proposal_state(crate::lang::use_locale(), &p.state),
            })
            .collect(),
    })
}

/// Submits the talk through the call for papers, marked as the partner's; answers its code.
pub async fn propose(state: &AppState, a: &PartnerAccess, form: PartnerTalkForm) -> AppResult<String> {
    if !allowed(&state.db, a).await? {
        return Err(AppError::Conflict(crate::lang::problems::here(&Problem::TalksNotInTier)));
    }
    if form.pitch_rule.is_none() {
        return Err(AppError::problem("pitch_rule", Problem::PitchRuleNotAcknowledged));
    }
    let talk = TalkForm {
        title: form.title,
        summary: form.summary,
        details: String::new(),
        level: form.level,
        language: form.language,
        references: String::new(),
    };
    let input = SaveInput {
        slug: a.event.slug.clone(),
        code: String::new(),
        form_key: form.form_key,
        talk_id: String::new(),
        talk,
        format_id: form.format_id,
        track_id: form.track_id,
        intent: Intent::Submit,
        partner: Some(a.partner.id),
    };
    crate::cfp::proposals::save(state, &a.user, input).await
}
