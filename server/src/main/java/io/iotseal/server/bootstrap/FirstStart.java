package io.iotseal.server.bootstrap;

import io.iotseal.password.GeneratedPassword;
import io.iotseal.server.IotSealProperties;
import io.iotseal.server.account.AccountRepository;
import io.iotseal.server.account.AccountService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.PrintStream;

/**
 * On a database without users: creates the scheme operator organization and the first admin with a
 * generated password, printed once and stored only as its hash; and, on the embedded database (or
 * when asked), the demo vendors, lab, products and one labelled product. Never runs again once a user
 * exists.
 */
@Component
public class FirstStart implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final AccountRepository accounts;
    private final AccountService accountService;
    private final DemoData demo;
    private final TransactionTemplate tx;
    private final IotSealProperties properties;
    private final Environment environment;
    private final PrintStream out;

    public FirstStart(AccountRepository accounts, AccountService accountService, DemoData demo, TransactionTemplate tx,
                      IotSealProperties properties, Environment environment) {
        this.accounts = accounts;
        this.accountService = accountService;
        this.demo = demo;
        this.tx = tx;
        this.properties = properties;
        this.environment = environment;
        this.out = System.out;
    }

    /** Runs once the beans exist (migrations done) and before the web server takes requests. */
    @Override
    public void afterSingletonsInstantiated() {
        if (accounts.countUsers() > 0) {
            return;
        }
        String password = GeneratedPassword.generate();
        tx.executeWithoutResult(status -> {
            accountService.createInitialAdmin("admin", password, demo.createOperator());
            if (wantsDemoData()) {
                demo.load();
            }
        });
        // Printed, not logged: it must reach the person starting the server and nothing else keeps it.
        out.println();
        out.println("==================================================================");
        out.println(" IoTSeal first start: an administrator account was created.");
        out.println("   user:     admin");
        out.println("   password: " + password);
        out.println(" This password is shown only now; store it safely.");
        out.println("==================================================================");
        out.println();
        log.info("first start complete (demo data: {})", wantsDemoData());
    }

    private boolean wantsDemoData() {
        if (properties.demoData() != null) {
            return properties.demoData();
        }
        return environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
    }
}
