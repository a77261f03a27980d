package io.iotseal.server.notification;

import io.iotseal.server.access.Actor;
import io.iotseal.server.access.Membership;
import io.iotseal.server.access.OrganizationKind;
import io.iotseal.server.access.Role;
import io.iotseal.server.audit.AuditLog;
import io.iotseal.server.event.EventType;
import io.iotseal.server.web.ApiException;
import io.iotseal.server.web.ETags;
import io.iotseal.server.web.FieldError;
import io.iotseal.server.web.PageRequest;
import io.iotseal.server.web.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Subscriptions (ADR 0082). Who subscribes to what is fixed by the organization: the operator's admins
 * to anything, a vendor's admins to their own organization's events, a lab's evaluators to the
 * assessments assigned to their lab, a subscriber (retailer) to the public events of labels or vendors
 * it names. Members of the organization (and the operator) see its subscriptions; its admins (and the
 * operator's admins) make, rotate and end them.
 */
@Service
class SubscriptionService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");
    private static final Pattern LABEL_ID = Pattern.compile("[A-Z0-9]{12}");

    private final SubscriptionRepository repository;
    private final DeliveryRepository deliveries;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final EmailSender mail;
    private final NotificationProperties properties;
    private final Clock clock;

    SubscriptionService(SubscriptionRepository repository, DeliveryRepository deliveries, JdbcClient jdbc, AuditLog audit,
                        EmailSender mail, NotificationProperties properties, Clock clock) {
        this.repository = repository;
        this.deliveries = deliveries;
        this.jdbc = jdbc;
        this.audit = audit;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
    }

    /** The role that lets a member of each kind of organization subscribe for it, and the scope it gets. */
    private static Scope scopeOf(Role role) {
        return switch (role) {
            case OPERATOR_ADMIN -> Scope.ALL;
            case VENDOR_ADMIN -> Scope.VENDOR;
            case LAB_EVALUATOR -> Scope.LAB;
            case SUBSCRIBER -> Scope.PUBLIC;
            default -> null;
        };
    }

    @Transactional
    public SubscriptionView create(Actor actor, SubscriptionInput input) {
        Membership owner = owner(actor, input.organizationId());
        Scope scope = scopeOf(owner.role());
        Channel channel = switch (input.channel().strip().toLowerCase(Locale.ROOT)) {
            case "webhook" -> Channel.WEBHOOK;
            case "email" -> Channel.EMAIL;
            default -> throw ApiException.invalid("channel", "one of webhook, email");
        };
        String url = null;
        String email = null;
        String locale = null;
        if (channel == Channel.WEBHOOK) {
            url = WebhookUrls.check(input.url());
            if (input.email() != null) {
                throw ApiException.invalid("email", "only with the email channel");
            }
        } else {
            if (input.url() != null) {
                throw ApiException.invalid("url", "only with the webhook channel");
            }
            if (input.email() == null || !EMAIL.matcher(input.email().strip()).matches()) {
                throw ApiException.invalid("email", "an e-mail address is required for the email channel");
            }
            if (!mail.configured()) {
                throw ApiException.withErrors(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable Content", List.of(
                        new FieldError("channel", "this server has no mail server configured (spring.mail.host)")));
            }
            email = input.email().strip();
            locale = input.locale() == null ? "en" : input.locale();
            if (!locale.equals("en") && !locale.equals("ja")) {
                throw ApiException.invalid("locale", "one of en, ja");
            }
        }
        Set<String> types = types(input.types(), scope);
        Set<String> labels = labels(input.labelIds(), scope, owner.organizationId());
        Set<UUID> vendors = vendors(input.vendorIds(), scope, owner.organizationId());
        if (scope == Scope.PUBLIC && labels.isEmpty() && vendors.isEmpty()) {
            throw ApiException.invalid("labelIds", "a subscriber names the labels (labelIds) or vendors (vendorIds) to follow");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String secret = channel == Channel.WEBHOOK ? WebhookSecrets.newSecret() : null;
        Subscription s = new Subscription(UUID.randomUUID(), owner.organizationId(), scope, channel, url, email, locale,
                types, labels, vendors, secret, null, null, true, actor.auditName(), now, now, 1);
        repository.insert(s);
        audit.record(actor, "subscription.create", "subscription", s.id(), null, audited(s));
        return SubscriptionView.of(s, secret);
    }

    @Transactional(readOnly = true)
    public PageResult<SubscriptionView> list(Actor actor, PageRequest page) {
        List<Subscription> all = repository.list(actor.isOperator() ? null : actor.organizations());
        List<SubscriptionView> items = all.stream().skip(page.offset()).limit(page.size())
                .map(s -> SubscriptionView.of(s, null)).toList();
        return PageResult.of(items, page, all.size());
    }

    @Transactional(readOnly = true)
    public SubscriptionView get(Actor actor, UUID id) {
        return SubscriptionView.of(visible(actor, id), null);
    }

    @Transactional
    public SubscriptionView rotate(Actor actor, UUID id, String ifMatch) {
        Subscription s = managed(actor, id);
        if (s.channel() != Channel.WEBHOOK) {
            throw ApiException.withErrors(HttpStatus.CONFLICT, "Conflict",
                    List.of(new FieldError("channel", "only a webhook subscription has a secret")));
        }
        ETags.requireMatch(ifMatch, s.version());
        OffsetDateTime now = OffsetDateTime.now(clock);
        String secret = WebhookSecrets.newSecret();
        if (!repository.rotate(id, s.version(), secret, now.plus(properties.secretGrace()), now)) {
            throw ETags.preconditionFailed();
        }
        Subscription rotated = repository.find(id).orElseThrow();
        audit.record(actor, "subscription.rotate-secret", "subscription", id, Map.of("version", s.version()),
                Map.of("version", rotated.version(), "previousSecretValidUntil", rotated.previousSecretUntil().toString()));
        return SubscriptionView.of(rotated, secret);
    }

    @Transactional
    public void delete(Actor actor, UUID id) {
        Subscription s = managed(actor, id);
        repository.deactivate(id, OffsetDateTime.now(clock));
        audit.record(actor, "subscription.delete", "subscription", id, audited(s), null);
    }

    @Transactional(readOnly = true)
    public PageResult<DeliveryRepository.DeadLetter> deadLetters(Actor actor, PageRequest page) {
        if (!actor.isOperator()) {
            throw ApiException.forbidden("the scheme operator sees dead-lettered deliveries");
        }
        return PageResult.of(deliveries.dead(page.size(), page.offset()), page, deliveries.deadCount());
    }

    @Transactional
    public Map<String, Object> redeliver(Actor actor, UUID delivery) {
        if (!actor.hasRole(Role.OPERATOR_ADMIN)) {
            throw ApiException.forbidden("the operator's admins redeliver dead-lettered deliveries");
        }
        String state = deliveries.state(delivery);
        if (state == null) {
            throw ApiException.notFound("delivery " + delivery);
        }
        if (!deliveries.redeliver(delivery, OffsetDateTime.now(clock))) {
            throw ApiException.withErrors(HttpStatus.CONFLICT, "Conflict", List.of(new FieldError("state",
                    "the delivery is " + state.toLowerCase(Locale.ROOT) + " (or its subscription has ended); only a dead one is redelivered")));
        }
        audit.record(actor, "delivery.redeliver", "notification_delivery", delivery, Map.of("state", state),
                Map.of("state", "PENDING"));
        return Map.of("id", delivery, "state", "pending");
    }

    // --- who may -----------------------------------------------------------------------------------

    /** The membership the subscription is made under: the organization asked for, or the caller's only one. */
    private Membership owner(Actor actor, UUID organization) {
        List<Membership> eligible = actor.memberships().stream().filter(m -> scopeOf(m.role()) != null)
                .filter(m -> organization == null || m.organizationId().equals(organization)).toList();
        if (eligible.isEmpty()) {
            throw ApiException.forbidden("the operator's admins, vendor admins, lab evaluators and subscribers subscribe,"
                    + " each for their own organization");
        }
        if (eligible.stream().map(Membership::organizationId).distinct().count() > 1) {
            throw ApiException.invalid("organizationId", "required: you may subscribe for more than one organization");
        }
        return eligible.get(0);
    }

    private Subscription visible(Actor actor, UUID id) {
        Subscription s = repository.find(id).orElseThrow(() -> ApiException.notFound("subscription " + id));
        if (!actor.isOperator() && !actor.organizations().contains(s.organizationId())) {
            throw ApiException.notFound("subscription " + id);
        }
        return s;
    }

    private Subscription managed(Actor actor, UUID id) {
        Subscription s = visible(actor, id);
        boolean mayManage = actor.hasRole(Role.OPERATOR_ADMIN) || actor.memberships().stream().anyMatch(m ->
                m.organizationId().equals(s.organizationId()) && scopeOf(m.role()) != null);
        if (!mayManage) {
            throw ApiException.forbidden("the organization's admins (or the operator's admins) change its subscriptions");
        }
        return s;
    }

    // --- filters -----------------------------------------------------------------------------------

    private static Set<String> types(List<String> asked, Scope scope) {
        Set<String> types = new LinkedHashSet<>();
        for (int i = 0; asked != null && i < asked.size(); i++) {
            String code = asked.get(i);
            EventType type = EventType.ofCode(code == null ? "" : code).orElseThrow(() -> ApiException.invalid(
                    "types", "unknown event type; known: " + String.join(", ",
                            java.util.Arrays.stream(EventType.values()).map(EventType::code).toList())));
            if (scope == Scope.PUBLIC && !type.aboutLabel()) {
                throw ApiException.invalid("types", type.code() + " is not public; a subscriber receives label events");
            }
            types.add(type.code());
        }
        return types;
    }

    private Set<String> labels(List<String> asked, Scope scope, UUID organization) {
        Set<String> labels = new LinkedHashSet<>();
        for (int i = 0; asked != null && i < asked.size(); i++) {
            String field = "labelIds[" + i + "]";
            String id = asked.get(i) == null ? "" : asked.get(i).strip().toUpperCase(Locale.ROOT);
            if (!LABEL_ID.matcher(id).matches()) {
                throw ApiException.invalid(field, "a label's public id (12 letters and digits)");
            }
            record Label(UUID vendor, boolean isPublic) {
            }
            Label label = jdbc.sql("select l.vendor_id, p.published and p.in_scope from label l join product p"
                            + " on p.id = l.product_id where l.label_id = ?").param(id)
                    .query((rs, n) -> new Label(rs.getObject(1, UUID.class), rs.getBoolean(2))).optional().orElse(null);
            boolean allowed = label != null && switch (scope) {
                case ALL, LAB -> true;
                case VENDOR -> label.vendor().equals(organization);
                case PUBLIC -> label.isPublic();
            };
            if (!allowed) {
                throw ApiException.invalid(field, "no such label" + (scope == Scope.VENDOR ? " of your organization"
                        : scope == Scope.PUBLIC ? " in the public registry" : ""));
            }
            labels.add(id);
        }
        return labels;
    }

    private Set<UUID> vendors(List<UUID> asked, Scope scope, UUID organization) {
        Set<UUID> vendors = new LinkedHashSet<>();
        for (int i = 0; asked != null && i < asked.size(); i++) {
            UUID id = asked.get(i);
            String kind = id == null ? null : jdbc.sql("select kind from organization where id = ?").param(id)
                    .query(String.class).optional().orElse(null);
            if (!OrganizationKind.VENDOR.name().equals(kind) || (scope == Scope.VENDOR && !id.equals(organization))) {
                throw ApiException.invalid("vendorIds[" + i + "]", scope == Scope.VENDOR
                        ? "a vendor subscribes to its own organization only" : "no such vendor");
            }
            vendors.add(id);
        }
        return vendors;
    }

    private static Map<String, Object> audited(Subscription s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("organizationId", s.organizationId());
        m.put("scope", s.scope().name());
        m.put("channel", s.channel().name());
        m.put("url", s.url());
        m.put("email", s.email());
        m.put("types", List.copyOf(s.types()));
        m.put("labelIds", List.copyOf(s.labelIds()));
        m.put("vendorIds", List.copyOf(s.vendorIds()));
        return m;
    }
}
