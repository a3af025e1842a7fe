//! Reviewer pages: the events to review, an event's queue, one proposal with the review form.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::api::{load_conflicts, load_review_events, load_review_queue, load_review_subject, AllowConflict, SaveReview};
use super::{OtherReview, QueueItem, ReviewQueue, ReviewSubject};
use crate::plumbing::{param, urls};
use crate::tr;
use crate::ui::{action_error, chosen, field_error, outcome, Choices, Form, FormError, Notice, PageTitle, TextArea};

/// "27 / 41 reviewed", with a progress bar people and screen readers can read.
#[component]
fn Progress(reviewed: usize, total: usize) -> impl IntoView {
    view! {
        <p class="review-progress">
            <label>
                <strong>{reviewed}" / "{total}</strong>{tr!(review.progress.reviewed)}
                <progress max=total.max(1) value=reviewed>{tr!(review.progress.of, reviewed = reviewed, total = total).to_string()}</progress>
            </label>
        </p>
    }
}

#[component]
pub fn ReviewHomePage() -> impl IntoView {
    let events = Resource::new(|| (), |_| load_review_events());
    view! {
        <PageTitle text=tr!(review.home.title)/>
        <h1>{tr!(review.home.heading)}</h1>
        <Suspense fallback=|| view! { <p>{tr!(review.loading)}</p> }>
            {move || events.get().map(|r| outcome(r, &urls::review(), |list| {
                if list.is_empty() {
                    return view! { <p class="empty">{tr!(review.home.empty)}</p> }.into_any();
                }
                view! {
                    <ul class="card-list">
                        {list.into_iter().map(|e| view! {
                            <li class="card">
                                <h2><a href=urls::review_queue(&e.event.slug)>{e.event.name.clone()}</a></h2>
                                <p class="meta">{e.event.dates.clone()}" · "{if e.open { tr!(review.home.open) } else { tr!(review.home.closed) }}</p>
                                <Progress reviewed=e.reviewed total=e.total/>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }))}
        </Suspense>
    }
}

#[component]
pub fn ReviewQueuePage() -> impl IntoView {
    let slug = param("slug");
    let query = use_query_map();
    let filter = move |k: &str| query.read().get(k).unwrap_or_default();
    let queue = Resource::new(move || (slug(), filter("format"), filter("track")), |(s, f, t)| load_review_queue(s, f, t));
    view! {
        <Suspense fallback=|| view! { <p>{tr!(review.loading)}</p> }>
            {move || queue.get().map(|r| outcome(r, &urls::review_queue(slug()), |q| view! {
                <QueueBody q format=filter("format") track=filter("track")/>
            }.into_any()))}
        </Suspense>
    }
}

#[component]
fn QueueBody(q: ReviewQueue, format: String, track: String) -> impl IntoView {
    let s = q.event.slug.clone();
    let base = urls::review_queue(&s);
    let none = Signal::derive(|| None::<String>);
    let offers = |o: &[crate::events::Offer]| o.iter().map(|x| (x.id.to_string(), x.name.clone())).collect::<Vec<_>>();
    let filtered = !format.is_empty() || !track.is_empty();
    view! {
        <PageTitle text=tr!(review.queue.title, name = &q.event.name).to_string()/>
        <p class="meta"><a href=urls::review()>{tr!(review.queue.review)}</a>" · "{q.event.dates.clone()}</p>
        <h1>{tr!(review.queue.heading, name = &q.event.name).to_string()}</h1>
        <section class="card">
            <Progress reviewed=q.reviewed total=q.total/>
            {(!q.closing.is_empty()).then(|| view! { <p>{q.closing.clone()}</p> })}
            {(q.excluded > 0).then(|| view! {
                <p class="hint">{tr!(review.queue.excluded, count = q.excluded as i32).to_string()}</p>
            })}
            {match q.next.clone() {
                Some(code) => view! { <a class="button primary" href=urls::review_proposal(&s, &code)>{tr!(review.queue.next)}</a> }.into_any(),
                None => view! { <p><strong>{tr!(review.queue.done)}</strong></p> }.into_any(),
            }}
        </section>
        <form method="get" action=base.clone() class="card org-filters" role="search">
            <h2>{tr!(review.queue.filter)}</h2>
            <div class="grid-2">
                <Choices label=tr!(review.fields.format) name="format" options=offers(&q.formats) selected=format placeholder=tr!(review.queue.any_format) error=none/>
                <Choices label=tr!(review.fields.track) name="track" options=offers(&q.tracks) selected=track placeholder=tr!(review.queue.any_track) error=none/>
            </div>
            <button type="submit" class="button">{tr!(review.queue.filter)}</button>" "
            {filtered.then(|| view! { <a href=base.clone()>{tr!(review.queue.clear)}</a> })}
        </form>
        <QueueTable slug=q.event.slug.clone() items=q.items/>
    }
}

#[component]
fn QueueTable(slug: String, items: Vec<QueueItem>) -> impl IntoView {
    if items.is_empty() {
        return view! { <p class="empty">{tr!(review.queue.empty)}</p> }.into_any();
    }
    view! {
        <div class="org-table-wrap">
            <table class="table">
                <thead><tr>
                    <th scope="col">{tr!(review.fields.title)}</th><th scope="col">{tr!(review.fields.format)}</th><th scope="col">{tr!(review.fields.track)}</th>
                    <th scope="col">{tr!(review.fields.level)}</th><th scope="col">{tr!(review.fields.language)}</th><th scope="col">{tr!(review.fields.your_score)}</th>
                </tr></thead>
                <tbody>
                    {items.into_iter().map(|i| view! {
                        <tr>
                            <td><a href=urls::review_proposal(&slug, &i.code)>{i.title}</a></td>
                            <td>{i.format}</td>
                            <td>{i.track}</td>
                            <td>{i.level}</td>
                            <td>{i.language}</td>
                            <td>{match i.my_score {
                                Some(s) => view! { <strong>{s}</strong> }.into_any(),
                                None => view! { <span class="badge warn">{tr!(review.queue.to_review)}</span> }.into_any(),
                            }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
pub fn ReviewProposalPage() -> impl IntoView {
    let slug = param("slug");
    let code = param("code");
    let save = ServerAction::<SaveReview>::new();
    let query = use_query_map();
    let subject = Resource::new(move || (slug(), code(), save.version().get()), |(s, c, _)| load_review_subject(s, c));
    let saved = move || query.read().get("saved").filter(|s| !s.is_empty());
    view! {
        <Suspense fallback=|| view! { <p>{tr!(review.loading)}</p> }>
            {move || subject.get().map(|r| outcome(r, &urls::review_proposal(slug(), code()), |p| {
                let notice = saved().map(|c| if c == p.code { tr!(review.form.saved) } else { tr!(review.form.saved_next) });
                view! {
                    {notice.map(|text| view! { <Notice>{text}</Notice> })}
                    <SubjectBody p save/>
                }.into_any()
            }))}
        </Suspense>
    }
}

#[component]
fn SubjectBody(p: ReviewSubject, save: ServerAction<SaveReview>) -> impl IntoView {
    let s = p.event.slug.clone();
    view! {
        <PageTitle text=tr!(review.subject.title, title = &p.title, name = &p.event.name).to_string()/>
        <p class="meta"><a href=urls::review_queue(&s)>{tr!(review.subject.back, name = &p.event.name).to_string()}</a>" · "{p.reviewed}" / "{p.total}{tr!(review.progress.reviewed_end)}</p>
        <h1>{p.title.clone()}</h1>
        <p class="badges">
            <span class="badge">{p.format.clone()}</span>" "<span class="badge">{p.track.clone()}</span>" "
            <span class="badge">{p.level.clone()}</span>" "<span class="badge">{p.language.clone()}</span>
        </p>
        <div class="review-layout">
            <article class="card">
                <h2>{tr!(review.subject.abstract_heading)}</h2>
                <div class="prose" inner_html=p.summary_html.html()></div>
                <h2>{tr!(review.subject.details)}</h2>
                <div class="prose" inner_html=p.details_html.html()></div>
                {(!p.references_html.is_empty()).then(|| view! { <h2>{tr!(review.subject.references)}</h2><div class="prose" inner_html=p.references_html.html()></div> })}
                <Speakers speakers=p.speakers.clone()/>
            </article>
            <aside>
                <ReviewForm p=p.clone() save/>
                <Others others=p.others.clone()/>
            </aside>
        </div>
    }
}

#[component]
fn Speakers(speakers: Option<Vec<super::NamedSpeaker>>) -> impl IntoView {
    match speakers {
        None => view! { <p class="hint">{tr!(review.subject.anonymous)}</p> }.into_any(),
        Some(list) => view! {
            <h2>{tr!(review.subject.speakers)}</h2>
            {list.into_iter().map(|sp| view! {
                <section class="speaker-card">
                    <h3>{sp.name}</h3>
                    <p class="meta">{sp.job_title}{(!sp.company.is_empty()).then(|| format!(" · {}", sp.company))}</p>
                    <div class="prose" inner_html=sp.bio_html.html()></div>
                </section>
            }).collect_view()}
        }
        .into_any(),
    }
}

/// The score choices: (value, label).
fn scores() -> [(&'static str, &'static str); 7] {
    [
        ("0", tr!(review.form.score_0)),
        ("1", "1"),
        ("2", "2"),
        ("3", "3"),
        ("4", "4"),
        ("5", tr!(review.form.score_5)),
        ("none", tr!(review.form.no_opinion)),
    ]
}

#[component]
fn ReviewForm(p: ReviewSubject, save: ServerAction<SaveReview>) -> impl IntoView {
    let error = action_error(save);
    let score_error = field_error(error, "score");
    let comment_error = field_error(error, "comment");
    if !p.open {
        return view! {
            <section class="card">
                <h2>{tr!(review.form.heading)}</h2>
                <p>{tr!(review.form.closed)}</p>
                {(!p.my_score.is_empty()).then(|| view! { <p>{tr!(review.form.your_score)}<strong>{if p.my_score == "none" { tr!(review.form.no_opinion).to_string() } else { p.my_score.clone() }}</strong></p> })}
                {(!p.my_comment.is_empty()).then(|| view! { <p>{p.my_comment.clone()}</p> })}
            </section>
        }
        .into_any();
    }
    view! {
        <section class="card">
            <h2>{tr!(review.form.heading)}</h2>
            <FormError error/>
            <Form action=save>
                <input type="hidden" name="slug" value=p.event.slug.clone()/>
                <input type="hidden" name="code" value=p.code.clone()/>
                <fieldset class="score-choices" class:has-error=move || score_error.get().is_some()>
                    <legend>{tr!(review.form.score)}</legend>
                    {scores().into_iter().map(|(value, label)| {
                        let id = format!("score-{value}");
                        let for_id = id.clone();
                        view! {
                            <label for=for_id class="score-choice">
                                <input type="radio" id=id name="score" value=value checked=chosen("score", value, p.my_score == value) required=true/>" "{label}
                            </label>
                        }
                    }).collect_view()}
                    {move || score_error.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                </fieldset>
                <TextArea label=tr!(review.form.comment) name="comment" value=p.my_comment.clone() rows=5 maxlength=2000
                    hint=tr!(review.form.comment_hint) error=comment_error/>
                {match p.next.clone() {
                    Some(next) => view! {
                        <button type="submit" class="button primary" name="next" value=next>{tr!(review.form.save_next)}</button>" "
                        <button type="submit" class="button">{tr!(review.form.save)}</button>
                    }.into_any(),
                    None => view! { <button type="submit" class="button primary">{tr!(review.form.save)}</button> }.into_any(),
                }}
            </Form>
        </section>
    }
    .into_any()
}

#[component]
fn Others(others: Option<Vec<OtherReview>>) -> impl IntoView {
    view! {
        <section class="card">
            <h2>{tr!(review.others.heading)}</h2>
            {match others {
                None => view! { <p class="hint">{tr!(review.others.hidden)}</p> }.into_any(),
                Some(list) if list.is_empty() => view! { <p class="hint">{tr!(review.others.none)}</p> }.into_any(),
                Some(list) => view! {
                    <ul class="other-reviews">
                        {list.into_iter().map(|o| view! {
                            <li><strong>{o.reviewer}</strong>": "{o.score}{(!o.comment.is_empty()).then(|| view! { <p>{o.comment}</p> })}</li>
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}

/// Organisers: reviewers flagged for proposals from their own company, with a way to lift each.
#[component]
pub fn ConflictsPage() -> impl IntoView {
    let slug = param("slug");
    let allow = ServerAction::<AllowConflict>::new();
    let error = action_error(allow);
    let view_data = Resource::new(move || (slug(), allow.version().get()), |(s, _)| load_conflicts(s));
    view! {
        <Suspense fallback=|| view! { <p>{tr!(review.loading)}</p> }>
            {move || view_data.get().map(|r| outcome(r, &urls::admin_conflicts(slug()), |v| {
                let s = v.event.slug.clone();
                view! {
                    <PageTitle text=tr!(review.conflicts.title, name = &v.event.name).to_string()/>
                    <p class="meta"><a href=urls::admin_event(&s)>{tr!(review.conflicts.manage, name = &v.event.name).to_string()}</a></p>
                    <h1>{tr!(review.conflicts.heading)}</h1>
                    <p>{tr!(review.conflicts.intro)}</p>
                    <FormError error/>
                    {if v.rows.is_empty() {
                        view! { <p class="empty">{tr!(review.conflicts.empty)}</p> }.into_any()
                    } else {
                        view! {
                            <div class="org-table-wrap"><table class="table">
                                <thead><tr><th scope="col">{tr!(review.conflicts.proposal)}</th><th scope="col">{tr!(review.conflicts.reviewer)}</th><th scope="col">{tr!(review.conflicts.company)}</th><th scope="col">{tr!(review.conflicts.allowed_col)}</th></tr></thead>
                                <tbody>{v.rows.into_iter().map(|c| { let s = s.clone(); view! {
                                    <tr>
                                        <td>{c.title}</td><td>{c.reviewer}</td><td>{c.company}</td>
                                        <td>{if c.allowed { view! { <span class="badge ok">{tr!(review.conflicts.allowed)}</span> }.into_any() } else { view! {
                                            <Form action=allow attr:class="inline-form">
                                                <input type="hidden" name="slug" value=s.clone()/>
                                                <input type="hidden" name="code" value=c.code/>
                                                <input type="hidden" name="email" value=c.reviewer_email/>
                                                <button type="submit" class="button small">{tr!(review.conflicts.allow)}</button>
                                            </Form>
                                        }.into_any() }}</td>
                                    </tr>
                                }}).collect_view()}</tbody>
                            </table></div>
                        }.into_any()
                    }}
                }.into_any()
            }))}
        </Suspense>
    }
}
