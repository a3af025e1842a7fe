//! The proposals of an event as its organisers see them: never drafts. Shared by the table, the CSV
//! and the proposal page, so the three apply the same rule and the same filters.
use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::{Candidate, Count, OrganizerProposal, ProfileLink, ProposalFilters, ProposalRow, ProposalsList, SpeakerCard};
use crate::entities::{decision, event, format, proposal, proposal_speaker, speaker_profile, track, user};
use crate::error::{AppError, AppResult};
use crate::events::cfp_settings::{formats_of, tracks_of};
use crate::formats::zoned::zone;
use crate::lang::dates::long_date_time;
use crate::lang::use_locale;
use crate::tr;
use crate::ui::markdown::render_markdown;
use domain::cfp::{Choice, Language, Level, ProposalState};
use domain::review::{speaker_status, SpeakerStatus};

/// A speaker of a proposal: their account and, if they wrote one, their profile.
#[derive(Debug, Clone)]
pub struct Person {
    pub user: user::Model,
    pub profile: Option<speaker_profile::Model>,
    pub is_owner: bool,
}

impl Person {
    /// The public name of the profile, else the account's name.
    pub fn name(&self) -> String {
        match &self.profile {
            Some(p) if !p.public_name.trim().is_empty() => p.public_name.trim().to_string(),
            _ => self.user.display_name.clone(),
        }
    }
}

/// A proposal with its speakers, owner first.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub proposal: proposal::Model,
    pub speakers: Vec<Person>,
}

impl Loaded {
    pub fn candidate(&self) -> Candidate<'_> {
        let p = &self.proposal;
        let mut names = Vec::new();
        for s in &self.speakers {
            names.push(s.user.display_name.as_str());
            if let Some(profile) = &s.profile {
                names.push(profile.public_name.as_str());
            }
        }
        Candidate {
            format_id: p.format_id,
            track_id: p.track_id,
            level: &p.level,
            language: &p.language,
            state: &p.state,
            title: &p.title,
            names,
        }
    }

    pub fn speaker_names(&self) -> Vec<String> {
        self.speakers.iter().map(Person::name).collect()
    }
}

/// Every proposal of an event that organisers may see, newest submission first, with formats and tracks.
pub struct EventProposals {
    pub rows: Vec<Loaded>,
    pub formats: Vec<format::Model>,
    pub tracks: Vec<track::Model>,
}

impl EventProposals {
    pub fn format_name(&self, id: Option<i32>) -> Option<String> {
        id.and_then(|id| self.formats.iter().find(|f| f.id == id)).map(|f| f.name.clone())
    }

    pub fn track_name(&self, id: Option<i32>) -> Option<String> {
        id.and_then(|id| self.tracks.iter().find(|t| t.id == id)).map(|t| t.name.clone())
    }

    /// The proposals passing `filters` (drafts never do).
    pub fn filtered<'a>(&'a self, filters: &ProposalFilters) -> Vec<&'a Loaded> {
        self.rows.iter().filter(|l| filters.matches(&l.candidate())).collect()
    }
}

pub(crate) async fn speakers_of(db: &impl ConnectionTrait, proposal_ids: Vec<i32>) -> AppResult<HashMap<i32, Vec<Person>>> {
    let mut out: HashMap<i32, Vec<Person>> = HashMap::new();
    if proposal_ids.is_empty() {
        return Ok(out);
    }
    let links = proposal_speaker::Entity::find()
        .filter(proposal_speaker::Column::ProposalId.is_in(proposal_ids))
        .find_also_related(user::Entity)
        .order_by_desc(proposal_speaker::Column::IsOwner)
        .order_by_asc(proposal_speaker::Column::Id)
        .all(db)
        .await?;
    let mut user_ids: Vec<i32> = links.iter().map(|(l, _)| l.user_id).collect();
    user_ids.sort_unstable();
    user_ids.dedup();
    let profiles: HashMap<i32, speaker_profile::Model> = if user_ids.is_empty() {
        HashMap::new()
    } else {
        speaker_profile::Entity::find()
            .filter(speaker_profile::Column::UserId.is_in(user_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.user_id, p))
            .collect()
    };
    for (link, u) in links {
        let Some(u) = u else { continue };
        let profile = profiles.get(&u.id).cloned();
        out.entry(link.proposal_id).or_default().push(Person { user: u, profile, is_owner: link.is_owner });
    }
    Ok(out)
}

