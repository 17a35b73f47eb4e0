//! Reviewing citizens' suggestions before others read them.
//!
//! Masking at the door ([`super::mask_contact_details`]) catches phone numbers, ID numbers
//! and e-mail addresses. Names and addresses it cannot tell from ordinary words, so:
//! - a suggestion that [`concerns`] flags is shown to planners and other staff only after
//!   someone of the unit has reviewed it;
//! - nothing is published (the unit's SKM report) before it is reviewed;
//! - a reviewer may only take words away ([`masked_by_deletion`]): each run of removed
//!   words becomes [`MASK`], and nothing can be added, so a review cannot put words into a
//!   citizen's mouth.

use super::MASK;

/// Why a suggestion may identify someone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Concern {
    /// A person named ("nama saya …", "Pak Budi").
    Name,
    /// A street, house number, RT/RW, hamlet.
    Address,
    /// Contact details were masked on arrival; what is around them may still tell who wrote.
    Contact,
}

/// Who reads the suggestion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// Staff outside the unit's reviewers: planners, HR, finance, the inspectorate, exports.
    Staff,
    /// Anyone: the published report.
    Public,
}

/// Words that introduce a name when followed by a word (capitalised or not: names are
/// typed in lower case on phones).
const TITLES: &[&str] = &[
    "pak", "bu", "bapak", "ibu", "bpk", "mas", "mbak", "mba", "sdr", "sdri", "saudara", "saudari",
    "dik", "kak", "mbah", "bang",
];

/// Word pairs that introduce the writer's own name.
const NAME_INTROS: &[[&str; 2]] = &[["nama", "saya"], ["saya", "bernama"], ["atas", "nama"]];

/// Abbreviations that only ever start an address.
const ADDRESS_WORDS: &[&str] = &["jl", "jln", "gg", "dsn", "perum", "alamat", "alamatnya"];

/// Words that start an address when a number or a capitalised name follows.
const ADDRESS_BEFORE_NAME_OR_NUMBER: &[&str] = &[
    "jalan",
    "gang",
    "dusun",
    "rt",
    "rw",
    "blok",
    "no",
    "nomor",
    "kampung",
    "perumahan",
];

/// The word without the punctuation around it, lower-cased.
fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

fn capitalised(word: &str) -> bool {
    word.trim_start_matches(|c: char| !c.is_alphanumeric())
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

fn starts_with_digit(word: &str) -> bool {
    word.trim_start_matches(|c: char| !c.is_alphanumeric())
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit())
}

/// `rt03`, `rw.02`, `rt3/rw4`: RT or RW glued to its number.
fn glued_rt_rw(word: &str) -> bool {
    let w = bare(word);
    ["rt", "rw"].iter().any(|p| {
        w.strip_prefix(p)
            .map(|rest| rest.trim_start_matches(['.', ':']))
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
    })
}

/// What in the text may identify a person, each concern once, in order. Dots, commas and
/// slashes part words too, so `Jl.Mawar` and `Bpk.Budi` are read as two.
pub fn concerns(text: &str) -> Vec<Concern> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | '/'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut found = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let b = bare(word);
        let next = words.get(i + 1).copied();
        let next_is_name = next.is_some_and(capitalised);
        let next_is_number = next.is_some_and(starts_with_digit);
        let next_is_word = next.is_some_and(|n| n.chars().any(char::is_alphabetic));
        if (TITLES.contains(&b.as_str()) && next_is_word)
            || NAME_INTROS
                .iter()
                .any(|[a, z]| b == *a && next.is_some_and(|n| bare(n) == *z))
        {
            found.push(Concern::Name);
        }
        if ADDRESS_WORDS.contains(&b.as_str())
            || (ADDRESS_BEFORE_NAME_OR_NUMBER.contains(&b.as_str())
                && (next_is_number || next_is_name))
            || glued_rt_rw(word)
        {
            found.push(Concern::Address);
        }
        if word.contains(MASK) || word.contains('@') {
            found.push(Concern::Contact);
        }
    }
    found.sort();
    found.dedup();
    found
}

