package io.iotseal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotseal.applicability.ProductProfile;
import io.iotseal.assessment.Answer;
import io.iotseal.assessment.AssessmentFile;
import io.iotseal.assessment.AssessmentScope;
import io.iotseal.assessment.Completeness;
import io.iotseal.assessment.Prefill;
import io.iotseal.assessment.Target;
import io.iotseal.catalog.RequirementRef;
import io.iotseal.coverage.AssessmentResults;
import io.iotseal.coverage.CoverageEngine;
import io.iotseal.coverage.CoverageStatus;
import io.iotseal.coverage.LevelCoverage;
import io.iotseal.coverage.Verdict;
import io.iotseal.json.JsonMappers;
import io.iotseal.library.StandardsLibrary;
import io.iotseal.scheme.LevelRef;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code iotseal assessment}: a vendor's assessment kept in a local YAML file (format
 * iotseal-assessment/1), filled in, validated and checked for coverage offline with the core's own
 * rules, then submitted to a server.
 */
@Command(name = "assessment", description = "Work on an assessment in a local file, then submit it to a server.",
        subcommands = {AssessmentCommand.Init.class, AssessmentCommand.Set.class, AssessmentCommand.Validate.class,
                AssessmentCommand.Coverage.class, AssessmentCommand.Submit.class})
final class AssessmentCommand implements Runnable {
    /** Exit code of validate/submit when the assessment is not ready to submit. */
    static final int EXIT_INCOMPLETE = 1;

    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static AssessmentFile load(Path file) {
        return InputFiles.read(file, "FILE", AssessmentFile.class);
    }

    static void save(Path file, AssessmentFile assessment) {
        try {
            ObjectMapper yaml = JsonMappers.yamlForEditing();
            Files.writeString(file, yaml.writeValueAsString(assessment));
        } catch (IOException e) {
            throw new UserInputException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static AssessmentScope scope(StandardsLibrary library, AssessmentFile file) {
        return AssessmentScope.resolve(library, Target.parse(file.target()), file.profile());
    }

    @Command(name = "init", description = "Start a file listing every requirement of a scheme level or catalog.")
    static final class Init implements Callable<Integer> {
        @Mixin StandardsOptions standards;
        @Option(names = "--target", required = true, paramLabel = "SCHEME:LEVEL|CATALOG") String target;
        @Option(names = "--product", required = true) String product;
        @Option(names = "--version", required = true, paramLabel = "VERSION") String version;
        @Option(names = "--features", paramLabel = "FILE", description = "Declared features (iotseal-features/1).")
        Path features;
        @Option(names = "--out", required = true, paramLabel = "FILE") Path out;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            ProductProfile profile = features == null ? new ProductProfile(product, Map.of(), Map.of())
                    : InputFiles.read(features, "--features", ProductProfile.class);
            AssessmentScope scope = AssessmentScope.resolve(standards.load(), Target.parse(target), profile);
            save(out, AssessmentFile.start(scope, product, version, profile));
            spec.commandLine().getOut().println("wrote " + out + ": " + scope.requirements().size()
                    + " requirements of " + target + " (" + scope.route().code() + ")");
            return 0;
        }
    }

    @Command(name = "set", description = "Record one requirement's verdict in the file.")
    static final class Set implements Callable<Integer> {
        @Mixin StandardsOptions standards;
        @Parameters(index = "0", paramLabel = "FILE") Path file;
        @Parameters(index = "1", paramLabel = "REQUIREMENT", description = "catalog#id, e.g. jc-star-star1#S1.1-01")
        String requirement;
        @Parameters(index = "2", paramLabel = "VERDICT", description = "pass, fail, not-applicable or not-assessed")
        String verdict;
        @Option(names = "--justification", paramLabel = "TEXT") String justification;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            AssessmentFile current = load(file);
            Verdict v = java.util.Arrays.stream(Verdict.values()).filter(x -> x.code().equals(verdict)).findFirst()
                    .orElseThrow(() -> new UserInputException("VERDICT: one of pass, fail, not-applicable, not-assessed; not "
                            + verdict));
            AssessmentFile next = current.with(requirement, v, justification);
            next.answersIn(scope(standards.load(), next)); // refuse a wrong requirement or a bare N/A now
            save(file, next);
            spec.commandLine().getOut().println(requirement + ": " + v.code());
            return 0;
        }
    }

