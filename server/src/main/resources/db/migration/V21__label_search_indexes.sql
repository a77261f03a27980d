-- The label search's orders and the open data (issue 13, ADR 0083). Same SQL on PostgreSQL and H2 (ADR 0021).
-- Before these, every page of the search sorted all labels (0.3 s at 100,000; server/bench/search.sh): with
-- them a page reads its rows in order from an index and stops. A B-tree serves both directions.
create index label_issued_idx on label (issued, id);
create index label_expiry_idx on label (expiry, id);
create index label_support_end_idx on label (support_end, id);
-- One vendor's labels, newest first (the search's vendorId filter and the vendor's status feed).
create index label_vendor_issued_idx on label (vendor_id, issued, id);
-- The freshness check of the bulk check and the search counts reads the product table's last change once a
-- second: from this index instead of a scan of every product.
create index product_updated_idx on product (updated_at);
