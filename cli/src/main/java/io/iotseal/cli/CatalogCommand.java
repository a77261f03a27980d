package io.iotseal.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.catalog.Catalog;
import io.iotseal.catalog.Requirement;
import io.iotseal.catalog.RequirementGroup;
import io.iotseal.library.StandardsLibrary;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code iotseal catalog list|show}: the requirement catalogs IoTSeal knows. */
@Command(name = "catalog", description = "List catalogs or show one catalog's requirements.",
        subcommands = {CatalogCommand.ListCatalogs.class, CatalogCommand.ShowCatalog.class})
final class CatalogCommand {

    @Command(name = "list", description = "List every catalog with its version and size.")
    static final class ListCatalogs implements Callable<Integer> {
        @Mixin StandardsOptions standards;
        @Mixin LanguageOption language;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            String lang = language.get();
            StandardsLibrary library = standards.load();
            PrintWriter out = spec.commandLine().getOut();
            if (standards.json) {
                ArrayNode list = Json.array();
                for (Catalog c : library.catalogs()) {
                    list.add(Json.object().put("id", c.id()).put("version", c.version())
                            .put("kind", c.kind().code())
                            .put("publisher", c.publisher()).put("published", c.published())
                            .put("requirements", c.requirements().size()).set("name", Json.text(c.name())));
                }
                out.println(Json.write(list));
                return 0;
            }
            TextTable table = new TextTable("ID", "VERSION", "REQUIREMENTS", "NAME");
            for (Catalog c : library.catalogs()) {
                table.row(c.id(), c.version(), c.requirements().size(), Languages.pick(c.name(), lang));
            }
            out.print(table.render(standards.tableWidth()));
            return 0;
        }
    }

    @Command(name = "show", description = "Show one catalog: its requirements with status and confidence.")
    static final class ShowCatalog implements Callable<Integer> {
        @Mixin StandardsOptions standards;
        @Parameters(paramLabel = "ID", description = "Catalog id, e.g. etsi-en-303-645 (see 'iotseal catalog list').")
        String id;
        @Mixin LanguageOption language;
        @Option(names = {"-v", "--verbose"}, description = "Also print each requirement's paraphrase and note.")
        boolean verbose;
        @Spec CommandSpec spec;

        /** Whose words the titles are: IoTSeal's, except in the languages where the data says they are the document's. */
        static String wordsBanner(Catalog catalog) {
            if (catalog.documentTitles().isEmpty()) {
                return "Titles and paraphrases are IoTSeal's own words, not the document's text.";
            }
            return "Titles in " + String.join(", ", catalog.documentTitles()) + " are the document's own where given;"
                    + " other titles and all paraphrases are IoTSeal's own words, not the document's text.";
        }

        @Override
        public Integer call() {
            String lang = language.get();
            Catalog catalog = standards.load().requireCatalog(id);
            PrintWriter out = spec.commandLine().getOut();
            if (standards.json) {
                out.println(Json.write(toJson(catalog)));
                return 0;
            }
            out.println(Languages.pick(catalog.name(), lang));
            out.println(catalog.publisher() + ", " + catalog.published() + " | " + catalog.requirements().size()
                    + " requirements | confidence " + catalog.countByConfidence());
            out.println(wordsBanner(catalog));
            out.println();
            TextTable table = new TextTable("ID", "STATUS", "CONFIDENCE", "TITLE");
            for (Requirement r : catalog.requirements()) {
                String status = r.status() == null ? "-" : r.status().notation();
                String title = r.title() == null ? "(not retrieved)" : Languages.pick(r.title(), lang);
                table.row(r.id(), status, r.confidence().code(), title);
                if (verbose) {
                    if (r.paraphrase() != null) table.row("", "", "", "  " + Languages.pick(r.paraphrase(), lang));
                    if (r.note() != null) table.row("", "", "", "  note: " + r.note());
                }
            }
            out.print(table.render(standards.tableWidth()));
            if (!catalog.conditions().isEmpty() || !catalog.features().isEmpty()) {
                out.println();
                out.println("Conditions C(n): " + terms(catalog.conditions()));
                out.println("Features F(x): " + terms(catalog.features()));
            }
            return 0;
        }

        private static String terms(java.util.List<io.iotseal.catalog.CatalogTerm> terms) {
            return String.join("; ", terms.stream().map(t -> t.id() + " = " + t.text().en()).toList());
        }

        private static ObjectNode toJson(Catalog c) {
            ObjectNode node = Json.object().put("id", c.id()).put("version", c.version())
                    .put("dataVersion", c.dataVersion()).put("publisher", c.publisher()).put("published", c.published());
            node.set("name", Json.text(c.name()));
            ArrayNode groups = node.putArray("groups");
            for (RequirementGroup g : c.groups()) {
                groups.add(Json.object().put("id", g.id()).put("parent", g.parent()).set("title", Json.text(g.title())));
            }
            ArrayNode requirements = node.putArray("requirements");
            for (Requirement r : c.requirements()) {
                ObjectNode item = Json.object().put("id", r.id()).put("group", r.group())
                        .put("status", r.status() == null ? null : r.status().notation())
                        .put("confidence", r.confidence().code()).put("note", r.note());
                if (r.status() != null) {
                    item.put("obligation", r.status().obligation().name().toLowerCase());
                    r.status().conditions().forEach(item.withArray("conditions")::add);
                    r.status().features().forEach(item.withArray("features")::add);
                }
                item.set("title", r.title() == null ? null : Json.text(r.title()));
                item.set("paraphrase", r.paraphrase() == null ? null : Json.text(r.paraphrase()));
                r.sources().forEach(item.withArray("sources")::add);
                for (Map.Entry<String, Object> p : r.properties().entrySet()) {
                    item.withObject("properties").set(p.getKey(), Json.MAPPER.valueToTree(p.getValue()));
                }
                requirements.add(item);
            }
            return node;
        }
    }
}
