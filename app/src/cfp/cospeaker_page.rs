//! The page of a co-speaker invitation's link: who invites whom to what, and the button to join.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::api::{cospeaker_invitation, AcceptCospeaker};
use crate::tr;
use crate::ui::{action_error, field_error, ticked, Form, FormError, PageTitle, SubmitButton};

#[component]
pub fn CospeakerPage() -> impl IntoView {
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let invitation = Resource::new(token, cospeaker_invitation);
    let accept = ServerAction::<AcceptCospeaker>::new();
    let error = action_error(accept);
    view! {
        <PageTitle text=tr!(cfp.cospeaker.title)/>
        <section class="card narrow">
            <h1>{tr!(cfp.cospeaker.heading)}</h1>
            <Suspense fallback=|| view! { <p>{tr!(cfp.loading)}</p> }>
                {move || invitation.get().map(|r| match r {
                    Err(e) => view! { <p class="notice notice-error" role="alert">{e.field_message("token").unwrap_or_else(|| e.text())}</p> }.into_any(),
                    Ok(inv) => {
                        let here = format!("/cospeaker?token={}", token());
                        let signup = format!("/signup?email={}&next={}", inv.invited_email, crate::plumbing::path_in_query(&here));
                        let signin = format!("/signin?next={}", crate::plumbing::path_in_query(&here));
                        view! {
                            <p><strong>{inv.invited_by.clone()}</strong>{tr!(cfp.cospeaker.invites)}<strong>{tr!(cfp.open_quote)}{inv.proposal_title.clone()}{tr!(cfp.close_quote)}</strong>{tr!(cfp.cospeaker.at)}{inv.event_name.clone()}"."</p>
                            {match inv.signed_in_as.clone() {
                                None => view! {
                                    <p>{tr!(cfp.cospeaker.sent_to)}<strong>{inv.invited_email.clone()}</strong>"."</p>
                                    <p><a class="button primary" href=signup>{tr!(cfp.cospeaker.create_account)}</a>{tr!(cfp.cospeaker.or)}<a href=signin>{tr!(cfp.cospeaker.sign_in)}</a>{tr!(cfp.cospeaker.to_accept)}</p>
                                }.into_any(),
                                Some(me) => view! {
                                    <FormError error/>
                                    <Form action=accept>
                                        <input type="hidden" name="token" value=token()/>
                                        {inv.needs_confirmation.then(|| view! {
                                            <div class="field" class:has-error=move || field_error(error, "confirm").get().is_some()>
                                                <p>{tr!(cfp.cospeaker.sent_to)}<strong>{inv.invited_email.clone()}</strong>{tr!(cfp.cospeaker.but_signed_in_as)}<strong>{me.clone()}</strong>"."</p>
                                                <label class="check"><input type="checkbox" name="confirm" value="yes" checked=ticked("confirm", "yes", false)/>{tr!(cfp.cospeaker.accept_as)}{me.clone()}</label>
                                                {move || field_error(error, "confirm").get().map(|m| view! { <p class="field-error">{m}</p> })}
                                            </div>
                                        })}
                                        <SubmitButton action=accept label=tr!(cfp.cospeaker.accept)/>
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
