//! The speaker's own proposals: "My proposals" and one proposal as its speakers see it. Besides the
//! CFP's part (co-speakers, withdrawal), they show the selection's answer buttons and, once accepted,
//! the unavailability section: this area gathers them, so cfp, selection and availability do not
//! know each other.
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::api::{get_proposal, my_proposals};
use super::ProposalView;
use crate::availability::pages::UnavailabilitySection;
use crate::cfp::api::{InviteCospeaker, RemoveCospeaker, WithdrawProposal};
use crate::plumbing::param;
use crate::selection::confirm_pages::AnswerButtons;
use crate::tr;
use crate::ui::{action_error, field_error, outcome, query_flag, Field, Form, FormError, Notice, PageTitle, SubmitButton};
use domain::cfp::ProposalState;

#[component]
pub fn MyProposalsPage() -> impl IntoView {
    // Reloaded when the query changes: an answer to an acceptance comes back here with a flag.
    let search = use_location().search;
    let rows = Resource::new(move || search.get(), |_| my_proposals());
    let confirmed = query_flag("confirmed");
    let declined = query_flag("declined");
    view! {
        <PageTitle text=tr!(speakers.mine.title)/>
        <h1>{tr!(speakers.mine.heading)}</h1>
        <p><a href="/talks">{tr!(speakers.mine.library)}</a>" · "<a href="/profile">{tr!(speakers.mine.profile)}</a></p>
        {move || confirmed.get().then(|| view! { <Notice>{tr!(speakers.mine.confirmed)}</Notice> })}
        {move || declined.get().then(|| view! { <Notice>{tr!(speakers.mine.declined)}</Notice> })}
        <Suspense fallback=|| view! { <p>{tr!(speakers.loading)}</p> }>
            {move || rows.get().map(|r| outcome(r, "/proposals", |rows| if rows.is_empty() {
                view! { <p class="empty">{tr!(speakers.mine.empty)}</p> }.into_any()
            } else {
                view! {
                    // A list of cards rather than a table: it reads on a phone as on a desktop.
                    <ul class="proposal-list">{rows.into_iter().map(|p| view! {
                        <li class="card">
                            <h2 class="proposal-title">
                                <a href=format!("/proposals/{}", p.code)>{p.title}</a>
                                {p.co_speaker.then(|| view! { " "<span class="badge">{tr!(speakers.mine.co_speaker)}</span> })}
                            </h2>
                            <p class="meta">
                                <a href=format!("/events/{}", p.event_slug)>{p.event_name}</a>
                                {p.format.map(|f| format!(" · {f}"))}
                            </p>
                            <p>
                                <span class="visually-hidden">{tr!(speakers.mine.state)}": "</span>
                                <span class=format!("badge tone-{}", p.selection.tone)>{p.selection.status_label}</span>
                            </p>
                            {p.selection.awaiting_answer.then(|| view! { <AnswerButtons code=p.code.clone() back="list"/> })}
                        </li>
                    }).collect_view()}</ul>
                }.into_any()
            }))}
        </Suspense>
    }
}

#[component]
pub fn ProposalPage() -> impl IntoView {
    let code = param("code");
    // Reloaded when the query changes too: an answer to an acceptance comes back here with a flag.
    let search = use_location().search;
    let proposal = Resource::new(move || (code(), search.get()), |(c, _)| get_proposal(c));
    let flags = [
        (query_flag("submitted"), tr!(speakers.proposal.submitted)),
        (query_flag("saved"), tr!(speakers.proposal.saved)),
        (query_flag("withdrawn"), tr!(speakers.proposal.withdrawn)),
        (query_flag("invited"), tr!(speakers.proposal.invited)),
        (query_flag("removed"), tr!(speakers.proposal.removed)),
        (query_flag("joined"), tr!(speakers.proposal.joined)),
        (query_flag("confirmed"), tr!(speakers.proposal.confirmed)),
        (query_flag("declined"), tr!(speakers.proposal.declined)),
    ];
    view! {
        {flags.into_iter().map(|(flag, text)| view! { {move || flag.get().then(|| view! { <Notice>{text}</Notice> })} }).collect_view()}
        <Suspense fallback=|| view! { <p>{tr!(speakers.loading)}</p> }>
            {move || proposal.get().map(|r| outcome(r, &format!("/proposals/{}", code()), |p| view! { <ProposalDetails p/> }.into_any()))}
        </Suspense>
    }
}

