//! The demo's Musrena Keren: last year's cycle carried through (village forums in six
//! districts, proposals ranked, carried up, accepted, budgeted, implemented or rejected with
//! reasons, plus a district and a regency forum) and this year's forums still under way, so
//! every stage appears. Deterministic from a fixed seed.

use suara_domain::musrena::forum::{Accommodation, Group, Level, Participants};
use suara_domain::musrena::lifecycle::Action;
use suara_domain::musrena::progress::Progress;
use suara_domain::musrena::proposal::{validate, ProposalDraft};
use suara_domain::musrena::ranking::{rank, Candidate, Rule};
use suara_domain::org::village::Village;
use suara_store::{Forum, MusrenaError, ProposalFilter, Store, StoreError};
use time::{Date, Month, OffsetDateTime};

use super::{villages, Rng, DISTRICTS, TENANT_ID};

/// Title, problem, activity, sector, proposing groups.
const POOL: [(&str, &str, &str, &str, &[&str]); 14] = [
    (
        "Jalur landai dan pegangan di balai desa",
        "Warga berkursi roda dan lansia tidak bisa masuk balai desa karena tangga tinggi.",
        "Membangun jalur landai, pegangan tangan dan toilet yang bisa dipakai pengguna kursi roda.",
        "infrastructure",
        &["disability_physical", "elderly"],
    ),
    (
        "Posyandu lansia dengan pemeriksaan rutin",
        "Lansia harus ke puskesmas yang jauh untuk cek tekanan darah dan gula darah.",
        "Posyandu lansia sebulan sekali dengan alat cek kesehatan dan kader terlatih.",
        "health",
        &["elderly", "women"],
    ),
    (
        "Taman bermain ramah anak",
        "Anak-anak bermain di pinggir jalan karena tidak ada tempat bermain yang aman.",
        "Membuat taman bermain berpagar dengan permainan yang aman di tanah kas desa.",
        "child_protection",
        &["children"],
    ),
    (
        "Pelatihan olahan hasil laut untuk perempuan",
        "Ikan dijual murah saat panen raya; ibu-ibu belum punya keterampilan mengolahnya.",
        "Pelatihan pengolahan dan pengemasan ikan asap, abon dan kerupuk, serta izin PIRT.",
        "economy",
        &["women"],
    ),
    (
        "Penerangan jalan menuju sekolah",
        "Jalan ke SD gelap saat subuh dan sore; anak dan ibu merasa tidak aman.",
        "Memasang lampu jalan tenaga surya sepanjang 1,2 km.",
        "infrastructure",
        &["children", "women"],
    ),
    (
        "Juru bahasa isyarat di layanan desa",
        "Warga tuli tidak bisa mengurus surat di kantor desa tanpa pendamping.",
        "Pelatihan bahasa isyarat untuk dua perangkat desa dan jadwal layanan dengan juru bahasa.",
        "social",
        &["disability_hearing"],
    ),
    (
        "Buku dan penanda braille di perpustakaan desa",
        "Warga netra tidak punya bahan bacaan dan tidak bisa membaca papan informasi.",
        "Pengadaan buku braille dan buku audio, serta papan informasi braille.",
        "education",
        &["disability_visual"],
    ),
    (
        "Rumah aman bagi korban kekerasan",
        "Korban kekerasan dalam rumah tangga tidak punya tempat berlindung sementara.",
        "Menyiapkan rumah aman dengan pendamping dan kerja sama dengan unit PPA.",
        "child_protection",
        &["women", "children"],
    ),
    (
        "Bantuan alat bantu dengar",
        "Banyak lansia dan anak dengan gangguan pendengaran tidak mampu membeli alat bantu dengar.",
        "Pemeriksaan pendengaran dan pemberian alat bantu dengar bagi yang membutuhkan.",
        "health",
        &["disability_hearing", "elderly"],
    ),
    (
        "Kelompok usaha kerajinan bambu penyandang disabilitas",
        "Penyandang disabilitas sulit mendapat pekerjaan dan penghasilan.",
        "Pelatihan dan peralatan kerajinan bambu, serta pemasaran lewat BUMDes.",
        "economy",
        &["disability_physical", "disability_intellectual"],
    ),
    (
        "Air bersih untuk dusun di perbukitan",
        "Saat kemarau perempuan berjalan 2 km untuk mengambil air.",
        "Pipa dan tandon air dari mata air ke dusun, dikelola HIPPAM.",
        "infrastructure",
        &["other_vulnerable", "women"],
    ),
    (
        "Pendampingan kesehatan jiwa berbasis desa",
        "Warga dengan gangguan jiwa ada yang dipasung karena keluarga tidak tahu harus ke mana.",
        "Kader kesehatan jiwa desa, kunjungan rumah dan rujukan ke puskesmas.",
        "health",
        &["disability_mental"],
    ),
    (
        "Kelas ibu balita: gizi dan pengasuhan",
        "Masih ada balita gizi kurang dan ibu belum mendapat informasi pengasuhan.",
        "Kelas bulanan tentang gizi, MPASI dan pengasuhan bersama bidan desa.",
        "health",
        &["women", "children"],
    ),
    (
        "Ruang pertemuan forum anak desa",
        "Forum anak desa tidak punya tempat berkumpul dan berkegiatan.",
        "Merenovasi satu ruang di balai desa untuk forum anak, dengan buku dan alat kegiatan.",
        "social",
        &["children"],
    ),
];

