//! The review settings page: anonymity, closing reviews, the confirmation deadline, planned slots
//! per format, and the wording of the three decision mails.
use leptos::prelude::*;

use super::api::{
    load_selection_settings, CloseReviews, ReopenReviews, ResetDecisionTemplate, SaveDecisionTemplate, SaveFormatSlots,
    SaveSelectionSettings,
};
use super::{FormatSlots, SelectionSettingsView, TemplateView};
use crate::plumbing::{general_error, param, row_error, urls};
use crate::ui::{
    action_error, field_error, outcome, query_flag, Check, Form, FormError, Notice, OrgField, PageTitle, SubmitButton, TextBox,
};

#[component]
pub fn SelectionSettingsPage() -> impl IntoView {
    let slug = param("slug");
    let save = ServerAction::<SaveSelectionSettings>::new();
    let close = ServerAction::<CloseReviews>::new();
    let reopen = ServerAction::<ReopenReviews>::new();
    let slots = ServerAction::<SaveFormatSlots>::new();
    let template = ServerAction::<SaveDecisionTemplate>::new();
    let reset = ServerAction::<ResetDecisionTemplate>::new();
    let versions = move || {
        save.version().get()
            + close.version().get()
            + reopen.version().get()
            + slots.version().get()
            + template.version().get()
            + reset.version().get()
    };
    let settings = Resource::new(move || (slug(), versions()), |(s, _)| load_selection_settings(s));
    let flags = [
        (query_flag("saved"), "Settings saved."),
        (query_flag("closed"), "Reviews are closed: reviewers can read but no longer change their reviews."),
        (query_flag("reopened"), "Reviews are open again."),
        (query_flag("slots_saved"), "Slots saved."),
        (query_flag("template_saved"), "Mail wording saved."),
        (query_flag("template_reset"), "The built-in wording applies again."),
    ];
    view! {
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            {move || settings.get().map(|r| outcome(r, &urls::admin_selection_settings(slug()), |v| {
                let s = v.event.slug.clone();
                view! {
                    <PageTitle text=format!("Selection settings — {}", v.event.name)/>
                    <p class="meta">
                        <a href=urls::admin_event(&s)>"Manage "{v.event.name.clone()}</a>" · "
                        <a href=urls::admin_selection(&s)>"Selection"</a>" · "
                        <a href=urls::admin_selection_log(&s)>"Audit trail"</a>" · "
                        <a href=urls::admin_conflicts(&s)>"Conflicts of interest"</a>
                    </p>
                    <h1>"Selection settings"</h1>
                    {flags.into_iter().map(|(flag, text)| view! { {move || flag.get().then(|| view! { <Notice>{text}</Notice> })} }).collect_view()}
                    <ReviewsState v=v.clone() close reopen/>
                    <SettingsForm v=v.clone() save/>
                    <SlotsSection slug=s.clone() rows=v.formats.clone() action=slots/>
                    <TemplatesSection slug=s templates=v.templates.clone() placeholders=v.placeholders.clone() save=template reset/>
                }
                .into_any()
            }))}
        </Transition>
    }
}

#[component]
fn ReviewsState(v: SelectionSettingsView, close: ServerAction<CloseReviews>, reopen: ServerAction<ReopenReviews>) -> impl IntoView {
    let open = v.reviews_open;
    let slug = v.event.slug.clone();
    view! {
        <section class="card">
            <h2>"Reviews"</h2>
            <p class="org-status">
                <span class="badge" class:ok=open class:warn=!open>{if open { "Open" } else { "Closed" }}</span>" "
                {v.reviews_status.clone()}
            </p>
            <FormError error=action_error(close)/>
            <FormError error=action_error(reopen)/>
            {if v.closed_by_hand {
                view! {
                    <Form action=reopen>
                        <input type="hidden" name="slug" value=slug/>
                        <button type="submit" class="button">"Reopen reviews"</button>
                    </Form>
                }.into_any()
            } else if open {
                view! {
                    <Form action=close>
                        <input type="hidden" name="slug" value=slug/>
                        <button type="submit" class="button">"Close reviews now"</button>
                    </Form>
                }.into_any()
            } else {
                view! { <p class="hint">"To reopen reviews, move the closing date below to a later date."</p> }.into_any()
            }}
        </section>
    }
}

#[component]
fn SettingsForm(v: SelectionSettingsView, save: ServerAction<SaveSelectionSettings>) -> impl IntoView {
    let error = action_error(save);
    let tz = v.time_zone.clone();
    view! {
        <section class="card">
            <h2>"Anonymity and dates"</h2>
            <FormError error/>
            <Form action=save>
                <input type="hidden" name="slug" value=v.event.slug.clone()/>
                <fieldset class="org-checks">
                    <legend>"Reviewing"</legend>
                    <Check label="Anonymous mode: reviewers see no speaker name, company, photo, bio, links or email" name="anonymous" id="f-anonymous" checked=v.anonymous/>
                    <Check label="Hide other reviewers' scores until one has reviewed the proposal" name="hide_scores" id="f-hide_scores" checked=v.hide_scores_until_reviewed/>
                    <p class="hint">"Anonymous mode can only be switched off once reviews are closed."</p>
                </fieldset>
                <div class="grid-2">
                    <OrgField label="Reviews close on" name="reviews_close_at" id="f-reviews_close_at" kind="datetime-local" value=v.reviews_close_at.clone()
                        hint=format!("{tz} time. Empty: open until you close them by hand.") error=field_error(error, "reviews_close_at")/>
                    <OrgField label="Accepted speakers confirm before" name="confirm_by" id="f-confirm_by" kind="datetime-local" value=v.confirm_by.clone()
                        hint=format!("{tz} time. Needed before acceptances are published; the mail states it.") error=field_error(error, "confirm_by")/>
                </div>
                <SubmitButton action=save label="Save settings"/>
            </Form>
        </section>
    }
}

