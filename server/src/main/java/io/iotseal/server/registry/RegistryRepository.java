package io.iotseal.server.registry;

import io.iotseal.server.product.Category;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * SQL over the label table for the public registry (issue 13, ADR 0080): only labels of public products
 * (published and in scope), read directly here so the registry needs nothing of the label services.
 */
@Repository
class RegistryRepository {

    /** Rows fetched per round trip while an export streams (PostgreSQL keeps a cursor inside the transaction). */
    private static final int EXPORT_FETCH_SIZE = 500;

    private static final String COLUMNS = "select l.id, l.label_id, l.registration_number, l.scheme, l.level, l.status,"
            + " l.vendor_id, l.vendor_name, l.product_id, l.product_name_en, l.product_name_ja, p.category, l.models,"
            + " l.versions, l.issued, l.expiry, l.support_end";
    private static final String PUBLIC_LABELS = " from label l join product p on p.id = l.product_id"
            + " where p.published = true and p.in_scope = true";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    RegistryRepository(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(EXPORT_FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(template);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    List<LabelEntry> search(LabelFilter filter, LocalDate today, int limit, long offset) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, today, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(COLUMNS + PUBLIC_LABELS + where + filter.sort().orderBy() + " limit :limit offset :offset")
                .params(params).query(entry(today)).list();
    }

    long count(LabelFilter filter, LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, today, params);
        return jdbc.sql("select count(*)" + PUBLIC_LABELS + where).params(params).query(Long.class).single();
    }

