//! Musrena Keren over HTTP, as its users go through it: a facilitator records a village
//! forum and five proposals (a photo checked by its bytes), scores and ranks them, carries
//! the top three up to the district; a planner budgets one and rejects one with a reason;
//! the public tracker, list and statistics show exactly that, and the SIPD export has it.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod common;

/// A small JPEG carrying an EXIF block with a GPS position, as a phone sends one.
static PHOTO_WITH_GPS: std::sync::LazyLock<Vec<u8>> = std::sync::LazyLock::new(|| {
    let picture =
        image::RgbImage::from_fn(40, 30, |x, y| image::Rgb([x as u8 * 6, y as u8 * 8, 120]));
    let mut plain = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(picture)
        .write_to(&mut plain, image::ImageFormat::Jpeg)
        .unwrap();
    let plain = plain.into_inner();
    let payload = b"Exif\0\0GPSLatitude -8.05 GPSLongitude 111.71";
    let mut with = vec![0xFF, 0xD8, 0xFF, 0xE1];
    with.extend(((payload.len() + 2) as u16).to_be_bytes());
    with.extend(payload);
    with.extend(&plain[2..]);
    with
});

/// The same JPEG with its frame header claiming 8000 × 7900 pixels: a few kilobytes that
/// would take gigabytes to decode.
static HUGE_PHOTO: std::sync::LazyLock<Vec<u8>> = std::sync::LazyLock::new(|| {
    let mut huge = PHOTO_WITH_GPS.clone();
    let frame = huge.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    huge[frame + 5..frame + 7].copy_from_slice(&7900u16.to_be_bytes());
    huge[frame + 7..frame + 9].copy_from_slice(&8000u16.to_be_bytes());
    huge
});

use common::{Session, TestApp, PASSWORD};
use reqwest::StatusCode;
use suara_domain::access::Role;
use suara_store::testing::TestDatabase;

suara_store::backend_tests!(
    a_forum_to_the_budget_and_the_public_sees_it,
    proposals_merge_and_split_at_the_district_musrenbang,
    an_offline_forum_records_each_item_once,
    a_surveyed_boundary_is_drawn_at_the_map_s_resolution,
    forums_are_recorded_at_every_level_by_those_who_run_them,
);

/// A district forum needs no village and a regency forum no district; each is named once
/// ("Musrena Kecamatan Watulimo", not "Musrena Kecamatan Kecamatan Watulimo"); a village
/// forum takes its village's district. A district's unit admin is offered their district
/// only and no regency forum; sending another comes back with the form as typed. The step
/// menu offers only steps some proposal can take, the one most can take chosen.
async fn forums_are_recorded_at_every_level_by_those_who_run_them(db: TestDatabase) {
    use suara_domain::org::import::{plan_import, ImportFiles};
    let app = TestApp::spawn(db).await;
    let now = time::OffsetDateTime::now_utc();
    let files = ImportFiles {
        units: Some(b"unit_id,name,kind\nkecamatan-panggul,Kecamatan Panggul,kecamatan\n"),
        villages: Some(
            b"village_code,name,kind,district_unit\n35.03.01.2001,Panggul,desa,kecamatan-panggul\n",
        ),
        ..ImportFiles::default()
    };
    let snapshot = app.store.org_snapshot("t1").await.unwrap();
    let plan = plan_import(&files, &snapshot, now.date()).unwrap();
    app.store
        .apply_import("t1", &plan, "test", now)
        .await
        .unwrap();
    app.add_account("bappeda", Role::Planner, None, None).await;
    let planner = app.sign_in("bappeda", PASSWORD).await.unwrap();
    let forum = |level: &'static str, district: &'static str, village: &'static str| {
        vec![
            ("level", level),
            ("district", district),
            ("village", village),
            ("held_on", "2026-02-03"),
            ("place", "Pendapa"),
            ("facilitator", "Ibu Sri"),
            ("total", "20"),
        ]
    };
    let heading_of = |html: &str| {
        html.split("<h1>")
            .nth(1)
            .and_then(|rest| rest.split("</h1>").next())
            .unwrap()
            .to_string()
    };
    for (form, heading) in [
        (
            forum("kecamatan", suara_store::testing::DISTRICT, ""),
            "Musrena Kecamatan Watulimo",
        ),
        (forum("kabupaten", "", ""), "Musrena Kabupaten Uji"),
        // The district list says Watulimo; the village is in Panggul, and so is the forum.
        (
            forum("desa", suara_store::testing::DISTRICT, "35.03.01.2001"),
            "Musrena Desa Panggul, Kecamatan Panggul",
        ),
    ] {
        let mut fields = vec![("csrf", planner.csrf.as_str())];
        fields.extend(form);
        let saved = app
            .post_form_as(Some(&planner), "/musrena/forum", &fields)
            .await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER, "{heading}");
        let page = app
            .get_as(&planner, saved.headers()["location"].to_str().unwrap())
            .await
            .text()
            .await
            .unwrap();
        assert_eq!(heading_of(&page), heading);
    }
    let list = app
        .get_as(&planner, "/musrena/forum")
        .await
        .text()
        .await
        .unwrap();
    assert!(list.contains("Musrena Kecamatan Watulimo") && !list.contains("Kecamatan Kecamatan"));

    // Watulimo's own admin: their district only, chosen already, and no regency forum.
    let district_admin = district_admin(&app).await;
    let form = app
        .get_as(&district_admin, "/musrena/forum")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        form.contains("<option value=\"kecamatan-watulimo\" selected>")
            && !form.contains("kecamatan-panggul")
            && !form.contains("value=\"kabupaten\"")
            && !form.contains(">Panggul<"),
        "{form}"
    );
    let mut fields = vec![("csrf", district_admin.csrf.as_str())];
    fields.extend(forum("kecamatan", "kecamatan-panggul", ""));
    fields.push(("p-women", "12"));
    let refused = app
        .post_form_as(Some(&district_admin), "/musrena/forum", &fields)
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.unwrap();
    assert!(
        page.contains("pilih kecamatan Anda")
            && page.contains("value=\"Pendapa\"")
            && page.contains("value=\"12\""),
        "{page}"
    );

    // A proposal carried to its village's musrenbang: verifying is no longer offered.
    let code = app.musrena_proposal().await;
    let forum_page = app
        .get_as(&planner, "/musrena/forum/2026-004")
        .await
        .text()
        .await
        .unwrap();
    assert!(forum_page.contains(&code), "{forum_page}");
    let menu = forum_page
        .split("<select id=\"action\" name=\"action\">")
        .nth(1)
        .and_then(|rest| rest.split("</select>").next())
        .unwrap();
    assert!(
        !menu.contains("value=\"verify\"") && menu.contains("<option value=\"carry\" selected>"),
        "{menu}"
    );

    // A proposal sent with a photo but no title: refused, the photo kept in the form; sent
    // again with the title, it is saved with the photo, chosen once.
    let send = |title: &'static str, photo: Option<&'static [u8]>, kept: Option<String>| {
        let mut form = reqwest::multipart::Form::new()
            .text("csrf", planner.csrf.clone())
            .text("title", title)
            .text("problem", "Anak-anak bermain di jalan.")
            .text("activity", "Membangun taman bermain.")
            .text("sector", "social")
            .text("village", suara_store::testing::VILLAGE)
            .text("proposed_by", "children");
        if let Some(bytes) = photo {
            form = form.part(
                "photo",
                reqwest::multipart::Part::bytes(bytes).file_name("taman.jpg"),
            );
        }
        if let Some(kept) = kept {
            form = form.text("kept-photo", kept);
        }
        app.client
            .post(app.url("/musrena/forum/2026-004/usulan?lang=id"))
            .header("cookie", format!("suara_session={}", planner.cookie))
            .multipart(form)
            .send()
    };
    let refused = send("", Some(PHOTO_WITH_GPS.as_slice()), None)
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.unwrap();
    assert!(page.contains("1 foto sudah terlampir"), "{page}");
    let kept = common::hidden_value(&page, "kept-photo").unwrap();
    let saved = send("Taman bermain anak", None, Some(kept)).await.unwrap();
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let location = saved.headers()["location"].to_str().unwrap().to_string();
    let new_code = location.split("baru=").nth(1).unwrap();
    let photo = app.get(&format!("/musrena/usulan/{new_code}/foto/1")).await;
    assert_eq!(photo.headers()["content-type"], "image/jpeg");
    assert!(!photo.bytes().await.unwrap().windows(3).any(|w| w == b"GPS"));
}

