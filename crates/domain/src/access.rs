//! Who may see and do what. Every signed-in route names one [`Permission`]; pages about one
//! unit or officer also ask [`Principal::sees_unit`] / [`Principal::sees_officer`], which
//! confine a unit admin to their subtree and an officer to themselves.

use serde::Serialize;

use crate::org::tree::UnitTree;
use crate::reason::Reason;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Administrator,
    /// Administers one unit and everything under it.
    UnitAdmin,
    /// BKPSDM: personnel; keeps the officer list.
    Hr,
    /// BPKAD: pays the TPP.
    Finance,
    Inspectorate,
    /// Bappeda.
    Planner,
    /// An ASN who sees only their own figures.
    Officer,
    /// The province (or ministry) hosting many regencies: sees every regency's figures side
    /// by side, and nothing of any one regency's people, pay or plans.
    Province,
}

impl Role {
    pub const ALL: [Role; 8] = [
        Role::Administrator,
        Role::UnitAdmin,
        Role::Hr,
        Role::Finance,
        Role::Inspectorate,
        Role::Planner,
        Role::Officer,
        Role::Province,
    ];

    /// Whether a regency's own administrator may give this role on the web. The province's
    /// role is not theirs to give: it sees every regency's figures, so only the operator's
    /// command line (`suara user add --role province`) makes such accounts.
    pub fn granted_by_regency(self) -> bool {
        self != Role::Province
    }

    pub fn code(self) -> &'static str {
        match self {
            Role::Administrator => "admin",
            Role::UnitAdmin => "unit_admin",
            Role::Hr => "hr",
            Role::Finance => "finance",
            Role::Inspectorate => "inspectorate",
            Role::Planner => "planner",
            Role::Officer => "officer",
            Role::Province => "province",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }

    pub fn label_id(self) -> &'static str {
        match self {
            Role::Administrator => "Administrator",
            Role::UnitAdmin => "Admin unit",
            Role::Hr => "BKPSDM",
            Role::Finance => "BPKAD",
            Role::Inspectorate => "Inspektorat",
            Role::Planner => "Bappeda",
            Role::Officer => "Pegawai",
            Role::Province => "Provinsi",
        }
    }

    /// What the role needs attached: a unit (unit admin) or a NIP (officer).
    pub fn needs(self) -> Option<&'static str> {
        match self {
            Role::UnitAdmin => Some("unit"),
            Role::Officer => Some("nip"),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Permission {
    /// The IKM dashboard of units (a unit admin sees their subtree only).
    ViewDashboard,
    /// One officer's figures (an officer sees only their own).
    ViewOfficer,
    /// CSV import of units, services, points and officers.
    ImportOrganisation,
    ViewAuditLog,
    ManageAccounts,
    /// Any signed-in user: own account page, sign out.
    SignedIn,
    /// One-time survey tickets at the counter (an officer for themselves, a unit admin in
    /// their subtree).
    IssueTickets,
    /// Accepting or rejecting responses held back by the anomaly rules.
    ReviewQuarantine,
    /// Registering counter tablets as kiosks, and revoking them (a unit admin in their
    /// subtree).
    ManageKiosks,
    /// Approving a registered kiosk, so its answers count for pay (the inspectorate or
    /// BKPSDM, never the account that registered it).
    ApproveKiosks,
    /// TPP: base amounts, components, policies, computing and reviewing a month's payroll
    /// (BKPSDM and BPKAD).
    ManagePayroll,
    /// Approving and locking a payroll run: finance (BPKAD) alone.
    ApprovePayroll,
    /// Appealing a response that names oneself (officers).
    AppealResponses,
    /// Deciding officers' appeals (the inspectorate).
    DecideAppeals,
    /// Confirming the sources of a month's pay evidence (the inspectorate, outside every
    /// unit, never the account that issued the tickets).
    ConfirmEvidenceSources,
    /// Musrena forums and proposals: recording, scoring, carrying up (a unit admin for the
    /// districts in their subtree).
    ManageMusrena,
    /// Accepting proposals into the plan, budgeting them, recording implementation and
    /// exporting for SIPD (Bappeda).
    DecidePlanning,
    /// A unit's follow-up plans (rencana tindak lanjut): a unit admin for their subtree.
    ManageFollowUp,
    /// Reviewing citizens' suggestions before other staff read them or the report lists
    /// them (a unit admin for their subtree): words may only be deleted.
    ReviewSuggestions,
    /// Registering innovations and managing their stages, units, partners and evidence;
    /// deciding staff ideas (a unit admin for their subtree).
    ManageInnovation,
    /// Importing a unit's past SKM from another tool into its trend (a unit admin for their
    /// subtree).
    ImportSurveyHistory,
    /// A service's own wording of the survey and its extra questions (a unit admin for
    /// their subtree).
    AdaptSurvey,
    ViewProvince,
    /// The regency's letterhead on its printed reports.
    SetLetterhead,
}

/// A signed-in user as far as access is concerned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Principal {
    pub role: Role,
    /// The unit a unit admin administers.
    pub unit_id: Option<String>,
    /// The NIP of an officer account.
    pub nip: Option<String>,
}

