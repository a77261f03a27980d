package io.iotseal.server.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A user changing their own local password: the current one (absent for an account that has none yet,
 * e.g. an OIDC account adding one) and the new one, 12 to 128 characters.
 */
public record PasswordChange(@Size(max = 128) String currentPassword, @NotNull @Size(min = 12, max = 128) String newPassword) {

    @Override
    public String toString() {
        return "PasswordChange[***]";
    }
}
