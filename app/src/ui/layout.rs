//! The frame of every page: skip link, header with who is signed in, main, footer.
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::auth::api::{who_am_i, SignOut};
use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::lang::{self, use_locale};
use crate::tr;
use crate::ui::{Form, PageTitle};

pub type UserResource = Resource<Result<Option<CurrentUser>, AppError>>;

/// The signed-in person's resource, refreshed on each navigation.
pub fn use_current_user() -> UserResource {
    expect_context::<UserResource>()
}

pub fn provide_current_user() {
    let location = use_location();
    let user: UserResource = Resource::new(move || location.pathname.get(), |_| who_am_i());
    provide_context(user);
}

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">{tr!(common.skip_to_content)}</a>
        <header class="site-header">
            <nav class="nav" aria-label=tr!(common.main_navigation)>
                <a class="brand" href="/">"Estrade"</a>
                <Transition fallback=|| ()>
                    <UserMenu/>
                </Transition>
                <LanguageSwitch/>
            </nav>
        </header>
        <main id="main" class="container" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <p>{tr!(common.footer)}</p>
        </footer>
    }
}

#[component]
fn UserMenu() -> impl IntoView {
    let user = use_current_user();
    let sign_out = ServerAction::<SignOut>::new();
    move || {
        let me = user.get().and_then(|r| r.ok()).flatten();
        match me {
            Some(me) => view! {
                <ul class="nav-links">
                    <li><a href="/">{tr!(common.nav.events)}</a></li>
                    <li><a href="/proposals">{tr!(common.nav.my_proposals)}</a></li>
                    <li><a href="/profile">{tr!(common.nav.profile)}</a></li>
                    {me.reviews.then(|| view! { <li><a href="/review">{tr!(common.nav.review)}</a></li> })}
                    {me.manages.then(|| view! { <li><a href="/admin">{tr!(common.nav.manage)}</a></li> })}
                    <li><a href="/account" class="who">{me.display_name.clone()}</a></li>
                    <li>
                        <Form action=sign_out attr:class="inline-form">
                            <button type="submit" class="link-button">{tr!(common.nav.sign_out)}</button>
                        </Form>
                    </li>
                </ul>
            }
            .into_any(),
            None => view! {
                <ul class="nav-links">
                    <li><a href="/signin">{tr!(common.nav.sign_in)}</a></li>
                    <li><a href="/signup" class="button small">{tr!(common.nav.sign_up)}</a></li>
                </ul>
            }
            .into_any(),
        }
    }
}

/// FR | EN: plain links to the switch, which comes back to this page; the current language is marked.
/// `rel="external"`: the switch is a server route, so the hydrated router lets the browser go there.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let location = use_location();
    let current = use_locale();
    // Reactive: the layout stays while the hydrated app moves between pages.
    let back = move || {
        let query = location.search.get();
        let query = query.trim_start_matches('?');
        if query.is_empty() {
            location.pathname.get()
        } else {
            format!("{}?{query}", location.pathname.get())
        }
    };
    view! {
        <ul class="lang-switch" aria-label=tr!(common.language.switch_label)>
            {lang::all()
                .iter()
                .map(|&l| {
                    let back = back.clone();
                    let name = leptos_i18n::td_string!(l, common.language.name);
                    let short = leptos_i18n::td_string!(l, common.language.short);
                    let code = lang::code(l);
                    view! {
                        <li>
                            <a
                                href=move || lang::switch_href(l, &back())
                                hreflang=code
                                lang=code
                                rel="external"
                                title=name
                                aria-current=(l == current).then_some("true")
                            >
                                {short}
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// The body of a 404 page; sets the status during server rendering.
#[component]
pub fn NotFoundNotice() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <PageTitle text=tr!(common.not_found.title)/>
        <section class="card narrow">
            <h1>{tr!(common.not_found.heading)}</h1>
            <p>{tr!(common.not_found.body)}<a href="/">{tr!(common.not_found.back)}</a></p>
        </section>
    }
}
