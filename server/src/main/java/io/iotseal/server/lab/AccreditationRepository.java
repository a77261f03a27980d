package io.iotseal.server.lab;

import io.iotseal.server.product.Category;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Lab accreditations in plain SQL; list columns are comma-separated (ids and enum names have no commas). */
@Repository
class AccreditationRepository {

    private static final RowMapper<Accreditation> ROW = (rs, n) -> new Accreditation(rs.getObject("id", UUID.class),
            rs.getObject("lab_id", UUID.class), AccreditationStandard.valueOf(rs.getString("standard")),
            rs.getString("accrediting_body"), rs.getString("certificate_number"), rs.getString("scheme"),
            split(rs.getString("levels")), split(rs.getString("product_categories")).stream().map(Category::valueOf).toList(),
            rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class));

    private final JdbcClient jdbc;

    AccreditationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    void insert(Accreditation a, String createdBy, OffsetDateTime now) {
        jdbc.sql("insert into lab_accreditation (id, lab_id, standard, accrediting_body, certificate_number, scheme, levels,"
                        + " product_categories, valid_from, valid_until, created_by, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(a.id(), a.labId(), a.standard().name(), a.accreditingBody(), a.certificateNumber(), a.scheme(),
                        String.join(",", a.levels()),
                        String.join(",", a.productCategories().stream().map(Category::name).toList()),
                        a.validFrom(), a.validUntil(), createdBy, now)
                .update();
    }

    boolean certificateExists(String accreditingBody, String certificateNumber) {
        return jdbc.sql("select count(*) from lab_accreditation where accrediting_body = ? and certificate_number = ?")
                .params(accreditingBody, certificateNumber).query(Long.class).single() > 0;
    }

    List<Accreditation> ofLab(UUID labId) {
        return jdbc.sql("select * from lab_accreditation where lab_id = ? order by valid_until desc, id")
                .param(labId).query(ROW).list();
    }

    /** Certificates valid on {@code day}, of every lab, lab by lab. */
    List<Accreditation> validOn(LocalDate day) {
        return jdbc.sql("select * from lab_accreditation where valid_from <= ? and valid_until >= ? order by lab_id, scheme, id")
                .params(day, day).query(ROW).list();
    }
}
