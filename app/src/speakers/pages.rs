//! The speaker profile page and the talk library pages.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::api::{get_talk, my_profile, my_talk_list, RemovePhoto, SaveProfile, SaveTalk};
use super::{ProfileData, TalkData};
use crate::error::AppError;
use crate::plumbing::param;
use crate::tr;
use crate::ui::{
    action_error, field_error, outcome, query_flag, Choices, Field, Form, FormError, Notice, PageTitle, SubmitButton, TextArea,
};
use domain::cfp::{Choice, Language, Level, ABSTRACT_MAX, DETAILS_MAX, REFERENCES_MAX, TITLE_MAX};
use domain::profile::PhotoProblem;

#[component]
pub fn ProfilePage() -> impl IntoView {
    let data = Resource::new(|| (), |_| my_profile());
    let saved = query_flag("saved");
    let query = use_query_map();
    let photo_msg = move || {
        let q = query.read();
        match (q.get("photo").as_deref(), q.get("photo_error")) {
            (Some("saved"), _) => Some(Ok(tr!(speakers.profile.photo_saved))),
            (Some("removed"), _) => Some(Ok(tr!(speakers.profile.photo_removed))),
            (_, Some(code)) => Some(Err(PhotoProblem::from_code(&code)
                .map(|p| crate::lang::problems::here(&p.problem()))
                .unwrap_or_else(|| tr!(speakers.profile.photo_failed).to_string()))),
            _ => None,
        }
    };
    view! {
        <PageTitle text=tr!(speakers.profile.title)/>
        <h1>{tr!(speakers.profile.heading)}</h1>
        <p class="hint">{tr!(speakers.profile.intro)}</p>
        {move || saved.get().then(|| view! { <Notice>{tr!(speakers.profile.saved)}</Notice> })}
        {move || photo_msg().map(|m| match m {
            Ok(text) => view! { <Notice>{text}</Notice> }.into_any(),
            Err(text) => view! { <p class="notice notice-error" role="alert">{text}</p> }.into_any(),
        })}
        <Suspense fallback=|| view! { <p>{tr!(speakers.loading)}</p> }>
            {move || data.get().map(|r| outcome(r, "/profile", |d| view! { <PhotoForm d=d.clone()/><ProfileForm d/> }.into_any()))}
        </Suspense>
    }
}

#[component]
fn PhotoForm(d: ProfileData) -> impl IntoView {
    let remove = ServerAction::<RemovePhoto>::new();
    view! {
        <section class="card">
            <h2>{tr!(speakers.photo.heading)}</h2>
            {d.photo_src.clone().map(|src| view! { <img class="avatar" src=src alt=tr!(speakers.photo.current) width="96" height="96"/> })}
            <form method="post" action="/profile/photo" enctype="multipart/form-data" class="photo-form">
                <div class="field">
                    <label for="f-photo">{tr!(speakers.photo.upload_label)}</label>
                    <p class="hint" id="f-photo-hint">{tr!(speakers.photo.hint)}</p>
                    <input id="f-photo" type="file" name="photo" accept="image/jpeg,image/png,image/webp" required aria-describedby="f-photo-hint"/>
                </div>
                <button type="submit" class="button">{tr!(speakers.photo.upload)}</button>
            </form>
            {d.has_uploaded_photo.then(|| view! {
                <Form action=remove attr:class="inline-form">
                    <button type="submit" class="link-button danger">{tr!(speakers.photo.remove)}</button>
                </Form>
            })}
        </section>
    }
}

#[component]
fn ProfileForm(d: ProfileData) -> impl IntoView {
    let action = ServerAction::<SaveProfile>::new();
    let error = action_error(action);
    let f = d.form;
    view! {
        <section class="card">
            <h2>{tr!(speakers.profile.about_you)}</h2>
            <FormError error/>
            <Form action>
                <Field label=tr!(speakers.profile.public_name) name="public_name" value=f.public_name maxlength=80 autocomplete="name" error=field_error(error, "public_name")/>
                <div class="grid-2">
                    <Field label=tr!(speakers.profile.job_title) name="job_title" value=f.job_title required=false maxlength=100 autocomplete="organization-title" error=field_error(error, "job_title")/>
                    <Field label=tr!(speakers.profile.company) name="company" value=f.company required=false maxlength=100 autocomplete="organization" error=field_error(error, "company")/>
                </div>
                <TextArea label=tr!(speakers.profile.bio) name="bio" value=f.bio maxlength=3000 hint=tr!(speakers.profile.bio_hint) error=field_error(error, "bio")/>
                <Field label=tr!(speakers.profile.photo_url) name="photo_url" kind="url" value=f.photo_url required=false error=field_error(error, "photo_url")/>
                <div class="grid-2">
                    <Field label=tr!(speakers.profile.website) name="website" kind="url" value=f.website required=false hint="https://…" error=field_error(error, "website")/>
                    <Field label=tr!(speakers.profile.github) name="github" value=f.github required=false hint=tr!(speakers.profile.github_hint) error=field_error(error, "github")/>
                    <Field label=tr!(speakers.profile.linkedin) name="linkedin" kind="url" value=f.linkedin required=false hint="https://www.linkedin.com/in/…" error=field_error(error, "linkedin")/>
                    <Field label=tr!(speakers.profile.social) name="social" value=f.social required=false hint=tr!(speakers.profile.social_hint) error=field_error(error, "social")/>
                </div>
                <Field label=tr!(speakers.profile.city) name="city" value=f.city required=false maxlength=80 error=field_error(error, "city")/>
                <TextArea label=tr!(speakers.profile.private_notes) name="private_notes" value=f.private_notes maxlength=2000 rows=3
                    hint=tr!(speakers.profile.private_notes_hint) error=field_error(error, "private_notes")/>
                <SubmitButton action label=tr!(speakers.profile.save)/>
            </Form>
        </section>
    }
}

