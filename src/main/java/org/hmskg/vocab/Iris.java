package org.hmskg.vocab;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The one place where hms-kg IRIs are minted (CONTRACT.md "Names and IRIs"). Keys are deterministic:
 * the same input gives the same IRI on every build.
 */
public final class Iris {
    public static final String BASE = "https://w3id.org/hmskg/";

    private Iris() {
    }

    public static Node document(String docKey) {
        return id("document", docKey);
    }

    /** {@code path} is the dotted child-index path, e.g. {@code 1.1.2}. */
    public static Node section(String docKey, String path) {
        return id("section", docKey + "/" + path);
    }

    public static Node measure(String docKey, int ordinal) {
        return id("measure", docKey + "/" + ordinal);
    }

    public static Node paragraph(String docKey, int ordinal) {
        return id("paragraph", docKey + "/" + ordinal);
    }

    /** A page number or running header, keyed by its line in the file. */
    public static Node artefact(String docKey, int line) {
        return id("artefact", docKey + "/" + line);
    }

    public static Node footnote(String docKey, String marker) {
        return id("footnote", docKey + "/" + marker);
    }

    public static Node ministry(String key) {
        return id("ministry", key);
    }

    public static Node initiative(String key) {
        return id("initiative", key);
    }

    public static Node citation(String key) {
        return id("citation", key);
    }

    public static Node quantity(String docKey, int measureOrdinal, int n) {
        return quantity(docKey, String.valueOf(measureOrdinal), n);
    }

    /**
     * {@code blockKey} is a measure's ordinal ({@code 37}) or {@code p} and a paragraph's ordinal ({@code p3}), so
     * the things found in measures keep the keys CONTRACT.md gives them.
     */
    public static Node quantity(String docKey, String blockKey, int n) {
        return id("quantity", docKey + "/" + blockKey + "/" + n);
    }

    public static Node mention(String docKey, int measureOrdinal, int start, int end) {
        return mention(docKey, String.valueOf(measureOrdinal), start, end);
    }

    public static Node mention(String docKey, String blockKey, int start, int end) {
        return id("mention", docKey + "/" + blockKey + "/" + start + "-" + end);
    }

    /**
     * A statement: the {@code n}-th sentence (from 1) of a block; {@code blockKey} is a measure's ordinal
     * ({@code 37}) or {@code p} + a paragraph's ordinal ({@code p3}).
     */
    public static Node statement(String docKey, String blockKey, int n) {
        return id("statement", docKey + "/" + blockKey + "/" + n);
    }

    public static Node graph(String name) {
        return NodeFactory.createURI(BASE + "graph/" + name);
    }

    public static Node id(String type, String key) {
        return NodeFactory.createURI(BASE + "id/" + type + "/" + key);
    }

    /** Key for an initiative or citation without a curated key: {@code x-} + 12 hex digits of SHA-256 of the NFKC name. */
    public static String hashKey(String canonicalName) {
        String nfkc = Normalizer.normalize(canonicalName, Normalizer.Form.NFKC);
        return "x-" + DigestUtils.sha256Hex(nfkc.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
    }
}
