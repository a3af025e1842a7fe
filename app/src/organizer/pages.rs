//! The CFP settings page of an event: dates, limits, levels, languages, text; formats and tracks.
use leptos::prelude::*;

use super::api::{load_cfp_settings, AddFormat, AddTrack, DeleteFormat, DeleteTrack, SaveCfpSettings, UpdateFormat, UpdateTrack};
use super::{CfpSettingsView, FormatRow, TrackRow};
use crate::plumbing::{general_error, param, row_error, row_has_error, urls};
use crate::tr;
use crate::ui::{
    action_error, field_error, outcome, query_flag, Check, Form, FormError, Notice, OrgField, PageTitle, SubmitButton, VersionFields,
    Versions,
};
use domain::cfp::{Choice, Language, Level, CFP_TEXT_MAX};

/// A group of checkboxes with one error for the group.
#[component]
fn ChoiceGroup(
    legend: &'static str,
    /// (form field name, label, ticked)
    boxes: Vec<(&'static str, &'static str, bool)>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <fieldset class="org-checks" class:has-error=move || error.get().is_some()>
            <legend>{legend}</legend>
            {boxes.into_iter().map(|(name, label, on)| view! { <Check label name id=format!("f-{name}") checked=on/> }).collect_view()}
            {move || error.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
        </fieldset>
    }
}

#[component]
pub fn CfpSettingsPage() -> impl IntoView {
    let slug = param("slug");
    let save = ServerAction::<SaveCfpSettings>::new();
    let add_format = ServerAction::<AddFormat>::new();
    let update_format = ServerAction::<UpdateFormat>::new();
    let delete_format = ServerAction::<DeleteFormat>::new();
    let add_track = ServerAction::<AddTrack>::new();
    let update_track = ServerAction::<UpdateTrack>::new();
    let delete_track = ServerAction::<DeleteTrack>::new();
    // Reload after every change, even when only the query string of the page changes.
    let versions = move || {
        save.version().get()
            + add_format.version().get()
            + update_format.version().get()
            + delete_format.version().get()
            + add_track.version().get()
            + update_track.version().get()
            + delete_track.version().get()
    };
    let settings = Resource::new(move || (slug(), versions()), |(s, _)| load_cfp_settings(s));
    let flags = [
        (query_flag("saved"), tr!(organizer.cfp.flags.saved)),
        (query_flag("format_added"), tr!(organizer.cfp.flags.format_added)),
        (query_flag("format_saved"), tr!(organizer.cfp.flags.format_saved)),
        (query_flag("format_deleted"), tr!(organizer.cfp.flags.format_deleted)),
        (query_flag("track_added"), tr!(organizer.cfp.flags.track_added)),
        (query_flag("track_saved"), tr!(organizer.cfp.flags.track_saved)),
        (query_flag("track_deleted"), tr!(organizer.cfp.flags.track_deleted)),
    ];
    view! {
        <Transition fallback=|| view! { <p>{tr!(organizer.loading)}</p> }>
            {move || settings.get().map(|r| outcome(r, &urls::admin_cfp(slug()), |v| {
                let s = v.event.slug.clone();
                view! {
                    <PageTitle text=tr!(organizer.cfp.title, name = &v.event.name).to_string()/>
                    <p class="meta">
                        <a href=urls::admin_event(&s)>{tr!(organizer.nav.manage, name = &v.event.name).to_string()}</a>" · "
                        <a href=urls::admin_proposals(&s)>{tr!(organizer.nav.proposals)}</a>" · "
                        <a href=urls::admin_selection(&s)>{tr!(organizer.nav.selection)}</a>" · "
                        <a href=urls::admin_selection_settings(&s)>{tr!(organizer.nav.selection_settings)}</a>
                    </p>
                    <h1>{tr!(organizer.cfp.heading)}</h1>
                    {flags.into_iter().map(|(flag, text)| view! { {move || flag.get().then(|| view! { <Notice>{text}</Notice> })} }).collect_view()}
                    <p class="org-status">
                        <span class="badge" class:ok=v.status.open class:warn=!v.status.open>{if v.status.open { tr!(organizer.cfp.open) } else { tr!(organizer.cfp.closed) }}</span>" "
                        {v.status.headline.clone()}" "
                        <a href=format!("/events/{s}/cfp")>{tr!(organizer.cfp.public_link)}</a>
                    </p>
                    <SettingsForm v=v.clone() save/>
                    <FormatsSection slug=s.clone() rows=v.formats.clone() add=add_format update=update_format delete=delete_format/>
                    <TracksSection slug=s rows=v.tracks.clone() add=add_track update=update_track delete=delete_track/>
                }
                .into_any()
            }))}
        </Transition>
    }
}

