package org.hmskg.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kind of a policy document, each a subclass of {@code hms:PolicyDocument}. Read from the title by the rules of
 * {@code reference/document-kinds.tsv} (the first rule whose words the title contains wins).
 */
public enum DocumentKind {
    FOLLOW_UP("follow-up", "FollowUpReport"),
    STRATEGY("strategy", "Strategy"),
    RD_PLAN("rd-plan", "ResearchPlan"),
    OTHER("other", "");

    private final String label;
    private final String className;

    DocumentKind(String label, String className) {
        this.label = label;
        this.className = className;
    }

    /** The value written in metadata files ({@code "kind": "strategy"}). */
    public String label() {
        return label;
    }

    /** Local name of the hms: class, or empty for a document of no known kind. */
    public String className() {
        return className;
    }

    public static Optional<DocumentKind> byLabel(String label) {
        for (DocumentKind k : values()) {
            if (k.label.equals(label)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    private record Rule(String words, DocumentKind kind) {
    }

    private static final List<Rule> RULES = load();

    /** The kind a title names; {@link #OTHER} when no rule matches. */
    public static DocumentKind ofTitle(String title) {
        String t = compact(title);
        for (Rule r : RULES) {
            if (t.contains(r.words())) {
                return r.kind();
            }
        }
        return OTHER;
    }

    static String compact(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[\\s\u3000]+", "");
    }

    private static List<Rule> load() {
        String resource = "/reference/document-kinds.tsv";
        try (InputStream in = DocumentKind.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            List<Rule> rules = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#") || i == firstRow(lines)) {
                    continue;
                }
                String[] f = lines[i].split("\t", -1);
                DocumentKind kind = f.length < 2 ? null : byLabel(f[1].strip()).orElse(null);
                if (kind == null) {
                    throw new IllegalStateException(resource + ":" + (i + 1) + ": expected words<TAB>kind, kind one of "
                            + "follow-up, strategy, rd-plan, other");
                }
                rules.add(new Rule(compact(f[0]), kind));
            }
            return List.copyOf(rules);
        } catch (IOException e) {
            throw new IllegalStateException(resource + " cannot be read", e);
        }
    }

    /** Index of the header row: the first line that is neither blank nor a comment. */
    private static int firstRow(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            String s = lines[i].strip();
            if (!s.isEmpty() && !s.startsWith("#")) {
                return i;
            }
        }
        return -1;
    }
}
