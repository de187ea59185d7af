package org.hmskg.serve.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hmskg.serve.http.HttpError;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /assets/*}: the style sheet, the query editor's script, and YASGUI from its webjar, so that no page needs
 * another host. Only the files named here are served; nothing else of the class path is reachable.
 */
public final class AssetServlet extends HttpServlet {
    private static final String YASGUI = "META-INF/resources/webjars/zazuko__yasgui/4.5.0/build/";
    private static final String OWN = "org/hmskg/serve/pages/assets/";

    private record Asset(String resource, String contentType) {
    }

    private static final Map<String, Asset> ASSETS = Map.of(
            "site.css", new Asset(OWN + "site.css", "text/css; charset=utf-8"),
            "statements.css", new Asset(OWN + "statements.css", "text/css; charset=utf-8"),
            "ui.js", new Asset(OWN + "ui.js", "text/javascript; charset=utf-8"),
            "yasgui.min.js", new Asset(YASGUI + "yasgui.min.js", "text/javascript; charset=utf-8"),
            "yasgui.min.css", new Asset(YASGUI + "yasgui.min.css", "text/css; charset=utf-8"));

    private final transient Map<String, byte[]> loaded = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        Asset asset = ASSETS.get(name);
        if (asset == null) {
            throw HttpError.notFound("No such file: /assets/" + name);
        }
        byte[] bytes = loaded.computeIfAbsent(name, n -> read(asset.resource()));
        resp.setContentType(asset.contentType());
        resp.setHeader("Cache-Control", "public, max-age=3600");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    private static byte[] read(String resource) {
        try (InputStream in = AssetServlet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
