//! `suara demo --officers N --responses M --seed S`: the demo regency's units and services
//! at any size, for load tests and benchmarks. Responses fall on working days in office
//! hours over the twelve months up to `until`; the same seed and `until` give the same
//! database. They are stored through the bulk loader: counted and chained like any other.

use suara_domain::skm::{Answers, Rating};
use suara_domain::survey::{AgeBand, Education, Occupation, Profile, Sex, ValidResponse};
use suara_domain::tpp::inputs::parse_base_amounts;
use suara_store::{BulkResponse, BulkSummary, Channel, Store, StoreError, Tenant};
use time::{Date, Duration, OffsetDateTime, PrimitiveDateTime, Time, Weekday};

use super::innovation::{self, Plant};
use super::{
    create_accounts, create_regency, months_before, organisation, rating, Organisation, Rng,
    BASE_AMOUNTS, ELEMENT_BIAS, SUGGESTIONS,
};

/// What to generate.
#[derive(Clone, Copy, Debug)]
pub struct Size {
    pub officers: usize,
    pub responses: u64,
    pub seed: u64,
    /// The last day with responses.
    pub until: Date,
    /// NRR points planted from their start on the demo innovations' targeted elements.
    pub innovation_effect: f64,
}

/// What was generated.
pub struct Generated {
    pub units: usize,
    pub officers: usize,
    pub loaded: BulkSummary,
}

/// Creates the regency (new to the database) and loads its responses. A province's
/// regencies are generated one after another into one database, each under its own code.
pub async fn generate(
    store: &Store,
    regency: &Tenant,
    size: &Size,
) -> Result<Generated, StoreError> {
    let tenant_id = regency.tenant_id.as_str();
    if store
        .tenants()
        .await?
        .iter()
        .any(|t| t.tenant_id == tenant_id)
    {
        return Err(StoreError::BulkLoad(format!(
            "the database already holds the regency {tenant_id}; generate into a new one"
        )));
    }
    let org = organisation(size.seed, Some(size.officers));
    let (tenant, password_hash) = create_regency(store, regency, &org).await?;
    let amounts = parse_base_amounts(BASE_AMOUNTS)
        .map_err(|errors| StoreError::Corrupt(format!("demo base amounts: {errors:?}")))?;
    store
        .replace_base_amounts(tenant_id, &amounts, "bpkad", OffsetDateTime::now_utc())
        .await?;
    let demo_officer = org
        .officers
        .iter()
        .find(|o| o.officer.serves_public && o.officer.unit_id == super::DEMO_OFFICER_UNIT)
        .map(|o| o.officer.nip.as_str());
    create_accounts(store, tenant_id, &password_hash, demo_officer).await?;
    let days = Days::new(&org, &tenant, size);
    let loaded = store.bulk_load(&tenant, days).await?;
    innovation::fill(
        store,
        tenant_id,
        &org,
        size.until,
        OffsetDateTime::now_utc(),
    )
    .await?;
    Ok(Generated {
        units: org.units.len(),
        officers: org.officers.len(),
        loaded,
    })
}

/// The responses [`generate`] loads for this size, without a database.
pub fn generated_responses(size: &Size) -> impl Iterator<Item = Vec<BulkResponse>> {
    let org = organisation(size.seed, Some(size.officers));
    Days::new(&org, &super::tenant(), size)
}

/// A unit that is rated, with what its responses are drawn from.
struct RatedUnit {
    id: String,
    quality: f64,
    /// Relative number of people served.
    weight: u64,
    services: Vec<String>,
    /// Front-line officers and how far each is above or below the unit's quality.
    officers: Vec<(String, f64)>,
}

/// The responses of one working day after another, in arrival order.
struct Days {
    rng: Rng,
    seed: u64,
    tenant: Tenant,
    units: Vec<RatedUnit>,
    total_weight: u64,
    days: Vec<Date>,
    plants: Vec<Plant>,
    /// The first month, for the slow improvement over the year.
    first_month: i32,
    responses: u64,
    next_day: usize,
    serial: u64,
}

