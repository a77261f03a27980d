-- SBOMs per product version (issue 16 item 1, ADR 0091). Same SQL on PostgreSQL and H2 (ADR 0021).
-- The document's bytes are stored content-addressed like evidence (ADR 0041): in the evidence store,
-- with a row in evidence_blob; an SBOM row attaches that content to one product version. The parsed
-- components and warnings are kept beside it so that lists and (later) matching need no re-parse.
create table sbom (
    id              uuid primary key,
    product_id      uuid not null references product (id) on delete cascade,
    version_id      uuid not null references product_version (id) on delete cascade,
    sha256          varchar(64) not null references evidence_blob (sha256),
    format          varchar(32) not null,
    spec_version    varchar(16) not null,
    component_count int not null,
    warning_count   int not null,
    uploaded_by     varchar(200) not null,
    uploaded_at     timestamp with time zone not null,
    constraint sbom_unique unique (version_id, sha256),
    constraint sbom_format_check check (format in ('CYCLONEDX_JSON', 'CYCLONEDX_XML', 'SPDX_JSON'))
);
create index sbom_version_idx on sbom (version_id, uploaded_at);

-- One row per component in document order (nested CycloneDX components flattened depth first).
create table sbom_component (
    sbom_id  uuid not null references sbom (id) on delete cascade,
    seq      int not null,
    ref      varchar(2000),
    name     varchar(2000) not null,
    version  varchar(500),
    purl     varchar(2000),
    cpe      varchar(2000),
    supplier varchar(2000),
    primary key (sbom_id, seq)
);
-- Matching (issue 16 item 3) looks components up by package URL.
create index sbom_component_purl_idx on sbom_component (purl);

create table sbom_warning (
    sbom_id  uuid not null references sbom (id) on delete cascade,
    seq      int not null,
    location varchar(2000),
    message  varchar(4000) not null,
    primary key (sbom_id, seq)
);
