//! The organisers' import page: choose (or paste) a frab / pretalx `schedule.json` or `schedule.xml`
//! for an event whose schedule is empty; it is imported and published in one go, or refused with the
//! first problem named and nothing changed.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::api::load_versions;
use crate::agenda::claim_page::ImportedSpeakersSection;
use crate::error::AppError;
use crate::plumbing::{param, urls};
use crate::tr;
use crate::ui::{action_error, outcome, Form, FormError, PageTitle, SubmitButton, TextBox};

#[cfg(feature = "ssr")]
use crate::auth::guard::{event_access, EventAccess};
#[cfg(feature = "ssr")]
use domain::roles::ORGANISERS;

/// What an import created.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub talks: usize,
    pub extras: usize,
    pub speakers: usize,
    pub version: i32,
    pub version_name: String,
}

/// Imports `file` (the text of a schedule) into the event: organisers of the event only. A file
/// that cannot be read is a 400 naming its first problem; an event with a schedule is a 409.
#[server(endpoint = "schedule/import")]
pub async fn import_schedule(slug: String, file: String) -> Result<ImportReport, AppError> {
    let state = crate::state::app_state();
    let EventAccess { event, user: me, .. } = event_access(&state.db, &slug, ORGANISERS).await?;
    let done = super::import::import(&state.db, &event, me.id, &file, state.clock.now()).await?;
    leptos_axum::redirect(&urls::admin_schedule_versions(&event.slug));
    Ok(ImportReport {
        talks: done.talks,
        extras: done.extras,
        speakers: done.speakers,
        version: done.version,
        version_name: done.version_name,
    })
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let slug = param("slug");
    let import = ServerAction::<ImportSchedule>::new();
    let versions = Resource::new(move || slug(), load_versions);
    view! {
        <Transition fallback=|| view! { <p>{tr!(import.page.loading)}</p> }>
            {move || versions.get().map(|r| outcome(r, &urls::admin_schedule_import(slug()), |v| {
                let s = v.event.slug.clone();
                let speakers_of = s.clone();
                view! {
                    <PageTitle text=tr!(import.page.title, event = &v.event.name).to_string()/>
                    <p class="meta"><a href=urls::admin_schedule(&s)>{tr!(import.page.back)}</a></p>
                    <h1>{tr!(import.page.heading)}</h1>
                    {(!v.versions.is_empty()).then(|| view! {
                        <p class="notice">{tr!(import.page.already)}</p>
                    })}
                    <p>
                        {tr!(import.page.intro_before)}<code>"schedule.json"</code>{tr!(import.page.or)}<code>"schedule.xml"</code>
                        {tr!(import.page.intro_after)}
                    </p>
                    <section class="card">
                        <FormError error=action_error(import)/>
                        <Form action=import>
                            <input type="hidden" name="slug" value=s.clone()/>
                            <FileText/>
                            <SubmitButton action=import label=tr!(import.page.button)/>
                        </Form>
                    </section>
                    <ImportedSpeakersSection slug=speakers_of/>
                }
                .into_any()
            }))}
        </Transition>
    }
}

/// A file picker that loads the chosen file into the text area the form sends (with JavaScript),
/// and the text area itself, where a file's text can also be pasted (without it).
#[component]
fn FileText() -> impl IntoView {
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let area = NodeRef::<leptos::html::Textarea>::new();
    view! {
        <div class="field" hidden=move || !hydrated.get()>
            <label for="f-upload">{tr!(import.page.upload_before)}<code>"server import"</code>{tr!(import.page.upload_after)}</label>
            <input id="f-upload" type="file" accept=".json,.xml,application/json,application/xml,text/xml" on:change=move |ev| read_file(ev, area)/>
        </div>
        <div class="field">
            <label for="f-file">{tr!(import.page.file_text)}</label>
            <TextBox id="f-file" name="file" rows=16 required=true node_ref=area attr:spellcheck="false"/>
        </div>
    }
}

#[cfg(feature = "hydrate")]
fn read_file(ev: leptos::ev::Event, into: NodeRef<leptos::html::Textarea>) {
    use wasm_bindgen::JsCast;
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
        return;
    };
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    leptos::task::spawn_local(async move {
        if let (Ok(v), Some(area)) = (wasm_bindgen_futures::JsFuture::from(file.text()).await, into.get_untracked()) {
            area.set_value(&v.as_string().unwrap_or_default());
        }
    });
}

#[cfg(not(feature = "hydrate"))]
fn read_file(_: leptos::ev::Event, _: NodeRef<leptos::html::Textarea>) {}
