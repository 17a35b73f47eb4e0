//! A citizen checks their receipt: counted, under review or unknown; a counted one's
//! inclusion proof and signed head are checked here with code of the test's own (RFC 9162
//! §2.1.3.2 and ed25519-dalek), not the server's; so is the proof that a later signed head
//! extends an earlier one (§2.1.4.2). On SQLite and PostgreSQL.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod common;

use common::TestApp;
use ed25519_dalek::{Signature, Verifier, VerifyingKey};
use reqwest::StatusCode;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use suara_store::testing::TestDatabase;

suara_store::backend_tests!(
    a_receipt_proves_its_response_is_in_the_signed_log,
    the_log_proves_it_only_grew,
    the_log_is_served_as_checkpoint_and_tiles
);

fn unhex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect()
}

fn node(left: &[u8], right: &[u8]) -> Vec<u8> {
    let mut h = Sha256::new();
    h.update([1u8]);
    h.update(left);
    h.update(right);
    h.finalize().to_vec()
}

/// RFC 9162 §2.1.3.2, written out again: the root an audit path leads to.
fn root_from_path(leaf: &[u8], index: u64, size: u64, path: &[Vec<u8>]) -> Option<Vec<u8>> {
    let (mut fnode, mut snode) = (index, size - 1);
    let mut r = leaf.to_vec();
    for p in path {
        if snode == 0 {
            return None;
        }
        if fnode % 2 == 1 || fnode == snode {
            r = node(p, &r);
            while fnode % 2 == 0 && fnode != 0 {
                fnode >>= 1;
                snode >>= 1;
            }
        } else {
            r = node(&r, p);
        }
        fnode >>= 1;
        snode >>= 1;
    }
    (snode == 0).then_some(r)
}

/// RFC 9162 §2.1.4.2, written out again: whether `proof` shows the tree of `second` leaves
/// (root `second_hash`) extends the tree of `first` leaves (root `first_hash`).
fn consistent(
    first: u64,
    second: u64,
    proof: &[Vec<u8>],
    first_hash: &[u8],
    second_hash: &[u8],
) -> bool {
    if first == second {
        return proof.is_empty() && first_hash == second_hash;
    }
    let mut path = proof.to_vec();
    if first.is_power_of_two() {
        path.insert(0, first_hash.to_vec());
    }
    let Some((start, rest)) = path.split_first() else {
        return false;
    };
    let (mut fnode, mut snode) = (first - 1, second - 1);
    while fnode & 1 == 1 {
        fnode >>= 1;
        snode >>= 1;
    }
    let (mut fr, mut sr) = (start.clone(), start.clone());
    for c in rest {
        if snode == 0 {
            return false;
        }
        if fnode & 1 == 1 || fnode == snode {
            fr = node(c, &fr);
            sr = node(c, &sr);
            while fnode & 1 == 0 && fnode != 0 {
                fnode >>= 1;
                snode >>= 1;
            }
        } else {
            sr = node(&sr, c);
        }
        fnode >>= 1;
        snode >>= 1;
    }
    fr == first_hash && sr == second_hash && snode == 0
}

async fn json_of(app: &TestApp, path: &str) -> (StatusCode, Value) {
    let sent = app.get(path).await;
    (sent.status(), sent.json().await.unwrap())
}

