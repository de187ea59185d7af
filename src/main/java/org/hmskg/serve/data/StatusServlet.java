package org.hmskg.serve.data;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.hmskg.store.DatasetVersion;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code /$/status}: the version being served, when it was built, from what, and the last reload error. */
public final class StatusServlet extends HttpServlet {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The last reload that failed. */
    public record ReloadError(String message, Instant at) {
    }

    /** What the server reports besides the dataset version. */
    public record Status(Optional<Instant> startedAt, Optional<ReloadError> lastReloadError) {
    }

    private final Published published;
    private final Supplier<Status> status;

    public StatusServlet(Published published, Supplier<Status> status) {
        this.published = published;
        this.status = status;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        DatasetVersion v = published.current().version();
        Status s = status.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("version", v.version());
        body.put("builtAt", v.builtAt().toString());
        body.put("sources", new TreeMap<>(v.sources()));
        body.put("startedAt", s.startedAt().map(Instant::toString).orElse(null));
        body.put("lastReloadError", s.lastReloadError().map(e -> Map.of("message", e.message(),
                "at", e.at().toString())).orElse(null));
        resp.setContentType("application/json; charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        JSON.writeValue(resp.getOutputStream(), body);
    }
}
