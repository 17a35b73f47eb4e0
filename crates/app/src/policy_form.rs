//! The TPP policy as a form: fields in words and percentages instead of a text with English
//! keys. A form starts from a saved policy and is written back into that policy's own text,
//! so what a regency typed beside its rules (a decree's number, a meeting's date) stays with
//! the next version. The text is then read by [`Policy::from_toml`], the one place a policy
//! is checked; this module only refuses what cannot be put into the text at all.

use suara_domain::decimal::Decimal;
use suara_domain::integrity::channel::Trust;
use suara_domain::period::Month;
use suara_domain::tpp::policy::{NotServingPublic, PartMonth, Policy, SatisfactionRule};
use toml_edit::{DocumentMut, Item, Table, TableLike, Value};

/// Golongan groups a deduction may set its own percentage for, highest first; other groups a
/// policy's text names (PPPK's IX…) are kept as typed.
pub const RANKS: [&str; 4] = ["IV", "III", "II", "I"];
/// Empty rows offered for bands and deductions beyond those a policy has.
const SPARE_ROWS: usize = 1;
/// Rows of bands offered at least, so a rule can be switched to steps on the form.
const MIN_BAND_ROWS: usize = 4;

/// The satisfaction rules by the value the form posts.
pub const RULES: [&str; 3] = ["proportional", "linear_to_threshold", "steps"];

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PolicyFields {
    pub version: String,
    pub effective_from: String,
    pub effective_until: String,
    /// Written as comment lines above the text: why this version exists.
    pub note: String,
    pub rule: String,
    pub threshold: String,
    pub bands: Vec<BandFields>,
    pub floor: String,
    pub cap: String,
    pub max_monthly_fall: String,
    pub not_serving_public: String,
    pub part_month: String,
    pub min_trust: String,
    pub blend_k: String,
    pub months: String,
    pub min_responses: String,
    pub sample: bool,
    pub min_days: String,
    pub confidence: String,
    pub unconfirmed_percent: String,
    pub weight_satisfaction: String,
    pub weight_attendance: String,
    pub weight_productivity: String,
    pub deductions: Vec<DeductionFields>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BandFields {
    /// The score a band starts at.
    pub from: String,
    /// Percent of the TPP paid from it.
    pub factor: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeductionFields {
    pub name: String,
    pub percent: String,
    /// Percent by golongan, in the order of [`RANKS`]; blank for the general percentage.
    pub by_rank: [String; 4],
    /// Rupiah a month at most; blank for no cap.
    pub cap: String,
}

impl DeductionFields {
    fn is_blank(&self) -> bool {
        [&self.name, &self.percent, &self.cap]
            .into_iter()
            .chain(&self.by_rank)
            .all(|f| f.trim().is_empty())
    }
}

/// Why a field cannot be written into the policy; the page words it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    Required,
    NotANumber,
    NotAWholeNumber,
    /// A percentage outside 0–100, or with more than two decimals.
    NotAPercent,
    WeightsDoNotAddUp,
    UntilBeforeFrom,
    NotAChoice,
    /// A band with a score and no percentage, or the reverse.
    BandIncomplete,
    /// A rule of steps with no band.
    NoBand,
    /// A deduction row with amounts and no name.
    DeductionUnnamed,
}

/// A problem of one field, by the form's name for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormProblem {
    pub field: String,
    pub kind: ProblemKind,
}

/// The policy text a form gives, and which form row each of its deductions came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    pub text: String,
    pub deduction_rows: Vec<usize>,
}

