//! The real app on a random port with a fresh, seeded database per test.

#![allow(dead_code)] // Each test file uses its own part of this.

pub mod mail;
pub mod scene;

use std::sync::Arc;

use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use reqwest::StatusCode;
use suara_domain::access::Role;
use suara_store::testing::TestDatabase;
use suara_store::{NewAccount, Store};
use suara_web::AppState;

pub const PASSWORD: &str = "a test password";

pub struct TestApp {
    pub base: String,
    /// Where the server listens ([`TestApp::use_host`] sends other host names there).
    pub addr: std::net::SocketAddr,
    /// The running server's state, for tests that call its tasks directly.
    pub state: Arc<AppState>,
    /// Follows no redirects, so tests see the 303s.
    pub client: reqwest::Client,
    pub store: Store,
    /// Where the signing key's heads are kept (the key itself is `testing::log_key`).
    pub keys: tempfile::TempDir,
    /// The authenticator apps of the accounts that set up a second factor here: by host and
    /// username, the secret, the newest time step used (a code works once) and the recovery
    /// codes not used yet.
    pub authenticators: std::sync::Mutex<std::collections::HashMap<String, Authenticator>>,
    _db: TestDatabase,
}

impl TestApp {
    pub async fn spawn(db: TestDatabase) -> TestApp {
        TestApp::spawn_with(db, None).await
    }

    /// [`TestApp::spawn`] sending alerts through `mailer`, its public address set (mailed
    /// links are built from it, never from a request's Host header).
    pub async fn spawn_with(
        db: TestDatabase,
        mailer: Option<Arc<suara_web::alerts::Mailer>>,
    ) -> TestApp {
        TestApp::spawn_full(db, mailer, Default::default(), None).await
    }

    /// [`TestApp::spawn`] serving the documentation book from `book`.
    pub async fn spawn_with_book(db: TestDatabase, book: &std::path::Path) -> TestApp {
        TestApp::spawn_full(db, None, Default::default(), Some(book.to_path_buf())).await
    }

    /// [`TestApp::spawn`] with regencies that sign in through an identity provider.
    pub async fn spawn_with_sso(db: TestDatabase, sso: suara_app::sso::Providers) -> TestApp {
        TestApp::spawn_full(db, None, sso, None).await
    }

    async fn spawn_full(
        db: TestDatabase,
        mailer: Option<Arc<suara_web::alerts::Mailer>>,
        sso: suara_app::sso::Providers,
        book: Option<std::path::PathBuf>,
    ) -> TestApp {
        let store = db.seeded_store().await;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let base = format!("http://{addr}");
        let keys = tempfile::tempdir().unwrap();
        let state = Arc::new(AppState {
            store: store.clone(),
            default_tenant: None,
            public_url: mailer.is_some().then(|| base.clone()),
            trust_proxy: true,
            signer: Arc::new(suara_app::signing::Signer::with_key(
                &keys.path().join("signing-key"),
                "t1",
                suara_store::testing::log_key(),
            )),
            effect_cells: Default::default(),
            hosts: Default::default(),
            draining: Default::default(),
            mailer,
            sso,
            book,
            witnesses: Default::default(),
        });
        // The server sets its keys as it starts; set here first, so a write the test makes
        // before the server's task has run is keyed like the server's own (a keyless write
        // may not follow a keyed one).
        state.store.set_entry_keys(state.signer.clone());
        tokio::spawn(suara_web::serve(listener, state.clone()));
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        TestApp {
            base,
            addr,
            state,
            client,
            store,
            keys,
            authenticators: Default::default(),
            _db: db,
        }
    }

