//! `suara tenant add`, `suara user add` and `suara import`: setting up a regency from the
//! command line, before anyone can sign in.

use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context};
use suara_app::signing::Signer;
use suara_domain::access::Role;
use suara_domain::org::import::{plan_import, ImportFiles, Table};
use suara_store::{NewAccount, Store, Tenant};
use time::OffsetDateTime;

/// Who the audit log names for changes made from the command line.
pub const CLI_ACTOR: &str = "cli";

pub async fn add_tenant(
    store: &Store,
    code: &str,
    name: &str,
    utc_offset_minutes: i32,
) -> anyhow::Result<()> {
    if !suara_domain::survey::valid_code(code) {
        bail!("'{code}' is not a code: use lowercase letters, digits, '-', '_' or '.'");
    }
    if ![420, 480, 540].contains(&utc_offset_minutes) {
        bail!("--utc-offset-minutes: use 420 (WIB), 480 (WITA) or 540 (WIT)");
    }
    let tenant = Tenant {
        tenant_id: code.into(),
        name: name.into(),
        utc_offset_minutes,
    };
    store.upsert_tenant(&tenant).await?;
    println!("regency {code} ({name}) is set up");
    Ok(())
}

/// `suara user email USERNAME ADDRESS`: where the account's alerts go (`-`: nowhere).
pub async fn set_email(
    store: &Store,
    username: &str,
    address: &str,
    tenant: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let tenant = self::tenant(store, tenant).await?;
    let email = match address.trim() {
        "-" => None,
        address if address.parse::<lettre::Address>().is_ok() => Some(address),
        _ => bail!("'{address}' is not an e-mail address (or '-' for none)"),
    };
    if !store
        .set_account_email(
            &tenant.tenant_id,
            username,
            email,
            CLI_ACTOR,
            OffsetDateTime::now_utc(),
        )
        .await?
    {
        bail!("no account '{username}'");
    }
    match email {
        Some(email) => println!("alerts for {username} go to {email}"),
        None => println!("{username} gets no alerts by e-mail"),
    }
    Ok(ExitCode::SUCCESS)
}

/// Serves regency `code` under `host` as well.
pub async fn add_host(store: &Store, code: &str, host: &str) -> anyhow::Result<()> {
    let Some(name) = suara_domain::org::host::normalize(host) else {
        bail!("'{host}' is not a host name (letters, digits, '-' and '.', like suara.trenggalekkab.go.id)");
    };
    if store.tenant(code).await?.is_none() {
        bail!("no regency '{code}': create it first with `suara tenant add {code} NAME`");
    }
    if !store.add_tenant_host(code, &name).await? {
        bail!("{name} already serves another regency (see `suara tenant list`)");
    }
    println!("regency {code} is served at {name}");
    Ok(())
}

/// Sets regency `code`'s letterhead: the address, and the logo from a file, kept, or removed.
pub async fn set_letterhead(
    store: &Store,
    code: &str,
    address: String,
    logo: Option<PathBuf>,
    no_logo: bool,
) -> anyhow::Result<()> {
    if store.tenant(code).await?.is_none() {
        bail!("no regency '{code}': create it first with `suara tenant add {code} NAME`");
    }
    let logo = match logo {
        Some(path) => {
            // A file far too large for a logo is refused before it is read.
            let size = std::fs::metadata(&path)
                .with_context(|| format!("reading {}", path.display()))?
                .len();
            if size > suara_reports::logo::MAX_BYTES as u64 {
                bail!("{}: a logo is at most 1 MB", path.display());
            }
            Some(std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?)
        }
        None if no_logo => None,
        None => store.letterhead(code).await?.logo,
    };
    let at = OffsetDateTime::now_utc();
    let set = suara_store::StoredLetterhead { address, logo };
    suara_app::report::set_letterhead(store, code, set.clone(), "cli", at).await?;
    println!(
        "regency {code}'s reports print \"{}\" under each office's name, {}",
        set.address,
        if set.logo.is_some() {
            "with the logo"
        } else {
            "without a logo"
        }
    );
    Ok(())
}

