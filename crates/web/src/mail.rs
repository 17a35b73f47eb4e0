//! The SMTP relay alerts and password-reset links go through, and whom they come from.

use std::time::Duration;

use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use suara_store::Alert;

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("smtp: '{0}' is not an SMTP address (smtp://HOST:PORT)")]
    Address(String),
    #[error("mail_from: '{0}' is not an e-mail address")]
    From(String),
}

/// The SMTP relay alerts go through and whom they come from.
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    /// `smtp` is `smtp://HOST[:PORT]` (port 25 by default): a relay on the machine or the
    /// private network that accepts the server's mail and carries it on (over TLS) itself.
    pub fn new(smtp: &str, from: &str) -> Result<Mailer, MailError> {
        let address = smtp
            .strip_prefix("smtp://")
            .ok_or_else(|| MailError::Address(smtp.into()))?;
        let (host, port) = match address.rsplit_once(':') {
            Some((host, port)) => (
                host,
                port.parse().map_err(|_| MailError::Address(smtp.into()))?,
            ),
            None => (address, 25),
        };
        if host.is_empty() {
            return Err(MailError::Address(smtp.into()));
        }
        Ok(Mailer {
            transport: AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
                .port(port)
                .timeout(Some(Duration::from_secs(20)))
                .build(),
            from: from.parse().map_err(|_| MailError::From(from.into()))?,
        })
    }

    pub(crate) async fn send(&self, alert: &Alert) -> Result<(), String> {
        let mut message = Message::builder()
            .from(self.from.clone())
            .subject(alert.subject.clone());
        for recipient in &alert.recipients {
            let mailbox: Mailbox = recipient.parse().map_err(|e| format!("{recipient}: {e}"))?;
            message = message.to(mailbox);
        }
        let message = message
            .body(alert.body.clone())
            .map_err(|e| e.to_string())?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}