impl Principal {
    pub fn may(&self, permission: Permission) -> bool {
        use Permission::*;
        use Role::*;
        match permission {
            SignedIn => true,
            IssueTickets => matches!(self.role, Administrator | UnitAdmin | Officer),
            ReviewQuarantine => matches!(self.role, Administrator | Inspectorate),
            ManageKiosks => matches!(self.role, Administrator | UnitAdmin),
            // Outside every unit, and never the one who registered the kiosk (checked when
            // approving): the second pair of eyes on what creates pay evidence.
            ApproveKiosks => matches!(self.role, Inspectorate | Hr),
            ManagePayroll => matches!(self.role, Administrator | Hr | Finance),
            ApprovePayroll => self.role == Finance,
            AppealResponses => self.role == Officer,
            DecideAppeals => matches!(self.role, Administrator | Inspectorate),
            ConfirmEvidenceSources => self.role == Inspectorate,
            ManageMusrena => matches!(self.role, Administrator | Planner | UnitAdmin),
            DecidePlanning => matches!(self.role, Administrator | Planner),
            ManageFollowUp | ManageInnovation | ReviewSuggestions | ImportSurveyHistory
            | AdaptSurvey => {
                matches!(self.role, Administrator | UnitAdmin)
            }
            ViewDashboard => !matches!(self.role, Officer | Province),
            ViewOfficer => !matches!(self.role, Planner | Province),
            ViewProvince => self.role == Province,
            ImportOrganisation => matches!(self.role, Administrator | Hr),
            ViewAuditLog => matches!(self.role, Administrator | Inspectorate),
            ManageAccounts | SetLetterhead => self.role == Administrator,
        }
    }

    /// Whether the unit's figures are for this user's eyes.
    pub fn sees_unit(&self, unit_id: &str, tree: &UnitTree) -> bool {
        match self.role {
            Role::UnitAdmin => self
                .unit_id
                .as_deref()
                .is_some_and(|root| tree.is_within(unit_id, root)),
            Role::Officer | Role::Province => false,
            _ => self.may(Permission::ViewDashboard),
        }
    }

    /// Whether an officer's figures (working in `unit_id`) are for this user's eyes.
    pub fn sees_officer(&self, nip: &str, unit_id: &str, tree: &UnitTree) -> bool {
        match self.role {
            Role::Officer => self.nip.as_deref() == Some(nip),
            Role::UnitAdmin => self.sees_unit(unit_id, tree),
            _ => self.may(Permission::ViewOfficer),
        }
    }
}

/// Shortest password a new account may get.
pub const MIN_PASSWORD_CHARS: usize = 12;

/// The strength rule for a password: at least 12 characters, at least 5 of them different (so
/// "aaaaaaaaaaaa" or "121212121212" do not pass).
pub fn password_problem(password: &str) -> Option<Reason> {
    let distinct: std::collections::BTreeSet<char> = password.chars().collect();
    if password.chars().count() < MIN_PASSWORD_CHARS {
        Some(Reason::PasswordLength)
    } else if distinct.len() < 5 {
        Some(Reason::PasswordVariety)
    } else {
        None
    }
}

/// A username: 3–64 characters of a–z, 0–9, '.', '_' or '-' (no look-alike letters from
/// other scripts, so no name can pass for another in the audit log).
pub fn valid_username(username: &str) -> bool {
    (3..=64).contains(&username.len())
        && username.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-')
        })
}

