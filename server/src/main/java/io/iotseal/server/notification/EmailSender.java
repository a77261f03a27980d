package io.iotseal.server.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The e-mail channel (ADR 0081): plain-text mail over SMTP (Spring's {@code spring.mail.*}), in the
 * subscription's language (ja or en) from the bundle {@code notifications/messages}. Sending blocks, so
 * it runs on a virtual thread; the dispatcher's slots bound how many at once. Without a mail server
 * configured, e-mail subscriptions are refused when made (422 naming {@code channel}).
 */
@Component
class EmailSender {

    private final ObjectProvider<JavaMailSender> mail;
    private final ObjectMapper mapper;
    private final NotificationProperties properties;
    private final String publicUrl;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    EmailSender(ObjectProvider<JavaMailSender> mail, ObjectMapper mapper, NotificationProperties properties,
                @Value("${iotseal.labels.public-url:https://localhost}") String publicUrl) {
        this.mail = mail;
        this.mapper = mapper;
        this.properties = properties;
        this.publicUrl = publicUrl;
    }

    boolean configured() {
        return mail.getIfAvailable() != null;
    }

    CompletableFuture<Outcome> send(Claimed c) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return CompletableFuture.completedFuture(Outcome.failed(c, 0, "no mail server configured (spring.mail.host)"));
        }
        SimpleMailMessage message = message(c);
        return CompletableFuture.supplyAsync(() -> {
            try {
                sender.send(message);
                return Outcome.delivered(c, 250);
            } catch (MailException e) {
                return Outcome.failed(c, 0, e.getMessage());
            }
        }, threads);
    }

    SimpleMailMessage message(Claimed c) {
        Subscription s = c.subscription();
        Locale locale = "ja".equals(s.locale()) ? Locale.JAPANESE : Locale.ENGLISH;
        ResourceBundle texts = ResourceBundle.getBundle("notifications/messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        JsonNode data = data(c.event());
        EventRow e = c.event();
        boolean label = e.labelId() != null;
        Object[] args = label
                ? new Object[]{e.subject(), data.path("productName").asText(), data.path("vendorName").asText(),
                        data.path("status").asText(), detail(data), link(s, e, data)}
                : new Object[]{e.subject(), data.path("productVersion").asText(), data.path("target").asText(),
                        data.path("to").asText(), data.path("action").asText(), publicUrl + "/api/v1/assessments/" + e.subject()};
        String title = format(texts, "title." + e.type(), locale, args);
        SimpleMailMessage m = new SimpleMailMessage();
        m.setFrom(properties.mailFrom());
        m.setTo(s.email());
        m.setSubject(format(texts, "subject", locale, title));
        Object[] bodyArgs = args.clone();
        bodyArgs[0] = title;
        m.setText(format(texts, label ? "body.label" : "body.assessment", locale, bodyArgs) + "\n"
                + format(texts, "footer", locale, s.id()) + "\n");
        return m;
    }

    /** The label's public page; for a case's event (ADR 0101) the case in the reader's console instead. */
    private String link(Subscription s, EventRow e, JsonNode data) {
        if (data.hasNonNull("caseId")) {
            return publicUrl + (s.scope() == Scope.ALL ? "/operator/cases/" : "/vendor/cases/")
                    + data.get("caseId").asText();
        }
        return publicUrl + "/l/" + e.labelId();
    }

    private static String detail(JsonNode data) {
        if (data.hasNonNull("caseId") && !data.hasNonNull("due")) {
            return "case " + data.get("caseId").asText();
        }
        for (String field : new String[]{"reason", "lapseOn", "windowOpens", "due", "supportEnd", "cause"}) {
            if (data.hasNonNull(field)) {
                return field.equals("reason") ? data.get(field).asText() : field + " " + data.get(field).asText();
            }
        }
        return "-";
    }

    private static String format(ResourceBundle texts, String key, Locale locale, Object... args) {
        return new MessageFormat(texts.getString(key), locale).format(args);
    }

    private JsonNode data(EventRow e) {
        try {
            return mapper.readTree(e.data());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored event data unreadable: " + e.id(), ex);
        }
    }
}