/// Loads the event's proposals, drafts left out by the query itself.
pub async fn event_proposals(db: &impl ConnectionTrait, event_id: i32) -> AppResult<EventProposals> {
    let mut proposals = proposal::Entity::find()
        .filter(proposal::Column::EventId.eq(event_id))
        .filter(proposal::Column::State.ne(ProposalState::Draft.as_str()))
        .all(db)
        .await?;
    proposals.sort_by(|a, b| b.submitted_at.cmp(&a.submitted_at).then(b.id.cmp(&a.id)));
    let mut speakers = speakers_of(db, proposals.iter().map(|p| p.id).collect()).await?;
    let rows = proposals.into_iter().map(|p| Loaded { speakers: speakers.remove(&p.id).unwrap_or_default(), proposal: p }).collect();
    Ok(EventProposals { rows, formats: formats_of(db, event_id, true).await?, tracks: tracks_of(db, event_id, true).await? })
}

fn is_active(p: &proposal::Model) -> bool {
    !matches!(p.proposal_state(), ProposalState::Draft | ProposalState::Withdrawn)
}

/// Counts per format (or track) over active proposals: every visible entry, hidden ones only when used,
/// and "None" when some proposals have none.
fn counts<T>(items: &[T], id_name: impl Fn(&T) -> (i32, String, bool), of: Vec<Option<i32>>) -> Vec<Count> {
    let mut per: HashMap<Option<i32>, usize> = HashMap::new();
    for id in of {
        *per.entry(id).or_insert(0) += 1;
    }
    let mut out: Vec<Count> = items
        .iter()
        .map(&id_name)
        .filter_map(|(id, name, hidden)| {
            let count = per.remove(&Some(id)).unwrap_or(0);
            (!hidden || count > 0).then_some(Count { name, count })
        })
        .collect();
    let orphans: usize = per.values().sum();
    if orphans > 0 {
        out.push(Count { name: tr!(organizer.proposals.none).into(), count: orphans });
    }
    out
}

fn pairs<C: Choice>(label: impl Fn(&str) -> String) -> Vec<(String, String)> {
    C::ALL.iter().map(|c| (c.as_str().to_string(), label(c.as_str()))).collect()
}

/// The name of a proposal state code ("submitted") in the page's language, or the code when unknown.
pub fn state_label(code: &str) -> String {
    crate::lang::labels::proposal_state(crate::lang::use_locale(), code)
}

fn level_label(code: &str) -> String {
    crate::lang::labels::level(crate::lang::use_locale(), code)
}

fn language_label(code: &str) -> String {
    crate::lang::labels::language(crate::lang::use_locale(), code)
}

/// Where each proposal stands as its speakers were told (published decisions and answers), by id.
async fn statuses_of(db: &impl ConnectionTrait, proposals: &[&proposal::Model]) -> AppResult<HashMap<i32, SpeakerStatus>> {
    let ids: Vec<i32> = proposals.iter().map(|p| p.id).collect();
    let decisions: HashMap<i32, decision::Model> = decision::Entity::find()
        .filter(decision::Column::ProposalId.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.proposal_id, d))
        .collect();
    Ok(proposals
        .iter()
        .map(|p| {
            let d = decisions.get(&p.id);
            let published = d.and_then(|d| d.published()).filter(|_| p.proposal_state() == ProposalState::Submitted);
            (p.id, speaker_status(p.proposal_state(), published, d.and_then(|d| d.answer())))
        })
        .collect())
}

