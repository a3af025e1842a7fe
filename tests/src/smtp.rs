//! A real SMTP server (mailin-embedded) that keeps what it receives.
use std::io;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

use mailin_embedded::response::OK;
use mailin_embedded::{Handler, Response, Server};

/// A received mail, decoded.
#[derive(Debug, Clone)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    /// The `Message-ID` header, the same on every try of one outbox row.
    pub message_id: String,
    pub text: String,
    /// (file name, MIME type, decoded text) of each attachment.
    pub attachments: Vec<(String, String, String)>,
}

/// Every leaf part of a (possibly nested) multipart mail.
fn leaves<'a>(part: &'a mailparse::ParsedMail<'a>, out: &mut Vec<&'a mailparse::ParsedMail<'a>>) {
    if part.subparts.is_empty() {
        out.push(part);
    }
    for p in &part.subparts {
        leaves(p, out);
    }
}

impl Mail {
    pub fn parse(raw: &[u8]) -> Mail {
        let parsed = mailparse::parse_mail(raw).expect("a parseable mail");
        let header = |name: &str| {
            parsed.headers.iter().find(|h| h.get_key().eq_ignore_ascii_case(name)).map(|h| h.get_value()).unwrap_or_default()
        };
        let mut parts = Vec::new();
        leaves(&parsed, &mut parts);
        let disposition = |p: &mailparse::ParsedMail| p.get_content_disposition();
        let is_attachment = |p: &mailparse::ParsedMail| disposition(p).disposition == mailparse::DispositionType::Attachment;
        let text = parts
            .iter()
            .find(|p| !is_attachment(p) && (p.ctype.mimetype == "text/plain" || parts.len() == 1))
            .and_then(|p| p.get_body().ok())
            .unwrap_or_default();
        let attachments = parts
            .iter()
            .filter(|p| is_attachment(p))
            .map(|p| {
                let name = disposition(p).params.get("filename").cloned().unwrap_or_default();
                (name, p.ctype.mimetype.clone(), p.get_body().unwrap_or_default())
            })
            .collect();
        Mail { to: header("To"), subject: header("Subject"), message_id: header("Message-ID"), text, attachments }
    }

    /// The first link in the text body that starts with `prefix`.
    pub fn link(&self, prefix: &str) -> Option<String> {
        let start = self.text.find(prefix)?;
        let rest = &self.text[start..];
        let end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
        Some(rest[..end].to_string())
    }
}

#[derive(Clone)]
struct Collector {
    inbox: Arc<Mutex<Vec<Mail>>>,
    current: Vec<u8>,
}

impl Handler for Collector {
    fn data_start(&mut self, _domain: &str, _from: &str, _is8bit: bool, _to: &[String]) -> Response {
        self.current.clear();
        OK
    }

    fn data(&mut self, buf: &[u8]) -> io::Result<()> {
        self.current.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        let mail = Mail::parse(&self.current);
        self.inbox.lock().expect("inbox").push(mail);
        OK
    }

    fn helo(&mut self, _ip: IpAddr, _domain: &str) -> Response {
        OK
    }
}

/// An SMTP server on 127.0.0.1; it runs until the test process ends.
pub struct SmtpSink {
    pub port: u16,
    inbox: Arc<Mutex<Vec<Mail>>>,
}

impl SmtpSink {
    /// A port nothing listens on yet (so mail to it fails until `start_on` is called).
    pub fn free_port() -> u16 {
        std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
    }

    pub fn start() -> SmtpSink {
        Self::start_on(Self::free_port())
    }

    pub fn start_on(port: u16) -> SmtpSink {
        let inbox = Arc::new(Mutex::new(Vec::new()));
        let listener = std::net::TcpListener::bind(("127.0.0.1", port)).expect("bind SMTP port");
        let mut server = Server::new(Collector { inbox: inbox.clone(), current: Vec::new() });
        server.with_name("sink.estrade.test").with_num_threads(2).with_tcp_listener(listener);
        std::thread::spawn(move || {
            let _ = server.serve();
        });
        SmtpSink { port, inbox }
    }

    pub fn mails(&self) -> Vec<Mail> {
        self.inbox.lock().expect("inbox").clone()
    }
}
