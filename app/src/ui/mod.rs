//! Shared components: layout, form fields, notices.
pub mod flash;
pub mod form;
pub mod layout;
pub mod outcome;
pub mod safe_html;
pub mod title;
pub mod versions;

pub use flash::{chosen, ticked, typed_or, Form};
pub use form::{action_error, field_error, Check, Choices, Field, FormError, Notice, OrgField, Select, SubmitButton, TextArea, TextBox};
pub use layout::{use_current_user, Layout, NotFoundNotice};
pub use outcome::{outcome, query_flag, query_value};
pub use safe_html::SafeHtml;
pub use title::PageTitle;
pub use versions::{VersionFields, Versions};
#[cfg(test)]
pub(crate) mod checks;
#[cfg(feature = "ssr")]
pub mod csp;
#[cfg(feature = "ssr")]
pub mod flash_store;
#[cfg(feature = "ssr")]
pub mod markdown;
#[cfg(test)]
mod untranslated;
