-- Network owners of survey addresses (issue 18 item 4, ADR 0106): the operator imports an address-to-owner table
-- (an RIR delegation file, a routing table dump or its own CSV); a new import replaces the active one in one
-- transaction. Same SQL on PostgreSQL and H2 (ADR 0021).
create table address_owner_import (
    id            uuid primary key,
    source_kind   varchar(8) not null,
    file_name     varchar(255) not null,
    sha256        varchar(64) not null,
    block_count   integer not null,
    skipped_lines integer not null,
    active        boolean not null,
    imported_by   varchar(200) not null,
    imported_at   timestamp with time zone not null,
    constraint address_owner_import_kind_check check (source_kind in ('RIR', 'ROUTES', 'CSV'))
);

-- One block of addresses and its owner. IPv4 is stored in the IPv4-mapped IPv6 space (::ffff:0:0/96), so one
-- numeric range serves both families and compares the same on both databases; the longest (smallest) block that
-- holds an address names its owner. RIR blocks of a non-power-of-two size are ranges, not prefixes.
create table address_owner_block (
    id            uuid primary key,
    import_id     uuid not null references address_owner_import (id) on delete cascade,
    first_address numeric(39, 0) not null,
    last_address  numeric(39, 0) not null,
    block_size    numeric(39, 0) not null,
    prefix        varchar(100) not null,
    owner_id      varchar(100) not null,
    owner_name    varchar(200),
    country       varchar(2),
    contact_email varchar(254),
    line_number   integer not null
);
-- The lookup probes first_address with the 129 prefix boundaries of an address (ADR 0106). Only the active
-- import's blocks are ever committed (an import drops the others in its transaction), so no index leads with
-- import_id: right after a bulk import PostgreSQL's statistics would prefer it and read every block.
create index address_owner_block_range_idx on address_owner_block (first_address);
