//! Sign-in, sign-up, password reset, email verification and account pages.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::api::EraseAccount;
use crate::auth::api::{
    ChangeEmail, ChangePassword, RequestPasswordReset, ResendVerification, ResetPassword, SignIn, SignUp, UpdateProfile, VerifyEmail,
};
use crate::tr;
use crate::ui::{action_error, field_error, use_current_user, Field, Form, FormError, Notice, PageTitle, Select, SubmitButton};

fn query(name: &'static str) -> Memo<Option<String>> {
    let q = use_query_map();
    Memo::new(move |_| q.read().get(name))
}

/// `page` carrying on where the person was going (`?next=`), if anywhere.
fn with_next(page: &str, next: Option<String>) -> String {
    match next.filter(|n| !n.is_empty()) {
        Some(n) => format!("{page}?next={}", crate::plumbing::path_in_query(&n)),
        None => page.to_string(),
    }
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let action = ServerAction::<SignIn>::new();
    let error = action_error(action);
    let next = query("next");
    let reset_done = query("reset");
    view! {
        <PageTitle text=tr!(accounts.sign_in.title)/>
        <section class="card narrow">
            <h1>{tr!(accounts.sign_in.heading)}</h1>
            {move || reset_done.get().map(|_| view! { <Notice>{tr!(accounts.sign_in.reset_done)}</Notice> })}
            <FormError error/>
            <Form action>
                <input type="hidden" name="next" value=move || next.get().unwrap_or_default()/>
                <Field label=tr!(accounts.email) name="email" kind="email" autocomplete="username" error=field_error(error, "email")/>
                <Field label=tr!(accounts.password) name="password" kind="password" autocomplete="current-password" error=field_error(error, "password")/>
                <SubmitButton action label=tr!(accounts.sign_in.submit)/>
            </Form>
            <p class="aside"><a href="/reset">{tr!(accounts.sign_in.forgot)}</a>" · "<a href=move || with_next("/signup", next.get())>{tr!(accounts.sign_in.create)}</a></p>
        </section>
    }
}

#[component]
pub fn SignUpPage() -> impl IntoView {
    let action = ServerAction::<SignUp>::new();
    let error = action_error(action);
    let email = query("email");
    let next = query("next");
    view! {
        <PageTitle text=tr!(accounts.sign_up.title)/>
        <section class="card narrow">
            <h1>{tr!(accounts.sign_up.heading)}</h1>
            <p>{tr!(accounts.sign_up.intro)}</p>
            <FormError error/>
            <Form action>
                <input type="hidden" name="next" value=move || next.get().unwrap_or_default()/>
                <Field label=tr!(accounts.email) name="email" kind="email" autocomplete="email" value=email.get_untracked().unwrap_or_default() maxlength=254 error=field_error(error, "email")/>
                <Field label=tr!(accounts.your_name) name="display_name" autocomplete="name" maxlength=80 hint=tr!(accounts.sign_up.name_hint) error=field_error(error, "display_name")/>
                <Field label=tr!(accounts.password) name="password" kind="password" autocomplete="new-password" minlength=10 maxlength=128 hint=tr!(accounts.password_hint) error=field_error(error, "password")/>
                <SubmitButton action label=tr!(accounts.sign_up.submit)/>
            </Form>
            <p class="aside">{tr!(accounts.sign_up.have_account)}<a href=move || with_next("/signin", next.get())>{tr!(accounts.sign_up.sign_in)}</a></p>
        </section>
    }
}

#[component]
pub fn ResetRequestPage() -> impl IntoView {
    let action = ServerAction::<RequestPasswordReset>::new();
    let error = action_error(action);
    let sent = query("sent");
    view! {
        <PageTitle text=tr!(accounts.reset.title)/>
        <section class="card narrow">
            <h1>{tr!(accounts.reset.heading)}</h1>
            {move || sent.get().map(|_| view! {
                <Notice>{tr!(accounts.reset.sent)}</Notice>
            })}
            <FormError error/>
            <Form action>
                <Field label=tr!(accounts.email) name="email" kind="email" autocomplete="email" error=field_error(error, "email")/>
                <SubmitButton action label=tr!(accounts.reset.submit)/>
            </Form>
        </section>
    }
}

#[component]
pub fn ResetConfirmPage() -> impl IntoView {
    let action = ServerAction::<ResetPassword>::new();
    let error = action_error(action);
    let token = query("token");
    view! {
        <PageTitle text=tr!(accounts.reset_confirm.title)/>
        <section class="card narrow">
            <h1>{tr!(accounts.reset_confirm.heading)}</h1>
            <FormError error/>
            {move || field_error(error, "token").get().map(|m| view! { <p class="field-error">{m}" "<a href="/reset">{tr!(accounts.reset_confirm.new_link)}</a></p> })}
            <Form action>
                <input type="hidden" name="token" value=move || token.get().unwrap_or_default()/>
                <Field label=tr!(accounts.reset_confirm.new_password) name="password" kind="password" autocomplete="new-password" minlength=10 maxlength=128 hint=tr!(accounts.password_hint) error=field_error(error, "password")/>
                <SubmitButton action label=tr!(accounts.reset_confirm.submit)/>
            </Form>
        </section>
    }
}

