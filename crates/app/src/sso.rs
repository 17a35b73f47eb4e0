//! Single sign-on with a regency's own identity provider over OpenID Connect (the
//! `openidconnect` crate): the authorization code flow with PKCE, a nonce and a state; the
//! ID token's signature, issuer, audience, nonce and expiry checked; the person's claims read
//! from the userinfo endpoint, one of them mapped to a suara role.
//!
//! The provider decides who someone is and which role they hold; a pay-touching role still
//! needs a second factor: the provider's own when its `amr` claim names one (RFC 8176), or
//! else suara's, asked for after the provider's sign-in.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use openidconnect::core::{
    CoreClient, CoreGenderClaim, CoreJwsSigningAlgorithm, CoreProviderMetadata, CoreResponseType,
};
use openidconnect::{
    AdditionalClaims, AuthenticationFlow, AuthorizationCode, ClientId, ClientSecret, CsrfToken,
    EndpointMaybeSet, EndpointNotSet, EndpointSet, IssuerUrl, Nonce, OAuth2TokenResponse,
    PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope, TokenResponse, UserInfoClaims,
};
use serde::{Deserialize, Serialize};
use suara_domain::access::Role;

/// One regency's identity provider, as `suara serve`'s configuration file sets it
/// (`[sso.CODE]`).
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SsoConfig {
    /// The provider's issuer address; its discovery document is at
    /// `ISSUER/.well-known/openid-configuration`.
    pub issuer: String,
    pub client_id: String,
    /// The client secret, or (better) `client_secret_file`, a file only suara reads.
    pub client_secret: Option<String>,
    pub client_secret_file: Option<PathBuf>,
    /// What the sign-in button says after "Masuk dengan", e.g. "Akun Pemkab Trenggalek".
    pub label: String,
    /// The claim holding the person's groups or roles at the provider (a text or a list).
    #[serde(default = "default_role_claim")]
    pub role_claim: String,
    /// Each value of `role_claim` that gives a suara role, and the role's code (admin,
    /// unit_admin, hr, finance, inspectorate, planner, officer; a province's accounts are
    /// the province's, never a regency provider's).
    pub roles: BTreeMap<String, String>,
    /// The claim a new account's username is taken from.
    #[serde(default = "default_username_claim")]
    pub username_claim: String,
    /// The claim naming a unit admin's unit (its code), and an officer's NIP.
    pub unit_claim: Option<String>,
    pub nip_claim: Option<String>,
    /// Scopes asked for besides `openid`.
    #[serde(default = "default_scopes")]
    pub scopes: Vec<String>,
    /// Values of the ID token's `amr` claim that show the provider asked for a second factor.
    #[serde(default = "default_second_factor_amr")]
    pub second_factor_amr: Vec<String>,
}

/// Everything but the secret.
impl std::fmt::Debug for SsoConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SsoConfig")
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .field("client_secret_file", &self.client_secret_file)
            .field("label", &self.label)
            .field("roles", &self.roles)
            .finish_non_exhaustive()
    }
}

fn default_role_claim() -> String {
    "groups".into()
}

fn default_username_claim() -> String {
    "preferred_username".into()
}

fn default_scopes() -> Vec<String> {
    vec!["profile".into(), "groups".into()]
}

/// RFC 8176's `mfa`: `otp`, `hwk`, `face` and the like are each one method, and a
/// provider may sign someone in with that one alone.
fn default_second_factor_amr() -> Vec<String> {
    vec!["mfa".into()]
}

/// Why a sign-in through the provider did not go through.
#[derive(Debug, thiserror::Error)]
pub enum SsoError {
    #[error("the single sign-on settings: {0}")]
    Config(String),
    #[error("the identity provider could not be reached or answered wrongly: {0}")]
    Unavailable(String),
    #[error("the identity provider refused: {0}")]
    Refused(String),
    #[error("the sign-in was started elsewhere or too long ago")]
    Expired,
    #[error("the identity provider's answer did not check out: {0}")]
    Invalid(String),
    #[error("the provider gives this person no suara role")]
    NoRole,
    #[error("the provider gives this person more than one suara role: {0:?}")]
    ManyRoles(Vec<Role>),
    #[error("the provider does not send claim {claim}, which role {role:?} needs")]
    MissingClaim { claim: String, role: Role },
}

/// What the browser keeps between leaving for the provider and coming back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pending {
    pub state: String,
    pub nonce: String,
    pub verifier: String,
}

/// What the provider sent the browser back with.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Returned {
    pub code: Option<String>,
    pub state: Option<String>,
    /// RFC 9207: the issuer that answered; checked when the provider sends it.
    pub iss: Option<String>,
    pub error: Option<String>,
    pub error_description: Option<String>,
}

