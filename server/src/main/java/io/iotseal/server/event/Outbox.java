package io.iotseal.server.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The transactional outbox (ADR 0081): services record an event in the transaction of the change that
 * causes it, so the event exists exactly when the change does; delivery happens later, after commit, in
 * the dispatcher (package {@code notification}), which never holds up the change. This package knows
 * nothing of delivery, so the label and assessment services can use it without depending on webhooks or
 * mail. The event's data is read here from the rows as the caller's transaction sees them.
 */
@Component
public class Outbox {

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final List<Runnable> onCommit = new CopyOnWriteArrayList<>();

    public Outbox(JdbcClient jdbc, ObjectMapper mapper, Clock clock) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Called after a transaction that recorded events commits: the dispatcher wakes up at once. */
    public void afterCommit(Runnable listener) {
        onCommit.add(listener);
    }

    /** Records an event about a label (its id, the table's UUID), with extra data the cause adds. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID label(EventType type, UUID label, Map<String, Object> extra) {
        return labelEvent(type, label, extra, null, true, true, true);
    }

    /** Records an event about a label told only to its vendor and the operator, whatever the product's publicity. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID labelPrivately(EventType type, UUID label, Map<String, Object> extra) {
        if (type.aboutLabel()) {
            throw new IllegalArgumentException(type + " is a public label event");
        }
        return labelPrivately(type, label, extra, true);
    }

    /**
     * Records a private label event that the operator's subscriptions receive only when {@code operatorCopy} is
     * true: a vulnerability report about a product whose scheme's data does not copy the operator goes to the
     * vendor alone (ADR 0102). The operator still reads the case in its console; only the push is withheld.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID labelPrivately(EventType type, UUID label, Map<String, Object> extra, boolean operatorCopy) {
        if (type.aboutLabel()) {
            throw new IllegalArgumentException(type + " is a public label event");
        }
        return labelEvent(type, label, extra, null, false, operatorCopy, true);
    }

    /**
     * Records a label event told to the operator's subscriptions alone: not to the label's vendor, never public
     * (the row names no vendor, so no vendor subscription matches it). A survey's findings on a label are evidence
     * for the operator, who decides what to put to the vendor (ADR 0105).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID labelForOperator(EventType type, UUID label, Map<String, Object> extra) {
        if (type.aboutLabel()) {
            throw new IllegalArgumentException(type + " is a public label event");
        }
        return labelEvent(type, label, extra, null, false, true, false);
    }

    /**
     * Records a private label event ({@link #labelPrivately}) at most once per {@code dedupeKey}: a scheduled
     * check's events about a confidential matter (a case's deadline), which several instances may find at once;
     * false when it was recorded before.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean labelPrivatelyOnce(EventType type, UUID label, String dedupeKey, Map<String, Object> extra) {
        if (type.aboutLabel()) {
            throw new IllegalArgumentException(type + " is a public label event");
        }
        return labelEvent(type, label, extra, dedupeKey, false, true, true) != null;
    }

    /**
     * Records a label event at most once per {@code dedupeKey} (the calendar job's events, which several
     * instances may find at the same time); false when it was recorded before.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean labelOnce(EventType type, UUID label, String dedupeKey, Map<String, Object> extra) {
        return labelEvent(type, label, extra, dedupeKey, true, true, true) != null;
    }

    private UUID labelEvent(EventType type, UUID label, Map<String, Object> extra, String dedupeKey,
                            boolean mayBePublic, boolean operatorCopy, boolean toVendor) {
        if (mayBePublic && !type.aboutLabel()) {
            throw new IllegalArgumentException(type + " is not about a label");
        }
        record Row(String labelId, String registrationNumber, String scheme, String level, String status,
                   String reason, LocalDate issued, LocalDate expiry, LocalDate supportEnd, UUID vendorId,
                   String vendorName, UUID productId, String productName, boolean publicProduct) {
        }
        Row r = jdbc.sql("select l.label_id, l.registration_number, l.scheme, l.level, l.status, l.reason, l.issued,"
                        + " l.expiry, l.support_end, l.vendor_id, l.vendor_name, l.product_id, l.product_name_en,"
                        + " p.published and p.in_scope as public_product"
                        + " from label l join product p on p.id = l.product_id where l.id = ?")
                .param(label)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getObject(10, UUID.class),
                        rs.getString(11), rs.getObject(12, UUID.class), rs.getString(13), rs.getBoolean(14)))
                .single();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labelId", r.labelId());
        data.put("registrationNumber", r.registrationNumber());
        data.put("scheme", r.scheme());
        data.put("level", r.level());
        data.put("status", r.status().toLowerCase(java.util.Locale.ROOT));
        data.put("reason", r.reason());
        data.put("issued", r.issued().toString());
        data.put("expiry", r.expiry().toString());
        data.put("supportEnd", r.supportEnd().toString());
        data.put("vendorId", r.vendorId().toString());
        data.put("vendorName", r.vendorName());
        data.put("productName", r.productName());
        data.putAll(extra);
        return insert(type, r.labelId(), toVendor ? r.vendorId() : null, null, r.labelId(), mayBePublic && r.publicProduct(), data,
                dedupeKey, operatorCopy);
    }

    /** Records an assessment's change of state, for its vendor, its lab and the operator (never public). */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID assessmentStateChanged(UUID assessment, String action, String from, String to) {
        record Row(UUID vendorId, UUID labId, UUID productId, String productVersion, String target) {
        }
        Row r = jdbc.sql("select vendor_id, lab_id, product_id, product_version, target from assessment where id = ?")
                .param(assessment)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5)))
                .single();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("assessmentId", assessment.toString());
        data.put("productId", r.productId().toString());
        data.put("productVersion", r.productVersion());
        data.put("target", r.target());
        data.put("action", action);
        data.put("from", from);
        data.put("to", to);
        data.put("vendorId", r.vendorId().toString());
        data.put("labId", r.labId() == null ? null : r.labId().toString());
        return insert(EventType.ASSESSMENT_STATE_CHANGED, assessment.toString(), r.vendorId(), r.labId(), null, false,
                data, null, true);
    }

    /** Inserts the row; null when an event of the same dedupe key exists. */
    private UUID insert(EventType type, String subject, UUID vendor, UUID lab, String labelId, boolean publicEvent,
                        Map<String, Object> data, String dedupeKey, boolean operatorCopy) {
        UUID id = UUID.randomUUID();
        int rows = jdbc.sql("insert into notification_event (id, type, subject, vendor_id, lab_id, label_id, public_event,"
                        + " data, occurred_at, dedupe_key, fanned_out, operator_copy)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?)"
                        + (dedupeKey == null ? "" : " on conflict do nothing"))
                .params(id, type.code(), subject, vendor, lab, labelId, publicEvent, json(data), OffsetDateTime.now(clock),
                        dedupeKey, operatorCopy)
                .update();
        if (rows == 0) {
            return null;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    onCommit.forEach(Runnable::run);
                }
            });
        }
        return id;
    }

    private String json(Object data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data not serialisable", e);
        }
    }
}
