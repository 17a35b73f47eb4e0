use super::*;
use suara_app::i18n::Lang;
use suara_domain::decimal::Decimal;
use suara_domain::tpp::evidence::{Coverage, Spread};
use suara_domain::tpp::payroll::{compute, OfficerInput};
use suara_domain::tpp::policy::OtherFactors;
use suara_domain::tpp::Rated;
use suara_store::{Appeal, AppealDecision};

const NIP: &str = "198001012005011001";

fn at(seconds: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(1_793_000_000 + seconds).unwrap()
}

fn response(id: i64, channel: &str, pay_trust: Trust) -> NamingResponse {
    NamingResponse {
        response_id: id,
        received_at: at(id * 3600),
        channel: channel.into(),
        pay_trust,
        answers: [Some(3); 9],
        appeal: None,
    }
}

fn upheld(mut response: NamingResponse, decided_at: OffsetDateTime) -> NamingResponse {
    response.appeal = Some(Appeal {
        response_id: response.response_id,
        nip: NIP.into(),
        month: "2026-11".parse().unwrap(),
        reason: "Bukan saya yang melayani.".into(),
        filed_at: at(0),
        decision: Some(AppealDecision {
            upheld: true,
            reason: "Jadwal piket menunjukkan petugas lain.".into(),
            decided_by: "inspektorat".into(),
            decided_at,
        }),
    });
    response
}

fn rated(responses: u64) -> Rated {
    Rated {
        responses,
        ikm: Decimal::new(8000, 2),
        spread: Spread::default(),
    }
}

/// Hadi's provisional November: `counted` responses naming him count for pay.
fn view(counted: u64, naming: Vec<NamingResponse>, published: u64) -> ExplainView {
    let month: Month = "2026-11".parse().unwrap();
    let policy = Policy::regency_default();
    let input = OfficerInput {
        nip: NIP.into(),
        unit_id: "dispendukcapil".into(),
        position_class: "7".into(),
        base: Some(4_000_000),
        officer: Some(rated(counted)),
        unit: Some(rated(40)),
        others: OtherFactors::default(),
        public_facing: true,
        coverage: Coverage {
            days: Some(16),
            monthly_users: None,
        },
        set_aside: None,
        pay: None,
        previous_factor: None,
        led_units: Vec::new(),
        part: None,
    };
    let payroll = compute(month, &policy, std::slice::from_ref(&input));
    let officers = vec![RunOfficer {
        input,
        name: "Hadi Setiawan".into(),
        unit_name: "Dinas Kependudukan dan Pencatatan Sipil".into(),
        score_unit_id: Some("dispendukcapil".into()),
    }];
    ExplainView {
        officer: Officer {
            nip: NIP.into(),
            name: "Hadi Setiawan".into(),
            position: "Verifikator".into(),
            position_class: "7".into(),
            unit_id: "dispendukcapil".into(),
            serves_public: true,
            pay: Default::default(),
        },
        months: vec![month],
        month,
        run: None,
        newer_in_preparation: false,
        preview: Some((policy, officers, payroll)),
        naming,
        published,
        own: true,
        offset: time::UtcOffset::UTC,
        unit_names: std::collections::HashMap::new(),
    }
}

fn page(lang: Lang, view: &ExplainView) -> String {
    let look = Look {
        lang,
        csrf: "token",
    };
    render(look, view, None).1.into_string()
}

