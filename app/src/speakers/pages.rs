//! The speaker profile page and the talk library pages.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::api::{get_talk, my_profile, my_talk_list, RemovePhoto, SaveProfile, SaveTalk};
use super::{ProfileData, TalkData};
use domain::cfp::{Choice, Language, Level, ABSTRACT_MAX, DETAILS_MAX, REFERENCES_MAX, TITLE_MAX};
use domain::profile::PhotoProblem;
use crate::error::AppError;
use crate::plumbing::param;
use crate::ui::{action_error, field_error, outcome, query_flag, Choices, Field, Form, FormError, Notice, PageTitle, SubmitButton, TextArea};

#[component]
pub fn ProfilePage() -> impl IntoView {
    let data = Resource::new(|| (), |_| my_profile());
    let saved = query_flag("saved");
    let query = use_query_map();
    let photo_msg = move || {
        let q = query.read();
        match (q.get("photo").as_deref(), q.get("photo_error")) {
            (Some("saved"), _) => Some(Ok("Your photo is saved.")),
            (Some("removed"), _) => Some(Ok("Your photo is removed.")),
            (_, Some(code)) => Some(Err(PhotoProblem::from_code(&code)
                .map(|p| crate::lang::problems::here(&p.problem()))
                .unwrap_or_else(|| "The photo could not be saved. Please try again.".to_string()))),
            _ => None,
        }
    };
    view! {
        <PageTitle text="Speaker profile — Estrade"/>
        <h1>"Your speaker profile"</h1>
        <p class="hint">"One profile for every event you submit to. Organisers see all of it; attendees see everything but your private notes."</p>
        {move || saved.get().then(|| view! { <Notice>"Profile saved."</Notice> })}
        {move || photo_msg().map(|m| match m {
            Ok(text) => view! { <Notice>{text}</Notice> }.into_any(),
            Err(text) => view! { <p class="notice notice-error" role="alert">{text}</p> }.into_any(),
        })}
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || data.get().map(|r| outcome(r, "/profile", |d| view! { <PhotoForm d=d.clone()/><ProfileForm d/> }.into_any()))}
        </Suspense>
    }
}

