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
use crate::ui::{action_error, field_error, outcome, query_flag, Field, Form, FormError, Notice, PageTitle, SubmitButton};

#[component]
pub fn MyProposalsPage() -> impl IntoView {
    // Reloaded when the query changes: an answer to an acceptance comes back here with a flag.
    let search = use_location().search;
    let rows = Resource::new(move || search.get(), |_| my_proposals());
    let confirmed = query_flag("confirmed");
    let declined = query_flag("declined");
    view! {
        <PageTitle text="My proposals — Estrade"/>
        <h1>"My proposals"</h1>
        <p><a href="/talks">"My talk library"</a>" · "<a href="/profile">"My speaker profile"</a></p>
        {move || confirmed.get().then(|| view! { <Notice>"Thank you: your talk is confirmed."</Notice> })}
        {move || declined.get().then(|| view! { <Notice>"Your answer is recorded: you will not give this talk."</Notice> })}
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || rows.get().map(|r| outcome(r, "/proposals", |rows| if rows.is_empty() {
                view! { <p class="empty">"No proposals yet. Find an open call for papers on an event's page."</p> }.into_any()
            } else {
                view! {
                    <table class="table">
                        <thead><tr><th scope="col">"Talk"</th><th scope="col">"Event"</th><th scope="col">"Format"</th><th scope="col">"State"</th></tr></thead>
                        <tbody>{rows.into_iter().map(|p| view! {
                            <tr>
                                <td><a href=format!("/proposals/{}", p.code)>{p.title}</a>{p.co_speaker.then(|| view! { " "<span class="badge">"co-speaker"</span> })}</td>
                                <td><a href=format!("/events/{}", p.event_slug)>{p.event_name}</a></td>
                                <td>{p.format.unwrap_or_default()}</td>
                                <td>
                                    <span class=format!("badge state-{}", p.state)>{p.selection.status_label}</span>
                                    {p.selection.awaiting_answer.then(|| view! { <AnswerButtons code=p.code.clone() back="list"/> })}
                                </td>
                            </tr>
                        }).collect_view()}</tbody>
                    </table>
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
        (
            query_flag("submitted"),
            "Your proposal is submitted. We sent you a confirmation mail; you can still edit it until the CFP closes.",
        ),
        (query_flag("saved"), "Saved. This draft is only visible to you and your co-speakers."),
        (query_flag("withdrawn"), "Your proposal is withdrawn. The organisers will see it as withdrawn."),
        (query_flag("invited"), "Invitation sent. Your co-speaker appears here once they accept."),
        (query_flag("removed"), "Co-speaker removed."),
        (query_flag("joined"), "You are now a co-speaker of this proposal."),
        (query_flag("confirmed"), "Thank you: your talk is confirmed. The organisers will send you the schedule."),
        (query_flag("declined"), "Your answer is recorded: you will not give this talk. Thank you for telling us."),
    ];
    view! {
        {flags.into_iter().map(|(flag, text)| view! { {move || flag.get().then(|| view! { <Notice>{text}</Notice> })} }).collect_view()}
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || proposal.get().map(|r| outcome(r, &format!("/proposals/{}", code()), |p| view! { <ProposalDetails p/> }.into_any()))}
        </Suspense>
    }
}

#[component]
fn ProposalDetails(p: ProposalView) -> impl IntoView {
    let code = p.code.clone();
    view! {
        <PageTitle text=format!("{} — Estrade", p.talk.title)/>
        <p class="meta"><a href="/proposals">"My proposals"</a>" · "<a href=format!("/events/{}/cfp", p.event.slug)>{p.event.name.clone()}</a></p>
        <h1>{p.talk.title.clone()}</h1>
        <p>
            <span class=format!("badge state-{}", p.state)>{p.selection.status_label.clone()}</span>" "
            {p.format.clone().unwrap_or_else(|| "No format chosen".into())}" · "
            {p.track.clone().unwrap_or_else(|| "No track chosen".into())}" · "
            {p.level_label.clone()}" · "{p.language_label.clone()}
        </p>
        {p.submitted_at.clone().map(|t| view! { <p class="meta">"Submitted on "{t}</p> })}
        <p class="meta">{p.status.headline.clone()}</p>
        {p.selection.note.clone().map(|n| view! { <p>{n}</p> })}
        {p.selection.awaiting_answer.then(|| view! { <AnswerButtons code=code.clone()/> })}
        {p.selection.holds_slot.then(|| view! { <UnavailabilitySection slug=p.event.slug.clone() code=code.clone()/> })}
        {p.editable.then(|| view! { <p><a class="button" href=format!("/proposals/{code}/edit")>"Edit"</a></p> })}
        <section class="card">
            <h2>"Abstract"</h2>
            <div class="prose" inner_html=p.summary_html.html()></div>
            <h2>"Details for the reviewers"</h2>
            <div class="prose" inner_html=p.details_html.html()></div>
            {(!p.talk.references.is_empty()).then(|| view! { <h2>"References"</h2><p class="pre">{p.talk.references.clone()}</p> })}
        </section>
        <Speakers p=p.clone()/>
        {(p.i_own_it && p.state != "withdrawn").then(|| view! { <Withdraw code=p.code.clone()/> })}
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
            <h2>"Speakers"</h2>
            <FormError error=remove_error/>
            <ul class="speaker-list">
                {p.speakers.into_iter().map(|s| {
                    let code = code.clone();
                    view! {
                        <li>
                            <strong>{s.name.clone()}</strong>" "<span class="meta">{s.email.clone()}</span>
                            {s.is_owner.then(|| view! { " "<span class="badge">"owner"</span> })}
                            {(owner && !s.is_owner).then(|| view! {
                                <Form action=remove attr:class="inline-form">
                                    <input type="hidden" name="code" value=code/>
                                    <input type="hidden" name="speaker_id" value=s.id/>
                                    <button type="submit" class="link-button danger">"Remove"<span class="visually-hidden">" "{s.name.clone()}</span></button>
                                </Form>
                            })}
                        </li>
                    }
                }).collect_view()}
                {p.pending_invitations.into_iter().map(|email| view! {
                    <li>{email}" "<span class="badge warn">"invited"</span></li>
                }).collect_view()}
            </ul>
            {(owner && p.state != "withdrawn").then(|| view! {
                <h3>"Invite a co-speaker"</h3>
                <FormError error=invite_error/>
                <Form action=invite>
                    <input type="hidden" name="code" value=code2/>
                    <Field label="Their email" name="email" kind="email" autocomplete="off" hint="We mail them a link that works once, for 7 days. Your own email address must be confirmed." error=field_error(invite_error, "email")/>
                    <SubmitButton action=invite label="Send invitation"/>
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
            <h2>"Withdraw"</h2>
            <p class="hint">"Withdrawing cannot be undone; the organisers will see the proposal as withdrawn."</p>
            <FormError error/>
            <Form action=withdraw>
                <input type="hidden" name="code" value=code/>
                <button type="submit" class="button danger">"Withdraw this proposal"</button>
            </Form>
        </section>
    }
}
