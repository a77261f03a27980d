-- Seeds a registry with :n products (default 100000) for the search benchmark, on PostgreSQL.
-- Run against a database whose schema the server created (start it once on that database first):
--   psql -h 127.0.0.1 -U postgres -d iotseal_bench -v n=100000 -f server/bench/seed.sql
-- One product in seven is unpublished (not correlated with the category), one in ten is a phone (out of
-- scope). Names and model numbers are ASCII and katakana, so lower() here gives the same search_text as the
-- server's NFKC + lower-case normalisation (SearchText.java). Rows are not audit-logged: this is bulk
-- benchmark data, not a change anyone made.
\set ON_ERROR_STOP on
\if :{?n}
\else
  \set n 100000
\endif

begin;

-- Rerunnable: previous benchmark products go first (their model numbers cascade).
delete from product where description = 'Benchmark product';

insert into organization (id, kind, name, name_ja, country, created_at, updated_at, version)
select md5('bench-vendor-' || v)::uuid, 'VENDOR', 'Bench Vendor ' || v, 'ベンチベンダー ' || v, 'JP', now(), now(), 1
from generate_series(1, 50) v
on conflict (id) do nothing;

with cats(i, cat, en, ja) as (values
    (0, 'ROUTER', 'Router', 'ルーター'), (1, 'CAMERA', 'Camera', 'カメラ'),
    (2, 'SMART_SPEAKER', 'Speaker', 'スピーカー'), (3, 'SMART_LOCK', 'Lock', 'ロック'),
    (4, 'SMART_PLUG', 'Plug', 'プラグ'), (5, 'THERMOSTAT', 'Thermostat', 'サーモスタット'),
    (6, 'HUB', 'Hub', 'ハブ'), (7, 'SENSOR', 'Sensor', 'センサー'),
    (8, 'SMART_TV', 'TV', 'テレビ'), (9, 'SMARTPHONE', 'Phone', 'フォン')),
-- 23 brands (a prime, so brand and category vary independently): names sort brand by brand, with
-- every category inside each brand, as in a real registry.
brands(i, en, ja) as (values
    (0, 'Aurora', 'オーロラ'), (1, 'Bamboo', 'バンブー'), (2, 'Cedar', 'シーダー'), (3, 'Delta', 'デルタ'),
    (4, 'Ember', 'エンバー'), (5, 'Fuji', 'フジ'), (6, 'Ginkgo', 'ギンコ'), (7, 'Hikari', 'ヒカリ'),
    (8, 'Iris', 'アイリス'), (9, 'Juniper', 'ジュニパー'), (10, 'Kaze', 'カゼ'), (11, 'Lumen', 'ルーメン'),
    (12, 'Maple', 'メープル'), (13, 'Nami', 'ナミ'), (14, 'Orion', 'オリオン'), (15, 'Pine', 'パイン'),
    (16, 'Quartz', 'クォーツ'), (17, 'Raiden', 'ライデン'), (18, 'Sakura', 'サクラ'), (19, 'Tora', 'トラ'),
    (20, 'Umi', 'ウミ'), (21, 'Vega', 'ベガ'), (22, 'Yuki', 'ユキ')),
gen as (
    select g, md5('bench-product-' || g)::uuid as id, md5('bench-vendor-' || (1 + g % 50))::uuid as vendor,
           c.cat, b.en || ' ' || c.en || ' ' || g as name_en, b.ja || c.ja || ' ' || g as name_ja,
           upper(left(c.en, 2)) || '-' || g as model, c.cat <> 'SMARTPHONE' as in_scope
    from generate_series(1, :n) g join cats c on c.i = g % 10 join brands b on b.i = g % 23)
insert into product (id, vendor_id, name_en, name_ja, category, description, device_description, support_end_date,
                     vdp_url, vdp_contact, ip_capable, in_scope, scope_reason, published, search_text,
                     created_at, updated_at, version)
select id, vendor, name_en, name_ja, cat, 'Benchmark product', 'Device', date '2030-01-01' + (g % 1000),
       'https://example.com/vdp', 'psirt@example.com', true, in_scope,
       case when in_scope then 'In scope: an IP-capable IoT product (category ' || cat || ').'
            else 'Out of scope: general-purpose computers, smartphones and tablets are not covered by the scheme (category ' || cat || ').' end,
       g % 7 <> 0, lower(name_en || ' ' || chr(1) || ' ' || name_ja || ' ' || chr(1) || ' ' || model),
       now(), now(), 1
from gen;

insert into product_model (product_id, pos, model_number)
select md5('bench-product-' || g)::uuid, 0, upper(left(c.en, 2)) || '-' || g
from generate_series(1, :n) g
join (values (0, 'Router'), (1, 'Camera'), (2, 'Speaker'), (3, 'Lock'), (4, 'Plug'), (5, 'Thermostat'),
             (6, 'Hub'), (7, 'Sensor'), (8, 'TV'), (9, 'Phone')) c(i, en) on c.i = g % 10;

commit;
vacuum analyze product;
vacuum analyze product_model;
analyze organization;
select count(*) as products from product;
