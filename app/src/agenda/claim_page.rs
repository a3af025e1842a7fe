//! Claiming imported talks (`claims`): the organisers' list of imported speakers with the file's
//! emails and a button that mails them their links, and the page the link opens.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{ClaimState, ClaimView, ImportedSpeakers};
use crate::error::AppError;
use crate::tr;
use crate::ui::{action_error, Form, FormError, Notice, PageTitle, SubmitButton};

#[cfg(feature = "ssr")]
use crate::auth::guard::event_access;
#[cfg(feature = "ssr")]
use domain::roles::ORGANISERS;

#[server(endpoint = "schedule/imported_speakers")]
pub async fn load_imported_speakers(slug: String) -> Result<ImportedSpeakers, AppError> {
    let state = crate::state::app_state();
    let event = event_access(&state.db, &slug, ORGANISERS).await?.event;
    super::claims::list(&state.db, event.id, state.clock.now()).await
}

/// Mails their link to the imported speakers who have none waiting: organisers of the event only.
#[server(endpoint = "schedule/send_claims")]
pub async fn send_claims(slug: String) -> Result<usize, AppError> {
    let state = crate::state::app_state();
    let event = event_access(&state.db, &slug, ORGANISERS).await?.event;
    let sent = super::claims::send(&state, &event, state.clock.now()).await?;
    leptos_axum::redirect(&format!("/admin/events/{}/schedule/import?mailed={sent}", event.slug));
    Ok(sent)
}

#[server(endpoint = "agenda/claim")]
pub async fn load_claim(token: String) -> Result<ClaimView, AppError> {
    let state = crate::state::app_state();
    let viewer = crate::auth::session::current_user(&state.db).await?;
    super::claims::peek(&state.db, &token, viewer.as_ref(), state.clock.now()).await
}

#[server(endpoint = "agenda/claim_accept")]
pub async fn accept_claim(token: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let me = crate::auth::guard::require_user(&state.db).await?;
    super::claims::accept(&state, &token, &me, state.clock.now()).await?;
    leptos_axum::redirect("/proposals");
    Ok(())
}

fn state_label(s: &ClaimState) -> String {
    match s {
        ClaimState::NotMailed => tr!(agenda.claims.not_mailed).into(),
        ClaimState::Mailed { until } => tr!(agenda.claims.mailed, until = until.clone()).to_string(),
        ClaimState::Expired => tr!(agenda.claims.expired).into(),
        ClaimState::Claimed { on } => tr!(agenda.claims.claimed, on = on.clone()).to_string(),
    }
}

/// On the import page: the imported speakers with an email, and the button that mails their links.
#[component]
pub fn ImportedSpeakersSection(slug: String) -> impl IntoView {
    let send = ServerAction::<SendClaims>::new();
    let slug_for_load = slug.clone();
    let list = Resource::new(move || (slug_for_load.clone(), send.version().get()), |(s, _)| load_imported_speakers(s));
    let mailed = use_query_map();
    let mailed = move || send.value().get().and_then(Result::ok).or_else(|| mailed.read().get("mailed").and_then(|n| n.parse().ok()));
    view! {
        <Transition fallback=|| ()>
            {move || {
                let slug = slug.clone();
                list.get().and_then(Result::ok).filter(|l| !l.rows.is_empty()).map(move |l| view! {
                <section class="card">
                    <h2>{tr!(agenda.claims.heading)}</h2>
                    <p>{tr!(agenda.claims.intro)}</p>
                    {move || mailed().map(|n: usize| view! { <Notice>{tr!(agenda.claims.links_mailed, count = i32::try_from(n).unwrap_or(i32::MAX)).to_string()}</Notice> })}
                    <table>
                        <thead><tr><th>{tr!(agenda.claims.speaker)}</th><th>{tr!(agenda.claims.email)}</th><th>{tr!(agenda.claims.talks)}</th><th>{tr!(agenda.claims.link)}</th></tr></thead>
                        <tbody>
                            {l.rows.iter().map(|r| view! {
                                <tr>
                                    <td>{r.name.clone()}</td>
                                    <td>{r.email.clone()}</td>
                                    <td>{r.talks.join(" · ")}</td>
                                    <td>{state_label(&r.state)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    <FormError error=action_error(send)/>
                    {(l.to_mail > 0).then(|| view! {
                        <Form action=send>
                            <input type="hidden" name="slug" value=slug.clone()/>
                            <SubmitButton action=send label=tr!(agenda.claims.send)/>
                        </Form>
                        <p class="hint">{tr!(agenda.claims.to_mail, count = i32::try_from(l.to_mail).unwrap_or(i32::MAX)).to_string()}</p>
                    })}
                </section>
            })
            }}
        </Transition>
    }
}

/// The page a claim link opens.
#[component]
pub fn ClaimPage() -> impl IntoView {
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let claim = Resource::new(token, load_claim);
    let accept = ServerAction::<AcceptClaim>::new();
    view! {
        <PageTitle text=tr!(agenda.claim.title)/>
        <section class="card narrow">
            <h1>{tr!(agenda.claim.heading)}</h1>
            <Suspense fallback=|| view! { <p>{tr!(agenda.loading)}</p> }>
                {move || claim.get().map(|r| match r {
                    Err(e) => view! { <p class="notice notice-error" role="alert">{e.field_message("token").unwrap_or_else(|| e.text())}</p> }.into_any(),
                    Ok(c) => {
                        let here = format!("/claim?token={}", token());
                        let signup = format!("/signup?email={}&next={}", crate::plumbing::path_in_query(&c.invited_email), crate::plumbing::path_in_query(&here));
                        let signin = format!("/signin?next={}", crate::plumbing::path_in_query(&here));
                        view! {
                            <p>{tr!(agenda.claim.schedule_of)}<strong>{c.event_name.clone()}</strong>{tr!(agenda.claim.lists)}<strong>{c.name.clone()}</strong>{tr!(agenda.claim.as_speaker_of)}</p>
                            <ul>{c.talks.iter().map(|t| view! { <li>{tr!(agenda.claim.open_quote)}{t.clone()}{tr!(agenda.claim.close_quote)}</li> }).collect_view()}</ul>
                            {match (c.signed_in_as.clone(), c.refusal.clone()) {
                                (None, _) => view! {
                                    <p>{tr!(agenda.claim.sent_to)}<strong>{c.invited_email.clone()}</strong>{tr!(agenda.claim.sign_in_with_it)}</p>
                                    <p><a class="button primary" href=signin>{tr!(agenda.claim.sign_in)}</a>{tr!(agenda.claim.or)}<a href=signup>{tr!(agenda.claim.create_account)}</a></p>
                                }.into_any(),
                                (Some(_), Some(why)) => view! { <p class="notice notice-error" role="alert">{why}</p> }.into_any(),
                                (Some(me), None) => view! {
                                    <FormError error=action_error(accept)/>
                                    <Form action=accept>
                                        <input type="hidden" name="token" value=token()/>
                                        <p>{tr!(agenda.claim.will_join, me = me).to_string()}</p>
                                        <SubmitButton action=accept label=tr!(agenda.claim.take)/>
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
