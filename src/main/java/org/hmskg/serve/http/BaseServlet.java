package org.hmskg.serve.http;

import org.hmskg.serve.pages.Html;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** A page servlet: an {@link HttpError} becomes its status with a sentence, as HTML for browsers. */
public abstract class BaseServlet extends HttpServlet {
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        try {
            super.service(req, resp);
        } catch (HttpError e) {
            if (resp.isCommitted()) {
                throw e;
            }
            resp.resetBuffer();
            sendError(req, resp, e.status(), e.getMessage());
        }
    }

    static void sendError(HttpServletRequest req, HttpServletResponse resp, int status, String message)
            throws IOException {
        String accept = req.getHeader("Accept");
        if (accept != null && accept.contains("text/html")) {
            Html.send(resp, status, Html.page("Error " + status,
                    "<h1>Error " + status + "</h1>\n<p class=\"error\">" + Html.esc(message) + "</p>"));
        } else {
            resp.setStatus(status);
            resp.setContentType("text/plain; charset=utf-8");
            resp.getWriter().write(message + "\n");
        }
    }
}
