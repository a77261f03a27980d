package io.iotseal.probe.credential;

import io.iotseal.probe.finding.Exchange;
import io.iotseal.probe.finding.Redactor;
import io.iotseal.probe.http.HtmlForms;
import io.iotseal.probe.http.HttpResponse;
import io.iotseal.probe.http.RawHttp;
import io.iotseal.probe.net.Dialer;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A login through an HTML form that an entry of {@link FormLoginList} describes (ADR 0089). Each attempt
 * is what a browser does: fetch the page with the form (a fresh session: its cookies and hidden inputs,
 * such as a CSRF token, are carried into the POST), fill in the user name and password, post the form to
 * its action on the same server, and read the answer with the entry's signs of success and failure. A
 * pair is accepted when only success shows, rejected when only failure shows, unknown otherwise; an
 * answer other than 2xx or 3xx never counts as "the form again" (a CSRF refusal is not a wrong password),
 * and 429/503 mean the device refuses attempts. The form is never posted to another server.
 *
 * @param pagePath where the form was found (after at most one redirect)
 */
public record FormLogin(Dialer dialer, int port, boolean tls, String pagePath, FormLoginList.Entry entry)
        implements LoginClient {
    @Override
    public String service() {
        return tls ? "https-form" : "http-form";
    }

    @Override
    public boolean cleartext() {
        return !tls;
    }

    @Override
    public LoginAttempt attempt(Credential credential) {
        return attempt(credential, dialer.timeout());
    }

    /** Waits up to {@code wait} for the answer to the POST: devices may delay a failed login. */
    @Override
    public LoginAttempt attempt(Credential credential, java.time.Duration wait) {
        return Attempts.timed(credential, transcript -> {
            HttpResponse page = RawHttp.get(dialer, port, tls, pagePath, Map.of());
            transcript.add(new Exchange(service(), page.rawRequest(), page.rawResponse()));
            if (page.status() == 429 || page.status() == 503) {
                return new Attempts.Result(LoginOutcome.REFUSED, "status " + page.status() + " for the login page");
            }
            Optional<HtmlForms.Form> form = loginForm(page.body(), entry);
            if (form.isEmpty()) {
                return new Attempts.Result(LoginOutcome.UNKNOWN, "status " + page.status() + ": the login form of '"
                        + entry.id() + "' is no longer at " + pagePath);
            }
            Optional<String> action = action(form.get().action());
            if (action.isEmpty()) {
                return new Attempts.Result(LoginOutcome.UNKNOWN, "the form posts to another server ("
                        + form.get().action() + "): not sent");
            }
            Map<String, String> cookies = setCookies(page);
            Map<String, String> values = form.get().entries(Map.of(entry.userField(), credential.username(),
                    entry.passwordField(), credential.password()));
            Map<String, String> headers = new LinkedHashMap<>();
            String origin = (tls ? "https://" : "http://") + hostPort();
            headers.put("Origin", origin);
            headers.put("Referer", origin + pagePath);
            if (!cookies.isEmpty()) {
                headers.put("Cookie", String.join("; ", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList()));
            }
            HttpResponse answer = RawHttp.request(dialer, port, tls, "POST", action.get(), headers, urlEncoded(values),
                    "application/x-www-form-urlencoded", wait.toMillis());
            String encoded = URLEncoder.encode(credential.password(), StandardCharsets.UTF_8);
            transcript.add(new Exchange(service(),
                    Redactor.transcript(Redactor.transcript(answer.rawRequest(), credential.password()), encoded),
                    Redactor.transcript(answer.rawResponse(), credential.password())));
            return judge(answer, action.get());
        });
    }

    private Attempts.Result judge(HttpResponse answer, String actionPath) {
        int status = answer.status();
        if (status == 429 || status == 503) {
            return new Attempts.Result(LoginOutcome.REFUSED, "status " + status);
        }
        String location = answer.header("location");
        boolean redirect = status >= 300 && status < 400 && !location.isEmpty();
        boolean backToForm = redirect && (samePath(location, pagePath) || samePath(location, actionPath));
        boolean answered = status >= 200 && status < 400;
        List<String> success = new ArrayList<>();
        List<String> failure = new ArrayList<>();
        FormLoginList.Signs ok = entry.success();
        FormLoginList.Signs bad = entry.failure();
        List<String> cookiesSet = new ArrayList<>(setCookies(answer).keySet());
        if (ok.redirect().isPresent() && redirect && !backToForm && ok.redirect().get().matcher(location).find()) {
            success.add("redirect to " + location);
        }
        ok.cookie().filter(cookiesSet::contains).ifPresent(c -> success.add("cookie " + c + " set"));
        if (ok.text().isPresent() && answered && ok.text().get().matcher(answer.body()).find()) {
            success.add("success text");
        }
        if (bad.redirect().isPresent() && redirect && bad.redirect().get().matcher(location).find()) {
            failure.add("redirect to " + location);
        }
        bad.cookie().filter(cookiesSet::contains).ifPresent(c -> failure.add("cookie " + c + " set"));
        if (bad.text().isPresent() && answered && bad.text().get().matcher(answer.body()).find()) {
            failure.add("failure text");
        }
        if (bad.formAgain() && (backToForm || status >= 200 && status < 300 && loginForm(answer.body(), entry).isPresent())) {
            failure.add(backToForm ? "redirect back to the login form" : "the login form again");
        }
        if (bad.status().contains(status)) {
            failure.add("status " + status);
        }
        String detail = "status " + status + " (form " + entry.id() + "): ";
        if (!success.isEmpty() && failure.isEmpty()) {
            return new Attempts.Result(LoginOutcome.ACCEPTED, detail + String.join(", ", success));
        }
        if (success.isEmpty() && !failure.isEmpty()) {
            return new Attempts.Result(LoginOutcome.REJECTED, detail + String.join(", ", failure));
        }
        return new Attempts.Result(LoginOutcome.UNKNOWN, detail + (success.isEmpty() ? "neither a sign of success "
                + "nor of failure" : "signs of both success (" + String.join(", ", success) + ") and failure ("
                + String.join(", ", failure) + ")"));
    }

    /** The entry's login form on a page: a POST form with the user field and a password input of the right name. */
    public static Optional<HtmlForms.Form> loginForm(String html, FormLoginList.Entry entry) {
        return HtmlForms.parse(html).stream()
                .filter(f -> f.method().equals("POST"))
                .filter(f -> f.input(entry.userField()).isPresent())
                .filter(f -> f.input(entry.passwordField()).map(i -> i.type().equals("password")).orElse(false))
                .findFirst();
    }

    /** The path on this server the form posts to, or empty for another server. */
    Optional<String> action(String action) {
        try {
            URI base = URI.create((tls ? "https://" : "http://") + hostPort() + pagePath);
            URI resolved = action.isEmpty() ? base : base.resolve(action.strip());
            if (resolved.getScheme() == null || !resolved.getScheme().equalsIgnoreCase(base.getScheme())
                    || !base.getAuthority().equalsIgnoreCase(resolved.getAuthority())) {
                return Optional.empty();
            }
            String path = resolved.getRawPath() == null || resolved.getRawPath().isEmpty() ? "/" : resolved.getRawPath();
            return Optional.of(path + (resolved.getRawQuery() == null ? "" : "?" + resolved.getRawQuery()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String hostPort() {
        String host = dialer.target().address().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + (port == (tls ? 443 : 80) ? "" : ":" + port);
    }

    private boolean samePath(String location, String path) {
        try {
            String p = URI.create((tls ? "https://" : "http://") + hostPort() + pagePath).resolve(location.strip()).getRawPath();
            String q = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            return p != null && (p.equals(q) || p.isEmpty() && q.equals("/"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The cookies a response sets, name to value (attributes dropped). */
    static Map<String, String> setCookies(HttpResponse response) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String header : response.headers("set-cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return out;
    }

    static String urlEncoded(Map<String, String> values) {
        return String.join("&", values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
    }

    @Override
    public String toString() {
        return "FormLogin[" + service() + ":" + port + pagePath + " " + entry.id().toLowerCase(Locale.ROOT) + "]";
    }
}
