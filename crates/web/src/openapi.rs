//! The OpenAPI 3.1 description of the JSON API, served at `/api/openapi.json`.
//! A test checks that every API route of the router is described here.

use serde_json::{json, Value};
use suara_domain::musrena::forum::Group;
use suara_domain::musrena::lifecycle::Stage;
use suara_domain::musrena::proposal::Sector;
use suara_domain::survey::{AgeBand, Education, Occupation, Sex};

use crate::routes;

/// OpenAPI writes `{unit}` like axum does, so route constants serve as keys unchanged.
pub fn document() -> Value {
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "suara API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Public satisfaction surveys (SKM, PermenPANRB 14/2017) for Indonesian regional governments."
        },
        "paths": merged([survey_paths(), open_data_paths()]),
        "components": { "schemas": merged([open_data_schemas(), survey_schemas()]) }
    })
}

/// The entries of several JSON objects in one.
fn merged<const N: usize>(parts: [Value; N]) -> Value {
    let mut all = serde_json::Map::new();
    for part in parts {
        if let Value::Object(entries) = part {
            all.extend(entries);
        }
    }
    Value::Object(all)
}

/// An error answer: `{"error": {code, message, fields}}`.
fn error_response(description: &str) -> Value {
    json!({ "description": description, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } })
}

fn tenant_param() -> Value {
    json!({
        "name": "tenant", "in": "query", "required": false, "schema": { "type": "string" },
        "description": "Regency code; defaults to the server's regency."
    })
}