/// What is wrong with a new account's fields, if anything.
pub fn new_account_problem(
    username: &str,
    role: Role,
    unit_id: Option<&str>,
    nip: Option<&str>,
    password: &str,
) -> Option<Reason> {
    if !valid_username(username) {
        Some(Reason::Username)
    } else if let Some(problem) = password_problem(password) {
        Some(problem)
    } else if role == Role::UnitAdmin && unit_id.is_none() {
        Some(Reason::UnitAdminNeedsUnit)
    } else if role == Role::Officer && !nip.is_some_and(crate::org::valid_nip) {
        Some(Reason::OfficerNeedsNip)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regency_grants_every_role_but_the_provinces() {
        let granted: Vec<Role> = Role::ALL
            .into_iter()
            .filter(|r| r.granted_by_regency())
            .collect();
        assert_eq!(granted.len(), Role::ALL.len() - 1);
        assert!(!Role::Province.granted_by_regency());
    }

    #[test]
    fn passwords_must_be_long_and_varied() {
        assert!(password_problem("short").is_some());
        assert!(password_problem("aaaaaaaaaaaaaaaa").is_some());
        assert!(password_problem("121212121212").is_some());
        assert_eq!(password_problem("kopi tubruk pagi"), None);
    }

    fn principal(role: Role) -> Principal {
        Principal {
            role,
            unit_id: (role == Role::UnitAdmin).then(|| "dinkes".to_string()),
            nip: (role == Role::Officer).then(|| "198001012005011001".to_string()),
        }
    }

    #[test]
    fn codes_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), Some(role));
        }
        assert_eq!(Role::from_code("root"), None);
    }

    #[test]
    fn unit_admins_see_their_subtree_and_officers_themselves() {
        let tree = UnitTree::new([
            ("dinkes", None),
            ("pkm", Some("dinkes")),
            ("dukcapil", None),
        ]);
        let unit_admin = principal(Role::UnitAdmin);
        assert!(unit_admin.sees_unit("pkm", &tree));
        assert!(!unit_admin.sees_unit("dukcapil", &tree));
        assert!(unit_admin.sees_officer("1", "pkm", &tree));
        assert!(!unit_admin.sees_officer("1", "dukcapil", &tree));

        let officer = principal(Role::Officer);
        assert!(officer.sees_officer("198001012005011001", "dukcapil", &tree));
        assert!(!officer.sees_officer("198001012005011002", "dukcapil", &tree));
        assert!(!officer.sees_unit("dukcapil", &tree));

        let planner = principal(Role::Planner);
        assert!(planner.sees_unit("dukcapil", &tree));
        assert!(!planner.sees_officer("198001012005011001", "dukcapil", &tree));
        for role in [
            Role::Administrator,
            Role::Hr,
            Role::Finance,
            Role::Inspectorate,
        ] {
            assert!(principal(role).sees_officer("198001012005011001", "dukcapil", &tree));
        }
    }

    #[test]
    fn a_unit_admin_without_unit_sees_nothing() {
        let tree = UnitTree::new([("dinkes", None)]);
        let lost = Principal {
            role: Role::UnitAdmin,
            unit_id: None,
            nip: None,
        };
        assert!(!lost.sees_unit("dinkes", &tree));
    }

    #[test]
    fn account_fields_are_checked() {
        let ok = "a long enough password";
        assert_eq!(
            new_account_problem("admin", Role::Administrator, None, None, ok),
            None
        );
        assert!(new_account_problem("Admin!", Role::Administrator, None, None, ok).is_some());
        assert_eq!(
            new_account_problem("admin", Role::Administrator, None, None, "short"),
            Some(Reason::PasswordLength)
        );
        assert_eq!(
            new_account_problem("dinkes", Role::UnitAdmin, None, None, ok),
            Some(Reason::UnitAdminNeedsUnit)
        );
        assert_eq!(
            new_account_problem("dinkes", Role::UnitAdmin, Some("dinkes"), None, ok),
            None
        );
        assert!(new_account_problem("sri", Role::Officer, None, Some("123"), ok).is_some());
        assert_eq!(
            new_account_problem("sri", Role::Officer, None, Some("198001012005011001"), ok),
            None
        );
    }
}
