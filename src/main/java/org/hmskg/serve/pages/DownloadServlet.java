package org.hmskg.serve.pages;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.hmskg.serve.data.Dumps;
import org.hmskg.serve.data.Published;
import org.hmskg.serve.data.Snapshot;
import org.hmskg.serve.http.HttpCacheFilter;
import org.hmskg.serve.http.HttpError;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /download/} (the index: {@code downloads.jte}): the dumps of the version being served, written on first request; only the files listed are
 * served, by exact name.
 */
public final class DownloadServlet extends HttpServlet {
    private final transient Published published;

    /** What {@code downloads.jte} shows. */
    public record Model(String version, String builtAt, List<Dumps.DumpFile> files) {
    }

    public DownloadServlet(Published published) {
        this.published = published;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String pathInfo = req.getPathInfo();
        if (pathInfo == null) {
            resp.sendRedirect("/download/");
            return;
        }
        Snapshot snapshot = published.current();
        Dumps dumps = snapshot.dumps();
        if (pathInfo.equals("/")) {
            index(resp, snapshot, dumps);
            return;
        }
        String name = pathInfo.substring(1);
        Dumps.DumpFile file = dumps.file(name).orElseThrow(() -> HttpError.notFound(
                "No such download: " + name + "; the files are listed at /download/."));
        String etag = "\"" + file.sha256().substring(0, 24) + "\"";
        resp.setHeader("ETag", etag);
        resp.setHeader("Cache-Control", HttpCacheFilter.CACHE_CONTROL);
        if (HttpCacheFilter.notModified(req.getHeader("If-None-Match"), etag)) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        resp.setContentType(file.name().endsWith(".gz") ? "application/gzip"
                : file.mediaType() + "; charset=utf-8");
        resp.setContentLengthLong(file.size());
        if (file.name().endsWith(".gz")) {
            resp.setHeader("Content-Disposition", "attachment; filename=\"" + file.name() + "\"");
        }
        Files.copy(dumps.path(file), resp.getOutputStream());
    }

    private static void index(HttpServletResponse resp, Snapshot snapshot, Dumps dumps) throws IOException {
        Pages.send(resp, 200, "downloads.jte", new Model(snapshot.version().version(),
                snapshot.version().builtAt().toString(), dumps.files()));
    }
}
