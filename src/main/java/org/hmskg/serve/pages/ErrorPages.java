package org.hmskg.serve.pages;

import org.hmskg.serve.http.ErrorPage;

/** The page an error is shown with to a browser ({@code error.jte}). */
public final class ErrorPages implements ErrorPage {
    /** What {@code error.jte} shows. */
    public record Model(int status, String message) {
    }

    @Override
    public String html(int status, String message) {
        return Pages.render("error.jte", new Model(status, message));
    }
}