#[component]
fn PhotoForm(d: ProfileData) -> impl IntoView {
    let remove = ServerAction::<RemovePhoto>::new();
    view! {
        <section class="card">
            <h2>"Photo"</h2>
            {d.photo_src.clone().map(|src| view! { <img class="avatar" src=src alt="Your current photo" width="96" height="96"/> })}
            <form method="post" action="/profile/photo" enctype="multipart/form-data" class="photo-form">
                <div class="field">
                    <label for="f-photo">"Upload a photo"</label>
                    <p class="hint" id="f-photo-hint">"JPEG, PNG or WebP, at most 2 MB."</p>
                    <input id="f-photo" type="file" name="photo" accept="image/jpeg,image/png,image/webp" required aria-describedby="f-photo-hint"/>
                </div>
                <button type="submit" class="button">"Upload"</button>
            </form>
            {d.has_uploaded_photo.then(|| view! {
                <Form action=remove attr:class="inline-form">
                    <button type="submit" class="link-button danger">"Remove the uploaded photo"</button>
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
            <h2>"About you"</h2>
            <FormError error/>
            <Form action>
                <Field label="Public name" name="public_name" value=f.public_name maxlength=80 autocomplete="name" error=field_error(error, "public_name")/>
                <div class="grid-2">
                    <Field label="Job title" name="job_title" value=f.job_title required=false maxlength=100 autocomplete="organization-title" error=field_error(error, "job_title")/>
                    <Field label="Company or organisation" name="company" value=f.company required=false maxlength=100 autocomplete="organization" error=field_error(error, "company")/>
                </div>
                <TextArea label="Bio" name="bio" value=f.bio maxlength=3000 hint="A few sentences, in the third person. Markdown works." error=field_error(error, "bio")/>
                <Field label="Photo address (if you do not upload one)" name="photo_url" kind="url" value=f.photo_url required=false error=field_error(error, "photo_url")/>
                <div class="grid-2">
                    <Field label="Website" name="website" kind="url" value=f.website required=false hint="https://…" error=field_error(error, "website")/>
                    <Field label="GitHub" name="github" value=f.github required=false hint="User name or address." error=field_error(error, "github")/>
                    <Field label="LinkedIn" name="linkedin" kind="url" value=f.linkedin required=false hint="https://www.linkedin.com/in/…" error=field_error(error, "linkedin")/>
                    <Field label="Mastodon or Bluesky" name="social" value=f.social required=false hint="@you@instance.social or you.bsky.social" error=field_error(error, "social")/>
                </div>
                <Field label="City you would travel from" name="city" value=f.city required=false maxlength=80 error=field_error(error, "city")/>
                <TextArea label="Private notes for the organisers" name="private_notes" value=f.private_notes maxlength=2000 rows=3
                    hint="Accessibility needs, travel constraints… Only organisers read this." error=field_error(error, "private_notes")/>
                <SubmitButton action label="Save profile"/>
            </Form>
        </section>
    }
}

#[component]
pub fn TalksPage() -> impl IntoView {
    let talks = Resource::new(|| (), |_| my_talk_list());
    view! {
        <PageTitle text="My talks — Estrade"/>
        <h1>"My talk library"</h1>
        <p class="hint">"Write a talk once, then propose it to several events; each proposal keeps its own copy."</p>
        <p><a class="button" href="/talks/new">"Write a new talk"</a></p>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || talks.get().map(|r| outcome(r, "/talks", |list| if list.is_empty() {
                view! { <p class="empty">"Your library is empty."</p> }.into_any()
            } else {
                view! { <ul class="talk-list">{list.into_iter().map(|t| view! {
                    <li><a href=format!("/talks/{}", t.id)>{t.talk.title}</a>" "<span class="meta">{Level::label_of(&t.talk.level)}</span></li>
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
        <PageTitle text="Talk — Estrade"/>
        <p><a href="/talks">"← My talk library"</a></p>
        {move || saved.get().then(|| view! { <Notice>"Talk saved."</Notice> })}
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || talk.get().map(|r: Result<TalkData, AppError>| outcome(r, &format!("/talks/{}", id()), |t| view! { <TalkEditor t/> }.into_any()))}
        </Suspense>
    }
}

fn pairs<C: Choice>() -> Vec<(String, String)> {
    C::ALL.iter().map(|c| (c.as_str().to_string(), c.label().to_string())).collect()
}

#[component]
fn TalkEditor(t: TalkData) -> impl IntoView {
    let action = ServerAction::<SaveTalk>::new();
    let error = action_error(action);
    let f = t.talk;
    let is_new = t.id == 0;
    let levels = pairs::<Level>();
    let languages = pairs::<Language>();
    view! {
        <h1>{if is_new { "New talk".to_string() } else { f.title.clone() }}</h1>
        {(!t.proposals.is_empty()).then(|| view! {
            <p class="meta">"Proposed to: "{t.proposals.into_iter().map(|(event, code, state)| view! {
                <a href=format!("/proposals/{code}")>{event}</a>" ("{state}") "
            }).collect_view()}</p>
        })}
        <FormError error/>
        <Form action attr:class="card">
            <input type="hidden" name="id" value=if is_new { String::new() } else { t.id.to_string() }/>
            <Field label="Title" name="title" value=f.title minlength=5 maxlength=TITLE_MAX as u32 error=field_error(error, "title")/>
            <TextArea label="Abstract" name="summary" value=f.summary maxlength=ABSTRACT_MAX as u32 rows=8 hint="Public. Markdown works." error=field_error(error, "summary")/>
            <TextArea label="Details for the reviewers" name="details" value=f.details maxlength=DETAILS_MAX as u32 rows=8 error=field_error(error, "details")/>
            <div class="grid-2">
                <Choices label="Level" name="level" options=levels selected=f.level placeholder="Choose a level…" error=field_error(error, "level")/>
                <Choices label="Language" name="language" options=languages selected=f.language placeholder="Choose a language…" error=field_error(error, "language")/>
            </div>
            <TextArea label="References" name="references" value=f.references maxlength=REFERENCES_MAX as u32 rows=3 error=field_error(error, "references")/>
            <SubmitButton action label="Save talk"/>
        </Form>
    }
}
