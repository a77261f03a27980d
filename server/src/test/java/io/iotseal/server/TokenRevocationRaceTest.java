package io.iotseal.server;

import io.iotseal.server.account.AccountRepository;
import io.iotseal.server.account.AccountService;
import io.iotseal.server.account.TokenInput;
import io.iotseal.server.account.UserInput;
import io.iotseal.server.access.Membership;
import io.iotseal.server.access.Role;
import io.iotseal.server.access.Actor;
import io.iotseal.server.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Revoking one token from many requests at once: one revocation, one audit entry; the others find nothing. */
class TokenRevocationRaceTest extends ApiTest {

    private static final int REQUESTS = 8;

    @Autowired
    AccountService accounts;
    @Autowired
    AccountRepository accountRepository;

    @Test
    void concurrentRevocationsWriteOneAuditEntry() throws Exception {
        UUID userId = world.user(Who.VENDOR_MEMBER);
        Actor actor = new Actor(userId, "world-vendor-member", accountRepository.memberships(userId));
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        try {
            for (int round = 0; round < 5; round++) {
                UUID token = accounts.createToken(actor, new TokenInput("race " + round, 1)).id();
                CyclicBarrier start = new CyclicBarrier(REQUESTS);
                List<Future<Integer>> outcomes = new ArrayList<>();
                for (int i = 0; i < REQUESTS; i++) {
                    outcomes.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        try {
                            accounts.revokeToken(actor, token);
                            return 204;
                        } catch (ApiException e) {
                            return e.status().value();
                        }
                    }));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> outcome : outcomes) {
                    statuses.add(outcome.get(30, TimeUnit.SECONDS));
                }
                assertThat(statuses).as("round " + round).containsOnlyOnce(204)
                        .containsOnly(204, HttpStatus.NOT_FOUND.value());
                assertThat(jdbc.sql("select count(*) from audit_entry where action = 'token.revoke' and entity_id = ?")
                        .param(token.toString()).query(Long.class).single()).as("round " + round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
    /** An admin revoking all of a user's tokens from many requests at once: one audit entry, naming each token once. */
    @Test
    void concurrentRevocationsOfAllTokensWriteOneAuditEntry() throws Exception {
        UUID adminId = world.user(Who.OPERATOR_ADMIN);
        Actor admin = new Actor(adminId, "world-operator-admin", accountRepository.memberships(adminId));
        // A user of its own: the world's users keep their tokens for the other tests.
        UUID userId = accounts.create(admin, new UserInput("bulk-revoke-" + UUID.randomUUID().toString().substring(0, 8),
                "Bulk revoke", null, null, List.of(new Membership(world.vendorA, Role.VENDOR_MEMBER)))).id();
        Actor owner = new Actor(userId, "bulk-revoke", accountRepository.memberships(userId));
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        try {
            for (int round = 0; round < 5; round++) {
                accounts.createToken(owner, new TokenInput("bulk race " + round, 1));
                long before = jdbc.sql("select count(*) from audit_entry where action = 'user.tokens.revoke'")
                        .query(Long.class).single();
                CyclicBarrier start = new CyclicBarrier(REQUESTS);
                List<Future<Integer>> outcomes = new ArrayList<>();
                for (int i = 0; i < REQUESTS; i++) {
                    outcomes.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return accounts.revokeTokens(admin, userId);
                    }));
                }
                int revoked = 0;
                for (Future<Integer> outcome : outcomes) {
                    revoked += outcome.get(30, TimeUnit.SECONDS);
                }
                assertThat(revoked).as("round " + round).isEqualTo(1);
                assertThat(jdbc.sql("select count(*) from audit_entry where action = 'user.tokens.revoke'")
                        .query(Long.class).single() - before).as("round " + round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