fn day(year: i32, month: Month, day: u8, today: Date) -> Date {
    Date::from_calendar_date(year, month, day)
        .unwrap_or(today)
        .min(today)
}

/// The SDG targets a demo proposal of `sector` serves.
fn sdgs_of(sector: &str) -> &'static str {
    match sector {
        "infrastructure" => "11.2, 10.2",
        "health" => "3.8",
        "education" => "4.1, 4.5",
        "economy" => "8.3, 5.5",
        "social" => "1.3, 10.2",
        "child_protection" => "16.2, 5.2",
        "environment" => "6.2, 13.1",
        _ => "16.6",
    }
}

fn fail(error: MusrenaError) -> StoreError {
    match error {
        MusrenaError::Store(e) => e,
        other => StoreError::Corrupt(format!("demo Musrena: {other}")),
    }
}

struct Demo<'a> {
    store: &'a Store,
    now: OffsetDateTime,
    rng: Rng,
    villages: Vec<Village>,
}

impl Demo<'_> {
    async fn forum(
        &mut self,
        level: Level,
        district: Option<&str>,
        village: Option<&str>,
        held_on: Date,
    ) -> Result<String, StoreError> {
        let mut participants = Participants {
            total: 25 + self.rng.below(30) as u32,
            ..Participants::default()
        };
        for group in Group::ALL {
            let share = if group == Group::Women { 3 } else { 8 };
            participants.set(group, participants.total / share + self.rng.below(3) as u32);
        }
        let accommodations = Accommodation::ALL
            .into_iter()
            .filter(|_| self.rng.below(3) > 0)
            .collect();
        let forum = Forum {
            forum_id: String::new(),
            level,
            district_id: district.map(str::to_string),
            village: village.map(str::to_string),
            held_on,
            place: match village.and_then(|v| self.villages.iter().find(|x| x.code == v)) {
                Some(v) => format!("Balai Desa {}", v.name),
                None => "Pendopo Kabupaten".into(),
            },
            facilitator: "Tim PKK dan Pendamping Desa".into(),
            accommodations,
            participants,
            rule_version: None,
        };
        self.store
            .create_forum(TENANT_ID, &forum, "fasilitator", self.now)
            .await
            .map_err(fail)
    }

    /// Adds `count` proposals from the pool, scored and voted; returns their codes by rank.
    async fn proposals(
        &mut self,
        forum_id: &str,
        first: usize,
        count: usize,
        village: &str,
        on: Date,
        scored: bool,
    ) -> Result<Vec<String>, StoreError> {
        for i in 0..count {
            let (title, problem, activity, sector, groups) = POOL[(first + i) % POOL.len()];
            let picked = super::catalogue::for_sector(sector);
            let draft = ProposalDraft {
                title: title.into(),
                problem: problem.into(),
                activity: activity.into(),
                sector: sector.into(),
                village: village.into(),
                address: format!("Dusun {}", ["Krajan", "Kulon", "Wetan", "Tengah"][i % 4]),
                latitude: String::new(),
                longitude: String::new(),
                // From the catalogue, the cost is volume × unit price.
                estimated_cost: match picked {
                    Some(_) => String::new(),
                    None => (5_000_000 * (1 + self.rng.below(30))).to_string(),
                },
                activity_code: picked.map_or(String::new(), |(code, _)| code.into()),
                volume: picked.map_or(String::new(), |_| (1 + self.rng.below(12)).to_string()),
                issue: picked.map_or(String::new(), |(_, issue)| issue.into()),
                proposed_by: groups.iter().map(|g| g.to_string()).collect(),
                beneficiaries: groups
                    .iter()
                    .map(|g| (g.to_string(), (10 + self.rng.below(200)).to_string()))
                    .collect(),
                sdgs: sdgs_of(sector).into(),
                ..ProposalDraft::default()
            };
            let proposal = validate(&draft)
                .map_err(|e| StoreError::Corrupt(format!("demo proposal: {e:?}")))?;
            let code = self
                .store
                .add_proposal(
                    TENANT_ID,
                    forum_id,
                    &proposal,
                    groups == ["children"],
                    on,
                    "fasilitator",
                    self.now,
                )
                .await
                .map_err(fail)?;
            if scored {
                let scores: Vec<u8> = (0..4).map(|_| 1 + self.rng.below(5) as u8).collect();
                let votes = self.rng.below(25) as u32;
                self.store
                    .score_proposal(TENANT_ID, &code, &scores, votes)
                    .await
                    .map_err(fail)?;
            }
        }
        let filter = ProposalFilter {
            forum_id: Some(forum_id.into()),
            ..ProposalFilter::default()
        };
        let stored = self.store.proposals(TENANT_ID, &filter).await?;
        if !scored {
            return Ok(stored.into_iter().map(|p| p.code).collect());
        }
        let candidates: Vec<Candidate> = stored
            .iter()
            .map(|p| Candidate {
                code: p.code.clone(),
                scores: p.scores.clone(),
                votes: p.votes,
                estimated_cost: p.proposal.estimated_cost.unwrap_or(0),
                submitted: p.seq as u64,
            })
            .collect();
        let ranked = rank(&Rule::standard(), &candidates)
            .map_err(|e| StoreError::Corrupt(format!("demo ranking: {e}")))?;
        Ok(ranked.into_iter().map(|r| r.code).collect())
    }

    async fn step(
        &self,
        codes: &[String],
        action: Action,
        on: Date,
        actor: &str,
    ) -> Result<(), StoreError> {
        if codes.is_empty() {
            return Ok(());
        }
        self.store
            .apply_actions(TENANT_ID, codes, &action, on, actor, self.now)
            .await
            .map(|_| ())
            .map_err(fail)
    }
}

