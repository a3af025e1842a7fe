//! The organisers' view of the incoming proposals: the filtered table (with its CSV) and one proposal.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::api::{organizer_proposal_detail, organizer_proposals};
use super::{Count, OrganizerProposal, ProposalFilters, ProposalRow, ProposalsList, SpeakerCard};
use crate::plumbing::{param, urls};
use crate::tr;
use crate::ui::{outcome, Choices, Field, PageTitle};

/// "1 proposal", "3 proposals".
fn proposals(n: usize) -> String {
    tr!(organizer.proposals.count, count = n as i32).to_string()
}

fn state_badge(tone: &str, label: String) -> AnyView {
    view! { <span class=format!("badge tone-{tone}")>{label}</span> }.into_any()
}

#[component]
pub fn ProposalsPage() -> impl IntoView {
    let slug = param("slug");
    let query = use_query_map();
    let filters = move || {
        let q = query.read();
        let get = |k: &str| q.get(k).unwrap_or_default();
        ProposalFilters {
            format: get("format"),
            track: get("track"),
            level: get("level"),
            language: get("language"),
            state: get("state"),
            q: get("q"),
        }
    };
    let list = Resource::new(move || (slug(), filters()), |(s, f)| organizer_proposals(s, f));
    view! {
        <Suspense fallback=|| view! { <p>{tr!(organizer.loading)}</p> }>
            {move || list.get().map(|r| outcome(r, &urls::admin_proposals(slug()), |l| view! { <ProposalsBody l/> }.into_any()))}
        </Suspense>
    }
}

#[component]
fn Counts(title: &'static str, counts: Vec<Count>) -> impl IntoView {
    view! {
        <div>
            <h2>{title}</h2>
            <ul class="org-counts">
                {counts.into_iter().map(|c| view! { <li><span>{c.name}</span>" "<strong>{c.count}</strong></li> }).collect_view()}
            </ul>
        </div>
    }
}

#[component]
fn ProposalsBody(l: ProposalsList) -> impl IntoView {
    let s = l.event.slug.clone();
    let base = urls::admin_proposals(&s);
    let qs = l.filters.query_string();
    let csv = if qs.is_empty() { urls::admin_proposals_csv(&s) } else { format!("{}?{qs}", urls::admin_proposals_csv(&s)) };
    let none = Signal::derive(|| None::<String>);
    let f = l.filters.clone();
    let filtered = !f.is_empty();
    let shown = l.rows.len();
    let withdrawn = l.total - l.active;
    view! {
        <PageTitle text=tr!(organizer.proposals.title, name = &l.event.name).to_string()/>
        <p class="meta">
            <a href=urls::admin_event(&s)>{tr!(organizer.nav.manage, name = &l.event.name).to_string()}</a>" · "
            <a href=urls::admin_cfp(&s)>{tr!(organizer.cfp.heading)}</a>
        </p>
        <h1>{tr!(organizer.nav.proposals)}</h1>
        <section class="card">
            <p>
                <strong>{proposals(l.active)}</strong>{tr!(organizer.proposals.running)}
                {(withdrawn > 0).then(|| tr!(organizer.proposals.plus_withdrawn, count = withdrawn as i32).to_string())}
                {tr!(organizer.proposals.drafts_private)}
            </p>
            <div class="grid-2">
                <Counts title=tr!(organizer.proposals.by_format) counts=l.by_format.clone()/>
                <Counts title=tr!(organizer.proposals.by_track) counts=l.by_track.clone()/>
            </div>
        </section>
        <form method="get" action=base.clone() class="card org-filters" role="search">
            <h2>{tr!(organizer.proposals.filter)}</h2>
            <div class="grid-3">
                <Choices label=tr!(organizer.fields.format) name="format" options=l.formats.clone() selected=f.format.clone() placeholder=tr!(organizer.proposals.any_format) error=none/>
                <Choices label=tr!(organizer.fields.track) name="track" options=l.tracks.clone() selected=f.track.clone() placeholder=tr!(organizer.proposals.any_track) error=none/>
                <Choices label=tr!(organizer.fields.state) name="state" options=l.states.clone() selected=f.state.clone() placeholder=tr!(organizer.proposals.any_state) error=none/>
                <Choices label=tr!(organizer.fields.level) name="level" options=l.levels.clone() selected=f.level.clone() placeholder=tr!(organizer.proposals.any_level) error=none/>
                <Choices label=tr!(organizer.fields.language) name="language" options=l.languages.clone() selected=f.language.clone() placeholder=tr!(organizer.proposals.any_language) error=none/>
                <Field label=tr!(organizer.proposals.search) name="q" kind="search" value=f.q.clone() required=false maxlength=200 error=none/>
            </div>
            <button type="submit" class="button primary">{tr!(organizer.proposals.filter)}</button>" "
            {filtered.then(|| view! { <a href=base.clone()>{tr!(organizer.proposals.clear)}</a> })}
        </form>
        <p>
            {if filtered { tr!(organizer.proposals.matching, shown = shown, total = proposals(l.total)).to_string() } else { format!("{}.", proposals(shown)) }}" "
            <a href=csv download="" rel="external">{tr!(organizer.proposals.csv)}</a>
        </p>
        <ProposalsTable slug=s rows=l.rows/>
    }
}

