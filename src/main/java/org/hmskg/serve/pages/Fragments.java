package org.hmskg.serve.pages;

import java.util.List;

/** Small pieces several pages show, as the templates under {@code templates/parts/} draw them. */
public final class Fragments {
    private Fragments() {
    }

    /** Text in a language ({@code ""} when unknown): a {@code lang} span when known. */
    public record Text(String text, String lang) {
    }

    /**
     * A value on a page: a link to a thing with its name ({@code href} not empty), or a literal with its language
     * and, when it is not a plain string, its datatype; or an anonymous node.
     */
    public record Value(String href, Text text, String datatype, boolean anonymous) {
        static Value link(String href, Text text) {
            return new Value(href, text, "", false);
        }

        static Value literal(Text text, String datatype) {
            return new Value("", text, datatype, false);
        }

        static final Value ANONYMOUS = new Value("", new Text("", ""), "", true);
    }

    /** A vocabulary term: its label linked to its documentation, its prefixed name as the title, its Japanese label. */
    public record Term(String href, String prefixed, String name, String ja) {
    }

    /** A plain link. */
    public record Link(String href, String text) {
    }

    /** The links to a page's own data in each RDF syntax. */
    public static List<Link> dataLinks(String path) {
        return List.of(new Link(path + "?format=ttl", "Turtle"), new Link(path + "?format=jsonld", "JSON-LD"),
                new Link(path + "?format=nt", "N-Triples"), new Link(path + "?format=rdf", "RDF/XML"));
    }
}
