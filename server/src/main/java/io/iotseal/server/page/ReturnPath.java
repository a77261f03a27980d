package io.iotseal.server.page;

/**
 * The page a visitor asked for before the sign-in wall, carried as {@code ?next=} through the sign-in page
 * (no session keeps it, ADR 0075). Only a path on this site is followed: anything that could leave it
 * ({@code //host}, {@code /\host}, a scheme, control characters) is dropped, so the parameter cannot be
 * used to send a signed-in user elsewhere (an open redirect).
 */
public final class ReturnPath {

    private static final int MAX_LENGTH = 2000;

    private ReturnPath() {
    }

    /** {@code candidate} when it is a path on this site, else null. */
    public static String safe(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH
                || candidate.charAt(0) != '/' || candidate.startsWith("//") || candidate.startsWith("/\\")) {
            return null;
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c < 0x21 || c == 0x7f || c == '\\') {
                return null;
            }
        }
        // Sign-in and sign-out pages are no place to return to.
        if (candidate.equals("/login") || candidate.startsWith("/login?") || candidate.startsWith("/logout")) {
            return null;
        }
        return candidate;
    }
}
