//! Outgoing mail: templates (shared), outbox and delivery (server only).
#[cfg(feature = "ssr")]
pub mod outbox;
pub mod templates;
#[cfg(feature = "ssr")]
pub mod transport;
pub mod volunteer_templates;

use serde::{Deserialize, Serialize};

/// A mail ready to queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub attachment: Option<Attachment>,
}

/// A text file sent along (a calendar file, say).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub filename: String,
    pub content_type: String,
    pub body: String,
}

impl Email {
    pub fn with_attachment(self, attachment: Attachment) -> Email {
        Email { attachment: Some(attachment), ..self }
    }
}

/// A mail the worker gave up on, or is still trying, as admins see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailedMail {
    pub id: i32,
    pub to: String,
    pub subject: String,
    pub attempts: i32,
    pub last_error: String,
    pub created_at: String,
    /// When it is tried next (mails still being tried).
    pub next_try: String,
}

/// The mails admins should know of: those still being tried after a failure, and those given up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailTroubles {
    pub retrying: Vec<FailedMail>,
    pub failed: Vec<FailedMail>,
}
