-- The registry's first schema (issue 3). One set of migrations for PostgreSQL and for H2 in its
-- PostgreSQL mode (ADR 0021): only types and syntax both understand. Identifiers are UUIDs made by
-- the server; every mutable record has a version column for optimistic locking (ETag / If-Match).

create table organization (
    id          uuid primary key,
    kind        varchar(32)  not null,
    name        varchar(200) not null,
    name_ja     varchar(200),
    country     varchar(2),
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint not null,
    constraint organization_kind_check check (kind in ('SCHEME_OPERATOR', 'VENDOR', 'TEST_LAB'))
);

create table app_user (
    id            uuid primary key,
    username      varchar(100) not null,
    display_name  varchar(200) not null,
    email         varchar(320),
    -- Spring Security's delegating format, e.g. {argon2}$argon2id$...; null: no local password (OIDC only).
    password_hash varchar(500),
    enabled       boolean not null,
    created_at    timestamp with time zone not null,
    version       bigint not null,
    constraint app_user_username_unique unique (username)
);

create table membership (
    user_id         uuid not null references app_user (id) on delete cascade,
    organization_id uuid not null references organization (id),
    role            varchar(32) not null,
    created_at      timestamp with time zone not null,
    primary key (user_id, organization_id, role),
    constraint membership_role_check check (role in
        ('OPERATOR_ADMIN', 'OPERATOR_REVIEWER', 'VENDOR_ADMIN', 'VENDOR_MEMBER', 'LAB_EVALUATOR'))
);
create index membership_org_idx on membership (organization_id);

-- API tokens: only a SHA-256 of the secret is kept; the secret is shown once at creation (ADR 0022).
create table api_token (
    id          uuid primary key,
    user_id     uuid not null references app_user (id) on delete cascade,
    name        varchar(100) not null,
    token_hash  varchar(64) not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone,
    constraint api_token_hash_unique unique (token_hash)
);
create index api_token_user_idx on api_token (user_id);

create table product (
    id                  uuid primary key,
    vendor_id           uuid not null references organization (id),
    name_en             varchar(200) not null,
    name_ja             varchar(200),
    category            varchar(32) not null,
    description         varchar(4000),
    device_description  varchar(4000),
    support_end_date    date,
    vdp_url             varchar(2000),
    vdp_contact         varchar(320),
    ip_capable          boolean not null,
    in_scope            boolean not null,
    scope_reason        varchar(2000) not null,
    published           boolean not null,
    -- Lower-cased names and model numbers, kept by the server, for the product search (ADR 0024).
    search_text         varchar(8000) not null,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    version             bigint not null
);
create index product_vendor_idx on product (vendor_id, name_en, id);
create index product_name_idx on product (name_en, id);
create index product_category_idx on product (category, name_en, id);

create table product_model (
    product_id   uuid not null references product (id) on delete cascade,
    pos          int not null,
    model_number varchar(100) not null,
    primary key (product_id, pos)
);
create index product_model_number_idx on product_model (model_number);

-- The device's associated services: cloud back ends, companion apps, hubs.
create table product_service (
    product_id  uuid not null references product (id) on delete cascade,
    pos         int not null,
    kind        varchar(16) not null,
    name        varchar(200) not null,
    description varchar(2000),
    primary key (product_id, pos),
    constraint product_service_kind_check check (kind in ('CLOUD', 'APP', 'HUB'))
);

create table product_version (
    id           uuid primary key,
    product_id   uuid not null references product (id) on delete cascade,
    version      varchar(100) not null,
    release_date date,
    notes        varchar(2000),
    created_at   timestamp with time zone not null,
    constraint product_version_unique unique (product_id, version)
);

-- Which test lab may see which product; issue 4 (third-party evaluation) assigns through it.
create table lab_assignment (
    product_id  uuid not null references product (id) on delete cascade,
    lab_id      uuid not null references organization (id),
    assigned_at timestamp with time zone not null,
    primary key (product_id, lab_id)
);
create index lab_assignment_lab_idx on lab_assignment (lab_id);

-- The hash-chained audit log (ADR 0023). Appends are serialised through the single audit_head row.
create table audit_entry (
    seq         bigint primary key,
    occurred_at timestamp with time zone not null,
    actor       varchar(200) not null,
    action      varchar(100) not null,
    entity_type varchar(50) not null,
    entity_id   varchar(100) not null,
    before_json text,
    after_json  text,
    prev_hash   varchar(64) not null,
    hash        varchar(64) not null
);
create index audit_entry_entity_idx on audit_entry (entity_type, entity_id);

create table audit_head (
    id        int primary key,
    last_seq  bigint not null,
    last_hash varchar(64) not null
);
insert into audit_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Idempotency keys of create requests: the first response is kept and replayed (ADR 0025).
create table idempotency_record (
    principal      varchar(200) not null,
    idem_key       varchar(200) not null,
    request_hash   varchar(64) not null,
    status         int not null,
    location       varchar(2000),
    etag           varchar(100),
    response_body  text,
    created_at     timestamp with time zone not null,
    primary key (principal, idem_key)
);
