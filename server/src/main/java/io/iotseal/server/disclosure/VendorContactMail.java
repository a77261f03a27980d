package io.iotseal.server.disclosure;

import io.iotseal.openpgp.OpenPgpException;
import io.iotseal.openpgp.OpenPgpPublicKey;
import io.iotseal.server.access.Actor;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.notification.NotificationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one e-mail a report sends to the product's vulnerability contact (ADR 0102), after the intake committed,
 * through the mail server of the notifications ({@code spring.mail.*}). With the vendor's published OpenPGP key the
 * mail holds the report as an ASCII-armored OpenPGP message (inline: readable by any mail client with an OpenPGP
 * plug-in, and by {@code gpg} on the saved text); without one it holds no report text, only where to read it. The
 * outcome is recorded with the case (SENT, or NOT_SENT with the reason: no mail server, the server's refusal), and
 * audited: a report is never dropped silently. Sending blocks, so it runs on a virtual thread.
 */
@Component
class VendorContactMail {

    private static final Logger log = LoggerFactory.getLogger(VendorContactMail.class);
    private static final int MAX_DETAIL = 500;

    private final ObjectProvider<JavaMailSender> mail;
    private final NotificationProperties notifications;
    private final CaseRepository cases;
    private final RoutingRepository routing;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final String publicUrl;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    VendorContactMail(ObjectProvider<JavaMailSender> mail, NotificationProperties notifications, CaseRepository cases,
                      RoutingRepository routing, AuditLog audit, MessageSource messages, Clock clock,
                      PlatformTransactionManager transactions,
                      @Value("${iotseal.labels.public-url:https://localhost}") String publicUrl) {
        this.mail = mail;
        this.notifications = notifications;
        this.cases = cases;
        this.routing = routing;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** After commit only: a report whose intake rolled back is never mailed. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void afterCommit(ReportRouting.Routed routed) {
        threads.execute(() -> send(routed.caseId()));
    }

    /** Sends the mail of a case whose mail is pending and records how it went. */
    void send(UUID caseId) {
        String state;
        String encryptedTo = null;
        String detail;
        try {
            CaseView c = cases.find(caseId).orElseThrow();
            CaseRouting r = routing.find(caseId).orElseThrow();
            RoutingRepository.Destination d = routing.destination(c.label());
            JavaMailSender sender = mail.getIfAvailable();
            if (sender == null) {
                record(caseId, CaseRouting.NOT_SENT, null, "not sent: no mail server (spring.mail.host is not set)");
                return;
            }
            Built built = build(c, r.mailTo(), d);
            sender.send(built.message());
            state = CaseRouting.SENT;
            encryptedTo = built.encryptedTo();
            detail = built.detail();
        } catch (MailException e) {
            state = CaseRouting.NOT_SENT;
            detail = "not sent: the mail server refused: " + e.getMessage();
        } catch (RuntimeException e) {
            log.warn("vulnerability report mail of case {} not sent", caseId, e);
            state = CaseRouting.NOT_SENT;
            detail = "not sent: " + e;
        }
        record(caseId, state, encryptedTo, detail);
    }

    private void record(UUID caseId, String state, String encryptedTo, String detail) {
        String shortDetail = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        transaction.executeWithoutResult(tx -> {
            if (routing.mailOutcome(caseId, state, encryptedTo, shortDetail, now)) {
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("mail", state);
                after.put("encryptedTo", encryptedTo);
                after.put("detail", shortDetail);
                audit.record(Actor.SYSTEM, "case.route.mail", "disclosure_case", caseId, null, after);
            }
        });
    }

    private record Built(SimpleMailMessage message, String encryptedTo, String detail) {
    }

    /**
     * The mail: the report encrypted to the product's key when it has one that may encrypt; otherwise no report
     * text at all. The subject names the product and label only (subjects are never encrypted).
     */
    Built build(CaseView c, String to, RoutingRepository.Destination d) {
        Locale en = Locale.ENGLISH;
        String received = c.moments().receivedAt().truncatedTo(ChronoUnit.SECONDS).toString();
        String consoleLink = publicUrl + "/vendor/cases/" + c.id();
        String registration = d.registrationNumber();
        SimpleMailMessage m = new SimpleMailMessage();
        m.setFrom(notifications.mailFrom());
        m.setTo(to);
        m.setSubject(messages.getMessage("case.routing.mail.subject", new Object[]{c.productName(), c.labelId()}, en));
        String encryptedTo = null;
        String detail = null;
        String armored = null;
        if (d.openPgpKey() != null) {
            try {
                OpenPgpPublicKey key = OpenPgpPublicKey.parse(d.openPgpKey());
                armored = key.encrypt(report(c, registration, received).getBytes(StandardCharsets.UTF_8), clock.instant());
                encryptedTo = key.fingerprint();
            } catch (OpenPgpException e) {
                // The key passed when saved but cannot encrypt now (expired, say): mail without the report.
                detail = "sent without the report: " + e.getMessage();
            }
        }
        m.setText(armored != null
                ? messages.getMessage("case.routing.mail.encrypted", new Object[]{c.productName(), c.labelId(),
                        registration, received, encryptedTo, armored.strip(), consoleLink}, en)
                : messages.getMessage("case.routing.mail.withoutReport", new Object[]{c.productName(), c.labelId(),
                        registration, received, consoleLink}, en));
        return new Built(m, encryptedTo, detail);
    }

    /** The report as the vendor reads it once decrypted. */
    private String report(CaseView c, String registration, String received) {
        Locale en = Locale.ENGLISH;
        String none = messages.getMessage("case.routing.mail.notGiven", null, en);
        String reporter = c.reporterName() == null && c.reporterEmail() == null ? none
                : (c.reporterName() == null ? "" : c.reporterName() + " ")
                + (c.reporterEmail() == null ? "" : "<" + c.reporterEmail() + ">");
        return messages.getMessage("case.routing.mail.report", new Object[]{c.id().toString(), c.labelId(), registration,
                c.productName(), c.productVersion() == null ? none : c.productVersion(),
                messages.getMessage(c.reportedExploited() ? "case.routing.mail.yes" : "case.routing.mail.no", null, en),
                reporter.strip(), messages.getMessage(c.reporterConsents() ? "case.routing.mail.yes" : "case.routing.mail.no",
                null, en), received, c.summary(), CaseService.readDetails(c.details())}, en);
    }
}
