-- Gives every public benchmark product (server/bench/seed.sql) a ★1 label, for the label registry's
-- benchmarks (issue 13): one in twenty suspended, one in fifty revoked. The rows borrow the demo label's
-- assessment, credential and QR text (start the server with IOTSEAL_DEMO_DATA=true), so they do not
-- verify offline: benchmark data for the search and the bulk check, which read only the table's columns.
--   psql -h 127.0.0.1 -U postgres -d iotseal_bench_labels -f server/bench/seed-labels.sql
\set ON_ERROR_STOP on
begin;
delete from label where label_id like 'B%' and product_id in (select id from product where description = 'Benchmark product');
insert into label (id, label_id, assessment_id, product_id, vendor_id, status_index, registration_number, scheme, level,
                   vendor_name, product_name_en, product_name_ja, models, versions, support_end, issued, expiry,
                   credential, qr_text, kid, status, reason, status_since, created_at, updated_at, version)
select md5('bench-label-' || p.id)::uuid, 'B' || lpad(row_number() over (order by p.id)::text, 11, '0'),
       d.assessment_id, p.id, p.vendor_id, 1000 + row_number() over (order by p.id),
       'JC-STAR-STAR-1-B' || row_number() over (order by p.id), 'jc-star', 'star-1', o.name, p.name_en, p.name_ja,
       (select string_agg(m.model_number, chr(10) order by m.pos) from product_model m where m.product_id = p.id),
       '1.0.0', p.support_end_date, date '2026-06-01', least(p.support_end_date, date '2028-06-01'),
       d.credential, d.qr_text, d.kid,
       case when hashtext(p.id::text) % 50 = 0 then 'REVOKED' when hashtext(p.id::text) % 20 = 0 then 'SUSPENDED' else 'ACTIVE' end,
       null, now() - interval '1 day', now() - interval '1 day', now() - interval '1 day', 1
from product p
join organization o on o.id = p.vendor_id
cross join (select assessment_id, credential, qr_text, kid from label order by created_at limit 1) d
where p.description = 'Benchmark product' and p.published and p.in_scope;
-- Seeded a day ago, as a registry's rows mostly are: a change now is a change to a few products.
update product set updated_at = now() - interval '1 day' where description = 'Benchmark product';
commit;
analyze label;
analyze product;