/// A person as the provider vouched for them, with the suara role their claims map to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub issuer: String,
    pub subject: String,
    pub username: String,
    pub role: Role,
    pub unit_id: Option<String>,
    pub nip: Option<String>,
    /// The provider says it asked for a second factor.
    pub second_factor_given: bool,
}

/// Every claim the userinfo endpoint sent that the standard ones do not name.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
struct OtherClaims(HashMap<String, serde_json::Value>);

impl AdditionalClaims for OtherClaims {}

/// One regency's provider: its settings, a client that follows no redirects, and the
/// discovery document once read (read again after a failure).
pub struct Sso {
    config: SsoConfig,
    secret: String,
    roles: Vec<(String, Role)>,
    http: openidconnect::reqwest::Client,
    /// The discovery document and signing keys, and when they were read: read again after
    /// [`METADATA_LIFETIME`], so a provider's new keys are taken up without a restart.
    metadata: tokio::sync::Mutex<Option<(std::time::Instant, CoreProviderMetadata)>>,
}

const METADATA_LIFETIME: Duration = Duration::from_secs(15 * 60);

impl std::fmt::Debug for Sso {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sso")
            .field("issuer", &self.config.issuer)
            .finish()
    }
}

/// A client made from a discovery document: its token and userinfo endpoints are there
/// when the document names them.
type DiscoveredClient = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// Signatures an ID token may carry: the provider's own keys, never the client secret
/// (which the client holds too).
const ASYMMETRIC_ALGORITHMS: [CoreJwsSigningAlgorithm; 8] = [
    CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256,
    CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha384,
    CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha512,
    CoreJwsSigningAlgorithm::RsaSsaPssSha256,
    CoreJwsSigningAlgorithm::RsaSsaPssSha384,
    CoreJwsSigningAlgorithm::EcdsaP256Sha256,
    CoreJwsSigningAlgorithm::EcdsaP384Sha384,
    CoreJwsSigningAlgorithm::EdDsa,
];

/// The regencies that sign in through a provider, by regency code.
pub type Providers = HashMap<String, Arc<Sso>>;

