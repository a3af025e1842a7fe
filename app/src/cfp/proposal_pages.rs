//! One proposal as its speakers see it (with co-speakers and withdrawal), and the invitation page.
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};

use super::api::{cospeaker_invitation, get_proposal, AcceptCospeaker, InviteCospeaker, RemoveCospeaker, WithdrawProposal};
use super::ProposalView;
use crate::availability::pages::UnavailabilitySection;
use crate::plumbing::param;
use crate::selection::confirm_pages::AnswerButtons;
use crate::ui::{action_error, field_error, outcome, query_flag, ticked, Field, Form, FormError, Notice, PageTitle, SubmitButton};

#[component]
pub fn ProposalPage() -> impl IntoView {
    let code = param("code");
    // Reloaded when the query changes too: an answer to an acceptance comes back here with a flag.
    let search = use_location().search;
    let proposal = Resource::new(move || (code(), search.get()), |(c, _)| get_proposal(c));
    let flags = [
        (query_flag("submitted"), "Your proposal is submitted. We sent you a confirmation mail; you can still edit it until the CFP closes."),
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

#[component]
pub fn CospeakerPage() -> impl IntoView {
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let invitation = Resource::new(token, cospeaker_invitation);
    let accept = ServerAction::<AcceptCospeaker>::new();
    let error = action_error(accept);
    view! {
        <PageTitle text="Co-speaker invitation — Estrade"/>
        <section class="card narrow">
            <h1>"Co-speaker invitation"</h1>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || invitation.get().map(|r| match r {
                    Err(e) => view! { <p class="notice notice-error" role="alert">{e.field_message("token").unwrap_or_else(|| e.to_string())}</p> }.into_any(),
                    Ok(inv) => {
                        let here = format!("/cospeaker?token={}", token());
                        let signup = format!("/signup?email={}&next={}", inv.invited_email, urlencode(&here));
                        let signin = format!("/signin?next={}", urlencode(&here));
                        view! {
                            <p><strong>{inv.invited_by.clone()}</strong>" invites you to present "<strong>"“"{inv.proposal_title.clone()}"”"</strong>" at "{inv.event_name.clone()}"."</p>
                            {match inv.signed_in_as.clone() {
                                None => view! {
                                    <p>"The invitation was sent to "<strong>{inv.invited_email.clone()}</strong>"."</p>
                                    <p><a class="button primary" href=signup>"Create an account"</a>" or "<a href=signin>"sign in"</a>" to accept."</p>
                                }.into_any(),
                                Some(me) => view! {
                                    <FormError error/>
                                    <Form action=accept>
                                        <input type="hidden" name="token" value=token()/>
                                        {inv.needs_confirmation.then(|| view! {
                                            <div class="field" class:has-error=move || field_error(error, "confirm").get().is_some()>
                                                <p>"This invitation was sent to "<strong>{inv.invited_email.clone()}</strong>", but you are signed in as "<strong>{me.clone()}</strong>"."</p>
                                                <label class="check"><input type="checkbox" name="confirm" value="yes" checked=ticked("confirm", "yes", false)/>" Accept it as "{me.clone()}</label>
                                                {move || field_error(error, "confirm").get().map(|m| view! { <p class="field-error">{m}</p> })}
                                            </div>
                                        })}
                                        <SubmitButton action=accept label="Accept and join the proposal"/>
                                    </Form>
                                }.into_any(),
                            }}
                        }.into_any()
                    }
                })}
            </Suspense>
        </section>
    }
}

/// Percent-encodes a path for use inside a query string.
fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
