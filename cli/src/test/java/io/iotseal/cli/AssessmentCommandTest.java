package io.iotseal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code iotseal assessment}: a ★1 self-declaration filled in offline, validated, covered and submitted. */
class AssessmentCommandTest {
    @TempDir Path dir;

    private static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    private Path filledStarOne() {
        Path file = dir.resolve("router.yaml");
        CliTest.Run init = run("assessment", "init", "--target", "jc-star:star-1", "--product", "Router HR-100",
                "--version", "2.0.0", "--out", file.toString());
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).contains("16 requirements", "self-declaration");
        for (int i = 1; i <= 16; i++) {
            String id = String.format("jc-star-star1#S1.1-%02d", i);
            CliTest.Run set = run("assessment", "set", file.toString(), id, "pass", "--justification", "tested " + i);
            assertThat(set.exitCode()).as(set.err()).isZero();
        }
        return file;
    }

    @Test
    void initSetAndValidateTellWhatIsMissing() throws IOException {
        Path file = dir.resolve("a.yaml");
        run("assessment", "init", "--target", "jc-star:star-1", "--product", "Cam", "--version", "1", "--out", file.toString());
        assertThat(Files.readString(file)).contains("format: iotseal-assessment/1", "jc-star-star1#S1.1-16");
        run("assessment", "set", file.toString(), "jc-star-star1#S1.1-03", "fail", "--justification", "fixed value");
        CliTest.Run validate = run("assessment", "validate", file.toString());
        assertThat(validate.exitCode()).isEqualTo(AssessmentCommand.EXIT_INCOMPLETE);
        assertThat(validate.out()).contains("jc-star-star1#S1.1-03: fails", "jc-star-star1#S1.1-01: not answered",
                "16 problem(s)");

        CliTest.Run outside = run("assessment", "set", file.toString(), "etsi-en-303-645#5.1-1", "pass");
        assertThat(outside.exitCode()).isEqualTo(IotSealCli.EXIT_BAD_INPUT);
        assertThat(outside.err()).contains("is not a requirement of jc-star:star-1");
        CliTest.Run bareNa = run("assessment", "set", file.toString(), "jc-star-star1#S1.1-01", "not-applicable");
        assertThat(bareNa.err()).contains("justification: required");
        assertThat(Files.readString(file)).doesNotContain("etsi-en-303-645#5.1-1");
    }

    @Test
    void aCompleteFileValidatesAndCoversOtherLevels() {
        Path file = filledStarOne();
        CliTest.Run validate = run("assessment", "validate", file.toString(), "--json");
        assertThat(validate.exitCode()).as(validate.out()).isZero();
        assertThat(validate.out()).contains("\"ready\" : true");
        CliTest.Run coverage = run("assessment", "coverage", file.toString(), "--target", "jc-star:star-1",
                "--target", "uk-psti:compliance");
        assertThat(coverage.exitCode()).as(coverage.err()).isZero();
        assertThat(coverage.out()).contains("jc-star:star-1", "met 16", "uk-psti:compliance");
    }

    @Test
    void aLevelWhoseCriteriaAreNotInTheDataIsNeverReadyToSubmit() {
        // ★3 includes ★1, whose 16 criteria are in the data, but not its own: every answer given still
        // checks only ★1, and the server refuses the assessment (issue 10), so validate must not say "ready".
        Path file = dir.resolve("star3.yaml");
        CliTest.Run init = run("assessment", "init", "--target", "jc-star:star-3", "--product", "Router HR-100",
                "--version", "2.0.0", "--out", file.toString());
        assertThat(init.exitCode()).as(init.err()).isZero();
        for (int i = 1; i <= 16; i++) {
            String id = String.format("jc-star-star1#S1.1-%02d", i);
            assertThat(run("assessment", "set", file.toString(), id, "pass", "--justification", "tested").exitCode()).isZero();
        }
        CliTest.Run validate = run("assessment", "validate", file.toString());
        assertThat(validate.exitCode()).as(validate.out()).isEqualTo(AssessmentCommand.EXIT_INCOMPLETE);
        assertThat(validate.out()).contains("the criteria of jc-star:star-3 are not in the standards data")
                .contains("not ready to submit").doesNotContain("every requirement of");
        CliTest.Run json = run("assessment", "validate", file.toString(), "--json");
        assertThat(json.exitCode()).isEqualTo(AssessmentCommand.EXIT_INCOMPLETE);
        assertThat(json.out()).contains("\"ready\" : false", "jc-star:star-3");
    }

    @Test
    void submitCreatesAnswersAndSubmitsWithTheTokenAndETags() throws Exception {
        Path file = filledStarOne();
        List<String> seen = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String line = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " auth="
                    + exchange.getRequestHeaders().getFirst("Authorization") + " if-match="
                    + exchange.getRequestHeaders().getFirst("If-Match") + " key="
                    + (exchange.getRequestHeaders().getFirst("Idempotency-Key") != null) + " " + body;
            seen.add(line);
            int status;
            String reply;
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/api/v1/assessments")) {
                status = 201;
                reply = "{\"id\":\"a1\",\"state\":\"draft\",\"version\":1}";
                exchange.getResponseHeaders().add("ETag", "\"1\"");
            } else if (path.endsWith("/answers")) {
                status = 200;
                reply = "{\"id\":\"a1\",\"state\":\"draft\",\"version\":2}";
                exchange.getResponseHeaders().add("ETag", "\"2\"");
            } else {
                status = 200;
                reply = "{\"id\":\"a1\",\"state\":\"submitted\",\"version\":3}";
            }
            byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = IotSealCli.newCommandLine();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));
            CommandLine submit = cli.getSubcommands().get("assessment").getSubcommands().get("submit");
            ((AssessmentCommand.Submit) submit.getCommand()).environment = Map.of("IOTSEAL_TOKEN", "iots_test")::get;
            int code = cli.execute("assessment", "submit", file.toString(), "--server", url,
                    "--product-id", "7f1c0000-0000-4000-8000-000000000001");
            assertThat(code).as(err.toString()).isZero();
            assertThat(out.toString()).contains("submitted assessment a1 (submitted)");
        } finally {
            server.stop(0);
        }
        assertThat(seen).hasSize(3);
        assertThat(seen.get(0)).startsWith("POST /api/v1/assessments auth=Bearer iots_test if-match=null key=true")
                .contains("\"target\" : \"jc-star:star-1\"", "\"productVersion\" : \"2.0.0\"");
        assertThat(seen.get(1)).startsWith("PUT /api/v1/assessments/a1/answers auth=Bearer iots_test if-match=\"1\"")
                .contains("jc-star-star1#S1.1-16");
        JsonNode answers = Json.MAPPER.readTree(seen.get(1).substring(seen.get(1).indexOf('{')));
        assertThat(answers.get("answers")).hasSize(16);
        assertThat(seen.get(2)).startsWith("POST /api/v1/assessments/a1/transitions auth=Bearer iots_test if-match=\"2\"")
                .contains("\"action\" : \"submit\"");
    }

    @Test
    void submitRefusesAnIncompleteFileWithoutContactingTheServer() {
        Path file = dir.resolve("b.yaml");
        run("assessment", "init", "--target", "jc-star:star-1", "--product", "Cam", "--version", "1", "--out", file.toString());
        CommandLine cli = IotSealCli.newCommandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        CommandLine submit = cli.getSubcommands().get("assessment").getSubcommands().get("submit");
        ((AssessmentCommand.Submit) submit.getCommand()).environment = Map.of("IOTSEAL_TOKEN", "t")::get;
        int code = cli.execute("assessment", "submit", file.toString(), "--server", "http://127.0.0.1:9",
                "--product-id", "7f1c0000-0000-4000-8000-000000000001");
        assertThat(code).isEqualTo(AssessmentCommand.EXIT_INCOMPLETE);
        assertThat(out.toString()).contains("not submitted");
    }
}
