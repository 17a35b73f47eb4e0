-- Villages (desa and kelurahan) by their Kemendagri area code, in a district (kecamatan)
-- unit, with an optional boundary kept as a GeoJSON MultiPolygon.
CREATE TABLE villages (
    tenant_id      TEXT NOT NULL,
    village_code   TEXT NOT NULL,
    name           TEXT NOT NULL,
    kind           TEXT NOT NULL,
    district_unit  TEXT NOT NULL,
    boundary       TEXT,
    PRIMARY KEY (tenant_id, village_code)
);
CREATE INDEX villages_by_district ON villages (tenant_id, district_unit);

-- A proposal's place: the village (by code, in the `village` column), an address within it
-- and optionally the spot, in ten-millionths of a degree.
ALTER TABLE musrena_proposals ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE musrena_proposals ADD COLUMN latitude_e7 BIGINT;
ALTER TABLE musrena_proposals ADD COLUMN longitude_e7 BIGINT;
