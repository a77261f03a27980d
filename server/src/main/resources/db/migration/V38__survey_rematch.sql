-- Re-matching survey observations when declared fingerprints change (issue 18 item 3, ADR 0108).
-- Same SQL on PostgreSQL and H2 (ADR 0021).

-- When a re-match found that the finding's observation no longer matches its label's product (a fingerprint was
-- removed, or a better one of another product declared). The finding stays as evidence, in whatever state the
-- operator gave it; matching the product again clears the mark. A column, not a fourth state: whether the device is
-- still linked is the registry's finding, what was done about it is the operator's decision, and both hold at once.
alter table survey_label_finding add column unmatched_at timestamp with time zone;

-- A re-match looks a changed observation's findings up by observation (the unique key leads with the label).
create index survey_label_finding_observation_idx on survey_label_finding (observation_id);
