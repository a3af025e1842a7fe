//! The review settings page: anonymity, closing reviews, the confirmation deadline, planned slots
//! per format, and the wording of the three decision mails.
use leptos::prelude::*;

use super::api::{
    load_selection_settings, CloseReviews, ReopenReviews, ResetDecisionTemplate, SaveDecisionTemplate, SaveFormatSlots,
    SaveSelectionSettings,
};
use super::{FormatSlots, SelectionSettingsView, TemplateView};
use crate::plumbing::{general_error, param, row_error, urls};
use crate::tr;
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
        (query_flag("saved"), tr!(selection.settings.flags.saved)),
        (query_flag("closed"), tr!(selection.settings.flags.closed)),
        (query_flag("reopened"), tr!(selection.settings.flags.reopened)),
        (query_flag("slots_saved"), tr!(selection.settings.flags.slots_saved)),
        (query_flag("template_saved"), tr!(selection.settings.flags.template_saved)),
        (query_flag("template_reset"), tr!(selection.settings.flags.template_reset)),
    ];
    view! {
        <Transition fallback=|| view! { <p>{tr!(selection.loading)}</p> }>
            {move || settings.get().map(|r| outcome(r, &urls::admin_selection_settings(slug()), |v| {
                let s = v.event.slug.clone();
                view! {
                    <PageTitle text=tr!(selection.settings.title, name = &v.event.name).to_string()/>
                    <p class="meta">
                        <a href=urls::admin_event(&s)>{tr!(selection.nav.manage, name = &v.event.name).to_string()}</a>" · "
                        <a href=urls::admin_selection(&s)>{tr!(selection.nav.selection)}</a>" · "
                        <a href=urls::admin_selection_log(&s)>{tr!(selection.nav.audit)}</a>" · "
                        <a href=urls::admin_conflicts(&s)>{tr!(selection.nav.conflicts)}</a>
                    </p>
                    <h1>{tr!(selection.settings.heading)}</h1>
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
            <h2>{tr!(selection.settings.reviews)}</h2>
            <p class="org-status">
                <span class="badge" class:ok=open class:warn=!open>{if open { tr!(selection.settings.open) } else { tr!(selection.settings.closed) }}</span>" "
                {v.reviews_status.clone()}
            </p>
            <FormError error=action_error(close)/>
            <FormError error=action_error(reopen)/>
            {if v.closed_by_hand {
                view! {
                    <Form action=reopen>
                        <input type="hidden" name="slug" value=slug/>
                        <button type="submit" class="button">{tr!(selection.settings.reopen)}</button>
                    </Form>
                }.into_any()
            } else if open {
                view! {
                    <Form action=close>
                        <input type="hidden" name="slug" value=slug/>
                        <button type="submit" class="button">{tr!(selection.settings.close)}</button>
                    </Form>
                }.into_any()
            } else {
                view! { <p class="hint">{tr!(selection.settings.reopen_hint)}</p> }.into_any()
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
            <h2>{tr!(selection.settings.anonymity)}</h2>
            <FormError error/>
            <Form action=save>
                <input type="hidden" name="slug" value=v.event.slug.clone()/>
                <fieldset class="org-checks">
                    <legend>{tr!(selection.settings.reviewing)}</legend>
                    <Check label=tr!(selection.settings.anonymous) name="anonymous" id="f-anonymous" checked=v.anonymous/>
                    <Check label=tr!(selection.settings.hide_scores) name="hide_scores" id="f-hide_scores" checked=v.hide_scores_until_reviewed/>
                    <p class="hint">{tr!(selection.settings.anonymous_hint)}</p>
                </fieldset>
                <div class="grid-2">
                    <OrgField label=tr!(selection.settings.close_at) name="reviews_close_at" id="f-reviews_close_at" kind="datetime-local" value=v.reviews_close_at.clone()
                        hint=tr!(selection.settings.close_at_hint, zone = &tz).to_string() error=field_error(error, "reviews_close_at")/>
                    <OrgField label=tr!(selection.settings.confirm_by) name="confirm_by" id="f-confirm_by" kind="datetime-local" value=v.confirm_by.clone()
                        hint=tr!(selection.settings.confirm_by_hint, zone = &tz).to_string() error=field_error(error, "confirm_by")/>
                </div>
                <SubmitButton action=save label=tr!(selection.settings.save)/>
            </Form>
        </section>
    }
}

#[component]
fn SlotsSection(slug: String, rows: Vec<FormatSlots>, action: ServerAction<SaveFormatSlots>) -> impl IntoView {
    let error = action_error(action);
    view! {
        <section class="card" id="slots">
            <h2>{tr!(selection.settings.slots)}</h2>
            <p class="hint">{tr!(selection.settings.slots_hint)}</p>
            <FormError error=general_error(error)/>
            {if rows.is_empty() {
                view! { <p class="empty">{tr!(selection.settings.no_formats)}</p> }.into_any()
            } else {
                view! {
                    <div class="org-table-wrap">
                        <table class="table">
                            <thead><tr><th scope="col">{tr!(selection.fields.format)}</th><th scope="col">{tr!(selection.settings.accepted)}</th><th scope="col">{tr!(selection.settings.slots_col)}</th></tr></thead>
                            <tbody>{rows.into_iter().map(|f| {
                                let p = format!("format-{}-", f.id);
                                let slug = slug.clone();
                                view! {
                                    <tr>
                                        <th scope="row">{f.name.clone()}{f.hidden.then(|| view! { " "<span class="badge warn">{tr!(selection.settings.hidden)}</span> })}</th>
                                        <td>{f.accepted}</td>
                                        <td>
                                            <Form action row=("format_id", f.id.to_string())>
                                                <input type="hidden" name="slug" value=slug/>
                                                <input type="hidden" name="format_id" value=f.id/>
                                                <OrgField label=tr!(selection.settings.slots_col) name="slots" id=format!("{p}slots") kind="number" min="0" max="500"
                                                    value=f.slots.clone() error=row_error(error, &p, "slots")/>
                                                <button type="submit" class="button">{tr!(selection.settings.save_slots)}<span class="visually-hidden">" "{tr!(selection.settings.slots_of, format = &f.name).to_string()}</span></button>
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
            <h2>{tr!(selection.templates.heading)}</h2>
            <p class="hint">{tr!(selection.templates.hint)}</p>
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
    let p = format!("template-{}-{}-", t.decision, t.language);
    let body_id = format!("{p}body");
    let body_error = row_error(error, &p, "body");
    let body_err_id = format!("{body_id}-error");
    let (slug2, decision2, language2) = (slug.clone(), t.decision.clone(), t.language.clone());
    view! {
        <h3>{t.label.clone()}{(!t.custom).then(|| view! { " "<span class="badge">{tr!(selection.templates.builtin)}</span> })}</h3>
        <Form action=save row=("template", format!("{}-{}", t.decision, t.language))>
            <input type="hidden" name="slug" value=slug/>
            <input type="hidden" name="template" value=format!("{}-{}", t.decision, t.language)/>
            <input type="hidden" name="decision" value=t.decision.clone()/>
            <input type="hidden" name="language" value=t.language.clone()/>
            <OrgField label=tr!(selection.templates.subject) name="subject" id=format!("{p}subject") value=t.subject.clone() maxlength=200 required=true error=row_error(error, &p, "subject")/>
            <div class="field" class:has-error=move || body_error.get().is_some()>
                <label for=body_id.clone()>{tr!(selection.templates.body)}</label>
                <TextBox id=body_id.clone() name="body" rows=12 maxlength=10000 value=t.body.clone()
                    attr:aria-invalid=move || body_error.get().is_some().then_some("true")/>
                {move || body_error.get().map(|m| view! { <p class="field-error" id=body_err_id.clone()>{m}</p> })}
            </div>
            <button type="submit" class="button primary">{tr!(selection.templates.save, what = &t.label).to_string()}</button>
        </Form>
        {t.custom.then(|| view! {
            <Form action=reset attr:class="org-delete">
                <input type="hidden" name="slug" value=slug2/>
                <input type="hidden" name="decision" value=decision2/>
                <input type="hidden" name="language" value=language2/>
                <button type="submit" class="link-button">{tr!(selection.templates.use_builtin)}</button>
            </Form>
        })}
    }
}