#[component]
pub fn TalksPage() -> impl IntoView {
    let talks = Resource::new(|| (), |_| my_talk_list());
    view! {
        <PageTitle text=tr!(speakers.talks.title)/>
        <h1>{tr!(speakers.talks.heading)}</h1>
        <p class="hint">{tr!(speakers.talks.intro)}</p>
        <p><a class="button" href="/talks/new">{tr!(speakers.talks.new)}</a></p>
        <Suspense fallback=|| view! { <p>{tr!(speakers.loading)}</p> }>
            {move || talks.get().map(|r| outcome(r, "/talks", |list| if list.is_empty() {
                view! { <p class="empty">{tr!(speakers.talks.empty)}</p> }.into_any()
            } else {
                view! { <ul class="talk-list">{list.into_iter().map(|t| view! {
                    <li><a href=format!("/talks/{}", t.id)>{t.talk.title}</a>" "<span class="meta">{crate::lang::labels::level(crate::lang::use_locale(), &t.talk.level)}</span></li>
                }).collect_view()}</ul> }.into_any()
            }))}
        </Suspense>
    }
}

#[component]
pub fn TalkPage() -> impl IntoView {
    let id = param("id");
    let talk = Resource::new(id, |id| async move {
        if id == "new" {
            Ok(TalkData::default())
        } else {
            get_talk(id).await
        }
    });
    let saved = query_flag("saved");
    view! {
        <PageTitle text=tr!(speakers.talk.title)/>
        <p><a href="/talks">{tr!(speakers.talk.back)}</a></p>
        {move || saved.get().then(|| view! { <Notice>{tr!(speakers.talk.saved)}</Notice> })}
        <Suspense fallback=|| view! { <p>{tr!(speakers.loading)}</p> }>
            {move || talk.get().map(|r: Result<TalkData, AppError>| outcome(r, &format!("/talks/{}", id()), |t| view! { <TalkEditor t/> }.into_any()))}
        </Suspense>
    }
}

/// (value, name in the page's language) of every choice.
fn pairs<C: Choice>(name: fn(crate::lang::Locale, &str) -> String) -> Vec<(String, String)> {
    let l = crate::lang::use_locale();
    C::ALL.iter().map(|c| (c.as_str().to_string(), name(l, c.as_str()))).collect()
}

#[component]
fn TalkEditor(t: TalkData) -> impl IntoView {
    let action = ServerAction::<SaveTalk>::new();
    let error = action_error(action);
    let f = t.talk;
    let is_new = t.id == 0;
    let levels = pairs::<Level>(crate::lang::labels::level);
    let languages = pairs::<Language>(crate::lang::labels::language);
    view! {
        <h1>{if is_new { tr!(speakers.talk.new).to_string() } else { f.title.clone() }}</h1>
        {(!t.proposals.is_empty()).then(|| view! {
            <p class="meta">{tr!(speakers.talk.proposed_to)}{t.proposals.into_iter().map(|(event, code, state)| view! {
                <a href=format!("/proposals/{code}")>{event}</a>" ("{state}") "
            }).collect_view()}</p>
        })}
        <FormError error/>
        <Form action attr:class="card">
            <input type="hidden" name="id" value=if is_new { String::new() } else { t.id.to_string() }/>
            <Field label=tr!(cfp.form.title) name="title" value=f.title minlength=5 maxlength=TITLE_MAX as u32 error=field_error(error, "title")/>
            <TextArea label=tr!(cfp.form.abstract_label) name="summary" value=f.summary maxlength=ABSTRACT_MAX as u32 rows=8 hint=tr!(speakers.talk.abstract_hint) error=field_error(error, "summary")/>
            <TextArea label=tr!(cfp.form.details) name="details" value=f.details maxlength=DETAILS_MAX as u32 rows=8 error=field_error(error, "details")/>
            <div class="grid-2">
                <Choices label=tr!(cfp.form.level) name="level" options=levels selected=f.level placeholder=tr!(cfp.form.choose_level) error=field_error(error, "level")/>
                <Choices label=tr!(speakers.talk.language) name="language" options=languages selected=f.language placeholder=tr!(cfp.form.choose_language) error=field_error(error, "language")/>
            </div>
            <TextArea label=tr!(speakers.talk.references) name="references" value=f.references maxlength=REFERENCES_MAX as u32 rows=3 error=field_error(error, "references")/>
            <SubmitButton action label=tr!(speakers.talk.save)/>
        </Form>
    }
}