#[component]
pub fn VerifyPage() -> impl IntoView {
    let action = ServerAction::<VerifyEmail>::new();
    let error = action_error(action);
    let token = query("token");
    view! {
        <PageTitle text=tr!(accounts.verify.title)/>
        <section class="card narrow">
            <h1>{tr!(accounts.verify.heading)}</h1>
            <FormError error/>
            {move || field_error(error, "token").get().map(|m| view! { <p class="field-error">{m}</p> })}
            <Form action>
                <input type="hidden" name="token" value=move || token.get().unwrap_or_default()/>
                <SubmitButton action label=tr!(accounts.verify.submit)/>
            </Form>
        </section>
    }
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let user = use_current_user();
    view! {
        <PageTitle text=tr!(accounts.account.title)/>
        <Transition fallback=|| view! { <p>{tr!(accounts.account.loading)}</p> }>
            {move || match user.get().and_then(|r| r.ok()).flatten() {
                None => view! {
                    <section class="card narrow">
                        <h1>{tr!(accounts.account.heading)}</h1>
                        <p>{tr!(accounts.account.please)}<a href="/signin?next=/account">{tr!(accounts.account.sign_in)}</a>{tr!(accounts.account.to_see)}</p>
                    </section>
                }.into_any(),
                Some(me) => view! { <AccountDetails me/> }.into_any(),
            }}
        </Transition>
    }
}

#[component]
fn AccountDetails(me: crate::auth::CurrentUser) -> impl IntoView {
    let profile = ServerAction::<UpdateProfile>::new();
    let profile_error = action_error(profile);
    let password = ServerAction::<ChangePassword>::new();
    let password_error = action_error(password);
    let resend = ServerAction::<ResendVerification>::new();
    let flags = use_query_map();
    let flag = move |name: &'static str| flags.read().get(name).is_some();
    view! {
        <h1>{tr!(accounts.account.heading)}</h1>
        {move || flag("welcome").then(|| view! { <Notice>{tr!(accounts.account.welcome)}</Notice> })}
        {move || flag("verified").then(|| view! { <Notice>{tr!(accounts.account.verified)}</Notice> })}
        {move || flag("saved").then(|| view! { <Notice>{tr!(accounts.account.saved)}</Notice> })}
        {move || flag("password").then(|| view! { <Notice>{tr!(accounts.account.password_changed)}</Notice> })}
        {move || flag("resent").then(|| view! { <Notice>{tr!(accounts.account.resent)}</Notice> })}
        {move || flag("email").then(|| view! { <Notice>{tr!(accounts.account.email_changed)}</Notice> })}
        <section class="card">
            <h2>{tr!(accounts.account.profile)}</h2>
            <p>{tr!(accounts.account.email_label)}<strong>{me.email.clone()}</strong>
                {if me.verified { view! { <span class="badge ok">{tr!(accounts.account.confirmed)}</span> }.into_any() } else {
                    view! {
                        <span class="badge warn">{tr!(accounts.account.not_confirmed)}</span>
                        <Form action=resend attr:class="inline-form">
                            <button type="submit" class="link-button">{tr!(accounts.account.resend)}</button>
                        </Form>
                    }.into_any()
                }}
            </p>
            <FormError error=profile_error/>
            <Form action=profile>
                <Field label=tr!(accounts.your_name) name="display_name" autocomplete="name" maxlength=80 value=me.display_name.clone() error=field_error(profile_error, "display_name")/>
                <Select
                    label=tr!(accounts.account.language)
                    name="language"
                    options=crate::lang::choices()
                    selected=me.language.clone().unwrap_or_else(|| crate::lang::code(crate::lang::use_locale()).to_string())
                    error=field_error(profile_error, "language")
                />
                <SubmitButton action=profile label=tr!(accounts.account.save)/>
            </Form>
        </section>
        <section class="card">
            <h2>{tr!(accounts.account.change_password)}</h2>
            <p class="hint">{tr!(accounts.account.other_sessions)}</p>
            <FormError error=password_error/>
            <Form action=password>
                <Field label=tr!(accounts.account.current_password) name="current_password" kind="password" autocomplete="current-password" error=field_error(password_error, "current_password")/>
                <Field label=tr!(accounts.account.new_password) name="new_password" kind="password" autocomplete="new-password" minlength=10 maxlength=128 hint=tr!(accounts.password_hint) error=field_error(password_error, "new_password")/>
                <SubmitButton action=password label=tr!(accounts.account.change_password)/>
            </Form>
        </section>
        <ChangeEmailForm/>
        <EraseAccountForm/>
    }
}

#[component]
fn ChangeEmailForm() -> impl IntoView {
    let action = ServerAction::<ChangeEmail>::new();
    let error = action_error(action);
    view! {
        <section class="card">
            <h2>{tr!(accounts.account.change_email)}</h2>
            <p class="hint">{tr!(accounts.account.change_email_hint)}</p>
            <FormError error/>
            <Form action>
                <Field label=tr!(accounts.account.new_email) name="new_email" kind="email" autocomplete="email" maxlength=254 error=field_error(error, "new_email")/>
                <Field label=tr!(accounts.account.current_password) name="password" kind="password" autocomplete="current-password" error=field_error(error, "password")/>
                <SubmitButton action label=tr!(accounts.account.change_email)/>
            </Form>
        </section>
    }
}

/// Deleting the account, saying first what goes and what stays, and why.
#[component]
fn EraseAccountForm() -> impl IntoView {
    let action = ServerAction::<EraseAccount>::new();
    let error = action_error(action);
    view! {
        <section class="card danger-zone">
            <h2>{tr!(accounts.erase.heading)}</h2>
            <p>{tr!(accounts.erase.goes)}</p>
            <p>{tr!(accounts.erase.stays)}</p>
            <FormError error/>
            <Form action>
                <Field label=tr!(accounts.account.current_password) name="password" kind="password" autocomplete="current-password" error=field_error(error, "password")/>
                <crate::ui::Check label=tr!(accounts.erase.understand) name="confirm" id="f-confirm" checked=false/>
                {move || field_error(error, "confirm").get().map(|m| view! { <p class="field-error">{m}</p> })}
                <button type="submit" class="button danger">{tr!(accounts.erase.submit)}</button>
            </Form>
        </section>
    }
}
