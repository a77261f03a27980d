-- Vendor triage of findings and surveillance proposals (issue 16 items 4-5, ADR 0096).
-- Same SQL on PostgreSQL and H2 (ADR 0021).

-- A triage statement about one vulnerability in one component of one product version, in VEX terms.
-- Nothing is overwritten: a new statement supersedes the current one (superseded_at), so the history of a
-- vendor's answers stays. vulnerability_id is the id the statement names (a CVE, GHSA, JVNDB id): a finding
-- is covered when it is the finding's advisory id or one of its aliases.
create table finding_triage (
    id               uuid primary key,
    product_id       uuid not null references product (id) on delete cascade,
    version_id       uuid not null references product_version (id) on delete cascade,
    finding_key      varchar(64) not null,
    vulnerability_id varchar(200) not null,
    component_purl   varchar(2000) not null,
    status           varchar(24) not null,
    justification    varchar(64),
    impact_statement varchar(4000),
    action_statement varchar(4000),
    fixed_in         varchar(500),
    source           varchar(24) not null,
    source_sha256    varchar(64),
    decided_by       varchar(200) not null,
    operator_confirmed boolean not null,
    decided_at       timestamp with time zone not null,
    superseded_at    timestamp with time zone,
    constraint finding_triage_status_check
        check (status in ('NOT_AFFECTED', 'AFFECTED', 'FIXED', 'UNDER_INVESTIGATION')),
    constraint finding_triage_source_check
        check (source in ('MANUAL', 'CYCLONEDX_VEX', 'OPENVEX', 'CSAF_VEX'))
);
-- finding_key = SHA-256 of vulnerability id and component purl: a short key for "the current statement".
create index finding_triage_current_idx on finding_triage (version_id, finding_key, superseded_at);

-- A policy rule that fired for a labelled product (io.iotseal.surveillance): evidence for the operator's
-- decision, never applied by itself. OPEN -> HEARING (the vendor is told and may comment until hearing_ends)
-- -> DECIDED (the operator suspended or revoked through the label status actions) or DISMISSED; WITHDRAWN
-- when the rule stops firing before a decision (the vendor fixed it, or triaged it not affected).
create table surveillance_proposal (
    id               uuid primary key,
    label_id         uuid not null references label (id) on delete cascade,
    version_id       uuid not null references product_version (id) on delete cascade,
    rule_id          varchar(64) not null,
    action           varchar(16) not null,
    finding_key      varchar(64) not null,
    vulnerability_id varchar(200) not null,
    component        varchar(2000) not null,
    triage_state     varchar(24) not null,
    severity         varchar(16),
    kev_added        date,
    since            timestamp with time zone not null,
    due              timestamp with time zone not null,
    state            varchar(16) not null,
    hearing_ends     timestamp with time zone,
    vendor_comment   varchar(4000),
    decided_by       varchar(200),
    decided_at       timestamp with time zone,
    decision_note    varchar(2000),
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    constraint surveillance_proposal_unique unique (label_id, version_id, rule_id, finding_key),
    constraint surveillance_proposal_state_check
        check (state in ('OPEN', 'HEARING', 'DECIDED', 'DISMISSED', 'WITHDRAWN')),
    constraint surveillance_proposal_action_check check (action in ('SUSPEND', 'REVOKE'))
);
create index surveillance_proposal_state_idx on surveillance_proposal (state, created_at);
