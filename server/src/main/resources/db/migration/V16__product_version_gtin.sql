-- GTIN / JAN barcodes of product versions, for retailers' look-ups (issue 13, ADR 0080). Stored as the
-- 14-digit GTIN (shorter forms left-padded with zeros, as GS1 prescribes), so a JAN-13 and its GTIN-14
-- form find the same version. Same SQL on PostgreSQL and H2 (ADR 0021).
alter table product_version add column gtin varchar(14);
create index product_version_gtin_idx on product_version (gtin);