fn status_label(s: SpeakerStatus) -> String {
    crate::lang::labels::speaker_status(use_locale(), s, true)
}

/// The proposals page of `e` with `filters` applied.
pub async fn list(db: &impl ConnectionTrait, e: &event::Model, filters: ProposalFilters) -> AppResult<ProposalsList> {
    let all = event_proposals(db, e.id).await?;
    let active: Vec<&proposal::Model> = all.rows.iter().map(|l| &l.proposal).filter(|p| is_active(p)).collect();
    let by_format = counts(&all.formats, |f| (f.id, f.name.clone(), f.hidden), active.iter().map(|p| p.format_id).collect());
    let by_track = counts(&all.tracks, |t| (t.id, t.name.clone(), t.hidden), active.iter().map(|p| p.track_id).collect());
    let shown = all.filtered(&filters);
    let statuses = statuses_of(db, &shown.iter().map(|l| &l.proposal).collect::<Vec<_>>()).await?;
    let rows = shown
        .into_iter()
        .map(|l| {
            let p = &l.proposal;
            let status = statuses.get(&p.id).copied().unwrap_or(SpeakerStatus::Proposal(p.proposal_state()));
            ProposalRow {
                code: p.code.clone(),
                title: p.title.clone(),
                speakers: l.speaker_names(),
                format: all.format_name(p.format_id),
                track: all.track_name(p.track_id),
                level_label: level_label(&p.level),
                language_label: language_label(&p.language),
                state_label: status_label(status),
                tone: status.tone().into(),
            }
        })
        .collect();
    Ok(ProposalsList {
        event: crate::events::summary::summary(e),
        formats: all.formats.iter().map(|f| (f.id.to_string(), f.name.clone())).collect(),
        tracks: all.tracks.iter().map(|t| (t.id.to_string(), t.name.clone())).collect(),
        levels: pairs::<Level>(level_label),
        languages: pairs::<Language>(language_label),
        states: pairs::<ProposalState>(state_label).into_iter().filter(|(v, _)| v != ProposalState::Draft.as_str()).collect(),
        active: active.len(),
        total: all.rows.len(),
        by_format,
        by_track,
        rows,
        filters,
    })
}

fn web_link(label: &str, value: &str, href: Option<String>) -> Option<ProfileLink> {
    let v = value.trim();
    (!v.is_empty()).then(|| ProfileLink { label: label.into(), text: v.to_string(), href })
}

fn http_only(value: &str) -> Option<String> {
    let v = value.trim();
    (v.starts_with("https://") || v.starts_with("http://")).then(|| v.to_string())
}

