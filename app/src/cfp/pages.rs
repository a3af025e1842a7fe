//! Speaker-facing CFP pages: the public call and the proposal editor ("My proposals" and a
//! proposal's page are in `speakers`).
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::api::{load_cfp_page, load_proposal_editor, new_proposal_editor, SaveProposal};
use super::{CfpPage, Offer, ProposalEditor};
use crate::plumbing::param;
use crate::tr;
use crate::ui::{action_error, field_error, outcome, Choices, Field, Form, FormError, PageTitle, TextArea};
use domain::cfp::{Choice, ProposalState, ABSTRACT_MAX, DETAILS_MAX, REFERENCES_MAX, TITLE_MAX};

#[component]
fn OfferList(title: &'static str, items: Vec<Offer>) -> impl IntoView {
    view! {
        <h2>{title}</h2>
        <ul class="offer-list">
            {items.into_iter().map(|o| view! {
                <li>
                    {o.colour.clone().map(|c| view! { <span class="swatch" style=format!("background:{c}") aria-hidden="true"></span> })}
                    <strong>{o.name.clone()}</strong>
                    {o.duration_min.map(|m| view! { " · "{m}" min" })}
                    {(!o.description.is_empty()).then(|| view! { <br/><span class="meta">{o.description.clone()}</span> })}
                </li>
            }).collect_view()}
        </ul>
    }
}

fn labels(pairs: &[(String, String)]) -> String {
    pairs.iter().map(|(_, l)| l.as_str()).collect::<Vec<_>>().join(", ")
}

#[component]
fn CfpDetails(page: CfpPage) -> impl IntoView {
    let slug = page.event.slug.clone();
    let open = page.status.open;
    view! {
        <PageTitle text=tr!(cfp.page.title, event = page.event.name.clone()).to_string()/>
        <p class="meta"><a href=format!("/events/{slug}")>{page.event.name.clone()}</a>" · "{page.event.dates.clone()}" · "{page.event.city.clone()}</p>
        <h1>{tr!(cfp.page.heading)}</h1>
        <p class="cfp-status" class:open=open>
            <span class="badge" class:ok=open class:warn=!open>{if open { tr!(cfp.page.open) } else { tr!(cfp.page.closed) }}</span>" "
            {page.status.headline.clone()}
        </p>
        {page.status.closes_label.clone().map(|l| view! { <p class="meta">{tr!(cfp.page.deadline)}{l}</p> })}
        {open.then(|| view! { <p><a class="button primary" href=format!("/events/{slug}/cfp/propose")>{tr!(cfp.page.propose)}</a></p> })}
        <div class="prose" inner_html=page.text_html.html()></div>
        <div class="grid-2">
            <section class="card"><OfferList title=tr!(cfp.page.formats) items=page.formats.clone()/></section>
            <section class="card"><OfferList title=tr!(cfp.page.tracks) items=page.tracks.clone()/></section>
        </div>
        <p class="meta">
            {tr!(cfp.page.levels)}{labels(&page.levels)}{tr!(cfp.page.languages)}{labels(&page.languages)}
            {page.max_proposals.map(|m| tr!(cfp.page.at_most, count = m).to_string())}
        </p>
    }
}

#[component]
pub fn CfpPublicPage() -> impl IntoView {
    let slug = param("slug");
    let page = Resource::new(slug, load_cfp_page);
    view! {
        <Suspense fallback=|| view! { <p>{tr!(cfp.loading)}</p> }>
            {move || page.get().map(|r| outcome(r, &format!("/events/{}/cfp", slug()), |p| view! { <CfpDetails page=p/> }.into_any()))}
        </Suspense>
    }
}

#[component]
pub fn ProposeTalkPage() -> impl IntoView {
    let slug = param("slug");
    let query = use_query_map();
    let talk = move || query.read().get("talk");
    let editor = Resource::new(move || (slug(), talk()), |(s, t)| new_proposal_editor(s, t));
    view! {
        <Suspense fallback=|| view! { <p>{tr!(cfp.loading)}</p> }>
            {move || editor.get().map(|r| outcome(r, &format!("/events/{}/cfp/propose", slug()), |ed| {
                let talks = ed.my_talks.clone();
                let slug = ed.page.event.slug.clone();
                view! {
                    <PageTitle text=tr!(cfp.propose.title, event = ed.page.event.name.clone()).to_string()/>
                    <h1>{tr!(cfp.propose.heading, event = ed.page.event.name.clone()).to_string()}</h1>
                    <p class="meta">{ed.page.status.headline.clone()}</p>
                    {(!talks.is_empty()).then(|| view! {
                        <details class="card">
                            <summary>{tr!(cfp.propose.start_from)}</summary>
                            <ul>{talks.into_iter().map(|t| view! {
                                <li><a href=format!("/events/{slug}/cfp/propose?talk={}", t.id)>{t.title}</a></li>
                            }).collect_view()}</ul>
                        </details>
                    })}
                    <ProposalForm editor=ed/>
                }.into_any()
            }))}
        </Suspense>
    }
}

