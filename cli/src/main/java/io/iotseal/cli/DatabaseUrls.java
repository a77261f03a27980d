package io.iotseal.cli;

/** JDBC URLs of the server's database as the commands that open it directly (audit, admin) use them. */
final class DatabaseUrls {

    private DatabaseUrls() {
    }

    /**
     * The URL, with H2 told to open only a database that exists: for a missing file H2 would create an
     * empty database, and a command would then "verify" or "reset" nothing instead of saying so.
     */
    static String existingOnly(String url) {
        return url.startsWith("jdbc:h2:") && !url.contains("IFEXISTS") ? url + ";IFEXISTS=TRUE" : url;
    }
}
