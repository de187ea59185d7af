package org.hmskg.serve.pages;

import java.io.IOException;
import java.util.List;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hmskg.query.QueryLibrary;
import org.hmskg.serve.data.Prefixes;
import org.hmskg.serve.data.Published;
import org.hmskg.serve.http.HttpError;
import org.hmskg.serve.http.ServerConfig;
import org.hmskg.vocab.HMS;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /ui/} ({@code ui.jte}): YASGUI from the webjar, pointed at this server's {@code /sparql}, with the prefixes preset and the
 * example queries as a gallery, each with what it needs of the data served; {@code /ui/?query=…} opens that query.
 * The page loads nothing from other hosts.
 */
public final class UiServlet extends HttpServlet {
    private final transient Published published;
    private final transient ServerConfig config;
    private final transient QueryLibrary examples;
    private final String prefixesJson;

    public UiServlet(Published published, ServerConfig config, QueryLibrary examples) {
        this.published = published;
        this.config = config;
        this.examples = examples;
        try {
            this.prefixesJson = new ObjectMapper()
                    .writeValueAsString(new TreeMap<>(Prefixes.STANDARD.getNsPrefixMap()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the prefixes as JSON", e);
        }
    }

    /** What {@code ui.jte} shows. */
    public record Model(String limits, List<Gallery.Example> examples, String base, String vocabulary,
                        String prefixesJson) {
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String pathInfo = req.getPathInfo();
        if (pathInfo == null) {
            String query = req.getQueryString();
            resp.sendRedirect("/ui/" + (query == null ? "" : "?" + query));
            return;
        }
        if (!pathInfo.equals("/")) {
            throw HttpError.notFound("No such page: /ui" + pathInfo + "; the query editor is at /ui/.");
        }
        Pages.send(resp, 200, "ui.jte", new Model(config.describeLimits(), Gallery.of(examples, published.current()),
                config.baseIri(), HMS.NS, prefixesJson));
    }
}
