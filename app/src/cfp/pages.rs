//! Speaker-facing CFP pages: the public call and the proposal editor ("My proposals" and a
//! proposal's page are in `speakers`).
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::api::{load_cfp_page, load_proposal_editor, new_proposal_editor, SaveProposal};
use super::{CfpPage, Offer, ProposalEditor};
use crate::plumbing::param;
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
        <PageTitle text=format!("Call for papers — {}", page.event.name)/>
        <p class="meta"><a href=format!("/events/{slug}")>{page.event.name.clone()}</a>" · "{page.event.dates.clone()}" · "{page.event.city.clone()}</p>
        <h1>"Call for papers"</h1>
        <p class="cfp-status" class:open=open>
            <span class="badge" class:ok=open class:warn=!open>{if open { "Open" } else { "Closed" }}</span>" "
            {page.status.headline.clone()}
        </p>
        {page.status.closes_label.clone().map(|l| view! { <p class="meta">"Deadline: "{l}</p> })}
        {open.then(|| view! { <p><a class="button primary" href=format!("/events/{slug}/cfp/propose")>"Propose a talk"</a></p> })}
        <div class="prose" inner_html=page.text_html.html()></div>
        <div class="grid-2">
            <section class="card"><OfferList title="Formats" items=page.formats.clone()/></section>
            <section class="card"><OfferList title="Tracks" items=page.tracks.clone()/></section>
        </div>
        <p class="meta">
            "Levels: "{labels(&page.levels)}" · Languages: "{labels(&page.languages)}
            {page.max_proposals.map(|m| view! { " · At most "{m}" proposals per speaker" })}
        </p>
    }
}

#[component]
pub fn CfpPublicPage() -> impl IntoView {
    let slug = param("slug");
    let page = Resource::new(slug, load_cfp_page);
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
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
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || editor.get().map(|r| outcome(r, &format!("/events/{}/cfp/propose", slug()), |ed| {
                let talks = ed.my_talks.clone();
                let slug = ed.page.event.slug.clone();
                view! {
                    <PageTitle text=format!("Propose a talk — {}", ed.page.event.name)/>
                    <h1>"Propose a talk to "{ed.page.event.name.clone()}</h1>
                    <p class="meta">{ed.page.status.headline.clone()}</p>
                    {(!talks.is_empty()).then(|| view! {
                        <details class="card">
                            <summary>"Start from one of your talks"</summary>
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
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || editor.get().map(|r| outcome(r, &format!("/proposals/{}/edit", code()), |ed| view! {
                <PageTitle text=format!("Edit “{}”", ed.talk.title)/>
                <p><a href=format!("/proposals/{}", ed.code)>"← Back to the proposal"</a></p>
                <h1>"Edit your proposal"</h1>
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
                    Some(m) => format!("{} ({m} min)", o.name),
                    None => o.name.clone(),
                };
                (o.id.to_string(), label)
            })
            .collect()
    };
    let t = editor.talk.clone();
    view! {
        {(!open).then(|| view! { <p class="notice notice-error" role="alert">{page.status.headline.clone()}" Proposals can no longer be changed."</p> })}
        <FormError error/>
        <Form action attr:class="card proposal-form" attr:data-autosave=autosave.then_some("/api/cfp/save")>
            <input type="hidden" name="slug" value=page.event.slug.clone()/>
            <input type="hidden" name="code" value=editor.code.clone()/>
            <input type="hidden" name="form_key" value=editor.form_key.clone()/>
            <input type="hidden" name="talk_id" value=editor.talk_id.map(|i| i.to_string()).unwrap_or_default()/>
            <Field label="Title" name="title" value=t.title minlength=5 maxlength=TITLE_MAX as u32 hint="5 to 120 characters." error=field_error(error, "title")/>
            <TextArea label="Abstract" name="summary" value=t.summary maxlength=ABSTRACT_MAX as u32 rows=8
                hint="Public: attendees read it in the agenda. 100 to 2,000 characters; Markdown works." error=field_error(error, "summary")/>
            <TextArea label="Details for the reviewers" name="details" value=t.details maxlength=DETAILS_MAX as u32 rows=8
                hint="Outline, what the audience takes away, why you. Only reviewers see it. Up to 5,000 characters." error=field_error(error, "details")/>
            <div class="grid-2">
                <Choices label="Format" name="format_id" options=ids(&page.formats) selected=editor.format_id.map(|i| i.to_string()).unwrap_or_default() placeholder="Choose a format…" error=field_error(error, "format_id")/>
                <Choices label="Track" name="track_id" options=ids(&page.tracks) selected=editor.track_id.map(|i| i.to_string()).unwrap_or_default() placeholder="Choose a track…" error=field_error(error, "track_id")/>
                <Choices label="Level" name="level" options=page.levels.clone() selected=t.level placeholder="Choose a level…" error=field_error(error, "level")/>
                <Choices label="Language of the talk" name="language" options=page.languages.clone() selected=t.language placeholder="Choose a language…" error=field_error(error, "language")/>
            </div>
            <TextArea label="References (optional)" name="references" value=t.references maxlength=REFERENCES_MAX as u32 rows=3
                hint="Slides or videos of earlier talks, a blog post, a repository." error=field_error(error, "references")/>
            <div class="actions">
                {(!submitted).then(|| view! {
                    <button type="submit" name="intent" value="draft" class="button" formnovalidate disabled=move || pending.get() || !open>"Save draft"</button>
                })}
                <button type="submit" name="intent" value="submit" class="button primary" disabled=move || pending.get() || !open
                    aria-busy=move || pending.get().then_some("true")>
                    {if submitted { "Save changes" } else { "Submit proposal" }}
                </button>
            </div>
            {(!submitted).then(|| view! { <p class="hint">"Drafts are only visible to you and your co-speakers. We also keep a draft if you leave this page."</p> })}
        </Form>
        {autosave.then(|| view! { <script src="/autosave.js" defer=true></script> })}
    }
}
