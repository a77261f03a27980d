package io.iotseal.server.sbom;

import io.iotseal.sbom.SbomComponent;
import io.iotseal.sbom.SbomDocument;
import io.iotseal.sbom.SbomFormat;
import io.iotseal.sbom.SbomWarning;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SBOM rows, their components and warnings (V25); the bytes live in the evidence store. */
@Repository
class SbomRepository {

    private static final String SELECT = "select s.id, s.product_id, s.version_id, s.sha256, s.format, s.spec_version,"
            + " b.size_bytes, s.component_count, s.warning_count, s.uploaded_by, s.uploaded_at"
            + " from sbom s join evidence_blob b on b.sha256 = s.sha256";

    private final JdbcClient jdbc;

    SbomRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SbomSummary s, SbomDocument d) {
        jdbc.sql("insert into sbom (id, product_id, version_id, sha256, format, spec_version, component_count,"
                        + " warning_count, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(s.id(), s.productId(), s.versionId(), s.sha256(), s.format().name(), s.specVersion(),
                        s.componentCount(), s.warningCount(), s.uploadedBy(), s.uploadedAt())
                .update();
        int seq = 0;
        for (SbomComponent c : d.components()) {
            jdbc.sql("insert into sbom_component (sbom_id, seq, ref, name, version, purl, cpe, supplier)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(s.id(), seq++, c.ref(), c.name(), c.version(), c.purl(), c.cpe(), c.supplier()).update();
        }
        seq = 0;
        for (SbomWarning w : d.warnings()) {
            jdbc.sql("insert into sbom_warning (sbom_id, seq, location, message) values (?, ?, ?, ?)")
                    .params(s.id(), seq++, w.location(), w.message()).update();
        }
    }

    List<SbomSummary> list(UUID versionId) {
        return jdbc.sql(SELECT + " where s.version_id = ? order by s.uploaded_at desc, s.id")
                .param(versionId).query(SbomRepository::summary).list();
    }

    Optional<SbomSummary> find(UUID versionId, String sha256) {
        return jdbc.sql(SELECT + " where s.version_id = ? and s.sha256 = ?").params(versionId, sha256)
                .query(SbomRepository::summary).optional();
    }

    List<SbomComponent> components(UUID sbomId) {
        return jdbc.sql("select ref, name, version, purl, cpe, supplier from sbom_component where sbom_id = ? order by seq")
                .param(sbomId)
                .query((rs, n) -> new SbomComponent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list();
    }

    List<SbomWarning> warnings(UUID sbomId) {
        return jdbc.sql("select location, message from sbom_warning where sbom_id = ? order by seq").param(sbomId)
                .query((rs, n) -> new SbomWarning(rs.getString(1), rs.getString(2))).list();
    }

    private static SbomSummary summary(ResultSet rs, int n) throws SQLException {
        SbomFormat format = SbomFormat.valueOf(rs.getString("format"));
        return new SbomSummary(rs.getObject("id", UUID.class), rs.getObject("product_id", UUID.class),
                rs.getObject("version_id", UUID.class), rs.getString("sha256"), format, format.mediaType(),
                rs.getString("spec_version"), rs.getLong("size_bytes"), rs.getInt("component_count"),
                rs.getInt("warning_count"), rs.getString("uploaded_by"),
                rs.getObject("uploaded_at", OffsetDateTime.class));
    }
}