/// Makes regency `code`'s signing key if it has none; says where it is.
pub async fn make_key(
    store: &Store,
    code: &str,
    signing_key: &std::path::Path,
) -> anyhow::Result<()> {
    if store.tenant(code).await?.is_none() {
        bail!("no regency '{code}': create it first with `suara tenant add {code} NAME`");
    }
    let signer = Signer::new(signing_key);
    let public = signer.key(code)?.public();
    println!(
        "regency {code} signs with {} (public key {}); copy it to every app server",
        signer.key_file(code).display(),
        public.to_hex()
    );
    // What witnesses and monitors are configured with (c2sp.org/signed-note).
    println!(
        "its checkpoints' verifier key: {}",
        suara_domain::integrity::checkpoint::log_verifier_key(code, &public)
    );
    Ok(())
}

/// Prints each regency with its host names.
pub async fn list_tenants(store: &Store) -> anyhow::Result<()> {
    let hosts = store.tenant_hosts().await?;
    for tenant in store.tenants().await? {
        let mine: Vec<&str> = hosts
            .iter()
            .filter(|(_, t)| *t == tenant.tenant_id)
            .map(|(h, _)| h.as_str())
            .collect();
        println!("{}\t{}\t{}", tenant.tenant_id, tenant.name, mine.join(" "));
    }
    Ok(())
}

/// The regency the command is about: the one named, else the only one.
pub async fn tenant(store: &Store, requested: Option<&str>) -> anyhow::Result<Tenant> {
    if let Some(code) = requested {
        return store
            .tenant(code)
            .await?
            .with_context(|| format!("no regency '{code}'"));
    }
    let mut tenants = store.tenants().await?;
    match tenants.len() {
        0 => bail!("no regency yet: create it first with `suara tenant add CODE NAME`"),
        1 => Ok(tenants.remove(0)),
        _ => bail!("several regencies: name one with --tenant"),
    }
}

pub struct UserArgs {
    pub username: String,
    pub role: String,
    pub unit: Option<String>,
    pub nip: Option<String>,
    pub password_stdin: bool,
    pub tenant: Option<String>,
}

pub async fn add_user(store: &Store, args: UserArgs) -> anyhow::Result<()> {
    let tenant = tenant(store, args.tenant.as_deref()).await?;
    let role = Role::from_code(&args.role).with_context(|| {
        let codes: Vec<&str> = Role::ALL.iter().map(|r| r.code()).collect();
        format!("--role '{}': use one of {}", args.role, codes.join(", "))
    })?;
    // A province account in a regency's entry would sit among that regency's accounts.
    if !role.granted_by_regency() && !store.units(&tenant.tenant_id).await?.is_empty() {
        bail!(
            "--role {}: '{}' is a regency with units; a province's accounts belong in its own \
             entry (suara tenant add jatim \"Provinsi Jawa Timur\", then --tenant jatim)",
            args.role,
            tenant.tenant_id
        );
    }
    let (password, _) = new_password(args.password_stdin)?;
    if let Some(problem) = suara_domain::access::new_account_problem(
        &args.username,
        role,
        args.unit.as_deref(),
        args.nip.as_deref(),
        &password,
    ) {
        bail!("{problem}");
    }
    if let Some(unit) = &args.unit {
        store
            .unit(&tenant.tenant_id, unit)
            .await?
            .with_context(|| format!("--unit: no unit '{unit}'"))?;
    }
    if let Some(nip) = &args.nip {
        store
            .officer(&tenant.tenant_id, nip)
            .await?
            .with_context(|| format!("--nip: no officer {nip}"))?;
    }
    let hash = suara_app::credentials::hash_password(&password)
        .map_err(|e| anyhow::anyhow!("hashing the password: {e}"))?;
    let account = NewAccount {
        username: &args.username,
        password_hash: &hash,
        must_change_password: false,
        role,
        unit_id: args.unit.as_deref(),
        nip: args.nip.as_deref(),
    };
    if !store
        .create_account(
            &tenant.tenant_id,
            &account,
            CLI_ACTOR,
            OffsetDateTime::now_utc(),
        )
        .await?
    {
        bail!("the username '{}' is taken", args.username);
    }
    println!(
        "account {} ({}) created in {}",
        args.username,
        role.code(),
        tenant.tenant_id
    );
    if !args.password_stdin {
        println!("password: {password}");
        if std::io::stdout().is_terminal() {
            println!("(shown once; give it to the user over a safe channel)");
        }
    }
    Ok(())
}