impl PolicyFields {
    /// The fields of `policy`, decimals written with `mark` (a comma in Indonesian). The
    /// version is left blank: a new version needs a name of its own.
    pub fn of(policy: &Policy, mark: char) -> PolicyFields {
        let number = |d: Decimal| d.to_string().replace('.', &mark.to_string());
        let percent = |d: Decimal| number(share_to_percent(d));
        let (rule, threshold, mut bands) = match &policy.rule {
            SatisfactionRule::Proportional { threshold } => (RULES[0], number(*threshold), vec![]),
            SatisfactionRule::LinearToThreshold { threshold } => {
                (RULES[1], number(*threshold), vec![])
            }
            SatisfactionRule::Steps { bands } => (
                RULES[2],
                String::new(),
                bands
                    .iter()
                    .map(|b| BandFields {
                        from: number(b.from),
                        factor: percent(b.factor),
                    })
                    .collect(),
            ),
        };
        let rows = (bands.len() + SPARE_ROWS).max(MIN_BAND_ROWS);
        bands.resize(rows, BandFields::default());
        let evidence = policy.evidence.clone().unwrap_or_default();
        let mut deductions: Vec<DeductionFields> = policy
            .deductions
            .iter()
            .map(|d| DeductionFields {
                name: d.name.clone(),
                percent: number(d.percent),
                by_rank: RANKS.map(|r| d.by_rank.get(r).map(|p| number(*p)).unwrap_or_default()),
                cap: d.cap.map(|c| c.to_string()).unwrap_or_default(),
            })
            .collect();
        deductions.resize(deductions.len() + SPARE_ROWS, DeductionFields::default());
        PolicyFields {
            version: String::new(),
            effective_from: policy.effective_from.to_string(),
            effective_until: policy
                .effective_until
                .map(|m| m.to_string())
                .unwrap_or_default(),
            note: String::new(),
            rule: rule.to_string(),
            threshold,
            bands,
            floor: percent(policy.floor),
            cap: percent(policy.cap),
            max_monthly_fall: policy.max_monthly_fall.map(percent).unwrap_or_default(),
            not_serving_public: policy.not_serving_public.code().to_string(),
            part_month: policy.part_month.code().to_string(),
            min_trust: policy.min_trust.code().to_string(),
            blend_k: policy.blend_k.to_string(),
            months: evidence.months.to_string(),
            min_responses: evidence.min_responses.to_string(),
            sample: evidence.sample_from_users,
            min_days: evidence.min_days.to_string(),
            confidence: evidence.confidence.to_string(),
            unconfirmed_percent: evidence
                .unconfirmed_percent
                .map(|p| p.to_string())
                .unwrap_or_default(),
            weight_satisfaction: percent(policy.weights.satisfaction),
            weight_attendance: percent(policy.weights.attendance),
            weight_productivity: percent(policy.weights.productivity),
            deductions,
        }
    }

    /// The fields as a form posts them (`band_from_1`, `deduction_2_rank_III`…); names not
    /// known are ignored, and rows are as many as the highest numbered one posted.
    pub fn from_pairs(pairs: &[(String, String)]) -> PolicyFields {
        let mut fields = PolicyFields::default();
        for (name, value) in pairs {
            let value = value.clone();
            if let Some((row, part)) = numbered(name, "band_") {
                let band = row_of(&mut fields.bands, row);
                match part {
                    "from" => band.from = value,
                    "factor" => band.factor = value,
                    _ => {}
                }
                continue;
            }
            if let Some((row, part)) = numbered(name, "deduction_") {
                let d = row_of(&mut fields.deductions, row);
                match part {
                    "name" => d.name = value,
                    "percent" => d.percent = value,
                    "cap" => d.cap = value,
                    rank => {
                        if let Some(i) = RANKS.iter().position(|r| rank == format!("rank_{r}")) {
                            d.by_rank[i] = value;
                        }
                    }
                }
                continue;
            }
            let slot = match name.as_str() {
                "version" => &mut fields.version,
                "effective_from" => &mut fields.effective_from,
                "effective_until" => &mut fields.effective_until,
                "note" => &mut fields.note,
                "rule" => &mut fields.rule,
                "threshold" => &mut fields.threshold,
                "floor" => &mut fields.floor,
                "cap" => &mut fields.cap,
                "max_monthly_fall" => &mut fields.max_monthly_fall,
                "not_serving_public" => &mut fields.not_serving_public,
                "part_month" => &mut fields.part_month,
                "min_trust" => &mut fields.min_trust,
                "blend_k" => &mut fields.blend_k,
                "months" => &mut fields.months,
                "min_responses" => &mut fields.min_responses,
                "min_days" => &mut fields.min_days,
                "confidence" => &mut fields.confidence,
                "unconfirmed_percent" => &mut fields.unconfirmed_percent,
                "weight_satisfaction" => &mut fields.weight_satisfaction,
                "weight_attendance" => &mut fields.weight_attendance,
                "weight_productivity" => &mut fields.weight_productivity,
                "sample" => {
                    fields.sample = true;
                    continue;
                }
                _ => continue,
            };
            *slot = value;
        }
        fields
    }

