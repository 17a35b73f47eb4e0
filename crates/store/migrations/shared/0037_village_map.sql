-- What the map and the proposals' GeoJSON need of a village, computed once when its boundary
-- is imported rather than on every request: the boundary at the map's resolution, and the
-- centre a proposal without its own spot is placed at (ten-millionths of a degree).
ALTER TABLE villages ADD COLUMN boundary_map TEXT;
ALTER TABLE villages ADD COLUMN centre_lon BIGINT;
ALTER TABLE villages ADD COLUMN centre_lat BIGINT;