/// `suara user add-officers`: see [`suara_app::onboarding`].
pub async fn add_officer_accounts(
    store: &Store,
    unit: Option<&str>,
    requested: Option<&str>,
) -> anyhow::Result<()> {
    let tenant = tenant(store, requested).await?;
    if let Some(unit) = unit {
        store
            .unit(&tenant.tenant_id, unit)
            .await?
            .with_context(|| format!("--unit: no unit '{unit}'"))?;
    }
    let today = OffsetDateTime::now_utc().to_offset(tenant.offset()).date();
    let opened = suara_app::onboarding::open_officer_accounts(
        store,
        &tenant.tenant_id,
        unit.unwrap_or_default(),
        CLI_ACTOR,
        today,
    )
    .await?;
    let rows: Vec<Vec<String>> = opened
        .iter()
        .map(|first| {
            let o = &first.officer;
            vec![
                o.unit_id.clone(),
                o.nip.clone(),
                o.name.clone(),
                o.nip.clone(),
                first.password.clone(),
            ]
        })
        .collect();
    let headers = ["unit", "nip", "name", "username", "one_time_password"];
    std::io::Write::write_all(
        &mut std::io::stdout(),
        &suara_reports::table::csv(&headers, &rows)?,
    )?;
    eprintln!(
        "{} officer accounts made in {}; each password is shown this once and is changed at the first sign-in",
        opened.len(),
        tenant.tenant_id
    );
    Ok(())
}

pub struct ImportArgs {
    pub files: Vec<(Table, PathBuf)>,
    pub dry_run: bool,
    pub tenant: Option<String>,
}

