//! Delivery: SMTP when `SMTP_URL` is set, otherwise `.eml` files under `data/mail/`.
use std::path::PathBuf;
use std::time::Duration;

use lettre::message::{header::ContentType, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::entities::mail_outbox;

pub enum Mailer {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(AsyncFileTransport<Tokio1Executor>, PathBuf),
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Mailer::Smtp(_) => write!(f, "Mailer::Smtp"),
            Mailer::Files(_, dir) => write!(f, "Mailer::Files({})", dir.display()),
        }
    }
}

impl Mailer {
    /// An SMTP mailer from a URL such as `smtp://127.0.0.1:2525` or `smtps://user:pass@host`.
    pub fn smtp(url: &str) -> Result<Self, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("SMTP_URL is not usable: {e}"))?
            .timeout(Some(Duration::from_secs(10)))
            .build();
        Ok(Mailer::Smtp(transport))
    }

    /// A mailer that writes each mail as a `.eml` file into `dir` (created if missing).
    pub fn files(dir: PathBuf) -> Result<Self, String> {
        std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        Ok(Mailer::Files(AsyncFileTransport::new(&dir), dir))
    }

    pub fn describe(&self) -> String {
        match self {
            Mailer::Smtp(_) => "SMTP".into(),
            Mailer::Files(_, dir) => format!(".eml files in {}", dir.display()),
        }
    }

    /// Sends one outbox row; the error text is kept on the row for admins.
    pub async fn send(&self, from: &str, row: &mail_outbox::Model) -> Result<(), SendFailure> {
        let message = build_message(from, row).map_err(SendFailure::permanent)?;
        match self {
            Mailer::Smtp(t) => {
                t.send(message).await.map(|_| ()).map_err(|e| SendFailure { permanent: e.is_permanent(), reason: e.to_string() })
            }
            Mailer::Files(t, dir) => {
                let id = t.send(message).await.map_err(|e| SendFailure { permanent: false, reason: e.to_string() })?;
                tracing::debug!(mail_id = row.id, file = %dir.join(format!("{id}.eml")).display(), "mail written");
                Ok(())
            }
        }
    }
}

/// Why a mail was not handed over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendFailure {
    pub reason: String,
    /// The server refused it for good (a 5xx answer, an address that cannot be written): trying
    /// again cannot help.
    pub permanent: bool,
}

impl SendFailure {
    fn permanent(reason: String) -> Self {
        SendFailure { reason, permanent: true }
    }
}

/// The `Message-ID` of an outbox row: the same on every try, so a mail sent twice (a crash
/// between the SMTP server's acceptance and the row's update) is recognisable as one.
pub fn message_id(from: &Mailbox, row: &mail_outbox::Model) -> String {
    format!("<estrade.{}.{}@{}>", row.id, row.created_at.timestamp_millis(), from.email.domain())
}

fn build_message(from: &str, row: &mail_outbox::Model) -> Result<Message, String> {
    let from: Mailbox = from.parse().map_err(|e| format!("MAIL_FROM is not an address: {e}"))?;
    let to: Mailbox = row.to_addr.parse().map_err(|e| format!("bad recipient: {e}"))?;
    Message::builder()
        .message_id(Some(message_id(&from, row)))
        .from(from)
        .to(to)
        .subject(row.subject.clone())
        .multipart(body_of(row)?)
        .map_err(|e| e.to_string())
}

/// Text and HTML as alternatives, inside a mixed part with the attachment when there is one.
fn body_of(row: &mail_outbox::Model) -> Result<MultiPart, String> {
    let alternative = MultiPart::alternative()
        .singlepart(SinglePart::builder().header(ContentType::TEXT_PLAIN).body(row.body_text.clone()))
        .singlepart(SinglePart::builder().header(ContentType::TEXT_HTML).body(row.body_html.clone()));
    let (Some(name), Some(kind), Some(body)) = (&row.attachment_name, &row.attachment_type, &row.attachment_body) else {
        return Ok(alternative);
    };
    let kind = ContentType::parse(kind).map_err(|e| format!("attachment type: {e}"))?;
    let file = lettre::message::Attachment::new(name.clone()).body(body.clone(), kind);
    Ok(MultiPart::mixed().multipart(alternative).singlepart(file))
}
