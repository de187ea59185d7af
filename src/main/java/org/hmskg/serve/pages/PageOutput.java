package org.hmskg.serve.pages;

import java.util.Locale;

import gg.jte.TemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;

/**
 * How a value from the data or the request reaches a page. jte's HTML mode knows where each {@code ${…}} stands
 * (text, attribute, script, event handler) and escapes for it; in text and ordinary attributes this output escapes
 * more than jte does: both quote characters and {@code >} as well as {@code &} and {@code <}, so a value is inert
 * in either kind of quotes, and control characters (which HTML does not allow in a document) become U+FFFD, so
 * that a label holding them still shows that something was there. Scripts and event handlers keep jte's own
 * escaping (the pages have neither).
 */
final class PageOutput extends OwaspHtmlTemplateOutput {
    private String tag;
    private String attribute;

    PageOutput(TemplateOutput out) {
        super(out);
    }

    @Override
    public void setContext(String tagName, String attributeName) {
        this.tag = tagName;
        this.attribute = attributeName;
        super.setContext(tagName, attributeName);
    }

    @Override
    public void writeUserContent(String value) {
        if (value == null) {
            return;
        }
        boolean script = attribute == null ? "script".equals(tag) : attribute.startsWith("on")
                || "href".equals(attribute) && value.strip().toLowerCase(Locale.ROOT).startsWith("javascript:");
        if (script) {
            super.writeUserContent(value);
        } else {
            writeContent(escape(value));
        }
    }

    /** The text with {@code & < > " '} as character references and control characters as U+FFFD. */
    static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c < 0xa0 ? "\uFFFD" : null;
            };
            if (r != null && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (r != null) {
                    b.append(r);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }
}
