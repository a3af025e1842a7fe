//! Shared components: layout, form fields, notices.
pub mod form;
pub mod layout;
pub mod outcome;

pub use form::{action_error, field_error, Choices, Field, FormError, Notice, Select, SubmitButton, TextArea};
pub use outcome::{outcome, query_flag};
pub use layout::{use_current_user, Layout, NotFoundNotice};
#[cfg(feature = "ssr")]
pub mod csp;
#[cfg(feature = "ssr")]
pub mod markdown;
