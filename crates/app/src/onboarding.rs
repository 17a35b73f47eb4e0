//! Accounts made from the officer list in one step, for the web (`/admin/akun/pegawai`) and
//! the command line (`suara user add-officers`): every officer working today whom no account
//! names gets one (the NIP as username, the officer role) with a one-time password, which
//! they must change at their first sign-in, and the e-mail address their personnel list
//! gives (where the web page mails their first sign-in). Each account is audit-logged by the
//! store.

use suara_domain::access::Role;
use suara_domain::org::Officer;
use suara_store::{NewAccount, Store, StoreError};
use time::{Date, OffsetDateTime};

/// What the officer needs for their first sign-in; the password exists only here.
pub struct FirstSignIn {
    pub officer: Officer,
    pub password: String,
    /// The address the personnel list gives, now the account's too: where the first
    /// sign-in is mailed when the server sends mail.
    pub email: Option<String>,
}

/// Makes the accounts of the unit's officers (`unit_id` empty: the whole regency) who have
/// none, in order of unit and name. An officer whose NIP another request took meanwhile is
/// left out, so a repeated request makes nothing twice.
pub async fn open_officer_accounts(
    store: &Store,
    tenant_id: &str,
    unit_id: &str,
    actor: &str,
    today: Date,
) -> Result<Vec<FirstSignIn>, StoreError> {
    let officers = store
        .officers_without_accounts(tenant_id, unit_id, today)
        .await?;
    let mut contacts = store.officer_contacts(tenant_id).await?;
    let mut opened = Vec::with_capacity(officers.len());
    for officer in officers {
        // 64 random bits, in characters that read unambiguously on paper.
        let password = crate::credentials::random_token()[..16].to_string();
        let hash = crate::credentials::hash_password_off_thread(password.clone())
            .await
            .map_err(|e| StoreError::Corrupt(format!("hashing a password: {e}")))?;
        let account = NewAccount {
            username: &officer.nip,
            password_hash: &hash,
            must_change_password: true,
            role: Role::Officer,
            unit_id: None,
            nip: Some(&officer.nip),
        };
        let now = OffsetDateTime::now_utc();
        if store
            .create_account(tenant_id, &account, actor, now)
            .await?
        {
            let email = contacts.remove(&officer.nip);
            if let Some(email) = &email {
                store
                    .set_account_email(tenant_id, &officer.nip, Some(email), actor, now)
                    .await?;
            }
            opened.push(FirstSignIn {
                officer,
                password,
                email,
            });
        }
    }
    Ok(opened)
}