    /// Sends the requests that follow to this server under host name `host` (`None`: its
    /// address), as a browser would after looking the name up.
    pub fn use_host(&mut self, host: Option<&str>) {
        let mut client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none());
        self.base = match host {
            Some(host) => {
                client = client.resolve(host, self.addr);
                format!("http://{host}:{}", self.addr.port())
            }
            None => format!("http://{}", self.addr),
        };
        self.client = client.build().unwrap();
    }

    /// A village forum with one proposal carried to the village musrenbang; returns its code.
    pub async fn musrena_proposal(&self) -> String {
        use suara_domain::musrena::forum::{Accommodation, Group, Level, Participants};
        use suara_domain::musrena::lifecycle::Action;
        let now = time::OffsetDateTime::now_utc();
        let mut participants = Participants {
            total: 30,
            ..Participants::default()
        };
        participants.set(Group::Women, 18);
        let forum = suara_store::Forum {
            forum_id: String::new(),
            level: Level::Desa,
            district_id: Some(suara_store::testing::DISTRICT.into()),
            village: Some(suara_store::testing::VILLAGE.into()),
            held_on: time::macros::date!(2026 - 01 - 20),
            place: "Balai Desa".into(),
            facilitator: "Ibu Sri".into(),
            accommodations: vec![Accommodation::EasyRead],
            participants,
            rule_version: None,
        };
        let forum_id = self
            .store
            .create_forum("t1", &forum, "test", now)
            .await
            .unwrap();
        let draft = suara_domain::musrena::proposal::ProposalDraft {
            title: "Jalur landai balai desa".into(),
            problem: "Pengguna kursi roda tidak bisa masuk.".into(),
            activity: "Membangun jalur landai.".into(),
            sector: "infrastructure".into(),
            village: suara_store::testing::VILLAGE.into(),
            address: "Dusun Krajan".into(),
            latitude: String::new(),
            longitude: String::new(),
            estimated_cost: "15000000".into(),
            proposed_by: vec!["women".into(), "disability_physical".into()],
            beneficiaries: vec![("disability_physical".into(), "12".into())],
            sdgs: "10.2, 11.2".into(),
            ..suara_domain::musrena::proposal::ProposalDraft::default()
        };
        let proposal = suara_domain::musrena::proposal::validate(&draft).unwrap();
        let on = time::macros::date!(2026 - 01 - 20);
        let code = self
            .store
            .add_proposal("t1", &forum_id, &proposal, false, on, "test", now)
            .await
            .unwrap();
        let codes = [code.clone()];
        for action in [Action::Verify, Action::Prioritize, Action::Carry] {
            self.store
                .apply_actions("t1", &codes, &action, on, "test", now)
                .await
                .unwrap();
        }
        code
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Posts a survey response to the JSON API: the status and the JSON answer.
    pub async fn answer(&self, body: &serde_json::Value) -> (StatusCode, serde_json::Value) {
        let sent = self
            .client
            .post(self.url("/api/v1/responses"))
            .json(body)
            .send()
            .await
            .unwrap();
        (sent.status(), sent.json().await.unwrap())
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.unwrap()
    }

    /// Responses counted for a unit this month, as the public API reports them.
    pub async fn counted(&self, unit: &str) -> u64 {
        let ikm: serde_json::Value = self
            .get(&format!("/api/v1/units/{unit}/ikm"))
            .await
            .json()
            .await
            .unwrap();
        ikm["responses"].as_u64().unwrap()
    }

    /// Sets the base TPP of position class 7 (every fixture officer's) as BPKAD imports it.
    pub async fn set_base_amount(&self, amount: u64) {
        let csv = format!("position_class,base_amount\n7,{amount}\n");
        let bases = suara_domain::tpp::inputs::parse_base_amounts(csv.as_bytes()).unwrap();
        self.store
            .replace_base_amounts("t1", &bases, "bpkad", time::OffsetDateTime::now_utc())
            .await
            .unwrap();
    }

    /// Creates an account with [`PASSWORD`] in the fixture regency.
    pub async fn add_account(
        &self,
        username: &str,
        role: Role,
        unit: Option<&str>,
        nip: Option<&str>,
    ) {
        self.add_account_in("t1", username, role, unit, nip).await;
    }

    /// Creates an account with [`PASSWORD`] in the entry `tenant_id`.
    pub async fn add_account_in(
        &self,
        tenant_id: &str,
        username: &str,
        role: Role,
        unit: Option<&str>,
        nip: Option<&str>,
    ) {
        let hash = suara_app::credentials::hash_password(PASSWORD).unwrap();
        let account = NewAccount {
            username,
            password_hash: &hash,
            must_change_password: false,
            role,
            unit_id: unit,
            nip,
        };
        assert!(self
            .store
            .create_account(tenant_id, &account, "test", time::OffsetDateTime::now_utc())
            .await
            .unwrap());
    }

    /// Signs in through the form as a browser would; returns the session.
    pub async fn sign_in(&self, username: &str, password: &str) -> Result<Session, StatusCode> {
        let form = self.get("/masuk").await;
        let login_cookie =
            set_cookie_value(&form, "suara_login").expect("sign-in form sets its CSRF cookie");
        let sent = self
            .client
            .post(self.url("/masuk"))
            .header(COOKIE, format!("suara_login={login_cookie}"))
            .form(&[
                ("username", username),
                ("password", password),
                ("csrf", &login_cookie),
            ])
            .send()
            .await
            .unwrap();
        if sent.status() != StatusCode::SEE_OTHER {
            return Err(sent.status());
        }
        let landing = sent.headers()[LOCATION].to_str().unwrap().to_string();
        let cookie = set_cookie_value(&sent, "suara_session").expect("session cookie");
        let mut session = Session {
            cookie,
            csrf: String::new(),
            landing,
        };
        if session.landing.starts_with("/masuk/kode") {
            session.landing = self.second_factor(username, &session).await;
        }
        // The CSRF token is in every staff page's sign-out form.
        let page = self.get_as(&session, "/akun").await.text().await.unwrap();
        session.csrf = hidden_value(&page, "csrf").expect("CSRF token on the page");
        Ok(session)
    }

    /// A session of `username` made in the store, its second factor counted as given: for
    /// tests of what a signed-in role may do, which sign in hundreds of times (a real sign-in
    /// is [`TestApp::sign_in`]).
    pub async fn session_for(&self, username: &str) -> Session {
        let token = suara_app::credentials::random_token();
        let csrf = suara_app::credentials::random_token();
        self.store
            .create_session(
                "t1",
                &suara_app::credentials::token_hash(&token),
                username,
                &csrf,
                time::OffsetDateTime::now_utc() + time::Duration::hours(1),
                true,
            )
            .await
            .unwrap();
        Session {
            cookie: token,
            csrf,
            landing: String::new(),
        }
    }

    /// Gives the second factor of a role that touches pay, as its holder's authenticator app
    /// would: sets one up the first time (reading the key off the page), then types the code
    /// of a step not used before (waiting for one when three sign-ins took them all).
    /// Returns where the session lands.
    pub async fn second_factor(&self, username: &str, session: &Session) -> String {
        let key = format!("{}/{username}", self.base);
        let page = self.get_as(session, &session.landing).await;
        if page.status() == StatusCode::SEE_OTHER {
            // Not set up yet: the setup page, its key, the current code.
            let setup = page.headers()[LOCATION].to_str().unwrap().to_string();
            let html = self.get_as(session, &setup).await.text().await.unwrap();
            let secret: String = html
                .split("id=\"kunci\">")
                .nth(1)
                .and_then(|rest| rest.split('<').next())
                .expect("the key on the setup page")
                .split_whitespace()
                .collect();
            let now = unix_now();
            let code = suara_app::second_factor::code_at(&secret, now).unwrap();
            let csrf = hidden_value(&html, "csrf").unwrap();
            let mut form = vec![("csrf", csrf.as_str()), ("code", code.as_str())];
            let next = hidden_value(&html, "next").map(|n| n.replace("&amp;", "&"));
            if let Some(next) = &next {
                form.push(("next", next));
            }
            let done = self.post_form_as(Some(session), &setup, &form).await;
            assert_eq!(
                done.status(),
                StatusCode::OK,
                "setting up {username}'s second factor"
            );
            let done = done.text().await.unwrap();
            let recovery = done
                .split("<li><code>")
                .skip(1)
                .filter_map(|rest| rest.split('<').next())
                .map(str::to_string)
                .collect();
            self.authenticators.lock().unwrap().insert(
                key,
                Authenticator {
                    secret,
                    last_step: now / 30,
                    recovery,
                },
            );
            return done
                .split("class=\"button primary\" href=\"")
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .expect("a way on after the recovery codes")
                .replace("&amp;", "&");
        }
        let html = page.text().await.unwrap();
        let mut holder = self
            .authenticators
            .lock()
            .unwrap()
            .get(&key)
            .cloned()
            .expect("an account whose second factor this test set up");
        // Three sign-ins a step window at most (the codes of the step before, this one and
        // the next); past them a recovery code, as a holder without time to wait would.
        let step = (unix_now() / 30)
            .saturating_sub(1)
            .max(holder.last_step + 1);
        let code = if step <= unix_now() / 30 + 1 {
            holder.last_step = step;
            suara_app::second_factor::code_at(&holder.secret, step * 30).unwrap()
        } else {
            holder.recovery.pop().expect("a recovery code left")
        };
        let csrf = hidden_value(&html, "csrf").unwrap();
        let mut form = vec![("csrf", csrf.as_str()), ("code", code.as_str())];
        let next = hidden_value(&html, "next").map(|n| n.replace("&amp;", "&"));
        if let Some(next) = &next {
            form.push(("next", next));
        }
        let sent = self
            .post_form_as(Some(session), &session.landing, &form)
            .await;
        self.authenticators.lock().unwrap().insert(key, holder);
        match sent.status() {
            StatusCode::SEE_OTHER => sent.headers()[LOCATION].to_str().unwrap().to_string(),
            // A recovery code: the page says how many are left and links on.
            StatusCode::OK => sent
                .text()
                .await
                .unwrap()
                .split("class=\"button primary\" href=\"")
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .expect("a way on after a recovery code")
                .replace("&amp;", "&"),
            other => panic!("{username}'s code: {other}"),
        }
    }

    pub async fn get_as(&self, session: &Session, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .header(COOKIE, format!("suara_session={}", session.cookie))
            .send()
            .await
            .unwrap()
    }

    pub async fn post_form_as(
        &self,
        session: Option<&Session>,
        path: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        let mut request = self.client.post(self.url(path)).form(form);
        if let Some(session) = session {
            request = request.header(COOKIE, format!("suara_session={}", session.cookie));
        }
        request.send().await.unwrap()
    }

    /// The inspectorate (account `inspektorat`, made on first use) confirms every source of
    /// `month`'s pay evidence at `/admin/sumber-bukti`, through the confirmation page.
    pub async fn confirm_every_source(&self, month: &str) {
        let who = match self.sign_in("inspektorat", PASSWORD).await {
            Ok(session) => session,
            Err(_) => {
                self.add_account("inspektorat", Role::Inspectorate, None, None)
                    .await;
                self.sign_in("inspektorat", PASSWORD).await.unwrap()
            }
        };
        let parsed = month.parse().unwrap();
        let policy = self.store.policy_for("t1", parsed).await.unwrap();
        let sources = self
            .store
            .evidence_sources("t1", parsed, &policy)
            .await
            .unwrap();
        for source in sources.iter().filter(|s| s.unconfirmed > 0) {
            let key = source.source.key();
            let through = source.latest_response.to_string();
            let mut form = vec![
                ("csrf", who.csrf.as_str()),
                ("month", month),
                ("source", key.as_str()),
                ("through", through.as_str()),
            ];
            let asked = self
                .post_form_as(Some(&who), "/admin/sumber-bukti", &form)
                .await;
            assert_eq!(asked.status(), StatusCode::OK);
            assert!(asked
                .text()
                .await
                .unwrap()
                .contains("name=\"confirm\" value=\"yes\""));
            form.push(("confirm", "yes"));
            let done = self
                .post_form_as(Some(&who), "/admin/sumber-bukti", &form)
                .await;
            assert_eq!(done.status(), StatusCode::OK, "{key}");
        }
    }

    /// `who` approves kiosk `kiosk_id` at `/admin/kios`.
    pub async fn approve_kiosk(&self, who: &Session, kiosk_id: &str) -> reqwest::Response {
        let form = [("csrf", who.csrf.as_str()), ("kiosk", kiosk_id)];
        self.post_form_as(Some(who), "/admin/kios", &form).await
    }
}

