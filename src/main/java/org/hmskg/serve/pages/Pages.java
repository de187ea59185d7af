package org.hmskg.serve.pages;

import java.io.IOException;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The page templates ({@code src/main/resources/org/hmskg/serve/pages/templates/*.jte}), compiled into classes when
 * the program is built, so that nothing is parsed when the server starts. Each page template takes one record,
 * its page's model, and wraps itself in {@code layout.jte}.
 */
final class Pages {
    static final String PACKAGE = "org.hmskg.serve.pages.templates";
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html, null,
            PACKAGE);

    private Pages() {
    }

    /** The template filled in with {@code model}. */
    static String render(String template, Object model) {
        StringOutput out = new StringOutput(8192);
        ENGINE.render(template, model, new PageOutput(out));
        return out.toString();
    }

    /** Sends the page as the response, with this status. */
    static void send(HttpServletResponse resp, int status, String template, Object model) throws IOException {
        String html = render(template, model);
        resp.setStatus(status);
        resp.setContentType("text/html; charset=utf-8");
        resp.getWriter().write(html);
    }
}
