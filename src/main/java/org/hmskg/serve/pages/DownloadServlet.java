package org.hmskg.serve.pages;

import org.hmskg.serve.http.BaseServlet;
import org.hmskg.serve.data.Dumps;
import org.hmskg.serve.http.HttpCacheFilter;
import org.hmskg.serve.http.HttpError;
import org.hmskg.serve.data.Published;
import org.hmskg.serve.data.Snapshot;

import java.io.IOException;
import java.nio.file.Files;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /download/}: the dumps of the version being served, written on first request; only the files listed are
 * served, by exact name.
 */
public final class DownloadServlet extends BaseServlet {
    private final Published published;

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
        StringBuilder b = new StringBuilder("<h1>Downloads</h1>\n<p>Version <code>")
                .append(Html.esc(snapshot.version().version())).append("</code>, built ")
                .append(Html.esc(snapshot.version().builtAt().toString()))
                .append(". The dumps hold the named graphs as stored; check them against <a href=\"SHA256SUMS\">"
                        + "SHA256SUMS</a> (<code>sha256sum -c SHA256SUMS</code>).</p>\n")
                .append("<table class=\"files\">\n<tr><th>File</th><th>Bytes</th><th>SHA-256</th></tr>\n");
        for (Dumps.DumpFile f : dumps.files()) {
            b.append("<tr><td>").append(Html.link(f.name(), f.name())).append(" <small>")
                    .append(Html.esc(f.mediaType())).append("</small></td><td class=\"num\">").append(f.size())
                    .append("</td><td><code class=\"sha\">").append(Html.esc(f.sha256())).append("</code></td></tr>\n");
        }
        b.append("</table>\n");
        Html.send(resp, 200, Html.page("Downloads", b.toString()));
    }
}