/// Health, the document itself, responses, tickets and units' IKM.
fn survey_paths() -> Value {
    let tenant_param = tenant_param();
    json!({
        routes::HEALTH: { "get": {
            "summary": "Liveness and database check",
            "responses": {
                "200": { "description": "Up; the database answers." },
                "503": { "description": "The database does not answer." }
            }
        }},
        routes::OPENAPI: { "get": {
            "summary": "This document",
            "responses": { "200": { "description": "OpenAPI 3.1 document" } }
        }},
        routes::API_RESPONSES: { "post": {
            "summary": "Submit one anonymous survey response",
            "description": "Stored durably before 201 is sent. A retry with the same idempotency key and content returns the first receipt (replayed: true) and counts nothing new; the same key with other content is 409. The survey page posts the same fields as a form (application/x-www-form-urlencoded, answers as u1…u9) and gets a page back.",
            "parameters": [{
                "name": "Idempotency-Key", "in": "header", "required": false,
                "schema": { "type": "string" },
                "description": "Alternative to the idempotency_key field."
            }],
            "requestBody": { "required": true, "content": {
                "application/json": { "schema": { "$ref": "#/components/schemas/ResponseDraft" } }
            }},
            "responses": {
                "201": { "description": "Stored (or replayed)", "content": { "application/json": {
                    "schema": { "$ref": "#/components/schemas/Receipt" } } } },
                "400": error_response("The body is not JSON."),
                "409": error_response("The idempotency key was used for a different response."),
                "413": error_response("The body is too large."),
                "415": error_response("Unsupported content type."),
                "422": error_response("Invalid fields; each is named in error.fields.")
            }
        }},
        routes::API_TICKETS: { "post": {
            "summary": "Issue a one-time survey ticket (queue systems)",
            "description": "Needs 'Authorization: Bearer KEY' with a key made by `suara apikey add`, limited to a unit and the units under it. The ticket is valid once, for 72 hours.",
            "requestBody": { "required": true, "content": { "application/json": { "schema": {
                "type": "object", "required": ["unit"], "additionalProperties": false,
                "properties": {
                    "unit": { "type": "string" }, "service": { "type": "string" },
                    "officer": { "type": "string", "description": "NIP of the officer who served" },
                    "point": { "type": "string", "description": "Service point (counter)" }
                }
            }}}},
            "responses": {
                "201": { "description": "Issued", "content": { "application/json": { "schema": {
                    "type": "object", "properties": {
                        "ticket": { "type": "string", "example": "7K2M9-QXD4T" },
                        "url": { "type": "string", "description": "The survey for this ticket; print it as a QR code or send it." },
                        "expires_at": { "type": "string", "format": "date-time" }
                    }
                }}}},
                "401": error_response("No or unknown API key."),
                "403": error_response("The unit is outside the key's units."),
                "422": error_response("Unknown unit, service, officer or point.")
            }
        }},
        routes::API_UNITS: { "get": {
            "summary": "Service units of a regency",
            "parameters": [tenant_param],
            "responses": { "200": { "description": "Units, parents first" } }
        }},
        routes::API_UNIT_IKM: { "get": {
            "summary": "IKM of one unit over a period",
            "parameters": [
                { "name": "unit", "in": "path", "required": true, "schema": { "type": "string" } },
                tenant_param,
                { "name": "period", "in": "query", "required": false, "schema": { "type": "string" },
                  "description": "YYYY-MM, YYYY-Q1…Q4, YYYY-S1…S2 or YYYY; default: the current month." },
                { "name": "weighting", "in": "query", "required": false,
                  "schema": { "type": "string", "enum": ["exact", "legacy"] },
                  "description": "exact (1/9, default) or legacy (0.111, as in older reports)." }
            ],
            "responses": {
                "200": { "description": "Result; ikm and grade are null without responses, grade also below the survey's sample (provisional)",
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/UnitIkm" } } } },
                "400": error_response("Bad period or weighting."),
                "404": error_response("No such unit.")
            }
        }}
    })
}

/// Musrena's open data, innovations and the transparency log.
fn open_data_paths() -> Value {
    let tenant_param = tenant_param();
    let proposal_filters = vec![
        tenant_param.clone(),
        json!({ "name": "district", "in": "query", "required": false, "schema": { "type": "string" }, "description": "District (kecamatan) unit code" }),
        json!({ "name": "village", "in": "query", "required": false, "schema": { "type": "string" }, "description": "Kemendagri village code, 35.03.01.2001" }),
        json!({ "name": "sector", "in": "query", "required": false, "schema": { "type": "string", "enum": Sector::ALL.map(Sector::code) } }),
        json!({ "name": "group", "in": "query", "required": false, "schema": { "type": "string", "enum": Group::ALL.map(Group::code) }, "description": "A proposing group" }),
        json!({ "name": "stage", "in": "query", "required": false, "schema": { "type": "string", "enum": Stage::ALL.map(Stage::code) } }),
        json!({ "name": "sdg", "in": "query", "required": false, "schema": { "type": "integer", "minimum": 1, "maximum": 17 }, "description": "An SDG goal served directly or by one of its targets" }),
        json!({ "name": "year", "in": "query", "required": false, "schema": { "type": "integer" }, "description": "The year proposed" }),
    ];
    json!({
        routes::API_MUSRENA_PROPOSALS: { "get": {
            "summary": "Musrena Keren proposals, a page at a time",
            "description": "Open data (Satu Data Indonesia): every public field of each proposal, newest forum first. The filters are those of the public list; the response says how many match and gives the next page's address with the same filters. Nothing personal is published: forums count participants by group and proposals carry no names.",
            "parameters": proposal_filters.iter().cloned().chain([
                json!({ "name": "page", "in": "query", "required": false, "schema": { "type": "integer", "minimum": 1, "default": 1 } }),
                json!({ "name": "per_page", "in": "query", "required": false, "schema": { "type": "integer", "minimum": 1, "maximum": crate::api::musrena::MAX_PER_PAGE, "default": 50 } }),
            ]).collect::<Vec<_>>(),
            "responses": {
                "200": { "description": "A page of proposals",
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/MusrenaProposals" } } } },
                "400": error_response("A filter or page that is not one of the allowed values (the message names it).")
            }
        }},
        routes::API_MUSRENA_GEOJSON: { "get": {
            "summary": "Musrena Keren proposals as GeoJSON (RFC 7946)",
            "description": "A FeatureCollection with one Point per proposal: at the spot recorded for it, else at its village's centre (properties.located says spot or village_centre); geometry is null when neither is known. Properties are the fields of the JSON list. Same filters, no pages.",
            "parameters": proposal_filters.clone(),
            "responses": {
                "200": { "description": "FeatureCollection", "content": { "application/geo+json": { "schema": { "type": "object" } } } },
                "400": error_response("A filter that is not one of the allowed values.")
            }
        }},
        routes::API_INNOVATIONS: { "get": {
            "summary": "A regency's innovations with their measured effect on satisfaction",
            "description": "Each innovation with its stage (idea, trial, implemented, replicated), targeted SKM elements, units and start dates, partners, SDG targets and groups served, and per targeted element and the IKM: the estimated change after the start (difference-in-differences against units that did not adopt it, or before/after when none compare), its 95 % interval, the responses used and a verdict (rose_clearly, fell_clearly, no_change_visible, not_enough_data).",
            "parameters": [tenant_param],
            "responses": {
                "200": { "description": "Innovations, newest first",
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Innovations" } } } }
            }
        }},
        crate::routes::API_RECEIPT: { "get": {
            "summary": "Whether a receipt's response is counted, with its inclusion proof",
            "description": "For a counted response: its leaf in the transparency log (RFC 9162; leaf hash = SHA-256(0x00 || content hash)), the latest signed tree head (Ed25519 over the head's note text, with the public key) and the audit path from the leaf to that head's root. Verify it without trusting this server.",
            "parameters": [
                { "name": "receipt", "in": "path", "required": true, "schema": { "type": "string" }, "description": "SKM-XXXXX-XXXXX" }
            ],
            "responses": {
                "200": { "description": "status counted (with leaf_index, leaf_hash, public_key and, once a signed head covers it, signed_head and inclusion_proof) or under_review",
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ReceiptStatus" } } } },
                "404": { "description": "status unknown: no response has this receipt",
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ReceiptStatus" } } } }
            }
        }},
        routes::API_LOG_HEADS: { "get": {
            "summary": "The transparency log's signed tree heads, largest first",
            "description": "Each head with its signed note (Ed25519, the public key beside it). Keep one: a later head must extend it, which /api/v1/log/consistency proves.",
            "parameters": [
                tenant_param.clone(),
                { "name": "before", "in": "query", "required": false, "schema": { "type": "integer", "minimum": 0 }, "description": "Only heads of fewer leaves: next_before of the page before" },
                { "name": "limit", "in": "query", "required": false, "schema": { "type": "integer", "minimum": 1, "maximum": 100 } }
            ],
            "responses": {
                "200": { "description": "tenant, public_key, heads (tree_size, root_hash, signed_at_ms, signature, note) and next_before (null on the last page)" },
                "400": error_response("limit out of range")
            }
        }},
        routes::API_LOG_CONSISTENCY: { "get": {
            "summary": "A consistency proof between two tree sizes (RFC 9162 §2.1.4)",
            "description": "Proves that the tree of `to` leaves extends the tree of `from` leaves: check it against the root hashes of two signed heads with the algorithm of RFC 9162 §2.1.4.2.",
            "parameters": [
                tenant_param.clone(),
                { "name": "from", "in": "query", "required": true, "schema": { "type": "integer", "minimum": 1 } },
                { "name": "to", "in": "query", "required": true, "schema": { "type": "integer", "minimum": 1 }, "description": "At most the latest signed size" }
            ],
            "responses": {
                "200": { "description": "tenant, from, to and proof (hex SHA-256 hashes)" },
                "400": error_response("sizes missing or not 1 ≤ from ≤ to ≤ the latest signed size")
            }
        }}
    })
}

fn open_data_schemas() -> Value {
    json!({
        "MusrenaProposals": {
            "type": "object",
            "required": ["tenant", "page", "per_page", "total", "pages", "next", "proposals"],
            "properties": {
                "tenant": { "type": "string" },
                "page": { "type": "integer" }, "per_page": { "type": "integer" },
                "total": { "type": "integer", "description": "Proposals matching the filters" },
                "pages": { "type": "integer" },
                "next": { "type": ["string", "null"], "description": "The next page's address, null on the last" },
                "proposals": { "type": "array", "items": { "type": "object", "properties": {
                    "code": { "type": "string", "description": "Tracking code, MR-XXXXX-XXXXX" },
                    "title": { "type": "string" }, "problem": { "type": "string" }, "activity": { "type": "string" },
                    "sector": { "type": "string" }, "stage": { "type": "string" },
                    "forum": { "type": "string", "description": "Forum code, YYYY-NNN" },
                    "forum_level": { "type": "string", "enum": ["desa", "kecamatan", "kabupaten"] },
                    "district_id": { "type": ["string", "null"] }, "district": { "type": ["string", "null"] },
                    "village_code": { "type": "string", "description": "Kemendagri code" },
                    "village": { "type": ["string", "null"] }, "address": { "type": "string" },
                    "latitude": { "type": ["number", "null"] }, "longitude": { "type": ["number", "null"] },
                    "estimated_cost": { "type": ["integer", "null"], "description": "whole rupiah" },
                    "budget_amount": { "type": ["integer", "null"], "description": "whole rupiah in the APBD" },
                    "proposed_by": { "type": "array", "items": { "type": "string" } },
                    "beneficiaries": { "type": "object", "additionalProperties": { "type": "integer" }, "description": "people per group" },
                    "sdgs": { "type": "array", "items": { "type": "string" } },
                    "submitted_on": { "type": "string", "format": "date" },
                    "tracker": { "type": "string", "description": "The public tracker page" }
                } } }
            }
        },
        "Innovations": {
            "type": "object",
            "required": ["tenant", "innovations"],
            "properties": {
                "tenant": { "type": "string" },
                "innovations": { "type": "array", "items": { "type": "object",
                    "required": ["id", "title", "unit", "stage", "elements", "units", "partners", "sdgs", "groups", "effects"],
                    "properties": {
                        "id": { "type": "integer" },
                        "title": { "type": "string" },
                        "unit": { "type": "string" },
                        "stage": { "type": "string", "enum": ["idea", "trial", "implemented", "replicated"] },
                        "elements": { "type": "array", "items": { "type": "string", "description": "U1…U9" } },
                        "units": { "type": "array", "items": { "type": "object", "properties": {
                            "unit": { "type": "string" }, "started_on": { "type": ["string", "null"], "format": "date" },
                            "replicated": { "type": "boolean" } } } },
                        "partners": { "type": "array", "items": { "type": "object", "properties": {
                            "name": { "type": "string" },
                            "kind": { "type": "string", "enum": ["university", "business", "community", "village", "media", "government", "other"] },
                            "role": { "type": "string" },
                            "amount": { "type": ["integer", "null"], "description": "whole rupiah" },
                            "in_kind": { "type": ["string", "null"] } } } },
                        "sdgs": { "type": "array", "items": { "type": "string", "description": "3 or 3.8" } },
                        "groups": { "type": "array", "items": { "type": "string" } },
                        "effects": { "type": "array", "items": { "type": "object", "properties": {
                            "score": { "type": "string", "description": "U1…U9, or IKM" },
                            "method": { "type": "string", "enum": ["difference_in_differences", "before_after"] },
                            "estimate": { "type": ["number", "null"], "description": "NRR points (1–4 scale) or IKM points (25–100)" },
                            "low": { "type": ["number", "null"] },
                            "high": { "type": ["number", "null"] },
                            "verdict": { "type": "string", "enum": ["rose_clearly", "fell_clearly", "no_change_visible", "not_enough_data"] },
                            "responses": { "type": "object", "properties": {
                                "adopters_before": { "type": "integer" }, "adopters_after": { "type": "integer" },
                                "others_before": { "type": "integer" }, "others_after": { "type": "integer" } } }
                        } } }
                    } } }
            }
        }
    })
}

fn survey_schemas() -> Value {
    json!({
        "ReceiptStatus": {
            "type": "object",
            "required": ["receipt", "status"],
            "properties": {
                "receipt": { "type": "string" },
                "status": { "type": "string", "enum": ["counted", "under_review", "unknown"] },
                "unit": { "type": "string" },
                "received_on": { "type": "string", "format": "date" },
                "leaf_index": { "type": "integer", "minimum": 0 },
                "leaf_hash": { "type": "string", "description": "64 hex digits" },
                "public_key": { "type": "string", "description": "Ed25519, 64 hex digits" },
                "signed_head": { "type": "object", "properties": {
                    "tree_size": { "type": "integer" },
                    "root_hash": { "type": "string" },
                    "signed_at_ms": { "type": "integer" },
                    "signature": { "type": "string", "description": "Ed25519 over the note's text before its blank line" },
                    "note": { "type": "string" }
                }},
                "inclusion_proof": { "type": "array", "items": { "type": "string" } }
            }
        },
        "ResponseDraft": {
            "type": "object",
            "required": ["unit", "answers", "idempotency_key"],
            "additionalProperties": false,
            "properties": {
                "tenant": { "type": "string" },
                "unit": { "type": "string", "description": "Unit code, e.g. dukcapil" },
                "service": { "type": "string", "description": "Service code of that unit" },
                "officer": { "type": "string", "description": "NIP (18 digits) of the officer who served" },
                "answers": {
                    "type": "array", "minItems": 9, "maxItems": 9,
                    "items": { "type": ["integer", "null"], "minimum": 1, "maximum": 4 },
                    "description": "U1…U9 on 1–4; null = not answered; at least one answered."
                },
                "profile": {
                    "type": "object", "additionalProperties": false,
                    "properties": {
                        "sex": { "type": "string", "enum": Sex::CODES },
                        "age_band": { "type": "string", "enum": AgeBand::CODES },
                        "education": { "type": "string", "enum": Education::CODES },
                        "occupation": { "type": "string", "enum": Occupation::CODES }
                    }
                },
                "suggestion": { "type": "string", "maxLength": 1000,
                    "description": "Phone numbers, ID numbers and e-mail addresses are masked before storing." },
                "idempotency_key": { "type": "string", "minLength": 8, "maxLength": 128,
                    "pattern": "^[A-Za-z0-9_.:-]+$" },
                "ticket": { "type": "string", "example": "7K2M9-QXD4T",
                    "description": "A one-time ticket code; the response must name the ticket's unit (and service and officer, when the ticket has them) and counts as verified. A used ticket is 409 (code ticket_used), an expired one 422." }
            }
        },
        "Receipt": {
            "type": "object",
            "properties": {
                "receipt": { "type": "string", "example": "SKM-7K2M9-QXD4T" },
                "tenant": { "type": "string" },
                "unit": { "type": "string" },
                "period": { "type": "string", "example": "2026-11" },
                "received_at": { "type": "string", "format": "date-time" },
                "replayed": { "type": "boolean" }
            }
        },
        "UnitIkm": {
            "type": "object",
            "properties": {
                "tenant": { "type": "string" }, "unit": { "type": "string" }, "name": { "type": "string" },
                "period": { "type": "string" }, "from": { "type": "string" }, "to": { "type": "string" },
                "responses": { "type": "integer" },
                "nrr": { "type": "array", "items": { "type": ["number", "null"] }, "minItems": 9, "maxItems": 9 },
                "ikm": { "type": ["number", "null"], "description": "25–100, rounded to 2 decimals" },
                "grade": { "type": ["string", "null"], "enum": ["A", "B", "C", "D", null],
                    "description": "null while the figure is provisional" },
                "margin": { "type": ["number", "null"], "description": "half the 95 % interval in IKM points, rounded up; null below two responses" },
                "onsite_percent": { "type": ["integer", "null"], "description": "share from kiosks and tickets, whole percent rounded down" },
                "provisional": { "type": "boolean", "description": "fewer responses than the survey's sample (Krejcie–Morgan for the unit's users, at least 30)" },
                "responses_needed": { "type": "integer" }
            }
        },
        "Error": {
            "type": "object",
            "properties": { "error": { "type": "object", "properties": {
                "code": { "type": "string" },
                "message": { "type": "string" },
                "fields": { "type": "array", "items": { "type": "object", "properties": {
                    "field": { "type": "string", "example": "answers[2]" },
                    "code": { "type": "string" },
                    "message": { "type": "string" }
                }}}
            }}}
        }
    })
}