    @Command(name = "validate", description = "Check the file as the server will on submission (exit 1 if incomplete).")
    static final class Validate implements Callable<Integer> {
        @Mixin StandardsOptions standards;
        @Parameters(paramLabel = "FILE") Path file;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            AssessmentFile a = load(file);
            AssessmentScope scope = scope(standards.load(), a);
            List<Completeness.Problem> problems = Completeness.check(scope, a.answersIn(scope));
            // As the server refuses it (issue 10): answers would cover only the included levels' criteria.
            List<String> missingCriteria = scope.missingCriteria().stream().map(m -> "the criteria of " + m.level()
                    + " are not in the standards data, so no assessment can claim it: " + m.part().note().en()).toList();
            boolean ready = problems.isEmpty() && missingCriteria.isEmpty();
            PrintWriter out = spec.commandLine().getOut();
            if (standards.json) {
                ArrayNode list = Json.array();
                problems.forEach(p -> list.add(Json.object().put("requirement", p.requirement().toString())
                        .put("message", p.message())));
                ObjectNode node = Json.object().put("target", a.target()).put("route", scope.route().code())
                        .put("ready", ready);
                node.set("problems", list);
                missingCriteria.forEach(node.putArray("missingCriteria")::add);
                out.println(Json.write(node));
            } else {
                problems.forEach(p -> out.println(p));
                missingCriteria.forEach(out::println);
                out.println(ready ? "ready to submit: every requirement of " + a.target() + " answered"
                        : problems.size() + missingCriteria.size() + " problem(s); not ready to submit");
            }
            return ready ? 0 : EXIT_INCOMPLETE;
        }
    }

    @Command(name = "coverage", description = "What the file's verdicts cover in other catalogs and scheme levels.")
    static final class Coverage implements Callable<Integer> {
        @Mixin StandardsOptions standards;
        @Parameters(paramLabel = "FILE") Path file;
        @Option(names = "--target", paramLabel = "SCHEME:LEVEL", description = "Scheme levels to report; default all.")
        List<String> targets = new ArrayList<>();
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            StandardsLibrary library = standards.load();
            AssessmentFile a = load(file);
            Map<RequirementRef, Answer> answers = a.answersIn(scope(library, a));
            List<AssessmentResults> results = Prefill.resultsOf(a.product(), answers.values());
            if (results.isEmpty()) {
                throw new UserInputException("FILE: no verdicts yet; record some with 'iotseal assessment set'");
            }
            List<String> levels = targets.isEmpty() ? library.levelRefs() : targets;
            PrintWriter out = spec.commandLine().getOut();
            ArrayNode json = Json.array();
            CoverageEngine engine = new CoverageEngine(library);
            for (String level : levels) {
                LevelRef ref = LevelRef.parse(level);
                library.requireLevel(ref);
                // The best a level reaches from any of the file's catalogs.
                LevelCoverage best = null;
                for (AssessmentResults r : results) {
                    LevelCoverage c = engine.infer(r).forLevel(ref);
                    if (best == null || rank(c.status()) < rank(best.status())) {
                        best = c;
                    }
                }
                Map<CoverageStatus, Integer> counts = best.counts();
                if (standards.json) {
                    ObjectNode node = json.addObject().put("level", level).put("status", best.status().code());
                    counts.forEach((s, n) -> node.put(s.code(), n));
                } else {
                    out.printf("%-28s %-14s met %d, partially %d, not met %d, unknown %d%n", level,
                            best.status().label(), counts.get(CoverageStatus.MET), counts.get(CoverageStatus.PARTIALLY_MET),
                            counts.get(CoverageStatus.NOT_MET), counts.get(CoverageStatus.UNKNOWN));
                }
            }
            if (standards.json) {
                out.println(Json.write(json));
            }
            return 0;
        }

        private static int rank(CoverageStatus s) {
            return switch (s) {
                case MET -> 0;
                case PARTIALLY_MET -> 1;
                case NOT_MET -> 2;
                default -> 3;
            };
        }
    }

    @Command(name = "submit", description = {"Create the assessment on a server, send the answers and submit it.",
            "The API token is read from the environment variable IOTSEAL_TOKEN (never from the command line)."})
    static final class Submit implements Callable<Integer> {
        @Mixin StandardsOptions standards;
        @Parameters(paramLabel = "FILE") Path file;
        @Option(names = "--server", required = true, paramLabel = "URL", description = "e.g. http://127.0.0.1:8080")
        URI server;
        @Option(names = "--product-id", required = true, paramLabel = "UUID") UUID productId;
        @Spec CommandSpec spec;

        /** Where the token comes from; tests replace it. */
        java.util.function.Function<String, String> environment = System::getenv;

        @Override
        public Integer call() throws IOException, InterruptedException {
            String token = environment.apply("IOTSEAL_TOKEN");
            if (token == null || token.isBlank()) {
                throw new UserInputException("IOTSEAL_TOKEN: set it to an API token (POST /api/v1/tokens)");
            }
            if (!"http".equals(server.getScheme()) && !"https".equals(server.getScheme())) {
                throw new UserInputException("--server: an http or https URL, not " + server);
            }
            AssessmentFile a = load(file);
            AssessmentScope scope = scope(standards.load(), a);
            Map<RequirementRef, Answer> answers = a.answersIn(scope);
            PrintWriter out = spec.commandLine().getOut();
            List<Completeness.Problem> problems = Completeness.check(scope, answers);
            if (!problems.isEmpty()) {
                problems.forEach(p -> out.println(p));
                out.println("not submitted: fix the problems first ('iotseal assessment validate')");
                return EXIT_INCOMPLETE;
            }
            Api api = new Api(server, token);
            ObjectNode create = Json.object().put("productId", productId.toString()).put("productVersion", a.version())
                    .put("target", a.target());
            create.set("features", Json.MAPPER.valueToTree(a.features()));
            create.set("conditions", Json.MAPPER.valueToTree(a.conditions()));
            // The file's content names the request: submitting the same file twice creates one assessment.
            String key = "cli-" + io.iotseal.digest.Sha256.hex(Files.readAllBytes(file)).substring(0, 32);
            Api.Reply created = api.send("POST", "/api/v1/assessments", create, null, key, 201);
            String id = created.body().get("id").asText();
            ObjectNode body = Json.object();
            ArrayNode list = body.putArray("answers");
            answers.values().stream().filter(x -> x.verdict() != Verdict.NOT_ASSESSED).forEach(x ->
                    list.addObject().put("requirement", x.requirement().toString()).put("verdict", x.verdict().code())
                            .put("justification", x.justification()));
            Api.Reply answered = list.isEmpty() ? created
                    : api.send("PUT", "/api/v1/assessments/" + id + "/answers", body, created.etag(), null, 200);
            Api.Reply submitted = api.send("POST", "/api/v1/assessments/" + id + "/transitions",
                    Json.object().put("action", "submit"), answered.etag(), null, 200);
            out.println("submitted assessment " + id + " (" + submitted.body().get("state").asText() + ") to " + server);
            return 0;
        }
    }

    /** A minimal JSON client for the server's API: bearer token, If-Match, problem details as errors. */
    record Api(URI server, String token) {
        record Reply(JsonNode body, String etag) {
        }

        Reply send(String method, String path, JsonNode body, String ifMatch, String idempotencyKey, int expected)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body)));
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            HttpResponse<String> response;
            try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.net.ConnectException e) {
                throw new UserInputException("--server: cannot connect to " + server);
            }
            JsonNode json = response.body().isBlank() ? Json.object() : Json.MAPPER.readTree(response.body());
            if (response.statusCode() != expected) {
                String detail = json.path("detail").asText(response.body());
                throw new UserInputException(method + " " + path + ": the server answered " + response.statusCode()
                        + ": " + detail);
            }
            return new Reply(json, response.headers().firstValue("ETag").orElse(null));
        }
    }
}
