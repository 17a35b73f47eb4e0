-- What may be shown of a citizen's suggestion, as its unit's reviewer left it (words only
-- taken away). The response itself is never changed: it stays as the chain holds it, read
-- by the reviewers alone. Each review is an audit entry.
CREATE TABLE suggestion_reviews (
    tenant_id      TEXT NOT NULL,
    response_id    BIGINT NOT NULL,
    shown_text     TEXT NOT NULL,
    reviewed_by    TEXT NOT NULL,
    reviewed_at_us BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, response_id)
);

-- The unit page counts what waits for review: only responses with a suggestion are read.
CREATE INDEX responses_with_suggestion ON responses (tenant_id, unit_id)
    WHERE suggestion IS NOT NULL;