#[component]
fn SlotsSection(slug: String, rows: Vec<FormatSlots>, action: ServerAction<SaveFormatSlots>) -> impl IntoView {
    let error = action_error(action);
    view! {
        <section class="card" id="slots">
            <h2>"Planned slots per format"</h2>
            <p class="hint">"How many talks of each format you plan to accept; the deliberation page shows e.g. “REX: 6 / 8”."</p>
            <FormError error=general_error(error)/>
            {if rows.is_empty() {
                view! { <p class="empty">"No formats yet: add them in the call for papers settings."</p> }.into_any()
            } else {
                view! {
                    <div class="org-table-wrap">
                        <table class="table">
                            <thead><tr><th scope="col">"Format"</th><th scope="col">"Accepted"</th><th scope="col">"Slots"</th></tr></thead>
                            <tbody>{rows.into_iter().map(|f| {
                                let p = format!("format-{}-", f.id);
                                let slug = slug.clone();
                                view! {
                                    <tr>
                                        <th scope="row">{f.name.clone()}{f.hidden.then(|| view! { " "<span class="badge warn">"hidden"</span> })}</th>
                                        <td>{f.accepted}</td>
                                        <td>
                                            <Form action row=("format_id", f.id.to_string())>
                                                <input type="hidden" name="slug" value=slug/>
                                                <input type="hidden" name="format_id" value=f.id/>
                                                <OrgField label="Slots" name="slots" id=format!("{p}slots") kind="number" min="0" max="500"
                                                    value=f.slots.clone() error=row_error(error, &p, "slots")/>
                                                <button type="submit" class="button">"Save"<span class="visually-hidden">" slots of "{f.name.clone()}</span></button>
                                            </Form>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}</tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn TemplatesSection(
    slug: String,
    templates: Vec<TemplateView>,
    placeholders: Vec<(String, String)>,
    save: ServerAction<SaveDecisionTemplate>,
    reset: ServerAction<ResetDecisionTemplate>,
) -> impl IntoView {
    let error = action_error(save);
    view! {
        <section class="card" id="templates">
            <h2>"Decision mails"</h2>
            <p class="hint">"One mail per speaker when decisions are published. These placeholders are replaced:"</p>
            <ul>
                {placeholders.into_iter().map(|(p, meaning)| view! { <li><code>{p}</code>" — "{meaning}</li> }).collect_view()}
            </ul>
            <FormError error=general_error(error)/>
            <FormError error=action_error(reset)/>
            {templates.into_iter().map(|t| view! { <TemplateForm slug=slug.clone() t save reset/> }).collect_view()}
        </section>
    }
}

#[component]
fn TemplateForm(
    slug: String,
    t: TemplateView,
    save: ServerAction<SaveDecisionTemplate>,
    reset: ServerAction<ResetDecisionTemplate>,
) -> impl IntoView {
    let error = action_error(save);
    let p = format!("template-{}-", t.decision);
    let body_id = format!("{p}body");
    let body_error = row_error(error, &p, "body");
    let body_err_id = format!("{body_id}-error");
    let (slug2, decision2) = (slug.clone(), t.decision.clone());
    view! {
        <h3>{t.label.clone()}" mail"{(!t.custom).then(|| view! { " "<span class="badge">"built-in text"</span> })}</h3>
        <Form action=save row=("decision", t.decision.clone())>
            <input type="hidden" name="slug" value=slug/>
            <input type="hidden" name="decision" value=t.decision.clone()/>
            <OrgField label="Subject" name="subject" id=format!("{p}subject") value=t.subject.clone() maxlength=200 required=true error=row_error(error, &p, "subject")/>
            <div class="field" class:has-error=move || body_error.get().is_some()>
                <label for=body_id.clone()>"Body"</label>
                <TextBox id=body_id.clone() name="body" rows=12 maxlength=10000 value=t.body.clone()
                    attr:aria-invalid=move || body_error.get().is_some().then_some("true")/>
                {move || body_error.get().map(|m| view! { <p class="field-error" id=body_err_id.clone()>{m}</p> })}
            </div>
            <button type="submit" class="button primary">"Save the "{t.label.to_lowercase()}" mail"</button>
        </Form>
        {t.custom.then(|| view! {
            <Form action=reset attr:class="org-delete">
                <input type="hidden" name="slug" value=slug2/>
                <input type="hidden" name="decision" value=decision2/>
                <button type="submit" class="link-button">"Use the built-in text"</button>
            </Form>
        })}
    }
}
