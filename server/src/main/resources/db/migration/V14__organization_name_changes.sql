-- ADR 0067: a change of an organization's legal name (English or Japanese) is requested by its admins and
-- takes effect only when the scheme operator approves it; labels carry organization.name, which holds only
-- approved names. Pending requests live here; the decision is recorded here and in the audit log.
create table organization_name_change (
    id              uuid primary key,
    organization_id uuid not null references organization (id),
    name            varchar(200) not null,
    name_ja         varchar(200),
    state           varchar(16) not null,
    requested_by    varchar(200) not null,
    requested_at    timestamp with time zone not null,
    decided_by      varchar(200),
    decided_at      timestamp with time zone,
    comment         varchar(500),
    constraint organization_name_change_state_check check (state in ('PENDING', 'APPROVED', 'REJECTED'))
);
create index organization_name_change_org_idx on organization_name_change (organization_id, requested_at);
create index organization_name_change_state_idx on organization_name_change (state, requested_at);