impl Sso {
    /// Checks the settings (every role code known, a secret given, the issuer an address)
    /// and reads the secret's file.
    pub fn new(config: SsoConfig) -> Result<Sso, SsoError> {
        IssuerUrl::new(config.issuer.clone())
            .map_err(|e| SsoError::Config(format!("issuer {}: {e}", config.issuer)))?;
        let secret = match (&config.client_secret, &config.client_secret_file) {
            (Some(secret), None) => secret.clone(),
            (None, Some(path)) => std::fs::read_to_string(path)
                .map_err(|e| SsoError::Config(format!("{}: {e}", path.display())))?
                .trim()
                .to_string(),
            _ => {
                return Err(SsoError::Config(
                    "give one of client_secret and client_secret_file".into(),
                ))
            }
        };
        let roles = config
            .roles
            .iter()
            .map(|(value, code)| {
                Role::from_code(code)
                    .filter(|role| role.granted_by_regency())
                    .map(|role| (value.clone(), role))
                    .ok_or_else(|| {
                        SsoError::Config(format!("roles.{value}: no regency role '{code}'"))
                    })
            })
            .collect::<Result<Vec<_>, _>>()?;
        if config.label.trim().is_empty() {
            return Err(SsoError::Config("label is empty".into()));
        }
        let http = openidconnect::reqwest::ClientBuilder::new()
            .redirect(openidconnect::reqwest::redirect::Policy::none())
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(15))
            .build()
            .map_err(|e| SsoError::Config(e.to_string()))?;
        Ok(Sso {
            config,
            secret,
            roles,
            http,
            metadata: tokio::sync::Mutex::new(None),
        })
    }

    /// What the sign-in button names.
    pub fn label(&self) -> &str {
        &self.config.label
    }

    async fn client(&self, redirect: &str) -> Result<DiscoveredClient, SsoError> {
        let metadata = {
            let mut cached = self.metadata.lock().await;
            match cached.as_ref() {
                Some((read, metadata)) if read.elapsed() < METADATA_LIFETIME => metadata.clone(),
                _ => {
                    let issuer = IssuerUrl::new(self.config.issuer.clone())
                        .map_err(|e| SsoError::Config(e.to_string()))?;
                    let metadata = CoreProviderMetadata::discover_async(issuer, &self.http)
                        .await
                        .map_err(|e| SsoError::Unavailable(chain(&e)))?;
                    *cached = Some((std::time::Instant::now(), metadata.clone()));
                    metadata
                }
            }
        };
        let redirect =
            RedirectUrl::new(redirect.to_string()).map_err(|e| SsoError::Config(e.to_string()))?;
        Ok(CoreClient::from_provider_metadata(
            metadata,
            ClientId::new(self.config.client_id.clone()),
            Some(ClientSecret::new(self.secret.clone())),
        )
        .set_redirect_uri(redirect))
    }

    /// The provider's sign-in address for a browser to go to, and what it keeps until it
    /// comes back to `redirect`.
    pub async fn begin(&self, redirect: &str) -> Result<(String, Pending), SsoError> {
        let client = self.client(redirect).await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut request = client
            .authorize_url(
                AuthenticationFlow::<CoreResponseType>::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .set_pkce_challenge(challenge);
        for scope in &self.config.scopes {
            request = request.add_scope(Scope::new(scope.clone()));
        }
        let (url, state, nonce) = request.url();
        let pending = Pending {
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            verifier: verifier.secret().clone(),
        };
        Ok((url.to_string(), pending))
    }

    /// Checks the provider's answer against what the browser kept, trades the code for
    /// tokens, checks the ID token, and reads the person's claims.
    pub async fn finish(
        &self,
        redirect: &str,
        pending: &Pending,
        returned: &Returned,
    ) -> Result<Person, SsoError> {
        // The state first: no other site can cancel a sign-in under way.
        let state_ok = returned
            .state
            .as_deref()
            .is_some_and(|state| crate::credentials::same_secret(state, &pending.state));
        if !state_ok {
            return Err(SsoError::Expired);
        }
        if let Some(error) = &returned.error {
            let detail = returned.error_description.as_deref().unwrap_or_default();
            return Err(SsoError::Refused(format!("{error} {detail}")));
        }
        if returned
            .iss
            .as_deref()
            .is_some_and(|iss| iss != self.config.issuer)
        {
            return Err(SsoError::Invalid(
                "the answer came from another issuer".into(),
            ));
        }
        let code = returned
            .code
            .clone()
            .ok_or_else(|| SsoError::Invalid("no code".into()))?;
        let client = self.client(redirect).await?;
        let tokens = client
            .exchange_code(AuthorizationCode::new(code))
            .map_err(|e| SsoError::Unavailable(e.to_string()))?
            .set_pkce_verifier(PkceCodeVerifier::new(pending.verifier.clone()))
            .request_async(&self.http)
            .await
            .map_err(|e| match e {
                // The provider refused the code (used, forged, or another client's).
                openidconnect::RequestTokenError::ServerResponse(_) => SsoError::Invalid(chain(&e)),
                _ => SsoError::Unavailable(chain(&e)),
            })?;
        let id_token = tokens
            .id_token()
            .ok_or_else(|| SsoError::Invalid("no ID token".into()))?;
        let claims = id_token
            .claims(
                &client
                    .id_token_verifier()
                    .set_allowed_algs(ASYMMETRIC_ALGORITHMS.to_vec()),
                &Nonce::new(pending.nonce.clone()),
            )
            .map_err(|e| SsoError::Invalid(chain(&e)))?;
        let subject = claims.subject().clone();
        let second_factor_given = claims.auth_method_refs().is_some_and(|methods| {
            methods
                .iter()
                .any(|method| self.config.second_factor_amr.contains(method))
        });
        let info: UserInfoClaims<OtherClaims, CoreGenderClaim> = client
            .user_info(tokens.access_token().clone(), Some(subject.clone()))
            .map_err(|e| SsoError::Config(e.to_string()))?
            .request_async(&self.http)
            .await
            .map_err(|e| SsoError::Unavailable(chain(&e)))?;
        // Every claim by its name, standard or not: the settings name them.
        let all = serde_json::to_value(&info).map_err(|e| SsoError::Invalid(e.to_string()))?;
        self.person(&all, subject.as_str(), second_factor_given)
    }

    /// The person the provider's claims (`all`, every one by its name) describe: the one
    /// suara role they map to, the unit and NIP that role needs, and a valid username.
    fn person(
        &self,
        all: &serde_json::Value,
        subject: &str,
        second_factor_given: bool,
    ) -> Result<Person, SsoError> {
        let role = role_of(all.get(&self.config.role_claim), &self.roles)?;
        let text = |claim: &Option<String>| {
            claim
                .as_ref()
                .and_then(|name| all.get(name))
                .and_then(serde_json::Value::as_str)
                .map(str::trim)
                .filter(|value| !value.is_empty())
                .map(String::from)
        };
        let needed = |claim: &Option<String>, value: Option<String>| {
            value.ok_or_else(|| SsoError::MissingClaim {
                claim: claim.clone().unwrap_or_else(|| "-".into()),
                role,
            })
        };
        let unit_id = match role {
            Role::UnitAdmin => Some(needed(
                &self.config.unit_claim,
                text(&self.config.unit_claim),
            )?),
            _ => None,
        };
        let nip = match role {
            Role::Officer => Some(needed(
                &self.config.nip_claim,
                text(&self.config.nip_claim),
            )?),
            _ => text(&self.config.nip_claim),
        };
        let username_claim = Some(self.config.username_claim.clone());
        // Held to the rule every username keeps (no look-alike letters of other scripts).
        let username = text(&username_claim)
            .map(|name| name.to_ascii_lowercase())
            .filter(|name| suara_domain::access::valid_username(name))
            .ok_or_else(|| SsoError::MissingClaim {
                claim: self.config.username_claim.clone(),
                role,
            })?;
        Ok(Person {
            issuer: self.config.issuer.clone(),
            subject: subject.to_string(),
            username,
            role,
            unit_id,
            nip,
            second_factor_given,
        })
    }
}

