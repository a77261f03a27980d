package io.iotseal.server.assessment;

import io.iotseal.assessment.Action;
import io.iotseal.assessment.AssessmentState;
import io.iotseal.assessment.Route;
import io.iotseal.coverage.Verdict;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Assessments, answers, evidence links, transitions and test cases, in plain SQL. */
@Repository
class AssessmentRepository {

    private final JdbcClient jdbc;

    AssessmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final RowMapper<AssessmentRow> ROW = (rs, n) -> new AssessmentRow(rs.getObject("id", UUID.class),
            rs.getObject("product_id", UUID.class), rs.getObject("vendor_id", UUID.class), rs.getString("product_version"),
            rs.getString("target"), Route.valueOf(rs.getString("route")), AssessmentState.valueOf(rs.getString("state")),
            rs.getString("profile_json"), rs.getObject("lab_id", UUID.class),
            rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
            rs.getLong("version"));

    Optional<AssessmentRow> find(UUID id) {
        return jdbc.sql("select * from assessment where id = ?").param(id).query(ROW).optional();
    }

    /** Assessments the caller may see: all (operator), or those of the given vendors or labs. */
    List<AssessmentRow> list(boolean all, Collection<UUID> vendors, Collection<UUID> labs, UUID productId, int limit, long offset) {
        Map<String, Object> params = new HashMap<>();
        String where = where(all, vendors, labs, productId, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("select * from assessment a" + where + " order by a.created_at desc, a.id limit :limit offset :offset")
                .params(params).query(ROW).list();
    }

    /** Since when an assessment has been in its state: its last transition, or its creation. */
    private static final String WAITING_SINCE = "coalesce((select max(t.occurred_at) from assessment_transition t"
            + " where t.assessment_id = a.id), a.created_at)";

    /** The operator's work queue (ADR 0086): assessments in {@code state}, the one waiting longest first. */
    List<AssessmentRow> waiting(AssessmentState state, Route route, int limit, long offset) {
        return jdbc.sql("select a.* from assessment a where a.state = :state" + (route == null ? "" : " and a.route = :route")
                        + " order by " + WAITING_SINCE + ", a.id limit :limit offset :offset")
                .param("state", state.name()).param("route", route == null ? "" : route.name())
                .param("limit", limit).param("offset", offset).query(ROW).list();
    }

    long countWaiting(AssessmentState state, Route route) {
        return jdbc.sql("select count(*) from assessment a where a.state = :state"
                        + (route == null ? "" : " and a.route = :route"))
                .param("state", state.name()).param("route", route == null ? "" : route.name())
                .query(Long.class).single();
    }

    long count(boolean all, Collection<UUID> vendors, Collection<UUID> labs, UUID productId) {
        Map<String, Object> params = new HashMap<>();
        String where = where(all, vendors, labs, productId, params);
        return jdbc.sql("select count(*) from assessment a" + where).params(params).query(Long.class).single();
    }

    private static String where(boolean all, Collection<UUID> vendors, Collection<UUID> labs, UUID productId,
                                Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(" where 1 = 1");
        if (!all) {
            sql.append(" and (1 = 0");
            if (!vendors.isEmpty()) {
                sql.append(" or a.vendor_id in (:vendors)");
                params.put("vendors", vendors);
            }
            if (!labs.isEmpty()) {
                sql.append(" or a.lab_id in (:labs)");
                params.put("labs", labs);
            }
            sql.append(")");
        }
        if (productId != null) {
            sql.append(" and a.product_id = :product");
            params.put("product", productId);
        }
        return sql.toString();
    }

    void insert(AssessmentRow a) {
        jdbc.sql("insert into assessment (id, product_id, vendor_id, product_version, target, route, state, profile_json,"
                        + " lab_id, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(a.id(), a.productId(), a.vendorId(), a.productVersion(), a.target(), a.route().name(),
                        a.state().name(), a.profileJson(), a.labId(), a.createdAt(), a.updatedAt(), a.version())
                .update();
    }

    /**
     * Moves the assessment to its next version (and state, lab) if nobody else did first; false when
     * the version read is no longer current, which the caller answers with 412.
     */
    boolean advance(UUID id, long expectedVersion, AssessmentState state, UUID labId, OffsetDateTime now) {
        return jdbc.sql("update assessment set state = ?, lab_id = ?, updated_at = ?, version = version + 1"
                        + " where id = ? and version = ?")
                .params(state.name(), labId, now, id, expectedVersion).update() == 1;
    }

    // --- answers ----------------------------------------------------------------------------------

    List<StoredAnswer> answers(UUID id) {
        return answersOf(List.of(id)).getOrDefault(id, List.of());
    }

    /** The answers of several assessments in one query (a listing page reads them all at once). */
    Map<UUID, List<StoredAnswer>> answersOf(Collection<UUID> ids) {
        return byAssessment(ids, "select assessment_id, catalog, requirement, verdict, justification, provenance_json,"
                        + " answered_by, answered_at from assessment_answer where assessment_id in (:ids)"
                        + " order by assessment_id, catalog, requirement",
                (rs, n) -> new StoredAnswer(rs.getString(2), rs.getString(3), Verdict.valueOf(rs.getString(4)),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class)));
    }