/// Answers `keys` and waits (at most five seconds) for a signed head of `size` leaves.
async fn grow_to(app: &TestApp, keys: std::ops::Range<usize>, size: u64) -> Value {
    for i in keys {
        let sent = app
            .client
            .post(app.url("/api/v1/responses"))
            .header("x-forwarded-for", format!("36.71.{i}.1"))
            .json(&json!({"unit": "dukcapil", "answers": [3, 4, 3, 4, 3, 4, 3, 4, 4], "idempotency_key": format!("grow-{i:04}")}))
            .send()
            .await
            .unwrap();
        assert_eq!(sent.status(), StatusCode::CREATED);
    }
    for _ in 0..50 {
        let (_, page) = json_of(app, "/api/v1/log/heads?limit=1").await;
        if page["heads"][0]["tree_size"].as_u64() == Some(size) {
            return page["heads"][0].clone();
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("no signed head of {size} leaves");
}

async fn the_log_proves_it_only_grew(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    // Nine web answers in a second: no hourly limit for the unit (its users left unknown).
    suara_store::testing::set_monthly_users(&app.store, None).await;
    let older = grow_to(&app, 0..5, 5).await;
    let newer = grow_to(&app, 5..9, 9).await;

    // The heads, page by page, largest first; each note carries the key's signature.
    let (status, first) = json_of(&app, "/api/v1/log/heads?limit=1").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(first["heads"][0], newer);
    assert_eq!(first["next_before"], 9);
    let (_, rest) = json_of(&app, "/api/v1/log/heads?before=9").await;
    let heads = rest["heads"].as_array().unwrap();
    assert!(heads.contains(&older), "{rest}");
    assert!(heads.iter().all(|h| h["tree_size"].as_u64().unwrap() < 9));
    assert_eq!(rest["next_before"], Value::Null, "the last page");
    let key: [u8; 32] = unhex(first["public_key"].as_str().unwrap())
        .try_into()
        .unwrap();
    let key = VerifyingKey::from_bytes(&key).unwrap();
    for head in [&older, &newer] {
        let (text, signature) = head["note"].as_str().unwrap().split_once("\n\n").unwrap();
        let signature: [u8; 64] = unhex(signature.trim()).try_into().unwrap();
        key.verify(
            format!("{text}\n").as_bytes(),
            &Signature::from_bytes(&signature),
        )
        .expect("signed by the published key");
    }

    // The proof that the tree of 9 extends the tree of 5, checked against both signed roots.
    let (status, body) = json_of(&app, "/api/v1/log/consistency?from=5&to=9").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let proof: Vec<Vec<u8>> = body["proof"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| unhex(h.as_str().unwrap()))
        .collect();
    let root = |head: &Value| unhex(head["root_hash"].as_str().unwrap());
    assert!(consistent(5, 9, &proof, &root(&older), &root(&newer)));
    // A tampered proof, or another old root, does not check out.
    let mut tampered = proof.clone();
    tampered[0][0] ^= 1;
    assert!(!consistent(5, 9, &tampered, &root(&older), &root(&newer)));
    assert!(!consistent(5, 9, &proof, &root(&newer), &root(&newer)));

    // The transparency page points to both, in plain words.
    let page = app.get("/transparansi").await.text().await.unwrap();
    assert!(
        page.contains(r#"href="/api/v1/log/heads""#)
            && page.contains("/api/v1/log/consistency?from=")
            && page.contains("&amp;to=9")
            && page.contains("hanya bertambah"),
        "{page}"
    );

    // Sizes out of order or past the latest signed head are refused, with why.
    for query in [
        "from=0&to=9",
        "from=9&to=5",
        "from=5&to=10",
        "from=5",
        "from=x&to=9",
    ] {
        let sent = app.get(&format!("/api/v1/log/consistency?{query}")).await;
        assert_eq!(sent.status(), StatusCode::BAD_REQUEST, "{query}");
    }
    let (status, _) = json_of(&app, "/api/v1/log/heads?limit=0").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

async fn receipt(app: &TestApp, code: &str) -> (StatusCode, Value) {
    let sent = app.get(&format!("/api/v1/receipts/{code}")).await;
    (sent.status(), sent.json().await.unwrap())
}

async fn a_receipt_proves_its_response_is_in_the_signed_log(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    // Seven web answers in a second: no hourly limit for the unit (its users left unknown).
    suara_store::testing::set_monthly_users(&app.store, None).await;
    let mut receipts = Vec::new();
    for i in 0..7 {
        let sent: Value = app
            .client
            .post(app.url("/api/v1/responses"))
            .header("x-forwarded-for", format!("36.70.{i}.1"))
            .json(&json!({"unit": "dukcapil", "answers": [3, 4, 3, 4, 3, 4, 3, 4, i % 4 + 1], "idempotency_key": format!("receipt-{i:04}")}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        receipts.push(sent["receipt"].as_str().unwrap().to_string());
    }
    // A head is signed within a second or two of the commit.
    let mut found = Value::Null;
    for _ in 0..50 {
        let (status, body) = receipt(&app, &receipts[4]).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body["status"], "counted");
        if body["signed_head"]["tree_size"].as_u64() == Some(7) {
            found = body;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(!found.is_null(), "a signed head covering every response");

    // The head's signature, checked with the published key.
    let key: [u8; 32] = unhex(found["public_key"].as_str().unwrap())
        .try_into()
        .unwrap();
    let key = VerifyingKey::from_bytes(&key).unwrap();
    let note = found["signed_head"]["note"].as_str().unwrap();
    let (text, signature) = note.split_once("\n\n").unwrap();
    let signature: [u8; 64] = unhex(signature.trim()).try_into().unwrap();
    let signed = format!("{text}\n");
    key.verify(signed.as_bytes(), &Signature::from_bytes(&signature))
        .expect("the head is signed by the published key");
    assert!(signed.contains(&format!(
        "\n7\n{}\n",
        found["signed_head"]["root_hash"].as_str().unwrap()
    )));

    // The audit path leads from the leaf to that root; from any other leaf it does not.
    let root = unhex(found["signed_head"]["root_hash"].as_str().unwrap());
    let leaf = unhex(found["leaf_hash"].as_str().unwrap());
    let path: Vec<Vec<u8>> = found["inclusion_proof"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| unhex(h.as_str().unwrap()))
        .collect();
    let index = found["leaf_index"].as_u64().unwrap();
    assert_eq!(index, 4);
    assert_eq!(root_from_path(&leaf, index, 7, &path), Some(root.clone()));
    let other = unhex(
        receipt(&app, &receipts[5]).await.1["leaf_hash"]
            .as_str()
            .unwrap(),
    );
    assert_ne!(root_from_path(&other, index, 7, &path), Some(root));

    // Unknown numbers, typed forgivingly, and the page a citizen reads.
    let (status, body) = receipt(&app, "SKM-00000-00000").await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::NOT_FOUND, Some("unknown"))
    );
    let page = app
        .get(&format!("/tanda-terima/{}", receipts[4].to_lowercase()))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Dihitung") && page.contains("Bukti keanggotaan"),
        "{page}"
    );
    let lookup = app
        .get(&format!("/tanda-terima?nomor={}&lang=en", receipts[4]))
        .await;
    assert_eq!(lookup.status(), StatusCode::SEE_OTHER);
    let garbage = app.get("/tanda-terima/%3Cscript%3E").await;
    assert_eq!(garbage.status(), StatusCode::NOT_FOUND);

    // A held response is under review, and says nothing more.
    for i in 0..3 {
        app.client
            .post(app.url("/api/v1/responses"))
            .header("cookie", "suara_perangkat=one-phone")
            .header("x-forwarded-for", "36.99.1.1")
            .json(&json!({"unit": "dukcapil", "answers": [4, 4, 4, 4, 4, 4, 4, 4, 3], "idempotency_key": format!("held-{i:04}-x")}))
            .send()
            .await
            .unwrap();
    }
    let held: Vec<_> = app
        .store
        .held_responses("t1", &suara_store::HeldQuery::first(5))
        .await
        .unwrap()
        .items;
    assert_eq!(held.len(), 1);
    let (status, body) = receipt(&app, &held[0].receipt).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        body,
        json!({"receipt": held[0].receipt, "status": "under_review"})
    );
}

/// The log in C2SP's formats: the checkpoint is signed by the key the API publishes, the
/// entry bundle's entries hash to the level-0 tile, whose hashes make the checkpoint's root;
/// nothing past the signed tree is served. The history page lists the checkpoints and checks
/// one extends another, keeping what was typed when it cannot.
async fn the_log_is_served_as_checkpoint_and_tiles(db: TestDatabase) {
    use base64::prelude::{Engine, BASE64_STANDARD};
    let app = TestApp::spawn(db).await;
    suara_store::testing::set_monthly_users(&app.store, None).await;
    grow_to(&app, 0..3, 3).await;
    let head = grow_to(&app, 3..7, 7).await;

    let sent = app.get("/log/t1/checkpoint").await;
    assert_eq!(sent.status(), StatusCode::OK);
    assert_eq!(sent.headers()["content-type"], "text/plain; charset=utf-8");
    let note = sent.text().await.unwrap();
    let (body, signature) = note.split_once("\n\n").unwrap();
    let root = unhex(head["root_hash"].as_str().unwrap());
    assert_eq!(
        body,
        format!("suara/t1\n7\n{}", BASE64_STANDARD.encode(&root))
    );
    // The signature line: the key ID, then Ed25519 over the body, by the published key.
    let (_, keys) = json_of(&app, "/api/v1/log/heads?limit=1").await;
    let vkey = keys["verifier_key"].as_str().unwrap();
    assert!(vkey.starts_with("suara/t1+"), "{vkey}");
    let line = BASE64_STANDARD
        .decode(signature.trim().rsplit(' ').next().unwrap())
        .unwrap();
    let key: [u8; 32] = unhex(keys["public_key"].as_str().unwrap())
        .try_into()
        .unwrap();
    let signature: [u8; 64] = line[4..].try_into().unwrap();
    VerifyingKey::from_bytes(&key)
        .unwrap()
        .verify(
            format!("{body}\n").as_bytes(),
            &Signature::from_bytes(&signature),
        )
        .expect("the checkpoint is signed by the regency's key");

    let entries = app.get("/log/t1/tile/entries/000.p/7").await;
    assert_eq!(
        entries.headers()["content-type"],
        "application/octet-stream"
    );
    let entries = entries.bytes().await.unwrap();
    let tile = app
        .get("/log/t1/tile/0/000.p/7")
        .await
        .bytes()
        .await
        .unwrap();
    assert_eq!((entries.len(), tile.len()), (7 * 34, 7 * 32));
    let leaves: Vec<Vec<u8>> = entries
        .chunks(34)
        .map(|e| {
            assert_eq!(&e[..2], &[0, 32]);
            let mut h = Sha256::new();
            h.update([0u8]);
            h.update(&e[2..]);
            h.finalize().to_vec()
        })
        .collect();
    assert_eq!(leaves.concat(), tile.to_vec());
    let mth = |l: &[Vec<u8>]| -> Vec<u8> {
        fn mth(l: &[Vec<u8>]) -> Vec<u8> {
            if l.len() == 1 {
                return l[0].clone();
            }
            // The largest power of two smaller than the count (RFC 6962).
            let k = 1usize << (usize::BITS - 1 - (l.len() - 1).leading_zeros());
            node(&mth(&l[..k]), &mth(&l[k..]))
        }
        mth(l)
    };
    assert_eq!(mth(&leaves), root);
    // An older checkpoint's partial tile is served too: the first entries of the same bundle.
    let older = app
        .get("/log/t1/tile/entries/000.p/3")
        .await
        .bytes()
        .await
        .unwrap();
    assert_eq!(older, entries.slice(..3 * 34));
    for path in [
        "tile/0/000.p/8",
        "tile/0/000",
        "tile/+0/000",
        "tile/1/000.p/1",
        "tile/0/0",
        "tile/x",
        "tile/entries/001.p/7",
    ] {
        let sent = app.get(&format!("/log/t1/{path}")).await;
        assert_eq!(sent.status(), StatusCode::NOT_FOUND, "{path}");
    }
    assert_eq!(
        app.get("/log/t9/checkpoint").await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );

    // The history page: both checkpoints, no witness yet, and the check between them.
    let page = app.get("/transparansi/log").await.text().await.unwrap();
    assert!(
        page.contains("Riwayat log transparansi")
            && page.contains("<td data-label=\"Saksi\">tidak ada</td>")
            && page.contains(vkey),
        "{page}"
    );
    let checked = app.get("/transparansi/log?from=3&to=7").await;
    assert_eq!(checked.status(), StatusCode::OK);
    let checked = checked.text().await.unwrap();
    assert!(
        checked.contains("Cocok: log berisi 7 tanggapan melanjutkan log berisi 3 tanggapan"),
        "{checked}"
    );
    for (query, said) in [
        ("from=tiga&to=7", "Isi kedua jumlah"),
        ("from=7&to=3", "tidak boleh lebih besar"),
        ("from=4&to=7", "dengan 4 tanggapan"),
    ] {
        let sent = app.get(&format!("/transparansi/log?{query}")).await;
        assert_eq!(sent.status(), StatusCode::UNPROCESSABLE_ENTITY, "{query}");
        let page = sent.text().await.unwrap();
        assert!(
            page.contains("error-summary") && page.contains(said),
            "{query}: {page}"
        );
        let typed = query.split('&').next().unwrap().trim_start_matches("from=");
        assert!(
            page.contains(&format!(r#"value="{typed}""#)),
            "the typed number is kept: {page}"
        );
    }
    let english = app
        .get("/transparansi/log?lang=en&from=3&to=7")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        english.contains("Consistent: the log of 7 responses extends"),
        "{english}"
    );
}
