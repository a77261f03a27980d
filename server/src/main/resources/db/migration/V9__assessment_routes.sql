-- Route variants as the schemes run them (issue 12, ADR 0062): a self-declaration reviewed by an
-- approved lab before the operator decides (Singapore CLS levels 1-2 since 2025-04-01) adds a route
-- and the lab-review state. Same SQL on PostgreSQL and H2 (ADR 0021).
alter table assessment drop constraint assessment_route_check;
alter table assessment add constraint assessment_route_check
    check (route in ('SELF_DECLARATION', 'SELF_DECLARATION_LAB_REVIEWED', 'THIRD_PARTY'));
alter table assessment drop constraint assessment_state_check;
alter table assessment add constraint assessment_state_check check (state in ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED',
    'LAB_ASSIGNED', 'LAB_REVIEW', 'IN_EVALUATION', 'LAB_SUBMITTED', 'ACCEPTED', 'REJECTED'));