#[component]
fn ProposalDetails(p: ProposalView) -> impl IntoView {
    let code = p.code.clone();
    view! {
        <PageTitle text=tr!(speakers.proposal.title, title = p.talk.title.clone()).to_string()/>
        <p class="meta"><a href="/proposals">{tr!(speakers.mine.heading)}</a>" · "<a href=format!("/events/{}/cfp", p.event.slug)>{p.event.name.clone()}</a></p>
        <h1>{p.talk.title.clone()}</h1>
        <p>
            <span class=format!("badge tone-{}", p.selection.tone)>{p.selection.status_label.clone()}</span>" "
            {p.format.clone().unwrap_or_else(|| tr!(speakers.proposal.no_format).into())}" · "
            {p.track.clone().unwrap_or_else(|| tr!(speakers.proposal.no_track).into())}" · "
            {p.level_label.clone()}" · "{p.language_label.clone()}
        </p>
        {p.submitted_at.clone().map(|t| view! { <p class="meta">{tr!(speakers.proposal.submitted_on)}{t}</p> })}
        <p class="meta">{p.status.headline.clone()}</p>
        {p.selection.note.clone().map(|n| view! { <p>{n}</p> })}
        {p.selection.awaiting_answer.then(|| view! { <AnswerButtons code=code.clone()/> })}
        {p.selection.holds_slot.then(|| view! { <UnavailabilitySection slug=p.event.slug.clone() code=code.clone()/> })}
        {p.editable.then(|| view! { <p><a class="button" href=format!("/proposals/{code}/edit")>{tr!(speakers.proposal.edit)}</a></p> })}
        <section class="card">
            <h2>{tr!(cfp.form.abstract_label)}</h2>
            <div class="prose" inner_html=p.summary_html.html()></div>
            <h2>{tr!(cfp.form.details)}</h2>
            <div class="prose" inner_html=p.details_html.html()></div>
            {(!p.talk.references.is_empty()).then(|| view! { <h2>{tr!(speakers.talk.references)}</h2><p class="pre">{p.talk.references.clone()}</p> })}
        </section>
        <Speakers p=p.clone()/>
        {(p.i_own_it && p.state != ProposalState::Withdrawn).then(|| view! { <Withdraw code=p.code.clone()/> })}
    }
}

#[component]
fn Speakers(p: ProposalView) -> impl IntoView {
    let invite = ServerAction::<InviteCospeaker>::new();
    let invite_error = action_error(invite);
    let remove = ServerAction::<RemoveCospeaker>::new();
    let remove_error = action_error(remove);
    let code = p.code.clone();
    let code2 = p.code.clone();
    let owner = p.i_own_it;
    view! {
        <section class="card">
            <h2>{tr!(speakers.proposal.speakers)}</h2>
            <FormError error=remove_error/>
            <ul class="speaker-list">
                {p.speakers.into_iter().map(|s| {
                    let code = code.clone();
                    view! {
                        <li>
                            <strong>{s.name.clone()}</strong>" "<span class="meta">{s.email.clone()}</span>
                            {s.is_owner.then(|| view! { " "<span class="badge">{tr!(speakers.proposal.owner)}</span> })}
                            {(owner && !s.is_owner).then(|| view! {
                                <Form action=remove attr:class="inline-form">
                                    <input type="hidden" name="code" value=code/>
                                    <input type="hidden" name="speaker_id" value=s.id/>
                                    <button type="submit" class="link-button danger">{tr!(speakers.proposal.remove)}<span class="visually-hidden">" "{s.name.clone()}</span></button>
                                </Form>
                            })}
                        </li>
                    }
                }).collect_view()}
                {p.pending_invitations.into_iter().map(|email| view! {
                    <li>{email}" "<span class="badge warn">{tr!(speakers.proposal.invited_badge)}</span></li>
                }).collect_view()}
            </ul>
            {(owner && p.state != ProposalState::Withdrawn).then(|| view! {
                <h3>{tr!(speakers.proposal.invite_heading)}</h3>
                <FormError error=invite_error/>
                <Form action=invite>
                    <input type="hidden" name="code" value=code2/>
                    <Field label=tr!(speakers.proposal.their_email) name="email" kind="email" autocomplete="off" hint=tr!(speakers.proposal.invite_hint) error=field_error(invite_error, "email")/>
                    <SubmitButton action=invite label=tr!(speakers.proposal.send_invitation)/>
                </Form>
            })}
        </section>
    }
}

#[component]
fn Withdraw(code: String) -> impl IntoView {
    let withdraw = ServerAction::<WithdrawProposal>::new();
    let error = action_error(withdraw);
    view! {
        <section class="card">
            <h2>{tr!(speakers.proposal.withdraw_heading)}</h2>
            <p class="hint">{tr!(speakers.proposal.withdraw_hint)}</p>
            <FormError error/>
            <Form action=withdraw>
                <input type="hidden" name="code" value=code/>
                <button type="submit" class="button danger">{tr!(speakers.proposal.withdraw)}</button>
            </Form>
        </section>
    }
}
