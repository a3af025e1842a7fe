//! The frame of every page: skip link, header with who is signed in, main, footer.
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::auth::api::{who_am_i, SignOut};
use crate::auth::CurrentUser;
use crate::error::AppError;
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
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <nav class="nav" aria-label="Main">
                <a class="brand" href="/">"Estrade"</a>
                <Transition fallback=|| ()>
                    <UserMenu/>
                </Transition>
            </nav>
        </header>
        <main id="main" class="container" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <p>"Estrade — open-source software for volunteer-run tech conferences."</p>
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
                    <li><a href="/proposals">"My proposals"</a></li>
                    <li><a href="/profile">"Profile"</a></li>
                    {me.reviews.then(|| view! { <li><a href="/review">"Review"</a></li> })}
                    {me.is_admin.then(|| view! { <li><a href="/admin">"Admin"</a></li> })}
                    <li><a href="/account" class="who">{me.display_name.clone()}</a></li>
                    <li>
                        <Form action=sign_out attr:class="inline-form">
                            <button type="submit" class="link-button">"Sign out"</button>
                        </Form>
                    </li>
                </ul>
            }
            .into_any(),
            None => view! {
                <ul class="nav-links">
                    <li><a href="/signin">"Sign in"</a></li>
                    <li><a href="/signup" class="button small">"Sign up"</a></li>
                </ul>
            }
            .into_any(),
        }
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
        <PageTitle text="Not found — Estrade"/>
        <section class="card narrow">
            <h1>"Page not found"</h1>
            <p>"This page does not exist, or it is not public. "<a href="/">"Back to the events"</a></p>
        </section>
    }
}
