//! A talk's page, a speaker's page, "now & next" and the public changelog.
use leptos::prelude::*;
use leptos_meta::Meta;

use super::api::{load_changes, load_now_and_next, load_speaker, load_talk};
use super::favourites::{Star, StarTexts};
use super::{SpeakerCard, TalkLine};
use crate::plumbing::param;
use crate::tr;
use crate::ui::{outcome, PageTitle};

fn back_to_agenda(slug: &str, event_name: &str) -> impl IntoView {
    view! { <p class="meta"><a href=format!("/events/{slug}/agenda")>{tr!(agenda.title_of, what = event_name, event = tr!(agenda.agenda)).to_string()}</a></p> }
}

#[component]
pub fn TalkPage() -> impl IntoView {
    let slug = param("slug");
    let code = param("code");
    let data = Resource::new(move || (slug(), code()), |(s, c)| load_talk(s, c));
    view! {
        <StarTexts/>
        <Transition fallback=|| view! { <p>{tr!(agenda.loading)}</p> }>
            {move || data.get().map(|r| outcome(r, "", |t| {
                let style = (!t.track_colour.is_empty()).then(|| format!("--track:{}", t.track_colour));
                // Talks keep their own language, whatever the page's: screen readers switch voice.
                let content_lang = (!t.language_code.is_empty()).then(|| t.language_code.clone());
                view! {
                    <PageTitle text=tr!(agenda.title_of, what = &t.title, event = &t.event_name).to_string()/>
                    {back_to_agenda(&t.slug, &t.event_name)}
                    <article class="talk" style=style>
                        <h1 lang=content_lang.clone()>{t.title.clone()}</h1>
                        <p class="talk-when"><strong>{t.when.clone()}</strong>" · "{t.room.clone()}</p>
                        <p class="badges">
                            {(!t.track.is_empty()).then(|| view! { <span class="badge track">{t.track.clone()}</span> })}
                            <span class="badge">{t.format.clone()}</span>
                            {(!t.language.is_empty()).then(|| view! { <span class="badge lang">{t.language.clone()}</span> })}
                            {(!t.level.is_empty()).then(|| view! { <span class="badge">{t.level.clone()}</span> })}
                            {(!t.partner.is_empty()).then(|| view! { <span class="badge partner">{tr!(agenda.partner_of, partner = &t.partner).to_string()}</span> })}
                        </p>
                        <p class="talk-actions">
                            <Star code=t.code.clone() title=t.title.clone()/>
                            <a class="button" href=format!("/{}/talk/{}.ics", t.slug, t.code)>{tr!(agenda.add_to_calendar)}</a>
                        </p>
                        <div class="prose" lang=content_lang inner_html=t.abstract_html.html()></div>
                        <h2>{tr!(agenda.speakers)}</h2>
                        {t.speakers.into_iter().map(|c| view! { <SpeakerBlock c slug=t.slug.clone() heading=false/> }).collect_view()}
                    </article>
                }
                .into_any()
            }))}
        </Transition>
    }
}

/// Photo, name, role and bio; the name links to the speaker's page when `heading` is false.
#[component]
fn SpeakerBlock(c: SpeakerCard, slug: String, heading: bool) -> impl IntoView {
    let role = [c.job_title.as_str(), c.company.as_str()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", ");
    let name = match (&c.code, heading) {
        (Some(code), false) => view! { <h3><a href=format!("/events/{slug}/speaker/{code}")>{c.name.clone()}</a></h3> }.into_any(),
        (_, false) => view! { <h3>{c.name.clone()}</h3> }.into_any(),
        (_, true) => view! { <h1>{c.name.clone()}</h1> }.into_any(),
    };
    view! {
        <section class="speaker">
            {c.photo.clone().map(|src| view! { <img class="speaker-photo" src=src alt=tr!(agenda.photo_of, name = &c.name).to_string() width="96" height="96" loading="lazy"/> })}
            <div>
                {name}
                {(!role.is_empty()).then(|| view! { <p class="meta">{role}</p> })}
                <div class="prose" inner_html=c.bio_html.html()></div>
            </div>
        </section>
    }
}

