//! Single sign-on against a real OpenID Connect provider (the certified `oidc-provider`
//! package, started by this test on loopback from `tests/sso/`): staff land on the dashboard
//! with the role their group maps to; a pay-touching role the provider did not ask for a
//! second factor still gives suara's code; no role, two roles, an unknown unit, a disabled
//! account or a provider user named like a local account are refused in words; a forged,
//! replayed or cookie-less return signs no one in.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{set_cookie_value, Session, TestApp};
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use reqwest::StatusCode;
use suara_domain::access::Role;
use suara_store::testing::TestDatabase;
use suara_store::AccountChange;

suara_store::backend_tests!(staff_sign_in_through_the_regency_identity_provider);

const CLIENT_SECRET: &str = "rahasia-klien-uji";
const PROVIDER_PASSWORD: &str = "rahasia-uji";

/// The provider's process: stopped when the test ends, however it ends.
struct Provider {
    child: Child,
    base: String,
    /// The provider's own cookies, as the browser keeps them.
    jar: Vec<(String, String)>,
    client: reqwest::Client,
}

impl Drop for Provider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn provider_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sso")
}

fn start_provider(port: u16, redirect: &str) -> Provider {
    let mut child = Command::new("node")
        .arg("provider.mjs")
        .current_dir(provider_dir())
        .env("PORT", port.to_string())
        .env("CLIENT_ID", "suara")
        .env("CLIENT_SECRET", CLIENT_SECRET)
        .env("REDIRECT_URI", redirect)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("node runs");
    let stdout = child.stdout.take().unwrap();
    let (ready, waiting) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if line.contains("listening") {
                let _ = ready.send(());
            }
        }
    });
    waiting
        .recv_timeout(Duration::from_secs(30))
        .expect("the provider starts within 30 s");
    Provider {
        child,
        // `localhost`, not 127.0.0.1: a browser keeps the provider's cookies apart from the
        // app's by host name.
        base: format!("http://localhost:{port}"),
        jar: Vec::new(),
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap(),
    }
}

impl Provider {
    async fn send(&mut self, request: reqwest::RequestBuilder) -> reqwest::Response {
        let cookies: Vec<String> = self.jar.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let response = request
            .header(COOKIE, cookies.join("; "))
            .send()
            .await
            .unwrap();
        for value in response.headers().get_all(SET_COOKIE) {
            let pair = value.to_str().unwrap().split(';').next().unwrap();
            let (name, value) = pair.split_once('=').unwrap();
            self.jar.retain(|(k, _)| k != name);
            self.jar.push((name.to_string(), value.to_string()));
        }
        response
    }

    /// Follows the provider's redirects from `address`, signing in as `username` on its form
    /// (in a browser of their own, with none of the provider's cookies yet), until it sends
    /// the browser back to the app; that address.
    async fn sign_in(&mut self, address: &str, username: &str) -> String {
        self.jar.clear();
        let mut address = address.to_string();
        let started = Instant::now();
        while address.starts_with(&self.base) {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "the provider loops"
            );
            let request = self.client.get(&address);
            let response = self.send(request).await;
            let next = match response.status() {
                StatusCode::OK => {
                    // The provider's sign-in form.
                    let form = [("username", username), ("password", PROVIDER_PASSWORD)];
                    let request = self.client.post(&address).form(&form);
                    self.send(request).await
                }
                _ => response,
            };
            assert!(next.status().is_redirection(), "{}", next.status());
            let to = next.headers()[LOCATION].to_str().unwrap();
            address = if to.starts_with('/') {
                format!("{}{to}", self.base)
            } else {
                to.to_string()
            };
        }
        address
    }
}

/// A browser signing in through the provider as `username`: the app's answer to the
/// return, and the cookie the app set for the way there.
async fn through_provider(
    app: &TestApp,
    provider: &mut Provider,
    username: &str,
) -> (reqwest::Response, String) {
    let page = app.get("/masuk").await.text().await.unwrap();
    assert!(page.contains("Masuk dengan Akun Pemkab Uji"), "{page}");
    let start = app.get("/masuk/sso?lang=id").await;
    assert_eq!(start.status(), StatusCode::SEE_OTHER);
    let kept = set_cookie_value(&start, "__Host-suara_sso").expect("the way there is kept");
    let to = start.headers()[LOCATION].to_str().unwrap().to_string();
    assert!(to.starts_with(&provider.base), "{to}");
    let back = provider.sign_in(&to, username).await;
    assert!(back.starts_with(&app.url("/masuk/sso/kembali")), "{back}");
    let answer = app
        .client
        .get(&back)
        .header(COOKIE, format!("__Host-suara_sso={kept}"))
        .send()
        .await
        .unwrap();
    (answer, back)
}

