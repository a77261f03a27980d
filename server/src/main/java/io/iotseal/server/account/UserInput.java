package io.iotseal.server.account;

import io.iotseal.server.access.Membership;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A new user. The password is optional: without one the account can sign in only through OIDC. With
 * one, 12 to 128 characters (NIST SP 800-63B: length over composition rules).
 */
public record UserInput(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{3,100}", message = "3 to 100 letters, digits or . _ @ -") String username,
        @NotBlank @Size(max = 200) String displayName,
        @Email @Size(max = 320) String email,
        @Size(min = 12, max = 128) String password,
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid Membership> memberships) {

    @Override
    public String toString() {
        return "UserInput[" + username + "]"; // never the password, not even in a log line
    }
}