/// A reviewer's change that takes more than words away.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddsWords {
    /// The first word that is not in the suggestion (where it stands).
    pub word: String,
}

/// The text a reviewer's `edited` copy of `original` allows to be shown: the words they
/// kept, in order, with each run of removed words as one [`MASK`]. Whitespace is
/// normalised; an emptied box masks everything. A word of `edited` that is not the next
/// remaining word of `original` is refused; a typed [`MASK`] stands for at least one
/// removed word.
pub fn masked_by_deletion(original: &str, edited: &str) -> Result<String, AddsWords> {
    let words: Vec<&str> = original.split_whitespace().collect();
    let mut kept = vec![false; words.len()];
    let mut at = 0;
    for word in edited.split_whitespace() {
        if word == MASK {
            // Stands for the next word (at least one), removed.
            if at >= words.len() {
                return Err(AddsWords { word: word.into() });
            }
            at += 1;
            continue;
        }
        // The earliest match leaves the most words for what follows.
        match words[at..].iter().position(|w| *w == word) {
            Some(offset) => {
                kept[at + offset] = true;
                at += offset + 1;
            }
            None => return Err(AddsWords { word: word.into() }),
        }
    }
    let mut out: Vec<&str> = Vec::with_capacity(words.len());
    for (word, keep) in words.iter().zip(&kept) {
        if *keep {
            out.push(word);
        } else if out.last() != Some(&MASK) {
            out.push(MASK);
        }
    }
    if out.is_empty() {
        out.push(MASK);
    }
    Ok(out.join(" "))
}

/// Whether `shown` is `original` with some words taken away, as [`masked_by_deletion`]
/// writes it: each word of `shown` is the next word of `original`, or [`MASK`] standing for
/// one or more of them, and together they cover every word. For `suara verify`.
pub fn is_masking_of(original: &str, shown: &str) -> bool {
    let words: Vec<&str> = original.split_whitespace().collect();
    let pattern: Vec<&str> = shown.split_whitespace().collect();
    // covered[j]: the pattern read so far can cover exactly the first j words.
    let mut covered = vec![false; words.len() + 1];
    covered[0] = true;
    for token in &pattern {
        let mut next = vec![false; words.len() + 1];
        for j in 0..words.len() {
            if !covered[j] {
                continue;
            }
            if *token == MASK {
                next[j + 1..].iter_mut().for_each(|c| *c = true);
                break;
            }
            if words[j] == *token {
                next[j + 1] = true;
            }
        }
        covered = next;
    }
    covered[words.len()] && !pattern.is_empty()
}