fn session_of(response: &reqwest::Response) -> Session {
    Session {
        cookie: set_cookie_value(response, "suara_session").expect("a session"),
        csrf: String::new(),
        landing: response.headers()[LOCATION].to_str().unwrap().to_string(),
    }
}

async fn refusal(response: reqwest::Response, status: StatusCode, words: &str) {
    assert_eq!(response.status(), status);
    assert!(set_cookie_value(&response, "suara_session").is_none());
    let page = response.text().await.unwrap();
    assert!(page.contains(words), "{words:?} not in {page}");
}

async fn staff_sign_in_through_the_regency_identity_provider(db: TestDatabase) {
    let url = db.url.clone();
    if Command::new("node").arg("--version").output().is_err()
        || !provider_dir().join("node_modules/oidc-provider").exists()
    {
        eprintln!(
            "SKIPPED: the provider needs node and `npm ci --prefix crates/web/tests/sso` \
             (.ci/run does both)"
        );
        return;
    }
    let port = suara_store::testing::free_port();
    let config: suara_app::sso::SsoConfig = serde_json::from_value(serde_json::json!({
        "issuer": format!("http://localhost:{port}"),
        "client_id": "suara",
        "client_secret": CLIENT_SECRET,
        "label": "Akun Pemkab Uji",
        "roles": {
            "suara-bkpsdm": "hr",
            "suara-bpkad": "finance",
            "suara-bappeda": "planner",
            "suara-admin-unit": "unit_admin",
        },
        "unit_claim": "unit",
    }))
    .unwrap();
    let sso = suara_app::sso::Sso::new(config).unwrap();
    let providers = [("t1".to_string(), Arc::new(sso))].into_iter().collect();
    let app = TestApp::spawn_with_sso(db, providers).await;
    // A local administrator, whose name a provider user may also carry.
    app.add_account("admin", Role::Administrator, None, None)
        .await;
    let mut provider = start_provider(port, &app.url("/masuk/sso/kembali"));

    // BKPSDM, whose provider asked for a second factor: straight to the dashboard as HR.
    let (answer, _) = through_provider(&app, &mut provider, "sari.bkpsdm").await;
    assert_eq!(answer.status(), StatusCode::SEE_OTHER);
    let sari = session_of(&answer);
    assert!(sari.landing.starts_with("/dasbor?"), "{}", sari.landing);
    assert_eq!(app.get_as(&sari, "/dasbor").await.status(), StatusCode::OK);
    assert_eq!(app.get_as(&sari, "/tpp").await.status(), StatusCode::OK);
    let account = app
        .store
        .account("t1", "sari.bkpsdm")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(account.role, Role::Hr);
    let audit = app.store.audit_log("t1", None, 50).await.unwrap();
    assert!(audit.iter().any(|e| e.entity_id == "sari.bkpsdm"
        && e.action == "create"
        && e.actor == format!("http://localhost:{port}")));

    // Bappeda does not touch pay: the dashboard, as planner.
    let (answer, _) = through_provider(&app, &mut provider, "budi.bappeda").await;
    let budi = session_of(&answer);
    assert!(budi.landing.starts_with("/dasbor?"), "{}", budi.landing);
    assert_eq!(app.get_as(&budi, "/dasbor").await.status(), StatusCode::OK);
    assert_eq!(
        app.store
            .account("t1", "budi.bappeda")
            .await
            .unwrap()
            .unwrap()
            .role,
        Role::Planner
    );
    // A second sign-in is the same account, not a new one.
    let (again, _) = through_provider(&app, &mut provider, "budi.bappeda").await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER);
    // When the provider moves someone, the role follows at their next sign-in and every
    // session begun under the old role ends: a second factor given (or not needed) for one
    // role is never another's. Here the account held another role before.
    let raw = sqlx::AnyPool::connect(&url).await.unwrap();
    sqlx::query("UPDATE accounts SET role = 'officer' WHERE username = 'budi.bappeda'")
        .execute(&raw)
        .await
        .unwrap();
    let (moved, _) = through_provider(&app, &mut provider, "budi.bappeda").await;
    assert_eq!(moved.status(), StatusCode::SEE_OTHER);
    let old = app.get_as(&budi, "/dasbor").await;
    assert_eq!(old.status(), StatusCode::SEE_OTHER, "the old session ended");
    let budi = session_of(&moved);
    assert_eq!(app.get_as(&budi, "/dasbor").await.status(), StatusCode::OK);
    assert_eq!(
        app.store
            .account("t1", "budi.bappeda")
            .await
            .unwrap()
            .unwrap()
            .role,
        Role::Planner
    );

    // BPKAD, whose provider asked for a password only: suara's own code is still asked, and
    // no pay page opens before it.
    let (answer, _) = through_provider(&app, &mut provider, "rina.bpkad").await;
    let rina = session_of(&answer);
    assert!(rina.landing.starts_with("/masuk/kode"), "{}", rina.landing);
    let tpp = app.get_as(&rina, "/tpp").await;
    assert_eq!(tpp.status(), StatusCode::SEE_OTHER);
    assert!(tpp.headers()[LOCATION]
        .to_str()
        .unwrap()
        .starts_with("/masuk/kode"));

    // A unit admin's unit comes from the provider.
    let (answer, _) = through_provider(&app, &mut provider, "ani.unit").await;
    assert_eq!(answer.status(), StatusCode::SEE_OTHER);
    let ani = app.store.account("t1", "ani.unit").await.unwrap().unwrap();
    assert_eq!(
        (ani.role, ani.unit_id.as_deref()),
        (Role::UnitAdmin, Some("dukcapil"))
    );

    // Refusals, in words, with no session.
    let (answer, _) = through_provider(&app, &mut provider, "tono.tanpaperan").await;
    refusal(answer, StatusCode::FORBIDDEN, "belum diberi peran di suara").await;
    let (answer, _) = through_provider(&app, &mut provider, "dua.peran").await;
    refusal(answer, StatusCode::FORBIDDEN, "lebih dari satu peran").await;
    let (answer, _) = through_provider(&app, &mut provider, "eko.unit").await;
    refusal(answer, StatusCode::FORBIDDEN, "unit kerja yang tidak ada").await;
    // Someone at the provider named `admin` does not become suara's administrator.
    let (answer, _) = through_provider(&app, &mut provider, "admin").await;
    refusal(answer, StatusCode::FORBIDDEN, "sudah dipakai akun lain").await;
    assert_eq!(
        app.store
            .account("t1", "admin")
            .await
            .unwrap()
            .unwrap()
            .role,
        Role::Administrator
    );
    // A disabled account stays out, whatever the provider says.
    let now = time::OffsetDateTime::now_utc();
    app.store
        .change_account("t1", "budi.bappeda", AccountChange::Disable, "admin", now)
        .await
        .unwrap();
    let (answer, _) = through_provider(&app, &mut provider, "budi.bappeda").await;
    refusal(answer, StatusCode::FORBIDDEN, "dinonaktifkan").await;

    // An outsider: a return with no cookie, with another browser's cookie, or a code used
    // before signs no one in.
    let (answer, back) = through_provider(&app, &mut provider, "sari.bkpsdm").await;
    assert_eq!(answer.status(), StatusCode::SEE_OTHER);
    let bare = app.client.get(&back).send().await.unwrap();
    refusal(
        bare,
        StatusCode::BAD_REQUEST,
        "Waktu untuk masuk sudah habis",
    )
    .await;
    let start = app.get("/masuk/sso?lang=id").await;
    let other = set_cookie_value(&start, "__Host-suara_sso").unwrap();
    let crossed = app
        .client
        .get(&back)
        .header(COOKIE, format!("__Host-suara_sso={other}"))
        .send()
        .await
        .unwrap();
    refusal(
        crossed,
        StatusCode::BAD_REQUEST,
        "Waktu untuk masuk sudah habis",
    )
    .await;
    let start = app.get("/masuk/sso?lang=id").await;
    let kept = set_cookie_value(&start, "__Host-suara_sso").unwrap();
    let to = start.headers()[LOCATION].to_str().unwrap().to_string();
    let fresh = provider.sign_in(&to, "sari.bkpsdm").await;
    let state = fresh
        .split("state=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap();
    let used_code = back
        .split("code=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap();
    let replay = app
        .client
        .get(app.url(&format!(
            "/masuk/sso/kembali?code={used_code}&state={state}"
        )))
        .header(COOKIE, format!("__Host-suara_sso={kept}"))
        .send()
        .await
        .unwrap();
    refusal(
        replay,
        StatusCode::BAD_REQUEST,
        "tidak dapat dipastikan keasliannya",
    )
    .await;
    let forged = app
        .client
        .get(app.url(&format!(
            "/masuk/sso/kembali?code=dibuat-buat&state={state}"
        )))
        .header(COOKIE, format!("__Host-suara_sso={kept}"))
        .send()
        .await
        .unwrap();
    refusal(
        forged,
        StatusCode::BAD_REQUEST,
        "tidak dapat dipastikan keasliannya",
    )
    .await;
}
