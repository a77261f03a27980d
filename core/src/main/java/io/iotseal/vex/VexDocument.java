package io.iotseal.vex;

import java.util.List;

/**
 * A VEX document as read: its format, the statements it makes (one per vulnerability and component) and
 * what was skipped or weakened on the way, each warning starting with where it is (a JSON pointer, or
 * an XPath-like path in XML).
 */
public record VexDocument(VexFormat format, List<VexStatement> statements, List<String> warnings) {

    public VexDocument {
        statements = List.copyOf(statements);
        warnings = List.copyOf(warnings);
    }
}
