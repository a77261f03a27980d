package io.iotseal.server.web;

import io.iotseal.server.access.Actor;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI document at {@code /v3/api-docs} says about itself (ADR 0025): its title, the server's
 * version (from the build), a description. The {@link Actor} parameter of the controllers is the signed-in
 * caller, resolved from the session or token, not a query parameter: it is left out of the document.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocument {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Bean
    OpenAPI iotsealApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI().info(new Info()
                .title("IoTSeal registry API")
                .version(properties != null ? properties.getVersion() : "development")
                .description("Products, organizations, users and API tokens; conformity assessments with evidence; "
                        + "signed labels, their keys, status lists and lifecycle. Sign in with a session or send "
                        + "'Authorization: Bearer <API token>'. Errors are RFC 9457 problem details."));
    }
}
