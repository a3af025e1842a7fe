//! Claiming imported talks (`claims`): the organisers' list of imported speakers with the file's
//! emails and a button that mails them their links, and the page the link opens.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{ClaimState, ClaimView, ImportedSpeakers};
use crate::error::AppError;
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
        ClaimState::NotMailed => "not mailed yet".into(),
        ClaimState::Mailed { until } => format!("link mailed, valid until {until}"),
        ClaimState::Expired => "link expired, not claimed".into(),
        ClaimState::Claimed { on } => format!("claimed on {on}"),
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
                    <h2>"Imported speakers"</h2>
                    <p>"The file gave these speakers an email. They are speakers of this event only: no account was \
                        looked up or created with these addresses. Each may take their talks into their own account \
                        (to find them in their proposals and show their own profile) with a link mailed to that \
                        address, which works only for the person signed in with it."</p>
                    {move || mailed().map(|n: usize| view! { <Notice>{format!("{n} link(s) mailed.")}</Notice> })}
                    <table>
                        <thead><tr><th>"Speaker"</th><th>"Email in the file"</th><th>"Talks"</th><th>"Link"</th></tr></thead>
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
                            <SubmitButton action=send label="Mail the links"/>
                        </Form>
                        <p class="hint">{format!("{} speaker(s) have no link waiting; each link works once, for two weeks.", l.to_mail)}</p>
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
        <PageTitle text="Your imported talks — Estrade"/>
        <section class="card narrow">
            <h1>"Your imported talks"</h1>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || claim.get().map(|r| match r {
                    Err(e) => view! { <p class="notice notice-error" role="alert">{e.field_message("token").unwrap_or_else(|| e.text())}</p> }.into_any(),
                    Ok(c) => {
                        let here = format!("/claim?token={}", token());
                        let signup = format!("/signup?email={}&next={}", urlencode(&c.invited_email), urlencode(&here));
                        let signin = format!("/signin?next={}", urlencode(&here));
                        view! {
                            <p>"The schedule of "<strong>{c.event_name.clone()}</strong>" lists "<strong>{c.name.clone()}</strong>" as speaker of:"</p>
                            <ul>{c.talks.iter().map(|t| view! { <li>"“"{t.clone()}"”"</li> }).collect_view()}</ul>
                            {match (c.signed_in_as.clone(), c.refusal.clone()) {
                                (None, _) => view! {
                                    <p>"This link was sent to "<strong>{c.invited_email.clone()}</strong>". Sign in with that address, \
                                        or create an account with it and confirm it, to take these talks into your account."</p>
                                    <p><a class="button primary" href=signin>"Sign in"</a>" or "<a href=signup>"create an account"</a></p>
                                }.into_any(),
                                (Some(_), Some(why)) => view! { <p class="notice notice-error" role="alert">{why}</p> }.into_any(),
                                (Some(me), None) => view! {
                                    <FormError error=action_error(accept)/>
                                    <Form action=accept>
                                        <input type="hidden" name="token" value=token()/>
                                        <p>"They will join the proposals of "{me}", and the agenda will show your speaker profile with them."</p>
                                        <SubmitButton action=accept label="Take these talks"/>
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