#[component]
fn ProposalsTable(slug: String, rows: Vec<ProposalRow>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="empty">{tr!(organizer.proposals.no_match)}</p> }.into_any();
    }
    view! {
        <div class="org-table-wrap">
            <table class="table">
                <thead><tr>
                    <th scope="col">{tr!(organizer.fields.title)}</th><th scope="col">{tr!(organizer.fields.speakers)}</th><th scope="col">{tr!(organizer.fields.format)}</th><th scope="col">{tr!(organizer.fields.track)}</th>
                    <th scope="col">{tr!(organizer.fields.level)}</th><th scope="col">{tr!(organizer.fields.language)}</th><th scope="col">{tr!(organizer.fields.state)}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|p| view! {
                        <tr>
                            <td><a href=urls::admin_proposal(&slug, &p.code)>{p.title}</a></td>
                            <td>{p.speakers.join(", ")}</td>
                            <td>{p.format.unwrap_or_default()}</td>
                            <td>{p.track.unwrap_or_default()}</td>
                            <td>{p.level_label}</td>
                            <td>{p.language_label}</td>
                            <td>{state_badge(&p.tone, p.state_label)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
pub fn OrganizerProposalPage() -> impl IntoView {
    let slug = param("slug");
    let code = param("code");
    let proposal = Resource::new(move || (slug(), code()), |(s, c)| organizer_proposal_detail(s, c));
    view! {
        <Suspense fallback=|| view! { <p>{tr!(organizer.loading)}</p> }>
            {move || proposal.get().map(|r| outcome(r, &urls::admin_proposal(slug(), code()), |p| view! { <ProposalDetail p/> }.into_any()))}
        </Suspense>
    }
}

#[component]
fn ProposalDetail(p: OrganizerProposal) -> impl IntoView {
    let s = p.event.slug.clone();
    let or_none = |v: Option<String>, none: &'static str| v.unwrap_or_else(|| none.to_string());
    view! {
        <PageTitle text=tr!(organizer.detail.title, title = &p.title, name = &p.event.name).to_string()/>
        <p class="meta"><a href=urls::admin_proposals(&s)>{tr!(organizer.detail.back, name = &p.event.name).to_string()}</a></p>
        <h1>{p.title.clone()}</h1>
        <p>
            {state_badge(&p.tone, p.state_label.clone())}" · "
            {or_none(p.format.clone(), tr!(organizer.detail.no_format))}" · "{or_none(p.track.clone(), tr!(organizer.detail.no_track))}" · "
            {p.level_label.clone()}" · "{p.language_label.clone()}
        </p>
        {p.submitted_at.clone().map(|t| view! { <p class="meta">{tr!(organizer.detail.submitted_on, at = t).to_string()}</p> })}
        {p.withdrawn_at.clone().map(|t| view! { <p class="meta">{tr!(organizer.detail.withdrawn_on, at = t).to_string()}</p> })}
        {p.partner.clone().map(|name| view! { <p class="meta"><span class="badge partner">{tr!(organizer.detail.partner, partner = &name).to_string()}</span></p> })}
        <section class="card">
            <h2>{tr!(organizer.detail.abstract_heading)}</h2>
            <div class="prose" inner_html=p.summary_html.html()></div>
            <h2>{tr!(organizer.detail.details)}</h2>
            {if p.details_html.is_empty() {
                view! { <p class="empty">{tr!(organizer.detail.none_given)}</p> }.into_any()
            } else {
                view! { <div class="prose" inner_html=p.details_html.html()></div> }.into_any()
            }}
            <h2>{tr!(organizer.detail.references)}</h2>
            {if p.references.trim().is_empty() {
                view! { <p class="empty">{tr!(organizer.detail.none_given)}</p> }.into_any()
            } else {
                view! { <p class="org-pre">{p.references.clone()}</p> }.into_any()
            }}
        </section>
        <h2>{if p.speakers.len() == 1 { tr!(organizer.detail.speaker) } else { tr!(organizer.fields.speakers) }}</h2>
        {p.speakers.clone().into_iter().map(|sp| view! { <Speaker sp/> }).collect_view()}
    }
}

#[component]
fn Speaker(sp: SpeakerCard) -> impl IntoView {
    let role: Vec<String> = [sp.job_title.clone(), sp.company.clone()].into_iter().filter(|v| !v.trim().is_empty()).collect();
    let role = role.join(", ");
    view! {
        <section class="card org-speaker">
            {sp.photo_src.clone().map(|src| view! {
                <img class="org-photo" src=src alt=tr!(organizer.detail.photo_of, name = &sp.name).to_string() width="96" height="96" loading="lazy"/>
            })}
            <h3>{sp.name.clone()}{sp.is_owner.then(|| view! { " "<span class="badge">{tr!(organizer.detail.owner)}</span> })}</h3>
            <p class="meta">
                {(!role.is_empty()).then(|| view! { {role.clone()}<br/> })}
                {(!sp.city.trim().is_empty()).then(|| view! { {tr!(organizer.detail.travels_from, city = &sp.city).to_string()}<br/> })}
                <a href=format!("mailto:{}", sp.email)>{sp.email.clone()}</a>
            </p>
            {if sp.has_profile {
                view! {
                    {(!sp.bio_html.is_empty()).then(|| view! { <div class="prose" inner_html=sp.bio_html.html()></div> })}
                    {(!sp.links.is_empty()).then(|| view! {
                        <ul class="org-links">
                            {sp.links.clone().into_iter().map(|l| view! {
                                <li>{l.label}": "{match l.href {
                                    Some(href) => view! { <a href=href rel="noopener noreferrer nofollow">{l.text}</a> }.into_any(),
                                    None => view! { <span>{l.text}</span> }.into_any(),
                                }}</li>
                            }).collect_view()}
                        </ul>
                    })}
                    {(!sp.private_notes.trim().is_empty()).then(|| view! {
                        <h4>{tr!(organizer.detail.private_notes)}</h4>
                        <p class="org-pre">{sp.private_notes.clone()}</p>
                    })}
                }.into_any()
            } else {
                view! { <p class="empty">{tr!(organizer.detail.no_profile)}</p> }.into_any()
            }}
        </section>
    }
}