#[component]
fn SettingsForm(v: CfpSettingsView, save: ServerAction<SaveCfpSettings>) -> impl IntoView {
    let error = action_error(save);
    let tz = v.time_zone.clone();
    let level = |l: Level, name: &'static str, label: &'static str| (name, label, v.levels.iter().any(|x| x == l.as_str()));
    let language = |l: Language, name: &'static str, label: &'static str| (name, label, v.languages.iter().any(|x| x == l.as_str()));
    let levels = vec![
        level(Level::Beginner, "level_beginner", tr!(common.levels.beginner)),
        level(Level::Intermediate, "level_intermediate", tr!(common.levels.intermediate)),
        level(Level::Advanced, "level_advanced", tr!(common.levels.advanced)),
    ];
    let cfp_versions = Versions {
        name: "cfp_text",
        others: "cfp_translations",
        language: crate::lang::parse(&v.default_language).unwrap_or_default(),
        first: v.cfp_text.clone(),
        translations: v.cfp_translations.clone(),
    };
    let languages = vec![
        language(Language::French, "lang_fr", tr!(common.languages.fr)),
        language(Language::English, "lang_en", tr!(common.languages.en)),
    ];
    view! {
        <section class="card">
            <h2>{tr!(organizer.cfp.rules)}</h2>
            <FormError error/>
            <Form action=save>
                <input type="hidden" name="slug" value=v.event.slug.clone()/>
                <div class="grid-2">
                    <OrgField label=tr!(organizer.cfp.opens_on) name="opens_at" id="f-opens_at" kind="datetime-local" value=v.opens_at.clone()
                        hint=tr!(organizer.cfp.opens_hint, zone = &tz).to_string() error=field_error(error, "opens_at")/>
                    <OrgField label=tr!(organizer.cfp.closes_on) name="closes_at" id="f-closes_at" kind="datetime-local" value=v.closes_at.clone()
                        hint=tr!(organizer.cfp.closes_hint, zone = &tz).to_string() error=field_error(error, "closes_at")/>
                </div>
                <OrgField label=tr!(organizer.cfp.max_proposals) name="max_proposals" id="f-max_proposals" kind="number" min="1" max="50"
                    value=v.max_proposals.clone() hint=tr!(organizer.cfp.max_hint) error=field_error(error, "max_proposals")/>
                <div class="grid-2">
                    <ChoiceGroup legend=tr!(organizer.cfp.levels) boxes=levels error=field_error(error, "levels")/>
                    <ChoiceGroup legend=tr!(organizer.cfp.languages) boxes=languages error=field_error(error, "languages")/>
                </div>
                <VersionFields versions=cfp_versions label=tr!(organizer.cfp.text) hint=tr!(organizer.cfp.text_hint) maxlength=CFP_TEXT_MAX as u32 rows=10 error/>
                <SubmitButton action=save label=tr!(organizer.cfp.save)/>
            </Form>
        </section>
    }
}