    /// The policy text: `base` (the text the form started from) with the form's values put
    /// in, its comments and layout kept, and the note above it; or every field that cannot be
    /// written.
    pub fn write(&self, base: &str) -> Result<Written, Vec<FormProblem>> {
        let mut c = Checks::default();
        let version = c.required("version", &self.version);
        let (from, until) = self.period(&mut c);
        let rule = c.choice("rule", &self.rule, &RULES);
        let threshold = if rule == Some("steps") {
            None
        } else {
            c.decimal("threshold", &self.threshold)
        };
        let bands = if rule == Some("steps") {
            self.band_values(&mut c)
        } else {
            Vec::new()
        };
        let floor = c.percent("floor", &self.floor);
        let cap = c.percent("cap", &self.cap);
        let fall = c.optional(&self.max_monthly_fall, |c, t| {
            c.percent("max_monthly_fall", t)
        });
        let codes = [
            NotServingPublic::Unit.code(),
            NotServingPublic::UnitsLed.code(),
        ];
        let not_serving = c.choice("not_serving_public", &self.not_serving_public, &codes);
        let parts = [PartMonth::LastDay.code(), PartMonth::Days.code()];
        let part_month = c.choice("part_month", &self.part_month, &parts);
        let trusts = Trust::ALL.map(Trust::code);
        let trust = c.choice("min_trust", &self.min_trust, &trusts);
        let blend_k = c.whole("blend_k", &self.blend_k);
        let months = c.whole("months", &self.months);
        let min_responses = c.whole("min_responses", &self.min_responses);
        let min_days = c.whole("min_days", &self.min_days);
        let confidence = c.whole("confidence", &self.confidence);
        let unconfirmed = c.optional(&self.unconfirmed_percent, |c, t| {
            c.whole("unconfirmed_percent", t)
        });
        let weights = self.weight_values(&mut c);
        let deductions = self.deduction_values(&mut c);
        if !c.0.is_empty() {
            return Err(c.0);
        }

        let mut doc: DocumentMut = base.parse().unwrap_or_default();
        let root = doc.as_table_mut();
        put(root, "version", version.unwrap_or_default());
        put(
            root,
            "effective_from",
            from.map(|m| m.to_string()).unwrap_or_default(),
        );
        put_or_remove(root, "effective_until", until.map(|m| m.to_string()));
        put(root, "blend_k", blend_k.unwrap_or_default());
        put(root, "min_trust", trust.unwrap_or_default());
        put(root, "floor", text(floor));
        put(root, "cap", text(cap));
        put_or_remove(
            root,
            "max_monthly_fall",
            fall.flatten().map(|d| d.to_string()),
        );
        // Left out for the unit, as policies before the choice were written.
        let led = not_serving.filter(|code| *code != NotServingPublic::Unit.code());
        put_or_remove(root, "not_serving_public", led);
        // Left out for the last day, likewise.
        let days = part_month.filter(|code| *code != PartMonth::LastDay.code());
        put_or_remove(root, "part_month", days);

        write_satisfaction(root, rule, threshold, &bands);

        let evidence = table(root, "evidence");
        put_or_remove(evidence, "sample", self.sample.then_some("krejcie_morgan"));
        put(evidence, "min_responses", min_responses.unwrap_or_default());
        put(evidence, "min_days", min_days.unwrap_or_default());
        put(evidence, "confidence", confidence.unwrap_or_default());
        put_or_remove(evidence, "unconfirmed_percent", unconfirmed.flatten());
        put(evidence, "months", months.unwrap_or_default());

        let shares = table(root, "weights");
        for (key, share) in ["satisfaction", "attendance", "productivity"]
            .into_iter()
            .zip(weights)
        {
            put(shares, key, text(share));
        }

        let rows = write_deductions(root, &deductions);
        let mut out = self.note_comments();
        out.push_str(&doc.to_string());
        Ok(Written {
            text: out,
            deduction_rows: rows,
        })
    }