fn reject(reason: &str) -> Action {
    Action::Reject {
        reason: reason.into(),
    }
}

/// Fills the demo regency's Musrena; returns a line for the console.
pub async fn fill(store: &Store, today: Date, now: OffsetDateTime) -> Result<String, StoreError> {
    let mut demo = Demo {
        store,
        now,
        rng: Rng(0x6d75_7372_656e_6121),
        villages: store.villages(TENANT_ID).await?,
    };
    let mut carried_to_regency = demo.last_years_villages(today).await?;
    demo.last_years_district_and_regency(today, &mut carried_to_regency)
        .await?;
    let accepted = demo.bappeda_decides(&carried_to_regency, today).await?;
    demo.progress(&accepted, today).await?;
    demo.this_years_forums(today).await?;
    let all = store
        .proposals(TENANT_ID, &ProposalFilter::default())
        .await?;
    Ok(format!(
        "Musrena Keren with {} forums and {} proposals in every stage",
        store.forums(TENANT_ID).await?.len(),
        all.len()
    ))
}

impl Demo<'_> {
    /// Last year's village forums in six districts, carried through the whole cycle; the
    /// proposals that reached the regency.
    async fn last_years_villages(&mut self, today: Date) -> Result<Vec<String>, StoreError> {
        let last = today.year() - 1;
        let mut carried_to_regency = Vec::new();
        for (i, district) in DISTRICTS.iter().take(6).enumerate() {
            let district_id = format!("kecamatan-{}", district.to_lowercase());
            let village = villages::nth_of(&self.villages, district, i);
            let held = day(last, Month::January, 8 + 3 * i as u8, today);
            let forum = self
                .forum(Level::Desa, Some(&district_id), Some(&village), held)
                .await?;
            let ranked = self
                .proposals(&forum, i * 2, 5, &village, held, true)
                .await?;
            self.step(&ranked, Action::Verify, held, "fasilitator")
                .await?;
            self.step(&ranked, Action::Prioritize, held, "fasilitator")
                .await?;
            self.step(
                &ranked[..3],
                Action::Carry,
                day(last, Month::January, 28, today),
                "fasilitator",
            )
            .await?;
            self.step(
                &ranked[2..3],
                reject("Dapat didanai Dana Desa; diteruskan ke APBDes"),
                day(last, Month::February, 2, today),
                "musrenbang-desa",
            )
            .await?;
            self.step(
                &ranked[..2],
                Action::Carry,
                day(last, Month::February, 3, today),
                "musrenbang-desa",
            )
            .await?;
            self.step(
                &ranked[1..2],
                reject("Belum menjadi prioritas kecamatan tahun ini; diajukan lagi tahun depan"),
                day(last, Month::February, 20, today),
                "musrenbang-kecamatan",
            )
            .await?;
            self.step(
                &ranked[..1],
                Action::Carry,
                day(last, Month::February, 21, today),
                "musrenbang-kecamatan",
            )
            .await?;
            carried_to_regency.push(ranked[0].clone());
        }
        Ok(carried_to_regency)
    }

    /// A district forum and a regency forum of last year.
    async fn last_years_district_and_regency(
        &mut self,
        today: Date,
        carried_to_regency: &mut Vec<String>,
    ) -> Result<(), StoreError> {
        let last = today.year() - 1;
        let district_forum = self
            .forum(
                Level::Kecamatan,
                Some("kecamatan-trenggalek"),
                None,
                day(last, Month::February, 10, today),
            )
            .await?;
        let town = villages::nth_of(&self.villages, "Trenggalek", 0);
        let ranked = self
            .proposals(
                &district_forum,
                5,
                4,
                &town,
                day(last, Month::February, 10, today),
                true,
            )
            .await?;
        self.step(
            &ranked,
            Action::Verify,
            day(last, Month::February, 10, today),
            "fasilitator",
        )
        .await?;
        self.step(
            &ranked,
            Action::Prioritize,
            day(last, Month::February, 10, today),
            "fasilitator",
        )
        .await?;
        self.step(
            &ranked[..2],
            Action::Carry,
            day(last, Month::February, 24, today),
            "fasilitator",
        )
        .await?;
        self.step(
            &ranked[..1],
            Action::Carry,
            day(last, Month::March, 2, today),
            "musrenbang-kecamatan",
        )
        .await?;
        carried_to_regency.push(ranked[0].clone());
        let regency_forum = self
            .forum(
                Level::Kabupaten,
                None,
                None,
                day(last, Month::March, 5, today),
            )
            .await?;
        // A regency forum's proposals name villages anywhere in the regency.
        let durenan = villages::nth_of(&self.villages, "Durenan", 2);
        let ranked = self
            .proposals(
                &regency_forum,
                7,
                3,
                &durenan,
                day(last, Month::March, 5, today),
                true,
            )
            .await?;
        self.step(
            &ranked,
            Action::Verify,
            day(last, Month::March, 5, today),
            "fasilitator",
        )
        .await?;
        self.step(
            &ranked,
            Action::Prioritize,
            day(last, Month::March, 5, today),
            "fasilitator",
        )
        .await?;
        self.step(
            &ranked[..2],
            Action::Carry,
            day(last, Month::March, 12, today),
            "fasilitator",
        )
        .await?;
        carried_to_regency.extend(ranked[..2].iter().cloned());
        Ok(())
    }

    /// Bappeda: most into the RKPD, some budgeted in the APBD; one still before the regency
    /// musrenbang's decision, one rejected, one returned to the village. The accepted ones.
    async fn bappeda_decides(
        &mut self,
        carried_to_regency: &[String],
        today: Date,
    ) -> Result<Vec<String>, StoreError> {
        let last = today.year() - 1;
        let (accepted, rest) = carried_to_regency.split_at(carried_to_regency.len() - 3);
        let refused = &rest[1..];
        self.step(
            &refused[..1],
            reject("Sudah tercakup program Dinas Sosial tahun berjalan"),
            day(last, Month::April, 15, today),
            "bappeda",
        )
        .await?;
        self.step(
            &refused[1..],
            Action::Return {
                reason: "Kewenangan desa: dibiayai Dana Desa, sudah masuk RKPDes tahun depan"
                    .into(),
            },
            day(last, Month::April, 15, today),
            "bappeda",
        )
        .await?;
        self.step(
            accepted,
            Action::AcceptIntoPlan,
            day(last, Month::May, 27, today),
            "bappeda",
        )
        .await?;
        for code in accepted.iter().take(5) {
            // The budget is the estimate, rounded down to a hundred thousand rupiah.
            let estimate = self
                .store
                .proposal(TENANT_ID, code)
                .await?
                .and_then(|(p, _)| p.proposal.estimated_cost)
                .unwrap_or(25_000_000);
            let amount = (estimate / 100_000).max(1) * 100_000;
            self.step(
                std::slice::from_ref(code),
                Action::Budget { amount },
                day(last, Month::November, 28, today),
                "bappeda",
            )
            .await?;
        }
        Ok(accepted.to_vec())
    }

    /// Progress reported after the budget: two built (the report at 100 % completes them),
    /// two under way, one not started.
    async fn progress(&mut self, accepted: &[String], today: Date) -> Result<(), StoreError> {
        let this = today.year();
        for (i, code) in accepted.iter().take(4).enumerate() {
            let budget = self
                .store
                .proposal(TENANT_ID, code)
                .await?
                .and_then(|(p, _)| p.budget_amount)
                .unwrap_or(0);
            let reports: &[(Month, u8, u8, u8, &str)] = &[
                (
                    Month::February,
                    16,
                    30,
                    25,
                    "Material datang, pekerjaan persiapan dan pondasi dimulai.",
                ),
                (
                    Month::April,
                    20,
                    70,
                    65,
                    "Pekerjaan utama berjalan; diperiksa bersama kader desa.",
                ),
                (
                    Month::June,
                    30,
                    100,
                    96,
                    "Selesai dan dipakai warga; berita acara serah terima ditandatangani.",
                ),
            ];
            for (month, d, percent, spent, note) in &reports[..if i < 2 { 3 } else { 2 }] {
                let entry = Progress {
                    on: day(this, *month, *d, today),
                    percent: *percent,
                    spent: budget / 100 * u64::from(*spent),
                    note: (*note).to_string(),
                };
                self.store
                    .add_progress(TENANT_ID, code, &entry, None, "bappeda", self.now)
                    .await
                    .map_err(fail)?;
            }
        }
        Ok(())
    }

    /// This year's forums, still under way.
    async fn this_years_forums(&mut self, today: Date) -> Result<(), StoreError> {
        let this = today.year();
        for (i, district) in DISTRICTS.iter().skip(6).take(3).enumerate() {
            let district_id = format!("kecamatan-{}", district.to_lowercase());
            let village = villages::nth_of(&self.villages, district, i + 1);
            let held = day(this, Month::January, 12 + 4 * i as u8, today);
            let forum = self
                .forum(Level::Desa, Some(&district_id), Some(&village), held)
                .await?;
            let scored = i > 0;
            let ranked = self
                .proposals(&forum, 3 + i * 3, 4, &village, held, scored)
                .await?;
            if i >= 1 {
                self.step(&ranked, Action::Verify, held, "fasilitator")
                    .await?;
            }
            if i == 2 {
                self.step(&ranked, Action::Prioritize, held, "fasilitator")
                    .await?;
                self.step(
                    &ranked[..2],
                    Action::Carry,
                    day(this, Month::February, 5, today),
                    "fasilitator",
                )
                .await?;
            }
        }
        Ok(())
    }
}