    /**
     * The count, but at most {@code cap}: the public registry page shows "more than N" beyond it (ADR 0084), so a
     * broad search stops counting after {@code cap} rows instead of joining every public label (0.3 s at 100,000).
     */
    long countUpTo(LabelFilter filter, LocalDate today, int cap) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, today, params);
        params.put("cap", cap);
        return jdbc.sql("select count(*) from (select 1 as one" + PUBLIC_LABELS + where + " limit :cap) capped")
                .params(params).query(Long.class).single();
    }

    /** The public labels of one product, newest first: the product page lists them (ADR 0084). */
    List<LabelEntry> ofProduct(UUID productId, LocalDate today) {
        return jdbc.sql(COLUMNS + PUBLIC_LABELS + " and l.product_id = :product" + LabelSort.DEFAULT.orderBy())
                .param("product", productId).query(entry(today)).list();
    }

    /** Every label the filter selects, in its order, handed on one at a time as the rows arrive: never all in memory. */
    void each(LabelFilter filter, LocalDate today, Consumer<LabelEntry> sink) {
        Map<String, Object> params = new HashMap<>();
        String sql = COLUMNS + PUBLIC_LABELS + where(filter, today, params) + filter.sort().orderBy();
        RowMapper<LabelEntry> mapper = entry(today);
        readOnly.executeWithoutResult(tx -> streaming.query(sql, params, rs -> {
            sink.accept(mapper.mapRow(rs, 0));
        }));
    }

    /** The WHERE clause's filters; values are bound, never spliced. */
    private static String where(LabelFilter f, LocalDate today, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        if (f.scheme() != null) {
            sql.append(" and l.scheme = :scheme");
            params.put("scheme", f.scheme());
        }
        if (f.level() != null) {
            sql.append(" and l.level = :level");
            params.put("level", f.level());
        }
        if (f.status() != null) {
            params.put("today", today);
            sql.append(switch (f.status()) {
                case VALID -> " and l.status = 'ACTIVE' and l.expiry >= :today";
                case EXPIRED -> " and l.status = 'ACTIVE' and l.expiry < :today";
                case SUSPENDED -> " and l.status = 'SUSPENDED'";
                case REVOKED -> " and l.status = 'REVOKED'";
            });
        }
        if (f.vendorId() != null) {
            sql.append(" and l.vendor_id = :vendorId");
            params.put("vendorId", f.vendorId());
        }
        if (f.vendor() != null) {
            sql.append(" and lower(l.vendor_name) like :vendor escape '\\'");
            params.put("vendor", "%" + f.vendor().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.modelNumber() != null) {
            sql.append(" and exists (select 1 from product_model m where m.product_id = l.product_id"
                    + " and m.model_number = :modelNumber)");
            params.put("modelNumber", f.modelNumber());
        }
        if (f.gtin() != null) {
            // The GTIN's product version must be one the label covers (labels list their versions one per line).
            sql.append(" and exists (select 1 from product_version v where v.product_id = l.product_id and v.gtin = :gtin"
                    + " and position(chr(10) || v.version || chr(10) in chr(10) || l.versions || chr(10)) > 0)");
            params.put("gtin", f.gtin());
        }
        if (f.category() != null) {
            sql.append(" and p.category = :category");
            params.put("category", f.category().name());
        }
        bound(sql, params, "l.expiry", "<", "validUntilBefore", f.validUntilBefore());
        bound(sql, params, "l.expiry", ">", "validUntilAfter", f.validUntilAfter());
        bound(sql, params, "l.support_end", "<", "supportEndBefore", f.supportEndBefore());
        bound(sql, params, "l.support_end", ">", "supportEndAfter", f.supportEndAfter());
        return sql.toString();
    }

    private static void bound(StringBuilder sql, Map<String, Object> params, String column, String op, String name,
                              LocalDate value) {
        if (value != null) {
            sql.append(" and ").append(column).append(' ').append(op).append(" :").append(name);
            params.put(name, value);
        }
    }

    private static RowMapper<LabelEntry> entry(LocalDate today) {
        return (rs, n) -> {
            LocalDate expiry = rs.getObject("expiry", LocalDate.class);
            return new LabelEntry(rs.getObject("id", UUID.class), rs.getString("label_id"),
                    rs.getString("registration_number"), rs.getString("scheme"), rs.getString("level"),
                    LabelStatus.of(rs.getString("status"), expiry, today).word(), rs.getObject("vendor_id", UUID.class),
                    rs.getString("vendor_name"), rs.getObject("product_id", UUID.class), rs.getString("product_name_en"),
                    rs.getString("product_name_ja"), Category.valueOf(rs.getString("category")),
                    lines(rs.getString("models")), lines(rs.getString("versions")), rs.getObject("issued", LocalDate.class),
                    expiry, rs.getObject("support_end", LocalDate.class));
        };
    }

    static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    /** The scheme operator, who publishes the registry's open data (the earliest recorded, if several). */
    record Operator(String name, String nameJa, String country) {
    }

    Operator operator() {
        return jdbc.sql("select name, name_ja, country from organization where kind = 'SCHEME_OPERATOR'"
                        + " order by created_at, id limit 1")
                .query((rs, n) -> new Operator(rs.getString(1), rs.getString(2), rs.getString(3))).optional().orElse(null);
    }

    // --- the bulk check's in-memory index -----------------------------------------------------------

    /**
     * What the index depends on: the last change of any label and of any product (a new version touches its
     * product), and the number of labels.
     */
    Freshness freshness() {
        return jdbc.sql("select (select max(updated_at) from label), (select max(updated_at) from product),"
                        + " (select count(*) from label)")
                .query((rs, n) -> new Freshness(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class),
                        rs.getLong(3))).single();
    }

    record Freshness(OffsetDateTime labels, OffsetDateTime products, long labelCount) {
    }

    /** The products whose labels or own rows changed at or after these times (null: none known). */
    Set<UUID> changedProducts(OffsetDateTime labelsSince, OffsetDateTime productsSince) {
        return Set.copyOf(jdbc.sql("select product_id from label where updated_at >= :l"
                        + " union select id from product where updated_at >= :p")
                .param("l", labelsSince).param("p", productsSince).query(UUID.class).list());
    }

    /** A public label under one key (a model number or a GTIN): its product, id, level, stored state and expiry day. */
    record Keyed(String key, UUID productId, String labelId, String scheme, String level, String status,
                 LocalDate expiry) {
    }

    private static final String KEYED_COLUMNS = ", l.product_id, l.label_id, l.scheme, l.level, l.status, l.expiry";
    private static final RowMapper<Keyed> KEYED = (rs, n) -> new Keyed(rs.getString(1), rs.getObject(2, UUID.class),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class));

    /** The public labels by model number: all of them, or only those of {@code products} when not null. */
    List<Keyed> byModelNumber(Collection<UUID> products) {
        return keyed("select m.model_number" + KEYED_COLUMNS + PUBLIC_LABELS.replace(" where ",
                " join product_model m on m.product_id = l.product_id where "), products);
    }

    /** The public labels by GTIN, each for a version the label lists: all, or only those of {@code products}. */
    List<Keyed> byGtin(Collection<UUID> products) {
        return keyed("select v.gtin" + KEYED_COLUMNS + PUBLIC_LABELS.replace(" where ",
                " join product_version v on v.product_id = l.product_id where v.gtin is not null and ")
                + " and position(chr(10) || v.version || chr(10) in chr(10) || l.versions || chr(10)) > 0", products);
    }

    private List<Keyed> keyed(String sql, Collection<UUID> products) {
        if (products == null) {
            return jdbc.sql(sql).query(KEYED).list();
        }
        return products.isEmpty() ? List.of()
                : jdbc.sql(sql + " and l.product_id in (:products)").param("products", products).query(KEYED).list();
    }
}
