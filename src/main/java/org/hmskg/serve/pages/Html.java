package org.hmskg.serve.pages;

import org.hmskg.serve.data.Licence;
import org.hmskg.serve.data.Links;
import org.hmskg.serve.data.Ontology;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Server-rendered pages: one layout, and one escaping function that every value from the data or the request goes
 * through before it reaches HTML.
 */
public final class Html {
    private Html() {
    }

    public static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                // Control characters are not allowed in HTML text: show that one was there, inertly.
                default -> b.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c < 0xa0
                        ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }

    public static String link(String href, String text) {
        return "<a href=\"" + esc(href) + "\">" + esc(text) + "</a>";
    }

    /** Text in a given language ({@code ""} when unknown), marked up so that fonts and screen readers follow. */
    static String text(String text, String lang) {
        if (lang.isEmpty()) {
            return esc(text);
        }
        return "<span lang=\"" + esc(lang) + "\">" + esc(text) + "</span>";
    }

    /** Links to the same resource as data, for a page that negotiates. */
    static String dataLinks(String path) {
        return "<p class=\"formats\">This page as data: "
                + link(path + "?format=ttl", "Turtle") + " · "
                + link(path + "?format=jsonld", "JSON-LD") + " · "
                + link(path + "?format=nt", "N-Triples") + " · "
                + link(path + "?format=rdf", "RDF/XML") + "</p>\n";
    }

    /** A whole page; {@code title} is plain text, {@code body} and {@code head} are HTML built with {@link #esc}. */
    public static String page(String title, String body, String head) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s – hms-kg</title>
                <link rel="stylesheet" href="/assets/site.css">
                %s</head>
                <body>
                <header class="site">
                <a class="brand" href="/">hms-kg</a>
                <nav><a href="/search">Search</a> <a href="/ui/">Query</a> <a href="/def">Ontology</a> \
                <a href="/download/">Download</a> <a href="/.well-known/void">VoID</a></nav>
                <form class="search" action="/search" method="get" role="search">\
                <input type="search" name="q" placeholder="検索 / search" aria-label="Search">\
                <button type="submit">Search</button></form>
                </header>
                <main>
                %s
                </main>
                <footer>
                <p lang="ja">%s</p>
                <p>%s <a href="%s">Licence</a>. <a href="/">About this dataset and how to cite it</a>.</p>
                </footer>
                </body>
                </html>
                """.formatted(esc(title), head, body, esc(Licence.CREDIT_JA), esc(Licence.CREDIT_EN),
                esc(Licence.LICENSE_IRI));
    }

    public static String page(String title, String body) {
        return page(title, body, "");
    }

    public static void send(HttpServletResponse resp, int status, String html) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/html; charset=utf-8");
        resp.getWriter().write(html);
    }
}