/// The profile's links; only web addresses become clickable (a GitHub user name points at github.com).
pub fn links_of(p: &speaker_profile::Model) -> Vec<ProfileLink> {
    let github = http_only(&p.github).or_else(|| {
        let v = p.github.trim();
        (!v.is_empty() && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')).then(|| format!("https://github.com/{v}"))
    });
    [
        web_link(tr!(organizer.links.website), &p.website, http_only(&p.website)),
        web_link("GitHub", &p.github, github),
        web_link("LinkedIn", &p.linkedin, http_only(&p.linkedin)),
        web_link(tr!(organizer.links.social), &p.social, http_only(&p.social)),
        web_link(tr!(organizer.links.photo), &p.photo_url, http_only(&p.photo_url)),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn card(s: &Person) -> SpeakerCard {
    let base = SpeakerCard {
        name: s.name(),
        email: s.user.email.clone(),
        is_owner: s.is_owner,
        has_profile: s.profile.is_some(),
        company: String::new(),
        job_title: String::new(),
        city: String::new(),
        bio_html: Default::default(),
        photo_src: None,
        links: vec![],
        private_notes: String::new(),
    };
    match &s.profile {
        None => base,
        Some(p) => SpeakerCard {
            company: p.company.clone(),
            job_title: p.job_title.clone(),
            city: p.city.clone(),
            bio_html: render_markdown(&p.bio),
            photo_src: (!p.photo_file.is_empty()).then(|| format!("/media/photos/{}", p.photo_file)),
            links: links_of(p),
            private_notes: p.private_notes.clone(),
            ..base
        },
    }
}

/// One proposal of `e` by its code; a draft or another event's code is "not found".
pub async fn detail(db: &impl ConnectionTrait, e: &event::Model, code: &str) -> AppResult<OrganizerProposal> {
    let p = proposal::Entity::find()
        .filter(proposal::Column::Code.eq(code.trim()))
        .filter(proposal::Column::EventId.eq(e.id))
        .filter(proposal::Column::State.ne(ProposalState::Draft.as_str()))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let speakers = speakers_of(db, vec![p.id]).await?.remove(&p.id).unwrap_or_default();
    let format = match p.format_id {
        Some(id) => format::Entity::find_by_id(id).one(db).await?.map(|f| format!("{} ({} min)", f.name, f.duration_min)),
        None => None,
    };
    let track = match p.track_id {
        Some(id) => track::Entity::find_by_id(id).one(db).await?.map(|t| t.name),
        None => None,
    };
    let partner = match p.partner_id {
        Some(id) => crate::entities::partner::Entity::find_by_id(id).one(db).await?.map(|x| x.name),
        None => None,
    };
    let tz = zone(&e.time_zone);
    let status = statuses_of(db, &[&p]).await?.remove(&p.id).unwrap_or(SpeakerStatus::Proposal(p.proposal_state()));
    Ok(OrganizerProposal {
        event: crate::events::summary::summary(e),
        code: p.code.clone(),
        title: p.title.clone(),
        summary_html: render_markdown(&p.summary),
        details_html: render_markdown(&p.details),
        references: p.references.clone(),
        level_label: level_label(&p.level),
        language_label: language_label(&p.language),
        format,
        track,
        state_label: status_label(status),
        tone: status.tone().into(),
        submitted_at: p.submitted_at.map(|t| long_date_time(use_locale(), &t.with_timezone(&tz))),
        withdrawn_at: p.withdrawn_at.map(|t| long_date_time(use_locale(), &t.with_timezone(&tz))),
        speakers: speakers.iter().map(card).collect(),
        partner,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_list_visible_entries_and_used_hidden_ones() {
        let items = [(1, "Short", false), (2, "Long", true), (3, "Old", true)];
        let got = counts(&items, |(id, n, h)| (*id, n.to_string(), *h), vec![Some(1), Some(1), Some(3), None]);
        let got: Vec<(String, usize)> = got.into_iter().map(|c| (c.name, c.count)).collect();
        assert_eq!(got, [("Short".to_string(), 2), ("Old".to_string(), 1), ("None".to_string(), 1)]);
    }

    #[test]
    fn only_web_addresses_are_links() {
        let p = speaker_profile::Model {
            id: 1,
            user_id: 1,
            public_name: "Zoé".into(),
            bio: String::new(),
            company: String::new(),
            job_title: String::new(),
            photo_url: String::new(),
            photo_file: String::new(),
            website: "javascript:alert(1)".into(),
            github: "octocat".into(),
            linkedin: "https://www.linkedin.com/in/zoe".into(),
            social: "@zoe@mastodon.social".into(),
            city: String::new(),
            private_notes: String::new(),
            updated_at: chrono::DateTime::default(),
        };
        let links = links_of(&p);
        let hrefs: Vec<(&str, Option<&str>)> = links.iter().map(|l| (l.label.as_str(), l.href.as_deref())).collect();
        assert_eq!(
            hrefs,
            [
                ("Website", None),
                ("GitHub", Some("https://github.com/octocat")),
                ("LinkedIn", Some("https://www.linkedin.com/in/zoe")),
                ("Mastodon / Bluesky", None),
            ]
        );
    }
}