/// The account `person` signs in as: linked by their subject at the provider, created on
/// their first sign-in, their role, unit and NIP as the provider says now.
pub async fn account_for(
    store: &suara_store::Store,
    tenant_id: &str,
    person: &Person,
    now: time::OffsetDateTime,
) -> Result<suara_store::SsoSignIn, suara_store::StoreError> {
    let linked = suara_store::SsoPerson {
        issuer: &person.issuer,
        subject: &person.subject,
        username: &person.username,
        role: person.role,
        unit_id: person.unit_id.as_deref(),
        nip: person.nip.as_deref(),
        unusable_hash: crate::credentials::unusable_hash(),
    };
    store.sso_sign_in(tenant_id, &linked, now).await
}

/// The one role a claim's values map to: none or several is refused (a person with two
/// groups is not given the stronger one by the order of a list).
pub fn role_of(
    claim: Option<&serde_json::Value>,
    roles: &[(String, Role)],
) -> Result<Role, SsoError> {
    let values: Vec<&str> = match claim {
        Some(serde_json::Value::String(value)) => vec![value.as_str()],
        Some(serde_json::Value::Array(values)) => values
            .iter()
            .filter_map(serde_json::Value::as_str)
            .collect(),
        _ => Vec::new(),
    };
    let mut found: Vec<Role> = roles
        .iter()
        .filter(|(value, _)| values.contains(&value.as_str()))
        .map(|(_, role)| *role)
        .collect();
    found.sort_by_key(|role| role.code());
    found.dedup();
    match found.as_slice() {
        [] => Err(SsoError::NoRole),
        [role] => Ok(*role),
        _ => Err(SsoError::ManyRoles(found)),
    }
}

/// An error with its causes, for the log.
fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn roles() -> Vec<(String, Role)> {
        vec![
            ("suara-bkpsdm".into(), Role::Hr),
            ("suara-bappeda".into(), Role::Planner),
            ("kepegawaian".into(), Role::Hr),
        ]
    }

    #[test]
    fn one_role_from_a_text_or_a_list() {
        assert_eq!(
            role_of(Some(&json!("suara-bappeda")), &roles()).unwrap(),
            Role::Planner
        );
        assert_eq!(
            role_of(Some(&json!(["pegawai", "suara-bkpsdm"])), &roles()).unwrap(),
            Role::Hr
        );
        // Two values for the same role are one role.
        assert_eq!(
            role_of(Some(&json!(["kepegawaian", "suara-bkpsdm"])), &roles()).unwrap(),
            Role::Hr
        );
    }

    #[test]
    fn no_role_or_two_roles_are_refused() {
        assert!(matches!(
            role_of(Some(&json!(["pegawai"])), &roles()),
            Err(SsoError::NoRole)
        ));
        assert!(matches!(role_of(None, &roles()), Err(SsoError::NoRole)));
        assert!(matches!(
            role_of(Some(&json!(7)), &roles()),
            Err(SsoError::NoRole)
        ));
        assert!(matches!(
            role_of(Some(&json!(["suara-bkpsdm", "suara-bappeda"])), &roles()),
            Err(SsoError::ManyRoles(_))
        ));
    }

    fn config(settings: serde_json::Value) -> Result<Sso, SsoError> {
        let config: SsoConfig =
            serde_json::from_value(settings).map_err(|e| SsoError::Config(e.to_string()))?;
        Sso::new(config)
    }

    #[test]
    fn settings_are_checked_when_read() {
        let good = json!({
            "issuer": "https://sso.example.go.id", "client_id": "suara", "client_secret": "s",
            "label": "Akun Pemkab", "roles": {"bkpsdm": "hr"},
        });
        assert!(config(good.clone()).is_ok());
        let mut unknown_role = good.clone();
        unknown_role["roles"]["bkpsdm"] = json!("kepala");
        assert!(matches!(config(unknown_role), Err(SsoError::Config(e)) if e.contains("kepala")));
        let mut no_secret = good.clone();
        no_secret.as_object_mut().unwrap().remove("client_secret");
        assert!(matches!(config(no_secret), Err(SsoError::Config(_))));
        let mut not_an_address = good.clone();
        not_an_address["issuer"] = json!("sso example");
        assert!(matches!(config(not_an_address), Err(SsoError::Config(_))));
    }
}
