-- Device surveys (issue 18): what probe campaigns found in the field, linked to labelled products.
-- Same SQL on PostgreSQL and H2 (ADR 0021). The format of a campaign's scope and of an observation is
-- iotseal-survey-scope/1 and iotseal-survey-observation/1 (docs/surveys.md).

-- What a survey may see of a product's devices on a network, as its vendor declared it. A survey observation
-- whose fingerprint equals (EXACT) or starts with (PREFIX) a declared value is that product's device.
-- port, when set, limits the fingerprint to that port.
create table product_fingerprint (
    id          uuid primary key,
    product_id  uuid not null references product (id) on delete cascade,
    kind        varchar(24) not null,
    match_type  varchar(8) not null,
    fp_value    varchar(500) not null,
    port        integer,
    declared_by varchar(200) not null,
    declared_at timestamp with time zone not null,
    constraint product_fingerprint_kind_check
        check (kind in ('HTTP_TITLE', 'HTTP_SERVER', 'BANNER', 'TLS_CERT_SHA256', 'UPNP_MODEL')),
    constraint product_fingerprint_match_check check (match_type in ('EXACT', 'PREFIX')),
    constraint product_fingerprint_port_check check (port is null or (port between 1 and 65535))
);
create index product_fingerprint_lookup_idx on product_fingerprint (kind, fp_value);
create index product_fingerprint_product_idx on product_fingerprint (product_id);

-- A campaign the registry received results for, with its signed-off scope (the scope file as the
-- coordinator ran it, and its SHA-256, which every observation repeats).
create table survey_campaign (
    id              varchar(64) primary key,
    title           varchar(200) not null,
    legal_basis     varchar(4000) not null,
    signed_off_by   varchar(200) not null,
    signed_off_at   timestamp with time zone not null,
    window_from     timestamp with time zone not null,
    window_until    timestamp with time zone not null,
    scope_json      text not null,
    scope_sha256    varchar(64) not null,
    address_count   bigint not null,
    registered_by   varchar(200) not null,
    registered_at   timestamp with time zone not null
);

-- One address of a campaign as a worker observed it: at most one per (campaign, address), so that a
-- redelivered work item cannot count a device twice. findings_json holds the probe's findings, redacted as
-- in every probe report; fingerprints_json what the device showed of itself.
create table survey_observation (
    id                uuid primary key,
    campaign_id       varchar(64) not null references survey_campaign (id) on delete cascade,
    address           varchar(45) not null,
    observed_at       timestamp with time zone not null,
    finished_at       timestamp with time zone not null,
    reached           boolean not null,
    opted_out         boolean not null,
    reachability      varchar(1000) not null,
    fail_count        integer not null,
    services_json     text not null,
    fingerprints_json text not null,
    findings_json     text not null,
    worker            varchar(200) not null,
    product_id        uuid references product (id) on delete set null,
    received_at       timestamp with time zone not null,
    constraint survey_observation_unique unique (campaign_id, address)
);
create index survey_observation_product_idx on survey_observation (product_id);

-- A failing check on a device whose fingerprint matched a labelled product: evidence for the operator on
-- that label, never public. OPEN until the operator notes what they did (NOTED) or dismisses it.
create table survey_label_finding (
    id              uuid primary key,
    label_id        uuid not null references label (id) on delete cascade,
    observation_id  uuid not null references survey_observation (id) on delete cascade,
    campaign_id     varchar(64) not null,
    address         varchar(45) not null,
    check_id        varchar(64) not null,
    port            integer not null,
    service         varchar(32) not null,
    summary         varchar(2000) not null,
    fingerprint     varchar(600) not null,
    state           varchar(16) not null,
    decided_by      varchar(200),
    decided_at      timestamp with time zone,
    decision_note   varchar(2000),
    created_at      timestamp with time zone not null,
    constraint survey_label_finding_unique unique (label_id, observation_id, check_id, port),
    constraint survey_label_finding_state_check check (state in ('OPEN', 'NOTED', 'DISMISSED'))
);
create index survey_label_finding_label_idx on survey_label_finding (label_id, state);
