-- Advisory store, feed imports and findings (issue 16 items 2-3, ADR 0095). Same SQL on PostgreSQL and H2
-- (ADR 0021).

-- One row per advisory as the feed last gave it. The affected data (packages with ranges, CPE statements) is
-- kept whole as JSON in content, because matching always needs all of it and no query reads a range; what
-- queries do need is a column: the best CVSS score, the CVE (for the KEV join), and the match keys below.
create table advisory (
    id           varchar(200) primary key,
    source       varchar(8) not null,
    cve_id       varchar(50),
    aliases      varchar(4000) not null,
    summary      varchar(4000),
    published    timestamp with time zone,
    modified     timestamp with time zone,
    withdrawn    boolean not null,
    cvss_version varchar(8),
    cvss_score   numeric(3, 1),
    cvss_rating  varchar(16),
    cvss_vector  varchar(500),
    content      text not null,
    import_id    uuid not null,
    stored_at    timestamp with time zone not null,
    constraint advisory_source_check check (source in ('OSV', 'NVD', 'JVN'))
);
create index advisory_cve_idx on advisory (cve_id);

-- What an advisory can match: the package URL of each affected package without version, qualifiers or
-- subpath ("pkg:deb/debian/openssl"), and "cpe:<vendor>:<product>" of each CPE statement. Re-matching looks
-- advisories up by key; an import re-matches the keys of what it changed.
create table advisory_key (
    match_key   varchar(2000) not null,
    advisory_id varchar(200) not null references advisory (id) on delete cascade,
    primary key (match_key, advisory_id)
);
create index advisory_key_advisory_idx on advisory_key (advisory_id);

-- CISA's Known Exploited Vulnerabilities catalog, one row per CVE (the catalog as last imported).
create table kev_entry (
    cve_id           varchar(50) primary key,
    vendor_project   varchar(500),
    product          varchar(500),
    date_added       date not null,
    due_date         date,
    known_ransomware boolean not null,
    import_id        uuid not null
);

-- One row per feed import (upload or mirror folder), with what it changed. rematched_at is set when the
-- re-match of what it touched has run (a db-scheduler task, V28).
create table advisory_import (
    id              uuid primary key,
    kind            varchar(8) not null,
    name            varchar(1000) not null,
    sha256          varchar(64) not null,
    advisory_count  int not null,
    new_count       int not null,
    updated_count   int not null,
    unchanged_count int not null,
    withdrawn_count int not null,
    kev_count       int not null,
    touched_keys    int not null,
    warning_count   int not null,
    warnings        text,
    imported_by     varchar(200) not null,
    imported_at     timestamp with time zone not null,
    rematched_at    timestamp with time zone,
    constraint advisory_import_kind_check check (kind in ('OSV', 'NVD', 'JVN', 'KEV'))
);
create index advisory_import_time_idx on advisory_import (imported_at);
create index advisory_import_name_idx on advisory_import (kind, name, imported_at);

-- The same keys on the SBOM side, set when an SBOM is stored (null before V27: the full re-match fills them).
-- component_key is the SHA-256 of purl, CPE and version: one component however many SBOMs list it.
alter table sbom_component add column purl_key varchar(2000);
alter table sbom_component add column cpe_key varchar(2000);
alter table sbom_component add column component_key varchar(64);
create index sbom_component_purl_key_idx on sbom_component (purl_key);
create index sbom_component_cpe_key_idx on sbom_component (cpe_key);
create index sbom_component_key_idx on sbom_component (component_key);

-- Findings per (component, advisory), shared by every product version whose SBOM lists the component.
-- Never deleted: a finding the advisory no longer supports (withdrawn, range changed) gets gone_at; if it
-- matches again, gone_at is cleared and first_seen kept.
create table component_finding (
    component_key varchar(64) not null,
    advisory_id   varchar(200) not null references advisory (id),
    purl          varchar(2000),
    cpe           varchar(2000),
    version       varchar(500),
    basis         varchar(8) not null,
    fixed_in      varchar(500),
    reason        varchar(2000),
    first_seen    timestamp with time zone not null,
    last_seen     timestamp with time zone not null,
    gone_at       timestamp with time zone,
    primary key (component_key, advisory_id),
    constraint component_finding_basis_check check (basis in ('PURL', 'CPE'))
);
create index component_finding_advisory_idx on component_finding (advisory_id);
