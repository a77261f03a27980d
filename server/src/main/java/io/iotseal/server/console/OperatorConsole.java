package io.iotseal.server.console;

import io.iotseal.server.access.Actor;
import io.iotseal.server.web.ApiException;

/**
 * Who may use the operator console (/operator/**, issue 14, ADR 0086): the scheme operator's people. The
 * services decide what each of them may change (admins act, reviewers read); this is the console's door.
 */
public final class OperatorConsole {

    private OperatorConsole() {
    }

    /** 403 (the error page) unless the actor works for the scheme operator. */
    public static void require(Actor actor) {
        if (!actor.isOperator()) {
            throw ApiException.forbidden("the operator console is the scheme operator's");
        }
    }
}
