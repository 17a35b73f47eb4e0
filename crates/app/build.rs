//! Reads the translation files (`locales/*.ftl`, Project Fluent) and writes, into `OUT_DIR`,
//! the catalogue's constants (one per message of `id.ftl`, the reference) and the list of
//! languages with their files embedded. Adding a language is adding its file: this script
//! finds it. A file that does not parse stops the build with its line.

use std::fmt::Write as _;
use std::path::Path;

use fluent_syntax::ast::Entry;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut codes: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            (path.extension()? == "ftl").then(|| path.file_stem()?.to_str().map(str::to_string))?
        })
        .collect();
    // Indonesian first (the reference and the default), English second, others by code.
    codes.sort_by_key(|code| (code != "id", code != "en", code.clone()));
    assert!(
        codes.len() >= 2 && codes[0] == "id" && codes[1] == "en",
        "locales/ needs id.ftl and en.ftl"
    );

    let mut locales = String::from("pub(crate) const LOCALES: &[(&str, &str)] = &[\n");
    let mut reference = Vec::new();
    for code in &codes {
        let path = dir.join(format!("{code}.ftl"));
        println!("cargo:rerun-if-changed={}", path.display());
        let source =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let ids = message_ids(&path, &source);
        if code == "id" {
            reference = ids;
        }
        writeln!(
            locales,
            "    ({code:?}, include_str!({:?})),",
            path.display()
        )
        .ok();
    }
    locales.push_str("];\n");

    let mut catalogue = String::new();
    for id in &reference {
        let name = id.to_uppercase().replace('-', "_");
        writeln!(catalogue, "pub const {name}: Text = Text::new({id:?});").ok();
    }
    catalogue.push_str("/// Every message of the reference file, in its order.\npub const EVERY_TEXT: &[Text] = &[\n");
    for id in &reference {
        writeln!(catalogue, "    {},", id.to_uppercase().replace('-', "_")).ok();
    }
    catalogue.push_str("];\n");

    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).to_path_buf();
    std::fs::write(out.join("locales.rs"), locales).expect("OUT_DIR is writable");
    std::fs::write(out.join("catalogue.rs"), catalogue).expect("OUT_DIR is writable");
}

/// The messages' identifiers, in order; a syntax error stops the build with its place.
fn message_ids(path: &Path, source: &str) -> Vec<String> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(resource) => resource,
        Err((_, errors)) => {
            let first = &errors[0];
            let line = source[..first.pos.start].lines().count();
            panic!("{}:{line}: {:?}", path.display(), first.kind);
        }
    };
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(message) => Some(message.id.name.to_string()),
            _ => None,
        })
        .collect()
}
