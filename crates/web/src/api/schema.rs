//! Schemas the derives cannot say alone: the lists of codes a field takes, read from the
//! domain's own lists so the document cannot drift from them.

use utoipa::openapi::schema::{ObjectBuilder, SchemaType, Type};

/// A string that is one of `codes`.
pub fn codes(codes: impl IntoIterator<Item = &'static str>) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(codes))
}

/// Like [`codes`], or null.
fn nullable_codes(codes: impl IntoIterator<Item = &'static str>) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
        .enum_values(Some(
            codes
                .into_iter()
                .map(serde_json::Value::from)
                .chain([serde_json::Value::Null]),
        ))
}

pub fn grade() -> ObjectBuilder {
    nullable_codes(["A", "B", "C", "D"])
}

pub fn innovation_stage() -> ObjectBuilder {
    use suara_domain::innovation::Stage;
    codes(Stage::ALL.map(Stage::code))
}

pub fn partner_kind() -> ObjectBuilder {
    use suara_domain::innovation::registry::PartnerKind;
    codes(PartnerKind::ALL.iter().map(|k| k.code()))
}

pub fn effect_method() -> ObjectBuilder {
    codes(["difference_in_differences", "before_after"])
}

pub fn verdict() -> ObjectBuilder {
    use suara_domain::innovation::effect::Verdict;
    codes(Verdict::ALL.map(Verdict::code))
}

pub fn musrena_sector() -> ObjectBuilder {
    use suara_domain::musrena::proposal::Sector;
    codes(Sector::ALL.map(Sector::code))
}

pub fn musrena_group() -> ObjectBuilder {
    use suara_domain::musrena::forum::Group;
    codes(Group::ALL.map(Group::code))
}

pub fn musrena_stage() -> ObjectBuilder {
    use suara_domain::musrena::lifecycle::Stage;
    codes(Stage::ALL.map(Stage::code))
}