#[derive(Clone, Debug)]
pub struct Session {
    pub cookie: String,
    pub csrf: String,
    /// Where sign-in sent the user.
    pub landing: String,
}

pub fn set_cookie_value(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| {
            v.strip_prefix(&format!("{name}="))
                .map(|rest| rest.split(';').next().unwrap_or("").to_string())
        })
}

/// What a holder of a second factor keeps: the app's secret, the newest step used, and the
/// recovery codes left.
#[derive(Clone)]
pub struct Authenticator {
    pub secret: String,
    pub last_step: u64,
    pub recovery: Vec<String>,
}

/// Seconds since the Unix epoch.
pub fn unix_now() -> u64 {
    u64::try_from(time::OffsetDateTime::now_utc().unix_timestamp()).unwrap()
}

pub fn hidden_value(html: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\" value=\"");
    html.split(&marker)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(str::to_string)
}

/// The code printed on a ticket page.
pub fn printed_code(html: &str) -> String {
    html.split("id=\"ticket-code\"")
        .nth(1)
        .and_then(|rest| rest.split_once('>'))
        .and_then(|(_, rest)| rest.split('<').next())
        .expect("a ticket code on the page")
        .to_string()
}

/// A workbook's sheet as text, a line per row and `|` between cells, for assertions.
pub fn sheet_text(xlsx: &[u8], name: &str) -> String {
    use calamine::Reader;
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(xlsx.to_vec())).unwrap();
    let range = book.worksheet_range(name).unwrap();
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Waits out a month's last five minutes: a scenario that reads "this month" more than once
/// (pay or published figures before and after) must read one month, and the date sweep
/// starts tests at 23:59:50 WIB on a month's last day. A scenario takes under a minute even
/// on PostgreSQL under load; the wait is at most the seconds left in the month.
pub async fn clear_of_month_end() {
    let tenant = suara_store::testing::tenant();
    loop {
        let now = time::OffsetDateTime::now_utc();
        if tenant.month_of(now) == tenant.month_of(now + time::Duration::minutes(5)) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    }
}

/// A CSV meant for machines without its first line, the note saying so (which this checks).
pub fn machine_csv(text: &str) -> String {
    let (note, rest) = text.split_once('\n').unwrap_or((text, ""));
    assert!(
        note.starts_with("# ") && (note.contains("untuk mesin") || note.contains("For machines")),
        "a CSV for machines says so first: {note}"
    );
    rest.to_string()
}