/// What `audience` may read of a stored suggestion: the reviewed text when there is one;
/// without a review, staff read a suggestion nothing flags, and the public nothing.
pub fn visible(stored: &str, reviewed: Option<&str>, audience: Audience) -> Option<String> {
    match (reviewed, audience) {
        (Some(text), _) => Some(text.to_string()),
        (None, Audience::Staff) if concerns(stored).is_empty() => Some(stored.to_string()),
        (None, _) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_addresses_are_flagged() {
        use Concern::*;
        for (text, expected) in [
            ("Pelayanan cepat, terima kasih", vec![]),
            ("Perbaiki jalan desa yang rusak", vec![]),
            ("Antrean KTP terlalu lama", vec![]),
            ("Pak Budi sangat ramah", vec![Name]),
            ("nama saya Siti, mohon dibantu", vec![Name]),
            ("Saya tinggal di Jl. Mawar no 5", vec![Address]),
            ("rumah di RT 03 RW 02 belum dapat", vec![Address]),
            ("rt03/rw02 Desa Sumberejo", vec![Address]),
            ("Dusun Krajan sering banjir", vec![Address]),
            ("hubungi [disamarkan] ya", vec![Contact]),
            ("Bu Sari di Gang Melati 4", vec![Name, Address]),
            ("pak budi kurang ramah", vec![Name]),
            ("Bpk.Budi kasar", vec![Name]),
            ("rumah di Jl.Mawar", vec![Address]),
            ("rt.03 belum dapat", vec![Address]),
        ] {
            assert_eq!(concerns(text), expected, "{text}");
        }
    }

    #[test]
    fn a_review_only_takes_words_away() {
        let original = "Pak Budi di loket 3 sangat ramah";
        assert_eq!(
            masked_by_deletion(original, original).unwrap(),
            "Pak Budi di loket 3 sangat ramah"
        );
        assert_eq!(
            masked_by_deletion(original, "Pak di loket 3 sangat ramah").unwrap(),
            "Pak [disamarkan] di loket 3 sangat ramah"
        );
        assert_eq!(
            masked_by_deletion(original, "Pak [disamarkan] di loket sangat ramah").unwrap(),
            "Pak [disamarkan] di loket [disamarkan] sangat ramah"
        );
        assert_eq!(
            masked_by_deletion(original, "sangat  ramah\r\n").unwrap(),
            "[disamarkan] sangat ramah"
        );
        assert_eq!(masked_by_deletion(original, " ").unwrap(), "[disamarkan]");
        assert_eq!(
            masked_by_deletion(original, "Pak Budi sangat kasar"),
            Err(AddsWords {
                word: "kasar".into()
            })
        );
        // Reordering is adding.
        assert!(masked_by_deletion(original, "ramah sangat").is_err());
        assert!(masked_by_deletion("a b", "a b [disamarkan]").is_err());
    }

    #[test]
    fn nothing_unreviewed_is_published() {
        assert_eq!(visible("Cepat", None, Audience::Public), None);
        assert_eq!(
            visible("Cepat", None, Audience::Staff).as_deref(),
            Some("Cepat")
        );
        assert_eq!(visible("Pak Budi kasar", None, Audience::Staff), None);
        assert_eq!(
            visible(
                "Pak Budi kasar",
                Some("Pak [disamarkan] kasar"),
                Audience::Public
            )
            .as_deref(),
            Some("Pak [disamarkan] kasar")
        );
    }

    #[test]
    fn a_review_is_recognised_as_one() {
        assert!(is_masking_of("Pak Budi dan Budi", "[disamarkan] Budi"));
        assert!(is_masking_of("a b c", "a [disamarkan]"));
        assert!(is_masking_of(
            "hubungi [disamarkan] ya",
            "hubungi [disamarkan] ya"
        ));
        assert!(
            !is_masking_of("a b c", "a c"),
            "a removed word leaves a mask"
        );
        assert!(!is_masking_of("a b", "a b c"));
        assert!(!is_masking_of(
            "Pelayanan lambat",
            "Pelayanan sangat memuaskan"
        ));
        assert!(!is_masking_of("a b", ""));
    }

    proptest::proptest! {
        /// What a review writes is recognised as a review of the original.
        #[test]
        fn a_review_is_a_masking(
            original in proptest::collection::vec("[a-c]{1,2}", 1..8),
            edited in proptest::collection::vec("[a-c]{1,2}|\\[disamarkan\\]", 0..8),
        ) {
            let original = original.join(" ");
            if let Ok(shown) = masked_by_deletion(&original, &edited.join(" ")) {
                proptest::prop_assert!(is_masking_of(&original, &shown), "{} → {}", original, shown);
            }
        }

        /// Whatever is typed, the result keeps only words of the original, in order.
        #[test]
        fn a_review_never_adds(
            original in proptest::collection::vec("[a-c]{1,2}", 0..8),
            edited in proptest::collection::vec("[a-c]{1,2}|\\[disamarkan\\]", 0..8),
        ) {
            let original = original.join(" ");
            if let Ok(shown) = masked_by_deletion(&original, &edited.join(" ")) {
                let mut rest = original.split_whitespace();
                for word in shown.split_whitespace().filter(|w| *w != MASK) {
                    proptest::prop_assert!(rest.any(|w| w == word));
                }
            }
        }
    }
}
