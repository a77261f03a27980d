-- Re-issuing labels whose signing key was removed (ADR 0054). Same SQL on PostgreSQL and H2 (ADR 0021).
-- A re-issue replaces a label's credential, QR text and kid; the QR texts it replaced are kept here, so
-- scanning a code printed before the re-issue still finds the label, and its page can say that the
-- printed code no longer verifies offline and must be replaced.
create table label_superseded_qr (
    qr_text       varchar(1200) primary key,
    label         uuid not null references label (id),
    kid           varchar(100) not null,
    superseded_at timestamp with time zone not null
);
create index label_superseded_qr_label_idx on label_superseded_qr (label);