/// The link and the upheld appeal are marked, each with its reason, and the sentence
/// above points to them.
#[test]
fn every_response_not_deciding_tpp_says_why() {
    let naming = vec![
        response(1, "kiosk", Trust::Onsite),
        response(2, "kiosk", Trust::Onsite),
        response(3, "kiosk", Trust::Onsite),
        response(4, "web", Trust::Open),
        upheld(response(5, "kiosk", Trust::Onsite), at(0)),
    ];
    let view = view(3, naming, 5);
    let html = page(Lang::ID, &view);
    assert!(
        html.contains("2 di antaranya tidak menentukan TPP (lihat di bawah)."),
        "{html}"
    );
    assert!(html.contains(
        "Tidak menentukan TPP: saluran ini tidak dihitung; kebijakan menghitung kios dan tiket."
    ));
    assert!(html.contains("Karena itu tanggapan ini tidak dihitung untuk TPP."));
    assert_eq!(html.matches("Tidak menentukan TPP:").count(), 1);
    let html = page(Lang::EN, &view);
    assert!(html.contains("2 of them do not decide TPP (see below)."));
    assert!(html.contains(
        "Does not decide TPP: this channel does not count; the policy counts kiosks and tickets."
    ));
    assert!(html.contains("So this response does not count for TPP."));
}

/// A response the checks on ratings left out (here the pace rule's, or one held when
/// the figures were computed) is counted in the sentence but never marked in the table.
#[test]
fn what_the_checks_caught_is_counted_never_pointed_at() {
    let naming = vec![
        response(1, "kiosk", Trust::Onsite),
        response(2, "kiosk", Trust::Onsite),
        response(3, "kiosk", Trust::Onsite),
        response(4, "kiosk", Trust::Onsite),
    ];
    let html = page(Lang::ID, &view(3, naming.clone(), 4));
    assert!(
        html.contains("1 di antaranya tidak menentukan TPP."),
        "{html}"
    );
    assert!(!html.contains("lihat di bawah"), "{html}");
    assert!(!html.contains("Tidak menentukan TPP:"), "{html}");
    // With a link answer too: its reason is shown, the other is not pointed at.
    let mut naming = naming;
    naming.push(response(5, "web", Trust::Open));
    let html = page(Lang::ID, &view(3, naming, 5));
    assert!(
        html.contains("2 di antaranya tidak menentukan TPP; alasan untuk 1 di antaranya"),
        "{html}"
    );
    assert_eq!(html.matches("Tidak menentukan TPP:").count(), 1);
}

#[test]
fn the_reasons_follow_what_the_pay_totals_count() {
    let onsite = Trust::Onsite;
    let run = Some(at(100));
    let reason = |r: &NamingResponse| not_deciding(r, onsite, run);
    assert_eq!(reason(&response(1, "kiosk", Trust::Onsite)), None);
    assert_eq!(reason(&response(1, "ticket", Trust::Verified)), None);
    assert_eq!(
        reason(&response(1, "api", Trust::Open)),
        Some(NotDeciding::Channel(onsite))
    );
    assert_eq!(
        reason(&response(1, "kiosk_pending", Trust::Open)),
        Some(NotDeciding::KioskNotApproved)
    );
    // A ticket issued from a rated officer's account pays as open.
    assert_eq!(
        reason(&response(1, "ticket", Trust::Open)),
        Some(NotDeciding::TicketByOfficer)
    );
    // A kiosk under a policy counting tickets only.
    assert_eq!(
        not_deciding(&response(1, "kiosk", Trust::Onsite), Trust::Verified, run),
        Some(NotDeciding::Channel(Trust::Verified))
    );
    // An appeal upheld after the run was computed still counts in that run.
    let late = upheld(response(1, "kiosk", Trust::Onsite), at(200));
    assert_eq!(reason(&late), Some(NotDeciding::UpheldAfterRun));
    assert!(!NotDeciding::UpheldAfterRun.decides_not());
    assert_eq!(not_deciding(&late, onsite, None), Some(NotDeciding::Upheld));
    let early = upheld(response(1, "kiosk", Trust::Onsite), at(50));
    assert_eq!(reason(&early), Some(NotDeciding::Upheld));
    // A dismissed appeal changes nothing.
    let mut dismissed = early;
    if let Some(d) = dismissed.appeal.as_mut().and_then(|a| a.decision.as_mut()) {
        d.upheld = false;
    }
    assert_eq!(reason(&dismissed), None);
}