    /// The effective months, checked that the end does not come before the start.
    fn period(&self, c: &mut Checks) -> (Option<Month>, Option<Month>) {
        let from = c.month("effective_from", &self.effective_from);
        let until = match self.effective_until.trim() {
            "" => None,
            text => c.month("effective_until", text),
        };
        if let (Some(from), Some(until)) = (from, until) {
            if until < from {
                c.problem("effective_until", ProblemKind::UntilBeforeFrom);
            }
        }
        (from, until)
    }

    /// The three weights as shares, checked that together they make the whole.
    fn weight_values(&self, c: &mut Checks) -> [Option<Decimal>; 3] {
        let weights = [
            c.percent("weight_satisfaction", &self.weight_satisfaction),
            c.percent("weight_attendance", &self.weight_attendance),
            c.percent("weight_productivity", &self.weight_productivity),
        ];
        if let [Some(s), Some(a), Some(p)] = &weights {
            if s.to_rational() + a.to_rational() + p.to_rational()
                != Decimal::new(1, 0).to_rational()
            {
                c.problem("weight_satisfaction", ProblemKind::WeightsDoNotAddUp);
            }
        }
        weights
    }

    /// The note as comment lines for the top of the text, control characters and blank
    /// lines left out.
    fn note_comments(&self) -> String {
        self.note
            .lines()
            .map(|line| {
                line.chars()
                    .filter(|c| !c.is_control() || *c == '\t')
                    .collect::<String>()
            })
            .filter(|line| !line.trim().is_empty())
            .map(|line| format!("# {}\n", line.trim_end()))
            .collect()
    }

    fn band_values(&self, c: &mut Checks) -> Vec<(Decimal, Decimal)> {
        let mut bands = Vec::new();
        for (i, band) in self.bands.iter().enumerate() {
            let (from_id, factor_id) = (
                format!("band_from_{}", i + 1),
                format!("band_factor_{}", i + 1),
            );
            match (band.from.trim().is_empty(), band.factor.trim().is_empty()) {
                (true, true) => {}
                (false, false) => {
                    if let (Some(from), Some(factor)) = (
                        c.decimal(&from_id, &band.from),
                        c.percent(&factor_id, &band.factor),
                    ) {
                        bands.push((from, factor));
                    }
                }
                (true, false) => c.problem(&from_id, ProblemKind::BandIncomplete),
                (false, true) => c.problem(&factor_id, ProblemKind::BandIncomplete),
            }
        }
        if bands.is_empty() && !c.0.iter().any(|p| p.field.starts_with("band_")) {
            c.problem("band_from_1", ProblemKind::NoBand);
        }
        bands
    }

    fn deduction_values(&self, c: &mut Checks) -> Vec<(usize, DeductionValue)> {
        let mut out = Vec::new();
        for (i, d) in self.deductions.iter().enumerate() {
            if d.is_blank() {
                continue;
            }
            let id = |part: &str| format!("deduction_{}_{part}", i + 1);
            let name = d.name.trim().to_string();
            if name.is_empty() {
                c.problem(&id("name"), ProblemKind::DeductionUnnamed);
            }
            let percent = match d.percent.trim() {
                "" => Some(Decimal::new(0, 0)),
                text => c.decimal(&id("percent"), text),
            };
            let mut by_rank = Vec::new();
            for (rank, value) in RANKS.iter().zip(&d.by_rank) {
                if let Some(Some(p)) =
                    c.optional(value, |c, t| c.decimal(&id(&format!("rank_{rank}")), t))
                {
                    by_rank.push((*rank, p));
                }
            }
            let cap = c.optional(&d.cap, |c, t| c.rupiah(&id("cap"), t)).flatten();
            if let Some(percent) = percent {
                out.push((
                    i + 1,
                    DeductionValue {
                        name,
                        percent,
                        by_rank,
                        cap,
                    },
                ));
            }
        }
        out
    }
}

