package org.hmskg.serve.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.jena.riot.RDFFormat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Content negotiation, in one table: {@code ?format=} beats {@code Accept}, which beats the first format a page
 * offers. Each media range counts with the quality of the most specific range that matches it (RFC 9110 §12.5.1);
 * among equal qualities the page's own order wins, so curl's catch-all range gets the first format (Turtle for
 * data) while a browser, which asks for {@code text/html} at q=1 and everything else lower, gets HTML.
 */
public final class Negotiation {
    private Negotiation() {
    }

    public enum Format {
        TURTLE("ttl", RDFFormat.TURTLE, "text/turtle"),
        JSONLD("jsonld", RDFFormat.JSONLD11, "application/ld+json"),
        NTRIPLES("nt", RDFFormat.NTRIPLES, "application/n-triples"),
        RDFXML("rdf", RDFFormat.RDFXML, "application/rdf+xml"),
        HTML("html", null, "text/html", "application/xhtml+xml"),
        JSON("json", null, "application/json"),
        CSV("csv", null, "text/csv"),
        TEXT("txt", null, "text/plain");

        private final String token;
        private final RDFFormat rdf;
        private final List<String> mediaTypes;

        Format(String token, RDFFormat rdf, String... mediaTypes) {
            this.token = token;
            this.rdf = rdf;
            this.mediaTypes = List.of(mediaTypes);
        }

        String token() {
            return token;
        }

        public String mediaType() {
            return mediaTypes.get(0);
        }

        /** The RIOT writer format; only for the RDF formats. */
        public RDFFormat rdf() {
            if (rdf == null) {
                throw new IllegalStateException(this + " is not an RDF format");
            }
            return rdf;
        }
    }

    /** What a linked-data page offers: data first, so that a client that accepts anything gets Turtle. */
    public static final List<Format> DATA_OR_PAGE = List.of(Format.TURTLE, Format.JSONLD, Format.NTRIPLES, Format.RDFXML,
            Format.HTML);
    public static final List<Format> PAGE_OR_JSON = List.of(Format.HTML, Format.JSON);
    /** What a listing offers: the page first (curl's catch-all gets it too), the same rows as JSON or CSV. */
    public static final List<Format> PAGE_JSON_OR_CSV = List.of(Format.HTML, Format.JSON, Format.CSV);
    /** What a refusal or a notice offers: text for programs (and curl), a page for browsers. */
    public static final List<Format> TEXT_OR_PAGE = List.of(Format.TEXT, Format.HTML);

    /**
     * The format for this request; the response gets {@code Vary: Accept}, since its content depends on it.
     *
     * @throws HttpError 400 for an unknown {@code ?format=}, 406 when {@code Accept} allows nothing on offer
     */
    public static Format choose(HttpServletRequest req, HttpServletResponse resp, List<Format> offer) {
        vary(resp, "Accept");
        return choose(req.getParameter("format"), req.getHeader("Accept"), offer);
    }

    /** The format {@code Accept} asks for among {@code offer}, or {@code fallback}: for answers that never fail. */
    public static Format chooseOr(String accept, List<Format> offer, Format fallback) {
        try {
            return choose(null, accept, offer);
        } catch (HttpError e) {
            return fallback;
        }
    }

    /**
     * Adds a request header to {@code Vary}, keeping the ones already named there (Jetty's gzip names
     * {@code Accept-Encoding}, the CORS filter {@code Origin}), in one header.
     */
    public static void vary(HttpServletResponse resp, String header) {
        List<String> names = new ArrayList<>();
        for (String v : resp.getHeaders("Vary")) {
            for (String n : v.split(",")) {
                if (!n.isBlank() && names.stream().noneMatch(n.strip()::equalsIgnoreCase)) {
                    names.add(n.strip());
                }
            }
        }
        if (names.stream().noneMatch(header::equalsIgnoreCase)) {
            names.add(header);
        }
        resp.setHeader("Vary", String.join(", ", names));
    }

    /**
     * @param formatParam the {@code ?format=} value or null
     * @param accept      the {@code Accept} header or null
     * @param offer       what the page can produce, in the server's order of preference
     * @throws HttpError 400 for an unknown {@code ?format=}, 406 when {@code Accept} allows nothing on offer
     */
    public static Format choose(String formatParam, String accept, List<Format> offer) {
        if (formatParam != null) {
            for (Format f : offer) {
                if (f.token.equals(formatParam)) {
                    return f;
                }
            }
            throw HttpError.badRequest("Unknown format '" + formatParam + "': use one of " + tokens(offer) + ".");
        }
        if (accept == null || accept.isBlank()) {
            return offer.get(0);
        }
        List<Range> ranges = parse(accept);
        Format best = null;
        double bestQ = 0;
        for (Format f : offer) {
            double q = quality(ranges, f);
            if (q > bestQ) {
                best = f;
                bestQ = q;
            }
        }
        if (best == null) {
            throw new HttpError(406, "Nothing in Accept: " + accept + " is available here; this page offers "
                    + offer.stream().map(Format::mediaType).collect(Collectors.joining(", "))
                    + " (or ask with ?format=" + tokens(offer) + ").");
        }
        return best;
    }

    static String tokens(List<Format> offer) {
        return offer.stream().map(Format::token).collect(Collectors.joining("|"));
    }

    private record Range(String type, String subtype, double q) {
        /** 2 for an exact match, 1 for a type-wide range, 0 for the catch-all range, -1 for no match. */
        int specificity(String mediaType) {
            int slash = mediaType.indexOf('/');
            String t = mediaType.substring(0, slash);
            String s = mediaType.substring(slash + 1);
            if (type.equals("*")) {
                return 0;
            }
            if (!type.equals(t)) {
                return -1;
            }
            if (subtype.equals("*")) {
                return 1;
            }
            return subtype.equals(s) ? 2 : -1;
        }
    }

    private static double quality(List<Range> ranges, Format f) {
        double q = 0;
        for (String mediaType : f.mediaTypes) {
            int bestSpecificity = -1;
            double rangeQ = 0;
            for (Range r : ranges) {
                int s = r.specificity(mediaType);
                if (s > bestSpecificity) {
                    bestSpecificity = s;
                    rangeQ = r.q;
                }
            }
            q = Math.max(q, rangeQ);
        }
        return q;
    }

    private static List<Range> parse(String accept) {
        List<Range> ranges = new ArrayList<>();
        for (String item : accept.split(",")) {
            String[] parts = item.split(";");
            String mediaRange = parts[0].trim().toLowerCase(Locale.ROOT);
            int slash = mediaRange.indexOf('/');
            if (slash <= 0 || slash == mediaRange.length() - 1) {
                continue;
            }
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String param = parts[i].trim();
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2).trim());
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            ranges.add(new Range(mediaRange.substring(0, slash), mediaRange.substring(slash + 1), q));
        }
        return ranges;
    }
}