    /**
     * Rows of a child table grouped by assessment, in the query's order; the query selects the
     * assessment id first and filters on {@code :ids}. No query at all for no ids.
     */
    private <T> Map<UUID, List<T>> byAssessment(Collection<UUID> ids, String sql, RowMapper<T> mapper) {
        Map<UUID, List<T>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql(sql).param("ids", ids).query((rs, n) -> {
            out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(mapper.mapRow(rs, n));
            return null;
        }).list();
        return out;
    }

    /** What an assessment's view shows of its product: its English name and its vendor's name. */
    record ProductNames(String name, String vendorName) {
    }

    /** Product and vendor names by product id, in one query, for the assessments of a listing page. */
    Map<UUID, ProductNames> productNames(Collection<UUID> productIds) {
        Map<UUID, ProductNames> out = new HashMap<>();
        if (!productIds.isEmpty()) {
            jdbc.sql("select p.id, p.name_en, o.name from product p join organization o on o.id = p.vendor_id"
                            + " where p.id in (:ids)").param("ids", productIds)
                    .query((rs, n) -> out.put(rs.getObject(1, UUID.class), new ProductNames(rs.getString(2), rs.getString(3))))
                    .list();
        }
        return out;
    }

    void putAnswer(UUID id, StoredAnswer a) {
        jdbc.sql("delete from assessment_answer where assessment_id = ? and catalog = ? and requirement = ?")
                .params(id, a.catalog(), a.requirement()).update();
        jdbc.sql("insert into assessment_answer (assessment_id, catalog, requirement, verdict, justification,"
                        + " provenance_json, answered_by, answered_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, a.catalog(), a.requirement(), a.verdict().name(), a.justification(), a.provenanceJson(),
                        a.answeredBy(), a.answeredAt())
                .update();
    }

    // --- evidence ---------------------------------------------------------------------------------

    List<EvidenceView> evidence(UUID id) {
        return evidenceOf(List.of(id)).getOrDefault(id, List.of());
    }