fn talk_lines(slug: &str, lines: Vec<TalkLine>) -> impl IntoView {
    let slug = slug.to_string();
    view! {
        <ul class="talk-lines">
            {lines.into_iter().map(|t| {
                let title = match &t.code {
                    Some(c) => view! { <a href=format!("/events/{slug}/talk/{c}")>{t.title.clone()}</a> }.into_any(),
                    None => view! { <span>{t.title.clone()}</span> }.into_any(),
                };
                view! {
                    <li>
                        <p class="session-when">{t.when.clone()}" · "{t.room.clone()}</p>
                        <p class="session-title">{title}</p>
                        {(!t.speakers.is_empty()).then(|| view! { <p class="session-speakers">{t.speakers.clone()}</p> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
pub fn SpeakerPage() -> impl IntoView {
    let slug = param("slug");
    let code = param("code");
    let data = Resource::new(move || (slug(), code()), |(s, c)| load_speaker(s, c));
    view! {
        <Transition fallback=|| view! { <p>{tr!(agenda.loading)}</p> }>
            {move || data.get().map(|r| outcome(r, "", |v| view! {
                <PageTitle text=tr!(agenda.title_of, what = &v.card.name, event = &v.event_name).to_string()/>
                {back_to_agenda(&v.slug, &v.event_name)}
                <SpeakerBlock c=v.card.clone() slug=v.slug.clone() heading=true/>
                {(!v.links.is_empty()).then(|| view! {
                    <ul class="links">
                        {v.links.iter().map(|(label, url)| view! { <li><a href=url.clone() rel="me noopener noreferrer nofollow">{label.clone()}</a></li> }).collect_view()}
                    </ul>
                })}
                <h2>{tr!(agenda.talks)}</h2>
                {talk_lines(&v.slug, v.talks.clone())}
            }.into_any()))}
        </Transition>
    }
}

/// What is on in each room; reloads itself every minute, JavaScript or not.
#[component]
pub fn NowPage() -> impl IntoView {
    let slug = param("slug");
    let data = Resource::new(move || slug(), load_now_and_next);
    view! {
        <Meta http_equiv="refresh" content="60"/>
        <Transition fallback=|| view! { <p>{tr!(agenda.loading)}</p> }>
            {move || data.get().map(|r| outcome(r, "", |v| view! {
                <PageTitle text=tr!(agenda.title_of, what = tr!(agenda.now_and_next), event = &v.event_name).to_string()/>
                {back_to_agenda(&v.slug, &v.event_name)}
                <h1>{tr!(agenda.now_and_next)}</h1>
                <p class="meta">{v.clock.clone()}</p>
                {v.rooms.is_empty().then(|| view! { <p class="empty">{v.quiet.clone()}</p> })}
                <div class="now-rooms">
                    {v.rooms.into_iter().map(|r| view! {
                        <section class="card now-room">
                            <h2>{r.room.clone()}</h2>
                            <h3>{tr!(agenda.now)}</h3>
                            {talk_lines(&v.slug, r.now.into_iter().collect())}
                            <h3>{tr!(agenda.next)}</h3>
                            {talk_lines(&v.slug, r.next.into_iter().collect())}
                        </section>
                    }).collect_view()}
                </div>
            }.into_any()))}
        </Transition>
    }
}

#[component]
pub fn ChangesPage() -> impl IntoView {
    let slug = param("slug");
    let data = Resource::new(move || slug(), load_changes);
    view! {
        <Transition fallback=|| view! { <p>{tr!(agenda.loading)}</p> }>
            {move || data.get().map(|r| outcome(r, "", |v| view! {
                <PageTitle text=tr!(agenda.title_of, what = tr!(agenda.changes_title), event = &v.event.name).to_string()/>
                {back_to_agenda(&v.event.slug, &v.event.name)}
                <h1>{tr!(agenda.changes_title)}</h1>
                {v.versions.into_iter().map(|ver| view! {
                    <section class="card">
                        <h2>{ver.name.clone()}</h2>
                        <p class="meta">{ver.published.clone()}</p>
                        <ul>{ver.changes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                    </section>
                }).collect_view()}
            }.into_any()))}
        </Transition>
    }
}