#[component]
fn FormatsSection(
    slug: String,
    rows: Vec<FormatRow>,
    add: ServerAction<AddFormat>,
    update: ServerAction<UpdateFormat>,
    delete: ServerAction<DeleteFormat>,
) -> impl IntoView {
    let add_error = action_error(add);
    let update_error = action_error(update);
    let slug2 = slug.clone();
    view! {
        <section class="card" id="formats">
            <h2>{tr!(organizer.formats.heading)}</h2>
            <p class="hint">{tr!(organizer.formats.hint)}</p>
            <FormError error=general_error(update_error)/>
            <FormError error=action_error(delete)/>
            {if rows.is_empty() {
                view! { <p class="empty">{tr!(organizer.formats.empty)}</p> }.into_any()
            } else {
                view! {
                    <div class="org-table-wrap">
                        <table class="table">
                            <thead><tr><th scope="col">{tr!(organizer.fields.name)}</th><th scope="col">{tr!(organizer.formats.duration)}</th><th scope="col">{tr!(organizer.fields.description)}</th><th scope="col">{tr!(organizer.fields.proposals)}</th></tr></thead>
                            <tbody>{rows.into_iter().map(|f| view! { <FormatLine slug=slug.clone() f update delete/> }).collect_view()}</tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            <h3>{tr!(organizer.formats.add)}</h3>
            <FormError error=add_error/>
            <Form action=add>
                <input type="hidden" name="slug" value=slug2/>
                <div class="grid-2">
                    <OrgField label=tr!(organizer.fields.name) name="name" id="new-format-name" maxlength=60 required=true error=field_error(add_error, "name")/>
                    <OrgField label=tr!(organizer.formats.duration_min) name="duration_min" id="new-format-duration" kind="number" min="5" max="480" required=true error=field_error(add_error, "duration_min")/>
                </div>
                <OrgField label=tr!(organizer.fields.description) name="description" id="new-format-description" maxlength=500 error=field_error(add_error, "description")/>
                <Check label=tr!(organizer.fields.hidden) name="hidden" id="new-format-hidden" checked=false/>
                <SubmitButton action=add label=tr!(organizer.formats.add_button)/>
            </Form>
        </section>
    }
}

#[component]
fn FormatLine(slug: String, f: FormatRow, update: ServerAction<UpdateFormat>, delete: ServerAction<DeleteFormat>) -> impl IntoView {
    let error = action_error(update);
    let p = format!("format-{}-", f.id);
    let open = row_has_error(error, p.clone());
    let id = f.id.to_string();
    let (slug2, id2) = (slug.clone(), id.clone());
    view! {
        <tr>
            <th scope="row">{f.name.clone()}{f.hidden.then(|| view! { " "<span class="badge warn">{tr!(organizer.fields.hidden_badge)}</span> })}</th>
            <td>{tr!(organizer.formats.minutes, n = f.duration_min).to_string()}</td>
            <td>{f.description.clone()}</td>
            <td>{f.proposals}</td>
        </tr>
        <tr class="org-edit-row">
            <td colspan="4">
                <details open=move || open.get()>
                    <summary>{tr!(organizer.fields.edit_or_delete, name = &f.name).to_string()}</summary>
                    <Form action=update row=("id", id2.clone())>
                        <input type="hidden" name="slug" value=slug2/>
                        <input type="hidden" name="id" value=id2/>
                        <div class="grid-2">
                            <OrgField label=tr!(organizer.fields.name) name="name" id=format!("{p}name") value=f.name.clone() maxlength=60 required=true error=row_error(error, &p, "name")/>
                            <OrgField label=tr!(organizer.formats.duration_min) name="duration_min" id=format!("{p}duration") kind="number" min="5" max="480"
                                value=f.duration_min.to_string() required=true error=row_error(error, &p, "duration_min")/>
                        </div>
                        <OrgField label=tr!(organizer.fields.description) name="description" id=format!("{p}description") value=f.description.clone() maxlength=500 error=row_error(error, &p, "description")/>
                        <Check label=tr!(organizer.fields.hidden) name="hidden" id=format!("{p}hidden") checked=f.hidden/>
                        <button type="submit" class="button primary">{tr!(organizer.formats.save)}</button>
                    </Form>
                    <Form action=delete attr:class="org-delete">
                        <input type="hidden" name="slug" value=slug/>
                        <input type="hidden" name="id" value=id/>
                        <button type="submit" class="link-button danger">{tr!(organizer.formats.delete)}</button>
                    </Form>
                </details>
            </td>
        </tr>
    }
}

#[component]
fn TracksSection(
    slug: String,
    rows: Vec<TrackRow>,
    add: ServerAction<AddTrack>,
    update: ServerAction<UpdateTrack>,
    delete: ServerAction<DeleteTrack>,
) -> impl IntoView {
    let add_error = action_error(add);
    let update_error = action_error(update);
    let slug2 = slug.clone();
    view! {
        <section class="card" id="tracks">
            <h2>{tr!(organizer.tracks.heading)}</h2>
            <p class="hint">{tr!(organizer.tracks.hint)}</p>
            <FormError error=general_error(update_error)/>
            <FormError error=action_error(delete)/>
            {if rows.is_empty() {
                view! { <p class="empty">{tr!(organizer.tracks.empty)}</p> }.into_any()
            } else {
                view! {
                    <div class="org-table-wrap">
                        <table class="table">
                            <thead><tr><th scope="col">{tr!(organizer.fields.name)}</th><th scope="col">{tr!(organizer.tracks.colour)}</th><th scope="col">{tr!(organizer.fields.description)}</th><th scope="col">{tr!(organizer.fields.proposals)}</th></tr></thead>
                            <tbody>{rows.into_iter().map(|t| view! { <TrackLine slug=slug.clone() t update delete/> }).collect_view()}</tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            <h3>{tr!(organizer.tracks.add)}</h3>
            <FormError error=add_error/>
            <Form action=add>
                <input type="hidden" name="slug" value=slug2/>
                <div class="grid-2">
                    <OrgField label=tr!(organizer.fields.name) name="name" id="new-track-name" maxlength=60 required=true error=field_error(add_error, "name")/>
                    <OrgField label=tr!(organizer.tracks.colour) name="colour" id="new-track-colour" kind="color" value="#0b5cad" error=field_error(add_error, "colour")/>
                </div>
                <OrgField label=tr!(organizer.fields.description) name="description" id="new-track-description" maxlength=500 error=field_error(add_error, "description")/>
                <Check label=tr!(organizer.fields.hidden) name="hidden" id="new-track-hidden" checked=false/>
                <SubmitButton action=add label=tr!(organizer.tracks.add_button)/>
            </Form>
        </section>
    }
}

#[component]
fn TrackLine(slug: String, t: TrackRow, update: ServerAction<UpdateTrack>, delete: ServerAction<DeleteTrack>) -> impl IntoView {
    let error = action_error(update);
    let p = format!("track-{}-", t.id);
    let open = row_has_error(error, p.clone());
    let id = t.id.to_string();
    let (slug2, id2) = (slug.clone(), id.clone());
    view! {
        <tr>
            <th scope="row">{t.name.clone()}{t.hidden.then(|| view! { " "<span class="badge warn">{tr!(organizer.fields.hidden_badge)}</span> })}</th>
            <td>
                <input type="color" class="org-swatch" value=t.colour.clone() disabled=true tabindex="-1" aria-hidden="true"/>" "
                <code>{t.colour.clone()}</code>
            </td>
            <td>{t.description.clone()}</td>
            <td>{t.proposals}</td>
        </tr>
        <tr class="org-edit-row">
            <td colspan="4">
                <details open=move || open.get()>
                    <summary>{tr!(organizer.fields.edit_or_delete, name = &t.name).to_string()}</summary>
                    <Form action=update row=("id", id2.clone())>
                        <input type="hidden" name="slug" value=slug2/>
                        <input type="hidden" name="id" value=id2/>
                        <div class="grid-2">
                            <OrgField label=tr!(organizer.fields.name) name="name" id=format!("{p}name") value=t.name.clone() maxlength=60 required=true error=row_error(error, &p, "name")/>
                            <OrgField label=tr!(organizer.tracks.colour) name="colour" id=format!("{p}colour") kind="color" value=t.colour.clone() error=row_error(error, &p, "colour")/>
                        </div>
                        <OrgField label=tr!(organizer.fields.description) name="description" id=format!("{p}description") value=t.description.clone() maxlength=500 error=row_error(error, &p, "description")/>
                        <Check label=tr!(organizer.fields.hidden) name="hidden" id=format!("{p}hidden") checked=t.hidden/>
                        <button type="submit" class="button primary">{tr!(organizer.tracks.save)}</button>
                    </Form>
                    <Form action=delete attr:class="org-delete">
                        <input type="hidden" name="slug" value=slug/>
                        <input type="hidden" name="id" value=id/>
                        <button type="submit" class="link-button danger">{tr!(organizer.tracks.delete)}</button>
                    </Form>
                </details>
            </td>
        </tr>
    }
}