struct DeductionValue {
    name: String,
    percent: Decimal,
    by_rank: Vec<(&'static str, Decimal)>,
    cap: Option<i64>,
}

/// Where the page shows a problem the policy check found at `key` (its place in the text),
/// given which form rows the text's deductions came from.
pub fn field_of_key(key: &str, deduction_rows: &[usize]) -> String {
    if let Some(rest) = key.strip_prefix("deductions[") {
        let (index, part) = rest
            .split_once("].")
            .unwrap_or((rest.trim_end_matches(']'), "name"));
        let row = index
            .parse::<usize>()
            .ok()
            .and_then(|i| deduction_rows.get(i).copied())
            .unwrap_or(1);
        // A group the form shows by its field; any other group's rate by the general one.
        let part = match part.split_once('.') {
            Some(("percent_by_rank", rank)) if RANKS.contains(&rank) => format!("rank_{rank}"),
            Some(("percent_by_rank", _)) => "percent".to_string(),
            _ => part.to_string(),
        };
        return format!("deduction_{row}_{part}");
    }
    match key {
        "deductions" => "deduction_1_name".into(),
        "satisfaction" | "satisfaction.rule" => "rule".into(),
        "satisfaction.threshold" => "threshold".into(),
        "evidence" => "months".into(),
        k if k.starts_with("satisfaction.bands[") => {
            let index = k["satisfaction.bands[".len()..]
                .split(']')
                .next()
                .and_then(|i| i.parse::<usize>().ok())
                .unwrap_or(0);
            format!("band_from_{}", index + 1)
        }
        k if k.starts_with("satisfaction.bands") => "band_from_1".into(),
        k if k.starts_with("weights") => "weight_satisfaction".into(),
        k => k.strip_prefix("evidence.").unwrap_or(k).to_string(),
    }
}

/// A share of 1 (0.85) as a percentage (85): exact, for shares have at most four places.
fn share_to_percent(share: Decimal) -> Decimal {
    match share.places() {
        places @ (0 | 1) => Decimal::new(share.scaled() * 10i64.pow(2 - places), 0),
        places => Decimal::new(share.scaled(), places - 2),
    }
}

/// `d` without trailing zeros (0.50 → 0.5, 1.00 → 1), as a policy text is usually typed.
fn shortest(d: Decimal) -> Decimal {
    let (mut scaled, mut places) = (d.scaled(), d.places());
    while places > 0 && scaled % 10 == 0 {
        scaled /= 10;
        places -= 1;
    }
    Decimal::new(scaled, places)
}

/// A number as typed: a comma or a point for decimals, a trailing "%" allowed.
fn typed_decimal(text: &str) -> Option<Decimal> {
    let text = text.trim().trim_end_matches('%').trim();
    if text.contains(',') && text.contains('.') {
        return None;
    }
    Decimal::parse(&text.replace(',', "."))
}

#[derive(Default)]
struct Checks(Vec<FormProblem>);

impl Checks {
    fn problem(&mut self, field: &str, kind: ProblemKind) {
        self.0.push(FormProblem {
            field: field.to_string(),
            kind,
        });
    }

    fn required(&mut self, field: &str, value: &str) -> Option<String> {
        let value = value.trim();
        if value.is_empty() {
            self.problem(field, ProblemKind::Required);
            return None;
        }
        Some(value.to_string())
    }

