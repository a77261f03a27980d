-- Vulnerability reports and their cases (issue 17 items 1-2, ADR 0099). Same SQL on PostgreSQL and H2 (ADR 0021).

-- One report and its handling. The label, product, version and vendor are fixed at intake (the label the
-- reporter scanned); the moments are nullable timestamps that the deadline computation (another package) reads:
-- none of them is inferred here except when the state change or flag that defines it happens.
create table disclosure_case (
    id                       uuid primary key,
    label_id                 uuid not null references label (id),
    product_id               uuid not null references product (id),
    version_id               uuid references product_version (id),
    vendor_id                uuid not null references organization (id),
    state                    varchar(20) not null,
    summary                  varchar(200) not null,
    -- The report body: the one column an encryption step would replace with ciphertext (ADR 0099).
    details                  text not null,
    reporter_name            varchar(200),
    reporter_email           varchar(320),
    reporter_consents        boolean not null,
    reported_exploited       boolean not null,
    actively_exploited       boolean not null,
    cve_id                   varchar(32),
    cvss_vector              varchar(300),
    embargo_until            date,
    fixed_version            varchar(100),
    reject_reason            varchar(2000),
    received_at              timestamp with time zone not null,
    acknowledged_at          timestamp with time zone,
    triaged_at               timestamp with time zone,
    exploitation_known_at    timestamp with time zone,
    severe_incident_known_at timestamp with time zone,
    corrective_measure_at    timestamp with time zone,
    early_warning_at         timestamp with time zone,
    notification_at          timestamp with time zone,
    final_report_at          timestamp with time zone,
    fixed_at                 timestamp with time zone,
    disclosed_at             timestamp with time zone,
    closed_at                timestamp with time zone,
    updated_at               timestamp with time zone not null,
    version                  bigint not null,
    constraint disclosure_case_state_check check (state in ('RECEIVED', 'ACKNOWLEDGED', 'TRIAGED', 'FIX_IN_PROGRESS',
        'FIXED', 'DISCLOSED', 'CLOSED', 'REJECTED'))
);
create index disclosure_case_vendor_idx on disclosure_case (vendor_id, received_at);
create index disclosure_case_state_idx on disclosure_case (state, received_at);

-- The thread: what the reporter, the vendor's people and the operator's people wrote. author_user is null for
-- the reporter (no account); author_name is the audit name of a user, or the name the reporter gave.
create table disclosure_message (
    id           uuid primary key,
    case_id      uuid not null references disclosure_case (id) on delete cascade,
    author_kind  varchar(16) not null,
    author_user  uuid,
    author_name  varchar(200),
    body         text not null,
    created_at   timestamp with time zone not null,
    constraint disclosure_message_author_check check (author_kind in ('REPORTER', 'VENDOR', 'OPERATOR'))
);
create index disclosure_message_case_idx on disclosure_message (case_id, created_at);

-- The reporter's capability links: only the SHA-256 of the token is kept (the token itself is shown once).
create table disclosure_link (
    token_sha256 varchar(64) primary key,
    case_id      uuid not null references disclosure_case (id) on delete cascade,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    revoked_at   timestamp with time zone,
    revoked_by   varchar(200)
);
create index disclosure_link_case_idx on disclosure_link (case_id);

-- Files attached to a case, in the evidence store (ADR 0041).
create table disclosure_attachment (
    id          uuid primary key,
    case_id     uuid not null references disclosure_case (id) on delete cascade,
    sha256      varchar(64) not null references evidence_blob (sha256),
    file_name   varchar(255) not null,
    media_type  varchar(100) not null,
    size_bytes  bigint not null,
    author_kind varchar(16) not null,
    uploaded_by varchar(200),
    uploaded_at timestamp with time zone not null,
    constraint disclosure_attachment_author_check check (author_kind in ('REPORTER', 'VENDOR', 'OPERATOR'))
);
create index disclosure_attachment_case_idx on disclosure_attachment (case_id);