impl Days {
    fn new(org: &Organisation, tenant: &Tenant, size: &Size) -> Days {
        let mut rng = Rng(size.seed ^ 0x0dd5_eed5);
        let units: Vec<RatedUnit> = org
            .rated_units
            .iter()
            .map(|(id, quality)| RatedUnit {
                id: id.clone(),
                quality: *quality,
                weight: org
                    .units
                    .iter()
                    .find(|u| &u.unit_id == id)
                    .and_then(|u| u.monthly_users)
                    .map_or(1, u64::from),
                services: org
                    .services
                    .iter()
                    .filter(|s| &s.unit_id == id)
                    .map(|s| s.service_id.clone())
                    .collect(),
                officers: org
                    .officers
                    .iter()
                    .map(|c| &c.officer)
                    .filter(|o| &o.unit_id == id && o.serves_public)
                    .map(|o| (o.nip.clone(), (rng.unit() - 0.5) * 0.6))
                    .collect(),
            })
            .collect();
        let (year, month) = months_before(size.until.year(), u8::from(size.until.month()), 11);
        let first = time::Month::try_from(month)
            .ok()
            .and_then(|m| Date::from_calendar_date(year, m, 1).ok())
            .unwrap_or(size.until);
        let days = std::iter::successors(Some(first), |d| d.next_day())
            .take_while(|d| *d <= size.until)
            .filter(|d| !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday))
            .collect();
        Days {
            rng,
            seed: size.seed,
            tenant: tenant.clone(),
            total_weight: units.iter().map(|u| u.weight).sum::<u64>().max(1),
            units,
            days,
            plants: innovation::plants(org, size.until, size.innovation_effect),
            first_month: year * 12 + i32::from(month),
            responses: size.responses,
            next_day: 0,
            serial: 0,
        }
    }

    /// Responses on day `index`: the total spread evenly, remainders on later days.
    fn count_on(&self, index: usize) -> u64 {
        let days = self.days.len() as u128;
        let at = |k: usize| (k as u128 * u128::from(self.responses) / days.max(1)) as u64;
        at(index + 1) - at(index)
    }

    fn unit_index(&mut self) -> usize {
        let mut pick = self.rng.below(self.total_weight);
        for (index, unit) in self.units.iter().enumerate() {
            if pick < unit.weight {
                return index;
            }
            pick -= unit.weight;
        }
        0
    }

    /// `None` only if the survey rules refused a complete answer set (the tests count).
    fn response(&mut self, day: Date, seconds: u32) -> Option<BulkResponse> {
        self.serial += 1;
        let months_in = day.year() * 12 + i32::from(u8::from(day.month())) - self.first_month;
        // Quality drifts up slightly over the year, as follow-up actions take effect.
        let drift = f64::from(months_in) * 0.012;
        let unit = self.unit_index();
        let rng = &mut self.rng;
        let rated = &self.units[unit];
        let officer = (rng.below(10) < 7 && !rated.officers.is_empty())
            .then(|| &rated.officers[rng.below(rated.officers.len() as u64) as usize]);
        let mean = rated.quality + drift + officer.map_or(0.0, |(_, offset)| *offset);
        let mut element = 0;
        let answers = Answers::new(ELEMENT_BIAS.map(|bias| {
            let planted = innovation::shift(&self.plants, &rated.id, element, day);
            element += 1;
            Rating::new(rating(rng, mean + bias + planted))
        }));
        let profile = Profile {
            sex: pick(rng, Sex::ALL),
            age_band: pick(rng, AgeBand::ALL),
            education: pick(rng, Education::ALL),
            occupation: pick(rng, Occupation::ALL),
        };
        let suggestion = (rng.below(100) < 12)
            .then(|| SUGGESTIONS[rng.below(SUGGESTIONS.len() as u64) as usize].to_string());
        let service = rated.services[rng.below(rated.services.len() as u64) as usize].clone();
        let channel = if rng.below(10) < 3 {
            Channel::Kiosk
        } else {
            Channel::Web
        };
        let local = PrimitiveDateTime::new(day, Time::MIDNIGHT)
            + Duration::hours(8)
            + Duration::seconds(i64::from(seconds));
        Some(BulkResponse {
            response: ValidResponse {
                tenant: None,
                unit: rated.id.clone(),
                service: Some(service),
                officer: officer.map(|(nip, _)| nip.clone()),
                answers: answers.ok()?,
                profile,
                suggestion,
                idempotency_key: format!("gen-{}-{:010}", self.seed, self.serial),
                ticket: None,
                extra: Vec::new(),
            },
            channel,
            received_at: local.assume_offset(self.tenant.offset()),
            receipt: receipt_code(self.seed, self.serial),
        })
    }
}