    fn month(&mut self, field: &str, value: &str) -> Option<Month> {
        let month = value.trim().parse().ok();
        if month.is_none() {
            self.problem(field, ProblemKind::NotAChoice);
        }
        month
    }

    fn choice<'a>(&mut self, field: &str, value: &str, choices: &[&'a str]) -> Option<&'a str> {
        let choice = choices.iter().find(|c| **c == value.trim()).copied();
        if choice.is_none() {
            self.problem(field, ProblemKind::NotAChoice);
        }
        choice
    }

    fn decimal(&mut self, field: &str, value: &str) -> Option<Decimal> {
        if value.trim().is_empty() {
            self.problem(field, ProblemKind::Required);
            return None;
        }
        let decimal = typed_decimal(value);
        if decimal.is_none() {
            self.problem(field, ProblemKind::NotANumber);
        }
        decimal
    }

    /// A percentage as the share of 1 the policy text holds.
    fn percent(&mut self, field: &str, value: &str) -> Option<Decimal> {
        let percent = self.decimal(field, value)?;
        if percent.scaled() < 0
            || percent.places() > 2
            || percent.to_rational() > Decimal::new(100, 0).to_rational()
        {
            self.problem(field, ProblemKind::NotAPercent);
            return None;
        }
        Some(shortest(Decimal::new(
            percent.scaled(),
            percent.places() + 2,
        )))
    }

    fn whole(&mut self, field: &str, value: &str) -> Option<i64> {
        if value.trim().is_empty() {
            self.problem(field, ProblemKind::Required);
            return None;
        }
        let number = value.trim().parse::<u32>().ok().map(i64::from);
        if number.is_none() {
            self.problem(field, ProblemKind::NotAWholeNumber);
        }
        number
    }

    /// Rupiah as people write them: "1.500.000", "Rp 1.500.000" or "1500000".
    fn rupiah(&mut self, field: &str, value: &str) -> Option<i64> {
        let digits: String = value
            .trim()
            .trim_start_matches("Rp")
            .chars()
            .filter(|c| !matches!(c, '.' | ' '))
            .collect();
        match digits.parse::<u32>() {
            Ok(n) => Some(i64::from(n)),
            Err(_) => {
                self.problem(field, ProblemKind::NotAWholeNumber);
                None
            }
        }
    }

    /// `None` when blank; otherwise what `read` makes of it.
    fn optional<T>(&mut self, value: &str, read: impl FnOnce(&mut Checks, &str) -> T) -> Option<T> {
        (!value.trim().is_empty()).then(|| read(self, value))
    }
}

/// A decimal as the policy text writes it: a string, so it is read exactly.
fn text(value: Option<Decimal>) -> String {
    value.map(|d| d.to_string()).unwrap_or_default()
}

/// The table at `key`, made if the text has none.
fn table<'a>(root: &'a mut Table, key: &str) -> &'a mut dyn TableLike {
    let item = root.entry(key).or_insert(Item::None);
    if item.as_table_like().is_none() {
        *item = Item::Table(Table::new());
    }
    match item {
        Item::Value(Value::InlineTable(t)) => t,
        Item::Table(t) => t,
        // Made a table just above.
        _ => unreachable!("not a table"),
    }
}

/// Sets `key`, keeping the comment after the value it replaces; a value equal to the one
/// there is left as it was typed.
fn put(table: &mut dyn TableLike, key: &str, value: impl Into<Value>) {
    let mut value = value.into();
    match table.get_mut(key) {
        Some(Item::Value(old)) => {
            if same(old, &value) {
                return;
            }
            *value.decor_mut() = old.decor().clone();
            *old = value;
        }
        _ => {
            table.insert(key, Item::Value(value));
        }
    }
}

fn put_or_remove<V: Into<Value>>(table: &mut dyn TableLike, key: &str, value: Option<V>) {
    match value {
        Some(value) => put(table, key, value),
        None => {
            table.remove(key);
        }
    }
}

