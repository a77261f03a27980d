package io.iotseal.server;

import io.iotseal.server.access.Actor;
import io.iotseal.server.access.Membership;
import io.iotseal.server.access.Role;
import io.iotseal.server.product.ProductService;
import io.iotseal.server.product.VersionInput;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.UUID;

/** A labelled vendor A product to report about (ADR 0099), for the case tests. */
public final class CaseFixtures {

    /** The product and the public id of its ★1 label (issued for the first of its versions). */
    public record Labelled(UUID product, String labelId) {
    }

    private CaseFixtures() {
    }

    /** A new vendor A product named {@code name} with {@code versions}, labelled; {@code published}: in the registry. */
    public static Labelled labelled(ApplicationContext context, World world, String name, boolean published,
                                    String... versions) {
        ProductService products = context.getBean(ProductService.class);
        Actor operator = new Actor(UUID.randomUUID(), "case-fixtures",
                List.of(new Membership(world.operator, Role.OPERATOR_ADMIN)));
        UUID product = products.create(operator, World.product(world.vendorA, name, published)).id();
        for (String version : versions) {
            products.addVersion(operator, product, new VersionInput(version, null, null));
        }
        UUID assessment = new AssessmentFixtures(context, world).accepted("jc-star:star-1", product, versions[0]).id();
        String labelId = context.getBean(JdbcClient.class).sql("select label_id from label where assessment_id = ?")
                .param(assessment).query(String.class).single();
        return new Labelled(product, labelId);
    }
}