/// A profile answer: four in five respondents give one.
fn pick<T: Copy>(rng: &mut Rng, all: &[T]) -> Option<T> {
    (rng.below(10) < 8).then(|| all[rng.below(all.len() as u64) as usize])
}

impl Iterator for Days {
    type Item = Vec<BulkResponse>;

    fn next(&mut self) -> Option<Vec<BulkResponse>> {
        let index = self.next_day;
        let day = *self.days.get(index)?;
        self.next_day += 1;
        // Offices close at 11:00 on Fridays, 15:00 on other working days.
        let open_seconds = if day.weekday() == Weekday::Friday {
            3
        } else {
            7
        } * 3600;
        let count = self.count_on(index);
        let mut times: Vec<u32> = (0..count)
            .map(|_| self.rng.below(open_seconds) as u32)
            .collect();
        times.sort_unstable();
        Some(
            times
                .into_iter()
                .filter_map(|seconds| self.response(day, seconds))
                .collect(),
        )
    }
}

/// A receipt code unique to the serial. The first four characters count up once every
/// 32,768 responses, so the receipt index fills in order as a real one does over months;
/// the last six are a bijection of the low bits (odd multipliers, xor-shifts, a key from the
/// seed), so neighbours look unrelated. In the receipts' Crockford base32.
fn receipt_code(seed: u64, serial: u64) -> String {
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    const LOW_BITS: u32 = 15;
    const MASK: u64 = (1 << 30) - 1;
    let mut low = ((serial & ((1 << LOW_BITS) - 1)) ^ (seed << LOW_BITS)) & MASK;
    low = low.wrapping_mul(0x9E37_79B9_7F4A_7C15 | 1) & MASK;
    low ^= low >> 13;
    low = low.wrapping_mul(0xBF58_476D_1CE4_E5B9 | 1) & MASK;
    low ^= low >> 17;
    let high = serial >> LOW_BITS;
    let code = (high << 30) | low;
    let chars: String = (0..10)
        .map(|i| ALPHABET[((code >> (45 - 5 * i)) & 31) as usize] as char)
        .collect();
    format!("SKM-{}-{}", &chars[..5], &chars[5..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn receipts_are_distinct_and_well_formed() {
        let codes: std::collections::HashSet<String> =
            (1..=200_000).map(|n| receipt_code(7, n)).collect();
        assert_eq!(codes.len(), 200_000);
        let mut far = (1u64 << 33..(1 << 33) + 70_000).map(|n| receipt_code(7, n));
        assert!(far.all(|c| !codes.contains(&c)));
        assert!(codes
            .iter()
            .all(|c| c.len() == 15 && c.starts_with("SKM-") && &c[9..10] == "-"));
    }

    #[test]
    fn days_are_deterministic_ordered_and_complete() {
        let size = Size {
            officers: 3000,
            responses: 5000,
            seed: 42,
            until: time::macros::date!(2026 - 11 - 20),
            innovation_effect: 0.3,
        };
        let org = organisation(size.seed, Some(size.officers));
        assert_eq!(org.officers.len(), 3000);
        let tenant = Tenant {
            tenant_id: crate::demo::TENANT_ID.into(),
            name: "x".into(),
            utc_offset_minutes: 420,
        };
        let first: Vec<BulkResponse> = Days::new(&org, &tenant, &size).flatten().collect();
        let again: Vec<BulkResponse> = Days::new(&org, &tenant, &size).flatten().collect();
        assert_eq!(first.len(), 5000);
        assert!(first
            .iter()
            .zip(&again)
            .all(|(a, b)| a.response == b.response && a.received_at == b.received_at));
        assert!(first
            .windows(2)
            .all(|w| w[0].received_at <= w[1].received_at));
        let earliest = first[0].received_at.date();
        assert_eq!(
            (earliest.year(), u8::from(earliest.month())),
            (2025, 12),
            "twelve months up to November 2026"
        );
        assert!(first.iter().all(|r| r.received_at.date() <= size.until));
    }
}
