package io.iotseal.server.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Keeps the session that changed its user's password alive under the new session epoch (ADR 0065).
 * Sessions are the security package's business; accounts only ask for this through the interface, so
 * that {@code account} does not depend on {@code security} (no package cycle).
 */
public interface SessionCarryOver {

    void carryOver(long epoch, HttpServletRequest request, HttpServletResponse response);
}
