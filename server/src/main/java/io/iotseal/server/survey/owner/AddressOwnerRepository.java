package io.iotseal.server.survey.owner;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for the address-to-owner table (V37__address_owners.sql). Addresses are numbers of the common space. */
@Repository
class AddressOwnerRepository {

    static final int BATCH = 1000;

    record Import(UUID id, String sourceKind, String fileName, String sha256, int blocks, int skippedLines,
                  boolean active, String importedBy, OffsetDateTime importedAt) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    AddressOwnerRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void insertImport(Import i) {
        jdbc.sql("insert into address_owner_import (id, source_kind, file_name, sha256, block_count, skipped_lines, active,"
                        + " imported_by, imported_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(i.id(), i.sourceKind(), i.fileName(), i.sha256(), i.blocks(), i.skippedLines(), i.active(),
                        i.importedBy(), i.importedAt()).update();
    }

    void insertBlocks(UUID importId, List<OwnerBlock> blocks) {
        List<Object[]> rows = new ArrayList<>(blocks.size());
        for (OwnerBlock b : blocks) {
            rows.add(new Object[]{UUID.randomUUID(), importId, new BigDecimal(b.first()), new BigDecimal(b.last()),
                    new BigDecimal(b.last().subtract(b.first()).add(BigInteger.ONE)), b.prefix(), b.ownerId(),
                    b.ownerName(), b.country(), b.contactEmail(), b.line()});
        }
        template.batchUpdate("insert into address_owner_block (id, import_id, first_address, last_address, block_size,"
                + " prefix, owner_id, owner_name, country, contact_email, line_number)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /** Makes {@code id} the one active import and drops the blocks of every other (in the caller's transaction). */
    void activate(UUID id, int blocks, int skipped) {
        jdbc.sql("delete from address_owner_block where import_id <> ?").param(id).update();
        jdbc.sql("update address_owner_import set active = false where id <> ? and active = true").param(id).update();
        jdbc.sql("update address_owner_import set active = true, block_count = ?, skipped_lines = ? where id = ?")
                .params(blocks, skipped, id).update();
    }

    /**
     * After a bulk import PostgreSQL plans with the statistics of the table before it (a handful of rows) and reads
     * every block for each lookup (measured: 18 ms for 200,000 blocks, against 0.1 ms with fresh statistics), until
     * autovacuum catches up; so the import refreshes them itself, as V2 and V21 do their PostgreSQL-only indexes.
     * H2 plans the lookup on its index without statistics.
     */
    void refreshStatistics() {
        Boolean postgres = template.execute((java.sql.Connection c) ->
                "PostgreSQL".equals(c.getMetaData().getDatabaseProductName()));
        if (Boolean.TRUE.equals(postgres)) {
            template.execute("analyze address_owner_block");
        }
    }

    Optional<Import> active() {
        return jdbc.sql("select * from address_owner_import where active = true").query((rs, n) -> row(rs)).optional();
    }

    List<Import> recent(int limit) {
        return jdbc.sql("select * from address_owner_import order by imported_at desc, id limit " + limit).query((rs, n) -> row(rs)).list();
    }

    /**
     * The smallest block of the active table that holds {@code address}; ties go to the later line of the file.
     * Every stored block is a prefix, so the blocks that can hold the address start at one of its 129 prefix
     * boundaries: an index probe each, on both databases, however large the table (ADR 0106). Only the active
     * import's blocks are ever committed ({@link #activate} drops the others in the importing transaction), so the
     * query names no import: with one, PostgreSQL's statistics of a freshly imported table made it read every block.
     */
    Optional<Owner.Block> lookup(BigInteger address) {
        List<BigDecimal> firsts = Addresses.candidates(address).stream().map(BigDecimal::new).toList();
        return jdbc.sql("select prefix, owner_id, owner_name, country, contact_email from address_owner_block"
                        + " where first_address in (:firsts) and last_address >= :address"
                        + " order by block_size, line_number desc limit 1")
                .param("firsts", firsts).param("address", new BigDecimal(address))
                .query((rs, n) -> new Owner.Block(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .optional();
    }

    private Import row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Import(rs.getObject("id", UUID.class), rs.getString("source_kind"), rs.getString("file_name"),
                rs.getString("sha256"), rs.getInt("block_count"), rs.getInt("skipped_lines"), rs.getBoolean("active"),
                rs.getString("imported_by"), rs.getObject("imported_at", OffsetDateTime.class));
    }
}
