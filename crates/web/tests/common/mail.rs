//! A local SMTP server for tests that send mail: it accepts every message (loopback only,
//! and stops with the test) and keeps what it received.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// A message the sink accepted: its recipients and its text (headers and body).
#[derive(Clone, Debug)]
pub struct Mail {
    pub to: Vec<String>,
    pub text: String,
}

/// A local SMTP server that accepts every message (loopback only; stops with the test).
pub async fn smtp_sink() -> (String, Arc<Mutex<Vec<Mail>>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let received: Arc<Mutex<Vec<Mail>>> = Arc::default();
    let store = received.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let store = store.clone();
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut lines = BufReader::new(read).lines();
                let _ = write.write_all(b"220 sink ESMTP\r\n").await;
                let mut to = Vec::new();
                while let Ok(Some(line)) = lines.next_line().await {
                    let command = line.to_ascii_uppercase();
                    let reply: &[u8] = if command.starts_with("RCPT TO:") {
                        to.push(line[8..].trim().trim_matches(['<', '>']).to_string());
                        b"250 ok\r\n"
                    } else if command == "DATA" {
                        let _ = write.write_all(b"354 go on\r\n").await;
                        let mut text = String::new();
                        while let Ok(Some(line)) = lines.next_line().await {
                            if line == "." {
                                break;
                            }
                            text.push_str(&line);
                            text.push('\n');
                        }
                        store.lock().unwrap().push(Mail {
                            to: std::mem::take(&mut to),
                            text: unquote(&text),
                        });
                        b"250 queued\r\n"
                    } else if command == "QUIT" {
                        let _ = write.write_all(b"221 bye\r\n").await;
                        break;
                    } else {
                        b"250 ok\r\n"
                    };
                    let _ = write.write_all(reply).await;
                }
            });
        }
    });
    (addr, received)
}

/// The text with quoted-printable undone (soft line breaks, `=XX` bytes), as a mail
/// reader shows it.
fn unquote(text: &str) -> String {
    let joined = text.replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'=', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Waits (at most ten seconds) for a message whose text contains `subject`.
pub async fn mail_with(received: &Arc<Mutex<Vec<Mail>>>, subject: &str) -> Mail {
    for _ in 0..100 {
        if let Some(mail) = received
            .lock()
            .unwrap()
            .iter()
            .find(|m| m.text.contains(subject))
        {
            return mail.clone();
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no mail about '{subject}': {:?}", received.lock().unwrap());
}
