-- Notifications (issue 13 item 4, ADRs 0081 and 0082). Same SQL on PostgreSQL and H2 (ADR 0021).

-- Retailers and other subscribers: a kind of organization whose members hold the subscriber role and
-- subscribe, with API tokens, to the public events of chosen labels or vendors.
alter table organization drop constraint organization_kind_check;
alter table organization add constraint organization_kind_check
    check (kind in ('SCHEME_OPERATOR', 'VENDOR', 'TEST_LAB', 'SUBSCRIBER'));
alter table membership drop constraint membership_role_check;
alter table membership add constraint membership_role_check check (role in
    ('OPERATOR_ADMIN', 'OPERATOR_REVIEWER', 'VENDOR_ADMIN', 'VENDOR_MEMBER', 'LAB_EVALUATOR', 'SUBSCRIBER'));

-- The transactional outbox: one row per event, written in the transaction of the change that causes it.
-- dedupe_key (unique, null for most) makes events of the calendar job (expired, renewal window opened,
-- support period ending) happen once even when several instances run the job.
create table notification_event (
    id          uuid primary key,
    type        varchar(64) not null,
    subject     varchar(100) not null,
    vendor_id   uuid,
    lab_id      uuid,
    label_id    varchar(12),
    public_event boolean not null,
    data        text not null,
    occurred_at timestamp with time zone not null,
    dedupe_key  varchar(200),
    -- false until the dispatcher has made the event's deliveries (one per matching subscription).
    fanned_out  boolean not null,
    constraint notification_event_dedupe_unique unique (dedupe_key)
);
create index notification_event_fan_out_idx on notification_event (fanned_out, occurred_at);

-- A subscription of an organization: a webhook (secret per subscription, ADR 0082) or an e-mail address.
-- scope is fixed from the organization's kind: ALL (operator), VENDOR, LAB, PUBLIC (subscriber).
-- Filters are space-separated lists; empty means any.
create table subscription (
    id              uuid primary key,
    organization_id uuid not null references organization (id),
    scope           varchar(16) not null,
    channel         varchar(16) not null,
    url             varchar(2000),
    email           varchar(320),
    locale          varchar(8),
    event_types     varchar(2000) not null,
    label_ids       text not null,
    vendor_ids      text not null,
    secret          varchar(100),
    previous_secret varchar(100),
    previous_secret_until timestamp with time zone,
    active          boolean not null,
    created_by      varchar(200) not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    version         bigint not null,
    constraint subscription_scope_check check (scope in ('ALL', 'VENDOR', 'LAB', 'PUBLIC')),
    constraint subscription_channel_check check (channel in ('WEBHOOK', 'EMAIL'))
);
create index subscription_org_idx on subscription (organization_id);

-- One event to one subscription. The dispatcher claims due PENDING rows (FOR UPDATE SKIP LOCKED) and
-- moves next_attempt_at past a lease while it delivers, so a crashed instance's claims come due again.
-- claim names the current claim: a late answer of an earlier claim changes nothing.
create table notification_delivery (
    id              uuid primary key,
    event_id        uuid not null references notification_event (id),
    subscription_id uuid not null references subscription (id),
    state           varchar(16) not null,
    attempts        integer not null,
    next_attempt_at timestamp with time zone not null,
    claim           uuid,
    last_status     integer,
    last_error      varchar(500),
    delivered_at    timestamp with time zone,
    created_at      timestamp with time zone not null,
    constraint notification_delivery_unique unique (event_id, subscription_id),
    constraint notification_delivery_state_check check (state in ('PENDING', 'DELIVERED', 'DEAD'))
);
create index notification_delivery_due_idx on notification_delivery (state, next_attempt_at);
create index notification_delivery_subscription_idx on notification_delivery (subscription_id);
