//! Published versions of the schedule: the list with each changelog, and one version as it was.
use leptos::prelude::*;

use super::api::{load_version, load_versions};
use crate::plumbing::{param, urls};
use crate::tr;
use crate::ui::{outcome, PageTitle};

#[component]
pub fn VersionsPage() -> impl IntoView {
    let slug = param("slug");
    let versions = Resource::new(move || slug(), load_versions);
    view! {
        <Transition fallback=|| view! { <p>{tr!(schedule.loading)}</p> }>
            {move || versions.get().map(|r| outcome(r, &urls::admin_schedule_versions(slug()), |v| {
                let s = v.event.slug.clone();
                view! {
                    <PageTitle text=tr!(schedule.versions.title, event = &v.event.name).to_string()/>
                    <p class="meta"><a href=urls::admin_schedule(&s)>{tr!(schedule.back_to_builder)}</a></p>
                    <h1>{tr!(schedule.versions.heading)}</h1>
                    {v.versions.is_empty().then(|| view! { <p class="empty">{tr!(schedule.versions.nothing)}</p> })}
                    {v.versions.into_iter().map(|ver| view! {
                        <section class="card">
                            <h2><a href=urls::admin_schedule_version(&s, &ver.number)>{ver.name.clone()}</a></h2>
                            <p class="meta">{tr!(schedule.versions.published, when = &ver.published).to_string()}</p>
                            <ul>{ver.changes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                        </section>
                    }).collect_view()}
                }
                .into_any()
            }))}
        </Transition>
    }
}

#[component]
pub fn VersionPage() -> impl IntoView {
    let slug = param("slug");
    let number = param("number");
    let version = Resource::new(move || (slug(), number()), |(s, n)| load_version(s, n));
    view! {
        <Transition fallback=|| view! { <p>{tr!(schedule.loading)}</p> }>
            {move || version.get().map(|r| outcome(r, &urls::admin_schedule_version(slug(), number()), |v| {
                let s = v.event.slug.clone();
                view! {
                    <PageTitle text=format!("{} — {}", v.version.name, v.event.name)/>
                    <p class="meta"><a href=urls::admin_schedule_versions(&s)>{tr!(schedule.versions.all)}</a></p>
                    <h1>{v.version.name.clone()}</h1>
                    <p class="meta">{tr!(schedule.versions.published, when = &v.version.published).to_string()}</p>
                    {v.days.into_iter().map(|(day, lines)| view! {
                        <section class="card">
                            <h2>{day}</h2>
                            <table class="table">
                                <thead><tr>
                                    <th scope="col">{tr!(schedule.versions.time)}</th>
                                    <th scope="col">{tr!(schedule.versions.room)}</th>
                                    <th scope="col">{tr!(schedule.versions.talk_title)}</th>
                                    <th scope="col">{tr!(schedule.versions.speakers)}</th>
                                </tr></thead>
                                <tbody>{lines.into_iter().map(|(time, room, title, speakers)| view! {
                                    <tr><td>{time}</td><td>{room}</td><th scope="row">{title}</th><td>{speakers}</td></tr>
                                }).collect_view()}</tbody>
                            </table>
                        </section>
                    }).collect_view()}
                }
                .into_any()
            }))}
        </Transition>
    }
}
