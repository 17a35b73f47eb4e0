-- A service's own survey: its wording of each of the nine elements (the element stays
-- the same, so the IKM does), and a few extra questions kept out of the IKM. An extra
-- question that is reworded is retired and asked anew, so every answer keeps the words it
-- answered.
CREATE TABLE survey_wording (
    tenant_id   TEXT NOT NULL REFERENCES tenants (tenant_id),
    service_id  TEXT NOT NULL,
    element     INTEGER NOT NULL,
    wording     TEXT NOT NULL,
    PRIMARY KEY (tenant_id, service_id, element)
);

CREATE TABLE extra_questions (
    tenant_id      TEXT NOT NULL REFERENCES tenants (tenant_id),
    question_id    BIGINT NOT NULL,
    service_id     TEXT NOT NULL,
    position       INTEGER NOT NULL,
    question       TEXT NOT NULL,
    kind           TEXT NOT NULL,
    -- The offered answers of a choice question, a JSON array of strings.
    options        TEXT NOT NULL,
    retired_at_ms  BIGINT,
    PRIMARY KEY (tenant_id, question_id)
);

-- Answers stored with the response, in its transaction; never counted, never signed.
CREATE TABLE extra_answers (
    tenant_id    TEXT NOT NULL,
    response_id  BIGINT NOT NULL,
    question_id  BIGINT NOT NULL,
    answer       TEXT NOT NULL,
    PRIMARY KEY (tenant_id, response_id, question_id),
    FOREIGN KEY (tenant_id, question_id) REFERENCES extra_questions (tenant_id, question_id)
);