/// The unit admin of the test regency's district, Watulimo, signed in.
async fn district_admin(app: &TestApp) -> Session {
    app.add_account(
        "admin-watulimo",
        Role::UnitAdmin,
        Some(suara_store::testing::DISTRICT),
        None,
    )
    .await;
    app.sign_in("admin-watulimo", PASSWORD).await.unwrap()
}

async fn post(
    app: &TestApp,
    session: &Session,
    path: &str,
    form: &[(&str, &str)],
) -> (StatusCode, String) {
    let mut fields = vec![("csrf", session.csrf.as_str())];
    fields.extend_from_slice(form);
    let response = app.post_form_as(Some(session), path, &fields).await;
    let status = response.status();
    let location = response
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_string());
    (status, location.unwrap_or(response.text().await.unwrap()))
}

async fn text(app: &TestApp, path: &str) -> String {
    let response = app.get(path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.text().await.unwrap()
}

fn codes_in(html: &str) -> Vec<String> {
    let mut codes = Vec::new();
    for (i, _) in html.match_indices("MR-") {
        let code = &html[i..(i + 14).min(html.len())];
        // The tracker's input shows MR-XXXXX-XXXXX as its placeholder.
        let real = code.len() == 14 && code.as_bytes()[8] == b'-' && code != "MR-XXXXX-XXXXX";
        if real && !codes.iter().any(|c| c == code) {
            codes.push(code.to_string());
        }
    }
    codes
}

async fn a_forum_to_the_budget_and_the_public_sees_it(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    app.add_account("bappeda", Role::Planner, None, None).await;
    let planner = app.sign_in("bappeda", PASSWORD).await.unwrap();

    // The forum: participants counted by group, no names.
    let (status, forum) = post(
        &app,
        &planner,
        "/musrena/forum?lang=id",
        &[
            ("level", "desa"),
            ("district", suara_store::testing::DISTRICT),
            ("village", suara_store::testing::VILLAGE),
            ("held_on", "2026-01-20"),
            ("place", "Balai Desa Sumberejo"),
            ("facilitator", "Ibu Sri"),
            ("accommodation", "sign_language"),
            ("total", "30"),
            ("p-women", "20"),
            ("p-children", "6"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{forum}");
    assert_eq!(forum, "/musrena/forum/2026-001?lang=id");
    let (status, page) = post(
        &app,
        &planner,
        "/musrena/forum?lang=id",
        &[("level", "desa"), ("total", "5"), ("p-women", "9")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("lebih dari jumlah peserta"), "{page}");

    // Five proposals; a "photo" that is not one is refused, a JPEG kept.
    let add = |title: &'static str, photo: Option<&'static [u8]>| {
        let mut form = reqwest::multipart::Form::new()
            .text("csrf", planner.csrf.clone())
            .text("title", title)
            .text("problem", "Masalah warga.")
            .text("activity", "Kegiatan yang diusulkan.")
            .text("sector", "infrastructure")
            .text("village", suara_store::testing::VILLAGE)
            .text("address", "Dusun Krajan RT 02")
            .text("estimated_cost", "Rp10.000.000")
            .text("proposed_by", "women")
            .text("b-women", "40")
            .text("sdgs", "11.2, 10.2");
        if let Some(bytes) = photo {
            form = form.part(
                "photo",
                reqwest::multipart::Part::bytes(bytes).file_name("foto.jpg"),
            );
        }
        app.client
            .post(app.url("/musrena/forum/2026-001/usulan?lang=id"))
            .header("cookie", format!("suara_session={}", planner.cookie))
            .multipart(form)
            .send()
    };
    let svg = add("Usulan dengan gambar palsu", Some(b"<svg onload=alert(1)>"))
        .await
        .unwrap();
    assert_eq!(svg.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(svg.text().await.unwrap().contains("JPEG, PNG atau WebP"));
    let huge = add("Usulan dengan foto raksasa", Some(HUGE_PHOTO.as_slice()))
        .await
        .unwrap();
    assert_eq!(huge.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = huge.text().await.unwrap();
    assert!(
        page.contains("Foto terlalu besar (8000 × 7900 piksel)"),
        "{page}"
    );
    assert!(
        page.contains("Usulan dengan foto raksasa"),
        "the typed input is kept"
    );
    // A village that is not the regency's (a forged form) is refused with the typed input kept.
    let forged = reqwest::multipart::Form::new()
        .text("csrf", planner.csrf.clone())
        .text("title", "Usulan di desa karangan")
        .text("problem", "Masalah warga.")
        .text("activity", "Kegiatan.")
        .text("sector", "infrastructure")
        .text("village", "35.03.99.2001")
        .text("latitude", "-8,27")
        .text("longitude", "utara")
        .text("proposed_by", "women");
    let refused = app
        .client
        .post(app.url("/musrena/forum/2026-001/usulan?lang=id"))
        .header("cookie", format!("suara_session={}", planner.cookie))
        .multipart(forged)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.unwrap();
    assert!(page.contains("bukan lintang dan bujur yang sah"), "{page}");
    assert!(page.contains("Usulan di desa karangan"), "{page}");
    let forged = reqwest::multipart::Form::new()
        .text("csrf", planner.csrf.clone())
        .text("title", "Usulan di desa karangan")
        .text("problem", "Masalah warga.")
        .text("activity", "Kegiatan.")
        .text("sector", "infrastructure")
        .text("village", "35.03.99.2001")
        .text("proposed_by", "women");
    let refused = app
        .client
        .post(app.url("/musrena/forum/2026-001/usulan?lang=id"))
        .header("cookie", format!("suara_session={}", planner.cookie))
        .multipart(forged)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.unwrap();
    assert!(
        page.contains("35.03.99.2001 bukan desa atau kelurahan"),
        "{page}"
    );
    let titles = [
        "Jalur landai",
        "Posyandu lansia",
        "Taman bermain",
        "Pelatihan usaha",
        "Lampu jalan",
    ];
    for (i, title) in titles.iter().enumerate() {
        let photo: Option<&'static [u8]> = (i == 0).then(|| PHOTO_WITH_GPS.as_slice());
        let added = add(title, photo).await.unwrap();
        assert_eq!(added.status(), StatusCode::SEE_OTHER);
    }
    let page = app
        .get_as(&planner, "/musrena/forum/2026-001?lang=id")
        .await
        .text()
        .await
        .unwrap();
    let codes = codes_in(&page);
    assert_eq!(codes.len(), 5, "{page}");

    // Scores and votes; the ranking follows them.
    let scores = [
        [5, 5, 4, 4],
        [4, 4, 4, 4],
        [5, 4, 3, 3],
        [2, 3, 3, 2],
        [1, 2, 2, 2],
    ];
    let votes = ["20", "15", "18", "5", "2"];
    let mut form: Vec<(String, String)> = Vec::new();
    for (code, (s, v)) in codes.iter().zip(scores.iter().zip(votes)) {
        for (i, score) in s.iter().enumerate() {
            form.push((format!("score:{code}:{i}"), score.to_string()));
        }
        form.push((format!("votes:{code}"), v.to_string()));
    }
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let (status, _) = post(
        &app,
        &planner,
        "/musrena/forum/2026-001/nilai?lang=id",
        &form,
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let page = app
        .get_as(&planner, "/musrena/forum/2026-001?lang=id")
        .await
        .text()
        .await
        .unwrap();
    let ranked = codes_in(&page);
    let top = [codes[0].clone(), codes[2].clone(), codes[1].clone()];
    assert_eq!(ranked[..3], top, "the ranking on the page");

    // Steps for several at once: verify and prioritize all, carry the top three twice.
    let step = |codes: &[String], action: &'static str, extra: &[(&'static str, &'static str)]| {
        let mut form: Vec<(&str, String)> = codes.iter().map(|c| ("code", c.clone())).collect();
        form.push(("action", action.into()));
        form.push(("on", "2026-02-10".into()));
        form.push(("back", "/musrena/forum/2026-001".into()));
        form.extend(extra.iter().map(|(k, v)| (*k, v.to_string())));
        form
    };
    for (which, action) in [
        (&codes[..], "verify"),
        (&codes[..], "prioritize"),
        (&top[..], "carry"),
        (&top[..], "carry"),
    ] {
        let form = step(which, action, &[]);
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let (status, body) = post(&app, &planner, "/musrena/langkah?lang=id", &form).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{action}: {body}");
    }
    // A `back` address off this site (or with a query) is ignored: back to the forum list.
    let mut off_site = step(&top[..1], "verify", &[]);
    off_site.retain(|(k, _)| *k != "back");
    off_site.push(("back", "//evil.example/musrena/".into()));
    let off_site: Vec<(&str, &str)> = off_site.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, body) = post(&app, &planner, "/musrena/langkah?lang=id", &off_site).await;
    assert!(
        status == StatusCode::UNPROCESSABLE_ENTITY
            && body.contains("href=\"/musrena/forum?lang=id\""),
        "{body}"
    );
    // A step that is not allowed (they are past verification) changes none.
    let form = step(&codes[..], "verify", &[]);
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, body) = post(&app, &planner, "/musrena/langkah?lang=id", &form).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("Tidak ada yang diubah"), "{body}");

    // The planner budgets one and rejects one with a reason (without a reason: refused).
    for (action, extra) in [
        ("carry", vec![]),
        ("accept", vec![]),
        ("budget", vec![("amount", "Rp12.500.000")]),
    ] {
        let form = step(&top[..1], action, &extra);
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let (status, body) = post(&app, &planner, "/musrena/langkah?lang=id", &form).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{action}: {body}");
    }
    let no_reason = step(&top[1..2], "reject", &[]);
    let no_reason: Vec<(&str, &str)> = no_reason.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        post(&app, &planner, "/musrena/langkah?lang=id", &no_reason)
            .await
            .0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let reason = "Sudah didanai Dana Desa";
    let reject = step(&top[1..2], "reject", &[("reason", reason)]);
    let mut reject: Vec<(&str, &str)> = reject.iter().map(|(k, v)| (*k, v.as_str())).collect();
    // Rejecting is final: a confirmation page first, naming the reason; nothing moves yet.
    let (status, asked) = post(&app, &planner, "/musrena/langkah?lang=id", &reject).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        asked.contains("Tolak usulan ini?") && asked.contains(reason),
        "{asked}"
    );
    reject.push(("confirm", "yes"));
    assert_eq!(
        post(&app, &planner, "/musrena/langkah?lang=id", &reject)
            .await
            .0,
        StatusCode::SEE_OTHER
    );

    // The public tracker, list and statistics show exactly that.
    let budgeted = text(&app, &format!("/musrena/usulan/{}", top[0])).await;
    assert!(
        budgeted.contains("Dianggarkan (APBD)") && budgeted.contains("Rp12.500.000"),
        "{budgeted}"
    );
    assert!(budgeted.contains("Musrenbang kabupaten") && budgeted.contains("/foto/1"));
    // Who acted, by role: never a staff username.
    assert!(
        budgeted.contains("Bappeda") && !budgeted.contains("bappeda"),
        "{budgeted}"
    );
    let rejected = text(&app, &format!("/musrena/usulan/{}", top[1])).await;
    assert!(rejected.contains("Ditolak") && rejected.contains(reason));
    let district_stage = text(&app, "/musrena?tahap=musrenbang_kecamatan").await;
    assert_eq!(codes_in(&district_stage), vec![top[2].clone()]);
    assert_eq!(
        codes_in(&text(&app, "/musrena?tahap=budgeted").await),
        vec![top[0].clone()]
    );
    assert_eq!(
        codes_in(&text(&app, "/musrena?kelompok=women").await).len(),
        5
    );
    // Tagged with SDG targets: found by their goal, shown on the tracker.
    assert_eq!(codes_in(&text(&app, "/musrena?sdg=11").await).len(), 5);
    assert!(codes_in(&text(&app, "/musrena?sdg=1").await).is_empty());
    assert!(rejected.contains("10.2, 11.2"));
    let stats = text(&app, "/musrena/statistik").await;
    assert!(
        stats.contains("<th scope=\"row\">Tujuan 11</th><td class=\"num\">5 (100,0%)</td>"),
        "{stats}"
    );
    assert!(!stats.contains("Tujuan 1<"), "{stats}");
    assert!(stats.contains("<td class=\"num\">5 (100,0%)</td><td class=\"num\">1 (20,0%)</td><td class=\"num\">1 (20,0%)</td><td class=\"num\">0 (0,0%)</td><td class=\"num\">Rp12.500.000</td>"), "{stats}");
    let photo = app.get(&format!("/musrena/usulan/{}/foto/1", top[0])).await;
    assert_eq!(photo.headers()["content-type"], "image/jpeg");
    // Published without the phone's EXIF block and its GPS position.
    let published = photo.bytes().await.unwrap();
    assert!(published.starts_with(&[0xFF, 0xD8]));
    assert!(
        !published.windows(4).any(|w| w == b"Exif") && !published.windows(3).any(|w| w == b"GPS")
    );

    // The SIPD export holds the proposal in the plan, not the rejected one.
    let csv = app
        .get_as(&planner, "/musrena/ekspor?format=csv")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        csv.contains(&top[0]) && csv.contains(",12500000,") && !csv.contains(&top[1]),
        "{csv}"
    );

    // The map shades the village and its table says the same; without boundaries there
    // would be no drawing, only the table.
    let map = text(&app, "/musrena/peta?ukuran=anggaran").await;
    assert!(
        map.contains("<svg") && map.contains("Prigi: Rp12.500.000"),
        "{map}"
    );
    assert!(
        map.contains("Desa dan kelurahan yang belum punya usulan: 1."),
        "{map}"
    );
    // Proposals are dated the day they are recorded, in the regency's calendar.
    let this_year = time::OffsetDateTime::now_utc()
        .to_offset(suara_store::testing::tenant().offset())
        .year();
    let year = &text(&app, &format!("/musrena/peta?tahun={this_year}")).await;
    assert!(year.contains("Prigi: 5"), "{year}");
    assert!(text(&app, "/musrena/peta?tahun=1999")
        .await
        .contains("Prigi: 5"));
    let by_village = text(
        &app,
        &format!("/musrena?desa={}", suara_store::testing::VILLAGE),
    )
    .await;
    assert_eq!(codes_in(&by_village).len(), 5);
    assert!(codes_in(&text(&app, &format!("/musrena?tahun={}", this_year - 1)).await).is_empty());

    // Open data: pages that add up, filters as on the list, clear refusals.
    let api = |path: String| {
        let app = &app;
        async move {
            let response = app.get(&path).await;
            (
                response.status(),
                response.json::<serde_json::Value>().await.unwrap(),
            )
        }
    };
    let (status, first) = api("/api/v1/musrena/proposals?per_page=2".into()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        (first["total"].as_u64(), first["pages"].as_u64()),
        (Some(5), Some(3))
    );
    let mut seen = Vec::new();
    let mut next = Some("/api/v1/musrena/proposals?per_page=2".to_string());
    while let Some(path) = next {
        let (_, page) = api(path).await;
        for p in page["proposals"].as_array().unwrap() {
            seen.push(p["code"].as_str().unwrap().to_string());
        }
        next = page["next"].as_str().map(str::to_string);
    }
    seen.sort();
    let mut all = codes.clone();
    all.sort();
    assert_eq!(seen, all);
    let (_, budgeted) = api(format!(
        "/api/v1/musrena/proposals?stage=budgeted&year={this_year}"
    ))
    .await;
    let only = &budgeted["proposals"][0];
    assert_eq!(only["budget_amount"], 12_500_000);
    assert_eq!(only["village"], "Prigi");
    assert_eq!(only["village_code"], suara_store::testing::VILLAGE);
    for bad in [
        "stage=paid",
        "per_page=1000",
        "page=0",
        "year=20x6",
        "sdg=18",
        "group=%27%20OR%201%3D1",
    ] {
        let (status, body) = api(format!("/api/v1/musrena/proposals?{bad}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}: {body}");
        assert!(body["detail"].as_str().unwrap().contains(':'), "{body}");
    }
    let (status, none) =
        api("/api/v1/musrena/proposals?village=%27%20OR%20%271%27%3D%271".into()).await;
    assert_eq!((status, none["total"].as_u64()), (StatusCode::OK, Some(0)));
    let geo = app.get("/api/v1/musrena/proposals.geojson").await;
    assert_eq!(geo.headers()["content-type"], "application/geo+json");
    let geo: serde_json::Value = geo.json().await.unwrap();
    assert_eq!(geo["features"].as_array().unwrap().len(), 5);
    assert_eq!(
        geo["features"][0]["properties"]["located"],
        "village_centre"
    );
    assert_eq!(geo["features"][0]["geometry"]["type"], "Point");

    // After the budget the planner reports progress; the public sees a bar and a timeline.
    let report = |fields: &[(&str, &str)], photo: Option<&'static [u8]>, session: &Session| {
        let mut form = reqwest::multipart::Form::new().text("csrf", session.csrf.clone());
        for (k, v) in fields {
            form = form.text(k.to_string(), v.to_string());
        }
        if let Some(bytes) = photo {
            form = form.part(
                "photo",
                reqwest::multipart::Part::bytes(bytes).file_name("kemajuan.jpg"),
            );
        }
        app.client
            .post(app.url(&format!("/musrena/kelola/{}/kemajuan?lang=id", top[0])))
            .header("cookie", format!("suara_session={}", session.cookie))
            .multipart(form)
            .send()
    };
    let today = time::OffsetDateTime::now_utc()
        .to_offset(suara_store::testing::tenant().offset())
        .date()
        .to_string();
    let first = [
        ("on", today.as_str()),
        ("percent", "40"),
        ("spent", "Rp5.000.000"),
        ("note", "Pondasi jalur landai selesai"),
    ];
    let saved = report(&first, Some(PHOTO_WITH_GPS.as_slice()), &planner)
        .await
        .unwrap();
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    // A retry of the same report is kept once.
    assert_eq!(
        report(&first, None, &planner).await.unwrap().status(),
        StatusCode::SEE_OTHER
    );
    let backwards = report(
        &[
            ("on", today.as_str()),
            ("percent", "30"),
            ("spent", "6000000"),
            ("note", "Salah ketik"),
        ],
        None,
        &planner,
    )
    .await
    .unwrap();
    assert_eq!(backwards.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = backwards.text().await.unwrap();
    assert!(
        page.contains("tidak boleh turun dari 40 %") && page.contains("Salah ketik"),
        "{page}"
    );
    let over = report(
        &[
            ("on", today.as_str()),
            ("percent", "90"),
            ("spent", "Rp13.000.000"),
            ("note", "x"),
        ],
        None,
        &planner,
    )
    .await
    .unwrap();
    assert!(over
        .text()
        .await
        .unwrap()
        .contains("melebihi anggaran Rp12.500.000"));
    // 100 % completes the proposal, so it needs the form's tick; the photo sent with a
    // report without it stays attached to the form.
    let last = [
        ("on", today.as_str()),
        ("percent", "100"),
        ("spent", "12.400.000"),
        ("note", "Jalur landai dipakai warga"),
    ];
    let unticked = report(&last, Some(PHOTO_WITH_GPS.as_slice()), &planner)
        .await
        .unwrap();
    assert_eq!(unticked.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = unticked.text().await.unwrap();
    assert!(
        page.contains("tidak bisa dibatalkan")
            && page.contains("Jalur landai dipakai warga")
            && page.contains("1 foto sudah terlampir"),
        "{page}"
    );
    let kept_photo = common::hidden_value(&page, "kept-photo").unwrap();
    // Without the token, or as someone who does not decide planning: refused, nothing kept.
    let forged = app
        .client
        .post(app.url(&format!("/musrena/kelola/{}/kemajuan", top[0])))
        .header("cookie", format!("suara_session={}", planner.cookie))
        .multipart(
            reqwest::multipart::Form::new()
                .text("percent", "100")
                .text("confirm", "yes"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let district_admin = district_admin(&app).await;
    let mut ticked = last.to_vec();
    ticked.push(("confirm", "yes"));
    assert_eq!(
        report(&ticked, None, &district_admin)
            .await
            .unwrap()
            .status(),
        StatusCode::FORBIDDEN
    );
    let mut with_photo = ticked.clone();
    with_photo.push(("kept-photo", kept_photo.as_str()));
    assert_eq!(
        report(&with_photo, None, &planner).await.unwrap().status(),
        StatusCode::SEE_OTHER
    );
    let tracker = text(&app, &format!("/musrena/usulan/{}", top[0])).await;
    assert!(
        tracker.contains("value=\"100\"") && tracker.contains("100 % selesai"),
        "{tracker}"
    );
    assert!(
        tracker.contains("Terpakai Rp12.400.000 dari anggaran Rp12.500.000"),
        "{tracker}"
    );
    assert_eq!(
        tracker.matches("Pondasi jalur landai selesai").count(),
        1,
        "{tracker}"
    );
    for n in [1, 2] {
        let photo = app
            .get(&format!("/musrena/usulan/{}/kemajuan/{n}", top[0]))
            .await;
        assert_eq!(photo.headers()["content-type"], "image/jpeg");
        assert!(!photo.bytes().await.unwrap().windows(3).any(|w| w == b"GPS"));
    }
    assert_eq!(
        app.get(&format!("/musrena/usulan/{}/kemajuan/3", top[0]))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let stats = text(&app, "/musrena/statistik").await;
    assert!(
        stats.contains("<td class=\"num\">1 (20,0%)</td><td class=\"num\">Rp12.500.000</td>"),
        "{stats}"
    );
    assert!(
        text(&app, &format!("/musrena/statistik?tahun={}", this_year - 1))
            .await
            .contains("<td class=\"num\">0 (–)</td>")
    );
    // Returned (to be paid from village funds) and cancelled end the way, each with its
    // text, after a confirmation; only planners cancel.
    let why = "Cukup dibiayai Dana Desa tahun depan";
    let back = step(&top[2..3], "return", &[("reason", why)]);
    let mut back: Vec<(&str, &str)> = back.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, asked) = post(&app, &district_admin, "/musrena/langkah?lang=id", &back).await;
    assert!(
        status == StatusCode::OK && asked.contains("Kembalikan usulan ini?"),
        "{asked}"
    );
    back.push(("confirm", "yes"));
    let (status, _) = post(&app, &district_admin, "/musrena/langkah?lang=id", &back).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let returned = text(&app, &format!("/musrena/usulan/{}", top[2])).await;
    assert!(
        returned.contains("Dikembalikan") && returned.contains(why),
        "{returned}"
    );
    let left = codes.iter().find(|c| !top.contains(c)).unwrap().clone();
    let cancel = step(
        std::slice::from_ref(&left),
        "cancel",
        &[("reason", "Diusulkan ganda"), ("confirm", "yes")],
    );
    let cancel: Vec<(&str, &str)> = cancel.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        post(&app, &district_admin, "/musrena/langkah?lang=id", &cancel)
            .await
            .0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        post(&app, &planner, "/musrena/langkah?lang=id", &cancel)
            .await
            .0,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        codes_in(&text(&app, "/musrena?tahap=cancelled").await),
        vec![left]
    );

    // Each level's recommendation: the district's by its admin, the TAPD's by planners only.
    async fn recommend(
        app: &TestApp,
        session: &Session,
        code: &str,
        by: &str,
        text: &str,
    ) -> StatusCode {
        let form = [
            ("by", by),
            ("rec_volume", "1"),
            ("rec_amount", "Rp12.000.000"),
            ("rec_text", text),
        ];
        let path = format!("/musrena/kelola/{code}/rekomendasi?lang=id");
        post(app, session, &path, &form).await.0
    }
    assert_eq!(
        recommend(&app, &district_admin, &top[0], "tapd", "x").await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        recommend(
            &app,
            &district_admin,
            &top[0],
            "kecamatan",
            "Prioritas kecamatan"
        )
        .await,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        recommend(&app, &planner, &top[0], "tapd", "Disetujui TAPD").await,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        recommend(&app, &planner, &top[0], "camat", "x").await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let tracker = text(&app, &format!("/musrena/usulan/{}", top[0])).await;
    assert!(
        tracker.contains("Prioritas kecamatan") && tracker.contains("Disetujui TAPD"),
        "{tracker}"
    );

    // The SIPD worksheet: SIPD's fields for every proposal in the plan, with the
    // recommendations; the CSV by code, the workbook by SIPD's names.
    let csv = app
        .get_as(&planner, "/musrena/ekspor?format=csv")
        .await
        .text()
        .await
        .unwrap();
    let csv = common::machine_csv(&csv);
    let mut lines = csv.lines();
    let header = lines.next().unwrap();
    assert!(
        header.starts_with("code,year,activity_code,activity_name,title"),
        "{header}"
    );
    assert!(
        header.contains("tapd_volume,tapd_amount,tapd_text,budget_amount,stage"),
        "{header}"
    );
    let row = lines.find(|l| l.starts_with(&top[0])).unwrap();
    assert!(
        row.contains(suara_store::testing::VILLAGE) && row.contains(",Prigi,Kecamatan Watulimo,"),
        "{row}"
    );
    assert!(
        row.contains("1,12000000,Disetujui TAPD,12500000,implemented"),
        "{row}"
    );
    let xlsx = app.get_as(&planner, "/musrena/ekspor?format=xlsx").await;
    assert_eq!(xlsx.status(), StatusCode::OK);
    let xlsx = xlsx.bytes().await.unwrap();
    assert!(xlsx.starts_with(b"PK"));
    // The workbook is for people: stages, groups and days in words, no codes.
    let sheet = common::sheet_text(&xlsx, "SIPD");
    let row = sheet.lines().find(|l| l.starts_with(&top[0])).unwrap();
    assert!(row.contains("|Terlaksana|"), "{row}");
    assert!(
        !row.contains("implemented") && !row.contains("women"),
        "{row}"
    );
    let iso_date = |cell: &str| {
        cell.len() == 10
            && cell.chars().enumerate().all(|(i, c)| {
                if i == 4 || i == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            })
    };
    assert!(!row.split('|').any(iso_date), "{row}");

    // A proposal from the imported catalogue: the cost is volume × unit price.
    use suara_domain::org::import::{plan_import, ImportFiles};
    let files = ImportFiles {
        catalogue: Some(b"code,name,unit_id,affair,measure,unit_price,levels\n2.15.02.2.01.0003,Penerangan jalan umum,dukcapil,Perhubungan,titik,8500000,desa\n"),
        issues: Some(b"issue_code,name\nis-05,Infrastruktur dasar desa\n"),
        ..ImportFiles::default()
    };
    let snapshot = app.store.org_snapshot("t1").await.unwrap();
    let plan = plan_import(&files, &snapshot, time::OffsetDateTime::now_utc().date()).unwrap();
    app.store
        .apply_import("t1", &plan, "test", time::OffsetDateTime::now_utc())
        .await
        .unwrap();
    let form = app
        .get_as(&planner, "/musrena/forum/2026-001/usulan?lang=id")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        form.contains("Penerangan jalan umum · Rp8.500.000/titik")
            && form.contains("Infrastruktur dasar desa"),
        "{form}"
    );
    let lamp = reqwest::multipart::Form::new()
        .text("csrf", planner.csrf.clone())
        .text("title", "Lampu jalan ke sekolah")
        .text("problem", "Jalan gelap.")
        .text("activity", "Lampu jalan.")
        .text("sector", "infrastructure")
        .text("village", suara_store::testing::VILLAGE)
        .text("activity_code", "2.15.02.2.01.0003")
        .text("volume", "4,5")
        .text("issue", "is-05")
        .text("proposed_by", "women");
    let added = app
        .client
        .post(app.url("/musrena/forum/2026-001/usulan?lang=id"))
        .header("cookie", format!("suara_session={}", planner.cookie))
        .multipart(lamp)
        .send()
        .await
        .unwrap();
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    let location = added.headers()["location"].to_str().unwrap().to_string();
    let new_code = location.split("baru=").nth(1).unwrap().to_string();
    let tracker = text(&app, &format!("/musrena/usulan/{new_code}")).await;
    assert!(
        tracker.contains("4,5 titik × Rp8.500.000") && tracker.contains("Rp38.250.000"),
        "{tracker}"
    );
    assert!(tracker.contains("Infrastruktur dasar desa"), "{tracker}");
}

/// At the district musrenbang the district's admin merges two villages' proposals (after a
/// confirmation) and splits another; every original's public page points on.
async fn proposals_merge_and_split_at_the_district_musrenbang(db: TestDatabase) {
    use suara_domain::musrena::forum::{Level, Participants};
    use suara_domain::musrena::lifecycle::Action;
    use suara_domain::musrena::proposal::{validate, ProposalDraft};
    use suara_store::testing::{DISTRICT, VILLAGE};
    let app = TestApp::spawn(db).await;
    let now = time::OffsetDateTime::now_utc();
    let on = now.date();
    let forum = app
        .store
        .create_forum(
            "t1",
            &suara_store::Forum {
                forum_id: String::new(),
                level: Level::Desa,
                district_id: Some(DISTRICT.into()),
                village: Some(VILLAGE.into()),
                held_on: on,
                place: "Balai desa".into(),
                facilitator: "Ibu Sri".into(),
                accommodations: vec![],
                participants: Participants::default(),
                rule_version: None,
            },
            "test",
            now,
        )
        .await
        .unwrap();
    let mut codes = Vec::new();
    for (title, group) in [
        ("Lampu jalan utara", "women"),
        ("Lampu jalan selatan", "elderly"),
        ("Posyandu dan taman", "children"),
    ] {
        let p = validate(&ProposalDraft {
            title: title.into(),
            problem: "Gelap dan jauh.".into(),
            activity: "Dibangun.".into(),
            sector: "infrastructure".into(),
            village: VILLAGE.into(),
            proposed_by: vec![group.into()],
            beneficiaries: vec![(group.into(), "10".into())],
            ..ProposalDraft::default()
        })
        .unwrap();
        codes.push(
            app.store
                .add_proposal("t1", &forum, &p, false, on, "test", now)
                .await
                .unwrap(),
        );
    }
    for action in [
        Action::Verify,
        Action::Prioritize,
        Action::Carry,
        Action::Carry,
    ] {
        app.store
            .apply_actions("t1", &codes, &action, on, "test", now)
            .await
            .unwrap();
    }
    app.add_account("admin-watulimo", Role::UnitAdmin, Some(DISTRICT), None)
        .await;
    let admin = app.sign_in("admin-watulimo", PASSWORD).await.unwrap();
    let page = app
        .get_as(&admin, &format!("/musrena/kecamatan/{DISTRICT}?lang=id"))
        .await
        .text()
        .await
        .unwrap();
    assert!(codes.iter().all(|c| page.contains(c.as_str())), "{page}");
    let path = format!("/musrena/kecamatan/{DISTRICT}/gabung?lang=id");
    let mut form = vec![
        ("code", codes[0].as_str()),
        ("code", codes[1].as_str()),
        ("title", "Lampu jalan dusun"),
        ("problem", "Jalan dusun gelap."),
        ("activity", "Lampu jalan di dua ruas."),
        ("sector", "infrastructure"),
        ("village", VILLAGE),
    ];
    // Only one chosen: refused with the form kept.
    let (status, body) = post(&app, &admin, &path, &[form[0], form[2]]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body.contains("Pilih dua usulan atau lebih") && body.contains("Lampu jalan dusun"),
        "{body}"
    );
    let (status, asked) = post(&app, &admin, &path, &form).await;
    assert!(
        status == StatusCode::OK && asked.contains("Gabungkan usulan ini?"),
        "{asked}"
    );
    form.push(("confirm", "yes"));
    let (status, merged_at) = post(&app, &admin, &path, &form).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{merged_at}");
    let merged = merged_at
        .split('/')
        .nth(3)
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .to_string();
    let original = text(&app, &format!("/musrena/usulan/{}", codes[0])).await;
    assert!(
        original.contains("Usulan ini digabung ke")
            && original.contains(&merged)
            && original.contains("Digabung"),
        "{original}"
    );
    let joined = text(&app, &format!("/musrena/usulan/{merged}")).await;
    assert!(
        joined.contains("Usulan ini gabungan dari")
            && joined.contains("Perempuan")
            && joined.contains("Lansia"),
        "{joined}"
    );
    // Another district's admin cannot merge here.
    app.add_account("admin-rsud", Role::UnitAdmin, Some("rsud"), None)
        .await;
    let outsider = app.sign_in("admin-rsud", PASSWORD).await.unwrap();
    assert_eq!(
        post(&app, &outsider, &path, &form).await.0,
        StatusCode::FORBIDDEN
    );

    let split = [
        ("part1-title", "Posyandu ramah anak"),
        ("part1-activity", "Ruang posyandu."),
        ("part2-title", "Taman bermain"),
        ("part2-activity", "Taman di balai desa."),
        ("confirm", "yes"),
    ];
    let (status, _) = post(
        &app,
        &admin,
        &format!("/musrena/kelola/{}/pecah?lang=id", codes[2]),
        &split,
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let whole = text(&app, &format!("/musrena/usulan/{}", codes[2])).await;
    assert!(
        whole.contains("Usulan ini dipecah menjadi") && whole.contains("Dipecah"),
        "{whole}"
    );
    let list = text(&app, "/musrena?tahap=musrenbang_kecamatan").await;
    assert_eq!(codes_in(&list).len(), 3, "{list}");
    // Only planners set a cost other than volume × unit price.
    let form = reqwest::multipart::Form::new()
        .text("csrf", admin.csrf.clone())
        .text("title", "Lampu jalan")
        .text("problem", "Gelap.")
        .text("activity", "Lampu.")
        .text("sector", "infrastructure")
        .text("village", VILLAGE)
        .text("estimated_cost", "90000000")
        .text("cost_reason", "Mahal")
        .text("proposed_by", "women");
    let refused = app
        .client
        .post(app.url(&format!("/musrena/forum/{forum}/usulan?lang=id")))
        .header("cookie", format!("suara_session={}", admin.cookie))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused
        .text()
        .await
        .unwrap()
        .contains("Hanya perencana (Bappeda)"));
}

/// What the offline forum page sends: each item with its key, recorded once however often
/// it is sent; votes counted per group for the participants the facilitator helped.
async fn an_offline_forum_records_each_item_once(db: TestDatabase) {
    use suara_store::testing::{DISTRICT, VILLAGE};
    let app = TestApp::spawn(db).await;
    app.add_account("bappeda", Role::Planner, None, None).await;
    let planner = app.sign_in("bappeda", PASSWORD).await.unwrap();
    let (status, _) = post(
        &app,
        &planner,
        "/musrena/forum?lang=id",
        &[
            ("level", "desa"),
            ("district", DISTRICT),
            ("village", VILLAGE),
            ("held_on", "2026-01-20"),
            ("place", "Balai Desa"),
            ("facilitator", "Ibu Sri"),
            ("total", "12"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let page = app
        .get_as(&planner, "/musrena/forum/2026-001/luring?lang=id")
        .await;
    assert!(page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("script-src 'self'"));
    let page = page.text().await.unwrap();
    assert!(
        page.contains("/static/forum-luring.js") && page.contains("data-csrf"),
        "{page}"
    );
    // The queue the page keeps on the device, shared with the kiosk.
    assert!(app
        .get("/static/queue.js")
        .await
        .text()
        .await
        .unwrap()
        .contains("localStorage"));

    let send = |fields: Vec<(&'static str, String)>| {
        let app = &app;
        let planner = &planner;
        async move {
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let response = app
                .post_form_as(
                    Some(planner),
                    "/musrena/forum/2026-001/luring?lang=id",
                    &[[("csrf", planner.csrf.as_str())].as_slice(), &fields].concat(),
                )
                .await;
            (
                response.status(),
                response
                    .json::<serde_json::Value>()
                    .await
                    .unwrap_or_default(),
            )
        }
    };
    let proposal = vec![
        ("kind", "proposal".to_string()),
        ("key", "forum-0123456789abcdef".to_string()),
        ("title", "Jalur landai posyandu".to_string()),
        ("problem", "Tangga tinggi.".to_string()),
        ("activity", "Jalur landai.".to_string()),
        ("sector", "infrastructure".to_string()),
        ("village", VILLAGE.to_string()),
        ("proposed_by", "disability_physical".to_string()),
    ];
    let (status, first) = send(proposal.clone()).await;
    assert_eq!(
        (status, first["repeated"].as_bool()),
        (StatusCode::OK, Some(false)),
        "{first}"
    );
    let code = first["code"].as_str().unwrap().to_string();
    // The connection dropped before the answer: the page sends it again.
    let (_, again) = send(proposal.clone()).await;
    assert_eq!(
        (again["code"].as_str(), again["repeated"].as_bool()),
        (Some(code.as_str()), Some(true))
    );
    let listed = app
        .store
        .proposals("t1", &suara_store::ProposalFilter::default())
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);

    let votes = vec![
        ("kind", "votes".to_string()),
        ("key", "forum-votes-0001".to_string()),
        ("code", code.clone()),
        ("group", "elderly".to_string()),
        ("count", "3".to_string()),
    ];
    for _ in 0..3 {
        assert_eq!(send(votes.clone()).await.0, StatusCode::OK);
    }
    let (stored, _) = app.store.proposal("t1", &code).await.unwrap().unwrap();
    assert_eq!(stored.votes, 3);
    assert_eq!(
        app.store.assisted_votes("t1", &code).await.unwrap(),
        vec![(suara_domain::musrena::forum::Group::Elderly, 3)]
    );
    let manage = text_as(&app, &planner, &format!("/musrena/kelola/{code}")).await;
    assert!(
        manage.contains("Suara yang dibantu per kelompok: Lansia 3"),
        "{manage}"
    );
    // Bad items are refused with a reason; nothing is recorded.
    for (fields, expected) in [
        (
            vec![("kind", "votes".to_string()), ("key", "short".to_string())],
            "kunci",
        ),
        (
            vec![
                ("kind", "votes".to_string()),
                ("key", "forum-votes-0002".to_string()),
                ("code", code.clone()),
                ("group", "elderly".to_string()),
                ("count", "-4".to_string()),
            ],
            "bilangan bulat",
        ),
        (
            vec![
                ("kind", "votes".to_string()),
                ("key", "forum-votes-0003".to_string()),
                ("code", "MR-TIDAK-ADA".to_string()),
                ("group", "elderly".to_string()),
                ("count", "1".to_string()),
            ],
            "MR-TIDAK-ADA",
        ),
        (
            vec![
                ("kind", "proposal".to_string()),
                ("key", "forum-proposal-0004".to_string()),
                ("title", " ".to_string()),
            ],
            "wajib",
        ),
    ] {
        let (status, body) = send(fields).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(
            body["problems"].to_string().contains(expected),
            "{expected}: {body}"
        );
    }
    assert_eq!(
        app.store
            .proposal("t1", &code)
            .await
            .unwrap()
            .unwrap()
            .0
            .votes,
        3
    );
    // Without the token: refused.
    let forged = app
        .post_form_as(
            Some(&planner),
            "/musrena/forum/2026-001/luring",
            &[("kind", "votes"), ("key", "forum-votes-0009")],
        )
        .await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);

    // Up to three photos and a cost breakdown (PDF or xlsx) with a proposal.
    let with_files = |photos: usize, rab: &'static [u8]| {
        let mut form = reqwest::multipart::Form::new()
            .text("csrf", planner.csrf.clone())
            .text("title", "Balai desa ramah disabilitas")
            .text("problem", "Tangga.")
            .text("activity", "Jalur landai.")
            .text("sector", "infrastructure")
            .text("village", VILLAGE)
            .text("proposed_by", "women");
        for _ in 0..photos {
            form = form.part(
                "photo",
                reqwest::multipart::Part::bytes(PHOTO_WITH_GPS.clone()).file_name("foto.jpg"),
            );
        }
        form = form.part(
            "rab",
            reqwest::multipart::Part::bytes(rab).file_name("rab.pdf"),
        );
        app.client
            .post(app.url("/musrena/forum/2026-001/usulan?lang=id"))
            .header("cookie", format!("suara_session={}", planner.cookie))
            .multipart(form)
            .send()
    };
    let four = with_files(4, b"%PDF-1.7 rincian").await.unwrap();
    assert_eq!(four.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(four.text().await.unwrap().contains("Paling banyak 3 foto"));
    let html = with_files(1, b"<html><script>alert(1)</script>")
        .await
        .unwrap();
    assert_eq!(html.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.text().await.unwrap().contains("PDF atau xlsx"));
    let before = app
        .store
        .proposals("t1", &suara_store::ProposalFilter::default())
        .await
        .unwrap()
        .len();
    assert_eq!(before, 1, "refused forms keep nothing");
    let saved = with_files(3, b"%PDF-1.7 rincian").await.unwrap();
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let location = saved.headers()["location"].to_str().unwrap().to_string();
    let new_code = location.split("baru=").nth(1).unwrap().to_string();
    assert_eq!(
        app.store.photos("t1", &new_code).await.unwrap(),
        vec![1, 2, 3]
    );
    let tracker = app
        .get(&format!("/musrena/usulan/{new_code}?lang=id"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        tracker.contains(&format!("/musrena/usulan/{new_code}/rab")),
        "{tracker}"
    );
    let rab = app.get(&format!("/musrena/usulan/{new_code}/rab")).await;
    assert_eq!(rab.headers()["content-type"], "application/pdf");
    assert!(rab.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
}

async fn text_as(app: &TestApp, session: &Session, path: &str) -> String {
    app.get_as(session, path).await.text().await.unwrap()
}

/// A village boundary surveyed to 19,999 points is kept as imported, but the map is drawn
/// from the few hundred a screen can show, computed once at the import: the page stays
/// light however detailed the survey, and proposals still sit at the village's centre.
async fn a_surveyed_boundary_is_drawn_at_the_map_s_resolution(db: TestDatabase) {
    use suara_domain::org::village::{Boundary, Point};
    let app = TestApp::spawn(db).await;
    let mut org = suara_store::testing::organisation();
    let mut ring: Vec<Point> = (0..19_999)
        .map(|i| {
            let a = f64::from(i) / 19_999.0 * std::f64::consts::TAU;
            Point::from_degrees(111.72 + 0.02 * a.cos(), -8.28 + 0.02 * a.sin()).unwrap()
        })
        .collect();
    ring.push(ring[0]);
    org.villages[0].boundary = Some(Boundary(vec![vec![ring]]));
    app.store
        .seed_organisation("t1", &org, "test", time::OffsetDateTime::now_utc())
        .await
        .unwrap();
    let stored = app.store.villages_with_boundaries("t1").await.unwrap();
    assert_eq!(
        stored[0].boundary.as_ref().unwrap().points().count(),
        20_000
    );
    let drawn = app.store.villages_for_map("t1").await.unwrap();
    let points = drawn[0].boundary.as_ref().unwrap().points().count();
    assert!(points < 1_300, "{points} points drawn");
    let map = text(&app, "/musrena/peta").await;
    assert!(
        map.contains("<svg") && map.len() < 100_000,
        "{} bytes",
        map.len()
    );
    let centres = app.store.village_centres("t1").await.unwrap();
    let centre = centres[&org.villages[0].code];
    assert!(
        (centre.lon_degrees() - 111.72).abs() < 0.001
            && (centre.lat_degrees() + 8.28).abs() < 0.001,
        "{centre:?}"
    );
}
