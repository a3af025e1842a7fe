//! Published versions of the schedule: the list with each changelog, and one version as it was.
use leptos::prelude::*;

use super::api::{load_version, load_versions};
use crate::plumbing::{param, urls};
use crate::ui::{outcome, PageTitle};

#[component]
pub fn VersionsPage() -> impl IntoView {
    let slug = param("slug");
    let versions = Resource::new(move || slug(), load_versions);
    view! {
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            {move || versions.get().map(|r| outcome(r, &urls::admin_schedule_versions(slug()), |v| {
                let s = v.event.slug.clone();
                view! {
                    <PageTitle text=format!("Published schedules — {}", v.event.name)/>
                    <p class="meta"><a href=urls::admin_schedule(&s)>"Back to the schedule builder"</a></p>
                    <h1>"Published schedules"</h1>
                    {v.versions.is_empty().then(|| view! { <p class="empty">"Nothing published yet."</p> })}
                    {v.versions.into_iter().map(|ver| view! {
                        <section class="card">
                            <h2><a href=urls::admin_schedule_version(&s, &ver.number)>{ver.name.clone()}</a></h2>
                            <p class="meta">{format!("Published {}", ver.published)}</p>
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
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            {move || version.get().map(|r| outcome(r, &urls::admin_schedule_version(slug(), number()), |v| {
                let s = v.event.slug.clone();
                view! {
                    <PageTitle text=format!("{} — {}", v.version.name, v.event.name)/>
                    <p class="meta"><a href=urls::admin_schedule_versions(&s)>"All published versions"</a></p>
                    <h1>{v.version.name.clone()}</h1>
                    <p class="meta">{format!("Published {}", v.version.published)}</p>
                    {v.days.into_iter().map(|(day, lines)| view! {
                        <section class="card">
                            <h2>{day}</h2>
                            <table class="table">
                                <thead><tr><th scope="col">"Time"</th><th scope="col">"Room"</th><th scope="col">"Title"</th><th scope="col">"Speakers"</th></tr></thead>
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
