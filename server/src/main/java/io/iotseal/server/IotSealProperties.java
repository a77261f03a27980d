package io.iotseal.server;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The server's own settings ({@code iotseal.*}), see application.properties and the README.
 *
 * @param dataDir          folder of the embedded H2 database (and later keys, evidence)
 * @param demoData         whether to load demo organizations and products into an empty database;
 *                         {@code null} means "only on the embedded H2 database"
 * @param maxRequestBytes  largest request body accepted; larger ones get 413
 * @param oidcUsernameClaim the OIDC claim matched against local user names at OIDC login
 */
@ConfigurationProperties(prefix = "iotseal")
public record IotSealProperties(String dataDir, Boolean demoData, long maxRequestBytes, String oidcUsernameClaim) {

    public IotSealProperties {
        if (dataDir == null || dataDir.isBlank()) {
            dataDir = "./data";
        }
        if (maxRequestBytes <= 0) {
            maxRequestBytes = 1024 * 1024;
        }
        if (oidcUsernameClaim == null || oidcUsernameClaim.isBlank()) {
            oidcUsernameClaim = "preferred_username";
        }
    }
}
