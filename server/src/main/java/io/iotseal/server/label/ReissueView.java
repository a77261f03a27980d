package io.iotseal.server.label;

import java.util.List;

/**
 * What a re-issue did (ADR 0054): {@code reissued} labels whose signing key is no longer published were
 * signed again with {@code activeKid}; {@code labelIds} names them, since the vendors must reprint them.
 * {@code version} is the key list's version, which a re-issue leaves unchanged (also the answer's ETag).
 */
public record ReissueView(String activeKid, int reissued, List<String> labelIds, String consequence, long version) {
}
