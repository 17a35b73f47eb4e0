//! The regency's organisation: units (OPD and their UPT, puskesmas, kecamatan, desa) as a
//! tree, the services each unit gives, its service points (counters), and officers (ASN)
//! with their assignment history.

pub mod departure;
pub mod edit;
pub mod host;
pub mod hours;
pub mod import;
pub mod template;
pub mod tree;
pub mod village;

use serde::Serialize;
pub use time::Date;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unit {
    pub unit_id: String,
    pub parent_id: Option<String>,
    pub name: String,
    /// dinas, badan, kecamatan, puskesmas, upt, desa…: a free code, shown as given.
    pub kind: String,
    /// Estimated service users per month, for the Krejcie–Morgan sample size; unknown if `None`.
    pub monthly_users: Option<u32>,
    /// Posted service hours; `None` when not set (then no response is judged by the hour).
    pub service_hours: Option<hours::ServiceHours>,
    /// The officers who sign the unit's payable list: its head ("Mengetahui, Kepala Unit")
    /// and the treasurer (Bendahara Pengeluaran). `None` takes the parent unit's, and at the
    /// top a line to write in by hand. Left out of the audit JSON when unset, so entries
    /// made before they existed read the same.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub head_nip: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub treasurer_nip: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Service {
    pub service_id: String,
    pub unit_id: String,
    pub name: String,
}

/// A counter or desk where a service is given; QR posters and tickets point at one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ServicePoint {
    pub point_id: String,
    pub unit_id: String,
    pub name: String,
}

/// An officer (ASN) as of now. Where they worked before is in their assignment history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Officer {
    /// Nomor Induk Pegawai: 18 digits.
    pub nip: String,
    pub name: String,
    pub position: String,
    /// Position class (kelas jabatan), which sets the base TPP.
    pub position_class: String,
    pub unit_id: String,
    /// Whether the public meets them in person; those who do not take their unit's
    /// satisfaction score for TPP instead of their own.
    pub serves_public: bool,
    /// What finance needs to pay them; empty until a personnel list brings it.
    #[serde(flatten)]
    pub pay: PayDetails,
}

/// An officer's rank and where their pay goes, as on the *daftar nominatif*.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PayDetails {
    /// Golongan/ruang, as the personnel list writes it ("III/c"); income tax on TPP
    /// follows its group.
    pub rank: String,
    /// Tax number (NPWP), digits only.
    pub npwp: String,
    pub bank: String,
    /// Bank account number, digits only.
    pub account_number: String,
}

/// One period of an officer's work in a unit; `until` is `None` while it lasts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assignment {
    pub unit_id: String,
    pub position: String,
    pub from: Date,
    pub until: Option<Date>,
}

/// Whether a text is an 18-digit NIP.
pub fn valid_nip(nip: &str) -> bool {
    nip.len() == 18 && nip.bytes().all(|b| b.is_ascii_digit())
}