/// Whether two values say the same, whatever their layout.
fn same(a: &Value, b: &Value) -> bool {
    let bare = |v: &Value| {
        let mut v = v.clone();
        v.decor_mut().clear();
        v.to_string()
    };
    bare(a) == bare(b)
}

/// The rule into `[satisfaction]`: its threshold, or its bands when it has none.
fn write_satisfaction(
    root: &mut Table,
    rule: Option<&str>,
    threshold: Option<Decimal>,
    bands: &[(Decimal, Decimal)],
) {
    let satisfaction = table(root, "satisfaction");
    put(satisfaction, "rule", rule.unwrap_or_default());
    if let Some(threshold) = threshold {
        put(satisfaction, "threshold", threshold.to_string());
        satisfaction.remove("bands");
    } else {
        let mut array = toml_edit::Array::new();
        for (from, factor) in bands {
            let mut band = toml_edit::InlineTable::new();
            band.insert("from", from.to_string().into());
            band.insert("factor", factor.to_string().into());
            array.push(band);
        }
        put(satisfaction, "bands", array);
        satisfaction.remove("threshold");
    }
}

/// The deductions into `[[deductions]]`; returns the form row of each. Row n of the form was
/// table n of the text (the form lists them in order), so each deduction keeps its own
/// comments and the group rates the form does not show, whichever rows were emptied.
fn write_deductions(root: &mut Table, deductions: &[(usize, DeductionValue)]) -> Vec<usize> {
    let existing: Vec<Table> = root
        .get("deductions")
        .and_then(Item::as_array_of_tables)
        .map(|tables| tables.iter().cloned().collect())
        .unwrap_or_default();
    if deductions.is_empty() {
        root.remove("deductions");
        return Vec::new();
    }
    let mut tables = toml_edit::ArrayOfTables::new();
    for (row, d) in deductions {
        let mut t = existing.get(row - 1).cloned().unwrap_or_default();
        put(&mut t, "name", d.name.as_str());
        put(&mut t, "percent", d.percent.to_string());
        let mut ranks = t
            .get("percent_by_rank")
            .and_then(Item::as_value)
            .and_then(Value::as_inline_table)
            .cloned()
            .unwrap_or_default();
        // The form's groups in any spelling the text has ("iii", " III"), so none outlives it.
        let shown: Vec<String> = ranks
            .iter()
            .map(|(key, _)| key.to_string())
            .filter(|key| RANKS.contains(&key.trim().to_uppercase().as_str()))
            .collect();
        for key in shown {
            ranks.remove(&key);
        }
        for (rank, p) in &d.by_rank {
            ranks.insert(*rank, p.to_string().into());
        }
        if ranks.is_empty() {
            t.remove("percent_by_rank");
        } else {
            put(&mut t, "percent_by_rank", ranks);
        }
        put_or_remove(&mut t, "cap", d.cap);
        tables.push(t);
    }
    root.insert("deductions", Item::ArrayOfTables(tables));
    deductions.iter().map(|(row, _)| *row).collect()
}

/// `("3", "from")` for `band_3_from`-like names under `prefix`: `band_from_3` and
/// `deduction_3_name` are both read, the number where each puts it.
fn numbered<'a>(name: &'a str, prefix: &str) -> Option<(usize, &'a str)> {
    let rest = name.strip_prefix(prefix)?;
    // band_from_3 / band_factor_3: the number last.
    if let Some((part, number)) = rest.rsplit_once('_') {
        if let Ok(n) = number.parse::<usize>() {
            return Some((n, part));
        }
    }
    // deduction_3_name / deduction_3_rank_IV: the number first.
    let (number, part) = rest.split_once('_')?;
    Some((number.parse().ok()?, part))
}

/// Row `row` (from 1) of `rows`, made if the form posted a later one first; at most 20 rows.
fn row_of<T: Default>(rows: &mut Vec<T>, row: usize) -> &mut T {
    let row = row.clamp(1, 20);
    if rows.len() < row {
        rows.resize_with(row, T::default);
    }
    &mut rows[row - 1]
}

#[cfg(test)]
mod tests;
