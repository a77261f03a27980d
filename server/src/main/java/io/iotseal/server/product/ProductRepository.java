package io.iotseal.server.product;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Products with their model numbers, services, versions and lab assignments, in plain SQL. */
@Repository
public class ProductRepository {

    private static final String COLUMNS = "p.id, p.vendor_id, o.name as vendor_name, p.name_en, p.name_ja,"
            + " p.category, p.description, p.device_description, p.ip_capable, p.support_end_date, p.vdp_url,"
            + " p.vdp_contact, p.vdp_openpgp_key, p.vdp_openpgp_fingerprint, p.in_scope, p.scope_reason, p.published, p.created_at, p.updated_at, p.version";

    private final JdbcClient jdbc;

    public ProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Product> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from product p join organization o on o.id = p.vendor_id where p.id = ?")
                .param(id).query(this::full).optional();
    }

    private Product full(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new Product(id, rs.getObject("vendor_id", UUID.class), rs.getString("vendor_name"),
                rs.getString("name_en"), rs.getString("name_ja"), modelNumbers(List.of(id)).getOrDefault(id, List.of()),
                Category.valueOf(rs.getString("category")), rs.getString("description"),
                rs.getString("device_description"), rs.getBoolean("ip_capable"), services(id), versions(id),
                rs.getObject("support_end_date", LocalDate.class), rs.getString("vdp_url"), rs.getString("vdp_contact"),
                rs.getString("vdp_openpgp_key"), rs.getString("vdp_openpgp_fingerprint"),
                new Product.Scope(rs.getBoolean("in_scope"), rs.getString("scope_reason")), rs.getBoolean("published"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getLong("version"));
    }

    /**
     * The vendor's OpenPGP key for reports, for anyone, when the product is public or labelled (its label page shows
     * the key, published or not); empty otherwise, exactly as for a product without a key.
     */
    public Optional<String> publicOpenPgpKey(UUID id) {
        return jdbc.sql("select p.vdp_openpgp_key from product p where p.id = ? and p.vdp_openpgp_key is not null"
                        + " and ((p.published = true and p.in_scope = true)"
                        + " or exists (select 1 from label l where l.product_id = p.id))")
                .param(id).query(String.class).optional();
    }

    // --- search -----------------------------------------------------------------------------------

    public List<ProductSummary> search(Visibility visibility, ProductQuery query, int limit, long offset) {
        Map<String, Object> params = new HashMap<>();
        String where = where(visibility, query, params);
        params.put("limit", limit);
        params.put("offset", offset);
        List<ProductSummary> rows = jdbc.sql("select p.id, p.vendor_id, o.name as vendor_name, p.name_en, p.name_ja,"
                        + " p.category, p.in_scope, p.published, p.support_end_date from product p"
                        + " join organization o on o.id = p.vendor_id" + where
                        + " order by p.name_en, p.id limit :limit offset :offset")
                .params(params).query(SUMMARY).list();
        if (rows.isEmpty()) {
            return rows;
        }
        List<UUID> ids = rows.stream().map(ProductSummary::id).toList();
        Map<UUID, List<String>> models = modelNumbers(ids);
        Map<UUID, List<String>> labels = labelIds(ids);
        return rows.stream().map(s -> new ProductSummary(s.id(), s.vendorId(), s.vendorName(), s.nameEn(), s.nameJa(),
                models.getOrDefault(s.id(), List.of()), s.category(), s.inScope(), s.published(), s.supportEndDate(),
                labels.getOrDefault(s.id(), List.of()))).toList();
    }

    public long count(Visibility visibility, ProductQuery query) {
        Map<String, Object> params = new HashMap<>();
        String where = where(visibility, query, params);
        return jdbc.sql("select count(*) from product p" + where).params(params).query(Long.class).single();
    }

    private static final RowMapper<ProductSummary> SUMMARY = (rs, n) -> new ProductSummary(rs.getObject("id", UUID.class),
            rs.getObject("vendor_id", UUID.class), rs.getString("vendor_name"), rs.getString("name_en"),
            rs.getString("name_ja"), List.of(), Category.valueOf(rs.getString("category")), rs.getBoolean("in_scope"),
            rs.getBoolean("published"), rs.getObject("support_end_date", LocalDate.class), List.of());

    /** The WHERE clause for a search: what the caller may see, then the filters; values are bound, never spliced. */
    private static String where(Visibility v, ProductQuery q, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(" where 1 = 1");
        if (!v.all()) {
            sql.append(" and ((p.published = true and p.in_scope = true)");
            if (!v.vendors().isEmpty()) {
                sql.append(" or p.vendor_id in (:vendors)");
                params.put("vendors", v.vendors());
            }
            if (!v.labs().isEmpty()) {
                sql.append(" or exists (select 1 from lab_assignment la where la.product_id = p.id and la.lab_id in (:labs))");
                params.put("labs", v.labs());
            }
            sql.append(")");
        }
        if (q.q() != null && !q.q().isBlank()) {
            sql.append(" and p.search_text like :q escape '\\'");
            params.put("q", SearchText.containsPattern(q.q()));
        }
        if (q.category() != null) {
            sql.append(" and p.category = :category");
            params.put("category", q.category().name());
        }
        if (q.vendorId() != null) {
            sql.append(" and p.vendor_id = :vendorId");
            params.put("vendorId", q.vendorId());
        }
        if (q.inScope() != null) {
            sql.append(" and p.in_scope = :inScope");
            params.put("inScope", q.inScope());
        }
        return sql.toString();
    }

    // --- children ---------------------------------------------------------------------------------

    private Map<UUID, List<String>> modelNumbers(Collection<UUID> ids) {
        return byProduct("select product_id, model_number from product_model where product_id in (:ids)"
                + " order by product_id, pos", ids);
    }

    /**
     * The public ids of each product's labels, oldest first (issue 13): the label search and the label
     * JSON tell their status. The label table is read directly, so products need nothing of labels.
     */
    private Map<UUID, List<String>> labelIds(Collection<UUID> ids) {
        return byProduct("select product_id, label_id from label where product_id in (:ids)"
                + " order by product_id, issued, label_id", ids);
    }

    /** The second column of {@code sql}'s rows grouped by the first (a product id), in the query's order. */
    private Map<UUID, List<String>> byProduct(String sql, Collection<UUID> ids) {
        Map<UUID, List<String>> out = new LinkedHashMap<>();
        jdbc.sql(sql).param("ids", ids).query(rs -> {
            out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2));
        });
        return out;
    }

    private List<AssociatedService> services(UUID id) {
        return jdbc.sql("select kind, name, description from product_service where product_id = ? order by pos")
                .param(id)
                .query((rs, n) -> new AssociatedService(ServiceKind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)))
                .list();
    }

    public List<ProductVersion> versions(UUID id) {
        return jdbc.sql("select id, version, release_date, notes, created_at, gtin from product_version where product_id = ?"
                        + " order by release_date nulls last, created_at, id")
                .param(id)
                .query((rs, n) -> new ProductVersion(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getObject(5, OffsetDateTime.class), rs.getString(6)))
                .list();
    }

    // --- writes -----------------------------------------------------------------------------------

    public void insert(Product p) {
        jdbc.sql("insert into product (id, vendor_id, name_en, name_ja, category, description, device_description,"
                        + " support_end_date, vdp_url, vdp_contact, vdp_openpgp_key, vdp_openpgp_fingerprint, ip_capable,"
                        + " in_scope, scope_reason, published, search_text, created_at, updated_at, version)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(p.id(), p.vendorId(), p.nameEn(), p.nameJa(), p.category().name(), p.description(),
                        p.deviceDescription(), p.supportEndDate(), p.vulnerabilityDisclosureUrl(),
                        p.vulnerabilityContact(), p.vulnerabilityOpenPgpKey(), p.vulnerabilityOpenPgpFingerprint(),
                        p.ipCapable(), p.scope().inScope(), p.scope().reason(),
                        p.published(), SearchText.of(p.nameEn(), p.nameJa(), p.modelNumbers()), p.createdAt(),
                        p.updatedAt(), p.version())
                .update();
        writeChildren(p);
    }

    /** Replaces the product's fields and children if its version is still {@code expectedVersion}. */
    public boolean update(Product p, long expectedVersion) {
        int rows = jdbc.sql("update product set name_en = ?, name_ja = ?, category = ?, description = ?,"
                        + " device_description = ?, support_end_date = ?, vdp_url = ?, vdp_contact = ?,"
                        + " vdp_openpgp_key = ?, vdp_openpgp_fingerprint = ?, ip_capable = ?,"
                        + " in_scope = ?, scope_reason = ?, published = ?, search_text = ?, updated_at = ?, version = ?"
                        + " where id = ? and version = ?")
                .params(p.nameEn(), p.nameJa(), p.category().name(), p.description(), p.deviceDescription(),
                        p.supportEndDate(), p.vulnerabilityDisclosureUrl(), p.vulnerabilityContact(),
                        p.vulnerabilityOpenPgpKey(), p.vulnerabilityOpenPgpFingerprint(), p.ipCapable(),
                        p.scope().inScope(), p.scope().reason(), p.published(),
                        SearchText.of(p.nameEn(), p.nameJa(), p.modelNumbers()), p.updatedAt(), p.version(), p.id(),
                        expectedVersion)
                .update();
        if (rows == 1) {
            jdbc.sql("delete from product_model where product_id = ?").param(p.id()).update();
            jdbc.sql("delete from product_service where product_id = ?").param(p.id()).update();
            writeChildren(p);
        }
        return rows == 1;
    }

    public boolean delete(UUID id, long expectedVersion) {
        return jdbc.sql("delete from product where id = ? and version = ?").params(id, expectedVersion).update() == 1;
    }

    private void writeChildren(Product p) {
        for (int i = 0; i < p.modelNumbers().size(); i++) {
            jdbc.sql("insert into product_model (product_id, pos, model_number) values (?, ?, ?)")
                    .params(p.id(), i, p.modelNumbers().get(i)).update();
        }
        for (int i = 0; i < p.services().size(); i++) {
            AssociatedService s = p.services().get(i);
            jdbc.sql("insert into product_service (product_id, pos, kind, name, description) values (?, ?, ?, ?, ?)")
                    .params(p.id(), i, s.kind().name(), s.name(), s.description()).update();
        }
    }

    public void insertVersion(UUID productId, ProductVersion v) {
        jdbc.sql("insert into product_version (id, product_id, version, release_date, notes, created_at, gtin)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(v.id(), productId, v.version(), v.releaseDate(), v.notes(), v.createdAt(), v.gtin()).update();
    }

    /** Bumps the product's version, so its ETag changes when a child record (a version) is added. */
    public void touch(UUID id, OffsetDateTime at) {
        jdbc.sql("update product set version = version + 1, updated_at = ? where id = ?").params(at, id).update();
    }

    // --- lab assignments (issue 4 assigns labs to assessments through these) -----------------------

    public Set<UUID> labsAssigned(UUID productId) {
        return Set.copyOf(jdbc.sql("select lab_id from lab_assignment where product_id = ?").param(productId)
                .query(UUID.class).list());
    }

    public boolean assignLab(UUID productId, UUID labId, OffsetDateTime at) {
        if (labsAssigned(productId).contains(labId)) {
            return false;
        }
        jdbc.sql("insert into lab_assignment (product_id, lab_id, assigned_at) values (?, ?, ?)")
                .params(productId, labId, at).update();
        return true;
    }

    public boolean unassignLab(UUID productId, UUID labId) {
        return jdbc.sql("delete from lab_assignment where product_id = ? and lab_id = ?").params(productId, labId)
                .update() == 1;
    }
}