/// Exit code 2 when a file has bad rows (all listed on stderr), as for `skm score`.
pub async fn import(store: &Store, args: ImportArgs) -> anyhow::Result<ExitCode> {
    let tenant = tenant(store, args.tenant.as_deref()).await?;
    if args.files.is_empty() {
        bail!("name at least one file: --units, --services, --points, --officers, --villages, --catalogue or --issues");
    }
    let mut contents = Vec::new();
    for (table, path) in &args.files {
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        contents.push((*table, bytes));
    }
    let mut files = ImportFiles::default();
    for (table, bytes) in &contents {
        files.set(*table, bytes);
    }
    let now = OffsetDateTime::now_utc();
    let snapshot = store.org_snapshot(&tenant.tenant_id).await?;
    let plan = match plan_import(&files, &snapshot, now.to_offset(tenant.offset()).date()) {
        Ok(plan) => plan,
        Err(errors) => {
            for error in &errors {
                eprintln!("error: {error}");
            }
            eprintln!("{} problem(s); nothing was imported", errors.len());
            return Ok(ExitCode::from(2));
        }
    };
    for (table, _) in &args.files {
        let counts = plan.counts(*table);
        println!(
            "{}: {} new, {} changed",
            table.file_name(),
            counts.added,
            counts.updated
        );
    }
    println!("{} unchanged", plan.unchanged);
    if plan.starting_today > 0 {
        println!(
            "{}: {} new officer(s) without TMT JABATAN start today: no earlier month pays them",
            Table::Officers.file_name(),
            plan.starting_today
        );
    }
    for k in &plan.starts_kept {
        println!(
            "{}: {} ({}) stays assigned from {}; the file's TMT JABATAN {} does not move a current assignment",
            Table::Officers.file_name(),
            k.name,
            k.nip,
            k.stored,
            k.given
        );
    }
    if !plan.contacts.is_empty() {
        println!(
            "{}: {} e-mail address(es) new or changed",
            Table::Officers.file_name(),
            plan.contacts.len()
        );
    }
    for d in &plan.departures {
        println!(
            "{}: {} ({}) leaves, last working day {} ({})",
            Table::Officers.file_name(),
            d.name,
            d.nip,
            d.departure.last_day,
            d.departure.reason.code()
        );
    }
    for (table, column) in &plan.ignored_columns {
        println!(
            "{}: column '{column}' is not used (not read)",
            table.file_name()
        );
    }
    if args.dry_run {
        println!("dry run: nothing was imported");
    } else if !plan.is_empty() {
        match store
            .apply_import(&tenant.tenant_id, &plan, CLI_ACTOR, now)
            .await
        {
            Ok(()) => println!("imported"),
            // The database no longer agrees with what was recorded: `suara verify`'s exit code.
            Err(error @ suara_store::StoreError::RecordsDisagree(_)) => {
                eprintln!("error: {error}; nothing was imported (run suara verify)");
                return Ok(ExitCode::from(3));
            }
            Err(error) => return Err(error.into()),
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub async fn add_api_key(
    store: &Store,
    label: &str,
    unit: &str,
    tenant: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let tenant = self::tenant(store, tenant).await?;
    store
        .unit(&tenant.tenant_id, unit)
        .await?
        .with_context(|| format!("--unit: no unit '{unit}'"))?;
    let key = suara_app::credentials::random_token();
    store
        .create_api_key(
            &tenant.tenant_id,
            &suara_app::credentials::token_hash(&key),
            label,
            unit,
            OffsetDateTime::now_utc(),
        )
        .await?;
    println!("API key '{label}' for {unit} and the units under it (shown once):");
    println!("{key}");
    Ok(ExitCode::SUCCESS)
}

/// The password a command was given on standard input, or a fresh random one to print.
fn new_password(from_stdin: bool) -> anyhow::Result<(String, bool)> {
    if from_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        Ok((line.trim_end_matches(['\r', '\n']).to_string(), false))
    } else {
        Ok((
            suara_app::credentials::random_token()[..20].to_string(),
            true,
        ))
    }
}

/// `suara user password USERNAME`: a new password; every session of the account ends.
pub async fn set_password(
    store: &Store,
    username: &str,
    tenant: Option<&str>,
    from_stdin: bool,
) -> anyhow::Result<ExitCode> {
    let tenant = self::tenant(store, tenant).await?;
    let (password, print) = new_password(from_stdin)?;
    if let Some(problem) = suara_domain::access::password_problem(&password) {
        bail!("{problem}");
    }
    let hash = suara_app::credentials::hash_password(&password)
        .map_err(|e| anyhow::anyhow!("hashing the password: {e}"))?;
    let change = suara_store::AccountChange::Password {
        hash: &hash,
        keep: None,
        chosen_for: false,
    };
    if !store
        .change_account(
            &tenant.tenant_id,
            username,
            change,
            CLI_ACTOR,
            OffsetDateTime::now_utc(),
        )
        .await?
    {
        bail!("no account '{username}'");
    }
    println!("new password set for {username}; every session of the account has ended");
    if print {
        println!("password (shown once): {password}");
    }
    Ok(ExitCode::SUCCESS)
}

/// `suara user disable|enable USERNAME`.
/// `suara user reset-second-factor`: for a holder who lost both phone and recovery codes.
pub async fn reset_second_factor(
    store: &Store,
    username: &str,
    tenant: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let tenant = self::tenant(store, tenant).await?;
    if !store
        .reset_second_factor(
            &tenant.tenant_id,
            username,
            CLI_ACTOR,
            OffsetDateTime::now_utc(),
        )
        .await?
    {
        bail!("no account '{username}'");
    }
    println!("{username} sets up a new sign-in code at the next sign-in; its sessions ended");
    Ok(ExitCode::SUCCESS)
}

pub async fn change_user(
    store: &Store,
    username: &str,
    tenant: Option<&str>,
    change: suara_store::AccountChange<'_>,
) -> anyhow::Result<ExitCode> {
    let tenant = self::tenant(store, tenant).await?;
    if !store
        .change_account(
            &tenant.tenant_id,
            username,
            change,
            CLI_ACTOR,
            OffsetDateTime::now_utc(),
        )
        .await?
    {
        bail!("no account '{username}'");
    }
    match change {
        suara_store::AccountChange::Disable => {
            println!("{username} is disabled; its sessions have ended")
        }
        _ => println!("{username} is enabled"),
    }
    Ok(ExitCode::SUCCESS)
}

/// `suara apikey list`.
pub async fn list_api_keys(store: &Store, tenant: Option<&str>) -> anyhow::Result<ExitCode> {
    let tenant = self::tenant(store, tenant).await?;
    let keys = store.api_keys(&tenant.tenant_id).await?;
    if keys.is_empty() {
        println!("no API keys");
    }
    for key in keys {
        let state = match key.revoked_at {
            Some(at) => format!("revoked {}", at.date()),
            None => "active".to_string(),
        };
        println!(
            "{}\t{}\tcreated {}\t{state}",
            key.label,
            key.unit_id,
            key.created_at.date()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `suara apikey revoke LABEL`.
pub async fn revoke_api_key(
    store: &Store,
    label: &str,
    tenant: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let tenant = self::tenant(store, tenant).await?;
    let revoked = store
        .revoke_api_key(
            &tenant.tenant_id,
            label,
            CLI_ACTOR,
            OffsetDateTime::now_utc(),
        )
        .await?;
    if revoked == 0 {
        bail!("no active API key labelled '{label}'");
    }
    println!("revoked {revoked} key(s) labelled '{label}'");
    Ok(ExitCode::SUCCESS)
}

/// Exit code of `suara verify` when the chain does not hold.
const CHAIN_BROKEN: u8 = 3;

pub async fn verify(
    store: &Store,
    tenant: Option<&str>,
    signing_key: &std::path::Path,
) -> anyhow::Result<ExitCode> {
    let tenant = self::tenant(store, tenant).await?;
    let id = &tenant.tenant_id;
    // Never made here: a key that verify created would check nothing.
    let signer = Signer::new(signing_key);
    let key = signer.existing_key(id)?;
    let public = key.as_ref().map(|key| key.public());
    if public.is_none() {
        println!(
            "no signing key at {} (give the server's with --signing-key FILE)",
            signer.key_file(id).display()
        );
    }
    let kept = match public
        .as_ref()
        .map(|p| signer.kept_heads(id, p))
        .transpose()
    {
        Ok(kept) => kept.unwrap_or_default(),
        Err(problem) => {
            println!("BROKEN: the signed head kept beside the key: {problem}");
            return Ok(ExitCode::from(CHAIN_BROKEN));
        }
    };
    let report = store.verify(id, key.as_deref(), &kept).await?;
    println!(
        "{id}: {} links verified, head {}; {} signed heads, {} monthly totals, {} payroll runs, {} audit entries and {} signed heads of them checked",
        report.chain.verified,
        report.chain.head,
        report.log.heads_checked,
        report.totals_checked,
        report.runs_checked,
        report.audit.verified,
        report.audit.heads_checked,
    );
    match &report.problem {
        None => {
            println!("chain intact; transparency log, monthly totals, payroll runs and audit chain intact");
            Ok(ExitCode::SUCCESS)
        }
        Some(problem) => {
            println!("BROKEN: {problem}");
            Ok(ExitCode::from(CHAIN_BROKEN))
        }
    }
}

/// `suara demo --officers N --responses M --seed S`: a generated regency, with the time it
/// took.
pub async fn generate(
    store: &Store,
    regency: &Tenant,
    officers: usize,
    responses: u64,
    seed: u64,
    until: Option<&str>,
    innovation_effect: f64,
) -> anyhow::Result<ExitCode> {
    if !suara_domain::survey::valid_code(&regency.tenant_id) {
        eprintln!(
            "error: --regency '{}' is not a code: use lowercase letters, digits, '-', '_' or '.'",
            regency.tenant_id
        );
        return Ok(ExitCode::from(2));
    }
    if !innovation_effect.is_finite() || innovation_effect.abs() > 3.0 {
        eprintln!("error: --innovation-effect is in NRR points on a 1–4 scale: -3 to 3");
        return Ok(ExitCode::from(2));
    }
    let until = match until {
        Some(text) => time::Date::parse(
            text,
            time::macros::format_description!("[year]-[month]-[day]"),
        )
        .with_context(|| format!("--until {text}: use YYYY-MM-DD"))?,
        None => OffsetDateTime::now_utc()
            .to_offset(time::macros::offset!(+7))
            .date(),
    };
    let size = crate::demo::Size {
        officers,
        responses,
        seed,
        until,
        innovation_effect,
    };
    let started = std::time::Instant::now();
    let generated = crate::demo::generate(store, regency, &size).await?;
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "demo: {} (generated, seed {seed}) with {} units, {} officers and {} responses up to {until}, chained ({} links), in {seconds:.1} s ({:.0} responses/s)",
        regency.name,
        generated.units,
        generated.officers,
        generated.loaded.responses,
        generated.loaded.chain_length,
        generated.loaded.responses as f64 / seconds.max(1e-9),
    );
    println!(
        "demo: staff accounts admin, bkpsdm, bpkad, inspektorat, bappeda, admin-dinkes and pegawai, password {}",
        crate::demo::DEMO_PASSWORD
    );
    Ok(ExitCode::SUCCESS)
}