    Map<UUID, List<EvidenceView>> evidenceOf(Collection<UUID> ids) {
        return byAssessment(ids, "select e.assessment_id, e.id, e.sha256, e.file_name, e.media_type, b.size_bytes, e.kind,"
                        + " e.catalog, e.requirement, e.uploaded_by, e.uploaded_at from assessment_evidence e"
                        + " join evidence_blob b on b.sha256 = e.sha256"
                        + " where e.assessment_id in (:ids) order by e.assessment_id, e.uploaded_at, e.id",
                (rs, n) -> new EvidenceView(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), EvidenceKind.valueOf(rs.getString(7)),
                        rs.getString(8) == null ? null : rs.getString(8) + "#" + rs.getString(9), rs.getString(10),
                        rs.getObject(11, OffsetDateTime.class)));
    }

    void insertEvidence(UUID assessmentId, EvidenceView e, String catalog, String requirement) {
        jdbc.sql("insert into assessment_evidence (id, assessment_id, sha256, file_name, media_type, kind, catalog,"
                        + " requirement, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.id(), assessmentId, e.sha256(), e.fileName(), e.mediaType(), e.kind().name(), catalog,
                        requirement, e.uploadedBy(), e.uploadedAt())
                .update();
    }

    // --- transitions and test cases ---------------------------------------------------------------

    List<TransitionView> transitions(UUID id) {
        return transitionsOf(List.of(id)).getOrDefault(id, List.of());
    }

    Map<UUID, List<TransitionView>> transitionsOf(Collection<UUID> ids) {
        Map<UUID, List<RequirementComment>> comments = byAssessment(ids, "select assessment_id, seq, catalog,"
                        + " requirement, comment from assessment_requirement_comment where assessment_id in (:ids)"
                        + " order by assessment_id, seq, catalog, requirement",
                (rs, n) -> new RequirementComment(rs.getInt(2), rs.getString(3) + "#" + rs.getString(4), rs.getString(5)));
        Map<UUID, List<TransitionView>> out = byAssessment(ids, "select assessment_id, seq, action, from_state, to_state,"
                        + " actor, comment, occurred_at from assessment_transition where assessment_id in (:ids)"
                        + " order by assessment_id, seq",
                (rs, n) -> new TransitionView(rs.getInt(2), Action.valueOf(rs.getString(3)),
                        AssessmentState.valueOf(rs.getString(4)), AssessmentState.valueOf(rs.getString(5)),
                        rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class), Map.of()));
        if (comments.isEmpty()) {
            return out;
        }
        Map<UUID, List<TransitionView>> withComments = new HashMap<>();
        out.forEach((assessment, transitions) -> withComments.put(assessment, transitions.stream().map(t -> {
            Map<String, String> mine = new java.util.LinkedHashMap<>();
            comments.getOrDefault(assessment, List.of()).stream().filter(c -> c.seq() == t.seq())
                    .forEach(c -> mine.put(c.requirement(), c.comment()));
            return mine.isEmpty() ? t : new TransitionView(t.seq(), t.action(), t.from(), t.to(), t.actor(), t.comment(),
                    t.at(), mine);
        }).toList()));
        return withComments;
    }

    private record RequirementComment(int seq, String requirement, String comment) {
    }

    void insertTransition(UUID id, TransitionView t) {
        jdbc.sql("insert into assessment_transition (assessment_id, seq, action, from_state, to_state, actor, comment,"
                        + " occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, t.seq(), t.action().name(), t.from().name(), t.to().name(), t.actor(), t.comment(), t.at())
                .update();
        t.requirementComments().forEach((ref, text) -> {
            int hash = ref.indexOf('#');
            jdbc.sql("insert into assessment_requirement_comment (assessment_id, seq, catalog, requirement, comment)"
                            + " values (?, ?, ?, ?, ?)")
                    .params(id, t.seq(), ref.substring(0, hash), ref.substring(hash + 1), text).update();
        });
    }

    List<TestCaseView> testCases(UUID id) {
        return testCasesOf(List.of(id)).getOrDefault(id, List.of());
    }

    Map<UUID, List<TestCaseView>> testCasesOf(Collection<UUID> ids) {
        return byAssessment(ids, "select assessment_id, id, catalog, requirement, test_id, kind, verdict, description,"
                        + " result, recorded_by, recorded_at from assessment_test_case where assessment_id in (:ids)"
                        + " order by assessment_id, recorded_at, test_id",
                (rs, n) -> new TestCaseView(rs.getObject(2, UUID.class), rs.getString(3) + "#" + rs.getString(4),
                        rs.getString(5), TestCaseKind.valueOf(rs.getString(6)), TestCaseVerdict.valueOf(rs.getString(7)),
                        rs.getString(8), rs.getString(9), rs.getString(10), rs.getObject(11, OffsetDateTime.class)));
    }

    void insertTestCase(UUID assessmentId, TestCaseView t, String catalog, String requirement) {
        jdbc.sql("insert into assessment_test_case (id, assessment_id, catalog, requirement, test_id, kind, verdict,"
                        + " description, result, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(t.id(), assessmentId, catalog, requirement, t.testId(), t.kind().name(), t.verdict().name(),
                        t.description(), t.result(), t.recordedBy(), t.recordedAt())
                .update();
    }
}
