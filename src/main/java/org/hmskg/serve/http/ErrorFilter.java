package org.hmskg.serve.http;

import java.io.IOException;

import org.eclipse.jetty.http.HttpException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Where a refusal becomes a response, once for every route: an {@link HttpError} thrown by a filter or a servlet
 * is answered with its status and sentence, as a page for browsers and as text otherwise. A request body over
 * Jetty's size limit, found while it is read, is answered 413 the same way.
 */
public final class ErrorFilter implements Filter {

    private final ErrorPage page;
    private final long maxBodyBytes;

    public ErrorFilter(ErrorPage page, long maxBodyBytes) {
        this.page = page;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        try {
            chain.doFilter(request, response);
        } catch (HttpError e) {
            if (resp.isCommitted()) {
                throw e;
            }
            send(req, resp, e.status(), e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (resp.isCommitted() || !tooLarge(e)) {
                throw e;
            }
            send(req, resp, 413, "The request body is larger than the limit of " + maxBodyBytes + " bytes.");
        }
    }

    /** The refusal as the client can read it: a page for a browser, a line of text for anything else. */
    public void send(HttpServletRequest req, HttpServletResponse resp, int status, String message)
            throws IOException {
        resp.resetBuffer();
        resp.setStatus(status);
        if (Negotiation.chooseOr(req.getHeader("Accept"), Negotiation.TEXT_OR_PAGE, Negotiation.Format.TEXT)
                == Negotiation.Format.HTML) {
            resp.setContentType("text/html; charset=utf-8");
            resp.getWriter().write(page.html(status, message));
        } else {
            resp.setContentType("text/plain; charset=utf-8");
            resp.getWriter().write(message + "\n");
        }
    }

    /** Jetty's size limit, met while the body was read, fails the read with a 413 somewhere in the causes. */
    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException h && h.getCode() == 413) {
                return true;
            }
        }
        return false;
    }
}
