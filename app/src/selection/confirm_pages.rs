//! The speakers' side of an acceptance (the mailed link's page, and the buttons shown on their own
//! proposal pages) and the organisers' audit trail.
use leptos::prelude::*;

use super::api::{load_confirmation, load_selection_log, AnswerConfirmation, AnswerMyAcceptance};
use super::{ConfirmationView, LinkState, SelectionLogView};
use crate::error::AppError;
use crate::plumbing::{param, urls};
use crate::tr;
use crate::ui::{action_error, outcome, query_flag, Form, FormError, Notice, PageTitle};

/// Sets the HTTP status of the page being rendered on the server.
fn set_status(_code: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(res), Ok(status)) = (use_context::<leptos_axum::ResponseOptions>(), http::StatusCode::from_u16(_code)) {
        res.set_status(status);
    }
}

/// Confirm and Decline buttons of one form (`answer` says which was pressed).
#[component]
fn AnswerChoice() -> impl IntoView {
    view! {
        <p class="actions">
            <button type="submit" name="answer" value="confirm" class="button primary">{tr!(selection.answer.confirm)}</button>" "
            <button type="submit" name="answer" value="decline" class="button danger">{tr!(selection.answer.decline)}</button>
        </p>
    }
}

#[component]
pub fn ConfirmPage() -> impl IntoView {
    let token = param("token");
    let answer = ServerAction::<AnswerConfirmation>::new();
    let error = action_error(answer);
    let data = Resource::new(move || (token(), answer.version().get()), |(t, _)| load_confirmation(t));
    let confirmed = query_flag("confirmed");
    let declined = query_flag("declined");
    view! {
        <PageTitle text=tr!(selection.answer.title)/>
        <section class="card narrow">
            <h1>{tr!(selection.answer.heading)}</h1>
            {move || confirmed.get().then(|| view! { <Notice>{tr!(selection.answer.confirmed)}</Notice> })}
            {move || declined.get().then(|| view! { <Notice>{tr!(selection.answer.declined)}</Notice> })}
            <Suspense fallback=|| view! { <p>{tr!(selection.loading)}</p> }>
                {move || data.get().map(|r| match r {
                    Err(AppError::NotFound) => {
                        set_status(404);
                        view! {
                            <p class="notice notice-error" role="alert">
                                {tr!(selection.answer.invalid)}
                            </p>
                        }.into_any()
                    }
                    Err(e) => outcome(Err::<(), _>(e), "/", |_| ().into_any()),
                    Ok(v) => view! { <ConfirmBody v token=token() answer error/> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn ConfirmBody(
    v: ConfirmationView,
    token: String,
    answer: ServerAction<AnswerConfirmation>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let about = view! {
        <p><strong>{tr!(selection.suggestion.quoted, title = &v.title).to_string()}</strong>" — "<a href=format!("/events/{}", v.event_slug)>{v.event_name.clone()}</a></p>
    };
    let rest = match v.state {
        LinkState::Open => view! {
            <p>{v.message.clone()}</p>
            <FormError error/>
            <Form action=answer>
                <input type="hidden" name="token" value=token/>
                <AnswerChoice/>
            </Form>
        }
        .into_any(),
        LinkState::Answered => view! { <p role="status">{v.message.clone()}</p> }.into_any(),
        LinkState::Expired => {
            set_status(410);
            view! { <p class="notice notice-error" role="alert">{v.message.clone()}</p> }.into_any()
        }
    };
    view! { {about} {rest} }
}

/// Confirm / Decline for a signed-in speaker, on their proposal page or in "My proposals" (`back` = "list").
#[component]
pub fn AnswerButtons(code: String, #[prop(optional)] back: &'static str) -> impl IntoView {
    let answer = ServerAction::<AnswerMyAcceptance>::new();
    view! {
        <FormError error=action_error(answer)/>
        <Form action=answer attr:class="inline-form">
            <input type="hidden" name="code" value=code/>
            {(!back.is_empty()).then(|| view! { <input type="hidden" name="back" value=back/> })}
            <AnswerChoice/>
        </Form>
    }
}

#[component]
pub fn SelectionLogPage() -> impl IntoView {
    let slug = param("slug");
    let data = Resource::new(slug, load_selection_log);
    view! {
        <Suspense fallback=|| view! { <p>{tr!(selection.loading)}</p> }>
            {move || data.get().map(|r| outcome(r, &urls::admin_selection_log(slug()), |v| view! { <LogBody v/> }.into_any()))}
        </Suspense>
    }
}

#[component]
fn LogBody(v: SelectionLogView) -> impl IntoView {
    let s = v.event.slug.clone();
    view! {
        <PageTitle text=tr!(selection.trail.title, name = &v.event.name).to_string()/>
        <p class="meta">
            <a href=urls::admin_event(&s)>{tr!(selection.nav.manage, name = &v.event.name).to_string()}</a>" · "
            <a href=urls::admin_selection(&s)>{tr!(selection.nav.selection)}</a>" · "
            <a href=urls::admin_selection_settings(&s)>{tr!(selection.trail.settings)}</a>
        </p>
        <h1>{tr!(selection.nav.audit)}</h1>
        <p class="hint">{tr!(selection.trail.hint)}</p>
        {if v.lines.is_empty() {
            view! { <p class="empty">{tr!(selection.trail.empty)}</p> }.into_any()
        } else {
            view! {
                <div class="org-table-wrap">
                    <table class="table">
                        <thead><tr><th scope="col">{tr!(selection.trail.when)}</th><th scope="col">{tr!(selection.trail.who)}</th><th scope="col">{tr!(selection.trail.what)}</th><th scope="col">{tr!(selection.trail.proposal)}</th><th scope="col">{tr!(selection.trail.detail)}</th></tr></thead>
                        <tbody>{v.lines.into_iter().map(|l| view! {
                            <tr><td>{l.when}</td><td>{l.who}</td><td>{l.action}</td><td>{l.proposal.unwrap_or_default()}</td><td>{l.detail}</td></tr>
                        }).collect_view()}</tbody>
                    </table>
                </div>
            }.into_any()
        }}
    }
}