#[component]
pub fn EditProposalPage() -> impl IntoView {
    let code = param("code");
    let editor = Resource::new(code, load_proposal_editor);
    view! {
        <Suspense fallback=|| view! { <p>{tr!(cfp.loading)}</p> }>
            {move || editor.get().map(|r| outcome(r, &format!("/proposals/{}/edit", code()), |ed| view! {
                <PageTitle text=tr!(cfp.edit.title, title = ed.talk.title.clone()).to_string()/>
                <p><a href=format!("/proposals/{}", ed.code)>{tr!(cfp.edit.back)}</a></p>
                <h1>{tr!(cfp.edit.heading)}</h1>
                <ProposalForm editor=ed/>
            }.into_any()))}
        </Suspense>
    }
}

/// The proposal form: talk text, format, track, level, language; "Save draft" or "Submit".
#[component]
fn ProposalForm(editor: ProposalEditor) -> impl IntoView {
    let action = ServerAction::<SaveProposal>::new();
    let error = action_error(action);
    let pending = action.pending();
    let page = editor.page.clone();
    let open = page.status.open;
    let state = ProposalState::parse(&editor.state);
    let submitted = state == Some(ProposalState::Submitted);
    let autosave = editor.state.is_empty() || state == Some(ProposalState::Draft);
    let ids = |items: &[Offer]| -> Vec<(String, String)> {
        items
            .iter()
            .map(|o| {
                let label = match o.duration_min {
                    Some(m) => tr!(cfp.form.with_minutes, name = o.name.clone(), minutes = m).to_string(),
                    None => o.name.clone(),
                };
                (o.id.to_string(), label)
            })
            .collect()
    };
    let t = editor.talk.clone();
    view! {
        {(!open).then(|| view! { <p class="notice notice-error" role="alert">{page.status.headline.clone()}{tr!(cfp.form.no_more_changes)}</p> })}
        <FormError error/>
        <Form action attr:class="card proposal-form" attr:data-autosave=autosave.then_some("/api/cfp/save")>
            <input type="hidden" name="slug" value=page.event.slug.clone()/>
            <input type="hidden" name="code" value=editor.code.clone()/>
            <input type="hidden" name="form_key" value=editor.form_key.clone()/>
            <input type="hidden" name="talk_id" value=editor.talk_id.map(|i| i.to_string()).unwrap_or_default()/>
            <Field label=tr!(cfp.form.title) name="title" value=t.title minlength=5 maxlength=TITLE_MAX as u32 hint=tr!(cfp.form.title_hint) error=field_error(error, "title")/>
            <TextArea label=tr!(cfp.form.abstract_label) name="summary" value=t.summary maxlength=ABSTRACT_MAX as u32 rows=8
                hint=tr!(cfp.form.abstract_hint) error=field_error(error, "summary")/>
            <TextArea label=tr!(cfp.form.details) name="details" value=t.details maxlength=DETAILS_MAX as u32 rows=8
                hint=tr!(cfp.form.details_hint) error=field_error(error, "details")/>
            <div class="grid-2">
                <Choices label=tr!(cfp.form.format) name="format_id" options=ids(&page.formats) selected=editor.format_id.map(|i| i.to_string()).unwrap_or_default() placeholder=tr!(cfp.form.choose_format) error=field_error(error, "format_id")/>
                <Choices label=tr!(cfp.form.track) name="track_id" options=ids(&page.tracks) selected=editor.track_id.map(|i| i.to_string()).unwrap_or_default() placeholder=tr!(cfp.form.choose_track) error=field_error(error, "track_id")/>
                <Choices label=tr!(cfp.form.level) name="level" options=page.levels.clone() selected=t.level placeholder=tr!(cfp.form.choose_level) error=field_error(error, "level")/>
                <Choices label=tr!(cfp.form.language) name="language" options=page.languages.clone() selected=t.language placeholder=tr!(cfp.form.choose_language) error=field_error(error, "language")/>
            </div>
            <TextArea label=tr!(cfp.form.references) name="references" value=t.references maxlength=REFERENCES_MAX as u32 rows=3
                hint=tr!(cfp.form.references_hint) error=field_error(error, "references")/>
            <div class="actions">
                {(!submitted).then(|| view! {
                    <button type="submit" name="intent" value="draft" class="button" formnovalidate disabled=move || pending.get() || !open>{tr!(cfp.form.save_draft)}</button>
                })}
                <button type="submit" name="intent" value="submit" class="button primary" disabled=move || pending.get() || !open
                    aria-busy=move || pending.get().then_some("true")>
                    {if submitted { tr!(cfp.form.save_changes) } else { tr!(cfp.form.submit) }}
                </button>
            </div>
            {(!submitted).then(|| view! { <p class="hint">{tr!(cfp.form.drafts_hint)}</p> })}
        </Form>
        {autosave.then(|| view! { <script src="/autosave.js" defer=true></script> })}
    }
}
