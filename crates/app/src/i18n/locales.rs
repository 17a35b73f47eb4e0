//! The translation files (`crates/app/locales/*.ftl`, Project Fluent), embedded at build
//! time and read once through `fluent-bundle`. Each language is a file; Indonesian is the
//! reference every other file must match, and what a missing message falls back to.

use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// Values are named `$v1`, `$v2`… in the files, in the order the program passes them.
const MOST_VALUES: usize = 9;

pub(crate) struct Locale {
    pub code: &'static str,
    bundle: FluentBundle<FluentResource>,
    /// Each message formatted once with `{}` for its values: what [`super::Lang::t`] returns.
    plain: HashMap<String, String>,
}

impl Locale {
    fn load(code: &'static str, source: &'static str) -> Locale {
        // The build script parsed every file already; a resource error cannot happen here,
        // and the entries that did parse are kept either way.
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
        let language = code.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![language]);
        // Isolation marks (U+2068/U+2069) around values would reach CSV cells and PDFs.
        bundle.set_use_isolating(false);
        let ids: Vec<String> = resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect();
        if let Err(errors) = bundle.add_resource(resource) {
            tracing::warn!(code, ?errors, "translation file has duplicate messages");
        }
        let placeholders: Vec<&dyn std::fmt::Display> = vec![&"{}"; MOST_VALUES];
        let mut locale = Locale {
            code,
            bundle,
            plain: HashMap::new(),
        };
        for id in ids {
            if let Some(text) = locale.format(&id, &placeholders) {
                locale.plain.insert(id, text);
            }
        }
        locale
    }

    pub fn plain(&self, id: &str) -> Option<&str> {
        self.plain.get(id).map(String::as_str)
    }

    /// The message `id` with `$v1`, `$v2`… set to `values`, or `None` when this file lacks it.
    pub fn format(&self, id: &str, values: &[&dyn std::fmt::Display]) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut args = FluentArgs::new();
        for (i, value) in values.iter().enumerate() {
            // Values come formatted for this language (dates, decimals): Fluent keeps them as text.
            args.set(format!("v{}", i + 1), FluentValue::from(value.to_string()));
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&args), &mut errors);
        Some(text.into_owned())
    }
}

/// Every language, in the order of [`LOCALES`]: Indonesian, English, then the others.
pub(crate) fn all() -> &'static [Locale] {
    static ALL: OnceLock<Vec<Locale>> = OnceLock::new();
    ALL.get_or_init(|| {
        LOCALES
            .iter()
            .map(|(code, source)| Locale::load(code, source))
            .collect()
    })
}
